/* gloss-host-path.c — where a file handed in by the document portal really is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-host-path.h"
#include "gloss-types.h"

#define DOCUMENTS_BUS_NAME  "org.freedesktop.portal.Documents"
#define DOCUMENTS_PATH      "/org/freedesktop/portal/documents"
#define DOCUMENTS_INTERFACE "org.freedesktop.portal.Documents"

gboolean
gloss_host_path_split_document (const char  *doc_dir,
                                const char  *path,
                                char       **out_doc_id,
                                char       **out_rest)
{
  g_autofree char *prefix = g_build_filename (doc_dir, "/", NULL);
  const char *id;
  const char *slash;

  if (!g_str_has_prefix (path, prefix))
    return FALSE;
  id = path + strlen (prefix);
  /* doc/by-app/<app id>/<id>/… is the same document seen for one app. */
  if (g_str_has_prefix (id, "by-app/"))
    {
      const char *app_end = strchr (id + strlen ("by-app/"), '/');

      if (app_end == NULL)
        return FALSE;
      id = app_end + 1;
    }
  slash = strchr (id, '/');
  if (slash == NULL || slash == id || slash[1] == '\0')
    return FALSE;

  if (out_doc_id != NULL)
    *out_doc_id = g_strndup (id, slash - id);
  if (out_rest != NULL)
    *out_rest = g_strdup (slash + 1);
  return TRUE;
}

static char *
document_dir (void)
{
  return g_build_filename (g_get_user_runtime_dir (), "doc", NULL);
}

/* The host path of a file @rest below a document whose own host path is
 * @document: a file document is the file itself, a folder document the
 * folder, and @rest starts with that file's or folder's name. */
static char *
host_path_below (const char *document,
                 const char *rest)
{
  g_autofree char *parent = g_path_get_dirname (document);

  return g_build_filename (parent, rest, NULL);
}

typedef struct {
  GPtrArray *files;      /* GFile */
  GPtrArray *paths;      /* char *, the answer */
  GPtrArray *doc_ids;    /* char *, the documents to ask about */
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_ptr_array_unref (lookup->files);
  g_ptr_array_unref (lookup->paths);
  g_ptr_array_unref (lookup->doc_ids);
  g_free (lookup);
}

static void
get_host_paths_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Lookup *lookup = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) map = NULL;
  g_autofree char *doc_dir = document_dir ();

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      g_dbus_error_strip_remote_error (error);
      g_task_return_new_error (task, GLOSS_ERROR, GLOSS_ERROR_FAILED,
                               _("The document portal did not say where the files are: %s"),
                               error->message);
      return;
    }

  map = g_variant_get_child_value (reply, 0);
  for (guint i = 0; i < lookup->files->len; i++)
    {
      g_autofree char *path = g_file_get_path (g_ptr_array_index (lookup->files, i));
      g_autofree char *doc_id = NULL;
      g_autofree char *rest = NULL;
      g_autofree char *document = NULL;

      if (path == NULL || !gloss_host_path_split_document (doc_dir, path, &doc_id, &rest))
        continue;
      if (g_variant_lookup (map, doc_id, "^ay", &document) && document[0] == '/')
        g_ptr_array_index (lookup->paths, i) = host_path_below (document, rest);
    }
  g_task_return_pointer (task, g_ptr_array_ref (lookup->paths), (GDestroyNotify) g_ptr_array_unref);
}

static void
bus_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Lookup *lookup = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_finish (result, &error);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (bus == NULL)
    {
      g_task_return_new_error (task, GLOSS_ERROR, GLOSS_ERROR_FAILED,
                               _("No session bus to ask the document portal: %s"),
                               error->message);
      return;
    }
  g_ptr_array_add (lookup->doc_ids, NULL);
  g_dbus_connection_call (bus, DOCUMENTS_BUS_NAME, DOCUMENTS_PATH, DOCUMENTS_INTERFACE,
                          "GetHostPaths",
                          g_variant_new ("(^as)", (char **) lookup->doc_ids->pdata),
                          G_VARIANT_TYPE ("(a{say})"),
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, -1,
                          cancellable, get_host_paths_cb, g_steal_pointer (&task));
}

void
gloss_host_paths_lookup (GPtrArray           *files,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *doc_dir = document_dir ();
  Lookup *lookup = g_new0 (Lookup, 1);

  g_task_set_source_tag (task, gloss_host_paths_lookup);
  lookup->files = g_ptr_array_ref (files);
  lookup->paths = g_ptr_array_new_full (files->len, g_free);
  lookup->doc_ids = g_ptr_array_new_with_free_func (g_free);
  g_task_set_task_data (task, lookup, (GDestroyNotify) lookup_free);

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = g_file_get_path (g_ptr_array_index (files, i));
      g_autofree char *doc_id = NULL;

      if (path != NULL && gloss_host_path_split_document (doc_dir, path, &doc_id, NULL))
        {
          if (!g_ptr_array_find_with_equal_func (lookup->doc_ids, doc_id, g_str_equal, NULL))
            g_ptr_array_add (lookup->doc_ids, g_steal_pointer (&doc_id));
          g_ptr_array_add (lookup->paths, NULL);
        }
      else
        g_ptr_array_add (lookup->paths, g_steal_pointer (&path));
    }

  if (lookup->doc_ids->len == 0)
    {
      g_task_return_pointer (task, g_ptr_array_ref (lookup->paths), (GDestroyNotify) g_ptr_array_unref);
      return;
    }
  g_bus_get (G_BUS_TYPE_SESSION, cancellable, bus_cb, g_steal_pointer (&task));
}

GPtrArray *
gloss_host_paths_lookup_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gloss_host_paths_lookup, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
gloss_host_path_fallback_label (GFile *file)
{
  g_autofree char *doc_dir = document_dir ();
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL && gloss_host_path_split_document (doc_dir, path, NULL, NULL))
    return NULL;
  return g_file_get_parse_name (file);
}
