/* test-history.c — every edit of a project undoes and redoes exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss.h"

/* A textual picture of everything an edit can touch, to compare states. */
static char *
describe_project (GlossProject *project)
{
  GString *out = g_string_new (NULL);
  GListModel *tags = gloss_project_get_tags (project);
  GListModel *documents = gloss_project_get_documents (project);
  GListModel *relations = gloss_project_get_relations (project);
  g_autofree char *types = g_strjoinv (",", (char **) gloss_project_get_relation_types (project));

  g_string_append_printf (out, "title=%s\ntypes=%s\n", gloss_project_get_title (project), types);
  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(GlossTag) tag = g_list_model_get_item (tags, i);
      g_string_append_printf (out, "tag %s %s %s %d %s\n", gloss_tag_get_id (tag), gloss_tag_get_name (tag),
                              gloss_tag_get_color (tag), gloss_tag_get_digit (tag),
                              gloss_tag_get_description (tag));
    }
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);

      g_string_append_printf (out, "doc %s [%s] [%s]\n", gloss_document_get_id (document),
                              gloss_document_get_title (document), gloss_document_get_text (document));
      for (guint j = 0; j < gloss_document_get_n_annotations (document); j++)
        {
          GlossAnnotation *a = gloss_document_get_annotation (document, j);
          g_autofree char *tag_list = g_strjoinv (",", (char **) gloss_annotation_get_tags (a));
          g_auto(GStrv) keys = gloss_annotation_dup_attribute_keys (a);

          g_string_append_printf (out, "  ann %s %u-%u [%s] tags=%s note=[%s] state=%s",
                                  gloss_annotation_get_id (a), gloss_annotation_get_start (a),
                                  gloss_annotation_get_end (a), gloss_annotation_get_quote (a), tag_list,
                                  gloss_annotation_get_note (a),
                                  gloss_anchor_state_to_string (gloss_annotation_get_state (a)));
          for (guint k = 0; keys[k] != NULL; k++)
            g_string_append_printf (out, " %s=%s", keys[k], gloss_annotation_get_attribute (a, keys[k]));
          g_string_append_c (out, '\n');
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (relations, i);
      g_string_append_printf (out, "rel %s %s %s->%s [%s]\n", gloss_relation_get_id (relation),
                              gloss_relation_get_type_name (relation), gloss_relation_get_from (relation),
                              gloss_relation_get_to (relation), gloss_relation_get_note (relation));
    }

  return g_string_free (out, FALSE);
}

typedef void (*EditFunc) (GlossProject *project, gpointer data);

typedef struct {
  GlossProject    *project;
  GlossDocument   *document;
  GlossDocument   *second;
  GlossAnnotation *claim;
  GlossAnnotation *source;
  GlossAnnotation *other;
  GlossRelation   *relation;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  GlossDocument *document;

  fixture->project = gloss_project_new ();
  document = gloss_document_new ("doc-1", "Talks stall", "The envoy said there was no deal yet, according to NBC News 📰.");
  gloss_project_add_document (fixture->project, document);
  fixture->document = document;
  g_object_unref (document);

  document = gloss_document_new ("doc-2", "Follow-up", "Officials in Kyiv 🇺🇦 denied it.");
  gloss_project_add_document (fixture->project, document);
  fixture->second = document;
  g_object_unref (document);

  fixture->claim = gloss_project_annotate (fixture->project, fixture->document, 15, 36, "claim");
  fixture->source = gloss_project_annotate (fixture->project, fixture->document, 51, 59, "source");
  fixture->other = gloss_project_annotate (fixture->project, fixture->second, 0, 17, "person");
  fixture->relation = gloss_project_link (fixture->project, fixture->claim, fixture->source, "attributed-to");
  gloss_project_mark_saved (fixture->project);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->project);
}

/* Applies @edit, then checks undo restores the exact state, redo the
 * edited state, and undo once more the original again. */
