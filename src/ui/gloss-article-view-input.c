/* gloss-article-view-input.c — mouse, keys, the palette and tooltips
 *
 * The text view keeps its own selection gestures; a capture-phase legacy
 * controller watches presses and releases beside them (snapping to words,
 * triple click, clicks on highlights) without claiming anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-accessible.h"
#include "gloss-article-view-private.h"
#include "gloss-color-chip.h"
#include "gloss-settings.h"
#include "gloss-tag-palette.h"

/* ---- the palette ---- */

#define PALETTE_MARGIN 12
/* A popover's padding, border and arrow around its child (Adwaita). */
#define POPOVER_FRAME  12

static void
place_popover (GlossArticleView *self,
               GtkWidget        *popover,
               GlossOffset       start,
               GlossOffset       end)
{
  graphene_rect_t a, b;
  GdkRectangle rect;

  gloss_article_view_get_offset_rect (self, start, &a);
  gloss_article_view_get_offset_rect (self, end, &b);
  /* Below the end of the selection, where the eye and the mouse are. */
  rect.x = b.origin.x;
  rect.y = b.origin.y;
  rect.width = 1;
  rect.height = b.size.height;
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
  if (b.origin.y < a.origin.y || b.origin.x < 0)
    {
      rect.x = a.origin.x;
      rect.y = a.origin.y;
      rect.height = a.size.height;
    }
  else
    {
      int natural = 0;

      /* No room below the end: above the start then, for the popover
       * flipped above the end would cover the selection's first lines. */
      gtk_widget_measure (gtk_popover_get_child (GTK_POPOVER (popover)), GTK_ORIENTATION_VERTICAL, -1,
                          NULL, &natural, NULL, NULL);
      natural += 2 * POPOVER_FRAME;
      if (b.origin.y + b.size.height + natural > gtk_widget_get_height (GTK_WIDGET (self)) &&
          a.origin.y - natural >= 0)
        {
          rect.x = a.origin.x;
          rect.y = a.origin.y;
          rect.height = a.size.height;
          gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_TOP);
        }
    }
  {
    int width = 0;
    int view_width = gtk_widget_get_width (GTK_WIDGET (self));

    /* Centred on the point, a popover may run past the window's edge
     * (X11 keeps it only on the monitor): move the point in from the
     * edges by half the popover's width. */
    gtk_widget_measure (gtk_popover_get_child (GTK_POPOVER (popover)), GTK_ORIENTATION_HORIZONTAL, -1,
                        NULL, &width, NULL, NULL);
    width += 2 * POPOVER_FRAME;
    if (width + 2 * PALETTE_MARGIN <= view_width)
      rect.x = CLAMP (rect.x, PALETTE_MARGIN + width / 2, view_width - PALETTE_MARGIN - width / 2);
    else
      rect.x = view_width / 2;
  }
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &rect);
}

static void
show_palette (GlossArticleView *self)
{
  GlossOffset start, end;

  if (self->project == NULL || !gloss_article_view_get_selection (self, &start, &end))
    {
      gtk_popover_popdown (GTK_POPOVER (self->palette));
      return;
    }

  gloss_tag_palette_set_project (GLOSS_TAG_PALETTE (self->palette), self->project);
  /* As wide as the article, less a margin: a narrow window gets fewer
   * columns rather than a palette beyond its edges. */
  gloss_tag_palette_fit_width (GLOSS_TAG_PALETTE (self->palette),
                               gtk_widget_get_width (GTK_WIDGET (self)) - 2 * PALETTE_MARGIN);
  place_popover (self, self->palette, start, end);
  gtk_popover_popup (GTK_POPOVER (self->palette));
}

static gboolean
palette_idle_cb (gpointer user_data)
{
  GlossArticleView *self = user_data;

  self->palette_id = 0;
  if (!self->pressed)
    show_palette (self);
  return G_SOURCE_REMOVE;
}

static void
annotate_selection (GlossArticleView *self,
                    const char       *tag_id)
{
  GlossOffset start, end;

  if (!gloss_article_view_get_selection (self, &start, &end))
    return;

  gloss_article_view_clear_selection (self);
  g_signal_emit (self, _gloss_article_view_signals[ARTICLE_VIEW_ANNOTATE], 0, start, end, tag_id);
}

static void
tag_chosen_cb (GlossTagPalette  *palette,
               const char       *tag_id,
               GlossArticleView *self)
{
  /* The focus first: what the annotation announces goes to the article,
   * not to the palette's button that is about to go. */
  gtk_widget_grab_focus (GTK_WIDGET (self));
  annotate_selection (self, tag_id);
}

