/* bench-generate.c — synthetic projects for the benchmark
 *
 *   bench-generate CHARS ANNOTATIONS OUTPUT.gloss [SEED]
 *
 * Paragraphs of 40–160 words (some non-ASCII and emoji), annotations on
 * word boundaries of 1–15 words, a third of them nested in or overlapping
 * another, a fifth with notes, a tenth with attributes, a relation for
 * every tenth annotation.
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

typedef struct {
  GlossOffset start;
  GlossOffset end;
} Span;

int
main (int    argc,
      char **argv)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GArray) word_starts = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GPtrArray) annotations = g_ptr_array_new ();
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 27, 12, 0, 0);
  const char * const tag_ids[] = { "claim", "source", "quote", "evidence", "person", "organization", "place", "date-number" };
  gsize target_chars;
  guint n_annotations;
  GlossOffset offset = 0;
  guint words_in_paragraph = 0;
  guint paragraph_length;

  if (argc < 4)
    {
      g_printerr ("usage: bench-generate CHARS ANNOTATIONS OUTPUT.gloss [SEED]\n");
      return 2;
    }

  target_chars = (gsize) g_ascii_strtoull (argv[1], NULL, 10);
  n_annotations = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  rand = g_rand_new_with_seed (argc > 4 ? (guint32) atoi (argv[4]) : 42);
  text = g_string_sized_new (target_chars + 256);

  paragraph_length = g_rand_int_range (rand, 40, 160);
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

  document = gloss_document_new ("bench", "Synthetic article", text->str);
  gloss_document_set_imported (document, now);
  gloss_project_insert_document (project, document);

  for (guint i = 0; i < n_annotations; i++)
    {
      guint first = g_rand_int_range (rand, 0, word_starts->len);
      guint extra_words = g_rand_int_range (rand, 0, 15);  /* not inside MIN (): it evaluates twice */
      guint last = MIN (word_starts->len - 1, first + extra_words);
      Span *a = &g_array_index (word_starts, Span, first);
      Span *b = &g_array_index (word_starts, Span, last);
      g_autofree char *id = g_strdup_printf ("ann-%07u", i);
      g_autoptr(GlossAnnotation) annotation = gloss_annotation_new (id, a->start, b->end);
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

  gloss_project_set_title_raw (project, "Benchmark");
  output = g_file_new_for_commandline_arg (argv[3]);
  if (!gloss_project_save (project, output, &error))
    {
      g_printerr ("bench-generate: %s\n", error->message);
      return 1;
    }

  return 0;
}
