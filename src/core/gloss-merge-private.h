/* gloss-merge-private.h — what the parts of the merge share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-merge.h"
#include "gloss-project.h"

G_BEGIN_DECLS

typedef struct {
  GlossProject *base;
  GlossProject *ours;
  GlossProject *theirs;
  GlossProject *result;
  /* Every annotation id of the three versions and of the result, so that
   * the second version of a conflict gets an id nobody uses. */
  GHashTable   *annotation_ids;
  GPtrArray    *conflicts;      /* char *, nullable */
  guint         n_conflicts;
} GlossMerge;

/* The outcome of a three-way choice. */
typedef enum {
  GLOSS_MERGE_SAME,       /* both agree (or only one changed): one value */
  GLOSS_MERGE_CONFLICT,   /* both changed, differently */
} GlossMergeOutcome;

/* Three-way on strings (@base NULL: added on both sides); *@out is the
 * merged value, or ours on a conflict. */
GlossMergeOutcome _gloss_merge_string     (const char  *base,
                                           const char  *ours,
                                           const char  *theirs,
                                           const char **out);

/* A fresh id for the second version of @id, recorded in @ids. */
char             *_gloss_merge_derive_id  (GHashTable  *ids,
                                           const char  *id);

void              _gloss_merge_note_conflict (GlossMerge *merge,
                                           const char  *format,
                                           ...) G_GNUC_PRINTF (2, 3);

/* Merges the annotations of one document into @result_document, whose text
 * is already merged: versions made against another text are re-anchored
 * onto it. @base_document and one of the others may be NULL. */
void              _gloss_merge_annotations (GlossMerge    *merge,
                                           GlossDocument *base_document,
                                           GlossDocument *ours_document,
                                           GlossDocument *theirs_document,
                                           GlossDocument *result_document);

G_END_DECLS
