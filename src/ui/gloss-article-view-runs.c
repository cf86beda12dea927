/* gloss-article-view-runs.c — where a range of the article is drawn, line by line
 *
 * Underlines, outlines and note markers frame a range of text. In a
 * left-to-right line the range is one run from its first character's left
 * edge to its last one's right edge. In right-to-left text it is not: the
 * iter rectangles of Hebrew and Arabic characters have negative widths
 * (Pango's index_to_pos gives their leading edge, on the right), and one
 * logical range of a mixed Hebrew and Latin line can be several runs on
 * screen. What Gloss needs there is what pango_layout_line_get_x_ranges ()
 * computes; GTK 4.8's text view keeps its Pango layouts to itself, so the
 * same ranges are built here from each character's rectangle, merged where
 * they touch. Lines without right-to-left characters keep the cheap path
 * of two rectangles per line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-article-view-private.h"

#define MAX_LINES 1000  /* display lines walked per range, at most */

typedef struct {
  double x1, x2;
} Span;

static gboolean
is_rtl_char (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_ARABIC || script == G_UNICODE_SCRIPT_HEBREW ||
         script == G_UNICODE_SCRIPT_SYRIAC || script == G_UNICODE_SCRIPT_THAANA ||
         script == G_UNICODE_SCRIPT_NKO || script == G_UNICODE_SCRIPT_SAMARITAN ||
         script == G_UNICODE_SCRIPT_MANDAIC;
}

/* Whether the display line holding @iter has right-to-left text, which
 * reorders all of it. */
static gboolean
line_has_rtl (GtkTextView       *view,
              const GtkTextIter *iter)
{
  GtkTextIter it = *iter, end = *iter;

  gtk_text_view_backward_display_line_start (view, &it);
  if (!gtk_text_view_forward_display_line_end (view, &end))
    gtk_text_iter_forward_to_line_end (&end);
  for (; gtk_text_iter_compare (&it, &end) < 0; gtk_text_iter_forward_char (&it))
    if (is_rtl_char (gtk_text_iter_get_char (&it)))
      return TRUE;
  return FALSE;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *sa = a, *sb = b;

  return sa->x1 < sb->x1 ? -1 : sa->x1 > sb->x1;
}

/* The visual runs of [it, stop) on one display line, left to right; and
 * on which side the range's logical end lies. */
static GArray *
line_runs (GtkTextView       *view,
           const GtkTextIter *from,
           const GtkTextIter *stop,
           gboolean          *end_at_left,
           int               *y,
           int               *height)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (Span));
  GtkTextIter it = *from;
  gunichar last_char = 0;

  *y = G_MAXINT;
  *height = 0;
  for (; gtk_text_iter_compare (&it, stop) < 0; gtk_text_iter_forward_char (&it))
    {
      GdkRectangle r;
      Span span;

      if (gtk_text_iter_ends_line (&it))
        continue;
      gtk_text_view_get_iter_location (view, &it, &r);
      span.x1 = MIN (r.x, r.x + r.width);
      span.x2 = MAX (r.x, r.x + r.width);
      g_array_append_val (spans, span);
      *y = MIN (*y, r.y);
      *height = MAX (*height, r.height);
      last_char = gtk_text_iter_get_char (&it);
    }
  *end_at_left = is_rtl_char (last_char);

  g_array_sort (spans, compare_spans);
  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);
      Span *run = runs->len > 0 ? &g_array_index (runs, Span, runs->len - 1) : NULL;

      /* Touching characters (within a pixel of rounding) make one run. */
      if (run != NULL && span->x1 <= run->x2 + 1)
        run->x2 = MAX (run->x2, span->x2);
      else
        g_array_append_val (runs, *span);
    }
  g_array_unref (spans);
  return runs;
}

void
_gloss_article_view_foreach_run (GlossArticleView *self,
                                 GlossOffset       start,
                                 GlossOffset       end,
                                 GlossRunFunc      func,
                                 gpointer          user_data)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter it, stop;
  gboolean first = TRUE;
  guint guard = 0;

  _gloss_article_view_get_iter (self, &it, start);
  _gloss_article_view_get_iter (self, &stop, end);

  while (gtk_text_iter_compare (&it, &stop) < 0 && guard++ < MAX_LINES)
    {
      GtkTextIter next = it;
      gboolean last_line;

      if (!gtk_text_view_forward_display_line (view, &next) ||
          gtk_text_iter_compare (&next, &stop) > 0)
        next = stop;
      last_line = gtk_text_iter_compare (&next, &stop) >= 0;

      /* A piece that is only a paragraph break has nothing to mark. */
      if (gtk_text_iter_ends_line (&it))
        {
          if (gtk_text_iter_equal (&next, &it))
            break;
          it = next;
          continue;
        }

      if (line_has_rtl (view, &it))
        {
          gboolean end_at_left;
          int y, height;
          g_autoptr(GArray) runs = line_runs (view, &it, &next, &end_at_left, &y, &height);

          for (guint i = 0; i < runs->len; i++)
            {
              Span *run = &g_array_index (runs, Span, i);
              /* The logical end is the leftmost run of a right-to-left end. */
              guint end_run = end_at_left ? 0 : runs->len - 1;
              graphene_rect_t rect;

              graphene_rect_init (&rect, run->x1, y, MAX (run->x2 - run->x1, 3), height);
              func (&rect, first, last_line && i == end_run, end_at_left, user_data);
              first = FALSE;
            }
        }
      else
        {
          GtkTextIter last = next;
          GdkRectangle a, b;
          graphene_rect_t rect;
          double x1, x2;

          gtk_text_iter_backward_char (&last);
          gtk_text_view_get_iter_location (view, &it, &a);
          gtk_text_view_get_iter_location (view, &last, &b);
          /* A paragraph end has no width: reach to where the text ends. */
          if (gtk_text_iter_ends_line (&last) && gtk_text_iter_compare (&last, &it) > 0)
            {
              GtkTextIter before = last;

              gtk_text_iter_backward_char (&before);
              gtk_text_view_get_iter_location (view, &before, &b);
            }
          x1 = MIN (a.x, b.x);
          x2 = MAX (a.x + a.width, b.x + b.width);
          if (x2 - x1 < 3)
            x2 = x1 + 3;
          graphene_rect_init (&rect, x1, a.y, x2 - x1, MAX (a.height, b.height));
          func (&rect, first, last_line, FALSE, user_data);
          first = FALSE;
        }

      if (gtk_text_iter_equal (&next, &it))
        break;
      it = next;
    }
}
