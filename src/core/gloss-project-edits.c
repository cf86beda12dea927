/* gloss-project-edits.c — every change to a project, as undoable edits
 *
 * Each public edit function applies its change, then records an edit that
 * knows how to revert and re-apply it. Compound changes (deleting a tag
 * strips it from every annotation first) are one action, so one undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-anchor.h"
#include "gloss-annotation-private.h"
#include "gloss-document-private.h"
#include "gloss-project-private.h"
#include "gloss-relation.h"
#include "gloss-tag.h"

/* ---- An annotation joins or leaves its document ---- */

typedef struct {
  GlossEdit        parent;
  GlossDocument   *document;
  GlossAnnotation *annotation;
  gboolean         added;
} AnnotationPresenceEdit;

static void
annotation_presence_apply (GlossEdit    *edit,
                           GlossProject *project,
                           gboolean      forward)
{
  AnnotationPresenceEdit *self = (AnnotationPresenceEdit *) edit;

  if (forward == self->added)
    gloss_document_add_annotation (self->document, self->annotation);
  else
    gloss_document_remove_annotation (self->document, self->annotation);
}

static void
annotation_presence_free (GlossEdit *edit)
{
  AnnotationPresenceEdit *self = (AnnotationPresenceEdit *) edit;

  g_object_unref (self->document);
  g_object_unref (self->annotation);
  g_free (self);
}

static const GlossEditClass annotation_presence_class = {
  "annotation-presence", annotation_presence_apply, annotation_presence_free, NULL,
};

static void
push_annotation_presence (GlossProject    *project,
                          GlossDocument   *document,
                          GlossAnnotation *annotation,
                          gboolean         added,
                          const char      *label)
{
  AnnotationPresenceEdit *self = g_new0 (AnnotationPresenceEdit, 1);

  self->parent.klass = &annotation_presence_class;
  self->document = g_object_ref (document);
  self->annotation = g_object_ref (annotation);
  self->added = added;
  _gloss_project_push_edit (project, &self->parent, label);
}

/* ---- An annotation's fields: before and after snapshots ---- */

typedef struct {
  GlossEdit                parent;
  GlossAnnotation         *annotation;
  GlossAnnotationSnapshot *before;
  GlossAnnotationSnapshot *after;
  gboolean                 mergeable;  /* typing in the note */
} AnnotationFieldsEdit;

static void
annotation_fields_apply (GlossEdit    *edit,
                         GlossProject *project,
                         gboolean      forward)
{
  AnnotationFieldsEdit *self = (AnnotationFieldsEdit *) edit;

  _gloss_annotation_restore (self->annotation, forward ? self->after : self->before);
}

static void
annotation_fields_free (GlossEdit *edit)
{
  AnnotationFieldsEdit *self = (AnnotationFieldsEdit *) edit;

  g_object_unref (self->annotation);
  _gloss_annotation_snapshot_free (self->before);
  _gloss_annotation_snapshot_free (self->after);
  g_free (self);
}

static gboolean
annotation_fields_merge (GlossEdit *edit,
                         GlossEdit *next)
{
  AnnotationFieldsEdit *self = (AnnotationFieldsEdit *) edit;
  AnnotationFieldsEdit *other = (AnnotationFieldsEdit *) next;

  if (!self->mergeable || !other->mergeable || self->annotation != other->annotation)
    return FALSE;

  _gloss_annotation_snapshot_free (self->after);
  self->after = g_steal_pointer (&other->after);
  other->after = _gloss_annotation_snapshot (other->annotation);  /* freed with it */

  return TRUE;
}

static const GlossEditClass annotation_fields_class = {
  "annotation-fields", annotation_fields_apply, annotation_fields_free, annotation_fields_merge,
};

/* Records the change from @before to the annotation as it is now. */
static void
push_annotation_fields (GlossProject            *project,
                        GlossAnnotation         *annotation,
                        GlossAnnotationSnapshot *before,
                        gboolean                 mergeable,
                        const char              *label)
{
  AnnotationFieldsEdit *self;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GlossAnnotationSnapshot *after;

  after = _gloss_annotation_snapshot (annotation);
  if (_gloss_annotation_snapshot_equal (before, after))
    {
      _gloss_annotation_snapshot_free (before);
      _gloss_annotation_snapshot_free (after);
      return;
    }

  gloss_annotation_set_modified (annotation, now);
  g_clear_pointer (&after->modified, g_date_time_unref);
  after->modified = g_date_time_ref (now);

  self = g_new0 (AnnotationFieldsEdit, 1);
  self->parent.klass = &annotation_fields_class;
  self->annotation = g_object_ref (annotation);
  self->before = before;
  self->after = after;
  self->mergeable = mergeable;
  _gloss_project_push_edit (project, &self->parent, label);
}

