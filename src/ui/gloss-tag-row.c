/* gloss-tag-row.c — one tag in the tags dialog: name, colour, key, description
 *
 * The row follows its GlossTag's notify:: signals, so undo and edits made
 * elsewhere show up at once; every change goes through the project so
 * that it can be undone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-color.h"
#include "gloss-color-chip.h"
#include "gloss-tag-row.h"
#include "gloss-untrusted-text.h"

struct _GlossTagRow
{
  AdwExpanderRow  parent_instance;

  GlossProject   *project;
  GlossTag       *tag;
  guint           uses;
  gboolean        updating;

  /* template */
  GtkWidget      *handle;
  GlossColorChip *chip;
  AdwEntryRow    *name_row;
  GtkWidget      *name_controls;  /* shows bidi controls hidden in the name */
  AdwEntryRow    *description_row;
  AdwComboRow    *digit_row;
  GtkColorButton *color_button;
  GtkWidget      *palette_box;
};

G_DEFINE_FINAL_TYPE (GlossTagRow, gloss_tag_row, ADW_TYPE_EXPANDER_ROW)

enum {
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
tag_position (GlossTagRow *self)
{
  GListModel *tags = gloss_project_get_tags (self->project);
  guint n = g_list_model_get_n_items (tags);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossTag) tag = g_list_model_get_item (tags, i);

      if (tag == self->tag)
        return i;
    }
  return G_MAXUINT;
}

static void
update_subtitle (GlossTagRow *self)
{
  int digit = gloss_tag_get_digit (self->tag);
  g_autofree char *uses = NULL;
  g_autofree char *subtitle = NULL;

  if (self->uses == 0)
    uses = g_strdup (_("Not used yet"));
  else
    uses = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Used by %u annotation",
                                         "Used by %u annotations", self->uses),
                            self->uses);
  if (digit >= 0)
    /* Translators: "Key 1 · Used by 3 annotations" */
    subtitle = g_strdup_printf (_("Key %d · %s"), digit, uses);
  else
    subtitle = g_steal_pointer (&uses);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static void
update_actions (GlossTagRow *self)
{
  guint position = tag_position (self);
  guint n = g_list_model_get_n_items (gloss_project_get_tags (self->project));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tagrow.move-up",
                                 position != G_MAXUINT && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tagrow.move-down",
                                 position != G_MAXUINT && position + 1 < n);
}

/* Direction controls are invisible and change how a name reads: where it
 * is edited, say which are there. */
static void
show_name_controls (GlossTagRow *self)
{
  g_autofree char *controls =
    gloss_untrusted_describe_controls (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));

  gtk_widget_set_visible (self->name_controls, controls != NULL);
  if (controls != NULL)
    {
      /* Translators: %s lists code points such as “U+202E” */
      g_autofree char *text = g_strdup_printf (_("Holds %s"), controls);

      gtk_label_set_text (GTK_LABEL (self->name_controls), text);
    }
}

static void
sync_from_tag (GlossTagRow *self)
{
  const char *description = gloss_tag_get_description (self->tag);
  GdkRGBA rgba;

  self->updating = TRUE;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), gloss_tag_get_name (self->tag));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                 gloss_tag_get_name (self->tag)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), gloss_tag_get_name (self->tag));
  show_name_controls (self);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->description_row)),
                 description != NULL ? description : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                           description != NULL ? description : "");
  adw_combo_row_set_selected (self->digit_row, gloss_tag_get_digit (self->tag) + 1);
  gloss_color_parse (gloss_tag_get_color (self->tag), &rgba);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  for (GtkWidget *button = gtk_widget_get_first_child (self->palette_box); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      GVariant *color = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));

      gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_PRESSED,
                                   g_ascii_strcasecmp (g_variant_get_string (color, NULL),
                                                       gloss_tag_get_color (self->tag)) == 0
                                   ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE,
                                   -1);
    }
  update_subtitle (self);

  self->updating = FALSE;
}

static void
name_apply_cb (GlossTagRow *self)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));

  g_strstrip (name);
  if (name[0] == '\0')
    {
      /* A tag needs a name: put the old one back. */
      gtk_widget_error_bell (GTK_WIDGET (self));
      sync_from_tag (self);
      return;
    }
  gloss_project_set_tag_name (self->project, self->tag, name);
}

static void
description_apply_cb (GlossTagRow *self)
{
  gloss_project_set_tag_description (self->project, self->tag,
                                     gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
}

static void
digit_selected_cb (GlossTagRow *self)
{
  int digit = (int) adw_combo_row_get_selected (self->digit_row) - 1;

  if (self->tag == NULL || self->updating || digit == gloss_tag_get_digit (self->tag))
    return;
  /* The core takes the digit from any tag that had it. */
  gloss_project_set_tag_digit (self->project, self->tag, digit);
}

static char *
rgba_to_hex (const GdkRGBA *rgba)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) (CLAMP (rgba->red, 0., 1.) * 255 + .5),
                          (guint) (CLAMP (rgba->green, 0., 1.) * 255 + .5),
                          (guint) (CLAMP (rgba->blue, 0., 1.) * 255 + .5));
}

