/* gloss-annotation-private.h — what the document and the history may do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-annotation.h"

G_BEGIN_DECLS

/* Everything about an annotation an edit can change, for undo. */
typedef struct {
  GlossOffset       start;
  GlossOffset       end;
  char             *quote;
  char             *prefix;
  char             *suffix;
  char            **tags;
  char             *note;
  GHashTable       *attributes;
  GlossAnchorState  state;
  GDateTime        *modified;
  GlossConflict    *conflict;
} GlossAnnotationSnapshot;

void                     _gloss_annotation_set_document  (GlossAnnotation *self,
                                                          GlossDocument   *document);
void                     _gloss_annotation_store_bounds  (GlossAnnotation *self,
                                                          GlossOffset      start,
                                                          GlossOffset      end);
GlossAnnotationSnapshot *_gloss_annotation_snapshot      (GlossAnnotation *self);
/* Puts every field back (moving it in its document if the bounds differ)
 * and tells the document once. */
void                     _gloss_annotation_restore       (GlossAnnotation *self,
                                                          const GlossAnnotationSnapshot *snapshot);
void                     _gloss_annotation_snapshot_free (GlossAnnotationSnapshot *snapshot);
gboolean                 _gloss_annotation_snapshot_equal (const GlossAnnotationSnapshot *a,
                                                          const GlossAnnotationSnapshot *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAnnotationSnapshot, _gloss_annotation_snapshot_free)

G_END_DECLS
