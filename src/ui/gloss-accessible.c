/* gloss-accessible.c — names and descriptions for assistive technologies
 *
 * GTK 4.8 names a control by its type when nothing labels it: an icon
 * button reads "GtkImage push button", a menu button "GtkMenuButton". It
 * also reads a button with a mnemonic twice, underscore included ("_Open
 * Open"), because it joins the button's label property to the label
 * widget inside. Gloss's controls all carry what a name needs (a label, a
 * tooltip, a placeholder): this file turns that into accessible names once
 * the widgets exist, so that the .ui files stay as they are and a control
 * added later is named by the same rule.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-accessible.h"

#define NOTE_EXCERPT 60
/* Past these, the rest are counted, not read. */
#define MAX_DESCRIBED 5

void
gloss_accessible_set_label (GtkWidget  *widget,
                            const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

void
gloss_accessible_set_description (GtkWidget  *widget,
                                  const char *description)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (description == NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
}

void
gloss_accessible_label_by (GtkWidget *widget,
                           GtkWidget *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (GTK_IS_WIDGET (label));

  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
}

/* "_Open…" → "Open…"; "__" stays one underscore. */
static char *
strip_mnemonic (const char *label)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            p++;
          else
            continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* "Undo (Ctrl+Z)" → "Undo": the shortcut stays in the description, which
 * GTK takes from the tooltip. */
static char *
name_from_tooltip (const char *tooltip)
{
  const char *bracket;

  if (tooltip == NULL || tooltip[0] == '\0')
    return NULL;
  bracket = g_strrstr (tooltip, " (");
  if (bracket != NULL && bracket > tooltip && g_str_has_suffix (tooltip, ")"))
    return g_strndup (tooltip, bracket - tooltip);
  return g_strdup (tooltip);
}

/* Buttons GTK and libadwaita make without a tooltip (an info bar's or a
 * search bar's close button), named after what their icon means. */
static const char *
name_from_icon (const char *icon_name)
{
  if (g_strcmp0 (icon_name, "window-close-symbolic") == 0)
    return _("Close");
  return NULL;
}

static GtkWidget *
find_image (GtkWidget *widget)
{
  if (GTK_IS_IMAGE (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *image;

      if (GTK_IS_LABEL (child))
        return NULL;
      if ((image = find_image (child)) != NULL)
        return image;
    }
  return NULL;
}

static void
name_button (GtkWidget *button)
{
  const char *label = gtk_button_get_label (GTK_BUTTON (button));
  g_autofree char *name = NULL;
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));

  if (label != NULL)
    name = gtk_button_get_use_underline (GTK_BUTTON (button)) ? strip_mnemonic (label) : g_strdup (label);
  else if (child != NULL && ADW_IS_BUTTON_CONTENT (child))
    name = strip_mnemonic (adw_button_content_get_label (ADW_BUTTON_CONTENT (child)));
  else if (label == NULL && child != NULL && find_image (child) != NULL)
    {
      GtkWidget *image = find_image (child);

      name = name_from_tooltip (gtk_widget_get_tooltip_text (button));
      if (name == NULL && gtk_image_get_storage_type (GTK_IMAGE (image)) == GTK_IMAGE_ICON_NAME)
        name = g_strdup (name_from_icon (gtk_image_get_icon_name (GTK_IMAGE (image))));
    }
  if (name != NULL && name[0] != '\0')
    gloss_accessible_set_label (button, name);
}

/* A menu button, a drop-down or a colour button is a box around a
 * button: both are read, so both get the name. */
static void
name_with_inner_button (GtkWidget  *widget,
                        const char *name)
{
  if (name == NULL || name[0] == '\0')
    return;
  gloss_accessible_set_label (widget, name);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      gloss_accessible_set_label (child, name);
}

/* The title of the preferences row or group @widget belongs to: what a
 * list or a colour button inside one is about. */
static const char *
ancestor_title (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *title = NULL;

      if (ADW_IS_PREFERENCES_ROW (w))
        title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w));
      else if (ADW_IS_PREFERENCES_GROUP (w))
        title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (w));
      if (title != NULL && title[0] != '\0')
        return title;
    }
  return NULL;
}

