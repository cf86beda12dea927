/* gloss-annotation-tree.h — annotations in text order, searchable by offset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-annotation.h"

G_BEGIN_DECLS

/* A treap keyed by (start, end, id), each node knowing its subtree's size
 * (for the n-th annotation, as GListModel needs) and greatest end (for
 * interval queries). Insert, remove, nth and rank are O(log n) expected;
 * queries for the annotations over an offset or a range O(log n + k). */
typedef struct _GlossAnnotationTree GlossAnnotationTree;

GlossAnnotationTree *gloss_annotation_tree_new        (void);
void                 gloss_annotation_tree_free       (GlossAnnotationTree *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAnnotationTree, gloss_annotation_tree_free)

guint                gloss_annotation_tree_get_size   (GlossAnnotationTree *self);
/* Takes a reference. The annotation's bounds must not change while it is
 * in the tree: remove it, change them, insert it again. Returns its rank. */
guint                gloss_annotation_tree_insert     (GlossAnnotationTree *self,
                                                       GlossAnnotation     *annotation);
/* Returns the rank it had, or G_MAXUINT if it was not there. */
guint                gloss_annotation_tree_remove     (GlossAnnotationTree *self,
                                                       GlossAnnotation     *annotation);
GlossAnnotation     *gloss_annotation_tree_get_nth    (GlossAnnotationTree *self,
                                                       guint                position);
guint                gloss_annotation_tree_get_rank   (GlossAnnotationTree *self,
                                                       GlossAnnotation     *annotation);
/* In text order, every annotation with start < @end and end > @start;
 * @func returns FALSE to stop. */
void                 gloss_annotation_tree_foreach_overlapping (GlossAnnotationTree *self,
                                                       GlossOffset          start,
                                                       GlossOffset          end,
                                                       GlossAnnotationFunc  func,
                                                       gpointer             user_data);
/* Rank of the first annotation whose start is >= @offset (the size if none). */
guint                gloss_annotation_tree_lower_bound (GlossAnnotationTree *self,
                                                       GlossOffset          offset);

G_END_DECLS
