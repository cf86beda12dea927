/* gloss-toolkit.c — starting GTK without the work Gloss never uses
 *
 * Two shortcuts of Gloss's start depend on how GTK 4.8 starts, and both
 * live here, in one function, so that they are easy to find, to measure
 * and to drop when the toolkit changes:
 *
 * 1. No GL driver under the cairo renderer. With GSK_RENDERER=cairo (remote
 *    X, virtual machines, a display without GPU) GTK never draws with
 *    OpenGL, yet GDK 4.8 on X11 still loads the GL driver when it opens the
 *    display, to pick a visual. With Mesa's software driver that is libLLVM:
 *    45–55 ms of the start and about 30 MB, measured with build-aux/dev
 *    bench --timeline. A desktop that renders with GL still loads it,
 *    because it needs it.
 * 2. No parse of GTK's default theme. GTK loads its own default theme when
 *    it opens the display, and libadwaita replaces it with its stylesheet a
 *    moment later: parsing the discarded theme took 15–20 ms of each start.
 *    Naming libadwaita's empty theme in GTK_THEME while the display's
 *    settings are made skips it.
 *
 * Each is applied only when the user has not set the variable it uses
 * (their own theme or GL setting wins), and both variables are gone again
 * before this returns: libadwaita leaves its styles off when it sees
 * GTK_THEME, and a browser or file manager Gloss opens must not inherit
 * either. The environment is only changed here, before any other thread of
 * Gloss starts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-toolkit.h"

/* Returns the variable it set, or NULL. */
static const char *
skip_unused_gl (void)
{
  const char *variable, *value;

  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") != 0)
    return NULL;

  if (gtk_get_major_version () == 4 && gtk_get_minor_version () < 16)
    variable = "GDK_DEBUG", value = "gl-disable";
  else
    variable = "GDK_DISABLE", value = "gl";

  if (g_getenv (variable) != NULL || !g_setenv (variable, value, FALSE))
    return NULL;
  return variable;
}

/* Returns whether it set GTK_THEME. */
static gboolean
skip_default_theme (void)
{
  return g_getenv ("GTK_THEME") == NULL && g_setenv ("GTK_THEME", "Adwaita-empty", FALSE);
}

void
gloss_toolkit_init (void)
{
  const char *gl_variable = skip_unused_gl ();
  gboolean theme_variable = skip_default_theme ();

  gtk_init ();
  /* The display's settings load the theme when they are first asked for. */
  (void) gtk_settings_get_default ();

  if (theme_variable)
    g_unsetenv ("GTK_THEME");
  if (gl_variable != NULL)
    g_unsetenv (gl_variable);
}
