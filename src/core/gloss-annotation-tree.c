/* gloss-annotation-tree.c — a treap of annotations with size and max-end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-annotation-tree.h"

typedef struct _Node Node;

struct _Node
{
  Node            *left;
  Node            *right;
  GlossAnnotation *annotation;
  const char      *id;        /* the annotation's, cached for comparisons */
  GlossOffset      start;
  GlossOffset      end;
  GlossOffset      max_end;   /* greatest end in this subtree */
  guint            size;      /* nodes in this subtree */
  guint32          priority;
};

struct _GlossAnnotationTree
{
  Node    *root;
  guint32  random_state;
};

static inline guint
node_size (Node *node)
{
  return node != NULL ? node->size : 0;
}

static inline void
node_update (Node *node)
{
  node->size = 1 + node_size (node->left) + node_size (node->right);
  node->max_end = node->end;
  if (node->left != NULL && node->left->max_end > node->max_end)
    node->max_end = node->left->max_end;
  if (node->right != NULL && node->right->max_end > node->max_end)
    node->max_end = node->right->max_end;
}

static inline int
compare_key (GlossOffset  start,
             GlossOffset  end,
             const char  *id,
             Node        *node)
{
  if (start != node->start)
    return start < node->start ? -1 : 1;
  if (end != node->end)
    return end < node->end ? -1 : 1;
  return strcmp (id, node->id);
}

/* xorshift32: priorities only need to be well spread, not secret. */
static guint32
next_priority (GlossAnnotationTree *self)
{
  guint32 x = self->random_state;

  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  self->random_state = x;

  return x;
}

static void
node_free_recursive (Node *node)
{
  while (node != NULL)
    {
      Node *right = node->right;

      node_free_recursive (node->left);
      g_object_unref (node->annotation);
      g_free (node);
      node = right;
    }
}

GlossAnnotationTree *
gloss_annotation_tree_new (void)
{
  GlossAnnotationTree *self = g_new0 (GlossAnnotationTree, 1);

  self->random_state = 0x9e3779b9u;

  return self;
}

void
gloss_annotation_tree_free (GlossAnnotationTree *self)
{
  if (self == NULL)
    return;

  node_free_recursive (self->root);
  g_free (self);
}

guint
gloss_annotation_tree_get_size (GlossAnnotationTree *self)
{
  return node_size (self->root);
}

/* Splits @node into the keys before (start, end, id) and the rest. */
static void
split (Node         *node,
       GlossOffset   start,
       GlossOffset   end,
       const char   *id,
       Node        **out_left,
       Node        **out_right)
{
  if (node == NULL)
    {
      *out_left = *out_right = NULL;
      return;
    }

  if (compare_key (start, end, id, node) > 0)
    {
      split (node->right, start, end, id, &node->right, out_right);
      *out_left = node;
    }
  else
    {
      split (node->left, start, end, id, out_left, &node->left);
      *out_right = node;
    }

  node_update (node);
}

/* Joins two treaps where every key of @left precedes every key of @right. */
static Node *
merge (Node *left,
       Node *right)
{
  if (left == NULL)
    return right;
  if (right == NULL)
    return left;

  if (left->priority > right->priority)
    {
      left->right = merge (left->right, right);
      node_update (left);
      return left;
    }
  else
    {
      right->left = merge (left, right->left);
      node_update (right);
      return right;
    }
}

guint
gloss_annotation_tree_insert (GlossAnnotationTree *self,
                              GlossAnnotation     *annotation)
{
  Node *node;
  Node *left;
  Node *right;
  guint rank;

  g_return_val_if_fail (self != NULL, G_MAXUINT);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), G_MAXUINT);

  node = g_new0 (Node, 1);
  node->annotation = g_object_ref (annotation);
  node->id = gloss_annotation_get_id (annotation);
  node->start = gloss_annotation_get_start (annotation);
  node->end = gloss_annotation_get_end (annotation);
  node->priority = next_priority (self);
  node_update (node);

  split (self->root, node->start, node->end, node->id, &left, &right);
  rank = node_size (left);
  self->root = merge (merge (left, node), right);

  return rank;
}

