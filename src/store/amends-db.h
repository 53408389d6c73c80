/* amends-db.h: one connection to a database, SQLite or PostgreSQL
 *
 * The small interface the store is to be written on (issue 16), so that
 * the engine differences stay in two files: amends-db-sqlite.c and
 * amends-db-pg.c.  It has what the store needs and no more: open,
 * transactions, prepared statements with integers, text and NULL, and
 * notifications between connections.
 *
 * The SQL we write uses "?" for its parameters, on both engines; on
 * PostgreSQL they become $1, $2… (outside quotes and comments).  Where the
 * server cannot tell a parameter's type from where it stands (`SELECT ?`,
 * `? IS NULL`, `? + 1`), write CAST(? AS BIGINT) or CAST(? AS TEXT).
 * Integers are BIGINT on PostgreSQL; times are integers (seconds) on both.
 *
 * A new row's id comes back with `INSERT … RETURNING id`, which SQLite
 * (3.35 and newer) has too: see amends_db_stmt_insert().
 *
 * A connection is used by one thread at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AMENDS_DB_ERROR (amends_db_error_quark ())

/**
 * AmendsDbError:
 * @AMENDS_DB_ERROR_FAILED: anything else
 * @AMENDS_DB_ERROR_OFFLINE: the server cannot be reached, or the
 *   connection to it was lost; worth trying again later
 * @AMENDS_DB_ERROR_CONFLICT: a row with the same unique value (a key, a
 *   reference) is there already
 * @AMENDS_DB_ERROR_CONSTRAINT: another rule of the schema said no (a
 *   missing row referred to, a NOT NULL or CHECK constraint)
 * @AMENDS_DB_ERROR_BUSY: another connection holds what is needed, or the
 *   server ended the transaction to break a deadlock or a serialization
 *   failure; roll back and try again
 * @AMENDS_DB_ERROR_DENIED: the file cannot be written, or the server
 *   refused the login or the privilege
 * @AMENDS_DB_ERROR_CORRUPT: the file is not a database or is damaged
 * @AMENDS_DB_ERROR_DISK_FULL: no space left to save the change
 * @AMENDS_DB_ERROR_SQL: a mistake in the SQL itself (syntax, a missing
 *   table or column): a bug, not something the user did
 * @AMENDS_DB_ERROR_PASSWORD: the server wants a password that was not
 *   given, or refused the one given (amends_db_set_password())
 */
typedef enum
{
  AMENDS_DB_ERROR_FAILED,
  AMENDS_DB_ERROR_OFFLINE,
  AMENDS_DB_ERROR_CONFLICT,
  AMENDS_DB_ERROR_CONSTRAINT,
  AMENDS_DB_ERROR_BUSY,
  AMENDS_DB_ERROR_DENIED,
  AMENDS_DB_ERROR_CORRUPT,
  AMENDS_DB_ERROR_DISK_FULL,
  AMENDS_DB_ERROR_SQL,
  AMENDS_DB_ERROR_PASSWORD,
} AmendsDbError;

typedef enum
{
  AMENDS_DB_ENGINE_SQLITE,
  AMENDS_DB_ENGINE_POSTGRESQL,
} AmendsDbEngine;

/**
 * AmendsDbStep:
 * @AMENDS_DB_STEP_ERROR: the statement failed; the error is set
 * @AMENDS_DB_STEP_DONE: no more rows
 * @AMENDS_DB_STEP_ROW: a row is there to read
 */
typedef enum
{
  AMENDS_DB_STEP_ERROR = -1,
  AMENDS_DB_STEP_DONE = 0,
  AMENDS_DB_STEP_ROW = 1,
} AmendsDbStep;

typedef struct _AmendsDb AmendsDb;
typedef struct _AmendsDbStmt AmendsDbStmt;
struct sqlite3;

/**
 * AmendsDbNotifyFunc:
 * @db: the connection that listens
 * @channel: the channel named in LISTEN
 * @payload: the text sent with it ("" when none)
 * @from_self: whether @db itself sent it
 * @user_data: as given to amends_db_set_notify_func()
 *
 * Called on the main context that was the thread's default when
 * amends_db_set_notify_func() was called; never in the middle of another
 * call on @db.  It may query @db, but not close it.
 */
typedef void (*AmendsDbNotifyFunc) (AmendsDb   *db,
                                    const char *channel,
                                    const char *payload,
                                    gboolean    from_self,
                                    gpointer    user_data);

GQuark          amends_db_error_quark             (void);

gboolean        amends_db_location_is_server      (const char          *location);
void            amends_db_set_password            (const char          *location,
                                                   const char          *password);
AmendsDb       *amends_db_open                    (const char          *location,
                                                   GError             **error);
void            amends_db_close                   (AmendsDb            *db);
AmendsDbEngine  amends_db_get_engine              (AmendsDb            *db);
const char     *amends_db_get_display_name        (AmendsDb            *db);
struct sqlite3 *amends_db_get_sqlite              (AmendsDb            *db);

gboolean        amends_db_reconnect               (AmendsDb            *db,
                                                   GError             **error);
gboolean        amends_db_is_lost                 (AmendsDb            *db);

gboolean        amends_db_exec                    (AmendsDb            *db,
                                                   const char          *sql,
                                                   GError             **error);
gboolean        amends_db_begin                   (AmendsDb            *db,
                                                   GError             **error);
gboolean        amends_db_commit                  (AmendsDb            *db,
                                                   GError             **error);
gboolean        amends_db_rollback                (AmendsDb            *db,
                                                   GError             **error);

AmendsDbStmt   *amends_db_prepare                 (AmendsDb            *db,
                                                   const char          *sql,
                                                   GError             **error);
void            amends_db_stmt_free               (AmendsDbStmt        *stmt);
void            amends_db_stmt_bind_int64         (AmendsDbStmt        *stmt,
                                                   int                  index,
                                                   gint64               value);
void            amends_db_stmt_bind_text          (AmendsDbStmt        *stmt,
                                                   int                  index,
                                                   const char          *value);
void            amends_db_stmt_bind_null          (AmendsDbStmt        *stmt,
                                                   int                  index);
AmendsDbStep    amends_db_stmt_step               (AmendsDbStmt        *stmt,
                                                   GError             **error);
void            amends_db_stmt_reset              (AmendsDbStmt        *stmt);
gboolean        amends_db_stmt_execute            (AmendsDbStmt        *stmt,
                                                   GError             **error);
gboolean        amends_db_stmt_insert             (AmendsDbStmt        *stmt,
                                                   gint64              *id,
                                                   GError             **error);
gint64          amends_db_stmt_changes            (AmendsDbStmt        *stmt);
int             amends_db_stmt_n_columns          (AmendsDbStmt        *stmt);
gboolean        amends_db_stmt_column_is_null     (AmendsDbStmt        *stmt,
                                                   int                  column);
gint64          amends_db_stmt_column_int64       (AmendsDbStmt        *stmt,
                                                   int                  column);
const char     *amends_db_stmt_column_text        (AmendsDbStmt        *stmt,
                                                   int                  column);

void            amends_db_set_notify_func         (AmendsDb            *db,
                                                   AmendsDbNotifyFunc   func,
                                                   gpointer             user_data,
                                                   GDestroyNotify       destroy);
gboolean        amends_db_listen                  (AmendsDb            *db,
                                                   const char          *channel,
                                                   GError             **error);
gboolean        amends_db_notify                  (AmendsDb            *db,
                                                   const char          *channel,
                                                   const char          *payload,
                                                   GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsDb, amends_db_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsDbStmt, amends_db_stmt_free)

G_END_DECLS
