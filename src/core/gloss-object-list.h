/* gloss-object-list.h — a list model whose reads change nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A GListModel over a GPtrArray. Unlike GListStore, whose lookups move a
 * cached iterator, reading it writes nothing, so another thread may read
 * it while the main thread does too (an autosave serialising the project
 * in a worker). Inserting or removing in the middle moves pointers: fine
 * for the tags, documents and relations of a project. */
#define GLOSS_TYPE_OBJECT_LIST (gloss_object_list_get_type ())
G_DECLARE_FINAL_TYPE (GlossObjectList, gloss_object_list, GLOSS, OBJECT_LIST, GObject)

GlossObjectList *gloss_object_list_new      (GType            item_type);
guint            gloss_object_list_get_size (GlossObjectList *self);
/* Borrowed. */
gpointer         gloss_object_list_get      (GlossObjectList *self,
                                             guint            position);
/* Clamps @position to the end. */
void             gloss_object_list_insert   (GlossObjectList *self,
                                             guint            position,
                                             gpointer         item);
void             gloss_object_list_remove   (GlossObjectList *self,
                                             guint            position);
/* G_MAXUINT when it is not there. */
guint            gloss_object_list_find     (GlossObjectList *self,
                                             gpointer         item);

G_END_DECLS
