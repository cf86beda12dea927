/* export-fixture.h — a project full of hard text, for the exporters' tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "gloss.h"

/* Emoji with ZWJ sequences, skin tones and flags, combining marks, Arabic
 * and Hebrew, CJK, CRLF line ends, a formula-looking line, a lone BOM
 * character inside the text (an imported BOM is dropped, but U+FEFF can
 * still occur later) and a line that ends in a bare LF. */
#define FIXTURE_TEXT_1 \
  "Geneva talks stall, says the envoy \xF0\x9F\x91\xA9\xF0\x9F\x8F\xBD\xE2\x80\x8D\xF0\x9F\x92\xBB.\r\n" \
  "Family \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7\xE2\x80\x8D\xF0\x9F\x91\xA6" \
  " and flags \xF0\x9F\x87\xBA\xF0\x9F\x87\xA6\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7 at the cafe\xCC\x81 (nai\xCC\x88ve).\r\n" \
  "\xD9\x82\xD8\xA7\xD9\x84 \xD8\xA7\xD9\x84\xD9\x85\xD8\xA8\xD8\xB9\xD9\x88\xD8\xAB \xC2\xAB\xD9\x84\xD8\xA7 \xD8\xA7\xD8\xAA\xD9\x81\xD8\xA7\xD9\x82\xC2\xBB.\r\n" \
  "\xD7\x94\xD7\xA9\xD7\x99\xD7\x97\xD7\x95\xD7\xAA \xD7\xA0\xD7\xAA\xD7\xA7\xD7\xA2\xD7\x95.\r\n" \
  "\xE5\x92\x8C\xE8\xB0\x88\xE9\x99\xB7\xE5\x85\xA5\xE5\x83\xB5\xE5\xB1\x80\xE3\x80\x82\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x80\x82\r\n" \
  "=SUM(A1:A9) +cmd -1 @user\xEF\xBB\xBF\n" \
  "Last line \xF0\x9F\x8F\xB3\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x8C\x88 ends."

#define FIXTURE_TEXT_2 \
  "Envoy says \xF0\x9F\x87\xAF\xF0\x9F\x87\xB5 delegation left; Reuters reports it.\r\n"

/* The code point span of the @nth (0-based) occurrence of @needle. */
static inline void
fixture_span (const char  *text,
              const char  *needle,
              guint        nth,
              GlossOffset *start,
              GlossOffset *end)
{
  const char *p = strstr (text, needle);

  for (guint i = 0; i < nth && p != NULL; i++)
    p = strstr (p + 1, needle);
  g_assert_nonnull (p);

  *start = (GlossOffset) g_utf8_pointer_to_offset (text, p);
  *end = *start + (GlossOffset) g_utf8_strlen (needle, -1);
}

static inline GlossAnnotation *
fixture_annotate (GlossProject  *project,
                  GlossDocument *document,
                  const char    *needle,
                  guint          nth,
                  const char    *tag_id)
{
  GlossOffset start, end;
  GlossAnnotation *annotation;

  fixture_span (gloss_document_get_text (document), needle, nth, &start, &end);
  annotation = gloss_project_annotate (project, document, start, end, tag_id);
  g_assert_nonnull (annotation);
  g_assert_cmpstr (gloss_annotation_get_quote (annotation), ==, needle);

  return annotation;
}

typedef struct {
  GlossProject    *project;
  GlossDocument   *talks;
  GlossDocument   *envoy;
  GlossAnnotation *envoy_emoji;   /* the ZWJ person with a skin tone */
  GlossAnnotation *family;        /* a ZWJ family, tagged twice */
  GlossAnnotation *across_lines;  /* spans two CRLFs */
  GlossAnnotation *arabic;
  GlossAnnotation *hebrew;
  GlossAnnotation *cjk;
  GlossAnnotation *formula;       /* the quote starts with = */
  GlossAnnotation *rainbow;
  GlossAnnotation *combining;
  GlossAnnotation *untagged;
  GlossAnnotation *reuters;       /* in the second document */
  GlossAnnotation *japan;         /* in the second document */
  GlossRelation   *supports;
  GlossRelation   *same_as;
  GlossRelation   *cross;         /* between the documents */
} Fixture;

