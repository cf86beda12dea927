/* gloss-window-history.c — undo and redo, selecting what they bring back
 *
 * A step that adds or changes an annotation of the shown document selects
 * it afterwards (and scrolls to it), so the analyst sees what came back;
 * a step that only removes leaves no stale selection behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-announce.h"
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
  g_autofree char *label = NULL;
  gboolean stepped;

  if (self->project == NULL)
    return;

  label = g_strdup (redo ? gloss_project_get_redo_label (self->project)
                         : gloss_project_get_undo_label (self->project));

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

  /* Said after the selection, which a screen reader reads too. */
  if (stepped && label != NULL)
    {
      g_autofree char *message = NULL;

      if (redo)
        /* Translators: said after Ctrl+Shift+Z; %s is what was redone */
        message = g_strdup_printf (_("Redone: %s"), label);
      else
        /* Translators: said after Ctrl+Z; %s is what was undone, such as “Delete Annotation” */
        message = g_strdup_printf (_("Undone: %s"), label);
      gloss_announce (GTK_WIDGET (self), message);
    }
}
