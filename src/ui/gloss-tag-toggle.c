/* gloss-tag-toggle.c — one tag's toggle in the inspector: swatch, name, digit and a tick
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-accessible.h"
#include "gloss-color-chip.h"
#include "gloss-tag-toggle.h"
#include "gloss-untrusted-text.h"

struct _GlossTagToggle
{
  GtkToggleButton  parent_instance;

  GlossTag        *tag;

  /* template */
  GlossColorChip  *chip;
  GtkLabel        *name_label;
  GtkLabel        *digit_label;
  GtkWidget       *check;
};

G_DEFINE_FINAL_TYPE (GlossTagToggle, gloss_tag_toggle, GTK_TYPE_TOGGLE_BUTTON)

enum {
  PROP_0,
  PROP_TAG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_tag_toggle_constructed (GObject *object)
{
  GlossTagToggle *self = GLOSS_TAG_TOGGLE (object);
  const char *description = gloss_tag_get_description (self->tag);
  g_autofree char *name = NULL;
  int digit = gloss_tag_get_digit (self->tag);

  G_OBJECT_CLASS (gloss_tag_toggle_parent_class)->constructed (object);

  gloss_color_chip_set_tag (self->chip, self->tag);
  name = gloss_untrusted_isolate (gloss_tag_get_name (self->tag));
  gtk_label_set_text (self->name_label, name);
  if (digit >= 0)
    {
      g_autofree char *text = g_strdup_printf ("%d", digit);

      gtk_label_set_text (self->digit_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->digit_label), TRUE);
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                               description != NULL && description[0] != '\0'
                               ? description : gloss_tag_get_name (self->tag));
  gloss_accessible_name_tag_button (GTK_WIDGET (self), self->tag);
}

/* Read as a check box ("Claim, key 1, checked"): whether the tag is
 * applied is its state, not a pressed look. */
static void
active_changed_cb (GlossTagToggle *self,
                   GParamSpec     *pspec,
                   gpointer        user_data)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_CHECKED,
                               gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self))
                               ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);
}

static void
gloss_tag_toggle_dispose (GObject *object)
{
  GlossTagToggle *self = GLOSS_TAG_TOGGLE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_TAG_TOGGLE);
  g_clear_object (&self->tag);

  G_OBJECT_CLASS (gloss_tag_toggle_parent_class)->dispose (object);
}

static void
gloss_tag_toggle_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GlossTagToggle *self = GLOSS_TAG_TOGGLE (object);

  switch (prop_id)
    {
    case PROP_TAG:
      g_value_set_object (value, self->tag);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_tag_toggle_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GlossTagToggle *self = GLOSS_TAG_TOGGLE (object);

  switch (prop_id)
    {
    case PROP_TAG:
      self->tag = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_tag_toggle_class_init (GlossTagToggleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gloss_tag_toggle_constructed;
  object_class->dispose = gloss_tag_toggle_dispose;
  object_class->get_property = gloss_tag_toggle_get_property;
  object_class->set_property = gloss_tag_toggle_set_property;

  properties[PROP_TAG] =
    g_param_spec_object ("tag", NULL, NULL, GLOSS_TYPE_TAG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_CHECKBOX);
  g_type_ensure (GLOSS_TYPE_COLOR_CHIP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/gloss-tag-toggle.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossTagToggle, chip);
  gtk_widget_class_bind_template_child (widget_class, GlossTagToggle, name_label);
  gtk_widget_class_bind_template_child (widget_class, GlossTagToggle, digit_label);
  gtk_widget_class_bind_template_child (widget_class, GlossTagToggle, check);
}

static void
gloss_tag_toggle_init (GlossTagToggle *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* A tick besides the pressed look: the state must not rest on shading
   * alone, which is faint in some styles. */
  g_object_bind_property (self, "active", self->check, "visible", G_BINDING_SYNC_CREATE);
  g_signal_connect (self, "notify::active", G_CALLBACK (active_changed_cb), NULL);
  active_changed_cb (self, NULL, NULL);
}

GtkWidget *
gloss_tag_toggle_new (GlossTag *tag)
{
  g_return_val_if_fail (GLOSS_IS_TAG (tag), NULL);

  return g_object_new (GLOSS_TYPE_TAG_TOGGLE, "tag", tag, NULL);
}

GlossTag *
gloss_tag_toggle_get_tag (GlossTagToggle *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG_TOGGLE (self), NULL);

  return self->tag;
}

const char *
gloss_tag_toggle_get_tag_id (GlossTagToggle *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG_TOGGLE (self), NULL);

  return gloss_tag_get_id (self->tag);
}
