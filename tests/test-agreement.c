/* test-agreement.c — agreement measures against published and hand-worked values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss.h"

/* ---- Building annotators' projects ---- */

typedef struct {
  const char *document;
  const char *tag;       /* a tag id, or "c+k" for two */
  GlossOffset start;
  GlossOffset end;
} Mark;

static GlossProject *
make_project (const char *const *texts,   /* "id=text", NULL-terminated */
              const Mark         *marks,
              guint               n_marks,
              const char         *author)
{
  GlossProject *project = gloss_project_new_empty ();
  const char *tag_ids[] = { "c", "k", "claim", "source" };

  for (guint i = 0; i < G_N_ELEMENTS (tag_ids); i++)
    {
      g_autoptr(GlossTag) tag = gloss_tag_new (tag_ids[i], tag_ids[i], "#336699", -1);

      gloss_project_insert_tag (project, tag);
    }
  gloss_project_insert_relation_type (project, "supports");

  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (texts[i], "=", 2);
      g_autoptr(GlossDocument) document = gloss_document_new (parts[0], parts[0], parts[1]);

      gloss_project_insert_document (project, document);
    }

  for (guint i = 0; i < n_marks; i++)
    {
      GlossDocument *document = gloss_project_lookup_document (project, marks[i].document);
      g_autoptr(GlossAnnotation) annotation = gloss_annotation_new (NULL, marks[i].start, marks[i].end);
      g_auto(GStrv) tags = g_strsplit (marks[i].tag, "+", -1);

      g_assert_nonnull (document);
      gloss_annotation_set_tags (annotation, (const char * const *) tags);
      gloss_annotation_set_author (annotation, author);
      gloss_document_add_annotation (document, annotation);
    }

  return project;
}

static GlossAgreement *
between_two (GlossProject *a,
             GlossProject *b)
{
  GlossProject *projects[] = { a, b };
  const char *names[] = { "a.gloss", "b.gloss" };
  g_autoptr(GError) error = NULL;
  GlossAgreement *agreement = gloss_agreement_between (projects, names, 2, &error);

  g_assert_no_error (error);
  return agreement;
}

static GlossTagAgreement *
tag_of (GlossAgreement *agreement,
        const char     *tag_id)
{
  for (guint i = 0; i < agreement->tags->len; i++)
    {
      GlossTagAgreement *tag = g_ptr_array_index (agreement->tags, i);

      if (g_str_equal (tag->tag_id, tag_id))
        return tag;
    }
  g_assert_not_reached ();
}

#define assert_value(measure, expected, tolerance) G_STMT_START { \
  g_assert_null ((measure).undefined);                                \
  g_assert_cmpfloat_with_epsilon ((measure).value, (expected), (tolerance)); \
} G_STMT_END

/* A 300-character continuum, as in Krippendorff (2004). */
static char *
continuum (void)
{
  GString *text = g_string_new ("doc=");

  for (guint i = 0; i < 30; i++)
    g_string_append (text, "Lorem ip\u00e9m");   /* ten code points, eleven bytes */
  return g_string_free (text, FALSE);
}

/* ---- Krippendorff's published example ---- */

static GArray *
units (const GlossUnit *list,
       guint            n)
{
  GArray *array = g_array_new (FALSE, FALSE, sizeof (GlossUnit));

  g_array_append_vals (array, list, n);
  gloss_unitizing_merge_overlaps (array);
  return array;
}

