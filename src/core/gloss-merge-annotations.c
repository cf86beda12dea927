/* gloss-merge-annotations.c — three-way merge of one document's annotations
 *
 * Each version of an annotation is first placed on the merged text: a
 * version made against that very text keeps its offsets; one made against
 * another text (the other side corrected the article) is re-anchored with
 * gloss-anchor.h, as loading a file whose text changed would. Then the
 * versions are merged field by field: bounds, state and note as whole
 * values, tags as a set, attributes key by key.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-anchor.h"
#include "gloss-annotation.h"
#include "gloss-document-private.h"
#include "gloss-merge-private.h"

/* One version of an annotation, placed on the merged text. */
typedef struct {
  GlossAnnotation  *annotation;   /* NULL: this version does not have it */
  GlossOffset       start;
  GlossOffset       end;
  GlossAnchorState  state;
} Placed;

typedef struct {
  GlossDocument   *result;
  GlossAnchorText *anchor_text;   /* the merged text, built when needed */
  /* The versions whose text is the merged text (compared once: a text
   * may be megabytes). */
  GHashTable      *same_text;     /* GlossDocument * set */
} Placer;

static void
place (Placer          *placer,
       GlossDocument   *source_document,
       GlossAnnotation *annotation,
       Placed          *out)
{
  GlossOffset length = gloss_document_get_length (placer->result);
  GlossAnchorSelector selector;

  out->annotation = annotation;
  if (annotation == NULL)
    return;

  out->start = gloss_annotation_get_start (annotation);
  out->end = gloss_annotation_get_end (annotation);
  out->state = gloss_annotation_get_state (annotation);

  if (g_hash_table_contains (placer->same_text, source_document))
    return;

  /* An orphan stays an orphan, where it was, as loading keeps it. */
  if (out->state == GLOSS_ANCHOR_ORPHANED)
    {
      out->end = MIN (out->end, length);
      out->start = MIN (out->start, out->end > 0 ? out->end - 1 : 0);
      return;
    }

  if (placer->anchor_text == NULL)
    placer->anchor_text = gloss_anchor_text_new (gloss_document_get_text (placer->result), -1);

  selector.start = out->start;
  selector.end = out->end;
  selector.quote = gloss_annotation_get_quote (annotation);
  selector.prefix = gloss_annotation_get_prefix (annotation);
  selector.suffix = gloss_annotation_get_suffix (annotation);
  out->state = gloss_anchor_locate (placer->anchor_text, &selector, &out->start, &out->end);
}

/* ---- Comparing and merging fields ---- */

static gboolean
same_tags (GlossAnnotation *a,
           GlossAnnotation *b)
{
  const char * const *tags = gloss_annotation_get_tags (a);

  if (gloss_annotation_get_n_tags (a) != gloss_annotation_get_n_tags (b))
    return FALSE;
  for (guint i = 0; tags[i] != NULL; i++)
    if (!gloss_annotation_has_tag (b, tags[i]))
      return FALSE;

  return TRUE;
}

static gboolean
same_attributes (GlossAnnotation *a,
                 GlossAnnotation *b)
{
  g_auto(GStrv) keys = NULL;

  if (gloss_annotation_get_n_attributes (a) != gloss_annotation_get_n_attributes (b))
    return FALSE;
  if (gloss_annotation_get_n_attributes (a) == 0)
    return TRUE;

  keys = gloss_annotation_dup_attribute_keys (a);
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_strcmp0 (gloss_annotation_get_attribute (a, keys[i]),
                   gloss_annotation_get_attribute (b, keys[i])) != 0)
      return FALSE;

  return TRUE;
}

/* Whether two versions say the same in every field a merge looks at. */
static gboolean
same_version (const Placed *a,
              const Placed *b)
{
  return a->start == b->start && a->end == b->end && a->state == b->state &&
         g_str_equal (gloss_annotation_get_note (a->annotation), gloss_annotation_get_note (b->annotation)) &&
         same_tags (a->annotation, b->annotation) &&
         same_attributes (a->annotation, b->annotation);
}

typedef struct {
  GlossMerge        *merge;
  Placer            *placer;
  const Placed      *base;
  const Placed      *ours;
  const Placed      *theirs;
  GlossConflictSide  prefer;     /* which side a conflicting field takes */
  GPtrArray         *clashes;    /* names of conflicting fields */
} FieldMerge;

static gboolean
prefer_ours (FieldMerge        *fm,
             const char        *field)
{
  g_ptr_array_add (fm->clashes, (gpointer) field);
  return fm->prefer == GLOSS_CONFLICT_OURS;
}

