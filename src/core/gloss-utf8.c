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
