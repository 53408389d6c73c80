/* amends-store-lessons.c: what the lessons say over a period: causes, rules bent, RATER, came back
 *
 * "Measured, not only recorded" (issue 14): the cause each lesson names,
 * the rules that keep being bent ("rules never broken never change"), the
 * RATER dimensions a breakdown failed and a recovery showed, and whether
 * the customer came back.  The cohorts follow the README's definitions
 * and the SQL of amends-store-private.h:
 *
 * Causes: of the counted cases that happened in the period, those whose
 * lesson names a cause, counted by cause in any case ("Staffing" and
 * "staffing" are one), with how many of them changed the process; beside
 * them the same count over the 90 days up to the period's end, or up to
 * now while the period runs, so that a cause that keeps coming back shows
 * even in a quiet week.  A cause counted in either is listed.
 *
 * Rules bent: of the counted cases that happened in the period, those
 * that bent a rule, counted by the rule as written, in any case and
 * blanks around it aside; those that did not say which are counted apart.
 * They add up to the rules bent of amends-store-measures.c.
 *
 * RATER: of the counted cases that happened in the period, how many
 * failed each dimension and how many showed it.
 *
 * Came back: of the cases recovered in the period (as for blown away),
 * the share whose customer came back, among those whose return was
 * recorded; beside it, "not recorded: N of M".  Blown away is measured
 * with it, as amends-store-measures.c does, to be shown beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store-lessons"

#include "config.h"

#include "amends-store-lessons.h"

#include <string.h>
#include <glib/gi18n.h>

#include "amends-store-measures-private.h"

const AmendsRater amends_lessons_rater[AMENDS_LESSONS_N_RATER] = {
  AMENDS_RATER_RELIABILITY,
  AMENDS_RATER_ASSURANCE,
  AMENDS_RATER_TANGIBLES,
  AMENDS_RATER_EMPATHY,
  AMENDS_RATER_RESPONSIVENESS,
};

#define COUNTED AMENDS_SQL_COUNTED ("c")
#define HAPPENED COUNTED " AND c.occurred_at >= ?1 AND c.occurred_at < ?2"
/* How many rows meet @condition, spelt so that PostgreSQL, which sums no
 * booleans, takes it too (as amends-store-measures.c does); flags are
 * compared with 0 for the same reason. */
#define WHEN(condition) "sum (CASE WHEN " condition " THEN 1 ELSE 0 END)"
#define RATER_SUMS(column) \
  WHEN ("(" column " & 1) <> 0") ", " WHEN ("(" column " & 2) <> 0") ", " \
  WHEN ("(" column " & 4) <> 0") ", " WHEN ("(" column " & 8) <> 0") ", " \
  WHEN ("(" column " & 16) <> 0")

G_STATIC_ASSERT (AMENDS_RATER_RELIABILITY == 1 && AMENDS_RATER_ASSURANCE == 2 &&
                 AMENDS_RATER_TANGIBLES == 4 && AMENDS_RATER_EMPATHY == 8 &&
                 AMENDS_RATER_RESPONSIVENESS == 16);

/* ?1 ?2: the period. */
static const char rater_sql[] =
  "SELECT count(*), " RATER_SUMS ("c.rater_failed") ", " RATER_SUMS ("c.rater_shown")
  " FROM cases AS c WHERE " HAPPENED;

/* ?1 ?2: the period. */
static const char came_back_sql[] =
  "SELECT count(*), " WHEN ("c.came_back = 'yes'") ", " WHEN ("c.came_back <> 'unknown'") ","
  " " WHEN ("c.reaction = 'blown-away'") ", " WHEN ("c.reaction <> 'unknown'")
  " FROM cases AS c WHERE " COUNTED " AND " AMENDS_SQL_RECOVERED ("c")
  " AND c.recovered_at >= ?1 AND c.recovered_at < ?2";

/* ?1 ?2: the period; ?3 ?4: the 90 days; ?5: the earlier of ?1 and ?3.
 * One range of the index cases_by_occurred covers both; "IS NOT NULL" is
 * spelt out so that a partial index of the cases with a cause, (occurred_at)
 * WHERE deleted_at IS NULL AND lesson_cause IS NOT NULL, can serve it. */
