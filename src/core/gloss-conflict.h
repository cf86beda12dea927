/* gloss-conflict.h — the mark a merge leaves on the two versions of a thing
 *
 * When two analysts changed the same annotation, relation, tag or document
 * differently, `gloss --merge` keeps both versions in the project and marks
 * each with the side it came from and the id of the other version, so that
 * the window can show them for review (docs/teams.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * GlossConflictSide:
 * @GLOSS_CONFLICT_NONE: not in conflict
 * @GLOSS_CONFLICT_OURS: the version of the project merged into (git's %A)
 * @GLOSS_CONFLICT_THEIRS: the version merged in (git's %B)
 */
typedef enum {
  GLOSS_CONFLICT_NONE,
  GLOSS_CONFLICT_OURS,
  GLOSS_CONFLICT_THEIRS,
} GlossConflictSide;

typedef struct {
  GlossConflictSide  side;
  /* The id of the other version, or "" when the other side deleted it. */
  char              *with;
} GlossConflict;

/* NULL when @side is GLOSS_CONFLICT_NONE. */
GlossConflict *gloss_conflict_new              (GlossConflictSide    side,
                                                const char          *with);
void           gloss_conflict_free             (GlossConflict       *conflict);
GlossConflict *gloss_conflict_copy             (const GlossConflict *conflict);
gboolean       gloss_conflict_equal            (const GlossConflict *a,
                                                const GlossConflict *b);

/* "ours" / "theirs" */
const char    *gloss_conflict_side_to_string   (GlossConflictSide    side);
gboolean       gloss_conflict_side_from_string (const char          *string,
                                                GlossConflictSide   *side);

/* Replaces *@field by a new mark (or none for GLOSS_CONFLICT_NONE). */
void           gloss_conflict_replace          (GlossConflict      **field,
                                                GlossConflictSide    side,
                                                const char          *with);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossConflict, gloss_conflict_free)

G_END_DECLS
