/* ann-reader.c — a small brat .ann reader for the tests, independent of the importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "ann-reader.h"

static void
ann_line_free (gpointer data)
{
  AnnLine *line = data;

  g_free (line->id);
  g_free (line->type);
  g_clear_pointer (&line->spans, g_array_unref);
  g_strfreev (line->args);
  g_free (line->text);
  g_free (line);
}

/* "0 5;7 9" into @spans; FALSE when a fragment is not two ascending numbers. */
static gboolean
read_spans (const char *text,
            GArray     *spans)
{
  g_auto(GStrv) fragments = g_strsplit (text, ";", -1);

  for (guint j = 0; fragments[j] != NULL; j++)
    {
      g_auto(GStrv) numbers = g_strsplit (fragments[j], " ", -1);
      guint64 start, end;
      AnnSpan span;

      if (g_strv_length (numbers) != 2 ||
          !g_ascii_string_to_unsigned (numbers[0], 10, 0, G_MAXUINT, &start, NULL) ||
          !g_ascii_string_to_unsigned (numbers[1], 10, 0, G_MAXUINT, &end, NULL) ||
          start >= end)
        return FALSE;
      span.start = (guint) start;
      span.end = (guint) end;
      g_array_append_val (spans, span);
    }

  return spans->len > 0;
}

/* One line, or NULL (lenient only) when it is not well formed. */
static AnnLine *
read_line (const char  *raw,
           AnnReadMode  mode)
{
  gboolean strict = mode == ANN_READ_STRICT;
  g_auto(GStrv) fields = g_strsplit (raw, "\t", 3);
  AnnLine *line;

  if (fields[0] == NULL || fields[1] == NULL)
    {
      g_assert_false (strict);
      return NULL;
    }

  line = g_new0 (AnnLine, 1);
  line->id = g_strdup (fields[0]);
  line->text = g_strdup (fields[2]);

  if (line->id[0] == 'T')
    {
      /* "Type 0 5;7 9" */
      const char *space = strchr (fields[1], ' ');

      line->spans = g_array_new (FALSE, FALSE, sizeof (AnnSpan));
      if (space == NULL || line->text == NULL || !read_spans (space + 1, line->spans))
        {
          g_assert_false (strict);
          ann_line_free (line);
          return NULL;
        }
      line->type = g_strndup (fields[1], space - fields[1]);
    }
  else
    {
      g_auto(GStrv) tokens = g_strsplit (fields[1], " ", -1);

      if (tokens[0] == NULL)
        {
          g_assert_false (strict);
          ann_line_free (line);
          return NULL;
        }
      line->type = g_strdup (tokens[0]);
      line->args = g_strdupv (tokens + 1);
      if (strict && line->id[0] != '#' && line->id[0] != 'N')
        g_assert_null (line->text);
    }

  if (strict)
    {
      /* A brat type is one token without a slash. */
      g_assert_null (strchr (line->type, ' '));
      g_assert_null (strchr (line->type, '/'));
    }

  return line;
}

GPtrArray *
ann_read (const char  *ann,
          AnnReadMode  mode)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (ann_line_free);
  g_auto(GStrv) raw = NULL;

  if (mode == ANN_READ_STRICT)
    {
      g_assert_true (g_utf8_validate (ann, -1, NULL));
      g_assert_null (strchr (ann, '\r'));
      g_assert_true (*ann == '\0' || g_str_has_suffix (ann, "\n"));
    }

  raw = g_strsplit (ann, "\n", -1);
  for (guint i = 0; raw[i] != NULL; i++)
    {
      gsize length = strlen (raw[i]);
      AnnLine *line;

      if (mode == ANN_READ_LENIENT && length > 0 && raw[i][length - 1] == '\r')
        raw[i][length - 1] = '\0';
      if (*raw[i] == '\0')
        {
          if (mode == ANN_READ_STRICT)
            g_assert_null (raw[i + 1]);  /* only after the last line */
          continue;
        }

      line = read_line (raw[i], mode);
      if (line != NULL)
        g_ptr_array_add (lines, line);
    }

  return lines;
}

GPtrArray *
ann_read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "brat", name, NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return ann_read (contents, ANN_READ_LENIENT);
}

AnnLine *
ann_find_line (GPtrArray  *lines,
               const char *id)
{
  for (guint i = 0; i < lines->len; i++)
    {
      AnnLine *line = g_ptr_array_index (lines, i);

      if (g_str_equal (line->id, id))
        return line;
    }

  return NULL;
}
