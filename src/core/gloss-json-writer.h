/* gloss-json-writer.h — pretty, stable JSON written straight into a GString
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Members come out in the order they are written, two-space indented,
 * strings escaped per RFC 8259 (non-ASCII stays UTF-8). Faster than building
 * a JsonNode tree and byte-stable, which load → save relies on. */
typedef struct _GlossJsonWriter GlossJsonWriter;

GlossJsonWriter *gloss_json_writer_new          (gsize            size_hint);
void             gloss_json_writer_free         (GlossJsonWriter *self);
/* Ends the document (adds a final newline) and returns its bytes. */
GBytes          *gloss_json_writer_finish       (GlossJsonWriter *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossJsonWriter, gloss_json_writer_free)

void gloss_json_writer_begin_object (GlossJsonWriter *self);
void gloss_json_writer_end_object   (GlossJsonWriter *self);
void gloss_json_writer_begin_array  (GlossJsonWriter *self);
void gloss_json_writer_end_array    (GlossJsonWriter *self);
/* The name of the next member of the current object. */
void gloss_json_writer_member       (GlossJsonWriter *self,
                                     const char      *name);
void gloss_json_writer_string       (GlossJsonWriter *self,
                                     const char      *value);  /* NULL → null */
void gloss_json_writer_int          (GlossJsonWriter *self,
                                     gint64           value);
/* A finite number with @decimals digits after the point ("0.7286"),
 * whatever the locale. */
void gloss_json_writer_double       (GlossJsonWriter *self,
                                     double           value,
                                     guint            decimals);
void gloss_json_writer_boolean      (GlossJsonWriter *self,
                                     gboolean         value);
void gloss_json_writer_null         (GlossJsonWriter *self);
/* Shorthands: member + value. */
void gloss_json_writer_string_member (GlossJsonWriter *self,
                                      const char      *name,
                                      const char      *value);
void gloss_json_writer_int_member    (GlossJsonWriter *self,
                                      const char      *name,
                                      gint64           value);
/* Writes an ISO 8601 UTC timestamp with microseconds, or null. */
void gloss_json_writer_datetime_member (GlossJsonWriter *self,
                                        const char      *name,
                                        GDateTime       *value);

G_END_DECLS