/* 0 both agree or only ours changed → ours; 1 → theirs. */
static const Placed *
choose_bounds (FieldMerge *fm)
{
  const Placed *o = fm->base, *a = fm->ours, *b = fm->theirs;

  if (a->start == b->start && a->end == b->end)
    return a;
  if (o->annotation != NULL && o->start == a->start && o->end == a->end)
    return b;
  if (o->annotation != NULL && o->start == b->start && o->end == b->end)
    return a;

  return prefer_ours (fm, N_("bounds")) ? a : b;
}

static GlossAnchorState
choose_state (FieldMerge *fm)
{
  const Placed *o = fm->base, *a = fm->ours, *b = fm->theirs;

  if (a->state == b->state)
    return a->state;
  if (o->annotation != NULL && o->state == a->state)
    return b->state;
  if (o->annotation != NULL && o->state == b->state)
    return a->state;

  return prefer_ours (fm, N_("state")) ? a->state : b->state;
}

static const char *
choose_string (FieldMerge *fm,
               const char *field,
               const char *base,
               const char *ours,
               const char *theirs)
{
  const char *merged;

  if (_gloss_merge_string (base, ours, theirs, &merged) == GLOSS_MERGE_SAME)
    return merged;

  return prefer_ours (fm, field) ? ours : theirs;
}

/* Tags as a set: kept where both have it, added where one side added it,
 * gone where one side removed it. Ours' order, then theirs' additions. */
static GPtrArray *
merge_tags (FieldMerge *fm)
{
  GlossAnnotation *o = fm->base->annotation;
  GlossAnnotation *a = fm->ours->annotation;
  GlossAnnotation *b = fm->theirs->annotation;
  const char * const *ours_tags = gloss_annotation_get_tags (a);
  const char * const *theirs_tags = gloss_annotation_get_tags (b);
  GPtrArray *tags = g_ptr_array_new ();

  for (guint i = 0; ours_tags[i] != NULL; i++)
    if (gloss_annotation_has_tag (b, ours_tags[i]) || o == NULL || !gloss_annotation_has_tag (o, ours_tags[i]))
      g_ptr_array_add (tags, (gpointer) ours_tags[i]);
  for (guint i = 0; theirs_tags[i] != NULL; i++)
    if (!gloss_annotation_has_tag (a, theirs_tags[i]) && (o == NULL || !gloss_annotation_has_tag (o, theirs_tags[i])))
      g_ptr_array_add (tags, (gpointer) theirs_tags[i]);
  g_ptr_array_add (tags, NULL);

  return tags;
}

static void
add_keys (GHashTable      *keys,
          GlossAnnotation *annotation)
{
  g_auto(GStrv) names = NULL;

  if (annotation == NULL || gloss_annotation_get_n_attributes (annotation) == 0)
    return;

  names = gloss_annotation_dup_attribute_keys (annotation);
  for (guint i = 0; names[i] != NULL; i++)
    g_hash_table_add (keys, g_strdup (names[i]));
}

static const char *
attribute_of (GlossAnnotation *annotation,
              const char      *key)
{
  return annotation != NULL ? gloss_annotation_get_attribute (annotation, key) : NULL;
}

/* Key by key; a key one side removed is NULL. */
static void
merge_attributes (FieldMerge      *fm,
                  GlossAnnotation *into)
{
  g_autoptr(GHashTable) keys = NULL;
  GHashTableIter iter;
  gpointer key;

  /* Most annotations have none. */
  if ((fm->base->annotation == NULL || gloss_annotation_get_n_attributes (fm->base->annotation) == 0) &&
      gloss_annotation_get_n_attributes (fm->ours->annotation) == 0 &&
      gloss_annotation_get_n_attributes (fm->theirs->annotation) == 0)
    return;

  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  add_keys (keys, fm->base->annotation);
  add_keys (keys, fm->ours->annotation);
  add_keys (keys, fm->theirs->annotation);

  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *value = choose_string (fm, N_("attributes"),
                                         attribute_of (fm->base->annotation, key),
                                         attribute_of (fm->ours->annotation, key),
                                         attribute_of (fm->theirs->annotation, key));

      if (value != NULL)
        gloss_annotation_set_attribute (into, key, value);
    }
}

static GDateTime *
later (GDateTime *a,
       GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a != NULL ? a : b;

  return g_date_time_compare (a, b) >= 0 ? a : b;
}

/* Adds @annotation (its fields set) to the merged document. An orphan
 * keeps the quote and context of the version its place came from; so does
 * an annotation where that version, on this very text, had it: its quote
 * and context are then already right, and slicing them again from a long
 * text for each of many annotations is most of a merge's time. */
