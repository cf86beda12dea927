/* test-tags-dialog.c — the tags dialog: editing, adding and removing tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-tags-dialog.h"
#include "panels-fixture.h"

static gboolean
entry_rows_shown (gpointer row)
{
  g_autoptr(GPtrArray) rows = find_all (row, ADW_TYPE_ENTRY_ROW);

  return rows->len == 2;
}


static void
test_tags_dialog (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *dialog;
  GlossTagRow *row;
  AdwMessageDialog *message;
  GlossTag *claim = gloss_project_lookup_tag (f->project, "claim");
  guint n_tags = g_list_model_get_n_items (gloss_project_get_tags (f->project));
  g_autoptr(GPtrArray) rows = NULL;

  gtk_window_present (f->window);
  dialog = gloss_tags_dialog_new (f->window, f->project);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_ms (50);

  rows = find_all (dialog, GLOSS_TYPE_TAG_ROW);
  g_assert_cmpuint (rows->len, ==, n_tags);

  /* Deleting a tag in use asks first. */
  row = find_tag_row (dialog, "claim");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "tagrow.delete", NULL));
  wait_ms (20);
  message = find_message_dialog ();
  g_assert_nonnull (message);
  /* The name from the file sits in an isolate (U+2068 … U+2069). */
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Delete “\xe2\x81\xa8" "Claim" "\xe2\x81\xa9”?");
  g_assert_cmpstr (adw_message_dialog_get_body (message), ==,
                   "It is used by 2 annotations. You can undo this.");
  /* What clicking its Delete button does. */
  adw_message_dialog_response (message, "delete");
  gtk_window_close (GTK_WINDOW (message));
  wait_ms (20);
  g_assert_null (gloss_project_lookup_tag (f->project, "claim"));
  g_assert_false (gloss_annotation_has_tag (f->claim, "claim"));
  g_assert_null (find_tag_row (dialog, "claim"));

  /* Undo from the dialog restores the tag and its uses. */
  g_assert_true (gtk_widget_activate_action (dialog, "tags.undo", NULL));
  wait_ms (20);
  g_assert_true (gloss_project_lookup_tag (f->project, "claim") == claim);
  g_assert_true (gloss_annotation_has_tag (f->claim, "claim"));
  g_assert_true (gloss_annotation_has_tag (f->quote, "claim"));
  g_assert_nonnull (find_tag_row (dialog, "claim"));

  /* Rename, recolour, key and reorder, all undoable. */
  row = find_tag_row (dialog, "source");
  {
    g_autoptr(GPtrArray) entry_rows = NULL;
    g_autoptr(GPtrArray) combo_rows = NULL;

    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    g_assert_true (wait_for (entry_rows_shown, row, 5000));
    entry_rows = find_all (GTK_WIDGET (row), ADW_TYPE_ENTRY_ROW);
    g_assert_cmpuint (entry_rows->len, ==, 2);
    gtk_editable_set_text (GTK_EDITABLE (entry_rows->pdata[0]), "Who <i>said</i> it");
    g_signal_emit_by_name (entry_rows->pdata[0], "apply");
    g_assert_cmpstr (gloss_tag_get_name (gloss_tag_row_get_tag (row)), ==, "Who <i>said</i> it");
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Who <i>said</i> it");

    combo_rows = find_all (GTK_WIDGET (row), ADW_TYPE_COMBO_ROW);
    g_assert_cmpuint (combo_rows->len, ==, 1);
    adw_combo_row_set_selected (combo_rows->pdata[0], 1 + 1);  /* key 1: Claim's */
    g_assert_cmpint (gloss_tag_get_digit (gloss_tag_row_get_tag (row)), ==, 1);
    g_assert_cmpint (gloss_tag_get_digit (claim), ==, -1);
    gloss_project_undo (f->project);
    g_assert_cmpint (gloss_tag_get_digit (claim), ==, 1);
  }
  {
    /* A palette colour: its button applies it, undoably, and reads as
     * pressed while it is the tag's. */
    g_autoptr(GPtrArray) buttons = find_all (GTK_WIDGET (row), GTK_TYPE_BUTTON);
    g_autofree char *before = g_strdup (gloss_tag_get_color (gloss_tag_row_get_tag (row)));
    GtkWidget *green = NULL;

    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_widget_get_tooltip_text (buttons->pdata[i]), "Green") == 0)
        green = buttons->pdata[i];
    g_assert_nonnull (green);
    g_assert_cmpstr (before, !=, "#57e389");
    gtk_test_accessible_assert_state (green, GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_FALSE);
    g_signal_emit_by_name (green, "clicked");
    g_assert_cmpstr (gloss_tag_get_color (gloss_tag_row_get_tag (row)), ==, "#57e389");
    gtk_test_accessible_assert_state (green, GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_TRUE);
    gloss_project_undo (f->project);
    g_assert_cmpstr (gloss_tag_get_color (gloss_tag_row_get_tag (row)), ==, before);
    gtk_test_accessible_assert_state (green, GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_FALSE);
  }
  /* The undo above may rebuild the rows once the main loop runs: look the
   * row up again rather than trust the old one. */
  {
    g_autofree char *row_tag_id = g_strdup (gloss_tag_get_id (gloss_tag_row_get_tag (row)));

    wait_ms (100);
    row = find_tag_row (dialog, row_tag_id);
    g_assert_nonnull (row);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "tagrow.move-up", NULL));
  {
    g_autoptr(GlossTag) first = g_list_model_get_item (gloss_project_get_tags (f->project), 0);

    g_assert_cmpstr (gloss_tag_get_id (first), ==, "source");
  }

  /* A tag nobody uses goes without asking. */
  gtk_widget_activate_action (dialog, "tags.add", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_tags (f->project)), ==, n_tags + 1);
  wait_ms (20);
  {
    g_autoptr(GlossTag) added = g_list_model_get_item (gloss_project_get_tags (f->project), n_tags);

    row = find_tag_row (dialog, gloss_tag_get_id (added));
    g_assert_nonnull (row);
    gtk_widget_activate_action (GTK_WIDGET (row), "tagrow.delete", NULL);
    g_assert_null (find_message_dialog ());
    g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_tags (f->project)), ==, n_tags);
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Finding 22: where a tag's name is edited, direction controls hidden in
 * it are shown (U+202E makes "fdp.exe" read "exe.pdf"). */
