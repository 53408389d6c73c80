/* test-ui-measures.c: the Measures dashboard, as a manager reads it
 *
 * A real store on a temporary file with the clock stopped on Wednesday
 * 18 November 2026, 10:00 UTC (week 47, 16–22 Nov).  The cases of week 47,
 * worked out by hand (owner, category, what happened):
 *
 *   pins    Ada    Noise    Mon 09:00, recovered 3 h later, closed, blown away
 *   towels  Ada    Noise    Mon 10:00, recovered 10 h later, closed, satisfied
 *   bill    Bilal  Billing  Mon 11:00, recovered 21 h later (not closed)
 *   lift    Bilal  Noise    Mon 08:00, recovered 48 h later (late), closed, blown away
 *   refund  nobody Billing  Mon 12:00, still open: overdue since Tue 12:00
 *   wifi    Ada    Wi-Fi    Wed 06:00, still open, due Thu: pending; staff noticed
 *
 * so recovered within 24 h is 3 of 5 (60 %, the pending one left out),
 * blown away 2 of 3 closed (67 %); one overdue, one unowned, one pending,
 * six cases.  Week 46 has one case, recovered in time and blown away:
 * 100 % both, so week 47 is 40 and 33 points down.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-ui-test-utils.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>

#include "amends-demo.h"
#include "amends-headline-card.h"
#include "amends-measure-tile.h"
#include "amends-measures-table.h"
#include "amends-measures-view.h"
#include "amends-test-utils.h"
#include "amends-trend-chart.h"

typedef struct
{
  AmendsTestDb        db;
  gint64              ada_id;
  gint64              bilal_id;
  gint64              refund_id;
  GtkWindow          *window;
  AmendsMeasuresView *view;
} Fixture;

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static gint64
add_case (Fixture        *f,
          const char     *summary,
          const char     *occurred_at,
          int             hours_to_recovery,   /* -1: still open */
          gboolean        closed,
          AmendsReaction  reaction,
          gint64          owner_id,
          const char     *category)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCase) kase = amends_case_new ();
  g_autoptr(GDateTime) occurred = amends_test_time (occurred_at);

  g_object_set (kase,
                "summary", summary,
                "occurred-at", occurred,
                "owner-id", owner_id,
                "category", category,
                NULL);

  if (hours_to_recovery >= 0)
    {
      g_autoptr(GDateTime) recovered = g_date_time_add_hours (occurred, hours_to_recovery);
      g_autoptr(GDateTime) closed_at = g_date_time_add_hours (recovered, 1);

      g_object_set (kase,
                    "status", closed ? AMENDS_CASE_STATUS_CLOSED : AMENDS_CASE_STATUS_RECOVERED,
                    "recovered-at", recovered,
                    "fix", "Put right",
                    "reaction", reaction,
                    "surprise-cost-cents", (gint64) 1250,
                    NULL);
      if (closed)
        g_object_set (kase, "closed-at", closed_at, NULL);
    }

  amends_store_insert (f->db.store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  return amends_record_get_id (AMENDS_RECORD (kase));
}

static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* The view measures in a worker thread: runs the main loop until its
 * figures are those of the period and the cases as they are.  The limit
 * only keeps a broken build from hanging; it asserts nothing about time. */
static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
wait_for_figures (AmendsMeasuresView *view)
{
  gint64 give_up = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (20, wake_cb, NULL);

  while (!amends_measures_view_get_up_to_date (view) && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  amends_ui_test_drain ();
  g_assert_true (amends_measures_view_get_up_to_date (view));
}

static void
open_view (Fixture *f,
           int      width,
           int      height)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_set_default_size (f->window, width, height);

  f->view = AMENDS_MEASURES_VIEW (amends_measures_view_new ());
  g_object_add_weak_pointer (G_OBJECT (f->view), (gpointer *) &f->view);
  amends_measures_view_set_store (f->view, f->db.store);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));

  gtk_window_present (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();
  wait_for_figures (f->view);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(AmendsStaff) ada = NULL;
  g_autoptr(AmendsStaff) bilal = NULL;
  g_autoptr(AmendsCase) wifi = NULL;
  g_autoptr(GError) error = NULL;
  gint64 wifi_id;

  amends_test_db_setup (&f->db, data);
  ada = amends_test_add_staff (f->db.store, "Ada Moreau");
  bilal = amends_test_add_staff (f->db.store, "Bilal Khan");
  f->ada_id = amends_record_get_id (AMENDS_RECORD (ada));
  f->bilal_id = amends_record_get_id (AMENDS_RECORD (bilal));

  add_case (f, "Noisy room on the wedding night", "2026-11-16T09:00:00Z", 3, TRUE,
            AMENDS_REACTION_BLOWN_AWAY, f->ada_id, "Noise");
  add_case (f, "No towels after check-in", "2026-11-16T10:00:00Z", 10, TRUE,
            AMENDS_REACTION_SATISFIED, f->ada_id, "Noise");
  add_case (f, "Minibar charged twice", "2026-11-16T11:00:00Z", 21, FALSE,
            AMENDS_REACTION_UNKNOWN, f->bilal_id, "Billing");
  add_case (f, "Lift out of order", "2026-11-16T08:00:00Z", 48, TRUE,
            AMENDS_REACTION_BLOWN_AWAY, f->bilal_id, "Noise");
  f->refund_id = add_case (f, "Deposit not refunded", "2026-11-16T12:00:00Z", -1, FALSE,
                           AMENDS_REACTION_UNKNOWN, 0, "Billing");
  wifi_id = add_case (f, "Wi-Fi down in the east wing", "2026-11-18T06:00:00Z", -1, FALSE,
                      AMENDS_REACTION_UNKNOWN, f->ada_id, "Wi-Fi");

  wifi = amends_store_load (f->db.store, AMENDS_TYPE_CASE, wifi_id, &error);
  g_assert_no_error (error);
  g_object_set (wifi, "noticed-by", AMENDS_NOTICED_BY_STAFF, NULL);
  amends_store_update (f->db.store, AMENDS_RECORD (wifi), &error);
  g_assert_no_error (error);

  /* Week 46: one case, recovered in time, blown away. */
  add_case (f, "Breakfast served cold", "2026-11-10T10:00:00Z", 2, TRUE,
            AMENDS_REACTION_BLOWN_AWAY, f->ada_id, "Food");

  open_view (f, 1100, 900);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  amends_ui_test_drain ();
  g_assert_null (f->window);
  g_assert_null (f->view);

  amends_test_db_teardown (&f->db, data);
}

