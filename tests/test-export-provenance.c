/* test-export-provenance.c — a document's provenance in every export: json,
 * W3C, csv and brat
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include <json-glib/json-glib.h>

#include "gloss.h"
#include "export-fixture.h"

/* Two documents: one imported from a page, one whose origin is unknown. */
static GlossProject *
make_project (void)
{
  GlossProject *project = gloss_project_new ();
  g_autoptr(GlossDocument) page = gloss_document_new ("page", "Harbour reopens", "The harbour 🚢 reopened, said Ana.\r\n");
  g_autoptr(GlossDocument) bare = gloss_document_new ("bare", "Notes", "مرحبا, no origin known.\n");
  g_autoptr(GlossProvenance) provenance = gloss_provenance_new ();

  gloss_provenance_set_url (provenance, "https://news.example.org/harbour?a=1,b=2");
  gloss_provenance_set_site_name (provenance, "=Courier, \"Daily\"");
  gloss_provenance_set_authors (provenance, (const char * const[]) { "Ana Ruiz", "李 明", NULL });
  gloss_provenance_set_published (provenance, "2026-03-04T08:15:00+01:00");
  gloss_provenance_set_language (provenance, "es");
  gloss_provenance_set_file (provenance, "harbour.html");
  gloss_provenance_set_file_sha256 (provenance,
                                    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  gloss_document_set_provenance (page, provenance);

  gloss_project_add_document (project, page);
  gloss_project_add_document (project, bare);
  fixture_annotate (project, page, "harbour 🚢", 0, "claim");
  fixture_annotate (project, bare, "مرحبا", 0, "quote");

  return project;
}

static JsonObject *
document_object (JsonNode   *root,
                 const char *id)
{
  JsonArray *documents = json_object_get_array_member (json_node_get_object (root), "documents");

  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonObject *document = json_array_get_object_element (documents, i);

      if (g_str_equal (json_object_get_string_member (document, "id"), id))
        return document;
    }

  g_assert_not_reached ();
}

static void
test_json (void)
{
  g_autoptr(GlossProject) project = make_project ();
  g_autoptr(GBytes) bytes = gloss_export_bytes (project, NULL, GLOSS_EXPORT_JSON, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *provenance;
  JsonArray *authors;
  g_autoptr(GList) members = NULL;
  const char *data;
  gsize size;

  data = g_bytes_get_data (bytes, &size);
  json_parser_load_from_data (parser, data, (gssize) size, &error);
  g_assert_no_error (error);

  provenance = json_object_get_object_member (document_object (json_parser_get_root (parser), "page"),
                                              "provenance");
  g_assert_nonnull (provenance);
  g_assert_cmpstr (json_object_get_string_member (provenance, "url"), ==,
                   "https://news.example.org/harbour?a=1,b=2");
  g_assert_cmpstr (json_object_get_string_member (provenance, "site_name"), ==, "=Courier, \"Daily\"");
  authors = json_object_get_array_member (provenance, "authors");
  g_assert_cmpuint (json_array_get_length (authors), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (authors, 1), ==, "李 明");
  g_assert_cmpstr (json_object_get_string_member (provenance, "file"), ==, "harbour.html");
  /* Only what is known: no "modified", no empty strings. */
  g_assert_false (json_object_has_member (provenance, "modified"));
  g_assert_false (json_object_has_member (provenance, "captured"));
  g_assert_cmpuint (json_object_get_size (provenance), ==, 7);

  provenance = json_object_get_object_member (document_object (json_parser_get_root (parser), "bare"),
                                              "provenance");
  g_assert_nonnull (provenance);
  g_assert_cmpuint (json_object_get_size (provenance), ==, 0);

  /* The same object, byte for byte, as the project file holds. */
  {
    g_autoptr(GBytes) saved = gloss_project_serialize (project);
    const char *block =
      "      \"provenance\": {\n"
      "        \"url\": \"https://news.example.org/harbour?a=1,b=2\",\n"
      "        \"site_name\": \"=Courier, \\\"Daily\\\"\",\n";

    g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), block));
    g_assert_nonnull (strstr (data, block));
  }
}

/* Splits one CSV record without quoted line breaks (none here). */
static GPtrArray *
split_record (const char *line)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; ; p++)
    {
      if (quoted && *p == '"' && p[1] == '"')
        {
          g_string_append_c (field, '"');
          p++;
        }
      else if (*p == '"')
        quoted = !quoted;
      else if ((*p == ',' && !quoted) || *p == '\0')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          if (*p == '\0')
            break;
        }
      else
        g_string_append_c (field, *p);
    }

  return fields;
}

