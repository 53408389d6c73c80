/* amends-store-measures.c: the headline measures, by SQL aggregates
 *
 * The definitions a manager reads in the README, the same for the
 * Measures view, the weekly summary, the staff-room screen and the
 * heroes (the SQL of each cohort is in amends-store-private.h):
 *
 * Counted cases: not in the trash, and not closed as "not a service
 * breakdown" or as a duplicate.  A recovery is a case marked recovered
 * with its fix written down; one closed without a fix is not a recovery.
 *
 * Recovered within target: of the cases that happened in the period,
 * in time are those recovered no later than their due time (when it
 * happened, plus the target, plus the time the clock was paused).
 * Missed are those recovered late, and those not recovered and past due
 * now, closed or not.  The share is in time ÷ (in time + missed).  The
 * rest, not recovered and not yet due, are pending: counted beside the
 * share, never silently dropped.  A clock cannot be paused once past due,
 * so a pause cannot turn a missed case into one in time.
 *
 * Blown away: of the cases recovered in the period, the share whose
 * customer was blown away, among those whose reaction was recorded; the
 * cases with no reaction recorded are counted beside it.
 *
 * Proactive: of the cases that happened in the period, the share staff
 * noticed before the customer said anything.
 *
 * Time to recovery (median, the mean of the middle two when their number
 * is even; 90th percentile by nearest rank) and surprise
 * spend are of the cases recovered in the period; time to recovery does
 * not count the time the clock was paused.  Rule bends count the cases
 * that happened in the period.
 *
 * Open, past due and unowned are counts as at the end of the period, or
 * now while the period runs: open is logged by then and not yet recovered
 * or closed by then; past due is open and due before then (the owner is
 * the owner now, and paused time is the total paused so far).
 *
 * Periods are in the zone of the times given, which the callers make
 * local: weeks are ISO weeks from Monday 00:00 local time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

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


void
amends_measure_row_free (AmendsMeasureRow *row)
{
  if (row == NULL)
    return;

  g_free (row->name);
  g_free (row);
}

/* The cases a group's line counts: all, or those whose @column is the
 * bound ?4 (IS, so that NULL, "no owner", is a group too). */
static const char *
group_column (int by)
{
  switch (by)
    {
    case AMENDS_MEASURE_BY_OWNER:    return "c.owner_id";
    case AMENDS_MEASURE_BY_TEAM:     return "c.team";
    case AMENDS_MEASURE_BY_CATEGORY: return "c.category";
    default:                         return NULL;
    }
}

/* ?1 and ?2: the period; ?3: now; ?4: the group's key; ?5: the moment
 * the open counts are taken (the end of the period, or now). */
#define COUNTED AMENDS_SQL_COUNTED ("c")
#define HAPPENED COUNTED " AND c.occurred_at >= ?1 AND c.occurred_at < ?2"
#define RECOVERED AMENDS_SQL_RECOVERED ("c")
#define RECOVERED_IN COUNTED " AND " RECOVERED " AND c.recovered_at >= ?1 AND c.recovered_at < ?2"
#define PAST_DUE_NOW AMENDS_SQL_PAST_DUE ("c", "?3")
#define OPEN_AT \
  COUNTED " AND c.logged_at <= ?5" \
  " AND (c.status IN ('open', 'in-recovery') OR coalesce (c.recovered_at, c.closed_at) > ?5)"
#define PAST_DUE_AT \
  AMENDS_SQL_DUE ("c") " < min (?5, coalesce (c.paused_at, ?5))"

static char *
counts_sql (int by)
{
  const char *column = group_column (by);
  g_autofree char *group = column ? g_strdup_printf (" AND %s IS ?4", column) : g_strdup (" AND ?4 IS NULL");

  return g_strdup_printf (
    "SELECT"
    " (SELECT count(*) FROM cases AS c WHERE " HAPPENED "%1$s),"
    " (SELECT count(*) FROM cases AS c WHERE " HAPPENED " AND c.noticed_by = 'staff'%1$s),"
    " (SELECT count(*) FROM cases AS c WHERE " HAPPENED " AND NOT " RECOVERED " AND NOT " PAST_DUE_NOW "%1$s),"
    " (SELECT count(*) FROM cases AS c WHERE " OPEN_AT "%1$s),"
    " (SELECT count(*) FROM cases AS c WHERE " OPEN_AT " AND " PAST_DUE_AT "%1$s),"
    " (SELECT count(*) FROM cases AS c WHERE " OPEN_AT " AND c.owner_id IS NULL%1$s),"
    " (SELECT coalesce (sum (c.surprise_cost_cents), 0) FROM cases AS c WHERE " RECOVERED_IN "%1$s),"
    " (SELECT count(*) FROM cases AS c WHERE " HAPPENED " AND c.rule_bent%1$s),"
    " (SELECT count(*) FROM cases AS c WHERE " HAPPENED " AND " AMENDS_SQL_IN_TIME ("c") "%1$s),"
    " (SELECT count(*) FROM cases AS c WHERE " HAPPENED " AND (" RECOVERED " OR " PAST_DUE_NOW ")%1$s),"
    " (SELECT count(*) FROM cases AS c WHERE " RECOVERED_IN " AND c.reaction = 'blown-away'%1$s),"
    " (SELECT count(*) FROM cases AS c WHERE " RECOVERED_IN " AND c.reaction != 'unknown'%1$s),"
    " (SELECT count(*) FROM cases AS c WHERE " RECOVERED_IN "%1$s)",
    group);
}

