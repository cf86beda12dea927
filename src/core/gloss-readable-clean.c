/* gloss-readable-clean.c — measuring a subtree, and leaving out its junk
 *
 * Measures are a subtree's figures without what is left out: characters
 * (white space runs counted once), characters inside links, commas,
 * paragraphs, images, inputs, embeds, heading and list-item text. The
 * scorer reads them for link density; the cleaner judges containers by
 * them after the article is chosen (Readability's "clean conditionally").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-readable-private.h"

/* Measuring ------------------------------------------------------------------------ */

static gboolean
is_comma (gunichar c)
{
  return c == 0x2C || c == 0x60C || c == 0xFE50 || c == 0xFE10 || c == 0xFE11 || c == 0x2E41
         || c == 0x2E34 || c == 0x2E32 || c == 0xFF0C || c == 0x3001;
}

void
_gloss_readable_measure_text (const char *text,
              Measures   *m)
{
  gboolean space = TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f')
        {
          if (!space)
            m->text++;
          space = TRUE;
          continue;
        }
      space = FALSE;
      m->text++;
      if (is_comma (c))
        m->commas++;
    }
}

void
_gloss_readable_add_measures (Measures       *into,
              const Measures *m)
{
  into->text += m->text;
  into->links += m->links;
  into->commas += m->commas;
  into->paragraphs += m->paragraphs;
  into->images += m->images;
  into->inputs += m->inputs;
  into->embeds += m->embeds;
  into->headings += m->headings;
  into->list_items += m->list_items;
  into->data_tables += m->data_tables;
}

/* Measures @node's subtree, storing each element's figures. */
Measures
_gloss_readable_measure (Pass      *pass,
         GumboNode *node)
{
  Measures m = { 0 };
  const GumboVector *children;
  GumboTag tag;

  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA || node->type == GUMBO_NODE_WHITESPACE)
    {
      _gloss_readable_measure_text (node->v.text.text, &m);
      return m;
    }
  if (!_gloss_html_is_element (node) || g_hash_table_contains (pass->dropped, node))
    return m;

  tag = _gloss_html_tag (node);
  children = _gloss_html_children (node);
  for (guint i = 0; i < children->length; i++)
    {
      Measures child = _gloss_readable_measure (pass, children->data[i]);

      _gloss_readable_add_measures (&m, &child);
    }

  switch ((int) tag)
    {
    case GUMBO_TAG_A:
      {
        const char *href = _gloss_html_attr (node, "href");

        m.links = (href != NULL && href[0] == '#') ? m.text * 0.3 : m.text;
        break;
      }
    case GUMBO_TAG_P:
      m.paragraphs++;
      break;
    case GUMBO_TAG_IMG:
   
      m.images++;
      break;
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
      m.inputs++;
      break;
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
      m.embeds++;
      break;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
      m.headings = m.text;
      break;
    case GUMBO_TAG_LI:
      m.list_items = m.text;
      break;
    default:
      break;
    }

  g_hash_table_insert (pass->measures, node, g_memdup2 (&m, sizeof m));
  return m;
}

const Measures *
_gloss_readable_measures_of (Pass            *pass,
             const GumboNode *node)
{
  static const Measures none = { 0 };
  const Measures *m = g_hash_table_lookup (pass->measures, node);

  return m != NULL ? m : &none;
}

double
_gloss_readable_link_density (const Measures *m)
{
  return m->text > 0 ? m->links / m->text : 0;
}

/* Step 4: cleaning ------------------------------------------------------------------- */

