/* amends-demo.c: a realistic set of cases to show and try Amends with
 *
 * A hotel and conference centre over the last ten weeks: its staff, its
 * guests and what would delight them, some sixty breakdowns in every state
 * of recovery with their timelines, and the stories the managers tell.
 *
 * Every time is relative to the @now the demo is given, so it always looks
 * current.  The store's clock is set to the time of each thing as it is
 * written and the person at the desk to whoever did it, so the audit log
 * reads as if the ten weeks had really happened.  What varies (minutes,
 * the wording of routine timeline entries) comes from a GRand with a fixed
 * seed: the same @now always gives the same database.
 *
 * The texts are data, not interface, and are not translated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-demo"

#include "config.h"

#include "amends-demo.h"

#include <glib/gi18n.h>

#include "amends-demo-private.h"
#include "amends-store-private.h"
#include "amends-store-rows.h"

/* The day Roy Osing posted his twelve ways to fix a colossal mistake. */
#define DEMO_SEED 20100818

/* Populating */

void
amends_demo_times_clear (DemoTimes *times)
{
  g_clear_pointer (&times->occurred, g_date_time_unref);
  g_clear_pointer (&times->logged, g_date_time_unref);
  g_clear_pointer (&times->due, g_date_time_unref);
  g_clear_pointer (&times->paused, g_date_time_unref);
  g_clear_pointer (&times->resumed, g_date_time_unref);
  g_clear_pointer (&times->recovered, g_date_time_unref);
  g_clear_pointer (&times->closed, g_date_time_unref);
  g_clear_pointer (&times->follow_up, g_date_time_unref);
}

int
amends_demo_random_between (DemoContext *ctx,
                int          low,
                int          high)
{
  return g_rand_int_range (ctx->rand, low, high + 1);
}

const char *
amends_demo_pick (DemoContext       *ctx,
      const DemoPhrases *phrases)
{
  return phrases->texts[g_rand_int_range (ctx->rand, 0, phrases->n_texts)];
}

char *
amends_demo_fill_in (const char *pattern,
         const char *name,
         const char *text)
{
  GString *str = g_string_new (pattern);

  g_string_replace (str, "{name}", name ? name : "", 0);
  g_string_replace (str, "{text}", text ? text : "", 0);

  return g_string_free (str, FALSE);
}

/* Takes @time; gives it back, or now if it was later. */
GDateTime *
amends_demo_not_after_now (DemoContext *ctx,
               GDateTime   *time)
{
  if (g_date_time_compare (time, ctx->now) <= 0)
    return time;

  g_date_time_unref (time);
  return g_date_time_ref (ctx->now);
}

GDateTime *
amends_demo_minutes_after (DemoContext *ctx,
               GDateTime   *time,
               gint64       minutes)
{
  return amends_demo_not_after_now (ctx, g_date_time_add_minutes (time, minutes));
}

/* @hhmm on the calendar day @days_ago days before now, in now's time zone. */
static GDateTime *
day_at (DemoContext *ctx,
        int          days_ago,
        int          hhmm)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (ctx->now, -days_ago);
  GDateTime *time;

  time = g_date_time_new (g_date_time_get_timezone (ctx->now),
                          g_date_time_get_year (day),
                          g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day),
                          hhmm / 100, hhmm % 100, 0);
  if (time == NULL)
    time = g_date_time_ref (day);

  return amends_demo_not_after_now (ctx, time);
}

DemoStaffKey
amends_demo_manager_of (const char *team)
{
  if (g_strcmp0 (team, EVENTS) == 0)
    return PRIYA;
  if (g_strcmp0 (team, RESTAURANT) == 0)
    return HANNAH;
  return MARIA;
}

DemoStaffKey
amends_demo_case_logger (const DemoCase *dc)
{
  return dc->logged_by != NOBODY ? dc->logged_by : dc->owner;
}

/* The one who does the work: the owner, or, while there is none, the one
 * who logged it. */
DemoStaffKey
amends_demo_case_worker (const DemoCase *dc)
{
  return dc->owner != NOBODY ? dc->owner : amends_demo_case_logger (dc);
}

