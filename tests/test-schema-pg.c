/* test-schema-pg.c: the schema on a PostgreSQL server, and its parity with SQLite's
 *
 * Runs on the private server that tests/pg-cluster starts for this
 * program (AMENDS_TEST_PG); by hand without it, every test is skipped,
 * and under meson AMENDS_TEST_REQUIRE_PG makes that a failure.  Each test
 * starts from an empty database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "amends-db.h"
#include "amends-schema.h"
#include "amends-schema-pg.h"
#include "amends-test-utils.h"

typedef struct
{
  char *location;
  AmendsDb *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *location = amends_test_server_location ();

  if (location == NULL)
    return;

  f->location = g_strdup (location);
  f->db = amends_db_open (f->location, &error);
  g_assert_no_error (error);
  amends_db_exec (f->db, "SET client_min_messages = warning;"
                         "DROP SCHEMA public CASCADE; CREATE SCHEMA public", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->db, amends_db_close);
  g_free (f->location);
}

static gboolean
have_db (Fixture *f)
{
  if (f->db != NULL)
    return TRUE;
  amends_test_skip_no_server ();
  return FALSE;
}

static void
migrate (AmendsDb *db)
{
  g_autoptr(GError) error = NULL;

  amends_schema_pg_migrate (db, &error);
  g_assert_no_error (error);
}

static gint64
schema_version (AmendsDb *db)
{
  return amends_test_db_query_int64 (db, "SELECT value FROM amends_meta WHERE key = 'schema_version'");
}

/* Everything in the database a refused migration could have touched:
 * each relation of the schema, with its kind and its number of columns,
 * the functions, and the rows of amends_meta when there is one. */
static char *
fingerprint (AmendsDb *db)
{
  g_autofree char *relations =
    amends_test_db_query_text (db, "SELECT coalesce (string_agg (c.relname || ':' || c.relkind::text || ':' || c.relnatts, ' '"
                    "                             ORDER BY c.relname), '')"
                    " FROM pg_class AS c WHERE c.relnamespace = 'public'::regnamespace");
  g_autofree char *functions =
    amends_test_db_query_text (db, "SELECT coalesce (string_agg (proname, ' ' ORDER BY proname), '') FROM pg_proc"
                    " WHERE pronamespace = 'public'::regnamespace");
  g_autofree char *extensions =
    amends_test_db_query_text (db, "SELECT string_agg (extname, ' ' ORDER BY extname) FROM pg_extension");
  g_autofree char *meta = NULL;

  if (amends_test_db_query_int64 (db, "SELECT count(*) FROM pg_class WHERE relname = 'amends_meta'") > 0)
    meta = amends_test_db_query_text (db, "SELECT string_agg (key || '=' || value, ' ' ORDER BY key) FROM amends_meta");

  return g_strdup_printf ("%s | %s | %s | %s", relations, functions, extensions, meta ? meta : "-");
}

/* An empty database is brought to version 10 (the version of
 * amends-schema.c as this test is written), and is usable: a staff
 * member's version counts up with an edit, as SQLite's triggers do. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  if (!have_db (f))
    return;

  migrate (f->db);

  g_assert_cmpint (amends_schema_get_latest_version (), ==, 10);
  g_assert_cmpint (schema_version (f->db), ==, 10);
  g_assert_cmpint (amends_test_db_query_int64 (f->db, "SELECT value FROM amends_meta WHERE key = 'application_id'"),
                                  ==, 0x416d6e64);
  g_assert_cmpint (amends_test_db_query_int64 (f->db, "SELECT count(*) FROM pg_stat_activity"
                                       " WHERE wait_event_type = 'Lock'"), ==, 0);

  amends_test_db_exec (f->db, "INSERT INTO staff (name) VALUES ('Ana')");
  amends_test_db_exec (f->db, "UPDATE staff SET team = 'Front' WHERE name = 'Ana'");
  g_assert_cmpint (amends_test_db_query_int64 (f->db, "SELECT version FROM staff"), ==, 1);
  /* An UPDATE that sets the version itself is not counted twice. */
  amends_test_db_exec (f->db, "UPDATE staff SET team = 'Back', version = version + 1 WHERE name = 'Ana'");
  g_assert_cmpint (amends_test_db_query_int64 (f->db, "SELECT version FROM staff"), ==, 2);
}

/* A second migration finds the work done, and keeps what was written. */
static void
test_twice (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (!have_db (f))
    return;

  migrate (f->db);
  amends_test_db_exec (f->db, "INSERT INTO staff (name) VALUES ('Ana')");
  before = fingerprint (f->db);
  migrate (f->db);
  after = fingerprint (f->db);

  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (schema_version (f->db), ==, 10);
  g_assert_cmpint (amends_test_db_query_int64 (f->db, "SELECT count(*) FROM staff"), ==, 1);
}

/* A desk that starts while another holds the write lock (a long import)
 * does not wait for it when there is nothing to migrate.  (Were it to
 * wait, the lock timeout would fail it.) */
static void
test_no_wait_when_done (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(AmendsDb) holder = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_db (f))
    return;

  migrate (f->db);
  holder = amends_db_open (f->location, &error);
  g_assert_no_error (error);
  amends_test_db_exec (holder, AMENDS_SCHEMA_PG_BEGIN);
  amends_test_db_exec (f->db, "SET lock_timeout = '5s'");

  migrate (f->db);

  amends_test_db_exec (holder, "ROLLBACK");
}

static gpointer
migrate_in_thread (gpointer user_data)
{
  const char *location = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsDb) db = amends_db_open (location, &error);

  if (db != NULL)
    amends_schema_pg_migrate (db, &error);
  return g_steal_pointer (&error);
}

/* Two desks start at once on an empty database: the write lock is held
 * here until both wait for it, so they are sure to meet; then one
 * migrates, the other waits and finds the work done, and neither fails. */
