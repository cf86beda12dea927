/* gloss-project-documents.c — the undoable changes to documents and titles
 *
 * Adding, removing and renaming documents, the project's title, a
 * document's provenance, replacing a document's text (its annotations
 * found again in the new one), and the same article imported twice. Like
 * every edit (gloss-project-edits.c), these pass through
 * _gloss_project_do ().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-anchor.h"
#include "gloss-annotation-private.h"
#include "gloss-document-private.h"
#include "gloss-project-private.h"
#include "gloss-provenance.h"
#include "gloss-relation.h"

/* ---- The kinds ---- */

static void
document_insert (GlossProject *project,
                 gpointer      owner,
                 gpointer      object,
                 guint         position)
{
  _gloss_project_insert_document_at (project, object, position);
}

static void
document_remove (GlossProject *project,
                 gpointer      owner,
                 gpointer      object,
                 guint         position)
{
  _gloss_project_remove_document (project, object);
}

static const GlossPlaceKind document_place = {
  "document", document_insert, document_remove,
};

static void
project_title_store (GlossProject  *project,
                     gpointer       object,
                     gconstpointer  value)
{
  _gloss_project_store_title (project, value);
}

static const GlossFieldsKind project_title = {
  "project-title", project_title_store, g_free,
};

static void
document_title_store (GlossProject  *project,
                      gpointer       object,
                      gconstpointer  value)
{
  gloss_document_set_title (object, value);
}

static const GlossFieldsKind document_title = {
  "document-title", document_title_store, g_free,
};

static void
document_text_store (GlossProject  *project,
                     gpointer       object,
                     gconstpointer  value)
{
  gloss_document_set_text (object, value);
}

static const GlossFieldsKind document_text = {
  "document-text", document_text_store, g_free,
};

static void
provenance_store (GlossProject  *project,
                  gpointer       object,
                  gconstpointer  value)
{
  gloss_document_set_provenance (object, (GlossProvenance *) value);
}

static const GlossFieldsKind document_provenance = {
  "document-provenance", provenance_store, g_object_unref,
};

/* ---- The changes ---- */

static void
place_document (GlossProject  *project,
                GlossDocument *document,
                guint          position,
                const char    *label)
{
  _gloss_project_do (project,
                     _gloss_place_edit_new (&document_place, NULL, document,
                                            _gloss_project_document_position (project, document),
                                            position),
                     label);
}

/* Typing a title letter by letter is one step; a new text is not typed. */
static void
change_string (GlossProject          *project,
               const GlossFieldsKind *kind,
               GlossDocument         *document,
               const char            *before,
               const char            *after,
               const char            *label)
{
  if (g_str_equal (before, after))
    return;

  _gloss_project_do (project,
                     _gloss_fields_edit_new (kind, document, g_strdup (before), g_strdup (after),
                                             kind != &document_text),
                     label);
}

static void
change_provenance (GlossProject    *project,
                   GlossDocument   *document,
                   GlossProvenance *provenance,
                   const char      *label)
{
  if (gloss_provenance_equal (gloss_document_get_provenance (document), provenance))
    return;

  /* Copies, never shared with the document. */
  _gloss_project_do (project,
                     _gloss_fields_edit_new (&document_provenance, document,
                                             gloss_provenance_copy (gloss_document_get_provenance (document)),
                                             gloss_provenance_copy (provenance),
                                             FALSE),
                     label);
}

/* ==== The public functions ==== */

void
gloss_project_set_title (GlossProject *self,
                         const char   *title)
{
  g_return_if_fail (GLOSS_IS_PROJECT (self));

  change_string (self, &project_title, NULL, gloss_project_get_title (self),
                 title != NULL ? title : "", _("Rename Project"));
}

void
gloss_project_add_document (GlossProject  *self,
                            GlossDocument *document)
{
  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));
  g_return_if_fail (gloss_document_get_project (document) == NULL);

  place_document (self, document, G_MAXUINT - 1, _("Add Document"));
}

