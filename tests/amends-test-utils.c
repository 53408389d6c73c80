/* amends-test-utils.c: what the tests share: a fresh database each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "amends-test-utils.h"

#include <sqlite3.h>
#include <string.h>

char *
amends_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("amends-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
amends_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_chmod (path, 0700);
          amends_test_remove_dir (path);
        }
      else
        g_unlink (path);
    }

  g_rmdir (dir);
}

GDateTime *
amends_test_time (const char *iso8601)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  GDateTime *dt = g_date_time_new_from_iso8601 (iso8601, utc);

  g_assert_nonnull (dt);
  return dt;
}

void
amends_test_db_setup (AmendsTestDb  *db,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  db->dir = amends_test_make_dir ();
  db->path = g_build_filename (db->dir, "amends.db", NULL);
  db->now = amends_test_time ("2026-11-18T10:00:00Z");
  db->store = amends_store_open (db->path, &error);
  g_assert_no_error (error);
  amends_store_set_fixed_now (db->store, db->now);
}

void
amends_test_db_teardown (AmendsTestDb  *db,
                         gconstpointer  data)
{
  if (db->store != NULL)
    g_assert_finalize_object (db->store);
  g_clear_pointer (&db->now, g_date_time_unref);
  amends_test_remove_dir (db->dir);
  g_clear_pointer (&db->path, g_free);
  g_clear_pointer (&db->dir, g_free);
}

/* Closes the file and opens it again, as quitting and starting would. */
void
amends_test_db_reopen (AmendsTestDb *db)
{
  g_autoptr(GError) error = NULL;
  gint64 actor = amends_store_get_actor_id (db->store);

  g_assert_finalize_object (db->store);
  db->store = amends_store_open (db->path, &error);
  g_assert_no_error (error);
  amends_store_set_fixed_now (db->store, db->now);
  amends_store_set_actor_id (db->store, actor);
}

AmendsStaff *
amends_test_add_staff (AmendsStore *store,
                       const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsStaff) staff = amends_staff_new ();

  g_object_set (staff, "name", name, NULL);
  amends_store_insert (store, AMENDS_RECORD (staff), &error);
  g_assert_no_error (error);

  return g_steal_pointer (&staff);
}

AmendsCustomer *
amends_test_add_customer (AmendsStore *store,
                          const char  *name,
                          const char  *notes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCustomer) customer = amends_customer_new ();

  g_object_set (customer, "name", name, "notes", notes, NULL);
  amends_store_insert (store, AMENDS_RECORD (customer), &error);
  g_assert_no_error (error);

  return g_steal_pointer (&customer);
}

AmendsCase *
amends_test_add_case (AmendsStore *store,
                      const char  *summary,
                      GDateTime   *occurred_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCase) kase = amends_case_new ();

  g_object_set (kase, "summary", summary, "occurred-at", occurred_at, NULL);
  amends_store_insert (store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  return g_steal_pointer (&kase);
}

/**
 * amends_test_make_damaged_db:
 * @dir: the folder to make it in
 *
 * A real database of 200 cases whose cases table has a page of garbage
 * (as a failing disk or a bad copy would leave it); its header and schema
 * still read.
 *
 * Returns: (transfer full): its path
 */
char *
amends_test_make_damaged_db (const char *dir)
{
  return amends_test_make_damaged_db_in (dir, "cases");
}

/**
 * amends_test_make_damaged_db_in:
 * @name: the table or index whose first page is garbage
 *
 * Like amends_test_make_damaged_db(), with the damage in @name: in an
 * index that neither the list nor the editor reads, the cases still show,
 * and only PRAGMA quick_check finds it.
 *
 * Returns: (transfer full): its path
 */
char *
amends_test_make_damaged_db_in (const char *dir,
                                const char *name)
{
  g_autofree char *path = g_build_filename (dir, "damaged.db", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  AmendsStore *store;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize length;
  int page, page_size;

  store = amends_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (amends_store_begin (store, NULL));
  for (int i = 0; i < 200; i++)
    {
      g_autoptr(AmendsCase) kase = amends_case_new ();

      g_object_set (kase, "summary", "Room not ready",
                    "description", "The guest waited in the lobby for the room, for an hour and more.", NULL);
      g_assert_true (amends_store_insert (store, AMENDS_RECORD (kase), &error));
    }
  g_assert_true (amends_store_commit (store, NULL));
  g_assert_finalize_object (store);

  uri = g_strconcat ("file:", path, "?immutable=1", NULL);
  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage, (SELECT page_size FROM pragma_page_size)"
                                       " FROM sqlite_schema WHERE name = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int (stmt, 0);
  page_size = sqlite3_column_int (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpint (page, >, 1);
  g_assert_cmpuint (length, >=, (gsize) page * page_size);
  memset (contents + (gsize) (page - 1) * page_size + 8, 0xa5, page_size - 8);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  return g_steal_pointer (&path);
}

void
amends_test_db_exec (AmendsDb   *db,
                     const char *sql)
{
  g_autoptr(GError) error = NULL;

  amends_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

/* The one row's first column. */
gint64
amends_test_db_query_int64 (AmendsDb   *db,
                            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsDbStmt) stmt = amends_db_prepare (db, sql, &error);
  gint64 value;

  g_assert_no_error (error);
  g_assert_cmpint (amends_db_stmt_step (stmt, &error), ==, AMENDS_DB_STEP_ROW);
  g_assert_no_error (error);
  value = amends_db_stmt_column_int64 (stmt, 0);
  g_assert_cmpint (amends_db_stmt_step (stmt, &error), ==, AMENDS_DB_STEP_DONE);
  g_assert_no_error (error);
  return value;
}

/* The first row's first column, NULL for a NULL. */
char *
amends_test_db_query_text (AmendsDb   *db,
                           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsDbStmt) stmt = amends_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (amends_db_stmt_step (stmt, &error), ==, AMENDS_DB_STEP_ROW);
  g_assert_no_error (error);
  return g_strdup (amends_db_stmt_column_text (stmt, 0));
}