static char *
times_sql (int by)
{
  const char *column = group_column (by);
  g_autofree char *group = column ? g_strdup_printf (" AND %s IS ?4", column) : g_strdup (" AND ?4 IS NULL");

  return g_strdup_printf ("SELECT max (0, c.recovered_at - c.occurred_at - c.paused_seconds)"
                          " FROM cases AS c WHERE " RECOVERED_IN "%s AND ?3 = ?3 AND ?5 = ?5 ORDER BY 1",
                          group);
}

/* Binds the period, now, and the group's key (a GValue of the column's
 * type, or NULL for the whole of the period). */
static void
bind_period (AmendsStore  *self,
             AmendsStmt   *stmt,
             GDateTime    *from,
             GDateTime    *until,
             const GValue *key)
{
  gint64 now = amends_store_now (self);
  gint64 end = g_date_time_to_unix (until);

  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (from));
  sqlite3_bind_int64 (stmt, 2, end);
  sqlite3_bind_int64 (stmt, 3, now);
  /* The last second of the period, so that a case logged as the next
   * period begins is not counted open in this one. */
  sqlite3_bind_int64 (stmt, 5, MIN (now, end - 1));

  if (key == NULL)
    sqlite3_bind_null (stmt, 4);
  else if (G_VALUE_HOLDS_INT64 (key) && g_value_get_int64 (key) > 0)
    sqlite3_bind_int64 (stmt, 4, g_value_get_int64 (key));
  else if (G_VALUE_HOLDS_STRING (key) && g_value_get_string (key) != NULL)
    sqlite3_bind_text (stmt, 4, g_value_get_string (key), -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 4);
}

static gint64
nearest_rank (GArray *values,
              double  fraction)
{
  guint rank;

  if (values->len == 0)
    return -1;

  rank = (guint) ceil (fraction * values->len);
  rank = CLAMP (rank, 1, values->len);

  return g_array_index (values, gint64, rank - 1);
}

static gint64
median (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return -1;
  if (n % 2 == 1)
    return g_array_index (values, gint64, n / 2);

  return (g_array_index (values, gint64, n / 2 - 1) + g_array_index (values, gint64, n / 2)) / 2;
}

static gboolean
measure_group (AmendsStore     *self,
               int              by,
               const GValue    *key,
               GDateTime       *from,
               GDateTime       *until,
               AmendsMeasures  *m,
               GError         **error)
{
  g_autofree char *sql = counts_sql (by);
  g_autofree char *tsql = times_sql (by);
  g_autoptr(AmendsStmt) stmt = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  memset (m, 0, sizeof *m);

  if (!(stmt = amends_store_prepare (self, sql, error)))
    return FALSE;
  bind_period (self, stmt, from, until, key);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return amends_store_set_error (self, rc, error);

  m->n_happened = sqlite3_column_int (stmt, 0);
  set_share (&m->proactive, sqlite3_column_int (stmt, 1), m->n_happened);
  m->n_pending = sqlite3_column_int (stmt, 2);
  m->n_open = sqlite3_column_int (stmt, 3);
  m->n_overdue = sqlite3_column_int (stmt, 4);
  m->n_unowned = sqlite3_column_int (stmt, 5);
  m->surprise_cents = sqlite3_column_int64 (stmt, 6);
  m->n_rule_bends = sqlite3_column_int (stmt, 7);
  set_share (&m->recovered_within, sqlite3_column_int (stmt, 8), sqlite3_column_int (stmt, 9));
  set_share (&m->blown_away, sqlite3_column_int (stmt, 10), sqlite3_column_int (stmt, 11));
  m->n_recovered = sqlite3_column_int (stmt, 12);
  m->n_reaction_unknown = m->n_recovered - m->blown_away.n_of;
  m->as_of = MIN (amends_store_now (self), g_date_time_to_unix (until));
  g_clear_pointer (&stmt, amends_stmt_release);

  if (!(stmt = amends_store_prepare (self, tsql, error)))
    return FALSE;
  bind_period (self, stmt, from, until, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 t = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (times, t);
    }
  if (rc != SQLITE_DONE)
    return amends_store_set_error (self, rc, error);

  m->median_seconds = median (times);
  m->p90_seconds = nearest_rank (times, 0.9);

  return TRUE;
}

