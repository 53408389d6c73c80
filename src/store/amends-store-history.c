/* amends-store-history.c: the history of a case, read from the audit log
 *
 * A case's history is every audit row of the case itself, of the entries
 * on its timeline and of its story, newest first, each in plain words
 * (amends-history-format.c).  A case worked on for weeks has hundreds of
 * rows, so they are read in a worker thread on a read-only connection of
 * its own, as the board is (amends-board-reader.c), and the sentences are
 * written there too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store-history"

#include "config.h"

#include "amends-store-history.h"

#include <glib/gi18n.h>

#include "amends-history-format.h"
#include "amends-store-private.h"

/* Three parts, each served by the index audit_by_record (table_name,
 * record_id, id); the timeline's and the story's ids by their case. */
static const char history_sql[] =
  "SELECT id, at, staff_id, table_name, record_id, field, before, after"
  " FROM audit_log WHERE table_name = 'cases' AND record_id = ?1"
  " UNION ALL"
  " SELECT id, at, staff_id, table_name, record_id, field, before, after"
  " FROM audit_log WHERE table_name = 'actions'"
  " AND record_id IN (SELECT x.id FROM actions AS x WHERE x.case_id = ?1)"
  " UNION ALL"
  " SELECT id, at, staff_id, table_name, record_id, field, before, after"
  " FROM audit_log WHERE table_name = 'stories'"
  " AND record_id IN (SELECT x.id FROM stories AS x WHERE x.case_id = ?1)"
  " ORDER BY 1 DESC";

static const char staff_sql[] = "SELECT id, name FROM staff";
static const char customer_sql[] = "SELECT name FROM customers WHERE id = ?1";
static const char actions_sql[] = "SELECT id, kind, text FROM actions WHERE case_id = ?1";

typedef struct
{
  char *kind;
  char *text;
} EntryState;

static void
entry_state_free (EntryState *state)
{
  g_free (state->kind);
  g_free (state->text);
  g_free (state);
}

typedef struct
{
  char       *uri;
  gint64      case_id;
  GDateTime  *now;
  char       *currency;
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_free (data->uri);
  g_clear_pointer (&data->now, g_date_time_unref);
  g_free (data->currency);
  g_free (data);
}

static GHashTable *
new_names (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static void
add_name (GHashTable *names,
          gint64      id,
          const char *name)
{
  g_hash_table_insert (names, g_memdup2 (&id, sizeof id), g_strdup (name ? name : ""));
}

static gboolean
read_staff (AmendsDb    *db,
            GHashTable  *staff,
            GError     **error)
{
  AmendsStmt *stmt = NULL;
  AmendsDbStep step;

  if (!(stmt = amends_store_db_prepare (db, staff_sql, error)))
    return FALSE;
  while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    add_name (staff, amends_stmt_column_int64 (stmt, 0), amends_stmt_column_text (stmt, 1));
  amends_stmt_free (stmt);

  return step == AMENDS_DB_STEP_DONE;
}

/* The timeline's entries as they are now: each "created" row is then
 * told what its entry said when it was written, walking back through
 * the corrections. */
static gboolean
read_entries (AmendsDb    *db,
              gint64       case_id,
              GHashTable  *entries,
              GError     **error)
{
  AmendsStmt *stmt = NULL;
  AmendsDbStep step;

  if (!(stmt = amends_store_db_prepare (db, actions_sql, error)))
    return FALSE;
  amends_stmt_bind_int64 (stmt, 1, case_id);
  while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      gint64 id = amends_stmt_column_int64 (stmt, 0);
      EntryState *state = g_new0 (EntryState, 1);

      state->kind = g_strdup (amends_stmt_column_text (stmt, 1));
      state->text = g_strdup (amends_stmt_column_text (stmt, 2));
      g_hash_table_insert (entries, g_memdup2 (&id, sizeof id), state);
    }
  amends_stmt_free (stmt);

  return step == AMENDS_DB_STEP_DONE;
}

