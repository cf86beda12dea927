/* gloss-export.c — choosing an export format and writing it out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-disk-state.h"
#include "gloss-export-private.h"
#include "gloss-file-writer.h"

static const struct {
  GlossExportFormat format;
  const char *name;
  const char *extension;
} formats[] = {
  { GLOSS_EXPORT_JSON, "json", "json" },
  { GLOSS_EXPORT_W3C,  "w3c",  "jsonld" },
  { GLOSS_EXPORT_BRAT, "brat", NULL },
  { GLOSS_EXPORT_CSV,  "csv",  "csv" },
  { GLOSS_EXPORT_W3C_UTF16, "w3c-utf16", "jsonld" },
};

gboolean
gloss_export_format_from_string (const char        *name,
                                 GlossExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_ascii_strcasecmp (name, formats[i].name) == 0)
        {
          *format = formats[i].format;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
gloss_export_format_to_string (GlossExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].name;

  g_return_val_if_reached (NULL);
}

const char *
gloss_export_format_extension (GlossExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].extension;

  g_return_val_if_reached (NULL);
}

char *
gloss_export_proposed_name (const char        *project_name,
                            const char        *fallback,
                            GlossExportFormat  format)
{
  const char *extension = gloss_export_format_extension (format);
  g_autofree char *stem = NULL;

  g_return_val_if_fail (fallback != NULL, NULL);

  if (project_name != NULL && *project_name != '\0')
    {
      stem = g_strdup (project_name);
      if (g_str_has_suffix (stem, ".gloss") && strlen (stem) > strlen (".gloss"))
        stem[strlen (stem) - strlen (".gloss")] = '\0';
    }
  else
    stem = g_strdup (fallback);

  if (extension == NULL)
    return g_strdup_printf ("%s-%s", stem, gloss_export_format_to_string (format));
  return g_strdup_printf ("%s.%s", stem, extension);
}

GPtrArray *
_gloss_export_collect_documents (GlossProject  *project,
                                 GlossDocument *document)
{
  GListModel *documents = gloss_project_get_documents (project);
  guint n = g_list_model_get_n_items (documents);
  GPtrArray *result = g_ptr_array_sized_new (document != NULL ? 1 : n);

  if (document != NULL)
    {
      g_ptr_array_add (result, document);
      return result;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossDocument) item = g_list_model_get_item (documents, i);

      /* The project's list keeps it alive. */
      g_ptr_array_add (result, item);
    }

  return result;
}

static gboolean
collect_annotation_cb (GlossAnnotation *annotation,
                       gpointer         user_data)
{
  g_ptr_array_add (user_data, annotation);
  return TRUE;
}

GPtrArray *
_gloss_export_collect_annotations (GlossDocument *document)
{
  GPtrArray *result = g_ptr_array_sized_new (gloss_document_get_n_annotations (document));

  /* Every annotation has start < end, so all of them meet [0, ∞). */
  gloss_document_foreach_in_range (document, 0, G_MAXUINT, collect_annotation_cb, result);

  return result;
}

GPtrArray *
_gloss_export_collect_relations (GlossProject *project,
                                 GPtrArray    *documents)
{
  GListModel *relations = gloss_project_get_relations (project);
  guint n = g_list_model_get_n_items (relations);
  g_autoptr(GHashTable) in_scope = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *result = g_ptr_array_new ();

  /* One pass over the annotations instead of a lookup through every
   * document per relation end. */
  for (guint i = 0; i < documents->len; i++)
    {
      g_autoptr(GPtrArray) annotations =
        _gloss_export_collect_annotations (g_ptr_array_index (documents, i));

      for (guint j = 0; j < annotations->len; j++)
        g_hash_table_add (in_scope,
                          (gpointer) gloss_annotation_get_id (g_ptr_array_index (annotations, j)));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (relations, i);

      if (g_hash_table_contains (in_scope, gloss_relation_get_from (relation)) &&
          g_hash_table_contains (in_scope, gloss_relation_get_to (relation)))
        g_ptr_array_add (result, relation);  /* the project keeps it alive */
    }

  return result;
}

GHashTable *
_gloss_export_tag_table (GlossProject *project)
{
  GListModel *tags = gloss_project_get_tags (project);
  guint n = g_list_model_get_n_items (tags);
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossTag) tag = g_list_model_get_item (tags, i);

      g_hash_table_insert (table, (gpointer) gloss_tag_get_id (tag), tag);
    }

  return table;
}