static void
test_published_terms (void)
{
  const GlossUnit c1[] = { { 75, 70 }, { 220, 30 } };
  const GlossUnit c2[] = { { 70, 80 }, { 205, 20 }, { 250, 20 } };
  const GlossUnit k[] = { { 30, 60 }, { 150, 50 } };
  g_autoptr(GArray) c_one = units (c1, 2);
  g_autoptr(GArray) c_two = units (c2, 3);
  g_autoptr(GArray) k_one = units (k, 2);
  g_autoptr(GArray) k_two = units (k, 2);
  GArray *c_coders[] = { c_one, c_two };
  GArray *k_coders[] = { k_one, k_two };
  double observed, expected, k_observed, k_expected;
  const char *undefined = NULL;

  g_assert_true (gloss_unitizing_alpha_terms (c_coders, 2, 300, &observed, &expected, &undefined));
  g_assert_cmpfloat_with_epsilon (observed, 0.0144, 0.00005);
  g_assert_cmpfloat_with_epsilon (expected, 0.0532, 0.00005);
  g_assert_cmpfloat_with_epsilon (1 - observed / expected, 0.7286, 0.00005);

  g_assert_true (gloss_unitizing_alpha_terms (k_coders, 2, 300, &k_observed, &k_expected, &undefined));
  g_assert_cmpfloat (k_observed, ==, 0);
  g_assert_cmpfloat (k_expected, >, 0);

  /* Overall: D_o and D_e averaged over the categories, then divided. */
  g_assert_cmpfloat_with_epsilon (1 - (observed + k_observed) / (expected + k_expected), 0.859, 0.0005);
}

static void
test_published_projects (void)
{
  g_autofree char *text = continuum ();
  const char *texts[] = { text, NULL };
  const Mark one[] = { { "doc", "c", 75, 145 }, { "doc", "c", 220, 250 },
                       { "doc", "k", 30, 90 }, { "doc", "k", 150, 200 } };
  const Mark two[] = { { "doc", "c", 70, 150 }, { "doc", "c", 205, 225 }, { "doc", "c", 250, 270 },
                       { "doc", "k", 30, 90 }, { "doc", "k", 150, 200 } };
  g_autoptr(GlossProject) a = make_project (texts, one, G_N_ELEMENTS (one), "Ana");
  g_autoptr(GlossProject) b = make_project (texts, two, G_N_ELEMENTS (two), "Ben");
  g_autoptr(GlossAgreement) agreement = between_two (a, b);

  g_assert_cmpuint (agreement->n_documents, ==, 1);
  assert_value (tag_of (agreement, "c")->alpha_u, 0.7286, 0.00005);
  assert_value (tag_of (agreement, "k")->alpha_u, 1.0, 1e-12);
  assert_value (agreement->alpha_u, 0.859, 0.0005);
  g_assert_cmpuint (tag_of (agreement, "c")->counts[0], ==, 2);
  g_assert_cmpuint (tag_of (agreement, "c")->counts[1], ==, 3);
  /* c: no span exactly the same; (75,145)~(70,150) and (220,250)~(205,225)
   * overlap one to one: 2 × 2 / 5. */
  assert_value (tag_of (agreement, "c")->f1_exact, 0.0, 1e-12);
  assert_value (tag_of (agreement, "c")->f1_overlap, 0.8, 1e-12);
  assert_value (tag_of (agreement, "k")->f1_exact, 1.0, 1e-12);
  /* Undefined where there is nothing to measure, never 1.0. */
  g_assert_nonnull (tag_of (agreement, "claim")->alpha_u.undefined);
  g_assert_nonnull (tag_of (agreement, "claim")->f1_exact.undefined);
}

/* ---- Worked by hand ---- */

/* L = 10; one unit each: [2, 5) and [3, 6).
 * D_o: the units overlap, δ² = (2−3)² + (5−6)² = 2, twice (both orders),
 *      over m(m−1)L² = 200: 0.02.
 * D_e: N = 2; gaps 2, 5 and 3, 4; for each unit (l = 3):
 *      (N−1)/3 · (2·27 − 3·9 + 3) = 10, plus 9 · [(5−3+1) + (3−3+1) + (4−3+1)]
 *      = 54, so 64, twice: 128; over mL(mL−1) − Σ l(l−1) = 380 − 12 = 368,
 *      times 2/L: 0.2 · 128/368 = 0.0695652…
 * α_U = 1 − 0.02 / 0.0695652 = 0.7125. */
