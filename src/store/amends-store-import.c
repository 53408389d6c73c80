/* amends-store-import.c: many new records in one transaction, for an import
 *
 * amends_store_insert() makes one record a transaction of its own: a
 * savepoint, the row, an audit row, the row read back and a change to
 * announce.  An import of 100,000 cases cannot pay that for each case,
 * and one cost is hidden: once the search index (FTS5) has been written
 * in a transaction, it writes its pending terms to disk at every
 * savepoint, and every INSERT into cases opens one (the search trigger
 * makes it a statement of several writes).  A case at a time leaves a
 * hundred thousand tiny index segments to merge: 6 s of 7 for 100,000
 * rows.
 *
 * So the records go in a batch at a time, many rows to one INSERT, which
 * the search trigger indexes in memory; the statements are prepared once
 * and reused.  The records are not read back nor announced one by one:
 * the caller announces the import as a whole.  A batch that breaks a
 * constraint is tried again a row at a time, to tell which row it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store-import"

#include "config.h"

#include "amends-store-import.h"

#include "amends-store-private.h"

/* Rows of one INSERT: 256 cases of 38 columns are 9,728 values, well
 * inside SQLite's limit (32,766); more rows a statement gain little. */
#define BATCH_ROWS 256

struct _AmendsStoreBulk
{
  AmendsStore       *store;
  AmendsRecordClass *klass;
  GPtrArray         *columns;   /* GParamSpec, the fields stored in the table */
  guint              batch;     /* rows of a full batch */
  AmendsStmt        *full;      /* INSERT of a full batch */
  AmendsStmt        *part;      /* INSERT of fewer rows: the last batch, or one */
  guint              part_rows;
  GPtrArray         *records;   /* AmendsRecord waiting for their batch */
  GArray            *tags;      /* guint, the caller's name of each */
  GHashTable        *noted;     /* year → highest reference number noted */
  guint              n_inserted;
};

static char *
insert_sql (AmendsStoreBulk *self,
            guint            n_rows)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (", self->klass->table);
  for (guint i = 0; i < self->columns->len; i++)
    {
      g_autofree char *column = g_strdelimit (g_strdup (((GParamSpec *) self->columns->pdata[i])->name), "-", '_');

      g_string_append_printf (sql, "%s%s", i ? ", " : "", column);
    }
  g_string_append (sql, ") VALUES ");

  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (sql, r ? ", (" : "(");
      for (guint i = 0; i < self->columns->len; i++)
        g_string_append (sql, i ? ", ?" : "?");
      g_string_append_c (sql, ')');
    }

  return g_string_free (sql, FALSE);
}

/* The statement for @n_rows rows, prepared once for a full batch and
 * again only when another number of rows is asked for. */
static AmendsStmt *
statement_for (AmendsStoreBulk  *self,
               guint             n_rows,
               GError          **error)
{
  AmendsStmt **stmt = n_rows == self->batch ? &self->full : &self->part;
  g_autofree char *sql = NULL;

  if (*stmt != NULL && (stmt == &self->full || self->part_rows == n_rows))
    return *stmt;

  g_clear_pointer (stmt, amends_stmt_free);
  sql = insert_sql (self, n_rows);
  if (!(*stmt = amends_store_prepare_once (self->store, sql, error)))
    return NULL;
  if (stmt == &self->part)
    self->part_rows = n_rows;

  return *stmt;
}

/* Runs @stmt on the records from @first, as many as it has rows;
 * @refused says whether a value was refused before the statement ran. */
static gboolean
run_rows (AmendsStoreBulk  *self,
          AmendsStmt       *stmt,
          guint             first,
          guint             n_rows,
          gboolean         *refused,
          GError          **error)
{
  guint n_columns = self->columns->len;

  for (guint r = 0; r < n_rows; r++)
    {
      AmendsRecord *record = self->records->pdata[first + r];

      for (guint i = 0; i < n_columns; i++)
        {
          GParamSpec *pspec = self->columns->pdata[i];
          int rc = amends_store_bind_value (stmt, r * n_columns + i + 1, pspec,
                                            amends_record_peek_value (record, pspec));

          /* A value SQLite refuses (longer than its limit) is not written
           * as NULL: the batch fails, and is retried row by row to say
           * which line. */
          if (rc != SQLITE_OK)
            {
              *refused = TRUE;
              return amends_store_set_error (self->store, rc, error);
            }
        }
    }

  return amends_stmt_execute (stmt, error);
}

