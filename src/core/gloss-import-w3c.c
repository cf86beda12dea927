/* gloss-import-w3c.c — W3C Web Annotations into WebAnnotations
 *
 * Reads what the tools write (JSON-LD compacted with the anno.jsonld
 * context, without expanding it): an AnnotationCollection with its
 * embedded pages, an AnnotationPage, a bare array of annotations, or a
 * single Annotation. Members may be one value or an array of them, "id"
 * and "type" may be spelled "@id" and "@type", and types may carry the
 * "oa:" prefix. How bodies land:
 *  - TextualBody purpose "tagging" (or "classifying") → a tag;
 *  - purpose "describing" "key: value" → the attribute key = value;
 *  - purpose "commenting", or none → the note (several joined by a blank
 *    line); a bare string body is a comment too;
 *  - motivation "linking": the target is the "from" annotation, a body
 *    that is a resource (SpecificResource or an IRI) the "to" one; a
 *    "classifying" body is the relation's type, a "commenting" one its note;
 *  - motivation "replying" whose target is another annotation: a reply,
 *    appended to that annotation's note.
 * Selectors: TextQuoteSelector and TextPositionSelector; others
 * (RangeSelector, XPathSelector, CssSelector…) are passed over in favour
 * of the quote, which finds its place in any copy of the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-import-web-private.h"
#include "gloss-web-json.h"

/* An IRI given as a string, or as an object with an id (or a source). */
static const char *
resource_iri (JsonNode *node)
{
  JsonObject *object;
  const char *iri;

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  iri = _gloss_web_json_string (object, "source");
  if (iri == NULL)
    iri = resource_iri (json_object_get_member (object, "source"));
  if (iri == NULL)
    iri = _gloss_web_json_id (object);

  return iri;
}

static gboolean
has_value (JsonObject *object,
           const char *member,
           const char *value)
{
  g_autoptr(GPtrArray) values = _gloss_web_json_values (object, member);

  for (guint i = 0; i < values->len; i++)
    {
      JsonNode *node = g_ptr_array_index (values, i);
      const char *text;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      text = json_node_get_string (node);
      if (g_str_has_prefix (text, "oa:"))
        text += 3;
      if (g_str_equal (text, value))
        return TRUE;
    }

  return FALSE;
}

static char *
creator_name (JsonObject *annotation)
{
  g_autoptr(GPtrArray) creators = _gloss_web_json_values (annotation, "creator");

  for (guint i = 0; i < creators->len; i++)
    {
      JsonNode *node = g_ptr_array_index (creators, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *object = json_node_get_object (node);
          static const char * const members[] = { "name", "nickname", "foaf:name", "id", "@id" };

          for (guint j = 0; j < G_N_ELEMENTS (members); j++)
            {
              const char *name = _gloss_web_json_string (object, members[j]);

              if (name != NULL && *name != '\0')
                return g_strdup (name);
            }
        }
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        return g_strdup (json_node_get_string (node));
    }

  return NULL;
}

static void
append_paragraph (char       **note,
                  const char  *text)
{
  char *joined;

  if (text == NULL || *text == '\0')
    return;
  if (*note == NULL)
    {
      *note = g_strdup (text);
      return;
    }

  joined = g_strconcat (*note, "\n\n", text, NULL);
  g_free (*note);
  *note = joined;
}

void
_gloss_web_annotation_read_selectors (WebAnnotation *web,
                                      JsonObject    *target)
{
  g_autoptr(GPtrArray) selectors = _gloss_web_json_values (target, "selector");

  for (guint i = 0; i < selectors->len; i++)
    {
      JsonNode *node = g_ptr_array_index (selectors, i);
      JsonObject *selector;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      selector = json_node_get_object (node);

      if (_gloss_web_json_has_type (selector, "TextQuoteSelector") && web->exact == NULL)
        {
          const char *exact = _gloss_web_json_string (selector, "exact");

          if (exact != NULL && *exact != '\0')
            {
              web->exact = g_strdup (exact);
              web->prefix = g_strdup (_gloss_web_json_string (selector, "prefix"));
              web->suffix = g_strdup (_gloss_web_json_string (selector, "suffix"));
            }
        }
      else if (_gloss_web_json_has_type (selector, "TextPositionSelector") && !web->has_position)
        {
          gint64 start, end;

          if (_gloss_web_json_offset (selector, "start", &start) &&
              _gloss_web_json_offset (selector, "end", &end) && start < end)
            {
              web->has_position = TRUE;
              web->start = start;
              web->end = end;
            }
        }
    }
}

