/* test-cli.c — the headless command line, run as a user runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>

#include <json-glib/json-glib.h>

#include "gloss.h"
#include "gloss-cli.h"

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
gloss_binary (void)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "src", "gloss", NULL);
}

/* Runs gloss with @args (NULL-terminated) in @cwd. */
static void
run_gloss (Run         *run,
           const char  *cwd,
           const char  *first_arg,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, gloss_binary ());
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (cwd, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (run->status) ? WEXITSTATUS (run->status) : 128;
}

static char *
make_workdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gloss-cli-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static char *
read_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
remove_tree (const char *dir)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (command), ==, 0);
}

static const char article[] =
  "Geneva talks stall\r\n\r\n"
  "The envoy said there was “no deal yet” 🤝🏽, according to NBC News.\r\n"
  "Officials in Kyiv 🇺🇦 and שלום 你好 disagreed.\r\n";

static void
test_help_and_version (void)
{
  g_auto(Run) help = { 0 };
  g_auto(Run) version = { 0 };

  run_gloss (&help, NULL, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--new"));
  g_assert_nonnull (strstr (help.out, "--export"));
  g_assert_nonnull (strstr (help.out, "--validate"));

  run_gloss (&version, NULL, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, "gloss " PACKAGE_VERSION "\n");
}

/* The same article twice (copied under another name, and re-saved with
 * other line endings' bytes but the same text) makes one document, and
 * stderr says which file was left out and why. The file's name, not its
 * folder, is what the provenance records. */
static void
test_new_duplicates (void)
{
  g_autofree char *dir = make_workdir ();
  g_autofree char *contents = NULL;
  g_autofree char *bom_article = g_strconcat ("\xef\xbb\xbf", article, NULL);
  g_auto(Run) created = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *documents;
  JsonObject *provenance;

  write_file (dir, "article.txt", article, -1);
  write_file (dir, "copy.txt", article, -1);
  write_file (dir, "with-bom.txt", bom_article, -1);
  write_file (dir, "other.md", "# Another story\n\nNothing alike.\n", -1);

  run_gloss (&created, dir, "--new=dups.gloss", "article.txt", "copy.txt", "other.md",
             "with-bom.txt", NULL);
  g_assert_cmpint (created.status, ==, 0);
  g_assert_nonnull (strstr (created.err, "copy.txt: has the same file as “Geneva talks stall”"));
  g_assert_nonnull (strstr (created.err, "with-bom.txt: has the same text as “Geneva talks stall”"));

  contents = read_file (dir, "dups.gloss");
  json_parser_load_from_data (parser, contents, -1, &error);
  g_assert_no_error (error);
  documents = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                            "documents");
  g_assert_cmpuint (json_array_get_length (documents), ==, 2);
  provenance = json_object_get_object_member (json_array_get_object_element (documents, 0),
                                              "provenance");
  g_assert_cmpstr (json_object_get_string_member (provenance, "file"), ==, "article.txt");
  g_assert_null (strchr (json_object_get_string_member (provenance, "file"), '/'));
  remove_tree (dir);
}

static void
test_usage_errors (void)
{
  g_auto(Run) unknown = { 0 };
  g_auto(Run) two = { 0 };
  g_auto(Run) format = { 0 };
  g_auto(Run) brat = { 0 };

  run_gloss (&unknown, NULL, "--validate", "--frobnicate", "x.gloss", NULL);
  g_assert_cmpint (unknown.status, ==, 2);

  run_gloss (&two, NULL, "--validate", "--export=json", "x.gloss", NULL);
  g_assert_cmpint (two.status, ==, 2);
  g_assert_nonnull (strstr (two.err, "only one"));

  run_gloss (&format, NULL, "--export=pdf", "x.gloss", NULL);
  g_assert_cmpint (format.status, ==, 2);
  g_assert_nonnull (strstr (format.err, "pdf"));

  run_gloss (&brat, NULL, "--export=brat", "x.gloss", NULL);
  g_assert_cmpint (brat.status, ==, 2);
  g_assert_nonnull (strstr (brat.err, "--output"));
}

