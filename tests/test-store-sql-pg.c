/* test-store-sql-pg.c: the store's SQL of two spellings, run on both engines
 *
 * amends-store-sql.h holds the statements and pieces of statements that
 * SQLite and PostgreSQL spell differently.  The store runs the SQLite
 * spelling (its own tests check it); here every PostgreSQL spelling is
 * prepared on a server database made by amends_schema_pg_migrate(), and
 * those that compute something run on the same rows as the SQLite
 * spelling in a SQLite store: the answers, written by hand, must be the
 * same, or differ only where this file says so and why.
 *
 * Runs on the private server that tests/pg-cluster starts for this
 * program (AMENDS_TEST_PG); by hand without it, every test is skipped,
 * and under meson AMENDS_TEST_REQUIRE_PG makes that a failure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "amends-db.h"
#include "amends-schema-pg.h"
#include "amends-store.h"
#include "amends-store-private.h"
#include "amends-store-sql.h"
#include "amends-test-utils.h"

typedef struct
{
  AmendsDb *pg;
  AmendsDb *sqlite;
  char     *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsStore) store = NULL;
  g_autofree char *path = NULL;
  const char *location = amends_test_server_location ();

  if (location == NULL)
    return;

  f->pg = amends_db_open (location, &error);
  g_assert_no_error (error);
  amends_db_exec (f->pg, "SET client_min_messages = warning;"
                         "DROP SCHEMA public CASCADE; CREATE SCHEMA public", &error);
  g_assert_no_error (error);
  amends_schema_pg_migrate (f->pg, &error);
  g_assert_no_error (error);

  /* A store made as the application makes it, then read and written
   * through AmendsDb like the server. */
  f->dir = amends_test_make_dir ();
  path = g_build_filename (f->dir, "sql.db", NULL);
  store = amends_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  f->sqlite = amends_db_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->pg, amends_db_close);
  g_clear_pointer (&f->sqlite, amends_db_close);
  if (f->dir != NULL)
    amends_test_remove_dir (f->dir);
  g_free (f->dir);
}

static gboolean
have_db (Fixture *f)
{
  if (f->pg != NULL)
    return TRUE;
  amends_test_skip_no_server ();
  return FALSE;
}

static void
exec_both (Fixture    *f,
           const char *sql)
{
  amends_test_db_exec (f->sqlite, sql);
  amends_test_db_exec (f->pg, sql);
}

/* Runs @sql with the parameters of @types ('i' an integer, 's' a text,
 * 'n' NULL) and gives every row as its columns joined by "|", the rows
 * by " "; NULL as "NULL". */
static char *
rows (AmendsDb   *db,
      const char *sql,
      const char *types,
      ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsDbStmt) stmt = amends_db_prepare (db, sql, &error);
  GString *out = g_string_new (NULL);
  AmendsDbStep step;
  va_list args;

  g_assert_no_error (error);
  va_start (args, types);
  for (int i = 0; types[i] != '\0'; i++)
    {
      if (types[i] == 'i')
        amends_db_stmt_bind_int64 (stmt, i + 1, va_arg (args, gint64));
      else if (types[i] == 's')
        amends_db_stmt_bind_text (stmt, i + 1, va_arg (args, const char *));
      else
        amends_db_stmt_bind_null (stmt, i + 1);
    }
  va_end (args);

  while ((step = amends_db_stmt_step (stmt, &error)) == AMENDS_DB_STEP_ROW)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      for (int c = 0; c < amends_db_stmt_n_columns (stmt); c++)
        {
          const char *text = amends_db_stmt_column_text (stmt, c);

          g_string_append_printf (out, "%s%s", c > 0 ? "|" : "", text != NULL ? text : "NULL");
        }
    }
  g_assert_no_error (error);
  g_assert_cmpint (step, ==, AMENDS_DB_STEP_DONE);
  return g_string_free (out, FALSE);
}

/* The list's SQL with its :names numbered, as amends-store-case-ids.c
 * prepares it. */
static char *
numbered (const char *first,
          ...)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sql = g_string_new (first);
  const char *piece;
  va_list args;

  va_start (args, first);
  while ((piece = va_arg (args, const char *)) != NULL)
    g_string_append (sql, piece);
  va_end (args);

  return amends_sql_number_names (sql->str, names);
}

