/* test-ui-panels.c — the annotation list, inspector, link and tags dialogs
 *
 * Needs a display: run under xvfb-run with GDK_BACKEND=x11
 * GSK_RENDERER=cairo GTK_A11Y=none GSETTINGS_BACKEND=memory.
 * With GLOSS_SCREENSHOT_DIR set, /gloss/ui-panels/screenshot writes
 * panels-light.png and panels-dark.png there (needs ImageMagick's import).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "gloss.h"
#include "gloss-annotation-list.h"
#include "gloss-annotation-row.h"
#include "gloss-color.h"
#include "gloss-inspector.h"
#include "gloss-link-dialog.h"
#include "gloss-relation-row.h"
#include "gloss-tag-row.h"
#include "gloss-tags-dialog.h"

/* The resource bundle lives in a static library: reference it so that the
 * linker keeps it (its constructor registers it). */
extern GResource *gloss_get_resource (void);

/* A fictional article with text that trips up offset handling: a ZWJ
 * family, a skin tone, a flag, combining marks, Arabic, Hebrew, CJK, CRLF,
 * markup-looking text and a right-to-left override. */
static const char article[] =
  "Geneva talks stall 👩‍👩‍👧 as the envoy says the draft is \"a good basis\", "
  "according to NBC News.\r\n"
  "The cafe\xcc\x81 owner 👍🏽 disagreed: \"no deal yet\" 🇩🇪.\r\n"
  "Arabic: السلام عليكم. Hebrew: שלום עולם. Chinese: 和平谈判。\r\n"
  "Odd text: <b>&amp; \xe2\x80\xae" "desrever si siht and more.\n";

typedef struct {
  GlossProject    *project;
  GlossDocument   *document;
  GlossAnnotation *claim;      /* "the draft is \"a good basis\"" — Claim */
  GlossAnnotation *source;     /* "NBC News" — Source */
  GlossAnnotation *quote;      /* "no deal yet" — Claim + Quote */
  GlossAnnotation *odd;        /* the markup-looking text — no tag */
  GtkWindow       *window;
} Fixture;

static void
find_span (const char  *needle,
           GlossOffset *start,
           GlossOffset *end)
{
  const char *p = strstr (article, needle);

  g_assert_nonnull (p);
  *start = g_utf8_pointer_to_offset (article, p);
  *end = *start + g_utf8_strlen (needle, -1);
}

static GlossAnnotation *
annotate (Fixture    *f,
          const char *needle,
          const char *tag_id)
{
  GlossOffset start, end;

  find_span (needle, &start, &end);
  return gloss_project_annotate (f->project, f->document, start, end, tag_id);
}

static void
wait_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

typedef gboolean (*Condition) (gpointer data);

static gboolean
wait_for (Condition condition,
          gpointer  data,
          guint     timeout_ms)
{
  gint64 until = g_get_monotonic_time () + timeout_ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      if (condition (data))
        return TRUE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return condition (data);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->project = gloss_project_new ();
  f->document = gloss_document_new (NULL, "Geneva talks stall", article);
  gloss_project_insert_document (f->project, f->document);

  /* Made out of text order on purpose. */
  f->quote = annotate (f, "no deal yet", "claim");
  gloss_project_toggle_annotation_tag (f->project, f->quote, "quote");
  f->source = annotate (f, "NBC News", "source");
  f->odd = annotate (f, "<b>&amp; \xe2\x80\xae" "desrever", NULL);
  f->claim = annotate (f, "the draft is \"a good basis\"", "claim");

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 700);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  wait_ms (20);
  /* No widget may keep the project or its documents alive. */
  g_clear_object (&f->document);
  g_assert_finalize_object (f->project);
}

/* ---- widget tree helpers ---- */

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, out);
}

static GPtrArray *
find_all (GtkWidget *root,
          GType      type)
{
  GPtrArray *out = g_ptr_array_new ();

  collect (root, type, out);
  return out;
}

static GtkWidget *
find_tag_toggle (GtkWidget  *root,
                 const char *tag_id)
{
  g_autoptr(GPtrArray) toggles = find_all (root, GTK_TYPE_TOGGLE_BUTTON);

  for (guint i = 0; i < toggles->len; i++)
    if (g_strcmp0 (g_object_get_data (toggles->pdata[i], "gloss-tag-id"), tag_id) == 0)
      return toggles->pdata[i];
  return NULL;
}

