/* gloss-project.c — documents, tag set, relations and their lookups
 *
 * The edits that go through the history live in gloss-project-edits.c.
 *
 * Somewhat over 800 lines, on purpose: the object, its indexes, the guard
 * that keeps edits out while a worker reads the project, and the undo
 * history's bookkeeping share one private struct, which no other file
 * sees. Everything that needs no more than the private header is
 * elsewhere: edits (gloss-project-edits.c, -edit-tags.c, -documents.c),
 * lookups (-lookup.c), loading (-load*.c), saving (-save.c), threads
 * (-async.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-annotation.h"
#include "gloss-disk-state.h"
#include "gloss-document-private.h"
#include "gloss-object-list.h"
#include "gloss-project-private.h"
#include "gloss-relation-index.h"
#include "gloss-relation.h"
#include "gloss-tag.h"

struct _GlossProject
{
  GObject parent_instance;

  char *title;
  char *author;                         /* of new annotations and relations */
  GDateTime *created;
  GDateTime *modified;

  /* Not GListStore: an autosave reads these from a worker thread. */
  GlossObjectList *tags;
  GlossObjectList *documents;
  GPtrArray *relation_types;            /* char*, NULL-terminated */

  /* Indexes, so that a project with 100,000 tags or relation types loads
   * in linear time (a lookup was a walk through the list). */
  GHashTable *tags_by_id;               /* id → GlossTag (unowned: the list holds it) */
  GHashTable *relation_type_set;        /* the strings of relation_types */

  GlossRelationIndex *relations;

  GlossHistory *history;
  guint64 generation;

  /* Other threads reading the project (an autosave): edits wait for them. */
  GMutex readers_lock;
  GCond readers_done;
  guint readers;
  gboolean change_pending;
  guint action_depth;

  gboolean partial;                      /* a preview: part of its file */
  GlossDiskState *disk_state;            /* what its file held; nullable */

  /* Last announced values, to notify only on real change. */
  gboolean dirty;
  gboolean can_undo;
  gboolean can_redo;
};

G_DEFINE_FINAL_TYPE (GlossProject, gloss_project, G_TYPE_OBJECT)

/* The guard of the model. Every change made on the main thread passes
 * here first: an edit through _gloss_project_do (), undo and redo through
 * the history. While a worker reads the project (a save, an autosave) the
 * change waits for it, so the worker sees one state from start to end. */
static void
wait_until_unread (GlossProject *self)
{
  g_mutex_lock (&self->readers_lock);
  while (self->readers > 0)
    g_cond_wait (&self->readers_done, &self->readers_lock);
  g_mutex_unlock (&self->readers_lock);
}

/* The raw inserts build a project no worker has been given yet. */
static gboolean
is_being_read (GlossProject *self)
{
  gboolean read;

  g_mutex_lock (&self->readers_lock);
  read = self->readers > 0;
  g_mutex_unlock (&self->readers_lock);

  return read;
}

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DIRTY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct {
  const char *id;
  const char *name;
  const char *color;
  const char *description;
} DefaultTag;

static const DefaultTag default_tags[] = {
  { "claim", N_("Claim"), "#f6d32d", N_("A statement presented as fact") },
  { "source", N_("Source"), "#62a0ea", N_("Who or what a claim comes from") },
  { "quote", N_("Quote"), "#c061cb", N_("Words reported as someone’s own") },
  { "evidence", N_("Evidence"), "#57e389", N_("Material offered in support") },
  { "person", N_("Person"), "#ffa348", NULL },
  { "organization", N_("Organization"), "#5bc8af", NULL },
  { "place", N_("Place"), "#cdab8f", NULL },
  { "date-number", N_("Date/Number"), "#f66151", N_("A date, figure or quantity") },
};

static const char * const default_relation_types[] = {
  "attributed-to",
  "supports",
  "contradicts",
  "same-as",
};

