/* gloss-document.c — an article's text and its annotations in text order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-conflict.h"
#include "gloss-annotation-private.h"
#include "gloss-annotation-tree.h"
#include "gloss-document-private.h"
#include "gloss-offset-table.h"
#include "gloss-provenance.h"
#include "gloss-utf8.h"

struct _GlossDocument
{
  GObject parent_instance;

  char *id;
  char *title;
  char *source;
  GDateTime *imported;
  GlossProvenance *provenance;
  GlossProject *project;   /* unowned */

  char *text;
  gsize text_size;
  GlossOffset length;
  char *sha256;            /* lazily computed */

  GlossOffsetTable *offsets;  /* lazily built */
  /* The lazy caches may be filled from an autosave's worker thread while
   * the main thread reads too. */
  GMutex cache_lock;

  GlossAnnotationTree *annotations;
  GHashTable *annotations_by_id;  /* id → GlossAnnotation (unowned) */
  GlossConflict *conflict;  /* NULL unless a merge left two versions */
};

static void gloss_document_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossDocument, gloss_document, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      gloss_document_list_model_init))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_TEXT,
  PROP_PROVENANCE,
  N_PROPS
};

enum {
  ANNOTATION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GType
gloss_document_get_item_type (GListModel *model)
{
  return GLOSS_TYPE_ANNOTATION;
}

static guint
gloss_document_get_n_items (GListModel *model)
{
  return gloss_annotation_tree_get_size (GLOSS_DOCUMENT (model)->annotations);
}

static gpointer
gloss_document_get_item (GListModel *model,
                         guint       position)
{
  GlossAnnotation *annotation =
    gloss_annotation_tree_get_nth (GLOSS_DOCUMENT (model)->annotations, position);

  return annotation != NULL ? g_object_ref (annotation) : NULL;
}

static void
gloss_document_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = gloss_document_get_item_type;
  iface->get_n_items = gloss_document_get_n_items;
  iface->get_item = gloss_document_get_item;
}

static void
detach_annotation_cb (gpointer key,
                      gpointer value,
                      gpointer user_data)
{
  _gloss_annotation_set_document (value, NULL);
}

static void
gloss_document_finalize (GObject *object)
{
  GlossDocument *self = GLOSS_DOCUMENT (object);

  g_hash_table_foreach (self->annotations_by_id, detach_annotation_cb, NULL);
  g_hash_table_unref (self->annotations_by_id);
  gloss_annotation_tree_free (self->annotations);
  g_free (self->id);
  g_free (self->title);
  g_free (self->source);
  g_clear_pointer (&self->imported, g_date_time_unref);
  g_clear_object (&self->provenance);
  g_free (self->text);
  g_free (self->sha256);
  gloss_conflict_free (self->conflict);
  g_clear_pointer (&self->offsets, gloss_offset_table_free);
  g_mutex_clear (&self->cache_lock);

  G_OBJECT_CLASS (gloss_document_parent_class)->finalize (object);
}

static void
gloss_document_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GlossDocument *self = GLOSS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_PROVENANCE:
      g_value_set_object (value, self->provenance);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_class_init (GlossDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_document_finalize;
  object_class->get_property = gloss_document_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The object stays the same for the document's life; "notify::provenance"
   * tells that gloss_document_set_provenance() changed its values. */
  properties[PROP_PROVENANCE] =
    g_param_spec_object ("provenance", NULL, NULL, GLOSS_TYPE_PROVENANCE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossDocument::annotation-changed:
   * @annotation: the annotation that changed
   * @old_start: where it started before
   * @old_end: where it ended before
   *
   * Its tags, note, attributes, state or bounds changed: views redraw both
   * the old and the new range.
   */
  signals[ANNOTATION_CHANGED] =
    g_signal_new ("annotation-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, GLOSS_TYPE_ANNOTATION, G_TYPE_UINT, G_TYPE_UINT);
}

static void
gloss_document_init (GlossDocument *self)
{
  g_mutex_init (&self->cache_lock);
  self->annotations = gloss_annotation_tree_new ();
  self->annotations_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->title = g_strdup ("");
  self->source = g_strdup ("");
  self->provenance = gloss_provenance_new ();
}

static void
store_text (GlossDocument *self,
            const char    *text)
{
  g_free (self->text);
  self->text = g_strdup (text != NULL ? text : "");
  self->text_size = strlen (self->text);
  self->length = gloss_utf8_count (self->text, self->text_size);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->offsets, gloss_offset_table_free);
}

GlossDocument *
gloss_document_new (const char *id,
                    const char *title,
                    const char *text)
{
  GlossDocument *self;

  g_return_val_if_fail (text == NULL || g_utf8_validate (text, -1, NULL), NULL);

  self = g_object_new (GLOSS_TYPE_DOCUMENT, NULL);
  self->id = id != NULL ? g_strdup (id) : g_uuid_string_random ();
  g_free (self->title);
  self->title = g_strdup (title != NULL ? title : "");
  store_text (self, text);

  return self;
}

const char *
gloss_document_get_id (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->id;
}

GlossProject *
gloss_document_get_project (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->project;
}

void
_gloss_document_set_project (GlossDocument *self,
                             GlossProject  *project)
{
  self->project = project;
}

const char *
gloss_document_get_title (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->title;
}

void
gloss_document_set_title (GlossDocument *self,
                          const char    *title)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  if (title == NULL)
    title = "";
  if (g_str_equal (self->title, title))
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
gloss_document_get_source (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->source;
}

void
gloss_document_set_source (GlossDocument *self,
                           const char    *source)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  g_free (self->source);
  self->source = g_strdup (source != NULL ? source : "");
}

