/* gloss-anchor.c — finding an annotation's place again in changed text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The four steps are listed in gloss-anchor.h. What this comment adds is
 * how each step stays cheap, and how candidates are judged. This file
 * scores candidates and runs steps 1, 2 and 4; the gram index is in
 * gloss-anchor-grams.c, Myers' matcher in gloss-anchor-myers.c, step 3 in
 * gloss-anchor-approximate.c, and what they share in gloss-anchor-private.h.
 *
 * Scoring. A candidate span [s, e) earns
 *     (50·quote + 20·prefix + 20·suffix + 2·position) / 92
 * (Hypothesis' weights), where each part is a similarity in [0, 1]:
 * quote = 1 − edits/|quote|; prefix = 1 − edits/|prefix| between the stored
 * prefix and the text just before s (the alignment must end at s, may start
 * anywhere), suffix likewise after e; position = 1 − |s − old start|/|text|.
 * Missing context counts as agreeing. Equal scores go to the candidate
 * nearer the old start, then to the earlier one, so results never depend on
 * the order annotations are located in. Up to 64 code points of stored
 * context are used (Gloss stores 32; imported files may store more).
 *
 * Step 1 compares the UTF-8 quote with the code points at the old offsets:
 * O(quote), no allocation. 100,000 unchanged annotations cost ~nothing.
 *
 * Step 2 must not cost O(text) per annotation, or 100,000 moved
 * annotations on a 5 MB text take minutes. Instead of guessing a window
 * around a "running delta" (which depends on the order of calls and fails
 * for text that moved far), the text gets an index the first time any
 * annotation needs it: every 4-code-point gram, bucketed by hash, with
 * each bucket's positions in ascending order (two passes over the text,
 * 4 bytes per code point plus a bucket table of about |text|/2 entries;
 * ~30 ms for 5 MB). Every occurrence of a pattern contains each of its
 * grams, so the occurrences of its rarest gram are a complete list of
 * candidates, usually a handful, visited nearest-first from the old place
 * (a binary search into the bucket, then outwards). Two walks:
 *  a. prefix + quote + suffix, all intact: the first hit is the nearest
 *     such place, and no place with intact context beats it;
 *  b. the quote alone, scoring each occurrence. If walk a was exhaustive,
 *     every occurrence b meets nearer than a's hit has damaged context and
 *     so loses at least one edit of prefix or suffix; with that bound walk
 *     b normally stops at once.
 * Quotes shorter than a gram are walked over every place, nearest-first.
 * Cost per annotation: O(quote + occurrences visited), independent of how
 * many other annotations there are. Caps (MAX_EXACT_WORK code points
 * compared, MAX_EXACT_CANDIDATES occurrences scored) keep a pathologically
 * repetitive text from stalling anchoring: beyond them only the nearest
 * occurrences are judged.
 *
 * Step 3 never scans the whole text. Candidate regions come from (a) the
 * old place and (b) a vote: the 32 rarest grams of prefix + quote + suffix
 * each vote with their (up to 128) occurrences nearest the old place for
 * where the quote would start, and the 8 busiest windows of votes win. In
 * ordinary text that is every occurrence; in repetitive text the search
 * narrows to a neighbourhood rather than failing or slowing down. Context
 * grams matter: a short quote whose every gram was hit by a typo is still
 * found by its unchanged neighbours. Each region is checked with Myers'
 * bit-parallel approximate matcher (Hyyrö's blocked form for quotes over
 * 64 code points), which gives the fewest edits for every end position in
 * O(region × ⌈quote/64⌉); a reversed pass from each good end position
 * finds its start, and the prefix picks among near-equal starts. So a
 * 2,000-code-point quote on a 5 MB text costs a few regions of ~3,000 code
 * points × 32 words (~5 ms), not 5 M × 32. The price: a match none of
 * whose voting grams survived, far from its old place, is not found; it is
 * orphaned, and the user sees it.
 *
 * A match is accepted only when the quote has at most min(256, |quote|/2)
 * edits (similarity ≥ 0.5, the bound from the design notes) AND prefix +
 * quote + suffix together are at least 60 % similar. The second rule is
 * what rejects chance matches: "Reuters" is two edits from "Routers", but
 * their contexts differ. A 30-code-point quote with a typo fixed and its
 * context intact scores 99 %, with a third of it rewritten 89 %; chance
 * matches of spans from a deleted line of the test article score 20–50 %.
 *
 * Approximate matches are widened so that they do not cut a grapheme
 * cluster (combining marks, ZWJ sequences, skin tones, flags, CRLF) unless
 * the quote itself begins or ends inside one.
 *
 * Threads: a GlossAnchorText may be shared by threads calling
 * gloss_anchor_locate(); the index is built once under g_once.
 */

#include "gloss-anchor-private.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* One call's working state and scoring                                 */

