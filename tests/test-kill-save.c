/* test-kill-save.c — SIGKILL during saves never leaves a broken project file
 *
 * A child process saves the same project again and again, each time with a
 * new title ("state N"); the test kills it with SIGKILL at a random moment,
 * then checks the file on disk is complete, loads, and is byte for byte one
 * of the states the child saved.
 *
 *   test-kill-save                    the test (GLOSS_KILL_ROUNDS, default 50)
 *   test-kill-save --child PATH       the saving child
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "gloss.h"

static GlossProject *
make_project (guint n_annotations)
{
  GlossProject *project = gloss_project_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 27, 8, 0, 0);

  while (text->len < (gsize) n_annotations * 60)
    g_string_append (text, "The envoy said 🤝🏽 there was no deal yet, per NBC News.\r\n");

  document = gloss_document_new ("doc", "Killed while saving", text->str);
  gloss_document_set_imported (document, when);
  gloss_project_insert_document (project, document);
  for (guint i = 0; i < n_annotations; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%06u", i);
      g_autoptr(GlossAnnotation) a = gloss_annotation_new (id, i * 50, i * 50 + 20);

      gloss_annotation_add_tag (a, "claim");
      gloss_annotation_set_note (a, "A note that makes the file a little larger.");
      gloss_annotation_set_created (a, when);
      gloss_annotation_set_modified (a, when);
      gloss_document_add_annotation (document, a);
    }
  gloss_project_set_created (project, when);
  gloss_project_set_modified (project, when);

  return project;
}

static guint
n_annotations (void)
{
  const char *env = g_getenv ("GLOSS_KILL_ANNOTATIONS");

  return env != NULL ? (guint) atoi (env) : 5000;
}

static int
run_child (const char *path)
{
  g_autoptr(GlossProject) project = make_project (n_annotations ());
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint state = 1;; state++)
    {
      g_autofree char *title = g_strdup_printf ("state %u", state);
      g_autoptr(GError) error = NULL;

      gloss_project_set_title_raw (project, title);
      if (!gloss_project_save (project, file, &error))
        {
          g_printerr ("child: %s\n", error->message);
          return 1;
        }
    }

  return 0;
}

static void
test_kill_during_save (void)
{
  gint64 started = g_get_monotonic_time ();
  g_autoptr(GlossProject) reference = make_project (n_annotations ());
  guint window_ms;
  g_autofree char *dir = g_dir_make_tmp ("gloss-kill-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "project.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new ();
  const char *rounds_env = g_getenv ("GLOSS_KILL_ROUNDS");
  guint rounds = rounds_env != NULL ? (guint) atoi (rounds_env) : 50;
  guint distinct_states = 0;
  guint last_state = 0;
  g_autofree char *self = g_test_build_filename (G_TEST_BUILT, "test-kill-save", NULL);

  gloss_project_set_title_raw (reference, "state 0");
  g_assert_true (gloss_project_save (reference, file, &error));
  g_assert_no_error (error);

  /* Kills land up to twice what the child needs to make the project and
   * save it once: under a sanitizer, valgrind or a loaded machine that is
   * far more than the usual 400 ms. */
  window_ms = MAX (400, (guint) ((g_get_monotonic_time () - started) / 1000) * 2);

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GlossProject) loaded = NULL;
      g_autoptr(GBytes) on_disk = NULL;
      g_autoptr(GBytes) expected = NULL;
      const char *title;
      guint state;

      child = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, self, "--child", path, NULL);
      g_assert_no_error (error);
      g_usleep (g_rand_int_range (rand, 30, (gint32) window_ms) * 1000);
      g_subprocess_send_signal (child, SIGKILL);
      g_subprocess_wait (child, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (child));

      on_disk = g_file_load_bytes (file, NULL, NULL, &error);
      g_assert_no_error (error);
      loaded = gloss_project_load_bytes (on_disk, path, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (loaded);

      title = gloss_project_get_title (loaded);
      g_assert_true (g_str_has_prefix (title, "state "));
      state = (guint) atoi (title + 6);

      gloss_project_set_title_raw (reference, title);
      expected = gloss_project_serialize (reference);
      g_assert_true (g_bytes_equal (on_disk, expected));

      if (state != last_state)
        distinct_states++;
      last_state = state;
    }

  g_test_message ("%u kills survived, %u distinct saved states seen", rounds, distinct_states);
  g_assert_cmpuint (distinct_states, >, 0);

  /* Kills mid-write leave temporary files; the next save of the project
   * removes those of processes that are gone (finding 15). */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    guint left = 0;

    while (g_dir_read_name (listing) != NULL)
      left++;
    g_test_message ("%u temporary files left by the kills", left - 1);
  }
  g_assert_true (gloss_project_save_full (reference, file, GLOSS_SAVE_OVERWRITE_CHANGES, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_cmpstr (name, ==, "project.gloss");
  }

  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
    g_assert_cmpint (system (command), ==, 0);
  }
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gloss/reliability/kill-during-save", test_kill_during_save);

  return g_test_run ();
}