guint
gloss_annotation_tree_remove (GlossAnnotationTree *self,
                              GlossAnnotation     *annotation)
{
  GlossOffset start = gloss_annotation_get_start (annotation);
  GlossOffset end = gloss_annotation_get_end (annotation);
  const char *id = gloss_annotation_get_id (annotation);
  Node **link = &self->root;
  Node *path[128];
  guint depth = 0;
  guint rank = 0;

  while (*link != NULL)
    {
      Node *node = *link;
      int cmp = compare_key (start, end, id, node);

      if (cmp == 0)
        {
          Node *removed = node;

          rank += node_size (node->left);
          *link = merge (node->left, node->right);
          g_object_unref (removed->annotation);
          g_free (removed);

          /* Sizes and max-ends above the removed node are stale now. */
          while (depth > 0)
            node_update (path[--depth]);

          return rank;
        }

      if (depth == G_N_ELEMENTS (path))
        break;  /* a treap this deep is astronomically unlikely */
      path[depth++] = node;

      if (cmp < 0)
        link = &node->left;
      else
        {
          rank += node_size (node->left) + 1;
          link = &node->right;
        }
    }

  return G_MAXUINT;
}

GlossAnnotation *
gloss_annotation_tree_get_nth (GlossAnnotationTree *self,
                               guint                position)
{
  Node *node = self->root;

  while (node != NULL)
    {
      guint left_size = node_size (node->left);

      if (position < left_size)
        node = node->left;
      else if (position == left_size)
        return node->annotation;
      else
        {
          position -= left_size + 1;
          node = node->right;
        }
    }

  return NULL;
}

guint
gloss_annotation_tree_get_rank (GlossAnnotationTree *self,
                                GlossAnnotation     *annotation)
{
  GlossOffset start = gloss_annotation_get_start (annotation);
  GlossOffset end = gloss_annotation_get_end (annotation);
  const char *id = gloss_annotation_get_id (annotation);
  Node *node = self->root;
  guint rank = 0;

  while (node != NULL)
    {
      int cmp = compare_key (start, end, id, node);

      if (cmp == 0)
        return node->annotation == annotation ? rank + node_size (node->left) : G_MAXUINT;

      if (cmp < 0)
        node = node->left;
      else
        {
          rank += node_size (node->left) + 1;
          node = node->right;
        }
    }

  return G_MAXUINT;
}

guint
gloss_annotation_tree_lower_bound (GlossAnnotationTree *self,
                                   GlossOffset          offset)
{
  Node *node = self->root;
  guint rank = 0;

  while (node != NULL)
    {
      if (node->start >= offset)
        node = node->left;
      else
        {
          rank += node_size (node->left) + 1;
          node = node->right;
        }
    }

  return rank;
}

typedef struct {
  GlossOffset          start;
  GlossOffset          end;
  GlossAnnotationFunc  func;
  gpointer             user_data;
} Query;

/* In-order walk that skips subtrees ending before the range and stops at
 * the first node starting after it. Returns FALSE when the walk is over. */
static gboolean
visit_overlapping (Node  *node,
                   Query *query)
{
  while (node != NULL)
    {
      if (node->max_end <= query->start)
        return TRUE;

      if (!visit_overlapping (node->left, query))
        return FALSE;

      if (node->start >= query->end)
        return FALSE;

      if (node->end > query->start && !query->func (node->annotation, query->user_data))
        return FALSE;

      node = node->right;
    }

  return TRUE;
}

void
gloss_annotation_tree_foreach_overlapping (GlossAnnotationTree *self,
                                           GlossOffset          start,
                                           GlossOffset          end,
                                           GlossAnnotationFunc  func,
                                           gpointer             user_data)
{
  Query query = { start, end, func, user_data };

  g_return_if_fail (func != NULL);

  if (start >= end)
    return;

  visit_overlapping (self->root, &query);
}
