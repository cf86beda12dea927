/* gloss-search-row.c — one row of the project search's results, drawn by itself
 *
 * A search can list thousands of matches, and the list creates rows for
 * every match that arrives on screen while the search is still streaming
 * in. Each row is therefore one widget that lays out its text with Pango
 * when drawn, instead of a box of labels: the match sits in the middle,
 * the words before it give way on their left, those after on their right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-search-row.h"

#define PADDING_X 6
#define PADDING_Y 6
#define GAP       4

struct _GlossSearchRow
{
  GtkWidget         parent_instance;

  GlossSearchMatch *match;   /* NULL for a heading */
  gboolean          heading;
  char             *first;   /* title, or the words before */
  char             *middle;  /* the match */
  char             *last;    /* the count, or the words after */

  PangoLayout      *first_layout;
  PangoLayout      *middle_layout;
  PangoLayout      *last_layout;
};

G_DEFINE_FINAL_TYPE (GlossSearchRow, gloss_search_row, GTK_TYPE_WIDGET)

static void
clear_layouts (GlossSearchRow *self)
{
  g_clear_object (&self->first_layout);
  g_clear_object (&self->middle_layout);
  g_clear_object (&self->last_layout);
}

static void
set_texts (GlossSearchRow *self,
           gboolean        heading,
           const char     *first,
           const char     *middle,
           const char     *last)
{
  g_autofree char *label = NULL;

  self->heading = heading;
  g_free (self->first);
  g_free (self->middle);
  g_free (self->last);
  self->first = g_strdup (first);
  self->middle = g_strdup (middle);
  self->last = g_strdup (last);
  clear_layouts (self);

  /* Drawn text is invisible to screen readers: say it. */
  label = heading ? g_strdup_printf ("%s (%s)", first, last) : g_strconcat (first, middle, last, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), heading ? first : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
gloss_search_row_set_heading (GlossSearchRow *self,
                              const char     *title,
                              guint           n_matches)
{
  g_autofree char *count = g_strdup_printf ("%u", n_matches);

  g_return_if_fail (GLOSS_IS_SEARCH_ROW (self));
  g_clear_object (&self->match);
  set_texts (self, TRUE, title, NULL, count);
}

void
gloss_search_row_set_match (GlossSearchRow   *self,
                            GlossSearchMatch *match)
{
  g_return_if_fail (GLOSS_IS_SEARCH_ROW (self));
  g_return_if_fail (GLOSS_IS_SEARCH_MATCH (match));

  g_set_object (&self->match, match);
  set_texts (self, FALSE, gloss_search_match_get_before (match),
             gloss_search_match_get_text (match), gloss_search_match_get_after (match));
}

GlossSearchMatch *
gloss_search_row_get_match (GlossSearchRow *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_ROW (self), NULL);
  return self->match;
}

static PangoLayout *
make_layout (GlossSearchRow     *self,
             const char         *text,
             gboolean            bold,
             PangoEllipsizeMode  ellipsize)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_ellipsize (layout, ellipsize);
  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

static void
ensure_layouts (GlossSearchRow *self)
{
  if (self->first_layout != NULL)
    return;

  if (self->heading)
    {
      self->first_layout = make_layout (self, self->first, TRUE, PANGO_ELLIPSIZE_END);
      self->last_layout = make_layout (self, self->last, FALSE, PANGO_ELLIPSIZE_NONE);
    }
  else
    {
      self->first_layout = make_layout (self, self->first, FALSE, PANGO_ELLIPSIZE_START);
      self->middle_layout = make_layout (self, self->middle, TRUE, PANGO_ELLIPSIZE_END);
      self->last_layout = make_layout (self, self->last, FALSE, PANGO_ELLIPSIZE_END);
    }
}

static void
gloss_search_row_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Whatever width the list gives: the text ellipsizes. */
      *minimum = *natural = 2 * PADDING_X;
      return;
    }

  /* One line of the body font, whatever the text: every row alike. */
  {
    PangoContext *context = gtk_widget_get_pango_context (widget);
    PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
    int height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));

    pango_font_metrics_unref (metrics);

    *minimum = *natural = height + 2 * PADDING_Y;
  }
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               double         x,
               double         y,
               const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static int
text_width (PangoLayout *layout)
{
  int width;

  pango_layout_set_width (layout, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static void
gloss_search_row_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  GlossSearchRow *self = GLOSS_SEARCH_ROW (widget);
  int width = gtk_widget_get_width (widget) - 2 * PADDING_X;
  int height = gtk_widget_get_height (widget);
  GdkRGBA color, dim;
  int line_height;

  if (self->first == NULL || width <= 0)
    return;

  ensure_layouts (self);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  dim = color;
  dim.alpha *= 0.6f;
  pango_layout_get_pixel_size (self->first_layout, NULL, &line_height);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget), height));
  if (self->heading)
    {
      int count_width = text_width (self->last_layout);
      int y = (height - line_height) / 2;

      pango_layout_set_width (self->first_layout, MAX (0, width - count_width - GAP) * PANGO_SCALE);
      append_layout (snapshot, self->first_layout, PADDING_X, y, &color);
      append_layout (snapshot, self->last_layout, PADDING_X + width - count_width, y, &dim);
    }
  else
    {
      int match_width = MIN (text_width (self->middle_layout), width * 2 / 3);
      int side = MAX (0, (width - match_width) / 2 - GAP);
      int before_width;
      int y = (height - line_height) / 2;

      pango_layout_set_width (self->middle_layout, match_width * PANGO_SCALE);
      pango_layout_set_width (self->first_layout, side * PANGO_SCALE);
      pango_layout_set_width (self->last_layout, side * PANGO_SCALE);
      /* Right-aligned against the match: measure what is drawn. */
      pango_layout_get_pixel_size (self->first_layout, &before_width, NULL);
      append_layout (snapshot, self->first_layout, PADDING_X + side - before_width, y, &dim);
      append_layout (snapshot, self->middle_layout, PADDING_X + side + GAP, y, &color);
      append_layout (snapshot, self->last_layout, PADDING_X + side + 2 * GAP + match_width, y, &dim);
    }
  gtk_snapshot_pop (snapshot);
}

static void
gloss_search_row_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (gloss_search_row_parent_class)->css_changed (widget, change);
  /* A new font or size: lay out again. */
  clear_layouts (GLOSS_SEARCH_ROW (widget));
  gtk_widget_queue_resize (widget);
}

static void
gloss_search_row_finalize (GObject *object)
{
  GlossSearchRow *self = GLOSS_SEARCH_ROW (object);

  clear_layouts (self);
  g_clear_object (&self->match);
  g_free (self->first);
  g_free (self->middle);
  g_free (self->last);

  G_OBJECT_CLASS (gloss_search_row_parent_class)->finalize (object);
}

static void
gloss_search_row_class_init (GlossSearchRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gloss_search_row_finalize;
  widget_class->measure = gloss_search_row_measure;
  widget_class->snapshot = gloss_search_row_snapshot;
  widget_class->css_changed = gloss_search_row_css_changed;
  gtk_widget_class_set_css_name (widget_class, "search-row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
gloss_search_row_init (GlossSearchRow *self)
{
}

GtkWidget *
gloss_search_row_new (void)
{
  return g_object_new (GLOSS_TYPE_SEARCH_ROW, NULL);
}
