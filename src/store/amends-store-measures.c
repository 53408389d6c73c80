/* amends-store-measures.c: the headline measures, by SQL aggregates
 *
 * Recovered within target: of the cases that happened in the period and
 * are either recovered (or closed) or already past their due time, the
 * share recovered within the target.  Time counted is from when it
 * happened to when it was recovered, less the time the clock was paused;
 * within target means that is at most the target (recovered_at -
 * paused_seconds <= recovery_due_at).  A case still open and past due
 * counts as missed; one open and not yet due is pending and left out.
 *
 * Blown away: of the cases closed in the period with a known reaction,
 * the share whose customer was blown away.
 *
 * Cases in the trash are never counted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-store-measures.h"
#include "amends-store-private.h"

static void
set_share (AmendsShare *share,
           guint        counted,
           guint        of)
{
  if (share == NULL)
    return;

  share->n_counted = counted;
  share->n_of = of;
  share->share = of > 0 ? (double) counted / of : -1;
}

gboolean
amends_store_measure_headlines (AmendsStore  *self,
                                GDateTime    *from,
                                GDateTime    *until,
                                AmendsShare  *recovered_within,
                                AmendsShare  *blown_away,
                                GError      **error)
{
  static const char sql[] =
    "SELECT"
    "  (SELECT count(*) FROM cases AS c WHERE c.deleted_at IS NULL"
    "     AND c.occurred_at >= ?1 AND c.occurred_at < ?2"
    "     AND coalesce (c.recovered_at, c.closed_at) IS NOT NULL"
    "     AND coalesce (c.recovered_at, c.closed_at) - c.paused_seconds <= c.recovery_due_at),"
    "  (SELECT count(*) FROM cases AS c WHERE c.deleted_at IS NULL"
    "     AND c.occurred_at >= ?1 AND c.occurred_at < ?2"
    "     AND (coalesce (c.recovered_at, c.closed_at) IS NOT NULL"
    "          OR (c.status IN ('open', 'in-recovery') AND c.paused_at IS NULL"
    "              AND c.recovery_due_at + c.paused_seconds < ?3))),"
    "  (SELECT count(*) FROM cases AS c WHERE c.deleted_at IS NULL"
    "     AND c.status = 'closed' AND c.closed_at >= ?1 AND c.closed_at < ?2"
    "     AND c.reaction = 'blown-away'),"
    "  (SELECT count(*) FROM cases AS c WHERE c.deleted_at IS NULL"
    "     AND c.status = 'closed' AND c.closed_at >= ?1 AND c.closed_at < ?2"
    "     AND c.reaction != 'unknown')";
  g_autoptr(AmendsStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (from != NULL && until != NULL, FALSE);

  if (!(stmt = amends_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (from));
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (until));
  sqlite3_bind_int64 (stmt, 3, amends_store_now (self));

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return amends_store_set_error (self, rc, error);

  set_share (recovered_within, sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1));
  set_share (blown_away, sqlite3_column_int (stmt, 2), sqlite3_column_int (stmt, 3));

  return TRUE;
}
