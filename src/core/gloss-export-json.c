/* gloss-export-json.c — Gloss annotation JSON for the rest of the pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout is documented in docs/export.md. Every annotation carries its
 * offsets in three units — code points (start/end), UTF-16 code units and
 * UTF-8 bytes — so a consumer in any language can slice the text without
 * converting. Conversions go through the document's checkpoint table, so
 * the whole export is linear in the size of the project.
 */
#include "config.h"

#include "gloss-export-private.h"
#include "gloss-project-private.h"

#define GLOSS_EXPORT_JSON_FORMAT  "gloss-annotations"
#define GLOSS_EXPORT_JSON_VERSION 1

static void
write_tags (GlossJsonWriter *writer,
            GlossProject    *project)
{
  GListModel *tags = gloss_project_get_tags (project);
  guint n = g_list_model_get_n_items (tags);

  gloss_json_writer_member (writer, "tags");
  gloss_json_writer_begin_array (writer);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossTag) tag = g_list_model_get_item (tags, i);

      gloss_json_writer_begin_object (writer);
      gloss_json_writer_string_member (writer, "id", gloss_tag_get_id (tag));
      gloss_json_writer_string_member (writer, "name", gloss_tag_get_name (tag));
      gloss_json_writer_string_member (writer, "color", gloss_tag_get_color (tag));
      gloss_json_writer_end_object (writer);
    }
  gloss_json_writer_end_array (writer);
}

static void
write_documents (GlossJsonWriter *writer,
                 GPtrArray       *documents)
{
  gloss_json_writer_member (writer, "documents");
  gloss_json_writer_begin_array (writer);
  for (guint i = 0; i < documents->len; i++)
    {
      GlossDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *source = gloss_source_name_for_sharing (gloss_document_get_source (document));

      gloss_json_writer_begin_object (writer);
      gloss_json_writer_string_member (writer, "id", gloss_document_get_id (document));
      gloss_json_writer_string_member (writer, "title", gloss_document_get_title (document));
      gloss_json_writer_string_member (writer, "source", source);
      gloss_json_writer_string_member (writer, "sha256", gloss_document_get_sha256 (document));
      /* Exactly as in the project file: a pipeline reads one shape. */
      gloss_json_writer_member (writer, "provenance");
      _gloss_project_write_provenance (writer, gloss_document_get_provenance (document));
      gloss_json_writer_string_member (writer, "text", gloss_document_get_text (document));
      gloss_json_writer_end_object (writer);
    }
  gloss_json_writer_end_array (writer);
}

static void
write_annotation (GlossJsonWriter *writer,
                  GlossDocument   *document,
                  GlossAnnotation *annotation,
                  GHashTable      *tag_table)
{
  GlossOffset start = gloss_annotation_get_start (annotation);
  GlossOffset end = gloss_annotation_get_end (annotation);
  const char * const *tag_ids = gloss_annotation_get_tags (annotation);

  gloss_json_writer_begin_object (writer);
  gloss_json_writer_string_member (writer, "id", gloss_annotation_get_id (annotation));
  gloss_json_writer_string_member (writer, "document", gloss_document_get_id (document));
  gloss_json_writer_int_member (writer, "start", start);
  gloss_json_writer_int_member (writer, "end", end);
  gloss_json_writer_int_member (writer, "utf16_start",
                                (gint64) gloss_document_offset_to_utf16 (document, start));
  gloss_json_writer_int_member (writer, "utf16_end",
                                (gint64) gloss_document_offset_to_utf16 (document, end));
  gloss_json_writer_int_member (writer, "byte_start",
                                (gint64) gloss_document_offset_to_byte (document, start));
  gloss_json_writer_int_member (writer, "byte_end",
                                (gint64) gloss_document_offset_to_byte (document, end));
  gloss_json_writer_string_member (writer, "quote", gloss_annotation_get_quote (annotation));
  gloss_json_writer_string_member (writer, "prefix", gloss_annotation_get_prefix (annotation));
  gloss_json_writer_string_member (writer, "suffix", gloss_annotation_get_suffix (annotation));

  /* Names, not ids: that is what a pipeline filters on. A tag id the
   * project does not know (it never should) is written as it is rather
   * than dropped. */
  gloss_json_writer_member (writer, "tags");
  gloss_json_writer_begin_array (writer);
  for (guint i = 0; tag_ids[i] != NULL; i++)
    {
      GlossTag *tag = g_hash_table_lookup (tag_table, tag_ids[i]);

      gloss_json_writer_string (writer, tag != NULL ? gloss_tag_get_name (tag) : tag_ids[i]);
    }
  gloss_json_writer_end_array (writer);

  _gloss_project_write_annotation_details (writer, annotation);
  gloss_json_writer_end_object (writer);
}

