/* gloss-window-actions.c — the win.* actions and when they are enabled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-agreement-dialog.h"
#include "gloss-announce.h"
#include "gloss-window-private.h"

#include "gloss-tags-dialog.h"
#include "gloss-inspector.h"

static void
undo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  _gloss_window_step_history (GLOSS_WINDOW (widget), FALSE);
}

static void
redo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  _gloss_window_step_history (GLOSS_WINDOW (widget), TRUE);
}

static void
save_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  _gloss_window_save (GLOSS_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  _gloss_window_save_as (GLOSS_WINDOW (widget));
}

static void
import_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (self->project == NULL)
    gloss_window_new_project (self);
  _gloss_window_choose_import (self);
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  _gloss_window_choose_export (self, self->export_format);
}

static void
export_as_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  GlossExportFormat format;

  if (gloss_export_format_from_string (g_variant_get_string (param, NULL), &format))
    _gloss_window_choose_export (GLOSS_WINDOW (widget), format);
}

/* The toast of an export offers the folder it wrote to. GTK hands the
 * folder to the file manager, through the OpenURI portal in a sandbox. */
static void
open_folder_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (param, NULL), GDK_CURRENT_TIME);
}

static void
paste_document_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (self->project == NULL)
    gloss_window_new_project (self);
  _gloss_window_paste_document (self);
}

static void
find_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (self->document == NULL)
    return;
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
find_step (GlossWindow *self,
           gboolean     forward)
{
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint count = gloss_article_view_find (self->article_view, needle);
  guint index;
  g_autofree char *text = NULL;

  if (count == 0)
    return;
  index = gloss_article_view_find_next (self->article_view, forward);
  text = g_strdup_printf (_("%u of %u"), index, count);
  gtk_label_set_text (self->search_count, text);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  find_step (GLOSS_WINDOW (widget), TRUE);
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  find_step (GLOSS_WINDOW (widget), FALSE);
}

/* Whether the caret is still on the selected annotation: then Alt+Down
 * steps from it, else from where the reader moved the caret to. */
static gboolean
caret_on_selected (GlossWindow *self)
{
  GlossOffset caret = gloss_article_view_get_caret (self->article_view);

  return self->selected != NULL &&
         gloss_annotation_get_document (self->selected) == self->document &&
         caret >= gloss_annotation_get_start (self->selected) &&
         caret <= gloss_annotation_get_end (self->selected);
}

/* From the selected annotation under the caret, the neighbour in text
 * order (several may start at one offset); else the first annotation
 * from the caret on (or before it). */
static void
step_annotation (GlossWindow *self,
                 gboolean     forward)
{
  GlossAnnotation *next = NULL;

  if (self->document == NULL)
    return;

  if (caret_on_selected (self))
    {
      guint position = gloss_document_get_annotation_position (self->document, self->selected);
      guint n = gloss_document_get_n_annotations (self->document);

      if (position == G_MAXUINT)
        next = NULL;
      else if (forward && position + 1 < n)
        next = gloss_document_get_annotation (self->document, position + 1);
      else if (!forward && position > 0)
        next = gloss_document_get_annotation (self->document, position - 1);
    }
  else
    {
      GlossOffset caret = gloss_article_view_get_caret (self->article_view);

      if (forward)
        {
          g_autoptr(GPtrArray) here = gloss_document_annotations_at (self->document, caret);

          /* One starting right at the caret comes first. */
          for (guint i = 0; i < here->len && next == NULL; i++)
            if (gloss_annotation_get_start (g_ptr_array_index (here, i)) == caret)
              next = g_ptr_array_index (here, i);
          if (next == NULL)
            next = gloss_document_next_annotation (self->document, caret);
        }
      else
        next = gloss_document_previous_annotation (self->document, caret);
    }

  if (next == NULL)
    {
      /* Said, not only rung: the bell is often off. The current one is
       * brought back into view, wherever the analyst had scrolled. */
      gtk_widget_error_bell (GTK_WIDGET (self));
      if (gloss_document_get_n_annotations (self->document) == 0)
        _gloss_window_toast (self, _("This document has no annotations yet"));
      else if (self->selected != NULL)
        {
          _gloss_window_toast (self, forward ? _("This is the last annotation")
                                             : _("This is the first annotation"));
          _gloss_window_select (self, self->selected, TRUE);
        }
      else
        _gloss_window_toast (self, forward ? _("No annotations after the cursor")
                                           : _("No annotations before the cursor"));
      return;
    }
  _gloss_window_select (self, next, TRUE);
}

static void
next_annotation_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  step_annotation (GLOSS_WINDOW (widget), TRUE);
}

static void
previous_annotation_action (GtkWidget  *widget,
                            const char *name,
                            GVariant   *param)
{
  step_annotation (GLOSS_WINDOW (widget), FALSE);
}

static void
undo_toast_clicked_cb (AdwToast    *toast,
                       GlossWindow *self)
{
  if (self->project != NULL)
    gloss_project_undo (self->project);
}

