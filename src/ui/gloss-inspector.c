/* gloss-inspector.c — tags, note, attributes, span and links of one annotation
 *
 * The inspector re-reads its annotation after every change to the project
 * (edits, undo, redo), but rebuilds a section only when what it shows has
 * changed, so focus and the caret stay where the user left them.
 *
 * The sections live beside it: tag toggles (gloss-inspector-tags.c), the
 * attribute editor (gloss-inspector-attributes.c), the relations list
 * (gloss-inspector-relations.c) and the bounds (gloss-inspector-bounds.c),
 * sharing gloss-inspector-private.h; this file composes them and holds the
 * note, the actions on the whole annotation and the refresh.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "gloss-inspector-private.h"
#include "gloss-conflict-box.h"
#include "gloss-link-dialog.h"
#include "gloss-text.h"

#define QUOTE_PREVIEW_CHARS 600

G_DEFINE_FINAL_TYPE (GlossInspector, gloss_inspector, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_ANNOTATION,
  N_PROPS
};

enum {
  FOLLOW,
  LINK_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void refresh (GlossInspector *self);

gboolean
_gloss_inspector_is_editable (GlossInspector *self)
{
  return self->project != NULL && self->annotation != NULL &&
         gloss_annotation_get_document (self->annotation) != NULL;
}

/* ---- Note ---- */

static void
note_changed_cb (GlossInspector *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->updating || !_gloss_inspector_is_editable (self))
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!g_str_equal (text, gloss_annotation_get_note (self->annotation)))
    gloss_project_set_annotation_note (self->project, self->annotation, text);
}

static void
refresh_note (GlossInspector *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  const char *note = gloss_annotation_get_note (self->annotation);

  /* Only a change from elsewhere (undo, another view) reaches the buffer;
   * our own typing already matches and keeps its caret. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!g_str_equal (text, note))
    gtk_text_buffer_set_text (buffer, note, -1);
}

/* ---- Other actions ---- */

static void
mark_reviewed_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GlossInspector *self = GLOSS_INSPECTOR (widget);

  if (_gloss_inspector_is_editable (self))
    gloss_project_set_annotation_state (self->project, self->annotation, GLOSS_ANCHOR_ANCHORED);
}

static void
undo_toast_clicked_cb (GlossProject *project)
{
  gloss_project_undo (project);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossInspector *self = GLOSS_INSPECTOR (widget);
  GtkWidget *overlay;

  if (!_gloss_inspector_is_editable (self))
    return;

  gloss_project_remove_annotation (self->project, self->annotation);

  /* Deleting is one click away from undoing, where the window has room
   * for a toast. */
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (_("Annotation deleted"));

      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_object (toast, "button-clicked",
                               G_CALLBACK (undo_toast_clicked_cb), self->project,
                               G_CONNECT_SWAPPED);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

static void
link_from_list_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GlossInspector *self = GLOSS_INSPECTOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (_gloss_inspector_is_editable (self))
    gloss_link_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               self->project, self->annotation);
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossInspector *self = GLOSS_INSPECTOR (widget);

  if (!_gloss_inspector_is_editable (self))
    return;

  /* The window offers "click the other highlight"; alone, pick from a list. */
  if (g_signal_has_handler_pending (self, signals[LINK_REQUESTED], 0, FALSE))
    g_signal_emit (self, signals[LINK_REQUESTED], 0, self->annotation);
  else
    link_from_list_action (widget, "inspector.link-from-list", NULL);
}

/* ---- Refresh ---- */

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return NULL;
  local = g_date_time_to_local (time);
  /* Translators: date and time an annotation was created or modified,
   * in g_date_time_format() notation */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

static void
refresh_meta (GlossInspector *self)
{
  const char *author = gloss_annotation_get_author (self->annotation);
  g_autofree char *created = format_time (gloss_annotation_get_created (self->annotation));
  g_autofree char *modified = format_time (gloss_annotation_get_modified (self->annotation));
  GString *text = g_string_new (NULL);

  if (author != NULL && author[0] != '\0' && created != NULL)
    g_string_append_printf (text, _("Created by %s, %s"), author, created);
  else if (author != NULL && author[0] != '\0')
    g_string_append_printf (text, _("Created by %s"), author);
  else if (created != NULL)
    g_string_append_printf (text, _("Created %s"), created);

  if (modified != NULL && g_strcmp0 (modified, created) != 0)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Modified %s"), modified);
    }

  gtk_label_set_text (self->meta_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->meta_label), text->len > 0);
  g_string_free (text, TRUE);
}

