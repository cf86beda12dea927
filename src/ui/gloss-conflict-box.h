/* gloss-conflict-box.h — the two versions of a merge conflict, side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_CONFLICT_BOX (gloss_conflict_box_get_type ())
G_DECLARE_FINAL_TYPE (GlossConflictBox, gloss_conflict_box, GLOSS, CONFLICT_BOX, GtkWidget)

GtkWidget *gloss_conflict_box_new (void);
/* Shows @annotation's conflict, if it has one (else the box hides). */
void       gloss_conflict_box_set (GlossConflictBox *self,
                                   GlossProject     *project,
                                   GlossAnnotation  *annotation);

G_END_DECLS
