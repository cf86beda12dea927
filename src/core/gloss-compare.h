/* gloss-compare.h — how another analyst's version of a project differs
 *
 * "Compare With…" sets the open project ("mine") beside another version
 * ("theirs"): another analyst's copy, or any project that holds the same
 * articles. Documents match by id with the same text, else by the SHA-256
 * of their text. In each pair of documents, annotations match by id, then
 * by the same span, then by the largest overlap among those sharing a tag
 * (or both untagged); relations match by id, then by their matched ends
 * and type. What is left, or matched but different, is a difference that
 * can be accepted into the open project as one undoable step. Theirs is
 * only ever read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

typedef enum {
  GLOSS_DIFFERENCE_ONLY_MINE,     /* accepting removes it */
  GLOSS_DIFFERENCE_ONLY_THEIRS,   /* accepting adds it */
  GLOSS_DIFFERENCE_CHANGED,       /* accepting takes their fields */
} GlossDifferenceKind;

#define GLOSS_N_DIFFERENCE_KINDS 3

typedef enum {
  GLOSS_DIFFERENCE_BOUNDS     = 1 << 0,
  GLOSS_DIFFERENCE_TAGS       = 1 << 1,
  GLOSS_DIFFERENCE_NOTE       = 1 << 2,
  GLOSS_DIFFERENCE_ATTRIBUTES = 1 << 3,
  GLOSS_DIFFERENCE_TYPE       = 1 << 4,   /* of a relation */
} GlossDifferenceFields;

typedef struct {
  GlossDifferenceKind    kind;
  GlossDifferenceFields  fields;          /* for GLOSS_DIFFERENCE_CHANGED */
  GlossDocument         *document;        /* mine: where it shows (a ref) */
  /* An annotation's difference: one or both (strong refs). */
  GlossAnnotation       *mine;
  GlossAnnotation       *theirs;
  /* A relation's difference: one or both (strong refs); then @mine and
   * @theirs are NULL. */
  GlossRelation         *mine_relation;
  GlossRelation         *theirs_relation;
  /* Where it is in mine's text, for ordering and showing: the annotation's
   * (theirs' when only theirs), the relation's first end's. */
  GlossOffset            start;
  GlossOffset            end;
  /* Names this difference as long as neither side changes it, for
   * remembering the ones dismissed. */
  char                  *key;
} GlossDifference;

typedef struct _GlossComparison GlossComparison;

/* Compares @mine with @theirs (both only read). */
GlossComparison *gloss_comparison_new             (GlossProject    *mine,
                                                   GlossProject    *theirs);
void             gloss_comparison_free            (GlossComparison *self);

GlossProject    *gloss_comparison_get_mine        (GlossComparison *self);
GlossProject    *gloss_comparison_get_theirs      (GlossComparison *self);
/* GlossDifference *, by mine's document order, then start. */
GPtrArray       *gloss_comparison_get_differences (GlossComparison *self);
guint            gloss_comparison_count           (GlossComparison *self,
                                                   GlossDifferenceKind kind);
/* Documents compared (in both, with the same text). */
guint            gloss_comparison_get_n_documents (GlossComparison *self);
/* char *: the documents of either side that could not be compared, and why. */
GPtrArray       *gloss_comparison_get_skipped     (GlossComparison *self);
/* Theirs' document matched to @mine_document, or NULL. */
GlossDocument   *gloss_comparison_lookup_theirs   (GlossComparison *self,
                                                   GlossDocument   *mine_document);

/* Each field that differs spelled out, one line each ("Tags: Claim →
 * Claim, Number"), or the one side's quote and tags; free with
 * g_ptr_array_unref (). */
GPtrArray       *gloss_difference_describe        (GlossComparison       *self,
                                                   const GlossDifference *difference);

/* Takes @difference into mine, one undoable step: adds theirs (with the
 * tags and relation types it needs), removes mine, or gives mine their
 * bounds, tags, note and attributes (or type and note). */
void             gloss_comparison_accept          (GlossComparison       *self,
                                                   const GlossDifference *difference);
/* Accepts every difference of @kind, skipping those for which @skip
 * (nullable) returns TRUE, as one undoable step. Returns how many. */
guint            gloss_comparison_accept_all      (GlossComparison       *self,
                                                   GlossDifferenceKind    kind,
                                                   gboolean             (*skip) (const GlossDifference *difference,
                                                                                 gpointer               data),
                                                   gpointer               data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossComparison, gloss_comparison_free)

G_END_DECLS
