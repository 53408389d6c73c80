/* amends-csv-dates.c: the dates of an imported file, as other programs write them
 *
 * Besides ISO 8601: 2026-11-18, 2026/11/18, 18.11.2026 (dots are only
 * ever day first), and 18/11/2026 or 11/18/2026, which only the file as a
 * whole can tell apart (amends_csv_dates_scan()); each with an optional
 * time, "14:05", "14:05:30" or "2:05 PM".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-csv-dates"

#include "config.h"

#include "amends-csv-dates.h"

#include <string.h>

#include "amends-csv-reader.h"

typedef struct
{
  int      first, second, third;    /* as written */
  gboolean year_first;
  gboolean day_first;
  gboolean needs_order;             /* 01/02/2026: day or month first? */
  int      hour, minute;
  double   seconds;
} DateText;

/* 1 to @max_digits digits, and no more. */
static gboolean
scan_number (const char **p,
             guint        max_digits,
             int         *value,
             guint       *n_digits)
{
  guint n = 0;
  int v = 0;

  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      v = v * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  if (n == 0 || g_ascii_isdigit (**p))
    return FALSE;

  *value = v;
  if (n_digits != NULL)
    *n_digits = n;
  return TRUE;
}

static gboolean
scan_clock (const char *p,
            DateText   *date)
{
  while (*p == ' ' || *p == 'T')
    p++;
  if (*p == '\0')
    return TRUE;

  if (!scan_number (&p, 2, &date->hour, NULL) || *p++ != ':' ||
      !scan_number (&p, 2, &date->minute, NULL))
    return FALSE;

  if (*p == ':')
    {
      int whole = 0;

      p++;
      if (!scan_number (&p, 2, &whole, NULL))
        return FALSE;
      date->seconds = whole;
      if (*p == '.' || *p == ',')
        {
          double scale = 0.1;

          p++;
          if (!g_ascii_isdigit (*p))
            return FALSE;
          for (; g_ascii_isdigit (*p); p++, scale /= 10)
            date->seconds += (*p - '0') * scale;
        }
    }

  while (*p == ' ')
    p++;
  if (g_ascii_strcasecmp (p, "PM") == 0 && date->hour >= 1 && date->hour <= 12)
    date->hour = date->hour % 12 + 12;
  else if (g_ascii_strcasecmp (p, "AM") == 0 && date->hour >= 1 && date->hour <= 12)
    date->hour = date->hour % 12;
  else if (*p != '\0')
    return FALSE;

  return TRUE;
}

static gboolean
scan_date_text (const char *text,
                DateText   *date)
{
  const char *p = text;
  guint first_digits = 0, third_digits = 0;
  char sep;

  memset (date, 0, sizeof *date);

  if (!scan_number (&p, 4, &date->first, &first_digits))
    return FALSE;
  sep = *p++;
  if (sep != '-' && sep != '/' && sep != '.')
    return FALSE;
  if (!scan_number (&p, 2, &date->second, NULL) || *p++ != sep ||
      !scan_number (&p, 4, &date->third, &third_digits))
    return FALSE;

  if (first_digits > 2)
    date->year_first = TRUE;
  else if (sep == '.')
    date->day_first = TRUE;
  else if (sep == '-' && third_digits < 3)
    date->year_first = TRUE;      /* 26-11-18, as it always was read */
  else
    date->needs_order = TRUE;

  return scan_clock (p, date);
}

static GDateTime *
date_text_to_time (const DateText     *date,
                   AmendsCsvDateOrder  order,
                   GTimeZone          *zone)
{
  int year, month, day;

  if (date->year_first)
    year = date->first, month = date->second, day = date->third;
  else if (date->day_first || order == AMENDS_CSV_DATE_ORDER_DAY_FIRST)
    day = date->first, month = date->second, year = date->third;
  else if (order == AMENDS_CSV_DATE_ORDER_MONTH_FIRST)
    month = date->first, day = date->second, year = date->third;
  else
    return NULL;

  if (year < 100)
    year += 2000;

  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy (day, month, year) ||
      date->hour < 0 || date->hour > 23 || date->minute < 0 || date->minute > 59 ||
      date->seconds < 0 || date->seconds >= 60)
    return NULL;

  return g_date_time_new (zone, year, month, day, date->hour, date->minute, date->seconds);
}

GDateTime *
amends_csv_parse_time (const char         *text,
                       AmendsCsvDateOrder  order,
                       GTimeZone          *zone)
{
  g_autofree char *iso = g_strdup (text);
  GDateTime *time;
  DateText date;

  if (strlen (iso) > 10 && iso[10] == ' ')
    iso[10] = 'T';
  if ((time = g_date_time_new_from_iso8601 (iso, zone)) != NULL)
    return time;

  if (!scan_date_text (text, &date))
    return NULL;

  return date_text_to_time (&date, order, zone);
}

/* The order of the file's day/month dates, from all of its cells (the
 * columns' fields may not be chosen yet): a first number over 12 can
 * only be a day, a second one over 12 only a day too. */
void
amends_csv_dates_scan (AmendsCsvDates *dates,
                       GPtrArray      *rows)
{
  for (guint r = 0; r < rows->len; r++)
    {
      AmendsCsvRow *row = rows->pdata[r];

      for (guint c = 0; row->fields[c] != NULL; c++)
        {
          const char *text = row->fields[c];
          DateText date;

          while (g_ascii_isspace (*text))
            text++;
          if (!g_ascii_isdigit (*text) || !scan_date_text (text, &date) || !date.needs_order ||
              date.first < 1 || date.second < 1 || date.first > 31 || date.second > 31)
            continue;

          if (date.first > 12 && date.second <= 12)
            {
              if (dates->day_first_line == 0)
                {
                  dates->day_first_line = row->line;
                  dates->day_first_text = g_strchomp (g_strdup (text));
                }
            }
          else if (date.second > 12 && date.first <= 12)
            {
              if (dates->month_first_line == 0)
                {
                  dates->month_first_line = row->line;
                  dates->month_first_text = g_strchomp (g_strdup (text));
                }
            }
          else if (date.first <= 12 && date.second <= 12 && dates->ambiguous_line == 0)
            {
              dates->ambiguous_line = row->line;
              dates->ambiguous_text = g_strchomp (g_strdup (text));
            }
        }
    }
}

/* The order the file's day/month dates are read in: the person's choice,
 * else what the file shows, else what the format always writes. */
AmendsCsvDateOrder
amends_csv_dates_get_order (const AmendsCsvDates *dates,
                            AmendsCsvDateOrder    said,
                            AmendsCsvFormat       format)
{
  if (said != AMENDS_CSV_DATE_ORDER_UNKNOWN)
    return said;
  if (dates->day_first_line != 0 && dates->month_first_line == 0)
    return AMENDS_CSV_DATE_ORDER_DAY_FIRST;
  if (dates->month_first_line != 0 && dates->day_first_line == 0)
    return AMENDS_CSV_DATE_ORDER_MONTH_FIRST;
  /* The bureau writes its dates month first, always. */
  if (format == AMENDS_CSV_FORMAT_CFPB)
    return AMENDS_CSV_DATE_ORDER_MONTH_FIRST;
  return AMENDS_CSV_DATE_ORDER_UNKNOWN;
}

void
amends_csv_dates_clear (AmendsCsvDates *dates)
{
  dates->day_first_line = dates->month_first_line = dates->ambiguous_line = 0;
  g_clear_pointer (&dates->day_first_text, g_free);
  g_clear_pointer (&dates->month_first_text, g_free);
  g_clear_pointer (&dates->ambiguous_text, g_free);
}
