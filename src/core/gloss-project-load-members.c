/* gloss-project-load-members.c — reading the members of a project file,
 * and saying where a problem is
 *
 * The walk (gloss-project-load.c) reads every member through these: each
 * checks its member's type and value, and a problem is reported at its
 * JSON path (file: documents[0].annotations[3].start: what), collected
 * rather than thrown, so `gloss --validate` can list them all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-project-load-private.h"
#include "gloss-timestamp.h"

/* ---- Problems ---- */

void
gloss_load_add_problem (Loader     *loader,
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
void
gloss_load_problem (Loader     *loader,
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
    gloss_load_add_problem (loader, code, g_strdup_printf ("%s: %s: %s", loader->name, loader->path->str, what));
  else
    gloss_load_add_problem (loader, code, g_strdup_printf ("%s: %s", loader->name, what));
}

void
gloss_load_problem_at (Loader     *loader,
                       const char *member,
                       GlossError  code,
                       const char *format,
                       ...)
{
  g_autofree char *what = NULL;
  gsize mark = gloss_load_path_push_member (loader, member);
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  gloss_load_problem (loader, code, "%s", what);
  gloss_load_path_pop (loader, mark);
}

/* Notes what loading changed so that the project no longer matches the
 * file: not a problem (the load succeeds), but `gloss --validate` shows
 * it. */
void
gloss_load_repair (Loader     *loader,
                   const char *format,
                   ...)
{
  g_autofree char *what = NULL;
  va_list args;

  loader->repaired = TRUE;
  if (loader->repairs->len >= MAX_LISTED_PROBLEMS)
    return;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (loader->repairs,
                   g_strdup_printf ("%s: %s: %s", loader->name, loader->path->str, what));
}

/* A quote short enough for a message. */
char *
gloss_load_shorten (const char *text)
{
  const glong max = 40;
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);

  start = g_utf8_substring (text, 0, max - 1);
  return g_strconcat (start, "…", NULL);
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

gsize
gloss_load_path_push_member (Loader     *loader,
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

gsize
gloss_load_path_push_index (Loader *loader,
                            guint   index)
{
  gsize mark = loader->path->len;
  char digits[16];
  char *p = digits + sizeof digits;

  /* Not printf: once per annotation. */
  *--p = ']';
  do
    {
      *--p = (char) ('0' + index % 10);
      index /= 10;
    }
  while (index > 0);
  *--p = '[';
  g_string_append_len (loader->path, p, digits + sizeof digits - p);

  return mark;
}

void
gloss_load_path_pop (Loader *loader,
                     gsize   mark)
{
  g_string_truncate (loader->path, mark);
}
/* ---- Typed members ---- */

const char *
gloss_load_describe_node (const GlossJsonNode *node)
{
  switch ((GlossJsonType) node->type)
    {
    case GLOSS_JSON_OBJECT:
      return _("an object");
    case GLOSS_JSON_ARRAY:
      return _("an array");
    case GLOSS_JSON_NULL:
      return "null";  /* the JSON word itself */
    case GLOSS_JSON_STRING:
      return _("a string");
    case GLOSS_JSON_BOOLEAN:
      return _("true or false");
    case GLOSS_JSON_INT:
    case GLOSS_JSON_DOUBLE:
      return _("a number");
    default:
      return _("a value");
    }
}

/* The value itself when it is short and simple, for messages. */
char *
gloss_load_describe_value (const GlossJsonNode *node)
{
  if (node->type == GLOSS_JSON_INT)
    return g_strdup_printf ("%" G_GINT64_FORMAT, node->v.integer);
  if (node->type == GLOSS_JSON_DOUBLE)
    {
      /* Not printf's %g: a locale may write "12,5". */
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g", node->v.number));
    }

  return g_strdup (gloss_load_describe_node (node));
}

/* The member @name of @object, or NULL after a problem. */
const GlossJsonNode *
gloss_load_get_member (Loader     *loader,
                       const GlossJsonNode *object,
                       const char *name)
{
  const GlossJsonNode *node = gloss_json_object_get (object, name, &loader->hint);

  if (node == NULL)
    gloss_load_problem (loader, GLOSS_ERROR_INVALID, _("the member “%s” is missing"), name);

  return node;
}

gboolean
gloss_load_read_string (Loader      *loader,
                        const GlossJsonNode  *object,
                        const char  *name,
                        Nullability  nullability,
                        const char **out)
{
  const GlossJsonNode *node = gloss_load_get_member (loader, object, name);
  gsize mark;

  *out = NULL;
  if (node == NULL)
    return FALSE;

  if ((node)->type == GLOSS_JSON_NULL && nullability == NULLABLE)
    return TRUE;

  if (IS_STRING (node))
    {
      *out = (node)->v.string;
      return TRUE;
    }

  mark = gloss_load_path_push_member (loader, name);
  if (nullability == NULLABLE)
    gloss_load_problem (loader, GLOSS_ERROR_INVALID, _("must be a string or null, not %s"),
                        gloss_load_describe_node (node));
  else
    gloss_load_problem (loader, GLOSS_ERROR_INVALID, _("must be a string, not %s"),
                        gloss_load_describe_node (node));
  gloss_load_path_pop (loader, mark);

  return FALSE;
}

gboolean
gloss_load_read_id (Loader      *loader,
                    const GlossJsonNode  *object,
                    const char **out)
{
  if (!gloss_load_read_string (loader, object, "id", REQUIRED, out))
    return FALSE;

  if (**out == '\0')
    {
      gloss_load_problem_at (loader, "id", GLOSS_ERROR_INVALID, _("must not be empty"));
      *out = NULL;
      return FALSE;
    }

  return TRUE;
}

/* A whole number in [0, @max]. */
gboolean
gloss_load_read_count (Loader     *loader,
                       const GlossJsonNode *object,
                       const char *name,
                       gint64      max,
                       gint64     *out)
{
  const GlossJsonNode *node = gloss_load_get_member (loader, object, name);
  gboolean ok = FALSE;
  gsize mark;

  if (node == NULL)
    return FALSE;

  mark = gloss_load_path_push_member (loader, name);

  if (node->type == GLOSS_JSON_INT)
    {
      gint64 value = (node)->v.integer;

      if (value < 0)
        gloss_load_problem (loader, GLOSS_ERROR_INVALID,
                            _("must not be negative (it is %lld)"), (long long) value);
      else if (value > max)
        gloss_load_problem (loader, GLOSS_ERROR_INVALID, _("%lld is too large (at most %lld)"),
                                    (long long) value, (long long) max);
      else
        {
          *out = value;
          ok = TRUE;
        }
    }
  else if (node->type == GLOSS_JSON_DOUBLE)
    {
      g_autofree char *shown = gloss_load_describe_value (node);

      gloss_load_problem (loader, GLOSS_ERROR_INVALID, _("must be a whole number, not %s"), shown);
    }
  else
    gloss_load_problem (loader, GLOSS_ERROR_INVALID,
                        _("must be a whole number, not %s"), gloss_load_describe_node (node));

  gloss_load_path_pop (loader, mark);
  return ok;
}

gboolean
gloss_load_read_datetime (Loader       *loader,
                          const GlossJsonNode   *object,
                          const char   *name,
                          Nullability   nullability,
                          GDateTime   **out)
{
  g_autoptr(GDateTime) parsed = NULL;
  const char *text;
  gsize mark;

  *out = NULL;
  if (!gloss_load_read_string (loader, object, name, nullability, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (loader->last_time_text != NULL && strcmp (text, loader->last_time_text) == 0)
    {
      *out = g_date_time_ref (loader->last_time);
      return TRUE;
    }

  /* What Gloss writes is read by hand; anything else by GLib. */
  *out = gloss_timestamp_parse (text);
  if (*out == NULL)
    {
      parsed = g_date_time_new_from_iso8601 (text, NULL);
      /* Saving writes UTC: a time with no UTC form (year 1 at +05:00, say)
       * could not be saved. */
      if (parsed != NULL)
        *out = g_date_time_to_utc (parsed);
    }
  if (*out != NULL)
    {
      g_clear_pointer (&loader->last_time, g_date_time_unref);
      loader->last_time = g_date_time_ref (*out);
      loader->last_time_text = text;
      return TRUE;
    }

  mark = gloss_load_path_push_member (loader, name);
  if (parsed == NULL)
    gloss_load_problem (loader, GLOSS_ERROR_INVALID,
             _("“%s” is not a date and time in ISO 8601 form with a time zone "
             "(like 2024-05-01T09:30:00.000000Z)"), text);
  else
    gloss_load_problem (loader, GLOSS_ERROR_INVALID,
             _("“%s” falls outside the years 1 to 9999 in UTC"), text);
  gloss_load_path_pop (loader, mark);

  return FALSE;
}

const GlossJsonNode *
gloss_load_read_array (Loader     *loader,
                       const GlossJsonNode *object,
                       const char *name)
{
  const GlossJsonNode *node = gloss_load_get_member (loader, object, name);
  gsize mark;

  if (node == NULL)
    return NULL;
  if ((node)->type == GLOSS_JSON_ARRAY)
    return (node);

  mark = gloss_load_path_push_member (loader, name);
  gloss_load_problem (loader, GLOSS_ERROR_INVALID,
                      _("must be an array, not %s"), gloss_load_describe_node (node));
  gloss_load_path_pop (loader, mark);

  return NULL;
}

/* Element @index of @array as an object, or NULL after a problem (the path
 * already names the element). */
const GlossJsonNode *
gloss_load_element_object (Loader    *loader,
                           const GlossJsonNode *array,
                           guint      index)
{
  const GlossJsonNode *node = &(array)->v.elements[index];

  if ((node)->type == GLOSS_JSON_OBJECT)
    return (node);

  gloss_load_problem (loader, GLOSS_ERROR_INVALID,
                      _("must be an object, not %s"), gloss_load_describe_node (node));
  return NULL;
}


/* Remembers @id in @seen, or reports where it was seen first. */
gboolean
gloss_load_claim_id (Walk        *walk,
                     GHashTable  *seen,
                     const char  *id,
                     GlossIdKind  kind)
{
  const char *first = g_hash_table_lookup (seen, id);
  Loader *loader = walk->loader;

  if (first == NULL)
    {
      g_hash_table_insert (seen, (gpointer) id,
                           g_string_chunk_insert (walk->paths, loader->path->str));
      return TRUE;
    }

  /* Translators: the second %s is where the file used the id first,
   * a path like tags[2] */
  switch (kind)
    {
    case GLOSS_ID_TAG:
      gloss_load_problem_at (loader, "id", GLOSS_ERROR_INVALID,
                             _("the tag id “%s” is already used by %s"), id, first);
      break;
    case GLOSS_ID_DOCUMENT:
      gloss_load_problem_at (loader, "id", GLOSS_ERROR_INVALID,
                             _("the document id “%s” is already used by %s"), id, first);
      break;
    case GLOSS_ID_ANNOTATION:
      gloss_load_problem_at (loader, "id", GLOSS_ERROR_INVALID,
                             _("the annotation id “%s” is already used by %s"), id, first);
      break;
    case GLOSS_ID_RELATION:
    default:
      gloss_load_problem_at (loader, "id", GLOSS_ERROR_INVALID,
                             _("the relation id “%s” is already used by %s"), id, first);
      break;
    }

  return FALSE;
}

/* The optional mark of a merge conflict: {"side": "ours" | "theirs",
 * "with": id or ""}. Absent means none; *@out is left NULL then. */
gboolean
gloss_load_read_conflict (Loader               *loader,
                          const GlossJsonNode  *object,
                          GlossConflict       **out)
{
  const GlossJsonNode *node = gloss_json_object_get (object, "conflict", NULL);
  GlossConflictSide side = GLOSS_CONFLICT_NONE;
  const char *side_name = NULL, *with = NULL;
  gboolean ok = TRUE;
  gsize mark;

  *out = NULL;
  if (node == NULL)
    return TRUE;

  mark = gloss_load_path_push_member (loader, "conflict");
  if (node->type != GLOSS_JSON_OBJECT)
    {
      gloss_load_problem (loader, GLOSS_ERROR_INVALID,
                          _("must be an object with “side” and “with”, not %s"),
               gloss_load_describe_node (node));
      gloss_load_path_pop (loader, mark);
      return FALSE;
    }

  if (!gloss_load_read_string (loader, node, "side", REQUIRED, &side_name))
    ok = FALSE;
  else if (!gloss_conflict_side_from_string (side_name, &side))
    {
      gloss_load_problem_at (loader, "side", GLOSS_ERROR_INVALID,
                             _("“%s” is not a side of a merge (ours or theirs)"), side_name);
      ok = FALSE;
    }
  ok &= gloss_load_read_string (loader, node, "with", REQUIRED, &with);
  gloss_load_path_pop (loader, mark);

  if (ok)
    *out = gloss_conflict_new (side, with);

  return ok;
}

void
gloss_load_read_list (Walk       *walk,
                      const GlossJsonNode  *array,
                      const char *name,
                      void      (*read_item) (Walk *, const GlossJsonNode *))
{
  guint n = (array)->length;
  gsize mark = gloss_load_path_push_member (walk->loader, name);

  for (guint i = 0; i < n; i++)
    {
      gsize item = gloss_load_path_push_index (walk->loader, i);
      const GlossJsonNode *object = gloss_load_element_object (walk->loader, array, i);

      if (object != NULL)
        read_item (walk, object);
      gloss_load_path_pop (walk->loader, item);
    }

  gloss_load_path_pop (walk->loader, mark);
}

