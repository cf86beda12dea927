/* gloss-application.c — the GApplication: app-wide actions, windows, opening files
 *
 * Gloss is a single instance: a second `gloss FILE` (or Files opening a
 * project) hands its files to the running process over D-Bus, which opens a
 * window for each project, or presents the window already showing it.
 *
 * Projects load on a worker thread (gloss_project_load_async ()). Those
 * named on the command line start loading as soon as this process knows it
 * is the primary instance, before GTK initialises, so that the two overlap;
 * the window that opens such a file later takes over the load in flight.
 * Beside each load, a preview reads only the start of the file
 * (gloss-project-preview.h), so that a big project's window can show its
 * first document before the whole is read.
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
#include "gloss-toolkit.h"
#include "gloss-window.h"

typedef GlossProject *(*FinishFunc) (GAsyncResult *result, GError **error);

/* A project load (or the preview of one) started before any window asked
 * for it. */
typedef struct {
  GFile        *file;
  FinishFunc    finish;
  GlossProject *project;   /* the result, once finished and until claimed */
  GError       *error;
  gboolean      finished;
  GTask        *claim;     /* the window's task, once it asked */
} EarlyLoad;

struct _GlossApplication
{
  AdwApplication  parent_instance;

  GPtrArray      *command_line_projects;  /* GFile*: .gloss files among the arguments */
  GPtrArray      *early_loads;            /* EarlyLoad*, unclaimed */
  GPtrArray      *early_previews;         /* EarlyLoad*, unclaimed */
};

G_DEFINE_FINAL_TYPE (GlossApplication, gloss_application, ADW_TYPE_APPLICATION)

static GlossWindow *
new_window (GlossApplication *self)
{
  return gloss_window_new (GTK_APPLICATION (self));
}

static GlossWindow *get_window_for_open (GlossApplication *self);

/* ---- loading projects ---- */

static void
early_load_free (EarlyLoad *early)
{
  g_object_unref (early->file);
  g_clear_object (&early->project);
  g_clear_error (&early->error);
  g_clear_object (&early->claim);
  g_free (early);
}

/* Hands a finished load to the task that claimed it. */
static void
return_load (GTask        *task,
             GlossProject *project,
             GError       *error)
{
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, project, g_object_unref);
}

static void
early_load_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  EarlyLoad *early = user_data;

  early->project = early->finish (result, &early->error);
  early->finished = TRUE;
  _gloss_bench_mark (early->finish == gloss_project_load_finish ? "early load finished"
                                                                : "early preview finished");

  if (early->claim != NULL)
    {
      return_load (early->claim, g_steal_pointer (&early->project), g_steal_pointer (&early->error));
      early_load_free (early);
    }
}

/* Remembers the .gloss files among the arguments, the way GApplication
 * will turn them into files to open. */
static void
remember_command_line_projects (GlossApplication  *self,
                                char             **arguments)
{
  gboolean options_ended = FALSE;

  g_ptr_array_set_size (self->command_line_projects, 0);
  for (guint i = 1; arguments[i] != NULL; i++)
    {
      g_autoptr(GFile) file = NULL;

      if (!options_ended && g_str_equal (arguments[i], "--"))
        {
          options_ended = TRUE;
          continue;
        }
      if (!options_ended && arguments[i][0] == '-')
        continue;

      file = g_file_new_for_commandline_arg (arguments[i]);
      if (gloss_file_is_project (file))
        g_ptr_array_add (self->command_line_projects, g_steal_pointer (&file));
    }
}

static EarlyLoad *
early_load_new (GFile      *file,
                FinishFunc  finish)
{
  EarlyLoad *early = g_new0 (EarlyLoad, 1);

  early->file = g_object_ref (file);
  early->finish = finish;
  return early;
}

static void
start_early_loads (GlossApplication *self)
{
  for (guint i = 0; i < self->command_line_projects->len; i++)
    {
      GFile *file = g_ptr_array_index (self->command_line_projects, i);
      EarlyLoad *preview = early_load_new (file, gloss_project_load_preview_finish);
      EarlyLoad *early = early_load_new (file, gloss_project_load_finish);

      /* The preview first: it reads the start of the file only. */
      g_ptr_array_add (self->early_previews, preview);
      gloss_project_load_preview_async (file, NULL, early_load_done_cb, preview);
      g_ptr_array_add (self->early_loads, early);
      gloss_project_load_async (file, NULL, early_load_done_cb, early);
    }
  g_ptr_array_set_size (self->command_line_projects, 0);
}

/* Hands @task the early load of @file in @early_loads, if there is one. */
static gboolean
claim_early_load (GPtrArray *early_loads,
                  GFile     *file,
                  GTask    **task)
{
  for (guint i = 0; i < early_loads->len; i++)
    {
      EarlyLoad *early = g_ptr_array_index (early_loads, i);

      if (!g_file_equal (early->file, file))
        continue;

      /* Taken out of the list: an early load answers one window. */
      g_ptr_array_steal_index (early_loads, i);
      if (early->finished)
        {
          return_load (*task, g_steal_pointer (&early->project), g_steal_pointer (&early->error));
          g_clear_object (task);
          early_load_free (early);
        }
      else
        early->claim = g_steal_pointer (task);
      return TRUE;
    }

  return FALSE;
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GlossProject *project = gloss_project_load_finish (result, &error);

  return_load (task, project, error);
}

