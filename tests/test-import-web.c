/* test-import-web.c — W3C Web Annotations and Hypothesis JSON into a project
 *
 * The fixtures in tests/fixtures/web are written for these tests:
 * harbour.txt (emoji, a ZWJ family, a flag, combining marks, Arabic, CJK,
 * CRLF) and annotations on it in every shape the importer reads, and
 * dalsund-saved.txt, a saved copy of a page that a Hypothesis export was
 * made on live (menus, an older wording, a sentence since removed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gloss.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "web", name, NULL);
}

static GlossDocument *
add_article (GlossProject *project,
             const char   *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = gloss_import_text_file (file, &error);

  g_assert_no_error (error);
  gloss_project_add_document (project, document);
  return document;
}

static GlossImportReport *
import_fixture (GlossProject *project,
                const char   *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossImportReport *report = gloss_import_report_new ();

  g_assert_true (gloss_import_file_holds_web_annotations (file));
  g_assert_true (gloss_import_file (project, file, report, &error));
  g_assert_no_error (error);
  return report;
}

/* The annotation of @document over the first occurrence of @quote. */
static GlossAnnotation *
annotation_on (GlossDocument *document,
               const char    *quote)
{
  for (guint i = 0; i < gloss_document_get_n_annotations (document); i++)
    {
      GlossAnnotation *annotation = gloss_document_get_annotation (document, i);

      if (g_str_equal (gloss_annotation_get_quote (annotation), quote))
        return annotation;
    }

  g_error ("no annotation quotes “%s”", quote);
  return NULL;
}

static void
assert_at (GlossDocument   *document,
           GlossAnnotation *annotation,
           const char      *quote)
{
  const char *text = gloss_document_get_text (document);
  const char *found = strstr (text, quote);

  g_assert_nonnull (found);
  g_assert_cmpint (gloss_annotation_get_start (annotation), ==, g_utf8_pointer_to_offset (text, found));
  g_assert_cmpint (gloss_annotation_get_end (annotation), ==,
                   g_utf8_pointer_to_offset (text, found) + g_utf8_strlen (quote, -1));
}

static char *
tag_names (GlossProject    *project,
           GlossAnnotation *annotation)
{
  const char * const *ids = gloss_annotation_get_tags (annotation);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer) gloss_tag_get_name (gloss_project_lookup_tag (project, ids[i])));
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static GlossImportReport *import_text (GlossProject *project,
                                       const char   *contents);

static GlossImportPlacement *
only_placement (GlossImportReport *report)
{
  g_assert_cmpuint (report->placements->len, ==, 1);
  return g_ptr_array_index (report->placements, 0);
}

#define FERRY "the ferry \xF0\x9F\x87\xB3\xF0\x9F\x87\xB4"
#define ZOE "Zoe\xCC\x88 Brandt"
#define ARABIC "\xD9\x82\xD8\xA7\xD9\x84 \xD8\xA7\xD9\x84\xD8\xB5\xD9\x8A\xD8\xA7\xD8\xAF \xD8\xA5\xD9\x86 " \
               "\xD8\xA7\xD9\x84\xD9\x85\xD9\x8A\xD9\x86\xD8\xA7\xD8\xA1 \xD9\x85\xD8\xB2\xD8\xAF\xD8\xAD\xD9\x85"
#define SHIP "\xE6\xB8\xA1\xE8\x88\xB9"

/* An AnnotationCollection with its page, positions in code points:
 * tags, notes, a describing body, a quote-only selector, a link, a reply
 * and an annotation on a document the project does not have. */
