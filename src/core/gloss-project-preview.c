/* gloss-project-preview.c — the first document of a big project, before the rest
 *
 * A desk's archive is tens of megabytes; its window shows one article
 * first. The preview reads only the start of the file, skims its JSON
 * (strings and brackets, nothing checked) to the end of the first
 * document, and loads a small project made of the members before
 * "documents", that one document and no relations, through the strict
 * loader. Anything unexpected on the way means no preview: the full load,
 * which runs anyway, is the one that judges the file and reports what is
 * wrong with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-project-file.h"
#include "gloss-project-preview.h"
#include "gloss-project-private.h"

typedef struct {
  const char *p;
  const char *end;
} Cursor;

static void
skip_space (Cursor *c)
{
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
    c->p++;
}

static gboolean
at (Cursor *c,
    char    byte)
{
  return c->p < c->end && *c->p == byte;
}

/* From an opening quote to just past its closing one. */
static gboolean
skip_string (Cursor *c)
{
  for (c->p++; c->p < c->end; c->p++)
    {
      if (*c->p == '\\')
        c->p++;
      else if (*c->p == '"')
        {
          c->p++;
          return TRUE;
        }
    }
  return FALSE;
}

/* Past one value, its nested ones included. */
static gboolean
skip_value (Cursor *c)
{
  guint depth = 0;

  if (c->p >= c->end)
    return FALSE;

  if (*c->p != '{' && *c->p != '[' && *c->p != '"')
    {
      /* A number, true, false or null. */
      const char *start = c->p;

      while (c->p < c->end && strchr (",}] \t\r\n", *c->p) == NULL)
        c->p++;
      return c->p > start && c->p < c->end;
    }

  do
    {
      switch (*c->p)
        {
        case '"':
          if (!skip_string (c))
            return FALSE;
          continue;
        case '{':
        case '[':
          depth++;
          break;
        case '}':
        case ']':
          depth--;
          break;
        default:
          break;
        }
      c->p++;
    }
  while (depth > 0 && c->p < c->end);

  return depth == 0;
}

static gboolean
key_is (const char *key,
        gsize       length,
        const char *name)
{
  return length == strlen (name) + 2 && memcmp (key + 1, name, length - 2) == 0;
}

/* The JSON of the preview made from the start of a file of @file_size
 * bytes, or NULL. */
static GString *
preview_json (const char *data,
              gsize       size,
              goffset     file_size)
{
  g_autoptr(GString) json = g_string_sized_new (size / 4);
  Cursor c = { data, data + size };
  gboolean first = TRUE;

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    c.p += 3;
  skip_space (&c);
  if (!at (&c, '{'))
    return NULL;
  c.p++;
  g_string_append_c (json, '{');

  for (;;)
    {
      const char *key, *value;
      gsize key_length;

      skip_space (&c);
      key = c.p;
      if (!at (&c, '"') || !skip_string (&c))
        return NULL;
      key_length = (gsize) (c.p - key);
      skip_space (&c);
      if (!at (&c, ':'))
        return NULL;
      c.p++;
      skip_space (&c);
      value = c.p;

      if (key_is (key, key_length, "documents"))
        {
          const char *document;

          if (!at (&c, '['))
            return NULL;
          c.p++;
          skip_space (&c);
          document = c.p;
          if (!at (&c, '{') || !skip_value (&c))
            return NULL;
          /* Most of the file: the full load is as quick. */
          if ((goffset) (c.p - data) > file_size / 4)
            return NULL;
          if (!first)
            g_string_append_c (json, ',');
          g_string_append (json, "\"documents\":[");
          g_string_append_len (json, document, c.p - document);
          g_string_append (json, "],\"relations\":[]}");
          return g_steal_pointer (&json);
        }

      if (!skip_value (&c))
        return NULL;
      /* Relations name annotations of documents the preview lacks. */
      if (!key_is (key, key_length, "relations"))
        {
          if (!first)
            g_string_append_c (json, ',');
          g_string_append_len (json, key, key_length);
          g_string_append_c (json, ':');
          g_string_append_len (json, value, c.p - value);
          first = FALSE;
        }

      skip_space (&c);
      if (!at (&c, ','))
        return NULL;
      c.p++;
    }
}

GlossProject *
gloss_project_load_preview (GFile        *file,
                            GCancellable *cancellable)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GString) json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossProject) project = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  goffset file_size;
  gsize wanted, n_read = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = g_file_read (file, cancellable, NULL);
  if (stream == NULL)
    return NULL;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info == NULL)
    return NULL;
  file_size = g_file_info_get_size (info);
  if (file_size < GLOSS_PREVIEW_MIN_FILE_SIZE || file_size > GLOSS_MAX_PROJECT_FILE_SIZE)
    return NULL;

  wanted = (gsize) MIN (file_size, GLOSS_PREVIEW_MAX_BYTES);
  data = g_malloc (wanted);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), data, wanted, &n_read, cancellable, NULL))
    return NULL;

  json = preview_json (data, n_read, file_size);
  if (json == NULL || g_cancellable_is_cancelled (cancellable))
    return NULL;

  name = g_file_get_basename (file);
  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  project = gloss_project_load_bytes (bytes, name, NULL, NULL);
  if (project == NULL)
    return NULL;

  _gloss_project_set_partial (project, TRUE);
  return g_steal_pointer (&project);
}

gboolean
_gloss_project_check_whole (GlossProject  *self,
                            GFile         *file,
                            GError       **error)
{
  g_autofree char *name = NULL;

  if (!gloss_project_is_partial (self))
    return TRUE;

  name = g_file_get_basename (file);
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_FAILED,
               "%s: the project is still loading; only its first document is read", name);
  return FALSE;
}

static void
preview_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GlossProject *project = gloss_project_load_preview (task_data, cancellable);

  if (g_task_return_error_if_cancelled (task))
    g_clear_object (&project);
  else
    g_task_return_pointer (task, project, g_object_unref);
}

void
gloss_project_load_preview_async (GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _gloss_project_start_file_task (file, cancellable, callback, user_data,
                                  gloss_project_load_preview_async, "gloss-project-preview",
                                  preview_in_thread);
}

GlossProject *
gloss_project_load_preview_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return _gloss_project_file_task_finish (result, gloss_project_load_preview_async, error);
}
