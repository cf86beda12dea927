/* gloss-import-brat.c — brat standoff (.ann beside its .txt) into a project
 *
 * How each kind of brat line lands in the Gloss model. The brat exporter
 * inverts exactly this, so change both together.
 *
 *  T  "T1\tOrg 0 5\tApple"        an annotation over [0, 5) tagged "Org" (the
 *                                  tag of that name, created when missing).
 *  T  discontinuous               ONE annotation covering the first fragment's
 *     "T1\tOrg 0 5;10 15\t…"       start to the last one's end, with attribute
 *                                  "brat:fragments" = "0 5;10 15": the fragments
 *                                  in Gloss code point offsets, brat's syntax.
 *                                  (One annotation keeps every reference to T1
 *                                  a reference to one thing; the exporter
 *                                  writes the fragments back while the
 *                                  annotation's bounds still equal their outer
 *                                  bounds.)
 *  #  "#1\tAnnotatorNotes T1\tx"  the annotation's note; several notes on one
 *                                  annotation are joined with "\n" (the
 *                                  exporter writes one # line per line).
 *     "#2\tLemma T1\tx"            other comment types: attribute "note:Lemma"
 *                                  = "x" (several joined with "\n").
 *     "#3\tAnnotatorNotes R1\tx"   a note on a relation: the relation's note.
 *  A  "A1\tNegated T1"            attribute "Negated" = "true" (binary).
 *     "A2\tConfidence T1 High"     attribute "Confidence" = "High".
 *  M  "M1\tNegated T1"            (brat's old modifier) as a binary A line.
 *  N  "N1\tReference T1 Wikipedia:534366\tBarack Obama"
 *                                  attribute "norm:Wikipedia" =
 *                                  "534366 Barack Obama" (the id, a space, the
 *                                  text; just "534366" without text). A second
 *                                  normalisation to the same database on the
 *                                  same annotation gets "norm:Wikipedia#2".
 *  R  "R1\tOrigin Arg1:T1 Arg2:T2" a relation of type "Origin" from T1's
 *                                  annotation to T2's.
 *  E  "E1\tMerge:T3 Org1:T1 Org2:T2"
 *                                  the trigger T3's annotation carries the
 *                                  event: attribute "brat:event" = "Merge Org1
 *                                  Org2" (the event type, then its role names
 *                                  in order), and one relation per role, typed
 *                                  by the role name ("Org1"), from it to the
 *                                  argument's annotation. An argument that is
 *                                  an event (Org1:E2) points at E2's
 *                                  annotation. A second event on a trigger
 *                                  that already carries one gets its own copy
 *                                  of the trigger annotation, so one annotation
 *                                  carries at most one event. Notes,
 *                                  attributes and normalisations of an event
 *                                  land on its annotation.
 *  *  "*\tEquiv T1 T2 T3"         relations of type "Equiv" T1→T2 and T2→T3,
 *                                  and each member gets "Equiv" in its
 *                                  attribute "brat:equiv" (space-separated
 *                                  when it is in several kinds), which is how
 *                                  the exporter tells them from R lines.
 *
 * For the exporter: an event's roles are the relations from its annotation
 * whose types are the role names in "brat:event", taken in the project's
 * relation order (a role may repeat); any other relation from it is an R
 * line, and a relation or argument pointing at an annotation that carries
 * an event names that event's E id. A binary attribute is the value "true".
 * A comment of another kind than AnnotatorNotes on a relation is kept in its
 * note as "Kind: text". brat ids are not kept (the exporter renumbers).
 *
 * Not kept, and reported: R argument names other than Arg1/Arg2 (kept as
 * Arg1, Arg2), attributes on relations, normalisation types other than
 * Reference (kept as Reference), empty spans (Gloss annotations hold at
 * least one character).
 *
 * Offsets: brat counts characters of the .txt as Python reads it. brat itself
 * reads with universal newlines (a CRLF is one character) and keeps a UTF-8
 * BOM as a character; other tools differ. For each document the importer
 * tries those readings and keeps the one under which most T lines' texts
 * equal their spans, then converts to Gloss offsets (code points of the text
 * as stored: CRLF kept, BOM dropped). An exporter writing a CRLF text as it
 * is should count each CRLF as one character, as brat will read it.
 *
 * Every T line's text is checked against its span. A mismatch is re-anchored
 * (gloss_anchor_locate) and marked moved, or kept at its offsets and marked
 * orphaned with the brat text as its quote; either way the report says so.
 * Lines that cannot be used (malformed, unknown kinds, missing ids) are
 * reported as "file.ann:LINE: what happened" and the import goes on.
 *
 * The whole import is one undo step: the document is built off-project with
 * the raw functions, then added with gloss_project_add_document(), tags and
 * relations made through the project, all inside one action.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-anchor.h"
#include "gloss-annotation.h"
#include "gloss-document.h"
#include "gloss-import-private.h"
#include "gloss-project.h"
#include "gloss-relation.h"
#include "gloss-tag.h"

typedef enum {
  LINE_TEXT,        /* T */
  LINE_EVENT,       /* E */
  LINE_RELATION,    /* R */
  LINE_ATTRIBUTE,   /* A, M */
  LINE_NORM,        /* N */
  LINE_NOTE,        /* # */
  LINE_EQUIV,       /* * */
} LineKind;

typedef struct {
  guint start;
  guint end;
} Span;

typedef struct {
  char            *role;
  GlossAnnotation *annotation;
} Argument;

typedef struct _BratLine BratLine;
struct _BratLine {
  LineKind         kind;
  guint            number;      /* 1-based line in the .ann */
  char            *id;          /* NULL for '*' */
  char            *type;
  char            *target;      /* E trigger; A, N, # target */
  char            *value;       /* A value (NULL: binary); N "db:id" */
  char            *text;        /* T text, # note, N text; NULL if absent */
  GArray          *spans;       /* T: Span, as written */
  GPtrArray       *roles;       /* E, R: role names; parallel to args */
  GPtrArray       *args;        /* E, R, *: referenced ids */

  /* What the line became. */
  GlossAnnotation *annotation;  /* T: its annotation; E: the event's */
  gboolean         carries_event; /* T: its annotation carries an event */
  GArray          *resolved;    /* E, *: Argument */
  char            *relation_note; /* R: from # lines */
  guint            n_relation_notes;
};

