/* test-anchor.c — finding annotations again in changed text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "gloss-anchor.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                              */

/* An annotation made on some text, the way Gloss stores it: offsets in
 * code points, the quote and up to 32 code points of context. */
typedef struct {
  GlossAnchorSelector selector;
  char *quote;
  char *prefix;
  char *suffix;
} Annotation;

static void
annotation_clear (Annotation *a)
{
  g_free (a->quote);
  g_free (a->prefix);
  g_free (a->suffix);
}

/* Code points [start, end) of @text, as UTF-8. */
static char *
slice (const char *text,
       glong       start,
       glong       end)
{
  const char *from = g_utf8_offset_to_pointer (text, start);
  const char *to = g_utf8_offset_to_pointer (text, end);

  return g_strndup (from, to - from);
}

/* The code point offset of the @nth (from 0) occurrence of @needle. */
static glong
find_nth (const char *text,
          const char *needle,
          guint       nth)
{
  const char *p = text;

  for (;;)
    {
      p = strstr (p, needle);
      if (p == NULL)
        return -1;
      if (nth-- == 0)
        return g_utf8_pointer_to_offset (text, p);
      p++;
    }
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  while (find_nth (text, needle, n) >= 0)
    n++;
  return n;
}

static void
annotate_chars (Annotation     *a,
                const gunichar *chars,
                glong           len,
                glong           start,
                glong           end)
{
  glong p = MAX (0, start - 32);
  glong s = MIN (len, end + 32);

  a->quote = g_ucs4_to_utf8 (chars + start, end - start, NULL, NULL, NULL);
  a->prefix = g_ucs4_to_utf8 (chars + p, start - p, NULL, NULL, NULL);
  a->suffix = g_ucs4_to_utf8 (chars + end, s - end, NULL, NULL, NULL);
  a->selector.start = start;
  a->selector.end = end;
  a->selector.quote = a->quote;
  a->selector.prefix = a->prefix;
  a->selector.suffix = a->suffix;
}

static void
annotate_span (Annotation *a,
               const char *text,
               glong       start,
               glong       end)
{
  glong len = 0;
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (text, -1, &len);

  annotate_chars (a, chars, len, start, end);
}

/* Annotates the @nth occurrence of @quote in @text. */
static void
annotate (Annotation *a,
          const char *text,
          const char *quote,
          guint       nth)
{
  glong start = find_nth (text, quote, nth);

  g_assert_cmpint (start, >=, 0);
  annotate_span (a, text, start, start + g_utf8_strlen (quote, -1));
}

/* Locates @a in @text and checks it lands on @nth occurrence of
 * @expected with @state. */
static void
assert_located (const char       *text,
                const Annotation *a,
                GlossAnchorState  state,
                const char       *expected,
                guint             nth)
{
  g_autoptr(GlossAnchorText) at = gloss_anchor_text_new (text, -1);
  GlossOffset start = G_MAXUINT, end = G_MAXUINT;
  GlossAnchorState got = gloss_anchor_locate (at, &a->selector, &start, &end);
  glong want = find_nth (text, expected, nth);
  g_autofree char *found = NULL;

  g_assert_cmpint (want, >=, 0);
  g_assert_cmpint (got, ==, state);
  found = slice (text, start, end);
  g_assert_cmpstr (found, ==, expected);
  g_assert_cmpint (start, ==, want);
  g_assert_cmpint (end, ==, want + g_utf8_strlen (expected, -1));
}

static char *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (contents, -1, NULL));
  return contents;
}

/* ------------------------------------------------------------------ */
/* The four paths                                                       */

