/* gloss-anchor-approximate.c — step 3 of anchoring: regions by gram vote, Myers in each, cluster snapping
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See gloss-anchor.c for why step 3 never scans the whole text.
 */

#include "gloss-anchor-private.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* Step 3                                                               */

typedef struct {
  gsize lo;
  gsize hi;
} Region;

typedef struct {
  guint32 count;
  guint32 offset;  /* in prefix + quote + suffix */
} GramChoice;

static int
gram_choice_compare (gconstpointer a,
                     gconstpointer b)
{
  const GramChoice *ga = a;
  const GramChoice *gb = b;

  if (ga->count != gb->count)
    return ga->count < gb->count ? -1 : 1;
  return ga->offset < gb->offset ? -1 : ga->offset > gb->offset;
}

/* Sorts @n values in place (LSD radix, 11 bits a pass). Votes are a few
 * thousand integers within the text's length: a comparison sort cost
 * more than everything else in step 3. */
static void
sort_votes (gint64 *values,
            gsize   n)
{
  g_autofree gint64 *tmp = NULL;
  gint64 *src = values;
  gint64 *dst;
  gint64 min = G_MAXINT64;
  guint64 range = 0;

  if (n < 2)
    return;

  for (gsize i = 0; i < n; i++)
    min = MIN (min, values[i]);
  for (gsize i = 0; i < n; i++)
    range = MAX (range, (guint64) (values[i] - min));

  dst = tmp = g_new (gint64, n);
  for (guint shift = 0; shift < 64 && (range >> shift) != 0; shift += 11)
    {
      gsize counts[2048] = { 0, };
      gsize sum = 0;
      gint64 *swap;

      for (gsize i = 0; i < n; i++)
        counts[((guint64) (src[i] - min) >> shift) & 2047]++;
      for (guint d = 0; d < 2048; d++)
        {
          gsize c = counts[d];

          counts[d] = sum;
          sum += c;
        }
      for (gsize i = 0; i < n; i++)
        dst[counts[((guint64) (src[i] - min) >> shift) & 2047]++] = src[i];

      swap = src;
      src = dst;
      dst = swap;
    }

  if (src != values)
    memcpy (values, src, n * sizeof (gint64));
}

static int
region_compare (gconstpointer a,
                gconstpointer b)
{
  const Region *ra = a;
  const Region *rb = b;

  return ra->lo < rb->lo ? -1 : ra->lo > rb->lo;
}

static void
add_region (Locator *loc,
            GArray  *regions,
            gint64   start_lo,
            gint64   start_hi,
            gsize    max_errors)
{
  gint64 lo = start_lo - (gint64) max_errors - REGION_SLACK;
  gint64 hi = start_hi + (gint64) (loc->m + max_errors) + REGION_SLACK;
  Region r;

  lo = CLAMP (lo, 0, (gint64) loc->n);
  hi = CLAMP (hi, 0, (gint64) loc->n);
  if (lo >= hi)
    return;

  r.lo = lo;
  r.hi = hi;
  g_array_append_val (regions, r);
}

/* Where might the quote start? Let the rarest grams of prefix + quote +
 * suffix vote, and keep the busiest windows. */
