/* test-inspector.c — the inspector: tag toggles, note, attributes, bounds, relations, keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-inspector.h"
#include "gloss-link-dialog.h"
#include "gloss-tag-toggle.h"
#include "panels-fixture.h"

static void
test_inspector_tags (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *inspector = show_inspector (f, f->claim);
  GtkWidget *source = find_tag_toggle (inspector, "source");
  GtkWidget *claim = find_tag_toggle (inspector, "claim");

  g_assert_nonnull (source);
  g_assert_nonnull (claim);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (claim)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (source)));

  /* A click as the user makes it. */
  g_signal_emit_by_name (source, "clicked");
  g_assert_true (gloss_annotation_has_tag (f->claim, "source"));
  g_assert_true (gloss_annotation_has_tag (f->claim, "claim"));

  gloss_project_undo (f->project);
  g_assert_false (gloss_annotation_has_tag (f->claim, "source"));
  /* The toggle follows the undo. */
  source = find_tag_toggle (inspector, "source");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (source)));

  g_signal_emit_by_name (find_tag_toggle (inspector, "claim"), "clicked");
  g_assert_false (gloss_annotation_has_tag (f->claim, "claim"));
  gloss_project_undo (f->project);
  g_assert_true (gloss_annotation_has_tag (f->claim, "claim"));
}

