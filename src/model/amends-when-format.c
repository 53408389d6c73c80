/* amends-when-format.c: writing "when it happened" so that it reads back
 *
 * amends_when_format() writes the inverse of amends_when_parse() for an
 * entry: "now" (when @when is in the same minute as @now), "today 14:30",
 * "yesterday 09:15", else "2026-11-18 09:30", so that parsing what it wrote
 * gives the same minute.  The clock and the date are written with
 * translatable g_date_time_format() patterns (German may write "heute
 * 11:20 Uhr" and "Mi., 25. Nov. 2026 11:20"); should a translation's
 * pattern write something that does not read back to the same minute, the
 * untranslated form is written instead, as an entry must never change
 * what it holds.  (In the hour the clocks repeat, it writes the ISO form
 * with the offset: "2026-10-25 02:30+02:00".)  A time more than five
 * minutes ahead is written all the same, but reading it back is refused
 * as the future.
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

/* The hour the clocks repeat: only the offset tells the two readings
 * apart, so this is written in the ISO form, whatever the language. */
static char *
format_with_offset (GDateTime *local)
{
  int offset = (int) (g_date_time_get_utc_offset (local) / G_TIME_SPAN_MINUTE);

  return g_strdup_printf ("%04d-%02d-%02d %02d:%02d%c%02d:%02d",
                          g_date_time_get_year (local), g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local),
                          g_date_time_get_hour (local), g_date_time_get_minute (local),
                          offset < 0 ? '-' : '+', ABS (offset) / 60, ABS (offset) % 60);
}

/* g_date_time_format() with runs of spaces made one space, as "%e" and
 * "%k" pad with a figure space; NULL if @format cannot be written. */
static char *
format_squeezed (GDateTime  *local,
                 const char *format)
{
  g_autofree char *text = g_date_time_format (local, format);
  GString *out;

  if (text == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
      else if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

static char *
format_in (GDateTime  *local,
           GDateTime  *now,
           const char *date_time_format,
           const char *clock_format)
{
  g_autoptr(GDate) today = NULL;
  g_autoptr(GDate) day = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *word = NULL;
  int days_back;

  today = amends_when_local_date (now, 0);
  day = amends_when_local_date (local, 0);
  days_back = g_date_days_between (day, today);
  if (days_back != 0 && days_back != 1)
    return format_squeezed (local, date_time_format);

  word = amends_when_first_word (days_back == 0 ? WORDS_TODAY : WORDS_YESTERDAY);
  clock = format_squeezed (local, clock_format);
  return clock != NULL ? g_strconcat (word, " ", clock, NULL) : NULL;
}

static gboolean
reads_back_as (const char *text,
               GDateTime  *when,
               GDateTime  *now)
{
  g_autoptr(GDateTime) back = NULL;

  if (text == NULL)
    return FALSE;

  back = amends_when_parse_full (text, now, AMENDS_WHEN_ORDER_LOCALE, TRUE, NULL);
  return back != NULL && unix_minute (back) == unix_minute (when);
}

/* amends_when_format() with the patterns given: the tests try a
 * translation's patterns without its .mo. */
char *
amends_when_format_with (GDateTime  *when,
                         GDateTime  *now,
                         const char *date_time_format,
                         const char *clock_format)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *text = NULL;

  if (unix_minute (when) == unix_minute (now))
    return amends_when_first_word (WORDS_NOW);

  local = g_date_time_to_timezone (when, g_date_time_get_timezone (now));
  if (!reads_back (local))
    return format_with_offset (local);

  text = format_in (local, now, date_time_format, clock_format);
  if (reads_back_as (text, when, now))
    return g_steal_pointer (&text);

  g_clear_pointer (&text, g_free);
  return format_in (local, now, "%Y-%m-%d %H:%M", "%H:%M");
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
  g_return_val_if_fail (when != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  return amends_when_format_with (when, now,
                                  /* Translators: a date and time in the "when did it happen"
                                   * entries, a g_date_time_format() format: "2026-11-25 11:20".
                                   * Amends reads back what it writes, so use numbers with a
                                   * four-digit year (%Y) or month names (%b, %B), perhaps the
                                   * day's name (%a, %A), and ":" between hours and minutes;
                                   * German could be "%a., %-d. %b %Y %H:%M" or "%d.%m.%Y %H:%M" */
                                  C_("when", "%Y-%m-%d %H:%M"),
                                  amends_when_clock_format ());
}

/* The clock time after "today", "yesterday" or "tomorrow" in an entry
 * (amends-stay.c writes a guest's departure with it too). */
const char *
amends_when_clock_format (void)
{
  /* Translators: a clock time after "today" or "yesterday" in the "when"
   * entries, a g_date_time_format() format: "11:20".  Use "%l:%M %p" for a
   * 12-hour clock ("11:20 AM"); a word after it, as German "%H:%M Uhr",
   * must be in the list of words that follow a clock time ("o'clock") */
  return C_("when", "%H:%M");
}
