/* amends-when.c: reading "when it happened" as a person types it
 *
 * amends_when_parse() reads what a receptionist types for when a breakdown
 * happened, relative to @now; the result is in @now's time zone.  Case,
 * commas and runs of spaces do not matter.  It reads:
 *
 *   ""  "now"                          @now itself
 *   "5 min ago"  "5 minutes ago"  "5m ago"  "a minute ago"
 *   "2 h ago"  "2 hours ago"  "2h ago"  "an hour ago"
 *                                      real elapsed time: across a change to
 *                                      or from daylight-saving time, "3 h
 *                                      ago" is still 3 hours of real time
 *   "2 d ago"  "2 days ago"  "a week ago"  "1 w ago"
 *                                      calendar days: the same clock time,
 *                                      that many days earlier (so "1 d ago"
 *                                      is "yesterday")
 *   "2 h"  "30 min"                    a bare span: it can only mean ago
 *   "today"                            @now
 *   "yesterday"                        yesterday at the same clock time
 *   "today 9:15"  "yesterday 14:30"  "yesterday at 2:30 pm"  "today 2pm"
 *   "14:30"  "9:05"  "at 9:05"  "2 pm"  a time alone is today
 *   "tomorrow"  "tomorrow 10:00"       read only to be refused as the
 *                                      future, which says more than
 *                                      "could not read"
 *   "2026-11-18"                       that day at 00:00
 *   "2026-11-18 14:30"  "2026-11-18T14:30"  "2026-11-18 at 2:30 pm"
 *                                      that day at that time, here
 *   "2026-11-18T14:30:00Z"  "2026-11-18T14:30+05:30"  and other ISO 8601
 *                                      forms that GLib reads: that instant
 *
 *   "26/11/2026"  "26.11.2026 14:30"  "11/26/2026 at 2:30 pm"
 *                                      a date as the locale writes it, with
 *                                      a four-digit year: that day, at that
 *                                      time or 00:00.  "03/04/2026" is read
 *                                      in the locale's order (3 April in
 *                                      en_GB and de_DE, 4 March in C and
 *                                      en_US); when that order gives no
 *                                      date ("26/11/2026" in en_US) the
 *                                      other one is taken, as it is the
 *                                      only one meant
 *   "25 Nov 2026 11:20"  "Mi., 25. Nov. 2026 11:20"  "Nov 25, 2026 2:30 PM"
 *   "Wednesday 25 November 2026"  "25. November 11:20 Uhr"
 *                                      a month by its name, as the locale
 *                                      writes it (%b, %B) or in English,
 *                                      perhaps after the day of the week
 *                                      (%a, %A); without a year, @now's:
 *                                      whatever a translated pattern of
 *                                      amends_when_format() writes
 *
 * Hours run 0–23 (with "am"/"pm": 1–12), minutes and seconds 0–59, with
 * minutes always two digits.  A bare number ("14") is not a time, and a
 * two-digit year ("26/11/26") is not a date.  A clock time that does not exist because
 * the clocks went forward moves forward as GLib does; one that happens twice
 * because they went back is GLib's choice (the second, standard time).
 * A text longer than 200 bytes, or not valid UTF-8, is refused unread.
 *
 * Anything that would be more than five minutes after @now is refused with
 * AMENDS_WHEN_ERROR_FUTURE: "14:30" at 10:00 does not mean yesterday, it is
 * a mistake to point out.  Everything else that cannot be read is
 * AMENDS_WHEN_ERROR_INVALID, with a message that quotes the text.
 *
 * The words now, today, yesterday, at, ago, the units, "a"/"an" and
 * "o'clock" (German "Uhr") are translatable as lists of alternatives; the
 * English words always work too.  "am" and "pm" work in English and as the
 * locale writes them (%p).
 *
 * amends-when-format.c writes what this reads; amends-when-scan.c holds
 * the scanners.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-when"

#include "config.h"

#include "amends-when.h"

#include <string.h>
#include <glib/gi18n.h>

#include "amends-when-private.h"

/* Nothing we read is longer; a longer text is refused before it is read. */
#define MAX_TEXT_BYTES 200
/* How much of a text an error message quotes, in characters. */
#define MAX_QUOTED_CHARS 40
/* How far ahead of @now a time may be: clocks on two computers differ. */
#define FUTURE_SLACK (5 * G_TIME_SPAN_MINUTE)

