/* bench-bare.c — the toolkit's floor: the least window that shows an article
 *
 *   bench-bare TEXT_FILE REPORT.json
 *
 * An AdwApplicationWindow with a header bar and a GtkTextView holding the
 * text, nothing else. When its first frame is painted it writes
 * {"first_frame_time": SECONDS_SINCE_THE_EPOCH} to REPORT.json and exits,
 * so build-aux/bench.py can set Gloss's first frame against it, run for
 * run, in the same minutes and the same environment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

static const char *report_path;
static char *text;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  g_autofree char *json = g_strdup_printf ("{\"first_frame_time\": %.6f}\n",
                                           g_get_real_time () / (double) G_USEC_PER_SEC);

  if (!g_file_set_contents (report_path, json, -1, NULL))
    exit (1);
  exit (0);
}

static void
realize_cb (GtkWidget *view,
            gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (view), "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

static void
activate_cb (GApplication *app,
             gpointer      user_data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  /* Gloss's default size, and a text view as its article's. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  g_signal_connect (view, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 3)
    {
      g_printerr ("usage: bench-bare TEXT_FILE REPORT.json\n");
      return 2;
    }
  if (!g_file_get_contents (argv[1], &text, NULL, &error))
    {
      g_printerr ("bench-bare: %s\n", error->message);
      return 1;
    }
  report_path = argv[2];

  app = adw_application_new ("io.github.glossapp.Gloss.BenchBare", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