static gboolean
read_rows (AmendsDb      *db,
           gint64         case_id,
           GPtrArray     *rows,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GError) step_error = NULL;
  AmendsStmt *stmt = NULL;
  AmendsDbStep step;

  if (!(stmt = amends_store_db_prepare (db, history_sql, error)))
    return FALSE;
  amends_stmt_bind_int64 (stmt, 1, case_id);

  /* The step's error waits: being cancelled is what the caller hears. */
  while ((step = amends_stmt_step (stmt, &step_error)) == AMENDS_DB_STEP_ROW)
    {
      AmendsAuditEntry *row = g_new0 (AmendsAuditEntry, 1);

      row->id = amends_stmt_column_int64 (stmt, 0);
      row->at = amends_stmt_column_int64 (stmt, 1);
      row->staff_id = amends_stmt_column_int64 (stmt, 2);
      row->table = g_strdup (amends_stmt_column_text (stmt, 3));
      row->record_id = amends_stmt_column_int64 (stmt, 4);
      row->field = g_strdup (amends_stmt_column_text (stmt, 5));
      row->before = g_strdup (amends_stmt_column_text (stmt, 6));
      row->after = g_strdup (amends_stmt_column_text (stmt, 7));
      g_ptr_array_add (rows, row);

      if ((rows->len & 0xff) == 0 && g_cancellable_is_cancelled (cancellable))
        break;
    }
  amends_stmt_free (stmt);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (step == AMENDS_DB_STEP_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&step_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_customers (AmendsDb    *db,
                GPtrArray   *rows,
                GHashTable  *customers,
                GError     **error)
{
  AmendsStmt *stmt = NULL;
  AmendsDbStep step;

  if (!(stmt = amends_store_db_prepare (db, customer_sql, error)))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      AmendsAuditEntry *row = rows->pdata[i];
      const char *values[] = { row->before, row->after };

      if (!g_str_equal (row->table, "cases") || !g_str_equal (row->field, "customer_id"))
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (values); j++)
        {
          gint64 id = values[j] ? g_ascii_strtoll (values[j], NULL, 10) : 0;

          if (id <= 0 || g_hash_table_contains (customers, &id))
            continue;
          amends_stmt_reset (stmt);
          amends_stmt_bind_int64 (stmt, 1, id);
          if ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
            add_name (customers, id, amends_stmt_column_text (stmt, 0));
          else if (step == AMENDS_DB_STEP_ERROR)
            {
              amends_stmt_free (stmt);
              return FALSE;
            }
        }
    }
  amends_stmt_free (stmt);

  return TRUE;
}

/* Newest first: each correction of an entry tells what it was before. */
static GListModel *
describe_rows (GPtrArray  *rows,
               GHashTable *staff,
               GHashTable *customers,
               GHashTable *entries,
               GDateTime  *now,
               const char *currency)
{
  GListStore *store = g_list_store_new (AMENDS_TYPE_HISTORY_ENTRY);

  for (guint i = 0; i < rows->len; i++)
    {
      AmendsAuditEntry *row = rows->pdata[i];
      AmendsHistoryFacts facts = { NULL };
      g_autoptr(AmendsHistoryEntry) entry = NULL;
      g_autoptr(GDateTime) at = NULL;
      g_autofree char *sentence = NULL;
      g_autofree char *full = NULL;
      EntryState *state = NULL;

      facts.actor = row->staff_id > 0 ? g_hash_table_lookup (staff, &row->staff_id) : NULL;
      facts.staff = staff;
      facts.customers = customers;
      facts.now = now;
      facts.currency = currency;

      if (g_str_equal (row->table, "actions"))
        state = g_hash_table_lookup (entries, &row->record_id);
      if (state != NULL)
        {
          facts.entry_kind = state->kind;
          facts.entry_text = state->text;
        }

      sentence = amends_history_describe (row, &facts, AMENDS_HISTORY_SHORT_TEXT);
      full = amends_history_describe (row, &facts, 0);
      at = g_date_time_new_from_unix_local (row->at);
      entry = amends_history_entry_new (row->id, at, row->staff_id > 0 ? row->staff_id : 0,
                                        facts.actor, amends_history_kind_of (row),
                                        sentence, full);
      g_list_store_append (store, entry);

      if (state != NULL && g_str_equal (row->field, "text"))
        {
          g_free (state->text);
          state->text = g_strdup (row->before);
        }
      else if (state != NULL && g_str_equal (row->field, "kind"))
        {
          g_free (state->kind);
          state->kind = g_strdup (row->before);
        }
    }

  return G_LIST_MODEL (store);
}

