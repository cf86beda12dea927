/* test-round-trip-w3c.c — Gloss → W3C → Gloss keeps every annotation, tag,
 * note, attribute and relation, with positions in code points or in UTF-16
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "export-fixture.h"

static char *
tag_names (GlossProject    *project,
           GlossAnnotation *annotation)
{
  const char * const *ids = gloss_annotation_get_tags (annotation);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer) gloss_tag_get_name (gloss_project_lookup_tag (project, ids[i])));
  g_ptr_array_add (names, NULL);

  return g_strjoinv ("|", (char **) names->pdata);
}

static void
assert_same_annotation (GlossProject    *original_project,
                        GlossAnnotation *original,
                        GlossProject    *copy_project,
                        GlossAnnotation *copy)
{
  g_autofree char *original_tags = tag_names (original_project, original);
  g_autofree char *copy_tags = tag_names (copy_project, copy);
  g_auto(GStrv) keys = gloss_annotation_dup_attribute_keys (original);

  g_assert_cmpint (gloss_annotation_get_start (copy), ==, gloss_annotation_get_start (original));
  g_assert_cmpint (gloss_annotation_get_end (copy), ==, gloss_annotation_get_end (original));
  g_assert_cmpstr (gloss_annotation_get_quote (copy), ==, gloss_annotation_get_quote (original));
  g_assert_cmpint (gloss_annotation_get_state (copy), ==, GLOSS_ANCHOR_ANCHORED);
  g_assert_cmpstr (copy_tags, ==, original_tags);
  g_assert_cmpstr (gloss_annotation_get_note (copy), ==, gloss_annotation_get_note (original));
  g_assert_cmpstr (gloss_annotation_get_author (copy), ==, gloss_annotation_get_author (original));
  g_assert_cmpint (g_date_time_to_unix (gloss_annotation_get_created (copy)), ==,
                   g_date_time_to_unix (gloss_annotation_get_created (original)));
  g_assert_cmpuint (gloss_annotation_get_n_attributes (copy), ==, gloss_annotation_get_n_attributes (original));
  for (guint i = 0; keys[i] != NULL; i++)
    g_assert_cmpstr (gloss_annotation_get_attribute (copy, keys[i]), ==,
                     gloss_annotation_get_attribute (original, keys[i]));
}

static void
round_trip (gconstpointer data)
{
  GlossExportFormat format = GPOINTER_TO_INT (data);
  g_autoptr(GlossProject) copy = gloss_project_new ();
  g_autoptr(GlossImportReport) report = gloss_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-w3c-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "export.jsonld", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GListModel *documents, *relations, *copy_relations;
  Fixture f;

  fixture_init (&f);
  g_assert_true (gloss_export_to_file (f.project, NULL, format, file, &error));
  g_assert_no_error (error);

  /* The same articles, as another analyst would have them: new ids. */
  documents = gloss_project_get_documents (f.project);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);
      g_autoptr(GlossDocument) twin = gloss_document_new (NULL, gloss_document_get_title (document),
                                                          gloss_document_get_text (document));

      gloss_document_set_source (twin, gloss_document_get_source (document));
      gloss_project_add_document (copy, twin);
    }

  g_assert_true (gloss_import_file (copy, file, report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->messages->len, ==, 0);
  g_assert_cmpuint (report->annotations, ==, fixture_count_annotations (f.project));
  g_assert_cmpuint (report->placements->len, ==, 2);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);
      g_autoptr(GlossDocument) twin = g_list_model_get_item (gloss_project_get_documents (copy), i);
      GlossImportPlacement *placement = g_ptr_array_index (report->placements, i);

      g_assert_cmpuint (gloss_document_get_n_annotations (twin), ==, gloss_document_get_n_annotations (document));
      g_assert_cmpuint (placement->exact, ==, gloss_document_get_n_annotations (document));
      for (guint j = 0; j < gloss_document_get_n_annotations (document); j++)
        {
          GlossAnnotation *original = gloss_document_get_annotation (document, j);
          GlossAnnotation *kept = gloss_document_lookup_annotation (twin, gloss_annotation_get_id (original));

          g_assert_nonnull (kept);
          assert_same_annotation (f.project, original, copy, kept);
        }
    }

  relations = gloss_project_get_relations (f.project);
  copy_relations = gloss_project_get_relations (copy);
  g_assert_cmpuint (g_list_model_get_n_items (copy_relations), ==, g_list_model_get_n_items (relations));
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (relations, i);
      g_autoptr(GlossRelation) kept = g_list_model_get_item (copy_relations, i);

      g_assert_cmpstr (gloss_relation_get_from (kept), ==, gloss_relation_get_from (relation));
      g_assert_cmpstr (gloss_relation_get_to (kept), ==, gloss_relation_get_to (relation));
      g_assert_cmpstr (gloss_relation_get_type_name (kept), ==, gloss_relation_get_type_name (relation));
      g_assert_cmpstr (gloss_relation_get_note (kept), ==, gloss_relation_get_note (relation));
    }

  fixture_clear (&f);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/round-trip-w3c/code-points", GINT_TO_POINTER (GLOSS_EXPORT_W3C), round_trip);
  g_test_add_data_func ("/round-trip-w3c/utf16", GINT_TO_POINTER (GLOSS_EXPORT_W3C_UTF16), round_trip);

  return g_test_run ();
}
