/* gloss-article-view.c — the article: a read-only text view with highlights
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

#include <glib/gi18n.h>

#include <adwaita.h>

#include "gloss-article-view.h"
#include "gloss-settings.h"
#include "gloss-tag-palette.h"

#define UNDERLINE_HEIGHT   2.0
#define UNDERLINE_STEP     3.0
#define MAX_LEVELS         4
#define MAX_DRAWN          4000  /* annotations drawn per frame, at most */
#define MAX_FIND_MATCHES   10000

/* What the view last knew about each annotation, in document order, so that
 * a removal (which only says "position p went away") tells which text to
 * refresh. */
typedef struct {
  GlossAnnotation *annotation;  /* owned */
  GlossOffset      start;
  GlossOffset      end;
} Known;

struct _GlossArticleView
{
  GtkTextView      parent_instance;

  GlossProject    *project;
  GlossDocument   *document;
  GArray          *known;         /* of Known */
  GHashTable      *text_tags;     /* tag id → GtkTextTag (borrowed from the table) */
  GtkTextTag      *untagged_tag;
  GtkTextTag      *match_tag;
  GtkTextTag      *headline_tag;

  GlossAnnotation *selected;
  GHashTable      *related;       /* GlossAnnotation* set */

  /* Pending refresh of [dirty_start, dirty_end) */
  guint            refresh_id;
  GlossOffset      dirty_start;
  GlossOffset      dirty_end;

  GtkWidget       *palette;
  GtkWidget       *chooser;       /* popover listing overlapping annotations */
  guint            palette_id;

  double           pointer_x;
  double           pointer_y;
  double           press_x;
  double           press_y;
  guint32          last_press_time;
  GlossOffset      paragraph_offset;
  guint            n_press;
  guint            pressed : 1;
  guint            press_alt : 1;
  guint            programmatic_selection : 1;

  char            *needle;
};

G_DEFINE_FINAL_TYPE (GlossArticleView, gloss_article_view, GTK_TYPE_TEXT_VIEW)

enum {
  ANNOTATE,
  ANNOTATION_ACTIVATED,
  DESELECT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule_refresh (GlossArticleView *self,
                              GlossOffset       start,
                              GlossOffset       end);

static void
known_clear (gpointer data)
{
  Known *known = data;

  g_clear_object (&known->annotation);
}

static void
get_iter (GlossArticleView *self,
          GtkTextIter      *iter,
          GlossOffset       offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  gtk_text_buffer_get_iter_at_offset (buffer, iter, (int) MIN (offset, (GlossOffset) G_MAXINT));
}

static void
tag_rgba (GlossTag *tag,
          GdkRGBA  *rgba)
{
  if (tag == NULL || !gdk_rgba_parse (rgba, gloss_tag_get_color (tag)))
    gdk_rgba_parse (rgba, "#9a9996");
}

static gboolean
is_dark (GlossArticleView *self)
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

  tag_rgba (tag, &rgba);
  /* Translucent so the text stays legible in light and dark styles; the
   * underline drawn below carries the full colour. */
  rgba.alpha = is_dark (self) ? 0.30 : 0.38;
  /* High contrast: stronger fills, the text colour stays the theme's. */
  if (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()))
    rgba.alpha = is_dark (self) ? 0.45 : 0.55;
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

  get_iter (ctx->self, &a, start);
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

  get_iter (self, &a, start);
  get_iter (self, &b, end);
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

static void
refresh_all (GlossArticleView *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->dirty_start = G_MAXUINT;
  self->dirty_end = 0;
  if (self->document != NULL)
    refresh_range (self, 0, gloss_document_get_length (self->document));
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
  gtk_text_buffer_set_text (buffer, document != NULL ? gloss_document_get_text (document) : "", -1);
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

  get_iter (self, &iter, start);
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

  get_iter (self, &iter, offset);
  self->programmatic_selection = TRUE;
  gtk_text_buffer_place_cursor (buffer, &iter);
  self->programmatic_selection = FALSE;
}

gboolean
gloss_article_view_get_palette_visible (GlossArticleView *self)
{
  return gtk_widget_get_visible (self->palette);
}

/* ---- geometry ---- */

static void
visible_iters (GlossArticleView *self,
               GtkTextIter      *start,
               GtkTextIter      *end)
{
  GdkRectangle visible;

  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self), &visible);
  gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (self), start, visible.y, NULL);
  gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (self), end, visible.y + visible.height, NULL);
  gtk_text_iter_forward_to_line_end (end);
}

