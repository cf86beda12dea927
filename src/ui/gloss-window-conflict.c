/* gloss-window-conflict.c — when a save cannot simply go ahead: the file
 * changed on disk since it was opened or saved, or it is read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-window-private.h"

/* The answers to "changed on disk". A three-way merge (the version loaded,
 * gloss_disk_state_get_sha256 () names it, as the base) joins them here
 * as one more response, "merge", handled in changed_response_cb (). */
static const struct {
  const char *id;
  const char *label;
  AdwResponseAppearance appearance;
} changed_responses[] = {
  { "cancel",    N_("_Cancel"),    ADW_RESPONSE_DEFAULT },
  { "reload",    N_("_Reload"),    ADW_RESPONSE_DESTRUCTIVE },
  { "save-as",   N_("Save _As…"),  ADW_RESPONSE_SUGGESTED },
  { "overwrite", N_("_Overwrite"), ADW_RESPONSE_DESTRUCTIVE },
};


static void
changed_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GlossWindow      *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "gloss-file");

  if (self->project == NULL)
    return;

  if (g_str_equal (response, "overwrite"))
    _gloss_window_save_to (self, file, GLOSS_SAVE_OVERWRITE_CHANGES);
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
  GtkWidget *dialog;

  /* Translators: %s is a file name */
  body = g_strdup_printf (_("%s was changed by another program since Gloss opened or saved it. "
                            "Reload it and lose the changes made here, save this version under "
                            "another name, or overwrite the other changes?"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("File Changed on Disk"), body);
  for (guint i = 0; i < G_N_ELEMENTS (changed_responses); i++)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), changed_responses[i].id,
                                       _(changed_responses[i].label));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), changed_responses[i].id,
                                                  changed_responses[i].appearance);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_add_css_class (dialog, "gloss-changed-dialog");
  g_object_set_data_full (G_OBJECT (dialog), "gloss-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (changed_response_cb), self, 0);
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
