/* gloss-agreement-alpha.c — Krippendorff's unitizing alpha, one category
 *
 * Krippendorff (2004), "Measuring the reliability of qualitative text
 * analysis data", Quality & Quantity 38: each of m annotators divides a
 * continuum of length L into sections, units of the category (w = 1) and
 * the gaps between them (w = 0). For two sections g (annotator i) and h
 * (annotator j ≠ i), with begins b and lengths l:
 *
 *   δ²(g, h) = (b_g − b_h)² + (b_g + l_g − b_h − l_h)²   both units, overlapping
 *            = l_g²                                     unit g inside gap h
 *            = l_h²                                     unit h inside gap g
 *            = 0                                        otherwise
 *
 *   D_o = Σ_i Σ_{j≠i} Σ_g Σ_h δ²(g, h) / (m (m − 1) L²)
 *
 *   D_e = 2 / L · Σ_i Σ_{units g of i} [ (N − 1)/3 · (2 l_g³ − 3 l_g² + l_g)
 *                          + l_g² · Σ_j Σ_{gaps h of j, l_h ≥ l_g} (l_h − l_g + 1) ]
 *         / (m L (m L − 1) − Σ_i Σ_{units g of i} l_g (l_g − 1))
 *
 * with N the number of units of all annotators, and α_U = 1 − D_o / D_e.
 * Every non-zero δ² pairs sections that intersect, so D_o walks the two
 * section lists side by side; D_e sorts the gaps by length once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-agreement.h"

typedef struct {
  guint64  begin;
  guint64  length;
  gboolean unit;
} Section;

static int
compare_units (gconstpointer a,
               gconstpointer b)
{
  const GlossUnit *x = a, *y = b;

  if (x->begin != y->begin)
    return x->begin < y->begin ? -1 : 1;
  if (x->length != y->length)
    return x->length < y->length ? -1 : 1;
  return 0;
}

void
gloss_unitizing_merge_overlaps (GArray *units)
{
  guint kept = 0;

  g_array_sort (units, compare_units);
  for (guint i = 0; i < units->len; i++)
    {
      GlossUnit *unit = &g_array_index (units, GlossUnit, i);
      GlossUnit *last = kept > 0 ? &g_array_index (units, GlossUnit, kept - 1) : NULL;

      if (unit->length == 0)
        continue;
      if (last != NULL && unit->begin < last->begin + last->length)
        {
          last->length = MAX (last->begin + last->length, unit->begin + unit->length) - last->begin;
          continue;
        }
      g_array_index (units, GlossUnit, kept++) = *unit;
    }
  g_array_set_size (units, kept);
}

/* The units and the gaps between them, covering [0, @length). */
static GArray *
sections_of (GArray  *units,
             guint64  length)
{
  GArray *sections = g_array_sized_new (FALSE, FALSE, sizeof (Section), units->len * 2 + 1);
  guint64 position = 0;

  for (guint i = 0; i < units->len; i++)
    {
      const GlossUnit *unit = &g_array_index (units, GlossUnit, i);

      if (unit->begin > position)
        g_array_append_val (sections, ((Section) { position, unit->begin - position, FALSE }));
      g_array_append_val (sections, ((Section) { unit->begin, unit->length, TRUE }));
      position = unit->begin + unit->length;
    }
  if (position < length)
    g_array_append_val (sections, ((Section) { position, length - position, FALSE }));

  return sections;
}

static double
square (double x)
{
  return x * x;
}

static double
delta_squared (const Section *g,
               const Section *h)
{
  double bg = (double) g->begin, lg = (double) g->length;
  double bh = (double) h->begin, lh = (double) h->length;

  if (g->unit && h->unit)
    return square (bg - bh) + square (bg + lg - bh - lh);  /* they intersect */
  if (g->unit && !h->unit && g->begin >= h->begin && g->begin + g->length <= h->begin + h->length)
    return square (lg);
  if (!g->unit && h->unit && h->begin >= g->begin && h->begin + h->length <= g->begin + g->length)
    return square (lh);

  return 0;
}

