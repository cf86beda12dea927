/* test-import-page.c — saved web pages: extraction rules, encodings, MHTML,
 * metadata precedence, the command line, and pages Gloss refuses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "gloss-document.h"
#include "gloss-import.h"
#include "gloss-project.h"
#include "gloss-provenance.h"
#include "gloss-page-private.h"

static GlossPageArticle *
read_page (const char *html,
           gssize      size,
           gboolean    mhtml,
           GError    **error)
{
  return _gloss_page_article_read (html, size < 0 ? strlen (html) : (gsize) size, mhtml, "page.html", error);
}

static char *
fixture_text (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "pages", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Each extraction rule: the news fixture holds navigation, a cookie banner,
 * share buttons, comments, related links, scripts (one with "</div>"),
 * styles, hidden/aria-hidden/display:none paragraphs, a template and SVG,
 * around an article with <br>, a list, a quote, a caption and a table. */
static void
test_extraction_rules (void)
{
  g_autofree char *html = fixture_text ("news-article.html");
  g_autofree char *expected = fixture_text ("news-article.expected.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossPageArticle) article = read_page (html, -1, FALSE, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (article->text, ==, expected);
  g_assert_cmpstr (article->title, ==, "Harbour ferry service returns after winter storms");
  g_assert_null (strstr (article->text, "must not show"));
  g_assert_null (strstr (article->text, "cookies"));
  g_assert_null (strstr (article->text, "comment, which"));
}

/* Tables and line breaks: a one-column table is layout (its list of links
 * is left out like any other), a data table keeps the link-heavy container
 * that holds it, colspan counts towards the columns, and a run of <br> is
 * one blank line. */
static void
test_tables_and_breaks (void)
{
  g_autofree char *html = fixture_text ("allotment-tables.html");
  g_autofree char *expected = fixture_text ("allotment-tables.expected.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossPageArticle) article = read_page (html, -1, FALSE, &error);
  g_autoptr(GlossPageArticle) row = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (article->text, ==, expected);
  g_assert_null (strstr (article->text, "Seed swap"));
  g_assert_null (strstr (article->text, "watering can"));
  g_assert_nonnull (strstr (article->text, "\n\nPlot\tSize\tRent\n12\thalf\t£18\n"));
  g_assert_nonnull (strstr (article->text, "\n\nOpening hours of the shed\nSaturday\t9 to 12\nSunday\t10 to 1\n\n"));
  g_assert_nonnull (strstr (article->text, "five seasons.\n\nApplications close"));
  g_assert_null (strstr (article->text, "\n\n\n"));

  /* A single row of cells lines blocks up side by side: each is a paragraph. */
  row = read_page ("<title>Row</title><body><table><tr>"
                   "<td><p>The left column tells of the mill, which ground corn for the valley until 1954.</p></td>"
                   "<td><p>The middle one of the weir, rebuilt in stone after the flood of that winter.</p></td>"
                   "<td><p>The right one of the eel traps, still set each autumn by the last miller's niece.</p></td>"
                   "<td><p>A fourth cell holds the dates, the names, and the sources of every claim.</p></td>"
                   "<td><p>And a fifth, the thanks to those who lent their photographs and letters.</p></td>"
                   "</tr></table></body>", -1, FALSE, &error);
  g_assert_no_error (error);
  g_assert_null (strchr (row->text, '\t'));
  g_assert_nonnull (strstr (row->text, "until 1954.\n\nThe middle one"));
}

/* A list is judged by its class and id, not by the score its pictures'
 * captions gave it: a list of news items with captioned screenshots stays. */
static void
test_list_with_pictures (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossPageArticle) article = read_page (
    "<html><head><title>Release notes, week 12</title></head><body><article><h1>Release notes, week 12</h1>"
    "<p>This week the team finished the new search page, fixed the crash on start, and moved the settings, "
    "which several of you asked for in the survey last month, to the main menu of the window.</p>"
    "<h3>Highlights</h3><ul>"
    "<li>The search page now finds words in every document at once."
    "<ul><li><div class=\"caption\"><img src=\"search.png\" alt=\"\"><p>Results arrive while you are still typing the word.</p></div></li></ul></li>"
    "<li>Settings moved to the main menu."
    "<ul><li><div class=\"caption\"><img src=\"menu.png\" alt=\"\"><p>The new menu, with the shortcuts beside each entry.</p></div></li></ul></li>"
    "</ul>"
    "<p>Thanks to everyone who sent reports, logs and screenshots; the crash on start was found in one of them, "
    "after three weeks of looking in the wrong place, and it will not come back.</p>"
    "<p>Next week: the export dialog, which forgets the folder you chose last time, and the slow scrolling "
    "of long documents on older laptops, which two of you measured for us with care.</p>"
    "</article></body></html>", -1, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (article->text, "\n\nThe search page now finds words in every document at once."));
  g_assert_nonnull (strstr (article->text, "\n\nResults arrive while you are still typing the word.\n\n"));
  g_assert_nonnull (strstr (article->text, "\n\nThe new menu, with the shortcuts beside each entry.\n\n"));
}

static void
test_whitespace_and_entities (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossPageArticle) article = read_page (
    "<title>Spaces</title><body><div><p>  Runs   of\n\twhite   space collapse,&nbsp;entities like &eacute; &amp; &#x1F600; &copy decode. </p>"
    "<pre>keep   this\n  as is</pre><p>Line one<br>  line two</p></div>", -1, FALSE, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (article->text, ==,
                   "Spaces\n\nRuns of white space collapse,\xC2\xA0" "entities like é & 😀 © decode.\n\n"
                   "keep   this\n  as is\n\nLine one\nline two");
}

static void
test_encodings (void)
{
  struct {
    const char *bytes;
    gsize       size;
    const char *charset;
    const char *expected;
  } cases[] = {
    /* BOM wins over a contradicting meta. */
    { "\xEF\xBB\xBF<meta charset=windows-1252><p>caf\xC3\xA9 au lait, un caf\xC3\xA9 noir</p>", 0, NULL, "café au lait" },
    /* meta charset */
    { "<meta charset=\"iso-8859-15\"><p>co\xFBt en \xA4 pour le caf\xE9, vraiment</p>", 0, NULL, "coût en €" },
    /* http-equiv */
    { "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=KOI8-R\"><p>\xF0\xD2\xC9\xD7\xC5\xD4, \xCD\xC9\xD2 and more text</p>", 0, NULL, "Привет, мир" },
    /* undeclared, not UTF-8: windows-1252 */
    { "<p>\x93quoted\x94 na\xEFve text \x80 10, with some more words</p>", 0, NULL, "“quoted” naïve text € 10" },
    /* undeclared valid UTF-8 */
    { "<p>\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D and \xE4\xBD\xA0\xE5\xA5\xBD, with more words here</p>", 0, NULL, "שלום and 你好" },
    /* the MHTML part's charset over the meta */
    { "<meta charset=utf-8><p>caf\xE9 cr\xE8me, with enough words to read</p>", 0, "iso-8859-1", "café crème" },
    /* UTF-16 with its BOM */
    { "\xFF\xFE<\0p\0>\0\xE9\0t\0\xE9\0,\0 \0s\0u\0m\0m\0e\0r\0 \0t\0i\0m\0e\0<\0/\0p\0>\0", 46, NULL, "été, summer time" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize size = cases[i].size > 0 ? cases[i].size : strlen (cases[i].bytes);
      g_autofree char *text = _gloss_html_decode (cases[i].bytes, size, cases[i].charset, "page.html", &error);

      g_assert_no_error (error);
      g_assert_true (g_utf8_validate (text, -1, NULL));
      if (strstr (text, cases[i].expected) == NULL)
        g_error ("case %u: “%s” not in “%s”", i, cases[i].expected, text);
    }
}

static const char mhtml_qp[] =
  "From: <Saved by Blink>\r\n"
  "Snapshot-Content-Location: https://news.example.net/story\r\n"
  "Subject: A story\r\n"
  "Date: Tue, 3 Mar 2026 10:20:30 +0100\r\n"
  "MIME-Version: 1.0\r\n"
  "Content-Type: multipart/related;\r\n"
  "\ttype=\"text/html\";\r\n"
  "\tboundary=\"----MultipartBoundary--abc123----\"\r\n"
  "\r\n"
  "------MultipartBoundary--abc123----\r\n"
  "Content-Type: text/css\r\n"
  "Content-Location: https://news.example.net/style.css\r\n"
  "\r\n"
  "p { margin: 0 }\r\n"
  "------MultipartBoundary--abc123----\r\n"
  "Content-Type: text/html; charset=\"iso-8859-1\"\r\n"
  "Content-Transfer-Encoding: quoted-printable\r\n"
  "Content-Location: https://news.example.net/story\r\n"
  "\r\n"
  "<html lang=3D\"fr\"><head><title>Le caf=E9 du port</title></head><body><article><p>Le caf=\r\n"
  "=E9 du port rouvre ses portes ce matin, apr=E8s des travaux, avec une nouvelle terrasse.</p></article></body></html>\r\n"
  "------MultipartBoundary--abc123------\r\n";

static void
test_mhtml_quoted_printable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossPageArticle) article = read_page (mhtml_qp, -1, TRUE, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (article->text, ==,
                   "Le café du port\n\nLe café du port rouvre ses portes ce matin, après des travaux, avec une nouvelle terrasse.");
  g_assert_cmpstr (article->location, ==, "https://news.example.net/story");
  g_assert_cmpstr (article->captured, ==, "2026-03-03T09:20:30Z");
  g_assert_cmpstr (article->metadata->language, ==, "fr");
}

static void
test_mhtml_base64 (void)
{
  const char *page = "<html><head><title>Base64 page</title></head><body><p>Encoded in base64 with an emoji 🌊, "
                     "and enough words to be read as an article.</p></body></html>";
  g_autofree char *encoded = g_base64_encode ((const guchar *) page, strlen (page));
  g_autoptr(GString) wrapped = g_string_new (NULL);
  g_autofree char *archive = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossPageArticle) article = NULL;

  for (gsize i = 0; i < strlen (encoded); i += 76)
    g_string_append_printf (wrapped, "%.76s\r\n", encoded + i);
  archive = g_strdup_printf ("MIME-Version: 1.0\nContent-Type: multipart/related; boundary=XYZ; start=\"<page@x>\"\n\n"
                             "--XYZ\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n"
                             "--XYZ\nContent-Type: text/html; charset=utf-8\nContent-ID: <page@x>\n"
                             "Content-Transfer-Encoding: base64\n\n%s--XYZ--\n", wrapped->str);
  article = read_page (archive, -1, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (article->text, ==,
                   "Base64 page\n\nEncoded in base64 with an emoji 🌊, and enough words to be read as an article.");
}

static void
test_metadata_precedence (void)
{
  g_autofree char *html = fixture_text ("news-article.html");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossPageArticle) article = read_page (html, -1, FALSE, &error);
  GlossPageMetadata *m;
  g_autoptr(GlossPageArticle) second = NULL;

  g_assert_no_error (error);
  m = article->metadata;
  /* JSON-LD over og:title, <title> and <meta name=author>; canonical over
   * og:url and JSON-LD url; JSON-LD date over article:published_time. */
  g_assert_cmpstr (m->title, ==, "Harbour ferry service returns after winter storms");
  g_assert_cmpuint (g_strv_length (m->authors), ==, 2);
  g_assert_cmpstr (m->authors[0], ==, "Mirela Okafor");
  g_assert_cmpstr (m->authors[1], ==, "Tomás Lindqvist");
  g_assert_cmpstr (m->url, ==, "https://ledger.example.org/2026/03/harbour-ferry-returns");
  g_assert_cmpstr (m->published, ==, "2026-03-02T09:15:00+01:00");
  g_assert_cmpstr (m->modified, ==, "2026-03-03T10:00:00+01:00");
  g_assert_cmpstr (m->site_name, ==, "The Coastal Ledger");
  g_assert_cmpstr (m->language, ==, "en-GB");
  g_assert_cmpstr (m->description, ==, "The island ferry sails again after three weeks of repairs.");

  /* Without JSON-LD or canonical: OpenGraph, then meta; the <title> loses its site. */
  second = read_page ("<html><head><title>Dunes are moving inland | Shore Weekly</title>"
                      "<meta property=\"og:url\" content=\"https://shore.example.com/dunes\">"
                      "<meta property=\"og:site_name\" content=\"Shore Weekly\">"
                      "<meta name=\"citation_author\" content=\"R. Varga\">"
                      "<meta name=\"citation_author\" content=\"L. Chen\">"
                      "<meta name=\"parsely-pub-date\" content=\"2025-11-30\"></head>"
                      "<body><p>Wind pushes the dunes a few metres a year, and the village moves its path.</p>"
                      "<time datetime=\"1999-01-01\">long ago</time></body></html>", -1, FALSE, &error);
  g_assert_no_error (error);
  m = second->metadata;
  g_assert_cmpstr (m->title, ==, "Dunes are moving inland");
  g_assert_cmpstr (m->url, ==, "https://shore.example.com/dunes");
  g_assert_cmpstr (m->authors[0], ==, "R. Varga");
  g_assert_cmpstr (m->authors[1], ==, "L. Chen");
  g_assert_cmpstr (m->published, ==, "2025-11-30");
}

