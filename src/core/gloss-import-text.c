/* gloss-import-text.c — articles from plain text and Markdown files
 *
 * The text is kept byte for byte as the file has it once decoded: CRLF
 * stays, nothing is normalised, so offsets stay valid against the source
 * file. Only a byte order mark is dropped. UTF-8, and UTF-16 with a byte
 * order mark, are read as they are. An article that is neither (no byte
 * order mark, not valid UTF-8, no NUL byte) is nearly always Western
 * European text saved by Windows or an old Mac editor: it is read as
 * Windows-1252, a superset of Latin-1, and the import report says so in
 * words the analyst can check against the article. An encoding given by
 * name (gloss --encoding) is used as it is. Anything else is refused with
 * a message that says what is wrong and where.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-document.h"
#include "gloss-import-private.h"
#include "gloss-markdown-private.h"
#include "gloss-utf8.h"

static gboolean
refuse_nul (const char  *data,
            gsize        offset,
            const char  *display_name,
            GError     **error)
{
  guint line, column;

  gloss_utf8_line_column (data, offset, &line, &column);
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING,
               _("%s contains a NUL byte at line %u, column %u, so it is not plain text "
                 "(it may be a binary file, or UTF-16 or UTF-32 text without a byte order mark); "
                 "save it as UTF-8 and import again"),
               display_name, line, column);
  return FALSE;
}

static gboolean
refuse_too_large (gsize        size,
                  const char  *display_name,
                  GError     **error)
{
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *limit_text = g_format_size (GLOSS_MAX_DOCUMENT_SIZE);

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
               _("%s is too large (%s of text); Gloss imports articles of up to %s"),
               display_name, size_text, limit_text);
  return FALSE;
}

/* Valid UTF-8 without NUL bytes, or an error saying where it is not. */
static gboolean
check_utf8 (const char  *data,
            gsize        length,
            const char  *display_name,
            GError     **error)
{
  const char *end = NULL;
  guint line, column;

  if (g_utf8_validate_len (data, length, &end))
    return TRUE;

  if (*end == '\0')
    return refuse_nul (data, end - data, display_name, error);

  gloss_utf8_line_column (data, end - data, &line, &column);
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING,
               _("%s is not UTF-8 text (invalid byte 0x%02X at line %u, column %u); "
                 "save it as UTF-8 and import again"),
               display_name, (guchar) *end, line, column);
  return FALSE;
}

static char *
decode_utf16 (const char  *data,
              gsize        length,
              const char  *charset,
              const char  *display_name,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  gsize bytes_read = 0;
  gsize bytes_written = 0;

  if (length % 2 != 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING,
                   _("%s is not valid UTF-16 text (it ends in the middle of a character); "
                     "save it as UTF-8 and import again"),
                   display_name);
      return NULL;
    }

  /* An ASCII-only text shrinks by half: anything larger cannot fit. */
  if (length / 2 > GLOSS_MAX_DOCUMENT_SIZE)
    {
      refuse_too_large (length / 2, display_name, error);
      return NULL;
    }

  text = g_convert (data, length, "UTF-8", charset, &bytes_read, &bytes_written, &local_error);
  if (text == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING,
                   /* %lu, not G_GSIZE_FORMAT: xgettext cannot see through the macro. */
                   _("%s is not valid UTF-16 text (an invalid sequence, such as an unpaired "
                     "surrogate, at byte %lu); save it as UTF-8 and import again"),
                   display_name, (gulong) (bytes_read + 2));
      return NULL;
    }

  if (bytes_written > GLOSS_MAX_DOCUMENT_SIZE)
    {
      refuse_too_large (bytes_written, display_name, error);
      return NULL;
    }

  if (!check_utf8 (text, bytes_written, display_name, error))
    return NULL;

  return g_steal_pointer (&text);
}

char *
_gloss_decode_text_full (GBytes      *bytes,
                         const char  *display_name,
                         gboolean    *had_bom,
                         GError     **error)
{
  const guchar *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("The text");
  if (had_bom != NULL)
    *had_bom = FALSE;

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    length = 0;

  /* UTF-32 first: its little-endian BOM begins like UTF-16's. */
  if (length >= 4 &&
      ((data[0] == 0xFF && data[1] == 0xFE && data[2] == 0x00 && data[3] == 0x00) ||
       (data[0] == 0x00 && data[1] == 0x00 && data[2] == 0xFE && data[3] == 0xFF)))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING,
                   _("%s is UTF-32 text, which Gloss does not import; "
                     "save it as UTF-8 and import again"),
                   display_name);
      return NULL;
    }

  if (length >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    {
      if (had_bom != NULL)
        *had_bom = TRUE;
      return decode_utf16 ((const char *) data + 2, length - 2,
                           data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE",
                           display_name, error);
    }

  if (length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      if (had_bom != NULL)
        *had_bom = TRUE;
      data += 3;
      length -= 3;
    }

  if (length > GLOSS_MAX_DOCUMENT_SIZE)
    {
      refuse_too_large (length, display_name, error);
      return NULL;
    }

  if (length == 0)
    return g_strdup ("");

  if (!check_utf8 ((const char *) data, length, display_name, error))
    return NULL;

  return g_strndup ((const char *) data, length);
}

