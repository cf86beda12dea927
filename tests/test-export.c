/* test-export.c — the json, w3c and csv exports, every offset checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "export-fixture.h"

/* ---- Slicing the text three ways ---- */

static char *
slice_code_points (const char *text,
                   gint64      start,
                   gint64      end)
{
  g_assert_cmpint (start, >=, 0);
  g_assert_cmpint (start, <=, end);
  g_assert_cmpint (end, <=, g_utf8_strlen (text, -1));
  return g_utf8_substring (text, (glong) start, (glong) end);
}

static char *
slice_utf16 (const char *text,
             gint64      start,
             gint64      end)
{
  glong n_units = 0;
  g_autofree gunichar2 *units = g_utf8_to_utf16 (text, -1, NULL, &n_units, NULL);
  char *slice;

  g_assert_nonnull (units);
  g_assert_cmpint (start, >=, 0);
  g_assert_cmpint (start, <=, end);
  g_assert_cmpint (end, <=, n_units);
  slice = g_utf16_to_utf8 (units + start, (glong) (end - start), NULL, NULL, NULL);
  /* NULL when the offsets split a surrogate pair. */
  g_assert_nonnull (slice);

  return slice;
}

static char *
slice_bytes (const char *text,
             gsize       text_size,
             gint64      start,
             gint64      end)
{
  g_assert_cmpint (start, >=, 0);
  g_assert_cmpint (start, <=, end);
  g_assert_cmpint (end, <=, (gint64) text_size);
  g_assert_true (g_utf8_validate (text + start, end - start, NULL));
  return g_strndup (text + start, (gsize) (end - start));
}

static JsonNode *
parse_export (GlossProject      *project,
              GlossDocument     *document,
              GlossExportFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = gloss_export_bytes (project, document, format, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size;
  const char *data;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &size);
  g_assert_true (g_utf8_validate (data, (gssize) size, NULL));
  json_parser_load_from_data (parser, data, (gssize) size, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return json_object_get_string_member (object, name);
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  return json_node_get_int (node);
}

/* ---- Format names ---- */

static void
test_format_names (void)
{
  static const GlossExportFormat all[] = {
    GLOSS_EXPORT_JSON, GLOSS_EXPORT_W3C, GLOSS_EXPORT_BRAT, GLOSS_EXPORT_CSV,
    GLOSS_EXPORT_W3C_UTF16,
  };
  GlossExportFormat format;

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      const char *name = gloss_export_format_to_string (all[i]);

      g_assert_nonnull (name);
      g_assert_true (gloss_export_format_from_string (name, &format));
      g_assert_cmpint (format, ==, all[i]);
    }

  g_assert_true (gloss_export_format_from_string ("w3c", &format));
  g_assert_cmpint (format, ==, GLOSS_EXPORT_W3C);
  /* The Export dialog's choice for web tools. */
  g_assert_true (gloss_export_format_from_string ("w3c-utf16", &format));
  g_assert_cmpint (format, ==, GLOSS_EXPORT_W3C_UTF16);
  g_assert_cmpstr (gloss_export_format_extension (GLOSS_EXPORT_W3C_UTF16), ==, "jsonld");
  g_assert_false (gloss_export_format_from_string ("xml", &format));
  g_assert_false (gloss_export_format_from_string ("", &format));
  g_assert_false (gloss_export_format_from_string (NULL, &format));

  g_assert_cmpstr (gloss_export_format_extension (GLOSS_EXPORT_JSON), ==, "json");
  g_assert_cmpstr (gloss_export_format_extension (GLOSS_EXPORT_W3C), ==, "jsonld");
  g_assert_cmpstr (gloss_export_format_extension (GLOSS_EXPORT_CSV), ==, "csv");
  g_assert_null (gloss_export_format_extension (GLOSS_EXPORT_BRAT));
}

static void
test_brat_is_not_bytes (void)
{
  Fixture f;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  fixture_init (&f);
  bytes = gloss_export_bytes (f.project, NULL, GLOSS_EXPORT_BRAT, &error);
  g_assert_null (bytes);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  fixture_clear (&f);
}

/* ---- json ---- */

