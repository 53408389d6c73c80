/* amends-copy.c: moving the history between a SQLite file and a server
 *
 * `amends --copy-to` (issue 16): every table of the schema, with its ids
 * as they are, from the SQLite file in use into an empty PostgreSQL
 * database, or from a server database into a new file.
 *
 * The tables and their columns are read from the schema itself, never
 * listed here, so a table a future migration adds is copied too: the
 * SQLite side of the pair (source or new target, both at our version)
 * says which tables there are, in which order their foreign keys let
 * them be written, and which columns each has; the server's tables must
 * be the same, or nothing is copied.  Only the derived tables are named
 * (amends_copy_get_derived_tables()): the target's own triggers build
 * them as the rows arrive, as they do for every other writer.
 *
 * Everything is written in one transaction on the target; before it
 * commits, every table's rows are counted on both sides (the source is
 * read in one snapshot), and a difference rolls everything back.  Then
 * the server's identity sequences and both engines' reference counters
 * are moved past the highest id and reference copied.
 *
 * Attachments' data travel as hexadecimal text: the connection's
 * interface (amends-db.h) binds integers and text only, and both engines
 * turn bytes into hex and back exactly.  SQLite 3.40 has hex () but not
 * unhex (), so the new file gets a function of ours for the way back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-copy"

#include "config.h"

#include "amends-copy.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sqlite3.h>
#include <stdio.h>

#include "amends-db.h"
#include "amends-schema.h"
#include "amends-schema-pg.h"
#include "amends-store.h"

/* Kept by the target's triggers from the rows copied; SQLite's FTS5
 * table and its shadow tables are no ordinary tables and are left out by
 * their kind. */
static const char * const derived_tables[] = {
  "case_search",
  "category_counts",
  NULL,
};

/* The server's own: where its schema version is kept. */
#define PG_META_TABLE "amends_meta"

typedef enum
{
  COLUMN_INTEGER,
  COLUMN_TEXT,
  COLUMN_BLOB,
} ColumnKind;

typedef struct
{
  char       *sqlite_name;   /* "rowid" for a table's implicit one */
  char       *pg_name;
  ColumnKind  kind;
} Column;

typedef struct
{
  char   *name;
  GArray *columns;           /* of Column */
} Table;

typedef struct
{
  AmendsDb   *source;
  AmendsDb   *target;
  AmendsDb   *sqlite;        /* whichever of the two is the file */
  AmendsDb   *pg;
  GPtrArray  *tables;        /* of Table, in the order to write them */
  const char *target_name;   /* as a person named it, not a temporary file */
} Copy;

const char * const *
amends_copy_get_derived_tables (void)
{
  return derived_tables;
}

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->sqlite_name);
  g_free (column->pg_name);
}

static void
table_free (gpointer data)
{
  Table *table = data;

  g_free (table->name);
  g_clear_pointer (&table->columns, g_array_unref);
  g_free (table);
}

static void
copy_table_free (gpointer data)
{
  AmendsCopyTable *table = data;

  g_free (table->name);
  g_free (table);
}

void
amends_copy_result_free (AmendsCopyResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->tables, g_ptr_array_unref);
  g_free (result->target);
  g_free (result);
}

gint64
amends_copy_result_get_rows (AmendsCopyResult *result,
                             const char       *table)
{
  for (guint i = 0; i < result->tables->len; i++)
    {
      AmendsCopyTable *t = g_ptr_array_index (result->tables, i);
      if (g_str_equal (t->name, table))
        return t->n_rows;
    }
  return -1;
}

gint64
amends_copy_result_get_total (AmendsCopyResult *result)
{
  gint64 total = 0;

  for (guint i = 0; i < result->tables->len; i++)
    total += ((AmendsCopyTable *) g_ptr_array_index (result->tables, i))->n_rows;
  return total;
}

static gboolean
is_derived (const char *table)
{
  return g_strv_contains (derived_tables, table);
}