/* @length bytes of @data read as @encoding (an iconv name), checked as
 * any decoded text is; a leading U+FEFF is the byte order mark. */
static char *
decode_as (const char  *data,
           gsize        length,
           const char  *encoding,
           const char  *display_name,
           gboolean    *had_bom,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  gsize bytes_read = 0;
  gsize bytes_written = 0;

  text = g_convert (data, length, "UTF-8", encoding, &bytes_read, &bytes_written, &local_error);
  if (text == NULL && g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING,
                   _("Gloss does not know the encoding “%s”; name one such as UTF-8, "
                     "windows-1252 or ISO-8859-15"),
                   encoding);
      return NULL;
    }
  if (text == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCODING,
                   /* %lu, not G_GSIZE_FORMAT: xgettext cannot see through the macro. */
                   _("%s is not %s text (byte 0x%02X at byte %lu has no meaning there); "
                     "check which encoding the article was saved in"),
                   display_name, encoding,
                   bytes_read < length ? (guchar) data[bytes_read] : 0,
                   (gulong) bytes_read + 1);
      return NULL;
    }

  if (bytes_written > GLOSS_MAX_DOCUMENT_SIZE)
    {
      refuse_too_large (bytes_written, display_name, error);
      return NULL;
    }
  if (!check_utf8 (text, bytes_written, display_name, error))
    return NULL;

  if (g_str_has_prefix (text, "\xef\xbb\xbf"))
    {
      if (had_bom != NULL)
        *had_bom = TRUE;
      return g_strdup (text + 3);
    }
  return g_steal_pointer (&text);
}

/* Whether bytes Gloss does not read as they are look like legacy 8-bit
 * text: no byte order mark of UTF-16 or UTF-32, no NUL byte (binary
 * data, or UTF-16 without a mark), and no valid UTF-8 sequence beyond
 * ASCII. A file mixing valid UTF-8 letters with stray bytes is broken
 * UTF-8 (two files pasted together, a cut download): read as Windows-1252
 * its good letters would turn to nonsense, so it is refused instead. */
static gboolean
looks_legacy (const guchar *data,
              gsize         length)
{
  gboolean any_high = FALSE;

  if (length >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    return FALSE;
  if (length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    return FALSE;
  if (memchr (data, '\0', length) != NULL)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (data[i] < 0x80)
        continue;
      any_high = TRUE;
      if (g_utf8_get_char_validated ((const char *) data + i, MIN (length - i, 4)) < (gunichar) -2)
        return FALSE;
    }

  return any_high;
}

static gboolean
is_utf8_name (const char *encoding)
{
  return g_ascii_strcasecmp (encoding, "UTF-8") == 0 || g_ascii_strcasecmp (encoding, "UTF8") == 0;
}

char *
_gloss_decode_article (GBytes      *bytes,
                       const char  *display_name,
                       const char  *encoding,
                       gboolean    *had_bom,
                       char       **guessed,
                       GError     **error)
{
  const guchar *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (guessed != NULL)
    *guessed = NULL;
  if (had_bom != NULL)
    *had_bom = FALSE;

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    length = 0;

  if (encoding != NULL && !is_utf8_name (encoding))
    {
      /* A legacy encoding never takes more than four bytes per byte. */
      if (length > GLOSS_MAX_DOCUMENT_SIZE)
        {
          refuse_too_large (length, display_name, error);
          return NULL;
        }
      return decode_as ((const char *) data, length, encoding, display_name, had_bom, error);
    }

  if (encoding == NULL && guessed != NULL && length <= GLOSS_MAX_DOCUMENT_SIZE &&
      looks_legacy (data, length))
    {
      char *text = decode_as ((const char *) data, length, GLOSS_LEGACY_ENCODING, display_name,
                              had_bom, NULL);

      if (text != NULL)
        {
          *guessed = g_strdup (GLOSS_LEGACY_ENCODING);
          return text;
        }
      /* Bytes Windows-1252 leaves undefined: not a legacy article either,
       * and the UTF-8 message below says where the trouble is. */
    }

  return _gloss_decode_text_full (bytes, display_name, had_bom, error);
}

char *
gloss_decode_text (GBytes      *bytes,
                   const char  *display_name,
                   GError     **error)
{
  return _gloss_decode_text_full (bytes, display_name, NULL, error);
}

static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xFEFF || c == 0x200B;
}

