/* test-cli.c: the command line refuses what it cannot do honestly, and backs up and restores
 *
 * Each test runs the real `amends` binary in a process of its own, as a
 * script or a cron job would, and checks its exit status, what it says
 * and what it leaves on disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "amends-backup.h"
#include "amends-test-utils.h"

typedef struct
{
  int   status;     /* the exit status; -1 when killed by a signal */
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_amends (Run        *run,
            const char *first,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) AMENDS_BIN);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);

  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  g_test_message ("amends said: %s%s", run->out, run->err);
}

static char *
write_csv (AmendsTestDb *db)
{
  g_autofree char *path = g_build_filename (db->dir, "cases.csv", NULL);

  g_assert_true (g_file_set_contents (path,
                                      "summary,occurred_at\n"
                                      "Cold soup at dinner,2026-11-16T19:00:00Z\n",
                                      -1, NULL));
  return g_steal_pointer (&path);
}

/* An empty --database is refused before anything else happens, not
 * taken as a temporary database that vanishes with the import. */
static void
test_empty_database_path (AmendsTestDb  *db,
                          gconstpointer  data)
{
  g_autofree char *csv = write_csv (db);
  g_auto(Run) run = { 0 };

  run_amends (&run, "--database", "", "--import-csv", csv, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--database needs the path of a database file"));
  g_assert_null (strstr (run.out, "imported"));
}

/* A mistyped database path is not made into a new, empty database. */
static void
test_missing_database_needs_create (AmendsTestDb  *db,
                                    gconstpointer  data)
{
  g_autofree char *csv = write_csv (db);
  g_autofree char *missing = g_build_filename (db->dir, "typo.db", NULL);
  g_autofree char *out = g_build_filename (db->dir, "out.csv", NULL);

  {
    g_auto(Run) run = { 0 };

    run_amends (&run, "--database", missing, "--import-csv", csv, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "There is no database at"));
    g_assert_nonnull (strstr (run.err, "--create"));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = { 0 };

    run_amends (&run, "--database", missing, "--export-csv", out, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = { 0 };

    run_amends (&run, "--database", missing, "--import-csv", csv, "--create", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "1 case imported"));
    g_assert_true (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
}

/* The last week GDateTime can follow is refused in words, not a crash. */
static void
test_week_out_of_range (AmendsTestDb  *db,
                        gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (db->dir, "far.pdf", NULL);
  g_auto(Run) run = { 0 };

  run_amends (&run, "--database", db->path, "--weekly-summary", "9999-W52", "--output", pdf, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "is not a week"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* --backup writes a private, checked copy; --restore puts it back and
 * keeps the database as it was. */
static void
test_backup_and_restore (AmendsTestDb  *db,
                         gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (db->dir, "monday.db", NULL);
  g_autofree char *junk = g_build_filename (db->dir, "junk.db", NULL);
  GStatBuf st;

  g_object_unref (amends_test_add_case (db->store, "Cold soup", NULL));
  g_clear_object (&db->store);

  {
    g_auto(Run) run = { 0 };

    run_amends (&run, "--database", db->path, "--backup", backup, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpint (g_stat (backup, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_true (amends_backup_check (backup, NULL));
  }

  db->store = amends_store_open (db->path, NULL);
  g_object_unref (amends_test_add_case (db->store, "Wrong bill", NULL));
  g_clear_object (&db->store);

  /* Not a backup: refused, and the database is as it was. */
  g_assert_true (g_file_set_contents (junk, "hello", -1, NULL));
  {
    g_auto(Run) run = { 0 };

    run_amends (&run, "--database", db->path, "--restore", junk, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "is not a backup"));
  }
  db->store = amends_store_open (db->path, NULL);
  g_assert_cmpint (amends_store_count_cases (db->store, NULL), ==, 2);
  g_clear_object (&db->store);

  {
    g_auto(Run) run = { 0 };

    run_amends (&run, "--database", db->path, "--restore", backup, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "kept in"));
  }
  db->store = amends_store_open (db->path, NULL);
  g_assert_cmpint (amends_store_count_cases (db->store, NULL), ==, 1);
}

/* The weekly summary does not wait for the integrity check; a damaged
 * page it reads is still said, and no PDF is left half written. */
static void
test_summary_of_damaged (AmendsTestDb  *db,
                         gconstpointer  data)
{
  g_autofree char *damaged = amends_test_make_damaged_db (db->dir);
  g_autofree char *pdf = g_build_filename (db->dir, "summary.pdf", NULL);
  Run run = { 0 };

  run_amends (&run, "--database", damaged, "--weekly-summary", "2026-W47", "--output", pdf, NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "damaged"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  run_clear (&run);
}

/* A damaged database takes no import, and is left exactly as it was. */
static void
test_import_refuses_damaged (AmendsTestDb  *db,
                             gconstpointer  data)
{
  g_autofree char *csv = write_csv (db);
  g_autofree char *damaged = amends_test_make_damaged_db (db->dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_get_contents (damaged, &before, &before_length, NULL));
  run_amends (&run, "--database", damaged, "--import-csv", csv, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "damaged"));
  g_assert_null (strstr (run.out, "imported"));

  g_assert_true (g_file_get_contents (damaged, &after, &after_length, NULL));
  g_assert_cmpuint (after_length, ==, before_length);
  g_assert_true (memcmp (before, after, before_length) == 0);
}

/* Our own export imported again adds nothing, and says so; --update
 * updates instead. Dates the file does not explain are asked for. */
static void
test_import_again_and_dates (AmendsTestDb  *db,
                             gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (db->dir, "export.csv", NULL);
  g_autofree char *dates = g_build_filename (db->dir, "dates.csv", NULL);

  g_object_unref (amends_test_add_case (db->store, "Cold soup", NULL));
  g_clear_object (&db->store);

  {
    g_auto(Run) run = { 0 };
    run_amends (&run, "--database", db->path, "--export-csv", csv, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };
    run_amends (&run, "--database", db->path, "--import-csv", csv, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "0 cases imported"));
    g_assert_nonnull (strstr (run.out, "1 case already here left as it was"));
  }
  {
    g_auto(Run) run = { 0 };
    run_amends (&run, "--database", db->path, "--import-csv", csv, "--update", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "1 case already here updated"));
  }

  g_assert_true (g_file_set_contents (dates, "summary,occurred_at\nLate taxi,01/02/2026 10:00\n", -1, NULL));
  {
    g_auto(Run) run = { 0 };
    run_amends (&run, "--database", db->path, "--import-csv", dates, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "--date-order"));
  }
  {
    g_auto(Run) run = { 0 };
    run_amends (&run, "--database", db->path, "--import-csv", dates, "--date-order", "day-first", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "1 case imported"));
  }

  db->store = amends_store_open (db->path, NULL);
  g_assert_cmpint (amends_store_count_cases (db->store, NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define DB_TEST(path, func) \
  g_test_add (path, AmendsTestDb, NULL, amends_test_db_setup, func, amends_test_db_teardown)

  DB_TEST ("/cli/empty-database-path-is-refused-first", test_empty_database_path);
  DB_TEST ("/cli/missing-database-needs-create", test_missing_database_needs_create);
  DB_TEST ("/cli/week-out-of-range-is-refused", test_week_out_of_range);
  DB_TEST ("/cli/backup-and-restore", test_backup_and_restore);
  DB_TEST ("/cli/import-refuses-damaged-database", test_import_refuses_damaged);
  DB_TEST ("/cli/summary-of-damaged-database", test_summary_of_damaged);
  DB_TEST ("/cli/import-again-and-ambiguous-dates", test_import_again_and_dates);

  return g_test_run ();
}
