/* test-measures.c: the two headline measures, on cases worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "amends-csv-measures.h"
#include "amends-period.h"
#include "amends-store-escalated.h"
#include "amends-store-measures.h"
#include "amends-store-week-cases.h"
#include "amends-store-private.h"
#include "amends-store-stories.h"
#include "amends-store-targets.h"
#include "amends-test-utils.h"

/* A week worked by hand, from the definitions in amends-store-measures.c
 * and the README, never from the code.  Everything happens through the
 * store's own steps (log, pause, resume, recover, close), each at its
 * moment, in local time of the zone under test: the same wall-clock
 * times in Europe/Berlin and in UTC.  The week is 2026-W43, Monday 19
 * to Monday 26 October, and Berlin leaves summer time in it (Sunday 25,
 * 03:00 CEST becomes 02:00 CET), so there the week is 169 hours long.
 * The target is 24 h; "now" is Monday 26 October 10:00 local.
 *
 *      happened (local)       what then                          W43 verdict
 *  L   Mon 19 00:30 staff     recovered Mon 08:00, blown away,   in time (7.5 h)
 *                             surprise 15.00, a rule bent
 *  A   Mon 19 09:00 Ada       paused Tue 08:00–13:00, recovered  in time (28.5 h − 5 h paused)
 *                             Tue 13:30, blown away, surprise 20.00
 *  C   Tue 20 09:00 staff     pausing Wed 12:00 refused (27 h),  missed (past due now), open and
 *      unowned                still open                         past due at the week's end
 *  D   Tue 20 15:00           closed Tue 18:00 without a fix     missed (not recovered, past due now)
 *  E   Wed 21 10:00           closed: not a service breakdown    in no measure at all
 *  F   Wed 21 09:00           recovered Wed 15:00, satisfied     in time (6 h)
 *  G   Thu 22 08:00           recovered Fri 10:00, not recorded  missed (26 h)
 *  B   Thu 22 10:00 Ada       paused Thu 18:00, still paused     pending; open, not past due
 *  H   logged Fri 23 09:00,   recovered Fri 12:00, blown away    missed (29 h): the due time moved
 *      corrected to Thu 22 07:00                                  with the correction
 *  I   Sat 24 12:00           recovered Sun 25 11:30, blown away Berlin: missed (24.5 h, an hour
 *                                                                 more across the change); UTC: in time (23.5 h)
 *  J   Sun 25 23:30 Bob       open                               pending (due Mon 26 23:30); open at the end
 *  K   Mon 26 00:30           open                               the next week
 *  M   Sun 18 10:00           recovered Mon 19 09:00, unhappy    the week before; recovered in W43 (23 h)
 *  T   Wed 21 10:00           recovered, blown away, trashed     never counted
 */

typedef struct
{
  AmendsTestDb  db;
  GTimeZone    *zone;
  gboolean      berlin;
  gint64        ada;
  gint64        bob;
} Week;

static GDateTime *
local (Week       *w,
       int         day,
       int         hour,
       int         minute)
{
  return g_date_time_new (w->zone, 2026, 10, day, hour, minute, 0);
}

static void
at (Week *w,
    int   day,
    int   hour,
    int   minute)
{
  g_autoptr(GDateTime) when = local (w, day, hour, minute);

  amends_store_set_fixed_now (w->db.store, when);
}

static AmendsCase *
log_case (Week            *w,
          const char      *summary,
          int              day,
          int              hour,
          int              minute,
          gint64           owner,
          AmendsNoticedBy  noticed_by)
{
  g_autoptr(GDateTime) occurred = local (w, day, hour, minute);
  g_autoptr(AmendsCase) kase = amends_case_new ();
  g_autoptr(GError) error = NULL;

  at (w, day, hour, minute);
  g_object_set (kase, "summary", summary, "occurred-at", occurred,
                "owner-id", owner, "noticed-by", noticed_by, NULL);
  g_assert_true (amends_store_insert (w->db.store, AMENDS_RECORD (kase), &error));
  g_assert_no_error (error);

  return g_steal_pointer (&kase);
}

static void
recover (Week           *w,
         AmendsCase     *kase,
         int             day,
         int             hour,
         int             minute,
         AmendsReaction  reaction,
         gint64          surprise_cents)
{
  g_autoptr(GError) error = NULL;

  at (w, day, hour, minute);
  g_object_set (kase, "fix", "Put right", "reaction", reaction,
                "surprise-cost-cents", surprise_cents, NULL);
  g_assert_true (amends_store_set_case_status (w->db.store, kase, AMENDS_CASE_STATUS_RECOVERED, &error));
  g_assert_no_error (error);
}

