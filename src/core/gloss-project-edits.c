/* gloss-project-edits.c — the undoable changes to annotations and relations
 *
 * Each public function works out the state it wants and hands the edit to
 * _gloss_project_do (), the one door to the model: the edit is applied
 * there, after any save has finished reading, and recorded for undo.
 * Compound changes (removing an annotation removes its links) are one
 * action, so one undo. Tags are in gloss-project-edit-tags.c, documents
 * and titles in gloss-project-documents.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-annotation-private.h"
#include "gloss-document-private.h"
#include "gloss-project-private.h"
#include "gloss-relation.h"

/* ---- The kinds ---- */

static void
annotation_insert (GlossProject *project,
                   gpointer      owner,
                   gpointer      object,
                   guint         position)
{
  gloss_document_add_annotation (owner, object);
}

static void
annotation_remove (GlossProject *project,
                   gpointer      owner,
                   gpointer      object,
                   guint         position)
{
  gloss_document_remove_annotation (owner, object);
}

static const GlossPlaceKind annotation_place = {
  "annotation", annotation_insert, annotation_remove,
};

static void
annotation_store (GlossProject  *project,
                  gpointer       object,
                  gconstpointer  value)
{
  _gloss_annotation_restore (object, value);
}

static const GlossFieldsKind annotation_fields = {
  "annotation", annotation_store, (GDestroyNotify) _gloss_annotation_snapshot_free,
};

static void
relation_insert (GlossProject *project,
                 gpointer      owner,
                 gpointer      object,
                 guint         position)
{
  _gloss_project_insert_relation_at (project, object, position);
}

static void
relation_remove (GlossProject *project,
                 gpointer      owner,
                 gpointer      object,
                 guint         position)
{
  _gloss_project_remove_relation (project, object, position);
}

static const GlossPlaceKind relation_place = {
  "relation", relation_insert, relation_remove,
};

typedef struct {
  char *type;
  char *note;
} RelationFields;

static void
relation_fields_free (gpointer data)
{
  RelationFields *fields = data;

  g_free (fields->type);
  g_free (fields->note);
  g_free (fields);
}

static void
relation_store (GlossProject  *project,
                gpointer       object,
                gconstpointer  value)
{
  const RelationFields *fields = value;

  gloss_relation_set_type_name (object, fields->type);
  gloss_relation_set_note (object, fields->note);
}

static const GlossFieldsKind relation_fields = {
  "relation", relation_store, relation_fields_free,
};

static RelationFields *
relation_fields_new (const char *type,
                     const char *note)
{
  RelationFields *fields = g_new0 (RelationFields, 1);

  fields->type = g_strdup (type);
  fields->note = g_strdup (note);
  return fields;
}

/* ---- The changes ---- */

void
_gloss_project_change_annotation (GlossProject            *project,
                                  GlossAnnotation         *annotation,
                                  GlossAnnotationSnapshot *after,
                                  gboolean                 mergeable,
                                  const char              *label)
{
  GlossAnnotationSnapshot *before = _gloss_annotation_snapshot (annotation);

  if (_gloss_annotation_snapshot_equal (before, after))
    {
      _gloss_annotation_snapshot_free (before);
      _gloss_annotation_snapshot_free (after);
      return;
    }

  g_clear_pointer (&after->modified, g_date_time_unref);
  after->modified = g_date_time_new_now_utc ();
  _gloss_project_do (project,
                     _gloss_fields_edit_new (&annotation_fields, annotation, before, after, mergeable),
                     label);
}

void
_gloss_project_remove_relation_at (GlossProject  *project,
                                   GlossRelation *relation,
                                   guint          position)
{
  _gloss_project_do (project,
                     _gloss_place_edit_new (&relation_place, NULL, relation, position, G_MAXUINT),
                     _("Remove Link"));
}

static void
change_relation (GlossProject  *project,
                 GlossRelation *relation,
                 const char    *type,
                 const char    *note,
                 const char    *label)
{
  const char *old_type = gloss_relation_get_type_name (relation);

  if (g_str_equal (type, old_type) && g_str_equal (note, gloss_relation_get_note (relation)))
    return;

  /* Typing a note is one step; a new type is a step of its own. */
  _gloss_project_do (project,
                     _gloss_fields_edit_new (&relation_fields, relation,
                                             relation_fields_new (old_type, gloss_relation_get_note (relation)),
                                             relation_fields_new (type, note),
                                             g_str_equal (type, old_type)),
                     label);
}

/* The tags of @ids once each, in their order. */
static char **
unique_tags (const char * const *ids)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (g_hash_table_add (seen, (gpointer) ids[i]))
      g_strv_builder_add (builder, ids[i]);

  return g_strv_builder_end (builder);
}

