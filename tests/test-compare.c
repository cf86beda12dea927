/* test-compare.c — another analyst's version, difference by difference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss.h"

/* A byte-order mark, emoji with a skin tone and a ZWJ, a combining accent, Arabic, Japanese
 * and CRLF line ends: every offset is in code points. */
#define ARTICLE "\uFEFF🧑🏿‍🚒 The mayor promised a new bridge by spring.\r\n" \
                "Residents of Lie\u0300ge doubted it; مرحبا and 日本語 appeared on banners.\r\n" \
                "The budget office published no estimate.\r\n"

static GlossOffset
find (const char *needle)
{
  const char *at = strstr (ARTICLE, needle);

  g_assert_nonnull (at);
  return (GlossOffset) g_utf8_strlen (ARTICLE, at - ARTICLE);
}

static GlossAnnotation *
annotate (GlossDocument *document,
          const char    *id,
          const char    *words,
          const char    *tag)
{
  g_autoptr(GlossAnnotation) annotation = gloss_annotation_new (id, find (words),
                                                                find (words) + g_utf8_strlen (words, -1));

  if (tag != NULL)
    gloss_annotation_add_tag (annotation, tag);
  gloss_document_add_annotation (document, annotation);
  return annotation;
}

/* Mine: the mayor (source), the promise (claim, a verdict), the
 * residents (source), the budget office (organization); the promise is
 * attributed to the mayor. */
static GlossProject *
make_mine (void)
{
  GlossProject *project = gloss_project_new ();
  g_autoptr(GlossDocument) document = gloss_document_new ("bridge", "Bridge", ARTICLE);
  g_autoptr(GlossRelation) relation = gloss_relation_new ("said", "attributed-to", "promise", "mayor");
  GlossAnnotation *promise;

  gloss_project_insert_document (project, document);
  annotate (document, "mayor", "mayor", "source");
  promise = annotate (document, "promise", "promised a new bridge by spring", "claim");
  gloss_annotation_set_attribute (promise, "verdict", "unproven");
  annotate (document, "residents", "Residents of Lie\u0300ge", "source");
  annotate (document, "budget", "budget office", "organization");
  gloss_project_insert_relation (project, relation);
  gloss_project_mark_saved (project);
  return project;
}

static GlossProject *
copy_project (GlossProject *project)
{
  g_autoptr(GBytes) bytes = gloss_project_serialize (project);
  g_autoptr(GError) error = NULL;
  GlossProject *copy = gloss_project_load_bytes (bytes, "copy.gloss", NULL, &error);

  g_assert_no_error (error);
  return copy;
}

/* The bytes of @project but for its modification time, which every edit
 * (and its undo) moves. */
static GBytes *
serialize_content (GlossProject *project)
{
  g_autoptr(GDateTime) fixed = g_date_time_new_utc (2026, 1, 2, 3, 4, 5);

  gloss_project_set_modified (project, fixed);
  return gloss_project_serialize (project);
}

static GlossDocument *
first_document (GlossProject *project)
{
  g_autoptr(GlossDocument) document = g_list_model_get_item (gloss_project_get_documents (project), 0);

  return document;
}

/* The one difference that touches annotation (or relation) @id. */
static const GlossDifference *
difference_of (GlossComparison *comparison,
               const char      *id)
{
  GPtrArray *differences = gloss_comparison_get_differences (comparison);
  const GlossDifference *found = NULL;

  for (guint i = 0; i < differences->len; i++)
    {
      const GlossDifference *d = g_ptr_array_index (differences, i);
      const char *ids[] = {
        d->mine != NULL ? gloss_annotation_get_id (d->mine) : NULL,
        d->theirs != NULL ? gloss_annotation_get_id (d->theirs) : NULL,
        d->mine_relation != NULL ? gloss_relation_get_id (d->mine_relation) : NULL,
        d->theirs_relation != NULL ? gloss_relation_get_id (d->theirs_relation) : NULL,
      };

      for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
        if (g_strcmp0 (ids[k], id) == 0)
          {
            g_assert_null (found);
            found = d;
            break;
          }
    }
  return found;
}

