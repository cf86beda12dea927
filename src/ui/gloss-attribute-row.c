/* gloss-attribute-row.c — one attribute of the inspected annotation: its value to edit, a remove button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-attribute-row.h"

struct _GlossAttributeRow
{
  AdwEntryRow  parent_instance;

  char        *key;
};

G_DEFINE_FINAL_TYPE (GlossAttributeRow, gloss_attribute_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_KEY,
  N_PROPS
};

enum {
  REMOVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
remove_clicked_cb (GlossAttributeRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
gloss_attribute_row_constructed (GObject *object)
{
  GlossAttributeRow *self = GLOSS_ATTRIBUTE_ROW (object);

  G_OBJECT_CLASS (gloss_attribute_row_parent_class)->constructed (object);

  /* The key is the user's text, never markup. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), self->key);
}

static void
gloss_attribute_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GLOSS_TYPE_ATTRIBUTE_ROW);

  G_OBJECT_CLASS (gloss_attribute_row_parent_class)->dispose (object);
}

static void
gloss_attribute_row_finalize (GObject *object)
{
  GlossAttributeRow *self = GLOSS_ATTRIBUTE_ROW (object);

  g_free (self->key);

  G_OBJECT_CLASS (gloss_attribute_row_parent_class)->finalize (object);
}

static void
gloss_attribute_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GlossAttributeRow *self = GLOSS_ATTRIBUTE_ROW (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_attribute_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GlossAttributeRow *self = GLOSS_ATTRIBUTE_ROW (object);

  switch (prop_id)
    {
    case PROP_KEY:
      self->key = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_attribute_row_class_init (GlossAttributeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gloss_attribute_row_constructed;
  object_class->dispose = gloss_attribute_row_dispose;
  object_class->finalize = gloss_attribute_row_finalize;
  object_class->get_property = gloss_attribute_row_get_property;
  object_class->set_property = gloss_attribute_row_set_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/gloss-attribute-row.ui");
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
gloss_attribute_row_init (GlossAttributeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gloss_attribute_row_new (const char *key,
                         const char *value)
{
  GtkWidget *row;

  g_return_val_if_fail (key != NULL, NULL);

  row = g_object_new (GLOSS_TYPE_ATTRIBUTE_ROW, "key", key, NULL);
  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
  return row;
}

const char *
gloss_attribute_row_get_key (GlossAttributeRow *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_ROW (self), NULL);

  return self->key;
}
