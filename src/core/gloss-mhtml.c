/* gloss-mhtml.c — the HTML part of an MHTML archive (RFC 2557)
 *
 * Browsers save a page with its resources as one MIME message:
 * multipart/related, the page itself usually first, each part in
 * quoted-printable or base64. Gloss needs the page only: the part named
 * by the message's Snapshot-Content-Location (Chrome) or its start
 * parameter, else the first text/html part. A hand-written reader, not
 * GMime: docs/web-import.md compares them. An archive without its closing
 * boundary was cut short, and is refused rather than half imported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-page-private.h"

typedef struct {
  GHashTable *headers;   /* lower-case name → unfolded value (first one wins) */
  const char *body;
  gsize       body_size;
} MimeEntity;

static void
mime_entity_clear (MimeEntity *entity)
{
  g_clear_pointer (&entity->headers, g_hash_table_unref);
}

/* The end of the line at @p (before its CR LF or LF) and where the next begins. */
static const char *
line_end (const char  *p,
          const char  *end,
          const char **next)
{
  const char *newline = memchr (p, '\n', end - p);

  if (newline == NULL)
    {
      *next = end;
      return end;
    }
  *next = newline + 1;
  return (newline > p && newline[-1] == '\r') ? newline - 1 : newline;
}

/* Reads the header block at @data; the body follows the first empty line.
 * FALSE when there is no empty line at all. */
static gboolean
read_entity (const char *data,
             gsize       size,
             MimeEntity *entity)
{
  const char *p = data;
  const char *end = data + size;
  GString *name = NULL;
  GString *value = NULL;

  entity->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  while (p < end)
    {
      const char *next;
      const char *stop = line_end (p, end, &next);

      if (stop == p)
        {
          if (name != NULL && !g_hash_table_contains (entity->headers, name->str))
            g_hash_table_insert (entity->headers, g_string_free (g_steal_pointer (&name), FALSE),
                                 g_strstrip (g_string_free (g_steal_pointer (&value), FALSE)));
          if (name != NULL)
            g_string_free (name, TRUE);
          if (value != NULL)
            g_string_free (value, TRUE);
          entity->body = next;
          entity->body_size = end - next;
          return TRUE;
        }

      if ((*p == ' ' || *p == '\t') && value != NULL)
        {
          g_string_append_c (value, ' ');
          g_string_append_len (value, p, stop - p);
        }
      else
        {
          const char *colon = memchr (p, ':', stop - p);

          if (name != NULL)
            {
              if (!g_hash_table_contains (entity->headers, name->str))
                g_hash_table_insert (entity->headers, g_string_free (g_steal_pointer (&name), FALSE),
                                     g_strstrip (g_string_free (g_steal_pointer (&value), FALSE)));
              else
                {
                  g_string_free (g_steal_pointer (&name), TRUE);
                  g_string_free (g_steal_pointer (&value), TRUE);
                }
            }
          if (colon != NULL)
            {
              g_autofree char *raw_name = g_strndup (p, colon - p);

              name = g_string_new (g_strstrip (raw_name));
              g_string_ascii_down (name);
              value = g_string_new_len (colon + 1, stop - colon - 1);
            }
        }
      p = next;
    }

  if (name != NULL)
    g_string_free (name, TRUE);
  if (value != NULL)
    g_string_free (value, TRUE);
  return FALSE;
}

static const char *
header (const MimeEntity *entity,
        const char       *name)
{
  return g_hash_table_lookup (entity->headers, name);
}

/* "text/html; charset=utf-8" → "text/html" (lower case). */
static char *
media_type (const char *content_type)
{
  const char *semicolon;
  g_autofree char *type = NULL;

  if (content_type == NULL)
    return g_strdup ("text/plain");
  semicolon = strchr (content_type, ';');
  type = semicolon != NULL ? g_strndup (content_type, semicolon - content_type) : g_strdup (content_type);
  return g_ascii_strdown (g_strstrip (type), -1);
}