static void
assert_prepares (AmendsDb   *db,
                 const char *what,
                 const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsDbStmt) stmt = amends_db_prepare (db, sql, &error);

  if (error != NULL)
    g_error ("%s does not prepare on %s: %s\n%s", what,
             amends_db_get_engine (db) == AMENDS_DB_ENGINE_POSTGRESQL ? "PostgreSQL" : "SQLite",
             error->message, sql);
}

/* A case, with the columns these tests vary; the others as the store
 * writes a minor in-person case. */
static void
add_case (Fixture    *f,
          gint64      id,
          const char *reference,
          const char *summary,
          gint64      logged_at,
          gint64      recovered_at,
          gint64      closed_at,
          gint64      paused_at)
{
  AmendsDb *dbs[] = { f->sqlite, f->pg };
  const char *status = recovered_at ? "recovered" : closed_at ? "closed" : "open";

  for (gsize i = 0; i < G_N_ELEMENTS (dbs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AmendsDbStmt) stmt =
        amends_db_prepare (dbs[i],
                           "INSERT INTO cases (id, reference, summary, severity, channel, noticed_by,"
                           "  occurred_at, logged_at, status, recovery_due_at, paused_at,"
                           "  recovered_at, closed_at, fix, reaction, came_back)"
                           " VALUES (?1, ?2, ?3, 'minor', 'in-person', 'customer', ?4, ?4, ?5,"
                           "         ?9, ?6, ?7, ?8, 'Put right', 'unknown', 'unknown')",
                           &error);

      g_assert_no_error (error);
      amends_db_stmt_bind_int64 (stmt, 1, id);
      amends_db_stmt_bind_text (stmt, 2, reference);
      amends_db_stmt_bind_text (stmt, 3, summary);
      amends_db_stmt_bind_int64 (stmt, 4, logged_at);
      amends_db_stmt_bind_text (stmt, 5, status);
      if (paused_at)
        amends_db_stmt_bind_int64 (stmt, 6, paused_at);
      else
        amends_db_stmt_bind_null (stmt, 6);
      if (recovered_at)
        amends_db_stmt_bind_int64 (stmt, 7, recovered_at);
      else
        amends_db_stmt_bind_null (stmt, 7);
      if (closed_at)
        amends_db_stmt_bind_int64 (stmt, 8, closed_at);
      else
        amends_db_stmt_bind_null (stmt, 8);
      amends_db_stmt_bind_int64 (stmt, 9, logged_at + 86400);
      amends_db_stmt_execute (stmt, &error);
      g_assert_no_error (error);
    }
}

/* Every PostgreSQL spelling parses on the server and its parameters'
 * types resolve; every SQLite spelling prepares on a store. */
static void
test_prepare_all (Fixture       *f,
                  gconstpointer  data)
{
  if (!have_db (f))
    return;

  for (gsize i = 0; amends_sql_all[i] != NULL; i++)
    {
      const AmendsSql *sql = amends_sql_all[i];
      AmendsDb *dbs[] = { f->sqlite, f->pg };

      for (gsize e = 0; e < G_N_ELEMENTS (dbs); e++)
        {
          const char *text = amends_sql_pick (sql, amends_db_get_engine (dbs[e]));
          g_autofree char *whole = NULL;

          /* The pieces, as their users complete them. */
          if (sql == &amends_sql_snapshot_begin)
            {
              amends_test_db_exec (dbs[e], text);
              amends_test_db_exec (dbs[e], "ROLLBACK");
              continue;
            }
          else if (sql == &amends_sql_reference_any_year || sql == &amends_sql_reference_given_year)
            whole = numbered (text, amends_sql_pick (&amends_sql_reference_hits, amends_db_get_engine (dbs[e])),
                              "SELECT id FROM ref_hit", NULL);
          else if (sql == &amends_sql_reference_hits)
            whole = numbered (amends_sql_pick (&amends_sql_reference_given_year, amends_db_get_engine (dbs[e])),
                              text, "SELECT id FROM ref_hit", NULL);
          else if (sql == &amends_sql_cases_in_json_ids)
            whole = g_strconcat ("SELECT r.id FROM cases AS r ", text, NULL);
          else
            whole = numbered (text, NULL);

          assert_prepares (dbs[e], sql->name, whole);
        }
    }

  /* The fragments, in statements like the store's. */
#define FRAGMENTS(E) \
  "SELECT c.id, " AMENDS_SQL_SPAN_DIGITS (E, "c") ", " AMENDS_SQL_MAX2 (E, "0", "c.recovered_at - c.occurred_at") \
  " FROM cases AS c WHERE " AMENDS_SQL_PAST_DUE (E, "c", "?1") \
  " AND c.occurred_at < " AMENDS_SQL_MAX2 (E, "CAST (?2 AS BIGINT)", "CAST (?3 AS BIGINT)") \
  " AND " AMENDS_SQL_NOCASE_EQ (E, "c.room", "?4") \
  " AND c.summary " AMENDS_SQL_LIKE_NOCASE (E) " ?5 ESCAPE '\\'" \
  " ORDER BY " AMENDS_SQL_NOCASE (E, "c.room") " DESC, c.id"
  assert_prepares (f->sqlite, "fragments", FRAGMENTS (SQLITE));
  assert_prepares (f->pg, "fragments", FRAGMENTS (PG));
#undef FRAGMENTS
}

