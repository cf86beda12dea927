/* gloss-window-search.c — the window's side of the project search (Ctrl+Shift+F)
 *
 * The search shares the left sidebar with the documents. It is built the
 * first time it is opened, so that a window that never searches never
 * pays for it at start-up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-project-search.h"
#include "gloss-window-private.h"

static void
match_activated_cb (GlossProjectSearch *search,
                    GlossSearchMatch   *match,
                    gboolean            focus,
                    GlossWindow        *self)
{
  GlossDocument *document = gloss_search_match_get_document (match);

  if (gloss_document_get_project (document) != self->project)
    return;
  if (document != self->document)
    _gloss_window_show_document (self, document);

  _gloss_window_select (self, NULL, FALSE);
  gloss_article_view_select_range (self->article_view,
                                   gloss_search_match_get_start (match),
                                   gloss_search_match_get_end (match));
  if (focus)
    {
      if (adw_flap_get_folded (self->documents_flap))
        adw_flap_set_reveal_flap (self->documents_flap, FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
    }
}

static void
tagged_cb (GlossProjectSearch *search,
           guint               count,
           const char         *tag_id,
           GlossWindow        *self)
{
  GlossTag *tag = gloss_project_lookup_tag (self->project, tag_id);
  const char *name = tag != NULL ? gloss_tag_get_name (tag) : tag_id;
  g_autofree char *text = NULL;

  if (count == 0)
    text = g_strdup_printf (_("Every match already has the tag %s"), name);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tagged %u match as %s",
                                         "Tagged %u matches as %s", count),
                            count, name);
  _gloss_window_toast (self, text);
}

static void
close_cb (GlossProjectSearch *search,
          GlossWindow        *self)
{
  _gloss_window_close_search (self);
}

static GlossProjectSearch *
ensure_search (GlossWindow *self)
{
  if (self->project_search == NULL)
    {
      self->project_search = gloss_project_search_new ();
      gtk_stack_add_named (self->sidebar_stack, self->project_search, "search");
      g_signal_connect_object (self->project_search, "match-activated", G_CALLBACK (match_activated_cb), self, 0);
      g_signal_connect_object (self->project_search, "tagged", G_CALLBACK (tagged_cb), self, 0);
      g_signal_connect_object (self->project_search, "close", G_CALLBACK (close_cb), self, 0);
      gloss_project_search_set_project (GLOSS_PROJECT_SEARCH (self->project_search), self->project);
    }

  return GLOSS_PROJECT_SEARCH (self->project_search);
}

GlossProjectSearch *
_gloss_window_open_search (GlossWindow *self)
{
  GlossProjectSearch *search = ensure_search (self);

  /* Folded, one pane at a time. */
  if (adw_flap_get_folded (self->side_flap))
    adw_flap_set_reveal_flap (self->side_flap, FALSE);
  adw_flap_set_reveal_flap (self->documents_flap, TRUE);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "search");
  gloss_project_search_focus (search);
  return search;
}

void
_gloss_window_close_search (GlossWindow *self)
{
  /* Back to what the search took the place of. */
  gtk_stack_set_visible_child_name (self->sidebar_stack, _gloss_window_is_comparing (self) ? "compare" : "documents");
  if (self->document != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

gboolean
_gloss_window_is_searching_project (GlossWindow *self)
{
  return self->project_search != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->sidebar_stack), "search") == 0;
}

void
_gloss_window_search_set_project (GlossWindow *self)
{
  if (self->project_search == NULL)
    return;
  gloss_project_search_set_project (GLOSS_PROJECT_SEARCH (self->project_search), self->project);
  if (self->project == NULL)
    _gloss_window_close_search (self);
}