typedef struct {
  GlossProject      *project;
  GlossDocument     *document;
  GlossImportReport *report;
  char              *ann_name;
  GPtrArray         *lines;       /* BratLine */
  GHashTable        *by_id;       /* id → BratLine */
  GHashTable        *tag_ids;     /* brat type → tag id */
  GPtrArray         *annotations; /* made, not yet in the document */
  GDateTime         *now;
  GlossOffset        length;

  /* How brat offsets map to Gloss offsets. */
  gboolean           universal_newlines;
  guint              bom_shift;
  GArray            *crlf_at;     /* guint: each CRLF's offset counted as one */

  GlossAnchorText   *anchor_text; /* made on the first mismatch */
  GArray            *messages;    /* Message */
  guint              palette_next;
  guint              notes, attributes, relations, events;
} BratImport;

static void
argument_clear (gpointer data)
{
  Argument *argument = data;

  g_free (argument->role);
}

static void
brat_line_free (gpointer data)
{
  BratLine *line = data;

  g_free (line->id);
  g_free (line->type);
  g_free (line->target);
  g_free (line->value);
  g_free (line->text);
  g_free (line->relation_note);
  g_clear_pointer (&line->spans, g_array_unref);
  g_clear_pointer (&line->roles, g_ptr_array_unref);
  g_clear_pointer (&line->args, g_ptr_array_unref);
  g_clear_pointer (&line->resolved, g_array_unref);
  g_free (line);
}

static void
brat_import_clear (BratImport *self)
{
  g_clear_object (&self->document);
  g_free (self->ann_name);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->tag_ids, g_hash_table_unref);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->crlf_at, g_array_unref);
  g_clear_pointer (&self->anchor_text, gloss_anchor_text_free);
  g_clear_pointer (&self->messages, g_array_unref);
}

typedef struct {
  guint  line;
  guint  index;   /* keeps one line's messages in the order they came */
  char  *text;
} Message;

static void
message_clear (gpointer data)
{
  g_free (((Message *) data)->text);
}

/* Messages wait here so that the report lists them in line order, though
 * the lines are read in several passes. */
static void report_line (BratImport *self,
                         guint       number,
                         const char *format,
                         ...) G_GNUC_PRINTF (3, 4);

static void
report_line (BratImport *self,
             guint       number,
             const char *format,
             ...)
{
  Message message;
  va_list args;

  va_start (args, format);
  message.line = number;
  message.index = self->messages->len;
  message.text = g_strdup_vprintf (format, args);
  va_end (args);

  g_array_append_val (self->messages, message);
}

static int
message_compare (gconstpointer a,
                 gconstpointer b)
{
  const Message *first = a;
  const Message *second = b;

  if (first->line != second->line)
    return first->line < second->line ? -1 : 1;

  return first->index < second->index ? -1 : first->index > second->index;
}

static void
flush_messages (BratImport *self)
{
  g_array_sort (self->messages, message_compare);

  for (guint i = 0; i < self->messages->len; i++)
    {
      Message *message = &g_array_index (self->messages, Message, i);

      _gloss_import_report_add (self->report, self->ann_name, message->line, "%s", message->text);
    }
}

/* ---- Reading lines ---- */

/* The next space-separated token of *@cursor, or NULL at the end. */
static char *
next_token (const char **cursor)
{
  const char *p = *cursor;
  const char *start;

  while (*p == ' ')
    p++;
  if (*p == '\0')
    {
      *cursor = p;
      return NULL;
    }

  start = p;
  while (*p != '\0' && *p != ' ')
    p++;
  *cursor = p;

  return g_strndup (start, p - start);
}

static gboolean
parse_offset (const char *text,
              guint      *value)
{
  guint64 number;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, &number, NULL))
    return FALSE;

  *value = (guint) number;
  return TRUE;
}

/* "Org 0 5;10 15" */
static gboolean
parse_text_bound (BratLine   *line,
                  const char *data)
{
  const char *cursor = data;
  g_auto(GStrv) pieces = NULL;

  line->type = next_token (&cursor);
  if (line->type == NULL)
    return FALSE;

  line->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  pieces = g_strsplit (cursor, ";", -1);
  for (guint i = 0; pieces[i] != NULL; i++)
    {
      const char *piece = pieces[i];
      g_autofree char *start = next_token (&piece);
      g_autofree char *end = next_token (&piece);
      g_autofree char *extra = next_token (&piece);
      Span span;

      if (extra != NULL || !parse_offset (start, &span.start) || !parse_offset (end, &span.end))
        return FALSE;
      g_array_append_val (line->spans, span);
    }

  return line->spans->len > 0;
}

/* "ROLE:ID" */
static gboolean
split_argument (const char  *token,
                char       **role,
                char       **id)
{
  const char *colon = strchr (token, ':');

  if (colon == NULL || colon == token || colon[1] == '\0' || strchr (colon + 1, ':') != NULL)
    return FALSE;

  *role = g_strndup (token, colon - token);
  *id = g_strdup (colon + 1);
  return TRUE;
}

/* "Merge:T3 Org1:T1 Org2:T2" */
static gboolean
parse_event (BratLine   *line,
             const char *data)
{
  const char *cursor = data;
  g_autofree char *head = next_token (&cursor);
  char *token;

  if (head == NULL || !split_argument (head, &line->type, &line->target))
    return FALSE;

  line->roles = g_ptr_array_new_with_free_func (g_free);
  line->args = g_ptr_array_new_with_free_func (g_free);
  while ((token = next_token (&cursor)) != NULL)
    {
      g_autofree char *owned = token;
      char *role, *id;

      if (!split_argument (owned, &role, &id))
        return FALSE;
      g_ptr_array_add (line->roles, role);
      g_ptr_array_add (line->args, id);
    }

  return TRUE;
}

/* "Origin Arg1:T1 Arg2:T2" */
static gboolean
parse_relation (BratLine   *line,
                const char *data)
{
  const char *cursor = data;
  char *token;

  line->type = next_token (&cursor);
  if (line->type == NULL)
    return FALSE;

  line->roles = g_ptr_array_new_with_free_func (g_free);
  line->args = g_ptr_array_new_with_free_func (g_free);
  while ((token = next_token (&cursor)) != NULL)
    {
      g_autofree char *owned = token;
      char *role, *id;

      if (!split_argument (owned, &role, &id))
        return FALSE;
      g_ptr_array_add (line->roles, role);
      g_ptr_array_add (line->args, id);
    }

  return line->args->len == 2;
}

