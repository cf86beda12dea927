/* gloss-color-chip.c — the small swatch that shows a tag's colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-color.h"
#include "gloss-color-chip.h"

#define CHIP_SIZE 12

struct _GlossColorChip
{
  GtkWidget  parent_instance;

  GlossTag  *tag;
  gulong     notify_id;
  GdkRGBA    rgba;
};

G_DEFINE_FINAL_TYPE (GlossColorChip, gloss_color_chip, GTK_TYPE_WIDGET)

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
