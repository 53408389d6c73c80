/* bench-filter-change.c: how long a filter change holds the main thread
 *
 *   bench-filter-change PATH [ROUNDS]
 *
 * opens the case sidebar on the database at PATH (make one with
 * generate-cases), waits for the list, then switches the status filter
 * between "Recovered" and "Any" ROUNDS times (5 by default).  For each
 * change it prints the iteration in which the new list landed, and the
 * longest single main-loop iteration from the change until the list has
 * landed and been drawn: the stall a person feels.  The
 * time the loop spends waiting in poll() (while the query runs on its own
 * thread) is not counted.
 *
 * Then it searches for a few words, as typed into the search entry and
 * sent at once (Enter), each from the list without a search, and prints
 * how long the new list took to land, and the worst iteration; then it
 * saves an edit to the selected case and prints how long the save held the
 * main thread, and how long until the list had caught up.
 *
 * Built with the tests; from the top of the tree:
 *
 *   _build/tests/generate-cases 1000000 /tmp/cases.db
 *   GSETTINGS_SCHEMA_DIR=_build/resources GSETTINGS_BACKEND=memory \
 *   GTK_A11Y=none GSK_RENDERER=cairo \
 *     xvfb-run -a _build/tests/bench-filter-change /tmp/cases.db
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <adwaita.h>

#include "amends-case-sidebar.h"
#include "amends-enums.h"
#include "amends-store.h"

static GPollFunc real_poll;
static gint64 polled_us;

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

static guint n_changes;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    user_data)
{
  n_changes++;
}

static void
on_model_notify_cb (GtkListView *view,
                    GParamSpec  *pspec,
                    gpointer     user_data)
{
  n_changes++;
  g_signal_connect (gtk_list_view_get_model (view), "items-changed",
                    G_CALLBACK (on_items_changed_cb), NULL);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Runs the loop until a new list has landed (@before changes) and has
 * been drawn; returns the longest iteration, without time in poll(). */
static double
run_until_landed (guint   before,
                  double *landing_ms)
{
  gint64 worst = 0;
  gint64 settle_until = 0;

  while (TRUE)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 polled_before = polled_us;
      gint64 busy;

      g_main_context_iteration (NULL, settle_until == 0);
      busy = (g_get_monotonic_time () - start) - (polled_us - polled_before);
      worst = MAX (worst, busy);

      if (settle_until == 0 && n_changes != before)
        {
          *landing_ms = busy / 1000.0;
          settle_until = g_get_monotonic_time () + 300 * G_TIME_SPAN_MILLISECOND;
        }
      if (settle_until != 0 && g_get_monotonic_time () > settle_until)
        break;
    }

  return worst / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsStore) store = NULL;
  GtkWidget *window;
  GtkWidget *sidebar;
  GtkListView *view;
  GtkSelectionModel *first_model;
  int rounds = argc > 2 ? atoi (argv[2]) : 5;
  double first, landing = 0;

  if (argc < 2)
    {
      g_printerr ("usage: %s PATH [ROUNDS]\n", argv[0]);
      return 2;
    }

  adw_init ();
  real_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timed_poll);

  store = amends_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 900);
  sidebar = g_object_new (AMENDS_TYPE_CASE_SIDEBAR, NULL);
  gtk_window_set_child (GTK_WINDOW (window), sidebar);
  view = GTK_LIST_VIEW (find_widget (sidebar, GTK_TYPE_LIST_VIEW));
  g_signal_connect (view, "notify::model", G_CALLBACK (on_model_notify_cb), NULL);
  if (gtk_list_view_get_model (view) != NULL)
    g_signal_connect (gtk_list_view_get_model (view), "items-changed",
                      G_CALLBACK (on_items_changed_cb), NULL);

  g_object_set (sidebar, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  first = run_until_landed (n_changes, &landing);
  first_model = gtk_list_view_get_model (view);
  g_print ("first list: %u cases, worst iteration %.1f ms\n",
           g_list_model_get_n_items (G_LIST_MODEL (first_model)), first);

  /* A case selected, as at the desk: it is looked for in each new list. */
  gtk_selection_model_select_item (first_model, 3, TRUE);

  for (int i = 0; i < rounds; i++)
    {
      int status = i % 2 == 0 ? AMENDS_CASE_STATUS_RECOVERED : -1;
      guint before = n_changes;
      double worst;

      gtk_widget_activate_action (sidebar, "sidebar.status", "i", status);
      worst = run_until_landed (before, &landing);
      g_print ("filter %-9s %7u cases: landing %6.1f ms, worst iteration %6.1f ms, %s model\n",
               status < 0 ? "any" : "recovered",
               g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))),
               landing, worst,
               gtk_list_view_get_model (view) == first_model ? "same" : "new");
    }

  gtk_widget_activate_action (sidebar, "sidebar.status", "i", -1);
  run_until_landed (n_changes, &landing);

  for (int i = 0; i < rounds; i++)
    {
      static const char *words[] = { "l", "lapel", "room", "12345" };
      GtkWidget *entry = find_widget (sidebar, GTK_TYPE_SEARCH_ENTRY);

      for (guint w = 0; w < G_N_ELEMENTS (words); w++)
        {
          guint before = n_changes;
          gint64 start;
          double worst, took;

          gtk_editable_set_text (GTK_EDITABLE (entry), words[w]);
          start = g_get_monotonic_time ();
          g_signal_emit_by_name (entry, "activate");
          worst = run_until_landed (before, &landing);
          took = (g_get_monotonic_time () - start) / 1000.0 - 300;
          g_print ("search %-6s %7u cases: landed after %6.1f ms, worst iteration %6.1f ms\n",
                   words[w], g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))),
                   took, worst);

          before = n_changes;
          gtk_editable_set_text (GTK_EDITABLE (entry), "");
          g_signal_emit_by_name (entry, "activate");
          run_until_landed (before, &landing);
        }
    }

  /* An edit saved with the list open: the commit, then the refresh. */
  for (int i = 0; i < rounds; i++)
    {
      g_autoptr(AmendsCase) kase = NULL;
      gint64 start;
      double save_ms;
      gboolean busy = TRUE;

      gtk_selection_model_select_item (first_model, 3, TRUE);
      kase = amends_store_load (store, AMENDS_TYPE_CASE,
                                amends_record_get_id (AMENDS_RECORD (amends_case_sidebar_get_selected_case (AMENDS_CASE_SIDEBAR (sidebar)))),
                                NULL);
      amends_case_set_summary (kase, i % 2 ? "Lapel pin missing" : "Lapel pin missing, twice");
      start = g_get_monotonic_time ();
      amends_store_update (store, AMENDS_RECORD (kase), NULL);
      save_ms = (g_get_monotonic_time () - start) / 1000.0;
      while (busy)
        {
          g_main_context_iteration (NULL, TRUE);
          g_object_get (sidebar, "busy", &busy, NULL);
        }
      g_print ("save: held the main thread %5.1f ms, list caught up after %6.1f ms\n",
               save_ms, (g_get_monotonic_time () - start) / 1000.0);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
