/* gloss-import-web.c — web annotations (W3C, Hypothesis) onto a project's
 * documents
 *
 * A web annotation names the page it was made on, not a Gloss document, so
 * each annotation's target source is matched to a document already in the
 * project, in this order:
 *  1. its address or name as Gloss exports it (the canonical address of
 *     its provenance or the web address the text came from, "urn:sha256:"
 *     of the text, "urn:uuid:" of the document);
 *  2. the same address without its fragment or a trailing slash;
 *  3. the file name: the last segment of the address against the name of
 *     the file the document was imported from ("…/2024/story.html" and a
 *     saved "story.html");
 *  4. failing all of these, the document holding the most of that source's
 *     quotes: a page saved under its title still takes the annotations
 *     made on it live.
 * Annotations whose source matches no document are not imported, and the
 * report says so, naming the source.
 *
 * Each annotation is then anchored with gloss-anchor.h: its positions when
 * the text there is its quote, counted as code points (the W3C model) or as
 * UTF-16 code units (the JavaScript tools), whichever puts the quote there;
 * then its quote with prefix and suffix; then the closest approximate
 * match. One with no place is kept orphaned, its quote kept, for the
 * analyst to place: nothing is dropped.
 *
 * Replies are appended to the note of the annotation they answer, oldest
 * first, as "— Author, date:" and the text. Links become relations. An
 * annotation id that is a urn:uuid: no annotation of the project has is
 * kept, so Gloss → W3C → Gloss keeps ids. The whole import is one undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-anchor.h"
#include "gloss-annotation.h"
#include "gloss-document.h"
#include "gloss-export-private.h"
#include "gloss-import-web-private.h"
#include "gloss-project.h"
#include "gloss-relation.h"
#include "gloss-tag.h"
#include "gloss-web-json.h"

#define DEFAULT_LINK_TYPE "linked"

WebAnnotation *
_gloss_web_annotation_new (WebAnnotationKind kind)
{
  WebAnnotation *web = g_new0 (WebAnnotation, 1);

  web->kind = kind;
  web->tags = g_ptr_array_new_with_free_func (g_free);
  web->attributes = g_ptr_array_new_with_free_func (g_free);

  return web;
}

void
_gloss_web_annotation_free (WebAnnotation *web)
{
  if (web == NULL)
    return;

  g_free (web->id);
  g_free (web->source);
  g_free (web->source_title);
  g_free (web->exact);
  g_free (web->prefix);
  g_free (web->suffix);
  g_ptr_array_unref (web->tags);
  g_ptr_array_unref (web->attributes);
  g_free (web->note);
  g_free (web->creator);
  g_clear_pointer (&web->created, g_date_time_unref);
  g_clear_pointer (&web->modified, g_date_time_unref);
  g_free (web->link_from);
  g_free (web->link_to);
  g_free (web->link_type);
  g_free (web->reply_to);
  g_free (web);
}

/* One document the import puts annotations on. */
typedef struct {
  GlossDocument        *document;     /* borrowed */
  GlossAnchorText      *anchor_text;  /* built on first need */
  GlossImportPlacement *placement;    /* owned by the report (or us) */
} Target;

typedef struct {
  GlossProject      *project;
  GlossImportReport *report;
  const char        *display_name;
  GPtrArray         *webs;           /* WebAnnotation* */
  GHashTable        *targets;        /* source → Target* (NULL: no document) */
  GPtrArray         *target_list;    /* Target*, owned, in first-use order */
  GHashTable        *by_file_id;     /* id as in the file → GlossAnnotation */
  GHashTable        *webs_by_id;     /* id as in the file → WebAnnotation */
  GHashTable        *tag_ids;        /* name → tag id */
  GHashTable        *unplaced;       /* source → count, for the report */
  guint              palette_next;
} WebImport;

static void
target_free (gpointer data)
{
  Target *target = data;

  g_clear_pointer (&target->anchor_text, gloss_anchor_text_free);
  if (target->placement != NULL)
    g_free (target->placement->document);
  g_free (target->placement);
  g_free (target);
}

