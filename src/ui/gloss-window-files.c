/* gloss-window-files.c — opening, saving, closing and export
 *
 * The user's data is sacred: a file that fails to load is never written
 * to, saves are atomic, and closing with changes asks. Autosave and
 * recovery are in gloss-window-recovery.c; import, paste and drop in
 * gloss-window-import.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-bench.h"
#include "gloss-announce.h"
#include "gloss-application.h"
#include "gloss-host-path.h"
#include "gloss-settings.h"
#include "gloss-window-private.h"

/* ---- opening ---- */

static void
project_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GFile) file = g_steal_pointer (&self->loading_file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project = NULL;

  project = gloss_application_load_project_finish (GLOSS_APPLICATION (source), result, &error);
  _gloss_bench_mark ("project loaded");
  gtk_spinner_stop (self->loading_spinner);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (project == NULL)
    {
      /* A preview of it goes too: the file could not be read as a whole. */
      if (_gloss_window_is_previewing (self))
        _gloss_window_set_project (self, NULL, NULL);
      /* Nothing is written back: the file stays exactly as it was. An
       * intact recovery copy is offered: that is when it matters most. */
      _gloss_window_show_page (self, self->project != NULL ? "project" : "start");
      if (!_gloss_window_offer_recovery_of_broken (self, file, error))
        _gloss_window_error (self, _("Could Not Open the Project"), error);
      return;
    }

  /* A recovery copy newer than the file: ask before showing either. */
  if (_gloss_window_offer_recovery (self, project, file))
    return;

  if (_gloss_window_is_previewing (self))
    _gloss_window_leave_preview (self, project, file);
  else
    _gloss_window_set_project (self, project, file);
}

void
gloss_window_open_file (GlossWindow *self,
                        GFile       *file)
{
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  GtkApplication *application;

  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->loading_file == NULL);

  application = gtk_window_get_application (GTK_WINDOW (self));
  g_return_if_fail (GLOSS_IS_APPLICATION (application));

  self->loading_file = g_object_ref (file);
  basename = g_file_get_basename (file);
  name = g_filename_display_name (basename);
  /* Translators: shown while a project file loads; %s is its name */
  title = g_strdup_printf (_("Opening “%s”…"), name);
  adw_status_page_set_title (self->loading_page, title);
  gtk_spinner_start (self->loading_spinner);
  _gloss_window_show_page (self, "loading");

  gloss_application_load_project_async (GLOSS_APPLICATION (application), file,
                                        self->cancellable, project_loaded_cb,
                                        g_object_ref (self));
  _gloss_window_load_preview (self, file);
}

gboolean
gloss_window_shows_file (GlossWindow *self,
                         GFile       *file)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return (self->file != NULL && g_file_equal (self->file, file)) ||
         (self->loading_file != NULL && g_file_equal (self->loading_file, file));
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

      gloss_application_open_project (GLOSS_APPLICATION (application), file, self);
    }
  g_object_unref (chooser);
}

