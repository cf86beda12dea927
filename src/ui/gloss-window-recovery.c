/* gloss-window-recovery.c — autosave, and getting it back after a crash
 *
 * A few seconds after each change a worker serialises the project (edits
 * wait while it reads) and writes it atomically to a recovery file: beside the project (.NAME.gloss.autosave), or for an
 * untitled project in the user's state directory. Opening the project
 * offers a newer recovery copy back; the start page lists untitled ones.
 * A save or a clean close deletes the copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gloss-settings.h"
#include "gloss-window-private.h"

gboolean
_gloss_window_is_dirty (GlossWindow *self)
{
  return self->project != NULL &&
         (gloss_project_get_dirty (self->project) || self->recovered);
}

/* ---- recovery files ---- */

static GFile *
recovery_file_for (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_strdup_printf (".%s.autosave", basename);

  return g_file_get_child (parent, name);
}

static char *
untitled_recovery_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "gloss", "recovery", NULL);
}

static GFile *
ensure_recovery_file (GlossWindow *self)
{
  if (self->recovery != NULL)
    return self->recovery;

  if (self->file != NULL)
    self->recovery = recovery_file_for (self->file);
  else
    {
      /* An untitled project: the user's state directory. */
      g_autofree char *dir = untitled_recovery_dir ();
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      g_autofree char *name = g_strdup_printf ("untitled-%s-%08x.gloss", stamp, g_random_int ());

      g_mkdir_with_parents (dir, 0700);
      self->recovery = g_file_new_build_filename (dir, name, NULL);
    }
  return self->recovery;
}

void
_gloss_window_discard_recovery (GlossWindow *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->recovery != NULL)
    g_file_delete (self->recovery, NULL, NULL);
}

static void
autosave_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GFile *file = g_object_get_data (G_OBJECT (task), "gloss-file");
  GlossProject *project = task_data;
  g_autoptr(GBytes) bytes = gloss_project_serialize (project);
  g_autoptr(GError) error = NULL;

  gloss_project_end_read (project);

  if (gloss_write_file_atomically (file, bytes, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
autosave_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          GlossWindow *self = GLOSS_WINDOW (source);

          g_warning ("Autosave failed: %s", error->message);
          _gloss_window_toast (self, _("Could not save a recovery copy"));
        }
      return;
    }

  /* Saved while this copy was being written: it is stale already, and
   * must not be offered back on the next open. */
  {
    GlossWindow *self = GLOSS_WINDOW (source);
    GFile *written = g_object_get_data (G_OBJECT (result), "gloss-file");

    if (!_gloss_window_is_dirty (self) || self->recovery == NULL || !g_file_equal (written, self->recovery))
      g_file_delete (written, NULL, NULL);
  }
}

static gboolean
autosave_cb (gpointer user_data)
{
  GlossWindow *self = user_data;
  g_autoptr(GTask) task = NULL;
  guint64 generation;

  self->autosave_id = 0;
  if (self->project == NULL || !_gloss_window_is_dirty (self))
    return G_SOURCE_REMOVE;

  generation = gloss_project_get_generation (self->project);
  if (generation == self->autosaved_generation)
    return G_SOURCE_REMOVE;

  /* Serialise and write in a worker: a large project takes long enough
   * to stall the window. Edits wait while the worker reads the project
   * (gloss_project_begin_read ()), so the copy is of one state. */
  self->autosaved_generation = generation;

  task = g_task_new (self, self->cancellable, autosave_done_cb, NULL);
  g_task_set_source_tag (task, autosave_cb);
  gloss_project_begin_read (self->project);
  g_task_set_task_data (task, g_object_ref (self->project), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "gloss-file",
                          g_object_ref (ensure_recovery_file (self)), g_object_unref);
  g_task_run_in_thread (task, autosave_thread);
  return G_SOURCE_REMOVE;
}

void
_gloss_window_schedule_autosave (GlossWindow *self)
{
  const char *override = g_getenv ("GLOSS_AUTOSAVE_DELAY_MS");
  guint delay_ms;

  if (self->project == NULL || !_gloss_window_is_dirty (self))
    return;

  if (override != NULL)
    delay_ms = (guint) g_ascii_strtoull (override, NULL, 10);
  else
    delay_ms = (guint) gloss_settings_get_int ("autosave-delay", 3) * 1000;

  /* Debounced: a few seconds after the last change. */
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add (MAX (delay_ms, 100), autosave_cb, self);
}

typedef struct {
  GlossWindow  *self;
  GlossProject *project;
  GFile        *file;
  GFile        *recovery;
} RecoverData;

static void
recover_data_free (RecoverData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->project);
  g_object_unref (data->file);
  g_object_unref (data->recovery);
  g_free (data);
}

