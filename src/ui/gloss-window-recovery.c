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
#include <unistd.h>

#include "gloss-file-row.h"
#include "gloss-settings.h"
#include "gloss-window-private.h"

gboolean
_gloss_window_is_dirty (GlossWindow *self)
{
  /* A preview is never saved (gloss-window-preview.c). */
  return self->project != NULL && !gloss_project_is_partial (self->project) &&
         (gloss_project_get_dirty (self->project) || self->recovered);
}

/* ---- recovery files ---- */

static char *
recovery_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "gloss", "recovery", NULL);
}

/* Beside the file itself (a link's target: a link and its target share
 * one copy), under a name that fits beside any name. */
static GFile *
beside_recovery_for (GFile *file)
{
  g_autoptr(GFile) resolved = gloss_file_resolve (file);
  g_autoptr(GFile) parent = g_file_get_parent (resolved);
  g_autofree char *basename = g_file_get_basename (resolved);
  g_autofree char *name = gloss_file_sidecar_name (basename, ".", ".autosave");

  return g_file_get_child (parent, name);
}

/* The state directory's copies of @file start with a digest of its real
 * path; "-PID" makes one a process's own. */
static char *
state_recovery_prefix (GFile *file)
{
  g_autoptr(GFile) resolved = gloss_file_resolve (file);
  g_autofree char *uri = g_file_get_uri (resolved);
  char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);

  digest[24] = '\0';
  return digest;
}

static GFile *
state_recovery_for (GFile *file)
{
  g_autofree char *dir = recovery_dir ();
  g_autofree char *prefix = state_recovery_prefix (file);
  g_autofree char *name = g_strdup_printf ("%s-%d.autosave", prefix, (int) getpid ());

  g_mkdir_with_parents (dir, 0700);
  return g_file_new_build_filename (dir, name, NULL);
}

static gint64
modified_usec (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autoptr(GDateTime) time = info != NULL ? g_file_info_get_modification_date_time (info) : NULL;

  return time != NULL ? g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time)
                      : G_MININT64;
}

static gboolean recovery_in_use (GlossWindow *self,
                                 GFile       *file);

/* Every recovery copy of @file that no window of this process is writing,
 * newest first: beside it, and in the state directory. */
static GPtrArray *
find_recovery_copies (GlossWindow *self,
                      GFile       *file,
                      gboolean     include_beside)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) beside = beside_recovery_for (file);
  g_autofree char *dir = recovery_dir ();
  g_autofree char *prefix = state_recovery_prefix (file);
  g_autoptr(GDir) children = g_dir_open (dir, 0, NULL);
  const char *name;

  if (include_beside && g_file_query_exists (beside, NULL))
    g_ptr_array_add (found, g_object_ref (beside));
  while (children != NULL && (name = g_dir_read_name (children)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".autosave"))
      g_ptr_array_add (found, g_file_new_build_filename (dir, name, NULL));

  for (guint i = found->len; i > 0; i--)
    if (recovery_in_use (self, g_ptr_array_index (found, i - 1)))
      g_ptr_array_remove_index (found, i - 1);

  /* Newest first: a short insertion sort, there are seldom two. */
  for (guint i = 1; i < found->len; i++)
    for (guint j = i; j > 0 && modified_usec (found->pdata[j]) > modified_usec (found->pdata[j - 1]); j--)
      {
        gpointer swap = found->pdata[j];

        found->pdata[j] = found->pdata[j - 1];
        found->pdata[j - 1] = swap;
      }
  return found;
}

