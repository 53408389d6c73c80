/* test-clock.c: the recovery clock counts real time, without pauses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "amends-clock.h"

#define MINUTES(n) ((GTimeSpan) (n) * G_TIME_SPAN_MINUTE)
#define HOURS(n)   ((GTimeSpan) (n) * G_TIME_SPAN_HOUR)

static GTimeZone *berlin;

/* A local time in Berlin, where the tests' clocks hang. */
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

/* An open case that happened at @occurred_at with a 24-hour target. */
static AmendsCase *
make_case (GDateTime *occurred_at)
{
  AmendsCase *kase = amends_case_new ();
  g_autoptr(GDateTime) due_at = g_date_time_add (occurred_at, HOURS (24));

  g_object_set (kase,
                "occurred-at", occurred_at,
                "recovery-due-at", due_at,
                NULL);
  return kase;
}

static void
set_recovered (AmendsCase *kase,
               GDateTime  *recovered_at)
{
  g_object_set (kase,
                "status", AMENDS_CASE_STATUS_RECOVERED,
                "recovered-at", recovered_at,
                NULL);
}

static void
assert_describe (AmendsCase *kase,
                 GDateTime  *now,
                 const char *expected)
{
  g_autofree char *text = amends_clock_describe (kase, now);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_target (void)
{
  g_autoptr(GDateTime) occurred = local (2026, 11, 18, 10, 0);
  g_autoptr(GDateTime) due = local (2026, 11, 19, 22, 0);
  g_autoptr(AmendsCase) kase = make_case (occurred);

  g_assert_cmpint (amends_clock_get_target (kase), ==, HOURS (24));

  g_object_set (kase, "recovery-due-at", due, NULL);
  g_assert_cmpint (amends_clock_get_target (kase), ==, HOURS (36));
}

static void
test_unset_times (void)
{
  g_autoptr(AmendsCase) kase = amends_case_new ();
  g_autoptr(GDateTime) now = local (2026, 11, 18, 10, 0);

  g_assert_cmpint (amends_clock_get_target (kase), ==, 0);
  g_assert_cmpint (amends_clock_get_paused (kase, now), ==, 0);
  g_assert_cmpint (amends_clock_get_remaining (kase, now), ==, 0);
  g_assert_cmpint (amends_clock_get_time_to_recovery (kase), ==, -1);
}

static void
test_remaining_running (void)
{
  g_autoptr(GDateTime) occurred = local (2026, 11, 18, 10, 0);
  g_autoptr(GDateTime) now = local (2026, 11, 18, 12, 30);
  g_autoptr(AmendsCase) kase = make_case (occurred);

  g_assert_cmpint (amends_clock_get_remaining (kase, now), ==, HOURS (21) + MINUTES (30));
  g_assert_cmpint (amends_clock_get_state (kase, now), ==, AMENDS_CLOCK_STATE_RUNNING);
  g_assert_cmpint (amends_clock_get_time_to_recovery (kase), ==, -1);

  g_object_set (kase, "status", AMENDS_CASE_STATUS_IN_RECOVERY, NULL);
  g_assert_cmpint (amends_clock_get_state (kase, now), ==, AMENDS_CLOCK_STATE_RUNNING);
  g_assert_cmpint (amends_clock_get_time_to_recovery (kase), ==, -1);
}

static void
test_state_due_soon_boundary (void)
{
  g_autoptr(GDateTime) occurred = local (2026, 11, 18, 10, 0);
  g_autoptr(GDateTime) four_hours_left = local (2026, 11, 19, 6, 0);
  g_autoptr(GDateTime) just_before = g_date_time_add_seconds (four_hours_left, -1);
  g_autoptr(AmendsCase) kase = make_case (occurred);

  g_assert_cmpint (amends_clock_get_remaining (kase, four_hours_left), ==, AMENDS_CLOCK_DUE_SOON);
  g_assert_cmpint (amends_clock_get_state (kase, four_hours_left), ==, AMENDS_CLOCK_STATE_DUE_SOON);
  g_assert_cmpint (amends_clock_get_state (kase, just_before), ==, AMENDS_CLOCK_STATE_RUNNING);
}

static void
test_state_overdue_boundary (void)
{
  g_autoptr(GDateTime) occurred = local (2026, 11, 18, 10, 0);
  g_autoptr(GDateTime) due = local (2026, 11, 19, 10, 0);
  g_autoptr(GDateTime) just_after = g_date_time_add_seconds (due, 1);
  g_autoptr(GDateTime) later = local (2026, 11, 19, 12, 0);
  g_autoptr(AmendsCase) kase = make_case (occurred);

  g_assert_cmpint (amends_clock_get_remaining (kase, due), ==, 0);
  g_assert_cmpint (amends_clock_get_state (kase, due), ==, AMENDS_CLOCK_STATE_DUE_SOON);
  g_assert_cmpint (amends_clock_get_remaining (kase, just_after), ==, -G_TIME_SPAN_SECOND);
  g_assert_cmpint (amends_clock_get_state (kase, just_after), ==, AMENDS_CLOCK_STATE_OVERDUE);
  g_assert_cmpint (amends_clock_get_remaining (kase, later), ==, -HOURS (2));
}

static void
test_paused_finished_pause (void)
{
  g_autoptr(GDateTime) occurred = local (2026, 11, 18, 10, 0);
  g_autoptr(GDateTime) now = local (2026, 11, 19, 12, 0);
  g_autoptr(AmendsCase) kase = make_case (occurred);

  /* 26 h have passed; 3 of them the clock stood still. */
  g_object_set (kase, "paused-seconds", (gint64) (3 * 3600), NULL);

  g_assert_cmpint (amends_clock_get_paused (kase, now), ==, HOURS (3));
  g_assert_cmpint (amends_clock_get_remaining (kase, now), ==, HOURS (1));
  g_assert_cmpint (amends_clock_get_state (kase, now), ==, AMENDS_CLOCK_STATE_DUE_SOON);
}

static void
test_paused_running_pause (void)
{
  g_autoptr(GDateTime) occurred = local (2026, 11, 18, 10, 0);
  g_autoptr(GDateTime) paused_at = local (2026, 11, 18, 20, 0);
  g_autoptr(GDateTime) now = local (2026, 11, 18, 22, 0);
  g_autoptr(GDateTime) much_later = local (2026, 11, 25, 22, 0);
  g_autoptr(AmendsCase) kase = make_case (occurred);

  /* An hour of an earlier pause, then paused since 20:00. */
  g_object_set (kase,
                "paused-seconds", (gint64) 3600,
                "paused-at", paused_at,
                NULL);

  g_assert_cmpint (amends_clock_get_paused (kase, now), ==, HOURS (3));
  g_assert_cmpint (amends_clock_get_remaining (kase, now), ==, HOURS (15));
  g_assert_cmpint (amends_clock_get_state (kase, now), ==, AMENDS_CLOCK_STATE_PAUSED);

  /* A paused clock stands still, however long the wait. */
  g_assert_cmpint (amends_clock_get_remaining (kase, much_later), ==, HOURS (15));
  g_assert_cmpint (amends_clock_get_state (kase, much_later), ==, AMENDS_CLOCK_STATE_PAUSED);
}

static void
test_across_midnight (void)
{
  g_autoptr(GDateTime) occurred = local (2026, 11, 18, 22, 0);
  g_autoptr(GDateTime) now = local (2026, 11, 19, 1, 30);
  g_autoptr(AmendsCase) kase = make_case (occurred);

  g_assert_cmpint (amends_clock_get_remaining (kase, now), ==, HOURS (20) + MINUTES (30));
  g_assert_cmpint (amends_clock_get_state (kase, now), ==, AMENDS_CLOCK_STATE_RUNNING);
}

static void
test_across_daylight_saving (void)
{
  /* Clocks in Berlin go back from 03:00 to 02:00 on 25 October 2026, so
   * 24 real hours after 12:00 on the 24th is 11:00 on the 25th. */
  g_autoptr(GDateTime) occurred = local (2026, 10, 24, 12, 0);
  g_autoptr(GDateTime) due_reading = local (2026, 10, 25, 11, 0);
  g_autoptr(GDateTime) same_reading = local (2026, 10, 25, 12, 0);
  g_autoptr(AmendsCase) kase = make_case (occurred);

  g_assert_cmpint (amends_clock_get_target (kase), ==, HOURS (24));
  g_assert_cmpint (amends_clock_get_remaining (kase, due_reading), ==, 0);
  g_assert_cmpint (amends_clock_get_state (kase, due_reading), ==, AMENDS_CLOCK_STATE_DUE_SOON);
  g_assert_cmpint (amends_clock_get_remaining (kase, same_reading), ==, -HOURS (1));
  g_assert_cmpint (amends_clock_get_state (kase, same_reading), ==, AMENDS_CLOCK_STATE_OVERDUE);

  set_recovered (kase, same_reading);
  g_assert_cmpint (amends_clock_get_time_to_recovery (kase), ==, HOURS (25));
  g_assert_cmpint (amends_clock_get_state (kase, same_reading), ==, AMENDS_CLOCK_STATE_RECOVERED_LATE);
}

static void
test_recovered_in_time (void)
{
  g_autoptr(GDateTime) occurred = local (2026, 11, 18, 10, 0);
  g_autoptr(GDateTime) recovered = local (2026, 11, 18, 13, 0);
  g_autoptr(GDateTime) now = local (2026, 11, 25, 10, 0);
  g_autoptr(AmendsCase) kase = make_case (occurred);

  set_recovered (kase, recovered);

  g_assert_cmpint (amends_clock_get_time_to_recovery (kase), ==, HOURS (3));
  g_assert_cmpint (amends_clock_get_state (kase, now), ==, AMENDS_CLOCK_STATE_RECOVERED);
  /* The clock stopped at the recovery, not at @now. */
  g_assert_cmpint (amends_clock_get_remaining (kase, now), ==, HOURS (21));
}

static void
test_recovered_late (void)
{
  g_autoptr(GDateTime) occurred = local (2026, 11, 18, 10, 0);
  g_autoptr(GDateTime) recovered = local (2026, 11, 19, 16, 0);
  g_autoptr(AmendsCase) kase = make_case (occurred);

  set_recovered (kase, recovered);

  g_assert_cmpint (amends_clock_get_time_to_recovery (kase), ==, HOURS (30));
  g_assert_cmpint (amends_clock_get_state (kase, recovered), ==, AMENDS_CLOCK_STATE_RECOVERED_LATE);
  g_assert_cmpint (amends_clock_get_remaining (kase, recovered), ==, -HOURS (6));
}

static void
test_recovered_exactly_on_target (void)
{
  g_autoptr(GDateTime) occurred = local (2026, 11, 18, 10, 0);
  g_autoptr(GDateTime) on_target = local (2026, 11, 19, 10, 0);
  g_autoptr(GDateTime) a_second_late = g_date_time_add_seconds (on_target, 1);
  g_autoptr(AmendsCase) kase = make_case (occurred);

  set_recovered (kase, on_target);
  g_assert_cmpint (amends_clock_get_time_to_recovery (kase), ==, amends_clock_get_target (kase));
  g_assert_cmpint (amends_clock_get_state (kase, on_target), ==, AMENDS_CLOCK_STATE_RECOVERED);

  set_recovered (kase, a_second_late);
  g_assert_cmpint (amends_clock_get_state (kase, on_target), ==, AMENDS_CLOCK_STATE_RECOVERED_LATE);
}

static void
test_recovered_pauses_excluded (void)
{
  g_autoptr(GDateTime) occurred = local (2026, 11, 18, 10, 0);
  g_autoptr(GDateTime) recovered = local (2026, 11, 19, 13, 0);
  g_autoptr(AmendsCase) kase = make_case (occurred);

  /* 27 h on the wall, 3 h of them waiting on the customer. */
  g_object_set (kase, "paused-seconds", (gint64) (3 * 3600), NULL);
  set_recovered (kase, recovered);

  g_assert_cmpint (amends_clock_get_time_to_recovery (kase), ==, HOURS (24));
  g_assert_cmpint (amends_clock_get_state (kase, recovered), ==, AMENDS_CLOCK_STATE_RECOVERED);
}

static void
test_recovered_while_paused (void)
{
  g_autoptr(GDateTime) occurred = local (2026, 11, 18, 10, 0);
  g_autoptr(GDateTime) paused_at = local (2026, 11, 19, 8, 0);
  g_autoptr(GDateTime) recovered = local (2026, 11, 19, 12, 0);
  g_autoptr(GDateTime) now = local (2026, 11, 20, 12, 0);
  g_autoptr(AmendsCase) kase = make_case (occurred);

  /* A pause left running when the case was recovered does not count. */
  g_object_set (kase, "paused-at", paused_at, NULL);
  set_recovered (kase, recovered);

  g_assert_cmpint (amends_clock_get_time_to_recovery (kase), ==, HOURS (22));
  g_assert_cmpint (amends_clock_get_state (kase, now), ==, AMENDS_CLOCK_STATE_RECOVERED);
  g_assert_cmpint (amends_clock_get_remaining (kase, now), ==, HOURS (2));
}

static void
test_closed_uses_closed_at (void)
{
  g_autoptr(GDateTime) occurred = local (2026, 11, 18, 10, 0);
  g_autoptr(GDateTime) closed = local (2026, 11, 18, 15, 0);
  g_autoptr(GDateTime) recovered = local (2026, 11, 18, 12, 0);
  g_autoptr(AmendsCase) kase = make_case (occurred);

  g_object_set (kase,
                "status", AMENDS_CASE_STATUS_CLOSED,
                "closed-at", closed,
                NULL);
  g_assert_cmpint (amends_clock_get_time_to_recovery (kase), ==, HOURS (5));
  /* Closed without a fix: no recovery, however soon. */
  g_assert_cmpint (amends_clock_get_state (kase, closed), ==, AMENDS_CLOCK_STATE_NOT_RECOVERED);

  /* Once recovered, the recovery is what counts, not the paperwork. */
  g_object_set (kase, "recovered-at", recovered, "fix", "New key card", NULL);
  g_assert_cmpint (amends_clock_get_time_to_recovery (kase), ==, HOURS (2));
  g_assert_cmpint (amends_clock_get_state (kase, closed), ==, AMENDS_CLOCK_STATE_RECOVERED);
}

static void
test_format_span (void)
{
  static const struct {
    GTimeSpan   span;
    const char *text;
  } spans[] = {
    { 0, "less than a minute" },
    { 59 * G_TIME_SPAN_SECOND, "less than a minute" },
    { MINUTES (1), "1 min" },
    { MINUTES (1) + 59 * G_TIME_SPAN_SECOND, "1 min" },
    { MINUTES (59), "59 min" },
    { HOURS (1), "1 h" },
    { HOURS (2) + MINUTES (30), "2 h 30 min" },
    { HOURS (9) + MINUTES (59), "9 h 59 min" },
    { HOURS (10) + MINUTES (30), "10 h 30 min" },
    /* Right after logging a 24-hour case: the clock visibly runs. */
    { HOURS (23) + MINUTES (58) + 30 * G_TIME_SPAN_SECOND, "23 h 58 min" },
    { HOURS (23) + MINUTES (59), "23 h 59 min" },
    { HOURS (24), "1 d" },
    { HOURS (27), "1 d 3 h" },
    { HOURS (48) + MINUTES (59), "2 d" },
    { HOURS (49), "2 d 1 h" },
    { HOURS (24 * 400), "400 d" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      g_autofree char *text = amends_clock_format_span (spans[i].span);
      g_autofree char *negative = amends_clock_format_span (-spans[i].span);

      g_assert_cmpstr (text, ==, spans[i].text);
      g_assert_cmpstr (negative, ==, spans[i].text);
    }
}

static void
test_format_span_extremes (void)
{
  g_autofree char *longest = amends_clock_format_span (G_MAXINT64);
  g_autofree char *shortest = amends_clock_format_span (G_MININT64);

  g_assert_cmpstr (longest, ==, shortest);
  g_assert_true (g_str_has_suffix (longest, " h"));
}

static void
test_describe_open (void)
{
  g_autoptr(GDateTime) occurred = local (2026, 11, 18, 10, 0);
  g_autoptr(GDateTime) running = local (2026, 11, 18, 15, 0);
  g_autoptr(GDateTime) due_soon = local (2026, 11, 19, 7, 30);
  g_autoptr(GDateTime) overdue = local (2026, 11, 19, 12, 0);
  g_autoptr(GDateTime) logged = g_date_time_add_seconds (occurred, 90);
  g_autoptr(AmendsCase) kase = make_case (occurred);

  /* Logged a minute and a half after it happened: 23 h 58 min 30 s left. */
  assert_describe (kase, logged, "23 h 58 min left");
  g_assert_cmpint (amends_clock_get_state (kase, running), ==, AMENDS_CLOCK_STATE_RUNNING);
  assert_describe (kase, running, "19 h left");
  g_assert_cmpint (amends_clock_get_state (kase, due_soon), ==, AMENDS_CLOCK_STATE_DUE_SOON);
  assert_describe (kase, due_soon, "2 h 30 min left");
  g_assert_cmpint (amends_clock_get_state (kase, overdue), ==, AMENDS_CLOCK_STATE_OVERDUE);
  assert_describe (kase, overdue, "overdue by 2 h");
}

static void
test_describe_paused (void)
{
  g_autoptr(GDateTime) occurred = local (2026, 11, 18, 10, 0);
  g_autoptr(GDateTime) paused_in_time = local (2026, 11, 19, 5, 0);
  g_autoptr(GDateTime) paused_late = local (2026, 11, 19, 11, 0);
  g_autoptr(GDateTime) now = local (2026, 11, 19, 18, 0);
  g_autoptr(AmendsCase) kase = make_case (occurred);

  g_object_set (kase, "paused-at", paused_in_time, NULL);
  g_assert_cmpint (amends_clock_get_state (kase, now), ==, AMENDS_CLOCK_STATE_PAUSED);
  assert_describe (kase, now, "paused, 5 h left");

  g_object_set (kase, "paused-at", paused_late, NULL);
  assert_describe (kase, now, "paused, overdue by 1 h");
}

static void
test_describe_recovered (void)
{
  g_autoptr(GDateTime) occurred = local (2026, 11, 18, 10, 0);
  g_autoptr(GDateTime) in_time = local (2026, 11, 18, 13, 0);
  g_autoptr(GDateTime) late = local (2026, 11, 19, 16, 0);
  g_autoptr(AmendsCase) kase = make_case (occurred);

  set_recovered (kase, in_time);
  assert_describe (kase, late, "recovered in 3 h");

  set_recovered (kase, late);
  g_assert_cmpint (amends_clock_get_state (kase, late), ==, AMENDS_CLOCK_STATE_RECOVERED_LATE);
  assert_describe (kase, late, "recovered in 1 d 6 h, 6 h late");
}

static void
test_describe_closed (void)
{
  g_autoptr(GDateTime) occurred = local (2026, 11, 18, 10, 0);
  g_autoptr(GDateTime) in_time = local (2026, 11, 18, 13, 0);
  g_autoptr(GDateTime) late = local (2026, 11, 19, 16, 0);
  g_autoptr(AmendsCase) kase = make_case (occurred);

  /* Closed without a fix says so, and why, however soon it was closed. */
  g_object_set (kase, "status", AMENDS_CASE_STATUS_CLOSED, "closed-at", in_time, NULL);
  assert_describe (kase, late, "closed without a recovery");
  g_object_set (kase, "close-reason", AMENDS_CLOSE_REASON_NOT_A_BREAKDOWN, NULL);
  assert_describe (kase, late, "closed: not a breakdown");
  g_object_set (kase, "close-reason", AMENDS_CLOSE_REASON_DUPLICATE, NULL);
  assert_describe (kase, late, "closed: a duplicate");

  /* Closed after a recovery, it is the recovery that is told. */
  g_object_set (kase, "close-reason", AMENDS_CLOSE_REASON_RECOVERED, "fix", "Refund",
                "recovered-at", in_time, "closed-at", late, NULL);
  assert_describe (kase, late, "recovered in 3 h");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* The wording is checked in English. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, NULL);

  berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_assert_nonnull (berlin);

  g_test_add_func ("/clock/target/due-minus-occurred", test_target);
  g_test_add_func ("/clock/unset-times-are-harmless", test_unset_times);
  g_test_add_func ("/clock/remaining/running", test_remaining_running);
  g_test_add_func ("/clock/state/due-soon-at-four-hours", test_state_due_soon_boundary);
  g_test_add_func ("/clock/state/overdue-after-due-time", test_state_overdue_boundary);
  g_test_add_func ("/clock/remaining/paused-time-excluded", test_paused_finished_pause);
  g_test_add_func ("/clock/remaining/running-pause-stops-clock", test_paused_running_pause);
  g_test_add_func ("/clock/remaining/across-midnight", test_across_midnight);
  g_test_add_func ("/clock/remaining/across-daylight-saving", test_across_daylight_saving);
  g_test_add_func ("/clock/recovery/in-time", test_recovered_in_time);
  g_test_add_func ("/clock/recovery/late", test_recovered_late);
  g_test_add_func ("/clock/recovery/exactly-on-target-is-in-time", test_recovered_exactly_on_target);
  g_test_add_func ("/clock/recovery/paused-time-excluded", test_recovered_pauses_excluded);
  g_test_add_func ("/clock/recovery/while-paused", test_recovered_while_paused);
  g_test_add_func ("/clock/recovery/closed-uses-closed-at", test_closed_uses_closed_at);
  g_test_add_func ("/clock/format-span/steps", test_format_span);
  g_test_add_func ("/clock/format-span/extremes", test_format_span_extremes);
  g_test_add_func ("/clock/describe/open", test_describe_open);
  g_test_add_func ("/clock/describe/paused", test_describe_paused);
  g_test_add_func ("/clock/describe/recovered", test_describe_recovered);
  g_test_add_func ("/clock/describe/closed", test_describe_closed);

  ret = g_test_run ();

  g_time_zone_unref (berlin);
  return ret;
}