static void
check_json_annotation (JsonObject   *object,
                       GlossProject *project,
                       GHashTable   *texts)
{
  const char *id = member_string (object, "id");
  GlossAnnotation *annotation = gloss_project_lookup_annotation (project, id);
  const char *text = g_hash_table_lookup (texts, member_string (object, "document"));
  const char *quote = member_string (object, "quote");
  g_autofree char *by_code_points = NULL;
  g_autofree char *by_utf16 = NULL;
  g_autofree char *by_bytes = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  JsonArray *tags = json_object_get_array_member (object, "tags");
  JsonObject *attributes = json_object_get_object_member (object, "attributes");
  const char * const *tag_ids;
  gint64 start, end;

  g_assert_nonnull (annotation);
  g_assert_nonnull (text);
  g_assert_cmpstr (member_string (object, "document"), ==,
                   gloss_document_get_id (gloss_annotation_get_document (annotation)));

  start = member_int (object, "start");
  end = member_int (object, "end");
  g_assert_cmpint (start, ==, gloss_annotation_get_start (annotation));
  g_assert_cmpint (end, ==, gloss_annotation_get_end (annotation));

  by_code_points = slice_code_points (text, start, end);
  by_utf16 = slice_utf16 (text, member_int (object, "utf16_start"), member_int (object, "utf16_end"));
  by_bytes = slice_bytes (text, strlen (text), member_int (object, "byte_start"), member_int (object, "byte_end"));
  g_assert_cmpstr (by_code_points, ==, quote);
  g_assert_cmpstr (by_utf16, ==, quote);
  g_assert_cmpstr (by_bytes, ==, quote);
  g_assert_cmpstr (quote, ==, gloss_annotation_get_quote (annotation));

  /* The context is what the text holds right before and after. */
  prefix = slice_code_points (text, start - g_utf8_strlen (member_string (object, "prefix"), -1), start);
  suffix = slice_code_points (text, end, end + g_utf8_strlen (member_string (object, "suffix"), -1));
  g_assert_cmpstr (prefix, ==, member_string (object, "prefix"));
  g_assert_cmpstr (suffix, ==, member_string (object, "suffix"));

  tag_ids = gloss_annotation_get_tags (annotation);
  g_assert_cmpuint (json_array_get_length (tags), ==, g_strv_length ((char **) tag_ids));
  for (guint i = 0; tag_ids[i] != NULL; i++)
    g_assert_cmpstr (json_array_get_string_element (tags, i), ==,
                     gloss_tag_get_name (gloss_project_lookup_tag (project, tag_ids[i])));

  g_assert_cmpstr (member_string (object, "note"), ==, gloss_annotation_get_note (annotation));
  g_assert_cmpuint (json_object_get_size (attributes), ==, gloss_annotation_get_n_attributes (annotation));
  {
    g_auto(GStrv) keys = gloss_annotation_dup_attribute_keys (annotation);

    for (guint i = 0; keys[i] != NULL; i++)
      g_assert_cmpstr (json_object_get_string_member (attributes, keys[i]), ==,
                       gloss_annotation_get_attribute (annotation, keys[i]));
  }
  g_assert_cmpstr (member_string (object, "author"), ==, gloss_annotation_get_author (annotation));
  g_assert_nonnull (member_string (object, "created"));
  g_assert_nonnull (member_string (object, "modified"));
  g_assert_cmpstr (member_string (object, "state"), ==,
                   gloss_anchor_state_to_string (gloss_annotation_get_state (annotation)));
}

static void
test_json (void)
{
  Fixture f;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *object;
  JsonArray *array;
  guint n_checked = 0;

  fixture_init (&f);
  root = parse_export (f.project, NULL, GLOSS_EXPORT_JSON);
  object = json_node_get_object (root);

  g_assert_cmpstr (member_string (object, "format"), ==, "gloss-annotations");
  g_assert_cmpint (member_int (object, "version"), ==, 1);
  g_assert_cmpstr (member_string (json_object_get_object_member (object, "project"), "title"), ==,
                   gloss_project_get_title (f.project));

  array = json_object_get_array_member (object, "tags");
  g_assert_cmpuint (json_array_get_length (array), ==,
                    g_list_model_get_n_items (gloss_project_get_tags (f.project)));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *tag_object = json_array_get_object_element (array, i);
      GlossTag *tag = gloss_project_lookup_tag (f.project, member_string (tag_object, "id"));

      g_assert_nonnull (tag);
      g_assert_cmpstr (member_string (tag_object, "name"), ==, gloss_tag_get_name (tag));
      g_assert_cmpstr (member_string (tag_object, "color"), ==, gloss_tag_get_color (tag));
    }

  array = json_object_get_array_member (object, "documents");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *document_object = json_array_get_object_element (array, i);
      const char *text = member_string (document_object, "text");
      g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
      GlossDocument *document =
        gloss_project_lookup_document (f.project, member_string (document_object, "id"));

      g_assert_nonnull (document);
      g_assert_cmpstr (text, ==, gloss_document_get_text (document));
      g_assert_cmpstr (member_string (document_object, "sha256"), ==, sha256);
      g_assert_cmpstr (member_string (document_object, "title"), ==, gloss_document_get_title (document));
      g_assert_cmpstr (member_string (document_object, "source"), ==, gloss_document_get_source (document));
      g_hash_table_insert (texts, (gpointer) member_string (document_object, "id"), (gpointer) text);
    }
  /* CRLF survived the trip through JSON. */
  g_assert_nonnull (strstr (g_hash_table_lookup (texts, gloss_document_get_id (f.talks)), ".\r\nFamily"));

  array = json_object_get_array_member (object, "annotations");
  g_assert_cmpuint (json_array_get_length (array), ==, fixture_count_annotations (f.project));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *annotation_object = json_array_get_object_element (array, i);

      check_json_annotation (annotation_object, f.project, texts);
      g_assert_true (g_hash_table_add (seen, (gpointer) member_string (annotation_object, "id")));
      n_checked++;
    }
  g_assert_cmpuint (n_checked, ==, 12);

  array = json_object_get_array_member (object, "relations");
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *relation_object = json_array_get_object_element (array, i);
      GlossRelation *relation = gloss_project_lookup_relation (f.project, member_string (relation_object, "id"));

      g_assert_nonnull (relation);
      g_assert_cmpstr (member_string (relation_object, "type"), ==, gloss_relation_get_type_name (relation));
      g_assert_cmpstr (member_string (relation_object, "from"), ==, gloss_relation_get_from (relation));
      g_assert_cmpstr (member_string (relation_object, "to"), ==, gloss_relation_get_to (relation));
      g_assert_cmpstr (member_string (relation_object, "note"), ==, gloss_relation_get_note (relation));
      g_assert_true (g_hash_table_contains (seen, member_string (relation_object, "from")));
      g_assert_true (g_hash_table_contains (seen, member_string (relation_object, "to")));
    }

  fixture_clear (&f);
}

