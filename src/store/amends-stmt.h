/* amends-stmt.h: the store's one door to a prepared statement
 *
 * Copyright The Amends developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "amends-db-private.h"

G_BEGIN_DECLS

/* Why this file: the store binds, steps and reads statements only through
 * these functions, whose names and meanings are AmendsDb's (amends-db.h),
 * on either engine (issue 16).  On SQLite they call SQLite straight
 * through the statement underneath (AmendsDbStmt.sqlite), inline: the
 * embedded database, a million cases on one desk, pays nothing for the
 * server's existence; on PostgreSQL they go through AmendsDb.
 *
 * A statement from the store's cache (amends_store_prepare()) is released
 * with amends_stmt_release(): reset and unbound, never freed.  One a
 * worker prepared on its own connection (amends_store_db_prepare()) is
 * freed with amends_stmt_free().
 *
 * Parameters are counted from 1, columns from 0, as in both engines. */

typedef AmendsDbStmt AmendsStmt;

void     amends_stmt_release          (AmendsStmt  *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsStmt, amends_stmt_release)

AmendsDbStep amends_stmt_step         (AmendsStmt  *stmt,
                                       GError     **error);
gboolean amends_stmt_execute          (AmendsStmt  *stmt,
                                       GError     **error);

static inline void
amends_stmt_free (AmendsStmt *stmt)
{
  amends_db_stmt_free (stmt);
}

static inline void
amends_stmt_bind_int64 (AmendsStmt *stmt,
                        int         index,
                        gint64      value)
{
  if (G_LIKELY (stmt->sqlite != NULL))
    sqlite3_bind_int64 (stmt->sqlite, index, value);
  else
    amends_db_stmt_bind_int64 (stmt, index, value);
}

/* The text is copied: the caller may free it at once. */
static inline void
amends_stmt_bind_text (AmendsStmt *stmt,
                       int         index,
                       const char *value)
{
  if (G_UNLIKELY (stmt->sqlite == NULL))
    amends_db_stmt_bind_text (stmt, index, value);
  else if (value == NULL)
    sqlite3_bind_null (stmt->sqlite, index);
  else
    sqlite3_bind_text (stmt->sqlite, index, value, -1, SQLITE_TRANSIENT);
}

static inline void
amends_stmt_bind_null (AmendsStmt *stmt,
                       int         index)
{
  if (G_LIKELY (stmt->sqlite != NULL))
    sqlite3_bind_null (stmt->sqlite, index);
  else
    amends_db_stmt_bind_null (stmt, index);
}

/* Back to the start, the values bound kept. */
static inline void
amends_stmt_reset (AmendsStmt *stmt)
{
  if (G_LIKELY (stmt->sqlite != NULL))
    sqlite3_reset (stmt->sqlite);
  else
    amends_db_stmt_reset (stmt);
}

static inline int
amends_stmt_n_columns (AmendsStmt *stmt)
{
  if (G_LIKELY (stmt->sqlite != NULL))
    return sqlite3_column_count (stmt->sqlite);
  return amends_db_stmt_n_columns (stmt);
}

static inline gboolean
amends_stmt_column_is_null (AmendsStmt *stmt,
                            int         column)
{
  if (G_LIKELY (stmt->sqlite != NULL))
    return sqlite3_column_type (stmt->sqlite, column) == SQLITE_NULL;
  return amends_db_stmt_column_is_null (stmt, column);
}

static inline gint64
amends_stmt_column_int64 (AmendsStmt *stmt,
                          int         column)
{
  if (G_LIKELY (stmt->sqlite != NULL))
    return sqlite3_column_int64 (stmt->sqlite, column);
  return amends_db_stmt_column_int64 (stmt, column);
}

/* For flags, counts and enums; a value beyond an int is a caller's bug. */
static inline int
amends_stmt_column_int (AmendsStmt *stmt,
                        int         column)
{
  return (int) amends_stmt_column_int64 (stmt, column);
}

/* NULL for a NULL; valid until the next step, reset or release. */
static inline const char *
amends_stmt_column_text (AmendsStmt *stmt,
                         int         column)
{
  if (G_LIKELY (stmt->sqlite != NULL))
    return (const char *) sqlite3_column_text (stmt->sqlite, column);
  return amends_db_stmt_column_text (stmt, column);
}

/* The rows the last INSERT, UPDATE or DELETE of @stmt changed. */
static inline gint64
amends_stmt_changes (AmendsStmt *stmt)
{
  if (G_LIKELY (stmt->sqlite != NULL))
    return sqlite3_changes64 (sqlite3_db_handle (stmt->sqlite));
  return amends_db_stmt_changes (stmt);
}

G_END_DECLS
