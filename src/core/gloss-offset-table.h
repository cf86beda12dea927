/* gloss-offset-table.h — code points to bytes and UTF-16 units, and back
 *
 * A table of checkpoints over a UTF-8 text: every 256 code points it
 * remembers the byte and UTF-16 offsets, so a conversion walks at most
 * that many characters. A document builds one when first asked (exports
 * and the view convert often; most loads never do).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "gloss-types.h"

G_BEGIN_DECLS

typedef struct _GlossOffsetTable GlossOffsetTable;

/* @text (valid UTF-8, @size bytes, @length characters) must outlive the
 * table: it is not copied. */
GlossOffsetTable *gloss_offset_table_new       (const char             *text,
                                                gsize                   size,
                                                GlossOffset             length);
void              gloss_offset_table_free      (GlossOffsetTable       *self);

/* Offsets past the end give the end. A byte inside a character counts as
 * that character. */
gsize             gloss_offset_table_to_byte   (const GlossOffsetTable *self,
                                                GlossOffset             offset);
gsize             gloss_offset_table_to_utf16  (const GlossOffsetTable *self,
                                                GlossOffset             offset);
GlossOffset       gloss_offset_table_from_byte (const GlossOffsetTable *self,
                                                gsize                   byte);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossOffsetTable, gloss_offset_table_free)

G_END_DECLS
