/* gloss-cli-agreement.c — gloss --agreement: the measures as a table or JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss.h"
#include "gloss-cli-agreement.h"
#include "gloss-cli.h"

/* ---- Text ---- */

static void
append_padded (GString    *line,
               const char *text,
               guint       width,
               gboolean    right)
{
  glong length = g_utf8_strlen (text, -1);

  if (right)
    for (glong i = length; i < (glong) width; i++)
      g_string_append_c (line, ' ');
  g_string_append (line, text);
  if (!right)
    for (glong i = length; i < (glong) width; i++)
      g_string_append_c (line, ' ');
}

static char *
format_measure (const GlossMeasure *measure,
                gboolean            percent)
{
  if (measure->undefined != NULL)
    return g_strdup (_("undefined"));
  if (percent)
    return g_strdup_printf ("%.1f%%", measure->value * 100);
  return g_strdup_printf ("%.4f", measure->value);
}

typedef struct {
  const char         *label;
  const GlossMeasure *measure;
} Named;

static void
append_row (GString            *out,
            GPtrArray          *reasons,
            const char         *name,
            guint               name_width,
            const guint        *counts,
            guint               n_annotators,
            const GlossMeasure *f1_exact,
            const GlossMeasure *f1_overlap,
            const GlossMeasure *alpha_u,
            const GlossMeasure *kappa,
            const GlossMeasure *percent)
{
  const Named measures[] = {
    { _("F1 exact"), f1_exact }, { _("F1 overlap"), f1_overlap },
    { "α_U", alpha_u }, { "κ", kappa }, { _("agreement"), percent },
  };

  append_padded (out, name, name_width, FALSE);
  for (guint i = 0; i < n_annotators; i++)
    {
      g_autofree char *count = g_strdup_printf ("%u", counts[i]);

      append_padded (out, count, 7, TRUE);
    }
  for (guint k = 0; k < G_N_ELEMENTS (measures); k++)
    {
      g_autofree char *value = format_measure (measures[k].measure, k == G_N_ELEMENTS (measures) - 1);

      append_padded (out, value, 11, TRUE);
      if (measures[k].measure->undefined != NULL)
        g_ptr_array_add (reasons, g_strdup_printf (_("%s, %s: undefined (%s)"), name, measures[k].label,
                                                   measures[k].measure->undefined));
    }
  g_string_append_c (out, '\n');
}

static GString *
format_text (GlossAgreement *agreement)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  guint m = agreement->annotators->len;
  guint name_width = g_utf8_strlen (_("All tags"), -1);
  const char *headers[] = { N_("F1 exact"), N_("F1 overlap"), "α_U", "κ", N_("agreement") };

  g_string_append (out, _("Annotators:"));
  for (guint i = 0; i < m; i++)
    {
      const char *name = g_ptr_array_index (agreement->annotators, i);

      g_string_append_printf (out, "  #%u %s", i + 1, *name != '\0' ? name : _("(no author)"));
    }
  g_string_append_c (out, '\n');
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "Documents: %u shared\n", "Documents: %u shared\n",
                                            agreement->n_documents), agreement->n_documents);
  for (guint i = 0; i < agreement->skipped->len; i++)
    g_string_append_printf (out, _("Skipped: %s\n"), (const char *) g_ptr_array_index (agreement->skipped, i));
  g_string_append_c (out, '\n');

  for (guint t = 0; t < agreement->tags->len; t++)
    {
      GlossTagAgreement *tag = g_ptr_array_index (agreement->tags, t);

      name_width = MAX (name_width, g_utf8_strlen (tag->name, -1));
    }
  name_width += 2;

  append_padded (out, _("Tag"), name_width, FALSE);
  for (guint i = 0; i < m; i++)
    {
      g_autofree char *header = g_strdup_printf ("#%u", i + 1);

      append_padded (out, header, 7, TRUE);
    }
  for (guint k = 0; k < G_N_ELEMENTS (headers); k++)
    append_padded (out, k == 2 || k == 3 ? headers[k] : _(headers[k]), 11, TRUE);
  g_string_append_c (out, '\n');

  for (guint t = 0; t < agreement->tags->len; t++)
    {
      GlossTagAgreement *tag = g_ptr_array_index (agreement->tags, t);

      append_row (out, reasons, tag->name, name_width, tag->counts, m, &tag->f1_exact,
                  &tag->f1_overlap, &tag->alpha_u, &tag->kappa, &tag->percent);
    }
  append_row (out, reasons, _("All tags"), name_width, agreement->counts, m, &agreement->f1_exact,
              &agreement->f1_overlap, &agreement->alpha_u, &agreement->kappa, &agreement->percent);

  if (reasons->len > 0)
    g_string_append_c (out, '\n');
  for (guint i = 0; i < reasons->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (reasons, i));

  return out;
}

