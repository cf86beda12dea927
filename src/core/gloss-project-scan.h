/* gloss-project-scan.h — the checks a .gloss file passes before json-glib
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-types.h"

G_BEGIN_DECLS

/* Checks @data (the whole file) against the limits in gloss-types.h and
 * strict RFC 8259 JSON, without recursion, so that json-glib only ever sees
 * what it reads faithfully. On success *@json_start is where the JSON
 * begins (past a UTF-8 byte order mark). On failure @error (GLOSS_ERROR)
 * says "NAME:LINE:COLUMN: what" or "NAME: what" for the first problem. */
gboolean _gloss_project_scan (const char  *name,
                              const char  *data,
                              gsize        size,
                              gsize       *json_start,
                              GError     **error);

G_END_DECLS