static gboolean
has_label_with_text (GtkWidget  *root,
                     const char *text)
{
  g_autoptr(GPtrArray) labels = find_all (root, GTK_TYPE_LABEL);
  g_autoptr(GPtrArray) rows = NULL;

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      {
        g_assert_false (gtk_label_get_use_markup (labels->pdata[i]));
        return TRUE;
      }

  /* Annotation rows draw their text themselves (as plain text). */
  rows = find_all (root, GLOSS_TYPE_ANNOTATION_ROW);
  for (guint i = 0; i < rows->len; i++)
    if (gloss_annotation_row_shows_text (rows->pdata[i], text))
      return TRUE;
  return FALSE;
}

static double
widget_y (GtkWidget *widget,
          GtkWidget *relative_to)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, relative_to,
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  return point.y;
}

static int
compare_by_y (gconstpointer a,
              gconstpointer b,
              gpointer      root)
{
  double ya = widget_y (*(GtkWidget **) a, root);
  double yb = widget_y (*(GtkWidget **) b, root);

  return ya < yb ? -1 : ya > yb;
}

static GtkWidget *
show_list (Fixture *f)
{
  GtkWidget *list = gloss_annotation_list_new ();

  gloss_annotation_list_set_project (GLOSS_ANNOTATION_LIST (list), f->project);
  gloss_annotation_list_set_document (GLOSS_ANNOTATION_LIST (list), f->document);
  gtk_window_set_child (f->window, list);
  gtk_window_present (f->window);
  return list;
}

typedef struct {
  GtkWidget *root;
  guint      n;
} RowCount;

static gboolean
rows_shown (gpointer data)
{
  RowCount *count = data;
  g_autoptr(GPtrArray) rows = find_all (count->root, GLOSS_TYPE_ANNOTATION_ROW);

  return rows->len == count->n;
}

/* ---- tests ---- */

static void
test_list_order (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *list = show_list (f);
  RowCount count = { list, 4 };
  g_autoptr(GPtrArray) rows = NULL;
  GlossAnnotation *expected[] = { f->claim, f->source, f->quote, f->odd };

  g_assert_true (wait_for (rows_shown, &count, 5000));
  rows = find_all (list, GLOSS_TYPE_ANNOTATION_ROW);
  g_ptr_array_sort_with_data (rows, compare_by_y, list);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (gloss_annotation_row_get_annotation (rows->pdata[i]) == expected[i]);

  /* The quote is what the row shows. */
  g_assert_true (has_label_with_text (list, "NBC News"));
  g_assert_true (has_label_with_text (list, "4 annotations"));

  /* Selecting from code selects the row; the user picking a row notifies. */
  gloss_annotation_list_set_selected (GLOSS_ANNOTATION_LIST (list), f->source);
  g_assert_true (gloss_annotation_list_get_selected (GLOSS_ANNOTATION_LIST (list)) == f->source);
  {
    g_autoptr(GPtrArray) views = find_all (list, GTK_TYPE_LIST_VIEW);
    GtkSelectionModel *selection = gtk_list_view_get_model (views->pdata[0]);

    g_assert_true (gtk_selection_model_is_selected (selection, 1));
    /* The user picks a row, then unselects it (Ctrl+click). */
    gtk_selection_model_select_item (selection, 2, TRUE);
    g_assert_true (gloss_annotation_list_get_selected (GLOSS_ANNOTATION_LIST (list)) == f->quote);
    gtk_selection_model_unselect_item (selection, 2);
    g_assert_null (gloss_annotation_list_get_selected (GLOSS_ANNOTATION_LIST (list)));
    gloss_annotation_list_set_selected (GLOSS_ANNOTATION_LIST (list), f->source);
  }

  /* A new annotation appears in place; a deleted one goes with its row. */
  {
    GlossAnnotation *geneva = annotate (f, "Geneva", "place");

    count.n = 5;
    g_assert_true (wait_for (rows_shown, &count, 5000));
    g_assert_true (g_list_model_get_item (gloss_annotation_list_get_model (GLOSS_ANNOTATION_LIST (list)), 0) == (gpointer) geneva);
    g_object_unref (geneva);  /* the get_item reference above */

    gloss_project_remove_annotation (f->project, f->source);
    g_assert_null (gloss_annotation_list_get_selected (GLOSS_ANNOTATION_LIST (list)));
    count.n = 4;
    g_assert_true (wait_for (rows_shown, &count, 5000));
    gloss_project_undo (f->project);
    count.n = 5;
    g_assert_true (wait_for (rows_shown, &count, 5000));
  }

  /* A row follows its annotation: a note shows up without rebinding. */
  gloss_project_set_annotation_note (f->project, f->claim, "Check the date\nwith the envoy");
  wait_ms (50);
  g_assert_true (has_label_with_text (list, "Check the date with the envoy"));

  /* Moving the selected annotation keeps it selected. */
  gloss_annotation_list_set_selected (GLOSS_ANNOTATION_LIST (list), f->claim);
  {
    GlossOffset start, end;

    find_span ("Chinese", &start, &end);
    gloss_project_set_annotation_bounds (f->project, f->claim, start, end);
  }
  g_assert_true (gloss_annotation_list_get_selected (GLOSS_ANNOTATION_LIST (list)) == f->claim);
}

