/* gloss-search.c — plain, whole-word and regular-expression search of a document
 *
 * Plain text ignores case and diacritics unless asked not to: the text and
 * the pattern are both folded (canonical decomposition, nonspacing marks
 * dropped, full case folding), and every byte of the folded text remembers
 * the code point of the original it came from, so a match maps back to
 * exact offsets whatever the folding did to lengths ("Straße" folds to six
 * letters, "é" written as e + U+0301 to one).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* memmem () */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-document.h"
#include "gloss-project.h"
#include "gloss-search.h"

/* Keyword in context: at most this many code points either side. */
#define CONTEXT_LENGTH 40

/* ---- GlossSearchMatch ---- */

struct _GlossSearchMatch
{
  GObject        parent_instance;

  GlossDocument *document;
  GlossOffset    start;
  GlossOffset    end;
  char          *before;
  char          *text;
  char          *after;
};

G_DEFINE_FINAL_TYPE (GlossSearchMatch, gloss_search_match, G_TYPE_OBJECT)

static void
gloss_search_match_finalize (GObject *object)
{
  GlossSearchMatch *self = GLOSS_SEARCH_MATCH (object);

  g_clear_object (&self->document);
  g_free (self->before);
  g_free (self->text);
  g_free (self->after);

  G_OBJECT_CLASS (gloss_search_match_parent_class)->finalize (object);
}

static void
gloss_search_match_class_init (GlossSearchMatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_search_match_finalize;
}

static void
gloss_search_match_init (GlossSearchMatch *self)
{
}

GlossDocument *
gloss_search_match_get_document (GlossSearchMatch *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_MATCH (self), NULL);
  return self->document;
}

GlossOffset
gloss_search_match_get_start (GlossSearchMatch *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_MATCH (self), 0);
  return self->start;
}

GlossOffset
gloss_search_match_get_end (GlossSearchMatch *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_MATCH (self), 0);
  return self->end;
}

/* ---- Context ---- */

/* A copy of [from, to) on one line: line breaks and tabs become spaces. */
static char *
one_line (const char *from,
          const char *to)
{
  char *copy = g_strndup (from, to - from);

  for (char *p = copy; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';

  return copy;
}

/* Where the context before @start begins: up to CONTEXT_LENGTH code points
 * back, not past a line break, and at a word's start when it was cut. */
static const char *
context_start (const char *text,
               const char *start)
{
  const char *p = start;
  const char *space = NULL;

  for (guint n = 0; n < CONTEXT_LENGTH && p > text; n++)
    {
      const char *previous = g_utf8_prev_char (p);

      if (*previous == '\n' || *previous == '\r')
        return p;
      if (*previous == ' ' || *previous == '\t')
        space = p;
      p = previous;
    }

  /* Cut inside a word: begin after the first space instead. */
  if (p > text && space != NULL && *g_utf8_prev_char (p) != ' ')
    return space;

  return p;
}

static const char *
context_end (const char *end,
             const char *text_end)
{
  const char *p = end;
  const char *space = NULL;

  for (guint n = 0; n < CONTEXT_LENGTH && p < text_end; n++)
    {
      if (*p == '\n' || *p == '\r')
        return p;
      if (*p == ' ' || *p == '\t')
        space = p;
      p = g_utf8_next_char (p);
    }

  if (p < text_end && space != NULL && *p != ' ' && *p != '\n' && *p != '\r')
    return space;

  return p;
}

/* The context is made when first asked for: a search may find tens of
 * thousands of matches, and a window shows a screenful. */
static void
ensure_context (GlossSearchMatch *self)
{
  const char *text, *text_end, *match_start, *match_end;

  if (self->text != NULL)
    return;

  text = gloss_document_get_text (self->document);
  text_end = text + gloss_document_get_text_size (self->document);
  match_start = text + gloss_document_offset_to_byte (self->document, self->start);
  match_end = text + gloss_document_offset_to_byte (self->document, self->end);
  self->before = one_line (context_start (text, match_start), match_start);
  self->text = one_line (match_start, match_end);
  self->after = one_line (match_end, context_end (match_end, text_end));
}

const char *
gloss_search_match_get_before (GlossSearchMatch *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_MATCH (self), NULL);
  ensure_context (self);
  return self->before;
}

