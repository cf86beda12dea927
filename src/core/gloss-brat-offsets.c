/* gloss-brat-offsets.c — Gloss offsets and brat's, where a CRLF counts as one character
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gloss-brat-offsets.h"

struct _GlossBratOffsets {
  GArray *cr_at;  /* guint: the Gloss offset of each CRLF's CR, ascending */
};

GlossBratOffsets *
_gloss_brat_offsets_new (const char *text)
{
  GlossBratOffsets *self = g_new0 (GlossBratOffsets, 1);
  guint offset = 0;

  self->cr_at = g_array_new (FALSE, FALSE, sizeof (guint));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), offset++)
    if (p[0] == '\r' && p[1] == '\n')
      g_array_append_val (self->cr_at, offset);

  return self;
}

void
_gloss_brat_offsets_free (GlossBratOffsets *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->cr_at);
  g_free (self);
}

gboolean
_gloss_brat_offsets_has_crlf (const GlossBratOffsets *self)
{
  return self->cr_at->len > 0;
}

/* The number of CRLFs whose CR stands before @offset, in Gloss's counting
 * or (@brat_counting) in brat's: there the i-th CR (from 0) stands at its
 * Gloss offset less the i CRLFs before it. */
static guint
crlfs_before (const GlossBratOffsets *self,
              guint                   offset,
              gboolean                brat_counting)
{
  guint low = 0;
  guint high = self->cr_at->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      guint at = g_array_index (self->cr_at, guint, middle) - (brat_counting ? middle : 0);

      if (at < offset)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

guint
_gloss_brat_offsets_to_brat (const GlossBratOffsets *self,
                             guint                   offset)
{
  return offset - crlfs_before (self, offset, FALSE);
}

guint
_gloss_brat_offsets_from_brat (const GlossBratOffsets *self,
                               guint                   offset)
{
  return offset + crlfs_before (self, offset, TRUE);
}