/* [start, end) of @line without leading and trailing (Unicode) spaces. */
static void
trim_span (const char  *line,
           const char  *line_end,
           const char **start,
           const char **end)
{
  const char *p = line;
  const char *q = line_end;

  while (p < q && is_blank (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  while (q > p)
    {
      const char *previous = g_utf8_prev_char (q);

      if (!is_blank (g_utf8_get_char (previous)))
        break;
      q = previous;
    }

  *start = p;
  *end = q;
}

/* "## Heading ##" → "Heading"; NULL-safe on lines that are no heading. */
static void
strip_markdown_heading (const char **start,
                        const char **end)
{
  const char *p = *start;
  const char *q = *end;
  guint hashes = 0;

  while (p < q && *p == '#')
    {
      p++;
      hashes++;
    }
  if (hashes == 0 || hashes > 6 || (p < q && *p != ' ' && *p != '\t'))
    return;

  /* The optional closing sequence: spaces, then only '#'. */
  while (q > p && q[-1] == '#')
    q--;
  if (q == p || q[-1] == ' ' || q[-1] == '\t')
    *end = q;

  trim_span (p, *end, start, end);
}

/* Whether @c continues the character before it on screen: a combining
 * mark, a joiner, a variation selector, a skin tone, or the second flag
 * letter (approximately: any regional indicator after one). */
static gboolean
continues_cluster (gunichar c,
                   gunichar previous)
{
  return g_unichar_ismark (c) || c == 0x200D || previous == 0x200D ||
         (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF) ||
         (c >= 0xE0020 && c <= 0xE007F) ||
         (c >= 0x1F1E6 && c <= 0x1F1FF && previous >= 0x1F1E6 && previous <= 0x1F1FF);
}

static gboolean
is_hanging_punctuation (gunichar c)
{
  return c == ',' || c == ';' || c == ':' || c == '-' || c == 0x2013 || c == 0x2014;
}

/* A title from a line too long for one: cut at the last space before
 * the limit, so no word is cut; a line without spaces (Chinese,
 * Japanese, or one long word) is cut between characters as they show,
 * never inside an emoji or before a combining mark. "…" says it was cut,
 * and keeps a paragraph's start from passing for its headline. */
static char *
shorten_title (const char *start,
               const char *end)
{
  const char *cut = start;
  const char *last_space = NULL;
  const char *last_boundary = start;
  gunichar previous = 0;
  guint count = 0;

  while (cut < end && count < GLOSS_IMPORT_TITLE_LENGTH)
    {
      gunichar c = g_utf8_get_char (cut);

      if (g_unichar_isspace (c))
        last_space = cut;
      if (!continues_cluster (c, previous))
        last_boundary = cut;
      previous = c;
      cut = g_utf8_next_char (cut);
      count++;
    }

  if (cut >= end)
    return g_strndup (start, end - start);

  /* The limit falls inside a cluster: cut before it. */
  if (continues_cluster (g_utf8_get_char (cut), previous))
    cut = last_boundary;
  if (last_space != NULL && last_space > start)
    cut = last_space;
  trim_span (start, cut, &start, &cut);
  /* Punctuation left hanging at the cut ("council," "vote —") goes. */
  while (cut > start && is_hanging_punctuation (g_utf8_get_char (g_utf8_prev_char (cut))))
    {
      cut = g_utf8_prev_char (cut);
      trim_span (start, cut, &start, &cut);
    }

  return g_strdup_printf ("%.*s…", (int) (cut - start), start);
}

char *
_gloss_import_title_from_text (const char *text,
                               gboolean    markdown)
{
  const char *line = text;
  gboolean in_front_matter = FALSE;
  gboolean first = TRUE;

  g_return_val_if_fail (text != NULL, NULL);

  while (*line != '\0')
    {
      const char *line_end = strchr (line, '\n');
      const char *next;
      const char *start, *end;

      if (line_end == NULL)
        line_end = line + strlen (line);
      next = *line_end == '\n' ? line_end + 1 : line_end;

      trim_span (line, line_end, &start, &end);

      /* Markdown files often open with YAML front matter between '---'. */
      if (markdown && (first || in_front_matter) && end - start == 3 && strncmp (start, "---", 3) == 0)
        {
          in_front_matter = !in_front_matter;
          first = FALSE;
          line = next;
          continue;
        }
      first = FALSE;

      if (!in_front_matter && start < end)
        {
          if (markdown)
            strip_markdown_heading (&start, &end);
          if (start < end)
            return shorten_title (start, end);
        }

      line = next;
    }

  return NULL;
}

char *
_gloss_import_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_uri (file);

  return g_filename_display_name (basename);
}

/* "notes.txt" → "notes": the fallback title. */
static char *
title_from_file (GFile *file)
{
  g_autofree char *name = _gloss_import_display_name (file);
  const char *dot = strrchr (name, '.');

  if (dot != NULL && dot != name)
    return g_strndup (name, dot - name);

  return g_steal_pointer (&name);
}

char *
_gloss_import_file_name (GFile *file)
{
  g_autofree char *name = _gloss_import_display_name (file);
  const char *last = strrchr (name, '\\');
  const char *slash = strrchr (name, '/');

  /* A basename holds no '/', but a URI's fallback and a name from Windows
   * may hold a separator: whatever precedes one is a folder. */
  if (slash != NULL && (last == NULL || slash > last))
    last = slash;
  if (last != NULL && last[1] != '\0')
    return g_strdup (last + 1);

  return g_steal_pointer (&name);
}

GlossDocument *
_gloss_import_read_document (GFile              *file,
                             gboolean            markdown,
                             const char         *encoding,
                             gboolean            guess_legacy,
                             GlossImportReport  *report,
                             gboolean           *had_bom,
                             GError            **error)
{
  g_autofree char *guessed = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *source = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GlossProvenance) provenance = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *file_sha256 = NULL;
  GlossDocument *document;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display_name = _gloss_import_display_name (file);

  /* Refuse a huge file before reading it: UTF-16 may take twice the bytes. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, GLOSS_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                     ? GLOSS_ERROR_NOT_FOUND : GLOSS_ERROR_IO,
                   _("Could not read %s: %s"), display_name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_size (info) > 2 * (goffset) GLOSS_MAX_DOCUMENT_SIZE + 4)
    {
      refuse_too_large (g_file_info_get_size (info), display_name, error);
      return NULL;
    }

  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, GLOSS_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                     ? GLOSS_ERROR_NOT_FOUND : GLOSS_ERROR_IO,
                   _("Could not read %s: %s"), display_name, local_error->message);
      return NULL;
    }

  text = _gloss_decode_article (bytes, display_name, encoding, had_bom,
                                guess_legacy ? &guessed : NULL, error);
  if (text == NULL)
    return NULL;
  if (guessed != NULL)
    _gloss_import_report_remark (report, display_name,
                                 _("it was not saved as UTF-8, so Gloss read it as Western European "
                                   "text (Windows-1252, which includes Latin-1). Check that accented "
                                   "letters such as ü and é, quotation marks and dashes look right; "
                                   "if they do not, save the article as UTF-8 and import it again."));

  /* An empty file is nearly always a mistake (a failed download or save),
   * and a document without text can hold no annotation. */
  if (*text == '\0')
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("%s is empty: there is no text to annotate"), display_name);
      return NULL;
    }

  /* Markdown is annotated as its reader sees it (gloss-markdown.c). */
  if (markdown)
    {
      char *shown = gloss_markdown_render (text, NULL);

      g_free (text);
      text = shown;
    }

  title = _gloss_import_title_from_text (text, FALSE);
  if (title == NULL)
    title = title_from_file (file);

  /* The evidentiary copy: the name alone (a path would show the
   * analyst's folders to whoever the project is shared with) and the
   * digest of the bytes as read, before decoding. */
  file_name = _gloss_import_file_name (file);
  file_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  /* The source is the name too (gloss-source-name.c says why). */
  source = g_strdup (file_name);
  provenance = gloss_provenance_new ();
  gloss_provenance_set_file (provenance, file_name);
  gloss_provenance_set_file_sha256 (provenance, file_sha256);

  now = g_date_time_new_now_utc ();
  document = gloss_document_new (NULL, title, text);
  gloss_document_set_source (document, source);
  gloss_document_set_imported (document, now);
  gloss_document_set_provenance (document, provenance);

  return document;
}

static gboolean
has_markdown_suffix (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  return lower != NULL && (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown"));
}

GlossDocument *
gloss_import_text_file (GFile   *file,
                        GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _gloss_import_text_file_full (file, NULL, NULL, error);
}

GlossDocument *
_gloss_import_text_file_full (GFile              *file,
                              const char         *encoding,
                              GlossImportReport  *report,
                              GError            **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _gloss_import_read_document (file, has_markdown_suffix (file), encoding, TRUE,
                                      report, NULL, error);
}
