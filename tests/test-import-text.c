/* test-import-text.c — decoding articles and importing text and Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "gloss.h"

/* GLOSS_IMPORT_TITLE_LENGTH, as the importer cuts titles. */
#define GLOSS_TEST_TITLE_LENGTH 80

/* What tests/fixtures/text/{bom,utf16le,utf16be}.txt hold once decoded:
 * a flag, a ZWJ family, a skin tone, a combining acute, Arabic, Hebrew, CJK. */
#define BODY \
  "Geneva talks stall 🇨🇭\n" \
  "\n" \
  "Envoys from Northland 👩‍👩‍👧 and the Southern League 👍🏾 met in the cafe\xcc\x81.\n" \
  "Banners read “سلام”, “שלום” and “和平”.\n"

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "text", name, NULL);

  return g_file_new_for_path (path);
}

static char *
decode (const char  *data,
        gsize        length,
        const char  *name,
        GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);

  return gloss_decode_text (bytes, name, error);
}

static void
test_utf8_plain (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = decode (BODY, strlen (BODY), "body.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, BODY);
}

static void
test_utf8_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = fixture ("bom.txt");
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *text = NULL;
  const char with_bom[] = "\xef\xbb\xbf" "Zoe\xcc\x88 said “שלום”";

  text = decode (with_bom, strlen (with_bom), "bom.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Zoe\xcc\x88 said “שלום”");

  /* Only a leading BOM is dropped; a ZERO WIDTH NO-BREAK SPACE inside stays. */
  g_clear_pointer (&text, g_free);
  text = decode ("a\xef\xbb\xbf" "b", 5, "inner.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "a\xef\xbb\xbf" "b");

  document = gloss_import_text_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_text (document), ==, BODY);
  g_assert_cmpuint (gloss_document_get_length (document), ==, g_utf8_strlen (BODY, -1));
}

static void
check_utf16 (const char *charset,
             const char *bom,
             const char *fixture_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = fixture (fixture_name);
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *encoded = NULL;
  g_autofree char *with_bom = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  /* Emoji outside the BMP are surrogate pairs in UTF-16. */
  encoded = g_convert (BODY, -1, charset, "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  with_bom = g_malloc (length + 2);
  memcpy (with_bom, bom, 2);
  memcpy (with_bom + 2, encoded, length);

  text = decode (with_bom, length + 2, fixture_name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, BODY);

  /* Without its BOM the same bytes are refused: Gloss does not guess. */
  g_clear_pointer (&text, g_free);
  text = decode (encoded, length, fixture_name, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING);
  g_assert_null (text);
  g_assert_nonnull (strstr (error->message, fixture_name));
  g_clear_error (&error);

  document = gloss_import_text_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_text (document), ==, BODY);
  g_assert_cmpstr (gloss_document_get_title (document), ==, "Geneva talks stall 🇨🇭");
}

static void
test_utf16_le (void)
{
  check_utf16 ("UTF-16LE", "\xff\xfe", "utf16le.txt");
}

static void
test_utf16_be (void)
{
  check_utf16 ("UTF-16BE", "\xfe\xff", "utf16be.txt");
}

static void
test_utf16_broken (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  /* "a", then a high surrogate followed by "b": unpaired. */
  const char unpaired[] = "\xff\xfe" "a\0" "\x3d\xd8" "b\0";
  const char odd[] = "\xff\xfe" "a\0" "b";

  text = decode (unpaired, sizeof unpaired - 1, "unpaired.txt", &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING);
  g_assert_null (text);
  g_assert_true (g_str_has_prefix (error->message, "unpaired.txt is not valid UTF-16 text"));
  g_clear_error (&error);

  text = decode (odd, sizeof odd - 1, "odd.txt", &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING);
  g_assert_null (text);
  g_assert_nonnull (strstr (error->message, "middle of a character"));
}

static void
test_utf32_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char le[] = "\xff\xfe\0\0" "a\0\0\0";
  const char be[] = "\0\0\xfe\xff" "\0\0\0a";

  text = decode (le, sizeof le - 1, "wide.txt", &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==,
                   "wide.txt is UTF-32 text, which Gloss does not import; save it as UTF-8 and import again");
  g_clear_error (&error);

  text = decode (be, sizeof be - 1, "wide.txt", &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING);
  g_assert_null (text);
}