static void
test_list_keeps_focus (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *text_view = gtk_text_view_new ();
  GtkWidget *list = gloss_annotation_list_new ();
  RowCount count = { list, 4 };

  /* Selecting from the text_view scrolls the list but leaves the keyboard
   * where the analyst works. */
  gtk_widget_set_size_request (text_view, 300, -1);
  gloss_annotation_list_set_project (GLOSS_ANNOTATION_LIST (list), f->project);
  gloss_annotation_list_set_document (GLOSS_ANNOTATION_LIST (list), f->document);
  gtk_box_append (GTK_BOX (box), text_view);
  gtk_box_append (GTK_BOX (box), list);
  gtk_window_set_child (f->window, box);
  gtk_window_present (f->window);
  g_assert_true (wait_for (rows_shown, &count, 5000));
  gtk_widget_grab_focus (text_view);
  wait_ms (20);
  g_assert_true (gtk_widget_has_focus (text_view));

  gloss_annotation_list_set_selected (GLOSS_ANNOTATION_LIST (list), f->quote);
  wait_ms (50);
  g_assert_true (gtk_widget_has_focus (text_view));
  gloss_annotation_list_set_selected (GLOSS_ANNOTATION_LIST (list), f->claim);
  wait_ms (50);
  g_assert_true (gtk_widget_has_focus (text_view));
}

static guint
count_with_tag (GlossDocument *document,
                const char    *tag_id)
{
  guint n = 0;

  for (guint i = 0; i < gloss_document_get_n_annotations (document); i++)
    if (tag_id == NULL || gloss_annotation_has_tag (gloss_document_get_annotation (document, i), tag_id))
      n++;
  return n;
}

typedef struct {
  GListModel *model;
  guint       n;
} ModelCount;

static gboolean
model_has_n (gpointer data)
{
  ModelCount *count = data;

  return g_list_model_get_n_items (count->model) == count->n;
}

typedef struct {
  GtkWidget  *root;
  const char *text;
} LabelShown;

/* A label under @root showing @text whole, laid out and not ellipsized. */
static gboolean
label_shown_whole (gpointer data)
{
  LabelShown *shown = data;
  g_autoptr(GPtrArray) labels = find_all (shown->root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = labels->pdata[i];

      if (g_strcmp0 (gtk_label_get_text (label), shown->text) == 0 &&
          gtk_widget_get_mapped (GTK_WIDGET (label)) &&
          gtk_widget_get_width (GTK_WIDGET (label)) > 0 &&
          !pango_layout_is_ellipsized (gtk_label_get_layout (label)))
        return TRUE;
    }
  return FALSE;
}