static void
test_new_export_validate (void)
{
  g_autofree char *dir = make_workdir ();
  g_autofree char *project_path = g_build_filename (dir, "talks.gloss", NULL);
  g_auto(Run) created = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) forced = { 0 };
  g_auto(Run) exported = { 0 };
  g_auto(Run) valid = { 0 };
  g_auto(Run) csv = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  JsonObject *root;

  write_file (dir, "article.txt", article, -1);

  run_gloss (&created, dir, "--new=talks.gloss", "article.txt", NULL);
  g_assert_cmpint (created.status, ==, 0);
  g_assert_true (g_file_test (project_path, G_FILE_TEST_IS_REGULAR));

  /* Never overwrite without --force. */
  before = read_file (dir, "talks.gloss");
  run_gloss (&again, dir, "--new=talks.gloss", "article.txt", NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "talks.gloss"));
  g_assert_nonnull (strstr (again.err, "--force"));
  after = read_file (dir, "talks.gloss");
  g_assert_cmpstr (before, ==, after);

  run_gloss (&forced, dir, "--new=talks.gloss", "--force", "--title=Geneva", "article.txt", NULL);
  g_assert_cmpint (forced.status, ==, 0);

  run_gloss (&exported, dir, "--export=json", "talks.gloss", NULL);
  g_assert_cmpint (exported.status, ==, 0);
  json_parser_load_from_data (parser, exported.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "project"), "title"), ==, "Geneva");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "documents")), ==, 1);
  /* The text is kept exactly, CRLF and all. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (root, "documents"), 0), "text"),
                   ==, article);

  run_gloss (&csv, dir, "--export=csv", "--output=out.csv", "talks.gloss", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  {
    g_autofree char *csv_path = g_build_filename (dir, "out.csv", NULL);
    g_assert_true (g_file_test (csv_path, G_FILE_TEST_EXISTS));
  }

  run_gloss (&valid, dir, "--validate", "talks.gloss", NULL);
  g_assert_cmpint (valid.status, ==, 0);
  g_assert_nonnull (strstr (valid.out, "valid (1 document, 0 annotations, 0 relations)"));

  remove_tree (dir);
}

/* gloss --new=P ANNOTATIONS.json ARTICLE: the article first whatever the
 * order, the annotations anchored, each document's placement printed;
 * then --w3c-offsets chooses the unit of the export's positions. */
static void
test_web_annotations (void)
{
  g_autofree char *dir = make_workdir ();
  g_auto(Run) created = { 0 };
  g_auto(Run) code_points = { 0 };
  g_auto(Run) utf16 = { 0 };
  g_auto(Run) wrong_format = { 0 };
  g_auto(Run) wrong_unit = { 0 };
  g_auto(Run) without_export = { 0 };
  /* "Kyiv" is at code point 102 and UTF-16 unit 104: the emoji before it
   * count two units each. */
  static const char hypothesis[] =
    "{\"total\": 1, \"rows\": [{\"id\": \"h1\", \"uri\": \"https://news.example/talks\","
    " \"user\": \"acct:ana@hypothes.is\", \"text\": \"which officials?\", \"tags\": [\"place\"],"
    " \"target\": [{\"source\": \"https://news.example/talks\", \"selector\": ["
    "  {\"type\": \"TextPositionSelector\", \"start\": 104, \"end\": 108},"
    "  {\"type\": \"TextQuoteSelector\", \"exact\": \"Kyiv\"}]}]}]}";

  write_file (dir, "article.txt", article, -1);
  write_file (dir, "hypothesis.json", hypothesis, -1);

  run_gloss (&created, dir, "--new=talks.gloss", "hypothesis.json", "article.txt", NULL);
  g_assert_cmpint (created.status, ==, 0);
  g_assert_nonnull (strstr (created.err, "hypothesis.json: imported 1 annotation, 1 note"));
  g_assert_nonnull (strstr (created.err, "Geneva talks stall: 1 anchored exactly, 0 moved, 0 orphaned"));

  run_gloss (&code_points, dir, "--export=w3c", "talks.gloss", NULL);
  g_assert_cmpint (code_points.status, ==, 0);
  g_assert_nonnull (strstr (code_points.out, "\"start\": 102"));
  g_assert_nonnull (strstr (code_points.out, "count Unicode code points"));
  g_assert_null (strstr (code_points.out, dir));

  run_gloss (&utf16, dir, "--export=w3c", "--w3c-offsets=utf16", "talks.gloss", NULL);
  g_assert_cmpint (utf16.status, ==, 0);
  g_assert_nonnull (strstr (utf16.out, "\"start\": 104"));
  g_assert_nonnull (strstr (utf16.out, "count UTF-16 code units"));

  run_gloss (&wrong_format, dir, "--export=csv", "--w3c-offsets=utf16", "talks.gloss", NULL);
  g_assert_cmpint (wrong_format.status, ==, 2);
  g_assert_nonnull (strstr (wrong_format.err, "--w3c-offsets goes with --export=w3c"));
  run_gloss (&wrong_unit, dir, "--export=w3c", "--w3c-offsets=bytes", "talks.gloss", NULL);
  g_assert_cmpint (wrong_unit.status, ==, 2);
  g_assert_nonnull (strstr (wrong_unit.err, "bytes"));
  run_gloss (&without_export, dir, "--validate", "--w3c-offsets=utf16", "talks.gloss", NULL);
  g_assert_cmpint (without_export.status, ==, 2);

  remove_tree (dir);
}

