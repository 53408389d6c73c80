/* amends-store-open.c: opening the database file
 *
 * Looking at the file before SQLite does, opening the connection
 * (read-only when the file or its folder cannot be written), creating a
 * new database whole under another name, the integrity check, the
 * connection's settings and the migrations, with a copy of the file
 * taken before them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "amends-schema.h"
#include "amends-schema-pg.h"
#include "amends-store-private.h"

/* Whether we may make a file in @folder; sets errno when not.  access()
 * says yes to root on a read-only mount; a real file does not lie.
 * SQLite needs the folder for its -wal and -shm files too. */
static gboolean
can_write_folder (const char *folder)
{
  g_autofree char *probe = g_build_filename (folder, ".amends-write-test-XXXXXX", NULL);
  int fd = g_mkstemp_full (probe, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    return FALSE;

  close (fd);
  g_unlink (probe);
  return TRUE;
}

static gboolean
ensure_folder (const char  *path,
               GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *name = g_filename_display_name (folder);
  int saved_errno;

  if (g_mkdir_with_parents (folder, 0700) == 0 && can_write_folder (folder))
    return TRUE;

  saved_errno = errno;
  g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_READ_ONLY,
               _("Amends cannot save in the folder “%s”: %s. Choose a folder you may write to."),
               name, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
can_write (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  return g_access (path, W_OK) == 0 && can_write_folder (folder);
}

/* Looks at the file before SQLite does: SQLite takes an empty file for a
 * new database of its own, and says only "unable to open" of a folder or
 * of a file it may not read. */
static gboolean
inspect_file (AmendsStore  *self,
              gboolean     *exists,
              GError      **error)
{
  g_autofree char *name = g_filename_display_basename (self->path);
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  GStatBuf st, wal_st;
  int saved_errno;
  int fd;

  *exists = FALSE;

  if (g_stat (self->path, &st) != 0)
    {
      saved_errno = errno;
      if (saved_errno == ENOENT)
        return TRUE;

      g_set_error (error, AMENDS_STORE_ERROR,
                   saved_errno == EACCES ? AMENDS_STORE_ERROR_UNREADABLE : AMENDS_STORE_ERROR_FAILED,
                   _("Amends cannot open “%s”: %s."), name, g_strerror (saved_errno));
      return FALSE;
    }

  *exists = TRUE;

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is a folder, not an Amends database. Choose the database file itself."),
                   name);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a file, so it is not an Amends database."), name);
      return FALSE;
    }

  fd = g_open (self->path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_UNREADABLE,
                   _("Amends may not read “%s” (%s). Ask whoever looks after this computer to let you open the file."),
                   name, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  /* All of a database can still be in its -wal file when the program
   * that made it stopped before writing it into the file itself. */
  if (st.st_size == 0 && (g_stat (wal, &wal_st) != 0 || wal_st.st_size == 0))
    {
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is empty, not an Amends database. Amends makes a new database only where there is no file: choose another name, or remove the empty file."),
                   name);
      return FALSE;
    }

  return TRUE;
}

static char *
make_uri (const char *path,
          const char *query)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);

  if (uri == NULL)
    return NULL;

  return query ? g_strconcat (uri, "?", query, NULL) : g_steal_pointer (&uri);
}

/* Read-only, a connection to a WAL database makes -wal and -shm files
 * beside it, and never removes them.  Where there are none, nobody is
 * writing and nothing waits in a -wal file: then the file is read as it
 * is, with no locks and nothing made beside it. */
static char *
make_read_only_uri (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  return make_uri (path, g_file_test (wal, G_FILE_TEST_EXISTS) ? "mode=ro" : "mode=ro&immutable=1");
}

