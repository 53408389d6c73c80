/* amends-office-hours.c: a site's office hours, and a target counted in them
 *
 * A category can say that its recovery clock runs in office hours only
 * ("billing: office hours only"): a billing case logged on Friday at 16:00
 * with a 4 h target, in an office open Monday to Friday 9:00–17:00, has
 * one hour on Friday and three on Monday, and is due on Monday at 12:00.
 *
 *   due = the moment at which @seconds of open time have passed since
 *         @start, open time being the union of the spans of each day.
 *
 * A start inside a span counts from the start; one outside waits for the
 * next opening.  A due time that falls exactly on a closing is that
 * closing, not the next opening.  With no spans at all (the site keeps no
 * office hours) the clock always runs: due = start + seconds.
 *
 * Time zones and daylight saving: the spans are wall-clock readings in
 * @zone (the site's local time), each worked out for its own day with
 * GDateTime, and the time between an opening and a closing is real
 * elapsed time.  So an office open 9:00–17:00 counts 8 h on an ordinary
 * day, 7 h if the clocks go forward inside those hours, 9 h if they go
 * back; a reading that does not exist on the day the clocks go forward
 * (2:30 in most of Europe) is moved past the gap, as GDateTime does.
 * Days are stepped on the calendar (GDate), never by adding 24 h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-office-hours"

#include "config.h"

#include "amends-office-hours.h"

/* At most a hundred years of days are looked at: a target that does not
 * fit in them (a minute a week, say) falls back to the running clock. */
#define MAX_DAYS (366 * 100)

static gboolean
span_is_valid (const AmendsOfficeSpan *span)
{
  return span->weekday >= 1 && span->weekday <= 7 &&
         span->opens >= 0 && span->closes <= 24 * 60 && span->opens < span->closes;
}

/**
 * amends_office_hours_is_set:
 *
 * Returns: whether the office is open at some time of the week
 */
gboolean
amends_office_hours_is_set (const AmendsOfficeSpan *spans,
                            guint                   n_spans)
{
  for (guint i = 0; i < n_spans; i++)
    if (span_is_valid (&spans[i]))
      return TRUE;

  return FALSE;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const AmendsOfficeSpan *sa = a;
  const AmendsOfficeSpan *sb = b;

  if (sa->weekday != sb->weekday)
    return sa->weekday - sb->weekday;
  return sa->opens - sb->opens;
}

/* @minute of @date in @zone; 1440 is the next day's midnight. */
static GDateTime *
at_minute (GTimeZone   *zone,
           const GDate *date,
           int          minute)
{
  g_autoptr(GDateTime) midnight = NULL;

  if (minute < 24 * 60)
    return g_date_time_new (zone, g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date), minute / 60, minute % 60, 0);

  midnight = g_date_time_new (zone, g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 0, 0, 0);
  return g_date_time_add_days (midnight, 1);
}

/**
 * amends_office_hours_add:
 * @start: when the clock starts (when the breakdown happened)
 * @seconds: the target, in open time
 * @zone: the site's time zone, in which the spans are read
 * @spans: (array length=n_spans): the office hours, in any order
 *
 * Returns: (transfer full): when @seconds of open time have passed since
 *   @start; see the top of this file
 */
GDateTime *
amends_office_hours_add (GDateTime              *start,
                         gint64                  seconds,
                         GTimeZone              *zone,
                         const AmendsOfficeSpan *spans,
                         guint                   n_spans)
{
  g_autoptr(GArray) sorted = NULL;
  g_autoptr(GDateTime) cursor = NULL;
  GTimeSpan left = seconds * G_TIME_SPAN_SECOND;
  GDate date;

  g_return_val_if_fail (start != NULL, NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  if (seconds <= 0 || !amends_office_hours_is_set (spans, n_spans))
    return g_date_time_add (start, left);

  sorted = g_array_sized_new (FALSE, FALSE, sizeof (AmendsOfficeSpan), n_spans);
  for (guint i = 0; i < n_spans; i++)
    if (span_is_valid (&spans[i]))
      g_array_append_val (sorted, spans[i]);
  g_array_sort (sorted, compare_spans);

  cursor = g_date_time_to_timezone (start, zone);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (cursor),
                  g_date_time_get_month (cursor), g_date_time_get_year (cursor));

  for (guint day = 0; day < MAX_DAYS; day++, g_date_add_days (&date, 1))
    {
      int weekday = g_date_get_weekday (&date);  /* G_DATE_MONDAY is 1 */

      for (guint i = 0; i < sorted->len; i++)
        {
          const AmendsOfficeSpan *span = &g_array_index (sorted, AmendsOfficeSpan, i);
          g_autoptr(GDateTime) opens = NULL;
          g_autoptr(GDateTime) closes = NULL;
          GDateTime *begin;
          GTimeSpan open_for;

          if (span->weekday != weekday)
            continue;

          opens = at_minute (zone, &date, span->opens);
          closes = at_minute (zone, &date, span->closes);
          /* Overlapping spans are counted once: the cursor has passed
           * what an earlier one counted. */
          begin = g_date_time_compare (opens, cursor) > 0 ? opens : cursor;
          open_for = g_date_time_difference (closes, begin);
          if (open_for <= 0)
            continue;

          if (left <= open_for)
            return g_date_time_add (begin, left);

          left -= open_for;
          g_date_time_unref (cursor);
          cursor = g_steal_pointer (&closes);
        }
    }

  return g_date_time_add (start, seconds * G_TIME_SPAN_SECOND);
}
