/* gloss-article-view.c — the article: a read-only text view with highlights
 *
 * This file keeps the highlights in step with the document; drawing,
 * input and find live in gloss-article-view-draw.c,
 * gloss-article-view-input.c and gloss-article-view-find.c.
 *
 * Highlights are one GtkTextTag per *tag* (a label such as Claim), never
 * one per annotation: applying 100,000 per-annotation tags takes seconds,
 * per-label tags a fraction of that. Where annotations overlap only one tag
 * background shows, so each annotation also gets an underline of its own,
 * stacked by depth, drawn in snapshot_layer for the visible range only from
 * the document's interval index. The outline of the selected annotation,
 * the emphasis of the related ones and the note markers are drawn there too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "gloss-article-view-private.h"
#include "gloss-display-text.h"
#include "gloss-tag-palette.h"

/* Longer lines are shown broken (see gloss-display-text.h). */
#define LONG_LINE          4000
#define LONG_CLUSTER       32    /* combining marks on one base */

G_DEFINE_FINAL_TYPE (GlossArticleView, gloss_article_view, GTK_TYPE_TEXT_VIEW)

guint _gloss_article_view_signals[ARTICLE_VIEW_N_SIGNALS];

static void schedule_refresh (GlossArticleView *self,
                              GlossOffset       start,
                              GlossOffset       end);

static void
known_clear (gpointer data)
{
  Known *known = data;

  g_clear_object (&known->annotation);
}

void
_gloss_article_view_get_iter (GlossArticleView *self,
          GtkTextIter      *iter,
          GlossOffset       offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  gtk_text_buffer_get_iter_at_offset (buffer, iter, (int) MIN (offset, (GlossOffset) G_MAXINT));
}

void
_gloss_article_view_tag_rgba (GlossTag *tag,
          GdkRGBA  *rgba)
{
  if (tag == NULL || !gdk_rgba_parse (rgba, gloss_tag_get_color (tag)))
    gdk_rgba_parse (rgba, "#9a9996");
}

gboolean
_gloss_article_view_is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* ---- text tags, one per Gloss tag ---- */

static void
style_text_tag (GlossArticleView *self,
                GtkTextTag       *text_tag,
                GlossTag         *tag)
{
  GdkRGBA rgba;

  _gloss_article_view_tag_rgba (tag, &rgba);
  /* Translucent so the text stays legible in light and dark styles; the
   * underline drawn below carries the full colour. */
  rgba.alpha = _gloss_article_view_is_dark () ? 0.30 : 0.38;
  /* High contrast: stronger fills, the text colour stays the theme's. */
  if (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()))
    rgba.alpha = _gloss_article_view_is_dark () ? 0.45 : 0.55;
  g_object_set (text_tag, "background-rgba", &rgba, NULL);
}

static void
tag_color_changed_cb (GlossTag         *tag,
                      GParamSpec       *pspec,
                      GlossArticleView *self)
{
  GtkTextTag *text_tag = g_hash_table_lookup (self->text_tags, gloss_tag_get_id (tag));

  if (text_tag != NULL)
    style_text_tag (self, text_tag, tag);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drop_text_tags (GlossArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->text_tags);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    gtk_text_tag_table_remove (table, value);
  g_hash_table_remove_all (self->text_tags);
}

static void
make_text_tags (GlossArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GListModel *tags;
  guint n;

  drop_text_tags (self);
  if (self->project == NULL)
    return;

  tags = gloss_project_get_tags (self->project);
  n = g_list_model_get_n_items (tags);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossTag) tag = g_list_model_get_item (tags, i);
      GtkTextTag *text_tag = gtk_text_buffer_create_tag (buffer, NULL, NULL);

      /* Earlier tags in the project's order win where backgrounds meet. */
      gtk_text_tag_set_priority (text_tag, 0);
      style_text_tag (self, text_tag, tag);
      g_hash_table_insert (self->text_tags, g_strdup (gloss_tag_get_id (tag)), text_tag);
      g_signal_handlers_disconnect_by_func (tag, tag_color_changed_cb, self);
      g_signal_connect_object (tag, "notify::color",
                               G_CALLBACK (tag_color_changed_cb), self, 0);
    }
}

/* ---- applying highlights ---- */

typedef struct {
  GlossArticleView *self;
  GtkTextBuffer    *buffer;
  GlossOffset       start;
  GlossOffset       end;
} ApplyContext;

