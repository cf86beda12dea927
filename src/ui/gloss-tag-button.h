/* gloss-tag-button.h — one tag in the tag palette: digit, swatch and name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_TAG_BUTTON (gloss_tag_button_get_type ())
G_DECLARE_FINAL_TYPE (GlossTagButton, gloss_tag_button, GLOSS, TAG_BUTTON, GtkButton)

/* A flat button for @tag, not focusable until the palette is entered from
 * the keyboard; named for screen readers as the tag and its key. */
GtkWidget  *gloss_tag_button_new        (GlossTag       *tag);
GlossTag   *gloss_tag_button_get_tag    (GlossTagButton *self);
const char *gloss_tag_button_get_tag_id (GlossTagButton *self);

G_END_DECLS
