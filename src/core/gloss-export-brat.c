/* gloss-export-brat.c — brat standoff: a .txt and a .ann per document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This inverts the brat importer (gloss-import-brat.c, whose top comment
 * says how each brat line lands in the model), so that brat → Gloss → brat
 * keeps the meaning of every line; ids are renumbered. docs/export.md
 * describes the result for readers of the files.
 *
 * The .txt: the document's text with each CRLF written as LF. brat reads
 * text with universal newlines (a CRLF is one character) while other tools
 * count two; without CRLFs every reader counts the same. Offsets are code
 * points of that .txt, end exclusive.
 *
 * Each exported annotation becomes:
 *  T  one line per tag, the type being the tag's name made brat-safe
 *     (letters, digits, marks, "-", "_" and "." kept, any other run turned
 *     into one "-": "Date/Number" is "Date-Number"); an annotation with no
 *     tag is one T of type "Annotation". The first T stands for the
 *     annotation in every other line. A span is cut into fragments at
 *     every CR and LF, as brat does (a .ann line cannot hold a line
 *     break); the T text is the fragments joined by a space, as brat
 *     joins them. An imported discontinuous span ("brat:fragments") gets
 *     its fragments back while its bounds still match them.
 *  E  an annotation carrying "brat:event" = "Type Role1 Role2…" is the
 *     trigger of an event: "E1<TAB>Type:T1 Role1:T2 …", each argument taken
 *     from the relation from it typed by that role (in the order the
 *     relations were made); an argument carrying an event is named by its
 *     E id. Those relations are not written again as R lines. Notes,
 *     attributes and normalisations of such an annotation go on its E.
 *  R  every other relation to an annotation of the same document:
 *     "R1<TAB>type Arg1:T1 Arg2:T2"; its note as AnnotatorNotes on the R.
 *  *  a relation whose type both ends list in "brat:equiv" is part of an
 *     equivalence: each connected group of them is one "*<TAB>Type T1 T2 …".
 *  #  the note, one "AnnotatorNotes" line per line of it (tabs as spaces);
 *     an attribute "note:Lemma" likewise as "Lemma" comment lines.
 *  N  an attribute "norm:DB" (or "norm:DB#2", …) = "ID TEXT" as
 *     "N1<TAB>Reference T1 DB:ID<TAB>TEXT".
 *  A  every other attribute: value "true" as a binary attribute
 *     ("A1<TAB>Negated T1"), any other as "A1<TAB>Key T1 Value", blanks in
 *     the value turned into "_" (a brat value is one token).
 *
 * What brat cannot hold is left out and counted in GlossBratExportReport:
 * orphaned annotations (their quote is no longer in the text), spans of
 * nothing but line breaks, relations to another document (counted once,
 * on the "from" side) and relations to an annotation left out.
 *
 * Just over 800 lines, a tenth of them this description of the format,
 * kept beside the code that writes it.
 */
#include "config.h"

#include <string.h>

#include "gloss-brat-offsets.h"
#include "gloss-export-private.h"

#define UNTAGGED_TYPE  "Annotation"
#define MAX_SLUG_CHARS 60

typedef struct {
  guint start;
  guint end;
} Fragment;

typedef struct {
  GlossAnnotation *annotation;
  char            *t_id;        /* its first T */
  char            *e_id;        /* NULL unless it carries an event */
} Exported;

typedef struct {
  GString       *out;
  GlossProject  *project;
  GlossDocument *document;
  GHashTable    *tag_table;
  GlossBratOffsets *crlfs;      /* Gloss offsets as offsets into the .txt */
  GPtrArray     *exported;      /* Exported, text order */
  GHashTable    *by_id;         /* annotation id → Exported */
  GHashTable    *consumed;      /* relations written as event arguments */
  GlossBratExportReport *report;
  guint          next_t;
  guint          next_e;
  guint          next_r;
  guint          next_a;
  guint          next_n;
  guint          next_note;
} BratWriter;

static void
exported_free (gpointer data)
{
  Exported *exported = data;

  g_free (exported->t_id);
  g_free (exported->e_id);
  g_free (exported);
}

/* ---- Names and values ---- */

/* A brat type, role or attribute name: one token, nothing brat's
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

/* An attribute value or normalisation id: one blank-free token. */
static char *
brat_token (const char *value)
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

/* Text after the last tab of a line: no line break, no tab. */
static void
append_one_line (GString    *out,
                 const char *text,
                 gssize      length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;

  for (const char *p = text; p < end; p++)
    g_string_append_c (out, *p == '\t' ? ' ' : *p);
}

