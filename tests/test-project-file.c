/* test-project-file.c — saving and loading .gloss files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gloss.h"

/* Text that breaks offset arithmetic done in bytes or UTF-16 units. */
static const char article_text[] =
  "Geneva talks stall 👩‍👩‍👧‍👦 as envoys meet 🇺🇦🇫🇷.\r\n"
  "The envoy 👍🏽 said the draft was \"a good basis\", according to Reuters.\r\n"
  "Cafe\xcc\x81 owners (e + combining acute) disagreed.\r\n"
  "قال المتحدث إن المحادثات ستستمر. אמר הדובר שהשיחות יימשכו.\r\n"
  "会谈陷入僵局，但双方同意明天再见。\r\n";

static const char second_text[] = "Envoy says talks will go on.\nNo deal yet, officials said.\n";

static const char tricky_note[] =
  "He said \"no\" \\ C:\\tmp\\new\ttab \x01 bell\x07 \x1f and a\nnewline, \xe2\x80\xa8 and 🇺🇦";

static GlossOffset
offset_of (const char *text,
           const char *needle)
{
  const char *found = strstr (text, needle);

  g_assert_nonnull (found);
  return (GlossOffset) g_utf8_pointer_to_offset (text, found);
}

static GlossAnnotation *
annotate_text (GlossProject  *project,
               GlossDocument *document,
               const char    *needle,
               const char    *tag_id)
{
  const char *text = gloss_document_get_text (document);
  GlossOffset start = offset_of (text, needle);
  GlossOffset end = start + (GlossOffset) g_utf8_strlen (needle, -1);
  GlossAnnotation *annotation = gloss_project_annotate (project, document, start, end, tag_id);

  g_assert_nonnull (annotation);
  g_assert_cmpstr (gloss_annotation_get_quote (annotation), ==, needle);
  return annotation;
}

