/* gloss-search.h — finding text across every document of a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/**
 * GlossSearchFlags:
 * @GLOSS_SEARCH_DEFAULT: plain text, ignoring case and diacritics
 * @GLOSS_SEARCH_EXACT: case and diacritics must match
 * @GLOSS_SEARCH_WHOLE_WORDS: a match neither starts nor ends inside a word
 * @GLOSS_SEARCH_REGEX: the pattern is a regular expression (GRegex); without
 *   @GLOSS_SEARCH_EXACT it ignores case (not diacritics)
 */
typedef enum {
  GLOSS_SEARCH_DEFAULT     = 0,
  GLOSS_SEARCH_EXACT       = 1 << 0,
  GLOSS_SEARCH_WHOLE_WORDS = 1 << 1,
  GLOSS_SEARCH_REGEX       = 1 << 2,
} GlossSearchFlags;

/**
 * GlossSearchScope:
 * @GLOSS_SEARCH_SCOPE_EVERYWHERE: all of the text
 * @GLOSS_SEARCH_SCOPE_TAG: inside an annotation with the tag (value: tag id)
 * @GLOSS_SEARCH_SCOPE_ATTRIBUTE: inside an annotation with the attribute
 *   (value: "key", or "key=value" for that value only)
 * @GLOSS_SEARCH_SCOPE_AUTHOR: inside an annotation by the author (value)
 * @GLOSS_SEARCH_SCOPE_UNANNOTATED: text no annotation touches
 */
typedef enum {
  GLOSS_SEARCH_SCOPE_EVERYWHERE,
  GLOSS_SEARCH_SCOPE_TAG,
  GLOSS_SEARCH_SCOPE_ATTRIBUTE,
  GLOSS_SEARCH_SCOPE_AUTHOR,
  GLOSS_SEARCH_SCOPE_UNANNOTATED,
} GlossSearchScope;

/* ---- One match ---- */

#define GLOSS_TYPE_SEARCH_MATCH (gloss_search_match_get_type ())
G_DECLARE_FINAL_TYPE (GlossSearchMatch, gloss_search_match, GLOSS, SEARCH_MATCH, GObject)

GlossDocument *gloss_search_match_get_document (GlossSearchMatch *self);
/* Code points into the document's text; end exclusive. */
GlossOffset    gloss_search_match_get_start    (GlossSearchMatch *self);
GlossOffset    gloss_search_match_get_end      (GlossSearchMatch *self);
/* Keyword in context, each on one line (line breaks and tabs become
 * spaces): a few words before, the matched text, a few words after.
 * Made when first asked for, from the document's text at that moment. */
const char    *gloss_search_match_get_before   (GlossSearchMatch *self);
const char    *gloss_search_match_get_text     (GlossSearchMatch *self);
const char    *gloss_search_match_get_after    (GlossSearchMatch *self);

/* ---- A compiled query ---- */

typedef struct _GlossSearch GlossSearch;

#define GLOSS_TYPE_SEARCH (gloss_search_get_type ())
GType          gloss_search_get_type           (void) G_GNUC_CONST;

/* NULL with a GLOSS_ERROR_INVALID error when @pattern is empty or is not
 * a valid regular expression (the message gives the position). */
GlossSearch   *gloss_search_new                (const char       *pattern,
                                                GlossSearchFlags  flags,
                                                GError          **error);
GlossSearch   *gloss_search_ref                (GlossSearch      *self);
void           gloss_search_unref              (GlossSearch      *self);
/* @value as GlossSearchScope says; NULL for EVERYWHERE and UNANNOTATED. */
void           gloss_search_set_scope          (GlossSearch      *self,
                                                GlossSearchScope  scope,
                                                const char       *value);
const char    *gloss_search_get_pattern        (GlossSearch      *self);
GlossSearchFlags gloss_search_get_flags        (GlossSearch      *self);

/* Matches in @document, in text order, at most @limit (0: no limit).
 * Returns a GPtrArray of GlossSearchMatch (owning). */
GPtrArray     *gloss_search_document           (GlossSearch      *self,
                                                GlossDocument    *document,
                                                guint             limit);
/* Matches in every document, in the project's order. */
GPtrArray     *gloss_search_project            (GlossSearch      *self,
                                                GlossProject     *project);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossSearch, gloss_search_unref)

/* ---- Searching a project a slice at a time, on the main loop ---- */

#define GLOSS_TYPE_SEARCH_RUN (gloss_search_run_get_type ())
G_DECLARE_FINAL_TYPE (GlossSearchRun, gloss_search_run, GLOSS, SEARCH_RUN, GObject)

/* Searches the documents @project has now, in order, in slices of about
 * @slice_usec of main-loop time, so a window stays responsive. Emits
 * "matches" (GlossDocument *document, GPtrArray *matches) once per
 * document that has any, then "finished" (). Stops for good when
 * @cancellable is cancelled or the run is disposed. */
GlossSearchRun *gloss_search_run_new           (GlossSearch      *search,
                                                GlossProject     *project,
                                                gint64            slice_usec,
                                                GCancellable     *cancellable);
void           gloss_search_run_start          (GlossSearchRun   *self);
gboolean       gloss_search_run_is_finished    (GlossSearchRun   *self);
guint          gloss_search_run_get_n_matches  (GlossSearchRun   *self);

/* ---- Tagging matches ---- */

/* Tags every match of @matches (GlossSearchMatch) with @tag_id as one
 * undo step: an annotation already on exactly the match's span gets the
 * tag (unless it has it), otherwise a new annotation is made. Returns how
 * many matches were tagged; those that already had the tag are skipped. */
guint          gloss_project_tag_matches       (GlossProject     *project,
                                                GPtrArray        *matches,
                                                const char       *tag_id);

G_END_DECLS
