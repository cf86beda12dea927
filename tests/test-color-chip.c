/* test-color-chip.c — tag colours and the swatch that follows a tag
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-color-chip.h"
#include "gloss-color.h"
#include "panels-fixture.h"

static void
test_color (void)
{
  GdkRGBA rgba;
  g_autoptr(GlossTag) tag = gloss_tag_new (NULL, "Claim", "#f6d32d", 1);
  GtkWidget *chip;

  g_assert_true (gloss_color_parse ("#62a0ea", &rgba));
  g_assert_cmpfloat_with_epsilon (rgba.red, 0x62 / 255.0, 0.001);
  g_assert_cmpfloat_with_epsilon (rgba.blue, 0xea / 255.0, 0.001);
  g_assert_false (gloss_color_parse ("not a colour", &rgba));
  g_assert_false (gloss_color_parse (NULL, &rgba));
  g_assert_cmpfloat (rgba.alpha, ==, 1.0);

  chip = g_object_ref_sink (gloss_color_chip_new (tag));
  g_assert_true (gloss_color_chip_get_tag (GLOSS_COLOR_CHIP (chip)) == tag);
  gloss_tag_set_color (tag, "#000000");  /* followed without a crash */
  g_object_unref (chip);
}

int
main (int    argc,
      char **argv)
{
  panels_test_init (&argc, &argv);

  g_test_add_func ("/gloss/color-chip", test_color);
  return g_test_run ();
}
