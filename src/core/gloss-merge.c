/* gloss-merge.c — three-way merge of two versions of a project
 *
 * Everything is matched by id. The order of the result is ours, with what
 * only theirs added after it, in theirs' order; saving then puts it in the
 * file's fixed order, so the merged file is what load → save would write.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "gloss-annotation.h"
#include "gloss-document.h"
#include "gloss-merge-private.h"
#include "gloss-project-file.h"
#include "gloss-relation.h"
#include "gloss-tag.h"

GlossMergeOutcome
_gloss_merge_string (const char  *base,
                     const char  *ours,
                     const char  *theirs,
                     const char **out)
{
  *out = ours;
  if (g_strcmp0 (ours, theirs) == 0 || g_strcmp0 (base, theirs) == 0)
    return GLOSS_MERGE_SAME;
  if (g_strcmp0 (base, ours) == 0)
    {
      *out = theirs;
      return GLOSS_MERGE_SAME;
    }

  return GLOSS_MERGE_CONFLICT;
}

char *
_gloss_merge_derive_id (GHashTable *ids,
                        const char *id)
{
  char *derived = g_strconcat (id, "~theirs", NULL);

  for (guint i = 2; g_hash_table_contains (ids, derived); i++)
    {
      g_free (derived);
      derived = g_strdup_printf ("%s~theirs%u", id, i);
    }
  g_hash_table_add (ids, g_strdup (derived));

  return derived;
}

void
_gloss_merge_note_conflict (GlossMerge *merge,
                            const char *format,
                            ...)
{
  va_list args;

  merge->n_conflicts++;
  if (merge->conflicts == NULL)
    return;

  va_start (args, format);
  g_ptr_array_add (merge->conflicts, g_strdup_vprintf (format, args));
  va_end (args);
}

/* ---- Lookups over a list model of things with ids ---- */

typedef const char *(*GetIdFunc) (gpointer item);

/* The ids of ours in order, then those only theirs has, then those only
 * base has (deleted on both sides or one; the caller decides). */
static GPtrArray *
union_of_ids (GListModel *base,
              GListModel *ours,
              GListModel *theirs,
              GetIdFunc   get_id)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *ids = g_ptr_array_new ();
  GListModel *models[] = { ours, theirs, base };

  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    {
      guint n = g_list_model_get_n_items (models[m]);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (models[m], i);
          const char *id = get_id (item);

          if (g_hash_table_add (seen, (gpointer) id))
            g_ptr_array_add (ids, (gpointer) id);
        }
    }

  return ids;
}

/* Where things of one kind live in a project, and how they are named. */
typedef gpointer (*LookupFunc) (GlossProject *project,
                                const char   *id);

typedef struct {
  GListModel *(*list) (GlossProject *project);
  LookupFunc    lookup;
  GetIdFunc     get_id;
} IdKind;

/* One id, with its thing in each version (NULL where it is absent). @ids
 * holds every id of the kind, for pair merges that must make a new one. */
typedef void (*MergeIdFunc) (GlossMerge *merge,
                             const char *id,
                             gpointer    o,
                             gpointer    a,
                             gpointer    b,
                             GHashTable *ids,
                             gpointer    user_data);

/* Calls @func for each id of the three versions once: ours in order, then
 * those only theirs has, then those only the base has. */
static void
merge_by_id (GlossMerge   *merge,
             const IdKind *kind,
             MergeIdFunc   func,
             gpointer      user_data)
{
  g_autoptr(GPtrArray) ids = union_of_ids (kind->list (merge->base), kind->list (merge->ours),
                                           kind->list (merge->theirs), kind->get_id);
  g_autoptr(GHashTable) all = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (all, g_strdup (g_ptr_array_index (ids, i)));

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      func (merge, id, kind->lookup (merge->base, id), kind->lookup (merge->ours, id),
            kind->lookup (merge->theirs, id), all, user_data);
    }
}

/* ---- Tags ---- */

static GlossTag *
copy_tag (GlossTag   *tag,
          const char *id,
          int         digit)
{
  GlossTag *copy = gloss_tag_new (id, gloss_tag_get_name (tag), gloss_tag_get_color (tag), digit);

  gloss_tag_set_description (copy, gloss_tag_get_description (tag));
  return copy;
}

