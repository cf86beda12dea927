/* gloss-project-load.c — reading .gloss project files, strictly
 *
 * Loading runs in three passes over the bytes:
 *
 * 1. checks that need no parser: the size limit, a UTF-16 byte order mark,
 *    valid UTF-8;
 * 2. a strict RFC 8259 scan without recursion. json-glib 1.6 is lenient
 *    where a project file must not be: it wraps integers too large for 64
 *    bits (99999999999999999999 reads as -1), ignores text after the
 *    value, accepts comments, single quotes and hex numbers, cuts strings at
 *    \u0000, keeps the last of two members with one name, and recurses once
 *    per nesting level, so ~100,000 levels overflow the stack. The scan
 *    refuses all of that with a line:column, bounds the depth, and counts
 *    the annotations before anything is built;
 * 3. json-glib builds the tree once, the walk below checks every member
 *    and builds the model with the raw construction functions (no undo
 *    history), and the tree is freed.
 *
 * Problems found by the walk are collected, not thrown: `gloss --validate`
 * lists them all, and the GError carries the first. Loading never writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "gloss-anchor.h"
#include "gloss-annotation.h"
#include "gloss-document.h"
#include "gloss-project-file.h"
#include "gloss-project-private.h"
#include "gloss-relation.h"
#include "gloss-tag.h"

/* Past this many, problems are counted but their messages not kept: a file
 * with two million bad annotations should not need gigabytes to say so. */
#define MAX_LISTED_PROBLEMS 1000

typedef struct
{
  const char *name;          /* the file, as messages name it */
  GPtrArray  *problems;      /* char* messages, owned */
  guint       n_problems;
  GlossError  first_code;
  char       *first_message;
  GString    *path;          /* JSON path of the member being read */
  gboolean    repaired;      /* the model differs from the file */
} Loader;

/* ---- Problems ---- */

static void
add_problem (Loader     *loader,
             GlossError  code,
             char       *message)
{
  if (loader->n_problems == 0)
    {
      loader->first_code = code;
      loader->first_message = g_strdup (message);
    }
  loader->n_problems++;

  if (loader->n_problems <= MAX_LISTED_PROBLEMS)
    g_ptr_array_add (loader->problems, message);
  else
    g_free (message);
}

/* A problem at the JSON path being read: file: path: what. */
static void G_GNUC_PRINTF (3, 4)
problem (Loader     *loader,
         GlossError  code,
         const char *format,
         ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (loader->path->len > 0)
    add_problem (loader, code, g_strdup_printf ("%s: %s: %s", loader->name, loader->path->str, what));
  else
    add_problem (loader, code, g_strdup_printf ("%s: %s", loader->name, what));
}

/* Line and column (both from 1, the column in characters) of @offset. */
static void
locate_offset (const char *data,
               gsize       offset,
               guint      *line,
               guint      *column)
{
  gsize line_start = 0;

  *line = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          line_start = i + 1;
        }
    }

  /* The bytes before @offset are valid UTF-8 (the checks stop at the first
   * bad byte), so counting lead bytes counts characters. */
  *column = 1;
  for (gsize i = line_start; i < offset; i++)
    if (((guchar) data[i] & 0xC0) != 0x80)
      (*column)++;
}

/* A problem at a place in the bytes, compiler style so that editors can
 * jump there: file:line:column: what. */
static void G_GNUC_PRINTF (5, 6)
problem_at (Loader     *loader,
            GlossError  code,
            const char *data,
            gsize       offset,
            const char *format,
            ...)
{
  g_autofree char *what = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  locate_offset (data, offset, &line, &column);
  add_problem (loader, code, g_strdup_printf ("%s:%u:%u: %s", loader->name, line, column, what));
}

/* ---- JSON paths ---- */

/* Member names are the format's own, except attribute keys, which can be
 * anything: those that would make the path ambiguous are quoted,
 * attributes["two words"]. */
static gboolean
is_plain_name (const char *member)
{
  if (*member == '\0')
    return FALSE;

  for (const char *p = member; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != ':')
      return FALSE;

  return TRUE;
}

static gsize
path_push_member (Loader     *loader,
                  const char *member)
{
  gsize mark = loader->path->len;

  if (is_plain_name (member))
    {
      if (mark > 0)
        g_string_append_c (loader->path, '.');
      g_string_append (loader->path, member);
    }
  else
    {
      g_string_append (loader->path, "[\"");
      for (const char *p = member; *p != '\0'; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (loader->path, '\\');
          if ((guchar) *p < 0x20)
            g_string_append_printf (loader->path, "\\u%04x", (guchar) *p);
          else
            g_string_append_c (loader->path, *p);
        }
      g_string_append (loader->path, "\"]");
    }

  return mark;
}

static gsize
path_push_index (Loader *loader,
                 guint   index)
{
  gsize mark = loader->path->len;

  g_string_append_printf (loader->path, "[%u]", index);

  return mark;
}

static void
path_pop (Loader *loader,
          gsize   mark)
{
  g_string_truncate (loader->path, mark);
}

/* ---- Pass 1: bytes ---- */

