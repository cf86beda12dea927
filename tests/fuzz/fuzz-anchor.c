/* fuzz-anchor.c — libFuzzer target for gloss_anchor_locate()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Input: 2 bytes old start and 2 bytes old end (little endian), 1 byte of
 * flags, then text NUL quote NUL prefix NUL suffix (missing parts are
 * NULL). Flag bit 0 passes the text through as raw bytes (invalid UTF-8
 * included); otherwise it is made valid first, which allows exact checks.
 *
 * Build (from the top of the tree):
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc/core \
 *     $(pkg-config --cflags glib-2.0 gobject-2.0) \
 *     tests/fuzz/fuzz-anchor.c src/core/gloss-anchor.c \
 *     $(pkg-config --libs glib-2.0 gobject-2.0) -o fuzz-anchor
 *   ./fuzz-anchor -max_len=4096 tests/fuzz/corpus/anchor
 */
#include <stdint.h>
#include <string.h>

#include "gloss-anchor.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* The next NUL-terminated part of @data from *@offset, or NULL once the
 * input has run out. */
static char *
next_part (const uint8_t *data,
           size_t         size,
           size_t        *offset)
{
  const uint8_t *nul;
  size_t len;

  if (*offset > size)
    return NULL;

  nul = memchr (data + *offset, 0, size - *offset);
  len = nul != NULL ? (size_t) (nul - (data + *offset)) : size - *offset;
  *offset += len + 1;
  return g_strndup ((const char *) data + *offset - len - 1, len);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  size_t offset = 5;
  g_autoptr(GlossAnchorText) text = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  GlossAnchorSelector sel = { 0, };
  GlossOffset start = G_MAXUINT, end_out = G_MAXUINT;
  GlossAnchorState state;
  gboolean raw_text;
  gsize text_len;
  gsize n;

  if (size < 5)
    return 0;

  sel.start = data[0] | (data[1] << 8);
  sel.end = data[2] | (data[3] << 8);
  raw_text = (data[4] & 1) != 0;

  /* The text ends at the first NUL, like the other parts. */
  raw = next_part (data, size, &offset);
  text_len = strlen (raw);
  if (raw_text)
    {
      text = gloss_anchor_text_new (raw, text_len);
      n = text_len;  /* an upper bound: never more code points than bytes */
    }
  else
    {
      valid = g_utf8_make_valid (raw, text_len);
      text = gloss_anchor_text_new (valid, -1);
      n = g_utf8_strlen (valid, -1);
    }

  quote = next_part (data, size, &offset);
  prefix = next_part (data, size, &offset);
  suffix = next_part (data, size, &offset);
  sel.quote = quote;
  sel.prefix = prefix;
  sel.suffix = suffix;

  state = gloss_anchor_locate (text, &sel, &start, &end_out);

  g_assert_true (state == GLOSS_ANCHOR_ANCHORED ||
                 state == GLOSS_ANCHOR_MOVED ||
                 state == GLOSS_ANCHOR_ORPHANED);
  g_assert_cmpuint (start, <=, end_out);
  g_assert_cmpuint (end_out, <=, n);

  if (!raw_text)
    {
      /* Never empty in a non-empty text. */
      if (n > 0)
        g_assert_cmpuint (start, <, end_out);
      else
        g_assert_cmpuint (end_out, ==, 0);

      if (state == GLOSS_ANCHOR_ANCHORED)
        {
          g_assert_cmpuint (start, ==, sel.start);
          g_assert_cmpuint (end_out, ==, sel.end);
        }

      /* A quote that occurs exactly is found exactly (step 2 before 3). */
      if (quote != NULL && *quote != '\0' && g_utf8_validate (quote, -1, NULL) &&
          strstr (valid, quote) != NULL)
        {
          const char *a = g_utf8_offset_to_pointer (valid, start);
          const char *b = g_utf8_offset_to_pointer (valid, end_out);

          g_assert_true (state != GLOSS_ANCHOR_ORPHANED);
          g_assert_cmpuint (b - a, ==, strlen (quote));
          g_assert_true (memcmp (a, quote, b - a) == 0);
        }
    }

  return 0;
}
