/* bench-app.c: the real window on a large database, timed as a person uses it
 *
 *   bench-app PATH
 *
 * opens Amends's own window on the database at PATH (make one with
 * generate-cases; it is written to: use a copy) and prints one line per
 * figure, "bench-app: NAME VALUE", for `tools/dev bench` to read:
 *
 *  - first_list_ms: from the start of this program to the first frame
 *    that shows the case list filled; the store is opened as the
 *    application opens it, its integrity checked after that frame
 *    (integrity_check_ms, off the main thread), and all that follows
 *    waits for the check;
 *  - scroll_*: the time the main thread spends on each frame (from the
 *    frame clock's before-paint to the end of its after-paint) while the
 *    list scrolls at a steady half page a frame, at its top, middle and
 *    end; drag_*: the same while the scrollbar is dragged from top to
 *    bottom in four seconds (a big jump each frame); *_layout_*: the
 *    part of each frame before it is painted (our rows bound and laid
 *    out), the rest being GTK's drawing;
 *  - *_stall_ms: the longest main-loop iteration, less the time spent
 *    waiting in poll(), from a filter change, a search, a save or a trash
 *    until its result is drawn (and a moment after): the stall a person
 *    feels.  A query on its own thread does not count, as it should not;
 *  - *_latency_ms: from the action to the first frame that shows its
 *    result; save_flush_ms: writing one typed field;
 *  - main_sql_worst_ms: the longest SQL statement run on the main
 *    thread, on any connection, after the first list was drawn (and
 *    main_sql_worst_startup_ms until then); with BENCH_APP_VERBOSE=1 each
 *    one over 16 ms is printed;
 *  - peak_rss_kib: the most memory the process held.
 *
 * The actions are the ones a person's clicks and keys activate:
 * sidebar.status, typing into the search entry then Enter, typing into
 * the case editor's summary, win.trash-cases.  BENCH_APP_VERBOSE=1 says
 * how each filter change and search went.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>

#include <sqlite3.h>

#include <adwaita.h>

#include "amends-application.h"
#include "amends-case-editor.h"
#include "amends-case-sidebar.h"
#include "amends-enums.h"
#include "amends-store.h"
#include "amends-ui-test-utils.h"
#include "amends-window.h"

#define SETTLE_MS 300
#define GIVE_UP_S 60

static gint64 program_start;

/* Time spent waiting in poll(), to be taken off an iteration's time. */
static GPollFunc real_poll;
static gint64 polled_us;

/* Frames: when the current one began, how many ended, when the last
 * ended, and each one's time while a measure records them. */
static gint64 frame_start;
static guint n_frames;
static gint64 last_frame_end;
static GArray *frame_ms;
static gint64 layout_end;
static GArray *layout_ms;

/* The longest SQL statement run on the main thread, in ns, and the
 * thread. */
static sqlite3_int64 main_sql_worst_ns;
static GThread *main_thread;

/* Changes of the list the view shows: a new list landed. */
static guint n_changes;

static int
timed_poll (GPollFD *fds,
            guint    nfds,
            int      timeout)
{
  gint64 start = g_get_monotonic_time ();
  int result = real_poll (fds, nfds, timeout);

  polled_us += g_get_monotonic_time () - start;
  return result;
}

static int
on_trace_cb (unsigned  event,
             void     *user_data,
             void     *statement,
             void     *nanoseconds)
{
  sqlite3_int64 ns = *(sqlite3_int64 *) nanoseconds;

  if (event != SQLITE_TRACE_PROFILE || g_thread_self () != main_thread)
    return 0;
  main_sql_worst_ns = MAX (main_sql_worst_ns, ns);
  if (ns > 16 * 1000 * 1000 && g_getenv ("BENCH_APP_VERBOSE"))
    g_printerr ("main-thread SQL, %.1f ms: %.300s\n", ns / 1e6, sqlite3_sql (statement));
  return 0;
}

/* Every connection the process opens is traced, the read connections of
 * the lists and views as well as the window's own. */