static void
test_json_one_document (void)
{
  Fixture f;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *array;

  fixture_init (&f);
  root = parse_export (f.project, f.envoy, GLOSS_EXPORT_JSON);
  object = json_node_get_object (root);

  array = json_object_get_array_member (object, "documents");
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (member_string (json_array_get_object_element (array, 0), "id"), ==,
                   gloss_document_get_id (f.envoy));
  array = json_object_get_array_member (object, "annotations");
  g_assert_cmpuint (json_array_get_length (array), ==, gloss_document_get_n_annotations (f.envoy));
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_assert_cmpstr (member_string (json_array_get_object_element (array, i), "document"), ==,
                     gloss_document_get_id (f.envoy));
  /* The relation to the other document would name an annotation the file
   * does not hold. */
  array = json_object_get_array_member (object, "relations");
  g_assert_cmpuint (json_array_get_length (array), ==, 0);

  /* The other formats take one document the same way. */
  {
    g_autoptr(JsonNode) w3c = parse_export (f.project, f.envoy, GLOSS_EXPORT_W3C);
    JsonObject *collection = json_node_get_object (w3c);

    g_assert_cmpint (member_int (collection, "total"), ==, gloss_document_get_n_annotations (f.envoy));
  }
  {
    g_autoptr(GBytes) csv = gloss_export_bytes (f.project, f.envoy, GLOSS_EXPORT_CSV, NULL);
    const char *data = g_bytes_get_data (csv, NULL);
    guint n_rows = 0;

    for (gsize i = 0; i + 1 < g_bytes_get_size (csv); i++)
      if (data[i] == '\r' && data[i + 1] == '\n')
        n_rows++;
    /* The header and one row each (no quote here holds a line break). */
    g_assert_cmpuint (n_rows, ==, 1 + gloss_document_get_n_annotations (f.envoy));
  }

  fixture_clear (&f);
}

/* An orphaned annotation says so, and keeps the quote it was made with. */
static void
test_json_orphaned (void)
{
  Fixture f;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  guint n_orphaned = 0;

  fixture_init (&f);
  gloss_project_set_annotation_state (f.project, f.cjk, GLOSS_ANCHOR_ORPHANED);
  gloss_project_set_annotation_state (f.project, f.reuters, GLOSS_ANCHOR_MOVED);
  root = parse_export (f.project, NULL, GLOSS_EXPORT_JSON);
  array = json_object_get_array_member (json_node_get_object (root), "annotations");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *id = member_string (object, "id");
      const char *state = member_string (object, "state");

      if (g_str_equal (id, gloss_annotation_get_id (f.cjk)))
        {
          g_assert_cmpstr (state, ==, "orphaned");
          g_assert_cmpstr (member_string (object, "quote"), ==, gloss_annotation_get_quote (f.cjk));
          n_orphaned++;
        }
      else if (g_str_equal (id, gloss_annotation_get_id (f.reuters)))
        g_assert_cmpstr (state, ==, "moved");
      else
        g_assert_cmpstr (state, ==, "anchored");
    }
  g_assert_cmpuint (n_orphaned, ==, 1);

  fixture_clear (&f);
}

/* Annotations come out in text order, and the same project exports the
 * same bytes. */
static void
test_json_order_and_stability (void)
{
  Fixture f;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  gint64 last_start = -1;
  const char *last_document = NULL;

  fixture_init (&f);
  first = gloss_export_bytes (f.project, NULL, GLOSS_EXPORT_JSON, NULL);
  second = gloss_export_bytes (f.project, NULL, GLOSS_EXPORT_JSON, NULL);
  g_assert_true (g_bytes_equal (first, second));

  root = parse_export (f.project, NULL, GLOSS_EXPORT_JSON);
  array = json_object_get_array_member (json_node_get_object (root), "annotations");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *document = member_string (object, "document");

      if (g_strcmp0 (document, last_document) != 0)
        last_start = -1;
      g_assert_cmpint (member_int (object, "start"), >=, last_start);
      last_start = member_int (object, "start");
      last_document = document;
    }

  fixture_clear (&f);
}

/* ---- w3c ---- */

