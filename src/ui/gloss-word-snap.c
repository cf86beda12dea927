/* gloss-word-snap.c — where a selection's ends go when it snaps to words
 *
 * Words and grapheme clusters are Pango's (the same the text view's
 * double click and cursor movement use), so CJK, Thai, combining marks,
 * emoji and ZWJ sequences follow the Unicode rules rather than ours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <pango/pango.h>

#include "gloss-word-snap.h"

struct _GlossWordSnap
{
  glong         n_chars;
  gunichar     *chars;    /* n_chars */
  PangoLogAttr *attrs;    /* n_chars + 1: one per boundary */
  gboolean     *in_word;  /* n_chars */
};

/* How far past a quotation mark's partner the other end may be: the
 * punctuation between them (“a good basis.” — the full stop). */
#define MAX_PUNCTUATION_BEFORE_QUOTE 3

GlossWordSnap *
gloss_word_snap_new (const char *text,
                     gssize      length)
{
  GlossWordSnap *self = g_new0 (GlossWordSnap, 1);
  gboolean inside = FALSE;

  if (length < 0)
    length = strlen (text);
  self->chars = g_utf8_to_ucs4_fast (text, length, &self->n_chars);
  self->attrs = g_new0 (PangoLogAttr, self->n_chars + 1);
  pango_get_log_attrs (text, length, -1, pango_language_get_default (),
                       self->attrs, self->n_chars + 1);
  self->in_word = g_new0 (gboolean, MAX (self->n_chars, 1));
  for (glong i = 0; i < self->n_chars; i++)
    {
      if (self->attrs[i].is_word_end)
        inside = FALSE;
      if (self->attrs[i].is_word_start)
        inside = TRUE;
      self->in_word[i] = inside;
    }
  return self;
}

void
gloss_word_snap_free (GlossWordSnap *self)
{
  if (self == NULL)
    return;
  g_free (self->chars);
  g_free (self->attrs);
  g_free (self->in_word);
  g_free (self);
}

glong
gloss_word_snap_get_length (GlossWordSnap *self)
{
  return self->n_chars;
}

/* ---- facts ---- */

static gboolean
is_blank (GlossWordSnap *self,
          glong          i)
{
  return i >= 0 && i < self->n_chars && self->attrs[i].is_white;
}

static gboolean
in_word (GlossWordSnap *self,
         glong          i)
{
  return i >= 0 && i < self->n_chars && self->in_word[i];
}

/* The boundary before the word holding character @i. */
static glong
word_start (GlossWordSnap *self,
            glong          i)
{
  while (i > 0 && !self->attrs[i].is_word_start)
    i--;
  return i;
}

/* The boundary after the word holding character @i. */
static glong
word_end (GlossWordSnap *self,
          glong          i)
{
  i++;
  while (i < self->n_chars && !self->attrs[i].is_word_end)
    i++;
  return i;
}

static glong
cluster_start (GlossWordSnap *self,
               glong          b)
{
  while (b > 0 && !self->attrs[b].is_cursor_position)
    b--;
  return b;
}

static glong
cluster_end (GlossWordSnap *self,
             glong          b)
{
  while (b < self->n_chars && !self->attrs[b].is_cursor_position)
    b++;
  return b;
}

/* ---- quotation marks ---- */

typedef struct {
  gunichar open;
  gunichar close;
} QuotePair;

/* “English”, „German“, „Polish”, «French», ‹single›, 「Japanese」, "straight". */
static const QuotePair quote_pairs[] = {
  { 0x201C, 0x201D },
  { 0x201E, 0x201C },
  { 0x201E, 0x201D },
  { 0x00AB, 0x00BB },
  { 0x2039, 0x203A },
  { 0x300C, 0x300D },
  { 0x300E, 0x300F },
  { '"', '"' },
};

static gboolean
is_opening_quote (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (quote_pairs); i++)
    if (quote_pairs[i].open == c)
      return TRUE;
  return FALSE;
}

