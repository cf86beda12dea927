/* gloss-project-preview.h — the first document of a big project, before the rest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/* A project file smaller than this loads whole before a window could show
 * a part of it: no preview is made. */
#define GLOSS_PREVIEW_MIN_FILE_SIZE   (1024 * 1024)
/* The first document must end within this many bytes of the file's
 * start, and within its first quarter, for a preview to be worth it. */
#define GLOSS_PREVIEW_MAX_BYTES       (1024 * 1024)

/* Reads only the start of @file and loads from it a partial project
 * (gloss_project_is_partial ()): the title, the tags, the relation types
 * and the first document with its annotations, no relations. Returns
 * NULL when no preview is worth making (a small file, a first document
 * that is most of the file) or when that part is not as Gloss writes it:
 * a preview never reports problems, the full load does. Runs on any
 * thread. */
GlossProject *gloss_project_load_preview        (GFile               *file,
                                                 GCancellable        *cancellable);
void          gloss_project_load_preview_async  (GFile               *file,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* NULL and no error when there is no preview. */
GlossProject *gloss_project_load_preview_finish (GAsyncResult        *result,
                                                 GError             **error);

G_END_DECLS
