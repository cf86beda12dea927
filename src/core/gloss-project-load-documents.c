/* gloss-project-load-documents.c — reading a project file's documents
 *
 * A document's text, provenance and annotations. Each annotation is
 * checked against the text: a quote that still matches where it says is
 * taken as it is; one that does not is found again (gloss-anchor.c), and
 * the load notes the repair.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-anchor.h"
#include "gloss-annotation.h"
#include "gloss-document-private.h"
#include "gloss-project-load-private.h"
#include "gloss-project-private.h"
#include "gloss-provenance.h"
#include "gloss-utf8.h"

typedef struct
{
  Walk            *walk;
  GlossDocument   *document;
  GlossAnchorText *anchor_text;   /* built when the first annotation needs it */
} DocumentWalk;

static gboolean
read_annotation_tags (Walk        *walk,
                      const GlossJsonNode  *object,
                      GPtrArray   *out)
{
  Loader *loader = walk->loader;
  const GlossJsonNode *tags = gloss_load_read_array (loader, object, "tags");
  gboolean ok = TRUE;
  gsize mark;
  guint n;

  if (tags == NULL)
    return FALSE;

  mark = gloss_load_path_push_member (loader, "tags");
  n = (tags)->length;
  for (guint i = 0; i < n; i++)
    {
      const GlossJsonNode *node = &(tags)->v.elements[i];
      gsize item = gloss_load_path_push_index (loader, i);
      const char *id;

      if (!IS_STRING (node))
        {
          gloss_load_problem (loader, GLOSS_ERROR_INVALID, _("must be a tag id (a string), not %s"),
                   gloss_load_describe_node (node));
          ok = FALSE;
        }
      else if (!g_hash_table_contains (walk->tags, (id = (node)->v.string)))
        {
          gloss_load_problem (loader, GLOSS_ERROR_INVALID, _("no tag has the id “%s”"), id);
          ok = FALSE;
        }
      else if (g_ptr_array_find_with_equal_func (out, id, g_str_equal, NULL))
        {
          gloss_load_problem (loader, GLOSS_ERROR_INVALID, _("the tag “%s” is listed twice"), id);
          ok = FALSE;
        }
      else
        g_ptr_array_add (out, (gpointer) id);

      gloss_load_path_pop (loader, item);
    }
  gloss_load_path_pop (loader, mark);

  g_ptr_array_add (out, NULL);
  return ok;
}

static gboolean
read_attributes (Loader          *loader,
                 const GlossJsonNode      *object,
                 GlossAnnotation *annotation)
{
  const GlossJsonNode *node = gloss_load_get_member (loader, object, "attributes");
  gboolean ok = TRUE;
  gsize mark;

  if (node == NULL)
    return FALSE;

  mark = gloss_load_path_push_member (loader, "attributes");
  if ((node)->type != GLOSS_JSON_OBJECT)
    {
      gloss_load_problem (loader, GLOSS_ERROR_INVALID, _("must be an object of strings, not %s"),
               gloss_load_describe_node (node));
      gloss_load_path_pop (loader, mark);
      return FALSE;
    }

  for (guint i = 0; i < node->length; i++)
    {
      const char *key = node->v.members[i].name;
      const GlossJsonNode *value = &node->v.members[i].value;

      if (IS_STRING (value))
        {
          gloss_annotation_set_attribute (annotation, key, (value)->v.string);
          continue;
        }

      gloss_load_problem_at (loader, key, GLOSS_ERROR_INVALID,
                             _("an attribute value must be a string, not %s"),
                             gloss_load_describe_node (value));
      ok = FALSE;
    }
  gloss_load_path_pop (loader, mark);

  return ok;
}

/* Whether @quote, @prefix and @suffix are exactly what adding the
 * annotation at [start, end) would take from the text: the bytes at the
 * offsets and the lengths in characters. Costs one offset conversion,
 * where slicing them anew costs six and three copies. */
