/* gloss-recent-row.h — one project in the start page's Recent Projects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_RECENT_ROW (gloss_recent_row_get_type ())
G_DECLARE_FINAL_TYPE (GlossRecentRow, gloss_recent_row, GLOSS, RECENT_ROW, AdwActionRow)

/* A row titled with @uri's file name, its place as the subtitle until the
 * document portal tells the real one. */
GtkWidget  *gloss_recent_row_new     (const char     *uri);
/* The project the row opens. */
const char *gloss_recent_row_get_uri (GlossRecentRow *self);

G_END_DECLS
