/* gloss-compare.c — matching two versions of a project, difference by difference
 *
 * Two analysts who started from one project share ids; two who annotated
 * the same article apart share only the text. So annotations match by id
 * first, then by the very same span, then by the largest overlap among
 * those that share a tag (the same claim, marked a few words wider). What
 * matches and says the same is no difference.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "gloss-annotation.h"
#include "gloss-compare-private.h"
#include "gloss-document.h"
#include "gloss-project.h"
#include "gloss-relation.h"
#include "gloss-tag.h"

static void
difference_free (GlossDifference *difference)
{
  g_clear_object (&difference->document);
  g_clear_object (&difference->mine);
  g_clear_object (&difference->theirs);
  g_clear_object (&difference->mine_relation);
  g_clear_object (&difference->theirs_relation);
  g_free (difference->key);
  g_free (difference);
}

void
gloss_comparison_free (GlossComparison *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->differences);
  g_ptr_array_unref (self->skipped);
  g_hash_table_unref (self->theirs_of_mine);
  g_hash_table_unref (self->mine_of_theirs);
  g_hash_table_unref (self->mine_annotation);
  g_hash_table_unref (self->theirs_annotation);
  g_hash_table_unref (self->mine_tag);
  g_object_unref (self->mine);
  g_object_unref (self->theirs);
  g_free (self);
}

GlossProject *
gloss_comparison_get_mine (GlossComparison *self)
{
  return self->mine;
}

GlossProject *
gloss_comparison_get_theirs (GlossComparison *self)
{
  return self->theirs;
}

GPtrArray *
gloss_comparison_get_differences (GlossComparison *self)
{
  return self->differences;
}

guint
gloss_comparison_count (GlossComparison     *self,
                        GlossDifferenceKind  kind)
{
  g_return_val_if_fail (kind < GLOSS_N_DIFFERENCE_KINDS, 0);
  return self->counts[kind];
}

guint
gloss_comparison_get_n_documents (GlossComparison *self)
{
  return self->n_documents;
}

GPtrArray *
gloss_comparison_get_skipped (GlossComparison *self)
{
  return self->skipped;
}

GlossDocument *
gloss_comparison_lookup_theirs (GlossComparison *self,
                                GlossDocument   *mine_document)
{
  return g_hash_table_lookup (self->theirs_of_mine, mine_document);
}

const char *
_gloss_comparison_mine_tag (GlossComparison *self,
                            const char      *theirs_id)
{
  return g_hash_table_lookup (self->mine_tag, theirs_id);
}

/* ---- Tags and documents ---- */

static void
map_tags (GlossComparison *self)
{
  GListModel *tags = gloss_project_get_tags (self->theirs);
  guint n = g_list_model_get_n_items (tags);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossTag) tag = g_list_model_get_item (tags, i);
      GlossTag *mine = gloss_project_lookup_tag (self->mine, gloss_tag_get_id (tag));

      if (mine == NULL)
        mine = gloss_project_lookup_tag_by_name (self->mine, gloss_tag_get_name (tag));
      if (mine != NULL)
        g_hash_table_insert (self->mine_tag, g_strdup (gloss_tag_get_id (tag)),
                             g_strdup (gloss_tag_get_id (mine)));
    }
}

static void
skip (GlossComparison *self,
      GlossDocument   *document,
      const char      *why)
{
  /* Translators: a document's title, then why it was not compared */
  g_ptr_array_add (self->skipped, g_strdup_printf (_("“%s”: %s"), gloss_document_get_title (document), why));
}