static int
trace_connection (sqlite3                     *db,
                  char                       **error,
                  const sqlite3_api_routines  *api)
{
  sqlite3_trace_v2 (db, SQLITE_TRACE_PROFILE, on_trace_cb, NULL);
  return SQLITE_OK;
}

static void
on_before_paint_cb (GdkFrameClock *clock)
{
  frame_start = g_get_monotonic_time ();
}

static void
on_layout_cb (GdkFrameClock *clock)
{
  layout_end = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock)
{
  double ms, layout;

  last_frame_end = g_get_monotonic_time ();
  n_frames++;
  ms = (last_frame_end - frame_start) / 1000.0;
  layout = (layout_end - frame_start) / 1000.0;
  if (frame_ms != NULL && frame_start != 0)
    {
      g_array_append_val (frame_ms, ms);
      g_array_append_val (layout_ms, layout);
    }
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added)
{
  n_changes++;
}

static void
on_model_notify_cb (GtkListView *view)
{
  n_changes++;
  g_signal_connect (gtk_list_view_get_model (view), "items-changed",
                    G_CALLBACK (on_items_changed_cb), NULL);
}

static void
report (const char *name,
        double      value)
{
  g_print ("bench-app: %s %.2f\n", name, value);
}

/* MAX() would run its arguments twice. */
static void
raise_to (gint64 *worst,
          gint64  value)
{
  if (value > *worst)
    *worst = value;
}

/* One main-loop iteration; returns its time less the time in poll(). */
static gint64
iterate (gboolean may_block)
{
  gint64 start = g_get_monotonic_time ();
  gint64 polled_before = polled_us;

  g_main_context_iteration (NULL, may_block);
  return (g_get_monotonic_time () - start) - (polled_us - polled_before);
}

static gboolean
on_wake_cb (gpointer user_data)
{
  return G_SOURCE_REMOVE;
}

/* Runs the loop for @ms; returns the longest iteration, in µs. */
static gint64
run_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;
  gint64 worst = 0;

  g_timeout_add (ms, on_wake_cb, NULL);
  while (g_get_monotonic_time () < until)
    raise_to (&worst, iterate (TRUE));
  return worst;
}

/* Runs the loop until a new list has landed (the number of changes is
 * no longer @before) and a frame has been drawn after it, then for a
 * moment more.  @started: when the action began; @worst: the longest
 * iteration so far, raised here.  Returns the latency in ms, or -1 when
 * nothing landed in time. */
static double
run_until_landed (guint   before,
                  gint64  started,
                  gint64 *worst)
{
  gint64 give_up = started + GIVE_UP_S * G_USEC_PER_SEC;
  guint frames_at_landing = 0;
  gboolean landed = FALSE;
  double latency = -1;

  g_timeout_add (GIVE_UP_S * 1000, on_wake_cb, NULL);
  while (g_get_monotonic_time () < give_up)
    {
      raise_to (worst, iterate (TRUE));
      if (!landed && n_changes != before)
        {
          landed = TRUE;
          frames_at_landing = n_frames;
        }
      if (landed && n_frames > frames_at_landing)
        {
          latency = (last_frame_end - started) / 1000.0;
          break;
        }
    }

  raise_to (worst, run_for (SETTLE_MS));
  return latency;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report_frames (const char *name,
               GArray     *times)
{
  g_autofree char *worst = g_strconcat (name, "_worst_ms", NULL);
  g_autofree char *p99 = g_strconcat (name, "_p99_ms", NULL);
  g_autofree char *count = g_strconcat (name, "_frames", NULL);
  guint n = times->len;

  g_array_sort (times, compare_doubles);
  report (count, n);
  report (worst, n ? g_array_index (times, double, n - 1) : -1);
  report (p99, n ? g_array_index (times, double, (guint) MAX (0, (int) (0.99 * n + 0.5) - 1)) : -1);
}

/* Scrolling: a tick callback moves the list once a frame. */
typedef struct
{
  GtkAdjustment *adjustment;
  gboolean       drag;
  guint          frame;
  guint          n_frames;
  double         from;
} Scroll;

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  Scroll *scroll = user_data;
  double page = gtk_adjustment_get_page_size (scroll->adjustment);
  double end = gtk_adjustment_get_upper (scroll->adjustment) - page;

  if (scroll->frame++ >= scroll->n_frames)
    return G_SOURCE_REMOVE;

  if (scroll->drag)
    gtk_adjustment_set_value (scroll->adjustment, end * scroll->frame / scroll->n_frames);
  else
    gtk_adjustment_set_value (scroll->adjustment, scroll->from + scroll->frame * page / 2);
  return G_SOURCE_CONTINUE;
}

