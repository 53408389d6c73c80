/* generate-cases.c: a large, realistic database to time the application on
 *
 *   generate-cases N PATH [END]
 *
 * writes N cases to a new database at PATH: ten years of history ending
 * at END (Unix time; now by default), evenly spread (about 2,000 a week
 * at a million), 40 staff in four teams, a customer for every twenty
 * cases (at least 100), each of whom comes back, about 2 % of the cases
 * open (most of them recent), the rest recovered or closed after an hour
 * to a few days (one in twenty after weeks).  Each case has three
 * timeline entries (a contact, an apology or a surprise, then the fix,
 * the resolution or a note) and one recovered case in 200 whose customer
 * was blown away has a story, at every stage, with its owner as hero.
 * The same N and END always give the same cases.
 *
 * Words to search for: "soup" is in a fifth of the summaries, and
 * "harpsichord" on the timeline of one case in 9,973.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <sqlite3.h>

#include "amends-store.h"
#include "amends-store-private.h"

#define TEN_YEARS (10 * 365 * 86400LL)

static const char fill_sql[] =
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)"
  "INSERT INTO staff (id, name, team, role)"
  "  SELECT i, 'Staff ' || i, 'Team ' || (i % 4 + 1), 'front-desk' FROM n;"
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < max (100, ?1 / 20))"
  "INSERT INTO customers (id, name, created_at) SELECT i, 'Customer ' || i, ?2 - ?3 FROM n;"
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1),"
  /* Hashes of i stand for dice: the same every run. */
  " r AS (SELECT i,"
  "   ?2 - ?3 + (i * ?3) / ?1 AS occurred,"
  "   (i * 2654435761) % 1000003 AS h1,"
  "   (i * 40503 + 12345) % 9973 AS h2,"
  "   (i * 69069 + 1) % 100 AS h3,"
  "   (i * 1103515245 + 12345) % 1000 AS h4"
  "   FROM n),"
  " s AS (SELECT *,"
  "   occurred + h2 % 7200 AS logged,"
  "   CASE WHEN h3 % 20 = 0 THEN 3600 + (h2 * 997) % 2592000 ELSE 1800 + (h2 * 37) % 259200 END AS took,"
  "   CASE WHEN occurred > ?2 - 14 * 86400 THEN h4 < 600 ELSE h4 < 14 END AS still_open"
  "   FROM r),"
  " t AS (SELECT *,"
  "   CASE WHEN still_open OR logged + took >= ?2 THEN NULL ELSE logged + took END AS finished"
  "   FROM s)"
  "INSERT INTO cases (id, reference, summary, category, customer_id, owner_id, team, severity, channel,"
  "                   noticed_by, occurred_at, logged_at, logged_by_id, status, recovery_due_at,"
  "                   recovered_at, closed_at, close_reason, fix, surprise_cost_cents, rule_bent,"
  "                   reaction, came_back)"
  "  SELECT i, printf ('C-%d-%06d', strftime ('%Y', occurred, 'unixepoch'), i),"
  "         'Case ' || i || CASE i % 5 WHEN 0 THEN ' cold soup' WHEN 1 THEN ' lapel pin'"
  "                       WHEN 2 THEN ' noisy room' WHEN 3 THEN ' wrong bill' ELSE ' late taxi' END,"
  "         CASE h1 % 6 WHEN 0 THEN 'Room' WHEN 1 THEN 'Billing' WHEN 2 THEN 'Food'"
  "                     WHEN 3 THEN 'Booking' WHEN 4 THEN 'Noise' ELSE NULL END,"
  "         (h1 * 7) % max (100, ?1 / 20) + 1,"
  "         CASE WHEN h4 % 20 = 0 THEN NULL ELSE h1 % 40 + 1 END,"
  "         'Team ' || (h1 % 4 + 1),"
  "         CASE h2 % 10 WHEN 0 THEN 'major' WHEN 1 THEN 'moderate' WHEN 2 THEN 'moderate' ELSE 'minor' END,"
  "         CASE h3 % 4 WHEN 0 THEN 'phone' WHEN 1 THEN 'email' ELSE 'in-person' END,"
  "         CASE WHEN h4 % 3 = 0 THEN 'staff' ELSE 'customer' END,"
  "         occurred, logged, h1 % 40 + 1,"
  "         CASE WHEN finished IS NULL THEN (CASE WHEN h3 % 2 = 0 THEN 'open' ELSE 'in-recovery' END)"
  "              WHEN h3 < 15 THEN 'closed' ELSE 'recovered' END,"
  "         logged + 86400,"
  "         CASE WHEN finished IS NULL OR h3 BETWEEN 10 AND 14 THEN NULL ELSE finished END,"
  "         CASE WHEN finished IS NOT NULL AND h3 < 15 THEN min (?2, finished + 86400) END,"
  "         CASE WHEN finished IS NULL OR h3 >= 15 THEN 'none' WHEN h3 < 10 THEN 'recovered'"
  "              WHEN h3 < 13 THEN 'not-recovered' ELSE 'not-a-breakdown' END,"
  "         CASE WHEN finished IS NOT NULL AND h3 NOT BETWEEN 10 AND 14 THEN 'Put right' END,"
  "         CASE WHEN h2 % 10 = 0 THEN h2 * 3 ELSE 0 END,"
  "         h2 % 25 = 0,"
  "         CASE WHEN finished IS NULL THEN 'unknown'"
  "              ELSE CASE h4 % 10 WHEN 0 THEN 'blown-away' WHEN 1 THEN 'blown-away' WHEN 2 THEN 'blown-away'"
  "                   WHEN 3 THEN 'satisfied' WHEN 4 THEN 'satisfied' WHEN 5 THEN 'satisfied'"
  "                   WHEN 6 THEN 'neutral' WHEN 7 THEN 'still-unhappy' ELSE 'unknown' END END,"
  "         'unknown'"
  "  FROM t;"
  /* Three entries a case, in the order they were written, none later
   * than END. */
  "INSERT INTO actions (id, case_id, kind, done_at, staff_id, text)"
  "  SELECT c.id * 3 + k.j - 2, c.id,"
  "         CASE k.j WHEN 0 THEN 'contact' WHEN 1 THEN (CASE WHEN c.id % 7 = 0 THEN 'surprise' ELSE 'apology' END)"
  "                  ELSE (CASE WHEN c.recovered_at IS NOT NULL THEN 'fix'"
  "                             WHEN c.closed_at IS NOT NULL THEN 'resolution' ELSE 'note' END) END,"
  "         min (?2, CASE k.j WHEN 0 THEN c.logged_at + 300 WHEN 1 THEN c.logged_at + 1800"
  "                           ELSE coalesce (c.recovered_at, c.closed_at, c.logged_at + 3600) END),"
  "         coalesce (c.owner_id, c.logged_by_id),"
  "         CASE k.j WHEN 0 THEN (CASE c.id % 3 WHEN 0 THEN 'Called the guest back within the hour'"
  "                                            WHEN 1 THEN 'Went up to the room to listen'"
  "                                            ELSE 'Wrote to the guest to say we are on it' END)"
  "                  WHEN 1 THEN (CASE WHEN c.id % 7 = 0 THEN 'Sent up a bottle of wine and a note'"
  "                                    ELSE 'Apologised in person, without excuses' END)"
  "                  ELSE (CASE WHEN c.id % 9973 = 17 THEN 'Found the harpsichord tuner who caused it'"
  "                             WHEN c.recovered_at IS NOT NULL THEN 'Put right and checked with the guest'"
  "                             WHEN c.closed_at IS NOT NULL THEN 'Closed after talking it over'"
  "                             ELSE 'Waiting for maintenance' END) END"
  "  FROM cases AS c, (SELECT 0 AS j UNION ALL SELECT 1 UNION ALL SELECT 2) AS k"
  "  ORDER BY c.id, k.j;"
  "INSERT INTO stories (id, case_id, title, text, stage, created_at, told_at)"
  "  SELECT c.id, c.id, 'The ' || c.summary, 'What happened, and how we put it right.',"
  "         CASE (c.id / 200) % 4 WHEN 0 THEN 'candidate' WHEN 1 THEN 'drafted' WHEN 2 THEN 'told' ELSE 'dismissed' END,"
  "         c.recovered_at, CASE WHEN (c.id / 200) % 4 = 2 THEN min (?2, c.recovered_at + 86400) END"
  "  FROM cases AS c"
  "  WHERE c.reaction = 'blown-away' AND c.recovered_at IS NOT NULL AND c.id % 200 < 3;"
  "INSERT INTO story_heroes (story_id, staff_id)"
  "  SELECT s.id, c.owner_id FROM stories AS s JOIN cases AS c ON c.id = s.case_id"
  "  WHERE c.owner_id IS NOT NULL;"
  /* The search index in one pass rather than by its triggers, which
   * would rewrite a case's row for each of its entries. */
  "INSERT INTO case_search (rowid, summary, description, customer, timeline)"
  "  SELECT c.id, c.summary, c.description,"
  "         (SELECT p.name || ' ' || coalesce (p.notes, '') FROM customers AS p WHERE p.id = c.customer_id),"
  "         (SELECT group_concat (a.text, ' ') FROM actions AS a WHERE a.case_id = c.id)"
  "  FROM cases AS c;";

