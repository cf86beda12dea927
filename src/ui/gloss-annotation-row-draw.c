/* gloss-annotation-row-draw.c — how an annotation row lays out, measures and draws its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout is described at the top of gloss-annotation-row.c.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gloss-annotation-row-private.h"
#include "gloss-color.h"

#define PADDING          6
#define LINE_SPACING     3    /* between the header, quote, note and document lines */
#define CHIP_SIZE        12
#define CHIP_NAME_GAP    4    /* swatch to tag name */
#define CHIP_GAP         8    /* one chip to the next */
#define BADGE_GAP        6
#define CHIP_NAME_CHARS  16   /* a tag name ellipsizes beyond this */
#define QUOTE_LINES      2
#define NATURAL_CHARS    40   /* the row's natural width, as a label's max-width-chars */
#define CAPTION_POINTS   9    /* Adwaita's .caption and .caption-heading */
#define DIM_OPACITY      0.55 /* Adwaita's .dim-label */
#define MARKER_ICON_SIZE 12   /* the link badge's and attribute marker's icons */
#define MARKER_GAP       2    /* a marker's icon to its count */

/* ---- fonts and layouts ---- */

static PangoFontDescription *
caption_font (GlossAnnotationRow *self,
              gboolean            heading)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (context));

  pango_font_description_set_size (font, CAPTION_POINTS * PANGO_SCALE);
  pango_font_description_set_weight (font, heading ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  return font;
}

static PangoLayout *
make_layout (GlossAnnotationRow *self,
             const char         *text,
             gboolean            caption,
             gboolean            heading)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);

  if (caption)
    {
      PangoFontDescription *font = caption_font (self, heading);

      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
    }
  /* Plain text, never markup: quotes and notes are untrusted. */
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

void
_gloss_annotation_row_clear_chip (Chip *chip)
{
  g_clear_object (&chip->tag);
  g_clear_pointer (&chip->name, g_free);
  g_clear_object (&chip->layout);
}

static void
drop_chip_layouts (GlossAnnotationRow *self)
{
  for (guint i = 0; i < self->chips->len; i++)
    g_clear_object (&g_array_index (self->chips, Chip, i).layout);
}

void
_gloss_annotation_row_drop_layouts (GlossAnnotationRow *self)
{
  drop_chip_layouts (self);
  g_clear_object (&self->quote_layout);
  g_clear_object (&self->note_layout);
  g_clear_object (&self->document_layout);
  g_clear_object (&self->badge_layout);
  g_clear_object (&self->no_tag_layout);
  g_clear_object (&self->relations_layout);
  self->quote_lines_width = -1;  /* a new font may wrap differently */
}

/* Font sizes every row needs, measured once per body font rather than
 * once per row: a list binds up to two hundred rows at a time. */
typedef struct {
  PangoFontDescription *font;             /* the body font they were measured for */
  int                   line_height;
  int                   caption_height;
  double                text_char_width;  /* an average character of running text */
} FontSizes;

static const FontSizes *
font_sizes (GlossAnnotationRow *self)
{
  /* Typical running text: what a quote's length is measured against. */
  static const char sample[] = "The minister said on Monday that talks would resume, officials confirmed.";
  static FontSizes sizes;
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);

  if (sizes.font == NULL || !pango_font_description_equal (sizes.font, font))
    {
      g_autoptr(PangoLayout) body = make_layout (self, sample, FALSE, FALSE);
      g_autoptr(PangoLayout) caption = make_layout (self, "", TRUE, FALSE);
      int width;

      g_clear_pointer (&sizes.font, pango_font_description_free);
      sizes.font = pango_font_description_copy (font);
      pango_layout_get_pixel_size (body, &width, &sizes.line_height);
      pango_layout_get_pixel_size (caption, NULL, &sizes.caption_height);
      sizes.text_char_width = MAX (width, 1) / (double) (sizeof sample - 1);
    }
  return &sizes;
}

static int
caption_height (GlossAnnotationRow *self)
{
  return font_sizes (self)->caption_height;
}

static int
char_width (GlossAnnotationRow *self)
{
  return (int) ceil (font_sizes (self)->text_char_width);
}

const char *
_gloss_annotation_row_badge_text (Badge badge)
{
  switch (badge)
    {
    case BADGE_MOVED:
      return _("Moved");
    case BADGE_ORPHANED:
      return _("Orphaned");
    /* Translators: a badge on an annotation in conflict after a merge: the
     * version from this side of the merge. */
    case BADGE_CONFLICT_OURS:
      return C_("conflict", "Conflict: Ours");
    /* Translators: the version merged in from the other side. */
    case BADGE_CONFLICT_THEIRS:
      return C_("conflict", "Conflict: Theirs");
    case BADGE_NONE:
    default:
      return NULL;
    }
}

