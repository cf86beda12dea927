/* gloss-inspector.c — tags, note, attributes, span and links of one annotation
 *
 * The inspector re-reads its annotation after every change to the project
 * (edits, undo, redo), but rebuilds a section only when what it shows has
 * changed, so focus and the caret stay where the user left them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "gloss-annotation-row.h"
#include "gloss-color-chip.h"
#include "gloss-inspector.h"
#include "gloss-link-dialog.h"
#include "gloss-relation-row.h"
#include "gloss-text.h"

#define QUOTE_PREVIEW_CHARS 600

struct _GlossInspector
{
  GtkWidget        parent_instance;

  GlossProject    *project;
  GlossAnnotation *annotation;
  GlossDocument   *document;       /* whose "annotation-changed" we follow */

  char            *tags_key;
  char            *attributes_key;
  char            *relations_key;
  gboolean         updating;

  /* template */
  GtkStack        *stack;
  GtkScrolledWindow *scroller;
  GtkLabel        *quote_label;
  GtkWidget       *state_box;
  GtkLabel        *state_label;
  GtkFlowBox      *tags_box;
  GtkTextView     *note_view;
  GtkListBox      *relations_list;
  GtkWidget       *no_relations_label;
  GtkListBox      *attributes_list;
  GtkEntry        *attribute_key_entry;
  GtkEntry        *attribute_value_entry;
  GtkLabel        *bounds_label;
  GtkLabel        *meta_label;
};

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

static gboolean
is_editable (GlossInspector *self)
{
  return self->project != NULL && self->annotation != NULL &&
         gloss_annotation_get_document (self->annotation) != NULL;
}

/* ---- Tags ---- */

static char *
make_tags_key (GlossInspector *self)
{
  GListModel *tags = gloss_project_get_tags (self->project);
  guint n = g_list_model_get_n_items (tags);
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossTag) tag = g_list_model_get_item (tags, i);

      g_string_append_printf (key, "%s\x1f%s\x1f%d\x1f%s\x1e",
                              gloss_tag_get_id (tag), gloss_tag_get_name (tag),
                              gloss_tag_get_digit (tag), gloss_tag_get_description (tag));
    }
  return g_string_free (key, FALSE);
}

static void
tag_toggled_cb (GtkToggleButton *button,
                GlossInspector  *self)
{
  const char *tag_id = g_object_get_data (G_OBJECT (button), "gloss-tag-id");

  if (self->updating || !is_editable (self))
    return;

  if (gtk_toggle_button_get_active (button) != gloss_annotation_has_tag (self->annotation, tag_id))
    gloss_project_toggle_annotation_tag (self->project, self->annotation, tag_id);
}

static GtkWidget *
make_tag_button (GlossInspector *self,
                 GlossTag       *tag)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (gloss_tag_get_name (tag));
  GtkWidget *check;
  const char *description = gloss_tag_get_description (tag);
  int digit = gloss_tag_get_digit (tag);

  gtk_box_append (GTK_BOX (box), gloss_color_chip_new (tag));
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
  gtk_box_append (GTK_BOX (box), label);
  if (digit >= 0)
    {
      g_autofree char *text = g_strdup_printf ("%d", digit);
      GtkWidget *digit_label = gtk_label_new (text);

      gtk_widget_add_css_class (digit_label, "dim-label");
      gtk_widget_add_css_class (digit_label, "numeric");
      gtk_box_append (GTK_BOX (box), digit_label);
    }
  /* A tick besides the pressed look: the state must not rest on shading
   * alone, which is faint in some styles. */
  check = gtk_image_new_from_icon_name ("object-select-symbolic");
  g_object_bind_property (button, "active", check, "visible", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), check);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "gloss-tag-toggle");
  gtk_widget_set_tooltip_text (button,
                               description != NULL && description[0] != '\0'
                               ? description : gloss_tag_get_name (tag));
  g_object_set_data_full (G_OBJECT (button), "gloss-tag-id",
                          g_strdup (gloss_tag_get_id (tag)), g_free);
  g_signal_connect (button, "toggled", G_CALLBACK (tag_toggled_cb), self);
  return button;
}

static void
refresh_tags (GlossInspector *self)
{
  g_autofree char *key = make_tags_key (self);
  GtkWidget *child;

  if (self->tags_key == NULL || !g_str_equal (key, self->tags_key))
    {
      GListModel *tags = gloss_project_get_tags (self->project);
      guint n = g_list_model_get_n_items (tags);

      g_free (self->tags_key);
      self->tags_key = g_steal_pointer (&key);

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))) != NULL)
        gtk_flow_box_remove (self->tags_box, child);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GlossTag) tag = g_list_model_get_item (tags, i);

          gtk_flow_box_append (self->tags_box, make_tag_button (self, tag));
        }
    }

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      const char *tag_id = g_object_get_data (G_OBJECT (button), "gloss-tag-id");

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                    gloss_annotation_has_tag (self->annotation, tag_id));
    }
}

/* ---- Note ---- */

static void
note_changed_cb (GlossInspector *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->updating || !is_editable (self))
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