static void
test_list_tag_dropdown_names (Fixture       *f,
                              gconstpointer  data)
{
  GtkWidget *list = show_list (f);
  g_autoptr(GPtrArray) dropdowns = find_all (list, GTK_TYPE_DROP_DOWN);
  GlossTag *claim = gloss_project_lookup_tag (f->project, "claim");
  LabelShown shown = { NULL, NULL };

  gtk_window_set_default_size (f->window, 360, 600);
  g_assert_cmpuint (dropdowns->len, ==, 1);
  shown.root = dropdowns->pdata[0];
  gtk_drop_down_set_selected (dropdowns->pdata[0], 1);
  shown.text = gloss_tag_get_name (claim);
  g_assert_true (wait_for (label_shown_whole, &shown, 3000));
  /* The button follows a rename of the tag it shows. */
  gloss_project_set_tag_name (f->project, claim, "Claim (checked)");
  shown.text = "Claim (checked)";
  g_assert_true (wait_for (label_shown_whole, &shown, 3000));
}

static void
test_list_filter (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *list = show_list (f);
  GListModel *model = gloss_annotation_list_get_model (GLOSS_ANNOTATION_LIST (list));
  g_autoptr(GPtrArray) dropdowns = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GtkDropDown *dropdown;
  ModelCount count = { model, 0 };
  g_autoptr(GlossAnnotation) first = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);

  /* By tag, through the drop-down as the user does: All, Claim, Source, … */
  dropdowns = find_all (list, GTK_TYPE_DROP_DOWN);
  g_assert_cmpuint (dropdowns->len, ==, 1);
  dropdown = dropdowns->pdata[0];
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==,
                    1 + g_list_model_get_n_items (gloss_project_get_tags (f->project)));
  gtk_drop_down_set_selected (dropdown, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, count_with_tag (f->document, "claim"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  gtk_drop_down_set_selected (dropdown, 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  first = g_list_model_get_item (model, 0);
  g_assert_true (first == f->source);
  gtk_drop_down_set_selected (dropdown, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);

  /* By text, case-insensitive, in quote and in note, through the entry. */
  entries = find_all (list, GTK_TYPE_SEARCH_ENTRY);
  g_assert_cmpuint (entries->len, ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "nbc news");
  count.n = 1;
  g_assert_true (wait_for (model_has_n, &count, 3000));

  gloss_project_set_annotation_note (f->project, f->odd, "Ask the desk: is it NBC NEWS or not");
  count.n = 2;  /* the filter follows edits */
  g_assert_true (wait_for (model_has_n, &count, 3000));

  gloss_annotation_list_set_filter (GLOSS_ANNOTATION_LIST (list), "source", "NBC");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  gloss_annotation_list_set_filter (GLOSS_ANNOTATION_LIST (list), NULL, "DÉSACCORD");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  /* Composed and decomposed accents match each other. */
  gloss_annotation_list_set_filter (GLOSS_ANNOTATION_LIST (list), NULL, "CAFÉ");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);  /* no annotation on it yet */
  {
    g_autoptr(GlossAnnotation) cafe = g_object_ref (annotate (f, "cafe\xcc\x81", NULL));

    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  }
  gloss_annotation_list_set_filter (GLOSS_ANNOTATION_LIST (list), NULL, "שלום");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  gloss_annotation_list_set_filter (GLOSS_ANNOTATION_LIST (list), NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
}

static void
test_list_empty (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GlossDocument) empty = gloss_document_new (NULL, "Empty", "Nothing here yet.");
  GtkWidget *list = show_list (f);
  g_autoptr(GPtrArray) pages = NULL;
  gboolean found = FALSE;

  gloss_project_insert_document (f->project, empty);
  gloss_annotation_list_set_document (GLOSS_ANNOTATION_LIST (list), empty);
  wait_ms (50);
  pages = find_all (list, ADW_TYPE_STATUS_PAGE);
  for (guint i = 0; i < pages->len; i++)
    if (g_strcmp0 (adw_status_page_get_title (pages->pdata[i]), "No Annotations") == 0)
      found = TRUE;
  g_assert_true (found);
}

static int
row_height (GtkWidget *row,
            int        width)
{
  int minimum, natural;

  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, natural);
  return natural;
}

/* Rows draw their own text: their height follows what they show, and they
 * follow tag renames and note edits without being rebound. */
