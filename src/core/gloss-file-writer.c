/* gloss-file-writer.c — the one owner of writing files
 *
 * Everything Gloss writes (projects, recovery copies, exports, brat
 * folders) goes through gloss_file_write (): one idea of temporary names,
 * permissions, links, special files and limits, instead of one per caller.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "gloss-file-writer.h"

/* Linux's NAME_MAX: the longest name of one file. */
#define MAX_NAME_LENGTH 255
/* The kernel's limit on links followed while resolving one path. */
#define MAX_LINK_HOPS 40

static char *
name_of (GFile *file)
{
  return g_file_get_parse_name (file);
}

gboolean
gloss_file_check_project_size (goffset      size,
                               const char  *name,
                               GError     **error)
{
  if (size <= GLOSS_MAX_PROJECT_FILE_SIZE)
    return TRUE;

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
               _("Could not save “%s”: it would be %lld bytes, "
                 "%lld more than the %d MB Gloss can open again. "
                 "Split the project or remove documents first"),
               name, (long long) size, (long long) (size - (goffset) GLOSS_MAX_PROJECT_FILE_SIZE),
               GLOSS_MAX_PROJECT_FILE_SIZE / (1024 * 1024));
  return FALSE;
}

char *
gloss_file_sidecar_name (const char *basename,
                         const char *prefix,
                         const char *suffix)
{
  g_autofree char *digest = NULL;

  if (strlen (prefix) + strlen (basename) + strlen (suffix) <= MAX_NAME_LENGTH)
    return g_strconcat (prefix, basename, suffix, NULL);

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, basename, -1);
  digest[24] = '\0';
  return g_strconcat (prefix, digest, suffix, NULL);
}

/* ---- temporary names ---- */

/* Eight hex digits for this host, so that a process id is only ever
 * judged on the machine that made it (a folder may be shared). */
static const char *
host_tag (void)
{
  static char *tag;
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, g_get_host_name (), -1);

      tag = g_strndup (digest, 8);
      g_once_init_leave (&initialised, 1);
    }
  return tag;
}

static char *
temp_name (void)
{
  static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  char random_part[7];

  for (guint i = 0; i < 6; i++)
    random_part[i] = chars[g_random_int_range (0, sizeof chars - 1)];
  random_part[6] = '\0';

  return g_strdup_printf (GLOSS_TEMP_PREFIX "%s-%d-%s", host_tag (), (int) getpid (), random_part);
}

/* Whether @name is a temporary file left by a dead process of this host. */
static gboolean
is_stale_temp (const char *name)
{
  const char *rest;
  char *end = NULL;
  gint64 pid;

  if (!g_str_has_prefix (name, GLOSS_TEMP_PREFIX))
    return FALSE;
  rest = name + strlen (GLOSS_TEMP_PREFIX);
  if (strncmp (rest, host_tag (), 8) != 0 || rest[8] != '-')
    return FALSE;

  pid = g_ascii_strtoll (rest + 9, &end, 10);
  if (end == rest + 9 || *end != '-' || pid <= 0 || pid > G_MAXINT)
    return FALSE;

  return kill ((pid_t) pid, 0) != 0 && errno == ESRCH;
}

guint
gloss_file_remove_stale_temps (GFile *folder)
{
  g_autofree char *path = g_file_get_path (folder);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint removed = 0;

  if (path == NULL || (dir = g_dir_open (path, 0, NULL)) == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = NULL;

      if (!is_stale_temp (name))
        continue;
      child = g_build_filename (path, name, NULL);
      if (g_unlink (child) == 0)
        removed++;
    }

  return removed;
}

/* ---- following links ---- */

/* The kernel's protected-symlinks rule (fs.protected_symlinks, on by
 * default in most distributions): in a sticky, world-writable folder a link
 * is followed only by its owner or when the folder's owner owns it. Gloss
 * applies the rule whatever the setting. */