/* The search finds the same cases for what was typed: the start of
 * every word, in any case, accents ignored. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  static const struct
  {
    const char *typed;
    const char *ids;
  } searches[] = {
    { "lap", "1" },
    { "LAPEL", "1" },
    { "la", "1 2" },
    { "lap trolley", "1" },
    { "lap lamp", "" },
    { "creme", "3" },
    { "brûlée", "3" },
    { "check-in", "1" },
    { "bellboy's", "1" },
    { "zz", "" },
  };
  g_autofree char *sqlite_sql = NULL, *pg_sql = NULL;

  if (!have_db (f))
    return;

  add_case (f, 1, "C-2026-00001", "Lapel torn at check-in, the bellboy's trolley", 1000, 0, 0, 0);
  add_case (f, 2, "C-2026-00002", "Lamp broken", 1000, 0, 0, 0);
  add_case (f, 3, "C-2026-00003", "Crème brûlée was cold", 1000, 0, 0, 0);

  sqlite_sql = numbered (amends_sql_case_search.sqlite, " ORDER BY 1", NULL);
  pg_sql = numbered (amends_sql_case_search.pg, " ORDER BY 1", NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autofree char *match = amends_sql_match_query (searches[i].typed);
      g_autofree char *on_sqlite = rows (f->sqlite, sqlite_sql, "s", match);
      g_autofree char *on_pg = rows (f->pg, pg_sql, "s", searches[i].typed);

      g_test_message ("searching “%s”", searches[i].typed);
      g_assert_cmpstr (on_sqlite, ==, searches[i].ids);
      g_assert_cmpstr (on_pg, ==, searches[i].ids);
    }
}

/* Where the two searches differ, found by trying: PostgreSQL's parser
 * keeps an e-mail address, a decimal number and the number after a
 * hyphen as one word each ("room-305" is indexed as "room-305" and
 * "room", not "305"), so a search for a part of them finds nothing; and
 * unaccent spells ß as ss, which unicode61 does not.  The words before
 * the hyphen and the whole of each are found on both. */
static void
test_search_differences (Fixture       *f,
                         gconstpointer  data)
{
  static const struct
  {
    const char *typed;
    const char *on_sqlite;
    const char *on_pg;
  } searches[] = {
    { "room-305", "1", "1" },
    { "room", "1", "1" },
    { "305", "1", "" },
    { "C-2026", "1", "1" },
    { "2026", "1", "" },
    { "ana@example.com", "1", "1" },
    { "example", "1", "" },
    { "3.5", "2", "2" },
    { "5", "2", "" },
    { "straße", "2", "2" },
    { "strasse", "", "2" },
    { "e-mail", "2", "2" },
    { "mail", "2", "2" },
  };
  g_autofree char *sqlite_sql = NULL, *pg_sql = NULL;

  if (!have_db (f))
    return;

  add_case (f, 1, "C-2026-00001", "Room-305 lamp: write to ana@example.com about C-2026-00007", 1000, 0, 0, 0);
  add_case (f, 2, "C-2026-00002", "An e-mail from the Straße, 3.5 stars", 1000, 0, 0, 0);

  sqlite_sql = numbered (amends_sql_case_search.sqlite, " ORDER BY 1", NULL);
  pg_sql = numbered (amends_sql_case_search.pg, " ORDER BY 1", NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autofree char *match = amends_sql_match_query (searches[i].typed);
      g_autofree char *on_sqlite = rows (f->sqlite, sqlite_sql, "s", match);
      g_autofree char *on_pg = rows (f->pg, pg_sql, "s", searches[i].typed);

      g_test_message ("searching “%s”", searches[i].typed);
      g_assert_cmpstr (on_sqlite, ==, searches[i].on_sqlite);
      g_assert_cmpstr (on_pg, ==, searches[i].on_pg);
    }
}

