/* gloss-import-page.c — a saved web page (.html, .mhtml) as a document
 *
 * The document's text is the readable article, headline first; what the
 * page says about itself (address, authors, dates…) and what Gloss knows
 * about the file (its name, the SHA-256 of its bytes, when it was
 * captured) become the document's provenance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-document.h"
#include "gloss-import-private.h"
#include "gloss-provenance.h"
#include "gloss-page-private.h"

void
_gloss_page_article_free (GlossPageArticle *article)
{
  if (article == NULL)
    return;

  g_free (article->title);
  g_free (article->text);
  g_free (article->captured);
  g_free (article->location);
  _gloss_page_metadata_free (article->metadata);
  g_free (article);
}

/* "By Jane Doe" → "Jane Doe". */
static char *
byline_author (const char *byline)
{
  g_autofree char *text = g_strstrip (g_strdup (byline));

  if (g_ascii_strncasecmp (text, "by ", 3) == 0)
    return g_strdup (g_strstrip (text + 3));
  if (g_ascii_strncasecmp (text, "by:", 3) == 0)
    return g_strdup (g_strstrip (text + 3));
  return g_steal_pointer (&text);
}

/* An archive carries the page's images too, so it may be larger than the
 * page it holds. */
static gsize
size_limit (gboolean mhtml)
{
  return mhtml ? GLOSS_PAGE_MAX_ARCHIVE_SIZE : GLOSS_PAGE_MAX_PAGE_SIZE;
}

static void
refuse_too_large (gsize        size,
                  gsize        limit,
                  const char  *display_name,
                  GError     **error)
{
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *limit_text = g_format_size (limit);

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
               limit == GLOSS_PAGE_MAX_ARCHIVE_SIZE
                 ? _("%s is too large (%s); Gloss imports MHTML archives of up to %s")
                 : _("%s is too large (%s); Gloss imports saved pages of up to %s"),
               display_name, size_text, limit_text);
}

GlossPageArticle *
_gloss_page_article_read (const char  *data,
                         gsize        size,
                         gboolean     mhtml,
                         const char  *display_name,
                         GError     **error)
{
  g_autoptr(GlossPageArticle) article = g_new0 (GlossPageArticle, 1);
  GlossMhtml archive = { 0 };
  g_autofree char *html = NULL;
  g_autofree char *body = NULL;
  g_autofree char *byline = NULL;
  g_autofree char *title_normal = NULL;
  g_autofree char *first_block = NULL;
  GumboOutput *page;
  const char *charset = NULL;
  const char *first_break;

  if (size > size_limit (mhtml))
    {
      refuse_too_large (size, size_limit (mhtml), display_name, error);
      return NULL;
    }

  if (mhtml)
    {
      if (!_gloss_mhtml_read (data, size, display_name, &archive, error))
        return NULL;
      data = g_bytes_get_data (archive.html, &size);
      if (size > GLOSS_PAGE_MAX_PAGE_SIZE)
        {
          refuse_too_large (size, GLOSS_PAGE_MAX_PAGE_SIZE, display_name, error);
          _gloss_mhtml_clear (&archive);
          return NULL;
        }
      charset = archive.charset;
      article->location = g_steal_pointer (&archive.location);
      article->captured = g_steal_pointer (&archive.captured);
    }

  html = _gloss_html_decode (data != NULL ? data : "", size, charset, display_name, error);
  _gloss_mhtml_clear (&archive);
  if (html == NULL)
    return NULL;

  page = _gloss_html_parse (html, strlen (html), display_name, error);
  if (page == NULL)
    return NULL;

  article->metadata = _gloss_page_metadata_new (page);
  body = _gloss_readable_extract (page, article->metadata->title, &byline);
  _gloss_html_free (page);

  if (body == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("%s has no readable article: Gloss found no paragraphs of text in the page "
                     "(it may be a page of links, an empty page, or one built by scripts)"),
                   display_name);
      return NULL;
    }

  if (article->metadata->authors[0] == NULL && byline != NULL)
    {
      g_strfreev (article->metadata->authors);
      article->metadata->authors = g_new0 (char *, 2);
      article->metadata->authors[0] = byline_author (byline);
    }

  article->title = g_strdup (article->metadata->title);
  if (article->title == NULL)
    {
      article->text = g_steal_pointer (&body);
      return g_steal_pointer (&article);
    }

  /* The headline is the first paragraph, once. */
  first_break = strstr (body, "\n\n");
  first_block = first_break != NULL ? g_strndup (body, first_break - body) : g_strdup (body);
  {
    g_autofree char *first_normal = _gloss_page_normalize (first_block);

    title_normal = _gloss_page_normalize (article->title);
    if (g_str_equal (first_normal, title_normal))
      article->text = g_steal_pointer (&body);
    else
      article->text = g_strconcat (article->title, "\n\n", body, NULL);
  }

  return g_steal_pointer (&article);
}

