/* gloss-agreement.c — gathering annotators' spans and measuring agreement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-agreement-private.h"
#include "gloss-annotation.h"
#include "gloss-document.h"
#include "gloss-project.h"
#include "gloss-tag.h"

/* What the measures need: who, where, which tags. */
typedef struct {
  guint      n_annotators;
  GArray   **spans;          /* per annotator: GlossSpan, sorted */
  GArray    *document_starts; /* guint64: where each shared document begins on the continuum */
  guint64    length;          /* of all shared documents end to end */
  GPtrArray *tag_ids;         /* char *, tag-set order */
  GPtrArray *tag_names;       /* char * */
  GHashTable *tag_index;      /* tag id → its index + 1 */
} Input;

static void
input_clear (Input *input)
{
  for (guint i = 0; i < input->n_annotators; i++)
    g_array_unref (input->spans[i]);
  g_free (input->spans);
  g_clear_pointer (&input->document_starts, g_array_unref);
  g_clear_pointer (&input->tag_ids, g_ptr_array_unref);
  g_clear_pointer (&input->tag_names, g_ptr_array_unref);
  g_clear_pointer (&input->tag_index, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Input, input_clear)

static void
input_init (Input *input,
            guint  n_annotators)
{
  input->n_annotators = n_annotators;
  input->spans = g_new0 (GArray *, n_annotators);
  for (guint i = 0; i < n_annotators; i++)
    input->spans[i] = g_array_new (FALSE, FALSE, sizeof (GlossSpan));
  input->document_starts = g_array_new (FALSE, FALSE, sizeof (guint64));
  input->tag_ids = g_ptr_array_new_with_free_func (g_free);
  input->tag_names = g_ptr_array_new_with_free_func (g_free);
  input->tag_index = g_hash_table_new (g_str_hash, g_str_equal);
}

static guint
input_add_document (Input         *input,
                    GlossDocument *document)
{
  g_array_append_val (input->document_starts, input->length);
  input->length += gloss_document_get_length (document);
  return input->document_starts->len - 1;
}

/* Orphans have no place in the text to agree on: they are left out. */
static void
input_add_annotation (Input           *input,
                      guint            annotator,
                      guint            document,
                      GlossAnnotation *annotation)
{
  GlossSpan span = { document, gloss_annotation_get_start (annotation),
                     gloss_annotation_get_end (annotation), annotation, 0 };

  for (const char * const *tag = gloss_annotation_get_tags (annotation); *tag != NULL; tag++)
    {
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (input->tag_index, *tag));

      if (index > 0 && index <= 64)
        span.tag_bits |= G_GUINT64_CONSTANT (1) << (index - 1);
    }

  if (gloss_annotation_get_state (annotation) != GLOSS_ANCHOR_ORPHANED && span.start < span.end)
    g_array_append_val (input->spans[annotator], span);
}

static void
input_add_tags (Input        *input,
                GlossProject *project)
{
  GListModel *tags = gloss_project_get_tags (project);
  guint n = g_list_model_get_n_items (tags);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossTag) tag = g_list_model_get_item (tags, i);
      if (!g_hash_table_contains (input->tag_index, gloss_tag_get_id (tag)))
        {
          g_ptr_array_add (input->tag_ids, g_strdup (gloss_tag_get_id (tag)));
          g_ptr_array_add (input->tag_names, g_strdup (gloss_tag_get_name (tag)));
          g_hash_table_insert (input->tag_index, g_ptr_array_index (input->tag_ids, input->tag_ids->len - 1),
                               GUINT_TO_POINTER (input->tag_ids->len));
        }
    }
}

/* ---- The measures ---- */

static GlossMeasure
defined (double value)
{
  return (GlossMeasure) { value, NULL };
}

static GlossMeasure
undefined (const char *reason)
{
  return (GlossMeasure) { 0, reason };
}

static GlossMeasure
f1 (guint matched,
    guint total)
{
  if (total == 0)
    return undefined (_("no annotator used this tag"));
  return defined (2.0 * matched / total);
}