static void
check_undo_redo (Fixture    *fixture,
                 void      (*edit) (Fixture *fixture))
{
  g_autofree char *before = describe_project (fixture->project);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *undone_again = NULL;

  g_assert_false (gloss_project_get_dirty (fixture->project));
  edit (fixture);
  after = describe_project (fixture->project);
  g_assert_cmpstr (before, !=, after);
  g_assert_true (gloss_project_get_dirty (fixture->project));
  g_assert_true (gloss_project_can_undo (fixture->project));

  g_assert_true (gloss_project_undo (fixture->project));
  undone = describe_project (fixture->project);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (gloss_project_get_dirty (fixture->project));

  g_assert_true (gloss_project_redo (fixture->project));
  redone = describe_project (fixture->project);
  g_assert_cmpstr (redone, ==, after);

  g_assert_true (gloss_project_undo (fixture->project));
  undone_again = describe_project (fixture->project);
  g_assert_cmpstr (undone_again, ==, before);
}

static void edit_annotate (Fixture *f) { g_assert_nonnull (gloss_project_annotate (f->project, f->document, 4, 9, "person")); }
static void edit_remove_annotation (Fixture *f) { gloss_project_remove_annotation (f->project, f->claim); }
static void edit_note (Fixture *f) { gloss_project_set_annotation_note (f->project, f->claim, "Check the date — “yet”?"); }
static void edit_toggle_tag (Fixture *f) { gloss_project_toggle_annotation_tag (f->project, f->claim, "quote"); }
static void edit_untoggle_tag (Fixture *f) { gloss_project_toggle_annotation_tag (f->project, f->claim, "claim"); }
static void edit_attribute (Fixture *f) { gloss_project_set_annotation_attribute (f->project, f->claim, "verdict", "false"); }
static void edit_bounds (Fixture *f) { gloss_project_set_annotation_bounds (f->project, f->claim, 4, 36); }
static void edit_state (Fixture *f) { gloss_project_set_annotation_state (f->project, f->claim, GLOSS_ANCHOR_MOVED); }
static void edit_link (Fixture *f) { gloss_project_link (f->project, f->other, f->claim, "contradicts"); }
static void edit_unlink (Fixture *f) { gloss_project_remove_relation (f->project, f->relation); }
static void edit_relation_type (Fixture *f) { gloss_project_set_relation_type (f->project, f->relation, "quoted-by"); }
static void edit_relation_note (Fixture *f) { gloss_project_set_relation_note (f->project, f->relation, "via a spokesperson"); }
static void edit_add_type (Fixture *f) { gloss_project_add_relation_type (f->project, "paraphrases"); }
static void edit_remove_type (Fixture *f) { gloss_project_remove_relation_type (f->project, "same-as"); }
static void edit_create_tag (Fixture *f) { g_assert_nonnull (gloss_project_create_tag (f->project, "Rumour", "#813d9c", 9)); }
static void edit_title (Fixture *f) { gloss_project_set_title (f->project, "Geneva talks"); }
static void edit_document_title (Fixture *f) { gloss_project_set_document_title (f->project, f->second, "Kyiv denies"); }
static void edit_remove_document (Fixture *f) { gloss_project_remove_document (f->project, f->document); }

static void
edit_add_document (Fixture *f)
{
  g_autoptr(GlossDocument) document = gloss_document_new (NULL, "Third", "שלום עולם");
  gloss_project_add_document (f->project, document);
}

static void
edit_remove_tag (Fixture *f)
{
  gloss_project_remove_tag (f->project, gloss_project_lookup_tag (f->project, "claim"));
}

static void
edit_tag_fields (Fixture *f)
{
  GlossTag *tag = gloss_project_lookup_tag (f->project, "source");

  gloss_project_begin_action (f->project, "Edit Tag");
  gloss_project_set_tag_name (f->project, tag, "Attribution");
  gloss_project_set_tag_color (f->project, tag, "#123456");
  gloss_project_set_tag_description (f->project, tag, "Who said it");
  gloss_project_end_action (f->project);
}

