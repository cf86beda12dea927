/* gloss-announce.h — telling a screen reader what just happened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Has a screen reader say @message, from any widget of a window. Sighted
 * users see the same result in the window itself (a toast, a count, a
 * changed row): this adds no text on screen. */
void     gloss_announce            (GtkWidget  *widget,
                                    const char *message);
/* The same, told by @widget itself, focused or not: for where the screen
 * reader's focus is known to be elsewhere than the window's (on GTK 4.8,
 * no focus event reaches it for an entry's text, so it stays on the
 * widget it last heard of). */
void     gloss_announce_to         (GtkWidget  *widget,
                                    const char *message);

/* Whether @widget carries an announcement in its description now (until
 * it loses the focus or gloss_announce_done () is called). */
gboolean gloss_announce_is_showing (GtkWidget  *widget);
/* Gives @widget its own description back. */
void     gloss_announce_done       (GtkWidget  *widget);

/* How widgets of @widget_type (and its subtypes) set their own
 * description again after an announcement (by default, from their
 * tooltip, as GTK does). */
typedef void (*GlossAnnounceRestore) (GtkWidget *widget);
void     gloss_announce_set_restore (GType                widget_type,
                                     GlossAnnounceRestore restore);

G_END_DECLS
