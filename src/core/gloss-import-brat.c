/* gloss-import-brat.c — brat standoff (.ann beside its .txt) into a project
 *
 * How each kind of brat line lands in the Gloss model. The brat exporter
 * inverts exactly this, so change both together.
 *
 *  T  "T1\tOrg 0 5\tApple"        an annotation over [0, 5) tagged "Org" (the
 *                                  tag of that name, created when missing).
 *  T  discontinuous               ONE annotation covering the first fragment's
 *     "T1\tOrg 0 5;10 15\t…"       start to the last one's end, with attribute
 *                                  "brat:fragments" = "0 5;10 15": the fragments
 *                                  in Gloss code point offsets, brat's syntax.
 *                                  (One annotation keeps every reference to T1
 *                                  a reference to one thing; the exporter
 *                                  writes the fragments back while the
 *                                  annotation's bounds still equal their outer
 *                                  bounds.)
 *  #  "#1\tAnnotatorNotes T1\tx"  the annotation's note; several notes on one
 *                                  annotation are joined with "\n" (the
 *                                  exporter writes one # line per line).
 *     "#2\tLemma T1\tx"            other comment types: attribute "note:Lemma"
 *                                  = "x" (several joined with "\n").
 *     "#3\tAnnotatorNotes R1\tx"   a note on a relation: the relation's note.
 *  A  "A1\tNegated T1"            attribute "Negated" = "true" (binary).
 *     "A2\tConfidence T1 High"     attribute "Confidence" = "High".
 *  M  "M1\tNegated T1"            (brat's old modifier) as a binary A line.
 *  N  "N1\tReference T1 Wikipedia:534366\tBarack Obama"
 *                                  attribute "norm:Wikipedia" =
 *                                  "534366 Barack Obama" (the id, a space, the
 *                                  text; just "534366" without text). A second
 *                                  normalisation to the same database on the
 *                                  same annotation gets "norm:Wikipedia#2".
 *  R  "R1\tOrigin Arg1:T1 Arg2:T2" a relation of type "Origin" from T1's
 *                                  annotation to T2's.
 *  E  "E1\tMerge:T3 Org1:T1 Org2:T2"
 *                                  the trigger T3's annotation carries the
 *                                  event: attribute "brat:event" = "Merge Org1
 *                                  Org2" (the event type, then its role names
 *                                  in order), and one relation per role, typed
 *                                  by the role name ("Org1"), from it to the
 *                                  argument's annotation. An argument that is
 *                                  an event (Org1:E2) points at E2's
 *                                  annotation. A second event on a trigger
 *                                  that already carries one gets its own copy
 *                                  of the trigger annotation, so one annotation
 *                                  carries at most one event. Notes,
 *                                  attributes and normalisations of an event
 *                                  land on its annotation.
 *  *  "*\tEquiv T1 T2 T3"         relations of type "Equiv" T1→T2 and T2→T3,
 *                                  and each member gets "Equiv" in its
 *                                  attribute "brat:equiv" (space-separated
 *                                  when it is in several kinds), which is how
 *                                  the exporter tells them from R lines.
 *
 * For the exporter: an event's roles are the relations from its annotation
 * whose types are the role names in "brat:event", taken in the project's
 * relation order (a role may repeat); any other relation from it is an R
 * line, and a relation or argument pointing at an annotation that carries
 * an event names that event's E id. A binary attribute is the value "true".
 * A comment of another kind than AnnotatorNotes on a relation is kept in its
 * note as "Kind: text". brat ids are not kept (the exporter renumbers).
 *
 * Not kept, and reported: R argument names other than Arg1/Arg2 (kept as
 * Arg1, Arg2), attributes on relations, normalisation types other than
 * Reference (kept as Reference), empty spans (Gloss annotations hold at
 * least one character).
 *
 * Offsets: brat counts characters of the .txt as Python reads it. brat itself
 * reads with universal newlines (a CRLF is one character) and keeps a UTF-8
 * BOM as a character; other tools differ. For each document the importer
 * tries those readings and keeps the one under which most T lines' texts
 * equal their spans, then converts to Gloss offsets (code points of the text
 * as stored: CRLF kept, BOM dropped). An exporter writing a CRLF text as it
 * is should count each CRLF as one character, as brat will read it.
 *
 * Every T line's text is checked against its span. A mismatch is re-anchored
 * (gloss_anchor_locate) and marked moved, or kept at its offsets and marked
 * orphaned with the brat text as its quote; either way the report says so.
 * Lines that cannot be used (malformed, unknown kinds, missing ids) are
 * reported as "file.ann:LINE: what happened" and the import goes on.
 *
 * The whole import is one undo step: the document is built off-project with
 * the raw functions, then added with gloss_project_add_document(), tags and
 * relations made through the project, all inside one action.
 *
 * The .ann is read into lines by gloss-import-brat-lines.c, and T lines
 * become annotations in gloss-import-brat-spans.c; this file resolves the
 * references between lines and runs the import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-import-brat-private.h"

static void
argument_clear (gpointer data)
{
  Argument *argument = data;

  g_free (argument->role);
}

static void
brat_import_clear (BratImport *self)
{
  g_clear_object (&self->document);
  g_free (self->ann_name);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->tag_ids, g_hash_table_unref);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->crlfs, _gloss_brat_offsets_free);
  g_clear_pointer (&self->anchor_text, gloss_anchor_text_free);
  g_clear_pointer (&self->messages, g_array_unref);
}
/* ---- References between lines ---- */

