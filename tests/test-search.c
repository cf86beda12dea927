/* test-search.c — project search: folding, words, regexes, scopes, offsets, tag-all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss.h"

/* Two articles of our own. The second mixes CRLF line ends, an emoji ZWJ
 * sequence, a decomposed diacritic, Hebrew and CJK, so that a byte or UTF-16
 * offset would differ from the code point one. */
static const char harbour_text[] =
  "The Minister said the harbour would reopen. A MINISTER’s aide disagreed.\n"
  "Le ministère a confirmé: 40 percent of the cranes are idle.\n"
  "Administers of the port declined to comment; the minister-designate did not.\n";

static const char census_text[] =
  "\xEF\xBB\xBF" "Census 👩‍🔬 office:\r\n"
  "Zoe\xCC\x88 counted 40 percent more boats.\r\n"
  "שלום 東京 Zoë wrote: 12 Percent fewer nets; Straße blocked.\r\n";

typedef struct {
  GlossProject  *project;
  GlossDocument *harbour;
  GlossDocument *census;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GlossDocument) harbour = gloss_document_new ("harbour", "Harbour", harbour_text);
  /* The document keeps text as given except a BOM: skip it the same way. */
  g_autoptr(GlossDocument) census = gloss_document_new ("census", "Census", census_text + 3);

  f->project = gloss_project_new ();
  gloss_project_insert_document (f->project, harbour);
  gloss_project_insert_document (f->project, census);
  f->harbour = harbour;
  f->census = census;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
}

static GPtrArray *
search (GlossProject     *project,
        const char       *pattern,
        GlossSearchFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSearch) query = gloss_search_new (pattern, flags, &error);

  g_assert_no_error (error);
  return gloss_search_project (query, project);
}

/* The code point offset of the @nth (from 0) occurrence of @needle in the
 * document's text, found by bytes: an oracle independent of the search. */
static GlossOffset
offset_of (GlossDocument *document,
           const char    *needle,
           guint          nth)
{
  const char *text = gloss_document_get_text (document);
  const char *p = text;

  for (guint i = 0; ; i++)
    {
      p = strstr (p, needle);
      g_assert_nonnull (p);
      if (i == nth)
        return (GlossOffset) g_utf8_pointer_to_offset (text, p);
      p += strlen (needle);
    }
}

static void
assert_match (GlossSearchMatch *match,
              GlossDocument    *document,
              GlossOffset       start,
              const char       *text)
{
  g_autofree char *slice = NULL;

  g_assert_true (gloss_search_match_get_document (match) == document);
  g_assert_cmpuint (gloss_search_match_get_start (match), ==, start);
  g_assert_cmpuint (gloss_search_match_get_end (match), ==, start + g_utf8_strlen (text, -1));
  slice = gloss_document_dup_slice (document, gloss_search_match_get_start (match),
                                    gloss_search_match_get_end (match));
  g_assert_cmpstr (slice, ==, text);
  g_assert_cmpstr (gloss_search_match_get_text (match), ==, text);
}

static void
test_plain_ignores_case_and_diacritics (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(GPtrArray) matches = search (f->project, "minister", GLOSS_SEARCH_DEFAULT);

  /* Minister, MINISTER, ministère, Administers, minister-designate. */
  g_assert_cmpuint (matches->len, ==, 5);
  assert_match (matches->pdata[0], f->harbour, offset_of (f->harbour, "Minister", 0), "Minister");
  assert_match (matches->pdata[1], f->harbour, offset_of (f->harbour, "MINISTER", 0), "MINISTER");
  assert_match (matches->pdata[2], f->harbour, offset_of (f->harbour, "ministèr", 0), "ministèr");
  assert_match (matches->pdata[3], f->harbour, offset_of (f->harbour, "minister", 0), "minister");
}