static void
test_headlines (Fixture       *f,
                gconstpointer  data)
{
  AmendsMeasuresView *v = f->view;

  g_assert_cmpstr (amends_measures_view_get_period_text (v), ==, "Week 47 · 16–22 Nov 2026");

  g_assert_cmpstr (amends_headline_card_get_figure (amends_measures_view_get_headline (v, AMENDS_MEASURES_HEADLINE_RECOVERED_WITHIN)), ==, "60 %");
  g_assert_cmpstr (amends_headline_card_get_target (amends_measures_view_get_headline (v, AMENDS_MEASURES_HEADLINE_RECOVERED_WITHIN)), ==,
                   "Target 90 % · 30 points short");
  g_assert_false (amends_headline_card_get_met (amends_measures_view_get_headline (v, AMENDS_MEASURES_HEADLINE_RECOVERED_WITHIN)));
  g_assert_cmpstr (amends_headline_card_get_change (amends_measures_view_get_headline (v, AMENDS_MEASURES_HEADLINE_RECOVERED_WITHIN)), ==,
                   "▼ 40 points");

  g_assert_cmpstr (amends_headline_card_get_figure (amends_measures_view_get_headline (v, AMENDS_MEASURES_HEADLINE_BLOWN_AWAY)), ==, "67 %");
  g_assert_cmpstr (amends_headline_card_get_target (amends_measures_view_get_headline (v, AMENDS_MEASURES_HEADLINE_BLOWN_AWAY)), ==,
                   "Target 50 % · met");
  g_assert_true (amends_headline_card_get_met (amends_measures_view_get_headline (v, AMENDS_MEASURES_HEADLINE_BLOWN_AWAY)));
  g_assert_cmpstr (amends_headline_card_get_change (amends_measures_view_get_headline (v, AMENDS_MEASURES_HEADLINE_BLOWN_AWAY)), ==,
                   "▼ 33 points");

  /* Nothing silently dropped: the Wi-Fi case (due tomorrow) is still on
   * its clock; of the four recovered this week, the minibar's reaction
   * was not recorded. */
  g_assert_cmpstr (amends_headline_card_get_basis (amends_measures_view_get_headline (v, AMENDS_MEASURES_HEADLINE_RECOVERED_WITHIN)), ==,
                   "3 of 5 cases; 1 still within its clock");
  g_assert_cmpstr (amends_headline_card_get_basis (amends_measures_view_get_headline (v, AMENDS_MEASURES_HEADLINE_BLOWN_AWAY)), ==,
                   "2 of 3 cases; reaction not recorded: 1 of 4");
}

static void
test_tiles (Fixture       *f,
            gconstpointer  data)
{
  AmendsMeasuresView *v = f->view;

  g_assert_cmpstr (amends_measure_tile_get_text (amends_measures_view_get_tile (v, AMENDS_MEASURES_TILE_CASES)), ==, "6");
  g_assert_cmpstr (amends_measure_tile_get_text (amends_measures_view_get_tile (v, AMENDS_MEASURES_TILE_OPEN)), ==, "2");
  g_assert_cmpstr (amends_measure_tile_get_text (amends_measures_view_get_tile (v, AMENDS_MEASURES_TILE_OVERDUE)), ==, "1");
  g_assert_cmpstr (amends_measure_tile_get_text (amends_measures_view_get_tile (v, AMENDS_MEASURES_TILE_UNOWNED)), ==, "1");
  g_assert_cmpstr (amends_measure_tile_get_text (amends_measures_view_get_tile (v, AMENDS_MEASURES_TILE_PENDING)), ==, "1");
  /* One of six noticed by staff first. */
  g_assert_cmpstr (amends_measure_tile_get_text (amends_measures_view_get_tile (v, AMENDS_MEASURES_TILE_PROACTIVE)), ==, "17 %");
  /* Four recovered in the period, 12.50 each. */
  g_assert_cmpstr (amends_measure_tile_get_text (amends_measures_view_get_tile (v, AMENDS_MEASURES_TILE_SURPRISE_SPEND)), ==, "EUR 50.00");
  g_assert_cmpstr (amends_measure_tile_get_text (amends_measures_view_get_tile (v, AMENDS_MEASURES_TILE_RULE_BENDS)), ==, "0");
  g_assert_cmpstr (amends_measure_tile_get_text (amends_measures_view_get_tile (v, AMENDS_MEASURES_TILE_MEDIAN)), !=, "—");
  g_assert_cmpstr (amends_measure_tile_get_text (amends_measures_view_get_tile (v, AMENDS_MEASURES_TILE_P90)), ==, "2 d");
  g_assert_cmpstr (amends_measure_tile_get_caption (amends_measures_view_get_tile (v, AMENDS_MEASURES_TILE_OPEN)), ==, "Open now");

  /* Week 46 is over: its open cases are counted as it ended.  Only the
   * cold breakfast happened then, recovered in 2 h: none was open. */
  {
    g_autoptr(GDateTime) from = amends_test_time ("2026-11-09T00:00:00Z");
    g_autoptr(GDateTime) until = amends_test_time ("2026-11-16T00:00:00Z");

    amends_measures_view_set_period (v, from, until);
    wait_for_figures (v);
    g_assert_cmpstr (amends_measure_tile_get_caption (amends_measures_view_get_tile (v, AMENDS_MEASURES_TILE_OPEN)), ==, "Open as it ended");
    g_assert_cmpstr (amends_measure_tile_get_caption (amends_measures_view_get_tile (v, AMENDS_MEASURES_TILE_OVERDUE)), ==, "Overdue as it ended");
    g_assert_cmpstr (amends_measure_tile_get_text (amends_measures_view_get_tile (v, AMENDS_MEASURES_TILE_OPEN)), ==, "0");
    g_assert_cmpstr (amends_measure_tile_get_text (amends_measures_view_get_tile (v, AMENDS_MEASURES_TILE_OVERDUE)), ==, "0");
  }
}