void
gloss_project_remove_document (GlossProject  *self,
                               GlossDocument *document)
{
  GListModel *relations;
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));
  g_return_if_fail (gloss_document_get_project (document) == self);

  gloss_project_begin_action (self, _("Remove Document"));

  /* One pass over the relations, not one per annotation. */
  relations = gloss_project_get_relations (self);
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      GlossRelation *relation = g_list_model_get_item (relations, i);

      g_object_unref (relation);
      if (gloss_document_lookup_annotation (document, gloss_relation_get_from (relation)) != NULL ||
          gloss_document_lookup_annotation (document, gloss_relation_get_to (relation)) != NULL)
        {
          g_ptr_array_add (doomed, relation);
          g_array_append_val (positions, i);
        }
    }
  /* Last first, so the positions found stay true. */
  for (guint i = doomed->len; i > 0; i--)
    _gloss_project_remove_relation_at (self, g_ptr_array_index (doomed, i - 1), g_array_index (positions, guint, i - 1));

  place_document (self, document, G_MAXUINT, NULL);

  gloss_project_end_action (self);
}

void
gloss_project_set_document_title (GlossProject  *self,
                                  GlossDocument *document,
                                  const char    *title)
{
  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));

  change_string (self, &document_title, document, gloss_document_get_title (document),
                 title != NULL ? title : "", _("Rename Document"));
}

void
gloss_project_replace_document_text (GlossProject      *self,
                                     GlossDocument     *document,
                                     const char        *text,
                                     GlossAnchorReport *report)
{
  g_autoptr(GlossAnchorText) anchor_text = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  GlossAnchorReport counts = { 0, 0, 0 };
  guint n;

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));
  g_return_if_fail (text != NULL && g_utf8_validate (text, -1, NULL));

  n = gloss_document_get_n_annotations (document);
  annotations = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (annotations, g_object_ref (gloss_document_get_annotation (document, i)));

  anchor_text = gloss_anchor_text_new (text, -1);

  gloss_project_begin_action (self, _("Replace Text"));

  change_string (self, &document_text, document,
                 gloss_document_get_text (document), text, NULL);

  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (annotations, i);
      GlossAnnotationSnapshot *after = _gloss_annotation_snapshot (annotation);
      GlossAnchorSelector selector = {
        after->start, after->end, after->quote, after->prefix, after->suffix,
      };
      GlossOffset start, end;
      GlossAnchorState state;

      state = gloss_anchor_locate (anchor_text, &selector, &start, &end);
      switch (state)
        {
        case GLOSS_ANCHOR_ANCHORED:
          counts.anchored++;
          break;
        case GLOSS_ANCHOR_MOVED:
          counts.moved++;
          break;
        case GLOSS_ANCHOR_ORPHANED:
          counts.orphaned++;
          break;
        default:
          g_assert_not_reached ();
        }

      /* Orphans keep their quote, to be shown and placed by hand. */
      after->start = start;
      after->end = end;
      if (state != GLOSS_ANCHOR_ORPHANED)
        {
          g_clear_pointer (&after->quote, g_free);
          g_clear_pointer (&after->prefix, g_free);
          g_clear_pointer (&after->suffix, g_free);
          gloss_document_dup_selector (document, start, end,
                                       &after->quote, &after->prefix, &after->suffix);
        }
      /* Found where it was is still under review if it was before. */
      if (state == GLOSS_ANCHOR_ANCHORED && after->state != GLOSS_ANCHOR_ANCHORED)
        state = GLOSS_ANCHOR_MOVED;
      after->state = state;
      _gloss_project_change_annotation (self, annotation, after, FALSE, NULL);
    }

  gloss_project_end_action (self);

  if (report != NULL)
    *report = counts;
}

