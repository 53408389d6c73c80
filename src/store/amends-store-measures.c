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
 * Proactive: of the cases that happened in the period, the share staff
 * noticed before the customer said anything.
 *
 * Time to recovery (median, 90th percentile, nearest rank) and surprise
 * spend are of the cases recovered (or, without a recovery time, closed)
 * in the period.  Rule bends count the cases that happened in the period.
 * Open, overdue and unowned are counts of now, whatever the period.
 *
 * Cases in the trash are never counted.
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

#define HAPPENED "c.deleted_at IS NULL AND c.occurred_at >= ?1 AND c.occurred_at < ?2"
#define FINISHED_AT "coalesce (c.recovered_at, c.closed_at)"
#define RECOVERED_IN "c.deleted_at IS NULL AND " FINISHED_AT " >= ?1 AND " FINISHED_AT " < ?2"
#define ACTIVE "c.status IN ('open', 'in-recovery')"
#define OVERDUE ACTIVE " AND c.paused_at IS NULL AND c.recovery_due_at + c.paused_seconds < ?3"

static char *
counts_sql (int by)
{
  const char *column = group_column (by);
  g_autofree char *group = column ? g_strdup_printf (" AND %s IS ?4", column) : g_strdup ("");

  return g_strdup_printf (
    "SELECT"
    " (SELECT count(*) FROM cases AS c WHERE " HAPPENED "%1$s),"
    " (SELECT count(*) FROM cases AS c WHERE " HAPPENED " AND c.noticed_by = 'staff'%1$s),"
    " (SELECT count(*) FROM cases AS c WHERE " HAPPENED " AND " ACTIVE " AND NOT (" OVERDUE ")%1$s),"
    " (SELECT count(*) FROM cases AS c WHERE c.deleted_at IS NULL AND " ACTIVE "%1$s),"
    " (SELECT count(*) FROM cases AS c WHERE c.deleted_at IS NULL AND " OVERDUE "%1$s),"
    " (SELECT count(*) FROM cases AS c WHERE c.deleted_at IS NULL AND " ACTIVE " AND c.owner_id IS NULL%1$s),"
    " (SELECT coalesce (sum (c.surprise_cost_cents), 0) FROM cases AS c WHERE " RECOVERED_IN "%1$s),"
    " (SELECT count(*) FROM cases AS c WHERE " HAPPENED " AND c.rule_bent%1$s),"
    " (SELECT count(*) FROM cases AS c WHERE " HAPPENED " AND " FINISHED_AT " IS NOT NULL"
    "    AND " FINISHED_AT " - c.paused_seconds <= c.recovery_due_at%1$s),"
    " (SELECT count(*) FROM cases AS c WHERE " HAPPENED " AND (" FINISHED_AT " IS NOT NULL OR (" OVERDUE "))%1$s),"
    " (SELECT count(*) FROM cases AS c WHERE c.deleted_at IS NULL AND c.status = 'closed'"
    "    AND c.closed_at >= ?1 AND c.closed_at < ?2 AND c.reaction = 'blown-away'%1$s),"
    " (SELECT count(*) FROM cases AS c WHERE c.deleted_at IS NULL AND c.status = 'closed'"
    "    AND c.closed_at >= ?1 AND c.closed_at < ?2 AND c.reaction != 'unknown'%1$s)",
    group);
}

static char *
times_sql (int by)
{
  const char *column = group_column (by);
  g_autofree char *group = column ? g_strdup_printf (" AND %s IS ?4", column) : g_strdup ("");

  return g_strdup_printf ("SELECT max (0, " FINISHED_AT " - c.occurred_at - c.paused_seconds)"
                          " FROM cases AS c WHERE " RECOVERED_IN "%s AND ?3 = ?3 ORDER BY 1",
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
  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (from));
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (until));
  sqlite3_bind_int64 (stmt, 3, amends_store_now (self));

  if (key == NULL || sqlite3_bind_parameter_count (stmt) < 4)
    return;
  if (G_VALUE_HOLDS_INT64 (key) && g_value_get_int64 (key) > 0)
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
                         " WHERE c.deleted_at IS NULL AND ((c.occurred_at >= ?1 AND c.occurred_at < ?2)"
                         "   OR (" FINISHED_AT " >= ?1 AND " FINISHED_AT " < ?2)"
                         "   OR (" ACTIVE " AND ?3 = ?3))"
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

  if (sscanf (text, "%4d-W%2d%c", &year, &week, &end) != 2 || year < 1970 || year > 9999 || week < 1)
    goto invalid;

  if (zone == NULL)
    zone = local = g_time_zone_new_local ();

  /* Week 1 is the week with 4 January in it. */
  jan4 = g_date_time_new (zone, year, 1, 4, 0, 0, 0);
  week1 = amends_iso_week_start (jan4);
  start = g_date_time_add_weeks (week1, week - 1);
  if (g_date_time_get_week_numbering_year (start) != year)
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
