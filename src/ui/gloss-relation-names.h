/* gloss-relation-names.h — what the analyst reads for a relation type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The translated name shown for the relation type @type ("attributed to"
 * for the stored "attributed-to"); a type of the analyst's own is shown as
 * it was typed. */
const char *gloss_relation_type_display_name (const char *type);

G_END_DECLS