/* GTK 4.8 names an accessible that has no name by its type: Orca says
 * "GtkStackPage panel" as the focus enters a stack's page (an accessible
 * of its own around each child), "GtkFlowBox table" around the colour
 * swatches, and reads "GtkImage" for icons. These are wrappers, layout and
 * decoration: an empty name has screen readers pass over them, and what
 * they hold says what it is. Gloss names none of these itself. */
void
gloss_accessible_unname_wrappers (GtkWidget *root)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (root));

  if (GTK_IS_STACK (root))
    {
      g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (GTK_STACK (root)));
      guint n = g_list_model_get_n_items (pages);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) page = g_list_model_get_item (pages, i);

          gtk_accessible_update_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
        }
    }
  if (role == GTK_ACCESSIBLE_ROLE_WIDGET || role == GTK_ACCESSIBLE_ROLE_IMG ||
      GTK_IS_FLOW_BOX (root) || GTK_IS_FLOW_BOX_CHILD (root) ||
      GTK_IS_SCROLLBAR (root) || ADW_IS_VIEW_SWITCHER (root) ||
      (GTK_IS_LABEL (root) && gtk_label_get_text (GTK_LABEL (root))[0] == '\0'))
    gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gloss_accessible_unname_wrappers (child);
}

static void
name_controls (GtkWidget *root)
{

  if (GTK_IS_COLOR_BUTTON (root))
    {
      name_with_inner_button (root, gtk_color_button_get_title (GTK_COLOR_BUTTON (root)));
      return;
    }
  if ((GTK_IS_LIST_BOX (root) || GTK_IS_LIST_VIEW (root)) && ancestor_title (root) != NULL)
    gloss_accessible_set_label (root, ancestor_title (root));
  /* The one list of a preferences window outside its pages: the search's. */
  else if (GTK_IS_LIST_BOX (root) && gtk_widget_get_ancestor (root, ADW_TYPE_PREFERENCES_WINDOW) != NULL)
    gloss_accessible_set_label (root, _("Search Results"));

  if (GTK_IS_MENU_BUTTON (root))
    {
      const char *label = gtk_menu_button_get_label (GTK_MENU_BUTTON (root));
      g_autofree char *name = label != NULL
                              ? strip_mnemonic (label)
                              : name_from_tooltip (gtk_widget_get_tooltip_text (root));

      name_with_inner_button (root, name);
      return;
    }
  if (GTK_IS_DROP_DOWN (root))
    {
      g_autofree char *name = name_from_tooltip (gtk_widget_get_tooltip_text (root));

      name_with_inner_button (root, name);
      return;
    }
  if (GTK_IS_SEARCH_ENTRY (root))
    {
      g_autofree char *placeholder = NULL;

      g_object_get (root, "placeholder-text", &placeholder, NULL);
      gloss_accessible_set_label (root, placeholder != NULL && placeholder[0] != '\0'
                                        ? placeholder : _("Search"));
      return;
    }
  if (GTK_IS_BUTTON (root))
    name_button (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_controls (child);
}

void
gloss_accessible_name_controls (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  gloss_accessible_unname_wrappers (root);
  name_controls (root);
}

/* Focuses the first widget that takes the focus after (or before) @widget
 * in the window's Tab order, leaving @widget's own children out. */
static gboolean
focus_past (GtkWidget        *widget,
            GtkDirectionType  direction)
{
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    for (GtkWidget *sibling = forward ? gtk_widget_get_next_sibling (w) : gtk_widget_get_prev_sibling (w);
         sibling != NULL;
         sibling = forward ? gtk_widget_get_next_sibling (sibling) : gtk_widget_get_prev_sibling (sibling))
      if (gtk_widget_get_visible (sibling) && gtk_widget_get_child_visible (sibling) &&
          gtk_widget_child_focus (sibling, direction))
        return TRUE;
  return FALSE;
}

static gboolean
list_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     gpointer               user_data)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkDirectionType direction;
  GtkRoot *root;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return GDK_EVENT_PROPAGATE;
  if (keyval == GDK_KEY_ISO_Left_Tab || ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) &&
                                         (state & GDK_SHIFT_MASK)))
    direction = GTK_DIR_TAB_BACKWARD;
  else if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = GTK_DIR_TAB_FORWARD;
  else
    return GDK_EVENT_PROPAGATE;

  if (focus_past (list, direction))
    return GDK_EVENT_STOP;
  /* Past the last widget: round to the window's first (or last). */
  root = gtk_widget_get_root (list);
  if (root == NULL)
    return GDK_EVENT_PROPAGATE;
  gtk_root_set_focus (root, NULL);
  gtk_widget_child_focus (GTK_WIDGET (root), direction);
  return GDK_EVENT_STOP;
}