/* The reference search: the number typed, in every year or the one
 * typed, written with any width; an imported "C-20x1-…" breaks neither. */
static void
test_reference (Fixture       *f,
                gconstpointer  data)
{
  static const struct
  {
    int         year;
    gint64      number;
    const char *ids;
  } searches[] = {
    { -1, 3, "1 2" },
    { -1, 57, "3 5" },
    { 2026, 57, "3 5" },
    { 2020, 3, "2" },
    { 2019, 3, "" },
    { -1, 570, "4" },
    { -1, 7, "" },
  };

  if (!have_db (f))
    return;

  add_case (f, 1, "C-2017-00003", "One", 1000, 0, 0, 0);
  add_case (f, 2, "C-2020-00003", "Two", 1000, 0, 0, 0);
  add_case (f, 3, "C-2026-00057", "Three", 1000, 0, 0, 0);
  add_case (f, 4, "C-2026-00570", "Four", 1000, 0, 0, 0);
  add_case (f, 5, "C-2026-0057", "Five, imported", 1000, 0, 0, 0);
  add_case (f, 6, "C-20x1-00057", "Six, imported", 1000, 0, 0, 0);

  for (gsize i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      AmendsDb *dbs[] = { f->sqlite, f->pg };

      for (gsize e = 0; e < G_N_ELEMENTS (dbs); e++)
        {
          AmendsDbEngine engine = amends_db_get_engine (dbs[e]);
          const AmendsSql *years = searches[i].year >= 0 ? &amends_sql_reference_given_year
                                                         : &amends_sql_reference_any_year;
          g_autofree char *sql = numbered (amends_sql_pick (years, engine),
                                           amends_sql_pick (&amends_sql_reference_hits, engine),
                                           "SELECT id FROM ref_hit ORDER BY id", NULL);
          g_autofree char *found = NULL;

          /* Numbered in the order the names first appear. */
          if (searches[i].year >= 0)
            found = rows (dbs[e], sql, "ii", (gint64) searches[i].year, searches[i].number);
          else
            found = rows (dbs[e], sql, "i", searches[i].number);
          g_test_message ("%d-%" G_GINT64_FORMAT " on engine %d", searches[i].year, searches[i].number, engine);
          g_assert_cmpstr (found, ==, searches[i].ids);
        }
    }

  /* The years walked differ: SQLite reads "C-20x1" as the year 20 and
   * takes y + 1 instead, so it walks on, one probe a year, for as long as
   * "C-20x1" sorts after "C-" and the next year, that is to 2099;
   * PostgreSQL skips it and stops after the last real year. */
  {
    g_autofree char *pg_sql = g_strconcat (amends_sql_reference_any_year.pg,
                                           " unused (u) AS (VALUES (1))"
                                           " SELECT y FROM ref_year WHERE y IS NOT NULL ORDER BY y", NULL);
    g_autofree char *sqlite_sql = g_strconcat (amends_sql_reference_any_year.sqlite,
                                               " unused (u) AS (VALUES (1))"
                                               " SELECT count(*), min (y), max (y) FROM ref_year", NULL);
    g_autofree char *pg_years = rows (f->pg, pg_sql, "");
    g_autofree char *sqlite_years = rows (f->sqlite, sqlite_sql, "");

    g_assert_cmpstr (pg_years, ==, "2017 2020 2026");
    /* 2017, 2020, 2026, then 2027 … 2099 (73 years), then the NULL of
     * max (2100, NULL), as nothing is at or after "C-2100": 77 rows. */
    g_assert_cmpstr (sqlite_years, ==, "77|2017|2099");
  }
}

