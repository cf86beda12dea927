/* test-host-path.c — telling document portal paths apart, and asking the
 * portal where they are, against a stand-in Documents service on a private
 * session bus (GTestDBus)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gloss-host-path.h"
#include "gloss-types.h"

static char *runtime_dir;

static void
test_split (void)
{
  static const struct {
    const char *path;
    const char *doc_id;     /* NULL: not a document portal path */
    const char *rest;
  } cases[] = {
    { "/run/user/1000/doc/3a9f1c2e/claims.gloss", "3a9f1c2e", "claims.gloss" },
    { "/run/user/1000/doc/by-app/io.github.glossapp.Gloss/77ab/claims.gloss", "77ab", "claims.gloss" },
    { "/run/user/1000/doc/5e/Desk Notes/2026/vote.gloss", "5e", "Desk Notes/2026/vote.gloss" },
    /* Names as analysts write them: emoji with a ZWJ, RTL, CJK, combining marks. */
    { "/run/user/1000/doc/a1/👩‍💻 مقالة 記事 Zu\xcc\x88rich.gloss", "a1", "👩‍💻 مقالة 記事 Zu\xcc\x88rich.gloss" },
    { "/run/user/1000/doc/a1", NULL, NULL },
    { "/run/user/1000/doc/a1/", NULL, NULL },
    { "/run/user/1000/doc//claims.gloss", NULL, NULL },
    { "/run/user/1000/doc/by-app/io.github.glossapp.Gloss", NULL, NULL },
    { "/run/user/1000/docs/a1/claims.gloss", NULL, NULL },
    { "/run/user/1000/claims.gloss", NULL, NULL },
    { "/home/ana/doc/a1/claims.gloss", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *doc_id = NULL;
      g_autofree char *rest = NULL;
      gboolean is_document = gloss_host_path_split_document ("/run/user/1000/doc", cases[i].path,
                                                             &doc_id, &rest);

      g_test_message ("%s", cases[i].path);
      g_assert_cmpint (is_document, ==, cases[i].doc_id != NULL);
      g_assert_cmpstr (doc_id, ==, cases[i].doc_id);
      g_assert_cmpstr (rest, ==, cases[i].rest);
    }
}

static void
test_fallback_label (void)
{
  g_autofree char *doc_path = g_build_filename (runtime_dir, "doc", "c0ffee", "Ørsted vote 🗳.gloss", NULL);
  g_autoptr(GFile) document = g_file_new_for_path (doc_path);
  g_autoptr(GFile) plain = g_file_new_for_path ("/home/ana/Desk Notes/vote.gloss");
  g_autofree char *document_label = gloss_host_path_fallback_label (document);
  g_autofree char *plain_label = gloss_host_path_fallback_label (plain);

  /* Never the portal's /run/user path: nothing, for the name says it all. */
  g_assert_null (document_label);
  g_assert_cmpstr (plain_label, ==, "/home/ana/Desk Notes/vote.gloss");
}

/* ---- a stand-in document portal ---- */

static const char documents_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Documents'>"
  "    <method name='GetHostPaths'>"
  "      <arg type='as' name='doc_ids' direction='in'/>"
  "      <arg type='a{say}' name='paths' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

typedef struct {
  guint  calls;
  char  *last_ids;      /* the ids asked about, joined with ',' */
} Portal;

static void
portal_method_call (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  Portal *portal = user_data;
  g_autofree const char **ids = NULL;
  GVariantBuilder paths;

  g_variant_get (parameters, "(^a&s)", &ids);
  portal->calls++;
  g_free (portal->last_ids);
  portal->last_ids = g_strjoinv (",", (char **) ids);

  g_variant_builder_init (&paths, G_VARIANT_TYPE ("a{say}"));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      /* The portal answers only for documents it knows. */
      if (g_str_equal (ids[i], "c0ffee"))
        g_variant_builder_add (&paths, "{s^ay}", ids[i], "/home/ana/Desk Notes/Ørsted vote 🗳.gloss");
      else if (g_str_equal (ids[i], "f01de7"))
        g_variant_builder_add (&paths, "{s^ay}", ids[i], "/home/ana/Archive");
    }
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(a{say})", &paths));
}

static const GDBusInterfaceVTable portal_vtable = { portal_method_call, NULL, NULL, { 0 } };