/* A name from the catalog, quoted for SQL. */
static char *
quote (const char *name)
{
  g_autoptr(GString) quoted = g_string_new ("\"");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

static gboolean
query_int64 (AmendsDb    *db,
             const char  *sql,
             gint64      *value,
             GError     **error)
{
  g_autoptr(AmendsDbStmt) stmt = amends_db_prepare (db, sql, error);
  AmendsDbStep step;

  if (stmt == NULL || (step = amends_db_stmt_step (stmt, error)) == AMENDS_DB_STEP_ERROR)
    return FALSE;
  *value = step == AMENDS_DB_STEP_ROW ? amends_db_stmt_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/* The names a one-column query gives, in order. */
static GPtrArray *
query_names (AmendsDb    *db,
             const char  *sql,
             const char  *parameter,
             GError     **error)
{
  g_autoptr(AmendsDbStmt) stmt = amends_db_prepare (db, sql, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  AmendsDbStep step;

  if (stmt == NULL)
    return NULL;
  if (parameter != NULL)
    amends_db_stmt_bind_text (stmt, 1, parameter);
  while ((step = amends_db_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    g_ptr_array_add (names, g_strdup (amends_db_stmt_column_text (stmt, 0)));
  if (step == AMENDS_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&names);
}

static gboolean
names_contain (GPtrArray  *names,
               const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return TRUE;
  return FALSE;
}

/* The file's ordinary tables (neither SQLite's own, nor a virtual table
 * or its shadows, nor a derived one) and whether each has a rowid. */
static gboolean
list_sqlite_tables (AmendsDb    *db,
                    GPtrArray  **names,
                    GHashTable **without_rowid,
                    GError     **error)
{
  g_autoptr(AmendsDbStmt) stmt =
    amends_db_prepare (db,
                       "SELECT name, wr FROM pragma_table_list"
                       " WHERE schema = 'main' AND type = 'table'"
                       "   AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                       " ORDER BY name",
                       error);
  AmendsDbStep step;

  if (stmt == NULL)
    return FALSE;

  *names = g_ptr_array_new_with_free_func (g_free);
  *without_rowid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((step = amends_db_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      const char *name = amends_db_stmt_column_text (stmt, 0);

      if (is_derived (name))
        continue;
      g_ptr_array_add (*names, g_strdup (name));
      if (amends_db_stmt_column_int64 (stmt, 1) != 0)
        g_hash_table_add (*without_rowid, g_strdup (name));
    }
  return step == AMENDS_DB_STEP_DONE;
}

/* @names in an order in which every table comes after those its foreign
 * keys refer to. */
static GPtrArray *
order_by_foreign_keys (AmendsDb   *db,
                       GPtrArray  *names,
                       GError    **error)
{
  g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) parents = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      GPtrArray *refers =
        query_names (db, "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list (?)", name, error);

      if (refers == NULL)
        return NULL;
      g_hash_table_insert (parents, (gpointer) name, refers);
    }

  while (ordered->len < names->len)
    {
      gboolean progress = FALSE;

      for (guint i = 0; i < names->len; i++)
        {
          const char *name = g_ptr_array_index (names, i);
          GPtrArray *refers = g_hash_table_lookup (parents, name);
          gboolean ready = !names_contain (ordered, name);

          for (guint j = 0; ready && j < refers->len; j++)
            {
              const char *parent = g_ptr_array_index (refers, j);
              ready = g_str_equal (parent, name) || names_contain (ordered, parent) ||
                      !names_contain (names, parent);
            }
          if (ready)
            {
              g_ptr_array_add (ordered, g_strdup (name));
              progress = TRUE;
            }
        }

      if (!progress)
        {
          g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_FAILED,
                               "the tables' foreign keys go round in a circle");
          return NULL;
        }
    }

  return g_steal_pointer (&ordered);
}

static GPtrArray *
list_pg_tables (AmendsDb  *db,
                GError   **error)
{
  return query_names (db,
                      "SELECT relname FROM pg_class"
                      " WHERE relnamespace = current_schema ()::regnamespace"
                      "   AND relkind IN ('r', 'p') ORDER BY relname",
                      NULL, error);
}

/* The columns of @table, the generated ones left out, with how their
 * values travel; an implicit rowid is the server's "id". */
static Table *
describe_table (Copy        *copy,
                const char  *name,
                gboolean     without_rowid,
                GError     **error)
{
  g_autoptr(AmendsDbStmt) stmt =
    amends_db_prepare (copy->sqlite,
                       "SELECT name, upper (type) FROM pragma_table_xinfo (?)"
                       " WHERE hidden = 0 ORDER BY cid",
                       error);
  g_autoptr(GPtrArray) pg_columns = NULL;
  g_autoptr(GPtrArray) sqlite_columns = g_ptr_array_new ();
  Table *table;
  AmendsDbStep step;

  if (stmt == NULL)
    return NULL;

  pg_columns = query_names (copy->pg,
                            "SELECT attname FROM pg_attribute"
                            " WHERE attrelid = to_regclass (quote_ident (CAST (? AS TEXT)))"
                            "   AND attnum > 0 AND NOT attisdropped AND attgenerated = ''"
                            " ORDER BY attnum",
                            name, error);
  if (pg_columns == NULL)
    return NULL;

  table = g_new0 (Table, 1);
  table->name = g_strdup (name);
  table->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (table->columns, column_clear);

  amends_db_stmt_bind_text (stmt, 1, name);
  while ((step = amends_db_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      const char *column_name = amends_db_stmt_column_text (stmt, 0);
      const char *type = amends_db_stmt_column_text (stmt, 1);
      Column column = { 0 };

      if (!names_contain (pg_columns, column_name))
        {
          g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_FAILED,
                       _("The column “%s.%s” of the file has no place on the server: the two schemas differ, so nothing was copied."),
                       name, column_name);
          table_free (table);
          return NULL;
        }

      column.sqlite_name = g_strdup (column_name);
      column.pg_name = g_strdup (column_name);
      column.kind = g_str_has_prefix (type, "INT") ? COLUMN_INTEGER
                  : g_str_equal (type, "BLOB") ? COLUMN_BLOB : COLUMN_TEXT;
      g_array_append_val (table->columns, column);
      g_ptr_array_add (sqlite_columns, (gpointer) column.pg_name);
    }
  if (step == AMENDS_DB_STEP_ERROR)
    {
      table_free (table);
      return NULL;
    }

  for (guint i = 0; i < pg_columns->len; i++)
    {
      const char *column_name = g_ptr_array_index (pg_columns, i);

      if (names_contain (sqlite_columns, column_name))
        continue;

      /* The server's stand-in for SQLite's implicit rowid (playbooks). */
      if (g_str_equal (column_name, "id") && !without_rowid)
        {
          Column column = { g_strdup ("rowid"), g_strdup ("id"), COLUMN_INTEGER };
          g_array_append_val (table->columns, column);
          continue;
        }

      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_FAILED,
                   _("The column “%s.%s” of the server has no place in the file: the two schemas differ, so nothing was copied."),
                   name, column_name);
      table_free (table);
      return NULL;
    }

  return table;
}

/* Which tables to copy, from the SQLite side, checked against the
 * server's. */
static gboolean
plan (Copy    *copy,
      GError **error)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) ordered = NULL;
  g_autoptr(GPtrArray) pg_names = NULL;
  g_autoptr(GHashTable) without_rowid = NULL;

  if (!list_sqlite_tables (copy->sqlite, &names, &without_rowid, error) ||
      !(ordered = order_by_foreign_keys (copy->sqlite, names, error)) ||
      !(pg_names = list_pg_tables (copy->pg, error)))
    return FALSE;

  for (guint i = 0; i < pg_names->len; i++)
    {
      const char *name = g_ptr_array_index (pg_names, i);

      if (!is_derived (name) && !g_str_equal (name, PG_META_TABLE) && !names_contain (names, name))
        {
          g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_FAILED,
                       _("The table “%s” of the server has no place in the file: the two schemas differ, so nothing was copied."),
                       name);
          return FALSE;
        }
    }

  copy->tables = g_ptr_array_new_with_free_func (table_free);
  for (guint i = 0; i < ordered->len; i++)
    {
      const char *name = g_ptr_array_index (ordered, i);
      Table *table;

      if (!names_contain (pg_names, name))
        {
          g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_FAILED,
                       _("The table “%s” of the file has no place on the server: the two schemas differ, so nothing was copied."),
                       name);
          return FALSE;
        }

      if (!(table = describe_table (copy, name, g_hash_table_contains (without_rowid, name), error)))
        return FALSE;
      g_ptr_array_add (copy->tables, table);
    }

  return TRUE;
}

