/* gloss-search-tag.c — "Tag All Matches": one undo step for every match
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-annotation.h"
#include "gloss-document.h"
#include "gloss-project.h"
#include "gloss-search.h"

typedef struct {
  GlossOffset      start;
  GlossOffset      end;
  GlossAnnotation *same_span;      /* an annotation on exactly the span */
  gboolean         already_tagged;
  const char      *tag_id;
} SpanLookup;

static gboolean
find_same_span_cb (GlossAnnotation *annotation,
                   gpointer         user_data)
{
  SpanLookup *lookup = user_data;

  if (gloss_annotation_get_start (annotation) != lookup->start ||
      gloss_annotation_get_end (annotation) != lookup->end)
    return TRUE;

  if (gloss_annotation_has_tag (annotation, lookup->tag_id))
    {
      lookup->already_tagged = TRUE;
      return FALSE;
    }
  if (lookup->same_span == NULL)
    lookup->same_span = annotation;
  return TRUE;
}

guint
gloss_project_tag_matches (GlossProject *project,
                           GPtrArray    *matches,
                           const char   *tag_id)
{
  guint tagged = 0;

  g_return_val_if_fail (GLOSS_IS_PROJECT (project), 0);
  g_return_val_if_fail (matches != NULL, 0);
  g_return_val_if_fail (tag_id != NULL && gloss_project_lookup_tag (project, tag_id) != NULL, 0);

  gloss_project_begin_action (project, _("Tag All Matches"));

  for (guint i = 0; i < matches->len; i++)
    {
      GlossSearchMatch *match = g_ptr_array_index (matches, i);
      GlossDocument *document = gloss_search_match_get_document (match);
      SpanLookup lookup = {
        gloss_search_match_get_start (match), gloss_search_match_get_end (match), NULL, FALSE, tag_id,
      };

      /* A match outlived by its document or its text is not tagged. */
      if (gloss_document_get_project (document) != project ||
          lookup.end > gloss_document_get_length (document) || lookup.start >= lookup.end)
        continue;

      gloss_document_foreach_in_range (document, lookup.start, lookup.end, find_same_span_cb, &lookup);
      if (lookup.already_tagged)
        continue;

      if (lookup.same_span != NULL)
        gloss_project_toggle_annotation_tag (project, lookup.same_span, tag_id);
      else
        gloss_project_annotate (project, document, lookup.start, lookup.end, tag_id);
      tagged++;
    }

  gloss_project_end_action (project);

  return tagged;
}
