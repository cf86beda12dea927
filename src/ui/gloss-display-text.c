/* gloss-display-text.c — breaking over-long lines for layout, offsets intact
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-display-text.h"

char *
gloss_display_text_break_long_lines (const char *text,
                                     guint       max_line)
{
  g_autofree char *copy = NULL;
  guint target = MAX (max_line / 2, 16);
  guint line_length = 0;      /* code points since the last break */
  char *last_space = NULL;    /* in the copy, since the last break */
  gboolean changed = FALSE;
  char *p;

  g_return_val_if_fail (text != NULL, NULL);

  /* Most articles have no long line: look before copying. */
  {
    const char *q = text;

    for (; *q != '\0'; q = g_utf8_next_char (q))
      {
        if (*q == '\n' || *q == '\r')
          line_length = 0;
        else if (++line_length > max_line)
          break;
      }
    if (*q == '\0')
      return NULL;
  }

  copy = g_strdup (text);
  line_length = 0;
  for (p = copy; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (*p == '\n' || *p == '\r')
        {
          line_length = 0;
          last_space = NULL;
          continue;
        }

      if (*p == ' ')
        last_space = p;

      if (++line_length >= target && last_space != NULL)
        {
          /* A space is one byte and one code point, as is the newline. */
          *last_space = '\n';
          line_length = (guint) g_utf8_strlen (last_space + 1, p - last_space);
          last_space = NULL;
          changed = TRUE;
        }
    }

  return changed ? g_steal_pointer (&copy) : NULL;
}

#define DOTTED_CIRCLE 0x25CC

char *
gloss_display_text_break_long_clusters (const char *text,
                                        guint       max_marks)
{
  GString *out = NULL;
  const char *copied = text;   /* text before this is in @out */
  guint run = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (max_marks > 0, NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      /* ASCII is never a mark: the common case costs one comparison. */
      if ((guchar) *p < 0x80 || !g_unichar_ismark (g_utf8_get_char (p)))
        {
          run = 0;
          continue;
        }
      if (++run <= max_marks)
        continue;

      /* The (max_marks + 1)-th mark of a run starts a new cluster. */
      if (out == NULL)
        out = g_string_sized_new (strlen (text) + 64);
      g_string_append_len (out, copied, p - copied);
      g_string_append_unichar (out, DOTTED_CIRCLE);
      copied = g_utf8_next_char (p);
      run = 0;
    }

  if (out == NULL)
    return NULL;
  g_string_append (out, copied);
  return g_string_free (out, FALSE);
}
