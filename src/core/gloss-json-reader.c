/* gloss-json-reader.c — a compact JSON tree built in one strict pass
 *
 * Values wait on one stack until their container closes; then they move,
 * in one copy, into a block of the arena and the container becomes one
 * value on the stack. Nothing is allocated per value, which is what made
 * json-glib's tree cost eight times the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "gloss-json-builder-private.h"
#include "gloss-json-reader.h"

#define BLOCK_SIZE (4 * 1024 * 1024)

typedef struct
{
  const char *name;      /* of the container itself, when a member */
  guint       start;     /* its first value on the stack */
  guint32     type;
} Frame;

struct _GlossJsonBuilder
{
  GPtrArray  *blocks;     /* the arena */
  char       *free_at;
  gsize       free_left;

  /* Values of the open containers. Not a GArray: appending is what the
   * reader does most, and GLib's is a call each time. */
  GlossJsonMember *stack;
  guint            n_stack;
  guint            stack_size;
  GArray     *frames;     /* Frame */
  const char *name;       /* the member name waiting for its value */
};

GlossJsonBuilder *
gloss_json_builder_new (void)
{
  GlossJsonBuilder *self = g_new0 (GlossJsonBuilder, 1);

  self->blocks = g_ptr_array_new_with_free_func (g_free);
  self->stack_size = 256;
  self->stack = g_new (GlossJsonMember, self->stack_size);
  self->frames = g_array_sized_new (FALSE, FALSE, sizeof (Frame), 16);

  return self;
}

void
gloss_json_builder_free (GlossJsonBuilder *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->blocks);
  g_free (self->stack);
  g_array_unref (self->frames);
  g_free (self);
}

static gpointer
arena_alloc (GlossJsonBuilder *self,
             gsize             size)
{
  gpointer out;

  size = (size + 7) & ~(gsize) 7;

  /* Large pieces (a document's text) get a block of their own, so that
   * the current block's free space is not thrown away. */
  if (size > BLOCK_SIZE / 4)
    {
      out = g_malloc (size);
      g_ptr_array_add (self->blocks, out);
      return out;
    }

  if (size > self->free_left)
    {
      self->free_at = g_malloc (BLOCK_SIZE);
      gloss_json_advise_huge_pages (self->free_at, BLOCK_SIZE);
      self->free_left = BLOCK_SIZE;
      g_ptr_array_add (self->blocks, self->free_at);
    }

  out = self->free_at;
  self->free_at += size;
  self->free_left -= size;

  return out;
}

static inline void
push (GlossJsonBuilder    *self,
      const GlossJsonNode *node)
{
  if (G_UNLIKELY (self->n_stack == self->stack_size))
    {
      self->stack_size *= 2;
      self->stack = g_renew (GlossJsonMember, self->stack, self->stack_size);
    }

  self->stack[self->n_stack].name = self->name;
  self->stack[self->n_stack].value = *node;
  self->n_stack++;
  self->name = NULL;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return c - 'A' + 10;
}

static gunichar
hex4 (const char *p)
{
  return (gunichar) (hex_value (p[0]) << 12 | hex_value (p[1]) << 8 |
                     hex_value (p[2]) << 4 | hex_value (p[3]));
}

gsize
gloss_json_decode_string (const char *raw,
                          gsize       length,
                          char       *out)
{
  const char *p = raw;
  const char *end = raw + length;
  char *o = out;

  while (p < end)
    {
      const char *escape = memchr (p, '\\', (gsize) (end - p));
      gunichar unit;

      if (escape == NULL)
        escape = end;
      memcpy (o, p, (gsize) (escape - p));
      o += escape - p;
      p = escape;
      if (p >= end)
        break;

      switch (p[1])
        {
        case 'b': *o++ = '\b'; p += 2; break;
        case 'f': *o++ = '\f'; p += 2; break;
        case 'n': *o++ = '\n'; p += 2; break;
        case 'r': *o++ = '\r'; p += 2; break;
        case 't': *o++ = '\t'; p += 2; break;
        case 'u':
          unit = hex4 (p + 2);
          p += 6;
          /* The scan made sure a pair is whole. */
          if (unit >= 0xD800 && unit <= 0xDBFF)
            {
              unit = 0x10000 + ((unit - 0xD800) << 10) + (hex4 (p + 2) - 0xDC00);
              p += 6;
            }
          o += g_unichar_to_utf8 (unit, o);
          break;
        default:  /* \" \\ \/ */
          *o++ = p[1];
          p += 2;
          break;
        }
    }

  *o = '\0';
  return (gsize) (o - out);
}

/* An escape is never shorter than what it stands for (\uXXXX is six bytes
 * for at most three, a pair twelve for four): decoding fits in @length. */
static const char *
take_string (GlossJsonBuilder *self,
             char             *raw,
             gsize             length,
             gboolean          has_escapes,
             gsize            *out_length)
{
  char *decoded;

  if (!has_escapes)
    {
      raw[length] = '\0';
      *out_length = length;
      return raw;
    }

  decoded = arena_alloc (self, length + 1);
  *out_length = gloss_json_decode_string (raw, length, decoded);
  return decoded;
}