static void
week_setup (Week          *w,
            gconstpointer  data)
{
  const char *zone = data;
  g_autoptr(AmendsStaff) ada = NULL;
  g_autoptr(AmendsStaff) bob = NULL;
  g_autoptr(AmendsCase) l = NULL, a = NULL, c = NULL, d = NULL, e = NULL, f = NULL, g = NULL;
  g_autoptr(AmendsCase) b = NULL, h = NULL, i = NULL, j = NULL, k = NULL, m = NULL, t = NULL;
  g_autoptr(GDateTime) corrected = NULL;
  g_autoptr(GError) error = NULL;

  amends_test_db_setup (&w->db, NULL);
  w->zone = g_time_zone_new_identifier (zone);
  g_assert_nonnull (w->zone);
  w->berlin = g_str_equal (zone, "Europe/Berlin");
  ada = amends_test_add_staff (w->db.store, "Ada");
  bob = amends_test_add_staff (w->db.store, "Bob");
  w->ada = amends_record_get_id (AMENDS_RECORD (ada));
  w->bob = amends_record_get_id (AMENDS_RECORD (bob));

  m = log_case (w, "M", 18, 10, 0, 0, AMENDS_NOTICED_BY_CUSTOMER);
  recover (w, m, 19, 9, 0, AMENDS_REACTION_STILL_UNHAPPY, 0);

  l = log_case (w, "L", 19, 0, 30, 0, AMENDS_NOTICED_BY_STAFF);
  g_object_set (l, "rule-bent", TRUE, "bent-rule", "One pin each", NULL);
  recover (w, l, 19, 8, 0, AMENDS_REACTION_BLOWN_AWAY, 1500);

  a = log_case (w, "A", 19, 9, 0, w->ada, AMENDS_NOTICED_BY_CUSTOMER);
  at (w, 20, 8, 0);
  g_assert_true (amends_store_pause_clock (w->db.store, a, "Out for the day", &error));
  at (w, 20, 13, 0);
  g_assert_true (amends_store_resume_clock (w->db.store, a, &error));
  recover (w, a, 20, 13, 30, AMENDS_REACTION_BLOWN_AWAY, 2000);

  c = log_case (w, "C", 20, 9, 0, 0, AMENDS_NOTICED_BY_STAFF);
  at (w, 21, 12, 0);
  g_assert_false (amends_store_pause_clock (w->db.store, c, "Too late", &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_REFUSED);
  g_clear_error (&error);

  d = log_case (w, "D", 20, 15, 0, 0, AMENDS_NOTICED_BY_CUSTOMER);
  at (w, 20, 18, 0);
  g_assert_true (amends_store_set_case_status (w->db.store, d, AMENDS_CASE_STATUS_CLOSED, &error));

  e = log_case (w, "E", 21, 10, 0, 0, AMENDS_NOTICED_BY_CUSTOMER);
  at (w, 21, 11, 0);
  g_assert_true (amends_store_close_case (w->db.store, e, AMENDS_CLOSE_REASON_NOT_A_BREAKDOWN, &error));

  f = log_case (w, "F", 21, 9, 0, 0, AMENDS_NOTICED_BY_CUSTOMER);
  recover (w, f, 21, 15, 0, AMENDS_REACTION_SATISFIED, 0);

  t = log_case (w, "T", 21, 10, 0, 0, AMENDS_NOTICED_BY_CUSTOMER);
  recover (w, t, 21, 12, 0, AMENDS_REACTION_BLOWN_AWAY, 9900);
  g_assert_true (amends_store_trash_case (w->db.store, amends_record_get_id (AMENDS_RECORD (t)), &error));

  g = log_case (w, "G", 22, 8, 0, 0, AMENDS_NOTICED_BY_CUSTOMER);
  recover (w, g, 23, 10, 0, AMENDS_REACTION_UNKNOWN, 0);

  b = log_case (w, "B", 22, 10, 0, w->ada, AMENDS_NOTICED_BY_CUSTOMER);
  at (w, 22, 18, 0);
  g_assert_true (amends_store_pause_clock (w->db.store, b, "Away until Tuesday", &error));

  h = log_case (w, "H", 23, 9, 0, 0, AMENDS_NOTICED_BY_CUSTOMER);
  corrected = local (w, 22, 7, 0);
  amends_case_set_occurred_at (h, corrected);
  g_assert_true (amends_store_update (w->db.store, AMENDS_RECORD (h), &error));
  recover (w, h, 23, 12, 0, AMENDS_REACTION_BLOWN_AWAY, 0);

  i = log_case (w, "I", 24, 12, 0, 0, AMENDS_NOTICED_BY_CUSTOMER);
  recover (w, i, 25, 11, 30, AMENDS_REACTION_BLOWN_AWAY, 0);

  j = log_case (w, "J", 25, 23, 30, w->bob, AMENDS_NOTICED_BY_CUSTOMER);
  k = log_case (w, "K", 26, 0, 30, 0, AMENDS_NOTICED_BY_CUSTOMER);
  g_assert_no_error (error);

  at (w, 26, 10, 0);
}

static void
week_teardown (Week          *w,
               gconstpointer  data)
{
  g_clear_pointer (&w->zone, g_time_zone_unref);
  amends_test_db_teardown (&w->db, NULL);
}

static void
measure_w43 (Week           *w,
             AmendsMeasures *m)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (amends_iso_week_parse ("2026-W43", w->zone, &from, &until, &error));
  g_assert_true (amends_store_measure (w->db.store, from, until, m, &error));
  g_assert_no_error (error);
}

static void
test_week_by_hand (Week          *w,
                   gconstpointer  data)
{
  AmendsMeasures m;

  measure_w43 (w, &m);

  /* Happened in the week: L A C D F G B H I J (E is no breakdown, K and
   * M are other weeks', T is in the trash). */
  g_assert_cmpuint (m.n_happened, ==, 10);
  /* Staff noticed L and C first. */
  g_assert_cmpuint (m.proactive.n_counted, ==, 2);
  g_assert_cmpuint (m.proactive.n_of, ==, 10);

  /* In time L A F, and I in UTC; missed G H C D, and I in Berlin; B and
   * J pending. */
  g_assert_cmpuint (m.recovered_within.n_counted, ==, w->berlin ? 3 : 4);
  g_assert_cmpuint (m.recovered_within.n_of, ==, 8);
  g_assert_cmpfloat_with_epsilon (m.recovered_within.share, w->berlin ? 0.375 : 0.5, 1e-9);
  g_assert_cmpuint (m.n_pending, ==, 2);

  /* Recovered in the week: M L A F G H I; blown away A H I L of the six
   * with a reaction recorded (G has none). */
  g_assert_cmpuint (m.n_recovered, ==, 7);
  g_assert_cmpuint (m.blown_away.n_counted, ==, 4);
  g_assert_cmpuint (m.blown_away.n_of, ==, 6);
  g_assert_cmpuint (m.n_reaction_unknown, ==, 1);

  /* Times to recovery: F 6, L 7.5, M 23, A 23.5, I 24.5 (Berlin) or
   * 23.5 (UTC), G 26, H 29 h: the median is the 4th of 7, 23.5 h; the
   * 90th percentile the 7th (nearest rank of 6.3), 29 h. */
  g_assert_cmpint (m.median_seconds, ==, 23 * 3600 + 1800);
  g_assert_cmpint (m.p90_seconds, ==, 29 * 3600);
  /* L 15.00 and A 20.00 (T's is in the trash). */
  g_assert_cmpint (m.surprise_cents, ==, 3500);
  g_assert_cmpuint (m.n_rule_bends, ==, 1);

  /* At the week's end B, C and J were open; C past due (B paused in
   * time, J not due); C unowned. K came after. */
  g_assert_cmpuint (m.n_open, ==, 3);
  g_assert_cmpuint (m.n_overdue, ==, 1);
  g_assert_cmpuint (m.n_unowned, ==, 1);
}

/* The cases behind the counts, every one of them: no limit, which is
 * LIMIT -1 on SQLite and LIMIT NULL on a server. */