/* ---- A relation joins or leaves the project ---- */

typedef struct {
  GlossEdit      parent;
  GlossRelation *relation;
  guint          position;
  gboolean       added;
} RelationPresenceEdit;

static void
relation_presence_apply (GlossEdit    *edit,
                         GlossProject *project,
                         gboolean      forward)
{
  RelationPresenceEdit *self = (RelationPresenceEdit *) edit;

  if (forward == self->added)
    _gloss_project_insert_relation_at (project, self->relation, self->position);
  else
    _gloss_project_remove_relation (project, self->relation, self->position);
}

static void
relation_presence_free (GlossEdit *edit)
{
  RelationPresenceEdit *self = (RelationPresenceEdit *) edit;

  g_object_unref (self->relation);
  g_free (self);
}

static const GlossEditClass relation_presence_class = {
  "relation-presence", relation_presence_apply, relation_presence_free, NULL,
};

static void
push_relation_presence (GlossProject  *project,
                        GlossRelation *relation,
                        guint          position,
                        gboolean       added,
                        const char    *label)
{
  RelationPresenceEdit *self = g_new0 (RelationPresenceEdit, 1);

  self->parent.klass = &relation_presence_class;
  self->relation = g_object_ref (relation);
  self->position = position;
  self->added = added;
  _gloss_project_push_edit (project, &self->parent, label);
}

/* ---- A relation's type and note ---- */

typedef struct {
  GlossEdit      parent;
  GlossRelation *relation;
  char          *type[2];  /* before, after */
  char          *note[2];
} RelationFieldsEdit;

static void
relation_fields_apply (GlossEdit    *edit,
                       GlossProject *project,
                       gboolean      forward)
{
  RelationFieldsEdit *self = (RelationFieldsEdit *) edit;

  gloss_relation_set_type_name (self->relation, self->type[forward]);
  gloss_relation_set_note (self->relation, self->note[forward]);
}

static void
relation_fields_free (GlossEdit *edit)
{
  RelationFieldsEdit *self = (RelationFieldsEdit *) edit;

  g_object_unref (self->relation);
  for (guint i = 0; i < 2; i++)
    {
      g_free (self->type[i]);
      g_free (self->note[i]);
    }
  g_free (self);
}

static gboolean
relation_fields_merge (GlossEdit *edit,
                       GlossEdit *next)
{
  RelationFieldsEdit *self = (RelationFieldsEdit *) edit;
  RelationFieldsEdit *other = (RelationFieldsEdit *) next;

  if (self->relation != other->relation || !g_str_equal (other->type[0], other->type[1]))
    return FALSE;

  g_free (self->note[1]);
  self->note[1] = g_strdup (other->note[1]);
  return TRUE;
}

static const GlossEditClass relation_fields_class = {
  "relation-fields", relation_fields_apply, relation_fields_free, relation_fields_merge,
};

static void
change_relation (GlossProject  *project,
                 GlossRelation *relation,
                 const char    *type,
                 const char    *note,
                 const char    *label)
{
  RelationFieldsEdit *self;

  if (g_str_equal (type, gloss_relation_get_type_name (relation)) &&
      g_str_equal (note, gloss_relation_get_note (relation)))
    return;

  self = g_new0 (RelationFieldsEdit, 1);
  self->parent.klass = &relation_fields_class;
  self->relation = g_object_ref (relation);
  self->type[0] = g_strdup (gloss_relation_get_type_name (relation));
  self->note[0] = g_strdup (gloss_relation_get_note (relation));
  self->type[1] = g_strdup (type);
  self->note[1] = g_strdup (note);
  relation_fields_apply (&self->parent, project, TRUE);
  _gloss_project_push_edit (project, &self->parent, label);
}

/* ---- A tag joins or leaves the tag set, or moves in it ---- */

typedef struct {
  GlossEdit  parent;
  GlossTag  *tag;
  guint      position[2];  /* before, after; G_MAXUINT: not in the set */
} TagPlaceEdit;