void
gloss_article_view_get_visible_range (GlossArticleView *self,
                                      GlossOffset      *start,
                                      GlossOffset      *end)
{
  GtkTextIter a, b;

  visible_iters (self, &a, &b);
  *start = gtk_text_iter_get_offset (&a);
  *end = gtk_text_iter_get_offset (&b);
}

gboolean
gloss_article_view_get_offset_rect (GlossArticleView *self,
                                    GlossOffset       offset,
                                    graphene_rect_t  *rect)
{
  GtkTextIter iter;
  GdkRectangle location;
  int x, y;

  if (self->document == NULL || offset > gloss_document_get_length (self->document))
    return FALSE;

  get_iter (self, &iter, offset);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &iter, &location);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         location.x, location.y, &x, &y);
  graphene_rect_init (rect, x, y, location.width, location.height);
  return TRUE;
}

/* Calls @func once per display line that [start, end) covers, with the
 * rectangle (buffer coordinates) of that piece. */
typedef void (*SegmentFunc) (const graphene_rect_t *rect,
                             gboolean               first,
                             gboolean               last,
                             gpointer               user_data);

static void
foreach_segment (GlossArticleView *self,
                 GlossOffset       start,
                 GlossOffset       end,
                 SegmentFunc       func,
                 gpointer          user_data)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter it, stop;
  gboolean first = TRUE;
  guint guard = 0;

  get_iter (self, &it, start);
  get_iter (self, &stop, end);

  while (gtk_text_iter_compare (&it, &stop) < 0 && guard++ < 1000)
    {
      GtkTextIter next = it;
      GtkTextIter last;
      GdkRectangle a, b;
      graphene_rect_t rect;
      double x1, x2;

      if (!gtk_text_view_forward_display_line (view, &next) ||
          gtk_text_iter_compare (&next, &stop) > 0)
        next = stop;

      /* A piece that is only a paragraph break has nothing to mark. */
      if (gtk_text_iter_ends_line (&it))
        {
          if (gtk_text_iter_equal (&next, &it))
            break;
          it = next;
          continue;
        }

      last = next;
      gtk_text_iter_backward_char (&last);
      gtk_text_view_get_iter_location (view, &it, &a);
      gtk_text_view_get_iter_location (view, &last, &b);
      /* A paragraph end has no width: reach to where the text ends. */
      if (gtk_text_iter_ends_line (&last) && gtk_text_iter_compare (&last, &it) > 0)
        {
          GtkTextIter before = last;

          gtk_text_iter_backward_char (&before);
          gtk_text_view_get_iter_location (view, &before, &b);
        }
      x1 = MIN (a.x, b.x);
      x2 = MAX (a.x + a.width, b.x + b.width);
      if (x2 - x1 < 3)
        x2 = x1 + 3;
      graphene_rect_init (&rect, x1, a.y, x2 - x1, MAX (a.height, b.height));
      func (&rect, first, gtk_text_iter_compare (&next, &stop) >= 0, user_data);
      first = FALSE;

      if (gtk_text_iter_equal (&next, &it))
        break;
      it = next;
    }
}

/* ---- drawing ---- */

typedef struct {
  cairo_t *cr;
  GdkRGBA  color;
  double   offset_y;
  double   height;
} UnderlineContext;

static void
underline_segment (const graphene_rect_t *rect,
                   gboolean               first,
                   gboolean               last,
                   gpointer               user_data)
{
  UnderlineContext *ctx = user_data;

  gdk_cairo_set_source_rgba (ctx->cr, &ctx->color);
  cairo_rectangle (ctx->cr, rect->origin.x,
                   rect->origin.y + rect->size.height + ctx->offset_y,
                   rect->size.width, ctx->height);
  cairo_fill (ctx->cr);
}

typedef struct {
  cairo_t *cr;
  GdkRGBA  color;
  double   width;
  gboolean dashed;
} OutlineContext;

