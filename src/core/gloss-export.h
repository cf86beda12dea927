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
} GlossExportFormat;

gboolean    gloss_export_format_from_string (const char        *name,
                                             GlossExportFormat *format);
const char *gloss_export_format_to_string   (GlossExportFormat  format);
/* "json", "jsonld", "csv"; NULL for brat (a folder). */
const char *gloss_export_format_extension   (GlossExportFormat  format);

/* Single-file formats (json, w3c, csv). @document NULL exports all. */
GBytes     *gloss_export_bytes              (GlossProject      *project,
                                             GlossDocument     *document,
                                             GlossExportFormat  format,
                                             GError           **error);

/* Writes the export to @destination: a file for json/w3c/csv, a folder
 * (created if needed) holding a .txt and .ann per document for brat. */
gboolean    gloss_export_to_file            (GlossProject      *project,
                                             GlossDocument     *document,
                                             GlossExportFormat  format,
                                             GFile             *destination,
                                             GError           **error);

/* brat standoff of one document: the .ann text (the .txt is the text). */
char       *gloss_export_brat_ann           (GlossProject      *project,
                                             GlossDocument     *document);

G_END_DECLS
