/* gloss-window-recent.c — the start page's Recent Projects
 *
 * Each row names a project and where it is. Under Flatpak a project the
 * analyst opened is the document portal's view of it,
 * $XDG_RUNTIME_DIR/doc/<id>/<name>: the portal keeps that id across
 * restarts, so the row still opens it, and the portal is asked where the
 * file really is so that the row shows the analyst's own folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-application.h"
#include "gloss-file-row.h"
#include "gloss-host-path.h"
#include "gloss-settings.h"
#include "gloss-window-private.h"

static void
recent_activated_cb (GtkListBox    *list,
                     GtkListBoxRow *row,
                     GlossWindow   *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  gloss_application_open_project (GLOSS_APPLICATION (application),
                                  gloss_file_row_get_file (GLOSS_FILE_ROW (row)), self);
}

static void
host_paths_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GlossWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = gloss_host_paths_lookup_finish (result, &error);
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *row;
  guint i = 0;

  if (paths == NULL)
    {
      /* Cancelled: the list was refreshed again, or the window is gone. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Recent projects keep their names only: %s", error->message);
      return;
    }

  /* The rows are in the order of the files asked about. */
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list));
       row != NULL && i < paths->len;
       row = gtk_widget_get_next_sibling (row), i++)
    {
      const char *host_path = g_ptr_array_index (paths, i);

      if (host_path == NULL)
        continue;
      /* The portal gives one file a new id when it comes in another way
       * (the file chooser, flatpak run --file-forwarding): list it once. */
      if (!g_hash_table_add (shown, (gpointer) host_path))
        gtk_widget_set_visible (row, FALSE);
      else
        {
          g_autofree char *label = g_filename_display_name (host_path);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), label);
        }
    }
}

void
_gloss_window_refresh_recent (GlossWindow *self)
{
  g_auto(GStrv) recent = gloss_settings_dup_recent ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *child;

  g_cancellable_cancel (self->recent_cancellable);
  g_clear_object (&self->recent_cancellable);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[i]);
      g_autofree char *basename = NULL;
      g_autofree char *label = NULL;
      GtkWidget *row;

      if (!g_file_query_exists (file, NULL))
        continue;
      basename = g_file_get_basename (file);
      /* The place until the portal answers; under the portal, nothing
       * until it does: never its /run/user path. */
      label = gloss_host_path_fallback_label (file);
      row = gloss_file_row_new (file, basename, label);
      gtk_list_box_append (self->recent_list, row);
      g_ptr_array_add (files, g_steal_pointer (&file));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), files->len > 0);

  if (files->len > 0)
    {
      self->recent_cancellable = g_cancellable_new ();
      gloss_host_paths_lookup (files, self->recent_cancellable, host_paths_cb, self);
    }
}

const char *
_gloss_window_recent_row_uri (GtkWidget *row)
{
  return gloss_file_row_get_uri (GLOSS_FILE_ROW (row));
}

void
_gloss_window_init_recent_list (GlossWindow *self)
{
  g_signal_connect (self->recent_list, "row-activated", G_CALLBACK (recent_activated_cb), self);
}