static void
outline_segment (const graphene_rect_t *rect,
                 gboolean               first,
                 gboolean               last,
                 gpointer               user_data)
{
  OutlineContext *ctx = user_data;
  double x = rect->origin.x - 1.5;
  double y = rect->origin.y - 1.5;
  double w = rect->size.width + 3;
  double h = rect->size.height + 3;
  double r = 3;

  cairo_new_sub_path (ctx->cr);
  cairo_arc (ctx->cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (ctx->cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (ctx->cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (ctx->cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (ctx->cr);
  gdk_cairo_set_source_rgba (ctx->cr, &ctx->color);
  cairo_set_line_width (ctx->cr, ctx->width);
  if (ctx->dashed)
    {
      static const double dashes[] = { 4, 3 };

      cairo_set_dash (ctx->cr, dashes, 2, 0);
    }
  else
    cairo_set_dash (ctx->cr, NULL, 0, 0);
  cairo_stroke (ctx->cr);
}

typedef struct {
  cairo_t *cr;
  GdkRGBA  color;
} MarkerContext;

static void
marker_segment (const graphene_rect_t *rect,
                gboolean               first,
                gboolean               last,
                gpointer               user_data)
{
  MarkerContext *ctx = user_data;

  if (!last)
    return;
  /* A small dot at the top right of the last piece: this one has a note. */
  cairo_arc (ctx->cr, rect->origin.x + rect->size.width + 1, rect->origin.y + 2, 3, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (ctx->cr, &ctx->color);
  cairo_fill_preserve (ctx->cr);
  cairo_set_source_rgba (ctx->cr, 0, 0, 0, 0.35);
  cairo_set_line_width (ctx->cr, 1);
  cairo_stroke (ctx->cr);
}

typedef struct {
  GPtrArray *visible;
} CollectContext;

static gboolean
collect_cb (GlossAnnotation *annotation,
            gpointer         user_data)
{
  GPtrArray *visible = user_data;

  g_ptr_array_add (visible, annotation);
  return visible->len < MAX_DRAWN;
}

static void
gloss_article_view_snapshot_layer (GtkTextView      *view,
                                   GtkTextViewLayer  layer,
                                   GtkSnapshot      *snapshot)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (view);
  g_autoptr(GPtrArray) visible = NULL;
  GlossOffset ends[MAX_LEVELS] = { 0 };
  GdkRectangle rect;
  GtkTextIter a, b;
  GlossOffset vs, ve;
  GdkRGBA accent;
  cairo_t *cr;

  if (layer != GTK_TEXT_VIEW_LAYER_ABOVE_TEXT || self->document == NULL)
    return;

  visible_iters (self, &a, &b);
  vs = gtk_text_iter_get_offset (&a);
  ve = gtk_text_iter_get_offset (&b) + 1;

  visible = g_ptr_array_new ();
  gloss_document_foreach_in_range (self->document, vs, ve, collect_cb, visible);
  if (visible->len == 0 && self->selected == NULL)
    return;

  gtk_text_view_get_visible_rect (view, &rect);
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (rect.x, rect.y, rect.width, rect.height));

  gdk_rgba_parse (&accent, is_dark (self) ? "#78aeed" : "#1c71d8");

  /* Stacked underlines: each annotation takes the first level free at its
   * start, so nested and overlapping spans stay apart. */
  for (guint i = 0; i < visible->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (visible, i);
      GlossOffset start = gloss_annotation_get_start (annotation);
      GlossOffset end = gloss_annotation_get_end (annotation);
      const char * const *tags = gloss_annotation_get_tags (annotation);
      UnderlineContext ctx = { cr, { 0 }, 1.0, UNDERLINE_HEIGHT };
      guint level = 0;

      while (level < MAX_LEVELS - 1 && ends[level] > start)
        level++;
      ends[level] = end;

      tag_rgba (tags[0] != NULL && self->project != NULL
                ? gloss_project_lookup_tag (self->project, tags[0]) : NULL,
                &ctx.color);
      ctx.offset_y = 1.0 + level * UNDERLINE_STEP;
      foreach_segment (self, MAX (start, vs), MIN (end, ve), underline_segment, &ctx);

      if (gloss_annotation_get_note (annotation)[0] != '\0' && end <= ve)
        {
          MarkerContext marker = { cr, ctx.color };

          foreach_segment (self, MAX (start, vs), end, marker_segment, &marker);
        }

      if (g_hash_table_contains (self->related, annotation))
        {
          OutlineContext outline = { cr, accent, 1.5, TRUE };

          foreach_segment (self, MAX (start, vs), MIN (end, ve), outline_segment, &outline);
        }
    }

  if (self->selected != NULL &&
      gloss_annotation_get_document (self->selected) == self->document)
    {
      OutlineContext outline = { cr, accent, 2.0, FALSE };
      GlossOffset start = gloss_annotation_get_start (self->selected);
      GlossOffset end = gloss_annotation_get_end (self->selected);

      if (start < ve && end > vs)
        foreach_segment (self, MAX (start, vs), MIN (end, ve), outline_segment, &outline);
    }

  cairo_destroy (cr);
}

/* ---- the palette ---- */

static void
place_popover (GlossArticleView *self,
               GtkWidget        *popover,
               GlossOffset       start,
               GlossOffset       end)
{
  graphene_rect_t a, b;
  GdkRectangle rect;

  gloss_article_view_get_offset_rect (self, start, &a);
  gloss_article_view_get_offset_rect (self, end, &b);
  /* Below the end of the selection, where the eye and the mouse are. */
  rect.x = b.origin.x;
  rect.y = b.origin.y;
  rect.width = 1;
  rect.height = b.size.height;
  if (b.origin.y < a.origin.y || b.origin.x < 0)
    {
      rect.x = a.origin.x;
      rect.y = a.origin.y;
      rect.height = a.size.height;
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &rect);
}

static void
show_palette (GlossArticleView *self)
{
  GlossOffset start, end;

  if (self->project == NULL || !gloss_article_view_get_selection (self, &start, &end))
    {
      gtk_popover_popdown (GTK_POPOVER (self->palette));
      return;
    }

  gloss_tag_palette_set_project (GLOSS_TAG_PALETTE (self->palette), self->project);
  place_popover (self, self->palette, start, end);
  gtk_popover_popup (GTK_POPOVER (self->palette));
}

static gboolean
palette_idle_cb (gpointer user_data)
{
  GlossArticleView *self = user_data;

  self->palette_id = 0;
  if (!self->pressed)
    show_palette (self);
  return G_SOURCE_REMOVE;
}

static void
annotate_selection (GlossArticleView *self,
                    const char       *tag_id)
{
  GlossOffset start, end;

  if (!gloss_article_view_get_selection (self, &start, &end))
    return;

  gloss_article_view_clear_selection (self);
  g_signal_emit (self, signals[ANNOTATE], 0, start, end, tag_id);
}

static void
tag_chosen_cb (GlossTagPalette  *palette,
               const char       *tag_id,
               GlossArticleView *self)
{
  annotate_selection (self, tag_id);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
mark_set_cb (GtkTextBuffer    *buffer,
             const GtkTextIter *location,
             GtkTextMark      *mark,
             GlossArticleView *self)
{
  if (mark != gtk_text_buffer_get_insert (buffer) &&
      mark != gtk_text_buffer_get_selection_bound (buffer))
    return;

  if (!gtk_text_buffer_get_has_selection (buffer))
    {
      gtk_popover_popdown (GTK_POPOVER (self->palette));
      return;
    }
  /* A keyboard selection (Shift+arrows) shows the palette as it grows; a
   * drag shows it once the button is released. */
  if (!self->pressed && !self->programmatic_selection && self->palette_id == 0)
    self->palette_id = g_idle_add (palette_idle_cb, self);
}

/* ---- pointer ---- */

static GlossOffset
offset_at (GlossArticleView *self,
           double            x,
           double            y,
           gboolean         *inside)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter iter;
  GdkRectangle location;
  int bx, by;
  int trailing;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  /* The character under the point, not the nearest boundary. */
  gtk_text_view_get_iter_at_position (view, &iter, &trailing, bx, by);
  gtk_text_view_get_iter_location (view, &iter, &location);
  if (inside != NULL)
    *inside = bx >= location.x - 1 && bx <= location.x + MAX (location.width, 1) + 1 &&
              by >= location.y && by < location.y + location.height;
  return gtk_text_iter_get_offset (&iter);
}

static void
chooser_row_activated_cb (GtkListBox       *list,
                          GtkListBoxRow    *row,
                          GlossArticleView *self)
{
  GlossAnnotation *annotation = g_object_get_data (G_OBJECT (row), "gloss-annotation");

  gtk_popover_popdown (GTK_POPOVER (self->chooser));
  if (annotation != NULL)
    g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, annotation);
}

static char *
describe_tags (GlossArticleView *self,
               GlossAnnotation  *annotation)
{
  const char * const *tags = gloss_annotation_get_tags (annotation);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; tags[i] != NULL; i++)
    {
      GlossTag *tag = gloss_project_lookup_tag (self->project, tags[i]);

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, tag != NULL ? gloss_tag_get_name (tag) : tags[i]);
    }
  if (text->len == 0)
    g_string_append (text, _("No tag"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Cuts @text to about @max characters, on one line. */
static char *
excerpt (const char *text,
         guint       max)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = text; *p != '\0' && n < max; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      /* Control and bidi-override characters from the file stay out of
       * the tooltip's layout. */
      if (g_unichar_iscntrl (c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  if (*text != '\0' && n >= max && g_utf8_strlen (text, -1) > max)
    g_string_append (out, "…");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
show_chooser (GlossArticleView *self,
              GPtrArray        *annotations,
              GlossOffset       offset)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (list), TRUE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (annotations, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      g_autofree char *tags = describe_tags (self, annotation);
      g_autofree char *quote = excerpt (gloss_annotation_get_quote (annotation), 48);
      GtkWidget *title = gtk_label_new (tags);
      GtkWidget *subtitle = gtk_label_new (quote);

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
      gtk_widget_add_css_class (title, "heading");
      gtk_widget_add_css_class (subtitle, "dim-label");
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), subtitle);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "gloss-annotation",
                              g_object_ref (annotation), g_object_unref);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  g_signal_connect (list, "row-activated", G_CALLBACK (chooser_row_activated_cb), self);
  gtk_popover_set_child (GTK_POPOVER (self->chooser), list);
  place_popover (self, self->chooser, offset, offset);
  gtk_popover_popup (GTK_POPOVER (self->chooser));
}

static void
snap_to_words (GlossArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter a, b;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    return;

  if (gtk_text_iter_inside_word (&a) && !gtk_text_iter_starts_word (&a))
    gtk_text_iter_backward_word_start (&a);
  if (gtk_text_iter_inside_word (&b) && !gtk_text_iter_starts_word (&b) && !gtk_text_iter_ends_word (&b))
    gtk_text_iter_forward_word_end (&b);
  else if (gtk_text_iter_starts_word (&b) && gtk_text_iter_compare (&a, &b) < 0)
    {
      /* Ends just after a space: drop the trailing blanks. */
      GtkTextIter c = b;

      while (gtk_text_iter_backward_char (&c) && gtk_text_iter_compare (&c, &a) > 0 &&
             g_unichar_isspace (gtk_text_iter_get_char (&c)))
        b = c;
    }
  /* Leading blanks too. */
  while (gtk_text_iter_compare (&a, &b) < 0 && g_unichar_isspace (gtk_text_iter_get_char (&a)))
    gtk_text_iter_forward_char (&a);

  if (gtk_text_iter_compare (&a, &b) < 0)
    gtk_text_buffer_select_range (buffer, &b, &a);
}

static gboolean
select_paragraph_idle_cb (gpointer user_data)
{
  GlossArticleView *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter a, b;

  self->palette_id = 0;
  get_iter (self, &a, self->paragraph_offset);
  gtk_text_iter_set_line_offset (&a, 0);
  b = a;
  if (!gtk_text_iter_ends_line (&b))
    gtk_text_iter_forward_to_line_end (&b);
  self->programmatic_selection = TRUE;
  gtk_text_buffer_select_range (buffer, &b, &a);
  self->programmatic_selection = FALSE;
  show_palette (self);
  return G_SOURCE_REMOVE;
}

static gboolean
legacy_event_cb (GtkEventControllerLegacy *controller,
                 GdkEvent                 *event,
                 GlossArticleView         *self)
{
  GdkEventType type = gdk_event_get_event_type (event);
  double x, y;

  if (type != GDK_BUTTON_PRESS && type != GDK_BUTTON_RELEASE)
    return GDK_EVENT_PROPAGATE;
  if (gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY)
    return GDK_EVENT_PROPAGATE;

  /* The motion controller knows where the pointer is in our own
   * coordinates; the legacy event only has the surface's. */
  x = self->pointer_x;
  y = self->pointer_y;

  if (type == GDK_BUTTON_PRESS)
    {
      guint32 time = gdk_event_get_time (event);
      int double_click_time = 400;

      g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                    "gtk-double-click-time", &double_click_time, NULL);
      /* Counted here because GtkTextView's triple click takes a display
       * line, and the analyst wants the paragraph. */
      if (self->n_press > 0 && time - self->last_press_time <= (guint32) double_click_time &&
          ABS (x - self->press_x) < 6 && ABS (y - self->press_y) < 6)
        self->n_press++;
      else
        self->n_press = 1;
      self->last_press_time = time;
      self->pressed = TRUE;
      self->press_x = x;
      self->press_y = y;
      self->press_alt = (gdk_event_get_modifier_state (event) & GDK_ALT_MASK) != 0;
      gtk_popover_popdown (GTK_POPOVER (self->palette));
      return GDK_EVENT_PROPAGATE;
    }

  if (!self->pressed)
    return GDK_EVENT_PROPAGATE;
  self->pressed = FALSE;

  if (self->n_press == 3)
    {
      /* After the text view has finished with the release. */
      self->paragraph_offset = offset_at (self, x, y, NULL);
      g_clear_handle_id (&self->palette_id, g_source_remove);
      self->palette_id = g_idle_add (select_paragraph_idle_cb, self);
      return GDK_EVENT_PROPAGATE;
    }

  if (gloss_article_view_get_selection (self, NULL, NULL))
    {
      if (!self->press_alt && !(gdk_event_get_modifier_state (event) & GDK_ALT_MASK) &&
          gloss_settings_get_boolean ("snap-to-words", TRUE))
        {
          self->programmatic_selection = TRUE;
          snap_to_words (self);
          self->programmatic_selection = FALSE;
        }
      g_clear_handle_id (&self->palette_id, g_source_remove);
      show_palette (self);
    }
  else if (ABS (x - self->press_x) < 4 && ABS (y - self->press_y) < 4 && self->document != NULL)
    {
      gboolean inside = FALSE;
      GlossOffset offset = offset_at (self, x, y, &inside);
      g_autoptr(GPtrArray) here = NULL;

      if (inside)
        here = gloss_document_annotations_at (self->document, offset);

      if (here == NULL || here->len == 0)
        g_signal_emit (self, signals[DESELECT], 0);
      else if (here->len == 1)
        g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, g_ptr_array_index (here, 0));
      else
        show_chooser (self, here, offset);
    }

  return GDK_EVENT_PROPAGATE;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           GlossArticleView         *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GlossArticleView      *self)
{
  int digit = -1;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return GDK_EVENT_PROPAGATE;

  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    digit = keyval - GDK_KEY_0;
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    digit = keyval - GDK_KEY_KP_0;

  if (digit >= 0 && self->project != NULL && gloss_article_view_get_selection (self, NULL, NULL))
    {
      GlossTag *tag = gloss_project_lookup_tag_by_digit (self->project, digit);

      if (tag != NULL)
        {
          annotate_selection (self, gloss_tag_get_id (tag));
          return GDK_EVENT_STOP;
        }
      gtk_widget_error_bell (GTK_WIDGET (self));
      return GDK_EVENT_STOP;
    }

  if (keyval == GDK_KEY_Escape)
    {
      if (gloss_article_view_get_selection (self, NULL, NULL))
        {
          gloss_article_view_clear_selection (self);
          return GDK_EVENT_STOP;
        }
      g_signal_emit (self, signals[DESELECT], 0);
      return GDK_EVENT_STOP;
    }

  if (keyval == GDK_KEY_Delete && !gloss_article_view_get_selection (self, NULL, NULL))
    return gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-annotation", NULL)
           ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;

  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && self->document != NULL &&
      !gloss_article_view_get_selection (self, NULL, NULL))
    {
      /* Enter on a highlight selects it, as a click would. */
      g_autoptr(GPtrArray) here = gloss_document_annotations_at (self->document,
                                                                 gloss_article_view_get_caret (self));

      if (here->len == 1)
        g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, g_ptr_array_index (here, 0));
      else if (here->len > 1)
        show_chooser (self, here, gloss_article_view_get_caret (self));
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