/* ---- Which document ---- */

/* "HTTPS://Example.org/a/#x" → "https://example.org/a": the forms of one
 * address that name the same page. */
static char *
normalise_address (const char *address)
{
  g_autoptr(GUri) uri = g_uri_parse (address, G_URI_FLAGS_NONE, NULL);
  g_autofree char *scheme = NULL;
  g_autofree char *host = NULL;
  g_autofree char *path = NULL;
  const char *query;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return NULL;

  scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  path = g_strdup (g_uri_get_path (uri));
  while (g_str_has_suffix (path, "/"))
    path[strlen (path) - 1] = '\0';
  query = g_uri_get_query (uri);

  return g_strdup_printf ("%s://%s%s%s%s", scheme, host, path,
                          query != NULL ? "?" : "", query != NULL ? query : "");
}

/* The last segment of an address or path, unescaped: "story.html". */
static char *
file_name_of (const char *source)
{
  g_autofree char *path = NULL;
  g_autoptr(GUri) uri = NULL;

  if (source == NULL || *source == '\0')
    return NULL;

  uri = g_uri_parse (source, G_URI_FLAGS_NONE, NULL);
  if (uri != NULL)
    path = g_uri_unescape_string (g_uri_get_path (uri), NULL);
  else if (g_str_has_prefix (source, "urn:"))
    return NULL;
  else
    path = g_strdup (source);

  if (path == NULL)
    return NULL;
  while (g_str_has_suffix (path, "/"))
    path[strlen (path) - 1] = '\0';
  if (strrchr (path, '/') != NULL)
    return *(strrchr (path, '/') + 1) != '\0' ? g_strdup (strrchr (path, '/') + 1) : NULL;

  return *path != '\0' ? g_strdup (path) : NULL;
}

static gboolean
same_address (const char *a,
              const char *b)
{
  g_autofree char *normal_a = normalise_address (a);
  g_autofree char *normal_b = normalise_address (b);

  return normal_a != NULL && normal_b != NULL && g_str_equal (normal_a, normal_b);
}

static gboolean
source_names_document (const char    *source,
                       GlossDocument *document)
{
  GlossProvenance *provenance = gloss_document_get_provenance (document);
  const char *document_source = gloss_document_get_source (document);
  g_autofree char *iri = _gloss_export_document_iri (document);
  g_autofree char *id_iri = g_strconcat ("urn:uuid:", gloss_document_get_id (document), NULL);

  if (g_str_equal (source, iri) || g_ascii_strcasecmp (source, id_iri) == 0 ||
      g_str_equal (source, document_source))
    return TRUE;

  return same_address (source, gloss_provenance_get_url (provenance)) ||
         same_address (source, document_source);
}

static gboolean
file_name_names_document (const char    *source,
                          GlossDocument *document)
{
  const char *file = gloss_provenance_get_file (gloss_document_get_provenance (document));
  g_autofree char *theirs = file_name_of (source);
  g_autofree char *ours = file_name_of (*file != '\0' ? file : gloss_document_get_source (document));

  return theirs != NULL && ours != NULL && g_str_equal (theirs, ours);
}

/* The document holding the most quotes of @source's annotations. */
static GlossDocument *
document_by_quotes (WebImport  *self,
                    const char *source)
{
  GListModel *documents = gloss_project_get_documents (self->project);
  GlossDocument *best = NULL;
  guint best_count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);
      const char *text = gloss_document_get_text (document);
      guint count = 0;

      for (guint j = 0; j < self->webs->len; j++)
        {
          WebAnnotation *web = g_ptr_array_index (self->webs, j);

          if (web->kind == WEB_ANNOTATION_SPAN && web->exact != NULL &&
              g_str_equal (web->source != NULL ? web->source : "", source) &&
              strstr (text, web->exact) != NULL)
            count++;
        }
      if (count > best_count)
        {
          best = document;
          best_count = count;
        }
    }

  return best;
}