static GFile *
ensure_recovery_file (GlossWindow *self)
{
  if (self->recovery != NULL)
    return self->recovery;

  if (self->file != NULL)
    {
      g_autoptr(GFile) beside = beside_recovery_for (self->file);

      /* Never over a copy this window did not write or offer (another
       * process's, or one that appeared since), nor beside a project that
       * another process has open: then a copy of our own. */
      if (self->lock_holder != NULL || g_file_query_exists (beside, NULL))
        self->recovery = state_recovery_for (self->file);
      else
        self->recovery = g_steal_pointer (&beside);
    }
  else
    {
      /* An untitled project: the user's state directory. */
      g_autofree char *dir = recovery_dir ();
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      g_autofree char *name = g_strdup_printf ("untitled-%s-%08x.gloss", stamp, g_random_int ());

      g_mkdir_with_parents (dir, 0700);
      self->recovery = g_file_new_build_filename (dir, name, NULL);
    }
  self->recovery_owned = FALSE;
  return self->recovery;
}

void
_gloss_window_discard_recovery (GlossWindow *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  /* Only a copy this window wrote or was offered: never another's. */
  if (self->recovery != NULL && self->recovery_owned)
    g_file_delete (self->recovery, NULL, NULL);
}

void
_gloss_window_track_file (GlossWindow *self)
{
  g_clear_pointer (&self->lock, gloss_file_lock_release);
  g_clear_pointer (&self->lock_holder, g_free);
  if (self->file == NULL)
    return;

  {
    g_autoptr(GFile) resolved = gloss_file_resolve (self->file);
    g_autoptr(GFile) folder = g_file_get_parent (resolved);

    if (folder != NULL)
      gloss_file_remove_stale_temps (folder);
  }

  self->lock = gloss_file_lock_acquire (self->file, &self->lock_holder);
  if (self->lock_holder != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);
      g_autofree char *name = g_filename_display_name (basename);
      g_autofree char *text = NULL;

      /* Translators: %s is a file name, %s a user, host and process id */
      text = g_strdup_printf (_("“%s” is also open elsewhere (%s): saving will ask before overwriting changes made there"),
                              name, self->lock_holder);
      _gloss_window_toast (self, text);
    }
}

/* What an autosave's worker reads and where it writes. */
typedef struct {
  GlossProject *project;   /* held for reading (gloss_project_begin_read ()) */
  GFile        *target;
  GFile        *fallback;
  GFile        *mode_from;
} AutosaveJob;

static void
autosave_job_free (AutosaveJob *job)
{
  g_clear_object (&job->project);
  g_clear_object (&job->target);
  g_clear_object (&job->fallback);
  g_clear_object (&job->mode_from);
  g_free (job);
}

static void
autosave_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  AutosaveJob *files = task_data;
  g_autoptr(GBytes) bytes = gloss_project_serialize (files->project);
  g_autoptr(GError) error = NULL;

  gloss_project_end_read (files->project);

  /* The copy takes the project's permissions: a private project's copy
   * is private. */
  if (gloss_file_write (files->target, bytes, GLOSS_WRITE_PROJECT, files->mode_from, &error))
    {
      g_task_return_pointer (task, g_object_ref (files->target), g_object_unref);
      return;
    }

  /* A read-only folder: the state directory keeps the copy instead. */
  if (files->fallback != NULL &&
      !g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE))
    {
      g_clear_error (&error);
      if (gloss_file_write (files->fallback, bytes, GLOSS_WRITE_PROJECT, files->mode_from, &error))
        {
          g_task_return_pointer (task, g_object_ref (files->fallback), g_object_unref);
          return;
        }
    }
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
autosave_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GlossWindow *self = GLOSS_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) written = g_task_propagate_pointer (G_TASK (result), &error);
  AutosaveJob *files = g_task_get_task_data (G_TASK (result));
  GFile *fallback = files->fallback;

  if (written == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = NULL;

          g_warning ("Autosave failed: %s", error->message);
          /* Translators: %s says why */
          text = g_strdup_printf (_("Could not save a recovery copy: %s"), error->message);
          _gloss_window_toast (self, text);
        }
      return;
    }

  /* Saved while this copy was being written: it is stale already, and
   * must not be offered back on the next open. */
  if (!_gloss_window_is_dirty (self) || self->recovery == NULL ||
      (!g_file_equal (written, self->recovery) && (fallback == NULL || !g_file_equal (written, fallback))))
    {
      g_file_delete (written, NULL, NULL);
      return;
    }

  if (!g_file_equal (written, self->recovery))
    {
      /* The fallback: say where the work is protected now. */
      g_autofree char *where = g_file_get_parse_name (written);
      g_autofree char *text = NULL;

      g_set_object (&self->recovery, written);
      /* Translators: %s is a path */
      text = g_strdup_printf (_("The project’s folder cannot be written: recovery copies go to %s"), where);
      if (!self->recovery_moved_told)
        _gloss_window_toast (self, text);
      self->recovery_moved_told = TRUE;
    }
  self->recovery_owned = TRUE;
}

