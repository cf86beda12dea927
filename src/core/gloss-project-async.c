/* gloss-project-async.c — loading a project file off the main thread
 *
 * Loading builds a fresh project that nothing else can see until the task
 * hands it over: it touches no main context and no shared state (the
 * documents' lazy offset tables are built under their own lock), so it can
 * run on any thread. GTask hands the result back on the caller's context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-project-file.h"
#include "gloss-project.h"

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  GlossProject *project = gloss_project_load (file, &error);

  if (project == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, project, g_object_unref);
}

void
gloss_project_load_async (GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_project_load_async);
  g_task_set_name (task, "gloss-project-load");
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
}

GlossProject *
gloss_project_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gloss_project_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
