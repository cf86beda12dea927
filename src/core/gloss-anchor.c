/* gloss-anchor.c — finding an annotation's place again in changed text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The four steps are listed in gloss-anchor.h. What this file adds is how
 * each step stays cheap, and how candidates are judged.
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

#include "gloss-anchor.h"

#include <string.h>

#define GRAM                  4      /* code points per index gram */
#define MAX_CONTEXT           64     /* code points of prefix/suffix used */
#define MAX_APPROX_ERRORS     256
#define MIN_TOTAL_SIMILARITY  0.6    /* prefix + quote + suffix, step 3 */
#define VOTE_GRAMS            32     /* grams that vote for regions */
#define VOTES_PER_GRAM        128    /* occurrences nearest the old place */
#define VOTE_REGIONS          8
#define REGION_SLACK          16
#define PLATEAUS_PER_REGION   4
#define START_SLACK           3      /* edits over the best start still tried */
#define MAX_START_TRIALS      32
#define MAX_EXACT_WORK        (G_GUINT64_CONSTANT (1) << 26)  /* code points compared */
#define MAX_EXACT_CANDIDATES  4096   /* occurrences scored, nearest first */
#define ZWJ                   0x200D
#define NO_KEY                G_MAXUINT32

typedef struct {
  guint    bits;       /* the table has 1 << bits buckets; 0: no grams */
  guint32 *starts;     /* bucket b holds positions[starts[b] .. starts[b + 1]) */
  guint32 *positions;  /* gram start positions, ascending within a bucket */
} AnchorIndex;

struct _GlossAnchorText {
  gunichar    *chars;
  gsize        len;
  AnchorIndex *index;  /* built on first need */
};

/* ------------------------------------------------------------------ */
/* Decoding                                                             */

/* One code point of possibly invalid UTF-8. The importers only let valid
 * text through, but a damaged project file must not crash anchoring: a bad
 * byte decodes as U+FFFD and a NUL byte as U+0000, one byte each. */
static inline gunichar
decode_next (const char **p,
             const char  *end)
{
  const char *s = *p;
  gunichar c;

  if (*s == '\0')
    {
      *p = s + 1;
      return 0;
    }

  c = g_utf8_get_char_validated (s, end - s);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *p = s + 1;
      return 0xFFFD;
    }

  *p = g_utf8_next_char (s);
  return c;
}

static gunichar *
decode (const char *utf8,
        gsize       length,
        gsize      *n_out)
{
  const char *p = utf8;
  const char *end = utf8 + length;
  gunichar *chars;
  gsize n = 0;

  if (g_utf8_validate_len (utf8, length, NULL))
    {
      glong n_chars = 0;

      chars = g_utf8_to_ucs4_fast (utf8, length, &n_chars);
      *n_out = n_chars;
      return chars;
    }

  /* Never more code points than bytes. */
  chars = g_new (gunichar, length + 1);
  while (p < end)
    chars[n++] = decode_next (&p, end);
  chars[n] = 0;
  *n_out = n;
  return chars;
}

/* ------------------------------------------------------------------ */
/* The text and its gram index                                          */

GlossAnchorText *
gloss_anchor_text_new (const char *utf8,
                       gssize      length)
{
  GlossAnchorText *self;

  g_return_val_if_fail (utf8 != NULL || length <= 0, NULL);

  if (utf8 == NULL)
    utf8 = "";
  if (length < 0)
    length = strlen (utf8);

  self = g_new0 (GlossAnchorText, 1);
  self->chars = decode (utf8, length, &self->len);
  return self;
}

static void
anchor_index_free (AnchorIndex *index)
{
  g_free (index->starts);
  g_free (index->positions);
  g_free (index);
}

void
gloss_anchor_text_free (GlossAnchorText *text)
{
  if (text == NULL)
    return;

  g_clear_pointer (&text->index, anchor_index_free);
  g_free (text->chars);
  g_free (text);
}