static void
run_scroll (GtkWidget *view,
            Scroll    *scroll)
{
  scroll->frame = 0;
  gtk_widget_add_tick_callback (view, scroll_tick_cb, scroll, NULL);
  while (scroll->frame <= scroll->n_frames)
    iterate (TRUE);
  frame_start = 0;
}

static void
measure_scrolling (GtkWidget     *view,
                   GtkAdjustment *adjustment)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) layouts = g_array_new (FALSE, FALSE, sizeof (double));
  Scroll scroll = { adjustment, FALSE, 0, 200, 0 };
  double end;

  for (guint i = 0; i < 3; i++)
    {
      end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      scroll.from = i == 0 ? 0 : i == 1 ? end / 2 : MAX (0, end - 100 * gtk_adjustment_get_page_size (adjustment));
      gtk_adjustment_set_value (adjustment, scroll.from);
      run_for (SETTLE_MS);
      /* Only the frames of the stretch, not the jump to it. */
      frame_ms = times;
      layout_ms = layouts;
      run_scroll (view, &scroll);
      frame_ms = NULL;
    }
  report_frames ("scroll", times);
  report_frames ("scroll_layout", layouts);

  gtk_adjustment_set_value (adjustment, 0);
  run_for (SETTLE_MS);

  g_array_set_size (times, 0);
  g_array_set_size (layouts, 0);
  scroll.drag = TRUE;
  scroll.n_frames = 240;
  frame_ms = times;
  layout_ms = layouts;
  run_scroll (view, &scroll);
  frame_ms = NULL;
  report_frames ("drag", times);
  report_frames ("drag_layout", layouts);

  gtk_adjustment_set_value (adjustment, 0);
  run_for (SETTLE_MS);
}

static void
measure_filter (GtkWidget   *sidebar,
                GtkListView *view)
{
  static const int statuses[] = { AMENDS_CASE_STATUS_RECOVERED, -1, AMENDS_CASE_STATUS_OPEN, -1 };
  gint64 worst = 0;
  double latencies[G_N_ELEMENTS (statuses)];

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      guint before = n_changes;
      gint64 started = g_get_monotonic_time ();

      gtk_widget_activate_action (sidebar, "sidebar.status", "i", statuses[i]);
      raise_to (&worst, g_get_monotonic_time () - started);
      latencies[i] = run_until_landed (before, started, &worst);
      if (g_getenv ("BENCH_APP_VERBOSE"))
        g_printerr ("filter %d: %u cases, latency %.1f ms, worst so far %.1f ms\n", statuses[i],
                    g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))),
                    latencies[i], worst / 1000.0);
    }

  qsort (latencies, G_N_ELEMENTS (latencies), sizeof (double), compare_doubles);
  report ("filter_stall_ms", worst / 1000.0);
  report ("filter_latency_ms", (latencies[1] + latencies[2]) / 2);
}

/* Types @text into @entry a key every 60 ms, as a quick typist, then
 * presses Enter (the search runs at once instead of after its delay). */
