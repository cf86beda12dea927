/* gloss-markdown-private.h — a Markdown article as the text its reader sees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A link of the article: where its text is in the shown text, and where
 * its target is in the list after the article (code points). */
typedef struct {
  guint  start;
  guint  end;
  guint  target_start;
  guint  target_end;
  char  *text;
  char  *target;
} GlossMarkdownLink;

void  gloss_markdown_link_free (GlossMarkdownLink *link);

/* @markdown (UTF-8) as a reader sees it, its links' targets listed after
 * it; *@links (may be NULL) receives the links, GlossMarkdownLink*. */
char *gloss_markdown_render    (const char  *markdown,
                                GPtrArray  **links);

G_END_DECLS
