/* test-migrations.c: an older database is brought up to date, safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "amends-case-list.h"
#include "amends-schema.h"
#include "amends-test-utils.h"

static int
read_pragma (const char *path,
             const char *pragma)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* Writes a file as Amends 0.1 with schema version 1 left it: one case,
 * whose timeline mentions a word only search can find. */
static void
write_version_1 (const char *path)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (amends_schema_migrate (db, 0, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO staff (id, name) VALUES (1, 'Ada');"
    "INSERT INTO cases (id, reference, summary, severity, channel, noticed_by, occurred_at,"
    "                   logged_at, status, recovery_due_at, reaction, came_back, owner_id)"
    "  VALUES (7, 'C-2025-00007', 'Only one lapel pin', 'minor', 'in-person', 'staff',"
    "          1700000000, 1700000100, 'open', 1700086400, 'unknown', 'unknown', 1);"
    "INSERT INTO actions (case_id, kind, done_at, staff_id, text)"
    "  VALUES (7, 'contact', 1700000200, 1, 'Found him in the Kansas session');",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_migrates_version_1 (void)
{
  g_autofree char *dir = amends_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "amends.db", NULL);
  g_autofree char *backup = g_strconcat (path, ".v1.bak", NULL);
  g_autoptr(AmendsCase) kase = NULL;
  g_autoptr(AmendsCaseList) found = NULL;
  g_autoptr(GError) error = NULL;
  AmendsStore *store;

  write_version_1 (path);
  g_assert_cmpint (read_pragma (path, "PRAGMA user_version"), ==, 1);

  store = amends_store_open (path, &error);
  g_assert_no_error (error);

  g_assert_cmpint (read_pragma (path, "PRAGMA user_version"), ==, amends_schema_get_latest_version ());
  g_assert_cmpint (read_pragma (path, "PRAGMA application_id"), ==, AMENDS_SCHEMA_APPLICATION_ID);

  /* The data survived, and the new search index knows it. */
  kase = amends_store_load (store, AMENDS_TYPE_CASE, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amends_case_get_reference (kase), ==, "C-2025-00007");
  g_assert_cmpstr (amends_case_get_owner_name (kase), ==, "Ada");

  {
    AmendsCaseFilter filter = AMENDS_CASE_FILTER_INIT;
    filter.query = (char *) "kansas";
    found = amends_case_list_new (AMENDS_CASE_SOURCE (store), &filter, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);
  }

  /* Version 5: every row has a version, counted up by any writer. */
  g_assert_cmpint (amends_record_get_version (AMENDS_RECORD (kase)), ==, 0);
  g_assert_cmpint (sqlite3_exec (amends_store_get_db (store), "UPDATE cases SET team = 'Lobby' WHERE id = 7",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&kase);
  kase = amends_store_load (store, AMENDS_TYPE_CASE, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpint (amends_record_get_version (AMENDS_RECORD (kase)), ==, 1);

  /* Version 10: the target in force is the old case's own: due at
   * 1700086400, it happened at 1700000000, so 24 h = 86400 s. */
  g_assert_cmpint (read_pragma (path, "SELECT coalesce (target_seconds, recovery_due_at - occurred_at)"
                                      "  FROM cases WHERE id = 7"), ==, 86400);
  g_assert_cmpint (read_pragma (path, "SELECT lead FROM staff WHERE id = 1"), ==, 0);

  /* A copy of the file as it was is kept beside it. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpint (read_pragma (backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (read_pragma (backup, "SELECT count(*) FROM cases"), ==, 1);

  g_clear_object (&found);
  g_assert_finalize_object (store);
  amends_test_remove_dir (dir);
}

static void
test_new_file_has_no_backup (void)
{
  g_autofree char *dir = amends_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "amends.db", NULL);
  g_autofree char *backup = g_strconcat (path, ".v0.bak", NULL);
  g_autoptr(GError) error = NULL;
  AmendsStore *store;

  store = amends_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read_pragma (path, "PRAGMA user_version"), ==, amends_schema_get_latest_version ());
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  g_assert_finalize_object (store);
  amends_test_remove_dir (dir);
}

static void
test_failed_migration_changes_nothing (void)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* A table in the way makes version 1 fail part-way: nothing of it, and
   * no version bump, may remain. */
  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE actions (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (amends_schema_migrate (db, 0, amends_schema_get_latest_version (), &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_FAILED);

  sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'cases'", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Two programs starting at once both find an old file; the second to
 * get the lock finds the work done, and does not do it again. */
static void
test_migration_done_meanwhile (void)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_true (amends_schema_migrate (db, 0, amends_schema_get_latest_version (), &error));
  g_assert_no_error (error);

  g_assert_true (amends_schema_migrate (db, 1, amends_schema_get_latest_version (), &error));
  g_assert_no_error (error);

  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, amends_schema_get_latest_version ());
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migrations/version-1-migrates-with-backup", test_migrates_version_1);
  g_test_add_func ("/migrations/new-file-needs-no-backup", test_new_file_has_no_backup);
  g_test_add_func ("/migrations/failure-changes-nothing", test_failed_migration_changes_nothing);
  g_test_add_func ("/migrations/done-meanwhile-by-another-program", test_migration_done_meanwhile);

  return g_test_run ();
}
