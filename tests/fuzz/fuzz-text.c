/* fuzz-text.c — libFuzzer target: any bytes as an article to import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gloss_decode_text (bytes, "fuzz.txt", &error);

  if (text == NULL)
    {
      g_assert (error != NULL);
      g_assert (strstr (error->message, "fuzz.txt") != NULL);
      return 0;
    }

  /* What decodes is valid UTF-8 that a document takes as it is. */
  g_assert (g_utf8_validate (text, -1, NULL));
  {
    g_autoptr(GlossDocument) document = gloss_document_new (NULL, NULL, text);
    g_assert (gloss_document_get_text_size (document) == strlen (text));
  }

  return 0;
}