static gboolean
check_bytes (Loader     *loader,
             const char *data,
             gsize       size)
{
  const char *end = NULL;

  if (size > GLOSS_MAX_PROJECT_FILE_SIZE)
    {
      problem (loader, GLOSS_ERROR_TOO_LARGE,
               "the file is %" G_GSIZE_FORMAT " bytes; Gloss opens project files of at most %d MB",
               size, GLOSS_MAX_PROJECT_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }

  if (size >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                    ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      problem (loader, GLOSS_ERROR_ENCODING,
               "the file is in UTF-16; Gloss project files are UTF-8");
      return FALSE;
    }

  if (!g_utf8_validate_len (data, size, &end))
    {
      gsize offset = (gsize) (end - data);

      if (*end == '\0')
        problem_at (loader, GLOSS_ERROR_ENCODING, data, offset,
                    "a NUL byte (byte offset %" G_GSIZE_FORMAT "); a project file is UTF-8 text",
                    offset);
      else
        problem_at (loader, GLOSS_ERROR_ENCODING, data, offset,
                    "invalid UTF-8 (byte 0x%02X at byte offset %" G_GSIZE_FORMAT ")",
                    (guchar) *end, offset);
      return FALSE;
    }

  return TRUE;
}

/* ---- Pass 2: the strict scan ---- */

typedef struct
{
  const char *start;
  gsize       length;
} Span;

typedef struct
{
  GArray     *keys;        /* Span: member names of the open object */
  GHashTable *key_set;     /* the same, once there are many */
} Level;

typedef struct
{
  Loader     *loader;
  const char *data;
  gsize       size;
  gsize       pos;

  char        stack[GLOSS_MAX_JSON_DEPTH];  /* '{' or '[' per open container */
  Level       levels[GLOSS_MAX_JSON_DEPTH];
  guint       depth;

  GPtrArray  *decoded;     /* member names that had escapes, decoded */
  guint64     n_annotations;
} Scanner;

#define MANY_KEYS 32

static void
skip_space (Scanner *s)
{
  while (s->pos < s->size)
    {
      char c = s->data[s->pos];

      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      s->pos++;
    }
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Scanner  *s,
           gsize     at,
           gunichar *out)
{
  gunichar value = 0;

  if (at + 4 > s->size)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_value (s->data[at + i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + (gunichar) digit;
    }

  *out = value;
  return TRUE;
}

/* Scans a string starting at its opening quote; on success s->pos is past
 * the closing quote and *has_escapes says whether decoding is needed. */
static gboolean
scan_string (Scanner  *s,
             gboolean *has_escapes)
{
  gsize start = s->pos;

  *has_escapes = FALSE;
  s->pos++;

  while (s->pos < s->size)
    {
      guchar c = (guchar) s->data[s->pos];

      if (c == '"')
        {
          s->pos++;
          return TRUE;
        }

      if (c < 0x20)
        {
          problem_at (s->loader, GLOSS_ERROR_PARSE, s->data, s->pos,
                      "a control character (U+%04X) inside a string; it must be written as an escape",
                      c);
          return FALSE;
        }

      if (c != '\\')
        {
          s->pos++;
          continue;
        }

      *has_escapes = TRUE;
      if (s->pos + 1 >= s->size)
        break;

      switch (s->data[s->pos + 1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          s->pos += 2;
          break;

        case 'u':
          {
            gunichar unit;

            if (!read_hex4 (s, s->pos + 2, &unit))
              {
                problem_at (s->loader, GLOSS_ERROR_PARSE, s->data, s->pos,
                            "\\u must be followed by four hexadecimal digits");
                return FALSE;
              }
            if (unit == 0)
              {
                problem_at (s->loader, GLOSS_ERROR_PARSE, s->data, s->pos,
                            "a NUL character (\\u0000) inside a string, which Gloss cannot keep");
                return FALSE;
              }
            if (unit >= 0xDC00 && unit <= 0xDFFF)
              {
                problem_at (s->loader, GLOSS_ERROR_PARSE, s->data, s->pos,
                            "\\u%04X is the second half of a surrogate pair without the first",
                            unit);
                return FALSE;
              }
            if (unit >= 0xD800 && unit <= 0xDBFF)
              {
                gunichar low;

                if (s->pos + 7 >= s->size || s->data[s->pos + 6] != '\\' ||
                    s->data[s->pos + 7] != 'u' || !read_hex4 (s, s->pos + 8, &low) ||
                    low < 0xDC00 || low > 0xDFFF)
                  {
                    problem_at (s->loader, GLOSS_ERROR_PARSE, s->data, s->pos,
                                "\\u%04X is the first half of a surrogate pair without the second",
                                unit);
                    return FALSE;
                  }
                s->pos += 6;
              }
            s->pos += 6;
          }
          break;

        default:
          problem_at (s->loader, GLOSS_ERROR_PARSE, s->data, s->pos,
                      "“\\%c” is not an escape JSON knows (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
                      s->data[s->pos + 1]);
          return FALSE;
        }
    }

  problem_at (s->loader, GLOSS_ERROR_PARSE, s->data, start,
              "this string is never closed (the file ends inside it)");
  return FALSE;
}

/* Decodes a scanned string (without its quotes). Only member names that
 * contain escapes come here. */
static char *
decode_string (const char *p,
               gsize       length)
{
  GString *out = g_string_sized_new (length);
  const char *end = p + length;

  while (p < end)
    {
      gunichar unit;

      if (*p != '\\')
        {
          g_string_append_c (out, *p++);
          continue;
        }

      switch (p[1])
        {
        case 'b': g_string_append_c (out, '\b'); p += 2; break;
        case 'f': g_string_append_c (out, '\f'); p += 2; break;
        case 'n': g_string_append_c (out, '\n'); p += 2; break;
        case 'r': g_string_append_c (out, '\r'); p += 2; break;
        case 't': g_string_append_c (out, '\t'); p += 2; break;
        case 'u':
          unit = 0;
          for (guint i = 0; i < 4; i++)
            unit = unit * 16 + (gunichar) hex_value (p[2 + i]);
          p += 6;
          if (unit >= 0xD800 && unit <= 0xDBFF)
            {
              gunichar low = 0;

              for (guint i = 0; i < 4; i++)
                low = low * 16 + (gunichar) hex_value (p[2 + i]);
              p += 6;
              unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
            }
          g_string_append_unichar (out, unit);
          break;
        default:
          g_string_append_c (out, p[1]);
          p += 2;
          break;
        }
    }

  return g_string_free (out, FALSE);
}

static gboolean
span_equal (const Span *a,
            const char *b,
            gsize       length)
{
  return a->length == length && memcmp (a->start, b, length) == 0;
}

static gboolean
level_key_is (Level      *level,
              const char *name)
{
  Span *last;

  if (level->keys->len == 0)
    return FALSE;

  last = &g_array_index (level->keys, Span, level->keys->len - 1);
  return span_equal (last, name, strlen (name));
}

/* Records a member name of the open object; FALSE if it was already there. */
static gboolean
level_add_key (Level *level,
               Span   key)
{
  if (level->key_set == NULL)
    {
      for (guint i = 0; i < level->keys->len; i++)
        if (span_equal (&g_array_index (level->keys, Span, i), key.start, key.length))
          return FALSE;

      if (level->keys->len + 1 > MANY_KEYS)
        {
          level->key_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          for (guint i = 0; i < level->keys->len; i++)
            {
              Span *k = &g_array_index (level->keys, Span, i);

              g_hash_table_add (level->key_set, g_strndup (k->start, k->length));
            }
        }
    }

  if (level->key_set != NULL &&
      !g_hash_table_add (level->key_set, g_strndup (key.start, key.length)))
    return FALSE;

  g_array_append_val (level->keys, key);
  return TRUE;
}

static gboolean
scan_number (Scanner *s)
{
  gsize start = s->pos;
  gboolean integral = TRUE;
  const char *p = s->data;
  gsize n = s->size;
  g_autofree char *text = NULL;

  if (s->pos < n && p[s->pos] == '-')
    s->pos++;

  if (s->pos < n && p[s->pos] == '0')
    {
      s->pos++;
      if (s->pos < n && g_ascii_isdigit (p[s->pos]))
        {
          problem_at (s->loader, GLOSS_ERROR_PARSE, s->data, start,
                      "a number with a leading zero; JSON does not allow them");
          return FALSE;
        }
    }
  else if (s->pos < n && g_ascii_isdigit (p[s->pos]))
    {
      while (s->pos < n && g_ascii_isdigit (p[s->pos]))
        s->pos++;
    }
  else
    {
      problem_at (s->loader, GLOSS_ERROR_PARSE, s->data, start,
                  "“-” must be followed by digits");
      return FALSE;
    }

  if (s->pos < n && p[s->pos] == '.')
    {
      integral = FALSE;
      s->pos++;
      if (s->pos >= n || !g_ascii_isdigit (p[s->pos]))
        {
          problem_at (s->loader, GLOSS_ERROR_PARSE, s->data, start,
                      "a decimal point must be followed by digits");
          return FALSE;
        }
      while (s->pos < n && g_ascii_isdigit (p[s->pos]))
        s->pos++;
    }

  if (s->pos < n && (p[s->pos] == 'e' || p[s->pos] == 'E'))
    {
      integral = FALSE;
      s->pos++;
      if (s->pos < n && (p[s->pos] == '+' || p[s->pos] == '-'))
        s->pos++;
      if (s->pos >= n || !g_ascii_isdigit (p[s->pos]))
        {
          problem_at (s->loader, GLOSS_ERROR_PARSE, s->data, start,
                      "an exponent must have digits");
          return FALSE;
        }
      while (s->pos < n && g_ascii_isdigit (p[s->pos]))
        s->pos++;
    }

  /* Short integers always fit; the rest are checked the slow way. */
  if (integral && s->pos - start <= 18)
    return TRUE;

  text = g_strndup (p + start, s->pos - start);
  errno = 0;
  if (integral)
    (void) g_ascii_strtoll (text, NULL, 10);
  else if (!isfinite (g_ascii_strtod (text, NULL)))
    errno = ERANGE;

  if (errno == ERANGE)
    {
      problem_at (s->loader, GLOSS_ERROR_PARSE, s->data, start,
                  "the number %s is too large to read", text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
scan_literal (Scanner    *s,
              const char *word)
{
  gsize length = strlen (word);

  if (s->size - s->pos >= length && memcmp (s->data + s->pos, word, length) == 0)
    {
      s->pos += length;
      if (s->pos >= s->size || !g_ascii_isalnum (s->data[s->pos]))
        return TRUE;
    }

  return FALSE;
}

static void
unexpected (Scanner    *s,
            const char *expected)
{
  if (s->pos >= s->size)
    {
      problem_at (s->loader, GLOSS_ERROR_PARSE, s->data, s->pos,
                  "the file ends too early (it may be cut short): expected %s", expected);
      return;
    }

  {
    gunichar c = g_utf8_get_char (s->data + s->pos);
    char shown[8] = { 0 };

    g_unichar_to_utf8 (c, shown);
    problem_at (s->loader, GLOSS_ERROR_PARSE, s->data, s->pos,
                "unexpected “%s”: expected %s", c >= 0x20 ? shown : "?", expected);
  }
}

/* The annotations of a project sit at documents[i].annotations[j]: the
 * fourth level, under those two member names. */
static gboolean
at_annotation (Scanner *s)
{
  return s->depth == 4 &&
         s->stack[0] == '{' && s->stack[1] == '[' && s->stack[2] == '{' && s->stack[3] == '[' &&
         level_key_is (&s->levels[0], "documents") &&
         level_key_is (&s->levels[2], "annotations");
}

static gboolean
open_container (Scanner *s,
                char     bracket)
{
  if (s->depth >= GLOSS_MAX_JSON_DEPTH)
    {
      problem_at (s->loader, GLOSS_ERROR_TOO_LARGE, s->data, s->pos,
                  "nested deeper than %d levels; a Gloss project never is",
                  GLOSS_MAX_JSON_DEPTH);
      return FALSE;
    }

  s->stack[s->depth] = bracket;
  if (s->levels[s->depth].keys == NULL)
    s->levels[s->depth].keys = g_array_new (FALSE, FALSE, sizeof (Span));
  g_array_set_size (s->levels[s->depth].keys, 0);
  g_clear_pointer (&s->levels[s->depth].key_set, g_hash_table_unref);
  s->depth++;
  s->pos++;

  return TRUE;
}

/* A member name and its colon; s->pos ends before the value. */
static gboolean
scan_member_name (Scanner *s)
{
  gsize start;
  gboolean has_escapes;
  Span key;

  skip_space (s);
  if (s->pos >= s->size || s->data[s->pos] != '"')
    {
      unexpected (s, "a member name in double quotes");
      return FALSE;
    }

  start = s->pos;
  if (!scan_string (s, &has_escapes))
    return FALSE;

  key.start = s->data + start + 1;
  key.length = s->pos - start - 2;
  if (has_escapes)
    {
      char *decoded = decode_string (key.start, key.length);

      g_ptr_array_add (s->decoded, decoded);
      key.start = decoded;
      key.length = strlen (decoded);
    }

  if (!level_add_key (&s->levels[s->depth - 1], key))
    {
      g_autofree char *name = g_strndup (key.start, key.length);

      problem_at (s->loader, GLOSS_ERROR_PARSE, s->data, start,
                  "the member “%s” appears twice in one object", name);
      return FALSE;
    }

  skip_space (s);
  if (s->pos >= s->size || s->data[s->pos] != ':')
    {
      unexpected (s, "“:” after the member name");
      return FALSE;
    }
  s->pos++;

  return TRUE;
}

static gboolean
scan_document (Scanner *s)
{
  gboolean want_value = TRUE;

  for (;;)
    {
      skip_space (s);

      if (want_value)
        {
          char c;

          if (s->pos >= s->size)
            {
              unexpected (s, "a value");
              return FALSE;
            }

          if (at_annotation (s) && ++s->n_annotations > GLOSS_MAX_ANNOTATIONS)
            {
              problem_at (s->loader, GLOSS_ERROR_TOO_LARGE, s->data, s->pos,
                          "more than %d annotations; Gloss opens projects of at most %d",
                          GLOSS_MAX_ANNOTATIONS, GLOSS_MAX_ANNOTATIONS);
              return FALSE;
            }

          c = s->data[s->pos];
          if (c == '{' || c == '[')
            {
              if (!open_container (s, c))
                return FALSE;

              skip_space (s);
              if (s->pos < s->size && s->data[s->pos] == (c == '{' ? '}' : ']'))
                {
                  s->depth--;
                  s->pos++;
                  want_value = FALSE;
                }
              else if (c == '{' && !scan_member_name (s))
                return FALSE;

              continue;
            }

          if (c == '"')
            {
              gboolean has_escapes;

              if (!scan_string (s, &has_escapes))
                return FALSE;
            }
          else if (c == '-' || g_ascii_isdigit (c))
            {
              if (!scan_number (s))
                return FALSE;
            }
          else if (!scan_literal (s, "true") && !scan_literal (s, "false") &&
                   !scan_literal (s, "null"))
            {
              unexpected (s, "a value (a string, a number, an object, an array, true, false or null)");
              return FALSE;
            }

          want_value = FALSE;
          continue;
        }

      /* After a value. */
      if (s->depth == 0)
        {
          if (s->pos < s->size)
            {
              unexpected (s, "nothing after the end of the JSON value");
              return FALSE;
            }
          return TRUE;
        }

      if (s->pos < s->size && s->data[s->pos] == ',')
        {
          s->pos++;
          if (s->stack[s->depth - 1] == '{' && !scan_member_name (s))
            return FALSE;
          want_value = TRUE;
          continue;
        }

      if (s->pos < s->size && s->data[s->pos] == (s->stack[s->depth - 1] == '{' ? '}' : ']'))
        {
          s->depth--;
          s->pos++;
          continue;
        }

      unexpected (s, s->stack[s->depth - 1] == '{' ? "“,” or “}”" : "“,” or “]”");
      return FALSE;
    }
}

static gboolean
scan_json (Loader     *loader,
           const char *data,
           gsize       size)
{
  Scanner s = { 0 };
  gboolean ok;

  s.loader = loader;
  s.data = data;
  s.size = size;
  s.decoded = g_ptr_array_new_with_free_func (g_free);

  skip_space (&s);
  if (s.pos >= s.size)
    {
      g_string_truncate (loader->path, 0);
      problem (loader, GLOSS_ERROR_PARSE,
               size == 0 ? "the file is empty" : "the file holds only white space");
      ok = FALSE;
    }
  else
    ok = scan_document (&s);

  for (guint i = 0; i < G_N_ELEMENTS (s.levels); i++)
    {
      g_clear_pointer (&s.levels[i].keys, g_array_unref);
      g_clear_pointer (&s.levels[i].key_set, g_hash_table_unref);
    }
  g_ptr_array_unref (s.decoded);

  return ok;
}

/* ---- Pass 3: the walk ---- */

static const char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_BOOLEAN:
      return "true or false";
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return "a number";
    default:
      return "a value";
    }
}

/* The value itself when it is short and simple, for messages. */
static char *
describe_value (JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      if (json_node_get_value_type (node) == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        return g_strdup_printf ("%g", json_node_get_double (node));
    }

  return g_strdup (describe_node (node));
}

/* The member @name of @object, or NULL after a problem. */
static JsonNode *
get_member (Loader     *loader,
            JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    problem (loader, GLOSS_ERROR_INVALID, "the member “%s” is missing", name);

  return node;
}

typedef enum {
  REQUIRED,
  NULLABLE,
} Nullability;

static gboolean
read_string (Loader      *loader,
             JsonObject  *object,
             const char  *name,
             Nullability  nullability,
             const char **out)
{
  JsonNode *node = get_member (loader, object, name);
  gsize mark;

  *out = NULL;
  if (node == NULL)
    return FALSE;

  if (JSON_NODE_HOLDS_NULL (node) && nullability == NULLABLE)
    return TRUE;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      *out = json_node_get_string (node);
      return TRUE;
    }

  mark = path_push_member (loader, name);
  problem (loader, GLOSS_ERROR_INVALID, "must be a string%s, not %s",
           nullability == NULLABLE ? " or null" : "", describe_node (node));
  path_pop (loader, mark);

  return FALSE;
}

static gboolean
read_id (Loader      *loader,
         JsonObject  *object,
         const char **out)
{
  if (!read_string (loader, object, "id", REQUIRED, out))
    return FALSE;

  if (**out == '\0')
    {
      gsize mark = path_push_member (loader, "id");

      problem (loader, GLOSS_ERROR_INVALID, "must not be empty");
      path_pop (loader, mark);
      *out = NULL;
      return FALSE;
    }

  return TRUE;
}

/* A whole number in [0, @max]. */
static gboolean
read_count (Loader     *loader,
            JsonObject *object,
            const char *name,
            gint64      max,
            gint64     *out)
{
  JsonNode *node = get_member (loader, object, name);
  gboolean ok = FALSE;
  gsize mark;

  if (node == NULL)
    return FALSE;

  mark = path_push_member (loader, name);

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 value = json_node_get_int (node);

      if (value < 0)
        problem (loader, GLOSS_ERROR_INVALID, "must not be negative (it is %" G_GINT64_FORMAT ")", value);
      else if (value > max)
        problem (loader, GLOSS_ERROR_INVALID, "%" G_GINT64_FORMAT " is too large (at most %" G_GINT64_FORMAT ")",
                 value, max);
      else
        {
          *out = value;
          ok = TRUE;
        }
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    problem (loader, GLOSS_ERROR_INVALID, "must be a whole number, not %g", json_node_get_double (node));
  else
    problem (loader, GLOSS_ERROR_INVALID, "must be a whole number, not %s", describe_node (node));

  path_pop (loader, mark);
  return ok;
}

static gboolean
read_datetime (Loader       *loader,
               JsonObject   *object,
               const char   *name,
               Nullability   nullability,
               GDateTime   **out)
{
  g_autoptr(GDateTime) parsed = NULL;
  const char *text;
  gsize mark;

  *out = NULL;
  if (!read_string (loader, object, name, nullability, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  parsed = g_date_time_new_from_iso8601 (text, NULL);
  /* Saving writes UTC: a time with no UTC form (year 1 at +05:00, say)
   * could not be saved. */
  if (parsed != NULL)
    *out = g_date_time_to_utc (parsed);
  if (*out != NULL)
    return TRUE;

  mark = path_push_member (loader, name);
  if (parsed == NULL)
    problem (loader, GLOSS_ERROR_INVALID,
             "“%s” is not a date and time in ISO 8601 form with a time zone "
             "(like 2024-05-01T09:30:00.000000Z)", text);
  else
    problem (loader, GLOSS_ERROR_INVALID,
             "“%s” falls outside the years 1 to 9999 in UTC", text);
  path_pop (loader, mark);

  return FALSE;
}

static JsonArray *
read_array (Loader     *loader,
            JsonObject *object,
            const char *name)
{
  JsonNode *node = get_member (loader, object, name);
  gsize mark;

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_node_get_array (node);

  mark = path_push_member (loader, name);
  problem (loader, GLOSS_ERROR_INVALID, "must be an array, not %s", describe_node (node));
  path_pop (loader, mark);

  return NULL;
}

/* Element @index of @array as an object, or NULL after a problem (the path
 * already names the element). */
static JsonObject *
element_object (Loader    *loader,
                JsonArray *array,
                guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);

  problem (loader, GLOSS_ERROR_INVALID, "must be an object, not %s", describe_node (node));
  return NULL;
}

typedef struct
{
  Loader       *loader;
  GlossProject *project;
  GHashTable   *tags;          /* id → path (char*) */
  char         *digits[10];    /* path of the tag holding each digit */
  GHashTable   *documents;     /* id → path */
  GHashTable   *annotations;   /* id → path, every one seen, built or not */
  GHashTable   *relations;     /* id → path */
} Walk;

/* Remembers @id in @seen, or reports where it was seen first. */
static gboolean
claim_id (Walk       *walk,
          GHashTable *seen,
          const char *id,
          const char *what)
{
  const char *first = g_hash_table_lookup (seen, id);
  gsize mark;

  if (first == NULL)
    {
      g_hash_table_insert (seen, g_strdup (id), g_strdup (walk->loader->path->str));
      return TRUE;
    }

  mark = path_push_member (walk->loader, "id");
  problem (walk->loader, GLOSS_ERROR_INVALID, "the %s id “%s” is already used by %s",
           what, id, first);
  path_pop (walk->loader, mark);

  return FALSE;
}

static void
read_tag (Walk       *walk,
          JsonObject *object)
{
  Loader *loader = walk->loader;
  const char *id = NULL, *name = NULL, *color = NULL, *description = NULL;
  gint64 digit = -1;
  gboolean ok = TRUE;
  JsonNode *digit_node;
  g_autoptr(GlossTag) tag = NULL;

  ok &= read_id (loader, object, &id);
  if (id != NULL)
    ok &= claim_id (walk, walk->tags, id, "tag");
  ok &= read_string (loader, object, "name", REQUIRED, &name);
  ok &= read_string (loader, object, "color", REQUIRED, &color);
  if (color != NULL && !gloss_color_is_valid (color))
    {
      gsize mark = path_push_member (loader, "color");

      problem (loader, GLOSS_ERROR_INVALID, "“%s” is not a colour of the form #rrggbb", color);
      path_pop (loader, mark);
      ok = FALSE;
    }

  digit_node = get_member (loader, object, "digit");
  if (digit_node == NULL)
    ok = FALSE;
  else if (!JSON_NODE_HOLDS_NULL (digit_node))
    {
      gsize mark = path_push_member (loader, "digit");

      if (!JSON_NODE_HOLDS_VALUE (digit_node) ||
          json_node_get_value_type (digit_node) != G_TYPE_INT64 ||
          json_node_get_int (digit_node) < 0 || json_node_get_int (digit_node) > 9)
        {
          g_autofree char *shown = describe_value (digit_node);

          problem (loader, GLOSS_ERROR_INVALID,
                   "must be a digit from 0 to 9, or null for none, not %s", shown);
          ok = FALSE;
        }
      else if (walk->digits[(digit = json_node_get_int (digit_node))] != NULL)
        {
          problem (loader, GLOSS_ERROR_INVALID, "the digit %d is already used by %s",
                   (int) digit, walk->digits[digit]);
          ok = FALSE;
        }
      else
        walk->digits[digit] = g_strdup (loader->path->str);

      path_pop (loader, mark);
    }

  ok &= read_string (loader, object, "description", REQUIRED, &description);

  if (!ok)
    return;

  tag = gloss_tag_new (id, name, color, (int) digit);
  gloss_tag_set_description (tag, description);
  gloss_project_insert_tag (walk->project, tag);
}

static void
read_tags (Walk      *walk,
           JsonArray *tags)
{
  guint n = json_array_get_length (tags);
  gsize mark = path_push_member (walk->loader, "tags");

  for (guint i = 0; i < n; i++)
    {
      gsize item = path_push_index (walk->loader, i);
      JsonObject *object = element_object (walk->loader, tags, i);

      if (object != NULL)
        read_tag (walk, object);
      path_pop (walk->loader, item);
    }

  path_pop (walk->loader, mark);
}

static void
read_relation_types (Walk      *walk,
                     JsonArray *types)
{
  guint n = json_array_get_length (types);
  gsize mark = path_push_member (walk->loader, "relation_types");

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (types, i);
      gsize item = path_push_index (walk->loader, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        problem (walk->loader, GLOSS_ERROR_INVALID, "must be a string, not %s", describe_node (node));
      else if (*json_node_get_string (node) == '\0')
        problem (walk->loader, GLOSS_ERROR_INVALID, "must not be empty");
      else if (g_strv_contains (gloss_project_get_relation_types (walk->project),
                                json_node_get_string (node)))
        problem (walk->loader, GLOSS_ERROR_INVALID, "the relation type “%s” is listed twice",
                 json_node_get_string (node));
      else
        gloss_project_insert_relation_type (walk->project, json_node_get_string (node));

      path_pop (walk->loader, item);
    }

  path_pop (walk->loader, mark);
}

typedef struct
{
  Walk            *walk;
  GlossDocument   *document;
  GlossAnchorText *anchor_text;   /* built when the first annotation needs it */
} DocumentWalk;

static gboolean
read_annotation_tags (Walk        *walk,
                      JsonObject  *object,
                      GPtrArray   *out)
{
  Loader *loader = walk->loader;
  JsonArray *tags = read_array (loader, object, "tags");
  gboolean ok = TRUE;
  gsize mark;
  guint n;

  if (tags == NULL)
    return FALSE;

  mark = path_push_member (loader, "tags");
  n = json_array_get_length (tags);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (tags, i);
      gsize item = path_push_index (loader, i);
      const char *id;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          problem (loader, GLOSS_ERROR_INVALID, "must be a tag id (a string), not %s",
                   describe_node (node));
          ok = FALSE;
        }
      else if (!g_hash_table_contains (walk->tags, (id = json_node_get_string (node))))
        {
          problem (loader, GLOSS_ERROR_INVALID, "no tag has the id “%s”", id);
          ok = FALSE;
        }
      else if (g_ptr_array_find_with_equal_func (out, id, g_str_equal, NULL))
        {
          problem (loader, GLOSS_ERROR_INVALID, "the tag “%s” is listed twice", id);
          ok = FALSE;
        }
      else
        g_ptr_array_add (out, (gpointer) id);

      path_pop (loader, item);
    }
  path_pop (loader, mark);

  g_ptr_array_add (out, NULL);
  return ok;
}

static gboolean
read_attributes (Loader          *loader,
                 JsonObject      *object,
                 GlossAnnotation *annotation)
{
  JsonNode *node = get_member (loader, object, "attributes");
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  gboolean ok = TRUE;
  gsize mark;

  if (node == NULL)
    return FALSE;

  mark = path_push_member (loader, "attributes");
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (loader, GLOSS_ERROR_INVALID, "must be an object of strings, not %s",
               describe_node (node));
      path_pop (loader, mark);
      return FALSE;
    }

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &key, &value))
    {
      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
        {
          gloss_annotation_set_attribute (annotation, key, json_node_get_string (value));
          continue;
        }

      {
        gsize item = path_push_member (loader, key);

        problem (loader, GLOSS_ERROR_INVALID, "an attribute value must be a string, not %s",
                 describe_node (value));
        path_pop (loader, item);
        ok = FALSE;
      }
    }
  path_pop (loader, mark);

  return ok;
}

