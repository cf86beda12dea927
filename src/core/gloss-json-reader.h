/* gloss-json-reader.h — a compact JSON tree built in one strict pass
 *
 * The project scan (gloss-project-scan.c) checks every byte of a .gloss
 * file; with a GlossJsonBuilder it also builds this tree as it goes, so the
 * file is read once. Only the scan feeds the builder
 * (gloss-json-builder-private.h); everyone else reads the tree. The tree is far smaller than json-glib's: a value is
 * 16 bytes, a member 24, all in a few large blocks; strings without escapes
 * stay in the file's own buffer (terminated in place), the others are
 * decoded into the blocks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  GLOSS_JSON_NULL,
  GLOSS_JSON_BOOLEAN,
  GLOSS_JSON_INT,       /* a number without fraction or exponent */
  GLOSS_JSON_DOUBLE,    /* any other number */
  GLOSS_JSON_STRING,
  GLOSS_JSON_ARRAY,
  GLOSS_JSON_OBJECT,
} GlossJsonType;

typedef struct _GlossJsonNode   GlossJsonNode;
typedef struct _GlossJsonMember GlossJsonMember;

struct _GlossJsonNode
{
  guint32 type;         /* GlossJsonType */
  guint32 length;       /* bytes of a string, elements of an array, members of an object */
  union
  {
    gboolean         boolean;
    gint64           integer;
    double           number;
    const char      *string;    /* NUL-terminated, valid UTF-8, no NUL inside */
    GlossJsonNode   *elements;
    GlossJsonMember *members;   /* in file order; names are unique */
  } v;
};

struct _GlossJsonMember
{
  const char    *name;
  GlossJsonNode  value;
};

/* The tree's storage, and the state while it is built. */
typedef struct _GlossJsonBuilder GlossJsonBuilder;

GlossJsonBuilder *gloss_json_builder_new  (void);
void              gloss_json_builder_free (GlossJsonBuilder *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossJsonBuilder, gloss_json_builder_free)

/* The whole document, once it is complete; owned by the builder. */
const GlossJsonNode *gloss_json_builder_get_root (GlossJsonBuilder *self);

/* The member @name of @object, or NULL. @hint (may be NULL) remembers where
 * the last one was found: reading members in file order then costs one
 * comparison each. */
const GlossJsonNode *gloss_json_object_get (const GlossJsonNode *object,
                                            const char          *name,
                                            guint               *hint);

/* Asks the kernel for huge pages under a large buffer about to be filled
 * (the file being read, the project being written): 60 MB otherwise take
 * 15,000 page faults, a good part of the time. Only a hint, ignored where
 * there is no such thing; pages never touched stay unallocated. It stays
 * because it pays: without it the benchmark's large project (65 MB) took
 * 1.4–1.6× as long to load and save, with 2.3× the system time (runs
 * alternated with and without, 2026-12-07). */
void gloss_json_advise_huge_pages (gpointer data,
                                   gsize    size);

G_END_DECLS
