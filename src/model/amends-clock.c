/* amends-clock.c: a case's recovery clock, in time and in words
 *
 * The clock counts real elapsed time: every time is compared as an instant
 * (g_date_time_difference), never as a wall-clock reading, so a change to or
 * from daylight-saving time neither gives nor takes an hour.  Spans are
 * GTimeSpan (microseconds); paused-seconds is stored in whole seconds.
 *
 *   allowed (the time allowed, on the wall clock)
 *     = recovery_due_at - occurred_at
 *
 *   target (what the case was given, as a person reads it)
 *     = target_seconds, kept when the case was logged; on a case logged
 *     before targets were kept, allowed.  The two differ on a case whose
 *     clock runs in office hours only: a 4 h target logged on Friday at
 *     16:00 is allowed 68 h, until Monday 12:00.
 *
 *   paused (now)
 *     = paused_seconds + (now - paused_at, when paused_at is set)
 *     that is, the finished pauses plus the one still running.  A pause that
 *     seems to begin after @now counts as 0.
 *
 *   remaining (now)
 *     = recovery_due_at + paused (now) - now
 *     negative when overdue.  Once a case is recovered or closed its clock
 *     has stopped: @now is replaced by recovered_at, or by closed_at when
 *     recovered_at is unset (or left as @now when neither is set).  While a
 *     case is paused, remaining stands still at what it was when the pause
 *     began.
 *
 *   time_to_recovery
 *     = end - occurred_at - paused (end)
 *     where end is recovered_at, or closed_at when recovered_at is unset.
 *     paused (end) is paused_seconds unless the clock was still paused when
 *     the case was recovered, in which case that pause does not count
 *     either.  It is -1 while the case is open or in recovery, or when end
 *     or occurred_at is unknown; never below 0 otherwise.
 *
 *   state
 *     open or in recovery: PAUSED while paused_at is set; else OVERDUE if
 *     remaining < 0; else DUE_SOON if remaining <= AMENDS_CLOCK_DUE_SOON;
 *     else RUNNING.  Exactly at the due time (remaining 0) is DUE_SOON, not
 *     yet overdue.  The list of cases filters and counts overdue cases in
 *     SQL by the same rule (AMENDS_SQL_OVERDUE in the store), which
 *     tests/test-overdue.c checks against this one.
 *     recovered or closed: RECOVERED if time_to_recovery <= allowed (a
 *     recovery exactly on target is in time), else RECOVERED_LATE.  A
 *     recovered case without any end time counts as RECOVERED.
 *
 * A case that has no occurred_at or recovery_due_at yet (one that was never
 * stored) has a target of 0 and a remaining time of 0.
 *
 * In words, amends_clock_format_span() truncates toward zero to the whole
 * minute, so the time left is never shown as more than there is: 59 s is
 * "less than a minute", 2 h 59 min 59 s is "2 h 59 min".  Below a day
 * hours and minutes are shown ("23 h 58 min": right after logging, the
 * clock visibly runs), from 24 h days and hours ("1 d 3 h").  Negative spans read as their
 * absolute value: the sentence around them says "overdue by" or "late".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-clock"

#include "config.h"

#include "amends-clock.h"

#include <glib/gi18n.h>

static GDateTime *
get_closed_at (AmendsCase *kase)
{
  GParamSpec *pspec;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (kase), "closed-at");
  g_assert (pspec != NULL);

  return amends_record_get_date_time (AMENDS_RECORD (kase), pspec);
}

/* When the clock stopped: recovered, else closed; NULL if it still runs. */
static GDateTime *
get_end (AmendsCase *kase)
{
  GDateTime *recovered_at;

  if (amends_case_is_active (kase))
    return NULL;

  recovered_at = amends_case_get_recovered_at (kase);
  if (recovered_at != NULL)
    return recovered_at;

  return get_closed_at (kase);
}

static GTimeSpan
get_allowed (AmendsCase *kase)
{
  GDateTime *occurred_at;
  GDateTime *due_at;

  occurred_at = amends_case_get_occurred_at (kase);
  due_at = amends_case_get_recovery_due_at (kase);
  if (occurred_at == NULL || due_at == NULL)
    return 0;

  return g_date_time_difference (due_at, occurred_at);
}

GTimeSpan
amends_clock_get_target (AmendsCase *kase)
{
  gint64 seconds;

  g_return_val_if_fail (AMENDS_IS_CASE (kase), 0);

  seconds = amends_case_get_target_seconds (kase);
  if (seconds > 0)
    return seconds * G_TIME_SPAN_SECOND;

  return get_allowed (kase);
}

/**
 * amends_clock_counts_office_hours:
 *
 * Returns: whether the case's target is counted in office hours only: it
 *   was allowed more time on the wall clock than its target, the nights
 *   and weekends in between
 */