/* "Confidence T1 High" or "Negated T1" */
static gboolean
parse_attribute (BratLine   *line,
                 const char *data,
                 gboolean    binary_only)
{
  const char *cursor = data;

  line->type = next_token (&cursor);
  line->target = next_token (&cursor);
  if (line->type == NULL || line->target == NULL)
    return FALSE;

  while (*cursor == ' ')
    cursor++;
  if (*cursor != '\0')
    {
      if (binary_only)
        return FALSE;
      line->value = g_strdup (cursor);
      g_strchomp (line->value);
    }

  return TRUE;
}

/* "Reference T1 Wikipedia:534366", or BioNLP ST 2013's
 * "Reference Annotation:T1 Referent:Wikipedia:534366". */
static gboolean
parse_norm (BratLine   *line,
            const char *data)
{
  const char *cursor = data;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *extra = NULL;
  const char *target, *reference;

  line->type = next_token (&cursor);
  first = next_token (&cursor);
  second = next_token (&cursor);
  extra = next_token (&cursor);
  if (line->type == NULL || first == NULL || second == NULL || extra != NULL)
    return FALSE;

  target = first;
  reference = second;
  if (g_str_has_prefix (first, "Referent:") && g_str_has_prefix (second, "Annotation:"))
    {
      target = second;
      reference = first;
    }
  if (g_str_has_prefix (target, "Annotation:"))
    target += strlen ("Annotation:");
  if (g_str_has_prefix (reference, "Referent:"))
    reference += strlen ("Referent:");

  /* The database name runs to the first colon; the id may hold more. */
  {
    const char *colon = strchr (reference, ':');

    if (colon == NULL || colon == reference || colon[1] == '\0' || *target == '\0')
      return FALSE;
  }

  line->target = g_strdup (target);
  line->value = g_strdup (reference);
  return TRUE;
}

/* "AnnotatorNotes T1" */
static gboolean
parse_note (BratLine   *line,
            const char *data)
{
  const char *cursor = data;
  g_autofree char *extra = NULL;

  line->type = next_token (&cursor);
  line->target = next_token (&cursor);
  extra = next_token (&cursor);

  return line->type != NULL && line->target != NULL && extra == NULL;
}

/* "Equiv T1 T2 T3" */
static gboolean
parse_equiv (BratLine   *line,
             const char *data)
{
  const char *cursor = data;
  char *token;

  line->type = next_token (&cursor);
  if (line->type == NULL)
    return FALSE;

  line->args = g_ptr_array_new_with_free_func (g_free);
  while ((token = next_token (&cursor)) != NULL)
    g_ptr_array_add (line->args, token);

  return line->args->len > 0;
}

static const char *
kind_name (LineKind kind)
{
  switch (kind)
    {
    case LINE_TEXT: return _("text span");
    case LINE_EVENT: return _("event");
    case LINE_RELATION: return _("relation");
    case LINE_ATTRIBUTE: return _("attribute");
    case LINE_NORM: return _("normalisation");
    case LINE_NOTE: return _("note");
    case LINE_EQUIV: return _("equivalence");
    default: return "";
    }
}

/* One .ann line into a BratLine, or NULL (reported) when it cannot be read. */
static BratLine *
parse_line (BratImport *self,
            const char *text,
            guint       number)
{
  g_autoptr(GString) data = NULL;
  BratLine *line;
  const char *tab;
  const char *rest;
  const char *tail = NULL;
  gboolean ok = FALSE;

  tab = strchr (text, '\t');
  if (tab == NULL || tab == text)
    {
      report_line (self, number, _("not a brat annotation line (an id and a tab must begin it); skipped"));
      return NULL;
    }

  line = g_new0 (BratLine, 1);
  line->number = number;
  line->id = g_strndup (text, tab - text);
  rest = tab + 1;

  /* Most kinds have a data part, then a tab and a free text. */
  tail = strchr (rest, '\t');
  data = tail != NULL ? g_string_new_len (rest, tail - rest) : g_string_new (rest);
  if (tail != NULL)
    tail++;

  switch (line->id[0])
    {
    case 'T':
      line->kind = LINE_TEXT;
      ok = parse_text_bound (line, data->str);
      line->text = g_strdup (tail);
      break;

    case 'E':
      line->kind = LINE_EVENT;
      ok = parse_event (line, data->str);
      break;

    case 'R':
      line->kind = LINE_RELATION;
      ok = parse_relation (line, data->str);
      break;

    case 'A':
    case 'M':
      line->kind = LINE_ATTRIBUTE;
      ok = parse_attribute (line, data->str, line->id[0] == 'M');
      break;

    case 'N':
      line->kind = LINE_NORM;
      ok = parse_norm (line, data->str);
      line->text = g_strdup (tail);
      break;

    case '#':
      line->kind = LINE_NOTE;
      ok = parse_note (line, data->str);
      line->text = g_strdup (tail != NULL ? tail : "");
      break;

    case '*':
      line->kind = LINE_EQUIV;
      ok = parse_equiv (line, data->str);
      g_clear_pointer (&line->id, g_free);
      break;

    default:
      report_line (self, number, _("“%s” is not a kind of line brat writes "
                                   "(T, E, R, A, M, N, # or *); skipped"), line->id);
      brat_line_free (line);
      return NULL;
    }

  if (!ok)
    {
      report_line (self, number, _("%s: this %s line is malformed; skipped"),
                   line->id != NULL ? line->id : "*", kind_name (line->kind));
      brat_line_free (line);
      return NULL;
    }

  return line;
}

static void
read_lines (BratImport *self,
            const char *ann_text)
{
  const char *p = ann_text;
  guint number = 0;

  while (*p != '\0')
    {
      const char *end = strchr (p, '\n');
      g_autofree char *text = NULL;
      gsize length;
      BratLine *line;

      number++;
      if (end == NULL)
        end = p + strlen (p);
      length = end - p;
      /* An .ann saved on Windows: the CR belongs to the line break. */
      if (length > 0 && p[length - 1] == '\r')
        length--;
      text = g_strndup (p, length);
      p = *end == '\n' ? end + 1 : end;

      /* Blank lines carry nothing. */
      if (strspn (text, " \t") == length)
        continue;

      line = parse_line (self, text, number);
      if (line == NULL)
        continue;

      if (line->id != NULL)
        {
          BratLine *previous = g_hash_table_lookup (self->by_id, line->id);

          if (previous != NULL)
            {
              report_line (self, number, _("%s is already defined on line %u; this line was skipped"),
                           line->id, previous->number);
              brat_line_free (line);
              continue;
            }
          g_hash_table_insert (self->by_id, line->id, line);
        }

      g_ptr_array_add (self->lines, line);
    }
}