static const char *
column_name (Copy     *copy,
             AmendsDb *db,
             Column   *column)
{
  return db == copy->sqlite ? column->sqlite_name : column->pg_name;
}

static char *
select_sql (Copy  *copy,
            Table *table)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autofree char *quoted_table = quote (table->name);

  for (guint i = 0; i < table->columns->len; i++)
    {
      Column *column = &g_array_index (table->columns, Column, i);
      g_autofree char *name = quote (column_name (copy, copy->source, column));

      if (i > 0)
        g_string_append (sql, ", ");
      if (column->kind == COLUMN_BLOB)
        g_string_append_printf (sql, copy->source == copy->sqlite ? "hex (%s)" : "encode (%s, 'hex')", name);
      else
        g_string_append (sql, name);
    }
  g_string_append_printf (sql, " FROM %s", quoted_table);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* An INSERT of @n_rows rows at once: each statement is a round trip to
 * the server, and 406,000 of them took 138 s of a copy to a server on a
 * loaded machine. */
static char *
insert_sql (Copy  *copy,
            Table *table,
            guint  n_rows)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new ("(");
  g_autofree char *quoted_table = quote (table->name);

  g_string_append_printf (sql, "INSERT INTO %s (", quoted_table);
  for (guint i = 0; i < table->columns->len; i++)
    {
      Column *column = &g_array_index (table->columns, Column, i);
      const char *name = column_name (copy, copy->target, column);
      g_autofree char *quoted = g_str_equal (name, "rowid") ? g_strdup (name) : quote (name);

      g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", quoted);
      g_string_append (values, i > 0 ? ", " : "");
      if (column->kind == COLUMN_BLOB)
        g_string_append (values, copy->target == copy->sqlite ? "amends_unhex (?)" : "decode (?, 'hex')");
      else if (column->kind == COLUMN_INTEGER && copy->target == copy->pg)
        g_string_append (values, "CAST (? AS BIGINT)");
      else
        g_string_append (values, "?");
    }
  g_string_append_c (values, ')');

  g_string_append (sql, ") VALUES ");
  for (guint row = 0; row < n_rows; row++)
    g_string_append_printf (sql, "%s%s", row > 0 ? ", " : "", values->str);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* A value read, kept until its batch is written. */