static gboolean
same_tag (GlossTag *a,
          GlossTag *b)
{
  return g_str_equal (gloss_tag_get_name (a), gloss_tag_get_name (b)) &&
         g_ascii_strcasecmp (gloss_tag_get_color (a), gloss_tag_get_color (b)) == 0 &&
         gloss_tag_get_digit (a) == gloss_tag_get_digit (b) &&
         g_str_equal (gloss_tag_get_description (a), gloss_tag_get_description (b));
}

/* Field by field into *@merged; FALSE when a field changed differently
 * on both sides (ours' value is in *@merged then). */
static gboolean
merge_tag_fields (GlossTag  *base,
                  GlossTag  *ours,
                  GlossTag  *theirs,
                  GlossTag **merged)
{
  const char *name, *color, *description;
  g_autofree char *base_digit = base != NULL ? g_strdup_printf ("%d", gloss_tag_get_digit (base)) : NULL;
  g_autofree char *ours_digit = g_strdup_printf ("%d", gloss_tag_get_digit (ours));
  g_autofree char *theirs_digit = g_strdup_printf ("%d", gloss_tag_get_digit (theirs));
  const char *digit;
  gboolean clean = TRUE;

  clean &= _gloss_merge_string (base != NULL ? gloss_tag_get_name (base) : NULL,
                                gloss_tag_get_name (ours), gloss_tag_get_name (theirs), &name) == GLOSS_MERGE_SAME;
  clean &= _gloss_merge_string (base != NULL ? gloss_tag_get_color (base) : NULL,
                                gloss_tag_get_color (ours), gloss_tag_get_color (theirs), &color) == GLOSS_MERGE_SAME;
  clean &= _gloss_merge_string (base_digit, ours_digit, theirs_digit, &digit) == GLOSS_MERGE_SAME;
  clean &= _gloss_merge_string (base != NULL ? gloss_tag_get_description (base) : NULL,
                                gloss_tag_get_description (ours), gloss_tag_get_description (theirs),
                                &description) == GLOSS_MERGE_SAME;

  *merged = gloss_tag_new (gloss_tag_get_id (ours), name, color, atoi (digit));
  gloss_tag_set_description (*merged, description);

  return clean;
}

/* The tag ids the merged annotations carry. */
static GHashTable *
collect_used_tags (GlossProject *project)
{
  GHashTable *used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *documents = gloss_project_get_documents (project);
  guint n_documents = g_list_model_get_n_items (documents);

  for (guint d = 0; d < n_documents; d++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, d);
      guint n = gloss_document_get_n_annotations (document);

      for (guint i = 0; i < n; i++)
        for (const char * const *tag = gloss_annotation_get_tags (gloss_document_get_annotation (document, i));
             *tag != NULL; tag++)
          if (!g_hash_table_contains (used, *tag))
            g_hash_table_add (used, g_strdup (*tag));
    }

  return used;
}

static const IdKind tag_kind = {
  gloss_project_get_tags, (LookupFunc) gloss_project_lookup_tag, (GetIdFunc) gloss_tag_get_id,
};

typedef struct {
  GPtrArray  *merged;  /* GlossTag, in the palette's order */
  GHashTable *used;    /* tag ids the merged annotations carry */
} TagMerge;

