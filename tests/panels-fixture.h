/* panels-fixture.h — a project with hard text and a window, shared by the panels' widget tests
 *
 * The tests need a display: tests/gui/meson.build runs them under xvfb-run
 * with GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none
 * GSETTINGS_BACKEND=memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss.h"
#include "gloss-relation-row.h"
#include "gloss-tag-row.h"

G_BEGIN_DECLS

/* The resource bundle lives in a static library: reference it so that the
 * linker keeps it (its constructor registers it). */
extern GResource *gloss_get_resource (void);

/* A fictional article with text that trips up offset handling: a ZWJ
 * family, a skin tone, a flag, combining marks, Arabic, Hebrew, CJK, CRLF,
 * markup-looking text and a right-to-left override. */
extern const char article[];

typedef struct {
  GlossProject    *project;
  GlossDocument   *document;
  GlossAnnotation *claim;      /* "the draft is \"a good basis\"" — Claim */
  GlossAnnotation *source;     /* "NBC News" — Source */
  GlossAnnotation *quote;      /* "no deal yet" — Claim + Quote */
  GlossAnnotation *odd;        /* the markup-looking text — no tag */
  GtkWindow       *window;
} Fixture;

typedef struct {
  GtkWidget *root;
  guint      n;
} RowCount;

typedef gboolean (*Condition) (gpointer data);

/* gtk_test_init() and libadwaita, the resources checked. */
void              panels_test_init    (int              *argc,
                                       char           ***argv);
/* Four annotations (made out of text order) and an unshown window. */
void              fixture_set_up      (Fixture          *f,
                                       gconstpointer     data);
/* Asserts that no widget kept the project alive. */
void              fixture_tear_down   (Fixture          *f,
                                       gconstpointer     data);

/* The code point span of @needle in the article. */
void              find_span           (const char       *needle,
                                       GlossOffset      *start,
                                       GlossOffset      *end);
GlossAnnotation  *annotate            (Fixture          *f,
                                       const char       *needle,
                                       const char       *tag_id);
/* Runs the main loop for @ms milliseconds. */
void              wait_ms             (guint             ms);
/* Runs the main loop until @condition holds; whether it did in time. */
gboolean          wait_for            (Condition         condition,
                                       gpointer          data,
                                       guint             timeout_ms);

/* The mapped widgets of @type under @root, in tree order. */
GPtrArray        *find_all            (GtkWidget        *root,
                                       GType             type);
GtkWidget        *find_tag_toggle     (GtkWidget        *root,
                                       const char       *tag_id);
/* Whether a label (never markup) or an annotation row shows @text. */
gboolean          has_label_with_text (GtkWidget        *root,
                                       const char       *text);
/* For g_ptr_array_sort_with_data(): top to bottom within @root. */
int               compare_by_y        (gconstpointer     a,
                                       gconstpointer     b,
                                       gpointer          root);
/* The one relation row under @inspector. */
GlossRelationRow *find_relation_row   (GtkWidget        *inspector);
GlossTagRow      *find_tag_row        (GtkWidget        *root,
                                       const char       *tag_id);
/* The visible AdwMessageDialog, or NULL. */
AdwMessageDialog *find_message_dialog (void);

/* The list of the fixture's document, shown in its window. */
GtkWidget        *show_list           (Fixture          *f);
/* Condition: @data (a RowCount) has its number of rows shown. */
gboolean          rows_shown          (gpointer          data);
GtkWidget        *show_inspector      (Fixture          *f,
                                       GlossAnnotation  *annotation);
/* The whole X screen into @path (ImageMagick's import). */
void              take_screenshot     (const char       *path);

#define PANELS_ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

G_END_DECLS