/* ---- Attributes ---- */

static void
attribute_apply_cb (AdwEntryRow    *row,
                    GlossInspector *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "gloss-attribute-key");

  if (is_editable (self))
    gloss_project_set_annotation_attribute (self->project, self->annotation, key,
                                            gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
attribute_remove_cb (GtkButton      *button,
                     GlossInspector *self)
{
  const char *key = g_object_get_data (G_OBJECT (button), "gloss-attribute-key");

  if (is_editable (self))
    gloss_project_set_annotation_attribute (self->project, self->annotation, key, NULL);
}

static void
refresh_attributes (GlossInspector *self)
{
  g_auto(GStrv) keys = gloss_annotation_dup_attribute_keys (self->annotation);
  GString *signature = g_string_new (NULL);
  g_autofree char *key = NULL;
  GtkWidget *child;

  for (guint i = 0; keys[i] != NULL; i++)
    g_string_append_printf (signature, "%s\x1f%s\x1e", keys[i],
                            gloss_annotation_get_attribute (self->annotation, keys[i]));
  key = g_string_free (signature, FALSE);

  if (self->attributes_key != NULL && g_str_equal (key, self->attributes_key))
    return;
  g_free (self->attributes_key);
  self->attributes_key = g_steal_pointer (&key);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attributes_list))) != NULL)
    gtk_list_box_remove (self->attributes_list, child);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), keys[i]);
      gtk_editable_set_text (GTK_EDITABLE (row),
                             gloss_annotation_get_attribute (self->annotation, keys[i]));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "gloss-attribute-key", g_strdup (keys[i]), g_free);
      g_signal_connect (row, "apply", G_CALLBACK (attribute_apply_cb), self);

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove Attribute"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Attribute"),
                                      -1);
      g_object_set_data_full (G_OBJECT (remove), "gloss-attribute-key", g_strdup (keys[i]), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (attribute_remove_cb), self);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

      gtk_list_box_append (self->attributes_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->attributes_list), keys[0] != NULL);
}

static void
add_attribute_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GlossInspector *self = GLOSS_INSPECTOR (widget);
  g_autofree char *key = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->attribute_key_entry)));

  if (!is_editable (self))
    return;

  g_strstrip (key);
  if (key[0] == '\0')
    {
      gtk_widget_error_bell (widget);
      gtk_widget_grab_focus (GTK_WIDGET (self->attribute_key_entry));
      return;
    }

  gloss_project_set_annotation_attribute (self->project, self->annotation, key,
                                          gtk_editable_get_text (GTK_EDITABLE (self->attribute_value_entry)));
  gtk_editable_set_text (GTK_EDITABLE (self->attribute_key_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->attribute_value_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->attribute_key_entry));
}

static void
attribute_key_activate_cb (GlossInspector *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->attribute_value_entry));
}

static void
attribute_value_activate_cb (GlossInspector *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "inspector.add-attribute", NULL);
}

/* ---- Relations ---- */

static void
relation_follow_cb (GlossRelationRow *row,
                    GlossAnnotation  *target,
                    GlossInspector   *self)
{
  g_signal_emit (self, signals[FOLLOW], 0, target);
}

static void
relation_remove_cb (GlossRelationRow *row,
                    GlossInspector   *self)
{
  if (self->project != NULL)
    gloss_project_remove_relation (self->project, gloss_relation_row_get_relation (row));
}

static void
refresh_relations (GlossInspector *self)
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

/* ---- Span ---- */

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_';
}

/* The character at @offset of @document's text. */
static gunichar
char_at (GlossDocument *document,
         GlossOffset    offset)
{
  return g_utf8_get_char (gloss_document_get_text (document) +
                          gloss_document_offset_to_byte (document, offset));
}

static void
adjust_bounds (GlossInspector *self,
               gboolean        move_start,
               int             direction,
               gboolean        by_word)
{
  GlossDocument *document;
  GlossOffset start, end, length, o;

  if (!is_editable (self))
    return;

  document = gloss_annotation_get_document (self->annotation);
  start = gloss_annotation_get_start (self->annotation);
  end = gloss_annotation_get_end (self->annotation);
  length = gloss_document_get_length (document);

  if (move_start && direction < 0)
    {
      o = start;
      if (by_word)
        {
          while (o > 0 && !is_word_char (char_at (document, o - 1)))
            o--;
          while (o > 0 && is_word_char (char_at (document, o - 1)))
            o--;
        }
      else if (o > 0)
        o--;
      start = o;
    }
  else if (move_start)
    {
      o = start;
      if (by_word)
        {
          while (o < end && is_word_char (char_at (document, o)))
            o++;
          while (o < end && !is_word_char (char_at (document, o)))
            o++;
        }
      else
        o++;
      if (o >= end)
        o = start;  /* the span would vanish */
      start = o;
    }
  else if (direction < 0)
    {
      o = end;
      if (by_word)
        {
          while (o > start && is_word_char (char_at (document, o - 1)))
            o--;
          while (o > start && !is_word_char (char_at (document, o - 1)))
            o--;
        }
      else
        o--;
      if (o <= start)
        o = end;
      end = o;
    }
  else
    {
      o = end;
      if (by_word)
        {
          while (o < length && !is_word_char (char_at (document, o)))
            o++;
          while (o < length && is_word_char (char_at (document, o)))
            o++;
        }
      else if (o < length)
        o++;
      end = o;
    }

  if (start == gloss_annotation_get_start (self->annotation) &&
      end == gloss_annotation_get_end (self->annotation))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  gloss_project_set_annotation_bounds (self->project, self->annotation, start, end);
}

