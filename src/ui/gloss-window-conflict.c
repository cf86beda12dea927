/* gloss-window-conflict.c — when a save cannot simply go ahead: the file
 * changed on disk since it was opened or saved, or it is read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-window-private.h"

/* The answers to "changed on disk". "merge" is the three-way merge of
 * gloss_merge_with_file (): the version loaded or last saved is the base. */
static const struct {
  const char *id;
  const char *label;
  AdwResponseAppearance appearance;
} changed_responses[] = {
  { "cancel",    N_("_Cancel"),    ADW_RESPONSE_DEFAULT },
  { "reload",    N_("_Reload"),    ADW_RESPONSE_DESTRUCTIVE },
  { "save-as",   N_("Save _As…"),  ADW_RESPONSE_DEFAULT },
  { "overwrite", N_("_Overwrite"), ADW_RESPONSE_DESTRUCTIVE },
  { "merge",     N_("_Merge"),     ADW_RESPONSE_SUGGESTED },
};

/* Both sets of changes, merged and saved; the window shows the result
 * (on the same document), and says what needs review. */
static void
merge (GlossWindow *self,
       GFile       *file)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GlossProject) merged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *document_id = self->document != NULL ? g_strdup (gloss_document_get_id (self->document)) : NULL;
  g_autofree char *text = NULL;
  GlossDocument *document;
  gboolean close_after = self->close_after_save;

  merged = gloss_merge_with_file (self->project, file, conflicts, &error);
  if (merged == NULL)
    {
      self->close_after_save = FALSE;
      _gloss_window_error (self, _("Could Not Merge"), error);
      return;
    }

  self->close_after_save = FALSE;
  _gloss_window_discard_recovery (self);
  _gloss_window_set_project (self, merged, file);
  document = document_id != NULL ? gloss_project_lookup_document (merged, document_id) : NULL;
  if (document != NULL)
    _gloss_window_show_document (self, document);

  if (conflicts->len == 0)
    text = g_strdup (_("Merged with the changes on disk and saved"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Merged with the changes on disk and saved: %u conflict to review",
                                         "Merged with the changes on disk and saved: %u conflicts to review",
                                         conflicts->len),
                            conflicts->len);
  _gloss_window_toast (self, text);

  /* Closing waited for the save; a conflict waits for the analyst. */
  if (close_after && conflicts->len == 0)
    _gloss_window_saved (self, file);
}

static gboolean
can_merge (GlossWindow *self,
           GFile       *file)
{
  GlossDiskState *state = gloss_project_get_disk_state (self->project);

  return state != NULL && gloss_disk_state_is_file (state, file);
}

/* @file is the connection's own data; the window is the dialog's parent. */
static void
changed_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GFile            *file)
{
  GlossWindow *self = GLOSS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (self->project == NULL)
    return;

  if (g_str_equal (response, "overwrite"))
    _gloss_window_save_to (self, file, GLOSS_SAVE_OVERWRITE_CHANGES);
  else if (g_str_equal (response, "merge"))
    merge (self, file);
  else if (g_str_equal (response, "save-as"))
    _gloss_window_save_as (self);
  else if (g_str_equal (response, "reload"))
    {
      /* The user chose the file's version over the changes here. */
      g_autoptr(GFile) reload = g_object_ref (file);

      _gloss_window_discard_recovery (self);
      gloss_window_open_file (self, reload);
    }
  else
    self->close_after_save = FALSE;
}

void
_gloss_window_ask_changed_on_disk (GlossWindow *self,
                                   GFile       *file)
{
  g_autofree char *name = gloss_untrusted_file_name (file);
  g_autofree char *body = NULL;
  /* Merging needs the version opened or saved, as the base. */
  gboolean mergeable = can_merge (self, file);
  GtkWidget *dialog;
  GClosure *response;

  if (mergeable)
    /* Translators: %s is a file name */
    body = g_strdup_printf (_("%s was changed by another program since Gloss opened or saved it. "
                              "Merge both sets of changes, reload it and lose the changes made here, "
                              "save this version under another name, or overwrite the other changes?"), name);
  else
    /* Translators: %s is a file name */
    body = g_strdup_printf (_("%s was changed by another program since Gloss opened or saved it. "
                              "Reload it and lose the changes made here, save this version under "
                              "another name, or overwrite the other changes?"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("File Changed on Disk"), body);
  for (guint i = 0; i < G_N_ELEMENTS (changed_responses); i++)
    {
      const char *id = changed_responses[i].id;

      if (g_str_equal (id, "merge") && !mergeable)
        continue;
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), id, _(changed_responses[i].label));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), id,
                                                  g_str_equal (id, "save-as") && !mergeable
                                                  ? ADW_RESPONSE_SUGGESTED : changed_responses[i].appearance);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), mergeable ? "merge" : "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_add_css_class (dialog, "gloss-changed-dialog");
  response = g_cclosure_new (G_CALLBACK (changed_response_cb), g_object_ref (file),
                             (GClosureNotify) (void (*) (void)) g_object_unref);
  /* Nothing to answer once the window is gone. */
  g_object_watch_closure (G_OBJECT (self), response);
  g_signal_connect_closure (dialog, "response", response, FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
read_only_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       GlossWindow      *self)
{
  if (g_str_equal (response, "save-as"))
    _gloss_window_save_as (self);
  else
    self->close_after_save = FALSE;
}

void
_gloss_window_ask_read_only (GlossWindow  *self,
                             const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Project Is Read-Only"), NULL);
  g_autofree char *body = NULL;

  /* Translators: %s says which file */
  body = g_strdup_printf (_("%s\n\nSave your changes under another name?"), error->message);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_add_css_class (dialog, "gloss-read-only-dialog");
  g_signal_connect_object (dialog, "response", G_CALLBACK (read_only_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
