/* gloss-compare-view.c — the differences between the open project and another version
 *
 * A sidebar page beside the documents: the differences of gloss-compare.h
 * grouped by document, in the text's order, each spelled out with Accept
 * (one undoable step) and Dismiss (an undo toast brings it back). The
 * comparison is made again whenever the open project changes, so what an
 * edit, an undo or an acceptance settles leaves the list by itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-agreement-dialog.h"
#include "gloss-compare-view.h"
#include "gloss-difference-row.h"
#include "gloss-untrusted-text.h"

/* Past this, the list asks to settle the first ones (or all of a kind)
 * instead of building rows nobody scrolls to. */
#define MAX_ROWS 400

struct _GlossCompareView
{
  GtkWidget         parent_instance;

  GlossProject     *mine;
  GlossProject     *theirs;
  GFile            *theirs_file;
  char             *mine_name;
  GlossComparison  *comparison;
  GHashTable       *dismissed;     /* GlossDifference keys */
  guint             n_shown;
  guint             refresh_id;

  GtkLabel         *title_label;
  GtkLabel         *summary_label;
  AdwToastOverlay  *toast_overlay;
  GtkStack         *stack;
  GtkListBox       *list;
  AdwStatusPage    *empty_page;
};

G_DEFINE_FINAL_TYPE (GlossCompareView, gloss_compare_view, GTK_TYPE_WIDGET)

enum {
  DIFFERENCE_ACTIVATED,
  REFRESHED,
  CLOSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Rows ---- */

static void refresh (GlossCompareView *self);
static void queue_refresh (GlossCompareView *self,
                           guint             delay_ms);

/* The row settled: insensitive at once, gone with the next refresh (not
 * now: its button is still handling the click that settled it). */
static void
settle_row (GlossCompareView *self,
            GtkWidget        *row)
{
  gtk_widget_set_sensitive (row, FALSE);
  queue_refresh (self, 0);
}

static void
accept_cb (GlossDifferenceRow *row,
           GlossCompareView   *self)
{
  if (self->comparison == NULL)
    return;
  gloss_comparison_accept (self->comparison, gloss_difference_row_get_difference (row));
  settle_row (self, GTK_WIDGET (row));
}

static void
undo_dismiss_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GlossCompareView *self = GLOSS_COMPARE_VIEW (widget);

  if (g_hash_table_remove (self->dismissed, g_variant_get_string (parameter, NULL)))
    refresh (self);
}

static void
dismiss_cb (GlossDifferenceRow *row,
            GlossCompareView   *self)
{
  const GlossDifference *difference = gloss_difference_row_get_difference (row);
  AdwToast *toast;

  g_hash_table_add (self->dismissed, g_strdup (difference->key));

  toast = adw_toast_new (_("Difference dismissed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "compare.undo-dismiss");
  adw_toast_set_action_target (toast, "s", difference->key);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  settle_row (self, GTK_WIDGET (row));
}

static GtkWidget *
small_label (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
row_new (GlossCompareView      *self,
         const GlossDifference *difference,
         guint                  index)
{
  GtkWidget *row = gloss_difference_row_new (self->comparison, difference, index);

  g_signal_connect (row, "accept", G_CALLBACK (accept_cb), self);
  g_signal_connect (row, "dismiss", G_CALLBACK (dismiss_cb), self);
  return row;
}

/* The rows' difference; NULL for the note after the last row. */
static const GlossDifference *
row_difference (GtkListBoxRow *row)
{
  return GLOSS_IS_DIFFERENCE_ROW (row) ? gloss_difference_row_get_difference (GLOSS_DIFFERENCE_ROW (row)) : NULL;
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  const GlossDifference *difference = row_difference (row);
  const GlossDifference *previous = before != NULL ? row_difference (before) : NULL;
  GtkWidget *header;
  g_autofree char *title = NULL;

  if (difference == NULL || (previous != NULL && previous->document == difference->document))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  title = gloss_untrusted_isolate (gloss_document_get_title (difference->document));
  header = small_label (title, "heading");
  gtk_label_set_ellipsize (GTK_LABEL (header), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (header, 6);
  gtk_widget_set_margin_top (header, before != NULL ? 12 : 6);
  gtk_widget_set_margin_bottom (header, 3);
  gtk_list_box_row_set_header (row, header);
}

static void
row_activated_cb (GlossCompareView *self,
                  GtkListBoxRow    *row)
{
  const GlossDifference *difference = row_difference (row);

  if (difference != NULL)
    g_signal_emit (self, signals[DIFFERENCE_ACTIVATED], 0, difference);
}

/* ---- Refreshing ---- */

static void
update_summary (GlossCompareView *self)
{
  GPtrArray *skipped = gloss_comparison_get_skipped (self->comparison);
  guint n_documents = gloss_comparison_get_n_documents (self->comparison);
  guint n_dismissed = g_hash_table_size (self->dismissed);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GString) tooltip = g_string_new (NULL);

  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u difference", "%u differences", self->n_shown),
                          self->n_shown);
  g_string_append (summary, " · ");
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u document compared", "%u documents compared",
                                                n_documents),
                          n_documents);
  if (n_dismissed > 0)
    {
      g_string_append (summary, " · ");
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u dismissed", "%u dismissed", n_dismissed),
                              n_dismissed);
    }
  if (skipped->len > 0)
    {
      g_string_append (summary, " · ");
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u not compared", "%u not compared",
                                                    skipped->len),
                              skipped->len);
      for (guint i = 0; i < skipped->len; i++)
        {
          g_autofree char *line = gloss_untrusted_isolate (g_ptr_array_index (skipped, i));

          g_string_append_printf (tooltip, "%s%s", i > 0 ? "\n" : "", line);
        }
    }
  gtk_label_set_text (self->summary_label, summary->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary_label), tooltip->len > 0 ? tooltip->str : NULL);

  if (n_documents == 0)
    adw_status_page_set_description (self->empty_page,
                                     _("The two projects share no document with the same text."));
  else
    adw_status_page_set_description (self->empty_page,
                                     _("Both versions say the same about the documents they share."));
}

