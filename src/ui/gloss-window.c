/* gloss-window.c — a project's window: documents, article, annotations
 *
 * This file holds the window's skeleton: which project and document it
 * shows, and which annotation is selected. Actions live in
 * gloss-window-actions.c, files (open, save, export) in
 * gloss-window-files.c, import in gloss-window-import.c, autosave in
 * gloss-window-recovery.c, the header in gloss-window-header.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-settings.h"
#include "gloss-window-private.h"

#include "gloss-annotation-list.h"
#include "gloss-announce.h"
#include "gloss-disk-state.h"
#include "gloss-inspector.h"
#include "gloss-relation-names.h"
#include "gloss-text.h"

G_DEFINE_FINAL_TYPE (GlossWindow, gloss_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_FILE,
  PROP_DOCUMENT,
  PROP_SELECTED,
  PROP_LINK_FROM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The window's state is its properties: the header, the title and the
 * actions follow their notifications (see connect_refreshes ()), so code
 * that changes the state only sets it. */
void
_gloss_window_set_file (GlossWindow *self,
                        GFile       *file)
{
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

void
_gloss_window_set_link_from (GlossWindow     *self,
                             GlossAnnotation *from)
{
  if (g_set_object (&self->link_from, from))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINK_FROM]);
}

AdwToast *
_gloss_window_toast (GlossWindow *self,
                     const char  *text)
{
  /* libadwaita 1.2 reads a toast's title as markup: a relation type or
   * file name such as "R&D" must reach it escaped. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  g_set_weak_pointer (&self->shown_toast, toast);
  g_free (self->last_toast);
  self->last_toast = g_strdup (text);
  gloss_announce (GTK_WIDGET (self), text);
  return toast;
}

void
_gloss_window_error (GlossWindow  *self,
                     const char   *heading,
                     const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);

  /* The message quotes file names and contents: plain text. */
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_widget_add_css_class (dialog, "gloss-error-dialog");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
list_selected_cb (GObject     *list,
                  GParamSpec  *pspec,
                  GlossWindow *self)
{
  GlossAnnotation *annotation = gloss_annotation_list_get_selected (GLOSS_ANNOTATION_LIST (list));

  if (annotation != self->selected)
    _gloss_window_select (self, annotation, TRUE);
}

static void
inspector_follow_cb (GObject         *inspector,
                     GlossAnnotation *target,
                     GlossWindow     *self)
{
  _gloss_window_select (self, target, TRUE);
}

static void
inspector_link_requested_cb (GObject         *inspector,
                             GlossAnnotation *from,
                             GlossWindow     *self)
{
  _gloss_window_begin_link (self, from);
}

/* Escape in the side pane (the note, a filter) goes back to the text. */
static gboolean
side_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GlossWindow           *self)
{
  if (keyval != GDK_KEY_Escape)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
  if (adw_flap_get_folded (self->side_flap))
    adw_flap_set_reveal_flap (self->side_flap, FALSE);
  return GDK_EVENT_STOP;
}

/* At phone width a revealed pane covers the article: Escape closes it
 * first, wherever the focus is. */
