/* gloss-import.c — one entry point for every kind of file Gloss imports
 *
 * The window and the command line both come through gloss_import_file(),
 * so a file imports the same way everywhere. Each import is one undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-document.h"
#include "gloss-import-private.h"
#include "gloss-project.h"

static void
placement_free (gpointer data)
{
  GlossImportPlacement *placement = data;

  g_free (placement->document);
  g_free (placement);
}

char *
gloss_import_placement_describe (const GlossImportPlacement *placement)
{
  g_return_val_if_fail (placement != NULL, NULL);

  /* Translators: a document's title, then how its imported annotations
   * were placed, e.g. "Talks stall: 12 anchored exactly, 2 moved, 1 orphaned" */
  return g_strdup_printf (_("%s: %u anchored exactly, %u moved, %u orphaned"),
                          placement->document, placement->exact,
                          placement->moved, placement->orphaned);
}

GlossImportReport *
gloss_import_report_new (void)
{
  GlossImportReport *report = g_new0 (GlossImportReport, 1);

  report->messages = g_ptr_array_new_with_free_func (g_free);
  report->remarks = g_ptr_array_new_with_free_func (g_free);
  report->placements = g_ptr_array_new_with_free_func (placement_free);

  return report;
}

void
gloss_import_report_free (GlossImportReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->messages, g_ptr_array_unref);
  g_clear_pointer (&report->remarks, g_ptr_array_unref);
  g_clear_pointer (&report->placements, g_ptr_array_unref);
  g_free (report);
}

void
_gloss_import_report_add (GlossImportReport *report,
                          const char        *file,
                          guint              line,
                          const char        *format,
                          ...)
{
  g_autofree char *text = NULL;
  va_list args;

  if (report == NULL)
    return;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    g_ptr_array_add (report->messages, g_strdup_printf ("%s:%u: %s", file, line, text));
  else
    g_ptr_array_add (report->messages, g_strdup_printf ("%s: %s", file, text));
}

void
_gloss_import_report_remark (GlossImportReport *report,
                             const char        *file,
                             const char        *text)
{
  if (report == NULL)
    return;

  /* Translators: a file name, then what to check about it */
  g_ptr_array_add (report->remarks, g_strdup_printf (_("%s: %s"), file, text));
}

/* Appends one count ("3 notes") to the summary, comma-separated. The format
 * comes from g_dngettext () at the call, where xgettext sees both forms. */
static void append_count (GString    *summary,
                          const char *format,
                          ...) G_GNUC_PRINTF (2, 3);

static void
append_count (GString    *summary,
              const char *format,
              ...)
{
  va_list args;

  if (summary->len > 0)
    g_string_append (summary, ", ");

  va_start (args, format);
  g_string_append_vprintf (summary, format, args);
  va_end (args);
}

char *
gloss_import_report_summary (GlossImportReport *report)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  guint problems;

  g_return_val_if_fail (report != NULL, NULL);

  /* Documents and annotations always show; the rest only when there are any. */
  /* Web annotations land on documents already there: no "0 documents". */
  if (report->documents > 0 || report->placements == NULL || report->placements->len == 0)
    append_count (summary, g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", report->documents),
                  report->documents);
  append_count (summary, g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations", report->annotations),
                report->annotations);
  if (report->notes > 0)
    append_count (summary, g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", report->notes),
                  report->notes);
  if (report->attributes > 0)
    append_count (summary, g_dngettext (GETTEXT_PACKAGE, "%u attribute", "%u attributes", report->attributes),
                  report->attributes);
  if (report->relations > 0)
    append_count (summary, g_dngettext (GETTEXT_PACKAGE, "%u link", "%u links", report->relations),
                  report->relations);
  if (report->events > 0)
    append_count (summary, g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", report->events),
                  report->events);
  if (report->replies > 0)
    append_count (summary, g_dngettext (GETTEXT_PACKAGE, "%u reply", "%u replies", report->replies),
                  report->replies);
  if (report->placements != NULL && report->placements->len > 0)
    {
      guint moved = 0, orphaned = 0;

      for (guint i = 0; i < report->placements->len; i++)
        {
          GlossImportPlacement *placement = g_ptr_array_index (report->placements, i);

          moved += placement->moved;
          orphaned += placement->orphaned;
        }
      append_count (summary, g_dngettext (GETTEXT_PACKAGE, "%u moved", "%u moved", moved), moved);
      append_count (summary, g_dngettext (GETTEXT_PACKAGE, "%u orphaned", "%u orphaned", orphaned),
                    orphaned);
    }
  if (report->unplaced > 0)
    append_count (summary,
                  g_dngettext (GETTEXT_PACKAGE, "%u on a document not in the project",
                               "%u on documents not in the project", report->unplaced),
                  report->unplaced);

  problems = report->messages != NULL ? report->messages->len : 0;
  if (problems > 0)
    {
      /* Translators: follows the counts, e.g. "1 document, 3 annotations; 2 problems" */
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE, "; %u problem", "; %u problems", problems),
                              problems);
    }

  return g_string_free (g_steal_pointer (&summary), FALSE);
}