/* A constraint broken, which a row at a time can tell the row of. */
static gboolean
is_constraint (const GError *error)
{
  return g_error_matches (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID);
}

/* A batch that broke a constraint was undone as a whole (a statement is
 * atomic), and one with a value refused never ran: a row at a time, the
 * row that fails is found. */
static gboolean
find_failed_row (AmendsStoreBulk  *self,
                 guint            *failed_tag,
                 GError          **error)
{
  AmendsStmt *one = statement_for (self, 1, error);

  if (one == NULL)
    return FALSE;

  for (guint r = 0; r < self->records->len; r++)
    {
      gboolean refused = FALSE;
      gboolean ok = run_rows (self, one, r, 1, &refused, error);

      amends_stmt_release (one);
      if (!ok)
        {
          *failed_tag = g_array_index (self->tags, guint, r);
          return FALSE;
        }
    }

  /* Each went in by itself: the batch's failure was not theirs. */
  self->n_inserted += self->records->len;
  return TRUE;
}

static gboolean
insert_waiting (AmendsStoreBulk  *self,
                guint            *failed_tag,
                GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  guint n = self->records->len;
  AmendsStmt *stmt;
  gboolean refused = FALSE;
  gboolean on_server = amends_store_get_db (self->store) == NULL;
  gboolean ok;

  *failed_tag = 0;
  if (n == 0)
    return TRUE;

  if (!(stmt = statement_for (self, n, error)))
    return FALSE;

  /* On a server a failed statement spoils the whole transaction: the
   * batch runs in a savepoint, so that the rows can be tried one at a
   * time after it.  (On SQLite a failed statement undoes only itself.) */
  if (on_server && !amends_store_exec_plain (self->store, "SAVEPOINT amends_batch", error))
    return FALSE;
  ok = run_rows (self, stmt, 0, n, &refused, &local_error);
  amends_stmt_release (stmt);
  if (on_server && !amends_store_exec_plain (self->store,
                                             ok ? "RELEASE SAVEPOINT amends_batch"
                                                : "ROLLBACK TO SAVEPOINT amends_batch",
                                             ok ? &local_error : NULL))
    ok = FALSE;
  if (ok)
    self->n_inserted += n;
  else if (n > 1 && (refused || is_constraint (local_error)))
    {
      if (!find_failed_row (self, failed_tag, error))
        return FALSE;
    }
  else
    {
      if (n == 1)
        *failed_tag = g_array_index (self->tags, guint, 0);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_ptr_array_set_size (self->records, 0);
  g_array_set_size (self->tags, 0);
  return TRUE;
}

/**
 * amends_store_bulk_new:
 * @type: the type of the records, such as %AMENDS_TYPE_CASE
 *
 * Starts adding records of @type in batches, inside a transaction the
 * caller has begun (amends_store_begin()) and rolls back on any failure.
 */
AmendsStoreBulk *
amends_store_bulk_new (AmendsStore *store,
                       GType        type)
{
  AmendsStoreBulk *self;
  int limit;

  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (type, AMENDS_TYPE_RECORD), NULL);

  self = g_new0 (AmendsStoreBulk, 1);
  self->store = g_object_ref (store);
  self->klass = g_type_class_ref (type);
  self->columns = g_ptr_array_new ();
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
  self->tags = g_array_new (FALSE, FALSE, sizeof (guint));
  self->noted = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < self->klass->n_fields; i++)
    if (!amends_record_field_is_derived (self->klass->fields[i]))
      g_ptr_array_add (self->columns, self->klass->fields[i]);

  /* PostgreSQL takes up to 65535 parameters in a statement. */
  limit = amends_store_get_db (store) != NULL
          ? sqlite3_limit (amends_store_get_db (store), SQLITE_LIMIT_VARIABLE_NUMBER, -1)
          : 65535;
  self->batch = CLAMP ((guint) limit / MAX (self->columns->len, 1), 1, BATCH_ROWS);

  return self;
}

/**
 * amends_store_bulk_add:
 * @tag: what the caller calls @record (an import, its line), given back
 *   in @failed_tag when the record is the one that cannot be saved
 * @failed_tag: (out): @tag of the record that failed; 0 when the failure
 *   is no one record's
 *
 * Checks @record, gives it its defaults (a case its reference, its
 * logged and due times) and saves it with the next batch.  Its id is
 * not known, nor set.
 */