/* The annotation a T or E id stands for, or NULL (reported). */
static GlossAnnotation *
resolve (BratImport *self,
         BratLine   *from,
         const char *id,
         const char *consequence)
{
  BratLine *target = g_hash_table_lookup (self->by_id, id);

  if (target == NULL)
    {
      _gloss_brat_report_line (self, from->number, _("%s refers to %s, which is not defined; %s"),
                               from->id != NULL ? from->id : "*", id, consequence);
      return NULL;
    }
  if (target->kind != LINE_TEXT && target->kind != LINE_EVENT)
    {
      _gloss_brat_report_line (self, from->number, _("%s refers to %s, a %s line, which is no annotation; %s"),
                               from->id != NULL ? from->id : "*", id, _gloss_brat_kind_name (target->kind), consequence);
      return NULL;
    }
  if (target->annotation == NULL)
    {
      _gloss_brat_report_line (self, from->number, _("%s refers to %s (line %u), which could not be imported; %s"),
                               from->id != NULL ? from->id : "*", id, target->number, consequence);
      return NULL;
    }

  return target->annotation;
}

static GlossAnnotation *
copy_annotation (BratImport      *self,
                 GlossAnnotation *original,
                 const char      *type)
{
  GlossAnnotation *copy = _gloss_brat_new_annotation (self, gloss_annotation_get_start (original),
                                                      gloss_annotation_get_end (original), type);
  const char *fragments = gloss_annotation_get_attribute (original, "brat:fragments");

  gloss_annotation_set_state (copy, gloss_annotation_get_state (original));
  if (gloss_annotation_get_state (original) == GLOSS_ANCHOR_ORPHANED)
    gloss_annotation_set_selector (copy, gloss_annotation_get_quote (original), "", "");
  if (fragments != NULL)
    gloss_annotation_set_attribute (copy, "brat:fragments", fragments);

  return copy;
}

