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
 * Targets: each case is measured against its own due time, worked out
 * from the target in force when it was logged (amends-store-targets.c).
 * A line shows the shortest and the longest target of the cases that
 * happened in the period, each read as coalesce (target_seconds,
 * recovery_due_at - occurred_at): a case logged before targets were kept
 * has its due time less when it happened.
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

#define G_LOG_DOMAIN "amends-store-measures"

#include "config.h"

#include "amends-store-measures.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "amends-store-measures-private.h"
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

static volatile gint n_measured;

static AmendsMeasureSource
source_for_store (AmendsStore *store)
{
  return (AmendsMeasureSource) { store, amends_store_get_conn (store), amends_store_now (store) };
}

AmendsStmt *
amends_measure_source_prepare (AmendsMeasureSource  *source,
                               const char           *sql,
                               GError              **error)
{
  if (source->store != NULL)
    return amends_store_prepare (source->store, sql, error);

  return amends_store_db_prepare (source->db, sql, error);
}

void
amends_measure_source_release (AmendsMeasureSource *source,
                               AmendsStmt          *stmt)
{
  if (stmt == NULL)
    return;
  if (source->store != NULL)
    amends_stmt_release (stmt);
  else
    amends_stmt_free (stmt);
}

AmendsDbEngine
amends_measure_source_get_engine (AmendsMeasureSource *source)
{
  if (source->store != NULL)
    return amends_store_get_engine (source->store);
  return amends_db_get_engine (source->db);
}

const char *
amends_measure_group_column (int by)
{
  switch (by)
    {
    case AMENDS_MEASURE_BY_OWNER:    return "owner_id";
    case AMENDS_MEASURE_BY_TEAM:     return "team";
    case AMENDS_MEASURE_BY_CATEGORY: return "category";
    default:                         return NULL;
    }
}

/* ?1 and ?2: the period; ?3: now; ?4: the moment the open counts are
 * taken (the end of the period, or now). */
#define COUNTED AMENDS_SQL_COUNTED ("c")
#define HAPPENED COUNTED " AND c.occurred_at >= ?1 AND c.occurred_at < ?2"
#define RECOVERED AMENDS_SQL_RECOVERED ("c")
#define RECOVERED_IN COUNTED " AND " RECOVERED " AND c.recovered_at >= ?1 AND c.recovered_at < ?2"
#define PAST_DUE_NOW(E) AMENDS_SQL_PAST_DUE (E, "c", "?3")
#define OPEN_AT \
  COUNTED " AND c.logged_at <= ?4" \
  " AND (c.status IN ('open', 'in-recovery') OR coalesce (c.recovered_at, c.closed_at) > ?4)"
#define PAST_DUE_AT(E) AMENDS_SQL_PAST_DUE_AT (E, "c", "?4")

/* The cases that can matter to a period, found through indexes rather
 * than by reading every case.
 *
 * Those open now (a few in a hundred) come whole from the index
 * cases_open (migration 6), which holds every column the measures read,
 * so that none of them is looked up in the table.
 *
 * Of the others, those that happened in the period, those recovered in
 * it, and those that finished after ?4 but were logged by then (open at
 * ?4).  The last are the hard part, as "logged by T and finished after
 * T" is two ranges.  The index cases_by_span files finished cases by the
 * number of digits of how long they took, in seconds, then by when they
 * were logged: a case that took fewer than 10^k seconds and was still
 * open at T was logged less than 10^k seconds before T, so each number
 * of digits is one short range of that index.
 *
 * Either way the outer query applies the definitions in full; this only
 * narrows what it reads. */
#define FINISHED_CANDIDATES(E) \
  "c.id IN (" \
  " SELECT h.id FROM cases AS h WHERE h.deleted_at IS NULL AND h.occurred_at >= ?1 AND h.occurred_at < ?2" \
  " UNION ALL" \
  " SELECT r.id FROM cases AS r WHERE r.deleted_at IS NULL AND r.recovered_at >= ?1 AND r.recovered_at < ?2" \
  " UNION ALL" \
  " SELECT f.id FROM spans AS s, cases AS f WHERE f.deleted_at IS NULL" \
  "   AND coalesce (f.recovered_at, f.closed_at) IS NOT NULL" \
  "   AND " AMENDS_SQL_SPAN_DIGITS (E, "f") " = s.digits" \
  "   AND f.logged_at > ?4 - s.width AND f.logged_at <= ?4)" \
  " AND c.status NOT IN ('open', 'in-recovery')"
