/* gloss-document-details.h — a document's title and provenance, to read and correct
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_DOCUMENT_DETAILS (gloss_document_details_get_type ())
G_DECLARE_FINAL_TYPE (GlossDocumentDetails, gloss_document_details, GLOSS, DOCUMENT_DETAILS, AdwWindow)

/* A window over @parent showing @document of @project. Edits go through
 * the project's history; the window follows undo and redo, and closes
 * itself when the document leaves the project.
 * Signal "remove-requested": the analyst asked to remove the document. */
GlossDocumentDetails *gloss_document_details_new          (GtkWindow            *parent,
                                                          GlossProject         *project,
                                                          GlossDocument        *document);
GlossDocument        *gloss_document_details_get_document (GlossDocumentDetails *self);
/* The row showing @field ("title", "url", "site", "authors", "published",
 * "modified", "file-sha256"), for the GUI tests' report; NULL if none. */
GtkWidget            *gloss_document_details_get_row      (GlossDocumentDetails *self,
                                                          const char           *field);

G_END_DECLS
