/* gloss-import-brat-spans.c — brat's T lines into annotations: which offsets brat meant, tags, text checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The top comment of gloss-import-brat.c says how T lines land in the model
 * and how the reading of offsets is chosen.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-import-brat-private.h"

/* ---- Offsets ---- */

/* A brat offset as a Gloss offset (may lie past the end of the text). */
static guint
map_offset (BratImport *self,
            guint       offset)
{
  offset = offset >= self->bom_shift ? offset - self->bom_shift : 0;
  /* Past the end stays past the end, without wrapping around. */
  if (offset > self->length)
    return offset;
  if (self->universal_newlines)
    offset = _gloss_brat_offsets_from_brat (self->crlfs, offset);

  return offset;
}

/* Replaces every line break by one space: brat cannot store a line break in
 * a T line, so tools that write one change it into a space. */
static char *
flatten_breaks (const char *text)
{
  GString *flat = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '\r' && p[1] == '\n')
        {
          g_string_append_c (flat, ' ');
          p++;
        }
      else if (*p == '\r' || *p == '\n')
        g_string_append_c (flat, ' ');
      else
        g_string_append_c (flat, *p);
    }

  return g_string_free (flat, FALSE);
}

/* The text of the spans as brat would quote it, with fragments joined by
 * a space; NULL when a span lies outside the text or is reversed. */
static char *
span_text (BratImport *self,
           GArray     *spans,
           const char *separator)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);
      guint start = map_offset (self, span->start);
      guint end = map_offset (self, span->end);
      g_autofree char *slice = NULL;

      if (start > end || end > self->length)
        {
          g_string_free (text, TRUE);
          return NULL;
        }
      slice = gloss_document_dup_slice (self->document, start, end);
      if (i > 0)
        g_string_append (text, separator);
      g_string_append (text, slice);
    }

  return g_string_free (text, FALSE);
}

/* Whether the T line's text is what its spans hold. */
static gboolean
text_matches (BratImport *self,
              BratLine   *line)
{
  g_autofree char *expected = NULL;
  g_autofree char *flat_expected = NULL;
  g_autofree char *flat_text = NULL;

  /* Without a text brat quotes the spans itself: they only need to fit. */
  expected = span_text (self, line->spans, " ");
  if (expected == NULL)
    return FALSE;
  if (line->text == NULL)
    return TRUE;
  if (g_str_equal (expected, line->text))
    return TRUE;

  /* Text after the quote, separated by whitespace, is allowed by brat. */
  if (g_str_has_prefix (line->text, expected) && g_ascii_isspace (line->text[strlen (expected)]))
    return TRUE;

  flat_expected = flatten_breaks (expected);
  flat_text = flatten_breaks (line->text);
  if (g_str_equal (flat_expected, flat_text))
    return TRUE;

  /* brat before 1.3 joined the fragments of a discontinuous span without
   * a separator. */
  if (line->spans->len > 1)
    {
      g_autofree char *joined = span_text (self, line->spans, "");

      return joined != NULL && g_str_equal (joined, line->text);
    }

  return FALSE;
}

static guint
count_matches (BratImport *self)
{
  guint matches = 0;

  for (guint i = 0; i < self->lines->len; i++)
    {
      BratLine *line = g_ptr_array_index (self->lines, i);

      if (line->kind == LINE_TEXT && line->text != NULL && text_matches (self, line))
        matches++;
    }

  return matches;
}

/* Picks the reading of brat's offsets under which most texts match. */
void
_gloss_brat_choose_offset_reading (BratImport *self,
                                   gboolean    had_bom)
{
  struct { gboolean universal; guint bom; } readings[4];
  guint n_readings = 0;
  guint best = 0;
  guint best_matches = 0;
  gboolean has_crlf;

  self->crlfs = _gloss_brat_offsets_new (gloss_document_get_text (self->document));
  has_crlf = _gloss_brat_offsets_has_crlf (self->crlfs);

  /* brat's own reading first: it wins a tie. */
  readings[n_readings].universal = has_crlf;
  readings[n_readings++].bom = had_bom ? 1 : 0;
  if (has_crlf)
    {
      readings[n_readings].universal = FALSE;
      readings[n_readings++].bom = had_bom ? 1 : 0;
    }
  if (had_bom)
    {
      readings[n_readings].universal = has_crlf;
      readings[n_readings++].bom = 0;
      if (has_crlf)
        {
          readings[n_readings].universal = FALSE;
          readings[n_readings++].bom = 0;
        }
    }

  for (guint i = 0; i < n_readings; i++)
    {
      guint matches;

      self->universal_newlines = readings[i].universal;
      self->bom_shift = readings[i].bom;
      matches = count_matches (self);
      if (i == 0 || matches > best_matches)
        {
          best = i;
          best_matches = matches;
        }
    }

  self->universal_newlines = readings[best].universal;
  self->bom_shift = readings[best].bom;
}

