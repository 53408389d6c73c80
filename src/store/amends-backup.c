/* amends-backup.c: copies of the database, taken daily and on demand, and restoring one
 *
 * A backup is a whole, self-contained database file, written with
 * SQLite's online backup API from a connection of its own: it is
 * consistent even while the window writes, and it has no -wal file beside
 * it.  Daily copies go to $XDG_DATA_HOME/amends/backups/, named after the
 * database and the day ("amends-2026-11-27.db"); the last seven days are
 * kept, and one a week for eight weeks.
 *
 * Restoring checks the backup (PRAGMA integrity_check, and that it is an
 * Amends database this version can read) before anything is replaced, and
 * keeps the replaced file aside, so that a restore can itself be undone.
 *
 * Nothing here needs the store: a damaged database that the store refuses
 * to write to can still be replaced.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "amends-backup-private.h"
#include "amends-db.h"
#include "amends-schema.h"
#include "amends-store.h"

/* How long a backup waits for a writer that holds the database. */
#define BUSY_TIMEOUT_MS 5000

/* Pages copied between two looks at the cancellable: 4 MB of 4 KB pages. */
#define PAGES_PER_STEP 1024

/* A partial copy this old is no copy in progress but one left behind by
 * a program that stopped (killed, or the computer turned off). */
#define STALE_PARTIAL_SECONDS (60 * 60)

/**
 * amends_backup_get_folder:
 *
 * Returns: (transfer full): where the daily backups go
 */
char *
amends_backup_get_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), "amends", "backups", NULL);
}

/* "amends" for the usual database; another file's name, with a few
 * characters of its folder's hash so that two "cases.db" in different
 * folders do not share their backups. */
static char *
backup_stem (const char *database_path)
{
  g_autofree char *usual = amends_store_get_default_path ();
  g_autofree char *canonical = g_canonicalize_filename (database_path, NULL);
  g_autofree char *base = g_path_get_basename (canonical);
  g_autofree char *hash = NULL;
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';

  if (g_str_equal (canonical, usual))
    return g_steal_pointer (&base);

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, canonical, -1);
  hash[8] = '\0';
  return g_strdup_printf ("%s-%s", base, hash);
}

static char *
daily_name (const char *stem,
            GDateTime  *day)
{
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");

  return g_strdup_printf ("%s-%s.db", stem, date);
}

/* The day of a daily backup's name, or NULL for any other file. */
static GDateTime *
parse_daily_name (const char *stem,
                  const char *name,
                  GTimeZone  *zone)
{
  size_t stem_len = strlen (stem);
  int year = 0, month = 0, day = 0;
  char end = 0;

  if (strncmp (name, stem, stem_len) != 0 || name[stem_len] != '-')
    return NULL;
  if (sscanf (name + stem_len + 1, "%4d-%2d-%2d.d%c", &year, &month, &day, &end) != 4 ||
      end != 'b' || !g_str_has_suffix (name, ".db") || strlen (name) != stem_len + 1 + 13)
    return NULL;

  return g_date_time_new (zone, year, month, day, 0, 0, 0);
}

static int
error_code_of (int code)
{
  switch (code & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:  return AMENDS_STORE_ERROR_BUSY;
    case SQLITE_FULL:    return AMENDS_STORE_ERROR_DISK_FULL;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:  return AMENDS_STORE_ERROR_CORRUPT;
    default:             return AMENDS_STORE_ERROR_FAILED;
    }
}

/* Why a copy failed, in words a person can act on; SQLite's own go to
 * the debug log. */
static const char *
describe_failure (int code)
{
  switch (code & 0xff)
    {
    case SQLITE_FULL:
      return _("the disk is full");
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return _("the folder cannot be written to");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return _("another program kept the database busy");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return _("the database is damaged");
    default:
      return _("the disk could not be read or written");
    }
}

static gboolean
copy_failed (GError    **error,
             int         code,
             const char *from,
             const char *detail)
{
  g_autofree char *name = g_filename_display_name (from);

  g_debug ("Copying %s failed: %s", from, detail);
  g_set_error (error, AMENDS_STORE_ERROR, error_code_of (code),
               /* Translators: a file name, then why, as in "the disk is full" */
               _("The database “%s” could not be copied: %s."), name, describe_failure (code));
  return FALSE;
}

static gboolean
finish_failed (GError    **error,
               int         code,
               const char *to,
               const char *detail)
{
  g_autofree char *name = g_filename_display_name (to);

  g_debug ("Finishing the copy %s failed: %s", to, detail);
  g_set_error (error, AMENDS_STORE_ERROR, error_code_of (code),
               /* Translators: a file name, then why, as in "the disk is full" */
               _("The copy “%s” could not be finished: %s."), name, describe_failure (code));
  return FALSE;
}

