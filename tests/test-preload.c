/* test-preload.c — projects loaded on a worker hand over what a load on the main thread gives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gloss.h"
#include "gloss-preload.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

/* Starts preloading @paths as if they were main()'s arguments. */
static void
start (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) "gloss");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  gloss_preload_start ((int) argv->len - 1, (char **) argv->pdata);
}

static GBytes *
serialize (GlossProject *project)
{
  return gloss_project_serialize (project);
}

/* @project is what loading @path directly gives, byte for byte, dirty or
 * not. */
static void
assert_same_as_direct_load (GlossProject *project,
                            const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) direct = gloss_project_load (file, &error);
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) got = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (project);
  expected = serialize (direct);
  got = serialize (project);
  g_assert_true (g_bytes_equal (expected, got));
  g_assert_cmpint (gloss_project_get_dirty (project), ==, gloss_project_get_dirty (direct));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_documents (project)), ==,
                    g_list_model_get_n_items (gloss_project_get_documents (direct)));
}

static void
test_take_project (void)
{
  g_autofree char *path = fixture ("project-basic.gloss");
  const char *args[] = { path, NULL };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossProject) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = NULL;
  guint n_annotations;

  start (args);
  g_assert_true (gloss_preload_take (file, &project, &error));
  g_assert_no_error (error);
  assert_same_as_direct_load (project, path);

  /* A preload answers once; the caller then loads for itself. */
  g_assert_false (gloss_preload_take (file, &again, &error));
  g_assert_null (again);
  g_assert_no_error (error);

  /* Built on the worker, edited here: edits, undo and the lazy offset
   * tables all work on the main thread. */
  document = g_list_model_get_item (gloss_project_get_documents (project), 0);
  n_annotations = gloss_document_get_n_annotations (document);
  g_assert_nonnull (gloss_project_annotate (project, document, 0, 1, NULL));
  g_assert_cmpuint (gloss_document_get_n_annotations (document), ==, n_annotations + 1);
  g_assert_true (gloss_project_undo (project));
  g_assert_cmpuint (gloss_document_get_n_annotations (document), ==, n_annotations);

  gloss_preload_discard ();
}

static void
assert_same_error (const char *path)
{
  const char *args[] = { path, NULL };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) direct_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) direct = gloss_project_load (file, &direct_error);
  g_autoptr(GlossProject) project = NULL;

  g_assert_null (direct);
  g_assert_nonnull (direct_error);

  start (args);
  g_assert_true (gloss_preload_take (file, &project, &error));
  g_assert_null (project);
  g_assert_error (error, direct_error->domain, direct_error->code);
  g_assert_cmpstr (error->message, ==, direct_error->message);
  gloss_preload_discard ();
}

static void
test_take_error (void)
{
  g_autofree char *not_json = fixture ("broken/not-json.gloss");
  g_autofree char *unknown_tag = fixture ("broken/unknown-tag.gloss");
  g_autofree char *missing = fixture ("no-such-project.gloss");

  assert_same_error (not_json);
  assert_same_error (unknown_tag);
  assert_same_error (missing);
}

/* An error nobody asks for is still freed (LeakSanitizer watches). */
static void
test_take_error_unwanted (void)
{
  g_autofree char *path = fixture ("broken/not-json.gloss");
  const char *args[] = { path, NULL };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossProject) project = NULL;

  start (args);
  g_assert_true (gloss_preload_take (file, &project, NULL));
  g_assert_null (project);
  gloss_preload_discard ();
}

static void
test_not_preloaded (void)
{
  g_autofree char *basic = fixture ("project-basic.gloss");
  g_autofree char *minimal = fixture ("project-minimal.gloss");
  g_autofree char *option = g_strconcat ("--option=", minimal, NULL);
  const char *args[] = { "--gapplication-service", option, "article.txt", basic, NULL };
  g_autoptr(GFile) minimal_file = g_file_new_for_path (minimal);
  g_autoptr(GFile) option_file = g_file_new_for_commandline_arg (option);
  g_autoptr(GFile) article = g_file_new_for_commandline_arg ("article.txt");
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GError) error = NULL;

  /* Nothing started at all. */
  g_assert_false (gloss_preload_take (minimal_file, &project, &error));

  /* Options and other files are not projects to preload. */
  start (args);
  g_assert_false (gloss_preload_take (minimal_file, &project, &error));
  g_assert_false (gloss_preload_take (option_file, &project, &error));
  g_assert_false (gloss_preload_take (article, &project, &error));
  g_assert_null (project);
  g_assert_no_error (error);

  /* The project given, never taken, is freed at the end. */
  gloss_preload_discard ();
  gloss_preload_discard ();
}

