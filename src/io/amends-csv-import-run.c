/* amends-csv-import-run.c: an import's rows saved as cases, all or nothing
 *
 * Only a file without problems is saved, inside one transaction on the
 * store's own connection, so that an error or a cancel leaves nothing
 * half-imported.  amends_csv_import_run() checks each row as it saves it,
 * the cases made by a second thread; amends_csv_import_run_async() checks
 * every row in a worker thread first, then saves them on the main thread
 * a chunk at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-csv-import"

#include "config.h"

#include "amends-csv-import.h"
#include "amends-csv-import-private.h"

#include <glib/gi18n.h>

#include "amends-csv-formats.h"

/* Rows inserted between two trips to the main loop: one batch of the
 * store's bulk insert (amends-store-import.c), a few milliseconds. */
#define CHUNK_SIZE 256

static gboolean
begin_insert (AmendsCsvImport  *self,
              GError          **error)
{
  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = g_time_zone_new_local ();
  self->next_row = 0;

  return amends_csv_inserter_begin (&self->inserter, self->store, self->existing, error);
}

static void
finish_insert (AmendsCsvImport *self)
{
  amends_csv_inserter_clear (&self->inserter);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->running = FALSE;
}

/* Saves up to @n rows, each made a case as it is saved.  A row with a
 * problem is added to @problems; from then on the rows are only checked,
 * for the person to see every problem, and the caller rolls back.
 * TRUE with *done set when every row is in, or checked. */
static gboolean
insert_some (AmendsCsvImport  *self,
             guint             n,
             GPtrArray        *problems,
             gboolean         *done,
             GError          **error)
{
  AmendsCsvInput in = amends_csv_import_get_input (self);
  AmendsCsvValueContext context = { in.effective_order, self->zone };
  g_autofree int *columns = amends_csv_map_columns (in.headers, in.mapping);

  for (guint i = 0; i < n && self->next_row < self->rows->len; i++)
    {
      g_autoptr(AmendsCsvDraft) draft = amends_csv_row_to_draft (&in, columns, &context,
                                                                 self->rows->pdata[self->next_row],
                                                                 problems);

      self->next_row++;
      if (draft == NULL || problems->len > 0)
        continue;
      if (!amends_csv_inserter_add (&self->inserter, draft, error))
        return FALSE;
    }

  *done = self->next_row >= self->rows->len;
  amends_csv_import_set_fraction (self, self->rows->len ? (double) self->next_row / self->rows->len : 1.0);
  return TRUE;
}

/**
 * amends_csv_import_get_reference_column:
 *
 * Returns: the column the references are read from, from 0; -1 if none
 */
int
amends_csv_import_get_reference_column (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), -1);

  if (self->mapping == NULL || self->headers == NULL ||
      self->format == AMENDS_CSV_FORMAT_OSTICKET || self->format == AMENDS_CSV_FORMAT_CFPB)
    return -1;

  for (guint i = 0; self->headers[i] != NULL; i++)
    if (g_strcmp0 (g_hash_table_lookup (self->mapping, self->headers[i]), "reference") == 0)
      return i;

  return -1;
}

/**
 * amends_csv_import_count_existing:
 * @column: the column of the references, from 0, or -1 for
 *   amends_csv_import_get_reference_column()
 *
 * Counts the rows whose reference is that of a case already in the
 * database, in the trash too: the rows amends_csv_import_set_existing()
 * decides about.  Reads the store, on the thread that owns it.
 *
 * Returns: how many; 0 with @error set on a failure
 */
guint
amends_csv_import_count_existing (AmendsCsvImport  *self,
                                  int               column,
                                  GError          **error)
{
  g_autoptr(GHashTable) seen = NULL;
  guint n = 0;

  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), 0);
  g_return_val_if_fail (!self->running, 0);

  if (column < 0)
    column = amends_csv_import_get_reference_column (self);
  if (column < 0 || self->headers == NULL || (guint) column >= g_strv_length (self->headers))
    return 0;

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint r = 0; r < self->rows->len; r++)
    {
      AmendsCsvRow *row = self->rows->pdata[r];
      g_autofree char *reference = NULL;
      gint64 id;

      if ((guint) column >= g_strv_length (row->fields))
        continue;
      reference = g_strstrip (g_strdup (row->fields[column]));
      if (*reference == '\0' || !g_hash_table_add (seen, g_strdup (reference)))
        continue;

      if ((id = amends_store_find_case_by_reference (self->store, reference, error)) < 0)
        return 0;
      if (id > 0)
        n++;
    }

  return n;
}

/**
 * amends_csv_import_get_n_imported:
 *
 * Returns: how many new cases the import added
 */
guint
amends_csv_import_get_n_imported (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), 0);

  return self->inserter.n_imported;
}

/**
 * amends_csv_import_get_n_updated:
 *
 * Returns: how many cases already here took the file's values
 *   (%AMENDS_CSV_EXISTING_UPDATE)
 */
guint
amends_csv_import_get_n_updated (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), 0);

  return self->inserter.n_updated;
}