G_DEFINE_QUARK (amends-when-error-quark, amends_when_error)

typedef ReadResult (*Reader) (const char  *text,
                              GDateTime   *now,
                              GDateTime  **out);

/* [at] CLOCK, to the end, on the day @days_back before @now's. */
static ReadResult
read_clock_on (const char  *text,
               GDateTime   *now,
               int          days_back,
               GDateTime  **out)
{
  const char *p = text;
  g_autoptr(GDate) date = NULL;
  ClockTime clock;
  ReadResult result;

  if (amends_when_scan_words (&p, WORDS_AT))
    amends_when_skip_space (&p);

  result = amends_when_scan_clock (&p, &clock);
  if (result != READ_OK)
    return result;
  if (!amends_when_at_end (p))
    return READ_NO;

  date = amends_when_local_date (now, days_back);
  return amends_when_make_local (g_date_time_get_timezone (now), date, &clock, out);
}

static ReadResult
read_now (const char  *text,
          GDateTime   *now,
          GDateTime  **out)
{
  const char *p = text;

  if (!amends_when_at_end (p) && !(amends_when_scan_words (&p, WORDS_NOW) && amends_when_at_end (p)))
    return READ_NO;

  *out = g_date_time_ref (now);
  return READ_OK;
}

/* @pattern is "%s ago" or its translation, such as "vor %s". */
static ReadResult
read_ago_pattern (const char  *text,
                  const char  *pattern,
                  GDateTime   *now,
                  GDateTime  **out)
{
  g_autofree char *local = amends_when_normalize (pattern);
  g_autoptr(GDateTime) when = NULL;
  const char *hole = strstr (local, "%s");
  const char *p = text;
  const char *after;
  gsize before_len;
  ReadResult result;

  if (hole == NULL)
    return READ_NO;

  before_len = hole - local;
  while (before_len > 0 && local[before_len - 1] == ' ')
    before_len--;
  after = hole + 2;
  while (*after == ' ')
    after++;

  if (before_len > 0 && !amends_when_scan_literal (&p, local, before_len))
    return READ_NO;
  amends_when_skip_space (&p);

  result = amends_when_scan_span_back (&p, now, &when);
  if (result != READ_OK)
    return result;

  amends_when_skip_space (&p);
  if (*after != '\0' && !amends_when_scan_literal (&p, after, strlen (after)))
    return READ_NO;
  if (!amends_when_at_end (p))
    return READ_NO;

  *out = g_steal_pointer (&when);
  return READ_OK;
}

static ReadResult
read_ago (const char  *text,
          GDateTime   *now,
          GDateTime  **out)
{
  /* Translators: a time in the past as typed in the "when did it happen"
   * entry; %s stands for a number and a unit such as "2 h" or "3 days".
   * Keep the %s; in German this would be "vor %s". */
  const char *translated = C_("when", "%s ago");
  ReadResult result;

  result = read_ago_pattern (text, "%s ago", now, out);
  if (result == READ_NO && strcmp (translated, "%s ago") != 0)
    result = read_ago_pattern (text, translated, now, out);
  if (result == READ_NO)
    result = read_ago_pattern (text, "%s", now, out);

  return result;
}

