/* gloss-html-decode.c — a page's bytes to UTF-8, the way a browser finds
 * the encoding
 *
 * Order: a byte order mark; the charset the transport gave (an MHTML
 * part's Content-Type); an XML declaration or <meta charset> /
 * <meta http-equiv=Content-Type> near the start; UTF-8 when every byte
 * sequence is valid UTF-8; windows-1252 otherwise. Labels follow the
 * WHATWG Encoding Standard where it matters: ISO-8859-1 and US-ASCII
 * mean windows-1252, and a page claiming UTF-16 without a BOM is UTF-8.
 * windows-1252 is decoded here with the WHATWG table (glibc's iconv
 * refuses the five bytes the code page leaves undefined); other
 * encodings go through g_convert().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-page-private.h"

/* How far into the page a <meta charset> is looked for. */
#define PRESCAN_BYTES 8192

/* windows-1252 0x80–0x9F; the rest of the code page is ISO-8859-1. */
static const gunichar windows_1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static char *
decode_windows_1252 (const char *data,
                     gsize       size)
{
  GString *text = g_string_sized_new (size + size / 8);

  for (gsize i = 0; i < size; i++)
    {
      guchar c = (guchar) data[i];

      if (c < 0x80)
        g_string_append_c (text, (char) c);
      else if (c < 0xA0)
        g_string_append_unichar (text, windows_1252_high[c - 0x80]);
      else
        g_string_append_unichar (text, c);
    }

  return g_string_free (text, FALSE);
}

/* A WHATWG label to the name iconv knows, or NULL when unusable. */
static char *
canonical_charset (const char *label)
{
  g_autofree char *name = g_ascii_strdown (label, -1);

  g_strstrip (name);
  if (*name == '\0')
    return NULL;
  if (g_str_equal (name, "utf-8") || g_str_equal (name, "utf8") || g_str_equal (name, "unicode-1-1-utf-8")
      || g_str_has_prefix (name, "utf-16") || g_str_equal (name, "unicode"))
    return g_strdup ("UTF-8");
  if (g_str_equal (name, "iso-8859-1") || g_str_equal (name, "latin1") || g_str_equal (name, "l1")
      || g_str_equal (name, "us-ascii") || g_str_equal (name, "ascii") || g_str_equal (name, "cp1252")
      || g_str_equal (name, "windows-1252") || g_str_equal (name, "x-cp1252") || g_str_equal (name, "iso8859-1")
      || g_str_equal (name, "iso_8859-1"))
    return g_strdup ("WINDOWS-1252");
  if (g_str_equal (name, "gb2312") || g_str_equal (name, "gbk") || g_str_equal (name, "x-gbk"))
    return g_strdup ("GB18030");
  if (g_str_equal (name, "x-user-defined") || g_str_equal (name, "replacement"))
    return NULL;

  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != ':' && *p != '.')
      return NULL;

  return g_ascii_strup (name, -1);
}

/* The value after "charset=" in @text (up to @end), or NULL. */
static char *
charset_after (const char *text,
               const char *end)
{
  const char *p = text;
  const char *start;

  while (p + 8 <= end)
    {
      if (g_ascii_strncasecmp (p, "charset", 7) == 0)
        {
          p += 7;
          while (p < end && g_ascii_isspace (*p))
            p++;
          if (p < end && *p == '=')
            {
              p++;
              while (p < end && (g_ascii_isspace (*p) || *p == '"' || *p == '\''))
                p++;
              start = p;
              while (p < end && !g_ascii_isspace (*p) && *p != '"' && *p != '\'' && *p != ';'
                     && *p != '>' && *p != '/')
                p++;
              if (p > start)
                return g_strndup (start, p - start);
            }
          continue;
        }
      p++;
    }

  return NULL;
}

