/* test-project-size.c — many tags and relation types load in linear time
 *
 * Finding 13: tags and relation types were looked up by walking a list,
 * so 40,000 tags took two minutes to validate. These sizes finish within
 * the test's timeout only when lookups are indexed; the time itself is a
 * figure of build-aux/bench.py, never asserted here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gloss.h"

#define N_TAGS           100000
#define N_RELATION_TYPES 100000
#define N_BRAT_TYPES     20000

static GBytes *
project_with_many_tags (void)
{
  GString *json = g_string_new ("{\n  \"format\": \"gloss-project\",\n  \"version\": 1,\n"
                                "  \"title\": \"Many tags\",\n"
                                "  \"created\": \"2026-01-01T00:00:00.000000Z\",\n"
                                "  \"modified\": \"2026-01-01T00:00:00.000000Z\",\n"
                                "  \"tags\": [\n");

  for (guint i = 0; i < N_TAGS; i++)
    g_string_append_printf (json, "%s    {\"id\": \"tag-%u\", \"name\": \"Tag %u\", \"color\": \"#3584e4\", "
                            "\"digit\": null, \"description\": \"\"}",
                            i > 0 ? ",\n" : "", i, i);
  g_string_append (json, "\n  ],\n  \"relation_types\": [\n");
  for (guint i = 0; i < N_RELATION_TYPES; i++)
    g_string_append_printf (json, "%s    \"type-%u\"", i > 0 ? ",\n" : "", i);
  g_string_append (json, "\n  ],\n  \"documents\": [],\n  \"relations\": []\n}\n");

  return g_string_free_to_bytes (json);
}

static void
test_many_tags (void)
{
  g_autoptr(GBytes) bytes = project_with_many_tags ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project = gloss_project_load_bytes (bytes, "many-tags.gloss", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_tags (project)), ==, N_TAGS);
  g_assert_cmpuint (g_strv_length ((char **) gloss_project_get_relation_types (project)), ==, N_RELATION_TYPES);
  g_assert_nonnull (gloss_project_lookup_tag (project, "tag-99999"));
  g_assert_null (gloss_project_lookup_tag (project, "tag-100000"));
}

static void
test_many_brat_types (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-size-XXXXXX", &error);
  g_autofree char *txt_path = g_build_filename (dir, "doc.txt", NULL);
  g_autofree char *ann_path = g_build_filename (dir, "doc.ann", NULL);
  g_autoptr(GFile) txt = g_file_new_for_path (txt_path);
  g_autoptr(GFile) ann = g_file_new_for_path (ann_path);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossImportReport) report = gloss_import_report_new ();
  guint n_before = g_list_model_get_n_items (gloss_project_get_tags (project));

  g_assert_no_error (error);
  for (guint i = 0; i < N_BRAT_TYPES; i++)
    {
      g_string_append_printf (lines, "T%u\tKind_%u %zu %zu\tword\n", i + 1, i, text->len, text->len + 4);
      g_string_append (text, "word ");
    }
  g_file_set_contents (txt_path, text->str, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (ann_path, lines->str, -1, &error);
  g_assert_no_error (error);

  g_assert_true (gloss_import_brat (project, ann, txt, report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_tags (project)), ==, n_before + N_BRAT_TYPES);

  g_unlink (txt_path);
  g_unlink (ann_path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/size/many-tags", test_many_tags);
  g_test_add_func ("/gloss/size/many-brat-types", test_many_brat_types);

  return g_test_run ();
}
