/* amends-demo-timeline.c: the timelines of the demo's cases
 *
 * A case with steps of its own (the lapel pins) gets those; every other
 * gets a timeline made from its fields: the first contact, status reports
 * while it is open, a pause, a nudge when it runs late, the fix, the
 * surprise, the customer's reaction, the follow-up and the lesson, in
 * wordings picked from the phrase tables, at times that never go back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-demo-timeline"

#include "config.h"

#include "amends-demo-private.h"
#include "amends-store-private.h"

typedef struct
{
  DemoContext    *ctx;
  const DemoCase *dc;
  gint64          case_id;
  GDateTime      *cursor;    /* the last entry's time: entries never go back */
  GDateTime      *recovered; /* what leads up to the recovery is done by then */
} DemoTimeline;

static gboolean
timeline_add (DemoTimeline      *tl,
              AmendsActionKind   kind,
              DemoStaffKey       staff,
              GDateTime         *when,
              const char        *text,
              GError           **error)
{
  g_autoptr(AmendsAction) action = amends_action_new ();
  g_autoptr(GDateTime) at = NULL;

  if (g_date_time_compare (when, tl->cursor) < 0)
    at = g_date_time_ref (tl->cursor);
  else
    at = amends_demo_not_after_now (tl->ctx, g_date_time_ref (when));

  g_object_set (action,
                "case-id", tl->case_id,
                "kind", kind,
                "done-at", at,
                "staff-id", tl->ctx->staff_ids[staff],
                "text", text,
                NULL);

  amends_demo_act_as (tl->ctx, staff, at);
  if (!amends_store_insert (tl->ctx->store, AMENDS_RECORD (action), error))
    return FALSE;

  g_date_time_unref (tl->cursor);
  tl->cursor = g_steal_pointer (&at);
  return TRUE;
}

/* An entry from a list of wordings, some minutes after the last one. */
static gboolean
timeline_say (DemoTimeline      *tl,
              AmendsActionKind   kind,
              DemoStaffKey       staff,
              int                low,
              int                high,
              const DemoPhrases *phrases,
              const char        *text,
              GError           **error)
{
  g_autoptr(GDateTime) when = amends_demo_minutes_after (tl->ctx, tl->cursor, amends_demo_random_between (tl->ctx, low, high));
  g_autofree char *filled = amends_demo_fill_in (amends_demo_pick (tl->ctx, phrases),
                                     amends_demo_customers[tl->dc->customer].call, text);

  if (tl->recovered != NULL && g_date_time_compare (when, tl->recovered) > 0)
    {
      g_date_time_unref (when);
      when = g_date_time_ref (tl->recovered);
    }

  return timeline_add (tl, kind, staff, when, filled, error);
}

static gboolean
timeline_add_written (DemoTimeline     *tl,
                      const DemoTimes  *times,
                      GError          **error)
{
  for (const DemoStep *step = tl->dc->steps; step->text != NULL; step++)
    {
      g_autoptr(GDateTime) when = amends_demo_minutes_after (tl->ctx, times->occurred, step->minutes);

      if (!timeline_add (tl, step->kind, step->staff, when, step->text, error))
        return FALSE;
    }

  return TRUE;
}

static const DemoPhrases *
contact_phrases_for (const DemoCase *dc)
{

  if (dc->noticed_by == AMENDS_NOTICED_BY_STAFF)
    return &amends_demo_contact_proactive;
  return &amends_demo_contact_phrases[dc->channel];
}

/* Takes @time; in the small hours, gives back the next morning instead,
 * or %NULL if that is not before @until: nobody rings a guest at three. */
static GDateTime *
in_daytime (DemoContext *ctx,
            GDateTime   *time,
            GDateTime   *until)
{
  int hour = g_date_time_get_hour (time);
  g_autoptr(GDateTime) day = NULL;
  GDateTime *morning;

  if (hour >= 7 && hour < 22)
    return time;

  day = g_date_time_add_days (time, hour >= 22 ? 1 : 0);
  g_date_time_unref (time);
  morning = g_date_time_new (g_date_time_get_timezone (ctx->now),
                             g_date_time_get_year (day),
                             g_date_time_get_month (day),
                             g_date_time_get_day_of_month (day),
                             8, amends_demo_random_between (ctx, 0, 59), 0);
  if (morning != NULL && g_date_time_compare (morning, until) >= 0)
    g_clear_pointer (&morning, g_date_time_unref);

  return morning;
}