static void
test_tables (Fixture       *f,
             gconstpointer  data)
{
  AmendsMeasuresView *v = f->view;
  g_autofree char *first = NULL;
  g_autofree char *category = NULL;
  g_auto(GStrv) cells = NULL;
  gboolean seen_ada = FALSE, seen_bilal = FALSE, seen_unowned = FALSE;

  /* Ada (pins, towels, wifi), Bilal (bill, lift), nobody (refund). */
  g_assert_cmpuint (amends_measures_table_get_n_rows (amends_measures_view_get_table (v, AMENDS_MEASURE_BY_OWNER)), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *row = amends_measures_table_dup_row_text (amends_measures_view_get_table (v, AMENDS_MEASURE_BY_OWNER), i);
      g_auto(GStrv) c = g_strsplit (row, "\t", -1);

      g_assert_cmpuint (g_strv_length (c), ==, 6);
      /* No targets kept in the file: every case had the desk's 24 h. */
      g_assert_cmpstr (c[5], ==, "24 h");
      if (g_str_equal (c[0], "Ada Moreau"))
        {
          /* Both recovered in time; wifi is pending.  One of two closed
           * blown away. */
          g_assert_cmpstr (c[1], ==, "3");
          g_assert_cmpstr (c[2], ==, "100 %");
          g_assert_cmpstr (c[3], ==, "50 %");
          seen_ada = TRUE;
        }
      else if (g_str_equal (c[0], "Bilal Khan"))
        {
          g_assert_cmpstr (c[1], ==, "2");
          g_assert_cmpstr (c[2], ==, "50 %");
          g_assert_cmpstr (c[3], ==, "100 %");
          seen_bilal = TRUE;
        }
      else if (g_str_equal (c[0], "Unowned"))
        {
          g_assert_cmpstr (c[1], ==, "1");
          g_assert_cmpstr (c[2], ==, "0 %");
          g_assert_cmpstr (c[3], ==, "—");
          seen_unowned = TRUE;
        }
    }
  g_assert_true (seen_ada && seen_bilal && seen_unowned);
  g_assert_null (amends_measures_table_dup_row_text (amends_measures_view_get_table (v, AMENDS_MEASURE_BY_OWNER), 3));

  /* The category that recurs most comes first. */
  g_assert_cmpuint (amends_measures_table_get_n_rows (amends_measures_view_get_table (v, AMENDS_MEASURE_BY_CATEGORY)), ==, 3);
  category = amends_measures_table_dup_row_text (amends_measures_view_get_table (v, AMENDS_MEASURE_BY_CATEGORY), 0);
  cells = g_strsplit (category, "\t", -1);
  g_assert_cmpstr (cells[0], ==, "Noise");
  g_assert_cmpstr (cells[1], ==, "3");

  /* No case names a team: one line for them all. */
  g_assert_cmpuint (amends_measures_table_get_n_rows (amends_measures_view_get_table (v, AMENDS_MEASURE_BY_TEAM)), ==, 1);
  {
    g_autofree char *team = amends_measures_table_dup_row_text (amends_measures_view_get_table (v, AMENDS_MEASURE_BY_TEAM), 0);
    g_auto(GStrv) team_cells = g_strsplit (team, "\t", -1);

    g_assert_cmpstr (team_cells[0], ==, "No team");
    g_assert_cmpstr (team_cells[1], ==, "6");
  }
}

static void
test_follows_the_store (Fixture       *f,
                        gconstpointer  data)
{
  AmendsMeasuresView *v = f->view;
  g_autoptr(AmendsCase) refund = NULL;
  g_autoptr(GDateTime) recovered = amends_test_time ("2026-11-17T10:00:00Z");
  g_autoptr(GError) error = NULL;

  refund = amends_store_load (f->db.store, AMENDS_TYPE_CASE, f->refund_id, &error);
  g_assert_no_error (error);
  g_object_set (refund,
                "status", AMENDS_CASE_STATUS_RECOVERED,
                "recovered-at", recovered,
                "fix", "Put right",
                "owner-id", f->bilal_id,
                NULL);
  amends_store_update (f->db.store, AMENDS_RECORD (refund), &error);
  g_assert_no_error (error);
  wait_for_figures (v);

  /* Recovered 22 h after: 4 of 5 in time now, nothing overdue or unowned. */
  g_assert_cmpstr (amends_headline_card_get_figure (amends_measures_view_get_headline (v, AMENDS_MEASURES_HEADLINE_RECOVERED_WITHIN)), ==, "80 %");
  g_assert_cmpstr (amends_headline_card_get_target (amends_measures_view_get_headline (v, AMENDS_MEASURES_HEADLINE_RECOVERED_WITHIN)), ==,
                   "Target 90 % · 10 points short");
  g_assert_cmpstr (amends_measure_tile_get_text (amends_measures_view_get_tile (v, AMENDS_MEASURES_TILE_OVERDUE)), ==, "0");
  g_assert_cmpstr (amends_measure_tile_get_text (amends_measures_view_get_tile (v, AMENDS_MEASURES_TILE_UNOWNED)), ==, "0");
  g_assert_cmpuint (amends_measures_table_get_n_rows (amends_measures_view_get_table (v, AMENDS_MEASURE_BY_OWNER)), ==, 2);
}