typedef struct
{
  gboolean  is_null;
  gint64    number;
  char     *text;
} Value;

static void
value_clear (gpointer data)
{
  g_clear_pointer (&((Value *) data)->text, g_free);
}

static gboolean
write_batch (Copy          *copy,
             Table         *table,
             GArray        *values,
             AmendsDbStmt **full_batch,
             guint          batch_rows,
             GError       **error)
{
  guint n_columns = table->columns->len;
  guint n_rows = values->len / n_columns;
  g_autoptr(AmendsDbStmt) tail = NULL;
  AmendsDbStmt *stmt;

  if (n_rows == 0)
    return TRUE;

  if (n_rows == batch_rows)
    {
      if (*full_batch == NULL)
        {
          g_autofree char *sql = insert_sql (copy, table, batch_rows);
          if (!(*full_batch = amends_db_prepare (copy->target, sql, error)))
            return FALSE;
        }
      stmt = *full_batch;
    }
  else
    {
      g_autofree char *sql = insert_sql (copy, table, n_rows);
      if (!(tail = amends_db_prepare (copy->target, sql, error)))
        return FALSE;
      stmt = tail;
    }

  for (guint i = 0; i < values->len; i++)
    {
      Value *value = &g_array_index (values, Value, i);
      Column *column = &g_array_index (table->columns, Column, i % n_columns);

      if (value->is_null)
        amends_db_stmt_bind_null (stmt, i + 1);
      else if (column->kind == COLUMN_INTEGER)
        amends_db_stmt_bind_int64 (stmt, i + 1, value->number);
      else
        amends_db_stmt_bind_text (stmt, i + 1, value->text);
    }

  if (!amends_db_stmt_execute (stmt, error))
    return FALSE;
  g_array_set_size (values, 0);
  return TRUE;
}

