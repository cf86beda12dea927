/* test-link-dialog.c — the link dialog: searching every document, picking, a new relation type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-row.h"
#include "gloss-link-dialog.h"
#include "gloss-untrusted-text.h"
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

static gboolean
results_shown (gpointer data)
{
  g_autoptr(GPtrArray) rows = find_all (data, GLOSS_TYPE_ANNOTATION_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (gloss_annotation_row_get_annotation (rows->pdata[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Read as a dialog, modal over the main window; each row's name says
 * which document its annotation comes from. */
static void
test_link_dialog_accessible (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *dialog = gloss_link_dialog_new (f->window, f->project, f->quote);
  g_autoptr(GPtrArray) rows = NULL;
  guint checked = 0;

  gtk_window_present (f->window);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (dialog)), ==, GTK_ACCESSIBLE_ROLE_DIALOG);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == f->window);

  g_assert_true (wait_for (results_shown, dialog, 5000));
  rows = find_all (dialog, GLOSS_TYPE_ANNOTATION_ROW);
  for (guint i = 0; i < rows->len; i++)
    {
      GlossAnnotation *annotation = gloss_annotation_row_get_annotation (rows->pdata[i]);
      g_autofree char *title = NULL;
      g_autofree char *in_document = NULL;
      g_autofree char *expected = NULL;

      if (annotation != f->source)
        continue;
      title = gloss_untrusted_isolate ("Geneva talks stall");
      in_document = g_strdup_printf (_("In “%s”"), title);
      expected = g_strdup_printf ("\xe2\x81\xa8" "Source" "\xe2\x81\xa9" ", NBC News. %s", in_document);
      gtk_test_accessible_assert_property (rows->pdata[i], GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
      checked++;
    }
  g_assert_cmpuint (checked, ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  panels_test_init (&argc, &argv);

  PANELS_ADD ("/gloss/link-dialog/search-and-link", test_link_dialog_search_and_link);
  PANELS_ADD ("/gloss/link-dialog/accessible", test_link_dialog_accessible);
  return g_test_run ();
}