static void
test_hand_alpha (void)
{
  const char *texts[] = { "doc=0123456789", NULL };
  const Mark one[] = { { "doc", "claim", 2, 5 } };
  /* Two overlapping spans of one tag merge into one unit [3, 6). */
  const Mark two[] = { { "doc", "claim", 3, 5 }, { "doc", "claim", 4, 6 } };
  g_autoptr(GlossProject) a = make_project (texts, one, G_N_ELEMENTS (one), "");
  g_autoptr(GlossProject) b = make_project (texts, two, G_N_ELEMENTS (two), "");
  g_autoptr(GlossAgreement) agreement = between_two (a, b);
  GlossTagAgreement *claim = tag_of (agreement, "claim");

  g_assert_cmpfloat_with_epsilon (claim->observed, 0.02, 1e-12);
  g_assert_cmpfloat_with_epsilon (claim->expected, 0.2 * 128 / 368, 1e-12);
  assert_value (claim->alpha_u, 0.7125, 1e-9);
  assert_value (agreement->alpha_u, 0.7125, 1e-9);
}

/* Spans across two documents laid end to end; one document only one side
 * has is skipped. A: [0,10) [20,30) in d1; B: [0,10) [22,35) in d1 and
 * [1,4) in d2 (matched by its text's digest under another id).
 * Exact: 1 pair, F1 = 2/5; overlap: 2 pairs, F1 = 4/5. */
static void
test_hand_f1 (void)
{
  const char *texts_a[] = { "d1=The first article is about forty characters long.",
                            "d2=A second one.", "only-a=Not in B.", NULL };
  const char *texts_b[] = { "d1=The first article is about forty characters long.",
                            "other-id=A second one.", NULL };
  const Mark one[] = { { "d1", "claim", 0, 10 }, { "d1", "claim", 20, 30 } };
  const Mark two[] = { { "d1", "claim", 0, 10 }, { "d1", "claim", 22, 35 }, { "other-id", "claim", 1, 4 } };
  g_autoptr(GlossProject) a = make_project (texts_a, one, G_N_ELEMENTS (one), "");
  g_autoptr(GlossProject) b = make_project (texts_b, two, G_N_ELEMENTS (two), "");
  g_autoptr(GlossAgreement) agreement = between_two (a, b);

  g_assert_cmpuint (agreement->n_documents, ==, 2);
  g_assert_cmpuint (agreement->skipped->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (agreement->skipped, 0), "only-a"));
  assert_value (tag_of (agreement, "claim")->f1_exact, 0.4, 1e-12);
  assert_value (tag_of (agreement, "claim")->f1_overlap, 0.8, 1e-12);
}

/* One to one, the largest overlap first: [0,10) pairs with [2,10) (8 in
 * common), not with [0,3) (3): one match of three spans, F1 = 2/3. */
static void
test_largest_overlap_first (void)
{
  const char *texts[] = { "doc=0123456789abcdef", NULL };
  const Mark one[] = { { "doc", "claim", 0, 10 } };
  const Mark two[] = { { "doc", "claim", 0, 3 }, { "doc", "claim", 2, 10 } };
  g_autoptr(GlossProject) a = make_project (texts, one, G_N_ELEMENTS (one), "");
  g_autoptr(GlossProject) b = make_project (texts, two, G_N_ELEMENTS (two), "");
  g_autoptr(GlossAgreement) agreement = between_two (a, b);

  assert_value (tag_of (agreement, "claim")->f1_overlap, 2.0 / 3, 1e-12);
}

/* Four matched spans, tags A: c c k k, B: c k k k.
 * p_o = 3/4; p_e = (2/4)(1/4) + (2/4)(3/4) = 1/2; κ = (3/4 − 1/2)/(1/2) = 0.5. */
static void
test_hand_kappa (void)
{
  const char *texts[] = { "doc=aaaa bbbb cccc dddd eeee", NULL };
  const Mark one[] = { { "doc", "c", 0, 4 }, { "doc", "c", 5, 9 }, { "doc", "k", 10, 14 }, { "doc", "k", 15, 19 } };
  const Mark two[] = { { "doc", "c", 0, 4 }, { "doc", "k", 5, 9 }, { "doc", "k", 10, 13 }, { "doc", "k", 16, 19 } };
  g_autoptr(GlossProject) a = make_project (texts, one, G_N_ELEMENTS (one), "");
  g_autoptr(GlossProject) b = make_project (texts, two, G_N_ELEMENTS (two), "");
  g_autoptr(GlossAgreement) agreement = between_two (a, b);

  assert_value (agreement->kappa, 0.5, 1e-12);
  assert_value (agreement->percent, 0.75, 1e-12);
  /* Every span both matched carries "claim" on neither side: chance
   * agreement is 1 and kappa undefined, not 1.0. */
  g_assert_nonnull (tag_of (agreement, "claim")->kappa.undefined);
}