static void
test_collection (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossImportReport) report = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *created = NULL;
  GlossDocument *harbour = add_article (project, "harbour.txt");
  GlossAnnotation *ferry, *zoe, *arabic, *gamble;
  GlossRelation *relation;
  GlossImportPlacement *placement;

  report = import_fixture (project, "w3c-collection.jsonld");
  g_assert_cmpuint (report->annotations, ==, 4);
  g_assert_cmpuint (report->relations, ==, 1);
  g_assert_cmpuint (report->replies, ==, 1);
  g_assert_cmpuint (report->unplaced, ==, 1);
  g_assert_cmpuint (report->messages->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (report->messages, 0), "https://elsewhere.example/other-story"));
  placement = only_placement (report);
  g_assert_cmpstr (placement->document, ==, gloss_document_get_title (harbour));
  g_assert_cmpuint (placement->exact, ==, 4);
  g_assert_cmpuint (placement->moved, ==, 0);
  g_assert_cmpuint (placement->orphaned, ==, 0);

  g_assert_cmpuint (gloss_document_get_n_annotations (harbour), ==, 4);
  ferry = annotation_on (harbour, FERRY);
  assert_at (harbour, ferry, FERRY);
  g_assert_cmpint (gloss_annotation_get_state (ferry), ==, GLOSS_ANCHOR_ANCHORED);
  /* The file's urn:uuid: id is kept. */
  g_assert_cmpstr (gloss_annotation_get_id (ferry), ==, "6f1c2a9e-4b7d-4e0a-9c11-2f5d8e3a7b01");
  /* "claim" is the project's own Claim tag. */
  tags = tag_names (project, ferry);
  g_assert_cmpstr (tags, ==, "Claim");
  g_assert_cmpstr (gloss_annotation_get_note (ferry), ==,
                   "Check the ferry timetable.\n\n"
                   "\xE2\x80\x94 Omar Haddad, 2026-03-02 11:30:\nThe timetable says June, not May.");
  g_assert_cmpstr (gloss_annotation_get_author (ferry), ==, "Ines Duarte");
  created = g_date_time_format_iso8601 (gloss_annotation_get_created (ferry));
  g_assert_cmpstr (created, ==, "2026-03-02T09:15:00Z");

  zoe = annotation_on (harbour, ZOE);
  assert_at (harbour, zoe, ZOE);
  g_assert_cmpstr (gloss_annotation_get_author (zoe), ==, "Ines Duarte");
  g_clear_pointer (&tags, g_free);
  tags = tag_names (project, zoe);
  g_assert_cmpstr (tags, ==, "Person");

  arabic = annotation_on (harbour, ARABIC);
  assert_at (harbour, arabic, ARABIC);
  g_assert_cmpstr (gloss_annotation_get_attribute (arabic, "language"), ==, "ar");

  /* A quote alone, with prefix and suffix. */
  gamble = annotation_on (harbour, "a gamble");
  assert_at (harbour, gamble, "a gamble");
  g_assert_cmpint (gloss_annotation_get_state (gamble), ==, GLOSS_ANCHOR_ANCHORED);
  g_assert_cmpstr (gloss_annotation_get_note (gamble), ==, "Her words, not ours.");

  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_relations (project)), ==, 1);
  relation = g_list_model_get_item (gloss_project_get_relations (project), 0);
  g_assert_cmpstr (gloss_relation_get_from (relation), ==, gloss_annotation_get_id (zoe));
  g_assert_cmpstr (gloss_relation_get_to (relation), ==, gloss_annotation_get_id (gamble));
  g_assert_cmpstr (gloss_relation_get_type_name (relation), ==, "said-by");
  g_assert_cmpstr (gloss_relation_get_note (relation), ==, "She said it at the pier.");
  g_object_unref (relation);

  /* One undo step takes it all back. */
  g_assert_true (gloss_project_undo (project));
  g_assert_cmpuint (gloss_document_get_n_annotations (harbour), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_relations (project)), ==, 0);
}

/* An AnnotationPage as a JavaScript tool writes it: UTF-16 positions,
 * told apart from code points by the quote; the document found by the
 * file name at the end of the address. */
static void
test_page_utf16 (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossImportReport) report = NULL;
  GlossDocument *harbour = add_article (project, "harbour.txt");
  const char *quotes[] = { FERRY, SHIP, ARABIC };

  report = import_fixture (project, "w3c-page-utf16.jsonld");
  g_assert_cmpuint (report->annotations, ==, 3);
  g_assert_cmpuint (only_placement (report)->exact, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (quotes); i++)
    {
      GlossAnnotation *annotation = annotation_on (harbour, quotes[i]);

      assert_at (harbour, annotation, quotes[i]);
      g_assert_cmpint (gloss_annotation_get_state (annotation), ==, GLOSS_ANCHOR_ANCHORED);
    }
}

/* Only the positions tell which "the" is meant, no context: counted in
 * UTF-16 code units they point past the emoji at one occurrence, which the
 * import must find by reading them as UTF-16; read as code points they
 * hold no "the". The same in code points finds the same place. */
