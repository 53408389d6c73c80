/* amends-board-reader.c: the storytelling board, read in a worker thread
 *
 * The whole board (its three columns and the cases that should be
 * candidates), the heroes and the told stories, read on a read-only
 * connection of its own (as AmendsMeasurer reads the measures), so that
 * none of it is SQL on the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-board-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-board-reader.h"

#include "amends-store-stories.h"
#include "amends-store-stories-private.h"

struct _AmendsBoardReader
{
  char *uri;
};

static volatile gint n_board_reads;

/**
 * amends_board_reader_get_n_reads:
 *
 * Returns: how many times the whole board has been read in this process,
 *   so that tests can tell a change taken in by itself from a new read
 */
guint
amends_board_reader_get_n_reads (void)
{
  return (guint) g_atomic_int_get (&n_board_reads);
}

/**
 * amends_board_reader_new:
 *
 * Call this on the thread that owns @store; then use the reader on one
 * thread at a time.
 */
AmendsBoardReader *
amends_board_reader_new (AmendsStore *store)
{
  AmendsBoardReader *self;

  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);

  self = g_new0 (AmendsBoardReader, 1);
  self->uri = amends_store_dup_reader_uri (store);

  return self;
}

void
amends_board_reader_free (AmendsBoardReader *self)
{
  if (self == NULL)
    return;

  g_free (self->uri);
  g_free (self);
}

static AmendsDb *
reader_open (AmendsBoardReader  *self,
             GError            **error)
{
  return amends_store_open_worker (self->uri, AMENDS_WORKER_READ, error);
}

static gboolean
reader_collect (AmendsDb      *db,
                const char    *sql,
                const char    *stage,
                GArray        *out,
                gboolean       ids_only,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GError) step_error = NULL;
  AmendsStmt *stmt = NULL;
  AmendsDbStep step;

  if (!(stmt = amends_store_db_prepare (db, sql, error)))
    return FALSE;
  if (stage != NULL)
    amends_stmt_bind_text (stmt, 1, stage);

  while ((step = amends_stmt_step (stmt, &step_error)) == AMENDS_DB_STEP_ROW)
    {
      if (ids_only)
        {
          gint64 id = amends_stmt_column_int64 (stmt, 0);
          g_array_append_val (out, id);
        }
      else
        {
          AmendsBoardEntry entry = {
            amends_stmt_column_int64 (stmt, 0), amends_stmt_column_int64 (stmt, 1),
            amends_stmt_column_int64 (stmt, 2), 0, TRUE,
          };
          g_array_append_val (out, entry);
        }

      if ((out->len & 0xfff) == 0 && g_cancellable_is_cancelled (cancellable))
        break;
    }
  amends_stmt_free (stmt);

  /* The caller drops a cancelled read quietly, failed or not. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (step == AMENDS_DB_STEP_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&step_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * amends_board_reader_read:
 * @columns: (array fixed-size=3) (out): a #GArray of #AmendsBoardEntry for
 *   each of the candidate, drafted and told stages, in the board's order
 * @missing: (out) (optional): the ids of the cases that should be
 *   candidates and have no story yet
 *
 * Reads the whole board; for a worker thread.
 */
gboolean
amends_board_reader_read (AmendsBoardReader  *self,
                          GArray            **columns,
                          GArray            **missing,
                          GCancellable       *cancellable,
                          GError            **error)
{
  static const char column_sql[] =
    "SELECT s.id, s.case_id, " BOARD_KEY ("s") " FROM stories AS s JOIN cases AS c ON c.id = s.case_id"
    " WHERE s.stage = ?1 AND " BOARD_SHOWN ("s", "c")
    " ORDER BY 3 DESC, s.id DESC";
  static const char missing_sql[] =
    "SELECT r.id FROM cases AS r WHERE " CANDIDATE ("r") " ORDER BY r.recovered_at";
  static const char * const stages[] = { "candidate", "drafted", "told" };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *found[G_N_ELEMENTS (stages)] = { NULL };
  AmendsDb *db = NULL;
  gboolean ok;

  g_atomic_int_inc (&n_board_reads);
  if (!(db = reader_open (self, error)))
    return FALSE;

  /* One snapshot for all of it. */
  ok = amends_store_db_exec (db, amends_sql_pick (&amends_sql_snapshot_begin, amends_db_get_engine (db)), error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (stages); i++)
    {
      found[i] = g_array_new (FALSE, FALSE, sizeof (AmendsBoardEntry));
      ok = reader_collect (db, column_sql, stages[i], found[i], FALSE, cancellable, error);
    }
  if (ok && missing != NULL)
    ok = reader_collect (db, missing_sql, NULL, ids, TRUE, cancellable, error);
  amends_db_exec (db, "COMMIT", NULL);
  amends_db_close (db);

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      if (ok)
        columns[i] = found[i];
      else if (found[i] != NULL)
        g_array_unref (found[i]);
    }
  if (ok && missing != NULL)
    *missing = g_steal_pointer (&ids);

  return ok;
}

/**
 * amends_board_reader_count_heroes:
 *
 * amends_store_count_heroes(), for a worker thread.
 */
GPtrArray *
amends_board_reader_count_heroes (AmendsBoardReader  *self,
                                  GDateTime          *from,
                                  GDateTime          *until,
                                  GError            **error)
{
  g_autoptr(GPtrArray) counts = NULL;
  AmendsStmt *stmt = NULL;
  AmendsDb *db;

  g_return_val_if_fail (self != NULL && from != NULL && until != NULL, NULL);

  if (!(db = reader_open (self, error)))
    return NULL;

  if ((stmt = amends_store_db_prepare (db, amends_sql_pick (&amends_sql_heroes, amends_db_get_engine (db)), error)))
    counts = amends_collect_heroes (stmt, from, until, error);

  g_clear_pointer (&stmt, amends_stmt_free);
  amends_db_close (db);

  return g_steal_pointer (&counts);
}

/**
 * amends_board_reader_list_told:
 *
 * The ids of the stories amends_store_list_stories_told() gives, for a
 * worker thread.
 *
 * Returns: (transfer full) (element-type gint64): the most recently told
 *   first, or %NULL with @error set
 */
GArray *
amends_board_reader_list_told (AmendsBoardReader  *self,
                               GDateTime          *from,
                               GDateTime          *until,
                               GError            **error)
{
  static const char sql[] =
    "SELECT r.id FROM stories AS r"
    " WHERE r.stage = 'told' AND r.told_at >= ?1 AND r.told_at < ?2"
    " AND EXISTS (SELECT 1 FROM cases AS c WHERE c.id = r.case_id AND c.deleted_at IS NULL)"
    " ORDER BY r.told_at DESC, r.id DESC";
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  AmendsStmt *stmt = NULL;
  AmendsDbStep step = AMENDS_DB_STEP_ERROR;
  AmendsDb *db;

  g_return_val_if_fail (self != NULL && from != NULL && until != NULL, NULL);

  if (!(db = reader_open (self, error)))
    return NULL;

  if ((stmt = amends_store_db_prepare (db, sql, error)))
    {
      amends_stmt_bind_int64 (stmt, 1, g_date_time_to_unix (from));
      amends_stmt_bind_int64 (stmt, 2, g_date_time_to_unix (until));
      while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
        {
          gint64 id = amends_stmt_column_int64 (stmt, 0);
          g_array_append_val (ids, id);
        }
    }
  if (step != AMENDS_DB_STEP_DONE)
    g_clear_pointer (&ids, g_array_unref);

  g_clear_pointer (&stmt, amends_stmt_free);
  amends_db_close (db);

  return g_steal_pointer (&ids);
}
