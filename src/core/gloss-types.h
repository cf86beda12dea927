/* gloss-types.h — forward declarations, enums and the error domain of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _GlossAnnotation GlossAnnotation;
typedef struct _GlossDocument   GlossDocument;
typedef struct _GlossHistory    GlossHistory;
typedef struct _GlossProject    GlossProject;
typedef struct _GlossProvenance GlossProvenance;
typedef struct _GlossRelation   GlossRelation;
typedef struct _GlossTag        GlossTag;

typedef gboolean (*GlossAnnotationFunc) (GlossAnnotation *annotation,
                                         gpointer         user_data);

/* Code point offsets into a document's text; end is exclusive. */
typedef guint GlossOffset;

/**
 * GlossAnchorState:
 * @GLOSS_ANCHOR_ANCHORED: the stored offsets hold the quote
 * @GLOSS_ANCHOR_MOVED: the annotation was found elsewhere and awaits review
 * @GLOSS_ANCHOR_ORPHANED: the quote was not found; the annotation is kept
 */
typedef enum {
  GLOSS_ANCHOR_ANCHORED,
  GLOSS_ANCHOR_MOVED,
  GLOSS_ANCHOR_ORPHANED,
} GlossAnchorState;

#define GLOSS_TYPE_ANCHOR_STATE (gloss_anchor_state_get_type ())
GType        gloss_anchor_state_get_type    (void) G_GNUC_CONST;
const char  *gloss_anchor_state_to_string   (GlossAnchorState  state);
gboolean     gloss_anchor_state_from_string (const char       *string,
                                             GlossAnchorState *state);

#define GLOSS_ERROR (gloss_error_quark ())
GQuark gloss_error_quark (void);

typedef enum {
  GLOSS_ERROR_FAILED,
  GLOSS_ERROR_IO,         /* the file could not be read or written */
  GLOSS_ERROR_PARSE,      /* not well-formed JSON / not decodable text */
  GLOSS_ERROR_INVALID,    /* well-formed, but not a valid project or input */
  GLOSS_ERROR_VERSION,    /* written by a newer Gloss */
  GLOSS_ERROR_ENCODING,   /* text in an encoding Gloss does not read */
  GLOSS_ERROR_TOO_LARGE,  /* past a documented limit */
  GLOSS_ERROR_EXISTS,     /* refusing to overwrite */
  GLOSS_ERROR_NOT_FOUND,
  GLOSS_ERROR_READ_ONLY,  /* the file may not be written (no write permission) */
  GLOSS_ERROR_CHANGED,    /* the file changed on disk since it was loaded or saved */
} GlossError;

/* Documented limits (docs/format.md). */
#define GLOSS_MAX_PROJECT_FILE_SIZE   (512 * 1024 * 1024)  /* bytes */
#define GLOSS_MAX_JSON_DEPTH          64
#define GLOSS_MAX_ANNOTATIONS         (2 * 1000 * 1000)    /* per project */
#define GLOSS_MAX_DOCUMENT_SIZE       (64 * 1024 * 1024)   /* bytes of text */
#define GLOSS_CONTEXT_LENGTH          32                   /* prefix/suffix code points */

G_END_DECLS
