/* gloss-file-writer.h — the one owner of writing files: save, autosave,
 * every export and brat folders go through here
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/**
 * GlossWriteFlags:
 * @GLOSS_WRITE_DEFAULT: a regular file, replaced atomically
 * @GLOSS_WRITE_PROJECT: the bytes are a project: refuse more than the
 *   loader opens (GLOSS_MAX_PROJECT_FILE_SIZE), so nothing is written that
 *   could not be read back
 * @GLOSS_WRITE_STREAM_SPECIAL: a FIFO, character device or other
 *   non-regular target is written in place (streamed), never replaced;
 *   without the flag such a target is refused
 */
typedef enum {
  GLOSS_WRITE_DEFAULT        = 0,
  GLOSS_WRITE_PROJECT        = 1 << 0,
  GLOSS_WRITE_STREAM_SPECIAL = 1 << 1,
} GlossWriteFlags;

/* The prefix of every temporary file the writer makes. Its names are short
 * and fixed in length (".gloss-tmp-HOST-PID-XXXXXX"), so they fit beside a
 * file of any name the file system accepts, and name the process that made
 * them so that one left by a killed process is recognised and removed. */
#define GLOSS_TEMP_PREFIX ".gloss-tmp-"

/* Writes @bytes to @file.
 *
 * A regular file is replaced atomically: a temporary file beside it is
 * written, fsynced and renamed over it, so no moment shows a half-written
 * file. The result has the old file's mode exactly (group-write kept, no
 * umask applied), its owner and group where the user may set them, and
 * stays at the target of a symbolic link — followed only as the kernel's
 * protected-symlinks rule lets the user follow it. A dangling link gets its
 * target created. A read-only target is refused (GLOSS_ERROR_READ_ONLY).
 * Other names of a hard-linked file keep the old contents: atomic
 * replacement makes a new file (docs/reliability.md).
 *
 * @mode_from (nullable): a new file takes this file's permissions (never
 * wider than 0666) instead of the umask's — recovery copies take their
 * project's.
 *
 * Every error names @file, never the temporary file. Safe from any thread. */
gboolean gloss_file_write               (GFile            *file,
                                         GBytes           *bytes,
                                         GlossWriteFlags   flags,
                                         GFile            *mode_from,
                                         GError          **error);

/* Removes temporary files in @folder that a process of this host left
 * when it died (killed during a save). Returns how many it removed. */
guint    gloss_file_remove_stale_temps  (GFile            *folder);

/* The file a write to @file would change: symbolic links followed as the
 * writer follows them (a dangling link gives its target). A new reference;
 * @file itself for other backends or when a link may not be followed. */
GFile   *gloss_file_resolve             (GFile            *file);

/* Refuses a project file larger than the loader opens: the message says
 * which limit and by how much. @name names the file. */
gboolean gloss_file_check_project_size  (goffset           size,
                                         const char       *name,
                                         GError          **error);

/* A name for a file that belongs beside @basename (a recovery copy, a
 * lock): @prefix + @basename + @suffix when that fits in a file name,
 * otherwise @prefix + a digest of @basename + @suffix. */
char    *gloss_file_sidecar_name        (const char       *basename,
                                         const char       *prefix,
                                         const char       *suffix);

G_END_DECLS
