/* test-import-brat.c — brat standoff into the Gloss model
 *
 * tests/fixtures/brat/talks.{txt,ann} is a short fictional news text with
 * flags, ZWJ sequences, skin tones, combining marks, Arabic, Hebrew and CJK,
 * and every kind of brat line, good and bad. The talks-* variants hold the
 * same annotations over a CRLF text (offsets as brat counts them, and as
 * tools reading bytes count them) and over a text with a UTF-8 BOM.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ann-reader.h"
#include "gloss.h"
#include "gloss-brat-offsets.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "brat", name, NULL);
}

/* The well-formed T lines of an .ann, read independently of the importer. */
static GPtrArray *
read_t_lines (const char *name)
{
  GPtrArray *lines = ann_read_fixture (name);

  for (guint i = lines->len; i-- > 0;)
    if (((AnnLine *) g_ptr_array_index (lines, i))->id[0] != 'T')
      g_ptr_array_remove_index (lines, i);

  return lines;
}

static AnnLine *
find_t_line (GPtrArray  *lines,
             const char *id)
{
  AnnLine *line = ann_find_line (lines, id);

  g_assert_nonnull (line);
  return line;
}

static GlossDocument *
last_document (GlossProject *project)
{
  GListModel *documents = gloss_project_get_documents (project);
  guint n = g_list_model_get_n_items (documents);
  GlossDocument *document;

  g_assert_cmpuint (n, >, 0);
  document = g_list_model_get_item (documents, n - 1);
  g_object_unref (document);

  return document;
}

static gboolean
has_tag_named (GlossProject    *project,
               GlossAnnotation *annotation,
               const char      *name)
{
  GlossTag *tag = gloss_project_lookup_tag_by_name (project, name);

  return tag != NULL && gloss_annotation_has_tag (annotation, gloss_tag_get_id (tag));
}

/* The annotations over exactly [start, end) tagged @type. */
static GPtrArray *
annotations_at (GlossProject  *project,
                GlossDocument *document,
                guint          start,
                guint          end,
                const char    *type)
{
  g_autoptr(GPtrArray) candidates = gloss_document_annotations_in_range (document, start, end);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < candidates->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (candidates, i);

      if (gloss_annotation_get_start (annotation) == start &&
          gloss_annotation_get_end (annotation) == end &&
          has_tag_named (project, annotation, type))
        g_ptr_array_add (found, annotation);
    }

  return found;
}

static GlossAnnotation *
annotation_at (GlossProject  *project,
               GlossDocument *document,
               guint          start,
               guint          end,
               const char    *type)
{
  g_autoptr(GPtrArray) found = annotations_at (project, document, start, end, type);

  /* An annotation re-anchored onto this span is not the one made here. */
  for (guint i = found->len; i > 0 && found->len > 1; i--)
    if (gloss_annotation_get_state (g_ptr_array_index (found, i - 1)) == GLOSS_ANCHOR_MOVED)
      g_ptr_array_remove_index (found, i - 1);

  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static GlossAnnotation *
annotation_for (GlossProject  *project,
                GlossDocument *document,
                GPtrArray     *lines,
                const char    *id)
{
  AnnLine *line = find_t_line (lines, id);

  return annotation_at (project, document,
                        g_array_index (line->spans, AnnSpan, 0).start,
                        g_array_index (line->spans, AnnSpan, line->spans->len - 1).end,
                        line->type);
}

/* Relations from @from of @type (borrowed). */
static GPtrArray *
relations_from (GlossProject    *project,
                GlossAnnotation *from,
                const char      *type)
{
  g_autoptr(GPtrArray) all = gloss_project_relations_of (project, from);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (all, i);

      if (g_str_equal (gloss_relation_get_from (relation), gloss_annotation_get_id (from)) &&
          g_str_equal (gloss_relation_get_type_name (relation), type))
        g_ptr_array_add (found, relation);
    }

  return found;
}

static GlossRelation *
relation_between (GlossProject    *project,
                  GlossAnnotation *from,
                  GlossAnnotation *to,
                  const char      *type)
{
  g_autoptr(GPtrArray) found = relations_from (project, from, type);

  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (gloss_relation_get_to (g_ptr_array_index (found, 0)), ==, gloss_annotation_get_id (to));

  return g_ptr_array_index (found, 0);
}