static char *
described (GlossComparison       *comparison,
           const GlossDifference *difference)
{
  g_autoptr(GPtrArray) lines = gloss_difference_describe (comparison, difference);

  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static void
test_identical (void)
{
  g_autoptr(GlossProject) mine = make_mine ();
  g_autoptr(GlossProject) theirs = copy_project (mine);
  g_autoptr(GlossComparison) comparison = gloss_comparison_new (mine, theirs);

  g_assert_cmpuint (gloss_comparison_get_differences (comparison)->len, ==, 0);
  g_assert_cmpuint (gloss_comparison_get_n_documents (comparison), ==, 1);
  g_assert_cmpuint (gloss_comparison_get_skipped (comparison)->len, ==, 0);
}

/* Theirs, a copy of mine that another analyst changed. */
static GlossProject *
make_theirs (GlossProject *mine)
{
  GlossProject *theirs = copy_project (mine);
  GlossDocument *document = first_document (theirs);
  g_autoptr(GlossAnnotation) promise = g_object_ref (gloss_project_lookup_annotation (theirs, "promise"));
  GlossAnnotation *residents = gloss_project_lookup_annotation (theirs, "residents");
  GlossAnnotation *budget = gloss_project_lookup_annotation (theirs, "budget");
  GlossTag *rumour = gloss_tag_new ("rumour", "Rumour", "#c061cb", -1);
  g_autoptr(GlossRelation) doubted = gloss_relation_new ("doubted", "contradicts", "residents", "promise");

  /* Changed: the promise's span, tags, note and verdict. */
  gloss_document_remove_annotation (document, promise);
  gloss_annotation_set_bounds (promise, find ("a new bridge by spring"),
                               find ("a new bridge by spring") + strlen ("a new bridge by spring"));
  gloss_annotation_add_tag (promise, "date-number");
  gloss_annotation_set_note (promise, "Spring of which year? ﴾سؤال﴿");
  gloss_annotation_set_attribute (promise, "verdict", "misleading");
  gloss_document_add_annotation (document, promise);
  /* Only mine: the budget office. */
  gloss_document_remove_annotation (document, budget);
  /* Only theirs: the banners, with a tag mine lacks; a relation. */
  gloss_project_insert_tag (theirs, rumour);
  g_object_unref (rumour);
  annotate (document, "banners", "日本語 appeared on banners", "rumour");
  gloss_project_insert_relation (theirs, doubted);
  /* Unchanged: the residents and the mayor. */
  g_assert_nonnull (residents);
  return theirs;
}

static void
test_differences (void)
{
  g_autoptr(GlossProject) mine = make_mine ();
  g_autoptr(GlossProject) theirs = make_theirs (mine);
  g_autoptr(GlossComparison) comparison = gloss_comparison_new (mine, theirs);
  const GlossDifference *promise = difference_of (comparison, "promise");
  const GlossDifference *budget = difference_of (comparison, "budget");
  const GlossDifference *banners = difference_of (comparison, "banners");
  const GlossDifference *doubted = difference_of (comparison, "doubted");
  g_autofree char *text = NULL;

  g_assert_cmpuint (gloss_comparison_get_differences (comparison)->len, ==, 4);
  g_assert_null (difference_of (comparison, "mayor"));
  g_assert_null (difference_of (comparison, "residents"));
  g_assert_cmpuint (gloss_comparison_count (comparison, GLOSS_DIFFERENCE_ONLY_MINE), ==, 1);
  g_assert_cmpuint (gloss_comparison_count (comparison, GLOSS_DIFFERENCE_ONLY_THEIRS), ==, 2);
  g_assert_cmpuint (gloss_comparison_count (comparison, GLOSS_DIFFERENCE_CHANGED), ==, 1);

  g_assert_cmpint (promise->kind, ==, GLOSS_DIFFERENCE_CHANGED);
  g_assert_cmpuint (promise->fields, ==, GLOSS_DIFFERENCE_BOUNDS | GLOSS_DIFFERENCE_TAGS |
                                         GLOSS_DIFFERENCE_NOTE | GLOSS_DIFFERENCE_ATTRIBUTES);
  g_assert_cmpuint (promise->start, ==, find ("promised"));
  text = described (comparison, promise);
  g_assert_cmpstr (text, ==,
                   "Span: “\u2068promised a new bridge by spring\u2069” → “\u2068a new bridge by spring\u2069”\n"
                   "Tags: \u2068Claim\u2069 → \u2068Claim\u2069, \u2068Date/Number\u2069\n"
                   "Note: none → “\u2068Spring of which year? ﴾سؤال﴿\u2069”\n"
                   "\u2068verdict\u2069: “\u2068unproven\u2069” → “\u2068misleading\u2069”");
  g_clear_pointer (&text, g_free);

  g_assert_cmpint (budget->kind, ==, GLOSS_DIFFERENCE_ONLY_MINE);
  g_assert_true (budget->theirs == NULL && budget->mine == gloss_project_lookup_annotation (mine, "budget"));
  g_assert_cmpint (banners->kind, ==, GLOSS_DIFFERENCE_ONLY_THEIRS);
  g_assert_cmpuint (banners->start, ==, find ("日本語"));
  g_assert_true (banners->document == first_document (mine));
  text = described (comparison, banners);
  g_assert_cmpstr (text, ==, "Tags: \u2068Rumour\u2069");
  g_clear_pointer (&text, g_free);

  g_assert_cmpint (doubted->kind, ==, GLOSS_DIFFERENCE_ONLY_THEIRS);
  g_assert_nonnull (doubted->theirs_relation);
  text = described (comparison, doubted);
  g_assert_cmpstr (text, ==, "Relation: “\u2068Residents of Lie\u0300ge\u2069” \u2068contradicts\u2069 "
                             "“\u2068a new bridge by spring\u2069”");
  g_clear_pointer (&text, g_free);

  /* In the text's order. */
  g_assert_true (g_ptr_array_index (gloss_comparison_get_differences (comparison), 0) == promise);
}

/* Accepting each kind, each one undoable step; theirs is never changed,
 * and comparing again finds the difference gone. */
static void
test_accept (void)
{
  g_autoptr(GlossProject) mine = make_mine ();
  g_autoptr(GlossProject) theirs = make_theirs (mine);
  g_autoptr(GBytes) theirs_before = gloss_project_serialize (theirs);
  g_autoptr(GBytes) mine_before = serialize_content (mine);
  g_autoptr(GBytes) theirs_after = NULL;
  g_autoptr(GBytes) mine_after = NULL;
  const char *order[] = { "promise", "budget", "doubted", "banners" };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(GlossComparison) comparison = gloss_comparison_new (mine, theirs);
      g_autoptr(GlossComparison) again = NULL;
      const GlossDifference *difference = difference_of (comparison, order[i]);
      guint before = gloss_comparison_get_differences (comparison)->len;

      g_assert_nonnull (difference);
      gloss_comparison_accept (comparison, difference);
      again = gloss_comparison_new (mine, theirs);
      g_assert_null (difference_of (again, order[i]));
      g_assert_cmpuint (gloss_comparison_get_differences (again)->len, ==, before - 1);
    }

  {
    GlossAnnotation *promise = gloss_project_lookup_annotation (mine, "promise");
    GlossAnnotation *banners = gloss_project_lookup_annotation (mine, "banners");
    GlossTag *rumour = gloss_project_lookup_tag_by_name (mine, "Rumour");

    g_assert_cmpstr (gloss_annotation_get_quote (promise), ==, "a new bridge by spring");
    g_assert_true (gloss_annotation_has_tag (promise, "date-number"));
    g_assert_cmpstr (gloss_annotation_get_attribute (promise, "verdict"), ==, "misleading");
    g_assert_null (gloss_project_lookup_annotation (mine, "budget"));
    /* The relation's ends: the residents and the promise; the tag made. */
    g_assert_nonnull (rumour);
    g_assert_nonnull (banners);
    g_assert_true (gloss_annotation_has_tag (banners, gloss_tag_get_id (rumour)));
    g_assert_cmpstr (gloss_annotation_get_quote (banners), ==, "日本語 appeared on banners");
    g_assert_cmpstr (gloss_annotation_get_prefix (banners), !=, "");
    g_assert_true (gloss_project_has_relation_type (mine, "contradicts"));
  }

  theirs_after = gloss_project_serialize (theirs);
  g_assert_true (g_bytes_equal (theirs_before, theirs_after));

  /* Four steps back is where mine began (the tag made with the banners
   * goes with them). */
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_true (gloss_project_undo (mine));
  mine_after = serialize_content (mine);
  g_assert_true (g_bytes_equal (mine_before, mine_after));
  g_assert_false (gloss_project_get_dirty (mine));
}

