/* amends-store-sql.c: the store's SQL where SQLite and PostgreSQL spell it differently
 *
 * Copyright The Amends developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-store-sql.h"

#include "amends-store-private.h"

#include <string.h>

const AmendsSql amends_sql_snapshot_begin = {
  "snapshot-begin",
  "BEGIN",
  "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
};

const AmendsSql amends_sql_case_search = {
  "case-search",
  "SELECT rowid FROM case_search WHERE case_search MATCH :match",
  "SELECT case_id FROM case_search WHERE document @@ amends_search_query (:match)",
};

/* Turns what a person typed into an FTS5 query: every word must appear,
 * as the start of a word, and nothing typed is read as FTS syntax. */
char *
amends_sql_match_query (const char *typed)
{
  g_auto(GStrv) words = g_strsplit_set (typed ? typed : "", " \t\n\r", -1);
  GString *query = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = g_strdup (words[i]);

      g_strdelimit (word, "\"", ' ');
      g_strstrip (word);
      if (*word == '\0')
        continue;
      g_string_append_printf (query, "%s\"%s\"*", query->len ? " " : "", word);
    }

  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }

  return g_string_free (query, FALSE);
}

/* Without a year, the years are found by hopping through the index, one
 * probe a year: the smallest reference of the next year on.
 *
 * On SQLite, taking at least y + 1 each step ends the walk even over a
 * reference like "C-20x1" that some import brought in (CAST reads "20x1"
 * as 20), and the NULL of max (…, NULL) when no year is left ends it.
 * PostgreSQL's CAST refuses "20x1", and greatest () would skip the NULL
 * and walk on to 9999, so there only references with four digits after
 * "C-" are read, which are all of the next year or later: the subquery's
 * NULL ends the walk as SQLite's does.  The range needs byte order:
 * reference is COLLATE "C" in amends-schema-pg.c. */
const AmendsSql amends_sql_reference_any_year = {
  "reference-any-year",
  "WITH RECURSIVE"
  " ref_year (y) AS ("
  "   SELECT CAST (substr (min (reference), 3, 4) AS INTEGER) FROM cases"
  "     WHERE reference >= 'C-0000' AND reference < 'C-:'"
  "   UNION ALL"
  "   SELECT max (y + 1, (SELECT CAST (substr (min (reference), 3, 4) AS INTEGER) FROM cases"
  "                         WHERE reference >= printf ('C-%04d', y + 1) AND reference < 'C-:'))"
  "     FROM ref_year WHERE y < 9999),",
  "WITH RECURSIVE"
  " ref_year (y) AS ("
  "   SELECT CAST (substr (min (reference), 3, 4) AS INTEGER) FROM cases"
  "     WHERE reference >= 'C-0000' AND reference < 'C-:' AND reference ~ '^C-[0-9]{4}'"
  "   UNION ALL"
  "   SELECT (SELECT CAST (substr (min (reference), 3, 4) AS INTEGER) FROM cases"
  "             WHERE reference >= 'C-' || lpad ((y + 1)::text, 4, '0') AND reference < 'C-:'"
  "               AND reference ~ '^C-[0-9]{4}')"
  "     FROM ref_year WHERE y < 9999),",
};

const AmendsSql amends_sql_reference_given_year = {
  "reference-given-year",
  "WITH RECURSIVE"
  " ref_year (y) AS (VALUES (:ref_year)),",
  "WITH RECURSIVE"
  " ref_year (y) AS (VALUES (CAST (:ref_year AS INTEGER))),",
};

/* Every width of the number from its own digits up to nine: the store
 * writes five, an import may have written another. */