/* A project using every part of the format. */
static GlossProject *
build_project (void)
{
  GlossProject *project = gloss_project_new ();
  g_autoptr(GlossDocument) article = gloss_document_new (NULL, "Talks stall — “Geneva”", article_text);
  g_autoptr(GlossDocument) second = gloss_document_new (NULL, "Envoy says", second_text);
  g_autoptr(GDateTime) imported = g_date_time_new_utc (2024, 5, 1, 9, 30, 15.123456);
  GlossAnnotation *family, *flags, *quote, *combining, *arabic, *hebrew, *cjk, *deal;
  GlossRelation *quoting;
  GlossTag *rumour;

  gloss_project_set_title (project, "Peace talks — claims \"draft\" \\ 🇺🇦");
  gloss_project_set_author (project, "Ana Analyst");
  gloss_document_set_source (article, "https://example.org/news/talks?id=1&lang=en");
  gloss_document_set_imported (article, imported);
  {
    g_autoptr(GlossProvenance) provenance = gloss_provenance_new ();

    gloss_provenance_set_url (provenance, "https://example.org/news/talks?id=1&lang=en");
    gloss_provenance_set_site_name (provenance, "Example \"Wire\" 🗞");
    gloss_provenance_set_authors (provenance, (const char * const[]) { "Zoë Ławrynowicz", "محمد علي", NULL });
    gloss_provenance_set_published (provenance, "2024-04-30T18:05:00+02:00");
    gloss_provenance_set_language (provenance, "en-GB");
    gloss_provenance_set_file (provenance, "talks.html");
    gloss_provenance_set_file_sha256 (provenance,
                                      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    gloss_provenance_set_extractor (provenance, "gloss-html");
    gloss_provenance_set_extractor_version (provenance, "1");
    gloss_document_set_provenance (article, provenance);
  }
  gloss_project_add_document (project, article);
  gloss_project_add_document (project, second);

  rumour = gloss_project_create_tag (project, "Rumour 🔥", "#A51D2D", 0);
  gloss_project_set_tag_description (project, rumour, "Unverified \"talk\"\nsecond line");
  gloss_project_add_relation_type (project, "quotes-from");

  family = annotate_text (project, article, "👩‍👩‍👧‍👦", "person");
  flags = annotate_text (project, article, "🇺🇦🇫🇷", "place");
  quote = annotate_text (project, article, "\"a good basis\"", "quote");
  combining = annotate_text (project, article, "Cafe\xcc\x81", "organization");
  arabic = annotate_text (project, article, "قال المتحدث", "claim");
  hebrew = annotate_text (project, article, "אמר הדובר", "claim");
  cjk = annotate_text (project, article, "会谈陷入僵局", "claim");
  deal = annotate_text (project, second, "No deal yet", "claim");
  /* Overlapping and nested spans, and one spanning a CRLF. */
  annotate_text (project, article, "talks stall 👩‍👩‍👧‍👦", NULL);
  annotate_text (project, article, "Reuters.\r\nCafe", "source");

  gloss_project_toggle_annotation_tag (project, quote, "evidence");
  gloss_project_toggle_annotation_tag (project, quote, gloss_tag_get_id (rumour));
  gloss_project_set_annotation_note (project, quote, tricky_note);
  gloss_project_set_annotation_note (project, arabic, "ملاحظة: تحقق من التاريخ");
  gloss_project_set_annotation_attribute (project, quote, "verdict", "false");
  gloss_project_set_annotation_attribute (project, quote, "brat:Negation", "true");
  gloss_project_set_annotation_attribute (project, quote, "ключ", "значение \"q\"");
  gloss_project_set_annotation_attribute (project, quote, "a", "");
  gloss_project_set_annotation_attribute (project, flags, "count", "2");
  gloss_project_set_annotation_state (project, cjk, GLOSS_ANCHOR_MOVED);

  gloss_project_link (project, quote, family, "attributed-to");
  gloss_project_link (project, deal, arabic, "contradicts");
  gloss_project_set_relation_note (project,
                                   gloss_project_link (project, hebrew, arabic, "same-as"),
                                   "Same statement, two languages \\o/");
  quoting = gloss_project_link (project, combining, cjk, "quotes-from");

  /* What a merge leaves: marks of both versions of a conflict. */
  gloss_annotation_set_conflict (hebrew, GLOSS_CONFLICT_OURS, "their-hebrew");
  gloss_annotation_set_conflict (cjk, GLOSS_CONFLICT_THEIRS, "");
  gloss_tag_set_conflict (rumour, GLOSS_CONFLICT_THEIRS, "rumour-ours");
  gloss_document_set_conflict (second, GLOSS_CONFLICT_OURS, "second~theirs");
  gloss_relation_set_conflict (quoting, GLOSS_CONFLICT_OURS, "r~theirs");

  return project;
}

static GlossProject *
load_bytes (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  GlossProject *project = gloss_project_load_bytes (bytes, "test.gloss", problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_cmpuint (problems->len, ==, 0);
  return project;
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  gsize a_size, b_size;
  const char *a_data = g_bytes_get_data (a, &a_size);
  const char *b_data = g_bytes_get_data (b, &b_size);

  if (a_size != b_size || memcmp (a_data, b_data, a_size) != 0)
    {
      gsize i = 0;

      while (i < a_size && i < b_size && a_data[i] == b_data[i])
        i++;
      g_test_message ("first difference at byte %" G_GSIZE_FORMAT ":\n%.80s\n---\n%.80s",
                      i, a_data + (i > 40 ? i - 40 : 0), b_data + (i > 40 ? i - 40 : 0));
    }
  g_assert_cmpmem (a_data, a_size, b_data, b_size);
}

static void
assert_annotations_equal (GlossAnnotation *a,
                          GlossAnnotation *b)
{
  g_auto(GStrv) a_keys = gloss_annotation_dup_attribute_keys (a);
  g_auto(GStrv) b_keys = gloss_annotation_dup_attribute_keys (b);

  g_assert_cmpstr (gloss_annotation_get_id (a), ==, gloss_annotation_get_id (b));
  g_assert_cmpuint (gloss_annotation_get_start (a), ==, gloss_annotation_get_start (b));
  g_assert_cmpuint (gloss_annotation_get_end (a), ==, gloss_annotation_get_end (b));
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, gloss_annotation_get_quote (b));
  g_assert_cmpstr (gloss_annotation_get_prefix (a), ==, gloss_annotation_get_prefix (b));
  g_assert_cmpstr (gloss_annotation_get_suffix (a), ==, gloss_annotation_get_suffix (b));
  g_assert_true (g_strv_equal (gloss_annotation_get_tags (a), gloss_annotation_get_tags (b)));
  g_assert_cmpstr (gloss_annotation_get_note (a), ==, gloss_annotation_get_note (b));
  g_assert_true (g_strv_equal ((const char * const *) a_keys, (const char * const *) b_keys));
  for (guint i = 0; a_keys[i] != NULL; i++)
    g_assert_cmpstr (gloss_annotation_get_attribute (a, a_keys[i]), ==,
                     gloss_annotation_get_attribute (b, a_keys[i]));
  g_assert_cmpstr (gloss_annotation_get_author (a), ==, gloss_annotation_get_author (b));
  g_assert_true ((gloss_annotation_get_created (a) == NULL) == (gloss_annotation_get_created (b) == NULL));
  if (gloss_annotation_get_created (a) != NULL)
    g_assert_true (g_date_time_equal (gloss_annotation_get_created (a), gloss_annotation_get_created (b)));
  g_assert_true ((gloss_annotation_get_modified (a) == NULL) == (gloss_annotation_get_modified (b) == NULL));
  if (gloss_annotation_get_modified (a) != NULL)
    g_assert_true (g_date_time_equal (gloss_annotation_get_modified (a), gloss_annotation_get_modified (b)));
  g_assert_cmpint (gloss_annotation_get_state (a), ==, gloss_annotation_get_state (b));
}

/* Everything a user can see, compared field by field: a serialiser that
 * forgot a member would still round-trip its own bytes. */
static void
assert_projects_equal (GlossProject *a,
                       GlossProject *b)
{
  GListModel *a_list, *b_list;
  guint n;

  g_assert_cmpstr (gloss_project_get_title (a), ==, gloss_project_get_title (b));
  g_assert_true (g_date_time_equal (gloss_project_get_created (a), gloss_project_get_created (b)));
  g_assert_true (g_date_time_equal (gloss_project_get_modified (a), gloss_project_get_modified (b)));
  g_assert_true (g_strv_equal (gloss_project_get_relation_types (a), gloss_project_get_relation_types (b)));

  a_list = gloss_project_get_tags (a);
  b_list = gloss_project_get_tags (b);
  n = g_list_model_get_n_items (a_list);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (b_list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossTag) x = g_list_model_get_item (a_list, i);
      g_autoptr(GlossTag) y = g_list_model_get_item (b_list, i);

      g_assert_cmpstr (gloss_tag_get_id (x), ==, gloss_tag_get_id (y));
      g_assert_cmpstr (gloss_tag_get_name (x), ==, gloss_tag_get_name (y));
      g_assert_cmpstr (gloss_tag_get_color (x), ==, gloss_tag_get_color (y));
      g_assert_cmpint (gloss_tag_get_digit (x), ==, gloss_tag_get_digit (y));
      g_assert_cmpstr (gloss_tag_get_description (x), ==, gloss_tag_get_description (y));
    }

  a_list = gloss_project_get_documents (a);
  b_list = gloss_project_get_documents (b);
  n = g_list_model_get_n_items (a_list);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (b_list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossDocument) x = g_list_model_get_item (a_list, i);
      g_autoptr(GlossDocument) y = g_list_model_get_item (b_list, i);
      guint n_annotations = gloss_document_get_n_annotations (x);

      g_assert_cmpstr (gloss_document_get_id (x), ==, gloss_document_get_id (y));
      g_assert_cmpstr (gloss_document_get_title (x), ==, gloss_document_get_title (y));
      g_assert_cmpstr (gloss_document_get_source (x), ==, gloss_document_get_source (y));
      g_assert_cmpstr (gloss_document_get_text (x), ==, gloss_document_get_text (y));
      g_assert_cmpstr (gloss_document_get_sha256 (x), ==, gloss_document_get_sha256 (y));
      g_assert_true (gloss_provenance_equal (gloss_document_get_provenance (x),
                                             gloss_document_get_provenance (y)));
      g_assert_true ((gloss_document_get_imported (x) == NULL) == (gloss_document_get_imported (y) == NULL));
      if (gloss_document_get_imported (x) != NULL)
        g_assert_true (g_date_time_equal (gloss_document_get_imported (x), gloss_document_get_imported (y)));

      g_assert_cmpuint (n_annotations, ==, gloss_document_get_n_annotations (y));
      for (guint j = 0; j < n_annotations; j++)
        assert_annotations_equal (gloss_document_get_annotation (x, j),
                                  gloss_document_get_annotation (y, j));
    }

  a_list = gloss_project_get_relations (a);
  b_list = gloss_project_get_relations (b);
  n = g_list_model_get_n_items (a_list);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (b_list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossRelation) x = g_list_model_get_item (a_list, i);
      g_autoptr(GlossRelation) y = g_list_model_get_item (b_list, i);

      g_assert_cmpstr (gloss_relation_get_id (x), ==, gloss_relation_get_id (y));
      g_assert_cmpstr (gloss_relation_get_type_name (x), ==, gloss_relation_get_type_name (y));
      g_assert_cmpstr (gloss_relation_get_from (x), ==, gloss_relation_get_from (y));
      g_assert_cmpstr (gloss_relation_get_to (x), ==, gloss_relation_get_to (y));
      g_assert_cmpstr (gloss_relation_get_note (x), ==, gloss_relation_get_note (y));
    }
}

