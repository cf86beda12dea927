/* gloss-window.h — a project's window: documents, article, annotations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_WINDOW (gloss_window_get_type ())
G_DECLARE_FINAL_TYPE (GlossWindow, gloss_window, GLOSS, WINDOW, AdwApplicationWindow)

GlossWindow  *gloss_window_new             (GtkApplication *application);
/* TRUE while it shows the start page with no project. */
gboolean      gloss_window_is_empty        (GlossWindow    *self);
void          gloss_window_new_project     (GlossWindow    *self);
/* Loads @file off the main thread, showing that it does; a failure shows
 * a dialog and leaves the file alone. */
void          gloss_window_open_file       (GlossWindow    *self,
                                            GFile          *file);
void          gloss_window_import_file     (GlossWindow    *self,
                                            GFile          *file);
void          gloss_window_choose_project  (GlossWindow    *self);
/* Whether this window shows @file, or is loading it. */
gboolean      gloss_window_shows_file      (GlossWindow    *self,
                                            GFile          *file);
GlossProject *gloss_window_get_project     (GlossWindow    *self);

G_END_DECLS
