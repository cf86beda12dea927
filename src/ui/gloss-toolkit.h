/* gloss-toolkit.h — starting GTK without the work Gloss never uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Initialises GTK (not libadwaita) for the application's startup. Call it
 * while no other thread runs: it changes the environment for the moment
 * GTK opens the display, and restores it before returning, so nothing Gloss
 * launches later inherits the change. */
void gloss_toolkit_init (void);

G_END_DECLS
