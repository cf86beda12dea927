/* gloss-brat-offsets.h — Gloss offsets and brat's, where a CRLF counts as one character
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Gloss counts the code points of a text as stored, CRLF as two. brat reads
 * its .txt with universal newlines (a CRLF is one character), and the
 * exporter writes each CRLF as LF; both sides of brat therefore count one.
 * The importer and the exporter share this one mapping.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _GlossBratOffsets GlossBratOffsets;

/* Finds the CRLFs of @text (UTF-8). */
GlossBratOffsets *_gloss_brat_offsets_new       (const char             *text);
void              _gloss_brat_offsets_free      (GlossBratOffsets       *self);
gboolean          _gloss_brat_offsets_has_crlf  (const GlossBratOffsets *self);
/* A Gloss offset as brat counts it: each CRLF before it loses its CR. An
 * offset between a CR and its LF maps where the CRLF begins. */
guint             _gloss_brat_offsets_to_brat   (const GlossBratOffsets *self,
                                                 guint                   offset);
/* A brat offset (CRLF as one) as a Gloss offset (CRLF as two). */
guint             _gloss_brat_offsets_from_brat (const GlossBratOffsets *self,
                                                 guint                   offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossBratOffsets, _gloss_brat_offsets_free)

G_END_DECLS
