/* gloss-project-save.c — writing .gloss project files
 *
 * The member order below is the format (docs/format.md): it never depends
 * on hash tables or on the order things were made, so that load → save
 * gives the same bytes and two copies of a project diff cleanly in git.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-annotation.h"
#include "gloss-disk-state.h"
#include "gloss-file-writer.h"
#include "gloss-document.h"
#include "gloss-json-writer.h"
#include "gloss-source-name.h"
#include "gloss-project-file.h"
#include "gloss-project-private.h"
#include "gloss-project.h"
#include "gloss-relation.h"
#include "gloss-tag.h"

/* The mark of a merge conflict (gloss-conflict.h), written only when
 * there is one: files without conflicts stay as they were. */
static void
write_conflict (GlossJsonWriter     *writer,
                const GlossConflict *conflict)
{
  if (conflict == NULL)
    return;

  gloss_json_writer_member (writer, "conflict");
  gloss_json_writer_begin_object (writer);
  gloss_json_writer_string_member (writer, "side", gloss_conflict_side_to_string (conflict->side));
  gloss_json_writer_string_member (writer, "with", conflict->with);
  gloss_json_writer_end_object (writer);
}

static void
write_tag (GlossJsonWriter *writer,
           GlossTag        *tag)
{
  int digit = gloss_tag_get_digit (tag);

  gloss_json_writer_begin_object (writer);
  gloss_json_writer_string_member (writer, "id", gloss_tag_get_id (tag));
  gloss_json_writer_string_member (writer, "name", gloss_tag_get_name (tag));
  gloss_json_writer_string_member (writer, "color", gloss_tag_get_color (tag));
  gloss_json_writer_member (writer, "digit");
  if (digit >= 0)
    gloss_json_writer_int (writer, digit);
  else
    gloss_json_writer_null (writer);
  gloss_json_writer_string_member (writer, "description", gloss_tag_get_description (tag));
  write_conflict (writer, gloss_tag_get_conflict (tag));
  gloss_json_writer_end_object (writer);
}

static void
write_annotation (GlossJsonWriter *writer,
                  GlossAnnotation *annotation)
{
  const char * const *tags = gloss_annotation_get_tags (annotation);

  gloss_json_writer_begin_object (writer);
  gloss_json_writer_string_member (writer, "id", gloss_annotation_get_id (annotation));
  gloss_json_writer_int_member (writer, "start", gloss_annotation_get_start (annotation));
  gloss_json_writer_int_member (writer, "end", gloss_annotation_get_end (annotation));
  gloss_json_writer_string_member (writer, "quote", gloss_annotation_get_quote (annotation));
  gloss_json_writer_string_member (writer, "prefix", gloss_annotation_get_prefix (annotation));
  gloss_json_writer_string_member (writer, "suffix", gloss_annotation_get_suffix (annotation));

  gloss_json_writer_member (writer, "tags");
  gloss_json_writer_begin_array (writer);
  for (guint i = 0; tags[i] != NULL; i++)
    gloss_json_writer_string (writer, tags[i]);
  gloss_json_writer_end_array (writer);

  _gloss_project_write_annotation_details (writer, annotation);
  write_conflict (writer, gloss_annotation_get_conflict (annotation));
  gloss_json_writer_end_object (writer);
}

void
_gloss_project_write_annotation_details (GlossJsonWriter *writer,
                                         GlossAnnotation *annotation)
{
  g_auto(GStrv) keys = NULL;

  gloss_json_writer_string_member (writer, "note", gloss_annotation_get_note (annotation));

  /* Keys come sorted (strcmp), whatever order the hash table holds them in. */
  gloss_json_writer_member (writer, "attributes");
  gloss_json_writer_begin_object (writer);
  /* Most have none: no list to make then. */
  if (gloss_annotation_get_n_attributes (annotation) > 0)
    keys = gloss_annotation_dup_attribute_keys (annotation);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    gloss_json_writer_string_member (writer, keys[i],
                                     gloss_annotation_get_attribute (annotation, keys[i]));
  gloss_json_writer_end_object (writer);

  gloss_json_writer_string_member (writer, "author", gloss_annotation_get_author (annotation));
  gloss_json_writer_datetime_member (writer, "created", gloss_annotation_get_created (annotation));
  gloss_json_writer_datetime_member (writer, "modified", gloss_annotation_get_modified (annotation));
  gloss_json_writer_string_member (writer, "state",
                                   gloss_anchor_state_to_string (gloss_annotation_get_state (annotation)));
}