static gboolean
is_closing_quote (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (quote_pairs); i++)
    if (quote_pairs[i].close == c)
      return TRUE;
  return FALSE;
}

static gboolean
quotes_pair (gunichar open,
             gunichar close)
{
  for (guint i = 0; i < G_N_ELEMENTS (quote_pairs); i++)
    if (quote_pairs[i].open == open && quote_pairs[i].close == close)
      return TRUE;
  return FALSE;
}

/* Whether [start, end) holds a closing partner of the opening mark at
 * @start (straight marks: an odd count means the first has none). */
static gboolean
has_partner_inside (GlossWordSnap *self,
                    glong          start,
                    glong          end)
{
  gunichar open = self->chars[start];
  guint straight = 0;

  if (open == '"')
    {
      for (glong i = start; i < end; i++)
        straight += self->chars[i] == '"';
      return straight % 2 == 0;
    }
  for (glong i = start + 1; i < end; i++)
    if (quotes_pair (open, self->chars[i]))
      return TRUE;
  return FALSE;
}

static gboolean
has_opener_inside (GlossWordSnap *self,
                   glong          start,
                   glong          end)
{
  gunichar close = self->chars[end - 1];
  guint straight = 0;

  if (close == '"')
    {
      for (glong i = start; i < end; i++)
        straight += self->chars[i] == '"';
      return straight % 2 == 0;
    }
  for (glong i = start; i < end - 1; i++)
    if (quotes_pair (self->chars[i], close))
      return TRUE;
  return FALSE;
}

static gboolean
is_punctuation (GlossWordSnap *self,
                glong          i)
{
  return i >= 0 && i < self->n_chars && !self->in_word[i] && !self->attrs[i].is_white;
}

/* A selection that starts on an opening mark ends on its partner, and one
 * that ends on a closing mark starts on its partner; a mark whose partner
 * is not right there is left out. */
static void
balance_quotes (GlossWordSnap *self,
                glong         *start,
                glong         *end)
{
  if (*end - *start >= 1 && is_opening_quote (self->chars[*start]) &&
      !has_partner_inside (self, *start, *end))
    {
      glong b = *end;
      gboolean found = FALSE;

      for (int n = 0; n <= MAX_PUNCTUATION_BEFORE_QUOTE && is_punctuation (self, b); n++, b++)
        if (quotes_pair (self->chars[*start], self->chars[b]))
          {
            *end = b + 1;
            found = TRUE;
            break;
          }
      if (!found)
        {
          *start = cluster_end (self, *start + 1);
          while (*start < *end && is_blank (self, *start))
            (*start)++;
        }
    }

  if (*end - *start >= 1 && is_closing_quote (self->chars[*end - 1]) &&
      !has_opener_inside (self, *start, *end))
    {
      glong b = *start - 1;
      gboolean found = FALSE;

      for (int n = 0; n <= MAX_PUNCTUATION_BEFORE_QUOTE && is_punctuation (self, b); n++, b--)
        if (quotes_pair (self->chars[b], self->chars[*end - 1]))
          {
            *start = b;
            found = TRUE;
            break;
          }
      if (!found)
        {
          *end = cluster_start (self, *end - 1);
          while (*end > *start && is_blank (self, *end - 1))
            (*end)--;
        }
    }
}

/* ---- the mouse ---- */

static glong
snap_first (GlossWordSnap      *self,
            const GlossSnapEnd *first)
{
  glong b;

  if (first->hit < 0 || first->hit >= self->n_chars)
    {
      b = CLAMP (first->boundary, 0, self->n_chars);
      if (b < self->n_chars && in_word (self, b) && !self->attrs[b].is_word_start)
        b = word_start (self, b);
    }
  else if (in_word (self, first->hit))
    b = word_start (self, first->hit);
  else if (is_blank (self, first->hit) || first->trailing)
    b = cluster_end (self, first->hit + 1);
  else
    b = cluster_start (self, first->hit);

  while (is_blank (self, b))
    b++;
  return cluster_start (self, b);
}

