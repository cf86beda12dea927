/* gloss-markdown.c — a Markdown article as the text its reader sees
 *
 * An analyst quotes what a reader reads, not "**" and "[…](…)". So a
 * Markdown article becomes its shown text: headings without their '#'
 * or underline, emphasis, strikethrough and code without their marks,
 * links as their text, images as their description, block quote marks and front matter
 * gone, bullets as "•". Line endings (CRLF too) stay as the file has
 * them, and nothing else changes, so the text is what gets annotated
 * and every offset is one into it.
 *
 * A link's target would be lost with its marks: the targets follow the
 * article under a line of its own, each after its link's text, where
 * the analyst can read them, quote them and tag them as sources.
 *
 * This is the Markdown of news articles (CommonMark's common parts), not
 * all of CommonMark: HTML in the text stays as it is, and so does
 * anything that does not close (a lone '*', an unmatched '[').
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-markdown-private.h"

typedef struct {
  GString    *out;
  GPtrArray  *links;       /* GlossMarkdownLink* */
  GHashTable *references;  /* folded label → target */
} Render;

void
gloss_markdown_link_free (GlossMarkdownLink *link)
{
  if (link == NULL)
    return;
  g_free (link->text);
  g_free (link->target);
  g_free (link);
}

static void render_inline (Render     *render,
                           const char *p,
                           const char *end);

/* ---- lines ---- */

/* Leading spaces (at most @max) of [p, end). */
static const char *
skip_spaces (const char *p,
             const char *end,
             guint       max)
{
  for (guint i = 0; i < max && p < end && *p == ' '; i++)
    p++;
  return p;
}

static gboolean
is_blank (const char *p,
          const char *end)
{
  for (; p < end; p++)
    if (*p != ' ' && *p != '\t')
      return FALSE;
  return TRUE;
}

/* "---", "***", "___" (spaces between allowed): a thematic break. With
 * @only, just that character. */
static gboolean
is_rule (const char *p,
         const char *end,
         char        only)
{
  char c = 0;
  guint n = 0;

  p = skip_spaces (p, end, 3);
  for (; p < end; p++)
    {
      if (*p == ' ' || *p == '\t')
        continue;
      if ((*p != '-' && *p != '*' && *p != '_') || (c != 0 && *p != c))
        return FALSE;
      c = *p;
      n++;
    }
  return n >= 3 && (only == 0 || c == only);
}

/* "===" or "---" under a line of text: a heading's underline. */
static gboolean
is_underline (const char *p,
              const char *end)
{
  char c;

  p = skip_spaces (p, end, 3);
  if (p >= end || (*p != '=' && *p != '-'))
    return FALSE;
  c = *p;
  while (p < end && *p == c)
    p++;
  return is_blank (p, end);
}

/* "```lang" or "~~~": the fence, or NULL. */
static const char *
fence_of (const char *p,
          const char *end,
          gsize      *length)
{
  const char *start = skip_spaces (p, end, 3);
  const char *q = start;

  if (q >= end || (*q != '`' && *q != '~'))
    return NULL;
  while (q < end && *q == *start)
    q++;
  if (q - start < 3)
    return NULL;
  *length = q - start;
  return start;
}

static char *
fold_label (const char *p,
            gsize       length)
{
  g_autofree char *label = g_strndup (p, length);

  return g_utf8_casefold (g_strstrip (label), -1);
}

/* "[label]: target": a link reference definition, or FALSE. */
static gboolean
parse_definition (const char  *p,
                  const char  *end,
                  char       **label,
                  char       **target)
{
  const char *close;
  const char *t;
  const char *t_end;

  p = skip_spaces (p, end, 3);
  if (p >= end || *p != '[')
    return FALSE;
  close = memchr (p, ']', end - p);
  if (close == NULL || close == p + 1 || close + 1 >= end || close[1] != ':')
    return FALSE;
  t = close + 2;
  while (t < end && (*t == ' ' || *t == '\t'))
    t++;
  if (t < end && *t == '<')
    t++;
  t_end = t;
  while (t_end < end && *t_end != ' ' && *t_end != '\t' && *t_end != '>')
    t_end++;
  if (t_end == t)
    return FALSE;

  *label = fold_label (p + 1, close - p - 1);
  *target = g_strndup (t, t_end - t);
  return TRUE;
}

