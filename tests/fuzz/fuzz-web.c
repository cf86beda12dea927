/* fuzz-web.c — libFuzzer target: a web annotation file (W3C or Hypothesis)
 *
 * The input is the JSON file, imported onto a project holding one article
 * with emoji, combining marks, RTL text and CRLF. Whatever comes in must
 * lie inside its document, export as W3C, and that export import again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include <string.h>

#include "gloss.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

#define ARTICLE \
  "Ferry vote \xF0\x9F\x97\xB3\xEF\xB8\x8F today\r\n" \
  "The mayor \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 said \xF0\x9F\x87\xB3\xF0\x9F\x87\xB4 a gamble.\r\n" \
  "Zoe\xCC\x88 \xD9\x82\xD8\xA7\xD9\x84 \xE6\xB8\xA1\xE8\x88\xB9 ends."

static char *workdir;

static GlossProject *
new_project (void)
{
  GlossProject *project = gloss_project_new ();
  g_autoptr(GlossDocument) document = gloss_document_new (NULL, "Ferry vote", ARTICLE);

  gloss_document_set_source (document, "https://news.example/a/harbour.txt");
  gloss_project_add_document (project, document);
  return project;
}

static void
check_annotations (GlossProject *project)
{
  g_autoptr(GlossDocument) document = g_list_model_get_item (gloss_project_get_documents (project), 0);

  for (guint j = 0; j < gloss_document_get_n_annotations (document); j++)
    {
      GlossAnnotation *a = gloss_document_get_annotation (document, j);

      g_assert (gloss_annotation_get_start (a) < gloss_annotation_get_end (a));
      g_assert (gloss_annotation_get_end (a) <= gloss_document_get_length (document));
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GlossProject) project = new_project ();
  g_autoptr(GlossProject) again = new_project ();
  g_autoptr(GlossImportReport) report = gloss_import_report_new ();
  g_autoptr(GlossImportReport) report_again = gloss_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *export_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) export_file = NULL;
  g_autoptr(GlossDocument) document = NULL;

  if (workdir == NULL)
    workdir = g_dir_make_tmp ("gloss-fuzz-web-XXXXXX", NULL);

  path = g_build_filename (workdir, "annotations.json", NULL);
  export_path = g_build_filename (workdir, "export.jsonld", NULL);
  g_file_set_contents (path, (const char *) data, (gssize) size, NULL);
  file = g_file_new_for_path (path);

  if (!gloss_import_file (project, file, report, &error))
    {
      g_assert (error != NULL);
      return 0;
    }
  check_annotations (project);

  /* What came in goes out as W3C and comes back, every annotation. */
  export_file = g_file_new_for_path (export_path);
  g_assert (gloss_export_to_file (project, NULL, GLOSS_EXPORT_W3C_UTF16, export_file, NULL));
  g_assert (gloss_import_file (again, export_file, report_again, NULL));
  check_annotations (again);
  document = g_list_model_get_item (gloss_project_get_documents (project), 0);
  g_assert (report_again->annotations == gloss_document_get_n_annotations (document));

  return 0;
}