#define CAUSES_SQL(E) \
  "SELECT c.lesson_cause," \
  " " WHEN ("c.occurred_at >= ?1 AND c.occurred_at < ?2") "," \
  " " WHEN ("c.occurred_at >= ?1 AND c.occurred_at < ?2 AND c.process_changed <> 0") "," \
  " " WHEN ("c.occurred_at >= ?3 AND c.occurred_at < ?4") "," \
  " max (c.occurred_at)" \
  " FROM cases AS c WHERE " COUNTED " AND c.occurred_at >= ?5 AND c.occurred_at < " \
  AMENDS_SQL_MAX2 (E, AMENDS_SQL_INT_PARAM (E, "?2"), AMENDS_SQL_INT_PARAM (E, "?4")) \
  " AND c.lesson_cause IS NOT NULL AND length (trim (c.lesson_cause)) > 0" \
  " GROUP BY c.lesson_cause"

/* ?1 ?2: the period. */
static const char rules_sql[] =
  "SELECT c.bent_rule, count(*), max (c.occurred_at)"
  " FROM cases AS c WHERE " HAPPENED " AND c.rule_bent <> 0"
  " GROUP BY c.bent_rule";

static void
cause_count_free (AmendsCauseCount *count)
{
  g_free (count->name);
  g_free (count);
}

static void
bent_rule_count_free (AmendsBentRuleCount *count)
{
  g_free (count->rule);
  g_free (count);
}

void
amends_lesson_measures_free (AmendsLessonMeasures *measures)
{
  if (measures == NULL)
    return;

  g_clear_pointer (&measures->causes, g_ptr_array_unref);
  g_clear_pointer (&measures->bent_rules, g_ptr_array_unref);
  g_free (measures);
}

/* Where the SQL runs: the store's connection and statement cache, or a
 * connection of a worker thread's own (amends-store-measures-private.h). */
/* A text in the form its group is known by: blanks around it aside, in
 * any case. */
static char *
group_key (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  return g_utf8_casefold (stripped, -1);
}

static gboolean
measure_rater (AmendsMeasureSource   *source,
               gint64                 from,
               gint64                 until,
               AmendsLessonMeasures  *m,
               GError               **error)
{
  AmendsStmt *stmt = amends_measure_source_prepare (source, rater_sql, error);
  AmendsDbStep step;

  if (stmt == NULL)
    return FALSE;

  amends_stmt_bind_int64 (stmt, 1, from);
  amends_stmt_bind_int64 (stmt, 2, until);
  if ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      m->n_happened = amends_stmt_column_int (stmt, 0);
      for (guint i = 0; i < AMENDS_LESSONS_N_RATER; i++)
        {
          m->rater_failed[i] = amends_stmt_column_int (stmt, 1 + i);
          m->rater_shown[i] = amends_stmt_column_int (stmt, 1 + AMENDS_LESSONS_N_RATER + i);
        }
    }
  amends_measure_source_release (source, stmt);

  /* An aggregate without GROUP BY always gives its one row. */
  return step != AMENDS_DB_STEP_ERROR;
}

static gboolean
measure_came_back (AmendsMeasureSource   *source,
                   gint64                 from,
                   gint64                 until,
                   AmendsLessonMeasures  *m,
                   GError               **error)
{
  AmendsStmt *stmt = amends_measure_source_prepare (source, came_back_sql, error);
  AmendsDbStep step;

  if (stmt == NULL)
    return FALSE;

  amends_stmt_bind_int64 (stmt, 1, from);
  amends_stmt_bind_int64 (stmt, 2, until);
  if ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      guint yes = amends_stmt_column_int (stmt, 1);
      guint recorded = amends_stmt_column_int (stmt, 2);
      guint blown = amends_stmt_column_int (stmt, 3);
      guint reacted = amends_stmt_column_int (stmt, 4);

      m->n_recovered = amends_stmt_column_int (stmt, 0);
      m->n_came_back_unknown = m->n_recovered - recorded;
      m->came_back.n_counted = yes;
      m->came_back.n_of = recorded;
      m->came_back.share = recorded > 0 ? (double) yes / recorded : -1;
      m->n_reaction_unknown = m->n_recovered - reacted;
      m->blown_away.n_counted = blown;
      m->blown_away.n_of = reacted;
      m->blown_away.share = reacted > 0 ? (double) blown / reacted : -1;
    }
  amends_measure_source_release (source, stmt);

  /* As for RATER: one row, always. */
  return step != AMENDS_DB_STEP_ERROR;
}

