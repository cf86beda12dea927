/* test-project-preview.c — the first document of a big project, read before the rest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gloss.h"

/* Text that breaks offset arithmetic done in bytes or UTF-16 units. */
static const char first_text[] =
  "\xEF\xBB\xBFHarbour reopens 👩‍👩‍👧‍👦 after the storm 🇳🇴.\r\n"
  "The mayor 👍🏽 called it \"a fresh start\", the council said.\r\n"
  "Cafe\xcc\x81 owners disagreed about the ferry timetable.\r\n"
  "قال رئيس البلدية إن الميناء سيفتح. אמר ראש העיר שהנמל ייפתח.\r\n"
  "港口在风暴后重新开放。\r\n";

/* Filler for the other documents: the file must pass a megabyte. */
static const char filler[] =
  "Dock workers counted the crates twice before the ferry left the quay. ";

static GlossAnnotation *
annotate_text (GlossProject  *project,
               GlossDocument *document,
               const char    *needle,
               const char    *tag_id)
{
  const char *text = gloss_document_get_text (document);
  const char *found = strstr (text, needle);
  GlossOffset start, end;

  g_assert_nonnull (found);
  start = (GlossOffset) g_utf8_pointer_to_offset (text, found);
  end = start + (GlossOffset) g_utf8_strlen (needle, -1);
  return gloss_project_annotate (project, document, start, end, tag_id);
}

/* A first document with emoji, CRLF, a BOM, RTL and CJK, then @n_more
 * documents of @more_size bytes, linked across. */
static GlossProject *
build_archive (guint n_more,
               gsize more_size)
{
  GlossProject *project = gloss_project_new ();
  g_autoptr(GlossDocument) first = gloss_document_new ("first", "Harbour reopens", first_text);
  g_autoptr(GString) text = g_string_new (NULL);
  GlossAnnotation *mayor, *cafe;

  gloss_project_set_title (project, "Port desk");
  gloss_project_add_document (project, first);
  mayor = annotate_text (project, first, "The mayor 👍🏽", "source");
  cafe = annotate_text (project, first, "Cafe\xcc\x81 owners", "claim");
  annotate_text (project, first, "港口", "place");
  gloss_annotation_set_note (cafe, "Which cafés? 🇳🇴");
  gloss_project_link (project, cafe, mayor, "attributed-to");

  while (text->len < more_size)
    g_string_append (text, filler);

  for (guint i = 0; i < n_more; i++)
    {
      g_autofree char *title = g_strdup_printf ("Ferry report %u", i);
      g_autoptr(GlossDocument) more = gloss_document_new (NULL, title, text->str);
      GlossAnnotation *crates;

      gloss_project_add_document (project, more);
      crates = annotate_text (project, more, "counted the crates", "claim");
      gloss_project_link (project, crates, mayor, "supports");
    }

  return project;
}

static GFile *
save_to_temp (GlossProject *project,
              const char   *name,
              char        **dir)
{
  g_autoptr(GError) error = NULL;
  GFile *file;

  *dir = g_dir_make_tmp ("gloss-preview-XXXXXX", &error);
  g_assert_no_error (error);
  file = g_file_new_build_filename (*dir, name, NULL);
  g_assert_true (gloss_project_save (project, file, &error));
  g_assert_no_error (error);
  return file;
}

static void
remove_temp (GFile      *file,
             const char *dir)
{
  g_file_delete (file, NULL, NULL);
  g_rmdir (dir);
}