static void
test_crlf_kept (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = fixture ("crlf.txt");
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *slice = NULL;
  g_autofree char *text = decode ("one\r\ntwo\rthree\n", 15, "mixed.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "one\r\ntwo\rthree\n");

  lines = g_strsplit (BODY, "\n", -1);
  expected = g_strjoinv ("\r\n", lines);

  document = gloss_import_text_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_text (document), ==, expected);
  /* Each CRLF counts as two code points, as in the file. */
  g_assert_cmpuint (gloss_document_get_length (document), ==, g_utf8_strlen (BODY, -1) + 4);
  slice = gloss_document_dup_slice (document, 21, 23);
  g_assert_cmpstr (slice, ==, "\r\n");
  g_assert_cmpstr (gloss_document_get_title (document), ==, "Geneva talks stall 🇨🇭");
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = fixture ("invalid.txt");
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *text = NULL;

  /* Valid UTF-8 letters beside a stray byte: broken UTF-8, not legacy
   * text, so refused rather than read as Windows-1252. Column 7 in code
   * points: "Ça va " is 6 characters but 7 bytes. */
  document = gloss_import_text_file (file, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING);
  g_assert_null (document);
  g_assert_cmpstr (error->message, ==,
                   "invalid.txt is not UTF-8 text (invalid byte 0xE9 at line 3, column 7); "
                   "save it as UTF-8 and import again");
  g_clear_error (&error);

  /* A truncated sequence at the very end, and an overlong encoding. */
  text = decode ("ab\xe2\x82", 4, "cut.txt", &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==,
                   "cut.txt is not UTF-8 text (invalid byte 0xE2 at line 1, column 3); "
                   "save it as UTF-8 and import again");
  g_clear_error (&error);

  text = decode ("\xc0\xaf", 2, "overlong.txt", &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING);
  g_assert_null (text);
}

/* What tests/fixtures/text/windows-1252.txt says, in UTF-8: an en dash,
 * German quotes, the euro sign and ½ are where Windows-1252 and Latin-1
 * differ; ü where they agree. */
#define LEGACY_TEXT \
  "Stadtrat vertagt Abstimmung – Bürger warten\r\n" \
  "\r\n" \
  "Die Bürgermeisterin sagte: „Wir prüfen die Kosten noch.“ Der Preis: 12€ pro Fahrt, ½ davon aus München.\r\n"

static void
test_legacy_encoding (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = fixture ("windows-1252.txt");
  g_autoptr(GlossImportReport) report = gloss_import_report_new ();
  g_autoptr(GlossDocument) document = gloss_import_read_article_full (file, NULL, report, &error);
  g_autoptr(GlossDocument) quiet = NULL;
  g_autofree char *slice = NULL;
  g_autofree char *summary = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_text (document), ==, LEGACY_TEXT);
  g_assert_cmpstr (gloss_document_get_title (document), ==, "Stadtrat vertagt Abstimmung – Bürger warten");
  /* Offsets count the decoded code points: "€" is one, not three bytes. */
  g_assert_cmpuint (gloss_document_get_length (document), ==, g_utf8_strlen (LEGACY_TEXT, -1));
  slice = gloss_document_dup_slice (document, 45 + 2 + 27, 45 + 2 + 56);
  g_assert_cmpstr (slice, ==, "„Wir prüfen die Kosten noch.“");
  /* The provenance's digest is of the bytes as read, before decoding. */
  g_assert_cmpstr (gloss_provenance_get_file (gloss_document_get_provenance (document)), ==,
                   "windows-1252.txt");

  /* The report says what was guessed, for the analyst to check, and it
   * is no problem: the summary counts none. */
  g_assert_cmpuint (report->remarks->len, ==, 1);
  g_assert_cmpuint (report->messages->len, ==, 0);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (report->remarks, 0),
                                   "windows-1252.txt: it was not saved as UTF-8"));
  g_assert_nonnull (strstr (g_ptr_array_index (report->remarks, 0), "Windows-1252"));
  g_assert_nonnull (strstr (g_ptr_array_index (report->remarks, 0), "ü"));
  report->documents = 1;
  summary = gloss_import_report_summary (report);
  g_assert_cmpstr (summary, ==, "1 document, 0 annotations");

  /* Without a report, the same text. */
  quiet = gloss_import_text_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_text (quiet), ==, LEGACY_TEXT);
}

