/* test-document.c — text, offsets in three units, and annotation lookups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss.h"

/* Emoji with ZWJ and skin tones, a flag, combining marks, Hebrew, Arabic,
 * CJK and a CRLF: every unit boundary a slice can get wrong. */
static const char mixed_text[] =
  "Family 👨‍👩‍👧‍👦 waved 🇺🇦 flags;\r\n"
  "the 👍🏽 came from Zoë (Zoe\xcc\x88) — שלום and مرحبا said 你好.\r\n";

static void
test_offsets_match_glib (void)
{
  g_autoptr(GlossDocument) document = gloss_document_new (NULL, "Mixed", mixed_text);
  glong length = g_utf8_strlen (mixed_text, -1);

  g_assert_cmpuint (gloss_document_get_length (document), ==, (GlossOffset) length);
  g_assert_cmpuint (gloss_document_get_text_size (document), ==, strlen (mixed_text));

  for (glong i = 0; i <= length; i++)
    {
      const char *expected = g_utf8_offset_to_pointer (mixed_text, i);
      gsize byte = gloss_document_offset_to_byte (document, (GlossOffset) i);
      g_autofree gunichar2 *utf16 = NULL;
      glong utf16_length = 0;

      g_assert_cmpuint (byte, ==, (gsize) (expected - mixed_text));
      g_assert_cmpuint (gloss_document_byte_to_offset (document, byte), ==, (GlossOffset) i);

      utf16 = g_utf8_to_utf16 (mixed_text, (glong) byte, NULL, &utf16_length, NULL);
      g_assert_cmpuint (gloss_document_offset_to_utf16 (document, (GlossOffset) i), ==, (gsize) utf16_length);
    }
}

/* Long text crosses many checkpoints. */
static void
test_offsets_long_text (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GlossDocument) document = NULL;
  const char *p;
  GlossOffset offset = 0;
  gsize utf16 = 0;

  for (guint i = 0; i < 2000; i++)
    g_string_append (text, i % 3 == 0 ? "a🇫🇷" : i % 3 == 1 ? "é\r\n" : "中文");

  document = gloss_document_new (NULL, NULL, text->str);
  for (p = text->str; ; p = g_utf8_next_char (p), offset++)
    {
      g_assert_cmpuint (gloss_document_offset_to_byte (document, offset), ==, (gsize) (p - text->str));
      g_assert_cmpuint (gloss_document_offset_to_utf16 (document, offset), ==, utf16);
      if (*p == '\0')
        break;
      utf16 += g_utf8_get_char (p) > 0xFFFF ? 2 : 1;
    }
  g_assert_cmpuint (offset, ==, gloss_document_get_length (document));
  /* Past the end clamps. */
  g_assert_cmpuint (gloss_document_offset_to_byte (document, offset + 10), ==, text->len);
}

static void
test_slices_and_selectors (void)
{
  g_autoptr(GlossDocument) document = gloss_document_new (NULL, "Mixed", mixed_text);
  g_autoptr(GlossAnnotation) family = gloss_annotation_new (NULL, 7, 14);
  g_autofree char *slice = gloss_document_dup_slice (document, 7, 14);

  g_assert_cmpstr (slice, ==, "👨‍👩‍👧‍👦");

  gloss_document_add_annotation (document, family);
  g_assert_cmpstr (gloss_annotation_get_quote (family), ==, "👨‍👩‍👧‍👦");
  g_assert_cmpstr (gloss_annotation_get_prefix (family), ==, "Family ");
  g_assert_true (g_str_has_prefix (gloss_annotation_get_suffix (family), " waved 🇺🇦 flags;\r\nthe "));
  g_assert_cmpint (g_utf8_strlen (gloss_annotation_get_suffix (family), -1), ==, 32);
  g_assert_true (gloss_annotation_get_document (family) == document);
  g_assert_true (gloss_document_lookup_annotation (document, gloss_annotation_get_id (family)) == family);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  GString *log = user_data;

  g_string_append_printf (log, "%u-%u+%u;", position, removed, added);
}

static void
annotation_changed_cb (GlossDocument   *document,
                       GlossAnnotation *annotation,
                       guint            old_start,
                       guint            old_end,
                       gpointer         user_data)
{
  GString *log = user_data;

  g_string_append_printf (log, "changed %u..%u;", old_start, old_end);
}

