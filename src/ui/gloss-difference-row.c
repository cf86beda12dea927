/* gloss-difference-row.c — one difference in the compare view, with Accept and Dismiss
 *
 * The row says what kind of difference it is, quotes the annotation and
 * spells out what differs (gloss_difference_describe ()); its buttons say
 * what accepting and dismissing do for that kind. The compare view does
 * both, on the row's "accept" and "dismiss" signals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-difference-row.h"
#include "gloss-untrusted-text.h"

struct _GlossDifferenceRow
{
  GtkListBoxRow          parent_instance;

  const GlossDifference *difference;  /* borrowed from the view's comparison */

  /* template (not its outer box: that is the row's child, and the row
   * lets go of it) */
  GtkWidget             *top;
  GtkLabel              *kind_label;
  GtkLabel              *quote_label;
  GtkButton             *dismiss_button;
  GtkButton             *accept_button;
};

G_DEFINE_FINAL_TYPE (GlossDifferenceRow, gloss_difference_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  ACCEPT,
  DISMISS,
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

static void
accept_clicked_cb (GlossDifferenceRow *self)
{
  g_signal_emit (self, signals[ACCEPT], 0);
}

static void
dismiss_clicked_cb (GlossDifferenceRow *self)
{
  g_signal_emit (self, signals[DISMISS], 0);
}

static void
gloss_difference_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GLOSS_TYPE_DIFFERENCE_ROW);

  G_OBJECT_CLASS (gloss_difference_row_parent_class)->dispose (object);
}

static void
gloss_difference_row_class_init (GlossDifferenceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_difference_row_dispose;

  signals[ACCEPT] =
    g_signal_new ("accept", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DISMISS] =
    g_signal_new ("dismiss", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/gloss-difference-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossDifferenceRow, top);
  gtk_widget_class_bind_template_child (widget_class, GlossDifferenceRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, GlossDifferenceRow, quote_label);
  gtk_widget_class_bind_template_child (widget_class, GlossDifferenceRow, dismiss_button);
  gtk_widget_class_bind_template_child (widget_class, GlossDifferenceRow, accept_button);
  gtk_widget_class_bind_template_callback (widget_class, accept_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_clicked_cb);
}

static void
gloss_difference_row_init (GlossDifferenceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gloss_difference_row_new (GlossComparison       *comparison,
                          const GlossDifference *difference,
                          guint                  index)
{
  GlossDifferenceRow *self;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GString) accessible = NULL;
  g_autofree char *accept_name = g_strdup_printf ("compare-accept-%u", index);
  g_autofree char *dismiss_name = g_strdup_printf ("compare-dismiss-%u", index);
  g_autofree char *row_name = g_strdup_printf ("compare-row-%u", index);
  const char *quote = shown_quote (difference);
  GtkWidget *previous;

  g_return_val_if_fail (comparison != NULL, NULL);
  g_return_val_if_fail (difference != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_DIFFERENCE_ROW, NULL);
  self->difference = difference;
  lines = gloss_difference_describe (comparison, difference);
  accessible = g_string_new (kind_label (difference));

  gtk_label_set_text (self->kind_label, kind_label (difference));
  gtk_widget_add_css_class (GTK_WIDGET (self->kind_label), kind_class (difference->kind));
  if (quote != NULL)
    {
      g_autofree char *shown = gloss_untrusted_isolate (quote);

      gtk_label_set_text (self->quote_label, shown);
      gtk_widget_set_visible (GTK_WIDGET (self->quote_label), TRUE);
      g_string_append_printf (accessible, ": %s", quote);
    }

  previous = self->top;
  for (guint i = 0; i < lines->len; i++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (lines, i));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->top)), label, previous);
      previous = label;
      g_string_append_printf (accessible, "; %s", (const char *) g_ptr_array_index (lines, i));
    }

  gtk_button_set_label (self->dismiss_button, _(buttons_of_kind[difference->kind].dismiss));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->dismiss_button), _(buttons_of_kind[difference->kind].dismiss_tip));
  gtk_widget_set_name (GTK_WIDGET (self->dismiss_button), dismiss_name);
  gtk_button_set_label (self->accept_button, _(buttons_of_kind[difference->kind].accept));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->accept_button), _(buttons_of_kind[difference->kind].accept_tip));
  gtk_widget_set_name (GTK_WIDGET (self->accept_button), accept_name);

  gtk_widget_set_name (GTK_WIDGET (self), row_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str, -1);
  return GTK_WIDGET (self);
}

const GlossDifference *
gloss_difference_row_get_difference (GlossDifferenceRow *self)
{
  g_return_val_if_fail (GLOSS_IS_DIFFERENCE_ROW (self), NULL);

  return self->difference;
}