int
_gloss_annotation_row_count_columns (const char *text)
{
  int columns = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    columns += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return columns;
}

/* The quote laid out @width pixels wide, at most two lines. */
static PangoLayout *
quote_layout (GlossAnnotationRow *self,
              int                 width)
{
  if (self->quote_layout == NULL)
    {
      self->quote_layout = make_layout (self, self->quote, FALSE, FALSE);
      pango_layout_set_wrap (self->quote_layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (self->quote_layout, -QUOTE_LINES);
      self->quote_layout_width = -1;
    }
  if (self->quote_layout_width != width)
    {
      pango_layout_set_width (self->quote_layout, MAX (width, 1) * PANGO_SCALE);
      self->quote_layout_width = width;
    }
  return self->quote_layout;
}

/* How many lines the quote takes at @width: one, or two (it ellipsizes
 * beyond). The list measures every row it binds, up to two hundred,
 * before its first frame, and shaping that many quotes in mixed scripts
 * cost more than the rest of the list: a quote clearly shorter or clearly
 * longer than a line is judged by its length, and only one near a line's
 * length is laid out. */
static int
quote_lines (GlossAnnotationRow *self,
             int                 width)
{
  double estimate;

  if (self->quote_lines_width == width)
    return self->quote_lines;

  estimate = self->quote_columns * font_sizes (self)->text_char_width;
  if (estimate <= width * 0.92)
    self->quote_lines = 1;
  else if (estimate >= width * 1.08)
    self->quote_lines = QUOTE_LINES;
  else
    self->quote_lines = CLAMP (pango_layout_get_line_count (quote_layout (self, width)), 1, QUOTE_LINES);
  self->quote_lines_width = width;
  return self->quote_lines;
}

/* ---- size ---- */

gboolean
_gloss_annotation_row_has_note (GlossAnnotationRow *self)
{
  return self->note != NULL && self->note[0] != '\0';
}

gboolean
_gloss_annotation_row_has_document (GlossAnnotationRow *self)
{
  return self->show_document && self->document_title != NULL;
}

static int
natural_width (GlossAnnotationRow *self)
{
  return 2 * PADDING + NATURAL_CHARS * char_width (self);
}

static int
height_for_width (GlossAnnotationRow *self,
                  int                 width)
{
  int inner = MAX (width - 2 * PADDING, 1);
  int height;

  height = 2 * PADDING + MAX (CHIP_SIZE, caption_height (self)) +
           LINE_SPACING + quote_lines (self, inner) * font_sizes (self)->line_height;
  if (_gloss_annotation_row_has_note (self))
    height += LINE_SPACING + caption_height (self);
  if (_gloss_annotation_row_has_document (self))
    height += LINE_SPACING + caption_height (self);
  return height;
}

static GtkSizeRequestMode
gloss_annotation_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
gloss_annotation_row_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Everything ellipsizes, so any width will do. */
      *minimum = 2 * PADDING + char_width (self);
      *natural = natural_width (self);
    }
  else
    *minimum = *natural = height_for_width (self, for_size >= 0 ? for_size : natural_width (self));
}

/* ---- drawing ---- */

static GdkRGBA
foreground (GlossAnnotationRow *self,
            double              opacity)
{
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  color.alpha *= opacity;
  return color;
}

static GdkRGBA
badge_color (GlossAnnotationRow *self)
{
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                       self->badge == BADGE_ORPHANED ? "error_color"
                                       : self->badge >= BADGE_CONFLICT_OURS ? "accent_color" : "warning_color",
                                       &color))
    color = foreground (self, 1.0);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return color;
}

