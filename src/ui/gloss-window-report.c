/* gloss-window-report.c — what the window shows, as JSON, for the GUI tests
 *
 * With GLOSS_TEST_REPORT=PATH the window keeps PATH up to date with its
 * state and with where each visible code point is drawn, in the
 * coordinates of its X window, so that the tests drive a real mouse at
 * real characters instead of guessing pixels. Without the variable this
 * costs nothing. The dialogs, menus and toasts are reported by
 * gloss-window-report-chrome.c, the side pane and the palette by
 * gloss-window-report-side.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <unistd.h>

#include "gloss-compare-view.h"
#include "gloss-project-search.h"
#include "gloss-search-row.h"
#include "gloss-window-report-private.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#define MAX_REPORTED_OFFSETS 4000

void
_gloss_report_add_rect (JsonBuilder *builder,
                        double       x,
                        double       y,
                        double       width,
                        double       height)
{
  json_builder_begin_array (builder);
  json_builder_add_int_value (builder, (gint64) x);
  json_builder_add_int_value (builder, (gint64) y);
  json_builder_add_int_value (builder, (gint64) width);
  json_builder_add_int_value (builder, (gint64) height);
  json_builder_end_array (builder);
}

void
_gloss_report_add_xid (JsonBuilder *builder,
                       GtkNative   *native)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = gtk_native_get_surface (native);

  if (surface != NULL && GDK_IS_X11_SURFACE (surface))
    {
      json_builder_set_member_name (builder, "xid");
      json_builder_add_int_value (builder, (gint64) gdk_x11_surface_get_xid (surface));
    }
#endif
}

static void
add_annotation (JsonBuilder     *builder,
                GlossAnnotation *annotation)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, gloss_annotation_get_id (annotation));
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, gloss_annotation_get_start (annotation));
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, gloss_annotation_get_end (annotation));
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (const char * const *tags = gloss_annotation_get_tags (annotation); *tags; tags++)
    json_builder_add_string_value (builder, *tags);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "note");
  json_builder_add_string_value (builder, gloss_annotation_get_note (annotation));
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, gloss_anchor_state_to_string (gloss_annotation_get_state (annotation)));
  json_builder_end_object (builder);
}

static void
add_offsets (GlossWindow *self,
             JsonBuilder *builder)
{
  GtkWidget *view = GTK_WIDGET (self->article_view);
  GtkNative *native = gtk_widget_get_native (view);
  GlossOffset start, end;
  double sx = 0, sy = 0;
  GdkRectangle visible_area;
  graphene_rect_t bounds;

  json_builder_set_member_name (builder, "offsets");
  json_builder_begin_object (builder);
  if (self->document == NULL || native == NULL || !gtk_widget_get_mapped (view) ||
      !gtk_widget_compute_bounds (view, GTK_WIDGET (native), &bounds))
    {
      json_builder_end_object (builder);
      return;
    }

  gtk_native_get_surface_transform (native, &sx, &sy);
  gloss_article_view_get_visible_range (self->article_view, &start, &end);
  end = MIN (end, gloss_document_get_length (self->document));
  visible_area.y = (int) bounds.origin.y;
  visible_area.height = (int) bounds.size.height;

  for (GlossOffset o = start; o <= end && o - start < MAX_REPORTED_OFFSETS; o++)
    {
      graphene_rect_t rect;
      graphene_point_t p;
      g_autofree char *key = NULL;

      if (!gloss_article_view_get_offset_rect (self->article_view, o, &rect))
        continue;
      if (!gtk_widget_compute_point (view, GTK_WIDGET (native), &rect.origin, &p))
        continue;
      if (p.y < visible_area.y || p.y + rect.size.height > visible_area.y + visible_area.height)
        continue;

      key = g_strdup_printf ("%u", o);
      json_builder_set_member_name (builder, key);
      _gloss_report_add_rect (builder, p.x + sx, p.y + sy, rect.size.width, rect.size.height);
    }
  json_builder_end_object (builder);
}

/* @widget's rectangle in the coordinates of its X window, or null. */
static void
add_bounds (JsonBuilder *builder,
            const char  *name,
            GtkWidget   *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_rect_t bounds;
  double sx = 0, sy = 0;

  json_builder_set_member_name (builder, name);
  if (native == NULL || !gtk_widget_get_mapped (widget) ||
      !gtk_widget_compute_bounds (widget, GTK_WIDGET (native), &bounds))
    {
      json_builder_add_null_value (builder);
      return;
    }
  gtk_native_get_surface_transform (native, &sx, &sy);
  _gloss_report_add_rect (builder, bounds.origin.x + sx, bounds.origin.y + sy, bounds.size.width, bounds.size.height);
}