/* The first target that says where: its source, title and selectors. */
static void
read_target (WebAnnotation *web,
             JsonObject    *annotation)
{
  g_autoptr(GPtrArray) targets = _gloss_web_json_values (annotation, "target");

  for (guint i = 0; i < targets->len && web->source == NULL; i++)
    {
      JsonNode *node = g_ptr_array_index (targets, i);
      JsonObject *target;
      JsonObject *source_object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          web->source = g_strdup (resource_iri (node));
          continue;
        }

      target = json_node_get_object (node);
      web->source = g_strdup (resource_iri (node));
      source_object = _gloss_web_json_object (target, "source");
      web->source_title = g_strdup (_gloss_web_json_string (target, "dc:title"));
      if (web->source_title == NULL && source_object != NULL)
        web->source_title = g_strdup (_gloss_web_json_string (source_object, "dc:title"));
      _gloss_web_annotation_read_selectors (web, target);
    }
}

static WebAnnotation *
read_link (JsonObject *annotation)
{
  g_autoptr(WebAnnotation) web = _gloss_web_annotation_new (WEB_ANNOTATION_LINK);
  g_autoptr(GPtrArray) targets = _gloss_web_json_values (annotation, "target");
  g_autoptr(GPtrArray) bodies = _gloss_web_json_values (annotation, "body");

  if (targets->len > 0)
    web->link_from = g_strdup (resource_iri (g_ptr_array_index (targets, 0)));

  for (guint i = 0; i < bodies->len; i++)
    {
      JsonNode *node = g_ptr_array_index (bodies, i);
      JsonObject *body = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *value = body != NULL ? _gloss_web_json_string (body, "value") : NULL;

      if (value == NULL)
        {
          if (web->link_to == NULL)
            web->link_to = g_strdup (resource_iri (node));
        }
      else if (has_value (body, "purpose", "classifying") || has_value (body, "purpose", "tagging"))
        {
          if (web->link_type == NULL && *value != '\0')
            web->link_type = g_strdup (value);
        }
      else
        append_paragraph (&web->note, value);
    }

  /* Two targets and no resource body: a link between the two. */
  if (web->link_to == NULL && targets->len > 1)
    web->link_to = g_strdup (resource_iri (g_ptr_array_index (targets, 1)));

  return g_steal_pointer (&web);
}

static void
read_bodies (WebAnnotation *web,
             JsonObject    *annotation)
{
  g_autoptr(GPtrArray) bodies = _gloss_web_json_values (annotation, "body");
  gboolean tagging = has_value (annotation, "motivation", "tagging");
  const char *body_value = _gloss_web_json_string (annotation, "bodyValue");

  append_paragraph (&web->note, body_value);

  for (guint i = 0; i < bodies->len; i++)
    {
      JsonNode *node = g_ptr_array_index (bodies, i);
      JsonObject *body;
      const char *value;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;  /* an IRI: a resource Gloss cannot hold */

      body = json_node_get_object (node);
      value = _gloss_web_json_string (body, "value");
      if (value == NULL || *value == '\0')
        continue;

      if (has_value (body, "purpose", "tagging") || has_value (body, "purpose", "classifying") ||
          (tagging && json_object_get_member (body, "purpose") == NULL))
        g_ptr_array_add (web->tags, g_strdup (value));
      else if (has_value (body, "purpose", "describing") && strstr (value, ": ") != NULL)
        {
          const char *colon = strstr (value, ": ");

          g_ptr_array_add (web->attributes, g_strndup (value, (gsize) (colon - value)));
          g_ptr_array_add (web->attributes, g_strdup (colon + 2));
        }
      else
        append_paragraph (&web->note, value);
    }
}

