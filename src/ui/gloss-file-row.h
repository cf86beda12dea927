/* gloss-file-row.h — a project file on the start page, opened by activating the row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_FILE_ROW (gloss_file_row_get_type ())
G_DECLARE_FINAL_TYPE (GlossFileRow, gloss_file_row, GLOSS, FILE_ROW, AdwActionRow)

/* An activatable row for @file titled @title (plain text: file names
 * are not markup), with @subtitle under it when not NULL. */
GtkWidget  *gloss_file_row_new      (GFile        *file,
                                     const char   *title,
                                     const char   *subtitle);
GFile      *gloss_file_row_get_file (GlossFileRow *self);
const char *gloss_file_row_get_uri  (GlossFileRow *self);

G_END_DECLS