static GlossDocument *
match_document (WebImport  *self,
                const char *source)
{
  GListModel *documents = gloss_project_get_documents (self->project);
  guint n = g_list_model_get_n_items (documents);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);

        if (pass == 0 ? source_names_document (source, document)
                      : file_name_names_document (source, document))
          return document;
      }

  return document_by_quotes (self, source);
}

static Target *
target_for (WebImport     *self,
            WebAnnotation *web)
{
  const char *source = web->source != NULL ? web->source : "";
  GlossDocument *document;
  Target *target;

  if (g_hash_table_contains (self->targets, source))
    return g_hash_table_lookup (self->targets, source);

  document = match_document (self, source);
  target = NULL;
  for (guint i = 0; document != NULL && i < self->target_list->len; i++)
    if (((Target *) g_ptr_array_index (self->target_list, i))->document == document)
      target = g_ptr_array_index (self->target_list, i);

  if (document != NULL && target == NULL)
    {
      target = g_new0 (Target, 1);
      target->document = document;
      target->placement = g_new0 (GlossImportPlacement, 1);
      target->placement->document = g_strdup (gloss_document_get_title (document));
      g_ptr_array_add (self->target_list, target);
    }

  g_hash_table_insert (self->targets, g_strdup (source), target);
  return target;
}

/* ---- Making annotations ---- */

/* GNOME's palette, the light shades first. */
static const char * const palette[] = {
  "#99c1f1", "#8ff0a4", "#f9f06b", "#ffbe6f", "#f66151", "#dc8add", "#cdab8f",
  "#62a0ea", "#57e389", "#f8e45c", "#ffa348", "#ed333b", "#c061cb", "#b5835a",
};

/* "quote" from a web tool is the project's "Quote". */
static GlossTag *
lookup_tag_ignoring_case (GlossProject *project,
                          const char   *name)
{
  GListModel *tags = gloss_project_get_tags (project);
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(GlossTag) tag = g_list_model_get_item (tags, i);
      g_autofree char *tag_folded = g_utf8_casefold (gloss_tag_get_name (tag), -1);

      if (g_str_equal (folded, tag_folded))
        return tag;
    }

  return NULL;
}

static const char *
tag_id_for_name (WebImport  *self,
                 const char *name)
{
  const char *tag_id = g_hash_table_lookup (self->tag_ids, name);
  GlossTag *tag;

  if (tag_id != NULL)
    return tag_id;

  tag = gloss_project_lookup_tag_by_name (self->project, name);
  if (tag == NULL)
    tag = lookup_tag_ignoring_case (self->project, name);
  if (tag == NULL)
    {
      guint n_tags = g_list_model_get_n_items (gloss_project_get_tags (self->project));

      tag = gloss_project_create_tag (self->project, name,
                                      palette[(n_tags + self->palette_next++) % G_N_ELEMENTS (palette)],
                                      -1);
    }

  tag_id = gloss_tag_get_id (tag);
  g_hash_table_insert (self->tag_ids, g_strdup (name), g_strdup (tag_id));
  return tag_id;
}

static GlossAnnotation *
lookup_project_annotation (GlossProject *project,
                           const char   *id)
{
  GListModel *documents = gloss_project_get_documents (project);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);
      GlossAnnotation *annotation = gloss_document_lookup_annotation (document, id);

      if (annotation != NULL)
        return annotation;
    }

  return NULL;
}

/* "urn:uuid:X" → "X" when X is a UUID no annotation of the project has:
 * a round trip keeps ids. Else NULL, for a new one. */
static char *
keepable_id (WebImport  *self,
             const char *file_id)
{
  g_autofree char *lower = NULL;

  if (file_id == NULL || !g_str_has_prefix (file_id, "urn:uuid:") ||
      !g_uuid_string_is_valid (file_id + strlen ("urn:uuid:")))
    return NULL;

  lower = g_ascii_strdown (file_id + strlen ("urn:uuid:"), -1);
  if (lookup_project_annotation (self->project, lower) != NULL)
    return NULL;

  return g_steal_pointer (&lower);
}