/* Every member @provenance sets must be one the project file can hold. */
static gboolean
check_provenance (GlossProvenance  *provenance,
                  GError          **error)
{
  const struct { const char *member; const char *label; const char *value; } members[] = {
    { "url", _("Address"), gloss_provenance_get_url (provenance) },
    { "site_name", _("Site"), gloss_provenance_get_site_name (provenance) },
    { "published", _("Published"), gloss_provenance_get_published (provenance) },
    { "modified", _("Modified"), gloss_provenance_get_modified (provenance) },
    { "language", _("Language"), gloss_provenance_get_language (provenance) },
    { "description", _("Description"), gloss_provenance_get_description (provenance) },
    { "captured", _("Captured"), gloss_provenance_get_captured (provenance) },
    { "file", _("File"), gloss_provenance_get_file (provenance) },
    { "file_sha256", _("File SHA-256"), gloss_provenance_get_file_sha256 (provenance) },
    { "extractor", _("Extractor"), gloss_provenance_get_extractor (provenance) },
    { "extractor_version", _("Extractor version"), gloss_provenance_get_extractor_version (provenance) },
  };
  const char * const *authors = gloss_provenance_get_authors (provenance);

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      const char *why;

      if (members[i].value[0] == '\0')
        continue;
      why = gloss_provenance_check_value (members[i].member, members[i].value);
      if (why != NULL)
        {
          /* Translators: “Address: “example.org” is not an absolute address (…)” */
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("%s: “%s” %s"),
                       members[i].label, members[i].value, why);
          return FALSE;
        }
    }

  for (guint i = 0; authors[i] != NULL; i++)
    if (authors[i][0] == '\0')
      {
        g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                             _("Authors: a name must not be empty"));
        return FALSE;
      }

  return TRUE;
}

gboolean
gloss_project_set_document_provenance (GlossProject     *self,
                                       GlossDocument    *document,
                                       GlossProvenance  *provenance,
                                       GError          **error)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (GLOSS_IS_PROVENANCE (provenance), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_provenance (provenance, error))
    return FALSE;

  change_provenance (self, document, provenance, _("Edit Document Details"));
  return TRUE;
}

/* ---- The same article twice ---- */

GlossDocument *
gloss_project_find_duplicate (GlossProject       *self,
                              GlossDocument      *article,
                              GlossDuplicateKind *kind)
{
  GListModel *documents;
  GlossProvenance *provenance;
  const char *url, *file_sha256, *sha256;
  guint n;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (article), NULL);

  provenance = gloss_document_get_provenance (article);
  url = gloss_provenance_get_url (provenance);
  file_sha256 = gloss_provenance_get_file_sha256 (provenance);
  sha256 = gloss_document_get_sha256 (article);
  documents = gloss_project_get_documents (self);
  n = g_list_model_get_n_items (documents);

  /* The strongest reason first, over all documents: the same address is
   * the same article even when the page changed since. */
  for (GlossDuplicateKind k = GLOSS_DUPLICATE_URL; k <= GLOSS_DUPLICATE_TEXT; k++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);
        GlossProvenance *other = gloss_document_get_provenance (document);
        gboolean same;

        if (document == article)
          continue;

        switch (k)
          {
          case GLOSS_DUPLICATE_URL:
            same = url[0] != '\0' && g_str_equal (url, gloss_provenance_get_url (other));
            break;
          case GLOSS_DUPLICATE_FILE:
            same = file_sha256[0] != '\0' &&
                   g_str_equal (file_sha256, gloss_provenance_get_file_sha256 (other));
            break;
          case GLOSS_DUPLICATE_TEXT:
            same = g_str_equal (sha256, gloss_document_get_sha256 (document));
            break;
          case GLOSS_DUPLICATE_NONE:
          default:
            g_assert_not_reached ();
          }

        if (same)
          {
            if (kind != NULL)
              *kind = k;
            return document;
          }
      }

  if (kind != NULL)
    *kind = GLOSS_DUPLICATE_NONE;
  return NULL;
}

void
gloss_project_replace_document (GlossProject      *self,
                                GlossDocument     *document,
                                GlossDocument     *article,
                                GlossAnchorReport *report)
{
  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));
  g_return_if_fail (gloss_document_get_project (document) == self);
  g_return_if_fail (GLOSS_IS_DOCUMENT (article));

  /* The analyst's title stays: it may have been corrected by hand. The
   * text, and where it came from, are the new capture's. */
  gloss_project_begin_action (self, _("Replace Text"));
  gloss_project_replace_document_text (self, document, gloss_document_get_text (article), report);
  change_provenance (self, document, gloss_document_get_provenance (article), NULL);
  gloss_project_end_action (self);
}
