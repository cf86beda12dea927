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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/display-text/one-megabyte-line", test_one_megabyte_line);
  g_test_add_func ("/gloss/display-text/short-lines-untouched", test_short_lines_untouched);
  g_test_add_func ("/gloss/display-text/no-space-left-alone", test_no_space_left_alone);

  return g_test_run ();
}
