/* gloss-project.h — documents, tag set, relations and the one undo history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_PROJECT (gloss_project_get_type ())
G_DECLARE_FINAL_TYPE (GlossProject, gloss_project, GLOSS, PROJECT, GObject)

/* A project with the analyst's default tag set and relation types. */
GlossProject       *gloss_project_new                   (void);
/* A project with no tags and no relation types (loaders fill it). */
GlossProject       *gloss_project_new_empty             (void);

const char         *gloss_project_get_title             (GlossProject  *self);
GDateTime          *gloss_project_get_created           (GlossProject  *self);
void                gloss_project_set_created           (GlossProject  *self,
                                                         GDateTime     *created);
GDateTime          *gloss_project_get_modified          (GlossProject  *self);
void                gloss_project_set_modified          (GlossProject  *self,
                                                         GDateTime     *modified);

/* Who makes the new annotations and relations (gloss_project_annotate (),
 * gloss_project_link ()): the analyst's name, "" when unknown. Not saved
 * with the project; the window sets it from the preferences. Starts as
 * gloss_default_author (). */
const char         *gloss_project_get_author            (GlossProject  *self);
void                gloss_project_set_author            (GlossProject  *self,
                                                         const char    *author);
/* The account's real name, or "" when it has none (never the login). */
const char         *gloss_default_author                (void);

/* GListModel of GlossTag, in the project's order. */
GListModel         *gloss_project_get_tags              (GlossProject  *self);
/* GListModel of GlossDocument. */
GListModel         *gloss_project_get_documents         (GlossProject  *self);
/* GListModel of GlossRelation, in the order they were made. */
GListModel         *gloss_project_get_relations         (GlossProject  *self);
/* NULL-terminated, never NULL. */
const char * const *gloss_project_get_relation_types    (GlossProject  *self);
/* Whether @type is one of the project's relation types (an index: fast
 * with any number of them). */
gboolean            gloss_project_has_relation_type     (GlossProject  *self,
                                                         const char    *type);

GlossTag           *gloss_project_lookup_tag            (GlossProject  *self,
                                                         const char    *tag_id);
GlossTag           *gloss_project_lookup_tag_by_name    (GlossProject  *self,
                                                         const char    *name);
GlossTag           *gloss_project_lookup_tag_by_digit   (GlossProject  *self,
                                                         int            digit);
GlossDocument      *gloss_project_lookup_document       (GlossProject  *self,
                                                         const char    *document_id);
GlossAnnotation    *gloss_project_lookup_annotation     (GlossProject  *self,
                                                         const char    *annotation_id);
GlossRelation      *gloss_project_lookup_relation       (GlossProject  *self,
                                                         const char    *relation_id);
/* Relations from or to @annotation (borrowed refs). */
GPtrArray          *gloss_project_relations_of          (GlossProject  *self,
                                                         GlossAnnotation *annotation);
/* How many relations go from or to @annotation (an index: O(1)). */
guint               gloss_project_count_relations_of    (GlossProject  *self,
                                                         GlossAnnotation *annotation);
/* Whether a relation of @type goes from @annotation. */
gboolean            gloss_project_has_relation_from     (GlossProject  *self,
                                                         GlossAnnotation *annotation,
                                                         const char    *type);
guint               gloss_project_count_tag_uses        (GlossProject  *self,
                                                         GlossTag      *tag);

/* Raw construction, without undo: for loaders and importers filling a
 * project nobody edits yet. */
void                gloss_project_insert_tag            (GlossProject  *self,
                                                         GlossTag      *tag);
void                gloss_project_insert_document       (GlossProject  *self,
                                                         GlossDocument *document);
void                gloss_project_insert_relation       (GlossProject  *self,
                                                         GlossRelation *relation);
void                gloss_project_insert_relation_type  (GlossProject  *self,
                                                         const char    *type);
void                gloss_project_set_title_raw         (GlossProject  *self,
                                                         const char    *title);

/* ---- Edits: each one is recorded in the history and can be undone. ---- */

/* Groups the edits until the matching end into one undo step. Nests. */
void                gloss_project_begin_action          (GlossProject  *self,
                                                         const char    *label);
