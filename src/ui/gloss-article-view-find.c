/* gloss-article-view-find.c — the article's find bar: marking and stepping through matches
 *
 * Ctrl+F marks every match of the text sought in the article (case
 * folded, up to MAX_FIND_MATCHES) with one text tag, and the find bar's
 * arrows select the next or previous one, wrapping at either end. A
 * match is searched in the text the view shows, and stays marked when the
 * view shows another document, which is searched again as it opens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-article-view-private.h"

#define MAX_FIND_MATCHES 10000

guint
gloss_article_view_find (GlossArticleView *self,
                         const char       *needle)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end, match_start, match_end;
  guint count = 0;

  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), 0);

  if (needle != self->needle)
    {
      g_free (self->needle);
      self->needle = needle != NULL && needle[0] != '\0' ? g_strdup (needle) : NULL;
    }

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->match_tag, &start, &end);
  if (self->needle == NULL)
    return 0;

  while (count < MAX_FIND_MATCHES &&
         gtk_text_iter_forward_search (&start, self->needle,
                                       GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_VISIBLE_ONLY,
                                       &match_start, &match_end, NULL))
    {
      gtk_text_buffer_apply_tag (buffer, self->match_tag, &match_start, &match_end);
      start = match_end;
      count++;
    }
  return count;
}

/* A match outside the middle half of the view comes to its middle, where
 * the eye looks, rather than to an edge beside the bars around the text. */
static void
scroll_to_middle (GlossArticleView  *self,
                  const GtkTextIter *iter)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, "gloss-scroll");
  GdkRectangle visible, location;

  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self), &visible);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), iter, &location);
  if (location.y >= visible.y + visible.height / 4 &&
      location.y + location.height <= visible.y + visible.height * 3 / 4)
    return;
  if (mark == NULL)
    mark = gtk_text_buffer_create_mark (buffer, "gloss-scroll", iter, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, mark, iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), mark, 0, TRUE, 0, 0.5);
}

guint
gloss_article_view_find_next (GlossArticleView *self,
                              gboolean          forward)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter from, a, b, found_start, found_end;
  GtkTextSearchFlags flags = GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_VISIBLE_ONLY;
  gboolean found;
  guint index = 0;

  if (self->needle == NULL)
    return 0;

  if (gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    from = forward ? b : a;
  else
    gtk_text_buffer_get_iter_at_mark (buffer, &from, gtk_text_buffer_get_insert (buffer));

  if (forward)
    {
      found = gtk_text_iter_forward_search (&from, self->needle, flags, &found_start, &found_end, NULL);
      if (!found)
        {
          gtk_text_buffer_get_start_iter (buffer, &from);
          found = gtk_text_iter_forward_search (&from, self->needle, flags, &found_start, &found_end, NULL);
        }
    }
  else
    {
      found = gtk_text_iter_backward_search (&from, self->needle, flags, &found_start, &found_end, NULL);
      if (!found)
        {
          gtk_text_buffer_get_end_iter (buffer, &from);
          found = gtk_text_iter_backward_search (&from, self->needle, flags, &found_start, &found_end, NULL);
        }
    }
  if (!found)
    return 0;

  self->programmatic_selection = TRUE;
  gtk_text_buffer_select_range (buffer, &found_start, &found_end);
  self->programmatic_selection = FALSE;
  scroll_to_middle (self, &found_start);

  /* Which match this is: count the tagged runs before it. */
  {
    GtkTextIter it;

    gtk_text_buffer_get_start_iter (buffer, &it);
    index = 1;
    while (gtk_text_iter_forward_to_tag_toggle (&it, self->match_tag) &&
           gtk_text_iter_compare (&it, &found_start) < 0)
      {
        if (gtk_text_iter_starts_tag (&it, self->match_tag))
          index++;
      }
  }
  return index;
}