/* Copies the pages, a few at a time so that a cancellation is heard
 * within milliseconds.  Busy or locked: a writer is between its pages;
 * wait for it, a little. */
static int
copy_pages (sqlite3_backup *backup,
            GCancellable   *cancellable)
{
  int busy = 0;
  int rc;

  do
    {
      if (g_cancellable_is_cancelled (cancellable))
        return SQLITE_INTERRUPT;

      rc = sqlite3_backup_step (backup, PAGES_PER_STEP);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        {
          if (++busy >= 100)
            return rc;
          sqlite3_sleep (50);
          rc = SQLITE_OK;
        }
    }
  while (rc == SQLITE_OK);

  return rc;
}

/* Copies every page of the database at @from into the new file @to, with
 * a connection of our own, then makes the copy stand alone (no WAL). */
static gboolean
copy_database (const char    *from,
               const char    *to,
               GCancellable  *cancellable,
               GError       **error)
{
  sqlite3 *src = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_open_v2 (from, &src, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (src, BUSY_TIMEOUT_MS);
      rc = sqlite3_open_v2 (to, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    }
  /* One read transaction for the whole copy: copied a step at a time, the
   * pages all come from one moment, and a write by the window meanwhile
   * does not send the copy back to its first page. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (src, "BEGIN; SELECT count(*) FROM sqlite_schema;", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      copy_failed (error, rc, from, src ? sqlite3_errmsg (src) : sqlite3_errstr (rc));
      goto out;
    }

  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      rc = sqlite3_errcode (dest);
      copy_failed (error, rc, from, sqlite3_errmsg (dest));
      goto out;
    }

  rc = copy_pages (backup, cancellable);
  sqlite3_backup_finish (backup);

  if (rc == SQLITE_INTERRUPT)
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      goto out;
    }

  if (rc != SQLITE_DONE)
    {
      copy_failed (error, rc, from, sqlite3_errstr (rc));
      goto out;
    }

  rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      finish_failed (error, rc, to, sqlite3_errmsg (dest));
      goto out;
    }

  ok = TRUE;

out:
  if (sqlite3_close (dest) != SQLITE_OK && ok)
    ok = finish_failed (error, SQLITE_IOERR, to, g_strerror (errno));
  sqlite3_close (src);
  return ok;
}

gboolean
amends_backup_ensure_private_folder (const char  *path,
                       GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (folder);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("The folder “%s” could not be made: %s"), name, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

/* A consistent copy of @from written beside @to under a temporary name,
 * so that @to is replaced whole or not at all (move_into_place()). */
char *
amends_backup_copy_beside (const char    *from,
             const char    *to,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *partial = g_strconcat (to, ".partial-XXXXXX", NULL);
  int fd = g_mkstemp_full (partial, O_RDWR, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (to);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("The file “%s” could not be written: %s"), name, g_strerror (saved));
      return NULL;
    }
  close (fd);

  if (!copy_database (from, partial, cancellable, error))
    {
      g_autofree char *journal = g_strconcat (partial, "-journal", NULL);

      g_unlink (partial);
      g_unlink (journal);
      return NULL;
    }

  return g_steal_pointer (&partial);
}

gboolean
amends_backup_move_into_place (const char  *partial,
                 const char  *to,
                 GError     **error)
{
  int saved;
  g_autofree char *name = NULL;

  if (g_rename (partial, to) == 0)
    return TRUE;

  saved = errno;
  name = g_filename_display_name (to);
  g_unlink (partial);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
               _("The file “%s” could not be written: %s"), name, g_strerror (saved));
  return FALSE;
}

/* A database on a server is backed up by the server's own tools, not by
 * copying a file; nothing is made (a SQLite file named after the
 * connection string, say). */
gboolean
amends_backup_refuse_server (const char  *location,
                             GError     **error)
{
  if (!amends_db_location_is_server (location))
    return FALSE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("A database on a PostgreSQL server is backed up with PostgreSQL’s own tools: pg_dump writes a backup, pg_restore puts one back."));
  return TRUE;
}