static gboolean
apply_cb (GlossAnnotation *annotation,
          gpointer         user_data)
{
  ApplyContext *ctx = user_data;
  GlossOffset start = MAX (gloss_annotation_get_start (annotation), ctx->start);
  GlossOffset end = MIN (gloss_annotation_get_end (annotation), ctx->end);
  const char * const *tags = gloss_annotation_get_tags (annotation);
  gboolean any = FALSE;
  GtkTextIter a, b;

  if (start >= end)
    return TRUE;

  _gloss_article_view_get_iter (ctx->self, &a, start);
  b = a;
  gtk_text_iter_forward_chars (&b, (int) (end - start));

  for (guint i = 0; tags[i] != NULL; i++)
    {
      GtkTextTag *text_tag = g_hash_table_lookup (ctx->self->text_tags, tags[i]);

      if (text_tag != NULL)
        {
          gtk_text_buffer_apply_tag (ctx->buffer, text_tag, &a, &b);
          any = TRUE;
        }
    }
  if (!any)
    gtk_text_buffer_apply_tag (ctx->buffer, ctx->self->untagged_tag, &a, &b);

  return TRUE;
}

static void
refresh_range (GlossArticleView *self,
               GlossOffset       start,
               GlossOffset       end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  ApplyContext ctx = { self, buffer, start, end };
  GtkTextIter a, b;
  GHashTableIter iter;
  gpointer value;

  if (self->document == NULL || start >= end)
    return;

  _gloss_article_view_get_iter (self, &a, start);
  _gloss_article_view_get_iter (self, &b, end);
  g_hash_table_iter_init (&iter, self->text_tags);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    gtk_text_buffer_remove_tag (buffer, value, &a, &b);
  gtk_text_buffer_remove_tag (buffer, self->untagged_tag, &a, &b);

  /* The index yields them sorted by start, the order GtkTextBuffer applies
   * fastest. */
  gloss_document_foreach_in_range (self->document, start, end, apply_cb, &ctx);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  GlossArticleView *self = user_data;

  self->refresh_id = 0;
  refresh_range (self, self->dirty_start, self->dirty_end);
  self->dirty_start = G_MAXUINT;
  self->dirty_end = 0;
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (GlossArticleView *self,
                  GlossOffset       start,
                  GlossOffset       end)
{
  self->dirty_start = MIN (self->dirty_start, start);
  self->dirty_end = MAX (self->dirty_end, end);
  /* Before the next frame, after a burst of changes (an undo of many). */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, refresh_idle_cb, self, NULL);
}

/* The first screen's highlights go in at once; the rest follow in chunks
 * at idle priority, after the first frame is painted. Opening a 5 MB
 * article with 100,000 annotations then shows the top without waiting for
 * the bottom. Each chunk is clipped to its range, so a span across a chunk
 * boundary is applied in two parts. */
#define FIRST_HIGHLIGHTS    20000   /* code points: more than a screen */
#define HIGHLIGHTS_PER_IDLE 250000

static gboolean
progress_idle_cb (gpointer user_data)
{
  GlossArticleView *self = user_data;
  GlossOffset length = self->document != NULL ? gloss_document_get_length (self->document) : 0;
  GlossOffset end = MIN (length, self->progress_offset + HIGHLIGHTS_PER_IDLE);

  refresh_range (self, self->progress_offset, end);
  self->progress_offset = end;
  if (end < length)
    return G_SOURCE_CONTINUE;

  self->progress_id = 0;
  return G_SOURCE_REMOVE;
}

static void
refresh_all (GlossArticleView *self)
{
  GlossOffset length;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  self->dirty_start = G_MAXUINT;
  self->dirty_end = 0;
  if (self->document == NULL)
    return;

  length = gloss_document_get_length (self->document);
  self->progress_offset = MIN (length, FIRST_HIGHLIGHTS);
  refresh_range (self, 0, self->progress_offset);
  if (self->progress_offset < length)
    self->progress_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, progress_idle_cb, self, NULL);
}

static void
rebuild_known (GlossArticleView *self)
{
  guint n;

  g_array_set_size (self->known, 0);
  if (self->document == NULL)
    return;

  n = gloss_document_get_n_annotations (self->document);
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *annotation = gloss_document_get_annotation (self->document, i);
      Known known = {
        g_object_ref (annotation),
        gloss_annotation_get_start (annotation),
        gloss_annotation_get_end (annotation),
      };

      g_array_append_val (self->known, known);
    }
}

