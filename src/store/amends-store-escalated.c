/* amends-store-escalated.c: the cases escalated to a team lead in a period
 *
 * A case is escalated once it is overdue by more than the escalation
 * time: its clock ran, and it was neither recovered nor closed, until
 * that moment.  The weekly summary lists the cases for whom that moment
 * lay in the week or before, and who were still not put right at some
 * time in the week (issue 14).
 *
 * Read from the open cases (index cases_open) and the ones finished since
 * the period began (index cases_by_closed), never every case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store-escalated"

#include "config.h"

#include "amends-store-escalated.h"

#include "amends-store-private.h"

/* ?1 from, ?2 until, ?3 the escalation time in seconds.  Escalated at
 * due + ?3 + 1 ("more than"): before ?2; finished (recovered, or else
 * closed) after both that moment and ?1; not paused before it, a paused
 * clock standing still. */
#define ESCALATED_AT(t) "(" AMENDS_SQL_DUE (t) " + ?3 + 1)"
#define ESCALATED_WHERE(E) \
  "WHERE r.id IN (" \
  "  SELECT o.id FROM cases AS o WHERE o.deleted_at IS NULL AND " AMENDS_SQL_OPEN ("o") \
  "  UNION ALL" \
  "  SELECT f.id FROM cases AS f WHERE f.deleted_at IS NULL" \
  "    AND coalesce (f.closed_at, f.recovered_at) >= ?1)" \
  " AND " AMENDS_SQL_COUNTED ("r") \
  " AND " ESCALATED_AT ("r") " < ?2" \
  " AND coalesce (r.recovered_at, r.closed_at, ?2) > " AMENDS_SQL_MAX2 (E, ESCALATED_AT ("r"), "?1") \
  " AND (r.paused_at IS NULL OR r.paused_at >= " ESCALATED_AT ("r") ")"
#define ESCALATED_COUNT_SQL(E) "SELECT count(*) FROM cases AS r " ESCALATED_WHERE (E)
#define ESCALATED_TAIL_SQL(E) ESCALATED_WHERE (E) " ORDER BY " AMENDS_SQL_DUE ("r") ", r.id LIMIT ?4"

static gboolean
count_escalated (AmendsStore  *self,
                 gint64        from,
                 gint64        until,
                 gint64        escalation_seconds,
                 guint        *n_escalated,
                 GError      **error)
{
  g_autoptr(AmendsStmt) stmt = NULL;

  if (!(stmt = amends_store_prepare (self, AMENDS_SQL_FOR (amends_store_get_engine (self), ESCALATED_COUNT_SQL), error)))
    return FALSE;

  amends_stmt_bind_int64 (stmt, 1, from);
  amends_stmt_bind_int64 (stmt, 2, until);
  amends_stmt_bind_int64 (stmt, 3, escalation_seconds);
  /* count(*) always has its row. */
  if (amends_stmt_step (stmt, error) != AMENDS_DB_STEP_ROW)
    return FALSE;

  *n_escalated = (guint) amends_stmt_column_int64 (stmt, 0);
  return TRUE;
}

/**
 * amends_store_list_escalated:
 * @until: the end of the period, or now if that is earlier
 * @escalation_seconds: how long overdue a case is before it needs a lead
 * @limit: how many cases at most, or %G_MAXUINT for all
 * @n_escalated: (out) (optional): how many there are in all
 *
 * Returns: (transfer full): a #GListModel of #AmendsCase, the earliest
 *   due first (the longest overdue)
 */
GListModel *
amends_store_list_escalated (AmendsStore  *self,
                             GDateTime    *from,
                             GDateTime    *until,
                             gint64        escalation_seconds,
                             guint         limit,
                             guint        *n_escalated,
                             GError      **error)
{
  AmendsDbEngine engine = amends_store_get_engine (self);
  g_autofree char *sql = NULL;
  g_autoptr(AmendsStmt) stmt = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && until != NULL, NULL);

  if (n_escalated != NULL &&
      !count_escalated (self, g_date_time_to_unix (from), g_date_time_to_unix (until),
                        escalation_seconds, n_escalated, error))
    return NULL;

  sql = amends_store_select_sql (self, AMENDS_TYPE_CASE, AMENDS_SQL_FOR (engine, ESCALATED_TAIL_SQL));
  if (!(stmt = amends_store_prepare (self, sql, error)))
    return NULL;

  amends_stmt_bind_int64 (stmt, 1, g_date_time_to_unix (from));
  amends_stmt_bind_int64 (stmt, 2, g_date_time_to_unix (until));
  amends_stmt_bind_int64 (stmt, 3, escalation_seconds);
  /* No limit: SQLite's LIMIT -1, PostgreSQL's LIMIT NULL (it refuses -1). */
  if (limit == G_MAXUINT && engine == AMENDS_DB_ENGINE_POSTGRESQL)
    amends_stmt_bind_null (stmt, 4);
  else
    amends_stmt_bind_int64 (stmt, 4, limit == G_MAXUINT ? -1 : (gint64) limit);

  return amends_store_collect_records (self, AMENDS_TYPE_CASE, stmt, error);
}