static GArray *
spans_with_tag (GArray     *spans,
                guint       tag,
                const char *tag_id)
{
  GArray *with_tag = g_array_new (FALSE, FALSE, sizeof (GlossSpan));

  for (guint k = 0; k < spans->len; k++)
    {
      const GlossSpan *span = &g_array_index (spans, GlossSpan, k);

      if (_gloss_span_has_tag (span, tag, tag_id))
        g_array_append_val (with_tag, *span);
    }

  return with_tag;
}

/* Cohen's kappa and the raw agreement over matched pairs of labels. */
typedef struct {
  double kappa_sum;
  guint  kappa_n;
  double percent_sum;
  guint  percent_n;
  const char *reason;
} KappaTotals;

static void
add_kappa (KappaTotals *totals,
           const guint *labels_a,
           const guint *labels_b,
           guint        n,
           guint        n_labels)
{
  g_autofree double *share_a = g_new0 (double, n_labels);
  g_autofree double *share_b = g_new0 (double, n_labels);
  double agree = 0, chance = 0;

  if (n == 0)
    {
      totals->reason = totals->reason != NULL ? totals->reason : _("no spans of the annotators overlap");
      return;
    }

  for (guint k = 0; k < n; k++)
    {
      agree += labels_a[k] == labels_b[k];
      share_a[labels_a[k]] += 1.0 / n;
      share_b[labels_b[k]] += 1.0 / n;
    }
  for (guint c = 0; c < n_labels; c++)
    chance += share_a[c] * share_b[c];
  agree /= n;

  totals->percent_sum += agree;
  totals->percent_n++;
  /* Exactly one in exact arithmetic: every label the same on both sides. */
  if (chance >= 1 - 1e-12)
    {
      totals->reason = _("every matched span has the same tags, so agreement by chance is 1");
      return;
    }
  totals->kappa_sum += (agree - chance) / (1 - chance);
  totals->kappa_n++;
}

static void
kappa_results (const KappaTotals *totals,
               GlossMeasure      *kappa,
               GlossMeasure      *percent)
{
  *kappa = totals->kappa_n > 0 ? defined (totals->kappa_sum / totals->kappa_n) : undefined (totals->reason);
  *percent = totals->percent_n > 0 ? defined (totals->percent_sum / totals->percent_n)
                                   : undefined (_("no spans of the annotators overlap"));
}

/* Labels for kappa: each distinct tag set gets a number. */
typedef struct {
  GHashTable *by_bits;    /* guint64 * → number + 1 */
  GHashTable *by_names;   /* sorted ids joined → number + 1 */
  guint       n;
} Labels;

static void
labels_clear (Labels *labels)
{
  g_clear_pointer (&labels->by_bits, g_hash_table_unref);
  g_clear_pointer (&labels->by_names, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Labels, labels_clear)

static guint
label_by_names (Labels          *labels,
                GlossAnnotation *annotation)
{
  guint n = gloss_annotation_get_n_tags (annotation);
  g_autofree const char **sorted = g_new0 (const char *, n + 1);
  g_autofree char *key = NULL;
  gpointer value;

  memcpy (sorted, gloss_annotation_get_tags (annotation), n * sizeof (char *));
  /* An annotation has a few tags: insertion sort. */
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && strcmp (sorted[j - 1], sorted[j]) > 0; j--)
      {
        const char *swap = sorted[j - 1];

        sorted[j - 1] = sorted[j];
        sorted[j] = swap;
      }
  key = g_strjoinv ("\x1f", (char **) sorted);

  if ((value = g_hash_table_lookup (labels->by_names, key)) != NULL)
    return GPOINTER_TO_UINT (value) - 1;

  g_hash_table_insert (labels->by_names, g_steal_pointer (&key), GUINT_TO_POINTER (++labels->n));
  return labels->n - 1;
}

/* The tag set of a span as one label: its tag bits, or with more than 64
 * tags in play, its sorted tag ids. */
static guint
tag_set_label (Labels          *labels,
               guint            n_tags,
               const GlossSpan *span)
{
  gpointer value;
  guint64 *key;

  if (n_tags > 64)
    return label_by_names (labels, span->annotation);

  if ((value = g_hash_table_lookup (labels->by_bits, &span->tag_bits)) != NULL)
    return GPOINTER_TO_UINT (value) - 1;

  key = g_new (guint64, 1);
  *key = span->tag_bits;
  g_hash_table_insert (labels->by_bits, key, GUINT_TO_POINTER (++labels->n));
  return labels->n - 1;
}