static gboolean
may_follow_link (const char  *link_path,
                 GStatBuf    *link_stat,
                 GError     **error,
                 const char  *name)
{
  g_autofree char *folder = g_path_get_dirname (link_path);
  GStatBuf folder_stat;

  if (g_stat (folder, &folder_stat) != 0)
    return TRUE;
  if ((folder_stat.st_mode & (S_ISVTX | S_IWOTH)) != (S_ISVTX | S_IWOTH))
    return TRUE;
  if (link_stat->st_uid == geteuid () || link_stat->st_uid == folder_stat.st_uid)
    return TRUE;

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO,
               _("Could not write “%s”: it is a link in a shared folder that belongs to "
                 "someone else, and following it could overwrite a file of theirs"),
               name);
  return FALSE;
}

/* The path a write to @path changes, following links one at a time as the
 * kernel would; a dangling link gives its (missing) target. */
static char *
resolve_target (const char  *path,
                const char  *name,
                GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint hop = 0; hop < MAX_LINK_HOPS; hop++)
    {
      GStatBuf buf;
      g_autofree char *link = NULL;

      if (g_lstat (current, &buf) != 0 || !S_ISLNK (buf.st_mode))
        return g_steal_pointer (&current);

      if (!may_follow_link (current, &buf, error, name))
        return NULL;

      link = g_file_read_link (current, NULL);
      if (link == NULL)
        return g_steal_pointer (&current);

      if (!g_path_is_absolute (link))
        {
          g_autofree char *folder = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (folder, link, NULL);
        }
      else
        {
          g_free (current);
          current = g_steal_pointer (&link);
        }
    }

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO,
               _("Could not write “%s”: too many symbolic links"), name);
  return NULL;
}

GFile *
gloss_file_resolve (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *target = NULL;
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (path == NULL || (target = resolve_target (path, "", NULL)) == NULL)
    return g_object_ref (file);

  canonical = g_canonicalize_filename (target, NULL);
  return g_file_new_for_path (canonical);
}

/* ---- writing ---- */