static const char *
selector_of_type (JsonArray  *selectors,
                  const char *type,
                  JsonObject **out)
{
  for (guint i = 0; i < json_array_get_length (selectors); i++)
    {
      JsonObject *selector = json_array_get_object_element (selectors, i);

      if (g_strcmp0 (json_object_get_string_member (selector, "type"), type) == 0)
        {
          *out = selector;
          return type;
        }
    }

  *out = NULL;
  return NULL;
}

static void
test_w3c (void)
{
  Fixture f;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *collection, *page;
  JsonArray *items;
  guint n_annotations = 0, n_links = 0;

  fixture_init (&f);
  gloss_project_set_annotation_state (f.project, f.rainbow, GLOSS_ANCHOR_ORPHANED);

  /* No web address: the text's hash names it, never a local path. */
  g_hash_table_insert (texts, g_strconcat ("urn:sha256:", gloss_document_get_sha256 (f.talks), NULL),
                       (gpointer) gloss_document_get_text (f.talks));
  g_hash_table_insert (texts, g_strdup (gloss_document_get_source (f.envoy)),
                       (gpointer) gloss_document_get_text (f.envoy));

  root = parse_export (f.project, NULL, GLOSS_EXPORT_W3C);
  collection = json_node_get_object (root);
  g_assert_cmpstr (member_string (collection, "@context"), ==, "http://www.w3.org/ns/anno.jsonld");
  g_assert_cmpstr (member_string (collection, "type"), ==, "AnnotationCollection");
  g_assert_true (g_str_has_prefix (member_string (collection, "id"), "urn:uuid:"));
  g_assert_cmpstr (member_string (collection, "label"), ==, gloss_project_get_title (f.project));
  page = json_object_get_object_member (collection, "first");
  g_assert_nonnull (page);
  g_assert_cmpstr (member_string (page, "type"), ==, "AnnotationPage");
  g_assert_cmpstr (member_string (page, "partOf"), ==, member_string (collection, "id"));
  g_assert_cmpstr (member_string (collection, "last"), ==, member_string (page, "id"));
  items = json_object_get_array_member (page, "items");
  g_assert_cmpint (member_int (collection, "total"), ==, json_array_get_length (items));

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      g_assert_cmpstr (member_string (item, "type"), ==, "Annotation");
      g_assert_true (g_str_has_prefix (member_string (item, "id"), "urn:uuid:"));
      g_assert_true (g_hash_table_add (ids, (gpointer) member_string (item, "id")));
    }

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *id = member_string (item, "id");
      JsonObject *target, *quote_selector, *position_selector;
      JsonArray *selectors, *bodies;
      GlossAnnotation *annotation;
      const char *text;
      const char *exact;
      const char * const *tag_ids;
      guint n_tag_bodies = 0, n_note_bodies = 0;

      if (g_strcmp0 (member_string (item, "motivation"), "linking") == 0)
        {
          GlossRelation *relation = gloss_project_lookup_relation (f.project, id + strlen ("urn:uuid:"));
          JsonObject *link;
          g_autofree char *from = NULL;
          g_autofree char *to = NULL;

          g_assert_nonnull (relation);
          from = g_strconcat ("urn:uuid:", gloss_relation_get_from (relation), NULL);
          to = g_strconcat ("urn:uuid:", gloss_relation_get_to (relation), NULL);
          g_assert_cmpstr (member_string (item, "target"), ==, from);
          bodies = json_object_get_array_member (item, "body");
          link = json_array_get_object_element (bodies, 0);
          g_assert_cmpstr (member_string (link, "type"), ==, "SpecificResource");
          g_assert_cmpstr (member_string (link, "purpose"), ==, "linking");
          g_assert_cmpstr (member_string (link, "source"), ==, to);
          g_assert_true (g_hash_table_contains (ids, from));
          g_assert_true (g_hash_table_contains (ids, to));
          g_assert_cmpstr (member_string (json_array_get_object_element (bodies, 1), "purpose"), ==, "classifying");
          g_assert_cmpstr (member_string (json_array_get_object_element (bodies, 1), "value"), ==,
                           gloss_relation_get_type_name (relation));
          n_links++;
          continue;
        }

      annotation = gloss_project_lookup_annotation (f.project, id + strlen ("urn:uuid:"));
      g_assert_nonnull (annotation);
      n_annotations++;

      target = json_object_get_object_member (item, "target");
      text = g_hash_table_lookup (texts, member_string (target, "source"));
      g_assert_nonnull (text);
      g_assert_true (text == gloss_document_get_text (gloss_annotation_get_document (annotation)));

      selectors = json_object_get_array_member (target, "selector");
      g_assert_nonnull (selector_of_type (selectors, "TextQuoteSelector", &quote_selector));
      exact = member_string (quote_selector, "exact");
      g_assert_cmpstr (exact, ==, gloss_annotation_get_quote (annotation));

      if (gloss_annotation_get_state (annotation) == GLOSS_ANCHOR_ORPHANED)
        {
          /* Its offsets no longer hold the quote: no position to give. */
          g_assert_null (selector_of_type (selectors, "TextPositionSelector", &position_selector));
        }
      else
        {
          gint64 start, end;
          g_autofree char *slice = NULL;

          g_assert_nonnull (selector_of_type (selectors, "TextPositionSelector", &position_selector));
          start = member_int (position_selector, "start");
          end = member_int (position_selector, "end");
          slice = slice_code_points (text, start, end);
          g_assert_cmpstr (slice, ==, exact);

          if (json_object_has_member (quote_selector, "prefix"))
            {
              const char *prefix = member_string (quote_selector, "prefix");
              g_autofree char *before = slice_code_points (text, start - g_utf8_strlen (prefix, -1), start);

              g_assert_cmpstr (before, ==, prefix);
            }
          else
            g_assert_cmpint (start, ==, 0);

          if (json_object_has_member (quote_selector, "suffix"))
            {
              const char *suffix = member_string (quote_selector, "suffix");
              g_autofree char *after = slice_code_points (text, end, end + g_utf8_strlen (suffix, -1));

              g_assert_cmpstr (after, ==, suffix);
            }
          else
            g_assert_cmpint (end, ==, g_utf8_strlen (text, -1));
        }

      tag_ids = gloss_annotation_get_tags (annotation);
      /* Always there, empty for a bare highlight (JavaScript clients need it). */
      bodies = json_object_get_array_member (item, "body");
      g_assert_nonnull (bodies);
      g_assert_cmpstr (member_string (target, "dc:title"), ==,
                       gloss_document_get_title (gloss_annotation_get_document (annotation)));
      for (guint j = 0; j < json_array_get_length (bodies); j++)
        {
          JsonObject *body = json_array_get_object_element (bodies, j);
          const char *purpose = member_string (body, "purpose");

          g_assert_cmpstr (member_string (body, "type"), ==, "TextualBody");
          if (g_str_equal (purpose, "tagging"))
            {
              g_assert_cmpstr (member_string (body, "value"), ==,
                               gloss_tag_get_name (gloss_project_lookup_tag (f.project, tag_ids[n_tag_bodies])));
              n_tag_bodies++;
            }
          else if (g_str_equal (purpose, "commenting"))
            {
              g_assert_cmpstr (member_string (body, "value"), ==, gloss_annotation_get_note (annotation));
              n_note_bodies++;
            }
          else
            g_assert_cmpstr (purpose, ==, "describing");
        }
      g_assert_cmpuint (n_tag_bodies, ==, gloss_annotation_get_n_tags (annotation));
      g_assert_cmpuint (n_note_bodies, ==, *gloss_annotation_get_note (annotation) != '\0' ? 1 : 0);
      if (json_array_get_length (bodies) == 0)
        g_assert_cmpstr (member_string (item, "motivation"), ==, "highlighting");

      g_assert_cmpstr (member_string (json_object_get_object_member (item, "creator"), "name"), ==,
                       gloss_annotation_get_author (annotation));
      g_assert_nonnull (member_string (item, "created"));
      g_assert_true (g_str_has_suffix (member_string (item, "modified"), "Z"));
    }

  g_assert_cmpuint (n_annotations, ==, fixture_count_annotations (f.project));
  g_assert_cmpuint (n_links, ==, 3);

  fixture_clear (&f);
}