static void
write_relations (GlossJsonWriter *writer,
                 GPtrArray       *relations)
{
  gloss_json_writer_member (writer, "relations");
  gloss_json_writer_begin_array (writer);
  for (guint i = 0; i < relations->len; i++)
    _gloss_project_write_relation (writer, g_ptr_array_index (relations, i));
  gloss_json_writer_end_array (writer);
}

GBytes *
_gloss_export_json (GlossProject  *project,
                    GlossDocument *document)
{
  g_autoptr(GPtrArray) documents = _gloss_export_collect_documents (project, document);
  g_autoptr(GPtrArray) relations = _gloss_export_collect_relations (project, documents);
  g_autoptr(GHashTable) tag_table = _gloss_export_tag_table (project);
  g_autoptr(GlossJsonWriter) writer = NULL;
  gsize size_hint = 4096;
  guint n_annotations = 0;

  for (guint i = 0; i < documents->len; i++)
    {
      GlossDocument *item = g_ptr_array_index (documents, i);

      n_annotations += gloss_document_get_n_annotations (item);
      size_hint += gloss_document_get_text_size (item);
    }
  /* About half a kilobyte an annotation: one growth of the buffer at most. */
  size_hint += (gsize) n_annotations * 512;

  writer = gloss_json_writer_new (size_hint);
  gloss_json_writer_begin_object (writer);
  gloss_json_writer_string_member (writer, "format", GLOSS_EXPORT_JSON_FORMAT);
  gloss_json_writer_int_member (writer, "version", GLOSS_EXPORT_JSON_VERSION);

  gloss_json_writer_member (writer, "project");
  gloss_json_writer_begin_object (writer);
  gloss_json_writer_string_member (writer, "title", gloss_project_get_title (project));
  gloss_json_writer_end_object (writer);

  write_tags (writer, project);
  write_documents (writer, documents);

  gloss_json_writer_member (writer, "annotations");
  gloss_json_writer_begin_array (writer);
  for (guint i = 0; i < documents->len; i++)
    {
      GlossDocument *item = g_ptr_array_index (documents, i);
      g_autoptr(GPtrArray) annotations = _gloss_export_collect_annotations (item);

      for (guint j = 0; j < annotations->len; j++)
        write_annotation (writer, item, g_ptr_array_index (annotations, j), tag_table);
    }
  gloss_json_writer_end_array (writer);

  write_relations (writer, relations);
  gloss_json_writer_end_object (writer);

  return gloss_json_writer_finish (g_steal_pointer (&writer));
}

GBytes *
_gloss_export_json_provenance (GlossDocument *document)
{
  g_autoptr(GlossJsonWriter) writer = gloss_json_writer_new (1024);

  gloss_json_writer_begin_object (writer);
  gloss_json_writer_string_member (writer, "title", gloss_document_get_title (document));
  gloss_json_writer_string_member (writer, "sha256", gloss_document_get_sha256 (document));
  gloss_json_writer_member (writer, "provenance");
  _gloss_project_write_provenance (writer, gloss_document_get_provenance (document));
  gloss_json_writer_end_object (writer);

  return gloss_json_writer_finish (g_steal_pointer (&writer));
}