typedef struct
{
  gpointer count;
  gint64   newest;   /* when the case that named it last happened */
} Group;

static int
compare_causes (gconstpointer a,
                gconstpointer b)
{
  const AmendsCauseCount *x = *(AmendsCauseCount **) a;
  const AmendsCauseCount *y = *(AmendsCauseCount **) b;

  if (x->n_period != y->n_period)
    return x->n_period > y->n_period ? -1 : 1;
  if (x->n_recent != y->n_recent)
    return x->n_recent > y->n_recent ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

static int
compare_rules (gconstpointer a,
               gconstpointer b)
{
  const AmendsBentRuleCount *x = *(AmendsBentRuleCount **) a;
  const AmendsBentRuleCount *y = *(AmendsBentRuleCount **) b;

  if (x->n != y->n)
    return x->n > y->n ? -1 : 1;
  return g_utf8_collate (x->rule, y->rule);
}

static gboolean
measure_causes (AmendsMeasureSource   *source,
                gint64                 from,
                gint64                 until,
                AmendsLessonMeasures  *m,
                GError               **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  AmendsStmt *stmt = amends_measure_source_prepare (source,
                                                    AMENDS_SQL_FOR (amends_measure_source_get_engine (source),
                                                                    CAUSES_SQL),
                                                    error);
  AmendsDbStep step;

  if (stmt == NULL)
    return FALSE;

  amends_stmt_bind_int64 (stmt, 1, from);
  amends_stmt_bind_int64 (stmt, 2, until);
  amends_stmt_bind_int64 (stmt, 3, m->recent_from);
  amends_stmt_bind_int64 (stmt, 4, m->recent_until);
  amends_stmt_bind_int64 (stmt, 5, MIN (from, m->recent_from));

  while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      const char *name = amends_stmt_column_text (stmt, 0);
      g_autofree char *key = group_key (name);
      gint64 newest = amends_stmt_column_int64 (stmt, 4);
      Group *group = g_hash_table_lookup (groups, key);
      AmendsCauseCount *count;

      if (amends_stmt_column_int (stmt, 1) == 0 && amends_stmt_column_int (stmt, 3) == 0)
        continue;

      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->count = g_new0 (AmendsCauseCount, 1);
          group->newest = G_MININT64;
          g_ptr_array_add (m->causes, group->count);
          g_hash_table_insert (groups, g_steal_pointer (&key), group);
        }

      count = group->count;
      count->n_period += amends_stmt_column_int (stmt, 1);
      count->n_changed += amends_stmt_column_int (stmt, 2);
      count->n_recent += amends_stmt_column_int (stmt, 3);
      if (newest > group->newest)
        {
          group->newest = newest;
          g_free (count->name);
          count->name = g_strstrip (g_strdup (name));
        }
    }
  amends_measure_source_release (source, stmt);

  if (step == AMENDS_DB_STEP_ERROR)
    return FALSE;

  g_ptr_array_sort (m->causes, compare_causes);
  return TRUE;
}

static gboolean
measure_rules (AmendsMeasureSource   *source,
               gint64                 from,
               gint64                 until,
               AmendsLessonMeasures  *m,
               GError               **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  AmendsStmt *stmt = amends_measure_source_prepare (source, rules_sql, error);
  AmendsDbStep step;

  if (stmt == NULL)
    return FALSE;

  amends_stmt_bind_int64 (stmt, 1, from);
  amends_stmt_bind_int64 (stmt, 2, until);

  while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      const char *rule = amends_stmt_column_text (stmt, 0);
      g_autofree char *key = group_key (rule);
      guint n = amends_stmt_column_int (stmt, 1);
      gint64 newest = amends_stmt_column_int64 (stmt, 2);
      AmendsBentRuleCount *count;
      Group *group;

      if (*key == '\0')
        {
          m->n_rules_unnamed += n;
          continue;
        }

      if ((group = g_hash_table_lookup (groups, key)) == NULL)
        {
          group = g_new0 (Group, 1);
          group->count = g_new0 (AmendsBentRuleCount, 1);
          group->newest = G_MININT64;
          g_ptr_array_add (m->bent_rules, group->count);
          g_hash_table_insert (groups, g_steal_pointer (&key), group);
        }

      count = group->count;
      count->n += n;
      if (newest > group->newest)
        {
          group->newest = newest;
          g_free (count->rule);
          count->rule = g_strstrip (g_strdup (rule));
        }
    }
  amends_measure_source_release (source, stmt);

  if (step == AMENDS_DB_STEP_ERROR)
    return FALSE;

  g_ptr_array_sort (m->bent_rules, compare_rules);
  return TRUE;
}

