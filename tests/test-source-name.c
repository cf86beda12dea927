/* test-source-name.c — a document's source never names the analyst's folders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "gloss.h"

static void
test_for_sharing (void)
{
  static const struct {
    const char *source;
    const char *shared;
  } cases[] = {
    { "/home/ana/leaks/harbour.txt", "harbour.txt" },
    { "/home/ana/Läuft/Grüße 🇩🇪.md", "Grüße 🇩🇪.md" },
    { "file:///home/ana/notes/vote%20day.txt", "vote day.txt" },
    { "C:\\Users\\ana\\Desktop\\talks.txt", "talks.txt" },
    { "\\\\server\\share\\talks.txt", "talks.txt" },
    { "https://example.org/news/harbour?id=4", "https://example.org/news/harbour?id=4" },
    { "harbour.txt", "harbour.txt" },
    { "articles/harbour.txt", "articles/harbour.txt" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shared = gloss_source_name_for_sharing (cases[i].source);

      g_assert_cmpstr (shared, ==, cases[i].shared);
    }
}

/* A project written before keeps loading, and its path is written back
 * as the name alone. */
static void
test_old_project (void)
{
  const char *old =
    "{\"format\": \"gloss-project\", \"version\": 2, \"title\": \"Old\","
    " \"created\": \"2024-05-01T09:00:00Z\", \"modified\": \"2024-05-01T09:00:00Z\","
    " \"tags\": [], \"relation_types\": [], \"relations\": [],"
    " \"documents\": [{\"id\": \"d\", \"title\": \"Talks\","
    " \"source\": \"/home/ana/secret-folder/talks.txt\","
    " \"imported\": \"2024-05-01T09:00:00Z\", \"provenance\": {},"
    " \"sha256\": \"1f24144793f455ed7aa28358594b3a571d8d2a7c0b8e65e82c56c1bfefae4ac5\","
    " \"text\": \"Talks stall.\", \"annotations\": []}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (old, strlen (old));
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project = gloss_project_load_bytes (bytes, "old.gloss", NULL, &error);
  g_autoptr(GBytes) written = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (project);
  written = gloss_project_serialize (project);
  text = g_strndup (g_bytes_get_data (written, NULL), g_bytes_get_size (written));
  g_assert_nonnull (strstr (text, "\"source\": \"talks.txt\""));
  g_assert_null (strstr (text, "secret-folder"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/source-name/for-sharing", test_for_sharing);
  g_test_add_func ("/gloss/source-name/old-project", test_old_project);

  return g_test_run ();
}