static gboolean
window_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GlossWindow           *self)
{
  gboolean closed = FALSE;

  if (keyval != GDK_KEY_Escape)
    return GDK_EVENT_PROPAGATE;

  if (adw_flap_get_folded (self->side_flap) && adw_flap_get_reveal_flap (self->side_flap))
    {
      adw_flap_set_reveal_flap (self->side_flap, FALSE);
      closed = TRUE;
    }
  if (adw_flap_get_folded (self->documents_flap) && adw_flap_get_reveal_flap (self->documents_flap))
    {
      adw_flap_set_reveal_flap (self->documents_flap, FALSE);
      closed = TRUE;
    }
  if (closed)
    gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
  return closed ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

/* ---- selection ---- */

void
_gloss_window_select (GlossWindow     *self,
                      GlossAnnotation *annotation,
                      gboolean         scroll)
{
  if (annotation != NULL)
    {
      GlossDocument *document = gloss_annotation_get_document (annotation);

      if (document == NULL)
        annotation = NULL;
      else if (document != self->document)
        _gloss_window_show_document (self, document);
    }

  if (g_set_object (&self->selected, annotation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  gloss_article_view_set_selected (self->article_view, annotation);

  g_signal_handlers_block_by_func (self->annotation_list, list_selected_cb, self);
  gloss_annotation_list_set_selected (GLOSS_ANNOTATION_LIST (self->annotation_list), annotation);
  g_signal_handlers_unblock_by_func (self->annotation_list, list_selected_cb, self);
  gloss_inspector_set_annotation (GLOSS_INSPECTOR (self->inspector), annotation);

  if (annotation != NULL && scroll)
    {
      gloss_article_view_set_caret (self->article_view, gloss_annotation_get_start (annotation));
      gloss_article_view_scroll_to (self->article_view,
                                    gloss_annotation_get_start (annotation),
                                    gloss_annotation_get_end (annotation));
    }
}

static void
annotate_cb (GlossArticleView *view,
             guint             start,
             guint             end,
             const char       *tag_id,
             GlossWindow      *self)
{
  GlossAnnotation *annotation;

  if (self->project == NULL || self->document == NULL || start >= end)
    return;
  /* Only the first document is read yet (gloss-window-preview.c). */
  if (_gloss_window_is_previewing (self))
    {
      _gloss_window_toast (self, _("The project is still opening: try again in a moment"));
      return;
    }

  annotation = gloss_project_annotate (self->project, self->document, start, end, tag_id);
  _gloss_window_select (self, annotation, FALSE);
}

static void
annotation_activated_cb (GlossArticleView *view,
                         GlossAnnotation  *annotation,
                         GlossWindow      *self)
{
  if (self->link_from != NULL)
    _gloss_window_finish_link (self, annotation);
  else
    _gloss_window_select (self, annotation, FALSE);
}

static void
deselect_cb (GlossArticleView *view,
             GlossWindow      *self)
{
  if (self->link_from != NULL)
    _gloss_window_begin_link (self, NULL);
  _gloss_window_select (self, NULL, FALSE);
}

/* ---- documents ---- */

void
_gloss_window_show_document (GlossWindow   *self,
                             GlossDocument *document)
{
  g_set_object (&self->document, document);
  if (self->selected != NULL)
    {
      g_clear_object (&self->selected);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
  g_binding_group_set_source (self->document_bindings, document);
  g_signal_group_set_target (self->document_signals, document);

  gloss_article_view_set_document (self->article_view, self->project, document);
  gloss_annotation_list_set_document (GLOSS_ANNOTATION_LIST (self->annotation_list), document);
  gloss_inspector_set_annotation (GLOSS_INSPECTOR (self->inspector), NULL);

  if (document != NULL)
    {
      gtk_stack_set_visible_child_name (self->article_stack, "article");
    }
  else
    gtk_stack_set_visible_child_name (self->article_stack, "empty");

  /* Notified even when the pointer is the same: a fresh view of it. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
project_changed_cb (GlossProject *project,
                    GlossWindow  *self)
{
  if (self->selected != NULL && gloss_annotation_get_document (self->selected) == NULL)
    _gloss_window_select (self, NULL, FALSE);
  _gloss_window_update_title (self);
  _gloss_window_update_actions (self);
  _gloss_window_schedule_autosave (self);
}

static void
disk_bytes_remembered_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Not remembered (changed already, or unreadable): a later change can
   * still be reloaded, overwritten or saved elsewhere, not merged. */
  if (!gloss_project_remember_disk_bytes_finish (GLOSS_PROJECT (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("No merge base: %s", error->message);
}

void
_gloss_window_set_project (GlossWindow  *self,
                           GlossProject *project,
                           GFile        *file)
{
  GListModel *documents;

  _gloss_window_detach_positions (self);
  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_signal_handlers_disconnect_by_data (gloss_project_get_documents (self->project), self);
    }
  g_object_freeze_notify (G_OBJECT (self));
  _gloss_window_set_link_from (self, NULL);
  g_set_object (&self->project, project);
  if (project != NULL)
    {
      _gloss_window_sign_project (self, project);
      /* The base of a merge, should the file change while it is open. */
      gloss_project_remember_disk_bytes_async (project, self->cancellable,
                                               disk_bytes_remembered_cb, NULL);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  _gloss_window_set_file (self, file);
  g_clear_object (&self->recovery);
  self->autosaved_generation = 0;
  self->recovered = FALSE;
  self->recovery_owned = FALSE;
  self->recovery_moved_told = FALSE;
  _gloss_window_track_file (self);

  _gloss_window_search_set_project (self);
  _gloss_window_compare_set_project (self);

  if (project == NULL)
    {
      gtk_list_box_bind_model (self->documents_list, NULL, NULL, NULL, NULL);
      _gloss_window_show_document (self, NULL);
      _gloss_window_show_page (self, "start");
      _gloss_window_refresh_recent (self);
      _gloss_window_refresh_recovered (self);
      g_object_thaw_notify (G_OBJECT (self));
      return;
    }

  documents = gloss_project_get_documents (project);
  _gloss_window_bind_documents (self, documents);
  g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb), self, 0);

  gloss_annotation_list_set_project (GLOSS_ANNOTATION_LIST (self->annotation_list), project);
  gloss_inspector_set_project (GLOSS_INSPECTOR (self->inspector), project);

  {
    g_autoptr(GlossDocument) first = g_list_model_get_n_items (documents) > 0
                                     ? g_list_model_get_item (documents, 0) : NULL;

    /* Force a fresh view even for the same document pointer. */
    g_clear_object (&self->document);
    _gloss_window_show_document (self, first);
  }
  _gloss_window_restore_position (self);

  _gloss_window_show_page (self, "project");
  if (file != NULL)
    gloss_settings_add_recent (file);
  g_object_thaw_notify (G_OBJECT (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

/* ---- public ---- */

gboolean
gloss_window_is_empty (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);

  return self->project == NULL && self->loading_file == NULL;
}

void
_gloss_window_show_page (GlossWindow *self,
                         const char  *name)
{
  /* A project replaces its loading page at once: fading would only delay
   * the first frame of the article. */
  gboolean from_loading = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "loading") == 0;

  gtk_stack_set_visible_child_full (self->main_stack, name,
                                    from_loading ? GTK_STACK_TRANSITION_TYPE_NONE
                                                 : gtk_stack_get_transition_type (self->main_stack));
}

GlossProject *
gloss_window_get_project (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->project;
}

void
gloss_window_new_project (GlossWindow *self)
{
  g_autoptr(GlossProject) project = gloss_project_new ();

  g_return_if_fail (GLOSS_IS_WINDOW (self));

  _gloss_window_set_project (self, project, NULL);
}

/* ---- search ---- */

static void
search_changed_cb (GtkSearchEntry *entry,
                   GlossWindow    *self)
{
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (entry));
  guint count = gloss_article_view_find (self->article_view, needle);
  g_autofree char *text = NULL;

  if (needle[0] == '\0')
    text = g_strdup ("");
  else if (count == 0)
    text = g_strdup (_("No matches"));
  else
    {
      guint index = gloss_article_view_find_next (self->article_view, TRUE);

      /* Translators: “3 of 12” matches */
      text = g_strdup_printf (_("%u of %u"), index, count);
    }
  gtk_label_set_text (self->search_count, text);
}

static void
search_activate_cb (GtkSearchEntry *entry,
                    GlossWindow    *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.find-next", NULL);
}

static void
search_mode_cb (GtkSearchBar *bar,
                GParamSpec   *pspec,
                GlossWindow  *self)
{
  gboolean on = gtk_search_bar_get_search_mode (bar);

  gtk_toggle_button_set_active (self->search_toggle, on);
  if (!on)
    {
      gloss_article_view_find (self->article_view, NULL);
      gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
    }
}

/* ---- GtkWindow ---- */

static gboolean
gloss_window_close_request (GtkWindow *window)
{
  GlossWindow *self = GLOSS_WINDOW (window);
  GSettings *settings = gloss_settings_get ();

  if (!_gloss_window_confirm_close (self))
    return TRUE;

  if (settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      if (!adw_flap_get_folded (self->documents_flap))
        g_settings_set_boolean (settings, "show-documents-sidebar",
                                adw_flap_get_reveal_flap (self->documents_flap));
      if (!adw_flap_get_folded (self->side_flap))
        g_settings_set_boolean (settings, "show-annotations-panel",
                                adw_flap_get_reveal_flap (self->side_flap));
    }

  return GTK_WINDOW_CLASS (gloss_window_parent_class)->close_request (window);
}

static void
gloss_window_dispose (GObject *object)
{
  GlossWindow *self = GLOSS_WINDOW (object);

  _gloss_window_detach_positions (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->shown_toast);
  g_cancellable_cancel (self->recent_cancellable);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_handle_id (&self->report_id, g_source_remove);
  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_signal_handlers_disconnect_by_data (gloss_project_get_documents (self->project), self);
    }
  if (self->details != NULL)
    gtk_window_destroy (GTK_WINDOW (self->details));

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_WINDOW);

  g_clear_object (&self->document_bindings);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->loading_file);
  g_clear_object (&self->selected);
  g_clear_object (&self->link_from);
  g_clear_object (&self->document);
  g_clear_object (&self->project);
  g_clear_object (&self->file);
  g_clear_object (&self->save_next);
  g_clear_object (&self->recovery);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->lock, gloss_file_lock_release);
  g_clear_pointer (&self->lock_holder, g_free);
  g_clear_object (&self->recent_cancellable);
  g_clear_pointer (&self->last_toast, g_free);

  G_OBJECT_CLASS (gloss_window_parent_class)->dispose (object);
}

static void
gloss_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlossWindow *self = GLOSS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    case PROP_LINK_FROM:
      g_value_set_object (value, self->link_from);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_window_class_init (GlossWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gloss_window_dispose;
  object_class->get_property = gloss_window_get_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, GLOSS_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, GLOSS_TYPE_ANNOTATION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINK_FROM] =
    g_param_spec_object ("link-from", NULL, NULL, GLOSS_TYPE_ANNOTATION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  window_class->close_request = gloss_window_close_request;

  g_type_ensure (GLOSS_TYPE_ARTICLE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/gloss-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, recovered_group);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, recovered_list);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, documents_flap);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, side_flap);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, side_pane);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, documents_list);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, article_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, article_title);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, article_scroller);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, search_count);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, documents_toggle);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, annotations_toggle);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, search_toggle);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, history_buttons);

  _gloss_window_class_init_actions (klass);
  _gloss_window_class_init_documents (klass);
}