static void
bounds_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossInspector *self = GLOSS_INSPECTOR (widget);
  gboolean by_word = parameter != NULL && g_variant_get_boolean (parameter);

  if (g_str_equal (action_name, "inspector.start-earlier"))
    adjust_bounds (self, TRUE, -1, by_word);
  else if (g_str_equal (action_name, "inspector.start-later"))
    adjust_bounds (self, TRUE, 1, by_word);
  else if (g_str_equal (action_name, "inspector.end-earlier"))
    adjust_bounds (self, FALSE, -1, by_word);
  else
    adjust_bounds (self, FALSE, 1, by_word);
}

/* ---- Other actions ---- */

static void
mark_reviewed_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GlossInspector *self = GLOSS_INSPECTOR (widget);

  if (is_editable (self))
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

  if (!is_editable (self))
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

  if (is_editable (self))
    gloss_link_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               self->project, self->annotation);
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossInspector *self = GLOSS_INSPECTOR (widget);

  if (!is_editable (self))
    return;

  /* The window offers "click the other highlight"; alone, pick from a list. */
  if (g_signal_has_handler_pending (self, signals[LINK_REQUESTED], 0, FALSE))
    g_signal_emit (self, signals[LINK_REQUESTED], 0, self->annotation);
  else
    link_from_list_action (widget, "inspector.link-from-list", NULL);
}

static gboolean
toggle_digit_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  GlossInspector *self = GLOSS_INSPECTOR (widget);
  GlossTag *tag;

  if (!is_editable (self))
    return FALSE;

  tag = gloss_project_lookup_tag_by_digit (self->project, g_variant_get_int32 (args));
  if (tag == NULL)
    return FALSE;

  gloss_project_toggle_annotation_tag (self->project, self->annotation, gloss_tag_get_id (tag));
  return TRUE;
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

  if (!is_editable (self))
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

  refresh_tags (self);
  refresh_note (self);
  refresh_attributes (self);
  refresh_relations (self);
  refresh_meta (self);

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
add_bounds_binding (GtkWidgetClass  *widget_class,
                    guint            keyval,
                    GdkModifierType  modifiers,
                    const char      *action)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, modifiers, action, "b", FALSE);
  gtk_widget_class_add_binding_action (widget_class, keyval, modifiers | GDK_CONTROL_MASK,
                                       action, "b", TRUE);
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

  gtk_widget_class_install_action (widget_class, "inspector.start-earlier", "b", bounds_action);
  gtk_widget_class_install_action (widget_class, "inspector.start-later", "b", bounds_action);
  gtk_widget_class_install_action (widget_class, "inspector.end-earlier", "b", bounds_action);
  gtk_widget_class_install_action (widget_class, "inspector.end-later", "b", bounds_action);
  gtk_widget_class_install_action (widget_class, "inspector.mark-reviewed", NULL, mark_reviewed_action);
  gtk_widget_class_install_action (widget_class, "inspector.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "inspector.link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "inspector.link-from-list", NULL, link_from_list_action);
  gtk_widget_class_install_action (widget_class, "inspector.add-attribute", NULL, add_attribute_action);

  /* Alt+arrows move the end, Alt+Shift+arrows the start; Ctrl goes by words. */
  add_bounds_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "inspector.end-earlier");
  add_bounds_binding (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "inspector.end-later");
  add_bounds_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK, "inspector.start-earlier");
  add_bounds_binding (widget_class, GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK, "inspector.start-later");

  /* A tag's digit toggles it, as in the article; the note and the
   * entries take digits first, so typing is never a shortcut. */
  for (int digit = 0; digit <= 9; digit++)
    {
      gtk_widget_class_add_binding (widget_class, GDK_KEY_0 + digit, 0,
                                    toggle_digit_cb, "i", digit);
      gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_0 + digit, 0,
                                    toggle_digit_cb, "i", digit);
    }

  gtk_widget_class_set_css_name (widget_class, "inspector");
}

static void
gloss_inspector_init (GlossInspector *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The project's history is the one undo: Ctrl+Z in the note must reach
   * the window's undo, not a private buffer history. */
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->note_view), FALSE);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (note_changed_cb), self);
  g_signal_connect_swapped (self->attribute_key_entry, "activate",
                            G_CALLBACK (attribute_key_activate_cb), self);
  g_signal_connect_swapped (self->attribute_value_entry, "activate",
                            G_CALLBACK (attribute_value_activate_cb), self);

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

  if (is_editable (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}