static gboolean
open_connection (AmendsStore  *self,
                 gboolean      read_only,
                 GError      **error)
{
  int flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
  int rc;

  g_clear_pointer (&self->uri, g_free);
  self->uri = read_only ? make_read_only_uri (self->path) : make_uri (self->path, NULL);
  if (self->uri == NULL)
    {
      g_autofree char *name = g_filename_display_basename (self->path);
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_FAILED,
                   _("Amends cannot open “%s”: the name cannot be used."), name);
      return FALSE;
    }

  flags |= read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  rc = sqlite3_open_v2 (self->uri, &self->db, flags, NULL);

  /* First of all, before anything is read: another program may hold the
   * file for a moment, and a read without a busy timeout fails at once. */
  if (self->db != NULL)
    {
      sqlite3_extended_result_codes (self->db, TRUE);
      sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
    }

  if (rc != SQLITE_OK)
    {
      amends_store_set_error_from_code (error, rc, self->path,
                                        self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }

  /* The AmendsDb owns the handle from now on; self->db borrows it. */
  {
    g_autofree char *name = g_filename_display_basename (self->path);

    self->conn = amends_db_sqlite_adopt (self->db, name);
  }
  self->read_only = read_only;
  return TRUE;
}

/* @keep_wal: leave the -wal file as it was found; closing the last
 * connection would otherwise copy what waits in it into the file. */
static gboolean
reopen_read_only (AmendsStore  *self,
                  gboolean      keep_wal,
                  GError      **error)
{
  if (keep_wal)
    sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

  /* The old connection first, so that the new one finds the -wal file as
   * the file's last user left it.  If the new one cannot be opened (the
   * file renamed meanwhile), the store has none: every call then says
   * the database cannot be read (amends_store_prepare_once()). */
  g_hash_table_remove_all (self->statements);
  g_clear_pointer (&self->update_cache, amends_update_cache_free);
  self->db = NULL;
  g_clear_pointer (&self->conn, amends_db_close);

  return open_connection (self, TRUE, error);
}

/* A new database is made whole under another name and then linked into
 * place: another program opening the same path at the same moment never
 * finds it empty or half made, and if one of them made it first, theirs
 * is the one used. */
static gboolean
create_database (AmendsStore  *self,
                 GError      **error)
{
  g_autofree char *folder = g_path_get_dirname (self->path);
  g_autofree char *base = g_path_get_basename (self->path);
  g_autofree char *dot_base = g_strconcat (".", base, ".new-XXXXXX", NULL);
  g_autofree char *temp = g_build_filename (folder, dot_base, NULL);
  g_autofree char *folder_name = g_filename_display_name (folder);
  sqlite3 *db = NULL;
  gboolean ok = FALSE;
  int fd;
  int rc;

  if (!ensure_folder (self->path, error))
    return FALSE;

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_READ_ONLY,
                   _("Amends cannot save in the folder “%s”: %s. Choose a folder you may write to."),
                   folder_name, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (temp, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, TRUE);
      rc = sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    amends_store_set_error_from_code (error, rc, self->path, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  else
    ok = amends_schema_migrate (db, 0, amends_schema_get_latest_version (), error);

  /* The last connection writes the -wal file into the database and
   * removes it, so the file is whole on its own. */
  sqlite3_close (db);

  if (ok && link (temp, self->path) != 0 && errno != EEXIST)
    {
      int saved_errno = errno;

      /* A file system without hard links (FAT, some network shares). */
      if (!g_file_test (self->path, G_FILE_TEST_EXISTS) && g_rename (temp, self->path) == 0)
        return TRUE;

      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_READ_ONLY,
                   _("Amends cannot save in the folder “%s”: %s. Choose a folder you may write to."),
                   folder_name, g_strerror (saved_errno));
      ok = FALSE;
    }

  g_unlink (temp);
  return ok;
}

/* Reads the header only: nothing here writes to the file, so a file we
 * refuse is left exactly as it was. */