/* The 90 days up to the period's end, or up to now while it runs, in
 * local days. */
static void
set_recent (AmendsLessonMeasures *m,
            GDateTime            *until,
            gint64                now)
{
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) start = NULL;

  if (g_date_time_to_unix (until) > now)
    end = g_date_time_add_seconds (until, (double) (now - g_date_time_to_unix (until)));
  else
    end = g_date_time_ref (until);
  start = g_date_time_add_days (end, -AMENDS_LESSONS_RECENT_DAYS);

  /* A case logged this very second counts: the range ends after now. */
  m->recent_until = g_date_time_to_unix (end) + (g_date_time_to_unix (until) > now ? 1 : 0);
  m->recent_from = g_date_time_to_unix (start);
}

static AmendsLessonMeasures *
measure (AmendsMeasureSource  *source,
         GDateTime            *from,
         GDateTime            *until,
         GError              **error)
{
  g_autoptr(AmendsLessonMeasures) m = g_new0 (AmendsLessonMeasures, 1);
  gint64 start = g_date_time_to_unix (from);
  gint64 end = g_date_time_to_unix (until);

  m->causes = g_ptr_array_new_with_free_func ((GDestroyNotify) cause_count_free);
  m->bent_rules = g_ptr_array_new_with_free_func ((GDestroyNotify) bent_rule_count_free);
  set_recent (m, until, source->now);

  if (!measure_rater (source, start, end, m, error) ||
      !measure_came_back (source, start, end, m, error) ||
      !measure_causes (source, start, end, m, error) ||
      !measure_rules (source, start, end, m, error))
    return NULL;

  return g_steal_pointer (&m);
}

/**
 * amends_store_measure_lessons:
 *
 * Measures what the lessons of [@from, @until) say, on the store's own
 * connection (the weekly summary); see the definitions above.
 *
 * Returns: (transfer full): the measures, or %NULL with @error set
 */
AmendsLessonMeasures *
amends_store_measure_lessons (AmendsStore  *self,
                              GDateTime    *from,
                              GDateTime    *until,
                              GError      **error)
{
  AmendsMeasureSource source;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && until != NULL, NULL);

  source = (AmendsMeasureSource) { self, amends_store_get_conn (self), amends_store_now (self) };
  return measure (&source, from, until, error);
}

typedef struct
{
  char      *uri;
  gint64     now;
  GDateTime *from;
  GDateTime *until;
} Job;

static void
job_free (Job *job)
{
  g_free (job->uri);
  g_date_time_unref (job->from);
  g_date_time_unref (job->until);
  g_free (job);
}

static void
measure_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  AmendsMeasureSource source = { NULL, NULL, job->now };
  AmendsLessonMeasures *m = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if ((source.db = amends_store_open_worker (job->uri, AMENDS_WORKER_READ, &error)))
    m = measure (&source, job->from, job->until, &error);

  g_clear_pointer (&source.db, amends_db_close);

  if (m == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, m, (GDestroyNotify) amends_lesson_measures_free);
}

/**
 * amends_lesson_measures_measure_async:
 *
 * Measures as amends_store_measure_lessons() does, in a worker thread on
 * a read-only connection of its own, with the store's notion of now at
 * this call.  Nothing here keeps @store alive.
 */
void
amends_lesson_measures_measure_async (AmendsStore         *store,
                                      GDateTime           *from,
                                      GDateTime           *until,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (AMENDS_IS_STORE (store));
  g_return_if_fail (from != NULL && until != NULL);

  job = g_new0 (Job, 1);
  job->uri = amends_store_dup_reader_uri (store);
  job->now = amends_store_now (store);
  job->from = g_date_time_ref (from);
  job->until = g_date_time_ref (until);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, amends_lesson_measures_measure_async);
  g_task_set_name (task, "[amends] lessons measures");
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, measure_thread);
}

AmendsLessonMeasures *
amends_lesson_measures_measure_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