static void
test_two_at_once (Fixture       *f,
                  gconstpointer  data)
{
  GThread *threads[2];
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  g_autoptr(AmendsDb) holder = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_db (f))
    return;

  holder = amends_db_open (f->location, &error);
  g_assert_no_error (error);
  amends_test_db_exec (holder, AMENDS_SCHEMA_PG_BEGIN);

  for (gsize i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("migrate", migrate_in_thread, f->location);

  while (amends_test_db_query_int64 (f->db, "SELECT count(*) FROM pg_locks"
                             " WHERE locktype = 'advisory' AND NOT granted"
                             "   AND objid = " AMENDS_SCHEMA_PG_WRITE_LOCK) < 2)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (G_USEC_PER_SEC / 100);
    }
  amends_test_db_exec (holder, "ROLLBACK");

  for (gsize i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr(GError) thread_error = g_thread_join (threads[i]);

      g_assert_no_error (thread_error);
    }

  g_assert_cmpint (schema_version (f->db), ==, 10);
  g_assert_cmpint (amends_test_db_query_int64 (f->db, "SELECT count(*) FROM amends_meta"), ==, 2);
}

/* A database of a newer Amends is refused with the message a newer
 * SQLite file gets, and left exactly as it was. */
static void
test_newer (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;

  if (!have_db (f))
    return;

  migrate (f->db);
  amends_test_db_exec (f->db, "UPDATE amends_meta SET value = 11 WHERE key = 'schema_version';"
               "CREATE TABLE added_by_version_11 (x BIGINT)");
  before = fingerprint (f->db);

  g_assert_false (amends_schema_pg_migrate (f->db, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_TOO_NEW);
  expected = g_strdup_printf ("The database “%s” was saved by a newer version of Amends. Update Amends to open it.",
                              amends_db_get_display_name (f->db));
  g_assert_cmpstr (error->message, ==, expected);

  after = fingerprint (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (schema_version (f->db), ==, 11);
  /* Nothing was left open: no transaction, no lock. */
  g_assert_cmpint (amends_test_db_query_int64 (f->db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"), ==, 0);
  amends_test_db_exec (f->db, "BEGIN; COMMIT");
}

static void
assert_foreign_refused (AmendsDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = fingerprint (db);
  g_autofree char *after = NULL;

  g_assert_false (amends_schema_pg_migrate (db, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, amends_db_get_display_name (db)));

  after = fingerprint (db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (amends_test_db_query_int64 (db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"), ==, 0);
}

/* A database with another program's tables is refused untouched; so is
 * one with an amends_meta that is not ours.  Functions alone (an
 * extension the administrator installed) do not make a database foreign. */
static void
test_foreign (Fixture       *f,
              gconstpointer  data)
{
  if (!have_db (f))
    return;

  amends_test_db_exec (f->db, "CREATE TABLE invoices (id BIGINT PRIMARY KEY, total BIGINT);"
               "INSERT INTO invoices VALUES (1, 4200)");
  assert_foreign_refused (f->db);
  g_assert_cmpint (amends_test_db_query_int64 (f->db, "SELECT total FROM invoices"), ==, 4200);

  amends_test_db_exec (f->db, "DROP TABLE invoices;"
               "CREATE TABLE amends_meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL);"
               "INSERT INTO amends_meta VALUES ('application_id', 7), ('schema_version', 3)");
  assert_foreign_refused (f->db);

  amends_test_db_exec (f->db, "DROP TABLE amends_meta;"
               "CREATE FUNCTION helper_of_the_admin () RETURNS int LANGUAGE sql AS 'SELECT 1'");
  migrate (f->db);
  g_assert_cmpint (schema_version (f->db), ==, 10);
}

/* Parity */

/* What one engine has and the other has not, on purpose.  Each entry must
 * exist on its side: one that went away (a migration dropped it) fails
 * the test until it is struck from here. */
typedef struct
{
  const char *name;
  const char *why;
} Ignored;

static const Ignored sqlite_only_tables[] = {
  { "case_search_config", "FTS5's shadow table" },
  { "case_search_content", "FTS5's shadow table" },
  { "case_search_data", "FTS5's shadow table" },
  { "case_search_docsize", "FTS5's shadow table" },
  { "case_search_idx", "FTS5's shadow table" },
};

static const Ignored pg_only_tables[] = {
  { "amends_meta", "SQLite keeps the version and application id in the file's header" },
};

static const Ignored sqlite_only_columns[] = {
  { "cases.urgency_group", "version 1's order, unread since version 9; not carried over" },
  { "cases.urgency_key", "version 1's order, unread since version 9; not carried over" },
};

static const Ignored pg_only_columns[] = {
  { "case_search.case_id", "SQLite's FTS5 rowid" },
  { "case_search.document", "the tsvector: FTS5 keeps its index in its shadow tables" },
  { "playbooks.id", "SQLite's implicit rowid, the audit log's record id of a playbook" },
};

static const Ignored pg_only_indexes[] = {
  { "case_search.case_search_document", "FTS5's index is its shadow tables" },
  { "causes.causes_by_name", "SQLite's is the UNIQUE COLLATE NOCASE constraint's own" },
};

static const Ignored pg_only_foreign_keys[] = {
  { "case_search.case_id>cases.id:CASCADE", "SQLite's FTS5 table has the trigger cases_search_delete" },
};

static gboolean
is_ignored (const Ignored *list,
            gsize          n,
            const char    *name,
            GHashTable    *seen)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (list[i].name, name))
      {
        g_hash_table_add (seen, (gpointer) list[i].name);
        return TRUE;
      }
  return FALSE;
}

static void
assert_all_seen (const Ignored *list,
                 gsize          n,
                 GHashTable    *seen)
{
  for (gsize i = 0; i < n; i++)
    if (!g_hash_table_contains (seen, list[i].name))
      g_error ("%s is on the parity test's list of ignored things (%s), but is not there any more",
               list[i].name, list[i].why);
}

#define IGNORED(list) list, G_N_ELEMENTS (list)

/* Reads one column of every row of @sql, with @arg bound to "?" when given. */
static GPtrArray *
query_rows (AmendsDb   *db,
            const char *sql,
            const char *arg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsDbStmt) stmt = amends_db_prepare (db, sql, &error);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  AmendsDbStep step;

  g_assert_no_error (error);
  if (arg != NULL)
    amends_db_stmt_bind_text (stmt, 1, arg);
  while ((step = amends_db_stmt_step (stmt, &error)) == AMENDS_DB_STEP_ROW)
    g_ptr_array_add (rows, g_strdup (amends_db_stmt_column_text (stmt, 0)));
  g_assert_no_error (error);
  return rows;
}

/* The class of a column's type, as both engines store it. */
static const char *
sqlite_class (const char *type)
{
  if (g_ascii_strcasecmp (type, "INTEGER") == 0)
    return "integer";
  if (g_ascii_strcasecmp (type, "TEXT") == 0 || *type == '\0')  /* FTS5's columns are text */
    return "text";
  if (g_ascii_strcasecmp (type, "BLOB") == 0)
    return "blob";
  return type;
}

static const char *
pg_class_of (const char *type)
{
  if (g_str_equal (type, "bigint"))
    return "integer";
  if (g_str_equal (type, "text"))
    return "text";
  if (g_str_equal (type, "bytea"))
    return "blob";
  return type;   /* smallint, integer…: not what the port chose; shows as a difference */
}

/* "'x'::text" → "'x'" */
static char *
pg_default (const char *expression)
{
  if (expression == NULL)
    return g_strdup ("");
  if (g_str_has_suffix (expression, "::text"))
    return g_strndup (expression, strlen (expression) - strlen ("::text"));
  return g_strdup (expression);
}

/* Each column as "table.column class [not-null] [default=…] [generated]",
 * each table's columns in order as "table: column column…"; the indexes
 * as "table.index"; the foreign keys as "table.column>table.column:ON
 * DELETE"; the things listed above left out. */
typedef struct
{
  GPtrArray *tables;
  GPtrArray *orders;
  GPtrArray *indexes;
  GPtrArray *foreign_keys;
} Shape;

static void
shape_clear (Shape *shape)
{
  g_clear_pointer (&shape->tables, g_ptr_array_unref);
  g_clear_pointer (&shape->orders, g_ptr_array_unref);
  g_clear_pointer (&shape->indexes, g_ptr_array_unref);
  g_clear_pointer (&shape->foreign_keys, g_ptr_array_unref);
}

/* Fails naming each line that only one engine has. */
static void
assert_same_lines (GPtrArray  *pg,
                   GPtrArray  *sqlite,
                   const char *what)
{
  g_autoptr(GString) differences = g_string_new (NULL);

  for (guint i = 0; i < pg->len; i++)
    if (!g_ptr_array_find_with_equal_func (sqlite, pg->pdata[i], g_str_equal, NULL))
      g_string_append_printf (differences, "\n  only on PostgreSQL: %s", (char *) pg->pdata[i]);
  for (guint i = 0; i < sqlite->len; i++)
    if (!g_ptr_array_find_with_equal_func (pg, sqlite->pdata[i], g_str_equal, NULL))
      g_string_append_printf (differences, "\n  only on SQLite:     %s", (char *) sqlite->pdata[i]);

  if (differences->len > 0)
    g_error ("The %s of the two schemas differ:%s", what, differences->str);
}

static void
read_sqlite_shape (AmendsDb   *db,
                   Shape      *shape,
                   GHashTable *seen)
{
  g_autoptr(GPtrArray) names =
    query_rows (db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                    " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name", NULL);
  g_autoptr(GPtrArray) indexes =
    query_rows (db, "SELECT tbl_name || '.' || name FROM sqlite_schema"
                    " WHERE type = 'index' AND sql IS NOT NULL", NULL);

  shape->tables = g_ptr_array_new_with_free_func (g_free);
  shape->orders = g_ptr_array_new_with_free_func (g_free);
  shape->indexes = g_ptr_array_new_with_free_func (g_free);
  shape->foreign_keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < names->len; i++)
    {
      const char *table = names->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(AmendsDbStmt) stmt = NULL;
      g_autoptr(GPtrArray) keys = NULL;
      GString *line;

      if (is_ignored (IGNORED (sqlite_only_tables), table, seen))
        continue;

      line = g_string_new (table);
      g_string_append (line, ":");
      /* hidden: 0 a column, 1 a virtual table's hidden one (FTS5's own
       * "case_search" and "rank"), 2 and 3 generated. */
      stmt = amends_db_prepare (db, "SELECT name, type, \"notnull\", coalesce (dflt_value, ''), pk, hidden"
                                    " FROM pragma_table_xinfo (?) WHERE hidden <> 1 ORDER BY cid", &error);
      g_assert_no_error (error);
      amends_db_stmt_bind_text (stmt, 1, table);
      while (amends_db_stmt_step (stmt, &error) == AMENDS_DB_STEP_ROW)
        {
          g_autofree char *column = g_strdup_printf ("%s.%s", table, amends_db_stmt_column_text (stmt, 0));
          /* A primary key is NOT NULL on PostgreSQL; on SQLite, an
           * INTEGER PRIMARY KEY cannot be NULL either, and the store
           * never writes NULL into another one (which old SQLite allows). */
          gboolean not_null = amends_db_stmt_column_int64 (stmt, 2) != 0 ||
                              amends_db_stmt_column_int64 (stmt, 4) != 0;
          gboolean generated = amends_db_stmt_column_int64 (stmt, 5) >= 2;

          if (is_ignored (IGNORED (sqlite_only_columns), column, seen))
            continue;
          g_string_append_printf (line, " %s", amends_db_stmt_column_text (stmt, 0));
          g_ptr_array_add (shape->tables,
                           g_strdup_printf ("%s %s%s%s%s%s", column,
                                  sqlite_class (amends_db_stmt_column_text (stmt, 1)),
                                  not_null ? " not-null" : "",
                                  *amends_db_stmt_column_text (stmt, 3) ? " default=" : "",
                                  amends_db_stmt_column_text (stmt, 3),
                                  generated ? " generated" : ""));
        }
      g_assert_no_error (error);
      g_ptr_array_add (shape->orders, g_string_free (line, FALSE));

      keys = query_rows (db, "SELECT \"from\" || '>' || \"table\" || '.' || \"to\" || ':' || on_delete"
                             " FROM pragma_foreign_key_list (?)", table);
      for (guint k = 0; k < keys->len; k++)
        g_ptr_array_add (shape->foreign_keys, g_strdup_printf ("%s.%s", table, (char *) keys->pdata[k]));
    }

  for (guint i = 0; i < indexes->len; i++)
    g_ptr_array_add (shape->indexes, g_strdup (indexes->pdata[i]));
}

static void
read_pg_shape (AmendsDb   *db,
               Shape      *shape,
               GHashTable *seen)
{
  g_autoptr(GPtrArray) names =
    query_rows (db, "SELECT relname FROM pg_class WHERE relnamespace = current_schema ()::regnamespace"
                    " AND relkind = 'r' ORDER BY relname", NULL);
  g_autoptr(GPtrArray) indexes =
    query_rows (db, "SELECT t.relname || '.' || x.relname FROM pg_index AS i"
                    "  JOIN pg_class AS x ON x.oid = i.indexrelid"
                    "  JOIN pg_class AS t ON t.oid = i.indrelid"
                    " WHERE t.relnamespace = current_schema ()::regnamespace"
                    "   AND NOT EXISTS (SELECT 1 FROM pg_constraint AS k WHERE k.conindid = i.indexrelid)",
                NULL);
  g_autoptr(GPtrArray) keys =
    query_rows (db, "SELECT t.relname || '.' || a.attname || '>' || r.relname || '.' || ra.attname || ':' ||"
                    "       CASE k.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL'"
                    "            WHEN 'd' THEN 'SET DEFAULT' WHEN 'r' THEN 'RESTRICT' ELSE 'NO ACTION' END"
                    "  FROM pg_constraint AS k"
                    "  JOIN pg_class AS t ON t.oid = k.conrelid"
                    "  JOIN pg_class AS r ON r.oid = k.confrelid"
                    "  JOIN pg_attribute AS a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]"
                    "  JOIN pg_attribute AS ra ON ra.attrelid = k.confrelid AND ra.attnum = k.confkey[1]"
                    " WHERE k.contype = 'f' AND t.relnamespace = current_schema ()::regnamespace", NULL);

  shape->tables = g_ptr_array_new_with_free_func (g_free);
  shape->orders = g_ptr_array_new_with_free_func (g_free);
  shape->indexes = g_ptr_array_new_with_free_func (g_free);
  shape->foreign_keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < names->len; i++)
    {
      const char *table = names->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(AmendsDbStmt) stmt = NULL;
      GString *line;

      if (is_ignored (IGNORED (pg_only_tables), table, seen))
        continue;

      line = g_string_new (table);
      g_string_append (line, ":");
      stmt = amends_db_prepare (db, "SELECT a.attname, format_type (a.atttypid, a.atttypmod),"
                                    "       a.attnotnull::int, pg_get_expr (d.adbin, d.adrelid),"
                                    "       (a.attgenerated <> '')::int"
                                    "  FROM pg_attribute AS a"
                                    "  LEFT JOIN pg_attrdef AS d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                                    " WHERE a.attrelid = CAST (CAST (? AS TEXT) AS regclass)"
                                    "   AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum", &error);
      g_assert_no_error (error);
      amends_db_stmt_bind_text (stmt, 1, table);
      while (amends_db_stmt_step (stmt, &error) == AMENDS_DB_STEP_ROW)
        {
          g_autofree char *column = g_strdup_printf ("%s.%s", table, amends_db_stmt_column_text (stmt, 0));
          gboolean generated = amends_db_stmt_column_int64 (stmt, 4) != 0;
          g_autofree char *dflt = generated ? g_strdup ("") : pg_default (amends_db_stmt_column_text (stmt, 3));

          if (is_ignored (IGNORED (pg_only_columns), column, seen))
            continue;
          g_string_append_printf (line, " %s", amends_db_stmt_column_text (stmt, 0));
          g_ptr_array_add (shape->tables,
                           g_strdup_printf ("%s %s%s%s%s%s", column,
                                  pg_class_of (amends_db_stmt_column_text (stmt, 1)),
                                  amends_db_stmt_column_int64 (stmt, 2) ? " not-null" : "",
                                  *dflt ? " default=" : "", dflt,
                                  generated ? " generated" : ""));
        }
      g_assert_no_error (error);
      g_ptr_array_add (shape->orders, g_string_free (line, FALSE));
    }

  for (guint i = 0; i < indexes->len; i++)
    if (!is_ignored (IGNORED (pg_only_indexes), indexes->pdata[i], seen))
      g_ptr_array_add (shape->indexes, g_strdup (indexes->pdata[i]));
  for (guint i = 0; i < keys->len; i++)
    if (!is_ignored (IGNORED (pg_only_foreign_keys), keys->pdata[i], seen))
      g_ptr_array_add (shape->foreign_keys, g_strdup (keys->pdata[i]));
}

/* The schema a fresh SQLite store makes (through the store, as a desk
 * does) and the one amends_schema_pg_migrate() makes have the same
 * tables, with the same columns in the same order, of the same class
 * (integer, text, blob), NOT NULL, default and generated alike; the same
 * indexes by name; the same foreign keys with the same ON DELETE.  What
 * differs on purpose is listed above, each with why.  This is what keeps
 * the two in step as migrations are added. */
static void
test_parity (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsStore) store = NULL;
  g_autoptr(AmendsDb) sqlite = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  Shape sqlite_shape = { 0 }, pg_shape = { 0 };

  if (!have_db (f))
    return;

  dir = amends_test_make_dir ();
  path = g_build_filename (dir, "parity.db", NULL);
  store = amends_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  sqlite = amends_db_open (path, &error);
  g_assert_no_error (error);
  migrate (f->db);

  read_sqlite_shape (sqlite, &sqlite_shape, seen);
  read_pg_shape (f->db, &pg_shape, seen);

  /* A fresh store is at the version PostgreSQL is brought to. */
  g_assert_cmpint (amends_test_db_query_int64 (sqlite, "PRAGMA user_version"), ==, schema_version (f->db));

  assert_same_lines (pg_shape.tables, sqlite_shape.tables, "columns");
  assert_same_lines (pg_shape.orders, sqlite_shape.orders, "tables, or the order of their columns,");
  assert_same_lines (pg_shape.indexes, sqlite_shape.indexes, "indexes");
  assert_same_lines (pg_shape.foreign_keys, sqlite_shape.foreign_keys, "foreign keys");

  assert_all_seen (IGNORED (sqlite_only_tables), seen);
  assert_all_seen (IGNORED (pg_only_tables), seen);
  assert_all_seen (IGNORED (sqlite_only_columns), seen);
  assert_all_seen (IGNORED (pg_only_columns), seen);
  assert_all_seen (IGNORED (pg_only_indexes), seen);
  assert_all_seen (IGNORED (pg_only_foreign_keys), seen);

  shape_clear (&sqlite_shape);
  shape_clear (&pg_shape);
  g_clear_pointer (&sqlite, amends_db_close);
  amends_test_remove_dir (dir);
}

/* The same cases have the same place in the list on both engines: the
 * generated list_group, list_rank and list_key of version 9 are spelt
 * in two dialects, and the list's order is read from them. */
static char *
list_order (AmendsDb *db)
{
  static const char * const statuses[] = { "open", "in-recovery", "recovered", "closed" };
  static const char * const severities[] = { "colossal", "major", "moderate", "minor" };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsDbStmt) insert =
    amends_db_prepare (db, "INSERT INTO cases (id, reference, summary, severity, channel, noticed_by,"
                           "  occurred_at, logged_at, status, recovery_due_at, paused_at, paused_seconds,"
                           "  recovered_at, closed_at, follow_up_due_at, reaction, came_back)"
                           " VALUES (?, ?, 'A case', ?, 'phone', 'customer', 900, 1000, ?, 5000, ?, ?,"
                           "         ?, ?, ?, 'unknown', 'unknown')", &error);
  g_autoptr(GPtrArray) rows = NULL;
  int id = 0;

  g_assert_no_error (error);
  for (gsize s = 0; s < G_N_ELEMENTS (statuses); s++)
    for (gsize v = 0; v < G_N_ELEMENTS (severities); v++)
      for (int paused = 0; paused < 2; paused++)
        for (int follow_up = 0; follow_up < 2; follow_up++)
          {
            gboolean recovered = g_str_equal (statuses[s], "recovered");
            gboolean closed = g_str_equal (statuses[s], "closed");
            g_autofree char *reference = g_strdup_printf ("C-2026-%05d", ++id);

            amends_db_stmt_bind_int64 (insert, 1, id);
            amends_db_stmt_bind_text (insert, 2, reference);
            amends_db_stmt_bind_text (insert, 3, severities[v]);
            amends_db_stmt_bind_text (insert, 4, statuses[s]);
            if (paused)
              amends_db_stmt_bind_int64 (insert, 5, 3000);
            else
              amends_db_stmt_bind_null (insert, 5);
            amends_db_stmt_bind_int64 (insert, 6, paused ? 600 : 0);
            if (recovered || (closed && follow_up))
              amends_db_stmt_bind_int64 (insert, 7, 2000 + id);
            else
              amends_db_stmt_bind_null (insert, 7);
            if (closed)
              amends_db_stmt_bind_int64 (insert, 8, 4000 + id);
            else
              amends_db_stmt_bind_null (insert, 8);
            if (follow_up)
              amends_db_stmt_bind_int64 (insert, 9, 8000 + id);
            else
              amends_db_stmt_bind_null (insert, 9);
            amends_db_stmt_execute (insert, &error);
            g_assert_no_error (error);
          }

  rows = query_rows (db, "SELECT id || ':' || list_group || ':' || list_rank || ':' || list_key"
                         " FROM cases ORDER BY id", NULL);
  g_ptr_array_add (rows, NULL);
  return g_strjoinv (" ", (char **) rows->pdata);
}