/* ---- JSON ---- */

static void
measure_member (GlossJsonWriter    *writer,
                const char         *name,
                const GlossMeasure *measure)
{
  gloss_json_writer_member (writer, name);
  if (measure->undefined != NULL)
    gloss_json_writer_null (writer);
  else
    gloss_json_writer_double (writer, measure->value, 4);
}

static void
counts_member (GlossJsonWriter *writer,
               const guint     *counts,
               guint            n)
{
  gloss_json_writer_member (writer, "counts");
  gloss_json_writer_begin_array (writer);
  for (guint i = 0; i < n; i++)
    gloss_json_writer_int (writer, counts[i]);
  gloss_json_writer_end_array (writer);
}

static GBytes *
format_json (GlossAgreement *agreement)
{
  g_autoptr(GlossJsonWriter) writer = gloss_json_writer_new (4096);
  guint m = agreement->annotators->len;

  gloss_json_writer_begin_object (writer);
  gloss_json_writer_member (writer, "annotators");
  gloss_json_writer_begin_array (writer);
  for (guint i = 0; i < m; i++)
    gloss_json_writer_string (writer, g_ptr_array_index (agreement->annotators, i));
  gloss_json_writer_end_array (writer);
  gloss_json_writer_int_member (writer, "documents", agreement->n_documents);
  gloss_json_writer_member (writer, "skipped");
  gloss_json_writer_begin_array (writer);
  for (guint i = 0; i < agreement->skipped->len; i++)
    gloss_json_writer_string (writer, g_ptr_array_index (agreement->skipped, i));
  gloss_json_writer_end_array (writer);

  gloss_json_writer_member (writer, "tags");
  gloss_json_writer_begin_array (writer);
  for (guint t = 0; t < agreement->tags->len; t++)
    {
      GlossTagAgreement *tag = g_ptr_array_index (agreement->tags, t);

      gloss_json_writer_begin_object (writer);
      gloss_json_writer_string_member (writer, "tag", tag->name);
      gloss_json_writer_string_member (writer, "id", tag->tag_id);
      counts_member (writer, tag->counts, m);
      measure_member (writer, "f1_exact", &tag->f1_exact);
      measure_member (writer, "f1_overlap", &tag->f1_overlap);
      measure_member (writer, "alpha_u", &tag->alpha_u);
      measure_member (writer, "kappa", &tag->kappa);
      measure_member (writer, "percent_agreement", &tag->percent);
      gloss_json_writer_end_object (writer);
    }
  gloss_json_writer_end_array (writer);

  counts_member (writer, agreement->counts, m);
  measure_member (writer, "f1_exact", &agreement->f1_exact);
  measure_member (writer, "f1_overlap", &agreement->f1_overlap);
  measure_member (writer, "alpha_u", &agreement->alpha_u);
  measure_member (writer, "kappa", &agreement->kappa);
  measure_member (writer, "percent_agreement", &agreement->percent);
  gloss_json_writer_end_object (writer);

  return gloss_json_writer_finish (g_steal_pointer (&writer));
}

int
gloss_cli_agreement (char     **files,
                     gboolean   by_author,
                     gboolean   json)
{
  g_autoptr(GPtrArray) projects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  guint n_files = files != NULL ? g_strv_length (files) : 0;
  gsize size;
  const char *data;
  g_autoptr(GBytes) bytes = NULL;

  if (by_author && n_files != 1)
    return gloss_cli_usage (_("--agreement --by-author needs exactly one project file"));
  if (!by_author && n_files < 2)
    return gloss_cli_usage (_("--agreement needs two or more project files, one for each annotator (or --by-author and one file)"));

  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      GlossProject *project = gloss_project_load (file, &error);

      if (project == NULL)
        return gloss_cli_fail ("%s", error->message);
      g_ptr_array_add (projects, project);
    }

  if (by_author)
    agreement = gloss_agreement_by_author (g_ptr_array_index (projects, 0), &error);
  else
    agreement = gloss_agreement_between ((GlossProject * const *) projects->pdata,
                                         (const char * const *) files, n_files, &error);
  if (agreement == NULL)
    return gloss_cli_fail ("%s: %s", by_author ? files[0] : _("agreement"), error->message);

  if (json)
    bytes = format_json (agreement);
  else
    {
      GString *text = format_text (agreement);

      bytes = g_string_free_to_bytes (text);
    }

  data = g_bytes_get_data (bytes, &size);
  if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
    return gloss_cli_fail (_("could not write to standard output"));

  return GLOSS_EXIT_OK;
}
