/* gloss-provenance.c — where a document's text came from, and proof of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-provenance.h"

/* The string properties, in the order of their property ids; the values
 * live in one array so copying, comparing and emptying are loops. */
enum {
  PROP_0,
  PROP_URL,
  PROP_SITE_NAME,
  PROP_PUBLISHED,
  PROP_MODIFIED,
  PROP_LANGUAGE,
  PROP_DESCRIPTION,
  PROP_CAPTURED,
  PROP_FILE,
  PROP_FILE_SHA256,
  PROP_EXTRACTOR,
  PROP_EXTRACTOR_VERSION,
  PROP_AUTHORS,
  N_PROPS
};

#define FIRST_STRING PROP_URL
#define N_STRINGS    (PROP_AUTHORS - FIRST_STRING)
#define SLOT(prop)   ((prop) - FIRST_STRING)

static const char * const string_property_names[N_STRINGS] = {
  "url",
  "site-name",
  "published",
  "modified",
  "language",
  "description",
  "captured",
  "file",
  "file-sha256",
  "extractor",
  "extractor-version",
};

struct _GlossProvenance
{
  GObject parent_instance;

  char *strings[N_STRINGS];
  char **authors;
};

G_DEFINE_FINAL_TYPE (GlossProvenance, gloss_provenance, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
gloss_provenance_finalize (GObject *object)
{
  GlossProvenance *self = GLOSS_PROVENANCE (object);

  for (guint i = 0; i < N_STRINGS; i++)
    g_free (self->strings[i]);
  g_strfreev (self->authors);

  G_OBJECT_CLASS (gloss_provenance_parent_class)->finalize (object);
}

static void
set_string (GlossProvenance *self,
            guint            prop,
            const char      *value)
{
  char **field = &self->strings[SLOT (prop)];

  if (value == NULL)
    value = "";
  if (g_str_equal (*field, value))
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static gboolean
authors_equal (const char * const *a,
               const char * const *b)
{
  for (; *a != NULL && *b != NULL; a++, b++)
    if (!g_str_equal (*a, *b))
      return FALSE;

  return *a == NULL && *b == NULL;
}

static void
gloss_provenance_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GlossProvenance *self = GLOSS_PROVENANCE (object);

  if (prop_id >= FIRST_STRING && prop_id < PROP_AUTHORS)
    g_value_set_string (value, self->strings[SLOT (prop_id)]);
  else if (prop_id == PROP_AUTHORS)
    g_value_set_boxed (value, self->authors);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
gloss_provenance_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GlossProvenance *self = GLOSS_PROVENANCE (object);

  if (prop_id >= FIRST_STRING && prop_id < PROP_AUTHORS)
    set_string (self, prop_id, g_value_get_string (value));
  else if (prop_id == PROP_AUTHORS)
    gloss_provenance_set_authors (self, g_value_get_boxed (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
gloss_provenance_class_init (GlossProvenanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_provenance_finalize;
  object_class->get_property = gloss_provenance_get_property;
  object_class->set_property = gloss_provenance_set_property;

  for (guint prop = FIRST_STRING; prop < PROP_AUTHORS; prop++)
    properties[prop] =
      g_param_spec_string (string_property_names[SLOT (prop)], NULL, NULL, "",
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHORS] =
    g_param_spec_boxed ("authors", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_provenance_init (GlossProvenance *self)
{
  for (guint i = 0; i < N_STRINGS; i++)
    self->strings[i] = g_strdup ("");
  self->authors = g_new0 (char *, 1);
}

GlossProvenance *
gloss_provenance_new (void)
{
  return g_object_new (GLOSS_TYPE_PROVENANCE, NULL);
}

GlossProvenance *
gloss_provenance_copy (GlossProvenance *self)
{
  GlossProvenance *copy;

  g_return_val_if_fail (GLOSS_IS_PROVENANCE (self), NULL);

  copy = gloss_provenance_new ();
  for (guint i = 0; i < N_STRINGS; i++)
    {
      g_free (copy->strings[i]);
      copy->strings[i] = g_strdup (self->strings[i]);
    }
  g_strfreev (copy->authors);
  copy->authors = g_strdupv (self->authors);

  return copy;
}

void
gloss_provenance_assign (GlossProvenance *self,
                         GlossProvenance *source)
{
  static const char * const no_authors[] = { NULL };

  g_return_if_fail (GLOSS_IS_PROVENANCE (self));
  g_return_if_fail (source == NULL || GLOSS_IS_PROVENANCE (source));

  if (source == self)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  for (guint prop = FIRST_STRING; prop < PROP_AUTHORS; prop++)
    set_string (self, prop, source != NULL ? source->strings[SLOT (prop)] : "");
  gloss_provenance_set_authors (self,
                                source != NULL ? (const char * const *) source->authors
                                               : no_authors);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
gloss_provenance_equal (GlossProvenance *a,
                        GlossProvenance *b)
{
  g_return_val_if_fail (GLOSS_IS_PROVENANCE (a), FALSE);
  g_return_val_if_fail (GLOSS_IS_PROVENANCE (b), FALSE);

  for (guint i = 0; i < N_STRINGS; i++)
    if (!g_str_equal (a->strings[i], b->strings[i]))
      return FALSE;

  return authors_equal ((const char * const *) a->authors,
                        (const char * const *) b->authors);
}

gboolean
gloss_provenance_is_empty (GlossProvenance *self)
{
  g_return_val_if_fail (GLOSS_IS_PROVENANCE (self), TRUE);

  for (guint i = 0; i < N_STRINGS; i++)
    if (self->strings[i][0] != '\0')
      return FALSE;

  return self->authors[0] == NULL;
}

const char * const *
gloss_provenance_get_authors (GlossProvenance *self)
{
  g_return_val_if_fail (GLOSS_IS_PROVENANCE (self), NULL);
  return (const char * const *) self->authors;
}

void
gloss_provenance_set_authors (GlossProvenance    *self,
                              const char * const *authors)
{
  static const char * const no_authors[] = { NULL };

  g_return_if_fail (GLOSS_IS_PROVENANCE (self));

  if (authors == NULL)
    authors = no_authors;
  if (authors_equal ((const char * const *) self->authors, authors))
    return;

  g_strfreev (self->authors);
  self->authors = g_strdupv ((char **) authors);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHORS]);
}

#define STRING_ACCESSORS(name, PROP)                                          \
const char *                                                                  \
gloss_provenance_get_##name (GlossProvenance *self)                           \
{                                                                             \
  g_return_val_if_fail (GLOSS_IS_PROVENANCE (self), NULL);                    \
  return self->strings[SLOT (PROP)];                                          \
}                                                                             \
                                                                              \
void                                                                          \
gloss_provenance_set_##name (GlossProvenance *self,                           \
                             const char      *value)                          \
{                                                                             \
  g_return_if_fail (GLOSS_IS_PROVENANCE (self));                              \
  set_string (self, PROP, value);                                             \
}

STRING_ACCESSORS (url, PROP_URL)
STRING_ACCESSORS (site_name, PROP_SITE_NAME)
STRING_ACCESSORS (published, PROP_PUBLISHED)
STRING_ACCESSORS (modified, PROP_MODIFIED)
STRING_ACCESSORS (language, PROP_LANGUAGE)
STRING_ACCESSORS (description, PROP_DESCRIPTION)
STRING_ACCESSORS (captured, PROP_CAPTURED)
STRING_ACCESSORS (file, PROP_FILE)
STRING_ACCESSORS (file_sha256, PROP_FILE_SHA256)
STRING_ACCESSORS (extractor, PROP_EXTRACTOR)
STRING_ACCESSORS (extractor_version, PROP_EXTRACTOR_VERSION)

static gboolean
is_sha256 (const char *text)
{
  gsize i;

  for (i = 0; text[i] != '\0'; i++)
    if (!g_ascii_isdigit (text[i]) && !(text[i] >= 'a' && text[i] <= 'f'))
      return FALSE;

  return i == 64;
}

/* A language tag in the shape of BCP 47: letters, then subtags of letters
 * and digits, 1–8 characters each, joined by hyphens ("en", "pt-BR",
 * "zh-Hant-TW"). The registry itself is not consulted. */
static gboolean
looks_like_language_tag (const char *tag)
{
  guint run = 0;
  gboolean first = TRUE;

  for (const char *p = tag; ; p++)
    {
      if (*p == '-' || *p == '\0')
        {
          if (run == 0 || run > 8 || (first && run < 2))
            return FALSE;
          if (*p == '\0')
            return TRUE;
          run = 0;
          first = FALSE;
        }
      else if (g_ascii_isalpha (*p) || (!first && g_ascii_isdigit (*p)))
        run++;
      else
        return FALSE;
    }
}

const char *
gloss_provenance_check_value (const char *member,
                              const char *value)
{
  g_return_val_if_fail (member != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  if (*value == '\0')
    return _("must be left out rather than empty");
  if (g_str_equal (member, "url") && g_uri_peek_scheme (value) == NULL)
    return _("is not an absolute address (like https://example.org/page)");
  if (g_str_equal (member, "file") && strpbrk (value, "/\\") != NULL)
    return _("must be a file name alone, without folders");
  if (g_str_equal (member, "file_sha256") && !is_sha256 (value))
    return _("is not a SHA-256 (64 lower-case hexadecimal digits)");
  if (g_str_equal (member, "language") && !looks_like_language_tag (value))
    return _("is not a language tag (like en, fr-CA or zh-Hant)");

  return NULL;
}