static void
test_bad_input (void)
{
  g_autofree char *dir = make_workdir ();
  g_auto(Run) broken = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) latin1 = { 0 };
  g_auto(Run) export_broken = { 0 };
  g_autofree char *after = NULL;
  const char broken_text[] = "{\"format\": \"gloss-project\", \"version\": 1, \"title\": ";

  write_file (dir, "broken.gloss", broken_text, -1);
  run_gloss (&broken, dir, "--validate", "broken.gloss", NULL);
  g_assert_cmpint (broken.status, ==, 1);
  g_assert_nonnull (strstr (broken.err, "broken.gloss"));

  run_gloss (&export_broken, dir, "--export=json", "broken.gloss", NULL);
  g_assert_cmpint (export_broken.status, ==, 1);
  g_assert_nonnull (strstr (export_broken.err, "broken.gloss"));
  g_assert_cmpstr (export_broken.out, ==, "");
  after = read_file (dir, "broken.gloss");
  g_assert_cmpstr (after, ==, broken_text);

  run_gloss (&missing, dir, "--export=json", "nowhere.gloss", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "nowhere.gloss"));

  /* Not UTF-8 and no byte order mark: read as Windows-1252, and said. */
  write_file (dir, "latin1.txt", "caf\xe9 au lait, \x93" "frisch\x94\n", -1);
  run_gloss (&latin1, dir, "--new=x.gloss", "latin1.txt", NULL);
  g_assert_cmpint (latin1.status, ==, 0);
  g_assert_nonnull (strstr (latin1.err, "latin1.txt: it was not saved as UTF-8, so Gloss read it as "
                                        "Western European text (Windows-1252"));
  {
    g_autofree char *made = read_file (dir, "x.gloss");

    g_assert_nonnull (strstr (made, "\"text\": \"café au lait, “frisch”\\n\""));
    /* The source is the file's name, not the folder it was in. */
    g_assert_nonnull (strstr (made, "\"source\": \"latin1.txt\""));
    g_assert_null (strstr (made, dir));
  }

  remove_tree (dir);
}

