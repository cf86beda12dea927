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
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
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
