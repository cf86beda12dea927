/* gloss-project-search-scopes.c — what the project search may be narrowed to
 *
 * The scope drop-down of the project search offers the whole text, the
 * text outside annotations, and the text inside annotations of each tag,
 * by each author, or with each attribute key the project has. The list is
 * built anew when the search opens and when the project changes, sorted
 * in the user's collation, and keeps the scope chosen before when it is
 * still offered. self->scopes runs parallel to the drop-down's labels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "gloss-project-search-private.h"

static void
scope_choice_clear (gpointer data)
{
  ScopeChoice *choice = data;

  g_free (choice->value);
}

GArray *
_gloss_project_search_new_scopes (void)
{
  GArray *scopes = g_array_new (FALSE, TRUE, sizeof (ScopeChoice));

  g_array_set_clear_func (scopes, scope_choice_clear);
  return scopes;
}

static void
add_scope (GlossProjectSearch *self,
           GtkStringList      *labels,
           GlossSearchScope    scope,
           const char         *value,
           const char         *label)
{
  ScopeChoice choice = { scope, g_strdup (value) };

  g_array_append_val (self->scopes, choice);
  gtk_string_list_append (labels, label);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

void
_gloss_project_search_rebuild_scopes (GlossProjectSearch *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) authors = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree gpointer *sorted_authors = NULL;
  g_autofree gpointer *sorted_keys = NULL;
  GListModel *tags, *documents;
  guint n_authors, n_keys;
  guint previous = gtk_drop_down_get_selected (self->scope_dropdown);
  ScopeChoice kept = { GLOSS_SEARCH_SCOPE_EVERYWHERE, NULL };
  guint selected = 0;

  if (previous != GTK_INVALID_LIST_POSITION && previous < self->scopes->len)
    {
      kept = g_array_index (self->scopes, ScopeChoice, previous);
      kept.value = g_strdup (kept.value);
    }
  g_array_set_size (self->scopes, 0);

  add_scope (self, labels, GLOSS_SEARCH_SCOPE_EVERYWHERE, NULL, _("Everywhere"));
  add_scope (self, labels, GLOSS_SEARCH_SCOPE_UNANNOTATED, NULL, _("Outside Annotations"));
  if (self->project != NULL)
    {
      tags = gloss_project_get_tags (self->project);
      for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
        {
          g_autoptr(GlossTag) tag = g_list_model_get_item (tags, i);
          /* Translators: a search scope, “In Claim” annotations */
          g_autofree char *label = g_strdup_printf (_("In “%s”"), gloss_tag_get_name (tag));

          add_scope (self, labels, GLOSS_SEARCH_SCOPE_TAG, gloss_tag_get_id (tag), label);
        }

      documents = gloss_project_get_documents (self->project);
      for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
        {
          g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);

          for (guint j = 0; j < gloss_document_get_n_annotations (document); j++)
            {
              GlossAnnotation *annotation = gloss_document_get_annotation (document, j);
              const char *author = gloss_annotation_get_author (annotation);

              if (author != NULL && author[0] != '\0')
                g_hash_table_add (authors, (gpointer) author);
              if (gloss_annotation_get_n_attributes (annotation) > 0)
                {
                  g_auto(GStrv) attribute_keys = gloss_annotation_dup_attribute_keys (annotation);

                  for (guint k = 0; attribute_keys[k] != NULL; k++)
                    g_hash_table_add (keys, g_strdup (attribute_keys[k]));
                }
            }
        }

      sorted_authors = g_hash_table_get_keys_as_array (authors, &n_authors);
      qsort (sorted_authors, n_authors, sizeof (gpointer), compare_strings);
      for (guint i = 0; i < n_authors; i++)
        {
          /* Translators: a search scope, annotations “By Ana” */
          g_autofree char *label = g_strdup_printf (_("By %s"), (const char *) sorted_authors[i]);

          add_scope (self, labels, GLOSS_SEARCH_SCOPE_AUTHOR, sorted_authors[i], label);
        }

      sorted_keys = g_hash_table_get_keys_as_array (keys, &n_keys);
      qsort (sorted_keys, n_keys, sizeof (gpointer), compare_strings);
      for (guint i = 0; i < n_keys; i++)
        {
          /* Translators: a search scope, annotations with the attribute “verdict” */
          g_autofree char *label = g_strdup_printf (_("With “%s”"), (const char *) sorted_keys[i]);

          add_scope (self, labels, GLOSS_SEARCH_SCOPE_ATTRIBUTE, sorted_keys[i], label);
        }
    }

  for (guint i = 0; i < self->scopes->len; i++)
    {
      const ScopeChoice *choice = &g_array_index (self->scopes, ScopeChoice, i);

      if (choice->scope == kept.scope && g_strcmp0 (choice->value, kept.value) == 0)
        selected = i;
    }
  g_free (kept.value);

  /* Not a change of the user's choice: the search does not restart. The
   * template's handlers on the drop-down are the search's own. */
  g_signal_handlers_block_matched (self->scope_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_model (self->scope_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->scope_dropdown, selected);
  g_signal_handlers_unblock_matched (self->scope_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}