/* Of the cases open now, only those logged by ?4 can have been open then;
 * the others count only if they happened or were recovered in the period.
 * A cheap test on the index's own columns, before the costly ones. */
#define OPEN_NOW \
  "c.deleted_at IS NULL AND c.status IN ('open', 'in-recovery')" \
  " AND (c.logged_at <= ?4 OR (c.occurred_at >= ?1 AND c.occurred_at < ?2)" \
  "      OR (c.recovered_at >= ?1 AND c.recovered_at < ?2))"
/* What the measures ask of each case, worked out once a case: every
 * condition of the definitions above, which the sums below combine.
 * Reads only columns of the index cases_open.  The flags are all truth
 * values (rule_bent, an integer, compared with 0), as the sums combine
 * them with AND, which PostgreSQL refuses an integer. */
#define FLAGS(E) \
  "c.owner_id AS owner_id, c.team AS team, c.category AS category," \
  " (" COUNTED ") AS counted," \
  " (c.occurred_at >= ?1 AND c.occurred_at < ?2) AS happened," \
  " (c.recovered_at >= ?1 AND c.recovered_at < ?2) AS recovered_then," \
  " " RECOVERED " AS recovered," \
  " " PAST_DUE_NOW (E) " AS past_due_now," \
  " " AMENDS_SQL_IN_TIME ("c") " AS in_time," \
  " (" OPEN_AT ") AS open_at," \
  " (" PAST_DUE_AT (E) ") AS past_due_at," \
  " c.noticed_by = 'staff' AS proactive," \
  " (c.rule_bent <> 0) AS rule_bent," \
  " c.reaction AS reaction," \
  " c.surprise_cost_cents AS surprise_cost_cents"
#define MATTERING(E) \
  "(SELECT " FLAGS (E) " FROM cases AS c WHERE " FINISHED_CANDIDATES (E) \
  " UNION ALL SELECT " FLAGS (E) " FROM cases AS c WHERE " OPEN_NOW ")"

#define WHEN(condition) "sum (CASE WHEN " condition " THEN 1 ELSE 0 END)"

/* Every measure of a period as a conditional aggregate, in one pass
 * over the cases that can matter; %1$s the group's key, %2$s its name,
 * %3$s the grouping. */
#define MEASURES_FORMAT(E) \
    AMENDS_SQL_SPANS_OF (E) \
    "SELECT %1$s, %2$s, count(*)," \
    " " WHEN ("m.counted AND m.happened") "," \
    " " WHEN ("m.counted AND m.happened AND m.proactive") "," \
    " " WHEN ("m.counted AND m.happened AND NOT m.recovered AND NOT m.past_due_now") "," \
    " " WHEN ("m.open_at") "," \
    " " WHEN ("m.open_at AND m.past_due_at") "," \
    " " WHEN ("m.open_at AND m.owner_id IS NULL") "," \
    " sum (CASE WHEN m.counted AND m.recovered AND m.recovered_then THEN m.surprise_cost_cents ELSE 0 END)," \
    " " WHEN ("m.counted AND m.happened AND m.rule_bent") "," \
    " " WHEN ("m.counted AND m.happened AND m.in_time") "," \
    " " WHEN ("m.counted AND m.happened AND (m.recovered OR m.past_due_now)") "," \
    " " WHEN ("m.counted AND m.recovered AND m.recovered_then AND m.reaction = 'blown-away'") "," \
    " " WHEN ("m.counted AND m.recovered AND m.recovered_then AND m.reaction != 'unknown'") "," \
    " " WHEN ("m.counted AND m.recovered AND m.recovered_then") \
    " FROM " MATTERING (E) " AS m" \
    " WHERE m.counted AND (m.happened OR m.recovered_then OR m.open_at)" \
    "%3$s"

