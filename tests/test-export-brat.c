/* test-export-brat.c — brat standoff export, every span checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Over 800 lines because every case reads the same exported .ann with the
 * same checks (above the tests); split, the checks would have to be shared
 * by files that each test one line kind of one format.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ann-reader.h"
#include "export-fixture.h"

static guint
count_kind (GPtrArray *lines,
            char       kind)
{
  guint n = 0;

  for (guint i = 0; i < lines->len; i++)
    if (((AnnLine *) g_ptr_array_index (lines, i))->id[0] == kind)
      n++;

  return n;
}

/* The T lines (in order) from @txt_start to @txt_end. */
static GPtrArray *
t_lines_at (GPtrArray *lines,
            guint      txt_start,
            guint      txt_end)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < lines->len; i++)
    {
      AnnLine *line = g_ptr_array_index (lines, i);

      if (line->id[0] == 'T' &&
          g_array_index (line->spans, AnnSpan, 0).start == txt_start &&
          g_array_index (line->spans, AnnSpan, line->spans->len - 1).end == txt_end)
        g_ptr_array_add (found, line);
    }

  return found;
}

/* Every T's fragments against the .txt by code points: no line break
 * inside, and the T text is the fragments joined by a space. */
static void
check_t_lines (GPtrArray  *lines,
               const char *txt)
{
  glong length = g_utf8_strlen (txt, -1);

  for (guint i = 0; i < lines->len; i++)
    {
      AnnLine *line = g_ptr_array_index (lines, i);
      g_autoptr(GString) joined = g_string_new (NULL);

      if (line->id[0] != 'T')
        continue;

      for (guint j = 0; j < line->spans->len; j++)
        {
          AnnSpan *span = &g_array_index (line->spans, AnnSpan, j);
          g_autofree char *slice = NULL;

          g_assert_cmpint (span->end, <=, length);
          if (j > 0)
            g_assert_cmpuint (span->start, >=, g_array_index (line->spans, AnnSpan, j - 1).end);
          slice = g_utf8_substring (txt, span->start, span->end);
          g_assert_null (strpbrk (slice, "\r\n"));
          if (j > 0)
            g_string_append_c (joined, ' ');
          g_string_append (joined, slice);
        }

      g_assert_cmpstr (line->text, ==, joined->str);
    }
}

/* Gloss offset → .txt offset, counted here independently: each CRLF
 * before it is one character shorter. */
static guint
txt_offset (const char *text,
            guint       offset)
{
  const char *stop = g_utf8_offset_to_pointer (text, offset);
  guint crlfs = 0;

  for (const char *p = text; p < stop; p++)
    if (p[0] == '\r' && p[1] == '\n')
      crlfs++;

  return offset - crlfs;
}

static AnnLine *
t_line_of (GPtrArray       *lines,
           GlossAnnotation *annotation,
           guint            nth)
{
  GlossDocument *document = gloss_annotation_get_document (annotation);
  const char *text = gloss_document_get_text (document);
  g_autoptr(GPtrArray) found =
    t_lines_at (lines,
                txt_offset (text, gloss_annotation_get_start (annotation)),
                txt_offset (text, gloss_annotation_get_end (annotation)));

  g_assert_cmpuint (found->len, >, nth);
  return g_ptr_array_index (found, nth);
}

/* The lines of kind @kind whose first argument is @target. */
static GPtrArray *
lines_on (GPtrArray  *lines,
          char        kind,
          const char *target)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < lines->len; i++)
    {
      AnnLine *line = g_ptr_array_index (lines, i);

      if (line->id[0] == kind && line->args != NULL && g_strcmp0 (line->args[0], target) == 0)
        g_ptr_array_add (found, line);
    }

  return found;
}

/* ---- Tests ---- */

static void
test_txt (void)
{
  g_autoptr(GlossDocument) document = gloss_document_new (NULL, "t", "a\r\nb\rc\n\r\n\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7\r\n");
  g_autofree char *txt = gloss_export_brat_txt (document);

  g_assert_cmpstr (txt, ==, "a\nb\rc\n\n\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7\n");
}

