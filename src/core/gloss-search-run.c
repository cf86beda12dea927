/* gloss-search-run.c — a project search in slices of main-loop time
 *
 * A window wants the first matches on screen within a frame or two and
 * must never stall while the rest are found. The run searches one
 * document after another in an idle source, below GTK's layout and
 * drawing, and yields whenever its slice of time is spent; each document
 * with matches is announced as soon as it is searched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-document.h"
#include "gloss-project.h"
#include "gloss-search.h"

struct _GlossSearchRun
{
  GObject       parent_instance;

  GlossSearch  *search;
  GPtrArray    *documents;   /* GlossDocument, as the project had them */
  guint         next;
  gint64        slice_usec;
  GCancellable *cancellable;
  guint         idle_id;
  guint         n_matches;
  gboolean      finished;
};

G_DEFINE_FINAL_TYPE (GlossSearchRun, gloss_search_run, G_TYPE_OBJECT)

enum {
  MATCHES,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
gloss_search_run_dispose (GObject *object)
{
  GlossSearchRun *self = GLOSS_SEARCH_RUN (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (gloss_search_run_parent_class)->dispose (object);
}

static void
gloss_search_run_finalize (GObject *object)
{
  GlossSearchRun *self = GLOSS_SEARCH_RUN (object);

  g_clear_pointer (&self->search, gloss_search_unref);

  G_OBJECT_CLASS (gloss_search_run_parent_class)->finalize (object);
}

static void
gloss_search_run_class_init (GlossSearchRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_search_run_dispose;
  object_class->finalize = gloss_search_run_finalize;

  /**
   * GlossSearchRun::matches:
   * @document: the document searched
   * @matches: (element-type GlossSearchMatch): its matches, in text order
   */
  signals[MATCHES] =
    g_signal_new ("matches", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, GLOSS_TYPE_DOCUMENT, G_TYPE_PTR_ARRAY);
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gloss_search_run_init (GlossSearchRun *self)
{
}

GlossSearchRun *
gloss_search_run_new (GlossSearch  *search,
                      GlossProject *project,
                      gint64        slice_usec,
                      GCancellable *cancellable)
{
  GlossSearchRun *self;
  GListModel *documents;
  guint n;

  g_return_val_if_fail (search != NULL, NULL);
  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);

  self = g_object_new (GLOSS_TYPE_SEARCH_RUN, NULL);
  self->search = gloss_search_ref (search);
  self->slice_usec = MAX (slice_usec, 1);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;

  documents = gloss_project_get_documents (project);
  n = g_list_model_get_n_items (documents);
  self->documents = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->documents, g_list_model_get_item (documents, i));

  return self;
}

/* Searches documents until the slice is spent (or, with @until_found,
 * the first document with matches is announced); FALSE when done. */
static gboolean
search_slice (GlossSearchRun *self,
              gboolean        until_found)
{
  gint64 deadline = g_get_monotonic_time () + self->slice_usec;

  while (self->documents != NULL && self->next < self->documents->len)
    {
      GlossDocument *document = g_ptr_array_index (self->documents, self->next++);
      g_autoptr(GPtrArray) matches = NULL;

      if (g_cancellable_is_cancelled (self->cancellable))
        return FALSE;

      /* A document removed from the project since is no longer searched. */
      if (gloss_document_get_project (document) == NULL)
        continue;

      matches = gloss_search_document (self->search, document, 0);
      if (matches->len > 0)
        {
          self->n_matches += matches->len;
          g_signal_emit (self, signals[MATCHES], 0, document, matches);
        }

      if (g_get_monotonic_time () >= deadline || (until_found && self->n_matches > 0))
        return self->documents != NULL;  /* NULL: disposed by a handler */
    }

  if (self->documents != NULL && !g_cancellable_is_cancelled (self->cancellable))
    {
      self->finished = TRUE;
      g_signal_emit (self, signals[FINISHED], 0);
    }
  return FALSE;
}

static gboolean
search_slice_cb (gpointer user_data)
{
  GlossSearchRun *self = user_data;
  G_GNUC_UNUSED g_autoptr(GlossSearchRun) hold = g_object_ref (self);

  if (search_slice (self, FALSE))
    return G_SOURCE_CONTINUE;

  self->idle_id = 0;
  return G_SOURCE_REMOVE;
}

void
gloss_search_run_start (GlossSearchRun *self)
{
  G_GNUC_UNUSED g_autoptr(GlossSearchRun) hold = NULL;

  g_return_if_fail (GLOSS_IS_SEARCH_RUN (self));
  g_return_if_fail (self->idle_id == 0 && self->next == 0);

  /* The first slice runs at once and stops at the first document with
   * matches: they are on screen in the next frame. */
  hold = g_object_ref (self);
  if (search_slice (self, TRUE) && self->documents != NULL)
    self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, search_slice_cb, self, NULL);
}

gboolean
gloss_search_run_is_finished (GlossSearchRun *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_RUN (self), FALSE);
  return self->finished;
}

guint
gloss_search_run_get_n_matches (GlossSearchRun *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_RUN (self), 0);
  return self->n_matches;
}