/* Grouped by owner, team or category when @by is one, the groups with
 * the most cases first, their names without regard to case.  PostgreSQL
 * needs the name's expression in lower (…): there a number stands for a
 * column only alone, and lower (2) is the constant "2". */
static char *
measures_sql (AmendsDbEngine  engine,
              int             by)
{
  const char *column = amends_measure_group_column (by);
  g_autofree char *key = column ? g_strconcat ("m.", column, NULL) : g_strdup ("NULL");
  const char *name = by == AMENDS_MEASURE_BY_OWNER
    ? "(SELECT s.name FROM staff AS s WHERE s.id = m.owner_id)" : key;
  g_autofree char *grouping = NULL;

  if (column == NULL)
    grouping = g_strdup ("");
  else if (engine == AMENDS_DB_ENGINE_POSTGRESQL)
    grouping = g_strdup_printf (" GROUP BY 1 ORDER BY count(*) DESC, " AMENDS_SQL_NOCASE (PG, "%s"), name);
  else
    grouping = g_strdup (" GROUP BY 1 ORDER BY count(*) DESC, 2 COLLATE NOCASE");

  if (engine == AMENDS_DB_ENGINE_POSTGRESQL)
    return g_strdup_printf (MEASURES_FORMAT (PG), key, column ? name : "NULL", grouping);
  return g_strdup_printf (MEASURES_FORMAT (SQLITE), key, column ? name : "NULL", grouping);
}

/* The times to recovery, ordered within each group. */
#define TIMES_FORMAT(E) \
  "SELECT %s%s, " AMENDS_SQL_MAX2 (E, "0", "c.recovered_at - c.occurred_at - c.paused_seconds") \
  " FROM cases AS c WHERE " RECOVERED_IN " ORDER BY 1, 2"

static char *
times_sql (AmendsDbEngine  engine,
           int             by)
{
  const char *column = amends_measure_group_column (by);

  if (engine == AMENDS_DB_ENGINE_POSTGRESQL)
    return g_strdup_printf (TIMES_FORMAT (PG), column ? "c." : "", column ? column : "NULL");
  return g_strdup_printf (TIMES_FORMAT (SQLITE), column ? "c." : "", column ? column : "NULL");
}

/* The shortest and longest target of the cases that happened, by group. */
static char *
targets_sql (int by)
{
  const char *column = amends_measure_group_column (by);

  return g_strdup_printf ("SELECT %s%s,"
                          " min (coalesce (c.target_seconds, c.recovery_due_at - c.occurred_at)),"
                          " max (coalesce (c.target_seconds, c.recovery_due_at - c.occurred_at))"
                          " FROM cases AS c WHERE " HAPPENED " GROUP BY 1",
                          column ? "c." : "", column ? column : "NULL");
}

/* A group's key as text, so that NULL ("no owner") is a key too. */
static char *
dup_group_key (AmendsStmt *stmt,
               int         column)
{
  if (amends_stmt_column_is_null (stmt, column))
    return g_strdup ("n");

  return g_strconcat ("v", amends_stmt_column_text (stmt, column), NULL);
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

static void
set_times (AmendsMeasures *m,
           GArray         *times)
{
  m->median_seconds = median (times);
  m->p90_seconds = nearest_rank (times, 0.9);
}

static gboolean
read_targets (AmendsMeasureSource  *source,
              int                   by,
              GDateTime            *from,
              GDateTime            *until,
              GHashTable           *by_key,
              GError              **error)
{
  g_autofree char *sql = targets_sql (by);
  AmendsStmt *stmt;
  AmendsDbStep step;

  if (!(stmt = amends_measure_source_prepare (source, sql, error)))
    return FALSE;
  amends_stmt_bind_int64 (stmt, 1, g_date_time_to_unix (from));
  amends_stmt_bind_int64 (stmt, 2, g_date_time_to_unix (until));

  while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      g_autofree char *key = dup_group_key (stmt, 0);
      AmendsMeasureRow *row = g_hash_table_lookup (by_key, key);

      if (row == NULL || amends_stmt_column_is_null (stmt, 1))
        continue;
      row->measures.target_min_seconds = amends_stmt_column_int64 (stmt, 1);
      row->measures.target_max_seconds = amends_stmt_column_int64 (stmt, 2);
    }
  amends_measure_source_release (source, stmt);
  return step != AMENDS_DB_STEP_ERROR;
}