/* Pairs the documents: the same id and text, else the same text. */
static void
match_documents (GlossComparison *self,
                 GPtrArray       *pairs)
{
  GListModel *mine_documents = gloss_project_get_documents (self->mine);
  GListModel *theirs_documents = gloss_project_get_documents (self->theirs);
  g_autoptr(GHashTable) by_digest = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_theirs = g_list_model_get_n_items (theirs_documents);
  guint n_mine = g_list_model_get_n_items (mine_documents);

  for (guint i = n_theirs; i > 0; i--)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (theirs_documents, i - 1);

      /* The first of several with one text wins. */
      g_hash_table_insert (by_digest, (gpointer) gloss_document_get_sha256 (document), document);
    }

  for (guint i = 0; i < n_mine; i++)
    {
      g_autoptr(GlossDocument) mine = g_list_model_get_item (mine_documents, i);
      GlossDocument *theirs = gloss_project_lookup_document (self->theirs, gloss_document_get_id (mine));
      gboolean same_id_other_text = theirs != NULL &&
                                    !g_str_equal (gloss_document_get_sha256 (theirs), gloss_document_get_sha256 (mine));

      if (theirs == NULL || same_id_other_text || g_hash_table_contains (self->mine_of_theirs, theirs))
        theirs = g_hash_table_lookup (by_digest, gloss_document_get_sha256 (mine));
      if (theirs != NULL && g_hash_table_contains (self->mine_of_theirs, theirs))
        theirs = NULL;

      if (theirs == NULL)
        {
          skip (self, mine, same_id_other_text ? _("its text differs in the other version")
                                               : _("only in this project"));
          continue;
        }
      g_hash_table_insert (self->theirs_of_mine, mine, theirs);
      g_hash_table_insert (self->mine_of_theirs, theirs, mine);
      g_ptr_array_add (pairs, mine);
    }

  for (guint i = 0; i < n_theirs; i++)
    {
      g_autoptr(GlossDocument) theirs = g_list_model_get_item (theirs_documents, i);

      if (!g_hash_table_contains (self->mine_of_theirs, theirs))
        skip (self, theirs, _("only in the other version"));
    }
  self->n_documents = pairs->len;
}

/* ---- Annotations ---- */

static gboolean
has_mapped_tag (GlossComparison *self,
                GlossAnnotation *mine,
                const char      *theirs_tag)
{
  const char *mapped = _gloss_comparison_mine_tag (self, theirs_tag);

  return mapped != NULL && gloss_annotation_has_tag (mine, mapped);
}

static gboolean
same_tags (GlossComparison *self,
           GlossAnnotation *mine,
           GlossAnnotation *theirs)
{
  const char * const *tags = gloss_annotation_get_tags (theirs);

  if (gloss_annotation_get_n_tags (mine) != gloss_annotation_get_n_tags (theirs))
    return FALSE;
  for (guint i = 0; tags[i] != NULL; i++)
    if (!has_mapped_tag (self, mine, tags[i]))
      return FALSE;
  return TRUE;
}

static gboolean
share_a_tag (GlossComparison *self,
             GlossAnnotation *mine,
             GlossAnnotation *theirs)
{
  const char * const *tags = gloss_annotation_get_tags (theirs);

  if (tags[0] == NULL)
    return gloss_annotation_get_n_tags (mine) == 0;
  for (guint i = 0; tags[i] != NULL; i++)
    if (has_mapped_tag (self, mine, tags[i]))
      return TRUE;
  return FALSE;
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
    if (g_strcmp0 (gloss_annotation_get_attribute (a, keys[i]), gloss_annotation_get_attribute (b, keys[i])) != 0)
      return FALSE;
  return TRUE;
}

static GlossDifferenceFields
annotation_fields (GlossComparison *self,
                   GlossAnnotation *mine,
                   GlossAnnotation *theirs)
{
  GlossDifferenceFields fields = 0;

  if (gloss_annotation_get_start (mine) != gloss_annotation_get_start (theirs) ||
      gloss_annotation_get_end (mine) != gloss_annotation_get_end (theirs))
    fields |= GLOSS_DIFFERENCE_BOUNDS;
  if (!same_tags (self, mine, theirs))
    fields |= GLOSS_DIFFERENCE_TAGS;
  if (!g_str_equal (gloss_annotation_get_note (mine), gloss_annotation_get_note (theirs)))
    fields |= GLOSS_DIFFERENCE_NOTE;
  if (!same_attributes (mine, theirs))
    fields |= GLOSS_DIFFERENCE_ATTRIBUTES;
  return fields;
}