const char *
gloss_search_match_get_text (GlossSearchMatch *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_MATCH (self), NULL);
  ensure_context (self);
  return self->text;
}

const char *
gloss_search_match_get_after (GlossSearchMatch *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_MATCH (self), NULL);
  ensure_context (self);
  return self->after;
}

static GlossSearchMatch *
match_new (GlossDocument *document,
           GlossOffset    start,
           GlossOffset    end)
{
  GlossSearchMatch *self = g_object_new (GLOSS_TYPE_SEARCH_MATCH, NULL);

  self->document = g_object_ref (document);
  self->start = start;
  self->end = end;
  return self;
}

/* ---- Folding ---- */

/* Where a stretch of the folded text came from. An ASCII stretch maps
 * byte for byte to code points; any other character may fold to more or
 * fewer bytes, all of which come from its one code point. */
typedef struct {
  gsize       folded;    /* first byte of the stretch in the folded text */
  GlossOffset offset;    /* its first code point in the original */
  gboolean    ascii;
} Anchor;

/* Folded forms of the non-ASCII characters met so far: a news archive
 * uses few of them, over and over. */
typedef GHashTable FoldCache;  /* GUINT_TO_POINTER (gunichar) -> char* */

static void
append_folded_char (GString  *out,
                    gunichar  c)
{
  GUnicodeType type = g_unichar_type (c);

  if (type == G_UNICODE_NON_SPACING_MARK)
    return;  /* a diacritic */

  if (type == G_UNICODE_UPPERCASE_LETTER || type == G_UNICODE_LOWERCASE_LETTER ||
      type == G_UNICODE_TITLECASE_LETTER || type == G_UNICODE_LETTER_NUMBER)
    {
      char utf8[6];
      int length = g_unichar_to_utf8 (c, utf8);
      g_autofree char *folded = g_utf8_casefold (utf8, length);

      g_string_append (out, folded);
    }
  else
    g_string_append_unichar (out, c);
}

static const char *
fold_char (FoldCache *cache,
           gunichar   c)
{
  char *folded = g_hash_table_lookup (cache, GUINT_TO_POINTER (c));

  if (folded == NULL)
    {
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
      GString *out = g_string_new (NULL);

      for (gsize i = 0; i < n; i++)
        append_folded_char (out, decomposed[i]);
      folded = g_string_free (out, FALSE);
      g_hash_table_insert (cache, GUINT_TO_POINTER (c), folded);
    }

  return folded;
}

/* Appends @text folded to @out; with @anchors, where each stretch of it
 * came from (code points counted from 0). */
static void
fold (FoldCache  *cache,
      const char *text,
      gsize       size,
      GString    *out,
      GArray     *anchors)
{
  const char *end = text + size;
  GlossOffset offset = 0;
  const char *p = text;

  while (p < end)
    {
      if ((guchar) *p < 0x80)
        {
          /* A run of ASCII: most of a news article, a byte per byte. */
          const char *run = p;
          gsize start = out->len;
          char *q;

          while (p < end && (guchar) *p < 0x80)
            p++;
          if (anchors != NULL)
            {
              Anchor anchor = { start, offset, TRUE };
              g_array_append_val (anchors, anchor);
            }
          g_string_set_size (out, start + (p - run));
          q = out->str + start;
          for (const char *r = run; r < p; r++)
            *q++ = (*r >= 'A' && *r <= 'Z') ? *r + ('a' - 'A') : *r;
          offset += (GlossOffset) (p - run);
        }
      else
        {
          if (anchors != NULL)
            {
              Anchor anchor = { out->len, offset, FALSE };
              g_array_append_val (anchors, anchor);
            }
          g_string_append (out, fold_char (cache, g_utf8_get_char (p)));
          p = g_utf8_next_char (p);
          offset++;
        }
    }
}