static void
merge_tag (GlossMerge *merge,
           const char *id,
           gpointer    base_tag,
           gpointer    ours_tag,
           gpointer    theirs_tag,
           GHashTable *tag_ids,
           gpointer    user_data)
{
  TagMerge *tags = user_data;
  GlossTag *o = base_tag, *a = ours_tag, *b = theirs_tag;
  GlossTag *present = a != NULL ? a : b;
  GlossTag *merged = NULL;

  if (a != NULL && b != NULL)
    {
      if (merge_tag_fields (o, a, b, &merged))
        g_ptr_array_add (tags->merged, merged);
      else
        {
          g_autofree char *theirs_id = _gloss_merge_derive_id (tag_ids, id);

          g_object_unref (merged);
          merged = copy_tag (a, id, gloss_tag_get_digit (a));
          gloss_tag_set_conflict (merged, GLOSS_CONFLICT_OURS, theirs_id);
          g_ptr_array_add (tags->merged, merged);
          merged = copy_tag (b, theirs_id, gloss_tag_get_digit (b));
          gloss_tag_set_conflict (merged, GLOSS_CONFLICT_THEIRS, id);
          g_ptr_array_add (tags->merged, merged);
          _gloss_merge_note_conflict (merge, _("the tag “%s” (%s): changed differently on both sides; both versions kept"),
                                      gloss_tag_get_name (a), id);
        }
    }
  else if (present != NULL && o == NULL)
    g_ptr_array_add (tags->merged, copy_tag (present, id, gloss_tag_get_digit (present)));
  else if (present != NULL)
    {
      /* Deleted on one side. Deleting a tag takes it off every
       * annotation, so the merged annotations still carry it only
       * where the other side put it on again: then it stays. */
      gboolean changed = !same_tag (o, present) || g_hash_table_contains (tags->used, id);

      if (changed)
        {
          GlossConflictSide side = a != NULL ? GLOSS_CONFLICT_OURS : GLOSS_CONFLICT_THEIRS;

          merged = copy_tag (present, id, gloss_tag_get_digit (present));
          gloss_tag_set_conflict (merged, side, "");
          g_ptr_array_add (tags->merged, merged);
          _gloss_merge_note_conflict (merge, side == GLOSS_CONFLICT_OURS
                                      ? _("the tag “%s” (%s): deleted on their side and changed or used on ours; kept")
                                      : _("the tag “%s” (%s): deleted on our side and changed or used on theirs; kept"),
                                      gloss_tag_get_name (present), id);
        }
    }
}

static void
merge_tags (GlossMerge *merge)
{
  g_autoptr(GPtrArray) merged = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) used = collect_used_tags (merge->result);
  TagMerge tags = { merged, used };
  gboolean digit_taken[10] = { FALSE };

  merge_by_id (merge, &tag_kind, merge_tag, &tags);

  /* Two sides may each have given a digit to a different tag: the first
   * in the palette's order keeps it. */
  for (guint i = 0; i < merged->len; i++)
    {
      GlossTag *tag = g_ptr_array_index (merged, i);
      int digit = gloss_tag_get_digit (tag);

      if (digit >= 0 && digit_taken[digit])
        gloss_tag_set_digit (tag, -1);
      else if (digit >= 0)
        digit_taken[digit] = TRUE;
      gloss_project_insert_tag (merge->result, tag);
    }
}

/* A tag deleted on one side and left alone on the other is gone: take it
 * off any annotation that still has it (as deleting it in the window
 * does). */
static void
drop_deleted_tags (GlossMerge *merge)
{
  GListModel *documents = gloss_project_get_documents (merge->result);
  guint n_documents = g_list_model_get_n_items (documents);

  for (guint d = 0; d < n_documents; d++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, d);
      guint n = gloss_document_get_n_annotations (document);

      for (guint i = 0; i < n; i++)
        {
          GlossAnnotation *annotation = gloss_document_get_annotation (document, i);
          const char * const *tags = gloss_annotation_get_tags (annotation);

          for (guint t = 0; tags[t] != NULL; t++)
            if (gloss_project_lookup_tag (merge->result, tags[t]) == NULL)
              {
                g_autofree char *tag_id = g_strdup (tags[t]);

                gloss_annotation_remove_tag (annotation, tag_id);
                t--;
              }
        }
    }
}

/* ---- Relation types: a list merged as a set ---- */

