/* gloss-source-name.h — where a document came from, as a shared project may say it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @source as a project may keep it: a local path or file: URI becomes the
 * file's name alone; a web address, a name or a relative path stays. */
char *gloss_source_name_for_sharing (const char *source);

G_END_DECLS
