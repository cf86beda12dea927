/* gloss-search-group.c — one document's matches in the project search's results
 *
 * The project search lists its results as one flat model: for each
 * document with matches, a group (this object, shown as a heading with its
 * count) followed by the document's GlossSearchMatch items. The group keeps
 * its own list of those matches, so that choosing a heading can stand for
 * all of its document's matches (Tag Selected Matches) or for the first
 * (opening the document).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-search-group.h"

struct _GlossSearchGroup
{
  GObject        parent_instance;
  GlossDocument *document;
  GListStore    *matches;
};

G_DEFINE_FINAL_TYPE (GlossSearchGroup, gloss_search_group, G_TYPE_OBJECT)

static void
gloss_search_group_finalize (GObject *object)
{
  GlossSearchGroup *self = GLOSS_SEARCH_GROUP (object);

  g_clear_object (&self->document);
  g_clear_object (&self->matches);
  G_OBJECT_CLASS (gloss_search_group_parent_class)->finalize (object);
}

static void
gloss_search_group_class_init (GlossSearchGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_search_group_finalize;
}

static void
gloss_search_group_init (GlossSearchGroup *self)
{
}

GlossSearchGroup *
gloss_search_group_new (GlossDocument *document,
                        GPtrArray     *matches)
{
  GlossSearchGroup *self;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (matches != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_SEARCH_GROUP, NULL);
  self->document = g_object_ref (document);
  self->matches = g_list_store_new (GLOSS_TYPE_SEARCH_MATCH);
  g_list_store_splice (self->matches, 0, 0, matches->pdata, matches->len);
  return self;
}

GlossDocument *
gloss_search_group_get_document (GlossSearchGroup *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_GROUP (self), NULL);
  return self->document;
}

GListModel *
gloss_search_group_get_matches (GlossSearchGroup *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_GROUP (self), NULL);
  return G_LIST_MODEL (self->matches);
}