const AmendsSql amends_sql_reference_hits = {
  "reference-hits",
  " ref_width (w) AS ("
  "   SELECT length (:ref_number) UNION ALL SELECT w + 1 FROM ref_width WHERE w < 9),"
  " ref_hit (id) AS ("
  "   SELECT r.id FROM ref_year, ref_width, cases AS r"
  "     WHERE ref_year.y IS NOT NULL"
  "       AND r.reference = printf ('C-%04d-%0*d', ref_year.y, ref_width.w, :ref_number)) ",
  " ref_width (w) AS ("
  "   SELECT length (CAST (:ref_number AS TEXT)) UNION ALL SELECT w + 1 FROM ref_width WHERE w < 9),"
  " ref_hit (id) AS ("
  "   SELECT r.id FROM ref_year, ref_width, cases AS r"
  "     WHERE ref_year.y IS NOT NULL"
  "       AND r.reference = 'C-' || lpad (ref_year.y::text, 4, '0') || '-'"
  "                         || lpad (CAST (:ref_number AS TEXT), ref_width.w, '0')) ",
};

const AmendsSql amends_sql_counter_raise = {
  "counter-raise",
  "INSERT INTO reference_counters (year, last) VALUES (?1, ?2) "
  "ON CONFLICT (year) DO UPDATE SET last = max (last, excluded.last)",
  "INSERT INTO reference_counters (year, last) VALUES (?1, ?2) "
  "ON CONFLICT (year) DO UPDATE SET last = greatest (reference_counters.last, excluded.last)",
};

/* The most specific row first.  On SQLite the unary + keeps 3.40 from
 * turning the OR into an IN on the primary key, which loses the NOCASE
 * and with it "billing" for "Billing" (tests/test-targets.c checks it);
 * PostgreSQL has no unary + on text, and lower () is not the key. */
const AmendsSql amends_sql_target_lookup = {
  "target-lookup",
  "SELECT seconds, office_hours_only FROM targets"
  " WHERE (+category = ?1 COLLATE NOCASE OR category = '') AND severity IN (?2, '')"
  " ORDER BY category = '', severity = ''",
  "SELECT seconds, office_hours_only FROM targets"
  " WHERE (lower (category) = lower (?1) OR category = '') AND severity IN (?2, '')"
  " ORDER BY category = '', severity = ''",
};

const AmendsSql amends_sql_playbook_id = {
  "playbook-id",
  "SELECT rowid FROM playbooks WHERE category = ?1",
  "SELECT id FROM playbooks WHERE category = ?1",
};

/* SQLite 3.40 has no string_agg (3.44 has); its group_concat follows the
 * order of the subquery. */
const AmendsSql amends_sql_helper_names = {
  "helper-names",
  "SELECT group_concat (name, ', ') FROM"
  " (SELECT s.name FROM case_helpers AS h JOIN staff AS s ON s.id = h.staff_id"
  "  WHERE h.case_id = ?1 ORDER BY s.name COLLATE NOCASE, s.id)",
  "SELECT string_agg (s.name, ', ' ORDER BY lower (s.name), s.id)"
  " FROM case_helpers AS h JOIN staff AS s ON s.id = h.staff_id"
  " WHERE h.case_id = ?1",
};

const AmendsSql amends_sql_cases_in_json_ids = {
  "cases-in-json-ids",
  "WHERE r.id IN (SELECT value FROM json_each (?1))",
  "WHERE r.id IN (SELECT CAST (value AS BIGINT) FROM json_array_elements_text (CAST (?1 AS JSON)))",
};

/* The counts are named in WHERE from a subquery: PostgreSQL does not
 * see the select list's names there.  SQLite flattens it (the same plan). */
#define HEROES_SQL(E) \
  "SELECT id, name, told, blown FROM (SELECT s.id, s.name," \
  "  (SELECT count(*) FROM story_heroes AS h JOIN stories AS t ON t.id = h.story_id" \
  "     JOIN cases AS c ON c.id = t.case_id" \
  "   WHERE h.staff_id = s.id AND t.stage = 'told' AND c.deleted_at IS NULL" \
  "     AND t.told_at >= ?1 AND t.told_at < ?2) AS told," \
  "  (SELECT count(*) FROM cases AS c" \
  "   WHERE c.owner_id = s.id AND c.reaction = 'blown-away' AND " AMENDS_SQL_COUNTED ("c") \
  "     AND " AMENDS_SQL_RECOVERED ("c") " AND c.recovered_at >= ?1 AND c.recovered_at < ?2) AS blown" \
  " FROM staff AS s) AS x" \
  " WHERE told > 0 OR blown > 0" \
  " ORDER BY told DESC, blown DESC, " AMENDS_SQL_NOCASE (E, "name")