static void
annotations_changed_cb (GListModel       *model,
                        guint             position,
                        guint             removed,
                        guint             added,
                        GlossArticleView *self)
{
  for (guint i = 0; i < removed && position + i < self->known->len; i++)
    {
      Known *known = &g_array_index (self->known, Known, position + i);

      schedule_refresh (self, known->start, known->end);
      if (known->annotation == self->selected)
        g_clear_object (&self->selected);
    }
  if (removed > 0)
    g_array_remove_range (self->known, position, MIN (removed, self->known->len - position));

  for (guint i = 0; i < added; i++)
    {
      GlossAnnotation *annotation = gloss_document_get_annotation (self->document, position + i);
      Known known = {
        g_object_ref (annotation),
        gloss_annotation_get_start (annotation),
        gloss_annotation_get_end (annotation),
      };

      g_array_insert_val (self->known, position + i, known);
      schedule_refresh (self, known.start, known.end);
    }
}

static void
annotation_changed_cb (GlossDocument    *document,
                       GlossAnnotation  *annotation,
                       guint             old_start,
                       guint             old_end,
                       GlossArticleView *self)
{
  schedule_refresh (self, old_start, old_end);
  schedule_refresh (self, gloss_annotation_get_start (annotation),
                    gloss_annotation_get_end (annotation));
}

static void
tags_changed_cb (GListModel       *model,
                 guint             position,
                 guint             removed,
                 guint             added,
                 GlossArticleView *self)
{
  make_text_tags (self);
  refresh_all (self);
}

static void
relations_changed_cb (GListModel       *model,
                      guint             position,
                      guint             removed,
                      guint             added,
                      GlossArticleView *self)
{
  /* Refresh the emphasis of the related ones. */
  gloss_article_view_set_selected (self, self->selected);
}

static void
dark_changed_cb (AdwStyleManager  *style,
                 GParamSpec       *pspec,
                 GlossArticleView *self)
{
  make_text_tags (self);
  refresh_all (self);
}

void
gloss_article_view_set_document (GlossArticleView *self,
                                 GlossProject     *project,
                                 GlossDocument    *document)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  gint64 begin = g_get_monotonic_time ();
  gint64 texted;

  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  if (self->project != project)
    {
      if (self->project != NULL)
        {
          g_signal_handlers_disconnect_by_data (gloss_project_get_tags (self->project), self);
          g_signal_handlers_disconnect_by_data (gloss_project_get_relations (self->project), self);
        }
      g_set_object (&self->project, project);
      if (project != NULL)
        {
          g_signal_connect_object (gloss_project_get_tags (project), "items-changed",
                                   G_CALLBACK (tags_changed_cb), self, 0);
          g_signal_connect_object (gloss_project_get_relations (project), "items-changed",
                                   G_CALLBACK (relations_changed_cb), self, 0);
        }
      make_text_tags (self);
      gloss_tag_palette_set_project (GLOSS_TAG_PALETTE (self->palette), project);
    }

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_clear_object (&self->selected);
  g_hash_table_remove_all (self->related);
  gtk_popover_popdown (GTK_POPOVER (self->palette));
  g_clear_handle_id (&self->refresh_id, g_source_remove);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  self->programmatic_selection = TRUE;
  {
    const char *text = document != NULL ? gloss_document_get_text (document) : "";
    /* A giant line would freeze the layout: show it broken at spaces. A
     * giant cluster of combining marks would freeze shaping: show it
     * broken into short ones. */
    g_autofree char *lines = gloss_display_text_break_long_lines (text, LONG_LINE);
    g_autofree char *display = gloss_display_text_break_long_clusters (lines != NULL ? lines : text,
                                                                        LONG_CLUSTER);

    gtk_text_buffer_set_text (buffer, display != NULL ? display : lines != NULL ? lines : text, -1);
  }
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  self->programmatic_selection = FALSE;
  texted = g_get_monotonic_time ();

  /* An article that opens with its headline shows it as one. */
  if (document != NULL && gloss_document_get_title (document)[0] != '\0' &&
      g_str_has_prefix (gloss_document_get_text (document), gloss_document_get_title (document)))
    {
      GtkTextIter a, b;

      gtk_text_buffer_get_start_iter (buffer, &a);
      b = a;
      gtk_text_iter_forward_chars (&b, (int) g_utf8_strlen (gloss_document_get_title (document), -1));
      gtk_text_buffer_apply_tag (buffer, self->headline_tag, &a, &b);
    }

  rebuild_known (self);
  if (document != NULL)
    {
      g_signal_connect_object (document, "items-changed",
                               G_CALLBACK (annotations_changed_cb), self, 0);
      g_signal_connect_object (document, "annotation-changed",
                               G_CALLBACK (annotation_changed_cb), self, 0);
    }
  refresh_all (self);
  if (self->needle != NULL)
    gloss_article_view_find (self, self->needle);
  _gloss_article_view_document_accessible (self);

  g_debug ("Showing %u annotations over %u code points: text %.1f ms, highlights %.1f ms",
           self->known->len, document != NULL ? gloss_document_get_length (document) : 0,
           (texted - begin) / 1000.0, (g_get_monotonic_time () - texted) / 1000.0);
}

