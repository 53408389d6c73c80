/* amends-store-reminders.c: the cases the reminders look at
 *
 * The reminders (amends-reminders.c) need the few cases whose moments lie
 * around now, never the million: the work whose due time lies between
 * the look-back (less the escalation time) and the lead time ahead, read
 * from the list's order index (list_group 0, one range per severity), and
 * the open cases nobody owns logged since the look-back, from the index of
 * the open cases.  Then the first due time beyond, one row per severity
 * from the same index, which is when to look again if nothing comes
 * sooner.  The window reads them in a worker thread on a read-only
 * connection of its own; the tests on the store's connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store-reminders"

#include "config.h"

#include "amends-store-case-ids.h"
#include "amends-store-private.h"
#include "amends-store-reminders.h"

/* ?1 to ?2: the window of due times; ?3: the look-back of the unowned.
 * Whether the case is open is 1 or 0 in both halves of the UNION, which
 * PostgreSQL will not join from a boolean and an integer. */
static const char cases_sql[] =
  "SELECT id, reference, summary, coalesce (owner_id, 0), logged_at,"
  "       CASE WHEN " AMENDS_SQL_OPEN ("c") " THEN 1 ELSE 0 END,"
  "       CASE WHEN " AMENDS_SQL_OPEN ("c") " AND paused_at IS NULL"
  "            THEN " AMENDS_SQL_DUE ("c") " ELSE 0 END,"
  "       CASE WHEN status = 'recovered' THEN coalesce (follow_up_due_at, 0) ELSE 0 END"
  "  FROM cases AS c"
  "  WHERE deleted_at IS NULL AND list_group = 0 AND list_rank IN (0, 1, 2, 3)"
  "    AND list_key BETWEEN ?1 AND ?2 "
  "UNION "
  "SELECT id, reference, summary, 0, logged_at, 1,"
  "       CASE WHEN paused_at IS NULL THEN " AMENDS_SQL_DUE ("c") " ELSE 0 END, 0"
  "  FROM cases AS c"
  "  WHERE deleted_at IS NULL AND " AMENDS_SQL_OPEN ("c")
  "    AND logged_at >= ?3 AND owner_id IS NULL "
  "LIMIT " G_STRINGIFY (AMENDS_REMINDER_MAX_CASES);

/* min() on one severity's range is one step into the index.  ?1 is the
 * severity's rank, ?2 the end of the window. */
static const char later_sql[] =
  "SELECT min (list_key) FROM cases"
  "  WHERE deleted_at IS NULL AND list_group = 0 AND list_rank = ?1 AND list_key > ?2";

/**
 * amends_reminder_window_init:
 *
 * The moments that can be due at @now, or come before the lead time ahead:
 * an escalation of a case due as long before as the escalation time and
 * the look-back together, a "due soon" of a case due within the lead time.
 */
void
amends_reminder_window_init (AmendsReminderWindow      *window,
                             const AmendsReminderRules *rules,
                             gint64                     now)
{
  window->from = now - rules->look_back_seconds - MAX (rules->escalation_seconds, 0) - 1;
  window->until = now + MAX (rules->lead_seconds, 0) + 1;
  window->logged_from = now - rules->look_back_seconds - rules->unowned_seconds;
}

static char *
column_text (AmendsStmt *stmt,
             int         column)
{
  return g_strdup (amends_stmt_column_text (stmt, column));
}

static gboolean
read_later (AmendsDb                   *db,
            const AmendsReminderWindow *window,
            gint64                     *later,
            GError                    **error)
{
  AmendsStmt *stmt = amends_store_db_prepare (db, later_sql, error);
  AmendsDbStep step = AMENDS_DB_STEP_DONE;

  *later = G_MAXINT64;
  if (stmt == NULL)
    return FALSE;

  for (int rank = 0; step != AMENDS_DB_STEP_ERROR && rank <= 3; rank++)
    {
      amends_stmt_reset (stmt);
      amends_stmt_bind_int64 (stmt, 1, rank);
      amends_stmt_bind_int64 (stmt, 2, window->until);
      step = amends_stmt_step (stmt, error);
      if (step == AMENDS_DB_STEP_ROW && !amends_stmt_column_is_null (stmt, 0))
        *later = MIN (*later, amends_stmt_column_int64 (stmt, 0));
    }
  amends_stmt_free (stmt);

  return step != AMENDS_DB_STEP_ERROR;
}

