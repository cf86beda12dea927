/* test-json-reader.c — the one-pass strict reader that loading builds on
 *
 * The tree it builds, the strings it decodes in place, the numbers, and
 * the promises it makes the loader: the same messages as the plain scan,
 * the same verdict on UTF-8 as GLib, timestamps read by hand equal to
 * GLib's, and every string the writer writes read back unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss.h"
#include "gloss-json-reader.h"
#include "gloss-project-scan.h"

typedef struct
{
  char             *buffer;    /* the reader writes into it */
  GlossJsonBuilder *builder;
} Parsed;

static void
parsed_free (Parsed *parsed)
{
  g_free (parsed->buffer);
  gloss_json_builder_free (parsed->builder);
  g_free (parsed);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Parsed, parsed_free)

static Parsed *
parse (const char *json,
       gssize      size,
       GError    **error)
{
  Parsed *parsed = g_new0 (Parsed, 1);
  gsize length = size < 0 ? strlen (json) : (gsize) size;

  /* Exactly the bytes, no terminator: the reader must not need one. */
  parsed->buffer = g_memdup2 (json, MAX (length, 1));
  parsed->builder = gloss_json_builder_new ();
  if (!_gloss_project_parse ("test.json", parsed->buffer, length, parsed->builder, error))
    {
      parsed_free (parsed);
      return NULL;
    }

  return parsed;
}

static const GlossJsonNode *
member (const GlossJsonNode *object,
        const char          *name)
{
  const GlossJsonNode *node;

  g_assert_cmpint (object->type, ==, GLOSS_JSON_OBJECT);
  node = gloss_json_object_get (object, name, NULL);
  g_assert_nonnull (node);
  return node;
}

