/* amends-measures-sheet.c: a period's measures, read in a worker thread
 *
 * The Measures view and the staff-room screen never measure on the main
 * thread: at a million cases a look at a period is a few hundred
 * milliseconds of SQL.  A sheet is measured in a GTask on a read-only
 * connection of its own (AmendsMeasurer), with the store's notion of now
 * taken when it was asked for, and stops between queries once cancelled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-measures-sheet"

#include "config.h"

#include "amends-measures-sheet.h"

typedef struct
{
  AmendsMeasurer           *measurer;
  AmendsMeasuresSheet      *sheet;
  GDateTime                *before_from;
  GDateTime                *before_until;
  guint                     n_weeks;
  AmendsMeasuresSheetParts  parts;
} Job;

void
amends_measures_sheet_free (AmendsMeasuresSheet *sheet)
{
  if (sheet == NULL)
    return;

  g_clear_pointer (&sheet->from, g_date_time_unref);
  g_clear_pointer (&sheet->until, g_date_time_unref);
  g_clear_pointer (&sheet->last_week, g_date_time_unref);
  g_clear_pointer (&sheet->weeks, g_ptr_array_unref);
  g_clear_pointer (&sheet->owners, g_ptr_array_unref);
  g_clear_pointer (&sheet->teams, g_ptr_array_unref);
  g_clear_pointer (&sheet->categories, g_ptr_array_unref);
  g_clear_pointer (&sheet->bounds, g_ptr_array_unref);
  g_clear_pointer (&sheet->spans, g_ptr_array_unref);
  g_free (sheet);
}

static void
job_free (Job *job)
{
  g_clear_pointer (&job->measurer, amends_measurer_free);
  g_clear_pointer (&job->sheet, amends_measures_sheet_free);
  g_clear_pointer (&job->before_from, g_date_time_unref);
  g_clear_pointer (&job->before_until, g_date_time_unref);
  g_free (job);
}

static gboolean
measure (Job           *job,
         GCancellable  *cancellable,
         GError       **error)
{
  AmendsMeasuresSheet *s = job->sheet;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !amends_measurer_measure (job->measurer, s->from, s->until, &s->period, error))
    return FALSE;

  if ((job->parts & AMENDS_MEASURES_SHEET_BEFORE) &&
      (g_cancellable_set_error_if_cancelled (cancellable, error) ||
       !amends_measurer_measure (job->measurer, job->before_from, job->before_until, &s->before, error)))
    return FALSE;

  if ((job->parts & AMENDS_MEASURES_SHEET_WEEKS) &&
      (g_cancellable_set_error_if_cancelled (cancellable, error) ||
       !(s->weeks = amends_measurer_measure_weeks (job->measurer, s->last_week, job->n_weeks, error))))
    return FALSE;

  if ((job->parts & AMENDS_MEASURES_SHEET_SPANS) &&
      (g_cancellable_set_error_if_cancelled (cancellable, error) ||
       !(s->spans = amends_measurer_measure_spans (job->measurer, s->bounds, error))))
    return FALSE;

  if (job->parts & AMENDS_MEASURES_SHEET_TABLES)
    {
      GPtrArray **tables[] = { &s->owners, &s->teams, &s->categories };

      for (AmendsMeasureBy by = AMENDS_MEASURE_BY_OWNER; by <= AMENDS_MEASURE_BY_CATEGORY; by++)
        if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
            !(*tables[by] = amends_measurer_measure_by (job->measurer, by, s->from, s->until, error)))
          return FALSE;
    }

  return TRUE;
}

static void
measure_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (!measure (job, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&job->sheet), (GDestroyNotify) amends_measures_sheet_free);

  /* Closed here, on the thread that used it. */
  g_clear_pointer (&job->measurer, amends_measurer_free);
}

/**
 * amends_measures_sheet_measure_async:
 * @before_from: (nullable): the period before, for %AMENDS_MEASURES_SHEET_BEFORE
 * @last_week: (nullable): the start of the trend's last week, for
 *   %AMENDS_MEASURES_SHEET_WEEKS
 *
 * Measures [@from, @until) and whichever @parts in a worker thread; call
 * on the thread that owns @store.  The measuring holds no reference to
 * @store: a caller that may be gone by the time @callback runs passes a
 * weak reference as @user_data.
 */
