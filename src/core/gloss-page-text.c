/* gloss-page-text.c — the chosen part of a page, written as plain text
 *
 * As a browser renders it: runs of white space collapse to one space,
 * <br> breaks the line (two or more in a row end the paragraph, so a run
 * of them is one blank line), <pre> keeps its spacing, entities are already
 * decoded by the parser. Each block (paragraph, heading, list item,
 * quotation, caption…) becomes a paragraph of the text, one blank line
 * between them. A data table becomes one line per row, its cells
 * separated by tabs; a layout table is read as the blocks in its cells.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-page-private.h"

typedef struct {
  GString    *out;
  GString    *block;
  GHashTable *dropped;
  gboolean    pending_space;
  guint       pre_depth;
  gboolean    flat;          /* inside a table cell: blocks only separate words */
} Writer;

static gboolean
skipped (Writer          *writer,
         const GumboNode *node)
{
  return (writer->dropped != NULL && g_hash_table_contains (writer->dropped, node))
         || _gloss_html_is_non_content (node) || _gloss_html_is_hidden (node);
}

static void
trim_block_end (GString *block)
{
  while (block->len > 0 && block->str[block->len - 1] == ' ')
    g_string_truncate (block, block->len - 1);
}

/* A block of nothing but spaces (U+3000 and the like) shows as nothing. */
static gboolean
only_space (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && g_utf8_get_char (p) != 0xA0)
      return FALSE;
  return TRUE;
}

static void
flush_block (Writer *writer)
{
  GString *block = writer->block;
  gsize start = 0;

  writer->pending_space = FALSE;
  if (writer->flat)
    {
      writer->pending_space = block->len > 0;
      return;
    }

  while (block->len > 0 && (block->str[block->len - 1] == ' ' || block->str[block->len - 1] == '\n'))
    g_string_truncate (block, block->len - 1);
  while (start < block->len && (block->str[start] == ' ' || block->str[start] == '\n'))
    start++;

  if (start < block->len && !only_space (block->str + start))
    {
      if (writer->out->len > 0)
        g_string_append (writer->out, "\n\n");
      g_string_append_len (writer->out, block->str + start, block->len - start);
    }
  g_string_truncate (block, 0);
}

static void
append_collapsed (Writer     *writer,
                  const char *text)
{
  GString *block = writer->block;

  if (writer->pre_depth > 0)
    {
      for (const char *p = text; *p != '\0'; p++)
        if (*p != '\r')
          g_string_append_c (block, *p);
      return;
    }

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f')
        {
          writer->pending_space = block->len > 0 && block->str[block->len - 1] != '\n';
          continue;
        }
      if (writer->pending_space)
        g_string_append_c (block, ' ');
      writer->pending_space = FALSE;
      g_string_append_c (block, *p);
    }
}

static void write_node (Writer *writer, const GumboNode *node);

static void
write_children (Writer          *writer,
                const GumboNode *node)
{
  const GumboVector *children = _gloss_html_children (node);

  for (guint i = 0; i < children->length; i++)
    write_node (writer, children->data[i]);
}

/* One cell's text, on one line. */
static char *
cell_text (Writer          *writer,
           const GumboNode *cell)
{
  Writer cell_writer = { writer->out, g_string_new (NULL), writer->dropped, FALSE, 0, TRUE };

  write_children (&cell_writer, cell);
  trim_block_end (cell_writer.block);
  g_strdelimit (cell_writer.block->str, "\n\t", ' ');
  return g_string_free (cell_writer.block, FALSE);
}

static void
collect_rows (Writer          *writer,
              const GumboNode *node,
              GPtrArray       *rows)
{
  const GumboVector *children = _gloss_html_children (node);

  for (guint i = 0; i < children->length; i++)
    {
      GumboNode *child = children->data[i];
      GumboTag tag = _gloss_html_tag (child);

      if (!_gloss_html_is_element (child) || skipped (writer, child))
        continue;
      if (tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TFOOT)
        collect_rows (writer, child, rows);
      else if (tag == GUMBO_TAG_TR)
        g_ptr_array_add (rows, child);
    }
}

static void
write_data_table (Writer          *writer,
                  const GumboNode *table)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GumboNode *caption = NULL;
  const GumboVector *children = _gloss_html_children (table);

  for (guint i = 0; i < children->length; i++)
    if (_gloss_html_tag (children->data[i]) == GUMBO_TAG_CAPTION && !skipped (writer, children->data[i]))
      caption = children->data[i];

  flush_block (writer);
  if (caption != NULL)
    {
      write_children (writer, caption);
      flush_block (writer);
    }

  collect_rows (writer, table, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      const GumboVector *cells = _gloss_html_children (rows->pdata[i]);
      g_autoptr(GString) line = g_string_new (NULL);
      gboolean any = FALSE;

      for (guint j = 0; j < cells->length; j++)
        {
          GumboNode *cell = cells->data[j];
          g_autofree char *text = NULL;

          if ((_gloss_html_tag (cell) != GUMBO_TAG_TD && _gloss_html_tag (cell) != GUMBO_TAG_TH)
              || skipped (writer, cell))
            continue;
          text = cell_text (writer, cell);
          if (j > 0 && line->len > 0)
            g_string_append_c (line, '\t');
          g_string_append (line, g_strstrip (text));
          any = any || *text != '\0';
        }
      if (!any)
        continue;
      if (writer->block->len > 0)
        g_string_append_c (writer->block, '\n');
      g_string_append (writer->block, line->str);
    }
  flush_block (writer);
}

