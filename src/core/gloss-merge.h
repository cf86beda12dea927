/* gloss-merge.h — three-way merge of two versions of a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/* Merges @ours and @theirs, two versions of @base, by id (documents, tags,
 * relation types, annotations, relations), the rules of docs/teams.md:
 * what one side added is added, what one side deleted and the other left
 * alone is deleted, what both changed is merged field by field. Whatever
 * both sides changed differently (or one deleted and the other changed)
 * is kept in both versions, marked with gloss-conflict.h.
 *
 * Returns a new project; the three are only read. @conflicts (nullable,
 * free func g_free) receives one message per conflict. */
GlossProject *gloss_merge_projects (GlossProject *base,
                                    GlossProject *ours,
                                    GlossProject *theirs,
                                    GPtrArray    *conflicts);

/* `gloss --merge`: loads the three files, merges them and writes the result
 * over @ours_file atomically (load → save order). Nothing is written when
 * a file cannot be read. Sets *@n_conflicts. */
gboolean      gloss_merge_files    (GFile        *base_file,
                                    GFile        *ours_file,
                                    GFile        *theirs_file,
                                    GPtrArray    *conflicts,
                                    guint        *n_conflicts,
                                    GError      **error);

/* The open project @ours against what its @file holds now, after someone
 * else changed it (a `git pull`, another editor): the version @ours was
 * loaded from or last saved as (gloss_project_get_disk_state ()) is the
 * base, the file's content theirs. Writes the merged project over @file —
 * failing with GLOSS_ERROR_CHANGED, writing nothing, if the file changes
 * yet again meanwhile — and returns it, saved. Fails with
 * GLOSS_ERROR_NOT_FOUND when @ours has no recorded version of @file
 * (never on disk, or loaded and its bytes not remembered:
 * gloss_project_remember_disk_bytes ()). */
GlossProject *gloss_merge_with_file (GlossProject  *ours,
                                     GFile         *file,
                                     GPtrArray     *conflicts,
                                     GError       **error);

G_END_DECLS
