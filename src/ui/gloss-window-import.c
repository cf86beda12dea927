/* gloss-window-import.c — articles into the window: import, paste, drop
 *
 * Import Articles (text, Markdown, saved web pages, brat standoff, web
 * annotations), a pasted text as a new document, and files dropped on the
 * window. Each import says what it placed and what needs review.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-window-private.h"

/* ---- import ---- */

static gboolean
import_one (GlossWindow       *self,
            GFile             *file,
            GlossImportReport *report)
{
  g_autoptr(GError) error = NULL;
  gboolean imported;

  /* An article may be one the project holds already: that asks first. */
  if (gloss_import_is_article (file))
    imported = _gloss_window_import_article (self, file, report, &error);
  else
    imported = gloss_import_file (self->project, file, report, &error);

  if (!imported)
    {
      _gloss_window_error (self, _("Could Not Import the File"), error);
      return FALSE;
    }
  return TRUE;
}

/* Web annotations that did not all land where their file said deserve
 * more than a toast: how each document fared, and what was left out. */
static gboolean
report_needs_review (GlossImportReport *report)
{
  if (report->unplaced > 0)
    return TRUE;

  for (guint i = 0; i < report->placements->len; i++)
    {
      GlossImportPlacement *placement = g_ptr_array_index (report->placements, i);

      if (placement->moved > 0 || placement->orphaned > 0)
        return TRUE;
    }

  return FALSE;
}

static void
show_placements (GlossWindow       *self,
                 GlossImportReport *report,
                 const char        *summary)
{
  g_autoptr(GString) body = g_string_new (summary);
  GtkWidget *dialog;

  g_string_append (body, "\n\n");
  for (guint i = 0; i < report->placements->len; i++)
    {
      g_autofree char *line = gloss_import_placement_describe (g_ptr_array_index (report->placements, i));

      g_string_append_printf (body, "%s\n", line);
    }
  for (guint i = 0; i < report->messages->len; i++)
    g_string_append_printf (body, "\n%s", (const char *) g_ptr_array_index (report->messages, i));
  for (guint i = 0; i < report->remarks->len; i++)
    g_string_append_printf (body, "\n%s", (const char *) g_ptr_array_index (report->remarks, i));
  g_string_append_printf (body, "\n%s",
                          _("Moved annotations found their quote elsewhere or approximately; "
                            "orphaned ones found no place and wait, with their notes, for you "
                            "to place them."));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Some Annotations Need Review"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_widget_add_css_class (dialog, "gloss-import-report-dialog");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What the analyst should check, such as an article read as Windows-1252,
 * is worth more than a toast that goes by: a dialog says it. */
static void
show_remarks (GlossWindow       *self,
              GlossImportReport *report,
              const char        *summary)
{
  g_autoptr(GString) body = g_string_new (summary);
  GtkWidget *dialog;

  for (guint i = 0; i < report->remarks->len; i++)
    g_string_append_printf (body, "\n\n%s", (const char *) g_ptr_array_index (report->remarks, i));
  for (guint i = 0; i < report->messages->len; i++)
    g_string_append_printf (body, "\n%s", (const char *) g_ptr_array_index (report->messages, i));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Check the Imported Text"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_widget_add_css_class (dialog, "gloss-import-remarks-dialog");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast_report (GlossWindow       *self,
              GlossImportReport *report)
{
  g_autofree char *summary = NULL;
  g_autofree char *text = NULL;

  /* Only duplicates, each asking in its own dialog: nothing to tell yet. */
  if (report->documents == 0 && report->annotations == 0 && report->messages->len == 0 &&
      report->unplaced == 0)
    return;

  summary = gloss_import_report_summary (report);

  /* Translators: %s is a summary such as “1 document, 42 annotations” */
  text = g_strdup_printf (_("Imported %s"), summary);
  if (report_needs_review (report))
    show_placements (self, report, text);
  else if (report->remarks->len > 0)
    show_remarks (self, report, text);
  else
    _gloss_window_toast (self, text);
}

void
gloss_window_import_file (GlossWindow *self,
                          GFile       *file)
{
  g_autoptr(GlossImportReport) report = gloss_import_report_new ();

  g_return_if_fail (GLOSS_IS_WINDOW (self));

  if (self->project == NULL)
    gloss_window_new_project (self);
  if (import_one (self, file, report))
    toast_report (self, report);
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->project != NULL)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GlossImportReport) report = gloss_import_report_new ();
      guint n = g_list_model_get_n_items (files);
      gboolean any = FALSE;

      /* Articles first: web annotations attach to them. */
      for (guint pass = 0; pass < 2; pass++)
        for (guint i = 0; i < n; i++)
          {
            g_autoptr(GFile) file = g_list_model_get_item (files, i);

            if (gloss_import_file_holds_web_annotations (file) == (pass == 1))
              any |= import_one (self, file, report);
          }
      if (any)
        toast_report (self, report);
    }
  g_object_unref (chooser);
}

