/* amends-store-sql.h: the store's SQL where SQLite and PostgreSQL spell it differently
 *
 * Copyright The Amends developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "amends-db.h"

G_BEGIN_DECLS

/* Why this file: most of the store's SQL means the same on both engines
 * and is written once, in the file that runs it.  The rest is here, each
 * piece with both spellings side by side, so that the engine is a choice
 * made in one place (issue 16, inventory §2b).  The store picks the
 * spelling of its engine at run time (amends_store_get_engine(), or
 * amends_db_get_engine() on a worker's connection); SQLite's is exactly
 * the SQL it ran before.  tests/test-store-sql-pg.c prepares and runs the
 * PostgreSQL spelling on a server and compares the answers, and the
 * NAME-pg tests run the store's own tests there.
 *
 * Two forms:
 *
 *  - fragments, used inside a statement built at compile time, as
 *    macros taking the engine's name first: AMENDS_SQL_MIN2 (SQLITE, a, b)
 *    or AMENDS_SQL_MIN2 (PG, a, b).  A statement made of them is a macro
 *    of the engine's name too, M (E), both of whose texts are constants:
 *    AMENDS_SQL_FOR (engine, M) picks one;
 *  - whole statements, as an AmendsSql with both texts, picked with
 *    amends_sql_pick().
 *
 * Parameters are "?" or "?NNN" on both engines (AmendsDb turns them into
 * $NNN on PostgreSQL). */

/* Fragments.  The engine's name is pasted, not expanded. */

/* Scalar smallest and largest of two.  For arguments that are never NULL
 * only: SQLite's min (a, NULL) is NULL, PostgreSQL's least (a, NULL) is a.
 * (SQLite 3.40 has no least/greatest.)  PostgreSQL cannot tell the type
 * of a bare parameter in least/greatest when the other argument is one
 * too (lessons' max (?2, ?4)): it takes text.  Write CAST (? AS BIGINT)
 * there in the PostgreSQL spelling. */
#define AMENDS_SQL_MIN2(E, a, b) AMENDS_SQL_MIN2_##E (a, b)
#define AMENDS_SQL_MIN2_SQLITE(a, b) "min (" a ", " b ")"
#define AMENDS_SQL_MIN2_PG(a, b) "least (" a ", " b ")"
#define AMENDS_SQL_MAX2(E, a, b) AMENDS_SQL_MAX2_##E (a, b)
#define AMENDS_SQL_MAX2_SQLITE(a, b) "max (" a ", " b ")"
#define AMENDS_SQL_MAX2_PG(a, b) "greatest (" a ", " b ")"

/* A text compared or ordered without regard to case.  SQLite's NOCASE
 * folds ASCII letters only and then compares bytes; lower () folds every
 * letter and orders by the database's collation, so names with accents
 * may sort differently (ASCII names sort alike).  The PostgreSQL indexes
 * that serve these are on lower (…) (amends-schema-pg.c). */
#define AMENDS_SQL_NOCASE(E, x) AMENDS_SQL_NOCASE_##E (x)
#define AMENDS_SQL_NOCASE_SQLITE(x) x " COLLATE NOCASE"
#define AMENDS_SQL_NOCASE_PG(x) "lower (" x ")"
#define AMENDS_SQL_NOCASE_EQ(E, x, y) AMENDS_SQL_NOCASE_EQ_##E (x, y)
#define AMENDS_SQL_NOCASE_EQ_SQLITE(x, y) x " = " y " COLLATE NOCASE"
#define AMENDS_SQL_NOCASE_EQ_PG(x, y) "lower (" x ") = lower (" y ")"
/* LIKE without regard to ASCII case: SQLite's LIKE is so already. */
#define AMENDS_SQL_LIKE_NOCASE(E) AMENDS_SQL_LIKE_NOCASE_##E
#define AMENDS_SQL_LIKE_NOCASE_SQLITE "LIKE"
#define AMENDS_SQL_LIKE_NOCASE_PG "ILIKE"

/* Past due at @when (amends-store-private.h says what it means), whose
 * arguments are never NULL: @when is a bound time. */
#define AMENDS_SQL_PAST_DUE_AT(E, t, when) \
  AMENDS_SQL_DUE (t) " < " AMENDS_SQL_MIN2 (E, when, "coalesce (" t ".paused_at, " when ")")

/* How many digits the time a finished case took has, in seconds: the
 * expression of the index cases_by_span, which serves only a query that
 * spells it exactly as the index does (migration 6 on SQLite,
 * baseline_indexes in amends-schema-pg.c). */
#define AMENDS_SQL_SPAN_DIGITS(E, t) AMENDS_SQL_SPAN_DIGITS_##E (t)
#define AMENDS_SQL_SPAN_DIGITS_SQLITE(t) \
  "length (CAST (max (0, coalesce (" t ".recovered_at, " t ".closed_at) - " t ".logged_at) AS INTEGER))"
#define AMENDS_SQL_SPAN_DIGITS_PG(t) \
  "length (greatest (0, coalesce (" t ".recovered_at, " t ".closed_at) - " t ".logged_at)::text)"

/* A statement built from the fragments above by a macro M (E), with the
 * engine's name as E: M (SQLITE) or M (PG), whichever @engine is.  Both
 * are string constants; only the choice is made at run time. */
