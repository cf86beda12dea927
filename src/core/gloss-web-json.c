/* gloss-web-json.c — reading JSON that other tools wrote, of any shape
 *
 * The .gloss reader is its own (gloss-project-scan.c): it knows its one
 * shape and checks it strictly while it reads. Web annotations come in
 * every shape their tools produce, which is what json-glib is for; this
 * file stands between json-glib and such a file, and gives the importers
 * lookups that never trust a member's type.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-web-json.h"

/* The deepest nesting of arrays and objects in @data, counting only
 * brackets outside strings; stops counting past @limit. */
static guint
nesting_depth (const char *data,
               gsize       size,
               guint       limit)
{
  guint depth = 0, deepest = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          depth++;
          if (depth > deepest)
            deepest = depth;
          if (deepest > limit)
            return deepest;
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }

  return deepest;
}

JsonNode *
_gloss_web_json_parse (GBytes      *bytes,
                       const char  *display_name,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *end = NULL;

  if (size > GLOSS_MAX_PROJECT_FILE_SIZE)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   _("%s is larger than %u MB, the most Gloss reads"),
                   display_name, (guint) (GLOSS_MAX_PROJECT_FILE_SIZE / (1024 * 1024)));
      return NULL;
    }
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      size -= 3;
    }
  if (!g_utf8_validate_len (data, size, &end))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING,
                   _("%s is not UTF-8 (invalid bytes at byte %zu): JSON files are UTF-8"),
                   display_name, (gsize) (end - data));
      return NULL;
    }
  if (nesting_depth (data, size, GLOSS_MAX_JSON_DEPTH) > GLOSS_MAX_JSON_DEPTH)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   _("%s nests arrays and objects more than %d deep: no annotation "
                     "file does, so it is not read"),
                   display_name, GLOSS_MAX_JSON_DEPTH);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) size, &local_error))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE,
                   _("%s is not valid JSON: %s"), display_name, local_error->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE,
                   _("%s is empty: it holds no JSON"), display_name);
      return NULL;
    }

  return json_parser_steal_root (parser);
}

static JsonNode *
member_node (JsonObject *object,
             const char *member)
{
  if (object == NULL)
    return NULL;

  return json_object_get_member (object, member);
}

static const char *
node_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

const char *
_gloss_web_json_string (JsonObject *object,
                        const char *member)
{
  return node_string (member_node (object, member));
}

JsonObject *
_gloss_web_json_object (JsonObject *object,
                        const char *member)
{
  JsonNode *node = member_node (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

gboolean
_gloss_web_json_offset (JsonObject *object,
                        const char *member,
                        gint64     *value)
{
  JsonNode *node = member_node (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  *value = json_node_get_int (node);
  return *value >= 0 && *value <= G_MAXINT32;
}

const char *
_gloss_web_json_id (JsonObject *object)
{
  const char *id = _gloss_web_json_string (object, "id");

  return id != NULL ? id : _gloss_web_json_string (object, "@id");
}

static gboolean
type_name_is (const char *name,
              const char *type)
{
  if (name == NULL)
    return FALSE;
  if (g_str_has_prefix (name, "oa:") || g_str_has_prefix (name, "as:"))
    name += 3;

  return g_str_equal (name, type);
}

gboolean
_gloss_web_json_has_type (JsonObject *object,
                          const char *type)
{
  static const char * const members[] = { "type", "@type" };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autoptr(GPtrArray) values = _gloss_web_json_values (object, members[i]);

      for (guint j = 0; j < values->len; j++)
        if (type_name_is (node_string (g_ptr_array_index (values, j)), type))
          return TRUE;
    }

  return FALSE;
}

GPtrArray *
_gloss_web_json_values (JsonObject *object,
                        const char *member)
{
  GPtrArray *values = g_ptr_array_new ();
  JsonNode *node = member_node (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return values;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        g_ptr_array_add (values, json_array_get_element (array, i));
    }
  else
    g_ptr_array_add (values, node);

  return values;
}

GDateTime *
_gloss_web_json_time (JsonObject *object,
                      const char *member)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const char *text = _gloss_web_json_string (object, member);

  if (text == NULL)
    return NULL;

  return g_date_time_new_from_iso8601 (text, utc);
}
