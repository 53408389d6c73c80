/* test-store.c: the store's operations on a real SQLite file, or a database on a server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "amends-schema-pg.h"
#include "amends-test-utils.h"

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_open_creates_private_files (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  AmendsStore *store;
  struct stat st;

  if (amends_test_sqlite_only ("the folder and file it makes, and their modes"))
    return;

  dir = amends_test_make_dir ();
  folder = g_build_filename (dir, "deep", "amends", NULL);
  path = g_build_filename (folder, "amends.db", NULL);

  store = amends_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (amends_store_get_path (store), ==, path);

  g_assert_cmpint (stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (amends_store_count_cases (store, &error), ==, 0);

  g_assert_finalize_object (store);
  amends_test_remove_dir (dir);
}

static void
assert_refused_unchanged (const char *path,
                          int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gsize before_len, after_len;
  AmendsStore *store;

  before = read_file (path, &before_len);
  store = amends_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, AMENDS_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, "amends.db"));

  after = read_file (path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_open_refuses_non_database (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (amends_test_sqlite_only ("a file of text given as the database"))
    return;

  dir = amends_test_make_dir ();
  path = g_build_filename (dir, "amends.db", NULL);

  for (int i = 0; i < 200; i++)
    g_string_append_printf (text, "Guest %d asked for a second lapel pin.\n", i);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  assert_refused_unchanged (path, AMENDS_STORE_ERROR_NOT_A_DATABASE);
  amends_test_remove_dir (dir);
}

static void
test_open_refuses_other_database (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  sqlite3 *db = NULL;

  if (amends_test_sqlite_only ("another program's SQLite file (on a server: test-schema-pg's /schema-pg/foreign)"))
    return;

  dir = amends_test_make_dir ();
  path = g_build_filename (dir, "amends.db", NULL);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_unchanged (path, AMENDS_STORE_ERROR_NOT_A_DATABASE);
  amends_test_remove_dir (dir);
}

static void
test_open_refuses_newer_version (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  AmendsStore *store;

  if (amends_test_sqlite_only ("the file's PRAGMA user_version (on a server: test-schema-pg's /schema-pg/newer)"))
    return;

  dir = amends_test_make_dir ();
  path = g_build_filename (dir, "amends.db", NULL);

  store = amends_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_unchanged (path, AMENDS_STORE_ERROR_TOO_NEW);
  amends_test_remove_dir (dir);
}

/* The same two refusals of a database on a server, through the store:
 * refused, and left as it was. */
static void
assert_server_refuses (const char *location,
                       int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsDb) db = amends_db_open (location, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *fingerprint =
    "SELECT string_agg (relname || ':' || relkind::text, ',' ORDER BY relname) FROM pg_class"
    " WHERE relnamespace = 'public'::regnamespace";
  AmendsStore *store;

  g_assert_no_error (error);
  before = amends_test_db_query_text (db, fingerprint);
  store = amends_store_open (location, &error);
  g_assert_null (store);
  g_assert_error (error, AMENDS_STORE_ERROR, code);
  g_test_message ("%s", error->message);
  after = amends_test_db_query_text (db, fingerprint);
  g_assert_cmpstr (after, ==, before);
}

static void
test_server_refuses_other_database (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *location = NULL;
  g_autoptr(AmendsDb) db = NULL;
  g_autoptr(GError) error = NULL;

  if (!amends_test_on_server ())
    {
      g_test_skip ("On a server only: a file is test_open_refuses_other_database ()");
      return;
    }

  dir = amends_test_make_dir ();
  location = amends_test_new_location (dir, "amends.db");
  db = amends_db_open (location, &error);
  g_assert_no_error (error);
  amends_test_db_exec (db, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x')");

  assert_server_refuses (location, AMENDS_STORE_ERROR_NOT_A_DATABASE);
  g_assert_cmpint (amends_test_db_query_int64 (db, "SELECT count(*) FROM songs"), ==, 1);
  g_clear_pointer (&db, amends_db_close);
  amends_test_remove_dir (dir);
}

static void
test_server_refuses_newer_version (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *location = NULL;
  g_autoptr(AmendsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  AmendsStore *store;

  if (!amends_test_on_server ())
    {
      g_test_skip ("On a server only: a file is test_open_refuses_newer_version ()");
      return;
    }

  dir = amends_test_make_dir ();
  location = amends_test_new_location (dir, "amends.db");
  store = amends_store_open (location, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);
  db = amends_db_open (location, &error);
  g_assert_no_error (error);
  amends_test_db_exec (db, "UPDATE amends_meta SET value = 99 WHERE key = 'schema_version'");

  assert_server_refuses (location, AMENDS_STORE_ERROR_TOO_NEW);
  g_assert_cmpint (amends_test_db_query_int64 (db, "SELECT value FROM amends_meta WHERE key = 'schema_version'"),
                   ==, 99);
  g_clear_pointer (&db, amends_db_close);
  amends_test_remove_dir (dir);
}

static void
test_open_refuses_unwritable_folder (void)
{
  g_autoptr(GError) error = NULL;
  AmendsStore *store;

  if (amends_test_sqlite_only ("a file in a folder that cannot be written"))
    return;

  /* Not even root may create files in /proc; a chmod'ed folder would not
   * stop the root user that CI runs as. */
  store = amends_store_open ("/proc/amends/amends.db", &error);
  g_assert_null (store);
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "/proc/amends"));
}

static void
assert_no_wal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

/* A real database with enough cases for its cases table to span many
 * pages, closed, so that all of it is in the file itself (or a database
 * on the server). */