static void
pair (GlossComparison *self,
      GlossAnnotation *mine,
      GlossAnnotation *theirs)
{
  g_hash_table_insert (self->mine_annotation, theirs, mine);
  g_hash_table_insert (self->theirs_annotation, mine, theirs);
}

static gboolean
is_paired (GlossComparison *self,
           GlossAnnotation *annotation,
           gboolean         mine)
{
  return g_hash_table_contains (mine ? self->theirs_annotation : self->mine_annotation, annotation);
}

static gboolean
is_placed (GlossAnnotation *annotation)
{
  return gloss_annotation_get_state (annotation) != GLOSS_ANCHOR_ORPHANED;
}

static guint64
span_key (GlossAnnotation *annotation)
{
  return ((guint64) gloss_annotation_get_start (annotation) << 32) | gloss_annotation_get_end (annotation);
}

/* The same span: the one with the same tags if there is one, else any. */
static void
match_same_spans (GlossComparison *self,
                  GlossDocument   *mine,
                  GlossDocument   *theirs)
{
  g_autoptr(GHashTable) by_span = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  guint n_mine = gloss_document_get_n_annotations (mine);
  guint n_theirs = gloss_document_get_n_annotations (theirs);

  for (guint i = 0; i < n_mine; i++)
    {
      GlossAnnotation *annotation = gloss_document_get_annotation (mine, i);
      guint64 key = span_key (annotation);
      GPtrArray *list;

      if (is_paired (self, annotation, TRUE) || !is_placed (annotation))
        continue;
      list = g_hash_table_lookup (by_span, &key);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_span, g_memdup2 (&key, sizeof key), list);
        }
      g_ptr_array_add (list, annotation);
    }
  if (g_hash_table_size (by_span) == 0)
    return;

  for (guint i = 0; i < n_theirs; i++)
    {
      GlossAnnotation *annotation = gloss_document_get_annotation (theirs, i);
      guint64 key = span_key (annotation);
      GlossAnnotation *best = NULL;
      GPtrArray *list;

      if (is_paired (self, annotation, FALSE) || !is_placed (annotation))
        continue;
      list = g_hash_table_lookup (by_span, &key);
      for (guint j = 0; list != NULL && j < list->len; j++)
        {
          GlossAnnotation *candidate = g_ptr_array_index (list, j);

          if (is_paired (self, candidate, TRUE))
            continue;
          if (best == NULL || (same_tags (self, candidate, annotation) && !same_tags (self, best, annotation)))
            best = candidate;
        }
      if (best != NULL)
        pair (self, best, annotation);
    }
}

typedef struct {
  GlossOffset      overlap;
  guint            theirs_position;
  GlossOffset      mine_start;
  GlossAnnotation *mine;
  GlossAnnotation *theirs;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->overlap != y->overlap)
    return x->overlap > y->overlap ? -1 : 1;
  if (x->theirs_position != y->theirs_position)
    return x->theirs_position < y->theirs_position ? -1 : 1;
  return x->mine_start < y->mine_start ? -1 : x->mine_start > y->mine_start;
}

