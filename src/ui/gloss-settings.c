/* gloss-settings.c — the application's GSettings, when the schema is installed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss.h"
#include "gloss-settings.h"

#define SCHEMA_ID   "io.github.glossapp.Gloss"
#define MAX_RECENT  8

GSettings *
gloss_settings_get (void)
{
  static GSettings *settings;
  static gboolean looked;

  if (!looked)
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      looked = TRUE;
      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE);
      if (schema != NULL)
        settings = g_settings_new_full (schema, NULL, NULL);
      else
        g_debug ("Schema %s not installed; using defaults", SCHEMA_ID);
    }

  return settings;
}

gboolean
gloss_settings_get_boolean (const char *key,
                            gboolean    fallback)
{
  GSettings *settings = gloss_settings_get ();

  return settings != NULL ? g_settings_get_boolean (settings, key) : fallback;
}

int
gloss_settings_get_int (const char *key,
                        int         fallback)
{
  GSettings *settings = gloss_settings_get ();

  return settings != NULL ? g_settings_get_int (settings, key) : fallback;
}

char **
gloss_settings_dup_recent (void)
{
  GSettings *settings = gloss_settings_get ();

  if (settings == NULL)
    return g_new0 (char *, 1);
  return g_settings_get_strv (settings, "recent-projects");
}

void
gloss_settings_add_recent (GFile *file)
{
  GSettings *settings = gloss_settings_get ();
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autofree char *uri = NULL;
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  if (settings == NULL)
    return;

  uri = g_file_get_uri (file);
  old = g_settings_get_strv (settings, "recent-projects");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    if (!g_str_equal (old[i], uri))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-projects", (const char * const *) recent);
}

char *
gloss_settings_dup_user_name (void)
{
  GSettings *settings = gloss_settings_get ();
  g_autofree char *name = settings != NULL ? g_settings_get_string (settings, "user-name") : NULL;

  if (name != NULL)
    g_strstrip (name);
  if (name != NULL && *name != '\0')
    return g_steal_pointer (&name);

  return g_strdup (gloss_default_author ());
}
