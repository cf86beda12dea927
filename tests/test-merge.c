/* test-merge.c — three-way merge of projects, rule by rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gloss.h"

/* Emoji with a skin tone and a ZWJ, a combining accent, Hebrew, Chinese
 * and CRLF: offsets are code points. */
#define ARTICLE "👩🏽‍💻 The envoy said there was no deal yet.\r\n" \
                "Officials in Gene\u0301va denied it; שלום and 中文 were quoted.\r\n"

/* "envoy", "no deal yet", "Officials" in ARTICLE, in code points. */
static GlossOffset
find (const char *text,
      const char *needle)
{
  const char *at = strstr (text, needle);

  g_assert_nonnull (at);
  return (GlossOffset) g_utf8_strlen (text, at - text);
}

static GlossProject *
make_base (void)
{
  GlossProject *project = gloss_project_new ();
  GlossDocument *document = gloss_document_new ("doc", "Talks", ARTICLE);
  g_autoptr(GlossAnnotation) envoy = NULL;
  g_autoptr(GlossAnnotation) deal = NULL;
  g_autoptr(GlossAnnotation) officials = NULL;
  g_autoptr(GlossRelation) relation = NULL;

  gloss_project_insert_document (project, document);
  g_object_unref (document);

  envoy = gloss_annotation_new ("envoy", find (ARTICLE, "envoy"), find (ARTICLE, "envoy") + 5);
  gloss_annotation_add_tag (envoy, "source");
  gloss_document_add_annotation (document, envoy);
  deal = gloss_annotation_new ("deal", find (ARTICLE, "no deal"), find (ARTICLE, "no deal") + 11);
  gloss_annotation_add_tag (deal, "claim");
  gloss_annotation_set_attribute (deal, "verdict", "unproven");
  gloss_document_add_annotation (document, deal);
  officials = gloss_annotation_new ("officials", find (ARTICLE, "Officials"), find (ARTICLE, "Officials") + 9);
  gloss_annotation_add_tag (officials, "source");
  gloss_document_add_annotation (document, officials);

  relation = gloss_relation_new ("said", "attributed-to", "deal", "envoy");
  gloss_project_insert_relation (project, relation);

  return project;
}

/* A deep copy, through the file format. */
static GlossProject *
copy_project (GlossProject *project)
{
  g_autoptr(GBytes) bytes = gloss_project_serialize (project);
  g_autoptr(GError) error = NULL;
  GlossProject *copy = gloss_project_load_bytes (bytes, "copy.gloss", NULL, &error);

  g_assert_no_error (error);
  return copy;
}

static GlossDocument *
doc (GlossProject *project,
     const char   *id)
{
  GlossDocument *document = gloss_project_lookup_document (project, id);

  g_assert_nonnull (document);
  return document;
}

static GlossAnnotation *
ann (GlossProject *project,
     const char   *id)
{
  return gloss_project_lookup_annotation (project, id);
}

/* Merges, and checks that the result is a valid project whose saved bytes
 * load without a repair and save again identically. */
static GlossProject *
merge (GlossProject *base,
       GlossProject *ours,
       GlossProject *theirs,
       guint         expected_conflicts)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  GlossProject *result = gloss_merge_projects (base, ours, theirs, conflicts);
  g_autoptr(GBytes) bytes = gloss_project_serialize (result);
  g_autoptr(GlossProject) reloaded = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < conflicts->len; i++)
    g_test_message ("conflict: %s", (const char *) g_ptr_array_index (conflicts, i));
  g_assert_cmpuint (conflicts->len, ==, expected_conflicts);

  reloaded = gloss_project_load_bytes (bytes, "merged.gloss", notes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 0);
  g_assert_false (gloss_project_get_dirty (reloaded));
  again = gloss_project_serialize (reloaded);
  g_assert_true (g_bytes_equal (bytes, again));

  return result;
}

static void
assert_quote (GlossAnnotation *annotation,
              const char      *quote)
{
  GlossDocument *document = gloss_annotation_get_document (annotation);
  g_autofree char *slice = gloss_document_dup_slice (document, gloss_annotation_get_start (annotation),
                                                     gloss_annotation_get_end (annotation));

  g_assert_cmpstr (slice, ==, quote);
  g_assert_cmpstr (gloss_annotation_get_quote (annotation), ==, quote);
}