static void
append_layout_at (GtkSnapshot   *snapshot,
                  PangoLayout   *layout,
                  int            x,
                  int            y,
                  const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* Draws the chips from the start of the header, within @available
 * pixels; a chip that does not fit is cut short or left out. */
static void
snapshot_chips (GlossAnnotationRow *self,
                GtkSnapshot        *snapshot,
                int                 available,
                int                 line_height,
                gboolean            rtl)
{
  GdkRGBA color = foreground (self, 1.0);
  int x = 0;

  if (self->chips->len == 0)
    {
      GdkRGBA dim = foreground (self, DIM_OPACITY);
      int width, height;

      if (self->no_tag_layout == NULL)
        self->no_tag_layout = make_layout (self, _("No tag"), TRUE, FALSE);
      pango_layout_set_width (self->no_tag_layout, available * PANGO_SCALE);
      pango_layout_get_pixel_size (self->no_tag_layout, &width, &height);
      append_layout_at (snapshot, self->no_tag_layout,
                        PADDING + (rtl ? available - width : 0),
                        PADDING + (line_height - height) / 2, &dim);
      return;
    }

  for (guint i = 0; i < self->chips->len && x + CHIP_SIZE <= available; i++)
    {
      Chip *chip = &g_array_index (self->chips, Chip, i);
      int name_room = available - x - CHIP_SIZE - CHIP_NAME_GAP;
      PangoRectangle name_rect;
      int name_width, name_height;
      int chip_x;

      /* Past the first chip, one without room for a few letters of its
       * name is left out rather than shown as a bare swatch. */
      if (i > 0 && name_room < 3 * char_width (self))
        break;
      if (chip->layout == NULL)
        chip->layout = make_layout (self, chip->name, TRUE, TRUE);
      pango_layout_set_width (chip->layout,
                              MAX (MIN (name_room, CHIP_NAME_CHARS * char_width (self)), 1) * PANGO_SCALE);
      /* Right to left, the layout aligns its text to the end of its
       * width: the ink starts at name_rect.x, not at 0. */
      pango_layout_get_pixel_extents (chip->layout, NULL, &name_rect);
      name_width = name_rect.width;
      name_height = name_rect.height;

      chip_x = rtl ? available - x - CHIP_SIZE : x;
      gloss_color_append_swatch (snapshot, &chip->rgba,
                                 PADDING + chip_x, PADDING + (line_height - CHIP_SIZE) / 2.0f,
                                 CHIP_SIZE);
      if (name_room > 0)
        {
          int name_x = rtl ? chip_x - CHIP_NAME_GAP - name_width : chip_x + CHIP_SIZE + CHIP_NAME_GAP;

          append_layout_at (snapshot, chip->layout, PADDING + name_x - name_rect.x,
                            PADDING + (line_height - name_height) / 2, &color);
        }
      x += CHIP_SIZE + CHIP_NAME_GAP + name_width + CHIP_GAP;
    }
}

static void
append_icon (GlossAnnotationRow *self,
             GtkSnapshot        *snapshot,
             const char         *icon_name,
             int                 x,
             int                 y,
             const GdkRGBA      *color)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr(GtkIconPaintable) icon = NULL;

  icon = gtk_icon_theme_lookup_icon (theme, icon_name, NULL, MARKER_ICON_SIZE,
                                     gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                     gtk_widget_get_direction (GTK_WIDGET (self)), 0);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                            MARKER_ICON_SIZE, MARKER_ICON_SIZE, color, 1);
  gtk_snapshot_restore (snapshot);
}

/* The width the link badge and the attribute marker take at the end of
 * the header (0 without either). */
static int
markers_width (GlossAnnotationRow *self)
{
  int width = 0;

  if (self->n_relations > 0)
    {
      int count_width;

      if (self->relations_layout == NULL)
        {
          g_autofree char *count = g_strdup_printf ("%u", self->n_relations);

          self->relations_layout = make_layout (self, count, TRUE, TRUE);
        }
      pango_layout_get_pixel_size (self->relations_layout, &count_width, NULL);
      width += MARKER_ICON_SIZE + MARKER_GAP + count_width;
    }
  if (self->n_attributes > 0)
    width += (width > 0 ? BADGE_GAP : 0) + MARKER_ICON_SIZE;
  return width;
}

/* Draws the markers right-aligned (left in RTL) within @inner pixels
 * before @taken pixels of badge. */
static void
snapshot_markers (GlossAnnotationRow *self,
                  GtkSnapshot        *snapshot,
                  int                 inner,
                  int                 taken,
                  int                 header,
                  gboolean            rtl)
{
  GdkRGBA color = foreground (self, DIM_OPACITY + 0.2);
  int width = markers_width (self);
  int x = rtl ? taken : inner - taken - width;
  int icon_y = PADDING + (header - MARKER_ICON_SIZE) / 2;

  if (self->n_attributes > 0 && rtl)
    {
      append_icon (self, snapshot, "document-properties-symbolic", PADDING + x, icon_y, &color);
      x += MARKER_ICON_SIZE + (self->n_relations > 0 ? BADGE_GAP : 0);
    }
  if (self->n_relations > 0)
    {
      int count_width, count_height;

      pango_layout_get_pixel_size (self->relations_layout, &count_width, &count_height);
      if (rtl)
        {
          append_layout_at (snapshot, self->relations_layout, PADDING + x,
                            PADDING + (header - count_height) / 2, &color);
          append_icon (self, snapshot, "insert-link-symbolic",
                       PADDING + x + count_width + MARKER_GAP, icon_y, &color);
        }
      else
        {
          append_icon (self, snapshot, "insert-link-symbolic", PADDING + x, icon_y, &color);
          append_layout_at (snapshot, self->relations_layout,
                            PADDING + x + MARKER_ICON_SIZE + MARKER_GAP,
                            PADDING + (header - count_height) / 2, &color);
        }
      x += MARKER_ICON_SIZE + MARKER_GAP + count_width + BADGE_GAP;
    }
  if (self->n_attributes > 0 && !rtl)
    append_icon (self, snapshot, "document-properties-symbolic", PADDING + x, icon_y, &color);
}

