/* gloss-conflict.c — the mark a merge leaves on the two versions of a thing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-conflict.h"

GlossConflict *
gloss_conflict_new (GlossConflictSide  side,
                    const char        *with)
{
  GlossConflict *conflict;

  if (side == GLOSS_CONFLICT_NONE)
    return NULL;

  conflict = g_new0 (GlossConflict, 1);
  conflict->side = side;
  conflict->with = g_strdup (with != NULL ? with : "");

  return conflict;
}

void
gloss_conflict_free (GlossConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->with);
  g_free (conflict);
}

GlossConflict *
gloss_conflict_copy (const GlossConflict *conflict)
{
  if (conflict == NULL)
    return NULL;

  return gloss_conflict_new (conflict->side, conflict->with);
}

gboolean
gloss_conflict_equal (const GlossConflict *a,
                      const GlossConflict *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->side == b->side && g_str_equal (a->with, b->with);
}

const char *
gloss_conflict_side_to_string (GlossConflictSide side)
{
  switch (side)
    {
    case GLOSS_CONFLICT_OURS:
      return "ours";
    case GLOSS_CONFLICT_THEIRS:
      return "theirs";
    case GLOSS_CONFLICT_NONE:
    default:
      return "";
    }
}

gboolean
gloss_conflict_side_from_string (const char        *string,
                                 GlossConflictSide *side)
{
  if (g_strcmp0 (string, "ours") == 0)
    *side = GLOSS_CONFLICT_OURS;
  else if (g_strcmp0 (string, "theirs") == 0)
    *side = GLOSS_CONFLICT_THEIRS;
  else
    return FALSE;

  return TRUE;
}

void
gloss_conflict_replace (GlossConflict     **field,
                        GlossConflictSide   side,
                        const char         *with)
{
  GlossConflict *old = *field;

  *field = gloss_conflict_new (side, with);
  gloss_conflict_free (old);
}