static void
test_row (Fixture       *f,
          gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *short_row = gloss_annotation_row_new ();
  GtkWidget *long_row = gloss_annotation_row_new ();
  GlossTag *claim = gloss_project_lookup_tag (f->project, "claim");
  GlossAnnotation *whole;
  int short_height, long_height, noted_height;

  gtk_box_append (GTK_BOX (box), short_row);
  gtk_box_append (GTK_BOX (box), long_row);
  gtk_window_set_child (f->window, box);
  gtk_window_present (f->window);

  /* Most of the article, in several scripts: two lines at 300 px. */
  whole = gloss_project_annotate (f->project, f->document, 0, 150, "source");
  gloss_annotation_row_set_project (GLOSS_ANNOTATION_ROW (short_row), f->project);
  gloss_annotation_row_set_annotation (GLOSS_ANNOTATION_ROW (short_row), f->source);
  gloss_annotation_row_set_project (GLOSS_ANNOTATION_ROW (long_row), f->project);
  gloss_annotation_row_set_annotation (GLOSS_ANNOTATION_ROW (long_row), whole);

  short_height = row_height (short_row, 300);
  long_height = row_height (long_row, 300);
  g_assert_cmpint (long_height, >, short_height);
  /* Wide enough for the whole quote on one line: as short as the other. */
  g_assert_cmpint (row_height (long_row, 20000), ==, short_height);

  /* A note adds a line; the row follows the edit through update (). */
  gloss_project_set_annotation_note (f->project, f->source, "Check   the\ndate");
  gloss_annotation_row_update (GLOSS_ANNOTATION_ROW (short_row));
  noted_height = row_height (short_row, 300);
  g_assert_cmpint (noted_height, >, short_height);
  g_assert_true (gloss_annotation_row_shows_text (GLOSS_ANNOTATION_ROW (short_row), "Check the date"));
  g_assert_true (gloss_annotation_row_shows_text (GLOSS_ANNOTATION_ROW (short_row), "NBC News"));
  g_assert_false (gloss_annotation_row_shows_text (GLOSS_ANNOTATION_ROW (short_row), "Claim"));

  /* A rename reaches the chip by itself. */
  gloss_annotation_row_set_annotation (GLOSS_ANNOTATION_ROW (short_row), f->quote);
  g_assert_true (gloss_annotation_row_shows_text (GLOSS_ANNOTATION_ROW (short_row), "Claim"));
  gloss_project_set_tag_name (f->project, claim, "Assertion");
  g_assert_true (gloss_annotation_row_shows_text (GLOSS_ANNOTATION_ROW (short_row), "Assertion"));
  g_assert_false (gloss_annotation_row_shows_text (GLOSS_ANNOTATION_ROW (short_row), "Claim"));

  /* Drawing lays the text out; it must not fail at any width. */
  for (int width = 1; width < 400; width += 37)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;

      gtk_widget_size_allocate (long_row, &(GtkAllocation) { 0, 0, width, row_height (long_row, width) }, -1);
      GTK_WIDGET_GET_CLASS (long_row)->snapshot (long_row, snapshot);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      g_assert_nonnull (node);
    }
}

