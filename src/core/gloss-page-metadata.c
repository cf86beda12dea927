/* gloss-page-metadata.c — what a page says about itself
 *
 * Sources, each field taking the first that has it (docs/web-import.md
 * lists the full order): schema.org JSON-LD for the article, then Dublin
 * Core (for title, authors and description), OpenGraph and article:*
 * meta, then Twitter, Parse.ly, citation_* and plain <meta name=…>, then
 * the document itself (<title>, <html lang>, <link rel=canonical>,
 * <time datetime>).
 *
 * JSON-LD is foreign JSON of any shape, read with json-glib after a scan
 * that refuses deep nesting (json-glib 1.6 recurses without a limit).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "gloss-page-private.h"

/* JSON-LD nested deeper than this, or larger, is ignored. */
#define JSON_LD_MAX_DEPTH 32
#define JSON_LD_MAX_SIZE  (4 * 1024 * 1024)

typedef struct {
  GHashTable *meta;          /* lower-case key → GPtrArray of char* values */
  JsonObject *article;       /* the JSON-LD article object, or NULL */
  JsonNode   *json_root;     /* keeps @article alive */
  char       *document_title;
  char       *html_lang;
  char       *canonical;
  char       *time_datetime; /* the first <time datetime> in the body */
  char       *first_h1;
} PageFacts;

static void
page_facts_clear (PageFacts *facts)
{
  g_clear_pointer (&facts->meta, g_hash_table_unref);
  g_clear_pointer (&facts->json_root, json_node_unref);
  g_clear_pointer (&facts->document_title, g_free);
  g_clear_pointer (&facts->html_lang, g_free);
  g_clear_pointer (&facts->canonical, g_free);
  g_clear_pointer (&facts->time_datetime, g_free);
  g_clear_pointer (&facts->first_h1, g_free);
}

char *
_gloss_page_normalize (const char *text)
{
  g_autofree char *folded = NULL;
  GString *result;
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  folded = g_utf8_casefold (text, -1);
  result = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xA0)
        {
          space = result->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (result, ' ');
      space = FALSE;
      g_string_append_unichar (result, c);
    }

  return g_string_free (result, FALSE);
}

/* Whitespace collapsed and trimmed, or NULL when nothing is left. */
static char *
clean_value (const char *value)
{
  GString *result;
  gboolean space = FALSE;

  if (value == NULL)
    return NULL;

  result = g_string_new (NULL);
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = result->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (result, ' ');
      space = FALSE;
      g_string_append_unichar (result, c);
    }

  if (result->len == 0)
    {
      g_string_free (result, TRUE);
      return NULL;
    }
  return g_string_free (result, FALSE);
}

static void
add_meta (GHashTable *meta,
          const char *key,
          const char *value)
{
  g_autofree char *lower = g_ascii_strdown (key, -1);
  char *clean = clean_value (value);
  GPtrArray *values;

  if (clean == NULL)
    return;

  values = g_hash_table_lookup (meta, lower);
  if (values == NULL)
    {
      values = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (meta, g_steal_pointer (&lower), values);
    }
  g_ptr_array_add (values, clean);
}

static const char *
meta_first (PageFacts  *facts,
            const char *key)
{
  GPtrArray *values = g_hash_table_lookup (facts->meta, key);

  return values != NULL && values->len > 0 ? g_ptr_array_index (values, 0) : NULL;
}

/* The depth of the deepest [ or { in @text, strings aside. */
static guint
json_depth (const char *text)
{
  guint depth = 0, deepest = 0;
  gboolean in_string = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if (*p == '[' || *p == '{')
        deepest = MAX (deepest, ++depth);
      else if ((*p == ']' || *p == '}') && depth > 0)
        depth--;
    }

  return deepest;
}

