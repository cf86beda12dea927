/* gloss-annotation-row.c — one annotation in a list: tag chips, quote, note, badge
 *
 * Rows are recycled by GtkListView, so everything here is cheap to rebind:
 * labels are set only when their text changes and the chips are rebuilt
 * only when the annotation's tags change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-row.h"
#include "gloss-color.h"

/* Enough for two lines in the widest side pane; the label ellipsizes. */
#define QUOTE_PREVIEW_CHARS 240
#define NOTE_PREVIEW_CHARS  160

struct _GlossAnnotationRow
{
  GtkWidget        parent_instance;

  GlossProject    *project;
  GlossAnnotation *annotation;
  char            *tags_key;     /* what the chips show, to skip rebuilding */
  gboolean         show_document;

  GtkWidget       *box;
  GtkWidget       *chips_box;
  GtkWidget       *badge;
  GtkWidget       *quote_label;
  GtkWidget       *note_label;
  GtkWidget       *document_label;
};

G_DEFINE_FINAL_TYPE (GlossAnnotationRow, gloss_annotation_row, GTK_TYPE_WIDGET)

char *
gloss_text_one_line (const char *text,
                     guint       max_chars)
{
  GString *out;
  gboolean space = FALSE;
  guint n = 0;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (n >= max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      if (space)
        {
          g_string_append_c (out, ' ');
          n++;
          space = FALSE;
        }
      g_string_append_unichar (out, c);
      n++;
    }

  return g_string_free (out, FALSE);
}

char *
gloss_text_isolate (const char *text)
{
  /* U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE */
  return g_strconcat ("\xe2\x81\xa8", text != NULL ? text : "", "\xe2\x81\xa9", NULL);
}

char *
gloss_text_fold (const char *text)
{
  g_autofree char *normalized = NULL;

  if (text == NULL)
    return g_strdup ("");
  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  return g_utf8_casefold (normalized != NULL ? normalized : text, -1);
}

static gboolean
is_ascii (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p >= 0x80)
      return FALSE;
  return TRUE;
}

gboolean
gloss_text_contains (const char *haystack,
                     const char *folded_needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL || haystack[0] == '\0')
    return FALSE;

  /* Filtering 100,000 annotations per keystroke: plain ASCII needs no
   * allocation (its case folding is g_ascii_tolower, its normal form itself). */
  if (is_ascii (haystack) && is_ascii (folded_needle))
    {
      gsize needle_len = strlen (folded_needle);

      for (const char *p = haystack; *p != '\0'; p++)
        if (g_ascii_strncasecmp (p, folded_needle, needle_len) == 0)
          return TRUE;
      return needle_len == 0;
    }

  folded = gloss_text_fold (haystack);
  return strstr (folded, folded_needle) != NULL;
}

static void
set_label_text (GtkWidget  *label,
                const char *text)
{
  /* gtk_label_set_text() never parses markup; skip equal text to keep
   * rebinding cheap. */
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) != 0)
    gtk_label_set_text (GTK_LABEL (label), text);
}

static char *
make_tags_key (GlossAnnotation *annotation)
{
  const char * const *tags = gloss_annotation_get_tags (annotation);

  return g_strjoinv ("\n", (char **) tags);
}

static void
rebuild_chips (GlossAnnotationRow *self)
{
  GtkWidget *child;
  const char * const *tags;

  while ((child = gtk_widget_get_first_child (self->chips_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->chips_box), child);

  if (self->annotation == NULL)
    return;

  tags = gloss_annotation_get_tags (self->annotation);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      GlossTag *tag = NULL;
      GtkWidget *chip_box;
      GtkWidget *label;

      if (self->project != NULL)
        tag = gloss_project_lookup_tag (self->project, tags[i]);

      chip_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      gtk_box_append (GTK_BOX (chip_box), gloss_color_chip_new (tag));
      label = gtk_label_new (NULL);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
      gtk_widget_add_css_class (label, "caption-heading");
      /* Renames arrive with the project's "changed"; the label follows
       * the tag itself so a rename needs no rebuild. */
      if (tag != NULL)
        g_object_bind_property (tag, "name", label, "label", G_BINDING_SYNC_CREATE);
      else
        gtk_label_set_text (GTK_LABEL (label), tags[i]);
      gtk_box_append (GTK_BOX (chip_box), label);
      gtk_box_append (GTK_BOX (self->chips_box), chip_box);
    }

  if (tags[0] == NULL)
    {
      GtkWidget *label = gtk_label_new (_("No tag"));

      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (self->chips_box), label);
    }
}