static void
import_span (WebImport     *self,
             WebAnnotation *web)
{
  Target *target = target_for (self, web);
  g_autoptr(GlossAnnotation) annotation = NULL;
  g_autoptr(GPtrArray) tag_ids = g_ptr_array_new ();
  g_autofree char *id = NULL;
  GlossOffset start, end;
  GlossAnchorState state;

  if (target == NULL)
    {
      const char *source = web->source != NULL ? web->source : "";

      g_hash_table_insert (self->unplaced, g_strdup (source),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->unplaced, source)) + 1));
      if (self->report != NULL)
        self->report->unplaced++;
      return;
    }

  state = _gloss_web_annotation_place (web, target->document, &target->anchor_text, &start, &end);
  id = keepable_id (self, web->id);
  annotation = gloss_annotation_new (id, start, end);
  gloss_annotation_set_state (annotation, state);
  if (state == GLOSS_ANCHOR_ORPHANED)
    gloss_annotation_set_selector (annotation, web->exact != NULL ? web->exact : "",
                                   web->prefix, web->suffix);

  for (guint i = 0; i < web->tags->len; i++)
    {
      const char *tag_id = tag_id_for_name (self, g_ptr_array_index (web->tags, i));

      if (!g_ptr_array_find_with_equal_func (tag_ids, tag_id, g_str_equal, NULL))
        g_ptr_array_add (tag_ids, (gpointer) tag_id);
    }
  g_ptr_array_add (tag_ids, NULL);
  gloss_annotation_set_tags (annotation, (const char * const *) tag_ids->pdata);

  for (guint i = 0; i + 1 < web->attributes->len; i += 2)
    gloss_annotation_set_attribute (annotation, g_ptr_array_index (web->attributes, i),
                                    g_ptr_array_index (web->attributes, i + 1));
  if (web->note != NULL)
    gloss_annotation_set_note (annotation, web->note);
  gloss_annotation_set_author (annotation, web->creator);
  if (web->created != NULL)
    gloss_annotation_set_created (annotation, web->created);
  if (web->modified != NULL)
    gloss_annotation_set_modified (annotation, web->modified);

  gloss_project_add_annotation (self->project, target->document, annotation);

  if (web->id != NULL)
    g_hash_table_insert (self->by_file_id, g_strdup (web->id), annotation);

  if (state == GLOSS_ANCHOR_ANCHORED)
    target->placement->exact++;
  else if (state == GLOSS_ANCHOR_MOVED)
    target->placement->moved++;
  else
    target->placement->orphaned++;
  if (self->report != NULL)
    {
      self->report->annotations++;
      self->report->notes += web->note != NULL;
      self->report->attributes += web->attributes->len / 2;
    }
}

/* The annotation @file_id names: one this import made, or one of the
 * project's (a link to an annotation imported before). */
static GlossAnnotation *
resolve (WebImport  *self,
         const char *file_id)
{
  GlossAnnotation *annotation;

  if (file_id == NULL)
    return NULL;

  annotation = g_hash_table_lookup (self->by_file_id, file_id);
  if (annotation == NULL && g_str_has_prefix (file_id, "urn:uuid:"))
    {
      g_autofree char *lower = g_ascii_strdown (file_id + strlen ("urn:uuid:"), -1);

      annotation = lookup_project_annotation (self->project, lower);
    }

  return annotation;
}

static int
compare_created (gconstpointer a,
                 gconstpointer b)
{
  const WebAnnotation *first = *(WebAnnotation * const *) a;
  const WebAnnotation *second = *(WebAnnotation * const *) b;

  if (first->created == NULL || second->created == NULL)
    return (first->created == NULL) - (second->created == NULL);

  return g_date_time_compare (first->created, second->created);
}