static void
test_tree (void)
{
  const char *json =
    "{\n"
    "  \"text\": \"The envoy said “no deal” 🤝🏽 👩‍👩‍👧 🇫🇷 e\\u0301 قال שלום 中文\\r\\n\",\n"
    "  \"escapes\": \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u4e2d \\ud83d\\ude00 \\uD83C\\uDDEB\",\n"
    "  \"plain\": \"no escapes\",\n"
    "  \"empty\": \"\",\n"
    "  \"numbers\": [0, -0, 7, -12, 123456789012345678, 1234567890123456789,\n"
    "              9223372036854775807, -9223372036854775808, 12.5, 1e2, -0.25E-1],\n"
    "  \"literals\": [true, false, null],\n"
    "  \"nested\": {\"a\": {\"b\": [[], {}, [{}]]}},\n"
    "  \"\\u0074wo words\": 1\n"
    "}";
  g_autoptr(GError) error = NULL;
  g_autoptr(Parsed) parsed = parse (json, -1, &error);
  const GlossJsonNode *root, *node, *numbers, *literals, *b;

  g_assert_no_error (error);
  root = gloss_json_builder_get_root (parsed->builder);
  g_assert_cmpint (root->type, ==, GLOSS_JSON_OBJECT);
  g_assert_cmpuint (root->length, ==, 8);

  /* Members keep the file's order. */
  g_assert_cmpstr (root->v.members[0].name, ==, "text");
  g_assert_cmpstr (root->v.members[7].name, ==, "two words");

  node = member (root, "text");
  g_assert_cmpint (node->type, ==, GLOSS_JSON_STRING);
  g_assert_cmpstr (node->v.string, ==,
                   "The envoy said “no deal” 🤝🏽 👩‍👩‍👧 🇫🇷 e\xcc\x81 قال שלום 中文\r\n");
  g_assert_cmpuint (node->length, ==, strlen (node->v.string));

  node = member (root, "escapes");
  g_assert_cmpstr (node->v.string, ==, "\" \\ / \b \f \n \r \t é 中 😀 🇫");
  g_assert_cmpuint (node->length, ==, strlen (node->v.string));

  /* Without escapes a string stays in the buffer, terminated there. */
  node = member (root, "plain");
  g_assert_cmpstr (node->v.string, ==, "no escapes");
  g_assert_true (node->v.string > parsed->buffer && node->v.string < parsed->buffer + strlen (json));
  g_assert_cmpstr (member (root, "empty")->v.string, ==, "");

  numbers = member (root, "numbers");
  g_assert_cmpint (numbers->type, ==, GLOSS_JSON_ARRAY);
  g_assert_cmpuint (numbers->length, ==, 11);
  {
    const gint64 integers[] = {
      0, 0, 7, -12, G_GINT64_CONSTANT (123456789012345678), G_GINT64_CONSTANT (1234567890123456789),
      G_MAXINT64, G_MININT64,
    };

    for (guint i = 0; i < G_N_ELEMENTS (integers); i++)
      {
        g_assert_cmpint (numbers->v.elements[i].type, ==, GLOSS_JSON_INT);
        g_assert_cmpint (numbers->v.elements[i].v.integer, ==, integers[i]);
      }
  }
  g_assert_cmpint (numbers->v.elements[8].type, ==, GLOSS_JSON_DOUBLE);
  g_assert_cmpfloat (numbers->v.elements[8].v.number, ==, 12.5);
  g_assert_cmpint (numbers->v.elements[9].type, ==, GLOSS_JSON_DOUBLE);
  g_assert_cmpfloat (numbers->v.elements[9].v.number, ==, 100.0);
  g_assert_cmpfloat (numbers->v.elements[10].v.number, ==, -0.025);

  literals = member (root, "literals");
  g_assert_cmpint (literals->v.elements[0].type, ==, GLOSS_JSON_BOOLEAN);
  g_assert_true (literals->v.elements[0].v.boolean);
  g_assert_cmpint (literals->v.elements[1].type, ==, GLOSS_JSON_BOOLEAN);
  g_assert_false (literals->v.elements[1].v.boolean);
  g_assert_cmpint (literals->v.elements[2].type, ==, GLOSS_JSON_NULL);

  b = member (member (member (root, "nested"), "a"), "b");
  g_assert_cmpuint (b->length, ==, 3);
  g_assert_cmpint (b->v.elements[0].type, ==, GLOSS_JSON_ARRAY);
  g_assert_cmpuint (b->v.elements[0].length, ==, 0);
  g_assert_cmpint (b->v.elements[1].type, ==, GLOSS_JSON_OBJECT);
  g_assert_cmpuint (b->v.elements[1].length, ==, 0);
  g_assert_cmpint (b->v.elements[2].v.elements[0].type, ==, GLOSS_JSON_OBJECT);

  g_assert_cmpint (member (root, "two words")->v.integer, ==, 1);
}

/* The hint only speeds lookups up: any order finds the same members. */
static void
test_lookup_hint (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Parsed) parsed = parse ("{\"id\": 1, \"start\": 2, \"end\": 3, \"quote\": 4}", -1, &error);
  const GlossJsonNode *root;
  const char *names[] = { "id", "start", "end", "quote", "end", "id", "quote", "missing", "start" };
  const gint64 values[] = { 1, 2, 3, 4, 3, 1, 4, -1, 2 };
  guint hint = 0;

  g_assert_no_error (error);
  root = gloss_json_builder_get_root (parsed->builder);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const GlossJsonNode *node = gloss_json_object_get (root, names[i], &hint);

      if (values[i] < 0)
        g_assert_null (node);
      else
        g_assert_cmpint (node->v.integer, ==, values[i]);
    }

  /* A hint past the end, as another object may leave it. */
  hint = 1000;
  g_assert_cmpint (gloss_json_object_get (root, "quote", &hint)->v.integer, ==, 4);
}