static inline guint32
gram_bucket (const gunichar *gram,
             guint           bits)
{
  /* Three 21-bit code points fill 63 bits; the fourth is mixed in. */
  guint64 x = (guint64) gram[0] | ((guint64) gram[1] << 21) | ((guint64) gram[2] << 42);

  x ^= (guint64) gram[3] * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  x *= G_GUINT64_CONSTANT (0xFF51AFD7ED558CCD);
  x ^= x >> 29;
  return (guint32) (x >> (64 - bits));
}

static AnchorIndex *
anchor_index_build (const gunichar *chars,
                    gsize           len)
{
  AnchorIndex *index = g_new0 (AnchorIndex, 1);
  gsize n_grams;
  gsize n_buckets;
  gsize total = 0;

  if (len < GRAM)
    {
      index->starts = g_new0 (guint32, 2);
      return index;
    }

  n_grams = len - GRAM + 1;
  /* About two grams per bucket: a collision only costs one failed check. */
  index->bits = 4;
  while (index->bits < 24 && ((gsize) 1 << (index->bits + 1)) <= n_grams)
    index->bits++;
  n_buckets = (gsize) 1 << index->bits;

  index->starts = g_new0 (guint32, n_buckets + 1);
  index->positions = g_new (guint32, n_grams);

  for (gsize i = 0; i < n_grams; i++)
    index->starts[gram_bucket (chars + i, index->bits)]++;

  /* Turn counts into bucket ends, then fill each bucket from its end
   * backwards with descending positions: afterwards starts[b] is the
   * bucket's beginning and its positions ascend. */
  for (gsize b = 0; b < n_buckets; b++)
    {
      total += index->starts[b];
      index->starts[b] = total;
    }
  index->starts[n_buckets] = total;

  for (gsize i = n_grams; i-- > 0;)
    index->positions[--index->starts[gram_bucket (chars + i, index->bits)]] = i;

  return index;
}

static const AnchorIndex *
anchor_text_get_index (GlossAnchorText *self)
{
  if (g_once_init_enter (&self->index))
    g_once_init_leave (&self->index, anchor_index_build (self->chars, self->len));

  return self->index;
}

static inline gsize
index_bucket (const AnchorIndex  *index,
              const gunichar     *gram,
              const guint32     **positions)
{
  guint32 b;

  if (index->bits == 0)
    {
      *positions = NULL;
      return 0;
    }

  b = gram_bucket (gram, index->bits);
  *positions = index->positions + index->starts[b];
  return index->starts[b + 1] - index->starts[b];
}

/* ------------------------------------------------------------------ */
/* Myers' bit-parallel edit distance                                    */

/* A pattern prepared for Myers' algorithm: for each distinct code point a
 * bit vector of the rows where it occurs, one 64-bit word per block of 64
 * rows. */
typedef struct {
  gsize     len;
  guint     n_blocks;
  guint64   last_bit;   /* the row of the last code point in its block */
  guint64  *peq;        /* (n_symbols + 1) × n_blocks; symbol 0 matches nothing */
  guint32   ascii[128]; /* symbol of each ASCII code point */
  gunichar *keys;       /* open addressing for the rest */
  guint32  *symbols;
  guint     table_bits;
  guint64  *pv;         /* working state, n_blocks each */
  guint64  *mv;
} Pattern;

static inline guint32
pattern_slot (const Pattern *pat,
              gunichar       c)
{
  return ((guint32) c * 2654435761u) >> (32 - pat->table_bits);
}

static inline guint32
pattern_symbol (const Pattern *pat,
                gunichar       c)
{
  guint32 mask;
  guint32 h;

  if (c < 128)
    return pat->ascii[c];

  mask = (1u << pat->table_bits) - 1;
  for (h = pattern_slot (pat, c); pat->keys[h] != NO_KEY; h = (h + 1) & mask)
    if (pat->keys[h] == c)
      return pat->symbols[h];

  return 0;
}

