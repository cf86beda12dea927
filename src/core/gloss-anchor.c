/* gloss-anchor.c — being written */

#include <string.h>

#include "gloss.h"

/* Placeholder until anchoring lands: everything stays where it was. */
GlossAnchorText *
gloss_anchor_text_new (const char *utf8,
                       gssize      length)
{
  return (GlossAnchorText *) g_strndup (utf8, length < 0 ? strlen (utf8) : (gsize) length);
}

void
gloss_anchor_text_free (GlossAnchorText *text)
{
  g_free (text);
}

GlossAnchorState
gloss_anchor_locate (GlossAnchorText           *text,
                     const GlossAnchorSelector *selector,
                     GlossOffset               *out_start,
                     GlossOffset               *out_end)
{
  *out_start = selector->start;
  *out_end = selector->end;
  return GLOSS_ANCHOR_ANCHORED;
}
