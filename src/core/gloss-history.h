/* gloss-history.h — one undo/redo history for every change to a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-types.h"

G_BEGIN_DECLS

typedef struct _GlossEdit      GlossEdit;
typedef struct _GlossEditClass GlossEditClass;

/* One reversible change. The project makes it, applies it, then hands it
 * to the history; undo applies edits backwards, redo forwards. */
struct _GlossEditClass
{
  const char *name;
  void      (*apply) (GlossEdit    *edit,
                      GlossProject *project,
                      gboolean      forward);
  void      (*free)  (GlossEdit    *edit);
  /* Folds @next (same class, applied right after) into @edit, as typing
   * in a note does; NULL when edits of this class never merge. */
  gboolean  (*merge) (GlossEdit    *edit,
                      GlossEdit    *next);
};

struct _GlossEdit
{
  const GlossEditClass *klass;
};

GlossHistory *gloss_history_new              (void);
void          gloss_history_free             (GlossHistory *self);

void          gloss_history_begin            (GlossHistory *self,
                                              const char   *label);
void          gloss_history_end              (GlossHistory *self);
/* Takes @edit, which has been applied. @label names the step when no
 * action is open. */
void          gloss_history_push             (GlossHistory *self,
                                              GlossEdit    *edit,
                                              const char   *label);

gboolean      gloss_history_can_undo         (GlossHistory *self);
gboolean      gloss_history_can_redo         (GlossHistory *self);
const char   *gloss_history_get_undo_label   (GlossHistory *self);
const char   *gloss_history_get_redo_label   (GlossHistory *self);
gboolean      gloss_history_undo             (GlossHistory *self,
                                              GlossProject *project);
gboolean      gloss_history_redo             (GlossHistory *self,
                                              GlossProject *project);

/* Whether the history stands where it stood when last marked saved. */
gboolean      gloss_history_is_at_saved      (GlossHistory *self);
void          gloss_history_mark_saved       (GlossHistory *self);
/* Marks that no step reaches the saved state (a loaded file was repaired). */
void          gloss_history_mark_unsaved     (GlossHistory *self);

/* Which state the done steps lead to: equal values are the same state.
 * A save started at one state marks that state saved when it ends, even
 * if edits came meanwhile (the project is then still unsaved); if that
 * state can no longer be reached, none is. */
guint64       gloss_history_get_state        (GlossHistory *self);
void          gloss_history_mark_saved_state (GlossHistory *self,
                                              guint64       state);

G_END_DECLS
