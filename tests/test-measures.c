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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/measures/headlines/worked-by-hand", AmendsTestDb, NULL,
              amends_test_db_setup, test_headlines, amends_test_db_teardown);
  g_test_add ("/measures/headlines/nothing-yet", AmendsTestDb, NULL,
              amends_test_db_setup, test_nothing_to_measure, amends_test_db_teardown);

  return g_test_run ();
}
