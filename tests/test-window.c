/* test-window.c — the window's skeleton: which document it follows
 *
 * Needs a display: run under xvfb-run with GDK_BACKEND=x11
 * GSK_RENDERER=cairo GTK_A11Y=none GSETTINGS_BACKEND=memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

/* A title from a file, as the window shows it: in a first-strong isolate. */
#define ISOLATED(text) "\xe2\x81\xa8" text "\xe2\x81\xa9"

#include <adwaita.h>

#include "gloss.h"
#include "gloss-application.h"
#include "gloss-window-private.h"

typedef struct {
  GlossApplication *app;
  GlossWindow      *window;
  GlossProject     *project;
  GlossDocument    *first;
  GlossDocument    *second;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->app = gloss_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (f->app), NULL, &error));
  g_assert_no_error (error);

  f->project = gloss_project_new ();
  f->first = gloss_document_new (NULL, "Talks stall", "Envoys met in Geneva 🇨🇭 on Monday.\n");
  f->second = gloss_document_new (NULL, "Dam flow", "ذكر التقرير أن التدفق انخفض.\r\n");
  gloss_project_add_document (f->project, f->first);
  gloss_project_add_document (f->project, f->second);

  f->window = gloss_window_new (GTK_APPLICATION (f->app));
  _gloss_window_set_project (f->window, f->project, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->first);
  g_clear_object (&f->second);
  g_clear_object (&f->project);
  g_clear_object (&f->app);
}

/* The start-up shortcuts change the environment only while GTK opens the
 * display: nothing Gloss launches later may inherit them. */
static void
test_startup_leaves_environment (Fixture       *f,
                                 gconstpointer  data)
{
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
  g_assert_null (g_getenv ("GTK_THEME"));
  g_assert_null (g_getenv ("GDK_DEBUG"));
  g_assert_null (g_getenv ("GDK_DISABLE"));
}

/* Switching documents moves the header's binding to the new document:
 * renaming the hidden one must not relabel the visible header. */
static void
test_header_follows_current_document (Fixture       *f,
                                      gconstpointer  data)
{
  _gloss_window_show_document (f->window, f->first);
  g_assert_cmpstr (gtk_label_get_label (f->window->article_title), ==, ISOLATED ("Talks stall"));

  _gloss_window_show_document (f->window, f->second);
  g_assert_cmpstr (gtk_label_get_label (f->window->article_title), ==, ISOLATED ("Dam flow"));

  gloss_document_set_title (f->first, "Talks stall again");
  g_assert_cmpstr (gtk_label_get_label (f->window->article_title), ==, ISOLATED ("Dam flow"));

  gloss_document_set_title (f->second, "Dam flow halved");
  g_assert_cmpstr (gtk_label_get_label (f->window->article_title), ==, ISOLATED ("Dam flow halved"));

  _gloss_window_show_document (f->window, NULL);
  gloss_document_set_title (f->second, "Dam flow, corrected");
  _gloss_window_show_document (f->window, f->first);
  g_assert_cmpstr (gtk_label_get_label (f->window->article_title), ==, ISOLATED ("Talks stall again"));
}

/* The header shows the title only when the article does not already open
 * with it, and follows a rename that changes that. */
static void
test_header_hides_repeated_headline (Fixture       *f,
                                     gconstpointer  data)
{
  _gloss_window_show_document (f->window, f->first);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window->article_title)));

  gloss_document_set_title (f->first, "Envoys met in Geneva");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window->article_title)));

  gloss_document_set_title (f->first, "Talks");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window->article_title)));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/gloss/window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("startup-leaves-environment", test_startup_leaves_environment);
  ADD ("header-follows-current-document", test_header_follows_current_document);
  ADD ("header-hides-repeated-headline", test_header_hides_repeated_headline);
#undef ADD

  return g_test_run ();
}