/* ---- Properties ---- */

static const Mark mixed_one[] = {
  { "d1", "claim", 0, 12 }, { "d1", "source", 14, 20 }, { "d1", "claim+source", 25, 40 },
  { "d2", "claim", 3, 9 }, { "d2", "k", 10, 30 },
};
static const Mark mixed_two[] = {
  { "d1", "claim", 2, 12 }, { "d1", "claim", 14, 20 }, { "d1", "source", 30, 44 },
  { "d2", "claim", 3, 9 }, { "d2", "c", 20, 29 }, { "d2", "k", 0, 2 },
};
static const char *mixed_texts[] = {
  "d1=👩🏽‍💻 Officials said the talks, in Gene\u0301va, had stalled; שלום.\r\n",
  "d2=中文报道说谈判已经停滞，官员们否认了这一点。双方都没有评论。",
  NULL,
};

static void
assert_same_measure (const GlossMeasure *x,
                     const GlossMeasure *y)
{
  g_assert_cmpstr (x->undefined, ==, y->undefined);
  g_assert_cmpfloat_with_epsilon (x->value, y->value, 1e-12);
}

static void
test_identical (void)
{
  g_autoptr(GlossProject) a = make_project (mixed_texts, mixed_one, G_N_ELEMENTS (mixed_one), "");
  g_autoptr(GlossProject) b = make_project (mixed_texts, mixed_one, G_N_ELEMENTS (mixed_one), "");
  g_autoptr(GlossAgreement) agreement = between_two (a, b);

  assert_value (agreement->alpha_u, 1.0, 1e-12);
  assert_value (agreement->f1_exact, 1.0, 1e-12);
  assert_value (agreement->f1_overlap, 1.0, 1e-12);
  assert_value (agreement->kappa, 1.0, 1e-12);
  assert_value (agreement->percent, 1.0, 1e-12);
  for (guint t = 0; t < agreement->tags->len; t++)
    {
      GlossTagAgreement *tag = g_ptr_array_index (agreement->tags, t);

      if (tag->counts[0] > 0)
        assert_value (tag->alpha_u, 1.0, 1e-12);
      else
        g_assert_nonnull (tag->alpha_u.undefined);
    }
}

static void
test_swapping_annotators (void)
{
  g_autoptr(GlossProject) a = make_project (mixed_texts, mixed_one, G_N_ELEMENTS (mixed_one), "");
  g_autoptr(GlossProject) b = make_project (mixed_texts, mixed_two, G_N_ELEMENTS (mixed_two), "");
  g_autoptr(GlossAgreement) ab = between_two (a, b);
  g_autoptr(GlossAgreement) ba = between_two (b, a);

  /* Not a trivial case: they disagree. */
  g_assert_null (ab->alpha_u.undefined);
  g_assert_cmpfloat (ab->alpha_u.value, <, 0.9);

  assert_same_measure (&ab->alpha_u, &ba->alpha_u);
  assert_same_measure (&ab->kappa, &ba->kappa);
  assert_same_measure (&ab->percent, &ba->percent);
  assert_same_measure (&ab->f1_exact, &ba->f1_exact);
  assert_same_measure (&ab->f1_overlap, &ba->f1_overlap);
  for (guint t = 0; t < ab->tags->len; t++)
    {
      GlossTagAgreement *x = g_ptr_array_index (ab->tags, t);
      GlossTagAgreement *y = g_ptr_array_index (ba->tags, t);

      g_assert_cmpuint (x->counts[0], ==, y->counts[1]);
      g_assert_cmpuint (x->counts[1], ==, y->counts[0]);
      assert_same_measure (&x->alpha_u, &y->alpha_u);
      assert_same_measure (&x->f1_exact, &y->f1_exact);
      assert_same_measure (&x->f1_overlap, &y->f1_overlap);
      assert_same_measure (&x->kappa, &y->kappa);
    }
}