/* Puts @annotation where its quote is. The stored offsets win when the
 * text there is the quote; otherwise the anchoring finds it a new place
 * (moved) or none (orphaned, keeping what it quoted). Never dropped. */
static void
anchor_annotation (DocumentWalk    *dw,
                   GlossAnnotation *annotation,
                   const char      *quote,
                   const char      *prefix,
                   const char      *suffix,
                   GlossAnchorState stored_state)
{
  GlossDocument *document = dw->document;
  GlossOffset start = gloss_annotation_get_start (annotation);
  GlossOffset end = gloss_annotation_get_end (annotation);
  GlossAnchorSelector selector = { start, end, quote, prefix, suffix };
  GlossAnchorState state;
  GlossOffset new_start, new_end;

  gloss_annotation_set_state (annotation, stored_state);

  /* An orphan keeps what it quoted; it waits for the user, not for us. */
  if (stored_state == GLOSS_ANCHOR_ORPHANED)
    {
      gloss_annotation_set_selector (annotation, quote, prefix, suffix);
      gloss_document_add_annotation (document, annotation);
      return;
    }

  /* Adding takes quote, prefix and suffix from the text at the offsets:
   * the common case costs nothing more. */
  gloss_document_add_annotation (document, annotation);
  if (g_str_equal (gloss_annotation_get_quote (annotation), quote))
    {
      /* If the file's context said otherwise, the next save differs. */
      if (!g_str_equal (gloss_annotation_get_prefix (annotation), prefix) ||
          !g_str_equal (gloss_annotation_get_suffix (annotation), suffix))
        dw->walk->loader->repaired = TRUE;
      return;
    }
  gloss_document_remove_annotation (document, annotation);

  if (dw->anchor_text == NULL)
    dw->anchor_text = gloss_anchor_text_new (gloss_document_get_text (document),
                                             (gssize) gloss_document_get_text_size (document));

  state = gloss_anchor_locate (dw->anchor_text, &selector, &new_start, &new_end);
  if (state == GLOSS_ANCHOR_ANCHORED)
    {
      /* The offsets changed or the quote did not match where it said it
       * was: either way a person should look at it. */
      state = GLOSS_ANCHOR_MOVED;
    }

  gloss_annotation_set_bounds (annotation, new_start, new_end);
  gloss_annotation_set_state (annotation, state);
  if (state == GLOSS_ANCHOR_ORPHANED)
    gloss_annotation_set_selector (annotation, quote, prefix, suffix);
  gloss_document_add_annotation (document, annotation);

  dw->walk->loader->repaired = TRUE;
}

