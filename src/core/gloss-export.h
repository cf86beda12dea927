/* gloss-export.h — annotation exports for the rest of the pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

typedef enum {
  GLOSS_EXPORT_JSON,
  GLOSS_EXPORT_W3C,
  GLOSS_EXPORT_BRAT,
  GLOSS_EXPORT_CSV,
  /* The W3C collection with TextPositionSelectors in UTF-16 code units, as
   * the JavaScript tools (Recogito, Annotorious, Hypothesis) count them;
   * GLOSS_EXPORT_W3C counts code points, as the W3C model asks. */
  GLOSS_EXPORT_W3C_UTF16,
} GlossExportFormat;

gboolean    gloss_export_format_from_string (const char        *name,
                                             GlossExportFormat *format);
const char *gloss_export_format_to_string   (GlossExportFormat  format);
/* "json", "jsonld", "csv"; NULL for brat (a folder). */
const char *gloss_export_format_extension   (GlossExportFormat  format);

/* The name an export of the project saved as @project_name ("talks.gloss",
 * or NULL while untitled, then @fallback stands in) is offered under:
 * "talks.json", "talks.jsonld", "talks.csv", or the folder "talks-brat". */
char       *gloss_export_proposed_name      (const char        *project_name,
                                             const char        *fallback,
                                             GlossExportFormat  format);

/* Single-file formats (json, w3c, csv). @document NULL exports all. */
GBytes     *gloss_export_bytes              (GlossProject      *project,
                                             GlossDocument     *document,
                                             GlossExportFormat  format,
                                             GError           **error);

/* Writes the export to @destination: a file for json/w3c/csv, a folder
 * (created if needed) holding a .txt, .ann and .provenance.json per document for brat. */
gboolean    gloss_export_to_file            (GlossProject      *project,
                                             GlossDocument     *document,
                                             GlossExportFormat  format,
                                             GFile             *destination,
                                             GError           **error);

/* brat standoff of one document: the .ann text, with offsets into the .txt
 * that gloss_export_brat_txt() gives. */
char       *gloss_export_brat_ann           (GlossProject      *project,
                                             GlossDocument     *document);
/* The .txt of a brat export: the text with CRLF line ends written as LF, so
 * that readers counting a CRLF as one character (brat itself) and readers
 * counting two agree on every offset. */
char       *gloss_export_brat_txt           (GlossDocument     *document);

/* What a brat export could not say (docs/export.md): brat has no
 * relations between documents and no place for an annotation whose quote
 * was lost or whose span holds nothing but line breaks. */
typedef struct {
  guint documents;
  guint annotations;          /* Gloss annotations written (as T lines) */
  guint skipped_annotations;  /* orphaned, or only line breaks */
  guint skipped_relations;    /* to another document (counted once, from
                               * the "from" side) or to a skipped annotation */
} GlossBratExportReport;

/* The same, adding what was left out to @report (nullable). */
char       *gloss_export_brat_ann_with_report (GlossProject      *project,
                                             GlossDocument     *document,
                                             GlossBratExportReport *report);
/* The file name, without extension, of @document's .txt and .ann in a
 * brat export: "NN-slug-of-the-title", unique within the project. */
char       *gloss_export_brat_base_name     (GlossProject      *project,
                                             GlossDocument     *document);
/* gloss_export_to_file() that also reports what brat could not hold;
 * @report (nullable) is only filled for brat. */
gboolean    gloss_export_to_file_with_report (GlossProject     *project,
                                             GlossDocument     *document,
                                             GlossExportFormat  format,
                                             GFile             *destination,
                                             GlossBratExportReport *report,
                                             GError           **error);

G_END_DECLS
