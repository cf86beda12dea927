/* gloss-tag.h — a label an annotation can carry (Claim, Source, …)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-conflict.h"
#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_TAG (gloss_tag_get_type ())
G_DECLARE_FINAL_TYPE (GlossTag, gloss_tag, GLOSS, TAG, GObject)

/* @id: NULL makes a new unique id. @digit: 0–9, or -1 for none. */
GlossTag   *gloss_tag_new             (const char *id,
                                       const char *name,
                                       const char *color,
                                       int         digit);
const char *gloss_tag_get_id          (GlossTag   *self);
const char *gloss_tag_get_name        (GlossTag   *self);
void        gloss_tag_set_name        (GlossTag   *self,
                                       const char *name);
/* "#rrggbb" */
const char *gloss_tag_get_color       (GlossTag   *self);
void        gloss_tag_set_color       (GlossTag   *self,
                                       const char *color);
int         gloss_tag_get_digit       (GlossTag   *self);
void        gloss_tag_set_digit       (GlossTag   *self,
                                       int         digit);
const char *gloss_tag_get_description (GlossTag   *self);
void        gloss_tag_set_description (GlossTag   *self,
                                       const char *description);

gboolean    gloss_color_is_valid      (const char *color);

/* The mark a merge left on this version (gloss-conflict.h), or NULL. */
const GlossConflict *gloss_tag_get_conflict (GlossTag *self);
/* GLOSS_CONFLICT_NONE removes the mark. */
void gloss_tag_set_conflict (GlossTag *self,
                             GlossConflictSide side,
                             const char *with);

G_END_DECLS
