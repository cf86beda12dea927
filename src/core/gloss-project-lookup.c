/* gloss-project-lookup.c — finding a project's tags, documents and
 * annotations by what the user or a file names them by
 *
 * Walks over the public lists; the indexed lookups (a tag or relation by
 * id) are in gloss-project.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-annotation.h"
#include "gloss-document.h"
#include "gloss-project.h"
#include "gloss-tag.h"

GlossTag *
gloss_project_lookup_tag_by_name (GlossProject *self,
                                  const char   *name)
{
  guint n;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  n = g_list_model_get_n_items (gloss_project_get_tags (self));
  for (guint i = 0; i < n && name != NULL; i++)
    {
      GlossTag *tag = g_list_model_get_item (gloss_project_get_tags (self), i);

      g_object_unref (tag);
      if (g_str_equal (gloss_tag_get_name (tag), name))
        return tag;
    }

  return NULL;
}

GlossTag *
gloss_project_lookup_tag_by_digit (GlossProject *self,
                                   int           digit)
{
  guint n;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  if (digit < 0 || digit > 9)
    return NULL;

  n = g_list_model_get_n_items (gloss_project_get_tags (self));
  for (guint i = 0; i < n; i++)
    {
      GlossTag *tag = g_list_model_get_item (gloss_project_get_tags (self), i);

      g_object_unref (tag);
      if (gloss_tag_get_digit (tag) == digit)
        return tag;
    }

  return NULL;
}

GlossDocument *
gloss_project_lookup_document (GlossProject *self,
                               const char   *document_id)
{
  guint n;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  n = g_list_model_get_n_items (gloss_project_get_documents (self));
  for (guint i = 0; i < n && document_id != NULL; i++)
    {
      GlossDocument *document = g_list_model_get_item (gloss_project_get_documents (self), i);

      g_object_unref (document);
      if (g_str_equal (gloss_document_get_id (document), document_id))
        return document;
    }

  return NULL;
}

GlossAnnotation *
gloss_project_lookup_annotation (GlossProject *self,
                                 const char   *annotation_id)
{
  guint n;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  n = g_list_model_get_n_items (gloss_project_get_documents (self));
  for (guint i = 0; i < n && annotation_id != NULL; i++)
    {
      GlossDocument *document = g_list_model_get_item (gloss_project_get_documents (self), i);
      GlossAnnotation *annotation;

      g_object_unref (document);
      annotation = gloss_document_lookup_annotation (document, annotation_id);
      if (annotation != NULL)
        return annotation;
    }

  return NULL;
}

guint
gloss_project_count_tag_uses (GlossProject *self,
                              GlossTag     *tag)
{
  guint n_documents;
  guint uses = 0;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), 0);
  g_return_val_if_fail (GLOSS_IS_TAG (tag), 0);

  n_documents = g_list_model_get_n_items (gloss_project_get_documents (self));
  for (guint i = 0; i < n_documents; i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (gloss_project_get_documents (self), i);
      guint n = gloss_document_get_n_annotations (document);

      for (guint j = 0; j < n; j++)
        if (gloss_annotation_has_tag (gloss_document_get_annotation (document, j),
                                      gloss_tag_get_id (tag)))
          uses++;
    }

  return uses;
}
