/* test-display-text.c — long lines broken for layout, offsets untouched
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-display-text.h"

static void
check_broken (const char *text,
              const char *shown,
              guint       max_line)
{
  const char *p = text;
  const char *q = shown;
  guint line = 0;
  guint longest = 0;

  /* Same number of code points, differing only where a space became a
   * line break, so every offset means the same character. */
  g_assert_cmpuint (strlen (text), ==, strlen (shown));
  g_assert_cmpint (g_utf8_strlen (text, -1), ==, g_utf8_strlen (shown, -1));
  for (; *p != '\0'; p = g_utf8_next_char (p), q = g_utf8_next_char (q))
    {
      gunichar a = g_utf8_get_char (p);
      gunichar b = g_utf8_get_char (q);

      if (a != b)
        {
          g_assert_cmpuint (a, ==, ' ');
          g_assert_cmpuint (b, ==, '\n');
        }
      if (b == '\n')
        line = 0;
      else
        longest = MAX (longest, ++line);
    }
  g_assert_cmpuint (longest, <=, max_line);
}

static void
test_one_megabyte_line (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *shown = NULL;

  while (text->len < 1024 * 1024)
    g_string_append (text, "Zoë said 👩‍🔬 the dam (שלום, 東京) cut the flow by a third ");

  shown = gloss_display_text_break_long_lines (text->str, 4000);
  g_assert_nonnull (shown);
  check_broken (text->str, shown, 4000);
}

static void
test_short_lines_untouched (void)
{
  g_assert_null (gloss_display_text_break_long_lines ("short\r\nlines\n\nonly", 4000));
  g_assert_null (gloss_display_text_break_long_lines ("", 4000));
}

/* A long run without spaces cannot be broken without changing the text:
 * it is left as it is rather than wrongly. */
static void
test_no_space_left_alone (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *shown = NULL;

  for (guint i = 0; i < 3000; i++)
    g_string_append (text, "東京");
  shown = gloss_display_text_break_long_lines (text->str, 4000);
  g_assert_null (shown);
}

/* Finding 14: an article of 40,000 combining marks is shown as clusters
 * of at most 32 marks, one code point for one. */
static void
test_long_clusters (void)
{
  g_autoptr(GString) text = g_string_new ("Ünal said: e");
  g_autofree char *shown = NULL;
  const char *p;
  const char *q;
  guint run = 0;
  guint replaced = 0;

  for (guint i = 0; i < 40000; i++)
    g_string_append (text, i % 2 ? "\xcc\x81" : "\xe0\xa5\x8d");  /* U+0301, U+094D */
  g_string_append (text, " — and 👩🏽‍🚀 left.\n");

  shown = gloss_display_text_break_long_clusters (text->str, 32);
  g_assert_nonnull (shown);
  g_assert_cmpint (g_utf8_strlen (shown, -1), ==, g_utf8_strlen (text->str, -1));
  for (p = text->str, q = shown; *p != '\0'; p = g_utf8_next_char (p), q = g_utf8_next_char (q))
    {
      gunichar a = g_utf8_get_char (p);
      gunichar b = g_utf8_get_char (q);

      if (a != b)
        {
          g_assert_true (g_unichar_ismark (a));
          g_assert_cmpuint (b, ==, 0x25CC);
          replaced++;
        }
      run = g_unichar_ismark (b) ? run + 1 : 0;
      g_assert_cmpuint (run, <=, 32);
    }
  g_assert_cmpuint (*q, ==, '\0');
  g_assert_cmpuint (replaced, ==, 40000 / 33);

  /* Ordinary text, emoji with skin tones and ZWJ sequences, short runs of
   * marks (Vietnamese, Devanagari) are left alone. */
  g_assert_null (gloss_display_text_break_long_clusters ("Tiếng Việt, नमस्ते, 👩🏽‍🚀, שָׁלוֹם\r\n", 32));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/display-text/one-megabyte-line", test_one_megabyte_line);
  g_test_add_func ("/gloss/display-text/long-clusters", test_long_clusters);
  g_test_add_func ("/gloss/display-text/short-lines-untouched", test_short_lines_untouched);
  g_test_add_func ("/gloss/display-text/no-space-left-alone", test_no_space_left_alone);

  return g_test_run ();
}
