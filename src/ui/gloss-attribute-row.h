/* gloss-attribute-row.h — one attribute of the inspected annotation: its value to edit, a remove button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_ATTRIBUTE_ROW (gloss_attribute_row_get_type ())
G_DECLARE_FINAL_TYPE (GlossAttributeRow, gloss_attribute_row, GLOSS, ATTRIBUTE_ROW, AdwEntryRow)

/* A row titled @key holding @value. It emits "apply" (AdwEntryRow) when the
 * user applies an edited value, and "remove" when the remove button is
 * clicked. */
GtkWidget  *gloss_attribute_row_new     (const char        *key,
                                         const char        *value);
const char *gloss_attribute_row_get_key (GlossAttributeRow *self);

G_END_DECLS
