/* gloss-import-private.h — what the importers share among themselves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-import.h"

G_BEGIN_DECLS

/* Titles longer than this (code points) are cut at a word. */
#define GLOSS_IMPORT_TITLE_LENGTH 80

/* gloss_decode_text(), also telling whether a byte order mark was dropped:
 * brat counts a UTF-8 BOM as the first character, Gloss does not. */
char          *_gloss_decode_text_full     (GBytes      *bytes,
                                            const char  *display_name,
                                            gboolean    *had_bom,
                                            GError     **error);

/* The first non-empty line, trimmed (Markdown: without its '#' marks),
 * or NULL when the text has none. */
char          *_gloss_import_title_from_text (const char *text,
                                            gboolean     markdown);

/* Reads @file as an article (size limit, decoding, refusing an empty file)
 * and makes a document with its title, source, import time and the
 * provenance a file gives (its name and the SHA-256 of its bytes). */
GlossDocument *_gloss_import_read_document (GFile       *file,
                                            gboolean     markdown,
                                            gboolean    *had_bom,
                                            GError     **error);

/* The name messages use for @file: its basename, for display. */
char          *_gloss_import_display_name  (GFile       *file);
/* The name a provenance records for @file: its basename, for display,
 * without any folder. */
char          *_gloss_import_file_name     (GFile       *file);

void           _gloss_import_report_add    (GlossImportReport *report,
                                            const char  *file,
                                            guint        line,
                                            const char  *format,
                                            ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