/* ---- csv ---- */

/* A strict RFC 4180 reader: every record ends in CRLF, a bare CR or LF
 * outside quotes fails the test. */
static GPtrArray *
read_csv (const char *data,
          gsize       size)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = data;
  const char *end = data + size;

  while (p < end)
    {
      if (*p == '"')
        {
          g_assert_cmpuint (field->len, ==, 0);
          for (p++;; p++)
            {
              g_assert_true (p < end);
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p++;
                    }
                  else
                    {
                      p++;
                      break;
                    }
                }
              else
                g_string_append_c (field, *p);
            }
          g_assert_true (p == end || *p == ',' || *p == '\r');
          continue;
        }

      if (*p == ',')
        {
          g_ptr_array_add (row, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          p++;
        }
      else if (*p == '\r')
        {
          g_assert_true (p + 1 < end && p[1] == '\n');
          g_ptr_array_add (row, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          p += 2;
        }
      else
        {
          g_assert_cmpint (*p, !=, '\n');
          g_string_append_c (field, *p);
          p++;
        }
    }

  /* The last record ended in CRLF too. */
  g_assert_cmpuint (row->len, ==, 0);
  g_assert_cmpuint (field->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);

  return rows;
}

static const char *
unguard (const char *cell)
{
  return cell[0] == '\'' ? cell + 1 : cell;
}

static guint
column (GPtrArray  *header,
        const char *name)
{
  for (guint i = 0; i < header->len; i++)
    if (g_str_equal (g_ptr_array_index (header, i), name))
      return i;

  g_assert_not_reached ();
}

/* For the JavaScript tools: the same collection with UTF-16 positions,
 * saying so where a reader sees it; and no local path ever named. */
