/* gloss-text.h — short, safe, searchable forms of the user's text for the panels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @text on one line (runs of white space become one space), cut to
 * @max_chars code points with an ellipsis. */
char            *gloss_text_one_line                    (const char         *text,
                                                         guint               max_chars);
/* @text on one line, cut at a word boundary near @max_chars code points
 * with an ellipsis (no comma or blank before it). */
char            *gloss_text_excerpt                     (const char         *text,
                                                         guint               max_chars);
/* gloss_text_excerpt () in quotation marks, unless it begins with one of
 * its own (a quotation is not quoted twice). */
char            *gloss_text_quoted_excerpt              (const char         *text,
                                                         guint               max_chars);
/* @text between a first-strong isolate and its pop, so that bidi controls
 * inside untrusted text cannot reorder the text around it. */
char            *gloss_text_isolate                     (const char         *text);

/* @text normalised and case-folded, for case-insensitive search. */
char            *gloss_text_fold                        (const char         *text);
/* Whether @haystack contains @folded_needle (from gloss_text_fold()). */
gboolean         gloss_text_contains                    (const char         *haystack,
                                                         const char         *folded_needle);

G_END_DECLS
