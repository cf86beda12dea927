/* gloss-readable.c — finding the article in a page
 *
 * The idea is Mozilla Readability's (Firefox Reader View), written anew
 * for a gumbo tree:
 *  1. Leave out what is never article: scripts, styles, templates, hidden
 *     elements, navigation and dialog roles, and (first pass) elements
 *     whose class or id says banner, comment, sidebar, related, cookie…
 *  2. Score: every paragraph of 25 characters or more gives its parent
 *     1 + its commas + one point per 100 characters (up to 3), half of
 *     that to its grandparent and less further up. A container starts
 *     with a score for its kind and for its class and id words.
 *  3. The best container, its score scaled down by its link density,
 *     wins; climb to a shared ancestor when near-best candidates share
 *     one, and take in siblings that score well or read like paragraphs.
 *  4. Clean the chosen content: leave out forms, asides, share buttons
 *     and containers that look like junk by their counts of links,
 *     images, inputs and text ("clean conditionally").
 *  5. A result under 500 characters is tried again with the first pass's
 *     cautions relaxed one by one; the longest result wins.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-readable-private.h"

/* Words in class and id ------------------------------------------------------ */

static const char * const unlikely_words[] = {
  "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
  "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss",
  "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break",
  "agegate", "pagination", "pager", "popup", "yom-remote", "cookie", "consent", "newsletter",
  "subscribe", "paywall", "modal", NULL,
};
static const char * const maybe_words[] = {
  "and", "article", "body", "column", "content", "main", "shadow", NULL,
};
static const char * const positive_words[] = {
  "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination",
  "post", "text", "blog", "story", NULL,
};
static const char * const negative_words[] = {
  "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footnote",
  "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share",
  "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool", "widget",
  "taboola", "cookie", "newsletter", NULL,
};
static const char * const byline_words[] = {
  "byline", "author", "dateline", "writtenby", "p-author", NULL,
};