static glong
snap_last (GlossWordSnap      *self,
           const GlossSnapEnd *last)
{
  glong b;

  if (last->hit < 0 || last->hit >= self->n_chars)
    {
      b = CLAMP (last->boundary, 0, self->n_chars);
      if (b > 0 && in_word (self, b - 1) && !self->attrs[b].is_word_end)
        b = word_end (self, b - 1);
    }
  else if (in_word (self, last->hit))
    b = word_end (self, last->hit);
  else if (is_blank (self, last->hit) || !last->trailing)
    b = cluster_start (self, last->hit);
  else
    b = cluster_end (self, last->hit + 1);

  while (b > 0 && is_blank (self, b - 1))
    b--;
  return cluster_end (self, b);
}

gboolean
gloss_word_snap_pointer (GlossWordSnap      *self,
                         const GlossSnapEnd *first,
                         const GlossSnapEnd *last,
                         glong              *start,
                         glong              *end)
{
  glong a, b;

  g_return_val_if_fail (self != NULL, FALSE);

  a = snap_first (self, first);
  b = snap_last (self, last);
  if (a < b)
    balance_quotes (self, &a, &b);
  if (a >= b)
    return FALSE;
  *start = a;
  *end = b;
  return TRUE;
}

/* ---- the keyboard ---- */

/* From boundary @b forwards: over blanks, then to the end of a word or
 * over one cluster of anything else. */
static glong
step_forward (GlossWordSnap *self,
              glong          b)
{
  while (is_blank (self, b))
    b++;
  if (b >= self->n_chars)
    return self->n_chars;
  if (in_word (self, b))
    return word_end (self, b);
  return cluster_end (self, b + 1);
}

static glong
step_backward (GlossWordSnap *self,
               glong          b)
{
  while (b > 0 && is_blank (self, b - 1))
    b--;
  if (b <= 0)
    return 0;
  if (in_word (self, b - 1))
    return word_start (self, b - 1);
  return cluster_start (self, b - 1);
}

/* Whether boundary @b cuts a word in two. */
static gboolean
splits_word (GlossWordSnap *self,
             glong          b)
{
  return b > 0 && b < self->n_chars && in_word (self, b - 1) && in_word (self, b) &&
         !self->attrs[b].is_word_start && !self->attrs[b].is_word_end;
}

void
gloss_word_snap_keyboard (GlossWordSnap *self,
                          glong         *anchor,
                          glong          before,
                          glong         *moved)
{
  glong b;

  g_return_if_fail (self != NULL);

  b = CLAMP (*moved, 0, self->n_chars);
  if (b == *anchor)
    return;

  /* A selection just begun inside a word takes the whole of it. */
  if (before == *anchor && splits_word (self, *anchor))
    *anchor = b > *anchor ? word_start (self, *anchor) : word_end (self, *anchor - 1);

  if (b > *anchor && b > before)
    {
      /* Growing forwards. */
      if (splits_word (self, b))
        b = word_end (self, b);
      else if (is_blank (self, b - 1))
        b = step_forward (self, b);
    }
  else if (b < *anchor && b < before)
    {
      /* Growing backwards. */
      if (splits_word (self, b))
        b = word_start (self, b);
      else if (is_blank (self, b))
        b = step_backward (self, b);
    }
  else if (b < *anchor)
    {
      /* The start gives back words: it goes to the next word. */
      if (splits_word (self, b))
        b = word_end (self, b);
      while (b < *anchor && is_blank (self, b))
        b++;
    }
  else
    {
      /* The end gives back words. */
      if (splits_word (self, b))
        b = word_start (self, b);
      while (b > *anchor && is_blank (self, b - 1))
        b--;
    }
  *moved = b;
}