GDateTime *
gloss_document_get_imported (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->imported;
}

void
gloss_document_set_imported (GlossDocument *self,
                             GDateTime     *imported)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  g_clear_pointer (&self->imported, g_date_time_unref);
  if (imported != NULL)
    self->imported = g_date_time_ref (imported);
}

GlossProvenance *
gloss_document_get_provenance (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->provenance;
}

void
gloss_document_set_provenance (GlossDocument   *self,
                               GlossProvenance *provenance)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));
  g_return_if_fail (provenance == NULL || GLOSS_IS_PROVENANCE (provenance));

  if (provenance != NULL ? gloss_provenance_equal (self->provenance, provenance)
                         : gloss_provenance_is_empty (self->provenance))
    return;

  gloss_provenance_assign (self->provenance, provenance);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVENANCE]);
}

const char *
gloss_document_get_text (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->text;
}

gsize
gloss_document_get_text_size (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);
  return self->text_size;
}

GlossOffset
gloss_document_get_length (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);
  return self->length;
}

const char *
gloss_document_get_sha256 (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  if (g_atomic_pointer_get (&self->sha256) == NULL)
    {
      g_mutex_lock (&self->cache_lock);
      if (self->sha256 == NULL)
        g_atomic_pointer_set (&self->sha256,
                              g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                           (const guchar *) self->text,
                                                           self->text_size));
      g_mutex_unlock (&self->cache_lock);
    }

  return self->sha256;
}

/* The offset table, built by whichever thread asks first (an autosave's
 * worker may, while the main thread reads). */
static const GlossOffsetTable *
offsets (GlossDocument *self)
{
  GlossOffsetTable *table = g_atomic_pointer_get (&self->offsets);

  if (table != NULL)
    return table;

  g_mutex_lock (&self->cache_lock);
  if (self->offsets == NULL)
    g_atomic_pointer_set (&self->offsets,
                          gloss_offset_table_new (self->text, self->text_size, self->length));
  table = self->offsets;
  g_mutex_unlock (&self->cache_lock);

  return table;
}

gsize
gloss_document_offset_to_byte (GlossDocument *self,
                               GlossOffset    offset)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);

  if (offset >= self->length)
    return self->text_size;

  return gloss_offset_table_to_byte (offsets (self), offset);
}

gsize
gloss_document_offset_to_utf16 (GlossDocument *self,
                                GlossOffset    offset)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);

  return gloss_offset_table_to_utf16 (offsets (self), offset);
}

GlossOffset
gloss_document_byte_to_offset (GlossDocument *self,
                               gsize          byte)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);

  if (byte >= self->text_size)
    return self->length;

  return gloss_offset_table_from_byte (offsets (self), byte);
}

char *
gloss_document_dup_slice (GlossDocument *self,
                          GlossOffset    start,
                          GlossOffset    end)
{
  gsize start_byte, end_byte;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  if (end < start)
    end = start;

  start_byte = gloss_document_offset_to_byte (self, start);
  end_byte = gloss_document_offset_to_byte (self, end);

  return g_strndup (self->text + start_byte, end_byte - start_byte);
}

