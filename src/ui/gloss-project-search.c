/* gloss-project-search.c — the search over every document of a project (Ctrl+Shift+F)
 *
 * The results come in as the core's GlossSearchRun finds them, a document
 * at a time in slices of main-loop time, so the first are on screen within
 * a frame of the last key and the window never stalls while the rest
 * arrive. Each document with matches is a heading with its count, its
 * matches beneath it in keyword-in-context form: the words before, the
 * match, the words after, the match lined up in the middle.
 *
 * The rows are one flat list (GlossSearchGroup headings and their
 * matches), so that a new search drops the old results with one change,
 * not one per document. The scope drop-down is filled by
 * gloss-project-search-scopes.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-project-search-private.h"
#include "gloss-search-group.h"
#include "gloss-search-row.h"

/* Main-loop time the search takes between frames. */
#define SLICE_USEC 4000

G_DEFINE_FINAL_TYPE (GlossProjectSearch, gloss_project_search, GTK_TYPE_WIDGET)

enum {
  MATCH_ACTIVATED,
  TAGGED,
  FINISHED,
  CLOSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- status ---- */

static void
update_status (GlossProjectSearch *self)
{
  guint n_documents = self->n_documents;
  g_autofree char *text = NULL;

  if (self->error != NULL || gtk_editable_get_text (GTK_EDITABLE (self->entry))[0] == '\0')
    text = g_strdup ("");
  else if (self->searching)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Searching… %u match so far",
                                         "Searching… %u matches so far", self->n_matches),
                            self->n_matches);
  else if (self->n_matches == 0)
    text = g_strdup (_("No matches"));
  else if (n_documents == 1)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match in one document",
                                         "%u matches in one document", self->n_matches),
                            self->n_matches);
  else
    {
      /* Two counts, each with its own plural: "%u matches" then "in %u documents". */
      g_autofree char *matches = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches",
                                                               self->n_matches),
                                                  self->n_matches);
      g_autofree char *documents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %u document",
                                                                 "in %u documents", n_documents),
                                                    n_documents);

      /* Translators: "12 matches" then "in 3 documents" */
      text = g_strdup_printf (C_("search status", "%s %s"), matches, documents);
    }

  gtk_label_set_text (self->status_label, text);
}

static GPtrArray *dup_selected_matches (GlossProjectSearch *self);

static guint
count_selected_matches (GlossProjectSearch *self)
{
  g_autoptr(GPtrArray) selected = dup_selected_matches (self);

  return selected->len;
}

static void
update_tag_button (GlossProjectSearch *self)
{
  /* One selected match is the one being looked at; several are a choice. */
  guint selected = count_selected_matches (self);

  gtk_menu_button_set_label (self->tag_button,
                             selected > 1 ? _("Tag Selected Matches…") : _("Tag All Matches…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->tag_button), self->n_matches > 0 && self->project != NULL);
}

/* ---- running the search ---- */

static void
run_matches_cb (GlossSearchRun     *run,
                GlossDocument      *document,
                GPtrArray          *matches,
                GlossProjectSearch *self)
{
  g_autoptr(GlossSearchGroup) group = gloss_search_group_new (document, matches);
  g_autoptr(GPtrArray) rows = g_ptr_array_sized_new (matches->len + 1);

  g_ptr_array_add (rows, group);
  for (guint i = 0; i < matches->len; i++)
    g_ptr_array_add (rows, matches->pdata[i]);
  self->n_matches += matches->len;
  self->n_documents++;
  g_list_store_splice (self->rows, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), 0,
                       rows->pdata, rows->len);
  update_status (self);
  update_tag_button (self);
}

static void
run_finished_cb (GlossSearchRun     *run,
                 GlossProjectSearch *self)
{
  self->searching = FALSE;
  if (self->n_matches == 0)
    gtk_stack_set_visible_child_name (self->results_stack, "none");
  update_status (self);
  update_tag_button (self);
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
stop_run (GlossProjectSearch *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->run != NULL)
    g_signal_handlers_disconnect_by_data (self->run, self);
  g_clear_object (&self->run);
  self->searching = FALSE;
}

static void selection_changed_cb (GtkSelectionModel  *model,
                                  guint               position,
                                  guint               n_items,
                                  GlossProjectSearch *self);

static gboolean
drop_cb (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

/* A new, empty list for a new search. The old one, with perhaps
 * thousands of matches, is let go when the main loop is idle: emptying
 * it in place would cost the keystroke that starts the new search. */
static void
reset_results (GlossProjectSearch *self)
{
  self->n_matches = 0;
  self->n_documents = 0;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->rows != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->rows)) > 0)
    g_idle_add_full (G_PRIORITY_LOW, drop_cb, g_steal_pointer (&self->rows), NULL);
  g_clear_object (&self->rows);
  g_clear_object (&self->selection);

  self->rows = g_list_store_new (G_TYPE_OBJECT);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (self->selection));
}