static gboolean
is_line_break (char c)
{
  return c == '\n' || c == '\r';
}

/* ---- Offsets into the exported .txt ---- */

char *
gloss_export_brat_txt (GlossDocument *document)
{
  const char *text;
  GString *out;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  text = gloss_document_get_text (document);
  out = g_string_sized_new (gloss_document_get_text_size (document));
  for (const char *p = text; *p != '\0'; p++)
    if (!(p[0] == '\r' && p[1] == '\n'))
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

/* ---- Fragments ---- */

/* [start, end) cut at line breaks, appended to @fragments. */
static void
split_at_breaks (BratWriter *self,
                 guint       start,
                 guint       end,
                 GArray     *fragments)
{
  const char *p = gloss_document_get_text (self->document) +
                  gloss_document_offset_to_byte (self->document, start);
  gboolean inside = FALSE;
  Fragment fragment = { 0, 0 };

  for (guint offset = start; offset <= end; offset++)
    {
      gboolean breaks = offset == end || is_line_break (*p);

      if (breaks && inside)
        {
          fragment.end = offset;
          g_array_append_val (fragments, fragment);
          inside = FALSE;
        }
      else if (!breaks && !inside)
        {
          fragment.start = offset;
          inside = TRUE;
        }

      if (offset < end)
        p = g_utf8_next_char (p);
    }
}

/* The fragments an import recorded ("0 5;10 15"), if they still fit the
 * annotation: sorted, inside its bounds, first start and last end on them. */
static gboolean
parse_recorded_fragments (const char *recorded,
                          guint       start,
                          guint       end,
                          GArray     *fragments)
{
  g_auto(GStrv) parts = NULL;
  guint previous_end = start;

  if (recorded == NULL)
    return FALSE;

  parts = g_strsplit (recorded, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 values[2];
      g_auto(GStrv) numbers = g_strsplit (parts[i], " ", -1);
      Fragment fragment;

      if (g_strv_length (numbers) != 2)
        return FALSE;
      for (guint j = 0; j < 2; j++)
        if (!g_ascii_string_to_unsigned (numbers[j], 10, 0, G_MAXUINT, &values[j], NULL))
          return FALSE;

      fragment.start = (guint) values[0];
      fragment.end = (guint) values[1];
      if (fragment.start >= fragment.end || fragment.start < previous_end ||
          (i == 0 && fragment.start != start))
        return FALSE;
      previous_end = fragment.end;
      g_array_append_val (fragments, fragment);
    }

  return fragments->len > 0 && previous_end == end;
}

static GArray *
annotation_fragments (BratWriter      *self,
                      GlossAnnotation *annotation)
{
  guint start = gloss_annotation_get_start (annotation);
  guint end = gloss_annotation_get_end (annotation);
  g_autoptr(GArray) recorded = g_array_new (FALSE, FALSE, sizeof (Fragment));
  GArray *fragments = g_array_new (FALSE, FALSE, sizeof (Fragment));

  if (parse_recorded_fragments (gloss_annotation_get_attribute (annotation, "brat:fragments"),
                                start, end, recorded))
    {
      for (guint i = 0; i < recorded->len; i++)
        {
          Fragment *fragment = &g_array_index (recorded, Fragment, i);

          split_at_breaks (self, fragment->start, fragment->end, fragments);
        }
    }
  else
    split_at_breaks (self, start, end, fragments);

  return fragments;
}

/* ---- Lines ---- */

static void
write_t_line (BratWriter      *self,
              GlossAnnotation *annotation,
              const char      *type,
              GArray          *fragments)
{
  const char *text = gloss_document_get_text (self->document);

  g_string_append_printf (self->out, "T%u\t%s ", ++self->next_t, type);
  for (guint i = 0; i < fragments->len; i++)
    {
      Fragment *fragment = &g_array_index (fragments, Fragment, i);

      g_string_append_printf (self->out, "%s%u %u", i > 0 ? ";" : "",
                              _gloss_brat_offsets_to_brat (self->crlfs, fragment->start),
                              _gloss_brat_offsets_to_brat (self->crlfs, fragment->end));
    }

  g_string_append_c (self->out, '\t');
  for (guint i = 0; i < fragments->len; i++)
    {
      Fragment *fragment = &g_array_index (fragments, Fragment, i);
      gsize from = gloss_document_offset_to_byte (self->document, fragment->start);
      gsize to = gloss_document_offset_to_byte (self->document, fragment->end);

      if (i > 0)
        g_string_append_c (self->out, ' ');
      g_string_append_len (self->out, text + from, (gssize) (to - from));
    }
  g_string_append_c (self->out, '\n');
}

static void
write_t_lines (BratWriter *self,
               Exported   *exported,
               GArray     *fragments)
{
  const char * const *tag_ids = gloss_annotation_get_tags (exported->annotation);

  if (tag_ids[0] == NULL)
    write_t_line (self, exported->annotation, UNTAGGED_TYPE, fragments);

  for (guint i = 0; tag_ids[i] != NULL; i++)
    {
      GlossTag *tag = g_hash_table_lookup (self->tag_table, tag_ids[i]);
      g_autofree char *type = brat_name (tag != NULL ? gloss_tag_get_name (tag) : tag_ids[i],
                                         UNTAGGED_TYPE);

      write_t_line (self, exported->annotation, type, fragments);
    }
}

/* One # line per line of @text (empty lines dropped). */
static void
write_comment (BratWriter *self,
               const char *type,
               const char *target,
               const char *text)
{
  const char *line = text;

  if (text == NULL)
    return;

  while (*line != '\0')
    {
      const char *end = line + strcspn (line, "\r\n");

      if (end > line)
        {
          g_string_append_printf (self->out, "#%u\t%s %s\t", ++self->next_note, type, target);
          append_one_line (self->out, line, end - line);
          g_string_append_c (self->out, '\n');
        }

      line = end;
      while (is_line_break (*line))
        line++;
    }
}

/* The relation's type is a kind of equivalence both of its ends took
 * part in when they were imported. */
static gboolean
in_equiv (GlossAnnotation *annotation,
          const char      *type)
{
  const char *kinds = gloss_annotation_get_attribute (annotation, "brat:equiv");
  g_auto(GStrv) split = NULL;

  if (kinds == NULL)
    return FALSE;

  split = g_strsplit (kinds, " ", -1);
  return g_strv_contains ((const char * const *) split, type);
}

static const char *
argument_id (Exported *exported)
{
  return exported->e_id != NULL ? exported->e_id : exported->t_id;
}

static Exported *
relation_target (BratWriter    *self,
                 GlossRelation *relation)
{
  return g_hash_table_lookup (self->by_id, gloss_relation_get_to (relation));
}

static void
write_event (BratWriter *self,
             Exported   *exported)
{
  g_auto(GStrv) parts = g_strsplit (gloss_annotation_get_attribute (exported->annotation, "brat:event"),
                                    " ", -1);
  g_autoptr(GPtrArray) relations = gloss_project_relations_of (self->project, exported->annotation);
  g_autofree char *type = brat_name (parts[0], "Event");
  const char *id = gloss_annotation_get_id (exported->annotation);

  g_string_append_printf (self->out, "%s\t%s:%s", exported->e_id, type, exported->t_id);

  for (guint i = 1; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0')
        continue;

      for (guint j = 0; j < relations->len; j++)
        {
          GlossRelation *relation = g_ptr_array_index (relations, j);
          Exported *argument;
          g_autofree char *role = NULL;

          if (g_hash_table_contains (self->consumed, relation) ||
              !g_str_equal (gloss_relation_get_from (relation), id) ||
              !g_str_equal (gloss_relation_get_type_name (relation), parts[i]))
            continue;

          /* Found the role; if its argument cannot be written, the
           * relation is counted as left out below. */
          argument = relation_target (self, relation);
          if (argument == NULL)
            break;

          g_hash_table_add (self->consumed, relation);
          role = brat_name (parts[i], "Arg");
          g_string_append_printf (self->out, " %s:%s", role, argument_id (argument));
          break;
        }
    }

  g_string_append_c (self->out, '\n');
}

typedef struct {
  char      *type;
  GPtrArray *members;   /* Exported, in order of first appearance */
} EquivGroup;

static void
equiv_group_free (gpointer data)
{
  EquivGroup *group = data;

  g_free (group->type);
  g_ptr_array_unref (group->members);
  g_free (group);
}

/* Joins the groups of @from and @to in @groups (one kind of equivalence). */
static void
add_equiv_edge (GPtrArray  *groups,
                GHashTable *group_of,  /* "type\x1fid" → EquivGroup */
                const char *type,
                Exported   *from,
                Exported   *to)
{
  g_autofree char *from_key = g_strconcat (type, "\x1f", gloss_annotation_get_id (from->annotation), NULL);
  g_autofree char *to_key = g_strconcat (type, "\x1f", gloss_annotation_get_id (to->annotation), NULL);
  EquivGroup *a = g_hash_table_lookup (group_of, from_key);
  EquivGroup *b = g_hash_table_lookup (group_of, to_key);

  if (a == NULL && b == NULL)
    {
      a = g_new0 (EquivGroup, 1);
      a->type = g_strdup (type);
      a->members = g_ptr_array_new ();
      g_ptr_array_add (groups, a);
    }
  else if (a == NULL)
    {
      a = b;
      b = NULL;
    }

  if (g_hash_table_lookup (group_of, from_key) == NULL)
    {
      g_ptr_array_add (a->members, from);
      g_hash_table_insert (group_of, g_steal_pointer (&from_key), a);
    }

  if (b != NULL && b != a)
    {
      /* Merge b into a. */
      for (guint i = 0; i < b->members->len; i++)
        {
          Exported *member = g_ptr_array_index (b->members, i);

          g_ptr_array_add (a->members, member);
          g_hash_table_insert (group_of,
                               g_strconcat (type, "\x1f", gloss_annotation_get_id (member->annotation), NULL),
                               a);
        }
      g_ptr_array_set_size (b->members, 0);
    }
  else if (b == NULL && g_hash_table_lookup (group_of, to_key) == NULL)
    {
      g_ptr_array_add (a->members, to);
      g_hash_table_insert (group_of, g_steal_pointer (&to_key), a);
    }
}

static void
write_relations (BratWriter *self)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (equiv_group_free);
  g_autoptr(GHashTable) group_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->exported->len; i++)
    {
      Exported *from = g_ptr_array_index (self->exported, i);
      const char *id = gloss_annotation_get_id (from->annotation);
      g_autoptr(GPtrArray) relations = gloss_project_relations_of (self->project, from->annotation);

      for (guint j = 0; j < relations->len; j++)
        {
          GlossRelation *relation = g_ptr_array_index (relations, j);
          const char *type = gloss_relation_get_type_name (relation);
          Exported *to;
          g_autofree char *r_id = NULL;
          g_autofree char *brat_type = NULL;

          /* Each relation once, from its "from" end. */
          if (!g_str_equal (gloss_relation_get_from (relation), id) ||
              g_hash_table_contains (self->consumed, relation))
            continue;

          to = relation_target (self, relation);
          if (to == NULL)
            {
              if (self->report != NULL)
                self->report->skipped_relations++;
              continue;
            }

          if (in_equiv (from->annotation, type) && in_equiv (to->annotation, type))
            {
              add_equiv_edge (groups, group_of, type, from, to);
              continue;
            }

          brat_type = brat_name (type, "Relation");
          r_id = g_strdup_printf ("R%u", ++self->next_r);
          g_string_append_printf (self->out, "%s\t%s Arg1:%s Arg2:%s\n",
                                  r_id, brat_type, argument_id (from), argument_id (to));
          write_comment (self, "AnnotatorNotes", r_id, gloss_relation_get_note (relation));
        }
    }

  for (guint i = 0; i < groups->len; i++)
    {
      EquivGroup *group = g_ptr_array_index (groups, i);
      g_autofree char *type = NULL;

      if (group->members->len < 2)
        continue;

      type = brat_name (group->type, "Equiv");
      g_string_append_printf (self->out, "*\t%s", type);
      for (guint j = 0; j < group->members->len; j++)
        g_string_append_printf (self->out, " %s",
                                argument_id (g_ptr_array_index (group->members, j)));
      g_string_append_c (self->out, '\n');
    }
}

