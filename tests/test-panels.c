/* test-panels.c — the panels side by side: untrusted text, a narrow pane, screenshots
 *
 * With GLOSS_SCREENSHOT_DIR set, /gloss/panels/screenshot writes
 * panels-light.png, panels-dark.png and the dialogs' pictures there (needs
 * ImageMagick's import).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-annotation-list.h"
#include "gloss-inspector.h"
#include "gloss-link-dialog.h"
#include "gloss-tags-dialog.h"
#include "panels-fixture.h"

/* The list and the inspector (showing @inspected) side by side in @box. */
static void
show_panels (Fixture         *f,
             GtkWidget       *box,
             GtkWidget       *list,
             GtkWidget       *inspector,
             GlossAnnotation *inspected)
{
  gloss_annotation_list_set_project (GLOSS_ANNOTATION_LIST (list), f->project);
  gloss_annotation_list_set_document (GLOSS_ANNOTATION_LIST (list), f->document);
  gloss_inspector_set_project (GLOSS_INSPECTOR (inspector), f->project);
  gloss_inspector_set_annotation (GLOSS_INSPECTOR (inspector), inspected);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), inspector);
  gtk_window_set_child (f->window, box);
  gtk_window_present (f->window);
}

static void
test_untrusted_text (Fixture       *f,
                     gconstpointer  data)
{
  const char *quote = "<b>&amp; \xe2\x80\xae" "desrever";
  const char *name = "<b>Bold</b> & co";
  const char *isolated_name = "\xe2\x81\xa8" "<b>Bold</b> & co" "\xe2\x81\xa9";
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *list = gloss_annotation_list_new ();
  GtkWidget *inspector = gloss_inspector_new ();
  GlossTag *tag;
  GtkWidget *dialog;

  tag = gloss_project_create_tag (f->project, name, "#ff0000", -1);
  gloss_project_toggle_annotation_tag (f->project, f->odd, gloss_tag_get_id (tag));
  gloss_project_set_annotation_note (f->project, f->odd, "<i>note</i> &lt; \xe2\x80\xae" "x");
  gloss_project_link (f->project, f->source, f->odd, "<span>type</span>");

  gtk_widget_set_size_request (list, 400, -1);
  show_panels (f, box, list, inspector, f->odd);
  {
    RowCount count = { list, 4 };

    g_assert_true (wait_for (rows_shown, &count, 5000));
  }

  g_assert_cmpstr (gloss_annotation_get_quote (f->odd), ==, quote);
  /* In the list row and in the inspector, character for character. */
  g_assert_true (has_label_with_text (list, quote));
  g_assert_true (has_label_with_text (list, "<i>note</i> &lt; \xe2\x80\xae" "x"));
  /* Tag names from the file are shown isolated (U+2068 … U+2069). */
  g_assert_true (has_label_with_text (list, isolated_name));
  g_assert_true (has_label_with_text (inspector, quote));
  g_assert_true (has_label_with_text (inspector, isolated_name));

  /* The relation row is plain text, the override fenced in an isolate. */
  gloss_inspector_set_annotation (GLOSS_INSPECTOR (inspector), f->source);
  wait_ms (20);
  {
    GlossRelationRow *row = find_relation_row (inspector);
    const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

    g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
    g_assert_nonnull (strstr (title, "<span>type</span>"));
    g_assert_nonnull (strstr (title, quote));
    g_assert_nonnull (strstr (title, "\xe2\x81\xa8<b>&amp;"));  /* FSI before the quote */
    g_assert_true (has_label_with_text (GTK_WIDGET (row), title));
  }

  /* A link to another document names it, as plain text. */
  {
    g_autoptr(GlossDocument) other = gloss_document_new (NULL, "<i>Other</i> & \xe2\x80\xae" "doc",
                                                         "Elsewhere: a second source.");
    GlossAnnotation *elsewhere;
    GlossRelationRow *row = NULL;
    g_autoptr(GPtrArray) rows = NULL;

    gloss_project_add_document (f->project, other);
    elsewhere = gloss_project_annotate (f->project, other, 11, 26, "source");
    gloss_project_link (f->project, f->claim, elsewhere, "supports");
    gloss_inspector_set_annotation (GLOSS_INSPECTOR (inspector), f->claim);
    wait_ms (20);
    rows = find_all (inspector, GLOSS_TYPE_RELATION_ROW);
    for (guint i = 0; i < rows->len; i++)
      if (gloss_relation_row_get_target (rows->pdata[i]) == elsewhere)
        row = rows->pdata[i];
    g_assert_nonnull (row);
    /* The override is fenced in an isolate so the closing quote stays put. */
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                     "In “\xe2\x81\xa8<i>Other</i> & \xe2\x80\xae" "doc\xe2\x81\xa9”");
    g_assert_true (has_label_with_text (GTK_WIDGET (row),
                                        "In “\xe2\x81\xa8<i>Other</i> & \xe2\x80\xae" "doc\xe2\x81\xa9”"));
  }

  /* And in the tags dialog. */
  dialog = gloss_tags_dialog_new (f->window, f->project);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_ms (50);
  {
    GlossTagRow *row = find_tag_row (dialog, gloss_tag_get_id (tag));

    g_assert_nonnull (row);
    g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, name);
    g_assert_true (has_label_with_text (GTK_WIDGET (row), name));

    /* The undo toast after deleting it shows the name as it is. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "tagrow.delete", NULL));
    wait_ms (20);
    {
      AdwMessageDialog *message = find_message_dialog ();
      g_autofree char *expected = g_strdup_printf ("Deleted “%s”", name);
      g_autoptr(GPtrArray) labels = NULL;
      gboolean found = FALSE;

      g_assert_nonnull (message);
      g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Delete “\xe2\x81\xa8" "<b>Bold</b> & co" "\xe2\x81\xa9”?");
      adw_message_dialog_response (message, "delete");
      gtk_window_close (GTK_WINDOW (message));
      wait_ms (100);
      labels = find_all (dialog, GTK_TYPE_LABEL);
      for (guint i = 0; i < labels->len; i++)
        if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), expected) == 0)
          found = TRUE;
      g_assert_true (found);
    }
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
report_widest (GtkWidget *widget,
               int        depth)
{
  int minimum;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum > 200 && depth < 14)
    {
      g_test_message ("%*s%s: %d", depth, "", G_OBJECT_TYPE_NAME (widget), minimum);
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        report_widest (child, depth + 1);
    }
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *list = gloss_annotation_list_new ();
  GtkWidget *inspector = gloss_inspector_new ();
  int list_width, inspector_width;

  /* The window folds its side pane at 360 px: the panels must fit. */
  gloss_project_link (f->project, f->claim, f->source, "attributed-to");
  gloss_project_set_annotation_attribute (f->project, f->claim, "verdict", "unproven");
  show_panels (f, box, list, inspector, f->claim);
  wait_ms (100);

  gtk_widget_measure (list, GTK_ORIENTATION_HORIZONTAL, -1, &list_width, NULL, NULL, NULL);
  gtk_widget_measure (inspector, GTK_ORIENTATION_HORIZONTAL, -1, &inspector_width, NULL, NULL, NULL);
  report_widest (list, 0);
  report_widest (inspector, 0);
  g_assert_cmpint (list_width, <=, 300);
  g_assert_cmpint (inspector_width, <=, 300);

  /* And empty. */
  {
    g_autoptr(GlossDocument) empty = gloss_document_new (NULL, "Empty", "Nothing yet.");

    gloss_project_insert_document (f->project, empty);
    gloss_annotation_list_set_document (GLOSS_ANNOTATION_LIST (list), empty);
    gloss_inspector_set_annotation (GLOSS_INSPECTOR (inspector), NULL);
    wait_ms (50);
  }
  gtk_widget_measure (list, GTK_ORIENTATION_HORIZONTAL, -1, &list_width, NULL, NULL, NULL);
  gtk_widget_measure (inspector, GTK_ORIENTATION_HORIZONTAL, -1, &inspector_width, NULL, NULL, NULL);
  report_widest (list, 0);
  report_widest (inspector, 0);
  g_assert_cmpint (list_width, <=, 300);
  g_assert_cmpint (inspector_width, <=, 300);
}


