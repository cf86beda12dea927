/* gloss-window-compare.c — the window's side of "Compare With…"
 *
 * The other version is read on a worker thread, then the differences take
 * the left sidebar's place beside the documents (gloss-compare-view.c);
 * activating one shows its document with the difference selected. The
 * compared file is only read: accepting changes the open project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-compare-view.h"
#include "gloss-window-private.h"

static void
difference_activated_cb (GlossCompareView      *view,
                         const GlossDifference *difference,
                         GlossWindow           *self)
{
  GlossAnnotation *mine = difference->mine;

  if (gloss_document_get_project (difference->document) != self->project)
    return;
  if (difference->mine_relation != NULL)
    mine = gloss_project_lookup_annotation (self->project, gloss_relation_get_from (difference->mine_relation));
  if (difference->document != self->document)
    _gloss_window_show_document (self, difference->document);

  if (mine != NULL && gloss_annotation_get_document (mine) == difference->document)
    _gloss_window_select (self, mine, TRUE);
  else
    {
      /* Only theirs: the words it covers, selected in this text. */
      _gloss_window_select (self, NULL, FALSE);
      gloss_article_view_select_range (self->article_view, difference->start, difference->end);
    }
  if (adw_flap_get_folded (self->documents_flap))
    adw_flap_set_reveal_flap (self->documents_flap, FALSE);
}

/* The differences not dismissed, outlined in the article. */
static void
refreshed_cb (GlossCompareView *view,
              GlossWindow      *self)
{
  GlossComparison *comparison = gloss_compare_view_get_comparison (view);
  GPtrArray *differences;
  GArray *marks;

  if (comparison == NULL)
    {
      gloss_article_view_set_marks (self->article_view, NULL);
      return;
    }
  differences = gloss_comparison_get_differences (comparison);
  marks = g_array_sized_new (FALSE, FALSE, sizeof (GlossArticleMark), differences->len);
  for (guint i = 0; i < differences->len; i++)
    {
      const GlossDifference *difference = g_ptr_array_index (differences, i);
      GlossArticleMark mark = { difference->document, difference->start, difference->end, difference->kind };

      if (!gloss_compare_view_is_dismissed (view, difference))
        g_array_append_val (marks, mark);
    }
  gloss_article_view_set_marks (self->article_view, marks);
}

static void
close_cb (GlossCompareView *view,
          GlossWindow      *self)
{
  _gloss_window_stop_comparing (self);
}

static GlossCompareView *
ensure_view (GlossWindow *self)
{
  if (self->compare_view == NULL)
    {
      self->compare_view = gloss_compare_view_new ();
      gtk_stack_add_named (self->sidebar_stack, self->compare_view, "compare");
      g_signal_connect_object (self->compare_view, "difference-activated",
                               G_CALLBACK (difference_activated_cb), self, 0);
      g_signal_connect_object (self->compare_view, "refreshed", G_CALLBACK (refreshed_cb), self, 0);
      g_signal_connect_object (self->compare_view, "close", G_CALLBACK (close_cb), self, 0);
    }
  return GLOSS_COMPARE_VIEW (self->compare_view);
}

static char *
project_name (GlossWindow *self)
{
  if (self->file != NULL)
    return gloss_untrusted_file_name (self->file);
  return g_strdup (_("Untitled"));
}

typedef struct {
  GlossWindow  *window;
  GlossProject *project;   /* the one open when asked: still the one? */
  GFile        *file;
} CompareRequest;

static void
compare_request_free (CompareRequest *request)
{
  g_object_unref (request->window);
  g_object_unref (request->project);
  g_object_unref (request->file);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CompareRequest, compare_request_free)

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CompareRequest) request = user_data;
  GlossWindow *self = request->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) theirs = gloss_project_load_finish (result, &error);
  g_autofree char *name = NULL;
  GlossCompareView *view;

  if (theirs == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _gloss_window_error (self, _("Could Not Compare"), error);
      return;
    }
  if (self->project != request->project)
    return;

  view = ensure_view (self);
  name = project_name (self);
  gloss_compare_view_set_projects (view, self->project, name, theirs, request->file);
  /* Folded, one pane at a time. */
  if (adw_flap_get_folded (self->side_flap))
    adw_flap_set_reveal_flap (self->side_flap, FALSE);
  adw_flap_set_reveal_flap (self->documents_flap, TRUE);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "compare");
}

void
_gloss_window_compare_with (GlossWindow *self,
                            GFile       *file)
{
  CompareRequest *request;

  g_return_if_fail (self->project != NULL);

  request = g_new0 (CompareRequest, 1);
  request->window = g_object_ref (self);
  request->project = g_object_ref (self->project);
  request->file = g_object_ref (file);
  gloss_project_load_async (file, self->cancellable, loaded_cb, request);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->project != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      _gloss_window_compare_with (self, file);
    }
  g_object_unref (chooser);
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->project == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Compare With Another Version"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Compare"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Gloss Projects"));
  gtk_file_filter_add_mime_type (filter, "application/x-gloss+json");
  gtk_file_filter_add_pattern (filter, "*.gloss");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_gloss_window_stop_comparing (GlossWindow *self)
{
  if (self->compare_view == NULL)
    return;
  gloss_compare_view_set_projects (GLOSS_COMPARE_VIEW (self->compare_view), NULL, NULL, NULL, NULL);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->sidebar_stack), "compare") == 0)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "documents");
  if (self->document != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

gboolean
_gloss_window_is_comparing (GlossWindow *self)
{
  return self->compare_view != NULL &&
         gloss_compare_view_get_theirs (GLOSS_COMPARE_VIEW (self->compare_view)) != NULL;
}

void
_gloss_window_compare_set_project (GlossWindow *self)
{
  /* Another project in the window: the comparison was of the last one. */
  if (self->compare_view != NULL &&
      gloss_compare_view_get_comparison (GLOSS_COMPARE_VIEW (self->compare_view)) != NULL &&
      gloss_comparison_get_mine (gloss_compare_view_get_comparison (GLOSS_COMPARE_VIEW (self->compare_view))) !=
      self->project)
    _gloss_window_stop_comparing (self);
}

void
_gloss_window_class_init_compare (GlossWindowClass *klass)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.compare", NULL, compare_action);
}