static void
test_week_lists_without_limit (Week          *w,
                               gconstpointer  data)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GDateTime) last_second = NULL;
  g_autoptr(GListModel) past_due = NULL;
  g_autoptr(GListModel) escalated = NULL;
  g_autoptr(AmendsCase) c = NULL;
  g_autoptr(GError) error = NULL;
  guint n_escalated = 0;

  g_assert_true (amends_iso_week_parse ("2026-W43", w->zone, &from, &until, &error));
  last_second = g_date_time_add_seconds (until, -1);

  /* Open and past due as the week ended: C alone (as n_overdue above). */
  past_due = amends_store_list_past_due_at (w->db.store, last_second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (past_due), ==, 1);
  c = g_list_model_get_item (past_due, 0);
  g_assert_cmpstr (amends_case_get_summary (c), ==, "C");

  /* Escalated the moment they were overdue: the list holds as many as
   * it says there are. */
  escalated = amends_store_list_escalated (w->db.store, from, until, 0, G_MAXUINT, &n_escalated, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_escalated, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (escalated), ==, n_escalated);
}

/* The lines of the tables count the same cohorts. */
static void
test_week_by_owner (Week          *w,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GPtrArray) owners = NULL;
  g_autoptr(GError) error = NULL;
  AmendsMeasureRow *row;

  g_assert_true (amends_iso_week_parse ("2026-W43", w->zone, &from, &until, &error));
  owners = amends_store_measure_by (w->db.store, AMENDS_MEASURE_BY_OWNER, from, until, &error);
  g_assert_no_error (error);

  /* Unowned: L C D F G H I happened, M recovered; Ada: A B; Bob: J. */
  g_assert_cmpuint (owners->len, ==, 3);
  row = owners->pdata[0];
  g_assert_cmpstr (row->name, ==, "Unowned");
  g_assert_cmpuint (row->measures.n_happened, ==, 7);
  /* In time L F (and I in UTC); missed C D G H (and I in Berlin). */
  g_assert_cmpuint (row->measures.recovered_within.n_counted, ==, w->berlin ? 2 : 3);
  g_assert_cmpuint (row->measures.recovered_within.n_of, ==, 7);

  row = owners->pdata[1];
  g_assert_cmpstr (row->name, ==, "Ada");
  g_assert_cmpuint (row->measures.recovered_within.n_counted, ==, 1);
  g_assert_cmpuint (row->measures.recovered_within.n_of, ==, 1);
  g_assert_cmpuint (row->measures.n_pending, ==, 1);
  g_assert_cmpuint (row->measures.blown_away.n_counted, ==, 1);
  g_assert_cmpint (row->measures.median_seconds, ==, 23 * 3600 + 1800);

  /* Bob's only case is pending: nothing to share, no median from nowhere. */
  row = owners->pdata[2];
  g_assert_cmpstr (row->name, ==, "Bob");
  g_assert_cmpfloat (row->measures.recovered_within.share, ==, -1);
  g_assert_cmpfloat (row->measures.blown_away.share, ==, -1);
  g_assert_cmpint (row->measures.median_seconds, ==, -1);
  g_assert_cmpuint (row->measures.n_pending, ==, 1);
}

/* The heroes panel counts the same blown-away recoveries as the Measures
 * view's line of the same owner, for the same period. */
static void
test_week_heroes_agree (Week          *w,
                        gconstpointer  data)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GPtrArray) owners = NULL;
  g_autoptr(GPtrArray) heroes = NULL;
  g_autoptr(GError) error = NULL;

  g_autoptr(AmendsCase) imported = amends_case_new ();
  g_autoptr(GDateTime) happened = local (w, 21, 9, 0);
  g_autoptr(GDateTime) recovered = local (w, 21, 11, 0);

  /* An imported ticket of Bob's, marked recovered with no fix: no
   * recovery, so no hero either. */
  g_object_set (imported, "summary", "Imported", "occurred-at", happened, "owner-id", w->bob,
                "status", AMENDS_CASE_STATUS_RECOVERED, "recovered-at", recovered,
                "reaction", AMENDS_REACTION_BLOWN_AWAY, NULL);
  g_assert_true (amends_store_insert (w->db.store, AMENDS_RECORD (imported), &error));

  g_assert_true (amends_iso_week_parse ("2026-W43", w->zone, &from, &until, &error));
  owners = amends_store_measure_by (w->db.store, AMENDS_MEASURE_BY_OWNER, from, until, &error);
  heroes = amends_store_count_heroes (w->db.store, from, until, &error);
  g_assert_no_error (error);

  /* Ada's A was recovered in the week, blown away; her B is still open.
   * Bob has no recovery; the trashed T was nobody's. */
  g_assert_cmpuint (heroes->len, ==, 1);
  g_assert_cmpstr (((AmendsHeroCount *) heroes->pdata[0])->name, ==, "Ada");
  g_assert_cmpuint (((AmendsHeroCount *) heroes->pdata[0])->n_blown_away, ==, 1);
  for (guint i = 0; i < owners->len; i++)
    {
      AmendsMeasureRow *row = owners->pdata[i];
      if (row->staff_id == w->ada)
        g_assert_cmpuint (row->measures.blown_away.n_counted, ==, 1);
      else if (row->staff_id == w->bob)
        g_assert_cmpuint (row->measures.blown_away.n_counted, ==, 0);
    }
}

/* The week's own bounds are local: Monday 00:00 to Monday 00:00. */
static void
test_week_bounds (Week          *w,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_assert_true (amends_iso_week_parse ("2026-W43", w->zone, &from, &until, NULL));
  start = g_date_time_format (from, "%F %T %z");
  end = g_date_time_format (until, "%F %T %z");
  g_assert_cmpstr (start, ==, w->berlin ? "2026-10-19 00:00:00 +0200" : "2026-10-19 00:00:00 +0000");
  g_assert_cmpstr (end, ==, w->berlin ? "2026-10-26 00:00:00 +0100" : "2026-10-26 00:00:00 +0000");
  g_assert_cmpint (g_date_time_difference (until, from), ==, (w->berlin ? 169 : 168) * G_TIME_SPAN_HOUR);

  /* The week after starts where this one ends, even across the change. */
  {
    g_autoptr(GDateTime) next = amends_iso_week_start (until);
    g_assert_true (g_date_time_equal (next, until));
  }
}

static void
test_nothing_to_measure (AmendsTestDb  *db,
                         gconstpointer  data)
{
  g_autoptr(GDateTime) from = amends_test_time ("2026-11-16T00:00:00Z");
  g_autoptr(GDateTime) until = amends_test_time ("2026-11-23T00:00:00Z");
  AmendsShare within, blown;

  g_assert_true (amends_store_measure_headlines (db->store, from, until, &within, &blown, NULL));
  g_assert_cmpfloat (within.share, ==, -1);
  g_assert_cmpfloat (blown.share, ==, -1);
}