/* --encoding names what the articles are in; it goes with --new only. */
static void
test_encoding_option (void)
{
  g_autofree char *dir = make_workdir ();
  g_auto(Run) named = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) alone = { 0 };
  g_autofree char *made = NULL;

  /* 0xA4 is the euro sign in ISO-8859-15 (and ¤ in Windows-1252). */
  write_file (dir, "preis.txt", "Preis: 12\xa4\n", -1);
  run_gloss (&named, dir, "--new=p.gloss", "--encoding=ISO-8859-15", "preis.txt", NULL);
  g_assert_cmpint (named.status, ==, 0);
  g_assert_null (strstr (named.err, "not saved as UTF-8"));
  made = read_file (dir, "p.gloss");
  g_assert_nonnull (strstr (made, "\"text\": \"Preis: 12€\\n\""));

  run_gloss (&unknown, dir, "--new=q.gloss", "--encoding=martian", "preis.txt", NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "“martian”"));

  run_gloss (&alone, dir, "--validate", "--encoding=latin1", "p.gloss", NULL);
  g_assert_cmpint (alone.status, ==, 2);
  g_assert_nonnull (strstr (alone.err, "--encoding goes with --new"));

  remove_tree (dir);
}

/* Run from the build tree with GLOSS_LOCALEDIR (what build-aux/dev and
 * meson devenv set), gloss speaks the build's own German catalog. */
static void
test_build_tree_catalogs (void)
{
  g_autofree char *binary = gloss_binary ();
  g_autofree char *catalogs = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { binary, "--validate", "missing-project.gloss", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *cwd = make_workdir ();
  g_autofree char *broken = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "de", TRUE);
  env = g_environ_setenv (env, "GLOSS_LOCALEDIR", catalogs, TRUE);
  g_spawn_sync (cwd, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (err, "missing-project.gloss: 1 Problem\n"));
  g_assert_nonnull (strstr (err, "missing-project.gloss: Datei existiert nicht"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The walk's messages, and the JSON type names inside them, too. */
  broken = g_build_filename (cwd, "broken.gloss", NULL);
  argv[2] = broken;
  g_assert_true (g_file_set_contents (broken, "{\"format\": \"gloss-project\", \"version\": {}}", -1, NULL));
  g_spawn_sync (cwd, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (err, "version: muss eine ganze Zahl sein, nicht ein Objekt"));
  g_unlink (broken);
  g_rmdir (cwd);
}

/* The code point offset of @needle in @text, by bytes: an oracle. */
static guint
offset_in (const char *text,
           const char *needle)
{
  const char *p = strstr (text, needle);

  g_assert_nonnull (p);
  return (guint) g_utf8_pointer_to_offset (text, p);
}

static void
test_search (void)
{
  g_autofree char *dir = make_workdir ();
  g_autofree char *path = g_build_filename (dir, "talks.gloss", NULL);
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossDocument) document = gloss_document_new ("geneva", "Geneva", article);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *expected_tagged = NULL;
  g_auto(Run) plain = { 0 };
  g_auto(Run) regex = { 0 };
  g_auto(Run) tagged = { 0 };
  g_auto(Run) bad_regex = { 0 };
  g_auto(Run) no_tag = { 0 };
  g_auto(Run) none = { 0 };
  g_auto(Run) stray = { 0 };
  guint deal = offset_in (article, "deal");
  guint officials = offset_in (article, "Officials");

  gloss_project_insert_document (project, document);
  gloss_project_annotate (project, document, deal - 3, deal + 8, "claim");  /* "no deal yet" */
  gloss_project_save (project, file, &error);
  g_assert_no_error (error);

  /* Case-insensitive, offsets in code points past CRLF and emoji. */
  run_gloss (&plain, dir, "--search=DEAL", "talks.gloss", NULL);
  g_assert_cmpint (plain.status, ==, 0);
  expected = g_strdup_printf ("geneva:%u:%u: The envoy said there was “no deal yet” 🤝🏽, according to NBC News.\n",
                              deal, deal + 4);
  g_assert_cmpstr (plain.out, ==, expected);

  run_gloss (&regex, dir, "--search=(deal|officials) ", "--regex", "talks.gloss", NULL);
  g_assert_cmpint (regex.status, ==, 0);
  {
    g_autofree char *first = g_strdup_printf ("geneva:%u:%u: ", deal, deal + 5);
    g_autofree char *second = g_strdup_printf ("\ngeneva:%u:%u: Officials in Kyiv", officials, officials + 10);

    g_assert_true (g_str_has_prefix (regex.out, first));
    g_assert_nonnull (strstr (regex.out, second));
  }

  /* Only inside annotations tagged Claim: "deal" is, "envoy" is not. */
  run_gloss (&tagged, dir, "--search=deal", "--tag=Claim", "talks.gloss", NULL);
  g_assert_cmpint (tagged.status, ==, 0);
  g_assert_cmpstr (tagged.out, ==, expected);
  g_clear_pointer (&tagged.out, g_free);
  g_clear_pointer (&tagged.err, g_free);
  run_gloss (&tagged, dir, "--search=envoy", "--tag=Claim", "talks.gloss", NULL);
  g_assert_cmpint (tagged.status, ==, 0);
  g_assert_cmpstr (tagged.out, ==, "");

  run_gloss (&none, dir, "--search=armistice", "talks.gloss", NULL);
  g_assert_cmpint (none.status, ==, 0);
  g_assert_cmpstr (none.out, ==, "");

  /* A broken regex is wrong usage and says where it broke. */
  run_gloss (&bad_regex, dir, "--search=talks (stall", "--regex", "talks.gloss", NULL);
  g_assert_cmpint (bad_regex.status, ==, 2);
  g_assert_nonnull (strstr (bad_regex.err, "regular expression"));
  g_assert_nonnull (strstr (bad_regex.err, "12"));

  run_gloss (&no_tag, dir, "--search=deal", "--tag=Rumour", "talks.gloss", NULL);
  g_assert_cmpint (no_tag.status, ==, 1);
  g_assert_nonnull (strstr (no_tag.err, "talks.gloss"));
  g_assert_nonnull (strstr (no_tag.err, "Rumour"));

  run_gloss (&stray, dir, "--regex", "--validate", "talks.gloss", NULL);
  g_assert_cmpint (stray.status, ==, 2);

  remove_tree (dir);
}

/* Two analysts' projects of the same article, saved by Gloss. */
static void
save_analyst (const char  *dir,
              const char  *name,
              const char  *quotes[],
              const char  *tag)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossDocument) document = gloss_document_new ("talks", "Talks", article);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  gloss_project_insert_document (project, document);
  for (guint i = 0; quotes[i] != NULL; i++)
    {
      const char *at = strstr (article, quotes[i]);
      GlossOffset start = (GlossOffset) g_utf8_strlen (article, at - article);
      g_autoptr(GlossAnnotation) annotation = gloss_annotation_new (NULL, start, start + g_utf8_strlen (quotes[i], -1));

      gloss_annotation_add_tag (annotation, tag);
      gloss_document_add_annotation (document, annotation);
    }
  gloss_project_save (project, file, &error);
  g_assert_no_error (error);
}