static void
test_unchanged (void)
{
  g_autoptr(GlossProject) base = make_base ();
  g_autoptr(GlossProject) ours = copy_project (base);
  g_autoptr(GlossProject) theirs = copy_project (base);
  g_autoptr(GlossProject) result = merge (base, ours, theirs, 0);
  g_autoptr(GBytes) expected = gloss_project_serialize (ours);
  g_autoptr(GBytes) got = gloss_project_serialize (result);

  g_assert_true (g_bytes_equal (expected, got));
}

static void
test_added_on_each_side (void)
{
  g_autoptr(GlossProject) base = make_base ();
  g_autoptr(GlossProject) ours = copy_project (base);
  g_autoptr(GlossProject) theirs = copy_project (base);
  g_autoptr(GlossProject) result = NULL;
  g_autoptr(GlossAnnotation) hebrew = gloss_annotation_new ("hebrew", find (ARTICLE, "שלום"), find (ARTICLE, "שלום") + 4);
  g_autoptr(GlossAnnotation) chinese = gloss_annotation_new ("chinese", find (ARTICLE, "中文"), find (ARTICLE, "中文") + 2);
  g_autoptr(GlossTag) tag = gloss_tag_new ("rumour", "Rumour", "#123456", -1);
  g_autoptr(GlossRelation) relation = gloss_relation_new ("same", "same-as", "hebrew", "envoy");

  gloss_document_add_annotation (doc (ours, "doc"), hebrew);
  gloss_project_insert_relation (ours, relation);
  gloss_annotation_add_tag (chinese, "rumour");
  gloss_project_insert_tag (theirs, tag);
  gloss_document_add_annotation (doc (theirs, "doc"), chinese);

  result = merge (base, ours, theirs, 0);
  assert_quote (ann (result, "hebrew"), "שלום");
  assert_quote (ann (result, "chinese"), "中文");
  g_assert_true (gloss_annotation_has_tag (ann (result, "chinese"), "rumour"));
  g_assert_nonnull (gloss_project_lookup_tag (result, "rumour"));
  g_assert_nonnull (gloss_project_lookup_relation (result, "same"));
  g_assert_cmpuint (gloss_document_get_n_annotations (doc (result, "doc")), ==, 5);
}

static void
test_deleted_on_one_side (void)
{
  g_autoptr(GlossProject) base = make_base ();
  g_autoptr(GlossProject) ours = copy_project (base);
  g_autoptr(GlossProject) theirs = copy_project (base);
  g_autoptr(GlossProject) result = NULL;

  /* Ours deletes "envoy" (and so the relation to it); theirs deletes the
   * source tag and "officials". */
  gloss_project_remove_annotation (ours, ann (ours, "envoy"));
  gloss_project_remove_annotation (theirs, ann (theirs, "officials"));
  gloss_project_remove_tag (theirs, gloss_project_lookup_tag (theirs, "person"));

  result = merge (base, ours, theirs, 0);
  g_assert_null (ann (result, "envoy"));
  g_assert_null (ann (result, "officials"));
  g_assert_nonnull (ann (result, "deal"));
  g_assert_null (gloss_project_lookup_relation (result, "said"));
  g_assert_null (gloss_project_lookup_tag (result, "person"));
  g_assert_nonnull (gloss_project_lookup_tag (result, "source"));
}

static void
test_deleted_and_changed (void)
{
  g_autoptr(GlossProject) base = make_base ();
  g_autoptr(GlossProject) ours = copy_project (base);
  g_autoptr(GlossProject) theirs = copy_project (base);
  g_autoptr(GlossProject) result = NULL;
  const GlossConflict *conflict;

  gloss_project_remove_annotation (ours, ann (ours, "deal"));
  gloss_project_set_annotation_note (theirs, ann (theirs, "deal"), "Check with the ministry");

  result = merge (base, ours, theirs, 1);
  g_assert_cmpstr (gloss_annotation_get_note (ann (result, "deal")), ==, "Check with the ministry");
  conflict = gloss_annotation_get_conflict (ann (result, "deal"));
  g_assert_nonnull (conflict);
  g_assert_cmpint (conflict->side, ==, GLOSS_CONFLICT_THEIRS);
  g_assert_cmpstr (conflict->with, ==, "");
}