/* The project search: its state, and where its button and rows are. */
static void
add_project_search (GlossWindow *self,
                    JsonBuilder *builder)
{
  GlossProjectSearch *search = GLOSS_PROJECT_SEARCH (self->project_search);
  GtkWidget *view;
  const char *error;

  json_builder_set_member_name (builder, "project_search");
  if (!_gloss_window_is_searching_project (self))
    {
      json_builder_add_null_value (builder);
      return;
    }

  error = gloss_project_search_get_error (search);
  view = gloss_project_search_get_results_view (search);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, gloss_project_search_get_text (search));
  json_builder_set_member_name (builder, "n_matches");
  json_builder_add_int_value (builder, gloss_project_search_get_n_matches (search));
  json_builder_set_member_name (builder, "n_documents");
  json_builder_add_int_value (builder, gloss_project_search_get_n_documents (search));
  json_builder_set_member_name (builder, "searching");
  json_builder_add_boolean_value (builder, gloss_project_search_is_searching (search));
  json_builder_set_member_name (builder, "error");
  if (error != NULL)
    json_builder_add_string_value (builder, error);
  else
    json_builder_add_null_value (builder);
  add_bounds (builder, "tag_button", gloss_project_search_get_tag_button (search));
  json_builder_set_member_name (builder, "tag_label");
  json_builder_add_string_value (builder, gtk_menu_button_get_label (GTK_MENU_BUTTON (gloss_project_search_get_tag_button (search))));
  json_builder_set_member_name (builder, "palette");
  json_builder_add_boolean_value (builder, gtk_widget_get_visible (gloss_project_search_get_palette (search)));

  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (GtkWidget *row = gtk_widget_get_first_child (view); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_widget_get_first_child (row);
      GlossSearchMatch *match;

      if (!GLOSS_IS_SEARCH_ROW (child) || !gtk_widget_get_mapped (row))
        continue;

      /* A heading has no match: its object holds only its bounds. */
      match = gloss_search_row_get_match (GLOSS_SEARCH_ROW (child));
      json_builder_begin_object (builder);
      if (match != NULL)
        {
          json_builder_set_member_name (builder, "document");
          json_builder_add_string_value (builder, gloss_document_get_id (gloss_search_match_get_document (match)));
          json_builder_set_member_name (builder, "start");
          json_builder_add_int_value (builder, gloss_search_match_get_start (match));
          json_builder_set_member_name (builder, "end");
          json_builder_add_int_value (builder, gloss_search_match_get_end (match));
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, gloss_search_match_get_text (match));
        }
      add_bounds (builder, "bounds", row);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_rows (GlossWindow *self,
          JsonBuilder *builder,
          const char  *name,
          GtkListBox  *list)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (list));
  double sx = 0, sy = 0;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  if (native != NULL && gtk_widget_get_mapped (GTK_WIDGET (list)))
    {
      gtk_native_get_surface_transform (native, &sx, &sy);
      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
           row != NULL; row = gtk_widget_get_next_sibling (row))
        {
          graphene_rect_t bounds;

          if (!gtk_widget_compute_bounds (row, GTK_WIDGET (native), &bounds))
            continue;
          _gloss_report_add_rect (builder, bounds.origin.x + sx, bounds.origin.y + sy, bounds.size.width, bounds.size.height);
        }
    }
  json_builder_end_array (builder);
}

/* The comparison with another version, when one is open: what the list
 * shows, in order (kind, annotation ids), and what was dismissed. */