/* ---- tooltips ---- */

static gboolean
gloss_article_view_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard,
                                  GtkTooltip *tooltip)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (widget);
  g_autoptr(GPtrArray) here = NULL;
  g_autoptr(GString) text = NULL;
  gboolean inside = FALSE;
  GlossOffset offset;

  if (self->document == NULL || self->project == NULL || keyboard)
    return FALSE;

  offset = offset_at (self, x, y, &inside);
  if (!inside)
    return FALSE;
  here = gloss_document_annotations_at (self->document, offset);
  if (here->len == 0)
    return FALSE;

  text = g_string_new (NULL);
  for (guint i = 0; i < here->len && i < 5; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (here, i);
      g_autofree char *tags = describe_tags (self, annotation);
      const char *note = gloss_annotation_get_note (annotation);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, tags);
      if (note[0] != '\0')
        {
          g_autofree char *start = excerpt (note, 80);

          g_string_append (text, " — ");
          g_string_append (text, start);
        }
    }
  /* Plain text: notes and tag names may hold markup characters. */
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

/* ---- find ---- */

guint
gloss_article_view_find (GlossArticleView *self,
                         const char       *needle)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end, match_start, match_end;
  guint count = 0;

  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), 0);

  if (needle != self->needle)
    {
      g_free (self->needle);
      self->needle = needle != NULL && needle[0] != '\0' ? g_strdup (needle) : NULL;
    }

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->match_tag, &start, &end);
  if (self->needle == NULL)
    return 0;

  while (count < MAX_FIND_MATCHES &&
         gtk_text_iter_forward_search (&start, self->needle,
                                       GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_VISIBLE_ONLY,
                                       &match_start, &match_end, NULL))
    {
      gtk_text_buffer_apply_tag (buffer, self->match_tag, &match_start, &match_end);
      start = match_end;
      count++;
    }
  return count;
}