static void
test_iso_weeks (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const char *bad[] = { "2026-47", "W47", "2026-W47x", "2026-W00", "2027-W53", "", "next week" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GDateTime) from = NULL;
      g_autoptr(GDateTime) until = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (amends_iso_week_parse (bad[i], utc, &from, &until, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    }

  {
    g_autoptr(GDateTime) from = NULL;
    g_autoptr(GDateTime) until = NULL;
    g_autoptr(GDateTime) inside = amends_test_time ("2026-12-31T15:00:00Z");
    g_autoptr(GDateTime) start = amends_iso_week_start (inside);
    g_autofree char *name = amends_iso_week_format (start);
    g_autofree char *text = NULL;

    /* 2026 began on a Thursday, so it has a week 53: 28 Dec – 4 Jan. */
    g_assert_true (amends_iso_week_parse ("2026-W53", utc, &from, &until, NULL));
    text = g_date_time_format (from, "%F %T");
    g_assert_cmpstr (text, ==, "2026-12-28 00:00:00");
    g_assert_cmpint (g_date_time_difference (until, from), ==, 7 * G_TIME_SPAN_DAY);
    g_assert_cmpstr (name, ==, "2026-W53");
  }
}

static void
assert_same_measures (const AmendsMeasures *a,
                      const AmendsMeasures *b)
{
  /* Every field is an integer or a quotient of the same integers. */
  g_assert_cmpmem (a, sizeof *a, b, sizeof *b);
}

static gpointer
measure_in_thread (gpointer data)
{
  AmendsMeasurer *measurer = ((gpointer *) data)[0];
  GDateTime *from = ((gpointer *) data)[1];
  GDateTime *until = ((gpointer *) data)[2];
  AmendsMeasures *m = g_new0 (AmendsMeasures, 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (amends_measurer_measure (measurer, from, until, m, &error));
  g_assert_no_error (error);

  return m;
}

/* The Measures view measures in a worker thread on a connection of its
 * own: it must find what the store finds on the main thread. */
static void
test_week_measurer_agrees (Week          *w,
                           gconstpointer  data)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(AmendsMeasurer) measurer = amends_measurer_new (w->db.store);
  g_autoptr(GError) error = NULL;
  g_autofree AmendsMeasures *threaded = NULL;
  gpointer args[3];
  AmendsMeasures m;

  g_assert_true (amends_iso_week_parse ("2026-W43", w->zone, &from, &until, &error));
  g_assert_true (amends_store_measure (w->db.store, from, until, &m, &error));
  g_assert_no_error (error);

  args[0] = measurer;
  args[1] = from;
  args[2] = until;
  threaded = g_thread_join (g_thread_new ("measure", measure_in_thread, args));
  assert_same_measures (&m, threaded);

  for (AmendsMeasureBy by = AMENDS_MEASURE_BY_OWNER; by <= AMENDS_MEASURE_BY_CATEGORY; by++)
    {
      g_autoptr(GPtrArray) here = amends_store_measure_by (w->db.store, by, from, until, &error);
      g_autoptr(GPtrArray) there = amends_measurer_measure_by (measurer, by, from, until, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (here->len, >, 0);
      g_assert_cmpuint (here->len, ==, there->len);
      for (guint i = 0; i < here->len; i++)
        {
          AmendsMeasureRow *a = here->pdata[i], *b = there->pdata[i];

          g_assert_cmpstr (a->name, ==, b->name);
          g_assert_cmpint (a->staff_id, ==, b->staff_id);
          assert_same_measures (&a->measures, &b->measures);
        }
    }

  {
    g_autoptr(GPtrArray) here = amends_store_measure_weeks (w->db.store, from, 3, &error);
    g_autoptr(GPtrArray) there = amends_measurer_measure_weeks (measurer, from, 3, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (there->len, ==, 3);
    for (guint i = 0; i < 3; i++)
      assert_same_measures (here->pdata[i], there->pdata[i]);
  }
}

static int
collect_sql_cb (unsigned  type,
                void     *data,
                void     *stmt,
                void     *sql)
{
  g_ptr_array_add (data, g_strdup (sqlite3_sql (stmt)));
  return 0;
}

/* On a million cases a full scan takes seconds: every query the measures
 * run must find its cases through an index (the plan never says "SCAN"
 * of the cases table, only of the small tables the queries make). */
static void
test_week_reads_through_indexes (Week          *w,
                                 gconstpointer  data)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  AmendsMeasures m;

  if (amends_test_sqlite_only ("SQLite's query plans; a server's planner chooses by the tables' sizes,"
                               " so a plan on a week of cases says nothing of one on a million"))
    return;

  db = amends_store_get_db (w->db.store);
  g_assert_true (amends_iso_week_parse ("2026-W43", w->zone, &from, &until, &error));
  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, collect_sql_cb, statements);
  g_assert_true (amends_store_measure (w->db.store, from, until, &m, &error));
  for (AmendsMeasureBy by = AMENDS_MEASURE_BY_OWNER; by <= AMENDS_MEASURE_BY_CATEGORY; by++)
    {
      g_autoptr(GPtrArray) rows = amends_store_measure_by (w->db.store, by, from, until, &error);
      g_assert_no_error (error);
    }
  sqlite3_trace_v2 (db, 0, NULL, NULL);
  g_assert_cmpuint (statements->len, >=, 8);

  for (guint i = 0; i < statements->len; i++)
    {
      g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", statements->pdata[i], NULL);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *detail = (const char *) sqlite3_column_text (stmt, 3);

          if (g_str_has_prefix (detail, "SCAN "))
            {
              g_test_message ("%s: %s", (char *) statements->pdata[i], detail);
              g_assert_true (g_str_equal (detail, "SCAN m") || g_str_equal (detail, "SCAN s") ||
                             g_str_equal (detail, "SCAN spans") || g_str_equal (detail, "SCAN CONSTANT ROW"));
            }
        }
      sqlite3_finalize (stmt);
    }
}


/* Periods: written by hand, in UTC. */

static AmendsPeriod *
parse_period (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GError) error = NULL;
  AmendsPeriod *period = amends_period_parse (text, utc, &error);

  g_assert_no_error (error);
  g_assert_nonnull (period);
  return period;
}