/* One to one, the largest overlap first, among spans that share a tag. */
static void
match_overlaps (GlossComparison *self,
                GlossDocument   *mine,
                GlossDocument   *theirs)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  guint n_theirs = gloss_document_get_n_annotations (theirs);

  for (guint i = 0; i < n_theirs; i++)
    {
      GlossAnnotation *annotation = gloss_document_get_annotation (theirs, i);
      GlossOffset start = gloss_annotation_get_start (annotation);
      GlossOffset end = gloss_annotation_get_end (annotation);
      g_autoptr(GPtrArray) overlapping = NULL;

      if (is_paired (self, annotation, FALSE) || !is_placed (annotation))
        continue;
      overlapping = gloss_document_annotations_in_range (mine, start, end);
      for (guint j = 0; j < overlapping->len; j++)
        {
          GlossAnnotation *other = g_ptr_array_index (overlapping, j);
          Candidate candidate;

          if (is_paired (self, other, TRUE) || !is_placed (other) || !share_a_tag (self, other, annotation))
            continue;
          candidate.overlap = MIN (end, gloss_annotation_get_end (other)) -
                              MAX (start, gloss_annotation_get_start (other));
          candidate.theirs_position = i;
          candidate.mine_start = gloss_annotation_get_start (other);
          candidate.mine = other;
          candidate.theirs = annotation;
          g_array_append_val (candidates, candidate);
        }
    }

  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);

      if (!is_paired (self, candidate->mine, TRUE) && !is_paired (self, candidate->theirs, FALSE))
        pair (self, candidate->mine, candidate->theirs);
    }
}

static GlossDifference *
add_difference (GlossComparison     *self,
                GlossDifferenceKind  kind,
                GlossDocument       *document,
                GlossOffset          start,
                GlossOffset          end)
{
  GlossDifference *difference = g_new0 (GlossDifference, 1);

  difference->kind = kind;
  difference->document = g_object_ref (document);
  difference->start = start;
  difference->end = end;
  self->counts[kind]++;
  g_ptr_array_add (self->differences, difference);
  return difference;
}

static void
add_annotation_difference (GlossComparison     *self,
                           GlossDocument       *document,
                           GlossDifferenceKind  kind,
                           GlossAnnotation     *mine,
                           GlossAnnotation     *theirs,
                           GlossDifferenceFields fields)
{
  GlossAnnotation *shown = mine != NULL ? mine : theirs;
  GlossDifference *difference = add_difference (self, kind, document, gloss_annotation_get_start (shown),
                                                gloss_annotation_get_end (shown));

  difference->fields = fields;
  difference->mine = mine != NULL ? g_object_ref (mine) : NULL;
  difference->theirs = theirs != NULL ? g_object_ref (theirs) : NULL;
  difference->key = g_strdup_printf ("a%d:%s:%s:%u", kind, mine != NULL ? gloss_annotation_get_id (mine) : "",
                                     theirs != NULL ? gloss_annotation_get_id (theirs) : "", fields);
}

static void
compare_document (GlossComparison *self,
                  GlossDocument   *mine,
                  GlossDocument   *theirs)
{
  guint n_mine = gloss_document_get_n_annotations (mine);
  guint n_theirs = gloss_document_get_n_annotations (theirs);

  for (guint i = 0; i < n_theirs; i++)
    {
      GlossAnnotation *annotation = gloss_document_get_annotation (theirs, i);
      GlossAnnotation *same_id = gloss_document_lookup_annotation (mine, gloss_annotation_get_id (annotation));

      if (same_id != NULL)
        pair (self, same_id, annotation);
    }
  match_same_spans (self, mine, theirs);
  match_overlaps (self, mine, theirs);

  /* In mine's text order, what only theirs has at its own place. */
  for (guint i = 0; i < n_mine; i++)
    {
      GlossAnnotation *annotation = gloss_document_get_annotation (mine, i);
      GlossAnnotation *other = g_hash_table_lookup (self->theirs_annotation, annotation);

      if (other == NULL)
        add_annotation_difference (self, mine, GLOSS_DIFFERENCE_ONLY_MINE, annotation, NULL, 0);
      else
        {
          GlossDifferenceFields fields = annotation_fields (self, annotation, other);

          if (fields != 0)
            add_annotation_difference (self, mine, GLOSS_DIFFERENCE_CHANGED, annotation, other, fields);
        }
    }
  for (guint i = 0; i < n_theirs; i++)
    {
      GlossAnnotation *annotation = gloss_document_get_annotation (theirs, i);

      if (!is_paired (self, annotation, FALSE))
        add_annotation_difference (self, mine, GLOSS_DIFFERENCE_ONLY_THEIRS, NULL, annotation, 0);
    }
}