static GtkTextView *
find_note_view (GtkWidget *inspector)
{
  g_autoptr(GPtrArray) views = find_all (inspector, GTK_TYPE_TEXT_VIEW);

  g_assert_cmpuint (views->len, ==, 1);
  return views->pdata[0];
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_inspector_note (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *inspector = show_inspector (f, f->source);
  GtkTextView *view = find_note_view (inspector);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  const char *typed[] = { "W", "h", "o", " ", "👩‍👩‍👧", "?", "\n", "ש" };
  g_autofree char *shown = NULL;
  GtkTextIter cursor;

  gloss_inspector_focus_note (GLOSS_INSPECTOR (inspector));
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    gtk_text_buffer_insert_at_cursor (buffer, typed[i], -1);
  g_assert_cmpstr (gloss_annotation_get_note (f->source), ==, "Who 👩‍👩‍👧?\nש");

  /* Typing is not fed back: the caret stays at the end. */
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_true (gtk_text_iter_is_end (&cursor));

  /* The keystrokes are one undo step, and undo reaches the view. */
  g_assert_true (gloss_project_undo (f->project));
  g_assert_cmpstr (gloss_annotation_get_note (f->source), ==, "");
  shown = buffer_text (buffer);
  g_assert_cmpstr (shown, ==, "");
  g_clear_pointer (&shown, g_free);

  g_assert_true (gloss_project_redo (f->project));
  shown = buffer_text (buffer);
  g_assert_cmpstr (shown, ==, "Who 👩‍👩‍👧?\nש");
  g_clear_pointer (&shown, g_free);

  /* Switching annotation shows its note and records nothing. */
  gloss_inspector_set_annotation (GLOSS_INSPECTOR (inspector), f->claim);
  shown = buffer_text (buffer);
  g_assert_cmpstr (shown, ==, "");
  g_assert_cmpstr (gloss_project_get_undo_label (f->project), ==,
                   gloss_project_get_undo_label (f->project));
  g_assert_cmpstr (gloss_annotation_get_note (f->source), ==, "Who 👩‍👩‍👧?\nש");
}

static void
test_inspector_bounds_and_attributes (Fixture       *f,
                                      gconstpointer  data)
{
  GtkWidget *inspector = show_inspector (f, f->source);
  GlossOffset start = gloss_annotation_get_start (f->source);
  GlossOffset end = gloss_annotation_get_end (f->source);
  g_autoptr(GPtrArray) entries = NULL;

  g_assert_true (gtk_widget_activate_action (inspector, "inspector.end-earlier", "b", FALSE));
  g_assert_cmpuint (gloss_annotation_get_end (f->source), ==, end - 1);
  g_assert_cmpstr (gloss_annotation_get_quote (f->source), ==, "NBC New");
  gtk_widget_activate_action (inspector, "inspector.end-later", "b", FALSE);
  gtk_widget_activate_action (inspector, "inspector.start-earlier", "b", TRUE);
  g_assert_cmpstr (gloss_annotation_get_quote (f->source), ==, "to NBC News");
  gtk_widget_activate_action (inspector, "inspector.start-later", "b", TRUE);
  g_assert_cmpuint (gloss_annotation_get_start (f->source), ==, start);
  /* By word across punctuation and a CRLF. */
  gtk_widget_activate_action (inspector, "inspector.end-later", "b", TRUE);
  g_assert_cmpstr (gloss_annotation_get_quote (f->source), ==, "NBC News.\r\nThe");
  gtk_widget_activate_action (inspector, "inspector.end-earlier", "b", TRUE);
  g_assert_cmpuint (gloss_annotation_get_end (f->source), ==, end);
  gtk_widget_activate_action (inspector, "inspector.end-earlier", "b", TRUE);
  g_assert_cmpstr (gloss_annotation_get_quote (f->source), ==, "NBC");
  /* The span never vanishes. */
  gtk_widget_activate_action (inspector, "inspector.end-earlier", "b", TRUE);
  g_assert_cmpstr (gloss_annotation_get_quote (f->source), ==, "NBC");
  g_assert_true (has_label_with_text (inspector, "NBC"));
  gloss_project_undo (f->project);
  g_assert_cmpstr (gloss_annotation_get_quote (f->source), ==, "NBC News");

  /* Attributes: add through the entries, then remove. */
  entries = find_all (inspector, GTK_TYPE_ENTRY);
  g_assert_cmpuint (entries->len, >=, 2);
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[entries->len - 2]), "verdict");
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[entries->len - 1]), "false <b>");
  gtk_widget_activate_action (inspector, "inspector.add-attribute", NULL);
  g_assert_cmpstr (gloss_annotation_get_attribute (f->source, "verdict"), ==, "false <b>");
  wait_ms (20);
  {
    g_autoptr(GPtrArray) rows = find_all (inspector, ADW_TYPE_ENTRY_ROW);

    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "verdict");
    g_assert_false (adw_preferences_row_get_use_markup (rows->pdata[0]));
    gtk_editable_set_text (GTK_EDITABLE (rows->pdata[0]), "mostly true");
    g_signal_emit_by_name (rows->pdata[0], "apply");
    g_assert_cmpstr (gloss_annotation_get_attribute (f->source, "verdict"), ==, "mostly true");
  }
  gloss_project_undo (f->project);
  g_assert_cmpstr (gloss_annotation_get_attribute (f->source, "verdict"), ==, "false <b>");
  gloss_project_undo (f->project);
  g_assert_null (gloss_annotation_get_attribute (f->source, "verdict"));

  /* Review a moved annotation. */
  gloss_annotation_set_state (f->source, GLOSS_ANCHOR_MOVED);
  wait_ms (20);
  g_assert_true (has_label_with_text (inspector,
                                      "Moved: the text changed and this annotation was found elsewhere."));
  gtk_widget_activate_action (inspector, "inspector.mark-reviewed", NULL);
  g_assert_cmpint (gloss_annotation_get_state (f->source), ==, GLOSS_ANCHOR_ANCHORED);

  /* Delete, then the empty state. */
  gtk_widget_activate_action (inspector, "inspector.delete", NULL);
  g_assert_null (gloss_annotation_get_document (f->source));
  gloss_project_undo (f->project);
  g_assert_true (gloss_annotation_get_document (f->source) == f->document);
}

static gboolean
has_toast_text (GtkWidget  *root,
                const char *text)
{
  g_autoptr(GPtrArray) labels = find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return TRUE;
  return FALSE;
}

