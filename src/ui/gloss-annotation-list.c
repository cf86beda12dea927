/* gloss-annotation-list.c — the current document's annotations in text order
 *
 * The document itself is the GListModel; a GtkFilterListModel narrows it by
 * tag and text (gloss-annotation-list-filter.c) and GtkListView shows only
 * the visible rows, so the list stays quick with 100,000 annotations. This
 * file binds the rows, keeps the selection across filtering and moves,
 * and keeps the selected row in view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "gloss-accessible.h"
#include "gloss-annotation-list-private.h"
#include "gloss-annotation-row.h"

G_DEFINE_FINAL_TYPE (GlossAnnotationList, gloss_annotation_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_DOCUMENT,
  PROP_SELECTED,
  PROP_RELATION_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_gloss_annotation_list_update_state (GlossAnnotationList *self)
{
  guint n_total = self->document != NULL ? gloss_document_get_n_annotations (self->document) : 0;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *count = NULL;

  if (n_total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (n_shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  if (n_total == 0)
    count = g_strdup ("");
  else if (_gloss_annotation_list_filter_is_active (self))
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u of %u annotation",
                                          "%u of %u annotations", n_total),
                             n_shown, n_total);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u annotation",
                                          "%u annotations", n_total),
                             n_total);
  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), n_total > 0);
}

static void
update_bound_rows (GlossAnnotationList *self,
                   GlossAnnotation     *annotation)
{
  for (guint i = 0; i < self->bound_rows->len; i++)
    {
      GlossAnnotationRow *row = g_ptr_array_index (self->bound_rows, i);

      if (annotation == NULL || gloss_annotation_row_get_annotation (row) == annotation)
        gloss_annotation_row_update (row);
    }
}

/* Position of @annotation in the filtered model, or GTK_INVALID_LIST_POSITION. */
static guint
find_position (GlossAnnotationList *self,
               GlossAnnotation     *annotation)
{
  guint n;

  if (annotation == NULL || self->document == NULL ||
      gloss_annotation_get_document (annotation) != self->document)
    return GTK_INVALID_LIST_POSITION;

  if (!_gloss_annotation_list_filter_is_active (self))
    {
      guint position = gloss_document_get_annotation_position (self->document, annotation);

      return position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) item = g_list_model_get_item (G_LIST_MODEL (self->filter_model), i);

      if (item == annotation)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
set_selected_internal (GlossAnnotationList *self,
                       GlossAnnotation     *annotation)
{
  if (g_set_object (&self->selected, annotation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
selection_changed_cb (GlossAnnotationList *self)
{
  GlossAnnotation *item;

  if (self->syncing)
    return;

  /* A row that leaves the view (filtered out, or briefly while its
   * annotation moves) does not unselect the annotation: only picking
   * another row, or the annotation leaving the document, does. */
  item = gtk_single_selection_get_selected_item (self->selection);
  if (item != NULL)
    set_selected_internal (self, item);
  else if (find_position (self, self->selected) != GTK_INVALID_LIST_POSITION)
    set_selected_internal (self, NULL);  /* still listed: the user unselected it */
}

static void
document_items_changed_cb (GlossAnnotationList *self,
                           guint                position,
                           guint                removed,
                           guint                added)
{
  if (self->selected != NULL &&
      gloss_annotation_get_document (self->selected) != self->document)
    set_selected_internal (self, NULL);

  _gloss_annotation_list_update_state (self);
}

static void
annotation_changed_cb (GlossAnnotationList *self,
                       GlossAnnotation     *annotation,
                       guint                old_start,
                       guint                old_end)
{
  update_bound_rows (self, annotation);
  _gloss_annotation_list_queue_refilter (self);

  /* A move re-inserts the annotation at its new position, which drops it
   * from the selection model: put the selection back. */
  if (annotation == self->selected &&
      gtk_single_selection_get_selected_item (self->selection) != (gpointer) annotation)
    gloss_annotation_list_set_selected (self, annotation);
}

static void
tags_changed_cb (GlossAnnotationList *self)
{
  update_bound_rows (self, NULL);
}

static void
relations_changed_cb (GlossAnnotationList *self)
{
  /* The link badges count again; the relation filters look again. */
  update_bound_rows (self, NULL);
  if (self->relation_filter != GLOSS_RELATION_FILTER_ALL)
    _gloss_annotation_list_queue_refilter (self);
}

static const char * const relation_filter_names[] = {
  [GLOSS_RELATION_FILTER_ALL] = "all",
  [GLOSS_RELATION_FILTER_HAS_RELATIONS] = "has-relations",
  [GLOSS_RELATION_FILTER_CLAIMS_WITHOUT_SOURCE] = "claims-without-source",
};

static void
factory_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  GlossAnnotationList      *self)
{
  GtkWidget *row = gloss_annotation_row_new ();

  gtk_list_item_set_child (item, row);
}

static void
factory_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 GlossAnnotationList      *self)
{
  GlossAnnotationRow *row = GLOSS_ANNOTATION_ROW (gtk_list_item_get_child (item));

  gloss_annotation_row_set_project (row, self->project);
  gloss_annotation_row_set_annotation (row, gtk_list_item_get_item (item));
  g_ptr_array_add (self->bound_rows, row);
}

static void
factory_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   GlossAnnotationList      *self)
{
  GlossAnnotationRow *row = GLOSS_ANNOTATION_ROW (gtk_list_item_get_child (item));

  g_ptr_array_remove_fast (self->bound_rows, row);
  gloss_annotation_row_set_annotation (row, NULL);
}

static gboolean
rescroll_cb (gpointer user_data)
{
  GlossAnnotationList *self = user_data;
  guint position;

  self->rescroll_id = 0;
  position = find_position (self, self->selected);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  return G_SOURCE_REMOVE;
}

static void
page_size_changed_cb (GtkAdjustment       *adjustment,
                      GParamSpec          *pspec,
                      GlossAnnotationList *self)
{
  double page_size = gtk_adjustment_get_page_size (adjustment);

  /* The list shrinks when the inspector below opens for the row just
   * selected (or the window gets shorter): keep that row in view. */
  if (page_size < self->page_size && self->selected != NULL && self->rescroll_id == 0)
    self->rescroll_id = g_idle_add (rescroll_cb, self);
  self->page_size = page_size;
}

static void
gloss_annotation_list_dispose (GObject *object)
{
  GlossAnnotationList *self = GLOSS_ANNOTATION_LIST (object);

  g_clear_handle_id (&self->rescroll_id, g_source_remove);

  gloss_annotation_list_set_document (self, NULL);
  gloss_annotation_list_set_project (self, NULL);
  g_clear_handle_id (&self->refilter_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_ANNOTATION_LIST);

  g_clear_object (&self->selection);
  g_clear_object (&self->tag_choices);
  g_clear_object (&self->all_tags_item);

  G_OBJECT_CLASS (gloss_annotation_list_parent_class)->dispose (object);
}

static void
gloss_annotation_list_finalize (GObject *object)
{
  GlossAnnotationList *self = GLOSS_ANNOTATION_LIST (object);

  g_clear_pointer (&self->bound_rows, g_ptr_array_unref);
  g_free (self->tag_id);
  g_free (self->needle);
  g_free (self->needle_source);

  G_OBJECT_CLASS (gloss_annotation_list_parent_class)->finalize (object);
}

static void
gloss_annotation_list_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GlossAnnotationList *self = GLOSS_ANNOTATION_LIST (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    case PROP_RELATION_FILTER:
      g_value_set_string (value, relation_filter_names[self->relation_filter]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_list_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  GlossAnnotationList *self = GLOSS_ANNOTATION_LIST (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      gloss_annotation_list_set_project (self, g_value_get_object (value));
      break;
    case PROP_DOCUMENT:
      gloss_annotation_list_set_document (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      gloss_annotation_list_set_selected (self, g_value_get_object (value));
      break;
    case PROP_RELATION_FILTER:
      for (guint i = 0; i < G_N_ELEMENTS (relation_filter_names); i++)
        if (g_strcmp0 (relation_filter_names[i], g_value_get_string (value)) == 0)
          gloss_annotation_list_set_relation_filter (self, i);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_list_class_init (GlossAnnotationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_annotation_list_dispose;
  object_class->finalize = gloss_annotation_list_finalize;
  object_class->get_property = gloss_annotation_list_get_property;
  object_class->set_property = gloss_annotation_list_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, GLOSS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, GLOSS_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* "all", "has-relations" or "claims-without-source": the filter menu's action. */
  properties[PROP_RELATION_FILTER] =
    g_param_spec_string ("relation-filter", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/gloss-annotation-list.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationList, filter_box);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationList, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationList, relation_button);
  gtk_widget_class_install_property_action (widget_class, "annotations.relation-filter", "relation-filter");
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationList, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationList, list_view);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationList, count_label);

  gtk_widget_class_set_css_name (widget_class, "annotationlist");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gloss_annotation_list_init (GlossAnnotationList *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bound_rows = g_ptr_array_new ();

  self->filter = gtk_custom_filter_new (NULL, NULL, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filter_model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->filter_model, "items-changed",
                            G_CALLBACK (_gloss_annotation_list_update_state), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (factory_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (factory_unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gloss_accessible_single_tab_stop (GTK_WIDGET (self->list_view));
  g_signal_connect (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view)),
                    "notify::page-size", G_CALLBACK (page_size_changed_cb), self);

  _gloss_annotation_list_init_filter (self);

  _gloss_annotation_list_update_state (self);
}

GtkWidget *
gloss_annotation_list_new (void)
{
  return g_object_new (GLOSS_TYPE_ANNOTATION_LIST, NULL);
}

GlossProject *
gloss_annotation_list_get_project (GlossAnnotationList *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_LIST (self), NULL);

  return self->project;
}

void
gloss_annotation_list_set_project (GlossAnnotationList *self,
                                   GlossProject        *project)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_LIST (self));
  g_return_if_fail (project == NULL || GLOSS_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->document != NULL &&
      (project == NULL || gloss_document_get_project (self->document) != project))
    gloss_annotation_list_set_document (self, NULL);

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (gloss_project_get_tags (self->project), self);
      g_signal_handlers_disconnect_by_data (gloss_project_get_relations (self->project), self);
      g_clear_object (&self->project);
    }

  /* Keep only the "All tags" entry, then add the new project's tags. */
  while (g_list_model_get_n_items (G_LIST_MODEL (self->tag_choices)) > 1)
    g_list_store_remove (self->tag_choices, 1);
  gtk_drop_down_set_selected (self->tag_dropdown, 0);

  if (project != NULL)
    {
      self->project = g_object_ref (project);
      /* Only a change of the tag set needs every row redrawn: renames and
       * recolours reach the chips through their bindings, and every change
       * of an annotation comes with its "annotation-changed". Following the
       * project's "changed" rebuilt every visible row on each edit. */
      g_signal_connect_object (gloss_project_get_tags (project), "items-changed",
                               G_CALLBACK (tags_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_list_store_append (self->tag_choices, gloss_project_get_tags (project));
      g_signal_connect_object (gloss_project_get_relations (project), "items-changed",
                               G_CALLBACK (relations_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  for (guint i = 0; i < self->bound_rows->len; i++)
    gloss_annotation_row_set_project (g_ptr_array_index (self->bound_rows, i), project);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

GlossDocument *
gloss_annotation_list_get_document (GlossAnnotationList *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_LIST (self), NULL);

  return self->document;
}

void
gloss_annotation_list_set_document (GlossAnnotationList *self,
                                    GlossDocument       *document)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_LIST (self));
  g_return_if_fail (document == NULL || GLOSS_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_clear_object (&self->document);
    }

  if (document != NULL)
    {
      self->document = g_object_ref (document);
      g_signal_connect_object (document, "items-changed",
                               G_CALLBACK (document_items_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (document, "annotation-changed",
                               G_CALLBACK (annotation_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  self->syncing = TRUE;
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (document));
  self->syncing = FALSE;

  if (self->selected != NULL &&
      (document == NULL || gloss_annotation_get_document (self->selected) != document))
    set_selected_internal (self, NULL);

  _gloss_annotation_list_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

GlossAnnotation *
gloss_annotation_list_get_selected (GlossAnnotationList *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_LIST (self), NULL);

  return self->selected;
}

void
gloss_annotation_list_set_selected (GlossAnnotationList *self,
                                    GlossAnnotation     *annotation)
{
  guint position;

  g_return_if_fail (GLOSS_IS_ANNOTATION_LIST (self));
  g_return_if_fail (annotation == NULL || GLOSS_IS_ANNOTATION (annotation));

  if (annotation != NULL && gloss_annotation_get_document (annotation) != self->document)
    annotation = NULL;

  set_selected_internal (self, annotation);

  position = find_position (self, annotation);
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item",
                                "u", position);
}

GListModel *
gloss_annotation_list_get_model (GlossAnnotationList *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_LIST (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}

void
gloss_annotation_list_set_relation_filter (GlossAnnotationList *self,
                                           GlossRelationFilter  filter)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_LIST (self));
  g_return_if_fail (filter < G_N_ELEMENTS (relation_filter_names));

  if (self->relation_filter == filter)
    return;
  self->relation_filter = filter;
  /* The button shows that a filter hides rows. */
  if (filter == GLOSS_RELATION_FILTER_ALL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->relation_button), "accent");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->relation_button), "accent");
  _gloss_annotation_list_apply_filter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELATION_FILTER]);
}
