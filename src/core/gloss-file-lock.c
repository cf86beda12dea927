/* gloss-file-lock.c — who else has a project open
 *
 * The lock file holds one line, "USER,HOST,PID", and is made with
 * O_EXCL so that two processes cannot both think they hold it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gloss-file-lock.h"
#include "gloss-file-writer.h"

struct _GlossFileLock {
  char *path;
  char *contents;
};

static char *
lock_path_for (GFile *file)
{
  g_autoptr(GFile) resolved = gloss_file_resolve (file);
  g_autofree char *path = g_file_get_path (resolved);
  g_autofree char *folder = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;

  if (path == NULL)
    return NULL;
  folder = g_path_get_dirname (path);
  basename = g_path_get_basename (path);
  name = gloss_file_sidecar_name (basename, ".~lock.", "#");
  return g_build_filename (folder, name, NULL);
}

static char *
own_contents (void)
{
  return g_strdup_printf ("%s,%s,%d\n", g_get_user_name (), g_get_host_name (), (int) getpid ());
}

/* Whether the lock in @contents is held by a live process; @holder gets
 * who holds it. */
static gboolean
held_by_other (const char  *contents,
               char       **holder)
{
  g_auto(GStrv) fields = g_strsplit (contents, ",", 3);
  gint64 pid;

  if (g_strv_length (fields) != 3)
    return FALSE;  /* not a lock of ours: unreadable, so stale */

  g_strchomp (fields[2]);
  pid = g_ascii_strtoll (fields[2], NULL, 10);
  if (g_str_equal (fields[1], g_get_host_name ()))
    {
      if (pid == getpid ())
        return FALSE;
      if (pid <= 0 || pid > G_MAXINT || (kill ((pid_t) pid, 0) != 0 && errno == ESRCH))
        return FALSE;
    }

  /* Translators-free: names and numbers only, put in a sentence by the UI. */
  *holder = g_strdup_printf ("%s@%s:%s", fields[0], fields[1], fields[2]);
  return TRUE;
}

GlossFileLock *
gloss_file_lock_acquire (GFile  *file,
                         char  **holder)
{
  g_autofree char *path = lock_path_for (file);
  g_autofree char *contents = own_contents ();

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (holder != NULL && *holder == NULL, NULL);

  if (path == NULL)
    return NULL;

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_autofree char *existing = NULL;
      int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);

      if (fd >= 0)
        {
          GlossFileLock *self;
          gsize length = strlen (contents);
          gboolean written = write (fd, contents, length) == (gssize) length;

          close (fd);
          if (!written)
            {
              g_unlink (path);
              return NULL;
            }
          self = g_new0 (GlossFileLock, 1);
          self->path = g_steal_pointer (&path);
          self->contents = g_steal_pointer (&contents);
          return self;
        }
      if (errno != EEXIST || !g_file_get_contents (path, &existing, NULL, NULL))
        return NULL;
      if (held_by_other (existing, holder))
        return NULL;
      /* Stale (a process that died) or our own: take it over. */
      g_unlink (path);
    }
  return NULL;
}

void
gloss_file_lock_release (GlossFileLock *self)
{
  g_autofree char *current = NULL;

  if (self == NULL)
    return;

  /* Only a lock that is still ours: never another process's. */
  if (g_file_get_contents (self->path, &current, NULL, NULL) &&
      g_str_equal (current, self->contents))
    g_unlink (self->path);

  g_free (self->path);
  g_free (self->contents);
  g_free (self);
}
