/* test-file-safety.c — the file system never takes a project: the red
 * team's findings against saving and exporting, each reproduced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "gloss.h"

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs gloss with @args (NULL-terminated) in @cwd, without a display. */
static void
run_gloss (Run        *run,
           const char *cwd,
           const char *first_arg,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_environ_unsetenv (g_get_environ (), "DISPLAY");
  va_list args;

  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  g_ptr_array_add (argv, g_test_build_filename (G_TEST_BUILT, "..", "src", "gloss", NULL));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (cwd, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (run->status) ? WEXITSTATUS (run->status) : 128 + WTERMSIG (run->status);
}

static char *
make_workdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gloss-safety-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *dir)
{
  g_autofree char *command = g_strdup_printf ("chmod -R u+w '%s'; rm -rf '%s'", dir, dir);
  g_assert_cmpint (system (command), ==, 0);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static char *
read_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static const char article[] =
  "Harbour vote delayed\n\n"
  "The council’s chair said the vote “will not happen before spring” 🗳️, "
  "according to the Coastal Ledger. Ünal’s bakery and مكتبة الميناء disagreed.\n";

/* A project at @path with one article, made by the command line. */
static char *
make_project (const char *dir,
              const char *name)
{
  g_auto(Run) run = { 0 };
  g_autofree char *article_path = write_file (dir, "harbour-article.txt", article);

  run_gloss (&run, dir, "--new", name, "--force", article_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  return g_build_filename (dir, name, NULL);
}

static GlossProject *
load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossProject *project = gloss_project_load (file, &error);

  g_assert_no_error (error);
  return project;
}

/* Finding 1: non-UTF-8 names (Latin-1 bytes) end up as valid UTF-8 in
 * the file, and the project opens again. */
static void
test_non_utf8_names (void)
{
  g_autofree char *dir = make_workdir ();
  g_autofree char *article_path = write_file (dir, "caf\xe9-r\xe9sum\xe9.txt", article);
  g_autofree char *project_path = g_build_filename (dir, "\xe9t\xe9.gloss", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_auto(Run) created = { 0 };
  g_auto(Run) valid = { 0 };

  run_gloss (&created, dir, "--new=\xe9t\xe9.gloss", article_path, NULL);
  g_assert_cmpint (created.status, ==, 0);

  contents = read_path (project_path);
  g_assert_true (g_utf8_validate (contents, -1, NULL));

  run_gloss (&valid, dir, "--validate", project_path, NULL);
  g_assert_cmpint (valid.status, ==, 0);

  project = load_path (project_path);
  document = g_list_model_get_item (gloss_project_get_documents (project), 0);
  /* The source is the file's name alone, shown as valid UTF-8: no folder. */
  g_assert_cmpstr (gloss_document_get_source (document), ==, "caf\uFFFD-r\uFFFDsum\uFFFD.txt");
  /* The title falls back to the text's first line; the project's title
   * to the file name, shown as valid UTF-8. */
  g_assert_true (g_utf8_validate (gloss_project_get_title (project), -1, NULL));

  remove_tree (dir);
}

/* Finding 2: a file changed on disk after loading is not overwritten by
 * the next save; the same bytes with a new time are no change. */
static void
test_changed_on_disk (void)
{
  g_autofree char *dir = make_workdir ();
  g_autofree char *path = make_project (dir, "harbour.gloss");
  g_autoptr(GlossProject) project = load_path (path);
  g_autoptr(GlossProject) other = load_path (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;

  /* Touched only: saving goes ahead, once the bytes loaded are known to
   * compare with (the window reads them after showing the project). */
  g_assert_true (gloss_project_remember_disk_bytes (project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_utime (path, NULL), ==, 0);
  gloss_project_set_title (project, "Ours");
  g_assert_true (gloss_project_save (project, file, &error));
  g_assert_no_error (error);

  /* Someone else (another process, a git pull) saves a change. */
  g_file_set_contents (path, "{\"changed\": \"by someone else\"}\n", -1, &error);
  g_assert_no_error (error);
  theirs = read_path (path);

  gloss_project_set_title (project, "Ours again");
  g_assert_false (gloss_project_save (project, file, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED);
  g_assert_nonnull (strstr (error->message, "harbour.gloss"));
  g_clear_error (&error);
  after = read_path (path);
  g_assert_cmpstr (after, ==, theirs);

  /* The user chose Overwrite. */
  g_assert_true (gloss_project_save_full (project, file, GLOSS_SAVE_OVERWRITE_CHANGES, &error));
  g_assert_no_error (error);

  /* The second copy, loaded before, notices the first one's save. */
  gloss_project_set_title (other, "Theirs");
  g_assert_false (gloss_project_save (other, file, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED);

  remove_tree (dir);
}

/* Finding 5: exporting onto the project itself is refused, through a link
 * too. */
static void
test_export_onto_project (void)
{
  g_autofree char *dir = make_workdir ();
  g_autofree char *path = make_project (dir, "p.gloss");
  g_autofree char *before = read_path (path);
  g_autofree char *link = g_build_filename (dir, "link.csv", NULL);
  g_auto(Run) direct = { 0 };
  g_auto(Run) linked = { 0 };
  g_autofree char *after = NULL;

  run_gloss (&direct, dir, "--export=csv", "--output=p.gloss", "p.gloss", NULL);
  g_assert_cmpint (direct.status, ==, 1);
  g_assert_nonnull (strstr (direct.err, "p.gloss"));
  g_assert_nonnull (strstr (direct.err, "project itself"));

  g_assert_cmpint (symlink ("p.gloss", link), ==, 0);
  run_gloss (&linked, dir, "--export=json", "--output=link.csv", "p.gloss", NULL);
  g_assert_cmpint (linked.status, ==, 1);

  after = read_path (path);
  g_assert_cmpstr (after, ==, before);
  remove_tree (dir);
}

/* Finding 6: nothing is written that the loader would refuse. The bytes
 * are mapped, never touched: the check comes before any write. */
static void
test_limit_symmetric (void)
{
  g_autofree char *dir = make_workdir ();
  g_autofree char *path = g_build_filename (dir, "huge.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gsize size = (gsize) GLOSS_MAX_PROJECT_FILE_SIZE + 4096;
  void *map = mmap (NULL, size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (map != MAP_FAILED);
  bytes = g_bytes_new_static (map, size);
  g_assert_false (gloss_write_file_atomically (file, bytes, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.gloss"));
  g_assert_nonnull (strstr (error->message, "512 MB"));
  g_assert_nonnull (strstr (error->message, "4096 more"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_clear_pointer (&bytes, g_bytes_unref);
  munmap (map, size);
  remove_tree (dir);
}

static gpointer
read_fifo_thread (gpointer data)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (data, &contents, NULL, &error);
  return contents;
}

/* Finding 7: a FIFO or a device is written in place, never replaced;
 * `--output=-` is standard output. */
static void
test_special_outputs (void)
{
  g_autofree char *dir = make_workdir ();
  g_autofree char *path = make_project (dir, "p.gloss");
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autofree char *device = g_build_filename (dir, "null", NULL);
  g_auto(Run) to_fifo = { 0 };
  g_auto(Run) to_stdout = { 0 };
  g_auto(Run) to_device = { 0 };
  g_autofree char *received = NULL;
  GThread *reader;
  GStatBuf buf;
  int fd;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  reader = g_thread_new ("fifo", read_fifo_thread, fifo);
  run_gloss (&to_fifo, dir, "--export=json", "--output=pipe", "p.gloss", NULL);
  received = g_thread_join (reader);
  g_assert_cmpint (to_fifo.status, ==, 0);
  g_assert_nonnull (received);
  g_assert_nonnull (strstr (received, "Harbour vote delayed"));
  g_assert_cmpint (g_lstat (fifo, &buf), ==, 0);
  g_assert_true (S_ISFIFO (buf.st_mode));

  run_gloss (&to_stdout, dir, "--export=json", "--output=-", "p.gloss", NULL);
  g_assert_cmpint (to_stdout.status, ==, 0);
  g_assert_false (g_file_test ("-", G_FILE_TEST_EXISTS));
  g_assert_nonnull (strstr (to_stdout.out, "Harbour vote delayed"));
  {
    g_autofree char *dash = g_build_filename (dir, "-", NULL);
    g_assert_false (g_file_test (dash, G_FILE_TEST_EXISTS));
  }

  /* A device node of our own (a second /dev/null), where we may make one
   * and use it: on a file system mounted nodev (a build sandbox's) the
   * node is made but cannot be opened, and is no device. */
  if (mknod (device, S_IFCHR | 0666, makedev (1, 3)) != 0)
    g_test_message ("no device node (mknod: %s): only the FIFO is checked", g_strerror (errno));
  else if ((fd = open (device, O_WRONLY | O_CLOEXEC)) < 0)
    g_test_message ("the device node cannot be opened (%s): only the FIFO is checked", g_strerror (errno));
  else
    {
      close (fd);
      run_gloss (&to_device, dir, "--export=json", "--output=null", "p.gloss", NULL);
      g_assert_cmpint (to_device.status, ==, 0);
      g_assert_cmpint (g_lstat (device, &buf), ==, 0);
      g_assert_true (S_ISCHR (buf.st_mode));
    }

  remove_tree (dir);
}

/* Finding 8: a read-only project is not overwritten, by --new --force
 * nor by a save. */
static void
test_read_only (void)
{
  g_autofree char *dir = make_workdir ();
  g_autofree char *path = make_project (dir, "locked.gloss");
  g_autofree char *article_path = g_build_filename (dir, "harbour-article.txt", NULL);
  g_autofree char *before = read_path (path);
  g_autoptr(GlossProject) project = load_path (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_auto(Run) forced = { 0 };
  g_autofree char *after = NULL;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  run_gloss (&forced, dir, "--new=locked.gloss", "--force", article_path, NULL);
  g_assert_cmpint (forced.status, ==, 1);
  g_assert_nonnull (strstr (forced.err, "locked.gloss"));
  g_assert_nonnull (strstr (forced.err, "read-only"));

  gloss_project_set_title (project, "Changed");
  g_assert_false (gloss_project_save (project, file, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY);

  after = read_path (path);
  g_assert_cmpstr (after, ==, before);
  remove_tree (dir);
}

static guint
mode_of (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_mode & 07777;
}

/* Finding 11: the mode exactly (group-write survives the umask), the owner
 * and group where permitted, a dangling link's target created, and the
 * documented fate of hard links. */
static void
test_mode_owner_links (void)
{
  g_autofree char *dir = make_workdir ();
  g_autofree char *path = make_project (dir, "shared.gloss");
  g_autofree char *hard = g_build_filename (dir, "hard.gloss", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.gloss", NULL);
  g_autofree char *target = g_build_filename (dir, "made-by-save.gloss", NULL);
  g_autoptr(GlossProject) project = load_path (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) dangling_file = g_file_new_for_path (dangling);
  g_autoptr(GError) error = NULL;
  g_autofree char *old = read_path (path);
  g_autofree char *hard_after = NULL;
  mode_t old_umask = umask (022);
  GStatBuf buf;

  g_assert_cmpint (g_chmod (path, 0664), ==, 0);
  if (geteuid () == 0)
    g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
  g_assert_cmpint (link (path, hard), ==, 0);

  gloss_project_set_title (project, "Shared");
  g_assert_true (gloss_project_save (project, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (path), ==, 0664);
  if (geteuid () == 0)
    {
      g_assert_cmpint (g_stat (path, &buf), ==, 0);
      g_assert_cmpuint (buf.st_uid, ==, 65534);
      g_assert_cmpuint (buf.st_gid, ==, 65534);
    }
  /* Atomic replacement makes a new file: the other name keeps the old
   * contents (docs/reliability.md). */
  hard_after = read_path (hard);
  g_assert_cmpstr (hard_after, ==, old);

  g_assert_cmpint (symlink ("made-by-save.gloss", dangling), ==, 0);
  g_assert_true (gloss_project_save (project, dangling_file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (dangling, &buf), ==, 0);
  g_assert_true (S_ISLNK (buf.st_mode));
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));

  umask (old_umask);
  remove_tree (dir);
}

/* Finding 10: links are followed as the kernel's protected-symlinks rule
 * allows: in a sticky world-writable folder, a link that belongs to
 * someone else (not the folder's owner) is not followed. */
static void
test_protected_symlinks (void)
{
  g_autofree char *dir = make_workdir ();
  g_autofree char *shared = g_build_filename (dir, "shared", NULL);
  g_autofree char *victim = write_file (dir, "victim.gloss", "{\"mine\": true}\n");
  g_autofree char *theirs = g_build_filename (shared, "theirs.gloss", NULL);
  g_autofree char *mine = g_build_filename (shared, "mine.gloss", NULL);
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GFile) theirs_file = g_file_new_for_path (theirs);
  g_autoptr(GFile) mine_file = g_file_new_for_path (mine);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  GStatBuf buf;

  g_assert_cmpint (g_mkdir (shared, 0777), ==, 0);
  g_assert_cmpint (g_chmod (shared, 01777), ==, 0);

  /* Our own link is followed: the target changes, the link stays. */
  g_assert_cmpint (symlink (victim, mine), ==, 0);
  g_assert_true (gloss_project_save (project, mine_file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (mine, &buf), ==, 0);
  g_assert_true (S_ISLNK (buf.st_mode));
  after = read_path (victim);
  g_assert_nonnull (strstr (after, "gloss-project"));

  if (geteuid () != 0)
    {
      g_test_message ("not root: cannot make a link owned by someone else; the refusal is not checked");
      remove_tree (dir);
      return;
    }

  g_file_set_contents (victim, "{\"mine\": true}\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (symlink (victim, theirs), ==, 0);
  g_assert_cmpint (lchown (theirs, 65534, 65534), ==, 0);
  g_clear_object (&project);
  project = gloss_project_new ();
  g_assert_false (gloss_project_save (project, theirs_file, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "theirs.gloss"));
  g_clear_pointer (&after, g_free);
  after = read_path (victim);
  g_assert_cmpstr (after, ==, "{\"mine\": true}\n");

  remove_tree (dir);
}

/* Finding 19: any name the file system accepts can be saved (255 bytes:
 * 83 CJK characters), and temporary files fit beside it. */
static void
test_long_names (void)
{
  g_autofree char *dir = make_workdir ();
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *sidecar = NULL;

  while (name->len + strlen ("港") + strlen (".gloss") <= 255)
    g_string_append (name, "港");
  while (name->len + strlen (".gloss") < 255)
    g_string_append_c (name, 'x');
  g_string_append (name, ".gloss");
  g_assert_cmpuint (name->len, ==, 255);

  path = g_build_filename (dir, name->str, NULL);
  file = g_file_new_for_path (path);
  g_assert_true (gloss_project_save (project, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  sidecar = gloss_file_sidecar_name (name->str, ".", ".autosave");
  g_assert_cmpuint (strlen (sidecar), <=, 255);
  g_assert_true (g_str_has_suffix (sidecar, ".autosave"));

  remove_tree (dir);
}

/* Finding 12: --validate checks the size before reading (a 40 GB sparse
 * file is refused at once, not read into memory). */
static void
test_validate_limit (void)
{
  g_autofree char *dir = make_workdir ();
  g_autofree char *path = g_build_filename (dir, "sparse.gloss", NULL);
  g_auto(Run) run = { 0 };
  int fd = g_open (path, O_WRONLY | O_CREAT, 0644);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 40 * 1024 * 1024 * 1024), ==, 0);
  close (fd);

  run_gloss (&run, dir, "--validate", "sparse.gloss", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "sparse.gloss"));
  g_assert_nonnull (strstr (run.err, "512 MB"));

  remove_tree (dir);
}

/* Finding 20: usage errors exit 2 with a clear message; save errors name
 * the project, not a temporary file. */
static void
test_cli_messages (void)
{
  g_autofree char *dir = make_workdir ();
  g_autofree char *path = make_project (dir, "p.gloss");
  g_autofree char *article_path = g_build_filename (dir, "harbour-article.txt", NULL);
  g_autofree char *folder = g_build_filename (dir, "out", NULL);
  g_auto(Run) unknown = { 0 };
  g_auto(Run) empty_output = { 0 };
  g_auto(Run) empty_new = { 0 };
  g_auto(Run) to_folder = { 0 };
  g_auto(Run) nowhere = { 0 };

  run_gloss (&unknown, dir, "--frobnicate", "p.gloss", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "--frobnicate"));

  run_gloss (&empty_output, dir, "--export=json", "--output=", "p.gloss", NULL);
  g_assert_cmpint (empty_output.status, ==, 2);
  g_assert_nonnull (strstr (empty_output.err, "--output"));
  g_assert_nonnull (strstr (empty_output.err, "file name"));

  run_gloss (&empty_new, dir, "--new=", article_path, NULL);
  g_assert_cmpint (empty_new.status, ==, 2);
  g_assert_nonnull (strstr (empty_new.err, "--new"));
  g_assert_nonnull (strstr (empty_new.err, "file name"));

  run_gloss (&to_folder, dir, "--export=json", "--output=out/", "p.gloss", NULL);
  g_assert_cmpint (to_folder.status, !=, 0);
  g_assert_nonnull (strstr (to_folder.err, "out/"));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  run_gloss (&nowhere, dir, "--new=missing-folder/x.gloss", article_path, NULL);
  g_assert_cmpint (nowhere.status, ==, 1);
  g_assert_nonnull (strstr (nowhere.err, "x.gloss"));
  g_assert_null (strstr (nowhere.err, "x.gloss."));
  g_assert_null (strstr (nowhere.err, GLOSS_TEMP_PREFIX));

  remove_tree (dir);
}

/* A process id that is no longer running: a child that has exited. */
static int
dead_pid (void)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "true", NULL };
  GPid pid = 0;
  int status = 0;

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return pid;
}

/* Finding 3: a lock names user, host and process; a stale one (a process
 * of this host that is gone) is taken over; another's is never removed. */
static void
test_lock (void)
{
  g_autofree char *dir = make_workdir ();
  g_autofree char *path = make_project (dir, "shared.gloss");
  g_autofree char *lock_path = g_build_filename (dir, ".~lock.shared.gloss#", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *holder = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = g_strdup_printf ("%s,%s,%d\n", g_get_user_name (), g_get_host_name (), (int) getpid ());
  g_autofree char *stale = g_strdup_printf ("someone,%s,%d\n", g_get_host_name (), dead_pid ());
  GlossFileLock *lock;

  lock = gloss_file_lock_acquire (file, &holder);
  g_assert_nonnull (lock);
  g_assert_null (holder);
  contents = read_path (lock_path);
  g_assert_cmpstr (contents, ==, expected);
  gloss_file_lock_release (lock);
  g_assert_false (g_file_test (lock_path, G_FILE_TEST_EXISTS));

  /* Stale: its process is gone. */
  g_clear_pointer (&contents, g_free);
  contents = write_file (dir, ".~lock.shared.gloss#", stale);
  lock = gloss_file_lock_acquire (file, &holder);
  g_assert_nonnull (lock);
  g_assert_null (holder);
  gloss_file_lock_release (lock);

  /* Held on another machine: not taken, and never removed. */
  g_clear_pointer (&contents, g_free);
  contents = write_file (dir, ".~lock.shared.gloss#", "ana,newsroom-7,4242\n");
  lock = gloss_file_lock_acquire (file, &holder);
  g_assert_null (lock);
  g_assert_cmpstr (holder, ==, "ana@newsroom-7:4242");
  g_assert_true (g_file_test (lock_path, G_FILE_TEST_EXISTS));

  remove_tree (dir);
}

/* Finding 15: temporary files of dead processes of this host go; those
 * of live processes, other hosts and other programs stay. */
static void
test_stale_temps (void)
{
  g_autofree char *dir = make_workdir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *host = g_compute_checksum_for_string (G_CHECKSUM_SHA1, g_get_host_name (), -1);
  g_autofree char *dead_name = NULL;
  g_autofree char *live_name = NULL;
  g_autofree char *dead = NULL;
  g_autofree char *live = NULL;
  g_autofree char *elsewhere = NULL;
  g_autofree char *other = NULL;

  host[8] = '\0';
  dead_name = g_strdup_printf (GLOSS_TEMP_PREFIX "%s-%d-abcdef", host, dead_pid ());
  live_name = g_strdup_printf (GLOSS_TEMP_PREFIX "%s-%d-abcdef", host, (int) getpid ());
  dead = write_file (dir, dead_name, "half a project");
  live = write_file (dir, live_name, "being written");
  elsewhere = write_file (dir, GLOSS_TEMP_PREFIX "0badf00d-1-abcdef", "another machine's");
  other = write_file (dir, "notes.gloss.X1Y2Z3", "not ours");

  g_assert_cmpuint (gloss_file_remove_stale_temps (folder), ==, 1);
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (elsewhere, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));

  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/safety/non-utf8-names", test_non_utf8_names);
  g_test_add_func ("/gloss/safety/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/gloss/safety/export-onto-project", test_export_onto_project);
  g_test_add_func ("/gloss/safety/limit-symmetric", test_limit_symmetric);
  g_test_add_func ("/gloss/safety/special-outputs", test_special_outputs);
  g_test_add_func ("/gloss/safety/read-only", test_read_only);
  g_test_add_func ("/gloss/safety/mode-owner-links", test_mode_owner_links);
  g_test_add_func ("/gloss/safety/protected-symlinks", test_protected_symlinks);
  g_test_add_func ("/gloss/safety/long-names", test_long_names);
  g_test_add_func ("/gloss/safety/validate-limit", test_validate_limit);
  g_test_add_func ("/gloss/safety/cli-messages", test_cli_messages);
  g_test_add_func ("/gloss/safety/lock", test_lock);
  g_test_add_func ("/gloss/safety/stale-temps", test_stale_temps);

  return g_test_run ();
}
