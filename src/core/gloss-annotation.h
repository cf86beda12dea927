/* gloss-annotation.h — a highlighted span of a document with its tags and note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-conflict.h"
#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ANNOTATION (gloss_annotation_get_type ())
G_DECLARE_FINAL_TYPE (GlossAnnotation, gloss_annotation, GLOSS, ANNOTATION, GObject)

/* @id: NULL makes a new UUID. Offsets are code points, @end exclusive.
 * The setters below are for building an annotation before it joins a
 * document; once it belongs to a project, change it through the project's
 * edit functions (gloss-project.h) so that undo sees every change. */
GlossAnnotation    *gloss_annotation_new            (const char      *id,
                                                     GlossOffset      start,
                                                     GlossOffset      end);
const char         *gloss_annotation_get_id         (GlossAnnotation *self);
/* The document holding it, or NULL. Not a reference. */
GlossDocument      *gloss_annotation_get_document   (GlossAnnotation *self);
GlossOffset         gloss_annotation_get_start      (GlossAnnotation *self);
GlossOffset         gloss_annotation_get_end        (GlossAnnotation *self);
/* Only while not in a document: a document keeps its order by the bounds. */
void                gloss_annotation_set_bounds     (GlossAnnotation *self,
                                                     GlossOffset      start,
                                                     GlossOffset      end);

const char         *gloss_annotation_get_quote      (GlossAnnotation *self);
const char         *gloss_annotation_get_prefix     (GlossAnnotation *self);
const char         *gloss_annotation_get_suffix     (GlossAnnotation *self);
void                gloss_annotation_set_selector   (GlossAnnotation *self,
                                                     const char      *quote,
                                                     const char      *prefix,
                                                     const char      *suffix);

/* Tag ids, in the order they were given; never NULL. */
const char * const *gloss_annotation_get_tags       (GlossAnnotation *self);
guint               gloss_annotation_get_n_tags     (GlossAnnotation *self);
gboolean            gloss_annotation_has_tag        (GlossAnnotation *self,
                                                     const char      *tag_id);
void                gloss_annotation_set_tags       (GlossAnnotation *self,
                                                     const char * const *tag_ids);
void                gloss_annotation_add_tag        (GlossAnnotation *self,
                                                     const char      *tag_id);
void                gloss_annotation_remove_tag     (GlossAnnotation *self,
                                                     const char      *tag_id);

/* Never NULL; "" when there is none. */
const char         *gloss_annotation_get_note       (GlossAnnotation *self);
void                gloss_annotation_set_note       (GlossAnnotation *self,
                                                     const char      *note);

/* Attributes: string keys to string values. */
const char         *gloss_annotation_get_attribute  (GlossAnnotation *self,
                                                     const char      *key);
/* @value NULL removes the key. */
void                gloss_annotation_set_attribute  (GlossAnnotation *self,
                                                     const char      *key,
                                                     const char      *value);
/* Sorted by key (strcmp); free with g_strfreev(). */
char              **gloss_annotation_dup_attribute_keys (GlossAnnotation *self);
guint               gloss_annotation_get_n_attributes   (GlossAnnotation *self);

const char         *gloss_annotation_get_author     (GlossAnnotation *self);
void                gloss_annotation_set_author     (GlossAnnotation *self,
                                                     const char      *author);
GDateTime          *gloss_annotation_get_created    (GlossAnnotation *self);
void                gloss_annotation_set_created    (GlossAnnotation *self,
                                                     GDateTime       *created);
GDateTime          *gloss_annotation_get_modified   (GlossAnnotation *self);
void                gloss_annotation_set_modified   (GlossAnnotation *self,
                                                     GDateTime       *modified);

GlossAnchorState    gloss_annotation_get_state      (GlossAnnotation *self);
void                gloss_annotation_set_state      (GlossAnnotation *self,
                                                     GlossAnchorState state);

/* Orders by (start, end, id): the order of a document's annotations. */
int                 gloss_annotation_compare        (GlossAnnotation *a,
                                                     GlossAnnotation *b);

/* The mark a merge left on this version (gloss-conflict.h), or NULL. */
const GlossConflict *gloss_annotation_get_conflict (GlossAnnotation *self);
/* GLOSS_CONFLICT_NONE removes the mark. */
void gloss_annotation_set_conflict (GlossAnnotation *self,
                             GlossConflictSide side,
                             const char *with);

G_END_DECLS
