/* gloss-agreement-dialog.h — the agreement of a project's authors, as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss.h"

G_BEGIN_DECLS

/* Presents @agreement (taken) over @parent, with a button that exports the
 * table as CSV. */
void gloss_agreement_dialog_present (GtkWindow      *parent,
                                     GlossAgreement *agreement);

G_END_DECLS
