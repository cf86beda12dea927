/* gloss-tags-dialog.c — add, rename, recolour, reorder, key and delete tags
 *
 * The list box is bound to the project's tag model, so adding, deleting,
 * reordering and undoing any of them simply rebuilds the affected rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-accessible.h"
#include "gloss-color.h"
#include "gloss-tag-row.h"
#include "gloss-tags-dialog.h"
#include "gloss-untrusted-text.h"

struct _GlossTagsDialog
{
  AdwPreferencesWindow  parent_instance;

  GlossProject         *project;
  guint                 count_id;
  GtkWidget            *scroll_target;  /* the new row to bring into view (weak) */
  guint                 scroll_frames;
  GlossTag             *asked_to_delete;  /* while "Delete …?" is open */

  /* template */
  GtkButton            *add_button;
  GtkListBox           *tags_list;
};

G_DEFINE_FINAL_TYPE (GlossTagsDialog, gloss_tags_dialog, ADW_TYPE_PREFERENCES_WINDOW)

static void
delete_tag (GlossTagsDialog *self,
            GlossTag        *tag)
{
  g_autofree char *title = NULL;
  g_autofree char *name = g_strdup (gloss_tag_get_name (tag));
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  gloss_project_remove_tag (self->project, tag);

  /* A toast's title is Pango markup in libadwaita 1.2: escape the name. */
  escaped = g_markup_escape_text (name, -1);
  /* Translators: shown after deleting the tag named %s */
  title = g_strdup_printf (_("Deleted “%s”"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "tags.undo");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GlossTagsDialog  *self)
{
  g_autoptr(GlossTag) tag = g_steal_pointer (&self->asked_to_delete);

  /* The tag may have gone meanwhile (undo in the main window). */
  if (tag != NULL && g_str_equal (response, "delete") &&
      gloss_project_lookup_tag (self->project, gloss_tag_get_id (tag)) == tag)
    delete_tag (self, tag);
}

GtkWidget *
gloss_tags_dialog_request_delete (GlossTagsDialog *self,
                                  GlossTag        *tag)
{
  guint uses;
  GtkWidget *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (GLOSS_IS_TAGS_DIALOG (self), NULL);
  g_return_val_if_fail (GLOSS_IS_TAG (tag), NULL);

  uses = gloss_project_count_tag_uses (self->project, tag);
  if (uses == 0)
    {
      delete_tag (self, tag);
      return NULL;
    }

  /* Translators: %s is a tag's name */
  name = gloss_untrusted_isolate (gloss_tag_get_name (tag));
  heading = g_strdup_printf (_("Delete “%s”?"), name);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "It is used by %u annotation. You can undo this.",
                                       "It is used by %u annotations. You can undo this.",
                                       uses),
                          uses);
  /* Heading and body are plain text (use-markup is off by default). */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* The question is modal: one tag at a time. */
  g_set_object (&self->asked_to_delete, tag);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
row_delete_requested_cb (GlossTagRow     *row,
                         GlossTagsDialog *self)
{
  gloss_tags_dialog_request_delete (self, gloss_tag_row_get_tag (row));
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  GlossTagsDialog *self = user_data;
  GtkWidget *row = gloss_tag_row_new (self->project, GLOSS_TAG (item));

  g_signal_connect (row, "delete-requested", G_CALLBACK (row_delete_requested_cb), self);
  gloss_accessible_name_controls (row);
  return row;
}

static gboolean
update_counts_cb (gpointer user_data)
{
  GlossTagsDialog *self = user_data;

  self->count_id = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GLOSS_IS_TAG_ROW (child))
      gloss_tag_row_update_count (GLOSS_TAG_ROW (child));

  return G_SOURCE_REMOVE;
}

static void
project_changed_cb (GlossTagsDialog *self)
{
  /* Counting walks every annotation: once per burst of changes. */
  if (self->count_id == 0)
    self->count_id = g_idle_add (update_counts_cb, self);
}

static int
next_free_digit (GlossProject *project)
{
  /* Keys 1–9 first, then 0, as on the keyboard. */
  for (int i = 1; i <= 10; i++)
    if (gloss_project_lookup_tag_by_digit (project, i % 10) == NULL)
      return i % 10;
  return -1;
}

/* About the expander's animation, at 60 frames a second. */
#define FOLLOW_FRAMES 30

