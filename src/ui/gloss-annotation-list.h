/* gloss-annotation-list.h — the current document's annotations in text order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ANNOTATION_LIST (gloss_annotation_list_get_type ())
G_DECLARE_FINAL_TYPE (GlossAnnotationList, gloss_annotation_list, GLOSS, ANNOTATION_LIST, GtkWidget)

GtkWidget       *gloss_annotation_list_new          (void);
GlossProject    *gloss_annotation_list_get_project  (GlossAnnotationList *self);
void             gloss_annotation_list_set_project  (GlossAnnotationList *self,
                                                     GlossProject        *project);
GlossDocument   *gloss_annotation_list_get_document (GlossAnnotationList *self);
void             gloss_annotation_list_set_document (GlossAnnotationList *self,
                                                     GlossDocument       *document);
GlossAnnotation *gloss_annotation_list_get_selected (GlossAnnotationList *self);
/* Selects the row of @annotation (NULL: none) and scrolls to it. */
void             gloss_annotation_list_set_selected (GlossAnnotationList *self,
                                                     GlossAnnotation     *annotation);

/* Filters, as the tag drop-down and the search entry set them.
 * @tag_id NULL shows every tag; @text NULL or "" matches everything. */
void             gloss_annotation_list_set_filter   (GlossAnnotationList *self,
                                                     const char          *tag_id,
                                                     const char          *text);
typedef enum {
  GLOSS_RELATION_FILTER_ALL,
  GLOSS_RELATION_FILTER_HAS_RELATIONS,
  GLOSS_RELATION_FILTER_CLAIMS_WITHOUT_SOURCE,
} GlossRelationFilter;

/* Narrows the list to annotations with links, or to claims that no
 * "attributed-to" link ties to a source (as the filter menu does). */
void             gloss_annotation_list_set_relation_filter (GlossAnnotationList *self,
                                                            GlossRelationFilter  filter);
/* What the list shows after filtering. */
GListModel      *gloss_annotation_list_get_model    (GlossAnnotationList *self);

/* Properties "project", "document", "selected" (notify::selected when the
 * user picks a row). */

G_END_DECLS
