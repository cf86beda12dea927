/* gloss-host-path.h — where a file handed in by the document portal really is
 *
 * Inside a Flatpak sandbox, a file the analyst picks in the file chooser
 * arrives as $XDG_RUNTIME_DIR/doc/<id>/<name>, the document portal's view
 * of it. These helpers tell such paths apart and ask the portal
 * (org.freedesktop.portal.Documents.GetHostPaths) where the file is on the
 * host, to show the analyst that place and to start file choosers in it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Whether @path lies in the document portal's folder @doc_dir (normally
 * $XDG_RUNTIME_DIR/doc), as doc_dir/<id>/… or doc_dir/by-app/<app>/<id>/….
 * If so, sets @out_doc_id to the document id and @out_rest to the path
 * below it (the file's name, or a path inside a shared folder). */
gboolean   gloss_host_path_split_document (const char   *doc_dir,
                                           const char   *path,
                                           char        **out_doc_id,
                                           char        **out_rest);

/* Looks up where each of @files (a GPtrArray of GFile) is on the host. Files
 * outside the document portal answer with their own path, without asking. */
void       gloss_host_paths_lookup        (GPtrArray           *files,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* A GPtrArray of host paths (char *) in the order of the files; an entry is
 * NULL where the portal does not know the document. On failure (no session
 * bus, a portal without GetHostPaths) NULL and @error, in GLOSS_ERROR. */
GPtrArray *gloss_host_paths_lookup_finish (GAsyncResult        *result,
                                           GError             **error);

/* Where to say @file is before its host path is known: its path, or NULL
 * for a document portal file, whose place only the portal knows (its
 * name then says all that is known; never show the portal's path). */
char      *gloss_host_path_fallback_label (GFile               *file);

G_END_DECLS
