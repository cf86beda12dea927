/* gloss-web-json.h — reading JSON that other tools wrote, of any shape
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/* Parses @bytes with json-glib after checking what json-glib does not
 * survive or should not be asked: the size, UTF-8 (a byte order mark is
 * skipped) and the nesting depth (at most GLOSS_MAX_JSON_DEPTH arrays and
 * objects: json-glib recurses and a deep enough file crashes it). Errors
 * are GLOSS_ERROR and name @display_name. */
JsonNode   *_gloss_web_json_parse      (GBytes      *bytes,
                                        const char  *display_name,
                                        GError     **error);

/* Member lookups that answer NULL (or FALSE) for a missing member or one
 * of another type, never warning: foreign JSON has any types. JSON-LD
 * spells "id" and "type" also "@id" and "@type"; these take either. */
const char *_gloss_web_json_string     (JsonObject  *object,
                                        const char  *member);
JsonObject *_gloss_web_json_object     (JsonObject  *object,
                                        const char  *member);
/* A non-negative integer that fits in 31 bits (positions), else FALSE. */
gboolean    _gloss_web_json_offset     (JsonObject  *object,
                                        const char  *member,
                                        gint64      *value);
const char *_gloss_web_json_id         (JsonObject  *object);
/* Whether "type" (or "@type") is @type, or an array holding it; a
 * prefixed "oa:Annotation" counts as "Annotation". */
gboolean    _gloss_web_json_has_type   (JsonObject  *object,
                                        const char  *type);

/* A member that may be one value or an array of them (JSON-LD compacts a
 * one-element array to its element): the values as borrowed JsonNodes,
 * none for a missing member or null. */
GPtrArray  *_gloss_web_json_values     (JsonObject  *object,
                                        const char  *member);

/* "2024-05-01T09:30:00Z" and the like; a time without a zone is UTC. */
GDateTime  *_gloss_web_json_time       (JsonObject  *object,
                                        const char  *member);

G_END_DECLS
