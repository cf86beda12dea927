/* gloss-import-web-private.h — web annotations (W3C, Hypothesis) on their
 * way into a project
 *
 * Each reader (gloss-import-w3c.c, gloss-import-hypothesis.c) turns its
 * format into WebAnnotations; gloss-import-web.c matches them to the
 * project's documents, anchors them and adds them as one undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "gloss-anchor.h"
#include "gloss-import-private.h"

G_BEGIN_DECLS

typedef enum {
  WEB_ANNOTATION_SPAN,     /* highlights text */
  WEB_ANNOTATION_LINK,     /* links two annotations: a relation */
  WEB_ANNOTATION_REPLY,    /* answers another: goes into its note */
} WebAnnotationKind;

typedef struct {
  WebAnnotationKind kind;
  char       *id;            /* nullable: as the file names it */
  char       *source;        /* nullable: the annotated document */
  char       *source_title;  /* nullable: its title, when the file says */

  /* SPAN: the selectors Gloss uses (RangeSelector and XPath are not:
   * the quote finds the place better in a copy of the page). */
  char       *exact;         /* nullable */
  char       *prefix;        /* nullable */
  char       *suffix;        /* nullable */
  gboolean    has_position;
  gint64      start;         /* code points or UTF-16 code units: which */
  gint64      end;           /* one is told by the quote */

  GPtrArray  *tags;          /* char* names */
  GPtrArray  *attributes;    /* char*: key, value, key, value… */
  char       *note;          /* nullable */
  char       *creator;       /* nullable */
  GDateTime  *created;       /* nullable */
  GDateTime  *modified;      /* nullable */

  /* LINK: from → to (ids as the file names them), with its type;
   * REPLY: reply_to is the annotation answered. */
  char       *link_from;
  char       *link_to;
  char       *link_type;     /* nullable: "linked" */
  char       *reply_to;
} WebAnnotation;

WebAnnotation *_gloss_web_annotation_new  (WebAnnotationKind kind);
void           _gloss_web_annotation_free (WebAnnotation    *annotation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WebAnnotation, _gloss_web_annotation_free)

/* Reads @target's TextQuoteSelector and TextPositionSelector (the first
 * of each) into @web; other selectors are passed over. */
void     _gloss_web_annotation_read_selectors (WebAnnotation *web,
                                               JsonObject    *target);

/* Where @web goes in @document (gloss-import-web-place.c); the state says
 * how it got there: anchored when its positions (code points or UTF-16)
 * hold its quote, or when its quote stands there as it is with the context
 * it gives, or is the only occurrence of a quote given without context
 * (positions counted on another copy of the page, menus and all, mean
 * nothing here); moved when the place was found otherwise; orphaned when
 * none was (a page note, without selectors, too). *@anchor_text is built
 * on first need and reused for the document's other annotations. */
GlossAnchorState _gloss_web_annotation_place (WebAnnotation    *web,
                                              GlossDocument    *document,
                                              GlossAnchorText **anchor_text,
                                              GlossOffset      *out_start,
                                              GlossOffset      *out_end);

/* What a reader recognised: TRUE with the annotations (maybe none) added
 * to @out, or FALSE when @root is not its format at all. Problems with
 * single annotations go to @report as "FILE: what". */
gboolean _gloss_import_w3c_read        (JsonNode          *root,
                                        const char        *display_name,
                                        GPtrArray         *out,
                                        GlossImportReport *report);
gboolean _gloss_import_hypothesis_read (JsonNode          *root,
                                        const char        *display_name,
                                        GPtrArray         *out,
                                        GlossImportReport *report);

/* Whether @root looks like Hypothesis JSON rather than W3C. */
gboolean _gloss_import_hypothesis_recognise (JsonNode     *root);

G_END_DECLS