static void
test_list_order (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsStore) store = NULL;
  g_autoptr(AmendsDb) sqlite = NULL;
  g_autofree char *on_sqlite = NULL;
  g_autofree char *on_pg = NULL;

  if (!have_db (f))
    return;

  dir = amends_test_make_dir ();
  path = g_build_filename (dir, "order.db", NULL);
  store = amends_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  sqlite = amends_db_open (path, &error);
  g_assert_no_error (error);
  migrate (f->db);

  on_sqlite = list_order (sqlite);
  on_pg = list_order (f->db);
  g_assert_cmpstr (on_pg, ==, on_sqlite);

  /* By hand, from migration 9: an open major case, not paused, due at
   * 5000: running (0), major (1), due at 5000.  The same paused: 1, 1,
   * 5600 with its 600 paused seconds.  A recovered major one with a
   * follow-up due at 8038: work to do (0), major (1), at 8038.  A closed
   * one: finished (2), rank 0, minus when it was closed (4053). */
  g_assert_nonnull (strstr (on_pg, " 5:0:1:5000 "));
  g_assert_nonnull (strstr (on_pg, " 7:1:1:5600 "));
  g_assert_nonnull (strstr (on_pg, " 38:0:1:8038 "));
  g_assert_nonnull (strstr (on_pg, " 53:2:0:-4053 "));

  g_clear_pointer (&sqlite, amends_db_close);
  amends_test_remove_dir (dir);
}

