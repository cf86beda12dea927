/* gloss-tag-palette.c — the popover of tags beside a fresh selection
 *
 * It does not take the focus when it appears: the article keeps it, so the
 * digit keys reach the article view, which asks the project for the tag of
 * that digit. Tab in the article moves into it (gloss_tag_palette_enter ()),
 * for the tags without a digit: the arrows and Tab go from tag to tag,
 * Return or Space applies the focused one, Escape goes back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-tag-button.h"
#include "gloss-tag-palette.h"

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

/* ---- palette ---- */

static GPtrArray *
tag_buttons (GlossTagPalette *self)
{
  GPtrArray *buttons = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (self->box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *inner = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (GLOSS_IS_TAG_BUTTON (inner))
        g_ptr_array_add (buttons, inner);
    }
  return buttons;
}

static void
set_keyboard_entered (GlossTagPalette *self,
                      gboolean         entered)
{
  g_autoptr(GPtrArray) buttons = tag_buttons (self);

  for (guint i = 0; i < buttons->len; i++)
    gtk_widget_set_focusable (buttons->pdata[i], entered);
}

gboolean
gloss_tag_palette_enter (GlossTagPalette *self)
{
  g_autoptr(GPtrArray) buttons = NULL;

  g_return_val_if_fail (GLOSS_IS_TAG_PALETTE (self), FALSE);

  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return FALSE;
  buttons = tag_buttons (self);
  if (buttons->len == 0)
    return FALSE;
  set_keyboard_entered (self, TRUE);
  return gtk_widget_grab_focus (buttons->pdata[0]);
}

static void
leave (GlossTagPalette *self)
{
  GtkWidget *article = gtk_widget_get_parent (GTK_WIDGET (self));

  set_keyboard_entered (self, FALSE);
  if (article != NULL)
    gtk_widget_grab_focus (article);
}

/* The focused tag button's index, or -1. */
static int
focused_index (GlossTagPalette *self,
               GPtrArray       *buttons)
{
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_has_focus (buttons->pdata[i]))
      return i;
  return -1;
}

static void
closed_cb (GlossTagPalette *self)
{
  set_keyboard_entered (self, FALSE);
}

static gboolean
palette_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GlossTagPalette       *self)
{
  g_autoptr(GPtrArray) buttons = tag_buttons (self);
  int current = focused_index (self, buttons);
  int step = 0;

  if (current < 0)
    return GDK_EVENT_PROPAGATE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Escape:
      leave (self);
      return GDK_EVENT_STOP;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      step = 1;
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_ISO_Left_Tab:
      step = -1;
      break;
    case GDK_KEY_Home:
      gtk_widget_grab_focus (buttons->pdata[0]);
      return GDK_EVENT_STOP;
    case GDK_KEY_End:
      gtk_widget_grab_focus (buttons->pdata[buttons->len - 1]);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  /* Shift+Tab arrives as ISO_Left_Tab; the arrows follow the screen. */
  if (step != 0 && (keyval == GDK_KEY_Left || keyval == GDK_KEY_Right ||
                    keyval == GDK_KEY_KP_Left || keyval == GDK_KEY_KP_Right) &&
      gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    step = -step;
  gtk_widget_grab_focus (buttons->pdata[(current + step + (int) buttons->len) % (int) buttons->len]);
  return GDK_EVENT_STOP;
}

static void
tag_clicked_cb (GlossTagButton  *button,
                GlossTagPalette *self)
{
  set_keyboard_entered (self, FALSE);
  g_signal_emit (self, signals[TAG_CHOSEN], 0, gloss_tag_button_get_tag_id (button));
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

      GtkWidget *button = gloss_tag_button_new (tag);

      g_signal_connect (button, "clicked", G_CALLBACK (tag_clicked_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (self->box), button);
      /* The buttons take the focus, not the cells around them. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
    }
  if (n == 0)
    {
      GtkWidget *label = gtk_label_new (_("No tags yet: add some in Tags"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_flow_box_append (GTK_FLOW_BOX (self->box), label);
    }
}

#define MAX_COLUMNS 4
#define COLUMN_SPACING 0  /* GtkFlowBox's default */

void
gloss_tag_palette_fit_width (GlossTagPalette *self,
                             int              width)
{
  int widest = 1;
  int frame, columns;

  g_return_if_fail (GLOSS_IS_TAG_PALETTE (self));

  for (GtkWidget *child = gtk_widget_get_first_child (self->box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int natural = 0;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      widest = MAX (widest, natural);
    }
  /* The popover's padding, border and arrow around the grid (Adwaita). */
  frame = 2 * 12;
  columns = CLAMP ((width - frame + COLUMN_SPACING) / (widest + COLUMN_SPACING), 1, MAX_COLUMNS);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->box), columns);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->box), columns);
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
  GtkEventController *controller;

  self->box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->box), MAX_COLUMNS);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->box), 1);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->box), FALSE);
  gtk_popover_set_child (GTK_POPOVER (self), self->box);
  gtk_popover_set_autohide (GTK_POPOVER (self), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (self), TRUE);
  gtk_popover_set_position (GTK_POPOVER (self), GTK_POS_BOTTOM);
  gtk_widget_add_css_class (GTK_WIDGET (self), "tag-palette");
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (palette_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  g_signal_connect (self, "closed", G_CALLBACK (closed_cb), NULL);
}

GtkWidget *
gloss_tag_palette_new (void)
{
  return g_object_new (GLOSS_TYPE_TAG_PALETTE, NULL);
}
