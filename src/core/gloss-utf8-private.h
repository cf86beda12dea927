/* gloss-utf8-private.h — eight bytes at a time, for gloss-utf8.c and the
 * offset table
 *
 * Counting characters is counting the bytes that start one (those not of
 * the form 10xxxxxx), and texts are long.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include <glib.h>

#define GLOSS_UTF8_ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define GLOSS_UTF8_HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

static inline guint64
gloss_utf8_load_word (const char *p)
{
  guint64 word;

  memcpy (&word, p, sizeof word);
  return word;
}

/* Bytes of @word that start a character. */
static inline guint
gloss_utf8_count_leads (guint64 word)
{
  guint64 leads = ((~word >> 7) | (word >> 6)) & GLOSS_UTF8_ONES;

  return (guint) ((leads * GLOSS_UTF8_ONES) >> 56);
}

/* Bytes of @word that start a four-byte sequence (a code point outside the
 * BMP, two UTF-16 units). */
static inline guint
gloss_utf8_count_four_byte_leads (guint64 word)
{
  guint64 fours = ((word & (word << 1) & (word << 2) & (word << 3)) >> 7) & GLOSS_UTF8_ONES;

  return (guint) ((fours * GLOSS_UTF8_ONES) >> 56);
}

/* Whether a byte of @word is one a JSON string must escape: a control
 * character, '"' or '\\'. The classic test for a zero byte, on the word
 * and on its copies with the quote and the backslash cleared; bytes of
 * 0x80 and above never match. The scanner and the writer pass over the
 * plain runs of a string with it, eight bytes at a time. */
static inline gboolean
gloss_utf8_word_needs_json_escape (guint64 word)
{
  const guint64 ones = GLOSS_UTF8_ONES;
  guint64 quote = word ^ (ones * '"');
  guint64 backslash = word ^ (ones * '\\');
  guint64 control = (word - ones * 0x20) & ~word;

  return ((((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | control) &
          GLOSS_UTF8_HIGHS) != 0;
}
