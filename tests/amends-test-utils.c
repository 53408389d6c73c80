/* amends-test-utils.c: what the tests share: a fresh database each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "amends-test-utils.h"

#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

/* The databases made on the server for each temporary folder (folder →
 * GPtrArray of names), dropped when the folder is removed. */
static GHashTable *server_databases;
static guint n_server_databases;

/* A program run for the server with no server to run on: skipped as a
 * whole (TAP's "1..0 # SKIP"), or failed when the server is required
 * (meson's NAME-pg tests set AMENDS_TEST_REQUIRE_PG).  Here, before
 * g_test_init(), since a fixture's g_test_skip() would not stop its test. */
__attribute__((constructor)) static void
check_server_given (void)
{
  if (g_strcmp0 (g_getenv ("AMENDS_TEST_ENGINE"), "postgresql") != 0 ||
      g_getenv ("AMENDS_TEST_PG") != NULL)
    return;

  if (g_getenv ("AMENDS_TEST_REQUIRE_PG") != NULL)
    {
      g_printerr ("AMENDS_TEST_ENGINE=postgresql, but AMENDS_TEST_PG is not set:"
                  " run this test through tests/pg-cluster run\n");
      exit (1);
    }
  g_print ("1..0 # SKIP no PostgreSQL server: AMENDS_TEST_PG is not set"
           " (run through tests/pg-cluster run)\n");
  exit (0);
}

/**
 * amends_test_on_server:
 *
 * Whether this run's stores are on a PostgreSQL server
 * (AMENDS_TEST_ENGINE=postgresql) rather than in SQLite files.
 */
gboolean
amends_test_on_server (void)
{
  return g_strcmp0 (g_getenv ("AMENDS_TEST_ENGINE"), "postgresql") == 0;
}

/**
 * amends_test_sqlite_only:
 * @why: what the test needs of a SQLite file, for the skip message
 *
 * Skips the test on the server, saying why; call it first, and return
 * when it says TRUE.
 *
 * Returns: whether the test was skipped
 */
gboolean
amends_test_sqlite_only (const char *why)
{
  if (!amends_test_on_server ())
    return FALSE;

  g_test_skip_printf ("SQLite only: %s", why);
  return TRUE;
}

static AmendsDb *
open_server_admin (void)
{
  g_autoptr(GError) error = NULL;
  AmendsDb *admin = amends_db_open (g_getenv ("AMENDS_TEST_PG"), &error);

  g_assert_no_error (error);
  return admin;
}

/* AMENDS_TEST_PG with another database name: a keyword string, as
 * pg-cluster gives it, where the last dbname= is the one libpq takes. */
static char *
server_location_of (const char *name)
{
  const char *base = g_getenv ("AMENDS_TEST_PG");

  g_assert_nonnull (base);
  if (g_str_has_prefix (base, "postgres"))
    g_error ("AMENDS_TEST_PG must be a keyword string (host=… dbname=…), not a URI");
  return g_strdup_printf ("%s dbname=%s", base, name);
}

/* A new, empty database on the server, dropped with @dir.  CREATE
 * DATABASE copies template1 (a few megabytes): file by file, 35 ms on
 * the loaded test machine, where the default strategy (WAL_LOG, which
 * writes every page to the log) takes 220 ms; the migration on the
 * store's first opening adds about 100 ms.  A template already migrated
 * would save that, but would not test the first opening of a new
 * database. */
static char *
new_server_database (const char *dir)
{
  g_autoptr(AmendsDb) admin = open_server_admin ();
  g_autofree char *name = g_strdup_printf ("amends_t%d_%u", (int) getpid (), ++n_server_databases);
  g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s STRATEGY FILE_COPY", name);
  GPtrArray *names;

  amends_test_db_exec (admin, sql);

  if (server_databases == NULL)
    server_databases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);
  names = g_hash_table_lookup (server_databases, dir);
  if (names == NULL)
    {
      names = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (server_databases, g_strdup (dir), names);
    }
  g_ptr_array_add (names, g_strdup (name));

  return server_location_of (name);
}

/* FORCE: a connection a test left open (a store not finalized after a
 * failed assertion) must not keep the next test's cluster busy. */
