/* test-compare-view.c — the differences with another version: listed, accepted, dismissed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-compare-view.h"
#include "panels-fixture.h"

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct {
  GlossCompareView *view;
  guint             shown;
  guint             dismissed;
} Expected;

static gboolean
counts_are (gpointer data)
{
  Expected *expected = data;

  return gloss_compare_view_get_n_shown (expected->view) == expected->shown &&
         gloss_compare_view_get_n_dismissed (expected->view) == expected->dismissed;
}

static void
expect (GlossCompareView *view,
        guint             shown,
        guint             dismissed)
{
  Expected expected = { view, shown, dismissed };

  if (!wait_for (counts_are, &expected, 3000))
    g_error ("the view shows %u differences and %u dismissed, not %u and %u",
             gloss_compare_view_get_n_shown (view), gloss_compare_view_get_n_dismissed (view), shown, dismissed);
}

/* The index of the row of the first difference of @kind (the dismissed
 * ones have no row). */
static guint
row_of (GlossCompareView    *view,
        GlossDifferenceKind  kind)
{
  GPtrArray *differences = gloss_comparison_get_differences (gloss_compare_view_get_comparison (view));
  guint row = 0;

  for (guint i = 0; i < differences->len; i++)
    {
      const GlossDifference *difference = g_ptr_array_index (differences, i);

      if (gloss_compare_view_is_dismissed (view, difference))
        continue;
      if (difference->kind == kind)
        return row;
      row++;
    }
  g_assert_not_reached ();
}

/* The key of the first difference of @kind, dismissed or not. */
static char *
key_of (GlossCompareView    *view,
        GlossDifferenceKind  kind)
{
  GPtrArray *differences = gloss_comparison_get_differences (gloss_compare_view_get_comparison (view));

  for (guint i = 0; i < differences->len; i++)
    {
      const GlossDifference *difference = g_ptr_array_index (differences, i);

      if (difference->kind == kind)
        return g_strdup (difference->key);
    }
  g_assert_not_reached ();
}

static void
test_compare_view (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GBytes) bytes = gloss_project_serialize (f->project);
  g_autoptr(GlossProject) theirs = gloss_project_load_bytes (bytes, "theirs.gloss", NULL, NULL);
  g_autoptr(GFile) theirs_file = g_file_new_for_path ("/nowhere/theirs ✍️.gloss");
  g_autofree char *odd_id = g_strdup (gloss_annotation_get_id (f->odd));
  GlossCompareView *view;
  GtkWidget *button;
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;

  /* Theirs lacks the source and tags the claim as a quote too; mine lacks
   * the odd one. */
  g_assert_nonnull (theirs);
  gloss_project_remove_annotation (theirs, gloss_project_lookup_annotation (theirs, gloss_annotation_get_id (f->source)));
  gloss_project_toggle_annotation_tag (theirs, gloss_project_lookup_annotation (theirs, gloss_annotation_get_id (f->claim)),
                                       "quote");
  gloss_project_remove_annotation (f->project, f->odd);

  view = GLOSS_COMPARE_VIEW (gloss_compare_view_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (view));
  gtk_window_present (f->window);
  gloss_compare_view_set_projects (view, f->project, "mine.gloss", theirs, theirs_file);
  expect (view, 3, 0);
  g_assert_true (has_label_with_text (GTK_WIDGET (view), "Compared With \u2068theirs ✍️.gloss\u2069"));
  g_assert_true (has_label_with_text (GTK_WIDGET (view), "Only here"));
  g_assert_true (has_label_with_text (GTK_WIDGET (view), "Only theirs"));
  g_assert_true (has_label_with_text (GTK_WIDGET (view), "Different"));
  g_assert_true (has_label_with_text (GTK_WIDGET (view), "3 differences · 1 document compared"));

  /* Add All Only in Theirs: the odd one is back, as one step. */
  gtk_widget_activate_action (GTK_WIDGET (view), "compare.accept-all", "u", GLOSS_DIFFERENCE_ONLY_THEIRS);
  expect (view, 2, 0);
  g_assert_nonnull (gloss_project_lookup_annotation (f->project, odd_id));
  g_assert_cmpstr (gloss_project_get_undo_label (f->project), ==, "Add All Only in Theirs");
  gloss_project_undo (f->project);
  expect (view, 3, 0);
  g_assert_null (gloss_project_lookup_annotation (f->project, odd_id));

  /* Keep mine for the claim: dismissed, the project untouched. */
  name = g_strdup_printf ("compare-dismiss-%u", row_of (view, GLOSS_DIFFERENCE_CHANGED));
  button = find_named (GTK_WIDGET (view), name);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  expect (view, 2, 1);
  g_assert_false (gloss_annotation_has_tag (f->claim, "quote"));
  g_assert_true (has_label_with_text (GTK_WIDGET (view), "2 differences · 1 document compared · 1 dismissed"));

  /* The toast's Undo brings it back (its action, with the key as target);
   * then it is dismissed again for what follows. */
  key = key_of (view, GLOSS_DIFFERENCE_CHANGED);
  gtk_widget_activate_action (GTK_WIDGET (view), "compare.undo-dismiss", "s", key);
  expect (view, 3, 0);
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("compare-dismiss-%u", row_of (view, GLOSS_DIFFERENCE_CHANGED));
  g_signal_emit_by_name (find_named (GTK_WIDGET (view), name), "clicked");
  expect (view, 2, 1);

  /* Remove the source, as theirs did: accepted, one undoable step. */
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("compare-accept-%u", row_of (view, GLOSS_DIFFERENCE_ONLY_MINE));
  button = find_named (GTK_WIDGET (view), name);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  expect (view, 1, 1);
  g_assert_null (gloss_annotation_get_document (f->source));
  g_assert_cmpstr (gloss_project_get_undo_label (f->project), ==, "Accept Difference");

  gtk_widget_activate_action (GTK_WIDGET (view), "compare.restore-dismissed", NULL);
  expect (view, 2, 0);

  /* Nothing to compare: the view lets go of both projects. */
  gloss_compare_view_set_projects (view, NULL, NULL, NULL, NULL);
  g_assert_null (gloss_compare_view_get_comparison (view));
  g_assert_null (gloss_compare_view_get_theirs (view));
}

int
main (int    argc,
      char **argv)
{
  panels_test_init (&argc, &argv);

  PANELS_ADD ("/gloss/compare-view/accept-dismiss", test_compare_view);
  return g_test_run ();
}