static gboolean
autosave_cb (gpointer user_data)
{
  GlossWindow *self = user_data;
  g_autoptr(GTask) task = NULL;
  AutosaveJob *files;
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

  files = g_new0 (AutosaveJob, 1);
  files->target = g_object_ref (ensure_recovery_file (self));
  if (self->file != NULL)
    {
      g_autoptr(GFile) state = state_recovery_for (self->file);

      files->mode_from = g_object_ref (self->file);
      if (!g_file_equal (state, files->target))
        files->fallback = g_steal_pointer (&state);
    }

  task = g_task_new (self, self->cancellable, autosave_done_cb, NULL);
  g_task_set_source_tag (task, autosave_cb);
  gloss_project_begin_read (self->project);
  files->project = g_object_ref (self->project);
  g_task_set_task_data (task, files, (GDestroyNotify) autosave_job_free);
  g_task_run_in_thread (task, autosave_thread);
  return G_SOURCE_REMOVE;
}

void
_gloss_window_schedule_autosave (GlossWindow *self)
{
  const char *override = g_getenv ("GLOSS_AUTOSAVE_DELAY_MS");
  guint delay_ms;

  if (self->project == NULL)
    return;
  /* Undone back to the saved state: the copy holds changes the file no
   * longer needs, which the next start would offer back. It goes, as
   * after a save. */
  if (!_gloss_window_is_dirty (self))
    {
      _gloss_window_discard_recovery (self);
      self->autosaved_generation = gloss_project_get_generation (self->project);
      return;
    }

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
  GlossProject *project;   /* NULL when the file itself failed to load */
  GFile        *file;
  GFile        *recovery;
} RecoverData;

static void
recover_data_free (RecoverData *data)
{
  g_object_unref (data->self);
  g_clear_object (&data->project);
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
          /* The copy says nothing of the file on disk: saving checks the
           * file against what was loaded from it, when it loaded. */
          if (data->project != NULL && gloss_project_get_disk_state (data->project) != NULL)
            gloss_project_set_disk_state (recovered,
                                          gloss_disk_state_copy (gloss_project_get_disk_state (data->project)));
          else
            gloss_project_set_disk_state (recovered, NULL);
          _gloss_window_set_project (self, recovered, data->file);
          self->recovered = TRUE;
          self->recovery = g_object_ref (data->recovery);
          self->recovery_owned = TRUE;
          _gloss_window_update_title (self);
          _gloss_window_toast (self, _("Unsaved changes recovered"));
        }
      else
        {
          /* Keep the recovery file: it may be all there is. */
          if (data->project != NULL)
            _gloss_window_set_project (self, data->project, data->file);
          _gloss_window_error (self, _("Could not recover the changes"), error);
        }
    }
  else if (data->project != NULL)
    {
      /* Discarded: it was offered, and the user said so. */
      g_file_delete (data->recovery, NULL, NULL);
      _gloss_window_set_project (self, data->project, data->file);
    }
  else
    _gloss_window_show_page (self, "start");
  recover_data_free (data);
}

/* The newest copy this process may offer: none that another live
 * process of the project is writing. */
