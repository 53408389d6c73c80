/* test-when-de.c: "when it happened" in German, written and read back
 *
 * Runs under de_DE.UTF-8 with the few German messages of
 * tests/locale/de/LC_MESSAGES/amends-test.po (the words "heute", "um",
 * "Uhr" and one pattern), not with po/de.po: the patterns a translator
 * might pick are given to amends_when_format_with() directly.  Every
 * expected text is written by hand from glibc's German names ("Mi",
 * "Nov", "Mär").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "amends-when.h"
#include "amends-when-private.h"

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

/* Friday 27 November 2026, 10:00 in Berlin. */
static GDateTime *
usual_now (void)
{
  return local (2026, 11, 27, 10, 0);
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
  iso = g_date_time_format_iso8601 (when);
  if (g_strcmp0 (iso, expected) != 0)
    g_test_message ("“%s” read as %s", text, iso);
  g_assert_cmpstr (iso, ==, expected);
}

static void
test_parse_german (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  /* Written by hand: what a German receptionist types or reads. */
  static const struct { const char *text, *expected; } examples[] = {
    { "jetzt", "2026-11-27T10:00:00+01" },
    { "heute 09:15", "2026-11-27T09:15:00+01" },
    { "heute um 9:15", "2026-11-27T09:15:00+01" },
    { "Heute, 09:15 Uhr", "2026-11-27T09:15:00+01" },
    { "gestern 23:59", "2026-11-26T23:59:00+01" },
    { "9 Uhr", "2026-11-27T09:00:00+01" },
    { "25.11.2026 11:20", "2026-11-25T11:20:00+01" },
    { "25.11.2026, 11:20 Uhr", "2026-11-25T11:20:00+01" },
    { "Mi., 25. Nov. 2026 11:20", "2026-11-25T11:20:00+01" },
    { "Mi 25 Nov 2026 11:20", "2026-11-25T11:20:00+01" },
    { "Mittwoch, 25. November 2026 um 11:20", "2026-11-25T11:20:00+01" },
    { "25. November 2026", "2026-11-25T00:00:00+01" },
    { "4. März 2026 9:05", "2026-03-04T09:05:00+01" },
    { "4. Mär. 2026 9:05", "2026-03-04T09:05:00+01" },
    { "25. Nov. 11:20", "2026-11-25T11:20:00+01" },
    { "Mi 25.11.2026 11:20", "2026-11-25T11:20:00+01" },
    /* English still works. */
    { "Wed, 25 Nov 2026 11:20", "2026-11-25T11:20:00+01" },
    { "Nov 25, 2026 at 11:20 am", "2026-11-25T11:20:00+01" },
    { "yesterday 14:30", "2026-11-26T14:30:00+01" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (examples); i++)
    assert_parses (examples[i].text, now, examples[i].expected);
}

static void
test_parse_german_refused (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  static const char * const texts[] = {
    "25. Novembär 2026",
    "32. Nov. 2026",
    "Mi., 25. 2026",
    "25 Uhr",
    "25.11.26 11:20",       /* a two-digit year is not a date */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) when = amends_when_parse (texts[i], now, &error);

      g_test_message ("%s", texts[i]);
      g_assert_null (when);
      g_assert_error (error, AMENDS_WHEN_ERROR, AMENDS_WHEN_ERROR_INVALID);
    }
}