/**
 * amends_csv_import_get_n_skipped:
 *
 * Returns: how many rows were left out because their case is already here
 *   (%AMENDS_CSV_EXISTING_SKIP)
 */
guint
amends_csv_import_get_n_skipped (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), 0);

  return self->inserter.n_skipped;
}

/* Making the cases in a second thread while this one saves them: the
 * two take about as long, and the machine has two cores.  The rows go
 * a chunk at a time, in order, and no more than a few chunks wait. */

#define MAKER_CHUNKS_WAITING 4

typedef struct
{
  GPtrArray *drafts;     /* AmendsCsvDraft, the rows without a problem */
  GPtrArray *problems;   /* of its rows, in order */
  guint      n_rows;
} MadeChunk;

typedef struct
{
  AmendsCsvInput  in;
  GTimeZone     *zone;
  GMutex         lock;
  GCond          cond;
  GQueue         chunks;     /* MadeChunk, made and not yet taken */
  GQueue         spent;      /* MadeChunk, saved, for this thread to free */
  gboolean       stop;       /* the saving failed: make no more */
  gboolean       finished;   /* every row is in a chunk */
} Maker;

static void
made_chunk_free (MadeChunk *chunk)
{
  g_ptr_array_unref (chunk->drafts);
  g_ptr_array_unref (chunk->problems);
  g_free (chunk);
}

static gpointer
maker_thread (gpointer user_data)
{
  Maker *maker = user_data;
  AmendsCsvValueContext context = { maker->in.effective_order, maker->zone };
  g_autofree int *columns = amends_csv_map_columns (maker->in.headers, maker->in.mapping);
  GPtrArray *rows = maker->in.rows;
  GQueue spent;

  for (guint r = 0; r < rows->len; )
    {
      MadeChunk *chunk = g_new0 (MadeChunk, 1);

      chunk->drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) amends_csv_draft_free);
      chunk->problems = g_ptr_array_new_with_free_func (g_free);
      for (; r < rows->len && chunk->n_rows < CHUNK_SIZE; r++, chunk->n_rows++)
        {
          AmendsCsvDraft *draft = amends_csv_row_to_draft (&maker->in, columns, &context, rows->pdata[r], chunk->problems);

          if (draft != NULL)
            g_ptr_array_add (chunk->drafts, draft);
        }

      g_mutex_lock (&maker->lock);
      while (maker->chunks.length >= MAKER_CHUNKS_WAITING && !maker->stop)
        g_cond_wait (&maker->cond, &maker->lock);
      if (maker->stop)
        {
          g_mutex_unlock (&maker->lock);
          made_chunk_free (chunk);
          return NULL;
        }
      g_queue_push_tail (&maker->chunks, chunk);
      spent = maker->spent;
      g_queue_init (&maker->spent);
      g_cond_broadcast (&maker->cond);
      g_mutex_unlock (&maker->lock);

      /* Freeing 256 cases is work too: not on the thread that saves. */
      g_queue_clear_full (&spent, (GDestroyNotify) made_chunk_free);
    }

  g_mutex_lock (&maker->lock);
  maker->finished = TRUE;
  g_cond_broadcast (&maker->cond);
  g_mutex_unlock (&maker->lock);
  return NULL;
}

/* The next chunk, or NULL when every one was taken. */
static MadeChunk *
maker_take (Maker *maker)
{
  MadeChunk *chunk;

  g_mutex_lock (&maker->lock);
  while (maker->chunks.length == 0 && !maker->finished)
    g_cond_wait (&maker->cond, &maker->lock);
  chunk = g_queue_pop_head (&maker->chunks);
  g_cond_broadcast (&maker->cond);
  g_mutex_unlock (&maker->lock);

  return chunk;
}

/* Saves every row, made a case by a second thread; the rows with a
 * problem go to @problems, and once there is one, the rest are only
 * checked, as in insert_some(). */
static gboolean
insert_all (AmendsCsvImport  *self,
            GPtrArray        *problems,
            GError          **error)
{
  Maker maker = { amends_csv_import_get_input (self), self->zone, };
  GThread *thread;
  MadeChunk *chunk;
  gboolean ok = TRUE;

  g_mutex_init (&maker.lock);
  g_cond_init (&maker.cond);
  g_queue_init (&maker.chunks);
  g_queue_init (&maker.spent);
  thread = g_thread_new ("amends-csv-make", maker_thread, &maker);

  while (ok && (chunk = maker_take (&maker)) != NULL)
    {
      for (guint i = 0; i < chunk->problems->len; i++)
        g_ptr_array_add (problems, g_strdup (chunk->problems->pdata[i]));

      for (guint i = 0; ok && problems->len == 0 && i < chunk->drafts->len; i++)
        ok = amends_csv_inserter_add (&self->inserter, chunk->drafts->pdata[i], error);

      self->next_row += chunk->n_rows;
      amends_csv_import_set_fraction (self, (double) self->next_row / self->rows->len);

      g_mutex_lock (&maker.lock);
      g_queue_push_tail (&maker.spent, chunk);
      g_mutex_unlock (&maker.lock);
    }

  g_mutex_lock (&maker.lock);
  maker.stop = TRUE;
  g_cond_broadcast (&maker.cond);
  g_mutex_unlock (&maker.lock);
  g_thread_join (thread);

  g_queue_clear_full (&maker.chunks, (GDestroyNotify) made_chunk_free);
  g_queue_clear_full (&maker.spent, (GDestroyNotify) made_chunk_free);
  g_cond_clear (&maker.cond);
  g_mutex_clear (&maker.lock);

  return ok;
}

