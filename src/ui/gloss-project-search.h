/* gloss-project-search.h — the search over every document of a project (Ctrl+Shift+F)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_PROJECT_SEARCH (gloss_project_search_get_type ())
G_DECLARE_FINAL_TYPE (GlossProjectSearch, gloss_project_search, GLOSS, PROJECT_SEARCH, GtkWidget)

GtkWidget  *gloss_project_search_new            (void);
void        gloss_project_search_set_project    (GlossProjectSearch *self,
                                                 GlossProject       *project);
/* Focuses the entry with its text selected, and refreshes the scopes. */
void        gloss_project_search_focus          (GlossProjectSearch *self);
void        gloss_project_search_set_text       (GlossProjectSearch *self,
                                                 const char         *text);

/* The results: a GListModel of rows, a document's row followed by its
 * matches' rows (GtkTreeListRow items). */
GListModel *gloss_project_search_get_rows       (GlossProjectSearch *self);
guint       gloss_project_search_get_n_matches  (GlossProjectSearch *self);
guint       gloss_project_search_get_n_documents (GlossProjectSearch *self);
gboolean    gloss_project_search_is_searching   (GlossProjectSearch *self);
/* The inline error (a broken regular expression), or NULL. */
const char *gloss_project_search_get_error      (GlossProjectSearch *self);

/* For the test report: the Tag All button, the list of results, the
 * palette the button opens. */
GtkWidget  *gloss_project_search_get_tag_button (GlossProjectSearch *self);
GtkWidget  *gloss_project_search_get_results_view (GlossProjectSearch *self);
GtkWidget  *gloss_project_search_get_palette    (GlossProjectSearch *self);
const char *gloss_project_search_get_text       (GlossProjectSearch *self);

/* The first @limit matches found (0: all), in order. */
GPtrArray  *gloss_project_search_dup_matches    (GlossProjectSearch *self,
                                                 guint               limit);
/* Tags @matches (GlossSearchMatch) as one undo step and emits "tagged". */
guint       gloss_project_search_tag            (GlossProjectSearch *self,
                                                 GPtrArray          *matches,
                                                 const char         *tag_id);

/* Signals:
 *  "match-activated" (GlossSearchMatch *, gboolean focus)  open its document
 *      and select the match; @focus: activated (Enter, double-click), so the
 *      article takes the keyboard, rather than clicked to look at
 *  "tagged" (guint count, const char *tag_id)  after Tag All Matches
 *  "finished" ()  every document has been searched
 *  "close" ()  Escape */

G_END_DECLS