static void
test_round_trip (void)
{
  g_autoptr(GlossProject) project = build_project ();
  g_autoptr(GBytes) first = gloss_project_serialize (project);
  g_autoptr(GlossProject) loaded = load_bytes (first);
  g_autoptr(GBytes) second = gloss_project_serialize (loaded);
  g_autoptr(GlossProject) again = load_bytes (second);
  GlossAnnotation *quote;
  GListModel *documents = gloss_project_get_documents (loaded);
  g_autoptr(GlossDocument) article = g_list_model_get_item (documents, 0);

  assert_bytes_equal (first, second);
  assert_projects_equal (project, loaded);
  assert_projects_equal (loaded, again);

  /* Loading is not an edit. */
  g_assert_false (gloss_project_get_dirty (loaded));
  g_assert_false (gloss_project_can_undo (loaded));

  /* Spot checks against the values put in, not only against each other. */
  g_assert_cmpstr (gloss_document_get_text (article), ==, article_text);
  quote = gloss_document_get_annotation (article, 0);
  g_assert_cmpstr (gloss_annotation_get_quote (quote), ==, "talks stall 👩‍👩‍👧‍👦");
  for (guint i = 0; i < gloss_document_get_n_annotations (article); i++)
    {
      GlossAnnotation *annotation = gloss_document_get_annotation (article, i);

      if (g_str_equal (gloss_annotation_get_quote (annotation), "\"a good basis\""))
        quote = annotation;
    }
  g_assert_cmpstr (gloss_annotation_get_quote (quote), ==, "\"a good basis\"");
  g_assert_cmpstr (gloss_annotation_get_note (quote), ==, tricky_note);
  g_assert_cmpstr (gloss_annotation_get_attribute (quote, "ключ"), ==, "значение \"q\"");
  g_assert_cmpstr (gloss_annotation_get_attribute (quote, "a"), ==, "");
  g_assert_cmpuint (gloss_annotation_get_n_tags (quote), ==, 3);
  g_assert_cmpstr (gloss_annotation_get_tags (quote)[0], ==, "quote");
  g_assert_cmpstr (gloss_annotation_get_tags (quote)[1], ==, "evidence");
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_relations (loaded)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_tags (loaded)), ==, 9);
  g_assert_cmpstr (gloss_tag_get_name (gloss_project_lookup_tag_by_digit (loaded, 0)), ==, "Rumour 🔥");
  g_assert_cmpstr (gloss_project_get_relation_types (loaded)[4], ==, "quotes-from");
}

/* The layout is part of the format: two-space indent, this member order,
 * null where there is nothing, a final newline. */