static void
assert_same_annotations (GlossDocument *a,
                         GlossDocument *b)
{
  guint n = gloss_document_get_n_annotations (a);

  g_assert_cmpuint (n, ==, gloss_document_get_n_annotations (b));
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *x = gloss_document_get_annotation (a, i);
      GlossAnnotation *y = gloss_document_get_annotation (b, i);

      g_assert_cmpstr (gloss_annotation_get_id (x), ==, gloss_annotation_get_id (y));
      g_assert_cmpuint (gloss_annotation_get_start (x), ==, gloss_annotation_get_start (y));
      g_assert_cmpuint (gloss_annotation_get_end (x), ==, gloss_annotation_get_end (y));
      g_assert_cmpstr (gloss_annotation_get_quote (x), ==, gloss_annotation_get_quote (y));
      g_assert_cmpstr (gloss_annotation_get_note (x), ==, gloss_annotation_get_note (y));
      g_assert_cmpstrv (gloss_annotation_get_tags (x), gloss_annotation_get_tags (y));
    }
}

/* The preview holds the first document exactly as the whole load has it,
 * the tags and the title, and nothing else. */
static void
test_preview_first_document (void)
{
  g_autoptr(GlossProject) built = build_archive (40, 32 * 1024);
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = save_to_temp (built, "port.gloss", &dir);
  g_autoptr(GlossProject) preview = gloss_project_load_preview (file, NULL);
  g_autoptr(GlossProject) whole = NULL;
  g_autoptr(GlossDocument) shown = NULL;
  g_autoptr(GlossDocument) first = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (preview);
  g_assert_true (gloss_project_is_partial (preview));
  g_assert_false (gloss_project_get_dirty (preview));
  g_assert_cmpstr (gloss_project_get_title (preview), ==, "Port desk");
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_documents (preview)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_relations (preview)), ==, 0);

  whole = gloss_project_load (file, &error);
  g_assert_no_error (error);
  g_assert_false (gloss_project_is_partial (whole));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_documents (whole)), ==, 41);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_relations (whole)), ==, 41);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_tags (preview)), ==,
                    g_list_model_get_n_items (gloss_project_get_tags (whole)));

  shown = g_list_model_get_item (gloss_project_get_documents (preview), 0);
  first = g_list_model_get_item (gloss_project_get_documents (whole), 0);
  g_assert_cmpstr (gloss_document_get_id (shown), ==, "first");
  g_assert_cmpstr (gloss_document_get_text (shown), ==, gloss_document_get_text (first));
  g_assert_cmpuint (gloss_document_get_n_annotations (shown), ==, 3);
  assert_same_annotations (shown, first);

  remove_temp (file, dir);
}

static void
save_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* A preview is never written: saving it fails and leaves the file as it
 * was, to the byte. */
static void
test_preview_never_saved (void)
{
  g_autoptr(GlossProject) built = build_archive (40, 32 * 1024);
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = save_to_temp (built, "port.gloss", &dir);
  g_autoptr(GFile) other = NULL;
  g_autoptr(GlossProject) preview = gloss_project_load_preview (file, NULL);
  g_autoptr(GBytes) before = g_file_load_bytes (file, NULL, NULL, NULL);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) shown = NULL;

  g_assert_nonnull (preview);
  shown = g_list_model_get_item (gloss_project_get_documents (preview), 0);
  gloss_project_annotate (preview, shown, 0, 4, "claim");

  g_assert_false (gloss_project_save (preview, file, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "port.gloss"));
  g_clear_error (&error);
  after = g_file_load_bytes (file, NULL, NULL, NULL);
  g_assert_true (g_bytes_equal (before, after));

  /* Nor under another name. */
  other = g_file_new_build_filename (dir, "copy.gloss", NULL);
  g_assert_false (gloss_project_save (preview, other, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_FAILED);
  g_assert_false (g_file_query_exists (other, NULL));
  g_clear_error (&error);

  /* Nor off the main thread, as the window saves. */
  {
    GAsyncResult *result = NULL;

    gloss_project_save_async (preview, file, GLOSS_SAVE_DEFAULT, NULL, save_ready_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (gloss_project_save_finish (preview, result, &error));
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_FAILED);
    g_object_unref (result);
  }
  g_clear_pointer (&after, g_bytes_unref);
  after = g_file_load_bytes (file, NULL, NULL, NULL);
  g_assert_true (g_bytes_equal (before, after));

  remove_temp (file, dir);
}