/* Σ_g Σ_h δ²(g, h) over one ordered pair of annotators: only sections that
 * intersect can disagree, and both lists cover the continuum in order. */
static double
pair_disagreement (GArray *a,
                   GArray *b)
{
  double sum = 0;
  guint i = 0, j = 0;

  while (i < a->len && j < b->len)
    {
      const Section *g = &g_array_index (a, Section, i);
      const Section *h = &g_array_index (b, Section, j);
      guint64 g_end = g->begin + g->length, h_end = h->begin + h->length;

      sum += delta_squared (g, h);
      if (g_end < h_end)
        i++;
      else if (h_end < g_end)
        j++;
      else
        i++, j++;
    }

  return sum;
}

static int
compare_lengths (gconstpointer a,
                 gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

gboolean
gloss_unitizing_alpha_terms (GArray * const *units,
                             guint           n_annotators,
                             guint64         length,
                             double         *observed,
                             double         *expected,
                             const char    **undefined)
{
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autofree double *gap_tail = NULL;   /* Σ (l_h + 1) over gaps from k on */
  double m = n_annotators, L = (double) length;
  double n_units = 0, disagreement = 0, numerator = 0, unit_pairs = 0, denominator;

  *observed = *expected = 0;
  *undefined = NULL;
  g_return_val_if_fail (n_annotators >= 2, FALSE);

  for (guint i = 0; i < n_annotators; i++)
    {
      GArray *annotator_sections = sections_of (units[i], length);

      g_ptr_array_add (sections, annotator_sections);
      n_units += units[i]->len;
      for (guint k = 0; k < annotator_sections->len; k++)
        {
          const Section *section = &g_array_index (annotator_sections, Section, k);

          if (!section->unit)
            g_array_append_val (gaps, section->length);
        }
    }

  if (length == 0)
    {
      *undefined = _("the documents have no text");
      return FALSE;
    }
  if (n_units == 0)
    {
      *undefined = _("no annotations with this tag");
      return FALSE;
    }

  /* δ² is symmetric: each unordered pair counts twice. */
  for (guint i = 0; i < n_annotators; i++)
    for (guint j = i + 1; j < n_annotators; j++)
      disagreement += 2 * pair_disagreement (g_ptr_array_index (sections, i), g_ptr_array_index (sections, j));
  *observed = disagreement / (m * (m - 1) * L * L);

  g_array_sort (gaps, compare_lengths);
  gap_tail = g_new0 (double, gaps->len + 1);
  for (guint k = gaps->len; k-- > 0;)
    gap_tail[k] = gap_tail[k + 1] + (double) g_array_index (gaps, guint64, k) + 1;

  for (guint i = 0; i < n_annotators; i++)
    for (guint k = 0; k < units[i]->len; k++)
      {
        double l = (double) g_array_index (units[i], GlossUnit, k).length;
        guint64 key = g_array_index (units[i], GlossUnit, k).length;
        guint low = 0, high = gaps->len;

        /* The first gap at least as long as the unit. */
        while (low < high)
          {
            guint middle = low + (high - low) / 2;

            if (g_array_index (gaps, guint64, middle) < key)
              low = middle + 1;
            else
              high = middle;
          }

        numerator += (n_units - 1) / 3 * (2 * l * l * l - 3 * l * l + l) +
                     l * l * (gap_tail[low] - l * (double) (gaps->len - low));
        unit_pairs += l * (l - 1);
      }

  denominator = m * L * (m * L - 1) - unit_pairs;
  if (denominator <= 0 || numerator <= 0)
    {
      *undefined = _("the expected disagreement is 0 (the annotations leave no room to disagree)");
      return FALSE;
    }
  *expected = 2 / L * numerator / denominator;

  return TRUE;
}
