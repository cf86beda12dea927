/* gloss-announce.c — telling a screen reader what just happened
 *
 * GTK 4.14 has gtk_accessible_announce (), which Gloss uses where it is
 * built against it (the Flatpak's runtime). GTK 4.8, Debian 12's, has
 * nothing of the kind, and a label with the "alert" role is never spoken
 * either: GTK 4.8 sends no "showing" event when a widget appears, so Orca
 * 43 never hears of the notification (tried: silent). What Orca does speak
 * is a change of the focused object's description. So on 4.8 the message
 * becomes the accessible description of the widget that has the focus;
 * when the focus leaves it, it gets its own description back (its tooltip,
 * which is where GTK takes descriptions from), without a word, since Orca
 * speaks description changes of the focused object only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-accessible.h"
#include "gloss-announce.h"

/* How widgets of a type set their own description again (GType to
 * GlossAnnounceRestore); a type without one takes it from its tooltip. */
static GHashTable *restore_of_type;

/* The one widget whose description carries an announcement (weak): the
 * screen reader follows one focus, so a new announcement ends the last. */
static GtkWidget *showing;

void
gloss_announce_set_restore (GType                widget_type,
                            GlossAnnounceRestore restore)
{
  g_return_if_fail (g_type_is_a (widget_type, GTK_TYPE_WIDGET));

  if (restore_of_type == NULL)
    restore_of_type = g_hash_table_new (NULL, NULL);
  g_hash_table_insert (restore_of_type, GSIZE_TO_POINTER (widget_type), (gpointer) restore);
}

static GlossAnnounceRestore
lookup_restore (GtkWidget *widget)
{
  if (restore_of_type == NULL)
    return NULL;
  for (GType type = G_OBJECT_TYPE (widget); type != G_TYPE_INVALID; type = g_type_parent (type))
    {
      GlossAnnounceRestore restore = g_hash_table_lookup (restore_of_type, GSIZE_TO_POINTER (type));

      if (restore != NULL)
        return restore;
    }
  return NULL;
}

gboolean
gloss_announce_is_showing (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  return showing == widget;
}

void
gloss_announce_done (GtkWidget *widget)
{
  GlossAnnounceRestore restore;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (!gloss_announce_is_showing (widget))
    return;

  g_clear_weak_pointer (&showing);
  restore = lookup_restore (widget);
  if (restore != NULL)
    restore (widget);
  else
    gloss_accessible_set_description (widget, gtk_widget_get_tooltip_text (widget));
}

#if !GTK_CHECK_VERSION (4, 14, 0)
static void
focus_moved_cb (GtkWindow  *window,
                GParamSpec *pspec,
                GtkWidget  *announced)
{
  if (gtk_window_get_focus (window) == announced)
    return;
  g_signal_handlers_disconnect_by_func (window, focus_moved_cb, announced);
  gloss_announce_done (announced);
}
#endif

void
gloss_announce_to (GtkWidget  *widget,
                   const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

#if GTK_CHECK_VERSION (4, 14, 0)
  gtk_accessible_announce (GTK_ACCESSIBLE (widget), message,
                           GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
#else
  {
    GtkRoot *root = gtk_widget_get_root (widget);

    if (!GTK_IS_WINDOW (root))
      return;
    if (!gloss_announce_is_showing (widget))
      {
        if (showing != NULL)
          {
            GtkRoot *showing_root = gtk_widget_get_root (showing);

            if (showing_root != NULL)
              g_signal_handlers_disconnect_by_func (showing_root, focus_moved_cb, showing);
            gloss_announce_done (showing);
          }
        g_signal_connect_object (root, "notify::focus-widget", G_CALLBACK (focus_moved_cb),
                                 widget, 0);
        g_set_weak_pointer (&showing, widget);
      }
    gloss_accessible_set_description (widget, message);
  }
#endif
}

void
gloss_announce (GtkWidget  *widget,
                const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

#if GTK_CHECK_VERSION (4, 14, 0)
  gloss_announce_to (widget, message);
#else
  {
    GtkRoot *root = gtk_widget_get_root (widget);
    GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

    if (focus == NULL)
      return;
    /* An entry's text is not an accessible object of its own: the entry is. */
    if (GTK_IS_EDITABLE (gtk_widget_get_parent (focus)) &&
        gtk_editable_get_delegate (GTK_EDITABLE (gtk_widget_get_parent (focus))) == GTK_EDITABLE (focus))
      focus = gtk_widget_get_parent (focus);
    gloss_announce_to (focus, message);
  }
#endif
}
