/* gloss-project-load.c — reading .gloss project files, strictly
 *
 * Loading runs in three passes over the bytes:
 *
 * 1. and 2. the bytes and a strict JSON scan (gloss-project-scan.c), which
 *    stop at the first problem; the scan builds a compact tree as it goes
 *    (gloss-json-reader.c), so the file is read once;
 * 3. the walk below checks every member of the tree and builds the model
 *    with the raw construction functions (no undo history), and the tree
 *    is freed. Each member is read through gloss-project-load-members.c;
 *    documents and their annotations in gloss-project-load-documents.c.
 *
 * Problems found by the walk are collected, not thrown: `gloss --validate`
 * lists them all, and the GError carries the first. Loading never writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-anchor.h"
#include "gloss-annotation.h"
#include "gloss-disk-state.h"
#include "gloss-document-private.h"
#include "gloss-project-file.h"
#include "gloss-project-private.h"
#include "gloss-project-load-private.h"
#include "gloss-project-scan.h"
#include "gloss-relation.h"
#include "gloss-tag.h"

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

  ok &= gloss_load_read_id (loader, object, &id);
  if (id != NULL)
    ok &= gloss_load_claim_id (walk, walk->tags, id, GLOSS_ID_TAG);
  ok &= gloss_load_read_string (loader, object, "name", REQUIRED, &name);
  ok &= gloss_load_read_string (loader, object, "color", REQUIRED, &color);
  if (color != NULL && !gloss_color_is_valid (color))
    {
      gloss_load_problem_at (loader, "color", GLOSS_ERROR_INVALID,
                             _("“%s” is not a colour of the form #rrggbb"), color);
      ok = FALSE;
    }

  digit_node = gloss_load_get_member (loader, object, "digit");
  if (digit_node == NULL)
    ok = FALSE;
  else if ((digit_node)->type != GLOSS_JSON_NULL)
    {
      gsize mark = gloss_load_path_push_member (loader, "digit");

      if (digit_node->type != GLOSS_JSON_INT ||
          (digit_node)->v.integer < 0 || (digit_node)->v.integer > 9)
        {
          g_autofree char *shown = gloss_load_describe_value (digit_node);

          gloss_load_problem (loader, GLOSS_ERROR_INVALID,
                   _("must be a digit from 0 to 9, or null for none, not %s"), shown);
          ok = FALSE;
        }
      else if (walk->digits[(digit = (digit_node)->v.integer)] != NULL)
        {
          gloss_load_problem (loader, GLOSS_ERROR_INVALID, _("the digit %d is already used by %s"),
                   (int) digit, walk->digits[digit]);
          ok = FALSE;
        }
      else
        walk->digits[digit] = g_strdup (loader->path->str);

      gloss_load_path_pop (loader, mark);
    }

  ok &= gloss_load_read_string (loader, object, "description", REQUIRED, &description);
  ok &= gloss_load_read_conflict (loader, object, &conflict);

  if (!ok)
    return;

  tag = gloss_tag_new (id, name, color, (int) digit);
  gloss_tag_set_description (tag, description);
  if (conflict != NULL)
    gloss_tag_set_conflict (tag, conflict->side, conflict->with);
  gloss_project_insert_tag (walk->project, tag);
}

static void
read_relation_types (Walk      *walk,
                     const GlossJsonNode *types)
{
  guint n = (types)->length;
  gsize mark = gloss_load_path_push_member (walk->loader, "relation_types");

  for (guint i = 0; i < n; i++)
    {
      const GlossJsonNode *node = &(types)->v.elements[i];
      gsize item = gloss_load_path_push_index (walk->loader, i);

      if (!IS_STRING (node))
        gloss_load_problem (walk->loader, GLOSS_ERROR_INVALID,
                            _("must be a string, not %s"), gloss_load_describe_node (node));
      else if (*(node)->v.string == '\0')
        gloss_load_problem (walk->loader, GLOSS_ERROR_INVALID, _("must not be empty"));
      else if (gloss_project_has_relation_type (walk->project, (node)->v.string))
        gloss_load_problem (walk->loader, GLOSS_ERROR_INVALID,
                            _("the relation type “%s” is listed twice"),
                 (node)->v.string);
      else
        gloss_project_insert_relation_type (walk->project, (node)->v.string);

      gloss_load_path_pop (walk->loader, item);
    }

  gloss_load_path_pop (walk->loader, mark);
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

  ok &= gloss_load_read_id (loader, object, &id);
  if (id != NULL)
    ok &= gloss_load_claim_id (walk, walk->relations, id, GLOSS_ID_RELATION);
  if (!gloss_load_read_string (loader, object, "type", REQUIRED, &type))
    ok = FALSE;
  else if (*type == '\0')
    {
      gloss_load_problem_at (loader, "type", GLOSS_ERROR_INVALID, _("must not be empty"));
      ok = FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      if (!gloss_load_read_string (loader, object, ends[i], REQUIRED, values[i]))
        ok = FALSE;
      else if (!g_hash_table_contains (walk->annotations, *values[i]))
        {
          gloss_load_problem_at (loader, ends[i], GLOSS_ERROR_INVALID,
                                 _("no annotation has the id “%s”"), *values[i]);
          ok = FALSE;
        }
    }

  ok &= gloss_load_read_string (loader, object, "note", REQUIRED, &note);
  if (gloss_json_object_get (object, "author", NULL) != NULL)
    ok &= gloss_load_read_string (loader, object, "author", REQUIRED, &author);
  ok &= gloss_load_read_conflict (loader, object, &conflict);

  if (!ok)
    return;

  relation = gloss_relation_new (id, type, from, to);
  gloss_relation_set_note (relation, note);
  gloss_relation_set_author (relation, author);
  if (conflict != NULL)
    gloss_relation_set_conflict (relation, conflict->side, conflict->with);
  gloss_project_insert_relation (walk->project, relation);
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
      gloss_load_problem (loader, GLOSS_ERROR_INVALID,
               _("not a Gloss project: the member “format” is missing"));
      return FALSE;
    }
  if (!IS_STRING (format) ||
      !g_str_equal ((format)->v.string, GLOSS_FORMAT_NAME))
    {
      if (IS_STRING (format))
        gloss_load_problem (loader, GLOSS_ERROR_INVALID,
                 _("not a Gloss project: its format is “%s”, not “%s”"),
                 (format)->v.string, GLOSS_FORMAT_NAME);
      else
        gloss_load_problem (loader, GLOSS_ERROR_INVALID,
                 _("not a Gloss project: its format is %s, not the string “%s”"),
                 gloss_load_describe_node (format), GLOSS_FORMAT_NAME);
      return FALSE;
    }

  if (version == NULL)
    {
      gloss_load_problem (loader, GLOSS_ERROR_INVALID, _("the member “version” is missing"));
      return FALSE;
    }
  if (version->type != GLOSS_JSON_INT)
    {
      gloss_load_problem (loader, GLOSS_ERROR_INVALID, _("version: must be a whole number, not %s"),
               gloss_load_describe_node (version));
      return FALSE;
    }

  number = (version)->v.integer;
  if (number > GLOSS_FORMAT_VERSION)
    {
      gloss_load_problem (loader, GLOSS_ERROR_VERSION,
               _("was written by a newer Gloss (format version %lld); "
                 "this Gloss reads version %d. Open it with a newer Gloss."),
               (long long) number, GLOSS_FORMAT_VERSION);
      return FALSE;
    }
  if (number < 1)
    {
      gloss_load_problem (loader, GLOSS_ERROR_INVALID,
               _("version: %lld is not a format version (they start at 1)"), (long long) number);
      return FALSE;
    }

  *out_version = number;
  return TRUE;
}

/* A project holds at most GLOSS_MAX_ANNOTATIONS: counted in the tree,
 * before the walk builds anything. */
