/* gloss-color-chip.h — the small swatch that shows a tag's colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_COLOR_CHIP (gloss_color_chip_get_type ())
G_DECLARE_FINAL_TYPE (GlossColorChip, gloss_color_chip, GLOSS, COLOR_CHIP, GtkWidget)

/* A small rounded swatch of @tag's colour that follows notify::color.
 * @tag may be NULL (a neutral swatch). */
GtkWidget *gloss_color_chip_new     (GlossTag       *tag);
/* A swatch of a fixed colour ("#rrggbb"), as in the palette. */
GtkWidget *gloss_color_chip_new_for_color (const char *color);
void       gloss_color_chip_set_tag (GlossColorChip *self,
                                     GlossTag       *tag);
GlossTag  *gloss_color_chip_get_tag (GlossColorChip *self);

G_END_DECLS
