/* gloss-link-dialog.h — pick a target annotation in any document and a relation type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LINK_DIALOG (gloss_link_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GlossLinkDialog, gloss_link_dialog, GLOSS, LINK_DIALOG, AdwWindow)

/* Shows a modal dialog that links @from to the annotation the user picks
 * (any document of @project) with gloss_project_link(). */
void       gloss_link_dialog_present    (GtkWindow       *parent,
                                         GlossProject    *project,
                                         GlossAnnotation *from);
GtkWidget *gloss_link_dialog_new        (GtkWindow       *parent,
                                         GlossProject    *project,
                                         GlossAnnotation *from);

/* What the controls do, for tests and keyboard paths. */
void       gloss_link_dialog_set_search (GlossLinkDialog *self,
                                         const char      *text);
GListModel *gloss_link_dialog_get_results (GlossLinkDialog *self);
void       gloss_link_dialog_set_target (GlossLinkDialog *self,
                                         GlossAnnotation *target);
/* An existing type or a new one. */
void       gloss_link_dialog_set_relation_type (GlossLinkDialog *self,
                                         const char      *type);
/* Links and closes; NULL (and an error bell) when target or type is missing. */
GlossRelation *gloss_link_dialog_link   (GlossLinkDialog *self);

G_END_DECLS