/* Gives each event the annotation that carries it. */
static void
place_event (BratImport *self,
             BratLine   *line)
{
  BratLine *trigger = g_hash_table_lookup (self->by_id, line->target);

  if (trigger == NULL || trigger->kind != LINE_TEXT)
    {
      _gloss_brat_report_line (self, line->number, _("%s: its trigger %s is not a defined text span; skipped"),
                               line->id, line->target);
      return;
    }
  if (trigger->annotation == NULL)
    {
      _gloss_brat_report_line (self, line->number, _("%s: its trigger %s (line %u) could not be imported; skipped"),
                               line->id, line->target, trigger->number);
      return;
    }
  if (!g_str_equal (trigger->type, line->type))
    _gloss_brat_report_line (self, line->number, _("%s: the event type %s differs from its trigger’s type %s"),
                             line->id, line->type, trigger->type);

  if (!trigger->carries_event)
    {
      trigger->carries_event = TRUE;
      line->annotation = trigger->annotation;
    }
  else
    {
      /* One annotation carries one event: the second gets a copy. */
      line->annotation = copy_annotation (self, trigger->annotation, trigger->type);
    }
}

static void
resolve_event (BratImport *self,
               BratLine   *line)
{
  g_autoptr(GString) description = g_string_new (line->type);

  line->resolved = g_array_new (FALSE, FALSE, sizeof (Argument));
  g_array_set_clear_func (line->resolved, argument_clear);

  for (guint i = 0; i < line->args->len; i++)
    {
      const char *role = g_ptr_array_index (line->roles, i);
      GlossAnnotation *annotation = resolve (self, line, g_ptr_array_index (line->args, i),
                                             _("that argument was not imported"));
      Argument argument;

      if (annotation == NULL)
        continue;
      argument.role = g_strdup (role);
      argument.annotation = annotation;
      g_array_append_val (line->resolved, argument);
      g_string_append_printf (description, " %s", role);
    }

  gloss_annotation_set_attribute (line->annotation, "brat:event", description->str);
  self->events++;
}

static void
append_text_attribute (GlossAnnotation *annotation,
                       const char      *key,
                       const char      *text)
{
  const char *old = gloss_annotation_get_attribute (annotation, key);
  g_autofree char *joined = old != NULL ? g_strconcat (old, "\n", text, NULL) : NULL;

  gloss_annotation_set_attribute (annotation, key, joined != NULL ? joined : text);
}

static void
import_note (BratImport *self,
             BratLine   *line)
{
  BratLine *target = g_hash_table_lookup (self->by_id, line->target);
  GlossAnnotation *annotation;

  /* A note on a relation becomes the relation's note once it is made. */
  if (target != NULL && target->kind == LINE_RELATION)
    {
      g_autofree char *text = g_str_equal (line->type, "AnnotatorNotes")
                              ? g_strdup (line->text)
                              : g_strdup_printf ("%s: %s", line->type, line->text);
      char *joined = target->relation_note != NULL
                     ? g_strconcat (target->relation_note, "\n", text, NULL)
                     : g_strdup (text);

      g_free (target->relation_note);
      target->relation_note = joined;
      target->n_relation_notes++;
      if (!g_str_equal (line->type, "AnnotatorNotes"))
        _gloss_brat_report_line (self, line->number, _("%s: a %s comment on a relation was kept in the relation’s note"),
                                 line->id, line->type);
      /* Counted once the relation is made. */
      return;
    }

  annotation = resolve (self, line, line->target, _("the note was not imported"));
  if (annotation == NULL)
    return;

  if (g_str_equal (line->type, "AnnotatorNotes"))
    {
      const char *old = gloss_annotation_get_note (annotation);
      g_autofree char *joined = *old != '\0' ? g_strconcat (old, "\n", line->text, NULL) : NULL;

      gloss_annotation_set_note (annotation, joined != NULL ? joined : line->text);
    }
  else
    {
      g_autofree char *key = g_strconcat ("note:", line->type, NULL);

      append_text_attribute (annotation, key, line->text);
    }
  self->notes++;
}