static void
write_node (Writer          *writer,
            const GumboNode *node)
{
  GumboTag tag;

  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA)
    {
      append_collapsed (writer, node->v.text.text);
      return;
    }
  if (!_gloss_html_is_element (node) && node->type != GUMBO_NODE_DOCUMENT)
    return;
  if (node->type != GUMBO_NODE_DOCUMENT && skipped (writer, node))
    return;

  tag = _gloss_html_tag (node);
  if (tag == GUMBO_TAG_BR)
    {
      GString *block = writer->block;

      trim_block_end (block);
      /* A second <br> with nothing shown since the first ends the
       * paragraph: a run of them is one blank line, not many. */
      if (!writer->flat && writer->pre_depth == 0 && block->len > 0 && block->str[block->len - 1] == '\n')
        {
          flush_block (writer);
          return;
        }
      if (!writer->flat && block->len > 0)
        g_string_append_c (block, '\n');
      writer->pending_space = writer->flat && block->len > 0;
      return;
    }
  if (tag == GUMBO_TAG_TABLE && !writer->flat && _gloss_page_is_data_table (node))
    {
      write_data_table (writer, node);
      return;
    }
  if (tag == GUMBO_TAG_PRE)
    {
      flush_block (writer);
      writer->pre_depth++;
      write_children (writer, node);
      writer->pre_depth--;
      flush_block (writer);
      return;
    }
  if (_gloss_html_is_block (node))
    {
      flush_block (writer);
      write_children (writer, node);
      flush_block (writer);
      return;
    }

  write_children (writer, node);
}

char *
_gloss_page_text_write (GPtrArray  *nodes,
                       GHashTable *dropped)
{
  Writer writer = { g_string_new (NULL), g_string_new (NULL), dropped, FALSE, 0, FALSE };

  for (guint i = 0; i < nodes->len; i++)
    {
      flush_block (&writer);
      write_node (&writer, nodes->pdata[i]);
    }
  flush_block (&writer);

  g_string_free (writer.block, TRUE);
  return g_string_free (writer.out, FALSE);
}

static guint
count_descendants (const GumboNode *node,
                   GumboTag         tag,
                   guint            limit)
{
  const GumboVector *children = _gloss_html_children (node);
  guint count = 0;

  for (guint i = 0; i < children->length && count < limit; i++)
    {
      GumboNode *child = children->data[i];

      if (_gloss_html_tag (child) == tag)
        count++;
      if (_gloss_html_tag (child) != GUMBO_TAG_TABLE)
        count += count_descendants (child, tag, limit - count);
    }

  return count;
}

/* The columns a cell spans (colspan, 1 when absent or absurd). */
static guint
column_span (const GumboNode *cell)
{
  g_autofree char *colspan = g_strdup (_gloss_html_attr (cell, "colspan"));
  guint64 span = 1;

  if (colspan != NULL && !g_ascii_string_to_unsigned (g_strstrip (colspan), 10, 1, 1000, &span, NULL))
    span = 1;
  return (guint) span;
}

gboolean
_gloss_page_is_data_table (const GumboNode *table)
{
  const char *role = _gloss_html_attr (table, "role");
  const char *datatable = _gloss_html_attr (table, "datatable");
  guint rows, columns = 0;
  g_autoptr(GPtrArray) row_nodes = g_ptr_array_new ();
  Writer probe = { NULL, NULL, NULL, FALSE, 0, FALSE };

  if (role != NULL && (g_str_equal (role, "presentation") || g_str_equal (role, "none")))
    return FALSE;
  if (datatable != NULL && g_str_equal (datatable, "0"))
    return FALSE;
  if (_gloss_html_attr (table, "summary") != NULL)
    return TRUE;
  if (count_descendants (table, GUMBO_TAG_CAPTION, 1) > 0 || count_descendants (table, GUMBO_TAG_TH, 1) > 0
      || count_descendants (table, GUMBO_TAG_THEAD, 1) > 0 || count_descendants (table, GUMBO_TAG_COLGROUP, 1) > 0)
    return TRUE;
  /* Nested tables are layout. */
  {
    const GumboVector *children = _gloss_html_children (table);

    for (guint i = 0; i < children->length; i++)
      {
        GumboNode *child = children->data[i];

        if (_gloss_html_is_element (child) && child != table
            && _gloss_html_find (child, GUMBO_TAG_TABLE) != NULL)
          return FALSE;
      }
  }

  collect_rows (&probe, table, row_nodes);
  rows = row_nodes->len;
  for (guint i = 0; i < rows; i++)
    {
      const GumboVector *cells = _gloss_html_children (row_nodes->pdata[i]);
      guint n = 0;

      for (guint j = 0; j < cells->length; j++)
        if (_gloss_html_tag (cells->data[j]) == GUMBO_TAG_TD)
          n += column_span (cells->data[j]);
      columns = MAX (columns, n);
    }

  /* One column or one row compares nothing: it stacks or lines up blocks. */
  if (columns <= 1 || rows <= 1)
    return FALSE;
  if (rows >= 10 || columns > 4)
    return TRUE;
  return rows * columns > 10;
}