static void
vote_regions (Locator *loc,
              GArray  *regions,
              gsize    max_errors)
{
  const AnchorIndex *index = _gloss_anchor_text_get_index (loc->text);
  const gunichar *context = loc->context;
  g_autoptr(GArray) grams = NULL;
  g_autoptr(GArray) votes = NULL;
  g_autofree guint32 *in_window = NULL;
  guint32 used[VOTE_GRAMS];
  gsize context_len = loc->clen;
  gsize width = max_errors + REGION_SLACK;
  gint64 chosen[VOTE_REGIONS];
  guint n_chosen = 0;
  guint n_used = 0;

  if (index->bits == 0 || context_len < GRAM)
    return;

  grams = g_array_sized_new (FALSE, FALSE, sizeof (GramChoice), context_len);
  for (gsize j = 0; j + GRAM <= context_len; j++)
    {
      const guint32 *p;
      GramChoice g;

      g.count = index_bucket (index, context + j, &p);
      g.offset = j;
      if (g.count > 0)
        g_array_append_val (grams, g);
    }
  g_array_sort (grams, gram_choice_compare);

  votes = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < grams->len && n_used < VOTE_GRAMS; i++)
    {
      const GramChoice *g = &g_array_index (grams, GramChoice, i);
      const gunichar *gram = context + g->offset;
      const guint32 *positions;
      gsize count;
      gboolean repeated = FALSE;
      guint taken = 0;
      gsize pos, dist;
      Walk w;

      /* A gram repeated inside the context would vote twice. */
      for (guint k = 0; k < n_used && !repeated; k++)
        repeated = memcmp (context + used[k], gram, GRAM * sizeof (gunichar)) == 0;
      if (repeated)
        continue;
      used[n_used++] = g->offset;

      /* Each gram votes with its occurrences nearest the old place: all
       * of them in ordinary text, a neighbourhood in repetitive text. A
       * bucket may hold another gram that hashed alike; its stray votes
       * are not worth a cache miss each to weed out, as every region is
       * verified anyway. */
      count = index_bucket (index, gram, &positions);
      _gloss_anchor_walk_init (&w, positions, count, 0, (gint64) loc->old + g->offset - (gint64) loc->plen);
      while (taken < VOTES_PER_GRAM && _gloss_anchor_walk_next (&w, &pos, &dist))
        {
          gint64 vote = (gint64) pos - g->offset + loc->plen;

          g_array_append_val (votes, vote);
          taken++;
        }
    }

  if (votes->len == 0)
    return;

  sort_votes ((gint64 *) (gpointer) votes->data, votes->len);

  /* How many votes fall in [vote, vote + width] for each vote. */
  in_window = g_new (guint32, votes->len);
  for (guint i = 0, j = 0; i < votes->len; i++)
    {
      gint64 v = g_array_index (votes, gint64, i);

      j = MAX (j, i);
      while (j < votes->len && g_array_index (votes, gint64, j) <= v + (gint64) width)
        j++;
      in_window[i] = j - i;
    }

  /* Greedily take the busiest windows that don't overlap. A selection
   * of at most VOTE_REGIONS from few thousand votes: plain scans do. */
  while (n_chosen < VOTE_REGIONS)
    {
      guint best_i = G_MAXUINT;

      for (guint i = 0; i < votes->len; i++)
        {
          gint64 v = g_array_index (votes, gint64, i);
          gboolean overlaps = FALSE;

          if (in_window[i] == 0 || (best_i != G_MAXUINT && in_window[i] <= in_window[best_i]))
            continue;
          for (guint c = 0; c < n_chosen && !overlaps; c++)
            overlaps = v <= chosen[c] + (gint64) width && chosen[c] <= v + (gint64) width;
          if (overlaps)
            in_window[i] = 0;
          else
            best_i = i;
        }

      if (best_i == G_MAXUINT)
        break;

      chosen[n_chosen] = g_array_index (votes, gint64, best_i);
      add_region (loc, regions, chosen[n_chosen], chosen[n_chosen] + width, max_errors);
      in_window[best_i] = 0;
      n_chosen++;
    }
}

