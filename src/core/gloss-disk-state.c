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
  char   *sha256;
  GBytes *bytes;
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

GlossDiskState *
gloss_disk_state_new (GFile  *file,
                      GBytes *bytes)
{
  GlossDiskState *self;
  gsize size;
  gconstpointer data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  self = g_new0 (GlossDiskState, 1);
  self->file = g_object_ref (file);
  self->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);
  self->bytes = g_bytes_ref (bytes);
  record_stat (self);
  return self;
}

GlossDiskState *
gloss_disk_state_copy (GlossDiskState *self)
{
  GlossDiskState *copy = g_memdup2 (self, sizeof *self);

  copy->file = g_object_ref (self->file);
  copy->sha256 = g_strdup (self->sha256);
  copy->bytes = g_bytes_ref (self->bytes);
  return copy;
}

void
gloss_disk_state_free (GlossDiskState *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->file);
  g_free (self->sha256);
  g_bytes_unref (self->bytes);
  g_free (self);
}

GFile *
gloss_disk_state_get_file (GlossDiskState *self)
{
  return self->file;
}

const char *
gloss_disk_state_get_sha256 (GlossDiskState *self)
{
  return self->sha256;
}

GBytes *
gloss_disk_state_get_bytes (GlossDiskState *self)
{
  return self->bytes;
}

/* The digest of what the file holds now, read no further than a project
 * may be; NULL if it cannot be read. */
static char *
hash_file (GFile *file)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (1024 * 1024);
  goffset total = 0;

  if (stream == NULL)
    return NULL;
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 1024 * 1024, NULL, NULL);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_checksum_update (checksum, buffer, (gsize) n);
      total += n;
      if (total > GLOSS_MAX_PROJECT_FILE_SIZE)
        break;
    }
  return g_strdup (g_checksum_get_string (checksum));
}

gboolean
gloss_disk_state_check (GlossDiskState  *self,
                        GError         **error)
{
  GlossDiskState now = { .file = self->file };
  g_autofree char *digest = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  record_stat (&now);
  if (!now.exists)
    return TRUE;
  if (self->exists && now.device == self->device && now.inode == self->inode &&
      now.size == self->size && now.mtime_ns == self->mtime_ns)
    return TRUE;

  digest = hash_file (self->file);
  if (digest != NULL && g_str_equal (digest, self->sha256))
    {
      /* Same bytes under a new time or inode: remember those. */
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

static GQuark
disk_state_quark (void)
{
  return g_quark_from_static_string ("gloss-disk-state");
}

GlossDiskState *
gloss_project_get_disk_state (GlossProject *project)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);

  return g_object_get_qdata (G_OBJECT (project), disk_state_quark ());
}

void
gloss_project_set_disk_state (GlossProject   *project,
                              GlossDiskState *state)
{
  g_return_if_fail (GLOSS_IS_PROJECT (project));

  g_object_set_qdata_full (G_OBJECT (project), disk_state_quark (), state,
                           (GDestroyNotify) gloss_disk_state_free);
}
