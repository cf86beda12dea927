/* gloss-search-group.h — one document's matches in the project search's results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SEARCH_GROUP (gloss_search_group_get_type ())
G_DECLARE_FINAL_TYPE (GlossSearchGroup, gloss_search_group, GLOSS, SEARCH_GROUP, GObject)

/* @matches: the GlossSearchMatch found in @document, in order. */
GlossSearchGroup *gloss_search_group_new          (GlossDocument    *document,
                                                   GPtrArray        *matches);
GlossDocument    *gloss_search_group_get_document (GlossSearchGroup *self);
/* A GListModel of GlossSearchMatch. */
GListModel       *gloss_search_group_get_matches  (GlossSearchGroup *self);

G_END_DECLS
