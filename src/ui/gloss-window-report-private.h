/* gloss-window-report-private.h — the test report's parts, shared by its files
 *
 * gloss-window-report.c writes the report (GLOSS_TEST_REPORT) with the
 * window's own state and where each code point is drawn;
 * gloss-window-report-chrome.c adds the dialogs, menus and toasts;
 * gloss-window-report-side.c the side pane and the palette.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "gloss-window-private.h"

G_BEGIN_DECLS

/* gloss-window-report.c: a rectangle as [x, y, width, height], in whole
 * pixels. */
void _gloss_report_add_rect      (JsonBuilder *builder,
                                  double       x,
                                  double       y,
                                  double       width,
                                  double       height);
/* The X window of @native as the member "xid", when it is on X11. */
void _gloss_report_add_xid       (JsonBuilder *builder,
                                  GtkNative   *native);

/* gloss-window-report-chrome.c */
void _gloss_window_report_chrome (GlossWindow *self,
                                  JsonBuilder *builder);

/* gloss-window-report-side.c */
void _gloss_window_report_side   (GlossWindow *self,
                                  JsonBuilder *builder);

G_END_DECLS