void
gloss_annotation_row_update (GlossAnnotationRow *self)
{
  g_autofree char *tags_key = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *note = NULL;

  g_return_if_fail (GLOSS_IS_ANNOTATION_ROW (self));

  if (self->annotation == NULL)
    {
      g_clear_pointer (&self->tags_key, g_free);
      rebuild_chips (self);
      set_label_text (self->quote_label, "");
      gtk_widget_set_visible (self->note_label, FALSE);
      gtk_widget_set_visible (self->badge, FALSE);
      gtk_widget_set_visible (self->document_label, FALSE);
      return;
    }

  tags_key = make_tags_key (self->annotation);
  if (self->tags_key == NULL || !g_str_equal (tags_key, self->tags_key))
    {
      g_free (self->tags_key);
      self->tags_key = g_steal_pointer (&tags_key);
      rebuild_chips (self);
    }

  quote = gloss_text_one_line (gloss_annotation_get_quote (self->annotation),
                               QUOTE_PREVIEW_CHARS);
  set_label_text (self->quote_label, quote);

  note = gloss_text_one_line (gloss_annotation_get_note (self->annotation),
                              NOTE_PREVIEW_CHARS);
  set_label_text (self->note_label, note);
  gtk_widget_set_visible (self->note_label, note[0] != '\0');

  switch (gloss_annotation_get_state (self->annotation))
    {
    case GLOSS_ANCHOR_MOVED:
      set_label_text (self->badge, _("Moved"));
      gtk_widget_set_tooltip_text (self->badge,
                                   _("Found elsewhere after the text changed: please review"));
      gtk_widget_remove_css_class (self->badge, "error");
      gtk_widget_add_css_class (self->badge, "warning");
      gtk_widget_set_visible (self->badge, TRUE);
      break;

    case GLOSS_ANCHOR_ORPHANED:
      set_label_text (self->badge, _("Orphaned"));
      gtk_widget_set_tooltip_text (self->badge,
                                   _("The quoted text is no longer in the document"));
      gtk_widget_remove_css_class (self->badge, "warning");
      gtk_widget_add_css_class (self->badge, "error");
      gtk_widget_set_visible (self->badge, TRUE);
      break;

    case GLOSS_ANCHOR_ANCHORED:
    default:
      gtk_widget_set_visible (self->badge, FALSE);
      break;
    }

  if (self->show_document)
    {
      GlossDocument *document = gloss_annotation_get_document (self->annotation);

      set_label_text (self->document_label,
                      document != NULL ? gloss_document_get_title (document) : "");
      gtk_widget_set_visible (self->document_label, document != NULL);
    }
  else
    gtk_widget_set_visible (self->document_label, FALSE);
}

static GtkWidget *
make_label (const char *css_class,
            int         lines)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (lines > 1)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), lines);
    }
  gtk_label_set_width_chars (GTK_LABEL (label), 1);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
gloss_annotation_row_dispose (GObject *object)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->annotation);
  g_clear_object (&self->project);
  g_clear_pointer (&self->tags_key, g_free);

  G_OBJECT_CLASS (gloss_annotation_row_parent_class)->dispose (object);
}

static void
gloss_annotation_row_class_init (GlossAnnotationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_annotation_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "annotationrow");
}

static void
gloss_annotation_row_init (GlossAnnotationRow *self)
{
  GtkWidget *header;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_margin_top (self->box, 6);
  gtk_widget_set_margin_bottom (self->box, 6);
  gtk_widget_set_margin_start (self->box, 6);
  gtk_widget_set_margin_end (self->box, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->chips_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_hexpand (self->chips_box, TRUE);
  gtk_box_append (GTK_BOX (header), self->chips_box);
  self->badge = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->badge, "caption-heading");
  gtk_widget_add_css_class (self->badge, "gloss-badge");
  gtk_widget_set_visible (self->badge, FALSE);
  gtk_box_append (GTK_BOX (header), self->badge);
  gtk_box_append (GTK_BOX (self->box), header);

  self->quote_label = make_label (NULL, 2);
  gtk_box_append (GTK_BOX (self->box), self->quote_label);

  self->note_label = make_label ("caption", 1);
  gtk_widget_add_css_class (self->note_label, "dim-label");
  gtk_widget_set_visible (self->note_label, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->note_label);

  self->document_label = make_label ("caption", 1);
  gtk_widget_add_css_class (self->document_label, "dim-label");
  gtk_widget_set_visible (self->document_label, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->document_label);
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
