/* gloss-html-parse.c — an HTML5 tree from a page, and small DOM helpers
 *
 * gumbo implements the WHATWG parsing algorithm (unclosed <p>, tables,
 * <template>, inline SVG, scripts containing "</div>"), which libxml2's
 * HTML parser does not; docs/web-import.md has the measurements. Its tree
 * builder is quadratic in the depth of open elements, so a cheap scan of
 * the tags refuses absurd nesting before gumbo sees the page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-page-private.h"

/* Elements a start tag does not open for long: void elements, and those
 * the parser closes by itself when the next one starts. */
static const char * const flat_elements[] = {
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
  "param", "source", "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup",
  "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "caption", "rb", "rt",
  "rp", "html", "head", "body", "frame", "keygen", "basefont", "bgsound",
};

/* Elements whose content is text up to their end tag. */
static const char * const raw_text_elements[] = {
  "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
};

static gboolean
name_in (const char         *name,
         const char * const *names,
         gsize               n_names)
{
  for (gsize i = 0; i < n_names; i++)
    if (g_str_equal (name, names[i]))
      return TRUE;
  return FALSE;
}

/* Reads a tag name at @p (ASCII letters/digits, lower-cased into @name). */
static const char *
read_tag_name (const char *p,
               const char *end,
               char       *name,
               gsize       name_size)
{
  gsize n = 0;

  while (p < end && (g_ascii_isalnum (*p) || *p == '-' || *p == ':'))
    {
      if (n + 1 < name_size)
        name[n++] = g_ascii_tolower (*p);
      p++;
    }
  name[n] = '\0';
  return p;
}

static const char *
skip_past (const char *p,
           const char *end,
           const char *marker)
{
  const char *found = g_strstr_len (p, end - p, marker);

  return found != NULL ? found + strlen (marker) : end;
}

/* Skips raw text up to "</name" (case-insensitive). */
static const char *
skip_raw_text (const char *p,
               const char *end,
               const char *name)
{
  gsize length = strlen (name);

  while (p < end)
    {
      p = memchr (p, '<', end - p);
      if (p == NULL)
        return end;
      if (p + 2 + length <= end && p[1] == '/' && g_ascii_strncasecmp (p + 2, name, length) == 0)
        return p;
      p++;
    }
  return end;
}

/* The deepest nesting the tags reach, stopping once past @limit. */
static guint
estimate_depth (const char *html,
                gsize       size,
                guint       limit)
{
  const char *p = html;
  const char *end = html + size;
  guint depth = 0, deepest = 0;
  char name[16];

  while (p < end && deepest <= limit)
    {
      p = memchr (p, '<', end - p);
      if (p == NULL || p + 1 >= end)
        break;
      p++;
      if (*p == '!')
        {
          p = (end - p > 2 && p[1] == '-' && p[2] == '-') ? skip_past (p + 3, end, "-->") : skip_past (p, end, ">");
          continue;
        }
      if (*p == '?')
        {
          p = skip_past (p, end, ">");
          continue;
        }
      if (*p == '/')
        {
          p = read_tag_name (p + 1, end, name, sizeof name);
          if (*name != '\0' && depth > 0 && !name_in (name, flat_elements, G_N_ELEMENTS (flat_elements)))
            depth--;
          continue;
        }
      if (!g_ascii_isalpha (*p))
        continue;

      p = read_tag_name (p, end, name, sizeof name);
      {
        const char *close = memchr (p, '>', end - p);
        gboolean self_closing = close != NULL && close > p && close[-1] == '/';

        p = close != NULL ? close + 1 : end;
        if (name_in (name, raw_text_elements, G_N_ELEMENTS (raw_text_elements)))
          {
            p = skip_raw_text (p, end, name);
            continue;
          }
        if (self_closing || name_in (name, flat_elements, G_N_ELEMENTS (flat_elements)))
          continue;
      }
      depth++;
      deepest = MAX (deepest, depth);
    }

  return deepest;
}

GumboOutput *
_gloss_html_parse (const char  *html,
                   gsize        size,
                   const char  *display_name,
                   GError     **error)
{
  GumboOutput *output;

  g_return_val_if_fail (html != NULL, NULL);

  if (estimate_depth (html, size, GLOSS_PAGE_MAX_DEPTH) > GLOSS_PAGE_MAX_DEPTH)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   _("%s nests its elements more than %u deep, which no readable page does; "
                     "Gloss does not import it"),
                   display_name, (guint) GLOSS_PAGE_MAX_DEPTH);
      return NULL;
    }

  output = gumbo_parse_with_options (&kGumboDefaultOptions, html, size);
  if (output == NULL || output->root == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE,
                   _("%s could not be read as HTML"), display_name);
      if (output != NULL)
        _gloss_html_free (output);
      return NULL;
    }

  return output;
}