/* A small file loads whole as fast; a first document that is most of the
 * file saves nothing either: no preview. */
static void
test_no_preview_when_not_worth_it (void)
{
  g_autoptr(GlossProject) small = build_archive (3, 1024);
  g_autoptr(GlossProject) one_big = build_archive (1, 2 * 1024 * 1024);
  g_autoptr(GlossProject) big_first = gloss_project_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *small_dir = NULL;
  g_autofree char *one_dir = NULL;
  g_autofree char *big_dir = NULL;
  g_autoptr(GFile) small_file = save_to_temp (small, "small.gloss", &small_dir);
  g_autoptr(GFile) one_file = save_to_temp (one_big, "one.gloss", &one_dir);
  g_autoptr(GFile) big_file = NULL;
  g_autoptr(GlossProject) preview = NULL;

  g_assert_null (gloss_project_load_preview (small_file, NULL));
  /* The second of two documents is nearly all the file; the first is
   * small, so a preview is worth it. */
  preview = gloss_project_load_preview (one_file, NULL);
  g_assert_nonnull (preview);

  while (text->len < 2 * 1024 * 1024)
    g_string_append (text, filler);
  {
    g_autoptr(GlossDocument) only = gloss_document_new (NULL, "Everything", text->str);
    g_autoptr(GlossDocument) tail = gloss_document_new (NULL, "Tail", "A short note.\n");

    gloss_project_add_document (big_first, only);
    gloss_project_add_document (big_first, tail);
  }
  big_file = save_to_temp (big_first, "big.gloss", &big_dir);
  g_assert_null (gloss_project_load_preview (big_file, NULL));

  remove_temp (small_file, small_dir);
  remove_temp (one_file, one_dir);
  remove_temp (big_file, big_dir);
}

static GFile *
write_temp (const char  *name,
            const char  *data,
            gsize        size,
            char       **dir)
{
  g_autoptr(GError) error = NULL;
  GFile *file;

  *dir = g_dir_make_tmp ("gloss-preview-XXXXXX", &error);
  g_assert_no_error (error);
  file = g_file_new_build_filename (*dir, name, NULL);
  g_assert_true (g_file_replace_contents (file, data, size, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
  return file;
}

/* A file broken after its first document previews that document, and the
 * whole load still fails with the same message, naming the line and
 * column, as without a preview. */
static void
test_broken_after_first_document (void)
{
  g_autoptr(GlossProject) built = build_archive (40, 32 * 1024);
  g_autoptr(GBytes) bytes = gloss_project_serialize (built);
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *broken = g_memdup2 (data, size);
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossProject) preview = NULL;
  g_autoptr(GlossProject) whole = NULL;
  g_autoptr(GError) error = NULL;
  char *last_brace = NULL;
  int line = 1;

  /* The file's last '}' becomes a ']'. */
  for (gsize i = size; i > 0; i--)
    if (broken[i - 1] == '}')
      {
        last_brace = broken + i - 1;
        break;
      }
  g_assert_nonnull (last_brace);
  *last_brace = ']';
  for (const char *p = broken; p < last_brace; p++)
    line += *p == '\n';
  file = write_temp ("broken.gloss", broken, size, &dir);

  preview = gloss_project_load_preview (file, NULL);
  g_assert_nonnull (preview);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_documents (preview)), ==, 1);

  whole = gloss_project_load (file, &error);
  g_assert_null (whole);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE);
  {
    g_autofree char *where = g_strdup_printf ("broken.gloss:%d:1:", line);

    g_assert_true (g_str_has_prefix (error->message, where));
  }

  remove_temp (file, dir);
}

/* Anything not as Gloss writes it before the end of the first document
 * means no preview, never a wrong one: the whole load judges the file. */