static void
test_positions_pick_the_occurrence (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  GlossDocument *harbour = add_article (project, "harbour.txt");
  const char *text = gloss_document_get_text (harbour);
  /* "the terminal": the last "the", after the ZWJ family, the flag and the
   * combining marks. */
  const char *occurrence = strstr (text, "the terminal");
  GlossOffset start = (GlossOffset) g_utf8_pointer_to_offset (text, occurrence);
  gsize start16 = gloss_document_offset_to_utf16 (harbour, start);
  const char *units[] = { "utf16", "code points" };

  g_assert_cmpuint (start16, >, start);
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      gsize at = i == 0 ? start16 : start;
      g_autofree char *json = g_strdup_printf (
        "{\"type\": \"Annotation\", \"id\": \"urn:x:%u\", \"target\": {\"source\": \"harbour.txt\","
        " \"selector\": [{\"type\": \"TextQuoteSelector\", \"exact\": \"the\"},"
        " {\"type\": \"TextPositionSelector\", \"start\": %" G_GSIZE_FORMAT ", \"end\": %" G_GSIZE_FORMAT "}]}}",
        i, at, at + 3);
      g_autoptr(GlossImportReport) report = import_text (project, json);

      g_test_message ("positions in %s", units[i]);
      g_assert_cmpuint (gloss_document_get_n_annotations (harbour), ==, i + 1);
      g_assert_cmpuint (only_placement (report)->exact, ==, 1);
      for (guint j = 0; j < gloss_document_get_n_annotations (harbour); j++)
        {
          GlossAnnotation *annotation = gloss_document_get_annotation (harbour, j);

          g_assert_cmpint (gloss_annotation_get_start (annotation), ==, start);
          g_assert_cmpint (gloss_annotation_get_state (annotation), ==, GLOSS_ANCHOR_ANCHORED);
        }
    }
}

/* A bare array with "@id"/"@type", "oa:" prefixes, one selector as an
 * object, a RangeSelector passed over and positions that hold nothing;
 * and a single Annotation with a bodyValue. */
static void
test_array_and_single (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossImportReport) report = NULL;
  g_autoptr(GlossImportReport) single = NULL;
  g_autofree char *tags = NULL;
  GlossDocument *harbour = add_article (project, "harbour.txt");
  GlossAnnotation *ship, *mayor, *residents;

  report = import_fixture (project, "w3c-array.json");
  g_assert_cmpuint (report->annotations, ==, 2);
  ship = annotation_on (harbour, SHIP);
  assert_at (harbour, ship, SHIP);
  /* Its positions were wrong, its quote and context right. */
  g_assert_cmpint (gloss_annotation_get_state (ship), ==, GLOSS_ANCHOR_ANCHORED);
  tags = tag_names (project, ship);
  g_assert_cmpstr (tags, ==, "Place");
  mayor = annotation_on (harbour, "mayor");
  assert_at (harbour, mayor, "mayor");

  single = import_fixture (project, "w3c-single.json");
  g_assert_cmpuint (single->annotations, ==, 1);
  residents = annotation_on (harbour, "told residents");
  assert_at (harbour, residents, "told residents");
  g_assert_cmpstr (gloss_annotation_get_note (residents), ==, "Which residents?");
}

/* Hypothesis API rows: a reply thread (a reply to a reply too) goes into
 * the first annotation's note in order; UTF-16 positions. */
static void
test_hypothesis_rows (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossImportReport) report = NULL;
  g_autofree char *tags = NULL;
  GlossDocument *harbour = add_article (project, "harbour.txt");
  GlossAnnotation *mayor, *ferry;

  report = import_fixture (project, "hypothesis-api.json");
  g_assert_cmpuint (report->annotations, ==, 2);
  g_assert_cmpuint (report->replies, ==, 2);
  g_assert_cmpuint (only_placement (report)->exact, ==, 2);

  mayor = annotation_on (harbour, "mayor");
  assert_at (harbour, mayor, "mayor");
  g_assert_cmpstr (gloss_annotation_get_note (mayor), ==,
                   "Which mayor? There are two.\n\n"
                   "\xE2\x80\x94 Piet, 2026-03-03 09:10:\nThe harbour town's, Jens Holm.\n\n"
                   "\xE2\x80\x94 Marta, 2026-03-03 09:40:\nConfirmed on the council site.");
  g_assert_cmpstr (gloss_annotation_get_author (mayor), ==, "Marta");
  /* "person" is the project's Person; "check" is new, made for it. */
  tags = tag_names (project, mayor);
  g_assert_cmpstr (tags, ==, "Person check");
  g_assert_nonnull (gloss_project_lookup_tag_by_name (project, "check"));
  g_assert_true (gloss_project_undo (project));
  g_assert_null (gloss_project_lookup_tag_by_name (project, "check"));
  g_assert_true (gloss_project_redo (project));
  mayor = annotation_on (harbour, "mayor");

  ferry = annotation_on (harbour, FERRY);
  assert_at (harbour, ferry, FERRY);
  g_assert_cmpstr (gloss_annotation_get_note (ferry), ==, "");
}

