/* gloss-application.h — the GApplication: actions, windows, opening files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss.h"
#include "gloss-window.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_APPLICATION (gloss_application_get_type ())
G_DECLARE_FINAL_TYPE (GlossApplication, gloss_application, GLOSS, APPLICATION, AdwApplication)

GlossApplication *gloss_application_new                  (void);
/* Presents the window that shows @file, else opens it in @preferred when
 * that window is empty, else in an empty or new window. */
void              gloss_application_open_project         (GlossApplication    *self,
                                                          GFile               *file,
                                                          GlossWindow         *preferred);
/* Loads @file on a worker thread, or takes over the load of a file named
 * on the command line, already under way. */
void              gloss_application_load_project_async   (GlossApplication    *self,
                                                          GFile               *file,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GlossProject     *gloss_application_load_project_finish  (GlossApplication    *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);
/* The first document of a big project, read before the rest
 * (gloss_project_load_preview ()); NULL when there is none. */
void              gloss_application_load_preview_async   (GlossApplication    *self,
                                                          GFile               *file,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GlossProject     *gloss_application_load_preview_finish  (GlossApplication    *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

G_END_DECLS
