/* gloss-recent-row.c — one project in the start page's Recent Projects
 *
 * An activatable AdwActionRow that remembers the URI of the project it
 * opens. Its title is the file's name; its subtitle is where the file is,
 * which gloss-window-recent.c replaces with the host's own path once the
 * document portal has answered. File names are shown as plain text, never
 * as markup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-host-path.h"
#include "gloss-recent-row.h"

struct _GlossRecentRow
{
  AdwActionRow  parent_instance;

  char         *uri;
};

G_DEFINE_FINAL_TYPE (GlossRecentRow, gloss_recent_row, ADW_TYPE_ACTION_ROW)

static void
gloss_recent_row_finalize (GObject *object)
{
  GlossRecentRow *self = GLOSS_RECENT_ROW (object);

  g_free (self->uri);
  G_OBJECT_CLASS (gloss_recent_row_parent_class)->finalize (object);
}

static void
gloss_recent_row_class_init (GlossRecentRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_recent_row_finalize;
}

static void
gloss_recent_row_init (GlossRecentRow *self)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), gtk_image_new_from_icon_name ("go-next-symbolic"));
}

GtkWidget *
gloss_recent_row_new (const char *uri)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *label = NULL;
  GlossRecentRow *self;

  g_return_val_if_fail (uri != NULL, NULL);

  file = g_file_new_for_uri (uri);
  basename = g_file_get_basename (file);
  /* The place until the portal answers; under the portal, nothing
   * until it does: never its /run/user path. */
  label = gloss_host_path_fallback_label (file);

  self = g_object_new (GLOSS_TYPE_RECENT_ROW, NULL);
  self->uri = g_strdup (uri);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), basename);
  if (label != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), label);
  return GTK_WIDGET (self);
}

const char *
gloss_recent_row_get_uri (GlossRecentRow *self)
{
  g_return_val_if_fail (GLOSS_IS_RECENT_ROW (self), NULL);
  return self->uri;
}
