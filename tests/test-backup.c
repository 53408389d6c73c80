/* test-backup.c: daily backups, their pruning, and restoring one, on real files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <utime.h>

#include "amends-backup.h"
#include "amends-test-utils.h"

typedef struct
{
  AmendsTestDb  db;
  char         *folder;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  amends_test_db_setup (&f->db, data);
  f->folder = g_build_filename (f->db.dir, "backups", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->folder, g_free);
  amends_test_db_teardown (&f->db, data);
}

static gint64
count_cases_in (const char *path)
{
  g_autoptr(AmendsStore) store = amends_store_open (path, NULL);

  g_assert_nonnull (store);
  return amends_store_count_cases (store, NULL);
}

static GDateTime *
day (int year,
     int month,
     int day_of_month)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();

  return g_date_time_new (zone, year, month, day_of_month, 9, 0, 0);
}

/* A backup taken while the store is open holds what was committed, is
 * readable only by the user, and stands alone: no -wal beside it. */
static void
test_write_and_check (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->folder, "copy.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  for (guint i = 0; i < 3; i++)
    g_object_unref (amends_test_add_case (f->db.store, "Cold soup", NULL));

  g_assert_true (amends_backup_write (f->db.path, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (amends_backup_check (path, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (count_cases_in (path), ==, 3);
}

/* The first start of a day takes the day's backup; later starts do not. */
static void
test_daily_once (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) today = day (2026, 11, 27);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;

  first = amends_backup_daily (f->db.path, f->folder, today, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  base = g_path_get_basename (first);
  g_assert_true (g_str_has_suffix (base, "-2026-11-27.db"));

  second = amends_backup_daily (f->db.path, f->folder, today, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (second);

  listed = amends_backup_list (f->db.path, f->folder);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (listed->pdata[0], ==, first);
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* A copy stopped (Amends quits while it copies) leaves nothing behind,
 * and the next start takes the day's backup all the same. */
static void
test_daily_cancelled_leaves_nothing (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GDateTime) today = day (2026, 11, 27);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;

  g_object_unref (amends_test_add_case (f->db.store, "Cold soup", NULL));
  g_cancellable_cancel (cancellable);

  written = amends_backup_daily (f->db.path, f->folder, today, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (written);
  g_assert_cmpuint (count_files (f->folder), ==, 0);
  g_clear_error (&error);

  written = amends_backup_daily (f->db.path, f->folder, today, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (written);
  g_assert_cmpint (count_cases_in (written), ==, 1);
  g_assert_cmpuint (count_files (f->folder), ==, 1);
}

static void
make_partial (const char *path,
              gint64      age_seconds)
{
  struct utimbuf times;

  g_assert_true (g_file_set_contents (path, "half a copy", -1, NULL));
  times.actime = times.modtime = (time_t) (g_get_real_time () / G_USEC_PER_SEC - age_seconds);
  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

/* A partial copy left by a program that was killed is removed by the
 * next day's backup; one that may still be being written is not. */
static void
test_daily_removes_stale_partials (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GDateTime) monday = day (2026, 11, 23);
  g_autoptr(GDateTime) tuesday = day (2026, 11, 24);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = amends_backup_daily (f->db.path, f->folder, monday, NULL, &error);
  g_autofree char *second = NULL;
  g_autofree char *stale = g_strconcat (first, ".partial-OLD123", NULL);
  g_autofree char *stale_journal = g_strconcat (stale, "-journal", NULL);
  g_autofree char *fresh = g_strconcat (first, ".partial-NEW456", NULL);

  g_assert_no_error (error);
  make_partial (stale, 2 * 24 * 60 * 60);
  make_partial (stale_journal, 2 * 24 * 60 * 60);
  make_partial (fresh, 0);

  second = amends_backup_daily (f->db.path, f->folder, tuesday, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (first, G_FILE_TEST_EXISTS));
}

static void
touch_backup (Fixture    *f,
              const char *stem,
              GDateTime  *when)
{
  g_autofree char *date = g_date_time_format (when, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("%s-%s.db", stem, date);
  g_autofree char *path = g_build_filename (f->folder, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (f->folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "x", 1, NULL));
}

/* Seventy days of daily backups, worked out by hand on the calendar:
 * kept are the seven days up to today (21–27 Nov) and, of the 49 days
 * before them, the newest of each ISO week within eight weeks of today.
 * 2026-11-27 is a Friday of W48; 20 Nov (Fri, W47) is 7 days old, the
 * first not kept as a day.  Eight weeks are 56 days: back to 3 Oct
 * (Sat, W40), 55 days old.  The newest of each week from 20 Nov back:
 * W47 20 Nov, W46 15 Nov, W45 8 Nov, W44 1 Nov, W43 25 Oct, W42 18 Oct,
 * W41 11 Oct, W40 4 Oct. */
static void
test_prune_keeps_days_and_weeks (Fixture       *f,
                                 gconstpointer  data)
{
  static const char *kept[] = {
    "2026-11-27", "2026-11-26", "2026-11-25", "2026-11-24", "2026-11-23", "2026-11-22", "2026-11-21",
    "2026-11-20", "2026-11-15", "2026-11-08", "2026-11-01", "2026-10-25", "2026-10-18", "2026-10-11",
    "2026-10-04",
  };
  g_autoptr(GDateTime) today = day (2026, 11, 27);
  g_autoptr(GPtrArray) left = NULL;
  g_autofree char *probe = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *daily = NULL;
  g_autoptr(GError) error = NULL;
  guint removed;

  /* The stem of this database's backups, from a real one. */
  daily = amends_backup_daily (f->db.path, f->folder, today, NULL, &error);
  g_assert_no_error (error);
  probe = g_path_get_basename (daily);
  stem = g_strndup (probe, strlen (probe) - strlen ("-2026-11-27.db"));

  for (int i = 1; i < 70; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (today, -i);
      touch_backup (f, stem, when);
    }
  /* Another database's backups are not this one's to remove. */
  touch_backup (f, "other", today);

  removed = amends_backup_prune (f->db.path, f->folder, today);
  left = amends_backup_list (f->db.path, f->folder);

  g_assert_cmpuint (left->len, ==, G_N_ELEMENTS (kept));
  g_assert_cmpuint (removed, ==, 70 - G_N_ELEMENTS (kept));
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *name = g_path_get_basename (left->pdata[i]);
      g_autofree char *expected = g_strdup_printf ("%s-%s.db", stem, kept[i]);
      g_assert_cmpstr (name, ==, expected);
    }
  {
    g_autofree char *date = g_date_time_format (today, "%Y-%m-%d");
    g_autofree char *other = g_strdup_printf ("%s/other-%s.db", f->folder, date);
    g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  }
}

/* Restoring puts the backup's cases back and keeps the replaced file. */
static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->folder, "before.db", NULL);
  g_autofree char *replaced = NULL;
  g_autoptr(GError) error = NULL;

  g_object_unref (amends_test_add_case (f->db.store, "Cold soup", NULL));
  g_assert_true (amends_backup_write (f->db.path, backup, &error));
  g_object_unref (amends_test_add_case (f->db.store, "Wrong bill", NULL));
  g_object_unref (amends_test_add_case (f->db.store, "Noisy room", NULL));

  /* Not while the database is open: it says who is in the way. */
  g_assert_false (amends_backup_restore (backup, f->db.path, &replaced, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_null (replaced);
  g_assert_cmpint (amends_store_count_cases (f->db.store, NULL), ==, 3);

  g_clear_object (&f->db.store);
  g_assert_true (amends_backup_restore (backup, f->db.path, &replaced, &error));
  g_assert_no_error (error);
  g_assert_nonnull (replaced);

  g_assert_cmpint (count_cases_in (f->db.path), ==, 1);
  g_assert_cmpint (count_cases_in (replaced), ==, 3);
  f->db.store = amends_store_open (f->db.path, NULL);
}

/* A damaged backup, or a file that is no backup, replaces nothing. */
static void
test_restore_refuses_bad_backups (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *good = g_build_filename (f->folder, "good.db", NULL);
  g_autofree char *damaged = g_build_filename (f->folder, "damaged.db", NULL);
  g_autofree char *text = g_build_filename (f->folder, "notes.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  for (guint i = 0; i < 200; i++)
    g_object_unref (amends_test_add_case (f->db.store, "Cold soup at dinner, again and again", NULL));
  g_assert_true (amends_backup_write (f->db.path, good, &error));

  /* Scribble over the middle of the file: pages of the cases table. */
  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 16384);
  memset (contents + length / 2, 0x5a, 4096);
  g_assert_true (g_file_set_contents (damaged, contents, length, NULL));
  g_assert_true (g_file_set_contents (text, "Not a database at all\n", -1, NULL));

  g_clear_object (&f->db.store);

  g_assert_false (amends_backup_restore (damaged, f->db.path, NULL, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_false (amends_backup_restore (text, f->db.path, NULL, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);

  /* The database is as it was, and nothing was kept aside for nothing. */
  g_assert_cmpint (count_cases_in (f->db.path), ==, 200);
  {
    g_autoptr(GDir) dir = g_dir_open (f->db.dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_null (strstr (name, ".replaced-"));
  }
  f->db.store = amends_store_open (f->db.path, NULL);
}

/* A database on a server (issue 16) is pg_dump's to back up: nothing is
 * written, and no SQLite file is made under the connection string's name
 * in the working folder. */
static void
test_server_location_refused (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *backup = g_build_filename (f->db.dir, "server-backup.db", NULL);
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 11, 16, 9, 0, 0);
  const char *locations[] = {
    "host=/nonexistent dbname=amends user=amends",
    "postgresql://amends@db.example/amends",
  };

  g_assert_no_errno (chdir (f->db.dir));
  for (guint i = 0; i < G_N_ELEMENTS (locations); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *daily = NULL;
      g_autofree char *replaced = NULL;

      g_assert_false (amends_backup_write (locations[i], backup, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
      g_assert_nonnull (strstr (error->message, "pg_dump"));
      g_clear_error (&error);

      daily = amends_backup_daily (locations[i], f->folder, today, NULL, &error);
      g_assert_null (daily);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
      g_clear_error (&error);

      g_assert_false (amends_backup_restore (backup, locations[i], &replaced, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);

      g_assert_false (g_file_test (locations[i], G_FILE_TEST_EXISTS));
    }
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (f->folder, G_FILE_TEST_EXISTS));
  g_assert_no_errno (chdir (cwd));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD_TEST ("/backup/write-and-check", test_write_and_check);
  ADD_TEST ("/backup/daily-once-a-day", test_daily_once);
  ADD_TEST ("/backup/daily-cancelled-leaves-nothing", test_daily_cancelled_leaves_nothing);
  ADD_TEST ("/backup/daily-removes-stale-partials", test_daily_removes_stale_partials);
  ADD_TEST ("/backup/prune-keeps-seven-days-and-eight-weeks", test_prune_keeps_days_and_weeks);
  ADD_TEST ("/backup/restore-keeps-the-replaced-file", test_restore);
  ADD_TEST ("/backup/restore-refuses-bad-backups", test_restore_refuses_bad_backups);
  ADD_TEST ("/backup/server-location-refused", test_server_location_refused);

  return g_test_run ();
}
