/* gloss-document-private.h — what the annotations and the project may do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-document.h"

G_BEGIN_DECLS

void _gloss_document_set_project         (GlossDocument   *self,
                                          GlossProject    *project);
/* Emits "annotation-changed" for @annotation, which was at [old_start, old_end). */
void _gloss_document_annotation_changed  (GlossDocument   *self,
                                          GlossAnnotation *annotation,
                                          GlossOffset      old_start,
                                          GlossOffset      old_end);

/* Moves @annotation to [start, end) in the order, without telling anyone
 * but the list model. */
void _gloss_document_reposition          (GlossDocument   *self,
                                          GlossAnnotation *annotation,
                                          GlossOffset      start,
                                          GlossOffset      end);

/* gloss_document_add_annotation() for a non-orphan whose quote, prefix and
 * suffix the caller has already set to exactly what the text holds. */
void _gloss_document_add_annotation_keeping_selector (GlossDocument   *self,
                                                      GlossAnnotation *annotation);

G_END_DECLS