static GlossSearchFlags
current_flags (GlossProjectSearch *self)
{
  GlossSearchFlags flags = GLOSS_SEARCH_DEFAULT;

  if (gtk_toggle_button_get_active (self->exact_toggle))
    flags |= GLOSS_SEARCH_EXACT;
  if (gtk_toggle_button_get_active (self->words_toggle))
    flags |= GLOSS_SEARCH_WHOLE_WORDS;
  if (gtk_toggle_button_get_active (self->regex_toggle))
    flags |= GLOSS_SEARCH_REGEX;
  return flags;
}

static void
show_error (GlossProjectSearch *self,
            const char         *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->error_label), message);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
}

static void
restart (GlossProjectSearch *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GlossSearch) search = NULL;
  g_autoptr(GError) error = NULL;
  guint scope = gtk_drop_down_get_selected (self->scope_dropdown);

  stop_run (self);
  reset_results (self);
  show_error (self, NULL);

  if (text[0] == '\0' || self->project == NULL)
    {
      gtk_stack_set_visible_child_name (self->results_stack, "hint");
      update_status (self);
      update_tag_button (self);
      return;
    }

  search = gloss_search_new (text, current_flags (self), &error);
  if (search == NULL)
    {
      show_error (self, error->message);
      update_status (self);
      update_tag_button (self);
      return;
    }
  if (scope != GTK_INVALID_LIST_POSITION && scope < self->scopes->len)
    {
      const ScopeChoice *choice = &g_array_index (self->scopes, ScopeChoice, scope);

      gloss_search_set_scope (search, choice->scope, choice->value);
    }

  gtk_stack_set_visible_child_name (self->results_stack, "results");
  self->cancellable = g_cancellable_new ();
  self->run = gloss_search_run_new (search, self->project, SLICE_USEC, self->cancellable);
  self->searching = TRUE;
  g_signal_connect (self->run, "matches", G_CALLBACK (run_matches_cb), self);
  g_signal_connect (self->run, "finished", G_CALLBACK (run_finished_cb), self);
  update_status (self);
  gloss_search_run_start (self->run);
}

static void
entry_changed_cb (GlossProjectSearch *self)
{
  restart (self);
}

static void
options_changed_cb (GlossProjectSearch *self)
{
  restart (self);
}

static void
close_clicked_cb (GlossProjectSearch *self)
{
  g_signal_emit (self, signals[CLOSE], 0);
}

/* ---- rows ---- */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              GlossProjectSearch       *self)
{
  gtk_list_item_set_child (item, gloss_search_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             GlossProjectSearch       *self)
{
  GlossSearchRow *row = GLOSS_SEARCH_ROW (gtk_list_item_get_child (item));
  GObject *object = gtk_list_item_get_item (item);

  /* Titles and text come from files: plain text, never markup. */
  if (GLOSS_IS_SEARCH_GROUP (object))
    {
      GlossSearchGroup *group = GLOSS_SEARCH_GROUP (object);

      gloss_search_row_set_heading (row, gloss_document_get_title (gloss_search_group_get_document (group)),
                                    g_list_model_get_n_items (gloss_search_group_get_matches (group)));
      gtk_widget_add_css_class (GTK_WIDGET (row), "heading-row");
    }
  else
    {
      gloss_search_row_set_match (row, GLOSS_SEARCH_MATCH (object));
      gtk_widget_remove_css_class (GTK_WIDGET (row), "heading-row");
    }
}

static GlossSearchMatch *
match_at (GlossProjectSearch *self,
          guint               position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

  /* A heading stands for its document's first match. */
  if (GLOSS_IS_SEARCH_GROUP (item))
    return g_list_model_get_item (gloss_search_group_get_matches (GLOSS_SEARCH_GROUP (item)), 0);
  return item != NULL ? GLOSS_SEARCH_MATCH (g_steal_pointer (&item)) : NULL;
}

static void
row_activated_cb (GlossProjectSearch *self,
                  guint               position)
{
  g_autoptr(GlossSearchMatch) match = match_at (self, position);

  if (match != NULL)
    g_signal_emit (self, signals[MATCH_ACTIVATED], 0, match, TRUE);
}

static void
selection_changed_cb (GtkSelectionModel  *model,
                      guint               position,
                      guint               n_items,
                      GlossProjectSearch *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (model);

  update_tag_button (self);

  /* Clicking a match shows it. */
  if (gtk_bitset_get_size (selected) == 1)
    {
      g_autoptr(GlossSearchMatch) match = match_at (self, gtk_bitset_get_nth (selected, 0));

      if (match != NULL)
        g_signal_emit (self, signals[MATCH_ACTIVATED], 0, match, FALSE);
    }
}

/* ---- tagging ---- */

static GPtrArray *
dup_selected_matches (GlossProjectSearch *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GPtrArray *matches = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
      GListModel *members = GLOSS_IS_SEARCH_GROUP (item)
                            ? gloss_search_group_get_matches (GLOSS_SEARCH_GROUP (item)) : NULL;
      guint n = members != NULL ? g_list_model_get_n_items (members) : 1;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) match = members != NULL ? g_list_model_get_item (members, i) : g_object_ref (item);

          if (g_hash_table_add (seen, match))
            g_ptr_array_add (matches, g_object_ref (match));
        }
    }

  return matches;
}