GlossDocument *
gloss_article_view_get_document (GlossArticleView *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), NULL);

  return self->document;
}

void
gloss_article_view_set_selected (GlossArticleView *self,
                                 GlossAnnotation  *annotation)
{
  g_autoptr(GlossAnnotation) hold = annotation != NULL ? g_object_ref (annotation) : NULL;

  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  g_set_object (&self->selected, annotation);
  g_hash_table_remove_all (self->related);
  if (annotation != NULL && self->project != NULL)
    {
      g_autoptr(GPtrArray) relations = gloss_project_relations_of (self->project, annotation);

      for (guint i = 0; i < relations->len; i++)
        {
          GlossRelation *relation = g_ptr_array_index (relations, i);
          const char *from = gloss_relation_get_from (relation);
          const char *other_id = g_str_equal (from, gloss_annotation_get_id (annotation))
                                 ? gloss_relation_get_to (relation) : from;
          GlossAnnotation *other = gloss_project_lookup_annotation (self->project, other_id);

          if (other != NULL)
            g_hash_table_add (self->related, other);
        }
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
gloss_article_view_scroll_to (GlossArticleView *self,
                              GlossOffset       start,
                              GlossOffset       end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, "gloss-scroll");
  GtkTextIter iter;

  _gloss_article_view_get_iter (self, &iter, start);
  if (mark == NULL)
    mark = gtk_text_buffer_create_mark (buffer, "gloss-scroll", &iter, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, mark, &iter);
  /* A mark (not an iter): the scroll happens after layout. */
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), mark, 0.1, FALSE, 0, 0.3);
}

gboolean
gloss_article_view_get_selection (GlossArticleView *self,
                                  GlossOffset      *start,
                                  GlossOffset      *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter a, b;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    return FALSE;
  if (start != NULL)
    *start = gtk_text_iter_get_offset (&a);
  if (end != NULL)
    *end = gtk_text_iter_get_offset (&b);
  return TRUE;
}

void
gloss_article_view_select_range (GlossArticleView *self,
                                 GlossOffset       start,
                                 GlossOffset       end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter a, b;

  _gloss_article_view_get_iter (self, &a, start);
  _gloss_article_view_get_iter (self, &b, end);
  self->programmatic_selection = TRUE;
  gtk_text_buffer_select_range (buffer, &b, &a);
  self->programmatic_selection = FALSE;
  gloss_article_view_scroll_to (self, start, end);
}

void
gloss_article_view_clear_selection (GlossArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter a, b;

  if (gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    gtk_text_buffer_place_cursor (buffer, &b);
  gtk_popover_popdown (GTK_POPOVER (self->palette));
}

GlossOffset
gloss_article_view_get_caret (GlossArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

void
gloss_article_view_set_caret (GlossArticleView *self,
                              GlossOffset       offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter iter;

  _gloss_article_view_get_iter (self, &iter, offset);
  self->programmatic_selection = TRUE;
  gtk_text_buffer_place_cursor (buffer, &iter);
  self->programmatic_selection = FALSE;
}

gboolean
gloss_article_view_get_palette_visible (GlossArticleView *self)
{
  return gtk_widget_get_visible (self->palette);
}

/* ---- GtkWidget ---- */

static void
gloss_article_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (widget);

  GTK_WIDGET_CLASS (gloss_article_view_parent_class)->size_allocate (widget, width, height, baseline);

  /* Popovers need their parent to place them on every allocation. */
  if (gtk_widget_get_visible (self->palette))
    gtk_popover_present (GTK_POPOVER (self->palette));
  if (gtk_widget_get_visible (self->chooser))
    gtk_popover_present (GTK_POPOVER (self->chooser));
}

static void
gloss_article_view_dispose (GObject *object)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_handle_id (&self->palette_id, g_source_remove);
  g_clear_pointer (&self->palette, gtk_widget_unparent);
  g_clear_pointer (&self->chooser, gtk_widget_unparent);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (gloss_project_get_tags (self->project), self);
      g_signal_handlers_disconnect_by_data (gloss_project_get_relations (self->project), self);
    }
  g_clear_object (&self->document);
  g_clear_object (&self->project);
  g_clear_object (&self->selected);
  if (self->known != NULL)
    g_array_set_size (self->known, 0);

  G_OBJECT_CLASS (gloss_article_view_parent_class)->dispose (object);
}