/* "today", "yesterday", "yesterday 14:30", "today at 2 pm" */
static ReadResult
read_day (const char  *text,
          GDateTime   *now,
          GDateTime  **out)
{
  const char *p = text;
  int days_back;

  if (amends_when_scan_words (&p, WORDS_TODAY))
    days_back = 0;
  else if (amends_when_scan_words (&p, WORDS_YESTERDAY))
    days_back = 1;
  else if (amends_when_scan_words (&p, WORDS_TOMORROW))
    days_back = -1;
  else
    return READ_NO;

  if (amends_when_at_end (p))
    {
      *out = g_date_time_add_days (now, -days_back);
      return *out != NULL ? READ_OK : READ_RANGE;
    }

  amends_when_skip_space (&p);
  return read_clock_on (p, now, days_back, out);
}

static ReadResult
read_time (const char  *text,
           GDateTime   *now,
           GDateTime  **out)
{
  return read_clock_on (text, now, 0, out);
}

/* What may follow a date: nothing, or a time (and a zone) and then
 * nothing. */
static ReadResult
read_time_after_date (const char  *p,
                      ClockTime   *clock,
                      GTimeZone  **zone)
{
  ReadResult result;

  if (amends_when_at_end (p))
    return READ_OK;

  if ((result = amends_when_scan_date_time (&p, clock, zone)) != READ_OK)
    return result;

  return amends_when_at_end (p) ? READ_OK : READ_NO;
}

/* The date and time read, in @zone if one was written, else where @now is;
 * given back where @now is. */
static ReadResult
make_date_time (int          year,
                int          month,
                int          day,
                ClockTime   *clock,
                GTimeZone   *zone,
                GDateTime   *now,
                GDateTime  **out)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDate) date = NULL;

  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return READ_RANGE;

  date = g_date_new_dmy (day, month, year);
  if (zone == NULL)
    return amends_when_make_local (g_date_time_get_timezone (now), date, clock, out);

  if (amends_when_make_local (zone, date, clock, &when) != READ_OK)
    return READ_RANGE;
  *out = g_date_time_to_timezone (when, g_date_time_get_timezone (now));
  return *out != NULL ? READ_OK : READ_RANGE;
}

/* "2026-11-18", "2026-11-18 14:30", "2026-11-18T14:30+01:00" */
static ReadResult
read_date (const char  *text,
           GDateTime   *now,
           GDateTime  **out)
{
  const char *p = text;
  g_autoptr(GTimeZone) zone = NULL;
  ClockTime clock = { 0, 0, 0 };
  ReadResult result;
  int year, month, day;

  if (!amends_when_scan_digits (&p, 4, 4, &year) || !amends_when_scan_char (&p, '-') ||
      !amends_when_scan_digits (&p, 2, 2, &month) || !amends_when_scan_char (&p, '-') ||
      !amends_when_scan_digits (&p, 2, 2, &day))
    return READ_NO;

  if ((result = read_time_after_date (p, &clock, &zone)) != READ_OK)
    return result;

  return make_date_time (year, month, day, &clock, zone, now, out);
}

/* "26/11/2026", "26.11.2026 14:30", "11-26-2026 at 2 pm": day and month
 * in @order, or in the other order when @order gives no date. */
static ReadResult
read_day_month_year (const char      *text,
                     GDateTime       *now,
                     AmendsWhenOrder  order,
                     GDateTime      **out)
{
  const char *p = text;
  g_autoptr(GTimeZone) zone = NULL;
  ClockTime clock = { 0, 0, 0 };
  ReadResult result;
  int first, second, year, day, month;
  char separator;

  if (!amends_when_scan_digits (&p, 1, 2, &first))
    return READ_NO;
  separator = *p;
  if (separator != '/' && separator != '.' && separator != '-')
    return READ_NO;
  p++;
  if (!amends_when_scan_digits (&p, 1, 2, &second) || !amends_when_scan_char (&p, separator) ||
      !amends_when_scan_digits (&p, 4, 4, &year))
    return READ_NO;

  if ((result = read_time_after_date (p, &clock, &zone)) != READ_OK)
    return result;

  if (order == AMENDS_WHEN_ORDER_LOCALE)
    order = amends_when_locale_order ();

  day = order == AMENDS_WHEN_ORDER_DAY_FIRST ? first : second;
  month = order == AMENDS_WHEN_ORDER_DAY_FIRST ? second : first;
  if (year >= 1 && !g_date_valid_dmy (day, month, year) && g_date_valid_dmy (month, day, year))
    {
      int swap = day;

      day = month;
      month = swap;
    }

  return make_date_time (year, month, day, &clock, zone, now, out);
}