void
_gloss_window_choose_import (GlossWindow *self)
{
  static const char * const all_patterns[] = {
    "*.txt", "*.md", "*.markdown", "*.html", "*.htm", "*.xhtml", "*.mhtml", "*.mht", "*.ann",
    "*.json", "*.jsonld", NULL,
  };
  static const char * const text_patterns[] = { "*.txt", "*.md", "*.markdown", NULL };
  static const char * const page_patterns[] = { "*.html", "*.htm", "*.xhtml", "*.mhtml", "*.mht", NULL };
  static const char * const brat_patterns[] = { "*.ann", NULL };
  static const char * const web_patterns[] = { "*.json", "*.jsonld", NULL };
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Articles"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  _gloss_window_add_file_filter (GTK_FILE_CHOOSER (chooser), _("Articles and Annotations"), NULL, all_patterns);
  _gloss_window_add_file_filter (GTK_FILE_CHOOSER (chooser), _("Text and Markdown"), NULL, text_patterns);
  _gloss_window_add_file_filter (GTK_FILE_CHOOSER (chooser), _("Saved Web Pages"), NULL, page_patterns);
  _gloss_window_add_file_filter (GTK_FILE_CHOOSER (chooser), _("brat Standoff (.ann)"), NULL, brat_patterns);
  _gloss_window_add_file_filter (GTK_FILE_CHOOSER (chooser),
              _("Web Annotations from Hypothesis, Recogito, Annotorious (.json, .jsonld)"),
              NULL, web_patterns);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- paste as a new document ---- */

static char *
title_from_text (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", 0);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (line[0] != '\0')
        {
          if (g_utf8_strlen (line, -1) > 60)
            {
              g_autofree char *cut = g_utf8_substring (line, 0, 60);

              return g_strconcat (cut, "…", NULL);
            }
          return g_steal_pointer (&line);
        }
    }
  return g_strdup (_("Pasted Text"));
}

static void
paste_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_autofree char *title = NULL;
  g_autoptr(GlossDocument) document = NULL;

  if (text == NULL || self->project == NULL)
    {
      if (error != NULL)
        _gloss_window_toast (self, _("The clipboard holds no text"));
      return;
    }
  if (!g_utf8_validate (text, -1, NULL) || text[0] == '\0')
    {
      _gloss_window_toast (self, _("The clipboard holds no text"));
      return;
    }

  title = title_from_text (text);
  document = gloss_document_new (NULL, title, text);
  gloss_project_add_document (self->project, document);
}

void
_gloss_window_paste_document (GlossWindow *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));

  gdk_clipboard_read_text_async (clipboard, NULL, paste_done_cb, g_object_ref (self));
}

/* ---- drag and drop ---- */

static int
compare_articles_first (gconstpointer a,
                        gconstpointer b)
{
  return (int) gloss_import_file_holds_web_annotations ((GFile *) a) -
         (int) gloss_import_file_holds_web_annotations ((GFile *) b);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GlossWindow   *self)
{
  GSList *files;
  g_autoptr(GlossImportReport) report = gloss_import_report_new ();
  gboolean imported = FALSE;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  /* Articles first: web annotations dropped with them attach to them. */
  files = g_slist_sort (files, compare_articles_first);
  for (GSList *l = files; l != NULL; l = l->next)
    {
      GFile *file = l->data;

      if (gloss_file_is_project (file))
        {
          GlossWindow *target_window = self;

          if (!gloss_window_is_empty (self))
            {
              target_window = gloss_window_new (gtk_window_get_application (GTK_WINDOW (self)));
              gtk_window_present (GTK_WINDOW (target_window));
            }
          gloss_window_open_file (target_window, file);
        }
      else
        {
          if (self->project == NULL)
            gloss_window_new_project (self);
          imported |= import_one (self, file, report);
        }
    }
  g_slist_free (files);
  if (imported)
    toast_report (self, report);
  return TRUE;
}

void
_gloss_window_setup_drop (GlossWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