/* Every annotation that claims a place holds its quote there. */
static void
check_quotes_hold (GlossDocument *document)
{
  for (guint i = 0; i < gloss_document_get_n_annotations (document); i++)
    {
      GlossAnnotation *annotation = gloss_document_get_annotation (document, i);
      g_autofree char *slice = gloss_document_dup_slice (document, gloss_annotation_get_start (annotation),
                                                         gloss_annotation_get_end (annotation));

      if (gloss_annotation_get_state (annotation) != GLOSS_ANCHOR_ORPHANED)
        g_assert_cmpstr (slice, ==, gloss_annotation_get_quote (annotation));
    }
}

/* The fragments of a discontinuous span, joined as brat quotes them. */
static char *
fragments_text (GlossDocument   *document,
                GlossAnnotation *annotation)
{
  const char *fragments = gloss_annotation_get_attribute (annotation, "brat:fragments");
  g_auto(GStrv) pieces = NULL;
  GString *text = g_string_new (NULL);

  g_assert_nonnull (fragments);
  pieces = g_strsplit (fragments, ";", -1);
  for (guint i = 0; pieces[i] != NULL; i++)
    {
      guint start = 0, end = 0;
      g_autofree char *slice = NULL;

      g_assert_cmpint (sscanf (pieces[i], "%u %u", &start, &end), ==, 2);
      slice = gloss_document_dup_slice (document, start, end);
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, slice);
    }

  return g_string_free (text, FALSE);
}

static gboolean
import_fixture (GlossProject       *project,
                const char         *name,
                GlossImportReport  *report,
                GError            **error)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return gloss_import_file (project, file, report, error);
}

static const char * const talks_good[] = {
  "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12", "T13",
  "T14", "T15", "T16", "T17", "T18", "T19", "T20", "T21",
};