static gboolean
copy_rows (Copy    *copy,
           Table   *table,
           GError **error)
{
  guint n_columns = table->columns->len;
  /* Well under SQLite's 32,766 parameters and the server's 65,535. */
  guint batch_rows = CLAMP (8000 / n_columns, 1, 200);
  g_autofree char *select = select_sql (copy, table);
  g_autoptr(AmendsDbStmt) reader = amends_db_prepare (copy->source, select, error);
  g_autoptr(AmendsDbStmt) writer = NULL;
  g_autoptr(GArray) values = g_array_sized_new (FALSE, TRUE, sizeof (Value), batch_rows * n_columns);
  AmendsDbStep step;

  if (reader == NULL)
    return FALSE;
  g_array_set_clear_func (values, value_clear);

  while ((step = amends_db_stmt_step (reader, error)) == AMENDS_DB_STEP_ROW)
    {
      for (guint i = 0; i < n_columns; i++)
        {
          Column *column = &g_array_index (table->columns, Column, i);
          Value value = { 0 };

          if (amends_db_stmt_column_is_null (reader, i))
            value.is_null = TRUE;
          else if (column->kind == COLUMN_INTEGER)
            value.number = amends_db_stmt_column_int64 (reader, i);
          else
            value.text = g_strdup (amends_db_stmt_column_text (reader, i));
          g_array_append_val (values, value);
        }

      if (values->len == batch_rows * n_columns &&
          !write_batch (copy, table, values, &writer, batch_rows, error))
        return FALSE;
    }

  return step == AMENDS_DB_STEP_DONE &&
         write_batch (copy, table, values, &writer, batch_rows, error);
}

static gboolean
count_rows (AmendsDb    *db,
            const char  *table,
            gint64      *n,
            GError     **error)
{
  g_autofree char *quoted = quote (table);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", quoted);

  return query_int64 (db, sql, n, error);
}