static void
free_tag_agreement (GlossTagAgreement *tag)
{
  g_free (tag->tag_id);
  g_free (tag->name);
  g_free (tag->counts);
  g_free (tag);
}

void
gloss_agreement_free (GlossAgreement *agreement)
{
  if (agreement == NULL)
    return;

  g_ptr_array_unref (agreement->annotators);
  g_ptr_array_unref (agreement->skipped);
  g_ptr_array_unref (agreement->tags);
  g_free (agreement->counts);
  g_free (agreement);
}

static GlossAgreement *
measure (Input *input)
{
  GlossAgreement *agreement = g_new0 (GlossAgreement, 1);
  guint m = input->n_annotators;
  guint n_pairs = m * (m - 1) / 2;
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) pair_matches = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_auto(Labels) labels = { g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL),
                            g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), 0 };
  g_autoptr(GArray) labels_a = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) labels_b = g_array_new (FALSE, FALSE, sizeof (guint));
  KappaTotals overall_kappa = { 0 };
  guint exact_all = 0, overlap_all = 0, total_all = 0;
  double observed_sum = 0, expected_sum = 0;
  guint n_alpha_tags = 0;

  agreement->tags = g_ptr_array_new_with_free_func ((GDestroyNotify) free_tag_agreement);
  agreement->counts = g_new0 (guint, m);
  for (guint i = 0; i < m; i++)
    {
      _gloss_spans_sort (input->spans[i]);
      agreement->counts[i] = input->spans[i]->len;
    }

  /* Spans matched by overlap whatever their tags, for the kappas. */
  for (guint i = 0; i < m; i++)
    for (guint j = i + 1; j < m; j++)
      {
        GArray *matched = g_array_new (FALSE, FALSE, sizeof (guint));

        _gloss_spans_match_overlap (input->spans[i], input->spans[j], matched);
        g_ptr_array_add (pair_matches, matched);

        g_array_set_size (labels_a, 0);
        g_array_set_size (labels_b, 0);
        for (guint k = 0; k < matched->len; k += 2)
          {
            guint la = tag_set_label (&labels, input->tag_ids->len,
                                      &g_array_index (input->spans[i], GlossSpan, g_array_index (matched, guint, k)));
            guint lb = tag_set_label (&labels, input->tag_ids->len,
                                      &g_array_index (input->spans[j], GlossSpan, g_array_index (matched, guint, k + 1)));

            g_array_append_val (labels_a, la);
            g_array_append_val (labels_b, lb);
          }
        add_kappa (&overall_kappa, (guint *) labels_a->data, (guint *) labels_b->data, labels_a->len,
                   labels.n);
      }
  kappa_results (&overall_kappa, &agreement->kappa, &agreement->percent);

  for (guint t = 0; t < input->tag_ids->len; t++)
    {
      const char *tag_id = g_ptr_array_index (input->tag_ids, t);
      GlossTagAgreement *tag = g_new0 (GlossTagAgreement, 1);
      g_autoptr(GPtrArray) with_tag = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
      g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
      KappaTotals tag_kappa = { 0 };
      guint exact = 0, overlap = 0, total = 0, pair = 0;
      const char *reason = NULL;

      tag->tag_id = g_strdup (tag_id);
      tag->name = g_strdup (g_ptr_array_index (input->tag_names, t));
      tag->counts = g_new0 (guint, m);

      for (guint i = 0; i < m; i++)
        {
          GArray *spans = spans_with_tag (input->spans[i], t, tag_id);
          GArray *annotator_units = g_array_sized_new (FALSE, FALSE, sizeof (GlossUnit), spans->len);

          tag->counts[i] = spans->len;
          for (guint k = 0; k < spans->len; k++)
            {
              const GlossSpan *span = &g_array_index (spans, GlossSpan, k);
              GlossUnit unit = { g_array_index (input->document_starts, guint64, span->document) + span->start,
                                 span->end - span->start };

              g_array_append_val (annotator_units, unit);
            }
          gloss_unitizing_merge_overlaps (annotator_units);
          g_ptr_array_add (with_tag, spans);
          g_ptr_array_add (units, annotator_units);
        }

      for (guint i = 0; i < m; i++)
        for (guint j = i + 1; j < m; j++, pair++)
          {
            GArray *a = g_ptr_array_index (with_tag, i), *b = g_ptr_array_index (with_tag, j);
            GArray *matched = g_ptr_array_index (pair_matches, pair);

            exact += _gloss_spans_match_exact (a, b);
            overlap += _gloss_spans_match_overlap (a, b, NULL);
            total += a->len + b->len;

            g_array_set_size (labels_a, 0);
            g_array_set_size (labels_b, 0);
            for (guint k = 0; k < matched->len; k += 2)
              {
                guint la = _gloss_span_has_tag (&g_array_index (input->spans[i], GlossSpan,
                                                                g_array_index (matched, guint, k)), t, tag_id);
                guint lb = _gloss_span_has_tag (&g_array_index (input->spans[j], GlossSpan,
                                                                g_array_index (matched, guint, k + 1)), t, tag_id);

                g_array_append_val (labels_a, la);
                g_array_append_val (labels_b, lb);
              }
            add_kappa (&tag_kappa, (guint *) labels_a->data, (guint *) labels_b->data, labels_a->len, 2);
          }
      g_assert (pair == n_pairs);

      tag->f1_exact = f1 (exact, total);
      tag->f1_overlap = f1 (overlap, total);
      exact_all += exact;
      overlap_all += overlap;
      total_all += total;
      kappa_results (&tag_kappa, &tag->kappa, &tag->percent);

      if (gloss_unitizing_alpha_terms ((GArray * const *) units->pdata, m, input->length,
                                       &tag->observed, &tag->expected, &reason))
        {
          tag->alpha_u = defined (1 - tag->observed / tag->expected);
          observed_sum += tag->observed;
          expected_sum += tag->expected;
          n_alpha_tags++;
        }
      else
        tag->alpha_u = undefined (reason);

      g_ptr_array_add (agreement->tags, tag);
    }

  agreement->f1_exact = total_all > 0 ? f1 (exact_all, total_all) : undefined (_("no annotation carries a tag"));
  agreement->f1_overlap = total_all > 0 ? f1 (overlap_all, total_all) : undefined (_("no annotation carries a tag"));
  agreement->alpha_u = n_alpha_tags > 0
                       ? defined (1 - (observed_sum / n_alpha_tags) / (expected_sum / n_alpha_tags))
                       : undefined (_("no tag has annotations to compare"));

  return agreement;
}

