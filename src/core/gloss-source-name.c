/* gloss-source-name.c — where a document came from, as a shared project may say it
 *
 * A project travels: to a colleague, into git, to an editor. A local
 * path in it ("/home/ana/leaks/harbour.txt") would show the analyst's
 * folders to everyone it reaches and mean nothing on their machines, so
 * a document's source is a web address, or the file's name alone.
 * Projects written before this keep loading; their paths are written
 * back as the names alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-source-name.h"

/* The last part of a path written on any system ("C:\\a\\b.txt" too). */
static char *
last_part (const char *path)
{
  const char *slash = strrchr (path, '/');
  const char *backslash = strrchr (path, '\\');
  const char *last = slash;

  if (backslash != NULL && (last == NULL || backslash > last))
    last = backslash;

  return g_strdup (last != NULL ? last + 1 : path);
}

static gboolean
is_windows_path (const char *source)
{
  return g_ascii_isalpha (source[0]) && source[1] == ':' && (source[2] == '\\' || source[2] == '/');
}

char *
gloss_source_name_for_sharing (const char *source)
{
  g_autofree char *scheme = NULL;

  g_return_val_if_fail (source != NULL, NULL);

  if (g_path_is_absolute (source) || is_windows_path (source) || source[0] == '\\')
    return last_part (source);

  scheme = g_uri_parse_scheme (source);
  if (scheme != NULL && g_ascii_strcasecmp (scheme, "file") == 0)
    {
      g_autofree char *path = g_filename_from_uri (source, NULL, NULL);
      g_autofree char *name = path != NULL ? last_part (path) : NULL;

      /* A name in another encoding than UTF-8 stays escaped, as the URI had it. */
      if (name != NULL && g_utf8_validate (name, -1, NULL))
        return g_steal_pointer (&name);
      return last_part (source);
    }

  /* A web address, a name already, a path relative to the project, or "". */
  return g_strdup (source);
}
