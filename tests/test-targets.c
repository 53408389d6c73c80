/* test-targets.c: targets per category and severity, office hours, and
 * the target kept on a case when it is logged
 *
 * Every expected time is worked out by hand from the definitions (the
 * top of amends-office-hours.c and amends-store-targets.c).  The dates of
 * November 2026: Monday the 23rd … Sunday the 29th, Monday the 30th.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-clock.h"
#include "amends-office-hours.h"
#include "amends-store-targets.h"
#include "amends-test-utils.h"

#define HOUR 3600

/* Monday to Friday, 9:00 to 17:00. */
static const AmendsOfficeSpan weekdays[] = {
  { 1, 9 * 60, 17 * 60 }, { 2, 9 * 60, 17 * 60 }, { 3, 9 * 60, 17 * 60 },
  { 4, 9 * 60, 17 * 60 }, { 5, 9 * 60, 17 * 60 },
};

static void
assert_due (const char             *start,
            gint64                  seconds,
            const char             *zone_name,
            const AmendsOfficeSpan *spans,
            guint                   n_spans,
            const char             *expected)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_name);
  g_autoptr(GDateTime) from = g_date_time_new_from_iso8601 (start, zone);
  g_autoptr(GDateTime) want = g_date_time_new_from_iso8601 (expected, zone);
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *got = NULL;

  g_assert_nonnull (zone);
  g_assert_nonnull (from);
  g_assert_nonnull (want);
  due = amends_office_hours_add (from, seconds, zone, spans, n_spans);
  got = g_date_time_format_iso8601 (due);
  g_test_message ("%s + %" G_GINT64_FORMAT " s → %s (want %s)", start, seconds, got, expected);
  g_assert_cmpint (g_date_time_to_unix (due), ==, g_date_time_to_unix (want));
}

/* The issue's own example: a billing case logged Friday 16:00 with 4 h
 * in office hours: 1 h on Friday, 3 h on Monday from 9:00. */
static void
test_office_hours_over_weekend (void)
{
  assert_due ("2026-11-27T16:00:00", 4 * HOUR, "UTC", weekdays, G_N_ELEMENTS (weekdays),
              "2026-11-30T12:00:00");
  /* Logged on Saturday: waits for Monday 9:00, then 4 h. */
  assert_due ("2026-11-28T10:00:00", 4 * HOUR, "UTC", weekdays, G_N_ELEMENTS (weekdays),
              "2026-11-30T13:00:00");
  /* Logged before opening on Monday. */
  assert_due ("2026-11-23T07:30:00", 4 * HOUR, "UTC", weekdays, G_N_ELEMENTS (weekdays),
              "2026-11-23T13:00:00");
  /* A due time that falls on the closing is that closing, not Monday 9:00. */
  assert_due ("2026-11-27T13:00:00", 4 * HOUR, "UTC", weekdays, G_N_ELEMENTS (weekdays),
              "2026-11-27T17:00:00");
  /* Two whole days and a half: Thu 12:00 → 5 h Thu, 8 h Fri, 3 h Mon. */
  assert_due ("2026-11-26T12:00:00", 16 * HOUR, "UTC", weekdays, G_N_ELEMENTS (weekdays),
              "2026-11-30T12:00:00");
}

/* Wednesday closed: Tuesday 15:00 + 4 h is 2 h on Tuesday and 2 h on
 * Thursday from 9:00. */
static void
test_office_hours_closed_day (void)
{
  static const AmendsOfficeSpan spans[] = {
    { 1, 9 * 60, 17 * 60 }, { 2, 9 * 60, 17 * 60 }, { 4, 9 * 60, 17 * 60 }, { 5, 9 * 60, 17 * 60 },
  };
  /* A lunch break: Monday 9:00–12:00 and 13:00–17:00. */
  static const AmendsOfficeSpan lunch[] = {
    { 1, 13 * 60, 17 * 60 }, { 1, 9 * 60, 12 * 60 },
  };
  /* Saturday only, all day: 1440 is midnight at its end. */
  static const AmendsOfficeSpan saturday[] = { { 6, 0, 24 * 60 } };

  assert_due ("2026-11-24T15:00:00", 4 * HOUR, "UTC", spans, G_N_ELEMENTS (spans),
              "2026-11-26T11:00:00");
  assert_due ("2026-11-23T11:00:00", 2 * HOUR, "UTC", lunch, G_N_ELEMENTS (lunch),
              "2026-11-23T14:00:00");
  /* Friday 23:00 + 30 h: all of Saturday (24 h), then the next Saturday 6:00. */
  assert_due ("2026-11-27T23:00:00", 30 * HOUR, "UTC", saturday, G_N_ELEMENTS (saturday),
              "2026-12-05T06:00:00");
}