static void
test_plain_maps_folded_lengths_back (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GPtrArray) zoe = search (f->project, "ZOE", GLOSS_SEARCH_DEFAULT);
  g_autoptr(GPtrArray) strasse = search (f->project, "strasse", GLOSS_SEARCH_DEFAULT);
  g_autoptr(GPtrArray) accented = search (f->project, "zoë", GLOSS_SEARCH_DEFAULT);

  /* Decomposed (e + U+0308) and composed ë: the mark stays in the match. */
  g_assert_cmpuint (zoe->len, ==, 2);
  assert_match (zoe->pdata[0], f->census, offset_of (f->census, "Zoe\xCC\x88", 0), "Zoe\xCC\x88");
  g_assert_cmpuint (gloss_search_match_get_end (zoe->pdata[0]) - gloss_search_match_get_start (zoe->pdata[0]), ==, 4);
  assert_match (zoe->pdata[1], f->census, offset_of (f->census, "Zoë", 0), "Zoë");

  /* ß folds to two letters and maps back to one code point. */
  g_assert_cmpuint (strasse->len, ==, 1);
  assert_match (strasse->pdata[0], f->census, offset_of (f->census, "Straße", 0), "Straße");

  /* The pattern folds too. */
  g_assert_cmpuint (accented->len, ==, 2);
}

static void
test_exact (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) matches = search (f->project, "Minister", GLOSS_SEARCH_EXACT);
  g_autoptr(GPtrArray) accented = search (f->project, "Zoë", GLOSS_SEARCH_EXACT);

  g_assert_cmpuint (matches->len, ==, 1);
  assert_match (matches->pdata[0], f->harbour, offset_of (f->harbour, "Minister", 0), "Minister");
  /* Exact means these very code points: the decomposed spelling differs. */
  g_assert_cmpuint (accented->len, ==, 1);
  assert_match (accented->pdata[0], f->census, offset_of (f->census, "Zoë", 0), "Zoë");
}

static void
test_whole_words (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) words = search (f->project, "minister", GLOSS_SEARCH_WHOLE_WORDS);
  g_autoptr(GPtrArray) exact = search (f->project, "percent", GLOSS_SEARCH_WHOLE_WORDS | GLOSS_SEARCH_EXACT);

  /* Minister, MINISTER (before ’s) and minister-designate; not ministère
   * or Administers. */
  g_assert_cmpuint (words->len, ==, 3);
  assert_match (words->pdata[2], f->harbour, offset_of (f->harbour, "minister-", 0), "minister");
  g_assert_cmpuint (exact->len, ==, 2);
}

static void
test_regex (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) matches = search (f->project, "\\d+ percent", GLOSS_SEARCH_REGEX);
  g_autoptr(GPtrArray) exact = search (f->project, "\\d+ percent", GLOSS_SEARCH_REGEX | GLOSS_SEARCH_EXACT);
  g_autoptr(GPtrArray) words = search (f->project, "minister\\w*", GLOSS_SEARCH_REGEX | GLOSS_SEARCH_WHOLE_WORDS);

  g_assert_cmpuint (matches->len, ==, 3);
  assert_match (matches->pdata[0], f->harbour, offset_of (f->harbour, "40 percent", 0), "40 percent");
  assert_match (matches->pdata[1], f->census, offset_of (f->census, "40 percent", 0), "40 percent");
  assert_match (matches->pdata[2], f->census, offset_of (f->census, "12 Percent", 0), "12 Percent");
  g_assert_cmpuint (exact->len, ==, 2);
  /* A regex ignores case but not diacritics, so "ministère" is not one;
   * "Administers" starts inside a word. */
  g_assert_cmpuint (words->len, ==, 3);
}