static void
test_inspector_delete_toast (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *inspector = gloss_inspector_new ();
  g_autoptr(GPtrArray) buttons = NULL;

  gloss_inspector_set_project (GLOSS_INSPECTOR (inspector), f->project);
  gloss_inspector_set_annotation (GLOSS_INSPECTOR (inspector), f->quote);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), inspector);
  gtk_window_set_child (f->window, overlay);
  gtk_window_present (f->window);
  wait_ms (50);

  gtk_widget_activate_action (inspector, "inspector.delete", NULL);
  g_assert_null (gloss_annotation_get_document (f->quote));
  wait_ms (100);
  g_assert_true (has_toast_text (overlay, "Annotation deleted"));

  /* Its Undo button brings the annotation back. */
  buttons = find_all (overlay, GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), "_Undo") == 0)
      g_signal_emit_by_name (buttons->pdata[i], "clicked");
  g_assert_true (gloss_annotation_get_document (f->quote) == f->document);
}

static gboolean
xdotool (const char *args)
{
  g_autofree char *command = g_strdup_printf ("xdotool %s", args);
  int status = 0;

  return g_spawn_command_line_sync (command, NULL, NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

typedef struct {
  GlossAnnotation *annotation;
  GlossOffset      start;
  GlossOffset      end;
} Span;

static gboolean
span_is (gpointer data)
{
  Span *span = data;

  return gloss_annotation_get_start (span->annotation) == span->start &&
         gloss_annotation_get_end (span->annotation) == span->end;
}

static gboolean
has_quote_tag (gpointer annotation)
{
  return gloss_annotation_has_tag (annotation, "quote");
}

static gboolean
note_is_seen (gpointer annotation)
{
  return g_strcmp0 (gloss_annotation_get_note (annotation), "Seen 3 <b>") == 0;
}

static gboolean
window_active (gpointer window)
{
  return gtk_window_is_active (window);
}

static void
test_inspector_keyboard (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *inspector;
  Span span = { NULL, 0, 0 };
  g_autofree char *path = g_find_program_in_path ("xdotool");

  if (path == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return;
    }

  inspector = show_inspector (f, f->source);
  span.annotation = f->source;
  span.start = gloss_annotation_get_start (f->source);
  span.end = gloss_annotation_get_end (f->source);

  /* With no window manager, X gives the keyboard to the window under the
   * pointer. */
  g_assert_true (xdotool ("mousemove 200 200"));
  wait_for (window_active, f->window, 3000);
  gloss_inspector_focus_note (GLOSS_INSPECTOR (inspector));
  wait_ms (100);

  g_assert_true (xdotool ("key alt+Left"));
  span.end--;
  g_assert_true (wait_for (span_is, &span, 3000));
  g_assert_true (xdotool ("key alt+shift+Left"));
  span.start--;
  g_assert_true (wait_for (span_is, &span, 3000));
  g_assert_true (xdotool ("key alt+bracketright"));
  span.end++;  /* to the end of "News", by a word */
  g_assert_true (wait_for (span_is, &span, 3000));
  /* A digit toggles its tag when the focus is on the inspector's
   * buttons, but is just a character in the note. */
  gtk_widget_grab_focus (find_tag_toggle (inspector, "claim"));
  wait_ms (50);
  g_assert_true (xdotool ("key 3"));
  g_assert_true (wait_for (has_quote_tag, f->source, 3000));
  gloss_project_undo (f->project);
  gloss_inspector_focus_note (GLOSS_INSPECTOR (inspector));
  wait_ms (50);

  /* The note was not touched by the shortcuts; real typing reaches it. */
  g_assert_cmpstr (gloss_annotation_get_note (f->source), ==, "");
  g_assert_true (xdotool ("type --delay 30 'Seen 3 <b>'"));
  g_assert_true (wait_for (note_is_seen, f->source, 3000));
  g_assert_false (gloss_annotation_has_tag (f->source, "quote"));
  g_assert_true (gloss_project_undo (f->project));
  g_assert_cmpstr (gloss_annotation_get_note (f->source), ==, "");

  /* Link by keyboard alone: search, Down to the match, Enter. */
  {
    GtkWidget *dialog = gloss_link_dialog_new (f->window, f->project, f->source);
    guint n_relations = g_list_model_get_n_items (gloss_project_get_relations (f->project));

    gtk_window_present (GTK_WINDOW (dialog));
    wait_ms (300);
    g_assert_true (xdotool ("type --delay 30 'deal'"));
    wait_ms (400);
    g_assert_cmpuint (g_list_model_get_n_items (gloss_link_dialog_get_results (GLOSS_LINK_DIALOG (dialog))), ==, 1);
    g_assert_true (xdotool ("key Down Return"));
    wait_ms (300);
    g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_relations (f->project)), ==, n_relations + 1);
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (gloss_project_get_relations (f->project), n_relations);

      g_assert_cmpstr (gloss_relation_get_to (relation), ==, gloss_annotation_get_id (f->quote));
      g_assert_cmpstr (gloss_relation_get_type_name (relation), ==, "attributed-to");
    }
  }
}

