/* gloss-project-documents.c — a document's provenance, and the same article twice
 *
 * The undoable edit of a document's provenance, finding the document an
 * imported article duplicates, and replacing that document's text with
 * the new capture's (a corrected article) in one step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-document.h"
#include "gloss-project-private.h"
#include "gloss-provenance.h"

/* ---- The edit ---- */

typedef struct {
  GlossEdit        parent;
  GlossDocument   *document;
  GlossProvenance *value[2];   /* before, after: copies, never shared */
} ProvenanceEdit;

static void
provenance_apply (GlossEdit    *edit,
                  GlossProject *project,
                  gboolean      forward)
{
  ProvenanceEdit *self = (ProvenanceEdit *) edit;

  gloss_document_set_provenance (self->document, self->value[forward]);
}

static void
provenance_free (GlossEdit *edit)
{
  ProvenanceEdit *self = (ProvenanceEdit *) edit;

  g_object_unref (self->document);
  g_object_unref (self->value[0]);
  g_object_unref (self->value[1]);
  g_free (self);
}

static const GlossEditClass provenance_class = {
  "document-provenance", provenance_apply, provenance_free, NULL,
};

static void
change_provenance (GlossProject    *project,
                   GlossDocument   *document,
                   GlossProvenance *provenance,
                   const char      *label)
{
  ProvenanceEdit *self;

  if (gloss_provenance_equal (gloss_document_get_provenance (document), provenance))
    return;

  self = g_new0 (ProvenanceEdit, 1);
  self->parent.klass = &provenance_class;
  self->document = g_object_ref (document);
  self->value[0] = gloss_provenance_copy (gloss_document_get_provenance (document));
  self->value[1] = gloss_provenance_copy (provenance);
  provenance_apply (&self->parent, project, TRUE);
  _gloss_project_push_edit (project, &self->parent, label);
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

  _gloss_project_wait_for_readers (self);
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