/* No office hours kept: the clock always runs. */
static void
test_office_hours_unset (void)
{
  static const AmendsOfficeSpan closed_all_week[] = { { 3, 600, 600 } };

  g_assert_false (amends_office_hours_is_set (NULL, 0));
  g_assert_false (amends_office_hours_is_set (closed_all_week, 1));
  assert_due ("2026-11-27T16:00:00", 4 * HOUR, "UTC", NULL, 0, "2026-11-27T20:00:00");
  assert_due ("2026-11-27T16:00:00", 4 * HOUR, "UTC", closed_all_week, 1, "2026-11-27T20:00:00");
}

/* Spans are wall-clock readings; the time between is real time.  Paris,
 * an office open on Sundays 1:00–5:00.  On 25 October 2026 the clocks go
 * back at 3:00, so that Sunday holds 5 real hours: a 5 h target logged at
 * 1:00 (+02:00) is due at 5:00 (+01:00) the same morning.  On 29 March
 * 2026 they go forward at 2:00: that Sunday holds 3 h, so 4 h logged at
 * 1:00 (+01:00) leave 1 h for the next Sunday, due 2:00 (+02:00). */
static void
test_office_hours_daylight_saving (void)
{
  static const AmendsOfficeSpan sunday_night[] = { { 7, 60, 5 * 60 } };

  assert_due ("2026-10-25T01:00:00+02:00", 5 * HOUR, "Europe/Paris", sunday_night, 1,
              "2026-10-25T05:00:00+01:00");
  assert_due ("2026-03-29T01:00:00+01:00", 4 * HOUR, "Europe/Paris", sunday_night, 1,
              "2026-04-05T02:00:00+02:00");
}

static void
set_target (AmendsStore *store,
            const char  *category,
            int          severity,
            gint64       seconds,
            gboolean     office_hours_only)
{
  g_autoptr(GError) error = NULL;

  amends_store_set_target (store, category, severity, seconds, office_hours_only, &error);
  g_assert_no_error (error);
}

static void
assert_target (AmendsStore *store,
               const char  *category,
               int          severity,
               gint64       seconds,
               gboolean     office_hours_only)
{
  g_autoptr(GError) error = NULL;
  AmendsTargetInForce target;

  amends_store_lookup_target (store, category, severity, &target, &error);
  g_assert_no_error (error);
  g_test_message ("%s/%d: %" G_GINT64_FORMAT " s%s", category, severity, target.seconds,
                  target.office_hours_only ? ", office hours" : "");
  g_assert_cmpint (target.seconds, ==, seconds);
  g_assert_cmpint (target.office_hours_only, ==, office_hours_only);
}

/* (category, severity) > (category, any) > (any, severity) > (any, any)
 * > the desk's setting. */
