/* gloss-article-view.h — the article: a read-only text view with highlights
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ARTICLE_VIEW (gloss_article_view_get_type ())
G_DECLARE_FINAL_TYPE (GlossArticleView, gloss_article_view, GLOSS, ARTICLE_VIEW, GtkTextView)

GtkWidget     *gloss_article_view_new              (void);
void           gloss_article_view_set_document     (GlossArticleView *self,
                                                    GlossProject     *project,
                                                    GlossDocument    *document);
GlossDocument *gloss_article_view_get_document     (GlossArticleView *self);

/* The annotation drawn outlined, and those related to it emphasized. */
void           gloss_article_view_set_selected     (GlossArticleView *self,
                                                    GlossAnnotation  *annotation);
void           gloss_article_view_scroll_to        (GlossArticleView *self,
                                                    GlossOffset       start,
                                                    GlossOffset       end);
/* TRUE when text is selected; the bounds in code points. */
gboolean       gloss_article_view_get_selection    (GlossArticleView *self,
                                                    GlossOffset      *start,
                                                    GlossOffset      *end);
void           gloss_article_view_clear_selection  (GlossArticleView *self);
/* Selects [start, end) and scrolls to it, without the tag palette. */
void           gloss_article_view_select_range     (GlossArticleView *self,
                                                    GlossOffset       start,
                                                    GlossOffset       end);
/* Where the caret is (for Alt+Down from the caret). */
GlossOffset    gloss_article_view_get_caret        (GlossArticleView *self);
void           gloss_article_view_set_caret        (GlossArticleView *self,
                                                    GlossOffset       offset);

/* Find: marks every match and returns how many there are. */
guint          gloss_article_view_find             (GlossArticleView *self,
                                                    const char       *needle);
/* Moves to the next (or previous) match from the caret; its index (1-based) or 0. */
guint          gloss_article_view_find_next        (GlossArticleView *self,
                                                    gboolean          forward);

/* Where a code point is drawn, in @self's coordinates. */
gboolean       gloss_article_view_get_offset_rect  (GlossArticleView *self,
                                                    GlossOffset       offset,
                                                    graphene_rect_t  *rect);
/* The visible range of offsets. */
void           gloss_article_view_get_visible_range (GlossArticleView *self,
                                                    GlossOffset      *start,
                                                    GlossOffset      *end);
gboolean       gloss_article_view_get_palette_visible (GlossArticleView *self);
/* How many annotations the overlap chooser lists; 0 when it is closed. */
guint          gloss_article_view_get_chooser_size (GlossArticleView *self);

/* Where the open project differs from a version compared with it. */
typedef struct {
  GlossDocument       *document;   /* compared by address only */
  GlossOffset          start;
  GlossOffset          end;
  GlossDifferenceKind  kind;
} GlossArticleMark;

/* Outlines the marks (GlossArticleMark, taken; NULL: none) that fall on
 * the shown document, dashed, in their kind's colour. */
void           gloss_article_view_set_marks        (GlossArticleView *self,
                                                    GArray           *marks);

/* Signals:
 *  "annotate" (guint start, guint end, const char *tag_id)  a digit or a palette click
 *  "annotation-activated" (GlossAnnotation *)  a click on a highlight (or a choice
 *                                              among overlapping ones)
 *  "deselect" ()  a click on plain text, or Escape */

G_END_DECLS
