/* gloss-compare-view.h — the differences between the open project and another version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_COMPARE_VIEW (gloss_compare_view_get_type ())
G_DECLARE_FINAL_TYPE (GlossCompareView, gloss_compare_view, GLOSS, COMPARE_VIEW, GtkWidget)

GtkWidget       *gloss_compare_view_new             (void);
/* Compares @mine (named @mine_name in the agreement table) with @theirs,
 * read from @theirs_file, and follows @mine's changes. All NULL: stops. */
void             gloss_compare_view_set_projects    (GlossCompareView *self,
                                                     GlossProject     *mine,
                                                     const char       *mine_name,
                                                     GlossProject     *theirs,
                                                     GFile            *theirs_file);
GlossProject    *gloss_compare_view_get_theirs      (GlossCompareView *self);
/* The comparison shown (it changes as the project does), or NULL. */
GlossComparison *gloss_compare_view_get_comparison  (GlossCompareView *self);
/* How many differences the list shows (not dismissed), and how many were
 * dismissed. */
guint            gloss_compare_view_get_n_shown     (GlossCompareView *self);
guint            gloss_compare_view_get_n_dismissed (GlossCompareView *self);
gboolean         gloss_compare_view_is_dismissed    (GlossCompareView      *self,
                                                     const GlossDifference *difference);

/* Signals:
 *  "difference-activated" (gpointer: const GlossDifference *) a row was
 *      activated: show it in the article.
 *  "refreshed" () the comparison was made again (or stopped).
 *  "close" () the close button or Escape. */

G_END_DECLS