GBytes *
gloss_export_bytes (GlossProject       *project,
                    GlossDocument      *document,
                    GlossExportFormat   format,
                    GError            **error)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (document == NULL || GLOSS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (document == NULL || gloss_document_get_project (document) == project, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (format)
    {
    case GLOSS_EXPORT_JSON:
      return _gloss_export_json (project, document);
    case GLOSS_EXPORT_W3C:
      return _gloss_export_w3c (project, document, FALSE);
    case GLOSS_EXPORT_W3C_UTF16:
      return _gloss_export_w3c (project, document, TRUE);
    case GLOSS_EXPORT_CSV:
      return _gloss_export_csv (project, document);
    case GLOSS_EXPORT_BRAT:
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                           _("The brat export is a folder of files, not a single file"));
      return NULL;
    default:
      break;
    }

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
               _("Unknown export format %d"), (int) format);
  return NULL;
}

static gboolean
ensure_folder (GFile   *folder,
               GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (folder);

  if (g_file_make_directory_with_parents (folder, NULL, &local_error))
    return TRUE;

  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_EXISTS,
                   _("“%s” exists and is not a folder: the brat export writes a folder"),
                   name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
export_brat_folder (GlossProject          *project,
                    GlossDocument         *document,
                    GFile                 *folder,
                    GlossBratExportReport *report,
                    GError               **error)
{
  g_autoptr(GPtrArray) documents = _gloss_export_collect_documents (project, document);

  if (!ensure_folder (folder, error))
    return FALSE;

  for (guint i = 0; i < documents->len; i++)
    {
      GlossDocument *item = g_ptr_array_index (documents, i);
      g_autofree char *base = gloss_export_brat_base_name (project, item);
      g_autofree char *txt_name = g_strconcat (base, ".txt", NULL);
      g_autofree char *ann_name = g_strconcat (base, ".ann", NULL);
      g_autoptr(GFile) txt_file = g_file_get_child (folder, txt_name);
      g_autoptr(GFile) ann_file = g_file_get_child (folder, ann_name);
      char *txt_text = gloss_export_brat_txt (item);
      g_autoptr(GBytes) txt = g_bytes_new_take (txt_text, strlen (txt_text));
      char *ann_text = gloss_export_brat_ann_with_report (project, item, report);
      g_autoptr(GBytes) ann = g_bytes_new_take (ann_text, strlen (ann_text));
      g_autofree char *provenance_name = g_strconcat (base, ".provenance.json", NULL);
      g_autoptr(GFile) provenance_file = g_file_get_child (folder, provenance_name);
      g_autoptr(GBytes) provenance = _gloss_export_json_provenance (item);

      /* The .txt first: brat needs it to show the .ann. */
      if (!gloss_file_write (txt_file, txt, GLOSS_WRITE_DEFAULT, NULL, error) ||
          !gloss_file_write (ann_file, ann, GLOSS_WRITE_DEFAULT, NULL, error) ||
          !gloss_file_write (provenance_file, provenance, GLOSS_WRITE_DEFAULT, NULL, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
gloss_export_to_file_with_report (GlossProject          *project,
                                  GlossDocument         *document,
                                  GlossExportFormat      format,
                                  GFile                 *destination,
                                  GlossBratExportReport *report,
                                  GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;
  GlossDiskState *state;

  g_return_val_if_fail (GLOSS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (document == NULL || GLOSS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* An export never replaces the project it comes from. */
  state = gloss_project_get_disk_state (project);
  if (state != NULL && gloss_disk_state_is_file (state, destination))
    {
      g_autofree char *name = g_file_get_parse_name (destination);

      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_EXISTS,
                   _("Could not export to “%s”: it is the project itself, and the export "
                     "would replace it. Choose another file"), name);
      return FALSE;
    }

  if (format == GLOSS_EXPORT_BRAT)
    return export_brat_folder (project, document, destination, report, error);

  bytes = gloss_export_bytes (project, document, format, error);
  if (bytes == NULL)
    return FALSE;

  /* A FIFO or a device (a pipe to another tool, /dev/stdout) is written
   * where it is. */
  return gloss_file_write (destination, bytes, GLOSS_WRITE_STREAM_SPECIAL, NULL, error);
}

gboolean
gloss_export_to_file (GlossProject       *project,
                      GlossDocument      *document,
                      GlossExportFormat   format,
                      GFile              *destination,
                      GError            **error)
{
  return gloss_export_to_file_with_report (project, document, format,
                                           destination, NULL, error);
}
