/* gloss-document-details.c — a document's title and provenance, to read and correct
 *
 * The title, address, site, authors and dates are entry rows whose apply
 * button (or Enter) makes one undoable edit; what the project file would
 * refuse (an address without a scheme, say) is refused here with the
 * reason, and the row keeps the text for correcting. The rest is what the
 * import recorded, shown as it is; the two digests can be selected and
 * copied.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-document-details.h"

struct _GlossDocumentDetails
{
  AdwWindow      parent_instance;

  GlossProject  *project;
  GlossDocument *document;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  AdwEntryRow     *title_row;
  AdwEntryRow     *url_row;
  GtkWidget       *open_button;
  AdwEntryRow     *site_row;
  AdwEntryRow     *authors_row;
  AdwEntryRow     *published_row;
  AdwEntryRow     *modified_row;
  AdwActionRow    *language_row;
  AdwActionRow    *description_row;
  AdwActionRow    *captured_row;
  AdwActionRow    *imported_row;
  AdwActionRow    *file_row;
  GtkWidget       *file_sha256_row;
  GtkLabel        *file_sha256_label;
  GtkLabel        *text_sha256_label;
  AdwActionRow    *extractor_row;
};

G_DEFINE_FINAL_TYPE (GlossDocumentDetails, gloss_document_details, ADW_TYPE_WINDOW)

enum {
  REMOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (GlossDocumentDetails *self,
       const char           *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A read-only row: its value as the subtitle, hidden when unknown. */
static void
show_value (AdwActionRow *row,
            const char   *value)
{
  gtk_widget_set_visible (GTK_WIDGET (row), value != NULL && value[0] != '\0');
  /* Values come from files and pages: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (row, value != NULL ? value : "");
}

static void
show_entry (AdwEntryRow *row,
            const char  *value)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), value) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), value);
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static gboolean
is_web_address (const char *url)
{
  const char *scheme = g_uri_peek_scheme (url);

  return scheme != NULL && (g_str_equal (scheme, "http") || g_str_equal (scheme, "https"));
}

static void
refresh (GlossDocumentDetails *self)
{
  GlossProvenance *provenance = gloss_document_get_provenance (self->document);
  g_autofree char *authors = g_strjoinv ("; ", (char **) gloss_provenance_get_authors (provenance));
  g_autofree char *imported = NULL;
  g_autofree char *extractor = NULL;
  const char *title = gloss_document_get_title (self->document);
  const char *url = gloss_provenance_get_url (provenance);

  adw_window_title_set_subtitle (self->window_title, title);
  show_entry (self->title_row, title);
  show_entry (self->url_row, url);
  show_entry (self->site_row, gloss_provenance_get_site_name (provenance));
  show_entry (self->authors_row, authors);
  show_entry (self->published_row, gloss_provenance_get_published (provenance));
  show_entry (self->modified_row, gloss_provenance_get_modified (provenance));
  gtk_widget_set_sensitive (self->open_button, is_web_address (url));

  show_value (self->language_row, gloss_provenance_get_language (provenance));
  show_value (self->description_row, gloss_provenance_get_description (provenance));
  show_value (self->captured_row, gloss_provenance_get_captured (provenance));
  if (gloss_document_get_imported (self->document) != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (gloss_document_get_imported (self->document));

      imported = g_date_time_format (local, "%Y-%m-%d %H:%M:%S %Z");
    }
  show_value (self->imported_row, imported);
  show_value (self->file_row, gloss_provenance_get_file (provenance));

  gtk_label_set_text (self->file_sha256_label, gloss_provenance_get_file_sha256 (provenance));
  gtk_widget_set_visible (self->file_sha256_row,
                          gloss_provenance_get_file_sha256 (provenance)[0] != '\0');
  gtk_label_set_text (self->text_sha256_label, gloss_document_get_sha256 (self->document));

  extractor = g_strstrip (g_strjoin (" ", gloss_provenance_get_extractor (provenance),
                                     gloss_provenance_get_extractor_version (provenance), NULL));
  show_value (self->extractor_row, extractor);
}

static void
document_notify_cb (GlossDocument        *document,
                    GParamSpec           *pspec,
                    GlossDocumentDetails *self)
{
  refresh (self);
}

/* The document was removed (or its removal redone): nothing to show. */
static void
documents_changed_cb (GListModel           *documents,
                      guint                 position,
                      guint                 removed,
                      guint                 added,
                      GlossDocumentDetails *self)
{
  if (gloss_document_get_project (self->document) != self->project)
    gtk_window_close (GTK_WINDOW (self));
}

static void
title_apply_cb (AdwEntryRow          *row,
                GlossDocumentDetails *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  gloss_project_set_document_title (self->project, self->document, title);
  refresh (self);
}

/* "A. Writer; B. Writer" → names, without empty ones. */
static GStrv
split_authors (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ";", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

static void
provenance_apply_cb (AdwEntryRow          *row,
                     GlossDocumentDetails *self)
{
  g_autoptr(GlossProvenance) edited = gloss_provenance_copy (gloss_document_get_provenance (self->document));
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;

  if (row == self->url_row)
    gloss_provenance_set_url (edited, value);
  else if (row == self->site_row)
    gloss_provenance_set_site_name (edited, value);
  else if (row == self->published_row)
    gloss_provenance_set_published (edited, value);
  else if (row == self->modified_row)
    gloss_provenance_set_modified (edited, value);
  else if (row == self->authors_row)
    {
      g_auto(GStrv) authors = split_authors (value);

      gloss_provenance_set_authors (edited, (const char * const *) authors);
    }
  else
    g_return_if_reached ();

  if (!gloss_project_set_document_provenance (self->project, self->document, edited, &error))
    {
      /* Keep what was typed, to correct it. */
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      toast (self, error->message);
      return;
    }
  refresh (self);
}

static void
open_clicked_cb (GtkButton            *button,
                 GlossDocumentDetails *self)
{
  const char *url = gloss_provenance_get_url (gloss_document_get_provenance (self->document));

  /* Through the OpenURI portal inside a sandbox. */
  if (is_web_address (url))
    gtk_show_uri (GTK_WINDOW (self), url, GDK_CURRENT_TIME);
}

static void
copy_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  GlossDocumentDetails *self = GLOSS_DOCUMENT_DETAILS (widget);
  gboolean file = g_str_equal (g_variant_get_string (param, NULL), "file");
  const char *digest = file
    ? gloss_provenance_get_file_sha256 (gloss_document_get_provenance (self->document))
    : gloss_document_get_sha256 (self->document);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), digest);
  toast (self, file ? _("The file’s SHA-256 is copied") : _("The text’s SHA-256 is copied"));
}

