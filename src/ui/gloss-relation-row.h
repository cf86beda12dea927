/* gloss-relation-row.h — one link of the inspected annotation, either direction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_RELATION_ROW (gloss_relation_row_get_type ())
G_DECLARE_FINAL_TYPE (GlossRelationRow, gloss_relation_row, GLOSS, RELATION_ROW, AdwActionRow)

/* @annotation is the inspected end of @relation. */
GtkWidget       *gloss_relation_row_new          (GlossProject     *project,
                                                  GlossRelation    *relation,
                                                  GlossAnnotation  *annotation);
GlossRelation   *gloss_relation_row_get_relation (GlossRelationRow *self);
/* The other end, or NULL when it no longer exists. */
GlossAnnotation *gloss_relation_row_get_target   (GlossRelationRow *self);
gboolean         gloss_relation_row_get_outgoing (GlossRelationRow *self);

/* Signals:
 *  "follow" (GlossAnnotation *target)   the row was activated
 *  "remove" ()                          its remove button was clicked */

G_END_DECLS