static void
test_regex_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSearch) query = gloss_search_new ("officials (briefed", GLOSS_SEARCH_REGEX, &error);

  g_assert_null (query);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  /* GRegex names the position where the pattern went wrong. */
  g_assert_nonnull (strstr (error->message, "18"));

  g_clear_error (&error);
  g_assert_null (gloss_search_new ("", GLOSS_SEARCH_DEFAULT, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
}

static void
test_empty_project (void)
{
  g_autoptr(GlossProject) project = gloss_project_new_empty ();
  g_autoptr(GPtrArray) matches = search (project, "anything", GLOSS_SEARCH_DEFAULT);
  g_autoptr(GlossSearch) query = gloss_search_new ("anything", GLOSS_SEARCH_DEFAULT, NULL);
  g_autoptr(GlossSearchRun) run = gloss_search_run_new (query, project, 1000, NULL);

  g_assert_cmpuint (matches->len, ==, 0);
  gloss_search_run_start (run);
  g_assert_true (gloss_search_run_is_finished (run));
  g_assert_cmpuint (gloss_search_run_get_n_matches (run), ==, 0);
}

static void
test_crlf_emoji_offsets (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) matches = search (f->project, "counted", GLOSS_SEARCH_DEFAULT);
  g_autoptr(GPtrArray) hebrew = search (f->project, "東京 zoe", GLOSS_SEARCH_DEFAULT);
  GlossSearchMatch *match;

  g_assert_cmpuint (matches->len, ==, 1);
  match = matches->pdata[0];
  /* "Census " 7 + 👩‍🔬 3 + " office:" 8 + CR LF 2 + Zoë (decomposed) 4 + space 1. */
  g_assert_cmpuint (gloss_search_match_get_start (match), ==, 25);
  assert_match (match, f->census, 25, "counted");
  /* The context stays on the match's line. */
  g_assert_cmpstr (gloss_search_match_get_before (match), ==, "Zoe\xCC\x88 ");
  g_assert_cmpstr (gloss_search_match_get_after (match), ==, " 40 percent more boats.");

  g_assert_cmpuint (hebrew->len, ==, 1);
  assert_match (hebrew->pdata[0], f->census, offset_of (f->census, "東京 Zoë", 0), "東京 Zoë");
}

static void
test_context_trims_to_words (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossDocument) document = gloss_document_new ("long", "Long",
    "Several hundred fishermen gathered outside the regional assembly on Tuesday "
    "to protest against quota reductions announced last spring by the fisheries board.");
  g_autoptr(GPtrArray) matches = NULL;
  GlossSearchMatch *match;

  gloss_project_insert_document (project, document);
  matches = search (project, "quota", GLOSS_SEARCH_DEFAULT);
  g_assert_cmpuint (matches->len, ==, 1);
  match = matches->pdata[0];
  /* At most 40 code points either side, never starting or ending mid-word. */
  g_assert_cmpstr (gloss_search_match_get_before (match), ==, "assembly on Tuesday to protest against ");
  g_assert_cmpstr (gloss_search_match_get_after (match), ==,  " reductions announced last spring by the");
}

static void
test_scopes (Fixture       *f,
             gconstpointer  data)
{
  GlossOffset first = offset_of (f->harbour, "Minister", 0);
  GlossOffset second = offset_of (f->harbour, "MINISTER", 0);
  GlossOffset third = offset_of (f->harbour, "minister-", 0);
  GlossAnnotation *claim = gloss_project_annotate (f->project, f->harbour, first, first + 30, "claim");
  GlossAnnotation *person = gloss_project_annotate (f->project, f->harbour, second, second + 12, "person");
  g_autoptr(GlossSearch) query = gloss_search_new ("minister", GLOSS_SEARCH_WHOLE_WORDS, NULL);
  g_autoptr(GPtrArray) matches = NULL;

  gloss_project_set_annotation_attribute (f->project, person, "verdict", "unproven");
  gloss_annotation_set_author (claim, "Ines");

  gloss_search_set_scope (query, GLOSS_SEARCH_SCOPE_TAG, "claim");
  matches = gloss_search_project (query, f->project);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpuint (gloss_search_match_get_start (matches->pdata[0]), ==, first);
  g_clear_pointer (&matches, g_ptr_array_unref);

  gloss_search_set_scope (query, GLOSS_SEARCH_SCOPE_ATTRIBUTE, "verdict");
  matches = gloss_search_project (query, f->project);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpuint (gloss_search_match_get_start (matches->pdata[0]), ==, second);
  g_clear_pointer (&matches, g_ptr_array_unref);

  gloss_search_set_scope (query, GLOSS_SEARCH_SCOPE_ATTRIBUTE, "verdict=false");
  matches = gloss_search_project (query, f->project);
  g_assert_cmpuint (matches->len, ==, 0);
  g_clear_pointer (&matches, g_ptr_array_unref);

  gloss_search_set_scope (query, GLOSS_SEARCH_SCOPE_AUTHOR, "Ines");
  matches = gloss_search_project (query, f->project);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpuint (gloss_search_match_get_start (matches->pdata[0]), ==, first);
  g_clear_pointer (&matches, g_ptr_array_unref);

  gloss_search_set_scope (query, GLOSS_SEARCH_SCOPE_UNANNOTATED, NULL);
  matches = gloss_search_project (query, f->project);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpuint (gloss_search_match_get_start (matches->pdata[0]), ==, third);
}