static void
edit_tag_digit (Fixture *f)
{
  /* 1 belongs to Claim: giving it to Source takes it from Claim. */
  gloss_project_set_tag_digit (f->project, gloss_project_lookup_tag (f->project, "source"), 1);
  g_assert_cmpint (gloss_tag_get_digit (gloss_project_lookup_tag (f->project, "claim")), ==, -1);
  g_assert_true (gloss_project_lookup_tag_by_digit (f->project, 1) == gloss_project_lookup_tag (f->project, "source"));
}

static void
edit_move_tag (Fixture *f)
{
  gloss_project_move_tag (f->project, gloss_project_lookup_tag (f->project, "place"), 0);
}

static void
edit_replace_text (Fixture *f)
{
  GlossAnchorReport report;

  gloss_project_replace_document_text (f->project, f->document,
                                       "Geneva: The envoy said there was no deal yet, according to NBC News 📰.",
                                       &report);
  g_assert_cmpuint (report.anchored + report.moved + report.orphaned, ==, 2);
}

#define EDIT_TEST(name) \
  static void test_##name (Fixture *f, gconstpointer d) { check_undo_redo (f, edit_##name); }

EDIT_TEST (annotate)
EDIT_TEST (remove_annotation)
EDIT_TEST (note)
EDIT_TEST (toggle_tag)
EDIT_TEST (untoggle_tag)
EDIT_TEST (attribute)
EDIT_TEST (bounds)
EDIT_TEST (state)
EDIT_TEST (link)
EDIT_TEST (unlink)
EDIT_TEST (relation_type)
EDIT_TEST (relation_note)
EDIT_TEST (add_type)
EDIT_TEST (remove_type)
EDIT_TEST (create_tag)
EDIT_TEST (remove_tag)
EDIT_TEST (tag_fields)
EDIT_TEST (tag_digit)
EDIT_TEST (move_tag)
EDIT_TEST (title)
EDIT_TEST (document_title)
EDIT_TEST (add_document)
EDIT_TEST (remove_document)
EDIT_TEST (replace_text)

static void
test_remove_annotation_takes_relations (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(GPtrArray) relations = NULL;
  const char *claim_id = gloss_annotation_get_id (f->claim);

  gloss_project_remove_annotation (f->project, f->claim);
  g_assert_null (gloss_project_lookup_annotation (f->project, claim_id));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_relations (f->project)), ==, 0);
  relations = gloss_project_relations_of (f->project, f->source);
  g_assert_cmpuint (relations->len, ==, 0);

  /* One step brings back both. */
  g_assert_true (gloss_project_undo (f->project));
  g_assert_nonnull (gloss_project_lookup_annotation (f->project, claim_id));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_relations (f->project)), ==, 1);
}

static void
test_note_typing_merges (Fixture       *f,
                         gconstpointer  data)
{
  const char *steps[] = { "C", "Ch", "Che", "Chec", "Check" };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    gloss_project_set_annotation_note (f->project, f->claim, steps[i]);

  g_assert_cmpstr (gloss_project_get_undo_label (f->project), ==, "Edit Note");
  g_assert_true (gloss_project_undo (f->project));
  g_assert_cmpstr (gloss_annotation_get_note (f->claim), ==, "");
  g_assert_true (gloss_project_redo (f->project));
  g_assert_cmpstr (gloss_annotation_get_note (f->claim), ==, "Check");

  /* Typing in another annotation's note is a step of its own. */
  gloss_project_set_annotation_note (f->project, f->source, "NBC");
  g_assert_true (gloss_project_undo (f->project));
  g_assert_cmpstr (gloss_annotation_get_note (f->claim), ==, "Check");
}