/* Each identity column continues after the highest id copied. */
static gboolean
move_pg_sequences (AmendsDb  *db,
                   GError   **error)
{
  g_autoptr(AmendsDbStmt) stmt =
    amends_db_prepare (db,
                       "SELECT c.relname, a.attname FROM pg_attribute AS a"
                       "  JOIN pg_class AS c ON c.oid = a.attrelid"
                       " WHERE c.relnamespace = current_schema ()::regnamespace"
                       "   AND c.relkind IN ('r', 'p') AND a.attidentity <> ''"
                       "   AND NOT a.attisdropped",
                       error);
  AmendsDbStep step;

  if (stmt == NULL)
    return FALSE;

  while ((step = amends_db_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      g_autofree char *table = quote (amends_db_stmt_column_text (stmt, 0));
      g_autofree char *column = quote (amends_db_stmt_column_text (stmt, 1));
      g_autofree char *sql =
        g_strdup_printf ("SELECT setval (pg_get_serial_sequence (%s, %s), coalesce (max (%s), 0) + 1, false)"
                         " FROM %s",
                         "quote_ident (CAST (? AS TEXT))", "CAST (? AS TEXT)", column, table);
      g_autoptr(AmendsDbStmt) set = amends_db_prepare (db, sql, error);

      if (set == NULL)
        return FALSE;
      amends_db_stmt_bind_text (set, 1, amends_db_stmt_column_text (stmt, 0));
      amends_db_stmt_bind_text (set, 2, amends_db_stmt_column_text (stmt, 1));
      if (!amends_db_stmt_execute (set, error))
        return FALSE;
    }

  return step == AMENDS_DB_STEP_DONE;
}

/* Each year's counter continues after the highest reference of ours
 * that year (C-2026-00042), whatever the counters said. */
static gboolean
move_reference_counters (Copy    *copy,
                         GError **error)
{
  g_autoptr(GHashTable) highest = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(AmendsDbStmt) stmt =
    amends_db_prepare (copy->target, "SELECT reference FROM cases WHERE reference LIKE 'C-%'", error);
  g_autoptr(AmendsDbStmt) upsert = NULL;
  GHashTableIter iter;
  gpointer year, number;
  AmendsDbStep step;

  if (stmt == NULL)
    return FALSE;

  while ((step = amends_db_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      int y = 0, n = 0;
      char end = 0;

      if (sscanf (amends_db_stmt_column_text (stmt, 0), "C-%4d-%d%c", &y, &n, &end) == 2 && n > 0 &&
          n > GPOINTER_TO_INT (g_hash_table_lookup (highest, GINT_TO_POINTER (y))))
        g_hash_table_insert (highest, GINT_TO_POINTER (y), GINT_TO_POINTER (n));
    }
  if (step == AMENDS_DB_STEP_ERROR)
    return FALSE;

  upsert = amends_db_prepare (copy->target,
                              copy->target == copy->pg
                              ? "INSERT INTO reference_counters (year, last) VALUES (?, ?)"
                                " ON CONFLICT (year) DO UPDATE"
                                " SET last = greatest (reference_counters.last, excluded.last)"
                              : "INSERT INTO reference_counters (year, last) VALUES (?, ?)"
                                " ON CONFLICT (year) DO UPDATE"
                                " SET last = max (reference_counters.last, excluded.last)",
                              error);
  if (upsert == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, highest);
  while (g_hash_table_iter_next (&iter, &year, &number))
    {
      amends_db_stmt_bind_int64 (upsert, 1, GPOINTER_TO_INT (year));
      amends_db_stmt_bind_int64 (upsert, 2, GPOINTER_TO_INT (number));
      if (!amends_db_stmt_execute (upsert, error))
        return FALSE;
    }

  return TRUE;
}

/* The server's search triggers, row by row, cost most of a copy's time
 * (each timeline entry writes its case's document again: 138 s for
 * 100,000 cases and 300,000 entries); they are held for the copy (inside
 * its transaction, so they are back whatever happens) and the search
 * table is filled at once afterwards, with what the triggers write
 * (amends-schema-pg.c, amends_search_cases and amends_search_actions). */
static const char pg_hold_search[] =
  "ALTER TABLE cases DISABLE TRIGGER cases_search_insert;"
  "ALTER TABLE actions DISABLE TRIGGER actions_search;";

static const char pg_rebuild_search[] =
  "INSERT INTO case_search (case_id, summary, description, customer, timeline)"
  "  SELECT c.id, c.summary, c.description,"
  "         (SELECT p.name || ' ' || coalesce (p.notes, '') FROM customers AS p"
  "            WHERE p.id = c.customer_id),"
  "         (SELECT string_agg (a.text, ' ' ORDER BY a.id) FROM actions AS a"
  "            WHERE a.case_id = c.id)"
  "  FROM cases AS c;"
  "ALTER TABLE cases ENABLE TRIGGER cases_search_insert;"
  "ALTER TABLE actions ENABLE TRIGGER actions_search;";

static gboolean
copy_all (Copy              *copy,
          AmendsCopyResult  *result,
          GError           **error)
{
  if (copy->target == copy->pg && !amends_db_exec (copy->pg, pg_hold_search, error))
    return FALSE;

  for (guint i = 0; i < copy->tables->len; i++)
    if (!copy_rows (copy, g_ptr_array_index (copy->tables, i), error))
      return FALSE;

  if (copy->target == copy->pg && !amends_db_exec (copy->pg, pg_rebuild_search, error))
    return FALSE;

  for (guint i = 0; i < copy->tables->len; i++)
    {
      Table *table = g_ptr_array_index (copy->tables, i);
      AmendsCopyTable *counted;
      gint64 n_source = 0, n_target = 0;

      if (!count_rows (copy->source, table->name, &n_source, error) ||
          !count_rows (copy->target, table->name, &n_target, error))
        return FALSE;

      if (n_source != n_target)
        {
          g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_FAILED,
                       _("The table “%s” has %lld rows in “%s” but %lld arrived in “%s”, so the copy was undone."),
                       table->name, (long long) n_source, amends_db_get_display_name (copy->source),
                       (long long) n_target, copy->target_name);
          return FALSE;
        }

      counted = g_new0 (AmendsCopyTable, 1);
      counted->name = g_strdup (table->name);
      counted->n_rows = n_target;
      g_ptr_array_add (result->tables, counted);
    }

  if (copy->target == copy->pg && !move_pg_sequences (copy->target, error))
    return FALSE;
  return move_reference_counters (copy, error);
}

/* The source must be at our schema version, neither older (open it with
 * this Amends first, which brings it up) nor newer. */
static gboolean
check_source_version (Copy    *copy,
                      GError **error)
{
  gint64 version = 0;

  if (!query_int64 (copy->source,
                    copy->source == copy->sqlite
                    ? "PRAGMA user_version"
                    : "SELECT value FROM " PG_META_TABLE " WHERE key = 'schema_version'",
                    &version, error))
    return FALSE;

  if (version > amends_schema_get_latest_version ())
    {
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was saved by a newer version of Amends. Update Amends to copy it."),
                   amends_db_get_display_name (copy->source));
      return FALSE;
    }
  if (version < amends_schema_get_latest_version ())
    {
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_FAILED,
                   _("The database “%s” is of an older version of Amends. Open it with this one once, then copy it."),
                   amends_db_get_display_name (copy->source));
      return FALSE;
    }
  return TRUE;
}

