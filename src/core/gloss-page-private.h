/* gloss-page-private.h — the pieces that turn a saved web page into an article
 *
 * A page goes: bytes (an .html file, or the HTML part of an .mhtml file:
 * gloss-mhtml.c) → UTF-8 text (gloss-html-decode.c) → an HTML5 tree
 * (gloss-html-parse.c, gumbo) → metadata (gloss-page-metadata.c) and the
 * readable article (gloss-readable.c choosing the content,
 * gloss-page-text.c writing it as text). gloss-import-page.c ties them up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <gumbo.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_PAGE_EXTRACTOR         "gloss-readable"
#define GLOSS_PAGE_EXTRACTOR_VERSION "1.0"

/* Pages larger than this (bytes as saved) are refused before parsing;
 * an MHTML archive, which also holds the page's images, may reach the
 * second figure, its page the first. */
#define GLOSS_PAGE_MAX_PAGE_SIZE     (32 * 1024 * 1024)
#define GLOSS_PAGE_MAX_ARCHIVE_SIZE  (256 * 1024 * 1024)
/* Elements may nest this deep; the HTML5 tree builder is quadratic in depth. */
#define GLOSS_PAGE_MAX_DEPTH         1024

/* gloss-mhtml.c ---------------------------------------------------------- */

typedef struct {
  GBytes *html;       /* the HTML part's body, transfer encoding undone */
  char   *charset;    /* its Content-Type charset, or NULL */
  char   *location;   /* Snapshot-Content-Location, else the part's Content-Location */
  char   *captured;   /* the message Date as ISO 8601 (UTC), or NULL */
} GlossMhtml;

void        _gloss_mhtml_clear          (GlossMhtml  *mhtml);
/* Reads a MIME multipart/related archive and finds its HTML part. */
gboolean    _gloss_mhtml_read           (const char  *data,
                                         gsize        size,
                                         const char  *display_name,
                                         GlossMhtml  *mhtml,
                                         GError     **error);

/* gloss-html-decode.c ----------------------------------------------------- */

/* Decodes page bytes to UTF-8 as a browser would: a byte order mark, then
 * @transport_charset (the MHTML part's), then <meta charset> or http-equiv,
 * then UTF-8 when the bytes are valid UTF-8, else windows-1252. */
char       *_gloss_html_decode          (const char  *data,
                                         gsize        size,
                                         const char  *transport_charset,
                                         const char  *display_name,
                                         GError     **error);

/* gloss-html-parse.c ------------------------------------------------------ */

/* Parses UTF-8 HTML with the HTML5 algorithm, refusing pages nested deeper
 * than GLOSS_PAGE_MAX_DEPTH. Free with _gloss_html_free (). */
GumboOutput *_gloss_html_parse          (const char  *html,
                                         gsize        size,
                                         const char  *display_name,
                                         GError     **error);
void         _gloss_html_free           (GumboOutput *output);

/* Small DOM helpers on gumbo nodes. */
gboolean     _gloss_html_is_element     (const GumboNode *node);
GumboTag     _gloss_html_tag            (const GumboNode *node);
const char  *_gloss_html_attr           (const GumboNode *node,
                                         const char      *name);
const GumboVector *_gloss_html_children (const GumboNode *node);
GumboNode   *_gloss_html_find           (GumboNode       *root,
                                         GumboTag         tag);
/* Text content, whitespace collapsed and trimmed. */
char        *_gloss_html_text           (const GumboNode *node);
/* True for hidden, aria-hidden, display:none / visibility:hidden. */
gboolean     _gloss_html_is_hidden      (const GumboNode *node);
/* Block-level elements (a text break before and after). */
gboolean     _gloss_html_is_block       (const GumboNode *node);
/* Elements whose content never shows as text (script, template, …). */
gboolean     _gloss_html_is_non_content (const GumboNode *node);

/* gloss-page-metadata.c ---------------------------------------------------- */

typedef struct {
  char  *title;        /* the article's headline, site name removed */
  char  *url;          /* canonical */
  char  *site_name;
  char **authors;      /* NULL-terminated, may be empty */
  char  *published;    /* ISO 8601 as found */
  char  *modified;
  char  *language;     /* BCP 47 */
  char  *description;
} GlossPageMetadata;

GlossPageMetadata *_gloss_page_metadata_new  (GumboOutput *page);
void              _gloss_page_metadata_free (GlossPageMetadata *metadata);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossPageMetadata, _gloss_page_metadata_free)

/* Normalises a title or name for comparison: case-folded, whitespace
 * collapsed, trimmed. */
char             *_gloss_page_normalize     (const char *text);

/* gloss-readable.c / gloss-page-text.c ------------------------------------- */

/* The article's text (blocks separated by one blank line), or NULL when
 * the page has no readable article. @title, when given, is left out of the
 * body where a heading repeats it. @byline receives the byline the page
 * shows in its text, if any (may be NULL). */
char        *_gloss_readable_extract    (GumboOutput *page,
                                         const char  *title,
                                         char       **byline);

/* Writes the text of @nodes (GumboNode*), skipping the nodes in @dropped. */
char        *_gloss_page_text_write      (GPtrArray   *nodes,
                                         GHashTable  *dropped);
/* A table with data (header cells, a caption, many rows), not layout. */
gboolean     _gloss_page_is_data_table   (const GumboNode *table);

/* gloss-import-page.c ------------------------------------------------------ */

typedef struct {
  char             *title;     /* NULL when the page names none */
  char             *text;      /* the headline, then the article */
  GlossPageMetadata *metadata;
  char             *captured;  /* MHTML Date, ISO 8601 */
  char             *location;  /* MHTML snapshot location */
} GlossPageArticle;

/* A page's bytes (an MHTML archive when @mhtml) as an article. */
GlossPageArticle *_gloss_page_article_read (const char  *data,
                                          gsize        size,
                                          gboolean     mhtml,
                                          const char  *display_name,
                                          GError     **error);
void             _gloss_page_article_free (GlossPageArticle *article);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossPageArticle, _gloss_page_article_free)

gboolean         _gloss_import_is_mhtml_name (const char *name);

G_END_DECLS