static gboolean
selector_matches_text (GlossDocument *document,
                       GlossOffset    start,
                       GlossOffset    end,
                       const char    *quote,
                       const char    *prefix,
                       const char    *suffix)
{
  const char *text = gloss_document_get_text (document);
  gsize size = gloss_document_get_text_size (document);
  GlossOffset length = gloss_document_get_length (document);
  gsize quote_size = strlen (quote);
  gsize prefix_size = strlen (prefix);
  gsize suffix_size = strlen (suffix);
  gsize start_byte, end_byte;

  if (start >= end || end > length)
    return FALSE;

  /* The strings are valid UTF-8 like the text: bytes that match from a
   * character boundary cover whole characters, so counting the string's
   * characters counts the text's. */
  start_byte = gloss_document_offset_to_byte (document, start);
  if (quote_size > size - start_byte ||
      memcmp (text + start_byte, quote, quote_size) != 0 ||
      gloss_utf8_count (quote, quote_size) != end - start)
    return FALSE;
  end_byte = start_byte + quote_size;

  if (prefix_size > start_byte ||
      memcmp (text + start_byte - prefix_size, prefix, prefix_size) != 0 ||
      gloss_utf8_count (prefix, prefix_size) != MIN (start, GLOSS_CONTEXT_LENGTH))
    return FALSE;

  if (suffix_size > size - end_byte ||
      memcmp (text + end_byte, suffix, suffix_size) != 0 ||
      gloss_utf8_count (suffix, suffix_size) != MIN (length - end, GLOSS_CONTEXT_LENGTH))
    return FALSE;

  return TRUE;
}

/* Puts @annotation where its quote is. The stored offsets win when the
 * text there is the quote; otherwise the anchoring finds it a new place
 * (moved) or none (orphaned, keeping what it quoted). Never dropped. */
static void
anchor_annotation (DocumentWalk    *dw,
                   GlossAnnotation *annotation,
                   const char      *quote,
                   const char      *prefix,
                   const char      *suffix,
                   GlossAnchorState stored_state)
{
  GlossDocument *document = dw->document;
  GlossOffset start = gloss_annotation_get_start (annotation);
  GlossOffset end = gloss_annotation_get_end (annotation);
  GlossAnchorSelector selector = { start, end, quote, prefix, suffix };
  g_autofree char *shown = NULL;
  GlossAnchorState state;
  GlossOffset new_start, new_end;

  gloss_annotation_set_state (annotation, stored_state);

  /* An orphan keeps what it quoted; it waits for the user, not for us. */
  if (stored_state == GLOSS_ANCHOR_ORPHANED)
    {
      gloss_annotation_set_selector (annotation, quote, prefix, suffix);
      gloss_document_add_annotation (document, annotation);
      return;
    }

  /* The common case: the file says what the text says. */
  if (selector_matches_text (document, start, end, quote, prefix, suffix))
    {
      gloss_annotation_set_selector (annotation, quote, prefix, suffix);
      _gloss_document_add_annotation_keeping_selector (document, annotation);
      return;
    }

  /* Adding takes quote, prefix and suffix from the text at the offsets. */
  gloss_document_add_annotation (document, annotation);
  if (g_str_equal (gloss_annotation_get_quote (annotation), quote))
    {
      /* If the file's context said otherwise, the next save differs. */
      if (!g_str_equal (gloss_annotation_get_prefix (annotation), prefix) ||
          !g_str_equal (gloss_annotation_get_suffix (annotation), suffix))
        gloss_load_repair (dw->walk->loader,
                _("its prefix or suffix differs from the text around it; taken from the text"));
      return;
    }
  gloss_document_remove_annotation (document, annotation);

  if (dw->anchor_text == NULL)
    dw->anchor_text = gloss_anchor_text_new (gloss_document_get_text (document),
                                             (gssize) gloss_document_get_text_size (document));

  state = gloss_anchor_locate (dw->anchor_text, &selector, &new_start, &new_end);
  if (state == GLOSS_ANCHOR_ANCHORED)
    {
      /* The offsets changed or the quote did not match where it said it
       * was: either way a person should look at it. */
      state = GLOSS_ANCHOR_MOVED;
    }

  gloss_annotation_set_bounds (annotation, new_start, new_end);
  gloss_annotation_set_state (annotation, state);
  if (state == GLOSS_ANCHOR_ORPHANED)
    gloss_annotation_set_selector (annotation, quote, prefix, suffix);
  gloss_document_add_annotation (document, annotation);

  shown = gloss_load_shorten (quote);
  if (state == GLOSS_ANCHOR_ORPHANED)
    gloss_load_repair (dw->walk->loader,
            _("its quote “%s” is not at %u–%u nor anywhere else in the text; "
            "kept there and marked orphaned"), shown, start, end);
  else
    gloss_load_repair (dw->walk->loader,
            _("its quote “%s” is not at %u–%u; found at %u–%u and marked moved for review"),
            shown, start, end, new_start, new_end);
}

