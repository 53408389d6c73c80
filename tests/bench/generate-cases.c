/* generate-cases.c: a large, realistic database to time the application on
 *
 *   generate-cases N PATH [END]
 *
 * writes N cases to a new database at PATH: ten years of history ending
 * at END (Unix time; now by default), evenly spread (about 2,000 a week
 * at a million), 40 staff in four teams, 50,000 customers who come back,
 * about 2 % of the cases open (most of them recent), the rest recovered
 * or closed after an hour to a few days (one in twenty after weeks).
 * The same N and END always give the same cases.  No timeline entries
 * or stories: the list and the measures do not read them.
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
  "BEGIN;"
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)"
  "INSERT INTO staff (id, name, team, role)"
  "  SELECT i, 'Staff ' || i, 'Team ' || (i % 4 + 1), 'front-desk' FROM n;"
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)"
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
  "         (h1 * 7) % 50000 + 1,"
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
  "COMMIT;";

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsStore) store = NULL;
  sqlite3_stmt *stmt = NULL;
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

  /* Several statements, each given the same three values. */
  while (tail != NULL && *tail != '\0')
    {
      int rc = sqlite3_prepare_v2 (amends_store_get_db (store), tail, -1, &stmt, &tail);

      if (rc != SQLITE_OK)
        {
          g_printerr ("%s\n", sqlite3_errmsg (amends_store_get_db (store)));
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
          g_printerr ("%s\n", sqlite3_errmsg (amends_store_get_db (store)));
          return 1;
        }
    }

  g_print ("%" G_GINT64_FORMAT " cases written to %s in %.1f s\n",
           n, argv[2], (g_get_monotonic_time () - start) / 1e6);
  return 0;
}