static void
test_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Parsed) parsed = parse ("\xEF\xBB\xBF[\"x\"]", -1, &error);
  const GlossJsonNode *root;

  g_assert_no_error (error);
  root = gloss_json_builder_get_root (parsed->builder);
  g_assert_cmpint (root->type, ==, GLOSS_JSON_ARRAY);
  g_assert_cmpstr (root->v.elements[0].v.string, ==, "x");
}

/* Building changes the buffer (strings are terminated in place), yet the
 * messages — line and column included — are the plain scan's. */
static void
test_same_messages_as_scan (void)
{
  const char *broken[] = {
    "{\"a\": \"x\\ny\", \"b\": \"line\",\n \"c\": tru}",
    "{\"a\": \"one\", \"b\": \"two\"\n\"c\": 3}",
    "{\"a\": \"é\\u00e9\", \"a\": 1}",
    "{\"t\\u0069tle\": \"x\", \"title\": \"y\"}",
    "[\"abc\", \"d\\u0000\"]",
    "[\"\\ud83d\"]",
    "[1, 2,]",
    "{\"n\": 99999999999999999999}",
    "{\"n\": 1e400}",
    "{\"n\": 012}",
    "[\"never closed",
    "[\"a\"] x",
    "",
    "  \n ",
    "[\"🤝🏽\", \"\t\"]",
    "\xEF\xBB\xBF{\"a\":\n\"x\" \"y\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GError) scan_error = NULL;
      g_autoptr(GError) parse_error = NULL;
      g_autoptr(Parsed) parsed = NULL;
      gsize start;

      g_test_message ("%s", broken[i]);
      g_assert_false (_gloss_project_scan ("test.json", broken[i], strlen (broken[i]), &start, &scan_error));
      parsed = parse (broken[i], -1, &parse_error);
      g_assert_null (parsed);
      g_assert_nonnull (scan_error);
      g_assert_nonnull (parse_error);
      g_assert_cmpint (parse_error->code, ==, scan_error->code);
      g_assert_cmpstr (parse_error->message, ==, scan_error->message);
    }
}

/* The scan's UTF-8 check skips ASCII a word at a time; it must say what
 * g_utf8_validate_len() says, about the same byte, for any bytes. */
static void
test_utf8_like_glib (void)
{
  const char *pieces[] = {
    "a", "bcdefghij", "\"", " ", "é", "中", "🤝🏽", "👩‍👩‍👧", "\xcc\x81",
    "\xFF", "\xC0\xAF", "\xE4\xB8", "\xF0\x9F\x98", "\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80",
  };
  GRand *rand = g_rand_new_with_seed (20240501);

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GString) bytes = g_string_new ("\"");
      g_autoptr(GError) error = NULL;
      guint n = (guint) g_rand_int_range (rand, 0, 60);
      gboolean valid;
      const char *bad = NULL;
      gsize start;

      for (guint i = 0; i < n; i++)
        {
          /* Mostly good text; now and then a bad piece or a NUL. */
          guint kind = (guint) g_rand_int_range (rand, 0, 100);

          if (kind < 2)
            g_string_append_c (bytes, '\0');
          else if (kind < 8)
            g_string_append (bytes, pieces[g_rand_int_range (rand, 9, G_N_ELEMENTS (pieces))]);
          else
            g_string_append (bytes, pieces[g_rand_int_range (rand, 0, 9)]);
        }
      g_string_append_c (bytes, '"');

      valid = g_utf8_validate_len (bytes->str, bytes->len, &bad);
      _gloss_project_scan ("test.json", bytes->str, bytes->len, &start, &error);

      if (valid)
        g_assert_true (error == NULL || error->code != GLOSS_ERROR_ENCODING);
      else
        {
          g_autofree char *offset = g_strdup_printf ("byte offset %" G_GSIZE_FORMAT ")",
                                                      (gsize) (bad - bytes->str));

          g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING);
          g_assert_nonnull (strstr (error->message, offset));
        }
    }

  g_rand_free (rand);
}

