/* gloss-cli.h — the headless command line (--new, --export, --validate)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes */
#define GLOSS_EXIT_OK        0
#define GLOSS_EXIT_BAD_INPUT 1
#define GLOSS_EXIT_USAGE     2

/* Returns TRUE when @argv asks for the command line (any of --new,
 * --export, --validate, --help, --version) rather than the window. */
gboolean gloss_cli_wants_command_line (int    argc,
                                       char **argv);
/* Runs the command line and returns the exit status. */
int      gloss_cli_run                (int    argc,
                                       char **argv);

/* For the commands' files: print "gloss: MESSAGE" and return
 * GLOSS_EXIT_BAD_INPUT, or add the --help hint and return GLOSS_EXIT_USAGE. */
int      gloss_cli_fail               (const char *format,
                                       ...) G_GNUC_PRINTF (1, 2);
int      gloss_cli_usage              (const char *format,
                                       ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
