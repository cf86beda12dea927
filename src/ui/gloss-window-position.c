/* gloss-window-position.c — reopening a project where the analyst left it
 *
 * For each project file the window remembers the document it showed and
 * the first character at the top of the article, in the user's state
 * directory (not in the project: two analysts sharing it read different
 * places). Saved a moment after the view settles; restored when the
 * project is opened again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>

#include "gloss-window-private.h"

/* Projects remembered; the least recently used go first. */
#define MAX_PROJECTS 50
#define SAVE_DELAY_MS 800

static char *
positions_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "gloss", "positions.ini", NULL);
}

static GKeyFile *
load_positions (void)
{
  g_autofree char *path = positions_path ();
  GKeyFile *file = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  /* Missing or unreadable: nothing remembered, nothing to tell. */
  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &error) &&
      !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_debug ("Positions in %s not read: %s", path, error->message);
  return file;
}

static void
forget_oldest (GKeyFile *file)
{
  gsize n = 0;
  g_auto(GStrv) groups = g_key_file_get_groups (file, &n);

  while (n > MAX_PROJECTS)
    {
      const char *oldest = NULL;
      gint64 oldest_used = G_MAXINT64;

      for (gsize i = 0; groups[i] != NULL; i++)
        {
          gint64 used;

          if (!g_key_file_has_group (file, groups[i]))
            continue;
          used = g_key_file_get_int64 (file, groups[i], "used", NULL);
          if (used < oldest_used)
            {
              oldest_used = used;
              oldest = groups[i];
            }
        }
      if (oldest == NULL)
        break;
      g_key_file_remove_group (file, oldest, NULL);
      n--;
    }
}

static GlossOffset
top_offset (GlossWindow *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->article_view);
  GdkRectangle visible;
  GtkTextIter iter;

  int line_y, line_height;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_at_location (view, &iter, visible.x, visible.y);
  /* The first line shown whole: a line half under the top edge would
   * come back whole, pushing the rest down. */
  gtk_text_view_get_line_yrange (view, &iter, &line_y, &line_height);
  if (line_y < visible.y)
    gtk_text_view_forward_display_line (view, &iter);
  return gtk_text_iter_get_offset (&iter);
}

static gboolean
save_position_cb (gpointer user_data)
{
  GlossWindow *self = user_data;
  g_autoptr(GKeyFile) positions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *path = positions_path ();
  g_autofree char *folder = g_path_get_dirname (path);

  self->position_save_id = 0;
  if (self->file == NULL || self->document == NULL || self->project == NULL)
    return G_SOURCE_REMOVE;

  uri = g_file_get_uri (self->file);
  positions = load_positions ();
  g_key_file_set_string (positions, uri, "document", gloss_document_get_id (self->document));
  g_key_file_set_uint64 (positions, uri, "offset", top_offset (self));
  g_key_file_set_int64 (positions, uri, "used", g_get_real_time ());
  forget_oldest (positions);
  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !g_key_file_save_to_file (positions, path, &error))
    g_debug ("Positions not saved to %s: %s", path, error != NULL ? error->message : g_strerror (errno));
  return G_SOURCE_REMOVE;
}

static void
view_moved_cb (GlossWindow *self)
{
  if (self->file == NULL || self->document == NULL)
    return;
  g_clear_handle_id (&self->position_save_id, g_source_remove);
  self->position_save_id = g_timeout_add (SAVE_DELAY_MS, save_position_cb, self);
}

/* Frames to keep a restored position through the first layout. */
#define SETTLE_FRAMES   120
#define STABLE_FRAMES   3

static gboolean
settle_tick_cb (GtkWidget     *view,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  guint *frames = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, "gloss-restore");
  GdkRectangle visible, location;
  GtkTextIter iter;

  if (mark == NULL || ++frames[0] > SETTLE_FRAMES)
    return G_SOURCE_REMOVE;
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, mark);
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (view), &visible);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &location);
  if (ABS (location.y - visible.y) <= 2)
    return frames[0] >= STABLE_FRAMES ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (view), mark, 0, TRUE, 0, 0);
  return G_SOURCE_CONTINUE;
}

void
_gloss_window_restore_position (GlossWindow *self)
{
  g_autoptr(GKeyFile) positions = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *document_id = NULL;
  GlossDocument *document;
  guint64 offset;

  if (self->file == NULL || self->project == NULL)
    return;
  uri = g_file_get_uri (self->file);
  positions = load_positions ();
  document_id = g_key_file_get_string (positions, uri, "document", NULL);
  if (document_id == NULL ||
      (document = gloss_project_lookup_document (self->project, document_id)) == NULL)
    return;
  offset = g_key_file_get_uint64 (positions, uri, "offset", NULL);

  if (document != self->document)
    _gloss_window_show_document (self, document);
  if (offset > 0 && offset <= gloss_document_get_length (document))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));
      GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, "gloss-restore");
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
      if (mark == NULL)
        mark = gtk_text_buffer_create_mark (buffer, "gloss-restore", &iter, TRUE);
      else
        gtk_text_buffer_move_mark (buffer, mark, &iter);
      /* At the top, as it was. The heights of lines not laid out yet are
       * guesses: scroll again each frame until the view stays there. */
      gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->article_view), mark, 0, TRUE, 0, 0);
      gtk_text_buffer_place_cursor (buffer, &iter);
      gtk_widget_add_tick_callback (GTK_WIDGET (self->article_view), settle_tick_cb,
                                    g_new0 (guint, 1), g_free);
    }
}

void
_gloss_window_attach_positions (GlossWindow *self)
{
  g_signal_connect_swapped (gtk_scrolled_window_get_vadjustment (self->article_scroller),
                            "value-changed", G_CALLBACK (view_moved_cb), self);
  g_signal_connect_swapped (self, "notify::document", G_CALLBACK (view_moved_cb), self);
}

void
_gloss_window_detach_positions (GlossWindow *self)
{
  /* A pending save is written now, while the view is still there. */
  if (self->position_save_id != 0)
    {
      g_clear_handle_id (&self->position_save_id, g_source_remove);
      save_position_cb (self);
    }
}