static void
test_layout (void)
{
  g_autoptr(GlossProject) project = gloss_project_new_empty ();
  g_autoptr(GlossDocument) document = gloss_document_new ("d1", "T", "ab\r\nc");
  g_autoptr(GlossAnnotation) annotation = gloss_annotation_new ("a1", 1, 3);
  g_autoptr(GlossTag) tag = gloss_tag_new ("t1", "Claim", "#f6d32d", -1);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2024, 1, 2, 3, 4, 5.000006);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossProject) loaded = NULL;
  g_autoptr(GBytes) again = NULL;
  const char *expected =
    "{\n"
    "  \"format\": \"gloss-project\",\n"
    "  \"version\": 2,\n"
    "  \"title\": \"\",\n"
    "  \"created\": \"2024-01-02T03:04:05.000006Z\",\n"
    "  \"modified\": \"2024-01-02T03:04:05.000006Z\",\n"
    "  \"tags\": [\n"
    "    {\n"
    "      \"id\": \"t1\",\n"
    "      \"name\": \"Claim\",\n"
    "      \"color\": \"#f6d32d\",\n"
    "      \"digit\": null,\n"
    "      \"description\": \"\"\n"
    "    }\n"
    "  ],\n"
    "  \"relation_types\": [],\n"
    "  \"documents\": [\n"
    "    {\n"
    "      \"id\": \"d1\",\n"
    "      \"title\": \"T\",\n"
    "      \"source\": \"\",\n"
    "      \"imported\": null,\n"
    "      \"provenance\": {},\n"
    "      \"sha256\": \"@SHA@\",\n"
    "      \"text\": \"ab\\r\\nc\",\n"
    "      \"annotations\": [\n"
    "        {\n"
    "          \"id\": \"a1\",\n"
    "          \"start\": 1,\n"
    "          \"end\": 3,\n"
    "          \"quote\": \"b\\r\",\n"
    "          \"prefix\": \"a\",\n"
    "          \"suffix\": \"\\nc\",\n"
    "          \"tags\": [\n"
    "            \"t1\"\n"
    "          ],\n"
    "          \"note\": \"\",\n"
    "          \"attributes\": {},\n"
    "          \"author\": \"\",\n"
    "          \"created\": null,\n"
    "          \"modified\": null,\n"
    "          \"state\": \"anchored\"\n"
    "        }\n"
    "      ]\n"
    "    }\n"
    "  ],\n"
    "  \"relations\": []\n"
    "}\n";
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "ab\r\nc", -1);
  g_autoptr(GString) want = g_string_new (expected);

  g_string_replace (want, "@SHA@", sha, 1);
  gloss_project_set_created (project, when);
  gloss_project_set_modified (project, when);
  gloss_project_insert_tag (project, tag);
  gloss_annotation_add_tag (annotation, "t1");
  gloss_document_add_annotation (document, annotation);
  gloss_project_insert_document (project, document);

  bytes = gloss_project_serialize (project);
  g_assert_cmpstr (g_bytes_get_data (bytes, NULL), ==, want->str);

  loaded = load_bytes (bytes);
  again = gloss_project_serialize (loaded);
  assert_bytes_equal (bytes, again);
}

/* Timestamps round-trip whatever the year and the zone they were given in:
 * years before 1000 keep four digits, other zones come back as UTC. */
static void
test_timestamps (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "project-minimal.gloss", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GBytes) saved = NULL;
  const char *written;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, "\"created\": \"2024-05-01T09:00:00.000000Z\"",
                                      "\"created\": \"0179-05-02T14:03:07.250019Z\"", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "\"modified\": \"2024-05-03T08:00:00.500000Z\"",
                                      "\"modified\": \"2024-05-03T10:00:00.5+02:00\"", 1), ==, 1);
  bytes = g_bytes_new (text->str, text->len);
  project = load_bytes (bytes);
  g_assert_cmpint (g_date_time_get_year (gloss_project_get_created (project)), ==, 179);

  saved = gloss_project_serialize (project);
  written = g_bytes_get_data (saved, NULL);
  g_assert_nonnull (strstr (written, "\"created\": \"0179-05-02T14:03:07.250019Z\""));
  g_assert_nonnull (strstr (written, "\"modified\": \"2024-05-03T08:00:00.500000Z\""));
  {
    g_autoptr(GlossProject) again = load_bytes (saved);
    g_autoptr(GBytes) saved_again = gloss_project_serialize (again);

    assert_bytes_equal (saved, saved_again);
  }
}

/* A file Gloss wrote comes back byte for byte, provenance included. */
static void
test_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "project-basic.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project = gloss_project_load (file, &error);
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GlossDocument) document = NULL;
  char *contents;
  gsize length;

  g_assert_no_error (error);
  g_assert_false (gloss_project_get_dirty (project));

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  original = g_bytes_new_take (contents, length);
  saved = gloss_project_serialize (project);
  assert_bytes_equal (original, saved);

  document = g_list_model_get_item (gloss_project_get_documents (project), 0);
  g_assert_cmpuint (gloss_document_get_n_annotations (document), >, 0);
  for (guint i = 0; i < gloss_document_get_n_annotations (document); i++)
    {
      GlossAnnotation *annotation = gloss_document_get_annotation (document, i);
      g_autofree char *slice = gloss_document_dup_slice (document,
                                                         gloss_annotation_get_start (annotation),
                                                         gloss_annotation_get_end (annotation));

      g_assert_cmpstr (slice, ==, gloss_annotation_get_quote (annotation));
    }
}

/* A version 1 file (before provenance) opens as it was, changed only in
 * that the next save writes version 2: the project starts changed, with
 * no problem or repair to report, and every document has an empty
 * provenance. */