static void
test_follows_the_targets (Fixture       *f,
                          gconstpointer  data)
{
  AmendsMeasuresView *v = f->view;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_int (settings, "target-recovered-within", 60);
  g_settings_set_string (settings, "currency", "GBP");
  wait_for_figures (v);

  g_assert_cmpstr (amends_headline_card_get_target (amends_measures_view_get_headline (v, AMENDS_MEASURES_HEADLINE_RECOVERED_WITHIN)), ==,
                   "Target 60 % · met");
  g_assert_true (amends_headline_card_get_met (amends_measures_view_get_headline (v, AMENDS_MEASURES_HEADLINE_RECOVERED_WITHIN)));
  g_assert_cmpstr (amends_measure_tile_get_text (amends_measures_view_get_tile (v, AMENDS_MEASURES_TILE_SURPRISE_SPEND)), ==, "GBP 50.00");

  g_settings_reset (settings, "target-recovered-within");
  g_settings_reset (settings, "currency");
  wait_for_figures (v);
}

static void
test_periods (Fixture       *f,
              gconstpointer  data)
{
  AmendsMeasuresView *v = f->view;
  GtkWidget *widget = GTK_WIDGET (v);

  /* No looking into next week. */
  gtk_widget_activate_action (widget, "measures.next", NULL);
  g_assert_cmpstr (amends_measures_view_get_period_text (v), ==, "Week 47 · 16–22 Nov 2026");

  g_assert_true (gtk_widget_activate_action (widget, "measures.previous", NULL));
  wait_for_figures (v);
  g_assert_cmpstr (amends_measures_view_get_period_text (v), ==, "Week 46 · 9–15 Nov 2026");
  g_assert_cmpstr (amends_headline_card_get_figure (amends_measures_view_get_headline (v, AMENDS_MEASURES_HEADLINE_RECOVERED_WITHIN)), ==, "100 %");
  g_assert_cmpstr (amends_measure_tile_get_text (amends_measures_view_get_tile (v, AMENDS_MEASURES_TILE_CASES)), ==, "1");
  /* Nothing happened in week 45 to compare with. */
  g_assert_cmpstr (amends_headline_card_get_change (amends_measures_view_get_headline (v, AMENDS_MEASURES_HEADLINE_RECOVERED_WITHIN)), ==, "");

  g_assert_true (gtk_widget_activate_action (widget, "measures.next", NULL));
  wait_for_figures (v);
  g_assert_cmpstr (amends_measures_view_get_period_text (v), ==, "Week 47 · 16–22 Nov 2026");

  g_assert_true (gtk_widget_activate_action (widget, "measures.period", "s", "last-4-weeks"));
  wait_for_figures (v);
  g_assert_cmpstr (amends_measures_view_get_period_text (v), ==, "Weeks 44–47 · 26 Oct – 22 Nov 2026");
  g_assert_cmpstr (amends_measure_tile_get_text (amends_measures_view_get_tile (v, AMENDS_MEASURES_TILE_CASES)), ==, "7");

  g_assert_true (gtk_widget_activate_action (widget, "measures.period", "s", "this-year"));
  g_assert_cmpstr (amends_measures_view_get_period_text (v), ==, "2026");
  g_assert_true (gtk_widget_activate_action (widget, "measures.previous", NULL));
  wait_for_figures (v);
  g_assert_cmpstr (amends_measures_view_get_period_text (v), ==, "2025");
  g_assert_cmpstr (amends_headline_card_get_figure (amends_measures_view_get_headline (v, AMENDS_MEASURES_HEADLINE_RECOVERED_WITHIN)), ==, "—");

  g_assert_true (gtk_widget_activate_action (widget, "measures.period", "s", "last-week"));
  g_assert_cmpstr (amends_measures_view_get_period_text (v), ==, "Week 46 · 9–15 Nov 2026");
}

static void
test_set_period (Fixture       *f,
                 gconstpointer  data)
{
  AmendsMeasuresView *v = f->view;
  g_autoptr(GDateTime) from = amends_test_time ("2026-12-28T00:00:00Z");
  g_autoptr(GDateTime) until = amends_test_time ("2027-01-04T00:00:00Z");
  g_autoptr(GDateTime) odd_from = amends_test_time ("2026-11-16T12:00:00Z");
  g_autoptr(GDateTime) odd_until = amends_test_time ("2026-11-17T12:00:00Z");

  amends_measures_view_set_period (v, from, until);
  g_assert_cmpstr (amends_measures_view_get_period_text (v), ==, "Week 53 · 28 Dec 2026 – 3 Jan 2027");
  g_assert_true (g_date_time_equal (amends_measures_view_get_from (v), from));
  g_assert_true (g_date_time_equal (amends_measures_view_get_until (v), until));

  /* Any span: previous moves by as much. */
  amends_measures_view_set_period (v, odd_from, odd_until);
  g_assert_cmpstr (amends_measures_view_get_period_text (v), ==, "16–17 Nov 2026");
  gtk_widget_activate_action (GTK_WIDGET (v), "measures.previous", NULL);
  g_assert_cmpstr (amends_measures_view_get_period_text (v), ==, "15–16 Nov 2026");
}