static void
test_named_encoding (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("gloss-import-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossImportReport) report = gloss_import_report_new ();
  g_autoptr(GlossDocument) latin9 = NULL;
  g_autoptr(GlossDocument) guessed = NULL;
  g_autoptr(GlossDocument) refused = NULL;

  /* 0xA4 is "€" in ISO-8859-15 and "¤" in Windows-1252. */
  path = g_build_filename (directory, "preis.txt", NULL);
  g_assert_true (g_file_set_contents (path, "Preis: 12\xa4, \xfc" "ber Nacht\n", -1, NULL));
  file = g_file_new_for_path (path);

  latin9 = gloss_import_read_article_full (file, "ISO-8859-15", report, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_text (latin9), ==, "Preis: 12€, über Nacht\n");
  /* Named, not guessed: nothing to check. */
  g_assert_cmpuint (report->remarks->len, ==, 0);

  guessed = gloss_import_read_article_full (file, NULL, report, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_text (guessed), ==, "Preis: 12¤, über Nacht\n");
  g_assert_cmpuint (report->remarks->len, ==, 1);

  /* UTF-8 by name is strict; an unknown name is said as it was given. */
  refused = gloss_import_read_article_full (file, "utf-8", report, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING);
  g_assert_null (refused);
  g_assert_true (g_str_has_prefix (error->message, "preis.txt is not UTF-8 text (invalid byte 0xA4"));
  g_clear_error (&error);
  refused = gloss_import_read_article_full (file, "klingon-8", report, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "“klingon-8”"));
  g_clear_error (&error);

  /* Bytes the named encoding lacks: where. */
  g_assert_true (g_file_set_contents (path, "ok \xff\xfe\xfd", -1, NULL));
  refused = gloss_import_read_article_full (file, "ASCII", report, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, "preis.txt is not ASCII text (byte 0xFF at byte 4"));
  g_clear_error (&error);

  /* Bytes Windows-1252 leaves undefined (0x81) are not guessed at. */
  g_assert_true (g_file_set_contents (path, "caf\xe9 \x81\n", -1, NULL));
  refused = gloss_import_read_article_full (file, NULL, report, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, "preis.txt is not UTF-8 text (invalid byte 0xE9"));

  g_unlink (path);
  g_rmdir (directory);
}

static void
test_nul_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = fixture ("nul.txt");
  g_autoptr(GlossDocument) document = gloss_import_text_file (file, &error);

  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING);
  g_assert_null (document);
  g_assert_true (g_str_has_prefix (error->message, "nul.txt contains a NUL byte at line 2, column 3"));
}

static void
test_markdown_title (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = fixture ("article.md");
  g_autoptr(GlossDocument) document = gloss_import_text_file (file, &error);
  g_autofree char *contents = NULL;
  g_autofree char *path = g_file_get_path (file);

  g_assert_no_error (error);
  /* Front matter skipped, the heading's '#' marks stripped. */
  g_assert_cmpstr (gloss_document_get_title (document), ==, "Geneva talks stall — envoys trade claims");
  /* The text is what a reader sees: no front matter, no heading marks
   * (tests/test-markdown.c tests the rest). */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "---\n"));
  g_assert_true (g_str_has_prefix (gloss_document_get_text (document),
                                   "Geneva talks stall — envoys trade claims\n\nEnvoys from Northland"));
  /* The source is the file's name alone: no folder of the analyst's. */
  g_assert_cmpstr (gloss_document_get_source (document), ==, "article.md");
}

/* Removes a flat temporary folder and what the test wrote into it. */
static void
remove_temp (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);

      g_unlink (path);
    }
  g_rmdir (directory);
}