static void
import_attribute (BratImport *self,
                  BratLine   *line)
{
  BratLine *target = g_hash_table_lookup (self->by_id, line->target);
  GlossAnnotation *annotation;
  const char *value = line->value != NULL ? line->value : "true";
  const char *old;

  if (target != NULL && target->kind == LINE_RELATION)
    {
      _gloss_brat_report_line (self, line->number,
                               _("%s: Gloss links have no attributes, so %s on %s was not imported"),
                               line->id, line->type, line->target);
      return;
    }

  annotation = resolve (self, line, line->target, _("the attribute was not imported"));
  if (annotation == NULL)
    return;

  old = gloss_annotation_get_attribute (annotation, line->type);
  if (old != NULL && !g_str_equal (old, value))
    _gloss_brat_report_line (self, line->number, _("%s: %s already has %s = “%s”; the later value “%s” was kept"),
                             line->id, line->target, line->type, old, value);

  gloss_annotation_set_attribute (annotation, line->type, value);
  self->attributes++;
}

static void
import_norm (BratImport *self,
             BratLine   *line)
{
  GlossAnnotation *annotation = resolve (self, line, line->target,
                                         _("the normalisation was not imported"));
  const char *colon = strchr (line->value, ':');
  g_autofree char *database = g_strndup (line->value, colon - line->value);
  g_autofree char *key = g_strconcat ("norm:", database, NULL);
  g_autofree char *value = NULL;

  if (annotation == NULL)
    return;

  if (!g_str_equal (line->type, "Reference"))
    _gloss_brat_report_line (self, line->number, _("%s: the normalisation type %s is kept as Reference"),
                             line->id, line->type);

  for (guint n = 2; gloss_annotation_get_attribute (annotation, key) != NULL; n++)
    {
      g_free (key);
      key = g_strdup_printf ("norm:%s#%u", database, n);
    }

  if (line->text != NULL && *line->text != '\0')
    value = g_strdup_printf ("%s %s", colon + 1, line->text);
  else
    value = g_strdup (colon + 1);

  gloss_annotation_set_attribute (annotation, key, value);
  self->attributes++;
}

static GlossAnnotation *
lookup_quietly (BratImport *self,
                const char *id)
{
  BratLine *target = g_hash_table_lookup (self->by_id, id);

  if (target == NULL || (target->kind != LINE_TEXT && target->kind != LINE_EVENT))
    return NULL;

  return target->annotation;
}

static void
resolve_equiv (BratImport *self,
               BratLine   *line)
{
  guint usable = 0;

  line->resolved = g_array_new (FALSE, FALSE, sizeof (Argument));
  g_array_set_clear_func (line->resolved, argument_clear);

  for (guint i = 0; i < line->args->len; i++)
    usable += lookup_quietly (self, g_ptr_array_index (line->args, i)) != NULL;

  /* One message for a line that joins nothing. */
  if (usable < 2)
    {
      _gloss_brat_report_line (self, line->number,
                               _("this %s equivalence has fewer than two members that could be imported; skipped"),
                               line->type);
      return;
    }

  for (guint i = 0; i < line->args->len; i++)
    {
      GlossAnnotation *annotation = resolve (self, line, g_ptr_array_index (line->args, i),
                                             _("that member was left out"));
      Argument argument = { NULL, annotation };

      if (annotation != NULL)
        g_array_append_val (line->resolved, argument);
    }

  for (guint i = 0; i < line->resolved->len; i++)
    {
      GlossAnnotation *annotation = g_array_index (line->resolved, Argument, i).annotation;
      const char *old = gloss_annotation_get_attribute (annotation, "brat:equiv");
      g_auto(GStrv) kinds = old != NULL ? g_strsplit (old, " ", -1) : NULL;

      if (kinds == NULL)
        gloss_annotation_set_attribute (annotation, "brat:equiv", line->type);
      else if (!g_strv_contains ((const char * const *) kinds, line->type))
        {
          g_autofree char *joined = g_strconcat (old, " ", line->type, NULL);

          gloss_annotation_set_attribute (annotation, "brat:equiv", joined);
        }
    }
}

