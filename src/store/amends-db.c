/* amends-db.c: a connection to SQLite or PostgreSQL, one interface
 *
 * Chooses the engine from the location, checks arguments, and keeps each
 * statement's state the same on both engines: binding a value to a
 * statement that has run starts it afresh (keeping the other values), and
 * stepping a finished one says DONE again rather than running it twice
 * (SQLite would run it again; PostgreSQL has nothing to run).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-db"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-db-private.h"

G_DEFINE_QUARK (amends-db-error-quark, amends_db_error)

/**
 * amends_db_location_is_server:
 * @location: what the user gave as the database
 *
 * Whether @location names a PostgreSQL server: a postgresql:// (or
 * postgres://) URI, or a libpq keyword string such as
 * "host=/run/postgresql dbname=amends".  Anything else is a file for
 * SQLite.
 */
gboolean
amends_db_location_is_server (const char *location)
{
  g_return_val_if_fail (location != NULL, FALSE);

  return g_str_has_prefix (location, "postgresql://") ||
         g_str_has_prefix (location, "postgres://") ||
         amends_db_pg_is_conninfo (location);
}

/**
 * amends_db_open:
 * @location: a file, or a PostgreSQL URI or keyword string
 * @error: where a reason the user can read goes
 *
 * Opens a connection; a SQLite file is made when there is none.  Nothing
 * about Amends' own schema is checked here.  Free every statement before
 * amends_db_close().
 *
 * Returns: (transfer full) (nullable): the connection, or %NULL
 */
AmendsDb *
amends_db_open (const char  *location,
                GError     **error)
{
  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (amends_db_location_is_server (location))
    return amends_db_pg_open (location, error);

  return amends_db_sqlite_open (location, error);
}

void
amends_db_close (AmendsDb *db)
{
  if (db == NULL)
    return;

  if (db->n_stmts > 0)
    g_critical ("amends_db_close: %u statements are still open; free them first", db->n_stmts);

  amends_db_set_notify_func (db, NULL, NULL, NULL);
  g_free (db->display_name);
  db->klass->close (db);
}

AmendsDbEngine
amends_db_get_engine (AmendsDb *db)
{
  g_return_val_if_fail (db != NULL, AMENDS_DB_ENGINE_SQLITE);

  return db->klass->engine;
}

/**
 * amends_db_get_display_name:
 * @db: a connection
 *
 * What to call the database in a window's subtitle or a message: the
 * file's name, or "DBNAME on HOST"; never a password.
 */
const char *
amends_db_get_display_name (AmendsDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);

  return db->display_name;
}

/**
 * amends_db_get_sqlite:
 * @db: a connection
 *
 * The SQLite connection underneath, for what only SQLite has (the backup
 * API, SQL functions written in C); %NULL on PostgreSQL.
 */
struct sqlite3 *
amends_db_get_sqlite (AmendsDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);

  if (db->klass->engine != AMENDS_DB_ENGINE_SQLITE)
    return NULL;

  return amends_db_sqlite_get_handle (db);
}

/**
 * amends_db_is_lost:
 * @db: a connection
 *
 * Whether a call on @db found the server gone (it failed with
 * %AMENDS_DB_ERROR_OFFLINE) and nothing has connected it again since: a
 * worker that keeps a connection between jobs opens a new one then.
 * Always %FALSE on SQLite.
 */
gboolean
amends_db_is_lost (AmendsDb *db)
{
  g_return_val_if_fail (db != NULL, FALSE);

  return db->klass->is_lost != NULL && db->klass->is_lost (db);
}

/**
 * amends_db_reconnect:
 * @db: a connection that failed with %AMENDS_DB_ERROR_OFFLINE
 * @error: return location for an error
 *
 * Connects to the same server again.  The statements stay valid (they are
 * prepared again as they next run) and the channels listened to are
 * listened to again; a transaction that was open is gone, with everything
 * it had written, and must be done again.  Does nothing on SQLite.
 */
gboolean
amends_db_reconnect (AmendsDb  *db,
                     GError   **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (db->klass->reconnect == NULL)
    return TRUE;

  return db->klass->reconnect (db, error);
}

