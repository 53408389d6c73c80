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
 *   "2026-11-18"                       that day at 00:00
 *   "2026-11-18 14:30"  "2026-11-18T14:30"  "2026-11-18 at 2:30 pm"
 *                                      that day at that time, here
 *   "2026-11-18T14:30:00Z"  "2026-11-18T14:30+05:30"  and other ISO 8601
 *                                      forms that GLib reads: that instant
 *
 * Hours run 0–23 (with "am"/"pm": 1–12), minutes and seconds 0–59, with
 * minutes always two digits.  A bare number ("14") is not a time, and
 * neither is a day-first or month-first date ("18.11.2026", "11/18/2026"):
 * they are too easy to misread.  A clock time that does not exist because
 * the clocks went forward moves forward as GLib does; one that happens twice
 * because they went back is GLib's choice (the second, standard time).
 * A text longer than 200 bytes, or not valid UTF-8, is refused unread.
 *
 * Anything that would be more than five minutes after @now is refused with
 * AMENDS_WHEN_ERROR_FUTURE: "14:30" at 10:00 does not mean yesterday, it is
 * a mistake to point out.  Everything else that cannot be read is
 * AMENDS_WHEN_ERROR_INVALID, with a message that quotes the text.
 *
 * The words now, today, yesterday, at, ago, the units and "a"/"an" are
 * translatable as lists of alternatives; the English words always work too.
 * "am" and "pm" are English only.
 *
 * amends_when_format() writes the inverse for an entry: "now" (when @when is
 * in the same minute as @now), "today 14:30", "yesterday 09:15", else
 * "2026-11-18 09:30", so that parsing what it wrote gives the same minute.
 * (In the hour the clocks repeat, it adds the offset: "2026-10-25 02:30+02:00".)
 * A time more than five minutes ahead is written all the same, but reading
 * it back is refused as the future.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "amends-when.h"

/* Nothing we read is longer; a longer text is refused before it is read. */
#define MAX_TEXT_BYTES 200
/* How much of a text an error message quotes, in characters. */
#define MAX_QUOTED_CHARS 40
/* How far ahead of @now a time may be: clocks on two computers differ. */
#define FUTURE_SLACK (5 * G_TIME_SPAN_MINUTE)
/* More digits than this in "N h ago" are not a count anyone means. */
#define MAX_COUNT_DIGITS 6

G_DEFINE_QUARK (amends-when-error-quark, amends_when_error)

typedef enum
{
  READ_NO,     /* not this form */
  READ_OK,     /* read, *out set */
  READ_RANGE,  /* this form, but a number is out of range */
} ReadResult;

typedef enum
{
  WORDS_NOW,
  WORDS_TODAY,
  WORDS_YESTERDAY,
  WORDS_AT,
  WORDS_ONE,
  WORDS_MINUTES,
  WORDS_HOURS,
  WORDS_DAYS,
  WORDS_WEEKS,
} Words;

typedef struct
{
  int hour;
  int minute;
  int second;
} ClockTime;

typedef ReadResult (*Reader) (const char  *text,
                              GDateTime   *now,
                              GDateTime  **out);

static const char * const english_words[] = {
  [WORDS_NOW] = "now",
  [WORDS_TODAY] = "today",
  [WORDS_YESTERDAY] = "yesterday",
  [WORDS_AT] = "at",
  [WORDS_ONE] = "a|an|one",
  [WORDS_MINUTES] = "m|min|mins|minute|minutes",
  [WORDS_HOURS] = "h|hr|hrs|hour|hours",
  [WORDS_DAYS] = "d|day|days",
  [WORDS_WEEKS] = "w|wk|wks|week|weeks",
};

