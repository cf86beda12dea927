/* test-project-documents.c — editing a document's details, removing it, and
 * the same article imported twice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss.h"

static const char first_text[] =
  "Harbour reopens 🚢\r\n\r\n"
  "The mayor said the port would reopen on Monday, according to Radio Ebro.\r\n"
  "Fishermen in Tortosa disagreed; שלום 你好 👩🏽‍🔧.\r\n";

/* The same article, corrected: a sentence added before the quotes. */
static const char corrected_text[] =
  "Harbour reopens 🚢\r\n\r\n"
  "Correction: an earlier version named the wrong day.\r\n"
  "The mayor said the port would reopen on Tuesday, according to Radio Ebro.\r\n"
  "Fishermen in Tortosa disagreed; שלום 你好 👩🏽‍🔧.\r\n";

static GlossAnnotation *
annotate (GlossProject  *project,
          GlossDocument *document,
          const char    *needle)
{
  const char *text = gloss_document_get_text (document);
  const char *at = strstr (text, needle);
  GlossOffset start;

  g_assert_nonnull (at);
  start = (GlossOffset) g_utf8_pointer_to_offset (text, at);
  return gloss_project_annotate (project, document, start,
                                 start + (GlossOffset) g_utf8_strlen (needle, -1), "claim");
}

static GlossDocument *
make_article (const char *text,
              const char *url,
              const char *file_sha256)
{
  GlossDocument *document = gloss_document_new (NULL, "Harbour reopens", text);
  g_autoptr(GlossProvenance) provenance = gloss_provenance_new ();

  gloss_provenance_set_url (provenance, url);
  gloss_provenance_set_file_sha256 (provenance, file_sha256);
  gloss_document_set_provenance (document, provenance);
  return document;
}

static void
test_set_provenance_undoable (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossDocument) document = gloss_document_new (NULL, "Harbour", first_text);
  g_autoptr(GlossProvenance) edited = NULL;
  g_autoptr(GError) error = NULL;
  GlossProvenance *own = gloss_document_get_provenance (document);

  gloss_project_add_document (project, document);
  edited = gloss_provenance_copy (own);
  gloss_provenance_set_url (edited, "https://radio.example/harbour");
  gloss_provenance_set_authors (edited, (const char * const[]) { "Núria Puig", "أحمد", NULL });
  gloss_provenance_set_published (edited, "2026-03-02");

  g_assert_true (gloss_project_set_document_provenance (project, document, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_provenance_get_url (own), ==, "https://radio.example/harbour");
  g_assert_cmpstr (gloss_project_get_undo_label (project), ==, "Edit Document Details");
  g_assert_true (gloss_project_get_dirty (project));

  g_assert_true (gloss_project_undo (project));
  g_assert_true (gloss_provenance_is_empty (own));
  g_assert_true (gloss_project_redo (project));
  g_assert_true (gloss_provenance_equal (own, edited));

  /* The same values again are no step at all. */
  g_assert_true (gloss_project_set_document_provenance (project, document, edited, &error));
  g_assert_true (gloss_project_undo (project));
  g_assert_true (gloss_provenance_is_empty (own));
}

/* What the project file would refuse is refused here, naming the field,
 * and nothing changes. */