/* ---- Relations, once the document is in the project ---- */

static void
add_link (BratImport      *self,
      GlossAnnotation *from,
      GlossAnnotation *to,
      const char      *type,
      const char      *note)
{
  GlossRelation *relation = gloss_project_link (self->project, from, to, type);

  if (note != NULL && relation != NULL)
    gloss_project_set_relation_note (self->project, relation, note);
  self->relations++;
}

static void
import_relation (BratImport *self,
                 BratLine   *line)
{
  const char *first_role = g_ptr_array_index (line->roles, 0);
  const char *second_role = g_ptr_array_index (line->roles, 1);
  GlossAnnotation *from, *to;
  guint from_index = 0;

  if (g_str_equal (first_role, "Arg2") && g_str_equal (second_role, "Arg1"))
    from_index = 1;
  else if (!g_str_equal (first_role, "Arg1") || !g_str_equal (second_role, "Arg2"))
    _gloss_brat_report_line (self, line->number,
                             _("%s: its arguments %s and %s are kept as Arg1 and Arg2"),
                             line->id, first_role, second_role);

  from = resolve (self, line, g_ptr_array_index (line->args, from_index),
                  _("the relation was not imported"));
  to = from != NULL ? resolve (self, line, g_ptr_array_index (line->args, 1 - from_index),
                               _("the relation was not imported"))
                    : NULL;
  if (from == NULL || to == NULL)
    {
      if (line->n_relation_notes > 0)
        _gloss_brat_report_line (self, line->number, _("%s: so the note on it was not imported either"), line->id);
      return;
    }

  self->notes += line->n_relation_notes;
  add_link (self, from, to, line->type, line->relation_note);
}

static void
make_links (BratImport *self)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      BratLine *line = g_ptr_array_index (self->lines, i);

      if (line->kind == LINE_RELATION)
        {
          import_relation (self, line);
        }
      else if (line->kind == LINE_EVENT && line->resolved != NULL)
        {
          for (guint j = 0; j < line->resolved->len; j++)
            {
              Argument *argument = &g_array_index (line->resolved, Argument, j);

              add_link (self, line->annotation, argument->annotation, argument->role, NULL);
            }
        }
      else if (line->kind == LINE_EQUIV && line->resolved != NULL)
        {
          for (guint j = 1; j < line->resolved->len; j++)
            add_link (self,
                  g_array_index (line->resolved, Argument, j - 1).annotation,
                  g_array_index (line->resolved, Argument, j).annotation,
                  line->type, NULL);
        }
    }
}

/* ---- The import ---- */

/* A project holds at most GLOSS_MAX_ANNOTATIONS: refuse before changing it. */
static gboolean
check_annotation_limit (BratImport  *self,
                        GError     **error)
{
  GListModel *documents = gloss_project_get_documents (self->project);
  guint64 total = 0;

  for (guint i = 0; i < self->lines->len; i++)
    {
      BratLine *line = g_ptr_array_index (self->lines, i);

      /* A T line makes one annotation, an event at most one more. */
      total += line->kind == LINE_TEXT || line->kind == LINE_EVENT;
    }
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);

      total += gloss_document_get_n_annotations (document);
    }

  if (total <= GLOSS_MAX_ANNOTATIONS)
    return TRUE;

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
               _("%s would bring the project past %u annotations, the most a project holds"),
               self->ann_name, (guint) GLOSS_MAX_ANNOTATIONS);
  return FALSE;
}

static char *
read_ann (GFile       *ann_file,
          const char  *display_name,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes (ann_file, NULL, NULL, &local_error);

  if (bytes == NULL)
    {
      g_set_error (error, GLOSS_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                     ? GLOSS_ERROR_NOT_FOUND : GLOSS_ERROR_IO,
                   _("Could not read %s: %s"), display_name, local_error->message);
      return NULL;
    }

  return _gloss_decode_text_full (bytes, display_name, NULL, error);
}

