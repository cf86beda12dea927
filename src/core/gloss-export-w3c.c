/* gloss-export-w3c.c — a W3C Web Annotation AnnotationCollection (JSON-LD)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One collection with one embedded page holding every annotation, then one
 * "linking" annotation per relation. The mapping is documented in
 * docs/export.md; in short:
 *  - an annotation is identified by "urn:uuid:<its id>";
 *  - its target is the document (its web address, else "urn:sha256:" of its
 *    text; never a local path) with its title, a TextQuoteSelector and a
 *    TextPositionSelector, the latter in code points as the model requires
 *    or in UTF-16 code units for the JavaScript tools — and left out for an
 *    orphaned annotation, whose offsets no longer hold its quote;
 *  - the collection says in words which of the two its positions count;
 *  - each tag is a TextualBody with purpose "tagging", each attribute one
 *    with purpose "describing" ("key: value"), the note one with purpose
 *    "commenting";
 *  - a relation is an annotation with motivation "linking" whose target
 *    is the "from" annotation and whose bodies are the "to" annotation
 *    (a SpecificResource, purpose "linking"), the relation type (purpose
 *    "classifying") and its note (purpose "commenting").
 */
#include "config.h"

#include <string.h>

#include "gloss-export-private.h"

#define ANNO_CONTEXT "http://www.w3.org/ns/anno.jsonld"

/* Ids Gloss makes are UUIDs; anything else (an id a loader kept) is still
 * given a valid IRI, escaped. */
static char *
id_to_iri (const char *kind,
           const char *id)
{
  g_autofree char *escaped = NULL;

  if (g_uuid_string_is_valid (id))
    {
      g_autofree char *lower = g_ascii_strdown (id, -1);

      return g_strconcat ("urn:uuid:", lower, NULL);
    }

  escaped = g_uri_escape_string (id, NULL, FALSE);
  return g_strdup_printf ("urn:x-gloss:%s:%s", kind, escaped);
}

/* The document's public name: its canonical address (provenance), or the
 * web address its text came from, else
 * "urn:sha256:" of its text, which any copy of the same text shares. A
 * local path never leaves the machine: it would name the analyst's folders
 * and mean nothing to anyone else. */
char *
_gloss_export_document_iri (GlossDocument *document)
{
  const char *url = gloss_provenance_get_url (gloss_document_get_provenance (document));
  const char *source = gloss_document_get_source (document);
  const char *scheme = NULL;

  if (*url != '\0')
    return g_strdup (url);

  scheme = source != NULL ? g_uri_peek_scheme (source) : NULL;
  if (scheme != NULL &&
      (g_str_equal (scheme, "http") || g_str_equal (scheme, "https")) &&
      g_uri_is_valid (source, G_URI_FLAGS_NONE, NULL))
    return g_strdup (source);

  return g_strconcat ("urn:sha256:", gloss_document_get_sha256 (document), NULL);
}

/* A name-based UUID (version 5 layout, SHA-256 rather than SHA-1) for the
 * collection and its page: the same project exports the same ids, so two
 * exports diff cleanly. */
static char *
derived_uuid_iri (GPtrArray  *documents,
                  const char *salt)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize digest_len = sizeof digest;

  g_checksum_update (checksum, (const guchar *) salt, (gssize) strlen (salt) + 1);
  for (guint i = 0; i < documents->len; i++)
    {
      const char *id = gloss_document_get_id (g_ptr_array_index (documents, i));

      g_checksum_update (checksum, (const guchar *) id, (gssize) strlen (id) + 1);
    }
  g_checksum_get_digest (checksum, digest, &digest_len);

  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3],
                          digest[4], digest[5], digest[6], digest[7],
                          digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

static void
write_textual_body (GlossJsonWriter *writer,
                    const char      *purpose,
                    const char      *value)
{
  gloss_json_writer_begin_object (writer);
  gloss_json_writer_string_member (writer, "type", "TextualBody");
  gloss_json_writer_string_member (writer, "purpose", purpose);
  gloss_json_writer_string_member (writer, "value", value);
  gloss_json_writer_string_member (writer, "format", "text/plain");
  gloss_json_writer_end_object (writer);
}

