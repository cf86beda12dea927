/* gloss-window-documents.c — a document's details, renaming and removing it,
 * renaming the project, and an article imported twice
 *
 * The actions take a document id ("" for the one shown), so that the
 * sidebar's context menu, the header's button and the keyboard share
 * them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-document-details.h"
#include "gloss-window-private.h"

static GlossDocument *
document_for (GlossWindow *self,
              GVariant    *param)
{
  const char *id = param != NULL ? g_variant_get_string (param, NULL) : "";

  if (self->project == NULL)
    return NULL;
  if (id[0] == '\0')
    return self->document;
  return gloss_project_lookup_document (self->project, id);
}

static void
undo_toast (GlossWindow *self,
            const char  *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---- Removing ---- */

static void
remove_now (GlossWindow   *self,
            GlossDocument *document)
{
  g_autofree char *text = NULL;

  /* Translators: %s is a document's title */
  text = g_strdup_printf (_("“%s” removed"), gloss_document_get_title (document));
  gloss_project_remove_document (self->project, document);
  undo_toast (self, text);
}

static void
release_document (gpointer  document,
                  GClosure *closure)
{
  if (document != NULL)
    g_object_unref (document);
}

/* A question about @document; the window is the dialog's parent. */
static GlossWindow *
asking_window (AdwMessageDialog *dialog)
{
  return GLOSS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    GlossDocument    *document)
{
  GlossWindow *self = asking_window (dialog);

  if (g_str_equal (response, "remove") && self->project != NULL &&
      gloss_document_get_project (document) == self->project)
    remove_now (self, document);
}

void
_gloss_window_remove_document (GlossWindow   *self,
                               GlossDocument *document)
{
  guint n = gloss_document_get_n_annotations (document);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (gloss_document_get_project (document) == self->project);

  /* Nothing of the analyst's would go: no need to ask. */
  if (n == 0)
    {
      remove_now (self, document);
      return;
    }

  heading = g_strdup_printf (_("Remove “%s”?"), gloss_document_get_title (document));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Its annotation and every link to it are removed too. Undo brings them back.",
                                       "Its %u annotations and every link to them are removed too. Undo brings them back.",
                                       n),
                          n);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  /* Its response names the window: it must not outlive it. */
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_add_css_class (dialog, "gloss-remove-document-dialog");
  g_signal_connect_data (dialog, "response", G_CALLBACK (remove_response_cb),
                         g_object_ref (document), release_document, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Renaming a document or the project ---- */

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    GlossDocument    *document)
{
  GlossWindow *self = asking_window (dialog);
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (!g_str_equal (response, "rename") || self->project == NULL)
    return;

  if (document == NULL)
    gloss_project_set_title (self->project, title);
  else if (gloss_document_get_project (document) == self->project)
    gloss_project_set_document_title (self->project, document, title);
}

static void
rename_entry_activate_cb (GtkEntry         *entry,
                          AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "rename");
  gtk_window_close (GTK_WINDOW (dialog));
}

/* Asks for a new title of @document, or of the project when it is NULL
 * (the title exports carry: the JSON export's and the W3C collection's). */
