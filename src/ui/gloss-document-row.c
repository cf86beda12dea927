/* gloss-document-row.c — a document in the documents sidebar
 *
 * Each row's menu is made the first time it is asked for: an archive's
 * five hundred rows would otherwise carry five hundred popovers whose
 * items every change of the window's actions has to update.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-document-row.h"
#include "gloss-untrusted-text.h"

struct _GlossDocumentRow
{
  GtkListBoxRow  parent_instance;

  GlossDocument *document;
  GtkWidget     *menu;   /* a child of the row once made */
};

G_DEFINE_FINAL_TYPE (GlossDocumentRow, gloss_document_row, GTK_TYPE_LIST_BOX_ROW)

static void
gloss_document_row_dispose (GObject *object)
{
  GlossDocumentRow *self = GLOSS_DOCUMENT_ROW (object);

  /* A row finalized with a child left is a bug GTK reports. */
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (gloss_document_row_parent_class)->dispose (object);
}

static void
gloss_document_row_class_init (GlossDocumentRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gloss_document_row_dispose;
}

static GtkPopover *
ensure_menu (GlossDocumentRow *self)
{
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenuItem) details = NULL;
  g_autoptr(GMenuItem) rename = NULL;
  g_autoptr(GMenuItem) remove = NULL;
  const char *id;

  if (self->menu != NULL)
    return GTK_POPOVER (self->menu);

  id = gloss_document_get_id (self->document);
  menu = g_menu_new ();
  details = g_menu_item_new (_("_Details"), NULL);
  rename = g_menu_item_new (_("Re_name…"), NULL);
  remove = g_menu_item_new (_("_Remove…"), NULL);
  g_menu_item_set_action_and_target (details, "win.document-details", "s", id);
  g_menu_item_set_action_and_target (rename, "win.rename-document", "s", id);
  g_menu_item_set_action_and_target (remove, "win.remove-document", "s", id);
  g_menu_append_item (menu, details);
  g_menu_append_item (menu, rename);
  g_menu_append_item (menu, remove);

  self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
  return GTK_POPOVER (self->menu);
}

static void
pressed_cb (GtkGestureClick  *gesture,
            int               n_press,
            double            x,
            double            y,
            GlossDocumentRow *self)
{
  GtkPopover *popover = ensure_menu (self);

  gtk_popover_set_pointing_to (popover, &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (popover);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
long_pressed_cb (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 GlossDocumentRow    *self)
{
  gtk_popover_popup (ensure_menu (self));
}

static void
gloss_document_row_init (GlossDocumentRow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *press = gtk_gesture_long_press_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (press, "pressed", G_CALLBACK (long_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (press));
}

GtkWidget *
gloss_document_row_new (GlossDocument *document)
{
  GlossDocumentRow *self = g_object_new (GLOSS_TYPE_DOCUMENT_ROW, NULL);
  GtkWidget *label = gtk_label_new (NULL);

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  self->document = g_object_ref (document);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  g_object_bind_property_full (document, "title", label, "label", G_BINDING_SYNC_CREATE,
                               gloss_untrusted_isolate_binding, NULL, NULL, NULL);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), label);

  return GTK_WIDGET (self);
}

GlossDocument *
gloss_document_row_get_document (GlossDocumentRow *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_ROW (self), NULL);
  return self->document;
}

GtkWidget *
gloss_document_row_get_menu (GlossDocumentRow *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_ROW (self), NULL);
  return self->menu;
}
