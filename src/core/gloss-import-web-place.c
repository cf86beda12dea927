/* gloss-import-web-place.c — where a web annotation goes in its document
 *
 * Positions first, counted as code points (the W3C model) or as UTF-16
 * code units (the JavaScript tools), whichever puts the quote there; then
 * the quote with its prefix and suffix, then approximately (gloss-anchor.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-anchor.h"
#include "gloss-document.h"
#include "gloss-import-web-private.h"

/* The code point at UTF-16 offset @utf16, or FALSE when @utf16 is past
 * the end or inside a surrogate pair. */
static gboolean
utf16_to_offset (GlossDocument *document,
                 gint64         utf16,
                 GlossOffset   *offset)
{
  GlossOffset low = 0, high = gloss_document_get_length (document);

  if ((gsize) utf16 > gloss_document_offset_to_utf16 (document, high))
    return FALSE;

  while (low < high)
    {
      GlossOffset middle = low + (high - low) / 2;

      if (gloss_document_offset_to_utf16 (document, middle) < (gsize) utf16)
        low = middle + 1;
      else
        high = middle;
    }

  *offset = low;
  return gloss_document_offset_to_utf16 (document, low) == (gsize) utf16;
}

static gboolean
quote_is_at (GlossDocument *document,
             GlossOffset    start,
             GlossOffset    end,
             const char    *quote)
{
  g_autofree char *slice = NULL;

  if (start >= end || end > gloss_document_get_length (document))
    return FALSE;

  slice = gloss_document_dup_slice (document, start, end);
  return g_str_equal (slice, quote);
}

/* @text with every run of white space as one space, trimmed. */
static char *
collapse_spaces (const char *text)
{
  g_autoptr(GString) collapsed = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = collapsed->len > 0;
      else
        {
          if (space)
            g_string_append_c (collapsed, ' ');
          space = FALSE;
          g_string_append_unichar (collapsed, c);
        }
    }

  return g_string_free (g_steal_pointer (&collapsed), FALSE);
}

/* Whether the text around [start, end) reads as @prefix and @suffix say,
 * white space aside (a page's markup lays it out otherwise). Missing
 * context agrees. */
static gboolean
context_agrees (GlossDocument *document,
                GlossOffset    start,
                GlossOffset    end,
                const char    *prefix,
                const char    *suffix)
{
  GlossOffset length = gloss_document_get_length (document);

  if (prefix != NULL && *prefix != '\0')
    {
      glong span = g_utf8_strlen (prefix, -1) * 2;
      g_autofree char *before = gloss_document_dup_slice (document, start > span ? start - (GlossOffset) span : 0, start);
      g_autofree char *ours = collapse_spaces (before);
      g_autofree char *theirs = collapse_spaces (prefix);

      if (!g_str_has_suffix (ours, theirs))
        return FALSE;
    }
  if (suffix != NULL && *suffix != '\0')
    {
      glong span = g_utf8_strlen (suffix, -1) * 2;
      g_autofree char *after = gloss_document_dup_slice (document, end, MIN (length, end + (GlossOffset) span));
      g_autofree char *ours = collapse_spaces (after);
      g_autofree char *theirs = collapse_spaces (suffix);

      if (!g_str_has_prefix (ours, theirs))
        return FALSE;
    }

  return TRUE;
}

static gboolean
has_context (WebAnnotation *web)
{
  return (web->prefix != NULL && *web->prefix != '\0') || (web->suffix != NULL && *web->suffix != '\0');
}

static gboolean
occurs_once (GlossDocument *document,
             const char    *quote)
{
  const char *first = strstr (gloss_document_get_text (document), quote);

  return first != NULL && strstr (first + 1, quote) == NULL;
}

GlossAnchorState
_gloss_web_annotation_place (WebAnnotation    *web,
                             GlossDocument    *document,
                             GlossAnchorText **anchor_text,
                             GlossOffset      *out_start,
                             GlossOffset      *out_end)
{
  GlossOffset length = gloss_document_get_length (document);
  GlossOffset start = 0, end = 0;
  GlossAnchorSelector selector;
  GlossAnchorState state;

  if (web->has_position && web->exact != NULL)
    {
      GlossOffset utf16_start, utf16_end;

      start = (GlossOffset) MIN (web->start, (gint64) length);
      end = (GlossOffset) MIN (web->end, (gint64) length);
      if (quote_is_at (document, start, end, web->exact))
        goto exact;

      if (utf16_to_offset (document, web->start, &utf16_start) &&
          utf16_to_offset (document, web->end, &utf16_end) &&
          quote_is_at (document, utf16_start, utf16_end, web->exact))
        {
          start = utf16_start;
          end = utf16_end;
          goto exact;
        }
    }
  else if (web->has_position && web->end <= (gint64) length)
    {
      /* No quote to check: the W3C model counts code points. */
      start = (GlossOffset) web->start;
      end = (GlossOffset) web->end;
      goto exact;
    }

  if (web->exact == NULL)
    {
      /* A page note: nothing says where. */
      *out_start = 0;
      *out_end = MIN (length, 1);
      return GLOSS_ANCHOR_ORPHANED;
    }

  if (*anchor_text == NULL)
    *anchor_text = gloss_anchor_text_new (gloss_document_get_text (document),
                                                 (gssize) gloss_document_get_text_size (document));

  selector = (GlossAnchorSelector) { start, end, web->exact, web->prefix, web->suffix };
  state = gloss_anchor_locate (*anchor_text, &selector, out_start, out_end);

  /* The quote as it is, where its context (or, with none, its being the
   * only occurrence) says it belongs. */
  if (state == GLOSS_ANCHOR_MOVED &&
      quote_is_at (document, *out_start, *out_end, web->exact) &&
      (has_context (web) ? context_agrees (document, *out_start, *out_end, web->prefix, web->suffix)
                         : occurs_once (document, web->exact)))
    return GLOSS_ANCHOR_ANCHORED;

  return state;

exact:
  *out_start = start;
  *out_end = end;
  return GLOSS_ANCHOR_ANCHORED;
}