static void
add_to_result (Placer          *placer,
               GlossAnnotation *annotation,
               const Placed    *place_source)
{
  GlossAnnotation *source = place_source->annotation;
  gboolean orphan = gloss_annotation_get_state (annotation) == GLOSS_ANCHOR_ORPHANED;

  if (orphan ||
      (g_hash_table_contains (placer->same_text, gloss_annotation_get_document (source)) &&
       gloss_annotation_get_start (source) == gloss_annotation_get_start (annotation) &&
       gloss_annotation_get_end (source) == gloss_annotation_get_end (annotation)))
    {
      gloss_annotation_set_selector (annotation, gloss_annotation_get_quote (source),
                                     gloss_annotation_get_prefix (source),
                                     gloss_annotation_get_suffix (source));
      if (!orphan)
        {
          _gloss_document_add_annotation_keeping_selector (placer->result, annotation);
          return;
        }
    }
  gloss_document_add_annotation (placer->result, annotation);
}

/* One version of the merged annotation, conflicting fields from
 * @fm->prefer's side. */
static GlossAnnotation *
build_merged (FieldMerge *fm,
              const char *id,
              const Placed **place_source)
{
  GlossAnnotation *o = fm->base->annotation;
  GlossAnnotation *a = fm->ours->annotation;
  GlossAnnotation *b = fm->theirs->annotation;
  const Placed *bounds = choose_bounds (fm);
  GlossAnnotation *merged = gloss_annotation_new (id, bounds->start, bounds->end);
  g_autoptr(GPtrArray) tags = merge_tags (fm);
  GlossAnchorState state = choose_state (fm);

  /* An orphan's place is its quote's last known one: keep them together. */
  if (state == GLOSS_ANCHOR_ORPHANED && bounds->state != GLOSS_ANCHOR_ORPHANED)
    bounds = fm->ours->state == GLOSS_ANCHOR_ORPHANED ? fm->ours : fm->theirs;
  gloss_annotation_set_bounds (merged, bounds->start, bounds->end);
  /* A version that is not orphaned must cover some text. */
  if (state != GLOSS_ANCHOR_ORPHANED && bounds->state == GLOSS_ANCHOR_ORPHANED)
    state = GLOSS_ANCHOR_ORPHANED;
  *place_source = bounds;

  gloss_annotation_set_tags (merged, (const char * const *) tags->pdata);
  gloss_annotation_set_note (merged, choose_string (fm, N_("note"),
                                                    o != NULL ? gloss_annotation_get_note (o) : NULL,
                                                    gloss_annotation_get_note (a),
                                                    gloss_annotation_get_note (b)));
  merge_attributes (fm, merged);
  gloss_annotation_set_state (merged, state);

  /* Who made it and when are not the analysts' judgement: never a
   * conflict. The first maker, the last change. */
  gloss_annotation_set_author (merged, *gloss_annotation_get_author (a) != '\0'
                                       ? gloss_annotation_get_author (a) : gloss_annotation_get_author (b));
  gloss_annotation_set_created (merged, gloss_annotation_get_created (a) != NULL
                                        ? gloss_annotation_get_created (a) : gloss_annotation_get_created (b));
  gloss_annotation_set_modified (merged, later (gloss_annotation_get_modified (a),
                                                gloss_annotation_get_modified (b)));

  return merged;
}

static void
copy_one (Placer            *placer,
          const Placed      *version,
          GlossConflictSide  side)
{
  GlossAnnotation *source = version->annotation;
  g_autoptr(GlossAnnotation) copy = gloss_annotation_new (gloss_annotation_get_id (source),
                                                          version->start, version->end);
  g_auto(GStrv) keys = NULL;

  gloss_annotation_set_tags (copy, gloss_annotation_get_tags (source));
  gloss_annotation_set_note (copy, gloss_annotation_get_note (source));
  if (gloss_annotation_get_n_attributes (source) > 0)
    keys = gloss_annotation_dup_attribute_keys (source);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    gloss_annotation_set_attribute (copy, keys[i], gloss_annotation_get_attribute (source, keys[i]));
  gloss_annotation_set_author (copy, gloss_annotation_get_author (source));
  gloss_annotation_set_created (copy, gloss_annotation_get_created (source));
  gloss_annotation_set_modified (copy, gloss_annotation_get_modified (source));
  gloss_annotation_set_state (copy, version->state);
  gloss_annotation_set_conflict (copy, side, "");

  add_to_result (placer, copy, version);
}

static char *
describe (GlossAnnotation *annotation,
          GlossDocument   *document)
{
  const char *full = gloss_annotation_get_quote (annotation);
  /* g_utf8_substring () must not be asked past the end of the string. */
  g_autofree char *quote = g_utf8_substring (full, 0, MIN (g_utf8_strlen (full, -1), 40));

  return g_strdup_printf (_("the annotation “%s” (%s) in “%s”"), quote,
                          gloss_annotation_get_id (annotation), gloss_document_get_title (document));
}

