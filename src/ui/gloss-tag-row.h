/* gloss-tag-row.h — one tag in the tags dialog: name, colour, key, description
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_TAG_ROW (gloss_tag_row_get_type ())
G_DECLARE_FINAL_TYPE (GlossTagRow, gloss_tag_row, GLOSS, TAG_ROW, AdwExpanderRow)

GtkWidget *gloss_tag_row_new          (GlossProject *project,
                                       GlossTag     *tag);
GlossTag  *gloss_tag_row_get_tag      (GlossTagRow  *self);
GlossProject *gloss_tag_row_get_project (GlossTagRow *self);
/* Re-counts the annotations using the tag (O(annotations)). */
void       gloss_tag_row_update_count (GlossTagRow  *self);
void       gloss_tag_row_focus_name   (GlossTagRow  *self);

/* Moves the tag of id @tag_id (another row's) before this row's tag, or
 * after it; what a drop does. FALSE when nothing moved. */
gboolean   gloss_tag_row_drop_tag     (GlossTagRow  *self,
                                       const char   *tag_id,
                                       gboolean      after);

/* gloss-tag-row-drag.c: makes @handle drag the row, and the row a place
 * to drop another. */
void       _gloss_tag_row_setup_drag  (GlossTagRow  *self,
                                       GtkWidget    *handle);

/* Actions "tagrow.move-up", "tagrow.move-down" (Alt+Up, Alt+Down), "tagrow.move-down", "tagrow.delete".
 * "tagrow.delete". Signal "delete-requested" (): the dialog asks, then deletes. */

G_END_DECLS
