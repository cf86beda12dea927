/* gloss-window-link.c — linking two annotations: Ctrl+L or the inspector
 * starts it, the other highlight ends it, and the Link As dialog asks
 * which relation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-announce.h"
#include "gloss-relation-names.h"
#include "gloss-text.h"
#include "gloss-window-private.h"

void
_gloss_window_begin_link (GlossWindow     *self,
                          GlossAnnotation *from)
{
  gboolean was_linking = self->link_from != NULL;

  _gloss_window_set_link_from (self, from);
  if (from != NULL)
    _gloss_window_toast (self, _("Linking: go to the other highlight and press Return, or Escape to cancel"));
  else if (was_linking)
    /* Translators: told to a screen reader when Escape ends link mode
     * (a sighted user sees the link banner go) */
    gloss_announce (GTK_WIDGET (self), _("Linking cancelled"));
}

typedef struct {
  GlossWindow     *self;
  GlossAnnotation *from;
  GlossAnnotation *to;
} LinkData;

static void
link_type_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       LinkData         *data)
{
  GlossWindow *self = data->self;

  const char * const *types = self->project != NULL ? gloss_project_get_relation_types (self->project) : NULL;
  guint index = g_str_has_prefix (response, "type-") ? (guint) g_ascii_strtoull (response + 5, NULL, 10) : G_MAXUINT;

  if (types != NULL && index < g_strv_length ((char **) types) &&
      gloss_annotation_get_document (data->from) != NULL &&
      gloss_annotation_get_document (data->to) != NULL)
    {
      g_autofree char *message = NULL;
      g_autofree char *type = gloss_untrusted_isolate (gloss_relation_type_display_name (types[index]));

      gloss_project_link (self->project, data->from, data->to, types[index]);
      /* Translators: %s is a relation type such as “attributed to” */
      message = g_strdup_printf (_("Linked as “%s”"), type);
      _gloss_window_toast (self, message);
      _gloss_window_select (self, data->from, FALSE);
    }

  g_object_unref (data->self);
  g_object_unref (data->from);
  g_object_unref (data->to);
  g_free (data);
}

void
_gloss_window_finish_link (GlossWindow     *self,
                           GlossAnnotation *to)
{
  g_autoptr(GlossAnnotation) from = self->link_from != NULL ? g_object_ref (self->link_from) : NULL;
  const char * const *types = gloss_project_get_relation_types (self->project);
  GtkWidget *dialog;
  LinkData *data;

  _gloss_window_set_link_from (self, NULL);
  if (from == to)
    {
      _gloss_window_toast (self, _("An annotation cannot be linked to itself"));
      return;
    }
  if (types[0] == NULL)
    {
      gloss_project_link (self->project, from, to, "related-to");
      _gloss_window_select (self, from, FALSE);
      return;
    }

  /* One button per relation type; Return takes the first. The quotes are
   * the file's text: the dialog does not read them as markup. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Link As"), NULL);
  {
    g_autofree char *from_quote = gloss_text_quoted_excerpt (gloss_annotation_get_quote (from), 60);
    g_autofree char *to_quote = gloss_text_quoted_excerpt (gloss_annotation_get_quote (to), 60);
    g_autofree char *body = g_strdup_printf ("%s → %s", from_quote, to_quote);

    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  {
    guint n = g_strv_length ((char **) types);

    /* The first type, the usual one, goes last: the primary place, and
     * the button that has the focus. */
    /* Ids are "type-N", never the name: a type called "cancel" must not
     * be the Cancel button. Labels read mnemonics: "my_type" keeps its
     * underscore. */
    for (guint i = n; i > 0; i--)
      {
        g_autofree char *id = g_strdup_printf ("type-%u", i - 1);
        g_autofree char *label = gloss_untrusted_no_mnemonic (gloss_relation_type_display_name (types[i - 1]));

        adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), id, label);
      }
  }
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "type-0",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "type-0");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_add_css_class (dialog, "gloss-link-type-dialog");

  data = g_new0 (LinkData, 1);
  data->self = g_object_ref (self);
  data->from = g_object_ref (from);
  data->to = g_object_ref (to);
  g_signal_connect (dialog, "response", G_CALLBACK (link_type_response_cb), data);
  _gloss_window_describe_link_dialog (dialog, from, to);
  gtk_window_present (GTK_WINDOW (dialog));
}

