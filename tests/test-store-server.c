/* test-store-server.c: the store on a server that goes away or is busy
 *
 * What a file never does: a server restarts in the middle of a
 * transaction, or another desk holds the writers' lock.  Runs under
 * tests/pg-cluster run (AMENDS_TEST_PG, AMENDS_TEST_PG_DIR); without a
 * server every test is skipped, or fails with AMENDS_TEST_REQUIRE_PG=1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-db.h"
#include "amends-schema-pg.h"
#include "amends-store.h"
#include "amends-test-utils.h"

typedef struct
{
  const char  *location;
  const char  *cluster_dir;
  AmendsStore *store;
  AmendsDb    *other;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->location = amends_test_server_location ();
  f->cluster_dir = g_getenv ("AMENDS_TEST_PG_DIR");
  if (f->location == NULL || f->cluster_dir == NULL)
    return;

  f->store = amends_store_open (f->location, &error);
  g_assert_no_error (error);
  f->other = amends_db_open (f->location, &error);
  g_assert_no_error (error);
  amends_test_db_exec (f->other, "DELETE FROM cases");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->other, amends_db_close);
}

static gboolean
have_server (Fixture *f)
{
  if (f->store != NULL)
    return TRUE;
  amends_test_skip_no_server ();
  return FALSE;
}

/* Up to 10 s of the main loop, for the store to notice. */
static void
wait_for_online (AmendsStore *store,
                 gboolean     online)
{
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (amends_store_get_online (store) != online && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_cmpint (amends_store_get_online (store), ==, online);
}

static AmendsCase *
new_case (const char *summary)
{
  AmendsCase *kase = amends_case_new ();

  g_object_set (kase, "summary", summary, "description", "Cold eggs at breakfast", NULL);
  return kase;
}

static gint64
count_cases (Fixture *f)
{
  return amends_test_db_query_int64 (f->other, "SELECT count (*) FROM cases");
}

/* The server restarted while a transaction was open: that transaction is
 * gone, so its COMMIT must fail as offline and announce nothing, even
 * though a new session would answer "no transaction" and call it done.
 * Once rolled back, the store connects again by itself and saves. */
static void
test_commit_after_restart_fails (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(AmendsCase) lost = new_case ("Lost with the server");
  g_autoptr(AmendsCase) saved = new_case ("Saved after it came back");
  g_autoptr(GError) error = NULL;
  guint announced = 0;

  if (!have_server (f))
    return;

  g_signal_connect_swapped (f->store, "record-changed", G_CALLBACK (g_atomic_int_inc), &announced);

  g_assert_true (amends_store_begin (f->store, &error));
  g_assert_true (amends_store_insert (f->store, AMENDS_RECORD (lost), &error));
  g_assert_no_error (error);

  g_clear_pointer (&f->other, amends_db_close);
  amends_test_run_pg_cluster ("pause", f->cluster_dir);
  amends_test_run_pg_cluster ("resume", f->cluster_dir);
  wait_for_online (f->store, FALSE);

  /* Time for a reconnection, which must wait for the rollback: a new
   * session would take the COMMIT for a success. */
  for (gint64 until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC; g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_false (amends_store_get_online (f->store));

  g_assert_false (amends_store_commit (f->store, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_OFFLINE);
  g_clear_error (&error);
  g_assert_cmpuint (announced, ==, 0);

  wait_for_online (f->store, TRUE);
  f->other = amends_db_open (f->location, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_cases (f), ==, 0);

  g_assert_true (amends_store_insert (f->store, AMENDS_RECORD (saved), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_cases (f), ==, 1);
}

/* Another desk holds the writers' lock: a save waits for it as long as a
 * file's busy timeout (5 s), then says BUSY; and the store is not left in
 * a failed transaction, so the next save, once the lock is free, works. */
static void
test_lock_held_elsewhere (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(AmendsCase) waiting = new_case ("Waited for the lock");
  g_autoptr(AmendsCase) later = new_case ("Saved once it was free");
  g_autoptr(GError) error = NULL;

  if (!have_server (f))
    return;

  amends_test_db_exec (f->other, "BEGIN");
  amends_test_db_exec (f->other, "SELECT pg_advisory_xact_lock (" AMENDS_SCHEMA_PG_WRITE_LOCK ")");

  g_assert_false (amends_store_insert (f->store, AMENDS_RECORD (waiting), &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_BUSY);
  g_clear_error (&error);

  amends_test_db_exec (f->other, "COMMIT");
  amends_store_has_cases (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (amends_store_insert (f->store, AMENDS_RECORD (later), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_cases (f), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/server/commit-after-a-restart-fails", Fixture, NULL,
              fixture_setup, test_commit_after_restart_fails, fixture_teardown);
  g_test_add ("/store/server/lock-held-by-another-desk", Fixture, NULL,
              fixture_setup, test_lock_held_elsewhere, fixture_teardown);

  return g_test_run ();
}
