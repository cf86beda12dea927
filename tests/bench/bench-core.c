/* bench-core.c — times the core on one project file
 *
 *   bench-core PROJECT.gloss RUNS [WORD]   prints "metric value" lines (medians, ms);
 *                                          with WORD, also a project search for it
 *   bench-core --rss PROJECT.gloss     loads once, prints peak RSS in MB
 *
 * The team figures work on two analysts' versions of the project made in
 * memory: each changes the note, tags or bounds of a different 2% of the
 * annotations, deletes 0.5% and both change the same 0.1% differently.
 * core_merge_ms merges base, ours and theirs and writes the result's
 * bytes; core_agreement_ms measures the agreement of ours and theirs;
 * core_compare_ms compares ours with theirs ("Compare With…") and spells
 * out the differences the window lists first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

static double
elapsed_ms (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

static GlossProject *
load_or_die (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GlossProject *project = gloss_project_load (file, &error);

  if (project == NULL)
    g_error ("bench-core: %s", error->message);
  return project;
}

/* One analyst's version: @phase picks which annotations it touches. */
static GlossProject *
analyst_version (GFile *file,
                 guint  phase)
{
  GlossProject *project = load_or_die (file);
  GListModel *documents = gloss_project_get_documents (project);
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();

  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, d);
      guint n = gloss_document_get_n_annotations (document);

      for (guint i = 0; i < n; i++)
        {
          GlossAnnotation *annotation = gloss_document_get_annotation (document, i);

          if (i % 1000 == 7)
            gloss_annotation_set_note (annotation, phase == 0 ? "Ours says so" : "Theirs doubts it");
          else if (i % 50 == phase)
            gloss_annotation_set_note (annotation, "Checked against the ministry's figures");
          else if (i % 50 == phase + 10)
            gloss_annotation_set_tags (annotation, (const char * const[]) { "evidence", "claim", NULL });
          else if (i % 200 == phase + 20)
            g_ptr_array_add (doomed, annotation);
        }
      for (guint i = 0; i < doomed->len; i++)
        gloss_document_remove_annotation (document, g_ptr_array_index (doomed, i));
      g_ptr_array_set_size (doomed, 0);
    }

  return project;
}