/* What a German translation's patterns write, and that it reads back. */
static void
test_format_patterns (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  static const struct {
    const char *date_time, *clock;
    int month, day, hour, minute;
    const char *expected;
  } examples[] = {
    { "%a., %-d. %b. %Y %H:%M", "%H:%M", 11, 25, 11, 20, "Mi., 25. Nov. 2026 11:20" },
    { "%d.%m.%Y %H:%M", "%H:%M", 11, 25, 11, 20, "25.11.2026 11:20" },
    { "%A, %-d. %B %Y, %H:%M Uhr", "%H:%M Uhr", 11, 25, 11, 20, "Mittwoch, 25. November 2026, 11:20 Uhr" },
    { "%-d. %B %Y um %H:%M", "%H:%M", 11, 25, 11, 20, "25. November 2026 um 11:20" },
    { "%a, %e. %b %Y %k:%M", "%k:%M", 3, 4, 9, 5, "Mi, 4. Mär 2026 9:05" },
    { "%x %H:%M", "%H:%M", 3, 4, 9, 5, "04.03.2026 09:05" },
    /* The clock for today and yesterday */
    { "%d.%m.%Y %H:%M", "%H:%M Uhr", 11, 27, 9, 15, "heute 09:15 Uhr" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autoptr(GDateTime) when = local (2026, examples[i].month, examples[i].day,
                                         examples[i].hour, examples[i].minute);
      g_autofree char *text = amends_when_format_with (when, now, examples[i].date_time,
                                                       examples[i].clock);
      g_autoptr(GDateTime) back = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", examples[i].date_time);
      g_assert_cmpstr (text, ==, examples[i].expected);
      back = amends_when_parse (text, now, &error);
      g_assert_no_error (error);
      g_assert_true (g_date_time_equal (back, when));
    }
}

/* A pattern that would not read back is not used: the entry must keep
 * its minute. */
static void
test_format_unreadable_pattern (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  g_autoptr(GDateTime) when = local (2026, 11, 25, 11, 20);
  g_autofree char *two_digit_year = amends_when_format_with (when, now, "%d.%m.%y %H:%M", "%H:%M");
  g_autofree char *no_minutes = amends_when_format_with (when, now, "%d.%m.%Y %H Uhr", "%H:%M");

  g_autoptr(GDateTime) yesterday = local (2026, 11, 26, 23, 59);
  g_autofree char *dotted_clock = amends_when_format_with (yesterday, now, "%d.%m.%Y %H:%M", "%k.%M");

  g_assert_cmpstr (two_digit_year, ==, "2026-11-25 11:20");
  g_assert_cmpstr (no_minutes, ==, "2026-11-25 11:20");
  g_assert_cmpstr (dotted_clock, ==, "gestern 23:59");
}

/* amends_when_format() itself, with the test messages' German patterns. */
static void
test_format_translated (void)
{
  g_autoptr(GDateTime) now = usual_now ();
  static const struct { int month, day, hour, minute; const char *expected; } examples[] = {
    { 11, 27, 10, 0, "jetzt" },
    { 11, 27, 9, 15, "heute 09:15 Uhr" },
    { 11, 26, 8, 5, "gestern 08:05 Uhr" },
    { 11, 25, 11, 20, "Mi., 25. Nov. 2026, 11:20" },
    { 3, 4, 9, 5, "Mi., 4. Mär. 2026, 09:05" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autoptr(GDateTime) when = local (2026, examples[i].month, examples[i].day,
                                         examples[i].hour, examples[i].minute);
      g_autofree char *text = amends_when_format (when, now);
      g_autoptr(GDateTime) back = NULL;

      g_assert_cmpstr (text, ==, examples[i].expected);
      back = amends_when_parse (text, now, NULL);
      g_assert_nonnull (back);
      g_assert_true (g_date_time_equal (back, when));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *locale_dir = NULL;

  g_unsetenv ("LANGUAGE");
  /* The build makes this locale in tests/locale/ (LOCPATH); without it
   * the test fails rather than passing without having looked. */
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    g_error ("de_DE.UTF-8 is not available (LOCPATH=%s)", g_getenv ("LOCPATH"));

  g_test_init (&argc, &argv, NULL);

  locale_dir = g_test_build_filename (G_TEST_BUILT, "locale", NULL);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_assert_nonnull (berlin);

  g_test_add_func ("/when-de/parse/german", test_parse_german);
  g_test_add_func ("/when-de/parse/german-refused", test_parse_german_refused);
  g_test_add_func ("/when-de/format/patterns-read-back", test_format_patterns);
  g_test_add_func ("/when-de/format/unreadable-pattern-not-used", test_format_unreadable_pattern);
  g_test_add_func ("/when-de/format/translated", test_format_translated);

  return g_test_run ();
}
