/* gloss-inspector-tags.c — the inspector's tag toggles, and a tag's digit key toggling it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-accessible.h"
#include "gloss-inspector-private.h"
#include "gloss-tag-toggle.h"

static char *
make_tags_key (GlossInspector *self)
{
  GListModel *tags = gloss_project_get_tags (self->project);
  guint n = g_list_model_get_n_items (tags);
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossTag) tag = g_list_model_get_item (tags, i);

      g_string_append_printf (key, "%s\x1f%s\x1f%d\x1f%s\x1e",
                              gloss_tag_get_id (tag), gloss_tag_get_name (tag),
                              gloss_tag_get_digit (tag), gloss_tag_get_description (tag));
    }
  return g_string_free (key, FALSE);
}

static void
tag_toggled_cb (GlossTagToggle *toggle,
                GlossInspector *self)
{
  GtkToggleButton *button = GTK_TOGGLE_BUTTON (toggle);
  const char *tag_id = gloss_tag_toggle_get_tag_id (toggle);

  if (self->updating || !_gloss_inspector_is_editable (self))
    return;

  if (gtk_toggle_button_get_active (button) != gloss_annotation_has_tag (self->annotation, tag_id))
    gloss_project_toggle_annotation_tag (self->project, self->annotation, tag_id);
}

void
_gloss_inspector_refresh_tags (GlossInspector *self)
{
  g_autofree char *key = make_tags_key (self);
  GtkWidget *child;

  if (self->tags_key == NULL || !g_str_equal (key, self->tags_key))
    {
      GListModel *tags = gloss_project_get_tags (self->project);
      guint n = g_list_model_get_n_items (tags);

      g_free (self->tags_key);
      self->tags_key = g_steal_pointer (&key);

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))) != NULL)
        gtk_flow_box_remove (self->tags_box, child);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GlossTag) tag = g_list_model_get_item (tags, i);
          GtkWidget *toggle = gloss_tag_toggle_new (tag);

          g_signal_connect (toggle, "toggled", G_CALLBACK (tag_toggled_cb), self);
          gtk_flow_box_append (self->tags_box, toggle);
        }
      gloss_accessible_unname_wrappers (GTK_WIDGET (self->tags_box));
    }

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *toggle = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      const char *tag_id = gloss_tag_toggle_get_tag_id (GLOSS_TAG_TOGGLE (toggle));

      /* One Tab stop per tag: the toggle, not the flow box's cell too. */
      gtk_widget_set_focusable (child, FALSE);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle),
                                    gloss_annotation_has_tag (self->annotation, tag_id));
    }
}


static gboolean
toggle_digit_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  GlossInspector *self = GLOSS_INSPECTOR (widget);
  GlossTag *tag;

  if (!_gloss_inspector_is_editable (self))
    return FALSE;

  tag = gloss_project_lookup_tag_by_digit (self->project, g_variant_get_int32 (args));
  if (tag == NULL)
    return FALSE;

  gloss_project_toggle_annotation_tag (self->project, self->annotation, gloss_tag_get_id (tag));
  return TRUE;
}


void
_gloss_inspector_class_init_tags (GtkWidgetClass *widget_class)
{
  /* A tag's digit toggles it, as in the article; the note and the
   * entries take digits first, so typing is never a shortcut. */
  for (int digit = 0; digit <= 9; digit++)
    {
      gtk_widget_class_add_binding (widget_class, GDK_KEY_0 + digit, 0,
                                    toggle_digit_cb, "i", digit);
      gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_0 + digit, 0,
                                    toggle_digit_cb, "i", digit);
    }
}