/* A parameter of a structured header: key=value or key="quoted value". */
static char *
header_parameter (const char *value,
                  const char *key)
{
  gsize key_length = strlen (key);
  const char *p = value != NULL ? strchr (value, ';') : NULL;

  while (p != NULL)
    {
      p++;
      while (g_ascii_isspace (*p))
        p++;
      if (g_ascii_strncasecmp (p, key, key_length) == 0)
        {
          const char *q = p + key_length;

          while (g_ascii_isspace (*q))
            q++;
          if (*q == '=')
            {
              GString *result = g_string_new (NULL);

              q++;
              while (g_ascii_isspace (*q))
                q++;
              if (*q == '"')
                {
                  for (q++; *q != '\0' && *q != '"'; q++)
                    {
                      if (*q == '\\' && q[1] != '\0')
                        q++;
                      g_string_append_c (result, *q);
                    }
                }
              else
                {
                  for (; *q != '\0' && *q != ';' && !g_ascii_isspace (*q); q++)
                    g_string_append_c (result, *q);
                }
              return g_string_free (result, FALSE);
            }
        }
      p = strchr (p, ';');
    }

  return NULL;
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

static GBytes *
decode_quoted_printable (const char *data,
                         gsize       size)
{
  GByteArray *bytes = g_byte_array_sized_new (size);

  for (gsize i = 0; i < size; i++)
    {
      guint8 c = (guint8) data[i];

      if (c == '=')
        {
          if (i + 1 < size && data[i + 1] == '\n')
            {
              i += 1;
              continue;
            }
          if (i + 2 < size && data[i + 1] == '\r' && data[i + 2] == '\n')
            {
              i += 2;
              continue;
            }
          if (i + 2 < size && hex_value (data[i + 1]) >= 0 && hex_value (data[i + 2]) >= 0)
            {
              c = (guint8) (hex_value (data[i + 1]) * 16 + hex_value (data[i + 2]));
              i += 2;
            }
        }
      g_byte_array_append (bytes, &c, 1);
    }

  return g_byte_array_free_to_bytes (bytes);
}

static GBytes *
decode_base64 (const char *data,
               gsize       size)
{
  guchar *out = g_malloc (size * 3 / 4 + 3);
  gint state = 0;
  guint save = 0;
  gsize written = g_base64_decode_step (data, size, out, &state, &save);

  return g_bytes_new_take (out, written);
}

static GBytes *
decode_body (const MimeEntity *entity)
{
  const char *encoding = header (entity, "content-transfer-encoding");

  if (encoding != NULL && g_ascii_strcasecmp (encoding, "quoted-printable") == 0)
    return decode_quoted_printable (entity->body, entity->body_size);
  if (encoding != NULL && g_ascii_strcasecmp (encoding, "base64") == 0)
    return decode_base64 (entity->body, entity->body_size);
  return g_bytes_new (entity->body, entity->body_size);
}

/* Splits a multipart body at its boundary lines. FALSE when the closing
 * boundary is missing (a truncated archive). */
static gboolean
split_parts (const char *body,
             gsize       size,
             const char *boundary,
             GArray     *parts)
{
  g_autofree char *delimiter = g_strconcat ("--", boundary, NULL);
  gsize delimiter_length = strlen (delimiter);
  const char *end = body + size;
  const char *p = body;
  const char *part_start = NULL;

  while (p < end)
    {
      const char *next;
      const char *stop = line_end (p, end, &next);

      if ((gsize) (stop - p) >= delimiter_length && memcmp (p, delimiter, delimiter_length) == 0)
        {
          gboolean closing = (gsize) (stop - p) >= delimiter_length + 2
                             && p[delimiter_length] == '-' && p[delimiter_length + 1] == '-';

          if (part_start != NULL)
            {
              /* The line break before a boundary belongs to the boundary. */
              const char *part_end = p;
              MimeEntity entity = { 0 };

              if (part_end > part_start && part_end[-1] == '\n')
                part_end--;
              if (part_end > part_start && part_end[-1] == '\r')
                part_end--;
              if (read_entity (part_start, part_end - part_start, &entity))
                g_array_append_val (parts, entity);
              else
                mime_entity_clear (&entity);
            }
          if (closing)
            return TRUE;
          part_start = next;
        }
      p = next;
    }

  return FALSE;
}

static int
month_number (const char *name)
{
  static const char * const months[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  };

  for (int i = 0; i < 12; i++)
    if (g_ascii_strncasecmp (name, months[i], 3) == 0)
      return i + 1;
  return 0;
}

/* An RFC 5322 date ("Sat, 5 Dec 2026 10:11:12 -0000") as ISO 8601 UTC. */
static char *
iso_date (const char *rfc_date)
{
  char month[4] = { 0 };
  char zone[8] = { 0 };
  int day = 0, year = 0, hour = 0, minute = 0, second = 0;
  const char *p = rfc_date;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (p == NULL)
    return NULL;
  if (strchr (p, ',') != NULL)
    p = strchr (p, ',') + 1;
  if (sscanf (p, "%d %3s %d %d:%d:%d %7s", &day, month, &year, &hour, &minute, &second, zone) < 5)
    return NULL;
  if (month_number (month) == 0)
    return NULL;

  tz = (zone[0] == '+' || zone[0] == '-') ? g_time_zone_new_identifier (zone) : g_time_zone_new_utc ();
  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  local = g_date_time_new (tz, year, month_number (month), day, hour, minute, second);
  if (local == NULL)
    return NULL;
  utc = g_date_time_to_utc (local);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

void
_gloss_mhtml_clear (GlossMhtml *mhtml)
{
  g_clear_pointer (&mhtml->html, g_bytes_unref);
  g_clear_pointer (&mhtml->charset, g_free);
  g_clear_pointer (&mhtml->location, g_free);
  g_clear_pointer (&mhtml->captured, g_free);
}

static gboolean
is_html (const MimeEntity *entity)
{
  g_autofree char *type = media_type (header (entity, "content-type"));

  return g_str_equal (type, "text/html") || g_str_equal (type, "application/xhtml+xml");
}

/* The part that is the page: named by @location or by the Content-ID
 * @start, else the first HTML part. */
static const MimeEntity *
find_page (GArray     *parts,
           const char *location,
           const char *start)
{
  for (guint i = 0; i < parts->len && (location != NULL || start != NULL); i++)
    {
      const MimeEntity *part = &g_array_index (parts, MimeEntity, i);
      const char *part_location = header (part, "content-location");
      const char *content_id = header (part, "content-id");

      if (location != NULL && part_location != NULL && g_str_equal (part_location, location))
        return part;
      if (start != NULL && content_id != NULL && g_str_equal (content_id, start))
        return part;
    }

  for (guint i = 0; i < parts->len; i++)
    if (is_html (&g_array_index (parts, MimeEntity, i)))
      return &g_array_index (parts, MimeEntity, i);

  return NULL;
}

gboolean
_gloss_mhtml_read (const char  *data,
                   gsize        size,
                   const char  *display_name,
                   GlossMhtml  *mhtml,
                   GError     **error)
{
  MimeEntity message = { 0 };
  g_autoptr(GArray) parts = g_array_new (FALSE, TRUE, sizeof (MimeEntity));
  g_autofree char *type = NULL;
  g_autofree char *boundary = NULL;
  g_autofree char *start = NULL;
  const MimeEntity *page;
  const char *location;
  gboolean ok = FALSE;

  g_array_set_clear_func (parts, (GDestroyNotify) mime_entity_clear);
  memset (mhtml, 0, sizeof *mhtml);

  if (!read_entity (data, size, &message) || header (&message, "content-type") == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE,
                   _("%s is not an MHTML archive: it does not begin with MIME headers"),
                   display_name);
      goto out;
    }

  type = media_type (header (&message, "content-type"));
  location = header (&message, "snapshot-content-location");
  if (location == NULL)
    location = header (&message, "content-location");

  if (!g_str_has_prefix (type, "multipart/"))
    page = is_html (&message) ? &message : NULL;
  else
    {
      boundary = header_parameter (header (&message, "content-type"), "boundary");
      start = header_parameter (header (&message, "content-type"), "start");
      if (boundary == NULL || *boundary == '\0')
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE,
                       _("%s is not a valid MHTML archive: its Content-Type names no boundary"),
                       display_name);
          goto out;
        }
      if (!split_parts (message.body, message.body_size, boundary, parts))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE,
                       _("%s is truncated: the MHTML archive ends before its closing boundary, "
                         "so the saved page is incomplete"),
                       display_name);
          goto out;
        }
      page = find_page (parts, location, start);
    }

  if (page == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("%s is an MHTML archive without an HTML page in it"), display_name);
      goto out;
    }

  mhtml->html = decode_body (page);
  mhtml->charset = header_parameter (header (page, "content-type"), "charset");
  if (location == NULL)
    location = header (page, "content-location");
  mhtml->location = g_strdup (location);
  mhtml->captured = iso_date (header (&message, "date"));
  ok = TRUE;

out:
  mime_entity_clear (&message);
  return ok;
}
