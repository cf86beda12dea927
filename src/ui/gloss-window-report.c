/* gloss-window-report.c — what the window shows, as JSON, for the GUI tests
 *
 * With GLOSS_TEST_REPORT=PATH the window keeps PATH up to date with its
 * state and with where each visible code point is drawn, in the
 * coordinates of its X window, so that the tests drive a real mouse at
 * real characters instead of guessing pixels. Without the variable this
 * costs nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <unistd.h>

#include "gloss-compare-view.h"
#include "gloss-document-details.h"
#include "gloss-document-row.h"
#include "gloss-project-search.h"
#include "gloss-window-private.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#define MAX_REPORTED_OFFSETS 4000

static GtkShortcutLabel *
find_shortcut_label (GtkWidget *widget)
{
  if (GTK_IS_SHORTCUT_LABEL (widget))
    return GTK_SHORTCUT_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkShortcutLabel *label = find_shortcut_label (child);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/* Every entry of a shortcuts window with the keys it shows: an entry given
 * by action name shows keys only when the window knows the application. */
static void
add_shortcuts (GtkWidget   *widget,
               JsonBuilder *builder)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *title = NULL;
      GtkShortcutLabel *label = find_shortcut_label (widget);
      const char *keys = label != NULL ? gtk_shortcut_label_get_accelerator (label) : NULL;

      g_object_get (widget, "title", &title, NULL);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, title);
      json_builder_set_member_name (builder, "keys");
      json_builder_add_string_value (builder, keys != NULL ? keys : "");
      json_builder_end_object (builder);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    add_shortcuts (child, builder);
}

static void
add_toast (GlossWindow *self,
           JsonBuilder *builder)
{
  GVariant *target;

  json_builder_set_member_name (builder, "toast_button");
  if (self->shown_toast == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  target = adw_toast_get_action_target_value (self->shown_toast);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, adw_toast_get_title (self->shown_toast));
  json_builder_set_member_name (builder, "button");
  json_builder_add_string_value (builder, adw_toast_get_button_label (self->shown_toast));
  json_builder_set_member_name (builder, "action");
  json_builder_add_string_value (builder, adw_toast_get_action_name (self->shown_toast));
  json_builder_set_member_name (builder, "target");
  json_builder_add_string_value (builder, target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING)
                                          ? g_variant_get_string (target, NULL) : NULL);
  json_builder_end_object (builder);
}

/* The text labels inside @widget show (markup and mnemonics applied),
 * for labels inside a widget of CSS name @within (NULL: any). */
static void
add_shown_texts (GtkWidget   *widget,
                 const char  *within,
                 gboolean     inside,
                 JsonBuilder *builder)
{
  inside |= within == NULL || g_str_equal (gtk_widget_get_css_name (widget), within);
  if (inside && GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    json_builder_add_string_value (builder, gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    add_shown_texts (child, within, inside, builder);
}

/* The primary menu's items as its popover shows them: label, whether
 * shown and whether it can be chosen. */
static void
add_primary_menu_items (GtkWidget   *widget,
                JsonBuilder *builder)
{
  if (g_str_equal (gtk_widget_get_css_name (widget), "modelbutton"))
    {
      g_autoptr(JsonBuilder) texts = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;
      JsonArray *labels;

      json_builder_begin_array (texts);
      add_shown_texts (widget, NULL, TRUE, texts);
      json_builder_end_array (texts);
      node = json_builder_get_root (texts);
      labels = json_node_get_array (node);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, json_array_get_length (labels) > 0
                                              ? json_array_get_string_element (labels, 0) : "");
      json_builder_set_member_name (builder, "visible");
      json_builder_add_boolean_value (builder, gtk_widget_get_visible (widget));
      json_builder_set_member_name (builder, "sensitive");
      json_builder_add_boolean_value (builder, gtk_widget_is_sensitive (widget));
      json_builder_end_object (builder);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    add_primary_menu_items (child, builder);
}

/* Widgets that run win.import and are on screen now: Import should be
 * offered once, not in three places. */
static guint
count_shown_imports (GtkWidget *widget)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.import") == 0)
    return 1;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_shown_imports (child);
  return n;
}

static void
add_header_and_menu (GlossWindow *self,
                     JsonBuilder *builder)
{
  GtkPopover *popover = gtk_menu_button_get_popover (self->menu_button);

  json_builder_set_member_name (builder, "shown_imports");
  json_builder_add_int_value (builder, count_shown_imports (GTK_WIDGET (self)));
  json_builder_set_member_name (builder, "import_icon");
  json_builder_add_string_value (builder, gtk_button_get_icon_name (GTK_BUTTON (self->import_button)));
  json_builder_set_member_name (builder, "menu_open");
  json_builder_add_boolean_value (builder, popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover)));
  json_builder_set_member_name (builder, "menu_items");
  json_builder_begin_array (builder);
  if (popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover)))
    add_primary_menu_items (GTK_WIDGET (popover), builder);
  json_builder_end_array (builder);
}