static void
test_anchored (void)
{
  const char *text = "The minister said the figures were “entirely accurate” on Friday.";
  g_autoptr(GlossAnchorText) at = gloss_anchor_text_new (text, -1);
  GlossAnchorSelector sel = { 0, };
  GlossOffset start = 0, end = 0;

  sel.start = find_nth (text, "“entirely accurate”", 0);
  sel.end = sel.start + 19;
  sel.quote = "“entirely accurate”";
  /* Context that disagrees doesn't matter when the quote is in place. */
  sel.prefix = "something else entirely";
  sel.suffix = NULL;

  g_assert_cmpint (gloss_anchor_locate (at, &sel, &start, &end), ==, GLOSS_ANCHOR_ANCHORED);
  g_assert_cmpuint (start, ==, 35);
  g_assert_cmpuint (end, ==, 54);

  /* The same quote one code point off is no longer anchored there. */
  sel.start++;
  sel.end++;
  g_assert_cmpint (gloss_anchor_locate (at, &sel, &start, &end), ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpuint (start, ==, 35);
  g_assert_cmpuint (end, ==, 54);

  /* The output pointers are optional. */
  g_assert_cmpint (gloss_anchor_locate (at, &sel, NULL, NULL), ==, GLOSS_ANCHOR_MOVED);
}

static void
test_exact_disambiguated_by_context (void)
{
  const char *v1 =
    "Police said the claim was false. "
    "The ministry said the claim was premature. "
    "Reporters said the claim was unverified.";
  const char *v2 =
    "UPDATE: statements added. "
    "Police said the claim was false. "
    "Reporters said the claim was unverified. "
    "The ministry said the claim was premature. "
    "Neighbours said the claim was exaggerated.";
  Annotation a = { 0, };
  glong old_start, nearer, right;

  /* The ministry's "the claim", which moved behind the reporters' one. */
  annotate (&a, v1, "the claim", 1);
  g_assert_cmpuint (count_occurrences (v2, "the claim"), ==, 4);

  /* Another occurrence is nearer the old place; context must win. */
  old_start = a.selector.start;
  nearer = find_nth (v2, "the claim", 1);
  right = find_nth (v2, "the claim", 2);
  g_assert_cmpint (ABS (nearer - old_start), <, ABS (right - old_start));

  assert_located (v2, &a, GLOSS_ANCHOR_MOVED, "the claim", 2);
  annotation_clear (&a);

  /* Prefix alone disambiguates when the suffix is gone (the context is
   * cut to the sentence: the next sentence moved, and with it the
   * evidence of a 32-code-point context). */
  annotate (&a, v1, "the claim", 2);
  g_free (a.prefix);
  a.prefix = g_strdup ("Reporters said ");
  a.selector.prefix = a.prefix;
  g_clear_pointer (&a.suffix, g_free);
  a.selector.suffix = NULL;
  assert_located (v2, &a, GLOSS_ANCHOR_MOVED, "the claim", 1);
  annotation_clear (&a);

  /* And the suffix alone. */
  annotate (&a, v1, "the claim", 0);
  g_clear_pointer (&a.prefix, g_free);
  a.selector.prefix = NULL;
  g_free (a.suffix);
  a.suffix = g_strdup (" was false.");
  a.selector.suffix = a.suffix;
  assert_located (v2, &a, GLOSS_ANCHOR_MOVED, "the claim", 0);
  annotation_clear (&a);
}

static void
test_exact_nearest (void)
{
  /* Five identical lines: context can't tell them apart, nearness does. */
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GlossAnchorText) at = NULL;
  const char *line = "Source: agency wire, 12:00.\n";  /* 28, even */
  glong line_len = g_utf8_strlen (line, -1);

  g_string_append (text, "Inserted heading\n");
  for (guint i = 0; i < 5; i++)
    g_string_append (text, line);
  at = gloss_anchor_text_new (text->str, -1);

  for (guint i = 0; i < 5; i++)
    {
      GlossAnchorSelector sel = { 0, };
      GlossOffset start, end;
      glong want = find_nth (text->str, "agency wire", i);

      /* The old place is a few code points before the i-th line's. */
      sel.start = want - 5;
      sel.end = sel.start + 11;
      sel.quote = "agency wire";
      sel.prefix = "Source: ";
      sel.suffix = ", 12:00.\n";

      g_assert_cmpint (gloss_anchor_locate (at, &sel, &start, &end), ==, GLOSS_ANCHOR_MOVED);
      g_assert_cmpuint (start, ==, want);
      g_assert_cmpuint (end, ==, want + 11);
    }

  /* An exact tie in distance goes to the earlier occurrence. */
  {
    GlossAnchorSelector sel = { 0, };
    GlossOffset start, end;
    glong first = find_nth (text->str, "agency wire", 1);

    sel.start = first + line_len / 2;
    sel.end = sel.start + 11;
    sel.quote = "agency wire";
    g_assert_cmpint (line_len % 2, ==, 0);
    g_assert_cmpint (first + line_len - (glong) sel.start, ==, (glong) sel.start - first);
    g_assert_cmpint (gloss_anchor_locate (at, &sel, &start, &end), ==, GLOSS_ANCHOR_MOVED);
    g_assert_cmpuint (start, ==, first);
  }
}

static void
test_approximate_typo (void)
{
  const char *v1 =
    "In a statement, the company said it had “no knowlege of the payments” "
    "and would cooperate with investigators.";
  const char *v2 =
    "Updated at 14:05. In a statement, the company said it had “no knowledge of the payments” "
    "and would cooperate with investigators.";
  Annotation a = { 0, };

  annotate (&a, v1, "no knowlege of the payments", 0);
  assert_located (v2, &a, GLOSS_ANCHOR_MOVED, "no knowledge of the payments", 0);
  annotation_clear (&a);

  /* A typo in the first and in the last code point: the match still
   * covers the whole corrected words, not one code point less. */
  annotate (&a, "said it had “mo knowledge of the paymentz” and would", "mo knowledge of the paymentz", 0);
  assert_located (v2, &a, GLOSS_ANCHOR_MOVED, "no knowledge of the payments", 0);
  annotation_clear (&a);

  /* A short quote whose every 4-gram was hit still has its context. */
  annotate (&a, "the payments” and wuold cooperate with investigators.", "wuold", 0);
  assert_located (v2, &a, GLOSS_ANCHOR_MOVED, "would", 0);
  annotation_clear (&a);
}

