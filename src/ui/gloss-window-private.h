/* gloss-window-private.h — the window's state, shared by its gloss-window-*.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "gloss-article-view.h"
#include "gloss-untrusted-text.h"
#include "gloss-window.h"

G_BEGIN_DECLS

struct _GlossWindow
{
  AdwApplicationWindow  parent_instance;

  GlossProject         *project;
  GlossDocument        *document;
  GlossAnnotation      *selected;
  GFile                *file;          /* NULL until saved */
  GFile                *loading_file;  /* a project being opened into this window */
  GFile                *recovery;      /* where autosaves go */
  GlossAnnotation      *link_from;     /* "click the other highlight" mode */
  GtkWidget            *details;       /* GlossDocumentDetails while open, unowned */
  GBindingGroup        *document_bindings;  /* the header, bound to the shown document */
  GSignalGroup         *document_signals;   /* the shown document's signals */

  guint                 autosave_id;
  guint64               autosaved_generation;
  GCancellable         *cancellable;
  GCancellable         *recent_cancellable; /* asking where the recent projects are */
  gboolean              closing_confirmed;
  gboolean              close_after_save;
  gboolean              saving;         /* a save is being written */
  GFile                *save_next;      /* asked for meanwhile: saved after it */
  GlossSaveFlags        save_next_flags;
  gboolean              recovered;      /* holds changes recovered, not yet saved */
  GlossExportFormat     export_format;  /* the last export's, offered by Ctrl+E */
  AdwToast             *shown_toast;    /* weak: the toast shown last, for the test report */
  gboolean              recovery_owned; /* this window wrote or was offered ->recovery */
  gboolean              recovery_moved_told; /* said where a fallback copy went */
  GlossFileLock        *lock;           /* ".~lock.NAME#" while ->file is open */
  char                 *lock_holder;    /* who else has ->file open, or NULL */

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *main_stack;
  AdwStatusPage        *start_page;
  AdwStatusPage        *loading_page;
  GtkSpinner           *loading_spinner;
  AdwPreferencesGroup  *recent_group;
  GtkListBox           *recent_list;
  AdwPreferencesGroup  *recovered_group;
  GtkListBox           *recovered_list;
  AdwFlap              *documents_flap;
  GtkStack             *sidebar_stack;   /* "documents" or "search" */
  GtkWidget            *project_search;  /* GlossProjectSearch, once opened */
  GtkWidget            *compare_view;    /* GlossCompareView, once compared */
  AdwFlap              *side_flap;
  GtkBox               *side_pane;
  GtkListBox           *documents_list;
  GtkStack             *article_stack;
  GtkLabel             *article_title;
  GtkScrolledWindow    *article_scroller;
  GlossArticleView     *article_view;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *search_count;
  GtkToggleButton      *documents_toggle;
  GtkToggleButton      *annotations_toggle;
  GtkToggleButton      *search_toggle;
  GtkWidget            *open_button;
  GtkWidget            *import_button;
  GtkMenuButton        *menu_button;
  GtkWidget            *history_buttons;

  GtkInfoBar           *name_bar;         /* asks for the user's name, once */
  GtkWidget            *annotation_list;  /* GlossAnnotationList */
  GtkWidget            *inspector;        /* GlossInspector */

  guint                 report_id;
  guint                 position_save_id; /* remembering where the view is */
  char                 *last_toast;       /* for the test report */
};

/* Observers, attached once when the window is made and inert unless their
 * environment variable is set; production code never calls them again.
 * gloss-window-bench.c: measures the window for build-aux/bench.py
 * (GLOSS_BENCH). gloss-window-report.c: the test report, refreshed on a
 * short period (GLOSS_TEST_REPORT). */
void     _gloss_window_attach_bench       (GlossWindow     *self);
void     _gloss_window_attach_report      (GlossWindow     *self);
/* gloss-window-report-side.c: the side pane and the palette in the report. */
void     _gloss_window_report_side        (GlossWindow     *self,
                                           JsonBuilder     *builder);

/* gloss-window.c */
void     _gloss_window_set_project        (GlossWindow     *self,
                                           GlossProject    *project,
                                           GFile           *file);
