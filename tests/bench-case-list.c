/* bench-case-list.c: how the case list holds up with a million cases
 *
 * Run with `./tools/dev bench` (meson test --benchmark).  Prints times and
 * memory; it asserts nothing about time, which depends on the machine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "amends-case-list.h"
#include "amends-store-measures.h"
#include "amends-test-utils.h"

#define N_CASES 1000000

static long
resident_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line ? strtol (line + 6, NULL, 10) : -1;
}

/* References as the store writes them, 100 000 a year over ten years, so
 * that a search by number alone has years to look through. */
static void
fill (AmendsStore *store)
{
  static const char sql[] =
    "BEGIN;"
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)"
    "INSERT INTO cases (id, reference, summary, category, owner_id, severity, channel, noticed_by,"
    "                   occurred_at, logged_at, status, recovery_due_at, reaction, came_back)"
    "  SELECT i, printf ('C-%04d-%05d', 2017 + (i - 1) / 100000, (i - 1) % 100000 + 1),"
    "         'Case ' || i || CASE i % 5 WHEN 0 THEN ' cold soup' WHEN 1 THEN ' lapel pin'"
    "                                   WHEN 2 THEN ' noisy room' WHEN 3 THEN ' wrong bill' ELSE ' late taxi' END,"
    "         CASE i % 4 WHEN 0 THEN 'Room' WHEN 1 THEN 'Billing' WHEN 2 THEN 'Food' ELSE 'Booking' END,"
    "         NULL, 'minor', 'phone', 'customer',"
    "         1700000000 + i * 60, 1700000000 + i * 60,"
    "         CASE WHEN i % 10 = 0 THEN 'open' ELSE 'closed' END,"
    "         1700000000 + i * 60 + 86400, 'unknown', 'unknown' FROM n;"
    "COMMIT;";

  g_assert_cmpint (sqlite3_exec (amends_store_get_db (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
time_list (AmendsStore            *store,
           const char             *label,
           const AmendsCaseFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCaseList) list = NULL;
  gint64 start = g_get_monotonic_time ();
  double open_ms;
  guint n;

  list = amends_case_list_new (AMENDS_CASE_SOURCE (store), filter, &error);
  g_assert_no_error (error);
  open_ms = ms_since (start);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));

  start = g_get_monotonic_time ();
  /* A screenful of rows in the middle, as scrolling there would bind. */
  for (guint i = 0; i < 40 && n > 0; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), (n / 2 + i) % n);
      g_assert_nonnull (item);
    }

  g_print ("%-32s %8u rows  query %8.1f ms  40 rows in the middle %6.2f ms  rows read %" G_GUINT64_FORMAT "\n",
           label, n, open_ms, ms_since (start), amends_case_list_get_rows_loaded (list));
}

int
main (int   argc,
      char *argv[])
{
  AmendsTestDb db = { 0 };
  AmendsCaseFilter filter = AMENDS_CASE_FILTER_INIT;
  gint64 start;
  long rss_before;

  amends_test_db_setup (&db, NULL);

  start = g_get_monotonic_time ();
  fill (db.store);
  g_print ("Filled %d cases (with search index) in %.1f s\n", N_CASES, ms_since (start) / 1000.0);

  rss_before = resident_kib ();

  time_list (db.store, "urgency (default)", &filter);
  filter.sort = AMENDS_CASE_SORT_NEWEST;
  time_list (db.store, "newest first", &filter);
  filter = (AmendsCaseFilter) AMENDS_CASE_FILTER_INIT;
  filter.status = AMENDS_CASE_STATUS_OPEN;
  time_list (db.store, "status = open", &filter);
  filter = (AmendsCaseFilter) AMENDS_CASE_FILTER_INIT;
  filter.overdue_only = TRUE;
  time_list (db.store, "overdue only", &filter);
  filter = (AmendsCaseFilter) AMENDS_CASE_FILTER_INIT;
  filter.category = (char *) "Room";
  time_list (db.store, "category = Room", &filter);

  const char *queries[] = { "l", "la", "lap", "lapel", "lapel pin", "case 4242", "nothing-like-this",
                            "C-2026-00057", "2026-57", "00057", "57", "99999", "4242" };
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *label = g_strdup_printf ("search \"%s\"", queries[i]);
      filter = (AmendsCaseFilter) AMENDS_CASE_FILTER_INIT;
      filter.query = (char *) queries[i];
      time_list (db.store, label, &filter);
    }

  /* The measures of one week, as the Measures view and the weekly summary
   * ask for them: a week in the middle of the history (over, so its open
   * counts are as it ended) and this week. */
  {
    g_autoptr(GDateTime) middle = g_date_time_new_from_unix_utc (1700000000 + (gint64) N_CASES / 2 * 60);
    GDateTime *when[2] = { middle, db.now };
    const char *labels[2] = { "measures, a week in the middle", "measures, this week" };

    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(GDateTime) week = amends_iso_week_start (when[i]);
        g_autoptr(GDateTime) until = g_date_time_add_weeks (week, 1);
        g_autoptr(GError) error = NULL;
        AmendsMeasures m;

        start = g_get_monotonic_time ();
        g_assert_true (amends_store_measure (db.store, week, until, &m, &error));
        g_assert_no_error (error);
        g_print ("%-32s %8u cases happened, %u open at its end  %8.1f ms\n",
                 labels[i], m.n_happened, m.n_open, ms_since (start));
      }

    /* The rest of what the Measures view reads for a week: the tables
     * per owner, team and category, and the eight weeks of its trend. */
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(GDateTime) week = amends_iso_week_start (when[i]);
        g_autoptr(GDateTime) until = g_date_time_add_weeks (week, 1);
        g_autoptr(GPtrArray) weeks = NULL;
        g_autoptr(GError) error = NULL;
        const char *tables[] = { "by owner", "by team", "by category" };

        for (guint by = 0; by < G_N_ELEMENTS (tables); by++)
          {
            g_autoptr(GPtrArray) rows = NULL;
            g_autofree char *label = g_strdup_printf ("%s, %s", labels[i], tables[by]);

            start = g_get_monotonic_time ();
            rows = amends_store_measure_by (db.store, by, week, until, &error);
            g_assert_no_error (error);
            g_print ("%-32s %8u rows  %8.1f ms\n", label, rows->len, ms_since (start));
          }

        start = g_get_monotonic_time ();
        weeks = amends_store_measure_weeks (db.store, week, 8, &error);
        g_assert_no_error (error);
        g_print ("%s, 8 weeks  %8.1f ms\n", labels[i], ms_since (start));
      }
  }

  g_print ("Resident memory: %ld KiB before the lists, %ld KiB after\n", rss_before, resident_kib ());

  amends_test_db_teardown (&db, NULL);
  return 0;
}
