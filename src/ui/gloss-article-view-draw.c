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

#include <math.h>

#include "gloss-article-view-private.h"

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

/* ---- contrast (WCAG 2 relative luminance) ---- */

static double
linear_channel (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const GdkRGBA *c)
{
  return 0.2126 * linear_channel (c->red) + 0.7152 * linear_channel (c->green) +
         0.0722 * linear_channel (c->blue);
}

static double
contrast_ratio (const GdkRGBA *a,
                const GdkRGBA *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

void
_gloss_article_view_contrast_rgba (GdkRGBA *rgba)
{
  gboolean dark = _gloss_article_view_is_dark ();
  GdkRGBA page;

  /* libadwaita's view background in each style. */
  gdk_rgba_parse (&page, dark ? "#1e1e1e" : "#ffffff");
  rgba->alpha = 1.0;
  for (guint i = 0; i < 40 && contrast_ratio (rgba, &page) < 3.0; i++)
    {
      if (dark)
        {
          rgba->red += (1.0 - rgba->red) * 0.08;
          rgba->green += (1.0 - rgba->green) * 0.08;
          rgba->blue += (1.0 - rgba->blue) * 0.08;
        }
      else
        {
          rgba->red *= 0.92;
          rgba->green *= 0.92;
          rgba->blue *= 0.92;
        }
    }
}

/* ---- drawing ---- */

typedef struct {
  cairo_t *cr;
  GdkRGBA  color;
  guint    level;
} UnderlineContext;

/* Overlapping layers differ by more than colour: the first underline is
 * solid, the next dashed, then dotted, then dash-dotted. */
static void
set_layer_pattern (cairo_t *cr,
                   guint    level,
                   double   unit)
{
  const double dashed[] = { 3 * unit, 2 * unit };
  const double dotted[] = { unit, unit };
  const double dash_dot[] = { 3 * unit, unit, unit, unit };

  switch (level)
    {
    case 0:
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    case 1:
      cairo_set_dash (cr, dashed, G_N_ELEMENTS (dashed), 0);
      break;
    case 2:
      cairo_set_dash (cr, dotted, G_N_ELEMENTS (dotted), 0);
      break;
    default:
      cairo_set_dash (cr, dash_dot, G_N_ELEMENTS (dash_dot), 0);
      break;
    }
}

static void
underline_segment (const graphene_rect_t *rect,
                   gboolean               first,
                   gboolean               last,
                   gboolean               end_at_left,
                   gpointer               user_data)
{
  UnderlineContext *ctx = user_data;
  /* Thickness and spacing follow the text's size. */
  double thickness = MAX (2.0, rect->size.height / 9.0);
  double y = rect->origin.y + rect->size.height + 1.0 + ctx->level * (thickness + 1.5) + thickness / 2;

  gdk_cairo_set_source_rgba (ctx->cr, &ctx->color);
  cairo_set_line_width (ctx->cr, thickness);
  cairo_set_line_cap (ctx->cr, CAIRO_LINE_CAP_BUTT);
  set_layer_pattern (ctx->cr, ctx->level, thickness);
  cairo_move_to (ctx->cr, rect->origin.x, y);
  cairo_line_to (ctx->cr, rect->origin.x + rect->size.width, y);
  cairo_stroke (ctx->cr);
  cairo_set_dash (ctx->cr, NULL, 0, 0);
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
                 gboolean               end_at_left,
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
                gboolean               end_at_left,
                gpointer               user_data)
{
  MarkerContext *ctx = user_data;
  /* As large as the text makes it, never smaller than before. */
  double radius = MAX (3.0, rect->size.height / 6.0);
  double x = end_at_left ? rect->origin.x - 1 : rect->origin.x + rect->size.width + 1;

  if (!last)
    return;
  /* A dot at the top of where the annotation ends (the left in
   * right-to-left text): this one has a note. */
  cairo_arc (ctx->cr, x, rect->origin.y + radius - 1, radius, 0, 2 * G_PI);
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
                    gboolean               end_at_left,
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
      _gloss_article_view_foreach_run (self, MAX (mark->start, vs), MIN (mark->end, ve), outline_segment, &outline);
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
      UnderlineContext ctx = { cr, { 0 }, 0 };
      guint level = 0;

      while (level < MAX_LEVELS - 1 && ends[level] > start)
        level++;
      ends[level] = end;

      _gloss_article_view_tag_rgba (tags[0] != NULL && self->project != NULL
                ? gloss_project_lookup_tag (self->project, tags[0]) : NULL,
                &ctx.color);
      /* At least 3:1 against the page (WCAG 1.4.11): a pale tag colour is
       * drawn darker in the light style, lighter in the dark one. */
      _gloss_article_view_contrast_rgba (&ctx.color);
      ctx.level = level;
      _gloss_article_view_foreach_run (self, MAX (start, vs), MIN (end, ve), underline_segment, &ctx);

      if (gloss_annotation_get_note (annotation)[0] != '\0' && end <= ve)
        {
          MarkerContext marker = { cr, ctx.color };

          _gloss_article_view_foreach_run (self, MAX (start, vs), end, marker_segment, &marker);
        }

      if (self->project != NULL && start >= vs)
        {
          guint n_links = gloss_project_count_relations_of (self->project, annotation);

          if (n_links > 0)
            {
              LinkBadgeContext badge = { self, cr, accent, n_links };

              _gloss_article_view_foreach_run (self, start, MIN (end, ve), link_badge_segment, &badge);
            }
        }

      if (g_hash_table_contains (self->related, annotation))
        {
          OutlineContext outline = { cr, accent, 1.5, TRUE };

          _gloss_article_view_foreach_run (self, MAX (start, vs), MIN (end, ve), outline_segment, &outline);
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
        _gloss_article_view_foreach_run (self, MAX (start, vs), MIN (end, ve), outline_segment, &outline);
    }

  cairo_destroy (cr);
}
