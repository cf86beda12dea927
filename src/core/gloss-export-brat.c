/* gloss-export-brat.c — brat standoff: a .txt and a .ann per document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The .txt is the document's text, byte for byte (CRLF stays), so brat's
 * offsets — code points, end exclusive, like Gloss's — hold against it.
 * Each annotation becomes (docs/export.md has the full story):
 *  - one T line per tag, its type the tag's name made brat-safe (letters,
 *    digits, "-", "_" and "." kept; any other run becomes one "-", so
 *    "Date/Number" is "Date-Number"); an annotation without tags is one T
 *    of type "Annotation". The first T carries the rest:
 *  - a span crossing line breaks becomes a discontinuous T whose fragments
 *    stop at every CR and LF, as brat itself writes them (a .ann line
 *    cannot hold a line break); the T text is the fragments joined by
 *    spaces, as brat joins them;
 *  - the note is an "AnnotatorNotes" # line, line breaks and tabs turned
 *    into spaces;
 *  - each attribute is an A line: value "true" as a binary attribute
 *    ("A1<TAB>Negated T1"), any other as "A1<TAB>key T1 value" with blanks
 *    in the value turned into "_";
 *  - a relation to an annotation of the same document is an R line
 *    ("R1<TAB>supports Arg1:T1 Arg2:T2"), its note an AnnotatorNotes on the
 *    R. brat has no relations between documents: those are left out and
 *    counted in GlossBratExportReport, once, on the "from" side.
 *  - an orphaned annotation (its quote is no longer in the text) and one
 *    whose span is nothing but line breaks have no place in brat: left out
 *    and counted, with the relations touching them.
 */
#include "config.h"

#include <string.h>

#include "gloss-export-private.h"

#define UNTAGGED_TYPE "Annotation"
#define MAX_SLUG_CHARS 60

typedef struct {
  GString       *out;
  GlossDocument *document;
  GHashTable    *tag_table;
  GHashTable    *t_ids;        /* annotation id → "T<n>" of its first T */
  guint          next_t;
  guint          next_note;
  guint          next_a;
  guint          next_r;
} BratWriter;

/* A brat type, attribute or relation name: no blanks, nothing brat's
 * configuration syntax gives a meaning to. */
static char *
brat_name (const char *name,
           const char *fallback)
{
  GString *out = g_string_new (NULL);
  gboolean pending_dash = FALSE;

  for (const char *p = name != NULL ? name : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '-' || c == '_' || c == '.')
        {
          if (pending_dash && out->len > 0)
            g_string_append_c (out, '-');
          pending_dash = FALSE;
          g_string_append_unichar (out, c);
        }
      else
        pending_dash = TRUE;
    }

  if (out->len == 0)
    g_string_append (out, fallback);

  return g_string_free (out, FALSE);
}

/* Attribute values are one blank-free token in a .ann line. */
static char *
brat_value (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        g_string_append_c (out, '_');
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Notes live on one line after a tab. */
static void
append_flattened (GString    *out,
                  const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '\r' && p[1] == '\n')
        continue;  /* the \n that follows becomes the one space */
      g_string_append_c (out, (*p == '\r' || *p == '\n' || *p == '\t') ? ' ' : *p);
    }
}

static gboolean
is_line_break (char c)
{
  return c == '\n' || c == '\r';
}

/* Appends " start end;start end…" and fills @text with the fragments'
 * text joined by spaces. FALSE when nothing but line breaks is left. */