static void
gloss_project_finalize (GObject *object)
{
  GlossProject *self = GLOSS_PROJECT (object);
  guint n_documents = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

  for (guint i = 0; i < n_documents; i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (G_LIST_MODEL (self->documents), i);

      _gloss_document_set_project (document, NULL);
    }

  /* The history holds documents and annotations too; it goes first. */
  g_clear_pointer (&self->history, gloss_history_free);
  g_free (self->title);
  g_free (self->author);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_clear_object (&self->tags);
  g_clear_object (&self->documents);
  g_clear_pointer (&self->relations, gloss_relation_index_free);
  g_ptr_array_unref (self->relation_types);
  g_hash_table_unref (self->tags_by_id);
  g_hash_table_unref (self->relation_type_set);
  g_mutex_clear (&self->readers_lock);
  g_cond_clear (&self->readers_done);
  g_clear_pointer (&self->disk_state, gloss_disk_state_free);

  G_OBJECT_CLASS (gloss_project_parent_class)->finalize (object);
}

static void
gloss_project_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossProject *self = GLOSS_PROJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, gloss_project_get_dirty (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, gloss_project_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, gloss_project_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_project_class_init (GlossProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_project_finalize;
  object_class->get_property = gloss_project_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossProject::changed:
   *
   * After every edit, undo or redo (once per action).
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
gloss_project_init (GlossProject *self)
{
  self->title = g_strdup ("");
  self->author = g_strdup (gloss_default_author ());
  self->created = g_date_time_new_now_utc ();
  self->modified = g_date_time_ref (self->created);
  self->tags = gloss_object_list_new (GLOSS_TYPE_TAG);
  self->documents = gloss_object_list_new (GLOSS_TYPE_DOCUMENT);
  self->relations = gloss_relation_index_new ();
  self->relation_types = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->tags_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->relation_type_set = g_hash_table_new (g_str_hash, g_str_equal);
  self->history = gloss_history_new ();
  g_mutex_init (&self->readers_lock);
  g_cond_init (&self->readers_done);
}

GlossProject *
gloss_project_new_empty (void)
{
  return g_object_new (GLOSS_TYPE_PROJECT, NULL);
}

GlossProject *
gloss_project_new (void)
{
  GlossProject *self = gloss_project_new_empty ();

  for (guint i = 0; i < G_N_ELEMENTS (default_tags); i++)
    {
      g_autoptr(GlossTag) tag = gloss_tag_new (default_tags[i].id,
                                               _(default_tags[i].name),
                                               default_tags[i].color,
                                               (int) i + 1);

      if (default_tags[i].description != NULL)
        gloss_tag_set_description (tag, _(default_tags[i].description));
      gloss_project_insert_tag (self, tag);
    }

  for (guint i = 0; i < G_N_ELEMENTS (default_relation_types); i++)
    gloss_project_insert_relation_type (self, default_relation_types[i]);

  return self;
}

const char *
gloss_project_get_title (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  return self->title;
}

void
_gloss_project_store_title (GlossProject *self,
                            const char   *title)
{
  if (title == NULL)
    title = "";
  if (g_str_equal (self->title, title))
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
gloss_project_set_title_raw (GlossProject *self,
                             const char   *title)
{
  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (!is_being_read (self));
  _gloss_project_store_title (self, title);
}

GDateTime *
gloss_project_get_created (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  return self->created;
}

void
gloss_project_set_created (GlossProject *self,
                           GDateTime    *created)
{
  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (created != NULL);

  g_date_time_ref (created);
  g_date_time_unref (self->created);
  self->created = created;
}

GDateTime *
gloss_project_get_modified (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  return self->modified;
}

void
gloss_project_set_modified (GlossProject *self,
                            GDateTime    *modified)
{
  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (modified != NULL);

  g_date_time_ref (modified);
  g_date_time_unref (self->modified);
  self->modified = modified;
}

GListModel *
gloss_project_get_tags (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->tags);
}

GListModel *
gloss_project_get_documents (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->documents);
}

GListModel *
gloss_project_get_relations (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  return gloss_relation_index_get_list (self->relations);
}

const char * const *
gloss_project_get_relation_types (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  return (const char * const *) self->relation_types->pdata;
}

/* Tags are few (tens): a walk is faster than keeping maps in step. */
GlossTag *
gloss_project_lookup_tag (GlossProject *self,
                          const char   *tag_id)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  return tag_id != NULL ? g_hash_table_lookup (self->tags_by_id, tag_id) : NULL;
}