static void
set_actions_enabled (GlossInspector *self,
                     gboolean        enabled)
{
  static const char * const actions[] = {
    "inspector.start-earlier", "inspector.start-later",
    "inspector.end-earlier", "inspector.end-later",
    "inspector.start-left", "inspector.start-right",
    "inspector.end-left", "inspector.end-right",
    "inspector.mark-reviewed", "inspector.delete",
    "inspector.link", "inspector.link-from-list",
    "inspector.add-attribute",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], enabled);
}

static void
refresh (GlossInspector *self)
{
  g_autofree char *quote = NULL;
  g_autofree char *bounds = NULL;

  if (!_gloss_inspector_is_editable (self))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      set_actions_enabled (self, FALSE);
      return;
    }

  self->updating = TRUE;

  gtk_stack_set_visible_child_name (self->stack, "annotation");
  set_actions_enabled (self, TRUE);

  quote = gloss_text_one_line (gloss_annotation_get_quote (self->annotation),
                               QUOTE_PREVIEW_CHARS);
  if (g_strcmp0 (gtk_label_get_text (self->quote_label), quote) != 0)
    gtk_label_set_text (self->quote_label, quote);

  switch (gloss_annotation_get_state (self->annotation))
    {
    case GLOSS_ANCHOR_MOVED:
      gtk_label_set_text (self->state_label,
                          _("Moved: the text changed and this annotation was found elsewhere."));
      gtk_widget_set_visible (self->state_box, TRUE);
      break;
    case GLOSS_ANCHOR_ORPHANED:
      gtk_label_set_text (self->state_label,
                          _("Orphaned: the quoted text is no longer in the document."));
      gtk_widget_set_visible (self->state_box, TRUE);
      break;
    case GLOSS_ANCHOR_ANCHORED:
    default:
      gtk_widget_set_visible (self->state_box, FALSE);
      break;
    }

  /* Translators: the span of an annotation, in characters: "Characters 12–40" */
  bounds = g_strdup_printf (_("Characters %u–%u"),
                            gloss_annotation_get_start (self->annotation),
                            gloss_annotation_get_end (self->annotation));
  gtk_label_set_text (self->bounds_label, bounds);

  _gloss_inspector_refresh_tags (self);
  refresh_note (self);
  _gloss_inspector_refresh_attributes (self);
  _gloss_inspector_refresh_relations (self);
  refresh_meta (self);
  gloss_conflict_box_set (GLOSS_CONFLICT_BOX (self->conflict_box), self->project, self->annotation);

  self->updating = FALSE;
}

static void
annotation_changed_cb (GlossInspector  *self,
                       GlossAnnotation *annotation)
{
  if (annotation == self->annotation)
    refresh (self);
}

static void
project_changed_cb (GlossInspector *self)
{
  refresh (self);
}

/* ---- GObject ---- */

static void
gloss_inspector_dispose (GObject *object)
{
  GlossInspector *self = GLOSS_INSPECTOR (object);

  gloss_inspector_set_annotation (self, NULL);
  gloss_inspector_set_project (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_INSPECTOR);

  G_OBJECT_CLASS (gloss_inspector_parent_class)->dispose (object);
}

static void
gloss_inspector_finalize (GObject *object)
{
  GlossInspector *self = GLOSS_INSPECTOR (object);

  g_free (self->tags_key);
  g_free (self->attributes_key);
  g_free (self->relations_key);

  G_OBJECT_CLASS (gloss_inspector_parent_class)->finalize (object);
}