static void
add_dialogs (GlossWindow *self,
             JsonBuilder *builder)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* borrowed */
  guint n = g_list_model_get_n_items (toplevels);

  json_builder_set_member_name (builder, "dialogs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window == GTK_WINDOW (self) || !gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, G_OBJECT_TYPE_NAME (window));
      json_builder_set_member_name (builder, "classes");
      json_builder_begin_array (builder);
      {
        g_auto(GStrv) classes = gtk_widget_get_css_classes (GTK_WIDGET (window));

        for (guint j = 0; classes[j] != NULL; j++)
          json_builder_add_string_value (builder, classes[j]);
      }
      json_builder_end_array (builder);
      if (ADW_IS_MESSAGE_DIALOG (window))
        {
          json_builder_set_member_name (builder, "heading");
          json_builder_add_string_value (builder, adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)));
          json_builder_set_member_name (builder, "body");
          json_builder_add_string_value (builder, adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window)));
          json_builder_set_member_name (builder, "buttons");
          json_builder_begin_array (builder);
          add_shown_texts (GTK_WIDGET (window), "button", FALSE, builder);
          json_builder_end_array (builder);
        }
      if (GTK_IS_FILE_CHOOSER (window))
        {
          g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (window));
          g_autofree char *current_name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (window));

          json_builder_set_member_name (builder, "current_name");
          json_builder_add_string_value (builder, current_name);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, gtk_window_get_title (window));
          json_builder_set_member_name (builder, "filters");
          json_builder_begin_array (builder);
          for (guint j = 0; j < g_list_model_get_n_items (filters); j++)
            {
              g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, j);

              json_builder_add_string_value (builder, gtk_file_filter_get_name (filter));
            }
          json_builder_end_array (builder);
        }
      if (ADW_IS_ABOUT_WINDOW (window))
        {
          AdwAboutWindow *about = ADW_ABOUT_WINDOW (window);

          json_builder_set_member_name (builder, "website");
          json_builder_add_string_value (builder, adw_about_window_get_website (about));
          json_builder_set_member_name (builder, "issue_url");
          json_builder_add_string_value (builder, adw_about_window_get_issue_url (about));
          json_builder_set_member_name (builder, "developer_name");
          json_builder_add_string_value (builder, adw_about_window_get_developer_name (about));
        }
      if (GTK_IS_SHORTCUTS_WINDOW (window))
        {
          json_builder_set_member_name (builder, "shortcuts");
          json_builder_begin_array (builder);
          add_shortcuts (GTK_WIDGET (window), builder);
          json_builder_end_array (builder);
        }
      json_builder_set_member_name (builder, "width");
      json_builder_add_int_value (builder, gtk_widget_get_width (GTK_WIDGET (window)));
      json_builder_set_member_name (builder, "height");
      json_builder_add_int_value (builder, gtk_widget_get_height (GTK_WIDGET (window)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* A rectangle as [x, y, width, height], in whole pixels. */
static void
add_rect (JsonBuilder *builder,
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
      add_rect (builder, p.x + sx, p.y + sy, rect.size.width, rect.size.height);
    }
  json_builder_end_object (builder);
}

/* The details window, when open: its X window and where its rows are,
 * in that window's coordinates, and what they hold. */
static void
add_details (GlossWindow *self,
             JsonBuilder *builder)
{
  static const char * const fields[] = {
    "title", "url", "site", "authors", "published", "modified", "file-sha256",
  };
  GlossDocumentDetails *details = self->details != NULL ? GLOSS_DOCUMENT_DETAILS (self->details) : NULL;
  double sx = 0, sy = 0;

  json_builder_set_member_name (builder, "details");
  if (details == NULL || !gtk_widget_get_mapped (self->details))
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "document");
  json_builder_add_string_value (builder, gloss_document_get_id (gloss_document_details_get_document (details)));
#ifdef GDK_WINDOWING_X11
  {
    GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (details));

    if (GDK_IS_X11_SURFACE (surface))
      {
        json_builder_set_member_name (builder, "xid");
        json_builder_add_int_value (builder, (gint64) gdk_x11_surface_get_xid (surface));
      }
  }