static gboolean
type_is_article (JsonObject *object)
{
  static const char * const suffixes[] = { "Article", "Posting", "Report" };
  JsonNode *type = json_object_get_member (object, "@type");
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (type == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (type) && json_node_get_value_type (type) == G_TYPE_STRING)
    g_ptr_array_add (names, (gpointer) json_node_get_string (type));
  else if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *array = json_node_get_array (type);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            g_ptr_array_add (names, (gpointer) json_node_get_string (element));
        }
    }

  for (guint i = 0; i < names->len; i++)
    for (guint j = 0; j < G_N_ELEMENTS (suffixes); j++)
      if (g_str_has_suffix (g_ptr_array_index (names, i), suffixes[j]))
        return TRUE;
  return FALSE;
}

/* The first article object in @node: itself, in an array, in @graph or
 * in a member such as mainEntity. */
static JsonObject *
find_article (JsonNode *node,
              guint     depth)
{
  if (node == NULL || depth > JSON_LD_MAX_DEPTH)
    return NULL;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *found = find_article (json_array_get_element (array, i), depth + 1);

          if (found != NULL)
            return found;
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = NULL;

      if (type_is_article (object))
        return object;
      members = json_object_get_members (object);
      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *member = json_object_get_member (object, l->data);
          JsonObject *found;

          if (!JSON_NODE_HOLDS_OBJECT (member) && !JSON_NODE_HOLDS_ARRAY (member))
            continue;
          found = find_article (member, depth + 1);
          if (found != NULL)
            return found;
        }
    }

  return NULL;
}

static void
read_json_ld (PageFacts  *facts,
              const char *text)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *article;
  g_autofree char *body = NULL;
  const char *start, *end;

  if (facts->article != NULL || strlen (text) > JSON_LD_MAX_SIZE || json_depth (text) > JSON_LD_MAX_DEPTH)
    return;

  /* Pages wrap it in <![CDATA[ … ]]> or comments: the JSON is what lies
   * between the first opening bracket and the last matching closing one. */
  start = strstr (text, "<![CDATA[");
  if (start != NULL)
    {
      const char *cdata_end = g_strrstr (start, "]]>");

      body = g_strndup (start + 9, cdata_end != NULL ? (gsize) (cdata_end - start - 9) : strlen (start + 9));
    }
  else
    body = g_strdup (text);
  start = strpbrk (body, "{[");
  end = start == NULL ? NULL : strrchr (body, *start == '{' ? '}' : ']');
  if (start == NULL || end == NULL || end < start)
    return;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, start, end - start + 1, NULL))
    return;

  article = find_article (json_parser_get_root (parser), 0);
  if (article != NULL)
    {
      facts->json_root = json_parser_steal_root (parser);
      facts->article = article;
    }
}

static void
collect (GumboNode *node,
         PageFacts *facts,
         gboolean   in_body)
{
  const GumboVector *children;
  GumboTag tag;

  if (!_gloss_html_is_element (node) && node->type != GUMBO_NODE_DOCUMENT)
    return;

  tag = _gloss_html_tag (node);
  switch ((int) tag)
    {
    case GUMBO_TAG_HTML:
      if (facts->html_lang == NULL)
        facts->html_lang = clean_value (_gloss_html_attr (node, "lang"));
      if (facts->html_lang == NULL)
        facts->html_lang = clean_value (_gloss_html_attr (node, "xml:lang"));
      break;

    case GUMBO_TAG_BODY:
      in_body = TRUE;
      break;

    case GUMBO_TAG_META:
      {
        const char *content = _gloss_html_attr (node, "content");
        const char *keys[] = {
          _gloss_html_attr (node, "property"), _gloss_html_attr (node, "name"),
          _gloss_html_attr (node, "itemprop"), _gloss_html_attr (node, "http-equiv"),
        };

        for (guint i = 0; i < G_N_ELEMENTS (keys) && content != NULL; i++)
          {
            g_auto(GStrv) names = NULL;

            if (keys[i] == NULL)
              continue;
            names = g_strsplit_set (keys[i], " \t\n", -1);
            for (guint j = 0; names[j] != NULL; j++)
              if (*names[j] != '\0')
                add_meta (facts->meta, names[j], content);
          }
        return;
      }

    case GUMBO_TAG_TITLE:
      if (facts->document_title == NULL && !in_body)
        {
          g_autofree char *text = _gloss_html_text (node);

          facts->document_title = clean_value (text);
        }
      return;

    case GUMBO_TAG_LINK:
      {
        const char *rel = _gloss_html_attr (node, "rel");

        if (facts->canonical == NULL && rel != NULL && g_ascii_strcasecmp (rel, "canonical") == 0)
          facts->canonical = clean_value (_gloss_html_attr (node, "href"));
        return;
      }

    case GUMBO_TAG_SCRIPT:
      {
        const char *type = _gloss_html_attr (node, "type");

        if (type != NULL && g_ascii_strcasecmp (type, "application/ld+json") == 0)
          {
            g_autoptr(GString) text = g_string_new (NULL);

            children = _gloss_html_children (node);
            for (guint i = 0; i < children->length; i++)
              {
                GumboNode *child = children->data[i];

                if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE)
                  g_string_append (text, child->v.text.text);
              }
            read_json_ld (facts, text->str);
          }
        return;
      }

    case GUMBO_TAG_TIME:
      if (in_body && facts->time_datetime == NULL)
        facts->time_datetime = clean_value (_gloss_html_attr (node, "datetime"));
      break;

    case GUMBO_TAG_H1:
      if (in_body && facts->first_h1 == NULL && !_gloss_html_is_hidden (node))
        {
          g_autofree char *text = _gloss_html_text (node);

          facts->first_h1 = clean_value (text);
        }
      break;

    default:
      if (_gloss_html_is_non_content (node) && tag != GUMBO_TAG_HEAD && tag != GUMBO_TAG_NOSCRIPT)
        return;
      break;
    }

  children = _gloss_html_children (node);
  for (guint i = 0; i < children->length; i++)
    collect (children->data[i], facts, in_body);
}

