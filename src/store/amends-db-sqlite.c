/* amends-db-sqlite.c: AmendsDb on a SQLite file
 *
 * A thin layer: SQLite's statements already work the way AmendsDb's do.
 * What it adds is the error codes and messages, and the count of changes
 * kept with the statement that made them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-db"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "amends-db-private.h"

/* As the store waits for another program holding the file. */
#define SQLITE_BUSY_TIMEOUT_MS 5000

typedef struct
{
  AmendsDb parent;
  sqlite3 *handle;
  char *path;
} AmendsDbSqlite;

typedef struct
{
  AmendsDbStmt parent;
  sqlite3_stmt *handle;
  gint64 changes;
} AmendsDbSqliteStmt;

static const AmendsDbClass sqlite_class;

static AmendsDbError
error_code_for (int rc)
{
  switch (rc)
    {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_ROWID:
      return AMENDS_DB_ERROR_CONFLICT;
    default:
      break;
    }

  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      return AMENDS_DB_ERROR_CONSTRAINT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return AMENDS_DB_ERROR_BUSY;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return AMENDS_DB_ERROR_DENIED;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return AMENDS_DB_ERROR_CORRUPT;
    case SQLITE_FULL:
      return AMENDS_DB_ERROR_DISK_FULL;
    case SQLITE_ERROR:
    case SQLITE_MISUSE:
    case SQLITE_RANGE:
      return AMENDS_DB_ERROR_SQL;
    default:
      return AMENDS_DB_ERROR_FAILED;
    }
}

/* A sentence for the user, with SQLite's own words for the details. */
static void
set_error (GError     **error,
           AmendsDb    *db,
           int          rc,
           const char  *detail)
{
  AmendsDbError code = error_code_for (rc);
  const char *name = db->display_name;

  switch (code)
    {
    case AMENDS_DB_ERROR_CONFLICT:
      g_set_error (error, AMENDS_DB_ERROR, code,
                   _("The database holds such a record already (%s)."), detail);
      break;
    case AMENDS_DB_ERROR_CONSTRAINT:
      g_set_error (error, AMENDS_DB_ERROR, code,
                   _("The database refused the change (%s)."), detail);
      break;
    case AMENDS_DB_ERROR_BUSY:
      g_set_error (error, AMENDS_DB_ERROR, code,
                   _("Another program is using the database “%s”. Try again in a moment."), name);
      break;
    case AMENDS_DB_ERROR_DENIED:
      g_set_error (error, AMENDS_DB_ERROR, code,
                   _("The database “%s” cannot be written (%s)."), name, detail);
      break;
    case AMENDS_DB_ERROR_CORRUPT:
      g_set_error (error, AMENDS_DB_ERROR, code,
                   _("“%s” is damaged or is not a database."), name);
      break;
    case AMENDS_DB_ERROR_DISK_FULL:
      g_set_error (error, AMENDS_DB_ERROR, code,
                   _("There is no space left to save to “%s”."), name);
      break;
    case AMENDS_DB_ERROR_SQL:
      g_set_error (error, AMENDS_DB_ERROR, code,
                   _("The database did not understand a request from Amends (%s)."), detail);
      break;
    case AMENDS_DB_ERROR_OFFLINE:
    case AMENDS_DB_ERROR_FAILED:
    default:
      g_set_error (error, AMENDS_DB_ERROR, code,
                   _("Amends cannot use the database “%s” (%s)."), name, detail);
      break;
    }
}

static void
set_error_from_handle (GError   **error,
                       AmendsDb  *db,
                       int        rc)
{
  AmendsDbSqlite *self = (AmendsDbSqlite *) db;

  set_error (error, db, rc, sqlite3_errmsg (self->handle));
}

static void
sqlite_close (AmendsDb *db)
{
  AmendsDbSqlite *self = (AmendsDbSqlite *) db;

  if (sqlite3_close (self->handle) != SQLITE_OK)
    g_critical ("A SQLite connection was closed with statements still open");
  g_free (self->path);
  g_free (self);
}

static gboolean
sqlite_exec (AmendsDb    *db,
             const char  *sql,
             GError     **error)
{
  AmendsDbSqlite *self = (AmendsDbSqlite *) db;
  int rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_error_from_handle (error, db, sqlite3_extended_errcode (self->handle));
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text) && *text != ';')
      return FALSE;
  return TRUE;
}