static gboolean
write_all (int            fd,
           const guint8  *data,
           gsize          size,
           int           *saved_errno)
{
  while (size > 0)
    {
      gssize n = write (fd, data, MIN (size, (gsize) G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          *saved_errno = errno;
          return FALSE;
        }
      data += n;
      size -= (gsize) n;
    }
  return TRUE;
}

static gboolean
fail_errno (GError     **error,
            const char  *name,
            int          saved_errno)
{
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO,
               _("Could not save “%s”: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

/* A FIFO, a terminal, /dev/null: written where it is, never replaced. */
static gboolean
stream_in_place (const char    *target,
                 const guint8  *data,
                 gsize          size,
                 const char    *name,
                 GError       **error)
{
  int saved_errno = 0;
  int fd = g_open (target, O_WRONLY | O_CLOEXEC | O_NOCTTY, 0);

  if (fd < 0)
    return fail_errno (error, name, errno);

  if (!write_all (fd, data, size, &saved_errno))
    {
      close (fd);
      return fail_errno (error, name, saved_errno);
    }
  if (close (fd) != 0 && errno != EINTR)
    return fail_errno (error, name, errno);
  return TRUE;
}

static void
sync_folder (const char *folder)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static mode_t
mode_for_new_file (GFile *mode_from)
{
  g_autofree char *path = mode_from != NULL ? g_file_get_path (mode_from) : NULL;
  GStatBuf buf;

  if (path != NULL && g_stat (path, &buf) == 0 && S_ISREG (buf.st_mode))
    return buf.st_mode & 0666;
  return 0;  /* the umask decides, as for any new file */
}

static void
remove_stale_temps_beside (const char *target)
{
  g_autofree char *folder = g_path_get_dirname (target);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);

  gloss_file_remove_stale_temps (folder_file);
}

static gboolean
replace_atomically (const char    *target,
                    GStatBuf      *existing,
                    GFile         *mode_from,
                    const guint8  *data,
                    gsize          size,
                    const char    *name,
                    GError       **error)
{
  g_autofree char *folder = g_path_get_dirname (target);
  g_autofree char *temp = NULL;
  int saved_errno = 0;
  mode_t mode = existing != NULL ? (existing->st_mode & 07777) : mode_for_new_file (mode_from);
  int fd = -1;

  /* Those a killed save left here go first (finding 15). */
  remove_stale_temps_beside (target);

  for (guint attempt = 0; attempt < 16 && fd < 0; attempt++)
    {
      g_autofree char *temp_base = temp_name ();

      g_free (temp);
      temp = g_build_filename (folder, temp_base, NULL);
      /* Private while it is written; it gets its real mode before it is
       * renamed into place. A new file without a model gets the umask's
       * mode, as any file a program creates. */
      fd = g_open (temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                   existing != NULL || mode != 0 ? 0600 : 0666);
      if (fd < 0 && errno != EEXIST)
        return fail_errno (error, name, errno);
    }
  if (fd < 0)
    return fail_errno (error, name, EEXIST);

  if (existing != NULL && (existing->st_uid != geteuid () || existing->st_gid != getegid ()))
    {
      /* The owner where permitted; else at least the group. */
      if (fchown (fd, existing->st_uid, existing->st_gid) != 0 &&
          fchown (fd, (uid_t) -1, existing->st_gid) != 0)
        mode &= ~(mode_t) (S_ISUID | S_ISGID);
    }

  if (!write_all (fd, data, size, &saved_errno) ||
      (mode != 0 && fchmod (fd, mode) != 0 && (saved_errno = errno)) ||
      (fsync (fd) != 0 && (saved_errno = errno)))
    {
      close (fd);
      g_unlink (temp);
      return fail_errno (error, name, saved_errno);
    }
  if (close (fd) != 0 && errno != EINTR)
    {
      saved_errno = errno;
      g_unlink (temp);
      return fail_errno (error, name, saved_errno);
    }

  if (g_rename (temp, target) != 0)
    {
      saved_errno = errno;
      g_unlink (temp);
      return fail_errno (error, name, saved_errno);
    }

  sync_folder (folder);
  return TRUE;
}

static gboolean
write_path (const char       *path,
            const guint8     *data,
            gsize             size,
            GlossWriteFlags   flags,
            GFile            *mode_from,
            const char       *name,
            GError          **error)
{
  g_autofree char *target = resolve_target (path, name, error);
  GStatBuf buf;

  if (target == NULL)
    return FALSE;

  if (g_stat (target, &buf) != 0)
    {
      if (errno != ENOENT)
        return fail_errno (error, name, errno);
      return replace_atomically (target, NULL, mode_from, data, size, name, error);
    }

  if (S_ISDIR (buf.st_mode))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_EXISTS,
                   _("Could not save “%s”: it is a folder"), name);
      return FALSE;
    }

  if (!S_ISREG (buf.st_mode))
    {
      if (flags & GLOSS_WRITE_STREAM_SPECIAL)
        return stream_in_place (target, data, size, name, error);

      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_EXISTS,
                   _("Could not save “%s”: it is not a regular file"), name);
      return FALSE;
    }

  /* Read-only is the user's word, root's too: no write bit, no write. */
  if ((buf.st_mode & 0222) == 0 || g_access (target, W_OK) != 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY,
                   _("Could not save “%s”: the file is read-only"), name);
      return FALSE;
    }

  return replace_atomically (target, &buf, mode_from, data, size, name, error);
}

gboolean
gloss_file_write (GFile            *file,
                  GBytes           *bytes,
                  GlossWriteFlags   flags,
                  GFile            *mode_from,
                  GError          **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (mode_from == NULL || G_IS_FILE (mode_from), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = g_bytes_get_data (bytes, &size);
  name = name_of (file);

  if ((flags & GLOSS_WRITE_PROJECT) && !gloss_file_check_project_size ((goffset) size, name, error))
    return FALSE;

  path = g_file_get_path (file);
  if (path != NULL)
    return write_path (path, data, size, flags, mode_from, name, error);

  /* Other backends (GVfs): GIO's replace writes a temporary and renames it
   * where the backend can. */
  if (g_file_replace_contents (file, data, size, NULL, FALSE,
                               G_FILE_CREATE_NONE, NULL, NULL, &local_error))
    return TRUE;

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO,
               _("Could not save “%s”: %s"), name, local_error->message);
  return FALSE;
}
