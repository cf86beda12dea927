/* gloss-compare-private.h — what the comparison's parts share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-compare.h"

G_BEGIN_DECLS

struct _GlossComparison
{
  GlossProject *mine;
  GlossProject *theirs;
  GPtrArray    *differences;     /* GlossDifference * */
  GPtrArray    *skipped;         /* char * */
  guint         n_documents;
  guint         counts[GLOSS_N_DIFFERENCE_KINDS];
  GHashTable   *theirs_of_mine;  /* GlossDocument → GlossDocument, both ways: */
  GHashTable   *mine_of_theirs;  /* (borrowed) */
  /* Matched annotations, both ways (borrowed; accepting adds to them). */
  GHashTable   *mine_annotation;   /* theirs' GlossAnnotation → mine's */
  GHashTable   *theirs_annotation; /* mine's → theirs' */
  /* Theirs' tag ids → mine's (the same id, else the same name); a tag
   * mine lacks is missing until accepting creates it. */
  GHashTable   *mine_tag;
};

/* Mine's id of theirs' tag @theirs_id, or NULL when mine has no such tag. */
const char *_gloss_comparison_mine_tag (GlossComparison *self,
                                        const char      *theirs_id);

G_END_DECLS