/* A server database to copy into holds no rows in any table (it may be
 * an Amends database without any, or have no tables at all); checked
 * before anything is written to it. */
static gboolean
check_server_empty (AmendsDb  *db,
                    GError   **error)
{
  g_autoptr(GPtrArray) names = list_pg_tables (db, error);

  if (names == NULL)
    return FALSE;

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *quoted = quote (name);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM (SELECT 1 FROM %s LIMIT 1) AS t", quoted);
      gint64 n = 0;

      if (g_str_equal (name, PG_META_TABLE))
        continue;
      if (!query_int64 (db, sql, &n, error))
        return FALSE;
      if (n > 0)
        {
          g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_REFUSED,
                       _("The database “%s” is not empty (its table “%s” has rows). Copy only into an empty database; nothing was changed."),
                       amends_db_get_display_name (db), name);
          return FALSE;
        }
    }

  return TRUE;
}

static void
unhex (sqlite3_context  *context,
       int               argc,
       sqlite3_value   **argv)
{
  const unsigned char *text = sqlite3_value_text (argv[0]);
  int length = sqlite3_value_bytes (argv[0]);
  g_autofree guint8 *bytes = NULL;

  (void) argc;
  if (text == NULL || length % 2 != 0)
    {
      sqlite3_result_error (context, "amends_unhex: not hexadecimal", -1);
      return;
    }

  bytes = g_malloc (length / 2 + 1);
  for (int i = 0; i < length / 2; i++)
    {
      int high = g_ascii_xdigit_value (text[2 * i]);
      int low = g_ascii_xdigit_value (text[2 * i + 1]);

      if (high < 0 || low < 0)
        {
          sqlite3_result_error (context, "amends_unhex: not hexadecimal", -1);
          return;
        }
      bytes[i] = (guint8) (high << 4 | low);
    }

  sqlite3_result_blob (context, g_steal_pointer (&bytes), length / 2, g_free);
}

static void
remove_file (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_remove (name);
    }
}

static AmendsDb *
open_source (const char  *from,
             GError     **error)
{
  if (!amends_db_location_is_server (from) && !g_file_test (from, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (from);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no database at “%s”."), display);
      return NULL;
    }
  return amends_db_open (from, error);
}

/* A new file beside @to, mode 0600 as the store makes its own, at our
 * schema version and empty; *@temp is its name.  It becomes @to only
 * when everything is in it (publish_file()), so that a copy that failed
 * or was interrupted never leaves a file by that name. */
static AmendsDb *
create_file (const char  *to,
             char       **temp,
             GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (to);
  g_autofree char *base = g_path_get_basename (to);
  g_autofree char *dot_base = g_strconcat (".", base, ".copy-XXXXXX", NULL);
  g_autofree char *display = g_filename_display_name (to);
  g_autoptr(AmendsDb) db = NULL;
  int fd;

  if (g_file_test (to, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("The file “%s” is there already. Copy into a new file; nothing was changed."),
                   display);
      return NULL;
    }

  *temp = g_build_filename (folder, dot_base, NULL);
  fd = g_mkstemp_full (*temp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The file “%s” cannot be made: %s."), display, g_strerror (saved_errno));
      g_clear_pointer (temp, g_free);
      return NULL;
    }
  close (fd);

  if (!(db = amends_db_open (*temp, error)))
    return NULL;

  if (!amends_schema_migrate (amends_db_get_sqlite (db), 0, amends_schema_get_latest_version (), error))
    return NULL;

  if (sqlite3_create_function (amends_db_get_sqlite (db), "amends_unhex", 1,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, unhex, NULL, NULL) != SQLITE_OK)
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_FAILED,
                           "amends_unhex could not be registered");
      return NULL;
    }

  return g_steal_pointer (&db);
}

/* Gives the finished, closed file its name, unless a file of that name
 * appeared meanwhile. */
static gboolean
publish_file (const char  *temp,
              const char  *to,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (to);

  if (link (temp, to) == 0)
    {
      g_remove (temp);
      return TRUE;
    }

  if (errno == EEXIST)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                 _("The file “%s” is there already. Copy into a new file; nothing was changed."),
                 display);
  /* A file system without hard links (FAT, some network shares). */
  else if (!g_file_test (to, G_FILE_TEST_EXISTS) && g_rename (temp, to) == 0)
    return TRUE;
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                 _("The file “%s” cannot be made: %s."), display, g_strerror (errno));
  return FALSE;
}