static void
test_w3c_utf16 (void)
{
  Fixture f;
  g_autoptr(JsonNode) code_points = NULL;
  g_autoptr(JsonNode) utf16 = NULL;
  JsonArray *items, *items16;
  guint n_differing = 0;
  g_autofree char *talks_iri = NULL;

  fixture_init (&f);
  gloss_document_set_source (f.talks, "/home/analyst/Secret Cases/talks.txt");
  code_points = parse_export (f.project, NULL, GLOSS_EXPORT_W3C);
  utf16 = parse_export (f.project, NULL, GLOSS_EXPORT_W3C_UTF16);

  g_assert_nonnull (strstr (member_string (json_node_get_object (code_points), "rdfs:comment"),
                            "count Unicode code points"));
  g_assert_nonnull (strstr (member_string (json_node_get_object (utf16), "rdfs:comment"),
                            "count UTF-16 code units"));

  items = json_object_get_array_member (json_object_get_object_member (json_node_get_object (code_points), "first"), "items");
  items16 = json_object_get_array_member (json_object_get_object_member (json_node_get_object (utf16), "first"), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, json_array_get_length (items16));
  talks_iri = g_strconcat ("urn:sha256:", gloss_document_get_sha256 (f.talks), NULL);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonObject *item16 = json_array_get_object_element (items16, i);
      const char *id = member_string (item, "id");
      GlossAnnotation *annotation;
      GlossDocument *document;
      JsonObject *position, *position16, *target;

      g_assert_cmpstr (member_string (item16, "id"), ==, id);
      if (g_strcmp0 (member_string (item, "motivation"), "linking") == 0)
        continue;

      annotation = gloss_project_lookup_annotation (f.project, id + strlen ("urn:uuid:"));
      document = gloss_annotation_get_document (annotation);
      target = json_object_get_object_member (item16, "target");
      g_assert_cmpstr (member_string (target, "source"), ==,
                       document == f.talks ? talks_iri : "https://example.org/news/envoy?id=1");
      g_assert_null (strstr (member_string (target, "source"), "file:"));
      g_assert_null (strstr (member_string (target, "source"), "Secret"));

      g_assert_nonnull (selector_of_type (json_object_get_array_member (json_object_get_object_member (item, "target"), "selector"),
                                          "TextPositionSelector", &position));
      g_assert_nonnull (selector_of_type (json_object_get_array_member (target, "selector"),
                                          "TextPositionSelector", &position16));
      g_assert_cmpint (member_int (position, "start"), ==, gloss_annotation_get_start (annotation));
      g_assert_cmpint (member_int (position16, "start"), ==,
                       gloss_document_offset_to_utf16 (document, gloss_annotation_get_start (annotation)));
      g_assert_cmpint (member_int (position16, "end"), ==,
                       gloss_document_offset_to_utf16 (document, gloss_annotation_get_end (annotation)));
      n_differing += member_int (position16, "end") != member_int (position, "end");
    }
  /* The fixture's emoji make the two differ. */
  g_assert_cmpuint (n_differing, >, 5);

  /* A canonical address, once known, names the document. */
  {
    g_autoptr(GlossProvenance) provenance = gloss_provenance_new ();
    g_autoptr(JsonNode) with_url = NULL;
    JsonObject *first;

    gloss_provenance_set_url (provenance, "https://news.example/world/talks-stall");
    gloss_document_set_provenance (f.talks, provenance);
    with_url = parse_export (f.project, f.talks, GLOSS_EXPORT_W3C);
    first = json_array_get_object_element (
      json_object_get_array_member (json_object_get_object_member (json_node_get_object (with_url), "first"), "items"), 0);
    g_assert_cmpstr (member_string (json_object_get_object_member (first, "target"), "source"), ==,
                     "https://news.example/world/talks-stall");
  }

  fixture_clear (&f);
}

