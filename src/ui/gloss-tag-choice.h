/* gloss-tag-choice.h — one choice of the annotation list's tag filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_TAG_CHOICE (gloss_tag_choice_get_type ())
G_DECLARE_FINAL_TYPE (GlossTagChoice, gloss_tag_choice, GLOSS, TAG_CHOICE, GtkBox)

/* @in_button: shown in the drop-down's button, where a long name is
 * ellipsized; otherwise in its popup, where names are whole. */
GtkWidget          *gloss_tag_choice_new           (gboolean        in_button);
/* Shows @item: a GlossTag (its chip and its name, following renames), a
 * GtkStringObject (a plain label, "All tags"), or NULL (nothing). */
void                gloss_tag_choice_set_item      (GlossTagChoice *self,
                                                    GObject        *item);
/* A factory of GlossTagChoice rows for a GtkDropDown over such items. */
GtkListItemFactory *gloss_tag_choice_factory_new   (gboolean        in_button);

G_END_DECLS
