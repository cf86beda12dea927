/* gloss-preload.h — loading the projects named on the command line while GTK starts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/* Starts loading, one after another on a worker thread, every argument in
 * @argv (after argv[0]) that names a .gloss file: those that do not start
 * with '-', and all of them after "--". Call once, from main(), before
 * g_application_run (). */
void     gloss_preload_start   (int            argc,
                                char         **argv);
/* Whether a preload answers for @file; if so, waits for it and hands over
 * exactly what gloss_project_load () would have: the project in
 * @out_project, or NULL and @error. A preload answers once. FALSE when
 * there is none (never started, taken already, or not begun yet and so
 * dropped): the caller loads @file itself. */
gboolean gloss_preload_take    (GFile         *file,
                                GlossProject **out_project,
                                GError       **error);
/* Waits for the worker and frees what was not taken. */
void     gloss_preload_discard (void);

G_END_DECLS
