/* test-project-async.c — a project loaded on a worker is what a load on the main thread gives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

typedef struct {
  GlossProject *project;
  GError       *error;
  gboolean      done;
  GThread      *callback_thread;
} Loaded;

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Loaded *loaded = user_data;

  loaded->project = gloss_project_load_finish (result, &loaded->error);
  loaded->callback_thread = g_thread_self ();
  loaded->done = TRUE;
}

static void
load_and_wait (const char   *path,
               GCancellable *cancellable,
               Loaded       *loaded)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gloss_project_load_async (file, cancellable, loaded_cb, loaded);
  /* The result never arrives within the call. */
  g_assert_false (loaded->done);
  while (!loaded->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_same_as_direct_load (void)
{
  g_autofree char *path = fixture ("project-basic.gloss");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) direct = gloss_project_load (file, &error);
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) got = NULL;
  g_autoptr(GlossDocument) document = NULL;
  Loaded loaded = { 0 };
  guint n_annotations;

  g_assert_no_error (error);
  load_and_wait (path, NULL, &loaded);
  g_assert_no_error (loaded.error);
  g_assert_nonnull (loaded.project);
  g_assert_true (loaded.callback_thread == g_thread_self ());

  expected = gloss_project_serialize (direct);
  got = gloss_project_serialize (loaded.project);
  g_assert_true (g_bytes_equal (expected, got));
  g_assert_cmpint (gloss_project_get_dirty (loaded.project), ==, gloss_project_get_dirty (direct));

  /* Built on the worker, edited here: edits, undo and the lazy offset
   * tables all work on the main thread. */
  document = g_list_model_get_item (gloss_project_get_documents (loaded.project), 0);
  n_annotations = gloss_document_get_n_annotations (document);
  g_assert_nonnull (gloss_project_annotate (loaded.project, document, 0, 1, NULL));
  g_assert_cmpuint (gloss_document_get_n_annotations (document), ==, n_annotations + 1);
  g_assert_true (gloss_project_undo (loaded.project));
  g_assert_cmpuint (gloss_document_get_n_annotations (document), ==, n_annotations);

  g_object_unref (loaded.project);
}

/* A file that fails gives exactly the error a direct load gives. */
static void
assert_same_error (const char *name)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) direct_error = NULL;
  g_autoptr(GlossProject) direct = gloss_project_load (file, &direct_error);
  Loaded loaded = { 0 };

  g_assert_null (direct);
  g_assert_nonnull (direct_error);
  load_and_wait (path, NULL, &loaded);
  g_assert_null (loaded.project);
  g_assert_error (loaded.error, direct_error->domain, direct_error->code);
  g_assert_cmpstr (loaded.error->message, ==, direct_error->message);
  g_error_free (loaded.error);
}

static void
test_errors (void)
{
  assert_same_error ("broken/not-json.gloss");
  assert_same_error ("broken/unknown-tag.gloss");
  assert_same_error ("no-such-project.gloss");
}

static void
test_cancelled (void)
{
  g_autofree char *path = fixture ("project-basic.gloss");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Loaded loaded = { 0 };

  g_cancellable_cancel (cancellable);
  load_and_wait (path, cancellable, &loaded);
  g_assert_null (loaded.project);
  g_assert_error (loaded.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_error_free (loaded.error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/project-async/same-as-direct-load", test_same_as_direct_load);
  g_test_add_func ("/gloss/project-async/errors", test_errors);
  g_test_add_func ("/gloss/project-async/cancelled", test_cancelled);

  return g_test_run ();
}
