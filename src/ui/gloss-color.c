/* gloss-color.c — tag colours as GdkRGBA: parsing, the palette, drawing a swatch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-color.h"

/* The GNOME HIG palette, row 3: bright enough to carry dark text. */
static const char * const palette[] = {
  "#62a0ea", "#57e389", "#f8e45c", "#ffa348", "#ed333b",
  "#c061cb", "#b5835a", "#5bc8af", "#9a9996", NULL,
};
/* What each is called, for screen readers and tooltips. */
static const char * const palette_names[] = {
  N_("Blue"), N_("Green"), N_("Yellow"), N_("Orange"), N_("Red"),
  N_("Purple"), N_("Brown"), N_("Teal"), N_("Grey"), NULL,
};

const char *
gloss_color_get_name (const char *color)
{
  for (guint i = 0; color != NULL && palette[i] != NULL; i++)
    if (g_ascii_strcasecmp (color, palette[i]) == 0)
      return _(palette_names[i]);
  return NULL;
}

const char * const *
gloss_color_get_palette (void)
{
  return palette;
}

gboolean
gloss_color_parse (const char *color,
                   GdkRGBA    *rgba)
{
  g_return_val_if_fail (rgba != NULL, FALSE);

  if (color != NULL && gdk_rgba_parse (rgba, color))
    return TRUE;

  *rgba = (GdkRGBA) { 0.6, 0.6, 0.6, 1.0 };
  return FALSE;
}

void
gloss_color_append_swatch (GtkSnapshot   *snapshot,
                           const GdkRGBA *rgba,
                           float          x,
                           float          y,
                           float          size)
{
  GskRoundedRect rect;
  GdkRGBA border = { 0, 0, 0, 0.25 };
  float widths[4] = { 1, 1, 1, 1 };
  GdkRGBA borders[4];

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, size, size), size / 4);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, rgba, &rect.bounds);
  gtk_snapshot_pop (snapshot);

  /* A faint outline keeps pale colours visible on light backgrounds. */
  for (guint i = 0; i < 4; i++)
    borders[i] = border;
  gtk_snapshot_append_border (snapshot, &rect, widths, borders);
}