static void
test_screenshot (Fixture       *f,
                 gconstpointer  data)
{
  const char *dir = g_getenv ("GLOSS_SCREENSHOT_DIR");
  GtkWidget *paned;
  GtkWidget *list;
  GtkWidget *inspector;
  GtkWidget *header;
  GtkWidget *box;
  g_autofree char *light = NULL;
  g_autofree char *dark = NULL;
  g_autofree char *tags = NULL;
  GtkWidget *dialog;

  if (dir == NULL)
    {
      g_test_skip ("GLOSS_SCREENSHOT_DIR is not set");
      return;
    }

  gloss_project_set_annotation_note (f->project, f->claim,
                                     "Check whether the envoy used these words; the "
                                     "Reuters wire quotes it differently.");
  gloss_project_set_annotation_attribute (f->project, f->claim, "verdict", "unproven");
  gloss_project_link (f->project, f->claim, f->source, "attributed-to");
  gloss_project_link (f->project, f->quote, f->claim, "contradicts");
  gloss_annotation_set_state (f->odd, GLOSS_ANCHOR_MOVED);

  gtk_window_set_default_size (f->window, 1000, 760);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);
  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_vexpand (paned, TRUE);
  list = gloss_annotation_list_new ();
  inspector = gloss_inspector_new ();
  gloss_annotation_list_set_project (GLOSS_ANNOTATION_LIST (list), f->project);
  gloss_annotation_list_set_document (GLOSS_ANNOTATION_LIST (list), f->document);
  gloss_annotation_list_set_selected (GLOSS_ANNOTATION_LIST (list), f->claim);
  gloss_inspector_set_project (GLOSS_INSPECTOR (inspector), f->project);
  gloss_inspector_set_annotation (GLOSS_INSPECTOR (inspector), f->claim);
  gtk_paned_set_start_child (GTK_PANED (paned), list);
  gtk_paned_set_end_child (GTK_PANED (paned), inspector);
  gtk_paned_set_position (GTK_PANED (paned), 420);
  gtk_box_append (GTK_BOX (box), paned);
  gtk_window_set_child (f->window, box);
  gtk_window_set_title (f->window, "Gloss panels");
  gtk_window_present (f->window);
  gtk_window_maximize (f->window);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_ms (800);
  light = g_build_filename (dir, "panels-light.png", NULL);
  take_screenshot (light);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  wait_ms (800);
  dark = g_build_filename (dir, "panels-dark.png", NULL);
  take_screenshot (dark);

  /* The lower half of the inspector: span, provenance, delete. */
  {
    g_autoptr(GPtrArray) scrollers = find_all (inspector, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrollers->pdata[0]);
    g_autofree char *bottom = g_build_filename (dir, "panels-dark-bottom.png", NULL);

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    wait_ms (500);
    take_screenshot (bottom);
  }

  dialog = gloss_tags_dialog_new (f->window, f->project);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_ms (300);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_tag_row (dialog, "source")), TRUE);
  wait_ms (800);
  tags = g_build_filename (dir, "tags-dark.png", NULL);
  take_screenshot (tags);
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = gloss_link_dialog_new (f->window, f->project, f->quote);
  gtk_window_present (GTK_WINDOW (dialog));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_ms (800);
  g_clear_pointer (&tags, g_free);
  tags = g_build_filename (dir, "link-light.png", NULL);
  take_screenshot (tags);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  panels_test_init (&argc, &argv);

  PANELS_ADD ("/gloss/panels/untrusted-text", test_untrusted_text);
  PANELS_ADD ("/gloss/panels/narrow", test_narrow);
  PANELS_ADD ("/gloss/panels/screenshot", test_screenshot);
  return g_test_run ();
}