void
_gloss_project_write_provenance (GlossJsonWriter *writer,
                                 GlossProvenance *provenance)
{
  const char * const *authors = gloss_provenance_get_authors (provenance);
  /* The format's order (docs/format.md): the page, then the file. */
  const struct { const char *name; const char *value; } before_authors[] = {
    { "url", gloss_provenance_get_url (provenance) },
    { "site_name", gloss_provenance_get_site_name (provenance) },
  }, after_authors[] = {
    { "published", gloss_provenance_get_published (provenance) },
    { "modified", gloss_provenance_get_modified (provenance) },
    { "language", gloss_provenance_get_language (provenance) },
    { "description", gloss_provenance_get_description (provenance) },
    { "captured", gloss_provenance_get_captured (provenance) },
    { "file", gloss_provenance_get_file (provenance) },
    { "file_sha256", gloss_provenance_get_file_sha256 (provenance) },
    { "extractor", gloss_provenance_get_extractor (provenance) },
    { "extractor_version", gloss_provenance_get_extractor_version (provenance) },
  };

  /* Only what is known: most documents know little, and "" says nothing. */
  gloss_json_writer_begin_object (writer);
  for (guint i = 0; i < G_N_ELEMENTS (before_authors); i++)
    if (before_authors[i].value[0] != '\0')
      gloss_json_writer_string_member (writer, before_authors[i].name, before_authors[i].value);
  if (authors[0] != NULL)
    {
      gloss_json_writer_member (writer, "authors");
      gloss_json_writer_begin_array (writer);
      for (guint i = 0; authors[i] != NULL; i++)
        gloss_json_writer_string (writer, authors[i]);
      gloss_json_writer_end_array (writer);
    }
  for (guint i = 0; i < G_N_ELEMENTS (after_authors); i++)
    if (after_authors[i].value[0] != '\0')
      gloss_json_writer_string_member (writer, after_authors[i].name, after_authors[i].value);
  gloss_json_writer_end_object (writer);
}

static gboolean
collect_cb (GlossAnnotation *annotation,
            gpointer         user_data)
{
  g_ptr_array_add (user_data, annotation);
  return TRUE;
}

static void
write_document (GlossJsonWriter *writer,
                GlossDocument   *document)
{
  guint n = gloss_document_get_n_annotations (document);
  g_autoptr(GPtrArray) in_order = g_ptr_array_sized_new (n);
  g_autofree char *source = gloss_source_name_for_sharing (gloss_document_get_source (document));

  gloss_json_writer_begin_object (writer);
  gloss_json_writer_string_member (writer, "id", gloss_document_get_id (document));
  gloss_json_writer_string_member (writer, "title", gloss_document_get_title (document));
  gloss_json_writer_string_member (writer, "source", source);
  gloss_json_writer_datetime_member (writer, "imported", gloss_document_get_imported (document));
  gloss_json_writer_member (writer, "provenance");
  _gloss_project_write_provenance (writer, gloss_document_get_provenance (document));
  gloss_json_writer_string_member (writer, "sha256", gloss_document_get_sha256 (document));
  gloss_json_writer_string_member (writer, "text", gloss_document_get_text (document));

  /* The document keeps them in text order: (start, end, id). One walk
   * through its tree gets them in that order far faster than a lookup by
   * rank for each; it sees only annotations that cover some text, so if
   * there is an empty one (an orphan in an empty text) the lookups it is. */
  gloss_document_foreach_in_range (document, 0, G_MAXUINT, collect_cb, in_order);
  gloss_json_writer_member (writer, "annotations");
  gloss_json_writer_begin_array (writer);
  for (guint i = 0; i < n; i++)
    write_annotation (writer, in_order->len == n ? g_ptr_array_index (in_order, i)
                                                 : gloss_document_get_annotation (document, i));
  gloss_json_writer_end_array (writer);

  write_conflict (writer, gloss_document_get_conflict (document));
  gloss_json_writer_end_object (writer);
}

void
_gloss_project_write_relation (GlossJsonWriter *writer,
                               GlossRelation   *relation)
{
  gloss_json_writer_begin_object (writer);
  gloss_json_writer_string_member (writer, "id", gloss_relation_get_id (relation));
  gloss_json_writer_string_member (writer, "type", gloss_relation_get_type_name (relation));
  gloss_json_writer_string_member (writer, "from", gloss_relation_get_from (relation));
  gloss_json_writer_string_member (writer, "to", gloss_relation_get_to (relation));
  gloss_json_writer_string_member (writer, "note", gloss_relation_get_note (relation));
  /* Optional: files from before relations had authors stay as they were. */
  if (*gloss_relation_get_author (relation) != '\0')
    gloss_json_writer_string_member (writer, "author", gloss_relation_get_author (relation));
  write_conflict (writer, gloss_relation_get_conflict (relation));
  gloss_json_writer_end_object (writer);
}

