/* gloss-project-file.h — reading and writing .gloss project files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_FORMAT_NAME    "gloss-project"
#define GLOSS_FORMAT_VERSION 2

/* The file extension of projects. */
#define GLOSS_PROJECT_SUFFIX ".gloss"

/* Whether @file is named as a project (ends in .gloss), which decides
 * whether opening it loads a project or imports an article. */
gboolean      gloss_file_is_project         (GFile        *file);

/* Loads @file. Every problem is an error (GLOSS_ERROR) whose message names
 * the file, the line:column or JSON path, and what is wrong. Annotations
 * whose offsets disagree with their quotes are re-anchored (see
 * gloss-anchor.h); the project then starts dirty. */
GlossProject *gloss_project_load            (GFile        *file,
                                             GError      **error);
/* The same, with every problem in @problems (as gloss_project_load_bytes ()
 * gives them). The size limit is checked before anything is read. */
GlossProject *gloss_project_load_with_problems (GFile     *file,
                                                GPtrArray *problems,
                                                GError   **error);
/* gloss_project_load () on a worker thread; the callback runs on the
 * thread-default main context of the caller. */
void          gloss_project_load_async      (GFile               *file,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GlossProject *gloss_project_load_finish     (GAsyncResult        *result,
                                             GError             **error);
/* The same from memory; @display_name names the source in messages.
 * @problems (nullable, free func g_free) receives every problem found, one
 * message each, as `gloss --validate` prints them; the function fails if
 * there is any. When it succeeds, @problems receives instead a note for
 * each repair loading made (an annotation re-anchored, a digest corrected);
 * the project then starts dirty. */
GlossProject *gloss_project_load_bytes      (GBytes       *bytes,
                                             const char   *display_name,
                                             GPtrArray    *problems,
                                             GError      **error);

/* The file's bytes: pretty-printed UTF-8 JSON, stable key order,
 * annotations in text order, a final newline. */
GBytes       *gloss_project_serialize       (GlossProject *self);
/**
 * GlossSaveFlags:
 * @GLOSS_SAVE_DEFAULT: refuse when the file changed on disk
 * @GLOSS_SAVE_OVERWRITE_CHANGES: the user chose to overwrite such changes
 */
typedef enum {
  GLOSS_SAVE_DEFAULT           = 0,
  GLOSS_SAVE_OVERWRITE_CHANGES = 1 << 0,
} GlossSaveFlags;

/* Writes through gloss_file_write () (atomic, the file's mode, owner and
 * links kept, read-only refused, the load limit respected) and marks the
 * project saved. When @file is the one the project was loaded from or last
 * saved to and it changed on disk since, fails with GLOSS_ERROR_CHANGED
 * unless @flags say to overwrite. Records what was written
 * (gloss_project_get_disk_state ()). */
gboolean      gloss_project_save_full       (GlossProject   *self,
                                             GFile          *file,
                                             GlossSaveFlags  flags,
                                             GError        **error);
gboolean      gloss_project_save            (GlossProject *self,
                                             GFile        *file,
                                             GError      **error);
/* The same off the main thread (gloss-project-async.c): edits made while
 * the worker reads the project wait for it; edits made while it writes
 * leave the project unsaved. gloss_project_save_finish () records the file
 * written and marks the project saved: call it on the main thread. */
void          gloss_project_save_async      (GlossProject        *self,
                                             GFile               *file,
                                             GlossSaveFlags       flags,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean      gloss_project_save_finish     (GlossProject        *self,
                                             GAsyncResult        *result,
                                             GError             **error);
/* Writes bytes from gloss_project_serialize() through gloss_file_write ()
 * with the project size limit; safe to call from any thread. */
gboolean      gloss_write_file_atomically   (GFile        *file,
                                             GBytes       *bytes,
                                             GError      **error);

G_END_DECLS