static void
mark_set_cb (GtkTextBuffer    *buffer,
             const GtkTextIter *location,
             GtkTextMark      *mark,
             GlossArticleView *self)
{
  if (mark != gtk_text_buffer_get_insert (buffer) &&
      mark != gtk_text_buffer_get_selection_bound (buffer))
    return;

  if (!gtk_text_buffer_get_has_selection (buffer))
    {
      gtk_popover_popdown (GTK_POPOVER (self->palette));
      return;
    }
  /* A keyboard selection (Shift+arrows) shows the palette as it grows; a
   * drag shows it once the button is released. */
  if (!self->pressed && !self->programmatic_selection && self->palette_id == 0)
    self->palette_id = g_idle_add (palette_idle_cb, self);
}

/* ---- pointer ---- */

static GlossOffset
offset_at (GlossArticleView *self,
           double            x,
           double            y,
           gboolean         *inside)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter iter;
  GdkRectangle location;
  int bx, by;
  int trailing;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  /* The character under the point, not the nearest boundary. */
  gtk_text_view_get_iter_at_position (view, &iter, &trailing, bx, by);
  gtk_text_view_get_iter_location (view, &iter, &location);
  /* Right-to-left characters have negative widths: x is their right edge. */
  if (location.width < 0)
    {
      location.x += location.width;
      location.width = -location.width;
    }
  if (inside != NULL)
    *inside = bx >= location.x - 1 && bx <= location.x + MAX (location.width, 1) + 1 &&
              by >= location.y && by < location.y + location.height;
  return gtk_text_iter_get_offset (&iter);
}

static gboolean
chooser_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GlossArticleView      *self)
{
  if (keyval != GDK_KEY_Escape)
    return GDK_EVENT_PROPAGATE;
  gtk_popover_popdown (GTK_POPOVER (self->chooser));
  gtk_widget_grab_focus (GTK_WIDGET (self));
  return GDK_EVENT_STOP;
}

static void
chooser_row_activated_cb (GtkListBox       *list,
                          GtkListBoxRow    *row,
                          GlossArticleView *self)
{
  guint index = gtk_list_box_row_get_index (row);
  g_autoptr(GlossAnnotation) annotation = NULL;

  if (index < self->chooser_annotations->len)
    annotation = g_object_ref (g_ptr_array_index (self->chooser_annotations, index));
  gtk_popover_popdown (GTK_POPOVER (self->chooser));
  if (annotation != NULL)
    g_signal_emit (self, _gloss_article_view_signals[ARTICLE_VIEW_ANNOTATION_ACTIVATED], 0, annotation);
}

