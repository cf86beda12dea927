/* gloss-relation-index.h — a project's relations, in order and indexed
 *
 * The list the views show, and two indexes over it: by id, and by the
 * annotations at either end, so that finding an annotation's links, or
 * removing one while undoing a large import, never walks the whole list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-relation.h"

G_BEGIN_DECLS

typedef struct _GlossRelationIndex GlossRelationIndex;

GlossRelationIndex *gloss_relation_index_new       (void);
void                gloss_relation_index_free      (GlossRelationIndex *self);

/* The relations in order, as a list model of GlossRelation. */
GListModel         *gloss_relation_index_get_list  (GlossRelationIndex *self);
/* At @position, or at the end when past it. */
void                gloss_relation_index_insert    (GlossRelationIndex *self,
                                                    GlossRelation      *relation,
                                                    guint               position);
/* @hint: where it probably is (G_MAXUINT if unknown). */
void                gloss_relation_index_remove    (GlossRelationIndex *self,
                                                    GlossRelation      *relation,
                                                    guint               hint);
guint               gloss_relation_index_position  (GlossRelationIndex *self,
                                                    GlossRelation      *relation);
GlossRelation      *gloss_relation_index_lookup    (GlossRelationIndex *self,
                                                    const char         *id);
/* The relations from or to @annotation_id (unowned), or NULL for none. */
GPtrArray          *gloss_relation_index_of        (GlossRelationIndex *self,
                                                    const char         *annotation_id);

G_END_DECLS