static void
gloss_article_view_finalize (GObject *object)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (object);

  g_clear_pointer (&self->known, g_array_unref);
  g_clear_pointer (&self->text_tags, g_hash_table_unref);
  g_clear_pointer (&self->related, g_hash_table_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->chooser_annotations, g_ptr_array_unref);
  g_free (self->needle);
  g_free (self->described);

  G_OBJECT_CLASS (gloss_article_view_parent_class)->finalize (object);
}

void
gloss_article_view_set_marks (GlossArticleView *self,
                              GArray           *marks)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  g_clear_pointer (&self->marks, g_array_unref);
  self->marks = marks;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Copies the document's own text: the view may show a long line broken
 * at spaces that the article does not have. */
static void
gloss_article_view_copy_clipboard (GtkTextView *view)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (view);
  g_autofree char *text = NULL;
  GlossOffset start, end;

  if (self->document == NULL || !gloss_article_view_get_selection (self, &start, &end))
    return;

  text = gloss_document_dup_slice (self->document, start, end);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (view)), text);
}

static void
gloss_article_view_class_init (GlossArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->dispose = gloss_article_view_dispose;
  object_class->finalize = gloss_article_view_finalize;
  widget_class->size_allocate = gloss_article_view_size_allocate;
  widget_class->query_tooltip = _gloss_article_view_query_tooltip;
  text_view_class->snapshot_layer = _gloss_article_view_snapshot_layer;
  text_view_class->copy_clipboard = gloss_article_view_copy_clipboard;

  _gloss_article_view_signals[ARTICLE_VIEW_ANNOTATE] =
    g_signal_new ("annotate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_UINT, G_TYPE_UINT, G_TYPE_STRING);
  _gloss_article_view_signals[ARTICLE_VIEW_ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_ANNOTATION);
  _gloss_article_view_signals[ARTICLE_VIEW_DESELECT] =
    g_signal_new ("deselect", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "textview");
}

static void
gloss_article_view_init (GlossArticleView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRGBA match;

  self->known = g_array_new (FALSE, FALSE, sizeof (Known));
  g_array_set_clear_func (self->known, known_clear);
  self->text_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->related = g_hash_table_new (NULL, NULL);
  self->chooser_annotations = g_ptr_array_new_with_free_func (g_object_unref);
  self->dirty_start = G_MAXUINT;
  self->described_caret = G_MAXUINT;

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, TRUE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_pixels_inside_wrap (view, 10);
  gtk_text_view_set_pixels_below_lines (view, 14);
  gtk_text_view_set_left_margin (view, 18);
  gtk_text_view_set_right_margin (view, 18);
  gtk_text_view_set_top_margin (view, 18);
  gtk_text_view_set_bottom_margin (view, 48);
  gtk_widget_add_css_class (GTK_WIDGET (self), "article");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  self->untagged_tag = gtk_text_buffer_create_tag (buffer, "gloss-untagged",
                                                   "background", "rgba(154,153,150,0.30)",
                                                   NULL);
  gdk_rgba_parse (&match, "rgba(255,120,0,0.45)");
  self->match_tag = gtk_text_buffer_create_tag (buffer, "gloss-match",
                                                "background-rgba", &match,
                                                "underline", PANGO_UNDERLINE_SINGLE,
                                                NULL);
  gtk_text_tag_set_priority (self->match_tag,
                             gtk_text_tag_table_get_size (gtk_text_buffer_get_tag_table (buffer)) - 1);

  self->headline_tag = gtk_text_buffer_create_tag (buffer, "gloss-headline",
                                                   "weight", PANGO_WEIGHT_BOLD,
                                                   "scale", 1.45,
                                                   "pixels-below-lines", 6,
                                                   NULL);

  _gloss_article_view_init_input (self);
  _gloss_article_view_init_accessible (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, 0);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (dark_changed_cb), self, 0);
}

GtkWidget *
gloss_article_view_new (void)
{
  return g_object_new (GLOSS_TYPE_ARTICLE_VIEW, NULL);
}
