/* gloss-project-scan.c — the strict reading of a .gloss file's bytes
 *
 * 1. the bytes: the size limit, a UTF-16 byte order mark, valid UTF-8;
 * 2. a strict RFC 8259 scan without recursion, building Gloss's compact
 *    tree (gloss-json-reader.h) as it goes. This is why the project file
 *    does not go through json-glib (docs/decisions/json.md), which 1.6 is
 *    lenient where a project file must not be: it wraps integers too large for 64
 *    bits (99999999999999999999 reads as -1), ignores text after the
 *    value, accepts comments, single quotes and hex numbers, cuts strings at
 *    \u0000, keeps the last of two members with one name, and recurses once
 *    per nesting level, so ~100,000 levels overflow the stack. The scan
 *    refuses all of that with a line:column and bounds the depth. It knows
 *    JSON only, nothing of what a project holds: the loader counts the
 *    annotations before it builds anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "gloss-json-builder-private.h"
#include "gloss-json-reader.h"
#include "gloss-project-scan.h"
#include "gloss-utf8-private.h"
#include "gloss-utf8.h"

/* Compiler style, so that editors can jump there: file:line:column: what. */
static void G_GNUC_PRINTF (6, 0)
error_at_valist (GError     **error,
                 const char  *name,
                 GlossError   code,
                 const char  *data,
                 gsize        offset,
                 const char  *format,
                 va_list      args)
{
  g_autofree char *what = g_strdup_vprintf (format, args);
  guint line, column;

  gloss_utf8_line_column (data, offset, &line, &column);
  g_set_error (error, GLOSS_ERROR, code, "%s:%u:%u: %s", name, line, column, what);
}

static void G_GNUC_PRINTF (6, 7)
error_at (GError     **error,
          const char  *name,
          GlossError   code,
          const char  *data,
          gsize        offset,
          const char  *format,
          ...)
{
  va_list args;

  va_start (args, format);
  error_at_valist (error, name, code, data, offset, format, args);
  va_end (args);
}

/* ---- Pass 1: bytes ---- */

static gboolean
check_bytes (const char  *name,
             const char  *data,
             gsize        size,
             GError     **error)
{
  const char *end = NULL;

  if (size > GLOSS_MAX_PROJECT_FILE_SIZE)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   _("%s: the file is %zu bytes; Gloss opens project files of at most %d MB"),
                   name, size, GLOSS_MAX_PROJECT_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }

  if (size >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                    ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING,
                   _("%s: the file is in UTF-16; Gloss project files are UTF-8"), name);
      return FALSE;
    }

  if (!gloss_utf8_validate (data, size, &end))
    {
      gsize offset = (gsize) (end - data);

      if (*end == '\0')
        error_at (error, name, GLOSS_ERROR_ENCODING, data, offset,
                    _("a NUL byte (byte offset %zu); a project file is UTF-8 text"),
                    offset);
      else
        error_at (error, name, GLOSS_ERROR_ENCODING, data, offset,
                    _("invalid UTF-8 (byte 0x%02X at byte offset %zu)"),
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
  Span       *keys;        /* member names of the open object */
  guint       n_keys;
  guint       keys_size;
  GHashTable *key_set;     /* the same, once there are many */
} Level;

typedef struct
{
  const char *name;
  GError    **error;
  const char *data;
  gsize       size;
  gsize       pos;

  char        stack[GLOSS_MAX_JSON_DEPTH];  /* '{' or '[' per open container */
  Level       levels[GLOSS_MAX_JSON_DEPTH];
  guint       depth;

  GPtrArray  *decoded;     /* member names that had escapes, decoded */

  /* When building: the tree, and @data again, writable (strings are
   * terminated in place). */
  GlossJsonBuilder *builder;
  char             *writable;
} Scanner;

static void G_GNUC_PRINTF (4, 5)
scan_error (Scanner    *s,
            GlossError  code,
            gsize       offset,
            const char *format,
            ...)
{
  va_list args;

  va_start (args, format);
  error_at_valist (s->error, s->name, code, s->data, offset, format, args);
  va_end (args);
}

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

/* Bytes that end a run of plain string content: the quote, the
 * backslash and the control characters. */
static inline gboolean
is_special (guchar c)
{
  return c < 0x20 || c == '"' || c == '\\';
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
          scan_error (s, GLOSS_ERROR_PARSE, s->pos,
                      _("a control character (U+%04X) inside a string; it must be written as an escape"),
                      c);
          return FALSE;
        }

      if (c != '\\')
        {
          s->pos++;
          /* The bulk of a file: plain bytes, eight at a time. */
          while (s->size - s->pos >= 8 &&
                 !gloss_utf8_word_needs_json_escape (gloss_utf8_load_word (s->data + s->pos)))
            s->pos += 8;
          while (s->pos < s->size && !is_special ((guchar) s->data[s->pos]))
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
                scan_error (s, GLOSS_ERROR_PARSE, s->pos,
                            _("\\u must be followed by four hexadecimal digits"));
                return FALSE;
              }
            if (unit == 0)
              {
                scan_error (s, GLOSS_ERROR_PARSE, s->pos,
                            _("a NUL character (\\u0000) inside a string, which Gloss cannot keep"));
                return FALSE;
              }
            if (unit >= 0xDC00 && unit <= 0xDFFF)
              {
                scan_error (s, GLOSS_ERROR_PARSE, s->pos,
                            _("\\u%04X is the second half of a surrogate pair without the first"),
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
                    scan_error (s, GLOSS_ERROR_PARSE, s->pos,
                                _("\\u%04X is the first half of a surrogate pair without the second"),
                                unit);
                    return FALSE;
                  }
                s->pos += 6;
              }
            s->pos += 6;
          }
          break;

        default:
          scan_error (s, GLOSS_ERROR_PARSE, s->pos,
                      _("“\\%c” is not an escape JSON knows (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"),
                      s->data[s->pos + 1]);
          return FALSE;
        }
    }

  scan_error (s, GLOSS_ERROR_PARSE, start,
              _("this string is never closed (the file ends inside it)"));
  return FALSE;
}