/* ---- Annotators from files ---- */

static GHashTable *
documents_by_digest (GlossProject *project)
{
  GHashTable *by_digest = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *documents = gloss_project_get_documents (project);
  guint n = g_list_model_get_n_items (documents);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);

      g_hash_table_insert (by_digest, (gpointer) gloss_document_get_sha256 (document), document);
    }

  return by_digest;
}

/* The document of @project that holds @document's article. */
static GlossDocument *
find_shared (GlossProject  *project,
             GHashTable    *by_digest,
             GlossDocument *document)
{
  GlossDocument *same_id = gloss_project_lookup_document (project, gloss_document_get_id (document));

  if (same_id != NULL && g_str_equal (gloss_document_get_sha256 (same_id), gloss_document_get_sha256 (document)))
    return same_id;

  return g_hash_table_lookup (by_digest, gloss_document_get_sha256 (document));
}

static void
add_document_spans (Input         *input,
                    guint          annotator,
                    guint          index,
                    GlossDocument *document)
{
  guint n = gloss_document_get_n_annotations (document);

  for (guint k = 0; k < n; k++)
    input_add_annotation (input, annotator, index, gloss_document_get_annotation (document, k));
}

GlossAgreement *
gloss_agreement_between (GlossProject * const *projects,
                         const char * const   *names,
                         guint                 n_projects,
                         GError              **error)
{
  g_auto(Input) input = { 0 };
  g_autoptr(GPtrArray) digests = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr(GPtrArray) used = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autofree GlossDocument **found = g_new0 (GlossDocument *, n_projects);
  GlossAgreement *agreement;

  if (n_projects < 2)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("agreement needs at least two annotators"));
      return NULL;
    }

  input_init (&input, n_projects);
  for (guint p = 0; p < n_projects; p++)
    {
      g_ptr_array_add (digests, documents_by_digest (projects[p]));
      g_ptr_array_add (used, g_hash_table_new (NULL, NULL));
      input_add_tags (&input, projects[p]);
    }

  {
    GListModel *documents = gloss_project_get_documents (projects[0]);
    guint n = g_list_model_get_n_items (documents);

    for (guint d = 0; d < n; d++)
      {
        g_autoptr(GlossDocument) document = g_list_model_get_item (documents, d);
        gboolean shared = TRUE;
        guint index;

        for (guint p = 0; p < n_projects && shared; p++)
          {
            found[p] = p == 0 ? document : find_shared (projects[p], g_ptr_array_index (digests, p), document);
            shared = found[p] != NULL && !g_hash_table_contains (g_ptr_array_index (used, p), found[p]);
          }
        if (!shared)
          continue;

        index = input_add_document (&input, document);
        for (guint p = 0; p < n_projects; p++)
          {
            g_hash_table_add (g_ptr_array_index (used, p), found[p]);
            add_document_spans (&input, p, index, found[p]);
          }
      }
  }

  /* Every document some file has and the others lack (or hold another
   * text of). */
  for (guint p = 0; p < n_projects; p++)
    {
      GListModel *documents = gloss_project_get_documents (projects[p]);
      guint n = g_list_model_get_n_items (documents);

      for (guint d = 0; d < n; d++)
        {
          g_autoptr(GlossDocument) document = g_list_model_get_item (documents, d);

          if (!g_hash_table_contains (g_ptr_array_index (used, p), document))
            g_ptr_array_add (skipped, g_strdup_printf (_("“%s” in %s: not in every file with the same text"),
                                                       gloss_document_get_title (document), names[p]));
        }
    }

  agreement = measure (&input);
  agreement->annotators = g_ptr_array_new_with_free_func (g_free);
  for (guint p = 0; p < n_projects; p++)
    g_ptr_array_add (agreement->annotators, g_strdup (names[p]));
  agreement->n_documents = input.document_starts->len;
  agreement->skipped = g_steal_pointer (&skipped);

  return agreement;
}