/* amends_backup_write(), stopped by @cancellable. */
static gboolean
write_backup (const char    *database_path,
              const char    *backup_path,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *partial = NULL;

  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (amends_backup_refuse_server (database_path, error))
    return FALSE;

  if (!g_file_test (database_path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *name = g_filename_display_name (database_path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no database at “%s”."), name);
      return FALSE;
    }

  if (!amends_backup_ensure_private_folder (backup_path, error))
    return FALSE;

  if (!(partial = amends_backup_copy_beside (database_path, backup_path, cancellable, error)))
    return FALSE;

  return amends_backup_move_into_place (partial, backup_path, error);
}

/**
 * amends_backup_write:
 * @database_path: the database to copy
 * @backup_path: the file to write; replaced if it exists
 *
 * Writes a consistent copy of the database, readable only by the user.
 * The copy is made beside @backup_path and renamed into place, so a
 * failure leaves no half-written backup behind.
 */
gboolean
amends_backup_write (const char  *database_path,
                     const char  *backup_path,
                     GError     **error)
{
  return write_backup (database_path, backup_path, NULL, error);
}

/* Partial copies of this database that nobody is writing any more. */
static void
remove_stale_partials (const char *stem,
                       const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *prefix = g_strconcat (stem, "-", NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, prefix) || strstr (name, ".db.partial-") == NULL)
        continue;

      path = g_build_filename (folder, name, NULL);
      if (g_stat (path, &st) == 0 && now - st.st_mtime > STALE_PARTIAL_SECONDS)
        g_unlink (path);
    }
}

/**
 * amends_backup_daily:
 * @folder: where the backups go (amends_backup_get_folder())
 * @today: the day, in the user's zone
 * @cancellable: (nullable): stops the copy; nothing is left of it
 *
 * Takes today's backup of the database unless there is one already, then
 * lets go of the backups that are no longer kept, and of partial copies
 * left behind by a program that stopped while it copied.
 *
 * Returns: (transfer full) (nullable): the backup written, or %NULL when
 *   today's was there already or on error (with @error set)
 */
char *
amends_backup_daily (const char    *database_path,
                     const char    *folder,
                     GDateTime     *today,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (database_path != NULL && folder != NULL && today != NULL, NULL);

  if (amends_backup_refuse_server (database_path, error))
    return NULL;

  stem = backup_stem (database_path);
  name = daily_name (stem, today);
  path = g_build_filename (folder, name, NULL);

  remove_stale_partials (stem, folder);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;

  if (!write_backup (database_path, path, cancellable, error))
    return NULL;

  amends_backup_prune (database_path, folder, today);
  return g_steal_pointer (&path);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return -g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * amends_backup_list:
 *
 * Returns: (transfer full) (element-type filename): the daily backups of
 *   the database in @folder, newest first
 */
GPtrArray *
amends_backup_list (const char *database_path,
                    const char *folder)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autofree char *stem = backup_stem (database_path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GDateTime) day = parse_daily_name (stem, name, zone);

      if (day != NULL)
        g_ptr_array_add (paths, g_build_filename (folder, name, NULL));
    }

  /* The date is in the name, year first: names sort as days do. */
  g_ptr_array_sort (paths, compare_newest_first);
  return g_steal_pointer (&paths);
}

/**
 * amends_backup_prune:
 * @today: the day, in the user's zone
 *
 * Keeps the backups of the last %AMENDS_BACKUP_KEEP_DAYS days, and of the
 * older ones the newest of each ISO week for %AMENDS_BACKUP_KEEP_WEEKS
 * weeks; removes the rest.
 *
 * Returns: how many were removed
 */
guint
amends_backup_prune (const char *database_path,
                     const char *folder,
                     GDateTime  *today)
{
  g_autoptr(GPtrArray) paths = amends_backup_list (database_path, folder);
  g_autoptr(GHashTable) weeks_kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) midnight = NULL;
  g_autofree char *stem = backup_stem (database_path);
  GTimeZone *zone = g_date_time_get_timezone (today);
  guint removed = 0;

  midnight = g_date_time_new (zone, g_date_time_get_year (today), g_date_time_get_month (today),
                              g_date_time_get_day_of_month (today), 0, 0, 0);

  /* Newest first, so that the first seen of a week is the one kept. */
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *name = g_path_get_basename (paths->pdata[i]);
      g_autoptr(GDateTime) day = parse_daily_name (stem, name, zone);
      g_autofree char *week = NULL;
      int age;

      if (day == NULL)
        continue;

      /* Whole days, counted on the calendar: a day of 23 or 25 hours is a day. */
      age = (int) ((g_date_time_difference (midnight, day) + 12 * G_TIME_SPAN_HOUR) / G_TIME_SPAN_DAY);
      if (age < AMENDS_BACKUP_KEEP_DAYS)
        continue;

      week = g_strdup_printf ("%d-W%02d", g_date_time_get_week_numbering_year (day),
                              g_date_time_get_week_of_year (day));
      if (age < AMENDS_BACKUP_KEEP_WEEKS * 7 && !g_hash_table_contains (weeks_kept, week))
        {
          g_hash_table_add (weeks_kept, g_steal_pointer (&week));
          continue;
        }

      if (g_unlink (paths->pdata[i]) == 0)
        removed++;
    }

  return removed;
}