static void
test_talks (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossImportReport) report = gloss_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = read_t_lines ("talks.ann");
  g_autoptr(GPtrArray) merges = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) reuters = NULL;
  GlossDocument *document;
  GlossAnnotation *claim, *source, *speaker, *report_event, *merge, *merge_copy;
  GlossAnnotation *league, *the_league, *it, *orphan;
  GlossRelation *relation;
  guint n_tags_before = g_list_model_get_n_items (gloss_project_get_tags (project));
  const char * const expected_lines[] = { "37", "38", "39", "40", "41", "42", "43", "44", "45" };
  const char * const new_tags[] = { "Number", "Merge", "Flag", "Emoji", "Report" };
  g_autoptr(GHashTable) colors = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *summary = NULL;
  g_autofree char *joined = NULL;

  g_assert_true (import_fixture (project, "talks.ann", report, &error));
  g_assert_no_error (error);
  document = last_document (project);

  for (guint i = 0; i < report->messages->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (report->messages, i));

  /* Counts: 21 good spans + 2 misplaced + a copy of the trigger carrying a
   * second event; #1–#4; A1–A3 and N1–N2; R1, R2, 5 event roles, 2 links of
   * the equivalence; E1–E3. */
  g_assert_cmpuint (report->documents, ==, 1);
  g_assert_cmpuint (report->annotations, ==, 24);
  g_assert_cmpuint (gloss_document_get_n_annotations (document), ==, 24);
  g_assert_cmpuint (report->notes, ==, 4);
  g_assert_cmpuint (report->attributes, ==, 5);
  g_assert_cmpuint (report->relations, ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_relations (project)), ==, 9);
  g_assert_cmpuint (report->events, ==, 3);
  summary = gloss_import_report_summary (report);
  g_assert_cmpstr (summary, ==, "1 document, 24 annotations, 4 notes, 5 attributes, 9 links, 3 events; 9 problems");

  /* Every bad line is reported once, in line order, as file:line. */
  g_assert_cmpuint (report->messages->len, ==, G_N_ELEMENTS (expected_lines));
  for (guint i = 0; i < G_N_ELEMENTS (expected_lines); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("talks.ann:%s: ", expected_lines[i]);

      g_assert_true (g_str_has_prefix (g_ptr_array_index (report->messages, i), prefix));
    }
  g_assert_nonnull (strstr (g_ptr_array_index (report->messages, 0), "T99"));
  g_assert_nonnull (strstr (g_ptr_array_index (report->messages, 1), "T22"));
  g_assert_nonnull (strstr (g_ptr_array_index (report->messages, 2), "X1"));
  g_assert_nonnull (strstr (g_ptr_array_index (report->messages, 4), "already defined on line 1"));
  g_assert_nonnull (strstr (g_ptr_array_index (report->messages, 5), "T23"));
  g_assert_nonnull (strstr (g_ptr_array_index (report->messages, 6), "past the end"));
  g_assert_nonnull (strstr (g_ptr_array_index (report->messages, 7), "empty"));
  g_assert_nonnull (strstr (g_ptr_array_index (report->messages, 8), "#5"));

  /* Every good span: its quote is the T line's text, at brat's offsets. */
  for (guint i = 0; i < G_N_ELEMENTS (talks_good); i++)
    {
      AnnLine *line = find_t_line (lines, talks_good[i]);
      g_autoptr(GPtrArray) found = NULL;
      guint start = g_array_index (line->spans, AnnSpan, 0).start;
      guint end = g_array_index (line->spans, AnnSpan, line->spans->len - 1).end;

      guint anchored = 0;

      found = annotations_at (project, document, start, end, line->type);
      for (guint j = 0; j < found->len; j++)
        {
          GlossAnnotation *annotation = g_ptr_array_index (found, j);

          /* T23, misplaced, may have been found over T4's span. */
          if (gloss_annotation_get_state (annotation) == GLOSS_ANCHOR_MOVED &&
              g_str_equal (line->id, "T4"))
            continue;
          g_assert_cmpint (gloss_annotation_get_state (annotation), ==, GLOSS_ANCHOR_ANCHORED);
          anchored++;
          if (line->spans->len == 1)
            {
              g_assert_cmpstr (gloss_annotation_get_quote (annotation), ==, line->text);
              g_assert_null (gloss_annotation_get_attribute (annotation, "brat:fragments"));
            }
          else
            {
              g_autofree char *text = fragments_text (document, annotation);

              g_assert_cmpstr (text, ==, line->text);
            }
        }
      g_assert_cmpuint (anchored, >=, 1);
    }
  check_quotes_hold (document);

  /* The discontinuous span: one annotation covering both fragments. */
  {
    GlossAnnotation *zoe = annotation_for (project, document, lines, "T11");

    g_assert_cmpstr (gloss_annotation_get_attribute (zoe, "brat:fragments"), ==, "364 368;385 392");
    g_assert_cmpstr (gloss_annotation_get_quote (zoe), ==, "Zoe\xcc\x88 Ångstro\xcc\x88m (ne\xcc\x81" "e Mu\xcc\x88ller");
  }

  /* Tags: the default ones reused, the new ones made with fresh colours and
   * no digit. */
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_tags (project)), ==,
                    n_tags_before + G_N_ELEMENTS (new_tags));
  for (guint i = 0; i < g_list_model_get_n_items (gloss_project_get_tags (project)); i++)
    {
      g_autoptr(GlossTag) tag = g_list_model_get_item (gloss_project_get_tags (project), i);

      g_assert_false (g_hash_table_contains (colors, gloss_tag_get_color (tag)));
      g_hash_table_add (colors, (gpointer) gloss_tag_get_color (tag));
    }
  for (guint i = 0; i < G_N_ELEMENTS (new_tags); i++)
    {
      GlossTag *tag = gloss_project_lookup_tag_by_name (project, new_tags[i]);

      g_assert_nonnull (tag);
      g_assert_cmpint (gloss_tag_get_digit (tag), ==, -1);
      g_assert_true (gloss_color_is_valid (gloss_tag_get_color (tag)));
    }

  /* Notes: AnnotatorNotes joined; other comment kinds as note:<kind>. */
  claim = annotation_for (project, document, lines, "T3");
  g_assert_cmpstr (gloss_annotation_get_note (claim), ==,
                   "Check against the Reuters wire.\nSecond note: the quote marks are curly.");
  g_assert_cmpstr (gloss_annotation_get_attribute (annotation_for (project, document, lines, "T2"), "note:Lemma"),
                   ==, "Maya");

  /* Attributes and normalisations. */
  g_assert_cmpstr (gloss_annotation_get_attribute (claim, "Confidence"), ==, "High");
  league = annotation_for (project, document, lines, "T5");
  g_assert_cmpstr (gloss_annotation_get_attribute (league, "Negated"), ==, "true");
  g_assert_cmpstr (gloss_annotation_get_attribute (annotation_for (project, document, lines, "T1"), "norm:Wikipedia"),
                   ==, "11917 Geneva");
  g_assert_cmpstr (gloss_annotation_get_attribute (annotation_for (project, document, lines, "T13"), "norm:GeoNames"),
                   ==, "2643743");

  /* R lines, with a note on one. */
  source = annotation_for (project, document, lines, "T4");
  relation = relation_between (project, claim, source, "attributed-to");
  g_assert_cmpstr (gloss_relation_get_note (relation), ==, "From the wire copy.");
  relation_between (project, annotation_for (project, document, lines, "T6"), league, "Origin");

  /* Events: E2 names E1 before E1 is defined; E1 and E3 share a trigger. */
  merges = annotations_at (project, document, 488, 493, "Merge");
  g_assert_cmpuint (merges->len, ==, 2);
  merge = g_ptr_array_index (merges, 0);
  merge_copy = g_ptr_array_index (merges, 1);
  if (g_strcmp0 (gloss_annotation_get_attribute (merge, "brat:event"), "Merge Org1 Org2") != 0)
    {
      GlossAnnotation *swap = merge;

      merge = merge_copy;
      merge_copy = swap;
    }
  g_assert_cmpstr (gloss_annotation_get_attribute (merge, "brat:event"), ==, "Merge Org1 Org2");
  g_assert_cmpstr (gloss_annotation_get_attribute (merge, "Speculation"), ==, "true");
  g_assert_cmpstr (gloss_annotation_get_attribute (merge_copy, "brat:event"), ==, "Merge Org1");
  g_assert_null (gloss_annotation_get_attribute (merge_copy, "Speculation"));
  relation_between (project, merge, annotation_for (project, document, lines, "T13"), "Org1");
  relation_between (project, merge, annotation_for (project, document, lines, "T14"), "Org2");
  relation_between (project, merge_copy, annotation_for (project, document, lines, "T14"), "Org1");

  report_event = annotation_for (project, document, lines, "T19");
  speaker = annotation_for (project, document, lines, "T18");
  g_assert_cmpstr (gloss_annotation_get_attribute (report_event, "brat:event"), ==, "Report Speaker Event");
  relation_between (project, report_event, speaker, "Speaker");
  relation_between (project, report_event, merge, "Event");
  events = relations_from (project, report_event, "Event");
  g_assert_cmpuint (events->len, ==, 1);

  /* The equivalence: consecutive members linked, each marked. */
  the_league = annotation_for (project, document, lines, "T20");
  it = annotation_for (project, document, lines, "T21");
  relation_between (project, league, the_league, "Equiv");
  relation_between (project, the_league, it, "Equiv");
  g_assert_cmpstr (gloss_annotation_get_attribute (league, "brat:equiv"), ==, "Equiv");
  g_assert_cmpstr (gloss_annotation_get_attribute (the_league, "brat:equiv"), ==, "Equiv");
  g_assert_cmpstr (gloss_annotation_get_attribute (it, "brat:equiv"), ==, "Equiv");

  joined = g_strjoinv (",", (char **) gloss_project_get_relation_types (project));
  for (guint i = 0; i < 6; i++)
    {
      const char *type = (const char *[]) { "Origin", "Equiv", "Org1", "Org2", "Speaker", "Event" }[i];

      g_assert_true (g_strv_contains (gloss_project_get_relation_types (project), type));
    }

  /* T23's text is elsewhere: found there and marked moved once anchoring
   * finds it, or kept at its offsets as orphaned; its quote is brat's text
   * either way. T24 lies past the end: orphaned at the end. */
  reuters = annotations_at (project, document, 146, 153, "Source");
  if (reuters->len == 2)
    {
      GlossAnnotation *first = g_ptr_array_index (reuters, 0);
      GlossAnnotation *second = g_ptr_array_index (reuters, 1);

      orphan = gloss_annotation_get_state (first) == GLOSS_ANCHOR_MOVED ? first : second;
      g_assert_cmpint (gloss_annotation_get_state (orphan), ==, GLOSS_ANCHOR_MOVED);
      g_assert_cmpstr (gloss_annotation_get_quote (orphan), ==, "Reuters");
    }
  else
    {
      orphan = annotation_at (project, document, 0, 6, "Source");
      g_assert_cmpint (gloss_annotation_get_state (orphan), ==, GLOSS_ANCHOR_ORPHANED);
      g_assert_cmpstr (gloss_annotation_get_quote (orphan), ==, "Reuters");
    }
  orphan = annotation_at (project, document, gloss_document_get_length (document) - 1,
                          gloss_document_get_length (document), "Place");
  g_assert_cmpint (gloss_annotation_get_state (orphan), ==, GLOSS_ANCHOR_ORPHANED);
  g_assert_cmpstr (gloss_annotation_get_quote (orphan), ==, "𝔔𝔔𝔔𝔔𝔔𝔔𝔔𝔔");
}