/* Sets @member when the value is one the project file accepts; a page's
 * odd value (a relative address, a made-up language) is left out. */
static void
set_checked (GlossProvenance *provenance,
             const char      *member,
             void           (*setter) (GlossProvenance *, const char *),
             const char      *value)
{
  if (value != NULL && gloss_provenance_check_value (member, value) == NULL)
    setter (provenance, value);
}

/* The page's address made absolute against the MHTML location. */
static char *
absolute_url (const char *url,
              const char *base)
{
  g_autoptr(GUri) base_uri = NULL;
  g_autoptr(GUri) resolved = NULL;

  if (url == NULL || g_uri_peek_scheme (url) != NULL || base == NULL)
    return g_strdup (url != NULL ? url : base);

  base_uri = g_uri_parse (base, G_URI_FLAGS_NONE, NULL);
  if (base_uri != NULL)
    resolved = g_uri_parse_relative (base_uri, url, G_URI_FLAGS_NONE, NULL);
  return resolved != NULL ? g_uri_to_string (resolved) : g_strdup (base);
}

static GlossProvenance *
article_provenance (GlossPageArticle *article,
                    const char      *file_name,
                    GBytes          *bytes)
{
  GlossProvenance *provenance = gloss_provenance_new ();
  GlossPageMetadata *metadata = article->metadata;
  g_autofree char *file_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *url = absolute_url (metadata->url, article->location);
  g_autoptr(GPtrArray) authors = g_ptr_array_new ();

  set_checked (provenance, "url", gloss_provenance_set_url, url);
  set_checked (provenance, "site_name", gloss_provenance_set_site_name, metadata->site_name);
  set_checked (provenance, "published", gloss_provenance_set_published, metadata->published);
  set_checked (provenance, "modified", gloss_provenance_set_modified, metadata->modified);
  set_checked (provenance, "language", gloss_provenance_set_language, metadata->language);
  set_checked (provenance, "description", gloss_provenance_set_description, metadata->description);
  set_checked (provenance, "captured", gloss_provenance_set_captured, article->captured);
  set_checked (provenance, "file", gloss_provenance_set_file, file_name);
  set_checked (provenance, "file_sha256", gloss_provenance_set_file_sha256, file_sha256);
  gloss_provenance_set_extractor (provenance, GLOSS_PAGE_EXTRACTOR);
  gloss_provenance_set_extractor_version (provenance, GLOSS_PAGE_EXTRACTOR_VERSION);

  for (guint i = 0; metadata->authors[i] != NULL; i++)
    if (gloss_provenance_check_value ("authors", metadata->authors[i]) == NULL)
      g_ptr_array_add (authors, metadata->authors[i]);
  g_ptr_array_add (authors, NULL);
  gloss_provenance_set_authors (provenance, (const char * const *) authors->pdata);

  return provenance;
}

gboolean
_gloss_import_is_mhtml_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".mhtml") || g_str_has_suffix (lower, ".mht");
}

GlossDocument *
gloss_import_page_file (GFile   *file,
                       GError **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *source = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GlossPageArticle) article = NULL;
  g_autoptr(GlossProvenance) provenance = NULL;
  g_autofree char *file_name = NULL;
  GlossDocument *document;
  gsize size;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = _gloss_import_display_name (file);

  /* Refuse a huge page before reading it. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info != NULL && (guint64) g_file_info_get_size (info) > size_limit (_gloss_import_is_mhtml_name (display_name)))
    {
      refuse_too_large (g_file_info_get_size (info), size_limit (_gloss_import_is_mhtml_name (display_name)),
                        display_name, error);
      return NULL;
    }
  if (info != NULL)
    bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, GLOSS_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                     ? GLOSS_ERROR_NOT_FOUND : GLOSS_ERROR_IO,
                   _("Could not read %s: %s"), display_name, local_error->message);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &size);
  article = _gloss_page_article_read (data, size, _gloss_import_is_mhtml_name (display_name),
                                     display_name, error);
  if (article == NULL)
    return NULL;

  title = article->title != NULL ? g_strdup (article->title) : g_strdup (display_name);
  file_name = _gloss_import_file_name (file);
  /* The name alone: a path would show the analyst's folders (gloss-source-name.c). */
  source = g_strdup (file_name);
  provenance = article_provenance (article, file_name, bytes);

  now = g_date_time_new_now_utc ();
  document = gloss_document_new (NULL, title, article->text);
  gloss_document_set_source (document, source);
  gloss_document_set_imported (document, now);
  gloss_document_set_provenance (document, provenance);

  return document;
}
