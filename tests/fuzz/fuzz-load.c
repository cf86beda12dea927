/* fuzz-load.c — libFuzzer target: any bytes as a .gloss project file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project = NULL;

  project = gloss_project_load_bytes (bytes, "fuzz.gloss", problems, &error);
  if (project == NULL)
    {
      /* A refusal must explain itself and name the file. */
      g_assert (error != NULL);
      g_assert (strstr (error->message, "fuzz.gloss") != NULL);
      return 0;
    }

  /* What loads must save, and what it saves must load again unchanged. */
  {
    g_autoptr(GBytes) saved = gloss_project_serialize (project);
    g_autoptr(GlossProject) again = gloss_project_load_bytes (saved, "fuzz-resaved.gloss", NULL, &error);
    g_autoptr(GBytes) saved_again = NULL;

    g_assert (again != NULL);
    saved_again = gloss_project_serialize (again);
    g_assert (g_bytes_equal (saved, saved_again));
  }

  return 0;
}
