/* test-measures.c: the two headline measures, on cases worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-store-measures.h"
#include "amends-test-utils.h"

/* The clock stands at 2026-11-18 10:00 UTC; the period is that ISO week,
 * Monday 2026-11-16 to Monday 2026-11-23.  Targets are 24 h. */
static void
add (AmendsTestDb     *db,
     const char       *occurred,
     const char       *recovered,
     const char       *closed,
     gint64            paused_seconds,
     AmendsCaseStatus  status,
     AmendsReaction    reaction,
     gboolean          trashed)
{
  g_autoptr(GDateTime) occurred_at = amends_test_time (occurred);
  g_autoptr(GDateTime) recovered_at = recovered ? amends_test_time (recovered) : NULL;
  g_autoptr(GDateTime) closed_at = closed ? amends_test_time (closed) : NULL;
  g_autoptr(AmendsCase) kase = amends_case_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (kase, "summary", "x", "occurred-at", occurred_at, "recovered-at", recovered_at,
                "closed-at", closed_at, "paused-seconds", paused_seconds,
                "status", status, "reaction", reaction, NULL);
  amends_store_insert (db->store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);
  if (trashed)
    amends_store_trash_case (db->store, amends_record_get_id (AMENDS_RECORD (kase)), &error);
  g_assert_no_error (error);
}

static void
test_headlines (AmendsTestDb  *db,
                gconstpointer  data)
{
  g_autoptr(GDateTime) from = amends_test_time ("2026-11-16T00:00:00Z");
  g_autoptr(GDateTime) until = amends_test_time ("2026-11-23T00:00:00Z");
  g_autoptr(GError) error = NULL;
  AmendsShare within, blown;

  /* 1. recovered after 10 h, closed, blown away: in time.            */
  add (db, "2026-11-16T08:00:00Z", "2026-11-16T18:00:00Z", "2026-11-17T09:00:00Z", 0,
       AMENDS_CASE_STATUS_CLOSED, AMENDS_REACTION_BLOWN_AWAY, FALSE);
  /* 2. recovered exactly at 24 h: in time; closed, satisfied.        */
  add (db, "2026-11-16T08:00:00Z", "2026-11-17T08:00:00Z", "2026-11-17T10:00:00Z", 0,
       AMENDS_CASE_STATUS_CLOSED, AMENDS_REACTION_SATISFIED, FALSE);
  /* 3. recovered after 30 h with 8 h paused (22 h): in time.         */
  add (db, "2026-11-16T08:00:00Z", "2026-11-17T14:00:00Z", NULL, 8 * 3600,
       AMENDS_CASE_STATUS_RECOVERED, AMENDS_REACTION_UNKNOWN, FALSE);
  /* 4. recovered after 25 h: missed; closed with no known reaction.  */
  add (db, "2026-11-16T08:00:00Z", "2026-11-17T09:00:00Z", "2026-11-17T12:00:00Z", 0,
       AMENDS_CASE_STATUS_CLOSED, AMENDS_REACTION_UNKNOWN, FALSE);
  /* 5. open and past due (due Tue 09:00): missed.                    */
  add (db, "2026-11-16T09:00:00Z", NULL, NULL, 0,
       AMENDS_CASE_STATUS_OPEN, AMENDS_REACTION_UNKNOWN, FALSE);
  /* 6. open, due tomorrow: pending, left out.                        */
  add (db, "2026-11-18T09:00:00Z", NULL, NULL, 0,
       AMENDS_CASE_STATUS_IN_RECOVERY, AMENDS_REACTION_UNKNOWN, FALSE);
  /* 7. the week before: left out of both, though closed this week
   *    counts for blown away (closed in the period, still unhappy).   */
  add (db, "2026-11-14T08:00:00Z", "2026-11-14T10:00:00Z", "2026-11-16T10:00:00Z", 0,
       AMENDS_CASE_STATUS_CLOSED, AMENDS_REACTION_STILL_UNHAPPY, FALSE);
  /* 8. in the trash: never counted.                                  */
  add (db, "2026-11-16T08:00:00Z", "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z", 0,
       AMENDS_CASE_STATUS_CLOSED, AMENDS_REACTION_BLOWN_AWAY, TRUE);

  g_assert_true (amends_store_measure_headlines (db->store, from, until, &within, &blown, &error));
  g_assert_no_error (error);

  /* Within target: 1, 2, 3 in time; 4, 5 missed; 6 pending → 3 of 5. */
  g_assert_cmpuint (within.n_counted, ==, 3);
  g_assert_cmpuint (within.n_of, ==, 5);
  g_assert_cmpfloat_with_epsilon (within.share, 0.6, 1e-9);

  /* Blown away: closed this week with a known reaction: 1 (blown),
   * 2 (satisfied), 7 (still unhappy) → 1 of 3; 4 has none. */
  g_assert_cmpuint (blown.n_counted, ==, 1);
  g_assert_cmpuint (blown.n_of, ==, 3);
  g_assert_cmpfloat_with_epsilon (blown.share, 1.0 / 3, 1e-9);
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

typedef struct
{
  const char       *occurred;
  const char       *recovered;
  const char       *closed;
  gint64            paused_seconds;
  AmendsCaseStatus  status;
  AmendsReaction    reaction;
  AmendsNoticedBy   noticed_by;
  gint64            surprise_cents;
  gboolean          rule_bent;
  int               owner;        /* 0 none, 1 Ada, 2 Bob */
} Row;

static void
add_rows (AmendsTestDb *db,
          const Row    *rows,
          guint         n_rows,
          gint64        ada,
          gint64        bob)
{
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(GDateTime) occurred = amends_test_time (rows[i].occurred);
      g_autoptr(GDateTime) recovered = rows[i].recovered ? amends_test_time (rows[i].recovered) : NULL;
      g_autoptr(GDateTime) closed = rows[i].closed ? amends_test_time (rows[i].closed) : NULL;
      g_autoptr(AmendsCase) kase = amends_case_new ();
      g_autoptr(GError) error = NULL;

      g_object_set (kase, "summary", "x", "occurred-at", occurred, "recovered-at", recovered,
                    "closed-at", closed, "paused-seconds", rows[i].paused_seconds,
                    "status", rows[i].status, "reaction", rows[i].reaction,
                    "noticed-by", rows[i].noticed_by, "surprise-cost-cents", rows[i].surprise_cents,
                    "rule-bent", rows[i].rule_bent,
                    "owner-id", rows[i].owner == 1 ? ada : rows[i].owner == 2 ? bob : 0, NULL);
      amends_store_insert (db->store, AMENDS_RECORD (kase), &error);
      g_assert_no_error (error);
    }
}

