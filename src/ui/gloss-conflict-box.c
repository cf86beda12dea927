/* gloss-conflict-box.c — the two versions of a merge conflict, side by side
 *
 * After `gloss --merge` kept both versions of an annotation two analysts
 * changed differently, the inspector shows ours and theirs in two columns
 * (bounds, tags, note, attributes) with a button under each that keeps
 * that version: one undoable step (gloss_project_keep_conflict_version ()).
 * A version the other side deleted gets "Keep" and "Delete".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-annotation-row.h"
#include "gloss-conflict-box.h"
#include "gloss-text.h"

struct _GlossConflictBox
{
  GtkWidget     parent_instance;

  GtkWidget    *content;     /* rebuilt when the project changes */
  GlossProject *project;     /* borrowed */
  /* What the content shows: rebuilding it under a button being pressed
   * would swallow the click, so the same state is not rebuilt. */
  GlossAnnotation *shown;    /* borrowed, only compared */
  guint64          shown_generation;
};

G_DEFINE_FINAL_TYPE (GlossConflictBox, gloss_conflict_box, GTK_TYPE_WIDGET)

static GtkWidget *
caption (const char *text,
         gboolean    dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), 1);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static char *
describe_tags (GlossProject    *project,
               GlossAnnotation *annotation)
{
  const char * const *tags = gloss_annotation_get_tags (annotation);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; tags[i] != NULL; i++)
    {
      GlossTag *tag = gloss_project_lookup_tag (project, tags[i]);

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, tag != NULL ? gloss_tag_get_name (tag) : tags[i]);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : g_strdup (_("No tags"));
}

/* The buttons name their annotation by id, as the target of these. */
static void
settle_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossConflictBox *self = GLOSS_CONFLICT_BOX (widget);
  GlossAnnotation *annotation;

  if (self->project == NULL)
    return;
  annotation = gloss_project_lookup_annotation (self->project, g_variant_get_string (parameter, NULL));
  if (annotation == NULL)
    return;
  if (g_str_equal (action_name, "conflict.keep"))
    gloss_project_keep_conflict_version (self->project, annotation);
  else
    gloss_project_remove_annotation (self->project, annotation);
}

static GtkWidget *
action_button (const char      *label,
               const char      *name,
               const char      *action_name,
               GlossAnnotation *annotation)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_name (button, name);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", gloss_annotation_get_id (annotation));
  return button;
}

/* One version's column: what a merge can make differ. */
static GtkWidget *
version_column (GlossConflictBox *self,
                const char       *heading,
                const char       *button_name,
                GlossAnnotation  *annotation)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (heading);
  g_autofree char *bounds = g_strdup_printf (_("Characters %u–%u"), gloss_annotation_get_start (annotation),
                                             gloss_annotation_get_end (annotation));
  g_autofree char *quote = gloss_text_one_line (gloss_annotation_get_quote (annotation), 120);
  g_autofree char *tags = describe_tags (self->project, annotation);
  const char *note = gloss_annotation_get_note (annotation);
  g_auto(GStrv) keys = gloss_annotation_dup_attribute_keys (annotation);
  GtkWidget *button;

  gtk_widget_set_hexpand (column, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (column), title);
  gtk_box_append (GTK_BOX (column), caption (quote, FALSE));
  gtk_box_append (GTK_BOX (column), caption (bounds, TRUE));
  gtk_box_append (GTK_BOX (column), caption (tags, FALSE));
  gtk_box_append (GTK_BOX (column), caption (*note != '\0' ? note : _("No note"), *note == '\0'));
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("%s: %s", keys[i], gloss_annotation_get_attribute (annotation, keys[i]));

      gtk_box_append (GTK_BOX (column), caption (line, TRUE));
    }

  button = action_button (_("_Keep This"), button_name, "conflict.keep", annotation);
  gtk_widget_set_margin_top (button, 6);
  gtk_box_append (GTK_BOX (column), button);

  return column;
}