static void
test_lookup_precedence (AmendsTestDb  *db,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  amends_store_set_recovery_target_hours (db->store, 10);
  assert_target (db->store, "Billing", AMENDS_SEVERITY_MAJOR, 10 * HOUR, FALSE);

  /* The setting comes in once, as the row for any case... */
  amends_store_seed_default_target (db->store, 30, &error);
  g_assert_no_error (error);
  assert_target (db->store, "Billing", AMENDS_SEVERITY_MAJOR, 30 * HOUR, FALSE);
  /* ...and only into an empty table. */
  amends_store_seed_default_target (db->store, 50, &error);
  g_assert_no_error (error);
  assert_target (db->store, "Billing", AMENDS_SEVERITY_MAJOR, 30 * HOUR, FALSE);

  set_target (db->store, NULL, AMENDS_SEVERITY_MAJOR, 4 * HOUR, FALSE);
  assert_target (db->store, "Billing", AMENDS_SEVERITY_MAJOR, 4 * HOUR, FALSE);
  assert_target (db->store, "Billing", AMENDS_SEVERITY_MINOR, 30 * HOUR, FALSE);

  set_target (db->store, "Billing", -1, 8 * HOUR, TRUE);
  assert_target (db->store, "Billing", AMENDS_SEVERITY_MAJOR, 8 * HOUR, TRUE);
  /* Categories match without regard to case. */
  assert_target (db->store, "billing", AMENDS_SEVERITY_MINOR, 8 * HOUR, TRUE);
  assert_target (db->store, "Rooms", AMENDS_SEVERITY_MAJOR, 4 * HOUR, FALSE);
  assert_target (db->store, NULL, AMENDS_SEVERITY_MODERATE, 30 * HOUR, FALSE);

  set_target (db->store, "Billing", AMENDS_SEVERITY_MAJOR, 2 * HOUR, FALSE);
  assert_target (db->store, "Billing", AMENDS_SEVERITY_MAJOR, 2 * HOUR, FALSE);
  assert_target (db->store, "Billing", AMENDS_SEVERITY_MODERATE, 8 * HOUR, TRUE);

  /* A row that only says "office hours" takes its time from the next. */
  set_target (db->store, "Spa", -1, 0, TRUE);
  assert_target (db->store, "Spa", AMENDS_SEVERITY_MAJOR, 4 * HOUR, TRUE);
  assert_target (db->store, "Spa", AMENDS_SEVERITY_MINOR, 30 * HOUR, TRUE);

  /* Without the row for any case, the desk's setting again. */
  amends_store_remove_target (db->store, NULL, -1, &error);
  g_assert_no_error (error);
  assert_target (db->store, "Rooms", AMENDS_SEVERITY_MINOR, 10 * HOUR, FALSE);

  rows = amends_store_list_targets (db->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
}

static AmendsCase *
log_case (AmendsStore  *store,
          const char   *category,
          int           severity,
          GDateTime    *occurred_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCase) kase = amends_case_new ();

  g_object_set (kase, "summary", "Charged twice", "category", category,
                "severity", severity, "occurred-at", occurred_at, NULL);
  amends_store_insert (store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  return g_steal_pointer (&kase);
}

static AmendsCase *
reload (AmendsStore *store,
        AmendsCase  *kase)
{
  g_autoptr(GError) error = NULL;
  AmendsCase *stored = amends_store_load (store, AMENDS_TYPE_CASE,
                                          amends_record_get_id (AMENDS_RECORD (kase)), &error);

  g_assert_no_error (error);
  return stored;
}

static gint64
due_after (AmendsCase *kase)
{
  return g_date_time_to_unix (amends_case_get_recovery_due_at (kase)) -
         g_date_time_to_unix (amends_case_get_occurred_at (kase));
}

/* The target in force is kept on the case when it is logged; changing
 * the target later leaves the case as it was. */
static void
test_target_kept_on_case (AmendsTestDb  *db,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) happened = amends_test_time ("2026-11-18T08:00:00Z");
  g_autoptr(AmendsCase) first = NULL;
  g_autoptr(AmendsCase) second = NULL;
  g_autoptr(AmendsCase) stored = NULL;

  set_target (db->store, NULL, AMENDS_SEVERITY_MAJOR, 4 * HOUR, FALSE);
  first = log_case (db->store, "Rooms", AMENDS_SEVERITY_MAJOR, happened);
  g_assert_cmpint (due_after (first), ==, 4 * HOUR);
  g_assert_cmpint (amends_case_get_target_seconds (first), ==, 4 * HOUR);

  set_target (db->store, NULL, AMENDS_SEVERITY_MAJOR, 8 * HOUR, FALSE);
  amends_test_db_reopen (db);
  stored = reload (db->store, first);
  g_assert_cmpint (due_after (stored), ==, 4 * HOUR);
  g_assert_cmpint (amends_case_get_target_seconds (stored), ==, 4 * HOUR);
  g_assert_cmpint (amends_clock_get_target (stored), ==, 4 * HOUR * G_TIME_SPAN_SECOND);

  second = log_case (db->store, "Rooms", AMENDS_SEVERITY_MAJOR, happened);
  g_assert_cmpint (due_after (second), ==, 8 * HOUR);
  g_clear_object (&stored);
  stored = reload (db->store, second);
  g_assert_cmpint (amends_case_get_target_seconds (stored), ==, 8 * HOUR);
}

/* A case logged before targets were kept has none stored (NULL); its
 * target reads as its due time less when it happened.  So does one that
 * comes with its own due time. */