static GListModel *
read_history (const char    *uri,
              gint64         case_id,
              GDateTime     *now,
              const char    *currency,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) amends_audit_entry_free);
  g_autoptr(GHashTable) staff = new_names ();
  g_autoptr(GHashTable) customers = new_names ();
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         (GDestroyNotify) entry_state_free);
  AmendsDb *db = NULL;
  gboolean ok;

  if (!(db = amends_store_open_worker (uri, AMENDS_WORKER_READ, error)))
    return NULL;

  /* One snapshot for all of it. */
  ok = amends_store_db_exec (db, amends_sql_pick (&amends_sql_snapshot_begin, amends_db_get_engine (db)), error);
  ok = ok && read_rows (db, case_id, rows, cancellable, error);
  ok = ok && read_staff (db, staff, error);
  ok = ok && read_entries (db, case_id, entries, error);
  ok = ok && read_customers (db, rows, customers, error);
  amends_db_exec (db, "COMMIT", NULL);
  amends_db_close (db);

  if (!ok)
    return NULL;

  return describe_rows (rows, staff, customers, entries, now, currency);
}

/**
 * amends_store_read_history:
 * @case_id: the case
 * @now: (nullable): the present, to write times as the editor does
 *   ("today 14:30"); %NULL for whole dates, as on paper
 * @currency: (nullable): the ISO code written before amounts of money
 *
 * Reads the history of a case: every change to the case, to the entries
 * of its timeline and to its story, in plain words.  This blocks; the
 * window uses amends_store_read_history_async().
 *
 * Returns: (transfer full): a list of #AmendsHistoryEntry, the newest
 *   first, or %NULL with @error set
 */
GListModel *
amends_store_read_history (AmendsStore   *store,
                           gint64         case_id,
                           GDateTime     *now,
                           const char    *currency,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);

  uri = amends_store_dup_reader_uri (store);
  return read_history (uri, case_id, now, currency, cancellable, error);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *data = task_data;
  GError *error = NULL;
  GListModel *history;

  history = read_history (data->uri, data->case_id, data->now, data->currency, cancellable, &error);
  if (history == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, history, g_object_unref);
}

/**
 * amends_store_read_history_async:
 *
 * amends_store_read_history() in a worker thread.
 */
void
amends_store_read_history_async (AmendsStore         *store,
                                 gint64               case_id,
                                 GDateTime           *now,
                                 const char          *currency,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadData *data;

  g_return_if_fail (AMENDS_IS_STORE (store));

  data = g_new0 (ReadData, 1);
  data->uri = amends_store_dup_reader_uri (store);
  data->case_id = case_id;
  data->now = now ? g_date_time_ref (now) : NULL;
  data->currency = g_strdup (currency);

  /* Not the store as the source: the worker would hold it past the
   * callback, and a window closing the store waits for nobody. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, amends_store_read_history_async);
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  g_task_run_in_thread (task, read_thread);
}

/**
 * amends_store_read_history_finish:
 *
 * Returns: (transfer full): as amends_store_read_history()
 */
GListModel *
amends_store_read_history_finish (AmendsStore   *store,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == amends_store_read_history_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