static void
test_agreement (void)
{
  g_autofree char *dir = make_workdir ();
  const char *ana[] = { "no deal yet", "Officials in Kyiv 🇺🇦", NULL };
  const char *ben[] = { "“no deal yet”", "Officials in Kyiv 🇺🇦", NULL };
  g_auto(Run) json = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) one_file = { 0 };
  g_auto(Run) stray = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *claim = NULL, *person = NULL;
  JsonArray *tags;

  save_analyst (dir, "ana.gloss", ana, "claim");
  save_analyst (dir, "ben.gloss", ben, "claim");

  run_gloss (&json, dir, "--agreement=json", "ana.gloss", "ben.gloss", NULL);
  g_assert_cmpint (json.status, ==, 0);
  json_parser_load_from_data (parser, json.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (root, "annotators"), 1), ==, "ben.gloss");
  g_assert_cmpint (json_object_get_int_member (root, "documents"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "skipped")), ==, 0);
  tags = json_object_get_array_member (root, "tags");
  for (guint i = 0; i < json_array_get_length (tags); i++)
    {
      JsonObject *tag = json_array_get_object_element (tags, i);

      if (g_str_equal (json_object_get_string_member (tag, "tag"), "Claim"))
        claim = tag;
      if (g_str_equal (json_object_get_string_member (tag, "tag"), "Person"))
        person = tag;
    }
  g_assert_nonnull (claim);
  g_assert_nonnull (person);
  /* One span exactly the same of two each: 2 × 1 / 4; both overlap. */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (claim, "f1_exact"), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (claim, "f1_overlap"), 1.0, 1e-9);
  g_assert_cmpfloat (json_object_get_double_member (claim, "alpha_u"), >, 0.5);
  g_assert_cmpfloat (json_object_get_double_member (claim, "alpha_u"), <, 1.0);
  g_assert_true (json_object_get_null_member (person, "alpha_u"));
  g_assert_true (json_object_get_null_member (person, "f1_exact"));
  g_assert_true (json_object_has_member (root, "alpha_u"));
  g_assert_true (json_object_has_member (root, "kappa"));

  run_gloss (&text, dir, "--agreement", "ana.gloss", "ben.gloss", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Person, α_U: undefined (no annotations with this tag)"));
  g_assert_null (strstr (text.out, "nan"));

  run_gloss (&one_file, dir, "--agreement", "ana.gloss", NULL);
  g_assert_cmpint (one_file.status, ==, 2);
  run_gloss (&stray, dir, "--by-author", "ana.gloss", NULL);
  g_assert_cmpint (stray.status, ==, 2);

  remove_tree (dir);
}