/* The rules added for what pages really do: JSON-LD whose headline is a
 * description (the name agrees with <title>), Dublin Core before
 * OpenGraph and <meta name=author>, a creator key repeated for each
 * author, and a byline in the article's header or aside, which the
 * extractor leaves out, marked with rel=author or itemprop=author. */
static void
test_metadata_rules (void)
{
  const char *body = "<p>The lighthouse keeper retired this spring, after forty-one years, and the light now runs "
                     "itself; the village kept the keys, the logbooks and the brass bell from the lamp room.</p>"
                     "<p>She still walks up on Sundays, she said, to wind the clock that nobody else remembers.</p>";
  g_autoptr(GError) error = NULL;
  g_autofree char *encyclopedia = g_strconcat (
    "<html><head><title>Skerry Light - Free Encyclopedia</title>"
    "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"name\":\"Skerry Light\","
    "\"headline\":\"lighthouse on a rock off the western coast\"}</script></head><body><article>",
    body, "</article></body></html>", NULL);
  g_autofree char *news = g_strconcat (
    "<html><head><title>Keeper retires | The Gull</title>"
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"name\":\"The Gull\","
    "\"headline\":\"Keeper retires after forty-one years\"}</script></head><body><article>",
    body, "</article></body></html>", NULL);
  g_autofree char *dublin = g_strconcat (
    "<html><head><title>Title element</title>"
    "<meta property=\"og:title\" content=\"Social title\">"
    "<meta property=\"x:title dc:title\" content=\"Catalogue title\">"
    "<meta name=\"author\" content=\"Web Desk\">"
    "<meta name=\"DC.creator\" content=\"Brekke, Sunniva\">"
    "<meta name=\"DC.creator\" content=\"Holm, Per\">"
    "<meta name=\"DC.creator\" content=\"Holm, Per\">"
    "<meta property=\"og:description\" content=\"Social description\">"
    "<meta property=\"dc:description\" content=\"Catalogue description\">"
    "</head><body><article>", body, "</article></body></html>", NULL);
  g_autofree char *header = g_strconcat (
    "<html><head><title>The last keeper</title></head><body>"
    "<article><header class=\"entry-header\"><h1>The last keeper</h1>"
    "<div class=\"entry-info\"><a rel=\"author\" href=\"/by/ragna\">Ragna Vik</a> <time>May 2</time></div></header>",
    body, "</article>"
    "<div class=\"comments\"><span class=\"comment-author\" itemprop=\"author\">Troll</span><p>First!</p></div>"
    "</body></html>", NULL);
  g_autofree char *aside = g_strconcat (
    "<html><head><title>The bell</title></head><body><article>", body,
    "<aside><p><span itemprop=\"author\" itemscope><span itemprop=\"name\">Odd Strand</span> —</span> "
    "<time datetime=\"2025-05-02\">2 May</time></p></aside></article></body></html>", NULL);
  g_autoptr(GlossPageArticle) a = read_page (encyclopedia, -1, FALSE, &error);
  g_autoptr(GlossPageArticle) b = NULL;
  g_autoptr(GlossPageArticle) c = NULL;
  g_autoptr(GlossPageArticle) d = NULL;
  g_autoptr(GlossPageArticle) e = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (a->metadata->title, ==, "Skerry Light");

  b = read_page (news, -1, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (b->metadata->title, ==, "Keeper retires after forty-one years");

  c = read_page (dublin, -1, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c->metadata->title, ==, "Catalogue title");
  g_assert_cmpstr (c->metadata->description, ==, "Catalogue description");
  g_assert_cmpuint (g_strv_length (c->metadata->authors), ==, 2);
  g_assert_cmpstr (c->metadata->authors[0], ==, "Brekke, Sunniva");
  g_assert_cmpstr (c->metadata->authors[1], ==, "Holm, Per");

  d = read_page (header, -1, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (d->metadata->authors), ==, 1);
  g_assert_cmpstr (d->metadata->authors[0], ==, "Ragna Vik");
  g_assert_null (strstr (d->text, "Troll"));

  e = read_page (aside, -1, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (e->metadata->authors), ==, 1);
  g_assert_cmpstr (e->metadata->authors[0], ==, "Odd Strand");
}

/* Refused pages leave the project as it was. */
static void
assert_refused (const char *name,
                const char *contents,
                gssize      size,
                gint        code,
                const char *words)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-web-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, size, NULL));
  g_assert_false (gloss_import_file (project, file, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, code);
  g_assert_nonnull (strstr (error->message, name));
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” not in “%s”", words, error->message);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_documents (project)), ==, 0);
  g_assert_false (gloss_project_can_undo (project));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_bad_pages (void)
{
  g_autoptr(GString) deep = g_string_new ("<html><body>");
  gsize huge_size = 50 * 1024 * 1024;
  g_autofree char *huge = g_malloc (huge_size);
  char truncated[sizeof mhtml_qp];

  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "<div>");
  g_string_append (deep, "<p>Deep down there is some text, with commas, and more words.</p>");
  assert_refused ("deep.html", deep->str, (gssize) deep->len, GLOSS_ERROR_TOO_LARGE, "deep");

  memset (huge, 'a', huge_size);
  memcpy (huge, "<p>", 3);
  assert_refused ("huge.html", huge, (gssize) huge_size, GLOSS_ERROR_TOO_LARGE, "too large");

  memcpy (truncated, mhtml_qp, sizeof mhtml_qp);
  truncated[sizeof mhtml_qp / 2] = '\0';
  assert_refused ("cut.mhtml", truncated, -1, GLOSS_ERROR_PARSE, "truncated");

  assert_refused ("binary.html", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, GLOSS_ERROR_ENCODING, "NUL");
  assert_refused ("liar.html", "<meta charset=utf-8><p>caf\xE9 au lait, which is not UTF-8 at all</p>", -1,
                  GLOSS_ERROR_ENCODING, "UTF-8");
  assert_refused ("links.html", "<html><head><title>Index</title><script>document.write('x')</script></head>"
                  "<body><nav><a href=/a>Home</a> <a href=/b>News</a></nav><div hidden><p>Nothing visible here, "
                  "not at all.</p></div></body></html>", -1, GLOSS_ERROR_INVALID, "no readable article");
  assert_refused ("plain.mhtml", "just some text, not MIME", 24, GLOSS_ERROR_PARSE, "MHTML");
}