static gboolean
contains_any (const char         *haystack,
              const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (haystack, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* "class id", lower case. */
char *
_gloss_readable_match_string (const GumboNode *node)
{
  const char *class_name = _gloss_html_attr (node, "class");
  const char *id = _gloss_html_attr (node, "id");
  g_autofree char *joined = g_strjoin (" ", class_name != NULL ? class_name : "", id != NULL ? id : "", NULL);

  return g_ascii_strdown (joined, -1);
}

static int
word_weight (const char *value)
{
  g_autofree char *lower = NULL;
  int weight = 0;

  if (value == NULL || *value == '\0')
    return 0;
  lower = g_ascii_strdown (value, -1);
  if (contains_any (lower, negative_words) || g_str_equal (lower, "hid"))
    weight -= 25;
  if (contains_any (lower, positive_words))
    weight += 25;
  return weight;
}

int
_gloss_readable_class_weight (Pass            *pass,
              const GumboNode *node)
{
  if (!(pass->flags & WEIGHT_CLASSES))
    return 0;
  return word_weight (_gloss_html_attr (node, "class")) + word_weight (_gloss_html_attr (node, "id"));
}

/* Step 1: what is never article ----------------------------------------------- */

static gboolean
role_is_junk (const GumboNode *node)
{
  static const char * const roles[] = {
    "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", NULL,
  };
  const char *role = _gloss_html_attr (node, "role");

  if (role == NULL)
    return FALSE;
  for (guint i = 0; roles[i] != NULL; i++)
    if (g_ascii_strcasecmp (role, roles[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_byline (const GumboNode *node,
           const char      *matched)
{
  const char *rel = _gloss_html_attr (node, "rel");
  const char *itemprop = _gloss_html_attr (node, "itemprop");

  return (rel != NULL && g_ascii_strcasecmp (rel, "author") == 0)
         || (itemprop != NULL && strstr (itemprop, "author") != NULL)
         || contains_any (matched, byline_words);
}

/* What a byline element says: the name inside an itemprop=author
 * element when it marks one ("<span itemprop=name>A. Writer</span> —"),
 * else its text. */
static char *
byline_text (GumboNode *node)
{
  const char *itemprop = _gloss_html_attr (node, "itemprop");

  if (itemprop != NULL && strstr (itemprop, "author") != NULL)
    {
      GPtrArray *stack = g_ptr_array_new ();
      char *name = NULL;

      g_ptr_array_add (stack, node);
      while (stack->len > 0 && name == NULL)
        {
          GumboNode *item = g_ptr_array_steal_index (stack, stack->len - 1);
          const GumboVector *children = _gloss_html_children (item);
          const char *prop = _gloss_html_attr (item, "itemprop");

          if (item != node && prop != NULL && g_ascii_strcasecmp (prop, "name") == 0)
            name = _gloss_html_text (item);
          for (guint i = children->length; i > 0; i--)
            if (_gloss_html_is_element (children->data[i - 1]))
              g_ptr_array_add (stack, children->data[i - 1]);
        }
      g_ptr_array_unref (stack);
      if (name != NULL && *name != '\0')
        return name;
      g_free (name);
    }
  return _gloss_html_text (node);
}

/* Takes @node's byline text when it reads as one (under 100 characters). */
static gboolean
take_byline (Pass      *pass,
             GumboNode *node)
{
  g_autofree char *text = byline_text (node);
  glong length = g_utf8_strlen (text, -1);

  if (length == 0 || length >= 100)
    return FALSE;
  pass->byline = g_steal_pointer (&text);
  return TRUE;
}

/* A byline inside an element about to be left out as a whole (the
 * article's own header, an aside of its facts), found only by the strong
 * signs, rel=author and itemprop=author, and never among comments. */
static gboolean
find_byline_inside (Pass      *pass,
                    GumboNode *node)
{
  const GumboVector *children = _gloss_html_children (node);

  for (guint i = 0; i < children->length; i++)
    {
      GumboNode *child = children->data[i];
      const char *rel, *itemprop;
      g_autofree char *matched = NULL;

      if (!_gloss_html_is_element (child) || _gloss_html_is_non_content (child) || _gloss_html_is_hidden (child))
        continue;
      matched = _gloss_readable_match_string (child);
      if (strstr (matched, "comment") != NULL)
        continue;
      rel = _gloss_html_attr (child, "rel");
      itemprop = _gloss_html_attr (child, "itemprop");
      if (((rel != NULL && g_ascii_strcasecmp (rel, "author") == 0)
           || (itemprop != NULL && strstr (itemprop, "author") != NULL))
          && take_byline (pass, child))
        return TRUE;
      if (find_byline_inside (pass, child))
        return TRUE;
    }
  return FALSE;
}

static gboolean has_block_descendant (Pass *pass, const GumboNode *node);

/* Class words judge containers (blocks, or what holds blocks), not text
 * that sits inside a paragraph or runs between blocks: a formula's
 * "CtxtMenu" is not a menu. */
static void
prepare (Pass      *pass,
         GumboNode *node,
         gboolean   in_table_or_code,
         gboolean   in_paragraph)
{
  const GumboVector *children = _gloss_html_children (node);

  for (guint i = 0; i < children->length; i++)
    {
      GumboNode *child = children->data[i];
      GumboTag tag = _gloss_html_tag (child);
      g_autofree char *matched = NULL;

      if (!_gloss_html_is_element (child))
        continue;
      if (_gloss_html_is_non_content (child) || _gloss_html_is_hidden (child) || role_is_junk (child)
          || tag == GUMBO_TAG_NAV)
        {
          g_hash_table_add (pass->dropped, child);
          continue;
        }

      matched = _gloss_readable_match_string (child);
      if (pass->byline == NULL && tag != GUMBO_TAG_BODY && is_byline (child, matched) && take_byline (pass, child))
        {
          g_hash_table_add (pass->dropped, child);
          continue;
        }

      if ((pass->flags & STRIP_UNLIKELY) && !in_table_or_code && !in_paragraph && tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_A
          && (tag == GUMBO_TAG_ASIDE
              || (contains_any (matched, unlikely_words) && !contains_any (matched, maybe_words)
                  && (_gloss_html_is_block (child) || has_block_descendant (pass, child)))))
        {
          if (pass->byline == NULL && strstr (matched, "comment") == NULL)
            find_byline_inside (pass, child);
          g_hash_table_add (pass->dropped, child);
          continue;
        }

      prepare (pass, child, in_table_or_code || tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_CODE,
               in_paragraph || tag == GUMBO_TAG_P);
    }
}

/* Step 2: scoring ------------------------------------------------------------------- */

static double *
score_of (Pass      *pass,
          GumboNode *node)
{
  double *score = g_hash_table_lookup (pass->scores, node);

  if (score != NULL)
    return score;

  score = g_new0 (double, 1);
  switch ((int) _gloss_html_tag (node))
    {
    case GUMBO_TAG_DIV:
      *score = 5;
      break;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE:
      *score = 3;
      break;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL:
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM:
      *score = -3;
      break;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TH:
      *score = -5;
      break;
    default:
      break;
    }
  *score += _gloss_readable_class_weight (pass, node);
  g_hash_table_insert (pass->scores, node, score);
  g_ptr_array_add (pass->candidates, node);
  return score;
}

static gboolean has_one_element_child (Pass *pass, const GumboNode *node);

static gboolean
has_own_text (const GumboNode *node)
{
  const GumboVector *children = _gloss_html_children (node);

  for (guint i = 0; i < children->length; i++)
    if (((GumboNode *) children->data[i])->type == GUMBO_NODE_TEXT)
      return TRUE;
  return FALSE;
}

/* A paragraph with @m's figures whose closest container is @container.
 * A wrapper holding nothing but the paragraph is the paragraph itself:
 * its parent is the container. */
static void
score_paragraph (Pass           *pass,
                 GumboNode      *container,
                 const Measures *m)
{
  double points;
  guint level = 0;

  if (m->text < MIN_PARAGRAPH_LENGTH)
    return;

  while ((_gloss_html_tag (container) == GUMBO_TAG_DIV || _gloss_html_tag (container) == GUMBO_TAG_SECTION)
         && _gloss_html_is_element (container->parent) && _gloss_html_tag (container->parent) != GUMBO_TAG_BODY
         && has_one_element_child (pass, container) && !has_own_text (container))
    container = container->parent;

  points = 1 + m->commas + MIN (m->text / 100, 3);
  for (GumboNode *ancestor = container; ancestor != NULL && _gloss_html_is_element (ancestor) && level < 5;
       ancestor = ancestor->parent, level++)
    {
      double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;

      if (_gloss_html_tag (ancestor) == GUMBO_TAG_HTML)
        break;
      *score_of (pass, ancestor) += points / divider;
    }
}

static gboolean
has_block_descendant (Pass            *pass,
                      const GumboNode *node)
{
  const GumboVector *children = _gloss_html_children (node);

  for (guint i = 0; i < children->length; i++)
    {
      GumboNode *child = children->data[i];

      if (!_gloss_html_is_element (child) || g_hash_table_contains (pass->dropped, child))
        continue;
      switch ((int) _gloss_html_tag (child))
        {
        case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_DL: case GUMBO_TAG_DIV: case GUMBO_TAG_IMG:
        case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE:
        case GUMBO_TAG_UL: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
          return TRUE;
        default:
          if (has_block_descendant (pass, child))
            return TRUE;
        }
    }
  return FALSE;
}

static void
score_tree (Pass      *pass,
            GumboNode *node)
{
  const GumboVector *children = _gloss_html_children (node);
  Measures run = { 0 };

  for (guint i = 0; i <= children->length; i++)
    {
      GumboNode *child = i < children->length ? children->data[i] : NULL;
      GumboTag tag = _gloss_html_tag (child);
      gboolean inline_content = child != NULL
                                && (child->type == GUMBO_NODE_TEXT
                                    || (_gloss_html_is_element (child) && !_gloss_html_is_block (child)
                                        && !has_block_descendant (pass, child)));

      /* Runs of text and inline elements between blocks are paragraphs too. */
      if (inline_content)
        {
          if (child->type == GUMBO_NODE_TEXT)
            _gloss_readable_measure_text (child->v.text.text, &run);
          else
            _gloss_readable_add_measures (&run, _gloss_readable_measures_of (pass, child));
          continue;
        }
      if (run.text > 0 && (_gloss_html_tag (node) == GUMBO_TAG_DIV || _gloss_html_tag (node) == GUMBO_TAG_SECTION
                           || _gloss_html_tag (node) == GUMBO_TAG_ARTICLE || _gloss_html_tag (node) == GUMBO_TAG_MAIN))
        score_paragraph (pass, node, &run);
      memset (&run, 0, sizeof run);

      if (child == NULL || !_gloss_html_is_element (child) || g_hash_table_contains (pass->dropped, child))
        continue;

      if (tag == GUMBO_TAG_P || tag == GUMBO_TAG_PRE || (_gloss_readable_is_heading (tag) && tag != GUMBO_TAG_H1)
          || (tag == GUMBO_TAG_DIV && !has_block_descendant (pass, child)))
        score_paragraph (pass, node, _gloss_readable_measures_of (pass, child));
      else
        {
          /* Sections and cells count as paragraphs of their container as
           * well as holding paragraphs of their own. */
          if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_SECTION)
            score_paragraph (pass, node, _gloss_readable_measures_of (pass, child));
          score_tree (pass, child);
        }
    }
}

/* Step 3: choosing ------------------------------------------------------------------ */

double
_gloss_readable_score (Pass      *pass,
             GumboNode *node)
{
  double *score = g_hash_table_lookup (pass->scores, node);

  return score != NULL ? *score : 0;
}

static gboolean
is_ancestor (const GumboNode *ancestor,
             const GumboNode *node)
{
  for (const GumboNode *p = node->parent; p != NULL; p = p->parent)
    if (p == ancestor)
      return TRUE;
  return FALSE;
}

/* Whether @node holds exactly one element (what is left out aside). */
static gboolean
has_one_element_child (Pass            *pass,
                       const GumboNode *node)
{
  const GumboVector *children = _gloss_html_children (node);
  guint count = 0;

  for (guint i = 0; i < children->length && count < 2; i++)
    if (_gloss_html_is_element (children->data[i]) && !g_hash_table_contains (pass->dropped, children->data[i]))
      count++;
  return count == 1;
}

static int
compare_scores (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  Pass *pass = user_data;
  double sa = _gloss_readable_score (pass, *(GumboNode **) a);
  double sb = _gloss_readable_score (pass, *(GumboNode **) b);

  return sa < sb ? 1 : sa > sb ? -1 : 0;
}

static GumboNode *
choose_top (Pass      *pass,
            GumboNode *body)
{
  GumboNode *top;
  double last, threshold;
  g_autoptr(GPtrArray) close = g_ptr_array_new ();

  for (guint i = 0; i < pass->candidates->len; i++)
    {
      GumboNode *node = pass->candidates->pdata[i];

      *(double *) g_hash_table_lookup (pass->scores, node) *= 1 - _gloss_readable_link_density (_gloss_readable_measures_of (pass, node));
    }
  if (pass->candidates->len == 0)
    return body;

  g_ptr_array_sort_with_data (pass->candidates, compare_scores, pass);
  top = pass->candidates->pdata[0];
  if (top == body || _gloss_readable_score (pass, top) <= 0)
    return body;

  /* Near-best candidates that share an ancestor with the best: the article
   * is split in parts, take their common container. */
  for (guint i = 1; i < MIN (pass->candidates->len, 5); i++)
    if (_gloss_readable_score (pass, pass->candidates->pdata[i]) / _gloss_readable_score (pass, top) >= 0.75)
      g_ptr_array_add (close, pass->candidates->pdata[i]);
  if (close->len >= 3)
    for (GumboNode *p = top->parent; p != NULL && p != body && _gloss_html_is_element (p); p = p->parent)
      {
        guint sharing = 0;

        for (guint i = 0; i < close->len; i++)
          sharing += is_ancestor (p, close->pdata[i]);
        if (sharing >= 3)
          {
            top = p;
            break;
          }
      }

  /* A parent that scores better than its best child holds more article. */
  last = _gloss_readable_score (pass, top);
  threshold = last / 3;
  for (GumboNode *p = top->parent; p != NULL && p != body && _gloss_html_is_element (p); p = p->parent)
    {
      double score;

      if (!g_hash_table_contains (pass->scores, p))
        continue;
      score = _gloss_readable_score (pass, p);
      if (score < threshold)
        break;
      if (score > last)
        {
          top = p;
          break;
        }
      last = score;
    }

  while (top->parent != NULL && top->parent != body && _gloss_html_is_element (top->parent)
         && has_one_element_child (pass, top->parent))
    top = top->parent;

  return top;
}

static gboolean
ends_sentence (const GumboNode *node)
{
  g_autofree char *text = _gloss_html_text (node);
  const char *dot = strstr (text, ". ");

  return dot != NULL || g_str_has_suffix (text, ".");
}

static GPtrArray *
gather_siblings (Pass      *pass,
                 GumboNode *top,
                 GumboNode *body)
{
  GPtrArray *article = g_ptr_array_new ();
  const GumboVector *siblings;
  double top_score, threshold;
  const char *top_class;

  if (top == body || top->parent == NULL || !_gloss_html_is_element (top->parent))
    {
      g_ptr_array_add (article, top);
      return article;
    }

  top_score = _gloss_readable_score (pass, top);
  threshold = MAX (10, top_score * 0.2);
  top_class = _gloss_html_attr (top, "class");
  siblings = _gloss_html_children (top->parent);
  for (guint i = 0; i < siblings->length; i++)
    {
      GumboNode *sibling = siblings->data[i];
      const char *sibling_class;
      double bonus = 0;
      gboolean include = FALSE;

      if (!_gloss_html_is_element (sibling) || g_hash_table_contains (pass->dropped, sibling))
        continue;
      if (sibling == top)
        include = TRUE;
      else
        {
          sibling_class = _gloss_html_attr (sibling, "class");
          if (top_class != NULL && *top_class != '\0' && sibling_class != NULL
              && g_str_equal (top_class, sibling_class))
            bonus = top_score * 0.2;

          if (g_hash_table_contains (pass->scores, sibling) && _gloss_readable_score (pass, sibling) + bonus >= threshold)
            include = TRUE;
          else if (_gloss_html_tag (sibling) == GUMBO_TAG_P)
            {
              const Measures *m = _gloss_readable_measures_of (pass, sibling);
              double density = _gloss_readable_link_density (m);

              if (m->text > 80 && density < 0.25)
                include = TRUE;
              else if (m->text > 0 && m->text <= 80 && density == 0 && ends_sentence (sibling))
                include = TRUE;
            }
        }
      if (include)
        g_ptr_array_add (article, sibling);
    }

  return article;
}

/* Putting it together -------------------------------------------------------------- */

static char *
run_pass (GumboOutput *page,
          PassFlags    flags,
          const char  *title,
          char       **byline)
{
  Pass pass = { page, flags };
  GumboNode *body = _gloss_html_find (page->root, GUMBO_TAG_BODY);
  GumboNode *top;
  g_autoptr(GPtrArray) article = NULL;
  char *text;

  if (body == NULL)
    body = page->root;

  pass.dropped = g_hash_table_new (NULL, NULL);
  pass.measures = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  pass.scores = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  pass.candidates = g_ptr_array_new ();
  pass.title = title != NULL ? _gloss_page_normalize (title) : NULL;

  prepare (&pass, body, FALSE, FALSE);
  _gloss_readable_measure (&pass, body);
  score_tree (&pass, body);
  top = choose_top (&pass, body);
  article = gather_siblings (&pass, top, body);

  for (guint i = 0; i < article->len; i++)
    _gloss_readable_clean (&pass, article->pdata[i], FALSE, FALSE);
  text = _gloss_page_text_write (article, pass.dropped);

  if (byline != NULL)
    *byline = g_steal_pointer (&pass.byline);
  g_free (pass.byline);
  g_free (pass.title);
  g_ptr_array_unref (pass.candidates);
  g_hash_table_unref (pass.scores);
  g_hash_table_unref (pass.measures);
  g_hash_table_unref (pass.dropped);
  return text;
}

static gboolean
has_word (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

char *
_gloss_readable_extract (GumboOutput *page,
                         const char  *title,
                         char       **byline)
{
  static const PassFlags passes[] = {
    STRIP_UNLIKELY | WEIGHT_CLASSES | CLEAN_CONDITIONALLY,
    WEIGHT_CLASSES | CLEAN_CONDITIONALLY,
    CLEAN_CONDITIONALLY,
    0,
  };
  g_autofree char *best = NULL;
  g_autofree char *best_byline = NULL;
  glong best_length = -1;

  g_return_val_if_fail (page != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (passes); i++)
    {
      g_autofree char *found_byline = NULL;
      g_autofree char *text = run_pass (page, passes[i], title, &found_byline);
      glong length = g_utf8_strlen (text, -1);

      if (length > best_length)
        {
          g_free (best);
          best = g_steal_pointer (&text);
          best_length = length;
          if (best_byline == NULL)
            best_byline = g_steal_pointer (&found_byline);
        }
      if (best_length >= MIN_ARTICLE_LENGTH)
        break;
    }

  if (byline != NULL)
    *byline = g_steal_pointer (&best_byline);
  if (!has_word (best))
    return NULL;
  return g_steal_pointer (&best);
}