static void
write_annotation (GlossJsonWriter *writer,
                  GlossDocument   *document,
                  const char      *source_iri,
                  GlossAnnotation *annotation,
                  GHashTable      *tag_table,
                  gboolean         utf16)
{
  g_autofree char *iri = id_to_iri ("annotation", gloss_annotation_get_id (annotation));
  const char * const *tag_ids = gloss_annotation_get_tags (annotation);
  g_auto(GStrv) keys = gloss_annotation_dup_attribute_keys (annotation);
  const char *note = gloss_annotation_get_note (annotation);
  const char *author = gloss_annotation_get_author (annotation);
  const char *prefix = gloss_annotation_get_prefix (annotation);
  const char *suffix = gloss_annotation_get_suffix (annotation);
  gboolean has_note = note != NULL && *note != '\0';
  const char *motivation;

  if (has_note)
    motivation = "commenting";
  else if (tag_ids[0] != NULL)
    motivation = "tagging";
  else if (keys[0] != NULL)
    motivation = "describing";
  else
    motivation = "highlighting";

  gloss_json_writer_begin_object (writer);
  gloss_json_writer_string_member (writer, "id", iri);
  gloss_json_writer_string_member (writer, "type", "Annotation");
  gloss_json_writer_string_member (writer, "motivation", motivation);

  if (author != NULL && *author != '\0')
    {
      gloss_json_writer_member (writer, "creator");
      gloss_json_writer_begin_object (writer);
      gloss_json_writer_string_member (writer, "type", "Person");
      gloss_json_writer_string_member (writer, "name", author);
      gloss_json_writer_end_object (writer);
    }
  if (gloss_annotation_get_created (annotation) != NULL)
    gloss_json_writer_datetime_member (writer, "created", gloss_annotation_get_created (annotation));
  if (gloss_annotation_get_modified (annotation) != NULL)
    gloss_json_writer_datetime_member (writer, "modified", gloss_annotation_get_modified (annotation));

  /* Always a body, empty for a bare highlight: the model allows none, but
   * JavaScript clients (Recogito's text annotator) fail on a missing one
   * and take an empty list. */
  gloss_json_writer_member (writer, "body");
  gloss_json_writer_begin_array (writer);
  for (guint i = 0; tag_ids[i] != NULL; i++)
    {
      GlossTag *tag = g_hash_table_lookup (tag_table, tag_ids[i]);

      write_textual_body (writer, "tagging",
                          tag != NULL ? gloss_tag_get_name (tag) : tag_ids[i]);
    }
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *value =
        g_strdup_printf ("%s: %s", keys[i], gloss_annotation_get_attribute (annotation, keys[i]));

      write_textual_body (writer, "describing", value);
    }
  if (has_note)
    write_textual_body (writer, "commenting", note);
  gloss_json_writer_end_array (writer);

  gloss_json_writer_member (writer, "target");
  gloss_json_writer_begin_object (writer);
  gloss_json_writer_string_member (writer, "source", source_iri);
  gloss_json_writer_string_member (writer, "dc:title", gloss_document_get_title (document));
  gloss_json_writer_member (writer, "selector");
  gloss_json_writer_begin_array (writer);

  gloss_json_writer_begin_object (writer);
  gloss_json_writer_string_member (writer, "type", "TextQuoteSelector");
  gloss_json_writer_string_member (writer, "exact", gloss_annotation_get_quote (annotation));
  if (prefix != NULL && *prefix != '\0')
    gloss_json_writer_string_member (writer, "prefix", prefix);
  if (suffix != NULL && *suffix != '\0')
    gloss_json_writer_string_member (writer, "suffix", suffix);
  gloss_json_writer_end_object (writer);

  /* Selectors in one list are alternatives that must agree; an orphaned
   * annotation's old offsets no longer hold its quote. */
  if (gloss_annotation_get_state (annotation) != GLOSS_ANCHOR_ORPHANED)
    {
      gloss_json_writer_begin_object (writer);
      gloss_json_writer_string_member (writer, "type", "TextPositionSelector");
      GlossOffset start = gloss_annotation_get_start (annotation);
      GlossOffset end = gloss_annotation_get_end (annotation);

      if (utf16)
        {
          start = (GlossOffset) gloss_document_offset_to_utf16 (document, start);
          end = (GlossOffset) gloss_document_offset_to_utf16 (document, end);
        }
      gloss_json_writer_int_member (writer, "start", start);
      gloss_json_writer_int_member (writer, "end", end);
      gloss_json_writer_end_object (writer);
    }

  gloss_json_writer_end_array (writer);
  gloss_json_writer_end_object (writer);
  gloss_json_writer_end_object (writer);
}