/* Search */

/* The next reference of @year as the store hands it out: a counter row a
 * year, counted up in the same statement that reads it. */
static char *
next_reference (AmendsDb *db,
                gint64    year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsDbStmt) stmt =
    amends_db_prepare (db, "INSERT INTO reference_counters (year, last) VALUES (?, 1)"
                           " ON CONFLICT (year) DO UPDATE SET last = reference_counters.last + 1"
                           " RETURNING last", &error);
  gint64 number;

  g_assert_no_error (error);
  amends_db_stmt_bind_int64 (stmt, 1, year);
  g_assert_cmpint (amends_db_stmt_step (stmt, &error), ==, AMENDS_DB_STEP_ROW);
  number = amends_db_stmt_column_int64 (stmt, 0);
  return g_strdup_printf ("C-%04" G_GINT64_FORMAT "-%05" G_GINT64_FORMAT, year, number);
}

static gint64
add_case (AmendsDb   *db,
          const char *summary,
          const char *description,
          gint64      customer_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = next_reference (db, 2026);
  g_autoptr(AmendsDbStmt) stmt =
    amends_db_prepare (db, "INSERT INTO cases (reference, summary, description, customer_id,"
                           "  severity, channel, noticed_by, occurred_at, logged_at, status,"
                           "  recovery_due_at, reaction, came_back)"
                           " VALUES (?, ?, ?, ?, 'minor', 'in-person', 'customer', 1767225600,"
                           "         1767225600, 'open', 1767312000, 'unknown', 'unknown')"
                           " RETURNING id", &error);
  gint64 id;

  g_assert_no_error (error);
  amends_db_stmt_bind_text (stmt, 1, reference);
  amends_db_stmt_bind_text (stmt, 2, summary);
  amends_db_stmt_bind_text (stmt, 3, description);
  if (customer_id > 0)
    amends_db_stmt_bind_int64 (stmt, 4, customer_id);
  else
    amends_db_stmt_bind_null (stmt, 4);
  amends_db_stmt_insert (stmt, &id, &error);
  g_assert_no_error (error);
  return id;
}

