/* amends-when-format.c: writing "when it happened" so that it reads back
 *
 * amends_when_format() writes the inverse of amends_when_parse() for an
 * entry: "now" (when @when is in the same minute as @now), "today 14:30",
 * "yesterday 09:15", else "2026-11-18 09:30", so that parsing what it wrote
 * gives the same minute.  (In the hour the clocks repeat, it adds the
 * offset: "2026-10-25 02:30+02:00".)  A time more than five minutes ahead
 * is written all the same, but reading it back is refused as the future.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-when-format"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-when.h"
#include "amends-when-private.h"

static gint64
unix_minute (GDateTime *time)
{
  gint64 seconds = g_date_time_to_unix (time);

  return seconds >= 0 ? seconds / 60 : (seconds - 59) / 60;
}

/* Whether writing @local's clock reading is enough to find it again: it is
 * not in the hour that the clocks repeat when they go back. */
static gboolean
reads_back (GDateTime *local)
{
  g_autoptr(GDateTime) back = NULL;

  back = g_date_time_new (g_date_time_get_timezone (local),
                          g_date_time_get_year (local), g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local),
                          g_date_time_get_hour (local), g_date_time_get_minute (local), 0);

  return back != NULL && unix_minute (back) == unix_minute (local);
}

static char *
format_date_time (GDateTime *local,
                  gboolean   with_offset)
{
  g_autofree char *text = NULL;
  int offset = (int) (g_date_time_get_utc_offset (local) / G_TIME_SPAN_MINUTE);

  text = g_strdup_printf ("%04d-%02d-%02d %02d:%02d",
                          g_date_time_get_year (local), g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local),
                          g_date_time_get_hour (local), g_date_time_get_minute (local));
  if (!with_offset)
    return g_steal_pointer (&text);

  return g_strdup_printf ("%s%c%02d:%02d", text, offset < 0 ? '-' : '+',
                          ABS (offset) / 60, ABS (offset) % 60);
}

/**
 * amends_when_format:
 * @when: the time to write
 * @now: the present, in the time zone to write in
 *
 * In the hour that the clocks repeat when they go back, the time is written
 * with its offset ("2026-10-25 02:30+02:00"), which alone tells the two
 * readings apart.
 *
 * Returns: (transfer full): @when as amends_when_parse() reads it back to
 *   the same minute
 */
char *
amends_when_format (GDateTime *when,
                    GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDate) today = NULL;
  g_autoptr(GDate) day = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *word = NULL;
  int days_back;

  g_return_val_if_fail (when != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (unix_minute (when) == unix_minute (now))
    return amends_when_first_word (WORDS_NOW);

  local = g_date_time_to_timezone (when, g_date_time_get_timezone (now));
  if (!reads_back (local))
    return format_date_time (local, TRUE);

  today = amends_when_local_date (now, 0);
  day = amends_when_local_date (local, 0);
  days_back = g_date_days_between (day, today);
  if (days_back != 0 && days_back != 1)
    return format_date_time (local, FALSE);

  word = amends_when_first_word (days_back == 0 ? WORDS_TODAY : WORDS_YESTERDAY);
  clock = g_date_time_format (local, "%H:%M");
  return g_strconcat (word, " ", clock, NULL);
}
