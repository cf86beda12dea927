/* test-word-snap.c — the rule a selection snaps to words by
 *
 * Texts are written with a '|' where the pointer is; offsets are code
 * points.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-word-snap.h"

/* The code point offset of the @nth occurrence (from 0) of @needle in @text. */
static glong
offset_of (const char *text,
           const char *needle,
           guint       nth)
{
  const char *p = text;

  for (guint i = 0; ; i++)
    {
      p = strstr (p, needle);
      g_assert_nonnull (p);
      if (i == nth)
        return g_utf8_pointer_to_offset (text, p);
      p += strlen (needle);
    }
}

static char *
slice (const char *text,
       glong       start,
       glong       end)
{
  return g_utf8_substring (text, start, end);
}

/* Snaps a drag from the character at @first (leading half) to the one at
 * @last (on the half @trailing says) and returns the selected text. */
static char *
drag (const char *text,
      glong       first,
      glong       last,
      gboolean    trailing)
{
  g_autoptr(GlossWordSnap) snap = gloss_word_snap_new (text, -1);
  GlossSnapEnd a = { first, FALSE, first };
  GlossSnapEnd b = { last, trailing, last + (trailing ? 1 : 0) };
  glong start = -1, end = -1;

  if (!gloss_word_snap_pointer (snap, &a, &b, &start, &end))
    return NULL;
  g_assert_cmpint (start, <, end);
  return slice (text, start, end);
}

static void
test_overshoot_past_full_stop (void)
{
  const char *text = "They held a common position. There was no deal.";
  glong common = offset_of (text, "common", 0);
  glong space = offset_of (text, ". ", 0) + 1;
  g_autofree char *overshoot = NULL;
  g_autofree char *on_stop = NULL;
  g_autofree char *before_stop = NULL;
  g_autofree char *into_next = NULL;

  /* One pixel past the full stop: the pointer is on the space. */
  overshoot = drag (text, common, space, FALSE);
  g_assert_cmpstr (overshoot, ==, "common position.");
  overshoot = (g_free (overshoot), drag (text, common, space, TRUE));
  g_assert_cmpstr (overshoot, ==, "common position.");
  /* On the stop's far half it is taken, on its near half not. */
  on_stop = drag (text, common, space - 1, TRUE);
  g_assert_cmpstr (on_stop, ==, "common position.");
  before_stop = drag (text, common, space - 1, FALSE);
  g_assert_cmpstr (before_stop, ==, "common position");
  /* Inside the next word, the next word is taken whole. */
  into_next = drag (text, common, space + 1, FALSE);
  g_assert_cmpstr (into_next, ==, "common position. There");
}

static void
test_word_under_pointer (void)
{
  const char *text = "The envoy said the draft was fine.";
  g_autofree char *middle = NULL;
  g_autofree char *backwards_start = NULL;
  g_autofree char *blank_start = NULL;

  /* Starting in the middle of "envoy" and ending in "draft": both whole. */
  middle = drag (text, offset_of (text, "voy", 0), offset_of (text, "aft", 0), FALSE);
  g_assert_cmpstr (middle, ==, "envoy said the draft");
  /* A start on a space takes nothing of the word before it. */
  blank_start = drag (text, offset_of (text, " said", 0), offset_of (text, "said", 0) + 1, FALSE);
  g_assert_cmpstr (blank_start, ==, "said");
  /* The start on a full stop's near half takes the stop... */
  backwards_start = drag (text, offset_of (text, ".", 0), offset_of (text, ".", 0), TRUE);
  g_assert_cmpstr (backwards_start, ==, ".");
  /* ...a selection of blanks alone snaps to nothing. */
  g_assert_null (drag ("a    b", 2, 3, FALSE));
}