/**
 * amends_db_exec:
 * @db: a connection
 * @sql: one or more statements without parameters
 * @error: return location for an error
 *
 * Runs @sql and throws away any rows; for schema scripts and the like.
 */
gboolean
amends_db_exec (AmendsDb    *db,
                const char  *sql,
                GError     **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return db->klass->exec (db, sql, error);
}

/**
 * amends_db_begin:
 * @db: a connection
 * @error: return location for an error
 *
 * Starts a transaction.  On SQLite it takes the write lock at once
 * (BEGIN IMMEDIATE), so two writers never find out at COMMIT that one of
 * them must start again.  On PostgreSQL, after a statement fails inside a
 * transaction nothing else works until amends_db_rollback().
 */
gboolean
amends_db_begin (AmendsDb  *db,
                 GError   **error)
{
  g_return_val_if_fail (db != NULL, FALSE);

  return amends_db_exec (db, db->klass->begin_sql, error);
}

gboolean
amends_db_commit (AmendsDb  *db,
                  GError   **error)
{
  g_return_val_if_fail (db != NULL, FALSE);

  return amends_db_exec (db, "COMMIT", error);
}

gboolean
amends_db_rollback (AmendsDb  *db,
                    GError   **error)
{
  g_return_val_if_fail (db != NULL, FALSE);

  return amends_db_exec (db, "ROLLBACK", error);
}

/**
 * amends_db_prepare:
 * @db: a connection
 * @sql: one statement, with "?" for each parameter
 * @error: return location for an error
 *
 * Prepares @sql once, to be run many times with other values.  A mistake
 * in @sql is found here, on both engines.
 *
 * Returns: (transfer full) (nullable): the statement, or %NULL
 */
AmendsDbStmt *
amends_db_prepare (AmendsDb    *db,
                   const char  *sql,
                   GError     **error)
{
  AmendsDbStmt *stmt;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = db->klass->prepare (db, sql, error);
  if (stmt != NULL)
    {
      stmt->db = db;
      stmt->state = AMENDS_DB_STMT_READY;
      db->n_stmts++;
    }
  return stmt;
}

void
amends_db_stmt_free (AmendsDbStmt *stmt)
{
  if (stmt == NULL)
    return;

  stmt->db->n_stmts--;
  stmt->db->klass->stmt_free (stmt);
}

/* A statement that ran is reset before new values are bound to it. */
static gboolean
prepare_bind (AmendsDbStmt *stmt,
              int           index)
{
  g_return_val_if_fail (stmt != NULL, FALSE);
  g_return_val_if_fail (index >= 1 && index <= stmt->n_params, FALSE);

  if (stmt->state != AMENDS_DB_STMT_READY)
    amends_db_stmt_reset (stmt);
  return TRUE;
}

/**
 * amends_db_stmt_bind_int64:
 * @stmt: a statement
 * @index: the parameter, counted from 1
 * @value: its value
 */
void
amends_db_stmt_bind_int64 (AmendsDbStmt *stmt,
                           int           index,
                           gint64        value)
{
  if (prepare_bind (stmt, index))
    stmt->db->klass->bind_int64 (stmt, index, value);
}

/**
 * amends_db_stmt_bind_text:
 * @stmt: a statement
 * @index: the parameter, counted from 1
 * @value: (nullable): UTF-8 text, copied; %NULL binds NULL
 */
void
amends_db_stmt_bind_text (AmendsDbStmt *stmt,
                          int           index,
                          const char   *value)
{
  if (!prepare_bind (stmt, index))
    return;

  if (value == NULL)
    stmt->db->klass->bind_null (stmt, index);
  else
    stmt->db->klass->bind_text (stmt, index, value);
}

void
amends_db_stmt_bind_null (AmendsDbStmt *stmt,
                          int           index)
{
  if (prepare_bind (stmt, index))
    stmt->db->klass->bind_null (stmt, index);
}

/**
 * amends_db_stmt_step:
 * @stmt: a statement
 * @error: return location for an error
 *
 * Runs @stmt the first time, and moves to its next row each time.  Reset
 * the statement (or bind a new value) when done with it before the last
 * row: on SQLite a statement that has not finished keeps the file locked
 * for reading.
 */