static void
test_new_edit_drops_redo (Fixture       *f,
                          gconstpointer  data)
{
  gloss_project_set_annotation_note (f->project, f->claim, "one");
  g_assert_true (gloss_project_undo (f->project));
  g_assert_true (gloss_project_can_redo (f->project));
  gloss_project_toggle_annotation_tag (f->project, f->claim, "quote");
  g_assert_false (gloss_project_can_redo (f->project));
  g_assert_cmpstr (gloss_annotation_get_note (f->claim), ==, "");
}

static void
test_no_change_is_no_step (Fixture       *f,
                           gconstpointer  data)
{
  gloss_project_set_annotation_note (f->project, f->claim, "");
  gloss_project_set_annotation_attribute (f->project, f->claim, "missing", NULL);
  gloss_project_set_title (f->project, gloss_project_get_title (f->project));
  g_assert_false (gloss_project_get_dirty (f->project));
  g_assert_cmpstr (gloss_project_get_undo_label (f->project), ==, "Link Annotations");
}

static void
changed_cb (GlossProject *project,
            guint        *count)
{
  (*count)++;
}

static void
test_action_is_one_change (Fixture       *f,
                           gconstpointer  data)
{
  guint changes = 0;
  guint64 generation = gloss_project_get_generation (f->project);

  g_signal_connect (f->project, "changed", G_CALLBACK (changed_cb), &changes);
  gloss_project_begin_action (f->project, "Bulk");
  for (guint i = 0; i < 10; i++)
    gloss_project_annotate (f->project, f->second, i, i + 1, NULL);
  g_assert_false (gloss_project_can_undo (f->project));  /* not while an action is open */
  gloss_project_end_action (f->project);

  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (gloss_project_get_generation (f->project), >, generation);
  g_assert_cmpuint (gloss_document_get_n_annotations (f->second), ==, 11);
  g_assert_true (gloss_project_undo (f->project));
  g_assert_cmpuint (gloss_document_get_n_annotations (f->second), ==, 1);
  g_assert_cmpuint (changes, ==, 2);
}

static void
test_saved_state_tracking (Fixture       *f,
                           gconstpointer  data)
{
  gloss_project_set_annotation_note (f->project, f->claim, "a");
  gloss_project_mark_saved (f->project);
  g_assert_false (gloss_project_get_dirty (f->project));

  g_assert_true (gloss_project_undo (f->project));
  g_assert_true (gloss_project_get_dirty (f->project));
  g_assert_true (gloss_project_redo (f->project));
  g_assert_false (gloss_project_get_dirty (f->project));

  /* Undo past the save, then a new edit: the saved state is unreachable. */
  g_assert_true (gloss_project_undo (f->project));
  gloss_project_set_title (f->project, "x");
  g_assert_true (gloss_project_get_dirty (f->project));
  g_assert_true (gloss_project_undo (f->project));
  g_assert_true (gloss_project_get_dirty (f->project));
}

static void
test_default_tag_set (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  const char *names[] = { "Claim", "Source", "Quote", "Evidence", "Person", "Organization", "Place", "Date/Number" };
  GListModel *tags = gloss_project_get_tags (project);

  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GlossTag) tag = g_list_model_get_item (tags, i);

      g_assert_cmpstr (gloss_tag_get_name (tag), ==, names[i]);
      g_assert_cmpint (gloss_tag_get_digit (tag), ==, (int) i + 1);
      g_assert_true (gloss_color_is_valid (gloss_tag_get_color (tag)));
    }
  g_assert_true (g_strv_contains (gloss_project_get_relation_types (project), "attributed-to"));
  g_assert_true (g_strv_contains (gloss_project_get_relation_types (project), "supports"));
  g_assert_true (g_strv_contains (gloss_project_get_relation_types (project), "contradicts"));
  g_assert_true (g_strv_contains (gloss_project_get_relation_types (project), "same-as"));

  /* New tags get readable, unique ids. */
  g_assert_cmpstr (gloss_tag_get_id (gloss_project_create_tag (project, "Claim", "#000000", -1)), ==, "claim-2");
  g_assert_cmpstr (gloss_tag_get_id (gloss_project_create_tag (project, "Zoë’s 🙂 tag", "#000000", -1)), ==, "zoe-s-tag");
}

