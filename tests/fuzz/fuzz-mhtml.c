/* fuzz-mhtml.c — libFuzzer target: any bytes as a saved web page (.mhtml)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-page-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossPageArticle) article = _gloss_page_article_read ((const char *) data, size, TRUE,
                                                                "fuzz.mhtml", &error);

  if (article == NULL)
    {
      /* Every refusal names the file. */
      g_assert (error != NULL);
      g_assert (strstr (error->message, "fuzz.mhtml") != NULL);
      return 0;
    }

  /* An article is valid UTF-8 with a word in it. */
  g_assert (error == NULL);
  g_assert (g_utf8_validate (article->text, -1, NULL));
  g_assert (*article->text != '\0');
  return 0;
}
