/* gloss-inspector-bounds.c — moving the inspected annotation's start and end by a character or a word
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-inspector-private.h"

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_';
}

/* The character at @offset of @document's text. */
static gunichar
char_at (GlossDocument *document,
         GlossOffset    offset)
{
  return g_utf8_get_char (gloss_document_get_text (document) +
                          gloss_document_offset_to_byte (document, offset));
}

static void
adjust_bounds (GlossInspector *self,
               gboolean        move_start,
               int             direction,
               gboolean        by_word)
{
  GlossDocument *document;
  GlossOffset start, end, length, o;

  if (!_gloss_inspector_is_editable (self))
    return;

  document = gloss_annotation_get_document (self->annotation);
  start = gloss_annotation_get_start (self->annotation);
  end = gloss_annotation_get_end (self->annotation);
  length = gloss_document_get_length (document);

  if (move_start && direction < 0)
    {
      o = start;
      if (by_word)
        {
          while (o > 0 && !is_word_char (char_at (document, o - 1)))
            o--;
          while (o > 0 && is_word_char (char_at (document, o - 1)))
            o--;
        }
      else if (o > 0)
        o--;
      start = o;
    }
  else if (move_start)
    {
      o = start;
      if (by_word)
        {
          while (o < end && is_word_char (char_at (document, o)))
            o++;
          while (o < end && !is_word_char (char_at (document, o)))
            o++;
        }
      else
        o++;
      if (o >= end)
        o = start;  /* the span would vanish */
      start = o;
    }
  else if (direction < 0)
    {
      o = end;
      if (by_word)
        {
          while (o > start && is_word_char (char_at (document, o - 1)))
            o--;
          while (o > start && !is_word_char (char_at (document, o - 1)))
            o--;
        }
      else
        o--;
      if (o <= start)
        o = end;
      end = o;
    }
  else
    {
      o = end;
      if (by_word)
        {
          while (o < length && !is_word_char (char_at (document, o)))
            o++;
          while (o < length && is_word_char (char_at (document, o)))
            o++;
        }
      else if (o < length)
        o++;
      end = o;
    }

  if (start == gloss_annotation_get_start (self->annotation) &&
      end == gloss_annotation_get_end (self->annotation))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  gloss_project_set_annotation_bounds (self->project, self->annotation, start, end);
}

/* Whether the character inside the span at the boundary runs right to
 * left, as its paragraph is laid out (Pango's bidi resolution, the one
 * the article's text view uses). */
static gboolean
boundary_is_rtl (GlossInspector *self,
                 gboolean        at_start)
{
  GlossDocument *document = gloss_annotation_get_document (self->annotation);
  const char *text = gloss_document_get_text (document);
  GlossOffset length = gloss_document_get_length (document);
  GlossOffset inside = at_start ? gloss_annotation_get_start (self->annotation)
                                : gloss_annotation_get_end (self->annotation) - 1;
  GlossOffset first = inside, last = inside;
  gsize first_byte;
  g_autoptr(PangoLayout) layout = NULL;

  while (first > 0 && char_at (document, first - 1) != '\n')
    first--;
  while (last < length && char_at (document, last) != '\n')
    last++;
  first_byte = gloss_document_offset_to_byte (document, first);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  pango_layout_set_text (layout, text + first_byte,
                         gloss_document_offset_to_byte (document, last) - first_byte);
  return pango_layout_get_direction (layout, gloss_document_offset_to_byte (document, inside) - first_byte)
         == PANGO_DIRECTION_RTL;
}

static void
bounds_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossInspector *self = GLOSS_INSPECTOR (widget);
  gboolean by_word = parameter != NULL && g_variant_get_boolean (parameter);

  /* The arrows move a boundary on screen: leftwards is later in
   * right-to-left text. */
  if (g_str_has_suffix (action_name, "-left") || g_str_has_suffix (action_name, "-right"))
    {
      gboolean start = g_str_has_prefix (action_name, "inspector.start-");
      int direction = g_str_has_suffix (action_name, "-left") ? -1 : 1;

      if (!_gloss_inspector_is_editable (self))
        return;
      if (boundary_is_rtl (self, start))
        direction = -direction;
      adjust_bounds (self, start, direction, by_word);
      return;
    }

  if (g_str_equal (action_name, "inspector.start-earlier"))
    adjust_bounds (self, TRUE, -1, by_word);
  else if (g_str_equal (action_name, "inspector.start-later"))
    adjust_bounds (self, TRUE, 1, by_word);
  else if (g_str_equal (action_name, "inspector.end-earlier"))
    adjust_bounds (self, FALSE, -1, by_word);
  else
    adjust_bounds (self, FALSE, 1, by_word);
}


