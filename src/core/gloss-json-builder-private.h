/* gloss-json-builder-private.h — how the scan fills the tree
 *
 * For gloss-project-scan.c and gloss-json-reader.c only: the rest of Gloss
 * reads the finished tree (gloss-json-reader.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-json-reader.h"

G_BEGIN_DECLS

/* The events of a well-formed document, in order (the scan calls these
 * only for what it accepted). Strings are given raw, between their quotes:
 * @raw is inside a writable buffer and raw[length] is the closing quote,
 * which an unescaped string overwrites with its terminating NUL. */
void  gloss_json_builder_string      (GlossJsonBuilder *self,
                                      char             *raw,
                                      gsize             length,
                                      gboolean          has_escapes);
/* A member name, before its value; the same rules as for strings. Returns
 * the name as the tree keeps it (decoded). */
const char *gloss_json_builder_member (GlossJsonBuilder *self,
                                       char             *raw,
                                       gsize             length,
                                       gboolean          has_escapes);
/* A number as written; @integral when it has no fraction or exponent.
 * The scan has checked that it is in range. */
void  gloss_json_builder_number      (GlossJsonBuilder *self,
                                      const char       *text,
                                      gsize             length,
                                      gboolean          integral);
void  gloss_json_builder_boolean     (GlossJsonBuilder *self,
                                      gboolean          value);
void  gloss_json_builder_null        (GlossJsonBuilder *self);
void  gloss_json_builder_begin       (GlossJsonBuilder *self,
                                      GlossJsonType     container);
void  gloss_json_builder_end         (GlossJsonBuilder *self);

/* Decodes the escapes of a raw JSON string (the scan checked them) into
 * @out, which has room for @length + 1 bytes; returns the decoded length. */
gsize gloss_json_decode_string (const char *raw,
                                gsize       length,
                                char       *out);

G_END_DECLS