guint
gloss_document_get_n_annotations (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);
  return gloss_annotation_tree_get_size (self->annotations);
}

GlossAnnotation *
gloss_document_get_annotation (GlossDocument *self,
                               guint          position)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return gloss_annotation_tree_get_nth (self->annotations, position);
}

guint
gloss_document_get_annotation_position (GlossDocument   *self,
                                        GlossAnnotation *annotation)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), G_MAXUINT);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), G_MAXUINT);

  if (gloss_annotation_get_document (annotation) != self)
    return G_MAXUINT;

  return gloss_annotation_tree_get_rank (self->annotations, annotation);
}

GlossAnnotation *
gloss_document_lookup_annotation (GlossDocument *self,
                                  const char    *id)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->annotations_by_id, id);
}

static gboolean
collect_cb (GlossAnnotation *annotation,
            gpointer         user_data)
{
  g_ptr_array_add (user_data, annotation);
  return TRUE;
}

GPtrArray *
gloss_document_annotations_at (GlossDocument *self,
                               GlossOffset    offset)
{
  return gloss_document_annotations_in_range (self, offset, offset + 1);
}

GPtrArray *
gloss_document_annotations_in_range (GlossDocument *self,
                                     GlossOffset    start,
                                     GlossOffset    end)
{
  GPtrArray *result;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  result = g_ptr_array_new ();
  gloss_annotation_tree_foreach_overlapping (self->annotations, start, end, collect_cb, result);

  return result;
}

void
gloss_document_foreach_in_range (GlossDocument       *self,
                                 GlossOffset          start,
                                 GlossOffset          end,
                                 GlossAnnotationFunc  func,
                                 gpointer             user_data)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));
  gloss_annotation_tree_foreach_overlapping (self->annotations, start, end, func, user_data);
}

GlossAnnotation *
gloss_document_next_annotation (GlossDocument *self,
                                GlossOffset    offset)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  if (offset == G_MAXUINT)
    return NULL;

  return gloss_annotation_tree_get_nth (self->annotations,
                                        gloss_annotation_tree_lower_bound (self->annotations, offset + 1));
}

GlossAnnotation *
gloss_document_previous_annotation (GlossDocument *self,
                                    GlossOffset    offset)
{
  guint rank;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  rank = gloss_annotation_tree_lower_bound (self->annotations, offset);
  if (rank == 0)
    return NULL;

  return gloss_annotation_tree_get_nth (self->annotations, rank - 1);
}

void
gloss_document_dup_selector (GlossDocument *self,
                             GlossOffset    start,
                             GlossOffset    end,
                             char         **quote,
                             char         **prefix,
                             char         **suffix)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  *quote = gloss_document_dup_slice (self, start, end);
  *prefix = gloss_document_dup_slice (self,
                                      start > GLOSS_CONTEXT_LENGTH ? start - GLOSS_CONTEXT_LENGTH : 0,
                                      start);
  *suffix = gloss_document_dup_slice (self, end,
                                      end > G_MAXUINT - GLOSS_CONTEXT_LENGTH ? G_MAXUINT : end + GLOSS_CONTEXT_LENGTH);
}

void
gloss_document_refresh_selector (GlossDocument   *self,
                                 GlossAnnotation *annotation)
{
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;

  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  gloss_document_dup_selector (self,
                               gloss_annotation_get_start (annotation),
                               gloss_annotation_get_end (annotation),
                               &quote, &prefix, &suffix);
  gloss_annotation_set_selector (annotation, quote, prefix, suffix);
}