static inline void
fixture_init (Fixture *f)
{
  g_autoptr(GlossDocument) talks = gloss_document_new (NULL, "Talks stall", FIXTURE_TEXT_1);
  g_autoptr(GlossDocument) envoy = gloss_document_new (NULL, "Envoy says: \xE2\x80\x9Cno deal\xE2\x80\x9D / update", FIXTURE_TEXT_2);

  memset (f, 0, sizeof *f);
  f->project = gloss_project_new ();
  gloss_project_set_title (f->project, "Peace talks \xE2\x80\x94 claims");
  gloss_project_set_author (f->project, "Ana Analyst");
  gloss_document_set_source (envoy, "https://example.org/news/envoy?id=1");
  gloss_project_add_document (f->project, talks);
  gloss_project_add_document (f->project, envoy);
  f->talks = talks;
  f->envoy = envoy;

  f->envoy_emoji = fixture_annotate (f->project, talks,
                                     "\xF0\x9F\x91\xA9\xF0\x9F\x8F\xBD\xE2\x80\x8D\xF0\x9F\x92\xBB", 0, "person");
  f->family = fixture_annotate (f->project, talks,
                                "Family \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7\xE2\x80\x8D\xF0\x9F\x91\xA6", 0, "claim");
  gloss_project_toggle_annotation_tag (f->project, f->family, "date-number");
  f->across_lines = fixture_annotate (f->project, talks,
                                      "(nai\xCC\x88ve).\r\n\xD9\x82\xD8\xA7\xD9\x84 \xD8\xA7\xD9\x84\xD9\x85\xD8\xA8\xD8\xB9\xD9\x88\xD8\xAB \xC2\xAB\xD9\x84\xD8\xA7 \xD8\xA7\xD8\xAA\xD9\x81\xD8\xA7\xD9\x82\xC2\xBB.\r\n\xD7\x94\xD7\xA9\xD7\x99\xD7\x97\xD7\x95\xD7\xAA",
                                      0, "quote");
  f->arabic = fixture_annotate (f->project, talks,
                                "\xC2\xAB\xD9\x84\xD8\xA7 \xD8\xA7\xD8\xAA\xD9\x81\xD8\xA7\xD9\x82\xC2\xBB", 0, "quote");
  f->hebrew = fixture_annotate (f->project, talks,
                                "\xD7\xA0\xD7\xAA\xD7\xA7\xD7\xA2\xD7\x95", 0, "claim");
  f->cjk = fixture_annotate (f->project, talks,
                             "\xE5\x92\x8C\xE8\xB0\x88\xE9\x99\xB7\xE5\x85\xA5\xE5\x83\xB5\xE5\xB1\x80", 0, "claim");
  f->formula = fixture_annotate (f->project, talks, "=SUM(A1:A9) +cmd", 0, "evidence");
  f->rainbow = fixture_annotate (f->project, talks,
                                 "\xF0\x9F\x8F\xB3\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x8C\x88 ends.", 0, "place");
  f->combining = fixture_annotate (f->project, talks,
                                   "\xF0\x9F\x87\xBA\xF0\x9F\x87\xA6\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7 at the cafe\xCC\x81", 0, "organization");
  f->untagged = fixture_annotate (f->project, talks, "-1 @user\xEF\xBB\xBF\nLast", 0, NULL);
  f->reuters = fixture_annotate (f->project, envoy, "Reuters", 0, "source");
  f->japan = fixture_annotate (f->project, envoy, "\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5 delegation", 0, "claim");

  gloss_project_set_annotation_note (f->project, f->envoy_emoji,
                                     "Check: \"envoy\", not \"minister\",\r\nsee line 2;\nthen =HYPERLINK(\"x\")");
  gloss_project_set_annotation_note (f->project, f->formula, "=1+1");
  gloss_project_set_annotation_note (f->project, f->across_lines, "spans\tthree lines");
  gloss_project_set_annotation_attribute (f->project, f->envoy_emoji, "verdict", "false");
  gloss_project_set_annotation_attribute (f->project, f->envoy_emoji, "checked", "true");
  gloss_project_set_annotation_attribute (f->project, f->cjk, "language", "zh, Hans");
  gloss_project_set_annotation_attribute (f->project, f->hebrew, "speaker", "+972 desk");

  f->supports = gloss_project_link (f->project, f->arabic, f->envoy_emoji, "supports");
  gloss_project_set_relation_note (f->project, f->supports, "same \"speaker\",\nprobably");
  f->same_as = gloss_project_link (f->project, f->hebrew, f->cjk, "same-as");
  f->cross = gloss_project_link (f->project, f->japan, f->family, "attributed-to");
}

static inline void
fixture_clear (Fixture *f)
{
  g_clear_object (&f->project);
}

/* All annotations of every document of @project, in export order. */
static inline guint
fixture_count_annotations (GlossProject *project)
{
  GListModel *documents = gloss_project_get_documents (project);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);

      n += gloss_document_get_n_annotations (document);
    }

  return n;
}