GlossRelation *
gloss_project_lookup_relation (GlossProject *self,
                               const char   *relation_id)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  return gloss_relation_index_lookup (self->relations, relation_id);
}

GPtrArray *
gloss_project_relations_of (GlossProject    *self,
                            GlossAnnotation *annotation)
{
  GPtrArray *result = g_ptr_array_new ();
  GPtrArray *relations;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), result);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), result);

  relations = gloss_relation_index_of (self->relations, gloss_annotation_get_id (annotation));
  if (relations != NULL)
    g_ptr_array_extend (result, relations, NULL, NULL);

  return result;
}

guint
gloss_project_count_relations_of (GlossProject    *self,
                                  GlossAnnotation *annotation)
{
  GPtrArray *relations;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), 0);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), 0);

  relations = gloss_relation_index_of (self->relations, gloss_annotation_get_id (annotation));
  return relations != NULL ? relations->len : 0;
}

gboolean
gloss_project_has_relation_from (GlossProject    *self,
                                 GlossAnnotation *annotation,
                                 const char      *type)
{
  GPtrArray *relations;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);
  g_return_val_if_fail (type != NULL, FALSE);

  relations = gloss_relation_index_of (self->relations, gloss_annotation_get_id (annotation));
  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (relations, i);

      if (g_str_equal (gloss_relation_get_type_name (relation), type) &&
          g_str_equal (gloss_relation_get_from (relation), gloss_annotation_get_id (annotation)))
        return TRUE;
    }
  return FALSE;
}

/* ---- Raw construction ---- */

static guint
find_position (GlossObjectList *list,
               gpointer         item)
{
  return gloss_object_list_find (list, item);
}

void
_gloss_project_insert_tag_at (GlossProject *self,
                              GlossTag     *tag,
                              guint         position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tags));

  gloss_object_list_insert (self->tags, MIN (position, n), tag);
  g_hash_table_insert (self->tags_by_id, (gpointer) gloss_tag_get_id (tag), tag);
}

void
gloss_project_insert_tag (GlossProject *self,
                          GlossTag     *tag)
{
  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (!is_being_read (self));
  g_return_if_fail (GLOSS_IS_TAG (tag));
  g_return_if_fail (gloss_project_lookup_tag (self, gloss_tag_get_id (tag)) == NULL);

  gloss_object_list_insert (self->tags, G_MAXUINT, tag);
  g_hash_table_insert (self->tags_by_id, (gpointer) gloss_tag_get_id (tag), tag);
}

void
_gloss_project_remove_tag (GlossProject *self,
                           GlossTag     *tag)
{
  guint position = find_position (self->tags, tag);

  if (position != G_MAXUINT)
    {
      g_hash_table_remove (self->tags_by_id, gloss_tag_get_id (tag));
      gloss_object_list_remove (self->tags, position);
    }
}

guint
_gloss_project_tag_position (GlossProject *self,
                             GlossTag     *tag)
{
  return find_position (self->tags, tag);
}

void
_gloss_project_insert_document_at (GlossProject  *self,
                                   GlossDocument *document,
                                   guint          position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

  _gloss_document_set_project (document, self);
  gloss_object_list_insert (self->documents, MIN (position, n), document);
}

void
gloss_project_insert_document (GlossProject  *self,
                               GlossDocument *document)
{
  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (!is_being_read (self));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));
  g_return_if_fail (gloss_document_get_project (document) == NULL);

  _gloss_project_insert_document_at (self, document, G_MAXUINT);
}