static void
test_cross_document_relation (Fixture       *f,
                              gconstpointer  data)
{
  GlossRelation *relation = gloss_project_link (f->project, f->other, f->claim, "contradicts");
  g_autoptr(GPtrArray) of_claim = gloss_project_relations_of (f->project, f->claim);
  g_autoptr(GPtrArray) of_other = gloss_project_relations_of (f->project, f->other);

  g_assert_cmpuint (of_claim->len, ==, 2);
  g_assert_cmpuint (of_other->len, ==, 1);
  g_assert_true (g_ptr_array_index (of_other, 0) == relation);
  g_assert_true (gloss_project_lookup_relation (f->project, gloss_relation_get_id (relation)) == relation);
}

/* 100,000 annotations in one document: adding and removing one more must
 * not walk them all. */
static void
test_large_document (void)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GlossDocument) document = NULL;
  GlossAnnotation *extra;
  g_autoptr(GPtrArray) at = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append (text, "Words said, 🙂 claimed. ");
  document = gloss_document_new (NULL, "Large", text->str);
  gloss_project_add_document (project, document);

  gloss_project_begin_action (project, "Bulk");
  for (guint i = 0; i < 100000; i++)
    {
      GlossOffset start = (i * 37) % (gloss_document_get_length (document) - 50);
      g_autoptr(GlossAnnotation) a = gloss_annotation_new (NULL, start, start + 1 + i % 40);

      gloss_annotation_add_tag (a, "claim");
      gloss_project_add_annotation (project, document, a);
    }
  gloss_project_end_action (project);
  g_assert_cmpuint (gloss_document_get_n_annotations (document), ==, 100000);

  for (guint i = 0; i < 1000; i++)
    {
      extra = gloss_project_annotate (project, document, 100 + i, 120 + i, "source");
      gloss_project_remove_annotation (project, extra);
    }
  at = gloss_document_annotations_at (document, 5000);
  g_assert_cmpuint (at->len, >, 0);
  g_assert_true (gloss_project_undo (project));
  g_assert_cmpuint (gloss_document_get_n_annotations (document), ==, 100001);
}

typedef struct {
  GlossProject *project;
  GBytes       *bytes;
  guint         delay_ms;
} ReaderData;

static gpointer
slow_reader_thread (gpointer user_data)
{
  ReaderData *data = user_data;

  /* Long enough for the main thread to try an edit meanwhile. */
  g_usleep (data->delay_ms * 1000);
  data->bytes = gloss_project_serialize (data->project);
  gloss_project_end_read (data->project);

  return NULL;
}

/* An autosave serialises in a worker: an edit made meanwhile waits, so
 * the copy shows one state, never half of an edit. */
static void
test_edits_wait_for_readers (Fixture       *f,
                             gconstpointer  data)
{
  ReaderData reader = { f->project, NULL, 200 };
  GThread *thread;
  gint64 before;
  g_autofree char *text = NULL;

  gloss_project_begin_read (f->project);
  thread = g_thread_new ("reader", slow_reader_thread, &reader);

  before = g_get_monotonic_time ();
  gloss_project_set_annotation_note (f->project, f->claim, "written after the copy");
  g_assert_cmpint (g_get_monotonic_time () - before, >=, 150 * 1000);

  g_thread_join (thread);
  text = g_strndup (g_bytes_get_data (reader.bytes, NULL), g_bytes_get_size (reader.bytes));
  g_assert_null (strstr (text, "written after the copy"));
  g_assert_cmpstr (gloss_annotation_get_note (f->claim), ==, "written after the copy");
  g_bytes_unref (reader.bytes);
}

/* Every edit passes the one guard (_gloss_project_do ()): under a reader,
 * each of them waits, and the reader's copy is the state before it. */
