/* gloss-readable-private.h — what the extractor's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-page-private.h"

G_BEGIN_DECLS

typedef enum {
  STRIP_UNLIKELY      = 1 << 0,
  WEIGHT_CLASSES      = 1 << 1,
  CLEAN_CONDITIONALLY = 1 << 2,
} PassFlags;

#define MIN_PARAGRAPH_LENGTH 25
#define MIN_ARTICLE_LENGTH   500

/* Text statistics of a subtree, without what is left out. */
typedef struct {
  guint  text;        /* characters, white space runs counted once */
  double links;       /* characters inside links (in-page links count 0.3) */
  guint  commas;
  guint  paragraphs;
  guint  images;
  guint  inputs;
  guint  embeds;
  guint  headings;    /* characters inside headings */
  guint  list_items;  /* characters inside list items */
  guint  data_tables; /* tables of data kept (counted by the cleaner only) */
} Measures;

typedef struct {
  GumboOutput *page;
  PassFlags    flags;
  GHashTable  *dropped;     /* GumboNode* set */
  GHashTable  *measures;    /* GumboNode* → Measures* */
  GHashTable  *scores;      /* GumboNode* → double* */
  GPtrArray   *candidates;  /* scored nodes, in the order first scored */
  char        *byline;
  char        *title;       /* normalised */
  gboolean     title_dropped;
} Pass;

/* gloss-readable.c */
char           *_gloss_readable_match_string  (const GumboNode *node);
int             _gloss_readable_class_weight  (Pass            *pass,
                                               const GumboNode *node);
double          _gloss_readable_score         (Pass            *pass,
                                               GumboNode       *node);

/* gloss-readable-clean.c: measuring and cleaning */
void            _gloss_readable_measure_text  (const char      *text,
                                               Measures        *m);
void            _gloss_readable_add_measures  (Measures        *into,
                                               const Measures  *m);
/* Measures @node's subtree, storing each element's figures in the pass. */
Measures        _gloss_readable_measure       (Pass            *pass,
                                               GumboNode       *node);
const Measures *_gloss_readable_measures_of   (Pass            *pass,
                                               const GumboNode *node);
double          _gloss_readable_link_density  (const Measures  *m);
gboolean        _gloss_readable_is_heading    (GumboTag         tag);
/* Leaves out the junk in @node's subtree (post-order), returning what is left. */
Measures        _gloss_readable_clean         (Pass            *pass,
                                               GumboNode       *node,
                                               gboolean         in_data_table,
                                               gboolean         in_figure);

G_END_DECLS