/* The code point the folded byte @folded came from; @length past the end. */
static GlossOffset
origin_of (const Anchor *anchors,
           guint         n_anchors,
           gsize         folded,
           gsize         folded_size,
           GlossOffset   length)
{
  guint low = 0, high = n_anchors;

  if (folded >= folded_size)
    return length;

  /* The last anchor at or before @folded. */
  while (high - low > 1)
    {
      guint mid = low + (high - low) / 2;

      if (anchors[mid].folded <= folded)
        low = mid;
      else
        high = mid;
    }

  return anchors[low].ascii ? anchors[low].offset + (GlossOffset) (folded - anchors[low].folded)
                            : anchors[low].offset;
}

/* ---- GlossSearch ---- */

struct _GlossSearch
{
  gatomicrefcount   ref_count;
  char             *pattern;
  GlossSearchFlags  flags;
  GlossSearchScope  scope;
  char             *scope_value;
  char             *folded;   /* plain, not exact: the folded pattern */
  FoldCache        *fold_cache;
  GRegex           *regex;    /* GLOSS_SEARCH_REGEX */
};

G_DEFINE_BOXED_TYPE (GlossSearch, gloss_search, gloss_search_ref, gloss_search_unref)

GlossSearch *
gloss_search_new (const char        *pattern,
                  GlossSearchFlags   flags,
                  GError           **error)
{
  g_autoptr(GlossSearch) self = NULL;

  g_return_val_if_fail (pattern != NULL, NULL);

  if (*pattern == '\0')
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("The search pattern is empty"));
      return NULL;
    }
  if (!g_utf8_validate (pattern, -1, NULL))
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("The search pattern is not valid UTF-8"));
      return NULL;
    }

  self = g_new0 (GlossSearch, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->pattern = g_strdup (pattern);
  self->flags = flags;
  self->fold_cache = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  if (flags & GLOSS_SEARCH_REGEX)
    {
      g_autoptr(GError) regex_error = NULL;
      GRegexCompileFlags compile = G_REGEX_OPTIMIZE | G_REGEX_MULTILINE;

      if (!(flags & GLOSS_SEARCH_EXACT))
        compile |= G_REGEX_CASELESS;
      self->regex = g_regex_new (pattern, compile, 0, &regex_error);
      if (self->regex == NULL)
        {
          /* GRegex's message names the offending character's position. */
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("Not a valid regular expression: %s"), regex_error->message);
          return NULL;
        }
    }
  else if (!(flags & GLOSS_SEARCH_EXACT))
    {
      GString *folded = g_string_new (NULL);

      fold (self->fold_cache, pattern, strlen (pattern), folded, NULL);
      self->folded = g_string_free (folded, FALSE);
      if (*self->folded == '\0')
        {
          g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                               _("The search pattern has only diacritics; search with exact case and diacritics"));
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

GlossSearch *
gloss_search_ref (GlossSearch *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
gloss_search_unref (GlossSearch *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->pattern);
  g_free (self->scope_value);
  g_free (self->folded);
  g_clear_pointer (&self->fold_cache, g_hash_table_unref);
  g_clear_pointer (&self->regex, g_regex_unref);
  g_free (self);
}

void
gloss_search_set_scope (GlossSearch      *self,
                        GlossSearchScope  scope,
                        const char       *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (value != NULL || scope == GLOSS_SEARCH_SCOPE_EVERYWHERE || scope == GLOSS_SEARCH_SCOPE_UNANNOTATED);

  self->scope = scope;
  g_free (self->scope_value);
  self->scope_value = g_strdup (value);
}

const char *
gloss_search_get_pattern (GlossSearch *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->pattern;
}

GlossSearchFlags
gloss_search_get_flags (GlossSearch *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->flags;
}

/* ---- Whole words and scope ---- */

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_';
}