static void
import_replies (WebImport *self)
{
  g_autoptr(GPtrArray) replies = g_ptr_array_new ();

  for (guint i = 0; i < self->webs->len; i++)
    {
      WebAnnotation *web = g_ptr_array_index (self->webs, i);

      if (web->kind == WEB_ANNOTATION_REPLY && web->note != NULL)
        g_ptr_array_add (replies, web);
    }
  g_ptr_array_sort (replies, compare_created);

  for (guint i = 0; i < replies->len; i++)
    {
      WebAnnotation *reply = g_ptr_array_index (replies, i);
      WebAnnotation *answered = reply;
      GlossAnnotation *annotation = NULL;
      g_autofree char *when = NULL;
      g_autofree char *note = NULL;
      const char *old_note;

      /* A reply to a reply belongs to the thread's first annotation. */
      for (guint hops = 0; annotation == NULL && answered != NULL && hops <= self->webs->len; hops++)
        {
          annotation = resolve (self, answered->reply_to);
          answered = g_hash_table_lookup (self->webs_by_id, answered->reply_to);
          if (answered != NULL && answered->kind != WEB_ANNOTATION_REPLY)
            answered = NULL;
        }
      if (annotation == NULL)
        {
          _gloss_import_report_add (self->report, self->display_name, 0,
                                    _("a reply by %s answers “%s”, which is not in the file "
                                      "or the project: not imported"),
                                    reply->creator != NULL ? reply->creator : _("someone"),
                                    reply->reply_to);
          continue;
        }

      when = reply->created != NULL ? g_date_time_format (reply->created, "%Y-%m-%d %H:%M") : NULL;
      old_note = gloss_annotation_get_note (annotation);
      /* Translators: a reply appended to a note: author, date, then the text */
      note = g_strdup_printf (_("%s— %s, %s:\n%s"),
                              *old_note != '\0' ? "\n\n" : "",
                              reply->creator != NULL ? reply->creator : _("someone"),
                              when != NULL ? when : _("undated"),
                              reply->note);
      {
        g_autofree char *joined = g_strconcat (old_note, note, NULL);

        gloss_project_set_annotation_note (self->project, annotation, joined);
      }
      if (self->report != NULL)
        self->report->replies++;
    }
}

static void
import_links (WebImport *self)
{
  for (guint i = 0; i < self->webs->len; i++)
    {
      WebAnnotation *web = g_ptr_array_index (self->webs, i);
      GlossAnnotation *from, *to;
      GlossRelation *relation;

      if (web->kind != WEB_ANNOTATION_LINK)
        continue;

      from = resolve (self, web->link_from);
      to = resolve (self, web->link_to);
      if (from == NULL || to == NULL)
        {
          _gloss_import_report_add (self->report, self->display_name, 0,
                                    _("the link %s joins “%s” and “%s”, which are not both in the "
                                      "file or the project: not imported"),
                                    web->id != NULL ? web->id : "",
                                    web->link_from != NULL ? web->link_from : "?",
                                    web->link_to != NULL ? web->link_to : "?");
          continue;
        }

      relation = gloss_project_link (self->project, from, to,
                                     web->link_type != NULL ? web->link_type : DEFAULT_LINK_TYPE);
      if (web->note != NULL)
        gloss_project_set_relation_note (self->project, relation, web->note);
      if (self->report != NULL)
        self->report->relations++;
    }
}

/* ---- The import ---- */

static void
report_unplaced (WebImport *self)
{
  GHashTableIter iter;
  gpointer source, count;

  g_hash_table_iter_init (&iter, self->unplaced);
  while (g_hash_table_iter_next (&iter, &source, &count))
    _gloss_import_report_add (self->report, self->display_name, 0,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u annotation is on “%s”, a document not in the project: "
                                           "import that article, then this file again",
                                           "%u annotations are on “%s”, a document not in the project: "
                                           "import that article, then this file again",
                                           GPOINTER_TO_UINT (count)),
                              GPOINTER_TO_UINT (count),
                              *(const char *) source != '\0' ? (const char *) source : _("no document named"));
}

