/* gloss-word-snap.h — where a selection's ends go when it snaps to words
 *
 * Pure functions of a paragraph's text and code point offsets (no widget),
 * so that the rules can be tested on their own: the article view hands in
 * the text around the selection and applies what comes back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _GlossWordSnap GlossWordSnap;

/* Word, grapheme and space facts about @text (UTF-8, @length bytes or -1). */
GlossWordSnap *gloss_word_snap_new       (const char    *text,
                                          gssize         length);
void           gloss_word_snap_free      (GlossWordSnap *self);
/* The number of code points in the text. */
glong          gloss_word_snap_get_length (GlossWordSnap *self);

/* Where a pointer is at one end of a drag: on the character @hit (a code
 * point offset), past its middle when @trailing. @hit is -1 when the
 * pointer was beside the text (past the end of a line, in a margin): then
 * @boundary, the selection's own end there, is used. */
typedef struct {
  glong    hit;
  gboolean trailing;
  glong    boundary;
} GlossSnapEnd;

/* Snaps a mouse selection whose first end (in text order) is @first and
 * last end @last. A word the pointer is inside is taken whole; white space
 * under the pointer takes nothing; punctuation counts when the pointer is
 * on its inner half. Grapheme clusters are never split and a quotation
 * mark taken at one end brings its partner at the other (with the
 * punctuation in between), or is dropped when it has none there.
 * FALSE (and *@start, *@end untouched) when nothing but blanks is left. */
gboolean       gloss_word_snap_pointer   (GlossWordSnap      *self,
                                          const GlossSnapEnd *first,
                                          const GlossSnapEnd *last,
                                          glong              *start,
                                          glong              *end);

/* Snaps the moving end of a keyboard selection: @anchor is the fixed end,
 * @before where the moving end was and *@moved where the key put it.
 * Growing, the moving end goes on to the end of the word it entered (or
 * over one punctuation mark); shrinking, it gives back whole words. When
 * the selection has just begun inside a word, *@anchor moves out to that
 * word's edge. */
void           gloss_word_snap_keyboard  (GlossWordSnap *self,
                                          glong         *anchor,
                                          glong          before,
                                          glong         *moved);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossWordSnap, gloss_word_snap_free)

G_END_DECLS