gboolean
_gloss_readable_is_heading (GumboTag tag)
{
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3
         || tag == GUMBO_TAG_H4 || tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

static gboolean
looks_like_junk (Pass           *pass,
                 GumboNode      *node,
                 const Measures *m,
                 gboolean        in_figure)
{
  GumboTag tag = _gloss_html_tag (node);
  int weight = _gloss_readable_class_weight (pass, node);
  double density = _gloss_readable_link_density (m);
  gboolean is_list;

  /* The class and id judge, not the container's score: a list starts
   * below zero, and one whose items hold captioned pictures would go. */
  if (weight < 0)
    return TRUE;
  if (m->commas >= 10)
    return FALSE;

  is_list = tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || (m->text > 0 && m->list_items > 0.9 * m->text);

  if (m->images > 1 && (double) m->paragraphs / m->images < 0.5 && !in_figure)
    return TRUE;
  if (m->inputs > m->paragraphs / 3)
    return TRUE;
  if (!is_list && m->text < MIN_PARAGRAPH_LENGTH && (m->images == 0 || m->images > 2) && !in_figure
      && (m->text == 0 || (double) m->headings / m->text < 0.9))
    return TRUE;
  if (!is_list && weight < 25 && density > 0.2)
    return TRUE;
  if (weight >= 25 && density > 0.5)
    return TRUE;
  if ((m->embeds == 1 && m->text < 75) || m->embeds > 1)
    return TRUE;
  return FALSE;
}

/* Post-order: inner junk goes first, so its container is judged without it. */
Measures
_gloss_readable_clean (Pass      *pass,
       GumboNode *node,
       gboolean   in_data_table,
       gboolean   in_figure)
{
  Measures m = { 0 };
  const GumboVector *children;
  GumboTag tag;
  gboolean is_data_table;
  g_autofree char *matched = NULL;

  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA || node->type == GUMBO_NODE_WHITESPACE)
    {
      _gloss_readable_measure_text (node->v.text.text, &m);
      return m;
    }
  if (!_gloss_html_is_element (node) || g_hash_table_contains (pass->dropped, node))
    return m;

  tag = _gloss_html_tag (node);
  if (tag == GUMBO_TAG_FIELDSET || tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_NAV)
    {
      g_hash_table_add (pass->dropped, node);
      return m;
    }

  matched = _gloss_readable_match_string (node);
  if (tag != GUMBO_TAG_BODY && (strstr (matched, "share") != NULL || strstr (matched, "social") != NULL))
    {
      const Measures *before = _gloss_readable_measures_of (pass, node);

      if (before->text < 500)
        {
          g_hash_table_add (pass->dropped, node);
          return m;
        }
    }

  if (_gloss_readable_is_heading (tag))
    {
      g_autofree char *text = _gloss_html_text (node);
      g_autofree char *normal = _gloss_page_normalize (text);

      if ((tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2) && _gloss_readable_class_weight (pass, node) < 0)
        {
          g_hash_table_add (pass->dropped, node);
          return m;
        }
      if (!pass->title_dropped && pass->title != NULL && g_str_equal (normal, pass->title))
        {
          pass->title_dropped = TRUE;
          g_hash_table_add (pass->dropped, node);
          return m;
        }
    }

  is_data_table = tag == GUMBO_TAG_TABLE && _gloss_page_is_data_table (node);
  in_data_table = in_data_table || is_data_table;
  in_figure = in_figure || tag == GUMBO_TAG_FIGURE;

  children = _gloss_html_children (node);
  for (guint i = 0; i < children->length; i++)
    {
      Measures child = _gloss_readable_clean (pass, children->data[i], in_data_table, in_figure);

      _gloss_readable_add_measures (&m, &child);
    }

  switch ((int) tag)
    {
    case GUMBO_TAG_A:
      {
        const char *href = _gloss_html_attr (node, "href");

        m.links = (href != NULL && href[0] == '#') ? m.text * 0.3 : m.text;
        break;
      }
    case GUMBO_TAG_P: m.paragraphs++; break;
    case GUMBO_TAG_IMG: m.images++; break;
    case GUMBO_TAG_INPUT: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: m.inputs++; break;
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: m.embeds++; break;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: m.headings = m.text; break;
    case GUMBO_TAG_LI: m.list_items = m.text; break;
    default: break;
    }

  m.data_tables += is_data_table;

  /* A container holding a table of data keeps it (and so is kept). */
  if ((pass->flags & CLEAN_CONDITIONALLY) && !in_data_table && m.data_tables == 0
      && (tag == GUMBO_TAG_FORM || tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_UL || tag == GUMBO_TAG_DIV
          || tag == GUMBO_TAG_SECTION)
      && looks_like_junk (pass, node, &m, in_figure))
    {
      Measures none = { 0 };

      g_hash_table_add (pass->dropped, node);
      return none;
    }

  return m;
}