static void
test_csv (void)
{
  Fixture f;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *header;
  const char *data;
  gsize size;
  guint c_id, c_start, c_end, c_quote, c_tags, c_note, c_attributes, c_state, c_document;
  guint n_guarded = 0;

  fixture_init (&f);
  bytes = gloss_export_bytes (f.project, NULL, GLOSS_EXPORT_CSV, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  g_assert_true (g_utf8_validate (data, (gssize) size, NULL));

  /* A BOM, so that Excel reads UTF-8. */
  g_assert_cmpuint (size, >, 3);
  g_assert_cmpmem (data, 3, "\xEF\xBB\xBF", 3);
  rows = read_csv (data + 3, size - 3);

  header = g_ptr_array_index (rows, 0);
  c_document = column (header, "document");
  c_id = column (header, "id");
  c_start = column (header, "start");
  c_end = column (header, "end");
  c_quote = column (header, "quote");
  c_tags = column (header, "tags");
  c_note = column (header, "note");
  c_attributes = column (header, "attributes");
  c_state = column (header, "state");
  column (header, "author");
  column (header, "created");
  column (header, "modified");

  g_assert_cmpuint (rows->len, ==, 1 + fixture_count_annotations (f.project));

  for (guint i = 1; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);
      GlossAnnotation *annotation;
      GlossDocument *document;
      g_autofree char *slice = NULL;
      g_autoptr(GString) tags = g_string_new (NULL);
      const char * const *tag_ids;
      guint64 start, end;

      g_assert_cmpuint (row->len, ==, header->len);

      /* No cell may start a formula. */
      for (guint j = 0; j < row->len; j++)
        {
          const char *cell = g_ptr_array_index (row, j);

          g_assert_null (strchr ("=+-@\t\r", cell[0]) != NULL && cell[0] != '\0' ? cell : NULL);
          if (cell[0] == '\'')
            n_guarded++;
        }

      annotation = gloss_project_lookup_annotation (f.project, g_ptr_array_index (row, c_id));
      g_assert_nonnull (annotation);
      document = gloss_annotation_get_document (annotation);
      g_assert_cmpstr (unguard (g_ptr_array_index (row, c_document)), ==, gloss_document_get_title (document));

      g_assert_true (g_ascii_string_to_unsigned (g_ptr_array_index (row, c_start), 10, 0, G_MAXUINT, &start, NULL));
      g_assert_true (g_ascii_string_to_unsigned (g_ptr_array_index (row, c_end), 10, 0, G_MAXUINT, &end, NULL));
      slice = slice_code_points (gloss_document_get_text (document), (gint64) start, (gint64) end);
      g_assert_cmpstr (unguard (g_ptr_array_index (row, c_quote)), ==, slice);

      /* Notes with commas, quotes, CR and LF come back whole. */
      g_assert_cmpstr (unguard (g_ptr_array_index (row, c_note)), ==, gloss_annotation_get_note (annotation));

      tag_ids = gloss_annotation_get_tags (annotation);
      for (guint j = 0; tag_ids[j] != NULL; j++)
        {
          if (j > 0)
            g_string_append (tags, "; ");
          g_string_append (tags, gloss_tag_get_name (gloss_project_lookup_tag (f.project, tag_ids[j])));
        }
      g_assert_cmpstr (g_ptr_array_index (row, c_tags), ==, tags->str);
      g_assert_cmpstr (g_ptr_array_index (row, c_state), ==, "anchored");

      if (annotation == f.envoy_emoji)
        g_assert_cmpstr (g_ptr_array_index (row, c_attributes), ==, "checked=true; verdict=false");
      if (annotation == f.hebrew)
        g_assert_cmpstr (g_ptr_array_index (row, c_attributes), ==, "speaker=+972 desk");
    }

  /* The formula quote, its note and the untagged "-1 …" quote. */
  g_assert_cmpuint (n_guarded, ==, 3);

  fixture_clear (&f);
}

/* A quote that starts with ' is guarded too, so unguarding is exact. */
static void
test_csv_apostrophe (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossDocument) document = gloss_document_new (NULL, "=cmd|' /C calc'!A0", "'Tis true, \"she\" said.\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GlossAnnotation *annotation;
  GPtrArray *row;
  const char *data;
  gsize size;

  gloss_project_add_document (project, document);
  annotation = fixture_annotate (project, document, "'Tis true, \"she\"", 0, "quote");
  gloss_project_set_annotation_note (project, annotation, "@SUM(1)");

  bytes = gloss_export_bytes (project, NULL, GLOSS_EXPORT_CSV, NULL);
  data = g_bytes_get_data (bytes, &size);
  rows = read_csv (data + 3, size - 3);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (g_ptr_array_index (row, 0), ==, "'=cmd|' /C calc'!A0");
  g_assert_cmpstr (g_ptr_array_index (row, 8), ==, "''Tis true, \"she\"");
  g_assert_cmpstr (unguard (g_ptr_array_index (row, 8)), ==, "'Tis true, \"she\"");
  g_assert_cmpstr (g_ptr_array_index (row, 10), ==, "'@SUM(1)");
}

/* ---- Files ---- */

static void
test_to_file (void)
{
  Fixture f;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-export-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  fixture_init (&f);
  path = g_build_filename (dir, "out.json", NULL);
  file = g_file_new_for_path (path);

  /* An old file is replaced whole. */
  g_assert_true (g_file_set_contents (path, "old contents that are longer than nothing", -1, NULL));
  g_assert_true (gloss_export_to_file (f.project, NULL, GLOSS_EXPORT_JSON, file, &error));
  g_assert_no_error (error);
  expected = gloss_export_bytes (f.project, NULL, GLOSS_EXPORT_JSON, NULL);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_unlink (path);

  /* A folder that does not exist cannot take a file: an error, no crash. */
  {
    g_autofree char *missing = g_build_filename (dir, "no", "such", "out.csv", NULL);
    g_autoptr(GFile) missing_file = g_file_new_for_path (missing);

    g_assert_false (gloss_export_to_file (f.project, NULL, GLOSS_EXPORT_CSV, missing_file, &error));
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_IO);
    g_assert_nonnull (strstr (error->message, "out.csv"));
    g_clear_error (&error);
  }

  g_rmdir (dir);
  fixture_clear (&f);
}

/* ---- Size ---- */