static void
test_trend_chart (Fixture       *f,
                  gconstpointer  data)
{
  AmendsTrendChart *chart = amends_measures_view_get_trend_chart (f->view);
  const char *summary;

  g_assert_cmpuint (amends_trend_chart_get_n_weeks (chart), ==, 8);
  /* Weeks 46 and 47 have both measures; the six before, nothing. */
  g_assert_cmpuint (amends_trend_chart_get_n_points (chart), ==, 4);

  summary = amends_trend_chart_get_summary (chart);
  g_assert_nonnull (strstr (summary, "Recovered within 24 h: from 100 % in W46 to 60 % in W47."));
  g_assert_nonnull (strstr (summary, "Target 90 %."));
  g_assert_nonnull (strstr (summary, "Blown away: from 100 % in W46 to 67 % in W47."));
}

static void
test_nothing_to_measure (void)
{
  Fixture f = { 0 };
  AmendsTrendChart *chart;

  amends_test_db_setup (&f.db, NULL);
  open_view (&f, 900, 700);

  g_assert_cmpstr (amends_headline_card_get_figure (amends_measures_view_get_headline (f.view, AMENDS_MEASURES_HEADLINE_RECOVERED_WITHIN)), ==, "—");
  g_assert_cmpstr (amends_headline_card_get_figure (amends_measures_view_get_headline (f.view, AMENDS_MEASURES_HEADLINE_BLOWN_AWAY)), ==, "—");
  g_assert_cmpstr (amends_headline_card_get_target (amends_measures_view_get_headline (f.view, AMENDS_MEASURES_HEADLINE_BLOWN_AWAY)), ==, "Target 50 %");
  g_assert_cmpstr (amends_measure_tile_get_text (amends_measures_view_get_tile (f.view, AMENDS_MEASURES_TILE_MEDIAN)), ==, "—");
  g_assert_cmpstr (amends_measure_tile_get_text (amends_measures_view_get_tile (f.view, AMENDS_MEASURES_TILE_SURPRISE_SPEND)), ==, "EUR 0.00");
  g_assert_cmpuint (amends_measures_table_get_n_rows (amends_measures_view_get_table (f.view, AMENDS_MEASURE_BY_OWNER)), ==, 0);

  chart = amends_measures_view_get_trend_chart (f.view);
  g_assert_cmpuint (amends_trend_chart_get_n_weeks (chart), ==, 8);
  g_assert_cmpuint (amends_trend_chart_get_n_points (chart), ==, 0);

  fixture_teardown (&f, NULL);
}

static void
test_screenshot (void)
{
  const char *dir = amends_ui_test_screenshot_dir ();
  g_autoptr(GDateTime) now = amends_test_time ("2026-11-18T10:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkAdjustment *adjustment;
  Fixture f = { 0 };

  f.db.dir = amends_test_make_dir ();
  f.db.path = g_build_filename (f.db.dir, "demo.db", NULL);
  f.db.store = amends_store_open (f.db.path, &error);
  g_assert_no_error (error);
  amends_store_set_fixed_now (f.db.store, now);
  amends_demo_populate (f.db.store, now, &error);
  g_assert_no_error (error);

  /* Tall enough to show the whole page at once. */
  open_view (&f, 1100, 1700);
  path = g_build_filename (dir, "measures.png", NULL);
  amends_ui_test_save_png (GTK_WIDGET (f.window), path);
  g_clear_pointer (&path, g_free);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
  amends_ui_test_drain ();
  path = g_build_filename (dir, "measures-dark.png", NULL);
  amends_ui_test_save_png (GTK_WIDGET (f.window), path);
  g_clear_pointer (&path, g_free);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* The tables, at the bottom of the page. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (find_child (GTK_WIDGET (f.view), GTK_TYPE_SCROLLED_WINDOW)));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
  amends_ui_test_drain ();
  path = g_build_filename (dir, "measures-tables.png", NULL);
  amends_ui_test_save_png (GTK_WIDGET (f.window), path);
  g_clear_pointer (&path, g_free);

  gtk_window_destroy (f.window);
  amends_ui_test_drain ();

  /* A narrow window, as on a laptop beside the case list. */
  open_view (&f, 640, 900);
  path = g_build_filename (dir, "measures-narrow.png", NULL);
  amends_ui_test_save_png (GTK_WIDGET (f.window), path);
  g_clear_pointer (&path, g_free);
  gtk_window_destroy (f.window);
  amends_ui_test_drain ();
  g_assert_finalize_object (f.db.store);

  /* Nothing logged yet. */
  path = g_build_filename (f.db.dir, "empty.db", NULL);
  f.db.store = amends_store_open (path, &error);
  g_assert_no_error (error);
  amends_store_set_fixed_now (f.db.store, now);
  g_clear_pointer (&path, g_free);
  open_view (&f, 1100, 1200);
  path = g_build_filename (dir, "measures-empty.png", NULL);
  amends_ui_test_save_png (GTK_WIDGET (f.window), path);
  gtk_window_destroy (f.window);
  amends_ui_test_drain ();
  g_assert_finalize_object (f.db.store);

  amends_test_remove_dir (f.db.dir);
  g_free (f.db.path);
  g_free (f.db.dir);
}

/* A period without a case says so in one line, in place of the cards and
 * tiles; a period with cases shows its figures and no hint. */