static void
test_quotes_balanced (void)
{
  const char *text = "The envoy said “a good basis.” Then he left.";
  glong open = offset_of (text, "“", 0);
  g_autofree char *from_mark = NULL;
  g_autofree char *to_close = NULL;
  g_autofree char *short_of_it = NULL;
  g_autofree char *straight = NULL;
  g_autofree char *german = NULL;

  /* From the opening mark to inside the last word: the stop and the
   * closing mark come along. */
  from_mark = drag (text, open, offset_of (text, "asis", 0), FALSE);
  g_assert_cmpstr (from_mark, ==, "“a good basis.”");
  /* Ending on the closing mark brings the opening one. */
  to_close = drag (text, open + 1, offset_of (text, "”", 0), TRUE);
  g_assert_cmpstr (to_close, ==, "“a good basis.”");
  /* The quotation goes on past the end: its opening mark is dropped. */
  short_of_it = drag (text, open, offset_of (text, "good", 0), FALSE);
  g_assert_cmpstr (short_of_it, ==, "a good");
  /* Straight and German marks pair too. */
  straight = drag ("He said \"no deal\", firmly.", 8, 14, FALSE);
  g_assert_cmpstr (straight, ==, "\"no deal\"");
  german = drag ("Er sagte „kein Abkommen“ dazu.", 9, 16, FALSE);
  g_assert_cmpstr (german, ==, "„kein Abkommen“");
}

static void
test_clusters_kept_whole (void)
{
  /* e + COMBINING ACUTE; a ZWJ family; a flag; a skin tone. */
  const char *text = "Zoe\xcc\x81 met 👩‍👩‍👧 and 🇫🇷 and 👍🏽 today";
  g_autofree char *combining = NULL;
  g_autofree char *family = NULL;
  g_autofree char *flag = NULL;
  g_autofree char *tone = NULL;
  glong zwj = offset_of (text, "👩", 0);

  /* The pointer on the combining mark itself still takes all of "Zoé". */
  combining = drag (text, 0, 3, FALSE);
  g_assert_cmpstr (combining, ==, "Zoe\xcc\x81");
  /* On the second person of the family: the whole sequence. */
  family = drag (text, zwj + 2, zwj + 2, TRUE);
  g_assert_cmpstr (family, ==, "👩‍👩‍👧");
  flag = drag (text, offset_of (text, "🇫", 0), offset_of (text, "🇷", 0), TRUE);
  g_assert_cmpstr (flag, ==, "🇫🇷");
  tone = drag (text, offset_of (text, "🏽", 0), offset_of (text, "🏽", 0), TRUE);
  g_assert_cmpstr (tone, ==, "👍🏽");
}

static void
test_cjk_and_rtl (void)
{
  const char *cjk = "東京で会議が開かれた。次の日";
  const char *rtl = "השיחות נתקעו בעמדה משותפת. אחר כך";
  g_autofree char *one = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *hebrew = NULL;
  g_autofree char *hebrew_word = NULL;
  glong stop = offset_of (rtl, ".", 0);

  /* A CJK drag is not blown up to the clause: no word runs across the
   * ideographic full stop, and a single ideograph stays small. */
  one = drag (cjk, 1, 1, TRUE);
  g_assert_nonnull (one);
  g_assert_cmpint (g_utf8_strlen (one, -1), <=, 2);
  g_assert_nonnull (strstr ("東京", one));
  sentence = drag (cjk, 0, offset_of (cjk, "。", 0), TRUE);
  g_assert_cmpstr (sentence, ==, "東京で会議が開かれた。");
  /* Hebrew, in logical order: the overshoot past the stop stays out of
   * the next word, and a word is taken whole. */
  hebrew = drag (rtl, 0, stop + 1, FALSE);
  g_assert_cmpstr (hebrew, ==, "השיחות נתקעו בעמדה משותפת.");
  hebrew_word = drag (rtl, offset_of (rtl, "עמדה", 0) + 1, offset_of (rtl, "עמדה", 0) + 2, FALSE);
  g_assert_cmpstr (hebrew_word, ==, "בעמדה");
}