static gboolean
check_file (AmendsStore  *self,
            int          *version,
            GError      **error)
{
  g_autofree char *name = g_filename_display_basename (self->path);
  int application_id = 0;
  int n_objects = 0;

  if (!amends_store_query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error) ||
      !amends_store_query_int (self, "PRAGMA application_id", &application_id, error) ||
      !amends_store_query_int (self, "PRAGMA user_version", version, error))
    return FALSE;

  if ((application_id != 0 && application_id != AMENDS_SCHEMA_APPLICATION_ID) ||
      (application_id == 0 && n_objects > 0))
    {
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_A_DATABASE,
                   _("The file “%s” is a database of another program, not of Amends."), name);
      return FALSE;
    }

  if (*version > amends_schema_get_latest_version ())
    {
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was saved by a newer version of Amends. Update Amends to open it."),
                   name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_damage (AmendsStore  *self,
              gboolean     *damaged,
              GError      **error)
{
  int rc = amends_store_quick_check (self->db, self->path, damaged);

  if (rc != SQLITE_OK)
    return amends_store_set_error (self, rc, error);

  return TRUE;
}

/* Nothing more is written to a damaged file: not a migration, not an
 * edit, not what waits in its -wal file (@wal_existed: there was one
 * when the file was opened). */
gboolean
amends_store_turn_damaged (AmendsStore  *self,
                           gboolean      wal_existed,
                           GError      **error)
{
  self->damaged = TRUE;

  if (self->read_only)
    return TRUE;

  return reopen_read_only (self, wal_existed, error);
}

static gboolean
query_text_is (AmendsStore *self,
               const char  *sql,
               const char  *expected)
{
  sqlite3_stmt *stmt = NULL;
  gboolean is = FALSE;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    is = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), expected) == 0;
  sqlite3_finalize (stmt);

  return is;
}

/* Only a file that opening will not write to: no migration to run, and
 * already in WAL mode (or read-only), so that nothing reaches the file
 * before the verdict. */
static gboolean
can_check_later (AmendsStore *self,
                 int          version)
{
  return version == amends_schema_get_latest_version () &&
         (self->read_only || query_text_is (self, "PRAGMA journal_mode", "wal"));
}

static gboolean
configure_connection (AmendsStore  *self,
                      GError      **error)
{
  int mode = 0;

  /* synchronous stays FULL (Debian's default): a saved edit survives a
   * power cut.  WAL is kept in the file: a read-only one stays as it is. */
  if (!self->read_only && !amends_store_exec_plain (self, "PRAGMA journal_mode = WAL;", error))
    return FALSE;

  /* Statement journals in memory: every nested step (a savepoint per
   * insert) otherwise writes the pages it touches to a temporary file;
   * a 100,000-row import spent 4.6 of its 12.6 s in those writes. */
  return amends_store_exec_plain (self, "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;", error) &&
         amends_store_query_int (self, "PRAGMA foreign_keys", &mode, error);
}

static gboolean
backup_before_migration (AmendsStore  *self,
                         int           version,
                         GError      **error)
{
  g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", self->path, version);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_unlink (backup);
  rc = sqlite3_prepare_v2 (self->db, "VACUUM INTO ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_bind_text (stmt, 1, backup, -1, SQLITE_TRANSIENT);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    return amends_store_set_error (self, rc, error);

  g_chmod (backup, 0600);
  return TRUE;
}

static gboolean
migrate (AmendsStore  *self,
         int           version,
         GError      **error)
{
  g_autofree char *name = g_filename_display_basename (self->path);

  if (version >= amends_schema_get_latest_version ())
    return TRUE;

  if (self->damaged)
    {
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged, and it was saved by an older version of Amends, which this one cannot read without changing the file. Restore it from a backup."),
                   name);
      return FALSE;
    }

  if (self->read_only)
    {
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_READ_ONLY,
                   _("The database “%s” was saved by an older version of Amends and must be brought up to date, but Amends may not change the file or its folder."),
                   name);
      return FALSE;
    }

  if (version > 0 && !backup_before_migration (self, version, error))
    return FALSE;

  return amends_schema_migrate (self->db, version, amends_schema_get_latest_version (), error);
}

