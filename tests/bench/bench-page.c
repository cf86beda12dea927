/* bench-page.c — times importing a saved news page of about 1 MB
 *
 *   bench-page RUNS     prints "core_import_html_ms VALUE" (median wall time)
 *                      and "core_import_html_cpu_ms VALUE" (median CPU time
 *                      of the thread: what the import costs when the
 *                      machine is shared and the wall clock waits for it)
 *
 * Each import alternates with a reference run: reading the same file and
 * parsing it with gumbo alone, the floor any HTML5 import pays. The
 * reference's figures ("gumbo_parse_ms", "gumbo_parse_cpu_ms") and the
 * medians of the run-by-run ratios import / reference
 * ("core_import_html_ratio", "core_import_html_cpu_ratio") say what the
 * import costs beyond parsing, whatever the load of a shared machine.
 *
 * The page is made at run time: navigation, a long article of paragraphs
 * with links, lists and a table, a sidebar of related links, comments,
 * scripts and a JSON-LD block, as a large news page has them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <time.h>

#include <gumbo.h>

#include "gloss.h"

static char *
make_page (gsize target)
{
  GString *page = g_string_new ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                                "<title>A long report on the state of the rivers | Bench Daily</title>"
                                "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                                "\"headline\":\"A long report on the state of the rivers\","
                                "\"author\":[{\"name\":\"Ada Writer\"}],\"datePublished\":\"2026-01-02\"}</script>"
                                "<style>.x{color:red}</style></head><body><nav class=\"menu\"><ul>");
  guint n = 0;

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (page, "<li><a href=\"/section/%u\">Section %u</a></li>", i, i);
  g_string_append (page, "</ul></nav><main><article class=\"story\"><h1>A long report on the state of the rivers</h1>"
                         "<div class=\"story-body\">");
  while (page->len < target * 3 / 4)
    {
      g_string_append_printf (page,
                              "<p>Paragraph %u: the river rose by <a href=\"/r/%u\">%u centimetres</a> overnight, "
                              "and the engineers, who had measured it since spring, said the banks would hold; "
                              "villagers downstream moved their boats, their nets and their livestock 🐄 uphill.</p>",
                              n, n, n % 97);
      if (++n % 25 == 0)
        g_string_append_printf (page, "<h2>Part %u</h2><ul><li>First point of part %u.</li><li>Second point.</li></ul>"
                                      "<table><tr><th>Gauge</th><th>Level</th></tr><tr><td>North</td><td>%u</td></tr></table>",
                                n / 25, n / 25, n);
    }
  g_string_append (page, "</div></article><aside class=\"related\"><ul>");
  for (guint i = 0; page->len < target * 7 / 8; i++)
    g_string_append_printf (page, "<li><a href=\"/story/%u\">Related story number %u</a></li>", i, i);
  g_string_append (page, "</ul></aside><section class=\"comments\">");
  for (guint i = 0; page->len < target; i++)
    g_string_append_printf (page, "<div class=\"comment\"><p>Comment %u: I live by the river, and we saw it too, "
                                  "late at night.</p></div><script>var c%u = \"</div>\";</script>", i, i);
  g_string_append (page, "</section></main></body></html>");

  return g_string_free (page, FALSE);
}

static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

typedef struct {
  double wall_ms;
  double cpu_ms;
} Timing;

/* The reference: the file read and parsed by gumbo, nothing else. */
static gboolean
time_reference (const char *path,
                Timing     *timing,
                GError    **error)
{
  gint64 start = g_get_monotonic_time ();
  double cpu_start = thread_cpu_ms ();
  g_autofree char *contents = NULL;
  gsize size = 0;
  GumboOutput *output;

  if (!g_file_get_contents (path, &contents, &size, error))
    return FALSE;
  output = gumbo_parse_with_options (&kGumboDefaultOptions, contents, size);
  gumbo_destroy_output (&kGumboDefaultOptions, output);
  timing->wall_ms = (double) (g_get_monotonic_time () - start) / 1000.0;
  timing->cpu_ms = thread_cpu_ms () - cpu_start;
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
print_median (const char *name,
              GArray     *samples)
{
  g_array_sort (samples, compare_doubles);
  g_print ("%s %.*f\n", name, g_str_has_suffix (name, "_ratio") ? 2 : 1,
           g_array_index (samples, double, samples->len / 2));
}

int
main (int    argc,
      char **argv)
{
  const char *names[] = {
    "core_import_html_ms", "core_import_html_cpu_ms", "gumbo_parse_ms", "gumbo_parse_cpu_ms",
    "core_import_html_ratio", "core_import_html_cpu_ratio",
  };
  GArray *samples[G_N_ELEMENTS (names)];
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-bench-page-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *page = make_page (1024 * 1024);
  g_autoptr(GFile) file = NULL;
  guint runs = argc > 1 ? (guint) MAX (1, atoi (argv[1])) : 5;

  if (dir == NULL)
    {
      g_printerr ("bench-page: %s\n", error->message);
      return 1;
    }
  path = g_build_filename (dir, "page.html", NULL);
  if (!g_file_set_contents (path, page, -1, &error))
    {
      g_printerr ("bench-page: %s\n", error->message);
      return 1;
    }
  file = g_file_new_for_path (path);
  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    samples[k] = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = thread_cpu_ms ();
      g_autoptr(GlossDocument) document = gloss_import_page_file (file, &error);
      Timing import = { (double) (g_get_monotonic_time () - start) / 1000.0, thread_cpu_ms () - cpu_start };
      Timing reference;
      double values[G_N_ELEMENTS (names)];

      if (document == NULL || !time_reference (path, &reference, &error))
        {
          g_printerr ("bench-page: %s\n", error->message);
          return 1;
        }
      values[0] = import.wall_ms;
      values[1] = import.cpu_ms;
      values[2] = reference.wall_ms;
      values[3] = reference.cpu_ms;
      values[4] = import.wall_ms / MAX (reference.wall_ms, 0.001);
      values[5] = import.cpu_ms / MAX (reference.cpu_ms, 0.001);
      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        g_array_append_val (samples[k], values[k]);
    }

  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    {
      print_median (names[k], samples[k]);
      g_array_unref (samples[k]);
    }

  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
