/* gloss-timestamp.c — the one form of time a project file holds, read
 * and written
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

/* The proleptic Gregorian date of day @days since 1970-01-01 (the
 * well-known civil-from-days algorithm, in eras of 400 years). */
static void
civil_from_days (gint64  days,
                 int    *year,
                 int    *month,
                 int    *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;

  *day = (int) (doy - (153 * mp + 2) / 5 + 1);
  *month = (int) (mp < 10 ? mp + 3 : mp - 9);
  *year = (int) (yoe + era * 400 + (*month <= 2));
}

static void
put_digits (char *out,
            int   value,
            guint width)
{
  for (guint i = width; i > 0; i--)
    {
      out[i - 1] = (char) ('0' + value % 10);
      value /= 10;
    }
}

/* Not g_date_time_format (): its %Y does not pad years before 1000,
 * which ISO 8601 readers (GLib's included) then refuse. */
gboolean
gloss_timestamp_format (gint64  seconds,
                        int     usec,
                        char   *out)
{
  gint64 days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
  int in_day = (int) (seconds - days * 86400);
  int year, month, day;

  civil_from_days (days, &year, &month, &day);
  if (year < 1 || year > 9999)
    return FALSE;
  put_digits (out, year, 4);
  out[4] = '-';
  put_digits (out + 5, month, 2);
  out[7] = '-';
  put_digits (out + 8, day, 2);
  out[10] = 'T';
  put_digits (out + 11, in_day / 3600, 2);
  out[13] = ':';
  put_digits (out + 14, in_day / 60 % 60, 2);
  out[16] = ':';
  put_digits (out + 17, in_day % 60, 2);
  out[19] = '.';
  put_digits (out + 20, usec, 6);
  out[26] = 'Z';
  out[27] = '\0';
  return TRUE;
}