/* "25 nov 2026", "25. november 2026 11:20", "nov 25 2026 at 2 pm": the
 * month by its name, as the locale or English writes it; the year four
 * digits, or left out for @now's year. */
static ReadResult
read_named_date (const char  *text,
                 GDateTime   *now,
                 GDateTime  **out)
{
  const char *p = text;
  const char *q;
  g_autoptr(GTimeZone) zone = NULL;
  ClockTime clock = { 0, 0, 0 };
  ReadResult result;
  int day, month, year;

  if (amends_when_scan_digits (&p, 1, 2, &day))
    {
      amends_when_scan_char (&p, '.');
      amends_when_skip_space (&p);
      if (!amends_when_scan_month (&p, &month))
        return READ_NO;
    }
  else if (amends_when_scan_month (&p, &month))
    {
      amends_when_skip_space (&p);
      if (!amends_when_scan_digits (&p, 1, 2, &day))
        return READ_NO;
      amends_when_scan_char (&p, '.');
    }
  else
    return READ_NO;

  q = p;
  amends_when_skip_space (&q);
  if (amends_when_scan_digits (&q, 4, 4, &year))
    p = q;
  else
    year = g_date_time_get_year (now);

  if ((result = read_time_after_date (p, &clock, &zone)) != READ_OK)
    return result;

  return make_date_time (year, month, day, &clock, zone, now, out);
}

/* A date as a translated pattern writes it: perhaps after the day of the
 * week ("mi. 25. nov. 2026 11:20", "mi 25.11.2026"), which is not checked
 * against the date. */
static ReadResult
read_written_date (const char       *text,
                   GDateTime        *now,
                   AmendsWhenOrder   order,
                   GDateTime       **out)
{
  const char *p = text;
  ReadResult result;

  if (amends_when_scan_weekday (&p))
    amends_when_skip_space (&p);

  if (p != text && (result = read_date (p, now, out)) != READ_NO)
    return result;
  if ((result = read_day_month_year (p, now, order, out)) != READ_NO)
    return result;
  return read_named_date (p, now, out);
}

/* Whatever else of ISO 8601 GLib reads, such as fractions of a second. */
static ReadResult
read_iso8601 (const char  *text,
              GDateTime   *now,
              GDateTime  **out)
{
  g_autofree char *upper = NULL;
  g_autoptr(GDateTime) when = NULL;

  if (!g_ascii_isdigit (*text))
    return READ_NO;

  upper = g_ascii_strup (text, -1);
  when = g_date_time_new_from_iso8601 (upper, g_date_time_get_timezone (now));
  if (when == NULL)
    return READ_NO;

  *out = g_date_time_to_timezone (when, g_date_time_get_timezone (now));
  return *out != NULL ? READ_OK : READ_RANGE;
}

static const Reader readers[] = {
  read_now,
  read_ago,
  read_day,
  read_date,
  read_time,
  read_iso8601,
};

/* The text as an error message shows it: valid UTF-8, and not too long. */
static char *
quote_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, MIN (strlen (text), 4 * MAX_QUOTED_CHARS));
  g_autofree char *stripped = g_strdup (g_strstrip (valid));

  if (g_utf8_strlen (stripped, -1) <= MAX_QUOTED_CHARS && strlen (text) <= 4 * MAX_QUOTED_CHARS)
    return g_steal_pointer (&stripped);

  *g_utf8_offset_to_pointer (stripped, MIN (g_utf8_strlen (stripped, -1), MAX_QUOTED_CHARS)) = '\0';
  return g_strconcat (stripped, "…", NULL);
}

