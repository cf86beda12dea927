/* test-annotation-tree.c — the interval treap against a brute-force model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss.h"
#include "gloss-annotation-tree.h"

static int
compare_annotations (gconstpointer a,
                     gconstpointer b)
{
  return gloss_annotation_compare (*(GlossAnnotation **) a, *(GlossAnnotation **) b);
}

static gboolean
collect_cb (GlossAnnotation *annotation,
            gpointer         user_data)
{
  g_ptr_array_add (user_data, annotation);
  return TRUE;
}

/* Checks order, nth, rank and every kind of query against a sorted array. */
static void
check_against_model (GlossAnnotationTree *tree,
                     GPtrArray           *model,
                     GRand               *rand)
{
  g_ptr_array_sort (model, compare_annotations);
  g_assert_cmpuint (gloss_annotation_tree_get_size (tree), ==, model->len);

  for (guint i = 0; i < model->len; i++)
    {
      g_assert_true (gloss_annotation_tree_get_nth (tree, i) == g_ptr_array_index (model, i));
      g_assert_cmpuint (gloss_annotation_tree_get_rank (tree, g_ptr_array_index (model, i)), ==, i);
    }
  g_assert_null (gloss_annotation_tree_get_nth (tree, model->len));

  for (guint q = 0; q < 200; q++)
    {
      GlossOffset start = g_rand_int_range (rand, 0, 1100);
      GlossOffset end = start + g_rand_int_range (rand, 1, 60);
      g_autoptr(GPtrArray) found = g_ptr_array_new ();
      g_autoptr(GPtrArray) expected = g_ptr_array_new ();

      gloss_annotation_tree_foreach_overlapping (tree, start, end, collect_cb, found);
      for (guint i = 0; i < model->len; i++)
        {
          GlossAnnotation *a = g_ptr_array_index (model, i);

          if (gloss_annotation_get_start (a) < end && gloss_annotation_get_end (a) > start)
            g_ptr_array_add (expected, a);
        }

      g_assert_cmpuint (found->len, ==, expected->len);
      for (guint i = 0; i < found->len; i++)
        g_assert_true (g_ptr_array_index (found, i) == g_ptr_array_index (expected, i));

      {
        guint lower = gloss_annotation_tree_lower_bound (tree, start);
        guint expected_lower = 0;

        while (expected_lower < model->len &&
               gloss_annotation_get_start (g_ptr_array_index (model, expected_lower)) < start)
          expected_lower++;
        g_assert_cmpuint (lower, ==, expected_lower);
      }
    }
}

static void
test_random_operations (void)
{
  g_autoptr(GlossAnnotationTree) tree = gloss_annotation_tree_new ();
  g_autoptr(GPtrArray) model = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261127);

  for (guint round = 0; round < 30; round++)
    {
      for (guint i = 0; i < 60; i++)
        {
          GlossOffset start = g_rand_int_range (rand, 0, 1000);
          GlossOffset end = start + g_rand_int_range (rand, 1, 120);
          GlossAnnotation *a = gloss_annotation_new (NULL, start, end);

          gloss_annotation_tree_insert (tree, a);
          g_ptr_array_add (model, a);
        }

      for (guint i = 0; i < 25 && model->len > 0; i++)
        {
          guint victim = g_rand_int_range (rand, 0, model->len);
          GlossAnnotation *a = g_ptr_array_index (model, victim);
          guint rank = gloss_annotation_tree_get_rank (tree, a);

          g_assert_cmpuint (gloss_annotation_tree_remove (tree, a), ==, rank);
          g_ptr_array_remove_index_fast (model, victim);
        }

      check_against_model (tree, model, rand);
    }
}

static void
test_identical_spans (void)
{
  g_autoptr(GlossAnnotationTree) tree = gloss_annotation_tree_new ();
  g_autoptr(GlossAnnotation) a = gloss_annotation_new ("b", 5, 10);
  g_autoptr(GlossAnnotation) b = gloss_annotation_new ("a", 5, 10);
  g_autoptr(GlossAnnotation) c = gloss_annotation_new ("c", 5, 9);
  g_autoptr(GlossAnnotation) stranger = gloss_annotation_new ("d", 5, 10);

  gloss_annotation_tree_insert (tree, a);
  gloss_annotation_tree_insert (tree, b);
  gloss_annotation_tree_insert (tree, c);

  /* (start, end, id) order: the shorter span first, then ids. */
  g_assert_true (gloss_annotation_tree_get_nth (tree, 0) == c);
  g_assert_true (gloss_annotation_tree_get_nth (tree, 1) == b);
  g_assert_true (gloss_annotation_tree_get_nth (tree, 2) == a);

  g_assert_cmpuint (gloss_annotation_tree_get_rank (tree, stranger), ==, G_MAXUINT);
  g_assert_cmpuint (gloss_annotation_tree_remove (tree, stranger), ==, G_MAXUINT);
  g_assert_cmpuint (gloss_annotation_tree_remove (tree, b), ==, 1);
  g_assert_cmpuint (gloss_annotation_tree_get_size (tree), ==, 2);
}

typedef struct {
  guint count;
  guint limit;
} StopData;

static gboolean
stop_after_cb (GlossAnnotation *annotation,
               gpointer         user_data)
{
  StopData *data = user_data;

  return ++data->count < data->limit;
}

static void
test_query_stops (void)
{
  g_autoptr(GlossAnnotationTree) tree = gloss_annotation_tree_new ();
  StopData data = { 0, 3 };

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(GlossAnnotation) a = gloss_annotation_new (NULL, i, i + 100);
      gloss_annotation_tree_insert (tree, a);
    }

  gloss_annotation_tree_foreach_overlapping (tree, 50, 60, stop_after_cb, &data);
  g_assert_cmpuint (data.count, ==, 3);
}

/* 100,000 annotations: every insert and removal stays logarithmic, so this
 * finishes in a blink; a linear structure would take minutes. */
static void
test_large (void)
{
  g_autoptr(GlossAnnotationTree) tree = gloss_annotation_tree_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 100000; i++)
    {
      GlossOffset start = g_rand_int_range (rand, 0, 5000000);
      GlossAnnotation *a = gloss_annotation_new (NULL, start, start + g_rand_int_range (rand, 1, 400));

      gloss_annotation_tree_insert (tree, a);
      g_ptr_array_add (all, a);
    }
  g_assert_cmpuint (gloss_annotation_tree_get_size (tree), ==, 100000);

  for (guint i = 0; i < 50000; i++)
    g_assert_cmpuint (gloss_annotation_tree_remove (tree, g_ptr_array_index (all, i)), !=, G_MAXUINT);
  g_assert_cmpuint (gloss_annotation_tree_get_size (tree), ==, 50000);

  gloss_annotation_tree_foreach_overlapping (tree, 0, G_MAXUINT, collect_cb, found);
  g_assert_cmpuint (found->len, ==, 50000);
  for (guint i = 1; i < found->len; i++)
    g_assert_cmpint (gloss_annotation_compare (g_ptr_array_index (found, i - 1),
                                               g_ptr_array_index (found, i)), <, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/annotation-tree/random", test_random_operations);
  g_test_add_func ("/gloss/annotation-tree/identical-spans", test_identical_spans);
  g_test_add_func ("/gloss/annotation-tree/query-stops", test_query_stops);
  g_test_add_func ("/gloss/annotation-tree/large", test_large);

  return g_test_run ();
}
