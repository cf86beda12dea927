/* gloss-window-header.c — what the header bar and the window's title show
 *
 * The title names the project's file (a bullet when it has unsaved
 * changes), the subtitle the document shown or the link mode's
 * instruction; the article's headline shows above it only when the
 * article does not open with it. Without a project the header keeps only
 * Open and the menu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-window-private.h"

void
_gloss_window_update_title (GlossWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *document_title = NULL;
  const char *subtitle = NULL;

  if (self->project == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Gloss"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Gloss"));
      return;
    }

  /* Names and titles from files are isolated: a U+202E in one cannot
   * reorder the bullet or anything around it. */
  if (self->file != NULL)
    name = gloss_untrusted_file_name (self->file);
  else if (self->loading_file != NULL)  /* a preview of it */
    name = gloss_untrusted_file_name (self->loading_file);
  else
    name = g_strdup (_("Unsaved Project"));

  /* A bullet marks unsaved changes, as GNOME Text Editor does; changes
   * recovered after a crash are not in the file either. */
  if (_gloss_window_is_dirty (self))
    title = g_strdup_printf ("• %s", name);
  else
    title = g_strdup (name);

  if (self->link_from != NULL)
    subtitle = _("Choose the highlight to link to (Return or a click), or press Escape");
  else if (self->document != NULL)
    subtitle = document_title = gloss_untrusted_isolate (gloss_document_get_title (self->document));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* Without a project the header has only Open and the menu. (At phone
 * width the squeezers in the template drop the rest by themselves.) */
void
_gloss_window_update_header (GlossWindow *self)
{
  gboolean project = self->project != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->documents_toggle), project);
  gtk_widget_set_visible (GTK_WIDGET (self->annotations_toggle), project);
  gtk_widget_set_visible (self->import_button, project);
  gtk_widget_set_visible (self->history_buttons, project);
  gtk_widget_set_visible (GTK_WIDGET (self->search_toggle), project);
}

/* Most articles open with their headline: no need to say it twice. */
static gboolean
title_shown_in_header (GBinding     *binding,
                       const GValue *from_value,
                       GValue       *to_value,
                       gpointer      user_data)
{
  g_autoptr(GObject) document = g_binding_dup_source (binding);
  const char *title = g_value_get_string (from_value);

  g_value_set_boolean (to_value,
                       document != NULL && title != NULL && title[0] != '\0' &&
                       !g_str_has_prefix (gloss_document_get_text (GLOSS_DOCUMENT (document)), title));
  return TRUE;
}

/* The header follows whichever document is shown: one group of bindings,
 * re-targeted on each switch (as GNOME Text Editor follows its page). */
void
_gloss_window_bind_header (GlossWindow *self)
{
  self->document_bindings = g_binding_group_new ();
  g_binding_group_bind_full (self->document_bindings, "title",
                             self->article_title, "label", G_BINDING_SYNC_CREATE,
                             gloss_untrusted_isolate_binding, NULL, NULL, NULL);
  g_binding_group_bind_full (self->document_bindings, "title",
                             self->article_title, "visible", G_BINDING_SYNC_CREATE,
                             title_shown_in_header, NULL, NULL, NULL);
}
