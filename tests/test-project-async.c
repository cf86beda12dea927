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

/* ---- Saving ---- */

typedef struct {
  gboolean  done;
  gboolean  ok;
  GError   *error;
  GThread  *callback_thread;
} Saved;

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Saved *saved = user_data;

  saved->ok = gloss_project_save_finish (GLOSS_PROJECT (source), result, &saved->error);
  saved->callback_thread = g_thread_self ();
  saved->done = TRUE;
}

static void
wait_saved (Saved *saved)
{
  while (!saved->done)
    g_main_context_iteration (NULL, TRUE);
}

static char *
contents_of (GFile *file)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  return g_steal_pointer (&contents);
}

/* Shared by the tests below: a loaded project, and a copy of it to save. */
static GlossProject *
load_copy (GFile **copy)
{
  g_autofree char *path = fixture ("project-basic.gloss");
  g_autofree char *dir = g_dir_make_tmp ("gloss-save-async-XXXXXX", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "copy.gloss", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  GError *error = NULL;
  GlossProject *project;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy_path, contents, length, NULL));
  *copy = g_file_new_for_path (copy_path);
  project = gloss_project_load (*copy, &error);
  g_assert_no_error (error);
  return project;
}

/* … with an annotation made, so it has something to save. */
static GlossProject *
load_copy_and_annotate (GFile          **copy,
                        GlossDocument  **document)
{
  GlossProject *project = load_copy (copy);

  *document = g_list_model_get_item (gloss_project_get_documents (project), 0);
  g_object_unref (*document);  /* the project holds it */
  gloss_project_annotate (project, *document, 0, 3, NULL);
  return project;
}

static void
remove_copy (GFile *copy)
{
  g_autoptr(GFile) dir = g_file_get_parent (copy);

  g_file_delete (copy, NULL, NULL);
  g_file_delete (dir, NULL, NULL);
}

static void
test_save_writes_what_save_writes (void)
{
  g_autoptr(GFile) copy = NULL;
  GlossDocument *document = NULL;
  g_autoptr(GlossProject) project = load_copy_and_annotate (&copy, &document);
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *written = NULL;
  Saved saved = { 0 };

  g_assert_true (gloss_project_get_dirty (project));
  expected = gloss_project_serialize (project);

  gloss_project_save_async (project, copy, GLOSS_SAVE_DEFAULT, NULL, saved_cb, &saved);
  g_assert_false (saved.done);
  wait_saved (&saved);
  g_assert_no_error (saved.error);
  g_assert_true (saved.ok);
  g_assert_true (saved.callback_thread == g_thread_self ());
  g_assert_false (gloss_project_get_dirty (project));

  written = contents_of (copy);
  g_assert_cmpstr (written, ==, g_bytes_get_data (expected, NULL));

  /* The file written is the one on record: a change by another program is
   * noticed by the next save. */
  g_assert_true (g_file_replace_contents (copy, "{}", 2, NULL, FALSE, G_FILE_CREATE_NONE,
                                          NULL, NULL, NULL));
  saved = (Saved) { 0 };
  gloss_project_save_async (project, copy, GLOSS_SAVE_DEFAULT, NULL, saved_cb, &saved);
  wait_saved (&saved);
  g_assert_error (saved.error, GLOSS_ERROR, GLOSS_ERROR_CHANGED);
  g_clear_error (&saved.error);
  g_free (written);
  written = contents_of (copy);
  g_assert_cmpstr (written, ==, "{}");

  saved = (Saved) { 0 };
  gloss_project_save_async (project, copy, GLOSS_SAVE_OVERWRITE_CHANGES, NULL, saved_cb, &saved);
  wait_saved (&saved);
  g_assert_no_error (saved.error);
  g_free (written);
  written = contents_of (copy);
  g_assert_cmpstr (written, ==, g_bytes_get_data (expected, NULL));

  remove_copy (copy);
}

/* An edit made while the file is written waits for the worker to have
 * read the project, lands after it, and leaves the project unsaved; undo
 * back to what was saved makes it clean again. */
static void
test_edit_during_save (void)
{
  g_autoptr(GFile) copy = NULL;
  GlossDocument *document = NULL;
  g_autoptr(GlossProject) project = load_copy_and_annotate (&copy, &document);
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *written = NULL;
  Saved saved = { 0 };

  expected = gloss_project_serialize (project);

  gloss_project_save_async (project, copy, GLOSS_SAVE_DEFAULT, NULL, saved_cb, &saved);
  gloss_project_annotate (project, document, 1, 4, NULL);
  wait_saved (&saved);
  g_assert_no_error (saved.error);

  written = contents_of (copy);
  g_assert_cmpstr (written, ==, g_bytes_get_data (expected, NULL));
  g_assert_true (gloss_project_get_dirty (project));
  g_assert_true (gloss_project_undo (project));
  g_assert_false (gloss_project_get_dirty (project));

  /* Undone past the save, and a new edit made: the saved state is gone. */
  g_assert_true (gloss_project_undo (project));
  g_assert_true (gloss_project_get_dirty (project));
  gloss_project_annotate (project, document, 2, 5, NULL);
  g_assert_true (gloss_project_get_dirty (project));

  remove_copy (copy);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/project-async/same-as-direct-load", test_same_as_direct_load);
  g_test_add_func ("/gloss/project-async/errors", test_errors);
  g_test_add_func ("/gloss/project-async/cancelled", test_cancelled);
  g_test_add_func ("/gloss/project-async/save", test_save_writes_what_save_writes);
  g_test_add_func ("/gloss/project-async/edit-during-save", test_edit_during_save);

  return g_test_run ();
}