/* An archive larger than the page limit imports when its page is small:
 * the images make it large. */
static void
test_large_archive (void)
{
  gsize filler = 40 * 1024 * 1024;
  g_autoptr(GString) archive = g_string_sized_new (filler + 1024);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossPageArticle) article = NULL;

  g_string_append (archive, "Content-Type: multipart/related; boundary=\"b\"\r\n\r\n"
                            "--b\r\nContent-Type: text/html\r\n\r\n<title>Photo essay</title>"
                            "<p>A short page, with many photos saved beside it, and a few words.</p>\r\n"
                            "--b\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\n\r\n");
  for (gsize i = 0; i < filler / 78; i++)
    g_string_append (archive, "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB\r\n");
  g_string_append (archive, "--b--\r\n");
  g_assert_cmpuint (archive->len, >, GLOSS_PAGE_MAX_PAGE_SIZE);

  article = read_page (archive->str, (gssize) archive->len, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (article->text, ==, "Photo essay\n\nA short page, with many photos saved beside it, and a few words.");
}

/* JSON-LD nested 100,000 deep (json-glib 1.6 would overflow its stack) is
 * ignored; the page imports with the metadata it has elsewhere. */
static void
test_deep_json_ld (void)
{
  g_autoptr(GString) page = g_string_new ("<html><head><title>Deep data | Site</title>"
                                          "<script type=\"application/ld+json\">");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossPageArticle) article = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (page, "{\"@type\":\"NewsArticle\",\"a\":[");
  g_string_append (page, "</script></head><body><p>The body survives the deep metadata, with commas, and words.</p></body></html>");

  article = read_page (page->str, (gssize) page->len, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (article->metadata->title, ==, "Deep data | Site");
  g_assert_cmpstr (article->text, ==,
                   "Deep data | Site\n\nThe body survives the deep metadata, with commas, and words.");
}