static void
tag_place_apply (GlossEdit    *edit,
                 GlossProject *project,
                 gboolean      forward)
{
  TagPlaceEdit *self = (TagPlaceEdit *) edit;
  guint target = self->position[forward];

  _gloss_project_remove_tag (project, self->tag);
  if (target != G_MAXUINT)
    _gloss_project_insert_tag_at (project, self->tag, target);
}

static void
tag_place_free (GlossEdit *edit)
{
  TagPlaceEdit *self = (TagPlaceEdit *) edit;

  g_object_unref (self->tag);
  g_free (self);
}

static const GlossEditClass tag_place_class = {
  "tag-place", tag_place_apply, tag_place_free, NULL,
};

static void
place_tag (GlossProject *project,
           GlossTag     *tag,
           guint         position,
           const char   *label)
{
  TagPlaceEdit *self = g_new0 (TagPlaceEdit, 1);

  self->parent.klass = &tag_place_class;
  self->tag = g_object_ref (tag);
  self->position[0] = _gloss_project_tag_position (project, tag);
  self->position[1] = position;
  tag_place_apply (&self->parent, project, TRUE);
  _gloss_project_push_edit (project, &self->parent, label);
}

/* ---- A tag's name, colour, digit and description ---- */

typedef struct {
  GlossEdit  parent;
  GlossTag  *tag;
  char      *name[2];
  char      *color[2];
  char      *description[2];
  int        digit[2];
} TagFieldsEdit;

static void
tag_fields_apply (GlossEdit    *edit,
                  GlossProject *project,
                  gboolean      forward)
{
  TagFieldsEdit *self = (TagFieldsEdit *) edit;

  gloss_tag_set_name (self->tag, self->name[forward]);
  gloss_tag_set_color (self->tag, self->color[forward]);
  gloss_tag_set_description (self->tag, self->description[forward]);
  gloss_tag_set_digit (self->tag, self->digit[forward]);
}

static void
tag_fields_free (GlossEdit *edit)
{
  TagFieldsEdit *self = (TagFieldsEdit *) edit;

  g_object_unref (self->tag);
  for (guint i = 0; i < 2; i++)
    {
      g_free (self->name[i]);
      g_free (self->color[i]);
      g_free (self->description[i]);
    }
  g_free (self);
}

static gboolean
tag_fields_merge (GlossEdit *edit,
                  GlossEdit *next)
{
  TagFieldsEdit *self = (TagFieldsEdit *) edit;
  TagFieldsEdit *other = (TagFieldsEdit *) next;

  /* Typing a name or description letter by letter is one step. */
  if (self->tag != other->tag || other->digit[0] != other->digit[1] ||
      !g_str_equal (other->color[0], other->color[1]))
    return FALSE;

  g_free (self->name[1]);
  self->name[1] = g_strdup (other->name[1]);
  g_free (self->description[1]);
  self->description[1] = g_strdup (other->description[1]);
  return TRUE;
}

static const GlossEditClass tag_fields_class = {
  "tag-fields", tag_fields_apply, tag_fields_free, tag_fields_merge,
};

static void
change_tag (GlossProject *project,
            GlossTag     *tag,
            const char   *name,
            const char   *color,
            const char   *description,
            int           digit,
            const char   *label)
{
  TagFieldsEdit *self;

  if (g_str_equal (name, gloss_tag_get_name (tag)) &&
      g_str_equal (color, gloss_tag_get_color (tag)) &&
      g_str_equal (description, gloss_tag_get_description (tag)) &&
      digit == gloss_tag_get_digit (tag))
    return;

  self = g_new0 (TagFieldsEdit, 1);
  self->parent.klass = &tag_fields_class;
  self->tag = g_object_ref (tag);
  self->name[0] = g_strdup (gloss_tag_get_name (tag));
  self->color[0] = g_strdup (gloss_tag_get_color (tag));
  self->description[0] = g_strdup (gloss_tag_get_description (tag));
  self->digit[0] = gloss_tag_get_digit (tag);
  self->name[1] = g_strdup (name);
  self->color[1] = g_strdup (color);
  self->description[1] = g_strdup (description);
  self->digit[1] = digit;
  tag_fields_apply (&self->parent, project, TRUE);
  _gloss_project_push_edit (project, &self->parent, label);
}

/* ---- A document joins or leaves the project ---- */

typedef struct {
  GlossEdit      parent;
  GlossDocument *document;
  guint          position[2];
} DocumentPlaceEdit;

