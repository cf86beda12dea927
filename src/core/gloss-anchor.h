/* gloss-anchor.h — finding an annotation's place again in changed text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-types.h"

G_BEGIN_DECLS

/* A text prepared for anchoring (its code points). Build it once and
 * locate every annotation of the document against it. */
typedef struct _GlossAnchorText GlossAnchorText;

GlossAnchorText *gloss_anchor_text_new   (const char      *utf8,
                                          gssize           length);
void             gloss_anchor_text_free  (GlossAnchorText *text);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAnchorText, gloss_anchor_text_free)

/* Where an annotation was, and what it said (UTF-8). */
typedef struct {
  GlossOffset  start;
  GlossOffset  end;
  const char  *quote;
  const char  *prefix;  /* nullable */
  const char  *suffix;  /* nullable */
} GlossAnchorSelector;

/* 1. the stored offsets, if the text there equals the quote: ANCHORED;
 * 2. else the exact occurrences of the quote, scored by prefix and suffix
 *    agreement and nearness to the old place: MOVED;
 * 3. else the best bounded approximate match: MOVED;
 * 4. else ORPHANED, and @out_start/@out_end keep the old place clamped to
 *    the text (start < end where the text is not empty). */
GlossAnchorState gloss_anchor_locate     (GlossAnchorText           *text,
                                          const GlossAnchorSelector *selector,
                                          GlossOffset               *out_start,
                                          GlossOffset               *out_end);

G_END_DECLS