static void
read_annotation (DocumentWalk *dw,
                 const GlossJsonNode   *object)
{
  Walk *walk = dw->walk;
  Loader *loader = walk->loader;
  GlossOffset length = gloss_document_get_length (dw->document);
  const char *id = NULL, *quote = NULL, *prefix = NULL, *suffix = NULL;
  const char *note = NULL, *author = NULL, *state_name = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  GPtrArray *tags = walk->tag_ids;
  g_autoptr(GlossAnnotation) annotation = NULL;
  g_autoptr(GlossConflict) conflict = NULL;
  GlossAnchorState state = GLOSS_ANCHOR_ANCHORED;
  gint64 start = -1, end = -1;
  gboolean ok = TRUE;

  g_ptr_array_set_size (tags, 0);
  ok &= gloss_load_read_id (loader, object, &id);
  if (id != NULL)
    ok &= gloss_load_claim_id (walk, walk->annotations, id, GLOSS_ID_ANNOTATION);
  ok &= gloss_load_read_count (loader, object, "start", G_MAXUINT32, &start);
  ok &= gloss_load_read_count (loader, object, "end", G_MAXUINT32, &end);
  ok &= gloss_load_read_string (loader, object, "quote", REQUIRED, &quote);
  ok &= gloss_load_read_string (loader, object, "prefix", REQUIRED, &prefix);
  ok &= gloss_load_read_string (loader, object, "suffix", REQUIRED, &suffix);
  ok &= read_annotation_tags (walk, object, tags);
  ok &= gloss_load_read_string (loader, object, "note", REQUIRED, &note);
  ok &= gloss_load_read_string (loader, object, "author", REQUIRED, &author);
  ok &= gloss_load_read_datetime (loader, object, "created", NULLABLE, &created);
  ok &= gloss_load_read_datetime (loader, object, "modified", NULLABLE, &modified);
  if (!gloss_load_read_string (loader, object, "state", REQUIRED, &state_name))
    ok = FALSE;
  else if (!gloss_anchor_state_from_string (state_name, &state))
    {
      gsize mark = gloss_load_path_push_member (loader, "state");

      gloss_load_problem (loader, GLOSS_ERROR_INVALID,
               _("“%s” is not an anchor state (anchored, moved or orphaned)"), state_name);
      gloss_load_path_pop (loader, mark);
      ok = FALSE;
    }

  if (start >= 0 && end >= 0)
    {
      /* Only an orphan in an empty text may be empty itself. */
      gboolean empty_allowed = state == GLOSS_ANCHOR_ORPHANED && length == 0;

      if (end > length)
        {
          gsize mark = gloss_load_path_push_member (loader, "end");

          gloss_load_problem (loader, GLOSS_ERROR_INVALID,
                   _("%lld is beyond the end of the text (%u characters long)"),
                   (long long) end, length);
          gloss_load_path_pop (loader, mark);
          ok = FALSE;
        }
      if (start > end || (start == end && !empty_allowed))
        {
          gsize mark = gloss_load_path_push_member (loader, "start");

          gloss_load_problem (loader, GLOSS_ERROR_INVALID,
                   _("must be less than end (start is %lld, end is %lld)"),
                   (long long) start, (long long) end);
          gloss_load_path_pop (loader, mark);
          ok = FALSE;
        }
    }

  annotation = gloss_annotation_new (id, 0, 0);
  ok &= read_attributes (loader, object, annotation);
  ok &= gloss_load_read_conflict (loader, object, &conflict);

  if (!ok)
    return;

  gloss_annotation_set_bounds (annotation, (GlossOffset) start, (GlossOffset) end);
  gloss_annotation_set_tags (annotation, (const char * const *) tags->pdata);
  gloss_annotation_set_note (annotation, note);
  gloss_annotation_set_author (annotation, author);
  gloss_annotation_set_created (annotation, created);
  gloss_annotation_set_modified (annotation, modified);
  if (conflict != NULL)
    gloss_annotation_set_conflict (annotation, conflict->side, conflict->with);

  anchor_annotation (dw, annotation, quote, prefix, suffix, state);
}

/* Without a text to check them against, an annotation's other problems
 * would only echo the text's; its id is still noted so that relations to
 * it do not add more. */