/* ---- Relations ---- */

static char *
relation_key (const char *from,
              const char *to,
              const char *type)
{
  return g_strjoin ("\x1f", from, to, type, NULL);
}

static GlossAnnotation *
compared_end (GlossComparison *self,
              GlossProject    *project,
              const char      *id,
              gboolean         mine)
{
  GlossAnnotation *annotation = gloss_project_lookup_annotation (project, id);
  GlossDocument *document = annotation != NULL ? gloss_annotation_get_document (annotation) : NULL;

  if (document == NULL || !g_hash_table_contains (mine ? self->theirs_of_mine : self->mine_of_theirs, document))
    return NULL;
  return annotation;
}

static void
add_relation_difference (GlossComparison      *self,
                         GlossDifferenceKind   kind,
                         GlossRelation        *mine,
                         GlossRelation        *theirs,
                         GlossAnnotation      *from,
                         GlossDifferenceFields fields)
{
  GlossDocument *document = gloss_annotation_get_document (from);
  GlossDifference *difference;

  if (mine == NULL)
    document = g_hash_table_lookup (self->mine_of_theirs, document);
  difference = add_difference (self, kind, document, gloss_annotation_get_start (from),
                               gloss_annotation_get_end (from));
  difference->fields = fields;
  difference->mine_relation = mine != NULL ? g_object_ref (mine) : NULL;
  difference->theirs_relation = theirs != NULL ? g_object_ref (theirs) : NULL;
  difference->key = g_strdup_printf ("r%d:%s:%s:%u", kind, mine != NULL ? gloss_relation_get_id (mine) : "",
                                     theirs != NULL ? gloss_relation_get_id (theirs) : "", fields);
}

static void
compare_relations (GlossComparison *self)
{
  GListModel *mine_relations = gloss_project_get_relations (self->mine);
  GListModel *theirs_relations = gloss_project_get_relations (self->theirs);
  g_autoptr(GHashTable) by_ends = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) paired = g_hash_table_new (NULL, NULL);   /* mine's relations */
  guint n_mine = g_list_model_get_n_items (mine_relations);
  guint n_theirs = g_list_model_get_n_items (theirs_relations);

  for (guint i = 0; i < n_mine; i++)
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (mine_relations, i);

      g_hash_table_insert (by_ends, relation_key (gloss_relation_get_from (relation), gloss_relation_get_to (relation),
                                                  gloss_relation_get_type_name (relation)),
                           relation);
    }

  for (guint i = 0; i < n_theirs; i++)
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (theirs_relations, i);
      GlossAnnotation *from = compared_end (self, self->theirs, gloss_relation_get_from (relation), FALSE);
      GlossAnnotation *to = compared_end (self, self->theirs, gloss_relation_get_to (relation), FALSE);
      GlossAnnotation *mine_from = from != NULL ? g_hash_table_lookup (self->mine_annotation, from) : NULL;
      GlossAnnotation *mine_to = to != NULL ? g_hash_table_lookup (self->mine_annotation, to) : NULL;
      GlossRelation *mine = NULL;
      GlossDifferenceFields fields = 0;

      if (from == NULL || to == NULL)
        continue;
      if (mine_from != NULL && mine_to != NULL)
        {
          GlossRelation *same_id = gloss_project_lookup_relation (self->mine, gloss_relation_get_id (relation));
          g_autofree char *key = relation_key (gloss_annotation_get_id (mine_from), gloss_annotation_get_id (mine_to),
                                               gloss_relation_get_type_name (relation));

          /* The same id counts only between the same (matched) ends. */
          if (same_id != NULL && !g_hash_table_contains (paired, same_id) &&
              g_str_equal (gloss_relation_get_from (same_id), gloss_annotation_get_id (mine_from)) &&
              g_str_equal (gloss_relation_get_to (same_id), gloss_annotation_get_id (mine_to)))
            mine = same_id;
          else
            mine = g_hash_table_lookup (by_ends, key);
          if (mine != NULL && g_hash_table_contains (paired, mine))
            mine = NULL;
        }

      if (mine == NULL)
        {
          add_relation_difference (self, GLOSS_DIFFERENCE_ONLY_THEIRS, NULL, relation, from, 0);
          continue;
        }
      g_hash_table_add (paired, mine);
      if (!g_str_equal (gloss_relation_get_type_name (mine), gloss_relation_get_type_name (relation)))
        fields |= GLOSS_DIFFERENCE_TYPE;
      if (!g_str_equal (gloss_relation_get_note (mine), gloss_relation_get_note (relation)))
        fields |= GLOSS_DIFFERENCE_NOTE;
      if (fields != 0)
        add_relation_difference (self, GLOSS_DIFFERENCE_CHANGED, mine, relation, mine_from, fields);
    }

  for (guint i = 0; i < n_mine; i++)
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (mine_relations, i);
      GlossAnnotation *from = compared_end (self, self->mine, gloss_relation_get_from (relation), TRUE);
      GlossAnnotation *to = compared_end (self, self->mine, gloss_relation_get_to (relation), TRUE);

      if (from != NULL && to != NULL && !g_hash_table_contains (paired, relation))
        add_relation_difference (self, GLOSS_DIFFERENCE_ONLY_MINE, relation, NULL, from, 0);
    }
}

