/* gloss-agreement.h — how far analysts agree: F1, unitizing alpha, kappa
 *
 * The measures (docs/teams.md):
 * - F1 between two annotators' spans of a tag, matched exactly (same
 *   document, start and end) or by overlap (one-to-one, largest overlap
 *   first): 2 × matched / (spans of one + spans of the other), pooled over
 *   the pairs of annotators;
 * - Krippendorff's unitizing alpha α_U (Krippendorff 2004) over the shared
 *   documents laid end to end, in code points, per tag and overall (D_o and
 *   D_e averaged over the tags before dividing);
 * - Cohen's kappa on the tags of spans matched by overlap, with the raw
 *   agreement, averaged over the pairs of annotators.
 *
 * A value that cannot be computed is undefined, with the reason, never
 * 1.0 or NaN.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

typedef struct {
  double      value;
  /* NULL when defined; else why not (translated). */
  const char *undefined;
} GlossMeasure;

typedef struct {
  char         *tag_id;
  char         *name;
  guint        *counts;           /* annotations per annotator */
  GlossMeasure  f1_exact;
  GlossMeasure  f1_overlap;
  GlossMeasure  alpha_u;
  double        observed;         /* α_U's D_o and D_e */
  double        expected;
  GlossMeasure  kappa;
  GlossMeasure  percent;          /* raw agreement of the kappa, 0–1 */
} GlossTagAgreement;

typedef struct {
  GPtrArray    *annotators;       /* char *: a file's name, or an author */
  guint         n_documents;      /* shared, with identical text */
  GPtrArray    *skipped;          /* char *: documents not shared, described */
  GPtrArray    *tags;             /* GlossTagAgreement *, in tag-set order */
  guint        *counts;           /* annotations per annotator, all tags */
  GlossMeasure  f1_exact;
  GlossMeasure  f1_overlap;
  GlossMeasure  alpha_u;
  GlossMeasure  kappa;
  GlossMeasure  percent;
} GlossAgreement;

void            gloss_agreement_free            (GlossAgreement *agreement);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAgreement, gloss_agreement_free)

/* Each project is one annotator, named by @names. Documents match by id
 * (with the same text), else by the SHA-256 of their text. At least two. */
GlossAgreement *gloss_agreement_between         (GlossProject * const *projects,
                                                 const char * const   *names,
                                                 guint                 n_projects,
                                                 GError              **error);
/* The annotators are the authors of @project's annotations (at least two). */
GlossAgreement *gloss_agreement_by_author       (GlossProject         *project,
                                                 GError              **error);

/* The table as CSV: a row per tag and one for all tags; counts per
 * annotator, then F1 exact, F1 overlap, α_U, κ and the raw agreement; an
 * undefined value is an empty cell. */
GBytes         *gloss_agreement_to_csv          (GlossAgreement       *agreement);

/* ---- The unitizing alpha itself, for one category ----
 *
 * @units[i]: annotator i's units as pairs of guint64 (begin, length) on a
 * continuum of @length, sorted by begin and not overlapping (merge
 * overlapping ones first). Sets the observed and expected disagreement;
 * returns FALSE, with *@undefined saying why, when α_U is undefined. */
typedef struct {
  guint64 begin;
  guint64 length;
} GlossUnit;

gboolean        gloss_unitizing_alpha_terms     (GArray * const *units,
                                                 guint           n_annotators,
                                                 guint64         length,
                                                 double         *observed,
                                                 double         *expected,
                                                 const char    **undefined);
/* Sorts @units (GlossUnit) and merges those that overlap, in place. */
void            gloss_unitizing_merge_overlaps  (GArray         *units);

G_END_DECLS
