/* gloss-agreement-csv.c — the agreement table as CSV (RFC 4180)
 *
 * One row per tag and a last row for all tags: the tag, the annotations of
 * each annotator, F1 exact, F1 overlap, α_U, κ and the raw agreement. An
 * undefined value is an empty cell. CRLF line ends, fields quoted when they
 * hold a comma, a quote or a line break, numbers with a point whatever the
 * locale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-agreement.h"

static void
append_field (GString    *out,
              const char *value,
              gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');

  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_measure (GString            *out,
                const GlossMeasure *measure)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_c (out, ',');
  if (measure->undefined == NULL)
    g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.4f", measure->value));
}

static void
append_row (GString            *out,
            const char         *name,
            const guint        *counts,
            guint               n_annotators,
            const GlossMeasure *measures[5])
{
  append_field (out, name, TRUE);
  for (guint i = 0; i < n_annotators; i++)
    g_string_append_printf (out, ",%u", counts[i]);
  for (guint k = 0; k < 5; k++)
    append_measure (out, measures[k]);
  g_string_append (out, "\r\n");
}

GBytes *
gloss_agreement_to_csv (GlossAgreement *agreement)
{
  GString *out = g_string_new (NULL);
  guint m = agreement->annotators->len;
  const char * const headers[] = { "f1_exact", "f1_overlap", "alpha_u", "kappa", "percent_agreement" };

  append_field (out, "tag", TRUE);
  for (guint i = 0; i < m; i++)
    {
      g_autofree char *header = g_strdup_printf ("count %s", (const char *) g_ptr_array_index (agreement->annotators, i));

      append_field (out, header, FALSE);
    }
  for (guint k = 0; k < G_N_ELEMENTS (headers); k++)
    append_field (out, headers[k], FALSE);
  g_string_append (out, "\r\n");

  for (guint t = 0; t < agreement->tags->len; t++)
    {
      GlossTagAgreement *tag = g_ptr_array_index (agreement->tags, t);
      const GlossMeasure *measures[5] = { &tag->f1_exact, &tag->f1_overlap, &tag->alpha_u, &tag->kappa, &tag->percent };

      append_row (out, tag->name, tag->counts, m, measures);
    }
  {
    const GlossMeasure *measures[5] = { &agreement->f1_exact, &agreement->f1_overlap, &agreement->alpha_u,
                                        &agreement->kappa, &agreement->percent };

    append_row (out, _("All tags"), agreement->counts, m, measures);
  }

  return g_string_free_to_bytes (out);
}
