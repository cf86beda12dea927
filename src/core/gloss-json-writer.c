/* gloss-json-writer.c — pretty, stable JSON written straight into a GString
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "gloss-json-reader.h"
#include "gloss-json-writer.h"
#include "gloss-timestamp.h"
#include "gloss-utf8-private.h"

#define MAX_DEPTH 64

struct _GlossJsonWriter
{
  GString *out;
  guint    depth;
  /* Per level: has a value been written yet (for commas)? */
  gboolean has_items[MAX_DEPTH];
  /* A member name was just written: the value follows on the same line. */
  gboolean after_name;

  /* The last timestamp written, as seconds since 1970 and microseconds,
   * and its text: annotations made together share one, and formatting
   * is most of what writing an annotation costs. */
  gboolean has_time;
  gint64   time_seconds;
  int      time_usec;
  char     time_text[32];
};

/* g_string_append_len() without the call into GLib when the buffer has
 * room, which it nearly always has (it is sized for the whole project):
 * GLib 2.74 does not inline it, and saving appends millions of pieces.
 * It stays because it pays: serialising the benchmark's medium project
 * took 355 M instructions through g_string_append_len () and 276 M with
 * this (callgrind, 2026-12-07). */
static inline void
append_len (GString    *out,
            const char *data,
            gsize       length)
{
  if (out->len + length < out->allocated_len)
    {
      memcpy (out->str + out->len, data, length);
      out->len += length;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, data, (gssize) length);
}

GlossJsonWriter *
gloss_json_writer_new (gsize size_hint)
{
  GlossJsonWriter *self = g_new0 (GlossJsonWriter, 1);

  self->out = g_string_sized_new (MAX (size_hint, 256));
  gloss_json_advise_huge_pages (self->out->str, self->out->allocated_len);

  return self;
}

void
gloss_json_writer_free (GlossJsonWriter *self)
{
  if (self == NULL)
    return;

  if (self->out != NULL)
    g_string_free (self->out, TRUE);
  g_free (self);
}

GBytes *
gloss_json_writer_finish (GlossJsonWriter *self)
{
  GString *out = g_steal_pointer (&self->out);

  g_string_append_c (out, '\n');
  gloss_json_writer_free (self);

  return g_string_free_to_bytes (out);
}

static void
newline_indent (GlossJsonWriter *self)
{
  static const char spaces[] = "\n                                                                ";
  gsize wanted = 1 + 2 * (gsize) self->depth;

  if (wanted < sizeof spaces)
    append_len (self->out, spaces, wanted);
  else
    {
      g_string_append_c (self->out, '\n');
      for (guint i = 0; i < self->depth; i++)
        append_len (self->out, "  ", 2);
    }
}

/* Everything before a value: a comma and a new line inside a container,
 * nothing after a member name or at the top. */
static void
before_value (GlossJsonWriter *self)
{
  if (self->after_name)
    {
      self->after_name = FALSE;
      return;
    }

  if (self->depth == 0)
    return;

  if (self->has_items[self->depth])
    g_string_append_c (self->out, ',');
  self->has_items[self->depth] = TRUE;
  newline_indent (self);
}

static inline gboolean
byte_needs_escape (guchar c)
{
  return c < 0x20 || c == '"' || c == '\\';
}

static void
append_escaped (GString    *out,
                const char *value)
{
  const char *p = value;
  const char *end;
  const char *run = value;

  /* Short strings (member names, ids, tag ids, timestamps) in one pass,
   * byte by byte; the length of longer ones is taken first, and then they
   * go eight bytes at a time. */
  while (p < value + 32 && !byte_needs_escape ((guchar) *p))
    p++;
  end = *p == '\0' ? p : p + strlen (p);

  g_string_append_c (out, '"');
  for (;;)
    {
      guchar c;
      const char *escape = NULL;
      char unicode[8];

      /* Runs of plain bytes, eight at a time, then one by one. */
      while (end - p >= 8)
        {
          if (gloss_utf8_word_needs_json_escape (gloss_utf8_load_word (p)))
            break;
          p += 8;
        }
      while (p < end && !byte_needs_escape ((guchar) *p))
        p++;
      if (p >= end)
        break;

      c = (guchar) *p;
      append_len (out, run, (gsize) (p - run));
      p++;
      run = p;

      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default:
          {
            static const char hex[] = "0123456789abcdef";

            memcpy (unicode, "\\u00", 4);
            unicode[4] = hex[c >> 4];
            unicode[5] = hex[c & 0xF];
            unicode[6] = '\0';
            escape = unicode;
          }
          break;
        }

      append_len (out, escape, strlen (escape));
    }
  append_len (out, run, (gsize) (p - run));
  g_string_append_c (out, '"');
}

/* A member name with no value after it is a programming error; the file
 * still gets a value (null), so that it stays JSON that loads. */
