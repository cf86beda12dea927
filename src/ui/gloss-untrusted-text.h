/* gloss-untrusted-text.h — strings from files, made safe to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* @text (from a file: a title, a tag, a file name) as valid UTF-8 inside
 * a first-strong isolate (U+2068 … U+2069), so that bidirectional controls
 * in it (U+202E) cannot reorder the text around it. */
char *gloss_untrusted_isolate   (const char *text);
/* A GBindingTransformFunc: the string isolated, as above, for a title
 * bound to a label. */
gboolean gloss_untrusted_isolate_binding (GBinding     *binding,
                                          const GValue *from_value,
                                          GValue       *to_value,
                                          gpointer      user_data);
/* @file's name, for people: its display name, isolated. */
char *gloss_untrusted_file_name (GFile      *file);
/* @text for a label that reads mnemonics: every "_" doubled, so
 * "my_type" shows as itself. */
char *gloss_untrusted_no_mnemonic (const char *text);

/* The bidirectional controls in @text (U+202A–U+202E, U+2066–U+2069,
 * U+200E, U+200F, U+061C) as "U+202E, U+2066", each once; NULL when it
 * has none. Where a name is edited, Gloss shows these: they are invisible
 * and change how the name reads (U+202E then "fdp.exe" shows as
 * "exe.pdf"). */
char *gloss_untrusted_describe_controls (const char *text);

G_END_DECLS