static void
merge_relation_types (GlossMerge *merge)
{
  const char * const *base = gloss_project_get_relation_types (merge->base);
  const char * const *ours = gloss_project_get_relation_types (merge->ours);
  const char * const *theirs = gloss_project_get_relation_types (merge->theirs);

  for (guint i = 0; ours[i] != NULL; i++)
    if (g_strv_contains (theirs, ours[i]) || !g_strv_contains (base, ours[i]))
      gloss_project_insert_relation_type (merge->result, ours[i]);
  for (guint i = 0; theirs[i] != NULL; i++)
    if (!g_strv_contains (ours, theirs[i]) && !g_strv_contains (base, theirs[i]))
      gloss_project_insert_relation_type (merge->result, theirs[i]);

  /* The list is never empty: if both emptied it between them, ours stays. */
  if (gloss_project_get_relation_types (merge->result)[0] == NULL)
    for (guint i = 0; ours[i] != NULL; i++)
      gloss_project_insert_relation_type (merge->result, ours[i]);
}

/* ---- Documents ---- */

static GlossDocument *
copy_document_fields (GlossDocument *document,
                      const char    *id,
                      const char    *title,
                      const char    *source,
                      const char    *text)
{
  GlossDocument *copy = gloss_document_new (id, title, text);

  gloss_document_set_source (copy, source);
  gloss_document_set_imported (copy, gloss_document_get_imported (document));
  gloss_document_set_provenance (copy, gloss_document_get_provenance (document));
  return copy;
}

static gboolean
document_unchanged (GlossDocument *base,
                    GlossDocument *present)
{
  guint n = gloss_document_get_n_annotations (present);

  if (!g_str_equal (gloss_document_get_title (base), gloss_document_get_title (present)) ||
      !g_str_equal (gloss_document_get_source (base), gloss_document_get_source (present)) ||
      !g_str_equal (gloss_document_get_text (base), gloss_document_get_text (present)) ||
      n != gloss_document_get_n_annotations (base))
    return FALSE;

  /* Same ids in the same places with the same content: let the annotation
   * merge decide, by merging the present version with itself against the
   * base. Cheaper: compare what is saved. */
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = gloss_document_get_annotation (present, i);
      GlossAnnotation *o = gloss_document_lookup_annotation (base, gloss_annotation_get_id (a));

      if (o == NULL || gloss_annotation_compare (a, o) != 0 ||
          gloss_annotation_get_state (a) != gloss_annotation_get_state (o) ||
          !g_str_equal (gloss_annotation_get_note (a), gloss_annotation_get_note (o)) ||
          gloss_annotation_get_n_tags (a) != gloss_annotation_get_n_tags (o) ||
          gloss_annotation_get_n_attributes (a) != gloss_annotation_get_n_attributes (o))
        return FALSE;

      for (const char * const *tag = gloss_annotation_get_tags (a); *tag != NULL; tag++)
        if (!gloss_annotation_has_tag (o, *tag))
          return FALSE;
      if (gloss_annotation_get_n_attributes (a) > 0)
        {
          g_auto(GStrv) keys = gloss_annotation_dup_attribute_keys (a);

          for (guint k = 0; keys[k] != NULL; k++)
            if (g_strcmp0 (gloss_annotation_get_attribute (a, keys[k]),
                           gloss_annotation_get_attribute (o, keys[k])) != 0)
              return FALSE;
        }
    }

  return TRUE;
}