/* ---- Offsets ---- */

static void
find_crlfs (BratImport *self)
{
  const char *text = gloss_document_get_text (self->document);
  guint offset = 0;
  guint seen = 0;

  self->crlf_at = g_array_new (FALSE, FALSE, sizeof (guint));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), offset++)
    {
      if (p[0] == '\r' && p[1] == '\n')
        {
          /* Its offset where each CRLF counts as one character. */
          guint at = offset - seen;

          g_array_append_val (self->crlf_at, at);
          seen++;
        }
    }
}

/* CRLFs that begin before @offset (counted as one character each). */
static guint
crlfs_before (BratImport *self,
              guint       offset)
{
  guint low = 0;
  guint high = self->crlf_at->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->crlf_at, guint, middle) < offset)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/* A brat offset as a Gloss offset (may lie past the end of the text). */
static guint
map_offset (BratImport *self,
            guint       offset)
{
  offset = offset >= self->bom_shift ? offset - self->bom_shift : 0;
  /* Past the end stays past the end, without wrapping around. */
  if (offset > self->length)
    return offset;
  if (self->universal_newlines)
    offset += crlfs_before (self, offset);

  return offset;
}

/* Replaces every line break by one space: brat cannot store a line break in
 * a T line, so tools that write one change it into a space. */
static char *
flatten_breaks (const char *text)
{
  GString *flat = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '\r' && p[1] == '\n')
        {
          g_string_append_c (flat, ' ');
          p++;
        }
      else if (*p == '\r' || *p == '\n')
        g_string_append_c (flat, ' ');
      else
        g_string_append_c (flat, *p);
    }

  return g_string_free (flat, FALSE);
}

/* The text of the spans as brat would quote it, with fragments joined by
 * a space; NULL when a span lies outside the text or is reversed. */
static char *
span_text (BratImport *self,
           GArray     *spans,
           const char *separator)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);
      guint start = map_offset (self, span->start);
      guint end = map_offset (self, span->end);
      g_autofree char *slice = NULL;

      if (start > end || end > self->length)
        {
          g_string_free (text, TRUE);
          return NULL;
        }
      slice = gloss_document_dup_slice (self->document, start, end);
      if (i > 0)
        g_string_append (text, separator);
      g_string_append (text, slice);
    }

  return g_string_free (text, FALSE);
}

/* Whether the T line's text is what its spans hold. */
static gboolean
text_matches (BratImport *self,
              BratLine   *line)
{
  g_autofree char *expected = NULL;
  g_autofree char *flat_expected = NULL;
  g_autofree char *flat_text = NULL;

  /* Without a text brat quotes the spans itself: they only need to fit. */
  expected = span_text (self, line->spans, " ");
  if (expected == NULL)
    return FALSE;
  if (line->text == NULL)
    return TRUE;
  if (g_str_equal (expected, line->text))
    return TRUE;

  /* Text after the quote, separated by whitespace, is allowed by brat. */
  if (g_str_has_prefix (line->text, expected) && g_ascii_isspace (line->text[strlen (expected)]))
    return TRUE;

  flat_expected = flatten_breaks (expected);
  flat_text = flatten_breaks (line->text);
  if (g_str_equal (flat_expected, flat_text))
    return TRUE;

  /* brat before 1.3 joined the fragments of a discontinuous span without
   * a separator. */
  if (line->spans->len > 1)
    {
      g_autofree char *joined = span_text (self, line->spans, "");

      return joined != NULL && g_str_equal (joined, line->text);
    }

  return FALSE;
}

static guint
count_matches (BratImport *self)
{
  guint matches = 0;

  for (guint i = 0; i < self->lines->len; i++)
    {
      BratLine *line = g_ptr_array_index (self->lines, i);

      if (line->kind == LINE_TEXT && line->text != NULL && text_matches (self, line))
        matches++;
    }

  return matches;
}

/* Picks the reading of brat's offsets under which most texts match. */
static void
choose_offset_reading (BratImport *self,
                       gboolean    had_bom)
{
  struct { gboolean universal; guint bom; } readings[4];
  guint n_readings = 0;
  guint best = 0;
  guint best_matches = 0;
  gboolean has_crlf;

  find_crlfs (self);
  has_crlf = self->crlf_at->len > 0;

  /* brat's own reading first: it wins a tie. */
  readings[n_readings].universal = has_crlf;
  readings[n_readings++].bom = had_bom ? 1 : 0;
  if (has_crlf)
    {
      readings[n_readings].universal = FALSE;
      readings[n_readings++].bom = had_bom ? 1 : 0;
    }
  if (had_bom)
    {
      readings[n_readings].universal = has_crlf;
      readings[n_readings++].bom = 0;
      if (has_crlf)
        {
          readings[n_readings].universal = FALSE;
          readings[n_readings++].bom = 0;
        }
    }

  for (guint i = 0; i < n_readings; i++)
    {
      guint matches;

      self->universal_newlines = readings[i].universal;
      self->bom_shift = readings[i].bom;
      matches = count_matches (self);
      if (i == 0 || matches > best_matches)
        {
          best = i;
          best_matches = matches;
        }
    }

  self->universal_newlines = readings[best].universal;
  self->bom_shift = readings[best].bom;
}

/* ---- Tags ---- */

/* GNOME's palette, light shades then the medium ones. */
static const char * const palette[] = {
  "#99c1f1", "#8ff0a4", "#f9f06b", "#ffbe6f", "#f66151", "#dc8add", "#cdab8f",
  "#62a0ea", "#57e389", "#f8e45c", "#ffa348", "#ed333b", "#c061cb", "#b5835a",
  "#9a9996", "#1c71d8", "#2ec27e", "#e5a50a", "#c64600", "#813d9c",
};