/* The ids the full-text search finds for what was typed, in order, as
 * "1 3"; the PostgreSQL spelling of the store's FTS5 query. */
static char *
search (AmendsDb   *db,
        const char *typed)
{
  g_autoptr(GPtrArray) ids =
    query_rows (db, "SELECT case_id FROM case_search WHERE document @@ amends_search_query (?)"
                    " ORDER BY case_id", typed);

  g_ptr_array_add (ids, NULL);
  return g_strjoinv (" ", (char **) ids->pdata);
}

/* The cases whose reference has the number typed, in any year: the
 * PostgreSQL spelling of reference_any_year_sql and reference_hits_sql in
 * amends-store-case-ids.c, which the store runs beside the full-text
 * search (the reference is not in the document on SQLite either). */
static char *
find_reference (AmendsDb   *db,
                const char *digits)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsDbStmt) stmt =
    amends_db_prepare (db,
                       "WITH RECURSIVE"
                       " ref_year (y) AS ("
                       "   SELECT CAST (substr (min (reference), 3, 4) AS BIGINT) FROM cases"
                       "     WHERE reference >= 'C-0000' AND reference < 'C-:'"
                       "   UNION ALL"
                       "   SELECT greatest (y + 1, (SELECT CAST (substr (min (reference), 3, 4) AS BIGINT) FROM cases"
                       "                             WHERE reference >= 'C-' || lpad ((y + 1)::text, 4, '0')"
                       "                               AND reference < 'C-:'))"
                       "     FROM ref_year WHERE y < 9999),"
                       " ref_width (w) AS ("
                       "   SELECT length (CAST (? AS BIGINT)::text) UNION ALL SELECT w + 1 FROM ref_width WHERE w < 9),"
                       " ref_hit (id) AS ("
                       "   SELECT r.id FROM ref_year, ref_width, cases AS r"
                       "     WHERE ref_year.y IS NOT NULL"
                       "       AND r.reference = 'C-' || lpad (ref_year.y::text, 4, '0') || '-'"
                       "                         || lpad (CAST (? AS BIGINT)::text, ref_width.w, '0'))"
                       " SELECT coalesce (string_agg (reference, ' ' ORDER BY reference), '')"
                       "   FROM ref_hit JOIN cases USING (id)", &error);
  gint64 number = g_ascii_strtoll (digits, NULL, 10);

  g_assert_no_error (error);
  amends_db_stmt_bind_int64 (stmt, 1, number);
  amends_db_stmt_bind_int64 (stmt, 2, number);
  g_assert_cmpint (amends_db_stmt_step (stmt, &error), ==, AMENDS_DB_STEP_ROW);
  g_assert_no_error (error);
  return g_strdup (amends_db_stmt_column_text (stmt, 0));
}

