/* gloss-preload.c — loading the projects named on the command line while GTK starts
 *
 * `gloss FILE.gloss` spends its first ~90 ms initialising GTK and
 * libadwaita on one core while the other idles; loading a large project
 * takes about as long again. So main() hands the .gloss files among its
 * arguments to a worker thread, and the window, when it opens one of
 * them, takes what the worker made instead of loading it again.
 *
 * This is safe because loading builds a fresh project that nothing else
 * can see until it is handed over: it touches no main context, no GTK and
 * no shared cache (the documents' lazy offset tables are built under their
 * own lock), and the hand-over goes through the mutex below, so the main
 * thread sees everything the worker wrote.
 *
 * The files load one after another in the order given, which is the order
 * the application opens them in. A file the worker has not begun when the
 * window asks for it is left to the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-preload.h"
#include "gloss-project-file.h"
#include "gloss-project.h"

typedef enum {
  PRELOAD_QUEUED,
  PRELOAD_LOADING,
  PRELOAD_DONE,
  PRELOAD_TAKEN,    /* handed over, or given up: no longer answers */
} PreloadState;

typedef struct {
  GFile        *file;
  PreloadState  state;
  GlossProject *project;   /* owned until taken */
  GError       *error;     /* the same */
} Preload;

/* Guards every Preload's state, project and error. */
static GMutex lock;
static GCond loaded;
/* Preload*, in the order given; set before the worker starts and cleared
 * after it ends, so its length and pointers never change under it. */
static GPtrArray *preloads;
static GThread *worker;

static void
preload_free (Preload *preload)
{
  g_object_unref (preload->file);
  g_clear_object (&preload->project);
  g_clear_error (&preload->error);
  g_free (preload);
}

/* With the lock held. */
static Preload *
next_queued (void)
{
  for (guint i = 0; i < preloads->len; i++)
    {
      Preload *preload = g_ptr_array_index (preloads, i);

      if (preload->state == PRELOAD_QUEUED)
        return preload;
    }

  return NULL;
}

static gpointer
worker_main (gpointer data)
{
  Preload *preload = data;   /* the first, claimed by gloss_preload_start () */

  while (preload != NULL)
    {
      GError *error = NULL;
      GlossProject *project = gloss_project_load (preload->file, &error);

      g_mutex_lock (&lock);
      preload->project = project;
      preload->error = error;
      preload->state = PRELOAD_DONE;
      g_cond_broadcast (&loaded);
      if ((preload = next_queued ()) != NULL)
        preload->state = PRELOAD_LOADING;
      g_mutex_unlock (&lock);
    }

  return NULL;
}

static gboolean
is_listed (GFile *file)
{
  for (guint i = 0; i < preloads->len; i++)
    if (g_file_equal (((Preload *) g_ptr_array_index (preloads, i))->file, file))
      return TRUE;

  return FALSE;
}

void
gloss_preload_start (int    argc,
                     char **argv)
{
  g_autoptr(GError) error = NULL;
  gboolean options_ended = FALSE;

  g_return_if_fail (preloads == NULL);

  preloads = g_ptr_array_new_with_free_func ((GDestroyNotify) preload_free);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = NULL;
      Preload *preload;

      if (!options_ended && g_str_equal (argv[i], "--"))
        {
          options_ended = TRUE;
          continue;
        }
      if (!options_ended && argv[i][0] == '-')
        continue;

      /* The same test and the same GFile as GApplication's "open". */
      file = g_file_new_for_commandline_arg (argv[i]);
      if (!gloss_file_is_project (file) || is_listed (file))
        continue;

      preload = g_new0 (Preload, 1);
      preload->file = g_steal_pointer (&file);
      preload->state = PRELOAD_QUEUED;
      g_ptr_array_add (preloads, preload);
    }

  /* The first file is the worker's from the start: the window waits for
   * it rather than loading it too, however soon it asks. */
  if (preloads->len > 0)
    {
      Preload *first = g_ptr_array_index (preloads, 0);

      first->state = PRELOAD_LOADING;
      worker = g_thread_try_new ("gloss-preload", worker_main, first, &error);
    }

  /* Without a worker the window loads its files itself, as it always could. */
  if (worker == NULL)
    g_clear_pointer (&preloads, g_ptr_array_unref);
}

gboolean
gloss_preload_take (GFile         *file,
                    GlossProject **out_project,
                    GError       **error)
{
  Preload *preload = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (out_project != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *out_project = NULL;

  g_mutex_lock (&lock);
  for (guint i = 0; preloads != NULL && i < preloads->len; i++)
    {
      Preload *candidate = g_ptr_array_index (preloads, i);

      if (candidate->state != PRELOAD_TAKEN && g_file_equal (candidate->file, file))
        {
          preload = candidate;
          break;
        }
    }

  if (preload == NULL)
    {
      g_mutex_unlock (&lock);
      return FALSE;
    }

  /* Not begun: the caller loads it now, beside whatever the worker is on,
   * instead of waiting behind it. */
  if (preload->state == PRELOAD_QUEUED)
    {
      preload->state = PRELOAD_TAKEN;
      g_mutex_unlock (&lock);
      return FALSE;
    }

  while (preload->state == PRELOAD_LOADING)
    g_cond_wait (&loaded, &lock);

  preload->state = PRELOAD_TAKEN;
  *out_project = g_steal_pointer (&preload->project);
  if (*out_project == NULL)
    g_propagate_error (error, g_steal_pointer (&preload->error));
  g_mutex_unlock (&lock);

  return TRUE;
}

void
gloss_preload_discard (void)
{
  g_autoptr(GPtrArray) untaken = NULL;
  GThread *thread;

  g_mutex_lock (&lock);
  for (guint i = 0; preloads != NULL && i < preloads->len; i++)
    {
      Preload *preload = g_ptr_array_index (preloads, i);

      /* The worker skips these; the one it is on, it finishes. */
      if (preload->state == PRELOAD_QUEUED)
        preload->state = PRELOAD_TAKEN;
    }
  thread = g_steal_pointer (&worker);
  g_mutex_unlock (&lock);

  if (thread != NULL)
    g_thread_join (thread);

  g_mutex_lock (&lock);
  untaken = g_steal_pointer (&preloads);
  g_mutex_unlock (&lock);
}