static const char *
next_color (BratImport *self)
{
  GListModel *tags = gloss_project_get_tags (self->project);
  guint n_tags = g_list_model_get_n_items (tags);

  /* A colour no tag has yet, when there is one left. */
  for (guint tries = 0; tries < G_N_ELEMENTS (palette); tries++)
    {
      const char *color = palette[self->palette_next++ % G_N_ELEMENTS (palette)];
      gboolean used = FALSE;

      for (guint i = 0; i < n_tags && !used; i++)
        {
          g_autoptr(GlossTag) tag = g_list_model_get_item (tags, i);

          used = g_ascii_strcasecmp (gloss_tag_get_color (tag), color) == 0;
        }
      if (!used)
        return color;
    }

  return palette[self->palette_next++ % G_N_ELEMENTS (palette)];
}

/* The project's tags by name, the first of each name, so that 20,000
 * types do not each walk the list of tags. */
static void
remember_project_tags (BratImport *self)
{
  GListModel *tags = gloss_project_get_tags (self->project);
  guint n = g_list_model_get_n_items (tags);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossTag) tag = g_list_model_get_item (tags, i);

      if (!g_hash_table_contains (self->tag_ids, gloss_tag_get_name (tag)))
        g_hash_table_insert (self->tag_ids, g_strdup (gloss_tag_get_name (tag)),
                             g_strdup (gloss_tag_get_id (tag)));
    }
}

static const char *
tag_id_for_type (BratImport *self,
                 const char *type)
{
  const char *tag_id = g_hash_table_lookup (self->tag_ids, type);
  GlossTag *tag;

  if (tag_id != NULL)
    return tag_id;

  /* The table starts with every tag of the project by name
   * (remember_project_tags ()): a type not in it is new. */
  tag = gloss_project_create_tag (self->project, type, next_color (self), -1);

  tag_id = gloss_tag_get_id (tag);
  g_hash_table_insert (self->tag_ids, g_strdup (type), g_strdup (tag_id));

  return tag_id;
}

/* ---- Text spans ---- */

static GlossAnnotation *
new_annotation (BratImport *self,
                guint       start,
                guint       end,
                const char *type)
{
  GlossAnnotation *annotation = gloss_annotation_new (NULL, start, end);

  gloss_annotation_add_tag (annotation, tag_id_for_type (self, type));
  gloss_annotation_set_created (annotation, self->now);
  gloss_annotation_set_modified (annotation, self->now);
  g_ptr_array_add (self->annotations, annotation);

  return annotation;
}

static char *
shorten (const char *text)
{
  if (g_utf8_strlen (text, -1) <= 40)
    return g_strdup (text);

  {
    g_autofree char *start = g_utf8_substring (text, 0, 39);

    return g_strconcat (start, "…", NULL);
  }
}

/* The spans as the .ann wrote them: "0 5;10 15". */
static char *
written_spans (BratLine *line)
{
  GString *written = g_string_new (NULL);

  for (guint i = 0; i < line->spans->len; i++)
    {
      Span *span = &g_array_index (line->spans, Span, i);

      g_string_append_printf (written, "%s%u %u", i > 0 ? ";" : "", span->start, span->end);
    }

  return g_string_free (written, FALSE);
}

/* The T line's text is not at its offsets: find it, or keep it orphaned. */
static void
place_mismatch (BratImport      *self,
                BratLine        *line,
                guint            start,
                guint            end,
                GlossAnnotation *annotation)
{
  const char *quote = line->text != NULL ? line->text : "";
  g_autofree char *spans = written_spans (line);
  g_autofree char *short_text = shorten (quote);
  g_autofree char *found = NULL;
  g_autofree char *short_found = NULL;
  GlossAnchorSelector selector = { 0, };
  GlossOffset new_start, new_end;
  GlossAnchorState state = GLOSS_ANCHOR_ORPHANED;
  gboolean past_end = end > self->length;

  /* Inside the text, not empty (the text is never empty). */
  end = MIN (end, self->length);
  start = MIN (start, end);
  if (start == end)
    start = end - 1;

  found = gloss_document_dup_slice (self->document, start, end);
  short_found = shorten (found);

  if (*quote != '\0')
    {
      if (self->anchor_text == NULL)
        self->anchor_text = gloss_anchor_text_new (gloss_document_get_text (self->document), -1);

      selector.start = start;
      selector.end = end;
      selector.quote = quote;
      new_start = start;
      new_end = end;
      state = gloss_anchor_locate (self->anchor_text, &selector, &new_start, &new_end);

      /* Trust a place only if it is one: "anchored" means the quote is
       * there; an approximate "moved" match is the anchoring's to judge. */
      if (state != GLOSS_ANCHOR_ORPHANED && new_start < new_end && new_end <= self->length)
        {
          g_autofree char *there = gloss_document_dup_slice (self->document, new_start, new_end);

          if (state == GLOSS_ANCHOR_ANCHORED && !g_str_equal (there, quote))
            state = GLOSS_ANCHOR_ORPHANED;
        }
      else
        state = GLOSS_ANCHOR_ORPHANED;
    }

  if (state != GLOSS_ANCHOR_ORPHANED)
    {
      gloss_annotation_set_bounds (annotation, new_start, new_end);
      gloss_annotation_set_state (annotation, GLOSS_ANCHOR_MOVED);
      if (past_end)
        report_line (self, line->number,
                     _("%s: the span %s lies past the end of the text (%u characters); "
                       "its text “%s” was found at %u–%u and the annotation marked for review"),
                     line->id, spans, self->length, short_text, new_start, new_end);
      else
        report_line (self, line->number,
                     _("%s: the text “%s” is not at %s (which holds “%s”); "
                       "it was found at %u–%u and the annotation marked for review"),
                     line->id, short_text, spans, short_found, new_start, new_end);
    }
  else
    {
      gloss_annotation_set_bounds (annotation, start, end);
      gloss_annotation_set_state (annotation, GLOSS_ANCHOR_ORPHANED);
      gloss_annotation_set_selector (annotation, quote, "", "");
      if (past_end)
        report_line (self, line->number,
                     _("%s: the span %s lies past the end of the text (%u characters) and its "
                       "text “%s” is nowhere in it; it was kept at the end and marked orphaned"),
                     line->id, spans, self->length, short_text);
      else
        report_line (self, line->number,
                     _("%s: the text “%s” is not at %s (which holds “%s”) nor anywhere else; "
                       "it was kept there and marked orphaned"),
                     line->id, short_text, spans, short_found);
    }
}

