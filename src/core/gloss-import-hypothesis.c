/* gloss-import-hypothesis.c — Hypothesis's JSON into WebAnnotations
 *
 * Hypothesis writes its annotations in two wrappings of the same rows:
 *  - its API's search answer, {"total": N, "rows": [row…]} (or a bare
 *    array of rows, or one row);
 *  - its client's export, {"export_date": …, "export_userid": …,
 *    "client_version": …, "annotations": [row…]}.
 * A row:
 *   { "id": "…", "created": "…", "updated": "…", "user": "acct:name@host",
 *     "user_info": {"display_name": "…"}, "uri": "https://…",
 *     "text": "the comment", "tags": ["…"], "references": ["root", …],
 *     "document": {"title": ["…"]},
 *     "target": [{"source": "https://…", "selector": [RangeSelector,
 *                 TextPositionSelector, TextQuoteSelector]}] }
 * "text" is the note, "tags" the tags, "updated" the modified time. A row
 * with "references" is a reply: it goes into the note of the annotation
 * that started its thread (the first reference). A row without selectors
 * is a page note: it is kept, orphaned, for the analyst to place.
 * Hypothesis's positions count UTF-16 code units of the page's whole
 * text, menus and all, so the quote usually finds the place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-import-web-private.h"
#include "gloss-web-json.h"

/* The rows, wherever the wrapping keeps them (borrowed nodes). */
static GPtrArray *
find_rows (JsonNode *root)
{
  JsonObject *object;

  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      GPtrArray *rows = g_ptr_array_new ();
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        g_ptr_array_add (rows, json_array_get_element (array, i));
      return rows;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return g_ptr_array_new ();

  object = json_node_get_object (root);
  if (json_object_has_member (object, "rows"))
    return _gloss_web_json_values (object, "rows");
  if (json_object_has_member (object, "annotations"))
    return _gloss_web_json_values (object, "annotations");

  return _gloss_web_json_values (NULL, NULL);
}

static gboolean
is_row (JsonNode *node)
{
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  object = json_node_get_object (node);
  return _gloss_web_json_string (object, "uri") != NULL &&
         !_gloss_web_json_has_type (object, "Annotation");
}

gboolean
_gloss_import_hypothesis_recognise (JsonNode *root)
{
  g_autoptr(GPtrArray) rows = NULL;
  JsonObject *object;

  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      object = json_node_get_object (root);
      if (is_row (root))
        return TRUE;
      if (json_object_has_member (object, "export_userid") ||
          json_object_has_member (object, "client_version"))
        return TRUE;
    }

  rows = find_rows (root);
  return rows->len > 0 && is_row (g_ptr_array_index (rows, 0));
}

/* "acct:alice@hypothes.is" → "alice", unless the row has a display name. */
static char *
row_creator (JsonObject *row)
{
  JsonObject *info = _gloss_web_json_object (row, "user_info");
  const char *display = _gloss_web_json_string (info, "display_name");
  const char *user = _gloss_web_json_string (row, "user");
  const char *at;

  if (display != NULL && *display != '\0')
    return g_strdup (display);
  if (user == NULL || *user == '\0')
    return NULL;
  if (g_str_has_prefix (user, "acct:"))
    user += strlen ("acct:");
  at = strchr (user, '@');

  return at != NULL && at > user ? g_strndup (user, (gsize) (at - user)) : g_strdup (user);
}

static char *
document_title (JsonObject *row)
{
  JsonObject *document = _gloss_web_json_object (row, "document");
  g_autoptr(GPtrArray) titles = _gloss_web_json_values (document, "title");

  for (guint i = 0; i < titles->len; i++)
    {
      JsonNode *node = g_ptr_array_index (titles, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        return g_strdup (json_node_get_string (node));
    }

  return NULL;
}

static void
read_target (WebAnnotation *web,
             JsonObject    *row)
{
  g_autoptr(GPtrArray) targets = _gloss_web_json_values (row, "target");

  for (guint i = 0; i < targets->len; i++)
    {
      JsonNode *node = g_ptr_array_index (targets, i);
      JsonObject *target;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      target = json_node_get_object (node);
      if (web->source == NULL)
        web->source = g_strdup (_gloss_web_json_string (target, "source"));

      _gloss_web_annotation_read_selectors (web, target);
    }

  if (web->source == NULL)
    web->source = g_strdup (_gloss_web_json_string (row, "uri"));
}

static WebAnnotation *
read_row (JsonObject *row)
{
  g_autoptr(GPtrArray) references = _gloss_web_json_values (row, "references");
  g_autoptr(GPtrArray) tags = _gloss_web_json_values (row, "tags");
  const char *thread = NULL;
  WebAnnotation *web;

  if (references->len > 0 && JSON_NODE_HOLDS_VALUE (g_ptr_array_index (references, 0)) &&
      json_node_get_value_type (g_ptr_array_index (references, 0)) == G_TYPE_STRING)
    thread = json_node_get_string (g_ptr_array_index (references, 0));

  if (thread != NULL)
    {
      web = _gloss_web_annotation_new (WEB_ANNOTATION_REPLY);
      web->reply_to = g_strdup (thread);
    }
  else
    {
      web = _gloss_web_annotation_new (WEB_ANNOTATION_SPAN);
      read_target (web, row);
      web->source_title = document_title (row);
    }

  web->id = g_strdup (_gloss_web_json_string (row, "id"));
  if (_gloss_web_json_string (row, "text") != NULL && *_gloss_web_json_string (row, "text") != '\0')
    web->note = g_strdup (_gloss_web_json_string (row, "text"));
  for (guint i = 0; i < tags->len; i++)
    {
      JsonNode *node = g_ptr_array_index (tags, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
          *json_node_get_string (node) != '\0')
        g_ptr_array_add (web->tags, g_strdup (json_node_get_string (node)));
    }
  web->creator = row_creator (row);
  web->created = _gloss_web_json_time (row, "created");
  web->modified = _gloss_web_json_time (row, "updated");

  return web;
}

gboolean
_gloss_import_hypothesis_read (JsonNode          *root,
                               const char        *display_name,
                               GPtrArray         *out,
                               GlossImportReport *report)
{
  g_autoptr(GPtrArray) rows = NULL;

  if (!_gloss_import_hypothesis_recognise (root))
    return FALSE;

  if (JSON_NODE_HOLDS_OBJECT (root) && is_row (root))
    {
      g_ptr_array_add (out, read_row (json_node_get_object (root)));
      return TRUE;
    }

  rows = find_rows (root);
  for (guint i = 0; i < rows->len; i++)
    {
      JsonNode *node = g_ptr_array_index (rows, i);

      if (is_row (node))
        g_ptr_array_add (out, read_row (json_node_get_object (node)));
      else
        _gloss_import_report_add (report, display_name, 0,
                                  _("annotation %u is not a Hypothesis annotation (it has no “uri”): skipped"),
                                  i + 1);
    }

  return TRUE;
}
