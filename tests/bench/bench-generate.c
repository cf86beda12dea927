/* bench-generate.c — synthetic projects for the benchmark
 *
 *   bench-generate CHARS ANNOTATIONS OUTPUT.gloss [SEED] [DOCUMENTS]
 *
 * Paragraphs of 40–160 words (some non-ASCII and emoji), annotations on
 * word boundaries of 1–15 words, a third of them nested in or overlapping
 * another, a fifth with notes, a tenth with attributes, a relation for
 * every tenth annotation. With DOCUMENTS (an archive), CHARS and
 * ANNOTATIONS are totals: each document has between 0.4 and 1.8 times
 * the average length (4–20 KB for 500 documents of 5 M code points), the
 * annotations are shared out evenly, and relations link annotations of
 * any two documents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "gloss.h"

static const char * const words[] = {
  "the", "minister", "said", "talks", "would", "resume", "on", "Monday", "according", "to",
  "officials", "briefed", "dam", "water", "flow", "percent", "agreement", "draft", "river",
  "farmers", "season", "négociateurs", "Zoë", "São", "Paulo", "report", "claimed", "denied",
  "statement", "source", "data", "institute", "🌊", "👩‍🔬", "שלום", "مرحبا", "東京", "2031",
  "confirmed", "anonymous", "spokeswoman", "measured", "drought", "border", "treaty", "and",
  "of", "in", "a", "that", "was", "is", "not", "for", "with", "by",
};

static const char * const tag_ids[] = {
  "claim", "source", "quote", "evidence", "person", "organization", "place", "date-number",
};

typedef struct {
  GlossOffset start;
  GlossOffset end;
} Span;

/* One document of about @target_chars code points with @n_annotations;
 * adds its annotations to @annotations. The single-document cases keep
 * the ids "bench" and "ann-0000000" they always had. */
static void
add_document (GlossProject *project,
              GRand        *rand,
              const char   *id,
              const char   *title,
              gsize         target_chars,
              guint         n_annotations,
              const char   *annotation_prefix,
              GPtrArray    *annotations)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 27, 12, 0, 0);
  g_autoptr(GString) text = g_string_sized_new (target_chars + 256);
  g_autoptr(GArray) word_starts = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GlossDocument) document = NULL;
  GlossOffset offset = 0;
  guint words_in_paragraph = 0;
  guint paragraph_length = g_rand_int_range (rand, 40, 160);

  while (offset < target_chars)
    {
      const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
      Span span;

      span.start = offset;
      span.end = offset + (GlossOffset) g_utf8_strlen (word, -1);
      g_array_append_val (word_starts, span);
      g_string_append (text, word);
      offset = span.end;

      if (++words_in_paragraph >= paragraph_length)
        {
          g_string_append (text, ".\n\n");
          offset += 3;
          words_in_paragraph = 0;
          paragraph_length = g_rand_int_range (rand, 40, 160);
        }
      else
        {
          g_string_append_c (text, ' ');
          offset++;
        }
    }

  document = gloss_document_new (id, title, text->str);
  gloss_document_set_imported (document, now);
  gloss_project_insert_document (project, document);

  for (guint i = 0; i < n_annotations; i++)
    {
      guint first = g_rand_int_range (rand, 0, word_starts->len);
      guint extra_words = g_rand_int_range (rand, 0, 15);  /* not inside MIN (): it evaluates twice */
      guint last = MIN (word_starts->len - 1, first + extra_words);
      Span *a = &g_array_index (word_starts, Span, first);
      Span *b = &g_array_index (word_starts, Span, last);
      g_autofree char *annotation_id = g_strdup_printf ("%s%07u", annotation_prefix, i);
      g_autoptr(GlossAnnotation) annotation = gloss_annotation_new (annotation_id, a->start, b->end);
      guint roll = g_rand_int_range (rand, 0, 100);

      gloss_annotation_add_tag (annotation, tag_ids[g_rand_int_range (rand, 0, G_N_ELEMENTS (tag_ids))]);
      if (roll < 15)
        gloss_annotation_add_tag (annotation, tag_ids[g_rand_int_range (rand, 0, G_N_ELEMENTS (tag_ids))]);
      if (roll % 5 == 0)
        gloss_annotation_set_note (annotation, "Check this against the ministry’s statement; the figure differs.");
      if (roll % 10 == 1)
        gloss_annotation_set_attribute (annotation, "verdict", roll < 50 ? "accurate" : "misleading");
      gloss_annotation_set_author (annotation, "Bench");
      gloss_annotation_set_created (annotation, now);
      gloss_annotation_set_modified (annotation, now);
      gloss_document_add_annotation (document, annotation);
      g_ptr_array_add (annotations, annotation);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GPtrArray) annotations = g_ptr_array_new ();
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) output = NULL;
  gsize target_chars;
  guint n_annotations;
  guint n_documents;

  if (argc < 4)
    {
      g_printerr ("usage: bench-generate CHARS ANNOTATIONS OUTPUT.gloss [SEED] [DOCUMENTS]\n");
      return 2;
    }

  target_chars = (gsize) g_ascii_strtoull (argv[1], NULL, 10);
  n_annotations = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  rand = g_rand_new_with_seed (argc > 4 ? (guint32) atoi (argv[4]) : 42);
  n_documents = argc > 5 ? (guint) MAX (1, atoi (argv[5])) : 1;

  if (n_documents == 1)
    add_document (project, rand, "bench", "Synthetic article", target_chars, n_annotations, "ann-", annotations);
  else
    for (guint d = 0; d < n_documents; d++)
      {
        gsize mean = target_chars / n_documents;
        gsize chars = g_rand_int_range (rand, (gint32) (mean * 2 / 5), (gint32) (mean * 9 / 5));
        g_autofree char *id = g_strdup_printf ("article-%03u", d);
        g_autofree char *title = g_strdup_printf ("Dispatch %u: water talks, day %u", d + 1, d % 90 + 1);
        g_autofree char *prefix = g_strdup_printf ("a%03u-", d);

        add_document (project, rand, id, title, chars, n_annotations / n_documents, prefix, annotations);
      }

  /* A relation for every tenth annotation, to any other: across documents
   * in an archive. */
  for (guint i = 0; i + 1 < annotations->len; i += 10)
    {
      g_autofree char *id = g_strdup_printf ("rel-%07u", i);
      guint other = g_rand_int_range (rand, 0, annotations->len);
      g_autoptr(GlossRelation) relation =
        gloss_relation_new (id, i % 20 == 0 ? "attributed-to" : "supports",
                            gloss_annotation_get_id (g_ptr_array_index (annotations, i)),
                            gloss_annotation_get_id (g_ptr_array_index (annotations, other)));

      gloss_project_insert_relation (project, relation);
    }

  gloss_project_set_title_raw (project, n_documents > 1 ? "Benchmark archive" : "Benchmark");
  output = g_file_new_for_commandline_arg (argv[3]);
  if (!gloss_project_save (project, output, &error))
    {
      g_printerr ("bench-generate: %s\n", error->message);
      return 1;
    }

  return 0;
}