static gboolean
hint_shown (AmendsMeasuresView *view)
{
  GtkWidget *hint = amends_ui_test_find_child (GTK_WIDGET (view), "empty_hint", GTK_TYPE_LABEL);
  GtkWidget *cards = amends_ui_test_find_child (GTK_WIDGET (view), "headline_box", GTK_TYPE_BOX);

  g_assert_nonnull (hint);
  g_assert_nonnull (cards);
  /* One or the other, never both. */
  g_assert_true (gtk_widget_get_visible (hint) != gtk_widget_get_visible (cards));

  return gtk_widget_get_visible (hint);
}

static void
test_empty_hint_on_empty_database (void)
{
  Fixture f = { 0 };
  GtkWidget *hint;

  amends_test_db_setup (&f.db, NULL);
  open_view (&f, 900, 700);

  hint = amends_ui_test_find_child (GTK_WIDGET (f.view), "empty_hint", GTK_TYPE_LABEL);
  g_assert_true (hint_shown (f.view));
  g_assert_true (gtk_widget_is_drawable (hint));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hint)), ==,
                   "No cases in this period. Measures appear once cases are logged and recovered.");
  /* No wall of dashes and zeros behind it. */
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (amends_measures_view_get_tile (f.view, AMENDS_MEASURES_TILE_MEDIAN))));
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (amends_measures_view_get_headline (f.view, AMENDS_MEASURES_HEADLINE_BLOWN_AWAY))));

  fixture_teardown (&f, NULL);
}

static void
test_empty_hint_only_without_cases (Fixture       *f,
                                    gconstpointer  data)
{
  /* Week 47 has six cases, week 46 one, week 45 none. */
  g_assert_false (hint_shown (f->view));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (amends_measures_view_get_headline (f->view, AMENDS_MEASURES_HEADLINE_RECOVERED_WITHIN))));

  gtk_widget_activate_action (GTK_WIDGET (f->view), "measures.previous", NULL);
  wait_for_figures (f->view);
  g_assert_cmpstr (amends_measures_view_get_period_text (f->view), ==, "Week 46 · 9–15 Nov 2026");
  g_assert_false (hint_shown (f->view));

  gtk_widget_activate_action (GTK_WIDGET (f->view), "measures.previous", NULL);
  wait_for_figures (f->view);
  g_assert_cmpstr (amends_measures_view_get_period_text (f->view), ==, "Week 45 · 2–8 Nov 2026");
  g_assert_true (hint_shown (f->view));
}

/* Real key presses, through the X server (GTK 4 cannot make key events):
 * xdotool gives the window the input focus and types @keys. FALSE when
 * that cannot be done here. */
static gboolean
press_keys (GtkWindow  *window,
            const char *keys)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *xid = NULL;
  g_autoptr(GError) error = NULL;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  int status = 0;

  if (xdotool == NULL || !GDK_IS_X11_SURFACE (surface))
    return FALSE;

  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  {
    const char *argv[] = { xdotool, "windowfocus", "--sync", xid, "key", "--clearmodifiers", keys, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  gdk_display_sync (gdk_surface_get_display (surface));
  amends_ui_test_drain ();
  return TRUE;
}

typedef struct
{
  AmendsMeasuresView *view;
  const char         *text;
} PeriodWait;

static gboolean
period_is (gpointer data)
{
  PeriodWait *wait = data;

  return g_strcmp0 (amends_measures_view_get_period_text (wait->view), wait->text) == 0;
}

/* The window's layout in small: a header with a focusable control in it,
 * and a view stack with the Measures as one of its pages. */
static void
test_alt_left_after_switching_by_mouse (Fixture       *f,
                                        gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *header_button = gtk_button_new_with_label ("Cases");
  AdwViewStack *stack = ADW_VIEW_STACK (adw_view_stack_new ());
  PeriodWait wait = { f->view, "Week 46 · 9–15 Nov 2026" };

  g_object_ref (f->view);
  gtk_window_set_child (f->window, NULL);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), header_button);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (GTK_WIDGET (stack), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (stack));
  adw_view_stack_add_named (stack, gtk_label_new ("Cases"), "cases");
  adw_view_stack_add_named (stack, GTK_WIDGET (f->view), "measures");
  g_object_unref (f->view);
  gtk_window_set_child (f->window, box);
  amends_ui_test_drain ();

  /* As after a click on the view switcher: the Measures shown, the focus
   * left in the header. */
  gtk_widget_grab_focus (header_button);
  adw_view_stack_set_visible_child_name (stack, "measures");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  wait_for_figures (f->view);
  g_assert_true (gtk_window_get_focus (f->window) == header_button);
  g_assert_cmpstr (amends_measures_view_get_period_text (f->view), ==, "Week 47 · 16–22 Nov 2026");

  if (!press_keys (f->window, "alt+Left"))
    {
      g_test_skip ("No X server and xdotool to press keys with");
      return;
    }
  amends_ui_test_wait_until (period_is, &wait);
  wait_for_figures (f->view);
  g_assert_true (gtk_window_get_focus (f->window) == header_button);

  g_assert_true (press_keys (f->window, "alt+Right"));
  wait.text = "Week 47 · 16–22 Nov 2026";
  amends_ui_test_wait_until (period_is, &wait);
  wait_for_figures (f->view);

  /* Hidden, the view leaves the keys alone. */
  adw_view_stack_set_visible_child_name (stack, "cases");
  amends_ui_test_drain ();
  g_assert_true (press_keys (f->window, "alt+Left"));
  g_assert_cmpstr (amends_measures_view_get_period_text (f->view), ==, "Week 47 · 16–22 Nov 2026");
}