static void
merge_both (GlossMerge   *merge,
            Placer       *placer,
            const Placed *base,
            const Placed *ours,
            const Placed *theirs)
{
  g_autoptr(GPtrArray) clashes = g_ptr_array_new ();
  FieldMerge fm = { merge, placer, base, ours, theirs, GLOSS_CONFLICT_OURS, clashes };
  const char *id = gloss_annotation_get_id (ours->annotation);
  const Placed *place_source = NULL;
  g_autoptr(GlossAnnotation) merged = build_merged (&fm, id, &place_source);
  g_autoptr(GlossAnnotation) theirs_version = NULL;
  g_autofree char *theirs_id = NULL;
  g_autofree char *what = NULL;
  g_autoptr(GString) fields = NULL;

  if (clashes->len == 0)
    {
      add_to_result (placer, merged, place_source);
      return;
    }

  fields = g_string_new (NULL);
  for (guint i = 0; i < clashes->len; i++)
    {
      const char *field = _(g_ptr_array_index (clashes, i));

      if (strstr (fields->str, field) != NULL)
        continue;
      if (fields->len > 0)
        g_string_append (fields, ", ");
      g_string_append (fields, field);
    }

  theirs_id = _gloss_merge_derive_id (merge->annotation_ids, id);
  gloss_annotation_set_conflict (merged, GLOSS_CONFLICT_OURS, theirs_id);
  add_to_result (placer, merged, place_source);

  fm.prefer = GLOSS_CONFLICT_THEIRS;
  theirs_version = build_merged (&fm, theirs_id, &place_source);
  gloss_annotation_set_conflict (theirs_version, GLOSS_CONFLICT_THEIRS, id);
  add_to_result (placer, theirs_version, place_source);

  what = describe (ours->annotation, placer->result);
  _gloss_merge_note_conflict (merge, _("%s: changed differently on both sides (%s); both versions kept"),
                              what, fields->str);
}

/* Present on one side only: added there, or deleted on the other. */
static void
merge_one_side (GlossMerge        *merge,
                Placer            *placer,
                const Placed      *base,
                const Placed      *present,
                GlossConflictSide  side)
{
  g_autofree char *what = NULL;

  if (base->annotation == NULL)
    {
      copy_one (placer, present, GLOSS_CONFLICT_NONE);
      return;
    }

  if (same_version (base, present))
    return;

  copy_one (placer, present, side);
  what = describe (present->annotation, placer->result);
  _gloss_merge_note_conflict (merge, side == GLOSS_CONFLICT_OURS
                              ? _("%s: deleted on their side and changed on ours; kept")
                              : _("%s: deleted on our side and changed on theirs; kept"),
                              what);
}

static GlossAnnotation *
lookup (GlossDocument *document,
        const char    *id)
{
  return document != NULL ? gloss_document_lookup_annotation (document, id) : NULL;
}

void
_gloss_merge_annotations (GlossMerge    *merge,
                          GlossDocument *base_document,
                          GlossDocument *ours_document,
                          GlossDocument *theirs_document,
                          GlossDocument *result_document)
{
  g_autoptr(GHashTable) same_text = g_hash_table_new (NULL, NULL);
  Placer placer = { result_document, NULL, same_text };
  GlossDocument *versions[] = { base_document, ours_document, theirs_document };
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    if (versions[i] != NULL &&
        g_str_equal (gloss_document_get_text (versions[i]), gloss_document_get_text (result_document)))
      g_hash_table_add (same_text, versions[i]);

  n = ours_document != NULL ? gloss_document_get_n_annotations (ours_document) : 0;
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *annotation = gloss_document_get_annotation (ours_document, i);
      const char *id = gloss_annotation_get_id (annotation);
      Placed base, ours, theirs;

      place (&placer, base_document, lookup (base_document, id), &base);
      place (&placer, ours_document, annotation, &ours);
      place (&placer, theirs_document, lookup (theirs_document, id), &theirs);

      if (theirs.annotation != NULL)
        merge_both (merge, &placer, &base, &ours, &theirs);
      else
        merge_one_side (merge, &placer, &base, &ours, GLOSS_CONFLICT_OURS);
    }

  n = theirs_document != NULL ? gloss_document_get_n_annotations (theirs_document) : 0;
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *annotation = gloss_document_get_annotation (theirs_document, i);
      const char *id = gloss_annotation_get_id (annotation);
      Placed base, theirs;

      if (lookup (ours_document, id) != NULL)
        continue;

      place (&placer, base_document, lookup (base_document, id), &base);
      place (&placer, theirs_document, annotation, &theirs);
      merge_one_side (merge, &placer, &base, &theirs, GLOSS_CONFLICT_THEIRS);
    }

  g_clear_pointer (&placer.anchor_text, gloss_anchor_text_free);
}