static void
merge_document_pair (GlossMerge    *merge,
                     GlossDocument *o,
                     GlossDocument *a,
                     GlossDocument *b,
                     GHashTable    *document_ids)
{
  const char *id = gloss_document_get_id (a);
  const char *title, *source, *text;
  gboolean clean = TRUE;
  g_autoptr(GlossDocument) merged = NULL;

  clean &= _gloss_merge_string (o != NULL ? gloss_document_get_title (o) : NULL,
                                gloss_document_get_title (a), gloss_document_get_title (b), &title) == GLOSS_MERGE_SAME;
  clean &= _gloss_merge_string (o != NULL ? gloss_document_get_source (o) : NULL,
                                gloss_document_get_source (a), gloss_document_get_source (b), &source) == GLOSS_MERGE_SAME;
  clean &= _gloss_merge_string (o != NULL ? gloss_document_get_text (o) : NULL,
                                gloss_document_get_text (a), gloss_document_get_text (b), &text) == GLOSS_MERGE_SAME;

  if (clean)
    {
      /* Where the text came from, as one value: theirs when only theirs
       * changed it, else ours. */
      gboolean theirs_changed = o != NULL
                                && gloss_provenance_equal (gloss_document_get_provenance (o), gloss_document_get_provenance (a))
                                && !gloss_provenance_equal (gloss_document_get_provenance (o), gloss_document_get_provenance (b));

      merged = copy_document_fields (theirs_changed ? b : a, id, title, source, text);
    }
  else
    {
      /* Ours keeps the annotations of both (theirs re-anchored onto our
       * text); theirs' title, source and text stay beside it, marked, for
       * the analyst to choose. */
      g_autofree char *theirs_id = _gloss_merge_derive_id (document_ids, id);
      g_autoptr(GlossDocument) theirs_version = copy_document_fields (b, theirs_id,
                                                                       gloss_document_get_title (b),
                                                                       gloss_document_get_source (b),
                                                                       gloss_document_get_text (b));

      merged = copy_document_fields (a, id, gloss_document_get_title (a),
                                     gloss_document_get_source (a), gloss_document_get_text (a));
      gloss_document_set_conflict (merged, GLOSS_CONFLICT_OURS, theirs_id);
      gloss_document_set_conflict (theirs_version, GLOSS_CONFLICT_THEIRS, id);
      _gloss_merge_annotations (merge, o, a, b, merged);
      gloss_project_insert_document (merge->result, merged);
      gloss_project_insert_document (merge->result, theirs_version);
      _gloss_merge_note_conflict (merge, _("the document “%s” (%s): its title, source or text changed differently on both sides; both versions kept"),
                                  gloss_document_get_title (a), id);
      return;
    }

  _gloss_merge_annotations (merge, o, a, b, merged);
  gloss_project_insert_document (merge->result, merged);
}

static const IdKind document_kind = {
  gloss_project_get_documents, (LookupFunc) gloss_project_lookup_document,
  (GetIdFunc) gloss_document_get_id,
};

static void
merge_document (GlossMerge *merge,
                const char *id,
                gpointer    base_document,
                gpointer    ours_document,
                gpointer    theirs_document,
                GHashTable *document_ids,
                gpointer    user_data)
{
  GlossDocument *o = base_document, *a = ours_document, *b = theirs_document;
  GlossDocument *present = a != NULL ? a : b;
  GlossConflictSide side = a != NULL ? GLOSS_CONFLICT_OURS : GLOSS_CONFLICT_THEIRS;
  g_autoptr(GlossDocument) copy = NULL;

  if (a != NULL && b != NULL)
    {
      merge_document_pair (merge, o, a, b, document_ids);
      return;
    }
  if (present == NULL || (o != NULL && document_unchanged (o, present)))
    return;

  /* Added on one side, or deleted on one and changed on the other:
   * that side's document as it is. */
  copy = copy_document_fields (present, id, gloss_document_get_title (present),
                               gloss_document_get_source (present), gloss_document_get_text (present));
  if (o != NULL)
    {
      gloss_document_set_conflict (copy, side, "");
      _gloss_merge_note_conflict (merge, side == GLOSS_CONFLICT_OURS
                                  ? _("the document “%s” (%s): deleted on their side and changed on ours; kept")
                                  : _("the document “%s” (%s): deleted on our side and changed on theirs; kept"),
                                  gloss_document_get_title (present), id);
    }
  _gloss_merge_annotations (merge, NULL, side == GLOSS_CONFLICT_OURS ? present : NULL,
                            side == GLOSS_CONFLICT_THEIRS ? present : NULL, copy);
  gloss_project_insert_document (merge->result, copy);
}

static void
merge_documents (GlossMerge *merge)
{
  merge_by_id (merge, &document_kind, merge_document, NULL);
}

/* ---- Relations ---- */

static GlossRelation *
copy_relation (GlossRelation *relation,
               const char    *id,
               const char    *type,
               const char    *from,
               const char    *to,
               const char    *note)
{
  GlossRelation *copy = gloss_relation_new (id, type, from, to);

  gloss_relation_set_note (copy, note);
  gloss_relation_set_author (copy, gloss_relation_get_author (relation));
  return copy;
}