static GtkWidget *
view_child (AmendsMeasuresView *view,
            const char         *id,
            GType               type)
{
  GtkWidget *child = amends_ui_test_find_child (GTK_WIDGET (view), id, type);

  g_assert_nonnull (child);
  return child;
}

static const char *
tile_text (AmendsMeasuresView *view,
           AmendsMeasuresTile  tile)
{
  return amends_measure_tile_get_text (amends_measures_view_get_tile (view, tile));
}

static const char *
headline_figure (AmendsMeasuresView     *view,
                 AmendsMeasuresHeadline  headline)
{
  return amends_headline_card_get_figure (amends_measures_view_get_headline (view, headline));
}

static gboolean
label_shown (gpointer data)
{
  return gtk_widget_get_visible (data);
}

/* Month chosen by keyboard from the unit drop-down: the view shows
 * November, by hand: the six cases of week 47 and the one of week 46.
 * In time: pins, towels, bill, breakfast (4 of 6; lift late, refund past
 * due; wifi pending); blown away: pins, lift, breakfast of the four with
 * a reaction recorded (75 %).  Alt+Left moves a month back, Alt+Right
 * forward again; the measures export as CSV. */
static void
test_month_by_keyboard (Fixture       *f,
                        gconstpointer  data)
{
  AmendsMeasuresView *v = f->view;
  GtkWidget *unit = view_child (v, "unit_dropdown", GTK_TYPE_DROP_DOWN);
  GtkWidget *export_label = view_child (v, "export_label", GTK_TYPE_LABEL);
  PeriodWait wait = { v, "November 2026" };
  g_autofree char *dir = amends_test_make_dir ();
  g_autofree char *csv = g_build_filename (dir, "november.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autofree char *table = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (unit)), ==, 0);
  gtk_widget_grab_focus (unit);
  amends_ui_test_drain ();
  if (!press_keys (f->window, "space"))
    {
      g_test_skip ("No X server and xdotool to press keys with");
      amends_test_remove_dir (dir);
      return;
    }
  g_assert_true (press_keys (f->window, "Down"));
  g_assert_true (press_keys (f->window, "Return"));
  amends_ui_test_wait_until (period_is, &wait);
  wait_for_figures (v);

  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (unit)), ==, 1);
  g_assert_cmpstr (tile_text (v, AMENDS_MEASURES_TILE_CASES), ==, "7");
  g_assert_cmpstr (headline_figure (v, AMENDS_MEASURES_HEADLINE_RECOVERED_WITHIN), ==, "67 %");
  g_assert_cmpstr (headline_figure (v, AMENDS_MEASURES_HEADLINE_BLOWN_AWAY), ==, "75 %");
  /* The month's weeks: 1 November is a Sunday, of week 44; now is in 47. */
  g_assert_cmpuint (amends_trend_chart_get_n_weeks (amends_measures_view_get_trend_chart (v)), ==, 4);

  /* The printout and the CSV are of the month too. */
  amends_measures_view_export_csv (v, file);
  amends_ui_test_wait_until (label_shown, export_label);
  g_assert_true (g_file_get_contents (csv, &table, NULL, NULL));
  lines = g_strsplit (table, "\r\n", -1);
  /* Median of 2, 3, 10, 21 and 48 h; 90th percentile the 5th of 5;
   * 12.50 surprise on each of the five recovered. */
  g_assert_cmpstr (lines[1], ==,
                   "period,November 2026,2026-11-01,2026-11-30,7,4,6,0.6667,3,4,0.7500,1,0.1429,"
                   "1,5,1,2,1,1,10.00,48.00,62.50,0");
  g_assert_true (g_str_has_prefix (lines[2], "owner,Ada Moreau,2026-11-01,2026-11-30,4,"));

  /* No looking into December. */
  g_assert_true (press_keys (f->window, "alt+Right"));
  g_assert_cmpstr (amends_measures_view_get_period_text (v), ==, "November 2026");

  g_assert_true (press_keys (f->window, "alt+Left"));
  wait.text = "October 2026";
  amends_ui_test_wait_until (period_is, &wait);
  wait_for_figures (v);
  g_assert_cmpstr (tile_text (v, AMENDS_MEASURES_TILE_CASES), ==, "0");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (unit)), ==, 1);

  g_assert_true (press_keys (f->window, "alt+Right"));
  wait.text = "November 2026";
  amends_ui_test_wait_until (period_is, &wait);
  wait_for_figures (v);
  g_assert_cmpstr (tile_text (v, AMENDS_MEASURES_TILE_CASES), ==, "7");

  amends_test_remove_dir (dir);
}

/* Quarter from the drop-down: Q4, its weeks so far (W40 to W47). */
static void
test_quarter (Fixture       *f,
              gconstpointer  data)
{
  AmendsMeasuresView *v = f->view;
  GtkWidget *unit = view_child (v, "unit_dropdown", GTK_TYPE_DROP_DOWN);
  GtkWidget *heading = view_child (v, "trend_heading", GTK_TYPE_LABEL);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (unit), 2);
  wait_for_figures (v);
  g_assert_cmpstr (amends_measures_view_get_period_text (v), ==, "Q4 2026 · 1 Oct – 31 Dec 2026");
  g_assert_cmpstr (tile_text (v, AMENDS_MEASURES_TILE_CASES), ==, "7");
  g_assert_cmpuint (amends_trend_chart_get_n_weeks (amends_measures_view_get_trend_chart (v)), ==, 8);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (heading)), ==, "Week by Week");

  /* Back a quarter: Q3, none of the cases. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (v), "measures.previous", NULL));
  wait_for_figures (v);
  g_assert_cmpstr (amends_measures_view_get_period_text (v), ==, "Q3 2026 · 1 Jul – 30 Sep 2026");
  g_assert_cmpstr (tile_text (v, AMENDS_MEASURES_TILE_CASES), ==, "0");

  /* A year: its months. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (unit), 3);
  wait_for_figures (v);
  g_assert_cmpstr (amends_measures_view_get_period_text (v), ==, "2026");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (heading)), ==, "Month by Month");
  /* January to November, this month. */
  g_assert_cmpuint (amends_trend_chart_get_n_weeks (amends_measures_view_get_trend_chart (v)), ==, 11);
}

