/* amends-backup-restore.c: checking a backup, and putting it in the database's place
 *
 * A backup is checked before it is trusted: it must be an Amends database
 * (its application id), pass PRAGMA integrity_check and not be from a newer
 * version.  Restoring puts a copy of it in the database's place, keeping
 * the database as it was beside it (".replaced-STAMP"), so that nothing is
 * lost by restoring the wrong day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-backup-restore"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "amends-backup-private.h"
#include "amends-schema.h"
#include "amends-store.h"

static gboolean
query_text (sqlite3     *db,
            const char  *sql,
            char       **text)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      ok = TRUE;
    }
  sqlite3_finalize (stmt);

  return ok;
}

/**
 * amends_backup_check:
 *
 * Checks that @backup_path is a whole Amends database that this version
 * can open: nothing is replaced with a file that fails this.
 */
gboolean
amends_backup_check (const char  *backup_path,
                     GError     **error)
{
  g_autofree char *name = g_filename_display_basename (backup_path);
  g_autofree char *file_uri = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *integrity = NULL;
  g_autofree char *application_id = NULL;
  g_autofree char *version = NULL;
  g_autofree char *has_cases = NULL;
  sqlite3 *db = NULL;
  gboolean ok = FALSE;
  int rc;

  if (!g_file_test (backup_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no backup at “%s”."), name);
      return FALSE;
    }

  /* Read-only and immutable: checking a backup writes nothing to it, not
   * even a -shm file beside it. */
  file_uri = g_filename_to_uri (backup_path, NULL, NULL);
  uri = g_strconcat (file_uri, "?mode=ro&immutable=1", NULL);
  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    goto not_ours;

  if (!query_text (db, "PRAGMA application_id", &application_id) ||
      atoi (application_id) != AMENDS_SCHEMA_APPLICATION_ID ||
      !query_text (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'cases'", &has_cases) ||
      atoi (has_cases) != 1)
    goto not_ours;

  if (!query_text (db, "PRAGMA user_version", &version) ||
      atoi (version) > amends_schema_get_latest_version ())
    {
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_TOO_NEW,
                   _("The backup “%s” was saved by a newer version of Amends. Update Amends to restore it."),
                   name);
      goto out;
    }

  if (!query_text (db, "PRAGMA integrity_check", &integrity) || g_strcmp0 (integrity, "ok") != 0)
    {
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CORRUPT,
                   _("The backup “%s” is damaged, so it was not restored. Choose an earlier one."),
                   name);
      goto out;
    }

  ok = TRUE;
  goto out;

not_ours:
  g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_A_DATABASE,
               _("The file “%s” is not a backup of an Amends database."), name);

out:
  sqlite3_close (db);
  return ok;
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);

  if (!g_file_copy (source, dest, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS,
                    NULL, NULL, NULL, error))
    return FALSE;

  g_chmod (to, 0600);
  return TRUE;
}

/* Keeps the database about to be replaced, byte for byte with its -wal:
 * it may be damaged, so no SQLite reading of it is relied on. */
static char *
keep_aside (const char  *database_path,
            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = g_strdup_printf ("%s.replaced-%s", database_path, stamp);
  g_autofree char *wal = g_strconcat (database_path, "-wal", NULL);

  if (!copy_file (database_path, aside, error))
    return NULL;

  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *aside_wal = g_strconcat (aside, "-wal", NULL);

      if (!copy_file (wal, aside_wal, error))
        {
          g_unlink (aside);
          return NULL;
        }
    }

  return g_steal_pointer (&aside);
}

/* Nobody else may have the database open while it is replaced: leaving
 * WAL mode needs every other connection gone, so it tells.  A file too
 * damaged to say is replaced all the same. */
static gboolean
take_over (const char  *database_path,
           GError     **error)
{
  sqlite3 *db = NULL;
  char *mode = NULL;
  int rc;

  rc = sqlite3_open_v2 (database_path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
      if (rc == SQLITE_OK && query_text (db, "PRAGMA journal_mode", &mode) &&
          g_ascii_strcasecmp (mode, "delete") != 0)
        rc = SQLITE_BUSY;
    }
  g_free (mode);
  sqlite3_close (db);

  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    {
      g_autofree char *name = g_filename_display_name (database_path);

      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_BUSY,
                   _("Another program is using the database “%s”. Close Amends everywhere it has this database open, then restore again."),
                   name);
      return FALSE;
    }

  return TRUE;
}

/**
 * amends_backup_restore:
 * @backup_path: the backup to restore
 * @database_path: the database it replaces; nothing may have it open
 * @replaced_path: (out) (optional) (nullable): where the database as it
 *   was has been kept, or %NULL when there was none
 *
 * Checks the backup, keeps the database aside, and puts a copy of the
 * backup in its place.  Nothing is replaced when the backup fails its
 * check or the database is in use.
 */
gboolean
amends_backup_restore (const char  *backup_path,
                       const char  *database_path,
                       char       **replaced_path,
                       GError     **error)
{
  g_autofree char *aside = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;

  g_return_val_if_fail (backup_path != NULL && database_path != NULL, FALSE);

  if (replaced_path != NULL)
    *replaced_path = NULL;

  if (amends_backup_refuse_server (database_path, error) ||
      !amends_backup_check (backup_path, error))
    return FALSE;

  if (g_file_test (database_path, G_FILE_TEST_EXISTS))
    {
      if (!(aside = keep_aside (database_path, error)))
        return FALSE;
      if (!take_over (database_path, error))
        {
          g_autofree char *aside_wal = g_strconcat (aside, "-wal", NULL);

          g_unlink (aside);
          g_unlink (aside_wal);
          return FALSE;
        }
    }
  else if (!amends_backup_ensure_private_folder (database_path, error))
    return FALSE;

  if (!(partial = amends_backup_copy_beside (backup_path, database_path, NULL, error)))
    return FALSE;

  /* The old -wal and -shm belong to the old file: the new one must not
   * meet them. */
  wal = g_strconcat (database_path, "-wal", NULL);
  shm = g_strconcat (database_path, "-shm", NULL);
  g_unlink (wal);
  g_unlink (shm);

  if (!amends_backup_move_into_place (partial, database_path, error))
    return FALSE;

  if (replaced_path != NULL)
    *replaced_path = g_steal_pointer (&aside);

  return TRUE;
}