static void
remove_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  GlossDocumentDetails *self = GLOSS_DOCUMENT_DETAILS (widget);

  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

static void
gloss_document_details_dispose (GObject *object)
{
  GlossDocumentDetails *self = GLOSS_DOCUMENT_DETAILS (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (gloss_project_get_documents (self->project), self);
  g_clear_object (&self->document);
  g_clear_object (&self->project);

  gtk_widget_dispose_template (GTK_WIDGET (object), GLOSS_TYPE_DOCUMENT_DETAILS);

  G_OBJECT_CLASS (gloss_document_details_parent_class)->dispose (object);
}

static void
gloss_document_details_class_init (GlossDocumentDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_document_details_dispose;

  signals[REMOVE_REQUESTED] =
    g_signal_new ("remove-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/ui/gloss-document-details.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentDetails, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentDetails, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentDetails, title_row);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentDetails, url_row);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentDetails, open_button);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentDetails, site_row);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentDetails, authors_row);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentDetails, published_row);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentDetails, modified_row);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentDetails, language_row);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentDetails, description_row);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentDetails, captured_row);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentDetails, imported_row);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentDetails, file_row);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentDetails, file_sha256_row);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentDetails, file_sha256_label);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentDetails, text_sha256_label);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentDetails, extractor_row);
  gtk_widget_class_bind_template_callback (widget_class, title_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, provenance_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);

  gtk_widget_class_install_action (widget_class, "details.copy", "s", copy_action);
  gtk_widget_class_install_action (widget_class, "details.remove", NULL, remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_document_details_init (GlossDocumentDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GlossDocumentDetails *
gloss_document_details_new (GtkWindow     *parent,
                            GlossProject  *project,
                            GlossDocument *document)
{
  GlossDocumentDetails *self;

  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  self = g_object_new (GLOSS_TYPE_DOCUMENT_DETAILS,
                       "transient-for", parent,
                       NULL);
  self->project = g_object_ref (project);
  self->document = g_object_ref (document);

  g_signal_connect_object (document, "notify::title", G_CALLBACK (document_notify_cb), self, 0);
  g_signal_connect_object (document, "notify::provenance", G_CALLBACK (document_notify_cb), self, 0);
  g_signal_connect_object (document, "notify::text", G_CALLBACK (document_notify_cb), self, 0);
  g_signal_connect_object (gloss_project_get_documents (project), "items-changed",
                           G_CALLBACK (documents_changed_cb), self, 0);
  refresh (self);

  return self;
}

GlossDocument *
gloss_document_details_get_document (GlossDocumentDetails *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_DETAILS (self), NULL);
  return self->document;
}

GtkWidget *
gloss_document_details_get_row (GlossDocumentDetails *self,
                                const char           *field)
{
  const struct { const char *name; gpointer row; } rows[] = {
    { "title", self->title_row },
    { "url", self->url_row },
    { "site", self->site_row },
    { "authors", self->authors_row },
    { "published", self->published_row },
    { "modified", self->modified_row },
    { "file-sha256", self->file_sha256_row },
  };

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_DETAILS (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_str_equal (rows[i].name, field))
      return GTK_WIDGET (rows[i].row);

  return NULL;
}