static void
import_text_bound (BratImport *self,
                   BratLine   *line)
{
  GlossAnnotation *annotation;
  guint start = G_MAXUINT, end = 0;
  gboolean reversed = FALSE;

  for (guint i = 0; i < line->spans->len; i++)
    {
      Span *span = &g_array_index (line->spans, Span, i);

      reversed |= span->start > span->end;
      start = MIN (start, map_offset (self, span->start));
      end = MAX (end, map_offset (self, span->end));
    }

  if (reversed)
    {
      report_line (self, line->number, _("%s: a span ends before it starts; skipped"), line->id);
      return;
    }
  if (start >= end)
    {
      report_line (self, line->number,
                   _("%s: the span is empty, and Gloss annotations hold at least one character; skipped"),
                   line->id);
      return;
    }

  annotation = new_annotation (self, start, end, line->type);
  line->annotation = annotation;

  if (text_matches (self, line))
    {
      if (line->spans->len > 1)
        {
          g_autoptr(GString) fragments = g_string_new (NULL);

          for (guint i = 0; i < line->spans->len; i++)
            {
              Span *span = &g_array_index (line->spans, Span, i);

              g_string_append_printf (fragments, "%s%u %u", i > 0 ? ";" : "",
                                      map_offset (self, span->start), map_offset (self, span->end));
            }
          gloss_annotation_set_attribute (annotation, "brat:fragments", fragments->str);
        }
      return;
    }

  if (line->spans->len > 1)
    report_line (self, line->number,
                 _("%s: the fragments of this discontinuous span do not hold its text; "
                   "it is kept as one span"), line->id);
  place_mismatch (self, line, start, end, annotation);
}

/* ---- References between lines ---- */

/* The annotation a T or E id stands for, or NULL (reported). */
static GlossAnnotation *
resolve (BratImport *self,
         BratLine   *from,
         const char *id,
         const char *consequence)
{
  BratLine *target = g_hash_table_lookup (self->by_id, id);

  if (target == NULL)
    {
      report_line (self, from->number, _("%s refers to %s, which is not defined; %s"),
                   from->id != NULL ? from->id : "*", id, consequence);
      return NULL;
    }
  if (target->kind != LINE_TEXT && target->kind != LINE_EVENT)
    {
      report_line (self, from->number, _("%s refers to %s, a %s line, which is no annotation; %s"),
                   from->id != NULL ? from->id : "*", id, kind_name (target->kind), consequence);
      return NULL;
    }
  if (target->annotation == NULL)
    {
      report_line (self, from->number, _("%s refers to %s (line %u), which could not be imported; %s"),
                   from->id != NULL ? from->id : "*", id, target->number, consequence);
      return NULL;
    }

  return target->annotation;
}

static GlossAnnotation *
copy_annotation (BratImport      *self,
                 GlossAnnotation *original,
                 const char      *type)
{
  GlossAnnotation *copy = new_annotation (self, gloss_annotation_get_start (original),
                                          gloss_annotation_get_end (original), type);
  const char *fragments = gloss_annotation_get_attribute (original, "brat:fragments");

  gloss_annotation_set_state (copy, gloss_annotation_get_state (original));
  if (gloss_annotation_get_state (original) == GLOSS_ANCHOR_ORPHANED)
    gloss_annotation_set_selector (copy, gloss_annotation_get_quote (original), "", "");
  if (fragments != NULL)
    gloss_annotation_set_attribute (copy, "brat:fragments", fragments);

  return copy;
}

/* Gives each event the annotation that carries it. */
static void
place_event (BratImport *self,
             BratLine   *line)
{
  BratLine *trigger = g_hash_table_lookup (self->by_id, line->target);

  if (trigger == NULL || trigger->kind != LINE_TEXT)
    {
      report_line (self, line->number, _("%s: its trigger %s is not a defined text span; skipped"),
                   line->id, line->target);
      return;
    }
  if (trigger->annotation == NULL)
    {
      report_line (self, line->number, _("%s: its trigger %s (line %u) could not be imported; skipped"),
                   line->id, line->target, trigger->number);
      return;
    }
  if (!g_str_equal (trigger->type, line->type))
    report_line (self, line->number, _("%s: the event type %s differs from its trigger’s type %s"),
                 line->id, line->type, trigger->type);

  if (!trigger->carries_event)
    {
      trigger->carries_event = TRUE;
      line->annotation = trigger->annotation;
    }
  else
    {
      /* One annotation carries one event: the second gets a copy. */
      line->annotation = copy_annotation (self, trigger->annotation, trigger->type);
    }
}

static void
resolve_event (BratImport *self,
               BratLine   *line)
{
  g_autoptr(GString) description = g_string_new (line->type);

  line->resolved = g_array_new (FALSE, FALSE, sizeof (Argument));
  g_array_set_clear_func (line->resolved, argument_clear);

  for (guint i = 0; i < line->args->len; i++)
    {
      const char *role = g_ptr_array_index (line->roles, i);
      GlossAnnotation *annotation = resolve (self, line, g_ptr_array_index (line->args, i),
                                             _("that argument was not imported"));
      Argument argument;

      if (annotation == NULL)
        continue;
      argument.role = g_strdup (role);
      argument.annotation = annotation;
      g_array_append_val (line->resolved, argument);
      g_string_append_printf (description, " %s", role);
    }

  gloss_annotation_set_attribute (line->annotation, "brat:event", description->str);
  self->events++;
}

static void
append_text_attribute (GlossAnnotation *annotation,
                       const char      *key,
                       const char      *text)
{
  const char *old = gloss_annotation_get_attribute (annotation, key);
  g_autofree char *joined = old != NULL ? g_strconcat (old, "\n", text, NULL) : NULL;

  gloss_annotation_set_attribute (annotation, key, joined != NULL ? joined : text);
}

