/* gloss-agreement-match.c — pairing two annotators' spans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-agreement-private.h"

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const GlossSpan *x = a, *y = b;

  if (x->document != y->document)
    return x->document < y->document ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return 0;
}

void
_gloss_spans_sort (GArray *spans)
{
  g_array_sort (spans, compare_spans);
}

guint
_gloss_spans_match_exact (GArray *a,
                          GArray *b)
{
  guint i = 0, j = 0, matched = 0;

  while (i < a->len && j < b->len)
    {
      int order = compare_spans (&g_array_index (a, GlossSpan, i), &g_array_index (b, GlossSpan, j));

      if (order == 0)
        matched++, i++, j++;
      else if (order < 0)
        i++;
      else
        j++;
    }

  return matched;
}

typedef struct {
  guint overlap;
  guint a;
  guint b;
} Candidate;

static int
compare_candidates (gconstpointer x,
                    gconstpointer y)
{
  const Candidate *p = x, *q = y;

  if (p->overlap != q->overlap)
    return p->overlap > q->overlap ? -1 : 1;
  if (p->a != q->a)
    return p->a < q->a ? -1 : 1;
  return p->b < q->b ? -1 : p->b > q->b;
}

/* The first span of @spans at or after (document, start). */
static guint
lower_bound (GArray      *spans,
             guint        document,
             GlossOffset  start)
{
  GlossSpan key = { document, start, 0, NULL, 0 };
  guint low = 0, high = spans->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (compare_spans (&g_array_index (spans, GlossSpan, middle), &key) < 0)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

guint
_gloss_spans_match_overlap (GArray *a,
                            GArray *b,
                            GArray *pairs)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autofree gboolean *used_a = g_new0 (gboolean, a->len + 1);
  g_autofree gboolean *used_b = g_new0 (gboolean, b->len + 1);
  GlossOffset longest_b = 0;
  guint matched = 0;

  for (guint j = 0; j < b->len; j++)
    {
      const GlossSpan *span = &g_array_index (b, GlossSpan, j);

      longest_b = MAX (longest_b, span->end - span->start);
    }

  /* A span of b overlapping a starts before a ends and no more than the
   * longest span of b before a starts. */
  for (guint i = 0; i < a->len; i++)
    {
      const GlossSpan *x = &g_array_index (a, GlossSpan, i);
      GlossOffset from = x->start > longest_b ? x->start - longest_b : 0;

      for (guint j = lower_bound (b, x->document, from); j < b->len; j++)
        {
          const GlossSpan *y = &g_array_index (b, GlossSpan, j);
          GlossOffset overlap_start, overlap_end;

          if (y->document != x->document || y->start >= x->end)
            break;
          overlap_start = MAX (x->start, y->start);
          overlap_end = MIN (x->end, y->end);
          if (overlap_end > overlap_start)
            g_array_append_val (candidates, ((Candidate) { overlap_end - overlap_start, i, j }));
        }
    }

  g_array_sort (candidates, compare_candidates);
  for (guint k = 0; k < candidates->len; k++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, k);

      if (used_a[candidate->a] || used_b[candidate->b])
        continue;
      used_a[candidate->a] = used_b[candidate->b] = TRUE;
      matched++;
      if (pairs != NULL)
        {
          g_array_append_val (pairs, candidate->a);
          g_array_append_val (pairs, candidate->b);
        }
    }

  return matched;
}
