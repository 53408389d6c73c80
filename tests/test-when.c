/* test-when.c: what a person types for "when it happened" reads as they mean it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "amends-when.h"
#include "amends-when-private.h"

typedef struct
{
  const char *text;
  const char *expected;  /* ISO 8601, with the offset it must be shown in */
} Example;

static GTimeZone *berlin;

static GDateTime *
local (int year,
       int month,
       int day,
       int hour,
       int minute)
{
  GDateTime *time = g_date_time_new (berlin, year, month, day, hour, minute, 0);

  g_assert_nonnull (time);
  return time;
}

/* The tests' usual present: Wednesday 18 November 2026, 10:00 in Berlin. */
static GDateTime *
usual_now (void)
{
  return local (2026, 11, 18, 10, 0);
}

static void
assert_parses (const char *text,
               GDateTime  *now,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = amends_when_parse (text, now, &error);
  g_autofree char *iso = NULL;

  if (error != NULL)
    g_test_message ("“%s”: %s", text, error->message);
  g_assert_no_error (error);
  g_assert_nonnull (when);

  /* Written with its offset, so that it is also in @now's time zone. */
  iso = g_date_time_format_iso8601 (when);
  if (g_strcmp0 (iso, expected) != 0)
    g_test_message ("“%s” read as %s", text, iso);
  g_assert_cmpstr (iso, ==, expected);
}

static void
assert_examples (const Example *examples,
                 gsize          n_examples,
                 GDateTime     *now)
{
  for (gsize i = 0; i < n_examples; i++)
    assert_parses (examples[i].text, now, examples[i].expected);
}