static void
test_fixture (void)
{
  Fixture f;
  g_autofree char *ann = NULL;
  g_autofree char *txt = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  GlossBratExportReport report = { 0 };
  const char *text;
  AnnLine *line, *other;
  guint expected_t = 0;

  fixture_init (&f);
  text = gloss_document_get_text (f.talks);
  ann = gloss_export_brat_ann_with_report (f.project, f.talks, &report);
  txt = gloss_export_brat_txt (f.talks);
  lines = ann_read (ann, ANN_READ_STRICT);
  check_t_lines (lines, txt);

  g_assert_cmpuint (report.documents, ==, 1);
  g_assert_cmpuint (report.annotations, ==, gloss_document_get_n_annotations (f.talks));
  g_assert_cmpuint (report.skipped_annotations, ==, 0);
  g_assert_cmpuint (report.skipped_relations, ==, 0);

  /* One T per tag, at least one per annotation. */
  for (guint i = 0; i < gloss_document_get_n_annotations (f.talks); i++)
    expected_t += MAX (1, gloss_annotation_get_n_tags (gloss_document_get_annotation (f.talks, i)));
  g_assert_cmpuint (count_kind (lines, 'T'), ==, expected_t);

  /* Each annotation's first T covers it, line breaks aside: the fragments
   * and the breaks between them make up the quote. */
  for (guint i = 0; i < gloss_document_get_n_annotations (f.talks); i++)
    {
      GlossAnnotation *annotation = gloss_document_get_annotation (f.talks, i);
      AnnLine *t = t_line_of (lines, annotation, 0);
      AnnSpan *last = &g_array_index (t->spans, AnnSpan, t->spans->len - 1);
      g_autofree char *quote_in_txt = NULL;
      g_autoptr(GString) flat = g_string_new (NULL);
      const char *quote = gloss_annotation_get_quote (annotation);

      g_assert_cmpuint (last->end, ==, txt_offset (text, gloss_annotation_get_end (annotation)));
      quote_in_txt = g_utf8_substring (txt, g_array_index (t->spans, AnnSpan, 0).start, last->end);
      /* The quote with CRLF as LF is what the .txt holds there. */
      for (const char *p = quote; *p != '\0'; p++)
        if (!(p[0] == '\r' && p[1] == '\n'))
          g_string_append_c (flat, *p);
      g_assert_cmpstr (quote_in_txt, ==, flat->str);
    }

  /* Emoji, flags, combining marks: the spans hold them whole. */
  line = t_line_of (lines, f.envoy_emoji, 0);
  g_assert_cmpstr (line->type, ==, "Person");
  g_assert_cmpstr (line->text, ==, "\xF0\x9F\x91\xA9\xF0\x9F\x8F\xBD\xE2\x80\x8D\xF0\x9F\x92\xBB");
  g_assert_cmpstr (t_line_of (lines, f.combining, 0)->text, ==, gloss_annotation_get_quote (f.combining));
  g_assert_cmpstr (t_line_of (lines, f.rainbow, 0)->text, ==, gloss_annotation_get_quote (f.rainbow));
  g_assert_cmpstr (t_line_of (lines, f.cjk, 0)->text, ==, gloss_annotation_get_quote (f.cjk));

  /* Two tags: two T lines over the same span; "/" is not a brat type. */
  line = t_line_of (lines, f.family, 0);
  other = t_line_of (lines, f.family, 1);
  g_assert_cmpstr (line->type, ==, "Claim");
  g_assert_cmpstr (other->type, ==, "Date-Number");
  g_assert_cmpstr (line->text, ==, other->text);

  /* Across two CRLFs: three fragments. */
  line = t_line_of (lines, f.across_lines, 0);
  g_assert_cmpuint (line->spans->len, ==, 3);
  g_assert_true (g_str_has_prefix (line->text, "(nai\xCC\x88ve). "));

  /* A bare LF and a U+FEFF inside the span. */
  line = t_line_of (lines, f.untagged, 0);
  g_assert_cmpstr (line->type, ==, "Annotation");
  g_assert_cmpuint (line->spans->len, ==, 2);
  g_assert_cmpstr (line->text, ==, "-1 @user\xEF\xBB\xBF Last");

  /* The note: one # line per line, on the first T. */
  line = t_line_of (lines, f.envoy_emoji, 0);
  {
    g_autoptr(GPtrArray) notes = NULL;
    guint n = 0;

    for (guint i = 0; i < lines->len; i++)
      {
        AnnLine *note = g_ptr_array_index (lines, i);

        if (note->id[0] == '#' && g_strcmp0 (note->args[0], line->id) == 0)
          {
            static const char * const expected[] = {
              "Check: \"envoy\", not \"minister\",",
              "see line 2;",
              "then =HYPERLINK(\"x\")",
            };

            g_assert_cmpstr (note->type, ==, "AnnotatorNotes");
            g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
            g_assert_cmpstr (note->text, ==, expected[n]);
            n++;
          }
      }
    g_assert_cmpuint (n, ==, 3);

    notes = g_ptr_array_new ();
    for (guint i = 0; i < lines->len; i++)
      {
        AnnLine *note = g_ptr_array_index (lines, i);

        if (note->id[0] == '#' && g_strcmp0 (note->args[0], t_line_of (lines, f.across_lines, 0)->id) == 0)
          g_ptr_array_add (notes, note);
      }
    g_assert_cmpuint (notes->len, ==, 1);
    g_assert_cmpstr (((AnnLine *) g_ptr_array_index (notes, 0))->text, ==, "spans three lines");
  }

  /* Attributes: "true" is binary. */
  {
    guint n = 0;

    for (guint i = 0; i < lines->len; i++)
      {
        AnnLine *a = g_ptr_array_index (lines, i);

        if (a->id[0] != 'A')
          continue;
        n++;
        if (g_str_equal (a->type, "checked"))
          {
            g_assert_cmpstr (a->args[0], ==, line->id);
            g_assert_null (a->args[1]);
          }
        else if (g_str_equal (a->type, "verdict"))
          {
            g_assert_cmpstr (a->args[0], ==, line->id);
            g_assert_cmpstr (a->args[1], ==, "false");
            g_assert_null (a->args[2]);
          }
        else if (g_str_equal (a->type, "language"))
          {
            g_assert_cmpstr (a->args[0], ==, t_line_of (lines, f.cjk, 0)->id);
            g_assert_cmpstr (a->args[1], ==, "zh,_Hans");
          }
        else
          {
            g_assert_cmpstr (a->type, ==, "speaker");
            g_assert_cmpstr (a->args[1], ==, "+972_desk");
          }
      }
    g_assert_cmpuint (n, ==, 4);
  }

  /* Relations inside the document; the cross one is the other's. */
  g_assert_cmpuint (count_kind (lines, 'R'), ==, 2);
  {
    AnnLine *r = ann_find_line (lines, "R1");
    g_autofree char *arg1 = g_strconcat ("Arg1:", t_line_of (lines, f.arabic, 0)->id, NULL);
    g_autofree char *arg2 = g_strconcat ("Arg2:", t_line_of (lines, f.envoy_emoji, 0)->id, NULL);
    g_autoptr(GPtrArray) r_notes = lines_on (lines, '#', "R1");

    g_assert_nonnull (r);
    g_assert_cmpstr (r->type, ==, "supports");
    g_assert_cmpstr (r->args[0], ==, arg1);
    g_assert_cmpstr (r->args[1], ==, arg2);
    /* The relation's note, one line each. */
    g_assert_cmpuint (r_notes->len, ==, 2);
    g_assert_cmpstr (((AnnLine *) g_ptr_array_index (r_notes, 0))->text, ==, "same \"speaker\",");
    g_assert_cmpstr (((AnnLine *) g_ptr_array_index (r_notes, 1))->text, ==, "probably");
  }
  g_assert_cmpstr (ann_find_line (lines, "R2")->type, ==, "same-as");

  fixture_clear (&f);
}

