/* test-provenance.c — the provenance object and a document's copy of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static GlossProvenance *
make_full_provenance (void)
{
  const char * const authors[] = { "Ngozi Okafor", "Zoë Ławrynowicz", NULL };
  GlossProvenance *provenance = gloss_provenance_new ();

  gloss_provenance_set_url (provenance, "https://news.example.org/2026/harbour");
  gloss_provenance_set_site_name (provenance, "The Example Courier");
  gloss_provenance_set_authors (provenance, authors);
  gloss_provenance_set_published (provenance, "2026-03-04T08:15:00+01:00");
  gloss_provenance_set_modified (provenance, "2026-03-05");
  gloss_provenance_set_language (provenance, "en-GB");
  gloss_provenance_set_description (provenance, "The harbour reopens 👷🏽‍♀️ after repairs.");
  gloss_provenance_set_captured (provenance, "2026-03-06T10:00:00Z");
  gloss_provenance_set_file (provenance, "harbour.mhtml");
  gloss_provenance_set_file_sha256 (provenance,
                                    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
  gloss_provenance_set_extractor (provenance, "gloss-html");
  gloss_provenance_set_extractor_version (provenance, "1");

  return provenance;
}

static void
test_new_is_empty (void)
{
  g_autoptr(GlossProvenance) provenance = gloss_provenance_new ();

  g_assert_true (gloss_provenance_is_empty (provenance));
  g_assert_cmpstr (gloss_provenance_get_url (provenance), ==, "");
  g_assert_cmpstr (gloss_provenance_get_extractor_version (provenance), ==, "");
  g_assert_nonnull (gloss_provenance_get_authors (provenance));
  g_assert_null (gloss_provenance_get_authors (provenance)[0]);

  gloss_provenance_set_language (provenance, "ar");
  g_assert_false (gloss_provenance_is_empty (provenance));
  gloss_provenance_set_language (provenance, NULL);
  g_assert_true (gloss_provenance_is_empty (provenance));

  gloss_provenance_set_authors (provenance, (const char * const[]) { "שרה כהן", NULL });
  g_assert_false (gloss_provenance_is_empty (provenance));
}

static void
test_copy_and_equal (void)
{
  g_autoptr(GlossProvenance) original = make_full_provenance ();
  g_autoptr(GlossProvenance) copy = gloss_provenance_copy (original);
  g_autoptr(GlossProvenance) empty = gloss_provenance_new ();

  g_assert_true (copy != original);
  g_assert_true (gloss_provenance_equal (original, copy));
  g_assert_false (gloss_provenance_equal (original, empty));
  g_assert_cmpstr (gloss_provenance_get_site_name (copy), ==, "The Example Courier");
  g_assert_cmpstr (gloss_provenance_get_authors (copy)[1], ==, "Zoë Ławrynowicz");

  /* The copy owns its values. */
  gloss_provenance_set_modified (copy, "2026-03-07");
  g_assert_false (gloss_provenance_equal (original, copy));
  g_assert_cmpstr (gloss_provenance_get_modified (original), ==, "2026-03-05");
  gloss_provenance_set_modified (copy, "2026-03-05");
  g_assert_true (gloss_provenance_equal (original, copy));

  /* Authors compare in order and in number. */
  gloss_provenance_set_authors (copy, (const char * const[]) { "Zoë Ławrynowicz", "Ngozi Okafor", NULL });
  g_assert_false (gloss_provenance_equal (original, copy));
  gloss_provenance_set_authors (copy, (const char * const[]) { "Ngozi Okafor", NULL });
  g_assert_false (gloss_provenance_equal (original, copy));
  g_assert_false (gloss_provenance_equal (copy, original));
}

static void
test_notify_only_on_change (void)
{
  g_autoptr(GlossProvenance) provenance = gloss_provenance_new ();
  guint url_notifies = 0, authors_notifies = 0;

  g_signal_connect (provenance, "notify::url", G_CALLBACK (count_notify_cb), &url_notifies);
  g_signal_connect (provenance, "notify::authors", G_CALLBACK (count_notify_cb), &authors_notifies);

  gloss_provenance_set_url (provenance, "https://example.org/a");
  gloss_provenance_set_url (provenance, "https://example.org/a");
  g_object_set (provenance, "url", "https://example.org/b", NULL);
  g_assert_cmpuint (url_notifies, ==, 2);
  g_assert_cmpstr (gloss_provenance_get_url (provenance), ==, "https://example.org/b");

  gloss_provenance_set_authors (provenance, NULL);
  g_assert_cmpuint (authors_notifies, ==, 0);
  gloss_provenance_set_authors (provenance, (const char * const[]) { "A. Writer", NULL });
  gloss_provenance_set_authors (provenance, (const char * const[]) { "A. Writer", NULL });
  g_assert_cmpuint (authors_notifies, ==, 1);
}

static void
test_assign (void)
{
  g_autoptr(GlossProvenance) full = make_full_provenance ();
  g_autoptr(GlossProvenance) target = gloss_provenance_new ();
  guint notifies = 0;

  g_signal_connect (target, "notify", G_CALLBACK (count_notify_cb), &notifies);

  gloss_provenance_assign (target, full);
  g_assert_true (gloss_provenance_equal (target, full));
  /* Eleven strings and the authors changed. */
  g_assert_cmpuint (notifies, ==, 12);

  notifies = 0;
  gloss_provenance_assign (target, full);
  g_assert_cmpuint (notifies, ==, 0);

  gloss_provenance_assign (target, NULL);
  g_assert_true (gloss_provenance_is_empty (target));
  g_assert_cmpuint (notifies, ==, 12);
}

static void
test_document_provenance (void)
{
  g_autoptr(GlossDocument) document = gloss_document_new (NULL, "Harbour", "The harbour reopened.");
  g_autoptr(GlossProvenance) full = make_full_provenance ();
  GlossProvenance *own = gloss_document_get_provenance (document);
  guint notifies = 0;

  g_assert_nonnull (own);
  g_assert_true (gloss_provenance_is_empty (own));
  g_signal_connect (document, "notify::provenance", G_CALLBACK (count_notify_cb), &notifies);

  gloss_document_set_provenance (document, full);
  g_assert_true (gloss_document_get_provenance (document) == own);
  g_assert_true (gloss_provenance_equal (own, full));
  g_assert_cmpuint (notifies, ==, 1);

  /* A copy, not a share: changing the argument later changes nothing. */
  gloss_provenance_set_url (full, "https://elsewhere.example/");
  g_assert_cmpstr (gloss_provenance_get_url (own), ==, "https://news.example.org/2026/harbour");

  gloss_document_set_provenance (document, own);
  g_assert_cmpuint (notifies, ==, 1);

  gloss_document_set_provenance (document, NULL);
  g_assert_true (gloss_provenance_is_empty (own));
  g_assert_cmpuint (notifies, ==, 2);
  gloss_document_set_provenance (document, NULL);
  g_assert_cmpuint (notifies, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/provenance/new-is-empty", test_new_is_empty);
  g_test_add_func ("/provenance/copy-and-equal", test_copy_and_equal);
  g_test_add_func ("/provenance/notify-only-on-change", test_notify_only_on_change);
  g_test_add_func ("/provenance/assign", test_assign);
  g_test_add_func ("/provenance/document", test_document_provenance);

  return g_test_run ();
}