AmendsDbStep
amends_db_stmt_step (AmendsDbStmt  *stmt,
                     GError       **error)
{
  AmendsDbStep result;

  g_return_val_if_fail (stmt != NULL, AMENDS_DB_STEP_ERROR);
  g_return_val_if_fail (error == NULL || *error == NULL, AMENDS_DB_STEP_ERROR);

  if (stmt->state == AMENDS_DB_STMT_FINISHED)
    return AMENDS_DB_STEP_DONE;

  stmt->state = AMENDS_DB_STMT_RUNNING;
  result = stmt->db->klass->step (stmt, error);
  if (result != AMENDS_DB_STEP_ROW)
    stmt->state = AMENDS_DB_STMT_FINISHED;
  return result;
}

/**
 * amends_db_stmt_reset:
 * @stmt: a statement
 *
 * Makes @stmt ready to run again with the values bound to it, and lets go
 * of its rows (and, on SQLite, of the read lock).
 */
void
amends_db_stmt_reset (AmendsDbStmt *stmt)
{
  g_return_if_fail (stmt != NULL);

  if (stmt->state == AMENDS_DB_STMT_READY)
    return;

  stmt->db->klass->reset (stmt);
  stmt->state = AMENDS_DB_STMT_READY;
}

/**
 * amends_db_stmt_execute:
 * @stmt: a statement
 * @error: return location for an error
 *
 * Runs @stmt to its end, throwing away any rows, and resets it;
 * amends_db_stmt_changes() then says how many rows it changed.
 */
/* Every parameter back to NULL, as SQLite's sqlite3_clear_bindings(). */
void
amends_db_stmt_clear_bindings (AmendsDbStmt *stmt)
{
  g_return_if_fail (stmt != NULL);

  amends_db_stmt_reset (stmt);
  for (int i = 1; i <= stmt->n_params; i++)
    stmt->db->klass->bind_null (stmt, i);
}

