/* gloss-edit.c — the place edit and the fields edit (gloss-edit-private.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-edit-private.h"

/* ---- A thing takes, leaves or changes its place ---- */

typedef struct {
  GlossEdit             parent;
  const GlossPlaceKind *kind;
  gpointer              owner;
  gpointer              object;
  guint                 position[2];  /* before, after */
} PlaceEdit;

static void
place_apply (GlossEdit    *edit,
             GlossProject *project,
             gboolean      forward)
{
  PlaceEdit *self = (PlaceEdit *) edit;
  guint from = self->position[!forward];
  guint to = self->position[forward];

  if (from != G_MAXUINT)
    self->kind->remove (project, self->owner, self->object, from);
  if (to != G_MAXUINT)
    self->kind->insert (project, self->owner, self->object, to);
}

static void
place_free (GlossEdit *edit)
{
  PlaceEdit *self = (PlaceEdit *) edit;

  g_clear_object (&self->owner);
  g_object_unref (self->object);
  g_free (self);
}

static const GlossEditClass place_class = {
  "place", place_apply, place_free, NULL,
};

GlossEdit *
_gloss_place_edit_new (const GlossPlaceKind *kind,
                       gpointer              owner,
                       gpointer              object,
                       guint                 before,
                       guint                 after)
{
  PlaceEdit *self = g_new0 (PlaceEdit, 1);

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  self->parent.klass = &place_class;
  self->kind = kind;
  self->owner = owner != NULL ? g_object_ref (owner) : NULL;
  self->object = g_object_ref (object);
  self->position[0] = before;
  self->position[1] = after;

  return &self->parent;
}

/* ---- A thing's fields go from one value to another ---- */

typedef struct {
  GlossEdit              parent;
  const GlossFieldsKind *kind;
  gpointer               object;
  gpointer               value[2];  /* before, after */
  gboolean               mergeable;
} FieldsEdit;

static void
fields_apply (GlossEdit    *edit,
              GlossProject *project,
              gboolean      forward)
{
  FieldsEdit *self = (FieldsEdit *) edit;

  self->kind->store (project, self->object, self->value[forward]);
}

static void
fields_free (GlossEdit *edit)
{
  FieldsEdit *self = (FieldsEdit *) edit;

  g_clear_object (&self->object);
  for (guint i = 0; i < 2; i++)
    if (self->value[i] != NULL)
      self->kind->free_value (self->value[i]);
  g_free (self);
}

static gboolean
fields_merge (GlossEdit *edit,
              GlossEdit *next)
{
  FieldsEdit *self = (FieldsEdit *) edit;
  FieldsEdit *other = (FieldsEdit *) next;

  if (!self->mergeable || !other->mergeable ||
      self->kind != other->kind || self->object != other->object)
    return FALSE;

  self->kind->free_value (self->value[1]);
  self->value[1] = g_steal_pointer (&other->value[1]);
  return TRUE;
}

static const GlossEditClass fields_class = {
  "fields", fields_apply, fields_free, fields_merge,
};

GlossEdit *
_gloss_fields_edit_new (const GlossFieldsKind *kind,
                        gpointer               object,
                        gpointer               before,
                        gpointer               after,
                        gboolean               mergeable)
{
  FieldsEdit *self = g_new0 (FieldsEdit, 1);

  self->parent.klass = &fields_class;
  self->kind = kind;
  self->object = object != NULL ? g_object_ref (object) : NULL;
  self->value[0] = before;
  self->value[1] = after;
  self->mergeable = mergeable;

  return &self->parent;
}