static AmendsDbStmt *
sqlite_prepare (AmendsDb    *db,
                const char  *sql,
                GError     **error)
{
  AmendsDbSqlite *self = (AmendsDbSqlite *) db;
  AmendsDbSqliteStmt *stmt;
  sqlite3_stmt *handle = NULL;
  const char *tail = NULL;
  int rc;

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &handle, &tail);
  if (rc != SQLITE_OK)
    {
      set_error_from_handle (error, db, rc);
      return NULL;
    }

  /* Both engines take one statement at a time. */
  if (handle == NULL || (tail != NULL && !is_blank (tail)))
    {
      sqlite3_finalize (handle);
      set_error (error, db, SQLITE_MISUSE,
                 handle == NULL ? "no statement" : "more than one statement");
      return NULL;
    }

  stmt = g_new0 (AmendsDbSqliteStmt, 1);
  stmt->handle = handle;
  stmt->parent.sqlite = handle;
  stmt->parent.n_params = sqlite3_bind_parameter_count (handle);
  return &stmt->parent;
}

static void
sqlite_stmt_free (AmendsDbStmt *stmt)
{
  AmendsDbSqliteStmt *self = (AmendsDbSqliteStmt *) stmt;

  sqlite3_finalize (self->handle);
  g_free (self);
}

static void
sqlite_bind_int64 (AmendsDbStmt *stmt,
                   int           index,
                   gint64        value)
{
  sqlite3_bind_int64 (((AmendsDbSqliteStmt *) stmt)->handle, index, value);
}

static void
sqlite_bind_text (AmendsDbStmt *stmt,
                  int           index,
                  const char   *value)
{
  sqlite3_bind_text (((AmendsDbSqliteStmt *) stmt)->handle, index, value, -1, SQLITE_TRANSIENT);
}

static void
sqlite_bind_null (AmendsDbStmt *stmt,
                  int           index)
{
  sqlite3_bind_null (((AmendsDbSqliteStmt *) stmt)->handle, index);
}

static AmendsDbStep
sqlite_step (AmendsDbStmt  *stmt,
             GError       **error)
{
  AmendsDbSqliteStmt *self = (AmendsDbSqliteStmt *) stmt;
  AmendsDbSqlite *db = (AmendsDbSqlite *) stmt->db;
  int rc = sqlite3_step (self->handle);

  switch (rc)
    {
    case SQLITE_ROW:
      return AMENDS_DB_STEP_ROW;
    case SQLITE_DONE:
      /* sqlite3_changes() is the connection's latest write, which a
       * SELECT does not change. */
      self->changes = sqlite3_stmt_readonly (self->handle) ? 0 : sqlite3_changes64 (db->handle);
      return AMENDS_DB_STEP_DONE;
    default:
      set_error_from_handle (error, stmt->db, rc);
      return AMENDS_DB_STEP_ERROR;
    }
}

static void
sqlite_reset (AmendsDbStmt *stmt)
{
  /* Its error, if any, was reported by the step that failed. */
  sqlite3_reset (((AmendsDbSqliteStmt *) stmt)->handle);
}

static gint64
sqlite_changes (AmendsDbStmt *stmt)
{
  return ((AmendsDbSqliteStmt *) stmt)->changes;
}

static int
sqlite_n_columns (AmendsDbStmt *stmt)
{
  return sqlite3_column_count (((AmendsDbSqliteStmt *) stmt)->handle);
}

static gboolean
sqlite_column_is_null (AmendsDbStmt *stmt,
                       int           column)
{
  return sqlite3_column_type (((AmendsDbSqliteStmt *) stmt)->handle, column) == SQLITE_NULL;
}

static gint64
sqlite_column_int64 (AmendsDbStmt *stmt,
                     int           column)
{
  return sqlite3_column_int64 (((AmendsDbSqliteStmt *) stmt)->handle, column);
}

static const char *
sqlite_column_text (AmendsDbStmt *stmt,
                    int           column)
{
  return (const char *) sqlite3_column_text (((AmendsDbSqliteStmt *) stmt)->handle, column);
}

