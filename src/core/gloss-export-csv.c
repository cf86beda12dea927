/* gloss-export-csv.c — one row per annotation, for spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180: CRLF after every row (the last one too), fields holding a
 * comma, a double quote, CR or LF are quoted, quotes doubled. The file
 * starts with a UTF-8 byte order mark because Excel reads CSV as the
 * locale's legacy code page without one; LibreOffice, Numbers, Python's
 * "utf-8-sig" and pandas all skip it.
 *
 * Formula injection: a spreadsheet runs a cell starting with = + - @ (or a
 * tab or CR, which some of them skip first) as a formula, and an article's
 * text is not to be trusted. Such a cell gets a ' in front, which
 * spreadsheets show as text. So that this stays reversible, a cell that
 * already starts with ' gets one too: a reader wanting the exact text
 * drops one leading ' from every cell that starts with one
 * (docs/export.md).
 */
#include "config.h"

#include <string.h>

#include "gloss-export-private.h"

static const char * const columns[] = {
  "document", "document_id", "url", "site", "published", "id", "start", "end", "quote", "tags", "note",
  "attributes", "author", "created", "modified", "state",
};

static gboolean
needs_guard (const char *value)
{
  switch (value[0])
    {
    case '=': case '+': case '-': case '@': case '\t': case '\r': case '\'':
      return TRUE;
    default:
      return FALSE;
    }
}

static void
append_field (GString    *out,
              const char *value,
              gboolean    first)
{
  gboolean guard;

  if (!first)
    g_string_append_c (out, ',');

  if (value == NULL)
    value = "";

  guard = needs_guard (value);

  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      if (guard)
        g_string_append_c (out, '\'');
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_uint_field (GString *out,
                   guint    value)
{
  g_string_append_printf (out, ",%u", value);
}

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (time == NULL)
    return NULL;

  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static void
append_row (GString         *out,
            GString         *scratch,
            GlossDocument   *document,
            GlossAnnotation *annotation,
            GHashTable      *tag_table)
{
  const char * const *tag_ids = gloss_annotation_get_tags (annotation);
  g_auto(GStrv) keys = gloss_annotation_dup_attribute_keys (annotation);
  g_autofree char *created = format_time (gloss_annotation_get_created (annotation));
  g_autofree char *modified = format_time (gloss_annotation_get_modified (annotation));
  GlossProvenance *provenance = gloss_document_get_provenance (document);

  append_field (out, gloss_document_get_title (document), TRUE);
  append_field (out, gloss_document_get_id (document), FALSE);
  /* What a citation needs beside each row, as the page gave it. */
  append_field (out, gloss_provenance_get_url (provenance), FALSE);
  append_field (out, gloss_provenance_get_site_name (provenance), FALSE);
  append_field (out, gloss_provenance_get_published (provenance), FALSE);
  append_field (out, gloss_annotation_get_id (annotation), FALSE);
  append_uint_field (out, gloss_annotation_get_start (annotation));
  append_uint_field (out, gloss_annotation_get_end (annotation));
  append_field (out, gloss_annotation_get_quote (annotation), FALSE);

  g_string_truncate (scratch, 0);
  for (guint i = 0; tag_ids[i] != NULL; i++)
    {
      GlossTag *tag = g_hash_table_lookup (tag_table, tag_ids[i]);

      if (i > 0)
        g_string_append (scratch, "; ");
      g_string_append (scratch, tag != NULL ? gloss_tag_get_name (tag) : tag_ids[i]);
    }
  append_field (out, scratch->str, FALSE);

  append_field (out, gloss_annotation_get_note (annotation), FALSE);

  g_string_truncate (scratch, 0);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (scratch, "; ");
      g_string_append_printf (scratch, "%s=%s", keys[i],
                              gloss_annotation_get_attribute (annotation, keys[i]));
    }
  append_field (out, scratch->str, FALSE);

  append_field (out, gloss_annotation_get_author (annotation), FALSE);
  append_field (out, created, FALSE);
  append_field (out, modified, FALSE);
  append_field (out, gloss_anchor_state_to_string (gloss_annotation_get_state (annotation)), FALSE);
  g_string_append (out, "\r\n");
}

GBytes *
_gloss_export_csv (GlossProject  *project,
                   GlossDocument *document)
{
  g_autoptr(GPtrArray) documents = _gloss_export_collect_documents (project, document);
  g_autoptr(GHashTable) tag_table = _gloss_export_tag_table (project);
  g_autoptr(GString) scratch = g_string_new (NULL);
  GString *out;
  guint n_annotations = 0;

  for (guint i = 0; i < documents->len; i++)
    n_annotations += gloss_document_get_n_annotations (g_ptr_array_index (documents, i));

  out = g_string_sized_new (1024 + (gsize) n_annotations * 256);
  g_string_append (out, "\xEF\xBB\xBF");
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    append_field (out, columns[i], i == 0);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < documents->len; i++)
    {
      GlossDocument *item = g_ptr_array_index (documents, i);
      g_autoptr(GPtrArray) annotations = _gloss_export_collect_annotations (item);

      for (guint j = 0; j < annotations->len; j++)
        append_row (out, scratch, item, g_ptr_array_index (annotations, j), tag_table);
    }

  return g_string_free_to_bytes (out);
}