/* A guess at the size, so the buffer seldom has to grow: the texts plus
 * about 700 bytes an annotation (its members' names and layout take some
 * 330, a quote with its context most of the rest). Guessing high costs
 * little: pages never written are never touched. */
static gsize
estimate_size (GlossProject *self)
{
  GListModel *documents = gloss_project_get_documents (self);
  guint n = g_list_model_get_n_items (documents);
  gsize size = 4096;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);

      size += gloss_document_get_text_size (document) + 64;
      size += (gsize) gloss_document_get_n_annotations (document) * 700;
    }

  return size;
}

typedef void (*WriteFunc) (GlossJsonWriter *writer,
                           gpointer         item);

/* The member @name: an array of each item of @list, written by @write. */
static void
write_list (GlossJsonWriter *writer,
            const char      *name,
            GListModel      *list,
            WriteFunc        write)
{
  guint n = g_list_model_get_n_items (list);

  gloss_json_writer_member (writer, name);
  gloss_json_writer_begin_array (writer);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      write (writer, item);
    }
  gloss_json_writer_end_array (writer);
}

GBytes *
gloss_project_serialize (GlossProject *self)
{
  g_autoptr(GlossJsonWriter) writer = NULL;
  GListModel *tags;
  GListModel *documents;
  GListModel *relations;
  const char * const *relation_types;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  tags = gloss_project_get_tags (self);
  documents = gloss_project_get_documents (self);
  relations = gloss_project_get_relations (self);
  relation_types = gloss_project_get_relation_types (self);

  writer = gloss_json_writer_new (estimate_size (self));
  gloss_json_writer_begin_object (writer);
  gloss_json_writer_string_member (writer, "format", GLOSS_FORMAT_NAME);
  gloss_json_writer_int_member (writer, "version", GLOSS_FORMAT_VERSION);
  gloss_json_writer_string_member (writer, "title", gloss_project_get_title (self));
  gloss_json_writer_datetime_member (writer, "created", gloss_project_get_created (self));
  gloss_json_writer_datetime_member (writer, "modified", gloss_project_get_modified (self));

  write_list (writer, "tags", tags, (WriteFunc) write_tag);

  gloss_json_writer_member (writer, "relation_types");
  gloss_json_writer_begin_array (writer);
  for (guint i = 0; relation_types[i] != NULL; i++)
    gloss_json_writer_string (writer, relation_types[i]);
  gloss_json_writer_end_array (writer);

  write_list (writer, "documents", documents, (WriteFunc) write_document);

  write_list (writer, "relations", relations, (WriteFunc) _gloss_project_write_relation);

  gloss_json_writer_end_object (writer);

  return gloss_json_writer_finish (g_steal_pointer (&writer));
}

gboolean
gloss_write_file_atomically (GFile   *file,
                             GBytes  *bytes,
                             GError **error)
{
  return gloss_file_write (file, bytes, GLOSS_WRITE_PROJECT, NULL, error);
}

gboolean
gloss_project_save_full (GlossProject    *self,
                         GFile           *file,
                         GlossSaveFlags   flags,
                         GError         **error)
{
  GlossDiskState *state;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Changed on disk since it was loaded or saved: say so, never overwrite
   * it unasked. */
  state = gloss_project_get_disk_state (self);
  if (state != NULL && !(flags & GLOSS_SAVE_OVERWRITE_CHANGES) &&
      gloss_disk_state_is_file (state, file) && !gloss_disk_state_check (state, error))
    return FALSE;

  bytes = gloss_project_serialize (self);
  if (!gloss_file_write (file, bytes, GLOSS_WRITE_PROJECT, NULL, error))
    return FALSE;

  gloss_project_set_disk_state (self, gloss_disk_state_new (file, bytes));
  gloss_project_mark_saved (self);
  return TRUE;
}

gboolean
gloss_project_save (GlossProject  *self,
                    GFile         *file,
                    GError       **error)
{
  return gloss_project_save_full (self, file, GLOSS_SAVE_DEFAULT, error);
}
