/* gloss-project-async.c — loading and saving a project file off the main thread
 *
 * Loading builds a fresh project that nothing else can see until the task
 * hands it over: it touches no main context and no shared state (the
 * documents' lazy offset tables are built under their own lock), so it can
 * run on any thread. GTask hands the result back on the caller's context.
 *
 * Saving reads the open project on a worker. The project is held for
 * reading (gloss_project_begin_read ()) until it is serialised, so an edit
 * made meanwhile waits at the model's one door (_gloss_project_do ()); the
 * slow part, writing and syncing the file, runs while the user goes on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-disk-state.h"
#include "gloss-file-writer.h"
#include "gloss-project-file.h"
#include "gloss-project-private.h"
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
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _gloss_project_start_file_task (file, cancellable, callback, user_data,
                                  gloss_project_load_async, "gloss-project-load", load_in_thread);
}

GlossProject *
gloss_project_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  return _gloss_project_file_task_finish (result, gloss_project_load_async, error);
}

void
_gloss_project_start_file_task (GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data,
                                gpointer             source_tag,
                                const char          *name,
                                GTaskThreadFunc      func)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, name);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, func);
}

GlossProject *
_gloss_project_file_task_finish (GAsyncResult  *result,
                                 gpointer       source_tag,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct {
  GFile          *file;
  GlossSaveFlags  flags;
  GlossDiskState *disk_state;  /* a copy, or NULL: never on disk */
  guint64         save_point;
  GBytes         *bytes;       /* what was written */
} SaveData;

static void
save_data_free (gpointer user_data)
{
  SaveData *data = user_data;

  g_object_unref (data->file);
  g_clear_pointer (&data->disk_state, gloss_disk_state_free);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data);
}

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GlossProject *project = source_object;
  SaveData *data = task_data;
  GError *error = NULL;

  if (!_gloss_project_check_whole (project, data->file, &error))
    {
      gloss_project_end_read (project);
      g_task_return_error (task, error);
      return;
    }

  /* Changed on disk since it was loaded or saved: say so, never overwrite
   * it unasked. */
  if (data->disk_state != NULL && !(data->flags & GLOSS_SAVE_OVERWRITE_CHANGES) &&
      gloss_disk_state_is_file (data->disk_state, data->file) &&
      !gloss_disk_state_check (data->disk_state, &error))
    {
      gloss_project_end_read (project);
      g_task_return_error (task, error);
      return;
    }

  data->bytes = gloss_project_serialize (project);
  gloss_project_end_read (project);

  if (!gloss_file_write (data->file, data->bytes, GLOSS_WRITE_PROJECT, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
gloss_project_save_async (GlossProject        *self,
                          GFile               *file,
                          GlossSaveFlags       flags,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GlossDiskState *disk_state;
  SaveData *data;

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  disk_state = gloss_project_get_disk_state (self);
  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->flags = flags;
  data->disk_state = disk_state != NULL ? gloss_disk_state_copy (disk_state) : NULL;
  data->save_point = _gloss_project_get_save_point (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_project_save_async);
  g_task_set_name (task, "gloss-project-save");
  g_task_set_task_data (task, data, save_data_free);
  gloss_project_begin_read (self);
  g_task_run_in_thread (task, save_in_thread);
}

gboolean
gloss_project_save_finish (GlossProject  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  SaveData *data;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gloss_project_save_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  /* The file holds the state the save started from: edits made while it
   * was written leave the project unsaved. */
  data = g_task_get_task_data (G_TASK (result));
  gloss_project_set_disk_state (self, gloss_disk_state_new (data->file, data->bytes));
  _gloss_project_mark_saved_at (self, data->save_point);
  return TRUE;
}
