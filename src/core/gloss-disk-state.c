/* gloss-disk-state.c — noticing that a project file changed on disk
 *
 * Loading and saving record what the file held; saving checks it first,
 * so that a `git pull`, another editor or a sync client that changed the
 * file while it was open is noticed instead of overwritten.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "gloss-disk-state.h"
#include "gloss-file-writer.h"
#include "gloss-project.h"

struct _GlossDiskState {
  GFile  *file;
  gboolean exists;
  dev_t   device;
  ino_t   inode;
  goffset size;
  gint64  mtime_ns;
  GBytes *bytes;   /* nullable: not remembered (yet) */
};

G_DEFINE_BOXED_TYPE (GlossDiskState, gloss_disk_state,
                     gloss_disk_state_copy, gloss_disk_state_free)

static void
record_stat (GlossDiskState *self)
{
  g_autoptr(GFile) resolved = gloss_file_resolve (self->file);
  g_autofree char *path = g_file_get_path (resolved);
  struct stat buf;

  self->exists = path != NULL && stat (path, &buf) == 0;
  if (!self->exists)
    return;
  self->device = buf.st_dev;
  self->inode = buf.st_ino;
  self->size = buf.st_size;
  self->mtime_ns = (gint64) buf.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + buf.st_mtim.tv_nsec;
}

/* Whether @a and @b record the same size, time, device and inode. */
static gboolean
same_stat (const GlossDiskState *a,
           const GlossDiskState *b)
{
  return a->exists && b->exists && a->device == b->device && a->inode == b->inode &&
         a->size == b->size && a->mtime_ns == b->mtime_ns;
}

GlossDiskState *
gloss_disk_state_new (GFile  *file,
                      GBytes *bytes)
{
  GlossDiskState *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_new0 (GlossDiskState, 1);
  self->file = g_object_ref (file);
  self->bytes = bytes != NULL ? g_bytes_ref (bytes) : NULL;
  record_stat (self);
  return self;
}

GlossDiskState *
gloss_disk_state_copy (GlossDiskState *self)
{
  GlossDiskState *copy = g_memdup2 (self, sizeof *self);

  copy->file = g_object_ref (self->file);
  copy->bytes = self->bytes != NULL ? g_bytes_ref (self->bytes) : NULL;
  return copy;
}

void
gloss_disk_state_free (GlossDiskState *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->file);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self);
}

GFile *
gloss_disk_state_get_file (GlossDiskState *self)
{
  return self->file;
}

GBytes *
gloss_disk_state_get_bytes (GlossDiskState *self)
{
  return self->bytes;
}

/* Whether @file holds exactly @bytes, read a megabyte at a time. */
static gboolean
file_holds_bytes (GFile  *file,
                  GBytes *bytes)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autofree guint8 *buffer = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  gsize offset = 0;

  if (stream == NULL)
    return FALSE;
  buffer = g_malloc (1024 * 1024);
  for (;;)
    {
      gsize n = 0;

      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, 1024 * 1024, &n, NULL, NULL))
        return FALSE;
      if (n == 0)
        return offset == size;
      if (n > size - offset || memcmp (buffer, data + offset, n) != 0)
        return FALSE;
      offset += n;
    }
}

gboolean
gloss_disk_state_check (GlossDiskState  *self,
                        GError         **error)
{
  GlossDiskState now = { .file = self->file };
  g_autofree char *name = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  record_stat (&now);
  if (!now.exists || same_stat (self, &now))
    return TRUE;

  /* Same bytes under a new time or inode: remember those. */
  if (self->bytes != NULL && (gsize) now.size == g_bytes_get_size (self->bytes) &&
      file_holds_bytes (self->file, self->bytes))
    {
      record_stat (self);
      return TRUE;
    }

  name = g_file_get_parse_name (self->file);
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED,
               _("“%s” changed on disk after Gloss opened or saved it: saving now would "
                 "overwrite those changes"), name);
  return FALSE;
}