#define assert_search(db, typed, expected) \
  G_STMT_START { \
    g_autofree char *found_ = search (db, typed); \
    g_assert_cmpstr (found_, ==, expected); \
  } G_STMT_END

#define assert_reference(db, typed, expected) \
  G_STMT_START { \
    g_autofree char *found_ = find_reference (db, typed); \
    g_assert_cmpstr (found_, ==, expected); \
  } G_STMT_END

/* What a person typed finds the cases it found on SQLite: each word as
 * the start of a word, in the summary, the description, the customer's
 * name and notes or the timeline, accents and case aside; the reference
 * by its number.  The triggers keep the words in step with the records. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *ref57 = NULL, *ref570 = NULL;
  gint64 customer;

  if (!have_db (f))
    return;

  migrate (f->db);
  amends_test_db_exec (f->db, "INSERT INTO customers (id, name, notes) VALUES (7, 'Zoë Brûlé', 'prefers room 305')");
  customer = 7;

  g_assert_cmpint (add_case (f->db, "Lapel torn at check-in", "The bellboy's trolley caught it", 0), ==, 1);
  g_assert_cmpint (add_case (f->db, "Lamp broken", NULL, customer), ==, 2);
  g_assert_cmpint (add_case (f->db, "Crème brûlée was cold", "Dessert sent back", 0), ==, 3);

  assert_search (f->db, "lap", "1");
  assert_search (f->db, "LAPEL", "1");
  assert_search (f->db, "la", "1 2");
  assert_search (f->db, "lap trolley", "1");
  assert_search (f->db, "lap lamp", "");
  assert_search (f->db, "creme", "3");
  assert_search (f->db, "brule", "2 3");        /* the customer's name, and the dessert */
  assert_search (f->db, "zoe 305", "2");
  assert_search (f->db, "bellboy's", "1");
  assert_search (f->db, "it's \\ 'quoted' \"", "");
  assert_search (f->db, "  ", "");

  /* The timeline's words, kept by the triggers on actions. */
  amends_test_db_exec (f->db, "INSERT INTO actions (case_id, kind, done_at, text) VALUES (2, 'note', 1767226000, 'Replaced the bulb')");
  assert_search (f->db, "bulb", "2");
  amends_test_db_exec (f->db, "UPDATE actions SET text = 'Replaced the shade' WHERE case_id = 2");
  assert_search (f->db, "bulb", "");
  assert_search (f->db, "shade", "2");
  amends_test_db_exec (f->db, "DELETE FROM actions WHERE case_id = 2");
  assert_search (f->db, "shade", "");

  /* A renamed customer, an edited summary, a deleted case. */
  amends_test_db_exec (f->db, "UPDATE customers SET name = 'Ola Nordmann' WHERE id = 7");
  assert_search (f->db, "zoe", "");
  assert_search (f->db, "nordmann", "2");
  amends_test_db_exec (f->db, "UPDATE cases SET summary = 'Lapel of the coat' WHERE id = 3");
  assert_search (f->db, "lap", "1 3");
  amends_test_db_exec (f->db, "DELETE FROM cases WHERE id = 3");
  assert_search (f->db, "lap", "1");
  g_assert_cmpint (amends_test_db_query_int64 (f->db, "SELECT count(*) FROM case_search"), ==, 2);

  /* A session whose search_path is empty, as while pg_dump's output is
   * restored, writes the same. */
  amends_test_db_exec (f->db, "SET search_path = ''");
  amends_test_db_exec (f->db, "INSERT INTO public.actions (case_id, kind, done_at, text)"
               " VALUES (1, 'note', 1767226000, 'Pressed the jacket')");
  amends_test_db_exec (f->db, "UPDATE public.cases SET category = 'Laundry' WHERE id = 1");
  amends_test_db_exec (f->db, "RESET search_path");
  assert_search (f->db, "jacket", "1");
  g_assert_cmpint (amends_test_db_query_int64 (f->db, "SELECT n FROM category_counts WHERE category = 'Laundry'"), ==, 1);

  /* The reference by its number, as the store finds it: the number must
   * equal a case's, not start or end it.  Its query reads a range of
   * references ('C-0000' to 'C-:'), which holds only byte by byte: in
   * ICU's root collation, for one, 'C-2026-00057' sorts after 'C-:'.
   * The test server's own collation is C, so the column must say so. */
  g_autofree char *collation =
    amends_test_db_query_text (f->db, "SELECT collation_name FROM information_schema.columns"
                       " WHERE table_name = 'cases' AND column_name = 'reference'");
  g_assert_cmpstr (collation, ==, "C");
  amends_test_db_exec (f->db, "UPDATE reference_counters SET last = 56 WHERE year = 2026");
  g_assert_cmpint (add_case (f->db, "Late breakfast", NULL, 0), ==, 4);
  amends_test_db_exec (f->db, "UPDATE reference_counters SET last = 569 WHERE year = 2026");
  g_assert_cmpint (add_case (f->db, "Noisy room", NULL, 0), ==, 5);
  ref57 = amends_test_db_query_text (f->db, "SELECT reference FROM cases WHERE id = 4");
  ref570 = amends_test_db_query_text (f->db, "SELECT reference FROM cases WHERE id = 5");
  g_assert_cmpstr (ref57, ==, "C-2026-00057");
  g_assert_cmpstr (ref570, ==, "C-2026-00570");
  assert_reference (f->db, "00057", "C-2026-00057");
  assert_reference (f->db, "57", "C-2026-00057");
  assert_reference (f->db, "570", "C-2026-00570");
  assert_reference (f->db, "5", "");
}