gboolean
amends_clock_counts_office_hours (AmendsCase *kase)
{
  g_return_val_if_fail (AMENDS_IS_CASE (kase), FALSE);

  return amends_case_get_target_seconds (kase) > 0 &&
         get_allowed (kase) != amends_case_get_target_seconds (kase) * G_TIME_SPAN_SECOND;
}

GTimeSpan
amends_clock_get_paused (AmendsCase *kase,
                         GDateTime  *now)
{
  GDateTime *paused_at;
  GTimeSpan paused;

  g_return_val_if_fail (AMENDS_IS_CASE (kase), 0);
  g_return_val_if_fail (now != NULL, 0);

  paused = amends_case_get_paused_seconds (kase) * G_TIME_SPAN_SECOND;
  paused_at = amends_case_get_paused_at (kase);
  if (paused_at != NULL)
    paused += MAX (0, g_date_time_difference (now, paused_at));

  return paused;
}

GTimeSpan
amends_clock_get_remaining (AmendsCase *kase,
                            GDateTime  *now)
{
  GDateTime *due_at;
  GDateTime *end;

  g_return_val_if_fail (AMENDS_IS_CASE (kase), 0);
  g_return_val_if_fail (now != NULL, 0);

  due_at = amends_case_get_recovery_due_at (kase);
  if (due_at == NULL)
    return 0;

  end = get_end (kase);
  if (end != NULL)
    now = end;

  return g_date_time_difference (due_at, now) + amends_clock_get_paused (kase, now);
}

GTimeSpan
amends_clock_get_time_to_recovery (AmendsCase *kase)
{
  GDateTime *occurred_at;
  GDateTime *end;
  GTimeSpan span;

  g_return_val_if_fail (AMENDS_IS_CASE (kase), -1);

  occurred_at = amends_case_get_occurred_at (kase);
  end = get_end (kase);
  if (occurred_at == NULL || end == NULL)
    return -1;

  span = g_date_time_difference (end, occurred_at) - amends_clock_get_paused (kase, end);

  return MAX (0, span);
}

AmendsClockState
amends_clock_get_state (AmendsCase *kase,
                        GDateTime  *now)
{
  GTimeSpan remaining;

  g_return_val_if_fail (AMENDS_IS_CASE (kase), AMENDS_CLOCK_STATE_RUNNING);
  g_return_val_if_fail (now != NULL, AMENDS_CLOCK_STATE_RUNNING);

  if (!amends_case_is_active (kase))
    {
      /* Closed without a fix is not a recovery, whenever it was closed. */
      if (amends_case_get_status (kase) == AMENDS_CASE_STATUS_CLOSED && !amends_case_is_recovered (kase))
        return AMENDS_CLOCK_STATE_NOT_RECOVERED;
      if (amends_clock_get_time_to_recovery (kase) <= get_allowed (kase))
        return AMENDS_CLOCK_STATE_RECOVERED;
      return AMENDS_CLOCK_STATE_RECOVERED_LATE;
    }

  if (amends_case_get_paused_at (kase) != NULL)
    return AMENDS_CLOCK_STATE_PAUSED;

  remaining = amends_clock_get_remaining (kase, now);
  if (remaining < 0)
    return AMENDS_CLOCK_STATE_OVERDUE;
  if (remaining <= AMENDS_CLOCK_DUE_SOON)
    return AMENDS_CLOCK_STATE_DUE_SOON;

  return AMENDS_CLOCK_STATE_RUNNING;
}

static char *
format_days (int days)
{
  /* Translators: a number of days, abbreviated, as in "2 d" or "1 d 3 h" */
  return g_strdup_printf (ngettext ("%d d", "%d d", days), days);
}

static char *
format_hours (int hours)
{
  /* Translators: a number of hours, abbreviated, as in "5 h" or "2 h 30 min" */
  return g_strdup_printf (ngettext ("%d h", "%d h", hours), hours);
}

static char *
format_minutes (int minutes)
{
  /* Translators: a number of minutes, abbreviated, as in "45 min" */
  return g_strdup_printf (ngettext ("%d min", "%d min", minutes), minutes);
}

static char *
join_units (char *larger,
            char *smaller)
{
  g_autofree char *a = larger;
  g_autofree char *b = smaller;

  /* Translators: a span in two units, such as "1 d" and "3 h" or "2 h" and
   * "30 min"; reorder with "%2$s %1$s" if your language needs it */
  return g_strdup_printf (C_("time span", "%s %s"), a, b);
}