/* A status report half-way through a long stretch of work. */
static gboolean
timeline_maybe_report (DemoTimeline  *tl,
                       GDateTime     *until,
                       GError       **error)
{
  GTimeSpan span = g_date_time_difference (until, tl->cursor);
  g_autoptr(GDateTime) halfway = NULL;
  g_autofree char *text = NULL;

  if (span < 6 * G_TIME_SPAN_HOUR)
    return TRUE;

  halfway = in_daytime (tl->ctx, g_date_time_add (tl->cursor, span / 2), until);
  if (halfway == NULL)
    return TRUE;

  text = amends_demo_fill_in (amends_demo_pick (tl->ctx, &amends_demo_status_reports), amends_demo_customers[tl->dc->customer].call, NULL);

  return timeline_add (tl, AMENDS_ACTION_KIND_STATUS_REPORT, amends_demo_case_worker (tl->dc),
                       halfway, text, error);
}

static gboolean
timeline_add_pause (DemoTimeline     *tl,
                    const DemoTimes  *times,
                    GError          **error)
{
  DemoStaffKey worker = amends_demo_case_worker (tl->dc);
  g_autofree char *text = g_strconcat ("Clock paused. ", tl->dc->pause_reason, NULL);

  if (!timeline_maybe_report (tl, times->paused, error) ||
      !timeline_add (tl, AMENDS_ACTION_KIND_PAUSE, worker, times->paused, text, error))
    return FALSE;

  if (times->resumed == NULL)
    return TRUE;

  return timeline_add (tl, AMENDS_ACTION_KIND_RESUME, worker, times->resumed,
                       "Heard back; the clock is running again.", error);
}

static gboolean
timeline_add_overdue_note (DemoTimeline     *tl,
                           const DemoTimes  *times,
                           GError          **error)
{
  DemoStaffKey worker = amends_demo_case_worker (tl->dc);
  DemoStaffKey manager = amends_demo_manager_of (amends_demo_staff[worker].team);
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *text = NULL;
  const char *pattern;

  if (times->paused != NULL || g_date_time_compare (times->due, tl->ctx->now) > 0)
    return TRUE;

  when = amends_demo_minutes_after (tl->ctx, times->due, amends_demo_random_between (tl->ctx, 30, 180));
  if (worker == manager)
    pattern = amends_demo_pick (tl->ctx, &amends_demo_overdue_own);
  else
    pattern = amends_demo_pick (tl->ctx, &amends_demo_overdue_nudges);
  text = amends_demo_fill_in (pattern, amends_demo_customers[tl->dc->customer].call, NULL);

  return timeline_add (tl, AMENDS_ACTION_KIND_NOTE, manager, when, text, error);
}

/* Fix, surprise and the customer's verdict, ending at the recovery. */
static gboolean
timeline_add_recovery (DemoTimeline     *tl,
                       const DemoTimes  *times,
                       GError          **error)
{
  DemoStaffKey worker = amends_demo_case_worker (tl->dc);
  g_autoptr(GDateTime) fixed = NULL;
  g_autoptr(GDateTime) surprised = NULL;
  g_autofree char *verdict = NULL;

  /* A quick fix comes before the wait for the surprise; otherwise both
   * come at the end. */
  if (tl->dc->fixed_after > 0)
    fixed = amends_demo_minutes_after (tl->ctx, times->occurred, tl->dc->fixed_after);
  else
    fixed = amends_demo_minutes_after (tl->ctx, times->recovered, -amends_demo_random_between (tl->ctx, 5, 60));

  if (tl->dc->fixed_after == 0 && !timeline_maybe_report (tl, times->recovered, error))
    return FALSE;
  if (tl->dc->fix != NULL &&
      !timeline_add (tl, AMENDS_ACTION_KIND_FIX, worker, fixed, tl->dc->fix, error))
    return FALSE;
  if (tl->dc->fixed_after > 0 && !timeline_maybe_report (tl, times->recovered, error))
    return FALSE;

  surprised = amends_demo_minutes_after (tl->ctx, times->recovered, -amends_demo_random_between (tl->ctx, 0, 4));
  if (tl->dc->surprise != NULL &&
      !timeline_add (tl, AMENDS_ACTION_KIND_SURPRISE, worker, surprised, tl->dc->surprise, error))
    return FALSE;

  verdict = amends_demo_fill_in (amends_demo_pick (tl->ctx, &amends_demo_resolution_phrases[tl->dc->reaction]),
                     amends_demo_customers[tl->dc->customer].call, NULL);

  return timeline_add (tl, AMENDS_ACTION_KIND_RESOLUTION, worker, times->recovered, verdict, error);
}