static const char *
translated_words (Words which)
{
  switch (which)
    {
    case WORDS_NOW:
      /* Translators: words a person may type in the “when did it happen”
       * entry for the present moment: lower case, separated by “|”.  The
       * first is also what Amends writes there.  English always works too.
       * The same goes for the lists below. */
      return C_("when: the present moment", "now");
    case WORDS_TODAY:
      /* Translators: lower case, separated by “|”; the first is written */
      return C_("when: this day", "today");
    case WORDS_YESTERDAY:
      /* Translators: lower case, separated by “|”; the first is written */
      return C_("when: the day before today", "yesterday");
    case WORDS_AT:
      /* Translators: lower case, separated by “|” */
      return C_("when: before a clock time, as in “today at 9:15”", "at");
    case WORDS_ONE:
      /* Translators: lower case, separated by “|” */
      return C_("when: the number one, as in “an hour ago”", "a|an|one");
    case WORDS_MINUTES:
      /* Translators: lower case, separated by “|” */
      return C_("when: minutes, as in “5 min ago”", "m|min|mins|minute|minutes");
    case WORDS_HOURS:
      /* Translators: lower case, separated by “|” */
      return C_("when: hours, as in “2 h ago”", "h|hr|hrs|hour|hours");
    case WORDS_DAYS:
      /* Translators: lower case, separated by “|” */
      return C_("when: days, as in “3 days ago”", "d|day|days");
    case WORDS_WEEKS:
      /* Translators: lower case, separated by “|” */
      return C_("when: weeks, as in “a week ago”", "w|wk|wks|week|weeks");
    default:
      g_return_val_if_reached (english_words[WORDS_NOW]);
    }
}

/* Lower case, commas as spaces, one space between words, none around. */
static char *
normalize (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *out = g_string_new (NULL);
  gboolean pending_space = FALSE;

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == ',')
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_word_end (const char *p)
{
  return *p == '\0' || *p == ' ';
}

static void
skip_space (const char **p)
{
  if (**p == ' ')
    (*p)++;
}

/* Consumes @word if it stands whole at *p. */
static gboolean
scan_literal (const char **p,
              const char  *word,
              gsize        len)
{
  if (len == 0 || strncmp (*p, word, len) != 0 || !is_word_end (*p + len))
    return FALSE;

  *p += len;
  return TRUE;
}

static gboolean
scan_one_of (const char **p,
             const char  *alternatives)
{
  const char *word = alternatives;

  for (;;)
    {
      const char *bar = strchr (word, '|');
      gsize len = bar != NULL ? (gsize) (bar - word) : strlen (word);

      if (scan_literal (p, word, len))
        return TRUE;
      if (bar == NULL)
        return FALSE;
      word = bar + 1;
    }
}

static gboolean
scan_words (const char **p,
            Words        which)
{
  const char *translated = translated_words (which);
  g_autofree char *local = NULL;

  if (scan_one_of (p, english_words[which]))
    return TRUE;
  if (strcmp (translated, english_words[which]) == 0)
    return FALSE;

  local = normalize (translated);
  return scan_one_of (p, local);
}

static char *
first_word (Words which)
{
  g_autofree char *local = normalize (translated_words (which));

  return g_strndup (local, strcspn (local, "|"));
}

/* Exactly @min to @max ASCII digits, not followed by another digit. */
static gboolean
scan_digits (const char **p,
             guint        min,
             guint        max,
             int         *value)
{
  guint n = 0;
  int v = 0;

  while (g_ascii_isdigit ((*p)[n]))
    {
      if (++n > max)
        return FALSE;
      v = v * 10 + ((*p)[n - 1] - '0');
    }
  if (n < min)
    return FALSE;

  *p += n;
  *value = v;
  return TRUE;
}

static gboolean
scan_char (const char **p,
           char         c)
{
  if (**p != c)
    return FALSE;
  (*p)++;
  return TRUE;
}

static gboolean
at_end (const char *p)
{
  return *p == '\0';
}

static GDate *
local_date (GDateTime *now,
            int        days_back)
{
  GDate *date = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                g_date_time_get_month (now),
                                g_date_time_get_year (now));

  g_date_subtract_days (date, days_back);
  return date;
}

static ReadResult
make_local (GTimeZone       *tz,
            const GDate     *date,
            const ClockTime *clock,
            GDateTime      **out)
{
  *out = g_date_time_new (tz, g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date), clock->hour, clock->minute,
                          clock->second);
  return *out != NULL ? READ_OK : READ_RANGE;
}

/* " am", "pm", " p.m.", after a clock time; English only. */
static gboolean
scan_am_pm (const char **p,
            gboolean    *pm)
{
  const char *q = *p;

  skip_space (&q);
  if (scan_one_of (&q, "am|a.m.|a.m"))
    *pm = FALSE;
  else if (scan_one_of (&q, "pm|p.m.|p.m"))
    *pm = TRUE;
  else
    return FALSE;

  *p = q;
  return TRUE;
}