/* Every annotation of the project as "doc start-end tags" lines. */
static char *
describe_annotations (GlossProject *project)
{
  GString *out = g_string_new (NULL);
  GListModel *documents = gloss_project_get_documents (project);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);

      for (guint j = 0; j < gloss_document_get_n_annotations (document); j++)
        {
          GlossAnnotation *a = gloss_document_get_annotation (document, j);
          g_autofree char *tags = g_strjoinv (",", (char **) gloss_annotation_get_tags (a));

          g_string_append_printf (out, "%s %u-%u %s\n", gloss_document_get_id (document),
                                  gloss_annotation_get_start (a), gloss_annotation_get_end (a), tags);
        }
    }

  return g_string_free (out, FALSE);
}

static void
test_tag_all_is_one_undo (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) matches = search (f->project, "percent", GLOSS_SEARCH_DEFAULT);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *undone = NULL;
  GlossSearchMatch *tagged_already = NULL;
  GlossSearchMatch *untagged_span = NULL;
  GlossAnnotation *existing;

  g_assert_cmpuint (matches->len, ==, 3);
  tagged_already = matches->pdata[0];
  untagged_span = matches->pdata[1];
  gloss_project_annotate (f->project, f->harbour, gloss_search_match_get_start (tagged_already),
                          gloss_search_match_get_end (tagged_already), "evidence");
  existing = gloss_project_annotate (f->project, f->census, gloss_search_match_get_start (untagged_span),
                                     gloss_search_match_get_end (untagged_span), "claim");
  before = describe_annotations (f->project);

  /* One already has the tag: skipped. One gains it on the annotation
   * already there. The third becomes a new annotation. */
  g_assert_cmpuint (gloss_project_tag_matches (f->project, matches, "evidence"), ==, 2);
  after = describe_annotations (f->project);
  g_assert_cmpstr (after, !=, before);
  g_assert_true (gloss_annotation_has_tag (existing, "evidence"));
  g_assert_true (gloss_annotation_has_tag (existing, "claim"));
  g_assert_cmpuint (gloss_document_get_n_annotations (f->census), ==, 2);
  g_assert_cmpstr (gloss_project_get_undo_label (f->project), ==, "Tag All Matches");

  /* Running it again makes nothing. */
  g_assert_cmpuint (gloss_project_tag_matches (f->project, matches, "evidence"), ==, 0);

  g_assert_true (gloss_project_undo (f->project));
  undone = describe_annotations (f->project);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (gloss_project_redo (f->project));
  redone = describe_annotations (f->project);
  g_assert_cmpstr (redone, ==, after);
}

typedef struct {
  GPtrArray *matches;
  guint      batches;
  gboolean   finished;
} RunResult;