static void
test_approximate_thresholds (void)
{
  const char *v1 = "The report, published on Tuesday, states that the reservoir was "
                   "half empty by the end of June. Officials did not respond.";
  /* A third of the quote reworded, context unchanged: still found. */
  const char *v2 = "The report, published on Tuesday, states that the lake stood "
                   "half empty by the end of June. Officials did not respond.";
  /* The whole sentence gone: nothing close enough remains. */
  const char *v3 = "The report, published on Tuesday, was withdrawn the next morning "
                   "after complaints. Officials did not respond.";
  Annotation a = { 0, };

  annotate (&a, v1, "the reservoir was half empty", 0);
  assert_located (v2, &a, GLOSS_ANCHOR_MOVED, "the lake stood half empty", 0);

  {
    g_autoptr(GlossAnchorText) at = gloss_anchor_text_new (v3, -1);
    GlossOffset start, end;

    g_assert_cmpint (gloss_anchor_locate (at, &a.selector, &start, &end), ==, GLOSS_ANCHOR_ORPHANED);
  }
  annotation_clear (&a);

  /* A short quote is close to many things: "Routers" is two edits from
   * "Reuters", within the quote's bound, but nothing around it agrees. */
  {
    const char *w1 = "Shares fell 4% on Monday, Reuters reported, citing two sources.\n"
                     "Routers and switches made up most of the company's sales.";
    const char *w2 = "Routers and switches made up most of the company's sales.";
    g_autoptr(GlossAnchorText) at = gloss_anchor_text_new (w2, -1);
    GlossOffset start, end;

    annotate (&a, w1, "Reuters", 0);
    g_assert_cmpint (gloss_anchor_locate (at, &a.selector, &start, &end), ==, GLOSS_ANCHOR_ORPHANED);
    annotation_clear (&a);
  }
}

static void
test_orphaned (void)
{
  const char *v1 =
    "First paragraph stays.\n\n"
    "Second paragraph: the harbour master resigned after the inquiry.\n\n"
    "Third paragraph stays too.\n";
  const char *v2 =
    "First paragraph stays.\n\n"
    "Third paragraph stays too.\n";
  g_autoptr(GlossAnchorText) at = gloss_anchor_text_new (v2, -1);
  Annotation a = { 0, };
  GlossOffset start, end;
  glong n = g_utf8_strlen (v2, -1);

  annotate (&a, v1, "the harbour master resigned", 0);
  g_assert_cmpint (gloss_anchor_locate (at, &a.selector, &start, &end), ==, GLOSS_ANCHOR_ORPHANED);
  /* The old place, clamped into the new text. */
  g_assert_cmpuint (start, ==, a.selector.start);
  g_assert_cmpuint (end, ==, MIN (a.selector.end, (GlossOffset) n));
  annotation_clear (&a);

  /* Entirely past the end: clamped, and still not empty. */
  annotate (&a, v1, "Third paragraph stays too.", 0);
  g_free (a.quote);
  a.quote = g_strdup ("An entirely different closing line.");
  a.selector.quote = a.quote;
  g_assert_cmpint (gloss_anchor_locate (at, &a.selector, &start, &end), ==, GLOSS_ANCHOR_ORPHANED);
  g_assert_cmpuint (start, ==, n - 1);
  g_assert_cmpuint (end, ==, n);
  annotation_clear (&a);
}

static void
test_empty_and_degenerate (void)
{
  const char *text = "Short text.";
  g_autoptr(GlossAnchorText) at = gloss_anchor_text_new (text, -1);
  g_autoptr(GlossAnchorText) empty = gloss_anchor_text_new ("", -1);
  g_autoptr(GlossAnchorText) null_text = gloss_anchor_text_new (NULL, 0);
  GlossAnchorSelector sel = { 0, };
  GlossOffset start, end;

  /* An empty quote is never anchored, even on an empty span. */
  sel.start = 3;
  sel.end = 3;
  sel.quote = "";
  g_assert_cmpint (gloss_anchor_locate (at, &sel, &start, &end), ==, GLOSS_ANCHOR_ORPHANED);
  g_assert_cmpuint (start, ==, 3);
  g_assert_cmpuint (end, ==, 4);

  sel.quote = NULL;
  sel.end = 5;
  g_assert_cmpint (gloss_anchor_locate (at, &sel, &start, &end), ==, GLOSS_ANCHOR_ORPHANED);
  g_assert_cmpuint (start, ==, 3);
  g_assert_cmpuint (end, ==, 5);

  /* A non-empty quote on an empty span: step 1 can't hold, step 2 finds it. */
  sel.quote = "text";
  sel.start = sel.end = 0;
  g_assert_cmpint (gloss_anchor_locate (at, &sel, &start, &end), ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpuint (start, ==, 6);
  g_assert_cmpuint (end, ==, 10);

  /* Reversed offsets are treated as an empty old span. */
  sel.quote = "nothing like it anywhere";
  sel.start = 8;
  sel.end = 2;
  g_assert_cmpint (gloss_anchor_locate (at, &sel, &start, &end), ==, GLOSS_ANCHOR_ORPHANED);
  g_assert_cmpuint (start, ==, 8);
  g_assert_cmpuint (end, ==, 9);

  /* An empty text has only one place. */
  sel.quote = "Short";
  sel.start = 0;
  sel.end = 5;
  g_assert_cmpint (gloss_anchor_locate (empty, &sel, &start, &end), ==, GLOSS_ANCHOR_ORPHANED);
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, 0);
  g_assert_cmpint (gloss_anchor_locate (null_text, &sel, &start, &end), ==, GLOSS_ANCHOR_ORPHANED);
  g_assert_cmpuint (end, ==, 0);

  /* A one-code-point text. */
  {
    g_autoptr(GlossAnchorText) one = gloss_anchor_text_new ("é", -1);

    sel.quote = "é";
    g_assert_cmpint (gloss_anchor_locate (one, &sel, &start, &end), ==, GLOSS_ANCHOR_MOVED);
    g_assert_cmpuint (start, ==, 0);
    g_assert_cmpuint (end, ==, 1);
    sel.quote = "x";
    g_assert_cmpint (gloss_anchor_locate (one, &sel, &start, &end), ==, GLOSS_ANCHOR_ORPHANED);
    g_assert_cmpuint (start, ==, 0);
    g_assert_cmpuint (end, ==, 1);
  }
}

