/* gloss-link-dialog.c — pick a target annotation in any document and a relation type
 *
 * Every document is itself a GListModel of its annotations, so flattening
 * the project's documents gives one list of all annotations for free.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-row.h"
#include "gloss-link-dialog.h"
#include "gloss-relation-names.h"
#include "gloss-text.h"

struct _GlossLinkDialog
{
  AdwWindow           parent_instance;

  GlossProject       *project;
  GlossAnnotation    *from;
  char               *needle;

  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSingleSelection *selection;
  GtkStringList      *types;

  /* template */
  GtkLabel           *from_label;
  AdwComboRow        *type_row;
  AdwEntryRow        *new_type_row;
  GtkSearchEntry     *search_entry;
  GtkStack           *results_stack;
  GtkListView        *results_view;
};

G_DEFINE_FINAL_TYPE (GlossLinkDialog, gloss_link_dialog, ADW_TYPE_WINDOW)

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  GlossLinkDialog *self = user_data;
  GlossAnnotation *annotation = item;

  if (annotation == self->from)
    return FALSE;

  if (self->needle == NULL)
    return TRUE;

  return gloss_text_contains (gloss_annotation_get_quote (annotation), self->needle) ||
         gloss_text_contains (gloss_annotation_get_note (annotation), self->needle);
}

static gboolean
is_new_type_selected (GlossLinkDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->types));

  return adw_combo_row_get_selected (self->type_row) == n - 1;
}

static char *
type_display_name (GtkStringObject *item,
                   const char      *type)
{
  return g_strdup (gloss_relation_type_display_name (type));
}

/* The chosen type, or NULL. */
static char *
dup_relation_type (GlossLinkDialog *self)
{
  g_autofree char *type = NULL;

  if (is_new_type_selected (self))
    type = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_type_row)));
  else
    {
      GtkStringObject *item = adw_combo_row_get_selected_item (self->type_row);

      if (item != NULL)
        type = g_strdup (gtk_string_object_get_string (item));
    }

  if (type != NULL)
    g_strstrip (type);
  if (type == NULL || type[0] == '\0')
    return NULL;
  return g_steal_pointer (&type);
}

static void
update_link_sensitivity (GlossLinkDialog *self)
{
  g_autofree char *type = dup_relation_type (self);
  gboolean ready = type != NULL &&
                   gtk_single_selection_get_selected_item (self->selection) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "link.link", ready);
}

static void
update_results_state (GlossLinkDialog *self)
{
  gtk_stack_set_visible_child_name (self->results_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0
                                    ? "results" : "empty");
  update_link_sensitivity (self);
}

static void
search_changed_cb (GlossLinkDialog *self)
{
  gloss_link_dialog_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_activate_cb (GlossLinkDialog *self)
{
  /* Enter in the search links to the chosen match, or to the first. */
  if (gtk_single_selection_get_selected_item (self->selection) == NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  gloss_link_dialog_link (self);
}

static void
search_next_match_cb (GlossLinkDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint position = gtk_single_selection_get_selected (self->selection);

  if (n == 0)
    return;
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;
  else if (position + 1 < n)
    position++;
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->results_view), "list.scroll-to-item", "u", position);
}

static void
search_previous_match_cb (GlossLinkDialog *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position == GTK_INVALID_LIST_POSITION || position == 0)
    return;
  gtk_single_selection_set_selected (self->selection, position - 1);
  gtk_widget_activate_action (GTK_WIDGET (self->results_view), "list.scroll-to-item", "u", position - 1);
}

static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GlossLinkDialog       *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK))
    return GDK_EVENT_PROPAGATE;

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    {
      search_next_match_cb (self);
      return GDK_EVENT_STOP;
    }
  if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    {
      search_previous_match_cb (self);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
type_selected_cb (GlossLinkDialog *self)
{
  gboolean new_type = is_new_type_selected (self);

  gtk_widget_set_visible (GTK_WIDGET (self->new_type_row), new_type);
  if (new_type)
    gtk_widget_grab_focus (GTK_WIDGET (self->new_type_row));
  update_link_sensitivity (self);
}

static void
results_activate_cb (GlossLinkDialog *self,
                     guint            position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gloss_link_dialog_link (self);
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gloss_link_dialog_link (GLOSS_LINK_DIALOG (widget));
}

static void
factory_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  GlossLinkDialog          *self)
{
  GtkWidget *row = gloss_annotation_row_new ();

  gloss_annotation_row_set_project (GLOSS_ANNOTATION_ROW (row), self->project);
  gloss_annotation_row_set_show_document (GLOSS_ANNOTATION_ROW (row), TRUE);
  gtk_list_item_set_child (item, row);
}

static void
factory_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  gloss_annotation_row_set_annotation (GLOSS_ANNOTATION_ROW (gtk_list_item_get_child (item)),
                                       gtk_list_item_get_item (item));
}

static void
factory_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  gloss_annotation_row_set_annotation (GLOSS_ANNOTATION_ROW (gtk_list_item_get_child (item)),
                                       NULL);
}

static void
gloss_link_dialog_dispose (GObject *object)
{
  GlossLinkDialog *self = GLOSS_LINK_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_LINK_DIALOG);

  g_clear_object (&self->selection);
  g_clear_object (&self->types);
  g_clear_object (&self->project);
  g_clear_object (&self->from);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (gloss_link_dialog_parent_class)->dispose (object);
}

