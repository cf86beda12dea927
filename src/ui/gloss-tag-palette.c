/* gloss-tag-palette.c — the popover of tags beside a fresh selection
 *
 * It never takes the focus: the article keeps it, so the digit keys reach
 * the article view, which asks the project for the tag of that digit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-accessible.h"
#include "gloss-tag-palette.h"
#include "gloss-untrusted-text.h"

struct _GlossTagPalette
{
  GtkPopover    parent_instance;

  GlossProject *project;
  GtkWidget    *box;
};

G_DEFINE_FINAL_TYPE (GlossTagPalette, gloss_tag_palette, GTK_TYPE_POPOVER)

enum {
  TAG_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- swatch ---- */

static void
swatch_draw_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  GlossTag *tag = user_data;
  GdkRGBA rgba;
  double r = MIN (width, height) / 2.0;

  if (!gdk_rgba_parse (&rgba, gloss_tag_get_color (tag)))
    gdk_rgba_parse (&rgba, "#9a9996");

  cairo_arc (cr, width / 2.0, height / 2.0, r - 1, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

GtkWidget *
gloss_tag_swatch_new (GlossTag *tag)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 14);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 14);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), swatch_draw_cb,
                                  g_object_ref (tag), g_object_unref);
  g_signal_connect_object (tag, "notify::color",
                           G_CALLBACK (gtk_widget_queue_draw), area,
                           G_CONNECT_SWAPPED);
  return area;
}

/* ---- palette ---- */

static void
tag_clicked_cb (GtkButton       *button,
                GlossTagPalette *self)
{
  const char *tag_id = g_object_get_data (G_OBJECT (button), "gloss-tag-id");

  g_signal_emit (self, signals[TAG_CHOSEN], 0, tag_id);
}

static GtkWidget *
make_tag_button (GlossTagPalette *self,
                 GlossTag        *tag)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;
  g_autofree char *name = NULL;
  int digit = gloss_tag_get_digit (tag);

  if (digit >= 0)
    {
      g_autofree char *text = g_strdup_printf ("%d", digit);

      label = gtk_label_new (text);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_box_append (GTK_BOX (box), gloss_tag_swatch_new (tag));
  /* Tag names come from the file: plain text, never markup. */
  name = gloss_untrusted_isolate (gloss_tag_get_name (tag));
  label = gtk_label_new (name);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_box_append (GTK_BOX (box), label);

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_set_focusable (button, FALSE);
  g_object_set_data_full (G_OBJECT (button), "gloss-tag-id",
                          g_strdup (gloss_tag_get_id (tag)), g_free);
  if (digit >= 0)
    {
      g_autofree char *tip = g_strdup_printf (_("Press %d"), digit);

      gtk_widget_set_tooltip_text (button, tip);
    }
  gloss_accessible_name_tag_button (button, tag);
  g_signal_connect (button, "clicked", G_CALLBACK (tag_clicked_cb), self);
  return button;
}

static void
rebuild (GlossTagPalette *self)
{
  GtkWidget *child;
  GListModel *tags;
  guint n;

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->box), child);

  if (self->project == NULL)
    return;

  tags = gloss_project_get_tags (self->project);
  n = g_list_model_get_n_items (tags);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossTag) tag = g_list_model_get_item (tags, i);

      gtk_flow_box_append (GTK_FLOW_BOX (self->box), make_tag_button (self, tag));
    }
  if (n == 0)
    {
      GtkWidget *label = gtk_label_new (_("No tags yet: add some in Tags"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_flow_box_append (GTK_FLOW_BOX (self->box), label);
    }
}

static void
tags_changed_cb (GListModel      *model,
                 guint            position,
                 guint            removed,
                 guint            added,
                 GlossTagPalette *self)
{
  rebuild (self);
}

void
gloss_tag_palette_set_project (GlossTagPalette *self,
                               GlossProject    *project)
{
  g_return_if_fail (GLOSS_IS_TAG_PALETTE (self));

  /* Called again before each popup: names, colours and digits may have
   * changed in the tags dialog since. */
  if (self->project == project)
    {
      rebuild (self);
      return;
    }

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (gloss_project_get_tags (self->project), self);
  g_set_object (&self->project, project);
  if (project != NULL)
    g_signal_connect_object (gloss_project_get_tags (project), "items-changed",
                             G_CALLBACK (tags_changed_cb), self, 0);
  rebuild (self);
}

static void
gloss_tag_palette_dispose (GObject *object)
{
  GlossTagPalette *self = GLOSS_TAG_PALETTE (object);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (gloss_project_get_tags (self->project), self);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (gloss_tag_palette_parent_class)->dispose (object);
}

static void
gloss_tag_palette_class_init (GlossTagPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_tag_palette_dispose;

  signals[TAG_CHOSEN] =
    g_signal_new ("tag-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
gloss_tag_palette_init (GlossTagPalette *self)
{
  self->box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->box), 4);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->box), 2);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->box), FALSE);
  gtk_popover_set_child (GTK_POPOVER (self), self->box);
  gtk_popover_set_autohide (GTK_POPOVER (self), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (self), TRUE);
  gtk_popover_set_position (GTK_POPOVER (self), GTK_POS_BOTTOM);
  gtk_widget_add_css_class (GTK_WIDGET (self), "tag-palette");
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
}

GtkWidget *
gloss_tag_palette_new (void)
{
  return g_object_new (GLOSS_TYPE_TAG_PALETTE, NULL);
}
