/* gloss-project-load.c — reading .gloss project files, strictly
 *
 * Loading runs in three passes over the bytes:
 *
 * 1. and 2. the bytes and a strict JSON scan (gloss-project-scan.c), which
 *    stop at the first problem; the scan builds a compact tree as it goes
 *    (gloss-json-reader.c), so the file is read once;
 * 3. the walk below checks every member of the tree and builds the model
 *    with the raw construction functions (no undo history), and the tree
 *    is freed.
 *
 * Problems found by the walk are collected, not thrown: `gloss --validate`
 * lists them all, and the GError carries the first. Loading never writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "gloss-anchor.h"
#include "gloss-annotation.h"
#include "gloss-disk-state.h"
#include "gloss-document-private.h"
#include "gloss-project-file.h"
#include "gloss-project-private.h"
#include "gloss-project-scan.h"
#include "gloss-utf8.h"
#include "gloss-relation.h"
#include "gloss-tag.h"

/* Past this many, problems are counted but their messages not kept: a file
 * with two million bad annotations should not need gigabytes to say so. */
#define MAX_LISTED_PROBLEMS 1000

typedef struct
{
  const char *name;          /* the file, as messages name it */
  GPtrArray  *problems;      /* char* messages, owned */
  guint       n_problems;
  GlossError  first_code;
  char       *first_message;
  GString    *path;          /* JSON path of the member being read */
  gboolean    repaired;      /* the model differs from the file */
  GPtrArray  *repairs;       /* char* notes on what loading changed, owned */
  guint       hint;          /* where the last member was found (see gloss_json_object_get) */
  const char *last_time_text;  /* the last timestamp read (in the tree) … */
  GDateTime  *last_time;       /* … and its value, owned: many annotations share one */
} Loader;

/* ---- Problems ---- */