typedef enum {
  IMPORT_TEXT,
  IMPORT_BRAT,
  IMPORT_PAGE,
  IMPORT_WEB_ANNOTATIONS,
  IMPORT_UNKNOWN,
} ImportKind;

static ImportKind
kind_of (GFile *file)
{
  static const char * const text_suffixes[] = { ".txt", ".text", ".md", ".markdown" };
  static const char * const page_suffixes[] = { ".html", ".htm", ".xhtml", ".mhtml", ".mht" };
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = NULL;

  if (name == NULL)
    return IMPORT_UNKNOWN;

  lower = g_ascii_strdown (name, -1);
  for (guint i = 0; i < G_N_ELEMENTS (text_suffixes); i++)
    if (g_str_has_suffix (lower, text_suffixes[i]) && strlen (lower) > strlen (text_suffixes[i]))
      return IMPORT_TEXT;
  for (guint i = 0; i < G_N_ELEMENTS (page_suffixes); i++)
    if (g_str_has_suffix (lower, page_suffixes[i]) && strlen (lower) > strlen (page_suffixes[i]))
      return IMPORT_PAGE;
  if (g_str_has_suffix (lower, ".ann") && strlen (lower) > 4)
    return IMPORT_BRAT;
  if ((g_str_has_suffix (lower, ".json") && strlen (lower) > 5) ||
      (g_str_has_suffix (lower, ".jsonld") && strlen (lower) > 7))
    return IMPORT_WEB_ANNOTATIONS;

  return IMPORT_UNKNOWN;
}

gboolean
gloss_import_file_holds_web_annotations (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return kind_of (file) == IMPORT_WEB_ANNOTATIONS;
}

/* "article.ann" → "article.txt" beside it. */
static GFile *
brat_text_file (GFile *ann_file)
{
  g_autofree char *name = g_file_get_basename (ann_file);
  g_autofree char *text_name = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (ann_file);

  text_name = g_strdup_printf ("%.*s.txt", (int) (strlen (name) - 4), name);

  if (parent == NULL)
    return g_file_new_for_path (text_name);

  return g_file_get_child (parent, text_name);
}

gboolean
gloss_import_is_article (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return kind_of (file) == IMPORT_TEXT || kind_of (file) == IMPORT_PAGE;
}

GlossDocument *
gloss_import_read_article (GFile   *file,
                           GError **error)
{
  return gloss_import_read_article_full (file, NULL, NULL, error);
}

GlossDocument *
gloss_import_read_article_full (GFile              *file,
                                const char         *encoding,
                                GlossImportReport  *report,
                                GError            **error)
{
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (kind_of (file) == IMPORT_TEXT)
    return _gloss_import_text_file_full (file, encoding, report, error);
  if (kind_of (file) == IMPORT_PAGE)
    return gloss_import_page_file (file, error);

  display_name = _gloss_import_display_name (file);
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
               _("%s is not an article: choose a text file (.txt, .text), "
                 "a Markdown file (.md, .markdown) or a saved web page (.html, .htm, .xhtml, .mhtml, .mht)"),
               display_name);
  return NULL;
}

void
gloss_import_add_article (GlossProject  *project,
                          GlossDocument *article)
{
  g_return_if_fail (GLOSS_IS_PROJECT (project));
  g_return_if_fail (GLOSS_IS_DOCUMENT (article));

  gloss_project_begin_action (project, _("Import Article"));
  gloss_project_add_document (project, article);
  gloss_project_end_action (project);
}

gboolean
gloss_import_file (GlossProject       *project,
                   GFile              *file,
                   GlossImportReport  *report,
                   GError            **error)
{
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (kind_of (file))
    {
    case IMPORT_TEXT:
    case IMPORT_PAGE:
      {
        g_autoptr(GlossDocument) document = gloss_import_read_article_full (file, NULL, report, error);

        if (document == NULL)
          return FALSE;

        gloss_import_add_article (project, document);

        if (report != NULL)
          report->documents++;
        return TRUE;
      }

    case IMPORT_BRAT:
      {
        g_autoptr(GFile) text_file = brat_text_file (file);

        return gloss_import_brat (project, file, text_file, report, error);
      }

    case IMPORT_WEB_ANNOTATIONS:
      return gloss_import_web_annotations (project, file, report, error);

    case IMPORT_UNKNOWN:
    default:
      display_name = _gloss_import_display_name (file);
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("%s is not a file Gloss imports: choose a text file (.txt, .text), "
                     "a Markdown file (.md, .markdown), a saved web page (.html, .htm, .xhtml, "
                     ".mhtml, .mht), a brat annotation file (.ann) or web annotations (.json, .jsonld)"),
                   display_name);
      return FALSE;
    }
}