static char *
write_temp (const char *directory,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (directory, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

static GlossDocument *
import_temp (const char *directory,
             const char *name,
             const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_temp (directory, name, contents, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GlossDocument *document = gloss_import_text_file (file, &error);

  g_assert_no_error (error);
  return document;
}

static void
test_titles (void)
{
  g_autofree char *directory = g_dir_make_tmp ("gloss-import-XXXXXX", NULL);
  g_autoptr(GlossDocument) spaced = NULL;
  g_autoptr(GlossDocument) long_line = NULL;
  g_autoptr(GlossDocument) blank = NULL;
  g_autoptr(GlossDocument) hashtag = NULL;
  g_autoptr(GlossDocument) markdown_hashtag = NULL;
  g_autoptr(GString) words = g_string_new (NULL);
  g_autofree char *cut = NULL;
  const char *title;

  /* The first non-empty line, trimmed. */
  spaced = import_temp (directory, "spaced.txt", "\r\n  \t\r\n   مفاوضات جنيف تتعثر  \r\nBody\r\n");
  g_assert_cmpstr (gloss_document_get_title (spaced), ==, "مفاوضات جنيف تتعثر");

  /* A very long first line is cut at a word and says so. */
  for (guint i = 0; i < 40; i++)
    g_string_append (words, "日内瓦 talks ");
  long_line = import_temp (directory, "long.txt", words->str);
  title = gloss_document_get_title (long_line);
  g_assert_true (g_str_has_suffix (title, "…"));
  g_assert_cmpuint (g_utf8_strlen (title, -1), <=, 81);
  g_assert_cmpuint (g_utf8_strlen (title, -1), >, 40);
  cut = g_strndup (title, strlen (title) - strlen ("…"));
  g_assert_true (g_str_has_prefix (words->str, cut));

  /* No word is cut, even with the only space early in the line, and a
   * comma left at the cut goes. */
  {
    g_autoptr(GlossDocument) one_space = NULL;
    g_autoptr(GString) line = g_string_new ("Council, ");
    const char *t;

    for (guint i = 0; i < 20; i++)
      g_string_append (line, "Fährterminalabstimmungsverschiebung");
    g_string_append (line, "\nBody\n");
    one_space = import_temp (directory, "one-space.txt", line->str);
    t = gloss_document_get_title (one_space);
    g_assert_cmpstr (t, ==, "Council…");
  }
  /* Without spaces (Chinese), cut between characters as they show: never
   * inside a ZWJ family, a flag, or before a combining mark. */
  {
    g_autoptr(GString) cjk = g_string_new (NULL);
    g_autoptr(GString) emoji = g_string_new (NULL);
    g_autoptr(GlossDocument) cjk_document = NULL;
    g_autoptr(GlossDocument) emoji_document = NULL;
    const char *t;

    for (guint i = 0; i < 30; i++)
      g_string_append (cjk, "日内瓦会谈");
    cjk_document = import_temp (directory, "cjk.txt", cjk->str);
    t = gloss_document_get_title (cjk_document);
    g_assert_cmpuint (g_utf8_strlen (t, -1), ==, GLOSS_TEST_TITLE_LENGTH + 1);
    g_assert_true (g_str_has_suffix (t, "…"));

    /* 78 letters, then a family of five code points across the limit. */
    for (guint i = 0; i < 78; i++)
      g_string_append_c (emoji, 'x');
    g_string_append (emoji, "👩‍👩‍👧🇨🇭e\xcc\x81tc and more words after it\n");
    emoji_document = import_temp (directory, "emoji.txt", emoji->str);
    t = gloss_document_get_title (emoji_document);
    g_assert_true (g_str_has_suffix (t, "x…"));
    g_assert_cmpuint (g_utf8_strlen (t, -1), ==, 79);
  }

  /* Only blank lines: the file's name, without its extension. */
  blank = import_temp (directory, "blank report.txt", " \r\n\t\r\n");
  g_assert_cmpstr (gloss_document_get_title (blank), ==, "blank report");
  g_assert_cmpstr (gloss_document_get_text (blank), ==, " \r\n\t\r\n");

  /* '#' is a heading in Markdown only. */
  hashtag = import_temp (directory, "tags.txt", "#Geneva #talks\n");
  g_assert_cmpstr (gloss_document_get_title (hashtag), ==, "#Geneva #talks");
  markdown_hashtag = import_temp (directory, "tags.md", "#hashtag is no heading\n");
  g_assert_cmpstr (gloss_document_get_title (markdown_hashtag), ==, "#hashtag is no heading");

  {
    g_autoptr(GlossDocument) heading = import_temp (directory, "heading.markdown", "# \n### Talks: day 2 ###\n");

    g_assert_cmpstr (gloss_document_get_title (heading), ==, "Talks: day 2");
  }

  remove_temp (directory);
}

static void
test_empty_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = fixture ("empty.txt");
  g_autoptr(GlossDocument) document = gloss_import_text_file (file, &error);
  g_autofree char *directory = g_dir_make_tmp ("gloss-import-XXXXXX", NULL);
  g_autofree char *bom_only = write_temp (directory, "bom-only.txt", "\xef\xbb\xbf", 3);
  g_autoptr(GFile) bom_file = g_file_new_for_path (bom_only);
  g_autofree char *text = NULL;

  /* Decoding nothing is fine; importing it is refused: there is nothing
   * to annotate, and an empty file is nearly always a failed save. */
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_assert_null (document);
  g_assert_cmpstr (error->message, ==, "empty.txt is empty: there is no text to annotate");
  g_clear_error (&error);

  text = decode ("", 0, "empty.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "");

  g_clear_object (&document);
  document = gloss_import_text_file (bom_file, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_assert_null (document);
  remove_temp (directory);
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("gloss-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "huge.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *data;

  /* In memory: one byte past the limit. */
  data = g_malloc (GLOSS_MAX_DOCUMENT_SIZE + 1);
  memset (data, 'a', GLOSS_MAX_DOCUMENT_SIZE + 1);
  bytes = g_bytes_new_take (data, GLOSS_MAX_DOCUMENT_SIZE + 1);
  text = gloss_decode_text (bytes, "huge.txt", &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_assert_null (text);
  g_assert_true (g_str_has_prefix (error->message, "huge.txt is too large"));
  g_clear_error (&error);

  /* On disk: a sparse file far past the limit is refused before reading. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_seekable_truncate (G_SEEKABLE (stream), 4 * (goffset) GLOSS_MAX_DOCUMENT_SIZE, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);

  document = gloss_import_text_file (file, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_assert_null (document);
  remove_temp (directory);
}

static void
test_import_file (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossImportReport) report = gloss_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = fixture ("bom.txt");
  g_autoptr(GFile) markdown = fixture ("article.md");
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autofree char *directory = g_dir_make_tmp ("gloss-import-XXXXXX", NULL);
  g_autofree char *pdf = write_temp (directory, "article.pdf", "%PDF-1.4", -1);
  g_autofree char *upper = write_temp (directory, "LOUD.TXT", "Talks resume\n", -1);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) upper_file = g_file_new_for_path (upper);
  GListModel *documents = gloss_project_get_documents (project);
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *summary = NULL;

  g_assert_true (gloss_import_file (project, file, report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);
  g_assert_cmpuint (report->documents, ==, 1);
  g_assert_cmpuint (report->messages->len, ==, 0);

  document = g_list_model_get_item (documents, 0);
  g_assert_cmpstr (gloss_document_get_title (document), ==, "Geneva talks stall 🇨🇭");
  g_assert_true (g_str_has_suffix (gloss_document_get_source (document), "bom.txt"));
  g_assert_nonnull (gloss_document_get_imported (document));
  g_assert_cmpint (g_date_time_compare (gloss_document_get_imported (document), before), >=, 0);

  /* One undo step takes it out, redo brings it back. */
  g_assert_true (gloss_project_can_undo (project));
  g_assert_true (gloss_project_undo (project));
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 0);
  g_assert_false (gloss_project_can_undo (project));
  g_assert_true (gloss_project_redo (project));
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);

  g_assert_true (gloss_import_file (project, markdown, report, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_import_file (project, upper_file, report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 3);

  g_assert_false (gloss_import_file (project, pdf_file, report, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "article.pdf is not a file Gloss imports"));
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 3);
  g_clear_error (&error);

  summary = gloss_import_report_summary (report);
  g_assert_cmpstr (summary, ==, "3 documents, 0 annotations");
  remove_temp (directory);
}

/* A text import records the file's bare name and the SHA-256 of its bytes
 * as read (the byte order mark and UTF-16 included), not of the text. */
static void
test_provenance (void)
{
  g_autofree char *directory = g_dir_make_tmp ("gloss-import-XXXXXX", NULL);
  const char utf16[] = "\xff\xfeO\0k\0 \0=\xd8\x4d\xdc\n\0";
  g_autofree char *path = write_temp (directory, "Zoë’s notes 📝.md", "\xef\xbb\xbf# Harbour\r\nשלום\r\n", -1);
  g_autofree char *utf16_path = write_temp (directory, "wide.txt", utf16, sizeof utf16 - 1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) utf16_file = g_file_new_for_path (utf16_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = gloss_import_text_file (file, &error);
  g_autoptr(GlossDocument) wide = NULL;
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                             "\xef\xbb\xbf# Harbour\r\nשלום\r\n", -1);
  g_autofree char *expected_wide = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                                (const guchar *) utf16, sizeof utf16 - 1);
  GlossProvenance *provenance;

  g_assert_no_error (error);
  provenance = gloss_document_get_provenance (document);
  g_assert_cmpstr (gloss_provenance_get_file (provenance), ==, "Zoë’s notes 📝.md");
  g_assert_cmpstr (gloss_provenance_get_file_sha256 (provenance), ==, expected);
  g_assert_cmpstr (gloss_provenance_get_file_sha256 (provenance), !=, gloss_document_get_sha256 (document));
  g_assert_null (gloss_provenance_check_value ("file", gloss_provenance_get_file (provenance)));
  /* What a text file cannot know stays unknown. */
  g_assert_cmpstr (gloss_provenance_get_url (provenance), ==, "");
  g_assert_null (gloss_provenance_get_authors (provenance)[0]);

  wide = gloss_import_text_file (utf16_file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_text (wide), ==, "Ok 👍\n");
  g_assert_cmpstr (gloss_provenance_get_file (gloss_document_get_provenance (wide)), ==, "wide.txt");
  g_assert_cmpstr (gloss_provenance_get_file_sha256 (gloss_document_get_provenance (wide)), ==, expected_wide);
  remove_temp (directory);
}

static void
test_report_summary (void)
{
  g_autoptr(GlossImportReport) report = gloss_import_report_new ();
  g_autofree char *one = NULL;
  g_autofree char *many = NULL;

  report->documents = 1;
  report->annotations = 1;
  report->notes = 1;
  report->attributes = 1;
  report->relations = 1;
  report->events = 1;
  g_ptr_array_add (report->messages, g_strdup ("a.ann:3: something"));
  one = gloss_import_report_summary (report);
  g_assert_cmpstr (one, ==, "1 document, 1 annotation, 1 note, 1 attribute, 1 link, 1 event; 1 problem");

  report->documents = 2;
  report->annotations = 42;
  report->notes = 0;
  report->attributes = 3;
  report->relations = 0;
  report->events = 0;
  g_ptr_array_add (report->messages, g_strdup ("a.ann:4: something else"));
  many = gloss_import_report_summary (report);
  g_assert_cmpstr (many, ==, "2 documents, 42 annotations, 3 attributes; 2 problems");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/import-text/utf8", test_utf8_plain);
  g_test_add_func ("/gloss/import-text/utf8-bom", test_utf8_bom);
  g_test_add_func ("/gloss/import-text/utf16-le", test_utf16_le);
  g_test_add_func ("/gloss/import-text/utf16-be", test_utf16_be);
  g_test_add_func ("/gloss/import-text/utf16-broken", test_utf16_broken);
  g_test_add_func ("/gloss/import-text/utf32-refused", test_utf32_refused);
  g_test_add_func ("/gloss/import-text/crlf-kept", test_crlf_kept);
  g_test_add_func ("/gloss/import-text/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/gloss/import-text/nul-refused", test_nul_refused);
  g_test_add_func ("/gloss/import-text/legacy-encoding", test_legacy_encoding);
  g_test_add_func ("/gloss/import-text/named-encoding", test_named_encoding);
  g_test_add_func ("/gloss/import-text/markdown-title", test_markdown_title);
  g_test_add_func ("/gloss/import-text/titles", test_titles);
  g_test_add_func ("/gloss/import-text/empty-refused", test_empty_refused);
  g_test_add_func ("/gloss/import-text/too-large", test_too_large);
  g_test_add_func ("/gloss/import-text/import-file", test_import_file);
  g_test_add_func ("/gloss/import-text/provenance", test_provenance);
  g_test_add_func ("/gloss/import-text/report-summary", test_report_summary);

  return g_test_run ();
}
