/* gloss-tag-row-drag.c — reordering tags by dragging their rows
 *
 * Each row is a drag source (carrying its tag's id) and a drop target: a
 * row dropped on the upper half of another goes before it, on the lower
 * half after it. The move goes through the project, so Ctrl+Z undoes it.
 * From the keyboard, Alt+Up and Alt+Down on a row move it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-tag-row.h"

static guint
position_of (GlossProject *project,
             GlossTag     *tag)
{
  GListModel *tags = gloss_project_get_tags (project);
  guint n = g_list_model_get_n_items (tags);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossTag) item = g_list_model_get_item (tags, i);

      if (item == tag)
        return i;
    }
  return G_MAXUINT;
}

gboolean
gloss_tag_row_drop_tag (GlossTagRow *self,
                        const char  *tag_id,
                        gboolean     after)
{
  GlossProject *project;
  GlossTag *moved;
  guint from, onto, to;

  g_return_val_if_fail (GLOSS_IS_TAG_ROW (self), FALSE);
  g_return_val_if_fail (tag_id != NULL, FALSE);

  project = gloss_tag_row_get_project (self);
  moved = gloss_project_lookup_tag (project, tag_id);
  if (moved == NULL || moved == gloss_tag_row_get_tag (self))
    return FALSE;
  from = position_of (project, moved);
  onto = position_of (project, gloss_tag_row_get_tag (self));
  if (from == G_MAXUINT || onto == G_MAXUINT)
    return FALSE;

  /* The index it ends at, once taken out of its old place. */
  to = after ? onto + 1 : onto;
  if (from < to)
    to--;
  if (to == from)
    return FALSE;
  gloss_project_move_tag (project, moved, to);
  return TRUE;
}

/* ---- dragging ---- */

static GdkContentProvider *
prepare_cb (GtkDragSource *source,
            double         x,
            double         y,
            GlossTagRow   *self)
{
  return gdk_content_provider_new_typed (G_TYPE_STRING, gloss_tag_get_id (gloss_tag_row_get_tag (self)));
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               GlossTagRow   *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 24, 16);
  gtk_widget_add_css_class (GTK_WIDGET (self), "gloss-dragged");
}

static void
drag_end_cb (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             GlossTagRow   *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "gloss-dragged");
}

static void
show_drop_side (GlossTagRow *self,
                double       y)
{
  gboolean after = y > gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  if (after)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "gloss-drop-before");
      gtk_widget_add_css_class (GTK_WIDGET (self), "gloss-drop-after");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "gloss-drop-after");
      gtk_widget_add_css_class (GTK_WIDGET (self), "gloss-drop-before");
    }
}

static void
clear_drop_side (GlossTagRow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "gloss-drop-before");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "gloss-drop-after");
}

static GdkDragAction
motion_cb (GtkDropTarget *target,
           double         x,
           double         y,
           GlossTagRow   *self)
{
  show_drop_side (self, y);
  return GDK_ACTION_MOVE;
}

static void
leave_cb (GtkDropTarget *target,
          GlossTagRow   *self)
{
  clear_drop_side (self);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GlossTagRow   *self)
{
  clear_drop_side (self);
  if (!G_VALUE_HOLDS_STRING (value) || g_value_get_string (value) == NULL)
    return FALSE;
  return gloss_tag_row_drop_tag (self, g_value_get_string (value),
                                 y > gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
_gloss_tag_row_setup_drag (GlossTagRow *self,
                           GtkWidget   *handle)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (source));

  g_signal_connect (target, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