static GFile *
offerable_copy (GlossWindow *self,
                GFile       *file)
{
  g_autoptr(GPtrArray) copies = NULL;
  g_autofree char *holder = NULL;
  g_autoptr(GlossFileLock) probe = gloss_file_lock_acquire (file, &holder);

  /* Whoever holds the lock writes the copy beside the project. */
  copies = find_recovery_copies (self, file, holder == NULL);
  return copies->len > 0 ? g_object_ref (g_ptr_array_index (copies, 0)) : NULL;
}

static void
present_offer (GlossWindow *self,
               RecoverData *data,
               const char  *heading,
               const char  *body,
               const char  *recover_label,
               const char  *other_label)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", other_label,
                                    "recover", recover_label,
                                    NULL);
  if (data->project != NULL)
    adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  /* Closing the dialog keeps the copy. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog),
                                         data->project != NULL ? "recover" : "discard");
  gtk_widget_add_css_class (dialog, "gloss-recover-dialog");
  g_signal_connect (dialog, "response", G_CALLBACK (recover_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
when_modified (GFile *file)
{
  gint64 usec = modified_usec (file);
  g_autoptr(GDateTime) time = usec != G_MININT64 ? g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC) : NULL;

  return time != NULL ? g_date_time_format (time, "%c") : g_strdup ("");
}

gboolean
_gloss_window_offer_recovery (GlossWindow  *self,
                              GlossProject *project,
                              GFile        *file)
{
  g_autoptr(GFile) recovery = offerable_copy (self, file);
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  RecoverData *data;

  /* Every copy is offered, whatever the project's time says: a `touch`, a
   * checkout or a sync client moves that after the crash. A clean save
   * or close removes the copy, so one that is there holds unsaved work. */
  if (recovery == NULL)
    return FALSE;

  basename = g_file_get_basename (file);
  name = gloss_untrusted_file_name (file);
  when = when_modified (recovery);
  /* Translators: %s is a file name, then a date */
  body = g_strdup_printf (_("Gloss kept changes to %s that were not saved (%s), from a session that ended unexpectedly. Recover them?"),
                          name, when);

  data = g_new0 (RecoverData, 1);
  data->self = g_object_ref (self);
  data->project = g_object_ref (project);
  data->file = g_object_ref (file);
  data->recovery = g_steal_pointer (&recovery);
  present_offer (self, data, _("Recover Unsaved Changes?"), body, _("_Recover"), _("_Discard"));
  return TRUE;
}

gboolean
_gloss_window_offer_recovery_of_broken (GlossWindow  *self,
                                        GFile        *file,
                                        const GError *error)
{
  g_autoptr(GFile) recovery = offerable_copy (self, file);
  g_autoptr(GlossProject) probe = NULL;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  RecoverData *data;

  /* Offered only if it is intact itself. */
  if (recovery == NULL || (probe = gloss_project_load (recovery, NULL)) == NULL)
    return FALSE;

  when = when_modified (recovery);
  /* Translators: the first %s says what is wrong with the file, the second is a date */
  body = g_strdup_printf (_("%s\n\nA recovery copy of it from %s is intact. Open the recovery copy?"),
                          error->message, when);

  data = g_new0 (RecoverData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->recovery = g_steal_pointer (&recovery);
  present_offer (self, data, _("The Project Could Not Be Opened"), body,
                 _("_Open Recovery Copy"), _("_Close"));
  return TRUE;
}

/* ---- recovered untitled projects on the start page ---- */

static void
recovered_activated_cb (GtkListBox    *list,
                        GtkListBoxRow *row,
                        GlossWindow   *self)
{
  GFile *file = gloss_file_row_get_file (GLOSS_FILE_ROW (row));
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
  g_autofree char *path = recovery_dir ();
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
      row = gloss_file_row_new (file, _("Unsaved Project"), when);
      gtk_widget_add_css_class (row, "gloss-recovered-row");
      gtk_list_box_append (self->recovered_list, row);
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recovered_group), shown > 0);
}

void
_gloss_window_init_recovered_list (GlossWindow *self)
{
  g_signal_connect (self->recovered_list, "row-activated", G_CALLBACK (recovered_activated_cb), self);
}