static void
pattern_init (Pattern        *pat,
              const gunichar *chars,
              gsize           len,
              gboolean        reversed)
{
  gsize n_wide = 0;
  guint32 n_symbols = 0;
  gsize table_size;

  g_assert (len > 0);

  memset (pat, 0, sizeof *pat);
  pat->len = len;
  pat->n_blocks = (len + 63) / 64;
  pat->last_bit = G_GUINT64_CONSTANT (1) << ((len - 1) % 64);

  for (gsize i = 0; i < len; i++)
    if (chars[i] >= 128)
      n_wide++;

  pat->table_bits = 3;
  while (((gsize) 1 << pat->table_bits) < 2 * n_wide)
    pat->table_bits++;
  table_size = (gsize) 1 << pat->table_bits;
  pat->keys = g_new (gunichar, table_size);
  pat->symbols = g_new0 (guint32, table_size);
  memset (pat->keys, 0xff, table_size * sizeof (gunichar));

  for (gsize i = 0; i < len; i++)
    {
      gunichar c = chars[i];
      guint32 h;

      if (pattern_symbol (pat, c) != 0)
        continue;

      n_symbols++;
      if (c < 128)
        {
          pat->ascii[c] = n_symbols;
          continue;
        }

      for (h = pattern_slot (pat, c); pat->keys[h] != NO_KEY; h = (h + 1) & (table_size - 1))
        ;
      pat->keys[h] = c;
      pat->symbols[h] = n_symbols;
    }

  pat->peq = g_new0 (guint64, (gsize) (n_symbols + 1) * pat->n_blocks);
  for (gsize row = 0; row < len; row++)
    {
      gunichar c = reversed ? chars[len - 1 - row] : chars[row];
      guint32 symbol = pattern_symbol (pat, c);

      pat->peq[(gsize) symbol * pat->n_blocks + row / 64] |= G_GUINT64_CONSTANT (1) << (row % 64);
    }

  pat->pv = g_new (guint64, pat->n_blocks);
  pat->mv = g_new (guint64, pat->n_blocks);
}

static void
pattern_clear (Pattern *pat)
{
  g_clear_pointer (&pat->peq, g_free);
  g_clear_pointer (&pat->keys, g_free);
  g_clear_pointer (&pat->symbols, g_free);
  g_clear_pointer (&pat->pv, g_free);
  g_clear_pointer (&pat->mv, g_free);
  pat->len = 0;
}

/* One column of one 64-row block (Hyyrö's formulation). @hin is the score
 * change entering the block's top row from the block above; the result is
 * the change leaving its @out_bit row. */
static inline int
myers_block (guint64 *pv_io,
             guint64 *mv_io,
             guint64  eq,
             int      hin,
             guint64  out_bit)
{
  guint64 pv = *pv_io;
  guint64 mv = *mv_io;
  guint64 hin_negative = hin < 0 ? 1 : 0;
  guint64 xv = eq | mv;
  guint64 xh;
  guint64 ph;
  guint64 mh;
  int hout = 0;

  eq |= hin_negative;
  xh = (((eq & pv) + pv) ^ pv) | eq;
  ph = mv | ~(xh | pv);
  mh = pv & xh;
  if (ph & out_bit)
    hout = 1;
  else if (mh & out_bit)
    hout = -1;
  ph <<= 1;
  mh <<= 1;
  mh |= hin_negative;
  if (hin > 0)
    ph |= 1;
  *pv_io = mh | ~(xv | ph);
  *mv_io = ph & xv;
  return hout;
}

/* Runs @pat along @n_steps code points of @text, from @first moving by
 * @step (+1 or −1). Semi-global (@global FALSE): after each step, the
 * fewest edits that turn the pattern into some text ending there. Global:
 * into exactly the text walked so far. Each score goes to @scores (may be
 * NULL); returns the last (the pattern's length when @n_steps is 0). */