gboolean
gloss_import_brat (GlossProject       *project,
                   GFile              *ann_file,
                   GFile              *txt_file,
                   GlossImportReport  *report,
                   GError            **error)
{
  BratImport self = { 0, };
  g_autofree char *ann_text = NULL;
  g_autofree char *txt_name = NULL;
  gboolean had_bom = FALSE;

  g_return_val_if_fail (GLOSS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (ann_file), FALSE);
  g_return_val_if_fail (G_IS_FILE (txt_file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self.project = project;
  self.report = report;
  self.ann_name = _gloss_import_display_name (ann_file);
  txt_name = _gloss_import_display_name (txt_file);

  /* Everything that can fail happens before the project changes. */
  if (!g_file_query_exists (txt_file, NULL))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   _("%s has no text beside it: %s was not found (brat keeps each "
                     "document’s text in a .txt file of the same name)"),
                   self.ann_name, txt_name);
      brat_import_clear (&self);
      return FALSE;
    }

  self.document = _gloss_import_read_document (txt_file, FALSE, NULL, FALSE, NULL, &had_bom, error);
  if (self.document == NULL)
    {
      brat_import_clear (&self);
      return FALSE;
    }

  ann_text = read_ann (ann_file, self.ann_name, error);
  if (ann_text == NULL)
    {
      brat_import_clear (&self);
      return FALSE;
    }

  self.length = gloss_document_get_length (self.document);
  self.lines = g_ptr_array_new_with_free_func (_gloss_brat_line_free);
  self.by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self.tag_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  _gloss_brat_remember_project_tags (&self);
  self.annotations = g_ptr_array_new_with_free_func (g_object_unref);
  self.now = g_date_time_new_now_utc ();
  self.messages = _gloss_brat_messages_new ();

  _gloss_brat_read_lines (&self, ann_text);
  if (!check_annotation_limit (&self, error))
    {
      brat_import_clear (&self);
      return FALSE;
    }
  _gloss_brat_choose_offset_reading (&self, had_bom);

  gloss_project_begin_action (project, _("Import brat Annotations"));

  /* Spans first, then events (which may name each other in any order),
   * then what hangs on them, all before the document joins the project. */
  for (guint i = 0; i < self.lines->len; i++)
    {
      BratLine *line = g_ptr_array_index (self.lines, i);

      if (line->kind == LINE_TEXT)
        _gloss_brat_import_text_bound (&self, line);
    }
  for (guint i = 0; i < self.lines->len; i++)
    {
      BratLine *line = g_ptr_array_index (self.lines, i);

      if (line->kind == LINE_EVENT)
        place_event (&self, line);
    }
  for (guint i = 0; i < self.lines->len; i++)
    {
      BratLine *line = g_ptr_array_index (self.lines, i);

      switch (line->kind)
        {
        case LINE_EVENT:
          if (line->annotation != NULL)
            resolve_event (&self, line);
          break;
        case LINE_ATTRIBUTE:
          import_attribute (&self, line);
          break;
        case LINE_NORM:
          import_norm (&self, line);
          break;
        case LINE_NOTE:
          import_note (&self, line);
          break;
        case LINE_EQUIV:
          resolve_equiv (&self, line);
          break;
        case LINE_TEXT:
        case LINE_RELATION:
        default:
          break;
        }
    }

  for (guint i = 0; i < self.annotations->len; i++)
    gloss_document_add_annotation (self.document, g_ptr_array_index (self.annotations, i));
  gloss_project_add_document (project, self.document);

  make_links (&self);

  gloss_project_end_action (project);

  _gloss_brat_flush_messages (&self);
  if (report != NULL)
    {
      report->documents++;
      report->annotations += self.annotations->len;
      report->notes += self.notes;
      report->attributes += self.attributes;
      report->relations += self.relations;
      report->events += self.events;
    }

  brat_import_clear (&self);
  return TRUE;
}