static gboolean
append_fragments (BratWriter      *self,
                  GlossAnnotation *annotation,
                  GString         *text)
{
  const char *base = gloss_document_get_text (self->document);
  GlossOffset offset = gloss_annotation_get_start (annotation);
  GlossOffset end = gloss_annotation_get_end (annotation);
  const char *p = base + gloss_document_offset_to_byte (self->document, offset);
  gboolean in_fragment = FALSE;
  GlossOffset fragment_start = 0;
  const char *fragment_bytes = NULL;
  guint n_fragments = 0;

  g_string_truncate (text, 0);

  for (; offset <= end; offset++)
    {
      gboolean breaks = offset == end || is_line_break (*p);

      if (breaks && in_fragment)
        {
          g_string_append_printf (self->out, "%s%u %u",
                                  n_fragments > 0 ? ";" : " ",
                                  fragment_start, offset);
          if (n_fragments > 0)
            g_string_append_c (text, ' ');
          g_string_append_len (text, fragment_bytes, p - fragment_bytes);
          n_fragments++;
          in_fragment = FALSE;
        }
      else if (!breaks && !in_fragment)
        {
          in_fragment = TRUE;
          fragment_start = offset;
          fragment_bytes = p;
        }

      if (offset < end)
        p = g_utf8_next_char (p);
    }

  return n_fragments > 0;
}

static gboolean
has_exportable_text (BratWriter      *self,
                     GlossAnnotation *annotation)
{
  const char *base = gloss_document_get_text (self->document);
  const char *p = base + gloss_document_offset_to_byte (self->document,
                                                        gloss_annotation_get_start (annotation));
  const char *end = base + gloss_document_offset_to_byte (self->document,
                                                          gloss_annotation_get_end (annotation));

  for (; p < end; p++)
    if (!is_line_break (*p))
      return TRUE;

  return FALSE;
}

static void
write_t_line (BratWriter      *self,
              GlossAnnotation *annotation,
              const char      *type,
              GString         *text)
{
  g_string_append_printf (self->out, "T%u\t%s", ++self->next_t, type);
  append_fragments (self, annotation, text);
  g_string_append_c (self->out, '\t');
  g_string_append_len (self->out, text->str, text->len);
  g_string_append_c (self->out, '\n');
}

static void
write_note (BratWriter *self,
            const char *target,
            const char *note)
{
  if (note == NULL || *note == '\0')
    return;

  g_string_append_printf (self->out, "#%u\tAnnotatorNotes %s\t", ++self->next_note, target);
  append_flattened (self->out, note);
  g_string_append_c (self->out, '\n');
}

static void
write_attributes (BratWriter      *self,
                  GlossAnnotation *annotation,
                  const char      *target)
{
  g_auto(GStrv) keys = gloss_annotation_dup_attribute_keys (annotation);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *value = gloss_annotation_get_attribute (annotation, keys[i]);
      g_autofree char *name = brat_name (keys[i], "Attribute");

      g_string_append_printf (self->out, "A%u\t%s %s", ++self->next_a, name, target);
      if (value != NULL && *value != '\0' && !g_str_equal (value, "true"))
        {
          g_autofree char *token = brat_value (value);

          g_string_append_printf (self->out, " %s", token);
        }
      g_string_append_c (self->out, '\n');
    }
}

static void
write_annotation (BratWriter      *self,
                  GlossAnnotation *annotation,
                  GString         *text)
{
  const char * const *tag_ids = gloss_annotation_get_tags (annotation);
  g_autofree char *first_t = g_strdup_printf ("T%u", self->next_t + 1);

  if (tag_ids[0] == NULL)
    write_t_line (self, annotation, UNTAGGED_TYPE, text);

  for (guint i = 0; tag_ids[i] != NULL; i++)
    {
      GlossTag *tag = g_hash_table_lookup (self->tag_table, tag_ids[i]);
      g_autofree char *type = brat_name (tag != NULL ? gloss_tag_get_name (tag) : tag_ids[i],
                                         UNTAGGED_TYPE);

      write_t_line (self, annotation, type, text);
    }

  write_note (self, first_t, gloss_annotation_get_note (annotation));
  write_attributes (self, annotation, first_t);

  g_hash_table_insert (self->t_ids,
                       (gpointer) gloss_annotation_get_id (annotation),
                       g_steal_pointer (&first_t));
}