static gboolean
skip_relations (const GlossDifference *difference,
                gpointer               data)
{
  guint *skipped = data;

  if (difference->theirs_relation == NULL)
    return FALSE;
  (*skipped)++;
  return TRUE;
}

static void
test_accept_all (void)
{
  g_autoptr(GlossProject) mine = make_mine ();
  g_autoptr(GlossProject) theirs = make_theirs (mine);
  g_autoptr(GlossComparison) comparison = gloss_comparison_new (mine, theirs);
  g_autoptr(GlossComparison) again = NULL;
  g_autoptr(GBytes) mine_before = serialize_content (mine);
  g_autoptr(GBytes) mine_undone = NULL;
  guint skipped = 0;

  g_assert_cmpuint (gloss_comparison_accept_all (comparison, GLOSS_DIFFERENCE_ONLY_THEIRS,
                                                 skip_relations, &skipped), ==, 1);
  g_assert_cmpuint (skipped, ==, 1);
  again = gloss_comparison_new (mine, theirs);
  g_assert_cmpuint (gloss_comparison_count (again, GLOSS_DIFFERENCE_ONLY_THEIRS), ==, 1);
  g_assert_nonnull (difference_of (again, "doubted"));
  g_assert_cmpuint (gloss_comparison_accept_all (again, GLOSS_DIFFERENCE_ONLY_THEIRS, NULL, NULL), ==, 1);
  g_clear_pointer (&again, gloss_comparison_free);
  again = gloss_comparison_new (mine, theirs);
  g_assert_cmpuint (gloss_comparison_count (again, GLOSS_DIFFERENCE_ONLY_THEIRS), ==, 0);
  g_assert_cmpuint (gloss_comparison_count (again, GLOSS_DIFFERENCE_CHANGED), ==, 1);

  /* All of a kind is one step. */
  g_assert_true (gloss_project_undo (mine));
  g_assert_true (gloss_project_undo (mine));
  g_assert_false (gloss_project_can_undo (mine));
  mine_undone = serialize_content (mine);
  g_assert_true (g_bytes_equal (mine_before, mine_undone));

  /* Accepting a relation whose ends only theirs has adds the ends too. */
  {
    g_autoptr(GlossProject) bare = make_mine ();
    g_autoptr(GlossComparison) fresh = NULL;

    gloss_project_remove_annotation (bare, gloss_project_lookup_annotation (bare, "residents"));
    fresh = gloss_comparison_new (bare, theirs);
    gloss_comparison_accept (fresh, difference_of (fresh, "doubted"));
    g_assert_nonnull (gloss_project_lookup_annotation (bare, "residents"));
    g_clear_pointer (&fresh, gloss_comparison_free);
    fresh = gloss_comparison_new (bare, theirs);
    g_assert_null (difference_of (fresh, "doubted"));
    g_assert_null (difference_of (fresh, "residents"));
  }
}