static void
read_annotation (DocumentWalk *dw,
                 JsonObject   *object)
{
  Walk *walk = dw->walk;
  Loader *loader = walk->loader;
  GlossOffset length = gloss_document_get_length (dw->document);
  const char *id = NULL, *quote = NULL, *prefix = NULL, *suffix = NULL;
  const char *note = NULL, *author = NULL, *state_name = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GlossAnnotation) annotation = NULL;
  GlossAnchorState state = GLOSS_ANCHOR_ANCHORED;
  gint64 start = -1, end = -1;
  gboolean ok = TRUE;

  ok &= read_id (loader, object, &id);
  if (id != NULL)
    ok &= claim_id (walk, walk->annotations, id, "annotation");
  ok &= read_count (loader, object, "start", G_MAXUINT32, &start);
  ok &= read_count (loader, object, "end", G_MAXUINT32, &end);
  ok &= read_string (loader, object, "quote", REQUIRED, &quote);
  ok &= read_string (loader, object, "prefix", REQUIRED, &prefix);
  ok &= read_string (loader, object, "suffix", REQUIRED, &suffix);
  ok &= read_annotation_tags (walk, object, tags);
  ok &= read_string (loader, object, "note", REQUIRED, &note);
  ok &= read_string (loader, object, "author", REQUIRED, &author);
  ok &= read_datetime (loader, object, "created", NULLABLE, &created);
  ok &= read_datetime (loader, object, "modified", NULLABLE, &modified);
  if (!read_string (loader, object, "state", REQUIRED, &state_name))
    ok = FALSE;
  else if (!gloss_anchor_state_from_string (state_name, &state))
    {
      gsize mark = path_push_member (loader, "state");

      problem (loader, GLOSS_ERROR_INVALID,
               "“%s” is not an anchor state (anchored, moved or orphaned)", state_name);
      path_pop (loader, mark);
      ok = FALSE;
    }

  if (start >= 0 && end >= 0)
    {
      /* Only an orphan in an empty text may be empty itself. */
      gboolean empty_allowed = state == GLOSS_ANCHOR_ORPHANED && length == 0;

      if (end > length)
        {
          gsize mark = path_push_member (loader, "end");

          problem (loader, GLOSS_ERROR_INVALID,
                   "%" G_GINT64_FORMAT " is beyond the end of the text (%u characters long)",
                   end, length);
          path_pop (loader, mark);
          ok = FALSE;
        }
      if (start > end || (start == end && !empty_allowed))
        {
          gsize mark = path_push_member (loader, "start");

          problem (loader, GLOSS_ERROR_INVALID,
                   "must be less than end (start is %" G_GINT64_FORMAT ", end is %" G_GINT64_FORMAT ")",
                   start, end);
          path_pop (loader, mark);
          ok = FALSE;
        }
    }

  annotation = gloss_annotation_new (id, 0, 0);
  ok &= read_attributes (loader, object, annotation);

  if (!ok)
    return;

  gloss_annotation_set_bounds (annotation, (GlossOffset) start, (GlossOffset) end);
  gloss_annotation_set_tags (annotation, (const char * const *) tags->pdata);
  gloss_annotation_set_note (annotation, note);
  gloss_annotation_set_author (annotation, author);
  gloss_annotation_set_created (annotation, created);
  gloss_annotation_set_modified (annotation, modified);

  anchor_annotation (dw, annotation, quote, prefix, suffix, state);
}

