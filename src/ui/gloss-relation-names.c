/* gloss-relation-names.c — what the analyst reads for a relation type
 *
 * The project file keeps stable identifiers ("attributed-to"), which
 * exports and scripts rely on; the window reads them out in words, in the
 * analyst's language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-relation-names.h"

typedef struct {
  const char *type;
  const char *name;
} RelationName;

static const RelationName relation_names[] = {
  /* Translators: a relation type: a claim is attributed to its source */
  { "attributed-to", N_("attributed to") },
  /* Translators: a relation type: evidence supports a claim */
  { "supports", N_("supports") },
  /* Translators: a relation type: one claim contradicts another */
  { "contradicts", N_("contradicts") },
  /* Translators: a relation type: two mentions of the same thing */
  { "same-as", N_("same as") },
  /* Translators: a relation type made when a project has no types */
  { "related-to", N_("related to") },
};

const char *
gloss_relation_type_display_name (const char *type)
{
  g_return_val_if_fail (type != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (relation_names); i++)
    if (g_str_equal (relation_names[i].type, type))
      return _(relation_names[i].name);
  return type;
}