static GArray *
read_cases (AmendsDb                   *db,
            const AmendsReminderWindow *window,
            gint64                     *later,
            GError                    **error)
{
  g_autoptr(GArray) cases = g_array_new (FALSE, TRUE, sizeof (AmendsReminderCase));
  AmendsStmt *stmt = NULL;
  AmendsDbStep step = AMENDS_DB_STEP_ERROR;
  gboolean ok;

  g_array_set_clear_func (cases, (GDestroyNotify) amends_reminder_case_clear);

  /* One read transaction: the cases and what comes later of one moment. */
  if (amends_store_db_exec (db, amends_sql_pick (&amends_sql_snapshot_begin, amends_db_get_engine (db)), error) &&
      (stmt = amends_store_db_prepare (db, cases_sql, error)) != NULL)
    {
      amends_stmt_bind_int64 (stmt, 1, window->from);
      amends_stmt_bind_int64 (stmt, 2, window->until);
      amends_stmt_bind_int64 (stmt, 3, window->logged_from);
      while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
        {
          AmendsReminderCase kase = {
            amends_stmt_column_int64 (stmt, 0),
            column_text (stmt, 1),
            column_text (stmt, 2),
            amends_stmt_column_int64 (stmt, 3),
            amends_stmt_column_int64 (stmt, 4),
            amends_stmt_column_int (stmt, 5) != 0,
            amends_stmt_column_int64 (stmt, 6),
            amends_stmt_column_int64 (stmt, 7),
          };
          g_array_append_val (cases, kase);
        }
    }
  g_clear_pointer (&stmt, amends_stmt_free);

  ok = step == AMENDS_DB_STEP_DONE && read_later (db, window, later, error);
  amends_db_exec (db, "COMMIT", NULL);

  return ok ? g_steal_pointer (&cases) : NULL;
}

/**
 * amends_store_read_reminder_cases:
 * @later: (out): the first due time after the window, or %G_MAXINT64
 *
 * Reads on the store's own connection, in the caller's thread.
 *
 * Returns: (transfer full) (element-type AmendsReminderCase): the cases
 *   in @window, or %NULL with @error set
 */
GArray *
amends_store_read_reminder_cases (AmendsStore                *self,
                                  const AmendsReminderWindow *window,
                                  gint64                     *later,
                                  GError                    **error)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);
  g_return_val_if_fail (window != NULL && later != NULL, NULL);

  return read_cases (amends_store_get_conn (self), window, later, error);
}

typedef struct
{
  char                 *uri;
  AmendsReminderWindow  window;
  gint64                later;
} Job;

static void
job_free (Job *job)
{
  g_free (job->uri);
  g_free (job);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  AmendsDb *db = NULL;
  GError *error = NULL;
  GArray *cases = NULL;

  if ((db = amends_store_open_worker (job->uri, AMENDS_WORKER_READ_DETAILED, &error)))
    cases = read_cases (db, &job->window, &job->later, &error);
  g_clear_pointer (&db, amends_db_close);

  if (cases == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, cases, (GDestroyNotify) g_array_unref);
}

/**
 * amends_store_read_reminder_cases_async:
 *
 * Reads the cases in @window in a worker thread, on a read-only
 * connection of its own; holds no reference to @self.
 */
void
amends_store_read_reminder_cases_async (AmendsStore                *self,
                                        const AmendsReminderWindow *window,
                                        GCancellable               *cancellable,
                                        GAsyncReadyCallback         callback,
                                        gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (AMENDS_IS_STORE (self));
  g_return_if_fail (window != NULL);

  job = g_new0 (Job, 1);
  job->uri = amends_store_dup_reader_uri (self);
  job->window = *window;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, amends_store_read_reminder_cases_async);
  g_task_set_name (task, "[amends] reminders");
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, read_thread);
}

GArray *
amends_store_read_reminder_cases_finish (GAsyncResult  *result,
                                         gint64        *later,
                                         GError       **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  job = g_task_get_task_data (G_TASK (result));
  if (later != NULL)
    *later = job->later;

  return g_task_propagate_pointer (G_TASK (result), error);
}