static void
assert_period (AmendsPeriod     *period,
               AmendsPeriodKind  kind,
               const char       *from,
               const char       *until)
{
  g_autofree char *a = g_date_time_format (amends_period_get_from (period), "%F %T");
  g_autofree char *b = g_date_time_format (amends_period_get_until (period), "%F %T");

  g_assert_cmpint (amends_period_get_kind (period), ==, kind);
  g_assert_cmpstr (a, ==, from);
  g_assert_cmpstr (b, ==, until);
}

static void
assert_shifted (AmendsPeriod     *period,
                int               steps,
                AmendsPeriodKind  kind,
                const char       *from,
                const char       *until)
{
  g_autoptr(AmendsPeriod) moved = amends_period_shift (period, steps);

  assert_period (moved, kind, from, until);
}

static void
test_period_parse_and_step (void)
{
  g_autoptr(AmendsPeriod) q4 = parse_period ("2026-10-01..2026-12-31");
  g_autoptr(AmendsPeriod) q4_named = parse_period ("2026-Q4");
  g_autoptr(AmendsPeriod) november = parse_period ("2026-11");
  g_autoptr(AmendsPeriod) december = parse_period ("2026-12-01..2026-12-31");
  g_autoptr(AmendsPeriod) week = parse_period ("2026-W53");
  g_autoptr(AmendsPeriod) day = parse_period ("2026-01-31");
  g_autoptr(AmendsPeriod) range = parse_period ("2026-12-20..2027-01-10");
  g_autoptr(AmendsPeriod) leap = parse_period ("2028-02");
  g_autofree char *q4_label = amends_period_dup_label (q4);
  g_autofree char *q4_name = amends_period_dup_name (q4);
  g_autofree char *q4_title = amends_period_dup_title (q4);
  g_autofree char *q4_days = amends_period_dup_days (q4);
  g_autofree char *november_label = amends_period_dup_label (november);
  g_autofree char *range_title = amends_period_dup_title (range);
  g_autofree char *range_label = amends_period_dup_label (range);
  g_autofree char *week_title = amends_period_dup_title (week);

  /* A range of whole days that is a quarter is the quarter. */
  assert_period (q4, AMENDS_PERIOD_QUARTER, "2026-10-01 00:00:00", "2027-01-01 00:00:00");
  assert_period (q4_named, AMENDS_PERIOD_QUARTER, "2026-10-01 00:00:00", "2027-01-01 00:00:00");
  g_assert_cmpstr (q4_label, ==, "Q4 2026 · 1 Oct – 31 Dec 2026");
  g_assert_cmpstr (q4_name, ==, "Quarter 4, 2026");
  g_assert_cmpstr (q4_title, ==, "Summary — Quarter 4, 2026");
  g_assert_cmpstr (q4_days, ==, "1 October – 31 December 2026");
  g_assert_cmpstr (amends_period_get_compare_text (q4), ==, "on the quarter before");
  /* Q4 → Q1 of the next year, and back a year. */
  assert_shifted (q4, 1, AMENDS_PERIOD_QUARTER, "2027-01-01 00:00:00", "2027-04-01 00:00:00");
  assert_shifted (q4, -4, AMENDS_PERIOD_QUARTER, "2025-10-01 00:00:00", "2026-01-01 00:00:00");
  assert_shifted (q4, -1, AMENDS_PERIOD_QUARTER, "2026-07-01 00:00:00", "2026-10-01 00:00:00");

  assert_period (november, AMENDS_PERIOD_MONTH, "2026-11-01 00:00:00", "2026-12-01 00:00:00");
  assert_period (december, AMENDS_PERIOD_MONTH, "2026-12-01 00:00:00", "2027-01-01 00:00:00");
  g_assert_cmpstr (november_label, ==, "November 2026");
  /* December → January across the year; months of 28 to 31 days. */
  assert_shifted (november, 2, AMENDS_PERIOD_MONTH, "2027-01-01 00:00:00", "2027-02-01 00:00:00");
  assert_shifted (november, 3, AMENDS_PERIOD_MONTH, "2027-02-01 00:00:00", "2027-03-01 00:00:00");
  assert_shifted (november, -11, AMENDS_PERIOD_MONTH, "2025-12-01 00:00:00", "2026-01-01 00:00:00");
  assert_period (leap, AMENDS_PERIOD_MONTH, "2028-02-01 00:00:00", "2028-03-01 00:00:00");

  /* 2026 has a week 53: 28 Dec – 3 Jan; the next is week 1 of 2027. */
  assert_period (week, AMENDS_PERIOD_WEEK, "2026-12-28 00:00:00", "2027-01-04 00:00:00");
  g_assert_cmpstr (week_title, ==, "Weekly summary — Week 53, 2026");
  assert_shifted (week, 1, AMENDS_PERIOD_WEEK, "2027-01-04 00:00:00", "2027-01-11 00:00:00");

  /* One day; any days step by as many days. */
  assert_period (day, AMENDS_PERIOD_OTHER, "2026-01-31 00:00:00", "2026-02-01 00:00:00");
  assert_shifted (day, 1, AMENDS_PERIOD_OTHER, "2026-02-01 00:00:00", "2026-02-02 00:00:00");
  assert_period (range, AMENDS_PERIOD_OTHER, "2026-12-20 00:00:00", "2027-01-11 00:00:00");
  assert_shifted (range, -1, AMENDS_PERIOD_OTHER, "2026-11-28 00:00:00", "2026-12-20 00:00:00");
  g_assert_cmpstr (range_title, ==, "Summary — 20 December 2026 – 10 January 2027");
  g_assert_cmpstr (range_label, ==, "20 Dec 2026 – 10 Jan 2027");
}

static void
test_period_parse_refuses (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const char *bad[] = {
    "2026-13", "2026-Q5", "2026-Q0", "2026-W54", "yesterday", "", "2026-1", "26-11",
    "2026-02-30..2026-03-01", "2026-10-01..", "..2026-10-01", "2026-10-01..2026-12-32",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AmendsPeriod) period = amends_period_parse (bad[i], utc, &error);

      g_test_message ("%s", bad[i]);
      g_assert_null (period);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AmendsPeriod) period = amends_period_parse ("2026-12-31..2026-10-01", utc, &error);

    g_assert_null (period);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_assert_cmpstr (error->message, ==, "The period ends on 1 October 2026, before it begins on 31 December 2026.");
  }
}