static void
add_problem (Loader     *loader,
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
static void G_GNUC_PRINTF (3, 4)
problem (Loader     *loader,
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
    add_problem (loader, code, g_strdup_printf ("%s: %s: %s", loader->name, loader->path->str, what));
  else
    add_problem (loader, code, g_strdup_printf ("%s: %s", loader->name, what));
}

/* Notes what loading changed so that the project no longer matches the
 * file: not a problem (the load succeeds), but `gloss --validate` shows
 * it. */
static void G_GNUC_PRINTF (2, 3)
repair (Loader     *loader,
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
static char *
shorten (const char *text)
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

static gsize
path_push_member (Loader     *loader,
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

static gsize
path_push_index (Loader *loader,
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

static void
path_pop (Loader *loader,
          gsize   mark)
{
  g_string_truncate (loader->path, mark);
}
/* ---- Pass 3: the walk ---- */

#define IS_STRING(node) ((node)->type == GLOSS_JSON_STRING)

static const char *
describe_node (const GlossJsonNode *node)
{
  switch ((GlossJsonType) node->type)
    {
    case GLOSS_JSON_OBJECT:
      return "an object";
    case GLOSS_JSON_ARRAY:
      return "an array";
    case GLOSS_JSON_NULL:
      return "null";
    case GLOSS_JSON_STRING:
      return "a string";
    case GLOSS_JSON_BOOLEAN:
      return "true or false";
    case GLOSS_JSON_INT:
    case GLOSS_JSON_DOUBLE:
      return "a number";
    default:
      return "a value";
    }
}

/* The value itself when it is short and simple, for messages. */
static char *
describe_value (const GlossJsonNode *node)
{
  if (node->type == GLOSS_JSON_INT)
    return g_strdup_printf ("%" G_GINT64_FORMAT, node->v.integer);
  if (node->type == GLOSS_JSON_DOUBLE)
    {
      /* Not printf's %g: a locale may write "12,5". */
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g", node->v.number));
    }

  return g_strdup (describe_node (node));
}

/* The member @name of @object, or NULL after a problem. */
static const GlossJsonNode *
get_member (Loader     *loader,
            const GlossJsonNode *object,
            const char *name)
{
  const GlossJsonNode *node = gloss_json_object_get (object, name, &loader->hint);

  if (node == NULL)
    problem (loader, GLOSS_ERROR_INVALID, "the member “%s” is missing", name);

  return node;
}

typedef enum {
  REQUIRED,
  NULLABLE,
} Nullability;

static gboolean
read_string (Loader      *loader,
             const GlossJsonNode  *object,
             const char  *name,
             Nullability  nullability,
             const char **out)
{
  const GlossJsonNode *node = get_member (loader, object, name);
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

  mark = path_push_member (loader, name);
  problem (loader, GLOSS_ERROR_INVALID, "must be a string%s, not %s",
           nullability == NULLABLE ? " or null" : "", describe_node (node));
  path_pop (loader, mark);

  return FALSE;
}

static gboolean
read_id (Loader      *loader,
         const GlossJsonNode  *object,
         const char **out)
{
  if (!read_string (loader, object, "id", REQUIRED, out))
    return FALSE;

  if (**out == '\0')
    {
      gsize mark = path_push_member (loader, "id");

      problem (loader, GLOSS_ERROR_INVALID, "must not be empty");
      path_pop (loader, mark);
      *out = NULL;
      return FALSE;
    }

  return TRUE;
}

/* A whole number in [0, @max]. */
static gboolean
read_count (Loader     *loader,
            const GlossJsonNode *object,
            const char *name,
            gint64      max,
            gint64     *out)
{
  const GlossJsonNode *node = get_member (loader, object, name);
  gboolean ok = FALSE;
  gsize mark;

  if (node == NULL)
    return FALSE;

  mark = path_push_member (loader, name);

  if (node->type == GLOSS_JSON_INT)
    {
      gint64 value = (node)->v.integer;

      if (value < 0)
        problem (loader, GLOSS_ERROR_INVALID, "must not be negative (it is %" G_GINT64_FORMAT ")", value);
      else if (value > max)
        problem (loader, GLOSS_ERROR_INVALID, "%" G_GINT64_FORMAT " is too large (at most %" G_GINT64_FORMAT ")",
                 value, max);
      else
        {
          *out = value;
          ok = TRUE;
        }
    }
  else if (node->type == GLOSS_JSON_DOUBLE)
    {
      g_autofree char *shown = describe_value (node);

      problem (loader, GLOSS_ERROR_INVALID, "must be a whole number, not %s", shown);
    }
  else
    problem (loader, GLOSS_ERROR_INVALID, "must be a whole number, not %s", describe_node (node));

  path_pop (loader, mark);
  return ok;
}

static int
two_digits (const char *p)
{
  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
    return -1;
  return (p[0] - '0') * 10 + (p[1] - '0');
}

/* The form Gloss writes, 2024-05-01T09:30:00.000000Z, without GLib's
 * general ISO 8601 parser (which builds a time zone for each), or NULL
 * for any other form or a date that does not exist. Whole seconds and
 * microseconds are added apart, so the value is exact. */
static GDateTime *
parse_utc_timestamp (const char *text)
{
  g_autoptr(GDateTime) whole = NULL;
  int year, month, day, hour, minute, second;
  int usec = 0;

  if (strlen (text) != 27 ||
      text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text[19] != '.' || text[26] != 'Z')
    return NULL;

  if (two_digits (text) < 0 || two_digits (text + 2) < 0)
    return NULL;
  year = two_digits (text) * 100 + two_digits (text + 2);
  month = two_digits (text + 5);
  day = two_digits (text + 8);
  hour = two_digits (text + 11);
  minute = two_digits (text + 14);
  second = two_digits (text + 17);
  for (guint i = 20; i < 26; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return NULL;
      usec = usec * 10 + (text[i] - '0');
    }

  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31 ||
      hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return NULL;

  whole = g_date_time_new_utc (year, month, day, hour, minute, second);
  if (whole == NULL)
    return NULL;

  return g_date_time_add (whole, usec);
}

static gboolean
read_datetime (Loader       *loader,
               const GlossJsonNode   *object,
               const char   *name,
               Nullability   nullability,
               GDateTime   **out)
{
  g_autoptr(GDateTime) parsed = NULL;
  const char *text;
  gsize mark;

  *out = NULL;
  if (!read_string (loader, object, name, nullability, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (loader->last_time_text != NULL && strcmp (text, loader->last_time_text) == 0)
    {
      *out = g_date_time_ref (loader->last_time);
      return TRUE;
    }

  /* What Gloss writes is read by hand; anything else by GLib. */
  *out = parse_utc_timestamp (text);
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

  mark = path_push_member (loader, name);
  if (parsed == NULL)
    problem (loader, GLOSS_ERROR_INVALID,
             "“%s” is not a date and time in ISO 8601 form with a time zone "
             "(like 2024-05-01T09:30:00.000000Z)", text);
  else
    problem (loader, GLOSS_ERROR_INVALID,
             "“%s” falls outside the years 1 to 9999 in UTC", text);
  path_pop (loader, mark);

  return FALSE;
}

static const GlossJsonNode *
read_array (Loader     *loader,
            const GlossJsonNode *object,
            const char *name)
{
  const GlossJsonNode *node = get_member (loader, object, name);
  gsize mark;

  if (node == NULL)
    return NULL;
  if ((node)->type == GLOSS_JSON_ARRAY)
    return (node);

  mark = path_push_member (loader, name);
  problem (loader, GLOSS_ERROR_INVALID, "must be an array, not %s", describe_node (node));
  path_pop (loader, mark);

  return NULL;
}

/* Element @index of @array as an object, or NULL after a problem (the path
 * already names the element). */
static const GlossJsonNode *
element_object (Loader    *loader,
                const GlossJsonNode *array,
                guint      index)
{
  const GlossJsonNode *node = &(array)->v.elements[index];

  if ((node)->type == GLOSS_JSON_OBJECT)
    return (node);

  problem (loader, GLOSS_ERROR_INVALID, "must be an object, not %s", describe_node (node));
  return NULL;
}

typedef struct
{
  Loader       *loader;
  GlossProject *project;
  GHashTable   *tags;          /* id → path (char*) */
  char         *digits[10];    /* path of the tag holding each digit */
  GHashTable   *documents;     /* id → path */
  GHashTable   *annotations;   /* id → path, every one seen, built or not */
  GHashTable   *relations;     /* id → path */
  GStringChunk *paths;         /* the paths above; the ids stay in the tree */
  GPtrArray    *tag_ids;       /* reused for each annotation's tags */
  gint64        version;       /* the file's format version */
} Walk;

/* Remembers @id in @seen, or reports where it was seen first. */
static gboolean
claim_id (Walk       *walk,
          GHashTable *seen,
          const char *id,
          const char *what)
{
  const char *first = g_hash_table_lookup (seen, id);
  gsize mark;

  if (first == NULL)
    {
      g_hash_table_insert (seen, (gpointer) id,
                           g_string_chunk_insert (walk->paths, walk->loader->path->str));
      return TRUE;
    }

  mark = path_push_member (walk->loader, "id");
  problem (walk->loader, GLOSS_ERROR_INVALID, "the %s id “%s” is already used by %s",
           what, id, first);
  path_pop (walk->loader, mark);

  return FALSE;
}

/* The optional mark of a merge conflict: {"side": "ours" | "theirs",
 * "with": id or ""}. Absent means none; *@out is left NULL then. */
static gboolean
read_conflict (Loader               *loader,
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

  mark = path_push_member (loader, "conflict");
  if (node->type != GLOSS_JSON_OBJECT)
    {
      problem (loader, GLOSS_ERROR_INVALID, "must be an object with “side” and “with”, not %s",
               describe_node (node));
      path_pop (loader, mark);
      return FALSE;
    }

  if (!read_string (loader, node, "side", REQUIRED, &side_name))
    ok = FALSE;
  else if (!gloss_conflict_side_from_string (side_name, &side))
    {
      gsize item = path_push_member (loader, "side");

      problem (loader, GLOSS_ERROR_INVALID, "“%s” is not a side of a merge (ours or theirs)", side_name);
      path_pop (loader, item);
      ok = FALSE;
    }
  ok &= read_string (loader, node, "with", REQUIRED, &with);
  path_pop (loader, mark);

  if (ok)
    *out = gloss_conflict_new (side, with);

  return ok;
}

static void
read_tag (Walk       *walk,
          const GlossJsonNode *object)
{
  Loader *loader = walk->loader;
  const char *id = NULL, *name = NULL, *color = NULL, *description = NULL;
  gint64 digit = -1;
  gboolean ok = TRUE;
  const GlossJsonNode *digit_node;
  g_autoptr(GlossTag) tag = NULL;
  g_autoptr(GlossConflict) conflict = NULL;

  ok &= read_id (loader, object, &id);
  if (id != NULL)
    ok &= claim_id (walk, walk->tags, id, "tag");
  ok &= read_string (loader, object, "name", REQUIRED, &name);
  ok &= read_string (loader, object, "color", REQUIRED, &color);
  if (color != NULL && !gloss_color_is_valid (color))
    {
      gsize mark = path_push_member (loader, "color");

      problem (loader, GLOSS_ERROR_INVALID, "“%s” is not a colour of the form #rrggbb", color);
      path_pop (loader, mark);
      ok = FALSE;
    }

  digit_node = get_member (loader, object, "digit");
  if (digit_node == NULL)
    ok = FALSE;
  else if ((digit_node)->type != GLOSS_JSON_NULL)
    {
      gsize mark = path_push_member (loader, "digit");

      if (digit_node->type != GLOSS_JSON_INT ||
          (digit_node)->v.integer < 0 || (digit_node)->v.integer > 9)
        {
          g_autofree char *shown = describe_value (digit_node);

          problem (loader, GLOSS_ERROR_INVALID,
                   "must be a digit from 0 to 9, or null for none, not %s", shown);
          ok = FALSE;
        }
      else if (walk->digits[(digit = (digit_node)->v.integer)] != NULL)
        {
          problem (loader, GLOSS_ERROR_INVALID, "the digit %d is already used by %s",
                   (int) digit, walk->digits[digit]);
          ok = FALSE;
        }
      else
        walk->digits[digit] = g_strdup (loader->path->str);

      path_pop (loader, mark);
    }

  ok &= read_string (loader, object, "description", REQUIRED, &description);
  ok &= read_conflict (loader, object, &conflict);

  if (!ok)
    return;

  tag = gloss_tag_new (id, name, color, (int) digit);
  gloss_tag_set_description (tag, description);
  if (conflict != NULL)
    gloss_tag_set_conflict (tag, conflict->side, conflict->with);
  gloss_project_insert_tag (walk->project, tag);
}

static void
read_tags (Walk      *walk,
           const GlossJsonNode *tags)
{
  guint n = (tags)->length;
  gsize mark = path_push_member (walk->loader, "tags");

  for (guint i = 0; i < n; i++)
    {
      gsize item = path_push_index (walk->loader, i);
      const GlossJsonNode *object = element_object (walk->loader, tags, i);

      if (object != NULL)
        read_tag (walk, object);
      path_pop (walk->loader, item);
    }

  path_pop (walk->loader, mark);
}

static void
read_relation_types (Walk      *walk,
                     const GlossJsonNode *types)
{
  guint n = (types)->length;
  gsize mark = path_push_member (walk->loader, "relation_types");

  for (guint i = 0; i < n; i++)
    {
      const GlossJsonNode *node = &(types)->v.elements[i];
      gsize item = path_push_index (walk->loader, i);

      if (!IS_STRING (node))
        problem (walk->loader, GLOSS_ERROR_INVALID, "must be a string, not %s", describe_node (node));
      else if (*(node)->v.string == '\0')
        problem (walk->loader, GLOSS_ERROR_INVALID, "must not be empty");
      else if (gloss_project_has_relation_type (walk->project, (node)->v.string))
        problem (walk->loader, GLOSS_ERROR_INVALID, "the relation type “%s” is listed twice",
                 (node)->v.string);
      else
        gloss_project_insert_relation_type (walk->project, (node)->v.string);

      path_pop (walk->loader, item);
    }

  path_pop (walk->loader, mark);
}

typedef struct
{
  Walk            *walk;
  GlossDocument   *document;
  GlossAnchorText *anchor_text;   /* built when the first annotation needs it */
} DocumentWalk;

static gboolean
read_annotation_tags (Walk        *walk,
                      const GlossJsonNode  *object,
                      GPtrArray   *out)
{
  Loader *loader = walk->loader;
  const GlossJsonNode *tags = read_array (loader, object, "tags");
  gboolean ok = TRUE;
  gsize mark;
  guint n;

  if (tags == NULL)
    return FALSE;

  mark = path_push_member (loader, "tags");
  n = (tags)->length;
  for (guint i = 0; i < n; i++)
    {
      const GlossJsonNode *node = &(tags)->v.elements[i];
      gsize item = path_push_index (loader, i);
      const char *id;

      if (!IS_STRING (node))
        {
          problem (loader, GLOSS_ERROR_INVALID, "must be a tag id (a string), not %s",
                   describe_node (node));
          ok = FALSE;
        }
      else if (!g_hash_table_contains (walk->tags, (id = (node)->v.string)))
        {
          problem (loader, GLOSS_ERROR_INVALID, "no tag has the id “%s”", id);
          ok = FALSE;
        }
      else if (g_ptr_array_find_with_equal_func (out, id, g_str_equal, NULL))
        {
          problem (loader, GLOSS_ERROR_INVALID, "the tag “%s” is listed twice", id);
          ok = FALSE;
        }
      else
        g_ptr_array_add (out, (gpointer) id);

      path_pop (loader, item);
    }
  path_pop (loader, mark);

  g_ptr_array_add (out, NULL);
  return ok;
}

static gboolean
read_attributes (Loader          *loader,
                 const GlossJsonNode      *object,
                 GlossAnnotation *annotation)
{
  const GlossJsonNode *node = get_member (loader, object, "attributes");
  gboolean ok = TRUE;
  gsize mark;

  if (node == NULL)
    return FALSE;

  mark = path_push_member (loader, "attributes");
  if ((node)->type != GLOSS_JSON_OBJECT)
    {
      problem (loader, GLOSS_ERROR_INVALID, "must be an object of strings, not %s",
               describe_node (node));
      path_pop (loader, mark);
      return FALSE;
    }

  for (guint i = 0; i < node->length; i++)
    {
      const char *key = node->v.members[i].name;
      const GlossJsonNode *value = &node->v.members[i].value;

      if (IS_STRING (value))
        {
          gloss_annotation_set_attribute (annotation, key, (value)->v.string);
          continue;
        }

      {
        gsize item = path_push_member (loader, key);

        problem (loader, GLOSS_ERROR_INVALID, "an attribute value must be a string, not %s",
                 describe_node (value));
        path_pop (loader, item);
        ok = FALSE;
      }
    }
  path_pop (loader, mark);

  return ok;
}

/* Whether @quote, @prefix and @suffix are exactly what adding the
 * annotation at [start, end) would take from the text: the bytes at the
 * offsets and the lengths in characters. Costs one offset conversion,
 * where slicing them anew costs six and three copies. */
static gboolean
selector_matches_text (GlossDocument *document,
                       GlossOffset    start,
                       GlossOffset    end,
                       const char    *quote,
                       const char    *prefix,
                       const char    *suffix)
{
  const char *text = gloss_document_get_text (document);
  gsize size = gloss_document_get_text_size (document);
  GlossOffset length = gloss_document_get_length (document);
  gsize quote_size = strlen (quote);
  gsize prefix_size = strlen (prefix);
  gsize suffix_size = strlen (suffix);
  gsize start_byte, end_byte;

  if (start >= end || end > length)
    return FALSE;

  /* The strings are valid UTF-8 like the text: bytes that match from a
   * character boundary cover whole characters, so counting the string's
   * characters counts the text's. */
  start_byte = gloss_document_offset_to_byte (document, start);
  if (quote_size > size - start_byte ||
      memcmp (text + start_byte, quote, quote_size) != 0 ||
      gloss_utf8_count (quote, quote_size) != end - start)
    return FALSE;
  end_byte = start_byte + quote_size;

  if (prefix_size > start_byte ||
      memcmp (text + start_byte - prefix_size, prefix, prefix_size) != 0 ||
      gloss_utf8_count (prefix, prefix_size) != MIN (start, GLOSS_CONTEXT_LENGTH))
    return FALSE;

  if (suffix_size > size - end_byte ||
      memcmp (text + end_byte, suffix, suffix_size) != 0 ||
      gloss_utf8_count (suffix, suffix_size) != MIN (length - end, GLOSS_CONTEXT_LENGTH))
    return FALSE;

  return TRUE;
}

/* Puts @annotation where its quote is. The stored offsets win when the
 * text there is the quote; otherwise the anchoring finds it a new place
 * (moved) or none (orphaned, keeping what it quoted). Never dropped. */
static void
anchor_annotation (DocumentWalk    *dw,
                   GlossAnnotation *annotation,
                   const char      *quote,
                   const char      *prefix,
                   const char      *suffix,
                   GlossAnchorState stored_state)
{
  GlossDocument *document = dw->document;
  GlossOffset start = gloss_annotation_get_start (annotation);
  GlossOffset end = gloss_annotation_get_end (annotation);
  GlossAnchorSelector selector = { start, end, quote, prefix, suffix };
  g_autofree char *shown = NULL;
  GlossAnchorState state;
  GlossOffset new_start, new_end;

  gloss_annotation_set_state (annotation, stored_state);

  /* An orphan keeps what it quoted; it waits for the user, not for us. */
  if (stored_state == GLOSS_ANCHOR_ORPHANED)
    {
      gloss_annotation_set_selector (annotation, quote, prefix, suffix);
      gloss_document_add_annotation (document, annotation);
      return;
    }

  /* The common case: the file says what the text says. */
  if (selector_matches_text (document, start, end, quote, prefix, suffix))
    {
      gloss_annotation_set_selector (annotation, quote, prefix, suffix);
      _gloss_document_add_annotation_keeping_selector (document, annotation);
      return;
    }

  /* Adding takes quote, prefix and suffix from the text at the offsets. */
  gloss_document_add_annotation (document, annotation);
  if (g_str_equal (gloss_annotation_get_quote (annotation), quote))
    {
      /* If the file's context said otherwise, the next save differs. */
      if (!g_str_equal (gloss_annotation_get_prefix (annotation), prefix) ||
          !g_str_equal (gloss_annotation_get_suffix (annotation), suffix))
        repair (dw->walk->loader,
                "its prefix or suffix differs from the text around it; taken from the text");
      return;
    }
  gloss_document_remove_annotation (document, annotation);

  if (dw->anchor_text == NULL)
    dw->anchor_text = gloss_anchor_text_new (gloss_document_get_text (document),
                                             (gssize) gloss_document_get_text_size (document));

  state = gloss_anchor_locate (dw->anchor_text, &selector, &new_start, &new_end);
  if (state == GLOSS_ANCHOR_ANCHORED)
    {
      /* The offsets changed or the quote did not match where it said it
       * was: either way a person should look at it. */
      state = GLOSS_ANCHOR_MOVED;
    }

  gloss_annotation_set_bounds (annotation, new_start, new_end);
  gloss_annotation_set_state (annotation, state);
  if (state == GLOSS_ANCHOR_ORPHANED)
    gloss_annotation_set_selector (annotation, quote, prefix, suffix);
  gloss_document_add_annotation (document, annotation);

  shown = shorten (quote);
  if (state == GLOSS_ANCHOR_ORPHANED)
    repair (dw->walk->loader,
            "its quote “%s” is not at %u–%u nor anywhere else in the text; "
            "kept there and marked orphaned", shown, start, end);
  else
    repair (dw->walk->loader,
            "its quote “%s” is not at %u–%u; found at %u–%u and marked moved for review",
            shown, start, end, new_start, new_end);
}

static void
read_annotation (DocumentWalk *dw,
                 const GlossJsonNode   *object)
{
  Walk *walk = dw->walk;
  Loader *loader = walk->loader;
  GlossOffset length = gloss_document_get_length (dw->document);
  const char *id = NULL, *quote = NULL, *prefix = NULL, *suffix = NULL;
  const char *note = NULL, *author = NULL, *state_name = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  GPtrArray *tags = walk->tag_ids;
  g_autoptr(GlossAnnotation) annotation = NULL;
  g_autoptr(GlossConflict) conflict = NULL;
  GlossAnchorState state = GLOSS_ANCHOR_ANCHORED;
  gint64 start = -1, end = -1;
  gboolean ok = TRUE;

  g_ptr_array_set_size (tags, 0);
  ok &= read_id (loader, object, &id);
  if (id != NULL)
    ok &= claim_id (walk, walk->annotations, id, "annotation");
  ok &= read_count (loader, object, "start", G_MAXUINT32, &start);
  ok &= read_count (loader, object, "end", G_MAXUINT32, &end);
  ok &= read_string (loader, object, "quote", REQUIRED, &quote);
  ok &= read_string (loader, object, "prefix", REQUIRED, &prefix);
  ok &= read_string (loader, object, "suffix", REQUIRED, &suffix);
  ok &= read_annotation_tags (walk, object, tags);
  ok &= read_string (loader, object, "note", REQUIRED, &note);
  ok &= read_string (loader, object, "author", REQUIRED, &author);
  ok &= read_datetime (loader, object, "created", NULLABLE, &created);
  ok &= read_datetime (loader, object, "modified", NULLABLE, &modified);
  if (!read_string (loader, object, "state", REQUIRED, &state_name))
    ok = FALSE;
  else if (!gloss_anchor_state_from_string (state_name, &state))
    {
      gsize mark = path_push_member (loader, "state");

      problem (loader, GLOSS_ERROR_INVALID,
               "“%s” is not an anchor state (anchored, moved or orphaned)", state_name);
      path_pop (loader, mark);
      ok = FALSE;
    }

  if (start >= 0 && end >= 0)
    {
      /* Only an orphan in an empty text may be empty itself. */
      gboolean empty_allowed = state == GLOSS_ANCHOR_ORPHANED && length == 0;

      if (end > length)
        {
          gsize mark = path_push_member (loader, "end");

          problem (loader, GLOSS_ERROR_INVALID,
                   "%" G_GINT64_FORMAT " is beyond the end of the text (%u characters long)",
                   end, length);
          path_pop (loader, mark);
          ok = FALSE;
        }
      if (start > end || (start == end && !empty_allowed))
        {
          gsize mark = path_push_member (loader, "start");

          problem (loader, GLOSS_ERROR_INVALID,
                   "must be less than end (start is %" G_GINT64_FORMAT ", end is %" G_GINT64_FORMAT ")",
                   start, end);
          path_pop (loader, mark);
          ok = FALSE;
        }
    }

  annotation = gloss_annotation_new (id, 0, 0);
  ok &= read_attributes (loader, object, annotation);
  ok &= read_conflict (loader, object, &conflict);

  if (!ok)
    return;

  gloss_annotation_set_bounds (annotation, (GlossOffset) start, (GlossOffset) end);
  gloss_annotation_set_tags (annotation, (const char * const *) tags->pdata);
  gloss_annotation_set_note (annotation, note);
  gloss_annotation_set_author (annotation, author);
  gloss_annotation_set_created (annotation, created);
  gloss_annotation_set_modified (annotation, modified);
  if (conflict != NULL)
    gloss_annotation_set_conflict (annotation, conflict->side, conflict->with);

  anchor_annotation (dw, annotation, quote, prefix, suffix, state);
}

/* Without a text to check them against, an annotation's other problems
 * would only echo the text's; its id is still noted so that relations to
 * it do not add more. */
static void
claim_annotation_id (Walk       *walk,
                     const GlossJsonNode *object)
{
  const GlossJsonNode *id = gloss_json_object_get (object, "id", NULL);

  if (id != NULL && IS_STRING (id) &&
      !g_hash_table_contains (walk->annotations, (id)->v.string))
    g_hash_table_insert (walk->annotations, (gpointer) (id)->v.string,
                         g_string_chunk_insert (walk->paths, walk->loader->path->str));
}

static gboolean
is_sha256 (const char *text)
{
  gsize i;

  for (i = 0; text[i] != '\0'; i++)
    if (!g_ascii_isdigit (text[i]) && !(text[i] >= 'a' && text[i] <= 'f'))
      return FALSE;

  return i == 64;
}

static gboolean
read_provenance_authors (Loader              *loader,
                         const GlossJsonNode *node,
                         GlossProvenance     *provenance)
{
  g_autoptr(GPtrArray) authors = g_ptr_array_new ();
  gboolean ok = TRUE;

  if (node->type != GLOSS_JSON_ARRAY)
    {
      problem (loader, GLOSS_ERROR_INVALID, "must be an array of names, not %s",
               describe_node (node));
      return FALSE;
    }

  for (guint i = 0; i < node->length; i++)
    {
      const GlossJsonNode *name = &node->v.elements[i];
      gsize item = path_push_index (loader, i);

      if (!IS_STRING (name))
        {
          problem (loader, GLOSS_ERROR_INVALID, "must be a name (a string), not %s",
                   describe_node (name));
          ok = FALSE;
        }
      else if (*name->v.string == '\0')
        {
          problem (loader, GLOSS_ERROR_INVALID, "must not be empty");
          ok = FALSE;
        }
      else
        g_ptr_array_add (authors, (gpointer) name->v.string);
      path_pop (loader, item);
    }

  g_ptr_array_add (authors, NULL);
  if (ok)
    gloss_provenance_set_authors (provenance, (const char * const *) authors->pdata);
  return ok;
}

/* A document's "provenance" (format version 2): an object whose members
 * are all optional; unknown members are skipped like anywhere else. */
static gboolean
read_provenance (Loader              *loader,
                 const GlossJsonNode *document,
                 GlossProvenance     *provenance)
{
  static const struct {
    const char *name;
    void      (*set) (GlossProvenance *, const char *);
  } string_members[] = {
    { "url", gloss_provenance_set_url },
    { "site_name", gloss_provenance_set_site_name },
    { "published", gloss_provenance_set_published },
    { "modified", gloss_provenance_set_modified },
    { "language", gloss_provenance_set_language },
    { "description", gloss_provenance_set_description },
    { "captured", gloss_provenance_set_captured },
    { "file", gloss_provenance_set_file },
    { "file_sha256", gloss_provenance_set_file_sha256 },
    { "extractor", gloss_provenance_set_extractor },
    { "extractor_version", gloss_provenance_set_extractor_version },
  };
  const GlossJsonNode *object = get_member (loader, document, "provenance");
  gboolean ok = TRUE;
  gsize mark;

  if (object == NULL)
    return FALSE;

  mark = path_push_member (loader, "provenance");
  if (object->type != GLOSS_JSON_OBJECT)
    {
      problem (loader, GLOSS_ERROR_INVALID, "must be an object, not %s", describe_node (object));
      path_pop (loader, mark);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (string_members); i++)
    {
      const GlossJsonNode *node = gloss_json_object_get (object, string_members[i].name, NULL);
      const char *why;
      gsize item;

      if (node == NULL)
        continue;

      item = path_push_member (loader, string_members[i].name);
      if (!IS_STRING (node))
        {
          problem (loader, GLOSS_ERROR_INVALID, "must be a string, not %s", describe_node (node));
          ok = FALSE;
        }
      else if ((why = gloss_provenance_check_value (string_members[i].name, node->v.string)) != NULL)
        {
          g_autofree char *shown = shorten (node->v.string);

          if (*node->v.string == '\0')
            problem (loader, GLOSS_ERROR_INVALID, "%s", why);
          else
            problem (loader, GLOSS_ERROR_INVALID, "“%s” %s", shown, why);
          ok = FALSE;
        }
      else
        string_members[i].set (provenance, node->v.string);
      path_pop (loader, item);
    }

  {
    const GlossJsonNode *authors = gloss_json_object_get (object, "authors", NULL);

    if (authors != NULL)
      {
        gsize item = path_push_member (loader, "authors");

        ok &= read_provenance_authors (loader, authors, provenance);
        path_pop (loader, item);
      }
  }

  path_pop (loader, mark);
  return ok;
}

static void
read_document (Walk       *walk,
               const GlossJsonNode *object)
{
  Loader *loader = walk->loader;
  const char *id = NULL, *title = NULL, *source = NULL, *sha256 = NULL, *text = NULL;
  g_autoptr(GDateTime) imported = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossConflict) conflict = NULL;
  g_autoptr(GlossProvenance) provenance = gloss_provenance_new ();
  const GlossJsonNode *annotations;
  DocumentWalk dw = { walk, NULL, NULL };
  gboolean ok = TRUE;
  gsize mark;
  guint n;

  ok &= read_id (loader, object, &id);
  if (id != NULL)
    ok &= claim_id (walk, walk->documents, id, "document");
  ok &= read_string (loader, object, "title", REQUIRED, &title);
  ok &= read_string (loader, object, "source", REQUIRED, &source);
  ok &= read_datetime (loader, object, "imported", NULLABLE, &imported);
  /* Version 1 had no provenance: its documents have none to read. */
  if (walk->version >= 2)
    ok &= read_provenance (loader, object, provenance);
  if (!read_string (loader, object, "sha256", REQUIRED, &sha256))
    ok = FALSE;
  else if (!is_sha256 (sha256))
    {
      mark = path_push_member (loader, "sha256");
      problem (loader, GLOSS_ERROR_INVALID,
               "“%s” is not a SHA-256 (64 lower-case hexadecimal digits)", sha256);
      path_pop (loader, mark);
      ok = FALSE;
    }
  if (!read_string (loader, object, "text", REQUIRED, &text))
    ok = FALSE;
  else if (strlen (text) > GLOSS_MAX_DOCUMENT_SIZE)
    {
      mark = path_push_member (loader, "text");
      problem (loader, GLOSS_ERROR_TOO_LARGE,
               "the text is %" G_GSIZE_FORMAT " bytes; Gloss keeps documents of at most %d MB",
               strlen (text), GLOSS_MAX_DOCUMENT_SIZE / (1024 * 1024));
      path_pop (loader, mark);
      ok = FALSE;
    }

  annotations = read_array (loader, object, "annotations");
  ok &= read_conflict (loader, object, &conflict);

  document = gloss_document_new (id, title, text != NULL ? text : "");
  gloss_document_set_source (document, source);
  gloss_document_set_imported (document, imported);
  if (conflict != NULL)
    gloss_document_set_conflict (document, conflict->side, conflict->with);
  gloss_document_set_provenance (document, provenance);
  dw.document = document;

  if (annotations != NULL)
    {
      mark = path_push_member (loader, "annotations");
      n = (annotations)->length;
      for (guint i = 0; i < n; i++)
        {
          gsize item = path_push_index (loader, i);
          const GlossJsonNode *annotation = element_object (loader, annotations, i);

          if (annotation == NULL)
            ;
          else if (text != NULL)
            read_annotation (&dw, annotation);
          else
            claim_annotation_id (walk, annotation);
          path_pop (loader, item);
        }
      path_pop (loader, mark);
    }
  g_clear_pointer (&dw.anchor_text, gloss_anchor_text_free);

  if (!ok || annotations == NULL)
    return;

  /* The text is the truth: a digest that disagrees means someone edited
   * the text outside Gloss. The annotations were checked against the text
   * above; the next save writes the right digest. */
  if (!g_str_equal (sha256, gloss_document_get_sha256 (document)))
    {
      mark = path_push_member (loader, "sha256");
      repair (loader, "does not match the text (edited outside Gloss?); "
              "the text is kept and the digest corrected");
      path_pop (loader, mark);
    }

  gloss_project_insert_document (walk->project, document);
}

static void
read_relation (Walk       *walk,
               const GlossJsonNode *object)
{
  Loader *loader = walk->loader;
  const char *id = NULL, *type = NULL, *from = NULL, *to = NULL, *note = NULL, *author = NULL;
  g_autoptr(GlossRelation) relation = NULL;
  g_autoptr(GlossConflict) conflict = NULL;
  gboolean ok = TRUE;
  const char * const ends[] = { "from", "to" };
  const char **values[] = { &from, &to };

  ok &= read_id (loader, object, &id);
  if (id != NULL)
    ok &= claim_id (walk, walk->relations, id, "relation");
  if (!read_string (loader, object, "type", REQUIRED, &type))
    ok = FALSE;
  else if (*type == '\0')
    {
      gsize mark = path_push_member (loader, "type");

      problem (loader, GLOSS_ERROR_INVALID, "must not be empty");
      path_pop (loader, mark);
      ok = FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      if (!read_string (loader, object, ends[i], REQUIRED, values[i]))
        ok = FALSE;
      else if (!g_hash_table_contains (walk->annotations, *values[i]))
        {
          gsize mark = path_push_member (loader, ends[i]);

          problem (loader, GLOSS_ERROR_INVALID, "no annotation has the id “%s”", *values[i]);
          path_pop (loader, mark);
          ok = FALSE;
        }
    }

  ok &= read_string (loader, object, "note", REQUIRED, &note);
  if (gloss_json_object_get (object, "author", NULL) != NULL)
    ok &= read_string (loader, object, "author", REQUIRED, &author);
  ok &= read_conflict (loader, object, &conflict);

  if (!ok)
    return;

  relation = gloss_relation_new (id, type, from, to);
  gloss_relation_set_note (relation, note);
  gloss_relation_set_author (relation, author);
  if (conflict != NULL)
    gloss_relation_set_conflict (relation, conflict->side, conflict->with);
  gloss_project_insert_relation (walk->project, relation);
}

static void
read_list (Walk       *walk,
           const GlossJsonNode  *array,
           const char *name,
           void      (*read_item) (Walk *, const GlossJsonNode *))
{
  guint n = (array)->length;
  gsize mark = path_push_member (walk->loader, name);

  for (guint i = 0; i < n; i++)
    {
      gsize item = path_push_index (walk->loader, i);
      const GlossJsonNode *object = element_object (walk->loader, array, i);

      if (object != NULL)
        read_item (walk, object);
      path_pop (walk->loader, item);
    }

  path_pop (walk->loader, mark);
}

/* "format" and "version" decide whether to read on at all. */
static gboolean
check_format (Loader     *loader,
              const GlossJsonNode *root,
              gint64     *out_version)
{
  const GlossJsonNode *format = gloss_json_object_get (root, "format", NULL);
  const GlossJsonNode *version = gloss_json_object_get (root, "version", NULL);
  gint64 number;

  if (format == NULL)
    {
      problem (loader, GLOSS_ERROR_INVALID,
               "not a Gloss project: the member “format” is missing");
      return FALSE;
    }
  if (!IS_STRING (format) ||
      !g_str_equal ((format)->v.string, GLOSS_FORMAT_NAME))
    {
      if (IS_STRING (format))
        problem (loader, GLOSS_ERROR_INVALID,
                 "not a Gloss project: its format is “%s”, not “%s”",
                 (format)->v.string, GLOSS_FORMAT_NAME);
      else
        problem (loader, GLOSS_ERROR_INVALID,
                 "not a Gloss project: its format is %s, not the string “%s”",
                 describe_node (format), GLOSS_FORMAT_NAME);
      return FALSE;
    }

  if (version == NULL)
    {
      problem (loader, GLOSS_ERROR_INVALID, "the member “version” is missing");
      return FALSE;
    }
  if (version->type != GLOSS_JSON_INT)
    {
      problem (loader, GLOSS_ERROR_INVALID, "version: must be a whole number, not %s",
               describe_node (version));
      return FALSE;
    }

  number = (version)->v.integer;
  if (number > GLOSS_FORMAT_VERSION)
    {
      problem (loader, GLOSS_ERROR_VERSION,
               "was written by a newer Gloss (format version %" G_GINT64_FORMAT "); "
               "this Gloss reads version %d. Open it with a newer Gloss.",
               number, GLOSS_FORMAT_VERSION);
      return FALSE;
    }
  if (number < 1)
    {
      problem (loader, GLOSS_ERROR_INVALID,
               "version: %" G_GINT64_FORMAT " is not a format version (they start at 1)", number);
      return FALSE;
    }

  *out_version = number;
  return TRUE;
}

static GlossProject *
walk_project (Loader   *loader,
              const GlossJsonNode *root_node)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  const GlossJsonNode *root;
  const GlossJsonNode *tags, *relation_types, *documents, *relations;
  const char *title = NULL;
  Walk walk = { 0 };

  if ((root_node)->type != GLOSS_JSON_OBJECT)
    {
      problem (loader, GLOSS_ERROR_INVALID,
               "not a Gloss project: the file holds %s, not an object", describe_node (root_node));
      return NULL;
    }

  root = (root_node);
  if (!check_format (loader, root, &walk.version))
    return NULL;

  /* An older version is read as the current one and written as such on
   * the next save, which only the user decides: the project starts
   * changed, though nothing was wrong with the file. */
  if (walk.version < GLOSS_FORMAT_VERSION)
    loader->repaired = TRUE;

  project = gloss_project_new_empty ();
  walk.loader = loader;
  walk.project = project;
  walk.tags = g_hash_table_new (g_str_hash, g_str_equal);
  walk.documents = g_hash_table_new (g_str_hash, g_str_equal);
  walk.annotations = g_hash_table_new (g_str_hash, g_str_equal);
  walk.relations = g_hash_table_new (g_str_hash, g_str_equal);
  walk.paths = g_string_chunk_new (64 * 1024);
  walk.tag_ids = g_ptr_array_new ();

  if (read_string (loader, root, "title", REQUIRED, &title))
    gloss_project_set_title_raw (project, title);
  if (read_datetime (loader, root, "created", REQUIRED, &created))
    gloss_project_set_created (project, created);
  if (read_datetime (loader, root, "modified", REQUIRED, &modified))
    gloss_project_set_modified (project, modified);

  /* Tags first: annotations name them. Relations last: they name
   * annotations. */
  if ((tags = read_array (loader, root, "tags")) != NULL)
    read_tags (&walk, tags);
  if ((relation_types = read_array (loader, root, "relation_types")) != NULL)
    read_relation_types (&walk, relation_types);
  if ((documents = read_array (loader, root, "documents")) != NULL)
    read_list (&walk, documents, "documents", read_document);
  if ((relations = read_array (loader, root, "relations")) != NULL)
    read_list (&walk, relations, "relations", read_relation);

  g_hash_table_unref (walk.tags);
  g_hash_table_unref (walk.documents);
  g_hash_table_unref (walk.annotations);
  g_hash_table_unref (walk.relations);
  g_string_chunk_free (walk.paths);
  g_ptr_array_unref (walk.tag_ids);
  for (guint i = 0; i < G_N_ELEMENTS (walk.digits); i++)
    g_free (walk.digits[i]);

  return g_steal_pointer (&project);
}

/* ---- Entry points ---- */

static GlossProject *
load (Loader *loader,
      char   *data,
      gsize   size)
{
  g_autoptr(GlossJsonBuilder) builder = gloss_json_builder_new ();
  g_autoptr(GError) error = NULL;
  char empty[1] = "";

  if (data == NULL)
    data = empty;

  if (!_gloss_project_parse (loader->name, data, size, builder, &error))
    {
      add_problem (loader, (GlossError) error->code, g_strdup (error->message));
      return NULL;
    }

  return walk_project (loader, gloss_json_builder_get_root (builder));
}

/* Loads from @data, which it modifies: the tree keeps most strings in
 * place instead of copying them. */
static GlossProject *
load_data (char        *data,
           gsize        size,
           const char  *display_name,
           GPtrArray   *problems,
           GError     **error)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GPtrArray) own_problems = NULL;
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(GPtrArray) repairs = g_ptr_array_new_with_free_func (g_free);
  Loader loader = { 0 };

  if (problems == NULL)
    problems = own_problems = g_ptr_array_new_with_free_func (g_free);

  loader.name = display_name != NULL ? display_name : "project";
  loader.problems = problems;
  loader.path = path;
  loader.repairs = repairs;

  project = load (&loader, data, size);
  g_clear_pointer (&loader.last_time, g_date_time_unref);

  if (loader.n_problems > 0)
    {
      g_autofree char *first = g_steal_pointer (&loader.first_message);
      guint more = loader.n_problems - 1;

      if (loader.n_problems > MAX_LISTED_PROBLEMS)
        g_ptr_array_add (problems,
                         g_strdup_printf ("%s: … and %u more problems not listed",
                                          loader.name, loader.n_problems - MAX_LISTED_PROBLEMS));

      if (more == 0)
        g_set_error_literal (error, GLOSS_ERROR, loader.first_code, first);
      else
        g_set_error (error, GLOSS_ERROR, loader.first_code,
                     "%s (and %u more problem%s)", first, more, more == 1 ? "" : "s");
      return NULL;
    }

  if (loader.repaired)
    _gloss_project_mark_unsaved (project);

  /* A loaded project reports what loading changed, for `gloss --validate`. */
  for (guint i = 0; i < repairs->len; i++)
    g_ptr_array_add (problems, g_steal_pointer (&g_ptr_array_index (repairs, i)));

  return g_steal_pointer (&project);
}

GlossProject *
gloss_project_load_bytes (GBytes     *bytes,
                          const char *display_name,
                          GPtrArray  *problems,
                          GError    **error)
{
  g_autofree char *copy = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The caller keeps @bytes: the reading works on a copy. */
  data = g_bytes_get_data (bytes, &size);
  copy = size > 0 ? g_memdup2 (data, size) : NULL;

  return load_data (copy, size, display_name, problems, error);
}

/* Reads at most one byte past the size limit, so that a pipe or a device
 * (gloss --validate /dev/zero) ends in "too large" instead of filling the
 * memory; the size check in gloss_project_load_bytes() then refuses it. */
static GBytes *
read_bounded (GFile   *file,
              gsize    size_hint,
              GError **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  g_autoptr(GByteArray) buffer = NULL;
  const gsize limit = (gsize) GLOSS_MAX_PROJECT_FILE_SIZE + 1;

  if (stream == NULL)
    return NULL;

  buffer = g_byte_array_sized_new ((guint) MIN (size_hint + 1, limit));
  gloss_json_advise_huge_pages (buffer->data, MIN (size_hint + 1, limit));
  while (buffer->len < limit)
    {
      gsize chunk = MIN (limit - buffer->len, 1024 * 1024);
      gsize old_length = buffer->len;
      gsize n_read = 0;

      g_byte_array_set_size (buffer, (guint) (old_length + chunk));
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer->data + old_length,
                                    chunk, &n_read, NULL, error))
        return NULL;

      g_byte_array_set_size (buffer, (guint) (old_length + n_read));
      if (n_read < chunk)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

gboolean
gloss_file_is_project (GFile *file)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  basename = g_file_get_basename (file);
  return basename != NULL && g_str_has_suffix (basename, GLOSS_PROJECT_SUFFIX);
}

GlossProject *
gloss_project_load (GFile   *file,
                    GError **error)
{
  return gloss_project_load_with_problems (file, NULL, error);
}

GlossProject *
gloss_project_load_with_problems (GFile      *file,
                                  GPtrArray  *problems,
                                  GError    **error)
{
  g_autoptr(GlossDiskState) state = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_basename (file);
  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_free (name);
      name = g_file_get_parse_name (file);
    }

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, "%s: no such file", name);
      else
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO, "%s: could not be read: %s",
                     name, local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO, "%s: is a folder, not a project file", name);
      return NULL;
    }

  /* Refuse before reading half a gigabyte into memory. */
  if (g_file_info_get_size (info) > GLOSS_MAX_PROJECT_FILE_SIZE)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   "%s: the file is %" G_GOFFSET_FORMAT " bytes; Gloss opens project files of at most %d MB",
                   name, g_file_info_get_size (info), GLOSS_MAX_PROJECT_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  bytes = read_bounded (file, (gsize) g_file_info_get_size (info), &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO, "%s: could not be read: %s",
                   name, local_error->message);
      return NULL;
    }

  /* What the file held, so that a save notices changes made meanwhile
   * (not for what loading refuses as too large: no need to hash that). */
  if (g_bytes_get_size (bytes) <= GLOSS_MAX_PROJECT_FILE_SIZE)
    state = gloss_disk_state_new (file, bytes);

  /* The bytes are ours alone: reading works on them without a copy. */
  {
    gsize size = 0;
    g_autofree char *data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &size);
    GlossProject *project = load_data (data, size, name, problems, error);

    if (project != NULL)
      gloss_project_set_disk_state (project, g_steal_pointer (&state));
    return project;
  }
}
