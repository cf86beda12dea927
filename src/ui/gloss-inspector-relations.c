/* gloss-inspector-relations.c — the inspector's list of the annotation's links, either direction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-inspector-private.h"
#include "gloss-relation-row.h"

static void
relation_follow_cb (GlossRelationRow *row,
                    GlossAnnotation  *target,
                    GlossInspector   *self)
{
  g_signal_emit_by_name (self, "follow", target);
}

static void
relation_remove_cb (GlossRelationRow *row,
                    GlossInspector   *self)
{
  if (self->project != NULL)
    gloss_project_remove_relation (self->project, gloss_relation_row_get_relation (row));
}

void
_gloss_inspector_refresh_relations (GlossInspector *self)
{
  g_autoptr(GPtrArray) relations = gloss_project_relations_of (self->project, self->annotation);
  GString *signature = g_string_new (NULL);
  g_autofree char *key = NULL;
  GtkWidget *child;

  for (guint i = 0; i < relations->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (relations, i);
      const char *other_id = g_str_equal (gloss_relation_get_from (relation),
                                          gloss_annotation_get_id (self->annotation))
                             ? gloss_relation_get_to (relation)
                             : gloss_relation_get_from (relation);
      GlossAnnotation *other = gloss_project_lookup_annotation (self->project, other_id);

      g_string_append_printf (signature, "%s\x1f%s\x1f%s\x1f%s\x1e",
                              gloss_relation_get_id (relation),
                              gloss_relation_get_type_name (relation),
                              other != NULL ? gloss_annotation_get_quote (other) : "",
                              gloss_relation_get_note (relation) != NULL
                              ? gloss_relation_get_note (relation) : "");
    }
  key = g_string_free (signature, FALSE);

  if (self->relations_key != NULL && g_str_equal (key, self->relations_key))
    return;
  g_free (self->relations_key);
  self->relations_key = g_steal_pointer (&key);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->relations_list))) != NULL)
    gtk_list_box_remove (self->relations_list, child);

  for (guint i = 0; i < relations->len; i++)
    {
      GtkWidget *row = gloss_relation_row_new (self->project,
                                               g_ptr_array_index (relations, i),
                                               self->annotation);

      g_signal_connect (row, "follow", G_CALLBACK (relation_follow_cb), self);
      g_signal_connect (row, "remove", G_CALLBACK (relation_remove_cb), self);
      gtk_list_box_append (self->relations_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->relations_list), relations->len > 0);
  gtk_widget_set_visible (self->no_relations_label, relations->len == 0);
}