/* ---- inline ---- */

static guint
out_length (Render *render)
{
  return (guint) g_utf8_strlen (render->out->str, render->out->len);
}

static gboolean
is_punct (char c)
{
  return c != '\0' && strchr ("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) != NULL;
}

/* The ']' closing the '[' at @open, brackets nested, or NULL. */
static const char *
closing_bracket (const char *open,
                 const char *end)
{
  guint depth = 0;

  for (const char *p = open; p < end; p++)
    {
      if (*p == '\\' && p + 1 < end)
        p++;
      else if (*p == '[')
        depth++;
      else if (*p == ']' && --depth == 0)
        return p;
    }
  return NULL;
}

/* "(target "title")" after a link's text: its target, and where it ends. */
static gboolean
parse_destination (const char  *p,
                   const char  *end,
                   char       **target,
                   const char **after)
{
  const char *t;
  const char *t_end;
  guint depth = 0;

  if (p >= end || *p != '(')
    return FALSE;
  t = p + 1;
  while (t < end && *t == ' ')
    t++;
  if (t < end && *t == '<')
    {
      t_end = memchr (t, '>', end - t);
      if (t_end == NULL)
        return FALSE;
      *target = g_strndup (t + 1, t_end - t - 1);
      t = t_end + 1;
    }
  else
    {
      for (t_end = t; t_end < end && *t_end != ' '; t_end++)
        {
          if (*t_end == '(')
            depth++;
          else if (*t_end == ')' && depth-- == 0)
            break;
        }
      *target = g_strndup (t, t_end - t);
      t = t_end;
    }
  /* An optional title, then ')'. */
  while (t < end && *t != ')')
    {
      if (*t == '"' || *t == '\'')
        {
          const char *q = memchr (t + 1, *t, end - t - 1);

          if (q == NULL)
            break;
          t = q;
        }
      t++;
    }
  if (t >= end)
    {
      g_clear_pointer (target, g_free);
      return FALSE;
    }
  *after = t + 1;
  return TRUE;
}

/* Renders a link's (or image's) text, noting where it landed. */
static void
add_link (Render     *render,
          const char *text,
          const char *text_end,
          char       *target)
{
  GlossMarkdownLink *link = g_new0 (GlossMarkdownLink, 1);
  gsize from = render->out->len;

  link->start = out_length (render);
  render_inline (render, text, text_end);
  link->end = link->start + (guint) g_utf8_strlen (render->out->str + from, render->out->len - from);
  link->text = g_strndup (render->out->str + from, render->out->len - from);
  link->target = target;
  g_ptr_array_add (render->links, link);
}

/* A '[' (or "![") at @p: a link rendered, and where it ends; NULL when
 * the brackets make no link. */
static const char *
render_link (Render     *render,
             const char *p,
             const char *end)
{
  const char *open = *p == '!' ? p + 1 : p;
  const char *close = closing_bracket (open, end);
  const char *after = NULL;
  char *target = NULL;

  if (close == NULL)
    return NULL;

  if (parse_destination (close + 1, end, &target, &after))
    {
      /* An image is its description: its file is no link to follow. */
      if (open != p)
        {
          render_inline (render, open + 1, close);
          g_free (target);
        }
      else
        add_link (render, open + 1, close, target);
      return after;
    }

  /* [text][label], [text][] and [text]: by a reference definition. */
  {
    const char *label = open + 1;
    const char *label_end = close;
    const char *target_found;
    g_autofree char *folded = NULL;

    after = close + 1;
    if (after < end && *after == '[')
      {
        const char *second = memchr (after, ']', end - after);

        if (second == NULL)
          return NULL;
        if (second > after + 1)
          {
            label = after + 1;
            label_end = second;
          }
        after = second + 1;
      }
    folded = fold_label (label, label_end - label);
    target_found = g_hash_table_lookup (render->references, folded);
    if (target_found == NULL)
      return NULL;
    if (open != p)
      render_inline (render, open + 1, close);
    else
      add_link (render, open + 1, close, g_strdup (target_found));
    return after;
  }
}

/* "<https://…>": the address itself, as a link. */
static const char *
render_autolink (Render     *render,
                 const char *p,
                 const char *end)
{
  const char *close = memchr (p, '>', end - p);
  const char *colon;

  if (close == NULL || close == p + 1)
    return NULL;
  for (const char *q = p + 1; q < close; q++)
    if (*q == ' ' || *q == '<')
      return NULL;
  colon = memchr (p + 1, ':', close - p - 1);
  if (colon == NULL && memchr (p + 1, '@', close - p - 1) == NULL)
    return NULL;
  if (colon != NULL)
    for (const char *q = p + 1; q < colon; q++)
      if (!g_ascii_isalnum (*q) && *q != '+' && *q != '.' && *q != '-')
        return NULL;

  add_link (render, p + 1, close,
            colon != NULL ? g_strndup (p + 1, close - p - 1)
                          : g_strdup_printf ("mailto:%.*s", (int) (close - p - 1), p + 1));
  return close + 1;
}

/* `code`: its content as it is. */
static const char *
render_code (Render     *render,
             const char *p,
             const char *end)
{
  gsize n = 0;
  const char *q;

  while (p + n < end && p[n] == '`')
    n++;
  for (q = p + n; q < end; q++)
    {
      gsize m = 0;

      while (q + m < end && q[m] == '`')
        m++;
      if (m == n)
        {
          const char *c = p + n;
          const char *c_end = q;

          /* One space each side is padding when both are there. */
          if (c_end - c >= 2 && *c == ' ' && c_end[-1] == ' ')
            {
              c++;
              c_end--;
            }
          g_string_append_len (render->out, c, c_end - c);
          return q + m;
        }
      if (m > 0)
        q += m - 1;
    }
  g_string_append_len (render->out, p, n);
  return p + n;
}

/* Whether the character before @p (@before) or at @p is a letter or digit. */
static gboolean
word_char_at (const char *start,
              const char *p,
              const char *end,
              gboolean    before)
{
  const char *c = before ? g_utf8_find_prev_char (start, p) : p;
  gunichar u;

  if (c == NULL || c >= end)
    return FALSE;
  u = g_utf8_get_char_validated (c, end - c);
  return u <= 0x10FFFF && g_unichar_isalnum (u);
}

/* A run of '*', '_' or '~~' that opens emphasis closed later on the
 * line: the text between rendered without the marks. */
static const char *
render_emphasis (Render     *render,
                 const char *start,
                 const char *p,
                 const char *end)
{
  char c = *p;
  gsize n = 0;

  while (p + n < end && p[n] == c)
    n++;
  if (c == '~' && n != 2)
    return NULL;
  /* It opens only before a non-space; '_' not inside a word. */
  if (p + n >= end || p[n] == ' ' || p[n] == '\t')
    return NULL;
  if (c == '_' && word_char_at (start, p, end, TRUE))
    return NULL;

  for (const char *q = p + n; q < end; q++)
    {
      gsize m = 0;

      if (*q == '\\' && q + 1 < end)
        {
          q++;
          continue;
        }
      if (*q == '`')
        {
          /* A code span inside: its marks are not ours. */
          const char *close = q + 1;

          while (close < end && *close != '`')
            close++;
          q = close < end ? close : q;
          continue;
        }
      while (q + m < end && q[m] == c)
        m++;
      if (m == 0)
        continue;
      if (m == n && q[-1] != ' ' && q[-1] != '\t' &&
          !(c == '_' && word_char_at (start, q + m, end, FALSE)))
        {
          render_inline (render, p + n, q);
          return q + m;
        }
      q += m - 1;
    }
  return NULL;
}

static void
render_inline (Render     *render,
               const char *p,
               const char *end)
{
  const char *start = p;

  while (p < end)
    {
      const char *next = NULL;

      switch (*p)
        {
        case '\\':
          if (p + 1 < end && is_punct (p[1]))
            {
              g_string_append_c (render->out, p[1]);
              next = p + 2;
            }
          break;
        case '`':
          next = render_code (render, p, end);
          break;
        case '!':
          if (p + 1 < end && p[1] == '[')
            next = render_link (render, p, end);
          break;
        case '[':
          next = render_link (render, p, end);
          break;
        case '<':
          next = render_autolink (render, p, end);
          break;
        case '*':
        case '_':
        case '~':
          next = render_emphasis (render, start, p, end);
          if (next == NULL)
            {
              /* The whole run is text: a later mark of it opens nothing. */
              const char *q = p;

              while (q < end && *q == *p)
                q++;
              g_string_append_len (render->out, p, q - p);
              next = q;
            }
          break;
        default:
          break;
        }

      if (next != NULL)
        {
          p = next;
          continue;
        }
      {
        const char *char_end = g_utf8_next_char (p);

        g_string_append_len (render->out, p, MIN (char_end, end) - p);
        p = MIN (char_end, end);
      }
    }
}

/* ---- blocks ---- */

typedef struct {
  const char *start;
  const char *end;         /* without the line break */
  const char *break_end;   /* after it */
} Line;

static GArray *
split_lines (const char *text)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  const char *p = text;

  while (*p != '\0')
    {
      Line line = { p, NULL, NULL };
      const char *nl = strchr (p, '\n');

      line.break_end = nl != NULL ? nl + 1 : p + strlen (p);
      line.end = nl != NULL ? nl : line.break_end;
      if (line.end > p && line.end[-1] == '\r')
        line.end--;
      g_array_append_val (lines, line);
      p = line.break_end;
    }
  return lines;
}

