/* gloss-application.c — the GApplication (placeholder until the window lands)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-application.h"

struct _GlossApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (GlossApplication, gloss_application, ADW_TYPE_APPLICATION)

static void
gloss_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
  gtk_window_present (window);
}

static void
gloss_application_class_init (GlossApplicationClass *klass)
{
  G_APPLICATION_CLASS (klass)->activate = gloss_application_activate;
}

static void
gloss_application_init (GlossApplication *self)
{
}

GlossApplication *
gloss_application_new (void)
{
  return g_object_new (GLOSS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       NULL);
}