static void
write_attributes (BratWriter *self,
                  Exported   *exported)
{
  GlossAnnotation *annotation = exported->annotation;
  const char *target = argument_id (exported);
  g_auto(GStrv) keys = gloss_annotation_dup_attribute_keys (annotation);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *key = keys[i];
      const char *value = gloss_annotation_get_attribute (annotation, key);

      /* What the importer recorded to rebuild T, E and * lines. */
      if (g_str_equal (key, "brat:fragments") || g_str_equal (key, "brat:event") ||
          g_str_equal (key, "brat:equiv"))
        continue;

      if (g_str_has_prefix (key, "norm:") && key[5] != '\0')
        {
          g_autofree char *database = g_strdup (key + 5);
          char *hash = strchr (database, '#');
          const char *space = strchr (value, ' ');
          g_autofree char *norm_id = space != NULL ? g_strndup (value, space - value) : g_strdup (value);
          g_autofree char *db_token = NULL;
          g_autofree char *id_token = NULL;

          if (hash != NULL)
            *hash = '\0';
          db_token = brat_name (database, "Database");
          id_token = brat_token (*norm_id != '\0' ? norm_id : "_");

          g_string_append_printf (self->out, "N%u\tReference %s %s:%s",
                                  ++self->next_n, target, db_token, id_token);
          if (space != NULL)
            {
              g_string_append_c (self->out, '\t');
              append_one_line (self->out, space + 1, -1);
            }
          g_string_append_c (self->out, '\n');
          continue;
        }

      if (g_str_has_prefix (key, "note:") && key[5] != '\0')
        {
          g_autofree char *type = brat_name (key + 5, "AnnotatorNotes");

          write_comment (self, type, target, value);
          continue;
        }

      {
        g_autofree char *name = brat_name (key, "Attribute");

        g_string_append_printf (self->out, "A%u\t%s %s", ++self->next_a, name, target);
        if (value != NULL && *value != '\0' && !g_str_equal (value, "true"))
          {
            g_autofree char *token = brat_token (value);

            g_string_append_printf (self->out, " %s", token);
          }
        g_string_append_c (self->out, '\n');
      }
    }

  write_comment (self, "AnnotatorNotes", target, gloss_annotation_get_note (annotation));
}

