/* gloss-window-side.c — the window's side pane: a GlossSidePane in ->side_pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-side-pane.h"
#include "gloss-window-private.h"

void
_gloss_window_build_side_pane (GlossWindow *self)
{
  GlossSidePane *side = GLOSS_SIDE_PANE (gloss_side_pane_new ());

  self->annotation_list = GTK_WIDGET (gloss_side_pane_get_annotation_list (side));
  self->inspector = GTK_WIDGET (gloss_side_pane_get_inspector (side));
  gtk_box_append (self->side_pane, GTK_WIDGET (side));
}
