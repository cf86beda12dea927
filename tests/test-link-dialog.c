/* test-link-dialog.c — the link dialog: searching every document, picking, a new relation type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-link-dialog.h"
#include "panels-fixture.h"

static void
test_link_dialog_search_and_link (Fixture       *f,
                                  gconstpointer  data)
{
  GtkWidget *dialog;
  GlossRelation *relation;

  gloss_project_link (f->project, f->claim, f->source, "attributed-to");

  dialog = gloss_link_dialog_new (f->window, f->project, f->quote);
  gtk_window_present (GTK_WINDOW (dialog));
  gloss_link_dialog_set_search (GLOSS_LINK_DIALOG (dialog), "nbc NEWS");
  g_assert_cmpuint (g_list_model_get_n_items (gloss_link_dialog_get_results (GLOSS_LINK_DIALOG (dialog))), ==, 1);
  gloss_link_dialog_set_search (GLOSS_LINK_DIALOG (dialog), NULL);
  /* Every annotation but the one linked from. */
  g_assert_cmpuint (g_list_model_get_n_items (gloss_link_dialog_get_results (GLOSS_LINK_DIALOG (dialog))), ==, 3);
  g_assert_null (gloss_link_dialog_link (GLOSS_LINK_DIALOG (dialog)));  /* no target yet */
  gloss_link_dialog_set_target (GLOSS_LINK_DIALOG (dialog), f->source);
  gloss_link_dialog_set_relation_type (GLOSS_LINK_DIALOG (dialog), "quoted-by");
  relation = gloss_link_dialog_link (GLOSS_LINK_DIALOG (dialog));
  g_assert_nonnull (relation);
  g_assert_cmpstr (gloss_relation_get_type_name (relation), ==, "quoted-by");
  g_assert_cmpstr (gloss_relation_get_from (relation), ==, gloss_annotation_get_id (f->quote));
  g_assert_cmpstr (gloss_relation_get_to (relation), ==, gloss_annotation_get_id (f->source));
  g_assert_true (g_strv_contains (gloss_project_get_relation_types (f->project), "quoted-by"));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_relations (f->project)), ==, 2);
  /* Linking closes the dialog. */
}

int
main (int    argc,
      char **argv)
{
  panels_test_init (&argc, &argv);

  PANELS_ADD ("/gloss/link-dialog/search-and-link", test_link_dialog_search_and_link);
  return g_test_run ();
}