/* ==== The public functions ==== */

GlossAnnotation *
gloss_project_annotate (GlossProject  *self,
                        GlossDocument *document,
                        GlossOffset    start,
                        GlossOffset    end,
                        const char    *tag_id)
{
  g_autoptr(GlossAnnotation) annotation = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GlossOffset length;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (gloss_document_get_project (document) == self, NULL);

  length = gloss_document_get_length (document);
  start = MIN (start, length);
  end = MIN (end, length);
  g_return_val_if_fail (start < end, NULL);

  annotation = gloss_annotation_new (NULL, start, end);
  gloss_annotation_set_author (annotation, gloss_project_get_author (self));
  gloss_annotation_set_created (annotation, now);
  gloss_annotation_set_modified (annotation, now);
  if (tag_id != NULL)
    gloss_annotation_add_tag (annotation, tag_id);

  gloss_project_add_annotation (self, document, annotation);

  return annotation;
}

void
gloss_project_add_annotation (GlossProject    *self,
                              GlossDocument   *document,
                              GlossAnnotation *annotation)
{
  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));
  g_return_if_fail (gloss_annotation_get_document (annotation) == NULL);
  g_return_if_fail (gloss_annotation_get_start (annotation) < gloss_annotation_get_end (annotation));
  g_return_if_fail (gloss_annotation_get_end (annotation) <= gloss_document_get_length (document));

  _gloss_project_do (self,
                     _gloss_place_edit_new (&annotation_place, document, annotation, G_MAXUINT, 0),
                     _("Add Annotation"));
}

void
gloss_project_remove_annotation (GlossProject    *self,
                                 GlossAnnotation *annotation)
{
  g_autoptr(GPtrArray) relations = NULL;
  GlossDocument *document;

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));

  document = gloss_annotation_get_document (annotation);
  g_return_if_fail (document != NULL && gloss_document_get_project (document) == self);

  gloss_project_begin_action (self, _("Delete Annotation"));

  relations = gloss_project_relations_of (self, annotation);
  for (guint i = 0; i < relations->len; i++)
    gloss_project_remove_relation (self, g_ptr_array_index (relations, i));

  _gloss_project_do (self,
                     _gloss_place_edit_new (&annotation_place, document, annotation, 0, G_MAXUINT),
                     NULL);

  gloss_project_end_action (self);
}

void
gloss_project_set_annotation_note (GlossProject    *self,
                                   GlossAnnotation *annotation,
                                   const char      *note)
{
  GlossAnnotationSnapshot *after;

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));

  after = _gloss_annotation_snapshot (annotation);
  g_free (after->note);
  after->note = g_strdup (note != NULL ? note : "");
  _gloss_project_change_annotation (self, annotation, after, TRUE, _("Edit Note"));
}

void
gloss_project_set_annotation_tags (GlossProject       *self,
                                   GlossAnnotation    *annotation,
                                   const char * const *tag_ids)
{
  GlossAnnotationSnapshot *after;

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));

  after = _gloss_annotation_snapshot (annotation);
  g_strfreev (after->tags);
  after->tags = unique_tags (tag_ids);
  _gloss_project_change_annotation (self, annotation, after, FALSE, _("Change Tags"));
}

/* @tags as they are after @tag_id is put on (or taken off) */
static char **
toggled_tags (char       **tags,
              const char  *tag_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean had = FALSE;

  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (g_str_equal (tags[i], tag_id))
        had = TRUE;
      else
        g_strv_builder_add (builder, tags[i]);
    }
  if (!had)
    g_strv_builder_add (builder, tag_id);

  return g_strv_builder_end (builder);
}

void
gloss_project_toggle_annotation_tag (GlossProject    *self,
                                     GlossAnnotation *annotation,
                                     const char      *tag_id)
{
  GlossAnnotationSnapshot *after;
  char **tags;

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));
  g_return_if_fail (tag_id != NULL);

  after = _gloss_annotation_snapshot (annotation);
  tags = toggled_tags (after->tags, tag_id);
  g_strfreev (after->tags);
  after->tags = tags;
  _gloss_project_change_annotation (self, annotation, after, FALSE, _("Change Tags"));
}

void
gloss_project_set_annotation_attribute (GlossProject    *self,
                                        GlossAnnotation *annotation,
                                        const char      *key,
                                        const char      *value)
{
  GlossAnnotationSnapshot *after;

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));
  g_return_if_fail (key != NULL && *key != '\0');

  after = _gloss_annotation_snapshot (annotation);
  if (value == NULL)
    {
      if (after->attributes != NULL)
        g_hash_table_remove (after->attributes, key);
    }
  else
    {
      if (after->attributes == NULL)
        after->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_replace (after->attributes, g_strdup (key), g_strdup (value));
    }
  _gloss_project_change_annotation (self, annotation, after, FALSE, _("Edit Attribute"));
}