/* "14:30", "9:05:10", "2 pm", "2:30pm", "2:30 p.m." */
static ReadResult
scan_clock (const char **p,
            ClockTime   *clock)
{
  const char *q = *p;
  gboolean has_minutes, am = FALSE, pm = FALSE;

  *clock = (ClockTime) { 0, 0, 0 };
  if (!scan_digits (&q, 1, 2, &clock->hour))
    return READ_NO;

  has_minutes = scan_char (&q, ':');
  if (has_minutes && !scan_digits (&q, 2, 2, &clock->minute))
    return READ_NO;
  if (has_minutes && scan_char (&q, ':') && !scan_digits (&q, 2, 2, &clock->second))
    return READ_NO;

  if (scan_am_pm (&q, &pm))
    am = !pm;

  if (!has_minutes && !am && !pm)
    return READ_NO;

  *p = q;
  if (am || pm)
    {
      if (clock->hour < 1 || clock->hour > 12)
        return READ_RANGE;
      clock->hour = clock->hour % 12 + (pm ? 12 : 0);
    }

  if (clock->hour > 23 || clock->minute > 59 || clock->second > 59)
    return READ_RANGE;

  return READ_OK;
}

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

  if (scan_words (&p, WORDS_AT))
    skip_space (&p);

  result = scan_clock (&p, &clock);
  if (result != READ_OK)
    return result;
  if (!at_end (p))
    return READ_NO;

  date = local_date (now, days_back);
  return make_local (g_date_time_get_timezone (now), date, &clock, out);
}

static ReadResult
read_now (const char  *text,
          GDateTime   *now,
          GDateTime  **out)
{
  const char *p = text;

  if (!at_end (p) && !(scan_words (&p, WORDS_NOW) && at_end (p)))
    return READ_NO;

  *out = g_date_time_ref (now);
  return READ_OK;
}

static gboolean
scan_count (const char **p,
            int         *count)
{
  if (scan_digits (p, 1, MAX_COUNT_DIGITS, count))
    return TRUE;

  if (!scan_words (p, WORDS_ONE))
    return FALSE;

  *count = 1;
  return TRUE;
}

/* COUNT UNIT, as a time @count units before @now. */
static ReadResult
scan_span_back (const char **p,
                GDateTime   *now,
                GDateTime  **out)
{
  int count;

  if (!scan_count (p, &count))
    return READ_NO;
  skip_space (p);

  if (scan_words (p, WORDS_MINUTES))
    *out = g_date_time_add (now, -(GTimeSpan) count * G_TIME_SPAN_MINUTE);
  else if (scan_words (p, WORDS_HOURS))
    *out = g_date_time_add (now, -(GTimeSpan) count * G_TIME_SPAN_HOUR);
  else if (scan_words (p, WORDS_DAYS))
    *out = g_date_time_add_days (now, -count);
  else if (scan_words (p, WORDS_WEEKS))
    *out = g_date_time_add_days (now, -7 * count);
  else
    return READ_NO;

  /* Too far back for a calendar: not a count anyone means. */
  return *out != NULL ? READ_OK : READ_NO;
}

/* @pattern is "%s ago" or its translation, such as "vor %s". */
static ReadResult
read_ago_pattern (const char  *text,
                  const char  *pattern,
                  GDateTime   *now,
                  GDateTime  **out)
{
  g_autofree char *local = normalize (pattern);
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

  if (before_len > 0 && !scan_literal (&p, local, before_len))
    return READ_NO;
  skip_space (&p);

  result = scan_span_back (&p, now, &when);
  if (result != READ_OK)
    return result;

  skip_space (&p);
  if (*after != '\0' && !scan_literal (&p, after, strlen (after)))
    return READ_NO;
  if (!at_end (p))
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

  if (scan_words (&p, WORDS_TODAY))
    days_back = 0;
  else if (scan_words (&p, WORDS_YESTERDAY))
    days_back = 1;
  else
    return READ_NO;

  if (at_end (p))
    {
      *out = g_date_time_add_days (now, -days_back);
      return *out != NULL ? READ_OK : READ_RANGE;
    }

  skip_space (&p);
  return read_clock_on (p, now, days_back, out);
}

