/* main.c — the window, or the headless command line when its options are given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gloss-cli.h"

#ifdef GLOSS_WITH_GUI
#include "gloss-application.h"
#include "gloss-bench.h"
#endif

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("GLOSS_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* Run from the build tree (build-aux/dev, meson devenv), GLOSS_LOCALEDIR
   * names the catalogs the build made: the installed ones may be missing
   * or older. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (gloss_cli_wants_command_line (argc, argv))
    return gloss_cli_run (argc, argv);

#ifdef GLOSS_WITH_GUI
  {
    g_autoptr(GlossApplication) app = NULL;

    _gloss_bench_mark ("main");
    app = gloss_application_new ();
    return g_application_run (G_APPLICATION (app), argc, argv);
  }
#else
  g_printerr (_("This build of Gloss has no window; see gloss --help.\n"));
  return GLOSS_EXIT_USAGE;
#endif
}