/* Measures the period once for each group of @by (or once for all when
 * @by is -1); the rows come out the most cases first. */
GPtrArray *
amends_measure_groups (AmendsMeasureSource  *source,
                       int                   by,
                       GDateTime            *from,
                       GDateTime            *until,
                       GError              **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) amends_measure_row_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  AmendsDbEngine engine = amends_measure_source_get_engine (source);
  g_autofree char *sql = measures_sql (engine, by);
  g_autofree char *tsql = times_sql (engine, by);
  g_autofree char *last_key = NULL;
  AmendsMeasureRow *row = NULL;
  gint64 end = g_date_time_to_unix (until);
  AmendsStmt *stmt;
  AmendsDbStep step;

  g_atomic_int_inc (&n_measured);

  if (!(stmt = amends_measure_source_prepare (source, sql, error)))
    return NULL;

  amends_stmt_bind_int64 (stmt, 1, g_date_time_to_unix (from));
  amends_stmt_bind_int64 (stmt, 2, end);
  amends_stmt_bind_int64 (stmt, 3, source->now);
  /* The last second of the period, so that a case logged as the next
   * period begins is not counted open in this one. */
  amends_stmt_bind_int64 (stmt, 4, MIN (source->now, end - 1));

  while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      AmendsMeasures *m;
      const char *name = amends_stmt_column_text (stmt, 1);

      row = g_new0 (AmendsMeasureRow, 1);
      g_ptr_array_add (rows, row);
      g_hash_table_insert (by_key, dup_group_key (stmt, 0), row);

      if (by == AMENDS_MEASURE_BY_OWNER)
        row->staff_id = amends_stmt_column_int64 (stmt, 0);
      if (by >= 0 && (name == NULL || *name == '\0'))
        name = by == AMENDS_MEASURE_BY_OWNER ? _("Unowned")
             : by == AMENDS_MEASURE_BY_TEAM ? _("No team")
             : _("No category");
      row->name = g_strdup (name);

      m = &row->measures;
      m->n_happened = amends_stmt_column_int (stmt, 3);
      set_share (&m->proactive, amends_stmt_column_int (stmt, 4), m->n_happened);
      m->n_pending = amends_stmt_column_int (stmt, 5);
      m->n_open = amends_stmt_column_int (stmt, 6);
      m->n_overdue = amends_stmt_column_int (stmt, 7);
      m->n_unowned = amends_stmt_column_int (stmt, 8);
      m->surprise_cents = amends_stmt_column_int64 (stmt, 9);
      m->n_rule_bends = amends_stmt_column_int (stmt, 10);
      set_share (&m->recovered_within, amends_stmt_column_int (stmt, 11), amends_stmt_column_int (stmt, 12));
      set_share (&m->blown_away, amends_stmt_column_int (stmt, 13), amends_stmt_column_int (stmt, 14));
      m->n_recovered = amends_stmt_column_int (stmt, 15);
      m->n_reaction_unknown = m->n_recovered - m->blown_away.n_of;
      m->as_of = MIN (source->now, end);
      m->median_seconds = -1;
      m->p90_seconds = -1;
      m->target_min_seconds = -1;
      m->target_max_seconds = -1;
    }
  amends_measure_source_release (source, stmt);
  if (step == AMENDS_DB_STEP_ERROR)
    return NULL;

  if (!(stmt = amends_measure_source_prepare (source, tsql, error)))
    return NULL;
  amends_stmt_bind_int64 (stmt, 1, g_date_time_to_unix (from));
  amends_stmt_bind_int64 (stmt, 2, end);

  row = NULL;
  while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      g_autofree char *key = dup_group_key (stmt, 0);
      gint64 t = amends_stmt_column_int64 (stmt, 1);

      if (last_key == NULL || strcmp (key, last_key) != 0)
        {
          if (row != NULL)
            set_times (&row->measures, times);
          g_array_set_size (times, 0);
          row = g_hash_table_lookup (by_key, key);
          g_free (last_key);
          last_key = g_steal_pointer (&key);
        }
      g_array_append_val (times, t);
    }
  if (row != NULL)
    set_times (&row->measures, times);
  amends_measure_source_release (source, stmt);
  if (step == AMENDS_DB_STEP_ERROR)
    return NULL;

  if (!read_targets (source, by, from, until, by_key, error))
    return NULL;

  return g_steal_pointer (&rows);
}