static gboolean
span_equal (const Span *a,
            const char *b,
            gsize       length)
{
  return a->length == length && memcmp (a->start, b, length) == 0;
}

/* Records a member name of the open object; FALSE if it was already there. */
static gboolean
level_add_key (Level *level,
               Span   key)
{
  if (level->key_set == NULL)
    {
      for (guint i = 0; i < level->n_keys; i++)
        if (span_equal (&level->keys[i], key.start, key.length))
          return FALSE;

      if (level->n_keys + 1 > MANY_KEYS)
        {
          level->key_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          for (guint i = 0; i < level->n_keys; i++)
            {
              Span *k = &level->keys[i];

              g_hash_table_add (level->key_set, g_strndup (k->start, k->length));
            }
        }
    }

  if (level->key_set != NULL &&
      !g_hash_table_add (level->key_set, g_strndup (key.start, key.length)))
    return FALSE;

  if (level->n_keys == level->keys_size)
    {
      level->keys_size = MAX (16, level->keys_size * 2);
      level->keys = g_renew (Span, level->keys, level->keys_size);
    }
  level->keys[level->n_keys++] = key;
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
          scan_error (s, GLOSS_ERROR_PARSE, start,
                      _("a number with a leading zero; JSON does not allow them"));
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
      scan_error (s, GLOSS_ERROR_PARSE, start,
                  _("“-” must be followed by digits"));
      return FALSE;
    }

  if (s->pos < n && p[s->pos] == '.')
    {
      integral = FALSE;
      s->pos++;
      if (s->pos >= n || !g_ascii_isdigit (p[s->pos]))
        {
          scan_error (s, GLOSS_ERROR_PARSE, start,
                      _("a decimal point must be followed by digits"));
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
          scan_error (s, GLOSS_ERROR_PARSE, start,
                      _("an exponent must have digits"));
          return FALSE;
        }
      while (s->pos < n && g_ascii_isdigit (p[s->pos]))
        s->pos++;
    }

  /* Short integers always fit; the rest are checked the slow way. */
  if (integral && s->pos - start <= 18)
    {
      if (s->builder != NULL)
        gloss_json_builder_number (s->builder, p + start, s->pos - start, TRUE);
      return TRUE;
    }

  text = g_strndup (p + start, s->pos - start);
  errno = 0;
  if (integral)
    (void) g_ascii_strtoll (text, NULL, 10);
  else
    {
      /* Underflow (1e-400) reads as 0 and is harmless; overflow is not. */
      double value = g_ascii_strtod (text, NULL);

      errno = isfinite (value) ? 0 : ERANGE;
    }

  if (errno == ERANGE)
    {
      scan_error (s, GLOSS_ERROR_PARSE, start,
                  _("the number %s is too large to read"), text);
      return FALSE;
    }

  if (s->builder != NULL)
    gloss_json_builder_number (s->builder, p + start, s->pos - start, integral);
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
      scan_error (s, GLOSS_ERROR_PARSE, s->pos,
                  _("the file ends too early (it may be cut short): expected %s"), expected);
      return;
    }

  {
    gunichar c = g_utf8_get_char (s->data + s->pos);
    char shown[8] = { 0 };

    g_unichar_to_utf8 (c, shown);
    scan_error (s, GLOSS_ERROR_PARSE, s->pos,
                _("unexpected “%s”: expected %s"), c >= 0x20 ? shown : "?", expected);
  }
}