static void
claim_annotation_id (Walk       *walk,
                     const GlossJsonNode *object)
{
  const GlossJsonNode *id = gloss_json_object_get (object, "id", NULL);

  if (id != NULL && IS_STRING (id) &&
      !g_hash_table_contains (walk->annotations, (id)->v.string))
    g_hash_table_insert (walk->annotations, (gpointer) (id)->v.string,
                         g_string_chunk_insert (walk->paths, walk->loader->path->str));
}

static gboolean
is_sha256 (const char *text)
{
  gsize i;

  for (i = 0; text[i] != '\0'; i++)
    if (!g_ascii_isdigit (text[i]) && !(text[i] >= 'a' && text[i] <= 'f'))
      return FALSE;

  return i == 64;
}

static gboolean
read_provenance_authors (Loader              *loader,
                         const GlossJsonNode *node,
                         GlossProvenance     *provenance)
{
  g_autoptr(GPtrArray) authors = g_ptr_array_new ();
  gboolean ok = TRUE;

  if (node->type != GLOSS_JSON_ARRAY)
    {
      gloss_load_problem (loader, GLOSS_ERROR_INVALID, _("must be an array of names, not %s"),
               gloss_load_describe_node (node));
      return FALSE;
    }

  for (guint i = 0; i < node->length; i++)
    {
      const GlossJsonNode *name = &node->v.elements[i];
      gsize item = gloss_load_path_push_index (loader, i);

      if (!IS_STRING (name))
        {
          gloss_load_problem (loader, GLOSS_ERROR_INVALID, _("must be a name (a string), not %s"),
                   gloss_load_describe_node (name));
          ok = FALSE;
        }
      else if (*name->v.string == '\0')
        {
          gloss_load_problem (loader, GLOSS_ERROR_INVALID, _("must not be empty"));
          ok = FALSE;
        }
      else
        g_ptr_array_add (authors, (gpointer) name->v.string);
      gloss_load_path_pop (loader, item);
    }

  g_ptr_array_add (authors, NULL);
  if (ok)
    gloss_provenance_set_authors (provenance, (const char * const *) authors->pdata);
  return ok;
}

/* A document's "provenance" (format version 2): an object whose members
 * are all optional; unknown members are skipped like anywhere else. */
static gboolean
read_provenance (Loader              *loader,
                 const GlossJsonNode *document,
                 GlossProvenance     *provenance)
{
  static const struct {
    const char *name;
    void      (*set) (GlossProvenance *, const char *);
  } string_members[] = {
    { "url", gloss_provenance_set_url },
    { "site_name", gloss_provenance_set_site_name },
    { "published", gloss_provenance_set_published },
    { "modified", gloss_provenance_set_modified },
    { "language", gloss_provenance_set_language },
    { "description", gloss_provenance_set_description },
    { "captured", gloss_provenance_set_captured },
    { "file", gloss_provenance_set_file },
    { "file_sha256", gloss_provenance_set_file_sha256 },
    { "extractor", gloss_provenance_set_extractor },
    { "extractor_version", gloss_provenance_set_extractor_version },
  };
  const GlossJsonNode *object = gloss_load_get_member (loader, document, "provenance");
  gboolean ok = TRUE;
  gsize mark;

  if (object == NULL)
    return FALSE;

  mark = gloss_load_path_push_member (loader, "provenance");
  if (object->type != GLOSS_JSON_OBJECT)
    {
      gloss_load_problem (loader, GLOSS_ERROR_INVALID,
                          _("must be an object, not %s"), gloss_load_describe_node (object));
      gloss_load_path_pop (loader, mark);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (string_members); i++)
    {
      const GlossJsonNode *node = gloss_json_object_get (object, string_members[i].name, NULL);
      const char *why;
      gsize item;

      if (node == NULL)
        continue;

      item = gloss_load_path_push_member (loader, string_members[i].name);
      if (!IS_STRING (node))
        {
          gloss_load_problem (loader, GLOSS_ERROR_INVALID,
                              _("must be a string, not %s"), gloss_load_describe_node (node));
          ok = FALSE;
        }
      else if ((why = gloss_provenance_check_value (string_members[i].name, node->v.string)) != NULL)
        {
          g_autofree char *shown = gloss_load_shorten (node->v.string);

          if (*node->v.string == '\0')
            gloss_load_problem (loader, GLOSS_ERROR_INVALID, "%s", why);
          else
            gloss_load_problem (loader, GLOSS_ERROR_INVALID, _("“%s” %s"), shown, why);
          ok = FALSE;
        }
      else
        string_members[i].set (provenance, node->v.string);
      gloss_load_path_pop (loader, item);
    }

  {
    const GlossJsonNode *authors = gloss_json_object_get (object, "authors", NULL);

    if (authors != NULL)
      {
        gsize item = gloss_load_path_push_member (loader, "authors");

        ok &= read_provenance_authors (loader, authors, provenance);
        gloss_load_path_pop (loader, item);
      }
  }

  gloss_load_path_pop (loader, mark);
  return ok;
}