/* One line of a paragraph, heading, quote or list: its marks gone. */
static void
render_line (Render     *render,
             const char *p,
             const char *end)
{
  const char *q;

  /* Block quote marks, nested or not. */
  for (;;)
    {
      q = skip_spaces (p, end, 3);
      if (q >= end || *q != '>')
        break;
      p = q + 1;
      if (p < end && *p == ' ')
        p++;
    }

  /* "## Heading ##" */
  q = skip_spaces (p, end, 3);
  if (q < end && *q == '#')
    {
      const char *h = q;
      const char *h_end = end;

      while (h < end && *h == '#')
        h++;
      if (h - q <= 6 && (h == end || *h == ' ' || *h == '\t'))
        {
          while (h < end && (*h == ' ' || *h == '\t'))
            h++;
          while (h_end > h && (h_end[-1] == ' ' || h_end[-1] == '\t'))
            h_end--;
          {
            const char *closing = h_end;

            while (closing > h && closing[-1] == '#')
              closing--;
            if (closing == h || closing[-1] == ' ' || closing[-1] == '\t')
              h_end = closing;
          }
          while (h_end > h && (h_end[-1] == ' ' || h_end[-1] == '\t'))
            h_end--;
          render_inline (render, h, h_end);
          return;
        }
    }

  /* "- item", "* item", "+ item": a bullet a reader sees. */
  q = p;
  while (q < end && (*q == ' ' || *q == '\t'))
    q++;
  if (q + 1 < end && (*q == '-' || *q == '*' || *q == '+') && (q[1] == ' ' || q[1] == '\t'))
    {
      g_string_append_len (render->out, p, q - p);
      g_string_append (render->out, "•");
      p = q + 1;
    }

  render_inline (render, p, end);
}

