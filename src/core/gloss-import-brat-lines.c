/* gloss-import-brat-lines.c — reading a brat .ann file into lines, and the import's messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each line is split into its parts as brat wrote them; nothing here knows
 * the model (gloss-import-brat.c says how each kind of line lands in it).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-import-brat-private.h"

void
_gloss_brat_line_free (gpointer data)
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

GArray *
_gloss_brat_messages_new (void)
{
  GArray *messages = g_array_new (FALSE, FALSE, sizeof (Message));

  g_array_set_clear_func (messages, message_clear);
  return messages;
}

void
_gloss_brat_report_line (BratImport *self,
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

void
_gloss_brat_flush_messages (BratImport *self)
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

/* The "Role:ID" tokens after @cursor into line->roles and line->args. */
static gboolean
parse_role_arguments (BratLine   *line,
                      const char *cursor)
{
  char *token;

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

/* "Merge:T3 Org1:T1 Org2:T2" */
static gboolean
parse_event (BratLine   *line,
             const char *data)
{
  const char *cursor = data;
  g_autofree char *head = next_token (&cursor);

  if (head == NULL || !split_argument (head, &line->type, &line->target))
    return FALSE;

  return parse_role_arguments (line, cursor);
}

/* "Origin Arg1:T1 Arg2:T2" */
static gboolean
parse_relation (BratLine   *line,
                const char *data)
{
  const char *cursor = data;

  line->type = next_token (&cursor);
  if (line->type == NULL)
    return FALSE;

  return parse_role_arguments (line, cursor) && line->args->len == 2;
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

const char *
_gloss_brat_kind_name (LineKind kind)
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
      _gloss_brat_report_line (self, number, _("not a brat annotation line (an id and a tab must begin it); skipped"));
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
      _gloss_brat_report_line (self, number, _("“%s” is not a kind of line brat writes "
                               "(T, E, R, A, M, N, # or *); skipped"), line->id);
      _gloss_brat_line_free (line);
      return NULL;
    }

  if (!ok)
    {
      _gloss_brat_report_line (self, number, _("%s: this %s line is malformed; skipped"),
                               line->id != NULL ? line->id : "*", _gloss_brat_kind_name (line->kind));
      _gloss_brat_line_free (line);
      return NULL;
    }

  return line;
}

void
_gloss_brat_read_lines (BratImport *self,
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
              _gloss_brat_report_line (self, number, _("%s is already defined on line %u; this line was skipped"),
                                       line->id, previous->number);
              _gloss_brat_line_free (line);
              continue;
            }
          g_hash_table_insert (self->by_id, line->id, line);
        }

      g_ptr_array_add (self->lines, line);
    }
}