static void
measure_search (GtkWidget   *entry,
                GtkListView *view,
                const char  *text,
                const char  *name)
{
  g_autofree char *stall = g_strconcat ("search_", name, "_stall_ms", NULL);
  g_autofree char *latency_name = g_strconcat ("search_", name, "_latency_ms", NULL);
  gint64 worst = 0;
  gint64 started;
  guint before;
  double latency;

  gtk_widget_grab_focus (entry);
  for (const char *c = text; *c != '\0'; c++)
    {
      int position = -1;

      started = g_get_monotonic_time ();
      gtk_editable_insert_text (GTK_EDITABLE (entry), c, 1, &position);
      raise_to (&worst, g_get_monotonic_time () - started);
      raise_to (&worst, run_for (60));
    }

  before = n_changes;
  started = g_get_monotonic_time ();
  g_signal_emit_by_name (entry, "activate");
  raise_to (&worst, g_get_monotonic_time () - started);
  latency = run_until_landed (before, started, &worst);
  if (g_getenv ("BENCH_APP_VERBOSE"))
    g_printerr ("search %s: %u cases, latency %.1f ms\n", text,
                g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))), latency);

  report (stall, worst / 1000.0);
  report (latency_name, latency);

  /* Back to every case, as Escape does. */
  before = n_changes;
  started = g_get_monotonic_time ();
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "activate");
  run_until_landed (before, started, &worst);
}

static GtkSelectionModel *
select_row (GtkListView *view,
            guint        position)
{
  GtkSelectionModel *model = gtk_list_view_get_model (view);

  gtk_selection_model_select_item (model, position, TRUE);
  run_for (500);
  return model;
}

static gboolean
wants (const char *what)
{
  const char *only = g_getenv ("BENCH_APP_ONLY");

  return only == NULL || *only == '\0' || g_str_equal (only, what);
}

static void
measure_save (GtkWidget   *window,
              GtkListView *view)
{
  GtkWidget *editor;
  GtkWidget *summary;
  g_autofree char *text = NULL;
  gint64 started, worst;
  double flush_ms;

  select_row (view, 2);
  editor = amends_ui_test_find_child (window, NULL, AMENDS_TYPE_CASE_EDITOR);
  summary = editor ? amends_ui_test_find_child (editor, "summary_row", ADW_TYPE_ENTRY_ROW) : NULL;
  if (summary == NULL)
    {
      g_printerr ("bench-app: no case editor summary to type into\n");
      return;
    }

  /* As typed, saved by the editor's own timer a moment later; the list
   * shows the new summary. */
  text = g_strconcat (gtk_editable_get_text (GTK_EDITABLE (summary)), " (seen)", NULL);
  started = g_get_monotonic_time ();
  if (g_getenv ("BENCH_APP_VERBOSE"))
    g_printerr ("save: from %.6f s (monotonic)\n", started / 1e6);
  gtk_editable_set_text (GTK_EDITABLE (summary), text);
  worst = g_get_monotonic_time () - started;
  raise_to (&worst, run_for (1500));
  if (g_getenv ("BENCH_APP_VERBOSE"))
    g_printerr ("save: until %.6f s (monotonic)\n", g_get_monotonic_time () / 1e6);
  report ("save_stall_ms", worst / 1000.0);

  /* The write itself, as the window asks for it before a case changes. */
  g_free (text);
  text = g_strconcat (gtk_editable_get_text (GTK_EDITABLE (summary)), "!", NULL);
  gtk_editable_set_text (GTK_EDITABLE (summary), text);
  started = g_get_monotonic_time ();
  amends_case_editor_flush (AMENDS_CASE_EDITOR (editor), NULL);
  flush_ms = (g_get_monotonic_time () - started) / 1000.0;
  run_for (SETTLE_MS);
  report ("save_flush_ms", flush_ms);
}

