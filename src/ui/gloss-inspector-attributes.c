/* gloss-inspector-attributes.c — the inspector's attribute editor: one row per attribute, and adding one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-attribute-row.h"
#include "gloss-inspector-private.h"

static void
attribute_apply_cb (GlossAttributeRow *row,
                    GlossInspector    *self)
{
  if (_gloss_inspector_is_editable (self))
    gloss_project_set_annotation_attribute (self->project, self->annotation,
                                            gloss_attribute_row_get_key (row),
                                            gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
attribute_remove_cb (GlossAttributeRow *row,
                     GlossInspector    *self)
{
  if (_gloss_inspector_is_editable (self))
    gloss_project_set_annotation_attribute (self->project, self->annotation,
                                            gloss_attribute_row_get_key (row), NULL);
}

void
_gloss_inspector_refresh_attributes (GlossInspector *self)
{
  g_auto(GStrv) keys = gloss_annotation_dup_attribute_keys (self->annotation);
  GString *signature = g_string_new (NULL);
  g_autofree char *key = NULL;
  GtkWidget *child;

  for (guint i = 0; keys[i] != NULL; i++)
    g_string_append_printf (signature, "%s\x1f%s\x1e", keys[i],
                            gloss_annotation_get_attribute (self->annotation, keys[i]));
  key = g_string_free (signature, FALSE);

  if (self->attributes_key != NULL && g_str_equal (key, self->attributes_key))
    return;
  g_free (self->attributes_key);
  self->attributes_key = g_steal_pointer (&key);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attributes_list))) != NULL)
    gtk_list_box_remove (self->attributes_list, child);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      GtkWidget *row = gloss_attribute_row_new (keys[i],
                                                gloss_annotation_get_attribute (self->annotation, keys[i]));

      g_signal_connect (row, "apply", G_CALLBACK (attribute_apply_cb), self);
      g_signal_connect (row, "remove", G_CALLBACK (attribute_remove_cb), self);
      gtk_list_box_append (self->attributes_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->attributes_list), keys[0] != NULL);
}

static void
add_attribute_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GlossInspector *self = GLOSS_INSPECTOR (widget);
  g_autofree char *key = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->attribute_key_entry)));

  if (!_gloss_inspector_is_editable (self))
    return;

  g_strstrip (key);
  if (key[0] == '\0')
    {
      gtk_widget_error_bell (widget);
      gtk_widget_grab_focus (GTK_WIDGET (self->attribute_key_entry));
      return;
    }

  gloss_project_set_annotation_attribute (self->project, self->annotation, key,
                                          gtk_editable_get_text (GTK_EDITABLE (self->attribute_value_entry)));
  gtk_editable_set_text (GTK_EDITABLE (self->attribute_key_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->attribute_value_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->attribute_key_entry));
}

static void
attribute_key_activate_cb (GlossInspector *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->attribute_value_entry));
}

static void
attribute_value_activate_cb (GlossInspector *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "inspector.add-attribute", NULL);
}


void
_gloss_inspector_class_init_attributes (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "inspector.add-attribute", NULL, add_attribute_action);
}

void
_gloss_inspector_init_attributes (GlossInspector *self)
{
  g_signal_connect_swapped (self->attribute_key_entry, "activate",
                            G_CALLBACK (attribute_key_activate_cb), self);
  g_signal_connect_swapped (self->attribute_value_entry, "activate",
                            G_CALLBACK (attribute_value_activate_cb), self);
}