/* Brings @row into the page's view, once it has been laid out. */
static gboolean
scroll_to_row_tick_cb (GtkWidget     *row,
                       GdkFrameClock *clock,
                       gpointer       user_data)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double value, top, bottom, page;

  GlossTagsDialog *self = user_data;

  /* Only the newest row is followed. It has no size before its first
   * layout, and grows as it expands: follow it for a few frames. */
  if (row != self->scroll_target)
    return G_SOURCE_REMOVE;
  if (gtk_widget_get_height (row) == 0)
    return G_SOURCE_CONTINUE;
  if (++self->scroll_frames > FOLLOW_FRAMES)
    return G_SOURCE_REMOVE;
  if (scroller == NULL || !gtk_widget_compute_bounds (row, scroller, &bounds))
    return G_SOURCE_REMOVE;

  /* Bounds in the scrolled window are relative to what it shows. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  top = value + bounds.origin.y;
  bottom = top + bounds.size.height;
  if (bottom - top > page || top < value)
    gtk_adjustment_set_value (adjustment, top);
  else if (bottom > value + page)
    gtk_adjustment_set_value (adjustment, bottom - page);
  return G_SOURCE_CONTINUE;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  GlossTagsDialog *self = GLOSS_TAGS_DIALOG (widget);
  const char * const *palette = gloss_color_get_palette ();
  guint n = g_list_model_get_n_items (gloss_project_get_tags (self->project));
  guint n_colors = g_strv_length ((char **) palette);
  GlossTag *tag;
  GtkListBoxRow *row;

  tag = gloss_project_create_tag (self->project, _("New Tag"), palette[n % n_colors],
                                  next_free_digit (self->project));

  row = gtk_list_box_get_row_at_index (self->tags_list, n);
  if (row != NULL && GLOSS_IS_TAG_ROW (row) && gloss_tag_row_get_tag (GLOSS_TAG_ROW (row)) == tag)
    {
      gloss_tag_row_focus_name (GLOSS_TAG_ROW (row));
      /* The page does not follow a row that is still being laid out. */
      g_set_weak_pointer (&self->scroll_target, GTK_WIDGET (row));
      self->scroll_frames = 0;
      gtk_widget_add_tick_callback (GTK_WIDGET (row), scroll_to_row_tick_cb, self, NULL);
    }
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossTagsDialog *self = GLOSS_TAGS_DIALOG (widget);

  if (g_str_equal (action_name, "tags.undo"))
    gloss_project_undo (self->project);
  else
    gloss_project_redo (self->project);
}

static void
gloss_tags_dialog_dispose (GObject *object)
{
  GlossTagsDialog *self = GLOSS_TAGS_DIALOG (object);

  g_clear_handle_id (&self->count_id, g_source_remove);
  g_clear_weak_pointer (&self->scroll_target);
  if (self->tags_list != NULL)
    gtk_list_box_bind_model (self->tags_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_TAGS_DIALOG);
  g_clear_object (&self->project);
  g_clear_object (&self->asked_to_delete);

  G_OBJECT_CLASS (gloss_tags_dialog_parent_class)->dispose (object);
}

static void
gloss_tags_dialog_class_init (GlossTagsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_tags_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/gloss-tags-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossTagsDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, GlossTagsDialog, tags_list);

  gtk_widget_class_install_action (widget_class, "tags.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "tags.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "tags.redo", NULL, undo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "tags.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "tags.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "tags.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "tags.redo", NULL);
}

/* GTK 4.8 tells the accessibility bus that a window is not showing just
 * as it appears (it sends the value of its hidden state). A screen reader
 * that already knows the window's states then takes the bogus one and
 * ignores every focus event in it: Orca 43 stays silent in the dialog. It
 * knows them if the dialog's first focus comes before that, which it does
 * when GtkWindow picks the first control as the window maps (on 4.8 the
 * hidden view switcher's page tab). So the focus is placed before the
 * window is shown, without a focus event, and given once more when the
 * window is active: the first focus event comes after the bogus state,
 * and the reader reads the window's true one. */
static void
first_active_cb (GtkWindow  *window,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  GlossTagsDialog *self = GLOSS_TAGS_DIALOG (window);

  if (!gtk_window_is_active (window))
    return;
  g_signal_handlers_disconnect_by_func (window, first_active_cb, user_data);
  gtk_window_set_focus (window, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
}

static void
gloss_tags_dialog_init (GlossTagsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gloss_accessible_name_controls (GTK_WIDGET (self));
}

GtkWidget *
gloss_tags_dialog_new (GtkWindow    *parent,
                       GlossProject *project)
{
  GlossTagsDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);

  self = g_object_new (GLOSS_TYPE_TAGS_DIALOG,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->project = g_object_ref (project);
  gtk_list_box_bind_model (self->tags_list, gloss_project_get_tags (project),
                           create_row_cb, self, NULL);
  g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->add_button));
  g_signal_connect (self, "notify::is-active", G_CALLBACK (first_active_cb), NULL);

  return GTK_WIDGET (self);
}
