/* gloss-document-row.h — a document in the documents sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-document.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_DOCUMENT_ROW (gloss_document_row_get_type ())
G_DECLARE_FINAL_TYPE (GlossDocumentRow, gloss_document_row, GLOSS, DOCUMENT_ROW, GtkListBoxRow)

/* Its title (isolated: it comes from a file), and a context menu of the
 * window's document actions, made on the first right-click or long press. */
GtkWidget     *gloss_document_row_new          (GlossDocument    *document);
GlossDocument *gloss_document_row_get_document (GlossDocumentRow *self);
/* The context menu, or NULL until it was first asked for. */
GtkWidget     *gloss_document_row_get_menu     (GlossDocumentRow *self);

G_END_DECLS