static void
clear_rows (GlossCompareView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

static void
refresh (GlossCompareView *self)
{
  GPtrArray *differences;
  guint rows = 0;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* The rows point into the comparison: they go first (removing one asks
   * the others for their headers). */
  clear_rows (self);
  g_clear_pointer (&self->comparison, gloss_comparison_free);
  self->n_shown = 0;
  if (self->mine == NULL)
    {
      g_signal_emit (self, signals[REFRESHED], 0);
      return;
    }

  self->comparison = gloss_comparison_new (self->mine, self->theirs);
  differences = gloss_comparison_get_differences (self->comparison);
  for (guint i = 0; i < differences->len; i++)
    {
      const GlossDifference *difference = g_ptr_array_index (differences, i);

      if (g_hash_table_contains (self->dismissed, difference->key))
        continue;
      if (rows < MAX_ROWS)
        gtk_list_box_append (self->list, row_new (self, difference, rows++));
      self->n_shown++;
    }
  if (self->n_shown > rows)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u more difference: settle these first, or accept "
                                                            "all of one kind from the menu.",
                                                            "%u more differences: settle these first, or accept "
                                                            "all of one kind from the menu.",
                                                            self->n_shown - rows),
                                               self->n_shown - rows);
      GtkWidget *label = small_label (more, "dim-label");

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_list_box_append (self->list, label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (label)), FALSE);
    }

  gtk_stack_set_visible_child_name (self->stack, self->n_shown > 0 ? "list" : "empty");
  update_summary (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.restore-dismissed",
                                 g_hash_table_size (self->dismissed) > 0);
  g_signal_emit (self, signals[REFRESHED], 0);
}

static gboolean
refresh_cb (gpointer data)
{
  GlossCompareView *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (GlossCompareView *self,
               guint             delay_ms)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (delay_ms, refresh_cb, self);
}

/* Typing a note changes the project on every key: compare once it rests. */
static void
project_changed_cb (GlossProject     *project,
                    GlossCompareView *self)
{
  queue_refresh (self, 150);
}

/* ---- Actions ---- */

static gboolean
is_dismissed (const GlossDifference *difference,
              gpointer               data)
{
  GlossCompareView *self = data;

  return g_hash_table_contains (self->dismissed, difference->key);
}

static void
accept_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GlossCompareView *self = GLOSS_COMPARE_VIEW (widget);
  guint kind = g_variant_get_uint32 (parameter);

  if (self->comparison == NULL || kind >= GLOSS_N_DIFFERENCE_KINDS)
    return;
  gloss_comparison_accept_all (self->comparison, kind, is_dismissed, self);
  refresh (self);
}

static void
restore_dismissed_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GlossCompareView *self = GLOSS_COMPARE_VIEW (widget);

  g_hash_table_remove_all (self->dismissed);
  refresh (self);
}

static void
agreement_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossCompareView *self = GLOSS_COMPARE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *theirs_name = NULL;
  const char *names[2];
  GlossProject *projects[2];
  g_autoptr(GError) error = NULL;
  GlossAgreement *agreement;

  if (self->mine == NULL)
    return;
  theirs_name = gloss_untrusted_file_name (self->theirs_file);
  /* Two copies of one file name from two folders: say which is open. */
  names[0] = g_strcmp0 (self->mine_name, theirs_name) != 0 ? self->mine_name : _("This project");
  names[1] = theirs_name;
  projects[0] = self->mine;
  projects[1] = self->theirs;

  agreement = gloss_agreement_between (projects, names, 2, &error);
  if (agreement == NULL)
    {
      GtkWidget *alert = adw_message_dialog_new (GTK_WINDOW (root), _("Agreement Cannot Be Measured"),
                                                 error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
      return;
    }
  gloss_agreement_dialog_present (GTK_WINDOW (root), agreement, GLOSS_AGREEMENT_OF_VERSIONS);
}

