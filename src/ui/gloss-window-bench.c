/* gloss-window-bench.c — the window measuring itself for build-aux/bench.py
 *
 * With GLOSS_BENCH=PATH the window, once its first document is shown,
 * records when the first frame with the highlighted article was painted,
 * annotates through the same signal a digit key emits, scrolls through the
 * whole article, autosaves while watching the main loop for stalls,
 * switches documents (when there are several), searches the project as
 * the user types, tags a thousand of the matches, writes what it measured
 * to PATH as JSON and exits. Without the variable this file does nothing.
 *
 * Along the way it keeps a timeline of the start-up (_gloss_bench_mark ()),
 * and with GLOSS_BENCH_FIRST_FRAME_ONLY it stops after the first frame, so
 * that a profiler sees the start alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gloss-bench.h"
#include "gloss-project-search.h"
#include "gloss-window-private.h"

#define ANNOTATE_RUNS      21
#define MAX_SCROLL_FRAMES  600
#define STALL_WATCH_USEC   (4 * G_USEC_PER_SEC)
#define SWITCH_RUNS        9
/* A word in most documents of the benchmark's projects; typed with its
 * last letter last. */
#define SEARCH_WORD        "minister"
#define TAG_ALL_MATCHES    1000

typedef struct {
  GlossWindow   *window;
  GdkFrameClock *clock;
  gulong         after_paint_id;
  gulong         before_paint_id;
  guint          tick_id;

  double         first_frame_time;  /* seconds since the epoch */
  GArray        *annotate_ms;
  GArray        *frame_ms;
  gint64         frame_start;
  guint          scroll_frames;

  gint64         stall_until;
  gint64         last_beat;
  gint64         longest_stall;
  guint          heartbeat_id;

  GArray        *switch_ms;
  GArray        *switch_cpu_ms;
  gint64         step_start;      /* monotonic: the step being timed */
  gint64         step_cpu_start;  /* thread CPU time at its start */
  gint64         frame_cpu_start;
  double         first_results_cpu_ms;
  double         search_longest_frame_cpu_ms;
  double         tag_all_cpu_ms;

  GlossProjectSearch *search;
  gboolean       first_results_pending;
  double         first_results_ms;
  double         search_all_ms;
  double         search_longest_frame_ms;
  gint64         search_stall;
  guint          search_matches;

  double         tag_all_ms;
  guint          tag_all_matches;
  guint          tagged;
} Bench;

static Bench *bench;

/* The main thread's own CPU time, in microseconds. On a shared machine
 * wall time also counts the time other processes had the core; this is
 * the work the window did, and the two together tell the stories apart. */
static gint64
thread_cpu_usec (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

typedef struct {
  const char *what;
  double      time;  /* seconds since the epoch */
} Mark;

static GArray *marks;

void
_gloss_bench_mark (const char *what)
{
  Mark mark = { what, g_get_real_time () / (double) G_USEC_PER_SEC };

  if (g_getenv ("GLOSS_BENCH") == NULL)
    return;
  if (marks == NULL)
    marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  g_array_append_val (marks, mark);
}

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
  if (samples->len == 0)
    return 0;
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

static double
mean (GArray *samples)
{
  double sum = 0;

  for (guint i = 0; i < samples->len; i++)
    sum += g_array_index (samples, double, i);
  return samples->len > 0 ? sum / samples->len : 0;
}

static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

static void
finish (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  const char *hwm;
  double peak_mb = 0;

  /* VmHWM, not getrusage (): Linux keeps ru_maxrss across exec, so a
   * child of a big parent (the benchmark's Python, which has just parsed
   * the project) would report the parent's size. */
  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (hwm = strstr (status, "VmHWM:")) != NULL)
    peak_mb = g_ascii_strtod (hwm + strlen ("VmHWM:"), NULL) / 1024.0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "first_frame_time");
  json_builder_add_double_value (builder, bench->first_frame_time);
  json_builder_set_member_name (builder, "annotate_ms");
  json_builder_add_double_value (builder, median (bench->annotate_ms));
  json_builder_set_member_name (builder, "scroll_frame_ms");
  json_builder_add_double_value (builder, mean (bench->frame_ms));
  json_builder_set_member_name (builder, "scroll_frames");
  json_builder_add_int_value (builder, bench->frame_ms->len);
  json_builder_set_member_name (builder, "ui_stall_ms");
  json_builder_add_double_value (builder, bench->longest_stall / 1000.0);
  json_builder_set_member_name (builder, "peak_rss_mb");
  json_builder_add_double_value (builder, peak_mb);
  if (bench->switch_ms->len > 0)
    {
      add_number (builder, "switch_document_ms", median (bench->switch_ms));
      add_number (builder, "switch_document_cpu_ms", median (bench->switch_cpu_ms));
    }
  if (bench->search != NULL)
    {
      add_number (builder, "search_first_results_ms", bench->first_results_ms);
      add_number (builder, "search_all_ms", bench->search_all_ms);
      add_number (builder, "search_longest_frame_ms", bench->search_longest_frame_ms);
      add_number (builder, "search_first_results_cpu_ms", bench->first_results_cpu_ms);
      add_number (builder, "search_longest_frame_cpu_ms", bench->search_longest_frame_cpu_ms);
      add_number (builder, "tag_all_cpu_ms", bench->tag_all_cpu_ms);
      add_number (builder, "search_stall_ms", bench->search_stall / 1000.0);
      add_number (builder, "search_matches", bench->search_matches);
      add_number (builder, "tag_all_ms", bench->tag_all_ms);
      add_number (builder, "tag_all_matches", bench->tag_all_matches);
      add_number (builder, "tag_all_tagged", bench->tagged);
    }
  json_builder_set_member_name (builder, "timeline");
  json_builder_begin_array (builder);
  for (guint i = 0; marks != NULL && i < marks->len; i++)
    {
      const Mark *mark = &g_array_index (marks, Mark, i);

      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, mark->what);
      json_builder_add_double_value (builder, mark->time);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  if (!json_generator_to_file (generator, g_getenv ("GLOSS_BENCH"), &error))
    g_printerr ("gloss: bench: %s\n", error->message);

  /* Measured: leave without the unsaved-changes question. */
  exit (error == NULL ? 0 : 1);
}

