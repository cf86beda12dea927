/* gloss-annotation-list-filter.c — narrowing the annotation list by tag, text and links
 *
 * The list's tag drop-down ("All tags", then the project's tags), its
 * search entry and its relation filter (annotations with links, claims
 * without a source) set one GtkCustomFilter. While none is set the filter
 * has no function, so GtkFilterListModel passes the document through
 * without looking at an item; while one is, edits to annotations refilter
 * once at idle rather than on every key of a note.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-list-private.h"
#include "gloss-tag-choice.h"
#include "gloss-text.h"

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  GlossAnnotationList *self = user_data;
  GlossAnnotation *annotation = item;

  if (self->tag_id != NULL && !gloss_annotation_has_tag (annotation, self->tag_id))
    return FALSE;

  switch (self->relation_filter)
    {
    case GLOSS_RELATION_FILTER_HAS_RELATIONS:
      if (self->project == NULL || gloss_project_count_relations_of (self->project, annotation) == 0)
        return FALSE;
      break;
    case GLOSS_RELATION_FILTER_CLAIMS_WITHOUT_SOURCE:
      /* The default tag set's ids: "claim", and the "attributed-to" type. */
      if (self->project == NULL || !gloss_annotation_has_tag (annotation, "claim") ||
          gloss_project_has_relation_from (self->project, annotation, "attributed-to"))
        return FALSE;
      break;
    case GLOSS_RELATION_FILTER_ALL:
    default:
      break;
    }

  if (self->needle != NULL &&
      !gloss_text_contains (gloss_annotation_get_quote (annotation), self->needle) &&
      !gloss_text_contains (gloss_annotation_get_note (annotation), self->needle) &&
      !gloss_text_contains (gloss_annotation_get_author (annotation), self->needle))
    return FALSE;

  return TRUE;
}

gboolean
_gloss_annotation_list_filter_is_active (GlossAnnotationList *self)
{
  return self->tag_id != NULL || self->needle != NULL ||
         self->relation_filter != GLOSS_RELATION_FILTER_ALL;
}

void
_gloss_annotation_list_apply_filter (GlossAnnotationList *self)
{
  g_clear_handle_id (&self->refilter_id, g_source_remove);

  if (_gloss_annotation_list_filter_is_active (self))
    gtk_custom_filter_set_filter_func (self->filter, filter_func, self, NULL);
  else
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);

  /* The filter may have hidden or revealed the selected row. */
  gloss_annotation_list_set_selected (self, self->selected);
  _gloss_annotation_list_update_state (self);
}

static gboolean
refilter_cb (gpointer user_data)
{
  GlossAnnotationList *self = user_data;

  self->refilter_id = 0;
  if (_gloss_annotation_list_filter_is_active (self))
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  _gloss_annotation_list_update_state (self);
  return G_SOURCE_REMOVE;
}

void
_gloss_annotation_list_queue_refilter (GlossAnnotationList *self)
{
  /* Typing a note changes the annotation on every key; refilter once. */
  if (_gloss_annotation_list_filter_is_active (self) && self->refilter_id == 0)
    self->refilter_id = g_idle_add (refilter_cb, self);
}

static void
tag_dropdown_selected_cb (GlossAnnotationList *self)
{
  GObject *item = gtk_drop_down_get_selected_item (self->tag_dropdown);
  const char *tag_id = GLOSS_IS_TAG (item) ? gloss_tag_get_id (GLOSS_TAG (item)) : NULL;

  if (g_strcmp0 (tag_id, self->tag_id) == 0)
    return;

  /* When the tag we filter by is deleted, the drop-down moves to its
   * neighbour; filtering by that would surprise: show all instead. */
  if (self->tag_id != NULL && tag_id != NULL && self->project != NULL &&
      gloss_project_lookup_tag (self->project, self->tag_id) == NULL)
    {
      gtk_drop_down_set_selected (self->tag_dropdown, 0);
      return;
    }

  g_free (self->tag_id);
  self->tag_id = g_strdup (tag_id);
  _gloss_annotation_list_apply_filter (self);
}

static gboolean
set_needle (GlossAnnotationList *self,
            const char          *text)
{
  if (text != NULL && text[0] == '\0')
    text = NULL;
  if (g_strcmp0 (text, self->needle_source) == 0)
    return FALSE;

  g_clear_pointer (&self->needle, g_free);
  g_clear_pointer (&self->needle_source, g_free);
  if (text != NULL)
    {
      self->needle_source = g_strdup (text);
      self->needle = gloss_text_fold (text);
    }
  return TRUE;
}

static void
search_changed_cb (GlossAnnotationList *self)
{
  if (set_needle (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))))
    _gloss_annotation_list_apply_filter (self);
}

static void
stop_search_cb (GlossAnnotationList *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

void
gloss_annotation_list_set_filter (GlossAnnotationList *self,
                                  const char          *tag_id,
                                  const char          *text)
{
  guint n;
  guint position = 0;

  g_return_if_fail (GLOSS_IS_ANNOTATION_LIST (self));

  /* The drop-down and the entry call back into the handlers above. */
  n = g_list_model_get_n_items (gtk_drop_down_get_model (self->tag_dropdown));
  for (guint i = 1; tag_id != NULL && i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (gtk_drop_down_get_model (self->tag_dropdown), i);

      if (GLOSS_IS_TAG (item) && g_str_equal (gloss_tag_get_id (GLOSS_TAG (item)), tag_id))
        position = i;
    }
  gtk_drop_down_set_selected (self->tag_dropdown, position);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* Apply now rather than after the entry's search delay. */
  if (set_needle (self, text))
    _gloss_annotation_list_apply_filter (self);
}

void
_gloss_annotation_list_init_filter (GlossAnnotationList *self)
{
  GtkListItemFactory *tag_factory;
  g_autoptr(GtkStringObject) all_tags = NULL;
  g_autoptr(GtkFlattenListModel) flat = NULL;

  /* "All tags", then the project's tags as they come and go. */
  all_tags = gtk_string_object_new (_("All tags"));
  self->all_tags_item = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_list_store_append (self->all_tags_item, all_tags);
  self->tag_choices = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->tag_choices, self->all_tags_item);
  flat = gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->tag_choices)));

  tag_factory = gloss_tag_choice_factory_new (TRUE);
  gtk_drop_down_set_factory (self->tag_dropdown, tag_factory);
  g_object_unref (tag_factory);
  tag_factory = gloss_tag_choice_factory_new (FALSE);
  gtk_drop_down_set_list_factory (self->tag_dropdown, tag_factory);
  g_object_unref (tag_factory);
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (flat));
  g_signal_connect_swapped (self->tag_dropdown, "notify::selected",
                            G_CALLBACK (tag_dropdown_selected_cb), self);

  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "stop-search",
                            G_CALLBACK (stop_search_cb), self);
}