void
gloss_json_builder_string (GlossJsonBuilder *self,
                           char             *raw,
                           gsize             length,
                           gboolean          has_escapes)
{
  GlossJsonNode node = { GLOSS_JSON_STRING, 0, { 0 } };
  gsize decoded_length;

  node.v.string = take_string (self, raw, length, has_escapes, &decoded_length);
  node.length = (guint32) decoded_length;
  push (self, &node);
}

const char *
gloss_json_builder_member (GlossJsonBuilder *self,
                           char             *raw,
                           gsize             length,
                           gboolean          has_escapes)
{
  gsize decoded_length;

  self->name = take_string (self, raw, length, has_escapes, &decoded_length);
  return self->name;
}

void
gloss_json_builder_number (GlossJsonBuilder *self,
                           const char       *text,
                           gsize             length,
                           gboolean          integral)
{
  GlossJsonNode node = { GLOSS_JSON_INT, 0, { 0 } };
  char buffer[64];
  g_autofree char *copy = NULL;
  const char *p = text;

  if (integral && length <= 18)
    {
      gboolean negative = *p == '-';
      gint64 value = 0;

      /* At most 18 digits: no overflow. */
      for (p += negative; p < text + length; p++)
        value = value * 10 + (*p - '0');
      node.v.integer = negative ? -value : value;
      push (self, &node);
      return;
    }

  /* The text is not terminated where it ends. */
  if (length < sizeof buffer)
    {
      memcpy (buffer, text, length);
      buffer[length] = '\0';
      p = buffer;
    }
  else
    p = copy = g_strndup (text, length);

  if (integral)
    node.v.integer = g_ascii_strtoll (p, NULL, 10);
  else
    {
      node.type = GLOSS_JSON_DOUBLE;
      node.v.number = g_ascii_strtod (p, NULL);
    }
  push (self, &node);
}

void
gloss_json_builder_boolean (GlossJsonBuilder *self,
                            gboolean          value)
{
  GlossJsonNode node = { GLOSS_JSON_BOOLEAN, 0, { 0 } };

  node.v.boolean = value;
  push (self, &node);
}

void
gloss_json_builder_null (GlossJsonBuilder *self)
{
  GlossJsonNode node = { GLOSS_JSON_NULL, 0, { 0 } };

  push (self, &node);
}

void
gloss_json_builder_begin (GlossJsonBuilder *self,
                          GlossJsonType     container)
{
  Frame frame = { self->name, self->n_stack, container };

  self->name = NULL;
  g_array_append_val (self->frames, frame);
}

void
gloss_json_builder_end (GlossJsonBuilder *self)
{
  Frame frame;
  GlossJsonNode node = { 0 };
  GlossJsonMember *values;
  guint n;

  g_return_if_fail (self->frames->len > 0);

  frame = g_array_index (self->frames, Frame, self->frames->len - 1);
  g_array_set_size (self->frames, self->frames->len - 1);

  n = self->n_stack - frame.start;
  values = &self->stack[frame.start];
  node.type = frame.type;
  node.length = n;

  if (frame.type == GLOSS_JSON_OBJECT)
    {
      node.v.members = n > 0 ? arena_alloc (self, n * sizeof (GlossJsonMember)) : NULL;
      if (n > 0)
        memcpy (node.v.members, values, n * sizeof (GlossJsonMember));
    }
  else
    {
      node.v.elements = n > 0 ? arena_alloc (self, n * sizeof (GlossJsonNode)) : NULL;
      for (guint i = 0; i < n; i++)
        node.v.elements[i] = values[i].value;
    }

  self->n_stack = frame.start;
  self->name = frame.name;
  push (self, &node);
}

const GlossJsonNode *
gloss_json_builder_get_root (GlossJsonBuilder *self)
{
  g_return_val_if_fail (self->frames->len == 0 && self->n_stack == 1, NULL);

  return &self->stack[0].value;
}

const GlossJsonNode *
gloss_json_object_get (const GlossJsonNode *object,
                       const char          *name,
                       guint               *hint)
{
  guint n = object->length;
  guint first = hint != NULL && *hint < n ? *hint : 0;

  for (guint k = 0; k < n; k++)
    {
      guint i = first + k < n ? first + k : first + k - n;
      const GlossJsonMember *member = &object->v.members[i];

      if (member->name[0] == name[0] && strcmp (member->name, name) == 0)
        {
          if (hint != NULL)
            *hint = i + 1;
          return &member->value;
        }
    }

  return NULL;
}

void
gloss_json_advise_huge_pages (gpointer data,
                              gsize    size)
{
#ifdef MADV_HUGEPAGE
  const gsize huge = 2 * 1024 * 1024;
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  guintptr start = ((guintptr) data + page - 1) & ~(guintptr) (page - 1);
  guintptr end = ((guintptr) data + size) & ~(guintptr) (page - 1);

  if (size >= 2 * huge && end > start)
    (void) madvise ((gpointer) start, end - start, MADV_HUGEPAGE);
#endif
}