/* ---- 7. tagging a thousand matches as one step ---- */

static void
tag_all_painted_cb (GdkFrameClock *clock,
                    gpointer       user_data)
{
  bench->tag_all_ms = (g_get_monotonic_time () - bench->step_start) / 1000.0;
  bench->tag_all_cpu_ms = (thread_cpu_usec () - bench->step_cpu_start) / 1000.0;
  g_signal_handler_disconnect (clock, bench->after_paint_id);
  bench->after_paint_id = 0;
  finish ();
}

static gboolean
tag_all_cb (gpointer user_data)
{
  g_autoptr(GPtrArray) matches = gloss_project_search_dup_matches (bench->search, TAG_ALL_MATCHES);

  bench->tag_all_matches = matches->len;
  /* Until the window has painted what the tagging changed. */
  bench->after_paint_id = g_signal_connect (bench->clock, "after-paint", G_CALLBACK (tag_all_painted_cb), NULL);
  bench->step_start = g_get_monotonic_time ();
  bench->step_cpu_start = thread_cpu_usec ();
  bench->tagged = gloss_project_search_tag (bench->search, matches, "evidence");
  gtk_widget_queue_draw (GTK_WIDGET (bench->window));
  return G_SOURCE_REMOVE;
}

/* ---- 6. results as the user types, streaming in without a stall ---- */

static gboolean
search_heartbeat_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  bench->search_stall = MAX (bench->search_stall, now - bench->last_beat);
  bench->last_beat = now;
  return G_SOURCE_CONTINUE;
}

static void
search_before_paint_cb (GdkFrameClock *clock,
                        gpointer       user_data)
{
  bench->frame_start = g_get_monotonic_time ();
  bench->frame_cpu_start = thread_cpu_usec ();
  /* Results found before this frame are painted in it. */
  if (bench->first_results_ms == 0 && gloss_project_search_get_n_matches (bench->search) > 0)
    bench->first_results_pending = TRUE;
}

static void
search_after_paint_cb (GdkFrameClock *clock,
                       gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (bench->frame_start != 0)
    {
      bench->search_longest_frame_ms = MAX (bench->search_longest_frame_ms,
                                            (now - bench->frame_start) / 1000.0);
      bench->search_longest_frame_cpu_ms = MAX (bench->search_longest_frame_cpu_ms,
                                                (thread_cpu_usec () - bench->frame_cpu_start) / 1000.0);
    }
  bench->frame_start = 0;

  if (bench->first_results_pending)
    {
      bench->first_results_ms = (now - bench->step_start) / 1000.0;
      bench->first_results_cpu_ms = (thread_cpu_usec () - bench->step_cpu_start) / 1000.0;
      bench->first_results_pending = FALSE;
    }
}

