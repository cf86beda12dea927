/* gloss-anchor-grams.c — the anchoring text as code points, its gram index, and walks over it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every 4-code-point gram of the text, bucketed by hash, each bucket's
 * positions ascending: built the first time an annotation needs it (see
 * gloss-anchor.c for why step 2 and 3 need it at all).
 */

#include "gloss-anchor-private.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* Decoding                                                             */

gunichar *
_gloss_anchor_decode (const char *utf8,
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
  self->chars = _gloss_anchor_decode (utf8, length, &self->len);
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

const AnchorIndex *
_gloss_anchor_text_get_index (GlossAnchorText *self)
{
  if (g_once_init_enter (&self->index))
    g_once_init_leave (&self->index, anchor_index_build (self->chars, self->len));

  return self->index;
}

/* ------------------------------------------------------------------ */
/* Walks over a pattern's possible starts                              */

static inline gint64
walk_value (const Walk *w,
            gsize       i)
{
  return w->positions != NULL ? w->positions[i] : (gint64) i;
}

void
_gloss_anchor_walk_init (Walk          *w,
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
gboolean
_gloss_anchor_walk_next (Walk  *w,
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
void
_gloss_anchor_walk_init_rarest (Walk              *w,
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

  _gloss_anchor_walk_init (w, positions, count, offset, expected_start + (gint64) offset);
}