static const DemoCase *
find_case (const char *key,
           guint      *position)
{
  for (guint i = 0; i < amends_demo_n_cases; i++)
    {
      if (g_strcmp0 (amends_demo_cases[i].key, key) == 0)
        {
          *position = i;
          return &amends_demo_cases[i];
        }
    }

  g_return_val_if_reached (NULL);
}

static GDateTime *
case_occurred (DemoContext    *ctx,
               const DemoCase *dc)
{
  if (dc->days_ago > 0)
    return day_at (ctx, dc->days_ago, dc->at);

  for (int days_ago = 0; days_ago <= 2; days_ago++)
    {
      GDateTime *time = day_at (ctx, days_ago, dc->at);

      if (g_date_time_difference (ctx->now, time) >= dc->min_age * G_TIME_SPAN_MINUTE)
        return time;
      g_date_time_unref (time);
    }

  g_return_val_if_reached (g_date_time_add_minutes (ctx->now, -dc->min_age));
}

/* Takes @time; gives back the same day at a random office hour. */
static GDateTime *
in_office_hours (DemoContext *ctx,
                 GDateTime   *time)
{
  GDateTime *office;

  office = g_date_time_new (g_date_time_get_timezone (ctx->now),
                            g_date_time_get_year (time),
                            g_date_time_get_month (time),
                            g_date_time_get_day_of_month (time),
                            amends_demo_random_between (ctx, 9, 17), amends_demo_random_between (ctx, 0, 59), 0);
  if (office == NULL)
    return time;

  g_date_time_unref (time);
  return amends_demo_not_after_now (ctx, office);
}

/* Sets who is at the desk and what time it is while a record is written,
 * so its audit rows say who did it and when. */
void
amends_demo_act_as (DemoContext  *ctx,
             DemoStaffKey  staff,
             GDateTime    *when)
{
  amends_store_set_actor_id (ctx->store, ctx->staff_ids[staff]);
  amends_store_set_fixed_now (ctx->store, when);
}

