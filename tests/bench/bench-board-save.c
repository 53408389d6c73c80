/* bench-board-save.c: the main thread's work for one case saved while the
 * storytelling board and the heroes panel are shown, on a large database
 *
 *   bench-board-save DB N [no-heroes]
 *
 * (under a display: xvfb-run -a; it writes to DB, so give it a copy)
 *
 * Shows the board and heroes in a window, waits until the board has its
 * stories, then N times: loads a recovered blown-away case, sets its
 * lesson, saves it, and runs the main loop until nothing is pending, then
 * 400 ms more (the heroes wait 250 ms).  Prints, for each save, the wall
 * time and the main thread's CPU time of the save and of what the main
 * loop did after it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include <string.h>
#include <time.h>
#include <adwaita.h>
#include "amends-board-view.h"
#include "amends-heroes-panel.h"
#include "amends-store-private.h"

static double
thread_cpu (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
wall (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* Runs the main loop for @seconds, returning the main thread's CPU time
 * spent in it and the longest single dispatch. */
static double
spin (double seconds, double *longest)
{
  double end = wall () + seconds, cpu = 0;
  while (wall () < end)
    {
      double t0 = wall (), c0 = thread_cpu ();
      if (g_main_context_iteration (NULL, FALSE))
        {
          double d = wall () - t0;
          cpu += thread_cpu () - c0;
          if (longest && d > *longest)
            *longest = d;
        }
      else
        g_usleep (1000);
    }
  return cpu;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsStore) store = NULL;
  GtkWidget *window, *box, *board, *heroes;
  int n = argc > 2 ? atoi (argv[2]) : 5;
  sqlite3_stmt *stmt = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  double t0, longest = 0;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();

  t0 = wall ();
  store = amends_store_open (argv[1], &error);
  g_assert_no_error (error);
  g_printerr ("open %.3f s\n", wall () - t0);

  /* Recovered, blown-away cases with a story: edits the board has to consider. */
  sqlite3_prepare_v2 (amends_store_get_db (store),
                      "SELECT s.case_id FROM stories AS s WHERE s.stage = 'candidate' ORDER BY s.id DESC LIMIT ?1",
                      -1, &stmt, NULL);
  sqlite3_bind_int (stmt, 1, n);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  board = amends_board_view_new ();
  gtk_widget_set_hexpand (board, TRUE);
  heroes = amends_heroes_panel_new (store);
  gtk_box_append (GTK_BOX (box), board);
  if (argc <= 3 || strcmp (argv[3], "no-heroes") != 0)
    gtk_box_append (GTK_BOX (box), heroes);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  spin (0.5, NULL);

  t0 = wall ();
  longest = 0;
  amends_board_view_set_store (AMENDS_BOARD_VIEW (board), store);
  /* Until the board has its candidates and has made the missing ones. */
  while (amends_board_view_get_n_stories (AMENDS_BOARD_VIEW (board), AMENDS_STORY_STAGE_CANDIDATE) == 0 &&
         wall () - t0 < 120)
    spin (0.05, &longest);
  spin (4.0, &longest);
  g_printerr ("board shown: %.3f s, longest main-loop dispatch %.1f ms; candidates %u drafted %u told %u\n",
              wall () - t0, longest * 1000,
              amends_board_view_get_n_stories (AMENDS_BOARD_VIEW (board), AMENDS_STORY_STAGE_CANDIDATE),
              amends_board_view_get_n_stories (AMENDS_BOARD_VIEW (board), AMENDS_STORY_STAGE_DRAFTED),
              amends_board_view_get_n_stories (AMENDS_BOARD_VIEW (board), AMENDS_STORY_STAGE_TOLD));

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(AmendsCase) kase = amends_store_load (store, AMENDS_TYPE_CASE, g_array_index (ids, gint64, i), &error);
      g_autofree char *lesson = g_strdup_printf ("Lesson %u: ask first", i);
      double w0, c0, save_wall, save_cpu, after_cpu;

      g_assert_no_error (error);
      g_object_set (kase, "lesson", lesson, NULL);
      longest = 0;
      w0 = wall ();
      c0 = thread_cpu ();
      amends_store_update (store, AMENDS_RECORD (kase), &error);
      g_assert_no_error (error);
      save_wall = wall () - w0;
      save_cpu = thread_cpu () - c0;
      after_cpu = spin (0.6, &longest);
      g_print ("save %u: save %.1f ms wall %.1f ms cpu (signal handlers included); then main loop %.1f ms cpu, longest dispatch %.1f ms\n",
               i, save_wall * 1000, save_cpu * 1000, after_cpu * 1000, longest * 1000);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  spin (0.2, NULL);
  return 0;
}