void     _gloss_window_show_document      (GlossWindow     *self,
                                           GlossDocument   *document);
void     _gloss_window_select             (GlossWindow     *self,
                                           GlossAnnotation *annotation,
                                           gboolean         scroll);
/* gloss-window-header.c: the title, the header's buttons (which follow
 * the project), and the headline above the article (the document shown). */
void     _gloss_window_update_title       (GlossWindow     *self);
void     _gloss_window_update_header      (GlossWindow     *self);
void     _gloss_window_bind_header        (GlossWindow     *self);
/* gloss-window-author.c: the name bar, and the user's name as the
 * author of @project's new annotations. */
void     _gloss_window_init_author        (GlossWindow     *self);
void     _gloss_window_sign_project       (GlossWindow     *self,
                                           GlossProject    *project);
/* Setters of the window's properties "file" and "link-from". */
void     _gloss_window_set_file           (GlossWindow     *self,
                                           GFile           *file);
void     _gloss_window_set_link_from      (GlossWindow     *self,
                                           GlossAnnotation *from);
/* Shows the start, loading or project page. */
void     _gloss_window_show_page          (GlossWindow     *self,
                                           const char      *name);
/* The toast shown, owned by the overlay. */
AdwToast *_gloss_window_toast             (GlossWindow     *self,
                                           const char      *text);
void     _gloss_window_error              (GlossWindow     *self,
                                           const char      *heading,
                                           const GError    *error);
void     _gloss_window_begin_link         (GlossWindow     *self,
                                           GlossAnnotation *from);

/* gloss-window-preview.c: a big project's first document while the rest
 * loads; nothing can be changed meanwhile. */
gboolean _gloss_window_is_previewing      (GlossWindow     *self);
void     _gloss_window_load_preview       (GlossWindow     *self,
                                           GFile           *file);
/* The whole @project replaces the preview, which the window keeps showing
 * as it was: the same document, scroll position, caret and selection. */
void     _gloss_window_leave_preview      (GlossWindow     *self,
                                           GlossProject    *project,
                                           GFile           *file);

/* gloss-window-position.c: remembers per project file the document shown
 * and the scroll position, and puts them back when it is opened again. */
void     _gloss_window_attach_positions   (GlossWindow     *self);
void     _gloss_window_detach_positions   (GlossWindow     *self);
void     _gloss_window_restore_position   (GlossWindow     *self);
/* gloss-window-side.c: makes the annotation list and the inspector, the
 * list over the inspector in ->side_pane. */
void     _gloss_window_build_side_pane    (GlossWindow     *self);
/* gloss-window-history.c: undo (@redo FALSE) or redo, then selects the
 * annotation the step brought back or changed. */
void     _gloss_window_step_history       (GlossWindow     *self,
                                           gboolean         redo);
/* gloss-window-actions.c */
void     _gloss_window_class_init_actions (GlossWindowClass *klass);
void     _gloss_window_update_actions     (GlossWindow     *self);

/* gloss-window-files.c */
void     _gloss_window_save               (GlossWindow     *self);
void     _gloss_window_save_as            (GlossWindow     *self);
/* gloss-window-link.c: the other annotation of a link was chosen. */
void     _gloss_window_finish_link        (GlossWindow     *self,
                                           GlossAnnotation *to);
/* Connect the start page's lists once (gloss-window-recent.c,
 * gloss-window-recovery.c). */
void     _gloss_window_init_recent_list   (GlossWindow     *self);
void     _gloss_window_init_recovered_list (GlossWindow    *self);
/* gloss-window-sidebar.c: the documents sidebar. */
void     _gloss_window_init_sidebar       (GlossWindow     *self);
void     _gloss_window_bind_documents     (GlossWindow     *self,
                                           GListModel      *documents);
void     _gloss_window_select_document_row (GlossWindow    *self);

/* Saves on a worker; "changed on disk" and read-only files are asked about. */
void     _gloss_window_save_to            (GlossWindow     *self,
                                           GFile           *file,
                                           GlossSaveFlags   flags);
