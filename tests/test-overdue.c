/* test-overdue.c: the overdue rule, in C and in SQL, agrees
 *
 * The clock (amends_clock_get_state() in amends-clock.c) says whether a
 * case shown is overdue; the list of cases filters and counts overdue
 * cases in SQL (AMENDS_SQL_OVERDUE in amends-store-private.h).  Over a
 * grid of cases written by hand, each side of the due time, paused or
 * not, open, in recovery, recovered or closed, the two must agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-case-list.h"
#include "amends-clock.h"
#include "amends-test-utils.h"

typedef struct
{
  const char *status;
  gboolean    paused;
  gint64      paused_seconds;
  gint64      due_from_now;   /* recovery_due_at + paused_seconds - now */
} Cell;

static const char * const statuses[] = { "open", "in-recovery", "recovered", "closed" };
static const gint64 paused_seconds[] = { 0, 600 };
static const gint64 due_from_now[] = { -1, 0, 1 };

/* Writes @cell into a new case, column by column: the store's own steps
 * refuse some of these (a clock paused once past due), which an import
 * or an older version may still have left. */
static gint64
add_cell (AmendsTestDb *db,
          const Cell   *cell)
{
  g_autofree char *summary = g_strdup_printf ("Grid %s%s, paused %" G_GINT64_FORMAT " s, due %+" G_GINT64_FORMAT " s",
                                              cell->status, cell->paused ? " (paused)" : "",
                                              cell->paused_seconds, cell->due_from_now);
  g_autoptr(GDateTime) occurred = g_date_time_add_hours (db->now, -30);
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, summary, occurred);
  gint64 id = amends_record_get_id (AMENDS_RECORD (kase));
  gint64 now = g_date_time_to_unix (db->now);
  gboolean finished = g_str_equal (cell->status, "recovered") || g_str_equal (cell->status, "closed");
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("UPDATE cases SET status = '%s',"
                         " recovery_due_at = %" G_GINT64_FORMAT ","
                         " paused_seconds = %" G_GINT64_FORMAT ","
                         " paused_at = %s,"
                         " recovered_at = %s, fix = %s, closed_at = %s"
                         " WHERE id = %" G_GINT64_FORMAT,
                         cell->status,
                         now + cell->due_from_now - cell->paused_seconds,
                         cell->paused_seconds,
                         cell->paused ? "occurred_at + 3600" : "NULL",
                         g_str_equal (cell->status, "recovered") ? "occurred_at + 7200" : "NULL",
                         g_str_equal (cell->status, "recovered") ? "'Replaced the part'" : "NULL",
                         finished ? "occurred_at + 7200" : "NULL",
                         id);
  amends_test_store_exec (db->store, sql);

  return id;
}

static gboolean
is_overdue_in_c (AmendsTestDb *db,
                 gint64        id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCase) kase = amends_store_load (db->store, AMENDS_TYPE_CASE, id, &error);

  g_assert_no_error (error);
  return amends_clock_get_state (kase, db->now) == AMENDS_CLOCK_STATE_OVERDUE;
}

static void
on_list_ready (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AmendsCaseList **list = user_data;
  g_autoptr(GError) error = NULL;

  *list = amends_case_list_new_finish (result, &error);
  g_assert_no_error (error);
}

static AmendsCaseList *
wait_for_list (AmendsCaseList         *previous,
               AmendsTestDb           *db,
               const AmendsCaseFilter *filter)
{
  AmendsCaseList *list = NULL;

  if (previous != NULL)
    amends_case_list_new_from_async (previous, filter, NULL, on_list_ready, &list);
  else
    amends_case_list_new_async (AMENDS_CASE_SOURCE (db->store), filter, NULL, on_list_ready, &list);
  while (list == NULL)
    g_main_context_iteration (NULL, TRUE);

  return list;
}

static void
test_overdue_grid (AmendsTestDb  *db,
                   gconstpointer  data)
{
  AmendsCaseFilter all = AMENDS_CASE_FILTER_INIT;
  AmendsCaseFilter overdue = AMENDS_CASE_FILTER_INIT;
  AmendsCaseFilter searched = AMENDS_CASE_FILTER_INIT;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(AmendsCaseList) listed = NULL;
  g_autoptr(AmendsCaseList) filtered = NULL;
  g_autoptr(AmendsCaseList) base = NULL;
  g_autoptr(AmendsCaseList) search = NULL;
  g_autoptr(GError) error = NULL;
  guint n_overdue = 0;
  guint n_open = 0;

  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    for (guint p = 0; p < 2; p++)
      for (guint ps = 0; ps < G_N_ELEMENTS (paused_seconds); ps++)
        for (guint d = 0; d < G_N_ELEMENTS (due_from_now); d++)
          {
            Cell cell = { statuses[s], p == 1, paused_seconds[ps], due_from_now[d] };
            gint64 id = add_cell (db, &cell);

            g_array_append_val (ids, id);
          }

  overdue.overdue_only = TRUE;
  listed = amends_case_list_new (AMENDS_CASE_SOURCE (db->store), &all, &error);
  g_assert_no_error (error);
  filtered = amends_case_list_new (AMENDS_CASE_SOURCE (db->store), &overdue, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(AmendsCase) kase = amends_store_load (db->store, AMENDS_TYPE_CASE, id, NULL);
      gboolean in_c = is_overdue_in_c (db, id);
      gboolean in_sql = amends_case_list_find (filtered, id) != G_MAXUINT;

      if (in_c != in_sql)
        g_error ("“%s”: the clock says %s, the list's filter %s",
                 amends_case_get_summary (kase),
                 in_c ? "overdue" : "not overdue",
                 in_sql ? "overdue" : "not overdue");
      n_overdue += in_c;
      n_open += amends_case_is_active (kase);
    }

  /* The grid has each kind: at most one of the 3 due times is overdue
   * for each open, unpaused clock. */
  g_assert_cmpuint (n_overdue, ==, 2 * 2 * 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, n_overdue);
  g_assert_cmpuint (amends_case_list_get_n_overdue (listed), ==, n_overdue);
  g_assert_cmpuint (amends_case_list_get_n_overdue (filtered), ==, n_overdue);
  g_assert_cmpuint (amends_case_list_get_n_open (listed), ==, n_open);

  /* The same counts when a search is kept from the list without it, as
   * the sidebar's are: from the open cases' times, in C. */
  base = wait_for_list (NULL, db, &all);
  searched.query = (char *) "Grid";
  search = wait_for_list (base, db, &searched);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (search)), ==, ids->len);
  g_assert_cmpuint (amends_case_list_get_n_overdue (search), ==, n_overdue);
  g_assert_cmpuint (amends_case_list_get_n_open (search), ==, n_open);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/overdue/grid", AmendsTestDb, NULL,
              amends_test_db_setup, test_overdue_grid, amends_test_db_teardown);

  return g_test_run ();
}