/* Without a text to check them against, an annotation's other problems
 * would only echo the text's; its id is still noted so that relations to
 * it do not add more. */
static void
claim_annotation_id (Walk       *walk,
                     JsonObject *object)
{
  JsonNode *id = json_object_get_member (object, "id");

  if (id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING &&
      !g_hash_table_contains (walk->annotations, json_node_get_string (id)))
    g_hash_table_insert (walk->annotations, g_strdup (json_node_get_string (id)),
                         g_strdup (walk->loader->path->str));
}

static gboolean
is_sha256 (const char *text)
{
  gsize i;

  for (i = 0; text[i] != '\0'; i++)
    if (!g_ascii_isdigit (text[i]) && !(text[i] >= 'a' && text[i] <= 'f'))
      return FALSE;

  return i == 64;
}

static void
read_document (Walk       *walk,
               JsonObject *object)
{
  Loader *loader = walk->loader;
  const char *id = NULL, *title = NULL, *source = NULL, *sha256 = NULL, *text = NULL;
  g_autoptr(GDateTime) imported = NULL;
  g_autoptr(GlossDocument) document = NULL;
  JsonArray *annotations;
  DocumentWalk dw = { walk, NULL, NULL };
  gboolean ok = TRUE;
  gsize mark;
  guint n;

  ok &= read_id (loader, object, &id);
  if (id != NULL)
    ok &= claim_id (walk, walk->documents, id, "document");
  ok &= read_string (loader, object, "title", REQUIRED, &title);
  ok &= read_string (loader, object, "source", REQUIRED, &source);
  ok &= read_datetime (loader, object, "imported", NULLABLE, &imported);
  if (!read_string (loader, object, "sha256", REQUIRED, &sha256))
    ok = FALSE;
  else if (!is_sha256 (sha256))
    {
      mark = path_push_member (loader, "sha256");
      problem (loader, GLOSS_ERROR_INVALID,
               "“%s” is not a SHA-256 (64 lower-case hexadecimal digits)", sha256);
      path_pop (loader, mark);
      ok = FALSE;
    }
  if (!read_string (loader, object, "text", REQUIRED, &text))
    ok = FALSE;
  else if (strlen (text) > GLOSS_MAX_DOCUMENT_SIZE)
    {
      mark = path_push_member (loader, "text");
      problem (loader, GLOSS_ERROR_TOO_LARGE,
               "the text is %" G_GSIZE_FORMAT " bytes; Gloss keeps documents of at most %d MB",
               strlen (text), GLOSS_MAX_DOCUMENT_SIZE / (1024 * 1024));
      path_pop (loader, mark);
      ok = FALSE;
    }

  annotations = read_array (loader, object, "annotations");

  document = gloss_document_new (id, title, text != NULL ? text : "");
  gloss_document_set_source (document, source);
  gloss_document_set_imported (document, imported);
  dw.document = document;

  if (annotations != NULL)
    {
      mark = path_push_member (loader, "annotations");
      n = json_array_get_length (annotations);
      for (guint i = 0; i < n; i++)
        {
          gsize item = path_push_index (loader, i);
          JsonObject *annotation = element_object (loader, annotations, i);

          if (annotation == NULL)
            ;
          else if (text != NULL)
            read_annotation (&dw, annotation);
          else
            claim_annotation_id (walk, annotation);
          path_pop (loader, item);
        }
      path_pop (loader, mark);
    }
  g_clear_pointer (&dw.anchor_text, gloss_anchor_text_free);

  if (!ok || annotations == NULL)
    return;

  /* The text is the truth: a digest that disagrees means someone edited
   * the text outside Gloss. The annotations were checked against the text
   * above; the next save writes the right digest. */
  if (!g_str_equal (sha256, gloss_document_get_sha256 (document)))
    {
      g_debug ("%s: %s: the text's SHA-256 differs from the one stored; using the text",
               loader->name, loader->path->str);
      loader->repaired = TRUE;
    }

  gloss_project_insert_document (walk->project, document);
}

