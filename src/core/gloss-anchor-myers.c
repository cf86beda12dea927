/* gloss-anchor-myers.c — Myers' bit-parallel edit distance over code points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hyyrö's blocked form, so that patterns over 64 code points work too.
 */

#include "gloss-anchor-private.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* Myers' bit-parallel edit distance                                    */


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

void
_gloss_anchor_pattern_init (Pattern        *pat,
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

void
_gloss_anchor_pattern_clear (Pattern *pat)
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
guint
_gloss_anchor_myers_scan (Pattern        *pat,
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