gboolean
amends_store_bulk_add (AmendsStoreBulk  *self,
                       AmendsRecord     *record,
                       guint             tag,
                       guint            *failed_tag,
                       GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (record, G_TYPE_FROM_CLASS (self->klass)), FALSE);
  g_return_val_if_fail (failed_tag != NULL, FALSE);

  *failed_tag = 0;
  if (!amends_store_validate_record (record, error) ||
      !amends_store_fill_defaults (self->store, record, self->noted, error))
    {
      *failed_tag = tag;
      return FALSE;
    }

  g_ptr_array_add (self->records, g_object_ref (record));
  g_array_append_val (self->tags, tag);

  if (self->records->len < self->batch)
    return TRUE;

  return insert_waiting (self, failed_tag, error);
}

/**
 * amends_store_bulk_flush:
 *
 * Saves the records still waiting for a batch.
 */
gboolean
amends_store_bulk_flush (AmendsStoreBulk  *self,
                         guint            *failed_tag,
                         GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (failed_tag != NULL, FALSE);

  return insert_waiting (self, failed_tag, error);
}

/**
 * amends_store_has_cases_and_customers:
 *
 * Whether there is any case (in the trash too) and any customer: into an
 * empty database no imported row can name one already here.
 *
 * Returns: %FALSE with @error set if they cannot be counted
 */
gboolean
amends_store_has_cases_and_customers (AmendsStore  *self,
                                      gboolean     *has_cases,
                                      gboolean     *has_customers,
                                      GError      **error)
{
  /* 1 or 0, not EXISTS' own value: PostgreSQL's is a boolean. */
  static const char sql[] =
    "SELECT CASE WHEN EXISTS (SELECT 1 FROM cases) THEN 1 ELSE 0 END,"
    " CASE WHEN EXISTS (SELECT 1 FROM customers) THEN 1 ELSE 0 END";
  g_autoptr(AmendsStmt) stmt = amends_store_prepare (self, sql, error);

  if (stmt == NULL || amends_stmt_step (stmt, error) != AMENDS_DB_STEP_ROW)
    return FALSE;

  *has_cases = amends_stmt_column_int (stmt, 0) != 0;
  *has_customers = amends_stmt_column_int (stmt, 1) != 0;
  return TRUE;
}

/**
 * amends_store_find_case_by_reference:
 *
 * Returns: the id of the case with @reference, in the trash too; 0 when
 *   there is none, -1 with @error set on a failure
 */
gint64
amends_store_find_case_by_reference (AmendsStore  *self,
                                     const char   *reference,
                                     GError      **error)
{
  static const char sql[] = "SELECT id FROM cases WHERE reference = ?1";
  g_autoptr(AmendsStmt) stmt = amends_store_prepare (self, sql, error);

  if (stmt == NULL)
    return -1;

  amends_stmt_bind_text (stmt, 1, reference);
  switch (amends_stmt_step (stmt, error))
    {
    case AMENDS_DB_STEP_ROW:
      return amends_stmt_column_int64 (stmt, 0);
    case AMENDS_DB_STEP_DONE:
      return 0;
    default:
      return -1;
    }
}

/**
 * amends_store_note_import:
 * @file_name: (nullable): the file the cases came from
 *
 * Writes an import of @n_cases new cases in the audit log as one entry,
 * inside the import's transaction.  The cases it added are not announced
 * one by one either, but as one change of the cases, so that an open
 * list is read again once.
 */
gboolean
amends_store_note_import (AmendsStore  *self,
                          guint         n_cases,
                          const char   *file_name,
                          GError      **error)
{
  g_autofree char *what = NULL;

  /* Kept in the database as data, in one language for every reader
   * of it, as the audit log's other words ("created", a column) are. */
  if (file_name != NULL)
    what = g_strdup_printf ("imported %u cases from %s", n_cases, file_name);
  else
    what = g_strdup_printf ("imported %u cases", n_cases);

  if (!amends_store_audit (self, "cases", 0, "imported", NULL, what, error))
    return FALSE;

  amends_store_queue_change (self, AMENDS_TYPE_CASE, 0);
  return TRUE;
}

/**
 * amends_store_bulk_get_n_inserted:
 *
 * Returns: how many records were saved so far
 */
guint
amends_store_bulk_get_n_inserted (AmendsStoreBulk *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_inserted;
}

void
amends_store_bulk_free (AmendsStoreBulk *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->full, amends_stmt_free);
  g_clear_pointer (&self->part, amends_stmt_free);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_array_unref);
  g_clear_pointer (&self->noted, g_hash_table_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->klass, g_type_class_unref);
  g_clear_object (&self->store);
  g_free (self);
}