static void
test_version_1_loads (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "project-basic-v1.gloss", NULL);
  g_autofree char *current_path = g_test_build_filename (G_TEST_DIST, "fixtures", "project-basic.gloss", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) old = NULL;
  g_autoptr(GlossProject) current = NULL;
  g_autoptr(GBytes) saved = NULL;
  GListModel *documents;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_nonnull (strstr (contents, "\"version\": 1,"));
  g_assert_null (strstr (contents, "provenance"));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  old = gloss_project_load_bytes (bytes, "old.gloss", problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (gloss_project_get_dirty (old));

  documents = gloss_project_get_documents (old);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);

      g_assert_true (gloss_provenance_is_empty (gloss_document_get_provenance (document)));
    }

  saved = gloss_project_serialize (old);
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "\"version\": 2,"));
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "\"provenance\": {}"));

  /* Apart from the provenance, the same project as the version 2 fixture. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (current_path);
    GlossDocument *talks;

    current = gloss_project_load (file, &error);
    g_assert_no_error (error);
    talks = g_list_model_get_item (gloss_project_get_documents (current), 0);
    g_assert_cmpstr (gloss_provenance_get_site_name (gloss_document_get_provenance (talks)), ==, "Example Wire");
    g_assert_cmpstr (gloss_provenance_get_authors (gloss_document_get_provenance (talks))[1], ==, "سارة الحسن");
    gloss_document_set_provenance (talks, NULL);
    g_object_unref (talks);
    assert_projects_equal (old, current);
  }
}

/* Every provenance member comes back as it was, and only the known ones
 * are written, in the format's order, whatever order the file had. */