static void
test_cross_document (void)
{
  Fixture f;
  g_autofree char *ann = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  GlossBratExportReport report = { 0 };

  fixture_init (&f);
  ann = gloss_export_brat_ann_with_report (f.project, f.envoy, &report);
  lines = ann_read (ann, ANN_READ_STRICT);
  check_t_lines (lines, gloss_document_get_text (f.envoy));  /* no CRLF inside */

  g_assert_cmpuint (report.annotations, ==, 2);
  g_assert_cmpuint (report.skipped_relations, ==, 1);
  g_assert_cmpuint (count_kind (lines, 'R'), ==, 0);

  /* The other end does not count it again. */
  memset (&report, 0, sizeof report);
  g_free (gloss_export_brat_ann_with_report (f.project, f.talks, &report));
  g_assert_cmpuint (report.skipped_relations, ==, 0);

  fixture_clear (&f);
}

static void
test_orphaned (void)
{
  Fixture f;
  g_autofree char *ann = NULL;
  g_autofree char *txt = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  GlossBratExportReport report = { 0 };

  fixture_init (&f);
  gloss_project_set_annotation_state (f.project, f.envoy_emoji, GLOSS_ANCHOR_ORPHANED);
  ann = gloss_export_brat_ann_with_report (f.project, f.talks, &report);
  lines = ann_read (ann, ANN_READ_STRICT);
  txt = gloss_export_brat_txt (f.talks);
  check_t_lines (lines, txt);

  g_assert_cmpuint (report.skipped_annotations, ==, 1);
  /* "supports" pointed at it. */
  g_assert_cmpuint (report.skipped_relations, ==, 1);
  g_assert_cmpuint (count_kind (lines, 'R'), ==, 1);
  g_assert_cmpuint (report.annotations, ==, gloss_document_get_n_annotations (f.talks) - 1);

  fixture_clear (&f);
}