/* A given reference's number raises its year's counter, never lowers it. */
static void
test_counter (Fixture       *f,
              gconstpointer  data)
{
  AmendsDb *dbs[] = { f->sqlite, f->pg };

  if (!have_db (f))
    return;

  exec_both (f, "INSERT INTO reference_counters (year, last) VALUES (2026, 10)");
  for (gsize e = 0; e < G_N_ELEMENTS (dbs); e++)
    {
      const char *sql = amends_sql_pick (&amends_sql_counter_raise, amends_db_get_engine (dbs[e]));
      g_autofree char *counters = NULL;

      g_free (rows (dbs[e], sql, "ii", (gint64) 2026, (gint64) 7));
      g_free (rows (dbs[e], sql, "ii", (gint64) 2025, (gint64) 3));
      g_free (rows (dbs[e], sql, "ii", (gint64) 2025, (gint64) 12));
      g_free (rows (dbs[e], sql, "ii", (gint64) 2025, (gint64) 4));
      counters = rows (dbs[e], "SELECT year, last FROM reference_counters ORDER BY year", "");
      g_assert_cmpstr (counters, ==, "2025|12 2026|10");
    }
}

/* Without regard to case: the same on ASCII letters.  Beyond ASCII they
 * differ: SQLite's NOCASE folds only A-Z, PostgreSQL's lower () every
 * letter (the test server's locale is C.UTF-8). */
static void
test_nocase (Fixture       *f,
             gconstpointer  data)
{
  static const char order_sqlite[] =
    "SELECT name FROM staff ORDER BY " AMENDS_SQL_NOCASE (SQLITE, "name") ", id";
  static const char order_pg[] =
    "SELECT name FROM staff ORDER BY " AMENDS_SQL_NOCASE (PG, "name") ", id";
  static const char equal_sqlite[] =
    "SELECT id FROM customers WHERE " AMENDS_SQL_NOCASE_EQ (SQLITE, "name", "?1") " ORDER BY id";
  static const char equal_pg[] =
    "SELECT id FROM customers WHERE " AMENDS_SQL_NOCASE_EQ (PG, "name", "?1") " ORDER BY id";
  static const char like_sqlite[] =
    "SELECT id FROM customers WHERE name " AMENDS_SQL_LIKE_NOCASE (SQLITE) " ?1 ESCAPE '\\' ORDER BY id";
  static const char like_pg[] =
    "SELECT id FROM customers WHERE name " AMENDS_SQL_LIKE_NOCASE (PG) " ?1 ESCAPE '\\' ORDER BY id";
  if (!have_db (f))
    return;

  exec_both (f, "INSERT INTO staff (id, name) VALUES (1, 'bob'), (2, 'Ana'), (3, 'carl'), (4, 'alice'), (5, 'ana')");
  exec_both (f, "INSERT INTO customers (id, name) VALUES (1, 'Zoë Brûlé'), (2, 'Mr Smith'), (3, 'mr smith'), (4, 'Mr_X')");

#define CHECK(db, sql, types, value, expected) \
  G_STMT_START { \
    g_autofree char *found_ = rows (db, sql, types, value); \
    g_assert_cmpstr (found_, ==, expected); \
  } G_STMT_END

  CHECK (f->sqlite, order_sqlite, "", NULL, "alice Ana ana bob carl");
  CHECK (f->pg, order_pg, "", NULL, "alice Ana ana bob carl");

  CHECK (f->sqlite, equal_sqlite, "s", "MR SMITH", "2 3");
  CHECK (f->pg, equal_pg, "s", "MR SMITH", "2 3");
  CHECK (f->sqlite, equal_sqlite, "s", "zoë brûlé", "1");
  CHECK (f->pg, equal_pg, "s", "zoë brûlé", "1");
  /* The difference: Ë and É are not folded by SQLite. */
  CHECK (f->sqlite, equal_sqlite, "s", "ZOË BRÛLÉ", "");
  CHECK (f->pg, equal_pg, "s", "ZOË BRÛLÉ", "1");

  CHECK (f->sqlite, like_sqlite, "s", "mr%", "2 3 4");
  CHECK (f->pg, like_pg, "s", "mr%", "2 3 4");
  CHECK (f->sqlite, like_sqlite, "s", "MR\\_%", "4");
  CHECK (f->pg, like_pg, "s", "MR\\_%", "4");

  /* The target in force for "billing" is the one set for "Billing". */
  exec_both (f, "INSERT INTO targets (category, severity, seconds) VALUES"
                " ('Billing', '', 7200), ('Billing', 'major', 3600), ('', '', 86400), ('Room', '', 600)");
#undef CHECK
  {
    g_autofree char *on_sqlite = rows (f->sqlite, amends_sql_target_lookup.sqlite, "ss", "billing", "major");
    g_autofree char *on_pg = rows (f->pg, amends_sql_target_lookup.pg, "ss", "billing", "major");
    g_autofree char *other_sqlite = rows (f->sqlite, amends_sql_target_lookup.sqlite, "ss", "spa", "minor");
    g_autofree char *other_pg = rows (f->pg, amends_sql_target_lookup.pg, "ss", "spa", "minor");

    g_assert_cmpstr (on_sqlite, ==, "3600|0 7200|0 86400|0");
    g_assert_cmpstr (on_pg, ==, "3600|0 7200|0 86400|0");
    g_assert_cmpstr (other_sqlite, ==, "86400|0");
    g_assert_cmpstr (other_pg, ==, "86400|0");
  }
}

