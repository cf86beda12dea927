/* gloss-untrusted-text.c — strings from files, made safe to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-untrusted-text.h"

#define FIRST_STRONG_ISOLATE     "\xe2\x81\xa8"  /* U+2068 */
#define POP_DIRECTIONAL_ISOLATE  "\xe2\x81\xa9"  /* U+2069 */

char *
gloss_untrusted_isolate (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  return g_strconcat (FIRST_STRONG_ISOLATE, valid, POP_DIRECTIONAL_ISOLATE, NULL);
}

char *
gloss_untrusted_file_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *display = basename != NULL ? g_filename_display_name (basename)
                                              : g_file_get_parse_name (file);

  return gloss_untrusted_isolate (display);
}

char *
gloss_untrusted_no_mnemonic (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 4);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_')
        g_string_append_c (out, '_');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0x200E || c == 0x200F || c == 0x061C;
}

char *
gloss_untrusted_describe_controls (const char *text)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char code[16];

      if (!is_bidi_control (c))
        continue;
      g_snprintf (code, sizeof code, "U+%04X", c);
      if (out != NULL && strstr (out->str, code) != NULL)
        continue;
      if (out == NULL)
        out = g_string_new (code);
      else
        g_string_append_printf (out, ", %s", code);
    }
  return out != NULL ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

gboolean
gloss_untrusted_isolate_binding (GBinding     *binding,
                                 const GValue *from_value,
                                 GValue       *to_value,
                                 gpointer      user_data)
{
  g_value_take_string (to_value, gloss_untrusted_isolate (g_value_get_string (from_value)));
  return TRUE;
}
