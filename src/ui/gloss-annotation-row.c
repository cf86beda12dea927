/* gloss-annotation-row.c — one annotation in a list: tag chips, quote, note, badge
 *
 * A list binds a row for up to two hundred annotations at once (GtkListView
 * keeps that many around the visible ones), so a row is one widget that
 * lays out and draws its own text: one CSS node instead of a dozen labels
 * and boxes, a height that takes one Pango layout to know, and nothing laid
 * out for drawing until the row is actually drawn.
 *
 * Row layout, top to bottom, inside a 6 px padding:
 *   tag chips (swatch + name, caption heading), and a badge at the end:
 *   Ours/Theirs for a merge conflict's two versions, else Moved/Orphaned
 *   the quote: up to two lines, ellipsized
 *   the note's start: one caption line, dimmed (when there is a note)
 *   the document's title: one caption line, dimmed (in the link dialog)
 *
 * Rows are recycled, so rebinding is cheap: texts are compared before
 * anything is invalidated.
 *
 * This file holds what the row shows; gloss-annotation-row-draw.c how it
 * lays that out and draws it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-row-private.h"
#include "gloss-color.h"
#include "gloss-text.h"
#include "gloss-untrusted-text.h"

/* Enough for two lines in the widest side pane; the quote ellipsizes. */
#define QUOTE_PREVIEW_CHARS 240
#define NOTE_PREVIEW_CHARS  160

G_DEFINE_FINAL_TYPE (GlossAnnotationRow, gloss_annotation_row, GTK_TYPE_WIDGET)

/* ---- what the row shows ---- */

char *
_gloss_annotation_row_describe_markers (GlossAnnotationRow *self)
{
  g_autofree char *links = NULL;
  g_autofree char *attributes = NULL;

  if (self->n_relations > 0)
    links = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u link", "%u links", self->n_relations),
                             self->n_relations);
  if (self->n_attributes > 0)
    attributes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attribute", "%u attributes",
                                               self->n_attributes),
                                  self->n_attributes);
  if (links != NULL && attributes != NULL)
    /* Translators: "2 links, 1 attribute" on an annotation */
    return g_strdup_printf (_("%s, %s"), links, attributes);
  return links != NULL ? g_steal_pointer (&links) : g_steal_pointer (&attributes);
}

static void
update_accessible_label (GlossAnnotationRow *self)
{
  g_autoptr(GString) label = g_string_new (NULL);

  for (guint i = 0; i < self->chips->len; i++)
    g_string_append_printf (label, "%s, ", g_array_index (self->chips, Chip, i).name);
  g_autofree char *markers = _gloss_annotation_row_describe_markers (self);
  if (_gloss_annotation_row_badge_text (self->badge) != NULL)
    g_string_append_printf (label, "%s, ", _gloss_annotation_row_badge_text (self->badge));
  if (markers != NULL)
    g_string_append_printf (label, "%s, ", markers);
  g_string_append (label, self->quote != NULL ? self->quote : "");
  if (_gloss_annotation_row_has_note (self))
    g_string_append_printf (label, ". %s", self->note);
  /* Where the row says which document it comes from, so does its name. */
  if (_gloss_annotation_row_has_document (self))
    {
      g_autofree char *title = gloss_untrusted_isolate (self->document_title);

      g_string_append (label, ". ");
      /* Translators: read by screen readers after an annotation's quote;
       * %s is the title of the document it is in */
      g_string_append_printf (label, _("In “%s”"), title);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label->str,
                                  -1);
}

static void
tag_notify_cb (GlossTag           *tag,
               GParamSpec         *pspec,
               GlossAnnotationRow *self)
{
  /* A rename or recolour: the chip follows without a rebind. */
  for (guint i = 0; i < self->chips->len; i++)
    {
      Chip *chip = &g_array_index (self->chips, Chip, i);

      if (chip->tag != tag)
        continue;
      g_free (chip->name);
      chip->name = gloss_untrusted_isolate (gloss_tag_get_name (tag));
      gloss_color_parse (gloss_tag_get_color (tag), &chip->rgba);
      g_clear_object (&chip->layout);
    }
  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
disconnect_chips (GlossAnnotationRow *self)
{
  for (guint i = 0; i < self->chips->len; i++)
    {
      Chip *chip = &g_array_index (self->chips, Chip, i);

      if (chip->tag != NULL)
        g_signal_handlers_disconnect_by_func (chip->tag, tag_notify_cb, self);
    }
  g_array_set_size (self->chips, 0);
}

static void
rebuild_chips (GlossAnnotationRow *self)
{
  const char * const *tags;

  disconnect_chips (self);
  if (self->annotation == NULL)
    return;

  tags = gloss_annotation_get_tags (self->annotation);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      GlossTag *tag = self->project != NULL ? gloss_project_lookup_tag (self->project, tags[i]) : NULL;
      Chip chip = { NULL, NULL, { 0 }, NULL };

      if (tag != NULL)
        {
          chip.tag = g_object_ref (tag);
          chip.name = gloss_untrusted_isolate (gloss_tag_get_name (tag));
          g_signal_connect_object (tag, "notify", G_CALLBACK (tag_notify_cb), self, 0);
        }
      else
        chip.name = g_strdup (tags[i]);
      gloss_color_parse (tag != NULL ? gloss_tag_get_color (tag) : NULL, &chip.rgba);
      g_array_append_val (self->chips, chip);
    }
}

