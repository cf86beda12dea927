/* gloss-text.c — short, safe, searchable forms of the user's text for the panels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

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

char *
gloss_text_excerpt (const char *text,
                    guint       max_chars)
{
  g_autofree char *line = gloss_text_one_line (text, G_MAXUINT);
  glong length = g_utf8_strlen (line, -1);
  const char *cut;
  const char *space = NULL;
  const char *end;

  if (length <= (glong) max_chars)
    return g_steal_pointer (&line);

  /* The last space at or before the limit, if it leaves half the text. */
  cut = g_utf8_offset_to_pointer (line, max_chars);
  for (const char *p = cut; p > line; p = g_utf8_prev_char (p))
    if (*p == ' ')
      {
        space = p;
        break;
      }
  end = space != NULL && g_utf8_pointer_to_offset (line, space) >= (glong) max_chars / 2 ? space : cut;
  /* No comma or dash left dangling before the ellipsis. */
  while (end > line)
    {
      const char *prev = g_utf8_prev_char (end);
      gunichar c = g_utf8_get_char (prev);

      if (!g_unichar_isspace (c) && !g_unichar_ispunct (c))
        break;
      end = prev;
    }
  if (end == line)
    end = cut;
  return g_strdup_printf ("%.*s…", (int) (end - line), line);
}

static gboolean
is_quotation_mark (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return c == '"' || c == '\'' || c == 0x00AB || c == 0x00BB || c == 0x2039 || c == 0x203A ||
         (c >= 0x2018 && c <= 0x201F) || (c >= 0x300C && c <= 0x300F) ||
         type == G_UNICODE_INITIAL_PUNCTUATION;
}

char *
gloss_text_quoted_excerpt (const char *text,
                           guint       max_chars)
{
  g_autofree char *excerpt = gloss_text_excerpt (text, max_chars);

  if (excerpt[0] != '\0' && is_quotation_mark (g_utf8_get_char (excerpt)))
    return g_steal_pointer (&excerpt);
  /* Translators: a quotation from an article, shown in a dialog */
  return g_strdup_printf (_("“%s”"), excerpt);
}
