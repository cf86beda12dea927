/* gloss-annotation-row.h — one annotation in a list: tag chips, quote, note, badge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ANNOTATION_ROW (gloss_annotation_row_get_type ())
G_DECLARE_FINAL_TYPE (GlossAnnotationRow, gloss_annotation_row, GLOSS, ANNOTATION_ROW, GtkWidget)

GtkWidget       *gloss_annotation_row_new               (void);
void             gloss_annotation_row_set_project       (GlossAnnotationRow *self,
                                                         GlossProject       *project);
GlossAnnotation *gloss_annotation_row_get_annotation    (GlossAnnotationRow *self);
void             gloss_annotation_row_set_annotation    (GlossAnnotationRow *self,
                                                         GlossAnnotation    *annotation);
/* Also show which document the annotation belongs to (the link dialog
 * lists every document's annotations). */
void             gloss_annotation_row_set_show_document (GlossAnnotationRow *self,
                                                         gboolean            show_document);
/* Re-reads the annotation and the project's tags. Cheap when nothing changed. */
void             gloss_annotation_row_update            (GlossAnnotationRow *self);
/* Whether the row draws @text as one of its lines or tag names. The row
 * draws its own text (there are no labels inside), so tests ask it. */
gboolean         gloss_annotation_row_shows_text        (GlossAnnotationRow *self,
                                                         const char         *text);

G_END_DECLS