void
_gloss_project_remove_document (GlossProject  *self,
                                GlossDocument *document)
{
  guint position = find_position (self->documents, document);

  if (position == G_MAXUINT)
    return;

  _gloss_document_set_project (document, NULL);
  gloss_object_list_remove (self->documents, position);
}

guint
_gloss_project_document_position (GlossProject  *self,
                                  GlossDocument *document)
{
  return find_position (self->documents, document);
}

void
_gloss_project_insert_relation_at (GlossProject  *self,
                                   GlossRelation *relation,
                                   guint          position)
{
  gloss_relation_index_insert (self->relations, relation, position);
}

void
gloss_project_insert_relation (GlossProject  *self,
                               GlossRelation *relation)
{
  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (!is_being_read (self));
  g_return_if_fail (GLOSS_IS_RELATION (relation));
  g_return_if_fail (gloss_relation_index_lookup (self->relations, gloss_relation_get_id (relation)) == NULL);

  _gloss_project_insert_relation_at (self, relation, G_MAXUINT);
}

void
_gloss_project_remove_relation (GlossProject  *self,
                                GlossRelation *relation,
                                guint          hint)
{
  gloss_relation_index_remove (self->relations, relation, hint);
}

guint
_gloss_project_relation_position (GlossProject  *self,
                                  GlossRelation *relation)
{
  return gloss_relation_index_position (self->relations, relation);
}

void
gloss_project_insert_relation_type (GlossProject *self,
                                    const char   *type)
{
  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (!is_being_read (self));
  g_return_if_fail (type != NULL && *type != '\0');

  if (gloss_project_has_relation_type (self, type))
    return;

  {
    char *copy = g_strdup (type);

    g_ptr_array_add (self->relation_types, copy);
    g_hash_table_add (self->relation_type_set, copy);
  }
}

gboolean
gloss_project_has_relation_type (GlossProject *self,
                                 const char   *type)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  return type != NULL && g_hash_table_contains (self->relation_type_set, type);
}

void
_gloss_project_store_relation_types (GlossProject       *self,
                                     const char * const *types)
{
  g_hash_table_remove_all (self->relation_type_set);
  g_ptr_array_set_size (self->relation_types, 0);
  for (guint i = 0; types != NULL && types[i] != NULL; i++)
    {
      char *copy = g_strdup (types[i]);

      g_ptr_array_add (self->relation_types, copy);
      g_hash_table_add (self->relation_type_set, copy);
    }
}

/* ---- Readers on other threads ---- */

void
gloss_project_begin_read (GlossProject *self)
{
  g_return_if_fail (GLOSS_IS_PROJECT (self));

  g_object_ref (self);
  g_mutex_lock (&self->readers_lock);
  self->readers++;
  g_mutex_unlock (&self->readers_lock);
}

void
gloss_project_end_read (GlossProject *self)
{
  g_return_if_fail (GLOSS_IS_PROJECT (self));

  g_mutex_lock (&self->readers_lock);
  g_return_if_fail (self->readers > 0);
  if (--self->readers == 0)
    g_cond_broadcast (&self->readers_done);
  g_mutex_unlock (&self->readers_lock);
  g_object_unref (self);
}


/* ---- History ---- */

GlossHistory *
_gloss_project_get_history (GlossProject *self)
{
  return self->history;
}