/**
 * amends_store_measure:
 *
 * Measures the period [@from, @until); see the definitions above.
 */
gboolean
amends_store_measure (AmendsStore     *self,
                      GDateTime       *from,
                      GDateTime       *until,
                      AmendsMeasures  *measures,
                      GError         **error)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (from != NULL && until != NULL && measures != NULL, FALSE);

  return measure_group (self, -1, NULL, from, until, measures, error);
}

/**
 * amends_store_measure_by:
 *
 * Returns: (transfer full) (element-type AmendsMeasureRow): a line for
 *   each owner, team or category with cases in the period (or open now),
 *   the most cases first
 */
GPtrArray *
amends_store_measure_by (AmendsStore      *self,
                         AmendsMeasureBy   by,
                         GDateTime        *from,
                         GDateTime        *until,
                         GError          **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) amends_measure_row_free);
  g_autofree char *sql = NULL;
  g_autoptr(AmendsStmt) stmt = NULL;
  g_autoptr(GArray) keys = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *column = group_column (by);
  int rc;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);
  g_return_val_if_fail (column != NULL, NULL);

  g_array_set_clear_func (keys, (GDestroyNotify) g_value_unset);

  sql = g_strdup_printf ("SELECT %1$s, %2$s, count(*) FROM cases AS c"
                         " WHERE " COUNTED " AND ((c.occurred_at >= ?1 AND c.occurred_at < ?2)"
                         "   OR (c.recovered_at >= ?1 AND c.recovered_at < ?2)"
                         "   OR (" OPEN_AT ")) AND ?3 = ?3 AND ?4 IS NULL"
                         " GROUP BY %1$s ORDER BY count(*) DESC, 2 COLLATE NOCASE",
                         column,
                         by == AMENDS_MEASURE_BY_OWNER ? "(SELECT s.name FROM staff AS s WHERE s.id = c.owner_id)" : column);
  if (!(stmt = amends_store_prepare (self, sql, error)))
    return NULL;
  bind_period (self, stmt, from, until, NULL);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GValue key = G_VALUE_INIT;
      const char *name = (const char *) sqlite3_column_text (stmt, 1);

      if (by == AMENDS_MEASURE_BY_OWNER)
        {
          g_value_init (&key, G_TYPE_INT64);
          g_value_set_int64 (&key, sqlite3_column_int64 (stmt, 0));
        }
      else
        {
          g_value_init (&key, G_TYPE_STRING);
          g_value_set_string (&key, (const char *) sqlite3_column_text (stmt, 0));
        }
      g_array_append_val (keys, key);

      if (name == NULL || *name == '\0')
        name = by == AMENDS_MEASURE_BY_OWNER ? _("Unowned")
             : by == AMENDS_MEASURE_BY_TEAM ? _("No team")
             : _("No category");
      g_ptr_array_add (names, g_strdup (name));
    }
  if (rc != SQLITE_DONE)
    {
      amends_store_set_error (self, rc, error);
      return NULL;
    }
  g_clear_pointer (&stmt, amends_stmt_release);

  for (guint i = 0; i < keys->len; i++)
    {
      AmendsMeasureRow *row = g_new0 (AmendsMeasureRow, 1);
      const GValue *key = &g_array_index (keys, GValue, i);

      row->name = g_strdup (names->pdata[i]);
      if (by == AMENDS_MEASURE_BY_OWNER)
        row->staff_id = g_value_get_int64 (key);
      g_ptr_array_add (rows, row);

      if (!measure_group (self, by, key, from, until, &row->measures, error))
        return NULL;
    }

  return g_steal_pointer (&rows);
}

/**
 * amends_store_measure_weeks:
 *
 * Returns: (transfer full) (element-type AmendsMeasures): one a week,
 *   oldest first
 */