static void
read_relation (Walk       *walk,
               JsonObject *object)
{
  Loader *loader = walk->loader;
  const char *id = NULL, *type = NULL, *from = NULL, *to = NULL, *note = NULL;
  g_autoptr(GlossRelation) relation = NULL;
  gboolean ok = TRUE;
  const char * const ends[] = { "from", "to" };
  const char **values[] = { &from, &to };

  ok &= read_id (loader, object, &id);
  if (id != NULL)
    ok &= claim_id (walk, walk->relations, id, "relation");
  if (!read_string (loader, object, "type", REQUIRED, &type))
    ok = FALSE;
  else if (*type == '\0')
    {
      gsize mark = path_push_member (loader, "type");

      problem (loader, GLOSS_ERROR_INVALID, "must not be empty");
      path_pop (loader, mark);
      ok = FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      if (!read_string (loader, object, ends[i], REQUIRED, values[i]))
        ok = FALSE;
      else if (!g_hash_table_contains (walk->annotations, *values[i]))
        {
          gsize mark = path_push_member (loader, ends[i]);

          problem (loader, GLOSS_ERROR_INVALID, "no annotation has the id “%s”", *values[i]);
          path_pop (loader, mark);
          ok = FALSE;
        }
    }

  ok &= read_string (loader, object, "note", REQUIRED, &note);

  if (!ok)
    return;

  relation = gloss_relation_new (id, type, from, to);
  gloss_relation_set_note (relation, note);
  gloss_project_insert_relation (walk->project, relation);
}