void
gloss_load_read_document (Walk       *walk,
                          const GlossJsonNode *object)
{
  Loader *loader = walk->loader;
  const char *id = NULL, *title = NULL, *source = NULL, *sha256 = NULL, *text = NULL;
  g_autoptr(GDateTime) imported = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossConflict) conflict = NULL;
  g_autoptr(GlossProvenance) provenance = gloss_provenance_new ();
  const GlossJsonNode *annotations;
  DocumentWalk dw = { walk, NULL, NULL };
  gboolean ok = TRUE;
  gsize mark;
  guint n;

  ok &= gloss_load_read_id (loader, object, &id);
  if (id != NULL)
    ok &= gloss_load_claim_id (walk, walk->documents, id, GLOSS_ID_DOCUMENT);
  ok &= gloss_load_read_string (loader, object, "title", REQUIRED, &title);
  ok &= gloss_load_read_string (loader, object, "source", REQUIRED, &source);
  ok &= gloss_load_read_datetime (loader, object, "imported", NULLABLE, &imported);
  /* Version 1 had no provenance: its documents have none to read. */
  if (walk->version >= 2)
    ok &= read_provenance (loader, object, provenance);
  if (!gloss_load_read_string (loader, object, "sha256", REQUIRED, &sha256))
    ok = FALSE;
  else if (!is_sha256 (sha256))
    {
      mark = gloss_load_path_push_member (loader, "sha256");
      gloss_load_problem (loader, GLOSS_ERROR_INVALID,
               _("“%s” is not a SHA-256 (64 lower-case hexadecimal digits)"), sha256);
      gloss_load_path_pop (loader, mark);
      ok = FALSE;
    }
  if (!gloss_load_read_string (loader, object, "text", REQUIRED, &text))
    ok = FALSE;
  else if (strlen (text) > GLOSS_MAX_DOCUMENT_SIZE)
    {
      mark = gloss_load_path_push_member (loader, "text");
      gloss_load_problem (loader, GLOSS_ERROR_TOO_LARGE,
               _("the text is %zu bytes; Gloss keeps documents of at most %d MB"),
               strlen (text), GLOSS_MAX_DOCUMENT_SIZE / (1024 * 1024));
      gloss_load_path_pop (loader, mark);
      ok = FALSE;
    }

  annotations = gloss_load_read_array (loader, object, "annotations");
  ok &= gloss_load_read_conflict (loader, object, &conflict);

  document = gloss_document_new (id, title, text != NULL ? text : "");
  gloss_document_set_source (document, source);
  gloss_document_set_imported (document, imported);
  if (conflict != NULL)
    gloss_document_set_conflict (document, conflict->side, conflict->with);
  gloss_document_set_provenance (document, provenance);
  dw.document = document;

  if (annotations != NULL)
    {
      mark = gloss_load_path_push_member (loader, "annotations");
      n = (annotations)->length;
      for (guint i = 0; i < n; i++)
        {
          gsize item = gloss_load_path_push_index (loader, i);
          const GlossJsonNode *annotation = gloss_load_element_object (loader, annotations, i);

          if (annotation == NULL)
            ;
          else if (text != NULL)
            read_annotation (&dw, annotation);
          else
            claim_annotation_id (walk, annotation);
          gloss_load_path_pop (loader, item);
        }
      gloss_load_path_pop (loader, mark);
    }
  g_clear_pointer (&dw.anchor_text, gloss_anchor_text_free);

  if (!ok || annotations == NULL)
    return;

  /* The text is the truth: a digest that disagrees means someone edited
   * the text outside Gloss. The annotations were checked against the text
   * above; the next save writes the right digest. */
  if (!g_str_equal (sha256, gloss_document_get_sha256 (document)))
    {
      mark = gloss_load_path_push_member (loader, "sha256");
      gloss_load_repair (loader, _("does not match the text (edited outside Gloss?); "
              "the text is kept and the digest corrected"));
      gloss_load_path_pop (loader, mark);
    }

  gloss_project_insert_document (walk->project, document);
}