static void
document_place_apply (GlossEdit    *edit,
                      GlossProject *project,
                      gboolean      forward)
{
  DocumentPlaceEdit *self = (DocumentPlaceEdit *) edit;
  guint target = self->position[forward];

  _gloss_project_remove_document (project, self->document);
  if (target != G_MAXUINT)
    _gloss_project_insert_document_at (project, self->document, target);
}

static void
document_place_free (GlossEdit *edit)
{
  DocumentPlaceEdit *self = (DocumentPlaceEdit *) edit;

  g_object_unref (self->document);
  g_free (self);
}

static const GlossEditClass document_place_class = {
  "document-place", document_place_apply, document_place_free, NULL,
};

static void
place_document (GlossProject  *project,
                GlossDocument *document,
                guint          position,
                const char    *label)
{
  DocumentPlaceEdit *self = g_new0 (DocumentPlaceEdit, 1);

  self->parent.klass = &document_place_class;
  self->document = g_object_ref (document);
  self->position[0] = _gloss_project_document_position (project, document);
  self->position[1] = position;
  document_place_apply (&self->parent, project, TRUE);
  _gloss_project_push_edit (project, &self->parent, label);
}

/* ---- Strings: a project's title, a document's title or text ---- */

typedef enum {
  STRING_PROJECT_TITLE,
  STRING_DOCUMENT_TITLE,
  STRING_DOCUMENT_TEXT,
} StringField;

typedef struct {
  GlossEdit      parent;
  StringField    field;
  GlossDocument *document;  /* for the document fields */
  char          *value[2];
} StringEdit;

static void
string_apply (GlossEdit    *edit,
              GlossProject *project,
              gboolean      forward)
{
  StringEdit *self = (StringEdit *) edit;
  const char *value = self->value[forward];

  switch (self->field)
    {
    case STRING_PROJECT_TITLE:
      _gloss_project_store_title (project, value);
      break;
    case STRING_DOCUMENT_TITLE:
      gloss_document_set_title (self->document, value);
      break;
    case STRING_DOCUMENT_TEXT:
      gloss_document_set_text (self->document, value);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
string_free (GlossEdit *edit)
{
  StringEdit *self = (StringEdit *) edit;

  g_clear_object (&self->document);
  g_free (self->value[0]);
  g_free (self->value[1]);
  g_free (self);
}

static gboolean
string_merge (GlossEdit *edit,
              GlossEdit *next)
{
  StringEdit *self = (StringEdit *) edit;
  StringEdit *other = (StringEdit *) next;

  if (self->field != other->field || self->field == STRING_DOCUMENT_TEXT ||
      self->document != other->document)
    return FALSE;

  g_free (self->value[1]);
  self->value[1] = g_strdup (other->value[1]);
  return TRUE;
}

static const GlossEditClass string_class = {
  "string", string_apply, string_free, string_merge,
};

static void
change_string (GlossProject  *project,
               StringField    field,
               GlossDocument *document,
               const char    *before,
               const char    *after,
               const char    *label)
{
  StringEdit *self;

  if (g_str_equal (before, after))
    return;

  self = g_new0 (StringEdit, 1);
  self->parent.klass = &string_class;
  self->field = field;
  self->document = document != NULL ? g_object_ref (document) : NULL;
  self->value[0] = g_strdup (before);
  self->value[1] = g_strdup (after);
  string_apply (&self->parent, project, TRUE);
  _gloss_project_push_edit (project, &self->parent, label);
}

/* ---- The relation types ---- */

typedef struct {
  GlossEdit   parent;
  char      **types[2];
} RelationTypesEdit;

static void
relation_types_apply (GlossEdit    *edit,
                      GlossProject *project,
                      gboolean      forward)
{
  RelationTypesEdit *self = (RelationTypesEdit *) edit;

  _gloss_project_store_relation_types (project, (const char * const *) self->types[forward]);
}

static void
relation_types_free (GlossEdit *edit)
{
  RelationTypesEdit *self = (RelationTypesEdit *) edit;

  g_strfreev (self->types[0]);
  g_strfreev (self->types[1]);
  g_free (self);
}

static const GlossEditClass relation_types_class = {
  "relation-types", relation_types_apply, relation_types_free, NULL,
};

static void
change_relation_types (GlossProject *project,
                       GStrv         types,
                       const char   *label)
{
  RelationTypesEdit *self;

  if (g_strv_equal (gloss_project_get_relation_types (project), (const char * const *) types))
    {
      g_strfreev (types);
      return;
    }

  self = g_new0 (RelationTypesEdit, 1);
  self->parent.klass = &relation_types_class;
  self->types[0] = g_strdupv ((char **) gloss_project_get_relation_types (project));
  self->types[1] = types;
  relation_types_apply (&self->parent, project, TRUE);
  _gloss_project_push_edit (project, &self->parent, label);
}

/* ==== The public edit functions ==== */

void
gloss_project_set_title (GlossProject *self,
                         const char   *title)
{
  _gloss_project_wait_for_readers (self);

  g_return_if_fail (GLOSS_IS_PROJECT (self));

  change_string (self, STRING_PROJECT_TITLE, NULL, gloss_project_get_title (self),
                 title != NULL ? title : "", _("Rename Project"));
}

GlossAnnotation *
gloss_project_annotate (GlossProject  *self,
                        GlossDocument *document,
                        GlossOffset    start,
                        GlossOffset    end,
                        const char    *tag_id)
{
  _gloss_project_wait_for_readers (self);

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
  _gloss_project_wait_for_readers (self);

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));
  g_return_if_fail (gloss_annotation_get_document (annotation) == NULL);
  g_return_if_fail (gloss_annotation_get_start (annotation) < gloss_annotation_get_end (annotation));
  g_return_if_fail (gloss_annotation_get_end (annotation) <= gloss_document_get_length (document));

  gloss_document_add_annotation (document, annotation);
  push_annotation_presence (self, document, annotation, TRUE, _("Add Annotation"));
}

