/* gloss-window-sidebar.c — the documents sidebar: a row per document, the
 * shown one selected, a document opened on activation only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-window-private.h"

static GtkWidget *
create_document_row (gpointer item,
                     gpointer user_data)
{
  GlossDocument *document = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* Titles come from files: plain text, isolated. */
  g_object_bind_property_full (document, "title", label, "label", G_BINDING_SYNC_CREATE,
                               _gloss_window_isolate_string, NULL, NULL, NULL);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data (G_OBJECT (row), "gloss-document", document);
  _gloss_window_add_document_menu (row);
  return row;
}

/* The title of the row under the pointer, in full: one handler for the
 * list, as a tooltip set on each row asks the X server where the pointer
 * is, five hundred times for an archive. */
static gboolean
documents_query_tooltip_cb (GtkWidget  *list,
                            int         x,
                            int         y,
                            gboolean    keyboard,
                            GtkTooltip *tooltip,
                            gpointer    user_data)
{
  GtkWidget *row = keyboard ? gtk_root_get_focus (gtk_widget_get_root (list))
                            : GTK_WIDGET (gtk_list_box_get_row_at_y (GTK_LIST_BOX (list), y));
  GlossDocument *document;
  g_autofree char *title = NULL;

  if (row == NULL || gtk_widget_get_parent (row) != list ||
      (document = g_object_get_data (G_OBJECT (row), "gloss-document")) == NULL)
    return FALSE;

  title = gloss_untrusted_isolate (gloss_document_get_title (document));
  gtk_tooltip_set_text (tooltip, title);
  return TRUE;
}

/* On activation only (a click, Return, Space): moving through the list
 * with the keyboard reads each document's name without opening it. */
static void
document_row_activated_cb (GtkListBox    *list,
                           GtkListBoxRow *row,
                           GlossWindow   *self)
{
  GlossDocument *document;

  if (row == NULL)
    return;
  document = g_object_get_data (G_OBJECT (row), "gloss-document");
  if (document != self->document)
    _gloss_window_show_document (self, document);
  if (adw_flap_get_folded (self->documents_flap))
    adw_flap_set_reveal_flap (self->documents_flap, FALSE);
}

void
_gloss_window_select_document_row (GlossWindow *self)
{
  GListModel *documents;
  guint n;

  if (self->project == NULL)
    return;
  documents = gloss_project_get_documents (self->project);
  n = g_list_model_get_n_items (documents);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);

      if (document == self->document)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->documents_list, (int) i);

          g_signal_handlers_block_by_func (self->documents_list, document_row_activated_cb, self);
          gtk_list_box_select_row (self->documents_list, row);
          g_signal_handlers_unblock_by_func (self->documents_list, document_row_activated_cb, self);
          return;
        }
    }
}

static void
documents_changed_cb (GListModel  *documents,
                      guint        position,
                      guint        removed,
                      guint        added,
                      GlossWindow *self)
{
  guint n = g_list_model_get_n_items (documents);
  gboolean still_there = FALSE;

  for (guint i = 0; i < n && self->document != NULL; i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);

      still_there |= document == self->document;
    }

  /* A new document (an import) is what the analyst wants to see next. */
  if (added > 0)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, position + added - 1);

      _gloss_window_show_document (self, document);
    }
  else if (!still_there)
    {
      g_autoptr(GlossDocument) first = n > 0 ? g_list_model_get_item (documents, 0) : NULL;

      _gloss_window_show_document (self, first);
    }
  else
    _gloss_window_select_document_row (self);
}

void
_gloss_window_bind_documents (GlossWindow *self,
                              GListModel  *documents)
{
  gtk_list_box_bind_model (self->documents_list, documents, create_document_row, self, NULL);
  g_signal_connect_object (documents, "items-changed", G_CALLBACK (documents_changed_cb), self, 0);
}

void
_gloss_window_init_sidebar (GlossWindow *self)
{
  g_signal_connect (self->documents_list, "row-activated", G_CALLBACK (document_row_activated_cb), self);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->documents_list), TRUE);
  g_signal_connect (self->documents_list, "query-tooltip", G_CALLBACK (documents_query_tooltip_cb), NULL);
}
