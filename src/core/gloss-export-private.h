/* gloss-export-private.h — what the exporters share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss.h"

G_BEGIN_DECLS

/* The documents an export covers: @document alone, or every document of
 * @project in the project's order (borrowed refs). */
GPtrArray  *_gloss_export_collect_documents (GlossProject  *project,
                                             GlossDocument *document);
/* Every annotation of @document in text order (borrowed refs), O(n). */
GPtrArray  *_gloss_export_collect_annotations (GlossDocument *document);
/* The relations whose two ends lie in @documents (borrowed refs), in the
 * project's order; an export never names an annotation it left out. */
GPtrArray  *_gloss_export_collect_relations (GlossProject  *project,
                                             GPtrArray     *documents);
/* Tag id → GlossTag (borrowed): tag lookups in O(1) for big projects. */
GHashTable *_gloss_export_tag_table         (GlossProject  *project);

GBytes     *_gloss_export_json              (GlossProject  *project,
                                             GlossDocument *document);
/* A brat export's "NN-slug.provenance.json" beside the .txt and .ann:
 * the document's title, the SHA-256 of its text and its provenance, as
 * the json export writes them (brat's files have no place for them). */
GBytes     *_gloss_export_json_provenance   (GlossDocument *document);
/* How a W3C export names @document: its web address, else urn:sha256:. */
char       *_gloss_export_document_iri      (GlossDocument *document);
/* @utf16: TextPositionSelectors in UTF-16 code units, not code points. */
GBytes     *_gloss_export_w3c               (GlossProject  *project,
                                             GlossDocument *document,
                                             gboolean       utf16);
GBytes     *_gloss_export_csv               (GlossProject  *project,
                                             GlossDocument *document);

G_END_DECLS
