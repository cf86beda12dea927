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

/* What an article that is not UTF-8 is read as, when nobody says. */
#define GLOSS_LEGACY_ENCODING "WINDOWS-1252"

/* An article's bytes as text: in @encoding when one is named (an iconv
 * name; "UTF-8" is read strictly), else as _gloss_decode_text_full ()
 * does, except that with @guessed, bytes that look like legacy 8-bit
 * text are read as GLOSS_LEGACY_ENCODING, which *@guessed then names. */
char          *_gloss_decode_article       (GBytes      *bytes,
                                            const char  *display_name,
                                            const char  *encoding,
                                            gboolean    *had_bom,
                                            char       **guessed,
                                            GError     **error);

/* gloss_import_text_file () reading @encoding (NULL: guess), its remarks
 * in @report (may be NULL). */
GlossDocument *_gloss_import_text_file_full (GFile             *file,
                                             const char        *encoding,
                                             GlossImportReport *report,
                                             GError           **error);

/* The first non-empty line, trimmed (Markdown: without its '#' marks),
 * or NULL when the text has none. */
char          *_gloss_import_title_from_text (const char *text,
                                            gboolean     markdown);

/* Reads @file as an article (size limit, decoding, refusing an empty file)
 * and makes a document with its title, source, import time and the
 * provenance a file gives (its name and the SHA-256 of its bytes). Text
 * is read in @encoding when named; else, with @guess_legacy, legacy
 * 8-bit text is read as GLOSS_LEGACY_ENCODING and @report says so. */
GlossDocument *_gloss_import_read_document (GFile             *file,
                                            gboolean           markdown,
                                            const char        *encoding,
                                            gboolean           guess_legacy,
                                            GlossImportReport *report,
                                            gboolean          *had_bom,
                                            GError           **error);

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

/* Adds what the analyst should check about @file, which is no problem
 * (the import went through): "harbour.txt: it was not saved as UTF-8…". */
void           _gloss_import_report_remark (GlossImportReport *report,
                                            const char  *file,
                                            const char  *text);

G_END_DECLS