static void
bench_team (GFile *file,
            guint  runs)
{
  g_autoptr(GlossProject) base = load_or_die (file);
  g_autoptr(GlossProject) ours = analyst_version (file, 0);
  g_autoptr(GlossProject) theirs = analyst_version (file, 1);
  g_autoptr(GArray) merge = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) agreement = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) compare = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_differences = 0;
  GlossProject *pair[] = { ours, theirs };
  const char *names[] = { "ours", "theirs" };

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GlossProject) merged = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GlossAgreement) measured = NULL;
      gint64 start;
      double ms;

      start = g_get_monotonic_time ();
      merged = gloss_merge_projects (base, ours, theirs, conflicts);
      bytes = gloss_project_serialize (merged);
      ms = elapsed_ms (start);
      g_array_append_val (merge, ms);

      start = g_get_monotonic_time ();
      measured = gloss_agreement_between (pair, names, 2, NULL);
      ms = elapsed_ms (start);
      g_assert_nonnull (measured);
      g_array_append_val (agreement, ms);

      start = g_get_monotonic_time ();
      {
        g_autoptr(GlossComparison) comparison = gloss_comparison_new (ours, theirs);
        GPtrArray *differences = gloss_comparison_get_differences (comparison);

        /* The rows the compare view builds (its MAX_ROWS). */
        for (guint k = 0; k < MIN (differences->len, 400); k++)
          g_ptr_array_unref (gloss_difference_describe (comparison, g_ptr_array_index (differences, k)));
        n_differences = differences->len;
      }
      ms = elapsed_ms (start);
      g_array_append_val (compare, ms);
    }

  g_print ("core_merge_ms %.1f\n", median (merge));
  g_print ("core_agreement_ms %.1f\n", median (agreement));
  g_print ("core_compare_ms %.1f\n", median (compare));
  g_print ("core_compare_differences %u\n", n_differences);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) load = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) json = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) w3c = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) search = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GlossSearch) query = NULL;
  guint n_matches = 0;
  g_autofree char *tmpdir = NULL;
  g_autofree char *save_path = NULL;
  g_autoptr(GFile) save_file = NULL;
  guint runs;

  if (argc == 3 && g_str_equal (argv[1], "--rss"))
    {
      g_autoptr(GlossProject) project = NULL;
      g_autofree char *status = NULL;
      const char *hwm;

      file = g_file_new_for_commandline_arg (argv[2]);
      project = gloss_project_load (file, &error);
      if (project == NULL)
        {
          g_printerr ("bench-core: %s\n", error->message);
          return 1;
        }
      /* VmHWM, not getrusage (): ru_maxrss survives exec, so it would
       * report the parent's size when that was larger. */
      if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
          (hwm = strstr (status, "VmHWM:")) == NULL)
        return 1;
      g_print ("core_peak_rss_mb %.1f\n", g_ascii_strtod (hwm + strlen ("VmHWM:"), NULL) / 1024.0);
      return 0;
    }

  if (argc != 3 && argc != 4)
    {
      g_printerr ("usage: bench-core PROJECT.gloss RUNS [WORD] | bench-core --rss PROJECT.gloss\n");
      return 2;
    }
  if (argc == 4)
    {
      /* The window's default: case and diacritics ignored. */
      query = gloss_search_new (argv[3], GLOSS_SEARCH_DEFAULT, &error);
      g_assert_no_error (error);
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  runs = (guint) MAX (1, atoi (argv[2]));
  tmpdir = g_dir_make_tmp ("gloss-bench-XXXXXX", &error);
  g_assert_no_error (error);
  save_path = g_build_filename (tmpdir, "saved.gloss", NULL);
  save_file = g_file_new_for_path (save_path);

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GlossProject) project = NULL;
      g_autoptr(GBytes) json_bytes = NULL;
      g_autoptr(GBytes) w3c_bytes = NULL;
      gint64 start;
      double ms;

      start = g_get_monotonic_time ();
      project = gloss_project_load (file, &error);
      ms = elapsed_ms (start);
      if (project == NULL)
        {
          g_printerr ("bench-core: %s\n", error->message);
          return 1;
        }
      g_array_append_val (load, ms);

      start = g_get_monotonic_time ();
      if (!gloss_project_save (project, save_file, &error))
        {
          g_printerr ("bench-core: %s\n", error->message);
          return 1;
        }
      ms = elapsed_ms (start);
      g_array_append_val (save, ms);

      start = g_get_monotonic_time ();
      json_bytes = gloss_export_bytes (project, NULL, GLOSS_EXPORT_JSON, &error);
      ms = elapsed_ms (start);
      g_assert_no_error (error);
      g_array_append_val (json, ms);

      start = g_get_monotonic_time ();
      w3c_bytes = gloss_export_bytes (project, NULL, GLOSS_EXPORT_W3C, &error);
      ms = elapsed_ms (start);
      g_assert_no_error (error);
      g_array_append_val (w3c, ms);

      if (query != NULL)
        {
          g_autoptr(GPtrArray) matches = NULL;

          start = g_get_monotonic_time ();
          matches = gloss_search_project (query, project);
          ms = elapsed_ms (start);
          g_array_append_val (search, ms);
          n_matches = matches->len;
        }
    }

  g_print ("core_load_ms %.1f\n", median (load));
  g_print ("core_save_ms %.1f\n", median (save));
  g_print ("core_export_json_ms %.1f\n", median (json));
  g_print ("core_export_w3c_ms %.1f\n", median (w3c));
  if (query != NULL)
    {
      g_print ("core_search_ms %.1f\n", median (search));
      g_print ("core_search_matches %u\n", n_matches);
    }
  bench_team (file, runs);

  g_unlink (save_path);
  g_rmdir (tmpdir);
  return 0;
}
