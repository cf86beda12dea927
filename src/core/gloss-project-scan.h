/* gloss-project-scan.h — the strict reading of a .gloss file's bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-json-reader.h"
#include "gloss-types.h"

G_BEGIN_DECLS

/* Checks @data (the whole file) against the limits in gloss-types.h and
 * strict RFC 8259 JSON, without recursion (docs/decisions/json.md says why
 * this is not json-glib's parser). On success *@json_start is where the JSON
 * begins (past a UTF-8 byte order mark). On failure @error (GLOSS_ERROR)
 * says "NAME:LINE:COLUMN: what" or "NAME: what" for the first problem. */
gboolean _gloss_project_scan (const char  *name,
                              const char  *data,
                              gsize        size,
                              gsize       *json_start,
                              GError     **error);

/* The same checks, building the tree with @builder as they go: the file is
 * read once. @data is modified (strings are terminated in place) and must
 * outlive the tree; the tree is complete only when this returns TRUE. */
gboolean _gloss_project_parse (const char        *name,
                               char              *data,
                               gsize              size,
                               GlossJsonBuilder  *builder,
                               GError           **error);

G_END_DECLS
