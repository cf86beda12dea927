/* gloss-article-view-draw.c — what the article draws beyond its text tags
 *
 * Tag backgrounds cannot show overlaps (only the highest-priority one
 * paints), so every annotation also gets an underline of its own, stacked
 * by depth, and the selected and related ones an outline. All of it is
 * drawn for the visible range only, from the document's interval index.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-article-view-private.h"

#define UNDERLINE_HEIGHT   2.0
#define UNDERLINE_STEP     3.0
#define MAX_LEVELS         4
#define MAX_DRAWN          4000  /* annotations drawn per frame, at most */

/* ---- geometry ---- */

void
_gloss_article_view_visible_iters (GlossArticleView *self,
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

  _gloss_article_view_visible_iters (self, &a, &b);
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

  _gloss_article_view_get_iter (self, &iter, offset);
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

  _gloss_article_view_get_iter (self, &it, start);
  _gloss_article_view_get_iter (self, &stop, end);

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
  GlossArticleView *self;
  cairo_t          *cr;
  GdkRGBA           color;
  guint             count;
} LinkBadgeContext;

static void
link_badge_segment (const graphene_rect_t *rect,
                    gboolean               first,
                    gboolean               last,
                    gpointer               user_data)
{
  LinkBadgeContext *ctx = user_data;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *count = NULL;
  PangoFontDescription *font;
  int width, height;
  double x, y, w, h;

  if (!first)
    return;
  /* A small pill with the number of links, over the start of the span. */
  count = g_strdup_printf ("%u", ctx->count);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (ctx->self), count);
  font = pango_font_description_copy (pango_context_get_font_description (pango_layout_get_context (layout)));
  pango_font_description_set_absolute_size (font, 8 * PANGO_SCALE);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_get_pixel_size (layout, &width, &height);
  w = MAX (width + 6, height);
  h = height;
  x = rect->origin.x - w / 2;
  y = rect->origin.y - h / 2;
  cairo_new_sub_path (ctx->cr);
  cairo_arc (ctx->cr, x + w - h / 2, y + h / 2, h / 2, -G_PI / 2, G_PI / 2);
  cairo_arc (ctx->cr, x + h / 2, y + h / 2, h / 2, G_PI / 2, 3 * G_PI / 2);
  cairo_close_path (ctx->cr);
  gdk_cairo_set_source_rgba (ctx->cr, &ctx->color);
  cairo_fill (ctx->cr);
  cairo_move_to (ctx->cr, x + (w - width) / 2, y);
  /* Dark digits on the dark style's light accent, white on the light's. */
  if (0.2126 * ctx->color.red + 0.7152 * ctx->color.green + 0.0722 * ctx->color.blue > 0.5)
    cairo_set_source_rgba (ctx->cr, 0, 0, 0, 0.8);
  else
    cairo_set_source_rgb (ctx->cr, 1, 1, 1);
  pango_cairo_show_layout (ctx->cr, layout);
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

/* The differences with a compared version: dashed, in the colours GNOME
 * gives to removed (only here), added (only theirs) and changed. */
static void
draw_marks (GlossArticleView *self,
            cairo_t          *cr,
            GlossOffset       vs,
            GlossOffset       ve)
{
  static const char * const light[GLOSS_N_DIFFERENCE_KINDS] = { "#c01c28", "#26a269", "#c64600" };
  static const char * const dark[GLOSS_N_DIFFERENCE_KINDS] = { "#ff7b63", "#8ff0a4", "#ffa348" };
  gboolean is_dark = _gloss_article_view_is_dark ();

  for (guint i = 0; self->marks != NULL && i < self->marks->len; i++)
    {
      const GlossArticleMark *mark = &g_array_index (self->marks, GlossArticleMark, i);
      OutlineContext outline = { cr, { 0 }, 1.5, TRUE };

      if (mark->document != self->document || mark->start >= ve || mark->end <= vs || mark->start >= mark->end)
        continue;
      gdk_rgba_parse (&outline.color, (is_dark ? dark : light)[mark->kind]);
      foreach_segment (self, MAX (mark->start, vs), MIN (mark->end, ve), outline_segment, &outline);
    }
}

void
_gloss_article_view_snapshot_layer (GtkTextView      *view,
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

  _gloss_article_view_visible_iters (self, &a, &b);
  vs = gtk_text_iter_get_offset (&a);
  ve = gtk_text_iter_get_offset (&b) + 1;

  visible = g_ptr_array_new ();
  gloss_document_foreach_in_range (self->document, vs, ve, collect_cb, visible);
  if (visible->len == 0 && self->selected == NULL && self->marks == NULL)
    return;

  gtk_text_view_get_visible_rect (view, &rect);
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (rect.x, rect.y, rect.width, rect.height));

  gdk_rgba_parse (&accent, _gloss_article_view_is_dark () ? "#78aeed" : "#1c71d8");

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

      _gloss_article_view_tag_rgba (tags[0] != NULL && self->project != NULL
                ? gloss_project_lookup_tag (self->project, tags[0]) : NULL,
                &ctx.color);
      ctx.offset_y = 1.0 + level * UNDERLINE_STEP;
      foreach_segment (self, MAX (start, vs), MIN (end, ve), underline_segment, &ctx);

      if (gloss_annotation_get_note (annotation)[0] != '\0' && end <= ve)
        {
          MarkerContext marker = { cr, ctx.color };

          foreach_segment (self, MAX (start, vs), end, marker_segment, &marker);
        }

      if (self->project != NULL && start >= vs)
        {
          guint n_links = gloss_project_count_relations_of (self->project, annotation);

          if (n_links > 0)
            {
              LinkBadgeContext badge = { self, cr, accent, n_links };

              foreach_segment (self, start, MIN (end, ve), link_badge_segment, &badge);
            }
        }

      if (g_hash_table_contains (self->related, annotation))
        {
          OutlineContext outline = { cr, accent, 1.5, TRUE };

          foreach_segment (self, MAX (start, vs), MIN (end, ve), outline_segment, &outline);
        }
    }

  draw_marks (self, cr, vs, ve);

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
