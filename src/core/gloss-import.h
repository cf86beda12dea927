/* gloss-import.h — bringing articles and brat standoff into a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/* How the annotations of a web annotation file (W3C, Hypothesis) found
 * their places in one document. */
typedef struct {
  char  *document;   /* its title */
  guint  exact;      /* where the file said, or on their quote alone */
  guint  moved;      /* their quote found elsewhere, or approximately */
  guint  orphaned;   /* no place found: kept for the analyst to place */
} GlossImportPlacement;

/* "Talks stall: 12 anchored exactly, 2 moved, 1 orphaned" */
char              *gloss_import_placement_describe (const GlossImportPlacement *placement);

/* What an import brought in, and every line it could not use. */
typedef struct {
  guint      documents;
  guint      annotations;
  guint      notes;
  guint      attributes;
  guint      relations;
  guint      events;
  guint      replies;
  guint      unplaced;    /* on documents not in the project: not imported */
  GPtrArray *messages;    /* char*: "file:line: what happened" */
  GPtrArray *remarks;     /* char*: "file: what to check", no problem (a guessed encoding) */
  GPtrArray *placements;  /* GlossImportPlacement*, one per document */
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

/* A .txt or .md file as a new document (not yet in a project): Markdown
 * as the text a reader sees, its links' targets after it; legacy 8-bit
 * text read as Windows-1252 (gloss_import_read_article_full ()). */
GlossDocument     *gloss_import_text_file      (GFile        *file,
                                                GError      **error);

/* A saved web page (.html/.htm/.xhtml, or .mhtml/.mht archive) as a new
 * document: the readable article, headline first, with its provenance. */
GlossDocument     *gloss_import_page_file       (GFile        *file,
                                                GError      **error);
/* Whether @file is named as an article (a text, Markdown or web page file: a document of its own), which
 * gloss_import_read_article () reads; brat .ann files are not. */
gboolean           gloss_import_is_article     (GFile        *file);
/* An article file as a new document with its provenance, not yet in a
 * project, so that the caller can look for a duplicate first
 * (gloss_project_find_duplicate ()). */
GlossDocument     *gloss_import_read_article   (GFile        *file,
                                                GError      **error);
/* gloss_import_read_article () reading a text or Markdown file in
 * @encoding (an iconv name such as "windows-1252"; web pages declare
 * their own). With @encoding NULL, UTF-8 and UTF-16 with a byte order mark
 * are read as they are, and legacy 8-bit text as Windows-1252, which
 * @report's remarks (@report may be NULL) then ask the analyst to check. */
GlossDocument     *gloss_import_read_article_full (GFile             *file,
                                                   const char        *encoding,
                                                   GlossImportReport *report,
                                                   GError           **error);
/* Adds a document gloss_import_read_article () made, as one undoable
 * step named like an import. */
void               gloss_import_add_article    (GlossProject *project,
                                                GlossDocument *article);

/* Imports any supported file into @project as one undoable step:
 * .txt/.md/.markdown (text), .html/.htm/.xhtml/.mhtml/.mht (saved web
 * pages), .ann (brat, with the .txt beside it), or .json/.jsonld web
 * annotations on documents already in the project. */
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

/* Whether @file (by its name: .json, .jsonld) holds web annotations,
 * which attach to articles: import those first. */
gboolean           gloss_import_file_holds_web_annotations (GFile *file);

/* W3C Web Annotations (a collection, a page, an array or one annotation)
 * or Hypothesis JSON (API rows or the client's export) onto the documents
 * of @project they name: by address, urn:sha256:, file name, or failing
 * those the document holding their quotes. Anchored by position (code
 * points or UTF-16 code units, told apart by the quote), then by quote,
 * prefix and suffix, then approximately; what finds no place is kept
 * orphaned. @report->placements says how each document fared. */
gboolean           gloss_import_web_annotations (GlossProject      *project,
                                                 GFile             *file,
                                                 GlossImportReport *report,
                                                 GError           **error);

G_END_DECLS