static void
test_fields_merge (void)
{
  g_autoptr(GlossProject) base = make_base ();
  g_autoptr(GlossProject) ours = copy_project (base);
  g_autoptr(GlossProject) theirs = copy_project (base);
  g_autoptr(GlossProject) result = NULL;
  GlossAnnotation *deal;
  GlossOffset start = find (ARTICLE, "there was");
  const char * const *tags;

  /* Ours: a note, a tag added, an attribute changed. Theirs: the bounds,
   * the claim tag off and another on, another attribute added. */
  gloss_project_set_annotation_note (ours, ann (ours, "deal"), "Denied later");
  gloss_project_toggle_annotation_tag (ours, ann (ours, "deal"), "evidence");
  gloss_project_set_annotation_attribute (ours, ann (ours, "deal"), "verdict", "false");
  gloss_project_set_annotation_bounds (theirs, ann (theirs, "deal"), start, start + 21);
  gloss_project_toggle_annotation_tag (theirs, ann (theirs, "deal"), "claim");
  gloss_project_toggle_annotation_tag (theirs, ann (theirs, "deal"), "quote");
  gloss_project_set_annotation_attribute (theirs, ann (theirs, "deal"), "checked-by", "Ana");

  result = merge (base, ours, theirs, 0);
  deal = ann (result, "deal");
  assert_quote (deal, "there was no deal yet");
  g_assert_cmpstr (gloss_annotation_get_note (deal), ==, "Denied later");
  g_assert_cmpstr (gloss_annotation_get_attribute (deal, "verdict"), ==, "false");
  g_assert_cmpstr (gloss_annotation_get_attribute (deal, "checked-by"), ==, "Ana");
  tags = gloss_annotation_get_tags (deal);
  g_assert_cmpuint (g_strv_length ((char **) tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "evidence");
  g_assert_cmpstr (tags[1], ==, "quote");
  g_assert_null (gloss_annotation_get_conflict (deal));
}

static void
check_both_versions (GlossProject *result,
                     const char   *id,
                     const char   *theirs_id)
{
  const GlossConflict *ours = gloss_annotation_get_conflict (ann (result, id));
  const GlossConflict *theirs = gloss_annotation_get_conflict (ann (result, theirs_id));

  g_assert_nonnull (ours);
  g_assert_nonnull (theirs);
  g_assert_cmpint (ours->side, ==, GLOSS_CONFLICT_OURS);
  g_assert_cmpstr (ours->with, ==, theirs_id);
  g_assert_cmpint (theirs->side, ==, GLOSS_CONFLICT_THEIRS);
  g_assert_cmpstr (theirs->with, ==, id);
}

static void
test_conflicting_fields (void)
{
  g_autoptr(GlossProject) base = make_base ();
  g_autoptr(GlossProject) ours = copy_project (base);
  g_autoptr(GlossProject) theirs = copy_project (base);
  g_autoptr(GlossProject) result = NULL;
  GlossAnnotation *mine, *other;
  GlossOffset start = find (ARTICLE, "deal");

  gloss_project_set_annotation_note (ours, ann (ours, "deal"), "Mine");
  gloss_project_set_annotation_attribute (ours, ann (ours, "deal"), "verdict", "false");
  gloss_project_toggle_annotation_tag (ours, ann (ours, "deal"), "evidence");
  gloss_project_set_annotation_note (theirs, ann (theirs, "deal"), "Theirs");
  gloss_project_set_annotation_attribute (theirs, ann (theirs, "deal"), "verdict", "true");
  gloss_project_set_annotation_bounds (theirs, ann (theirs, "deal"), start, start + 4);

  result = merge (base, ours, theirs, 1);
  check_both_versions (result, "deal", "deal~theirs");
  mine = ann (result, "deal");
  other = ann (result, "deal~theirs");
  g_assert_cmpstr (gloss_annotation_get_note (mine), ==, "Mine");
  g_assert_cmpstr (gloss_annotation_get_note (other), ==, "Theirs");
  g_assert_cmpstr (gloss_annotation_get_attribute (mine, "verdict"), ==, "false");
  g_assert_cmpstr (gloss_annotation_get_attribute (other, "verdict"), ==, "true");
  /* What did not conflict is merged into both: theirs' bounds, ours' tag. */
  assert_quote (mine, "deal");
  assert_quote (other, "deal");
  g_assert_true (gloss_annotation_has_tag (mine, "evidence"));
  g_assert_true (gloss_annotation_has_tag (other, "evidence"));
  /* Relations stay with ours' version. */
  g_assert_cmpstr (gloss_relation_get_from (gloss_project_lookup_relation (result, "said")), ==, "deal");
}

static void
test_corrected_text (void)
{
  g_autoptr(GlossProject) base = make_base ();
  g_autoptr(GlossProject) ours = copy_project (base);
  g_autoptr(GlossProject) theirs = copy_project (base);
  g_autoptr(GlossProject) result = NULL;
  g_autoptr(GlossAnnotation) added = NULL;
  const char *corrected = "Update: 👍🏽 corrected.\r\n" ARTICLE;

  /* Theirs corrects the article (text before everything); ours, on the
   * old text, annotates "denied it" and moves "officials". */
  gloss_project_replace_document_text (theirs, doc (theirs, "doc"), corrected, NULL);
  added = gloss_annotation_new ("denied", find (ARTICLE, "denied it"), find (ARTICLE, "denied it") + 9);
  gloss_annotation_add_tag (added, "claim");
  gloss_project_add_annotation (ours, doc (ours, "doc"), added);
  gloss_project_set_annotation_bounds (ours, ann (ours, "officials"), find (ARTICLE, "Officials in"),
                                       find (ARTICLE, "Officials in") + 12);

  result = merge (base, ours, theirs, 0);
  g_assert_cmpstr (gloss_document_get_text (doc (result, "doc")), ==, corrected);
  assert_quote (ann (result, "denied"), "denied it");
  assert_quote (ann (result, "officials"), "Officials in");
  assert_quote (ann (result, "envoy"), "envoy");
  assert_quote (ann (result, "deal"), "no deal yet");
  g_assert_cmpuint (gloss_annotation_get_start (ann (result, "envoy")), ==, find (corrected, "envoy"));
  g_assert_null (gloss_document_get_conflict (doc (result, "doc")));
}

static void
test_text_conflict (void)
{
  g_autoptr(GlossProject) base = make_base ();
  g_autoptr(GlossProject) ours = copy_project (base);
  g_autoptr(GlossProject) theirs = copy_project (base);
  g_autoptr(GlossProject) result = NULL;
  GlossDocument *copy;

  gloss_project_replace_document_text (ours, doc (ours, "doc"), "Ours: " ARTICLE, NULL);
  gloss_project_replace_document_text (theirs, doc (theirs, "doc"), "Theirs says: " ARTICLE, NULL);

  result = merge (base, ours, theirs, 1);
  g_assert_cmpstr (gloss_document_get_text (doc (result, "doc")), ==, "Ours: " ARTICLE);
  copy = doc (result, "doc~theirs");
  g_assert_cmpstr (gloss_document_get_text (copy), ==, "Theirs says: " ARTICLE);
  g_assert_cmpint (gloss_document_get_conflict (copy)->side, ==, GLOSS_CONFLICT_THEIRS);
  g_assert_cmpstr (gloss_document_get_conflict (doc (result, "doc"))->with, ==, "doc~theirs");
  assert_quote (ann (result, "envoy"), "envoy");
  g_assert_cmpuint (gloss_document_get_n_annotations (copy), ==, 0);
}

static void
test_tags_and_relations (void)
{
  g_autoptr(GlossProject) base = make_base ();
  g_autoptr(GlossProject) ours = copy_project (base);
  g_autoptr(GlossProject) theirs = copy_project (base);
  g_autoptr(GlossProject) result = NULL;
  GlossTag *claim, *date;
  GlossRelation *said;

  /* Claim: renamed on one side, recoloured on the other → both.
   * Place: deleted on ours, put on an annotation by theirs → kept, marked.
   * Date: renamed differently → both versions.
   * The relation: its note on ours, its type on theirs → both. */
  gloss_project_set_tag_name (ours, gloss_project_lookup_tag (ours, "claim"), "Assertion");
  gloss_project_set_tag_color (theirs, gloss_project_lookup_tag (theirs, "claim"), "#00ff00");
  gloss_project_remove_tag (ours, gloss_project_lookup_tag (ours, "place"));
  gloss_project_toggle_annotation_tag (theirs, ann (theirs, "officials"), "place");
  gloss_project_set_tag_name (ours, gloss_project_lookup_tag (ours, "date-number"), "When");
  gloss_project_set_tag_name (theirs, gloss_project_lookup_tag (theirs, "date-number"), "Date or time");
  gloss_project_set_relation_note (ours, gloss_project_lookup_relation (ours, "said"), "on TV");
  gloss_project_set_relation_type (theirs, gloss_project_lookup_relation (theirs, "said"), "supports");
  gloss_project_add_relation_type (theirs, "quotes");

  result = merge (base, ours, theirs, 2);
  claim = gloss_project_lookup_tag (result, "claim");
  g_assert_cmpstr (gloss_tag_get_name (claim), ==, "Assertion");
  g_assert_cmpstr (gloss_tag_get_color (claim), ==, "#00ff00");
  g_assert_nonnull (gloss_project_lookup_tag (result, "place"));
  g_assert_cmpint (gloss_tag_get_conflict (gloss_project_lookup_tag (result, "place"))->side, ==, GLOSS_CONFLICT_THEIRS);
  g_assert_true (gloss_annotation_has_tag (ann (result, "officials"), "place"));
  date = gloss_project_lookup_tag (result, "date-number~theirs");
  g_assert_nonnull (date);
  g_assert_cmpstr (gloss_tag_get_name (date), ==, "Date or time");
  g_assert_cmpstr (gloss_tag_get_name (gloss_project_lookup_tag (result, "date-number")), ==, "When");
  said = gloss_project_lookup_relation (result, "said");
  g_assert_cmpstr (gloss_relation_get_note (said), ==, "on TV");
  g_assert_cmpstr (gloss_relation_get_type_name (said), ==, "supports");
  g_assert_true (g_strv_contains (gloss_project_get_relation_types (result), "quotes"));
}

/* One click keeps one version: the other goes, the mark goes; undo
 * brings both back, marked. */
static void
test_keep_version (void)
{
  g_autoptr(GlossProject) base = make_base ();
  g_autoptr(GlossProject) ours = copy_project (base);
  g_autoptr(GlossProject) theirs = copy_project (base);
  g_autoptr(GlossProject) result = NULL;

  gloss_project_set_annotation_note (ours, ann (ours, "deal"), "Mine");
  gloss_project_set_annotation_note (theirs, ann (theirs, "deal"), "Theirs");
  result = merge (base, ours, theirs, 1);

  gloss_project_keep_conflict_version (result, ann (result, "deal~theirs"));
  g_assert_null (ann (result, "deal"));
  g_assert_null (gloss_annotation_get_conflict (ann (result, "deal~theirs")));
  g_assert_cmpstr (gloss_annotation_get_note (ann (result, "deal~theirs")), ==, "Theirs");
  /* The relation went with ours' version. */
  g_assert_null (gloss_project_lookup_relation (result, "said"));
  g_assert_cmpstr (gloss_project_get_undo_label (result), ==, "Keep Version");

  g_assert_true (gloss_project_undo (result));
  g_assert_nonnull (ann (result, "deal"));
  g_assert_nonnull (gloss_project_lookup_relation (result, "said"));
  check_both_versions (result, "deal", "deal~theirs");

  g_assert_true (gloss_project_redo (result));
  g_assert_null (ann (result, "deal"));
  g_assert_null (gloss_annotation_get_conflict (ann (result, "deal~theirs")));
}

/* Finding 2 of issue 17: the file changed on disk while the project was
 * open; merging takes the version last saved as the base, so what this
 * window saved before is no conflict, and what both changed since is
 * merged. */
static void
test_merge_with_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-merge-file-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "talks ✍️.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossProject) made = make_base ();
  g_autoptr(GlossProject) ours = NULL;
  g_autoptr(GlossProject) theirs = NULL;
  g_autoptr(GlossProject) merged = NULL;
  g_autoptr(GlossProject) reloaded = NULL;
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (gloss_project_save (made, file, &error));
  g_assert_no_error (error);

  /* This window: a note, saved; the other program then opens that. */
  ours = gloss_project_load (file, &error);
  g_assert_no_error (error);
  gloss_project_set_annotation_note (ours, ann (ours, "deal"), "Ours, saved");
  g_assert_true (gloss_project_save (ours, file, &error));
  theirs = gloss_project_load (file, &error);
  g_assert_no_error (error);

  /* The other program changes the note and the envoy, and saves. */
  gloss_project_set_annotation_note (theirs, ann (theirs, "deal"), "Theirs, later");
  gloss_project_toggle_annotation_tag (theirs, ann (theirs, "envoy"), "person");
  g_assert_true (gloss_project_save (theirs, file, &error));
  /* Meanwhile this window tags the officials and removes the relation. */
  gloss_project_toggle_annotation_tag (ours, ann (ours, "officials"), "organization");
  gloss_project_remove_relation (ours, gloss_project_lookup_relation (ours, "said"));

  g_assert_false (gloss_project_save (ours, file, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED);
  g_clear_error (&error);

  merged = gloss_merge_with_file (ours, file, conflicts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_false (gloss_project_get_dirty (merged));
  g_assert_cmpstr (gloss_annotation_get_note (ann (merged, "deal")), ==, "Theirs, later");
  g_assert_true (gloss_annotation_has_tag (ann (merged, "envoy"), "person"));
  g_assert_true (gloss_annotation_has_tag (ann (merged, "officials"), "organization"));
  g_assert_null (gloss_project_lookup_relation (merged, "said"));

  /* Written, in load → save form, and the next save needs no merge. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  on_disk = g_bytes_new_take (g_steal_pointer (&contents), length);
  expected = gloss_project_serialize (merged);
  g_assert_true (g_bytes_equal (on_disk, expected));
  reloaded = gloss_project_load (file, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_annotation_has_tag (ann (reloaded, "officials"), "organization"));
  gloss_project_set_annotation_note (merged, ann (merged, "envoy"), "Then more");
  g_assert_true (gloss_project_save (merged, file, &error));
  g_assert_no_error (error);

  /* A project never saved has no base. */
  {
    g_autoptr(GlossProject) fresh = make_base ();

    g_assert_null (gloss_merge_with_file (fresh, file, NULL, &error));
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A project loaded from a file that changed before its bytes were read
 * again has no base: merging says so and writes nothing. */
static void
test_merge_with_file_base_gone (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-merge-file-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "talks.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossProject) made = make_base ();
  g_autoptr(GlossProject) ours = NULL;
  g_autoptr(GlossProject) theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (gloss_project_save (made, file, &error));
  ours = gloss_project_load (file, &error);
  theirs = gloss_project_load (file, &error);
  g_assert_no_error (error);
  gloss_project_set_annotation_note (theirs, ann (theirs, "deal"), "Theirs, a longer note");
  g_assert_true (gloss_project_save (theirs, file, &error));

  g_assert_false (gloss_project_remember_disk_bytes (ours, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_null (gloss_merge_with_file (ours, file, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "talks.gloss"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Both changed one note since the save: kept twice, marked, and written. */
static void
test_merge_with_file_conflict (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-merge-file-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "שיחות.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossProject) made = make_base ();
  g_autoptr(GlossProject) ours = NULL;
  g_autoptr(GlossProject) theirs = NULL;
  g_autoptr(GlossProject) merged = NULL;
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_save (made, file, &error));
  ours = gloss_project_load (file, &error);
  theirs = gloss_project_load (file, &error);
  g_assert_no_error (error);
  /* Loaded: the base is known once its bytes are remembered, the way the
   * window does after showing the project. */
  g_assert_true (gloss_project_remember_disk_bytes (ours, &error));
  g_assert_no_error (error);
  gloss_project_set_annotation_note (theirs, ann (theirs, "deal"), "Theirs");
  g_assert_true (gloss_project_save (theirs, file, &error));
  gloss_project_set_annotation_note (ours, ann (ours, "deal"), "Ours");

  merged = gloss_merge_with_file (ours, file, conflicts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  check_both_versions (merged, "deal", "deal~theirs");

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/unchanged", test_unchanged);
  g_test_add_func ("/merge/added-on-each-side", test_added_on_each_side);
  g_test_add_func ("/merge/deleted-on-one-side", test_deleted_on_one_side);
  g_test_add_func ("/merge/deleted-and-changed", test_deleted_and_changed);
  g_test_add_func ("/merge/fields", test_fields_merge);
  g_test_add_func ("/merge/conflicting-fields", test_conflicting_fields);
  g_test_add_func ("/merge/corrected-text", test_corrected_text);
  g_test_add_func ("/merge/text-conflict", test_text_conflict);
  g_test_add_func ("/merge/tags-and-relations", test_tags_and_relations);
  g_test_add_func ("/merge/keep-version", test_keep_version);
  g_test_add_func ("/merge/with-file", test_merge_with_file);
  g_test_add_func ("/merge/with-file-conflict", test_merge_with_file_conflict);
  g_test_add_func ("/merge/with-file-base-gone", test_merge_with_file_base_gone);

  return g_test_run ();
}