static void
test_set_provenance_refuses_bad_values (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossDocument) document = gloss_document_new (NULL, "Harbour", first_text);
  g_autoptr(GlossProvenance) edited = gloss_provenance_new ();
  g_autoptr(GError) error = NULL;

  gloss_project_add_document (project, document);
  gloss_provenance_set_url (edited, "radio.example/harbour");
  g_assert_false (gloss_project_set_document_provenance (project, document, edited, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Address: “radio.example/harbour” is not an absolute address"));
  g_assert_true (gloss_provenance_is_empty (gloss_document_get_provenance (document)));
  g_assert_false (gloss_project_can_undo (project) &&
                  g_strcmp0 (gloss_project_get_undo_label (project), "Edit Document Details") == 0);
  g_clear_error (&error);

  gloss_provenance_set_url (edited, "https://radio.example/harbour");
  gloss_provenance_set_authors (edited, (const char * const[]) { "Núria Puig", "", NULL });
  g_assert_false (gloss_project_set_document_provenance (project, document, edited, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_clear_error (&error);

  gloss_provenance_set_authors (edited, NULL);
  gloss_provenance_set_file (edited, "/home/ana/harbour.html");
  g_assert_false (gloss_project_set_document_provenance (project, document, edited, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_assert_true (gloss_provenance_is_empty (gloss_document_get_provenance (document)));
}

/* Renaming and removing are single undo steps; removal takes the
 * annotations and every relation touching them, and undo brings them all
 * back, the relation to another document included. */
static void
test_rename_and_remove (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossDocument) document = gloss_document_new ("doc-a", "Harbour", first_text);
  g_autoptr(GlossDocument) other = gloss_document_new ("doc-b", "Other", corrected_text);
  GListModel *documents = gloss_project_get_documents (project);
  GlossAnnotation *said, *mayor, *elsewhere;

  gloss_project_add_document (project, document);
  gloss_project_add_document (project, other);
  said = annotate (project, document, "the port would reopen on Monday");
  mayor = annotate (project, document, "Radio Ebro");
  elsewhere = annotate (project, other, "Correction");
  gloss_project_link (project, said, mayor, "attributed-to");
  gloss_project_link (project, elsewhere, said, "contradicts");

  gloss_project_set_document_title (project, document, "Port of Tortosa 🚢");
  g_assert_cmpstr (gloss_document_get_title (document), ==, "Port of Tortosa 🚢");
  g_assert_cmpstr (gloss_project_get_undo_label (project), ==, "Rename Document");
  g_assert_true (gloss_project_undo (project));
  g_assert_cmpstr (gloss_document_get_title (document), ==, "Harbour");
  g_assert_true (gloss_project_redo (project));

  gloss_project_remove_document (project, document);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_relations (project)), ==, 0);
  g_assert_null (gloss_project_lookup_annotation (project, gloss_annotation_get_id (said)));

  g_assert_true (gloss_project_undo (project));
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  g_assert_true (g_list_model_get_item (documents, 0) == (gpointer) document);
  g_object_unref (document);
  g_assert_cmpuint (gloss_document_get_n_annotations (document), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_relations (project)), ==, 2);
  g_assert_true (gloss_project_lookup_annotation (project, gloss_annotation_get_id (said)) == said);
  g_assert_cmpstr (gloss_document_get_title (document), ==, "Port of Tortosa 🚢");
}

static void
test_find_duplicate (void)
{
  const char *sha_a = "1111111111111111111111111111111111111111111111111111111111111111";
  const char *sha_b = "2222222222222222222222222222222222222222222222222222222222222222";
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossDocument) page = make_article (first_text, "https://radio.example/harbour", sha_a);
  g_autoptr(GlossDocument) notes = gloss_document_new (NULL, "Notes", "Only notes, 中文.\n");
  g_autoptr(GlossDocument) same_url = make_article (corrected_text, "https://radio.example/harbour", sha_b);
  g_autoptr(GlossDocument) same_file = make_article (corrected_text, "", sha_a);
  g_autoptr(GlossDocument) same_text = gloss_document_new (NULL, "x", "Only notes, 中文.\n");
  g_autoptr(GlossDocument) fresh = make_article (corrected_text, "https://radio.example/other", sha_b);
  GlossDuplicateKind kind = GLOSS_DUPLICATE_TEXT;

  gloss_project_add_document (project, page);
  gloss_project_add_document (project, notes);

  g_assert_true (gloss_project_find_duplicate (project, same_url, &kind) == page);
  g_assert_cmpint (kind, ==, GLOSS_DUPLICATE_URL);
  g_assert_true (gloss_project_find_duplicate (project, same_file, &kind) == page);
  g_assert_cmpint (kind, ==, GLOSS_DUPLICATE_FILE);
  g_assert_true (gloss_project_find_duplicate (project, same_text, &kind) == notes);
  g_assert_cmpint (kind, ==, GLOSS_DUPLICATE_TEXT);
  g_assert_null (gloss_project_find_duplicate (project, fresh, &kind));
  g_assert_cmpint (kind, ==, GLOSS_DUPLICATE_NONE);
  /* A document is no duplicate of itself. */
  g_assert_true (gloss_project_find_duplicate (project, page, NULL) != page);
}