/* JSON-LD helpers ---------------------------------------------------------- */

static char *
json_string (JsonNode *node)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return clean_value (json_node_get_string (node));
  if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
    return json_string (json_array_get_element (json_node_get_array (node), 0));
  return NULL;
}

static char *
article_string (PageFacts  *facts,
                const char *member)
{
  if (facts->article == NULL || !json_object_has_member (facts->article, member))
    return NULL;
  return json_string (json_object_get_member (facts->article, member));
}

/* A member that is a string or an object with @key ("name", "@id"). */
static char *
article_named (PageFacts  *facts,
               const char *member,
               const char *key)
{
  JsonNode *node;

  if (facts->article == NULL || !json_object_has_member (facts->article, member))
    return NULL;
  node = json_object_get_member (facts->article, member);
  if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
    node = json_array_get_element (json_node_get_array (node), 0);
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      return json_object_has_member (object, key) ? json_string (json_object_get_member (object, key)) : NULL;
    }
  return json_string (node);
}

static void
add_author_node (GPtrArray *authors,
                 JsonNode  *node)
{
  char *name = NULL;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      if (json_object_has_member (object, "name"))
        name = json_string (json_object_get_member (object, "name"));
    }
  else
    name = json_string (node);

  if (name != NULL)
    g_ptr_array_add (authors, name);
}

static void
article_authors (PageFacts *facts,
                 GPtrArray *authors)
{
  JsonNode *node;

  if (facts->article == NULL || !json_object_has_member (facts->article, "author"))
    return;
  node = json_object_get_member (facts->article, "author");
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        add_author_node (authors, json_array_get_element (array, i));
    }
  else
    add_author_node (authors, node);
}

/* Precedence ---------------------------------------------------------------- */

/* The first meta value among @keys (NULL-terminated). */
static char *
first_meta (PageFacts          *facts,
            const char * const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *value = meta_first (facts, keys[i]);

      if (value != NULL)
        return g_strdup (value);
    }
  return NULL;
}

static gboolean
looks_like_url (const char *text)
{
  return g_str_has_prefix (text, "http://") || g_str_has_prefix (text, "https://") || g_str_has_prefix (text, "/");
}

/* Adds @value unless it is empty, an address (some pages give a profile
 * link as the author) or already there. */
static void
add_author (GPtrArray  *authors,
            const char *value)
{
  if (value == NULL || *value == '\0' || looks_like_url (value))
    return;
  for (guint i = 0; i < authors->len; i++)
    if (g_str_equal (g_ptr_array_index (authors, i), value))
      return;
  g_ptr_array_add (authors, g_strdup (value));
}