/* min/max of two: the same where neither is NULL, which is all the
 * store's uses; with a NULL, SQLite answers NULL and PostgreSQL the other. */
static void
test_min_max (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *on_sqlite = NULL, *on_pg = NULL;
  g_autofree char *past_sqlite = NULL, *past_pg = NULL;

  if (!have_db (f))
    return;

  on_sqlite = rows (f->sqlite,
                    "SELECT " AMENDS_SQL_MIN2 (SQLITE, "?1", "?2") ", " AMENDS_SQL_MAX2 (SQLITE, "?1", "?2") ","
                    " " AMENDS_SQL_MIN2 (SQLITE, "?1", "?3") ", " AMENDS_SQL_MAX2 (SQLITE, "?1", "?3"),
                    "iin", (gint64) 5, (gint64) -2);
  on_pg = rows (f->pg,
                "SELECT " AMENDS_SQL_MIN2 (PG, "CAST (?1 AS BIGINT)", "CAST (?2 AS BIGINT)") ","
                " " AMENDS_SQL_MAX2 (PG, "CAST (?1 AS BIGINT)", "CAST (?2 AS BIGINT)") ","
                " " AMENDS_SQL_MIN2 (PG, "CAST (?1 AS BIGINT)", "CAST (?3 AS BIGINT)") ","
                " " AMENDS_SQL_MAX2 (PG, "CAST (?1 AS BIGINT)", "CAST (?3 AS BIGINT)"),
                "iin", (gint64) 5, (gint64) -2);
  g_assert_cmpstr (on_sqlite, ==, "-2|5|NULL|NULL");
  g_assert_cmpstr (on_pg, ==, "-2|5|5|5");

  /* Past due at 5000 (due at logged + 86400 + paused seconds): case 1 is
   * due at 1000 + 86400, so not yet; case 2 was due at -90000 + 86400 and
   * runs; case 3 too but was paused at -4000, before it fell due, so it
   * is not; case 4 was paused after it fell due; case 5 is recovered. */
  add_case (f, 1, "C-2026-00001", "Not due", 1000, 0, 0, 0);
  add_case (f, 2, "C-2026-00002", "Past due", -90000, 0, 0, 0);
  add_case (f, 3, "C-2026-00003", "Paused in time", -90000, 0, 0, -4000);
  add_case (f, 4, "C-2026-00004", "Paused late", -90000, 0, 0, -2000);
  add_case (f, 5, "C-2026-00005", "Recovered", -90000, 2000, 0, 0);
  past_sqlite = rows (f->sqlite, "SELECT c.id FROM cases AS c WHERE "
                                 AMENDS_SQL_PAST_DUE (SQLITE, "c", "?1") " ORDER BY c.id", "i", (gint64) 5000);
  past_pg = rows (f->pg, "SELECT c.id FROM cases AS c WHERE "
                         AMENDS_SQL_PAST_DUE (PG, "c", "?1") " ORDER BY c.id", "i", (gint64) 5000);
  g_assert_cmpstr (past_sqlite, ==, "2 4");
  g_assert_cmpstr (past_pg, ==, "2 4");
}

/* A case's helpers' names, ordered by name without regard to case, the
 * same name by id. */
