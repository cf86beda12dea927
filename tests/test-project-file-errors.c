/* test-project-file-errors.c — broken .gloss files are refused, explained,
 * and left alone
 *
 * The corpus is the .gloss files in tests/fixtures/broken; its EXPECTED
 * gives, for each file, the error code and a piece of the message. Files
 * too big to keep (deep nesting, millions of annotations, half a gigabyte)
 * are made here at run time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gloss.h"

typedef struct
{
  char       *name;
  GlossError  code;
  char       *fragment;
} Expectation;

static void
expectation_free (Expectation *e)
{
  g_free (e->name);
  g_free (e->fragment);
  g_free (e);
}

static GlossError
code_from_name (const char *name)
{
  static const struct { const char *name; GlossError code; } codes[] = {
    { "parse", GLOSS_ERROR_PARSE },
    { "invalid", GLOSS_ERROR_INVALID },
    { "version", GLOSS_ERROR_VERSION },
    { "encoding", GLOSS_ERROR_ENCODING },
    { "too-large", GLOSS_ERROR_TOO_LARGE },
    { "io", GLOSS_ERROR_IO },
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (g_str_equal (codes[i].name, name))
      return codes[i].code;

  g_error ("EXPECTED names an unknown error code “%s”", name);
}

static GPtrArray *
read_expectations (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "broken", "EXPECTED", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *expectations = g_ptr_array_new_with_free_func ((GDestroyNotify) expectation_free);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      Expectation *e;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      fields = g_strsplit (lines[i], "\t", 3);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      e = g_new0 (Expectation, 1);
      e->name = g_strdup (fields[0]);
      e->code = code_from_name (fields[1]);
      e->fragment = g_strdup (fields[2]);
      g_ptr_array_add (expectations, e);
    }

  return expectations;
}

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (contents, length);
}

static void
assert_contains (const char *message,
                 const char *fragment)
{
  if (strstr (message, fragment) == NULL)
    g_error ("the message\n  %s\ndoes not contain\n  %s", message, fragment);
}

/* The refusal the test expects, and nothing else. */
static void
check_refused (const char        *path,
               const Expectation *e)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) bytes_error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossProject) from_bytes = NULL;
  g_autofree char *name_colon = g_strconcat (e->name, ":", NULL);
  GStatBuf stat_before, stat_after;

  g_assert_cmpint (g_stat (path, &stat_before), ==, 0);

  project = gloss_project_load (file, &error);
  g_assert_null (project);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (error->domain == GLOSS_ERROR);
  if (error->code != (int) e->code)
    g_error ("%s: expected code %d, got %d: %s", e->name, e->code, error->code, error->message);
  g_assert_true (g_str_has_prefix (error->message, name_colon));
  assert_contains (error->message, e->fragment);

  /* The same from memory, with every problem listed; the error is the
   * first of them. */
  from_bytes = gloss_project_load_bytes (before, e->name, problems, &bytes_error);
  g_assert_null (from_bytes);
  g_assert_error (bytes_error, GLOSS_ERROR, (int) e->code);
  g_assert_cmpuint (problems->len, >=, 1);
  g_assert_true (g_str_has_prefix (bytes_error->message, g_ptr_array_index (problems, 0)));
  for (guint i = 0; i < problems->len; i++)
    g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, i), name_colon));

  /* Loading never writes. */
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (g_stat (path, &stat_after), ==, 0);
  g_assert_cmpint (stat_before.st_mtime, ==, stat_after.st_mtime);
  g_assert_cmpint (stat_before.st_size, ==, stat_after.st_size);
}

static void
test_corpus (void)
{
  g_autoptr(GPtrArray) expectations = read_expectations ();
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fixtures", "broken", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpuint (expectations->len, >=, 30);

  for (guint i = 0; i < expectations->len; i++)
    {
      Expectation *e = g_ptr_array_index (expectations, i);
      g_autofree char *path = g_build_filename (dir_path, e->name, NULL);

      g_assert_true (g_hash_table_add (listed, e->name));
      check_refused (path, e);
    }

  /* A broken file without an expectation would test nothing. */
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".gloss") && !g_hash_table_contains (listed, name))
      g_error ("tests/fixtures/broken/%s has no line in EXPECTED", name);
}

/* The corpus is made from this file by one change each; it must load, or
 * the corpus would test the wrong thing. */
static void
test_base_loads (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "project-minimal.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project = gloss_project_load (file, &error);
  g_autoptr(GlossDocument) document = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (project);
  document = g_list_model_get_item (gloss_project_get_documents (project), 0);
  g_assert_cmpuint (gloss_document_get_n_annotations (document), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_relations (project)), ==, 1);
  g_assert_false (gloss_project_get_dirty (project));
}

static GlossProject *
load_string (const char  *data,
             gsize        length,
             GPtrArray   *problems,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, length);

  return gloss_project_load_bytes (bytes, "generated.gloss", problems, error);
}

/* json-glib recurses once per level: ~100,000 levels overflow its stack.
 * The scan must stop long before. */
static void
test_deep_nesting (void)
{
  const guint depth = 200000;
  const char *openers[] = { "[", "{\"a\": " };

  for (guint k = 0; k < G_N_ELEMENTS (openers); k++)
    {
      g_autoptr(GString) text = g_string_new ("{\"format\": \"gloss-project\", \"version\": 1, \"x\": ");
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossProject) project = NULL;

      for (guint i = 0; i < depth; i++)
        g_string_append (text, openers[k]);
      project = load_string (text->str, text->len, NULL, &error);
      g_assert_null (project);
      g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
      assert_contains (error->message, "generated.gloss:1:");
      assert_contains (error->message, "nested deeper than 64 levels");
    }
}