static void
lookup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GPtrArray *
lookup_sync (GPtrArray  *files,
             GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  gloss_host_paths_lookup (files, NULL, lookup_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return gloss_host_paths_lookup_finish (result, error);
}

static void
add_file (GPtrArray  *files,
          const char *first,
          ...)
{
  va_list args;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;

  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  path = g_build_filenamev ((char **) parts->pdata);
  g_ptr_array_add (files, g_file_new_for_path (path));
}

static void
test_lookup (void)
{
  g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (documents_xml, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;
  Portal portal = { 0 };
  g_autofree char *doc_dir = g_build_filename (runtime_dir, "doc", NULL);
  guint object_id, name_id;

  g_test_dbus_up (bus);
  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  /* Without a portal on the bus: a Gloss error that says so. */
  add_file (files, doc_dir, "c0ffee", "Ørsted vote 🗳.gloss", NULL);
  paths = lookup_sync (files, &error);
  g_assert_null (paths);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_FAILED);
  g_clear_error (&error);

  object_id = g_dbus_connection_register_object (connection, "/org/freedesktop/portal/documents",
                                                 info->interfaces[0], &portal_vtable,
                                                 &portal, NULL, &error);
  g_assert_no_error (error);
  name_id = g_bus_own_name_on_connection (connection, "org.freedesktop.portal.Documents",
                                          G_BUS_NAME_OWNER_FLAGS_NONE, NULL, NULL, NULL, NULL);
  /* Wait until the name is ours. */
  while (TRUE)
    {
      g_autoptr(GVariant) owner = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus",
                                                               "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                                               "NameHasOwner",
                                                               g_variant_new ("(s)", "org.freedesktop.portal.Documents"),
                                                               G_VARIANT_TYPE ("(b)"), 0, -1, NULL, NULL);
      gboolean has_owner = FALSE;

      g_variant_get (owner, "(b)", &has_owner);
      if (has_owner)
        break;
      g_main_context_iteration (NULL, TRUE);
    }

  add_file (files, "/home/ana/plain.gloss", NULL);
  add_file (files, doc_dir, "by-app", "io.github.glossapp.Gloss", "c0ffee", "Ørsted vote 🗳.gloss", NULL);
  add_file (files, doc_dir, "f01de7", "Archive", "2025", "vote.gloss", NULL);
  add_file (files, doc_dir, "dead00", "forgotten.gloss", NULL);
  paths = lookup_sync (files, &error);
  g_assert_no_error (error);
  g_assert_nonnull (paths);
  g_assert_cmpuint (paths->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (paths, 0), ==, "/home/ana/Desk Notes/Ørsted vote 🗳.gloss");
  g_assert_cmpstr (g_ptr_array_index (paths, 1), ==, "/home/ana/plain.gloss");
  g_assert_cmpstr (g_ptr_array_index (paths, 2), ==, "/home/ana/Desk Notes/Ørsted vote 🗳.gloss");
  /* Inside a shared folder: the folder's host path, then the rest. */
  g_assert_cmpstr (g_ptr_array_index (paths, 3), ==, "/home/ana/Archive/2025/vote.gloss");
  /* A document the portal does not know: no answer, not a wrong one. */
  g_assert_null (g_ptr_array_index (paths, 4));
  /* One call, each document asked about once. */
  g_assert_cmpuint (portal.calls, ==, 1);
  g_assert_cmpstr (portal.last_ids, ==, "c0ffee,f01de7,dead00");
  g_clear_pointer (&paths, g_ptr_array_unref);

  /* Files outside the portal need no bus at all. */
  g_ptr_array_set_size (files, 0);
  add_file (files, "/home/ana/a.gloss", NULL);
  paths = lookup_sync (files, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_ptr_array_index (paths, 0), ==, "/home/ana/a.gloss");
  g_assert_cmpuint (portal.calls, ==, 1);

  g_bus_unown_name (name_id);
  g_dbus_connection_unregister_object (connection, object_id);
  g_clear_object (&connection);
  g_test_dbus_down (bus);
  g_free (portal.last_ids);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = g_dir_make_tmp ("gloss-host-path-XXXXXX", NULL);
  int status;

  /* Before GLib reads it once and for all. */
  runtime_dir = tmp;
  g_setenv ("XDG_RUNTIME_DIR", runtime_dir, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/host-path/split", test_split);
  g_test_add_func ("/host-path/fallback-label", test_fallback_label);
  g_test_add_func ("/host-path/lookup", test_lookup);
  status = g_test_run ();
  g_rmdir (tmp);
  return status;
}
