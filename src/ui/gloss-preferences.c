/* gloss-preferences.c — the Preferences window (Ctrl+,)
 *
 * "Your name" is the author of every new annotation and relation. It is
 * stored in GSettings ("user-name"); empty, the account's real name is
 * used, which the row shows as its hint.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss.h"
#include "gloss-preferences.h"
#include "gloss-settings.h"

static GtkWidget *
name_row_new (GSettings *settings)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Your Name"));
  gtk_widget_set_name (row, "user-name-row");
  if (settings != NULL)
    g_settings_bind (settings, "user-name", row, "text", G_SETTINGS_BIND_DEFAULT);
  else
    gtk_editable_set_text (GTK_EDITABLE (row), gloss_default_author ());

  return row;
}

void
gloss_preferences_present (GtkWindow *parent)
{
  GSettings *settings = gloss_settings_get ();
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  const char *real_name = gloss_default_author ();
  g_autofree char *description = NULL;

  if (*real_name != '\0')
    description = g_strdup_printf (_("Recorded as the author of every annotation and link you make. "
                                     "Leave it empty to use your account’s name, %s."), real_name);
  else
    description = g_strdup (_("Recorded as the author of every annotation and link you make, "
                              "so that a team can tell who marked what."));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("You"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), name_row_new (settings));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));

  gtk_window_set_title (GTK_WINDOW (window), _("Preferences"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 300);
  gtk_window_present (GTK_WINDOW (window));
}

gboolean
gloss_preferences_take_name_question (void)
{
  GSettings *settings = gloss_settings_get ();
  g_autofree char *name = gloss_settings_dup_user_name ();

  if (settings == NULL || *name != '\0' || g_settings_get_boolean (settings, "asked-user-name"))
    return FALSE;

  g_settings_set_boolean (settings, "asked-user-name", TRUE);
  return TRUE;
}