/* JSON-LD's authors, else every value of the first meta key that has one:
 * a page naming two creators repeats the key. Dublin Core, bibliographic
 * metadata by intent, comes before the looser author tags. */
static char **
find_authors (PageFacts *facts)
{
  static const char * const keys[] = {
    "citation_author", "dc:creator", "dcterm:creator", "dcterms:creator", "dc.creator", "dcterms.creator",
    "author", "article:author", "parsely-author", "sailthru.author", "byl", NULL,
  };
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func (g_free);

  article_authors (facts, authors);

  for (guint i = 0; authors->len == 0 && keys[i] != NULL; i++)
    {
      GPtrArray *values = g_hash_table_lookup (facts->meta, keys[i]);

      for (guint j = 0; values != NULL && j < values->len; j++)
        add_author (authors, g_ptr_array_index (values, j));
    }

  g_ptr_array_add (authors, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&authors), FALSE);
}

/* The share of @candidate's words (case-folded runs of letters and
 * digits) that @reference also has. */
static double
words_shared (const char *candidate,
              const char *reference)
{
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *folded_reference = g_utf8_casefold (reference, -1);
  g_autofree char *folded_candidate = g_utf8_casefold (candidate, -1);
  g_autoptr(GString) word = g_string_new (NULL);
  guint total = 0, shared = 0;

  for (guint pass = 0; pass < 2; pass++)
    for (const char *p = pass == 0 ? folded_reference : folded_candidate;; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        if (c != 0 && g_unichar_isalnum (c))
          {
            g_string_append_unichar (word, c);
            continue;
          }
        if (word->len > 0 && pass == 0)
          g_hash_table_add (known, g_strdup (word->str));
        else if (word->len > 0)
          {
            total++;
            shared += g_hash_table_contains (known, word->str);
          }
        g_string_truncate (word, 0);
        if (c == 0)
          break;
      }

  return total > 0 ? (double) shared / total : 0;
}

/* JSON-LD's headline, unless its name says more of the page's own
 * <title>: Wikipedia gives the short description as headline and the
 * article's name as name, while a news site's name is often its own. */
static char *
article_title (PageFacts *facts)
{
  g_autofree char *headline = article_string (facts, "headline");
  g_autofree char *name = article_string (facts, "name");

  if (headline != NULL && name != NULL && facts->document_title != NULL
      && words_shared (facts->document_title, name) > words_shared (facts->document_title, headline))
    return g_steal_pointer (&name);
  return headline != NULL ? g_steal_pointer (&headline) : g_steal_pointer (&name);
}

static const char * const separators[] = { " | ", " - ", " – ", " — ", " · ", " :: ", " » ", " / ", " : ", NULL };

static guint
word_count (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " ", -1);
  guint count = 0;

  for (guint i = 0; words[i] != NULL; i++)
    count += *words[i] != '\0';
  return count;
}

/* "Headline | Site" → "Headline": removes the site's name when it is one
 * end of the title, else (for a <title>) the last segment, when what is
 * left still reads as a headline (three words or more). */
static char *
clean_title (const char *title,
             const char *site_name,
             gboolean    guess_site)
{
  g_autofree char *site = site_name != NULL ? _gloss_page_normalize (site_name) : NULL;

  if (title == NULL)
    return NULL;

  for (guint i = 0; separators[i] != NULL; i++)
    {
      const char *last = g_strrstr (title, separators[i]);
      const char *first = strstr (title, separators[i]);

      if (last == NULL)
        continue;

      if (site != NULL && *site != '\0')
        {
          g_autofree char *tail = _gloss_page_normalize (last + strlen (separators[i]));
          g_autofree char *head = g_strndup (title, first - title);
          g_autofree char *head_normal = _gloss_page_normalize (head);

          if (g_str_equal (tail, site))
            return g_strndup (title, last - title);
          if (g_str_equal (head_normal, site))
            return g_strdup (first + strlen (separators[i]));
        }

      if (guess_site && i < 8)
        {
          g_autofree char *head = g_strndup (title, last - title);

          if (word_count (head) >= 3)
            return g_steal_pointer (&head);
        }
    }

  return g_strdup (title);
}

