/* gloss-preferences.h — the Preferences window (Ctrl+,)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Presents the preferences over @parent. */
void gloss_preferences_present      (GtkWindow *parent);
/* TRUE when neither the preferences nor the account give a name and
 * Gloss has never asked for one: the caller asks now. Only once ever (the
 * "asked-user-name" setting remembers it). */
gboolean gloss_preferences_take_name_question (void);

G_END_DECLS