void
gloss_application_load_project_async (GlossApplication    *self,
                                      GFile               *file,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSS_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_application_load_project_async);

  if (!claim_early_load (self->early_loads, file, &task))
    gloss_project_load_async (file, cancellable, load_done_cb, g_steal_pointer (&task));
}

static void
preview_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GlossProject *project = gloss_project_load_preview_finish (result, &error);

  /* No error and no project: the file has no preview. */
  return_load (task, project, error);
}

void
gloss_application_load_preview_async (GlossApplication    *self,
                                      GFile               *file,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSS_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_application_load_preview_async);

  if (!claim_early_load (self->early_previews, file, &task))
    gloss_project_load_preview_async (file, cancellable, preview_done_cb, g_steal_pointer (&task));
}

GlossProject *
gloss_application_load_preview_finish (GlossApplication  *self,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GlossProject *
gloss_application_load_project_finish (GlossApplication  *self,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
gloss_application_open_project (GlossApplication *self,
                                GFile            *file,
                                GlossWindow      *preferred)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));
  GlossWindow *window;

  g_return_if_fail (GLOSS_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  /* A project is open in one window at most. */
  for (GList *l = windows; l != NULL; l = l->next)
    if (GLOSS_IS_WINDOW (l->data) && gloss_window_shows_file (l->data, file))
      {
        gtk_window_present (l->data);
        return;
      }

  if (preferred != NULL && gloss_window_is_empty (preferred))
    window = preferred;
  else
    window = get_window_for_open (self);

  _gloss_bench_mark ("window built");
  gloss_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  _gloss_bench_mark ("window presented");
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
        gloss_application_open_project (self, files[i], NULL);
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
                        "developer-name", _("The Gloss developers"),
                        "developers", developers,
                        /* As the AppStream metainfo says (data/…metainfo.xml.in). */
                        "website", "https://github.com/glossapp/gloss",
                        "issue-url", "https://github.com/glossapp/gloss/issues",
                        "copyright", "© 2026 The Gloss developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
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
    { "win.search-project", { "<Control><Shift>f", NULL } },
    { "win.next-annotation", { "<Alt>Down", NULL } },
    { "win.previous-annotation", { "<Alt>Up", NULL } },
    { "win.paste-document", { "<Control><Shift>v", NULL } },
    { "win.show-documents", { "F9", NULL } },
    { "win.document-details('')", { "<Alt>Return", NULL } },
    { "win.rename-document('')", { "F2", NULL } },
    { "win.rename-project", { "<Shift>F2", NULL } },
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

static gboolean
gloss_application_local_command_line (GApplication   *app,
                                      char         ***arguments,
                                      int            *exit_status)
{
  remember_command_line_projects (GLOSS_APPLICATION (app), *arguments);

  return G_APPLICATION_CLASS (gloss_application_parent_class)->local_command_line (app, arguments, exit_status);
}

static void
gloss_application_startup (GApplication *app)
{
  GlossApplication *self = GLOSS_APPLICATION (app);

  _gloss_bench_mark ("application starting");
  /* Before any other thread starts: it changes the environment briefly. */
  gloss_toolkit_init ();
  _gloss_bench_mark ("GTK ready");
  /* This is the primary instance: what it was asked to open loads on a
   * worker while libadwaita starts and the window is built on this thread. */
  start_early_loads (self);
  /* Initialises libadwaita (GTK already is). */
  G_APPLICATION_CLASS (gloss_application_parent_class)->startup (app);
  _gloss_bench_mark ("GTK and libadwaita ready");

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries,
                                   G_N_ELEMENTS (app_entries), self);
  set_accels (self);
  apply_style_variant (self);
  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static void
gloss_application_finalize (GObject *object)
{
  GlossApplication *self = GLOSS_APPLICATION (object);

  g_ptr_array_unref (self->command_line_projects);
  g_ptr_array_unref (self->early_loads);
  g_ptr_array_unref (self->early_previews);

  G_OBJECT_CLASS (gloss_application_parent_class)->finalize (object);
}

static void
gloss_application_class_init (GlossApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = gloss_application_finalize;
  app_class->local_command_line = gloss_application_local_command_line;
  app_class->activate = gloss_application_activate;
  app_class->open = gloss_application_open;
  app_class->startup = gloss_application_startup;
}

static void
gloss_application_init (GlossApplication *self)
{
  self->command_line_projects = g_ptr_array_new_with_free_func (g_object_unref);
  self->early_loads = g_ptr_array_new_with_free_func ((GDestroyNotify) early_load_free);
  self->early_previews = g_ptr_array_new_with_free_func ((GDestroyNotify) early_load_free);

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
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