GPtrArray *
gloss_project_search_dup_matches (GlossProjectSearch *self,
                                  guint               limit)
{
  GListModel *rows;
  GPtrArray *matches;
  guint n;

  g_return_val_if_fail (GLOSS_IS_PROJECT_SEARCH (self), NULL);

  rows = G_LIST_MODEL (self->rows);
  n = g_list_model_get_n_items (rows);
  matches = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n && (limit == 0 || matches->len < limit); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (rows, i);

      if (GLOSS_IS_SEARCH_MATCH (item))
        g_ptr_array_add (matches, g_steal_pointer (&item));
    }

  return matches;
}

guint
gloss_project_search_tag (GlossProjectSearch *self,
                          GPtrArray          *matches,
                          const char         *tag_id)
{
  guint tagged;

  g_return_val_if_fail (GLOSS_IS_PROJECT_SEARCH (self), 0);
  g_return_val_if_fail (self->project != NULL, 0);

  tagged = gloss_project_tag_matches (self->project, matches, tag_id);
  g_signal_emit (self, signals[TAGGED], 0, tagged, tag_id);
  return tagged;
}

static void
tag_chosen_cb (GlossTagPalette    *palette,
               const char         *tag_id,
               GlossProjectSearch *self)
{
  g_autoptr(GPtrArray) matches = NULL;

  gtk_popover_popdown (GTK_POPOVER (palette));
  if (self->project == NULL)
    return;

  matches = count_selected_matches (self) > 1 ? dup_selected_matches (self)
                                              : gloss_project_search_dup_matches (self, 0);
  gloss_project_search_tag (self, matches, tag_id);
}

static gboolean
palette_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GlossProjectSearch    *self)
{
  int digit = -1;
  GlossTag *tag;

  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    digit = keyval - GDK_KEY_0;
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    digit = keyval - GDK_KEY_KP_0;
  if (digit < 0 || self->project == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->palette)))
    return GDK_EVENT_PROPAGATE;

  tag = gloss_project_lookup_tag_by_digit (self->project, digit);
  if (tag == NULL)
    return GDK_EVENT_PROPAGATE;

  tag_chosen_cb (self->palette, gloss_tag_get_id (tag), self);
  return GDK_EVENT_STOP;
}

static void
palette_show_cb (GlossTagPalette    *palette,
                 GlossProjectSearch *self)
{
  /* Names, colours and digits may have changed in the tags dialog. */
  gloss_tag_palette_set_project (palette, self->project);
}

static void
entry_activate_cb (GlossProjectSearch *self)
{
  /* Enter opens the first match. */
  g_autoptr(GPtrArray) first = gloss_project_search_dup_matches (self, 1);

  if (first->len > 0)
    g_signal_emit (self, signals[MATCH_ACTIVATED], 0, first->pdata[0], TRUE);
}

static gboolean
toggle_option_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  GlossProjectSearch *self = GLOSS_PROJECT_SEARCH (widget);
  const char *which = g_variant_get_string (args, NULL);
  GtkToggleButton *toggle = g_str_equal (which, "exact") ? self->exact_toggle
                            : g_str_equal (which, "words") ? self->words_toggle
                            : self->regex_toggle;

  gtk_toggle_button_set_active (toggle, !gtk_toggle_button_get_active (toggle));
  return TRUE;
}

/* ---- public ---- */

GtkWidget *
gloss_project_search_new (void)
{
  return g_object_new (GLOSS_TYPE_PROJECT_SEARCH, NULL);
}

static void
documents_changed_cb (GListModel         *documents,
                      guint               position,
                      guint               removed,
                      guint               added,
                      GlossProjectSearch *self)
{
  restart (self);
}

void
gloss_project_search_set_project (GlossProjectSearch *self,
                                  GlossProject       *project)
{
  g_return_if_fail (GLOSS_IS_PROJECT_SEARCH (self));

  if (self->project == project)
    return;
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (gloss_project_get_documents (self->project), self);
  g_set_object (&self->project, project);
  if (project != NULL)
    g_signal_connect_object (gloss_project_get_documents (project), "items-changed",
                             G_CALLBACK (documents_changed_cb), self, 0);
  gloss_tag_palette_set_project (self->palette, project);
  _gloss_project_search_rebuild_scopes (self);
  restart (self);
}