static void
import_note (BratImport *self,
             BratLine   *line)
{
  BratLine *target = g_hash_table_lookup (self->by_id, line->target);
  GlossAnnotation *annotation;

  /* A note on a relation becomes the relation's note once it is made. */
  if (target != NULL && target->kind == LINE_RELATION)
    {
      g_autofree char *text = g_str_equal (line->type, "AnnotatorNotes")
                              ? g_strdup (line->text)
                              : g_strdup_printf ("%s: %s", line->type, line->text);
      char *joined = target->relation_note != NULL
                     ? g_strconcat (target->relation_note, "\n", text, NULL)
                     : g_strdup (text);

      g_free (target->relation_note);
      target->relation_note = joined;
      target->n_relation_notes++;
      if (!g_str_equal (line->type, "AnnotatorNotes"))
        report_line (self, line->number, _("%s: a %s comment on a relation was kept in the relation’s note"),
                     line->id, line->type);
      /* Counted once the relation is made. */
      return;
    }

  annotation = resolve (self, line, line->target, _("the note was not imported"));
  if (annotation == NULL)
    return;

  if (g_str_equal (line->type, "AnnotatorNotes"))
    {
      const char *old = gloss_annotation_get_note (annotation);
      g_autofree char *joined = *old != '\0' ? g_strconcat (old, "\n", line->text, NULL) : NULL;

      gloss_annotation_set_note (annotation, joined != NULL ? joined : line->text);
    }
  else
    {
      g_autofree char *key = g_strconcat ("note:", line->type, NULL);

      append_text_attribute (annotation, key, line->text);
    }
  self->notes++;
}

static void
import_attribute (BratImport *self,
                  BratLine   *line)
{
  BratLine *target = g_hash_table_lookup (self->by_id, line->target);
  GlossAnnotation *annotation;
  const char *value = line->value != NULL ? line->value : "true";
  const char *old;

  if (target != NULL && target->kind == LINE_RELATION)
    {
      report_line (self, line->number,
                   _("%s: Gloss links have no attributes, so %s on %s was not imported"),
                   line->id, line->type, line->target);
      return;
    }

  annotation = resolve (self, line, line->target, _("the attribute was not imported"));
  if (annotation == NULL)
    return;

  old = gloss_annotation_get_attribute (annotation, line->type);
  if (old != NULL && !g_str_equal (old, value))
    report_line (self, line->number, _("%s: %s already has %s = “%s”; the later value “%s” was kept"),
                 line->id, line->target, line->type, old, value);

  gloss_annotation_set_attribute (annotation, line->type, value);
  self->attributes++;
}

static void
import_norm (BratImport *self,
             BratLine   *line)
{
  GlossAnnotation *annotation = resolve (self, line, line->target,
                                         _("the normalisation was not imported"));
  const char *colon = strchr (line->value, ':');
  g_autofree char *database = g_strndup (line->value, colon - line->value);
  g_autofree char *key = g_strconcat ("norm:", database, NULL);
  g_autofree char *value = NULL;

  if (annotation == NULL)
    return;

  if (!g_str_equal (line->type, "Reference"))
    report_line (self, line->number, _("%s: the normalisation type %s is kept as Reference"),
                 line->id, line->type);

  for (guint n = 2; gloss_annotation_get_attribute (annotation, key) != NULL; n++)
    {
      g_free (key);
      key = g_strdup_printf ("norm:%s#%u", database, n);
    }

  if (line->text != NULL && *line->text != '\0')
    value = g_strdup_printf ("%s %s", colon + 1, line->text);
  else
    value = g_strdup (colon + 1);

  gloss_annotation_set_attribute (annotation, key, value);
  self->attributes++;
}

static GlossAnnotation *
lookup_quietly (BratImport *self,
                const char *id)
{
  BratLine *target = g_hash_table_lookup (self->by_id, id);

  if (target == NULL || (target->kind != LINE_TEXT && target->kind != LINE_EVENT))
    return NULL;

  return target->annotation;
}

static void
resolve_equiv (BratImport *self,
               BratLine   *line)
{
  guint usable = 0;

  line->resolved = g_array_new (FALSE, FALSE, sizeof (Argument));
  g_array_set_clear_func (line->resolved, argument_clear);

  for (guint i = 0; i < line->args->len; i++)
    usable += lookup_quietly (self, g_ptr_array_index (line->args, i)) != NULL;

  /* One message for a line that joins nothing. */
  if (usable < 2)
    {
      report_line (self, line->number,
                   _("this %s equivalence has fewer than two members that could be imported; skipped"),
                   line->type);
      return;
    }

  for (guint i = 0; i < line->args->len; i++)
    {
      GlossAnnotation *annotation = resolve (self, line, g_ptr_array_index (line->args, i),
                                             _("that member was left out"));
      Argument argument = { NULL, annotation };

      if (annotation != NULL)
        g_array_append_val (line->resolved, argument);
    }

  for (guint i = 0; i < line->resolved->len; i++)
    {
      GlossAnnotation *annotation = g_array_index (line->resolved, Argument, i).annotation;
      const char *old = gloss_annotation_get_attribute (annotation, "brat:equiv");
      g_auto(GStrv) kinds = old != NULL ? g_strsplit (old, " ", -1) : NULL;

      if (kinds == NULL)
        gloss_annotation_set_attribute (annotation, "brat:equiv", line->type);
      else if (!g_strv_contains ((const char * const *) kinds, line->type))
        {
          g_autofree char *joined = g_strconcat (old, " ", line->type, NULL);

          gloss_annotation_set_attribute (annotation, "brat:equiv", joined);
        }
    }
}

/* ---- Relations, once the document is in the project ---- */

static void
add_link (BratImport      *self,
      GlossAnnotation *from,
      GlossAnnotation *to,
      const char      *type,
      const char      *note)
{
  GlossRelation *relation = gloss_project_link (self->project, from, to, type);

  if (note != NULL && relation != NULL)
    gloss_project_set_relation_note (self->project, relation, note);
  self->relations++;
}

static void
import_relation (BratImport *self,
                 BratLine   *line)
{
  const char *first_role = g_ptr_array_index (line->roles, 0);
  const char *second_role = g_ptr_array_index (line->roles, 1);
  GlossAnnotation *from, *to;
  guint from_index = 0;

  if (g_str_equal (first_role, "Arg2") && g_str_equal (second_role, "Arg1"))
    from_index = 1;
  else if (!g_str_equal (first_role, "Arg1") || !g_str_equal (second_role, "Arg2"))
    report_line (self, line->number,
                 _("%s: its arguments %s and %s are kept as Arg1 and Arg2"),
                 line->id, first_role, second_role);

  from = resolve (self, line, g_ptr_array_index (line->args, from_index),
                  _("the relation was not imported"));
  to = from != NULL ? resolve (self, line, g_ptr_array_index (line->args, 1 - from_index),
                               _("the relation was not imported"))
                    : NULL;
  if (from == NULL || to == NULL)
    {
      if (line->n_relation_notes > 0)
        report_line (self, line->number, _("%s: so the note on it was not imported either"), line->id);
      return;
    }

  self->notes += line->n_relation_notes;
  add_link (self, from, to, line->type, line->relation_note);
}

