/* amends-store-case-source.c: the store as an AmendsCaseSource
 *
 * The lists of cases read through the AmendsCaseSource interface; the
 * store answers with the query of amends-store-case-ids.c.  A list made
 * in the caller's thread (the command line, exports) reads on the
 * store's own connection; the window's lists read in worker threads, on
 * a read connection the store keeps for them (an AmendsCaseReader), warm
 * from one query to the next, and one query at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store-case-source"

#include "config.h"

#include "amends-store-case-ids.h"

struct _AmendsCaseReader
{
  gatomicrefcount  ref_count;
  GMutex           lock;
  char            *uri;
  AmendsDb        *db;
};

static AmendsCaseReader *
reader_new (const char *uri)
{
  AmendsCaseReader *reader = g_new0 (AmendsCaseReader, 1);

  g_atomic_ref_count_init (&reader->ref_count);
  g_mutex_init (&reader->lock);
  reader->uri = g_strdup (uri);

  return reader;
}

static AmendsCaseReader *
reader_ref (AmendsCaseReader *reader)
{
  g_atomic_ref_count_inc (&reader->ref_count);
  return reader;
}

/* The last reference may go in a worker thread: a connection may be
 * closed in any thread. */
void
amends_case_reader_unref (AmendsCaseReader *reader)
{
  if (reader == NULL || !g_atomic_ref_count_dec (&reader->ref_count))
    return;

  amends_db_close (reader->db);
  g_mutex_clear (&reader->lock);
  g_free (reader->uri);
  g_free (reader);
}

static int
on_progress_cb (void *user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

static gboolean
reader_open (AmendsCaseReader  *reader,
             GError           **error)
{
  amends_store_worker_refresh (&reader->db);
  if (reader->db != NULL)
    return TRUE;

  reader->db = amends_store_open_worker (reader->uri, AMENDS_WORKER_READ_DETAILED, error);
  return reader->db != NULL;
}

/* Like amends_store_case_ids_run(), on the reader's connection, in one read transaction
 * (so the base and the hits are of the same moment), and stopped early
 * when @cancellable is cancelled. */
static AmendsCaseIds *
reader_run_once (AmendsCaseReader        *reader,
                 const AmendsCaseFilter  *filter,
                 gint64                   now,
                 const AmendsCaseIds     *reuse,
                 GCancellable            *cancellable,
                 GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  AmendsCaseIds *result = NULL;
  sqlite3 *handle;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !reader_open (reader, error))
    return NULL;

  /* A server's query runs to its end: the cancellable is looked at
   * between the list's statements. */
  handle = amends_db_get_sqlite (reader->db);
  if (cancellable != NULL && handle != NULL)
    sqlite3_progress_handler (handle, 1000, on_progress_cb, cancellable);

  if (amends_store_db_exec (reader->db, amends_sql_pick (&amends_sql_snapshot_begin, amends_db_get_engine (reader->db)), &local_error))
    {
      result = amends_store_case_ids_run (reader->db, filter, now, reuse, &local_error);
      amends_db_exec (reader->db, result != NULL ? "COMMIT" : "ROLLBACK", NULL);
    }

  if (handle != NULL)
    sqlite3_progress_handler (handle, 0, NULL, NULL);

  /* The progress handler interrupts a step only once @cancellable is
   * cancelled, and the step's error does not say why. */
  if (result == NULL && g_cancellable_is_cancelled (cancellable) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_error (&local_error);
      amends_store_case_ids_set_cancelled (&local_error);
    }

  /* A damaged or replaced file: the next run opens it again. */
  if (result == NULL)
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_clear_pointer (&reader->db, amends_db_close);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }

  return result;
}

static AmendsCaseIds *
reader_run (AmendsCaseReader        *reader,
            const AmendsCaseFilter  *filter,
            gint64                   now,
            const AmendsCaseIds     *reuse,
            GCancellable            *cancellable,
            GError                 **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&reader->lock);
  g_autoptr(GError) local_error = NULL;
  gboolean had_connection = reader->db != NULL;
  AmendsCaseIds *result = reader_run_once (reader, filter, now, reuse, cancellable, &local_error);

  /* The server went away since the last run and its connection with it;
   * a new one is worth one more try before the list says it failed. */
  if (result == NULL && had_connection &&
      g_error_matches (local_error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_OFFLINE))
    {
      g_clear_error (&local_error);
      result = reader_run_once (reader, filter, now, reuse, cancellable, &local_error);
    }

  if (result == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return result;
}

/* Whether @previous has the base that @filter needs at @now: the same
 * filter but for the search text.  "Overdue only" and "Follow-up due"
 * depend on the time, so their base serves only the same second; the
 * order by urgency, until a case changes clock state. */
static gboolean
can_serve (const AmendsCaseIds    *previous,
           const AmendsCaseFilter *filter,
           gint64                  now)
{
  return previous != NULL && previous->base != NULL && previous->open != NULL &&
         amends_case_filter_equal_but_query (&previous->filter, filter) &&
         (!(filter->overdue_only || filter->follow_up_due || filter->needs_lead_after) ||
          previous->base_now == now) &&
         now < previous->order_until;
}