/* A desk whose role may make tables but not extensions (the usual for a
 * database's owner who is no superuser: unaccent needs CREATE on the
 * database) gets the whole schema, with a search that keeps accents:
 * "lap" finds "Lapel", "crème" finds "Crème", "creme" does not. */
static void
test_without_unaccent (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsDb) desk = NULL;
  g_autofree char *location = NULL;

  if (!have_db (f))
    return;

  amends_test_db_exec (f->db, "DO $$ BEGIN CREATE ROLE desk LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;"
               "GRANT USAGE, CREATE ON SCHEMA public TO desk");
  location = g_strconcat (f->location, " user=desk", NULL);
  desk = amends_db_open (location, &error);
  g_assert_no_error (error);
  g_assert_cmpint (amends_test_db_query_int64 (desk, "SELECT count(*) FROM pg_roles WHERE rolname = current_user"
                                      " AND NOT rolsuper"), ==, 1);

  migrate (desk);
  g_assert_cmpint (schema_version (desk), ==, 10);
  g_assert_cmpint (amends_test_db_query_int64 (desk, "SELECT count(*) FROM pg_extension WHERE extname = 'unaccent'"), ==, 0);

  add_case (desk, "Lapel torn", NULL, 0);
  add_case (desk, "Crème brûlée was cold", NULL, 0);
  assert_search (desk, "lap", "1");
  assert_search (desk, "crème", "2");
  assert_search (desk, "CRÈME", "2");
  assert_search (desk, "creme", "");

  /* The administrator's desk finds the work done. */
  migrate (f->db);
}

/* The category counts follow the cases as SQLite's triggers make them. */
static void
test_category_counts (Fixture       *f,
                      gconstpointer  data)
{
  if (!have_db (f))
    return;

  migrate (f->db);
  add_case (f->db, "One", NULL, 0);
  add_case (f->db, "Two", NULL, 0);
  add_case (f->db, "Three", NULL, 0);
  amends_test_db_exec (f->db, "UPDATE cases SET category = 'Room' WHERE id IN (1, 2);"
               "UPDATE cases SET category = '' WHERE id = 3");
  g_assert_cmpint (amends_test_db_query_int64 (f->db, "SELECT n FROM category_counts WHERE category = 'Room'"), ==, 2);
  g_assert_cmpint (amends_test_db_query_int64 (f->db, "SELECT count(*) FROM category_counts"), ==, 1);
  amends_test_db_exec (f->db, "UPDATE cases SET category = 'Food' WHERE id = 1; DELETE FROM cases WHERE id = 2");
  g_assert_cmpint (amends_test_db_query_int64 (f->db, "SELECT count(*) FROM category_counts WHERE category = 'Room'"), ==, 0);
  g_assert_cmpint (amends_test_db_query_int64 (f->db, "SELECT n FROM category_counts WHERE category = 'Food'"), ==, 1);
}