static void
test_target_of_old_case (AmendsTestDb  *db,
                         gconstpointer  data)
{
  g_autoptr(GDateTime) happened = amends_test_time ("2026-11-18T08:00:00Z");
  g_autoptr(GDateTime) due = amends_test_time ("2026-11-19T14:00:00Z");
  g_autoptr(AmendsCase) kase = amends_case_new ();
  g_autoptr(AmendsCase) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 is_null = 0;
  g_autofree char *sql = NULL;

  g_object_set (kase, "summary", "Imported", "occurred-at", happened, "recovery-due-at", due, NULL);
  amends_store_insert (db->store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  sql = g_strdup_printf ("SELECT target_seconds IS NULL FROM cases WHERE id = %" G_GINT64_FORMAT,
                         amends_record_get_id (AMENDS_RECORD (kase)));
  amends_store_query_int64 (db->store, sql, &is_null, &error);
  g_assert_no_error (error);
  g_assert_cmpint (is_null, ==, 1);

  stored = reload (db->store, kase);
  g_assert_cmpint (amends_case_get_target_seconds (stored), ==, 0);
  g_assert_cmpint (amends_clock_get_target (stored), ==, 30 * HOUR * G_TIME_SPAN_SECOND);
}

/* The example through the store: billing is office hours only,
 * the office open Monday to Friday 9:00–17:00. */
static void
test_office_hours_case (AmendsTestDb  *db,
                        gconstpointer  data)
{
  g_autoptr(GDateTime) friday = amends_test_time ("2026-11-27T16:00:00Z");
  g_autoptr(GDateTime) monday_noon = amends_test_time ("2026-11-30T12:00:00Z");
  g_autoptr(AmendsCase) billing = NULL;
  g_autoptr(AmendsCase) rooms = NULL;
  g_autoptr(AmendsCase) stored = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GError) error = NULL;

  set_target (db->store, NULL, -1, 4 * HOUR, FALSE);
  set_target (db->store, "Billing", -1, 0, TRUE);
  for (int day = 1; day <= 5; day++)
    {
      amends_store_set_office_hours (db->store, day, 9 * 60, 17 * 60, &error);
      g_assert_no_error (error);
    }
  /* Saturday set, then closed again. */
  amends_store_set_office_hours (db->store, 6, 10 * 60, 12 * 60, &error);
  g_assert_no_error (error);
  amends_store_set_office_hours (db->store, 6, 0, 0, &error);
  g_assert_no_error (error);
  spans = amends_store_get_office_hours (db->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, 5);

  billing = log_case (db->store, "Billing", AMENDS_SEVERITY_MODERATE, friday);
  stored = reload (db->store, billing);
  g_assert_cmpint (g_date_time_to_unix (amends_case_get_recovery_due_at (stored)), ==,
                   g_date_time_to_unix (monday_noon));
  g_assert_cmpint (amends_case_get_target_seconds (stored), ==, 4 * HOUR);
  /* The clock reads its 4 h target, not the 68 h to Monday noon. */
  g_assert_cmpint (amends_clock_get_target (stored), ==, 4 * HOUR * G_TIME_SPAN_SECOND);
  g_assert_true (amends_clock_counts_office_hours (stored));

  /* Any other category: the clock always runs. */
  rooms = log_case (db->store, "Rooms", AMENDS_SEVERITY_MODERATE, friday);
  g_assert_cmpint (due_after (rooms), ==, 4 * HOUR);
  g_assert_false (amends_clock_counts_office_hours (rooms));
}

/* A line's targets in words, in hours as they are set. */
static void
test_format_range (void)
{
  static const struct { gint64 min, max; const char *text; } cases[] = {
    { -1, -1, "—" },
    { 4 * HOUR, 4 * HOUR, "4 h" },
    { 24 * HOUR, 24 * HOUR, "24 h" },
    { 4 * HOUR, 48 * HOUR, "4–48 h" },
    { 1800, 2 * HOUR, "30 min–2 h" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = amends_target_format_range (cases[i].min, cases[i].max);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* The first headline's name says what it measures against: the targets
 * of the period's cases, or the desk's when it has none. */
static void
test_format_within (void)
{
  static const struct { gint64 min, max; int fallback; const char *text; } cases[] = {
    { 24 * HOUR, 24 * HOUR, 48, "Recovered within 24 h" },
    { 4 * HOUR, 48 * HOUR, 24, "Recovered within their targets (4–48 h)" },
    { -1, -1, 24, "Recovered within 24 h" },
    { -1, -1, 8, "Recovered within 8 h" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = amends_target_format_within (cases[i].min, cases[i].max, cases[i].fallback);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* The store works out due times in local time: make it one we know. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/office-hours/weekend", test_office_hours_over_weekend);
  g_test_add_func ("/office-hours/closed-day", test_office_hours_closed_day);
  g_test_add_func ("/office-hours/unset", test_office_hours_unset);
  g_test_add_func ("/office-hours/daylight-saving", test_office_hours_daylight_saving);
  g_test_add_func ("/targets/format-range", test_format_range);
  g_test_add_func ("/targets/format-within", test_format_within);
  g_test_add ("/targets/precedence", AmendsTestDb, NULL,
              amends_test_db_setup, test_lookup_precedence, amends_test_db_teardown);
  g_test_add ("/targets/kept-on-case", AmendsTestDb, NULL,
              amends_test_db_setup, test_target_kept_on_case, amends_test_db_teardown);
  g_test_add ("/targets/old-case", AmendsTestDb, NULL,
              amends_test_db_setup, test_target_of_old_case, amends_test_db_teardown);
  g_test_add ("/targets/office-hours-case", AmendsTestDb, NULL,
              amends_test_db_setup, test_office_hours_case, amends_test_db_teardown);

  return g_test_run ();
}