static void
title_inputs_changed_cb (GlossWindow *self)
{
  _gloss_window_update_title (self);
}

static void
actions_inputs_changed_cb (GlossWindow *self)
{
  _gloss_window_update_actions (self);
}

static void
project_replaced_cb (GlossWindow *self)
{
  _gloss_window_update_header (self);
}

static void
document_replaced_cb (GlossWindow *self)
{
  _gloss_window_select_document_row (self);
}

/* What the header, the title and the actions show follows the window's
 * properties, and the shown document's title. */
static void
connect_refreshes (GlossWindow *self)
{
  static const char * const title_inputs[] = {
    "notify::project", "notify::file", "notify::document", "notify::link-from",
  };
  static const char * const actions_inputs[] = {
    "notify::project", "notify::document", "notify::selected",
  };

  for (guint i = 0; i < G_N_ELEMENTS (title_inputs); i++)
    g_signal_connect (self, title_inputs[i], G_CALLBACK (title_inputs_changed_cb), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (actions_inputs); i++)
    g_signal_connect (self, actions_inputs[i], G_CALLBACK (actions_inputs_changed_cb), NULL);
  g_signal_connect (self, "notify::project", G_CALLBACK (project_replaced_cb), NULL);
  g_signal_connect (self, "notify::document", G_CALLBACK (document_replaced_cb), NULL);

  self->document_signals = g_signal_group_new (GLOSS_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "notify::title",
                                  G_CALLBACK (title_inputs_changed_cb), self);
}