static void
test_undo (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GError) error = NULL;
  GListModel *tags = gloss_project_get_tags (project);
  GListModel *documents = gloss_project_get_documents (project);
  GListModel *relations = gloss_project_get_relations (project);
  guint n_tags = g_list_model_get_n_items (tags);
  g_auto(GStrv) types = g_strdupv ((char **) gloss_project_get_relation_types (project));
  g_autoptr(GlossDocument) document = NULL;

  g_assert_true (import_fixture (project, "talks.ann", NULL, &error));
  g_assert_no_error (error);
  document = g_object_ref (last_document (project));
  g_assert_cmpstr (gloss_project_get_undo_label (project), ==, "Import brat Annotations");

  /* One step undoes the document, its tags, link types and links. */
  g_assert_true (gloss_project_undo (project));
  g_assert_false (gloss_project_can_undo (project));
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, n_tags);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 0);
  g_assert_cmpstrv (gloss_project_get_relation_types (project), types);
  g_assert_null (gloss_project_lookup_tag_by_name (project, "Merge"));

  g_assert_true (gloss_project_redo (project));
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);
  g_assert_cmpuint (gloss_document_get_n_annotations (last_document (project)), ==, 24);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, n_tags + 5);
  g_assert_true (last_document (project) == document);
}

/* The same annotations over a CRLF text and over a text with a BOM. */
static void
check_variant (const char *name,
               guint       crlf_shift_line)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossImportReport) report = gloss_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ann = g_strconcat (name, ".ann", NULL);
  g_autoptr(GPtrArray) lines = read_t_lines (ann);
  GlossDocument *document;
  guint checked = 0;

  g_assert_true (import_fixture (project, ann, report, &error));
  g_assert_no_error (error);
  document = last_document (project);

  for (guint i = 0; i < report->messages->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (report->messages, i));
  g_assert_cmpuint (report->messages->len, ==, 0);
  g_assert_cmpuint (report->annotations, ==, 22);
  g_assert_cmpuint (report->relations, ==, 9);
  g_assert_false (g_str_has_prefix (gloss_document_get_text (document), "\xef\xbb\xbf"));
  if (crlf_shift_line > 0)
    g_assert_nonnull (strstr (gloss_document_get_text (document), "\r\n"));

  /* Every T line has an annotation, anchored, holding the line's text. */
  for (guint i = 0; i < lines->len; i++)
    {
      AnnLine *line = g_ptr_array_index (lines, i);
      gboolean found = FALSE;

      for (guint j = 0; j < gloss_document_get_n_annotations (document) && !found; j++)
        {
          GlossAnnotation *annotation = gloss_document_get_annotation (document, j);
          g_autofree char *text = NULL;

          if (!has_tag_named (project, annotation, line->type))
            continue;
          if (line->spans->len > 1 && gloss_annotation_get_attribute (annotation, "brat:fragments") == NULL)
            continue;
          if (line->spans->len > 1)
            text = fragments_text (document, annotation);
          else
            text = g_strdup (gloss_annotation_get_quote (annotation));
          found = g_str_equal (text, line->text) &&
                  gloss_annotation_get_state (annotation) == GLOSS_ANCHOR_ANCHORED;
        }
      g_assert_true (found);
      checked++;
    }
  g_assert_cmpuint (checked, ==, 21);
  check_quotes_hold (document);

  /* "Maya Lindqvist" is on the second line: one CR before it in the text. */
  annotation_at (project, document, 48 + crlf_shift_line, 62 + crlf_shift_line, "Person");
}