static gboolean
close_shortcut_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  g_signal_emit (widget, signals[CLOSE], 0);
  return TRUE;
}

static void
close_clicked_cb (GlossCompareView *self)
{
  g_signal_emit (self, signals[CLOSE], 0);
}

/* ---- The widget ---- */

void
gloss_compare_view_set_projects (GlossCompareView *self,
                                 GlossProject     *mine,
                                 const char       *mine_name,
                                 GlossProject     *theirs,
                                 GFile            *theirs_file)
{
  g_return_if_fail (GLOSS_IS_COMPARE_VIEW (self));
  g_return_if_fail ((mine == NULL) == (theirs == NULL) && (theirs == NULL) == (theirs_file == NULL));

  if (self->mine != NULL)
    g_signal_handlers_disconnect_by_data (self->mine, self);
  g_set_object (&self->mine, mine);
  g_set_object (&self->theirs, theirs);
  g_set_object (&self->theirs_file, theirs_file);
  g_free (self->mine_name);
  self->mine_name = g_strdup (mine_name);
  g_hash_table_remove_all (self->dismissed);

  if (mine != NULL)
    {
      g_autofree char *name = gloss_untrusted_file_name (theirs_file);
      /* Translators: %s is the file name of the version compared with */
      g_autofree char *title = g_strdup_printf (_("Compared With %s"), name);

      g_autofree char *where = g_file_get_parse_name (theirs_file);
      g_autofree char *shown_where = gloss_untrusted_isolate (where);

      gtk_label_set_text (self->title_label, title);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), shown_where);
      g_signal_connect (mine, "changed", G_CALLBACK (project_changed_cb), self);
    }
  refresh (self);
}

GlossProject *
gloss_compare_view_get_theirs (GlossCompareView *self)
{
  g_return_val_if_fail (GLOSS_IS_COMPARE_VIEW (self), NULL);
  return self->theirs;
}

GlossComparison *
gloss_compare_view_get_comparison (GlossCompareView *self)
{
  g_return_val_if_fail (GLOSS_IS_COMPARE_VIEW (self), NULL);
  return self->comparison;
}

guint
gloss_compare_view_get_n_shown (GlossCompareView *self)
{
  g_return_val_if_fail (GLOSS_IS_COMPARE_VIEW (self), 0);
  return self->n_shown;
}

gboolean
gloss_compare_view_is_dismissed (GlossCompareView      *self,
                                 const GlossDifference *difference)
{
  g_return_val_if_fail (GLOSS_IS_COMPARE_VIEW (self), FALSE);
  return g_hash_table_contains (self->dismissed, difference->key);
}

guint
gloss_compare_view_get_n_dismissed (GlossCompareView *self)
{
  g_return_val_if_fail (GLOSS_IS_COMPARE_VIEW (self), 0);
  return g_hash_table_size (self->dismissed);
}

GtkWidget *
gloss_compare_view_new (void)
{
  return g_object_new (GLOSS_TYPE_COMPARE_VIEW, NULL);
}

static void
gloss_compare_view_dispose (GObject *object)
{
  GlossCompareView *self = GLOSS_COMPARE_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->mine != NULL)
    g_signal_handlers_disconnect_by_data (self->mine, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_COMPARE_VIEW);
  /* The unnamed boxes of the template are children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->comparison, gloss_comparison_free);
  g_clear_object (&self->mine);
  g_clear_object (&self->theirs);
  g_clear_object (&self->theirs_file);

  G_OBJECT_CLASS (gloss_compare_view_parent_class)->dispose (object);
}

static void
gloss_compare_view_finalize (GObject *object)
{
  GlossCompareView *self = GLOSS_COMPARE_VIEW (object);

  g_hash_table_unref (self->dismissed);
  g_free (self->mine_name);

  G_OBJECT_CLASS (gloss_compare_view_parent_class)->finalize (object);
}

static void
gloss_compare_view_class_init (GlossCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_compare_view_dispose;
  object_class->finalize = gloss_compare_view_finalize;

  signals[DIFFERENCE_ACTIVATED] =
    g_signal_new ("difference-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  signals[REFRESHED] =
    g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CLOSE] =
    g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossapp/Gloss/ui/gloss-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossCompareView, title_label);
  gtk_widget_class_bind_template_child (widget_class, GlossCompareView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GlossCompareView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossCompareView, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossCompareView, list);
  gtk_widget_class_bind_template_child (widget_class, GlossCompareView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);

  gtk_widget_class_install_action (widget_class, "compare.accept-all", "u", accept_all_action);
  gtk_widget_class_install_action (widget_class, "compare.restore-dismissed", NULL, restore_dismissed_action);
  gtk_widget_class_install_action (widget_class, "compare.undo-dismiss", "s", undo_dismiss_action);
  gtk_widget_class_install_action (widget_class, "compare.agreement", NULL, agreement_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, close_shortcut_cb, NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gloss_compare_view_init (GlossCompareView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->dismissed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_list_box_set_header_func (self->list, header_func, NULL, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.restore-dismissed", FALSE);
}
