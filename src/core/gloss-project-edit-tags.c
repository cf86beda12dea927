/* gloss-project-edit-tags.c — the undoable changes to tags and link types
 *
 * Like every edit (gloss-project-edits.c), these pass through
 * _gloss_project_do (). Deleting a tag takes it off every annotation
 * first, as one action.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-annotation-private.h"
#include "gloss-document.h"
#include "gloss-project-private.h"
#include "gloss-tag.h"

/* ---- The kinds ---- */

static void
tag_insert (GlossProject *project,
            gpointer      owner,
            gpointer      object,
            guint         position)
{
  _gloss_project_insert_tag_at (project, object, position);
}

static void
tag_remove (GlossProject *project,
            gpointer      owner,
            gpointer      object,
            guint         position)
{
  _gloss_project_remove_tag (project, object);
}

static const GlossPlaceKind tag_place = {
  "tag", tag_insert, tag_remove,
};

typedef struct {
  char *name;
  char *color;
  char *description;
  int   digit;
} TagFields;

static void
tag_fields_free (gpointer data)
{
  TagFields *fields = data;

  g_free (fields->name);
  g_free (fields->color);
  g_free (fields->description);
  g_free (fields);
}

static void
tag_store (GlossProject  *project,
           gpointer       object,
           gconstpointer  value)
{
  const TagFields *fields = value;

  gloss_tag_set_name (object, fields->name);
  gloss_tag_set_color (object, fields->color);
  gloss_tag_set_description (object, fields->description);
  gloss_tag_set_digit (object, fields->digit);
}

static const GlossFieldsKind tag_fields = {
  "tag", tag_store, tag_fields_free,
};

static TagFields *
tag_fields_new (const char *name,
                const char *color,
                const char *description,
                int         digit)
{
  TagFields *fields = g_new0 (TagFields, 1);

  fields->name = g_strdup (name);
  fields->color = g_strdup (color);
  fields->description = g_strdup (description);
  fields->digit = digit;
  return fields;
}

static void
relation_types_store (GlossProject  *project,
                      gpointer       object,
                      gconstpointer  value)
{
  _gloss_project_store_relation_types (project, value);
}

static const GlossFieldsKind relation_types = {
  "relation-types", relation_types_store, (GDestroyNotify) g_strfreev,
};

/* ---- The changes ---- */

static void
place_tag (GlossProject *project,
           GlossTag     *tag,
           guint         position,
           const char   *label)
{
  _gloss_project_do (project,
                     _gloss_place_edit_new (&tag_place, NULL, tag,
                                            _gloss_project_tag_position (project, tag), position),
                     label);
}

static void
change_tag (GlossProject *project,
            GlossTag     *tag,
            const char   *name,
            const char   *color,
            const char   *description,
            int           digit,
            const char   *label)
{
  gboolean typing;

  if (g_str_equal (name, gloss_tag_get_name (tag)) &&
      g_str_equal (color, gloss_tag_get_color (tag)) &&
      g_str_equal (description, gloss_tag_get_description (tag)) &&
      digit == gloss_tag_get_digit (tag))
    return;

  /* Typing a name or description letter by letter is one step. */
  typing = digit == gloss_tag_get_digit (tag) && g_str_equal (color, gloss_tag_get_color (tag));
  _gloss_project_do (project,
                     _gloss_fields_edit_new (&tag_fields, tag,
                                             tag_fields_new (gloss_tag_get_name (tag),
                                                             gloss_tag_get_color (tag),
                                                             gloss_tag_get_description (tag),
                                                             gloss_tag_get_digit (tag)),
                                             tag_fields_new (name, color, description, digit),
                                             typing),
                     label);
}

static void
change_relation_types (GlossProject *project,
                       GStrv         types,
                       const char   *label)
{
  const char * const *before = gloss_project_get_relation_types (project);

  if (g_strv_equal (before, (const char * const *) types))
    {
      g_strfreev (types);
      return;
    }

  _gloss_project_do (project,
                     _gloss_fields_edit_new (&relation_types, NULL,
                                             g_strdupv ((char **) before), types, FALSE),
                     label);
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

/* ==== The public functions ==== */

GlossTag *
gloss_project_create_tag (GlossProject *self,
                          const char   *name,
                          const char   *color,
                          int           digit)
{
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
              GlossAnnotationSnapshot *after = _gloss_annotation_snapshot (annotation);
              g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();

              for (guint k = 0; after->tags[k] != NULL; k++)
                if (!g_str_equal (after->tags[k], tag_id))
                  g_strv_builder_add (kept, after->tags[k]);
              g_strfreev (after->tags);
              after->tags = g_strv_builder_end (kept);
              _gloss_project_change_annotation (self, annotation, after, FALSE, NULL);
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
gloss_project_add_relation_type (GlossProject *self,
                                 const char   *type)
{
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
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char * const *types;

  g_return_if_fail (GLOSS_IS_PROJECT (self));

  types = gloss_project_get_relation_types (self);
  for (guint i = 0; types[i] != NULL; i++)
    if (g_strcmp0 (types[i], type) != 0)
      g_strv_builder_add (builder, types[i]);

  change_relation_types (self, g_strv_builder_end (builder), _("Remove Link Type"));
}
