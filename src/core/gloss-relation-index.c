/* gloss-relation-index.c — a project's relations, in order and indexed
 * (gloss-relation-index.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-object-list.h"
#include "gloss-relation-index.h"

struct _GlossRelationIndex
{
  /* Not GListStore: an autosave reads it from a worker thread. */
  GlossObjectList *list;
  GHashTable      *by_id;          /* id → GlossRelation (unowned) */
  GHashTable      *by_annotation;  /* annotation id → GPtrArray of GlossRelation */
};

GlossRelationIndex *
gloss_relation_index_new (void)
{
  GlossRelationIndex *self = g_new0 (GlossRelationIndex, 1);

  self->list = gloss_object_list_new (GLOSS_TYPE_RELATION);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->by_annotation = g_hash_table_new_full (g_str_hash, g_str_equal,
                                               g_free, (GDestroyNotify) g_ptr_array_unref);
  return self;
}

void
gloss_relation_index_free (GlossRelationIndex *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->by_id);
  g_hash_table_unref (self->by_annotation);
  g_object_unref (self->list);
  g_free (self);
}

GListModel *
gloss_relation_index_get_list (GlossRelationIndex *self)
{
  return G_LIST_MODEL (self->list);
}

static void
index_end (GlossRelationIndex *self,
           const char         *annotation_id,
           GlossRelation      *relation)
{
  GPtrArray *relations = g_hash_table_lookup (self->by_annotation, annotation_id);

  if (relations == NULL)
    {
      relations = g_ptr_array_new ();
      g_hash_table_insert (self->by_annotation, g_strdup (annotation_id), relations);
    }

  g_ptr_array_add (relations, relation);
}

static void
unindex_end (GlossRelationIndex *self,
             const char         *annotation_id,
             GlossRelation      *relation)
{
  GPtrArray *relations = g_hash_table_lookup (self->by_annotation, annotation_id);

  if (relations == NULL)
    return;

  g_ptr_array_remove (relations, relation);
  if (relations->len == 0)
    g_hash_table_remove (self->by_annotation, annotation_id);
}

void
gloss_relation_index_insert (GlossRelationIndex *self,
                             GlossRelation      *relation,
                             guint               position)
{
  guint n = gloss_object_list_get_size (self->list);
  const char *from = gloss_relation_get_from (relation);
  const char *to = gloss_relation_get_to (relation);

  g_hash_table_insert (self->by_id, (gpointer) gloss_relation_get_id (relation), relation);
  index_end (self, from, relation);
  if (!g_str_equal (from, to))
    index_end (self, to, relation);
  gloss_object_list_insert (self->list, MIN (position, n), relation);
}

void
gloss_relation_index_remove (GlossRelationIndex *self,
                             GlossRelation      *relation,
                             guint               hint)
{
  G_GNUC_UNUSED g_autoptr(GlossRelation) hold = g_object_ref (relation);
  guint position;

  /* Undo knows where the relation was: checking there is O(log n), where
   * searching the list would make undoing a large import quadratic. */
  if (hint < gloss_object_list_get_size (self->list) &&
      gloss_object_list_get (self->list, hint) == (gpointer) relation)
    position = hint;
  else
    position = gloss_object_list_find (self->list, relation);

  if (position == G_MAXUINT)
    return;

  g_hash_table_remove (self->by_id, gloss_relation_get_id (relation));
  unindex_end (self, gloss_relation_get_from (relation), relation);
  unindex_end (self, gloss_relation_get_to (relation), relation);
  gloss_object_list_remove (self->list, position);
}

guint
gloss_relation_index_position (GlossRelationIndex *self,
                               GlossRelation      *relation)
{
  return gloss_object_list_find (self->list, relation);
}

GlossRelation *
gloss_relation_index_lookup (GlossRelationIndex *self,
                             const char         *id)
{
  return id != NULL ? g_hash_table_lookup (self->by_id, id) : NULL;
}

GPtrArray *
gloss_relation_index_of (GlossRelationIndex *self,
                         const char         *annotation_id)
{
  return g_hash_table_lookup (self->by_annotation, annotation_id);
}
