/* amends-stay.c: the guest's stay, read as typed and told beside the clock
 *
 * A case may say where the guest stays (a room or an area: "112", "Spa")
 * and when they arrive and leave.  All three are optional: a clinic or a
 * shop leaves them unset and sees nothing of them.
 *
 * Times are typed as "when it happened" is (amends-when.c), except that a
 * time to come is read too: "tomorrow 11:00", "2026-11-30 11:00".  They
 * are written back as "today 14:00", "tomorrow 11:00", "yesterday 09:00"
 * or "2026-11-30 11:00", which read back to the same minute.
 *
 * A day and time in words, against @now and in its time zone
 * (amends_stay_format_day_time()):
 *
 *   the same day                 "today 11:00"
 *   the next day / the day before "tomorrow 11:00" / "yesterday 11:00"
 *   2 to 6 days either way       "Friday 11:00"      (the weekday's name)
 *   further, this year           "3 Dec 11:00"
 *   another year                 "3 Dec 2027 11:00"
 *
 * The departure beside the clock (amends_stay_describe_departure()):
 * "leaves tomorrow 11:00" while it is to come (or is now), "left today
 * 09:00" once it has passed; only for a case whose clock still matters
 * (open or in recovery, not in the trash).
 *
 * Due after the guest leaves (amends_stay_is_due_after_departure()): such
 * a case, whose guest has not left yet (departure >= now), whose recovery
 * is due after the departure: now + remaining (amends-clock.c) >
 * departure.  Due exactly as they leave is still in time.  A paused
 * clock's due time moves on with @now, as its remaining time stands
 * still.  Once they have left, the flag has nothing more to ask: the
 * departure says "left".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-stay"

#include "config.h"

#include "amends-stay.h"

#include <glib/gi18n.h>

#include "amends-clock.h"
#include "amends-when.h"
#include "amends-when-private.h"

/**
 * amends_stay_parse_time:
 * @text: what a person typed, not blank: "tomorrow 11:00", "14:00",
 *   "2026-11-30 11:00"
 *
 * Returns: (transfer full): the time @text means, past or to come, in
 *   @now's time zone; %NULL with @error set when it cannot be read
 */
GDateTime *
amends_stay_parse_time (const char  *text,
                        GDateTime   *now,
                        GError     **error)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  return amends_when_parse_full (text, now, AMENDS_WHEN_ORDER_LOCALE, TRUE, error);
}

static int
days_from (GDateTime *when,
           GDateTime *now)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (when, g_date_time_get_timezone (now));
  g_autoptr(GDate) today = amends_when_local_date (now, 0);
  g_autoptr(GDate) day = amends_when_local_date (local, 0);

  return g_date_days_between (today, day);
}

static gboolean
same_minute (GDateTime *a,
             GDateTime *b)
{
  return a != NULL && b != NULL &&
         g_date_time_to_unix (a) / 60 == g_date_time_to_unix (b) / 60;
}

/**
 * amends_stay_format_time:
 *
 * Returns: (transfer full): @when as amends_stay_parse_time() reads it
 *   back to the same minute, for an entry
 */
char *
amends_stay_format_time (GDateTime *when,
                         GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) back = NULL;
  g_autofree char *word = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *text = NULL;
  int days;

  g_return_val_if_fail (when != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  days = days_from (when, now);
  if (days < -1 || days > 1)
    return amends_when_format (when, now);

  local = g_date_time_to_timezone (when, g_date_time_get_timezone (now));
  word = amends_when_first_word (days == 0 ? WORDS_TODAY : days == 1 ? WORDS_TOMORROW : WORDS_YESTERDAY);
  clock = g_date_time_format (local, amends_when_clock_format ());
  text = g_strconcat (word, " ", g_strstrip (clock), NULL);

  /* In the hour the clocks repeat, only the full form with its offset
   * reads back. */
  back = amends_stay_parse_time (text, now, NULL);
  if (!same_minute (back, when))
    return amends_when_format (when, now);

  return g_steal_pointer (&text);
}

/**
 * amends_stay_format_day_time:
 *
 * Returns: (transfer full): @when in words against @now: "today 11:00",
 *   "tomorrow 11:00", "Friday 11:00", "3 Dec 11:00"
 */
