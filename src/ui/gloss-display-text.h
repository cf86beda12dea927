/* gloss-display-text.h — the article's text as the view can lay it out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Pango lays out a paragraph as one piece: a 1 MB line takes GtkTextView
 * ~15 s. Lines longer than @max_line code points get a line break in place
 * of a space about every @max_line / 2 code points — one code point for
 * one, so every offset stays exact. The document keeps its true text;
 * only the view shows the breaks. Returns a new string, or NULL when no
 * line needs it. */
char *gloss_display_text_break_long_lines (const char *text,
                                           guint       max_line);

/* HarfBuzz shapes a cluster as one piece, in time that grows with the
 * square of its length: an article of 40,000 combining marks froze the
 * window for half a minute. In a run of more than @max_marks combining
 * marks, every @max_marks-th mark is shown as U+25CC DOTTED CIRCLE, which
 * starts a new cluster — again one code point for one, so offsets stay
 * exact; copying takes the document's own text. Returns a new string, or
 * NULL when no run needs it. */
char *gloss_display_text_break_long_clusters (const char *text,
                                              guint       max_marks);

G_END_DECLS
