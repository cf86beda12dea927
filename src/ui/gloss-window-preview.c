/* gloss-window-preview.c — a big project's first document, shown while the rest loads
 *
 * Opening a desk's archive reads tens of megabytes. Beside the load, a
 * preview reads the start of the file only (gloss-project-preview.h); if
 * it arrives first, the window shows that first document, its highlights
 * and its annotations at once. Until the whole project replaces it the
 * window changes nothing: the actions that edit, save, export or search
 * are off, the inspector is inactive, a digit key makes no annotation,
 * and a preview is never dirty, so neither autosaved nor asked about on
 * close (and the core refuses to save one). The whole project then takes
 * its place, at the same scroll position, caret and selected annotation.
 * If the whole fails to load, the preview goes and the error is shown as
 * for any project that fails to open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-application.h"
#include "gloss-bench.h"
#include "gloss-window-private.h"

gboolean
_gloss_window_is_previewing (GlossWindow *self)
{
  return self->project != NULL && gloss_project_is_partial (self->project);
}

static void
preview_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GlossProject) preview = NULL;

  preview = gloss_application_load_preview_finish (GLOSS_APPLICATION (source), result, NULL);
  /* Too late (the whole project is here, or the window went on to
   * something else), or no preview to show. */
  if (preview == NULL || self->loading_file == NULL || self->project != NULL)
    return;

  _gloss_bench_mark ("preview loaded");
  _gloss_window_set_project (self, preview, NULL);
  _gloss_bench_mark ("preview shown");
}

void
_gloss_window_load_preview (GlossWindow *self,
                            GFile       *file)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  gloss_application_load_preview_async (GLOSS_APPLICATION (application), file,
                                        self->cancellable, preview_loaded_cb,
                                        g_object_ref (self));
}

static void
leave_preview_now (GlossWindow  *self,
                   GlossProject *project,
                   GFile        *file)
{
  g_autofree char *document_id = NULL;
  g_autofree char *selected_id = NULL;
  GtkTextView *view = GTK_TEXT_VIEW (self->article_view);
  GlossOffset top = 0, bottom = 0;
  GlossOffset caret = gloss_article_view_get_caret (self->article_view);
  GlossOffset selection_start = 0, selection_end = 0;
  gboolean has_selection;
  GlossDocument *document;

  if (self->document != NULL)
    document_id = g_strdup (gloss_document_get_id (self->document));
  if (self->selected != NULL)
    selected_id = g_strdup (gloss_annotation_get_id (self->selected));
  has_selection = gloss_article_view_get_selection (self->article_view, &selection_start, &selection_end);
  gloss_article_view_get_visible_range (self->article_view, &top, &bottom);

  _gloss_window_set_project (self, project, file);
  _gloss_bench_mark ("whole project shown");

  /* The same document, as the reader left it. */
  document = document_id != NULL ? gloss_project_lookup_document (project, document_id) : NULL;
  if (document == NULL || document != self->document)
    return;

  gloss_article_view_set_caret (self->article_view, caret);
  if (has_selection)
    gloss_article_view_select_range (self->article_view, selection_start, selection_end);
  if (selected_id != NULL)
    {
      GlossAnnotation *annotation = gloss_project_lookup_annotation (project, selected_id);

      if (annotation != NULL && gloss_annotation_get_document (annotation) == document)
        _gloss_window_select (self, annotation, FALSE);
    }
  /* The line that was at the top is again, once the new text is laid
   * out (a mark, not an iter: the scroll waits for the layout). */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
    GtkTextMark *mark;
    GtkTextIter iter;

    gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) top);
    mark = gtk_text_buffer_create_mark (buffer, NULL, &iter, TRUE);
    gtk_text_view_scroll_to_mark (view, mark, 0, TRUE, 0, 0);
    gtk_text_buffer_delete_mark (buffer, mark);
  }
}

/* GLOSS_TEST_HOLD_PROJECT_MS: the GUI tests hold the whole project back
 * that long, so that they can try to change the preview. */
typedef struct {
  GlossWindow  *self;
  GlossProject *project;
  GFile        *file;
} Handover;

static void
handover_free (gpointer data)
{
  Handover *handover = data;

  g_object_unref (handover->self);
  g_object_unref (handover->project);
  g_object_unref (handover->file);
  g_free (handover);
}

static gboolean
handover_cb (gpointer data)
{
  Handover *handover = data;

  g_clear_object (&handover->self->loading_file);
  if (_gloss_window_is_previewing (handover->self))
    leave_preview_now (handover->self, handover->project, handover->file);
  return G_SOURCE_REMOVE;
}

void
_gloss_window_leave_preview (GlossWindow  *self,
                             GlossProject *project,
                             GFile        *file)
{
  const char *hold = g_getenv ("GLOSS_TEST_HOLD_PROJECT_MS");
  Handover *handover;

  g_return_if_fail (_gloss_window_is_previewing (self));

  if (hold == NULL)
    {
      leave_preview_now (self, project, file);
      return;
    }

  /* Still opening, as far as the window's title and the application
   * know. */
  g_set_object (&self->loading_file, file);
  handover = g_new0 (Handover, 1);
  handover->self = g_object_ref (self);
  handover->project = g_object_ref (project);
  handover->file = g_object_ref (file);
  g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) g_ascii_strtoull (hold, NULL, 10),
                      handover_cb, handover, handover_free);
}