static GlossProject *
big_project (guint n_annotations)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GlossDocument) document = NULL;
  GlossProject *project = gloss_project_new ();

  /* Ten code points a step, astral ones among them. */
  for (guint i = 0; i < n_annotations; i++)
    g_string_append (text, "w\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBDrd \xD7\xA9\xE5\x92\x8C\r\n");
  document = gloss_document_new (NULL, "Big", text->str);

  for (guint i = 0; i < n_annotations; i++)
    {
      g_autoptr(GlossAnnotation) annotation = gloss_annotation_new (NULL, i * 10 + 1,
                                                                    MIN (i * 10 + 3 + (i % 20), n_annotations * 10));

      gloss_annotation_add_tag (annotation, "claim");
      gloss_document_add_annotation (document, annotation);
    }
  gloss_project_insert_document (project, document);

  return project;
}

static void
test_big (void)
{
  const guint n = 100000;
  g_autoptr(GlossProject) project = big_project (n);
  GlossExportFormat formats[] = { GLOSS_EXPORT_JSON, GLOSS_EXPORT_W3C, GLOSS_EXPORT_CSV };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gint64 before = g_get_monotonic_time ();
      double seconds;

      bytes = gloss_export_bytes (project, NULL, formats[i], &error);
      seconds = (g_get_monotonic_time () - before) / 1e6;
      g_assert_no_error (error);
      g_test_message ("%s export of %u annotations: %.3f s, %zu bytes",
                      gloss_export_format_to_string (formats[i]), n, seconds,
                      g_bytes_get_size (bytes));
      /* No time limit here (speed is the benchmark's): linear work is a
       * fraction of a second, and anything quadratic would run into the
       * test's timeout. */

      if (formats[i] == GLOSS_EXPORT_JSON)
        {
          g_autoptr(JsonParser) parser = json_parser_new ();
          JsonObject *root;
          JsonArray *annotations;
          const char *text;
          gsize text_size;

          json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), &error);
          g_assert_no_error (error);
          root = json_node_get_object (json_parser_get_root (parser));
          annotations = json_object_get_array_member (root, "annotations");
          g_assert_cmpuint (json_array_get_length (annotations), ==, n);
          text = json_object_get_string_member (json_array_get_object_element (
                   json_object_get_array_member (root, "documents"), 0), "text");
          text_size = strlen (text);

          /* Byte offsets checked on every annotation (cheap); code point
           * and UTF-16 ones on a sample across the whole text. */
          for (guint j = 0; j < n; j++)
            {
              JsonObject *object = json_array_get_object_element (annotations, j);
              g_autofree char *by_bytes = slice_bytes (text, text_size, member_int (object, "byte_start"),
                                                       member_int (object, "byte_end"));

              g_assert_cmpstr (by_bytes, ==, member_string (object, "quote"));
              if (j % 9973 == 0 || j == n - 1)
                {
                  g_autofree char *by_utf16 = slice_utf16 (text, member_int (object, "utf16_start"),
                                                           member_int (object, "utf16_end"));
                  g_autofree char *by_code_points = slice_code_points (text, member_int (object, "start"),
                                                                       member_int (object, "end"));

                  g_assert_cmpstr (by_utf16, ==, member_string (object, "quote"));
                  g_assert_cmpstr (by_code_points, ==, member_string (object, "quote"));
                }
            }
        }
    }
}

static void
test_proposed_name (void)
{
  static const struct {
    const char *project;
    GlossExportFormat format;
    const char *expected;
  } cases[] = {
    { "talks.gloss", GLOSS_EXPORT_JSON, "talks.json" },
    { "talks.gloss", GLOSS_EXPORT_CSV, "talks.csv" },
    { "talks.gloss", GLOSS_EXPORT_W3C, "talks.jsonld" },
    { "talks.gloss", GLOSS_EXPORT_BRAT, "talks-brat" },
    { "Genève 会談.gloss", GLOSS_EXPORT_CSV, "Genève 会談.csv" },
    { "notes", GLOSS_EXPORT_JSON, "notes.json" },
    { ".gloss", GLOSS_EXPORT_JSON, ".gloss.json" },
    { NULL, GLOSS_EXPORT_CSV, "annotations.csv" },
    { "", GLOSS_EXPORT_BRAT, "annotations-brat" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = gloss_export_proposed_name (cases[i].project, "annotations",
                                                          cases[i].format);
      g_assert_cmpstr (name, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/export/format-names", test_format_names);
  g_test_add_func ("/gloss/export/proposed-name", test_proposed_name);
  g_test_add_func ("/gloss/export/brat-is-not-bytes", test_brat_is_not_bytes);
  g_test_add_func ("/gloss/export/json", test_json);
  g_test_add_func ("/gloss/export/json-one-document", test_json_one_document);
  g_test_add_func ("/gloss/export/json-orphaned", test_json_orphaned);
  g_test_add_func ("/gloss/export/json-order-and-stability", test_json_order_and_stability);
  g_test_add_func ("/gloss/export/w3c", test_w3c);
  g_test_add_func ("/gloss/export/w3c-utf16", test_w3c_utf16);
  g_test_add_func ("/gloss/export/csv", test_csv);
  g_test_add_func ("/gloss/export/csv-apostrophe", test_csv_apostrophe);
  g_test_add_func ("/gloss/export/to-file", test_to_file);
  g_test_add_func ("/gloss/export/big", test_big);

  return g_test_run ();
}