static void
gloss_link_dialog_class_init (GlossLinkDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_link_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/gloss-link-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossLinkDialog, from_label);
  gtk_widget_class_bind_template_child (widget_class, GlossLinkDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, GlossLinkDialog, new_type_row);
  gtk_widget_class_bind_template_child (widget_class, GlossLinkDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossLinkDialog, results_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossLinkDialog, results_view);

  gtk_widget_class_install_action (widget_class, "link.link", NULL, link_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_link_dialog_init (GlossLinkDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "link.link", FALSE);
}

GtkWidget *
gloss_link_dialog_new (GtkWindow       *parent,
                       GlossProject    *project,
                       GlossAnnotation *from)
{
  GlossLinkDialog *self;
  const char * const *types;
  g_autofree char *quote = NULL;
  g_autofree char *isolated = NULL;
  g_autofree char *from_text = NULL;
  GtkListItemFactory *factory;
  GtkEventController *key;
  GtkFlattenListModel *all;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (from), NULL);

  /* A modal window over the main one: read as a dialog, as GtkDialog is
   * (GtkWindow's instances keep the window role whatever their class says). */
  self = g_object_new (GLOSS_TYPE_LINK_DIALOG,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->project = g_object_ref (project);
  self->from = g_object_ref (from);

  quote = gloss_text_one_line (gloss_annotation_get_quote (from), 200);
  isolated = gloss_text_isolate (quote);
  /* Translators: the annotation a new link starts from */
  from_text = g_strdup_printf (_("From “%s”"), isolated);
  gtk_label_set_text (self->from_label, from_text);

  self->types = gtk_string_list_new (NULL);
  types = gloss_project_get_relation_types (project);
  for (guint i = 0; types[i] != NULL; i++)
    gtk_string_list_append (self->types, types[i]);
  gtk_string_list_append (self->types, _("New Type…"));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (self->types));
  /* The model keeps the stored identifiers; the row reads them out. */
  adw_combo_row_set_expression (self->type_row,
                                gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1,
                                                             (GtkExpression *[]) {
                                                               gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string")
                                                             },
                                                             G_CALLBACK (type_display_name), NULL, NULL));
  adw_combo_row_set_selected (self->type_row, 0);
  g_signal_connect_swapped (self->type_row, "notify::selected",
                            G_CALLBACK (type_selected_cb), self);
  g_signal_connect_swapped (self->new_type_row, "changed",
                            G_CALLBACK (update_link_sensitivity), self);
  gtk_widget_set_visible (GTK_WIDGET (self->new_type_row), types[0] == NULL);

  all = gtk_flatten_list_model_new (g_object_ref (gloss_project_get_documents (project)));
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (all), GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filter_model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (update_link_sensitivity), self);
  g_signal_connect_swapped (self->filter_model, "items-changed",
                            G_CALLBACK (update_results_state), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (factory_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (factory_unbind_cb), NULL);
  gtk_list_view_set_factory (self->results_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->results_view, "activate",
                            G_CALLBACK (results_activate_cb), self);

  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (search_changed_cb), self);
  /* The keyboard stays in the search: arrows pick, Enter links. */
  g_signal_connect_swapped (self->search_entry, "activate",
                            G_CALLBACK (search_activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "next-match",
                            G_CALLBACK (search_next_match_cb), self);
  g_signal_connect_swapped (self->search_entry, "previous-match",
                            G_CALLBACK (search_previous_match_cb), self);
  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), key);
  g_signal_connect_swapped (self->new_type_row, "entry-activated",
                            G_CALLBACK (search_activate_cb), self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  update_results_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return GTK_WIDGET (self);
}

void
gloss_link_dialog_present (GtkWindow       *parent,
                           GlossProject    *project,
                           GlossAnnotation *from)
{
  GtkWidget *dialog = gloss_link_dialog_new (parent, project, from);

  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

void
gloss_link_dialog_set_search (GlossLinkDialog *self,
                              const char      *text)
{
  g_autofree char *needle = NULL;

  g_return_if_fail (GLOSS_IS_LINK_DIALOG (self));

  if (text != NULL && text[0] != '\0')
    needle = gloss_text_fold (text);
  if (g_strcmp0 (needle, self->needle) == 0)
    return;

  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_results_state (self);
}

GListModel *
gloss_link_dialog_get_results (GlossLinkDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_LINK_DIALOG (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}

void
gloss_link_dialog_set_target (GlossLinkDialog *self,
                              GlossAnnotation *target)
{
  guint n;

  g_return_if_fail (GLOSS_IS_LINK_DIALOG (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) item = g_list_model_get_item (G_LIST_MODEL (self->filter_model), i);

      if (item == target)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

void
gloss_link_dialog_set_relation_type (GlossLinkDialog *self,
                                     const char      *type)
{
  guint n;

  g_return_if_fail (GLOSS_IS_LINK_DIALOG (self));
  g_return_if_fail (type != NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->types));
  for (guint i = 0; i + 1 < n; i++)
    if (g_str_equal (gtk_string_list_get_string (self->types, i), type))
      {
        adw_combo_row_set_selected (self->type_row, i);
        return;
      }

  adw_combo_row_set_selected (self->type_row, n - 1);
  gtk_editable_set_text (GTK_EDITABLE (self->new_type_row), type);
}

GlossRelation *
gloss_link_dialog_link (GlossLinkDialog *self)
{
  GlossAnnotation *target;
  g_autofree char *type = NULL;
  GlossRelation *relation;

  g_return_val_if_fail (GLOSS_IS_LINK_DIALOG (self), NULL);

  target = gtk_single_selection_get_selected_item (self->selection);
  type = dup_relation_type (self);
  if (target == NULL || type == NULL ||
      gloss_annotation_get_document (self->from) == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return NULL;
    }

  relation = gloss_project_link (self->project, self->from, target, type);
  gtk_window_close (GTK_WINDOW (self));
  return relation;
}
