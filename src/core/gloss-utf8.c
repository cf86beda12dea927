/* gloss-utf8.c — counting code points in valid UTF-8 (gloss-utf8.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-utf8-private.h"
#include "gloss-utf8.h"

GlossOffset
gloss_utf8_count (const char *text,
                  gsize       size)
{
  const char *p = text;
  const char *end = text + size;
  gsize n = 0;

  for (; end - p >= 8; p += 8)
    n += gloss_utf8_count_leads (gloss_utf8_load_word (p));
  for (; p < end; p++)
    n += ((guchar) *p & 0xC0) != 0x80;

  return (GlossOffset) n;
}

const char *
gloss_utf8_skip (const char *p,
                 const char *end,
                 guint       n)
{
  guint seen = 0;

  /* A word whose character starts all come before the n-th goes whole. */
  while (end - p >= 8)
    {
      guint k = gloss_utf8_count_leads (gloss_utf8_load_word (p));

      if (seen + k > n)
        break;
      seen += k;
      p += 8;
    }

  for (; p < end; p++)
    {
      if (((guchar) *p & 0xC0) != 0x80)
        {
          if (seen == n)
            return p;
          seen++;
        }
    }

  return end;
}

void
gloss_utf8_line_column (const char *data,
                        gsize       offset,
                        guint      *line,
                        guint      *column)
{
  const char *line_start = data;
  const char *end = data + offset;

  *line = 1;
  for (const char *p = data; p < end; p++)
    if (*p == '\n')
      {
        (*line)++;
        line_start = p + 1;
      }

  *column = 1 + gloss_utf8_count (line_start, (gsize) (end - line_start));
}

/* g_utf8_validate_len (), with the same answer, but ASCII without NULs
 * (most of a project file) is passed over eight bytes at a time and only
 * the stretches around other bytes go to GLib. A stretch ends before an
 * ASCII byte, which no valid sequence contains, so cutting there changes
 * neither the verdict nor where the first bad byte is. */
gboolean
gloss_utf8_validate (const char  *data,
                     gsize        size,
                     const char **end)
{
  gsize i = 0;

  while (i < size)
    {
      gsize stretch_end;

      while (size - i >= 8)
        {
          guint64 word = gloss_utf8_load_word (data + i);

          if ((word & GLOSS_UTF8_HIGHS) != 0 || ((word - GLOSS_UTF8_ONES) & ~word & GLOSS_UTF8_HIGHS) != 0)
            break;
          i += 8;
        }

      /* From here to the first ASCII byte at least 16 bytes on. */
      stretch_end = MIN (size, i + 16);
      while (stretch_end < size && ((guchar) data[stretch_end] & 0x80) != 0)
        stretch_end++;

      if (!g_utf8_validate_len (data + i, stretch_end - i, end))
        return FALSE;
      i = stretch_end;
    }

  *end = data + size;
  return TRUE;
}
