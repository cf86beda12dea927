/* gloss-side-pane.h — the annotation list over the inspector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-annotation-list.h"
#include "gloss-inspector.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SIDE_PANE (gloss_side_pane_get_type ())
G_DECLARE_FINAL_TYPE (GlossSidePane, gloss_side_pane, GLOSS, SIDE_PANE, GtkWidget)

GtkWidget           *gloss_side_pane_new                 (void);
GlossAnnotationList *gloss_side_pane_get_annotation_list (GlossSidePane *self);
GlossInspector      *gloss_side_pane_get_inspector       (GlossSidePane *self);

G_END_DECLS