/* Whatever the writer writes, the reader reads back: every character that
 * needs an escape, at every position within the eight-byte words both of
 * them step through. */
static void
test_writer_round_trip (void)
{
  const char *specials[] = {
    "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\x01", "\x1f", "/", "é", "🤝🏽", "\x7f",
  };

  for (guint s = 0; s < G_N_ELEMENTS (specials); s++)
    for (guint length = 0; length < 20; length++)
      for (guint at = 0; at <= length; at++)
        {
          g_autoptr(GString) value = g_string_new (NULL);
          g_autoptr(GlossJsonWriter) writer = gloss_json_writer_new (0);
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(Parsed) parsed = NULL;
          const GlossJsonNode *root;
          gsize size;
          const char *data;

          for (guint i = 0; i < length; i++)
            {
              if (i == at)
                g_string_append (value, specials[s]);
              g_string_append_c (value, (char) ('a' + i % 26));
            }
          if (at == length)
            g_string_append (value, specials[s]);

          gloss_json_writer_begin_object (writer);
          gloss_json_writer_string_member (writer, value->str, value->str);
          gloss_json_writer_int_member (writer, "n", -(gint64) length * 1000003);
          gloss_json_writer_end_object (writer);
          bytes = gloss_json_writer_finish (g_steal_pointer (&writer));

          data = g_bytes_get_data (bytes, &size);
          parsed = parse (data, (gssize) size, &error);
          g_assert_no_error (error);
          root = gloss_json_builder_get_root (parsed->builder);
          g_assert_cmpstr (root->v.members[0].name, ==, value->str);
          g_assert_cmpstr (root->v.members[0].value.v.string, ==, value->str);
          g_assert_cmpint (member (root, "n")->v.integer, ==, -(gint64) length * 1000003);
        }

  {
    g_autoptr(GlossJsonWriter) writer = gloss_json_writer_new (0);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(Parsed) parsed = NULL;
    const GlossJsonNode *root;
    gsize size;
    const char *data;

    gloss_json_writer_begin_array (writer);
    gloss_json_writer_int (writer, G_MAXINT64);
    gloss_json_writer_int (writer, G_MININT64);
    gloss_json_writer_int (writer, 0);
    gloss_json_writer_end_array (writer);
    bytes = gloss_json_writer_finish (g_steal_pointer (&writer));
    data = g_bytes_get_data (bytes, &size);
    parsed = parse (data, (gssize) size, &error);
    g_assert_no_error (error);
    root = gloss_json_builder_get_root (parsed->builder);
    g_assert_cmpint (root->v.elements[0].v.integer, ==, G_MAXINT64);
    g_assert_cmpint (root->v.elements[1].v.integer, ==, G_MININT64);
    g_assert_cmpint (root->v.elements[2].v.integer, ==, 0);
  }
}

static GlossProject *
load_with_created (const char  *created,
                   GError     **error)
{
  g_autofree char *json = g_strdup_printf (
    "{\"format\": \"gloss-project\", \"version\": 1, \"title\": \"t\", "
    "\"created\": \"%s\", \"modified\": \"%s\", \"tags\": [], \"relation_types\": [], "
    "\"documents\": [], \"relations\": []}", created, created);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return gloss_project_load_bytes (bytes, "times.gloss", NULL, error);
}

/* Timestamps in the form Gloss writes are read by hand: the same instant
 * as GLib reads, and other forms and impossible dates go to GLib. */