void
gloss_project_search_focus (GlossProjectSearch *self)
{
  g_return_if_fail (GLOSS_IS_PROJECT_SEARCH (self));

  _gloss_project_search_rebuild_scopes (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

void
gloss_project_search_set_text (GlossProjectSearch *self,
                               const char         *text)
{
  g_return_if_fail (GLOSS_IS_PROJECT_SEARCH (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
}

GListModel *
gloss_project_search_get_rows (GlossProjectSearch *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT_SEARCH (self), NULL);
  return G_LIST_MODEL (self->rows);
}

guint
gloss_project_search_get_n_matches (GlossProjectSearch *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT_SEARCH (self), 0);
  return self->n_matches;
}

guint
gloss_project_search_get_n_documents (GlossProjectSearch *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT_SEARCH (self), 0);
  return self->n_documents;
}

gboolean
gloss_project_search_is_searching (GlossProjectSearch *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT_SEARCH (self), FALSE);
  return self->searching;
}

GtkWidget *
gloss_project_search_get_tag_button (GlossProjectSearch *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT_SEARCH (self), NULL);
  return GTK_WIDGET (self->tag_button);
}

GtkWidget *
gloss_project_search_get_results_view (GlossProjectSearch *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT_SEARCH (self), NULL);
  return GTK_WIDGET (self->results_view);
}

GtkWidget *
gloss_project_search_get_palette (GlossProjectSearch *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT_SEARCH (self), NULL);
  return GTK_WIDGET (self->palette);
}

const char *
gloss_project_search_get_text (GlossProjectSearch *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT_SEARCH (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

const char *
gloss_project_search_get_error (GlossProjectSearch *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT_SEARCH (self), NULL);
  return self->error;
}

/* ---- GObject ---- */

static void
gloss_project_search_dispose (GObject *object)
{
  GlossProjectSearch *self = GLOSS_PROJECT_SEARCH (object);

  GtkWidget *child;

  stop_run (self);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (gloss_project_get_documents (self->project), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_PROJECT_SEARCH);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->project);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->scopes, g_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (gloss_project_search_parent_class)->dispose (object);
}

static void
gloss_project_search_class_init (GlossProjectSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_project_search_dispose;

  signals[MATCH_ACTIVATED] =
    g_signal_new ("match-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, GLOSS_TYPE_SEARCH_MATCH, G_TYPE_BOOLEAN);
  signals[TAGGED] =
    g_signal_new ("tagged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CLOSE] =
    g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossapp/Gloss/ui/gloss-project-search.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossProjectSearch, entry);
  gtk_widget_class_bind_template_child (widget_class, GlossProjectSearch, exact_toggle);
  gtk_widget_class_bind_template_child (widget_class, GlossProjectSearch, words_toggle);
  gtk_widget_class_bind_template_child (widget_class, GlossProjectSearch, regex_toggle);
  gtk_widget_class_bind_template_child (widget_class, GlossProjectSearch, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossProjectSearch, error_label);
  gtk_widget_class_bind_template_child (widget_class, GlossProjectSearch, status_label);
  gtk_widget_class_bind_template_child (widget_class, GlossProjectSearch, tag_button);
  gtk_widget_class_bind_template_child (widget_class, GlossProjectSearch, results_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossProjectSearch, results_view);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_css_name (widget_class, "project-search");

  /* As in most editors' find bars. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_c, GDK_ALT_MASK, toggle_option_cb, "s", "exact");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_w, GDK_ALT_MASK, toggle_option_cb, "s", "words");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_r, GDK_ALT_MASK, toggle_option_cb, "s", "regex");
}

static void
gloss_project_search_init (GlossProjectSearch *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->scopes = _gloss_project_search_new_scopes ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->results_view, factory);
  g_object_unref (factory);
  reset_results (self);

  self->palette = GLOSS_TAG_PALETTE (gloss_tag_palette_new ());
  g_signal_connect (self->palette, "tag-chosen", G_CALLBACK (tag_chosen_cb), self);
  g_signal_connect (self->palette, "show", G_CALLBACK (palette_show_cb), self);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (palette_key_pressed_cb), self);
  /* Unlike the article's palette, this one closes on a click elsewhere
   * and holds the keyboard while it is up, for its digits and Escape. */
  gtk_popover_set_autohide (GTK_POPOVER (self->palette), TRUE);
  gtk_widget_add_controller (GTK_WIDGET (self->palette), keys);
  gtk_menu_button_set_popover (self->tag_button, GTK_WIDGET (self->palette));

  _gloss_project_search_rebuild_scopes (self);
}
