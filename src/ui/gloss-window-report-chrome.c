/* gloss-window-report-chrome.c — the test report's view of dialogs, menus and toasts
 *
 * Part of the test report (gloss-window-report.c, GLOSS_TEST_REPORT):
 * every other window the process shows (message dialogs with their
 * buttons, file choosers with their filters, the about and shortcuts
 * windows, the document details with where their rows are), the open
 * menus with their items, and the toasts, so that GUI tests read what the
 * user is offered instead of guessing it from a screenshot.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "gloss-document-details.h"
#include "gloss-document-row.h"
#include "gloss-window-report-private.h"

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
  _gloss_report_add_xid (builder, GTK_NATIVE (details));
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
      _gloss_report_add_rect (builder, bounds.origin.x + sx, bounds.origin.y + sy, bounds.size.width, bounds.size.height);
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

void
_gloss_window_report_chrome (GlossWindow *self,
                             JsonBuilder *builder)
{
  add_dialogs (self, builder);
  add_toast (self, builder);
  add_header_and_menu (self, builder);
  json_builder_set_member_name (builder, "toasts");
  json_builder_begin_array (builder);
  add_shown_texts (GTK_WIDGET (self->toast_overlay), "toast", FALSE, builder);
  json_builder_end_array (builder);
  add_details (self, builder);
  add_document_menu (self, builder);
}