static void
delete_annotation_action (GtkWidget  *widget,
                          const char *name,
                          GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GlossAnnotation) annotation = NULL;
  AdwToast *toast;

  if (self->project == NULL || self->selected == NULL)
    return;

  annotation = g_object_ref (self->selected);
  _gloss_window_select (self, NULL, FALSE);
  gloss_project_remove_annotation (self->project, annotation);

  toast = adw_toast_new (_("Annotation deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_toast_clicked_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  gloss_announce (widget, _("Annotation deleted. Ctrl+Z undoes it."));
}

static void
link_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (self->selected != NULL)
    _gloss_window_begin_link (self, self->selected);
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (self->selected == NULL)
    return;
  adw_flap_set_reveal_flap (self->side_flap, TRUE);
  gloss_inspector_focus_note (GLOSS_INSPECTOR (self->inspector));
}

static void
tags_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (self->project != NULL)
    gtk_window_present (GTK_WINDOW (gloss_tags_dialog_new (GTK_WINDOW (self), self->project)));
}

static void
show_documents_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  gboolean reveal = !adw_flap_get_reveal_flap (self->documents_flap);

  /* Folded, one pane at a time. */
  if (reveal && adw_flap_get_folded (self->side_flap))
    adw_flap_set_reveal_flap (self->side_flap, FALSE);
  adw_flap_set_reveal_flap (self->documents_flap, reveal);
}

static void
show_annotations_action (GtkWidget  *widget,
                         const char *name,
                         GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  gboolean reveal = !adw_flap_get_reveal_flap (self->side_flap);

  if (reveal && adw_flap_get_folded (self->documents_flap))
    adw_flap_set_reveal_flap (self->documents_flap, FALSE);
  adw_flap_set_reveal_flap (self->side_flap, reveal);
}

static void
search_project_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  _gloss_window_open_search (GLOSS_WINDOW (widget));
}

static void
close_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

void
_gloss_window_update_actions (GlossWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  /* A preview (gloss-window-preview.c) can be read, not changed. */
  gboolean previewing = _gloss_window_is_previewing (self);
  gboolean has_project = self->project != NULL;
  gboolean whole_project = has_project && !previewing;
  gboolean has_document = self->document != NULL;
  gboolean editable_selection = self->selected != NULL && !previewing;

  gtk_widget_action_set_enabled (widget, "win.undo", whole_project && gloss_project_can_undo (self->project));
  gtk_widget_action_set_enabled (widget, "win.redo", whole_project && gloss_project_can_redo (self->project));
  gtk_widget_action_set_enabled (widget, "win.save", whole_project);
  gtk_widget_action_set_enabled (widget, "win.save-as", whole_project);
  gtk_widget_action_set_enabled (widget, "win.import", !previewing);
  gtk_widget_action_set_enabled (widget, "win.paste-document", !previewing);
  gtk_widget_action_set_enabled (widget, "win.export", whole_project);
  gtk_widget_action_set_enabled (widget, "win.export-as", whole_project);
  gtk_widget_action_set_enabled (widget, "win.find", has_document);
  _gloss_window_update_document_actions (self);
  gtk_widget_action_set_enabled (widget, "win.find-next", has_document);
  gtk_widget_action_set_enabled (widget, "win.search-project", whole_project);
  gtk_widget_action_set_enabled (widget, "win.find-previous", has_document);
  gtk_widget_action_set_enabled (widget, "win.next-annotation", has_document);
  gtk_widget_action_set_enabled (widget, "win.previous-annotation", has_document);
  gtk_widget_action_set_enabled (widget, "win.delete-annotation", editable_selection);
  gtk_widget_action_set_enabled (widget, "win.link", editable_selection);
  gtk_widget_action_set_enabled (widget, "win.edit-note", editable_selection);
  gtk_widget_action_set_enabled (widget, "win.tags", whole_project);
  gtk_widget_action_set_enabled (widget, "win.agreement", whole_project);
  gtk_widget_action_set_enabled (widget, "win.compare", whole_project);
  gtk_widget_set_sensitive (self->inspector, !previewing);
  gtk_widget_action_set_enabled (widget, "win.show-documents", has_project);
  gtk_widget_action_set_enabled (widget, "win.show-annotations", has_project);
}

/* The agreement of the project's authors (gloss --agreement --by-author). */
static void
agreement_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  GlossAgreement *agreement;

  if (self->project == NULL)
    return;

  agreement = gloss_agreement_by_author (self->project, &error);
  if (agreement == NULL)
    {
      _gloss_window_toast (self, error->message);
      return;
    }
  gloss_agreement_dialog_present (GTK_WINDOW (self), agreement, GLOSS_AGREEMENT_OF_AUTHORS);
}

void
_gloss_window_class_init_actions (GlossWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-as", "s", export_as_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", "s", open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.paste-document", NULL, paste_document_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.search-project", NULL, search_project_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_previous_action);
  gtk_widget_class_install_action (widget_class, "win.next-annotation", NULL, next_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.previous-annotation", NULL, previous_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.delete-annotation", NULL, delete_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "win.tags", NULL, tags_action);
  gtk_widget_class_install_action (widget_class, "win.agreement", NULL, agreement_action);
  _gloss_window_class_init_compare (klass);
  gtk_widget_class_install_action (widget_class, "win.edit-note", NULL, edit_note_action);
  gtk_widget_class_install_action (widget_class, "win.show-documents", NULL, show_documents_action);
  gtk_widget_class_install_action (widget_class, "win.show-annotations", NULL, show_annotations_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
}