gboolean
gloss_disk_state_is_file (GlossDiskState *self,
                          GFile          *file)
{
  g_autoptr(GFile) mine = NULL;
  g_autoptr(GFile) theirs = NULL;
  g_autofree char *path = NULL;
  struct stat buf;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_file_equal (self->file, file))
    return TRUE;

  theirs = gloss_file_resolve (file);
  path = g_file_get_path (theirs);
  if (path != NULL && stat (path, &buf) == 0)
    {
      GlossDiskState now = { .file = self->file };

      record_stat (&now);
      return now.exists && buf.st_dev == now.device && buf.st_ino == now.inode;
    }

  mine = gloss_file_resolve (self->file);
  return g_file_equal (mine, theirs);
}

/* Fails with GLOSS_ERROR_CHANGED, naming @state's file. */
static void
set_changed_error (GlossDiskState  *state,
                   GError         **error)
{
  g_autofree char *name = g_file_get_parse_name (state->file);

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED,
               _("“%s” changed on disk after Gloss opened it"), name);
}

/* The bytes of @state's file, read only while its size, time and inode
 * are still the ones recorded: what was loaded, not a later change. */
static GBytes *
read_recorded_bytes (GlossDiskState  *state,
                     GCancellable    *cancellable,
                     GError         **error)
{
  GlossDiskState now = { .file = state->file };
  g_autofree char *contents = NULL;
  gsize size = 0;

  record_stat (&now);
  if (!same_stat (state, &now))
    {
      set_changed_error (state, error);
      return NULL;
    }
  if (!g_file_load_contents (state->file, cancellable, &contents, &size, NULL, error))
    return NULL;
  record_stat (&now);
  if (!same_stat (state, &now))
    {
      set_changed_error (state, error);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&contents), size);
}

/* Keeps @bytes in @project's disk state if that still records what
 * @read_from recorded (no save came in between). */
static void
keep_bytes (GlossProject   *project,
            GlossDiskState *read_from,
            GBytes         *bytes)
{
  GlossDiskState *state = gloss_project_get_disk_state (project);

  if (state != NULL && state->bytes == NULL && same_stat (state, read_from))
    state->bytes = g_bytes_ref (bytes);
}

gboolean
gloss_project_remember_disk_bytes (GlossProject  *project,
                                   GError       **error)
{
  GlossDiskState *state;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  state = gloss_project_get_disk_state (project);
  if (state == NULL || state->bytes != NULL)
    return TRUE;
  bytes = read_recorded_bytes (state, NULL, error);
  if (bytes == NULL)
    return FALSE;
  keep_bytes (project, state, bytes);
  return TRUE;
}

static void
remember_in_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;
  GBytes *bytes = read_recorded_bytes (task_data, cancellable, &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

void
gloss_project_remember_disk_bytes_async (GlossProject        *project,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GlossDiskState *state;

  g_return_if_fail (GLOSS_IS_PROJECT (project));

  task = g_task_new (project, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_project_remember_disk_bytes_async);
  state = gloss_project_get_disk_state (project);
  if (state == NULL || state->bytes != NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  /* The worker reads through a copy: a save may replace the project's
   * state meanwhile. */
  g_task_set_task_data (task, gloss_disk_state_copy (state), (GDestroyNotify) gloss_disk_state_free);
  g_task_set_priority (task, G_PRIORITY_LOW);
  g_task_run_in_thread (task, remember_in_thread);
}

gboolean
gloss_project_remember_disk_bytes_finish (GlossProject  *project,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  GlossDiskState *read_from;

  g_return_val_if_fail (g_task_is_valid (result, project), FALSE);

  read_from = g_task_get_task_data (G_TASK (result));
  if (read_from == NULL)
    return g_task_propagate_boolean (G_TASK (result), error);
  bytes = g_task_propagate_pointer (G_TASK (result), error);
  if (bytes == NULL)
    return FALSE;
  keep_bytes (project, read_from, bytes);
  return TRUE;
}
