/* gloss-offset-table.c — code points to bytes and UTF-16 units, and back
 * (gloss-offset-table.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-offset-table.h"
#include "gloss-utf8-private.h"
#include "gloss-utf8.h"

#define CHECKPOINT_SHIFT    8
#define CHECKPOINT_INTERVAL (1u << CHECKPOINT_SHIFT)

struct _GlossOffsetTable
{
  const char  *text;
  gsize        size;
  GlossOffset  length;
  GArray      *bytes;   /* gsize: where character i × INTERVAL starts */
  GArray      *utf16;   /* gsize: its UTF-16 offset */
};

GlossOffsetTable *
gloss_offset_table_new (const char  *text,
                        gsize        size,
                        GlossOffset  length)
{
  GlossOffsetTable *self = g_new0 (GlossOffsetTable, 1);
  const char *p = text;
  const char *end = text + size;
  gsize utf16 = 0;
  guint count = 0;   /* characters started before @p */

  self->text = text;
  self->size = size;
  self->length = length;
  self->bytes = g_array_sized_new (FALSE, FALSE, sizeof (gsize), (length >> CHECKPOINT_SHIFT) + 1);
  self->utf16 = g_array_sized_new (FALSE, FALSE, sizeof (gsize), (length >> CHECKPOINT_SHIFT) + 1);

  while (p < end)
    {
      guint in_interval = count & (CHECKPOINT_INTERVAL - 1);

      /* A whole word when no checkpoint falls inside it: the characters it
       * starts are numbered count … count + k - 1, none a multiple of the
       * interval. */
      if (in_interval != 0 && end - p >= 8)
        {
          guint64 word = gloss_utf8_load_word (p);
          guint k = gloss_utf8_count_leads (word);

          if (in_interval + k <= CHECKPOINT_INTERVAL)
            {
              count += k;
              utf16 += k + gloss_utf8_count_four_byte_leads (word);
              p += 8;
              continue;
            }
        }

      if (((guchar) *p & 0xC0) != 0x80)
        {
          if (in_interval == 0)
            {
              gsize byte = (gsize) (p - text);

              g_array_append_val (self->bytes, byte);
              g_array_append_val (self->utf16, utf16);
            }
          count++;
          utf16 += ((guchar) *p >= 0xF0) ? 2 : 1;
        }
      p++;
    }

  /* A text of a whole number of intervals has a checkpoint at its end. */
  if ((count & (CHECKPOINT_INTERVAL - 1)) == 0)
    {
      g_array_append_val (self->bytes, size);
      g_array_append_val (self->utf16, utf16);
    }

  return self;
}

void
gloss_offset_table_free (GlossOffsetTable *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->bytes);
  g_array_unref (self->utf16);
  g_free (self);
}

gsize
gloss_offset_table_to_byte (const GlossOffsetTable *self,
                            GlossOffset             offset)
{
  const char *p;

  if (offset >= self->length)
    return self->size;

  p = self->text + g_array_index (self->bytes, gsize, offset >> CHECKPOINT_SHIFT);
  p = gloss_utf8_skip (p, self->text + self->size, offset & (CHECKPOINT_INTERVAL - 1));

  return (gsize) (p - self->text);
}

gsize
gloss_offset_table_to_utf16 (const GlossOffsetTable *self,
                             GlossOffset             offset)
{
  const char *p, *q;
  gsize utf16;
  guint index, n;

  offset = MIN (offset, self->length);
  index = offset >> CHECKPOINT_SHIFT;
  n = offset & (CHECKPOINT_INTERVAL - 1);
  p = self->text + g_array_index (self->bytes, gsize, index);
  utf16 = g_array_index (self->utf16, gsize, index) + n;
  q = gloss_utf8_skip (p, self->text + self->size, n);
  for (; p < q; p++)
    utf16 += (guchar) *p >= 0xF0;

  return utf16;
}

GlossOffset
gloss_offset_table_from_byte (const GlossOffsetTable *self,
                              gsize                   byte)
{
  const gsize *checkpoints = (const gsize *) (gpointer) self->bytes->data;
  guint low = 0, high = self->bytes->len;
  GlossOffset offset;
  const char *p, *target;

  if (byte >= self->size)
    return self->length;

  /* The last checkpoint at or before @byte. */
  while (high - low > 1)
    {
      guint mid = low + (high - low) / 2;

      if (checkpoints[mid] <= byte)
        low = mid;
      else
        high = mid;
    }

  offset = low << CHECKPOINT_SHIFT;
  p = self->text + checkpoints[low];
  target = self->text + byte;
  while (p < target)
    {
      p = g_utf8_next_char (p);
      if (p > target)
        break;  /* @byte is inside a character: count it as that character */
      offset++;
    }

  return offset;
}