const AmendsSql amends_sql_heroes = {
  "heroes",
  HEROES_SQL (SQLITE),
  HEROES_SQL (PG),
};

/* PostgreSQL wants a name for each subquery in FROM (before version 16)
 * and, with DISTINCT, ORDER BY only what is selected: GROUP BY does what
 * DISTINCT did and lets it order by lower (team). */
const AmendsSql amends_sql_teams = {
  "teams",
  "SELECT DISTINCT team FROM ("
  " SELECT c.team AS team FROM cases AS c"
  "  WHERE c.deleted_at IS NULL AND c.status IN ('open', 'in-recovery')"
  " UNION ALL"
  " SELECT team FROM (SELECT r.team AS team FROM cases AS r ORDER BY r.id DESC LIMIT 2000))"
  " WHERE length (trim (coalesce (team, ''))) > 0"
  " ORDER BY " AMENDS_SQL_NOCASE (SQLITE, "team"),
  "SELECT team FROM ("
  " SELECT c.team AS team FROM cases AS c"
  "  WHERE c.deleted_at IS NULL AND c.status IN ('open', 'in-recovery')"
  " UNION ALL"
  " SELECT team FROM (SELECT r.team AS team FROM cases AS r ORDER BY r.id DESC LIMIT 2000) AS latest) AS teams"
  " WHERE length (trim (coalesce (team, ''))) > 0"
  " GROUP BY team ORDER BY " AMENDS_SQL_NOCASE (PG, "team"),
};

const AmendsSql *const amends_sql_all[] = {
  &amends_sql_snapshot_begin,
  &amends_sql_case_search,
  &amends_sql_reference_any_year,
  &amends_sql_reference_given_year,
  &amends_sql_reference_hits,
  &amends_sql_counter_raise,
  &amends_sql_target_lookup,
  &amends_sql_playbook_id,
  &amends_sql_helper_names,
  &amends_sql_cases_in_json_ids,
  &amends_sql_teams,
  &amends_sql_heroes,
  NULL,
};

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/**
 * amends_sql_number_names:
 * @sql: SQL with ":name" parameters
 * @names: (element-type utf8): where the names go, in their numbers' order
 *
 * Turns each ":name" outside quotes into "?N", numbered in the order the
 * names first appear, as SQLite numbers named parameters itself: the
 * same statement, binding the same values, but in the one form both
 * engines take.  Bind a name's value at its index in @names plus one.
 *
 * Returns: (transfer full): the numbered SQL
 */
char *
amends_sql_number_names (const char *sql,
                         GPtrArray  *names)
{
  GString *out = g_string_sized_new (strlen (sql));
  const char *p = sql;

  while (*p != '\0')
    {
      if (*p == '\'' || *p == '"')
        {
          const char *end = strchr (p + 1, *p);

          end = end != NULL ? end + 1 : p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (*p == ':' && g_ascii_isalpha (p[1]) && (p == sql || (!is_name_char (p[-1]) && p[-1] != ':')))
        {
          const char *end = p + 1;
          g_autofree char *name = NULL;
          guint index;

          while (is_name_char (*end))
            end++;
          name = g_strndup (p, end - p);
          if (!g_ptr_array_find_with_equal_func (names, name, g_str_equal, &index))
            {
              index = names->len;
              g_ptr_array_add (names, g_steal_pointer (&name));
            }
          g_string_append_printf (out, "?%u", index + 1);
          p = end;
        }
      else
        {
          g_string_append_c (out, *p);
          p++;
        }
    }

  return g_string_free (out, FALSE);
}
