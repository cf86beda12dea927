/* gloss-difference-row.h — one difference in the compare view, with Accept and Dismiss
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_DIFFERENCE_ROW (gloss_difference_row_get_type ())
G_DECLARE_FINAL_TYPE (GlossDifferenceRow, gloss_difference_row, GLOSS, DIFFERENCE_ROW, GtkListBoxRow)

/* The row of @difference, the @index-th shown (its widgets are named
 * "compare-row-N", "compare-accept-N" and "compare-dismiss-N"). It
 * borrows @difference: remove the row before freeing @comparison. */
GtkWidget             *gloss_difference_row_new            (GlossComparison       *comparison,
                                                            const GlossDifference *difference,
                                                            guint                  index);
const GlossDifference *gloss_difference_row_get_difference (GlossDifferenceRow    *self);

/* Signals "accept" () and "dismiss" (): its buttons were clicked. */

G_END_DECLS