static void
add_compare (GlossWindow *self,
             JsonBuilder *builder)
{
  static const char * const kinds[] = { "only-mine", "only-theirs", "changed" };
  GlossCompareView *view = self->compare_view != NULL ? GLOSS_COMPARE_VIEW (self->compare_view) : NULL;
  GlossComparison *comparison = view != NULL ? gloss_compare_view_get_comparison (view) : NULL;
  GPtrArray *differences;

  json_builder_set_member_name (builder, "compare");
  if (comparison == NULL || !gtk_widget_get_mapped (self->compare_view))
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "n_shown");
  json_builder_add_int_value (builder, gloss_compare_view_get_n_shown (view));
  json_builder_set_member_name (builder, "n_dismissed");
  json_builder_add_int_value (builder, gloss_compare_view_get_n_dismissed (view));
  json_builder_set_member_name (builder, "differences");
  json_builder_begin_array (builder);
  differences = gloss_comparison_get_differences (comparison);
  for (guint i = 0; i < differences->len; i++)
    {
      const GlossDifference *difference = g_ptr_array_index (differences, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, kinds[difference->kind]);
      json_builder_set_member_name (builder, "mine");
      json_builder_add_string_value (builder, difference->mine != NULL ? gloss_annotation_get_id (difference->mine) : "");
      json_builder_set_member_name (builder, "theirs");
      json_builder_add_string_value (builder, difference->theirs != NULL ? gloss_annotation_get_id (difference->theirs) : "");
      json_builder_set_member_name (builder, "relation");
      json_builder_add_boolean_value (builder, difference->mine_relation != NULL || difference->theirs_relation != NULL);
      json_builder_set_member_name (builder, "dismissed");
      json_builder_add_boolean_value (builder, gloss_compare_view_is_dismissed (view, difference));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* Widgets the tests press by name (gtk_widget_set_name ()): "conflict-…"
 * buttons, as [x, y, width, height] in the window's surface. */
static void
add_named_widgets (GtkWidget   *widget,
                   GtkNative   *native,
                   double       sx,
                   double       sy,
                   JsonBuilder *builder)
{
  const char *name = gtk_widget_get_name (widget);
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget))
    return;
  if ((g_str_has_prefix (name, "conflict-") || g_str_has_prefix (name, "compare-")) &&
      gtk_widget_compute_bounds (widget, GTK_WIDGET (native), &bounds))
    {
      json_builder_set_member_name (builder, name);
      _gloss_report_add_rect (builder, bounds.origin.x + sx, bounds.origin.y + sy, bounds.size.width, bounds.size.height);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    add_named_widgets (child, native, sx, sy, builder);
}

/* What each Recent Projects row says: its name and where it is. */
static void
add_recent (GlossWindow *self,
            JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "recent");
  json_builder_begin_array (builder);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      json_builder_set_member_name (builder, "subtitle");
      if (subtitle != NULL && subtitle[0] != '\0')
        json_builder_add_string_value (builder, subtitle);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "uri");
      json_builder_add_string_value (builder, _gloss_window_recent_row_uri (row));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static gboolean
