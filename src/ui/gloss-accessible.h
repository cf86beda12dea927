/* gloss-accessible.h — names and descriptions for assistive technologies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss.h"

G_BEGIN_DECLS

/* Gives every button, menu button, drop-down and search entry under
 * @root that GTK 4.8 would read by its type name ("GtkImage push
 * button") or with its mnemonic ("_Open Open") a name: its label without
 * the underscore, else its tooltip without the shortcut in brackets, else
 * its placeholder. Call it once the widgets are built. */
void  gloss_accessible_name_controls     (GtkWidget  *root);
/* Gives the wrappers under @root (stack pages, flow box children, icons,
 * bare containers) an empty name instead of GTK 4.8's type name; for
 * widgets added after gloss_accessible_name_controls (), which does it. */
void  gloss_accessible_unname_wrappers  (GtkWidget  *root);

/* Sets @widget's accessible name to @label alone (no labelled-by). */
void  gloss_accessible_set_label         (GtkWidget  *widget,
                                          const char *label);
/* Sets or clears (NULL) @widget's accessible description. */
void  gloss_accessible_set_description   (GtkWidget  *widget,
                                          const char *description);
/* Names @widget by the visible heading @label, the way a reader links them. */
void  gloss_accessible_label_by          (GtkWidget  *widget,
                                          GtkWidget  *label);

/* Makes @list one stop of the Tab chain: Tab and Shift+Tab leave it for
 * the widget after or before it, and the arrows move inside it. GTK 4.8's
 * list views stop on each row, which puts 10,000 Tabs between the
 * article and the inspector of a large project. */
void  gloss_accessible_single_tab_stop   (GtkWidget  *list);

/* "Claim, key 1" (or "Claim" for a tag without a digit). */
char *gloss_accessible_tag_label         (GlossTag   *tag);
/* Names a palette or inspector button after @tag and its key. */
void  gloss_accessible_name_tag_button   (GtkWidget  *button,
                                          GlossTag   *tag);

/* "Claim, Person" for @annotation's tags, by name. */
char *gloss_accessible_describe_tags     (GlossProject    *project,
                                          GlossAnnotation *annotation);
/* "Claim: harbour council postponed…", an annotation in a few words. */
char *gloss_accessible_describe_annotation (GlossProject    *project,
                                            GlossAnnotation *annotation);
/* What a listener should hear of the annotations covering an offset
 * (as gloss_document_annotations_at returns them): their tags, the start
 * of their notes and, where they overlap, "1 of 2 overlapping". NULL when
 * @here is empty. */
char *gloss_accessible_describe_covering (GlossProject    *project,
                                          GPtrArray       *here);

G_END_DECLS
