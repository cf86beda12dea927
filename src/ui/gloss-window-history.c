/* gloss-window-history.c — undo and redo, selecting what they bring back
 *
 * A step that adds or changes an annotation of the shown document selects
 * it afterwards (and scrolls to it), so the analyst sees what came back;
 * a step that only removes leaves no stale selection behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-window-private.h"

typedef struct {
  GlossDocument   *document;
  GlossAnnotation *touched;   /* owned */
} StepWatch;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  StepWatch  *watch)
{
  if (added == 0)
    return;
  g_clear_object (&watch->touched);
  watch->touched = g_list_model_get_item (model, position + added - 1);
}

static void
annotation_changed_cb (GlossDocument   *document,
                       GlossAnnotation *annotation,
                       guint            old_start,
                       guint            old_end,
                       StepWatch       *watch)
{
  g_set_object (&watch->touched, annotation);
}

void
_gloss_window_step_history (GlossWindow *self,
                            gboolean     redo)
{
  StepWatch watch = { self->document, NULL };
  gboolean stepped;

  if (self->project == NULL)
    return;

  if (watch.document != NULL)
    {
      g_signal_connect (watch.document, "items-changed", G_CALLBACK (items_changed_cb), &watch);
      g_signal_connect (watch.document, "annotation-changed", G_CALLBACK (annotation_changed_cb), &watch);
    }
  stepped = redo ? gloss_project_redo (self->project) : gloss_project_undo (self->project);
  if (watch.document != NULL)
    g_signal_handlers_disconnect_by_data (watch.document, &watch);

  if (stepped && watch.touched != NULL &&
      gloss_annotation_get_document (watch.touched) == self->document)
    _gloss_window_select (self, watch.touched, TRUE);
  g_clear_object (&watch.touched);
}
