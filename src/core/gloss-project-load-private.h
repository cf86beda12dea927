/* gloss-project-load-private.h — what the parts of the loader share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-conflict.h"
#include "gloss-json-reader.h"
#include "gloss-project.h"

G_BEGIN_DECLS

/* Past this many, problems are counted but their messages not kept: a file
 * with two million bad annotations should not need gigabytes to say so. */
#define MAX_LISTED_PROBLEMS 1000

typedef struct
{
  const char *name;          /* the file, as messages name it */
  GPtrArray  *problems;      /* char* messages, owned */
  guint       n_problems;
  GlossError  first_code;
  char       *first_message;
  GString    *path;          /* JSON path of the member being read */
  gboolean    repaired;      /* the model differs from the file */
  GPtrArray  *repairs;       /* char* notes on what loading changed, owned */
  guint       hint;          /* where the last member was found (see gloss_json_object_get) */
  const char *last_time_text;  /* the last timestamp read (in the tree) … */
  GDateTime  *last_time;       /* … and its value, owned: many annotations share one */
} Loader;

typedef enum {
  REQUIRED,
  NULLABLE,
} Nullability;

#define IS_STRING(node) ((node)->type == GLOSS_JSON_STRING)

/* Everything the walk of one file has seen, to find ids used twice and
 * references to nothing. */
typedef struct
{
  Loader       *loader;
  GlossProject *project;
  GHashTable   *tags;          /* id → path (char*) */
  char         *digits[10];    /* path of the tag holding each digit */
  GHashTable   *documents;     /* id → path */
  GHashTable   *annotations;   /* id → path, every one seen, built or not */
  GHashTable   *relations;     /* id → path */
  GStringChunk *paths;         /* the paths above; the ids stay in the tree */
  GPtrArray    *tag_ids;       /* reused for each annotation's tags */
  gint64        version;       /* the file's format version */
} Walk;

/* Problems, at the JSON path being read: file: path: what. */
void                 gloss_load_add_problem     (Loader      *loader,
                                                 GlossError   code,
                                                 char        *message);
void                 gloss_load_problem         (Loader      *loader,
                                                 GlossError   code,
                                                 const char  *format,
                                                 ...) G_GNUC_PRINTF (3, 4);
/* … at its member @member. */
void                 gloss_load_problem_at      (Loader      *loader,
                                                 const char  *member,
                                                 GlossError   code,
                                                 const char  *format,
                                                 ...) G_GNUC_PRINTF (4, 5);
/* What loading changed, so that the project no longer matches the file:
 * not a problem (the load succeeds), but `gloss --validate` shows it. */
void                 gloss_load_repair          (Loader      *loader,
                                                 const char  *format,
                                                 ...) G_GNUC_PRINTF (2, 3);
/* A quote short enough for a message. */
char                *gloss_load_shorten         (const char  *text);

/* The JSON path of the member being read: push returns a mark to pop to. */
gsize                gloss_load_path_push_member (Loader     *loader,
                                                  const char *member);
gsize                gloss_load_path_push_index (Loader      *loader,
                                                 guint        index);
void                 gloss_load_path_pop        (Loader      *loader,
                                                 gsize        mark);

const char          *gloss_load_describe_node   (const GlossJsonNode *node);
char                *gloss_load_describe_value  (const GlossJsonNode *node);

/* Each reads the member @name of @object, checks it, and reports a problem
 * (returning FALSE or NULL) when it is missing or wrong. */
const GlossJsonNode *gloss_load_get_member      (Loader               *loader,
                                                 const GlossJsonNode  *object,
                                                 const char           *name);
gboolean             gloss_load_read_string     (Loader               *loader,
                                                 const GlossJsonNode  *object,
                                                 const char           *name,
                                                 Nullability           nullability,
                                                 const char          **out);
gboolean             gloss_load_read_id         (Loader               *loader,
                                                 const GlossJsonNode  *object,
                                                 const char          **out);
gboolean             gloss_load_read_count      (Loader               *loader,
                                                 const GlossJsonNode  *object,
                                                 const char           *name,
                                                 gint64                max,
                                                 gint64               *out);
gboolean             gloss_load_read_datetime   (Loader               *loader,
                                                 const GlossJsonNode  *object,
                                                 const char           *name,
                                                 Nullability           nullability,
                                                 GDateTime           **out);
const GlossJsonNode *gloss_load_read_array      (Loader               *loader,
                                                 const GlossJsonNode  *object,
                                                 const char           *name);
const GlossJsonNode *gloss_load_element_object  (Loader               *loader,
                                                 const GlossJsonNode  *array,
                                                 guint                 index);
gboolean             gloss_load_read_conflict   (Loader               *loader,
                                                 const GlossJsonNode  *object,
                                                 GlossConflict       **out);

typedef enum {
  GLOSS_ID_TAG,
  GLOSS_ID_DOCUMENT,
  GLOSS_ID_ANNOTATION,
  GLOSS_ID_RELATION,
} GlossIdKind;

gboolean             gloss_load_claim_id        (Walk                 *walk,
                                                 GHashTable           *seen,
                                                 const char           *id,
                                                 GlossIdKind           kind);
/* Reads each object of @array (the member @name) with @read_item. */
void                 gloss_load_read_list       (Walk                 *walk,
                                                 const GlossJsonNode  *array,
                                                 const char           *name,
                                                 void                (*read_item) (Walk *, const GlossJsonNode *));

/* gloss-project-load-documents.c */
void                 gloss_load_read_document   (Walk                 *walk,
                                                 const GlossJsonNode  *object);

G_END_DECLS
