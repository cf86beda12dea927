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

static gboolean
is_relation (const GlossDifference *difference)
{
  return difference->mine_relation != NULL || difference->theirs_relation != NULL;
}

static const char *
kind_label (const GlossDifference *difference)
{
  switch (difference->kind)
    {
    case GLOSS_DIFFERENCE_ONLY_MINE:
      return is_relation (difference) ? _("Relation only here") : _("Only here");
    case GLOSS_DIFFERENCE_ONLY_THEIRS:
      return is_relation (difference) ? _("Relation only theirs") : _("Only theirs");
    case GLOSS_DIFFERENCE_CHANGED:
      return is_relation (difference) ? _("Relation differs") : _("Different");
    }
  g_return_val_if_reached (NULL);
}

static const char *
kind_class (GlossDifferenceKind kind)
{
  switch (kind)
    {
    case GLOSS_DIFFERENCE_ONLY_MINE:
      return "compare-only-mine";
    case GLOSS_DIFFERENCE_ONLY_THEIRS:
      return "compare-only-theirs";
    case GLOSS_DIFFERENCE_CHANGED:
      return "compare-changed";
    }
  g_return_val_if_reached (NULL);
}

/* The accept and dismiss buttons: what they do, said for each kind. */
static const struct {
  const char *accept;
  const char *accept_tip;
  const char *dismiss;
  const char *dismiss_tip;
} buttons_of_kind[GLOSS_N_DIFFERENCE_KINDS] = {
  [GLOSS_DIFFERENCE_ONLY_MINE] = {
    N_("_Remove"), N_("Remove it from this project, as the other version has it not"),
    N_("_Keep"), N_("Keep it and hide this difference"),
  },
  [GLOSS_DIFFERENCE_ONLY_THEIRS] = {
    N_("_Add"), N_("Add it to this project"),
    N_("_Dismiss"), N_("Leave it out and hide this difference"),
  },
  [GLOSS_DIFFERENCE_CHANGED] = {
    N_("_Take Theirs"), N_("Give this project’s version their values"),
    N_("_Keep Mine"), N_("Keep this project’s version and hide this difference"),
  },
};

static const char *
shown_quote (const GlossDifference *difference)
{
  GlossAnnotation *annotation = difference->mine != NULL ? difference->mine : difference->theirs;

  return annotation != NULL ? gloss_annotation_get_quote (annotation) : NULL;
}

/* ---- Rows ---- */

static void refresh (GlossCompareView *self);
static void queue_refresh (GlossCompareView *self,
                           guint             delay_ms);

/* The row settled: insensitive at once, gone with the next refresh (not
 * now: its button is still handling the click that settled it). */
static void
settle_row (GlossCompareView *self,
            GtkWidget        *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);

  if (row != NULL)
    gtk_widget_set_sensitive (row, FALSE);
  queue_refresh (self, 0);
}

static const GlossDifference *
row_difference (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "gloss-difference") : NULL;
}

static void
accept_clicked_cb (GtkButton        *button,
                   GlossCompareView *self)
{
  const GlossDifference *difference = row_difference (GTK_WIDGET (button));

  if (difference == NULL || self->comparison == NULL)
    return;
  gloss_comparison_accept (self->comparison, difference);
  settle_row (self, GTK_WIDGET (button));
}

static void
undo_dismiss_cb (AdwToast         *toast,
                 GlossCompareView *self)
{
  const char *key = g_object_get_data (G_OBJECT (toast), "gloss-difference-key");

  if (g_hash_table_remove (self->dismissed, key))
    refresh (self);
}

static void
dismiss_clicked_cb (GtkButton        *button,
                    GlossCompareView *self)
{
  const GlossDifference *difference = row_difference (GTK_WIDGET (button));
  AdwToast *toast;

  if (difference == NULL)
    return;
  g_hash_table_add (self->dismissed, g_strdup (difference->key));

  toast = adw_toast_new (_("Difference dismissed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "gloss-difference-key", g_strdup (difference->key), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_dismiss_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  settle_row (self, GTK_WIDGET (button));
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
  g_autoptr(GPtrArray) lines = gloss_difference_describe (self->comparison, difference);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *kind = small_label (kind_label (difference), "caption-heading");
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *accept, *dismiss;
  g_autofree char *accept_name = g_strdup_printf ("compare-accept-%u", index);
  g_autofree char *dismiss_name = g_strdup_printf ("compare-dismiss-%u", index);
  g_autofree char *row_name = g_strdup_printf ("compare-row-%u", index);
  const char *quote = shown_quote (difference);
  g_autoptr(GString) accessible = g_string_new (kind_label (difference));

  gtk_widget_add_css_class (kind, "compare-kind");
  gtk_widget_add_css_class (kind, kind_class (difference->kind));
  gtk_widget_set_valign (kind, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (top), kind);
  if (quote != NULL)
    {
      g_autofree char *shown = gloss_untrusted_isolate (quote);
      GtkWidget *label = small_label (shown, "compare-quote");

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (top), label);
      g_string_append_printf (accessible, ": %s", quote);
    }
  gtk_box_append (GTK_BOX (box), top);

  for (guint i = 0; i < lines->len; i++)
    {
      GtkWidget *label = small_label (g_ptr_array_index (lines, i), "caption");

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
      g_string_append_printf (accessible, "; %s", (const char *) g_ptr_array_index (lines, i));
    }

  dismiss = gtk_button_new_with_mnemonic (_(buttons_of_kind[difference->kind].dismiss));
  gtk_widget_set_tooltip_text (dismiss, _(buttons_of_kind[difference->kind].dismiss_tip));
  gtk_widget_set_name (dismiss, dismiss_name);
  gtk_widget_add_css_class (dismiss, "flat");
  g_signal_connect (dismiss, "clicked", G_CALLBACK (dismiss_clicked_cb), self);
  accept = gtk_button_new_with_mnemonic (_(buttons_of_kind[difference->kind].accept));
  gtk_widget_set_tooltip_text (accept, _(buttons_of_kind[difference->kind].accept_tip));
  gtk_widget_set_name (accept, accept_name);
  g_signal_connect (accept, "clicked", G_CALLBACK (accept_clicked_cb), self);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), dismiss);
  gtk_box_append (GTK_BOX (buttons), accept);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_add_css_class (row, "compare-row");
  gtk_widget_set_name (row, row_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str, -1);
  g_object_set_data (G_OBJECT (row), "gloss-difference", (gpointer) difference);
  return row;
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  const GlossDifference *difference = g_object_get_data (G_OBJECT (row), "gloss-difference");
  const GlossDifference *previous = before != NULL ? g_object_get_data (G_OBJECT (before), "gloss-difference") : NULL;
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
  const GlossDifference *difference = g_object_get_data (G_OBJECT (row), "gloss-difference");

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
