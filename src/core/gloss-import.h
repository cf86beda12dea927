/* gloss-import.h — bringing articles and brat standoff into a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/* What an import brought in, and every line it could not use. */
typedef struct {
  guint      documents;
  guint      annotations;
  guint      notes;
  guint      attributes;
  guint      relations;
  guint      events;
  GPtrArray *messages;   /* char*: "file:line: what happened" */
} GlossImportReport;

GlossImportReport *gloss_import_report_new     (void);
void               gloss_import_report_free    (GlossImportReport *report);
/* "1 document, 42 annotations, 3 notes, …" */
char              *gloss_import_report_summary (GlossImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossImportReport, gloss_import_report_free)

/* Decodes article bytes: UTF-8 (a BOM is dropped), UTF-16 LE/BE with a BOM;
 * anything else is refused naming @display_name. Text is otherwise kept
 * exactly, CRLF included. */
char              *gloss_decode_text           (GBytes       *bytes,
                                                const char   *display_name,
                                                GError      **error);

/* A .txt or .md file as a new document (not yet in a project). */
GlossDocument     *gloss_import_text_file      (GFile        *file,
                                                GError      **error);

/* Whether @file is named as an article (a document of its own), which
 * gloss_import_read_article () reads; brat .ann files are not. */
gboolean           gloss_import_is_article     (GFile        *file);
/* An article file as a new document with its provenance, not yet in a
 * project, so that the caller can look for a duplicate first
 * (gloss_project_find_duplicate ()). */
GlossDocument     *gloss_import_read_article   (GFile        *file,
                                                GError      **error);
/* Adds a document gloss_import_read_article () made, as one undoable
 * step named like an import. */
void               gloss_import_add_article    (GlossProject *project,
                                                GlossDocument *article);

/* Imports any supported file into @project as one undoable step:
 * .txt/.md/.markdown (text) or .ann (brat, with the .txt beside it). */
gboolean           gloss_import_file           (GlossProject *project,
                                                GFile        *file,
                                                GlossImportReport *report,
                                                GError      **error);

/* brat standoff: @ann_file and its @txt_file. */
gboolean           gloss_import_brat           (GlossProject *project,
                                                GFile        *ann_file,
                                                GFile        *txt_file,
                                                GlossImportReport *report,
                                                GError      **error);

G_END_DECLS