static void
search_finished_cb (GlossProjectSearch *search,
                    gpointer            user_data)
{
  if (bench->step_start == 0 || bench->search_all_ms > 0)
    return;  /* the prefix typed before the measured key */

  bench->search_all_ms = (g_get_monotonic_time () - bench->step_start) / 1000.0;
  bench->search_matches = gloss_project_search_get_n_matches (search);
  g_clear_handle_id (&bench->heartbeat_id, g_source_remove);
  g_signal_handler_disconnect (bench->clock, bench->before_paint_id);
  g_signal_handler_disconnect (bench->clock, bench->after_paint_id);
  bench->after_paint_id = 0;
  g_timeout_add (100, tag_all_cb, NULL);
}

static gboolean
type_last_letter_cb (gpointer user_data)
{
  bench->before_paint_id = g_signal_connect (bench->clock, "before-paint", G_CALLBACK (search_before_paint_cb), NULL);
  bench->after_paint_id = g_signal_connect (bench->clock, "after-paint", G_CALLBACK (search_after_paint_cb), NULL);
  bench->last_beat = g_get_monotonic_time ();
  bench->heartbeat_id = g_timeout_add_full (G_PRIORITY_HIGH, 1, search_heartbeat_cb, NULL, NULL);

  bench->step_start = g_get_monotonic_time ();
  bench->step_cpu_start = thread_cpu_usec ();
  gloss_project_search_set_text (bench->search, SEARCH_WORD);
  return G_SOURCE_REMOVE;
}

static void
measure_search (void)
{
  g_autofree char *prefix = g_strndup (SEARCH_WORD, strlen (SEARCH_WORD) - 1);

  bench->step_start = 0;
  bench->search = _gloss_window_open_search (bench->window);
  g_signal_connect (bench->search, "finished", G_CALLBACK (search_finished_cb), NULL);
  /* All but the last letter, searched in full, as a typist's pause. */
  gloss_project_search_set_text (bench->search, prefix);
  g_timeout_add (1500, type_last_letter_cb, NULL);
}

/* ---- 5. switching documents ---- */

static void switch_document (void);

static void
switch_painted_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  double ms = (g_get_monotonic_time () - bench->step_start) / 1000.0;
  double cpu_ms = (thread_cpu_usec () - bench->step_cpu_start) / 1000.0;

  g_array_append_val (bench->switch_ms, ms);
  g_array_append_val (bench->switch_cpu_ms, cpu_ms);
  g_signal_handler_disconnect (clock, bench->after_paint_id);
  bench->after_paint_id = 0;

  if (bench->switch_ms->len < SWITCH_RUNS)
    g_timeout_add_once (50, (GSourceOnceFunc) switch_document, NULL);
  else
    measure_search ();
}

static void
switch_document (void)
{
  GListModel *documents = gloss_project_get_documents (bench->window->project);
  guint n = g_list_model_get_n_items (documents);
  /* Spread over the archive, never the one shown. */
  guint index = (1 + bench->switch_ms->len * 53) % n;
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (bench->window->documents_list, (int) index);

  bench->after_paint_id = g_signal_connect (bench->clock, "after-paint", G_CALLBACK (switch_painted_cb), NULL);
  bench->step_start = g_get_monotonic_time ();
  bench->step_cpu_start = thread_cpu_usec ();
  /* As a click on the document's row does. */
  g_signal_emit_by_name (bench->window->documents_list, "row-activated", row);
}

static void
measure_switching (void)
{
  if (g_list_model_get_n_items (gloss_project_get_documents (bench->window->project)) < 2)
    {
      measure_search ();
      return;
    }
  switch_document ();
}

/* ---- 4. the longest main-loop stall while an autosave runs ---- */

static gboolean
heartbeat_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  bench->longest_stall = MAX (bench->longest_stall, now - bench->last_beat);
  bench->last_beat = now;

  if (now < bench->stall_until)
    return G_SOURCE_CONTINUE;

  measure_switching ();
  return G_SOURCE_REMOVE;
}

static void
measure_autosave_stall (void)
{
  /* The annotations made above left the project dirty: autosave it now,
   * and beat every millisecond until it must be long done. */
  g_setenv ("GLOSS_AUTOSAVE_DELAY_MS", "0", TRUE);
  _gloss_window_schedule_autosave (bench->window);

  bench->last_beat = g_get_monotonic_time ();
  bench->stall_until = bench->last_beat + STALL_WATCH_USEC;
  g_timeout_add_full (G_PRIORITY_HIGH, 1, heartbeat_cb, NULL, NULL);
}

