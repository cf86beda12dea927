/* bench-core.c — times the core on one project file
 *
 *   bench-core PROJECT.gloss RUNS [WORD]   prints "metric value" lines (medians, ms);
 *                                          with WORD, also a project search for it
 *   bench-core --rss PROJECT.gloss     loads once, prints peak RSS in MB
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

  g_unlink (save_path);
  g_rmdir (tmpdir);
  return 0;
}
