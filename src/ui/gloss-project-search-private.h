/* gloss-project-search-private.h — the project search's state, shared by its files
 *
 * gloss-project-search.c runs the search and shows its results;
 * gloss-project-search-scopes.c fills the scope drop-down (everywhere,
 * outside annotations, in a tag, by an author, with an attribute) from
 * what the project holds now.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-project-search.h"
#include "gloss-tag-palette.h"

G_BEGIN_DECLS

/* One entry of the scope drop-down: what it narrows the search to. */
typedef struct {
  GlossSearchScope scope;
  char            *value;
} ScopeChoice;

struct _GlossProjectSearch
{
  GtkWidget           parent_instance;

  GlossProject       *project;
  GlossSearchRun     *run;
  GCancellable       *cancellable;
  GListStore         *rows;        /* GlossSearchGroup, then its GlossSearchMatch */
  GtkMultiSelection  *selection;
  guint               n_documents;
  GArray             *scopes;      /* ScopeChoice, parallel to the dropdown */
  GlossTagPalette    *palette;
  char               *error;
  guint               n_matches;
  gboolean            searching;

  /* Template children */
  GtkSearchEntry     *entry;
  GtkToggleButton    *exact_toggle;
  GtkToggleButton    *words_toggle;
  GtkToggleButton    *regex_toggle;
  GtkDropDown        *scope_dropdown;
  GtkLabel           *error_label;
  GtkLabel           *status_label;
  GtkMenuButton      *tag_button;
  GtkStack           *results_stack;
  GtkListView        *results_view;
};


/* gloss-project-search-scopes.c */
/* An empty list of ScopeChoice, for self->scopes. */
GArray *_gloss_project_search_new_scopes     (void);
/* Everywhere, outside annotations, then each tag, author and attribute
 * the project has now; keeps the choice made if it is still there. */
void    _gloss_project_search_rebuild_scopes (GlossProjectSearch *self);

G_END_DECLS