static void
test_helper_names (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *on_sqlite = NULL, *on_pg = NULL, *none_sqlite = NULL, *none_pg = NULL;

  if (!have_db (f))
    return;

  add_case (f, 1, "C-2026-00001", "One", 1000, 0, 0, 0);
  add_case (f, 2, "C-2026-00002", "Two", 1000, 0, 0, 0);
  exec_both (f, "INSERT INTO staff (id, name) VALUES (1, 'bob'), (2, 'Ana B'), (3, 'carl'), (4, 'ana a')");
  exec_both (f, "INSERT INTO case_helpers (case_id, staff_id) VALUES (1, 1), (1, 2), (1, 3), (1, 4)");

  on_sqlite = rows (f->sqlite, amends_sql_helper_names.sqlite, "i", (gint64) 1);
  on_pg = rows (f->pg, amends_sql_helper_names.pg, "i", (gint64) 1);
  none_sqlite = rows (f->sqlite, amends_sql_helper_names.sqlite, "i", (gint64) 2);
  none_pg = rows (f->pg, amends_sql_helper_names.pg, "i", (gint64) 2);
  g_assert_cmpstr (on_sqlite, ==, "ana a, Ana B, bob, carl");
  g_assert_cmpstr (on_pg, ==, "ana a, Ana B, bob, carl");
  g_assert_cmpstr (none_sqlite, ==, "NULL");
  g_assert_cmpstr (none_pg, ==, "NULL");
}

/* The digits of the time a finished case took, and the index that files
 * them serves the query that spells them so. */
static void
test_span_digits (Fixture       *f,
                  gconstpointer  data)
{
  static const char digits_sqlite[] =
    "SELECT c.id, " AMENDS_SQL_SPAN_DIGITS (SQLITE, "c") " FROM cases AS c ORDER BY c.id";
  static const char digits_pg[] =
    "SELECT c.id, " AMENDS_SQL_SPAN_DIGITS (PG, "c") " FROM cases AS c ORDER BY c.id";
  static const char candidates_pg[] =
    "EXPLAIN SELECT f.id FROM cases AS f WHERE f.deleted_at IS NULL"
    " AND coalesce (f.recovered_at, f.closed_at) IS NOT NULL"
    " AND " AMENDS_SQL_SPAN_DIGITS (PG, "f") " = ?1 AND f.logged_at > ?2 AND f.logged_at <= ?3";
  g_autofree char *on_sqlite = NULL, *on_pg = NULL, *plan = NULL, *candidates = NULL;

  if (!have_db (f))
    return;

  /* Took 0 s, 9 s, 10 s, 12345 s; recovered before logged (an import):
   * counted as 0; closed, 99 s; open. */
  add_case (f, 1, "C-2026-00001", "A", 1000, 1000, 0, 0);
  add_case (f, 2, "C-2026-00002", "B", 1000, 1009, 0, 0);
  add_case (f, 3, "C-2026-00003", "C", 1000, 1010, 0, 0);
  add_case (f, 4, "C-2026-00004", "D", 1000, 13345, 0, 0);
  add_case (f, 5, "C-2026-00005", "E", 1000, 500, 0, 0);
  add_case (f, 6, "C-2026-00006", "F", 1000, 0, 1099, 0);
  add_case (f, 7, "C-2026-00007", "G", 1000, 0, 0, 0);

  on_sqlite = rows (f->sqlite, digits_sqlite, "");
  on_pg = rows (f->pg, digits_pg, "");
  /* The open case: SQLite's max (0, NULL) is NULL, PostgreSQL's
   * greatest (0, NULL) is 0, one digit.  The index and the queries
   * that use it both leave out cases that have not finished. */
  g_assert_cmpstr (on_sqlite, ==, "1|1 2|1 3|2 4|5 5|1 6|2 7|NULL");
  g_assert_cmpstr (on_pg, ==, "1|1 2|1 3|2 4|5 5|1 6|2 7|1");

  candidates = rows (f->pg, "SELECT f.id FROM cases AS f WHERE f.deleted_at IS NULL"
                            " AND coalesce (f.recovered_at, f.closed_at) IS NOT NULL"
                            " AND " AMENDS_SQL_SPAN_DIGITS (PG, "f") " = ?1"
                            " AND f.logged_at > ?2 AND f.logged_at <= ?3 ORDER BY f.id",
                     "iii", (gint64) 2, (gint64) 0, (gint64) 2000);
  g_assert_cmpstr (candidates, ==, "3 6");

  /* Few rows: a scan would be cheaper, so only an index is allowed. */
  amends_test_db_exec (f->pg, "SET enable_seqscan = off");
  plan = rows (f->pg, candidates_pg, "iii", (gint64) 2, (gint64) 0, (gint64) 2000);
  g_test_message ("%s", plan);
  g_assert_nonnull (strstr (plan, "cases_by_span"));
  amends_test_db_exec (f->pg, "RESET enable_seqscan");
}