static void
set_invalid_error (GError     **error,
                   const char  *text,
                   GDateTime   *now)
{
  g_autofree char *quoted = quote_text (text);
  g_autoptr(GDate) yesterday = amends_when_local_date (now, 1);
  char example[32];

  g_snprintf (example, sizeof example, "%04d-%02d-%02d 09:30",
              g_date_get_year (yesterday), g_date_get_month (yesterday),
              g_date_get_day (yesterday));

  g_set_error (error, AMENDS_WHEN_ERROR, AMENDS_WHEN_ERROR_INVALID,
               /* Translators: the first %s is what the person typed, the
                * second a date and time such as "2026-11-18 09:30"; the
                * examples must be ones Amends reads in your language */
               _("Could not read “%s” as a time. Try “now”, “2 h ago”, “yesterday 14:30” or “%s”."),
               quoted, example);
}

static void
set_range_error (GError     **error,
                 const char  *text)
{
  g_autofree char *quoted = quote_text (text);

  g_set_error (error, AMENDS_WHEN_ERROR, AMENDS_WHEN_ERROR_INVALID,
               /* Translators: %s is what the person typed, such as "25:00" */
               _("“%s” is not a real time or date. Hours go from 0 to 23, minutes from 0 to 59, and the day must exist in its month."),
               quoted);
}

static void
set_future_error (GError     **error,
                  const char  *text)
{
  g_autofree char *quoted = quote_text (text);

  g_set_error (error, AMENDS_WHEN_ERROR, AMENDS_WHEN_ERROR_FUTURE,
               /* Translators: %s is what the person typed, such as "14:30" */
               _("“%s” is in the future. When did it happen?"),
               quoted);
}

static ReadResult
read_any (const char       *text,
          GDateTime        *now,
          AmendsWhenOrder   order,
          GDateTime       **out)
{
  g_autofree char *normal = amends_when_normalize (text);

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      ReadResult result = readers[i] (normal, now, out);

      if (result != READ_NO)
        return result;
    }

  /* Last: no other form starts with one or two digits and a '/', '.' or
   * '-', with a month's name or with a day's. */
  return read_written_date (normal, now, order, out);
}

/**
 * amends_when_parse:
 * @text: what a person typed, such as "2 h ago" or "yesterday 14:30"
 * @now: the present, in the time zone the text is meant in
 * @error: return location for an #AmendsWhenError
 *
 * Returns: (transfer full): the time @text means, in @now's time zone, or
 *   %NULL with @error set
 */
GDateTime *
amends_when_parse (const char  *text,
                   GDateTime   *now,
                   GError     **error)
{
  return amends_when_parse_in_order (text, now, AMENDS_WHEN_ORDER_LOCALE, error);
}

/* As amends_when_parse(), with the order of day and month in "03/04/2026"
 * given: the tests read both orders whatever locales are installed. */
GDateTime *
amends_when_parse_in_order (const char       *text,
                            GDateTime        *now,
                            AmendsWhenOrder   order,
                            GError          **error)
{
  return amends_when_parse_full (text, now, order, FALSE, error);
}

/* As amends_when_parse_in_order(), and with @allow_future a time to come
 * is read too ("tomorrow 11:00"): a guest's departure (amends-stay.c). */
GDateTime *
amends_when_parse_full (const char       *text,
                        GDateTime        *now,
                        AmendsWhenOrder   order,
                        gboolean          allow_future,
                        GError          **error)
{
  g_autoptr(GDateTime) when = NULL;
  ReadResult result = READ_NO;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strlen (text) <= MAX_TEXT_BYTES && g_utf8_validate (text, -1, NULL))
    result = read_any (text, now, order, &when);

  switch (result)
    {
    case READ_NO:
      set_invalid_error (error, text, now);
      return NULL;
    case READ_RANGE:
      set_range_error (error, text);
      return NULL;
    case READ_OK:
    default:
      break;
    }

  if (!allow_future && g_date_time_difference (when, now) > FUTURE_SLACK)
    {
      set_future_error (error, text);
      return NULL;
    }

  return g_steal_pointer (&when);
}
