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

struct _GlossAgreementDialog
{
  AdwWindow       parent_instance;

  GlossAgreement *agreement;

  /* template */
  GtkBox         *content;
  GtkLabel       *summary_label;
};

G_DEFINE_FINAL_TYPE (GlossAgreementDialog, gloss_agreement_dialog, ADW_TYPE_WINDOW)

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
export_response_cb (GtkNativeDialog      *chooser,
                    int                   response,
                    GlossAgreementDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      csv = gloss_agreement_to_csv (self->agreement);
      if (!gloss_write_file_atomically (file, csv, &error))
        {
          GtkWidget *alert = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export the Table"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (alert));
        }
    }
  g_object_unref (chooser);
}

static void
export_clicked_cb (GlossAgreementDialog *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Export Agreement"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                                               _("_Export"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("agreement.csv"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
gloss_agreement_dialog_finalize (GObject *object)
{
  GlossAgreementDialog *self = GLOSS_AGREEMENT_DIALOG (object);

  g_clear_pointer (&self->agreement, gloss_agreement_free);

  G_OBJECT_CLASS (gloss_agreement_dialog_parent_class)->finalize (object);
}

static void
gloss_agreement_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GLOSS_TYPE_AGREEMENT_DIALOG);

  G_OBJECT_CLASS (gloss_agreement_dialog_parent_class)->dispose (object);
}

static void
gloss_agreement_dialog_class_init (GlossAgreementDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_agreement_dialog_dispose;
  object_class->finalize = gloss_agreement_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/gloss-agreement-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementDialog, content);
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementDialog, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
}

static void
gloss_agreement_dialog_init (GlossAgreementDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
gloss_agreement_dialog_present (GtkWindow          *parent,
                                GlossAgreement     *agreement,
                                GlossAgreementKind  kind)
{
  GlossAgreementDialog *self = g_object_new (GLOSS_TYPE_AGREEMENT_DIALOG,
                                             "transient-for", parent,
                                             NULL);
  g_autoptr(GString) summary = g_string_new (NULL);

  self->agreement = agreement;

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
  gtk_label_set_text (self->summary_label, summary->str);
  gtk_box_append (self->content, table_new (agreement));

  gtk_window_set_title (GTK_WINDOW (self), kind == GLOSS_AGREEMENT_OF_AUTHORS ? _("Agreement by Author")
                                                                             : _("Agreement Between Versions"));
  gtk_window_present (GTK_WINDOW (self));
}