static void
test_crlf (void)
{
  check_variant ("talks-crlf", 1);
}

static void
test_crlf_raw_offsets (void)
{
  check_variant ("talks-crlf-raw", 1);
}

static void
test_bom (void)
{
  check_variant ("talks-bom", 0);
}

static void
test_missing_text (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossImportReport) report = gloss_import_report_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (import_fixture (project, "lonely.ann", report, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "lonely.ann has no text beside it: lonely.txt was not found"));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_documents (project)), ==, 0);
  g_assert_false (gloss_project_can_undo (project));
  g_assert_cmpuint (report->documents, ==, 0);
}

/* Removes a flat temporary folder and what the test wrote into it. */
static void
remove_temp (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);

      g_unlink (path);
    }
  g_rmdir (directory);
}

static GlossDocument *
import_pair (GlossProject      *project,
             const char        *directory,
             const char        *text,
             const char        *ann,
             GlossImportReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *txt_path = g_build_filename (directory, "pair.txt", NULL);
  g_autofree char *ann_path = g_build_filename (directory, "pair.ann", NULL);
  g_autoptr(GFile) ann_file = g_file_new_for_path (ann_path);
  g_autoptr(GFile) txt_file = g_file_new_for_path (txt_path);

  g_assert_true (g_file_set_contents (txt_path, text, -1, NULL));
  g_assert_true (g_file_set_contents (ann_path, ann, -1, NULL));
  g_assert_true (gloss_import_brat (project, ann_file, txt_file, report, &error));
  g_assert_no_error (error);

  return last_document (project);
}