static void
follow_cb (GlossInspector   *inspector,
           GlossAnnotation  *target,
           GlossAnnotation **out)
{
  *out = target;
}


static void
test_inspector_relations (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *inspector = show_inspector (f, f->claim);
  GlossAnnotation *followed = NULL;
  GlossRelationRow *row;
  const char *title;
  g_autoptr(GPtrArray) buttons = NULL;

  g_signal_connect (inspector, "follow", G_CALLBACK (follow_cb), &followed);

  gloss_project_link (f->project, f->claim, f->source, "attributed-to");
  wait_ms (20);
  row = find_relation_row (inspector);
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  /* The type's display name, not its stored identifier. */
  g_assert_nonnull (strstr (title, "attributed to"));
  g_assert_null (strstr (title, "attributed-to"));
  g_assert_nonnull (strstr (title, " → “"));
  g_assert_nonnull (strstr (title, "NBC News"));
  g_assert_true (gloss_relation_row_get_outgoing (row));

  gtk_widget_activate (GTK_WIDGET (row));
  g_assert_true (followed == f->source);

  /* The other end shows it too, the other way round. */
  gloss_inspector_set_annotation (GLOSS_INSPECTOR (inspector), f->source);
  wait_ms (20);
  row = find_relation_row (inspector);
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  g_assert_true (g_str_has_prefix (title, "← "));
  g_assert_nonnull (strstr (title, "a good basis"));
  g_assert_false (gloss_relation_row_get_outgoing (row));
  followed = NULL;
  gtk_widget_activate (GTK_WIDGET (row));
  g_assert_true (followed == f->claim);

  /* Its remove button removes it; undo brings it back. */
  buttons = find_all (GTK_WIDGET (row), GTK_TYPE_BUTTON);
  g_assert_cmpuint (buttons->len, >=, 1);
  g_signal_emit_by_name (buttons->pdata[buttons->len - 1], "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_relations (f->project)), ==, 0);
  gloss_project_undo (f->project);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_relations (f->project)), ==, 1);

  /* Link… asks the window when it listens, else opens the list. */
  {
    GlossAnnotation *requested = NULL;
    gulong id = g_signal_connect (inspector, "link-requested", G_CALLBACK (follow_cb), &requested);
    g_autoptr(GList) toplevels = NULL;
    gboolean found = FALSE;

    gtk_widget_activate_action (inspector, "inspector.link", NULL);
    g_assert_true (requested == f->source);
    g_signal_handler_disconnect (inspector, id);

    gtk_widget_activate_action (inspector, "inspector.link", NULL);
    toplevels = gtk_window_list_toplevels ();
    for (GList *l = toplevels; l != NULL; l = l->next)
      if (GLOSS_IS_LINK_DIALOG (l->data))
        {
          found = TRUE;
          gtk_window_destroy (l->data);
        }
    g_assert_true (found);
  }

  /* A relation made elsewhere (the link dialog, the window) shows up. */
  gloss_project_link (f->project, f->quote, f->source, "quoted-by");
  wait_ms (20);
  {
    g_autoptr(GPtrArray) rows = find_all (inspector, GLOSS_TYPE_RELATION_ROW);

    g_assert_cmpuint (rows->len, ==, 2);
  }
}

