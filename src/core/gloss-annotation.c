/* gloss-annotation.c — a highlighted span of a document with its tags and note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-conflict.h"
#include "gloss-annotation-private.h"
#include "gloss-document-private.h"

struct _GlossAnnotation
{
  GObject parent_instance;

  char *id;
  GlossDocument *document;  /* unowned: the document owns us */
  GlossOffset start;
  GlossOffset end;

  char *quote;
  char *prefix;
  char *suffix;

  GPtrArray *tags;          /* char*, NULL-terminated */
  char *note;
  GHashTable *attributes;   /* lazily created: most annotations have none */

  char *author;
  GDateTime *created;
  GDateTime *modified;
  GlossAnchorState state;
  GlossConflict *conflict;  /* NULL unless a merge left two versions */
};

G_DEFINE_FINAL_TYPE (GlossAnnotation, gloss_annotation, G_TYPE_OBJECT)

/* Most notes, and many prefixes and authors, are empty: they all share
 * this one, never freed, instead of a g_strdup ("") each (six small
 * allocations per annotation that loading 100,000 of them felt). */
static char empty_string[] = "";

static void
free_string (char *value)
{
  if (value != empty_string)
    g_free (value);
}

static void
gloss_annotation_finalize (GObject *object)
{
  GlossAnnotation *self = GLOSS_ANNOTATION (object);

  g_free (self->id);
  free_string (self->quote);
  free_string (self->prefix);
  free_string (self->suffix);
  g_ptr_array_unref (self->tags);
  free_string (self->note);
  g_clear_pointer (&self->attributes, g_hash_table_unref);
  free_string (self->author);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  gloss_conflict_free (self->conflict);

  G_OBJECT_CLASS (gloss_annotation_parent_class)->finalize (object);
}

static void
gloss_annotation_class_init (GlossAnnotationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_annotation_finalize;
}

static void
gloss_annotation_init (GlossAnnotation *self)
{
  self->tags = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  self->note = empty_string;
  self->quote = empty_string;
  self->prefix = empty_string;
  self->suffix = empty_string;
  self->author = empty_string;
  self->state = GLOSS_ANCHOR_ANCHORED;
}

GlossAnnotation *
gloss_annotation_new (const char  *id,
                      GlossOffset  start,
                      GlossOffset  end)
{
  GlossAnnotation *self = g_object_new (GLOSS_TYPE_ANNOTATION, NULL);

  self->id = id != NULL ? g_strdup (id) : g_uuid_string_random ();
  self->start = start;
  self->end = end;

  return self;
}

/* Tells the document, which emits "annotation-changed" for the views. */
static void
changed (GlossAnnotation *self)
{
  if (self->document != NULL)
    _gloss_document_annotation_changed (self->document, self, self->start, self->end);
}

static void
replace_string (char       **field,
                const char  *value)
{
  char *old = *field;

  *field = value != NULL && *value != '\0' ? g_strdup (value) : empty_string;
  free_string (old);
}

const char *
gloss_annotation_get_id (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return self->id;
}

GlossDocument *
gloss_annotation_get_document (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return self->document;
}

void
_gloss_annotation_set_document (GlossAnnotation *self,
                                GlossDocument   *document)
{
  self->document = document;
}

GlossOffset
gloss_annotation_get_start (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), 0);
  return self->start;
}

GlossOffset
gloss_annotation_get_end (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), 0);
  return self->end;
}

void
gloss_annotation_set_bounds (GlossAnnotation *self,
                             GlossOffset      start,
                             GlossOffset      end)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));
  g_return_if_fail (self->document == NULL);

  self->start = start;
  self->end = end;
}

void
_gloss_annotation_store_bounds (GlossAnnotation *self,
                                GlossOffset      start,
                                GlossOffset      end)
{
  self->start = start;
  self->end = end;
}

const char *
gloss_annotation_get_quote (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return self->quote;
}

const char *
gloss_annotation_get_prefix (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return self->prefix;
}

const char *
gloss_annotation_get_suffix (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return self->suffix;
}

void
gloss_annotation_set_selector (GlossAnnotation *self,
                               const char      *quote,
                               const char      *prefix,
                               const char      *suffix)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));

  replace_string (&self->quote, quote);
  replace_string (&self->prefix, prefix);
  replace_string (&self->suffix, suffix);
}

const char * const *
gloss_annotation_get_tags (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return (const char * const *) self->tags->pdata;
}

guint
gloss_annotation_get_n_tags (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), 0);
  return self->tags->len;
}

