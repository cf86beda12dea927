/* gloss-edit-private.h — the two shapes every undoable change takes
 *
 * A thing takes, leaves or changes its place (an annotation in its
 * document, a relation, a tag, a document), or a thing's fields go from
 * one value to another (an annotation's, a relation's, a tag's, a title,
 * a text, a provenance, the relation types). Each kind of thing says how
 * to do that in a few lines; the history, merging and freeing are here
 * once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-history.h"

G_BEGIN_DECLS

/* Where things of one kind live. A position of G_MAXUINT is "not in the
 * project"; G_MAXUINT - 1 is "at the end". */
typedef struct {
  const char *name;
  void      (*insert) (GlossProject *project,
                       gpointer      owner,
                       gpointer      object,
                       guint         position);
  void      (*remove) (GlossProject *project,
                       gpointer      owner,
                       gpointer      object,
                       guint         position);
} GlossPlaceKind;

/* What a value of one kind's fields is, and how it is put in place. */
typedef struct {
  const char     *name;
  void          (*store)      (GlossProject  *project,
                               gpointer       object,
                               gconstpointer  value);
  GDestroyNotify  free_value;
} GlossFieldsKind;

/* @owner and @object are GObjects (@owner may be NULL); both are held. */
GlossEdit *_gloss_place_edit_new  (const GlossPlaceKind  *kind,
                                   gpointer               owner,
                                   gpointer               object,
                                   guint                  before,
                                   guint                  after);

/* Takes @before and @after. @object is a GObject or NULL (the project's
 * own fields). Two mergeable edits of the same kind and object in a row
 * are one step of the history, as typing a note letter by letter is. */
GlossEdit *_gloss_fields_edit_new (const GlossFieldsKind *kind,
                                   gpointer               object,
                                   gpointer               before,
                                   gpointer               after,
                                   gboolean               mergeable);

G_END_DECLS