static void
test_csv (void)
{
  g_autoptr(GlossProject) project = make_project ();
  g_autoptr(GBytes) bytes = gloss_export_bytes (project, NULL, GLOSS_EXPORT_CSV, NULL);
  g_autofree char *text = g_strndup ((const char *) g_bytes_get_data (bytes, NULL) + 3,
                                     g_bytes_get_size (bytes) - 3);
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GPtrArray) page_row = NULL;
  g_autoptr(GPtrArray) bare_row = NULL;
  guint url = G_MAXUINT, site = G_MAXUINT, published = G_MAXUINT;

  g_assert_cmpuint (g_strv_length (lines), ==, 4);  /* header, two rows, "" */
  header = split_record (lines[0]);
  for (guint i = 0; i < header->len; i++)
    {
      const char *name = g_ptr_array_index (header, i);

      if (g_str_equal (name, "url"))
        url = i;
      else if (g_str_equal (name, "site"))
        site = i;
      else if (g_str_equal (name, "published"))
        published = i;
    }
  g_assert_cmpuint (url, !=, G_MAXUINT);
  g_assert_cmpuint (site, !=, G_MAXUINT);
  g_assert_cmpuint (published, !=, G_MAXUINT);

  page_row = split_record (lines[1]);
  bare_row = split_record (lines[2]);
  g_assert_cmpuint (page_row->len, ==, header->len);
  g_assert_cmpuint (bare_row->len, ==, header->len);
  g_assert_cmpstr (g_ptr_array_index (page_row, url), ==, "https://news.example.org/harbour?a=1,b=2");
  /* A site name that looks like a formula is guarded like any cell. */
  g_assert_cmpstr (g_ptr_array_index (page_row, site), ==, "'=Courier, \"Daily\"");
  g_assert_cmpstr (g_ptr_array_index (page_row, published), ==, "2026-03-04T08:15:00+01:00");
  g_assert_cmpstr (g_ptr_array_index (bare_row, url), ==, "");
  g_assert_cmpstr (g_ptr_array_index (bare_row, site), ==, "");
  g_assert_cmpstr (g_ptr_array_index (bare_row, published), ==, "");
}

/* Each annotation's target names its document by the canonical address,
 * else by the SHA-256 of its text, with the document's title. */
static void
test_w3c (void)
{
  g_autoptr(GlossProject) project = make_project ();
  g_autoptr(GBytes) bytes = gloss_export_bytes (project, NULL, GLOSS_EXPORT_W3C, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GlossDocument *bare = g_list_model_get_item (gloss_project_get_documents (project), 1);
  g_autofree char *bare_iri = g_strconcat ("urn:sha256:", gloss_document_get_sha256 (bare), NULL);
  JsonArray *items;
  guint seen = 0;

  g_object_unref (bare);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  items = json_object_get_array_member (
    json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "first"), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *target = json_object_get_object_member (json_array_get_object_element (items, i), "target");
      const char *source = json_object_get_string_member (target, "source");
      const char *title = json_object_get_string_member (target, "dc:title");

      if (g_str_equal (source, "https://news.example.org/harbour?a=1,b=2"))
        {
          g_assert_cmpstr (title, ==, "Harbour reopens");
          seen |= 1;
        }
      else
        {
          g_assert_cmpstr (source, ==, bare_iri);
          g_assert_cmpstr (title, ==, "Notes");
          seen |= 2;
        }
    }
  g_assert_cmpuint (seen, ==, 3);
}

static JsonObject *
read_json_object (const char *path,
                  JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* brat's .txt and .ann have no place for it: a .provenance.json beside
 * them holds the title, the text's SHA-256 and the provenance. */
static void
test_brat (void)
{
  g_autoptr(GlossProject) project = make_project ();
  g_autofree char *dir = g_dir_make_tmp ("gloss-brat-provenance-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *page_path = g_build_filename (dir, "01-harbour-reopens.provenance.json", NULL);
  g_autofree char *bare_path = g_build_filename (dir, "02-notes.provenance.json", NULL);
  g_autoptr(JsonParser) page_parser = json_parser_new ();
  g_autoptr(JsonParser) bare_parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GlossDocument *page = g_list_model_get_item (gloss_project_get_documents (project), 0);
  JsonObject *object, *provenance;
  JsonArray *authors;

  g_object_unref (page);
  g_assert_true (gloss_export_to_file (project, NULL, GLOSS_EXPORT_BRAT, folder, &error));
  g_assert_no_error (error);

  object = read_json_object (page_path, page_parser);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Harbour reopens");
  g_assert_cmpstr (json_object_get_string_member (object, "sha256"), ==, gloss_document_get_sha256 (page));
  provenance = json_object_get_object_member (object, "provenance");
  g_assert_cmpstr (json_object_get_string_member (provenance, "url"), ==, "https://news.example.org/harbour?a=1,b=2");
  g_assert_cmpstr (json_object_get_string_member (provenance, "site_name"), ==, "=Courier, \"Daily\"");
  g_assert_cmpstr (json_object_get_string_member (provenance, "published"), ==, "2026-03-04T08:15:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (provenance, "file"), ==, "harbour.html");
  authors = json_object_get_array_member (provenance, "authors");
  g_assert_cmpuint (json_array_get_length (authors), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (authors, 1), ==, "李 明");

  object = read_json_object (bare_path, bare_parser);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Notes");
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (object, "provenance")), ==, 0);

  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/export-provenance/json", test_json);
  g_test_add_func ("/gloss/export-provenance/w3c", test_w3c);
  g_test_add_func ("/gloss/export-provenance/csv", test_csv);
  g_test_add_func ("/gloss/export-provenance/brat", test_brat);

  return g_test_run ();
}