static void
make_links (BratImport *self)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      BratLine *line = g_ptr_array_index (self->lines, i);

      if (line->kind == LINE_RELATION)
        {
          import_relation (self, line);
        }
      else if (line->kind == LINE_EVENT && line->resolved != NULL)
        {
          for (guint j = 0; j < line->resolved->len; j++)
            {
              Argument *argument = &g_array_index (line->resolved, Argument, j);

              add_link (self, line->annotation, argument->annotation, argument->role, NULL);
            }
        }
      else if (line->kind == LINE_EQUIV && line->resolved != NULL)
        {
          for (guint j = 1; j < line->resolved->len; j++)
            add_link (self,
                  g_array_index (line->resolved, Argument, j - 1).annotation,
                  g_array_index (line->resolved, Argument, j).annotation,
                  line->type, NULL);
        }
    }
}

/* ---- The import ---- */

/* A project holds at most GLOSS_MAX_ANNOTATIONS: refuse before changing it. */
static gboolean
check_annotation_limit (BratImport  *self,
                        GError     **error)
{
  GListModel *documents = gloss_project_get_documents (self->project);
  guint64 total = 0;

  for (guint i = 0; i < self->lines->len; i++)
    {
      BratLine *line = g_ptr_array_index (self->lines, i);

      /* A T line makes one annotation, an event at most one more. */
      total += line->kind == LINE_TEXT || line->kind == LINE_EVENT;
    }
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);

      total += gloss_document_get_n_annotations (document);
    }

  if (total <= GLOSS_MAX_ANNOTATIONS)
    return TRUE;

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
               _("%s would bring the project past %u annotations, the most a project holds"),
               self->ann_name, (guint) GLOSS_MAX_ANNOTATIONS);
  return FALSE;
}

static char *
read_ann (GFile       *ann_file,
          const char  *display_name,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes (ann_file, NULL, NULL, &local_error);

  if (bytes == NULL)
    {
      g_set_error (error, GLOSS_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                     ? GLOSS_ERROR_NOT_FOUND : GLOSS_ERROR_IO,
                   _("Could not read %s: %s"), display_name, local_error->message);
      return NULL;
    }

  return _gloss_decode_text_full (bytes, display_name, NULL, error);
}

gboolean
gloss_import_brat (GlossProject       *project,
                   GFile              *ann_file,
                   GFile              *txt_file,
                   GlossImportReport  *report,
                   GError            **error)
{
  BratImport self = { 0, };
  g_autofree char *ann_text = NULL;
  g_autofree char *txt_name = NULL;
  gboolean had_bom = FALSE;

  g_return_val_if_fail (GLOSS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (ann_file), FALSE);
  g_return_val_if_fail (G_IS_FILE (txt_file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self.project = project;
  self.report = report;
  self.ann_name = _gloss_import_display_name (ann_file);
  txt_name = _gloss_import_display_name (txt_file);

  /* Everything that can fail happens before the project changes. */
  if (!g_file_query_exists (txt_file, NULL))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   _("%s has no text beside it: %s was not found (brat keeps each "
                     "document’s text in a .txt file of the same name)"),
                   self.ann_name, txt_name);
      brat_import_clear (&self);
      return FALSE;
    }

  self.document = _gloss_import_read_document (txt_file, FALSE, &had_bom, error);
  if (self.document == NULL)
    {
      brat_import_clear (&self);
      return FALSE;
    }

  ann_text = read_ann (ann_file, self.ann_name, error);
  if (ann_text == NULL)
    {
      brat_import_clear (&self);
      return FALSE;
    }

  self.length = gloss_document_get_length (self.document);
  self.lines = g_ptr_array_new_with_free_func (brat_line_free);
  self.by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self.tag_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  remember_project_tags (&self);
  self.annotations = g_ptr_array_new_with_free_func (g_object_unref);
  self.now = g_date_time_new_now_utc ();
  self.messages = g_array_new (FALSE, FALSE, sizeof (Message));
  g_array_set_clear_func (self.messages, message_clear);

  read_lines (&self, ann_text);
  if (!check_annotation_limit (&self, error))
    {
      brat_import_clear (&self);
      return FALSE;
    }
  choose_offset_reading (&self, had_bom);

  gloss_project_begin_action (project, _("Import brat Annotations"));

  /* Spans first, then events (which may name each other in any order),
   * then what hangs on them, all before the document joins the project. */
  for (guint i = 0; i < self.lines->len; i++)
    {
      BratLine *line = g_ptr_array_index (self.lines, i);

      if (line->kind == LINE_TEXT)
        import_text_bound (&self, line);
    }
  for (guint i = 0; i < self.lines->len; i++)
    {
      BratLine *line = g_ptr_array_index (self.lines, i);

      if (line->kind == LINE_EVENT)
        place_event (&self, line);
    }
  for (guint i = 0; i < self.lines->len; i++)
    {
      BratLine *line = g_ptr_array_index (self.lines, i);

      switch (line->kind)
        {
        case LINE_EVENT:
          if (line->annotation != NULL)
            resolve_event (&self, line);
          break;
        case LINE_ATTRIBUTE:
          import_attribute (&self, line);
          break;
        case LINE_NORM:
          import_norm (&self, line);
          break;
        case LINE_NOTE:
          import_note (&self, line);
          break;
        case LINE_EQUIV:
          resolve_equiv (&self, line);
          break;
        case LINE_TEXT:
        case LINE_RELATION:
        default:
          break;
        }
    }

  for (guint i = 0; i < self.annotations->len; i++)
    gloss_document_add_annotation (self.document, g_ptr_array_index (self.annotations, i));
  gloss_project_add_document (project, self.document);

  make_links (&self);

  gloss_project_end_action (project);

  flush_messages (&self);
  if (report != NULL)
    {
      report->documents++;
      report->annotations += self.annotations->len;
      report->notes += self.notes;
      report->attributes += self.attributes;
      report->relations += self.relations;
      report->events += self.events;
    }

  brat_import_clear (&self);
  return TRUE;
}
