/* gloss-cli-agreement.h — gloss --agreement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @files: one project per annotator, or one project with @by_author.
 * Prints a table, or JSON with @json. Returns the exit status. */
int gloss_cli_agreement (char     **files,
                         gboolean   by_author,
                         gboolean   json);

G_END_DECLS