char *
amends_clock_format_span (GTimeSpan span)
{
  gint64 minutes, hours, days;

  /* G_MININT64 has no positive counterpart; it is "forever" either way. */
  span = span == G_MININT64 ? G_MAXINT64 : ABS (span);
  minutes = span / G_TIME_SPAN_MINUTE;
  hours = span / G_TIME_SPAN_HOUR;
  days = span / G_TIME_SPAN_DAY;

  if (minutes == 0)
    /* Translators: a span under one minute, as in "less than a minute left"
     * or "overdue by less than a minute" */
    return g_strdup (_("less than a minute"));
  if (hours == 0)
    return format_minutes ((int) minutes);

  if (days == 0)
    {
      if (minutes % 60 == 0)
        return format_hours ((int) hours);
      return join_units (format_hours ((int) hours), format_minutes ((int) (minutes % 60)));
    }

  if (hours % 24 == 0)
    return format_days ((int) MIN (days, G_MAXINT));

  return join_units (format_days ((int) MIN (days, G_MAXINT)), format_hours ((int) (hours % 24)));
}

static char *
describe_running (GTimeSpan remaining)
{
  g_autofree char *span = amends_clock_format_span (remaining);

  /* Translators: the time left to recover a case; %s is a span such as
   * "5 h" or "1 d 3 h" */
  return g_strdup_printf (_("%s left"), span);
}

static char *
describe_overdue (GTimeSpan remaining)
{
  g_autofree char *span = amends_clock_format_span (remaining);

  /* Translators: how long a case is past its recovery time; %s is a span
   * such as "2 h" or "1 d 3 h" */
  return g_strdup_printf (_("overdue by %s"), span);
}

static char *
describe_paused (GTimeSpan remaining)
{
  g_autofree char *span = amends_clock_format_span (remaining);

  if (remaining < 0)
    /* Translators: the clock of a case is paused (waiting on the customer)
     * and the case was already late when it was paused; %s is a span
     * such as "1 h" */
    return g_strdup_printf (_("paused, overdue by %s"), span);

  /* Translators: the clock of a case is paused (waiting on the customer);
   * %s is the time that will be left when it runs again, such as "5 h" */
  return g_strdup_printf (_("paused, %s left"), span);
}

static char *
describe_recovered (AmendsCase *kase)
{
  GTimeSpan took = amends_clock_get_time_to_recovery (kase);
  g_autofree char *span = NULL;

  if (took < 0)
    /* Translators: a recovered case whose recovery time is not known */
    return g_strdup (_("recovered"));

  span = amends_clock_format_span (took);

  /* Translators: %s is the time a recovery took, pauses excluded, such as
   * "3 h" or "1 d 3 h" */
  return g_strdup_printf (_("recovered in %s"), span);
}

static char *
describe_recovered_late (AmendsCase *kase)
{
  GTimeSpan took = amends_clock_get_time_to_recovery (kase);
  g_autofree char *span = amends_clock_format_span (took);
  g_autofree char *late = amends_clock_format_span (took - get_allowed (kase));

  /* Translators: a recovery that took longer than the target; the first %s
   * is the time it took, such as "1 d 6 h", the second how much longer than
   * the target that was, such as "6 h"; use "%1$s" and "%2$s" to reorder
   * them */
  return g_strdup_printf (_("recovered in %s, %s late"), span, late);
}

static char *
describe_not_recovered (AmendsCase *kase)
{
  AmendsCloseReason reason = amends_case_get_close_reason (kase);

  /* The reason, lower case, as the clock's other descriptions are. */
  switch (reason)
    {
    case AMENDS_CLOSE_REASON_NOT_A_BREAKDOWN:
      /* Translators: the clock of a case closed as no service breakdown */
      return g_strdup (_("closed: not a breakdown"));
    case AMENDS_CLOSE_REASON_DUPLICATE:
      /* Translators: the clock of a case closed as a duplicate */
      return g_strdup (_("closed: a duplicate"));
    default:
      /* Translators: the clock of a case closed without a fix */
      return g_strdup (_("closed without a recovery"));
    }
}

char *
amends_clock_describe (AmendsCase *kase,
                       GDateTime  *now)
{
  g_return_val_if_fail (AMENDS_IS_CASE (kase), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  switch (amends_clock_get_state (kase, now))
    {
    case AMENDS_CLOCK_STATE_RUNNING:
    case AMENDS_CLOCK_STATE_DUE_SOON:
      return describe_running (amends_clock_get_remaining (kase, now));
    case AMENDS_CLOCK_STATE_OVERDUE:
      return describe_overdue (amends_clock_get_remaining (kase, now));
    case AMENDS_CLOCK_STATE_PAUSED:
      return describe_paused (amends_clock_get_remaining (kase, now));
    case AMENDS_CLOCK_STATE_RECOVERED:
      return describe_recovered (kase);
    case AMENDS_CLOCK_STATE_RECOVERED_LATE:
      return describe_recovered_late (kase);
    case AMENDS_CLOCK_STATE_NOT_RECOVERED:
      return describe_not_recovered (kase);
    default:
      g_return_val_if_reached (NULL);
    }
}
