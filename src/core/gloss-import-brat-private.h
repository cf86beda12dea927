/* gloss-import-brat-private.h — what the brat importer's line reader, span placing and import share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gloss-import-brat-lines.c reads the .ann into BratLines;
 * gloss-import-brat-spans.c turns T lines into annotations;
 * gloss-import-brat.c resolves the references between lines and runs the
 * import (its top comment says how each kind of line lands in the model).
 */
#pragma once

#include "gloss-anchor.h"
#include "gloss-annotation.h"
#include "gloss-brat-offsets.h"
#include "gloss-document.h"
#include "gloss-import-private.h"
#include "gloss-project.h"
#include "gloss-relation.h"
#include "gloss-tag.h"

G_BEGIN_DECLS

typedef enum {
  LINE_TEXT,        /* T */
  LINE_EVENT,       /* E */
  LINE_RELATION,    /* R */
  LINE_ATTRIBUTE,   /* A, M */
  LINE_NORM,        /* N */
  LINE_NOTE,        /* # */
  LINE_EQUIV,       /* * */
} LineKind;

typedef struct {
  guint start;
  guint end;
} Span;

typedef struct {
  char            *role;
  GlossAnnotation *annotation;
} Argument;

typedef struct _BratLine BratLine;
struct _BratLine {
  LineKind         kind;
  guint            number;      /* 1-based line in the .ann */
  char            *id;          /* NULL for '*' */
  char            *type;
  char            *target;      /* E trigger; A, N, # target */
  char            *value;       /* A value (NULL: binary); N "db:id" */
  char            *text;        /* T text, # note, N text; NULL if absent */
  GArray          *spans;       /* T: Span, as written */
  GPtrArray       *roles;       /* E, R: role names; parallel to args */
  GPtrArray       *args;        /* E, R, *: referenced ids */

  /* What the line became. */
  GlossAnnotation *annotation;  /* T: its annotation; E: the event's */
  gboolean         carries_event; /* T: its annotation carries an event */
  GArray          *resolved;    /* E, *: Argument */
  char            *relation_note; /* R: from # lines */
  guint            n_relation_notes;
};

typedef struct {
  GlossProject      *project;
  GlossDocument     *document;
  GlossImportReport *report;
  char              *ann_name;
  GPtrArray         *lines;       /* BratLine */
  GHashTable        *by_id;       /* id → BratLine */
  GHashTable        *tag_ids;     /* brat type → tag id */
  GPtrArray         *annotations; /* made, not yet in the document */
  GDateTime         *now;
  GlossOffset        length;

  /* How brat offsets map to Gloss offsets. */
  gboolean           universal_newlines;
  guint              bom_shift;
  GlossBratOffsets  *crlfs;

  GlossAnchorText   *anchor_text; /* made on the first mismatch */
  GArray            *messages;    /* Message */
  guint              palette_next;
  guint              notes, attributes, relations, events;
} BratImport;

/* ---- gloss-import-brat-lines.c ---- */

/* Reads every line of @ann_text into self->lines and self->by_id;
 * reports the lines it cannot read. */
void             _gloss_brat_read_lines              (BratImport *self,
                                                      const char *ann_text);
void             _gloss_brat_line_free               (gpointer    data);
/* "T", "E", … as brat writes the kind. */
const char      *_gloss_brat_kind_name               (LineKind    kind);
/* Messages wait in self->messages so that the report lists them in line
 * order, though the lines are read in several passes. */
GArray          *_gloss_brat_messages_new            (void);
void             _gloss_brat_report_line             (BratImport *self,
                                                      guint       number,
                                                      const char *format,
                                                      ...) G_GNUC_PRINTF (3, 4);
void             _gloss_brat_flush_messages          (BratImport *self);

/* ---- gloss-import-brat-spans.c ---- */

/* Fills self->tag_ids with the project's tags by name, so that looking a
 * type up never walks the tags. */
void             _gloss_brat_remember_project_tags   (BratImport *self);
/* Picks the reading of brat's offsets (CRLF as one or two, BOM counted or
 * not) under which most T lines' texts match their spans. */
void             _gloss_brat_choose_offset_reading   (BratImport *self,
                                                      gboolean    had_bom);
/* An annotation over [start, end) tagged with brat type @type. */
GlossAnnotation *_gloss_brat_new_annotation          (BratImport *self,
                                                      guint       start,
                                                      guint       end,
                                                      const char *type);
/* A T line's annotation, re-anchored or orphaned (reported) when its text
 * is not at its offsets. */
void             _gloss_brat_import_text_bound       (BratImport *self,
                                                      BratLine   *line);

G_END_DECLS