static void
test_period_around (void)
{
  g_autoptr(GDateTime) when = amends_test_time ("2026-11-18T10:00:00Z");
  g_autoptr(AmendsPeriod) week = amends_period_new_around (AMENDS_PERIOD_WEEK, when);
  g_autoptr(AmendsPeriod) month = amends_period_new_around (AMENDS_PERIOD_MONTH, when);
  g_autoptr(AmendsPeriod) quarter = amends_period_new_around (AMENDS_PERIOD_QUARTER, when);
  g_autoptr(AmendsPeriod) year = amends_period_new_around (AMENDS_PERIOD_YEAR, when);

  assert_period (week, AMENDS_PERIOD_WEEK, "2026-11-16 00:00:00", "2026-11-23 00:00:00");
  assert_period (month, AMENDS_PERIOD_MONTH, "2026-11-01 00:00:00", "2026-12-01 00:00:00");
  assert_period (quarter, AMENDS_PERIOD_QUARTER, "2026-10-01 00:00:00", "2027-01-01 00:00:00");
  assert_period (year, AMENDS_PERIOD_YEAR, "2026-01-01 00:00:00", "2027-01-01 00:00:00");
  g_assert_null (amends_period_new_around (AMENDS_PERIOD_OTHER, when));
}

static char *
join_labels (GPtrArray *labels)
{
  g_ptr_array_add (labels, NULL);
  return g_strjoinv (" ", (char **) labels->pdata);
}

static void
test_period_trend (void)
{
  g_autoptr(GDateTime) now = amends_test_time ("2026-11-18T10:00:00Z");
  g_autoptr(AmendsPeriod) q4 = parse_period ("2026-Q4");
  g_autoptr(AmendsPeriod) q4_2025 = parse_period ("2025-Q4");
  g_autoptr(AmendsPeriod) year = parse_period ("2025");
  g_autoptr(AmendsPeriod) week = parse_period ("2026-W47");
  g_autoptr(AmendsPeriod) years = parse_period ("2019-01-01..2025-12-31");
  AmendsPeriodTrend unit;

  {
    /* The quarter running: its weeks up to this one, the first cut to
     * Thursday 1 October, the last this week whole. */
    g_autoptr(GPtrArray) labels = NULL;
    g_autoptr(GPtrArray) bounds = amends_period_dup_trend (q4, now, &unit, &labels);
    g_autofree char *text = join_labels (labels);
    g_autofree char *first_end = g_date_time_format (bounds->pdata[1], "%F");
    g_autofree char *last_end = g_date_time_format (bounds->pdata[bounds->len - 1], "%F");

    g_assert_cmpint (unit, ==, AMENDS_PERIOD_TREND_WEEKS);
    g_assert_cmpstr (text, ==, "W40 W41 W42 W43 W44 W45 W46 W47");
    g_assert_cmpuint (bounds->len, ==, 9);
    g_assert_cmpstr (first_end, ==, "2026-10-05");
    g_assert_cmpstr (last_end, ==, "2026-11-23");
  }
  {
    /* A quarter gone by: all its weeks, the last cut to 31 December. */
    g_autoptr(GPtrArray) labels = NULL;
    g_autoptr(GPtrArray) bounds = amends_period_dup_trend (q4_2025, now, &unit, &labels);
    g_autofree char *text = join_labels (labels);
    g_autofree char *last_start = g_date_time_format (bounds->pdata[bounds->len - 2], "%F");
    g_autofree char *last_end = g_date_time_format (bounds->pdata[bounds->len - 1], "%F");

    g_assert_cmpstr (text, ==, "W40 W41 W42 W43 W44 W45 W46 W47 W48 W49 W50 W51 W52 W1");
    g_assert_cmpstr (last_start, ==, "2025-12-29");
    g_assert_cmpstr (last_end, ==, "2026-01-01");
  }
  {
    g_autoptr(GPtrArray) labels = NULL;
    g_autoptr(GPtrArray) bounds = amends_period_dup_trend (year, now, &unit, &labels);
    g_autofree char *text = join_labels (labels);

    g_assert_cmpint (unit, ==, AMENDS_PERIOD_TREND_MONTHS);
    g_assert_cmpstr (text, ==, "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec");
    g_assert_cmpuint (bounds->len, ==, 13);
  }
  {
    /* A week: the eight weeks that end with it. */
    g_autoptr(GPtrArray) labels = NULL;
    g_autoptr(GPtrArray) bounds = amends_period_dup_trend (week, now, &unit, &labels);
    g_autofree char *text = join_labels (labels);

    g_assert_cmpstr (text, ==, "W40 W41 W42 W43 W44 W45 W46 W47");
  }
  {
    g_autoptr(GPtrArray) labels = NULL;
    g_autoptr(GPtrArray) bounds = amends_period_dup_trend (years, now, &unit, &labels);
    g_autofree char *text = join_labels (labels);

    g_assert_cmpint (unit, ==, AMENDS_PERIOD_TREND_YEARS);
    g_assert_cmpstr (text, ==, "2019 2020 2021 2022 2023 2024 2025");
  }
}

/* October 2026, worked by hand from the week's table above: the week's
 * ten cases, M (Sunday 18) and K (Monday 26); now is Monday 26, 10:00,
 * so the month runs on and its open counts are as of now. */