static char *
make_tags_key (GlossAnnotation *annotation)
{
  return g_strjoinv ("\n", (char **) gloss_annotation_get_tags (annotation));
}

/* Sets *@field to @text; TRUE if that changed it. Takes @text. */
static gboolean
take_text (char **field,
           char  *text)
{
  if (g_strcmp0 (*field, text) == 0)
    {
      g_free (text);
      return FALSE;
    }
  g_free (*field);
  *field = text;
  return TRUE;
}

void
gloss_annotation_row_update (GlossAnnotationRow *self)
{
  gboolean resize = FALSE;
  gboolean redraw = FALSE;
  g_autofree char *tags_key = NULL;
  Badge badge = BADGE_NONE;
  char *title = NULL;

  g_return_if_fail (GLOSS_IS_ANNOTATION_ROW (self));

  if (self->annotation == NULL)
    {
      disconnect_chips (self);
      g_clear_pointer (&self->tags_key, g_free);
      g_clear_pointer (&self->quote, g_free);
      g_clear_pointer (&self->note, g_free);
      g_clear_pointer (&self->document_title, g_free);
      self->badge = BADGE_NONE;
      self->n_relations = 0;
      self->n_attributes = 0;
      _gloss_annotation_row_drop_layouts (self);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      return;
    }

  tags_key = make_tags_key (self->annotation);
  if (self->tags_key == NULL || !g_str_equal (tags_key, self->tags_key))
    {
      g_free (self->tags_key);
      self->tags_key = g_steal_pointer (&tags_key);
      rebuild_chips (self);
      redraw = TRUE;
    }

  if (take_text (&self->quote, gloss_text_one_line (gloss_annotation_get_quote (self->annotation),
                                                     QUOTE_PREVIEW_CHARS)))
    {
      g_clear_object (&self->quote_layout);
      self->quote_columns = _gloss_annotation_row_count_columns (self->quote);
      self->quote_lines_width = -1;
      resize = TRUE;
    }

  if (take_text (&self->note, gloss_text_one_line (gloss_annotation_get_note (self->annotation),
                                                    NOTE_PREVIEW_CHARS)))
    {
      g_clear_object (&self->note_layout);
      resize = TRUE;
    }

  switch (gloss_annotation_get_state (self->annotation))
    {
    case GLOSS_ANCHOR_MOVED:
      badge = BADGE_MOVED;
      break;
    case GLOSS_ANCHOR_ORPHANED:
      badge = BADGE_ORPHANED;
      break;
    case GLOSS_ANCHOR_ANCHORED:
    default:
      break;
    }
  /* A conflict waits for the analyst first. */
  if (gloss_annotation_get_conflict (self->annotation) != NULL)
    badge = gloss_annotation_get_conflict (self->annotation)->side == GLOSS_CONFLICT_OURS
            ? BADGE_CONFLICT_OURS : BADGE_CONFLICT_THEIRS;
  if (badge != self->badge)
    {
      self->badge = badge;
      g_clear_object (&self->badge_layout);
      redraw = TRUE;
    }

  {
    guint n_relations = self->project != NULL
                        ? gloss_project_count_relations_of (self->project, self->annotation) : 0;
    guint n_attributes = gloss_annotation_get_n_attributes (self->annotation);

    if (n_relations != self->n_relations || n_attributes != self->n_attributes)
      {
        self->n_relations = n_relations;
        self->n_attributes = n_attributes;
        g_clear_object (&self->relations_layout);
        redraw = TRUE;
      }
  }
  gtk_widget_set_has_tooltip (GTK_WIDGET (self),
                              self->badge != BADGE_NONE || self->n_relations > 0 || self->n_attributes > 0);
  if (self->show_document)
    {
      GlossDocument *document = gloss_annotation_get_document (self->annotation);

      if (document != NULL)
        title = g_strdup (gloss_document_get_title (document));
    }
  if (take_text (&self->document_title, title))
    {
      g_clear_object (&self->document_layout);
      resize = TRUE;
    }

  if (resize || redraw)
    update_accessible_label (self);
  if (resize)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else if (redraw)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
gloss_annotation_row_query_tooltip (GtkWidget  *widget,
                                    int         x,
                                    int         y,
                                    gboolean    keyboard_mode,
                                    GtkTooltip *tooltip)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (widget);

  if (self->badge == BADGE_NONE)
    {
      g_autofree char *markers = _gloss_annotation_row_describe_markers (self);

      if (markers == NULL)
        return FALSE;
      gtk_tooltip_set_text (tooltip, markers);
      return TRUE;
    }
  switch (self->badge)
    {
    case BADGE_MOVED:
      gtk_tooltip_set_text (tooltip, _("Found elsewhere after the text changed: please review"));
      return TRUE;
    case BADGE_ORPHANED:
      gtk_tooltip_set_text (tooltip, _("The quoted text is no longer in the document"));
      return TRUE;
    case BADGE_CONFLICT_OURS:
    case BADGE_CONFLICT_THEIRS:
      gtk_tooltip_set_text (tooltip, *gloss_annotation_get_conflict (self->annotation)->with != '\0'
                                     ? _("Two analysts changed this annotation differently; both versions are kept: choose one in the inspector")
                                     : _("Deleted on the other side of a merge and changed on this one: keep or delete it"));
      return TRUE;
    case BADGE_NONE:
    default:
      return FALSE;
    }
}

