/* gloss-file-row.c — a project file on the start page, opened by activating the row
 *
 * The recent projects and the recovered unsaved ones are both lists of
 * these; the window opens the row's file when one is activated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-file-row.h"

struct _GlossFileRow
{
  AdwActionRow  parent_instance;

  GFile        *file;
  char         *uri;
};

G_DEFINE_FINAL_TYPE (GlossFileRow, gloss_file_row, ADW_TYPE_ACTION_ROW)

static void
gloss_file_row_finalize (GObject *object)
{
  GlossFileRow *self = GLOSS_FILE_ROW (object);

  g_clear_object (&self->file);
  g_free (self->uri);

  G_OBJECT_CLASS (gloss_file_row_parent_class)->finalize (object);
}

static void
gloss_file_row_class_init (GlossFileRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gloss_file_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/gloss-file-row.ui");
}

static void
gloss_file_row_init (GlossFileRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gloss_file_row_new (GFile      *file,
                    const char *title,
                    const char *subtitle)
{
  GlossFileRow *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_FILE_ROW,
                       "title", title,
                       "subtitle", subtitle,
                       NULL);
  self->file = g_object_ref (file);
  self->uri = g_file_get_uri (file);
  return GTK_WIDGET (self);
}

GFile *
gloss_file_row_get_file (GlossFileRow *self)
{
  g_return_val_if_fail (GLOSS_IS_FILE_ROW (self), NULL);

  return self->file;
}

const char *
gloss_file_row_get_uri (GlossFileRow *self)
{
  g_return_val_if_fail (GLOSS_IS_FILE_ROW (self), NULL);

  return self->uri;
}
