/* gloss-timestamp.h — the one form of time a project file holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 2024-05-01T09:30:00.000000Z, the form Gloss writes, exactly (microseconds
 * included), or NULL for any other form or a date that does not exist. */
GDateTime *gloss_timestamp_parse  (const char *text);
/* That form of @seconds since 1970 (UTC) and @usec into @out (28 bytes,
 * NUL included), or FALSE when the year in UTC is not 1 … 9999. */
gboolean   gloss_timestamp_format (gint64      seconds,
                                   int         usec,
                                   char       *out);

G_END_DECLS