/* A reply targets another annotation rather than a text. */
static const char *
replied_annotation (JsonObject *annotation)
{
  g_autoptr(GPtrArray) targets = NULL;

  if (!has_value (annotation, "motivation", "replying"))
    return NULL;

  targets = _gloss_web_json_values (annotation, "target");
  if (targets->len != 1)
    return NULL;

  if (JSON_NODE_HOLDS_OBJECT (g_ptr_array_index (targets, 0)) &&
      json_object_has_member (json_node_get_object (g_ptr_array_index (targets, 0)), "selector"))
    return NULL;

  return resource_iri (g_ptr_array_index (targets, 0));
}

static void
read_annotation (JsonObject *annotation,
                 GPtrArray  *out)
{
  WebAnnotation *web;
  const char *reply_to = replied_annotation (annotation);

  if (has_value (annotation, "motivation", "linking"))
    web = read_link (annotation);
  else if (reply_to != NULL)
    {
      web = _gloss_web_annotation_new (WEB_ANNOTATION_REPLY);
      web->reply_to = g_strdup (reply_to);
      read_bodies (web, annotation);
    }
  else
    {
      web = _gloss_web_annotation_new (WEB_ANNOTATION_SPAN);
      read_target (web, annotation);
      read_bodies (web, annotation);
    }

  web->id = g_strdup (_gloss_web_json_id (annotation));
  web->creator = creator_name (annotation);
  web->created = _gloss_web_json_time (annotation, "created");
  web->modified = _gloss_web_json_time (annotation, "modified");
  g_ptr_array_add (out, web);
}

/* Walks a collection, a page, an array or an annotation. Nesting is
 * bounded by the parser's depth check. */
static gboolean
read_node (JsonNode          *node,
           const char        *display_name,
           GPtrArray         *out,
           GlossImportReport *report)
{
  JsonObject *object;
  gboolean recognised = FALSE;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        recognised |= read_node (json_array_get_element (array, i), display_name, out, report);
      return recognised || json_array_get_length (array) == 0;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  object = json_node_get_object (node);
  if (_gloss_web_json_has_type (object, "Annotation"))
    {
      read_annotation (object, out);
      return TRUE;
    }

  if (_gloss_web_json_has_type (object, "AnnotationCollection"))
    {
      JsonNode *first = json_object_get_member (object, "first");

      if (first != NULL && JSON_NODE_HOLDS_OBJECT (first))
        read_node (first, display_name, out, report);
      else if (first != NULL)
        _gloss_import_report_add (report, display_name, 0,
                                  _("the collection’s pages are not in the file (its first page is “%s”): "
                                    "save each page and import it"),
                                  resource_iri (first) != NULL ? resource_iri (first) : "?");
      return TRUE;
    }

  if (_gloss_web_json_has_type (object, "AnnotationPage"))
    {
      JsonNode *items = json_object_get_member (object, "items");
      JsonNode *next = json_object_get_member (object, "next");

      if (items != NULL)
        read_node (items, display_name, out, report);
      if (next != NULL && JSON_NODE_HOLDS_OBJECT (next))
        read_node (next, display_name, out, report);
      else if (next != NULL && resource_iri (next) != NULL)
        _gloss_import_report_add (report, display_name, 0,
                                  _("the next page of annotations is not in the file (“%s”): "
                                    "save it and import it too"),
                                  resource_iri (next));
      return TRUE;
    }

  return FALSE;
}

gboolean
_gloss_import_w3c_read (JsonNode          *root,
                        const char        *display_name,
                        GPtrArray         *out,
                        GlossImportReport *report)
{
  return read_node (root, display_name, out, report);
}