/* Whether [start, end) (bytes of @text) neither starts nor ends in a word. */
static gboolean
is_whole_word (const char *text,
               gsize       size,
               gsize       start,
               gsize       end)
{
  if (start > 0 && is_word_char (g_utf8_get_char (g_utf8_prev_char (text + start))) &&
      is_word_char (g_utf8_get_char (text + start)))
    return FALSE;
  if (end < size && end > start &&
      is_word_char (g_utf8_get_char (text + end)) &&
      is_word_char (g_utf8_get_char (g_utf8_prev_char (text + end))))
    return FALSE;
  return TRUE;
}

typedef struct {
  const GlossSearch *search;
  GlossOffset        start;
  GlossOffset        end;
  gboolean           found;
} ScopeCheck;

static gboolean
annotation_qualifies (const GlossSearch *search,
                      GlossAnnotation   *annotation)
{
  switch (search->scope)
    {
    case GLOSS_SEARCH_SCOPE_TAG:
      return gloss_annotation_has_tag (annotation, search->scope_value);

    case GLOSS_SEARCH_SCOPE_AUTHOR:
      return g_strcmp0 (gloss_annotation_get_author (annotation), search->scope_value) == 0;

    case GLOSS_SEARCH_SCOPE_ATTRIBUTE:
      {
        const char *equals = strchr (search->scope_value, '=');
        g_autofree char *key = g_strndup (search->scope_value,
                                          equals != NULL ? (gsize) (equals - search->scope_value)
                                                         : strlen (search->scope_value));
        const char *value = gloss_annotation_get_attribute (annotation, key);

        return value != NULL && (equals == NULL || g_str_equal (value, equals + 1));
      }

    case GLOSS_SEARCH_SCOPE_EVERYWHERE:
    case GLOSS_SEARCH_SCOPE_UNANNOTATED:
    default:
      return TRUE;
    }
}

static gboolean
check_scope_cb (GlossAnnotation *annotation,
                gpointer         user_data)
{
  ScopeCheck *check = user_data;

  if (check->search->scope == GLOSS_SEARCH_SCOPE_UNANNOTATED)
    {
      check->found = TRUE;
      return FALSE;
    }

  if (gloss_annotation_get_start (annotation) <= check->start &&
      gloss_annotation_get_end (annotation) >= check->end &&
      annotation_qualifies (check->search, annotation))
    {
      check->found = TRUE;
      return FALSE;
    }

  return TRUE;
}

static gboolean
in_scope (const GlossSearch *search,
          GlossDocument     *document,
          GlossOffset        start,
          GlossOffset        end)
{
  ScopeCheck check = { search, start, end, FALSE };

  if (search->scope == GLOSS_SEARCH_SCOPE_EVERYWHERE)
    return TRUE;

  gloss_document_foreach_in_range (document, start, end, check_scope_cb, &check);

  /* Unannotated: no annotation touches the match. Otherwise one covers it. */
  return search->scope == GLOSS_SEARCH_SCOPE_UNANNOTATED ? !check.found : check.found;
}

/* ---- Searching one document ---- */

typedef struct {
  GlossSearch   *search;
  GlossDocument *document;
  GPtrArray     *matches;
  guint          limit;
} Collector;

/* Takes a candidate in code points; FALSE once the limit is reached. */
static gboolean
collect (Collector   *collector,
         GlossOffset  start,
         GlossOffset  end)
{
  if (!in_scope (collector->search, collector->document, start, end))
    return TRUE;

  g_ptr_array_add (collector->matches, match_new (collector->document, start, end));
  return collector->limit == 0 || collector->matches->len < collector->limit;
}