static void
test_edge_cases (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossImportReport) report = gloss_import_report_new ();
  g_autofree char *directory = g_dir_make_tmp ("gloss-brat-XXXXXX", NULL);
  GlossDocument *document;
  GlossAnnotation *envoy, *talks, *draft;
  g_autoptr(GPtrArray) envoys = NULL;
  guint n_tags = g_list_model_get_n_items (gloss_project_get_tags (project));
  const char *text = "The envoy said talks stall.\n";
  const char *ann =
    "T1\tPerson 4 9\n"                          /* no text field: brat fills it */
    "T2\tClaim 15 20;21 26\ttalksstall\n"        /* pre-1.3 discontinuous text */
    "T3\tClaim 10 14\tsaid\n"
    "R1\tOrigin Arg2:T1 Arg1:T3\n"               /* arguments in reverse order */
    "R2\tOrigin From:T3 To:T1\n"                 /* unusual argument names */
    "A1\tCertain R1\n"                           /* attributes on relations */
    "N1\tReference T1 Wikidata:Q1\tfirst\n"
    "N2\tReference T1 Wikidata:Q2\n"
    "E1\tClaim:T3 Theme:T9 Agent:T1\n"           /* a missing argument */
    "E2\tClaim:T7\n"                             /* a missing trigger */
    "*\tEquiv T1 T9\n"                           /* too few members left */
    "M1\tNegation T2\n"                          /* old modifier */
    "A2\tSure T2 no\n"
    "A3\tSure T2 yes\n"                          /* a second value */
    "\n"
    "   \n"
    "R3\tOrigin Arg1:T1 Arg2:T99\n"              /* a missing argument */
    "#1\tAnnotatorNotes R3\tlost with it\n";     /* a note on that relation */

  document = import_pair (project, directory, text, ann, report);
  for (guint i = 0; i < report->messages->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (report->messages, i));

  /* An existing tag is reused, not duplicated. */
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_tags (project)), ==, n_tags);

  envoys = annotations_at (project, document, 4, 9, "Person");
  g_assert_cmpuint (envoys->len, ==, 1);
  envoy = g_ptr_array_index (envoys, 0);
  g_assert_cmpstr (gloss_annotation_get_quote (envoy), ==, "envoy");
  g_assert_cmpstr (gloss_annotation_get_attribute (envoy, "norm:Wikidata"), ==, "Q1 first");
  g_assert_cmpstr (gloss_annotation_get_attribute (envoy, "norm:Wikidata#2"), ==, "Q2");

  talks = annotation_at (project, document, 15, 26, "Claim");
  g_assert_cmpstr (gloss_annotation_get_attribute (talks, "brat:fragments"), ==, "15 20;21 26");
  g_assert_cmpint (gloss_annotation_get_state (talks), ==, GLOSS_ANCHOR_ANCHORED);
  g_assert_cmpstr (gloss_annotation_get_attribute (talks, "Negation"), ==, "true");
  g_assert_cmpstr (gloss_annotation_get_attribute (talks, "Sure"), ==, "yes");

  draft = annotation_at (project, document, 10, 14, "Claim");
  {
    /* R1 names Arg2 first, R2 uses other names: both go from T3 to T1. */
    g_autoptr(GPtrArray) from_said = relations_from (project, draft, "Origin");
    g_autoptr(GPtrArray) from_envoy = relations_from (project, envoy, "Origin");
    g_autoptr(GPtrArray) agent = relations_from (project, draft, "Agent");

    g_assert_cmpuint (from_said->len, ==, 2);
    for (guint i = 0; i < from_said->len; i++)
      g_assert_cmpstr (gloss_relation_get_to (g_ptr_array_index (from_said, i)), ==, gloss_annotation_get_id (envoy));
    g_assert_cmpuint (from_envoy->len, ==, 0);
    g_assert_cmpuint (agent->len, ==, 1);
  }
  g_assert_cmpstr (gloss_annotation_get_attribute (draft, "brat:event"), ==, "Claim Agent");
  g_assert_null (gloss_annotation_get_attribute (envoy, "brat:equiv"));

  g_assert_cmpuint (report->messages->len, ==, 8);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (report->messages, 0), "pair.ann:5: R2: its arguments From and To"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (report->messages, 1), "pair.ann:6: A1: Gloss links have no attributes"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (report->messages, 2), "pair.ann:9: E1 refers to T9, which is not defined"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (report->messages, 3), "pair.ann:10: E2: its trigger T7"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (report->messages, 4), "pair.ann:11: this Equiv equivalence has fewer than two members"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (report->messages, 5), "pair.ann:14: A3: T2 already has Sure"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (report->messages, 6), "pair.ann:17: R3 refers to T99"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (report->messages, 7), "pair.ann:17: R3: so the note on it"));
  g_assert_cmpuint (report->events, ==, 1);
  g_assert_cmpuint (report->attributes, ==, 5);
  g_assert_cmpuint (report->notes, ==, 0);
  g_assert_cmpuint (report->relations, ==, 3);

  remove_temp (directory);
}