/* ---- Annotators by author ---- */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GlossAgreement *
gloss_agreement_by_author (GlossProject  *project,
                           GError       **error)
{
  g_auto(Input) input = { 0 };
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) index_of = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *documents = gloss_project_get_documents (project);
  guint n_documents = g_list_model_get_n_items (documents);
  GlossAgreement *agreement;

  for (guint d = 0; d < n_documents; d++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, d);
      guint n = gloss_document_get_n_annotations (document);

      for (guint k = 0; k < n; k++)
        {
          const char *author = gloss_annotation_get_author (gloss_document_get_annotation (document, k));

          if (!g_hash_table_contains (index_of, author))
            {
              g_ptr_array_add (authors, g_strdup (author));
              g_hash_table_add (index_of, g_ptr_array_index (authors, authors->len - 1));
            }
        }
    }

  if (authors->len < 2)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("agreement by author needs annotations by at least two authors; this project has %u"),
                   authors->len);
      return NULL;
    }

  g_ptr_array_sort (authors, compare_names);
  g_hash_table_remove_all (index_of);
  for (guint i = 0; i < authors->len; i++)
    g_hash_table_insert (index_of, g_ptr_array_index (authors, i), GUINT_TO_POINTER (i));

  input_init (&input, authors->len);
  input_add_tags (&input, project);
  for (guint d = 0; d < n_documents; d++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, d);
      guint index = input_add_document (&input, document);
      guint n = gloss_document_get_n_annotations (document);

      for (guint k = 0; k < n; k++)
        {
          GlossAnnotation *annotation = gloss_document_get_annotation (document, k);
          guint annotator = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, gloss_annotation_get_author (annotation)));

          input_add_annotation (&input, annotator, index, annotation);
        }
    }

  agreement = measure (&input);
  agreement->annotators = g_steal_pointer (&authors);
  agreement->n_documents = n_documents;
  agreement->skipped = g_ptr_array_new_with_free_func (g_free);

  return agreement;
}