static void
test_everything (AmendsTestDb  *db,
                 gconstpointer  data)
{
  /* Week 47; Ada's two cases in time, Bob's one in time (8 h paused of
   * 30 h) and one overdue, and one unowned case still pending. */
  static const Row rows[] = {
    { "2026-11-16T08:00:00Z", "2026-11-16T18:00:00Z", "2026-11-17T09:00:00Z", 0,
      AMENDS_CASE_STATUS_CLOSED, AMENDS_REACTION_BLOWN_AWAY, AMENDS_NOTICED_BY_STAFF, 500, TRUE, 1 },
    { "2026-11-16T08:00:00Z", "2026-11-17T08:00:00Z", "2026-11-17T10:00:00Z", 0,
      AMENDS_CASE_STATUS_CLOSED, AMENDS_REACTION_SATISFIED, AMENDS_NOTICED_BY_CUSTOMER, 250, FALSE, 1 },
    { "2026-11-16T08:00:00Z", "2026-11-17T14:00:00Z", NULL, 8 * 3600,
      AMENDS_CASE_STATUS_RECOVERED, AMENDS_REACTION_UNKNOWN, AMENDS_NOTICED_BY_STAFF, 0, FALSE, 2 },
    { "2026-11-16T09:00:00Z", NULL, NULL, 0,
      AMENDS_CASE_STATUS_OPEN, AMENDS_REACTION_UNKNOWN, AMENDS_NOTICED_BY_CUSTOMER, 0, FALSE, 2 },
    { "2026-11-18T09:00:00Z", NULL, NULL, 0,
      AMENDS_CASE_STATUS_IN_RECOVERY, AMENDS_REACTION_UNKNOWN, AMENDS_NOTICED_BY_CUSTOMER, 0, FALSE, 0 },
  };
  g_autoptr(AmendsStaff) ada = amends_test_add_staff (db->store, "Ada");
  g_autoptr(AmendsStaff) bob = amends_test_add_staff (db->store, "Bob");
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GPtrArray) owners = NULL;
  g_autoptr(GPtrArray) weeks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  AmendsMeasureRow *row;
  AmendsMeasures m;

  add_rows (db, rows, G_N_ELEMENTS (rows),
            amends_record_get_id (AMENDS_RECORD (ada)), amends_record_get_id (AMENDS_RECORD (bob)));
  g_assert_true (amends_iso_week_parse ("2026-W47", utc, &from, &until, &error));
  g_assert_no_error (error);

  g_assert_true (amends_store_measure (db->store, from, until, &m, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (m.n_happened, ==, 5);
  g_assert_cmpuint (m.proactive.n_counted, ==, 2);
  g_assert_cmpuint (m.n_pending, ==, 1);
  g_assert_cmpuint (m.n_open, ==, 2);
  g_assert_cmpuint (m.n_overdue, ==, 1);
  g_assert_cmpuint (m.n_unowned, ==, 1);
  g_assert_cmpint (m.surprise_cents, ==, 750);
  g_assert_cmpuint (m.n_rule_bends, ==, 1);
  /* In time: 10 h, 24 h (at the target), 22 h; missed: the overdue one. */
  g_assert_cmpuint (m.recovered_within.n_counted, ==, 3);
  g_assert_cmpuint (m.recovered_within.n_of, ==, 4);
  g_assert_cmpuint (m.blown_away.n_counted, ==, 1);
  g_assert_cmpuint (m.blown_away.n_of, ==, 2);
  /* 10, 22, 24 h: median 22 h; 90th percentile, nearest rank 3 of 3: 24 h. */
  g_assert_cmpint (m.median_seconds, ==, 22 * 3600);
  g_assert_cmpint (m.p90_seconds, ==, 24 * 3600);

  owners = amends_store_measure_by (db->store, AMENDS_MEASURE_BY_OWNER, from, until, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (owners->len, ==, 3);
  row = owners->pdata[0];
  g_assert_cmpstr (row->name, ==, "Ada");
  g_assert_cmpuint (row->measures.recovered_within.n_counted, ==, 2);
  g_assert_cmpuint (row->measures.recovered_within.n_of, ==, 2);
  g_assert_cmpint (row->measures.median_seconds, ==, 17 * 3600);
  row = owners->pdata[1];
  g_assert_cmpstr (row->name, ==, "Bob");
  g_assert_cmpuint (row->measures.recovered_within.n_counted, ==, 1);
  g_assert_cmpuint (row->measures.recovered_within.n_of, ==, 2);
  row = owners->pdata[2];
  g_assert_cmpstr (row->name, ==, "Unowned");
  g_assert_cmpint (row->staff_id, ==, 0);
  g_assert_cmpfloat (row->measures.recovered_within.share, ==, -1);
  g_assert_cmpuint (row->measures.n_pending, ==, 1);

  weeks = amends_store_measure_weeks (db->store, from, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 2);
  g_assert_cmpuint (((AmendsMeasures *) weeks->pdata[0])->n_happened, ==, 0);
  g_assert_cmpuint (((AmendsMeasures *) weeks->pdata[1])->n_happened, ==, 5);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/measures/headlines/worked-by-hand", AmendsTestDb, NULL,
              amends_test_db_setup, test_headlines, amends_test_db_teardown);
  g_test_add ("/measures/period/everything-worked-by-hand", AmendsTestDb, NULL,
              amends_test_db_setup, test_everything, amends_test_db_teardown);
  g_test_add_func ("/measures/iso-week/parse-and-format", test_iso_weeks);
  g_test_add ("/measures/headlines/nothing-yet", AmendsTestDb, NULL,
              amends_test_db_setup, test_nothing_to_measure, amends_test_db_teardown);

  return g_test_run ();
}