static void
color_set_cb (GlossTagRow *self)
{
  GdkRGBA rgba;
  g_autofree char *hex = NULL;

  if (self->tag == NULL || self->updating)
    return;
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  hex = rgba_to_hex (&rgba);
  gloss_project_set_tag_color (self->project, self->tag, hex);
}

/* A palette button's colour is its action's target. */
static void
set_color_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossTagRow *self = GLOSS_TAG_ROW (widget);

  gloss_project_set_tag_color (self->project, self->tag, g_variant_get_string (parameter, NULL));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossTagRow *self = GLOSS_TAG_ROW (widget);
  guint position = tag_position (self);

  if (position == G_MAXUINT)
    return;
  if (g_str_equal (action_name, "tagrow.move-up") && position > 0)
    gloss_project_move_tag (self->project, self->tag, position - 1);
  else if (g_str_equal (action_name, "tagrow.move-down"))
    gloss_project_move_tag (self->project, self->tag, position + 1);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[DELETE_REQUESTED], 0);
}

static void
gloss_tag_row_dispose (GObject *object)
{
  GlossTagRow *self = GLOSS_TAG_ROW (object);

  if (self->tag != NULL)
    g_signal_handlers_disconnect_by_data (self->tag, self);
  g_clear_object (&self->tag);
  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_TAG_ROW);

  G_OBJECT_CLASS (gloss_tag_row_parent_class)->dispose (object);
}

static void
gloss_tag_row_class_init (GlossTagRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_tag_row_dispose;

  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "tagrow.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "tagrow.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "tagrow.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "tagrow.set-color", "s", set_color_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "tagrow.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "tagrow.move-down", NULL);

  g_type_ensure (GLOSS_TYPE_COLOR_CHIP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/gloss-tag-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossTagRow, handle);
  gtk_widget_class_bind_template_child (widget_class, GlossTagRow, chip);
  gtk_widget_class_bind_template_child (widget_class, GlossTagRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, GlossTagRow, name_controls);
  gtk_widget_class_bind_template_child (widget_class, GlossTagRow, description_row);
  gtk_widget_class_bind_template_child (widget_class, GlossTagRow, digit_row);
  gtk_widget_class_bind_template_child (widget_class, GlossTagRow, color_button);
  gtk_widget_class_bind_template_child (widget_class, GlossTagRow, palette_box);
  gtk_widget_class_bind_template_callback (widget_class, name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_name_controls);
  gtk_widget_class_bind_template_callback (widget_class, description_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, digit_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, color_set_cb);
}

static void
gloss_tag_row_init (GlossTagRow *self)
{
  const char * const *palette = gloss_color_get_palette ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_cursor_from_name (self->handle, "grab");
  _gloss_tag_row_setup_drag (self, self->handle);

  for (guint i = 0; palette[i] != NULL; i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *swatch = gloss_color_chip_new_for_color (palette[i]);

      gtk_widget_set_size_request (swatch, 16, 16);
      gtk_button_set_child (GTK_BUTTON (button), swatch);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "circular");
      /* Named, not "#62a0ea"; the tag's colour reads as pressed. */
      gtk_widget_set_tooltip_text (button, gloss_color_get_name (palette[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, gloss_color_get_name (palette[i]), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "tagrow.set-color");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", palette[i]);
      gtk_box_append (GTK_BOX (self->palette_box), button);
    }
}

GtkWidget *
gloss_tag_row_new (GlossProject *project,
                   GlossTag     *tag)
{
  GlossTagRow *self;

  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (GLOSS_IS_TAG (tag), NULL);

  self = g_object_new (GLOSS_TYPE_TAG_ROW, NULL);
  self->project = g_object_ref (project);
  self->tag = g_object_ref (tag);
  gloss_color_chip_set_tag (self->chip, tag);

  self->uses = gloss_project_count_tag_uses (project, tag);
  sync_from_tag (self);
  update_actions (self);
  g_signal_connect_swapped (tag, "notify", G_CALLBACK (sync_from_tag), self);

  return GTK_WIDGET (self);
}

GlossProject *
gloss_tag_row_get_project (GlossTagRow *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG_ROW (self), NULL);

  return self->project;
}

GlossTag *
gloss_tag_row_get_tag (GlossTagRow *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG_ROW (self), NULL);

  return self->tag;
}

void
gloss_tag_row_update_count (GlossTagRow *self)
{
  g_return_if_fail (GLOSS_IS_TAG_ROW (self));

  self->uses = gloss_project_count_tag_uses (self->project, self->tag);
  update_subtitle (self);
  update_actions (self);
}

void
gloss_tag_row_focus_name (GlossTagRow *self)
{
  g_return_if_fail (GLOSS_IS_TAG_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}
