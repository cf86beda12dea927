/* gloss-json-writer.c — pretty, stable JSON written straight into a GString
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-json-writer.h"

#define MAX_DEPTH 64

struct _GlossJsonWriter
{
  GString *out;
  guint    depth;
  /* Per level: has a value been written yet (for commas)? */
  gboolean has_items[MAX_DEPTH];
  /* A member name was just written: the value follows on the same line. */
  gboolean after_name;
};

GlossJsonWriter *
gloss_json_writer_new (gsize size_hint)
{
  GlossJsonWriter *self = g_new0 (GlossJsonWriter, 1);

  self->out = g_string_sized_new (MAX (size_hint, 256));

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
  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < self->depth; i++)
    g_string_append (self->out, "  ");
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

static void
append_escaped (GString    *out,
                const char *value)
{
  const char *p = value;
  const char *run = value;

  g_string_append_c (out, '"');
  for (; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      const char *escape = NULL;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;

      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default: break;
        }

      if (escape != NULL)
        g_string_append (out, escape);
      else
        g_string_append_printf (out, "\\u%04x", c);
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
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
  before_value (self);
  append_escaped (self->out, name);
  g_string_append (self->out, ": ");
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
  append_escaped (self->out, value);
}

void
gloss_json_writer_int (GlossJsonWriter *self,
                       gint64           value)
{
  before_value (self);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

void
gloss_json_writer_boolean (GlossJsonWriter *self,
                           gboolean         value)
{
  before_value (self);
  g_string_append (self->out, value ? "true" : "false");
}

void
gloss_json_writer_null (GlossJsonWriter *self)
{
  before_value (self);
  g_string_append (self->out, "null");
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
  gloss_json_writer_member (self, name);

  if (value == NULL)
    gloss_json_writer_null (self);
  else
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (value);
      g_autofree char *text = NULL;

      /* Not g_date_time_format(): its %Y does not pad years before 1000,
       * which ISO 8601 readers (GLib's included) then refuse. */
      g_return_if_fail (utc != NULL);
      text = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%06dZ",
                              g_date_time_get_year (utc),
                              g_date_time_get_month (utc),
                              g_date_time_get_day_of_month (utc),
                              g_date_time_get_hour (utc),
                              g_date_time_get_minute (utc),
                              g_date_time_get_second (utc),
                              g_date_time_get_microsecond (utc));

      gloss_json_writer_string (self, text);
    }
}
