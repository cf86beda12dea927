/* gloss-agreement-dialog.c — how far annotators agree, as a table
 *
 * The measures of gloss-agreement.h per tag and for all tags, the same as
 * `gloss --agreement --by-author` (a project's authors) or `gloss
 * --agreement A B` (the open project and the one compared with it); an undefined value shows as a dash with
 * its reason as a tooltip. "Export CSV…" writes gloss_agreement_to_csv ().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-agreement-dialog.h"

typedef struct {
  GtkWindow      *window;
  GlossAgreement *agreement;
} Dialog;

static void
dialog_free (Dialog *dialog)
{
  gloss_agreement_free (dialog->agreement);
  g_free (dialog);
}

static GtkWidget *
cell (const char *text,
      gboolean    number,
      gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), number ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
measure_cell (const GlossMeasure *measure,
              gboolean            percent)
{
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (measure->undefined != NULL)
    {
      label = cell ("—", TRUE, FALSE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_tooltip_text (label, measure->undefined);
      return label;
    }

  text = percent ? g_strdup_printf ("%.1f %%", measure->value * 100) : g_strdup_printf ("%.3f", measure->value);
  return cell (text, TRUE, FALSE);
}

static void
add_row (GtkGrid            *grid,
         int                 row,
         const char         *name,
         const guint        *counts,
         guint               n_annotators,
         const GlossMeasure *measures[5],
         gboolean            total)
{
  GtkWidget *name_label = cell (name, FALSE, total);
  int column = 0;

  gtk_widget_set_hexpand (name_label, TRUE);
  gtk_grid_attach (grid, name_label, column++, row, 1, 1);
  for (guint i = 0; i < n_annotators; i++)
    {
      g_autofree char *count = g_strdup_printf ("%u", counts[i]);

      gtk_grid_attach (grid, cell (count, TRUE, total), column++, row, 1, 1);
    }
  for (guint k = 0; k < 5; k++)
    gtk_grid_attach (grid, measure_cell (measures[k], k == 4), column++, row, 1, 1);
}

static GtkWidget *
table_new (GlossAgreement *agreement)
{
  GtkWidget *grid = gtk_grid_new ();
  guint m = agreement->annotators->len;
  const char *headings[] = { N_("F1 exact"), N_("F1 overlap"), "α_U", "κ", N_("Agreement") };
  int column = 0;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_widget_set_name (grid, "agreement-table");

  gtk_grid_attach (GTK_GRID (grid), cell (_("Tag"), FALSE, TRUE), column++, 0, 1, 1);
  for (guint i = 0; i < m; i++)
    {
      const char *name = g_ptr_array_index (agreement->annotators, i);

      gtk_grid_attach (GTK_GRID (grid), cell (*name != '\0' ? name : _("(no author)"), TRUE, TRUE), column++, 0, 1, 1);
    }
  for (guint k = 0; k < G_N_ELEMENTS (headings); k++)
    gtk_grid_attach (GTK_GRID (grid), cell (k == 2 || k == 3 ? headings[k] : _(headings[k]), TRUE, TRUE),
                     column++, 0, 1, 1);

  for (guint t = 0; t < agreement->tags->len; t++)
    {
      GlossTagAgreement *tag = g_ptr_array_index (agreement->tags, t);
      const GlossMeasure *measures[5] = { &tag->f1_exact, &tag->f1_overlap, &tag->alpha_u, &tag->kappa, &tag->percent };

      add_row (GTK_GRID (grid), (int) t + 1, tag->name, tag->counts, m, measures, FALSE);
    }
  {
    const GlossMeasure *measures[5] = { &agreement->f1_exact, &agreement->f1_overlap, &agreement->alpha_u,
                                        &agreement->kappa, &agreement->percent };

    add_row (GTK_GRID (grid), (int) agreement->tags->len + 1, _("All tags"), agreement->counts, m, measures, TRUE);
  }

  return grid;
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    Dialog          *dialog)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      csv = gloss_agreement_to_csv (dialog->agreement);
      if (!gloss_write_file_atomically (file, csv, &error))
        {
          GtkWidget *alert = adw_message_dialog_new (dialog->window, _("Could Not Export the Table"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (alert));
        }
    }
  g_object_unref (chooser);
}

static void
export_clicked_cb (GtkButton *button,
                   Dialog    *dialog)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Export Agreement"), dialog->window,
                                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                                               _("_Export"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("agreement.csv"));
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), dialog);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
gloss_agreement_dialog_present (GtkWindow          *parent,
                                GlossAgreement     *agreement,
                                GlossAgreementKind  kind)
{
  Dialog *dialog = g_new0 (Dialog, 1);
  GtkWidget *window = adw_window_new ();
  GtkWidget *view = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export CSV…"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autoptr(GString) summary = g_string_new (NULL);
  GtkWidget *summary_label;

  dialog->window = GTK_WINDOW (window);
  dialog->agreement = agreement;

  gtk_widget_set_name (export, "agreement-export-csv");
  /* The button lives as long as the window: it owns what it exports. */
  g_signal_connect_data (export, "clicked", G_CALLBACK (export_clicked_cb), dialog,
                         (GClosureNotify) (void (*) (void)) dialog_free, 0);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), export);
  gtk_box_append (GTK_BOX (view), header);

  if (kind == GLOSS_AGREEMENT_OF_AUTHORS)
    g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u author", "%u authors",
                                                  agreement->annotators->len),
                            agreement->annotators->len);
  else
    g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u version", "%u versions",
                                                  agreement->annotators->len),
                            agreement->annotators->len);
  g_string_append (summary, ", ");
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents",
                                                agreement->n_documents),
                          agreement->n_documents);
  g_string_append (summary, ". ");
  g_string_append (summary, _("By tag: F1 of spans matched exactly and by overlap, Krippendorff’s unitizing α, "
                              "and Cohen’s κ on the tags of overlapping spans with the raw agreement. "
                              "A dash cannot be computed: point at it to see why."));
  summary_label = gtk_label_new (summary->str);
  gtk_label_set_wrap (GTK_LABEL (summary_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (summary_label), 0);
  gtk_widget_add_css_class (summary_label, "dim-label");
  gtk_box_append (GTK_BOX (content), summary_label);
  gtk_box_append (GTK_BOX (content), table_new (agreement));

  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (view), scroller);

  adw_window_set_content (ADW_WINDOW (window), view);
  gtk_window_set_title (GTK_WINDOW (window), kind == GLOSS_AGREEMENT_OF_AUTHORS ? _("Agreement by Author")
                                                                               : _("Agreement Between Versions"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  /* A dialog closes with Escape. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, shortcuts);
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 440);
  gtk_window_present (GTK_WINDOW (window));
}