static void
test_after_double_dash (void)
{
  g_autofree char *basic = fixture ("project-basic.gloss");
  g_autofree char *dir = g_dir_make_tmp ("gloss-preload-XXXXXX", NULL);
  g_autofree char *dashed = g_build_filename (dir, "-dashed.gloss", NULL);
  g_autofree char *contents = NULL;
  gsize size;
  const char *args[] = { "--", dashed, NULL };
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_cwd = g_get_current_dir ();

  g_assert_true (g_file_get_contents (basic, &contents, &size, NULL));
  g_assert_true (g_file_set_contents (dashed, contents, (gssize) size, NULL));

  /* Relative to the working directory, as a shell would pass it. */
  g_assert_cmpint (g_chdir (dir), ==, 0);
  args[1] = "-dashed.gloss";
  start (args);
  g_assert_cmpint (g_chdir (old_cwd), ==, 0);

  file = g_file_new_for_path (dashed);
  g_assert_true (gloss_preload_take (file, &project, &error));
  g_assert_no_error (error);
  assert_same_as_direct_load (project, dashed);
  gloss_preload_discard ();

  g_assert_cmpint (g_remove (dashed), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The same file named twice (two spellings) loads once and answers once. */
static void
test_named_twice (void)
{
  g_autofree char *basic = fixture ("project-basic.gloss");
  g_autofree char *dir = g_path_get_dirname (basic);
  g_autofree char *spelled = g_build_filename (dir, ".", "project-basic.gloss", NULL);
  const char *args[] = { basic, spelled, NULL };
  g_autoptr(GFile) file = g_file_new_for_path (basic);
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossProject) again = NULL;

  start (args);
  g_assert_true (gloss_preload_take (file, &project, NULL));
  g_assert_false (gloss_preload_take (file, &again, NULL));
  assert_same_as_direct_load (project, basic);
  gloss_preload_discard ();
}

/* Several files load in order; one asked for before the worker reached it
 * is left to the caller, and either way what the caller ends up with is
 * what a direct load gives. */
static void
test_several (void)
{
  g_autofree char *basic = fixture ("project-basic.gloss");
  g_autofree char *minimal = fixture ("project-minimal.gloss");
  const char *args[] = { basic, minimal, NULL };
  g_autoptr(GFile) basic_file = g_file_new_for_path (basic);
  g_autoptr(GFile) minimal_file = g_file_new_for_path (minimal);
  g_autoptr(GlossProject) first = NULL;
  g_autoptr(GlossProject) second = NULL;
  g_autoptr(GError) error = NULL;

  start (args);
  if (!gloss_preload_take (minimal_file, &second, &error))
    second = gloss_project_load (minimal_file, &error);
  g_assert_no_error (error);
  assert_same_as_direct_load (second, minimal);

  g_assert_true (gloss_preload_take (basic_file, &first, &error));
  g_assert_no_error (error);
  assert_same_as_direct_load (first, basic);
  g_assert_false (gloss_preload_take (minimal_file, &second, &error));
  gloss_preload_discard ();
}

/* A project whose text was edited outside Gloss is repaired as it loads
 * (re-anchored, digest corrected) and starts dirty, on the worker too. */
static void
test_repaired_project (void)
{
  const char *text = "Ya👩🏽‍🔬 said: «نعم» and שלום; 東京 🇩🇪 café e\xcc\x81 agreed.\r\nEnd.";
  g_autoptr(GlossProject) original = gloss_project_new ();
  g_autoptr(GlossDocument) document = gloss_document_new ("doc", "Mixed", text);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) json = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-preload-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "edited.gloss", NULL);
  const char *args[] = { path, NULL };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GError) error = NULL;
  const char *member = "\"text\": \"";
  const char *found;

  gloss_project_add_document (original, document);
  g_assert_nonnull (gloss_project_annotate (original, document, 2, 8, "person"));
  g_assert_nonnull (gloss_project_annotate (original, document, 15, 18, "quote"));
  bytes = gloss_project_serialize (original);

  /* A word inserted at the start of the text; offsets, quotes and the
   * digest still describe the old one. */
  json = g_string_new_len (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
  found = strstr (json->str, member);
  g_assert_nonnull (found);
  g_string_insert (json, found - json->str + strlen (member), "Yesterday ");
  g_assert_true (g_file_set_contents (path, json->str, (gssize) json->len, NULL));

  start (args);
  g_assert_true (gloss_preload_take (file, &project, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_project_get_dirty (project));
  assert_same_as_direct_load (project, path);
  gloss_preload_discard ();

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/preload/take-project", test_take_project);
  g_test_add_func ("/gloss/preload/take-error", test_take_error);
  g_test_add_func ("/gloss/preload/take-error-unwanted", test_take_error_unwanted);
  g_test_add_func ("/gloss/preload/not-preloaded", test_not_preloaded);
  g_test_add_func ("/gloss/preload/after-double-dash", test_after_double_dash);
  g_test_add_func ("/gloss/preload/named-twice", test_named_twice);
  g_test_add_func ("/gloss/preload/several", test_several);
  g_test_add_func ("/gloss/preload/repaired-project", test_repaired_project);

  return g_test_run ();
}