static void
read_list (Walk       *walk,
           JsonArray  *array,
           const char *name,
           void      (*read_item) (Walk *, JsonObject *))
{
  guint n = json_array_get_length (array);
  gsize mark = path_push_member (walk->loader, name);

  for (guint i = 0; i < n; i++)
    {
      gsize item = path_push_index (walk->loader, i);
      JsonObject *object = element_object (walk->loader, array, i);

      if (object != NULL)
        read_item (walk, object);
      path_pop (walk->loader, item);
    }

  path_pop (walk->loader, mark);
}

/* "format" and "version" decide whether to read on at all. */
static gboolean
check_format (Loader     *loader,
              JsonObject *root)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");
  gint64 number;

  if (format == NULL)
    {
      problem (loader, GLOSS_ERROR_INVALID,
               "not a Gloss project: the member “format” is missing");
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (format) || json_node_get_value_type (format) != G_TYPE_STRING ||
      !g_str_equal (json_node_get_string (format), GLOSS_FORMAT_NAME))
    {
      if (JSON_NODE_HOLDS_VALUE (format) && json_node_get_value_type (format) == G_TYPE_STRING)
        problem (loader, GLOSS_ERROR_INVALID,
                 "not a Gloss project: its format is “%s”, not “%s”",
                 json_node_get_string (format), GLOSS_FORMAT_NAME);
      else
        problem (loader, GLOSS_ERROR_INVALID,
                 "not a Gloss project: its format is %s, not the string “%s”",
                 describe_node (format), GLOSS_FORMAT_NAME);
      return FALSE;
    }

  if (version == NULL)
    {
      problem (loader, GLOSS_ERROR_INVALID, "the member “version” is missing");
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      problem (loader, GLOSS_ERROR_INVALID, "version: must be a whole number, not %s",
               describe_node (version));
      return FALSE;
    }

  number = json_node_get_int (version);
  if (number > GLOSS_FORMAT_VERSION)
    {
      problem (loader, GLOSS_ERROR_VERSION,
               "was written by a newer Gloss (format version %" G_GINT64_FORMAT "); "
               "this Gloss reads version %d. Open it with a newer Gloss.",
               number, GLOSS_FORMAT_VERSION);
      return FALSE;
    }
  if (number < 1)
    {
      problem (loader, GLOSS_ERROR_INVALID,
               "version: %" G_GINT64_FORMAT " is not a format version (they start at 1)", number);
      return FALSE;
    }

  return TRUE;
}