/* The follow-up, and the lesson passed on to the team. */
static gboolean
timeline_add_closing (DemoTimeline     *tl,
                      const DemoTimes  *times,
                      GError          **error)
{
  DemoStaffKey worker = amends_demo_case_worker (tl->dc);
  g_autoptr(GDateTime) followed_up = NULL;
  g_autoptr(GDateTime) noted = NULL;
  g_autofree char *text = NULL;

  followed_up = amends_demo_minutes_after (tl->ctx, times->closed, -amends_demo_random_between (tl->ctx, 10, 90));
  text = amends_demo_fill_in (amends_demo_pick (tl->ctx, &amends_demo_follow_up_phrases[tl->dc->came_back]),
                  amends_demo_customers[tl->dc->customer].call, NULL);
  if (!timeline_add (tl, AMENDS_ACTION_KIND_FOLLOW_UP, worker, followed_up, text, error))
    return FALSE;

  if (tl->dc->lesson == NULL || amends_demo_random_between (tl->ctx, 0, 2) == 0)
    return TRUE;

  noted = amends_demo_minutes_after (tl->ctx, times->closed, amends_demo_random_between (tl->ctx, 5, 90));
  g_clear_pointer (&text, g_free);
  text = amends_demo_fill_in (amends_demo_pick (tl->ctx, &amends_demo_lesson_notes), NULL, tl->dc->lesson);

  return timeline_add (tl, AMENDS_ACTION_KIND_NOTE, amends_demo_manager_of (amends_demo_staff[worker].team),
                       noted, text, error);
}

static gboolean
timeline_add_generated (DemoTimeline     *tl,
                        const DemoTimes  *times,
                        GError          **error)
{
  const DemoCase *dc = tl->dc;
  DemoStaffKey worker = amends_demo_case_worker (dc);

  if (dc->owner == NOBODY)
    return timeline_say (tl, AMENDS_ACTION_KIND_NOTE, worker, 1, 5,
                         &amends_demo_unowned_notes, NULL, error);

  if (!timeline_say (tl, AMENDS_ACTION_KIND_CONTACT, amends_demo_case_logger (dc), 1, 12,
                     contact_phrases_for (dc), NULL, error) ||
      !timeline_say (tl, AMENDS_ACTION_KIND_APOLOGY, worker, 1, 10,
                     &amends_demo_apologies, NULL, error))
    return FALSE;

  if (times->paused != NULL && !timeline_add_pause (tl, times, error))
    return FALSE;

  switch (dc->status)
    {
    case AMENDS_CASE_STATUS_OPEN:
      return timeline_add_overdue_note (tl, times, error);

    case AMENDS_CASE_STATUS_IN_RECOVERY:
      /* What is done so far is the first aid, done at once. */
      if (dc->fix != NULL && times->paused == NULL)
        {
          g_autoptr(GDateTime) fixed = amends_demo_minutes_after (tl->ctx, tl->cursor, amends_demo_random_between (tl->ctx, 15, 50));

          if (!timeline_add (tl, AMENDS_ACTION_KIND_FIX, worker, fixed, dc->fix, error))
            return FALSE;
        }
      if (times->paused == NULL && !timeline_maybe_report (tl, tl->ctx->now, error))
        return FALSE;
      return timeline_add_overdue_note (tl, times, error);

    case AMENDS_CASE_STATUS_RECOVERED:
      return timeline_add_recovery (tl, times, error);

    case AMENDS_CASE_STATUS_CLOSED:
      return timeline_add_recovery (tl, times, error) &&
             timeline_add_closing (tl, times, error);

    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
amends_demo_insert_timeline (DemoContext     *ctx,
                 const DemoCase  *dc,
                 gint64           case_id,
                 const DemoTimes *times,
                 GError         **error)
{
  DemoTimeline tl = { ctx, dc, case_id, g_date_time_ref (times->logged), times->recovered };
  gboolean ok;

  if (dc->steps != NULL)
    ok = timeline_add_written (&tl, times, error);
  else
    ok = timeline_add_generated (&tl, times, error);

  g_date_time_unref (tl.cursor);
  return ok;
}
