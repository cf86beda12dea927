/* gloss-relation.h — a typed link from one annotation to another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-conflict.h"
#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_RELATION (gloss_relation_get_type ())
G_DECLARE_FINAL_TYPE (GlossRelation, gloss_relation, GLOSS, RELATION, GObject)

/* @id: NULL makes a new unique id. @from_id/@to_id are annotation ids,
 * possibly in different documents. */
GlossRelation *gloss_relation_new      (const char    *id,
                                        const char    *type,
                                        const char    *from_id,
                                        const char    *to_id);
const char    *gloss_relation_get_id   (GlossRelation *self);
const char    *gloss_relation_get_type_name (GlossRelation *self);
void           gloss_relation_set_type_name (GlossRelation *self,
                                             const char    *type);
const char    *gloss_relation_get_from (GlossRelation *self);
const char    *gloss_relation_get_to   (GlossRelation *self);
const char    *gloss_relation_get_note (GlossRelation *self);
void           gloss_relation_set_note (GlossRelation *self,
                                        const char    *note);

/* Who made it; "" when unknown (files before authors were recorded). */
const char    *gloss_relation_get_author (GlossRelation *self);
void           gloss_relation_set_author (GlossRelation *self,
                                          const char    *author);
/* The mark a merge left on this version (gloss-conflict.h), or NULL. */
const GlossConflict *gloss_relation_get_conflict (GlossRelation *self);
/* GLOSS_CONFLICT_NONE removes the mark. */
void gloss_relation_set_conflict (GlossRelation *self,
                             GlossConflictSide side,
                             const char *with);

G_END_DECLS
