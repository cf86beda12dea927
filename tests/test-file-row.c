/* test-file-row.c — a project file on the start page: its file, URI and plain-text title
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-file-row.h"
#include "panels-fixture.h"

static void
test_file_row (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nowhere/Ünal & <b>sons</b> 👨‍👩‍👧.gloss");
  g_autofree char *uri = g_file_get_uri (file);
  GtkWidget *row = g_object_ref_sink (gloss_file_row_new (file, "Ünal & <b>sons</b> 👨‍👩‍👧.gloss", "/nowhere"));

  g_assert_true (g_file_equal (gloss_file_row_get_file (GLOSS_FILE_ROW (row)), file));
  g_assert_cmpstr (gloss_file_row_get_uri (GLOSS_FILE_ROW (row)), ==, uri);
  /* File names are not markup; the row opens its file when activated. */
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Ünal & <b>sons</b> 👨‍👩‍👧.gloss");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "/nowhere");
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_finalize_object (row);
}

int
main (int    argc,
      char **argv)
{
  panels_test_init (&argc, &argv);

  g_test_add_func ("/gloss/file-row", test_file_row);
  return g_test_run ();
}