static void
test_pointer_beside_text (void)
{
  const char *text = "Alpha beta gamma";
  g_autoptr(GlossWordSnap) snap = gloss_word_snap_new (text, -1);
  /* Past the end of the line: the boundary there is kept, a cut word is
   * made whole. */
  GlossSnapEnd a = { -1, FALSE, 8 };
  GlossSnapEnd b = { -1, FALSE, 16 };
  glong start = -1, end = -1;

  g_assert_true (gloss_word_snap_pointer (snap, &a, &b, &start, &end));
  g_assert_cmpint (start, ==, 6);
  g_assert_cmpint (end, ==, 16);
}

/* Presses Shift+arrow @count times by code points (@step ±1) from @caret,
 * snapping as the view does, and returns the selection. */
static char *
keys (const char *text,
      glong       caret,
      int         step,
      guint       count)
{
  g_autoptr(GlossWordSnap) snap = gloss_word_snap_new (text, -1);
  glong anchor = caret;
  glong position = caret;

  for (guint i = 0; i < count; i++)
    {
      glong before = position;

      position = CLAMP (position + step, 0, gloss_word_snap_get_length (snap));
      gloss_word_snap_keyboard (snap, &anchor, before, &position);
    }
  return slice (text, MIN (anchor, position), MAX (anchor, position));
}

static void
test_keyboard (void)
{
  const char *text = "Alpha beta, gamma. Zoe\xcc\x81";
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *comma = NULL;
  g_autofree char *mid_word = NULL;
  g_autofree char *back = NULL;
  g_autofree char *combining = NULL;

  one = keys (text, 0, 1, 1);
  g_assert_cmpstr (one, ==, "Alpha");
  two = keys (text, 0, 1, 2);
  g_assert_cmpstr (two, ==, "Alpha beta");
  /* Punctuation goes one mark at a time. */
  comma = keys (text, 0, 1, 3);
  g_assert_cmpstr (comma, ==, "Alpha beta,");
  /* Begun inside a word, the selection takes all of it. */
  mid_word = keys (text, 2, 1, 1);
  g_assert_cmpstr (mid_word, ==, "Alpha");
  /* Backwards from the end of "gamma": whole words. */
  back = keys (text, offset_of (text, ".", 0), -1, 2);
  g_assert_cmpstr (back, ==, ", gamma");
  back = (g_free (back), keys (text, offset_of (text, ".", 0), -1, 3));
  g_assert_cmpstr (back, ==, "beta, gamma");
  /* The combining mark stays with its letter. */
  combining = keys (text, offset_of (text, "Zoe", 0), 1, 1);
  g_assert_cmpstr (combining, ==, "Zoe\xcc\x81");
}

static void
test_keyboard_shrinks (void)
{
  const char *text = "Alpha beta gamma";
  g_autoptr(GlossWordSnap) snap = gloss_word_snap_new (text, -1);
  glong anchor = 0;
  glong position = 16;

  /* Shift+Left from the end of a whole-line selection gives back "gamma"
   * and the space before it. */
  position = 15;
  gloss_word_snap_keyboard (snap, &anchor, 16, &position);
  g_assert_cmpint (anchor, ==, 0);
  g_assert_cmpint (position, ==, 10);

  /* And from the start side, Shift+Right gives back "Alpha ". */
  anchor = 16;
  position = 1;
  gloss_word_snap_keyboard (snap, &anchor, 0, &position);
  g_assert_cmpint (anchor, ==, 16);
  g_assert_cmpint (position, ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/word-snap/overshoot-past-full-stop", test_overshoot_past_full_stop);
  g_test_add_func ("/word-snap/word-under-pointer", test_word_under_pointer);
  g_test_add_func ("/word-snap/quotes-balanced", test_quotes_balanced);
  g_test_add_func ("/word-snap/clusters-kept-whole", test_clusters_kept_whole);
  g_test_add_func ("/word-snap/cjk-and-rtl", test_cjk_and_rtl);
  g_test_add_func ("/word-snap/pointer-beside-text", test_pointer_beside_text);
  g_test_add_func ("/word-snap/keyboard", test_keyboard);
  g_test_add_func ("/word-snap/keyboard-shrinks", test_keyboard_shrinks);

  return g_test_run ();
}
