/* gloss-tag-choice.c — one choice of the annotation list's tag filter
 *
 * The annotation list filters by tag through a drop-down whose items are
 * "All tags" (a GtkStringObject) and the project's tags. Each choice shows
 * the tag's colour chip and its name; the name is bound to the tag, so a
 * tag renamed in the tags dialog reads anew at once, and shown isolated,
 * as every name that comes from a file. The binding is the choice's own
 * and ends when the drop-down unbinds the row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-color-chip.h"
#include "gloss-tag-choice.h"
#include "gloss-untrusted-text.h"

struct _GlossTagChoice
{
  GtkBox     parent_instance;

  GtkWidget *chip;
  GtkWidget *label;
  GBinding  *name_binding;   /* owned: the tag's name to the label, while bound */
};

G_DEFINE_FINAL_TYPE (GlossTagChoice, gloss_tag_choice, GTK_TYPE_BOX)

static void
unbind_name (GlossTagChoice *self)
{
  /* Our reference keeps the binding valid even when the tag went first. */
  if (self->name_binding != NULL)
    g_binding_unbind (self->name_binding);
  g_clear_object (&self->name_binding);
}

void
gloss_tag_choice_set_item (GlossTagChoice *self,
                           GObject        *item)
{
  g_return_if_fail (GLOSS_IS_TAG_CHOICE (self));

  unbind_name (self);
  if (GLOSS_IS_TAG (item))
    {
      self->name_binding = g_object_ref (g_object_bind_property_full (item, "name", self->label, "label",
                                                                      G_BINDING_SYNC_CREATE,
                                                                      gloss_untrusted_isolate_binding, NULL,
                                                                      NULL, NULL));
      gloss_color_chip_set_tag (GLOSS_COLOR_CHIP (self->chip), GLOSS_TAG (item));
      gtk_widget_set_visible (self->chip, TRUE);
      return;
    }

  gloss_color_chip_set_tag (GLOSS_COLOR_CHIP (self->chip), NULL);
  if (GTK_IS_STRING_OBJECT (item))
    {
      gtk_widget_set_visible (self->chip, FALSE);
      gtk_label_set_text (GTK_LABEL (self->label), gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
    }
}

static void
gloss_tag_choice_dispose (GObject *object)
{
  GlossTagChoice *self = GLOSS_TAG_CHOICE (object);

  unbind_name (self);
  G_OBJECT_CLASS (gloss_tag_choice_parent_class)->dispose (object);
}

static void
gloss_tag_choice_class_init (GlossTagChoiceClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gloss_tag_choice_dispose;
}

static void
gloss_tag_choice_init (GlossTagChoice *self)
{
  gtk_box_set_spacing (GTK_BOX (self), 6);
  self->chip = gloss_color_chip_new (NULL);
  gtk_box_append (GTK_BOX (self), self->chip);
  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0.0);
  gtk_box_append (GTK_BOX (self), self->label);
}

GtkWidget *
gloss_tag_choice_new (gboolean in_button)
{
  GlossTagChoice *self = g_object_new (GLOSS_TYPE_TAG_CHOICE, NULL);

  /* In the button the name may be ellipsized when the pane is narrow,
   * but keeps room for a word or two. */
  if (in_button)
    {
      gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (self->label), 8);
      gtk_label_set_max_width_chars (GTK_LABEL (self->label), 24);
    }
  return GTK_WIDGET (self);
}

static void
factory_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  in_button)
{
  gtk_list_item_set_child (item, gloss_tag_choice_new (GPOINTER_TO_INT (in_button)));
}

static void
factory_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  gloss_tag_choice_set_item (GLOSS_TAG_CHOICE (gtk_list_item_get_child (item)),
                             gtk_list_item_get_item (item));
}

static void
factory_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  gloss_tag_choice_set_item (GLOSS_TAG_CHOICE (gtk_list_item_get_child (item)), NULL);
}

GtkListItemFactory *
gloss_tag_choice_factory_new (gboolean in_button)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (factory_setup_cb), GINT_TO_POINTER (in_button));
  g_signal_connect (factory, "bind", G_CALLBACK (factory_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (factory_unbind_cb), NULL);
  return factory;
}
