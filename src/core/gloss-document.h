/* gloss-document.h — an article's text and its annotations in text order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-conflict.h"
#include "gloss-types.h"
#include "gloss-provenance.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_DOCUMENT (gloss_document_get_type ())
G_DECLARE_FINAL_TYPE (GlossDocument, gloss_document, GLOSS, DOCUMENT, GObject)

/* A GlossDocument is a GListModel of its GlossAnnotations, sorted by
 * (start, end, id). Lookups by offset are O(log n + k). */

/* @id: NULL makes a new unique id. @text must be valid UTF-8. */
GlossDocument   *gloss_document_new                 (const char      *id,
                                                     const char      *title,
                                                     const char      *text);
const char      *gloss_document_get_id              (GlossDocument   *self);
GlossProject    *gloss_document_get_project         (GlossDocument   *self);
const char      *gloss_document_get_title           (GlossDocument   *self);
void             gloss_document_set_title           (GlossDocument   *self,
                                                     const char      *title);
/* Where the text came from: a path or URL, or "". */
const char      *gloss_document_get_source          (GlossDocument   *self);
void             gloss_document_set_source          (GlossDocument   *self,
                                                     const char      *source);
GDateTime       *gloss_document_get_imported        (GlossDocument   *self);
void             gloss_document_set_imported        (GlossDocument   *self,
                                                     GDateTime       *imported);

/* Where the text came from and proof of it (borrowed, never NULL: an empty
 * provenance when nothing is known). The object is the document's for its
 * whole life; setting copies @provenance's values into it (NULL empties it)
 * and notifies "provenance" when they change. */
GlossProvenance *gloss_document_get_provenance      (GlossDocument   *self);
void             gloss_document_set_provenance      (GlossDocument   *self,
                                                     GlossProvenance *provenance);

const char      *gloss_document_get_text            (GlossDocument   *self);
gsize            gloss_document_get_text_size       (GlossDocument   *self);
/* Length of the text in code points. */
GlossOffset      gloss_document_get_length          (GlossDocument   *self);
/* Lower-case hex SHA-256 of the UTF-8 text. */
const char      *gloss_document_get_sha256          (GlossDocument   *self);

/* Offset conversions, O(1) amortised (a checkpoint table). Offsets past the
 * end are clamped to the end. */
gsize            gloss_document_offset_to_byte      (GlossDocument   *self,
                                                     GlossOffset      offset);
gsize            gloss_document_offset_to_utf16     (GlossDocument   *self,
                                                     GlossOffset      offset);
GlossOffset      gloss_document_byte_to_offset      (GlossDocument   *self,
                                                     gsize            byte);
/* The text of [start, end) as a new UTF-8 string. */
char            *gloss_document_dup_slice           (GlossDocument   *self,
                                                     GlossOffset      start,
                                                     GlossOffset      end);

/* Annotations */
guint            gloss_document_get_n_annotations   (GlossDocument   *self);
/* The annotation at @position in text order (borrowed), O(log n). */
GlossAnnotation *gloss_document_get_annotation      (GlossDocument   *self,
                                                     guint            position);
/* Its position in text order, O(log n); G_MAXUINT if not here. */
guint            gloss_document_get_annotation_position (GlossDocument   *self,
                                                     GlossAnnotation *annotation);
GlossAnnotation *gloss_document_lookup_annotation   (GlossDocument   *self,
                                                     const char      *id);
/* Annotations with start <= offset < end, in text order (borrowed refs). */
GPtrArray       *gloss_document_annotations_at      (GlossDocument   *self,
                                                     GlossOffset      offset);
/* Annotations with a.start < end && a.end > start, in text order. */
GPtrArray       *gloss_document_annotations_in_range (GlossDocument  *self,
                                                     GlossOffset      start,
                                                     GlossOffset      end);
/* The same without allocating; @func returns FALSE to stop. */
void             gloss_document_foreach_in_range    (GlossDocument   *self,
                                                     GlossOffset      start,
                                                     GlossOffset      end,
                                                     GlossAnnotationFunc func,
                                                     gpointer         user_data);
/* First annotation starting after / last one starting before @offset,
 * for Alt+Down / Alt+Up. NULL when there is none. */
GlossAnnotation *gloss_document_next_annotation     (GlossDocument   *self,
                                                     GlossOffset      offset);
GlossAnnotation *gloss_document_previous_annotation (GlossDocument   *self,
                                                     GlossOffset      offset);

/* Raw changes, without undo: for loaders and importers building a document
 * that no project holds yet, and for the project's history. The window
 * goes through gloss-project.h instead.
 *
 * Adding fills the annotation's quote, prefix and suffix from the text,
 * except for an orphaned one, which keeps what it quoted.
 * @annotation's bounds must lie inside the text. */
void             gloss_document_add_annotation      (GlossDocument   *self,
                                                     GlossAnnotation *annotation);
void             gloss_document_remove_annotation   (GlossDocument   *self,
                                                     GlossAnnotation *annotation);
void             gloss_document_move_annotation     (GlossDocument   *self,
                                                     GlossAnnotation *annotation,
                                                     GlossOffset      start,
                                                     GlossOffset      end);
/* Replaces the text without touching annotations (see
 * gloss_project_replace_document_text() for re-anchoring). */
void             gloss_document_set_text            (GlossDocument   *self,
                                                     const char      *text);
/* The quote of [@start, @end) and the context around it, newly allocated. */
void             gloss_document_dup_selector        (GlossDocument   *self,
                                                     GlossOffset      start,
                                                     GlossOffset      end,
                                                     char           **quote,
                                                     char           **prefix,
                                                     char           **suffix);
/* Recomputes quote, prefix and suffix of @annotation from the text. */
void             gloss_document_refresh_selector    (GlossDocument   *self,
                                                     GlossAnnotation *annotation);

/* Emitted by the raw functions and by the annotation setters when an
 * annotation of this document changes how it looks or where it is.
 * Signal "annotation-changed" (GlossAnnotation *, guint old_start, guint old_end). */

/* The mark a merge left on this version (gloss-conflict.h), or NULL. */
const GlossConflict *gloss_document_get_conflict (GlossDocument *self);
/* GLOSS_CONFLICT_NONE removes the mark. */
void gloss_document_set_conflict (GlossDocument *self,
                             GlossConflictSide side,
                             const char *with);

G_END_DECLS