/* The side the other analyst deleted: nothing to show but the choice. */
static GtkWidget *
deleted_column (const char       *heading,
                GlossAnnotation  *annotation)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *button;

  gtk_widget_set_hexpand (column, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (column), title);
  gtk_box_append (GTK_BOX (column), caption (_("Deleted"), TRUE));
  button = action_button (_("_Delete"), "conflict-delete", "conflict.delete", annotation);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_set_valign (button, GTK_ALIGN_END);
  gtk_widget_set_vexpand (button, TRUE);
  gtk_box_append (GTK_BOX (column), button);

  return column;
}

void
gloss_conflict_box_set (GlossConflictBox *self,
                        GlossProject     *project,
                        GlossAnnotation  *annotation)
{
  const GlossConflict *conflict = annotation != NULL ? gloss_annotation_get_conflict (annotation) : NULL;
  GlossAnnotation *other = NULL;
  GlossAnnotation *ours, *theirs;
  GtkWidget *columns, *intro;

  g_return_if_fail (GLOSS_IS_CONFLICT_BOX (self));

  if (self->content != NULL && project == self->project && annotation == self->shown &&
      gloss_project_get_generation (project) == self->shown_generation)
    return;
  self->project = project;
  self->shown = annotation;
  self->shown_generation = project != NULL ? gloss_project_get_generation (project) : 0;
  g_clear_pointer (&self->content, gtk_widget_unparent);
  gtk_widget_set_visible (GTK_WIDGET (self), conflict != NULL && project != NULL);
  if (conflict == NULL || project == NULL)
    return;

  if (*conflict->with != '\0')
    other = gloss_project_lookup_annotation (project, conflict->with);
  ours = conflict->side == GLOSS_CONFLICT_OURS ? annotation : other;
  theirs = conflict->side == GLOSS_CONFLICT_THEIRS ? annotation : other;

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (self->content, "card");
  gtk_widget_add_css_class (self->content, "gloss-conflict-box");
  gtk_widget_set_parent (self->content, GTK_WIDGET (self));

  intro = caption (other != NULL
                   ? _("Conflict: two analysts changed this annotation differently. Keep one version.")
                   : _("Conflict: deleted on one side of the merge, changed on the other. Keep it or delete it."),
                   FALSE);
  gtk_widget_set_margin_start (intro, 12);
  gtk_widget_set_margin_end (intro, 12);
  gtk_widget_set_margin_top (intro, 10);
  gtk_box_append (GTK_BOX (self->content), intro);

  columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
  gtk_widget_set_margin_start (columns, 12);
  gtk_widget_set_margin_end (columns, 12);
  gtk_widget_set_margin_bottom (columns, 12);
  gtk_box_append (GTK_BOX (self->content), columns);

  /* Translators: the version of the project merged into */
  if (ours != NULL)
    gtk_box_append (GTK_BOX (columns), version_column (self, C_("conflict", "Ours"), "conflict-keep-ours", ours));
  else
    gtk_box_append (GTK_BOX (columns), deleted_column (C_("conflict", "Ours"), annotation));
  /* Translators: the version merged in from the other analyst */
  if (theirs != NULL)
    gtk_box_append (GTK_BOX (columns), version_column (self, C_("conflict", "Theirs"), "conflict-keep-theirs", theirs));
  else
    gtk_box_append (GTK_BOX (columns), deleted_column (C_("conflict", "Theirs"), annotation));
}

static void
gloss_conflict_box_dispose (GObject *object)
{
  GlossConflictBox *self = GLOSS_CONFLICT_BOX (object);

  g_clear_pointer (&self->content, gtk_widget_unparent);
  G_OBJECT_CLASS (gloss_conflict_box_parent_class)->dispose (object);
}

static void
gloss_conflict_box_class_init (GlossConflictBoxClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gloss_conflict_box_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "conflict.keep", "s", settle_action);
  gtk_widget_class_install_action (widget_class, "conflict.delete", "s", settle_action);
}

static void
gloss_conflict_box_init (GlossConflictBox *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
gloss_conflict_box_new (void)
{
  return g_object_new (GLOSS_TYPE_CONFLICT_BOX, NULL);
}