/* Alt+arrows move the end by a character, Alt+Shift+arrows the start,
 * in the arrow's direction on screen (in right-to-left text, Alt+Left
 * moves the end later);
 * Alt+[ and Alt+] move the end by a word, with Shift the start. Not
 * Ctrl+Alt(+Shift)+arrows: GNOME Shell takes those to switch workspaces
 * and they never reach the window. */
static const struct {
  guint            keyval;
  GdkModifierType  modifiers;
  const char      *action;
  gboolean         by_word;
} bounds_keys[] = {
  { GDK_KEY_Left, GDK_ALT_MASK, "inspector.end-left", FALSE },
  { GDK_KEY_Right, GDK_ALT_MASK, "inspector.end-right", FALSE },
  { GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK, "inspector.start-left", FALSE },
  { GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK, "inspector.start-right", FALSE },
  { GDK_KEY_bracketleft, GDK_ALT_MASK, "inspector.end-earlier", TRUE },
  { GDK_KEY_bracketright, GDK_ALT_MASK, "inspector.end-later", TRUE },
  /* Shift+[ types "{" on most layouts: both keyvals, so that it works on all. */
  { GDK_KEY_braceleft, GDK_ALT_MASK | GDK_SHIFT_MASK, "inspector.start-earlier", TRUE },
  { GDK_KEY_braceright, GDK_ALT_MASK | GDK_SHIFT_MASK, "inspector.start-later", TRUE },
  { GDK_KEY_bracketleft, GDK_ALT_MASK | GDK_SHIFT_MASK, "inspector.start-earlier", TRUE },
  { GDK_KEY_bracketright, GDK_ALT_MASK | GDK_SHIFT_MASK, "inspector.start-later", TRUE },
};

void
_gloss_inspector_class_init_bounds (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "inspector.start-earlier", "b", bounds_action);
  gtk_widget_class_install_action (widget_class, "inspector.start-later", "b", bounds_action);
  gtk_widget_class_install_action (widget_class, "inspector.end-earlier", "b", bounds_action);
  gtk_widget_class_install_action (widget_class, "inspector.end-later", "b", bounds_action);
  gtk_widget_class_install_action (widget_class, "inspector.start-left", "b", bounds_action);
  gtk_widget_class_install_action (widget_class, "inspector.start-right", "b", bounds_action);
  gtk_widget_class_install_action (widget_class, "inspector.end-left", "b", bounds_action);
  gtk_widget_class_install_action (widget_class, "inspector.end-right", "b", bounds_action);

  for (guint i = 0; i < G_N_ELEMENTS (bounds_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, bounds_keys[i].keyval, bounds_keys[i].modifiers,
                                         bounds_keys[i].action, "b", bounds_keys[i].by_word);
}

static gboolean
nudge_from_elsewhere_cb (GtkWidget *widget,
                         GVariant  *args,
                         gpointer   user_data)
{
  GlossInspector *self = GLOSS_INSPECTOR (user_data);
  const char *action;
  gboolean by_word;

  g_variant_get (args, "(&sb)", &action, &by_word);
  if (!_gloss_inspector_is_editable (self))
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self), action, "b", by_word);
}

void
gloss_inspector_add_bounds_shortcuts (GlossInspector *self,
                                      GtkWidget      *widget)
{
  GtkEventController *controller;

  g_return_if_fail (GLOSS_IS_INSPECTOR (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  controller = gtk_shortcut_controller_new ();
  for (guint i = 0; i < G_N_ELEMENTS (bounds_keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new_with_arguments (
                                            gtk_keyval_trigger_new (bounds_keys[i].keyval, bounds_keys[i].modifiers),
                                            gtk_callback_action_new (nudge_from_elsewhere_cb, self, NULL),
                                            "(sb)", bounds_keys[i].action, bounds_keys[i].by_word));
  gtk_widget_add_controller (widget, controller);
}