/**
 * amends_copy_database:
 * @from: the database in use: a SQLite file, or a server's connection
 *   string
 * @to: where to copy it: an empty server database when @from is a file,
 *   a new file when @from is on a server
 * @result: (out) (optional): what was copied
 * @error: return location for an error
 *
 * Copies every table of @from into @to with the ids as they are, in one
 * transaction on @to, and checks each table's rows were all copied.  On
 * failure @to is left as it was (a new file is removed).
 *
 * Returns: whether everything was copied
 */
/* The planner's statistics, which autovacuum would gather only later:
 * until then it takes a copied table for a few rows, and the list's
 * first query sorts the whole table on disk instead of reading its index
 * (220 ms rather than 40 ms at 100,000 cases, measured).  (This VACUUM,
 * so soon after the rows were written, leaves the pages not yet marked
 * all-visible on PostgreSQL 15; autovacuum does that later, and the
 * index-only scans then get faster still.)  The copy is done whether or
 * not this works. */
static void
tidy_server (const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsDb) db = amends_db_open (to, &error);

  if (db == NULL || !amends_db_exec (db, "VACUUM (ANALYZE)", &error))
    g_debug ("VACUUM after the copy failed: %s", error->message);
}

gboolean
amends_copy_database (const char        *from,
                      const char        *to,
                      AmendsCopyResult **result,
                      GError           **error)
{
  g_autoptr(AmendsDb) source = NULL;
  g_autoptr(AmendsDb) target = NULL;
  g_autoptr(AmendsCopyResult) copied = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *temp = NULL;
  gboolean to_server = amends_db_location_is_server (to);
  Copy copy = { 0 };

  g_return_val_if_fail (from != NULL && to != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (to_server == amends_db_location_is_server (from))
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID,
                           to_server
                           ? _("Both databases are on a server. Copy from a database file to a server, or from a server to a new file.")
                           : _("Both databases are files. Copy from a database file to a server, or from a server to a new file; for a copy of a file, use --backup."));
      return FALSE;
    }

  if (!(source = open_source (from, error)))
    return FALSE;

  if (to_server)
    {
      if (!(target = amends_db_open (to, error)) ||
          !check_server_empty (target, error) ||
          !amends_schema_pg_migrate (target, error))
        return FALSE;
    }
  else
    {
      if (!(target = create_file (to, &temp, &local_error)))
        goto failed;
    }

  copy.source = source;
  copy.target = target;
  copy.sqlite = to_server ? source : target;
  copy.pg = to_server ? target : source;

  copied = g_new0 (AmendsCopyResult, 1);
  copied->tables = g_ptr_array_new_with_free_func (copy_table_free);
  copied->target = to_server ? g_strdup (amends_db_get_display_name (target)) : g_filename_display_name (to);
  copy.target_name = copied->target;

  /* The source is read in one snapshot, so that its counts are those of
   * the rows read. */
  if (!check_source_version (&copy, &local_error) ||
      !plan (&copy, &local_error) ||
      !amends_db_exec (source,
                       to_server ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
                       &local_error))
    goto failed;

  if (!amends_db_exec (target, to_server ? AMENDS_SCHEMA_PG_BEGIN : "BEGIN IMMEDIATE", &local_error) ||
      !copy_all (&copy, copied, &local_error) ||
      !amends_db_commit (target, &local_error))
    {
      amends_db_rollback (target, NULL);
      amends_db_rollback (source, NULL);
      goto failed;
    }

  amends_db_rollback (source, NULL);

  /* The planner's statistics and the visibility map, which autovacuum
   * would bring only later: until then the list's first query sorts a
   * whole table on disk instead of reading its index (270 ms rather
   * than 25 ms at 100,000 cases).  The copy is done whether or not this
   * works. */
  g_clear_pointer (&copy.tables, g_ptr_array_unref);
  g_clear_pointer (&target, amends_db_close);
  if (to_server)
    tidy_server (to);

  if (temp != NULL && !publish_file (temp, to, &local_error))
    goto failed;
  if (result != NULL)
    *result = g_steal_pointer (&copied);
  return TRUE;

failed:
  g_clear_pointer (&copy.tables, g_ptr_array_unref);
  g_clear_pointer (&target, amends_db_close);
  if (temp != NULL)
    remove_file (temp);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