void
_gloss_window_add_file_filter (GtkFileChooser     *chooser,
                               const char         *name,
                               const char         *mime_type,
                               const char * const *patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

void
gloss_window_choose_project (GlossWindow *self)
{
  static const char * const gloss_patterns[] = { "*.gloss", NULL };
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Project"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  _gloss_window_add_file_filter (GTK_FILE_CHOOSER (chooser), _("Gloss Projects"), "application/x-gloss+json", gloss_patterns);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- choosers that start where the project is ---- */

typedef struct {
  GlossWindow          *window;
  GtkFileChooserNative *chooser;
  char                 *name;
} FolderRequest;

static void
folder_request_free (FolderRequest *request)
{
  g_clear_object (&request->chooser);
  g_free (request->name);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FolderRequest, folder_request_free)

static void
project_folder_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(FolderRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = gloss_host_paths_lookup_finish (result, &error);
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (request->chooser);
  const char *host_path = paths != NULL ? g_ptr_array_index (paths, 0) : NULL;

  GtkFileChooserNative *shown;

  /* The window is gone, and with it the chooser's reason to be. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_debug ("Starting the file chooser without the project's folder: %s", error->message);

  if (host_path != NULL)
    {
      g_autoptr(GFile) host_file = g_file_new_for_path (host_path);
      g_autoptr(GFile) folder = g_file_get_parent (host_file);
      g_autofree char *basename = g_file_get_basename (host_file);

      gtk_file_chooser_set_current_folder (chooser, folder, NULL);
      gtk_file_chooser_set_current_name (chooser, request->name != NULL ? request->name : basename);
    }
  else
    {
      /* Not even the portal knows: the chooser's own default folder, at
       * least not the portal's. */
      g_autofree char *basename = g_file_get_basename (request->window->file);

      gtk_file_chooser_set_current_name (chooser, request->name != NULL ? request->name : basename);
    }
  /* The chooser's response handler drops the reference. */
  shown = g_steal_pointer (&request->chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (shown));
}

/* Shows @chooser (whose reference it takes) in the folder of the project's
 * file, as the analyst knows it: under Flatpak the file is the document
 * portal's view, so the portal is asked where it really is. @name is the
 * name to propose, or NULL for the project file's own. */
static void
show_in_project_folder (GlossWindow          *self,
                        GtkFileChooserNative *chooser,
                        const char           *name)
{
  g_autoptr(GPtrArray) files = NULL;
  FolderRequest *request;

  if (self->file == NULL)
    {
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
      return;
    }
  request = g_new0 (FolderRequest, 1);
  request->window = self;
  request->chooser = chooser;
  request->name = g_strdup (name);
  files = g_ptr_array_new ();
  g_ptr_array_add (files, self->file);
  gloss_host_paths_lookup (files, self->cancellable, project_folder_cb, request);
}

/* ---- saving ---- */

void
_gloss_window_saved (GlossWindow *self,
                     GFile       *file)
{
  /* The recovery copy is older than the file now. */
  _gloss_window_discard_recovery (self);
  if (self->file == NULL || !g_file_equal (self->file, file))
    {
      _gloss_window_set_file (self, file);
      g_clear_object (&self->recovery);
      gloss_settings_add_recent (file);
      _gloss_window_track_file (self);
    }
  self->recovered = FALSE;
  self->autosaved_generation = gloss_project_get_generation (self->project);
  _gloss_window_update_title (self);
  {
    g_autofree char *name = gloss_untrusted_file_name (file);
    /* Translators: said when the project is saved; %s is its file's name */
    g_autofree char *message = g_strdup_printf (_("Saved %s"), name);

    gloss_announce (GTK_WIDGET (self), message);
  }

  if (self->close_after_save)
    {
      self->closing_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

typedef struct {
  GlossWindow *self;
  GFile       *file;
} SaveRequest;

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SaveRequest *request = user_data;
  g_autoptr(GlossWindow) self = request->self;
  g_autoptr(GFile) file = request->file;
  g_autoptr(GFile) next = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  g_free (request);
  saved = gloss_project_save_finish (GLOSS_PROJECT (source), result, &error);
  self->saving = FALSE;
  if (self->project != GLOSS_PROJECT (source))
    return;  /* the window moved on to another project */

  if (!saved)
    {
      /* Never lost, never overwritten unasked: changed on disk, or
       * read-only, the user chooses. */
      g_clear_object (&self->save_next);
      if (g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED))
        _gloss_window_ask_changed_on_disk (self, file);
      else if (g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY))
        _gloss_window_ask_read_only (self, error);
      else
        _gloss_window_error (self, _("Could Not Save the Project"), error);
      return;
    }

  _gloss_window_saved (self, file);

  next = g_steal_pointer (&self->save_next);
  if (next != NULL)
    _gloss_window_save_to (self, next, self->save_next_flags);
}

void
_gloss_window_save_to (GlossWindow    *self,
                       GFile          *file,
                       GlossSaveFlags  flags)
{
  SaveRequest *request;

  if (self->project == NULL)
    return;

  /* One save at a time: one asked for meanwhile follows it. */
  if (self->saving)
    {
      g_set_object (&self->save_next, file);
      self->save_next_flags = flags;
      return;
    }

  request = g_new0 (SaveRequest, 1);
  request->self = g_object_ref (self);
  request->file = g_object_ref (file);
  self->saving = TRUE;
  gloss_project_save_async (self->project, file, flags, NULL, save_done_cb, request);
}

static void
save_as_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->project != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *basename = g_file_get_basename (file);

      if (!g_str_has_suffix (basename, ".gloss"))
        {
          g_autofree char *name = g_strconcat (basename, ".gloss", NULL);
          g_autoptr(GFile) parent = g_file_get_parent (file);

          g_set_object (&file, g_file_get_child (parent, name));
        }
      _gloss_window_save_to (self, file, GLOSS_SAVE_DEFAULT);
    }
  else
    self->close_after_save = FALSE;
  g_object_unref (chooser);
}

void
_gloss_window_save_as (GlossWindow *self)
{
  static const char * const gloss_patterns[] = { "*.gloss", NULL };
  GtkFileChooserNative *chooser;

  if (self->project == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save Project"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  _gloss_window_add_file_filter (GTK_FILE_CHOOSER (chooser), _("Gloss Projects"), "application/x-gloss+json", gloss_patterns);
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), self);
  show_in_project_folder (self, chooser, self->file != NULL ? NULL : _("Untitled.gloss"));
}

void
_gloss_window_save (GlossWindow *self)
{
  if (self->project == NULL)
    return;
  if (self->file == NULL)
    _gloss_window_save_as (self);
  else
    _gloss_window_save_to (self, self->file, GLOSS_SAVE_DEFAULT);
}

