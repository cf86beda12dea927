/* gloss-article-accessible.c — the article as a screen reader reads it
 *
 * The article is a text view, so AT-SPI already exposes its text and its
 * caret. What it cannot expose is the highlights: GTK 4.8 passes text tags
 * on only as colours. So the view is named after its document, and its
 * accessible description always says which annotations cover the caret
 * (their tags, the start of their notes, "1 of 2 overlapping"). Orca
 * speaks a change of the focused object's description, so moving the
 * caret into, out of or between highlights is heard without moving the
 * focus; with GTK 4.14 the change is announced as well.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-accessible.h"
#include "gloss-announce.h"
#include "gloss-article-view-private.h"

static char *
describe_caret (GlossArticleView *self)
{
  g_autoptr(GPtrArray) here = NULL;

  if (self->document == NULL)
    return NULL;
  here = gloss_document_annotations_at (self->document, gloss_article_view_get_caret (self));
  return gloss_accessible_describe_covering (self->project, here);
}

void
_gloss_article_view_update_description (GlossArticleView *self)
{
  g_autofree char *description = NULL;
  GlossOffset caret = gloss_article_view_get_caret (self);

  /* An announcement (what Return selected, the annotation just made)
   * stays the description until the caret moves on; then the view
   * describes itself again, through restore_description (). */
  if (gloss_announce_is_showing (GTK_WIDGET (self)))
    {
      if (self->described_caret == caret)
        return;
      gloss_announce_done (GTK_WIDGET (self));
      return;
    }
  self->described_caret = caret;
  description = describe_caret (self);
  if (g_strcmp0 (description, self->described) == 0)
    return;
  gloss_accessible_set_description (GTK_WIDGET (self), description);
#if GTK_CHECK_VERSION (4, 14, 0)
  if (description != NULL && gtk_widget_has_focus (GTK_WIDGET (self)))
    gloss_announce (GTK_WIDGET (self), description);
#endif
  g_free (self->described);
  self->described = g_steal_pointer (&description);
}

/* After an announcement: the description is whatever it was replaced by,
 * so set it anew. */
static void
restore_description (GtkWidget *widget)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (widget);

  g_clear_pointer (&self->described, g_free);
  _gloss_article_view_update_description (self);
}

static void
mark_set_cb (GtkTextBuffer     *buffer,
             const GtkTextIter *location,
             GtkTextMark       *mark,
             GlossArticleView  *self)
{
  if (mark == gtk_text_buffer_get_insert (buffer))
    _gloss_article_view_update_description (self);
}

static void
document_changed_cb (GlossArticleView *self)
{
  _gloss_article_view_update_description (self);
}

void
_gloss_article_view_document_accessible (GlossArticleView *self)
{
  const char *title = self->document != NULL ? gloss_document_get_title (self->document) : NULL;

  if (title != NULL && title[0] != '\0')
    gloss_accessible_set_label (GTK_WIDGET (self), title);
  else
    gloss_accessible_set_label (GTK_WIDGET (self), _("Article"));

  /* set_document () disconnects whatever the view connected to the old
   * document, these included. */
  if (self->document != NULL)
    {
      g_signal_connect_object (self->document, "items-changed",
                               G_CALLBACK (document_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (self->document, "annotation-changed",
                               G_CALLBACK (document_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
  _gloss_article_view_update_description (self);
}

/* The palette does not take the focus when it appears (the digits go to
 * the article), so its keys are told: "Tags: Claim, key 1; Source, key 2…
 * Tab moves into the tags." */
static void
palette_visible_cb (GtkWidget        *palette,
                    GParamSpec       *pspec,
                    GlossArticleView *self)
{
  g_autoptr(GString) message = NULL;
  GListModel *tags;
  guint n;

  if (!gtk_widget_get_visible (palette) || self->project == NULL)
    return;
  tags = gloss_project_get_tags (self->project);
  n = g_list_model_get_n_items (tags);
  if (n == 0)
    return;
  /* Translators: said when the tag palette appears; its tags follow */
  message = g_string_new (_("Tags:"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossTag) tag = g_list_model_get_item (tags, i);
      g_autofree char *label = gloss_accessible_tag_label (tag);

      g_string_append_printf (message, i == 0 ? " %s" : "; %s", label);
    }
  g_string_append (message, ". ");
  /* Translators: said after the tag palette's keys */
  g_string_append (message, _("Tab moves into the tags."));
  gloss_announce (GTK_WIDGET (self), message->str);
}

void
_gloss_article_view_init_accessible (GlossArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  gloss_accessible_set_label (GTK_WIDGET (self), _("Article"));
  gloss_announce_set_restore (GLOSS_TYPE_ARTICLE_VIEW, restore_description);
  g_signal_connect_object (buffer, "mark-set", G_CALLBACK (mark_set_cb), self, G_CONNECT_AFTER);
  g_signal_connect_object (self->palette, "notify::visible", G_CALLBACK (palette_visible_cb), self, 0);
}
