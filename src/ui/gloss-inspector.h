/* gloss-inspector.h — tags, note, attributes, span and links of one annotation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_INSPECTOR (gloss_inspector_get_type ())
G_DECLARE_FINAL_TYPE (GlossInspector, gloss_inspector, GLOSS, INSPECTOR, GtkWidget)

GtkWidget       *gloss_inspector_new            (void);
GlossProject    *gloss_inspector_get_project    (GlossInspector  *self);
void             gloss_inspector_set_project    (GlossInspector  *self,
                                                 GlossProject    *project);
GlossAnnotation *gloss_inspector_get_annotation (GlossInspector  *self);
/* NULL shows the empty state. */
void             gloss_inspector_set_annotation (GlossInspector  *self,
                                                 GlossAnnotation *annotation);
void             gloss_inspector_focus_note     (GlossInspector  *self);
/* Lets the inspector's span nudges (Alt+arrows, Alt+brackets) work while
 * @widget (the article) has the focus. */
void             gloss_inspector_add_bounds_shortcuts (GlossInspector *self,
                                                       GtkWidget      *widget);

/* Signals:
 *  "follow" (GlossAnnotation *target)
 *      the user clicked a link: the window selects and scrolls to @target,
 *      which may be in another document.
 *  "link-requested" (GlossAnnotation *from)
 *      the user pressed Link…: the window lets them click the other
 *      highlight. Without a handler the inspector opens the link dialog.
 *
 * Every edit goes through gloss_project_* functions, so undo comes free;
 * the note is saved as it is typed. */

G_END_DECLS
