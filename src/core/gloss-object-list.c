/* gloss-object-list.c — a list model whose reads change nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-object-list.h"

struct _GlossObjectList
{
  GObject    parent_instance;
  GType      item_type;
  GPtrArray *items;
};

static void gloss_object_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossObjectList, gloss_object_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, gloss_object_list_model_init))

static GType
get_item_type (GListModel *model)
{
  return GLOSS_OBJECT_LIST (model)->item_type;
}

static guint
get_n_items (GListModel *model)
{
  return GLOSS_OBJECT_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  GlossObjectList *self = GLOSS_OBJECT_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
gloss_object_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
gloss_object_list_finalize (GObject *object)
{
  g_ptr_array_unref (GLOSS_OBJECT_LIST (object)->items);

  G_OBJECT_CLASS (gloss_object_list_parent_class)->finalize (object);
}

static void
gloss_object_list_class_init (GlossObjectListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_object_list_finalize;
}

static void
gloss_object_list_init (GlossObjectList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

GlossObjectList *
gloss_object_list_new (GType item_type)
{
  GlossObjectList *self = g_object_new (GLOSS_TYPE_OBJECT_LIST, NULL);

  self->item_type = item_type;

  return self;
}

guint
gloss_object_list_get_size (GlossObjectList *self)
{
  g_return_val_if_fail (GLOSS_IS_OBJECT_LIST (self), 0);
  return self->items->len;
}

gpointer
gloss_object_list_get (GlossObjectList *self,
                       guint            position)
{
  g_return_val_if_fail (GLOSS_IS_OBJECT_LIST (self), NULL);

  if (position >= self->items->len)
    return NULL;

  return g_ptr_array_index (self->items, position);
}

void
gloss_object_list_insert (GlossObjectList *self,
                          guint            position,
                          gpointer         item)
{
  g_return_if_fail (GLOSS_IS_OBJECT_LIST (self));
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, self->item_type));

  position = MIN (position, self->items->len);
  g_ptr_array_insert (self->items, (int) position, g_object_ref (item));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

void
gloss_object_list_remove (GlossObjectList *self,
                          guint            position)
{
  g_return_if_fail (GLOSS_IS_OBJECT_LIST (self));
  g_return_if_fail (position < self->items->len);

  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

guint
gloss_object_list_find (GlossObjectList *self,
                        gpointer         item)
{
  guint position;

  g_return_val_if_fail (GLOSS_IS_OBJECT_LIST (self), G_MAXUINT);

  if (g_ptr_array_find (self->items, item, &position))
    return position;

  return G_MAXUINT;
}