/* The importer's way of keeping what Gloss has no field for
 * (gloss-import-brat.c) comes back out as the brat lines it came from. */
static void
test_import_representation (void)
{
  static const char text[] =
    "Apple merged with\r\nPear Inc. today, \xD7\xA9 said.\r\n"
    "Reuters, the agency, said so.\r\n";
  g_autoptr(GlossProject) project = gloss_project_new_empty ();
  g_autoptr(GlossDocument) document = gloss_document_new (NULL, "Merge", text);
  g_autoptr(GlossTag) org = gloss_tag_new ("org", "Organization", "#5bc8af", -1);
  g_autoptr(GlossTag) merge = gloss_tag_new ("merge", "Merge-org", "#f6d32d", -1);
  GlossAnnotation *apple, *pear, *merged, *reuters, *agency, *split;
  g_autofree char *ann = NULL;
  g_autofree char *txt = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  GlossBratExportReport report = { 0 };
  AnnLine *line;
  guint n_lemma = 0, n_norm = 0;

  gloss_project_insert_tag (project, org);
  gloss_project_insert_tag (project, merge);
  gloss_project_add_document (project, document);

  apple = fixture_annotate (project, document, "Apple", 0, "org");
  merged = fixture_annotate (project, document, "merged", 0, "merge");
  pear = fixture_annotate (project, document, "Pear Inc.", 0, "org");
  reuters = fixture_annotate (project, document, "Reuters", 0, "org");
  agency = fixture_annotate (project, document, "the agency", 0, "org");
  /* "Apple … Inc." as one discontinuous brat span: [0,5) and [24,28). */
  split = fixture_annotate (project, document, "Apple merged with\r\nPear Inc.", 0, "org");
  gloss_project_set_annotation_attribute (project, split, "brat:fragments", "0 5;24 28");

  gloss_project_set_annotation_attribute (project, merged, "brat:event", "Merge-org Org-Arg Org-Arg2");
  gloss_project_set_annotation_attribute (project, merged, "Confidence", "High");
  gloss_project_set_annotation_note (project, merged, "one merge\nor two?");
  gloss_project_link (project, merged, apple, "Org-Arg");
  gloss_project_link (project, merged, pear, "Org-Arg2");

  gloss_project_set_annotation_attribute (project, reuters, "brat:equiv", "Equiv");
  gloss_project_set_annotation_attribute (project, agency, "brat:equiv", "Equiv");
  gloss_project_link (project, reuters, agency, "Equiv");

  gloss_project_set_annotation_attribute (project, apple, "note:Lemma", "apple\nomena");
  gloss_project_set_annotation_attribute (project, apple, "norm:Wikipedia", "856 Apple Inc.");
  gloss_project_set_annotation_attribute (project, apple, "norm:Wikipedia#2", "18978754");
  gloss_project_set_annotation_attribute (project, pear, "Negated", "true");

  ann = gloss_export_brat_ann_with_report (project, document, &report);
  txt = gloss_export_brat_txt (document);
  lines = ann_read (ann, ANN_READ_STRICT);
  check_t_lines (lines, txt);
  g_test_message ("%s", ann);

  g_assert_cmpuint (report.annotations, ==, 6);
  g_assert_cmpuint (report.skipped_relations, ==, 0);

  /* The discontinuous span has its two fragments back, in .txt offsets
   * (the CRLF before "Inc." is one character there). */
  line = t_line_of (lines, split, 0);
  g_assert_cmpuint (line->spans->len, ==, 2);
  g_assert_cmpuint (g_array_index (line->spans, AnnSpan, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (line->spans, AnnSpan, 0).end, ==, 5);
  g_assert_cmpuint (g_array_index (line->spans, AnnSpan, 1).start, ==, 23);
  g_assert_cmpuint (g_array_index (line->spans, AnnSpan, 1).end, ==, 27);
  g_assert_cmpstr (line->text, ==, "Apple Inc.");

  /* The event, its arguments, and what was said about it on the E. */
  g_assert_cmpuint (count_kind (lines, 'E'), ==, 1);
  line = ann_find_line (lines, "E1");
  {
    g_autofree char *trigger = g_strconcat ("Merge-org:", t_line_of (lines, merged, 0)->id, NULL);
    g_autofree char *arg1 = g_strconcat ("Org-Arg:", t_line_of (lines, apple, 0)->id, NULL);
    g_autofree char *arg2 = g_strconcat ("Org-Arg2:", t_line_of (lines, pear, 0)->id, NULL);

    g_assert_cmpstr (line->type, ==, trigger);
    g_assert_cmpstr (line->args[0], ==, arg1);
    g_assert_cmpstr (line->args[1], ==, arg2);
    g_assert_null (line->args[2]);
  }
  /* The role relations are the event's, not R lines; the equivalence is a
   * * line. */
  g_assert_cmpuint (count_kind (lines, 'R'), ==, 0);
  line = ann_find_line (lines, "*");
  g_assert_nonnull (line);
  g_assert_cmpstr (line->type, ==, "Equiv");
  g_assert_cmpstr (line->args[0], ==, t_line_of (lines, reuters, 0)->id);
  g_assert_cmpstr (line->args[1], ==, t_line_of (lines, agency, 0)->id);
  g_assert_null (line->args[2]);

  for (guint i = 0; i < lines->len; i++)
    {
      AnnLine *l = g_ptr_array_index (lines, i);

      if (l->id[0] == 'A')
        {
          /* Nothing the importer recorded leaks out as an attribute. */
          g_assert_false (g_str_has_prefix (l->type, "brat"));
          if (g_str_equal (l->type, "Confidence"))
            {
              g_assert_cmpstr (l->args[0], ==, "E1");
              g_assert_cmpstr (l->args[1], ==, "High");
            }
          else
            {
              g_assert_cmpstr (l->type, ==, "Negated");
              g_assert_cmpstr (l->args[0], ==, t_line_of (lines, pear, 0)->id);
              g_assert_null (l->args[1]);
            }
        }
      else if (l->id[0] == '#' && g_str_equal (l->type, "Lemma"))
        {
          g_assert_cmpstr (l->args[0], ==, t_line_of (lines, apple, 0)->id);
          g_assert_cmpstr (l->text, ==, n_lemma == 0 ? "apple" : "omena");
          n_lemma++;
        }
      else if (l->id[0] == '#')
        {
          g_assert_cmpstr (l->type, ==, "AnnotatorNotes");
          g_assert_cmpstr (l->args[0], ==, "E1");
        }
      else if (l->id[0] == 'N')
        {
          g_assert_cmpstr (l->type, ==, "Reference");
          g_assert_cmpstr (l->args[0], ==, t_line_of (lines, apple, 0)->id);
          if (n_norm == 0)
            {
              g_assert_cmpstr (l->args[1], ==, "Wikipedia:856");
              g_assert_cmpstr (l->text, ==, "Apple Inc.");
            }
          else
            {
              g_assert_cmpstr (l->args[1], ==, "Wikipedia:18978754");
              g_assert_null (l->text);
            }
          n_norm++;
        }
    }
  g_assert_cmpuint (n_lemma, ==, 2);
  g_assert_cmpuint (n_norm, ==, 2);
  g_assert_cmpuint (count_kind (lines, 'A'), ==, 2);
  g_assert_cmpuint (count_kind (lines, '#'), ==, 4);

  /* Once the span no longer matches its recorded fragments (the user
   * moved it), the fragments come from the line breaks again. */
  gloss_project_set_annotation_bounds (project, split, 0, 12);
  g_clear_pointer (&ann, g_free);
  g_clear_pointer (&lines, g_ptr_array_unref);
  ann = gloss_export_brat_ann (project, document);
  lines = ann_read (ann, ANN_READ_STRICT);
  check_t_lines (lines, txt);
  g_assert_cmpstr (t_line_of (lines, split, 0)->text, ==, "Apple merged");
}

static void
test_base_names (void)
{
  Fixture f;
  g_autoptr(GlossDocument) same = gloss_document_new (NULL, "Talks stall", "x");
  g_autoptr(GlossDocument) untitled = gloss_document_new (NULL, "", "y");
  g_autoptr(GlossDocument) slashes = gloss_document_new (NULL, "../../etc/passwd", "z");
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *first = NULL;
  GListModel *documents;

  fixture_init (&f);
  gloss_project_add_document (f.project, same);
  gloss_project_add_document (f.project, untitled);
  gloss_project_add_document (f.project, slashes);

  first = gloss_export_brat_base_name (f.project, f.talks);
  g_assert_cmpstr (first, ==, "01-talks-stall");

  documents = gloss_project_get_documents (f.project);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);
      char *name = gloss_export_brat_base_name (f.project, document);

      g_assert_null (strchr (name, '/'));
      g_assert_null (strchr (name, '\\'));
      g_assert_cmpint (name[0], !=, '.');
      g_assert_true (g_utf8_validate (name, -1, NULL));
      g_assert_true (g_hash_table_add (names, name));
    }

  g_assert_true (g_hash_table_contains (names, "02-envoy-says-no-deal-update"));
  g_assert_true (g_hash_table_contains (names, "03-talks-stall"));
  g_assert_true (g_hash_table_contains (names, "04-document"));
  g_assert_true (g_hash_table_contains (names, "05-etc-passwd"));

  fixture_clear (&f);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