void                gloss_project_end_action            (GlossProject  *self);

void                gloss_project_set_title             (GlossProject  *self,
                                                         const char    *title);

/* Creates an annotation over [start, end) with @tag_id (nullable), the
 * current user as author and now as created time. Returns it (borrowed). */
GlossAnnotation    *gloss_project_annotate              (GlossProject  *self,
                                                         GlossDocument *document,
                                                         GlossOffset    start,
                                                         GlossOffset    end,
                                                         const char    *tag_id);
void                gloss_project_add_annotation        (GlossProject  *self,
                                                         GlossDocument *document,
                                                         GlossAnnotation *annotation);
/* Removes it and every relation from or to it. */
void                gloss_project_remove_annotation     (GlossProject  *self,
                                                         GlossAnnotation *annotation);
void                gloss_project_set_annotation_note   (GlossProject  *self,
                                                         GlossAnnotation *annotation,
                                                         const char    *note);
void                gloss_project_set_annotation_tags   (GlossProject  *self,
                                                         GlossAnnotation *annotation,
                                                         const char * const *tag_ids);
void                gloss_project_toggle_annotation_tag (GlossProject  *self,
                                                         GlossAnnotation *annotation,
                                                         const char    *tag_id);
/* @value NULL removes @key. */
void                gloss_project_set_annotation_attribute (GlossProject  *self,
                                                         GlossAnnotation *annotation,
                                                         const char    *key,
                                                         const char    *value);
/* Moves its bounds (clamped to the text, start < end) and refreshes the
 * quote; a moved or orphaned annotation the user adjusts becomes anchored. */
void                gloss_project_set_annotation_bounds (GlossProject  *self,
                                                         GlossAnnotation *annotation,
                                                         GlossOffset    start,
                                                         GlossOffset    end);
void                gloss_project_set_annotation_state  (GlossProject  *self,
                                                         GlossAnnotation *annotation,
                                                         GlossAnchorState state);

/* Settles a merge conflict (gloss-conflict.h) in favour of @annotation's
 * version: the other version, if there is one, is deleted (with its
 * relations) and the mark goes. One undoable step. */
void                gloss_project_keep_conflict_version (GlossProject *self,
                                                         GlossAnnotation *annotation);

GlossRelation      *gloss_project_link                  (GlossProject  *self,
                                                         GlossAnnotation *from,
                                                         GlossAnnotation *to,
                                                         const char    *type);
void                gloss_project_remove_relation       (GlossProject  *self,
                                                         GlossRelation *relation);
void                gloss_project_set_relation_type     (GlossProject  *self,
                                                         GlossRelation *relation,
                                                         const char    *type);
void                gloss_project_set_relation_note     (GlossProject  *self,
                                                         GlossRelation *relation,
                                                         const char    *note);
void                gloss_project_add_relation_type     (GlossProject  *self,
                                                         const char    *type);
void                gloss_project_remove_relation_type  (GlossProject  *self,
                                                         const char    *type);

/* @digit -1 for none; a digit already taken moves to the new tag. */
GlossTag           *gloss_project_create_tag            (GlossProject  *self,
                                                         const char    *name,
                                                         const char    *color,
                                                         int            digit);
/* Removes the tag from every annotation, then from the tag set. */
void                gloss_project_remove_tag            (GlossProject  *self,
                                                         GlossTag      *tag);
void                gloss_project_set_tag_name          (GlossProject  *self,
                                                         GlossTag      *tag,
                                                         const char    *name);
void                gloss_project_set_tag_color         (GlossProject  *self,
                                                         GlossTag      *tag,
                                                         const char    *color);
/* A digit already taken by another tag is taken from it. */
void                gloss_project_set_tag_digit         (GlossProject  *self,
                                                         GlossTag      *tag,
                                                         int            digit);
void                gloss_project_set_tag_description   (GlossProject  *self,
                                                         GlossTag      *tag,
                                                         const char    *description);
void                gloss_project_move_tag              (GlossProject  *self,
                                                         GlossTag      *tag,
                                                         guint          position);

void                gloss_project_add_document          (GlossProject  *self,
                                                         GlossDocument *document);
