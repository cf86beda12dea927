/* test-annotation-list.c — the annotation list and its rows: order, focus, filter, size, drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-annotation-list.h"
#include "gloss-annotation-row.h"
#include "gloss-untrusted-text.h"
#include "panels-fixture.h"

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

/* A label under @root showing @text whole (as the window isolates a name
 * from the file), laid out and not ellipsized. */
static gboolean
label_shown_whole (gpointer data)
{
  LabelShown *shown = data;
  g_autofree char *isolated = gloss_untrusted_isolate (shown->text);
  g_autoptr(GPtrArray) labels = find_all (shown->root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = labels->pdata[i];

      if (g_strcmp0 (gtk_label_get_text (label), isolated) == 0 &&
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
  g_assert_false (gloss_annotation_row_shows_text (GLOSS_ANNOTATION_ROW (short_row), "\xe2\x81\xa8" "Claim" "\xe2\x81\xa9"));

  /* A rename reaches the chip by itself. */
  gloss_annotation_row_set_annotation (GLOSS_ANNOTATION_ROW (short_row), f->quote);
  g_assert_true (gloss_annotation_row_shows_text (GLOSS_ANNOTATION_ROW (short_row), "\xe2\x81\xa8" "Claim" "\xe2\x81\xa9"));
  gloss_project_set_tag_name (f->project, claim, "Assertion");
  g_assert_true (gloss_annotation_row_shows_text (GLOSS_ANNOTATION_ROW (short_row), "\xe2\x81\xa8" "Assertion" "\xe2\x81\xa9"));
  g_assert_false (gloss_annotation_row_shows_text (GLOSS_ANNOTATION_ROW (short_row), "\xe2\x81\xa8" "Claim" "\xe2\x81\xa9"));

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

typedef struct
{
  graphene_rect_t bounds;
  gboolean        is_text;
} DrawnNode;

/* Every text and colour node of @node, with its bounds in the row's
 * coordinates (the row only translates). */
static void
collect_drawn (GskRenderNode *node,
               float          dx,
               float          dy,
               GArray        *drawn)
{
  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_drawn (gsk_container_node_get_child (node, i), dx, dy, drawn);
      break;
    case GSK_TRANSFORM_NODE:
      {
        float tx = 0, ty = 0;

        gsk_transform_to_translate (gsk_transform_node_get_transform (node), &tx, &ty);
        collect_drawn (gsk_transform_node_get_child (node), dx + tx, dy + ty, drawn);
      }
      break;
    case GSK_CLIP_NODE:
      collect_drawn (gsk_clip_node_get_child (node), dx, dy, drawn);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      collect_drawn (gsk_rounded_clip_node_get_child (node), dx, dy, drawn);
      break;
    case GSK_TEXT_NODE:
    case GSK_COLOR_NODE:
      {
        DrawnNode d = { .is_text = gsk_render_node_get_node_type (node) == GSK_TEXT_NODE };

        gsk_render_node_get_bounds (node, &d.bounds);
        d.bounds.origin.x += dx;
        d.bounds.origin.y += dy;
        g_array_append_val (drawn, d);
      }
      break;
    default:
      break;
    }
}

/* Right to left, the chip's name is drawn inside the row, beside its
 * swatch (at its left), on the header line: with a Hebrew quote and a
 * Hebrew and a Latin tag name. */
static void
test_row_rtl_chip (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *row = gloss_annotation_row_new ();
  g_autoptr(GlossDocument) hebrew = gloss_document_new (NULL, "חדשות",
                                                        "השר אמר כי אין הסכם עדיין. 👩‍👩‍👧 NBC דיווחה.");
  GlossAnnotation *said;
  const char *names[] = { "Claim", "טענה" };
  int width = 320;

  gloss_project_insert_document (f->project, hebrew);
  said = gloss_project_annotate (f->project, hebrew, 0, 26, "claim");
  gtk_widget_set_direction (row, GTK_TEXT_DIR_RTL);
  gtk_window_set_child (f->window, row);
  gtk_window_present (f->window);
  gloss_annotation_row_set_project (GLOSS_ANNOTATION_ROW (row), f->project);
  gloss_annotation_row_set_annotation (GLOSS_ANNOTATION_ROW (row), said);

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GArray) drawn = g_array_new (FALSE, FALSE, sizeof (DrawnNode));
      const DrawnNode *swatch = NULL, *name = NULL;

      gloss_project_set_tag_name (f->project, gloss_project_lookup_tag (f->project, "claim"), names[n]);
      gtk_widget_size_allocate (row, &(GtkAllocation) { 0, 0, width, row_height (row, width) }, -1);
      GTK_WIDGET_GET_CLASS (row)->snapshot (row, snapshot);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      collect_drawn (node, 0, 0, drawn);

      /* The swatch is the colour drawn highest; the name, the text
       * drawn highest. */
      for (guint i = 0; i < drawn->len; i++)
        {
          const DrawnNode *d = &g_array_index (drawn, DrawnNode, i);
          const DrawnNode **best = d->is_text ? &name : &swatch;

          if (*best == NULL || d->bounds.origin.y < (*best)->bounds.origin.y)
            *best = d;
        }
      g_assert_nonnull (swatch);
      g_assert_nonnull (name);
      g_test_message ("%s: swatch x %.0f..%.0f, name x %.0f..%.0f", names[n],
                      swatch->bounds.origin.x, swatch->bounds.origin.x + swatch->bounds.size.width,
                      name->bounds.origin.x, name->bounds.origin.x + name->bounds.size.width);
      /* At the right: the swatch, then the name at its left, both in view. */
      g_assert_cmpfloat (swatch->bounds.origin.x, >, width / 2.0);
      g_assert_cmpfloat (swatch->bounds.origin.x + swatch->bounds.size.width, <=, width);
      g_assert_cmpfloat (name->bounds.origin.x, >=, 0);
      g_assert_cmpfloat (name->bounds.origin.x + name->bounds.size.width, <=, swatch->bounds.origin.x);
      g_assert_cmpfloat (name->bounds.origin.x + name->bounds.size.width, >, swatch->bounds.origin.x - 20);
      g_assert_cmpfloat (name->bounds.size.width, >, 10);
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

static gboolean
row_of_shows (GtkWidget       *list,
              GlossAnnotation *annotation,
              const char      *text)
{
  g_autoptr(GPtrArray) rows = find_all (list, GLOSS_TYPE_ANNOTATION_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (gloss_annotation_row_get_annotation (rows->pdata[i]) == annotation)
      return gloss_annotation_row_shows_text (rows->pdata[i], text);
  return FALSE;
}

static void
test_list_relations (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *list = show_list (f);
  GListModel *model = gloss_annotation_list_get_model (GLOSS_ANNOTATION_LIST (list));
  RowCount count = { list, 4 };
  ModelCount shown = { model, 0 };
  g_autoptr(GlossAnnotation) first = NULL;

  g_assert_true (wait_for (rows_shown, &count, 5000));
  g_assert_false (row_of_shows (list, f->claim, "1 link"));

  /* Both claims lack a source; linking one takes it out of that filter
   * and gives both ends a link badge. */
  gloss_annotation_list_set_relation_filter (GLOSS_ANNOTATION_LIST (list),
                                             GLOSS_RELATION_FILTER_CLAIMS_WITHOUT_SOURCE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  gloss_project_link (f->project, f->claim, f->source, "attributed-to");
  shown.n = 1;
  g_assert_true (wait_for (model_has_n, &shown, 3000));
  first = g_list_model_get_item (model, 0);
  g_assert_true (first == f->quote);

  /* A link of another type does not make a source. */
  gloss_project_link (f->project, f->quote, f->odd, "supports");
  wait_ms (50);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  gloss_annotation_list_set_relation_filter (GLOSS_ANNOTATION_LIST (list),
                                             GLOSS_RELATION_FILTER_HAS_RELATIONS);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  gloss_project_undo (f->project);
  shown.n = 2;
  g_assert_true (wait_for (model_has_n, &shown, 3000));

  /* Through the menu's action, as the user picks it. */
  gtk_widget_activate_action (list, "annotations.relation-filter", "s", "all");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  count.n = 4;
  g_assert_true (wait_for (rows_shown, &count, 5000));
  wait_ms (50);
  g_assert_true (row_of_shows (list, f->claim, "1 link"));
  g_assert_true (row_of_shows (list, f->source, "1 link"));
  g_assert_false (row_of_shows (list, f->quote, "1 link"));

  /* An attribute adds its marker. */
  gloss_project_set_annotation_attribute (f->project, f->claim, "verdict", "misleading");
  wait_ms (50);
  g_assert_true (row_of_shows (list, f->claim, "1 link, 1 attribute"));
}

int
main (int    argc,
      char **argv)
{
  panels_test_init (&argc, &argv);

  PANELS_ADD ("/gloss/annotation-list/order", test_list_order);
  PANELS_ADD ("/gloss/annotation-list/keeps-focus", test_list_keeps_focus);
  PANELS_ADD ("/gloss/annotation-list/filter", test_list_filter);
  PANELS_ADD ("/gloss/annotation-list/tag-dropdown-names", test_list_tag_dropdown_names);
  PANELS_ADD ("/gloss/annotation-list/relations", test_list_relations);
  PANELS_ADD ("/gloss/annotation-list/empty", test_list_empty);
  PANELS_ADD ("/gloss/annotation-list/large", test_list_large);
  PANELS_ADD ("/gloss/annotation-list/row", test_row);
  PANELS_ADD ("/gloss/annotation-list/row-rtl-chip", test_row_rtl_chip);
  return g_test_run ();
}
