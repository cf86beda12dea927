/* gloss-article-view-snap.c — selections snapped to words, by mouse and keys
 *
 * A drag snaps when the button is released, to the words the pointer was
 * inside at each end (gloss-word-snap.c holds the rules); Shift with the
 * arrow keys snaps as the selection grows, word by word. Both follow the
 * "snap-to-words" setting, and Alt held during a drag selects exact
 * characters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-article-view-private.h"
#include "gloss-settings.h"
#include "gloss-word-snap.h"

/* The text of the paragraphs from @first to @last (offsets), and the
 * offset it starts at. */
static GlossWordSnap *
snap_for_paragraphs (GlossArticleView *self,
                     GlossOffset       first,
                     GlossOffset       last,
                     GlossOffset      *base)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter a, b;
  g_autofree char *text = NULL;

  _gloss_article_view_get_iter (self, &a, first);
  _gloss_article_view_get_iter (self, &b, last);
  gtk_text_iter_set_line_offset (&a, 0);
  if (!gtk_text_iter_ends_line (&b))
    gtk_text_iter_forward_to_line_end (&b);
  *base = gtk_text_iter_get_offset (&a);
  text = gtk_text_buffer_get_slice (buffer, &a, &b, TRUE);
  return gloss_word_snap_new (text, -1);
}

/* Far enough to see the whole word at either end of [@first, @last]. */
#define KEYBOARD_CONTEXT 256

/* The text from @first to @last with some context, within their
 * paragraphs, and the offset it starts at. */
static GlossWordSnap *
snap_around (GlossArticleView *self,
             GlossOffset       first,
             GlossOffset       last,
             GlossOffset      *base)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter a, b, line;
  g_autofree char *text = NULL;

  _gloss_article_view_get_iter (self, &a, first > KEYBOARD_CONTEXT ? first - KEYBOARD_CONTEXT : 0);
  _gloss_article_view_get_iter (self, &b, last + KEYBOARD_CONTEXT);
  _gloss_article_view_get_iter (self, &line, first);
  gtk_text_iter_set_line_offset (&line, 0);
  if (gtk_text_iter_compare (&a, &line) < 0)
    a = line;
  _gloss_article_view_get_iter (self, &line, last);
  if (!gtk_text_iter_ends_line (&line))
    gtk_text_iter_forward_to_line_end (&line);
  if (gtk_text_iter_compare (&b, &line) > 0)
    b = line;
  *base = gtk_text_iter_get_offset (&a);
  text = gtk_text_buffer_get_slice (buffer, &a, &b, TRUE);
  return gloss_word_snap_new (text, -1);
}

void
_gloss_article_view_pointer_hit (GlossArticleView *self,
                                 double            x,
                                 double            y,
                                 GlossOffset      *hit,
                                 gboolean         *trailing,
                                 gboolean         *inside)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter iter;
  GdkRectangle location;
  int bx, by, after;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  gtk_text_view_get_iter_at_position (view, &iter, &after, bx, by);
  gtk_text_view_get_iter_location (view, &iter, &location);
  *hit = gtk_text_iter_get_offset (&iter);
  *trailing = after > 0;
  /* An RTL character's trailing half is on its left. */
  *inside = !gtk_text_iter_ends_line (&iter) &&
            bx >= location.x - 1 && bx <= location.x + MAX (location.width, 1) + 1 &&
            by >= location.y && by < location.y + location.height;
}

static void
fill_end (GlossSnapEnd *end,
          GlossOffset   base,
          GlossOffset   hit,
          gboolean      trailing,
          gboolean      inside,
          GlossOffset   boundary)
{
  end->hit = inside ? (glong) hit - (glong) base : -1;
  end->trailing = trailing;
  end->boundary = (glong) boundary - (glong) base;
}

void
_gloss_article_view_snap_drag (GlossArticleView *self,
                               double            release_x,
                               double            release_y)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter insert, bound, a, b;
  GlossOffset release_hit, base, press_end, release_end;
  gboolean release_trailing, release_inside;
  GlossSnapEnd press, release;
  g_autoptr(GlossWordSnap) snap = NULL;
  glong start, end;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    return;
  /* The drag began at the selection bound and ended at the cursor. */
  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_get_iter_at_mark (buffer, &bound, gtk_text_buffer_get_selection_bound (buffer));
  press_end = gtk_text_iter_get_offset (&bound);
  release_end = gtk_text_iter_get_offset (&insert);

  _gloss_article_view_pointer_hit (self, release_x, release_y,
                                   &release_hit, &release_trailing, &release_inside);
  snap = snap_for_paragraphs (self, gtk_text_iter_get_offset (&a),
                              gtk_text_iter_get_offset (&b), &base);
  fill_end (&press, base, self->press_hit, self->press_trailing,
            self->press_inside && self->press_hit >= base &&
            self->press_hit < base + (GlossOffset) gloss_word_snap_get_length (snap),
            press_end);
  fill_end (&release, base, release_hit, release_trailing,
            release_inside && release_hit >= base &&
            release_hit < base + (GlossOffset) gloss_word_snap_get_length (snap),
            release_end);

  if (press_end <= release_end
      ? !gloss_word_snap_pointer (snap, &press, &release, &start, &end)
      : !gloss_word_snap_pointer (snap, &release, &press, &start, &end))
    return;

  self->programmatic_selection = TRUE;
  gloss_article_view_select_range (self, base + start, base + end);
  self->programmatic_selection = FALSE;
}

/* ---- the keyboard ---- */

static void
move_cursor_before_cb (GtkTextView      *view,
                       GtkMovementStep   step,
                       int               count,
                       gboolean          extend,
                       GlossArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  self->move_before = gtk_text_iter_get_offset (&iter);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_selection_bound (buffer));
  self->move_anchor = gtk_text_iter_get_offset (&iter);
}

static void
move_cursor_after_cb (GtkTextView      *view,
                      GtkMovementStep   step,
                      int               count,
                      gboolean          extend,
                      GlossArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;
  GlossOffset base, moved;
  glong anchor, position;
  g_autoptr(GlossWordSnap) snap = NULL;

  if (!extend || !gloss_settings_get_boolean ("snap-to-words", TRUE))
    return;
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  moved = gtk_text_iter_get_offset (&iter);
  if (moved == self->move_anchor)
    return;

  /* Only the text around the moving end: a key press must not read a
   * whole long paragraph (or a long selection) again. */
  snap = snap_around (self, MIN (self->move_before, moved), MAX (self->move_before, moved), &base);
  anchor = (glong) self->move_anchor - (glong) base;
  position = (glong) moved - (glong) base;
  gloss_word_snap_keyboard (snap, &anchor, (glong) self->move_before - (glong) base, &position);
  if (anchor == (glong) self->move_anchor - (glong) base && position == (glong) moved - (glong) base)
    return;

  {
    GtkTextIter a, b;

    _gloss_article_view_get_iter (self, &a, base + anchor);
    _gloss_article_view_get_iter (self, &b, base + position);
    /* Not programmatic: the palette follows a keyboard selection. */
    gtk_text_buffer_select_range (buffer, &b, &a);
    gtk_text_view_scroll_mark_onscreen (view, gtk_text_buffer_get_insert (buffer));
  }
}

void
_gloss_article_view_init_snap (GlossArticleView *self)
{
  g_signal_connect (self, "move-cursor", G_CALLBACK (move_cursor_before_cb), self);
  g_signal_connect_after (self, "move-cursor", G_CALLBACK (move_cursor_after_cb), self);
}