static void
test_not_utf8 (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("gloss-brat-XXXXXX", NULL);
  g_autofree char *txt_path = g_build_filename (directory, "latin.txt", NULL);
  g_autofree char *ann_path = g_build_filename (directory, "latin.ann", NULL);
  g_autoptr(GFile) ann_file = g_file_new_for_path (ann_path);

  g_assert_true (g_file_set_contents (txt_path, "Caf\xe9 talks\n", -1, NULL));
  g_assert_true (g_file_set_contents (ann_path, "T1\tPlace 0 4\tCaf\xe9\n", -1, NULL));

  g_assert_false (gloss_import_file (project, ann_file, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, "latin.txt is not UTF-8 text (invalid byte 0xE9 at line 1, column 4)"));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_documents (project)), ==, 0);
  g_assert_false (gloss_project_can_undo (project));

  remove_temp (directory);
}

/* Nothing in an import may be quadratic: 40,000 spans and 40,000 links. */
static void
test_many (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossImportReport) report = gloss_import_report_new ();
  g_autofree char *directory = g_dir_make_tmp ("gloss-brat-XXXXXX", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) ann = g_string_new (NULL);
  const guint n = 40000;
  GlossDocument *document;
  double elapsed;

  for (guint i = 0; i < n; i++)
    g_string_append (text, "Envoy 👩🏽‍💼 said.\n");
  for (guint i = 0; i < n; i++)
    {
      /* Each line is 17 code points (the emoji is 4); "Envoy" starts it. */
      g_string_append_printf (ann, "T%u\tPerson %u %u\tEnvoy\n", i + 1, i * 17, i * 17 + 5);
      if (i > 0)
        g_string_append_printf (ann, "R%u\tsame-as Arg1:T%u Arg2:T%u\n", i, i, i + 1);
    }

  g_test_timer_start ();
  document = import_pair (project, directory, text->str, ann->str, report);
  elapsed = g_test_timer_elapsed ();
  g_test_message ("%u spans and %u links imported in %.2f s", n, n - 1, elapsed);

  g_assert_cmpuint (report->messages->len, ==, 0);
  g_assert_cmpuint (gloss_document_get_n_annotations (document), ==, n);
  g_assert_cmpuint (report->relations, ==, n - 1);
  check_quotes_hold (document);
  /* ~0.8 s here; a quadratic step would take minutes and run into the
   * test's timeout. Speed itself is the benchmark's to measure. */

  remove_temp (directory);
}