/* In right-to-left text the arrows move a boundary the way they point:
 * Alt+Left moves the end of a Hebrew span later (leftwards on screen),
 * Alt+Shift+Right its start earlier (rightwards). A Latin span inside
 * the same Hebrew line keeps the left-to-right sense. */
static void
test_inspector_rtl_nudge (Fixture       *f,
                          gconstpointer  data)
{
  /* "The minister said there is no agreement yet. NBC reported." */
  const char *text = "השר אמר כי אין הסכם עדיין. NBC דיווחה.\nA second line.";
  g_autoptr(GlossDocument) hebrew = gloss_document_new (NULL, "חדשות", text);
  GlossAnnotation *said, *nbc;
  GtkWidget *inspector;
  Span span;
  g_autofree char *path = g_find_program_in_path ("xdotool");

  if (path == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return;
    }

  gloss_project_insert_document (f->project, hebrew);
  said = gloss_project_annotate (f->project, hebrew, 4, 7, "claim");      /* אמר */
  nbc = gloss_project_annotate (f->project, hebrew, 27, 30, "source");    /* NBC */
  inspector = show_inspector (f, said);
  g_assert_true (xdotool ("mousemove 200 200"));
  wait_for (window_active, f->window, 3000);
  gloss_inspector_focus_note (GLOSS_INSPECTOR (inspector));
  wait_ms (100);

  span = (Span) { said, 4, 8 };
  g_assert_true (xdotool ("key alt+Left"));
  g_assert_true (wait_for (span_is, &span, 3000));
  span = (Span) { said, 4, 7 };
  g_assert_true (xdotool ("key alt+Right"));
  g_assert_true (wait_for (span_is, &span, 3000));
  span = (Span) { said, 3, 7 };
  g_assert_true (xdotool ("key alt+shift+Right"));
  g_assert_true (wait_for (span_is, &span, 3000));
  span = (Span) { said, 4, 7 };
  g_assert_true (xdotool ("key alt+shift+Left"));
  g_assert_true (wait_for (span_is, &span, 3000));

  gloss_inspector_set_annotation (GLOSS_INSPECTOR (inspector), nbc);
  gloss_inspector_focus_note (GLOSS_INSPECTOR (inspector));
  wait_ms (100);
  span = (Span) { nbc, 27, 29 };
  g_assert_true (xdotool ("key alt+Left"));
  g_assert_true (wait_for (span_is, &span, 3000));
}

int
main (int    argc,
      char **argv)
{
  panels_test_init (&argc, &argv);

  PANELS_ADD ("/gloss/inspector/tags", test_inspector_tags);
  PANELS_ADD ("/gloss/inspector/note", test_inspector_note);
  PANELS_ADD ("/gloss/inspector/bounds-attributes", test_inspector_bounds_and_attributes);
  PANELS_ADD ("/gloss/inspector/relations", test_inspector_relations);
  PANELS_ADD ("/gloss/inspector/keyboard", test_inspector_keyboard);
  PANELS_ADD ("/gloss/inspector/rtl-nudge", test_inspector_rtl_nudge);
  PANELS_ADD ("/gloss/inspector/delete-toast", test_inspector_delete_toast);
  return g_test_run ();
}