void
gloss_project_remove_annotation (GlossProject    *self,
                                 GlossAnnotation *annotation)
{
  _gloss_project_wait_for_readers (self);

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

  /* The document may hold the last reference to the annotation. */
  g_object_ref (document);
  g_object_ref (annotation);
  gloss_document_remove_annotation (document, annotation);
  push_annotation_presence (self, document, annotation, FALSE, NULL);
  g_object_unref (annotation);
  g_object_unref (document);

  gloss_project_end_action (self);
}

void
gloss_project_set_annotation_note (GlossProject    *self,
                                   GlossAnnotation *annotation,
                                   const char      *note)
{
  _gloss_project_wait_for_readers (self);

  GlossAnnotationSnapshot *before;

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));

  before = _gloss_annotation_snapshot (annotation);
  gloss_annotation_set_note (annotation, note);
  push_annotation_fields (self, annotation, before, TRUE, _("Edit Note"));
}

void
gloss_project_set_annotation_tags (GlossProject       *self,
                                   GlossAnnotation    *annotation,
                                   const char * const *tag_ids)
{
  _gloss_project_wait_for_readers (self);

  GlossAnnotationSnapshot *before;

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));

  before = _gloss_annotation_snapshot (annotation);
  gloss_annotation_set_tags (annotation, tag_ids);
  push_annotation_fields (self, annotation, before, FALSE, _("Change Tags"));
}

void
gloss_project_toggle_annotation_tag (GlossProject    *self,
                                     GlossAnnotation *annotation,
                                     const char      *tag_id)
{
  _gloss_project_wait_for_readers (self);

  GlossAnnotationSnapshot *before;

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));
  g_return_if_fail (tag_id != NULL);

  before = _gloss_annotation_snapshot (annotation);
  if (gloss_annotation_has_tag (annotation, tag_id))
    gloss_annotation_remove_tag (annotation, tag_id);
  else
    gloss_annotation_add_tag (annotation, tag_id);
  push_annotation_fields (self, annotation, before, FALSE, _("Change Tags"));
}

void
gloss_project_set_annotation_attribute (GlossProject    *self,
                                        GlossAnnotation *annotation,
                                        const char      *key,
                                        const char      *value)
{
  _gloss_project_wait_for_readers (self);

  GlossAnnotationSnapshot *before;

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));
  g_return_if_fail (key != NULL && *key != '\0');

  before = _gloss_annotation_snapshot (annotation);
  gloss_annotation_set_attribute (annotation, key, value);
  push_annotation_fields (self, annotation, before, FALSE, _("Edit Attribute"));
}