/* ---- Tags ---- */

/* GNOME's palette, light shades then the medium ones. */
static const char * const palette[] = {
  "#99c1f1", "#8ff0a4", "#f9f06b", "#ffbe6f", "#f66151", "#dc8add", "#cdab8f",
  "#62a0ea", "#57e389", "#f8e45c", "#ffa348", "#ed333b", "#c061cb", "#b5835a",
  "#9a9996", "#1c71d8", "#2ec27e", "#e5a50a", "#c64600", "#813d9c",
};

static const char *
next_color (BratImport *self)
{
  GListModel *tags = gloss_project_get_tags (self->project);
  guint n_tags = g_list_model_get_n_items (tags);

  /* A colour no tag has yet, when there is one left. */
  for (guint tries = 0; tries < G_N_ELEMENTS (palette); tries++)
    {
      const char *color = palette[self->palette_next++ % G_N_ELEMENTS (palette)];
      gboolean used = FALSE;

      for (guint i = 0; i < n_tags && !used; i++)
        {
          g_autoptr(GlossTag) tag = g_list_model_get_item (tags, i);

          used = g_ascii_strcasecmp (gloss_tag_get_color (tag), color) == 0;
        }
      if (!used)
        return color;
    }

  return palette[self->palette_next++ % G_N_ELEMENTS (palette)];
}

/* The project's tags by name, the first of each name, so that 20,000
 * types do not each walk the list of tags. */
void
_gloss_brat_remember_project_tags (BratImport *self)
{
  GListModel *tags = gloss_project_get_tags (self->project);
  guint n = g_list_model_get_n_items (tags);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossTag) tag = g_list_model_get_item (tags, i);

      if (!g_hash_table_contains (self->tag_ids, gloss_tag_get_name (tag)))
        g_hash_table_insert (self->tag_ids, g_strdup (gloss_tag_get_name (tag)),
                             g_strdup (gloss_tag_get_id (tag)));
    }
}

static const char *
tag_id_for_type (BratImport *self,
                 const char *type)
{
  const char *tag_id = g_hash_table_lookup (self->tag_ids, type);
  GlossTag *tag;

  if (tag_id != NULL)
    return tag_id;

  /* The table starts with every tag of the project by name
   * (_gloss_brat_remember_project_tags ()): a type not in it is new. */
  tag = gloss_project_create_tag (self->project, type, next_color (self), -1);

  tag_id = gloss_tag_get_id (tag);
  g_hash_table_insert (self->tag_ids, g_strdup (type), g_strdup (tag_id));

  return tag_id;
}

/* ---- Text spans ---- */

GlossAnnotation *
_gloss_brat_new_annotation (BratImport *self,
                            guint       start,
                            guint       end,
                            const char *type)
{
  GlossAnnotation *annotation = gloss_annotation_new (NULL, start, end);

  gloss_annotation_add_tag (annotation, tag_id_for_type (self, type));
  gloss_annotation_set_created (annotation, self->now);
  gloss_annotation_set_modified (annotation, self->now);
  g_ptr_array_add (self->annotations, annotation);

  return annotation;
}

static char *
shorten (const char *text)
{
  if (g_utf8_strlen (text, -1) <= 40)
    return g_strdup (text);

  {
    g_autofree char *start = g_utf8_substring (text, 0, 39);

    return g_strconcat (start, "…", NULL);
  }
}

/* The spans as the .ann wrote them: "0 5;10 15". */
static char *
written_spans (BratLine *line)
{
  GString *written = g_string_new (NULL);

  for (guint i = 0; i < line->spans->len; i++)
    {
      Span *span = &g_array_index (line->spans, Span, i);

      g_string_append_printf (written, "%s%u %u", i > 0 ? ";" : "", span->start, span->end);
    }

  return g_string_free (written, FALSE);
}