static void
test_bidi_controls_shown (Fixture       *f,
                          gconstpointer  data)
{
  GlossTag *tag = gloss_project_create_tag (f->project, "\xe2\x80\xae" "fdp.exe", "#e01b24", -1);
  GlossTag *plain = gloss_project_create_tag (f->project, "Plain שלום name", "#33d17a", -1);
  GtkWidget *dialog = gloss_tags_dialog_new (f->window, f->project);

  gtk_window_present (GTK_WINDOW (dialog));
  wait_ms (50);
  {
    GlossTagRow *row = find_tag_row (dialog, gloss_tag_get_id (tag));
    GlossTagRow *plain_row = find_tag_row (dialog, gloss_tag_get_id (plain));
    g_autoptr(GPtrArray) labels = NULL;
    g_autoptr(GPtrArray) plain_labels = NULL;
    gboolean shown = FALSE;

    /* Open both for editing. */
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (plain_row), TRUE);
    wait_ms (300);
    labels = find_all (GTK_WIDGET (row), GTK_TYPE_LABEL);
    plain_labels = find_all (GTK_WIDGET (plain_row), GTK_TYPE_LABEL);

    for (guint i = 0; i < labels->len; i++)
      if (gtk_widget_has_css_class (labels->pdata[i], "gloss-bidi-controls") &&
          gtk_widget_get_visible (labels->pdata[i]))
        {
          g_assert_cmpstr (gtk_label_get_text (labels->pdata[i]), ==, "Holds U+202E");
          shown = TRUE;
        }
    g_assert_true (shown);

    /* Right-to-left text without controls is no cause for a warning. */
    for (guint i = 0; i < plain_labels->len; i++)
      if (gtk_widget_has_css_class (plain_labels->pdata[i], "gloss-bidi-controls"))
        g_assert_false (gtk_widget_get_visible (plain_labels->pdata[i]));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static const char *
tag_id_at (Fixture *f,
           guint    position)
{
  g_autoptr(GlossTag) tag = g_list_model_get_item (gloss_project_get_tags (f->project), position);

  return gloss_tag_get_id (tag);
}

static GtkDropTarget *
drop_target_of (GtkWidget *row)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

/* Drops the tag @tag_id on the row of @onto_id, on its upper or lower half. */
static gboolean
drop (GtkWidget  *dialog,
      const char *tag_id,
      const char *onto_id,
      gboolean    lower_half)
{
  GlossTagRow *row = find_tag_row (dialog, onto_id);
  GtkDropTarget *target = drop_target_of (GTK_WIDGET (row));
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  g_assert_nonnull (target);
  /* Which half is which needs the row laid out (slow on a loaded machine). */
  for (guint i = 0; i < 100 && gtk_widget_get_height (GTK_WIDGET (row)) == 0; i++)
    wait_ms (30);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (row)), >, 4);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, tag_id);
  g_signal_emit_by_name (target, "drop", &value, 10.0,
                         lower_half ? gtk_widget_get_height (GTK_WIDGET (row)) - 2.0 : 2.0, &dropped);
  return dropped;
}

