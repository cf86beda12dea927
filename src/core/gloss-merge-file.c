/* gloss-merge-file.c — merging the open project with its file's later change
 *
 * When the file changed on disk while the project was open, the window
 * offers to merge (docs/reliability.md, finding 2): the version loaded or
 * last saved is the common ancestor, the project in memory ours, the file
 * theirs — the same three-way merge as `gloss --merge`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-disk-state.h"
#include "gloss-merge.h"
#include "gloss-project-file.h"
#include "gloss-project.h"

GlossProject *
gloss_merge_with_file (GlossProject  *ours,
                       GFile         *file,
                       GPtrArray     *conflicts,
                       GError       **error)
{
  GlossDiskState *state;
  g_autoptr(GlossProject) base = NULL;
  g_autoptr(GlossProject) theirs = NULL;
  g_autoptr(GlossProject) merged = NULL;
  g_autofree char *name = NULL;
  g_autofree char *base_name = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (ours), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);
  state = gloss_project_get_disk_state (ours);
  if (state == NULL || gloss_disk_state_get_bytes (state) == NULL ||
      !gloss_disk_state_is_file (state, file))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   _("“%s”: the version this project was opened from is not known, so there is no base to merge with"),
                   name);
      return NULL;
    }

  /* Translators: names the version of a project as it was opened or last saved */
  base_name = g_strdup_printf (_("%s (as opened)"), name);
  base = gloss_project_load_bytes (gloss_disk_state_get_bytes (state), base_name, NULL, error);
  if (base == NULL)
    return NULL;
  theirs = gloss_project_load (file, error);
  if (theirs == NULL)
    return NULL;

  merged = gloss_merge_projects (base, ours, theirs, conflicts);
  /* What was read as theirs is what the merge may replace, no later one. */
  gloss_project_set_disk_state (merged, gloss_disk_state_copy (gloss_project_get_disk_state (theirs)));
  if (!gloss_project_save_full (merged, file, 0, error))
    return NULL;
  return g_steal_pointer (&merged);
}
