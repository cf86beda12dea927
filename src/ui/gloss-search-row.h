/* gloss-search-row.h — one row of the project search's results, drawn by itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SEARCH_ROW (gloss_search_row_get_type ())
G_DECLARE_FINAL_TYPE (GlossSearchRow, gloss_search_row, GLOSS, SEARCH_ROW, GtkWidget)

GtkWidget *gloss_search_row_new        (void);
/* A document's heading (its title and how many matches it has), or a
 * match in context (the words before, the match, the words after). */
void              gloss_search_row_set_heading (GlossSearchRow   *self,
                                                const char       *title,
                                                guint             n_matches);
void              gloss_search_row_set_match   (GlossSearchRow   *self,
                                                GlossSearchMatch *match);
/* The match shown, or NULL for a heading. */
GlossSearchMatch *gloss_search_row_get_match   (GlossSearchRow   *self);

G_END_DECLS