/* Removes it with its annotations and every relation touching them. */
void                gloss_project_remove_document       (GlossProject  *self,
                                                         GlossDocument *document);
void                gloss_project_set_document_title    (GlossProject  *self,
                                                         GlossDocument *document,
                                                         const char    *title);

typedef struct {
  guint anchored;
  guint moved;
  guint orphaned;
} GlossAnchorReport;

/* Replaces the text (a corrected article) and re-anchors every annotation
 * (gloss-anchor.h). Undoable as one step. @report may be NULL. */
void                gloss_project_replace_document_text (GlossProject  *self,
                                                         GlossDocument *document,
                                                         const char    *text,
                                                         GlossAnchorReport *report);

/* Gives @document the values of @provenance (copied), as one undoable
 * step; nothing happens when they are the same. Fails, changing nothing,
 * when a value is one the project file refuses
 * (gloss_provenance_check_value ()): the error names the field. */
gboolean            gloss_project_set_document_provenance (GlossProject     *self,
                                                         GlossDocument    *document,
                                                         GlossProvenance  *provenance,
                                                         GError          **error);

/**
 * GlossDuplicateKind:
 * @GLOSS_DUPLICATE_NONE: no document of the project is the same article
 * @GLOSS_DUPLICATE_URL: a document has the same canonical address
 * @GLOSS_DUPLICATE_FILE: a document was imported from the same bytes
 * @GLOSS_DUPLICATE_TEXT: a document has the same text
 */
typedef enum {
  GLOSS_DUPLICATE_NONE,
  GLOSS_DUPLICATE_URL,
  GLOSS_DUPLICATE_FILE,
  GLOSS_DUPLICATE_TEXT,
} GlossDuplicateKind;

/* The document of the project that @article (read, not yet added) is
 * another copy of, by the strongest reason in the order of
 * GlossDuplicateKind, or NULL. Borrowed. */
GlossDocument      *gloss_project_find_duplicate        (GlossProject       *self,
                                                         GlossDocument      *article,
                                                         GlossDuplicateKind *kind);
/* Takes @article's text into @document, re-anchoring every annotation as
 * gloss_project_replace_document_text () does, and its provenance; keeps
 * @document's id, title and annotations. One undoable step. */
void                gloss_project_replace_document      (GlossProject      *self,
                                                         GlossDocument     *document,
                                                         GlossDocument     *article,
                                                         GlossAnchorReport *report);

/* ---- Reading from another thread ----
 *
 * Call gloss_project_begin_read () on the main thread before handing the
 * project to a worker that only reads it (gloss_project_serialize () in an
 * autosave); the worker calls gloss_project_end_read () when done, from
 * any thread. Until then every edit waits, so the worker sees one state.
 * Holds a reference meanwhile. */
void                gloss_project_begin_read            (GlossProject  *self);
void                gloss_project_end_read              (GlossProject  *self);

/* ---- History ---- */
gboolean            gloss_project_can_undo              (GlossProject  *self);
gboolean            gloss_project_can_redo              (GlossProject  *self);
/* Labels of the step undo/redo would take, or NULL. */
const char         *gloss_project_get_undo_label        (GlossProject  *self);
const char         *gloss_project_get_redo_label        (GlossProject  *self);
gboolean            gloss_project_undo                  (GlossProject  *self);
gboolean            gloss_project_redo                  (GlossProject  *self);

/* TRUE when the project differs from what was last saved or loaded. */
gboolean            gloss_project_get_dirty             (GlossProject  *self);
/* Only part of a file: a preview (gloss-project-preview.h), shown while
 * the whole loads. It cannot be saved. */
gboolean            gloss_project_is_partial            (GlossProject  *self);
void                gloss_project_mark_saved            (GlossProject  *self);
/* Counts every change, undo and redo; an autosave remembers the value it
 * wrote to know whether it is still current. */
guint64             gloss_project_get_generation        (GlossProject  *self);

/* Signals:
 *  "changed" ()   after every edit, undo or redo.
 *  notify::dirty, notify::can-undo, notify::can-redo, notify::title. */

G_END_DECLS
