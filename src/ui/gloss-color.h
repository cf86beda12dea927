/* gloss-color.h — tag colours as GdkRGBA: parsing, the palette, drawing a swatch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss.h"

G_BEGIN_DECLS

/* Parses "#rrggbb" (and anything gdk_rgba_parse() reads); FALSE, with
 * @rgba set to a neutral grey, when @color is NULL or unreadable. */
gboolean   gloss_color_parse        (const char     *color,
                                     GdkRGBA        *rgba);
/* Draws a swatch of @rgba, @size pixels square, at @x, @y: what a chip
 * draws (gloss-color-chip.h), for widgets that draw their own (the
 * annotation rows). */
void       gloss_color_append_swatch (GtkSnapshot   *snapshot,
                                      const GdkRGBA *rgba,
                                      float          x,
                                      float          y,
                                      float          size);

/* The GNOME palette offered when picking a tag colour. */
const char * const *gloss_color_get_palette (void);
/* The palette colour's name ("Blue"), translated; NULL for other colours. */
const char *gloss_color_get_name     (const char     *color);

G_END_DECLS
