/* bench-queries.c: the store's own queries, and their SQL for sqlite3
 *
 *   bench-queries PATH OUTDIR MONDAY
 *
 * runs what the case list and the measures ask the store on the database
 * at PATH (see generate-cases), through the store's own functions: the
 * default list (ids and counts), a search for a common word ("soup") and
 * for a rare one ("harpsichord"), and the measures of the week that
 * starts on MONDAY (YYYY-MM-DD, local time).  For each it prints
 *
 *   bench-queries: NAME_ms MEDIAN
 *
 * the median of five runs after one to warm the cache, and writes the
 * statements the store ran for it, with their values bound
 * (sqlite3_expanded_sql), to OUTDIR/NAME.sql: `tools/dev bench` runs that
 * file with the sqlite3 program on the same database, so the comparison
 * is always with the SQL the store runs now, whoever changed it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sqlite3.h>

#include "amends-case-list.h"
#include "amends-store-measures.h"
#include "amends-store.h"

#define RUNS 5

/* The statements of the run being recorded, or NULL. */
static GString *recorded;

static int
on_trace_cb (unsigned  event,
             void     *user_data,
             void     *statement,
             void     *nanoseconds)
{
  char *sql;

  if (recorded == NULL || event != SQLITE_TRACE_PROFILE)
    return 0;
  sql = sqlite3_expanded_sql (statement);
  if (sql != NULL)
    g_string_append_printf (recorded, "%s;\n", sql);
  sqlite3_free (sql);
  return 0;
}

typedef gboolean (*QueryFunc) (AmendsStore *store,
                               gconstpointer data);

static gboolean
run_list (AmendsStore   *store,
          gconstpointer  data)
{
  AmendsCaseFilter filter = AMENDS_CASE_FILTER_INIT;
  g_autoptr(AmendsCaseList) list = NULL;
  g_autoptr(GError) error = NULL;

  filter.query = (char *) data;
  list = amends_case_list_new (AMENDS_CASE_SOURCE (store), &filter, &error);
  if (list == NULL)
    g_printerr ("bench-queries: %s\n", error->message);
  return list != NULL;
}

static GDateTime *monday;

static gboolean
run_measures (AmendsStore   *store,
              gconstpointer  data)
{
  g_autoptr(GDateTime) sunday_night = g_date_time_add_days (monday, 7);
  g_autoptr(GError) error = NULL;
  AmendsMeasures measures;

  if (!amends_store_measure (store, monday, sunday_night, &measures, &error))
    {
      g_printerr ("bench-queries: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static gboolean
measure (AmendsStore   *store,
         const char    *outdir,
         const char    *name,
         QueryFunc      func,
         gconstpointer  data)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.sql", outdir, name);
  g_autoptr(GError) error = NULL;
  double times[RUNS];

  recorded = g_string_new (NULL);
  if (!func (store, data))
    return FALSE;
  if (!g_file_set_contents (path, recorded->str, recorded->len, &error))
    {
      g_printerr ("bench-queries: %s\n", error->message);
      return FALSE;
    }
  g_string_free (recorded, TRUE);
  recorded = NULL;

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      func (store, data);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, RUNS, sizeof (double), compare_doubles);
  g_print ("bench-queries: %s_ms %.2f\n", name, times[RUNS / 2]);
  return TRUE;
}

/* Every connection is traced, the store's and any it opens to read. */
static int
trace_connection (sqlite3                     *db,
                  char                       **error,
                  const sqlite3_api_routines  *api)
{
  sqlite3_trace_v2 (db, SQLITE_TRACE_PROFILE, on_trace_cb, NULL);
  return SQLITE_OK;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsStore) store = NULL;
  int year, month, day;

  if (argc < 4 || sscanf (argv[3], "%d-%d-%d", &year, &month, &day) != 3)
    {
      g_printerr ("usage: %s PATH OUTDIR MONDAY\n", argv[0]);
      return 2;
    }
  monday = g_date_time_new_local (year, month, day, 0, 0, 0);
  sqlite3_auto_extension ((void (*) (void)) trace_connection);

  if (!(store = amends_store_open (argv[1], &error)))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  if (!measure (store, argv[2], "list", run_list, NULL) ||
      !measure (store, argv[2], "search_common", run_list, "soup") ||
      !measure (store, argv[2], "search_rare", run_list, "harpsichord") ||
      !measure (store, argv[2], "measures_week", run_measures, NULL))
    return 1;

  g_date_time_unref (monday);
  return 0;
}