static guint
myers_scan (Pattern        *pat,
            const gunichar *text,
            gssize          first,
            int             step,
            gsize           n_steps,
            gboolean        global,
            guint          *scores)
{
  guint nb = pat->n_blocks;
  gssize score = pat->len;
  const gunichar *p = text + first;

  for (guint b = 0; b < nb; b++)
    {
      pat->pv[b] = G_MAXUINT64;
      pat->mv[b] = 0;
    }

  for (gsize j = 0; j < n_steps; j++, p += step)
    {
      const guint64 *eq = pat->peq + (gsize) pattern_symbol (pat, *p) * nb;
      int h = global ? 1 : 0;
      guint b;

      for (b = 0; b + 1 < nb; b++)
        h = myers_block (&pat->pv[b], &pat->mv[b], eq[b], h, G_GUINT64_CONSTANT (1) << 63);
      h = myers_block (&pat->pv[b], &pat->mv[b], eq[b], h, pat->last_bit);

      score += h;
      if (scores != NULL)
        scores[j] = score;
    }

  return score;
}

/* ------------------------------------------------------------------ */
/* One call's working state and scoring                                 */

typedef struct {
  gboolean found;
  gsize    start;
  gsize    end;
  gsize    distance;  /* |start − old start| */
  double   score;
} Candidate;

typedef struct {
  GlossAnchorText *text;
  const gunichar  *t;
  gsize            n;
  gsize            old;        /* the old start, clamped into the text */

  gunichar        *quote;
  gsize            m;
  gunichar        *prefix_buf;
  const gunichar  *prefix;     /* the last MAX_CONTEXT code points */
  gsize            plen;
  gunichar        *suffix_buf;
  const gunichar  *suffix;     /* the first MAX_CONTEXT code points */
  gsize            slen;
  gunichar        *context;    /* prefix + quote + suffix */
  gsize            clen;

  Pattern          prefix_pat; /* built on first need */
  Pattern          suffix_pat;
} Locator;

static void
locator_clear (Locator *loc)
{
  g_clear_pointer (&loc->quote, g_free);
  g_clear_pointer (&loc->prefix_buf, g_free);
  g_clear_pointer (&loc->suffix_buf, g_free);
  g_clear_pointer (&loc->context, g_free);
  pattern_clear (&loc->prefix_pat);
  pattern_clear (&loc->suffix_pat);
}

/* Edits between the stored prefix and the text ending at @start. */
static guint
prefix_edits (Locator *loc,
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
    pattern_init (&loc->prefix_pat, loc->prefix, loc->plen, FALSE);

  return MIN (loc->plen, myers_scan (&loc->prefix_pat, loc->t, from, 1, start - from, FALSE, NULL));
}

/* Edits between the stored suffix and the text starting at @end. */
static guint
suffix_edits (Locator *loc,
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
    pattern_init (&loc->suffix_pat, loc->suffix, loc->slen, FALSE);

  /* Global from @end, free at the far side: the best of all lengths. */
  myers_scan (&loc->suffix_pat, loc->t, end, 1, to - end, TRUE, scores);
  best = loc->slen;
  for (gsize j = 0; j < to - end; j++)
    best = MIN (best, scores[j]);

  return best;
}

static inline double
similarity (gsize edits,
            gsize length)
{
  return length > 0 ? 1.0 - (double) MIN (edits, length) / length : 1.0;
}

static inline gsize
distance (gsize a,
          gsize b)
{
  return a > b ? a - b : b - a;
}

/* The best score any candidate @dist away from the old start could get. */
static inline double
score_parts (Locator *loc,
             double   quote,
             double   prefix,
             double   suffix,
             gsize    dist)
{
  double position = loc->n > 0 ? 1.0 - (double) MIN (dist, loc->n) / loc->n : 1.0;

  return (50 * quote + 20 * prefix + 20 * suffix + 2 * position) / 92;
}

