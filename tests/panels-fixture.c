/* panels-fixture.c — a project with hard text and a window, shared by the panels' widget tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-annotation-list.h"
#include "gloss-annotation-row.h"
#include "gloss-inspector.h"
#include "gloss-tag-toggle.h"
#include "panels-fixture.h"

const char article[] =
  "Geneva talks stall 👩‍👩‍👧 as the envoy says the draft is \"a good basis\", "
  "according to NBC News.\r\n"
  "The cafe\xcc\x81 owner 👍🏽 disagreed: \"no deal yet\" 🇩🇪.\r\n"
  "Arabic: السلام عليكم. Hebrew: שלום עולם. Chinese: 和平谈判。\r\n"
  "Odd text: <b>&amp; \xe2\x80\xae" "desrever si siht and more.\n";

void
find_span (const char  *needle,
           GlossOffset *start,
           GlossOffset *end)
{
  const char *p = strstr (article, needle);

  g_assert_nonnull (p);
  *start = g_utf8_pointer_to_offset (article, p);
  *end = *start + g_utf8_strlen (needle, -1);
}

GlossAnnotation *
annotate (Fixture    *f,
          const char *needle,
          const char *tag_id)
{
  GlossOffset start, end;

  find_span (needle, &start, &end);
  return gloss_project_annotate (f->project, f->document, start, end, tag_id);
}

void
wait_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

gboolean
wait_for (Condition condition,
          gpointer  data,
          guint     timeout_ms)
{
  gint64 until = g_get_monotonic_time () + timeout_ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      if (condition (data))
        return TRUE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return condition (data);
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->project = gloss_project_new ();
  f->document = gloss_document_new (NULL, "Geneva talks stall", article);
  gloss_project_insert_document (f->project, f->document);

  /* Made out of text order on purpose. */
  f->quote = annotate (f, "no deal yet", "claim");
  gloss_project_toggle_annotation_tag (f->project, f->quote, "quote");
  f->source = annotate (f, "NBC News", "source");
  f->odd = annotate (f, "<b>&amp; \xe2\x80\xae" "desrever", NULL);
  f->claim = annotate (f, "the draft is \"a good basis\"", "claim");

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 700);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  wait_ms (20);
  /* No widget may keep the project or its documents alive. */
  g_clear_object (&f->document);
  g_assert_finalize_object (f->project);
}

/* ---- widget tree helpers ---- */

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, out);
}

GPtrArray *
find_all (GtkWidget *root,
          GType      type)
{
  GPtrArray *out = g_ptr_array_new ();

  collect (root, type, out);
  return out;
}

GtkWidget *
find_tag_toggle (GtkWidget  *root,
                 const char *tag_id)
{
  g_autoptr(GPtrArray) toggles = find_all (root, GLOSS_TYPE_TAG_TOGGLE);

  for (guint i = 0; i < toggles->len; i++)
    if (g_strcmp0 (gloss_tag_toggle_get_tag_id (toggles->pdata[i]), tag_id) == 0)
      return toggles->pdata[i];
  return NULL;
}

gboolean
has_label_with_text (GtkWidget  *root,
                     const char *text)
{
  g_autoptr(GPtrArray) labels = find_all (root, GTK_TYPE_LABEL);
  g_autoptr(GPtrArray) rows = NULL;

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      {
        g_assert_false (gtk_label_get_use_markup (labels->pdata[i]));
        return TRUE;
      }

  /* Annotation rows draw their text themselves (as plain text). */
  rows = find_all (root, GLOSS_TYPE_ANNOTATION_ROW);
  for (guint i = 0; i < rows->len; i++)
    if (gloss_annotation_row_shows_text (rows->pdata[i], text))
      return TRUE;
  return FALSE;
}

static double
widget_y (GtkWidget *widget,
          GtkWidget *relative_to)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, relative_to,
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  return point.y;
}

int
compare_by_y (gconstpointer a,
              gconstpointer b,
              gpointer      root)
{
  double ya = widget_y (*(GtkWidget **) a, root);
  double yb = widget_y (*(GtkWidget **) b, root);

  return ya < yb ? -1 : ya > yb;
}

GtkWidget *
show_list (Fixture *f)
{
  GtkWidget *list = gloss_annotation_list_new ();

  gloss_annotation_list_set_project (GLOSS_ANNOTATION_LIST (list), f->project);
  gloss_annotation_list_set_document (GLOSS_ANNOTATION_LIST (list), f->document);
  gtk_window_set_child (f->window, list);
  gtk_window_present (f->window);
  return list;
}

gboolean
rows_shown (gpointer data)
{
  RowCount *count = data;
  g_autoptr(GPtrArray) rows = find_all (count->root, GLOSS_TYPE_ANNOTATION_ROW);

  return rows->len == count->n;
}

/* ---- tests ---- */

GtkWidget *
show_inspector (Fixture         *f,
                GlossAnnotation *annotation)
{
  GtkWidget *inspector = gloss_inspector_new ();

  gloss_inspector_set_project (GLOSS_INSPECTOR (inspector), f->project);
  gloss_inspector_set_annotation (GLOSS_INSPECTOR (inspector), annotation);
  gtk_window_set_child (f->window, inspector);
  gtk_window_present (f->window);
  wait_ms (50);
  return inspector;
}

GlossRelationRow *
find_relation_row (GtkWidget *inspector)
{
  g_autoptr(GPtrArray) rows = find_all (inspector, GLOSS_TYPE_RELATION_ROW);

  g_assert_cmpuint (rows->len, ==, 1);
  return rows->pdata[0];
}

GlossTagRow *
find_tag_row (GtkWidget  *root,
              const char *tag_id)
{
  g_autoptr(GPtrArray) rows = find_all (root, GLOSS_TYPE_TAG_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (gloss_tag_get_id (gloss_tag_row_get_tag (rows->pdata[i])), tag_id))
      return rows->pdata[i];
  return NULL;
}

AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

void
take_screenshot (const char *path)
{
  g_autofree char *command = g_strdup_printf ("import -window root %s", path);
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

void
panels_test_init (int    *argc,
                  char ***argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* GTK's own test backend: accessible properties can be checked,
   * nothing goes to a bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  g_assert_nonnull (gloss_get_resource ());
}
