/* ann-reader.h — a small brat .ann reader for the tests, independent of the importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint start;
  guint end;
} AnnSpan;

typedef struct {
  char   *id;       /* "T1", "E1", "R1", "A1", "N1", "#1", "*" */
  char   *type;
  GArray *spans;    /* T: AnnSpan, as written; NULL for other lines */
  char  **args;     /* the tokens after the type (E, R, A, N, #, *) */
  char   *text;     /* T text, # text, N text; NULL when absent */
} AnnLine;

typedef enum {
  /* What Gloss's exporter must write: valid UTF-8, LF line ends, a final
   * LF, every line well formed, brat types one token without a slash.
   * Anything else fails the test. */
  ANN_READ_STRICT,
  /* A hand-written fixture with good and bad lines: a CR before the LF is
   * dropped, and T lines without a text or with unreadable spans, like
   * lines without a tab, are skipped. */
  ANN_READ_LENIENT,
} AnnReadMode;

/* The lines of @ann (AnnLine), in order. */
GPtrArray *ann_read      (const char  *ann,
                          AnnReadMode  mode);
/* The same for the file tests/fixtures/brat/@name. */
GPtrArray *ann_read_fixture (const char *name);
/* The line with @id, or NULL. */
AnnLine   *ann_find_line (GPtrArray   *lines,
                          const char  *id);

G_END_DECLS
