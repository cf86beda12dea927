/* gloss-annotation-row-private.h — what the row's content and its drawing share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-annotation-row.h"

G_BEGIN_DECLS

typedef enum {
  BADGE_NONE,
  BADGE_MOVED,
  BADGE_ORPHANED,
  BADGE_CONFLICT_OURS,
  BADGE_CONFLICT_THEIRS,
} Badge;

typedef struct {
  GlossTag    *tag;     /* NULL when the project does not know the id */
  char        *name;
  GdkRGBA      rgba;
  PangoLayout *layout;  /* the name, made when first drawn */
} Chip;

struct _GlossAnnotationRow
{
  GtkWidget        parent_instance;

  GlossProject    *project;
  GlossAnnotation *annotation;
  gboolean         show_document;

  /* What the row shows. */
  GArray          *chips;          /* of Chip */
  char            *tags_key;       /* the tag ids the chips show, to skip rebuilding */
  Badge            badge;
  char            *quote;
  char            *note;
  char            *document_title;
  guint            n_relations;     /* the link badge's count */
  guint            n_attributes;    /* the attribute marker's */

  /* Layouts, made on demand and dropped when the style changes. */
  int              quote_columns;   /* the quote's length, wide characters counting twice */
  PangoLayout     *quote_layout;
  int              quote_layout_width;
  int              quote_lines_width;  /* the width quote_lines was found for, or -1 */
  int              quote_lines;
  PangoLayout     *note_layout;
  PangoLayout     *document_layout;
  PangoLayout     *badge_layout;
  PangoLayout     *no_tag_layout;
  PangoLayout     *relations_layout;
};

/* Frees what @chip holds (the chips array's clear function). */
void        _gloss_annotation_row_clear_chip         (Chip               *chip);
/* Forgets every layout (the text or the style changed). */
void        _gloss_annotation_row_drop_layouts       (GlossAnnotationRow *self);
/* "Moved", "Orphaned", or NULL. */
const char *_gloss_annotation_row_badge_text         (Badge               badge);
/* The columns @text takes, wide characters counting twice. */
int         _gloss_annotation_row_count_columns      (const char         *text);
gboolean    _gloss_annotation_row_has_note           (GlossAnnotationRow *self);
gboolean    _gloss_annotation_row_has_document       (GlossAnnotationRow *self);
/* "2 links, 1 attribute" for the accessible label and the tooltip, or NULL. */
char       *_gloss_annotation_row_describe_markers   (GlossAnnotationRow *self);
/* The size, snapshot and style vfuncs. */
void        _gloss_annotation_row_class_init_drawing (GtkWidgetClass     *widget_class);

G_END_DECLS