void
_gloss_html_free (GumboOutput *output)
{
  if (output != NULL)
    gumbo_destroy_output (&kGumboDefaultOptions, output);
}

gboolean
_gloss_html_is_element (const GumboNode *node)
{
  return node != NULL && (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE);
}

GumboTag
_gloss_html_tag (const GumboNode *node)
{
  return _gloss_html_is_element (node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
}

const char *
_gloss_html_attr (const GumboNode *node,
                  const char      *name)
{
  GumboAttribute *attribute;

  if (!_gloss_html_is_element (node))
    return NULL;

  attribute = gumbo_get_attribute (&node->v.element.attributes, name);
  return attribute != NULL ? attribute->value : NULL;
}

const GumboVector *
_gloss_html_children (const GumboNode *node)
{
  static const GumboVector empty = { NULL, 0, 0 };

  if (node == NULL)
    return &empty;
  if (node->type == GUMBO_NODE_DOCUMENT)
    return &node->v.document.children;
  if (_gloss_html_is_element (node))
    return &node->v.element.children;
  return &empty;
}

GumboNode *
_gloss_html_find (GumboNode *root,
                  GumboTag   tag)
{
  const GumboVector *children;

  if (_gloss_html_tag (root) == tag)
    return root;

  children = _gloss_html_children (root);
  for (guint i = 0; i < children->length; i++)
    {
      GumboNode *found = _gloss_html_find (children->data[i], tag);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gboolean
_gloss_html_is_non_content (const GumboNode *node)
{
  if (node->type == GUMBO_NODE_TEMPLATE)
    return TRUE;
  if (node->type != GUMBO_NODE_ELEMENT)
    return FALSE;

  switch ((int) node->v.element.tag)
    {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_META:
      return TRUE;
    default:
      return FALSE;
    }
}

/* "display: none" inside a style attribute, spacing and case aside. */
static gboolean
style_hides (const char *style)
{
  g_autoptr(GString) compact = g_string_new (NULL);

  for (const char *p = style; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (compact, g_ascii_tolower (*p));

  return strstr (compact->str, "display:none") != NULL || strstr (compact->str, "visibility:hidden") != NULL;
}

gboolean
_gloss_html_is_hidden (const GumboNode *node)
{
  const char *style, *aria_hidden;

  if (!_gloss_html_is_element (node))
    return FALSE;
  if (_gloss_html_attr (node, "hidden") != NULL)
    return TRUE;
  aria_hidden = _gloss_html_attr (node, "aria-hidden");
  if (aria_hidden != NULL && g_ascii_strcasecmp (aria_hidden, "true") == 0)
    return TRUE;
  style = _gloss_html_attr (node, "style");
  return style != NULL && style_hides (style);
}

gboolean
_gloss_html_is_block (const GumboNode *node)
{
  switch ((int) _gloss_html_tag (node))
    {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR: case GUMBO_TAG_HTML: case GUMBO_TAG_LI: case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL:
    case GUMBO_TAG_P: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT: case GUMBO_TAG_TH: case GUMBO_TAG_THEAD: case GUMBO_TAG_TR:
    case GUMBO_TAG_UL: case GUMBO_TAG_XMP:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
append_text (const GumboNode *node,
             GString         *text,
             gboolean        *pending_space)
{
  const GumboVector *children;

  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA)
    {
      for (const char *p = node->v.text.text; *p != '\0'; p++)
        {
          if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f')
            {
              *pending_space = text->len > 0;
              continue;
            }
          if (*pending_space)
            g_string_append_c (text, ' ');
          *pending_space = FALSE;
          g_string_append_c (text, *p);
        }
      return;
    }
  if (!_gloss_html_is_element (node) || _gloss_html_is_non_content (node) || _gloss_html_is_hidden (node))
    return;

  if (node->v.element.tag == GUMBO_TAG_BR || _gloss_html_is_block (node))
    *pending_space = text->len > 0;

  children = _gloss_html_children (node);
  for (guint i = 0; i < children->length; i++)
    append_text (children->data[i], text, pending_space);

  if (_gloss_html_is_block (node))
    *pending_space = text->len > 0;
}

char *
_gloss_html_text (const GumboNode *node)
{
  GString *text = g_string_new (NULL);
  gboolean pending_space = FALSE;

  append_text (node, text, &pending_space);
  return g_string_free (text, FALSE);
}
