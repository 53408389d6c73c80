/* amends-store-week-cases.c: the cases a week's summary names
 *
 * The lessons written down on the cases closed in the period, and the
 * most overdue of the cases open and past due at its end, counted as the
 * measures count them (amends-store-measures.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store-week-cases"

#include "config.h"

#include "amends-store-week-cases.h"

#include "amends-store-measures-private.h"
#include "amends-store-private.h"

/**
 * amends_store_list_lessons:
 *
 * Returns: (transfer full): cases closed in the period with a lesson,
 *   oldest first; a #GListModel of #AmendsCase
 */
GListModel *
amends_store_list_lessons (AmendsStore  *self,
                           GDateTime    *from,
                           GDateTime    *until,
                           GError      **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(AmendsStmt) stmt = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  sql = amends_store_select_sql (self, AMENDS_TYPE_CASE,
                                 "WHERE r.deleted_at IS NULL AND r.lesson IS NOT NULL AND r.lesson != ''"
                                 " AND coalesce (r.closed_at, r.recovered_at) >= ?1"
                                 " AND coalesce (r.closed_at, r.recovered_at) < ?2"
                                 " ORDER BY coalesce (r.closed_at, r.recovered_at), r.id");
  if (!(stmt = amends_store_prepare (self, sql, error)))
    return NULL;

  amends_stmt_bind_int64 (stmt, 1, g_date_time_to_unix (from));
  amends_stmt_bind_int64 (stmt, 2, g_date_time_to_unix (until));

  return amends_store_collect_records (self, AMENDS_TYPE_CASE, stmt, error);
}

/* The cases open and past due at ?1, as OPEN_AT and PAST_DUE_AT count
 * them, found as MATTERING finds them: those open now and logged by ?1
 * from the index cases_open, and those finished after ?1 but logged by
 * then from cases_by_span, rather than by reading every case. */
#define PAST_DUE_AT_WHERE(E) \
  "WHERE r.id IN (" AMENDS_SQL_SPANS_OF (E) \
  "  SELECT f.id FROM spans AS s, cases AS f WHERE f.deleted_at IS NULL" \
  "    AND coalesce (f.recovered_at, f.closed_at) IS NOT NULL" \
  "    AND " AMENDS_SQL_SPAN_DIGITS (E, "f") " = s.digits" \
  "    AND f.logged_at > ?1 - s.width AND f.logged_at <= ?1" \
  "  UNION ALL" \
  "  SELECT o.id FROM cases AS o WHERE o.deleted_at IS NULL" \
  "    AND o.status IN ('open', 'in-recovery') AND o.logged_at <= ?1)" \
  " AND " AMENDS_SQL_COUNTED ("r") " AND r.logged_at <= ?1" \
  " AND (r.status IN ('open', 'in-recovery')" \
  "      OR coalesce (r.recovered_at, r.closed_at) > ?1)" \
  " AND " AMENDS_SQL_PAST_DUE_AT (E, "r", "?1")
#define PAST_DUE_AT_COUNT_SQL(E) "SELECT count(*) FROM cases AS r " PAST_DUE_AT_WHERE (E)
#define PAST_DUE_FIRST_TAIL_SQL(E) PAST_DUE_AT_WHERE (E) " ORDER BY " AMENDS_SQL_DUE ("r") ", r.id LIMIT ?2"

static gboolean
count_past_due_at (AmendsStore  *self,
                   gint64        when,
                   guint        *n_past_due,
                   GError      **error)
{
  g_autoptr(AmendsStmt) stmt = NULL;

  if (!(stmt = amends_store_prepare (self, AMENDS_SQL_FOR (amends_store_get_engine (self), PAST_DUE_AT_COUNT_SQL),
                                     error)))
    return FALSE;

  amends_stmt_bind_int64 (stmt, 1, when);
  /* count(*) always gives its one row. */
  if (amends_stmt_step (stmt, error) != AMENDS_DB_STEP_ROW)
    return FALSE;

  *n_past_due = (guint) amends_stmt_column_int64 (stmt, 0);
  return TRUE;
}

/**
 * amends_store_list_past_due_first:
 * @when: the moment, such as the end of a week
 * @limit: how many cases at most, or %G_MAXUINT for all
 * @n_past_due: (out) (optional): how many there are in all
 *
 * The most overdue of the cases that were open and past due at @when, as
 * the open and past due counts of amends_store_measure() count them.
 *
 * Returns: (transfer full): a #GListModel of #AmendsCase, the most
 *   overdue first
 */
GListModel *
amends_store_list_past_due_first (AmendsStore  *self,
                                  GDateTime    *when,
                                  guint         limit,
                                  guint        *n_past_due,
                                  GError      **error)
{
  AmendsDbEngine engine = amends_store_get_engine (self);
  g_autofree char *sql = NULL;
  g_autoptr(AmendsStmt) stmt = NULL;
  gint64 at;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);
  g_return_val_if_fail (when != NULL, NULL);

  at = g_date_time_to_unix (when);
  if (n_past_due != NULL && !count_past_due_at (self, at, n_past_due, error))
    return NULL;

  sql = amends_store_select_sql (self, AMENDS_TYPE_CASE, AMENDS_SQL_FOR (engine, PAST_DUE_FIRST_TAIL_SQL));
  if (!(stmt = amends_store_prepare (self, sql, error)))
    return NULL;

  amends_stmt_bind_int64 (stmt, 1, at);
  /* No limit: SQLite's LIMIT -1, PostgreSQL's LIMIT NULL (it refuses -1). */
  if (limit == G_MAXUINT && engine == AMENDS_DB_ENGINE_POSTGRESQL)
    amends_stmt_bind_null (stmt, 2);
  else
    amends_stmt_bind_int64 (stmt, 2, limit == G_MAXUINT ? -1 : (gint64) limit);

  return amends_store_collect_records (self, AMENDS_TYPE_CASE, stmt, error);
}

/**
 * amends_store_list_past_due_at:
 * @when: the moment, such as the end of a week
 *
 * Every case that was open and past due at @when; see
 * amends_store_list_past_due_first().
 *
 * Returns: (transfer full): a #GListModel of #AmendsCase, the most
 *   overdue first
 */
GListModel *
amends_store_list_past_due_at (AmendsStore  *self,
                               GDateTime    *when,
                               GError      **error)
{
  return amends_store_list_past_due_first (self, when, G_MAXUINT, NULL, error);
}