static void
gloss_annotation_row_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int width = gtk_widget_get_width (widget);
  int inner = MAX (width - 2 * PADDING, 1);
  int header = MAX (CHIP_SIZE, caption_height (self));
  int chips_room = inner;
  GdkRGBA color = foreground (self, 1.0);
  GdkRGBA dim = foreground (self, DIM_OPACITY);
  int y;

  if (self->annotation == NULL)
    return;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, gtk_widget_get_height (widget)));

  if (self->badge != BADGE_NONE)
    {
      GdkRGBA badge = badge_color (self);
      int badge_width, badge_height;

      if (self->badge_layout == NULL)
        self->badge_layout = make_layout (self, _gloss_annotation_row_badge_text (self->badge), TRUE, TRUE);
      pango_layout_get_pixel_size (self->badge_layout, &badge_width, &badge_height);
      append_layout_at (snapshot, self->badge_layout,
                        PADDING + (rtl ? 0 : inner - badge_width),
                        PADDING + (header - badge_height) / 2, &badge);
      chips_room = MAX (inner - badge_width - BADGE_GAP, 0);
    }
  if (self->n_relations > 0 || self->n_attributes > 0)
    {
      snapshot_markers (self, snapshot, inner, inner - chips_room, header, rtl);
      chips_room = MAX (chips_room - markers_width (self) - BADGE_GAP, 0);
    }
  if (rtl && chips_room < inner)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (inner - chips_room, 0));
      snapshot_chips (self, snapshot, chips_room, header, rtl);
      gtk_snapshot_restore (snapshot);
    }
  else
    snapshot_chips (self, snapshot, chips_room, header, rtl);

  y = PADDING + header + LINE_SPACING;
  /* Judged one line by its length: the rare quote that wraps anyway
   * ellipsizes on that line rather than run into the note. */
  pango_layout_set_height (quote_layout (self, inner), -quote_lines (self, inner));
  append_layout_at (snapshot, self->quote_layout, PADDING, y, &color);
  y += quote_lines (self, inner) * font_sizes (self)->line_height;

  if (_gloss_annotation_row_has_note (self))
    {
      if (self->note_layout == NULL)
        self->note_layout = make_layout (self, self->note, TRUE, FALSE);
      pango_layout_set_width (self->note_layout, inner * PANGO_SCALE);
      append_layout_at (snapshot, self->note_layout, PADDING, y + LINE_SPACING, &dim);
      y += LINE_SPACING + caption_height (self);
    }

  if (_gloss_annotation_row_has_document (self))
    {
      if (self->document_layout == NULL)
        self->document_layout = make_layout (self, self->document_title, TRUE, FALSE);
      pango_layout_set_width (self->document_layout, inner * PANGO_SCALE);
      append_layout_at (snapshot, self->document_layout, PADDING, y + LINE_SPACING, &dim);
    }

  gtk_snapshot_pop (snapshot);
}

static void
gloss_annotation_row_css_changed (GtkWidget         *widget,
                                  GtkCssStyleChange *change)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (widget);

  /* GlossAnnotationRow is final: its class's parent is GtkWidget's. */
  GTK_WIDGET_CLASS (g_type_class_peek_parent (G_OBJECT_GET_CLASS (widget)))->css_changed (widget, change);

  /* A new font (text scaling, a theme) changes every size; colours are
   * read when drawing. */
  _gloss_annotation_row_drop_layouts (self);
  gtk_widget_queue_resize (widget);
}

void
_gloss_annotation_row_class_init_drawing (GtkWidgetClass *widget_class)
{
  widget_class->get_request_mode = gloss_annotation_row_get_request_mode;
  widget_class->measure = gloss_annotation_row_measure;
  widget_class->snapshot = gloss_annotation_row_snapshot;
  widget_class->css_changed = gloss_annotation_row_css_changed;
}