char *
amends_stay_format_day_time (GDateTime *when,
                             GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  const char *format;
  int days;

  g_return_val_if_fail (when != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  local = g_date_time_to_timezone (when, g_date_time_get_timezone (now));
  days = days_from (when, now);

  if (days == 0)
    /* Translators: a g_date_time_format() format, for a time today: "today 11:00" */
    format = C_("stay", "today %H:%M");
  else if (days == 1)
    /* Translators: a g_date_time_format() format, for a time tomorrow: "tomorrow 11:00" */
    format = C_("stay", "tomorrow %H:%M");
  else if (days == -1)
    /* Translators: a g_date_time_format() format, for a time yesterday: "yesterday 11:00" */
    format = C_("stay", "yesterday %H:%M");
  else if (ABS (days) <= 6)
    /* Translators: a g_date_time_format() format, for a time on a day
     * less than a week away, as in "Friday 11:00" */
    format = C_("stay", "%A %H:%M");
  else if (g_date_time_get_year (local) == g_date_time_get_year (now))
    /* Translators: a g_date_time_format() format, for a day this year: "3 Dec 11:00" */
    format = C_("stay", "%-d %b %H:%M");
  else
    /* Translators: a g_date_time_format() format, for a day in another year: "3 Jan 2027 11:00" */
    format = C_("stay", "%-d %b %Y %H:%M");

  return g_date_time_format (local, format);
}

/* Whether the clock still asks anything of the case. */
static gboolean
clock_matters (AmendsCase *kase)
{
  return amends_case_is_active (kase) && amends_case_get_deleted_at (kase) == NULL;
}

/**
 * amends_stay_describe_departure:
 *
 * Returns: (transfer full) (nullable): "leaves tomorrow 11:00" or "left
 *   today 09:00"; %NULL without a departure, or when the clock no longer
 *   runs
 */
char *
amends_stay_describe_departure (AmendsCase *kase,
                                GDateTime  *now)
{
  GDateTime *departure;
  g_autofree char *when = NULL;

  g_return_val_if_fail (AMENDS_IS_CASE (kase), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  departure = amends_case_get_departure_at (kase);
  if (departure == NULL || !clock_matters (kase))
    return NULL;

  when = amends_stay_format_day_time (departure, now);
  if (g_date_time_compare (departure, now) >= 0)
    /* Translators: when the guest leaves, beside the recovery clock;
     * %s is a day and time such as "tomorrow 11:00" or "Friday 11:00" */
    return g_strdup_printf (_("leaves %s"), when);

  /* Translators: when the guest left, beside the recovery clock; %s is a
   * day and time such as "today 09:00" */
  return g_strdup_printf (_("left %s"), when);
}

/**
 * amends_stay_is_due_after_departure:
 *
 * Returns: whether the case is due after its guest leaves, while they are
 *   still here: the recovery must come sooner
 */
gboolean
amends_stay_is_due_after_departure (AmendsCase *kase,
                                    GDateTime  *now)
{
  GDateTime *departure;
  g_autoptr(GDateTime) due = NULL;

  g_return_val_if_fail (AMENDS_IS_CASE (kase), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  departure = amends_case_get_departure_at (kase);
  if (departure == NULL || !clock_matters (kase) ||
      amends_case_get_recovery_due_at (kase) == NULL ||
      g_date_time_compare (departure, now) < 0)
    return FALSE;

  due = g_date_time_add (now, amends_clock_get_remaining (kase, now));
  return g_date_time_compare (due, departure) > 0;
}

/**
 * amends_stay_is_empty:
 *
 * Returns: whether the case says nothing of a stay
 */
gboolean
amends_stay_is_empty (AmendsCase *kase)
{
  const char *room;

  g_return_val_if_fail (AMENDS_IS_CASE (kase), TRUE);

  room = amends_case_get_room (kase);
  return (room == NULL || *room == '\0') &&
         amends_case_get_arrival_at (kase) == NULL &&
         amends_case_get_departure_at (kase) == NULL;
}

/**
 * amends_stay_summarize:
 *
 * The stay in one line, for a row that folds it away: "112 · arrived
 * Monday 15:00 · leaves tomorrow 11:00", whatever the case's status.
 *
 * Returns: (transfer full) (nullable): the line; %NULL when the case says
 *   nothing of a stay
 */
char *
amends_stay_summarize (AmendsCase *kase,
                       GDateTime  *now)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *room;
  GDateTime *arrival;
  GDateTime *departure;

  g_return_val_if_fail (AMENDS_IS_CASE (kase), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  room = amends_case_get_room (kase);
  arrival = amends_case_get_arrival_at (kase);
  departure = amends_case_get_departure_at (kase);

  if (room != NULL && *room != '\0')
    g_ptr_array_add (parts, g_strdup (room));
  if (arrival != NULL)
    {
      g_autofree char *when = amends_stay_format_day_time (arrival, now);

      g_ptr_array_add (parts, g_date_time_compare (arrival, now) > 0 ?
                       /* Translators: %s is a day and time such as "tomorrow 15:00" */
                       g_strdup_printf (_("arrives %s"), when) :
                       /* Translators: %s is a day and time such as "Monday 15:00" */
                       g_strdup_printf (_("arrived %s"), when));
    }
  if (departure != NULL)
    {
      g_autofree char *when = amends_stay_format_day_time (departure, now);

      g_ptr_array_add (parts, g_date_time_compare (departure, now) >= 0 ?
                       g_strdup_printf (_("leaves %s"), when) :
                       g_strdup_printf (_("left %s"), when));
    }

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  /* Translators: between the parts of a stay, as in "112 · leaves tomorrow 11:00" */
  return g_strjoinv (C_("stay", " · "), (char **) parts->pdata);
}