static GlossProject *
walk_project (Loader   *loader,
              JsonNode *root_node)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  JsonObject *root;
  JsonArray *tags, *relation_types, *documents, *relations;
  const char *title = NULL;
  Walk walk = { 0 };

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      problem (loader, GLOSS_ERROR_INVALID,
               "not a Gloss project: the file holds %s, not an object", describe_node (root_node));
      return NULL;
    }

  root = json_node_get_object (root_node);
  if (!check_format (loader, root))
    return NULL;

  project = gloss_project_new_empty ();
  walk.loader = loader;
  walk.project = project;
  walk.tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  walk.documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  walk.annotations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  walk.relations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (read_string (loader, root, "title", REQUIRED, &title))
    gloss_project_set_title_raw (project, title);
  if (read_datetime (loader, root, "created", REQUIRED, &created))
    gloss_project_set_created (project, created);
  if (read_datetime (loader, root, "modified", REQUIRED, &modified))
    gloss_project_set_modified (project, modified);

  /* Tags first: annotations name them. Relations last: they name
   * annotations. */
  if ((tags = read_array (loader, root, "tags")) != NULL)
    read_tags (&walk, tags);
  if ((relation_types = read_array (loader, root, "relation_types")) != NULL)
    read_relation_types (&walk, relation_types);
  if ((documents = read_array (loader, root, "documents")) != NULL)
    read_list (&walk, documents, "documents", read_document);
  if ((relations = read_array (loader, root, "relations")) != NULL)
    read_list (&walk, relations, "relations", read_relation);

  g_hash_table_unref (walk.tags);
  g_hash_table_unref (walk.documents);
  g_hash_table_unref (walk.annotations);
  g_hash_table_unref (walk.relations);
  for (guint i = 0; i < G_N_ELEMENTS (walk.digits); i++)
    g_free (walk.digits[i]);

  return g_steal_pointer (&project);
}

/* ---- Entry points ---- */

static GlossProject *
load (Loader     *loader,
      GBytes     *bytes)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gsize bom = 0;

  if (data == NULL)
    data = "";

  if (!check_bytes (loader, data, size))
    return NULL;

  /* Gloss never writes a byte order mark, but editors on some systems add
   * one to UTF-8; it carries no meaning (RFC 8259 §8.1 lets readers skip
   * it). */
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    bom = 3;

  if (!scan_json (loader, data + bom, size - bom))
    {
      /* Positions in messages count from the start of the file. */
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data + bom, (gssize) (size - bom), &parse_error))
    {
      /* The scan accepts only what json-glib reads; say what it said. */
      problem (loader, GLOSS_ERROR_PARSE, "%s", parse_error->message);
      return NULL;
    }

  return walk_project (loader, json_parser_get_root (parser));
}

GlossProject *
gloss_project_load_bytes (GBytes     *bytes,
                          const char *display_name,
                          GPtrArray  *problems,
                          GError    **error)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GPtrArray) own_problems = NULL;
  g_autoptr(GString) path = g_string_new (NULL);
  Loader loader = { 0 };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems == NULL)
    problems = own_problems = g_ptr_array_new_with_free_func (g_free);

  loader.name = display_name != NULL ? display_name : "project";
  loader.problems = problems;
  loader.path = path;

  project = load (&loader, bytes);

  if (loader.n_problems > 0)
    {
      g_autofree char *first = g_steal_pointer (&loader.first_message);
      guint more = loader.n_problems - 1;

      if (loader.n_problems > MAX_LISTED_PROBLEMS)
        g_ptr_array_add (problems,
                         g_strdup_printf ("%s: … and %u more problems not listed",
                                          loader.name, loader.n_problems - MAX_LISTED_PROBLEMS));

      if (more == 0)
        g_set_error_literal (error, GLOSS_ERROR, loader.first_code, first);
      else
        g_set_error (error, GLOSS_ERROR, loader.first_code,
                     "%s (and %u more problem%s)", first, more, more == 1 ? "" : "s");
      return NULL;
    }

  if (loader.repaired)
    _gloss_project_mark_unsaved (project);

  return g_steal_pointer (&project);
}

GlossProject *
gloss_project_load (GFile   *file,
                    GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_basename (file);
  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_free (name);
      name = g_file_get_parse_name (file);
    }

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, "%s: no such file", name);
      else
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO, "%s: could not be read: %s",
                     name, local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO, "%s: is a folder, not a project file", name);
      return NULL;
    }

  /* Refuse before reading half a gigabyte into memory. */
  if (g_file_info_get_size (info) > GLOSS_MAX_PROJECT_FILE_SIZE)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   "%s: the file is %" G_GOFFSET_FORMAT " bytes; Gloss opens project files of at most %d MB",
                   name, g_file_info_get_size (info), GLOSS_MAX_PROJECT_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO, "%s: could not be read: %s",
                   name, local_error->message);
      return NULL;
    }

  bytes = g_bytes_new_take (contents, length);
  return gloss_project_load_bytes (bytes, name, NULL, error);
}