static gboolean
open_container (Scanner *s,
                char     bracket)
{
  if (s->depth >= GLOSS_MAX_JSON_DEPTH)
    {
      scan_error (s, GLOSS_ERROR_TOO_LARGE, s->pos,
                  _("nested deeper than %d levels; a Gloss project never is"),
                  GLOSS_MAX_JSON_DEPTH);
      return FALSE;
    }

  s->stack[s->depth] = bracket;
  if (s->builder != NULL)
    gloss_json_builder_begin (s->builder, bracket == '{' ? GLOSS_JSON_OBJECT : GLOSS_JSON_ARRAY);
  s->levels[s->depth].n_keys = 0;
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
      unexpected (s, _("a member name in double quotes"));
      return FALSE;
    }

  start = s->pos;
  if (!scan_string (s, &has_escapes))
    return FALSE;

  key.start = s->data + start + 1;
  key.length = s->pos - start - 2;
  if (s->builder != NULL)
    {
      /* The tree keeps the name decoded; the checks use that copy. */
      key.start = gloss_json_builder_member (s->builder, s->writable + start + 1,
                                             key.length, has_escapes);
      if (has_escapes)
        key.length = strlen (key.start);
    }
  else if (has_escapes)
    {
      char *decoded = g_malloc (key.length + 1);

      key.length = gloss_json_decode_string (key.start, key.length, decoded);
      key.start = decoded;
      g_ptr_array_add (s->decoded, decoded);
    }

  if (!level_add_key (&s->levels[s->depth - 1], key))
    {
      g_autofree char *name = g_strndup (key.start, key.length);

      scan_error (s, GLOSS_ERROR_PARSE, start,
                  _("the member “%s” appears twice in one object"), name);
      return FALSE;
    }

  skip_space (s);
  if (s->pos >= s->size || s->data[s->pos] != ':')
    {
      unexpected (s, _("“:” after the member name"));
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
              unexpected (s, _("a value"));
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
                  if (s->builder != NULL)
                    gloss_json_builder_end (s->builder);
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
              gsize start = s->pos;
              gboolean has_escapes;

              if (!scan_string (s, &has_escapes))
                return FALSE;
              if (s->builder != NULL)
                gloss_json_builder_string (s->builder, s->writable + start + 1,
                                           s->pos - start - 2, has_escapes);
            }
          else if (c == '-' || g_ascii_isdigit (c))
            {
              if (!scan_number (s))
                return FALSE;
            }
          else if (scan_literal (s, "true"))
            {
              if (s->builder != NULL)
                gloss_json_builder_boolean (s->builder, TRUE);
            }
          else if (scan_literal (s, "false"))
            {
              if (s->builder != NULL)
                gloss_json_builder_boolean (s->builder, FALSE);
            }
          else if (scan_literal (s, "null"))
            {
              if (s->builder != NULL)
                gloss_json_builder_null (s->builder);
            }
          else
            {
              unexpected (s, _("a value (a string, a number, an object, an array, true, false or null)"));
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
              unexpected (s, _("nothing after the end of the JSON value"));
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
          if (s->builder != NULL)
            gloss_json_builder_end (s->builder);
          s->depth--;
          s->pos++;
          continue;
        }

      unexpected (s, s->stack[s->depth - 1] == '{' ? _("“,” or “}”") : _("“,” or “]”"));
      return FALSE;
    }
}

static gboolean
scan (const char        *name,
      const char        *data,
      char              *writable,
      gsize              size,
      gsize             *json_start,
      GlossJsonBuilder  *builder,
      GError           **error)
{
  Scanner s = { 0 };
  gsize bom = 0;
  gboolean ok;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_bytes (name, data, size, error))
    return FALSE;

  /* Gloss never writes a byte order mark, but editors on some systems add
   * one to UTF-8; it carries no meaning (RFC 8259 §8.1 lets readers skip
   * it). Lines and columns count from after it, as editors do. */
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    bom = 3;
  *json_start = bom;

  s.name = name;
  s.error = error;
  s.data = data + bom;
  s.size = size - bom;
  s.decoded = g_ptr_array_new_with_free_func (g_free);
  s.builder = builder;
  s.writable = writable != NULL ? writable + bom : NULL;

  skip_space (&s);
  if (s.pos >= s.size)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE,
                   s.size == 0 ? _("%s: the file is empty") : _("%s: the file holds only white space"),
                   name);
      ok = FALSE;
    }
  else
    ok = scan_document (&s);

  for (guint i = 0; i < G_N_ELEMENTS (s.levels); i++)
    {
      g_free (s.levels[i].keys);
      g_clear_pointer (&s.levels[i].key_set, g_hash_table_unref);
    }
  g_ptr_array_unref (s.decoded);

  return ok;
}

gboolean
_gloss_project_scan (const char  *name,
                     const char  *data,
                     gsize        size,
                     gsize       *json_start,
                     GError     **error)
{
  return scan (name, data, NULL, size, json_start, NULL, error);
}

gboolean
_gloss_project_parse (const char        *name,
                      char              *data,
                      gsize              size,
                      GlossJsonBuilder  *builder,
                      GError           **error)
{
  gsize json_start;

  g_return_val_if_fail (builder != NULL, FALSE);

  return scan (name, data, data, size, &json_start, builder, error);
}
