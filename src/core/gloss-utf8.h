/* gloss-utf8.h — counting code points in valid UTF-8, fast
 *
 * Offsets in Gloss are code points. These are the few loops every part of
 * the core needs over long texts: how many characters, where the n-th
 * starts, and a byte's line and column for messages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/* Whether @size bytes are valid UTF-8 without NUL; *@end is the first bad
 * byte (or the end). The answer of g_utf8_validate_len (), faster on text
 * that is mostly ASCII. */
gboolean     gloss_utf8_validate     (const char  *data,
                                      gsize        size,
                                      const char **end);
/* The characters in @size bytes of valid UTF-8. */
GlossOffset  gloss_utf8_count        (const char *text,
                                      gsize       size);
/* The start of the character @n characters after @p (the start of one),
 * or @end when the text ends first. */
const char  *gloss_utf8_skip         (const char *p,
                                      const char *end,
                                      guint       n);
/* The line and column (both from 1, the column in characters) of byte
 * @offset in @data, whose bytes before @offset are valid UTF-8. */
void         gloss_utf8_line_column  (const char *data,
                                      gsize       offset,
                                      guint      *line,
                                      guint      *column);

G_END_DECLS