static void
candidate_offer (Candidate *best,
                 gsize      start,
                 gsize      end,
                 gsize      dist,
                 double     score)
{
  if (best->found)
    {
      if (score < best->score)
        return;
      if (score == best->score &&
          (dist > best->distance || (dist == best->distance && start >= best->start)))
        return;
    }

  best->found = TRUE;
  best->start = start;
  best->end = end;
  best->distance = dist;
  best->score = score;
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

/* Visits the places a pattern may start, nearest-first to where it would
 * start had nothing moved: the occurrences of one of its grams (from the
 * index), or, for patterns shorter than a gram, every place. */
typedef struct {
  const guint32 *positions;  /* NULL: every place 0 .. count − 1 */
  gsize          count;
  gsize          offset;     /* of the gram in the pattern */
  gint64         target;     /* where the gram would be now */
  gsize          left;       /* the next leftwards is left − 1 */
  gsize          right;
} Walk;

static inline gint64
walk_value (const Walk *w,
            gsize       i)
{
  return w->positions != NULL ? w->positions[i] : (gint64) i;
}

static void
walk_init (Walk          *w,
           const guint32 *positions,
           gsize          count,
           gsize          offset,
           gint64         target)
{
  gsize lo = 0;
  gsize hi = count;

  w->positions = positions;
  w->count = count;
  w->offset = offset;
  w->target = target;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (walk_value (w, mid) < target)
        lo = mid + 1;
      else
        hi = mid;
    }
  w->left = w->right = lo;
}

/* The next place the pattern may start, and how far that is from where it
 * was; ties go left, to the earlier place. */
static gboolean
walk_next (Walk  *w,
           gsize *start,
           gsize *dist)
{
  while (w->left > 0 || w->right < w->count)
    {
      gint64 v;

      if (w->right >= w->count ||
          (w->left > 0 && w->target - walk_value (w, w->left - 1) <= walk_value (w, w->right) - w->target))
        v = walk_value (w, --w->left);
      else
        v = walk_value (w, w->right++);

      if (v >= (gint64) w->offset)
        {
          *start = v - w->offset;
          *dist = v > w->target ? v - w->target : w->target - v;
          return TRUE;
        }
    }

  return FALSE;
}

/* Every occurrence of a pattern contains its rarest gram. */
static void
walk_init_rarest (Walk              *w,
                  const AnchorIndex *index,
                  const gunichar    *pattern,
                  gsize              len,
                  gint64             expected_start)
{
  const guint32 *positions = NULL;
  gsize count = G_MAXSIZE;
  gsize offset = 0;

  for (gsize j = 0; j + GRAM <= len && count > 0; j++)
    {
      const guint32 *p;
      gsize c = index_bucket (index, pattern + j, &p);

      if (c < count)
        {
          count = c;
          positions = p;
          offset = j;
        }
    }

  walk_init (w, positions, count, offset, expected_start + (gint64) offset);
}

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

  walk_init_rarest (&w, anchor_text_get_index (loc->text), loc->context, loc->clen,
                    (gint64) loc->old - (gint64) loc->plen);
  while (walk_next (&w, &start, &dist))
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
                                similarity (prefix_edits (loc, start), loc->plen),
                                similarity (suffix_edits (loc, start + loc->m), loc->slen),
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
    walk_init_rarest (&w, anchor_text_get_index (loc->text), loc->quote, loc->m, loc->old);
  else
    walk_init (&w, NULL, loc->n - loc->m + 1, 0, loc->old);

  while (walk_next (&w, &start, &dist) &&
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
  const AnchorIndex *index = anchor_text_get_index (loc->text);
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
      walk_init (&w, positions, count, 0, (gint64) loc->old + g->offset - (gint64) loc->plen);
      while (taken < VOTES_PER_GRAM && walk_next (&w, &pos, &dist))
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
  myers_scan (reversed_pat, loc->t, (gssize) end - 1, -1, longest, TRUE, scratch);
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
      s = 50 * similarity (e, loc->m) + 20 * similarity (prefix_edits (loc, end - l), loc->plen);
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

  pe = prefix_edits (loc, start);
  se = suffix_edits (loc, new_end);
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

static gboolean
approximate_search (Locator   *loc,
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

  pattern_init (&quote_pat, loc->quote, loc->m, FALSE);
  pattern_init (&reversed_pat, loc->quote, loc->m, TRUE);
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
      myers_scan (&quote_pat, loc->t, region.lo, 1, len, FALSE, scores);

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

  pattern_clear (&quote_pat);
  pattern_clear (&reversed_pat);
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
  return decode (s, strlen (s), n_out);
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

      if (exact_search (&loc, &best) || approximate_search (&loc, &best))
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