/* Which mode main () picks: the command line for any of its options (or
 * an option nobody knows, to refuse), the window for files alone and for
 * GApplication's own options. */
static gboolean
wants (const char *first,
       ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (gpointer) "gloss");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return gloss_cli_wants_command_line ((int) argv->len - 1, (char **) argv->pdata);
}

static void
test_mode (void)
{
  g_assert_false (wants (NULL, NULL));
  g_assert_false (wants ("talks.gloss", NULL));
  g_assert_false (wants ("article.txt", "more.md", NULL));
  g_assert_false (wants ("-", NULL));
  g_assert_false (wants ("--gapplication-service", NULL));
  g_assert_false (wants ("--", "--new=odd-name.gloss", NULL));

  g_assert_true (wants ("--new=talks.gloss", "article.txt", NULL));
  g_assert_true (wants ("--new", "talks.gloss", "article.txt", NULL));
  g_assert_true (wants ("--export=json", "talks.gloss", NULL));
  g_assert_true (wants ("-o", "out.json", "talks.gloss", NULL));
  g_assert_true (wants ("--validate", "talks.gloss", NULL));
  g_assert_true (wants ("--search=deal", "talks.gloss", NULL));
  g_assert_true (wants ("--merge", "b.gloss", "o.gloss", "t.gloss", NULL));
  g_assert_true (wants ("--agreement", "a.gloss", "b.gloss", NULL));
  g_assert_true (wants ("--agreement=json", "--by-author", "a.gloss", NULL));
  g_assert_true (wants ("--version", NULL));
  g_assert_true (wants ("--help", NULL));
  g_assert_true (wants ("-h", NULL));
  /* Modifiers alone, malformed options and unknown ones: the command
   * line explains (exit 2) rather than the window ignoring them. */
  g_assert_true (wants ("--force", "talks.gloss", NULL));
  g_assert_true (wants ("--export", NULL));
  g_assert_true (wants ("--frobnicate", "talks.gloss", NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/cli/build-tree-catalogs", test_build_tree_catalogs);
  g_test_add_func ("/gloss/cli/encoding-option", test_encoding_option);
  g_test_add_func ("/gloss/cli/mode", test_mode);
  g_test_add_func ("/gloss/cli/help-and-version", test_help_and_version);
  g_test_add_func ("/gloss/cli/new-duplicates", test_new_duplicates);
  g_test_add_func ("/gloss/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/gloss/cli/new-export-validate", test_new_export_validate);
  g_test_add_func ("/gloss/cli/web-annotations", test_web_annotations);
  g_test_add_func ("/gloss/cli/bad-input", test_bad_input);
  g_test_add_func ("/gloss/cli/search", test_search);
  g_test_add_func ("/gloss/cli/agreement", test_agreement);

  return g_test_run ();
}
