/* gloss-window-accessible.c — the window's controls named for screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-accessible.h"
#include "gloss-announce.h"
#include "gloss-inspector.h"
#include "gloss-window-private.h"

/* The selected annotation in a few words, or NULL in link mode. */
static char *
describe_selected (GlossWindow *self)
{
  if (self->selected == NULL || self->link_from != NULL)
    return NULL;
  return gloss_accessible_describe_annotation (self->project, self->selected);
}

/* After the window made the annotation and selected it. */
static void
annotated_cb (GlossArticleView *view,
              guint             start,
              guint             end,
              const char       *tag_id,
              GlossWindow      *self)
{
  g_autofree char *description = describe_selected (self);
  g_autofree char *message = NULL;

  if (description == NULL)
    return;
  /* Translators: said when an annotation is made; %s describes it */
  message = g_strdup_printf (_("Annotated %s"), description);
  gloss_announce (GTK_WIDGET (self), message);
}

/* Return (or a click) on a highlight: what it selected. */
static void
activated_cb (GlossArticleView *view,
              GlossAnnotation  *annotation,
              GlossWindow      *self)
{
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;

  /* In link mode Return finishes the link: the Link As dialog speaks. */
  if (annotation != self->selected)
    return;
  description = describe_selected (self);
  if (description == NULL)
    return;
  /* Translators: said when a highlight is chosen; %s describes it */
  message = g_strdup_printf (_("Selected %s"), description);
  gloss_announce (GTK_WIDGET (self), message);
}

/* Find's "1 of 2". GTK 4.8 sends no focus event for an entry's text, so
 * while the analyst types in the find bar a screen reader stays on the
 * article (and reads the matches it selects there): the count is told by
 * the article, which GTK 4.14's announcements do from any widget. */
static void
search_count_changed_cb (GtkLabel    *count,
                         GParamSpec  *pspec,
                         GlossWindow *self)
{
  const char *text = gtk_label_get_text (count);

  if (text[0] == '\0')
    return;
  gloss_announce_to (GTK_WIDGET (self->article_view), text);
}

void
_gloss_window_describe_link_dialog (GtkWidget       *dialog,
                                    GlossAnnotation *from,
                                    GlossAnnotation *to)
{
  GlossProject *project = GLOSS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)))->project;
  g_autofree char *from_text = gloss_accessible_describe_annotation (project, from);
  g_autofree char *to_text = gloss_accessible_describe_annotation (project, to);
  /* Translators: the Link As dialog, read out; each %s is an annotation
   * ("Claim: harbour council postponed") */
  g_autofree char *description = g_strdup_printf (_("Link %s, to %s, as which relation?"),
                                                  from_text, to_text);

  gloss_accessible_set_description (dialog, description);
  gloss_accessible_name_controls (dialog);
}

void
_gloss_window_setup_accessible (GlossWindow *self)
{
  gloss_accessible_name_controls (GTK_WIDGET (self));

  gloss_accessible_set_label (GTK_WIDGET (self->documents_list), _("Documents"));
  gloss_accessible_set_label (GTK_WIDGET (self->recent_list), _("Recent Projects"));
  gloss_accessible_set_label (GTK_WIDGET (self->recovered_list), _("Recovered Projects"));
  gloss_accessible_set_label (GTK_WIDGET (self->search_entry), _("Find in the Article"));

  g_signal_connect_after (self->article_view, "annotate", G_CALLBACK (annotated_cb), self);
  g_signal_connect_after (self->article_view, "annotation-activated", G_CALLBACK (activated_cb), self);
  g_signal_connect (self->search_count, "notify::label", G_CALLBACK (search_count_changed_cb), self);
  /* Fixing a span must not need a trip to the inspector. */
  gloss_inspector_add_bounds_shortcuts (GLOSS_INSPECTOR (self->inspector), GTK_WIDGET (self->article_view));
}