guint
gloss_article_view_find_next (GlossArticleView *self,
                              gboolean          forward)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter from, a, b, found_start, found_end;
  GtkTextSearchFlags flags = GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_VISIBLE_ONLY;
  gboolean found;
  guint index = 0;

  if (self->needle == NULL)
    return 0;

  if (gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    from = forward ? b : a;
  else
    gtk_text_buffer_get_iter_at_mark (buffer, &from, gtk_text_buffer_get_insert (buffer));

  if (forward)
    {
      found = gtk_text_iter_forward_search (&from, self->needle, flags, &found_start, &found_end, NULL);
      if (!found)
        {
          gtk_text_buffer_get_start_iter (buffer, &from);
          found = gtk_text_iter_forward_search (&from, self->needle, flags, &found_start, &found_end, NULL);
        }
    }
  else
    {
      found = gtk_text_iter_backward_search (&from, self->needle, flags, &found_start, &found_end, NULL);
      if (!found)
        {
          gtk_text_buffer_get_end_iter (buffer, &from);
          found = gtk_text_iter_backward_search (&from, self->needle, flags, &found_start, &found_end, NULL);
        }
    }
  if (!found)
    return 0;

  self->programmatic_selection = TRUE;
  gtk_text_buffer_select_range (buffer, &found_start, &found_end);
  self->programmatic_selection = FALSE;
  gloss_article_view_scroll_to (self, gtk_text_iter_get_offset (&found_start),
                                gtk_text_iter_get_offset (&found_end));

  /* Which match this is: count the tagged runs before it. */
  {
    GtkTextIter it;

    gtk_text_buffer_get_start_iter (buffer, &it);
    index = 1;
    while (gtk_text_iter_forward_to_tag_toggle (&it, self->match_tag) &&
           gtk_text_iter_compare (&it, &found_start) < 0)
      {
        if (gtk_text_iter_starts_tag (&it, self->match_tag))
          index++;
      }
  }
  return index;
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
  g_free (self->needle);

  G_OBJECT_CLASS (gloss_article_view_parent_class)->finalize (object);
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
  widget_class->query_tooltip = gloss_article_view_query_tooltip;
  text_view_class->snapshot_layer = gloss_article_view_snapshot_layer;

  signals[ANNOTATE] =
    g_signal_new ("annotate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_UINT, G_TYPE_UINT, G_TYPE_STRING);
  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_ANNOTATION);
  signals[DESELECT] =
    g_signal_new ("deselect", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "textview");
}

static void
gloss_article_view_init (GlossArticleView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkEventController *controller;
  GdkRGBA match;

  self->known = g_array_new (FALSE, FALSE, sizeof (Known));
  g_array_set_clear_func (self->known, known_clear);
  self->text_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->related = g_hash_table_new (NULL, NULL);
  self->dirty_start = G_MAXUINT;

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

  g_signal_connect (buffer, "mark-set", G_CALLBACK (mark_set_cb), self);

  self->palette = gloss_tag_palette_new ();
  gtk_widget_set_parent (self->palette, GTK_WIDGET (self));
  g_signal_connect (self->palette, "tag-chosen", G_CALLBACK (tag_chosen_cb), self);

  self->chooser = gtk_popover_new ();
  gtk_widget_set_parent (self->chooser, GTK_WIDGET (self));

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (legacy_event_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "enter", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

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