/* Notifications */

typedef struct
{
  GPtrArray *payloads;
} Heard;

static void
on_notified (AmendsDb   *db,
             const char *channel,
             const char *payload,
             gboolean    from_self,
             gpointer    user_data)
{
  Heard *heard = user_data;

  g_assert_cmpstr (channel, ==, AMENDS_SCHEMA_PG_CHANNEL);
  g_ptr_array_add (heard->payloads, g_strdup (payload));
}

static gboolean
heard_contains (Heard      *heard,
                const char *payload)
{
  return g_ptr_array_find_with_equal_func (heard->payloads, payload, g_str_equal, NULL);
}

/* Runs the main loop until @payload was heard, or a generous while has
 * passed (then fails). */
static void
wait_to_hear (Heard      *heard,
              const char *payload)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!heard_contains (heard, payload))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static char *
heard_string (Heard *heard)
{
  g_ptr_array_add (heard->payloads, NULL);
  char *joined = g_strjoinv (" ", (char **) heard->payloads->pdata);
  g_ptr_array_remove_index (heard->payloads, heard->payloads->len - 1);
  return joined;
}

static void
write_audit (AmendsDb   *db,
             const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsDbStmt) stmt =
    amends_db_prepare (db, "INSERT INTO audit_log (at, table_name, record_id, field)"
                           " VALUES (1767225600, ?, 1, 'summary')", &error);

  g_assert_no_error (error);
  amends_db_stmt_bind_text (stmt, 1, table);
  amends_db_stmt_execute (stmt, &error);
  g_assert_no_error (error);
}

/* Another desk hears of a change when it commits: not before, not at all
 * when it rolls back; once per table and transaction.  Notifications
 * arrive in the order of the commits, so a marker sent after a step
 * proves by its arrival that the step sent nothing. */
static void
test_notify (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsDb) writer = NULL;
  g_autoptr(AmendsDb) marker = NULL;
  g_autoptr(GPtrArray) payloads = g_ptr_array_new_with_free_func (g_free);
  Heard heard = { payloads };
  g_autofree char *all = NULL;

  if (!have_db (f))
    return;

  migrate (f->db);
  writer = amends_db_open (f->location, &error);
  g_assert_no_error (error);
  marker = amends_db_open (f->location, &error);
  g_assert_no_error (error);
  amends_db_set_notify_func (f->db, on_notified, &heard, NULL);
  amends_db_listen (f->db, AMENDS_SCHEMA_PG_CHANNEL, &error);
  g_assert_no_error (error);

  /* Written, not committed: nothing. */
  amends_test_db_exec (writer, AMENDS_SCHEMA_PG_BEGIN);
  write_audit (writer, "cases");
  write_audit (writer, "cases");
  write_audit (writer, "customers");
  amends_db_notify (marker, AMENDS_SCHEMA_PG_CHANNEL, "marker-1", &error);
  g_assert_no_error (error);
  wait_to_hear (&heard, "marker-1");
  g_assert_false (heard_contains (&heard, "cases"));

  /* Committed: one for each table. */
  amends_test_db_exec (writer, "COMMIT");
  wait_to_hear (&heard, "customers");
  wait_to_hear (&heard, "cases");

  /* Rolled back: nothing. */
  amends_test_db_exec (writer, AMENDS_SCHEMA_PG_BEGIN);
  write_audit (writer, "staff");
  amends_test_db_exec (writer, "ROLLBACK");
  amends_db_notify (marker, AMENDS_SCHEMA_PG_CHANNEL, "marker-2", &error);
  g_assert_no_error (error);
  wait_to_hear (&heard, "marker-2");

  /* Any writer, even one that did not begin with the lock, e.g. psql. */
  write_audit (writer, "stories");
  wait_to_hear (&heard, "stories");

  all = heard_string (&heard);
  g_assert_cmpstr (all, ==, "marker-1 cases customers marker-2 stories");
}

/* Audit ids in commit order: whoever writes an audit row holds the write
 * lock from then to the end of the transaction, so a second writer's ids
 * come after the first's commit. */
static void
test_audit_lock (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsDb) writer = NULL;
  const char *held = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                     " AND objid = " AMENDS_SCHEMA_PG_WRITE_LOCK;

  if (!have_db (f))
    return;

  migrate (f->db);
  writer = amends_db_open (f->location, &error);
  g_assert_no_error (error);

  amends_test_db_exec (writer, "BEGIN");
  amends_test_db_exec (writer, "INSERT INTO staff (name) VALUES ('Ana')");
  g_assert_cmpint (amends_test_db_query_int64 (f->db, held), ==, 0);
  write_audit (writer, "staff");
  g_assert_cmpint (amends_test_db_query_int64 (f->db, held), ==, 1);
  amends_test_db_exec (writer, "COMMIT");
  g_assert_cmpint (amends_test_db_query_int64 (f->db, held), ==, 0);
}

static void
add_test (const char  *path,
          void       (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  add_test ("/schema-pg/empty", test_empty);
  add_test ("/schema-pg/twice", test_twice);
  add_test ("/schema-pg/two-at-once", test_two_at_once);
  add_test ("/schema-pg/no-wait-when-done", test_no_wait_when_done);
  add_test ("/schema-pg/newer", test_newer);
  add_test ("/schema-pg/foreign", test_foreign);
  add_test ("/schema-pg/parity", test_parity);
  add_test ("/schema-pg/list-order", test_list_order);
  add_test ("/schema-pg/search", test_search);
  add_test ("/schema-pg/without-unaccent", test_without_unaccent);
  add_test ("/schema-pg/category-counts", test_category_counts);
  add_test ("/schema-pg/notify", test_notify);
  add_test ("/schema-pg/audit-lock", test_audit_lock);

  return g_test_run ();
}
