/* gloss-tag-button.c — one tag in the tag palette: digit, swatch and name
 *
 * The digit comes first, as the key to press; the tooltip says so. The
 * palette applies the tag on "clicked".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-accessible.h"
#include "gloss-color-chip.h"
#include "gloss-tag-button.h"
#include "gloss-untrusted-text.h"

struct _GlossTagButton
{
  GtkButton       parent_instance;

  GlossTag       *tag;

  /* template */
  GtkLabel       *digit_label;
  GlossColorChip *chip;
  GtkLabel       *name_label;
};

G_DEFINE_FINAL_TYPE (GlossTagButton, gloss_tag_button, GTK_TYPE_BUTTON)

static void
gloss_tag_button_dispose (GObject *object)
{
  GlossTagButton *self = GLOSS_TAG_BUTTON (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_TAG_BUTTON);
  g_clear_object (&self->tag);

  G_OBJECT_CLASS (gloss_tag_button_parent_class)->dispose (object);
}

static void
gloss_tag_button_class_init (GlossTagButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_tag_button_dispose;

  g_type_ensure (GLOSS_TYPE_COLOR_CHIP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/gloss-tag-button.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossTagButton, digit_label);
  gtk_widget_class_bind_template_child (widget_class, GlossTagButton, chip);
  gtk_widget_class_bind_template_child (widget_class, GlossTagButton, name_label);
}

static void
gloss_tag_button_init (GlossTagButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gloss_tag_button_new (GlossTag *tag)
{
  GlossTagButton *self;
  g_autofree char *name = NULL;
  int digit;

  g_return_val_if_fail (GLOSS_IS_TAG (tag), NULL);

  self = g_object_new (GLOSS_TYPE_TAG_BUTTON, NULL);
  self->tag = g_object_ref (tag);
  digit = gloss_tag_get_digit (tag);
  if (digit >= 0)
    {
      g_autofree char *text = g_strdup_printf ("%d", digit);
      g_autofree char *tip = g_strdup_printf (_("Press %d"), digit);

      gtk_label_set_text (self->digit_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->digit_label), TRUE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), tip);
    }
  gloss_color_chip_set_tag (self->chip, tag);
  /* Tag names come from the file: plain text, never markup. */
  name = gloss_untrusted_isolate (gloss_tag_get_name (tag));
  gtk_label_set_text (self->name_label, name);
  gloss_accessible_name_tag_button (GTK_WIDGET (self), tag);
  return GTK_WIDGET (self);
}

GlossTag *
gloss_tag_button_get_tag (GlossTagButton *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG_BUTTON (self), NULL);

  return self->tag;
}

const char *
gloss_tag_button_get_tag_id (GlossTagButton *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG_BUTTON (self), NULL);

  return gloss_tag_get_id (self->tag);
}