static void
announce_change (GlossProject *self)
{
  gboolean dirty = gloss_project_get_dirty (self);
  gboolean can_undo = gloss_history_can_undo (self->history);
  gboolean can_redo = gloss_history_can_redo (self->history);

  self->generation++;
  g_date_time_unref (self->modified);
  self->modified = g_date_time_new_now_utc ();

  g_object_freeze_notify (G_OBJECT (self));
  if (dirty != self->dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

void
_gloss_project_do (GlossProject *self,
                   GlossEdit    *edit,
                   const char   *label)
{
  wait_until_unread (self);
  edit->klass->apply (edit, self, TRUE);
  gloss_history_push (self->history, edit, label);

  if (self->action_depth > 0)
    self->change_pending = TRUE;
  else
    announce_change (self);
}

void
gloss_project_begin_action (GlossProject *self,
                            const char   *label)
{
  g_return_if_fail (GLOSS_IS_PROJECT (self));

  self->action_depth++;
  gloss_history_begin (self->history, label);
}

void
gloss_project_end_action (GlossProject *self)
{
  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (self->action_depth > 0);

  gloss_history_end (self->history);
  if (--self->action_depth == 0 && self->change_pending)
    {
      self->change_pending = FALSE;
      announce_change (self);
    }
}

gboolean
gloss_project_can_undo (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  return self->action_depth == 0 && gloss_history_can_undo (self->history);
}

gboolean
gloss_project_can_redo (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  return self->action_depth == 0 && gloss_history_can_redo (self->history);
}

const char *
gloss_project_get_undo_label (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  return gloss_history_get_undo_label (self->history);
}

const char *
gloss_project_get_redo_label (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  return gloss_history_get_redo_label (self->history);
}

gboolean
gloss_project_undo (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->action_depth == 0, FALSE);

  wait_until_unread (self);
  if (!gloss_history_undo (self->history, self))
    return FALSE;

  announce_change (self);
  return TRUE;
}

gboolean
gloss_project_redo (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->action_depth == 0, FALSE);

  wait_until_unread (self);
  if (!gloss_history_redo (self->history, self))
    return FALSE;

  announce_change (self);
  return TRUE;
}

gboolean
gloss_project_get_dirty (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  return !gloss_history_is_at_saved (self->history);
}

void
gloss_project_mark_saved (GlossProject *self)
{
  g_return_if_fail (GLOSS_IS_PROJECT (self));

  gloss_history_mark_saved (self->history);
  if (self->dirty)
    {
      self->dirty = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
}

guint64
_gloss_project_get_save_point (GlossProject *self)
{
  return gloss_history_get_state (self->history);
}

void
_gloss_project_mark_saved_at (GlossProject *self,
                              guint64       point)
{
  gboolean dirty;

  gloss_history_mark_saved_state (self->history, point);
  dirty = !gloss_history_is_at_saved (self->history);
  if (dirty != self->dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
}

void
_gloss_project_mark_unsaved (GlossProject *self)
{
  gloss_history_mark_unsaved (self->history);
  if (!self->dirty)
    {
      self->dirty = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
}

gboolean
gloss_project_is_partial (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  return self->partial;
}

void
_gloss_project_set_partial (GlossProject *self,
                            gboolean      partial)
{
  self->partial = partial;
}

GlossDiskState *
gloss_project_get_disk_state (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  return self->disk_state;
}

void
gloss_project_set_disk_state (GlossProject   *self,
                              GlossDiskState *state)
{
  g_return_if_fail (GLOSS_IS_PROJECT (self));

  if (self->disk_state != state)
    g_clear_pointer (&self->disk_state, gloss_disk_state_free);
  self->disk_state = state;
}

guint64
gloss_project_get_generation (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), 0);
  return self->generation;
}

const char *
gloss_default_author (void)
{
  const char *name = g_get_real_name ();

  /* GLib says "Unknown" when the account has no real name, and many
   * accounts (root) repeat the login there: not a name to sign with. */
  if (name == NULL || g_str_equal (name, "Unknown") || g_str_equal (name, g_get_user_name ()))
    return "";

  return name;
}

const char *
gloss_project_get_author (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  return self->author;
}

void
gloss_project_set_author (GlossProject *self,
                          const char   *author)
{
  g_return_if_fail (GLOSS_IS_PROJECT (self));

  g_free (self->author);
  self->author = g_strdup (author != NULL ? author : "");
}