void
gloss_project_set_annotation_bounds (GlossProject    *self,
                                     GlossAnnotation *annotation,
                                     GlossOffset      start,
                                     GlossOffset      end)
{
  GlossAnnotationSnapshot *after;
  GlossDocument *document;
  GlossOffset length;

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));

  document = gloss_annotation_get_document (annotation);
  g_return_if_fail (document != NULL);

  length = gloss_document_get_length (document);
  end = MIN (end, length);
  start = MIN (start, end);
  if (start == end)
    return;  /* an empty span is no annotation */

  after = _gloss_annotation_snapshot (annotation);
  g_clear_pointer (&after->quote, g_free);
  g_clear_pointer (&after->prefix, g_free);
  g_clear_pointer (&after->suffix, g_free);
  after->start = start;
  after->end = end;
  gloss_document_dup_selector (document, start, end, &after->quote, &after->prefix, &after->suffix);
  after->state = GLOSS_ANCHOR_ANCHORED;
  _gloss_project_change_annotation (self, annotation, after, FALSE, _("Adjust Annotation"));
}

void
gloss_project_set_annotation_state (GlossProject     *self,
                                    GlossAnnotation  *annotation,
                                    GlossAnchorState  state)
{
  GlossAnnotationSnapshot *after;

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));

  after = _gloss_annotation_snapshot (annotation);
  after->state = state;
  _gloss_project_change_annotation (self, annotation, after, FALSE, _("Mark Reviewed"));
}

void
gloss_project_keep_conflict_version (GlossProject    *self,
                                     GlossAnnotation *annotation)
{
  GlossAnnotationSnapshot *after;
  const GlossConflict *conflict;
  GlossAnnotation *other;

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));

  conflict = gloss_annotation_get_conflict (annotation);
  if (conflict == NULL)
    return;

  gloss_project_begin_action (self, _("Keep Version"));
  other = *conflict->with != '\0' ? gloss_project_lookup_annotation (self, conflict->with) : NULL;
  if (other != NULL && other != annotation)
    gloss_project_remove_annotation (self, other);

  after = _gloss_annotation_snapshot (annotation);
  g_clear_pointer (&after->conflict, gloss_conflict_free);
  _gloss_project_change_annotation (self, annotation, after, FALSE, NULL);
  gloss_project_end_action (self);
}

GlossRelation *
gloss_project_link (GlossProject    *self,
                    GlossAnnotation *from,
                    GlossAnnotation *to,
                    const char      *type)
{
  g_autoptr(GlossRelation) relation = NULL;
  guint position;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (from), NULL);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (to), NULL);
  g_return_val_if_fail (type != NULL && *type != '\0', NULL);

  gloss_project_begin_action (self, _("Link Annotations"));

  if (!gloss_project_has_relation_type (self, type))
    gloss_project_add_relation_type (self, type);

  relation = gloss_relation_new (NULL, type,
                                 gloss_annotation_get_id (from),
                                 gloss_annotation_get_id (to));
  gloss_relation_set_author (relation, gloss_project_get_author (self));
  position = g_list_model_get_n_items (gloss_project_get_relations (self));
  _gloss_project_do (self, _gloss_place_edit_new (&relation_place, NULL, relation, G_MAXUINT, position), NULL);

  gloss_project_end_action (self);

  return relation;
}

void
gloss_project_remove_relation (GlossProject  *self,
                               GlossRelation *relation)
{
  guint position;

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_RELATION (relation));

  position = _gloss_project_relation_position (self, relation);
  g_return_if_fail (position != G_MAXUINT);

  _gloss_project_remove_relation_at (self, relation, position);
}

void
gloss_project_set_relation_type (GlossProject  *self,
                                 GlossRelation *relation,
                                 const char    *type)
{
  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_RELATION (relation));
  g_return_if_fail (type != NULL && *type != '\0');

  gloss_project_begin_action (self, _("Change Link Type"));
  if (!gloss_project_has_relation_type (self, type))
    gloss_project_add_relation_type (self, type);
  change_relation (self, relation, type, gloss_relation_get_note (relation), NULL);
  gloss_project_end_action (self);
}

void
gloss_project_set_relation_note (GlossProject  *self,
                                 GlossRelation *relation,
                                 const char    *note)
{
  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_RELATION (relation));

  change_relation (self, relation, gloss_relation_get_type_name (relation),
                   note != NULL ? note : "", _("Edit Link Note"));
}
