/* gloss-relation.c — a typed link from one annotation to another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-conflict.h"
#include "gloss-relation.h"

struct _GlossRelation
{
  GObject parent_instance;

  char *id;
  char *type;
  char *from;
  char *to;
  char *note;
  char *author;
  GlossConflict *conflict;  /* NULL unless a merge left two versions */
};

G_DEFINE_FINAL_TYPE (GlossRelation, gloss_relation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TYPE,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_relation_finalize (GObject *object)
{
  GlossRelation *self = GLOSS_RELATION (object);

  g_free (self->id);
  g_free (self->type);
  g_free (self->from);
  g_free (self->to);
  g_free (self->note);
  g_free (self->author);
  gloss_conflict_free (self->conflict);

  G_OBJECT_CLASS (gloss_relation_parent_class)->finalize (object);
}

static void
gloss_relation_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GlossRelation *self = GLOSS_RELATION (object);

  switch (prop_id)
    {
    case PROP_TYPE:
      g_value_set_string (value, self->type);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_relation_class_init (GlossRelationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_relation_finalize;
  object_class->get_property = gloss_relation_get_property;

  properties[PROP_TYPE] =
    g_param_spec_string ("type", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_relation_init (GlossRelation *self)
{
}

GlossRelation *
gloss_relation_new (const char *id,
                    const char *type,
                    const char *from_id,
                    const char *to_id)
{
  GlossRelation *self;

  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (from_id != NULL, NULL);
  g_return_val_if_fail (to_id != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_RELATION, NULL);
  self->id = id != NULL ? g_strdup (id) : g_uuid_string_random ();
  self->type = g_strdup (type);
  self->from = g_strdup (from_id);
  self->to = g_strdup (to_id);
  self->note = g_strdup ("");

  return self;
}

const char *
gloss_relation_get_id (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);
  return self->id;
}

const char *
gloss_relation_get_type_name (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);
  return self->type;
}

void
gloss_relation_set_type_name (GlossRelation *self,
                              const char    *type)
{
  g_return_if_fail (GLOSS_IS_RELATION (self));
  g_return_if_fail (type != NULL);

  if (g_strcmp0 (self->type, type) == 0)
    return;

  g_free (self->type);
  self->type = g_strdup (type);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPE]);
}

const char *
gloss_relation_get_from (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);
  return self->from;
}

const char *
gloss_relation_get_to (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);
  return self->to;
}

const char *
gloss_relation_get_note (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);
  return self->note;
}

void
gloss_relation_set_note (GlossRelation *self,
                         const char    *note)
{
  g_return_if_fail (GLOSS_IS_RELATION (self));

  if (note == NULL)
    note = "";

  if (g_strcmp0 (self->note, note) == 0)
    return;

  g_free (self->note);
  self->note = g_strdup (note);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

const char *
gloss_relation_get_author (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);
  return self->author != NULL ? self->author : "";
}

void
gloss_relation_set_author (GlossRelation *self,
                           const char    *author)
{
  g_return_if_fail (GLOSS_IS_RELATION (self));

  g_free (self->author);
  self->author = author != NULL && *author != '\0' ? g_strdup (author) : NULL;
}

/* The mark `gloss --merge` leaves on each of two versions (gloss-conflict.h),
 * or NULL. */
const GlossConflict *
gloss_relation_get_conflict (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);
  return self->conflict;
}

void
gloss_relation_set_conflict (GlossRelation          *self,
                             GlossConflictSide  side,
                             const char        *with)
{
  g_return_if_fail (GLOSS_IS_RELATION (self));
  gloss_conflict_replace (&self->conflict, side, with);
}
