/* bench-desk-propagation.c: how long a change takes from one desk to another
 *
 * The figure issue 16 asks for: between two processes on one database,
 * the time from one desk's commit returning to the other desk's store
 * announcing the change (::record-changed), over many changes; printed as
 * median, 90th percentile and maximum.  Two amends-desk processes do the
 * work: one edits a case a line at a time (edit-each-line), the other
 * watches it (watch); both print CLOCK_MONOTONIC times, one clock for the
 * whole machine.
 *
 * One change at a time: the next is made only once the last was seen, so
 * that no two are announced together.  Before each, a random pause of up
 * to --gap-ms (1000 by default): on a file the other desk looks once a
 * second, and changes made at one point of that second would all be
 * measured at one phase of it.
 *
 * Usage: bench-desk-propagation [--runs N] [--gap-ms MS] [LOCATION]
 *   LOCATION is a file or a PostgreSQL connection string; a new file in
 *   a temporary folder when not given.  A case is added to it (titled
 *   "Propagation bench") and edited N times: use a throw-away database,
 *   such as the one `tests/pg-cluster run` starts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "amends-desk-runner.h"
#include "amends-test-utils.h"

#define STEP_TIMEOUT_MS 10000

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The nearest-rank percentile @p (0 < p <= 100) of the sorted @values. */
static double
percentile_ms (GArray *values,
               double  p)
{
  guint rank = (guint) ((p / 100.0) * values->len + 0.999999);

  rank = CLAMP (rank, 1, values->len);
  return g_array_index (values, gint64, rank - 1) / 1000.0;
}

static double
median_ms (GArray *values)
{
  guint n = values->len;

  if (n % 2)
    return g_array_index (values, gint64, n / 2) / 1000.0;
  return (g_array_index (values, gint64, n / 2 - 1) + g_array_index (values, gint64, n / 2)) / 2000.0;
}

static char *
read_line_or_die (AmendsDeskRun *desk,
                  const char    *prefix,
                  const char    *what)
{
  g_autofree char *line = amends_desk_run_read_line (desk, STEP_TIMEOUT_MS);

  if (line == NULL || !g_str_has_prefix (line, prefix))
    {
      g_printerr ("bench-desk-propagation: %s said “%s”, where “%s…” was expected\n",
                  what, line ? line : "(nothing, for 10 s)", prefix);
      exit (1);
    }
  return g_steal_pointer (&line);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *location = NULL;
  g_autoptr(AmendsStore) store = NULL;
  g_autoptr(AmendsCase) kase = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsDeskRun) watcher = NULL;
  g_autoptr(AmendsDeskRun) editor = NULL;
  g_autoptr(GArray) delays = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *id_text = NULL;
  g_autofree char *count = NULL;
  gint64 runs = 100, gap_ms = 1000;
  guint missed = 0;
  int i;

  for (i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--runs") && i + 1 < argc &&
          g_ascii_string_to_signed (argv[i + 1], 10, 1, 100000, &runs, NULL))
        i++;
      else if (g_str_equal (argv[i], "--gap-ms") && i + 1 < argc &&
               g_ascii_string_to_signed (argv[i + 1], 10, 0, 60000, &gap_ms, NULL))
        i++;
      else if (argv[i][0] != '-' && location == NULL)
        location = g_strdup (argv[i]);
      else
        {
          g_printerr ("usage: bench-desk-propagation [--runs N] [--gap-ms MS] [LOCATION]\n");
          return 1;
        }
    }

  if (location == NULL)
    {
      dir = amends_test_make_dir ();
      location = g_build_filename (dir, "amends.db", NULL);
    }

  store = amends_store_open (location, &error);
  if (store == NULL)
    {
      g_printerr ("bench-desk-propagation: %s\n", error->message);
      return 1;
    }
  if (amends_db_location_is_server (location) && !amends_store_get_shared (store))
    {
      g_printerr ("bench-desk-propagation: %s was opened as a file, not on its server\n", location);
      return 1;
    }
  kase = amends_case_new ();
  g_object_set (kase, "summary", "Propagation bench", "occurred-at", now, NULL);
  if (!amends_store_insert (store, AMENDS_RECORD (kase), &error))
    {
      g_printerr ("bench-desk-propagation: %s\n", error->message);
      return 1;
    }
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, amends_record_get_id (AMENDS_RECORD (kase)));
  /* Only the two desks on it while measuring. */
  g_clear_object (&store);

  count = g_strdup_printf ("%" G_GINT64_FORMAT, runs);
  watcher = amends_desk_run_spawn (AMENDS_DESK_BIN, location, FALSE, "watch", id_text, "--count", count, NULL);
  g_free (read_line_or_die (watcher, "watching", "the watching desk"));
  editor = amends_desk_run_spawn (AMENDS_DESK_BIN, location, TRUE, "edit-each-line", id_text, "fix", NULL);
  g_free (read_line_or_die (editor, "ready", "the editing desk"));

  for (gint64 run = 0; run < runs; run++)
    {
      g_autofree char *value = g_strdup_printf ("Fix %" G_GINT64_FORMAT, run + 1);
      g_autofree char *saved = NULL;
      g_autofree char *seen = NULL;
      gint64 delay;

      if (gap_ms > 0)
        g_usleep (g_random_int_range (0, (gint32) gap_ms) * 1000);

      amends_desk_run_write_line (editor, value);
      saved = read_line_or_die (editor, "saved ", "the editing desk");
      seen = amends_desk_run_read_line (watcher, STEP_TIMEOUT_MS);
      if (seen == NULL || !g_str_has_prefix (seen, "changed "))
        {
          g_printerr ("bench-desk-propagation: change %" G_GINT64_FORMAT " not seen within 10 s (“%s”)\n",
                      run + 1, seen ? seen : "");
          missed++;
          break;
        }
      delay = amends_desk_line_time (seen) - amends_desk_line_time (saved);
      g_array_append_val (delays, delay);
    }

  amends_desk_run_close_stdin (editor);
  amends_desk_run_wait (editor, STEP_TIMEOUT_MS);
  amends_desk_run_wait (watcher, STEP_TIMEOUT_MS);
  if (dir != NULL)
    amends_test_remove_dir (dir);

  if (delays->len == 0)
    return 1;

  g_array_sort (delays, compare_int64);
  g_print ("%s: %u changes from one desk's commit returning to the other desk's ::record-changed: "
           "median %.1f ms, p90 %.1f ms, max %.1f ms (min %.1f ms)%s\n",
           amends_db_location_is_server (location) ? "server" : "file",
           delays->len, median_ms (delays), percentile_ms (delays, 90),
           percentile_ms (delays, 100), g_array_index (delays, gint64, 0) / 1000.0,
           missed ? ", then one change was not seen" : "");

  return missed ? 1 : 0;
}