/* What a worker thread needs to read a list's ids.  It holds no object:
 * the task's last reference may be dropped in the worker thread, and the
 * store may not be finalized there. */
typedef struct
{
  AmendsCaseReader *reader;
  AmendsCaseFilter  filter;
  gint64            now;
  AmendsCaseIds    *reuse;
} QueryData;

static void
query_data_free (QueryData *data)
{
  g_clear_pointer (&data->reader, amends_case_reader_unref);
  amends_case_filter_clear (&data->filter);
  g_clear_pointer (&data->reuse, amends_case_ids_free);
  g_free (data);
}

/* The part of @previous that a search may reuse: its base, shared. */
static AmendsCaseIds *
copy_base (const AmendsCaseIds *previous)
{
  AmendsCaseIds *reuse = g_new0 (AmendsCaseIds, 1);

  amends_case_filter_copy (&reuse->filter, &previous->filter);
  reuse->base = g_array_ref (previous->base);
  reuse->open = g_array_ref (previous->open);
  reuse->base_now = previous->base_now;
  reuse->order_until = previous->order_until;

  return reuse;
}

/* Runs in a worker thread, on the reader's connection: SQLite connections
 * are not shared between threads, and WAL lets it read while the main
 * connection writes. */
static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  QueryData *data = task_data;
  GError *error = NULL;
  AmendsCaseIds *ids;

  ids = reader_run (data->reader, &data->filter, data->now, data->reuse, cancellable, &error);
  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) amends_case_ids_free);
}

static AmendsCaseIds *
store_query_ids (AmendsCaseSource        *source,
                 const AmendsCaseFilter  *filter,
                 GError                 **error)
{
  AmendsStore *self = AMENDS_STORE (source);

  return amends_store_case_ids_run (amends_store_get_conn (self), filter, amends_store_now (self), NULL, error);
}

static void
store_query_ids_async (AmendsCaseSource       *source,
                       const AmendsCaseFilter *filter,
                       const AmendsCaseIds    *previous,
                       GCancellable           *cancellable,
                       GAsyncReadyCallback     callback,
                       gpointer                user_data)
{
  AmendsStore *self = AMENDS_STORE (source);
  g_autoptr(GTask) task = NULL;
  QueryData *data;

  if (self->case_reader == NULL)
    {
      g_autofree char *uri = amends_store_dup_reader_uri (self);

      self->case_reader = reader_new (uri);
    }

  data = g_new0 (QueryData, 1);
  data->reader = reader_ref (self->case_reader);
  amends_case_filter_copy (&data->filter, filter);
  data->now = amends_store_now (self);
  if (can_serve (previous, filter, data->now))
    data->reuse = copy_base (previous);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, store_query_ids_async);
  g_task_set_task_data (task, data, (GDestroyNotify) query_data_free);
  g_task_run_in_thread (task, query_thread);
}

static AmendsCaseIds *
store_query_ids_finish (AmendsCaseSource  *source,
                        GAsyncResult      *result,
                        GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == store_query_ids_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static AmendsCase *
store_load_case (AmendsCaseSource  *source,
                 gint64             id,
                 GError           **error)
{
  return amends_store_load (AMENDS_STORE (source), AMENDS_TYPE_CASE, id, error);
}

static gboolean
store_reload_case (AmendsCaseSource  *source,
                   AmendsCase        *kase,
                   GError           **error)
{
  return amends_store_reload (AMENDS_STORE (source), AMENDS_RECORD (kase), error);
}

/* The cases of a page, in one query: the ids go in as one JSON array, so
 * that the statement's text, and the cached statement, are the same for
 * every page. */
static GPtrArray *
store_load_cases (AmendsCaseSource  *source,
                  const gint64      *ids,
                  guint              n_ids,
                  GError           **error)
{
  AmendsStore *self = AMENDS_STORE (source);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) json = g_string_new ("[");
  g_autofree char *sql = NULL;
  g_autoptr(AmendsStmt) stmt = NULL;
  AmendsDbStep step;

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (json, ']');

  sql = amends_store_select_sql (self, AMENDS_TYPE_CASE,
                                 amends_sql_pick (&amends_sql_cases_in_json_ids, amends_store_get_engine (self)));
  if (!(stmt = amends_store_prepare (self, sql, error)))
    return NULL;

  amends_stmt_bind_text (stmt, 1, json->str);
  while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    g_ptr_array_add (cases, amends_store_read_record (self, AMENDS_TYPE_CASE, stmt));

  if (step == AMENDS_DB_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&cases);
}

void
amends_store_case_source_iface_init (AmendsCaseSourceInterface *iface)
{
  iface->query_ids = store_query_ids;
  iface->query_ids_async = store_query_ids_async;
  iface->query_ids_finish = store_query_ids_finish;
  iface->load_case = store_load_case;
  iface->reload_case = store_reload_case;
  iface->load_cases = store_load_cases;
}
