/* gloss-tag.c — a label an annotation can carry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-conflict.h"
#include "gloss-tag.h"

struct _GlossTag
{
  GObject parent_instance;

  char *id;
  char *name;
  char *color;
  char *description;
  int digit;
  GlossConflict *conflict;  /* NULL unless a merge left two versions */
};

G_DEFINE_FINAL_TYPE (GlossTag, gloss_tag, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_COLOR,
  PROP_DIGIT,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_tag_finalize (GObject *object)
{
  GlossTag *self = GLOSS_TAG (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->color);
  g_free (self->description);
  gloss_conflict_free (self->conflict);

  G_OBJECT_CLASS (gloss_tag_parent_class)->finalize (object);
}

static void
gloss_tag_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  GlossTag *self = GLOSS_TAG (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_DIGIT:
      g_value_set_int (value, self->digit);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_tag_class_init (GlossTagClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_tag_finalize;
  object_class->get_property = gloss_tag_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIGIT] =
    g_param_spec_int ("digit", NULL, NULL, -1, 9, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_tag_init (GlossTag *self)
{
  self->digit = -1;
}

GlossTag *
gloss_tag_new (const char *id,
               const char *name,
               const char *color,
               int         digit)
{
  GlossTag *self = g_object_new (GLOSS_TYPE_TAG, NULL);

  self->id = id != NULL ? g_strdup (id) : g_uuid_string_random ();
  self->name = g_strdup (name != NULL ? name : "");
  self->color = g_strdup (color != NULL && gloss_color_is_valid (color) ? color : "#9a9996");
  self->digit = digit >= 0 && digit <= 9 ? digit : -1;
  self->description = g_strdup ("");

  return self;
}

const char *
gloss_tag_get_id (GlossTag *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG (self), NULL);
  return self->id;
}

const char *
gloss_tag_get_name (GlossTag *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG (self), NULL);
  return self->name;
}

static void
set_string_property (GlossTag    *self,
                     char       **field,
                     const char  *value,
                     int          prop)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
gloss_tag_set_name (GlossTag   *self,
                    const char *name)
{
  g_return_if_fail (GLOSS_IS_TAG (self));
  set_string_property (self, &self->name, name, PROP_NAME);
}

const char *
gloss_tag_get_color (GlossTag *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG (self), NULL);
  return self->color;
}

void
gloss_tag_set_color (GlossTag   *self,
                     const char *color)
{
  g_return_if_fail (GLOSS_IS_TAG (self));
  g_return_if_fail (gloss_color_is_valid (color));
  set_string_property (self, &self->color, color, PROP_COLOR);
}

int
gloss_tag_get_digit (GlossTag *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG (self), -1);
  return self->digit;
}

void
gloss_tag_set_digit (GlossTag *self,
                     int       digit)
{
  g_return_if_fail (GLOSS_IS_TAG (self));

  if (digit < 0 || digit > 9)
    digit = -1;

  if (self->digit == digit)
    return;

  self->digit = digit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIGIT]);
}

const char *
gloss_tag_get_description (GlossTag *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG (self), NULL);
  return self->description;
}

void
gloss_tag_set_description (GlossTag   *self,
                           const char *description)
{
  g_return_if_fail (GLOSS_IS_TAG (self));
  set_string_property (self, &self->description, description, PROP_DESCRIPTION);
}

/* "#rrggbb", the one form the file format allows. */
gboolean
gloss_color_is_valid (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;

  return TRUE;
}

/* The mark `gloss --merge` leaves on each of two versions (gloss-conflict.h),
 * or NULL. */
const GlossConflict *
gloss_tag_get_conflict (GlossTag *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG (self), NULL);
  return self->conflict;
}

void
gloss_tag_set_conflict (GlossTag          *self,
                        GlossConflictSide  side,
                        const char        *with)
{
  g_return_if_fail (GLOSS_IS_TAG (self));
  gloss_conflict_replace (&self->conflict, side, with);
}
