/* gloss-window-report-side.c — the test report's view of the side pane and the palette
 *
 * Part of the test report (gloss-window-report.c, GLOSS_TEST_REPORT):
 * where the annotation list and the inspector are, whether the list shows
 * the selected annotation, and where the tag palette is, so that GUI tests
 * check the layout instead of guessing it from a screenshot.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "gloss-annotation-list.h"
#include "gloss-annotation-row.h"
#include "gloss-color-chip.h"
#include "gloss-tag-palette.h"
#include "gloss-window-report-private.h"

static void
add_bounds (JsonBuilder *builder,
            const char  *name,
            GtkWidget   *widget,
            GtkWidget   *window)
{
  graphene_rect_t bounds;
  double sx = 0, sy = 0;

  json_builder_set_member_name (builder, name);
  if (widget == NULL || !gtk_widget_get_mapped (widget) ||
      !gtk_widget_compute_bounds (widget, window, &bounds))
    {
      json_builder_add_null_value (builder);
      return;
    }
  /* In the window's surface, as the rest of the report. */
  gtk_native_get_surface_transform (GTK_NATIVE (window), &sx, &sy);
  _gloss_report_add_rect (builder, bounds.origin.x + sx, bounds.origin.y + sy, bounds.size.width, bounds.size.height);
}

static GtkWidget *
find_row (GtkWidget       *widget,
          GlossAnnotation *annotation)
{
  if (GLOSS_IS_ANNOTATION_ROW (widget) &&
      gloss_annotation_row_get_annotation (GLOSS_ANNOTATION_ROW (widget)) == annotation)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_row (child, annotation);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static GtkWidget *
find_scroller (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *scroller = find_scroller (child);

      if (scroller != NULL)
        return scroller;
    }
  return NULL;
}

/* Whether the selected annotation's row is wholly inside the list's
 * scrolled area. */
static gboolean
selected_row_visible (GlossWindow *self)
{
  GtkWidget *scroller = find_scroller (self->annotation_list);
  GtkWidget *row;
  graphene_rect_t bounds;

  if (self->selected == NULL || scroller == NULL)
    return FALSE;
  row = find_row (scroller, self->selected);
  if (row == NULL || !gtk_widget_get_mapped (row) ||
      !gtk_widget_compute_bounds (row, scroller, &bounds))
    return FALSE;
  return bounds.origin.y >= -1 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller) + 1;
}

static GtkWidget *
find_chip (GtkWidget *widget)
{
  if (GLOSS_IS_COLOR_CHIP (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *chip = find_chip (child);

      if (chip != NULL)
        return chip;
    }
  return NULL;
}

static GtkWidget *
find_palette (GlossWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->article_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GLOSS_IS_TAG_PALETTE (child))
      return child;
  return NULL;
}

/* The colour of each chooser row's first tag, top to bottom. */
static void
add_chooser_chips (GlossWindow *self,
                   JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "chooser_chips");
  json_builder_begin_array (builder);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->article_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *list;

      if (!GTK_IS_POPOVER (child) || GLOSS_IS_TAG_PALETTE (child) || !gtk_widget_get_visible (child))
        continue;
      list = gtk_popover_get_child (GTK_POPOVER (child));
      for (GtkWidget *row = list != NULL ? gtk_widget_get_first_child (list) : NULL;
           row != NULL; row = gtk_widget_get_next_sibling (row))
        {
          GtkWidget *chip = find_chip (row);
          GlossTag *tag = chip != NULL ? gloss_color_chip_get_tag (GLOSS_COLOR_CHIP (chip)) : NULL;

          if (tag != NULL)
            json_builder_add_string_value (builder, gloss_tag_get_color (tag));
        }
    }
  json_builder_end_array (builder);
}

void
_gloss_window_report_side (GlossWindow *self,
                           JsonBuilder *builder)
{
  GtkWidget *palette = find_palette (self);
  GtkWidget *window = GTK_WIDGET (self);
  double sx = 0, sy = 0;

  json_builder_set_member_name (builder, "list_n_shown");
  json_builder_add_int_value (builder,
                              g_list_model_get_n_items (gloss_annotation_list_get_model (GLOSS_ANNOTATION_LIST (self->annotation_list))));
  json_builder_set_member_name (builder, "list_selected_visible");
  json_builder_add_boolean_value (builder, selected_row_visible (self));
  add_bounds (builder, "list_rect", self->annotation_list, window);
  add_bounds (builder, "inspector_rect", self->inspector, window);
  add_bounds (builder, "article_rect", GTK_WIDGET (self->article_view), window);
  add_chooser_chips (self, builder);

  /* The palette is a surface of its own, placed relative to the window's;
   * its visible box is its child, inside the surface's shadow. */
  gtk_native_get_surface_transform (GTK_NATIVE (self), &sx, &sy);
  json_builder_set_member_name (builder, "palette_rect");
  if (palette != NULL && gtk_widget_get_mapped (palette) &&
      gtk_native_get_surface (GTK_NATIVE (palette)) != NULL)
    {
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (palette));
      GtkWidget *child = gtk_popover_get_child (GTK_POPOVER (palette));
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, 0, 0);
      double px = 0, py = 0;

      gtk_native_get_surface_transform (GTK_NATIVE (palette), &px, &py);
      if (!gtk_widget_compute_bounds (child, palette, &bounds))
        graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (palette), gtk_widget_get_height (palette));
      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, gdk_popup_get_position_x (GDK_POPUP (surface)) + (gint64) (px + bounds.origin.x));
      json_builder_add_int_value (builder, gdk_popup_get_position_y (GDK_POPUP (surface)) + (gint64) (py + bounds.origin.y));
      json_builder_add_int_value (builder, (gint64) bounds.size.width);
      json_builder_add_int_value (builder, (gint64) bounds.size.height);
      json_builder_end_array (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "window_surface_offset");
  json_builder_begin_array (builder);
  json_builder_add_int_value (builder, (gint64) sx);
  json_builder_add_int_value (builder, (gint64) sy);
  json_builder_end_array (builder);
}
