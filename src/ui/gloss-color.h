/* gloss-color.h — tag colours as GdkRGBA, and the small swatch that shows one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_COLOR_CHIP (gloss_color_chip_get_type ())
G_DECLARE_FINAL_TYPE (GlossColorChip, gloss_color_chip, GLOSS, COLOR_CHIP, GtkWidget)

/* Parses "#rrggbb" (and anything gdk_rgba_parse() reads); FALSE, with
 * @rgba set to a neutral grey, when @color is NULL or unreadable. */
gboolean   gloss_color_parse        (const char     *color,
                                     GdkRGBA        *rgba);
/* A small rounded swatch of @tag's colour that follows notify::color.
 * @tag may be NULL (a neutral swatch). */
GtkWidget *gloss_color_chip_new     (GlossTag       *tag);
/* A swatch of a fixed colour ("#rrggbb"), as in the palette. */
GtkWidget *gloss_color_chip_new_for_color (const char *color);
void       gloss_color_chip_set_tag (GlossColorChip *self,
                                     GlossTag       *tag);
GlossTag  *gloss_color_chip_get_tag (GlossColorChip *self);

/* Draws a swatch of @rgba, @size pixels square, at @x, @y: what a chip
 * draws, for widgets that draw their own (the annotation rows). */
void       gloss_color_append_swatch (GtkSnapshot   *snapshot,
                                      const GdkRGBA *rgba,
                                      float          x,
                                      float          y,
                                      float          size);

/* The GNOME palette offered when picking a tag colour. */
const char * const *gloss_color_get_palette (void);

G_END_DECLS