static void
test_list_large (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GlossDocument) big = NULL;
  GtkWidget *list;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 begin;
  guint n = 100000;
  guint expected_sources = 0;

  for (guint i = 0; i < n; i++)
    g_string_append (text, "Claim 👩‍👩‍👧 number; ");
  big = gloss_document_new (NULL, "Long", text->str);
  for (guint i = 0; i < n; i++)
    {
      /* Raw construction, in reverse order: the document sorts. */
      guint k = n - 1 - i;
      g_autoptr(GlossAnnotation) annotation = gloss_annotation_new (NULL, k * 20, k * 20 + 5);

      gloss_annotation_add_tag (annotation, k % 3 == 0 ? "source" : "claim");
      expected_sources += k % 3 == 0;
      gloss_document_add_annotation (big, annotation);
    }
  gloss_project_insert_document (f->project, big);

  list = show_list (f);
  wait_ms (50);
  begin = g_get_monotonic_time ();
  gloss_annotation_list_set_document (GLOSS_ANNOTATION_LIST (list), big);
  g_test_message ("set_document took %.0f ms", (g_get_monotonic_time () - begin) / 1000.0);
  wait_ms (100);
  g_test_message ("showing %u annotations took %.0f ms", n,
                  (g_get_monotonic_time () - begin) / 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - begin, <, 2 * G_USEC_PER_SEC);

  /* Only what is visible is built. */
  rows = find_all (list, GLOSS_TYPE_ANNOTATION_ROW);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpuint (rows->len, <, 300);

  begin = g_get_monotonic_time ();
  gloss_annotation_list_set_filter (GLOSS_ANNOTATION_LIST (list), "source", NULL);
  g_test_message ("filtering by tag took %.0f ms", (g_get_monotonic_time () - begin) / 1000.0);
  begin = g_get_monotonic_time ();
  gloss_annotation_list_set_filter (GLOSS_ANNOTATION_LIST (list), "claim", "NUMBER");
  g_test_message ("filtering by tag and text took %.0f ms", (g_get_monotonic_time () - begin) / 1000.0);
  gloss_annotation_list_set_filter (GLOSS_ANNOTATION_LIST (list), "source", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_annotation_list_get_model (GLOSS_ANNOTATION_LIST (list))),
                    ==, expected_sources);

  /* Selecting far down scrolls there. */
  gloss_annotation_list_set_filter (GLOSS_ANNOTATION_LIST (list), NULL, NULL);
  gloss_annotation_list_set_selected (GLOSS_ANNOTATION_LIST (list),
                                      gloss_document_get_annotation (big, n - 10));
  wait_ms (200);
  {
    g_autoptr(GPtrArray) shown = find_all (list, GLOSS_TYPE_ANNOTATION_ROW);
    gboolean found = FALSE;

    for (guint i = 0; i < shown->len; i++)
      if (gloss_annotation_row_get_annotation (shown->pdata[i]) ==
          gloss_document_get_annotation (big, n - 10))
        found = TRUE;
    g_assert_true (found);
  }
}

static GtkWidget *
show_inspector (Fixture         *f,
                GlossAnnotation *annotation)
{
  GtkWidget *inspector = gloss_inspector_new ();

  gloss_inspector_set_project (GLOSS_INSPECTOR (inspector), f->project);
  gloss_inspector_set_annotation (GLOSS_INSPECTOR (inspector), annotation);
  gtk_window_set_child (f->window, inspector);
  gtk_window_present (f->window);
  wait_ms (50);
  return inspector;
}

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
  g_assert_true (xdotool ("key ctrl+alt+Right"));
  span.end++;  /* to the end of "News" */
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

static GlossRelationRow *
find_relation_row (GtkWidget *inspector)
{
  g_autoptr(GPtrArray) rows = find_all (inspector, GLOSS_TYPE_RELATION_ROW);

  g_assert_cmpuint (rows->len, ==, 1);
  return rows->pdata[0];
}

static void
test_inspector_relations (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *inspector = show_inspector (f, f->claim);
  GlossAnnotation *followed = NULL;
  GlossRelationRow *row;
  const char *title;
  GtkWidget *dialog;
  GlossRelation *relation;
  g_autoptr(GPtrArray) buttons = NULL;

  g_signal_connect (inspector, "follow", G_CALLBACK (follow_cb), &followed);

  gloss_project_link (f->project, f->claim, f->source, "attributed-to");
  wait_ms (20);
  row = find_relation_row (inspector);
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  g_assert_nonnull (strstr (title, "attributed-to"));
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

  /* The dialog: search every document, pick, choose a new relation type. */
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
  g_assert_true (g_strv_contains (gloss_project_get_relation_types (f->project), "quoted-by"));
  wait_ms (20);
  {
    g_autoptr(GPtrArray) rows = find_all (inspector, GLOSS_TYPE_RELATION_ROW);

    g_assert_cmpuint (rows->len, ==, 2);
  }
}

static GlossTagRow *
find_tag_row (GtkWidget  *root,
              const char *tag_id)
{
  g_autoptr(GPtrArray) rows = find_all (root, GLOSS_TYPE_TAG_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (gloss_tag_get_id (gloss_tag_row_get_tag (rows->pdata[i])), tag_id))
      return rows->pdata[i];
  return NULL;
}

