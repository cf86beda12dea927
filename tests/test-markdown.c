/* test-markdown.c — a Markdown article as the text its reader sees, offsets exact
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "gloss.h"
#include "gloss-markdown-private.h"

static char *
slice (const char *text,
       guint       start,
       guint       end)
{
  const char *a = g_utf8_offset_to_pointer (text, start);
  const char *b = g_utf8_offset_to_pointer (text, end);

  return g_strndup (a, b - a);
}

static void
check_render (const char *markdown,
              const char *shown)
{
  g_autofree char *text = gloss_markdown_render (markdown, NULL);

  g_assert_cmpstr (text, ==, shown);
}

static void
test_blocks (void)
{
  /* ATX headings with and without closing marks; a '#' word is no heading. */
  check_render ("# Talks stall\n\n## Day 2 ##\n#hashtag\n", "Talks stall\n\nDay 2\n#hashtag\n");
  /* Setext headings: the underline goes with its line break. */
  check_render ("Talks stall\n===========\n\nBody\n", "Talks stall\n\nBody\n");
  check_render ("Talks stall\n---\nBody\n", "Talks stall\nBody\n");
  /* A rule alone is a blank line; front matter and the blank after it go. */
  check_render ("---\ntitle: x\n---\n\nOne\n\n***\n\nTwo\n", "One\n\n\n\nTwo\n");
  /* Quotes (nested), bullets, numbers. */
  check_render ("> said\n> > twice\n", "said\ntwice\n");
  check_render ("- one\n  * two\n+ three\n3. four\n", "• one\n  • two\n• three\n3. four\n");
  /* Fenced code stays as it is, marks and all. */
  check_render ("```c\nint *p = **q;\n```\nafter *it*\n", "int *p = **q;\nafter it\n");
  /* CRLF stays CRLF. */
  check_render ("# Title\r\n\r\nA **bold** line\r\n", "Title\r\n\r\nA bold line\r\n");
}

static void
test_inline (void)
{
  check_render ("*it* **bold** ***both*** _u_ __uu__ ~~gone~~\n", "it bold both u uu gone\n");
  /* Marks around emoji, ZWJ families, combining marks, CJK and RTL. */
  check_render ("**👩‍👩‍👧 met** *cafe\xcc\x81* _和平_ **שלום** *سلام*\n",
                "👩‍👩‍👧 met cafe\xcc\x81 和平 שלום سلام\n");
  /* What does not close stays; '_' inside words is no mark. */
  check_render ("2 * 3 = 6, a*b, snake_case_name, **open\n", "2 * 3 = 6, a*b, snake_case_name, **open\n");
  /* Escapes and code spans. */
  check_render ("\\*not\\* `a **b**` `` x`y ``\n", "*not* a **b** x`y\n");
  /* Images are their text; an unmatched bracket stays. */
  check_render ("![a harbour map](map.png) [not a link\n", "a harbour map [not a link\n");
}

static void
test_links (void)
{
  const char *markdown =
    "Het **gemeenteraad** [zei 👍🏾](https://example.org/a \"t\") en [שלום][ref], "
    "<https://example.org/b>.\n\n[ref]: <https://example.org/c>\n";
  g_autoptr(GPtrArray) links = NULL;
  g_autofree char *text = gloss_markdown_render (markdown, &links);
  const char *expected_text[] = { "zei 👍🏾", "שלום", "https://example.org/b" };
  const char *expected_target[] = { "https://example.org/a", "https://example.org/c", "https://example.org/b" };

  g_assert_cmpstr (text, ==,
                   "Het gemeenteraad zei 👍🏾 en שלום, https://example.org/b.\n\n"
                   "\nLinks in the article:\n"
                   "zei 👍🏾: https://example.org/a\n"
                   "שלום: https://example.org/c\n"
                   "https://example.org/b\n");
  g_assert_cmpuint (links->len, ==, 3);
  for (guint i = 0; i < links->len; i++)
    {
      GlossMarkdownLink *link = g_ptr_array_index (links, i);
      g_autofree char *shown = slice (text, link->start, link->end);
      g_autofree char *target = slice (text, link->target_start, link->target_end);

      /* Offsets are code points into the shown text. */
      g_assert_cmpstr (shown, ==, expected_text[i]);
      g_assert_cmpstr (link->text, ==, expected_text[i]);
      g_assert_cmpstr (target, ==, expected_target[i]);
      g_assert_cmpstr (link->target, ==, expected_target[i]);
    }
  g_assert_cmpuint (((GlossMarkdownLink *) links->pdata[0])->start, ==, 17);
}

/* Imported, the document holds the shown text: a quote found in it has
 * the offsets an exporter writes. */
static void
test_import (void)
{
  g_autofree char *directory = g_dir_make_tmp ("gloss-markdown-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "talks.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *quote = NULL;
  const char *markdown = "\xef\xbb\xbf# Harbour vote *delayed*\r\n\r\nThe chair said **41 million** 🚢, [per the minutes](https://example.org/m).\r\n";
  const char *text;
  const char *found;
  glong start;

  g_assert_true (g_file_set_contents (path, markdown, -1, NULL));
  document = gloss_import_text_file (file, &error);
  g_assert_no_error (error);
  text = gloss_document_get_text (document);
  g_assert_cmpstr (text, ==,
                   "Harbour vote delayed\r\n\r\nThe chair said 41 million 🚢, per the minutes.\r\n"
                   "\r\nLinks in the article:\r\nper the minutes: https://example.org/m\r\n");
  /* The headline is the title, as the text begins with it. */
  g_assert_cmpstr (gloss_document_get_title (document), ==, "Harbour vote delayed");
  g_assert_true (g_str_has_prefix (text, gloss_document_get_title (document)));

  found = strstr (text, "41 million 🚢");
  start = g_utf8_pointer_to_offset (text, found);
  quote = gloss_document_dup_slice (document, (guint) start, (guint) start + 12);
  g_assert_cmpstr (quote, ==, "41 million 🚢");
  g_assert_cmpint (start, ==, 2 + 20 + 2 + 15);

  g_unlink (path);
  g_rmdir (directory);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/markdown/blocks", test_blocks);
  g_test_add_func ("/gloss/markdown/inline", test_inline);
  g_test_add_func ("/gloss/markdown/links", test_links);
  g_test_add_func ("/gloss/markdown/import", test_import);

  return g_test_run ();
}