void
gloss_project_set_annotation_bounds (GlossProject    *self,
                                     GlossAnnotation *annotation,
                                     GlossOffset      start,
                                     GlossOffset      end)
{
  _gloss_project_wait_for_readers (self);

  GlossAnnotationSnapshot *before;
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

  before = _gloss_annotation_snapshot (annotation);
  gloss_document_move_annotation (document, annotation, start, end);
  gloss_document_refresh_selector (document, annotation);
  gloss_annotation_set_state (annotation, GLOSS_ANCHOR_ANCHORED);
  push_annotation_fields (self, annotation, before, FALSE, _("Adjust Annotation"));
}

void
gloss_project_set_annotation_state (GlossProject     *self,
                                    GlossAnnotation  *annotation,
                                    GlossAnchorState  state)
{
  _gloss_project_wait_for_readers (self);

  GlossAnnotationSnapshot *before;

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));

  before = _gloss_annotation_snapshot (annotation);
  gloss_annotation_set_state (annotation, state);
  push_annotation_fields (self, annotation, before, FALSE, _("Mark Reviewed"));
}

void
gloss_project_keep_conflict_version (GlossProject    *self,
                                     GlossAnnotation *annotation)
{
  _gloss_project_wait_for_readers (self);

  g_autoptr(GlossAnnotationSnapshot) before = NULL;
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

  before = _gloss_annotation_snapshot (annotation);
  gloss_annotation_set_conflict (annotation, GLOSS_CONFLICT_NONE, NULL);
  push_annotation_fields (self, annotation, g_steal_pointer (&before), FALSE, NULL);
  gloss_project_end_action (self);
}

GlossRelation *
gloss_project_link (GlossProject    *self,
                    GlossAnnotation *from,
                    GlossAnnotation *to,
                    const char      *type)
{
  _gloss_project_wait_for_readers (self);

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
  _gloss_project_insert_relation_at (self, relation, position);
  push_relation_presence (self, relation, position, TRUE, NULL);

  gloss_project_end_action (self);

  return relation;
}

static void
remove_relation_at (GlossProject  *self,
                    GlossRelation *relation,
                    guint          position)
{
  G_GNUC_UNUSED g_autoptr(GlossRelation) hold = g_object_ref (relation);

  _gloss_project_remove_relation (self, relation, position);
  push_relation_presence (self, relation, position, FALSE, _("Remove Link"));
}

void
gloss_project_remove_relation (GlossProject  *self,
                               GlossRelation *relation)
{
  _gloss_project_wait_for_readers (self);

  guint position;

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_RELATION (relation));

  position = _gloss_project_relation_position (self, relation);
  g_return_if_fail (position != G_MAXUINT);

  remove_relation_at (self, relation, position);
}

void
gloss_project_set_relation_type (GlossProject  *self,
                                 GlossRelation *relation,
                                 const char    *type)
{
  _gloss_project_wait_for_readers (self);

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
  _gloss_project_wait_for_readers (self);

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_RELATION (relation));

  change_relation (self, relation, gloss_relation_get_type_name (relation),
                   note != NULL ? note : "", _("Edit Link Note"));
}

void
gloss_project_add_relation_type (GlossProject *self,
                                 const char   *type)
{
  _gloss_project_wait_for_readers (self);

  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (type != NULL && *type != '\0');

  if (gloss_project_has_relation_type (self, type))
    return;

  g_strv_builder_addv (builder, (const char **) gloss_project_get_relation_types (self));
  g_strv_builder_add (builder, type);
  change_relation_types (self, g_strv_builder_end (builder), _("Add Link Type"));
}

void
gloss_project_remove_relation_type (GlossProject *self,
                                    const char   *type)
{
  _gloss_project_wait_for_readers (self);

  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char * const *types;

  g_return_if_fail (GLOSS_IS_PROJECT (self));

  types = gloss_project_get_relation_types (self);
  for (guint i = 0; types[i] != NULL; i++)
    if (g_strcmp0 (types[i], type) != 0)
      g_strv_builder_add (builder, types[i]);

  change_relation_types (self, g_strv_builder_end (builder), _("Remove Link Type"));
}

/* A readable, stable id ("claim", "person-2") keeps project files diffable. */
static char *
make_tag_id (GlossProject *self,
             const char   *name)
{
  g_autoptr(GString) slug = g_string_new (NULL);
  g_autofree char *base = NULL;
  g_autofree char *ascii = g_str_to_ascii (name, "C");

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "tag");

  base = g_string_free (g_steal_pointer (&slug), FALSE);
  if (gloss_project_lookup_tag (self, base) == NULL)
    return g_steal_pointer (&base);

  for (guint i = 2;; i++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s-%u", base, i);

      if (gloss_project_lookup_tag (self, candidate) == NULL)
        return g_steal_pointer (&candidate);
    }
}