static void
write_relation (GlossJsonWriter *writer,
                GlossRelation   *relation)
{
  g_autofree char *iri = id_to_iri ("relation", gloss_relation_get_id (relation));
  g_autofree char *from = id_to_iri ("annotation", gloss_relation_get_from (relation));
  g_autofree char *to = id_to_iri ("annotation", gloss_relation_get_to (relation));
  const char *note = gloss_relation_get_note (relation);

  gloss_json_writer_begin_object (writer);
  gloss_json_writer_string_member (writer, "id", iri);
  gloss_json_writer_string_member (writer, "type", "Annotation");
  gloss_json_writer_string_member (writer, "motivation", "linking");

  gloss_json_writer_member (writer, "body");
  gloss_json_writer_begin_array (writer);
  gloss_json_writer_begin_object (writer);
  gloss_json_writer_string_member (writer, "type", "SpecificResource");
  gloss_json_writer_string_member (writer, "source", to);
  gloss_json_writer_string_member (writer, "purpose", "linking");
  gloss_json_writer_end_object (writer);
  write_textual_body (writer, "classifying", gloss_relation_get_type_name (relation));
  if (note != NULL && *note != '\0')
    write_textual_body (writer, "commenting", note);
  gloss_json_writer_end_array (writer);

  gloss_json_writer_string_member (writer, "target", from);
  gloss_json_writer_end_object (writer);
}

/* Shown to whoever opens the file: positions are not self-describing, and
 * a tool counting the other way puts every highlight after the first emoji
 * in the wrong place. Not translated: the file is read by tools and people
 * anywhere. */
#define POSITIONS_CODE_POINTS \
  "TextPositionSelector start and end count Unicode code points, as the W3C " \
  "Web Annotation model asks. JavaScript tools (Recogito, Annotorious, " \
  "Hypothesis) count UTF-16 code units: export for them with " \
  "gloss --export=w3c --w3c-offsets=utf16."
#define POSITIONS_UTF16 \
  "TextPositionSelector start and end count UTF-16 code units, as JavaScript " \
  "tools (Recogito, Annotorious, Hypothesis) do, not Unicode code points as " \
  "the W3C Web Annotation model asks: an emoji or other character outside " \
  "the Basic Multilingual Plane counts 2."

GBytes *
_gloss_export_w3c (GlossProject  *project,
                   GlossDocument *document,
                   gboolean       utf16)
{
  g_autoptr(GPtrArray) documents = _gloss_export_collect_documents (project, document);
  g_autoptr(GPtrArray) relations = _gloss_export_collect_relations (project, documents);
  g_autoptr(GHashTable) tag_table = _gloss_export_tag_table (project);
  g_autofree char *collection_iri = derived_uuid_iri (documents, "collection");
  g_autofree char *page_iri = derived_uuid_iri (documents, "page");
  g_autoptr(GlossJsonWriter) writer = NULL;
  guint n_annotations = 0;

  for (guint i = 0; i < documents->len; i++)
    n_annotations += gloss_document_get_n_annotations (g_ptr_array_index (documents, i));

  writer = gloss_json_writer_new (4096 + (gsize) n_annotations * 1024);
  gloss_json_writer_begin_object (writer);
  gloss_json_writer_string_member (writer, "@context", ANNO_CONTEXT);
  gloss_json_writer_string_member (writer, "id", collection_iri);
  gloss_json_writer_string_member (writer, "type", "AnnotationCollection");
  gloss_json_writer_string_member (writer, "label", gloss_project_get_title (project));
  gloss_json_writer_string_member (writer, "rdfs:comment",
                                   utf16 ? POSITIONS_UTF16 : POSITIONS_CODE_POINTS);
  gloss_json_writer_int_member (writer, "total", (gint64) n_annotations + relations->len);

  gloss_json_writer_member (writer, "first");
  gloss_json_writer_begin_object (writer);
  gloss_json_writer_string_member (writer, "id", page_iri);
  gloss_json_writer_string_member (writer, "type", "AnnotationPage");
  gloss_json_writer_string_member (writer, "partOf", collection_iri);
  gloss_json_writer_int_member (writer, "startIndex", 0);
  gloss_json_writer_member (writer, "items");
  gloss_json_writer_begin_array (writer);

  for (guint i = 0; i < documents->len; i++)
    {
      GlossDocument *item = g_ptr_array_index (documents, i);
      g_autoptr(GPtrArray) annotations = _gloss_export_collect_annotations (item);
      g_autofree char *source_iri = _gloss_export_document_iri (item);

      for (guint j = 0; j < annotations->len; j++)
        write_annotation (writer, item, source_iri, g_ptr_array_index (annotations, j),
                          tag_table, utf16);
    }
  for (guint i = 0; i < relations->len; i++)
    write_relation (writer, g_ptr_array_index (relations, i));

  gloss_json_writer_end_array (writer);
  gloss_json_writer_end_object (writer);
  gloss_json_writer_string_member (writer, "last", page_iri);
  gloss_json_writer_end_object (writer);

  return gloss_json_writer_finish (g_steal_pointer (&writer));
}
