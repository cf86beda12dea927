/* gloss-inspector-private.h — what GlossInspector's sections share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-inspector.h"

G_BEGIN_DECLS

struct _GlossInspector
{
  GtkWidget        parent_instance;

  GlossProject    *project;
  GlossAnnotation *annotation;
  GlossDocument   *document;       /* whose "annotation-changed" we follow */

  char            *tags_key;
  char            *attributes_key;
  char            *relations_key;
  gboolean         updating;

  /* template */
  GtkStack        *stack;
  GtkScrolledWindow *scroller;
  GtkLabel        *quote_label;
  GtkWidget       *state_box;
  GtkWidget       *conflict_box;
  GtkLabel        *state_label;
  GtkFlowBox      *tags_box;
  GtkTextView     *note_view;
  GtkListBox      *relations_list;
  GtkWidget       *no_relations_label;
  GtkListBox      *attributes_list;
  GtkEntry        *attribute_key_entry;
  GtkEntry        *attribute_value_entry;
  GtkLabel        *bounds_label;
  GtkLabel        *meta_label;
};

/* Whether there is an annotation in a document to edit. */
gboolean _gloss_inspector_is_editable           (GlossInspector *self);

/* Each rebuilds its section only when what it shows has changed. */
void     _gloss_inspector_refresh_tags          (GlossInspector *self);
void     _gloss_inspector_refresh_attributes    (GlossInspector *self);
void     _gloss_inspector_refresh_relations     (GlossInspector *self);

/* Actions and key bindings of each section. */
void     _gloss_inspector_class_init_tags       (GtkWidgetClass *widget_class);
void     _gloss_inspector_class_init_attributes (GtkWidgetClass *widget_class);
void     _gloss_inspector_class_init_bounds     (GtkWidgetClass *widget_class);
void     _gloss_inspector_init_attributes       (GlossInspector *self);

G_END_DECLS
