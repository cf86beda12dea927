/* gloss-tag-palette.h — the popover of tags beside a fresh selection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_TAG_PALETTE (gloss_tag_palette_get_type ())
G_DECLARE_FINAL_TYPE (GlossTagPalette, gloss_tag_palette, GLOSS, TAG_PALETTE, GtkPopover)

GtkWidget *gloss_tag_palette_new         (void);
void       gloss_tag_palette_set_project (GlossTagPalette *self,
                                          GlossProject    *project);
/* Moves the keyboard focus into the shown palette, on its first tag;
 * FALSE if it is hidden or has no tags. */
gboolean   gloss_tag_palette_enter       (GlossTagPalette *self);

/* Lays the tags out in as many columns (up to four) as @width pixels
 * hold, so that the palette fits a narrow window. */
void       gloss_tag_palette_fit_width   (GlossTagPalette *self,
                                          int              width);

/* Signal "tag-chosen" (const char *tag_id). */

G_END_DECLS