/* The cases whose ids are in a JSON array, the same text bound on both. */
static void
test_json_ids (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *sqlite_sql = g_strconcat ("SELECT r.id FROM cases AS r ", amends_sql_cases_in_json_ids.sqlite,
                                             " ORDER BY r.id", NULL);
  g_autofree char *pg_sql = g_strconcat ("SELECT r.id FROM cases AS r ", amends_sql_cases_in_json_ids.pg,
                                         " ORDER BY r.id", NULL);
  g_autofree char *on_sqlite = NULL, *on_pg = NULL, *empty_sqlite = NULL, *empty_pg = NULL;

  if (!have_db (f))
    return;

  for (int i = 1; i <= 4; i++)
    {
      g_autofree char *reference = g_strdup_printf ("C-2026-%05d", i);
      add_case (f, i, reference, "Case", 1000, 0, 0, 0);
    }

  on_sqlite = rows (f->sqlite, sqlite_sql, "s", "[4,1,9]");
  on_pg = rows (f->pg, pg_sql, "s", "[4,1,9]");
  empty_sqlite = rows (f->sqlite, sqlite_sql, "s", "[]");
  empty_pg = rows (f->pg, pg_sql, "s", "[]");
  g_assert_cmpstr (on_sqlite, ==, "1 4");
  g_assert_cmpstr (on_pg, ==, "1 4");
  g_assert_cmpstr (empty_sqlite, ==, "");
  g_assert_cmpstr (empty_pg, ==, "");
}

/* A playbook's id is its row's: 1 and 2 for the first two. */
static void
test_playbook_id (Fixture       *f,
                  gconstpointer  data)
{
  AmendsDb *dbs[] = { f->sqlite, f->pg };

  if (!have_db (f))
    return;

  exec_both (f, "INSERT INTO playbooks (category, put_right) VALUES ('room', 'Move them'), ('billing', 'Refund')");
  for (gsize e = 0; e < G_N_ELEMENTS (dbs); e++)
    {
      const char *sql = amends_sql_pick (&amends_sql_playbook_id, amends_db_get_engine (dbs[e]));
      g_autofree char *room = rows (dbs[e], sql, "s", "room");
      g_autofree char *billing = rows (dbs[e], sql, "s", "billing");

      g_assert_cmpstr (room, ==, "1");
      g_assert_cmpstr (billing, ==, "2");
    }
}

/* A reader's snapshot on PostgreSQL: one snapshot for the transaction,
 * and no writing. */
static void
test_snapshot_pg (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *level = NULL;

  if (!have_db (f))
    return;

  amends_test_db_exec (f->pg, amends_sql_snapshot_begin.pg);
  level = rows (f->pg, "SELECT current_setting ('transaction_isolation'), current_setting ('transaction_read_only')", "");
  g_assert_cmpstr (level, ==, "repeatable read|on");
  amends_db_exec (f->pg, "INSERT INTO staff (name) VALUES ('Ana')", &error);
  g_assert_nonnull (error);
  amends_test_db_exec (f->pg, "ROLLBACK");
}

static void
add_test (const char *name,
          void      (*func) (Fixture *, gconstpointer))
{
  g_autofree char *path = g_strconcat ("/store-sql/", name, NULL);

  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  add_test ("prepare-all", test_prepare_all);
  add_test ("search", test_search);
  add_test ("search-differences", test_search_differences);
  add_test ("reference", test_reference);
  add_test ("counter", test_counter);
  add_test ("nocase", test_nocase);
  add_test ("min-max", test_min_max);
  add_test ("helper-names", test_helper_names);
  add_test ("span-digits", test_span_digits);
  add_test ("json-ids", test_json_ids);
  add_test ("playbook-id", test_playbook_id);
  add_test ("snapshot", test_snapshot_pg);

  return g_test_run ();
}
