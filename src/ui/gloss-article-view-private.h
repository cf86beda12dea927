/* gloss-article-view-private.h — the article view's state, shared by its files
 *
 * gloss-article-view.c keeps the highlights in step with the document,
 * gloss-article-view-draw.c draws what tags cannot (stacked underlines,
 * outlines, note markers), gloss-article-view-input.c handles the mouse,
 * the keys, the palette and the tooltips, gloss-article-view-find.c marks
 * and steps through the find bar's matches.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-article-view.h"

G_BEGIN_DECLS

/* What the view last knew about each annotation, in document order, so that
 * a removal (which only says "position p went away") tells which text to
 * refresh. */
typedef struct {
  GlossAnnotation *annotation;  /* owned */
  GlossOffset      start;
  GlossOffset      end;
} Known;

struct _GlossArticleView
{
  GtkTextView      parent_instance;

  GlossProject    *project;
  GlossDocument   *document;
  GArray          *known;         /* of Known */
  GHashTable      *text_tags;     /* tag id → GtkTextTag (borrowed from the table) */
  GtkTextTag      *untagged_tag;
  GtkTextTag      *match_tag;
  GtkTextTag      *headline_tag;

  GlossAnnotation *selected;
  GHashTable      *related;       /* GlossAnnotation* set */

  /* Pending refresh of [dirty_start, dirty_end) */
  guint            refresh_id;
  GlossOffset      dirty_start;
  GlossOffset      dirty_end;

  /* Highlights past the first screen, applied after the first frame */
  guint            progress_id;
  GlossOffset      progress_offset;

  GtkWidget       *palette;
  GtkWidget       *chooser;       /* popover listing overlapping annotations */
  GPtrArray       *chooser_annotations;  /* GlossAnnotation, one a chooser row, in order */
  guint            palette_id;

  double           pointer_x;
  double           pointer_y;
  double           press_x;
  double           press_y;
  guint32          last_press_time;
  GlossOffset      paragraph_offset;
  GlossOffset      press_hit;     /* the character under the press */
  GlossOffset      move_before;   /* the cursor and bound before a key moved them */
  GlossOffset      move_anchor;
  guint            n_press;
  guint            pressed : 1;
  guint            press_alt : 1;
  guint            press_trailing : 1;
  guint            press_inside : 1;
  guint            programmatic_selection : 1;

  char            *needle;
  GArray          *marks;         /* GlossArticleMark, or NULL */

  /* What the accessible description last said (gloss-article-accessible.c) */
  char            *described;     /* the caret's description, or NULL */
  GlossOffset      described_caret;  /* where the caret was; G_MAXUINT: nowhere yet */
};

enum {
  ARTICLE_VIEW_ANNOTATE,
  ARTICLE_VIEW_ANNOTATION_ACTIVATED,
  ARTICLE_VIEW_DESELECT,
  ARTICLE_VIEW_N_SIGNALS
};

extern guint _gloss_article_view_signals[ARTICLE_VIEW_N_SIGNALS];

/* gloss-article-view.c */
void     _gloss_article_view_get_iter       (GlossArticleView *self,
                                             GtkTextIter      *iter,
                                             GlossOffset       offset);
void     _gloss_article_view_tag_rgba       (GlossTag         *tag,
                                             GdkRGBA          *rgba);
gboolean _gloss_article_view_is_dark        (void);

/* gloss-article-view-runs.c: calls @func once per run of [start, end)
 * on screen (one per display line, or several in mixed-direction lines),
 * with its rectangle in buffer coordinates; @last for the run where the
 * range ends, @end_at_left when it ends in right-to-left text. */
typedef void (*GlossRunFunc) (const graphene_rect_t *rect,
                              gboolean               first,
                              gboolean               last,
                              gboolean               end_at_left,
                              gpointer               user_data);
void     _gloss_article_view_foreach_run    (GlossArticleView *self,
                                             GlossOffset       start,
                                             GlossOffset       end,
                                             GlossRunFunc      func,
                                             gpointer          user_data);

/* gloss-article-view-draw.c */
/* Darkens (light style) or lightens (dark style) @rgba until it stands
 * 3:1 against the article's page. */
void     _gloss_article_view_contrast_rgba  (GdkRGBA          *rgba);
void     _gloss_article_view_visible_iters  (GlossArticleView *self,
                                             GtkTextIter      *start,
                                             GtkTextIter      *end);
void     _gloss_article_view_snapshot_layer (GtkTextView      *view,
                                             GtkTextViewLayer  layer,
                                             GtkSnapshot      *snapshot);

/* gloss-article-view-input.c */
void     _gloss_article_view_init_input     (GlossArticleView *self);
gboolean _gloss_article_view_query_tooltip  (GtkWidget        *widget,
                                             int               x,
                                             int               y,
                                             gboolean          keyboard,
                                             GtkTooltip       *tooltip);

/* gloss-article-accessible.c */
void     _gloss_article_view_init_accessible     (GlossArticleView *self);
/* After the document changed: the name, and the caret's description. */
void     _gloss_article_view_document_accessible (GlossArticleView *self);
void     _gloss_article_view_update_description  (GlossArticleView *self);
/* gloss-article-view-snap.c */
void     _gloss_article_view_init_snap      (GlossArticleView *self);
/* The character under (@x, @y), whether past its middle, and whether the
 * point is on it at all (not past a line's end or in a margin). */
void     _gloss_article_view_pointer_hit    (GlossArticleView *self,
                                             double            x,
                                             double            y,
                                             GlossOffset      *hit,
                                             gboolean         *trailing,
                                             gboolean         *inside);
/* Snaps the selection a drag released at (@x, @y) has made. */
void     _gloss_article_view_snap_drag      (GlossArticleView *self,
                                             double            x,
                                             double            y);

G_END_DECLS