/**
 * amends_csv_import_run:
 *
 * Validates and imports every row in one transaction: all the cases or,
 * on any problem, none.  In one pass: each row is checked as it is
 * saved, and a problem in any row rolls back what went before it (the
 * rows after it are still checked, so that every problem is told).
 */
gboolean
amends_csv_import_run (AmendsCsvImport  *self,
                       GError          **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  AmendsCsvInput in;

  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (!self->running, FALSE);

  in = amends_csv_import_get_input (self);
  self->validated = FALSE;
  g_ptr_array_set_size (self->problems, 0);
  if (!amends_csv_check_file (&in, problems, error))
    return FALSE;
  if (problems->len > 0)
    return amends_csv_import_take_results (self, g_steal_pointer (&problems), error);

  self->running = TRUE;
  if (!begin_insert (self, error))
    {
      finish_insert (self);
      return FALSE;
    }

  if (!insert_all (self, problems, error) ||
      (problems->len == 0 && !amends_csv_inserter_end (&self->inserter, self->file_name, error)) ||
      !amends_csv_import_take_results (self, g_ptr_array_ref (problems), error))
    {
      amends_store_rollback (self->store);
      amends_csv_inserter_reset_counts (&self->inserter);
      finish_insert (self);
      return FALSE;
    }

  /* A failed commit rolls back by itself. */
  if (!amends_store_commit (self->store, error))
    {
      amends_csv_inserter_reset_counts (&self->inserter);
      finish_insert (self);
      return FALSE;
    }

  finish_insert (self);
  return TRUE;
}

/* Asynchronous: validation in a worker thread, then the inserts a chunk at
 * a time from an idle source, all inside one open transaction. */

typedef struct
{
  AmendsCsvInput  in;
  GPtrArray     *problems;
} ValidateData;

static void
validate_data_free (ValidateData *data)
{
  g_clear_pointer (&data->problems, g_ptr_array_unref);
  g_free (data);
}

static void
validate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  ValidateData *data = task_data;
  GError *error = NULL;

  if (!amends_csv_check_rows (&data->in, cancellable, &data->problems, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
insert_chunk_cb (gpointer user_data)
{
  GTask *task = user_data;
  AmendsCsvImport *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  GError *error = NULL;
  gboolean done = FALSE;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error) ||
      !insert_some (self, CHUNK_SIZE, problems, &done, &error) ||
      !amends_csv_problems_to_error (problems, &error) ||
      (done && !amends_csv_inserter_end (&self->inserter, self->file_name, &error)))
    {
      amends_store_rollback (self->store);
      amends_csv_inserter_reset_counts (&self->inserter);
      amends_csv_import_set_fraction (self, 0.0);
      finish_insert (self);
      g_task_return_error (task, error);
      return G_SOURCE_REMOVE;
    }

  if (!done)
    return G_SOURCE_CONTINUE;

  if (!amends_store_commit (self->store, &error))
    {
      amends_csv_inserter_reset_counts (&self->inserter);
      finish_insert (self);
      g_task_return_error (task, error);
      return G_SOURCE_REMOVE;
    }

  finish_insert (self);
  g_task_return_boolean (task, TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_validated_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AmendsCsvImport *self = g_task_get_source_object (task);
  ValidateData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  GSource *source;

  if (!g_task_propagate_boolean (G_TASK (result), &error) ||
      !amends_csv_import_take_results (self, g_steal_pointer (&data->problems), &error) ||
      g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error) ||
      !begin_insert (self, &error))
    {
      finish_insert (self);
      g_task_return_error (task, error);
      return;
    }

  source = g_idle_source_new ();
  g_source_set_name (source, "[amends] csv import");
  g_source_set_callback (source, insert_chunk_cb, g_object_ref (task), g_object_unref);
  g_source_attach (source, g_task_get_context (task));
  g_source_unref (source);
}

void
amends_csv_import_run_async (AmendsCsvImport     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) validate = NULL;
  ValidateData *data;

  g_return_if_fail (AMENDS_IS_CSV_IMPORT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amends_csv_import_run_async);

  if (self->running)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The file is already being imported."));
      return;
    }

  self->running = TRUE;
  amends_csv_inserter_reset_counts (&self->inserter);
  amends_csv_import_set_fraction (self, 0.0);

  data = g_new0 (ValidateData, 1);
  data->in = amends_csv_import_get_input (self);

  validate = g_task_new (self, cancellable, on_validated_cb, g_steal_pointer (&task));
  g_task_set_source_tag (validate, validate_thread);
  g_task_set_task_data (validate, data, (GDestroyNotify) validate_data_free);
  g_task_run_in_thread (validate, validate_thread);
}

gboolean
amends_csv_import_run_finish (AmendsCsvImport  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