static void
search_folded (Collector *collector)
{
  GlossDocument *document = collector->document;
  const char *text = gloss_document_get_text (document);
  gsize size = gloss_document_get_text_size (document);
  const char *needle = collector->search->folded;
  gsize needle_size = strlen (needle);
  g_autoptr(GString) folded = g_string_sized_new (size + 16);
  g_autoptr(GArray) anchor_array = g_array_new (FALSE, FALSE, sizeof (Anchor));
  GlossOffset length = gloss_document_get_length (document);
  const Anchor *anchors;
  const char *p;

  fold (collector->search->fold_cache, text, size, folded, anchor_array);
  anchors = (const Anchor *) (gpointer) anchor_array->data;

#define ORIGIN(byte) origin_of (anchors, anchor_array->len, (byte), folded->len, length)

  for (p = folded->str; (p = memmem (p, folded->str + folded->len - p, needle, needle_size)) != NULL;)
    {
      gsize first = p - folded->str;
      gsize last = first + needle_size;  /* exclusive */
      GlossOffset start = ORIGIN (first);
      GlossOffset last_origin = ORIGIN (last - 1);
      GlossOffset next_origin = ORIGIN (last);
      /* Whole original characters: one folded into several bytes ends
       * after itself; dropped marks after the match stay with it. */
      GlossOffset end = next_origin > last_origin ? next_origin : last_origin + 1;

      if ((collector->search->flags & GLOSS_SEARCH_WHOLE_WORDS) &&
          !is_whole_word (text, size,
                          gloss_document_offset_to_byte (document, start),
                          gloss_document_offset_to_byte (document, end)))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      if (!collect (collector, start, end))
        return;
      p += needle_size;
    }

#undef ORIGIN
}

static void
search_exact (Collector *collector)
{
  GlossDocument *document = collector->document;
  const char *text = gloss_document_get_text (document);
  gsize size = gloss_document_get_text_size (document);
  const char *needle = collector->search->pattern;
  gsize needle_size = strlen (needle);
  const char *counted = text;    /* offsets are counted up to here */
  GlossOffset counted_offset = 0;

  for (const char *p = text; (p = memmem (p, text + size - p, needle, needle_size)) != NULL;)
    {
      GlossOffset start, end;

      if ((collector->search->flags & GLOSS_SEARCH_WHOLE_WORDS) &&
          !is_whole_word (text, size, p - text, p - text + needle_size))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      start = counted_offset + (GlossOffset) g_utf8_strlen (counted, p - counted);
      end = start + (GlossOffset) g_utf8_strlen (p, needle_size);
      counted = p + needle_size;
      counted_offset = end;

      if (!collect (collector, start, end))
        return;
      p += needle_size;
    }
}

static void
search_regex (Collector *collector)
{
  GlossDocument *document = collector->document;
  const char *text = gloss_document_get_text (document);
  gsize size = gloss_document_get_text_size (document);
  g_autoptr(GMatchInfo) info = NULL;

  g_regex_match_full (collector->search->regex, text, size, 0, 0, &info, NULL);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      int first, last;

      if (!g_match_info_fetch_pos (info, 0, &first, &last) || first == last)
        continue;  /* an empty match selects nothing */
      if ((collector->search->flags & GLOSS_SEARCH_WHOLE_WORDS) &&
          !is_whole_word (text, size, first, last))
        continue;

      if (!collect (collector,
                    gloss_document_byte_to_offset (document, first),
                    gloss_document_byte_to_offset (document, last)))
        return;
    }
}

GPtrArray *
gloss_search_document (GlossSearch   *self,
                       GlossDocument *document,
                       guint          limit)
{
  Collector collector = { self, document, g_ptr_array_new_with_free_func (g_object_unref), limit };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  if (self->regex != NULL)
    search_regex (&collector);
  else if (self->folded != NULL)
    search_folded (&collector);
  else
    search_exact (&collector);

  return collector.matches;
}

GPtrArray *
gloss_search_project (GlossSearch  *self,
                      GlossProject *project)
{
  GListModel *documents;
  GPtrArray *matches = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);

  documents = gloss_project_get_documents (project);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);
      g_autoptr(GPtrArray) found = gloss_search_document (self, document, 0);

      g_ptr_array_extend_and_steal (matches, g_steal_pointer (&found));
    }

  return matches;
}