static void
test_provenance_members (void)
{
  const char *file_text =
    "{\"format\": \"gloss-project\", \"version\": 2, \"title\": \"\",\n"
    " \"created\": \"2024-01-02T03:04:05.000006Z\", \"modified\": \"2024-01-02T03:04:05.000006Z\",\n"
    " \"tags\": [], \"relation_types\": [\"supports\"], \"relations\": [],\n"
    " \"documents\": [{\"id\": \"d\", \"title\": \"مرحبا\", \"source\": \"\", \"imported\": null,\n"
    "   \"provenance\": {\"extractor_version\": \"2.1\", \"file\": \"page 📰.mhtml\", \"future\": [1],\n"
    "     \"captured\": \"Sat, 7 Mar 2026 10:00:00 +0100\", \"authors\": [\"A\", \"ב\"],\n"
    "     \"url\": \"https://example.org/a?b=1#c\", \"language\": \"zh-Hant-TW\",\n"
    "     \"description\": \"line\\none\", \"modified\": \"2026\", \"published\": \"2026-03-01\",\n"
    "     \"site_name\": \"Site\", \"extractor\": \"x\",\n"
    "     \"file_sha256\": \"ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\"},\n"
    "   \"sha256\": \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\",\n"
    "   \"text\": \"\", \"annotations\": []}]}\n";
  const char *expected_provenance =
    "      \"provenance\": {\n"
    "        \"url\": \"https://example.org/a?b=1#c\",\n"
    "        \"site_name\": \"Site\",\n"
    "        \"authors\": [\n"
    "          \"A\",\n"
    "          \"ב\"\n"
    "        ],\n"
    "        \"published\": \"2026-03-01\",\n"
    "        \"modified\": \"2026\",\n"
    "        \"language\": \"zh-Hant-TW\",\n"
    "        \"description\": \"line\\none\",\n"
    "        \"captured\": \"Sat, 7 Mar 2026 10:00:00 +0100\",\n"
    "        \"file\": \"page 📰.mhtml\",\n"
    "        \"file_sha256\": \"ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\",\n"
    "        \"extractor\": \"x\",\n"
    "        \"extractor_version\": \"2.1\"\n"
    "      },\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (file_text, strlen (file_text));
  g_autoptr(GlossProject) project = load_bytes (bytes);
  g_autoptr(GlossDocument) document = g_list_model_get_item (gloss_project_get_documents (project), 0);
  GlossProvenance *provenance = gloss_document_get_provenance (document);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GlossProject) again = NULL;
  g_autoptr(GBytes) saved_again = NULL;

  g_assert_cmpstr (gloss_provenance_get_description (provenance), ==, "line\none");
  g_assert_cmpstr (gloss_provenance_get_file (provenance), ==, "page 📰.mhtml");
  g_assert_cmpstr (gloss_provenance_get_extractor_version (provenance), ==, "2.1");

  saved = gloss_project_serialize (project);
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), expected_provenance));
  again = load_bytes (saved);
  saved_again = gloss_project_serialize (again);
  assert_bytes_equal (saved, saved_again);
  assert_projects_equal (project, again);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gloss-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_save_and_reopen (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "claims.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossProject) project = build_project ();
  g_autoptr(GlossProject) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) expected = gloss_project_serialize (project);
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GBytes) resaved = NULL;
  char *contents;
  gsize length;

  g_assert_true (gloss_project_get_dirty (project));
  g_assert_true (gloss_project_save (project, file, &error));
  g_assert_no_error (error);
  g_assert_false (gloss_project_get_dirty (project));

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  on_disk = g_bytes_new_take (contents, length);
  assert_bytes_equal (expected, on_disk);
  /* No temporary file is left behind. */
  g_assert_cmpuint (count_entries (dir), ==, 1);

  reopened = gloss_project_load (file, &error);
  g_assert_no_error (error);
  assert_projects_equal (project, reopened);
  g_assert_false (gloss_project_get_dirty (reopened));

  /* Saving what was opened writes the same bytes again. */
  g_assert_true (gloss_project_save (reopened, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  resaved = g_bytes_new_take (contents, length);
  assert_bytes_equal (expected, resaved);

  remove_tree (dir);
}

/* A project kept behind a symbolic link stays where the link points. */
static void
test_save_through_link (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *target = g_build_filename (dir, "real.gloss", NULL);
  g_autofree char *link = g_build_filename (dir, "link.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(GlossProject) project = build_project ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.gloss", link), ==, 0);

  g_assert_true (gloss_project_save (project, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  {
    g_autoptr(GFile) real = g_file_new_for_path (target);
    g_autoptr(GlossProject) loaded = gloss_project_load (real, &error);

    g_assert_no_error (error);
    assert_projects_equal (project, loaded);
  }

  remove_tree (dir);
}

static void
assert_file_contents (const char *path,
                      const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

/* A failed save leaves the old file whole and reports the file. */
static void
test_save_failure_keeps_old_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *blocker = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *impossible = g_build_filename (blocker, "claims.gloss", NULL);
  g_autoptr(GFile) impossible_file = g_file_new_for_path (impossible);
  g_autoptr(GlossProject) project = build_project ();
  g_autoptr(GError) error = NULL;

  /* The parent is a file: no temporary can be made beside the target.
   * This works for every user, root included. */
  g_assert_true (g_file_set_contents (blocker, "I am a file", -1, NULL));
  g_assert_false (gloss_project_save (project, impossible_file, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "claims.gloss"));
  g_assert_true (gloss_project_get_dirty (project));
  assert_file_contents (blocker, "I am a file");
  g_clear_error (&error);

  /* A folder that cannot be written: the existing project must survive. */
  if (geteuid () == 0)
    g_test_message ("running as root, which may write into a read-only folder: "
                    "the read-only folder case is skipped (the case above covers it)");
  else
    {
      g_autofree char *locked = g_build_filename (dir, "locked", NULL);
      g_autofree char *path = g_build_filename (locked, "claims.gloss", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_assert_cmpint (g_mkdir (locked, 0755), ==, 0);
      g_assert_true (g_file_set_contents (path, "{\"old\": true}\n", -1, NULL));
      g_assert_cmpint (g_chmod (locked, 0555), ==, 0);

      g_assert_false (gloss_project_save (project, file, &error));
      g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_IO);
      assert_file_contents (path, "{\"old\": true}\n");
      g_assert_cmpuint (count_entries (locked), ==, 1);
      g_clear_error (&error);

      g_chmod (locked, 0755);
    }

  remove_tree (dir);
}

static void
test_save_keeps_permissions (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "private.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossProject) project = build_project ();
  g_autoptr(GError) error = NULL;
  GStatBuf buf;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_true (gloss_project_save (project, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  remove_tree (dir);
}

static void
test_many_annotations (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GlossProject) loaded = NULL;
  g_autoptr(GlossDocument) loaded_document = NULL;
  const guint n = 100000;

  for (guint i = 0; i < n / 10; i++)
    g_string_append (text, "Claim 👍🏽 n° 42 said “yes”.\r\n");
  document = gloss_document_new (NULL, "Long", text->str);

  /* Raw construction: this is about the file, not the history. */
  for (guint i = 0; i < n; i++)
    {
      GlossOffset start = (i * 7) % (gloss_document_get_length (document) - 40);
      g_autoptr(GlossAnnotation) annotation = gloss_annotation_new (NULL, start, start + 1 + i % 37);

      gloss_annotation_add_tag (annotation, i % 2 ? "claim" : "source");
      if (i % 5 == 0)
        gloss_annotation_set_note (annotation, "note \"with\" quotes");
      if (i % 7 == 0)
        gloss_annotation_set_attribute (annotation, "verdict", "false");
      gloss_document_add_annotation (document, annotation);
    }
  gloss_project_insert_document (project, document);

  bytes = gloss_project_serialize (project);
  loaded = load_bytes (bytes);
  loaded_document = g_list_model_get_item (gloss_project_get_documents (loaded), 0);
  g_assert_cmpuint (gloss_document_get_n_annotations (loaded_document), ==, n);
  g_assert_false (gloss_project_get_dirty (loaded));

  again = gloss_project_serialize (loaded);
  assert_bytes_equal (bytes, again);
}

/* Whether gloss_anchor_locate() really searches (it is a placeholder on
 * main until anchoring lands). */
static gboolean
anchoring_searches (void)
{
  g_autoptr(GlossAnchorText) text = gloss_anchor_text_new ("abc xyz", -1);
  GlossAnchorSelector selector = { 0, 3, "xyz", "abc ", "" };
  GlossOffset start = 0, end = 0;

  gloss_anchor_locate (text, &selector, &start, &end);
  return start == 4 && end == 7;
}

static GBytes *
replace_in_bytes (GBytes     *bytes,
                  const char *old,
                  const char *new)
{
  g_autofree char *copy = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GString) text = g_string_new (copy);

  g_assert_nonnull (strstr (text->str, old));
  g_string_replace (text, old, new, 1);
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

static void
test_reanchor_on_load (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossDocument) document =
    gloss_document_new ("doc", "Talks", "The envoy said the talks will go on. Officials 👍🏽 agreed.");
  GlossAnnotation *envoy, *talks, *officials;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GlossProject) loaded = NULL;
  g_autoptr(GlossDocument) loaded_document = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GlossAnnotation *a;

  if (!anchoring_searches ())
    {
      g_test_skip ("gloss_anchor_locate() is still the placeholder");
      return;
    }

  gloss_project_add_document (project, document);
  envoy = annotate_text (project, document, "envoy", "person");
  talks = annotate_text (project, document, "talks will go on", "claim");
  officials = annotate_text (project, document, "Officials 👍🏽", "source");
  gloss_project_link (project, envoy, talks, "attributed-to");
  bytes = gloss_project_serialize (project);

  /* The text was edited outside Gloss: a word inserted before every
   * annotation, and one quote no longer found at all. Offsets, quotes and
   * the digest still describe the old text. */
  edited = replace_in_bytes (bytes, "\"text\": \"The envoy said the talks will go on. Officials 👍🏽 agreed.\"",
                             "\"text\": \"Yesterday the envoy said the talks will go on. Ministers agreed.\"");
  loaded = gloss_project_load_bytes (edited, "edited.gloss", notes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (gloss_project_get_dirty (loaded));

  /* Each repair is reported, for `gloss --validate`: three annotations and
   * the digest. */
  g_assert_cmpuint (notes->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (notes, 0), ==,
                   "edited.gloss: documents[0].annotations[0]: its quote “envoy” is not at 4–9; "
                   "found at 14–19 and marked moved for review");
  g_assert_cmpstr (g_ptr_array_index (notes, 2), ==,
                   "edited.gloss: documents[0].annotations[2]: its quote “Officials 👍🏽” is not at "
                   "37–49 nor anywhere else in the text; kept there and marked orphaned");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (notes, 3), "edited.gloss: documents[0].sha256: "));

  loaded_document = g_list_model_get_item (gloss_project_get_documents (loaded), 0);
  g_assert_cmpuint (gloss_document_get_n_annotations (loaded_document), ==, 3);

  a = gloss_document_lookup_annotation (loaded_document, gloss_annotation_get_id (envoy));
  g_assert_cmpint (gloss_annotation_get_state (a), ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "envoy");
  g_assert_cmpuint (gloss_annotation_get_start (a), ==, 14);

  a = gloss_document_lookup_annotation (loaded_document, gloss_annotation_get_id (talks));
  g_assert_cmpint (gloss_annotation_get_state (a), ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "talks will go on");

  /* Not found: kept, orphaned, still quoting what it quoted. */
  a = gloss_document_lookup_annotation (loaded_document, gloss_annotation_get_id (officials));
  g_assert_nonnull (a);
  g_assert_cmpint (gloss_annotation_get_state (a), ==, GLOSS_ANCHOR_ORPHANED);
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "Officials 👍🏽");
  g_assert_true (g_strv_equal (gloss_annotation_get_tags (a), (const char *[]) { "source", NULL }));

  /* The relation survives, and the repaired project saves and reloads as
   * it is now, orphan included. */
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_relations (loaded)), ==, 1);
  {
    g_autoptr(GBytes) saved = gloss_project_serialize (loaded);
    g_autoptr(GlossProject) reloaded = load_bytes (saved);
    g_autoptr(GBytes) resaved = gloss_project_serialize (reloaded);

    g_assert_false (gloss_project_get_dirty (reloaded));
    assert_bytes_equal (saved, resaved);
    assert_projects_equal (loaded, reloaded);
  }
}

