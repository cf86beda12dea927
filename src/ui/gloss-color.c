/* gloss-color.c — tag colours as GdkRGBA, and the small swatch that shows one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-color.h"

#define CHIP_SIZE 12

struct _GlossColorChip
{
  GtkWidget  parent_instance;

  GlossTag  *tag;
  gulong     notify_id;
  GdkRGBA    rgba;
};

G_DEFINE_FINAL_TYPE (GlossColorChip, gloss_color_chip, GTK_TYPE_WIDGET)

/* The GNOME HIG palette, row 3: bright enough to carry dark text. */
static const char * const palette[] = {
  "#62a0ea", "#57e389", "#f8e45c", "#ffa348", "#ed333b",
  "#c061cb", "#b5835a", "#5bc8af", "#9a9996", NULL,
};

const char * const *
gloss_color_get_palette (void)
{
  return palette;
}

gboolean
gloss_color_parse (const char *color,
                   GdkRGBA    *rgba)
{
  g_return_val_if_fail (rgba != NULL, FALSE);

  if (color != NULL && gdk_rgba_parse (rgba, color))
    return TRUE;

  *rgba = (GdkRGBA) { 0.6, 0.6, 0.6, 1.0 };
  return FALSE;
}

static void
update_color (GlossColorChip *self)
{
  gloss_color_parse (self->tag != NULL ? gloss_tag_get_color (self->tag) : NULL,
                     &self->rgba);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
tag_notify_color_cb (GlossColorChip *self)
{
  update_color (self);
}

void
gloss_color_append_swatch (GtkSnapshot   *snapshot,
                           const GdkRGBA *rgba,
                           float          x,
                           float          y,
                           float          size)
{
  GskRoundedRect rect;
  GdkRGBA border = { 0, 0, 0, 0.25 };
  float widths[4] = { 1, 1, 1, 1 };
  GdkRGBA borders[4];

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, size, size), size / 4);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, rgba, &rect.bounds);
  gtk_snapshot_pop (snapshot);

  /* A faint outline keeps pale colours visible on light backgrounds. */
  for (guint i = 0; i < 4; i++)
    borders[i] = border;
  gtk_snapshot_append_border (snapshot, &rect, widths, borders);
}

static void
gloss_color_chip_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  GlossColorChip *self = GLOSS_COLOR_CHIP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float size = MIN (width, height);

  gloss_color_append_swatch (snapshot, &self->rgba, (width - size) / 2, (height - size) / 2, size);
}

static void
gloss_color_chip_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = *natural = CHIP_SIZE;
}

static void
gloss_color_chip_dispose (GObject *object)
{
  gloss_color_chip_set_tag (GLOSS_COLOR_CHIP (object), NULL);

  G_OBJECT_CLASS (gloss_color_chip_parent_class)->dispose (object);
}

static void
gloss_color_chip_class_init (GlossColorChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_color_chip_dispose;
  widget_class->snapshot = gloss_color_chip_snapshot;
  widget_class->measure = gloss_color_chip_measure;

  gtk_widget_class_set_css_name (widget_class, "colorchip");
}

static void
gloss_color_chip_init (GlossColorChip *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  update_color (self);
}

GtkWidget *
gloss_color_chip_new_for_color (const char *color)
{
  GlossColorChip *self = g_object_new (GLOSS_TYPE_COLOR_CHIP, NULL);

  gloss_color_parse (color, &self->rgba);
  return GTK_WIDGET (self);
}

GtkWidget *
gloss_color_chip_new (GlossTag *tag)
{
  GlossColorChip *self = g_object_new (GLOSS_TYPE_COLOR_CHIP, NULL);

  gloss_color_chip_set_tag (self, tag);
  return GTK_WIDGET (self);
}

void
gloss_color_chip_set_tag (GlossColorChip *self,
                          GlossTag       *tag)
{
  g_return_if_fail (GLOSS_IS_COLOR_CHIP (self));
  g_return_if_fail (tag == NULL || GLOSS_IS_TAG (tag));

  if (self->tag == tag)
    return;

  if (self->tag != NULL)
    {
      g_clear_signal_handler (&self->notify_id, self->tag);
      g_clear_object (&self->tag);
    }

  if (tag != NULL)
    {
      self->tag = g_object_ref (tag);
      self->notify_id = g_signal_connect_swapped (tag, "notify::color",
                                                  G_CALLBACK (tag_notify_color_cb),
                                                  self);
      /* No tooltip: the tag's name is always shown beside the chip, and
       * setting one asks the X server where the pointer is — a round trip
       * for every chip of every row the list binds. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, gloss_tag_get_name (tag),
                                      -1);
    }

  update_color (self);
}

GlossTag *
gloss_color_chip_get_tag (GlossColorChip *self)
{
  g_return_val_if_fail (GLOSS_IS_COLOR_CHIP (self), NULL);

  return self->tag;
}