void
amends_measures_sheet_measure_async (AmendsStore              *store,
                                     GDateTime                *from,
                                     GDateTime                *until,
                                     GDateTime                *before_from,
                                     GDateTime                *before_until,
                                     GDateTime                *last_week,
                                     guint                     n_weeks,
                                     AmendsMeasuresSheetParts  parts,
                                     GCancellable             *cancellable,
                                     GAsyncReadyCallback       callback,
                                     gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (AMENDS_IS_STORE (store));
  g_return_if_fail (from != NULL && until != NULL);
  g_return_if_fail (!(parts & AMENDS_MEASURES_SHEET_BEFORE) || (before_from != NULL && before_until != NULL));
  g_return_if_fail (!(parts & AMENDS_MEASURES_SHEET_WEEKS) || last_week != NULL);

  job = g_new0 (Job, 1);
  job->measurer = amends_measurer_new (store);
  job->parts = parts;
  job->n_weeks = n_weeks;
  job->sheet = g_new0 (AmendsMeasuresSheet, 1);
  job->sheet->from = g_date_time_ref (from);
  job->sheet->until = g_date_time_ref (until);
  job->sheet->now = amends_measurer_get_now (job->measurer);
  if (parts & AMENDS_MEASURES_SHEET_BEFORE)
    {
      job->before_from = g_date_time_ref (before_from);
      job->before_until = g_date_time_ref (before_until);
    }
  if (parts & AMENDS_MEASURES_SHEET_WEEKS)
    job->sheet->last_week = g_date_time_ref (last_week);

  /* Not the store as source object: nothing here keeps it alive. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, amends_measures_sheet_measure_async);
  g_task_set_name (task, "[amends] measures sheet");
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, measure_thread);
}

/**
 * amends_measures_sheet_measure_spans_async:
 * @bounds: (element-type GDateTime) (nullable): the bounds of the trend's
 *   spans, for %AMENDS_MEASURES_SHEET_SPANS (see amends_period_dup_trend())
 *
 * As amends_measures_sheet_measure_async(), with a trend of any spans
 * instead of weeks.
 */
void
amends_measures_sheet_measure_spans_async (AmendsStore              *store,
                                           GDateTime                *from,
                                           GDateTime                *until,
                                           GDateTime                *before_from,
                                           GDateTime                *before_until,
                                           GPtrArray                *bounds,
                                           AmendsMeasuresSheetParts  parts,
                                           GCancellable             *cancellable,
                                           GAsyncReadyCallback       callback,
                                           gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (AMENDS_IS_STORE (store));
  g_return_if_fail (from != NULL && until != NULL);
  g_return_if_fail (!(parts & AMENDS_MEASURES_SHEET_BEFORE) || (before_from != NULL && before_until != NULL));
  g_return_if_fail (!(parts & AMENDS_MEASURES_SHEET_SPANS) || (bounds != NULL && bounds->len >= 2));
  g_return_if_fail (!(parts & AMENDS_MEASURES_SHEET_WEEKS));

  job = g_new0 (Job, 1);
  job->measurer = amends_measurer_new (store);
  job->parts = parts;
  job->sheet = g_new0 (AmendsMeasuresSheet, 1);
  job->sheet->from = g_date_time_ref (from);
  job->sheet->until = g_date_time_ref (until);
  job->sheet->now = amends_measurer_get_now (job->measurer);
  if (parts & AMENDS_MEASURES_SHEET_BEFORE)
    {
      job->before_from = g_date_time_ref (before_from);
      job->before_until = g_date_time_ref (before_until);
    }
  if (parts & AMENDS_MEASURES_SHEET_SPANS)
    job->sheet->bounds = g_ptr_array_ref (bounds);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, amends_measures_sheet_measure_async);
  g_task_set_name (task, "[amends] measures sheet");
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, measure_thread);
}

AmendsMeasuresSheet *
amends_measures_sheet_measure_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