static gboolean
same_relation (GlossRelation *a,
               GlossRelation *b)
{
  return g_str_equal (gloss_relation_get_type_name (a), gloss_relation_get_type_name (b)) &&
         g_str_equal (gloss_relation_get_from (a), gloss_relation_get_from (b)) &&
         g_str_equal (gloss_relation_get_to (a), gloss_relation_get_to (b)) &&
         g_str_equal (gloss_relation_get_note (a), gloss_relation_get_note (b));
}

static void
insert_relation (GlossMerge    *merge,
                 GlossRelation *relation)
{
  /* A relation to an annotation the merge deleted goes with it, as it
   * would in the window. */
  if (gloss_project_lookup_annotation (merge->result, gloss_relation_get_from (relation)) != NULL &&
      gloss_project_lookup_annotation (merge->result, gloss_relation_get_to (relation)) != NULL)
    gloss_project_insert_relation (merge->result, relation);
}

static void
merge_relation_pair (GlossMerge    *merge,
                     GlossRelation *o,
                     GlossRelation *a,
                     GlossRelation *b,
                     GHashTable    *relation_ids)
{
  const char *id = gloss_relation_get_id (a);
  const char *type, *from, *to, *note;
  gboolean clean = TRUE;
  g_autoptr(GlossRelation) merged = NULL;
  g_autoptr(GlossRelation) theirs_version = NULL;
  g_autofree char *theirs_id = NULL;

#define MERGE_FIELD(getter, out) \
  clean &= _gloss_merge_string (o != NULL ? getter (o) : NULL, getter (a), getter (b), out) == GLOSS_MERGE_SAME
  MERGE_FIELD (gloss_relation_get_type_name, &type);
  MERGE_FIELD (gloss_relation_get_from, &from);
  MERGE_FIELD (gloss_relation_get_to, &to);
  MERGE_FIELD (gloss_relation_get_note, &note);
#undef MERGE_FIELD

  if (clean)
    {
      merged = copy_relation (a, id, type, from, to, note);
      insert_relation (merge, merged);
      return;
    }

  theirs_id = _gloss_merge_derive_id (relation_ids, id);
  merged = copy_relation (a, id, gloss_relation_get_type_name (a), gloss_relation_get_from (a),
                          gloss_relation_get_to (a), gloss_relation_get_note (a));
  gloss_relation_set_conflict (merged, GLOSS_CONFLICT_OURS, theirs_id);
  theirs_version = copy_relation (b, theirs_id, gloss_relation_get_type_name (b), gloss_relation_get_from (b),
                                  gloss_relation_get_to (b), gloss_relation_get_note (b));
  gloss_relation_set_conflict (theirs_version, GLOSS_CONFLICT_THEIRS, id);
  insert_relation (merge, merged);
  insert_relation (merge, theirs_version);
  _gloss_merge_note_conflict (merge, _("the relation %s (%s): changed differently on both sides; both versions kept"),
                              id, gloss_relation_get_type_name (a));
}

static const IdKind relation_kind = {
  gloss_project_get_relations, (LookupFunc) gloss_project_lookup_relation,
  (GetIdFunc) gloss_relation_get_id,
};

static void
merge_relation (GlossMerge *merge,
                const char *id,
                gpointer    base_relation,
                gpointer    ours_relation,
                gpointer    theirs_relation,
                GHashTable *relation_ids,
                gpointer    user_data)
{
  GlossRelation *o = base_relation, *a = ours_relation, *b = theirs_relation;
  GlossRelation *present = a != NULL ? a : b;
  g_autoptr(GlossRelation) copy = NULL;

  if (a != NULL && b != NULL)
    {
      merge_relation_pair (merge, o, a, b, relation_ids);
      return;
    }
  if (present == NULL || (o != NULL && same_relation (o, present)))
    return;

  copy = copy_relation (present, id, gloss_relation_get_type_name (present),
                        gloss_relation_get_from (present), gloss_relation_get_to (present),
                        gloss_relation_get_note (present));
  if (o != NULL)
    {
      GlossConflictSide side = a != NULL ? GLOSS_CONFLICT_OURS : GLOSS_CONFLICT_THEIRS;

      gloss_relation_set_conflict (copy, side, "");
      _gloss_merge_note_conflict (merge, side == GLOSS_CONFLICT_OURS
                                  ? _("the relation %s (%s): deleted on their side and changed on ours; kept")
                                  : _("the relation %s (%s): deleted on our side and changed on theirs; kept"),
                                  id, gloss_relation_get_type_name (present));
    }
  insert_relation (merge, copy);
}