/* Two analysts who annotated the same article apart: no shared ids, the
 * document under another id; annotations match by span and overlap. */
static void
test_independent (void)
{
  g_autoptr(GlossProject) mine = make_mine ();
  g_autoptr(GlossProject) theirs = gloss_project_new ();
  g_autoptr(GlossDocument) document = gloss_document_new ("their-copy", "Bridge (Ben)", ARTICLE);
  g_autoptr(GlossDocument) other = gloss_document_new ("other", "Other", "Nothing in common.");
  g_autoptr(GlossComparison) comparison = NULL;
  GPtrArray *differences;
  guint changed_bounds = 0, changed_tags = 0, only_mine = 0, only_theirs = 0;

  gloss_project_insert_document (theirs, document);
  gloss_project_insert_document (theirs, other);
  /* The mayor, the same: no difference. The promise, wider: bounds. The
   * residents as a person: tags. The office inside the promise's words
   * with no shared tag: only theirs (and mine's office only mine). */
  annotate (document, "x1", "mayor", "source");
  annotate (document, "x2", "mayor promised a new bridge by spring", "claim");
  annotate (document, "x3", "Residents of Lie\u0300ge", "person");
  annotate (document, "x4", "The budget office", "person");

  comparison = gloss_comparison_new (mine, theirs);
  g_assert_cmpuint (gloss_comparison_get_n_documents (comparison), ==, 1);
  g_assert_cmpuint (gloss_comparison_get_skipped (comparison)->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (gloss_comparison_get_skipped (comparison), 0), ==,
                   "“Other”: only in the other version");
  g_assert_true (gloss_comparison_lookup_theirs (comparison, first_document (mine)) == document);

  differences = gloss_comparison_get_differences (comparison);
  for (guint i = 0; i < differences->len; i++)
    {
      const GlossDifference *d = g_ptr_array_index (differences, i);

      if (d->mine_relation != NULL)
        continue;  /* the attribution, whose ends theirs lacks a relation for */
      if (d->kind == GLOSS_DIFFERENCE_CHANGED && d->fields == GLOSS_DIFFERENCE_BOUNDS + GLOSS_DIFFERENCE_ATTRIBUTES)
        {
          changed_bounds++;
          g_assert_cmpstr (gloss_annotation_get_id (d->theirs), ==, "x2");
        }
      else if (d->kind == GLOSS_DIFFERENCE_CHANGED && d->fields == GLOSS_DIFFERENCE_TAGS)
        {
          changed_tags++;
          g_assert_cmpstr (gloss_annotation_get_id (d->theirs), ==, "x3");
        }
      else if (d->kind == GLOSS_DIFFERENCE_ONLY_MINE)
        {
          only_mine++;
          g_assert_cmpstr (gloss_annotation_get_id (d->mine), ==, "budget");
        }
      else if (d->kind == GLOSS_DIFFERENCE_ONLY_THEIRS)
        {
          only_theirs++;
          g_assert_cmpstr (gloss_annotation_get_id (d->theirs), ==, "x4");
        }
      else
        g_assert_not_reached ();
    }
  g_assert_cmpuint (changed_bounds, ==, 1);
  g_assert_cmpuint (changed_tags, ==, 1);
  g_assert_cmpuint (only_mine, ==, 1);
  g_assert_cmpuint (only_theirs, ==, 1);
  /* Mine's relation: theirs has the ends but no relation between them. */
  g_assert_cmpint (difference_of (comparison, "said")->kind, ==, GLOSS_DIFFERENCE_ONLY_MINE);
}

