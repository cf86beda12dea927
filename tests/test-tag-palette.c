/* test-tag-palette.c — the popover of tags: one GlossTagButton per tag, chosen by a click
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-accessible.h"
#include "gloss-color-chip.h"
#include "gloss-tag-button.h"
#include "gloss-tag-palette.h"
#include "panels-fixture.h"

static gboolean
palette_shown (gpointer palette)
{
  return gtk_widget_get_mapped (palette);
}

static void
tag_chosen_cb (GlossTagPalette *palette,
               const char      *tag_id,
               char           **chosen)
{
  g_free (*chosen);
  *chosen = g_strdup (tag_id);
}

static GlossTagButton *
button_of (GPtrArray  *buttons,
           const char *tag_id)
{
  for (guint i = 0; i < buttons->len; i++)
    if (g_str_equal (gloss_tag_button_get_tag_id (buttons->pdata[i]), tag_id))
      return buttons->pdata[i];
  return NULL;
}

static void
test_tag_palette (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *anchor = gtk_label_new ("anchor");
  GtkWidget *palette = gloss_tag_palette_new ();
  GlossTag *claim = gloss_project_lookup_tag (f->project, "claim");
  GlossTag *plain;
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GPtrArray) chips = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *claim_label = gloss_accessible_tag_label (claim);
  g_autofree char *tip = g_strdup_printf ("Press %d", gloss_tag_get_digit (claim));
  GlossTagButton *button;

  /* A tag without a key, and a name that looks like markup. */
  plain = gloss_project_create_tag (f->project, "<b>Plain</b>", NULL, -1);

  gtk_window_set_child (f->window, anchor);
  gtk_widget_set_parent (palette, anchor);
  gtk_window_present (f->window);
  gloss_tag_palette_set_project (GLOSS_TAG_PALETTE (palette), f->project);
  g_signal_connect (palette, "tag-chosen", G_CALLBACK (tag_chosen_cb), &chosen);
  gtk_popover_popup (GTK_POPOVER (palette));
  g_assert_true (wait_for (palette_shown, palette, 5000));
  wait_ms (50);

  buttons = find_all (palette, GLOSS_TYPE_TAG_BUTTON);
  g_assert_cmpuint (buttons->len, ==, g_list_model_get_n_items (gloss_project_get_tags (f->project)));

  /* A tag with a key: digit first, the key in the tooltip, named for
   * screen readers as the tag and its key, its colour in the chip. */
  button = button_of (buttons, "claim");
  g_assert_nonnull (button);
  g_assert_true (gloss_tag_button_get_tag (button) == claim);
  g_assert_true (has_label_with_text (GTK_WIDGET (button), "1"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), ==, tip);
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, claim_label);
  chips = find_all (GTK_WIDGET (button), GLOSS_TYPE_COLOR_CHIP);
  g_assert_cmpuint (chips->len, ==, 1);
  g_assert_true (gloss_color_chip_get_tag (chips->pdata[0]) == claim);
  /* The article keeps the focus until Tab enters the palette. */
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (button)));

  /* Without a key: no digit, no tooltip; the name is plain text. */
  button = button_of (buttons, gloss_tag_get_id (plain));
  g_assert_nonnull (button);
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (button)));
  g_assert_true (has_label_with_text (GTK_WIDGET (button), "\xe2\x81\xa8<b>Plain</b>\xe2\x81\xa9"));

  /* A click chooses the tag. */
  g_signal_emit_by_name (button_of (buttons, "claim"), "clicked");
  g_assert_cmpstr (chosen, ==, "claim");

  gtk_popover_popdown (GTK_POPOVER (palette));
  gtk_widget_unparent (palette);
  gtk_window_set_child (f->window, NULL);
}

int
main (int    argc,
      char **argv)
{
  panels_test_init (&argc, &argv);

  PANELS_ADD ("/gloss/tag-palette", test_tag_palette);
  return g_test_run ();
}