#define AMENDS_SQL_FOR(engine, M) \
  ((engine) == AMENDS_DB_ENGINE_POSTGRESQL ? M (PG) : M (SQLITE))

/* A character by its code point: SQLite's char (), PostgreSQL's chr (). */
#define AMENDS_SQL_CHAR(E, n) AMENDS_SQL_CHAR_##E (n)
#define AMENDS_SQL_CHAR_SQLITE(n) "char (" n ")"
#define AMENDS_SQL_CHAR_PG(n) "chr (" n ")"

/* A parameter where PostgreSQL cannot tell its type from where it
 * stands (`? IS NULL`, `SELECT ?`): cast there, as is on SQLite. */
#define AMENDS_SQL_TEXT_PARAM(E, p) AMENDS_SQL_TEXT_PARAM_##E (p)
#define AMENDS_SQL_TEXT_PARAM_SQLITE(p) p
#define AMENDS_SQL_TEXT_PARAM_PG(p) "CAST (" p " AS TEXT)"
#define AMENDS_SQL_INT_PARAM(E, p) AMENDS_SQL_INT_PARAM_##E (p)
#define AMENDS_SQL_INT_PARAM_SQLITE(p) p
#define AMENDS_SQL_INT_PARAM_PG(p) "CAST (" p " AS BIGINT)"

/* The widths of spans of each number of digits, 1 to 19 (10, 100, …),
 * for the queries that read cases_by_span (AMENDS_SQL_SPANS in
 * amends-store-measures-private.h is SQLite's).  SQLite turns the width
 * of 19 digits, 10^19, into a REAL; on PostgreSQL it would overflow a
 * BIGINT (and the literals' INTEGER from 10 digits on), so the last
 * width is the largest BIGINT there: a span of 19 digits is longer than
 * any time since the epoch either way. */
#define AMENDS_SQL_SPANS_OF(E) AMENDS_SQL_SPANS_OF_##E
#define AMENDS_SQL_SPANS_OF_SQLITE AMENDS_SQL_SPANS
#define AMENDS_SQL_SPANS_OF_PG \
  "WITH RECURSIVE spans (digits, width) AS" \
  " (SELECT 1, CAST (10 AS BIGINT) UNION ALL" \
  "  SELECT digits + 1, CASE WHEN digits < 18 THEN width * 10 ELSE 9223372036854775807 END" \
  "  FROM spans WHERE digits < 19) "

/* Whole statements */

typedef struct
{
  const char *name;     /* for the tests' messages */
  const char *sqlite;
  const char *pg;
} AmendsSql;

static inline const char *
amends_sql_pick (const AmendsSql *sql,
                 AmendsDbEngine   engine)
{
  return engine == AMENDS_DB_ENGINE_POSTGRESQL ? sql->pg : sql->sqlite;
}

/* The snapshot of a reader: every statement of the transaction sees the
 * database as it was at the first.  PostgreSQL's default, READ
 * COMMITTED, would take a new snapshot for each statement. */
extern const AmendsSql amends_sql_snapshot_begin;

/* The full-text hits (ids) of ?1.  On SQLite ?1 is the FTS5 query of
 * amends_sql_match_query(); on PostgreSQL it is the text as typed, which
 * the schema's amends_search_query () turns into 'word':* & …. */
extern const AmendsSql amends_sql_case_search;
char *amends_sql_match_query (const char *typed);

/* The reference search of amends-store-case-ids.c, in three pieces: the
 * years (all of them, by a walk through the index on cases.reference, or
 * the one typed), then the hits.  They use :ref_year and :ref_number, as
 * the rest of the list's SQL names its parameters; the list numbers them
 * with amends_sql_number_names() before it prepares a statement. */
extern const AmendsSql amends_sql_reference_any_year;
extern const AmendsSql amends_sql_reference_given_year;
extern const AmendsSql amends_sql_reference_hits;

/* A given reference's number moves its year's counter up, never down:
 * ?1 the year, ?2 the number. */
extern const AmendsSql amends_sql_counter_raise;

/* The target in force for a category (?1, any case) and severity (?2). */
extern const AmendsSql amends_sql_target_lookup;

/* The id the audit log gives a playbook (?1, its category): SQLite's
 * implicit rowid, PostgreSQL's identity column id. */
extern const AmendsSql amends_sql_playbook_id;

/* A case's helpers' names, by name, joined with ", " (?1 the case). */
extern const AmendsSql amends_sql_helper_names;

/* The cases whose ids are in ?1, a JSON array of integers ("[1,2,3]"),
 * as the tail of amends_store_select_sql() (r is the cases). */
extern const AmendsSql amends_sql_cases_in_json_ids;

/* The teams of the open cases and of the latest 2000 logged, by name. */
extern const AmendsSql amends_sql_teams;

/* The staff with hero stories told or customers blown away in [?1, ?2),
 * best first: id, name, told, blown (amends_collect_heroes()). */
extern const AmendsSql amends_sql_heroes;

/* Every statement above, for the tests; NULL-terminated by name. */
extern const AmendsSql *const amends_sql_all[];

char *amends_sql_number_names (const char  *sql,
                               GPtrArray   *names);

G_END_DECLS