static void
drop_server_databases (const char *dir)
{
  g_autoptr(AmendsDb) admin = NULL;
  GPtrArray *names;

  if (server_databases == NULL ||
      (names = g_hash_table_lookup (server_databases, dir)) == NULL)
    return;

  admin = open_server_admin ();
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)",
                                              (const char *) g_ptr_array_index (names, i));
      amends_test_db_exec (admin, sql);
    }
  g_hash_table_remove (server_databases, dir);
}

/**
 * amends_test_new_location:
 * @dir: a folder of amends_test_make_dir()
 * @name: a file name in it
 *
 * A new place for a store: the file @name in @dir, or on the server a new,
 * empty database that amends_test_remove_dir (@dir) drops.
 *
 * Returns: (transfer full): what to give amends_store_open()
 */
char *
amends_test_new_location (const char *dir,
                          const char *name)
{
  if (amends_test_on_server ())
    return new_server_database (dir);
  return g_build_filename (dir, name, NULL);
}

/**
 * amends_test_store_exec:
 *
 * Runs @sql on @store's database behind the store's back, as another
 * program would: on SQLite through the store's own connection, on the
 * server through a connection of its own (so not inside a transaction of
 * the store's).  @sql must be written for the engine in use.
 */
void
amends_test_store_exec (AmendsStore *store,
                        const char  *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsDb) db = NULL;
  char *message = NULL;

  if (!amends_test_on_server ())
    {
      if (sqlite3_exec (amends_store_get_db (store), sql, NULL, NULL, &message) != SQLITE_OK)
        g_error ("%s: %s", sql, message);
      return;
    }

  db = amends_db_open (amends_store_get_path (store), &error);
  g_assert_no_error (error);
  amends_test_db_exec (db, sql);
}

/**
 * amends_test_store_query_int64:
 *
 * The one row's first column of @sql on @store's database, read as
 * amends_test_store_exec() writes: on the server, what was committed.
 */
gint64
amends_test_store_query_int64 (AmendsStore *store,
                               const char  *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsDb) db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (!amends_test_on_server ())
    {
      sqlite3 *sqlite = amends_store_get_db (store);

      if (sqlite3_prepare_v2 (sqlite, sql, -1, &stmt, NULL) != SQLITE_OK)
        g_error ("%s: %s", sql, sqlite3_errmsg (sqlite));
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      value = sqlite3_column_int64 (stmt, 0);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
      return value;
    }

  db = amends_db_open (amends_store_get_path (store), &error);
  g_assert_no_error (error);
  return amends_test_db_query_int64 (db, sql);
}

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

  drop_server_databases (dir);
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
  db->path = amends_test_new_location (db->dir, "amends.db");
  db->now = amends_test_time ("2026-11-18T10:00:00Z");
  db->store = amends_store_open (db->path, &error);
  g_assert_no_error (error);
  /* On the server, and not in a file named after the connection string. */
  g_assert_cmpint (amends_store_get_shared (db->store), ==, amends_test_on_server ());
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

/* Closes the database and opens it again, as quitting and starting would. */
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

/* tests/pg-cluster COMMAND DIR, such as "pause" and "resume" of the
 * server that `pg-cluster run` started (AMENDS_TEST_PG_DIR). */
void
amends_test_run_pg_cluster (const char *command,
                            const char *dir)
{
  const char *argv[] = { AMENDS_PG_CLUSTER, command, dir, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
}

/**
 * amends_test_server_location:
 *
 * The private server's connection string that `tests/pg-cluster run`
 * gives (AMENDS_TEST_PG); %NULL when there is none, which is a failure
 * when the server is required (AMENDS_TEST_REQUIRE_PG, as meson sets it).
 */
const char *
amends_test_server_location (void)
{
  const char *location = g_getenv ("AMENDS_TEST_PG");

  if (location != NULL && *location != '\0')
    return location;
  if (g_getenv ("AMENDS_TEST_REQUIRE_PG") != NULL)
    g_error ("AMENDS_TEST_PG is not set: run this test through tests/pg-cluster run");
  return NULL;
}

/* Why a test that needs the server did not run. */
void
amends_test_skip_no_server (void)
{
  g_test_skip ("no PostgreSQL server: AMENDS_TEST_PG is not set (run through tests/pg-cluster run)");
}
