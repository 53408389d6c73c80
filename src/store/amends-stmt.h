/* amends-stmt.h: the store's one door to a prepared statement
 *
 * Copyright The Amends developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "amends-db.h"

G_BEGIN_DECLS

/* Why this file: issue 16 puts AmendsDb (SQLite or PostgreSQL) under the
 * store.  The store's files bind, step and read statements only through
 * these functions, whose names and meanings are AmendsDb's; today they
 * are SQLite's own calls, so that moving every file to them changes no
 * behaviour, and the switch to AmendsDbStmt later changes this file and
 * amends-store.c, not sixty others.
 *
 * Parameters are counted from 1, columns from 0, as in both engines. */

typedef sqlite3_stmt AmendsStmt;

void     amends_stmt_release          (AmendsStmt  *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsStmt, amends_stmt_release)

AmendsDbStep amends_stmt_step         (AmendsStmt  *stmt,
                                       GError     **error);
gboolean amends_stmt_execute          (AmendsStmt  *stmt,
                                       GError     **error);

static inline void
amends_stmt_bind_int64 (AmendsStmt *stmt,
                        int         index,
                        gint64      value)
{
  sqlite3_bind_int64 (stmt, index, value);
}

/* The text is copied: the caller may free it at once. */
static inline void
amends_stmt_bind_text (AmendsStmt *stmt,
                       int         index,
                       const char *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static inline void
amends_stmt_bind_null (AmendsStmt *stmt,
                       int         index)
{
  sqlite3_bind_null (stmt, index);
}

/* Back to the start, the values bound kept. */
static inline void
amends_stmt_reset (AmendsStmt *stmt)
{
  sqlite3_reset (stmt);
}

static inline int
amends_stmt_n_columns (AmendsStmt *stmt)
{
  return sqlite3_column_count (stmt);
}

static inline gboolean
amends_stmt_column_is_null (AmendsStmt *stmt,
                            int         column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL;
}

static inline gint64
amends_stmt_column_int64 (AmendsStmt *stmt,
                          int         column)
{
  return sqlite3_column_int64 (stmt, column);
}

/* For flags, counts and enums; a value beyond an int is a caller's bug. */
static inline int
amends_stmt_column_int (AmendsStmt *stmt,
                        int         column)
{
  return (int) sqlite3_column_int64 (stmt, column);
}

/* NULL for a NULL; valid until the next step, reset or release. */
static inline const char *
amends_stmt_column_text (AmendsStmt *stmt,
                         int         column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* The rows the last INSERT, UPDATE or DELETE of @stmt's connection changed. */
static inline gint64
amends_stmt_changes (AmendsStmt *stmt)
{
  return sqlite3_changes64 (sqlite3_db_handle (stmt));
}

G_END_DECLS
