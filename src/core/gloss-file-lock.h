/* gloss-file-lock.h — saying who else has a project open, as office
 * suites do: a lock file beside the project naming user, host and process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _GlossFileLock GlossFileLock;

/* Takes the lock of @file (".~lock.NAME#" beside the file a link points
 * to). A lock left by a process of this host that is gone is stale and
 * taken over. When another live process holds it, returns NULL and sets
 * @holder to "USER on HOST (process PID)"; the project may still be opened,
 * but its recovery copies are that process's. Returns NULL without a
 * @holder when no lock can be written (a read-only folder): nothing to
 * release then. */
GlossFileLock *gloss_file_lock_acquire (GFile          *file,
                                        char          **holder);
/* Removes the lock file, if it is still ours, and frees @self. */
void           gloss_file_lock_release (GlossFileLock  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossFileLock, gloss_file_lock_release)

G_END_DECLS