static void
release_digit (GlossProject *self,
               GlossTag     *keeper,
               int           digit)
{
  GlossTag *holder = gloss_project_lookup_tag_by_digit (self, digit);

  if (holder != NULL && holder != keeper)
    change_tag (self, holder, gloss_tag_get_name (holder), gloss_tag_get_color (holder),
                gloss_tag_get_description (holder), -1, NULL);
}

GlossTag *
gloss_project_create_tag (GlossProject *self,
                          const char   *name,
                          const char   *color,
                          int           digit)
{
  _gloss_project_wait_for_readers (self);

  g_autoptr(GlossTag) tag = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  id = make_tag_id (self, name);
  tag = gloss_tag_new (id, name, color, digit);

  gloss_project_begin_action (self, _("Add Tag"));
  if (gloss_tag_get_digit (tag) >= 0)
    release_digit (self, tag, gloss_tag_get_digit (tag));
  place_tag (self, tag, G_MAXUINT - 1, NULL);
  gloss_project_end_action (self);

  return tag;
}

void
gloss_project_remove_tag (GlossProject *self,
                          GlossTag     *tag)
{
  _gloss_project_wait_for_readers (self);

  GListModel *documents;
  const char *tag_id;

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_TAG (tag));

  tag_id = gloss_tag_get_id (tag);
  documents = gloss_project_get_documents (self);

  gloss_project_begin_action (self, _("Delete Tag"));

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);
      guint n = gloss_document_get_n_annotations (document);

      for (guint j = 0; j < n; j++)
        {
          GlossAnnotation *annotation = gloss_document_get_annotation (document, j);

          if (gloss_annotation_has_tag (annotation, tag_id))
            {
              GlossAnnotationSnapshot *before = _gloss_annotation_snapshot (annotation);

              gloss_annotation_remove_tag (annotation, tag_id);
              push_annotation_fields (self, annotation, before, FALSE, NULL);
            }
        }
    }

  place_tag (self, tag, G_MAXUINT, NULL);

  gloss_project_end_action (self);
}

void
gloss_project_set_tag_name (GlossProject *self,
                            GlossTag     *tag,
                            const char   *name)
{
  _gloss_project_wait_for_readers (self);

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_TAG (tag));

  change_tag (self, tag, name != NULL ? name : "", gloss_tag_get_color (tag),
              gloss_tag_get_description (tag), gloss_tag_get_digit (tag), _("Rename Tag"));
}

void
gloss_project_set_tag_color (GlossProject *self,
                             GlossTag     *tag,
                             const char   *color)
{
  _gloss_project_wait_for_readers (self);

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_TAG (tag));
  g_return_if_fail (gloss_color_is_valid (color));

  change_tag (self, tag, gloss_tag_get_name (tag), color,
              gloss_tag_get_description (tag), gloss_tag_get_digit (tag), _("Recolor Tag"));
}

void
gloss_project_set_tag_digit (GlossProject *self,
                             GlossTag     *tag,
                             int           digit)
{
  _gloss_project_wait_for_readers (self);

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_TAG (tag));

  if (digit < 0 || digit > 9)
    digit = -1;

  gloss_project_begin_action (self, _("Change Tag Key"));
  if (digit >= 0)
    release_digit (self, tag, digit);
  change_tag (self, tag, gloss_tag_get_name (tag), gloss_tag_get_color (tag),
              gloss_tag_get_description (tag), digit, NULL);
  gloss_project_end_action (self);
}

void
gloss_project_set_tag_description (GlossProject *self,
                                   GlossTag     *tag,
                                   const char   *description)
{
  _gloss_project_wait_for_readers (self);

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_TAG (tag));

  change_tag (self, tag, gloss_tag_get_name (tag), gloss_tag_get_color (tag),
              description != NULL ? description : "", gloss_tag_get_digit (tag),
              _("Describe Tag"));
}