static void
locator_clear (Locator *loc)
{
  g_clear_pointer (&loc->quote, g_free);
  g_clear_pointer (&loc->prefix_buf, g_free);
  g_clear_pointer (&loc->suffix_buf, g_free);
  g_clear_pointer (&loc->context, g_free);
  _gloss_anchor_pattern_clear (&loc->prefix_pat);
  _gloss_anchor_pattern_clear (&loc->suffix_pat);
}

/* Edits between the stored prefix and the text ending at @start. */
guint
_gloss_anchor_prefix_edits (Locator *loc,
                            gsize    start)
{
  gsize from;

  if (loc->plen == 0)
    return 0;
  if (start >= loc->plen &&
      memcmp (loc->t + start - loc->plen, loc->prefix, loc->plen * sizeof (gunichar)) == 0)
    return 0;

  /* A text longer than twice the prefix can't align better than none. */
  from = start > 2 * loc->plen ? start - 2 * loc->plen : 0;
  if (loc->prefix_pat.len == 0)
    _gloss_anchor_pattern_init (&loc->prefix_pat, loc->prefix, loc->plen, FALSE);

  return MIN (loc->plen, _gloss_anchor_myers_scan (&loc->prefix_pat, loc->t, from, 1, start - from, FALSE, NULL));
}

/* Edits between the stored suffix and the text starting at @end. */
guint
_gloss_anchor_suffix_edits (Locator *loc,
                            gsize    end)
{
  guint scores[2 * MAX_CONTEXT];
  gsize to;
  guint best;

  if (loc->slen == 0)
    return 0;
  if (end + loc->slen <= loc->n &&
      memcmp (loc->t + end, loc->suffix, loc->slen * sizeof (gunichar)) == 0)
    return 0;

  to = MIN (loc->n, end + 2 * loc->slen);
  if (loc->suffix_pat.len == 0)
    _gloss_anchor_pattern_init (&loc->suffix_pat, loc->suffix, loc->slen, FALSE);

  /* Global from @end, free at the far side: the best of all lengths. */
  _gloss_anchor_myers_scan (&loc->suffix_pat, loc->t, end, 1, to - end, TRUE, scores);
  best = loc->slen;
  for (gsize j = 0; j < to - end; j++)
    best = MIN (best, scores[j]);

  return best;
}

/* ------------------------------------------------------------------ */
/* Step 1                                                               */

static gboolean
quote_is_at (GlossAnchorText *text,
             gsize            start,
             gsize            end,
             const char      *quote)
{
  const char *p = quote;
  const char *quote_end = quote + strlen (quote);
  gsize i = start;

  if (start >= end || end > text->len)
    return FALSE;

  while (p < quote_end)
    {
      if (i >= end || text->chars[i] != decode_next (&p, quote_end))
        return FALSE;
      i++;
    }

  return i == end;
}

/* ------------------------------------------------------------------ */
/* Step 2                                                               */

/* The nearest place where prefix, quote and suffix all reappear intact.
 * Among such places nearness alone decides, so the first found wins.
 * Sets @complete when the search was exhaustive. */
static void
exact_with_context (Locator   *loc,
                    Candidate *best,
                    guint64   *work,
                    gboolean  *complete)
{
  Walk w;
  gsize start, dist;

  *complete = FALSE;
  if (loc->plen + loc->slen == 0 || loc->clen < GRAM)
    return;

  _gloss_anchor_walk_init_rarest (&w, _gloss_anchor_text_get_index (loc->text), loc->context, loc->clen,
                                  (gint64) loc->old - (gint64) loc->plen);
  while (_gloss_anchor_walk_next (&w, &start, &dist))
    {
      if (*work >= MAX_EXACT_WORK)
        return;
      *work += loc->clen;

      if (start + loc->clen <= loc->n &&
          memcmp (loc->t + start, loc->context, loc->clen * sizeof (gunichar)) == 0)
        {
          candidate_offer (best, start + loc->plen, start + loc->plen + loc->m, dist,
                           score_parts (loc, 1, 1, 1, dist));
          break;
        }
    }

  *complete = TRUE;
}

/* Returns FALSE once the walk may stop: nothing @dist or farther away can
 * beat @best. @loss is what every remaining candidate is known to lose
 * (on the 92-point scale) to imperfect context. */
static inline gboolean
exact_worth_visiting (Locator   *loc,
                      Candidate *best,
                      gsize      dist,
                      double     loss)
{
  double bound;

  if (!best->found)
    return TRUE;

  bound = score_parts (loc, 1, 1, 1, dist) - loss / 92;
  return bound > best->score || (bound == best->score && dist <= best->distance);
}

