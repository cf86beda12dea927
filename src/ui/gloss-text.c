/* gloss-text.c — short, safe, searchable forms of the user's text for the panels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-text.h"

char *
gloss_text_one_line (const char *text,
                     guint       max_chars)
{
  GString *out;
  gboolean space = FALSE;
  guint n = 0;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (n >= max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      if (space)
        {
          g_string_append_c (out, ' ');
          n++;
          space = FALSE;
        }
      g_string_append_unichar (out, c);
      n++;
    }

  return g_string_free (out, FALSE);
}

char *
gloss_text_isolate (const char *text)
{
  /* U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE */
  return g_strconcat ("\xe2\x81\xa8", text != NULL ? text : "", "\xe2\x81\xa9", NULL);
}

char *
gloss_text_fold (const char *text)
{
  g_autofree char *normalized = NULL;

  if (text == NULL)
    return g_strdup ("");
  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  return g_utf8_casefold (normalized != NULL ? normalized : text, -1);
}

static gboolean
is_ascii (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p >= 0x80)
      return FALSE;
  return TRUE;
}

gboolean
gloss_text_contains (const char *haystack,
                     const char *folded_needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL || haystack[0] == '\0')
    return FALSE;

  /* Filtering 100,000 annotations per keystroke: plain ASCII needs no
   * allocation (its case folding is g_ascii_tolower, its normal form itself). */
  if (is_ascii (haystack) && is_ascii (folded_needle))
    {
      gsize needle_len = strlen (folded_needle);

      for (const char *p = haystack; *p != '\0'; p++)
        if (g_ascii_strncasecmp (p, folded_needle, needle_len) == 0)
          return TRUE;
      return needle_len == 0;
    }

  folded = gloss_text_fold (haystack);
  return strstr (folded, folded_needle) != NULL;
}