static void
add_annotation (GlossDocument   *self,
                GlossAnnotation *annotation,
                gboolean         refresh_selector)
{
  guint position;

  g_return_if_fail (GLOSS_IS_DOCUMENT (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));
  g_return_if_fail (gloss_annotation_get_document (annotation) == NULL);
  /* Only an orphan may be empty: in an empty text it has nowhere to be. */
  g_return_if_fail (gloss_annotation_get_start (annotation) < gloss_annotation_get_end (annotation) ||
                    (gloss_annotation_get_start (annotation) == gloss_annotation_get_end (annotation) &&
                     gloss_annotation_get_state (annotation) == GLOSS_ANCHOR_ORPHANED));
  g_return_if_fail (gloss_annotation_get_end (annotation) <= self->length);
  g_return_if_fail (!g_hash_table_contains (self->annotations_by_id,
                                            gloss_annotation_get_id (annotation)));

  if (refresh_selector && gloss_annotation_get_state (annotation) != GLOSS_ANCHOR_ORPHANED)
    gloss_document_refresh_selector (self, annotation);
  position = gloss_annotation_tree_insert (self->annotations, annotation);
  g_hash_table_insert (self->annotations_by_id,
                       (gpointer) gloss_annotation_get_id (annotation), annotation);
  _gloss_annotation_set_document (annotation, self);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

void
gloss_document_add_annotation (GlossDocument   *self,
                               GlossAnnotation *annotation)
{
  add_annotation (self, annotation, TRUE);
}

/* Loading checks the file's quote, prefix and suffix against the text
 * itself (one offset conversion and three comparisons) and then needs
 * them not sliced again: five conversions and three copies less for each
 * annotation. */
void
_gloss_document_add_annotation_keeping_selector (GlossDocument   *self,
                                                 GlossAnnotation *annotation)
{
  add_annotation (self, annotation, FALSE);
}

void
gloss_document_remove_annotation (GlossDocument   *self,
                                  GlossAnnotation *annotation)
{
  g_autoptr(GlossAnnotation) hold = NULL;
  guint position;

  g_return_if_fail (GLOSS_IS_DOCUMENT (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));
  g_return_if_fail (gloss_annotation_get_document (annotation) == self);

  hold = g_object_ref (annotation);
  g_hash_table_remove (self->annotations_by_id, gloss_annotation_get_id (annotation));
  position = gloss_annotation_tree_remove (self->annotations, annotation);
  _gloss_annotation_set_document (annotation, NULL);

  if (position != G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

void
_gloss_document_reposition (GlossDocument   *self,
                            GlossAnnotation *annotation,
                            GlossOffset      start,
                            GlossOffset      end)
{
  G_GNUC_UNUSED g_autoptr(GlossAnnotation) hold = g_object_ref (annotation);
  guint old_position;
  guint new_position;

  old_position = gloss_annotation_tree_remove (self->annotations, annotation);
  _gloss_annotation_store_bounds (annotation, start, end);
  new_position = gloss_annotation_tree_insert (self->annotations, annotation);

  if (old_position == new_position)
    g_list_model_items_changed (G_LIST_MODEL (self), new_position, 1, 1);
  else
    {
      /* Each signal must describe the list as it is when emitted
       * (GtkListView asserts otherwise): take the annotation out again,
       * announce the removal, then put it back and announce that. */
      gloss_annotation_tree_remove (self->annotations, annotation);
      if (old_position != G_MAXUINT)
        g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
      new_position = gloss_annotation_tree_insert (self->annotations, annotation);
      g_list_model_items_changed (G_LIST_MODEL (self), new_position, 0, 1);
    }
}

void
gloss_document_move_annotation (GlossDocument   *self,
                                GlossAnnotation *annotation,
                                GlossOffset      start,
                                GlossOffset      end)
{
  GlossOffset old_start;
  GlossOffset old_end;

  g_return_if_fail (GLOSS_IS_DOCUMENT (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));
  g_return_if_fail (gloss_annotation_get_document (annotation) == self);

  old_start = gloss_annotation_get_start (annotation);
  old_end = gloss_annotation_get_end (annotation);
  if (old_start == start && old_end == end)
    return;

  _gloss_document_reposition (self, annotation, start, end);
  gloss_document_refresh_selector (self, annotation);
  _gloss_document_annotation_changed (self, annotation, old_start, old_end);
}

void
gloss_document_set_text (GlossDocument *self,
                         const char    *text)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));
  g_return_if_fail (text != NULL && g_utf8_validate (text, -1, NULL));

  if (g_str_equal (self->text, text))
    return;

  store_text (self, text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

void
_gloss_document_annotation_changed (GlossDocument   *self,
                                    GlossAnnotation *annotation,
                                    GlossOffset      old_start,
                                    GlossOffset      old_end)
{
  g_signal_emit (self, signals[ANNOTATION_CHANGED], 0, annotation, old_start, old_end);
}

/* The mark `gloss --merge` leaves on each of two versions (gloss-conflict.h),
 * or NULL. */
const GlossConflict *
gloss_document_get_conflict (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->conflict;
}

void
gloss_document_set_conflict (GlossDocument          *self,
                             GlossConflictSide  side,
                             const char        *with)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));
  gloss_conflict_replace (&self->conflict, side, with);
}