report_cb (gpointer user_data)
{
  GlossWindow *self = user_data;
  const char *path = g_getenv ("GLOSS_TEST_REPORT");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_autofree char *tmp = NULL;
  GlossOffset start, end;

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "pid");
  json_builder_add_int_value (builder, getpid ());
  _gloss_report_add_xid (builder, GTK_NATIVE (self));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, gtk_window_get_title (GTK_WINDOW (self)));
  json_builder_set_member_name (builder, "page");
  json_builder_add_string_value (builder, gtk_stack_get_visible_child_name (self->main_stack));
  json_builder_set_member_name (builder, "dirty");
  json_builder_add_boolean_value (builder, self->project != NULL && gloss_project_get_dirty (self->project));
  json_builder_set_member_name (builder, "recovered");
  json_builder_add_boolean_value (builder, self->recovered);
  json_builder_set_member_name (builder, "previewing");
  json_builder_add_boolean_value (builder, _gloss_window_is_previewing (self));
  json_builder_set_member_name (builder, "inspector_sensitive");
  json_builder_add_boolean_value (builder, gtk_widget_get_sensitive (self->inspector));
  /* Every window of the process, with the project file it shows. */
  json_builder_set_member_name (builder, "windows");
  json_builder_begin_array (builder);
  for (GList *l = gtk_application_get_windows (gtk_window_get_application (GTK_WINDOW (self))); l; l = l->next)
    {
      GlossWindow *window = l->data;
      g_autofree char *window_path = NULL;

      if (!GLOSS_IS_WINDOW (window))
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      window_path = window->file != NULL ? g_file_get_path (window->file) : NULL;
      if (window_path != NULL)
        json_builder_add_string_value (builder, window_path);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "page");
      json_builder_add_string_value (builder, gtk_stack_get_visible_child_name (window->main_stack));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "file");
  if (self->file != NULL)
    {
      g_autofree char *p = g_file_get_path (self->file);
      json_builder_add_string_value (builder, p);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "generation");
  json_builder_add_int_value (builder, self->project != NULL ? (gint64) gloss_project_get_generation (self->project) : 0);
  json_builder_set_member_name (builder, "autosaved_generation");
  json_builder_add_int_value (builder, (gint64) self->autosaved_generation);
  json_builder_set_member_name (builder, "palette");
  json_builder_add_boolean_value (builder, gloss_article_view_get_palette_visible (self->article_view));
  json_builder_set_member_name (builder, "chooser");
  json_builder_add_int_value (builder, gloss_article_view_get_chooser_size (self->article_view));
  json_builder_set_member_name (builder, "link_mode");
  json_builder_add_boolean_value (builder, self->link_from != NULL);
  json_builder_set_member_name (builder, "search_mode");
  json_builder_add_boolean_value (builder, gtk_search_bar_get_search_mode (self->search_bar));
  json_builder_set_member_name (builder, "search_label");
  json_builder_add_string_value (builder, gtk_label_get_text (self->search_count));
  json_builder_set_member_name (builder, "documents_folded");
  json_builder_add_boolean_value (builder, adw_flap_get_folded (self->documents_flap));
  json_builder_set_member_name (builder, "side_folded");
  json_builder_add_boolean_value (builder, adw_flap_get_folded (self->side_flap));
  json_builder_set_member_name (builder, "documents_revealed");
  json_builder_add_boolean_value (builder, adw_flap_get_reveal_flap (self->documents_flap));
  json_builder_set_member_name (builder, "side_revealed");
  json_builder_add_boolean_value (builder, adw_flap_get_reveal_flap (self->side_flap));
  json_builder_set_member_name (builder, "width");
  json_builder_add_int_value (builder, gtk_widget_get_width (GTK_WIDGET (self)));
  json_builder_set_member_name (builder, "height");
  json_builder_add_int_value (builder, gtk_widget_get_height (GTK_WIDGET (self)));

  json_builder_set_member_name (builder, "n_documents");
  json_builder_add_int_value (builder, self->project != NULL
                              ? g_list_model_get_n_items (gloss_project_get_documents (self->project)) : 0);
  json_builder_set_member_name (builder, "n_relations");
  json_builder_add_int_value (builder, self->project != NULL
                              ? g_list_model_get_n_items (gloss_project_get_relations (self->project)) : 0);

  json_builder_set_member_name (builder, "document");
  if (self->document != NULL)
    {
      guint n = gloss_document_get_n_annotations (self->document);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, gloss_document_get_id (self->document));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, gloss_document_get_title (self->document));
      json_builder_set_member_name (builder, "length");
      json_builder_add_int_value (builder, gloss_document_get_length (self->document));
      json_builder_set_member_name (builder, "n_annotations");
      json_builder_add_int_value (builder, n);
      json_builder_set_member_name (builder, "annotations");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n && i < 200; i++)
        add_annotation (builder, gloss_document_get_annotation (self->document, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "selected");
  if (self->selected != NULL)
    add_annotation (builder, self->selected);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "selection");
  if (gloss_article_view_get_selection (self->article_view, &start, &end))
    {
      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, start);
      json_builder_add_int_value (builder, end);
      json_builder_end_array (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "caret");
  json_builder_add_int_value (builder, gloss_article_view_get_caret (self->article_view));

  _gloss_window_report_chrome (self, builder);
  {
    double sx = 0, sy = 0;

    gtk_native_get_surface_transform (GTK_NATIVE (self), &sx, &sy);
    json_builder_set_member_name (builder, "named");
    json_builder_begin_object (builder);
    add_named_widgets (GTK_WIDGET (self), GTK_NATIVE (self), sx, sy, builder);
    json_builder_end_object (builder);
  }
  add_offsets (self, builder);
  add_rows (self, builder, "recovered_rows", self->recovered_list);
  add_rows (self, builder, "recent_rows", self->recent_list);
  add_recent (self, builder);
  add_rows (self, builder, "document_rows", self->documents_list);

  add_project_search (self, builder);
  _gloss_window_report_side (self, builder);
  add_compare (self, builder);
  json_builder_set_member_name (builder, "toast");
  if (self->last_toast != NULL)
    json_builder_add_string_value (builder, self->last_toast);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "undo_label");
  if (self->project != NULL && gloss_project_get_undo_label (self->project) != NULL)
    json_builder_add_string_value (builder, gloss_project_get_undo_label (self->project));
  else
    json_builder_add_null_value (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json = json_generator_to_data (generator, NULL);

  /* Whole or not at all: the test may read it at any moment. */
  tmp = g_strconcat (path, ".tmp", NULL);
  if (g_file_set_contents (tmp, json, -1, NULL))
    g_rename (tmp, path);

  return G_SOURCE_CONTINUE;
}

void
_gloss_window_attach_report (GlossWindow *self)
{
  if (g_getenv ("GLOSS_TEST_REPORT") == NULL)
    return;

  /* Refreshed on a short period rather than on each change: scrolling and
   * layout move the offsets without telling the window, and the window's
   * code need not know that it is watched. */
  self->report_id = g_timeout_add (150, report_cb, self);
}
