/* gloss-tag-toggle.h — one tag's toggle in the inspector: swatch, name, digit and a tick
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_TAG_TOGGLE (gloss_tag_toggle_get_type ())
G_DECLARE_FINAL_TYPE (GlossTagToggle, gloss_tag_toggle, GLOSS, TAG_TOGGLE, GtkToggleButton)

GtkWidget  *gloss_tag_toggle_new        (GlossTag       *tag);
GlossTag   *gloss_tag_toggle_get_tag    (GlossTagToggle *self);
/* The id of the tag the toggle stands for. */
const char *gloss_tag_toggle_get_tag_id (GlossTagToggle *self);

G_END_DECLS
