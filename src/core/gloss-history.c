/* gloss-history.c — steps of edits, undone backwards and redone forwards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-history.h"

/* Consecutive mergeable edits closer than this become one undo step. */
#define MERGE_WINDOW_USEC (2 * G_USEC_PER_SEC)

typedef struct {
  char      *label;
  GPtrArray *edits;   /* GlossEdit*, in the order they were applied */
  gint64     time;
  guint64    serial;  /* new whenever the step's edits change */
} Step;

struct _GlossHistory
{
  GPtrArray *steps;     /* Step*: [0, position) done, [position, len) undone */
  guint      position;
  gint64     saved_position;  /* -1: no step leads back to the saved state */
  Step      *open_step;
  guint      open_depth;
  guint64    last_serial;
};

static void
edit_free (gpointer data)
{
  GlossEdit *edit = data;

  edit->klass->free (edit);
}

static Step *
step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label != NULL ? label : "");
  step->edits = g_ptr_array_new_with_free_func (edit_free);
  step->time = g_get_monotonic_time ();

  return step;
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_ptr_array_unref (step->edits);
  g_free (step->label);
  g_free (step);
}

GlossHistory *
gloss_history_new (void)
{
  GlossHistory *self = g_new0 (GlossHistory, 1);

  self->steps = g_ptr_array_new_with_free_func (step_free);

  return self;
}

void
gloss_history_free (GlossHistory *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->open_step, step_free);
  g_ptr_array_unref (self->steps);
  g_free (self);
}

/* Drops the undone steps: a new change makes them unreachable. */
static void
truncate_redo (GlossHistory *self)
{
  if (self->position < self->steps->len)
    {
      if (self->saved_position > (gint64) self->position)
        self->saved_position = -1;
      g_ptr_array_set_size (self->steps, self->position);
    }
}

static void
commit_step (GlossHistory *self,
             Step         *step)
{
  if (step->edits->len == 0)
    {
      step_free (step);
      return;
    }

  truncate_redo (self);
  step->serial = ++self->last_serial;
  g_ptr_array_add (self->steps, step);
  self->position = self->steps->len;
}

void
gloss_history_begin (GlossHistory *self,
                     const char   *label)
{
  if (self->open_depth++ == 0)
    self->open_step = step_new (label);
}

void
gloss_history_end (GlossHistory *self)
{
  g_return_if_fail (self->open_depth > 0);

  if (--self->open_depth == 0)
    commit_step (self, g_steal_pointer (&self->open_step));
}

static gboolean
try_merge (GlossHistory *self,
           GlossEdit    *edit)
{
  Step *last;
  GlossEdit *last_edit;

  if (edit->klass->merge == NULL || self->position == 0 || self->position != self->steps->len)
    return FALSE;
  if (self->saved_position == (gint64) self->position)
    return FALSE;  /* keep the saved state reachable */

  last = g_ptr_array_index (self->steps, self->position - 1);
  if (last->edits->len != 1 || g_get_monotonic_time () - last->time > MERGE_WINDOW_USEC)
    return FALSE;

  last_edit = g_ptr_array_index (last->edits, 0);
  if (last_edit->klass != edit->klass || !edit->klass->merge (last_edit, edit))
    return FALSE;

  last->time = g_get_monotonic_time ();
  last->serial = ++self->last_serial;
  return TRUE;
}

void
gloss_history_push (GlossHistory *self,
                    GlossEdit    *edit,
                    const char   *label)
{
  Step *step;

  if (self->open_step != NULL)
    {
      g_ptr_array_add (self->open_step->edits, edit);
      return;
    }

  if (try_merge (self, edit))
    {
      edit->klass->free (edit);
      return;
    }

  step = step_new (label);
  g_ptr_array_add (step->edits, edit);
  commit_step (self, step);
}

gboolean
gloss_history_can_undo (GlossHistory *self)
{
  return self->position > 0;
}

gboolean
gloss_history_can_redo (GlossHistory *self)
{
  return self->position < self->steps->len;
}

const char *
gloss_history_get_undo_label (GlossHistory *self)
{
  if (self->position == 0)
    return NULL;

  return ((Step *) g_ptr_array_index (self->steps, self->position - 1))->label;
}

const char *
gloss_history_get_redo_label (GlossHistory *self)
{
  if (self->position >= self->steps->len)
    return NULL;

  return ((Step *) g_ptr_array_index (self->steps, self->position))->label;
}

gboolean
gloss_history_undo (GlossHistory *self,
                    GlossProject *project)
{
  Step *step;

  g_return_val_if_fail (self->open_depth == 0, FALSE);

  if (self->position == 0)
    return FALSE;

  step = g_ptr_array_index (self->steps, --self->position);
  for (guint i = step->edits->len; i > 0; i--)
    {
      GlossEdit *edit = g_ptr_array_index (step->edits, i - 1);

      edit->klass->apply (edit, project, FALSE);
    }

  return TRUE;
}

gboolean
gloss_history_redo (GlossHistory *self,
                    GlossProject *project)
{
  Step *step;

  g_return_val_if_fail (self->open_depth == 0, FALSE);

  if (self->position >= self->steps->len)
    return FALSE;

  step = g_ptr_array_index (self->steps, self->position++);
  for (guint i = 0; i < step->edits->len; i++)
    {
      GlossEdit *edit = g_ptr_array_index (step->edits, i);

      edit->klass->apply (edit, project, TRUE);
    }

  return TRUE;
}

gboolean
gloss_history_is_at_saved (GlossHistory *self)
{
  return self->saved_position == (gint64) self->position && self->open_step == NULL;
}

void
gloss_history_mark_saved (GlossHistory *self)
{
  self->saved_position = self->position;
}

void
gloss_history_mark_unsaved (GlossHistory *self)
{
  self->saved_position = -1;
}

guint64
gloss_history_get_state (GlossHistory *self)
{
  Step *last;

  if (self->position == 0)
    return 0;

  last = g_ptr_array_index (self->steps, self->position - 1);
  return last->serial;
}

void
gloss_history_mark_saved_state (GlossHistory *self,
                                guint64       state)
{
  self->saved_position = state == 0 ? 0 : -1;
  for (guint i = 0; state != 0 && i < self->steps->len; i++)
    {
      Step *step = g_ptr_array_index (self->steps, i);

      if (step->serial == state)
        self->saved_position = i + 1;
    }
}