static gboolean
carries_event (GlossAnnotation *annotation)
{
  const char *event = gloss_annotation_get_attribute (annotation, "brat:event");

  return event != NULL && *event != '\0' && *event != ' ';
}

char *
gloss_export_brat_ann_with_report (GlossProject          *project,
                                   GlossDocument         *document,
                                   GlossBratExportReport *report)
{
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GHashTable) tag_table = NULL;
  g_autoptr(GPtrArray) exported = NULL;
  g_autoptr(GPtrArray) fragments_of = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GHashTable) consumed = NULL;
  g_autoptr(GlossBratOffsets) crlfs = NULL;
  BratWriter self = { 0 };

  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  annotations = _gloss_export_collect_annotations (document);
  tag_table = _gloss_export_tag_table (project);
  exported = g_ptr_array_new_with_free_func (exported_free);
  fragments_of = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  consumed = g_hash_table_new (NULL, NULL);
  crlfs = _gloss_brat_offsets_new (gloss_document_get_text (document));

  self.out = g_string_sized_new (128 + annotations->len * 64);
  self.project = project;
  self.document = document;
  self.tag_table = tag_table;
  self.crlfs = crlfs;
  self.exported = exported;
  self.by_id = by_id;
  self.consumed = consumed;
  self.report = report;

  if (report != NULL)
    report->documents++;

  /* First every id, so that lines can name annotations that come later. */
  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (annotations, i);
      g_autoptr(GArray) fragments = NULL;
      Exported *item;
      guint n_tags;

      if (gloss_annotation_get_state (annotation) == GLOSS_ANCHOR_ORPHANED ||
          (fragments = annotation_fragments (&self, annotation))->len == 0)
        {
          if (report != NULL)
            {
              g_autoptr(GPtrArray) relations = gloss_project_relations_of (project, annotation);

              report->skipped_annotations++;
              /* Relations from it are counted here; those to it where
               * their "from" end is written. */
              for (guint j = 0; j < relations->len; j++)
                if (g_str_equal (gloss_relation_get_from (g_ptr_array_index (relations, j)),
                                 gloss_annotation_get_id (annotation)))
                  report->skipped_relations++;
            }
          continue;
        }

      item = g_new0 (Exported, 1);
      item->annotation = annotation;
      item->t_id = g_strdup_printf ("T%u", self.next_t + 1);
      n_tags = gloss_annotation_get_n_tags (annotation);
      self.next_t += MAX (n_tags, 1);
      if (carries_event (annotation))
        item->e_id = g_strdup_printf ("E%u", ++self.next_e);

      g_ptr_array_add (exported, item);
      g_ptr_array_add (fragments_of, g_steal_pointer (&fragments));
      g_hash_table_insert (by_id, (gpointer) gloss_annotation_get_id (annotation), item);
      if (report != NULL)
        report->annotations++;
    }

  self.next_t = 0;
  for (guint i = 0; i < exported->len; i++)
    write_t_lines (&self, g_ptr_array_index (exported, i), g_ptr_array_index (fragments_of, i));

  for (guint i = 0; i < exported->len; i++)
    {
      Exported *item = g_ptr_array_index (exported, i);

      if (item->e_id != NULL)
        write_event (&self, item);
    }

  write_relations (&self);

  for (guint i = 0; i < exported->len; i++)
    write_attributes (&self, g_ptr_array_index (exported, i));

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

      if (g_unichar_isalnum (c) || (g_unichar_ismark (c) && slug->len > 0))
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