static gboolean
entry_rows_shown (gpointer row)
{
  g_autoptr(GPtrArray) rows = find_all (row, ADW_TYPE_ENTRY_ROW);

  return rows->len == 2;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
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
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Delete “Claim”?");
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

static void
test_untrusted_text (Fixture       *f,
                     gconstpointer  data)
{
  const char *quote = "<b>&amp; \xe2\x80\xae" "desrever";
  const char *name = "<b>Bold</b> & co";
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
  gloss_annotation_list_set_project (GLOSS_ANNOTATION_LIST (list), f->project);
  gloss_annotation_list_set_document (GLOSS_ANNOTATION_LIST (list), f->document);
  gloss_inspector_set_project (GLOSS_INSPECTOR (inspector), f->project);
  gloss_inspector_set_annotation (GLOSS_INSPECTOR (inspector), f->odd);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), inspector);
  gtk_window_set_child (f->window, box);
  gtk_window_present (f->window);
  {
    RowCount count = { list, 4 };

    g_assert_true (wait_for (rows_shown, &count, 5000));
  }

  g_assert_cmpstr (gloss_annotation_get_quote (f->odd), ==, quote);
  /* In the list row and in the inspector, character for character. */
  g_assert_true (has_label_with_text (list, quote));
  g_assert_true (has_label_with_text (list, "<i>note</i> &lt; \xe2\x80\xae" "x"));
  g_assert_true (has_label_with_text (list, name));
  g_assert_true (has_label_with_text (inspector, quote));
  g_assert_true (has_label_with_text (inspector, name));

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
      g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Delete “<b>Bold</b> & co”?");
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
  gloss_annotation_list_set_project (GLOSS_ANNOTATION_LIST (list), f->project);
  gloss_annotation_list_set_document (GLOSS_ANNOTATION_LIST (list), f->document);
  gloss_inspector_set_project (GLOSS_INSPECTOR (inspector), f->project);
  gloss_inspector_set_annotation (GLOSS_INSPECTOR (inspector), f->claim);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), inspector);
  gtk_window_set_child (f->window, box);
  gtk_window_present (f->window);
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
test_color (void)
{
  GdkRGBA rgba;
  g_autoptr(GlossTag) tag = gloss_tag_new (NULL, "Claim", "#f6d32d", 1);
  GtkWidget *chip;

  g_assert_true (gloss_color_parse ("#62a0ea", &rgba));
  g_assert_cmpfloat_with_epsilon (rgba.red, 0x62 / 255.0, 0.001);
  g_assert_cmpfloat_with_epsilon (rgba.blue, 0xea / 255.0, 0.001);
  g_assert_false (gloss_color_parse ("not a colour", &rgba));
  g_assert_false (gloss_color_parse (NULL, &rgba));
  g_assert_cmpfloat (rgba.alpha, ==, 1.0);

  chip = g_object_ref_sink (gloss_color_chip_new (tag));
  g_assert_true (gloss_color_chip_get_tag (GLOSS_COLOR_CHIP (chip)) == tag);
  gloss_tag_set_color (tag, "#000000");  /* followed without a crash */
  g_object_unref (chip);
}

static void
take_screenshot (const char *path)
{
  g_autofree char *command = g_strdup_printf ("import -window root %s", path);
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
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
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_nonnull (gloss_get_resource ());

#define ADD(path, func) \
  g_test_add ("/gloss/ui-panels/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/gloss/ui-panels/color", test_color);
  ADD ("list/order", test_list_order);
  ADD ("list/keeps-focus", test_list_keeps_focus);
  ADD ("list/filter", test_list_filter);
  ADD ("list/tag-dropdown-names", test_list_tag_dropdown_names);
  ADD ("list/empty", test_list_empty);
  ADD ("list/large", test_list_large);
  ADD ("list/row", test_row);
  ADD ("inspector/tags", test_inspector_tags);
  ADD ("inspector/note", test_inspector_note);
  ADD ("inspector/bounds-attributes", test_inspector_bounds_and_attributes);
  ADD ("inspector/relations", test_inspector_relations);
  ADD ("inspector/keyboard", test_inspector_keyboard);
  ADD ("inspector/delete-toast", test_inspector_delete_toast);
  ADD ("tags-dialog", test_tags_dialog);
  ADD ("untrusted-text", test_untrusted_text);
  ADD ("narrow", test_narrow);
  ADD ("screenshot", test_screenshot);

#undef ADD

  return g_test_run ();
}