static void
test_unusual_files_no_preview (void)
{
  g_autoptr(GlossProject) built = build_archive (40, 32 * 1024);
  g_autoptr(GBytes) bytes = gloss_project_serialize (built);
  gsize size = g_bytes_get_size (bytes);
  /* NUL-terminated, for strstr (). */
  g_autofree char *data = g_strndup (g_bytes_get_data (bytes, NULL), size);
  const char *documents = strstr (data, "\"documents\"");
  const char *tags = strstr (data, "\"tags\"");
  g_autoptr(GString) moved = g_string_new (NULL);
  g_autofree char *cut = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *cut_dir = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) cut_file = NULL;
  g_autoptr(GlossProject) whole = NULL;
  g_autoptr(GError) error = NULL;
  const char *relation_types = strstr (data, "\"relation_types\"");

  g_assert_nonnull (documents);
  g_assert_nonnull (tags);
  g_assert_nonnull (relation_types);

  /* The tags moved after the documents: the first document's annotations
   * name tags the preview has not read, so there is none; the whole load
   * reads the file as it always did. */
  {
    const char *end = strrchr (data, '}');
    const char *tags_end = relation_types;

    /* "tags": [ … ] without the comma and spaces after it. */
    while (tags_end > tags && tags_end[-1] != ']')
      tags_end--;
    g_string_append_len (moved, data, tags - data);
    g_string_append_len (moved, relation_types, end - relation_types);
    g_string_append (moved, ", ");
    g_string_append_len (moved, tags, tags_end - tags);
    g_string_append (moved, "}\n");
  }
  file = write_temp ("moved.gloss", moved->str, moved->len, &dir);
  g_assert_null (gloss_project_load_preview (file, NULL));
  whole = gloss_project_load (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_documents (whole)), ==, 41);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_tags (whole)), ==,
                    g_list_model_get_n_items (gloss_project_get_tags (built)));

  /* Cut inside a string of the first document: no preview. */
  cut = g_strndup (data, (documents - data) + 200);
  {
    g_autoptr(GString) padded = g_string_new (cut);

    /* Past the size under which no preview is tried, with bytes that
     * are not JSON. */
    while (padded->len < 2 * 1024 * 1024)
      g_string_append (padded, "\"\\");
    cut_file = write_temp ("cut.gloss", padded->str, padded->len, &cut_dir);
  }
  g_assert_null (gloss_project_load_preview (cut_file, NULL));

  remove_temp (file, dir);
  remove_temp (cut_file, cut_dir);
}

static void
preview_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GlossProject **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = gloss_project_load_preview_finish (result, &error);
  g_assert_no_error (error);
  if (*out == NULL)
    *out = (GlossProject *) GINT_TO_POINTER (1);
}

/* The same, off the main thread, of a file that starts with a byte
 * order mark. */
static void
test_preview_async (void)
{
  g_autoptr(GlossProject) built = build_archive (40, 32 * 1024);
  g_autoptr(GBytes) bytes = gloss_project_serialize (built);
  g_autoptr(GString) with_bom = g_string_new ("\xEF\xBB\xBF");
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = NULL;
  GlossProject *preview = NULL;

  g_string_append_len (with_bom, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  file = write_temp ("port.gloss", with_bom->str, with_bom->len, &dir);

  gloss_project_load_preview_async (file, NULL, preview_ready_cb, &preview);
  while (preview == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (GLOSS_IS_PROJECT (preview));
  g_assert_true (gloss_project_is_partial (preview));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_documents (preview)), ==, 1);
  g_object_unref (preview);

  remove_temp (file, dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/preview/first-document", test_preview_first_document);
  g_test_add_func ("/preview/never-saved", test_preview_never_saved);
  g_test_add_func ("/preview/not-worth-it", test_no_preview_when_not_worth_it);
  g_test_add_func ("/preview/broken-after-first-document", test_broken_after_first_document);
  g_test_add_func ("/preview/unusual-files", test_unusual_files_no_preview);
  g_test_add_func ("/preview/async", test_preview_async);

  return g_test_run ();
}