/* Cuts @text to about @max characters, on one line. */
static char *
excerpt (const char *text,
         guint       max)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = text; *p != '\0' && n < max; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      /* Control and bidi-override characters from the file stay out of
       * the tooltip's layout. */
      if (g_unichar_iscntrl (c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  if (*text != '\0' && n >= max && g_utf8_strlen (text, -1) > max)
    g_string_append (out, "…");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

guint
gloss_article_view_get_chooser_size (GlossArticleView *self)
{
  GtkWidget *list;
  guint n = 0;

  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), 0);

  if (!gtk_widget_get_visible (self->chooser))
    return 0;
  list = gtk_popover_get_child (GTK_POPOVER (self->chooser));
  for (GtkWidget *row = list != NULL ? gtk_widget_get_first_child (list) : NULL;
       row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static void
show_chooser (GlossArticleView *self,
              GPtrArray        *annotations,
              GlossOffset       offset)
{
  GtkWidget *list = gtk_list_box_new ();

  /* Row i stands for the i-th of these; the rows are never reordered. */
  g_ptr_array_set_size (self->chooser_annotations, 0);
  for (guint i = 0; i < annotations->len; i++)
    g_ptr_array_add (self->chooser_annotations, g_object_ref (g_ptr_array_index (annotations, i)));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (list), TRUE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (annotations, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      const char * const *tag_ids = gloss_annotation_get_tags (annotation);
      g_autofree char *tags = gloss_accessible_describe_tags (self->project, annotation);
      g_autofree char *quote = excerpt (gloss_annotation_get_quote (annotation), 48);
      GtkWidget *title = gtk_label_new (tags);
      GtkWidget *subtitle = gtk_label_new (quote);

      /* Each tag's colour, as in the article and the list. */
      for (guint t = 0; tag_ids[t] != NULL; t++)
        {
          GlossTag *tag = gloss_project_lookup_tag (self->project, tag_ids[t]);

          if (tag != NULL)
            gtk_box_append (GTK_BOX (header), gloss_color_chip_new (tag));
        }
      gtk_box_append (GTK_BOX (header), title);

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
      gtk_widget_add_css_class (title, "heading");
      gtk_widget_add_css_class (subtitle, "dim-label");
      gtk_box_append (GTK_BOX (box), header);
      gtk_box_append (GTK_BOX (box), subtitle);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  g_signal_connect (list, "row-activated", G_CALLBACK (chooser_row_activated_cb), self);
  gtk_popover_set_child (GTK_POPOVER (self->chooser), list);
  place_popover (self, self->chooser, offset, offset);
  gtk_popover_popup (GTK_POPOVER (self->chooser));
  /* It takes no grab (a click on another overlap must reach the article,
   * not only close it): the keys reach the list through the focus. */
  gtk_widget_grab_focus (gtk_widget_get_first_child (list));
}

static gboolean
select_paragraph_idle_cb (gpointer user_data)
{
  GlossArticleView *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter a, b;

  self->palette_id = 0;
  _gloss_article_view_get_iter (self, &a, self->paragraph_offset);
  gtk_text_iter_set_line_offset (&a, 0);
  b = a;
  if (!gtk_text_iter_ends_line (&b))
    gtk_text_iter_forward_to_line_end (&b);
  self->programmatic_selection = TRUE;
  gtk_text_buffer_select_range (buffer, &b, &a);
  self->programmatic_selection = FALSE;
  show_palette (self);
  return G_SOURCE_REMOVE;
}

static gboolean
legacy_event_cb (GtkEventControllerLegacy *controller,
                 GdkEvent                 *event,
                 GlossArticleView         *self)
{
  GdkEventType type = gdk_event_get_event_type (event);
  double x, y;

  if (type != GDK_BUTTON_PRESS && type != GDK_BUTTON_RELEASE)
    return GDK_EVENT_PROPAGATE;
  if (gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY)
    return GDK_EVENT_PROPAGATE;

  /* The motion controller knows where the pointer is in our own
   * coordinates; the legacy event only has the surface's. */
  x = self->pointer_x;
  y = self->pointer_y;

  if (type == GDK_BUTTON_PRESS)
    {
      guint32 time = gdk_event_get_time (event);
      int double_click_time = 400;

      g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                    "gtk-double-click-time", &double_click_time, NULL);
      /* Counted here because GtkTextView's triple click takes a display
       * line, and the analyst wants the paragraph. */
      if (self->n_press > 0 && time - self->last_press_time <= (guint32) double_click_time &&
          ABS (x - self->press_x) < 6 && ABS (y - self->press_y) < 6)
        self->n_press++;
      else
        self->n_press = 1;
      self->last_press_time = time;
      self->pressed = TRUE;
      self->press_x = x;
      self->press_y = y;
      self->press_alt = (gdk_event_get_modifier_state (event) & GDK_ALT_MASK) != 0;
      {
        gboolean trailing, inside;

        _gloss_article_view_pointer_hit (self, x, y, &self->press_hit, &trailing, &inside);
        self->press_trailing = trailing;
        self->press_inside = inside;
      }
      gtk_popover_popdown (GTK_POPOVER (self->palette));
      gtk_popover_popdown (GTK_POPOVER (self->chooser));
      return GDK_EVENT_PROPAGATE;
    }

  if (!self->pressed)
    return GDK_EVENT_PROPAGATE;
  self->pressed = FALSE;

  if (self->n_press == 3)
    {
      /* After the text view has finished with the release. */
      self->paragraph_offset = offset_at (self, x, y, NULL);
      g_clear_handle_id (&self->palette_id, g_source_remove);
      self->palette_id = g_idle_add (select_paragraph_idle_cb, self);
      return GDK_EVENT_PROPAGATE;
    }

  if (gloss_article_view_get_selection (self, NULL, NULL))
    {
      if (!self->press_alt && !(gdk_event_get_modifier_state (event) & GDK_ALT_MASK) &&
          gloss_settings_get_boolean ("snap-to-words", TRUE))
        {
          self->programmatic_selection = TRUE;
          _gloss_article_view_snap_drag (self, x, y);
          self->programmatic_selection = FALSE;
        }
      g_clear_handle_id (&self->palette_id, g_source_remove);
      show_palette (self);
    }
  else if (ABS (x - self->press_x) < 4 && ABS (y - self->press_y) < 4 && self->document != NULL)
    {
      gboolean inside = FALSE;
      GlossOffset offset = offset_at (self, x, y, &inside);
      g_autoptr(GPtrArray) here = NULL;

      if (inside)
        here = gloss_document_annotations_at (self->document, offset);

      if (here == NULL || here->len == 0)
        g_signal_emit (self, _gloss_article_view_signals[ARTICLE_VIEW_DESELECT], 0);
      else if (here->len == 1)
        g_signal_emit (self, _gloss_article_view_signals[ARTICLE_VIEW_ANNOTATION_ACTIVATED], 0, g_ptr_array_index (here, 0));
      else
        show_chooser (self, here, offset);
    }

  return GDK_EVENT_PROPAGATE;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           GlossArticleView         *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GlossArticleView      *self)
{
  int digit = -1;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return GDK_EVENT_PROPAGATE;

  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    digit = keyval - GDK_KEY_0;
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    digit = keyval - GDK_KEY_KP_0;

  if (digit >= 0 && self->project != NULL && gloss_article_view_get_selection (self, NULL, NULL))
    {
      GlossTag *tag = gloss_project_lookup_tag_by_digit (self->project, digit);

      if (tag != NULL)
        {
          annotate_selection (self, gloss_tag_get_id (tag));
          return GDK_EVENT_STOP;
        }
      gtk_widget_error_bell (GTK_WIDGET (self));
      return GDK_EVENT_STOP;
    }

  /* Tab moves into the palette, where the tags without a digit are. */
  if (keyval == GDK_KEY_Tab && !(state & GDK_SHIFT_MASK) &&
      gloss_article_view_get_selection (self, NULL, NULL) &&
      gloss_tag_palette_enter (GLOSS_TAG_PALETTE (self->palette)))
    return GDK_EVENT_STOP;

  if (keyval == GDK_KEY_Escape)
    {
      if (gloss_article_view_get_selection (self, NULL, NULL))
        {
          gloss_article_view_clear_selection (self);
          return GDK_EVENT_STOP;
        }
      g_signal_emit (self, _gloss_article_view_signals[ARTICLE_VIEW_DESELECT], 0);
      return GDK_EVENT_STOP;
    }

  if (keyval == GDK_KEY_Delete && !gloss_article_view_get_selection (self, NULL, NULL))
    return gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-annotation", NULL)
           ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;

  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && self->document != NULL &&
      !gloss_article_view_get_selection (self, NULL, NULL))
    {
      /* Enter on a highlight selects it, as a click would. */
      g_autoptr(GPtrArray) here = gloss_document_annotations_at (self->document,
                                                                 gloss_article_view_get_caret (self));

      if (here->len == 1)
        g_signal_emit (self, _gloss_article_view_signals[ARTICLE_VIEW_ANNOTATION_ACTIVATED], 0, g_ptr_array_index (here, 0));
      else if (here->len > 1)
        show_chooser (self, here, gloss_article_view_get_caret (self));
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

/* ---- tooltips ---- */

gboolean
_gloss_article_view_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard,
                                  GtkTooltip *tooltip)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (widget);
  g_autoptr(GPtrArray) here = NULL;
  g_autoptr(GString) text = NULL;
  gboolean inside = FALSE;
  GlossOffset offset;

  if (self->document == NULL || self->project == NULL || keyboard)
    return FALSE;

  offset = offset_at (self, x, y, &inside);
  if (!inside)
    return FALSE;
  here = gloss_document_annotations_at (self->document, offset);
  if (here->len == 0)
    return FALSE;

  text = g_string_new (NULL);
  for (guint i = 0; i < here->len && i < 5; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (here, i);
      g_autofree char *tags = gloss_accessible_describe_tags (self->project, annotation);
      const char *note = gloss_annotation_get_note (annotation);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, tags);
      if (note[0] != '\0')
        {
          g_autofree char *start = excerpt (note, 80);

          g_string_append (text, " — ");
          g_string_append (text, start);
        }
      {
        guint n_links = gloss_project_count_relations_of (self->project, annotation);
        guint n_attributes = gloss_annotation_get_n_attributes (annotation);

        if (n_links > 0)
          {
            g_string_append (text, " · ");
            g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u link", "%u links", n_links), n_links);
          }
        if (n_attributes > 0)
          {
            g_string_append (text, " · ");
            g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u attribute", "%u attributes",
                                                       n_attributes), n_attributes);
          }
      }
    }
  /* Plain text: notes and tag names may hold markup characters. */
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

void
_gloss_article_view_init_input (GlossArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkEventController *controller;

  g_signal_connect (buffer, "mark-set", G_CALLBACK (mark_set_cb), self);
  _gloss_article_view_init_snap (self);

  self->palette = gloss_tag_palette_new ();
  gtk_widget_set_parent (self->palette, GTK_WIDGET (self));
  g_signal_connect (self->palette, "tag-chosen", G_CALLBACK (tag_chosen_cb), self);

  self->chooser = gtk_popover_new ();
  gtk_widget_set_parent (self->chooser, GTK_WIDGET (self));
  /* Closed by the next press in the article (which may open it again
   * elsewhere) or by Escape, not by a grab that would swallow that press. */
  gtk_popover_set_autohide (GTK_POPOVER (self->chooser), FALSE);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect (keys, "key-pressed", G_CALLBACK (chooser_key_pressed_cb), self);
    gtk_widget_add_controller (self->chooser, keys);
  }

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (legacy_event_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "enter", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