#endif
  gtk_native_get_surface_transform (GTK_NATIVE (details), &sx, &sy);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = gloss_document_details_get_row (details, fields[i]);
      graphene_rect_t bounds;

      if (!gtk_widget_get_mapped (row) ||
          !gtk_widget_compute_bounds (row, GTK_WIDGET (details), &bounds))
        continue;
      json_builder_set_member_name (builder, fields[i]);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "rect");
      add_rect (builder, bounds.origin.x + sx, bounds.origin.y + sy, bounds.size.width, bounds.size.height);
      if (GTK_IS_EDITABLE (row))
        {
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, gtk_editable_get_text (GTK_EDITABLE (row)));
          json_builder_set_member_name (builder, "error");
          json_builder_add_boolean_value (builder, gtk_widget_has_css_class (row, "error"));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/* The menu items of an open context menu of a document row, in the
 * window's coordinates: [label, x, y, width, height]. */
static void
add_menu_items (GtkWidget   *widget,
                GtkWidget   *popover,
                double       dx,
                double       dy,
                JsonBuilder *builder)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;
      g_autofree char *text = NULL;

      if (!gtk_widget_get_mapped (child))
        continue;
      if (g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkModelButton") &&
          gtk_widget_compute_bounds (child, popover, &bounds))
        {
          g_object_get (child, "text", &text, NULL);
          json_builder_begin_array (builder);
          json_builder_add_string_value (builder, text != NULL ? text : "");
          json_builder_add_int_value (builder, (gint64) (bounds.origin.x + dx));
          json_builder_add_int_value (builder, (gint64) (bounds.origin.y + dy));
          json_builder_add_int_value (builder, (gint64) bounds.size.width);
          json_builder_add_int_value (builder, (gint64) bounds.size.height);
          json_builder_end_array (builder);
        }
      add_menu_items (child, popover, dx, dy, builder);
    }
}

static void
add_document_menu (GlossWindow *self,
                   JsonBuilder *builder)
{
  double wx = 0, wy = 0;

  json_builder_set_member_name (builder, "document_menu");
  json_builder_begin_array (builder);
  gtk_native_get_surface_transform (GTK_NATIVE (self), &wx, &wy);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->documents_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *popover = GLOSS_IS_DOCUMENT_ROW (row) ? gloss_document_row_get_menu (GLOSS_DOCUMENT_ROW (row)) : NULL;
      GdkSurface *surface;
      double px = 0, py = 0;

      if (popover == NULL || !gtk_widget_get_mapped (popover))
        continue;
      /* The popup's place is relative to the window's surface. */
      surface = gtk_native_get_surface (GTK_NATIVE (popover));
      gtk_native_get_surface_transform (GTK_NATIVE (popover), &px, &py);
      add_menu_items (popover, popover,
                      gdk_popup_get_position_x (GDK_POPUP (surface)) + px,
                      gdk_popup_get_position_y (GDK_POPUP (surface)) + py, builder);
    }
  json_builder_end_array (builder);
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
  add_rect (builder, bounds.origin.x + sx, bounds.origin.y + sy, bounds.size.width, bounds.size.height);
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
      g_autoptr(GObject) item = NULL;

      if (child == NULL || !gtk_widget_get_mapped (row) ||
          (item = g_object_get_data (G_OBJECT (child), "gloss-search-item")) == NULL)
        continue;
      g_object_ref (item);

      json_builder_begin_object (builder);
      if (GLOSS_IS_SEARCH_MATCH (item))
        {
          GlossSearchMatch *match = GLOSS_SEARCH_MATCH (item);

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
          add_rect (builder, bounds.origin.x + sx, bounds.origin.y + sy, bounds.size.width, bounds.size.height);
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
      add_rect (builder, bounds.origin.x + sx, bounds.origin.y + sy, bounds.size.width, bounds.size.height);
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
#ifdef GDK_WINDOWING_X11
  {
    GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));

    if (surface != NULL && GDK_IS_X11_SURFACE (surface))
      {
        json_builder_set_member_name (builder, "xid");
        json_builder_add_int_value (builder, (gint64) gdk_x11_surface_get_xid (surface));
      }
  }
#endif
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

  add_dialogs (self, builder);
  add_toast (self, builder);
  add_header_and_menu (self, builder);
  {
    double sx = 0, sy = 0;

    gtk_native_get_surface_transform (GTK_NATIVE (self), &sx, &sy);
    json_builder_set_member_name (builder, "named");
    json_builder_begin_object (builder);
    add_named_widgets (GTK_WIDGET (self), GTK_NATIVE (self), sx, sy, builder);
    json_builder_end_object (builder);
  }
  json_builder_set_member_name (builder, "toasts");
  json_builder_begin_array (builder);
  add_shown_texts (GTK_WIDGET (self->toast_overlay), "toast", FALSE, builder);
  json_builder_end_array (builder);
  add_details (self, builder);
  add_document_menu (self, builder);
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