static void
test_month_by_hand (Week          *w,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) from = g_date_time_new (w->zone, 2026, 10, 1, 0, 0, 0);
  g_autoptr(GDateTime) until = g_date_time_new (w->zone, 2026, 11, 1, 0, 0, 0);
  g_autoptr(AmendsPeriod) month = amends_period_new (from, until);
  g_autoptr(GDateTime) now = amends_store_dup_now (w->db.store);
  g_autoptr(GPtrArray) bounds = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AmendsMeasures m, *last;

  g_assert_cmpint (amends_period_get_kind (month), ==, AMENDS_PERIOD_MONTH);
  g_assert_true (amends_store_measure (w->db.store, from, until, &m, &error));
  g_assert_no_error (error);

  /* L A C D F G B H I J K M (E no breakdown, T in the trash). */
  g_assert_cmpuint (m.n_happened, ==, 12);
  g_assert_cmpuint (m.proactive.n_counted, ==, 2);
  g_assert_cmpuint (m.proactive.n_of, ==, 12);
  /* In time L A F M, and I in UTC; missed G H C D, and I in Berlin;
   * pending B J K. */
  g_assert_cmpuint (m.recovered_within.n_counted, ==, w->berlin ? 4 : 5);
  g_assert_cmpuint (m.recovered_within.n_of, ==, 9);
  g_assert_cmpuint (m.n_pending, ==, 3);
  /* Recovered in October: M L A F G H I, as in the week. */
  g_assert_cmpuint (m.n_recovered, ==, 7);
  g_assert_cmpuint (m.blown_away.n_counted, ==, 4);
  g_assert_cmpuint (m.blown_away.n_of, ==, 6);
  g_assert_cmpint (m.median_seconds, ==, 23 * 3600 + 1800);
  g_assert_cmpint (m.p90_seconds, ==, 29 * 3600);
  g_assert_cmpint (m.surprise_cents, ==, 3500);
  g_assert_cmpuint (m.n_rule_bends, ==, 1);
  /* Open now: B C J K; past due C; unowned C and K. */
  g_assert_cmpuint (m.n_open, ==, 4);
  g_assert_cmpuint (m.n_overdue, ==, 1);
  g_assert_cmpuint (m.n_unowned, ==, 2);

  /* Its trend: Thursday 1 to Sunday 4 (W40), W41, W42, W43 whole, and
   * Monday 26 to the month's end (W44), which has only K, pending. */
  bounds = amends_period_dup_trend (month, now, NULL, &labels);
  spans = amends_store_measure_spans (w->db.store, bounds, &error);
  g_assert_no_error (error);
  text = join_labels (labels);
  g_assert_cmpstr (text, ==, "W40 W41 W42 W43 W44");
  g_assert_cmpuint (spans->len, ==, 5);
  g_assert_cmpuint (((AmendsMeasures *) spans->pdata[0])->n_happened, ==, 0);
  g_assert_cmpuint (((AmendsMeasures *) spans->pdata[2])->n_happened, ==, 1);    /* M */
  g_assert_cmpuint (((AmendsMeasures *) spans->pdata[3])->n_happened, ==, 10);
  last = spans->pdata[4];
  g_assert_cmpuint (last->n_happened, ==, 1);
  g_assert_cmpuint (last->n_pending, ==, 1);
  g_assert_cmpfloat (last->recovered_within.share, ==, -1);
}

/* The CSV of October's measures, row by row, the figures by hand as in
 * test_month_by_hand(). */