/* ---- 3. frames while scrolling through the whole article ---- */

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       user_data)
{
  bench->frame_start = g_get_monotonic_time ();
}

static void
scroll_after_paint_cb (GdkFrameClock *clock,
                       gpointer       user_data)
{
  if (bench->frame_start != 0 && bench->scroll_frames > 0)
    {
      double ms = (g_get_monotonic_time () - bench->frame_start) / 1000.0;
      g_array_append_val (bench->frame_ms, ms);
    }
  bench->frame_start = 0;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (bench->window->article_scroller);
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double upper = gtk_adjustment_get_upper (adjustment);

  if (bench->scroll_frames++ >= MAX_SCROLL_FRAMES || value + page >= upper)
    {
      g_signal_handler_disconnect (bench->clock, bench->before_paint_id);
      g_signal_handler_disconnect (bench->clock, bench->after_paint_id);
      measure_autosave_stall ();
      return G_SOURCE_REMOVE;
    }

  /* Half a page a frame, as fast as a flick of the wheel. */
  gtk_adjustment_set_value (adjustment, value + MAX (page / 2, 1));
  return G_SOURCE_CONTINUE;
}

static void
measure_scrolling (void)
{
  bench->before_paint_id = g_signal_connect (bench->clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
  bench->after_paint_id = g_signal_connect (bench->clock, "after-paint", G_CALLBACK (scroll_after_paint_cb), NULL);
  gtk_widget_add_tick_callback (GTK_WIDGET (bench->window->article_view), scroll_tick_cb, NULL, NULL);
}

/* ---- 2. one annotation, as the digit key makes it ---- */

static gboolean
annotate_cb (gpointer user_data)
{
  GlossArticleView *view = bench->window->article_view;
  GlossDocument *document = bench->window->document;
  GlossOffset visible_start, visible_end, length, start;
  gint64 t0;
  double ms;

  gloss_article_view_get_visible_range (view, &visible_start, &visible_end);
  length = gloss_document_get_length (document);
  start = MIN (visible_start + 3 + bench->annotate_ms->len * 11, length > 6 ? length - 6 : 0);

  t0 = g_get_monotonic_time ();
  /* The signal the palette and the digit keys emit: the window makes the
   * annotation and the view highlights it before this returns. */
  g_signal_emit_by_name (view, "annotate", (guint) start, (guint) MIN (start + 5, length), "claim");
  ms = (g_get_monotonic_time () - t0) / 1000.0;
  g_array_append_val (bench->annotate_ms, ms);

  if (bench->annotate_ms->len < ANNOTATE_RUNS)
    return G_SOURCE_CONTINUE;

  measure_scrolling ();
  return G_SOURCE_REMOVE;
}

/* ---- 1. the first frame that shows the highlighted article ---- */

static void
first_after_paint_cb (GdkFrameClock *clock,
                      gpointer       user_data)
{
  bench->first_frame_time = g_get_real_time () / (double) G_USEC_PER_SEC;
  _gloss_bench_mark ("first frame painted");
  g_signal_handler_disconnect (clock, bench->after_paint_id);
  bench->after_paint_id = 0;
  if (g_getenv ("GLOSS_BENCH_FIRST_FRAME_ONLY") != NULL)
    finish ();
  g_timeout_add (50, annotate_cb, NULL);
}

static void
view_realized_cb (GtkWidget *view,
                  gpointer   user_data)
{
  _gloss_bench_mark ("article view realized");
  bench->clock = gtk_widget_get_frame_clock (view);
  bench->after_paint_id = g_signal_connect (bench->clock, "after-paint",
                                            G_CALLBACK (first_after_paint_cb), NULL);
}

static void
document_shown_cb (GlossWindow *self)
{
  GtkWidget *view = GTK_WIDGET (self->article_view);

  if (bench != NULL || self->document == NULL)
    return;

  bench = g_new0 (Bench, 1);
  bench->window = self;
  bench->annotate_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench->frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench->switch_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench->switch_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));

  if (gtk_widget_get_realized (view))
    view_realized_cb (view, NULL);
  else
    g_signal_connect (view, "realize", G_CALLBACK (view_realized_cb), NULL);
}

void
_gloss_window_attach_bench (GlossWindow *self)
{
  if (g_getenv ("GLOSS_BENCH") == NULL)
    return;

  /* The first document shown is the one measured. */
  g_signal_connect (self, "notify::document", G_CALLBACK (document_shown_cb), NULL);
}