test_folder (void)
{
  Fixture f;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("gloss-brat-XXXXXX", &error);
  g_autofree char *folder_path = NULL;
  g_autoptr(GFile) folder = NULL;
  GlossBratExportReport report = { 0 };
  GListModel *documents;

  g_assert_no_error (error);
  fixture_init (&f);
  folder_path = g_build_filename (tmp, "nested", "brat", NULL);
  folder = g_file_new_for_path (folder_path);

  g_assert_true (gloss_export_to_file_with_report (f.project, NULL, GLOSS_EXPORT_BRAT, folder, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.documents, ==, 2);
  g_assert_cmpuint (report.annotations, ==, fixture_count_annotations (f.project));
  g_assert_cmpuint (report.skipped_relations, ==, 1);

  documents = gloss_project_get_documents (f.project);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);
      g_autofree char *base = gloss_export_brat_base_name (f.project, document);
      g_autofree char *txt_path = g_strconcat (folder_path, G_DIR_SEPARATOR_S, base, ".txt", NULL);
      g_autofree char *ann_path = g_strconcat (folder_path, G_DIR_SEPARATOR_S, base, ".ann", NULL);
      g_autofree char *txt = NULL;
      g_autofree char *ann = NULL;
      g_autofree char *expected_txt = gloss_export_brat_txt (document);
      g_autofree char *expected_ann = gloss_export_brat_ann (f.project, document);
      g_autoptr(GPtrArray) lines = NULL;

      g_assert_true (g_file_get_contents (txt_path, &txt, NULL, NULL));
      g_assert_true (g_file_get_contents (ann_path, &ann, NULL, NULL));
      g_assert_cmpstr (txt, ==, expected_txt);
      g_assert_cmpstr (ann, ==, expected_ann);
      lines = ann_read (ann, ANN_READ_STRICT);
      check_t_lines (lines, txt);
    }

  /* Again into the same folder: the files are replaced. */
  g_assert_true (gloss_export_to_file (f.project, NULL, GLOSS_EXPORT_BRAT, folder, &error));
  g_assert_no_error (error);

  /* A file where the folder should be. */
  {
    g_autofree char *file_path = g_build_filename (tmp, "a-file", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (file_path);

    g_assert_true (g_file_set_contents (file_path, "x", -1, NULL));
    g_assert_false (gloss_export_to_file (f.project, NULL, GLOSS_EXPORT_BRAT, file, &error));
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_EXISTS);
    g_clear_error (&error);
  }

  remove_tree (tmp);
  fixture_clear (&f);
}