static void
test_list_model (void)
{
  g_autoptr(GlossDocument) document = gloss_document_new (NULL, NULL, "one two three four five six");
  g_autoptr(GlossAnnotation) three = gloss_annotation_new ("c", 8, 13);
  g_autoptr(GlossAnnotation) one = gloss_annotation_new ("a", 0, 3);
  g_autoptr(GlossAnnotation) two = gloss_annotation_new ("b", 4, 7);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GlossAnnotation) first = NULL;

  g_signal_connect (document, "items-changed", G_CALLBACK (items_changed_cb), log);
  g_signal_connect (document, "annotation-changed", G_CALLBACK (annotation_changed_cb), log);

  gloss_document_add_annotation (document, three);
  gloss_document_add_annotation (document, one);
  gloss_document_add_annotation (document, two);
  g_assert_cmpstr (log->str, ==, "0-0+1;0-0+1;1-0+1;");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (document)), ==, 3);
  first = g_list_model_get_item (G_LIST_MODEL (document), 0);
  g_assert_true (first == one);

  g_string_truncate (log, 0);
  gloss_document_move_annotation (document, one, 14, 18);
  g_assert_cmpstr (log->str, ==, "0-1+0;2-0+1;changed 0..3;");
  g_assert_cmpstr (gloss_annotation_get_quote (one), ==, "four");
  g_assert_cmpuint (gloss_document_get_annotation_position (document, one), ==, 2);

  g_string_truncate (log, 0);
  gloss_annotation_set_note (two, "checked");
  g_assert_cmpstr (log->str, ==, "changed 4..7;");

  g_string_truncate (log, 0);
  gloss_document_remove_annotation (document, three);
  g_assert_cmpstr (log->str, ==, "1-1+0;");
  g_assert_null (gloss_annotation_get_document (three));
  g_assert_null (gloss_document_lookup_annotation (document, "c"));
}

static void
test_queries (void)
{
  /*                                                  0         1         2
   *                                                  0123456789012345678901234 */
  g_autoptr(GlossDocument) document = gloss_document_new (NULL, NULL, "The envoy said no deal yet.");
  const struct { const char *id; GlossOffset start, end; } spans[] = {
    { "sentence", 0, 27 }, { "envoy", 4, 9 }, { "said", 10, 14 }, { "claim", 15, 26 }, { "deal", 18, 22 },
  };
  g_autoptr(GPtrArray) at = NULL;
  g_autoptr(GPtrArray) range = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      g_autoptr(GlossAnnotation) a = gloss_annotation_new (spans[i].id, spans[i].start, spans[i].end);
      gloss_document_add_annotation (document, a);
    }

  at = gloss_document_annotations_at (document, 19);
  g_assert_cmpuint (at->len, ==, 3);
  g_assert_cmpstr (gloss_annotation_get_id (g_ptr_array_index (at, 0)), ==, "sentence");
  g_assert_cmpstr (gloss_annotation_get_id (g_ptr_array_index (at, 1)), ==, "claim");
  g_assert_cmpstr (gloss_annotation_get_id (g_ptr_array_index (at, 2)), ==, "deal");

  /* End is exclusive: offset 9 is past "envoy". */
  g_clear_pointer (&at, g_ptr_array_unref);
  at = gloss_document_annotations_at (document, 9);
  g_assert_cmpuint (at->len, ==, 1);

  range = gloss_document_annotations_in_range (document, 8, 11);
  g_assert_cmpuint (range->len, ==, 3);

  g_assert_cmpstr (gloss_annotation_get_id (gloss_document_next_annotation (document, 4)), ==, "said");
  g_assert_cmpstr (gloss_annotation_get_id (gloss_document_previous_annotation (document, 15)), ==, "said");
  g_assert_null (gloss_document_next_annotation (document, 18));
  g_assert_null (gloss_document_previous_annotation (document, 0));
}

static void
test_sha256 (void)
{
  g_autoptr(GlossDocument) document = gloss_document_new (NULL, NULL, "abc");

  g_assert_cmpstr (gloss_document_get_sha256 (document), ==,
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  gloss_document_set_text (document, "");
  g_assert_cmpstr (gloss_document_get_sha256 (document), ==,
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  g_assert_cmpuint (gloss_document_get_length (document), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/document/offsets-match-glib", test_offsets_match_glib);
  g_test_add_func ("/gloss/document/offsets-long-text", test_offsets_long_text);
  g_test_add_func ("/gloss/document/slices-and-selectors", test_slices_and_selectors);
  g_test_add_func ("/gloss/document/list-model", test_list_model);
  g_test_add_func ("/gloss/document/queries", test_queries);
  g_test_add_func ("/gloss/document/sha256", test_sha256);

  return g_test_run ();
}