/* The triggers that keep the search index in step, left out while it is
 * filled in one pass (fill_sql) and put back as they were. */
static const char search_triggers_sql[] =
  "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'"
  "  AND name IN ('cases_search_insert', 'actions_search_insert')";

static gboolean
exec_sql (sqlite3    *db,
          const char *sql)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      g_printerr ("%s\n", sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

static gboolean
drop_search_triggers (sqlite3   *db,
                      GPtrArray *creates)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (sqlite3_prepare_v2 (db, search_triggers_sql, -1, &stmt, NULL) != SQLITE_OK)
    return exec_sql (db, search_triggers_sql);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (creates, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER \"%s\"", (char *) names->pdata[i]);

      if (!exec_sql (db, drop))
        return FALSE;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsStore) store = NULL;
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  const char *tail = fill_sql;
  gint64 n, end;
  gint64 start = g_get_monotonic_time ();

  if (argc < 3)
    {
      g_printerr ("Usage: %s N PATH [END]\n", argv[0]);
      return 2;
    }
  n = g_ascii_strtoll (argv[1], NULL, 10);
  end = argc > 3 ? g_ascii_strtoll (argv[3], NULL, 10) : g_get_real_time () / G_USEC_PER_SEC;

  if (g_file_test (argv[2], G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s exists already\n", argv[2]);
      return 1;
    }
  if (!(store = amends_store_open (argv[2], &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  db = amends_store_get_db (store);
  /* A throwaway file until it is written: no need to wait for the disk
   * on the way, and room in memory for the indexes being filled. */
  if (!exec_sql (db, "PRAGMA synchronous = OFF; PRAGMA cache_size = -400000") ||
      !exec_sql (db, "BEGIN") || !drop_search_triggers (db, triggers))
    return 1;

  /* Several statements, each given the same three values. */
  while (tail != NULL && *tail != '\0')
    {
      int rc = sqlite3_prepare_v2 (db, tail, -1, &stmt, &tail);

      if (rc != SQLITE_OK)
        {
          g_printerr ("%s\n", sqlite3_errmsg (db));
          return 1;
        }
      if (stmt == NULL)
        break;
      for (int p = 1; p <= sqlite3_bind_parameter_count (stmt); p++)
        sqlite3_bind_int64 (stmt, p, p == 1 ? n : p == 2 ? end : TEN_YEARS);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          g_printerr ("%s\n", sqlite3_errmsg (db));
          return 1;
        }
    }

  for (guint i = 0; i < triggers->len; i++)
    if (!exec_sql (db, triggers->pdata[i]))
      return 1;
  if (!exec_sql (db, "COMMIT"))
    return 1;

  g_print ("%" G_GINT64_FORMAT " cases written to %s in %.1f s\n",
           n, argv[2], (g_get_monotonic_time () - start) / 1e6);
  return 0;
}
