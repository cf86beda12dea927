/* test-json-writer.c — the pretty, stable JSON writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "gloss.h"

static char *
finish_to_string (GlossJsonWriter *writer)
{
  g_autoptr(GBytes) bytes = gloss_json_writer_finish (writer);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_layout (void)
{
  GlossJsonWriter *writer = gloss_json_writer_new (0);
  g_autofree char *text = NULL;

  gloss_json_writer_begin_object (writer);
  gloss_json_writer_string_member (writer, "format", "gloss-project");
  gloss_json_writer_int_member (writer, "version", 1);
  gloss_json_writer_member (writer, "empty");
  gloss_json_writer_begin_array (writer);
  gloss_json_writer_end_array (writer);
  gloss_json_writer_member (writer, "items");
  gloss_json_writer_begin_array (writer);
  gloss_json_writer_int (writer, -3);
  gloss_json_writer_boolean (writer, TRUE);
  gloss_json_writer_null (writer);
  gloss_json_writer_begin_object (writer);
  gloss_json_writer_end_object (writer);
  gloss_json_writer_end_array (writer);
  gloss_json_writer_end_object (writer);
  text = finish_to_string (writer);

  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"format\": \"gloss-project\",\n"
                   "  \"version\": 1,\n"
                   "  \"empty\": [],\n"
                   "  \"items\": [\n"
                   "    -3,\n"
                   "    true,\n"
                   "    null,\n"
                   "    {}\n"
                   "  ]\n"
                   "}\n");
}

/* Whatever goes in comes back out of a real JSON parser unchanged. */
static void
test_escaping_round_trip (void)
{
  const char *values[] = {
    "plain", "quote \" and backslash \\", "tab\tnewline\ncr\r", "\x01\x1f control",
    "👨‍👩‍👧‍👦 🇺🇦 👍🏽 Zoë שלום مرحبا 你好", "</script><b>&amp;</b>", ("\xe2\x80\xae" "bidi override"), "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      GlossJsonWriter *writer = gloss_json_writer_new (0);
      g_autofree char *text = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      gloss_json_writer_begin_object (writer);
      gloss_json_writer_string_member (writer, "value", values[i]);
      gloss_json_writer_end_object (writer);
      text = finish_to_string (writer);

      json_parser_load_from_data (parser, text, -1, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "value"),
                       ==, values[i]);
      /* Non-ASCII stays UTF-8, so diffs of project files stay readable. */
      if (g_utf8_strlen (values[i], -1) != (glong) strlen (values[i]) && values[i][0] != '\xe2')
        g_assert_null (strstr (text, "\\u"));
    }
}

static void
test_datetime (void)
{
  GlossJsonWriter *writer = gloss_json_writer_new (0);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (2 * 3600);
  g_autoptr(GDateTime) when = g_date_time_new (zone, 2026, 11, 27, 10, 30, 15.25);
  g_autofree char *text = NULL;

  gloss_json_writer_begin_object (writer);
  gloss_json_writer_datetime_member (writer, "when", when);
  gloss_json_writer_datetime_member (writer, "never", NULL);
  gloss_json_writer_end_object (writer);
  text = finish_to_string (writer);

  g_assert_cmpstr (text, ==, "{\n  \"when\": \"2026-11-27T08:30:15.250000Z\",\n  \"never\": null\n}\n");
}

/* A member left without its value, and a time with no four-digit UTC
 * year, are programming errors: each is reported, and the file still
 * reads as JSON (null in their place). */
static void
test_member_always_has_a_value (void)
{
  if (g_test_subprocess ())
    {
      GlossJsonWriter *writer = gloss_json_writer_new (0);
      g_autoptr(GTimeZone) zone = g_time_zone_new_offset (5 * 3600);
      g_autoptr(GDateTime) ancient = g_date_time_new (zone, 1, 1, 1, 2, 0, 0);
      g_autofree char *text = NULL;

      /* Reported, not fatal: the test reads what was written after. */
      g_log_set_always_fatal (G_LOG_FATAL_MASK);
      gloss_json_writer_begin_object (writer);
      gloss_json_writer_member (writer, "forgotten");
      gloss_json_writer_member (writer, "next");
      gloss_json_writer_int (writer, 1);
      gloss_json_writer_datetime_member (writer, "when", ancient);
      gloss_json_writer_member (writer, "last");
      gloss_json_writer_end_object (writer);
      text = finish_to_string (writer);
      g_print ("%s", text);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("{\n  \"forgotten\": null,\n  \"next\": 1,\n  \"when\": null,\n  \"last\": null\n}\n");
  g_test_trap_assert_stderr ("*without a value*has no UTC form*without a value*");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/json-writer/layout", test_layout);
  g_test_add_func ("/gloss/json-writer/escaping-round-trip", test_escaping_round_trip);
  g_test_add_func ("/gloss/json-writer/datetime", test_datetime);
  g_test_add_func ("/gloss/json-writer/member-always-has-a-value", test_member_always_has_a_value);

  return g_test_run ();
}
