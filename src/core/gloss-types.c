/* gloss-types.c — enums and the error domain of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-types.h"

G_DEFINE_QUARK (gloss-error-quark, gloss_error)

static const char * const anchor_state_names[] = {
  [GLOSS_ANCHOR_ANCHORED] = "anchored",
  [GLOSS_ANCHOR_MOVED] = "moved",
  [GLOSS_ANCHOR_ORPHANED] = "orphaned",
};

GType
gloss_anchor_state_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { GLOSS_ANCHOR_ANCHORED, "GLOSS_ANCHOR_ANCHORED", "anchored" },
        { GLOSS_ANCHOR_MOVED, "GLOSS_ANCHOR_MOVED", "moved" },
        { GLOSS_ANCHOR_ORPHANED, "GLOSS_ANCHOR_ORPHANED", "orphaned" },
        { 0, NULL, NULL },
      };
      GType type = g_enum_register_static (g_intern_static_string ("GlossAnchorState"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

const char *
gloss_anchor_state_to_string (GlossAnchorState state)
{
  if ((guint) state >= G_N_ELEMENTS (anchor_state_names))
    return "orphaned";

  return anchor_state_names[state];
}

gboolean
gloss_anchor_state_from_string (const char       *string,
                                GlossAnchorState *state)
{
  g_return_val_if_fail (state != NULL, FALSE);

  if (string == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (anchor_state_names); i++)
    {
      if (g_str_equal (string, anchor_state_names[i]))
        {
          *state = (GlossAnchorState) i;
          return TRUE;
        }
    }

  return FALSE;
}
