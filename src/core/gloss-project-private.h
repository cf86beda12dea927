/* gloss-project-private.h — what the edits may reach inside a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-annotation-private.h"
#include "gloss-edit-private.h"
#include "gloss-history.h"
#include "gloss-json-writer.h"
#include "gloss-project.h"

G_BEGIN_DECLS

GlossHistory *_gloss_project_get_history      (GlossProject  *self);
/* The one door to the model: once no worker reads the project, applies
 * @edit, records it in the history and announces the change. */
void          _gloss_project_do               (GlossProject  *self,
                                               GlossEdit     *edit,
                                               const char    *label);

/* An annotation's fields become @after (taken), unless nothing changes.
 * @mergeable: typing, one step of the history with the next such edit. */
void          _gloss_project_change_annotation (GlossProject            *self,
                                                GlossAnnotation         *annotation,
                                                GlossAnnotationSnapshot *after,
                                                gboolean                 mergeable,
                                                const char              *label);
void          _gloss_project_remove_relation_at (GlossProject  *self,
                                                 GlossRelation *relation,
                                                 guint          position);

/* Raw changes the edits apply and revert. */
void          _gloss_project_store_title      (GlossProject  *self,
                                               const char    *title);
void          _gloss_project_insert_tag_at    (GlossProject  *self,
                                               GlossTag      *tag,
                                               guint          position);
void          _gloss_project_remove_tag       (GlossProject  *self,
                                               GlossTag      *tag);
guint         _gloss_project_tag_position     (GlossProject  *self,
                                               GlossTag      *tag);
void          _gloss_project_insert_document_at (GlossProject *self,
                                               GlossDocument *document,
                                               guint          position);
void          _gloss_project_remove_document  (GlossProject  *self,
                                               GlossDocument *document);
guint         _gloss_project_document_position (GlossProject *self,
                                               GlossDocument *document);
void          _gloss_project_insert_relation_at (GlossProject *self,
                                               GlossRelation *relation,
                                               guint          position);
/* @hint: where it probably is (G_MAXUINT if unknown). */
void          _gloss_project_remove_relation  (GlossProject  *self,
                                               GlossRelation *relation,
                                               guint          hint);
guint         _gloss_project_relation_position (GlossProject *self,
                                               GlossRelation *relation);
void          _gloss_project_store_relation_types (GlossProject *self,
                                               const char * const *types);

/* gloss-project-async.c: runs @func on a worker with @file as the task's
 * data; the task's result is a GlossProject (nullable) or an error. */
void          _gloss_project_start_file_task  (GFile               *file,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data,
                                               gpointer             source_tag,
                                               const char          *name,
                                               GTaskThreadFunc      func);
GlossProject *_gloss_project_file_task_finish (GAsyncResult        *result,
                                               gpointer             source_tag,
                                               GError             **error);

/* The state a save starts from, and marking it saved when the save ends
 * (gloss_history_get_state ()). */
guint64       _gloss_project_get_save_point   (GlossProject  *self);
void          _gloss_project_mark_saved_at    (GlossProject  *self,
                                               guint64        point);

/* The project differs from its file though no step of the history says so
 * (the loader repaired it). */
void          _gloss_project_mark_unsaved     (GlossProject  *self);

/* The project holds only part of its file (a preview). */
void          _gloss_project_set_partial      (GlossProject  *self,
                                               gboolean       partial);
/* FALSE, with an error naming @file, for a partial project: a preview
 * written out would lose every document but its first. Every save
 * starts here (gloss-project-preview.c). */
gboolean      _gloss_project_check_whole      (GlossProject  *self,
                                               GFile         *file,
                                               GError       **error);

/* Members the project file and the JSON export write alike (in
 * gloss-project-save.c): an annotation's note, attributes (keys sorted),
 * author, times and state, inside its object; and a relation's object. */
void          _gloss_project_write_annotation_details (GlossJsonWriter *writer,
                                                       GlossAnnotation *annotation);
void          _gloss_project_write_relation   (GlossJsonWriter *writer,
                                               GlossRelation   *relation);
/* A document's provenance as an object of its known members, in the
 * format's order. */
void          _gloss_project_write_provenance (GlossJsonWriter *writer,
                                               GlossProvenance *provenance);

G_END_DECLS