void     _gloss_window_choose_import      (GlossWindow     *self);
/* Adds a filter named @name for @mime_type (nullable) and @patterns. */
void     _gloss_window_add_file_filter    (GtkFileChooser     *chooser,
                                           const char         *name,
                                           const char         *mime_type,
                                           const char * const *patterns);
void     _gloss_window_choose_export      (GlossWindow     *self,
                                           GlossExportFormat format);
void     _gloss_window_paste_document     (GlossWindow     *self);

/* Returns TRUE when the window may close now; else asks and closes later. */
gboolean _gloss_window_confirm_close      (GlossWindow     *self);
void     _gloss_window_setup_drop         (GlossWindow     *self);
void     _gloss_window_refresh_recent     (GlossWindow     *self);

/* gloss-window-documents.c */
void     _gloss_window_class_init_documents    (GlossWindowClass *klass);
void     _gloss_window_update_document_actions (GlossWindow     *self);
void     _gloss_window_show_details       (GlossWindow     *self,
                                           GlossDocument   *document);
void     _gloss_window_rename_document    (GlossWindow     *self,
                                           GlossDocument   *document);
/* Asks first when the document holds annotations. */
void     _gloss_window_remove_document    (GlossWindow     *self,
                                           GlossDocument   *document);
/* Reads an article; if the project holds it already, asks whether to
 * replace that document's text or add a new one (later, in a dialog);
 * else adds it and counts it in @report. */
gboolean _gloss_window_import_article     (GlossWindow     *self,
                                           GFile           *file,
                                           GlossImportReport *report,
                                           GError         **error);

/* gloss-window-recovery.c */
gboolean _gloss_window_is_dirty           (GlossWindow     *self);
void     _gloss_window_schedule_autosave  (GlossWindow     *self);
void     _gloss_window_discard_recovery   (GlossWindow     *self);
/* TRUE when it asks whether to recover (and then shows the project). */
gboolean _gloss_window_offer_recovery     (GlossWindow     *self,
                                           GlossProject    *project,
                                           GFile           *file);
void     _gloss_window_refresh_recovered  (GlossWindow     *self);
/* Offers an intact recovery copy of @file, which failed to load. */
gboolean _gloss_window_offer_recovery_of_broken (GlossWindow  *self,
                                                 GFile        *file,
                                                 const GError *error);
/* Takes the lock of ->file (releasing any other) and says who else has it
 * open; removes temporary files killed saves left beside it. */
void     _gloss_window_track_file         (GlossWindow     *self);

/* gloss-window-conflict.c: the file changed on disk, or is read-only */
void     _gloss_window_ask_changed_on_disk (GlossWindow    *self,
                                            GFile          *file);
/* After a successful save to @file: the window follows it. */
void     _gloss_window_saved               (GlossWindow    *self,
                                            GFile          *file);
void     _gloss_window_ask_read_only       (GlossWindow    *self,
                                            const GError   *error);

/* gloss-window-accessible.c: names for screen readers, the live region */
void     _gloss_window_setup_accessible   (GlossWindow     *self);
/* The Link As dialog: which two annotations, in words; its buttons named once. */
void     _gloss_window_describe_link_dialog (GtkWidget       *dialog,
                                             GlossAnnotation *from,
                                             GlossAnnotation *to);

/* gloss-window-search.c: the project search in the sidebar */
typedef struct _GlossProjectSearch GlossProjectSearch;
GlossProjectSearch *_gloss_window_open_search (GlossWindow *self);
void     _gloss_window_close_search       (GlossWindow     *self);
gboolean _gloss_window_is_searching_project (GlossWindow   *self);
/* Follows the window's project, when the search exists. */
void     _gloss_window_search_set_project (GlossWindow     *self);

/* gloss-window-compare.c: the differences with another version */
void     _gloss_window_class_init_compare (GlossWindowClass *klass);
/* Reads @file and shows how it differs from the open project. */
void     _gloss_window_compare_with       (GlossWindow     *self,
                                           GFile           *file);
void     _gloss_window_stop_comparing     (GlossWindow     *self);
gboolean _gloss_window_is_comparing       (GlossWindow     *self);
/* Stops comparing when the window's project is another. */
void     _gloss_window_compare_set_project (GlossWindow    *self);

G_END_DECLS