/* A document with the same id but a corrected text is not compared: its
 * offsets mean other words. */
static void
test_other_text (void)
{
  g_autoptr(GlossProject) mine = make_mine ();
  g_autoptr(GlossProject) theirs = gloss_project_new ();
  g_autoptr(GlossDocument) document = gloss_document_new ("bridge", "Bridge", "🧑🏿‍🚒 The mayor promised.\r\n");
  g_autoptr(GlossComparison) comparison = NULL;
  GPtrArray *skipped;

  gloss_project_insert_document (theirs, document);
  annotate (first_document (theirs), "m", "mayor", "source");
  comparison = gloss_comparison_new (mine, theirs);
  skipped = gloss_comparison_get_skipped (comparison);
  g_assert_cmpuint (gloss_comparison_get_n_documents (comparison), ==, 0);
  g_assert_cmpuint (gloss_comparison_get_differences (comparison)->len, ==, 0);
  g_assert_cmpuint (skipped->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (skipped, 0), ==, "“Bridge”: its text differs in the other version");
  g_assert_cmpstr (g_ptr_array_index (skipped, 1), ==, "“Bridge”: only in the other version");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare/identical", test_identical);
  g_test_add_func ("/compare/differences", test_differences);
  g_test_add_func ("/compare/accept", test_accept);
  g_test_add_func ("/compare/accept-all", test_accept_all);
  g_test_add_func ("/compare/independent", test_independent);
  g_test_add_func ("/compare/other-text", test_other_text);

  return g_test_run ();
}