gboolean
amends_measure_period (AmendsMeasureSource  *source,
                       GDateTime            *from,
                       GDateTime            *until,
                       AmendsMeasures       *measures,
                       GError              **error)
{
  g_autoptr(GPtrArray) rows = amends_measure_groups (source, -1, from, until, error);

  if (rows == NULL)
    return FALSE;

  /* Without GROUP BY the aggregate query gives exactly one row. */
  g_assert (rows->len == 1);
  *measures = ((AmendsMeasureRow *) rows->pdata[0])->measures;

  return TRUE;
}

GPtrArray *
amends_measure_weeks (AmendsMeasureSource  *source,
                      GDateTime            *last_week_start,
                      guint                 n_weeks,
                      GError              **error)
{
  g_autoptr(GPtrArray) weeks = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_weeks; i++)
    {
      g_autoptr(GDateTime) from = g_date_time_add_weeks (last_week_start, -(int) (n_weeks - 1 - i));
      g_autoptr(GDateTime) until = g_date_time_add_weeks (from, 1);
      AmendsMeasures *m = g_new0 (AmendsMeasures, 1);

      g_ptr_array_add (weeks, m);
      if (!amends_measure_period (source, from, until, m, error))
        return NULL;
    }

  return g_steal_pointer (&weeks);
}

GPtrArray *
amends_measure_spans (AmendsMeasureSource  *source,
                      GPtrArray            *bounds,
                      GError              **error)
{
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i + 1 < bounds->len; i++)
    {
      AmendsMeasures *m = g_new0 (AmendsMeasures, 1);

      g_ptr_array_add (spans, m);
      if (!amends_measure_period (source, bounds->pdata[i], bounds->pdata[i + 1], m, error))
        return NULL;
    }

  return g_steal_pointer (&spans);
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
  AmendsMeasureSource source;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (from != NULL && until != NULL && measures != NULL, FALSE);

  source = source_for_store (self);
  memset (measures, 0, sizeof *measures);
  return amends_measure_period (&source, from, until, measures, error);
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
  AmendsMeasureSource source;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);
  g_return_val_if_fail (amends_measure_group_column (by) != NULL, NULL);

  source = source_for_store (self);
  return amends_measure_groups (&source, by, from, until, error);
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
  AmendsMeasureSource source;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  source = source_for_store (self);
  return amends_measure_weeks (&source, last_week_start, n_weeks, error);
}

/**
 * amends_store_measure_spans:
 * @bounds: (element-type GDateTime): the spans' bounds, one more than
 *   the spans
 *
 * Returns: (transfer full) (element-type AmendsMeasures): one a span,
 *   oldest first
 */
GPtrArray *
amends_store_measure_spans (AmendsStore  *self,
                            GPtrArray    *bounds,
                            GError      **error)
{
  AmendsMeasureSource source;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);
  g_return_val_if_fail (bounds != NULL && bounds->len >= 2, NULL);

  source = source_for_store (self);
  return amends_measure_spans (&source, bounds, error);
}

/**
 * amends_measures_get_n_measured:
 *
 * Returns: how many periods (or tables of groups) have been measured in
 *   this process, so that tests can tell whether anything was measured
 */
guint
amends_measures_get_n_measured (void)
{
  return (guint) g_atomic_int_get (&n_measured);
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