/* Offsets that are in range but point at other text: the quote decides. */
static void
test_quote_mismatch_is_never_silently_accepted (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossDocument) document = gloss_document_new ("doc", "T", "alpha beta gamma");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GlossProject) loaded = NULL;
  g_autoptr(GlossDocument) loaded_document = NULL;
  GlossAnnotation *a;

  gloss_project_add_document (project, document);
  annotate_text (project, document, "beta", "claim");
  bytes = gloss_project_serialize (project);
  /* "beta" starts at 6; say 0 instead. */
  edited = replace_in_bytes (bytes, "\"start\": 6,\n          \"end\": 10,",
                             "\"start\": 0,\n          \"end\": 4,");
  loaded = gloss_project_load_bytes (edited, "shifted.gloss", NULL, NULL);
  g_assert_nonnull (loaded);
  g_assert_true (gloss_project_get_dirty (loaded));

  loaded_document = g_list_model_get_item (gloss_project_get_documents (loaded), 0);
  a = gloss_document_get_annotation (loaded_document, 0);
  /* Wherever it ends up, it is flagged for review and not "anchored" on
   * "alph". */
  g_assert_cmpint (gloss_annotation_get_state (a), !=, GLOSS_ANCHOR_ANCHORED);
  if (anchoring_searches ())
    {
      g_assert_cmpuint (gloss_annotation_get_start (a), ==, 6);
      g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "beta");
    }
}

static void
test_sha256_mismatch (void)
{
  g_autoptr(GlossProject) project = build_project ();
  g_autoptr(GBytes) bytes = gloss_project_serialize (project);
  g_autoptr(GlossDocument) document = g_list_model_get_item (gloss_project_get_documents (project), 1);
  g_autofree char *old = g_strdup_printf ("\"sha256\": \"%s\"", gloss_document_get_sha256 (document));
  g_autoptr(GBytes) edited = replace_in_bytes (bytes, old,
                                               "\"sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\"");
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GlossProject) loaded = gloss_project_load_bytes (edited, "digest.gloss", notes, NULL);
  g_autoptr(GBytes) saved = NULL;

  /* The text is the truth: the file loads, the next save fixes the digest. */
  g_assert_nonnull (loaded);
  g_assert_true (gloss_project_get_dirty (loaded));
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (notes, 0), ==,
                   "digest.gloss: documents[1].sha256: does not match the text (edited outside Gloss?); "
                   "the text is kept and the digest corrected");
  saved = gloss_project_serialize (loaded);
  assert_bytes_equal (bytes, saved);
}