static void
append_links (Render     *render,
              const char *line_break)
{
  if (render->links->len == 0)
    return;

  /* A blank line, then one line per link: its text and its target. */
  if (render->out->len > 0 && render->out->str[render->out->len - 1] != '\n')
    g_string_append (render->out, line_break);
  g_string_append (render->out, line_break);
  /* Translators: heads the list of link targets after a Markdown article */
  g_string_append (render->out, _("Links in the article:"));
  for (guint i = 0; i < render->links->len; i++)
    {
      GlossMarkdownLink *link = g_ptr_array_index (render->links, i);

      g_string_append (render->out, line_break);
      if (link->text[0] != '\0' && !g_str_equal (link->text, link->target))
        g_string_append_printf (render->out, "%s: ", link->text);
      link->target_start = out_length (render);
      g_string_append (render->out, link->target);
      link->target_end = link->target_start + (guint) g_utf8_strlen (link->target, -1);
    }
  g_string_append (render->out, line_break);
}

char *
gloss_markdown_render (const char  *markdown,
                       GPtrArray  **links)
{
  g_autoptr(GArray) lines = NULL;
  Render render;
  const char *fence = NULL;
  gsize fence_length = 0;
  guint first = 0;
  gboolean previous_text = FALSE;
  const char *line_break = "\n";

  g_return_val_if_fail (markdown != NULL, NULL);

  render.out = g_string_sized_new (strlen (markdown));
  render.links = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_markdown_link_free);
  render.references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lines = split_lines (markdown);
  if (strstr (markdown, "\r\n") != NULL)
    line_break = "\r\n";

  /* Front matter: "---" on the first line, to the next "---". */
  if (lines->len > 1)
    {
      Line *line = &g_array_index (lines, Line, 0);

      if (line->end - line->start == 3 && strncmp (line->start, "---", 3) == 0)
        for (guint i = 1; i < lines->len; i++)
          {
            Line *other = &g_array_index (lines, Line, i);

            if (other->end - other->start == 3 && strncmp (other->start, "---", 3) == 0)
              {
                first = i + 1;
                /* And the blank lines after it. */
                while (first < lines->len &&
                       is_blank (g_array_index (lines, Line, first).start,
                                 g_array_index (lines, Line, first).end))
                  first++;
                break;
              }
          }
    }

  /* Reference definitions, wherever they stand. */
  for (guint i = first; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      char *label, *target;

      if (parse_definition (line->start, line->end, &label, &target))
        g_hash_table_insert (render.references, label, target);
    }

  for (guint i = first; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      const char *line_fence;
      gsize length = 0;
      char *label = NULL, *target = NULL;

      if (fence != NULL)
        {
          line_fence = fence_of (line->start, line->end, &length);
          if (line_fence != NULL && *line_fence == *fence && length >= fence_length &&
              is_blank (line_fence + length, line->end))
            fence = NULL;
          else
            g_string_append_len (render.out, line->start, line->break_end - line->start);
          continue;
        }

      line_fence = fence_of (line->start, line->end, &length);
      if (line_fence != NULL)
        {
          fence = line_fence;
          fence_length = length;
          previous_text = FALSE;
          continue;
        }

      if (parse_definition (line->start, line->end, &label, &target))
        {
          g_free (label);
          g_free (target);
          continue;
        }

      /* A setext heading's underline goes with its line break. */
      if (previous_text && is_underline (line->start, line->end) &&
          !is_rule (line->start, line->end, '*'))
        {
          previous_text = FALSE;
          continue;
        }

      /* A thematic break: a blank line where it was. */
      if (is_rule (line->start, line->end, 0))
        {
          g_string_append_len (render.out, line->end, line->break_end - line->end);
          previous_text = FALSE;
          continue;
        }

      render_line (&render, line->start, line->end);
      g_string_append_len (render.out, line->end, line->break_end - line->end);
      previous_text = !is_blank (line->start, line->end);
    }

  append_links (&render, line_break);
  g_hash_table_unref (render.references);

  if (links != NULL)
    *links = render.links;
  else
    g_ptr_array_unref (render.links);
  return g_string_free (render.out, FALSE);
}