/* ---- closing ---- */

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   GlossWindow      *self)
{
  if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      _gloss_window_save (self);
    }
  else if (g_str_equal (response, "discard"))
    {
      _gloss_window_discard_recovery (self);
      self->closing_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

gboolean
_gloss_window_confirm_close (GlossWindow *self)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;

  if (self->closing_confirmed || !_gloss_window_is_dirty (self))
    {
      if (!_gloss_window_is_dirty (self))
        _gloss_window_discard_recovery (self);
      return TRUE;
    }

  name = self->file != NULL ? g_file_get_basename (self->file) : g_strdup (_("Unsaved Project"));
  body = g_strdup_printf (_("“%s” has changes that are not saved. Save them before closing?"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_add_css_class (dialog, "gloss-close-dialog");
  g_signal_connect (dialog, "response", G_CALLBACK (close_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

/* ---- export ---- */

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->project != NULL)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *scope = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "scope");
      GlossExportFormat format = self->export_format;
      const char *extension = gloss_export_format_extension (format);
      g_autofree char *basename = g_file_get_basename (chosen);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      GlossDocument *document = NULL;

      /* The format's extension is added when the name lacks it, as Save
       * adds ".gloss": a CSV export is never left named ".json". */
      if (extension != NULL && !g_str_has_suffix (basename, extension))
        {
          g_autofree char *name = g_strdup_printf ("%s.%s", basename, extension);
          g_autoptr(GFile) parent = g_file_get_parent (chosen);

          file = g_file_get_child (parent, name);
        }
      else
        file = g_object_ref (chosen);

      if (g_strcmp0 (scope, "document") == 0)
        document = self->document;

      if (!gloss_export_to_file (self->project, document, format, file, &error))
        _gloss_window_error (self, _("Could Not Export the Annotations"), error);
      else
        {
          g_autofree char *shown = g_file_get_basename (file);
          /* The toast's title is markup. */
          g_autofree char *title = g_markup_printf_escaped (_("Exported “%s”"), shown);
          g_autoptr(GFile) folder = g_file_get_parent (file);
          g_autofree char *folder_uri = g_file_get_uri (folder);
          AdwToast *toast = _gloss_window_toast (self, title);

          adw_toast_set_button_label (toast, _("_Open Folder"));
          adw_toast_set_action_target_value (toast, g_variant_new_string (folder_uri));
          adw_toast_set_action_name (toast, "win.open-folder");
        }
    }
  g_object_unref (chooser);
}

static const char *
export_format_label (GlossExportFormat format)
{
  switch (format)
    {
    case GLOSS_EXPORT_JSON:
      return _("Gloss JSON");
    case GLOSS_EXPORT_W3C:
      return _("W3C Web Annotation");
    case GLOSS_EXPORT_W3C_UTF16:
      return _("W3C Web Annotation, positions for web tools (Recogito, Annotorious, Hypothesis)");
    case GLOSS_EXPORT_BRAT:
      return _("brat Standoff (a folder)");
    case GLOSS_EXPORT_CSV:
      return _("CSV");
    default:
      g_return_val_if_reached (NULL);
    }
}

void
_gloss_window_choose_export (GlossWindow       *self,
                             GlossExportFormat  format)
{
  static const char *scope_ids[] = { "document", "all", NULL };
  const char *scope_labels[] = { _("This Document"), _("All Documents"), NULL };
  const char *extension = gloss_export_format_extension (format);
  GtkFileChooserNative *chooser;
  g_autofree char *title = NULL;
  g_autofree char *project_name = NULL;
  g_autofree char *name = NULL;

  if (self->project == NULL)
    return;

  self->export_format = format;
  /* Translators: the title of the export dialog; %s is a format, "CSV" */
  title = g_strdup_printf (_("Export as %s"), export_format_label (format));
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  /* The dialog lists what this format writes: its files, or folders for
   * brat; the scope rides along as a choice, which the portal shows too. */
  if (extension != NULL)
    {
      g_autofree char *pattern = g_strdup_printf ("*.%s", extension);
      const char *patterns[] = { pattern, NULL };

      _gloss_window_add_file_filter (GTK_FILE_CHOOSER (chooser), export_format_label (format), NULL, patterns);
    }
  else
    _gloss_window_add_file_filter (GTK_FILE_CHOOSER (chooser), _("Folders"), "inode/directory", NULL);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "scope", _("Scope"),
                               scope_ids, scope_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "scope",
                               self->document != NULL ? "document" : "all");
  /* The project's own name: the document portal keeps a file's name, so
   * this is the name the analyst knows even under Flatpak. */
  if (self->file != NULL)
    project_name = g_file_get_basename (self->file);
  /* Translators: the name an export of an unsaved project is offered under */
  name = gloss_export_proposed_name (project_name, _("annotations"), format);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  show_in_project_folder (self, chooser, name);
}