static void
run_matches_cb (GlossSearchRun *run,
                GlossDocument  *document,
                GPtrArray      *matches,
                RunResult      *result)
{
  result->batches++;
  for (guint i = 0; i < matches->len; i++)
    g_ptr_array_add (result->matches, g_object_ref (matches->pdata[i]));
}

static void
run_finished_cb (GlossSearchRun *run,
                 RunResult      *result)
{
  result->finished = TRUE;
}

static void
test_streaming_run (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossSearch) query = gloss_search_new ("ferry", GLOSS_SEARCH_WHOLE_WORDS, NULL);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GlossSearchRun) run = NULL;
  g_autoptr(GlossSearchRun) cancelled_run = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  RunResult result = { g_ptr_array_new_with_free_func (g_object_unref), 0, FALSE };
  RunResult cancelled = { g_ptr_array_new_with_free_func (g_object_unref), 0, FALSE };

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("day-%02u", i);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GlossDocument) document = NULL;

      for (guint j = 0; j < 200; j++)
        g_string_append_printf (text, "The %s ferry left at %u.\n", j % 3 == 0 ? "night" : "early", j);
      /* Every fifth document never mentions it. */
      document = gloss_document_new (id, id, i % 5 == 0 ? "No boats today.\n" : text->str);
      gloss_project_insert_document (project, document);
    }

  all = gloss_search_project (query, project);
  g_assert_cmpuint (all->len, ==, 32 * 200);

  /* One microsecond slices: the run yields after each document. */
  run = gloss_search_run_new (query, project, 1, NULL);
  g_signal_connect (run, "matches", G_CALLBACK (run_matches_cb), &result);
  g_signal_connect (run, "finished", G_CALLBACK (run_finished_cb), &result);
  gloss_search_run_start (run);
  g_assert_false (result.finished);
  g_assert_cmpuint (result.batches, <=, 1);  /* only the first slice ran */
  while (!result.finished)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (result.batches, ==, 32);
  g_assert_cmpuint (result.matches->len, ==, all->len);
  for (guint i = 0; i < all->len; i++)
    {
      g_assert_true (gloss_search_match_get_document (all->pdata[i]) ==
                     gloss_search_match_get_document (result.matches->pdata[i]));
      g_assert_cmpuint (gloss_search_match_get_start (all->pdata[i]), ==,
                        gloss_search_match_get_start (result.matches->pdata[i]));
    }
  g_assert_cmpuint (gloss_search_run_get_n_matches (run), ==, all->len);

  /* Cancelled after its first slice, a run delivers nothing more. */
  cancelled_run = gloss_search_run_new (query, project, 1, cancellable);
  g_signal_connect (cancelled_run, "matches", G_CALLBACK (run_matches_cb), &cancelled);
  g_signal_connect (cancelled_run, "finished", G_CALLBACK (run_finished_cb), &cancelled);
  gloss_search_run_start (cancelled_run);
  g_cancellable_cancel (cancellable);
  for (guint i = 0; i < 100; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (cancelled.finished);
  g_assert_cmpuint (cancelled.batches, <=, 1);

  g_ptr_array_unref (result.matches);
  g_ptr_array_unref (cancelled.matches);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/gloss/search/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("plain/ignores-case-and-diacritics", test_plain_ignores_case_and_diacritics);
  ADD ("plain/maps-folded-lengths-back", test_plain_maps_folded_lengths_back);
  ADD ("exact", test_exact);
  ADD ("whole-words", test_whole_words);
  ADD ("regex", test_regex);
  ADD ("crlf-emoji-offsets", test_crlf_emoji_offsets);
  ADD ("scopes", test_scopes);
  ADD ("tag-all/one-undo", test_tag_all_is_one_undo);
  g_test_add_func ("/gloss/search/regex-error", test_regex_error);
  g_test_add_func ("/gloss/search/empty-project", test_empty_project);
  g_test_add_func ("/gloss/search/context-trims-to-words", test_context_trims_to_words);
  g_test_add_func ("/gloss/search/streaming-run", test_streaming_run);

  return g_test_run ();
}