/* The T line's text is not at its offsets: find it, or keep it orphaned. */
static void
place_mismatch (BratImport      *self,
                BratLine        *line,
                guint            start,
                guint            end,
                GlossAnnotation *annotation)
{
  const char *quote = line->text != NULL ? line->text : "";
  g_autofree char *spans = written_spans (line);
  g_autofree char *short_text = shorten (quote);
  g_autofree char *found = NULL;
  g_autofree char *short_found = NULL;
  GlossAnchorSelector selector = { 0, };
  GlossOffset new_start, new_end;
  GlossAnchorState state = GLOSS_ANCHOR_ORPHANED;
  gboolean past_end = end > self->length;

  /* Inside the text, not empty (the text is never empty). */
  end = MIN (end, self->length);
  start = MIN (start, end);
  if (start == end)
    start = end - 1;

  found = gloss_document_dup_slice (self->document, start, end);
  short_found = shorten (found);

  if (*quote != '\0')
    {
      if (self->anchor_text == NULL)
        self->anchor_text = gloss_anchor_text_new (gloss_document_get_text (self->document), -1);

      selector.start = start;
      selector.end = end;
      selector.quote = quote;
      new_start = start;
      new_end = end;
      state = gloss_anchor_locate (self->anchor_text, &selector, &new_start, &new_end);

      /* Trust a place only if it is one: "anchored" means the quote is
       * there; an approximate "moved" match is the anchoring's to judge. */
      if (state != GLOSS_ANCHOR_ORPHANED && new_start < new_end && new_end <= self->length)
        {
          g_autofree char *there = gloss_document_dup_slice (self->document, new_start, new_end);

          if (state == GLOSS_ANCHOR_ANCHORED && !g_str_equal (there, quote))
            state = GLOSS_ANCHOR_ORPHANED;
        }
      else
        state = GLOSS_ANCHOR_ORPHANED;
    }

  if (state != GLOSS_ANCHOR_ORPHANED)
    {
      gloss_annotation_set_bounds (annotation, new_start, new_end);
      gloss_annotation_set_state (annotation, GLOSS_ANCHOR_MOVED);
      if (past_end)
        _gloss_brat_report_line (self, line->number,
                                 _("%s: the span %s lies past the end of the text (%u characters); "
                                 "its text “%s” was found at %u–%u and the annotation marked for review"),
                                 line->id, spans, self->length, short_text, new_start, new_end);
      else
        _gloss_brat_report_line (self, line->number,
                                 _("%s: the text “%s” is not at %s (which holds “%s”); "
                                 "it was found at %u–%u and the annotation marked for review"),
                                 line->id, short_text, spans, short_found, new_start, new_end);
    }
  else
    {
      gloss_annotation_set_bounds (annotation, start, end);
      gloss_annotation_set_state (annotation, GLOSS_ANCHOR_ORPHANED);
      gloss_annotation_set_selector (annotation, quote, "", "");
      if (past_end)
        _gloss_brat_report_line (self, line->number,
                                 _("%s: the span %s lies past the end of the text (%u characters) and its "
                                 "text “%s” is nowhere in it; it was kept at the end and marked orphaned"),
                                 line->id, spans, self->length, short_text);
      else
        _gloss_brat_report_line (self, line->number,
                                 _("%s: the text “%s” is not at %s (which holds “%s”) nor anywhere else; "
                                 "it was kept there and marked orphaned"),
                                 line->id, short_text, spans, short_found);
    }
}

void
_gloss_brat_import_text_bound (BratImport *self,
                               BratLine   *line)
{
  GlossAnnotation *annotation;
  guint start = G_MAXUINT, end = 0;
  gboolean reversed = FALSE;

  for (guint i = 0; i < line->spans->len; i++)
    {
      Span *span = &g_array_index (line->spans, Span, i);

      reversed |= span->start > span->end;
      start = MIN (start, map_offset (self, span->start));
      end = MAX (end, map_offset (self, span->end));
    }

  if (reversed)
    {
      _gloss_brat_report_line (self, line->number, _("%s: a span ends before it starts; skipped"), line->id);
      return;
    }
  if (start >= end)
    {
      _gloss_brat_report_line (self, line->number,
                               _("%s: the span is empty, and Gloss annotations hold at least one character; skipped"),
                               line->id);
      return;
    }

  annotation = _gloss_brat_new_annotation (self, start, end, line->type);
  line->annotation = annotation;

  if (text_matches (self, line))
    {
      if (line->spans->len > 1)
        {
          g_autoptr(GString) fragments = g_string_new (NULL);

          for (guint i = 0; i < line->spans->len; i++)
            {
              Span *span = &g_array_index (line->spans, Span, i);

              g_string_append_printf (fragments, "%s%u %u", i > 0 ? ";" : "",
                                      map_offset (self, span->start), map_offset (self, span->end));
            }
          gloss_annotation_set_attribute (annotation, "brat:fragments", fragments->str);
        }
      return;
    }

  if (line->spans->len > 1)
    _gloss_brat_report_line (self, line->number,
                             _("%s: the fragments of this discontinuous span do not hold its text; "
                             "it is kept as one span"), line->id);
  place_mismatch (self, line, start, end, annotation);
}

