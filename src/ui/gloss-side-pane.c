/* gloss-side-pane.c — the annotation list over the inspector
 *
 * The list gets the room. While no annotation is selected the inspector is
 * one line of hint at the bottom; selecting one opens it to where the
 * analyst last left the split (at first, a little under half). Without a
 * document there is nothing to list or inspect, and the pane stays empty
 * rather than show a third "nothing here" beside the article's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-side-pane.h"

/* The inspector's share of the pane when it opens the first time. */
#define INSPECTOR_SHARE 0.55

struct _GlossSidePane
{
  GtkWidget            parent_instance;

  int                  open_position;  /* where the split was while inspecting, or -1 */
  gboolean             inspecting;
  gboolean             placing;        /* the position is ours, not the user's */

  /* template */
  GtkPaned            *paned;
  GlossAnnotationList *list;
  GlossInspector      *inspector;
};

G_DEFINE_FINAL_TYPE (GlossSidePane, gloss_side_pane, GTK_TYPE_WIDGET)

static void
set_position (GlossSidePane *self,
              int            position)
{
  self->placing = TRUE;
  gtk_paned_set_position (self->paned, position);
  self->placing = FALSE;
}

static void
update_split (GlossSidePane *self)
{
  gboolean has_document = gloss_annotation_list_get_document (self->list) != NULL;
  gboolean inspecting = gloss_inspector_get_annotation (self->inspector) != NULL;
  int height = gtk_widget_get_height (GTK_WIDGET (self->paned));

  gtk_widget_set_visible (GTK_WIDGET (self->inspector), has_document);
  gtk_widget_set_visible (GTK_WIDGET (self->list), has_document);

  /* The list grows with the window; the inspector only while open. */
  gtk_paned_set_resize_end_child (self->paned, inspecting);
  if (inspecting == self->inspecting && height > 0)
    return;
  self->inspecting = inspecting;
  if (inspecting)
    set_position (self, self->open_position >= 0 ? self->open_position
                        : (int) (height > 0 ? height * (1.0 - INSPECTOR_SHARE) : 300));
  else
    set_position (self, G_MAXINT / 2);  /* clamped: the hint's own height */
}

static void
position_changed_cb (GlossSidePane *self)
{
  /* Remember where the analyst put the split while inspecting. */
  if (!self->placing && self->inspecting)
    self->open_position = gtk_paned_get_position (self->paned);
}

static void
contents_changed_cb (GlossSidePane *self)
{
  update_split (self);
}

static void
paned_mapped_cb (GlossSidePane *self)
{
  /* The first real height: place the split for it. */
  self->inspecting = !gloss_inspector_get_annotation (self->inspector);
  update_split (self);
}

static void
gloss_side_pane_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GLOSS_TYPE_SIDE_PANE);

  G_OBJECT_CLASS (gloss_side_pane_parent_class)->dispose (object);
}

static void
gloss_side_pane_class_init (GlossSidePaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_side_pane_dispose;

  g_type_ensure (GLOSS_TYPE_ANNOTATION_LIST);
  g_type_ensure (GLOSS_TYPE_INSPECTOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/gloss-side-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossSidePane, paned);
  gtk_widget_class_bind_template_child (widget_class, GlossSidePane, list);
  gtk_widget_class_bind_template_child (widget_class, GlossSidePane, inspector);
  gtk_widget_class_bind_template_callback (widget_class, position_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, contents_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, paned_mapped_cb);
}

static void
gloss_side_pane_init (GlossSidePane *self)
{
  self->open_position = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  update_split (self);
}

GtkWidget *
gloss_side_pane_new (void)
{
  return g_object_new (GLOSS_TYPE_SIDE_PANE, NULL);
}

GlossAnnotationList *
gloss_side_pane_get_annotation_list (GlossSidePane *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDE_PANE (self), NULL);

  return self->list;
}

GlossInspector *
gloss_side_pane_get_inspector (GlossSidePane *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDE_PANE (self), NULL);

  return self->inspector;
}