static void
merge_relations (GlossMerge *merge)
{
  merge_by_id (merge, &relation_kind, merge_relation, NULL);
}

/* ---- The project ---- */

static void
collect_annotation_ids (GHashTable   *ids,
                        GlossProject *project)
{
  GListModel *documents = gloss_project_get_documents (project);
  guint n_documents = g_list_model_get_n_items (documents);

  for (guint d = 0; d < n_documents; d++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, d);
      guint n = gloss_document_get_n_annotations (document);

      for (guint i = 0; i < n; i++)
        g_hash_table_add (ids, g_strdup (gloss_annotation_get_id (gloss_document_get_annotation (document, i))));
    }
}

GlossProject *
gloss_merge_projects (GlossProject *base,
                      GlossProject *ours,
                      GlossProject *theirs,
                      GPtrArray    *conflicts)
{
  GlossMerge merge = { base, ours, theirs, gloss_project_new_empty (), NULL, conflicts, 0 };
  const char *title;
  GDateTime *ours_modified, *theirs_modified;

  g_return_val_if_fail (GLOSS_IS_PROJECT (base), NULL);
  g_return_val_if_fail (GLOSS_IS_PROJECT (ours), NULL);
  g_return_val_if_fail (GLOSS_IS_PROJECT (theirs), NULL);

  merge.annotation_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  collect_annotation_ids (merge.annotation_ids, ours);
  collect_annotation_ids (merge.annotation_ids, theirs);

  /* The title is one line of text: ours when both changed it. */
  _gloss_merge_string (gloss_project_get_title (base), gloss_project_get_title (ours),
                       gloss_project_get_title (theirs), &title);
  gloss_project_set_title_raw (merge.result, title);
  gloss_project_set_created (merge.result, gloss_project_get_created (ours));
  ours_modified = gloss_project_get_modified (ours);
  theirs_modified = gloss_project_get_modified (theirs);
  gloss_project_set_modified (merge.result, g_date_time_compare (ours_modified, theirs_modified) >= 0
                                            ? ours_modified : theirs_modified);

  merge_relation_types (&merge);
  /* Annotations before tags: whether a tag one side deleted is still used
   * depends on the merged annotations. */
  merge_documents (&merge);
  merge_tags (&merge);
  drop_deleted_tags (&merge);
  merge_relations (&merge);

  g_hash_table_unref (merge.annotation_ids);
  gloss_project_mark_saved (merge.result);

  return merge.result;
}

gboolean
gloss_merge_files (GFile      *base_file,
                   GFile      *ours_file,
                   GFile      *theirs_file,
                   GPtrArray  *conflicts,
                   guint      *n_conflicts,
                   GError    **error)
{
  g_autoptr(GlossProject) base = NULL;
  g_autoptr(GlossProject) ours = NULL;
  g_autoptr(GlossProject) theirs = NULL;
  g_autoptr(GlossProject) merged = NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) bytes = NULL;

  *n_conflicts = 0;
  if ((base = gloss_project_load (base_file, error)) == NULL ||
      (ours = gloss_project_load (ours_file, error)) == NULL ||
      (theirs = gloss_project_load (theirs_file, error)) == NULL)
    return FALSE;

  merged = gloss_merge_projects (base, ours, theirs, messages);
  bytes = gloss_project_serialize (merged);
  if (!gloss_write_file_atomically (ours_file, bytes, error))
    return FALSE;

  *n_conflicts = messages->len;
  if (conflicts != NULL)
    for (guint i = 0; i < messages->len; i++)
      g_ptr_array_add (conflicts, g_strdup (g_ptr_array_index (messages, i)));

  return TRUE;
}
