/* gloss-agreement-private.h — spans and their matching, for the measures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-agreement.h"
#include "gloss-annotation.h"

G_BEGIN_DECLS

/* One annotation of one annotator, in a shared document. */
typedef struct {
  guint            document;   /* index among the shared documents */
  GlossOffset      start;
  GlossOffset      end;
  GlossAnnotation *annotation; /* borrowed: for its tags */
  /* Bit t: the span carries the project's t-th tag (the first 64; the
   * rest are looked up on the annotation). */
  guint64          tag_bits;
} GlossSpan;

/* Whether @span carries the tag of index @tag (id @tag_id). */
static inline gboolean
_gloss_span_has_tag (const GlossSpan *span,
                     guint            tag,
                     const char      *tag_id)
{
  if (tag < 64)
    return (span->tag_bits >> tag) & 1;
  return gloss_annotation_has_tag (span->annotation, tag_id);
}

/* Sorts spans by (document, start, end). */
void   _gloss_spans_sort          (GArray *spans);
/* Spans of @a and @b (sorted) with the same document, start and end,
 * one-to-one. */
guint  _gloss_spans_match_exact   (GArray *a,
                                   GArray *b);
/* One-to-one, largest overlap first: appends to @pairs (guint pairs: index
 * in @a, index in @b) and returns how many. */
guint  _gloss_spans_match_overlap (GArray *a,
                                   GArray *b,
                                   GArray *pairs);

G_END_DECLS
