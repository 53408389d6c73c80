/* test-measures.c: the two headline measures, on cases worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "amends-store-measures.h"
#include "amends-store-private.h"
#include "amends-store-stories.h"
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
  sqlite3 *db = amends_store_get_db (w->db.store);
  AmendsMeasures m;

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD_WEEK_TEST(path, zone, func) \
  g_test_add (path, Week, zone, week_setup, func, week_teardown)
  ADD_WEEK_TEST ("/measures/week/by-hand/berlin", "Europe/Berlin", test_week_by_hand);
  ADD_WEEK_TEST ("/measures/week/by-hand/utc", "UTC", test_week_by_hand);
  ADD_WEEK_TEST ("/measures/week/by-owner/berlin", "Europe/Berlin", test_week_by_owner);
  ADD_WEEK_TEST ("/measures/week/by-owner/utc", "UTC", test_week_by_owner);
  ADD_WEEK_TEST ("/measures/week/heroes-agree", "Europe/Berlin", test_week_heroes_agree);
  ADD_WEEK_TEST ("/measures/week/measurer-agrees", "Europe/Berlin", test_week_measurer_agrees);
  ADD_WEEK_TEST ("/measures/week/reads-through-indexes", "Europe/Berlin", test_week_reads_through_indexes);
  ADD_WEEK_TEST ("/measures/week/local-bounds/berlin", "Europe/Berlin", test_week_bounds);
  ADD_WEEK_TEST ("/measures/week/local-bounds/utc", "UTC", test_week_bounds);
  g_test_add_func ("/measures/iso-week/parse-and-format", test_iso_weeks);
  g_test_add ("/measures/headlines/nothing-yet", AmendsTestDb, NULL,
              amends_test_db_setup, test_nothing_to_measure, amends_test_db_teardown);

  return g_test_run ();
}
