/* gloss-annotation-list-private.h — the annotation list's state, shared by its files
 *
 * gloss-annotation-list.c shows the current document's annotations and
 * keeps the selection; gloss-annotation-list-filter.c narrows them by
 * tag, text and links.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-annotation-list.h"

G_BEGIN_DECLS

struct _GlossAnnotationList
{
  GtkWidget           parent_instance;

  GlossProject       *project;
  GlossDocument      *document;
  GlossAnnotation    *selected;

  GtkFilterListModel *filter_model;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  GListStore         *tag_choices;   /* [ "All tags" store, project's tags ] */
  GListStore         *all_tags_item;
  GPtrArray          *bound_rows;    /* the few rows GtkListView has bound */

  char               *tag_id;        /* filter, or NULL */
  char               *needle;        /* case-folded filter text, or NULL */
  char               *needle_source;
  GlossRelationFilter relation_filter;
  guint               refilter_id;
  guint               rescroll_id;
  double              page_size;     /* the list's height when last seen */
  gboolean            syncing;

  /* template */
  GtkWidget          *filter_box;
  GtkDropDown        *tag_dropdown;
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *relation_button;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkLabel           *count_label;
};

/* gloss-annotation-list.c: the stack's page and the count under the list. */
void     _gloss_annotation_list_update_state     (GlossAnnotationList *self);

/* gloss-annotation-list-filter.c */
/* Makes the tag drop-down and follows it and the search entry. */
void     _gloss_annotation_list_init_filter      (GlossAnnotationList *self);
gboolean _gloss_annotation_list_filter_is_active (GlossAnnotationList *self);
/* After the filter's settings changed: applies them now. */
void     _gloss_annotation_list_apply_filter     (GlossAnnotationList *self);
/* After an annotation or a relation changed: refilters once, at idle. */
void     _gloss_annotation_list_queue_refilter   (GlossAnnotationList *self);

G_END_DECLS