gboolean
gloss_annotation_has_tag (GlossAnnotation *self,
                          const char      *tag_id)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), FALSE);

  for (guint i = 0; i < self->tags->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->tags, i), tag_id) == 0)
      return TRUE;

  return FALSE;
}

static void
store_tags (GlossAnnotation    *self,
            const char * const *tag_ids)
{
  g_ptr_array_set_size (self->tags, 0);

  for (guint i = 0; tag_ids != NULL && tag_ids[i] != NULL; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < self->tags->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (self->tags, j), tag_ids[i]);

      if (!seen)
        g_ptr_array_add (self->tags, g_strdup (tag_ids[i]));
    }
}

void
gloss_annotation_set_tags (GlossAnnotation    *self,
                           const char * const *tag_ids)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));

  store_tags (self, tag_ids);
  changed (self);
}

void
gloss_annotation_add_tag (GlossAnnotation *self,
                          const char      *tag_id)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));
  g_return_if_fail (tag_id != NULL);

  if (gloss_annotation_has_tag (self, tag_id))
    return;

  g_ptr_array_add (self->tags, g_strdup (tag_id));
  changed (self);
}

void
gloss_annotation_remove_tag (GlossAnnotation *self,
                             const char      *tag_id)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));

  for (guint i = 0; i < self->tags->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->tags, i), tag_id) == 0)
        {
          g_ptr_array_remove_index (self->tags, i);
          changed (self);
          return;
        }
    }
}

const char *
gloss_annotation_get_note (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return self->note;
}

void
gloss_annotation_set_note (GlossAnnotation *self,
                           const char      *note)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));

  if (g_strcmp0 (self->note, note != NULL ? note : "") == 0)
    return;

  replace_string (&self->note, note);
  changed (self);
}

const char *
gloss_annotation_get_attribute (GlossAnnotation *self,
                                const char      *key)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  if (self->attributes == NULL || key == NULL)
    return NULL;

  return g_hash_table_lookup (self->attributes, key);
}

void
gloss_annotation_set_attribute (GlossAnnotation *self,
                                const char      *key,
                                const char      *value)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));
  g_return_if_fail (key != NULL);

  if (value == NULL)
    {
      if (self->attributes == NULL || !g_hash_table_remove (self->attributes, key))
        return;
    }
  else
    {
      if (self->attributes == NULL)
        self->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      else if (g_strcmp0 (g_hash_table_lookup (self->attributes, key), value) == 0)
        return;

      g_hash_table_replace (self->attributes, g_strdup (key), g_strdup (value));
    }

  changed (self);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char **
gloss_annotation_dup_attribute_keys (GlossAnnotation *self)
{
  GPtrArray *keys;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  keys = g_ptr_array_new ();
  if (self->attributes != NULL)
    {
      g_hash_table_iter_init (&iter, self->attributes);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (keys, g_strdup (key));
    }
  g_ptr_array_sort (keys, compare_strings);
  g_ptr_array_add (keys, NULL);

  return (char **) g_ptr_array_free (keys, FALSE);
}

guint
gloss_annotation_get_n_attributes (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), 0);
  return self->attributes != NULL ? g_hash_table_size (self->attributes) : 0;
}

const char *
gloss_annotation_get_author (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return self->author;
}

void
gloss_annotation_set_author (GlossAnnotation *self,
                             const char      *author)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));
  replace_string (&self->author, author);
}

GDateTime *
gloss_annotation_get_created (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return self->created;
}

static void
replace_date_time (GDateTime **field,
                   GDateTime  *value)
{
  GDateTime *old = *field;

  *field = value != NULL ? g_date_time_ref (value) : NULL;
  if (old != NULL)
    g_date_time_unref (old);
}

void
gloss_annotation_set_created (GlossAnnotation *self,
                              GDateTime       *created)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));
  replace_date_time (&self->created, created);
}

GDateTime *
gloss_annotation_get_modified (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return self->modified;
}

void
gloss_annotation_set_modified (GlossAnnotation *self,
                               GDateTime       *modified)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));
  replace_date_time (&self->modified, modified);
}

GlossAnchorState
gloss_annotation_get_state (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), GLOSS_ANCHOR_ORPHANED);
  return self->state;
}

void
gloss_annotation_set_state (GlossAnnotation  *self,
                            GlossAnchorState  state)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));

  if (self->state == state)
    return;

  self->state = state;
  changed (self);
}

int
gloss_annotation_compare (GlossAnnotation *a,
                          GlossAnnotation *b)
{
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  return strcmp (a->id, b->id);
}

