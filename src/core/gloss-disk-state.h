/* gloss-disk-state.h — noticing that a project file changed on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/* What a file held when Gloss last read or wrote it: its size, its
 * modification time, its device and inode, and the bytes themselves (the
 * base of a merge with a later change). A save records the bytes it
 * wrote; a load parses its bytes in place, so it records the file's
 * size, time and inode only, and gloss_project_remember_disk_bytes ()
 * reads the bytes again later, off the way to the first frame. */
typedef struct _GlossDiskState GlossDiskState;

#define GLOSS_TYPE_DISK_STATE (gloss_disk_state_get_type ())
GType           gloss_disk_state_get_type      (void) G_GNUC_CONST;

/* Records @file as holding @bytes (just written; nullable: just read). */
GlossDiskState *gloss_disk_state_new           (GFile          *file,
                                                GBytes         *bytes);
GlossDiskState *gloss_disk_state_copy          (GlossDiskState *self);
void            gloss_disk_state_free          (GlossDiskState *self);

GFile          *gloss_disk_state_get_file      (GlossDiskState *self);
/* The bytes recorded (borrowed), or NULL when not remembered. */
GBytes         *gloss_disk_state_get_bytes     (GlossDiskState *self);

/* Whether the file still holds what was recorded. A file whose time or
 * inode moved is read and compared with the bytes recorded: the same bytes
 * (a `touch`, a checkout of the same version) are no change; without the
 * bytes, any move is one. A file that is gone is no
 * change either: writing it loses nothing. Fails with GLOSS_ERROR_CHANGED,
 * naming the file, when it holds something else. */
gboolean        gloss_disk_state_check         (GlossDiskState *self,
                                                GError        **error);

/* Whether @file is the recorded file: the same device and inode (a link
 * and its target are one file), or the same resolved path. */
gboolean        gloss_disk_state_is_file       (GlossDiskState *self,
                                                GFile          *file);

/* The state of the file @project was loaded from or last saved to; NULL
 * for a project that has never been on disk. */
GlossDiskState *gloss_project_get_disk_state   (GlossProject   *project);
/* Takes @state (nullable). */
void            gloss_project_set_disk_state   (GlossProject   *project,
                                                GlossDiskState *state);

/* Reads the bytes of the file @project was loaded from into its disk
 * state, the base of a later merge, if the file still has the size, time
 * and inode recorded at the load; fails with GLOSS_ERROR_CHANGED if not.
 * Does nothing when the bytes are known or the project was never on
 * disk. The async version reads on a worker thread at low priority. */
gboolean        gloss_project_remember_disk_bytes        (GlossProject        *project,
                                                          GError             **error);
void            gloss_project_remember_disk_bytes_async  (GlossProject        *project,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean        gloss_project_remember_disk_bytes_finish (GlossProject        *project,
                                                          GAsyncResult        *result,
                                                          GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossDiskState, gloss_disk_state_free)

G_END_DECLS