void
gloss_accessible_single_tab_stop (GtkWidget *list)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_WIDGET (list));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (list_key_pressed_cb), NULL);
  gtk_widget_add_controller (list, controller);
}

char *
gloss_accessible_tag_label (GlossTag *tag)
{
  int digit;

  g_return_val_if_fail (GLOSS_IS_TAG (tag), NULL);

  digit = gloss_tag_get_digit (tag);
  if (digit < 0)
    return g_strdup (gloss_tag_get_name (tag));
  /* Translators: a tag's name and the digit key that applies it */
  return g_strdup_printf (_("%s, key %d"), gloss_tag_get_name (tag), digit);
}

void
gloss_accessible_name_tag_button (GtkWidget *button,
                                  GlossTag  *tag)
{
  g_autofree char *label = gloss_accessible_tag_label (tag);
  const char *description = gloss_tag_get_description (tag);

  gloss_accessible_set_label (button, label);
  gloss_accessible_set_description (button, description != NULL && description[0] != '\0'
                                            ? description : NULL);
}

char *
gloss_accessible_describe_tags (GlossProject    *project,
                                GlossAnnotation *annotation)
{
  const char * const *tags = gloss_annotation_get_tags (annotation);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; tags[i] != NULL; i++)
    {
      GlossTag *tag = project != NULL ? gloss_project_lookup_tag (project, tags[i]) : NULL;

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, tag != NULL ? gloss_tag_get_name (tag) : tags[i]);
    }
  if (text->len == 0)
    g_string_append (text, _("No tag"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The first @max characters of @note on one line, "…" when cut. */
static char *
note_start (const char *note,
            guint       max)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = 0;
  const char *p;

  for (p = note; *p != '\0' && n < max; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, g_unichar_iscntrl (c) ? ' ' : c);
    }
  if (*p != '\0')
    g_string_append (out, "…");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
gloss_accessible_describe_annotation (GlossProject    *project,
                                      GlossAnnotation *annotation)
{
  g_autofree char *tags = gloss_accessible_describe_tags (project, annotation);
  g_autofree char *quote = note_start (gloss_annotation_get_quote (annotation), NOTE_EXCERPT);

  /* Translators: an annotation read out: its tags, then the text it covers */
  return g_strdup_printf (_("%s: %s"), tags, quote);
}

char *
gloss_accessible_describe_covering (GlossProject *project,
                                    GPtrArray    *here)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (here != NULL, NULL);

  if (here->len == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < here->len && i < MAX_DESCRIBED; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (here, i);
      g_autofree char *tags = gloss_accessible_describe_tags (project, annotation);
      const char *note = gloss_annotation_get_note (annotation);

      if (text->len > 0)
        g_string_append (text, ". ");
      g_string_append (text, tags);
      if (note[0] != '\0')
        {
          g_autofree char *start = note_start (note, NOTE_EXCERPT);

          /* Translators: an annotation's note as it is read out */
          g_string_append_printf (text, _(", note: %s"), start);
        }
      if (here->len > 1)
        /* Translators: which of the annotations under the caret this is */
        g_string_append_printf (text, _(", %u of %u overlapping"), i + 1, here->len);
    }
  if (here->len > MAX_DESCRIBED)
    {
      g_string_append (text, ". ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u more annotation",
                                                 "%u more annotations", here->len - MAX_DESCRIBED),
                              here->len - MAX_DESCRIBED);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