static gboolean
amends_store_open_file (AmendsStore           *self,
                        AmendsStoreOpenFlags   flags,
                        GError               **error)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  gboolean exists = FALSE;
  gboolean wal_existed;
  gboolean damaged = FALSE;
  int version = 0;

  if (!inspect_file (self, &exists, error))
    return FALSE;

  /* Another program may have made it first, or put something else there. */
  if (!exists &&
      (!create_database (self, error) || !inspect_file (self, &exists, error)))
    return FALSE;

  wal_existed = g_file_test (wal, G_FILE_TEST_EXISTS);
  if (!open_connection (self, !can_write (self->path), error))
    return FALSE;

  /* On a read-only disk even root's connection is read-only, quietly. */
  if (!self->read_only && sqlite3_db_readonly (self->db, "main") == 1 &&
      !reopen_read_only (self, TRUE, error))
    return FALSE;

  if (!check_file (self, &version, error))
    return FALSE;

  if ((flags & AMENDS_STORE_OPEN_CHECK_LATER) != 0 && can_check_later (self, version))
    self->check = amends_store_check_new (self, wal_existed);
  else if (!check_damage (self, &damaged, error) ||
           (damaged && !amends_store_turn_damaged (self, wal_existed, error)))
    return FALSE;

  if (!configure_connection (self, error) ||
      !migrate (self, version, error))
    return FALSE;

  amends_store_start_watching (self);

  return TRUE;
}

/* A database on a PostgreSQL server (issue 16): brought to this version's
 * schema under the server's own lock, or refused untouched if newer or
 * not Amends'.  Nothing of a file's care applies: no integrity check (the
 * server keeps its pages), no WAL, no backup before migrating (that is
 * pg_dump's job, and the migration is one transaction). */
static gboolean
amends_store_open_server (AmendsStore  *self,
                          GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  self->conn = amends_db_open (self->path, &local_error);
  if (self->conn == NULL ||
      !amends_schema_pg_migrate (self->conn, &local_error))
    {
      amends_store_error_from_db (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->uri = g_strdup (self->path);
  amends_store_start_watching (self);
  return TRUE;
}

/**
 * amends_store_get_default_path:
 *
 * Returns: (transfer full): where the database lives unless told otherwise
 */
char *
amends_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "amends", "amends.db", NULL);
}

/**
 * amends_store_open:
 * @path: the database file; created (with its folder) when missing
 *
 * Opens the database, bringing an older one up to date after taking a
 * copy of it beside the file.  A file that is not an Amends database (an
 * empty file, a folder), one from a newer Amends, one that cannot be
 * read, or a new one in a folder that cannot be written is refused with
 * an #AmendsStoreError, and the file is not touched.
 *
 * A damaged database (PRAGMA quick_check) or one that cannot be written
 * is opened read-only: see amends_store_get_damaged() and
 * amends_store_get_read_only().
 *
 * Like its connection, the store belongs to the thread that opens it; it
 * looks for other programs' changes from that thread's main context.
 */
AmendsStore *
amends_store_open (const char  *path,
                   GError     **error)
{
  return amends_store_open_full (path, AMENDS_STORE_OPEN_DEFAULT, error);
}

/**
 * amends_store_open_full:
 * @flags: %AMENDS_STORE_OPEN_CHECK_LATER to open without waiting for
 *   PRAGMA quick_check
 *
 * Opens the database as amends_store_open() does.  With
 * %AMENDS_STORE_OPEN_CHECK_LATER the integrity check, which reads every
 * page of the file, is left for later: amends_store_check_integrity()
 * runs it in a thread, and the first write waits for its verdict (running
 * it then if nobody has started it).  A damaged file turns read-only
 * when the verdict comes, with notifications of #AmendsStore:damaged,
 * #AmendsStore:read-only and #AmendsStore:checking.  A file that opening
 * would write to (a migration to run) is checked at once all the same.
 */
AmendsStore *
amends_store_open_full (const char            *path,
                        AmendsStoreOpenFlags   flags,
                        GError               **error)
{
  g_autoptr(AmendsStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (AMENDS_TYPE_STORE, "path", path, NULL);
  if (amends_db_location_is_server (path))
    {
      if (!amends_store_open_server (self, error))
        return NULL;
    }
  else if (!amends_store_open_file (self, flags, error))
    return NULL;

  return g_steal_pointer (&self);
}
