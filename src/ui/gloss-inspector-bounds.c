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

static void
bounds_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossInspector *self = GLOSS_INSPECTOR (widget);
  gboolean by_word = parameter != NULL && g_variant_get_boolean (parameter);

  if (g_str_equal (action_name, "inspector.start-earlier"))
    adjust_bounds (self, TRUE, -1, by_word);
  else if (g_str_equal (action_name, "inspector.start-later"))
    adjust_bounds (self, TRUE, 1, by_word);
  else if (g_str_equal (action_name, "inspector.end-earlier"))
    adjust_bounds (self, FALSE, -1, by_word);
  else
    adjust_bounds (self, FALSE, 1, by_word);
}


static void
add_bounds_binding (GtkWidgetClass  *widget_class,
                    guint            keyval,
                    GdkModifierType  modifiers,
                    const char      *action)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, modifiers, action, "b", FALSE);
  gtk_widget_class_add_binding_action (widget_class, keyval, modifiers | GDK_CONTROL_MASK,
                                       action, "b", TRUE);
}

void
_gloss_inspector_class_init_bounds (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "inspector.start-earlier", "b", bounds_action);
  gtk_widget_class_install_action (widget_class, "inspector.start-later", "b", bounds_action);
  gtk_widget_class_install_action (widget_class, "inspector.end-earlier", "b", bounds_action);
  gtk_widget_class_install_action (widget_class, "inspector.end-later", "b", bounds_action);

  /* Alt+arrows move the end, Alt+Shift+arrows the start; Ctrl goes by words. */
  add_bounds_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "inspector.end-earlier");
  add_bounds_binding (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "inspector.end-later");
  add_bounds_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK, "inspector.start-earlier");
  add_bounds_binding (widget_class, GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK, "inspector.start-later");
}