static GHashTable *
copy_attributes (GHashTable *attributes)
{
  GHashTable *copy;
  GHashTableIter iter;
  gpointer key, value;

  if (attributes == NULL || g_hash_table_size (attributes) == 0)
    return NULL;

  copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, attributes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_strdup (value));

  return copy;
}

GlossAnnotationSnapshot *
_gloss_annotation_snapshot (GlossAnnotation *self)
{
  GlossAnnotationSnapshot *snapshot = g_new0 (GlossAnnotationSnapshot, 1);

  snapshot->start = self->start;
  snapshot->end = self->end;
  snapshot->quote = g_strdup (self->quote);
  snapshot->prefix = g_strdup (self->prefix);
  snapshot->suffix = g_strdup (self->suffix);
  snapshot->tags = g_strdupv ((char **) self->tags->pdata);
  snapshot->note = g_strdup (self->note);
  snapshot->attributes = copy_attributes (self->attributes);
  snapshot->state = self->state;
  snapshot->modified = self->modified != NULL ? g_date_time_ref (self->modified) : NULL;
  snapshot->conflict = gloss_conflict_copy (self->conflict);

  return snapshot;
}

void
_gloss_annotation_restore (GlossAnnotation               *self,
                           const GlossAnnotationSnapshot *snapshot)
{
  GlossOffset old_start = self->start;
  GlossOffset old_end = self->end;
  GlossDocument *document = self->document;

  g_object_ref (self);

  if (document != NULL && (snapshot->start != old_start || snapshot->end != old_end))
    _gloss_document_reposition (document, self, snapshot->start, snapshot->end);
  else
    {
      self->start = snapshot->start;
      self->end = snapshot->end;
    }

  replace_string (&self->quote, snapshot->quote);
  replace_string (&self->prefix, snapshot->prefix);
  replace_string (&self->suffix, snapshot->suffix);
  store_tags (self, (const char * const *) snapshot->tags);
  replace_string (&self->note, snapshot->note);
  g_clear_pointer (&self->attributes, g_hash_table_unref);
  self->attributes = copy_attributes (snapshot->attributes);
  self->state = snapshot->state;
  replace_date_time (&self->modified, snapshot->modified);
  gloss_conflict_free (self->conflict);
  self->conflict = gloss_conflict_copy (snapshot->conflict);

  if (document != NULL)
    _gloss_document_annotation_changed (document, self, old_start, old_end);

  g_object_unref (self);
}

void
_gloss_annotation_snapshot_free (GlossAnnotationSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_free (snapshot->quote);
  g_free (snapshot->prefix);
  g_free (snapshot->suffix);
  g_strfreev (snapshot->tags);
  g_free (snapshot->note);
  g_clear_pointer (&snapshot->attributes, g_hash_table_unref);
  g_clear_pointer (&snapshot->modified, g_date_time_unref);
  gloss_conflict_free (snapshot->conflict);
  g_free (snapshot);
}

static gboolean
attributes_equal (GHashTable *a,
                  GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;
  guint a_size = a != NULL ? g_hash_table_size (a) : 0;
  guint b_size = b != NULL ? g_hash_table_size (b) : 0;

  if (a_size != b_size)
    return FALSE;
  if (a_size == 0)
    return TRUE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0)
      return FALSE;

  return TRUE;
}

/* Ignores the modified time: an edit that changed nothing else is no edit. */
gboolean
_gloss_annotation_snapshot_equal (const GlossAnnotationSnapshot *a,
                                  const GlossAnnotationSnapshot *b)
{
  return a->start == b->start &&
         a->end == b->end &&
         a->state == b->state &&
         g_str_equal (a->note, b->note) &&
         g_str_equal (a->quote, b->quote) &&
         g_str_equal (a->prefix, b->prefix) &&
         g_str_equal (a->suffix, b->suffix) &&
         g_strv_equal ((const char * const *) a->tags, (const char * const *) b->tags) &&
         attributes_equal (a->attributes, b->attributes) &&
         gloss_conflict_equal (a->conflict, b->conflict);
}

/* The mark `gloss --merge` leaves on each of two versions (gloss-conflict.h),
 * or NULL. */
const GlossConflict *
gloss_annotation_get_conflict (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return self->conflict;
}

void
gloss_annotation_set_conflict (GlossAnnotation          *self,
                               GlossConflictSide  side,
                               const char        *with)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));
  gloss_conflict_replace (&self->conflict, side, with);
}