static void
test_every_edit_waits_for_readers (void)
{
  static void (* const edits[]) (Fixture *) = {
    edit_annotate, edit_remove_annotation, edit_note, edit_toggle_tag, edit_untoggle_tag,
    edit_attribute, edit_bounds, edit_state, edit_link, edit_unlink, edit_relation_type,
    edit_relation_note, edit_add_type, edit_remove_type, edit_create_tag, edit_title,
    edit_document_title, edit_remove_document, edit_add_document, edit_remove_tag,
    edit_tag_fields, edit_tag_digit, edit_move_tag, edit_replace_text,
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      Fixture f;
      ReaderData reader = { NULL, NULL, 50 };
      g_autoptr(GBytes) before = NULL;
      GThread *thread;
      gint64 start;

      fixture_set_up (&f, NULL);
      reader.project = f.project;
      before = gloss_project_serialize (f.project);

      gloss_project_begin_read (f.project);
      thread = g_thread_new ("reader", slow_reader_thread, &reader);
      start = g_get_monotonic_time ();
      edits[i] (&f);
      g_assert_cmpint (g_get_monotonic_time () - start, >=, 40 * 1000);
      g_thread_join (thread);

      g_assert_true (g_bytes_equal (reader.bytes, before));
      g_clear_pointer (&reader.bytes, g_bytes_unref);

      /* Undo passes it too. */
      gloss_project_begin_read (f.project);
      thread = g_thread_new ("reader", slow_reader_thread, &reader);
      start = g_get_monotonic_time ();
      g_assert_true (gloss_project_undo (f.project));
      g_assert_cmpint (g_get_monotonic_time () - start, >=, 40 * 1000);
      g_thread_join (thread);
      g_assert_false (g_bytes_equal (reader.bytes, before));
      g_clear_pointer (&reader.bytes, g_bytes_unref);

      fixture_tear_down (&f, NULL);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/gloss/history/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("annotate", test_annotate);
  ADD ("remove-annotation", test_remove_annotation);
  ADD ("note", test_note);
  ADD ("toggle-tag", test_toggle_tag);
  ADD ("untoggle-tag", test_untoggle_tag);
  ADD ("attribute", test_attribute);
  ADD ("bounds", test_bounds);
  ADD ("state", test_state);
  ADD ("link", test_link);
  ADD ("unlink", test_unlink);
  ADD ("relation-type", test_relation_type);
  ADD ("relation-note", test_relation_note);
  ADD ("add-relation-type", test_add_type);
  ADD ("remove-relation-type", test_remove_type);
  ADD ("create-tag", test_create_tag);
  ADD ("remove-tag", test_remove_tag);
  ADD ("tag-fields", test_tag_fields);
  ADD ("tag-digit", test_tag_digit);
  ADD ("move-tag", test_move_tag);
  ADD ("title", test_title);
  ADD ("document-title", test_document_title);
  ADD ("add-document", test_add_document);
  ADD ("remove-document", test_remove_document);
  ADD ("replace-text", test_replace_text);
  ADD ("remove-annotation-takes-relations", test_remove_annotation_takes_relations);
  ADD ("note-typing-merges", test_note_typing_merges);
  ADD ("new-edit-drops-redo", test_new_edit_drops_redo);
  ADD ("no-change-is-no-step", test_no_change_is_no_step);
  ADD ("action-is-one-change", test_action_is_one_change);
  ADD ("saved-state-tracking", test_saved_state_tracking);
  ADD ("cross-document-relation", test_cross_document_relation);
  ADD ("edits-wait-for-readers", test_edits_wait_for_readers);
  g_test_add_func ("/gloss/history/every-edit-waits-for-readers", test_every_edit_waits_for_readers);
  g_test_add_func ("/gloss/history/default-tag-set", test_default_tag_set);
  g_test_add_func ("/gloss/history/large-document", test_large_document);

  return g_test_run ();
}
