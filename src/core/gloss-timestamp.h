/* gloss-timestamp.h — the one form of time a project file holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 2024-05-01T09:30:00.000000Z, the form Gloss writes, exactly (microseconds
 * included), or NULL for any other form or a date that does not exist. */
GDateTime *gloss_timestamp_parse (const char *text);

G_END_DECLS