/* Replacing with a corrected capture re-anchors every annotation, takes
 * the new provenance, keeps the title, and undoes as one step. */
static void
test_replace_document (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossDocument) page = make_article (first_text, "https://radio.example/harbour",
                                                "1111111111111111111111111111111111111111111111111111111111111111");
  g_autoptr(GlossDocument) corrected = make_article (corrected_text, "https://radio.example/harbour",
                                                     "2222222222222222222222222222222222222222222222222222222222222222");
  GlossAnchorReport report = { 0, 0, 0 };
  GlossAnnotation *source, *day, *people;
  g_autofree char *old_sha = NULL;

  gloss_project_add_document (project, page);
  gloss_project_set_document_title (project, page, "Tortosa harbour");
  source = annotate (project, page, "Radio Ebro");
  day = annotate (project, page, "reopen on Monday");
  people = annotate (project, page, "שלום 你好 👩🏽‍🔧");
  old_sha = g_strdup (gloss_document_get_sha256 (page));

  gloss_project_replace_document (project, page, corrected, &report);
  g_assert_cmpstr (gloss_document_get_text (page), ==, corrected_text);
  g_assert_cmpstr (gloss_document_get_title (page), ==, "Tortosa harbour");
  g_assert_cmpstr (gloss_provenance_get_file_sha256 (gloss_document_get_provenance (page)), ==,
                   "2222222222222222222222222222222222222222222222222222222222222222");
  g_assert_cmpuint (report.anchored + report.moved + report.orphaned, ==, 3);
  /* "Monday" became "Tuesday": found nearby, and marked for review. */
  g_assert_cmpuint (report.orphaned, ==, 0);
  g_assert_cmpint (gloss_annotation_get_state (day), ==, GLOSS_ANCHOR_MOVED);
  {
    g_autofree char *slice = gloss_document_dup_slice (page, gloss_annotation_get_start (day),
                                                       gloss_annotation_get_end (day));

    g_assert_nonnull (strstr (slice, "Tuesday"));
  }
  g_assert_cmpint (gloss_annotation_get_state (source), !=, GLOSS_ANCHOR_ORPHANED);
  {
    g_autofree char *slice = gloss_document_dup_slice (page, gloss_annotation_get_start (people),
                                                       gloss_annotation_get_end (people));

    g_assert_cmpstr (slice, ==, "שלום 你好 👩🏽‍🔧");
  }
  g_assert_cmpstr (gloss_project_get_undo_label (project), ==, "Replace Text");

  g_assert_true (gloss_project_undo (project));
  g_assert_cmpstr (gloss_document_get_text (page), ==, first_text);
  g_assert_cmpstr (gloss_document_get_sha256 (page), ==, old_sha);
  g_assert_cmpstr (gloss_provenance_get_file_sha256 (gloss_document_get_provenance (page)), ==,
                   "1111111111111111111111111111111111111111111111111111111111111111");
  g_assert_cmpint (gloss_annotation_get_state (day), ==, GLOSS_ANCHOR_ANCHORED);
  /* One step: what is left to undo is the last annotation made. */
  g_assert_cmpstr (gloss_project_get_undo_label (project), ==, "Add Annotation");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/project-documents/set-provenance", test_set_provenance_undoable);
  g_test_add_func ("/gloss/project-documents/set-provenance-refuses", test_set_provenance_refuses_bad_values);
  g_test_add_func ("/gloss/project-documents/rename-and-remove", test_rename_and_remove);
  g_test_add_func ("/gloss/project-documents/find-duplicate", test_find_duplicate);
  g_test_add_func ("/gloss/project-documents/replace", test_replace_document);

  return g_test_run ();
}