/* gloss --new=p.gloss page.html and page.mhtml, then the json export
 * carries the article and its provenance. */
static void
test_command_line (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-web-cli-XXXXXX", NULL);
  g_autofree char *gloss = g_test_build_filename (G_TEST_BUILT, "..", "src", "gloss", NULL);
  g_autofree char *page = g_test_build_filename (G_TEST_DIST, "fixtures", "pages", "news-article.html", NULL);
  g_autofree char *archive = g_build_filename (dir, "story.mhtml", NULL);
  g_autofree char *expected = fixture_text ("news-article.expected.txt");
  const char *names[] = { page, archive };

  g_assert_true (g_file_set_contents (archive, mhtml_qp, -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *project = g_build_filename (dir, i == 0 ? "page.gloss" : "archive.gloss", NULL);
      g_autofree char *new_arg = g_strconcat ("--new=", project, NULL);
      const char *make[] = { gloss, new_arg, names[i], NULL };
      const char *export[] = { gloss, "--export=json", project, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *document, *provenance;
      int status = 0;

      g_spawn_sync (NULL, (char **) make, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error);
      g_assert_no_error (error);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
      g_spawn_sync (NULL, (char **) export, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

      g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
      document = json_array_get_object_element (
        json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "documents"), 0);
      provenance = json_object_get_object_member (document, "provenance");
      g_assert_cmpstr (json_object_get_string_member (provenance, "extractor"), ==, GLOSS_PAGE_EXTRACTOR);
      g_assert_cmpuint (strlen (json_object_get_string_member (provenance, "file_sha256")), ==, 64);
      if (i == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (document, "text"), ==, expected);
          g_assert_cmpstr (json_object_get_string_member (provenance, "url"), ==,
                           "https://ledger.example.org/2026/03/harbour-ferry-returns");
          g_assert_cmpstr (json_object_get_string_member (provenance, "file"), ==, "news-article.html");
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (provenance, "authors")), ==, 2);
        }
      else
        {
          g_assert_cmpstr (json_object_get_string_member (document, "title"), ==, "Le café du port");
          g_assert_cmpstr (json_object_get_string_member (provenance, "url"), ==, "https://news.example.net/story");
          g_assert_cmpstr (json_object_get_string_member (provenance, "captured"), ==, "2026-03-03T09:20:30Z");
        }
      g_unlink (project);
    }

  /* A refused page: the command line says why, naming the file, and
   * makes no project. */
  {
    g_autofree char *cut = g_build_filename (dir, "cut.mhtml", NULL);
    g_autofree char *project = g_build_filename (dir, "refused.gloss", NULL);
    g_autofree char *new_arg = g_strconcat ("--new=", project, NULL);
    const char *make[] = { gloss, new_arg, cut, NULL };
    g_autofree char *err = NULL;
    g_autoptr(GError) error = NULL;
    int status = 0;

    g_assert_true (g_file_set_contents (cut, mhtml_qp, sizeof mhtml_qp / 2, NULL));
    g_spawn_sync (NULL, (char **) make, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) != 0);
    g_assert_nonnull (strstr (err, "cut.mhtml"));
    g_assert_nonnull (strstr (err, "truncated"));
    g_assert_false (g_file_test (project, G_FILE_TEST_EXISTS));
    g_unlink (cut);
  }

  g_unlink (archive);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/page/extraction-rules", test_extraction_rules);
  g_test_add_func ("/page/tables-and-breaks", test_tables_and_breaks);
  g_test_add_func ("/page/list-with-pictures", test_list_with_pictures);
  g_test_add_func ("/page/whitespace-and-entities", test_whitespace_and_entities);
  g_test_add_func ("/page/encodings", test_encodings);
  g_test_add_func ("/page/mhtml-quoted-printable", test_mhtml_quoted_printable);
  g_test_add_func ("/page/mhtml-base64", test_mhtml_base64);
  g_test_add_func ("/page/metadata-precedence", test_metadata_precedence);
  g_test_add_func ("/page/metadata-rules", test_metadata_rules);
  g_test_add_func ("/page/bad-pages", test_bad_pages);
  g_test_add_func ("/page/deep-json-ld", test_deep_json_ld);
  g_test_add_func ("/page/large-archive", test_large_archive);
  g_test_add_func ("/page/command-line", test_command_line);

  return g_test_run ();
}