static char *
make_database (const char *dir)
{
  char *path = amends_test_new_location (dir, "amends.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  AmendsStore *store;

  for (int i = 0; i < 12; i++)
    g_string_append (description, "The guest waited in the lobby for the room. ");

  store = amends_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (amends_store_begin (store, NULL));
  for (int i = 0; i < 300; i++)
    {
      g_autoptr(AmendsCase) kase = amends_case_new ();

      g_object_set (kase, "summary", "Room not ready", "description", description->str, NULL);
      g_assert_true (amends_store_insert (store, AMENDS_RECORD (kase), &error));
    }
  g_assert_true (amends_store_commit (store, NULL));
  g_assert_finalize_object (store);
  if (!amends_test_on_server ())
    assert_no_wal (path);

  return path;
}

/* Writes garbage over a page of the cases table (as a failing disk or a
 * bad copy would), leaving the file's header and schema readable. */
static void
damage_cases_page (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *uri = g_strconcat ("file:", path, "?immutable=1", NULL);
  gsize length;
  int page, page_size;

  /* Immutable: a read-only connection would leave -wal and -shm files. */
  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage, (SELECT page_size FROM pragma_page_size)"
                                       " FROM sqlite_schema WHERE name = 'cases'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int (stmt, 0);
  page_size = sqlite3_column_int (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >=, (gsize) page * page_size);
  g_assert_cmpint (page, >, 1);
  memset (contents + (gsize) (page - 1) * page_size + 8, 0xa5, page_size - 8);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
test_open_damaged_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AmendsStaff) staff = amends_staff_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  gboolean read_only = FALSE, damaged = FALSE;
  AmendsStore *store;
  gint64 started;

  if (amends_test_sqlite_only ("a damaged page of the file, found by PRAGMA quick_check"))
    return;

  dir = amends_test_make_dir ();
  path = make_database (dir);

  damage_cases_page (path);
  before = read_file (path, &before_len);

  started = g_get_monotonic_time ();
  store = amends_store_open (path, &error);
  g_test_message ("opening (with PRAGMA quick_check) a damaged file of 300 cases took %.1f ms",
                  (g_get_monotonic_time () - started) / 1000.0);
  g_assert_no_error (error);
  g_assert_true (amends_store_get_damaged (store));
  g_assert_true (amends_store_get_read_only (store));
  g_object_get (store, "read-only", &read_only, "damaged", &damaged, NULL);
  g_assert_true (read_only);
  g_assert_true (damaged);

  /* What can still be read is read... */
  g_assert_no_error (error);
  amends_store_list_staff (store, TRUE, &error);
  g_assert_no_error (error);

  /* ...and nothing is written, at once and saying why. */
  g_object_set (staff, "name", "Ada", NULL);
  g_assert_false (amends_store_insert (store, AMENDS_RECORD (staff), &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);
  g_assert_false (amends_store_begin (store, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_READ_ONLY);

  /* No -wal or -shm beside it while it is open or after. */
  assert_no_wal (path);
  g_assert_finalize_object (store);
  assert_no_wal (path);

  after = read_file (path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
  amends_test_remove_dir (dir);
}

static void
test_open_healthy_is_writable (void)
{
  g_autofree char *dir = amends_test_make_dir ();
  g_autofree char *path = make_database (dir);
  g_autoptr(GError) error = NULL;
  AmendsStore *store;
  gint64 started;

  started = g_get_monotonic_time ();
  store = amends_store_open (path, &error);
  g_test_message ("opening (with PRAGMA quick_check) a file of 300 cases took %.1f ms",
                  (g_get_monotonic_time () - started) / 1000.0);
  g_assert_no_error (error);
  g_assert_false (amends_store_get_damaged (store));
  g_assert_false (amends_store_get_read_only (store));
  g_assert_cmpint (amends_store_count_cases (store, NULL), ==, 300);
  g_assert_finalize_object (store);
  amends_test_remove_dir (dir);
}

/* Opened to check later, as the window opens it: nothing waits for the
 * check, which runs (here held) on a connection of its own. */
static AmendsStore *
open_checking_later (const char *path)
{
  g_autoptr(GError) error = NULL;
  AmendsStore *store;

  store = amends_store_open_full (path, AMENDS_STORE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (amends_store_get_checking (store));

  amends_store_hold_integrity_check (store, TRUE);
  amends_store_check_integrity (store);

  return store;
}

static void
wait_for_verdict (AmendsStore *store)
{
  while (amends_store_get_checking (store))
    g_main_context_iteration (NULL, TRUE);
}

static gpointer
release_check_thread (gpointer data)
{
  /* Not a timing that is asserted: the write below must wait for the
   * verdict whether it starts before or after this. */
  g_usleep (20 * G_TIME_SPAN_MILLISECOND);
  amends_store_hold_integrity_check (data, FALSE);

  return NULL;
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              GString    *seen)
{
  g_string_append_printf (seen, "%s;", pspec->name);
}

/* The verdict comes after the file was moved away: its read-only
 * reopening fails, and the store answers every call with an error (it
 * crashed on the first, with no connection left). */
static void
test_check_later_file_gone (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *moved = NULL;
  g_autoptr(GError) error = NULL;
  AmendsStore *store;

  if (amends_test_sqlite_only ("PRAGMA quick_check after opening, on a damaged file moved away"))
    return;

  dir = amends_test_make_dir ();
  path = make_database (dir);
  moved = g_strconcat (path, ".moved", NULL);

  damage_cases_page (path);
  store = open_checking_later (path);
  g_assert_no_errno (g_rename (path, moved));

  g_test_expect_message ("amends-store", G_LOG_LEVEL_WARNING, "*could not be checked*");
  g_test_expect_message ("amends-store", G_LOG_LEVEL_WARNING, "*could not be opened again read-only*");
  amends_store_hold_integrity_check (store, FALSE);
  wait_for_verdict (store);
  g_test_assert_expected_messages ();
  g_assert_true (amends_store_get_damaged (store));
  g_assert_false (amends_store_get_shared (store));

  g_assert_false (amends_store_has_cases (store, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (amends_store_list_staff (store, TRUE, &error));
  g_assert_nonnull (error);

  g_assert_finalize_object (store);
  amends_test_remove_dir (dir);
}

/* The damaged file is read before the check has said anything; its
 * verdict then turns the store read-only, and the file stays as it was. */
static void
test_check_later_reads_then_turns_damaged (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  AmendsStore *store;

  if (amends_test_sqlite_only ("PRAGMA quick_check after opening, on a damaged file"))
    return;

  dir = amends_test_make_dir ();
  path = make_database (dir);

  damage_cases_page (path);
  before = read_file (path, &before_len);

  store = open_checking_later (path);
  g_signal_connect (store, "notify", G_CALLBACK (on_notify_cb), seen);

  /* Answered while the check is held. */
  staff = amends_store_list_staff (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (staff);
  g_assert_false (amends_store_get_damaged (store));
  g_assert_true (amends_store_get_checking (store));

  amends_store_hold_integrity_check (store, FALSE);
  wait_for_verdict (store);

  g_assert_true (amends_store_get_damaged (store));
  g_assert_true (amends_store_get_read_only (store));
  g_assert_nonnull (strstr (seen->str, "damaged;"));
  g_assert_nonnull (strstr (seen->str, "read-only;"));
  g_assert_nonnull (strstr (seen->str, "checking;"));

  /* Read-only now, as if it had been found damaged on opening. */
  g_assert_false (amends_store_begin (store, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "damaged"));

  g_assert_finalize_object (store);
  assert_no_wal (path);
  after = read_file (path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
  amends_test_remove_dir (dir);
}

/* A write made while the check runs waits for its verdict, then lands. */
static void
test_check_later_write_waits_then_lands (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AmendsStaff) staff = amends_staff_new ();
  g_autoptr(GError) error = NULL;
  GThread *release;
  AmendsStore *store;

  if (amends_test_sqlite_only ("PRAGMA quick_check after opening, which a write waits for"))
    return;

  dir = amends_test_make_dir ();
  path = make_database (dir);

  store = open_checking_later (path);
  release = g_thread_new ("release", release_check_thread, store);

  g_object_set (staff, "name", "Ada", NULL);
  g_assert_true (amends_store_insert (store, AMENDS_RECORD (staff), &error));
  g_assert_no_error (error);

  /* The verdict came first: the main loop has not run, so only the
   * write's waiting can have taken it in. */
  g_assert_false (amends_store_get_checking (store));
  g_assert_false (amends_store_get_damaged (store));
  g_assert_false (amends_store_get_read_only (store));
  g_thread_join (release);

  g_assert_finalize_object (store);
  store = amends_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) listed = amends_store_list_staff (store, TRUE, &error);
    g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 1);
  }
  g_assert_finalize_object (store);
  amends_test_remove_dir (dir);
}

/* A write made while the check runs on a damaged file waits, and is
 * refused: nothing reaches the file. */
static void
test_check_later_write_waits_then_refused (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AmendsStaff) staff = amends_staff_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  GThread *release;
  AmendsStore *store;

  if (amends_test_sqlite_only ("PRAGMA quick_check after opening, on a damaged file"))
    return;

  dir = amends_test_make_dir ();
  path = make_database (dir);

  damage_cases_page (path);
  before = read_file (path, &before_len);

  store = open_checking_later (path);
  release = g_thread_new ("release", release_check_thread, store);

  g_object_set (staff, "name", "Ada", NULL);
  g_assert_false (amends_store_insert (store, AMENDS_RECORD (staff), &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_assert_true (amends_store_get_damaged (store));
  g_assert_true (amends_store_get_read_only (store));
  g_thread_join (release);

  g_assert_finalize_object (store);
  assert_no_wal (path);
  after = read_file (path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
  amends_test_remove_dir (dir);
}

/* Nobody started the check: the first write runs it, and waits. */
static void
test_check_later_first_write_runs_check (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AmendsStaff) staff = amends_staff_new ();
  g_autoptr(GError) error = NULL;
  AmendsStore *store;

  if (amends_test_sqlite_only ("PRAGMA quick_check after opening, on a damaged file"))
    return;

  dir = amends_test_make_dir ();
  path = make_database (dir);

  damage_cases_page (path);
  store = amends_store_open_full (path, AMENDS_STORE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);

  g_object_set (staff, "name", "Ada", NULL);
  g_assert_false (amends_store_insert (store, AMENDS_RECORD (staff), &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_READ_ONLY);
  g_assert_true (amends_store_get_damaged (store));
  g_assert_false (amends_store_get_checking (store));

  g_assert_finalize_object (store);
  amends_test_remove_dir (dir);
}

/* Closing while the check runs stops it, and lets go of the file. */
static void
test_check_later_close_while_checking (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  AmendsStore *store;

  if (amends_test_sqlite_only ("PRAGMA quick_check after opening, and the file's -wal"))
    return;

  dir = amends_test_make_dir ();
  path = make_database (dir);

  store = open_checking_later (path);
  g_assert_finalize_object (store);
  assert_no_wal (path);

  /* And the verdict, queued or not, finds nothing to apply it to. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  amends_test_remove_dir (dir);
}

/* What the window asks on opening, without counting: is there a case out
 * of the trash? */
static void
test_has_cases (void)
{
  g_autofree char *dir = amends_test_make_dir ();
  g_autofree char *path = amends_test_new_location (dir, "amends.db");
  g_autoptr(AmendsCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  AmendsStore *store;

  store = amends_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (amends_store_has_cases (store, &error));
  g_assert_no_error (error);

  kase = amends_test_add_case (store, "Cold soup", NULL);
  g_assert_true (amends_store_has_cases (store, &error));
  g_assert_no_error (error);

  g_assert_true (amends_store_trash_case (store, amends_record_get_id (AMENDS_RECORD (kase)), &error));
  g_assert_false (amends_store_has_cases (store, &error));
  g_assert_no_error (error);

  g_assert_finalize_object (store);
  amends_test_remove_dir (dir);
}

static void
test_open_refuses_empty_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  AmendsStore *store;
  GStatBuf st;

  if (amends_test_sqlite_only ("an empty file given as the database"))
    return;

  dir = amends_test_make_dir ();
  path = g_build_filename (dir, "amends.db", NULL);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));

  store = amends_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "“amends.db” is empty, not an Amends database"));

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  assert_no_wal (path);
  amends_test_remove_dir (dir);
}

static void
test_open_refuses_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  AmendsStore *store;

  if (amends_test_sqlite_only ("a folder given as the database"))
    return;

  dir = amends_test_make_dir ();
  path = g_build_filename (dir, "amends.db", NULL);

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);

  store = amends_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "is a folder"));
  g_assert_null (strstr (error->message, "cannot write"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  amends_test_remove_dir (dir);
}

static void
test_open_unreadable_says_so (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  AmendsStore *store;

  if (amends_test_sqlite_only ("a file's permissions"))
    return;

  if (geteuid () == 0)
    {
      g_test_skip ("Runs as root, whom chmod 000 does not stop from reading a file");
      return;
    }

  dir = amends_test_make_dir ();
  path = make_database (dir);
  g_assert_cmpint (g_chmod (path, 0), ==, 0);

  store = amends_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "may not read “amends.db”"));
  g_assert_null (strstr (error->message, "cannot write"));
  assert_no_wal (path);

  g_chmod (path, 0600);
  amends_test_remove_dir (dir);
}

