/* test-utf8.c — code-point counting and the offset table agree with GLib
 * on every kind of text, across checkpoints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-offset-table.h"
#include "gloss-utf8.h"

/* Pieces of every kind: ASCII, Latin with combining marks, Hebrew and
 * Arabic, CJK, an emoji, a ZWJ family, a flag, CRLF and a BOM. */
static const char * const pieces[] = {
  "The minister said ",
  "e\xCC\x81",                                  /* e + combining acute */
  "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D ",           /* שלום */
  "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 ",   /* مرحبا */
  "\xE6\x96\xB0\xE9\x97\xBB",                   /* 新闻 */
  "\xF0\x9F\x93\xB0",                           /* 📰 */
  "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7", /* 👩‍👧 */
  "\xF0\x9F\x87\xBA\xF0\x9F\x87\xA6",           /* 🇺🇦 */
  "\r\n",
  "\xEF\xBB\xBF",                               /* a BOM inside the text */
};

static char *
make_text (guint n_pieces)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_pieces; i++)
    g_string_append (text, pieces[(i * 7) % G_N_ELEMENTS (pieces)]);

  return g_string_free (text, FALSE);
}

static void
test_count_and_skip (void)
{
  for (guint n = 0; n < 300; n += 7)
    {
      g_autofree char *text = make_text (n);
      gsize size = strlen (text);
      GlossOffset length = gloss_utf8_count (text, size);

      g_assert_cmpuint (length, ==, g_utf8_strlen (text, -1));
      for (GlossOffset k = 0; k <= length; k += 3)
        {
          const char *expected = k < length ? g_utf8_offset_to_pointer (text, k) : text + size;

          g_assert_true (gloss_utf8_skip (text, text + size, k) == expected);
        }
      g_assert_true (gloss_utf8_skip (text, text + size, length + 5) == text + size);
    }
}

static void
test_offset_table (void)
{
  /* Long enough for many checkpoints, and lengths on either side of a
   * whole number of them. */
  for (guint n = 200; n < 1400; n += 97)
    {
      g_autofree char *text = make_text (n);
      gsize size = strlen (text);
      GlossOffset length = gloss_utf8_count (text, size);
      g_autoptr(GlossOffsetTable) table = gloss_offset_table_new (text, size, length);
      gsize utf16 = 0;
      const char *p = text;

      for (GlossOffset k = 0; k <= length; k++)
        {
          g_assert_cmpuint (gloss_offset_table_to_byte (table, k), ==, (gsize) (p - text));
          g_assert_cmpuint (gloss_offset_table_to_utf16 (table, k), ==, utf16);
          g_assert_cmpuint (gloss_offset_table_from_byte (table, (gsize) (p - text)), ==, k);
          if (k < length)
            {
              utf16 += g_utf8_get_char (p) > 0xFFFF ? 2 : 1;
              p = g_utf8_next_char (p);
            }
        }

      /* Past the end, and a byte inside a character. */
      g_assert_cmpuint (gloss_offset_table_to_byte (table, length + 10), ==, size);
      g_assert_cmpuint (gloss_offset_table_from_byte (table, size + 10), ==, length);
    }
}

static void
test_line_column (void)
{
  const char *text = "{\r\n  \"title\": \"\xF0\x9F\x93\xB0 \xD7\xA9\xD7\x9C\"\n}";
  guint line, column;

  gloss_utf8_line_column (text, 0, &line, &column);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 1);

  /* The closing quote after the emoji and the Hebrew: line 2, counted
   * in characters. */
  gloss_utf8_line_column (text, strchr (text + 16, '"') - text, &line, &column);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (column, ==, 17);

  gloss_utf8_line_column (text, strlen (text) - 1, &line, &column);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (column, ==, 1);
}

static void
test_validate (void)
{
  g_autofree char *text = make_text (500);
  gsize size = strlen (text);
  const char *end = NULL;
  g_autofree char *broken = NULL;

  g_assert_true (gloss_utf8_validate (text, size, &end));
  g_assert_true (end == text + size);

  /* A bad byte deep inside, after long ASCII and non-ASCII stretches, and
   * a NUL: the same place g_utf8_validate_len () finds. */
  broken = g_memdup2 (text, size);
  for (gsize at = 3; at < size; at += size / 5)
    {
      const char *expected = NULL;
      char saved = broken[at];

      broken[at] = (char) 0xFF;
      g_assert_false (g_utf8_validate_len (broken, size, &expected));
      g_assert_false (gloss_utf8_validate (broken, size, &end));
      g_assert_true (end == expected);
      broken[at] = '\0';
      g_assert_false (gloss_utf8_validate (broken, size, &end));
      g_assert_true (end == broken + at || end < broken + at);
      broken[at] = saved;
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/utf8/count-and-skip", test_count_and_skip);
  g_test_add_func ("/gloss/utf8/offset-table", test_offset_table);
  g_test_add_func ("/gloss/utf8/line-column", test_line_column);
  g_test_add_func ("/gloss/utf8/validate", test_validate);

  return g_test_run ();
}