static gboolean
check_annotation_count (Loader              *loader,
                        const GlossJsonNode *root)
{
  const GlossJsonNode *documents = gloss_json_object_get (root, "documents", NULL);
  guint64 total = 0;

  if (documents == NULL || documents->type != GLOSS_JSON_ARRAY)
    return TRUE;  /* the walk says what is wrong */

  for (guint i = 0; i < documents->length; i++)
    {
      const GlossJsonNode *document = &documents->v.elements[i];
      const GlossJsonNode *annotations;

      if (document->type != GLOSS_JSON_OBJECT)
        continue;
      annotations = gloss_json_object_get (document, "annotations", NULL);
      if (annotations == NULL || annotations->type != GLOSS_JSON_ARRAY)
        continue;

      total += annotations->length;
      if (total > GLOSS_MAX_ANNOTATIONS)
        {
          gsize mark = gloss_load_path_push_member (loader, "documents");

          gloss_load_path_push_index (loader, i);
          gloss_load_path_push_member (loader, "annotations");
          gloss_load_path_push_index (loader, annotations->length - (guint) (total - GLOSS_MAX_ANNOTATIONS));
          gloss_load_problem (loader, GLOSS_ERROR_TOO_LARGE,
                              _("more than %d annotations; Gloss opens projects of at most %d"),
                              GLOSS_MAX_ANNOTATIONS, GLOSS_MAX_ANNOTATIONS);
          gloss_load_path_pop (loader, mark);
          return FALSE;
        }
    }

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
      gloss_load_problem (loader, GLOSS_ERROR_INVALID,
               _("not a Gloss project: the file holds %s, not an object"), gloss_load_describe_node (root_node));
      return NULL;
    }

  root = (root_node);
  if (!check_format (loader, root, &walk.version) ||
      !check_annotation_count (loader, root))
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

  if (gloss_load_read_string (loader, root, "title", REQUIRED, &title))
    gloss_project_set_title_raw (project, title);
  if (gloss_load_read_datetime (loader, root, "created", REQUIRED, &created))
    gloss_project_set_created (project, created);
  if (gloss_load_read_datetime (loader, root, "modified", REQUIRED, &modified))
    gloss_project_set_modified (project, modified);

  /* Tags first: annotations name them. Relations last: they name
   * annotations. */
  if ((tags = gloss_load_read_array (loader, root, "tags")) != NULL)
    gloss_load_read_list (&walk, tags, "tags", read_tag);
  if ((relation_types = gloss_load_read_array (loader, root, "relation_types")) != NULL)
    read_relation_types (&walk, relation_types);
  if ((documents = gloss_load_read_array (loader, root, "documents")) != NULL)
    gloss_load_read_list (&walk, documents, "documents", gloss_load_read_document);
  if ((relations = gloss_load_read_array (loader, root, "relations")) != NULL)
    gloss_load_read_list (&walk, relations, "relations", read_relation);

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
      gloss_load_add_problem (loader, (GlossError) error->code, g_strdup (error->message));
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
                         g_strdup_printf (ngettext ("%s: … and %u more problem not listed",
                                                             "%s: … and %u more problems not listed",
                                                             loader.n_problems - MAX_LISTED_PROBLEMS),
                                                   loader.name, loader.n_problems - MAX_LISTED_PROBLEMS));

      if (more == 0)
        g_set_error_literal (error, GLOSS_ERROR, loader.first_code, first);
      else
        g_set_error (error, GLOSS_ERROR, loader.first_code,
                     ngettext ("%s (and %u more problem)", "%s (and %u more problems)", more),
                     first, more);
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
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("%s: no such file"), name);
      else
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO, _("%s: could not be read: %s"),
                     name, local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO, _("%s: is a folder, not a project file"), name);
      return NULL;
    }

  /* Refuse before reading half a gigabyte into memory. */
  if (g_file_info_get_size (info) > GLOSS_MAX_PROJECT_FILE_SIZE)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   _("%s: the file is %lld bytes; Gloss opens project files of at most %d MB"),
                   name, (long long) g_file_info_get_size (info), GLOSS_MAX_PROJECT_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  bytes = read_bounded (file, (gsize) g_file_info_get_size (info), &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO, _("%s: could not be read: %s"),
                   name, local_error->message);
      return NULL;
    }

  /* The file's size, time and inode, so that a save notices changes made
   * meanwhile. Not its bytes: reading parses them in place, and a copy
   * would cost the first frame (gloss_project_remember_disk_bytes ()). */
  state = gloss_disk_state_new (file, NULL);

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

