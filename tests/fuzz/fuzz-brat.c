/* fuzz-brat.c — libFuzzer target: a brat .ann and .txt pair
 *
 * The input is split at the first NUL byte: the .txt before, the .ann after.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include <string.h>

#include "gloss.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *workdir;

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const guint8 *split = memchr (data, '\0', size);
  g_autofree char *txt_path = NULL;
  g_autofree char *ann_path = NULL;
  g_autoptr(GFile) txt_file = NULL;
  g_autoptr(GFile) ann_file = NULL;
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossImportReport) report = gloss_import_report_new ();
  g_autoptr(GError) error = NULL;
  size_t txt_size = split != NULL ? (size_t) (split - data) : size;

  if (workdir == NULL)
    workdir = g_dir_make_tmp ("gloss-fuzz-brat-XXXXXX", NULL);

  txt_path = g_build_filename (workdir, "doc.txt", NULL);
  ann_path = g_build_filename (workdir, "doc.ann", NULL);
  g_file_set_contents (txt_path, (const char *) data, (gssize) txt_size, NULL);
  g_file_set_contents (ann_path, split != NULL ? (const char *) split + 1 : "",
                       split != NULL ? (gssize) (size - txt_size - 1) : 0, NULL);

  txt_file = g_file_new_for_path (txt_path);
  ann_file = g_file_new_for_path (ann_path);
  if (!gloss_import_brat (project, ann_file, txt_file, report, &error))
    {
      g_assert (error != NULL);
      return 0;
    }

  /* Whatever was imported lies inside its document and exports. */
  {
    GListModel *documents = gloss_project_get_documents (project);

    for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
      {
        g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);

        for (guint j = 0; j < gloss_document_get_n_annotations (document); j++)
          {
            GlossAnnotation *a = gloss_document_get_annotation (document, j);

            g_assert (gloss_annotation_get_start (a) < gloss_annotation_get_end (a));
            g_assert (gloss_annotation_get_end (a) <= gloss_document_get_length (document));
          }
        g_free (gloss_export_brat_ann (project, document));
      }
  }

  return 0;
}
