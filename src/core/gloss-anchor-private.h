/* gloss-anchor-private.h — what the gram index, the Myers matcher and the four steps share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gloss-anchor-grams.c decodes the text and indexes its grams;
 * gloss-anchor-myers.c is the bit-parallel edit distance;
 * gloss-anchor-approximate.c is step 3; gloss-anchor.c scores candidates
 * and runs the four steps. The small helpers below are inline because the
 * searches call them once per candidate.
 */
#pragma once

#include "gloss-anchor.h"

G_BEGIN_DECLS

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

/* ------------------------------------------------------------------ */
/* The text and its gram index (gloss-anchor-grams.c)                   */

/* @length bytes of possibly invalid UTF-8 as 0-terminated code points. */
gunichar          *_gloss_anchor_decode            (const char        *utf8,
                                                    gsize              length,
                                                    gsize             *n_out);
/* The index, built on the first call (thread-safe). */
const AnchorIndex *_gloss_anchor_text_get_index    (GlossAnchorText   *self);
/* Visits @count places (@positions, or every place 0 .. count − 1 when
 * NULL) nearest-first to @target; @offset is the gram's in the pattern. */
void               _gloss_anchor_walk_init         (Walk              *w,
                                                    const guint32     *positions,
                                                    gsize              count,
                                                    gsize              offset,
                                                    gint64             target);
/* Walks the occurrences of @pattern's rarest gram. */
void               _gloss_anchor_walk_init_rarest  (Walk              *w,
                                                    const AnchorIndex *index,
                                                    const gunichar    *pattern,
                                                    gsize              len,
                                                    gint64             expected_start);
gboolean           _gloss_anchor_walk_next         (Walk              *w,
                                                    gsize             *start,
                                                    gsize             *dist);

/* ------------------------------------------------------------------ */
/* Myers' bit-parallel edit distance (gloss-anchor-myers.c)             */

/* @reversed: the pattern read backwards, for scans with @step −1. */
void               _gloss_anchor_pattern_init      (Pattern           *pat,
                                                    const gunichar    *chars,
                                                    gsize              len,
                                                    gboolean           reversed);
void               _gloss_anchor_pattern_clear     (Pattern           *pat);
guint              _gloss_anchor_myers_scan        (Pattern           *pat,
                                                    const gunichar    *text,
                                                    gssize             first,
                                                    int                step,
                                                    gsize              n_steps,
                                                    gboolean           global,
                                                    guint             *scores);

/* ------------------------------------------------------------------ */
/* Scoring (gloss-anchor.c) and step 3 (gloss-anchor-approximate.c)     */

guint              _gloss_anchor_prefix_edits      (Locator           *loc,
                                                    gsize              start);
guint              _gloss_anchor_suffix_edits      (Locator           *loc,
                                                    gsize              end);
gboolean           _gloss_anchor_approximate_search (Locator          *loc,
                                                     Candidate        *best);

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

static inline void
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

G_END_DECLS