static void
gloss_inspector_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GlossInspector *self = GLOSS_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_ANNOTATION:
      g_value_set_object (value, self->annotation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_inspector_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GlossInspector *self = GLOSS_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      gloss_inspector_set_project (self, g_value_get_object (value));
      break;
    case PROP_ANNOTATION:
      gloss_inspector_set_annotation (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_inspector_class_init (GlossInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_inspector_dispose;
  object_class->finalize = gloss_inspector_finalize;
  object_class->get_property = gloss_inspector_get_property;
  object_class->set_property = gloss_inspector_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, GLOSS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANNOTATION] =
    g_param_spec_object ("annotation", NULL, NULL, GLOSS_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FOLLOW] =
    g_signal_new ("follow", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_ANNOTATION);
  signals[LINK_REQUESTED] =
    g_signal_new ("link-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_ANNOTATION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/gloss-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, scroller);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, quote_label);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, state_box);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, state_label);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, tags_box);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, note_view);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, relations_list);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, no_relations_label);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, attributes_list);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, attribute_key_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, attribute_value_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, bounds_label);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, meta_label);

  gtk_widget_class_install_action (widget_class, "inspector.mark-reviewed", NULL, mark_reviewed_action);
  gtk_widget_class_install_action (widget_class, "inspector.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "inspector.link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "inspector.link-from-list", NULL, link_from_list_action);

  _gloss_inspector_class_init_tags (widget_class);
  _gloss_inspector_class_init_attributes (widget_class);
  _gloss_inspector_class_init_bounds (widget_class);

  gtk_widget_class_set_css_name (widget_class, "inspector");
}

static void
gloss_inspector_init (GlossInspector *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Below the quote and its state, above the tags. */
  self->conflict_box = gloss_conflict_box_new ();
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->state_box)), self->conflict_box,
                              self->state_box);

  /* The project's history is the one undo: Ctrl+Z in the note must reach
   * the window's undo, not a private buffer history. */
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->note_view), FALSE);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (note_changed_cb), self);
  _gloss_inspector_init_attributes (self);

  refresh (self);
}

GtkWidget *
gloss_inspector_new (void)
{
  return g_object_new (GLOSS_TYPE_INSPECTOR, NULL);
}

GlossProject *
gloss_inspector_get_project (GlossInspector *self)
{
  g_return_val_if_fail (GLOSS_IS_INSPECTOR (self), NULL);

  return self->project;
}

void
gloss_inspector_set_project (GlossInspector *self,
                             GlossProject   *project)
{
  g_return_if_fail (GLOSS_IS_INSPECTOR (self));
  g_return_if_fail (project == NULL || GLOSS_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_clear_object (&self->project);
    }
  if (project != NULL)
    {
      self->project = g_object_ref (project);
      g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  g_clear_pointer (&self->tags_key, g_free);
  g_clear_pointer (&self->relations_key, g_free);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

GlossAnnotation *
gloss_inspector_get_annotation (GlossInspector *self)
{
  g_return_val_if_fail (GLOSS_IS_INSPECTOR (self), NULL);

  return self->annotation;
}

void
gloss_inspector_set_annotation (GlossInspector  *self,
                                GlossAnnotation *annotation)
{
  g_return_if_fail (GLOSS_IS_INSPECTOR (self));
  g_return_if_fail (annotation == NULL || GLOSS_IS_ANNOTATION (annotation));

  if (self->annotation == annotation)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_clear_object (&self->document);
    }
  g_set_object (&self->annotation, annotation);
  if (annotation != NULL && gloss_annotation_get_document (annotation) != NULL)
    {
      self->document = g_object_ref (gloss_annotation_get_document (annotation));
      g_signal_connect_object (self->document, "annotation-changed",
                               G_CALLBACK (annotation_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  g_clear_pointer (&self->attributes_key, g_free);
  g_clear_pointer (&self->relations_key, g_free);
  /* A new annotation starts with empty entries for a new attribute. */
  gtk_editable_set_text (GTK_EDITABLE (self->attribute_key_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->attribute_value_entry), "");
  refresh (self);
  /* Another annotation starts at the top, with its quote and tags. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATION]);
}

void
gloss_inspector_focus_note (GlossInspector *self)
{
  g_return_if_fail (GLOSS_IS_INSPECTOR (self));

  if (_gloss_inspector_is_editable (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}
