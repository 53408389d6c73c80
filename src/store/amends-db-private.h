/* amends-db-private.h: what each engine of AmendsDb implements
 *
 * amends-db.c checks the arguments and keeps a statement's state (ready,
 * running, done); an engine only does the work.  Each engine's connection
 * and statement start with AmendsDb and AmendsDbStmt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "amends-db.h"

G_BEGIN_DECLS

typedef struct
{
  AmendsDbEngine engine;
  const char *begin_sql;

  void          (*close)         (AmendsDb      *db);
  gboolean      (*exec)          (AmendsDb      *db,
                                  const char    *sql,
                                  GError       **error);
  AmendsDbStmt *(*prepare)       (AmendsDb      *db,
                                  const char    *sql,
                                  GError       **error);
  void          (*stmt_free)     (AmendsDbStmt  *stmt);
  void          (*bind_int64)    (AmendsDbStmt  *stmt,
                                  int            index,
                                  gint64         value);
  void          (*bind_text)     (AmendsDbStmt  *stmt,
                                  int            index,
                                  const char    *value);
  void          (*bind_null)     (AmendsDbStmt  *stmt,
                                  int            index);
  AmendsDbStep  (*step)          (AmendsDbStmt  *stmt,
                                  GError       **error);
  void          (*reset)         (AmendsDbStmt  *stmt);
  gint64        (*changes)       (AmendsDbStmt  *stmt);
  int           (*n_columns)     (AmendsDbStmt  *stmt);
  gboolean      (*column_is_null)(AmendsDbStmt  *stmt,
                                  int            column);
  gint64        (*column_int64)  (AmendsDbStmt  *stmt,
                                  int            column);
  const char   *(*column_text)   (AmendsDbStmt  *stmt,
                                  int            column);
  /* Engines without notifications leave these NULL. */
  void          (*watch)         (AmendsDb      *db);
  gboolean      (*listen)        (AmendsDb      *db,
                                  const char    *channel,
                                  GError       **error);
  gboolean      (*notify)        (AmendsDb      *db,
                                  const char    *channel,
                                  const char    *payload,
                                  GError       **error);
  /* Engines without a connection to lose leave it NULL. */
  gboolean      (*reconnect)     (AmendsDb      *db,
                                  GError       **error);
  gboolean      (*is_lost)       (AmendsDb      *db);
} AmendsDbClass;

struct _AmendsDb
{
  const AmendsDbClass *klass;
  char *display_name;
  /* Told when the connection to a server is found lost, by a statement
   * or by the socket's watch; NULL when nobody asked. */
  void (*lost_func) (AmendsDb *db, gpointer user_data);
  gpointer lost_data;
  guint n_stmts;

  AmendsDbNotifyFunc notify_func;
  gpointer notify_data;
  GDestroyNotify notify_destroy;
};

typedef enum
{
  AMENDS_DB_STMT_READY,
  AMENDS_DB_STMT_RUNNING,
  AMENDS_DB_STMT_FINISHED,
} AmendsDbStmtState;

struct _AmendsDbStmt
{
  AmendsDb *db;
  AmendsDbStmtState state;
  int n_params;
  /* SQLite's statement underneath, NULL on PostgreSQL: the store's
   * amends-stmt.h calls SQLite straight through it, so that the embedded
   * database pays nothing for the other engine's existence. */
  struct sqlite3_stmt *sqlite;
};

AmendsDb *amends_db_sqlite_open     (const char  *path,
                                     GError     **error);
AmendsDb *amends_db_pg_open         (const char  *conninfo,
                                     GError     **error);
gboolean  amends_db_pg_is_conninfo  (const char  *location);

struct sqlite3 *amends_db_sqlite_get_handle (AmendsDb *db);
AmendsDb     *amends_db_sqlite_adopt      (struct sqlite3      *handle,
                                           const char          *display_name);
AmendsDbStmt *amends_db_sqlite_adopt_stmt (AmendsDb            *db,
                                           struct sqlite3_stmt *handle);
void          amends_db_stmt_clear_bindings (AmendsDbStmt      *stmt);

void      amends_db_emit_notify     (AmendsDb    *db,
                                     const char  *channel,
                                     const char  *payload,
                                     gboolean     from_self);

G_END_DECLS
