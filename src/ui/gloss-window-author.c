/* gloss-window-author.c — signing annotations with the user's name
 *
 * New annotations and relations carry the name set in Preferences (by
 * default the account's real name). When there is none, a bar asks once,
 * and stays until answered: a toast would hold back every toast after it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-preferences.h"
#include "gloss-settings.h"
#include "gloss-window-private.h"

static void
user_name_changed_cb (GlossWindow *self)
{
  g_autofree char *author = gloss_settings_dup_user_name ();

  if (self->project != NULL)
    gloss_project_set_author (self->project, author);
}

static void
name_bar_response_cb (GtkInfoBar  *bar,
                      int          response,
                      GlossWindow *self)
{
  gtk_info_bar_set_revealed (bar, FALSE);
  if (response == GTK_RESPONSE_ACCEPT)
    gtk_widget_activate_action (GTK_WIDGET (self), "app.preferences", NULL);
}

/* The question Gloss asks once when it has no name to sign annotations with. */
static void
build_name_bar (GlossWindow *self)
{
  GtkWidget *label = gtk_label_new (_("Gloss has no name to sign your annotations with"));

  self->name_bar = GTK_INFO_BAR (gtk_info_bar_new ());
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_info_bar_add_child (self->name_bar, label);
  gtk_info_bar_add_button (self->name_bar, _("_Set Your Name…"), GTK_RESPONSE_ACCEPT);
  gtk_info_bar_set_show_close_button (self->name_bar, TRUE);
  gtk_info_bar_set_revealed (self->name_bar, FALSE);
  g_signal_connect (self->name_bar, "response", G_CALLBACK (name_bar_response_cb), self);
  gtk_widget_insert_before (GTK_WIDGET (self->name_bar),
                            gtk_widget_get_parent (GTK_WIDGET (self->main_stack)),
                            GTK_WIDGET (self->main_stack));
}

void
_gloss_window_init_author (GlossWindow *self)
{
  GSettings *settings = gloss_settings_get ();

  build_name_bar (self);
  if (settings != NULL)
    g_signal_connect_object (settings, "changed::user-name", G_CALLBACK (user_name_changed_cb),
                             self, G_CONNECT_SWAPPED);
}

void
_gloss_window_sign_project (GlossWindow  *self,
                            GlossProject *project)
{
  g_autofree char *author = gloss_settings_dup_user_name ();

  gloss_project_set_author (project, author);
  if (gloss_preferences_take_name_question ())
    gtk_info_bar_set_revealed (self->name_bar, TRUE);
}
