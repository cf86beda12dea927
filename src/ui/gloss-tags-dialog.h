/* gloss-tags-dialog.h — add, rename, recolour, reorder, key and delete tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_TAGS_DIALOG (gloss_tags_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GlossTagsDialog, gloss_tags_dialog, GLOSS, TAGS_DIALOG, AdwPreferencesWindow)

/* A modal window editing @project's tags; every change is undoable. */
GtkWidget *gloss_tags_dialog_new (GtkWindow    *parent,
                                  GlossProject *project);

/* Deletes @tag, first asking (an AdwMessageDialog, returned) when
 * annotations use it; NULL when it was deleted at once. */
GtkWidget *gloss_tags_dialog_request_delete (GlossTagsDialog *self,
                                             GlossTag        *tag);

/* Actions: "tags.add" (Ctrl+N), "tags.undo" (Ctrl+Z), "tags.redo" (Ctrl+Shift+Z). */

G_END_DECLS