static void
close_dangling_member (GlossJsonWriter *self)
{
  if (!self->after_name)
    return;

  g_critical ("gloss_json_writer_member () without a value");
  self->after_name = FALSE;
  append_len (self->out, "null", 4);
}

static void
open_container (GlossJsonWriter *self,
                char             bracket)
{
  before_value (self);
  g_string_append_c (self->out, bracket);
  g_return_if_fail (self->depth + 1 < MAX_DEPTH);
  self->depth++;
  self->has_items[self->depth] = FALSE;
}

static void
close_container (GlossJsonWriter *self,
                 char             bracket)
{
  gboolean had_items;

  close_dangling_member (self);
  g_return_if_fail (self->depth > 0);

  had_items = self->has_items[self->depth];
  self->depth--;
  if (had_items)
    newline_indent (self);
  g_string_append_c (self->out, bracket);
}

void
gloss_json_writer_begin_object (GlossJsonWriter *self)
{
  open_container (self, '{');
}

void
gloss_json_writer_end_object (GlossJsonWriter *self)
{
  close_container (self, '}');
}

void
gloss_json_writer_begin_array (GlossJsonWriter *self)
{
  open_container (self, '[');
}

void
gloss_json_writer_end_array (GlossJsonWriter *self)
{
  close_container (self, ']');
}

void
gloss_json_writer_member (GlossJsonWriter *self,
                          const char      *name)
{
  close_dangling_member (self);
  before_value (self);
  append_escaped (self->out, name);
  append_len (self->out, ": ", 2);
  self->after_name = TRUE;
}

void
gloss_json_writer_string (GlossJsonWriter *self,
                          const char      *value)
{
  if (value == NULL)
    {
      gloss_json_writer_null (self);
      return;
    }

  before_value (self);
  /* A file is written only if it can be read back: bytes that are not
   * UTF-8 (a file name in Latin-1, say) become U+FFFD instead of making
   * the whole file unreadable. */
  if (G_UNLIKELY (!g_utf8_validate (value, -1, NULL)))
    {
      g_autofree char *valid = g_utf8_make_valid (value, -1);

      append_escaped (self->out, valid);
      return;
    }
  append_escaped (self->out, value);
}

void
gloss_json_writer_double (GlossJsonWriter *self,
                          double           value,
                          guint            decimals)
{
  char format[16];
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (isfinite (value));

  before_value (self);
  g_snprintf (format, sizeof format, "%%.%uf", MIN (decimals, 17u));
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  append_len (self->out, buffer, strlen (buffer));
}

void
gloss_json_writer_int (GlossJsonWriter *self,
                       gint64           value)
{
  char digits[24];
  char *p = digits + sizeof digits;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  before_value (self);

  /* Not printf: most of a project's numbers are offsets. */
  do
    {
      *--p = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0);
  if (value < 0)
    *--p = '-';
  append_len (self->out, p, (gsize) (digits + sizeof digits - p));
}

void
gloss_json_writer_boolean (GlossJsonWriter *self,
                           gboolean         value)
{
  before_value (self);
  append_len (self->out, value ? "true" : "false", value ? 4 : 5);
}

void
gloss_json_writer_null (GlossJsonWriter *self)
{
  before_value (self);
  append_len (self->out, "null", 4);
}

void
gloss_json_writer_string_member (GlossJsonWriter *self,
                                 const char      *name,
                                 const char      *value)
{
  gloss_json_writer_member (self, name);
  gloss_json_writer_string (self, value);
}

void
gloss_json_writer_int_member (GlossJsonWriter *self,
                              const char      *name,
                              gint64           value)
{
  gloss_json_writer_member (self, name);
  gloss_json_writer_int (self, value);
}

void
gloss_json_writer_datetime_member (GlossJsonWriter *self,
                                   const char      *name,
                                   GDateTime       *value)
{
  gint64 seconds;
  int usec;

  gloss_json_writer_member (self, name);

  if (value == NULL)
    {
      gloss_json_writer_null (self);
      return;
    }

  /* The instant does not depend on the time zone, nor do the
   * microseconds (zones are whole seconds apart). */
  seconds = g_date_time_to_unix (value);
  usec = g_date_time_get_microsecond (value);
  if (!self->has_time || seconds != self->time_seconds || usec != self->time_usec)
    {
      /* False for a time with no UTC form (year 1 at +05:00, say); loading
       * refuses them, so only a programming error gets here. */
      self->has_time = gloss_timestamp_format (seconds, usec, self->time_text);
      if (!self->has_time)
        {
          g_critical ("%s: %s has no UTC form of four digits", G_STRFUNC, name);
          gloss_json_writer_null (self);
          return;
        }
      self->time_seconds = seconds;
      self->time_usec = usec;
    }

  before_value (self);
  g_string_append_c (self->out, '"');
  append_len (self->out, self->time_text, 27);
  g_string_append_c (self->out, '"');
}