static void
recover_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     RecoverData      *data)
{
  GlossWindow *self = data->self;

  if (g_str_equal (response, "recover"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossProject) recovered = gloss_project_load (data->recovery, &error);

      if (recovered != NULL)
        {
          _gloss_window_set_project (self, recovered, data->file);
          self->recovered = TRUE;
          self->recovery = g_object_ref (data->recovery);
          _gloss_window_update_title (self);
          _gloss_window_toast (self, _("Unsaved changes recovered"));
        }
      else
        {
          /* Keep the recovery file: it may be all there is. */
          _gloss_window_set_project (self, data->project, data->file);
          _gloss_window_error (self, _("Could not recover the changes"), error);
        }
    }
  else
    {
      g_file_delete (data->recovery, NULL, NULL);
      _gloss_window_set_project (self, data->project, data->file);
    }
  recover_data_free (data);
}

static gboolean
recovery_is_newer (GFile *file,
                   GFile *recovery)
{
  g_autoptr(GFileInfo) a = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                              G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                              G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autoptr(GFileInfo) b = g_file_query_info (recovery, G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                              G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                              G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autoptr(GDateTime) ta = NULL;
  g_autoptr(GDateTime) tb = NULL;

  if (a == NULL || b == NULL)
    return b != NULL;
  ta = g_file_info_get_modification_date_time (a);
  tb = g_file_info_get_modification_date_time (b);
  return ta == NULL || tb == NULL || g_date_time_compare (tb, ta) >= 0;
}

gboolean
_gloss_window_offer_recovery (GlossWindow  *self,
                              GlossProject *project,
                              GFile        *file)
{
  g_autoptr(GFile) recovery = recovery_file_for (file);
  g_autofree char *basename = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  RecoverData *data;

  if (!g_file_query_exists (recovery, NULL) || !recovery_is_newer (file, recovery))
    return FALSE;

  basename = g_file_get_basename (file);
  body = g_strdup_printf (_("Gloss kept changes to “%s” that were not saved, from a session that ended unexpectedly. Recover them?"),
                          basename);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Recover Unsaved Changes?"), NULL);
  data = g_new0 (RecoverData, 1);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  gtk_widget_add_css_class (dialog, "gloss-recover-dialog");

  data->self = g_object_ref (self);
  data->project = g_object_ref (project);
  data->file = g_object_ref (file);
  data->recovery = g_steal_pointer (&recovery);
  g_signal_connect (dialog, "response", G_CALLBACK (recover_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* ---- recovered untitled projects on the start page ---- */

static void
recovered_activated_cb (GtkListBox    *list,
                        GtkListBoxRow *row,
                        GlossWindow   *self)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "gloss-file");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project = gloss_project_load (file, &error);

  if (project == NULL)
    {
      _gloss_window_error (self, _("Could Not Recover the Project"), error);
      return;
    }

  /* Untitled still: saving asks where, and then the recovery file goes. */
  _gloss_window_set_project (self, project, NULL);
  self->recovered = TRUE;
  self->recovery = g_object_ref (file);
  _gloss_window_update_title (self);
  _gloss_window_toast (self, _("Unsaved project recovered"));
}

static gboolean
recovery_in_use (GlossWindow *self,
                 GFile       *file)
{
  GApplication *app = g_application_get_default ();
  GList *windows = app != NULL ? gtk_application_get_windows (GTK_APPLICATION (app)) : NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (GLOSS_IS_WINDOW (l->data) && GLOSS_WINDOW (l->data)->recovery != NULL &&
        g_file_equal (GLOSS_WINDOW (l->data)->recovery, file))
      return TRUE;
  return FALSE;
}

void
_gloss_window_refresh_recovered (GlossWindow *self)
{
  g_autofree char *path = untitled_recovery_dir ();
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recovered_list))) != NULL)
    gtk_list_box_remove (self->recovered_list, child);

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (children != NULL)
    {
      GFileInfo *info = NULL;
      GFile *file = NULL;
      g_autoptr(GDateTime) modified = NULL;
      g_autofree char *when = NULL;
      GtkWidget *row;

      if (!g_file_enumerator_iterate (children, &info, &file, NULL, NULL) || info == NULL)
        break;
      if (!g_str_has_suffix (g_file_info_get_name (info), ".gloss") || recovery_in_use (self, file))
        continue;

      modified = g_file_info_get_modification_date_time (info);
      if (modified != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (modified);

          when = g_date_time_format (local, "%c");
        }
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Unsaved Project"));
      if (when != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "gloss-file", g_object_ref (file), g_object_unref);
      gtk_widget_add_css_class (row, "gloss-recovered-row");
      gtk_list_box_append (self->recovered_list, row);
      shown++;
    }

  if (!g_object_get_data (G_OBJECT (self->recovered_list), "gloss-connected"))
    {
      g_signal_connect (self->recovered_list, "row-activated", G_CALLBACK (recovered_activated_cb), self);
      g_object_set_data (G_OBJECT (self->recovered_list), "gloss-connected", GINT_TO_POINTER (1));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recovered_group), shown > 0);
}