/* The charset a <meta> or an XML declaration near the start declares. */
static char *
declared_charset (const char *data,
                  gsize       size)
{
  const char *end = data + MIN (size, PRESCAN_BYTES);
  const char *p = data;

  if (size > 5 && strncmp (data, "<?xml", 5) == 0)
    {
      const char *close = memchr (data, '>', end - data);
      const char *encoding = close != NULL ? g_strstr_len (data, close - data, "encoding") : NULL;

      if (encoding != NULL)
        {
          const char *q = encoding + 8;
          const char *start;

          while (q < close && (*q == '=' || *q == '"' || *q == '\'' || g_ascii_isspace (*q)))
            q++;
          start = q;
          while (q < close && *q != '"' && *q != '\'' && !g_ascii_isspace (*q))
            q++;
          if (q > start)
            return g_strndup (start, q - start);
        }
    }

  while (p + 5 < end)
    {
      const char *tag = memchr (p, '<', end - p);
      const char *close;

      if (tag == NULL || tag + 5 >= end)
        break;
      if (strncmp (tag, "<!--", 4) == 0)
        {
          const char *comment_end = g_strstr_len (tag + 4, end - tag - 4, "-->");

          if (comment_end == NULL)
            break;
          p = comment_end + 3;
          continue;
        }
      close = memchr (tag, '>', end - tag);
      if (close == NULL)
        break;
      if (g_ascii_strncasecmp (tag, "<meta", 5) == 0 && (g_ascii_isspace (tag[5]) || tag[5] == '/'))
        {
          char *charset = charset_after (tag + 5, close);

          if (charset != NULL)
            return charset;
        }
      p = close + 1;
    }

  return NULL;
}

static char *
convert_from (const char  *data,
              gsize        size,
              const char  *charset,
              const char  *source,
              const char  *display_name,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *invalid = NULL;
  gsize bytes_read = 0;
  char *text;

  if (g_str_equal (charset, "WINDOWS-1252"))
    return decode_windows_1252 (data, size);

  if (g_str_equal (charset, "UTF-8"))
    {
      if (g_utf8_validate_len (data, size, &invalid))
        return g_strndup (data, size);
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING,
                   _("%s says (%s) that it is UTF-8, but the bytes at offset %zu are not valid UTF-8"),
                   display_name, source, (gsize) (invalid - data));
      return NULL;
    }

  text = g_convert (data, size, "UTF-8", charset, &bytes_read, NULL, &local_error);
  if (text != NULL)
    return text;

  if (g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
    g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING,
                 _("%s is in the character encoding “%s” (%s), which Gloss cannot read"),
                 display_name, charset, source);
  else
    g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING,
                 _("%s says (%s) that it is %s, but the bytes at offset %zu are not valid %s"),
                 display_name, source, charset, bytes_read, charset);
  return NULL;
}

/* A page is text: a NUL character means a binary file under a page's
 * name. @unit is 1 for 8-bit encodings, 2 for UTF-16 (a zero code unit). */
static gboolean
refuse_binary (const char  *data,
               gsize        size,
               gsize        unit,
               const char  *display_name,
               GError     **error)
{
  for (gsize i = 0; i + unit <= size; i += unit)
    if (data[i] == '\0' && (unit == 1 || data[i + 1] == '\0'))
      {
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING,
                     _("%s contains a NUL character at offset %zu, so it is not a "
                       "web page (it may be an image or another binary file saved under a page’s name)"),
                     display_name, i);
        return FALSE;
      }

  return TRUE;
}

char *
_gloss_html_decode (const char  *data,
                    gsize        size,
                    const char  *transport_charset,
                    const char  *display_name,
                    GError     **error)
{
  g_autofree char *declared = NULL;
  g_autofree char *charset = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (data != NULL || size == 0, NULL);

  /* Byte order marks decide alone. */
  if (size >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      if (!refuse_binary (data + 2, size - 2, 2, display_name, error))
        return NULL;
    }
  else if (!refuse_binary (data, size, 1, display_name, error))
    return NULL;

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    text = convert_from (data + 3, size - 3, "UTF-8", _("a byte order mark"), display_name, error);
  else if (size >= 2 && memcmp (data, "\xFF\xFE", 2) == 0)
    text = convert_from (data + 2, size - 2, "UTF-16LE", _("a byte order mark"), display_name, error);
  else if (size >= 2 && memcmp (data, "\xFE\xFF", 2) == 0)
    text = convert_from (data + 2, size - 2, "UTF-16BE", _("a byte order mark"), display_name, error);
  else
    {
      const char *source = NULL;

      if (transport_charset != NULL && (charset = canonical_charset (transport_charset)) != NULL)
        source = _("its MIME part’s charset");
      else if ((declared = declared_charset (data, size)) != NULL
               && (charset = canonical_charset (declared)) != NULL)
        source = _("its <meta charset>");

      if (charset != NULL)
        text = convert_from (data, size, charset, source, display_name, error);
      else if (g_utf8_validate_len (data, size, NULL))
        text = g_strndup (data, size);
      else
        text = decode_windows_1252 (data, size);
    }

  return g_steal_pointer (&text);
}