static gboolean
has_tooltip (GtkWidget  *widget,
             const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_tooltip (child, text))
      return TRUE;
  return FALSE;
}

static void
test_drag_reorder (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *dialog;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  guint n_tags = g_list_model_get_n_items (gloss_project_get_tags (f->project));

  gtk_window_present (f->window);
  dialog = gloss_tags_dialog_new (f->window, f->project);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_ms (100);

  /* No up and down buttons any more: a handle to drag. */
  g_assert_false (has_tooltip (dialog, "Move Up"));
  g_assert_false (has_tooltip (dialog, "Move Down"));
  g_assert_true (has_tooltip (dialog, "Drag to Reorder (Alt+Up, Alt+Down)"));

  first = g_strdup (tag_id_at (f, 0));
  last = g_strdup (tag_id_at (f, n_tags - 1));
  /* The last dropped on the first's upper half goes first. */
  g_assert_true (drop (dialog, last, first, FALSE));
  g_assert_cmpstr (tag_id_at (f, 0), ==, last);
  g_assert_cmpstr (tag_id_at (f, 1), ==, first);
  wait_ms (50);
  /* The first dropped on the (new) last's lower half goes last. */
  g_assert_true (drop (dialog, first, tag_id_at (f, n_tags - 1), TRUE));
  g_assert_cmpstr (tag_id_at (f, n_tags - 1), ==, first);
  wait_ms (50);
  /* On its own row, or just before the row after it, nothing moves. */
  g_assert_false (drop (dialog, first, first, FALSE));
  g_assert_false (drop (dialog, tag_id_at (f, 0), tag_id_at (f, 1), FALSE));
  /* One undo per drop. */
  gloss_project_undo (f->project);
  gloss_project_undo (f->project);
  g_assert_cmpstr (tag_id_at (f, 0), ==, first);
  g_assert_cmpstr (tag_id_at (f, n_tags - 1), ==, last);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A new tag is scrolled into view, however many there are above it. */
static void
test_scroll_to_new_tag (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *dialog;
  GtkWidget *scroller;
  GlossTagRow *row;
  graphene_rect_t bounds;

  gtk_window_present (f->window);
  dialog = gloss_tags_dialog_new (f->window, f->project);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 500, 400);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_ms (100);

  for (guint i = 0; i < 12; i++)
    {
      gtk_widget_activate_action (dialog, "tags.add", NULL);
      wait_ms (30);
    }
  wait_ms (300);
  row = find_tag_row (dialog, tag_id_at (f, g_list_model_get_n_items (gloss_project_get_tags (f->project)) - 1));
  g_assert_nonnull (row);
  scroller = gtk_widget_get_ancestor (GTK_WIDGET (row), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scroller);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (row), scroller, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y, <, gtk_widget_get_height (scroller));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  panels_test_init (&argc, &argv);

  PANELS_ADD ("/gloss/tags-dialog", test_tags_dialog);
  PANELS_ADD ("/gloss/tags-dialog/bidi-controls-shown", test_bidi_controls_shown);
  PANELS_ADD ("/gloss/tags-dialog/drag-reorder", test_drag_reorder);
  PANELS_ADD ("/gloss/tags-dialog/scroll-to-new-tag", test_scroll_to_new_tag);
  return g_test_run ();
}
