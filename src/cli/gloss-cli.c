/* gloss-cli.c — placeholder until the command line lands */

#include "config.h"

#include "gloss-cli.h"

gboolean
gloss_cli_wants_command_line (int    argc,
                              char **argv)
{
  return FALSE;
}

int
gloss_cli_run (int    argc,
               char **argv)
{
  return GLOSS_EXIT_USAGE;
}