/* Custom Range opens the range's popover; two days typed and Enter show
 * them; a range given backwards is refused in words there. */
static void
test_custom_range (Fixture       *f,
                   gconstpointer  data)
{
  AmendsMeasuresView *v = f->view;
  GtkWidget *unit = view_child (v, "unit_dropdown", GTK_TYPE_DROP_DOWN);
  GtkWidget *popover = view_child (v, "range_popover", GTK_TYPE_POPOVER);
  GtkWidget *from = view_child (v, "from_entry", GTK_TYPE_ENTRY);
  GtkWidget *to = view_child (v, "to_entry", GTK_TYPE_ENTRY);
  GtkWidget *error = view_child (v, "range_error", GTK_TYPE_LABEL);
  PeriodWait wait = { v, "10–16 Nov 2026" };

  gtk_drop_down_set_selected (GTK_DROP_DOWN (unit), 4);
  amends_ui_test_wait_until (label_shown, popover);
  /* It starts from the period shown. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (from)), ==, "2026-11-16");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (to)), ==, "2026-11-22");

  gtk_editable_set_text (GTK_EDITABLE (from), "2026-11-20");
  gtk_editable_set_text (GTK_EDITABLE (to), "2026-11-10");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (v), "measures.show-range", NULL));
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), ==,
                   "The period ends on 10 November 2026, before it begins on 20 November 2026.");
  g_assert_cmpstr (amends_measures_view_get_period_text (v), ==, "Week 47 · 16–22 Nov 2026");

  gtk_editable_set_text (GTK_EDITABLE (from), "2026-11-10");
  gtk_editable_set_text (GTK_EDITABLE (to), "2026-11-16");
  gtk_widget_grab_focus (to);
  if (!press_keys (f->window, "Return"))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (v), "measures.show-range", NULL));
  amends_ui_test_wait_until (period_is, &wait);
  wait_for_figures (v);
  /* Breakfast on the 10th, and the five cases of Monday 16th. */
  g_assert_cmpstr (tile_text (v, AMENDS_MEASURES_TILE_CASES), ==, "6");
  g_assert_false (gtk_widget_get_visible (popover));

  /* Any days step by as many days. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (v), "measures.previous", NULL));
  g_assert_cmpstr (amends_measures_view_get_period_text (v), ==, "3–9 Nov 2026");
}

/* The view on a quarter of the demo hotel, to look at. */
static void
test_quarter_screenshot (void)
{
  const char *dir = amends_ui_test_screenshot_dir ();
  g_autoptr(GDateTime) now = amends_test_time ("2026-11-18T10:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  Fixture f = { 0 };

  f.db.dir = amends_test_make_dir ();
  f.db.path = g_build_filename (f.db.dir, "demo.db", NULL);
  f.db.store = amends_store_open (f.db.path, &error);
  g_assert_no_error (error);
  amends_store_set_fixed_now (f.db.store, now);
  amends_demo_populate (f.db.store, now, &error);
  g_assert_no_error (error);

  open_view (&f, 1100, 1700);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (view_child (f.view, "unit_dropdown", GTK_TYPE_DROP_DOWN)), 2);
  wait_for_figures (f.view);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
  amends_ui_test_drain ();
  path = g_build_filename (dir, "measures-quarter.png", NULL);
  amends_ui_test_save_png (GTK_WIDGET (f.window), path);

  gtk_window_destroy (f.window);
  amends_ui_test_drain ();
  g_assert_finalize_object (f.db.store);
  amends_test_remove_dir (f.db.dir);
  g_free (f.db.path);
  g_free (f.db.dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("TZ", "UTC", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  load_style ();

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD_TEST ("/ui/measures/headlines-against-targets", test_headlines);
  ADD_TEST ("/ui/measures/tiles-count-the-period", test_tiles);
  ADD_TEST ("/ui/measures/tables-per-owner-and-category", test_tables);
  ADD_TEST ("/ui/measures/follows-the-store", test_follows_the_store);
  ADD_TEST ("/ui/measures/follows-the-targets", test_follows_the_targets);
  ADD_TEST ("/ui/measures/previous-next-and-menu-periods", test_periods);
  ADD_TEST ("/ui/measures/set-period", test_set_period);
  ADD_TEST ("/ui/measures/trend-chart-has-eight-weeks", test_trend_chart);
  ADD_TEST ("/ui/measures/empty-hint-only-without-cases", test_empty_hint_only_without_cases);
  ADD_TEST ("/ui/measures/alt-left-after-switching-by-mouse", test_alt_left_after_switching_by_mouse);
  ADD_TEST ("/ui/measures/month-by-keyboard", test_month_by_keyboard);
  ADD_TEST ("/ui/measures/quarter-and-year", test_quarter);
  ADD_TEST ("/ui/measures/custom-range", test_custom_range);
  g_test_add_func ("/ui/measures/quarter-screenshot", test_quarter_screenshot);
  g_test_add_func ("/ui/measures/nothing-to-measure", test_nothing_to_measure);
  g_test_add_func ("/ui/measures/empty-hint-on-empty-database", test_empty_hint_on_empty_database);
  g_test_add_func ("/ui/measures/screenshot", test_screenshot);

  return g_test_run ();
}