static void
test_month_csv (Week          *w,
                gconstpointer  data)
{
  g_autoptr(AmendsMeasuresSheet) sheet = g_new0 (AmendsMeasuresSheet, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  sheet->from = g_date_time_new (w->zone, 2026, 10, 1, 0, 0, 0);
  sheet->until = g_date_time_new (w->zone, 2026, 11, 1, 0, 0, 0);
  g_assert_true (amends_store_measure (w->db.store, sheet->from, sheet->until, &sheet->period, &error));
  sheet->owners = amends_store_measure_by (w->db.store, AMENDS_MEASURE_BY_OWNER, sheet->from, sheet->until, &error);
  sheet->teams = amends_store_measure_by (w->db.store, AMENDS_MEASURE_BY_TEAM, sheet->from, sheet->until, &error);
  sheet->categories = amends_store_measure_by (w->db.store, AMENDS_MEASURE_BY_CATEGORY, sheet->from, sheet->until, &error);
  g_assert_no_error (error);

  text = amends_csv_measures_format (sheet, "October 2026");
  lines = g_strsplit (text, "\r\n", -1);

  g_assert_cmpstr (lines[0], ==,
                   "table,name,from,to,cases,recovered_in_time,recovered_measured,recovered_within_share,"
                   "blown_away,reactions_recorded,blown_away_share,proactive,proactive_share,"
                   "pending,recovered,reaction_unknown,open,past_due,unowned,"
                   "median_hours,p90_hours,surprise_spend,rule_bends");
  /* In UTC: 5 of 9 in time (0.5556), 4 of 6 blown away (0.6667), 2 of 12
   * proactive (0.1667); 23.5 h and 29 h; 35.00 spent. */
  if (!w->berlin)
    g_assert_cmpstr (lines[1], ==,
                     "period,October 2026,2026-10-01,2026-10-31,12,5,9,0.5556,4,6,0.6667,2,0.1667,"
                     "3,7,1,4,1,2,23.50,29.00,35.00,1");
  else
    g_assert_cmpstr (lines[1], ==,
                     "period,October 2026,2026-10-01,2026-10-31,12,4,9,0.4444,4,6,0.6667,2,0.1667,"
                     "3,7,1,4,1,2,23.50,29.00,35.00,1");
  /* Owners, the most cases first: nobody (L C D F G H I K M: 9), Ada (A B), Bob (J). */
  g_assert_true (g_str_has_prefix (lines[2], "owner,Unowned,2026-10-01,2026-10-31,9,"));
  g_assert_true (g_str_has_prefix (lines[3], "owner,Ada,2026-10-01,2026-10-31,2,1,1,1.0000,1,1,1.0000,0,0.0000,1,1,0,1,0,0,23.50,23.50,20.00,0"));
  g_assert_true (g_str_has_prefix (lines[4], "owner,Bob,2026-10-01,2026-10-31,1,0,0,,0,0,,0,0.0000,1,0,0,1,0,0,,,0.00,0"));
  /* No team and no category on any case: one line each. */
  g_assert_true (g_str_has_prefix (lines[5], "team,No team,2026-10-01,2026-10-31,12,"));
  g_assert_true (g_str_has_prefix (lines[6], "category,No category,2026-10-01,2026-10-31,12,"));
  g_assert_cmpstr (lines[7], ==, "");
  g_assert_null (lines[8]);
}

static AmendsCase *
log_with_target (AmendsTestDb   *db,
                 const char     *category,
                 AmendsSeverity  severity,
                 const char     *happened,
                 const char     *recovered)
{
  g_autoptr(GDateTime) occurred = amends_test_time (happened);
  g_autoptr(GDateTime) fixed = amends_test_time (recovered);
  g_autoptr(AmendsCase) kase = amends_case_new ();
  g_autoptr(GError) error = NULL;

  amends_store_set_fixed_now (db->store, occurred);
  g_object_set (kase, "summary", category, "category", category, "severity", severity,
                "occurred-at", occurred, NULL);
  g_assert_true (amends_store_insert (db->store, AMENDS_RECORD (kase), &error));
  amends_store_set_fixed_now (db->store, fixed);
  g_object_set (kase, "fix", "Put right", NULL);
  g_assert_true (amends_store_set_case_status (db->store, kase, AMENDS_CASE_STATUS_RECOVERED, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&kase);
}

/* Each case against its own target.  Major 4 h, minor 48 h, anything
 * else the desk's 24 h; the week of Monday 16 November 2026, UTC.
 *
 *      happened         recovered           target  verdict
 *  P   Rooms, major     Mon 16 08:00 → 14:00 (6 h)    4 h   missed (in time against 24 h)
 *  Q   Rooms, minor     Mon 16 08:00 → Wed 07:00 (47 h) 48 h in time (missed against 24 h)
 *  R   Rooms, minor     Tue 17 08:00 → Thu 00:00 (40 h) 48 h in time (missed against 24 h)
 *  S   Spa, moderate    Tue 17 09:00 → 19:00 (10 h)  24 h   in time
 *
 * In time: Q R S of P Q R S, 3 of 4 (against one 24 h target it would
 * be P S, 2 of 4); Rooms Q R of P Q R, 2 of 3.
 * Then minor becomes 2 h: P, Q and S keep their targets and verdicts. */
static void
test_mixed_targets (AmendsTestDb  *db,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) from = amends_test_time ("2026-11-16T00:00:00Z");
  g_autoptr(GDateTime) until = amends_test_time ("2026-11-23T00:00:00Z");
  g_autoptr(GDateTime) now = amends_test_time ("2026-11-23T10:00:00Z");
  g_autoptr(AmendsCase) p = NULL, q = NULL, r = NULL, s = NULL;
  g_autoptr(GError) error = NULL;
  AmendsMeasures m;

  g_assert_true (amends_store_set_target (db->store, NULL, AMENDS_SEVERITY_MAJOR, 4 * 3600, FALSE, &error));
  g_assert_true (amends_store_set_target (db->store, NULL, AMENDS_SEVERITY_MINOR, 48 * 3600, FALSE, &error));
  g_assert_no_error (error);

  p = log_with_target (db, "Rooms", AMENDS_SEVERITY_MAJOR, "2026-11-16T08:00:00Z", "2026-11-16T14:00:00Z");
  q = log_with_target (db, "Rooms", AMENDS_SEVERITY_MINOR, "2026-11-16T08:00:00Z", "2026-11-18T07:00:00Z");
  r = log_with_target (db, "Rooms", AMENDS_SEVERITY_MINOR, "2026-11-17T08:00:00Z", "2026-11-19T00:00:00Z");
  s = log_with_target (db, "Spa", AMENDS_SEVERITY_MODERATE, "2026-11-17T09:00:00Z", "2026-11-17T19:00:00Z");

  for (int round = 0; round < 2; round++)
    {
      g_autoptr(GPtrArray) categories = NULL;
      AmendsMeasureRow *row;

      amends_store_set_fixed_now (db->store, now);
      g_assert_true (amends_store_measure (db->store, from, until, &m, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (m.recovered_within.n_counted, ==, 3);
      g_assert_cmpuint (m.recovered_within.n_of, ==, 4);
      g_assert_cmpint (m.target_min_seconds, ==, 4 * 3600);
      g_assert_cmpint (m.target_max_seconds, ==, 48 * 3600);

      categories = amends_store_measure_by (db->store, AMENDS_MEASURE_BY_CATEGORY, from, until, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (categories->len, ==, 2);
      row = categories->pdata[0];
      g_assert_cmpstr (row->name, ==, "Rooms");
      g_assert_cmpuint (row->measures.recovered_within.n_counted, ==, 2);
      g_assert_cmpuint (row->measures.recovered_within.n_of, ==, 3);
      g_assert_cmpint (row->measures.target_min_seconds, ==, 4 * 3600);
      g_assert_cmpint (row->measures.target_max_seconds, ==, 48 * 3600);
      row = categories->pdata[1];
      g_assert_cmpstr (row->name, ==, "Spa");
      g_assert_cmpuint (row->measures.recovered_within.n_counted, ==, 1);
      g_assert_cmpint (row->measures.target_min_seconds, ==, 24 * 3600);
      g_assert_cmpint (row->measures.target_max_seconds, ==, 24 * 3600);

      /* Changing a target never rewrites history. */
      g_assert_true (amends_store_set_target (db->store, NULL, AMENDS_SEVERITY_MINOR, 2 * 3600, FALSE, &error));
      g_assert_no_error (error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD_WEEK_TEST(path, zone, func) \
  g_test_add (path, Week, zone, week_setup, func, week_teardown)
  ADD_WEEK_TEST ("/measures/week/by-hand/berlin", "Europe/Berlin", test_week_by_hand);
  ADD_WEEK_TEST ("/measures/week/by-hand/utc", "UTC", test_week_by_hand);
  ADD_WEEK_TEST ("/measures/week/lists-without-limit", "UTC", test_week_lists_without_limit);
  ADD_WEEK_TEST ("/measures/week/by-owner/berlin", "Europe/Berlin", test_week_by_owner);
  ADD_WEEK_TEST ("/measures/week/by-owner/utc", "UTC", test_week_by_owner);
  ADD_WEEK_TEST ("/measures/week/heroes-agree", "Europe/Berlin", test_week_heroes_agree);
  ADD_WEEK_TEST ("/measures/week/measurer-agrees", "Europe/Berlin", test_week_measurer_agrees);
  ADD_WEEK_TEST ("/measures/week/reads-through-indexes", "Europe/Berlin", test_week_reads_through_indexes);
  ADD_WEEK_TEST ("/measures/week/local-bounds/berlin", "Europe/Berlin", test_week_bounds);
  ADD_WEEK_TEST ("/measures/week/local-bounds/utc", "UTC", test_week_bounds);
  g_test_add_func ("/measures/iso-week/parse-and-format", test_iso_weeks);
  ADD_WEEK_TEST ("/measures/month/by-hand/berlin", "Europe/Berlin", test_month_by_hand);
  ADD_WEEK_TEST ("/measures/month/by-hand/utc", "UTC", test_month_by_hand);
  ADD_WEEK_TEST ("/measures/month/csv/utc", "UTC", test_month_csv);
  ADD_WEEK_TEST ("/measures/month/csv/berlin", "Europe/Berlin", test_month_csv);
  g_test_add_func ("/measures/period/parse-and-step", test_period_parse_and_step);
  g_test_add_func ("/measures/period/parse-refuses", test_period_parse_refuses);
  g_test_add_func ("/measures/period/around", test_period_around);
  g_test_add_func ("/measures/period/trend", test_period_trend);
  g_test_add ("/measures/targets/mixed", AmendsTestDb, NULL,
              amends_test_db_setup, test_mixed_targets, amends_test_db_teardown);
  g_test_add ("/measures/headlines/nothing-yet", AmendsTestDb, NULL,
              amends_test_db_setup, test_nothing_to_measure, amends_test_db_teardown);

  return g_test_run ();
}