static void
measure_trash (GtkWidget   *window,
               GtkListView *view)
{
  gint64 worst = 0;
  gint64 started;
  guint before;
  double latency;

  select_row (view, 5);
  before = n_changes;
  started = g_get_monotonic_time ();
  if (g_getenv ("BENCH_APP_VERBOSE"))
    g_printerr ("trash: from %.6f s (monotonic)\n", started / 1e6);
  gtk_widget_activate_action (window, "win.trash-cases", NULL);
  worst = g_get_monotonic_time () - started;
  latency = run_until_landed (before, started, &worst);
  report ("trash_stall_ms", worst / 1000.0);
  report ("trash_latency_ms", latency);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsApplication) app = NULL;
  g_autoptr(AmendsStore) store = NULL;
  AmendsWindow *window;
  GtkWidget *sidebar;
  GtkWidget *view;
  GtkWidget *scrolled;
  GtkWidget *entry;
  GdkFrameClock *clock;
  struct rusage usage;
  gint64 worst = 0;

  program_start = g_get_monotonic_time ();
  main_thread = g_thread_self ();
  sqlite3_auto_extension ((void (*) (void)) trace_connection);
  if (argc < 2)
    {
      g_printerr ("usage: %s PATH\n", argv[0]);
      return 2;
    }

  /* Never the user's own settings. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();
  real_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timed_poll);

  app = amends_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error) ||
      !(store = amends_store_open_full (argv[1], AMENDS_STORE_OPEN_CHECK_LATER, &error)))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }
  amends_application_set_store (app, store);

  window = amends_window_new (GTK_APPLICATION (app), store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  sidebar = amends_ui_test_find_child (GTK_WIDGET (window), NULL, AMENDS_TYPE_CASE_SIDEBAR);
  view = amends_ui_test_find_child (sidebar, NULL, GTK_TYPE_LIST_VIEW);
  entry = amends_ui_test_find_child (sidebar, NULL, GTK_TYPE_SEARCH_ENTRY);
  scrolled = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  g_signal_connect (view, "notify::model", G_CALLBACK (on_model_notify_cb), NULL);
  if (gtk_list_view_get_model (GTK_LIST_VIEW (view)) != NULL)
    g_signal_connect (gtk_list_view_get_model (GTK_LIST_VIEW (view)), "items-changed",
                      G_CALLBACK (on_items_changed_cb), NULL);

  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), NULL);
  g_signal_connect_after (clock, "layout", G_CALLBACK (on_layout_cb), NULL);
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);

  /* The first frame with the list filled. */
  while (TRUE)
    {
      GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)));
      guint frames = n_frames;

      if (model != NULL && g_list_model_get_n_items (model) > 0)
        {
          while (n_frames == frames)
            iterate (TRUE);
          break;
        }
      iterate (TRUE);
    }
  report ("first_list_ms", (last_frame_end - program_start) / 1000.0);
  report ("main_sql_worst_startup_ms", main_sql_worst_ns / 1e6);
  main_sql_worst_ns = 0;
  report ("cases", g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)))));

  /* As the application does after its first frame: the integrity check,
   * which writes wait for.  What follows is timed once it is done. */
  {
    gint64 started = g_get_monotonic_time ();

    amends_store_check_integrity (store);
    while (amends_store_get_checking (store))
      raise_to (&worst, iterate (TRUE));
    report ("integrity_check_ms", (g_get_monotonic_time () - started) / 1000.0);
    raise_to (&worst, run_for (1000));
    report ("idle_after_start_worst_ms", worst / 1000.0);
  }

  /* BENCH_APP_ONLY=save (or scroll, filter, search, trash) times one
   * thing, for a profiler to look at it alone. */
  if (wants ("scroll"))
    measure_scrolling (view, gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)));
  if (wants ("filter"))
    measure_filter (sidebar, GTK_LIST_VIEW (view));
  if (wants ("search"))
    {
      measure_search (entry, GTK_LIST_VIEW (view), "soup", "common");
      measure_search (entry, GTK_LIST_VIEW (view), "harpsichord", "rare");
    }
  if (wants ("save"))
    measure_save (GTK_WIDGET (window), GTK_LIST_VIEW (view));
  if (wants ("trash"))
    measure_trash (GTK_WIDGET (window), GTK_LIST_VIEW (view));

  report ("main_sql_worst_ms", main_sql_worst_ns / 1e6);
  getrusage (RUSAGE_SELF, &usage);
  report ("peak_rss_kib", usage.ru_maxrss);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
