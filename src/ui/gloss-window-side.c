/* gloss-window-side.c — the side pane: the annotation list over the inspector
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

#include "gloss-annotation-list.h"
#include "gloss-inspector.h"
#include "gloss-window-private.h"

/* The inspector's share of the pane when it opens the first time. */
#define INSPECTOR_SHARE 0.55

typedef struct {
  GtkPaned  *paned;
  GtkWidget *list;
  GtkWidget *inspector;
  int        open_position;   /* where the split was while inspecting, or -1 */
  gboolean   inspecting;
  gboolean   placing;         /* the position is ours, not the user's */
} SidePane;

static void
set_position (SidePane *side,
              int       position)
{
  side->placing = TRUE;
  gtk_paned_set_position (side->paned, position);
  side->placing = FALSE;
}

static void
update_split (SidePane *side)
{
  gboolean has_document = gloss_annotation_list_get_document (GLOSS_ANNOTATION_LIST (side->list)) != NULL;
  gboolean inspecting = gloss_inspector_get_annotation (GLOSS_INSPECTOR (side->inspector)) != NULL;
  int height = gtk_widget_get_height (GTK_WIDGET (side->paned));

  gtk_widget_set_visible (side->inspector, has_document);
  gtk_widget_set_visible (side->list, has_document);

  /* The list grows with the window; the inspector only while open. */
  gtk_paned_set_resize_end_child (side->paned, inspecting);
  if (inspecting == side->inspecting && height > 0)
    return;
  side->inspecting = inspecting;
  if (inspecting)
    set_position (side, side->open_position >= 0 ? side->open_position
                        : (int) (height > 0 ? height * (1.0 - INSPECTOR_SHARE) : 300));
  else
    set_position (side, G_MAXINT / 2);  /* clamped: the hint's own height */
}

static void
position_changed_cb (SidePane *side)
{
  /* Remember where the analyst put the split while inspecting. */
  if (!side->placing && side->inspecting)
    side->open_position = gtk_paned_get_position (side->paned);
}

static void
side_changed_cb (SidePane *side)
{
  update_split (side);
}

static void
side_mapped_cb (SidePane *side)
{
  /* The first real height: place the split for it. */
  side->inspecting = !gloss_inspector_get_annotation (GLOSS_INSPECTOR (side->inspector));
  update_split (side);
}

void
_gloss_window_build_side_pane (GlossWindow *self)
{
  SidePane *side = g_new0 (SidePane, 1);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);

  self->annotation_list = gloss_annotation_list_new ();
  gtk_widget_set_vexpand (self->annotation_list, TRUE);
  self->inspector = gloss_inspector_new ();
  gtk_widget_set_vexpand (self->inspector, TRUE);

  side->paned = GTK_PANED (paned);
  side->list = self->annotation_list;
  side->inspector = self->inspector;
  side->open_position = -1;

  gtk_paned_set_start_child (side->paned, self->annotation_list);
  gtk_paned_set_end_child (side->paned, self->inspector);
  gtk_paned_set_shrink_start_child (side->paned, FALSE);
  gtk_paned_set_shrink_end_child (side->paned, FALSE);
  gtk_paned_set_resize_start_child (side->paned, TRUE);
  gtk_paned_set_wide_handle (side->paned, FALSE);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (self->side_pane, paned);

  g_object_set_data_full (G_OBJECT (paned), "gloss-side-pane", side, g_free);
  g_signal_connect_swapped (paned, "notify::position", G_CALLBACK (position_changed_cb), side);
  g_signal_connect_swapped (paned, "map", G_CALLBACK (side_mapped_cb), side);
  g_signal_connect_swapped (self->inspector, "notify::annotation", G_CALLBACK (side_changed_cb), side);
  g_signal_connect_swapped (self->annotation_list, "notify::document", G_CALLBACK (side_changed_cb), side);
  update_split (side);
}