/* By author: the same two annotators in one project give the same values. */
static void
test_by_author (void)
{
  g_autoptr(GlossProject) a = make_project (mixed_texts, mixed_one, G_N_ELEMENTS (mixed_one), "Ana");
  g_autoptr(GlossProject) b = make_project (mixed_texts, mixed_two, G_N_ELEMENTS (mixed_two), "Ben");
  g_autoptr(GlossProject) both = make_project (mixed_texts, mixed_one, G_N_ELEMENTS (mixed_one), "Ana");
  g_autoptr(GlossAgreement) files = between_two (a, b);
  g_autoptr(GlossAgreement) authors = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) alone = make_project (mixed_texts, mixed_one, G_N_ELEMENTS (mixed_one), "Ana");
  g_autoptr(GlossAgreement) none = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (mixed_two); i++)
    {
      g_autoptr(GlossAnnotation) annotation = gloss_annotation_new (NULL, mixed_two[i].start, mixed_two[i].end);
      g_auto(GStrv) tags = g_strsplit (mixed_two[i].tag, "+", -1);

      gloss_annotation_set_tags (annotation, (const char * const *) tags);
      gloss_annotation_set_author (annotation, "Ben");
      gloss_document_add_annotation (gloss_project_lookup_document (both, mixed_two[i].document), annotation);
    }

  authors = gloss_agreement_by_author (both, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_ptr_array_index (authors->annotators, 0), ==, "Ana");
  g_assert_cmpstr (g_ptr_array_index (authors->annotators, 1), ==, "Ben");
  assert_same_measure (&files->alpha_u, &authors->alpha_u);
  assert_same_measure (&files->kappa, &authors->kappa);
  assert_same_measure (&files->f1_overlap, &authors->f1_overlap);

  none = gloss_agreement_by_author (alone, &error);
  g_assert_null (none);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
}

static void
test_csv (void)
{
  g_autofree char *text = continuum ();
  const char *texts[] = { text, NULL };
  const Mark one[] = { { "doc", "c", 75, 145 }, { "doc", "c", 220, 250 } };
  const Mark two[] = { { "doc", "c", 70, 150 }, { "doc", "c", 205, 225 }, { "doc", "c", 250, 270 } };
  g_autoptr(GlossProject) a = make_project (texts, one, G_N_ELEMENTS (one), "");
  g_autoptr(GlossProject) b = make_project (texts, two, G_N_ELEMENTS (two), "");
  g_autoptr(GlossAgreement) agreement = between_two (a, b);
  g_autoptr(GBytes) csv = gloss_agreement_to_csv (agreement);
  g_autofree char *data = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_auto(GStrv) lines = g_strsplit (data, "\r\n", -1);

  g_assert_cmpstr (lines[0], ==, "tag,count a.gloss,count b.gloss,f1_exact,f1_overlap,alpha_u,kappa,percent_agreement");
  /* c: no exact match, two by overlap of five spans, α_U 0.7286; every
   * matched span carries c on both sides, so kappa is undefined: empty. */
  g_assert_cmpstr (lines[1], ==, "c,2,3,0.0000,0.8000,0.7286,,1.0000");
  /* k: nobody used it. */
  g_assert_cmpstr (lines[2], ==, "k,0,0,,,,,1.0000");
  g_assert_true (g_str_has_prefix (lines[5], "All tags,2,3,0.0000,0.8000,0.7286,"));
  g_assert_cmpstr (lines[6], ==, "");
  g_assert_null (lines[7]);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agreement/published/terms", test_published_terms);
  g_test_add_func ("/agreement/published/projects", test_published_projects);
  g_test_add_func ("/agreement/hand/alpha", test_hand_alpha);
  g_test_add_func ("/agreement/hand/f1", test_hand_f1);
  g_test_add_func ("/agreement/hand/largest-overlap-first", test_largest_overlap_first);
  g_test_add_func ("/agreement/hand/kappa", test_hand_kappa);
  g_test_add_func ("/agreement/property/identical", test_identical);
  g_test_add_func ("/agreement/property/swapping-annotators", test_swapping_annotators);
  g_test_add_func ("/agreement/by-author", test_by_author);
  g_test_add_func ("/agreement/csv", test_csv);

  return g_test_run ();
}