static void
gloss_window_init (GlossWindow *self)
{
  GSettings *settings = gloss_settings_get ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  _gloss_window_bind_header (self);
  connect_refreshes (self);
  _gloss_window_init_author (self);
  _gloss_window_attach_bench (self);
  _gloss_window_attach_report (self);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  if (settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      adw_flap_set_reveal_flap (self->documents_flap,
                                g_settings_get_boolean (settings, "show-documents-sidebar"));
      adw_flap_set_reveal_flap (self->side_flap,
                                g_settings_get_boolean (settings, "show-annotations-panel"));
    }

  if (settings != NULL)
    {
      g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
      g_autoptr(GAction) snap = g_settings_create_action (settings, "snap-to-words");

      g_action_map_add_action (G_ACTION_MAP (group), snap);
      gtk_widget_insert_action_group (GTK_WIDGET (self), "settings", G_ACTION_GROUP (group));
    }

  g_object_bind_property (self->documents_flap, "reveal-flap",
                          self->documents_toggle, "active",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->side_flap, "reveal-flap",
                          self->annotations_toggle, "active",
                          G_BINDING_SYNC_CREATE);

  _gloss_window_build_side_pane (self);
  _gloss_window_setup_accessible (self);
  {
    GtkEventController *controller = gtk_event_controller_key_new ();

    g_signal_connect (controller, "key-pressed", G_CALLBACK (side_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->side_pane), controller);

    controller = gtk_event_controller_key_new ();
    gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
    g_signal_connect (controller, "key-pressed", G_CALLBACK (window_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), controller);
  }

  g_signal_connect (self->annotation_list, "notify::selected", G_CALLBACK (list_selected_cb), self);
  g_signal_connect (self->inspector, "follow", G_CALLBACK (inspector_follow_cb), self);
  g_signal_connect (self->inspector, "link-requested", G_CALLBACK (inspector_link_requested_cb), self);

  g_signal_connect (self->article_view, "annotate", G_CALLBACK (annotate_cb), self);
  g_signal_connect (self->article_view, "annotation-activated", G_CALLBACK (annotation_activated_cb), self);
  g_signal_connect (self->article_view, "deselect", G_CALLBACK (deselect_cb), self);
  _gloss_window_init_sidebar (self);
  _gloss_window_init_recent_list (self);
  _gloss_window_init_recovered_list (self);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (search_mode_cb), self);

  _gloss_window_setup_drop (self);
  _gloss_window_attach_positions (self);
  _gloss_window_refresh_recent (self);
  _gloss_window_refresh_recovered (self);
  _gloss_window_update_title (self);
  _gloss_window_update_actions (self);
  _gloss_window_update_header (self);
}

GlossWindow *
gloss_window_new (GtkApplication *application)
{
  return g_object_new (GLOSS_TYPE_WINDOW, "application", application, NULL);
}
