/* gloss-application.c — the GApplication: app-wide actions, windows, opening files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-application.h"
#include "gloss-bench.h"
#include "gloss-resources.h"
#include "gloss-preferences.h"
#include "gloss-settings.h"
#include "gloss-window.h"

struct _GlossApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (GlossApplication, gloss_application, ADW_TYPE_APPLICATION)

static GlossWindow *
new_window (GlossApplication *self)
{
  return gloss_window_new (GTK_APPLICATION (self));
}

/* An empty window (start page) to reuse, else a new one. */
static GlossWindow *
get_window_for_open (GlossApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (GList *l = windows; l != NULL; l = l->next)
    if (GLOSS_IS_WINDOW (l->data) && gloss_window_is_empty (l->data))
      return l->data;

  return new_window (self);
}

static void
gloss_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (new_window (GLOSS_APPLICATION (app)));
  gtk_window_present (window);
}

static void
gloss_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  GlossApplication *self = GLOSS_APPLICATION (app);
  GlossWindow *articles_window = NULL;

  for (int i = 0; i < n_files; i++)
    {
      if (gloss_file_is_project (files[i]))
        {
          GlossWindow *window = get_window_for_open (self);

          _gloss_bench_mark ("window built");
          gloss_window_open_file (window, files[i]);
          _gloss_bench_mark ("project shown");
          gtk_window_present (GTK_WINDOW (window));
          _gloss_bench_mark ("window presented");
        }
      else
        {
          /* Articles given together go into one new project. */
          if (articles_window == NULL)
            {
              articles_window = get_window_for_open (self);
              gloss_window_new_project (articles_window);
            }
          gloss_window_import_file (articles_window, files[i]);
          gtk_window_present (GTK_WINDOW (articles_window));
        }
    }
}

static void
app_new_cb (GSimpleAction *action,
            GVariant      *param,
            gpointer       user_data)
{
  GlossApplication *self = user_data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  GlossWindow *window;

  if (GLOSS_IS_WINDOW (active) && gloss_window_is_empty (GLOSS_WINDOW (active)))
    window = GLOSS_WINDOW (active);
  else
    window = new_window (self);

  gloss_window_new_project (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
app_open_cb (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GlossApplication *self = user_data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!GLOSS_IS_WINDOW (active))
    {
      active = GTK_WINDOW (new_window (self));
      gtk_window_present (active);
    }
  gloss_window_choose_project (GLOSS_WINDOW (active));
}

static void
app_quit_cb (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GlossApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window asks about its own unsaved changes before it goes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
app_about_cb (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GlossApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Gloss contributors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Gloss"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Highlight claims and sources in news articles, tag and link them, and export the annotations"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
app_shortcuts_cb (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  GlossApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE_PATH "/ui/gloss-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (shortcuts, parent);
  gtk_window_set_modal (shortcuts, TRUE);
  gtk_window_present (shortcuts);
}

static void
app_preferences_cb (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  gloss_preferences_present (gtk_application_get_active_window (GTK_APPLICATION (user_data)));
}

static const GActionEntry app_entries[] = {
  { "preferences", app_preferences_cb },
  { "new", app_new_cb },
  { "open", app_open_cb },
  { "quit", app_quit_cb },
  { "about", app_about_cb },
  { "shortcuts", app_shortcuts_cb },
};

static void
set_accels (GlossApplication *self)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.find-next", { "<Control>g", NULL } },
    { "win.find-previous", { "<Control><Shift>g", NULL } },
    { "win.next-annotation", { "<Alt>Down", NULL } },
    { "win.previous-annotation", { "<Alt>Up", NULL } },
    { "win.paste-document", { "<Control><Shift>v", NULL } },
    { "win.show-documents", { "F9", NULL } },
    { "win.show-annotations", { "<Shift>F9", NULL } },
    { "win.link", { "<Control>l", NULL } },
    { "win.edit-note", { "<Control>Return", NULL } },
    { "win.tags", { "<Control>t", NULL } },
    { "win.close", { "<Control>w", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action,
                                           accels[i].accels);
}

static void
apply_style_variant (GlossApplication *self)
{
  GSettings *settings = gloss_settings_get ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  const char *forced = g_getenv ("GLOSS_STYLE");
  g_autofree char *variant = NULL;

  /* GLOSS_STYLE=light|dark lets a test (or a screenshot) pin the style. */
  if (forced != NULL)
    variant = g_strdup (forced);
  else if (settings != NULL)
    variant = g_settings_get_string (settings, "style-variant");

  if (g_strcmp0 (variant, "dark") == 0)
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  else if (g_strcmp0 (variant, "light") == 0)
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_PREFER_LIGHT);
}

/* With the cairo renderer (GSK_RENDERER=cairo: remote X, virtual machines,
 * a display without GPU) GTK never draws with OpenGL, yet GDK 4.8 on X11
 * still loads the GL driver when it opens the display, to pick a visual.
 * With Mesa's software driver that is libLLVM: 45–55 ms of the start and
 * 30 MB for nothing. Returns the variable it set, to unset once GDK is up
 * so that nothing Gloss launches inherits it. */
static const char *
skip_unused_gl (void)
{
  const char *variable, *value;

  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") != 0)
    return NULL;

  if (gtk_get_major_version () == 4 && gtk_get_minor_version () < 16)
    variable = "GDK_DEBUG", value = "gl-disable";
  else
    variable = "GDK_DISABLE", value = "gl";

  /* Whoever set the variable themselves knows what they want. */
  if (g_getenv (variable) != NULL || !g_setenv (variable, value, FALSE))
    return NULL;
  return variable;
}

/* GTK loads its own default theme when it opens the display, and
 * libadwaita replaces it with its stylesheet a moment later: parsing the
 * discarded theme took 15–20 ms of each start. Making the display's
 * settings with GTK_THEME naming libadwaita's empty theme skips it. The variable
 * is gone again before libadwaita starts, which leaves its styles off when
 * it sees GTK_THEME set. */
static void
init_gtk_without_default_theme (void)
{
  if (g_getenv ("GTK_THEME") != NULL || !g_setenv ("GTK_THEME", "Adwaita-empty", FALSE))
    return;
  gtk_init ();
  /* The display's settings load the theme when they are first asked for. */
  (void) gtk_settings_get_default ();
  g_unsetenv ("GTK_THEME");
}

static void
gloss_application_startup (GApplication *app)
{
  GlossApplication *self = GLOSS_APPLICATION (app);
  const char *gl_variable;

  _gloss_bench_mark ("application starting");
  gl_variable = skip_unused_gl ();
  init_gtk_without_default_theme ();
  /* Initialises libadwaita (GTK already is). */
  G_APPLICATION_CLASS (gloss_application_parent_class)->startup (app);
  if (gl_variable != NULL)
    g_unsetenv (gl_variable);
  _gloss_bench_mark ("GTK and libadwaita ready");

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries,
                                   G_N_ELEMENTS (app_entries), self);
  set_accels (self);
  apply_style_variant (self);
  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static void
gloss_application_class_init (GlossApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = gloss_application_activate;
  app_class->open = gloss_application_open;
  app_class->startup = gloss_application_startup;
}

static void
gloss_application_init (GlossApplication *self)
{
  /* Referencing the bundle keeps the linker from dropping it out of the
   * static library, with the constructor that registers it. */
  (void) gloss_get_resource ();
}

GlossApplication *
gloss_application_new (void)
{
  return g_object_new (GLOSS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       NULL);
}