static void
test_timestamps (void)
{
  const char *good[] = {
    "2024-05-01T09:30:00.000000Z",
    "2024-02-29T23:59:59.999999Z",
    "0001-01-01T00:00:00.000000Z",
    "0042-07-04T12:00:00.000001Z",
    "1969-12-31T23:59:59.500000Z",
    "9999-12-31T23:59:59.999999Z",
    "2024-05-01T09:30:00.123456+02:00",
    "2024-05-01T09:30:00Z",
    "2024-05-01T09:30:00.1Z",
  };
  const char *bad[] = {
    "2023-02-29T10:00:00.000000Z",
    "2024-13-01T10:00:00.000000Z",
    "2024-05-01T24:00:00.000000Z",
    "2024-05-01T09:30:00.000000",
    "0000-01-01T00:00:00.000000Z",
    "2024-05-01X09:30:00.000000Z",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossProject) project = load_with_created (good[i], &error);
      g_autoptr(GDateTime) expected = g_date_time_new_from_iso8601 (good[i], NULL);
      GDateTime *created;

      g_test_message ("%s", good[i]);
      g_assert_no_error (error);
      created = gloss_project_get_created (project);
      g_assert_true (g_date_time_equal (created, expected));
      g_assert_cmpint (g_date_time_get_microsecond (created), ==, g_date_time_get_microsecond (expected));
      g_assert_cmpint (g_date_time_get_utc_offset (created), ==, 0);
      g_assert_true (g_date_time_equal (gloss_project_get_modified (project), expected));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossProject) project = load_with_created (bad[i], &error);

      g_test_message ("%s", bad[i]);
      g_assert_null (project);
      g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

/* The writer formats timestamps by hand too: what printf made of GLib's
 * fields, for any zone and any year. */
static void
test_writer_timestamps (void)
{
  const char *times[] = {
    "2024-05-01T09:30:00.000000Z", "0001-01-01T00:00:00.000000Z", "0999-03-01T05:06:07.000008Z",
    "1969-12-31T23:59:59.999999Z", "1900-02-28T12:00:00.5Z", "2000-02-29T00:00:00Z",
    "9999-12-31T23:59:59.999999Z", "2024-05-01T01:30:00.25+05:30", "2024-12-31T22:00:00-03:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (times[i], NULL);
      g_autoptr(GDateTime) utc = g_date_time_to_utc (when);
      g_autoptr(GlossJsonWriter) writer = gloss_json_writer_new (0);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *text = NULL;

      g_assert_nonnull (when);
      expected = g_strdup_printf ("{\n  \"a\": \"%04d-%02d-%02dT%02d:%02d:%02d.%06dZ\",\n"
                                  "  \"b\": \"%04d-%02d-%02dT%02d:%02d:%02d.%06dZ\"\n}\n",
                                  g_date_time_get_year (utc), g_date_time_get_month (utc),
                                  g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                                  g_date_time_get_minute (utc), g_date_time_get_second (utc),
                                  g_date_time_get_microsecond (utc),
                                  g_date_time_get_year (utc), g_date_time_get_month (utc),
                                  g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                                  g_date_time_get_minute (utc), g_date_time_get_second (utc),
                                  g_date_time_get_microsecond (utc));

      /* Twice: the second comes from the writer's cache. */
      gloss_json_writer_begin_object (writer);
      gloss_json_writer_datetime_member (writer, "a", when);
      gloss_json_writer_datetime_member (writer, "b", when);
      gloss_json_writer_end_object (writer);
      bytes = gloss_json_writer_finish (g_steal_pointer (&writer));
      text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_assert_cmpstr (text, ==, expected);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/json-reader/tree", test_tree);
  g_test_add_func ("/gloss/json-reader/lookup-hint", test_lookup_hint);
  g_test_add_func ("/gloss/json-reader/bom", test_bom);
  g_test_add_func ("/gloss/json-reader/same-messages-as-scan", test_same_messages_as_scan);
  g_test_add_func ("/gloss/json-reader/utf8-like-glib", test_utf8_like_glib);
  g_test_add_func ("/gloss/json-reader/writer-round-trip", test_writer_round_trip);
  g_test_add_func ("/gloss/json-reader/timestamps", test_timestamps);
  g_test_add_func ("/gloss/json-reader/writer-timestamps", test_writer_timestamps);

  return g_test_run ();
}