/* Scores the quote's occurrence at @start, if it is one; returns whether. */
static gboolean
exact_consider (Locator   *loc,
                Candidate *best,
                gsize      start,
                gsize      dist,
                guint64   *work)
{
  *work += loc->m;
  if (start + loc->m > loc->n ||
      memcmp (loc->t + start, loc->quote, loc->m * sizeof (gunichar)) != 0)
    return FALSE;

  candidate_offer (best, start, start + loc->m, dist,
                   score_parts (loc, 1,
                                similarity (_gloss_anchor_prefix_edits (loc, start), loc->plen),
                                similarity (_gloss_anchor_suffix_edits (loc, start + loc->m), loc->slen),
                                dist));
  return TRUE;
}

static gboolean
exact_search (Locator   *loc,
              Candidate *best)
{
  guint64 work = 0;
  guint n_scored = 0;
  gboolean no_better_perfect;
  double loss = 0;
  gsize start, dist;
  Walk w;

  if (loc->m > loc->n)
    return FALSE;

  /* First the common case, cheaply: the quote with its context intact. */
  exact_with_context (loc, best, &work, &no_better_perfect);

  /* Then every occurrence of the quote alone. If the first search was
   * exhaustive, none of these has intact context (or it is farther than
   * the one found), so each loses at least one edit's worth of prefix or
   * suffix — which usually ends this walk at once. */
  if (no_better_perfect)
    loss = 20.0 / MAX (loc->plen, loc->slen);

  if (loc->m >= GRAM)
    _gloss_anchor_walk_init_rarest (&w, _gloss_anchor_text_get_index (loc->text), loc->quote, loc->m, loc->old);
  else
    _gloss_anchor_walk_init (&w, NULL, loc->n - loc->m + 1, 0, loc->old);

  while (_gloss_anchor_walk_next (&w, &start, &dist) &&
         work < MAX_EXACT_WORK &&
         n_scored < MAX_EXACT_CANDIDATES &&
         exact_worth_visiting (loc, best, dist, loss))
    {
      if (exact_consider (loc, best, start, dist, &work))
        n_scored++;
    }

  return best->found;
}

/* ------------------------------------------------------------------ */
/* The four steps                                                       */

static gunichar *
decode_string (const char *s,
               gsize      *n_out)
{
  if (s == NULL)
    s = "";
  return _gloss_anchor_decode (s, strlen (s), n_out);
}

static void
set_outputs (GlossOffset *out_start,
             GlossOffset *out_end,
             gsize        start,
             gsize        end)
{
  if (out_start != NULL)
    *out_start = start;
  if (out_end != NULL)
    *out_end = end;
}

GlossAnchorState
gloss_anchor_locate (GlossAnchorText           *text,
                     const GlossAnchorSelector *selector,
                     GlossOffset               *out_start,
                     GlossOffset               *out_end)
{
  const char *quote;
  gsize start, end;

  g_return_val_if_fail (text != NULL, GLOSS_ANCHOR_ORPHANED);
  g_return_val_if_fail (selector != NULL, GLOSS_ANCHOR_ORPHANED);

  quote = selector->quote != NULL ? selector->quote : "";

  /* 1. */
  if (quote_is_at (text, selector->start, selector->end, quote))
    {
      set_outputs (out_start, out_end, selector->start, selector->end);
      return GLOSS_ANCHOR_ANCHORED;
    }

  /* 2. and 3. — an empty quote can't be looked for. */
  if (*quote != '\0')
    {
      Locator loc = { 0, };
      Candidate best = { 0, };
      gsize len;

      loc.text = text;
      loc.t = text->chars;
      loc.n = text->len;
      loc.old = MIN ((gsize) selector->start, text->len);
      loc.quote = decode_string (quote, &loc.m);

      loc.prefix_buf = decode_string (selector->prefix, &len);
      loc.plen = MIN (len, MAX_CONTEXT);
      loc.prefix = loc.prefix_buf + (len - loc.plen);

      loc.suffix_buf = decode_string (selector->suffix, &len);
      loc.slen = MIN (len, MAX_CONTEXT);
      loc.suffix = loc.suffix_buf;

      loc.clen = loc.plen + loc.m + loc.slen;
      loc.context = g_new (gunichar, loc.clen);
      memcpy (loc.context, loc.prefix, loc.plen * sizeof (gunichar));
      memcpy (loc.context + loc.plen, loc.quote, loc.m * sizeof (gunichar));
      memcpy (loc.context + loc.plen + loc.m, loc.suffix, loc.slen * sizeof (gunichar));

      if (exact_search (&loc, &best) || _gloss_anchor_approximate_search (&loc, &best))
        {
          set_outputs (out_start, out_end, best.start, best.end);
          locator_clear (&loc);
          return GLOSS_ANCHOR_MOVED;
        }

      locator_clear (&loc);
    }

  /* 4. Keep the old place, clamped, and never empty in a non-empty text. */
  start = MIN ((gsize) selector->start, text->len);
  end = CLAMP ((gsize) selector->end, start, text->len);
  if (start == end && text->len > 0)
    {
      if (end < text->len)
        end++;
      else
        start--;
    }

  set_outputs (out_start, out_end, start, end);
  return GLOSS_ANCHOR_ORPHANED;
}