void
gloss_project_move_tag (GlossProject *self,
                        GlossTag     *tag,
                        guint         position)
{
  _gloss_project_wait_for_readers (self);

  guint n;

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_TAG (tag));
  g_return_if_fail (_gloss_project_tag_position (self, tag) != G_MAXUINT);

  n = g_list_model_get_n_items (gloss_project_get_tags (self));
  position = MIN (position, n - 1);
  if (position == _gloss_project_tag_position (self, tag))
    return;

  place_tag (self, tag, position, _("Move Tag"));
}

void
gloss_project_add_document (GlossProject  *self,
                            GlossDocument *document)
{
  _gloss_project_wait_for_readers (self);

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));
  g_return_if_fail (gloss_document_get_project (document) == NULL);

  place_document (self, document, G_MAXUINT - 1, _("Add Document"));
}

void
gloss_project_remove_document (GlossProject  *self,
                               GlossDocument *document)
{
  _gloss_project_wait_for_readers (self);

  GListModel *relations;
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));
  g_return_if_fail (gloss_document_get_project (document) == self);

  gloss_project_begin_action (self, _("Remove Document"));

  /* One pass over the relations, not one per annotation. */
  relations = gloss_project_get_relations (self);
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      GlossRelation *relation = g_list_model_get_item (relations, i);

      g_object_unref (relation);
      if (gloss_document_lookup_annotation (document, gloss_relation_get_from (relation)) != NULL ||
          gloss_document_lookup_annotation (document, gloss_relation_get_to (relation)) != NULL)
        {
          g_ptr_array_add (doomed, relation);
          g_array_append_val (positions, i);
        }
    }
  /* Last first, so the positions found stay true. */
  for (guint i = doomed->len; i > 0; i--)
    remove_relation_at (self, g_ptr_array_index (doomed, i - 1), g_array_index (positions, guint, i - 1));

  place_document (self, document, G_MAXUINT, NULL);

  gloss_project_end_action (self);
}

void
gloss_project_set_document_title (GlossProject  *self,
                                  GlossDocument *document,
                                  const char    *title)
{
  _gloss_project_wait_for_readers (self);

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));

  change_string (self, STRING_DOCUMENT_TITLE, document, gloss_document_get_title (document),
                 title != NULL ? title : "", _("Rename Document"));
}

void
gloss_project_replace_document_text (GlossProject      *self,
                                     GlossDocument     *document,
                                     const char        *text,
                                     GlossAnchorReport *report)
{
  _gloss_project_wait_for_readers (self);

  g_autoptr(GlossAnchorText) anchor_text = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  GlossAnchorReport counts = { 0, 0, 0 };
  guint n;

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));
  g_return_if_fail (text != NULL && g_utf8_validate (text, -1, NULL));

  n = gloss_document_get_n_annotations (document);
  annotations = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (annotations, g_object_ref (gloss_document_get_annotation (document, i)));

  anchor_text = gloss_anchor_text_new (text, -1);

  gloss_project_begin_action (self, _("Replace Text"));

  change_string (self, STRING_DOCUMENT_TEXT, document,
                 gloss_document_get_text (document), text, NULL);

  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (annotations, i);
      GlossAnnotationSnapshot *before = _gloss_annotation_snapshot (annotation);
      GlossAnchorSelector selector = {
        before->start, before->end, before->quote, before->prefix, before->suffix,
      };
      GlossOffset start, end;
      GlossAnchorState state;

      state = gloss_anchor_locate (anchor_text, &selector, &start, &end);
      switch (state)
        {
        case GLOSS_ANCHOR_ANCHORED:
          counts.anchored++;
          break;
        case GLOSS_ANCHOR_MOVED:
          counts.moved++;
          break;
        case GLOSS_ANCHOR_ORPHANED:
          counts.orphaned++;
          break;
        default:
          g_assert_not_reached ();
        }

      /* Orphans keep their quote, to be shown and placed by hand. */
      _gloss_document_reposition (document, annotation, start, end);
      if (state != GLOSS_ANCHOR_ORPHANED)
        gloss_document_refresh_selector (document, annotation);
      /* Found where it was is still under review if it was before. */
      if (state == GLOSS_ANCHOR_ANCHORED && before->state != GLOSS_ANCHOR_ANCHORED)
        state = GLOSS_ANCHOR_MOVED;
      gloss_annotation_set_state (annotation, state);
      _gloss_document_annotation_changed (document, annotation, before->start, before->end);
      push_annotation_fields (self, annotation, before, FALSE, NULL);
    }

  gloss_project_end_action (self);

  if (report != NULL)
    *report = counts;
}