/* ---- brat → Gloss → brat ---- */

typedef struct {
  GHashTable *by_id;   /* id → AnnLine */
  GHashTable *keys;    /* id → char* key, memo */
} Meaning;

static const char *meaning_key (Meaning    *self,
                                const char *id);

/* "Role:Id" → "Role=key" */
static char *
role_key (Meaning    *self,
          const char *role_and_id)
{
  const char *colon = strrchr (role_and_id, ':');
  g_autofree char *role = NULL;

  g_assert_nonnull (colon);
  role = g_strndup (role_and_id, colon - role_and_id);
  return g_strdup_printf ("%s=%s", role, meaning_key (self, colon + 1));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* What a T, E or R line stands for, whatever its id: T by type and
 * spans, E by type, trigger and arguments, R by type and ends. */
static const char *
meaning_key (Meaning    *self,
             const char *id)
{
  AnnLine *line = g_hash_table_lookup (self->by_id, id);
  const char *memo = g_hash_table_lookup (self->keys, id);
  GString *key;

  if (memo != NULL)
    return memo;
  g_assert_nonnull (line);

  key = g_string_new (NULL);
  if (id[0] == 'T')
    {
      g_string_append_printf (key, "T(%s", line->type);
      for (guint i = 0; i < line->spans->len; i++)
        g_string_append_printf (key, " %u-%u", g_array_index (line->spans, AnnSpan, i).start,
                                g_array_index (line->spans, AnnSpan, i).end);
      g_string_append_c (key, ')');
    }
  else if (id[0] == 'E')
    {
      g_autoptr(GPtrArray) roles = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *trigger = role_key (self, line->type);

      for (guint i = 0; line->args[i] != NULL; i++)
        g_ptr_array_add (roles, role_key (self, line->args[i]));
      g_ptr_array_sort (roles, compare_strings);
      g_string_append_printf (key, "E(%s", trigger);
      for (guint i = 0; i < roles->len; i++)
        g_string_append_printf (key, " %s", (char *) g_ptr_array_index (roles, i));
      g_string_append_c (key, ')');
    }
  else
    {
      g_autofree char *arg1 = NULL;
      g_autofree char *arg2 = NULL;

      g_assert_cmpint (id[0], ==, 'R');
      g_assert_true (g_str_has_prefix (line->args[0], "Arg1:"));
      g_assert_true (g_str_has_prefix (line->args[1], "Arg2:"));
      arg1 = role_key (self, line->args[0]);
      arg2 = role_key (self, line->args[1]);
      g_string_append_printf (key, "R(%s %s %s)", line->type, arg1, arg2);
    }

  g_hash_table_insert (self->keys, g_strdup (id), key->str);
  return g_string_free (key, FALSE);
}

/* Every line of a .ann as a string that names no id, sorted. */
static GStrv
ann_meaning (const char *ann)
{
  g_autoptr(GPtrArray) lines = ann_read (ann, ANN_READ_STRICT);
  g_autoptr(GPtrArray) meanings = g_ptr_array_new ();
  Meaning self;

  self.by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < lines->len; i++)
    {
      AnnLine *line = g_ptr_array_index (lines, i);

      if (line->id[0] != '*')
        g_hash_table_insert (self.by_id, line->id, line);
    }

  for (guint i = 0; i < lines->len; i++)
    {
      AnnLine *line = g_ptr_array_index (lines, i);

      switch (line->id[0])
        {
        case 'T':
          g_ptr_array_add (meanings, g_strdup_printf ("%s %s", meaning_key (&self, line->id), line->text));
          break;
        case 'E':
        case 'R':
          g_ptr_array_add (meanings, g_strdup (meaning_key (&self, line->id)));
          break;
        case 'A':
          g_ptr_array_add (meanings, g_strdup_printf ("A(%s %s %s)", line->type,
                                                      meaning_key (&self, line->args[0]),
                                                      line->args[1] != NULL ? line->args[1] : "true"));
          break;
        case 'N':
          g_ptr_array_add (meanings, g_strdup_printf ("N(%s %s %s) %s", line->type,
                                                      meaning_key (&self, line->args[0]),
                                                      line->args[1], line->text));
          break;
        case '#':
          g_ptr_array_add (meanings, g_strdup_printf ("#(%s %s) %s", line->type,
                                                      meaning_key (&self, line->args[0]), line->text));
          break;
        case '*':
          {
            g_autoptr(GPtrArray) members = g_ptr_array_new ();
            g_autoptr(GString) meaning = g_string_new (NULL);

            for (guint j = 0; line->args[j] != NULL; j++)
              g_ptr_array_add (members, (gpointer) meaning_key (&self, line->args[j]));
            g_ptr_array_sort (members, compare_strings);
            g_string_append_printf (meaning, "*(%s", line->type);
            for (guint j = 0; j < members->len; j++)
              g_string_append_printf (meaning, " %s", (char *) g_ptr_array_index (members, j));
            g_string_append_c (meaning, ')');
            g_ptr_array_add (meanings, g_string_free (g_steal_pointer (&meaning), FALSE));
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  g_hash_table_unref (self.by_id);
  g_hash_table_unref (self.keys);
  g_ptr_array_sort (meanings, compare_strings);
  g_ptr_array_add (meanings, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&meanings), FALSE);
}

/* @name.ann and @name.txt from tests/fixtures/export-brat: imported, then
 * exported, then compared line by line for meaning. */
static void
round_trip (const char *name)
{
  g_autofree char *ann_name = g_strconcat (name, ".ann", NULL);
  g_autofree char *txt_name = g_strconcat (name, ".txt", NULL);
  g_autofree char *ann_path = g_test_build_filename (G_TEST_DIST, "fixtures", "export-brat", ann_name, NULL);
  g_autofree char *txt_path = g_test_build_filename (G_TEST_DIST, "fixtures", "export-brat", txt_name, NULL);
  g_autoptr(GFile) ann_file = g_file_new_for_path (ann_path);
  g_autoptr(GFile) txt_file = g_file_new_for_path (txt_path);
  g_autoptr(GlossProject) project = gloss_project_new_empty ();
  g_autoptr(GlossImportReport) report = gloss_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *original_ann = NULL;
  g_autofree char *original_txt = NULL;
  g_autofree char *ann = NULL;
  g_autofree char *txt = NULL;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  g_autoptr(GlossDocument) document = NULL;
  GlossBratExportReport brat = { 0 };

  g_assert_true (g_file_get_contents (ann_path, &original_ann, NULL, NULL));
  g_assert_true (g_file_get_contents (txt_path, &original_txt, NULL, NULL));

  g_assert_true (gloss_import_brat (project, ann_file, txt_file, report, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < report->messages->len; i++)
    g_test_message ("import: %s", (char *) g_ptr_array_index (report->messages, i));
  g_assert_cmpuint (report->messages->len, ==, 0);

  document = g_list_model_get_item (gloss_project_get_documents (project), 0);
  ann = gloss_export_brat_ann_with_report (project, document, &brat);
  txt = gloss_export_brat_txt (document);
  g_test_message ("%s", ann);
  g_assert_cmpuint (brat.skipped_annotations, ==, 0);
  g_assert_cmpuint (brat.skipped_relations, ==, 0);

  /* The same text, CRLFs written as LF: brat counted each as one
   * character, so the offsets stay the same. */
  {
    g_autoptr(GString) lf = g_string_new (NULL);

    for (const char *p = original_txt; *p != '\0'; p++)
      if (!(p[0] == '\r' && p[1] == '\n'))
        g_string_append_c (lf, *p);
    g_assert_cmpstr (txt, ==, lf->str);
  }
  {
    g_autoptr(GPtrArray) lines = ann_read (ann, ANN_READ_STRICT);

    check_t_lines (lines, txt);
  }

  /* Every line means what it meant; only the ids changed. */
  before = ann_meaning (original_ann);
  after = ann_meaning (ann);
  for (guint i = 0; before[i] != NULL || after[i] != NULL; i++)
    if (g_strcmp0 (before[i], after[i]) != 0)
      g_test_message ("first difference: %s | %s", before[i], after[i]);
  g_assert_cmpstrv (after, before);
}

static void
test_round_trip (void)
{
  round_trip ("merge");
}

/* brat's own files: CRLF text, offsets counting a CRLF as one character. */
static void
test_round_trip_crlf (void)
{
  round_trip ("merge-crlf");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/export-brat/txt", test_txt);
  g_test_add_func ("/gloss/export-brat/fixture", test_fixture);
  g_test_add_func ("/gloss/export-brat/cross-document", test_cross_document);
  g_test_add_func ("/gloss/export-brat/orphaned", test_orphaned);
  g_test_add_func ("/gloss/export-brat/import-representation", test_import_representation);
  g_test_add_func ("/gloss/export-brat/base-names", test_base_names);
  g_test_add_func ("/gloss/export-brat/folder", test_folder);
  g_test_add_func ("/gloss/export-brat/round-trip", test_round_trip);
  g_test_add_func ("/gloss/export-brat/round-trip-crlf", test_round_trip_crlf);

  return g_test_run ();
}