gboolean
amends_db_stmt_execute (AmendsDbStmt  *stmt,
                        GError       **error)
{
  AmendsDbStep result;

  g_return_val_if_fail (stmt != NULL, FALSE);

  amends_db_stmt_reset (stmt);
  while ((result = amends_db_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    ;
  amends_db_stmt_reset (stmt);
  return result == AMENDS_DB_STEP_DONE;
}

/**
 * amends_db_stmt_insert:
 * @stmt: an INSERT … RETURNING id
 * @id: (out) (optional): the new row's id
 * @error: return location for an error
 *
 * Runs an insert whose first returned column is the new row's id: the
 * same SQL on both engines, where SQLite's last_insert_rowid() and
 * PostgreSQL's sequences would differ.
 */
gboolean
amends_db_stmt_insert (AmendsDbStmt  *stmt,
                       gint64        *id,
                       GError       **error)
{
  AmendsDbStep result;
  gint64 new_id = 0;

  g_return_val_if_fail (stmt != NULL, FALSE);

  amends_db_stmt_reset (stmt);
  result = amends_db_stmt_step (stmt, error);
  if (result == AMENDS_DB_STEP_ROW)
    {
      new_id = amends_db_stmt_column_int64 (stmt, 0);
      while ((result = amends_db_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
        ;
    }
  else if (result == AMENDS_DB_STEP_DONE)
    {
      g_critical ("amends_db_stmt_insert: the statement returned no id; is RETURNING missing?");
      g_set_error_literal (error, AMENDS_DB_ERROR, AMENDS_DB_ERROR_SQL,
                           "INSERT without RETURNING");
      result = AMENDS_DB_STEP_ERROR;
    }
  amends_db_stmt_reset (stmt);

  if (result != AMENDS_DB_STEP_DONE)
    return FALSE;
  if (id != NULL)
    *id = new_id;
  return TRUE;
}

/**
 * amends_db_stmt_changes:
 * @stmt: a statement that has finished
 *
 * How many rows its last run inserted, updated or deleted.
 */
gint64
amends_db_stmt_changes (AmendsDbStmt *stmt)
{
  g_return_val_if_fail (stmt != NULL, 0);

  return stmt->db->klass->changes (stmt);
}

int
amends_db_stmt_n_columns (AmendsDbStmt *stmt)
{
  g_return_val_if_fail (stmt != NULL, 0);

  return stmt->db->klass->n_columns (stmt);
}

static gboolean
check_column (AmendsDbStmt *stmt,
              int           column)
{
  g_return_val_if_fail (stmt != NULL, FALSE);
  g_return_val_if_fail (stmt->state == AMENDS_DB_STMT_RUNNING, FALSE);
  g_return_val_if_fail (column >= 0 && column < amends_db_stmt_n_columns (stmt), FALSE);
  return TRUE;
}

gboolean
amends_db_stmt_column_is_null (AmendsDbStmt *stmt,
                               int           column)
{
  if (!check_column (stmt, column))
    return TRUE;

  return stmt->db->klass->column_is_null (stmt, column);
}

/**
 * amends_db_stmt_column_int64:
 * @stmt: a statement on a row
 * @column: the column, counted from 0
 *
 * Returns: the value, 0 for NULL; a PostgreSQL boolean reads as 1 or 0
 */
gint64
amends_db_stmt_column_int64 (AmendsDbStmt *stmt,
                             int           column)
{
  if (!check_column (stmt, column))
    return 0;

  return stmt->db->klass->column_int64 (stmt, column);
}

/**
 * amends_db_stmt_column_text:
 * @stmt: a statement on a row
 * @column: the column, counted from 0
 *
 * Returns: (nullable): the value as UTF-8 text, %NULL for NULL; valid until
 *   the next step, reset or free of @stmt
 */
const char *
amends_db_stmt_column_text (AmendsDbStmt *stmt,
                            int           column)
{
  if (!check_column (stmt, column))
    return NULL;

  return stmt->db->klass->column_text (stmt, column);
}

/**
 * amends_db_set_notify_func:
 * @db: a connection
 * @func: (nullable): called for each notification on a channel @db
 *   listens to; %NULL to stop
 * @user_data: for @func
 * @destroy: (nullable): frees @user_data
 *
 * On PostgreSQL, watches the connection's socket from the thread-default
 * main context: a notification arrives without any polling.  SQLite has no
 * notifications; other programs' changes are seen with PRAGMA data_version.
 */
void
amends_db_set_notify_func (AmendsDb           *db,
                           AmendsDbNotifyFunc  func,
                           gpointer            user_data,
                           GDestroyNotify      destroy)
{
  g_return_if_fail (db != NULL);

  if (db->notify_destroy != NULL)
    db->notify_destroy (db->notify_data);

  db->notify_func = func;
  db->notify_data = user_data;
  db->notify_destroy = destroy;

  if (db->klass->watch != NULL)
    db->klass->watch (db);
}

/**
 * amends_db_listen:
 * @db: a connection
 * @channel: a channel name (any text; it is quoted)
 * @error: return location for an error
 *
 * Asks for the notifications sent on @channel.  Does nothing on SQLite.
 */
gboolean
amends_db_listen (AmendsDb    *db,
                  const char  *channel,
                  GError     **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (channel != NULL, FALSE);

  if (db->klass->listen == NULL)
    return TRUE;

  return db->klass->listen (db, channel, error);
}

/**
 * amends_db_notify:
 * @db: a connection
 * @channel: a channel name
 * @payload: (nullable): text for the listeners
 * @error: return location for an error
 *
 * Tells every connection listening on @channel; inside a transaction, when
 * it commits.  Does nothing on SQLite.
 */
gboolean
amends_db_notify (AmendsDb    *db,
                  const char  *channel,
                  const char  *payload,
                  GError     **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (channel != NULL, FALSE);

  if (db->klass->notify == NULL)
    return TRUE;

  return db->klass->notify (db, channel, payload != NULL ? payload : "", error);
}

/* For the engines: hands one notification to the listener. */
void
amends_db_emit_notify (AmendsDb   *db,
                       const char *channel,
                       const char *payload,
                       gboolean    from_self)
{
  if (db->notify_func != NULL)
    db->notify_func (db, channel, payload, from_self, db->notify_data);
}
