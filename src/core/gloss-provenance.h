/* gloss-provenance.h — where a document's text came from, and proof of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_PROVENANCE (gloss_provenance_get_type ())
G_DECLARE_FINAL_TYPE (GlossProvenance, gloss_provenance, GLOSS, PROVENANCE, GObject)

/* What a citation of the document needs: the page's canonical address, who
 * published and wrote it and when, and which file was imported with the
 * SHA-256 of its bytes (the evidentiary copy; the document's own sha256 is
 * the working copy's).
 *
 * Every string is "" when unknown, never NULL; authors is an empty vector
 * when unknown. Dates stay as the source wrote them (ISO 8601 where it did).
 * Each setter notifies its property only when the value changes. */

GlossProvenance    *gloss_provenance_new                   (void);
/* A new object holding the same values. */
GlossProvenance    *gloss_provenance_copy                  (GlossProvenance    *self);
/* Gives @self the values of @source (NULL: empties it), notifying what changed. */
void                gloss_provenance_assign                (GlossProvenance    *self,
                                                            GlossProvenance    *source);
gboolean            gloss_provenance_equal                 (GlossProvenance    *a,
                                                            GlossProvenance    *b);
/* TRUE when every string is "" and there are no authors. */
gboolean            gloss_provenance_is_empty              (GlossProvenance    *self);

/* Whether @value may be the provenance member @member (named as in the
 * project file: "url", "site_name", "file_sha256"…): NULL when it may,
 * else why not, in words that follow the value ("is not an absolute
 * address…"). The project file refuses what this refuses, so whatever
 * sets a provenance from outside (an importer, the analyst) checks here
 * first. "" is not a value: a member that is not known is left empty. */
const char         *gloss_provenance_check_value           (const char         *member,
                                                            const char         *value);

/* Canonical address of the page. */
const char         *gloss_provenance_get_url               (GlossProvenance    *self);
void                gloss_provenance_set_url               (GlossProvenance    *self,
                                                            const char         *url);
const char         *gloss_provenance_get_site_name         (GlossProvenance    *self);
void                gloss_provenance_set_site_name         (GlossProvenance    *self,
                                                            const char         *site_name);
/* Names, in the order the source lists them. */
const char * const *gloss_provenance_get_authors           (GlossProvenance    *self);
void                gloss_provenance_set_authors           (GlossProvenance    *self,
                                                            const char * const *authors);
const char         *gloss_provenance_get_published         (GlossProvenance    *self);
void                gloss_provenance_set_published         (GlossProvenance    *self,
                                                            const char         *published);
const char         *gloss_provenance_get_modified          (GlossProvenance    *self);
void                gloss_provenance_set_modified          (GlossProvenance    *self,
                                                            const char         *modified);
/* BCP 47 tag, such as "en-GB". */
const char         *gloss_provenance_get_language          (GlossProvenance    *self);
void                gloss_provenance_set_language          (GlossProvenance    *self,
                                                            const char         *language);
const char         *gloss_provenance_get_description       (GlossProvenance    *self);
void                gloss_provenance_set_description       (GlossProvenance    *self,
                                                            const char         *description);
/* When the page was saved from the browser, if the saved file says. */
const char         *gloss_provenance_get_captured          (GlossProvenance    *self);
void                gloss_provenance_set_captured          (GlossProvenance    *self,
                                                            const char         *captured);
/* The bare name of the imported file, never a path. */
const char         *gloss_provenance_get_file              (GlossProvenance    *self);
void                gloss_provenance_set_file              (GlossProvenance    *self,
                                                            const char         *file);
/* Lower-case hex SHA-256 of the file's bytes as imported. */
const char         *gloss_provenance_get_file_sha256       (GlossProvenance    *self);
void                gloss_provenance_set_file_sha256       (GlossProvenance    *self,
                                                            const char         *file_sha256);
/* The name and version of what turned the file into text, so an extraction
 * can be reproduced. */
const char         *gloss_provenance_get_extractor         (GlossProvenance    *self);
void                gloss_provenance_set_extractor         (GlossProvenance    *self,
                                                            const char         *extractor);
const char         *gloss_provenance_get_extractor_version (GlossProvenance    *self);
void                gloss_provenance_set_extractor_version (GlossProvenance    *self,
                                                            const char         *extractor_version);

G_END_DECLS