static void
test_bom_and_unknown_members (void)
{
  g_autoptr(GlossProject) project = build_project ();
  g_autoptr(GBytes) bytes = gloss_project_serialize (project);
  g_autoptr(GString) with_bom = g_string_new ("\xEF\xBB\xBF");
  g_autoptr(GBytes) bom_bytes = NULL;
  g_autoptr(GBytes) extended = NULL;
  g_autoptr(GlossProject) loaded = NULL;
  g_autoptr(GlossProject) loaded_extended = NULL;
  g_autoptr(GBytes) saved = NULL;

  g_string_append_len (with_bom, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
  bom_bytes = g_string_free_to_bytes (g_steal_pointer (&with_bom));
  loaded = load_bytes (bom_bytes);
  g_assert_false (gloss_project_get_dirty (loaded));
  saved = gloss_project_serialize (loaded);
  assert_bytes_equal (bytes, saved);

  /* A later version 1 writer may add members; this one reads past them. */
  extended = replace_in_bytes (bytes, "\"version\": 2,",
                               "\"version\": 2, \"future\": {\"deep\": [1, 2.5, null, true]},");
  loaded_extended = load_bytes (extended);
  assert_projects_equal (project, loaded_extended);
}

/* The saved file matches data/gloss-project.schema.json (when Python's
 * jsonschema is there to check it: Debian package python3-jsonschema). */
/* New annotations and relations carry the project's author; the default
 * is the account's real name, never its login. */
static void
test_author (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossDocument) document = gloss_document_new (NULL, "A", "Ana wrote this.");
  g_autoptr(GlossProject) reloaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GlossAnnotation *first, *second;
  GlossRelation *relation;

  g_assert_cmpstr (gloss_default_author (), !=, g_get_user_name ());
  g_assert_cmpstr (gloss_project_get_author (project), ==, gloss_default_author ());

  gloss_project_add_document (project, document);
  gloss_project_set_author (project, "Ana Analyst");
  first = gloss_project_annotate (project, document, 0, 3, "person");
  gloss_project_set_author (project, "Ben");
  second = gloss_project_annotate (project, document, 4, 9, "claim");
  relation = gloss_project_link (project, second, first, "attributed-to");
  g_assert_cmpstr (gloss_annotation_get_author (first), ==, "Ana Analyst");
  g_assert_cmpstr (gloss_annotation_get_author (second), ==, "Ben");
  g_assert_cmpstr (gloss_relation_get_author (relation), ==, "Ben");

  bytes = gloss_project_serialize (project);
  reloaded = load_bytes (bytes);
  g_assert_cmpstr (gloss_relation_get_author (gloss_project_lookup_relation (reloaded, gloss_relation_get_id (relation))),
                   ==, "Ben");
}

static void
test_schema (void)
{
  g_autofree char *schema = g_test_build_filename (G_TEST_DIST, "..", "data", "gloss-project.schema.json", NULL);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "schema-check.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossProject) project = build_project ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  const char *script =
    "import json, sys\n"
    "try:\n"
    "    import jsonschema\n"
    "except ImportError:\n"
    "    sys.exit(77)\n"
    "if not hasattr(jsonschema, 'Draft202012Validator'):\n"
    "    sys.exit(77)\n"
    "schema = json.load(open(sys.argv[1], encoding='utf-8'))\n"
    "jsonschema.Draft202012Validator.check_schema(schema)\n"
    "validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())\n"
    "errors = list(validator.iter_errors(json.load(open(sys.argv[2], encoding='utf-8'))))\n"
    "for e in errors:\n"
    "    print(list(e.absolute_path), e.message)\n"
    "bad = json.loads('{\"format\": \"gloss-project\", \"version\": 1}')\n"
    "if validator.is_valid(bad):\n"
    "    print('an incomplete project passed the schema')\n"
    "    sys.exit(1)\n"
    "sys.exit(1 if errors else 0)\n";
  const char *argv[] = { "python3", "-c", script, schema, path, NULL };

  g_assert_true (gloss_project_save (project, file, &error));
  g_assert_no_error (error);

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, &status, &error))
    {
      g_test_skip ("python3 is not installed");
      remove_tree (dir);
      return;
    }

  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    g_test_skip ("python3-jsonschema (4.0 or later) is not installed");
  else
    {
      if (*out != '\0' || *err != '\0')
        g_test_message ("%s%s", out, err);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }

  remove_tree (dir);
}

static void
test_is_project (void)
{
  const char *projects[] = { "a.gloss", "/tmp/Zoë 👩‍🔬.gloss", ".a.gloss", NULL };
  const char *others[] = { "a.txt", "a.gloss.autosave", "a.GLOSS", "gloss", "/", NULL };

  for (guint i = 0; projects[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (projects[i]);

      g_assert_true (gloss_file_is_project (file));
    }
  for (guint i = 0; others[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (others[i]);

      g_assert_false (gloss_file_is_project (file));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/project-file/round-trip", test_round_trip);
  g_test_add_func ("/gloss/project-file/layout", test_layout);
  g_test_add_func ("/gloss/project-file/timestamps", test_timestamps);
  g_test_add_func ("/gloss/project-file/fixture", test_fixture);
  g_test_add_func ("/gloss/project-file/version-1-loads", test_version_1_loads);
  g_test_add_func ("/gloss/project-file/provenance-members", test_provenance_members);
  g_test_add_func ("/gloss/project-file/save-and-reopen", test_save_and_reopen);
  g_test_add_func ("/gloss/project-file/save-through-link", test_save_through_link);
  g_test_add_func ("/gloss/project-file/save-failure-keeps-old-file", test_save_failure_keeps_old_file);
  g_test_add_func ("/gloss/project-file/save-keeps-permissions", test_save_keeps_permissions);
  g_test_add_func ("/gloss/project-file/many-annotations", test_many_annotations);
  g_test_add_func ("/gloss/project-file/reanchor-on-load", test_reanchor_on_load);
  g_test_add_func ("/gloss/project-file/quote-mismatch", test_quote_mismatch_is_never_silently_accepted);
  g_test_add_func ("/gloss/project-file/sha256-mismatch", test_sha256_mismatch);
  g_test_add_func ("/gloss/project-file/bom-and-unknown-members", test_bom_and_unknown_members);
  g_test_add_func ("/gloss/project-file/schema", test_schema);
  g_test_add_func ("/gloss/project-file/author", test_author);
  g_test_add_func ("/gloss/project-file/is-project", test_is_project);

  return g_test_run ();
}