static void
write_relations (BratWriter            *self,
                 GlossProject          *project,
                 GPtrArray             *annotations,
                 GlossBratExportReport *report)
{
  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (annotations, i);
      const char *id = gloss_annotation_get_id (annotation);
      g_autoptr(GPtrArray) relations = gloss_project_relations_of (project, annotation);

      for (guint j = 0; j < relations->len; j++)
        {
          GlossRelation *relation = g_ptr_array_index (relations, j);
          const char *from_t;
          const char *to_t;
          g_autofree char *type = NULL;
          g_autofree char *r_id = NULL;

          /* Each relation once: from its "from" end. */
          if (!g_str_equal (gloss_relation_get_from (relation), id))
            continue;

          from_t = g_hash_table_lookup (self->t_ids, id);
          to_t = g_hash_table_lookup (self->t_ids, gloss_relation_get_to (relation));
          if (from_t == NULL || to_t == NULL)
            {
              if (report != NULL)
                report->skipped_relations++;
              continue;
            }

          type = brat_name (gloss_relation_get_type_name (relation), "Relation");
          r_id = g_strdup_printf ("R%u", ++self->next_r);
          g_string_append_printf (self->out, "%s\t%s Arg1:%s Arg2:%s\n", r_id, type, from_t, to_t);
          write_note (self, r_id, gloss_relation_get_note (relation));
        }
    }
}

char *
gloss_export_brat_ann_with_report (GlossProject          *project,
                                   GlossDocument         *document,
                                   GlossBratExportReport *report)
{
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GHashTable) tag_table = NULL;
  g_autoptr(GHashTable) t_ids = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  BratWriter self = { 0 };

  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  annotations = _gloss_export_collect_annotations (document);
  tag_table = _gloss_export_tag_table (project);
  t_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  self.out = g_string_sized_new (128 + annotations->len * 64);
  self.document = document;
  self.tag_table = tag_table;
  self.t_ids = t_ids;

  if (report != NULL)
    report->documents++;

  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (annotations, i);

      if (gloss_annotation_get_state (annotation) == GLOSS_ANCHOR_ORPHANED ||
          !has_exportable_text (&self, annotation))
        {
          if (report != NULL)
            report->skipped_annotations++;
          continue;
        }

      write_annotation (&self, annotation, text);
      if (report != NULL)
        report->annotations++;
    }

  write_relations (&self, project, annotations, report);

  return g_string_free (self.out, FALSE);
}

char *
gloss_export_brat_ann (GlossProject  *project,
                       GlossDocument *document)
{
  return gloss_export_brat_ann_with_report (project, document, NULL);
}

/* "NN-slug": NN the document's place in the project (1-based, at least two
 * digits, as many as the largest number needs) makes the name unique and
 * keeps the project's order in a file listing; the slug is the title in
 * lower case with every run of anything but letters and digits turned
 * into one "-", at most MAX_SLUG_CHARS code points, or "document". No
 * slash, no dot file, nothing a file system refuses. */
char *
gloss_export_brat_base_name (GlossProject  *project,
                             GlossDocument *document)
{
  GListModel *documents;
  guint n, position = G_MAXUINT, width = 2;
  g_autofree char *lower = NULL;
  g_autoptr(GString) slug = g_string_new (NULL);
  gboolean pending_dash = FALSE;
  guint n_chars = 0;

  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  documents = gloss_project_get_documents (project);
  n = g_list_model_get_n_items (documents);
  for (guint i = 0; i < n && position == G_MAXUINT; i++)
    {
      g_autoptr(GlossDocument) item = g_list_model_get_item (documents, i);

      if (item == document)
        position = i;
    }
  if (position == G_MAXUINT)
    position = n;  /* not in the project (yet): after the others */

  for (guint max = MAX (n, position + 1); max >= 100; max /= 10)
    width++;

  lower = g_utf8_strdown (gloss_document_get_title (document), -1);
  for (const char *p = lower; *p != '\0' && n_chars < MAX_SLUG_CHARS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        {
          if (pending_dash && slug->len > 0)
            {
              g_string_append_c (slug, '-');
              n_chars++;
            }
          pending_dash = FALSE;
          g_string_append_unichar (slug, c);
          n_chars++;
        }
      else
        pending_dash = TRUE;
    }

  return g_strdup_printf ("%0*u-%s", (int) width, position + 1,
                          slug->len > 0 ? slug->str : "document");
}