/* ---- the object ---- */

static void
gloss_annotation_row_dispose (GObject *object)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (object);

  disconnect_chips (self);
  _gloss_annotation_row_drop_layouts (self);
  g_clear_object (&self->annotation);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (gloss_annotation_row_parent_class)->dispose (object);
}

static void
gloss_annotation_row_finalize (GObject *object)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (object);

  g_array_unref (self->chips);
  g_free (self->tags_key);
  g_free (self->quote);
  g_free (self->note);
  g_free (self->document_title);

  G_OBJECT_CLASS (gloss_annotation_row_parent_class)->finalize (object);
}

static void
gloss_annotation_row_class_init (GlossAnnotationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_annotation_row_dispose;
  object_class->finalize = gloss_annotation_row_finalize;
  _gloss_annotation_row_class_init_drawing (widget_class);
  widget_class->query_tooltip = gloss_annotation_row_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "annotationrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
gloss_annotation_row_init (GlossAnnotationRow *self)
{
  self->chips = g_array_new (FALSE, TRUE, sizeof (Chip));
  g_array_set_clear_func (self->chips, (GDestroyNotify) _gloss_annotation_row_clear_chip);
  self->quote_lines_width = -1;
}

GtkWidget *
gloss_annotation_row_new (void)
{
  return g_object_new (GLOSS_TYPE_ANNOTATION_ROW, NULL);
}

void
gloss_annotation_row_set_project (GlossAnnotationRow *self,
                                  GlossProject       *project)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_ROW (self));

  if (g_set_object (&self->project, project))
    {
      g_clear_pointer (&self->tags_key, g_free);
      gloss_annotation_row_update (self);
    }
}

GlossAnnotation *
gloss_annotation_row_get_annotation (GlossAnnotationRow *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_ROW (self), NULL);

  return self->annotation;
}

void
gloss_annotation_row_set_annotation (GlossAnnotationRow *self,
                                     GlossAnnotation    *annotation)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_ROW (self));

  if (g_set_object (&self->annotation, annotation))
    g_clear_pointer (&self->tags_key, g_free);
  gloss_annotation_row_update (self);
}

void
gloss_annotation_row_set_show_document (GlossAnnotationRow *self,
                                        gboolean            show_document)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_ROW (self));

  self->show_document = !!show_document;
  gloss_annotation_row_update (self);
}

gboolean
gloss_annotation_row_shows_text (GlossAnnotationRow *self,
                                 const char         *text)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_ROW (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (self->annotation == NULL)
    return FALSE;
  for (guint i = 0; i < self->chips->len; i++)
    if (g_strcmp0 (g_array_index (self->chips, Chip, i).name, text) == 0)
      return TRUE;
  if (self->chips->len == 0 && g_strcmp0 (_("No tag"), text) == 0)
    return TRUE;
  {
    g_autofree char *markers = _gloss_annotation_row_describe_markers (self);

    if (g_strcmp0 (markers, text) == 0)
      return TRUE;
  }
  return g_strcmp0 (_gloss_annotation_row_badge_text (self->badge), text) == 0 ||
         g_strcmp0 (self->quote, text) == 0 ||
         (_gloss_annotation_row_has_note (self) && g_strcmp0 (self->note, text) == 0) ||
         (_gloss_annotation_row_has_document (self) && g_strcmp0 (self->document_title, text) == 0);
}