static inline gboolean
is_regional_indicator (gunichar c)
{
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

static inline gboolean
extends_cluster (gunichar c)
{
  return g_unichar_ismark (c) ||
         c == ZWJ ||
         (c >= 0xFE00 && c <= 0xFE0F) ||    /* variation selectors */
         (c >= 0x1F3FB && c <= 0x1F3FF) ||  /* skin tones */
         (c >= 0xE0020 && c <= 0xE007F) ||  /* emoji tag sequences */
         (c >= 0xE0100 && c <= 0xE01EF);
}

/* Does a grapheme cluster (roughly: UAX #29 for what annotations meet)
 * break between t[i − 1] and t[i]? */
static gboolean
is_cluster_boundary (const gunichar *t,
                     gsize           n,
                     gsize           i)
{
  if (i == 0 || i >= n)
    return TRUE;
  if (extends_cluster (t[i]) || t[i - 1] == ZWJ)
    return FALSE;
  if (t[i - 1] == '\r' && t[i] == '\n')
    return FALSE;
  if (is_regional_indicator (t[i - 1]) && is_regional_indicator (t[i]))
    {
      gsize run = 0;

      /* Flags are pairs: inside a pair if an odd number precede. */
      for (gsize k = i; k > 0 && run < 64 && is_regional_indicator (t[k - 1]); k--)
        run++;
      return run % 2 == 0;
    }
  return TRUE;
}

/* Did the annotation begin (or end) on a cluster boundary when it was made?
 * The stored context tells: look at the join of @left's tail and @right's
 * head. Without context, trust the quote's own edge. */
static gboolean
was_cluster_boundary (const gunichar *left,
                      gsize           left_len,
                      const gunichar *right,
                      gsize           right_len)
{
  gunichar join[16];
  gsize l = MIN (left_len, 8);
  gsize r = MIN (right_len, 8);

  if (l == 0 || r == 0)
    {
      if (r > 0)
        return !extends_cluster (right[0]) && right[0] != '\n';
      if (l > 0)
        return left[left_len - 1] != ZWJ && left[left_len - 1] != '\r';
      return TRUE;
    }

  memcpy (join, left + left_len - l, l * sizeof (gunichar));
  memcpy (join + l, right, r * sizeof (gunichar));
  return is_cluster_boundary (join, l + r, l);
}

static void
snap_to_clusters (Locator *loc,
                  gsize   *start,
                  gsize   *end)
{
  if (was_cluster_boundary (loc->prefix, loc->plen, loc->quote, loc->m))
    for (guint steps = 0; steps < 16 && !is_cluster_boundary (loc->t, loc->n, *start); steps++)
      (*start)--;

  if (was_cluster_boundary (loc->quote, loc->m, loc->suffix, loc->slen))
    for (guint steps = 0; steps < 16 && !is_cluster_boundary (loc->t, loc->n, *end); steps++)
      (*end)++;
}

typedef struct {
  guint score;
  gsize first;  /* window indices of a run of equal scores */
  gsize last;
} Plateau;

/* Judge the approximate match ending at @end (exclusive). */
static void
approx_consider (Locator   *loc,
                 Pattern   *reversed_pat,
                 guint     *scratch,
                 gsize      end,
                 gsize      max_errors,
                 Candidate *best)
{
  gsize longest = MIN (end, loc->m + max_errors);
  gsize length = 0;
  guint edits = G_MAXUINT;
  guint min_edits = G_MAXUINT;
  double best_part = 0;
  guint n_tried = 0;
  gsize start;
  gsize new_end = end;
  guint pe, se;
  double total;

  if (longest == 0)
    return;

  /* Where does it start? Walk back from @end, aligned at @end. Starts
   * within a few edits of the best are all plausible ("that the lake"
   * vs "the lake"): the prefix decides, then the length nearest the
   * quote's. */
  _gloss_anchor_myers_scan (reversed_pat, loc->t, (gssize) end - 1, -1, longest, TRUE, scratch);
  for (gsize l = 1; l <= longest; l++)
    min_edits = MIN (min_edits, scratch[l - 1]);
  if (min_edits > max_errors)
    return;

  for (gsize l = 1; l <= longest && n_tried < MAX_START_TRIALS; l++)
    {
      guint e = scratch[l - 1];
      double s;

      if (e > max_errors || e > min_edits + START_SLACK)
        continue;

      n_tried++;
      s = 50 * similarity (e, loc->m) + 20 * similarity (_gloss_anchor_prefix_edits (loc, end - l), loc->plen);
      if (length == 0 || s > best_part ||
          (s == best_part && distance (l, loc->m) < distance (length, loc->m)))
        {
          best_part = s;
          edits = e;
          length = l;
        }
    }

  /* Code points taken in to complete a cluster are not counted as edits:
   * "résumé" quoted precomposed matches decomposed text best when the last
   * combining mark is left out, but the mark belongs to the match. */
  start = end - length;
  snap_to_clusters (loc, &start, &new_end);

  pe = _gloss_anchor_prefix_edits (loc, start);
  se = _gloss_anchor_suffix_edits (loc, new_end);
  total = similarity (edits + pe + se, loc->m + loc->plen + loc->slen);
  if (total < MIN_TOTAL_SIMILARITY)
    return;

  candidate_offer (best, start, new_end, distance (start, loc->old),
                   score_parts (loc,
                                similarity (edits, loc->m),
                                similarity (pe, loc->plen),
                                similarity (se, loc->slen),
                                distance (start, loc->old)));
}

gboolean
_gloss_anchor_approximate_search (Locator   *loc,
                                  Candidate *best)
{
  gsize max_errors = MIN (MAX_APPROX_ERRORS, loc->m / 2);
  g_autoptr(GArray) regions = NULL;
  g_autofree guint *scores = NULL;
  g_autofree guint *scratch = NULL;
  gsize scores_size = 0;
  Pattern quote_pat;
  Pattern reversed_pat;
  gsize done_hi = 0;

  /* One code point with no errors allowed was step 2's business. */
  if (max_errors == 0 || loc->n == 0)
    return FALSE;

  regions = g_array_new (FALSE, FALSE, sizeof (Region));
  add_region (loc, regions, loc->old, loc->old, max_errors + 64);
  vote_regions (loc, regions, max_errors);
  g_array_sort (regions, region_compare);

  _gloss_anchor_pattern_init (&quote_pat, loc->quote, loc->m, FALSE);
  _gloss_anchor_pattern_init (&reversed_pat, loc->quote, loc->m, TRUE);
  scratch = g_new (guint, loc->m + max_errors);

  for (guint r = 0; r < regions->len; r++)
    {
      Region region = g_array_index (regions, Region, r);
      Plateau plateaus[PLATEAUS_PER_REGION];
      guint n_plateaus = 0;
      gsize len;

      /* Overlapping regions: scan only what's new (plus the quote's reach). */
      if (region.hi <= done_hi)
        continue;
      if (region.lo < done_hi)
        region.lo = done_hi > loc->m + max_errors ? MAX (region.lo, done_hi - loc->m - max_errors) : region.lo;
      done_hi = region.hi;

      len = region.hi - region.lo;
      if (len > scores_size)
        {
          scores_size = len;
          g_free (scores);
          scores = g_new (guint, scores_size);
        }
      _gloss_anchor_myers_scan (&quote_pat, loc->t, region.lo, 1, len, FALSE, scores);

      /* Keep the lowest local minima (runs of equal scores). */
      for (gsize j = 0; j < len;)
        {
          gsize k = j;
          Plateau p;
          guint slot;

          while (k + 1 < len && scores[k + 1] == scores[j])
            k++;
          p.score = scores[j];
          p.first = j;
          p.last = k;

          if (p.score <= max_errors &&
              (j == 0 || scores[j - 1] > p.score) &&
              (k + 1 == len || scores[k + 1] > p.score))
            {
              slot = n_plateaus < PLATEAUS_PER_REGION ? n_plateaus++ : PLATEAUS_PER_REGION;
              if (slot == PLATEAUS_PER_REGION && plateaus[slot - 1].score > p.score)
                slot--;
              if (slot < PLATEAUS_PER_REGION)
                {
                  while (slot > 0 && plateaus[slot - 1].score > p.score)
                    {
                      plateaus[slot] = plateaus[slot - 1];
                      slot--;
                    }
                  plateaus[slot] = p;
                }
            }
          j = k + 1;
        }

      /* Either end of a run may be the better one: context decides. */
      for (guint i = 0; i < n_plateaus; i++)
        {
          approx_consider (loc, &reversed_pat, scratch,
                           region.lo + plateaus[i].first + 1, max_errors, best);
          if (plateaus[i].last != plateaus[i].first)
            approx_consider (loc, &reversed_pat, scratch,
                             region.lo + plateaus[i].last + 1, max_errors, best);
        }
    }

  _gloss_anchor_pattern_clear (&quote_pat);
  _gloss_anchor_pattern_clear (&reversed_pat);
  return best->found;
}