GlossPageMetadata *
_gloss_page_metadata_new (GumboOutput *page)
{
  static const char * const title_keys[] = {
    "dc:title", "dcterm:title", "dcterms:title", "dc.title", "dcterms.title", "og:title", "twitter:title",
    "parsely-title", "citation_title", "sailthru.title", "headline", NULL,
  };
  static const char * const site_keys[] = { "og:site_name", "application-name", "citation_journal_title", NULL };
  static const char * const published_keys[] = {
    "article:published_time", "og:published_time", "article:published", "parsely-pub-date",
    "datepublished", "dc.date", "dcterms.date", "dc.date.issued", "dcterms.issued", "dcterms.created",
    "citation_publication_date", "citation_date", "date", "pubdate", "publish-date", "publish_date",
    "sailthru.date", "article.published", NULL,
  };
  static const char * const modified_keys[] = {
    "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "dc.date.modified",
    "last-modified", NULL,
  };
  static const char * const description_keys[] = {
    "dc:description", "dcterm:description", "dcterms:description", "dc.description", "dcterms.description",
    "og:description", "description", "twitter:description", "dcterms.abstract", "citation_abstract", NULL,
  };
  static const char * const language_keys[] = {
    "content-language", "dc.language", "dcterms.language", "citation_language", "og:locale", NULL,
  };
  PageFacts facts = { 0 };
  GlossPageMetadata *metadata = g_new0 (GlossPageMetadata, 1);
  g_autofree char *title = NULL;
  gboolean title_from_document = FALSE;

  facts.meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  collect (page->document, &facts, FALSE);

  metadata->site_name = article_named (&facts, "publisher", "name");
  if (metadata->site_name == NULL)
    metadata->site_name = first_meta (&facts, site_keys);

  title = article_title (&facts);
  if (title == NULL)
    title = first_meta (&facts, title_keys);
  if (title == NULL && facts.document_title != NULL)
    {
      title = g_strdup (facts.document_title);
      title_from_document = TRUE;
    }
  if (title == NULL)
    title = g_strdup (facts.first_h1);
  metadata->title = clean_title (title, metadata->site_name, title_from_document);

  metadata->authors = find_authors (&facts);

  metadata->published = article_string (&facts, "datePublished");
  if (metadata->published == NULL)
    metadata->published = first_meta (&facts, published_keys);
  if (metadata->published == NULL)
    metadata->published = g_strdup (facts.time_datetime);

  metadata->modified = article_string (&facts, "dateModified");
  if (metadata->modified == NULL)
    metadata->modified = first_meta (&facts, modified_keys);

  metadata->language = g_strdup (facts.html_lang);
  if (metadata->language == NULL)
    metadata->language = article_named (&facts, "inLanguage", "alternateName");
  if (metadata->language == NULL)
    metadata->language = first_meta (&facts, language_keys);
  if (metadata->language != NULL)
    g_strdelimit (metadata->language, "_", '-');

  metadata->description = article_string (&facts, "description");
  if (metadata->description == NULL)
    metadata->description = first_meta (&facts, description_keys);

  metadata->url = g_strdup (facts.canonical);
  if (metadata->url == NULL)
    metadata->url = first_meta (&facts, (const char * const[]) { "og:url", NULL });
  if (metadata->url == NULL)
    metadata->url = article_string (&facts, "url");
  if (metadata->url == NULL)
    metadata->url = article_named (&facts, "mainEntityOfPage", "@id");

  page_facts_clear (&facts);
  return metadata;
}

void
_gloss_page_metadata_free (GlossPageMetadata *metadata)
{
  if (metadata == NULL)
    return;

  g_free (metadata->title);
  g_free (metadata->url);
  g_free (metadata->site_name);
  g_strfreev (metadata->authors);
  g_free (metadata->published);
  g_free (metadata->modified);
  g_free (metadata->language);
  g_free (metadata->description);
  g_free (metadata);
}