static void
test_open_unwritable_file_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AmendsStaff) staff = amends_staff_new ();
  g_autoptr(GError) error = NULL;
  AmendsStore *store;

  if (amends_test_sqlite_only ("a file's permissions"))
    return;

  if (geteuid () == 0)
    {
      g_test_skip ("Runs as root, whom chmod 444 does not stop from writing a file");
      return;
    }

  dir = amends_test_make_dir ();
  path = make_database (dir);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  store = amends_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (amends_store_get_read_only (store));
  g_assert_false (amends_store_get_damaged (store));
  g_assert_cmpint (amends_store_count_cases (store, NULL), ==, 300);

  g_object_set (staff, "name", "Ada", NULL);
  g_assert_false (amends_store_insert (store, AMENDS_RECORD (staff), &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));

  assert_no_wal (path);
  g_assert_finalize_object (store);
  assert_no_wal (path);

  g_chmod (path, 0600);
  amends_test_remove_dir (dir);
}

static void
test_open_reopens_with_data (AmendsTestDb  *db,
                             gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Cold soup", db->now);
  g_autoptr(AmendsCase) again = NULL;
  g_autoptr(GError) error = NULL;

  amends_test_db_reopen (db);
  again = amends_store_load (db->store, AMENDS_TYPE_CASE,
                             amends_record_get_id (AMENDS_RECORD (kase)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amends_case_get_summary (again), ==, "Cold soup");
  g_assert_cmpstr (amends_case_get_reference (again), ==, amends_case_get_reference (kase));
}

static void
test_staff_crud (AmendsTestDb  *db,
                 gconstpointer  data)
{
  g_autoptr(AmendsStaff) ada = amends_test_add_staff (db->store, "Ada");
  g_autoptr(AmendsStaff) bea = amends_test_add_staff (db->store, "bea");
  g_autoptr(AmendsStaff) carl = amends_test_add_staff (db->store, "Carl");
  g_autoptr(GListModel) active = NULL;
  g_autoptr(GListModel) everyone = NULL;
  g_autoptr(AmendsStaff) first = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (amends_record_get_id (AMENDS_RECORD (ada)), >, 0);
  g_assert_true (amends_staff_get_active (ada));
  g_assert_cmpint (amends_staff_get_role (ada), ==, AMENDS_STAFF_ROLE_FRONT_DESK);

  g_object_set (carl, "active", FALSE, "role", AMENDS_STAFF_ROLE_MANAGER, "team", "Lobby", NULL);
  amends_store_update (db->store, AMENDS_RECORD (carl), &error);
  g_assert_no_error (error);

  active = amends_store_list_staff (db->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (active), ==, 2);
  first = g_list_model_get_item (active, 0);
  g_assert_cmpstr (amends_staff_get_name (first), ==, "Ada");

  everyone = amends_store_list_staff (db->store, TRUE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (everyone), ==, 3);

  amends_test_db_reopen (db);
  {
    g_autoptr(AmendsStaff) loaded = amends_store_load (db->store, AMENDS_TYPE_STAFF,
                                                       amends_record_get_id (AMENDS_RECORD (carl)), &error);
    g_assert_no_error (error);
    g_assert_false (amends_staff_get_active (loaded));
    g_assert_cmpint (amends_staff_get_role (loaded), ==, AMENDS_STAFF_ROLE_MANAGER);
    g_assert_cmpstr (amends_staff_get_team (loaded), ==, "Lobby");
  }
}

static void
test_staff_needs_name (AmendsTestDb  *db,
                       gconstpointer  data)
{
  g_autoptr(AmendsStaff) staff = amends_staff_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (staff, "name", "   ", NULL);
  g_assert_false (amends_store_insert (db->store, AMENDS_RECORD (staff), &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID);
  g_assert_cmpint (amends_record_get_id (AMENDS_RECORD (staff)), ==, 0);
}

static void
test_customer_list_by_prefix (AmendsTestDb  *db,
                              gconstpointer  data)
{
  g_autoptr(AmendsCustomer) a = amends_test_add_customer (db->store, "Edward Caulfield", "Two children");
  g_autoptr(AmendsCustomer) b = amends_test_add_customer (db->store, "edith Pratt", NULL);
  g_autoptr(AmendsCustomer) c = amends_test_add_customer (db->store, "100% Percent", NULL);
  g_autoptr(AmendsCustomer) d = amends_test_add_customer (db->store, "100 Kilo", NULL);
  g_autoptr(GListModel) ed = NULL;
  g_autoptr(GListModel) percent = NULL;
  g_autoptr(GListModel) limited = NULL;
  g_autoptr(GError) error = NULL;

  ed = amends_store_list_customers (db->store, "ED", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ed), ==, 2);

  /* A literal % must not act as a wildcard. */
  percent = amends_store_list_customers (db->store, "100%", 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (percent), ==, 1);

  limited = amends_store_list_customers (db->store, NULL, 3, &error);
  g_assert_cmpuint (g_list_model_get_n_items (limited), ==, 3);
}

static void
test_case_reference_and_defaults (AmendsTestDb  *db,
                                  gconstpointer  data)
{
  g_autoptr(GDateTime) occurred = amends_test_time ("2026-11-18T08:30:00Z");
  g_autoptr(AmendsStaff) ada = amends_test_add_staff (db->store, "Ada");
  g_autoptr(AmendsCase) first = NULL;
  g_autoptr(AmendsCase) second = NULL;
  gint64 logged_by = 0;

  amends_store_set_actor_id (db->store, amends_record_get_id (AMENDS_RECORD (ada)));
  first = amends_test_add_case (db->store, "Only one lapel pin", occurred);
  second = amends_test_add_case (db->store, "Cold coffee", NULL);

  g_assert_cmpstr (amends_case_get_reference (first), ==, "C-2026-00001");
  g_assert_cmpstr (amends_case_get_reference (second), ==, "C-2026-00002");
  g_assert_cmpint (g_date_time_to_unix (amends_case_get_logged_at (first)), ==,
                   g_date_time_to_unix (db->now));
  g_assert_cmpint (g_date_time_difference (amends_case_get_recovery_due_at (first), occurred),
                   ==, 24 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_to_unix (amends_case_get_occurred_at (second)), ==,
                   g_date_time_to_unix (db->now));
  g_assert_cmpint (amends_case_get_status (first), ==, AMENDS_CASE_STATUS_OPEN);
  g_object_get (first, "logged-by-id", &logged_by, NULL);
  g_assert_cmpint (logged_by, ==, amends_record_get_id (AMENDS_RECORD (ada)));

  /* A new year starts a new sequence. */
  {
    g_autoptr(GDateTime) next_year = amends_test_time ("2027-01-02T09:00:00Z");
    g_autoptr(AmendsCase) third = NULL;

    amends_store_set_fixed_now (db->store, next_year);
    third = amends_test_add_case (db->store, "Heating off", NULL);
    g_assert_cmpstr (amends_case_get_reference (third), ==, "C-2027-00001");
  }
}

static void
test_case_given_reference_advances_counter (AmendsTestDb  *db,
                                            gconstpointer  data)
{
  g_autoptr(AmendsCase) imported = amends_case_new ();
  g_autoptr(AmendsCase) next = NULL;
  g_autoptr(GError) error = NULL;

  /* A case that arrives with its reference (an import) must not have it
   * handed out again to the next case logged. */
  g_object_set (imported, "summary", "From last year's system", "reference", "C-2026-00007", NULL);
  amends_store_insert (db->store, AMENDS_RECORD (imported), &error);
  g_assert_no_error (error);

  next = amends_test_add_case (db->store, "Logged today", NULL);
  g_assert_cmpstr (amends_case_get_reference (next), ==, "C-2026-00008");
}

static void
test_case_target_hours (AmendsTestDb  *db,
                        gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = NULL;

  amends_store_set_recovery_target_hours (db->store, 8);
  kase = amends_test_add_case (db->store, "Lost luggage", db->now);
  g_assert_cmpint (g_date_time_difference (amends_case_get_recovery_due_at (kase), db->now),
                   ==, 8 * G_TIME_SPAN_HOUR);
}

static void
test_case_needs_summary (AmendsTestDb  *db,
                         gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = amends_case_new ();
  g_autoptr(AmendsCase) saved = amends_test_add_case (db->store, "Noisy room", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (amends_store_insert (db->store, AMENDS_RECORD (kase), &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  amends_case_set_summary (saved, "");
  g_assert_false (amends_store_update (db->store, AMENDS_RECORD (saved), &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID);
  g_assert_cmpint (amends_store_count_cases (db->store, NULL), ==, 1);

  /* Nothing of the refused edit reached the file. */
  amends_store_reload (db->store, AMENDS_RECORD (saved), NULL);
  g_assert_cmpstr (amends_case_get_summary (saved), ==, "Noisy room");
}

static void
test_case_update_audit (AmendsTestDb  *db,
                        gconstpointer  data)
{
  g_autoptr(AmendsStaff) ada = amends_test_add_staff (db->store, "Ada");
  g_autoptr(AmendsStaff) bob = amends_test_add_staff (db->store, "Bob");
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Only one pin", db->now);
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ada_id = amends_record_get_id (AMENDS_RECORD (ada));
  gint64 bob_id = amends_record_get_id (AMENDS_RECORD (bob));
  gint64 case_id = amends_record_get_id (AMENDS_RECORD (kase));
  const AmendsAuditEntry *entry;

  amends_store_set_actor_id (db->store, bob_id);
  g_object_set (kase,
                "owner-id", ada_id,
                "status", AMENDS_CASE_STATUS_IN_RECOVERY,
                "rater-failed", AMENDS_RATER_EMPATHY | AMENDS_RATER_RELIABILITY,
                "surprise-cost-cents", (gint64) 250,
                NULL);
  amends_store_update (db->store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amends_case_get_owner_name (kase), ==, "Ada");

  audit = amends_store_list_audit (db->store, "cases", case_id, &error);
  g_assert_no_error (error);
  /* created + four fields */
  g_assert_cmpuint (audit->len, ==, 5);

  entry = audit->pdata[0];
  g_assert_cmpstr (entry->field, ==, "created");
  g_assert_cmpstr (entry->after, ==, "C-2026-00001");

  for (guint i = 1; i < audit->len; i++)
    {
      entry = audit->pdata[i];
      g_assert_cmpint (entry->staff_id, ==, bob_id);
      g_assert_cmpint (entry->at, ==, g_date_time_to_unix (db->now));
      if (g_str_equal (entry->field, "owner_id"))
        {
          g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, ada_id);
          g_assert_null (entry->before);
          g_assert_cmpstr (entry->after, ==, expected);
        }
      else if (g_str_equal (entry->field, "status"))
        {
          g_assert_cmpstr (entry->before, ==, "open");
          g_assert_cmpstr (entry->after, ==, "in-recovery");
        }
      else if (g_str_equal (entry->field, "rater_failed"))
        g_assert_cmpstr (entry->after, ==, "AMENDS_RATER_RELIABILITY | AMENDS_RATER_EMPATHY");
      else if (g_str_equal (entry->field, "surprise_cost_cents"))
        {
          g_assert_cmpstr (entry->before, ==, "0");
          g_assert_cmpstr (entry->after, ==, "250");
        }
      else
        g_assert_not_reached ();
    }

  /* Saving again without a change writes no audit row. */
  amends_store_update (db->store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = amends_store_list_audit (db->store, "cases", case_id, &error);
  g_assert_cmpuint (audit->len, ==, 5);
}

/* SQLite's own list of a connection's statements. */
static guint
count_prepared (AmendsStore *store,
                const char  *prefix)
{
  sqlite3 *db = amends_store_get_db (store);
  guint n = 0;

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt != NULL; stmt = sqlite3_next_stmt (db, stmt))
    if (g_str_has_prefix (sqlite3_sql (stmt), prefix))
      n++;

  return n;
}

/* Each combination of changed columns is an UPDATE statement of its own:
 * the store keeps a few, not one for every combination ever saved. */
static void
test_case_update_statements_bounded (AmendsTestDb  *db,
                                     gconstpointer  data)
{
  static const char * const fields[] = {
    "description", "team", "fix", "surprise", "bent-rule", "bent-rule-why", "lesson",
  };
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Cold shower", db->now);
  g_autoptr(AmendsCase) loaded = NULL;
  g_autoptr(GError) error = NULL;

  for (guint mask = 1; mask <= 100; mask++)
    {
      g_autofree char *value = g_strdup_printf ("Value %u", mask);

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        if (mask & (1u << i))
          g_object_set (kase, fields[i], value, NULL);

      g_assert_true (amends_store_update (db->store, AMENDS_RECORD (kase), &error));
      g_assert_no_error (error);
    }

  /* On the server the statements are counted nowhere this test can see;
   * that the values land is checked on both engines. */
  if (!amends_test_on_server ())
    g_assert_cmpuint (count_prepared (db->store, "UPDATE cases SET"), <=, 32);
  else
    g_test_message ("SQLite only: the number of statements kept (sqlite3_next_stmt)");

  /* The statements forgotten still ran; one used again is prepared again. */
  loaded = amends_store_load (db->store, AMENDS_TYPE_CASE,
                              amends_record_get_id (AMENDS_RECORD (kase)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amends_case_get_fix (loaded), ==, "Value 100");
  {
    g_autofree char *team = NULL;

    g_object_get (loaded, "team", &team, NULL);
    g_assert_cmpstr (team, ==, "Value 99");
  }
  g_object_set (kase, "description", "Again", NULL);
  g_assert_true (amends_store_update (db->store, AMENDS_RECORD (kase), &error));
  g_assert_no_error (error);
  if (!amends_test_on_server ())
    g_assert_cmpuint (count_prepared (db->store, "UPDATE cases SET"), <=, 32);
}

/* A value the database refuses (longer than SQLite's limit, here made
 * small; on the server, against a CHECK another program added) fails the
 * save: it is not written as NULL over what was stored. */
static void
test_case_update_refused_value_keeps_stored (AmendsTestDb  *db,
                                             gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Broken lamp", db->now);
  g_autoptr(AmendsCase) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_fix = g_strnfill (3000, 'x');
  gint64 id = amends_record_get_id (AMENDS_RECORD (kase));

  g_object_set (kase, "fix", "New bulb", NULL);
  g_assert_true (amends_store_update (db->store, AMENDS_RECORD (kase), &error));
  g_assert_no_error (error);

  if (amends_test_on_server ())
    amends_test_store_exec (db->store, "ALTER TABLE cases ADD CONSTRAINT fix_short CHECK (length (fix) <= 2000)");
  else
    sqlite3_limit (amends_store_get_db (db->store), SQLITE_LIMIT_LENGTH, 2000);
  g_object_set (kase, "fix", long_fix, NULL);
  g_assert_false (amends_store_update (db->store, AMENDS_RECORD (kase), &error));
  g_assert_nonnull (error);

  loaded = amends_store_load (db->store, AMENDS_TYPE_CASE, id, NULL);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (amends_case_get_fix (loaded), ==, "New bulb");
}

static void
test_case_all_fields_round_trip (AmendsTestDb  *db,
                                 gconstpointer  data)
{
  g_autoptr(AmendsCustomer) edward = amends_test_add_customer (db->store, "Edward", "Kids love blinking lights");
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "One pin only", db->now);
  g_autoptr(GDateTime) follow_up = amends_test_time ("2026-11-20T09:00:00Z");
  g_autoptr(AmendsCase) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GObjectClass *klass = G_OBJECT_GET_CLASS (kase);
  AmendsRecordClass *record_class = AMENDS_RECORD_GET_CLASS (kase);

  g_object_set (kase,
                "description", "Asked for a second pin for his children; refused by the rule.",
                "customer-id", amends_record_get_id (AMENDS_RECORD (edward)),
                "category", "Registration",
                "severity", AMENDS_SEVERITY_MINOR,
                "channel", AMENDS_CHANNEL_IN_PERSON,
                "noticed-by", AMENDS_NOTICED_BY_STAFF,
                "team", "Registration desk",
                "status", AMENDS_CASE_STATUS_RECOVERED,
                "recovered-at", db->now,
                "fix", "Two more pins",
                "surprise", "Delivered to his seat",
                "surprise-cost-cents", (gint64) 100,
                "rule-bent", TRUE,
                "bent-rule", "One pin per participant",
                "bent-rule-why", "A happier customer is worth more",
                "rater-failed", AMENDS_RATER_EMPATHY,
                "rater-shown", AMENDS_RATER_RESPONSIVENESS | AMENDS_RATER_EMPATHY,
                "reaction", AMENDS_REACTION_BLOWN_AWAY,
                "came-back", AMENDS_CAME_BACK_YES,
                "lesson", "Rules with little basis get bent",
                "follow-up-due-at", follow_up,
                NULL);
  amends_store_update (db->store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  amends_test_db_reopen (db);
  loaded = amends_store_load (db->store, AMENDS_TYPE_CASE,
                              amends_record_get_id (AMENDS_RECORD (kase)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amends_case_get_customer_name (loaded), ==, "Edward");

  for (guint i = 0; i < record_class->n_fields; i++)
    {
      GParamSpec *pspec = record_class->fields[i];
      g_assert_true (g_object_class_find_property (klass, pspec->name) == pspec);
      if (!amends_record_field_equal (pspec,
                                      amends_record_peek_value (AMENDS_RECORD (kase), pspec),
                                      amends_record_peek_value (AMENDS_RECORD (loaded), pspec)))
        g_error ("Field %s did not survive a round trip", pspec->name);
    }
}

static void
test_case_trash_restore_purge (AmendsTestDb  *db,
                               gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Wrong bill", db->now);
  gint64 id = amends_record_get_id (AMENDS_RECORD (kase));
  g_autoptr(AmendsAction) action = amends_action_new ();
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (action, "case-id", id, "text", "Called back", NULL);
  amends_store_insert (db->store, AMENDS_RECORD (action), &error);
  g_assert_no_error (error);

  g_assert_false (amends_store_purge_case (db->store, id, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (amends_store_trash_case (db->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (amends_store_count_cases (db->store, NULL), ==, 0);
  amends_store_reload (db->store, AMENDS_RECORD (kase), &error);
  g_assert_nonnull (amends_case_get_deleted_at (kase));

  g_assert_false (amends_store_trash_case (db->store, id, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (amends_store_restore_case (db->store, id, &error));
  g_assert_cmpint (amends_store_count_cases (db->store, NULL), ==, 1);
  amends_store_reload (db->store, AMENDS_RECORD (kase), &error);
  g_assert_null (amends_case_get_deleted_at (kase));

  g_assert_true (amends_store_trash_case (db->store, id, &error));
  g_assert_true (amends_store_purge_case (db->store, id, &error));
  g_assert_no_error (error);
  g_assert_null (amends_store_load (db->store, AMENDS_TYPE_CASE, id, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The timeline went with it; the history stays. */
  g_assert_null (amends_store_load (db->store, AMENDS_TYPE_ACTION,
                                    amends_record_get_id (AMENDS_RECORD (action)), &error));
  g_clear_error (&error);
  audit = amends_store_list_audit (db->store, "cases", id, &error);
  g_assert_cmpuint (audit->len, ==, 5);
  g_assert_cmpstr (((AmendsAuditEntry *) audit->pdata[1])->field, ==, "trashed");
  g_assert_cmpstr (((AmendsAuditEntry *) audit->pdata[2])->field, ==, "restored");
  g_assert_cmpstr (((AmendsAuditEntry *) audit->pdata[4])->field, ==, "purged");
  g_assert_cmpstr (((AmendsAuditEntry *) audit->pdata[4])->before, ==, "C-2026-00001");
}

static void
test_actions_timeline (AmendsTestDb  *db,
                       gconstpointer  data)
{
  g_autoptr(AmendsStaff) ada = amends_test_add_staff (db->store, "Ada");
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Late breakfast", db->now);
  gint64 case_id = amends_record_get_id (AMENDS_RECORD (kase));
  g_autoptr(GDateTime) earlier = g_date_time_add_hours (db->now, -1);
  g_autoptr(GListModel) timeline = NULL;
  g_autoptr(AmendsAction) first = NULL;
  g_autoptr(AmendsAction) second = NULL;
  g_autoptr(GError) error = NULL;
  const AmendsActionKind kinds[] = { AMENDS_ACTION_KIND_APOLOGY, AMENDS_ACTION_KIND_CONTACT };

  amends_store_set_actor_id (db->store, amends_record_get_id (AMENDS_RECORD (ada)));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(AmendsAction) action = amends_action_new ();

      g_object_set (action, "case-id", case_id, "kind", kinds[i],
                    "text", i == 0 ? "Said sorry" : "Called the guest",
                    "done-at", i == 1 ? earlier : NULL, NULL);
      amends_store_insert (db->store, AMENDS_RECORD (action), &error);
      g_assert_no_error (error);
    }

  timeline = amends_store_list_actions (db->store, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (timeline), ==, 2);
  first = g_list_model_get_item (timeline, 0);
  second = g_list_model_get_item (timeline, 1);
  g_assert_cmpint (amends_action_get_kind (first), ==, AMENDS_ACTION_KIND_CONTACT);
  g_assert_cmpint (amends_action_get_kind (second), ==, AMENDS_ACTION_KIND_APOLOGY);
  g_assert_cmpstr (amends_action_get_staff_name (second), ==, "Ada");
  g_assert_cmpint (g_date_time_to_unix (amends_action_get_done_at (second)), ==,
                   g_date_time_to_unix (db->now));
}

static void
test_story_and_heroes (AmendsTestDb  *db,
                       gconstpointer  data)
{
  g_autoptr(AmendsStaff) ada = amends_test_add_staff (db->store, "Ada");
  g_autoptr(AmendsStaff) bob = amends_test_add_staff (db->store, "Bob");
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Pins", db->now);
  g_autoptr(AmendsStory) story = amends_story_new ();
  g_autoptr(AmendsStory) duplicate = amends_story_new ();
  g_autoptr(GListModel) drafted = NULL;
  g_autoptr(GListModel) candidates = NULL;
  g_autoptr(GArray) heroes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[2];

  g_object_set (story, "case-id", amends_record_get_id (AMENDS_RECORD (kase)),
                "title", "Two pins for two children", NULL);
  amends_store_insert (db->store, AMENDS_RECORD (story), &error);
  g_assert_no_error (error);
  g_assert_cmpint (amends_story_get_stage (story), ==, AMENDS_STORY_STAGE_CANDIDATE);

  /* One story a case. */
  g_object_set (duplicate, "case-id", amends_record_get_id (AMENDS_RECORD (kase)), NULL);
  g_assert_false (amends_store_insert (db->store, AMENDS_RECORD (duplicate), &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  ids[0] = amends_record_get_id (AMENDS_RECORD (bob));
  ids[1] = amends_record_get_id (AMENDS_RECORD (ada));
  amends_store_set_story_heroes (db->store, amends_record_get_id (AMENDS_RECORD (story)), ids, 2, &error);
  g_assert_no_error (error);
  heroes = amends_store_get_story_heroes (db->store, amends_record_get_id (AMENDS_RECORD (story)), &error);
  g_assert_cmpuint (heroes->len, ==, 2);
  g_assert_cmpint (g_array_index (heroes, gint64, 0), ==, ids[1]);

  g_object_set (story, "stage", AMENDS_STORY_STAGE_DRAFTED, NULL);
  amends_store_update (db->store, AMENDS_RECORD (story), &error);
  g_assert_no_error (error);
  drafted = amends_store_list_stories (db->store, AMENDS_STORY_STAGE_DRAFTED, &error);
  candidates = amends_store_list_stories (db->store, AMENDS_STORY_STAGE_CANDIDATE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (drafted), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 0);
}

/* The search table's rows that have the word @query (plain letters). */
static gint64
search_count (AmendsStore *store,
              const char  *query)
{
  g_autofree char *sql = NULL;

  if (amends_test_on_server ())
    sql = g_strdup_printf ("SELECT count(*) FROM case_search"
                           " WHERE document @@ to_tsquery ('simple', '%s')", query);
  else
    sql = g_strdup_printf ("SELECT count(*) FROM case_search WHERE case_search MATCH '%s'", query);

  return amends_test_store_query_int64 (store, sql);
}

static void
test_search_follows_changes (AmendsTestDb  *db,
                             gconstpointer  data)
{
  g_autoptr(AmendsCustomer) edward = amends_test_add_customer (db->store, "Edward Caulfield", "Loves cowboy boots");
  g_autoptr(AmendsCase) kase = amends_case_new ();
  g_autoptr(AmendsAction) action = amends_action_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (kase, "summary", "Only one lapel pin", "description", "Registration desk refused",
                "customer-id", amends_record_get_id (AMENDS_RECORD (edward)), NULL);
  amends_store_insert (db->store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  g_assert_cmpint (search_count (db->store, "lapel"), ==, 1);
  g_assert_cmpint (search_count (db->store, "registration"), ==, 1);
  g_assert_cmpint (search_count (db->store, "caulfield"), ==, 1);
  g_assert_cmpint (search_count (db->store, "cowboy"), ==, 1);
  g_assert_cmpint (search_count (db->store, "kansas"), ==, 0);

  g_object_set (action, "case-id", amends_record_get_id (AMENDS_RECORD (kase)),
                "text", "Handed two pins in Kansas", NULL);
  amends_store_insert (db->store, AMENDS_RECORD (action), &error);
  g_assert_cmpint (search_count (db->store, "kansas"), ==, 1);

  g_object_set (edward, "name", "Ed Munich", NULL);
  amends_store_update (db->store, AMENDS_RECORD (edward), &error);
  g_assert_cmpint (search_count (db->store, "caulfield"), ==, 0);
  g_assert_cmpint (search_count (db->store, "munich"), ==, 1);

  amends_case_set_summary (kase, "Second badge refused");
  amends_store_update (db->store, AMENDS_RECORD (kase), &error);
  g_assert_cmpint (search_count (db->store, "lapel"), ==, 0);
  g_assert_cmpint (search_count (db->store, "badge"), ==, 1);
}

typedef struct
{
  guint   n_changed;
  guint   n_committed;
  gint64  last_id;
} SignalLog;

static void
on_record_changed (AmendsStore *store,
                   GType        type,
                   gint64       id,
                   SignalLog   *log)
{
  g_assert_true (type == AMENDS_TYPE_CASE);
  log->n_changed++;
  log->last_id = id;
}

static void
on_committed (AmendsStore *store,
              SignalLog   *log)
{
  log->n_committed++;
}

static void
test_transaction_batch (AmendsTestDb  *db,
                        gconstpointer  data)
{
  SignalLog log = { 0 };
  g_autoptr(AmendsCase) a = NULL;
  g_autoptr(AmendsCase) bad = amends_case_new ();
  g_autoptr(GError) error = NULL;

  g_signal_connect (db->store, "record-changed", G_CALLBACK (on_record_changed), &log);
  g_signal_connect (db->store, "changes-committed", G_CALLBACK (on_committed), &log);

  g_assert_true (amends_store_begin (db->store, &error));
  a = amends_test_add_case (db->store, "First of the batch", NULL);
  /* A failure inside the batch undoes only itself... */
  g_assert_false (amends_store_insert (db->store, AMENDS_RECORD (bad), &error));
  g_clear_error (&error);
  g_assert_cmpuint (log.n_changed, ==, 0);
  g_assert_true (amends_store_commit (db->store, &error));

  /* ...and the batch is announced once, after it is committed. */
  g_assert_cmpuint (log.n_changed, ==, 1);
  g_assert_cmpuint (log.n_committed, ==, 1);
  g_assert_cmpint (log.last_id, ==, amends_record_get_id (AMENDS_RECORD (a)));
  g_assert_cmpint (amends_store_count_cases (db->store, NULL), ==, 1);

  /* A rolled-back batch is not announced and leaves nothing. */
  g_assert_true (amends_store_begin (db->store, &error));
  g_clear_object (&a);
  a = amends_test_add_case (db->store, "Second", NULL);
  amends_store_rollback (db->store);
  g_assert_cmpuint (log.n_changed, ==, 1);
  g_assert_cmpint (amends_store_count_cases (db->store, NULL), ==, 1);

  g_signal_handlers_disconnect_by_data (db->store, &log);
}

static void
test_categories (AmendsTestDb  *db,
                 gconstpointer  data)
{
  const char *categories[] = { "Billing", "Room", "Billing", NULL, "" };
  AmendsCase *kases[G_N_ELEMENTS (categories)] = { NULL };
  g_auto(GStrv) list = NULL;
  g_auto(GStrv) after = NULL;
  g_auto(GStrv) last = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      kases[i] = amends_case_new ();
      g_object_set (kases[i], "summary", "x", "category", categories[i], NULL);
      amends_store_insert (db->store, AMENDS_RECORD (kases[i]), &error);
      g_assert_no_error (error);
    }

  list = amends_store_list_categories (db->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (list), ==, 2);
  g_assert_cmpstr (list[0], ==, "Billing");
  g_assert_cmpstr (list[1], ==, "Room");

  /* Billing 2, Room 1, Spa 0 -> Billing 1, Room 1, Spa 2: the counts
   * follow each change (ties by name). */
  g_object_set (kases[0], "category", "Spa", NULL);
  g_assert_true (amends_store_update (db->store, AMENDS_RECORD (kases[0]), &error));
  g_object_set (kases[3], "category", "Spa", NULL);
  g_assert_true (amends_store_update (db->store, AMENDS_RECORD (kases[3]), &error));
  after = amends_store_list_categories (db->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (after), ==, 3);
  g_assert_cmpstr (after[0], ==, "Spa");
  g_assert_cmpstr (after[1], ==, "Billing");
  g_assert_cmpstr (after[2], ==, "Room");

  /* A case in the trash still counts; one deleted for good does not. */
  g_assert_true (amends_store_trash_case (db->store, amends_record_get_id (AMENDS_RECORD (kases[1])), &error));
  g_assert_true (amends_store_purge_case (db->store, amends_record_get_id (AMENDS_RECORD (kases[1])), &error));
  g_assert_true (amends_store_trash_case (db->store, amends_record_get_id (AMENDS_RECORD (kases[2])), &error));
  g_assert_no_error (error);
  last = amends_store_list_categories (db->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (last), ==, 2);
  g_assert_cmpstr (last[0], ==, "Spa");
  g_assert_cmpstr (last[1], ==, "Billing");

  for (guint i = 0; i < G_N_ELEMENTS (kases); i++)
    g_object_unref (kases[i]);
}


static void
test_customer_cases (AmendsTestDb  *db,
                     gconstpointer  data)
{
  g_autoptr(AmendsCustomer) edward = amends_test_add_customer (db->store, "Edward", NULL);
  g_autoptr(GDateTime) last_year = amends_test_time ("2025-06-01T12:00:00Z");
  g_autoptr(GListModel) cases = NULL;
  g_autoptr(AmendsCase) newest = NULL;
  g_autoptr(GError) error = NULL;
  const char *summaries[] = { "Only one pin", "Wrong boots size", "Someone else's case" };
  gint64 trashed_id = 0;

  for (guint i = 0; i < G_N_ELEMENTS (summaries); i++)
    {
      g_autoptr(AmendsCase) kase = amends_case_new ();

      g_object_set (kase, "summary", summaries[i], "occurred-at", i == 0 ? last_year : NULL,
                    "customer-id", i < 2 ? amends_record_get_id (AMENDS_RECORD (edward)) : 0, NULL);
      amends_store_insert (db->store, AMENDS_RECORD (kase), &error);
      g_assert_no_error (error);
      trashed_id = amends_record_get_id (AMENDS_RECORD (kase));
    }

  cases = amends_store_list_customer_cases (db->store, amends_record_get_id (AMENDS_RECORD (edward)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 2);
  newest = g_list_model_get_item (cases, 0);
  g_assert_cmpstr (amends_case_get_summary (newest), ==, "Wrong boots size");
  g_assert_cmpstr (amends_case_get_customer_name (newest), ==, "Edward");

  /* Cases in the trash are not part of the history shown. */
  amends_store_trash_case (db->store, amends_record_get_id (AMENDS_RECORD (newest)), &error);
  g_clear_object (&cases);
  cases = amends_store_list_customer_cases (db->store, amends_record_get_id (AMENDS_RECORD (edward)), &error);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 1);
  g_assert_cmpint (trashed_id, >, 0);
}

static void
test_disk_full_keeps_data (AmendsTestDb  *db,
                           gconstpointer  data)
{
  g_autoptr(AmendsCase) kept = amends_test_add_case (db->store, "Saved before the disk filled", NULL);
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autoptr(AmendsCase) big = amends_case_new ();
  g_autoptr(GError) error = NULL;

  if (amends_test_sqlite_only ("PRAGMA max_page_count, which fails a write as a full disk does"))
    return;

  /* SQLite's page limit fails a write exactly as a full disk does. */
  g_assert_cmpint (sqlite3_exec (amends_store_get_db (db->store),
                                 "PRAGMA max_page_count = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  for (int i = 0; i < 20000; i++)
    g_string_append (huge, "The guest asked for a second pin. ");
  g_object_set (big, "summary", "Huge", "description", huge->str, NULL);

  g_assert_false (amends_store_insert (db->store, AMENDS_RECORD (big), &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_assert_cmpint (amends_record_get_id (AMENDS_RECORD (big)), ==, 0);

  amends_test_db_reopen (db);
  g_assert_cmpint (amends_store_count_cases (db->store, NULL), ==, 1);
}

static void
test_busy_database (AmendsTestDb  *db,
                    gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Wrong room", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsDb) server = NULL;
  sqlite3 *other = NULL;

  /* On the server the wait is the connection's lock_timeout (5 s), which
   * amends_store_set_busy_timeout () leaves as it is. */
  /* Another program holds the write lock: on the server, the lock every
   * writer of the database takes first (amends-schema-pg.h). */
  if (amends_test_on_server ())
    {
      server = amends_db_open (db->path, &error);
      g_assert_no_error (error);
      amends_test_db_exec (server, AMENDS_SCHEMA_PG_BEGIN);
    }
  else
    {
      g_assert_cmpint (sqlite3_open (db->path, &other), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
    }

  amends_store_set_busy_timeout (db->store, 50);
  amends_case_set_summary (kase, "Wrong room, twice");
  g_assert_false (amends_store_update (db->store, AMENDS_RECORD (kase), &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_BUSY);
  g_clear_error (&error);

  if (server != NULL)
    amends_test_db_exec (server, "ROLLBACK");
  else
    {
      sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close (other);
    }

  /* Once it lets go, the same edit goes through. */
  g_assert_true (amends_store_update (db->store, AMENDS_RECORD (kase), &error));
  g_assert_no_error (error);
}

#define ADD_DB_TEST(path, func) \
  g_test_add (path, AmendsTestDb, NULL, amends_test_db_setup, func, amends_test_db_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/open/creates-private-folder-and-file", test_open_creates_private_files);
  g_test_add_func ("/store/open/refuses-non-database-unchanged", test_open_refuses_non_database);
  g_test_add_func ("/store/open/refuses-other-program-database", test_open_refuses_other_database);
  g_test_add_func ("/store/open/refuses-newer-version-unchanged", test_open_refuses_newer_version);
  g_test_add_func ("/store/open/refuses-unwritable-folder", test_open_refuses_unwritable_folder);
  g_test_add_func ("/store/open/server/refuses-other-program-database", test_server_refuses_other_database);
  g_test_add_func ("/store/open/server/refuses-newer-version-unchanged", test_server_refuses_newer_version);
  g_test_add_func ("/store/open/damaged-opens-read-only-untouched", test_open_damaged_read_only);
  g_test_add_func ("/store/open/healthy-opens-writable", test_open_healthy_is_writable);
  g_test_add_func ("/store/has-cases-out-of-the-trash", test_has_cases);
  g_test_add_func ("/store/open/check-later/file-gone-before-the-verdict",
                   test_check_later_file_gone);
  g_test_add_func ("/store/open/check-later/reads-then-turns-damaged",
                   test_check_later_reads_then_turns_damaged);
  g_test_add_func ("/store/open/check-later/write-waits-then-lands",
                   test_check_later_write_waits_then_lands);
  g_test_add_func ("/store/open/check-later/write-waits-then-refused",
                   test_check_later_write_waits_then_refused);
  g_test_add_func ("/store/open/check-later/first-write-runs-check",
                   test_check_later_first_write_runs_check);
  g_test_add_func ("/store/open/check-later/close-while-checking",
                   test_check_later_close_while_checking);
  g_test_add_func ("/store/open/refuses-empty-file", test_open_refuses_empty_file);
  g_test_add_func ("/store/open/refuses-folder", test_open_refuses_folder);
  g_test_add_func ("/store/open/unreadable-file-says-so", test_open_unreadable_says_so);
  g_test_add_func ("/store/open/unwritable-file-opens-read-only", test_open_unwritable_file_read_only);
  ADD_DB_TEST ("/store/open/reopens-with-data", test_open_reopens_with_data);
  ADD_DB_TEST ("/store/staff/create-update-list", test_staff_crud);
  ADD_DB_TEST ("/store/staff/needs-name", test_staff_needs_name);
  ADD_DB_TEST ("/store/customer/list-by-prefix", test_customer_list_by_prefix);
  ADD_DB_TEST ("/store/case/reference-and-defaults", test_case_reference_and_defaults);
  ADD_DB_TEST ("/store/case/due-follows-target-hours", test_case_target_hours);
  ADD_DB_TEST ("/store/case/given-reference-advances-counter", test_case_given_reference_advances_counter);
  ADD_DB_TEST ("/store/case/needs-summary", test_case_needs_summary);
  ADD_DB_TEST ("/store/case/update-writes-audit", test_case_update_audit);
  ADD_DB_TEST ("/store/case/update-statements-bounded", test_case_update_statements_bounded);
  ADD_DB_TEST ("/store/case/update-refused-value-keeps-stored", test_case_update_refused_value_keeps_stored);
  ADD_DB_TEST ("/store/case/every-field-round-trips", test_case_all_fields_round_trip);
  ADD_DB_TEST ("/store/case/trash-restore-purge", test_case_trash_restore_purge);
  ADD_DB_TEST ("/store/action/timeline-in-time-order", test_actions_timeline);
  ADD_DB_TEST ("/store/story/stages-and-heroes", test_story_and_heroes);
  ADD_DB_TEST ("/store/search/follows-changes", test_search_follows_changes);
  ADD_DB_TEST ("/store/transaction/batch-announced-once", test_transaction_batch);
  ADD_DB_TEST ("/store/case/categories-most-used-first", test_categories);
  ADD_DB_TEST ("/store/customer/earlier-cases", test_customer_cases);
  ADD_DB_TEST ("/store/errors/disk-full-keeps-data", test_disk_full_keeps_data);
  ADD_DB_TEST ("/store/errors/busy-then-retry", test_busy_database);

  return g_test_run ();
}
