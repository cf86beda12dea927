/* gloss-settings.h — the application's GSettings, when the schema is installed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The shared settings object, or NULL when the schema is not installed
 * (an uninstalled run without GSETTINGS_SCHEMA_DIR): callers then use the
 * schema's defaults. */
GSettings *gloss_settings_get          (void);
gboolean   gloss_settings_get_boolean  (const char *key,
                                        gboolean    fallback);
int        gloss_settings_get_int      (const char *key,
                                        int         fallback);
void       gloss_settings_add_recent   (GFile      *file);
/* NULL-terminated URIs, newest first. */
char     **gloss_settings_dup_recent   (void);

/* Who signs new annotations and relations: the "user-name" setting, else
 * the account's real name, else "" (see gloss_default_author ()). */
char      *gloss_settings_dup_user_name (void);

G_END_DECLS