static void
assert_refused (const char *text,
                GDateTime  *now,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = amends_when_parse (text, now, &error);

  if (when != NULL)
    {
      g_autofree char *iso = g_date_time_format_iso8601 (when);
      g_test_message ("“%s” was read as %s", text, iso);
    }
  g_assert_null (when);
  g_assert_error (error, AMENDS_WHEN_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
assert_refused_quoting (const char *text,
                        GDateTime  *now,
                        int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = amends_when_parse (text, now, &error);
  g_autofree char *quoted = g_strdup_printf ("“%s”", text);

  g_assert_null (when);
  g_assert_error (error, AMENDS_WHEN_ERROR, code);
  if (strstr (error->message, quoted) == NULL)
    g_test_message ("“%s”: %s", text, error->message);
  g_assert_nonnull (strstr (error->message, quoted));
}

static void
test_parse_now (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  static const Example examples[] = {
    { "", "2026-11-18T10:00:00+01" },
    { "   ", "2026-11-18T10:00:00+01" },
    { "now", "2026-11-18T10:00:00+01" },
    { "NOW", "2026-11-18T10:00:00+01" },
    { " Now\t", "2026-11-18T10:00:00+01" },
    { "today", "2026-11-18T10:00:00+01" },
    { "0 min ago", "2026-11-18T10:00:00+01" },
  };

  assert_examples (examples, G_N_ELEMENTS (examples), now);
}

static void
test_parse_minutes_ago (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  static const Example examples[] = {
    { "5 min ago", "2026-11-18T09:55:00+01" },
    { "5 mins ago", "2026-11-18T09:55:00+01" },
    { "5 minutes ago", "2026-11-18T09:55:00+01" },
    { "1 minute ago", "2026-11-18T09:59:00+01" },
    { "5 m ago", "2026-11-18T09:55:00+01" },
    { "5m ago", "2026-11-18T09:55:00+01" },
    { "5min ago", "2026-11-18T09:55:00+01" },
    { "a minute ago", "2026-11-18T09:59:00+01" },
    { "90 min ago", "2026-11-18T08:30:00+01" },
    { "600 minutes ago", "2026-11-18T00:00:00+01" },
  };

  assert_examples (examples, G_N_ELEMENTS (examples), now);
}

static void
test_parse_hours_ago (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  static const Example examples[] = {
    { "2 h ago", "2026-11-18T08:00:00+01" },
    { "2h ago", "2026-11-18T08:00:00+01" },
    { "2 hours ago", "2026-11-18T08:00:00+01" },
    { "1 hour ago", "2026-11-18T09:00:00+01" },
    { "2 hrs ago", "2026-11-18T08:00:00+01" },
    { "an hour ago", "2026-11-18T09:00:00+01" },
    { "one hour ago", "2026-11-18T09:00:00+01" },
    { "12 h ago", "2026-11-17T22:00:00+01" },
    { "36 hours ago", "2026-11-16T22:00:00+01" },
  };

  assert_examples (examples, G_N_ELEMENTS (examples), now);
}

static void
test_parse_days_ago (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  static const Example examples[] = {
    { "1 d ago", "2026-11-17T10:00:00+01" },
    { "2 d ago", "2026-11-16T10:00:00+01" },
    { "2d ago", "2026-11-16T10:00:00+01" },
    { "2 days ago", "2026-11-16T10:00:00+01" },
    { "1 day ago", "2026-11-17T10:00:00+01" },
    { "a day ago", "2026-11-17T10:00:00+01" },
    { "a week ago", "2026-11-11T10:00:00+01" },
    { "3 weeks ago", "2026-10-28T10:00:00+01" },
    { "18 days ago", "2026-10-31T10:00:00+01" },
  };

  assert_examples (examples, G_N_ELEMENTS (examples), now);
}

static void
test_parse_bare_span (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  static const Example examples[] = {
    { "2 h", "2026-11-18T08:00:00+01" },
    { "2h", "2026-11-18T08:00:00+01" },
    { "30 min", "2026-11-18T09:30:00+01" },
    { "an hour", "2026-11-18T09:00:00+01" },
    { "3 days", "2026-11-15T10:00:00+01" },
  };

  assert_examples (examples, G_N_ELEMENTS (examples), now);
}

static void
test_parse_yesterday (void)
{
  g_autoptr(GDateTime) now = usual_now ();

  /* "Yesterday" alone is yesterday at the same clock time. */
  assert_parses ("yesterday", now, "2026-11-17T10:00:00+01");
}

static void
test_parse_today_time (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  static const Example examples[] = {
    { "today 9:15", "2026-11-18T09:15:00+01" },
    { "today 09:15", "2026-11-18T09:15:00+01" },
    { "today at 9:15", "2026-11-18T09:15:00+01" },
    { "today 00:00", "2026-11-18T00:00:00+01" },
    { "today 8am", "2026-11-18T08:00:00+01" },
    { "today 9:05:30", "2026-11-18T09:05:30+01" },
  };

  assert_examples (examples, G_N_ELEMENTS (examples), now);
}

static void
test_parse_yesterday_time (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  static const Example examples[] = {
    { "yesterday 14:30", "2026-11-17T14:30:00+01" },
    { "yesterday at 14:30", "2026-11-17T14:30:00+01" },
    { "yesterday 0:05", "2026-11-17T00:05:00+01" },
    { "yesterday 23:59", "2026-11-17T23:59:00+01" },
    { "yesterday at 2:30 pm", "2026-11-17T14:30:00+01" },
    { "yesterday 2pm", "2026-11-17T14:00:00+01" },
    { "yesterday 2 p.m.", "2026-11-17T14:00:00+01" },
    { "yesterday 12 am", "2026-11-17T00:00:00+01" },
    { "yesterday 12:15 pm", "2026-11-17T12:15:00+01" },
    { "yesterday 11:59 a.m.", "2026-11-17T11:59:00+01" },
  };

  assert_examples (examples, G_N_ELEMENTS (examples), now);
}

static void
test_parse_yesterday_across_month (void)
{
  g_autoptr(GDateTime) december = local (2026, 12, 1, 8, 0);
  g_autoptr(GDateTime) new_year = local (2027, 1, 1, 8, 0);
  g_autoptr(GDateTime) leap_day = local (2028, 3, 1, 8, 0);

  assert_parses ("yesterday 14:30", december, "2026-11-30T14:30:00+01");
  assert_parses ("yesterday", december, "2026-11-30T08:00:00+01");
  assert_parses ("yesterday 23:00", new_year, "2026-12-31T23:00:00+01");
  assert_parses ("yesterday 12:00", leap_day, "2028-02-29T12:00:00+01");
}

static void
test_parse_time_alone (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  static const Example examples[] = {
    { "9:05", "2026-11-18T09:05:00+01" },
    { "09:05", "2026-11-18T09:05:00+01" },
    { "at 9:05", "2026-11-18T09:05:00+01" },
    { "0:00", "2026-11-18T00:00:00+01" },
    { "8 am", "2026-11-18T08:00:00+01" },
    { "8:45am", "2026-11-18T08:45:00+01" },
    /* Five minutes ahead is allowed: clocks differ. */
    { "10:05", "2026-11-18T10:05:00+01" },
  };

  assert_examples (examples, G_N_ELEMENTS (examples), now);
}

static void
test_parse_iso_date (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  static const Example examples[] = {
    /* A date alone is the start of that day. */
    { "2026-11-18", "2026-11-18T00:00:00+01" },
    { "2026-11-17", "2026-11-17T00:00:00+01" },
    { "2026-07-01", "2026-07-01T00:00:00+02" },
    { "2024-02-29", "2024-02-29T00:00:00+01" },
  };

  assert_examples (examples, G_N_ELEMENTS (examples), now);
}

static void
test_parse_iso_date_time (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  static const Example examples[] = {
    { "2026-11-17 14:30", "2026-11-17T14:30:00+01" },
    { "2026-11-17T14:30", "2026-11-17T14:30:00+01" },
    { "2026-11-17t14:30", "2026-11-17T14:30:00+01" },
    { "2026-11-17 14:30:15", "2026-11-17T14:30:15+01" },
    { "2026-11-17 at 2:30 pm", "2026-11-17T14:30:00+01" },
    { "2026-07-01 14:30", "2026-07-01T14:30:00+02" },
  };

  assert_examples (examples, G_N_ELEMENTS (examples), now);
}

static void
test_parse_iso_with_zone (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  static const Example examples[] = {
    /* Written in Berlin's time, whatever zone it was typed in. */
    { "2026-11-18T08:30:00Z", "2026-11-18T09:30:00+01" },
    { "2026-11-18T08:30Z", "2026-11-18T09:30:00+01" },
    { "2026-11-18t08:30:00z", "2026-11-18T09:30:00+01" },
    { "2026-11-18T14:30+05:30", "2026-11-18T10:00:00+01" },
    { "2026-11-18T14:30:00+0530", "2026-11-18T10:00:00+01" },
    { "2026-11-18T03:00-05", "2026-11-18T09:00:00+01" },
    { "2026-11-18 03:00 -05:00", "2026-11-18T09:00:00+01" },
    { "2026-11-18T08:30:00.250Z", "2026-11-18T09:30:00.250000+01" },
  };

  assert_examples (examples, G_N_ELEMENTS (examples), now);
}

static void
test_parse_result_in_now_zone (void)
{
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  g_autoptr(GDateTime) now = g_date_time_new (tokyo, 2026, 11, 18, 10, 0, 0);

  assert_parses ("yesterday 14:30", now, "2026-11-17T14:30:00+09");
  assert_parses ("2026-11-18T00:30:00Z", now, "2026-11-18T09:30:00+09");
  assert_parses ("2 h ago", now, "2026-11-18T08:00:00+09");
}

static void
test_parse_case_and_spacing (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  static const Example examples[] = {
    { "  2 H AGO  ", "2026-11-18T08:00:00+01" },
    { "2   hours\tago", "2026-11-18T08:00:00+01" },
    { "Yesterday 14:30", "2026-11-17T14:30:00+01" },
    { "YESTERDAY   AT 2:30 PM", "2026-11-17T14:30:00+01" },
    { "yesterday, 14:30", "2026-11-17T14:30:00+01" },
    { "\u00a0today\u00a09:15\u00a0", "2026-11-18T09:15:00+01" },
    { "An Hour Ago", "2026-11-18T09:00:00+01" },
    { "2026-11-17T14:30", "2026-11-17T14:30:00+01" },
  };

  assert_examples (examples, G_N_ELEMENTS (examples), now);
}

static void
test_parse_hours_ago_across_daylight_saving (void)
{
  /* Clocks in Berlin went back from 03:00 to 02:00 this morning. */
  g_autoptr(GDateTime) now = local (2026, 10, 25, 10, 0);
  g_autoptr(GDateTime) spring = local (2026, 3, 29, 10, 0);

  /* Hours are real hours: 10 h before 10:00 is 01:00 on the clock. */
  assert_parses ("10 h ago", now, "2026-10-25T01:00:00+02");
  assert_parses ("8 hours ago", now, "2026-10-25T02:00:00+01");
  assert_parses ("9 hours ago", now, "2026-10-25T02:00:00+02");
  assert_parses ("10 h ago", spring, "2026-03-28T23:00:00+01");

  /* Days are calendar days: the same clock time. */
  assert_parses ("1 d ago", now, "2026-10-24T10:00:00+02");
  assert_parses ("yesterday", now, "2026-10-24T10:00:00+02");
  assert_parses ("yesterday 10:00", now, "2026-10-24T10:00:00+02");
  assert_parses ("today 01:30", now, "2026-10-25T01:30:00+02");
}

static void
test_parse_future_refused (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  static const char * const future[] = {
    "14:30",
    "10:06",
    "today 23:00",
    "2026-11-19",
    "2026-11-18 10:06",
    "2026-11-18T10:00:00Z",
    "2027-01-01T00:00:00+14:00",
    /* Read, so as to say it is the future rather than unreadable. */
    "tomorrow",
    "tomorrow 10:00",
    "Tomorrow at 9:00",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (future); i++)
    assert_refused_quoting (future[i], now, AMENDS_WHEN_ERROR_FUTURE);
}

static void
test_parse_future_message (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = amends_when_parse ("14:30", now, &error);

  g_assert_null (when);
  g_assert_error (error, AMENDS_WHEN_ERROR, AMENDS_WHEN_ERROR_FUTURE);
  g_assert_cmpstr (error->message, ==, "“14:30” is in the future. When did it happen?");
}

static void
test_parse_invalid (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  static const char * const invalid[] = {
    "next tuesday",
    "5 parsecs ago",
    "-2 h ago",
    "+2 h ago",
    "2.5 h ago",
    "1234567 h ago",
    "999999 weeks ago",
    "h ago",
    "ago",
    "2 h ago ago",
    "2 h from now",
    "an ago",
    "14",
    "1430",
    "9:5",
    "9:055",
    "14:30:5",
    "yesterday at",
    "today now",
    "yesterdays",
    "nowhere",
    "at",
    /* A day and month need a four-digit year, and one separator. */
    "18.11.26",
    "18/11-2026",
    "18/11/20266",
    "2026-11",
    "2026-11-18 14",
    "2026-11-18T14:30+99",
    "2026-11-18 nonsense",
    "2026-11-18T14:30:00 blah",
    "26-11-18",
    "20261118",
    "--",
    "now now",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    assert_refused_quoting (invalid[i], now, AMENDS_WHEN_ERROR_INVALID);
}

static void
test_parse_invalid_message (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = amends_when_parse ("next tuesday", now, &error);

  g_assert_null (when);
  g_assert_error (error, AMENDS_WHEN_ERROR, AMENDS_WHEN_ERROR_INVALID);
  /* The example date is yesterday's, so it works when tried. */
  g_assert_cmpstr (error->message, ==,
                   "Could not read “next tuesday” as a time. Try “now”, “2 h ago”, "
                   "“yesterday 14:30” or “2026-11-17 09:30”.");
}

static void
test_parse_out_of_range_message (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = amends_when_parse ("2026-02-30", now, &error);

  g_assert_null (when);
  g_assert_error (error, AMENDS_WHEN_ERROR, AMENDS_WHEN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "“2026-02-30” is not a real time or date. Hours go from 0 to 23, "
                   "minutes from 0 to 59, and the day must exist in its month.");
}

static void
test_parse_out_of_range (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  static const char * const impossible[] = {
    "25:00",
    "24:00",
    "9:60",
    "9:30:60",
    "yesterday 25:00",
    "13 pm",
    "0 am",
    "2026-02-30",
    "2026-13-01",
    "2026-00-10",
    "2025-02-29",
    "2026-11-17 25:00",
    "2026-02-30T10:00:00Z",
    "0000-01-01",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (impossible); i++)
    assert_refused_quoting (impossible[i], now, AMENDS_WHEN_ERROR_INVALID);
}

static void
test_parse_long_text (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  g_autofree char *nines = g_strnfill (10000, '9');
  g_autofree char *spaces = g_strnfill (10000, ' ');
  g_autofree char *repeated = NULL;
  GString *words = g_string_new (NULL);

  for (guint i = 0; i < 2000; i++)
    g_string_append (words, "2 h ");
  g_string_append (words, "ago");
  repeated = g_string_free (words, FALSE);

  assert_refused (nines, now, AMENDS_WHEN_ERROR_INVALID);
  assert_refused (spaces, now, AMENDS_WHEN_ERROR_INVALID);
  assert_refused (repeated, now, AMENDS_WHEN_ERROR_INVALID);

  /* The message quotes the beginning, not ten thousand characters. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GDateTime) when = amends_when_parse (nines, now, &error);

    g_assert_null (when);
    g_assert_nonnull (strstr (error->message, "“9999999999"));
    g_assert_nonnull (strstr (error->message, "…”"));
    g_assert_cmpuint (strlen (error->message), <, 300);
  }
}

static void
test_parse_invalid_utf8 (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  static const char * const bytes[] = {
    "\xff\xfe",
    "2 h ago\xc3",
    "yesterday \x80 14:30",
    "\xed\xa0\x80",
    "now\xc0\xae",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bytes); i++)
    assert_refused (bytes[i], now, AMENDS_WHEN_ERROR_INVALID);
}

static void
test_format (void)
{
  g_autoptr(GDateTime) now = local (2026, 11, 18, 10, 0);
  static const struct {
    int         day, hour, minute, second;
    const char *text;
  } examples[] = {
    { 18, 10, 0, 0, "now" },
    { 18, 10, 0, 59, "now" },
    { 18, 9, 59, 59, "today 09:59" },
    { 18, 9, 15, 0, "today 09:15" },
    { 18, 0, 0, 0, "today 00:00" },
    { 17, 23, 59, 0, "yesterday 23:59" },
    { 17, 9, 15, 0, "yesterday 09:15" },
    { 16, 23, 59, 0, "2026-11-16 23:59" },
    { 19, 9, 30, 0, "2026-11-19 09:30" },
    { 1, 9, 30, 0, "2026-11-01 09:30" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autoptr(GDateTime) when = g_date_time_new (berlin, 2026, 11, examples[i].day,
                                                   examples[i].hour, examples[i].minute,
                                                   examples[i].second);
      g_autofree char *text = amends_when_format (when, now);

      g_assert_cmpstr (text, ==, examples[i].text);
    }
}

static void
test_format_in_now_zone (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = local (2026, 11, 18, 10, 0);
  /* 23:30 UTC on the 17th is 00:30 on the 18th in Berlin. */
  g_autoptr(GDateTime) when = g_date_time_new (utc, 2026, 11, 17, 23, 30, 0);
  g_autofree char *text = amends_when_format (when, now);

  g_assert_cmpstr (text, ==, "today 00:30");
}

static void
test_format_round_trip (void)
{
  g_autoptr(GDateTime) now = g_date_time_new (berlin, 2026, 11, 18, 10, 0, 20);
  static const GTimeSpan offsets[] = {
    0,
    -10 * G_TIME_SPAN_SECOND,
    -40 * G_TIME_SPAN_SECOND,
    -5 * G_TIME_SPAN_MINUTE,
    -3 * G_TIME_SPAN_HOUR - 17 * G_TIME_SPAN_MINUTE,
    -10 * G_TIME_SPAN_HOUR,
    -20 * G_TIME_SPAN_HOUR,
    -34 * G_TIME_SPAN_HOUR,
    -3 * G_TIME_SPAN_DAY,
    -400 * G_TIME_SPAN_DAY,
    -200 * G_TIME_SPAN_DAY,
    4 * G_TIME_SPAN_MINUTE,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add (now, offsets[i]);
      g_autofree char *text = amends_when_format (when, now);
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) back = amends_when_parse (text, now, &error);

      g_assert_no_error (error);
      g_assert_cmpint (g_date_time_to_unix (back) / 60, ==, g_date_time_to_unix (when) / 60);
    }
}

static void
test_format_repeated_hour (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = local (2026, 10, 25, 10, 0);
  /* Berlin's clocks read 02:30 twice that night: at 00:30 and 01:30 UTC. */
  g_autoptr(GDateTime) first = g_date_time_new (utc, 2026, 10, 25, 0, 30, 0);
  g_autoptr(GDateTime) second = g_date_time_new (utc, 2026, 10, 25, 1, 30, 0);
  GDateTime *times[] = { first, second };
  g_autofree char *first_text = amends_when_format (first, now);
  g_autofree char *second_text = amends_when_format (second, now);

  g_assert_cmpstr (first_text, ==, "2026-10-25 02:30+02:00");
  g_assert_cmpstr (second_text, !=, first_text);

  for (gsize i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *text = amends_when_format (times[i], now);
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) back = amends_when_parse (text, now, &error);

      g_assert_no_error (error);
      g_assert_true (g_date_time_equal (back, times[i]));
    }
}


/* The day as the locale writes it: "26/11/2026 14:30", both orders. */

static void
assert_parses_in_order (const char      *text,
                        GDateTime       *now,
                        AmendsWhenOrder  order,
                        const char      *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = amends_when_parse_in_order (text, now, order, &error);
  g_autofree char *iso = NULL;

  if (error != NULL)
    g_test_message ("“%s”: %s", text, error->message);
  g_assert_no_error (error);
  iso = g_date_time_format_iso8601 (when);
  if (g_strcmp0 (iso, expected) != 0)
    g_test_message ("“%s” read as %s", text, iso);
  g_assert_cmpstr (iso, ==, expected);
}

static void
test_parse_day_month_unambiguous (void)
{
  /* Friday 27 November 2026, 10:00 in Berlin: the 26th is yesterday. */
  g_autoptr(GDateTime) now = local (2026, 11, 27, 10, 0);
  static const Example examples[] = {
    /* A day after the 12th cannot be a month: read in either locale. */
    { "26/11/2026 14:30", "2026-11-26T14:30:00+01" },
    { "26/11/2026", "2026-11-26T00:00:00+01" },
    { "26.11.2026 14:30", "2026-11-26T14:30:00+01" },
    { "26-11-2026 at 2:30 pm", "2026-11-26T14:30:00+01" },
    { "11/26/2026 14:30", "2026-11-26T14:30:00+01" },
    { "7/31/2026", "2026-07-31T00:00:00+02" },
    { "31/7/2026", "2026-07-31T00:00:00+02" },
    { "18.11.2026", "2026-11-18T00:00:00+01" },
    { "11/18/2026", "2026-11-18T00:00:00+01" },
    { " 26/11/2026   14:30 ", "2026-11-26T14:30:00+01" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      assert_parses_in_order (examples[i].text, now, AMENDS_WHEN_ORDER_DAY_FIRST, examples[i].expected);
      assert_parses_in_order (examples[i].text, now, AMENDS_WHEN_ORDER_MONTH_FIRST, examples[i].expected);
      assert_parses (examples[i].text, now, examples[i].expected);
    }
}

static void
test_parse_day_month_in_order (void)
{
  g_autoptr(GDateTime) now = usual_now ();

  /* 3 April (summer time in Berlin) or 4 March (winter time). */
  assert_parses_in_order ("03/04/2026", now, AMENDS_WHEN_ORDER_DAY_FIRST, "2026-04-03T00:00:00+02");
  assert_parses_in_order ("03/04/2026", now, AMENDS_WHEN_ORDER_MONTH_FIRST, "2026-03-04T00:00:00+01");
  assert_parses_in_order ("3.4.2026 9:15", now, AMENDS_WHEN_ORDER_DAY_FIRST, "2026-04-03T09:15:00+02");
  assert_parses_in_order ("3.4.2026 9:15", now, AMENDS_WHEN_ORDER_MONTH_FIRST, "2026-03-04T09:15:00+01");
  assert_parses_in_order ("10/11/2026", now, AMENDS_WHEN_ORDER_DAY_FIRST, "2026-11-10T00:00:00+01");
  assert_parses_in_order ("10/11/2026", now, AMENDS_WHEN_ORDER_MONTH_FIRST, "2026-10-11T00:00:00+02");
  /* ISO is read the same whatever the order. */
  assert_parses_in_order ("2026-04-03", now, AMENDS_WHEN_ORDER_DAY_FIRST, "2026-04-03T00:00:00+02");
  assert_parses_in_order ("2026-04-03", now, AMENDS_WHEN_ORDER_MONTH_FIRST, "2026-04-03T00:00:00+02");
}

static void
test_parse_day_month_refused (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  static const struct {
    const char *text;
    int code;
  } refused[] = {
    /* Neither order gives a date. */
    { "31/13/2026", AMENDS_WHEN_ERROR_INVALID },
    { "30/02/2026", AMENDS_WHEN_ERROR_INVALID },
    { "00/11/2026", AMENDS_WHEN_ERROR_INVALID },
    { "18/11/2026 25:00", AMENDS_WHEN_ERROR_INVALID },
    /* 19 November whichever order: a day ahead. */
    { "19/11/2026", AMENDS_WHEN_ERROR_FUTURE },
    { "12/11/2026 at", AMENDS_WHEN_ERROR_INVALID },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      AmendsWhenOrder orders[] = { AMENDS_WHEN_ORDER_DAY_FIRST, AMENDS_WHEN_ORDER_MONTH_FIRST };

      for (gsize j = 0; j < G_N_ELEMENTS (orders); j++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GDateTime) when = amends_when_parse_in_order (refused[i].text, now, orders[j], &error);

          if (when != NULL)
            g_test_message ("“%s” read as a time", refused[i].text);
          g_assert_null (when);
          g_assert_error (error, AMENDS_WHEN_ERROR, refused[i].code);
        }
    }
}

/* The locale's own order, where the locale is installed: C and en_US write
 * the month first, en_GB and de_DE the day. */
static void
test_parse_day_month_locale (void)
{
  static const struct {
    const char *locale;
    AmendsWhenOrder order;
    const char *expected;
  } locales[] = {
    { "C.UTF-8", AMENDS_WHEN_ORDER_MONTH_FIRST, "2026-03-04T00:00:00+01" },
    { "en_US.UTF-8", AMENDS_WHEN_ORDER_MONTH_FIRST, "2026-03-04T00:00:00+01" },
    { "en_GB.UTF-8", AMENDS_WHEN_ORDER_DAY_FIRST, "2026-04-03T00:00:00+02" },
    { "de_DE.UTF-8", AMENDS_WHEN_ORDER_DAY_FIRST, "2026-04-03T00:00:00+02" },
  };
  g_autoptr(GDateTime) now = usual_now ();
  g_autofree char *saved = g_strdup (setlocale (LC_TIME, NULL));
  guint tried = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      if (setlocale (LC_TIME, locales[i].locale) == NULL)
        {
          g_test_message ("%s is not installed: not tried", locales[i].locale);
          continue;
        }

      tried++;
      g_assert_cmpint (amends_when_locale_order (), ==, locales[i].order);
      assert_parses ("03/04/2026", now, locales[i].expected);
    }

  setlocale (LC_TIME, saved);
  /* C.UTF-8 is always there: at least the month-first order was tried. */
  g_assert_cmpuint (tried, >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* The words and messages are checked in English. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, NULL);

  berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_assert_nonnull (berlin);

  g_test_add_func ("/when/parse/now", test_parse_now);
  g_test_add_func ("/when/parse/minutes-ago", test_parse_minutes_ago);
  g_test_add_func ("/when/parse/hours-ago", test_parse_hours_ago);
  g_test_add_func ("/when/parse/days-ago", test_parse_days_ago);
  g_test_add_func ("/when/parse/bare-span-means-ago", test_parse_bare_span);
  g_test_add_func ("/when/parse/yesterday", test_parse_yesterday);
  g_test_add_func ("/when/parse/today-time", test_parse_today_time);
  g_test_add_func ("/when/parse/yesterday-time", test_parse_yesterday_time);
  g_test_add_func ("/when/parse/yesterday-across-month", test_parse_yesterday_across_month);
  g_test_add_func ("/when/parse/time-alone-is-today", test_parse_time_alone);
  g_test_add_func ("/when/parse/iso-date-is-midnight", test_parse_iso_date);
  g_test_add_func ("/when/parse/iso-date-time", test_parse_iso_date_time);
  g_test_add_func ("/when/parse/iso-with-zone", test_parse_iso_with_zone);
  g_test_add_func ("/when/parse/result-in-zone-of-now", test_parse_result_in_now_zone);
  g_test_add_func ("/when/parse/day-month-unambiguous", test_parse_day_month_unambiguous);
  g_test_add_func ("/when/parse/day-month-in-order", test_parse_day_month_in_order);
  g_test_add_func ("/when/parse/day-month-refused", test_parse_day_month_refused);
  g_test_add_func ("/when/parse/day-month-in-locale-order", test_parse_day_month_locale);
  g_test_add_func ("/when/parse/case-and-spacing", test_parse_case_and_spacing);
  g_test_add_func ("/when/parse/across-daylight-saving", test_parse_hours_ago_across_daylight_saving);
  g_test_add_func ("/when/parse/future-refused", test_parse_future_refused);
  g_test_add_func ("/when/parse/future-message", test_parse_future_message);
  g_test_add_func ("/when/parse/invalid-refused", test_parse_invalid);
  g_test_add_func ("/when/parse/invalid-message", test_parse_invalid_message);
  g_test_add_func ("/when/parse/out-of-range-refused", test_parse_out_of_range);
  g_test_add_func ("/when/parse/out-of-range-message", test_parse_out_of_range_message);
  g_test_add_func ("/when/parse/long-text-refused", test_parse_long_text);
  g_test_add_func ("/when/parse/invalid-utf8-refused", test_parse_invalid_utf8);
  g_test_add_func ("/when/format/forms", test_format);
  g_test_add_func ("/when/format/in-zone-of-now", test_format_in_now_zone);
  g_test_add_func ("/when/format/round-trip", test_format_round_trip);
  g_test_add_func ("/when/format/repeated-hour-keeps-offset", test_format_repeated_hour);

  ret = g_test_run ();

  g_time_zone_unref (berlin);
  return ret;
}