static gboolean
check_limits (WebImport  *self,
              GError    **error)
{
  GListModel *documents = gloss_project_get_documents (self->project);
  guint64 total = self->webs->len;

  if (g_list_model_get_n_items (documents) == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("%s holds annotations on articles, and the project has none yet: "
                     "import the article first, or with it"),
                   self->display_name);
      return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);

      total += gloss_document_get_n_annotations (document);
    }
  if (total > GLOSS_MAX_ANNOTATIONS)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   _("%s would bring the project past %u annotations, the most a project holds"),
                   self->display_name, (guint) GLOSS_MAX_ANNOTATIONS);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_web_annotations (JsonNode          *root,
                      const char        *display_name,
                      GPtrArray         *webs,
                      GlossImportReport *report,
                      GError           **error)
{
  gboolean recognised;

  if (_gloss_import_hypothesis_recognise (root))
    recognised = _gloss_import_hypothesis_read (root, display_name, webs, report);
  else
    recognised = _gloss_import_w3c_read (root, display_name, webs, report);

  if (!recognised)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("%s holds no web annotations: Gloss reads W3C Web Annotations "
                     "(an AnnotationCollection, an AnnotationPage, annotations) and "
                     "Hypothesis JSON"),
                   display_name);
      return FALSE;
    }

  return TRUE;
}

static void
web_import_clear (WebImport *self)
{
  g_clear_pointer (&self->webs, g_ptr_array_unref);
  g_clear_pointer (&self->targets, g_hash_table_unref);
  g_clear_pointer (&self->target_list, g_ptr_array_unref);
  g_clear_pointer (&self->by_file_id, g_hash_table_unref);
  g_clear_pointer (&self->webs_by_id, g_hash_table_unref);
  g_clear_pointer (&self->tag_ids, g_hash_table_unref);
  g_clear_pointer (&self->unplaced, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WebImport, web_import_clear)

gboolean
gloss_import_web_annotations (GlossProject       *project,
                              GFile              *file,
                              GlossImportReport  *report,
                              GError            **error)
{
  g_auto(WebImport) self = { 0, };
  g_autofree char *display_name = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_name = _gloss_import_display_name (file);
  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, GLOSS_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                     ? GLOSS_ERROR_NOT_FOUND : GLOSS_ERROR_IO,
                   _("Could not read %s: %s"), display_name, local_error->message);
      return FALSE;
    }

  root = _gloss_web_json_parse (bytes, display_name, error);
  if (root == NULL)
    return FALSE;

  self.project = project;
  self.report = report;
  self.display_name = display_name;
  self.webs = g_ptr_array_new_with_free_func ((GDestroyNotify) _gloss_web_annotation_free);
  if (!read_web_annotations (root, display_name, self.webs, report, error))
    return FALSE;
  if (!check_limits (&self, error))
    return FALSE;

  self.targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.target_list = g_ptr_array_new_with_free_func (target_free);
  self.by_file_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.webs_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self.tag_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.unplaced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self.webs->len; i++)
    {
      WebAnnotation *web = g_ptr_array_index (self.webs, i);

      if (web->id != NULL)
        g_hash_table_insert (self.webs_by_id, web->id, web);
    }

  gloss_project_begin_action (project, _("Import Web Annotations"));
  for (guint i = 0; i < self.webs->len; i++)
    {
      WebAnnotation *web = g_ptr_array_index (self.webs, i);

      if (web->kind == WEB_ANNOTATION_SPAN)
        import_span (&self, web);
    }
  import_replies (&self);
  import_links (&self);
  gloss_project_end_action (project);

  report_unplaced (&self);
  for (guint i = 0; report != NULL && i < self.target_list->len; i++)
    {
      Target *target = g_ptr_array_index (self.target_list, i);

      g_ptr_array_add (report->placements, g_steal_pointer (&target->placement));
    }

  return TRUE;
}