GPtrArray *
amends_store_measure_weeks (AmendsStore  *self,
                            GDateTime    *last_week_start,
                            guint         n_weeks,
                            GError      **error)
{
  g_autoptr(GPtrArray) weeks = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  for (guint i = 0; i < n_weeks; i++)
    {
      g_autoptr(GDateTime) from = g_date_time_add_weeks (last_week_start, -(int) (n_weeks - 1 - i));
      g_autoptr(GDateTime) until = g_date_time_add_weeks (from, 1);
      AmendsMeasures *m = g_new0 (AmendsMeasures, 1);

      g_ptr_array_add (weeks, m);
      if (!amends_store_measure (self, from, until, m, error))
        return NULL;
    }

  return g_steal_pointer (&weeks);
}

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

  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (from));
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (until));

  return amends_store_collect_records (self, AMENDS_TYPE_CASE, stmt, error);
}

/**
 * amends_store_list_past_due_at:
 * @when: the moment, such as the end of a week
 *
 * The cases that were open and past due at @when, as the open and past
 * due counts of amends_store_measure() count them.
 *
 * Returns: (transfer full): a #GListModel of #AmendsCase, the most
 *   overdue first
 */
GListModel *
amends_store_list_past_due_at (AmendsStore  *self,
                               GDateTime    *when,
                               GError      **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(AmendsStmt) stmt = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);
  g_return_val_if_fail (when != NULL, NULL);

  sql = amends_store_select_sql (self, AMENDS_TYPE_CASE,
                                 "WHERE " AMENDS_SQL_COUNTED ("r") " AND r.logged_at <= ?1"
                                 " AND (r.status IN ('open', 'in-recovery')"
                                 "      OR coalesce (r.recovered_at, r.closed_at) > ?1)"
                                 " AND " AMENDS_SQL_DUE ("r") " < min (?1, coalesce (r.paused_at, ?1))"
                                 " ORDER BY " AMENDS_SQL_DUE ("r") ", r.id");
  if (!(stmt = amends_store_prepare (self, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (when));

  return amends_store_collect_records (self, AMENDS_TYPE_CASE, stmt, error);
}

/* ISO weeks, Monday to Monday, in the zone a time is in. */

GDateTime *
amends_iso_week_start (GDateTime *when)
{
  g_autoptr(GDateTime) day = NULL;

  g_return_val_if_fail (when != NULL, NULL);

  day = g_date_time_new (g_date_time_get_timezone (when),
                         g_date_time_get_year (when),
                         g_date_time_get_month (when),
                         g_date_time_get_day_of_month (when), 0, 0, 0);

  return g_date_time_add_days (day, 1 - g_date_time_get_day_of_week (day));
}

char *
amends_iso_week_format (GDateTime *week_start)
{
  return g_strdup_printf ("%04d-W%02d",
                          g_date_time_get_week_numbering_year (week_start),
                          g_date_time_get_week_of_year (week_start));
}

/**
 * amends_iso_week_parse:
 * @text: a week such as "2026-W47"
 * @zone: (nullable): the zone of the week's days; local when %NULL
 *
 * Returns: %TRUE with the week's first moment in @from and the next
 *   week's in @until
 */
gboolean
amends_iso_week_parse (const char  *text,
                       GTimeZone   *zone,
                       GDateTime  **from,
                       GDateTime  **until,
                       GError     **error)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) jan4 = NULL;
  g_autoptr(GDateTime) week1 = NULL;
  g_autoptr(GDateTime) start = NULL;
  int year = 0, week = 0;
  char end = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  /* The week after the last of 9999 is past what GDateTime can hold. */
  if (sscanf (text, "%4d-W%2d%c", &year, &week, &end) != 2 || year < 1970 || year > 9998 || week < 1)
    goto invalid;

  if (zone == NULL)
    zone = local = g_time_zone_new_local ();

  /* Week 1 is the week with 4 January in it. */
  jan4 = g_date_time_new (zone, year, 1, 4, 0, 0, 0);
  week1 = amends_iso_week_start (jan4);
  start = g_date_time_add_weeks (week1, week - 1);
  if (start == NULL || g_date_time_get_week_numbering_year (start) != year)
    goto invalid;

  *from = g_date_time_ref (start);
  *until = g_date_time_add_weeks (start, 1);
  return TRUE;

invalid:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("“%s” is not a week. Write it as year, W and week number, like 2026-W47."), text);
  return FALSE;
}

/**
 * amends_store_measure_headlines:
 *
 * The two headline measures of amends_store_measure(), for a caller that
 * needs only those.
 */
gboolean
amends_store_measure_headlines (AmendsStore  *self,
                                GDateTime    *from,
                                GDateTime    *until,
                                AmendsShare  *recovered_within,
                                AmendsShare  *blown_away,
                                GError      **error)
{
  AmendsMeasures m;

  if (!amends_store_measure (self, from, until, &m, error))
    return FALSE;

  if (recovered_within != NULL)
    *recovered_within = m.recovered_within;
  if (blown_away != NULL)
    *blown_away = m.blown_away;

  return TRUE;
}
