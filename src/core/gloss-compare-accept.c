/* gloss-compare-accept.c — a difference spelled out, and taken into mine
 *
 * Accepting goes through the project's edits, so each acceptance (or all
 * of one kind) is one step of the undo history; theirs is never touched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-annotation.h"
#include "gloss-compare-private.h"
#include "gloss-document.h"
#include "gloss-project.h"
#include "gloss-relation.h"
#include "gloss-tag.h"

#define SHOWN_CHARACTERS 60

/* ---- Spelling out ---- */

/* A string from a file, cut short and isolated, so that its direction
 * cannot reorder the words around it. */
static void
append_isolated (GString    *out,
                 const char *text)
{
  glong length = g_utf8_strlen (text, -1);
  g_autofree char *shown = g_utf8_substring (text, 0, MIN (length, SHOWN_CHARACTERS));

  g_string_append (out, "\u2068");
  g_string_append (out, shown);
  if (length > SHOWN_CHARACTERS)
    g_string_append (out, "…");
  g_string_append (out, "\u2069");
}

/* Quoted; an empty text is "none". */
static char *
quoted (const char *text)
{
  g_autoptr(GString) out = NULL;

  if (*text == '\0')
    return g_strdup (_("none"));
  out = g_string_new ("“");

  append_isolated (out, text);
  g_string_append (out, "”");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
tag_names (GlossProject    *project,
           GlossAnnotation *annotation)
{
  const char * const *tags = gloss_annotation_get_tags (annotation);
  g_autoptr(GString) out = g_string_new (NULL);

  if (tags[0] == NULL)
    return g_strdup (_("none"));
  for (guint i = 0; tags[i] != NULL; i++)
    {
      GlossTag *tag = gloss_project_lookup_tag (project, tags[i]);

      if (i > 0)
        g_string_append (out, ", ");
      append_isolated (out, tag != NULL ? gloss_tag_get_name (tag) : tags[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_line (GPtrArray  *lines,
          const char *label,
          const char *mine,
          const char *theirs)
{
  if (theirs == NULL)
    /* Translators: a field, then its value ("Tags: Claim") */
    g_ptr_array_add (lines, g_strdup_printf (_("%s: %s"), label, mine));
  else
    /* Translators: a field, this project's value, then the other's ("Tags: Claim → Claim, Number") */
    g_ptr_array_add (lines, g_strdup_printf (_("%s: %s → %s"), label, mine, theirs));
}

static void
describe_one_side (GPtrArray       *lines,
                   GlossProject    *project,
                   GlossAnnotation *annotation)
{
  g_autofree char *tags = tag_names (project, annotation);

  add_line (lines, _("Tags"), tags, NULL);
  if (*gloss_annotation_get_note (annotation) != '\0')
    {
      g_autofree char *note = quoted (gloss_annotation_get_note (annotation));

      add_line (lines, _("Note"), note, NULL);
    }
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
describe_attributes (GPtrArray       *lines,
                     GlossAnnotation *mine,
                     GlossAnnotation *theirs)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gpointer *sorted = NULL;
  g_auto(GStrv) mine_keys = gloss_annotation_dup_attribute_keys (mine);
  g_auto(GStrv) theirs_keys = gloss_annotation_dup_attribute_keys (theirs);
  guint n = 0;

  for (guint i = 0; mine_keys[i] != NULL; i++)
    g_hash_table_add (keys, mine_keys[i]);
  for (guint i = 0; theirs_keys[i] != NULL; i++)
    g_hash_table_add (keys, theirs_keys[i]);
  sorted = g_hash_table_get_keys_as_array (keys, &n);
  qsort (sorted, n, sizeof (gpointer), compare_strings);

  for (guint i = 0; i < n; i++)
    {
      const char *a = gloss_annotation_get_attribute (mine, sorted[i]);
      const char *b = gloss_annotation_get_attribute (theirs, sorted[i]);
      g_autoptr(GString) key = g_string_new (NULL);

      if (g_strcmp0 (a, b) == 0)
        continue;
      append_isolated (key, sorted[i]);
      {
        g_autofree char *qa = a != NULL ? quoted (a) : g_strdup (_("none"));
        g_autofree char *qb = b != NULL ? quoted (b) : g_strdup (_("none"));

        add_line (lines, key->str, qa, qb);
      }
    }
}

static char *
relation_ends (GlossProject  *project,
               GlossRelation *relation)
{
  GlossAnnotation *from = gloss_project_lookup_annotation (project, gloss_relation_get_from (relation));
  GlossAnnotation *to = gloss_project_lookup_annotation (project, gloss_relation_get_to (relation));
  g_autofree char *a = quoted (from != NULL ? gloss_annotation_get_quote (from) : "");
  g_autofree char *b = quoted (to != NULL ? gloss_annotation_get_quote (to) : "");
  g_autoptr(GString) type = g_string_new (NULL);

  append_isolated (type, gloss_relation_get_type_name (relation));
  /* Translators: a relation: its first annotation, its type, the other */
  return g_strdup_printf (_("%s %s %s"), a, type->str, b);
}

GPtrArray *
gloss_difference_describe (GlossComparison       *self,
                           const GlossDifference *difference)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  if (difference->mine_relation != NULL || difference->theirs_relation != NULL)
    {
      GlossRelation *mine = difference->mine_relation, *theirs = difference->theirs_relation;
      g_autofree char *ends = relation_ends (mine != NULL ? self->mine : self->theirs, mine != NULL ? mine : theirs);

      add_line (lines, _("Relation"), ends, NULL);
      if (difference->fields & GLOSS_DIFFERENCE_TYPE)
        {
          g_autofree char *a = quoted (gloss_relation_get_type_name (mine));
          g_autofree char *b = quoted (gloss_relation_get_type_name (theirs));

          add_line (lines, _("Type"), a, b);
        }
      if (difference->fields & GLOSS_DIFFERENCE_NOTE)
        {
          g_autofree char *a = quoted (gloss_relation_get_note (mine));
          g_autofree char *b = quoted (gloss_relation_get_note (theirs));

          add_line (lines, _("Note"), a, b);
        }
      return lines;
    }

  if (difference->kind != GLOSS_DIFFERENCE_CHANGED)
    {
      describe_one_side (lines, difference->mine != NULL ? self->mine : self->theirs,
                         difference->mine != NULL ? difference->mine : difference->theirs);
      return lines;
    }

  if (difference->fields & GLOSS_DIFFERENCE_BOUNDS)
    {
      g_autofree char *a = quoted (gloss_annotation_get_quote (difference->mine));
      g_autofree char *b = quoted (gloss_annotation_get_quote (difference->theirs));

      add_line (lines, _("Span"), a, b);
    }
  if (difference->fields & GLOSS_DIFFERENCE_TAGS)
    {
      g_autofree char *a = tag_names (self->mine, difference->mine);
      g_autofree char *b = tag_names (self->theirs, difference->theirs);

      add_line (lines, _("Tags"), a, b);
    }
  if (difference->fields & GLOSS_DIFFERENCE_NOTE)
    {
      g_autofree char *a = quoted (gloss_annotation_get_note (difference->mine));
      g_autofree char *b = quoted (gloss_annotation_get_note (difference->theirs));

      add_line (lines, _("Note"), a, b);
    }
  if (difference->fields & GLOSS_DIFFERENCE_ATTRIBUTES)
    describe_attributes (lines, difference->mine, difference->theirs);
  return lines;
}

/* ---- Accepting ---- */

/* Mine's id for theirs' tag, creating the tag (with its name, colour and
 * description) when mine has none of that id or name. */
static const char *
ensure_tag (GlossComparison *self,
            const char      *theirs_id)
{
  const char *mine_id = _gloss_comparison_mine_tag (self, theirs_id);
  GlossTag *theirs, *created;

  if (mine_id != NULL)
    return mine_id;
  theirs = gloss_project_lookup_tag (self->theirs, theirs_id);
  if (theirs == NULL)
    return NULL;
  created = gloss_project_create_tag (self->mine, gloss_tag_get_name (theirs), gloss_tag_get_color (theirs), -1);
  if (*gloss_tag_get_description (theirs) != '\0')
    gloss_project_set_tag_description (self->mine, created, gloss_tag_get_description (theirs));
  g_hash_table_insert (self->mine_tag, g_strdup (theirs_id), g_strdup (gloss_tag_get_id (created)));
  return _gloss_comparison_mine_tag (self, theirs_id);
}

static GPtrArray *
mine_tags_of (GlossComparison *self,
              GlossAnnotation *theirs)
{
  const char * const *tags = gloss_annotation_get_tags (theirs);
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; tags[i] != NULL; i++)
    {
      const char *id = ensure_tag (self, tags[i]);

      if (id != NULL)
        g_ptr_array_add (ids, (gpointer) id);
    }
  g_ptr_array_add (ids, NULL);
  return ids;
}

/* Mine's version of theirs' annotation: the matched one, else a copy
 * added to the matched document. NULL when it cannot be placed. */
static GlossAnnotation *
ensure_annotation (GlossComparison *self,
                   GlossAnnotation *theirs)
{
  GlossAnnotation *mine = g_hash_table_lookup (self->mine_annotation, theirs);
  GlossDocument *document;
  const char *id = gloss_annotation_get_id (theirs);
  g_autoptr(GlossAnnotation) copy = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_auto(GStrv) keys = NULL;

  if (mine != NULL && gloss_annotation_get_document (mine) != NULL)
    return mine;
  document = g_hash_table_lookup (self->mine_of_theirs, gloss_annotation_get_document (theirs));
  if (document == NULL ||
      gloss_annotation_get_start (theirs) >= gloss_annotation_get_end (theirs) ||
      gloss_annotation_get_end (theirs) > gloss_document_get_length (document))
    return NULL;

  /* Their id, so that comparing again finds the pair at once. */
  copy = gloss_annotation_new (gloss_project_lookup_annotation (self->mine, id) == NULL ? id : NULL,
                               gloss_annotation_get_start (theirs), gloss_annotation_get_end (theirs));
  tags = mine_tags_of (self, theirs);
  gloss_annotation_set_tags (copy, (const char * const *) tags->pdata);
  gloss_annotation_set_note (copy, gloss_annotation_get_note (theirs));
  keys = gloss_annotation_dup_attribute_keys (theirs);
  for (guint i = 0; keys[i] != NULL; i++)
    gloss_annotation_set_attribute (copy, keys[i], gloss_annotation_get_attribute (theirs, keys[i]));
  gloss_annotation_set_author (copy, gloss_annotation_get_author (theirs));
  gloss_annotation_set_created (copy, gloss_annotation_get_created (theirs));
  gloss_annotation_set_modified (copy, gloss_annotation_get_modified (theirs));
  gloss_annotation_set_state (copy, gloss_annotation_get_state (theirs));

  gloss_project_add_annotation (self->mine, document, copy);
  g_hash_table_insert (self->mine_annotation, theirs, copy);
  g_hash_table_insert (self->theirs_annotation, copy, theirs);
  return copy;
}

static void
take_fields (GlossComparison *self,
             GlossAnnotation *mine,
             GlossAnnotation *theirs,
             GlossDifferenceFields fields)
{
  if (fields & GLOSS_DIFFERENCE_BOUNDS)
    gloss_project_set_annotation_bounds (self->mine, mine, gloss_annotation_get_start (theirs),
                                         gloss_annotation_get_end (theirs));
  if (fields & GLOSS_DIFFERENCE_TAGS)
    {
      g_autoptr(GPtrArray) tags = mine_tags_of (self, theirs);

      gloss_project_set_annotation_tags (self->mine, mine, (const char * const *) tags->pdata);
    }
  if (fields & GLOSS_DIFFERENCE_NOTE)
    gloss_project_set_annotation_note (self->mine, mine, gloss_annotation_get_note (theirs));
  if (fields & GLOSS_DIFFERENCE_ATTRIBUTES)
    {
      g_auto(GStrv) mine_keys = gloss_annotation_dup_attribute_keys (mine);
      g_auto(GStrv) theirs_keys = gloss_annotation_dup_attribute_keys (theirs);

      for (guint i = 0; mine_keys[i] != NULL; i++)
        if (gloss_annotation_get_attribute (theirs, mine_keys[i]) == NULL)
          gloss_project_set_annotation_attribute (self->mine, mine, mine_keys[i], NULL);
      for (guint i = 0; theirs_keys[i] != NULL; i++)
        if (g_strcmp0 (gloss_annotation_get_attribute (mine, theirs_keys[i]),
                       gloss_annotation_get_attribute (theirs, theirs_keys[i])) != 0)
          gloss_project_set_annotation_attribute (self->mine, mine, theirs_keys[i],
                                                  gloss_annotation_get_attribute (theirs, theirs_keys[i]));
    }
}

static void
ensure_relation_type (GlossComparison *self,
                      const char      *type)
{
  if (!gloss_project_has_relation_type (self->mine, type))
    gloss_project_add_relation_type (self->mine, type);
}

static void
accept_relation (GlossComparison       *self,
                 const GlossDifference *difference)
{
  GlossRelation *mine = difference->mine_relation;
  GlossRelation *theirs = difference->theirs_relation;

  /* Still there: an earlier step may have removed it with an end. */
  if (mine != NULL && gloss_project_lookup_relation (self->mine, gloss_relation_get_id (mine)) != mine)
    return;

  switch (difference->kind)
    {
    case GLOSS_DIFFERENCE_ONLY_MINE:
      gloss_project_remove_relation (self->mine, mine);
      break;
    case GLOSS_DIFFERENCE_ONLY_THEIRS:
      {
        GlossAnnotation *from = ensure_annotation (self, gloss_project_lookup_annotation (self->theirs,
                                                                                         gloss_relation_get_from (theirs)));
        GlossAnnotation *to = ensure_annotation (self, gloss_project_lookup_annotation (self->theirs,
                                                                                       gloss_relation_get_to (theirs)));
        GlossRelation *linked;

        if (from == NULL || to == NULL)
          return;
        ensure_relation_type (self, gloss_relation_get_type_name (theirs));
        linked = gloss_project_link (self->mine, from, to, gloss_relation_get_type_name (theirs));
        if (linked != NULL && *gloss_relation_get_note (theirs) != '\0')
          gloss_project_set_relation_note (self->mine, linked, gloss_relation_get_note (theirs));
      }
      break;
    case GLOSS_DIFFERENCE_CHANGED:
      if (difference->fields & GLOSS_DIFFERENCE_TYPE)
        {
          ensure_relation_type (self, gloss_relation_get_type_name (theirs));
          gloss_project_set_relation_type (self->mine, mine, gloss_relation_get_type_name (theirs));
        }
      if (difference->fields & GLOSS_DIFFERENCE_NOTE)
        gloss_project_set_relation_note (self->mine, mine, gloss_relation_get_note (theirs));
      break;
    }
}

static void
accept_one (GlossComparison       *self,
            const GlossDifference *difference)
{
  if (difference->mine_relation != NULL || difference->theirs_relation != NULL)
    {
      accept_relation (self, difference);
      return;
    }
  /* Still there: an earlier step may have removed it. */
  if (difference->mine != NULL && gloss_annotation_get_document (difference->mine) == NULL)
    return;

  switch (difference->kind)
    {
    case GLOSS_DIFFERENCE_ONLY_MINE:
      gloss_project_remove_annotation (self->mine, difference->mine);
      break;
    case GLOSS_DIFFERENCE_ONLY_THEIRS:
      ensure_annotation (self, difference->theirs);
      break;
    case GLOSS_DIFFERENCE_CHANGED:
      take_fields (self, difference->mine, difference->theirs, difference->fields);
      break;
    }
}

void
gloss_comparison_accept (GlossComparison       *self,
                         const GlossDifference *difference)
{
  g_return_if_fail (self != NULL && difference != NULL);

  gloss_project_begin_action (self->mine, _("Accept Difference"));
  accept_one (self, difference);
  gloss_project_end_action (self->mine);
}

guint
gloss_comparison_accept_all (GlossComparison       *self,
                             GlossDifferenceKind    kind,
                             gboolean             (*skip) (const GlossDifference *difference,
                                                           gpointer               data),
                             gpointer               data)
{
  static const char * const labels[GLOSS_N_DIFFERENCE_KINDS] = {
    N_("Remove All Only Here"), N_("Add All Only in Theirs"), N_("Take All Their Changes"),
  };
  guint accepted = 0;

  g_return_val_if_fail (kind < GLOSS_N_DIFFERENCE_KINDS, 0);

  gloss_project_begin_action (self->mine, _(labels[kind]));
  /* Annotations first: a relation accepted after them finds its ends. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->differences->len; i++)
      {
        const GlossDifference *difference = g_ptr_array_index (self->differences, i);
        gboolean relation = difference->mine_relation != NULL || difference->theirs_relation != NULL;

        if (difference->kind != kind || relation != (pass == 1) || (skip != NULL && skip (difference, data)))
          continue;
        accept_one (self, difference);
        accepted++;
      }
  gloss_project_end_action (self->mine);
  return accepted;
}
