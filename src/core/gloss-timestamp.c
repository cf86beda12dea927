/* gloss-timestamp.c — the one form of time a project file holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-timestamp.h"

static int
two_digits (const char *p)
{
  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
    return -1;
  return (p[0] - '0') * 10 + (p[1] - '0');
}

/* The form Gloss writes, 2024-05-01T09:30:00.000000Z, without GLib's
 * general ISO 8601 parser (which builds a time zone for each), or NULL
 * for any other form or a date that does not exist. Whole seconds and
 * microseconds are added apart, so the value is exact. */
GDateTime *
gloss_timestamp_parse (const char *text)
{
  g_autoptr(GDateTime) whole = NULL;
  int year, month, day, hour, minute, second;
  int usec = 0;

  if (strlen (text) != 27 ||
      text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text[19] != '.' || text[26] != 'Z')
    return NULL;

  if (two_digits (text) < 0 || two_digits (text + 2) < 0)
    return NULL;
  year = two_digits (text) * 100 + two_digits (text + 2);
  month = two_digits (text + 5);
  day = two_digits (text + 8);
  hour = two_digits (text + 11);
  minute = two_digits (text + 14);
  second = two_digits (text + 17);
  for (guint i = 20; i < 26; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return NULL;
      usec = usec * 10 + (text[i] - '0');
    }

  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31 ||
      hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return NULL;

  whole = g_date_time_new_utc (year, month, day, hour, minute, second);
  if (whole == NULL)
    return NULL;

  return g_date_time_add (whole, usec);
}