static gboolean
check_store_is_empty (DemoContext  *ctx,
                      GError      **error)
{
  gboolean empty = FALSE;

  if (!amends_store_is_empty (ctx->store, &empty, error))
    return FALSE;

  if (!empty)
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID,
                           _("The demo can only fill an empty database, and this one already has cases, staff or customers in it."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
insert_staff (DemoContext  *ctx,
              GError      **error)
{
  g_autoptr(GDateTime) hired = g_date_time_add_days (ctx->now, -400);

  amends_demo_act_as (ctx, NOBODY, hired);

  for (guint i = NOBODY + 1; i < N_DEMO_STAFF; i++)
    {
      g_autoptr(AmendsStaff) staff = amends_staff_new ();

      g_object_set (staff,
                    "name", amends_demo_staff[i].name,
                    "team", amends_demo_staff[i].team,
                    "role", amends_demo_staff[i].role,
                    "active", amends_demo_staff[i].active,
                    NULL);
      if (!amends_store_insert (ctx->store, AMENDS_RECORD (staff), error))
        return FALSE;

      ctx->staff_ids[i] = amends_record_get_id (AMENDS_RECORD (staff));
    }

  return TRUE;
}

static gboolean
insert_customers (DemoContext  *ctx,
                  GError      **error)
{
  for (guint i = 0; i < N_DEMO_CUSTOMERS; i++)
    {
      const DemoCustomer *dc = &amends_demo_customers[i];
      g_autoptr(AmendsCustomer) customer = amends_customer_new ();
      g_autoptr(GDateTime) created = NULL;

      /* Before the ten weeks of cases: some are regulars of years. */
      created = day_at (ctx, amends_demo_random_between (ctx, 75, 900), amends_demo_random_between (ctx, 8, 20) * 100);
      amends_demo_act_as (ctx, amends_demo_random_between (ctx, 0, 2) ? TOM : AIKO, created);

      g_object_set (customer,
                    "name", dc->name,
                    "phone", dc->phone,
                    "email", dc->email,
                    "notes", dc->notes,
                    "created-at", created,
                    NULL);
      if (!amends_store_insert (ctx->store, AMENDS_RECORD (customer), error))
        return FALSE;

      ctx->customer_ids[i] = amends_record_get_id (AMENDS_RECORD (customer));
    }

  return TRUE;
}

static void
compute_times (DemoContext    *ctx,
               const DemoCase *dc,
               DemoTimes      *times)
{
  int target = amends_store_get_recovery_target_hours (ctx->store);
  int most = dc->recovered_after > 0 ? CLAMP (dc->recovered_after / 2, 1, 25) : 25;
  int logged_after = dc->logged_after > 0 ? dc->logged_after : amends_demo_random_between (ctx, MIN (3, most), most);

  times->occurred = case_occurred (ctx, dc);
  times->logged = amends_demo_minutes_after (ctx, times->occurred, logged_after);
  times->due = g_date_time_add_hours (times->occurred, target);

  if (dc->paused_after > 0)
    {
      times->paused = amends_demo_minutes_after (ctx, times->logged, dc->paused_after);
      if (dc->paused_for > 0)
        times->resumed = amends_demo_minutes_after (ctx, times->paused, dc->paused_for);
    }

  if (dc->status == AMENDS_CASE_STATUS_RECOVERED || dc->status == AMENDS_CASE_STATUS_CLOSED)
    times->recovered = amends_demo_minutes_after (ctx, times->occurred, dc->recovered_after);

  /* Both at least a day after what they follow, so never before it. */
  if (dc->status == AMENDS_CASE_STATUS_CLOSED)
    times->closed = in_office_hours (ctx, g_date_time_add_days (times->recovered, dc->closed_after));
  else if (dc->follow_up_after > 0)
    times->follow_up = in_office_hours (ctx, g_date_time_add_hours (times->recovered ? times->recovered : times->logged,
                                                                    dc->follow_up_after));
}

static gboolean
insert_case (DemoContext     *ctx,
             const DemoCase  *dc,
             const DemoTimes *times,
             gint64          *case_id,
             GError         **error)
{
  g_autoptr(AmendsCase) kase = amends_case_new ();
  DemoStaffKey owner = dc->owner;
  const char *team = amends_demo_staff[amends_demo_case_worker (dc)].team;
  gint64 paused_seconds = 0;

  if (times->resumed != NULL)
    paused_seconds = g_date_time_difference (times->resumed, times->paused) / G_TIME_SPAN_SECOND;

  g_object_set (kase,
                "summary", dc->summary,
                "description", dc->description,
                "customer-id", ctx->customer_ids[dc->customer],
                "category", dc->category,
                "severity", dc->severity,
                "channel", dc->channel,
                "noticed-by", dc->noticed_by,
                "occurred-at", times->occurred,
                "logged-at", times->logged,
                "logged-by-id", ctx->staff_ids[amends_demo_case_logger (dc)],
                "owner-id", ctx->staff_ids[owner],
                "team", team,
                "status", dc->status,
                "recovery-due-at", times->due,
                "recovered-at", times->recovered,
                "closed-at", times->closed,
                "paused-at", times->resumed ? NULL : times->paused,
                "paused-seconds", paused_seconds,
                "pause-reason", times->resumed ? NULL : dc->pause_reason,
                "fix", dc->fix,
                "surprise", dc->surprise,
                "surprise-cost-cents", dc->surprise_cost,
                "rule-bent", dc->bent_rule != NULL,
                "bent-rule", dc->bent_rule,
                "bent-rule-why", dc->bent_rule_why,
                "rater-failed", dc->failed,
                "rater-shown", dc->shown,
                "reaction", dc->reaction,
                "came-back", dc->came_back,
                "lesson", dc->lesson,
                "follow-up-due-at", times->follow_up,
                NULL);

  amends_demo_act_as (ctx, amends_demo_case_logger (dc), times->logged);
  if (!amends_store_insert (ctx->store, AMENDS_RECORD (kase), error))
    return FALSE;

  *case_id = amends_record_get_id (AMENDS_RECORD (kase));
  return TRUE;
}

/* Timelines */

static gboolean
insert_cases (DemoContext  *ctx,
              GError      **error)
{
  for (guint i = 0; i < amends_demo_n_cases; i++)
    {
      g_auto(DemoTimes) times = { NULL };

      compute_times (ctx, &amends_demo_cases[i], &times);
      if (!insert_case (ctx, &amends_demo_cases[i], &times, &ctx->case_ids[i], error) ||
          !amends_demo_insert_timeline (ctx, &amends_demo_cases[i], ctx->case_ids[i], &times, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_story (DemoContext      *ctx,
              const DemoStory  *ds,
              GError          **error)
{
  g_autoptr(AmendsStory) story = amends_story_new ();
  g_autoptr(GDateTime) occurred = NULL;
  g_autoptr(GDateTime) recovered = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) told = NULL;
  gint64 heroes[G_N_ELEMENTS (ds->heroes)];
  guint n_heroes = 0;
  DemoStaffKey editor;
  const DemoCase *dc;
  guint position = 0;

  dc = find_case (ds->case_key, &position);
  g_return_val_if_fail (dc != NULL, FALSE);

  /* The random parts of a case's times never touch these two. */
  occurred = case_occurred (ctx, dc);
  recovered = amends_demo_minutes_after (ctx, occurred, dc->recovered_after);
  created = amends_demo_minutes_after (ctx, recovered, ds->written_after);
  if (ds->stage == AMENDS_STORY_STAGE_TOLD)
    told = amends_demo_minutes_after (ctx, recovered, ds->told_after);

  g_object_set (story,
                "case-id", ctx->case_ids[position],
                "title", ds->title,
                "text", ds->text,
                "stage", ds->stage,
                "created-at", created,
                "told-at", told,
                NULL);

  editor = amends_demo_manager_of (amends_demo_staff[amends_demo_case_worker (dc)].team);
  amends_demo_act_as (ctx, editor, created);
  if (!amends_store_insert (ctx->store, AMENDS_RECORD (story), error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (ds->heroes) && ds->heroes[i] != NOBODY; i++)
    heroes[n_heroes++] = ctx->staff_ids[ds->heroes[i]];

  return amends_store_set_story_heroes (ctx->store,
                                        amends_record_get_id (AMENDS_RECORD (story)),
                                        heroes, n_heroes, error);
}

static gboolean
insert_stories (DemoContext  *ctx,
                GError      **error)
{
  for (guint i = 0; i < amends_demo_n_stories; i++)
    {
      if (!insert_story (ctx, &amends_demo_stories[i], error))
        return FALSE;
    }

  return TRUE;
}

/**
 * amends_demo_get_default_path:
 *
 * Returns: (transfer full): where the demo database lives, beside the real
 *   one but never in its place
 */
char *
amends_demo_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "amends", "demo.db", NULL);
}

/**
 * amends_demo_populate:
 * @store: an empty store
 * @now: the time the demo is seen at; everything in it happened before
 *
 * Fills @store with staff, customers, cases with their timelines, and
 * stories, in one transaction: on failure nothing is left behind.  The
 * same @now always gives the same records.
 *
 * A store that already has cases, staff or customers is refused with
 * %AMENDS_STORE_ERROR_INVALID rather than mixed with the demo.  The person
 * at the desk and the store's clock are as they were before the call.
 *
 * Returns: %TRUE if the demo was written
 */
gboolean
amends_demo_populate (AmendsStore  *store,
                      GDateTime    *now,
                      GError      **error)
{
  g_autoptr(GDateTime) previous_now = NULL;
  gint64 previous_actor;
  DemoContext ctx = { 0 };
  gboolean ok;

  g_return_val_if_fail (AMENDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!amends_store_begin (store, error))
    return FALSE;

  previous_actor = amends_store_get_actor_id (store);
  previous_now = store->fixed_now ? g_date_time_ref (store->fixed_now) : NULL;

  ctx.store = store;
  ctx.now = now;
  ctx.rand = g_rand_new_with_seed (DEMO_SEED);
  ctx.case_ids = g_new0 (gint64, amends_demo_n_cases);

  ok = check_store_is_empty (&ctx, error) &&
       insert_staff (&ctx, error) &&
       insert_customers (&ctx, error) &&
       insert_cases (&ctx, error) &&
       insert_stories (&ctx, error);

  g_rand_free (ctx.rand);
  g_free (ctx.case_ids);
  amends_store_set_actor_id (store, previous_actor);
  amends_store_set_fixed_now (store, previous_now);

  if (!ok)
    {
      amends_store_rollback (store);
      return FALSE;
    }

  /* A failed commit has rolled back already. */
  return amends_store_commit (store, error);
}