static void
ask_title (GlossWindow   *self,
           GlossDocument *document)
{
  const char *heading = document != NULL ? _("Rename Document") : _("Rename Project");
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  GtkWidget *entry = gtk_entry_new ();

  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), document != NULL ? gloss_document_get_title (document)
                                                                 : gloss_project_get_title (self->project));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_add_css_class (dialog, document != NULL ? "gloss-rename-document-dialog"
                                                     : "gloss-rename-project-dialog");
  g_signal_connect (entry, "activate", G_CALLBACK (rename_entry_activate_cb), dialog);
  /* The document, or NULL: the project. */
  g_signal_connect_data (dialog, "response", G_CALLBACK (rename_response_cb),
                         document != NULL ? g_object_ref (document) : NULL,
                         release_document, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

void
_gloss_window_rename_document (GlossWindow   *self,
                               GlossDocument *document)
{
  ask_title (self, document);
}

/* ---- Details ---- */

static void
details_remove_cb (GlossDocumentDetails *details,
                   GlossWindow          *self)
{
  GlossDocument *document = gloss_document_details_get_document (details);

  gtk_window_close (GTK_WINDOW (details));
  if (self->project != NULL && gloss_document_get_project (document) == self->project)
    _gloss_window_remove_document (self, document);
}

static void
details_destroyed_cb (GtkWidget   *details,
                      GlossWindow *self)
{
  if (self->details == details)
    self->details = NULL;
}

void
_gloss_window_show_details (GlossWindow   *self,
                            GlossDocument *document)
{
  GlossDocumentDetails *details;

  if (self->details != NULL)
    gtk_window_destroy (GTK_WINDOW (self->details));

  details = gloss_document_details_new (GTK_WINDOW (self), self->project, document);
  self->details = GTK_WIDGET (details);
  g_signal_connect_object (details, "remove-requested", G_CALLBACK (details_remove_cb), self, 0);
  g_signal_connect_object (details, "destroy", G_CALLBACK (details_destroyed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (details));
}

/* ---- The same article twice ---- */

typedef struct {
  GlossWindow   *self;
  GlossDocument *existing;
  GlossDocument *article;
} Duplicate;

static void
duplicate_free (gpointer data)
{
  Duplicate *duplicate = data;

  g_object_unref (duplicate->existing);
  g_object_unref (duplicate->article);
  g_free (duplicate);
}

static void
duplicate_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       Duplicate        *duplicate)
{
  GlossWindow *self = duplicate->self;

  if (self->project == NULL)
    return;

  if (g_str_equal (response, "add"))
    {
      gloss_import_add_article (self->project, duplicate->article);
      _gloss_window_toast (self, _("Added as a new document"));
    }
  else if (g_str_equal (response, "replace") &&
           gloss_document_get_project (duplicate->existing) == self->project)
    {
      GlossAnchorReport report = { 0, 0, 0 };
      g_autofree char *in_place = NULL;
      g_autofree char *text = NULL;

      gloss_project_replace_document (self->project, duplicate->existing, duplicate->article, &report);
      _gloss_window_show_document (self, duplicate->existing);
      in_place = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation in place",
                                               "%u annotations in place", report.anchored),
                                  report.anchored);
      /* Translators: "Text replaced: 3 annotations in place, 1 moved, 0 orphaned"; the
       * first %s is "%u annotation(s) in place" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Text replaced: %s, %u moved, %u orphaned",
                                           "Text replaced: %s, %u moved, %u orphaned",
                                           report.moved + report.orphaned),
                              in_place, report.moved, report.orphaned);
      undo_toast (self, text);
    }
}

/* "harbour.html has the same address as “Harbour reopens”, …" */
static char *
describe_duplicate (GlossDuplicateKind  kind,
                    const char         *name,
                    const char         *title)
{
  switch (kind)
    {
    case GLOSS_DUPLICATE_URL:
      /* Translators: the first %s is a file name, the second a document's title */
      return g_strdup_printf (_("%s has the same address as “%s”, already in this project."), name, title);
    case GLOSS_DUPLICATE_FILE:
      return g_strdup_printf (_("%s is the same file as “%s”, already in this project."), name, title);
    case GLOSS_DUPLICATE_TEXT:
    case GLOSS_DUPLICATE_NONE:
    default:
      return g_strdup_printf (_("%s has the same text as “%s”, already in this project."), name, title);
    }
}

gboolean
_gloss_window_import_article (GlossWindow       *self,
                              GFile             *file,
                              GlossImportReport *report,
                              GError           **error)
{
  g_autoptr(GlossDocument) article = gloss_import_read_article_full (file, NULL, report, error);
  g_autofree char *name = NULL;
  g_autofree char *first = NULL;
  g_autofree char *body = NULL;
  GlossDocument *existing;
  GlossDuplicateKind kind;
  GtkWidget *dialog;
  Duplicate *duplicate;

  if (article == NULL)
    return FALSE;

  existing = gloss_project_find_duplicate (self->project, article, &kind);
  if (existing == NULL)
    {
      gloss_import_add_article (self->project, article);
      report->documents++;
      return TRUE;
    }

  name = g_file_get_basename (file);
  first = describe_duplicate (kind, name, gloss_document_get_title (existing));
  body = g_strconcat (first, " ",
                      _("Replace its text with this copy (every annotation is re-anchored, "
                        "and moved ones are marked for review), or add it as a new document?"),
                      NULL);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Already Imported"), body);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add as New"),
                                    "replace", _("_Replace Text"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "replace");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_add_css_class (dialog, "gloss-duplicate-dialog");

  duplicate = g_new0 (Duplicate, 1);
  duplicate->self = self;
  duplicate->existing = g_object_ref (existing);
  duplicate->article = g_steal_pointer (&article);
  g_signal_connect_data (dialog, "response", G_CALLBACK (duplicate_response_cb), duplicate,
                         (GClosureNotify) (void (*) (void)) duplicate_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* ---- Actions ---- */

static void
details_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossDocument *document = document_for (self, param);

  if (document != NULL)
    _gloss_window_show_details (self, document);
}

static void
rename_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossDocument *document = document_for (self, param);

  if (document != NULL)
    _gloss_window_rename_document (self, document);
}

static void
rename_project_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (self->project != NULL)
    ask_title (self, NULL);
}

static void
remove_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossDocument *document = document_for (self, param);

  if (document != NULL)
    _gloss_window_remove_document (self, document);
}

void
_gloss_window_update_document_actions (GlossWindow *self)
{
  gboolean has_document = self->document != NULL && !_gloss_window_is_previewing (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.document-details", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-document", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-document", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-project",
                                 self->project != NULL && !_gloss_window_is_previewing (self));
}

void
_gloss_window_class_init_documents (GlossWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.document-details", "s", details_action);
  gtk_widget_class_install_action (widget_class, "win.rename-document", "s", rename_action);
  gtk_widget_class_install_action (widget_class, "win.remove-document", "s", remove_action);
  gtk_widget_class_install_action (widget_class, "win.rename-project", NULL, rename_project_action);
}
