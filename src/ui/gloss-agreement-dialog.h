/* gloss-agreement-dialog.h — how far annotators agree, as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_AGREEMENT_DIALOG (gloss_agreement_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GlossAgreementDialog, gloss_agreement_dialog, GLOSS, AGREEMENT_DIALOG, AdwWindow)

/* Who the annotators are. */
typedef enum {
  GLOSS_AGREEMENT_OF_AUTHORS,   /* the authors of one project */
  GLOSS_AGREEMENT_OF_VERSIONS,  /* the open project and the one compared */
} GlossAgreementKind;

/* Presents @agreement (taken) over @parent, with a button that exports the
 * table as CSV. */
void gloss_agreement_dialog_present (GtkWindow          *parent,
                                     GlossAgreement     *agreement,
                                     GlossAgreementKind  kind);

G_END_DECLS