/* ---- The whole ---- */

static int
compare_differences (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const GlossDifference *x = *(const GlossDifference **) a;
  const GlossDifference *y = *(const GlossDifference **) b;
  GHashTable *positions = user_data;
  guint px = GPOINTER_TO_UINT (g_hash_table_lookup (positions, x->document));
  guint py = GPOINTER_TO_UINT (g_hash_table_lookup (positions, y->document));
  gboolean rx = x->mine == NULL && x->theirs == NULL;
  gboolean ry = y->mine == NULL && y->theirs == NULL;

  if (px != py)
    return px < py ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  if (rx != ry)
    return rx ? 1 : -1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return strcmp (x->key, y->key);
}

GlossComparison *
gloss_comparison_new (GlossProject *mine,
                      GlossProject *theirs)
{
  GlossComparison *self;
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();
  g_autoptr(GHashTable) positions = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (GLOSS_IS_PROJECT (mine), NULL);
  g_return_val_if_fail (GLOSS_IS_PROJECT (theirs), NULL);

  self = g_new0 (GlossComparison, 1);
  self->mine = g_object_ref (mine);
  self->theirs = g_object_ref (theirs);
  self->differences = g_ptr_array_new_with_free_func ((GDestroyNotify) difference_free);
  self->skipped = g_ptr_array_new_with_free_func (g_free);
  self->theirs_of_mine = g_hash_table_new (NULL, NULL);
  self->mine_of_theirs = g_hash_table_new (NULL, NULL);
  self->mine_annotation = g_hash_table_new (NULL, NULL);
  self->theirs_annotation = g_hash_table_new (NULL, NULL);
  self->mine_tag = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  map_tags (self);
  match_documents (self, documents);
  for (guint i = 0; i < documents->len; i++)
    {
      GlossDocument *document = g_ptr_array_index (documents, i);

      g_hash_table_insert (positions, document, GUINT_TO_POINTER (i));
      compare_document (self, document, g_hash_table_lookup (self->theirs_of_mine, document));
    }
  compare_relations (self);
  g_ptr_array_sort_with_data (self->differences, compare_differences, positions);
  return self;
}