/* The mapping the importer and the exporter share: brat counts a CRLF as
 * one character, Gloss as two; emoji and a ZWJ sequence are code points. */
static void
test_crlf_offsets (void)
{
  /* Gloss offsets: a0 \r1 \n2 b3 👩4 ZWJ5 👧6 \r7 \n8 \r9 \n10 c11 */
  const char *text = "a\r\nb\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7\r\n\r\nc";
  const guint gloss[] = { 0, 1, 3, 4, 5, 6, 7, 9, 11, 12 };
  const guint brat[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
  g_autoptr(GlossBratOffsets) offsets = _gloss_brat_offsets_new (text);
  g_autoptr(GlossBratOffsets) none = _gloss_brat_offsets_new ("no line breaks");

  g_assert_true (_gloss_brat_offsets_has_crlf (offsets));
  for (guint i = 0; i < G_N_ELEMENTS (gloss); i++)
    {
      g_assert_cmpuint (_gloss_brat_offsets_to_brat (offsets, gloss[i]), ==, brat[i]);
      g_assert_cmpuint (_gloss_brat_offsets_from_brat (offsets, brat[i]), ==, gloss[i]);
    }

  g_assert_false (_gloss_brat_offsets_has_crlf (none));
  for (guint i = 0; i < 15; i++)
    {
      g_assert_cmpuint (_gloss_brat_offsets_to_brat (none, i), ==, i);
      g_assert_cmpuint (_gloss_brat_offsets_from_brat (none, i), ==, i);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/import-brat/talks", test_talks);
  g_test_add_func ("/gloss/import-brat/undo", test_undo);
  g_test_add_func ("/gloss/import-brat/crlf", test_crlf);
  g_test_add_func ("/gloss/import-brat/crlf-raw-offsets", test_crlf_raw_offsets);
  g_test_add_func ("/gloss/import-brat/crlf-offsets", test_crlf_offsets);
  g_test_add_func ("/gloss/import-brat/bom", test_bom);
  g_test_add_func ("/gloss/import-brat/missing-text", test_missing_text);
  g_test_add_func ("/gloss/import-brat/edge-cases", test_edge_cases);
  g_test_add_func ("/gloss/import-brat/not-utf8", test_not_utf8);
  g_test_add_func ("/gloss/import-brat/many", test_many);

  return g_test_run ();
}