static const AmendsDbClass sqlite_class = {
  .engine = AMENDS_DB_ENGINE_SQLITE,
  .begin_sql = "BEGIN IMMEDIATE",
  .close = sqlite_close,
  .exec = sqlite_exec,
  .prepare = sqlite_prepare,
  .stmt_free = sqlite_stmt_free,
  .bind_int64 = sqlite_bind_int64,
  .bind_text = sqlite_bind_text,
  .bind_null = sqlite_bind_null,
  .step = sqlite_step,
  .reset = sqlite_reset,
  .changes = sqlite_changes,
  .n_columns = sqlite_n_columns,
  .column_is_null = sqlite_column_is_null,
  .column_int64 = sqlite_column_int64,
  .column_text = sqlite_column_text,
};

/* SQLite opens a file lazily; reading its schema finds at once a file
 * that is not a database. */
static gboolean
sqlite_setup (AmendsDb  *db,
              GError   **error)
{
  AmendsDbSqlite *self = (AmendsDbSqlite *) db;

  sqlite3_extended_result_codes (self->handle, TRUE);
  sqlite3_busy_timeout (self->handle, SQLITE_BUSY_TIMEOUT_MS);
  return sqlite_exec (db, "PRAGMA foreign_keys = ON; SELECT count(*) FROM sqlite_schema;", error);
}

/* A file's name for messages, also from a URI such as the store's
 * file:///…/amends.db?mode=ro. */
static char *
describe (const char *location)
{
  if (g_str_has_prefix (location, "file:"))
    {
      g_autofree char *uri = g_strndup (location, strcspn (location, "?#"));
      g_autofree char *path = g_filename_from_uri (uri, NULL, NULL);

      if (path != NULL)
        return g_filename_display_basename (path);
    }
  return g_filename_display_basename (location);
}

/* @path may also be a file: URI, as SQLite reads them, for the store's
 * read-only connections (?mode=ro). */
AmendsDb *
amends_db_sqlite_open (const char  *path,
                       GError     **error)
{
  AmendsDbSqlite *self = g_new0 (AmendsDbSqlite, 1);
  AmendsDb *db = &self->parent;
  int rc;

  db->klass = &sqlite_class;
  db->display_name = describe (path);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      /* errno says more than SQLite's "unable to open database file". */
      int saved_errno = self->handle != NULL ? sqlite3_system_errno (self->handle) : 0;
      set_error (error, db, rc,
                 saved_errno != 0 ? g_strerror (saved_errno) : sqlite3_errstr (rc));
      amends_db_close (db);
      return NULL;
    }

  if (!sqlite_setup (db, error))
    {
      amends_db_close (db);
      return NULL;
    }

  return db;
}

struct sqlite3 *
amends_db_sqlite_get_handle (AmendsDb *db)
{
  return ((AmendsDbSqlite *) db)->handle;
}

/**
 * amends_db_sqlite_adopt:
 * @handle: (transfer full): an open SQLite connection
 * @display_name: what to call it in messages
 *
 * Wraps a connection the store opened itself, with the flags, URI and
 * pragmas it chose (read-only, busy timeout, …); closing the AmendsDb
 * closes @handle.
 */
AmendsDb *
amends_db_sqlite_adopt (struct sqlite3 *handle,
                        const char     *display_name)
{
  AmendsDbSqlite *self = g_new0 (AmendsDbSqlite, 1);
  const char *file = sqlite3_db_filename (handle, "main");

  self->parent.klass = &sqlite_class;
  self->parent.display_name = g_strdup (display_name);
  self->path = g_strdup (file != NULL ? file : "");
  self->handle = handle;
  return &self->parent;
}

/**
 * amends_db_sqlite_adopt_stmt:
 * @db: the connection @handle was prepared on
 * @handle: (transfer full): a statement the store prepared itself
 *
 * Wraps a statement prepared with the store's own error handling, so
 * that the store reports SQLite's failures exactly as it always has.
 */
AmendsDbStmt *
amends_db_sqlite_adopt_stmt (AmendsDb            *db,
                             struct sqlite3_stmt *handle)
{
  AmendsDbSqliteStmt *stmt = g_new0 (AmendsDbSqliteStmt, 1);

  stmt->handle = handle;
  stmt->parent.sqlite = handle;
  stmt->parent.db = db;
  stmt->parent.state = AMENDS_DB_STMT_READY;
  stmt->parent.n_params = sqlite3_bind_parameter_count (handle);
  db->n_stmts++;
  return &stmt->parent;
}