/* The case that matters: a Hypothesis export made on the live page
 * (menus around the article, its older wording) onto the saved copy.
 * Exact quotes with their context anchor, a reworded one moves, a
 * removed sentence and a page note are kept orphaned. */
static void
test_hypothesis_live_page_on_saved_copy (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossImportReport) report = NULL;
  GlossDocument *saved = add_article (project, "dalsund-saved.txt");
  GlossImportPlacement *placement;
  GlossAnnotation *gone, *moved, *page_note;

  report = import_fixture (project, "hypothesis-live-export.json");
  g_assert_cmpuint (report->annotations, ==, 5);
  placement = only_placement (report);
  g_assert_cmpuint (placement->exact, ==, 2);
  g_assert_cmpuint (placement->moved, ==, 1);
  g_assert_cmpuint (placement->orphaned, ==, 2);
  g_assert_cmpuint (gloss_document_get_n_annotations (saved), ==, 5);

  assert_at (saved, annotation_on (saved, "Karin Voss"), "Karin Voss");
  /* "…from May" on the live page, "…from June" in the copy. */
  moved = NULL;
  for (guint i = 0; i < gloss_document_get_n_annotations (saved); i++)
    if (gloss_annotation_get_state (gloss_document_get_annotation (saved, i)) == GLOSS_ANCHOR_MOVED)
      moved = gloss_document_get_annotation (saved, i);
  g_assert_nonnull (moved);
  g_assert_true (g_str_has_prefix (gloss_annotation_get_quote (moved), "The new ferry will run from"));
  g_assert_cmpstr (gloss_annotation_get_note (moved), ==, "The date changed?");

  gone = annotation_on (saved, "A spokesperson for the operator declined to comment.");
  g_assert_cmpint (gloss_annotation_get_state (gone), ==, GLOSS_ANCHOR_ORPHANED);
  g_assert_cmpstr (gloss_annotation_get_note (gone), ==, "Ask again.");
  page_note = annotation_on (saved, "");
  g_assert_cmpint (gloss_annotation_get_state (page_note), ==, GLOSS_ANCHOR_ORPHANED);
  g_assert_cmpstr (gloss_annotation_get_note (page_note), ==, "Whole page: compare with the council minutes.");
}

/* A saved page knows its canonical address (provenance): annotations made
 * on that address go to it, not to another copy of the same text. */
static void
test_match_by_provenance_address (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossImportReport) report = NULL;
  g_autoptr(GlossProvenance) provenance = gloss_provenance_new ();
  GlossDocument *copy = add_article (project, "dalsund-saved.txt");
  GlossDocument *page = add_article (project, "dalsund-saved.txt");

  gloss_provenance_set_url (provenance, "https://news.example/local/ferry-plan-splits-dalsund/");
  gloss_document_set_provenance (page, provenance);

  report = import_fixture (project, "hypothesis-live-export.json");
  g_assert_cmpuint (gloss_document_get_n_annotations (page), ==, 5);
  g_assert_cmpuint (gloss_document_get_n_annotations (copy), ==, 0);
  g_assert_cmpuint (only_placement (report)->exact, ==, 2);
}

static void
assert_refused (const char *name,
                const char *contents,
                gssize      length,
                int         code)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossImportReport) report = gloss_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-web-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GlossDocument *harbour = add_article (project, "harbour.txt");
  guint64 generation = gloss_project_get_generation (project);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_assert_false (gloss_import_file (project, file, report, &error));
  g_assert_error (error, GLOSS_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, name));
  /* Nothing happened. */
  g_assert_cmpuint (gloss_document_get_n_annotations (harbour), ==, 0);
  g_assert_cmpuint (gloss_project_get_generation (project), ==, generation);

  g_unlink (path);
  g_rmdir (dir);
}

static GlossImportReport *
import_text (GlossProject *project,
             const char   *contents)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-web-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "odd.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossImportReport *report = gloss_import_report_new ();

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_assert_true (gloss_import_file (project, file, report, &error));
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  return report;
}