static ReadResult
read_time (const char  *text,
           GDateTime   *now,
           GDateTime  **out)
{
  return read_clock_on (text, now, 0, out);
}

/* "z", "+05:30", "-0500", "+01"; *zone stays NULL when there is none. */
static gboolean
scan_zone (const char **p,
           GTimeZone  **zone)
{
  const char *q = *p;
  int sign, hours, minutes = 0;

  if (scan_char (&q, 'z'))
    {
      *zone = g_time_zone_new_utc ();
      *p = q;
      return TRUE;
    }

  if (scan_char (&q, '+'))
    sign = 1;
  else if (scan_char (&q, '-'))
    sign = -1;
  else
    return TRUE;

  if (!scan_digits (&q, 2, 2, &hours))
    return FALSE;
  if (g_ascii_isdigit (*q) || scan_char (&q, ':'))
    {
      if (!scan_digits (&q, 2, 2, &minutes))
        return FALSE;
    }
  if (hours > 23 || minutes > 59)
    return FALSE;

  *zone = g_time_zone_new_offset (sign * (hours * 3600 + minutes * 60));
  *p = q;
  return TRUE;
}

/* "T14:30", " 14:30", " at 2 pm", with an optional zone after it. */
static ReadResult
scan_date_time (const char **p,
                ClockTime   *clock,
                GTimeZone  **zone)
{
  ReadResult result;

  if (!scan_char (p, 't'))
    {
      skip_space (p);
      if (scan_words (p, WORDS_AT))
        skip_space (p);
    }

  result = scan_clock (p, clock);
  if (result != READ_OK)
    return result;

  skip_space (p);
  return scan_zone (p, zone) ? READ_OK : READ_NO;
}

/* "2026-11-18", "2026-11-18 14:30", "2026-11-18T14:30+01:00" */
static ReadResult
read_date (const char  *text,
           GDateTime   *now,
           GDateTime  **out)
{
  const char *p = text;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDate) date = NULL;
  ClockTime clock = { 0, 0, 0 };
  int year, month, day;

  if (!scan_digits (&p, 4, 4, &year) || !scan_char (&p, '-') ||
      !scan_digits (&p, 2, 2, &month) || !scan_char (&p, '-') ||
      !scan_digits (&p, 2, 2, &day))
    return READ_NO;

  if (!at_end (p))
    {
      ReadResult result = scan_date_time (&p, &clock, &zone);

      if (result != READ_OK)
        return result;
      if (!at_end (p))
        return READ_NO;
    }

  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return READ_RANGE;

  date = g_date_new_dmy (day, month, year);
  if (zone == NULL)
    return make_local (g_date_time_get_timezone (now), date, &clock, out);

  if (make_local (zone, date, &clock, &when) != READ_OK)
    return READ_RANGE;
  *out = g_date_time_to_timezone (when, g_date_time_get_timezone (now));
  return *out != NULL ? READ_OK : READ_RANGE;
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
  g_autoptr(GDate) yesterday = local_date (now, 1);
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
read_any (const char  *text,
          GDateTime   *now,
          GDateTime  **out)
{
  g_autofree char *normal = normalize (text);

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      ReadResult result = readers[i] (normal, now, out);

      if (result != READ_NO)
        return result;
    }

  return READ_NO;
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
  g_autoptr(GDateTime) when = NULL;
  ReadResult result = READ_NO;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strlen (text) <= MAX_TEXT_BYTES && g_utf8_validate (text, -1, NULL))
    result = read_any (text, now, &when);

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

  if (g_date_time_difference (when, now) > FUTURE_SLACK)
    {
      set_future_error (error, text);
      return NULL;
    }

  return g_steal_pointer (&when);
}

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
    return first_word (WORDS_NOW);

  local = g_date_time_to_timezone (when, g_date_time_get_timezone (now));
  if (!reads_back (local))
    return format_date_time (local, TRUE);

  today = local_date (now, 0);
  day = local_date (local, 0);
  days_back = g_date_days_between (day, today);
  if (days_back != 0 && days_back != 1)
    return format_date_time (local, FALSE);

  word = first_word (days_back == 0 ? WORDS_TODAY : WORDS_YESTERDAY);
  clock = g_date_time_format (local, "%H:%M");
  return g_strconcat (word, " ", clock, NULL);
}