/* Brackets inside strings are text, not nesting. */
static void
test_brackets_in_strings (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "project-minimal.gloss", NULL);
  g_autoptr(GBytes) base = read_bytes (path);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (base, NULL), (gssize) g_bytes_get_size (base));
  g_autoptr(GString) title = g_string_new ("\"title\": \"");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append (title, "[{\\\"\\\\");
  g_string_append (title, "\"");
  g_assert_cmpuint (g_string_replace (text, "\"title\": \"Broken on purpose\"", title->str, 1), ==, 1);

  project = load_string (text->str, text->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (gloss_project_get_title (project), "[{\"\\[{\"\\"));
  g_assert_cmpuint (strlen (gloss_project_get_title (project)), ==, 4000);
}

/* Refused before the walk builds millions of annotations, naming the one
 * past the limit, across documents. */
static void
test_too_many_annotations (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": \"gloss-project\", \"version\": 1, "
                                          "\"documents\": [{\"annotations\": [{}, {}, {}]}, "
                                          "{\"annotations\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project = NULL;

  for (guint i = 0; i <= GLOSS_MAX_ANNOTATIONS - 3; i++)
    g_string_append (text, i == 0 ? "{}" : ",{}");
  g_string_append (text, "]}]}");

  project = load_string (text->str, text->len, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  assert_contains (error->message, "documents[1].annotations[1999997]: more than 2000000 annotations");
}

/* Refused from its size alone: a sparse file, so nothing is written. */
static void
test_too_large_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "huge.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossProject) project = NULL;
  int fd;

  g_assert_no_error (error);
  fd = g_open (path, O_WRONLY | O_CREAT, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) GLOSS_MAX_PROJECT_FILE_SIZE + 1), ==, 0);
  close (fd);

  project = gloss_project_load (file, &error);
  g_assert_null (project);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  assert_contains (error->message, "huge.gloss: the file is 536870913 bytes");

  g_unlink (path);
  g_rmdir (dir);
}

/* A device that never ends is read only to the limit. */
static void
test_endless_device (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/zero");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project = NULL;

  if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/zero");
      return;
    }

  project = gloss_project_load (file, &error);
  g_assert_null (project);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  assert_contains (error->message, "zero: the file is 536870913 bytes");
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/folder/gone.gloss");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project = gloss_project_load (file, &error);

  g_assert_null (project);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  assert_contains (error->message, "gone.gloss: no such file");
}

static void
test_folder (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "broken", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project = gloss_project_load (file, &error);

  g_assert_null (project);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_IO);
  assert_contains (error->message, "broken: is a folder");
}

/* Every problem is reported, not only the first. */
static void
test_all_problems_listed (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "broken", "several-problems.gloss", NULL);
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project = gloss_project_load_bytes (bytes, "several.gloss", problems, &error);

  g_assert_null (project);
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, "several.gloss: title: must be a string, not null");
  g_assert_cmpstr (g_ptr_array_index (problems, 1), ==,
                   "several.gloss: documents[0].annotations[0].start: must not be negative (it is -1)");
  g_assert_cmpstr (g_ptr_array_index (problems, 2), ==,
                   "several.gloss: relations[0].from: no annotation has the id “zz”");
  g_assert_cmpstr (error->message, ==,
                   "several.gloss: title: must be a string, not null (and 2 more problems)");
}

/* However the file is cut short, or a byte is broken, the loader answers
 * with an error (or a project), never a crash. */
static void
test_every_prefix_and_mutation (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "project-minimal.gloss", NULL);
  g_autoptr(GBytes) base = read_bytes (path);
  gsize size;
  const char *data = g_bytes_get_data (base, &size);
  g_autofree char *copy = g_memdup2 (data, size);
  const char replacements[] = { '"', '\\', '{', '}', '[', ']', ',', ':', '0', '-', ' ', 'x', '\n', '\xff' };
  GRand *rand = g_rand_new_with_seed (20240501);

  for (gsize cut = 0; cut < size - 1; cut++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossProject) project = load_string (data, cut, NULL, &error);

      /* The last byte is a newline; every shorter prefix is incomplete. */
      g_assert_null (project);
      g_assert_true (error->domain == GLOSS_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "generated.gloss"));
    }

  for (guint i = 0; i < (g_getenv ("GLOSS_MUTATIONS") ? (guint) atoi (g_getenv ("GLOSS_MUTATIONS")) : 5000u); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossProject) project = NULL;
      gsize at = g_rand_int_range (rand, 0, (gint32) size);
      char saved = copy[at];

      copy[at] = replacements[g_rand_int_range (rand, 0, G_N_ELEMENTS (replacements))];
      project = load_string (copy, size, NULL, &error);
      g_assert_true ((project == NULL) != (error == NULL));
      copy[at] = saved;
    }

  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/project-file-errors/base-loads", test_base_loads);
  g_test_add_func ("/gloss/project-file-errors/corpus", test_corpus);
  g_test_add_func ("/gloss/project-file-errors/deep-nesting", test_deep_nesting);
  g_test_add_func ("/gloss/project-file-errors/brackets-in-strings", test_brackets_in_strings);
  g_test_add_func ("/gloss/project-file-errors/too-many-annotations", test_too_many_annotations);
  g_test_add_func ("/gloss/project-file-errors/too-large-file", test_too_large_file);
  g_test_add_func ("/gloss/project-file-errors/endless-device", test_endless_device);
  g_test_add_func ("/gloss/project-file-errors/missing-file", test_missing_file);
  g_test_add_func ("/gloss/project-file-errors/folder", test_folder);
  g_test_add_func ("/gloss/project-file-errors/all-problems-listed", test_all_problems_listed);
  g_test_add_func ("/gloss/project-file-errors/every-prefix-and-mutation", test_every_prefix_and_mutation);

  return g_test_run ();
}
