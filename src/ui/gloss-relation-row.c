/* gloss-relation-row.c — one link of the inspected annotation, either direction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-row.h"
#include "gloss-relation-names.h"
#include "gloss-relation-row.h"
#include "gloss-text.h"

#define TARGET_PREVIEW_CHARS 60

struct _GlossRelationRow
{
  AdwActionRow     parent_instance;

  GlossRelation   *relation;
  GlossAnnotation *target;
  gboolean         outgoing;
};

G_DEFINE_FINAL_TYPE (GlossRelationRow, gloss_relation_row, ADW_TYPE_ACTION_ROW)

enum {
  FOLLOW,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
gloss_relation_row_activated (AdwActionRow *row)
{
  GlossRelationRow *self = GLOSS_RELATION_ROW (row);

  if (self->target != NULL)
    g_signal_emit (self, signals[FOLLOW], 0, self->target);

  ADW_ACTION_ROW_CLASS (gloss_relation_row_parent_class)->activate (row);
}

static void
remove_clicked_cb (GlossRelationRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
gloss_relation_row_dispose (GObject *object)
{
  GlossRelationRow *self = GLOSS_RELATION_ROW (object);

  g_clear_object (&self->relation);
  g_clear_object (&self->target);

  G_OBJECT_CLASS (gloss_relation_row_parent_class)->dispose (object);
}

static void
gloss_relation_row_class_init (GlossRelationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AdwActionRowClass *row_class = ADW_ACTION_ROW_CLASS (klass);

  object_class->dispose = gloss_relation_row_dispose;
  row_class->activate = gloss_relation_row_activated;

  signals[FOLLOW] =
    g_signal_new ("follow", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_ANNOTATION);
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gloss_relation_row_init (GlossRelationRow *self)
{
  /* Quotes and notes are untrusted text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
}

GtkWidget *
gloss_relation_row_new (GlossProject    *project,
                        GlossRelation   *relation,
                        GlossAnnotation *annotation)
{
  GlossRelationRow *self;
  GtkWidget *remove;
  const char *other_id;
  g_autofree char *quote = NULL;
  g_autofree char *isolated = NULL;
  g_autofree char *title = NULL;
  g_autofree char *type = NULL;
  GlossDocument *target_document = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (GLOSS_IS_RELATION (relation), NULL);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), NULL);

  self = g_object_new (GLOSS_TYPE_RELATION_ROW, NULL);
  self->relation = g_object_ref (relation);
  self->outgoing = g_str_equal (gloss_relation_get_from (relation),
                                gloss_annotation_get_id (annotation));
  other_id = self->outgoing ? gloss_relation_get_to (relation) : gloss_relation_get_from (relation);
  self->target = gloss_project_lookup_annotation (project, other_id);
  if (self->target != NULL)
    {
      g_object_ref (self->target);
      quote = gloss_text_one_line (gloss_annotation_get_quote (self->target),
                                   TARGET_PREVIEW_CHARS);
      target_document = gloss_annotation_get_document (self->target);
    }
  else
    quote = g_strdup (_("missing annotation"));

  isolated = gloss_text_isolate (quote);
  type = gloss_text_isolate (gloss_relation_type_display_name (gloss_relation_get_type_name (relation)));
  if (self->outgoing)
    /* Translators: a link from this annotation: "attributed to → “NBC News”" */
    title = g_strdup_printf (_("%s → “%s”"), type, isolated);
  else
    /* Translators: a link to this annotation: "← supports “The talks stalled”" */
    title = g_strdup_printf (_("← %s “%s”"), type, isolated);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (self), 2);

  if (target_document != NULL &&
      target_document != gloss_annotation_get_document (annotation))
    {
      g_autofree char *title_text = gloss_text_isolate (gloss_document_get_title (target_document));
      /* Translators: the document a linked annotation is in */
      g_autofree char *subtitle = g_strdup_printf (_("In “%s”"), title_text);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 1);
    }
  else if (gloss_relation_get_note (relation) != NULL &&
           gloss_relation_get_note (relation)[0] != '\0')
    {
      g_autofree char *note = gloss_text_one_line (gloss_relation_get_note (relation), 80);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), note);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 1);
    }

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), self->target != NULL);
  if (self->target != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Go to the linked annotation"));

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Link"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Link"),
                                  -1);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), remove);

  return GTK_WIDGET (self);
}

GlossRelation *
gloss_relation_row_get_relation (GlossRelationRow *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_ROW (self), NULL);

  return self->relation;
}

GlossAnnotation *
gloss_relation_row_get_target (GlossRelationRow *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_ROW (self), NULL);

  return self->target;
}

gboolean
gloss_relation_row_get_outgoing (GlossRelationRow *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_ROW (self), FALSE);

  return self->outgoing;
}