static void
test_invalid_utf8 (void)
{
  /* Importers never let this through, but a damaged file must not crash:
   * each bad byte counts as one U+FFFD. */
  const char bytes[] = "ab\xff\xfe" "cd\xc3" "ef";
  g_autoptr(GlossAnchorText) at = gloss_anchor_text_new (bytes, sizeof bytes - 1);
  GlossAnchorSelector sel = { 0, };
  GlossOffset start, end;

  sel.quote = "cd";
  g_assert_cmpint (gloss_anchor_locate (at, &sel, &start, &end), ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpuint (start, ==, 4);
  g_assert_cmpuint (end, ==, 6);

  sel.quote = "\xff" "cd";
  sel.start = 3;
  sel.end = 6;
  g_assert_cmpint (gloss_anchor_locate (at, &sel, &start, &end), ==, GLOSS_ANCHOR_ANCHORED);

  sel.quote = "ef";
  g_assert_cmpint (gloss_anchor_locate (at, &sel, &start, &end), ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpuint (start, ==, 7);
  g_assert_cmpuint (end, ==, 9);
}

/* ------------------------------------------------------------------ */
/* Unicode                                                              */

typedef struct {
  const char *name;
  const char *before;  /* text around the quote */
  const char *quote;
  const char *after;
} UnicodeCase;

static const UnicodeCase unicode_cases[] = {
  { "zwj-family", "The post read ", "family day 👨‍👩‍👧‍👦 at the park", " and went viral." },
  { "flags", "Delegations from ", "🇯🇵 Japan and 🇫🇷 France", " signed the accord." },
  { "skin-tones", "Replies were mostly ", "👍🏽👍🏿 thumbs up", ", a few angry." },
  { "combining", "The Vietnamese daily ", "Tuổi Trẻ quoted the mayor", " at length." },
  { "decomposed", "He was described as ", "nai\u0308ve and cafe\u0301-loving", " by friends." },
  { "arabic", "The banner read ", "السلام عليكم يا أصدقاء", " in large letters." },
  { "hebrew", "The sign said ", "שלום עליכם לכולם", " near the gate." },
  { "mixed-rtl", "Names: ", "Ahmed (أحمد) and Noa (נועה)", " were interviewed." },
  { "cjk", "新华社报道：", "会议将于明年三月在北京举行", "，各方表示欢迎。" },
  { "crlf", "Line one\r\n", "Line two\r\nLine three", "\r\nLine four\r\n" },
};

static void
test_unicode_offsets_are_code_points (void)
{
  /* Worked by hand: 👨‍👩‍👧 is 5 code points (3 people, 2 ZWJ),
   * 8 UTF-16 units, 18 bytes; 🇫🇷 is 2 code points; é + U+0301 is 2. */
  const char *text = "A 👨‍👩‍👧 B 🇫🇷 C cafe\u0301 D";
  g_autoptr(GlossAnchorText) at = gloss_anchor_text_new (text, -1);
  GlossAnchorSelector sel = { 0, };
  GlossOffset start, end;

  sel.quote = "B";
  g_assert_cmpint (gloss_anchor_locate (at, &sel, &start, &end), ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpuint (start, ==, 8);
  sel.quote = "C";
  g_assert_cmpint (gloss_anchor_locate (at, &sel, &start, &end), ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpuint (start, ==, 13);
  sel.quote = "D";
  g_assert_cmpint (gloss_anchor_locate (at, &sel, &start, &end), ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpuint (start, ==, 21);

  /* A BOM, if one is left in the text, is a code point like any other. */
  {
    g_autoptr(GlossAnchorText) bom = gloss_anchor_text_new ("\xEF\xBB\xBF" "Headline", -1);

    sel.quote = "Headline";
    sel.start = 1;
    sel.end = 9;
    g_assert_cmpint (gloss_anchor_locate (bom, &sel, &start, &end), ==, GLOSS_ANCHOR_ANCHORED);
  }
}

static void
test_unicode (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (unicode_cases); i++)
    {
      const UnicodeCase *c = &unicode_cases[i];
      g_autofree char *v1 = g_strconcat (c->before, c->quote, c->after, NULL);
      g_autofree char *v2 = g_strconcat ("Editor’s note: 🙂 updated.\r\n", c->before, c->quote, c->after, NULL);
      g_autofree char *damaged = NULL;
      g_autofree char *v3 = NULL;
      Annotation a = { 0, };
      gunichar *chars;
      glong n;

      g_test_message ("case %s", c->name);
      annotate (&a, v1, c->quote, 0);

      /* In place, then moved. */
      assert_located (v1, &a, GLOSS_ANCHOR_ANCHORED, c->quote, 0);
      assert_located (v2, &a, GLOSS_ANCHOR_MOVED, c->quote, 0);

      /* The stored quote had one code point replaced in its middle: the
       * text still holds the original, which must be found exactly. */
      chars = g_utf8_to_ucs4_fast (c->quote, -1, &n);
      chars[n / 2] = chars[n / 2] == 'x' ? 'y' : 'x';
      damaged = g_ucs4_to_utf8 (chars, n, NULL, NULL, NULL);
      g_free (chars);
      g_free (a.quote);
      a.quote = g_steal_pointer (&damaged);
      a.selector.quote = a.quote;
      v3 = g_strconcat ("Correction appended at the top. ", v1, NULL);
      assert_located (v3, &a, GLOSS_ANCHOR_MOVED, c->quote, 0);

      annotation_clear (&a);
    }
}

static void
test_clusters_not_cut (void)
{
  /* Quoted precomposed, found decomposed: the best alignment leaves the
   * final combining mark out, but a match must not split a cluster. */
  const char *v2 = "Her re\u0301sume\u0301 listed three jobs.";
  Annotation a = { 0, };

  annotate (&a, "Her résumé listed three jobs.", "résumé", 0);
  assert_located (v2, &a, GLOSS_ANCHOR_MOVED, "re\u0301sume\u0301", 0);
  annotation_clear (&a);

  /* Decomposed at the start: the cheapest alignment begins at the
   * combining mark (é against ◌́ is one edit), inside the cluster. */
  annotate (&a, "Elle a quitté l’école publique en juin.", "école publique", 0);
  assert_located ("Elle a quitte\u0301 l’e\u0301cole publique en juin.", &a, GLOSS_ANCHOR_MOVED,
                  "e\u0301cole publique", 0);
  annotation_clear (&a);

  /* An emoji ZWJ sequence gained a skin tone at the end of the quote. */
  annotate (&a, "Reaction: great work 👩‍💻 said the editor.", "great work 👩‍💻", 0);
  assert_located ("Reaction: great work 👩🏽‍💻 said the editor.", &a, GLOSS_ANCHOR_MOVED,
                  "great work 👩🏽‍💻", 0);
  annotation_clear (&a);

  /* A flag changed: the match takes the whole new flag, not half. */
  annotate (&a, "Teams: the squad from 🇩🇪 arrived late.", "the squad from 🇩🇪", 0);
  assert_located ("Teams: the squad from 🇦🇹 arrived late.", &a, GLOSS_ANCHOR_MOVED,
                  "the squad from 🇦🇹", 0);
  annotation_clear (&a);

  /* Line endings converted from LF to CRLF inside the quote. */
  annotate (&a, "Intro\nfirst line of the poem\nsecond line of it\nOutro",
            "first line of the poem\nsecond line", 0);
  assert_located ("Intro\r\nfirst line of the poem\r\nsecond line of it\r\nOutro", &a,
                  GLOSS_ANCHOR_MOVED, "first line of the poem\r\nsecond line", 0);
  annotation_clear (&a);
}

/* ------------------------------------------------------------------ */
/* Long quotes (Myers' blocked form)                                    */

static void
test_long_quote (void)
{
  g_autoptr(GString) v1 = g_string_new ("Preamble. ");
  g_autoptr(GString) v2 = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *expected = NULL;
  Annotation a = { 0, };
  gunichar *chars;
  glong n, start;
  const glong typos[] = { 0, 63, 64, 127, 128, 150 };

  /* 200 code points of varied text, with non-ASCII in it. */
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (v1, "w%uç ", g_rand_int_range (rand, 0, 1000));
  g_string_append (v1, "Epilogue.");
  n = g_utf8_strlen (v1->str, -1);
  start = 10;
  annotate_span (&a, v1->str, start, n - 9);
  g_assert_cmpint (g_utf8_strlen (a.quote, -1), >, 150);

  /* Typos at the block edges of the 64-row words, a shift in front. */
  chars = g_utf8_to_ucs4_fast (a.quote, -1, &n);
  for (guint i = 0; i < G_N_ELEMENTS (typos); i++)
    chars[typos[i]] = 'Z';
  expected = g_ucs4_to_utf8 (chars, n, NULL, NULL, NULL);
  g_free (chars);
  v2 = g_string_new ("A new first sentence. ");
  g_string_append_printf (v2, "Preamble. %sEpilogue.", expected);

  assert_located (v2->str, &a, GLOSS_ANCHOR_MOVED, expected, 0);
  annotation_clear (&a);
}

/* A 2,000-code-point quote in a large text, far from its old place, with
 * edits: must be found, and must not take a scan of text × quote. */
static void
test_long_quote_large_text (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autofree char *quote = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(GlossAnchorText) at = NULL;
  GlossAnchorSelector sel = { 0, };
  GlossOffset start, end;
  glong q_start, q_len;
  gunichar *chars;
  glong n;

  while (text->len < 2 * 1024 * 1024)
    g_string_append_printf (text, "item %u of %u; ", g_rand_int (rand), g_rand_int (rand));
  q_start = 1500000;
  q_len = 2000;
  quote = slice (text->str, q_start, q_start + q_len);

  /* 40 substitutions spread over the quote, in the text. */
  chars = g_utf8_to_ucs4_fast (text->str, -1, &n);
  for (guint i = 0; i < 40; i++)
    chars[q_start + 25 + i * 49] = '#';
  edited = g_ucs4_to_utf8 (chars, n, NULL, NULL, NULL);
  g_free (chars);

  at = gloss_anchor_text_new (edited, -1);
  sel.start = 100;  /* far away */
  sel.end = 100 + q_len;
  sel.quote = quote;
  g_assert_cmpint (gloss_anchor_locate (at, &sel, &start, &end), ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpuint (start, ==, q_start);
  g_assert_cmpuint (end, ==, q_start + q_len);
}

/* ------------------------------------------------------------------ */
/* A realistic correction                                               */

typedef struct {
  const char      *quote;     /* in v1 */
  guint            nth;
  GlossAnchorState state;
  const char      *expected;  /* in v2; NULL: orphaned */
  guint            expected_nth;
} ArticleCase;

static const ArticleCase article_cases[] = {
  { "Kestrel Bay council delays tram extension", 0, GLOSS_ANCHOR_ANCHORED, "Kestrel Bay council delays tram extension", 0 },
  { "Zoë Marchetti", 0, GLOSS_ANCHOR_ANCHORED, "Zoë Marchetti", 0 },
  { "voted 9–4 on Monday night", 0, GLOSS_ANCHOR_MOVED, "voted 9–4 on Monday night", 0 },
  { "€38 million over its original budget", 0, GLOSS_ANCHOR_MOVED, "€38 million over its original budget", 0 },
  { "“a painful but necessary pause while we find out where the money went.”", 0, GLOSS_ANCHOR_MOVED,
    "“a painful but necessary pause while we find out where the money went.”", 0 },
  { "Hallam & Pryce", 0, GLOSS_ANCHOR_MOVED, "Hallam & Pryce", 0 },
  { "nearly twice as far as planned", 0, GLOSS_ANCHOR_MOVED, "nearly twice as far as planned", 0 },
  { "Residents were promised a tram by 2025.", 0, GLOSS_ANCHOR_MOVED, "Residents were promised a tram by 2026.", 0 },
  { "José Ñúñez", 0, GLOSS_ANCHOR_MOVED, "José Ñúñez", 0 },
  { "Half my customers walk in from the ferry.", 0, GLOSS_ANCHOR_MOVED, "Half my customers walk in from the ferry.", 0 },
  { "three in four European tram schemes exceed their initial budgets", 0, GLOSS_ANCHOR_MOVED,
    "three in four European tram schemes exceed their initial budgets", 0 },
  { "nobody tested the soil before the budjet was set", 0, GLOSS_ANCHOR_MOVED,
    "nobody tested the soil before the budget was set", 0 },
  { "promised to cover a third of the construction costs", 0, GLOSS_ANCHOR_ORPHANED, NULL, 0 },
  { "its offer remained on the table until the end of the financial year", 0, GLOSS_ANCHOR_ORPHANED, NULL, 0 },
  { "The regional government", 0, GLOSS_ANCHOR_ORPHANED, NULL, 0 },
  { "22 per cent", 0, GLOSS_ANCHOR_MOVED, "22 per cent", 0 },
  { "Hallam & Pryce", 1, GLOSS_ANCHOR_MOVED, "Hallam & Pryce", 1 },
  { "We have nothing to hide.", 0, GLOSS_ANCHOR_MOVED, "We have nothing to hide.", 0 },
  { "28 March", 0, GLOSS_ANCHOR_MOVED, "28 March", 0 },
};

static void
test_article_correction (void)
{
  g_autofree char *v1 = read_fixture ("anchor-article-v1.txt");
  g_autofree char *v2 = read_fixture ("anchor-article-v2.txt");
  g_autoptr(GlossAnchorText) at = gloss_anchor_text_new (v2, -1);
  glong v2_len = g_utf8_strlen (v2, -1);

  g_assert_cmpuint (count_occurrences (v1, "Hallam & Pryce"), ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (article_cases); i++)
    {
      const ArticleCase *c = &article_cases[i];
      Annotation a = { 0, };
      GlossOffset start, end;
      GlossAnchorState state;
      g_autofree char *found = NULL;

      g_test_message ("annotation %u: %s", i, c->quote);
      /* Each quote is unique in v1 unless the table says which one. */
      if (c->nth == 0)
        g_assert_cmpuint (count_occurrences (v1, c->quote), ==, 1 + (strcmp (c->quote, "Hallam & Pryce") == 0));
      annotate (&a, v1, c->quote, c->nth);

      state = gloss_anchor_locate (at, &a.selector, &start, &end);
      g_assert_cmpint (state, ==, c->state);
      g_assert_cmpuint (start, <, end);
      g_assert_cmpuint (end, <=, v2_len);

      if (c->expected != NULL)
        {
          glong want = find_nth (v2, c->expected, c->expected_nth);

          found = slice (v2, start, end);
          g_assert_cmpstr (found, ==, c->expected);
          g_assert_cmpint (start, ==, want);
        }
      else
        {
          g_assert_cmpuint (start, ==, MIN (a.selector.start, (GlossOffset) v2_len));
        }

      annotation_clear (&a);
    }
}

/* ------------------------------------------------------------------ */
/* Many annotations on a large generated text                           */

typedef struct {
  gsize       at;       /* code point offset in the old text */
  gsize       removed;  /* code points removed there */
  const char *inserted;
} Edit;

static const char *syllables[] = {
  "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "zen", "dor", "pel", "qua",
  "tri", "bel", "gos", "han", "jur", "kim", "lun", "mor", "nix", "ost", "pra",
  "rel", "sul", "tam", "ux", "vor", "wen", "yal", "zo", "fé", "ñu", "ø", "ß",
};

static void
generate_text (GRand   *rand,
               GString *out,
               gsize    bytes)
{
  while (out->len < bytes)
    {
      guint words = g_rand_int_range (rand, 6, 18);

      for (guint w = 0; w < words; w++)
        {
          guint n = g_rand_int_range (rand, 1, 4);

          for (guint s = 0; s < n; s++)
            g_string_append (out, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
          /* A little of everything the real texts have. */
          switch (g_rand_int_range (rand, 0, 60))
            {
            case 0: g_string_append (out, " 👩‍🔬"); break;
            case 1: g_string_append (out, " 东京"); break;
            case 2: g_string_append (out, " שלום"); break;
            case 3: g_string_append (out, "\r\n"); break;
            default: break;
            }
          g_string_append_c (out, w + 1 < words ? ' ' : '.');
        }
      g_string_append (out, g_rand_int_range (rand, 0, 5) == 0 ? "\n\n" : " ");
    }
}

static void
test_many (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240314);
  g_autoptr(GString) old_text = g_string_new (NULL);
  g_autoptr(GString) new_text = g_string_new (NULL);
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (Edit));
  g_autoptr(GlossAnchorText) at = NULL;
  g_autofree gunichar *old_chars = NULL;
  g_autofree gunichar *new_chars = NULL;
  glong old_n, new_n;
  gsize next_free = 0;
  guint counts[3] = { 0, };
  guint n_unaffected = 0, n_typo = 0, n_deleted = 0;
  const guint n_annotations = 20000;

  generate_text (rand, old_text, 1024 * 1024);
  old_chars = g_utf8_to_ucs4_fast (old_text->str, -1, &old_n);

  /* Edits in ascending order, well apart: sentences inserted, single code
   * point typos fixed, and stretches deleted. */
  while (TRUE)
    {
      Edit e = { 0, };
      guint kind = g_rand_int_range (rand, 0, 10);

      e.at = next_free + g_rand_int_range (rand, 100, 3000);
      if (kind < 3)
        e.inserted = "Inserted sentence with a 🇺🇦 flag. ";
      else if (kind < 8)
        {
          e.removed = 1;
          e.inserted = "§";
        }
      else
        {
          e.removed = g_rand_int_range (rand, 300, 3000);
          e.inserted = "";
        }
      if (e.at + e.removed + 100 >= (gsize) old_n)
        break;
      g_array_append_val (edits, e);
      next_free = e.at + e.removed;
    }

  {
    gsize pos = 0;

    for (guint i = 0; i < edits->len; i++)
      {
        const Edit *e = &g_array_index (edits, Edit, i);
        g_autofree char *kept = g_ucs4_to_utf8 (old_chars + pos, e->at - pos, NULL, NULL, NULL);

        g_string_append (new_text, kept);
        g_string_append (new_text, e->inserted);
        pos = e->at + e->removed;
      }
    g_string_append (new_text, g_utf8_offset_to_pointer (old_text->str, pos));
  }
  new_chars = g_utf8_to_ucs4_fast (new_text->str, -1, &new_n);
  at = gloss_anchor_text_new (new_text->str, new_text->len);

  for (guint i = 0; i < n_annotations; i++)
    {
      Annotation a = { 0, };
      gsize start = g_rand_int_range (rand, 0, old_n - 100);
      gsize end = start + g_rand_int_range (rand, 12, 90);
      gssize delta = 0;
      const Edit *hit = NULL;
      guint n_hits = 0;
      GlossOffset got_start, got_end;
      GlossAnchorState state;

      annotate_chars (&a, old_chars, old_n, start, end);

      /* Where should it be? Shift by the edits before it (an insertion at
       * its start is before it); note the edits inside it. */
      for (guint k = 0; k < edits->len; k++)
        {
          const Edit *e = &g_array_index (edits, Edit, k);

          if (e->removed == 0 ? e->at <= start : e->at + e->removed <= start)
            delta += (gssize) g_utf8_strlen (e->inserted, -1) - (gssize) e->removed;
          else if (e->at < end)
            {
              hit = e;
              n_hits++;
            }
          else
            break;
        }

      state = gloss_anchor_locate (at, &a.selector, &got_start, &got_end);
      counts[state]++;
      g_assert_cmpuint (got_end, <=, new_n);
      g_assert_cmpuint (got_start, <, got_end);

      if (n_hits == 0)
        {
          /* Untouched: exactly where the shift puts it. */
          n_unaffected++;
          g_assert_cmpint (got_start, ==, (gssize) start + delta);
          g_assert_cmpint (got_end, ==, (gssize) end + delta);
          g_assert_cmpint (state, ==, delta == 0 ? GLOSS_ANCHOR_ANCHORED : GLOSS_ANCHOR_MOVED);
        }
      else if (n_hits == 1 && hit->removed == 1 && *hit->inserted != '\0')
        {
          /* One fixed typo inside: found, same length, by approximation. */
          n_typo++;
          g_assert_cmpint (state, ==, GLOSS_ANCHOR_MOVED);
          g_assert_cmpint (got_start, ==, (gssize) start + delta);
          g_assert_cmpint (got_end, ==, (gssize) end + delta);
          g_assert_true (new_chars[hit->at + delta] == 0xA7);
        }
      else if (n_hits == 1 && hit->removed > 1 && hit->at <= start && end <= hit->at + hit->removed)
        {
          /* Deleted with its stretch. Only an exact copy elsewhere (the
           * generated words repeat) may claim it. */
          n_deleted++;
          if (state != GLOSS_ANCHOR_ORPHANED)
            {
              g_autofree char *found = g_ucs4_to_utf8 (new_chars + got_start, got_end - got_start,
                                                       NULL, NULL, NULL);

              g_assert_cmpint (state, ==, GLOSS_ANCHOR_MOVED);
              g_assert_cmpstr (found, ==, a.quote);
            }
        }

      annotation_clear (&a);
    }

  g_test_message ("%u anchored, %u moved, %u orphaned; checked %u untouched, %u typos, %u deleted",
                  counts[0], counts[1], counts[2], n_unaffected, n_typo, n_deleted);
  /* The draw must actually have exercised every path. */
  g_assert_cmpuint (counts[GLOSS_ANCHOR_ANCHORED], >, 0);
  g_assert_cmpuint (n_unaffected, >, n_annotations / 2);
  g_assert_cmpuint (n_typo, >, 100);
  g_assert_cmpuint (n_deleted, >, 10);
  g_assert_cmpuint (counts[GLOSS_ANCHOR_ORPHANED], >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/anchor/anchored", test_anchored);
  g_test_add_func ("/gloss/anchor/exact/context", test_exact_disambiguated_by_context);
  g_test_add_func ("/gloss/anchor/exact/nearest", test_exact_nearest);
  g_test_add_func ("/gloss/anchor/approximate/typo", test_approximate_typo);
  g_test_add_func ("/gloss/anchor/approximate/thresholds", test_approximate_thresholds);
  g_test_add_func ("/gloss/anchor/orphaned", test_orphaned);
  g_test_add_func ("/gloss/anchor/degenerate", test_empty_and_degenerate);
  g_test_add_func ("/gloss/anchor/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/gloss/anchor/unicode/code-points", test_unicode_offsets_are_code_points);
  g_test_add_func ("/gloss/anchor/unicode/cases", test_unicode);
  g_test_add_func ("/gloss/anchor/unicode/clusters", test_clusters_not_cut);
  g_test_add_func ("/gloss/anchor/long-quote", test_long_quote);
  g_test_add_func ("/gloss/anchor/long-quote-large-text", test_long_quote_large_text);
  g_test_add_func ("/gloss/anchor/article", test_article_correction);
  g_test_add_func ("/gloss/anchor/many", test_many);

  return g_test_run ();
}