static void
test_hostile (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossImportReport) wrong_types = NULL;
  g_autoptr(GlossImportReport) huge = NULL;
  GlossDocument *harbour;

  /* 100,000 arrays deep: json-glib would recurse itself to death. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_refused ("deep.json", deep->str, (gssize) deep->len, GLOSS_ERROR_TOO_LARGE);
  g_string_truncate (deep, 0);
  for (guint i = 0; i < 65; i++)
    g_string_append (deep, "{\"a\":");
  assert_refused ("objects.json", deep->str, (gssize) deep->len, GLOSS_ERROR_TOO_LARGE);

  assert_refused ("broken.json", "{\"type\": \"Annotation\", ", -1, GLOSS_ERROR_PARSE);
  assert_refused ("latin1.json", "[\"caf\xE9\"]", -1, GLOSS_ERROR_ENCODING);
  assert_refused ("empty.json", "", 0, GLOSS_ERROR_PARSE);
  assert_refused ("other.json", "{\"hello\": [1, 2, 3]}", -1, GLOSS_ERROR_INVALID);
  assert_refused ("number.json", "42", -1, GLOSS_ERROR_INVALID);

  /* Every member of the wrong type: nothing crashes, each annotation is
   * kept as far as it can be read. */
  harbour = add_article (project, "harbour.txt");
  wrong_types = import_text (project,
    "[{\"type\": \"Annotation\", \"target\": 5, \"body\": \"x\", \"creator\": [1, {}],"
    "  \"created\": 12, \"motivation\": {\"a\": 1}},"
    " {\"type\": [\"Annotation\", 3], \"body\": [null, 1, {\"value\": 4}, {\"purpose\": 2, \"value\": \"ok\"}],"
    "  \"target\": {\"source\": {\"id\": 9}, \"selector\": [\"x\", 1, {\"type\": \"TextQuoteSelector\", \"exact\": 7},"
    "               {\"type\": \"TextPositionSelector\", \"start\": \"3\", \"end\": true}]}},"
    " {\"type\": \"Annotation\", \"motivation\": \"linking\", \"target\": [], \"body\": {}},"
    " {\"type\": \"Annotation\", \"motivation\": \"replying\", \"target\": \"urn:x:nowhere\", \"body\": {\"value\": \"hi\"}},"
    " {\"type\": \"Annotation\", \"target\": {\"source\": \"harbour.txt\", \"selector\": "
    "   {\"type\": \"TextQuoteSelector\", \"exact\": \"mayor\", \"prefix\": 1, \"suffix\": []}}}]");
  /* The one with a quote anchors; the others, with nothing that says
   * which document, are reported. */
  g_assert_cmpuint (gloss_document_get_n_annotations (harbour), >=, 1);
  assert_at (harbour, annotation_on (harbour, "mayor"), "mayor");
  g_assert_cmpuint (wrong_types->messages->len, >=, 2);

  /* Numbers past any text, past 64 bits, negative, fractional. */
  huge = import_text (project,
    "{\"type\": \"Annotation\", \"target\": {\"source\": \"harbour.txt\", \"selector\": ["
    " {\"type\": \"TextPositionSelector\", \"start\": 99999999999999999999999, \"end\": 1e400},"
    " {\"type\": \"TextQuoteSelector\", \"exact\": \"ferje\"}]}}");
  assert_at (harbour, annotation_on (harbour, "ferje"), "ferje");
  g_clear_pointer (&huge, gloss_import_report_free);
  huge = import_text (project,
    "{\"type\": \"Annotation\", \"target\": {\"source\": \"harbour.txt\", \"selector\": "
    " {\"type\": \"TextPositionSelector\", \"start\": 2147483640, \"end\": 2147483647}}}");
  g_assert_cmpuint (huge->unplaced + huge->annotations, ==, 1);
}

/* Annotations need their article: with none, the import says so. */
static void
test_no_documents (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossImportReport) report = gloss_import_report_new ();
  g_autofree char *path = fixture_path ("w3c-single.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (gloss_import_file (project, file, report, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "import the article first"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-web/w3c/collection", test_collection);
  g_test_add_func ("/import-web/w3c/page-utf16", test_page_utf16);
  g_test_add_func ("/import-web/w3c/array-and-single", test_array_and_single);
  g_test_add_func ("/import-web/w3c/positions-pick-the-occurrence", test_positions_pick_the_occurrence);
  g_test_add_func ("/import-web/hypothesis/rows", test_hypothesis_rows);
  g_test_add_func ("/import-web/hypothesis/live-page-on-saved-copy", test_hypothesis_live_page_on_saved_copy);
  g_test_add_func ("/import-web/match-by-provenance-address", test_match_by_provenance_address);
  g_test_add_func ("/import-web/hostile", test_hostile);
  g_test_add_func ("/import-web/no-documents", test_no_documents);

  return g_test_run ();
}
