/* gloss-disk-state.h — noticing that a project file changed on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/* What a file held when Gloss last read or wrote it: its size, its
 * modification time, its device and inode, a SHA-256 of its bytes, and
 * the bytes themselves (the base of a merge with a later change). */
typedef struct _GlossDiskState GlossDiskState;

#define GLOSS_TYPE_DISK_STATE (gloss_disk_state_get_type ())
GType           gloss_disk_state_get_type      (void) G_GNUC_CONST;

/* Records @file as holding @bytes (just read from it, or just written). */
GlossDiskState *gloss_disk_state_new           (GFile          *file,
                                                GBytes         *bytes);
GlossDiskState *gloss_disk_state_copy          (GlossDiskState *self);
void            gloss_disk_state_free          (GlossDiskState *self);

GFile          *gloss_disk_state_get_file      (GlossDiskState *self);
/* The SHA-256 (hex) of the bytes recorded: the base of a three-way merge
 * is the version with this digest. */
const char     *gloss_disk_state_get_sha256    (GlossDiskState *self);
/* The bytes recorded (borrowed). */
GBytes         *gloss_disk_state_get_bytes     (GlossDiskState *self);

/* Whether the file still holds what was recorded. A file whose size,
 * time or inode moved is read and hashed: the same bytes (a `touch`, a
 * checkout of the same version) are no change. A file that is gone is no
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossDiskState, gloss_disk_state_free)

G_END_DECLS
