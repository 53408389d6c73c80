/* test-case-query.c: what the list of cases is asked for, and the list it gets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-case-list-loader.h"
#include "amends-case-query.h"
#include "amends-test-utils.h"

static void
on_changed_cb (AmendsCaseQuery *query,
               guint           *n_changed)
{
  (*n_changed)++;
}

static void
test_query_changed_once (void)
{
  g_autoptr(AmendsCaseQuery) query = amends_case_query_new ();
  guint n_changed = 0;

  g_signal_connect (query, "changed", G_CALLBACK (on_changed_cb), &n_changed);
  g_assert_true (amends_case_query_is_default (query));

  amends_case_query_set_status (query, AMENDS_CASE_STATUS_OPEN);
  amends_case_query_set_status (query, AMENDS_CASE_STATUS_OPEN);
  g_assert_cmpuint (n_changed, ==, 1);

  /* Spaces around the words do not count; blank is no search. */
  amends_case_query_set_search_text (query, "  lapel ");
  g_assert_cmpstr (amends_case_query_get_search_text (query), ==, "lapel");
  amends_case_query_set_search_text (query, "lapel");
  g_assert_cmpuint (n_changed, ==, 2);
  amends_case_query_set_trash (query, TRUE);
  amends_case_query_set_category (query, "Rooms");
  g_assert_cmpuint (n_changed, ==, 4);
  g_assert_false (amends_case_query_is_default (query));

  /* A reset is one change, and keeps the order. */
  amends_case_query_set_sort (query, AMENDS_CASE_SORT_OLDEST);
  n_changed = 0;
  amends_case_query_reset (query);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (amends_case_query_is_default (query));
  g_assert_null (amends_case_query_get_search_text (query));
  g_assert_cmpint (amends_case_query_get_sort (query), ==, AMENDS_CASE_SORT_OLDEST);

  /* Nothing to put back: no change. */
  amends_case_query_reset (query);
  g_assert_cmpuint (n_changed, ==, 1);
}

static void
test_query_owner (void)
{
  g_autoptr(AmendsCaseQuery) query = amends_case_query_new ();
  AmendsCaseFilter filter = AMENDS_CASE_FILTER_INIT;
  guint n_changed = 0;

  g_signal_connect (query, "changed", G_CALLBACK (on_changed_cb), &n_changed);

  /* Who is at the desk matters only to "Mine". */
  amends_case_query_set_actor_id (query, 7);
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_cmpint (amends_case_query_get_owner_id (query), ==, -1);

  amends_case_query_set_owner (query, "mine");
  g_assert_cmpint (amends_case_query_get_owner_id (query), ==, 7);
  amends_case_query_set_actor_id (query, 0);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_true (amends_case_query_get_nobody_at_desk (query));

  amends_case_query_set_owner (query, "unowned");
  g_assert_cmpint (amends_case_query_get_owner_id (query), ==, 0);
  amends_case_query_set_owner (query, "12");
  amends_case_query_set_category (query, "Rooms");
  amends_case_query_get_filter (query, &filter);
  g_assert_cmpint (filter.owner_id, ==, 12);
  g_assert_cmpstr (filter.category, ==, "Rooms");
  g_assert_null (filter.query);
  amends_case_filter_clear (&filter);

  amends_case_query_set_owner (query, NULL);
  g_assert_cmpstr (amends_case_query_get_owner (query), ==, "anyone");
}

static void
wait_for_list (AmendsCaseListLoader *loader)
{
  while (amends_case_list_loader_get_busy (loader))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_loader_follows_query (AmendsTestDb  *db,
                           gconstpointer  data)
{
  g_autoptr(AmendsCaseQuery) query = amends_case_query_new ();
  g_autoptr(AmendsCaseListLoader) loader = amends_case_list_loader_new (query);
  g_autoptr(AmendsStaff) ada = amends_test_add_staff (db->store, "Ada");
  g_autoptr(AmendsCase) mine = amends_test_add_case (db->store, "Room not ready", NULL);
  g_autoptr(AmendsCase) other = amends_test_add_case (db->store, "Cold breakfast", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  AmendsCaseList *first;

  g_object_set (mine, "owner-id", amends_record_get_id (AMENDS_RECORD (ada)), NULL);
  amends_store_update (db->store, AMENDS_RECORD (mine), &error);
  g_assert_no_error (error);

  /* No list before a source. */
  amends_case_query_set_status (query, -1);
  g_assert_null (amends_case_list_loader_get_list (loader));

  amends_case_list_loader_set_source (loader, AMENDS_CASE_SOURCE (db->store));
  g_assert_true (amends_case_list_loader_get_loading (loader));
  wait_for_list (loader);
  first = amends_case_list_loader_get_list (loader);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first)), ==, 2);

  /* A change makes a new list; the old one stays until it lands. */
  amends_case_query_set_search_text (query, "breakfast");
  g_assert_true (amends_case_list_loader_get_list (loader) == first);
  wait_for_list (loader);
  g_assert_false (amends_case_list_loader_get_list (loader) == first);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (amends_case_list_loader_get_list (loader))), ==, 1);

  /* "Mine" with nobody at the desk: no list, and the line says why. */
  amends_case_query_set_search_text (query, NULL);
  amends_case_query_set_owner (query, "mine");
  g_assert_null (amends_case_list_loader_get_list (loader));
  g_assert_false (amends_case_list_loader_get_busy (loader));
  counts = amends_case_list_loader_dup_counts (loader);
  g_assert_cmpstr (counts, ==, "Nobody is at the desk");

  amends_case_query_set_actor_id (query, amends_record_get_id (AMENDS_RECORD (ada)));
  wait_for_list (loader);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (amends_case_list_loader_get_list (loader))), ==, 1);
  g_clear_pointer (&counts, g_free);
  counts = amends_case_list_loader_dup_counts (loader);
  g_assert_cmpstr (counts, ==, "1 open");
  g_assert_null (amends_case_list_loader_get_error (loader));

  g_clear_object (&loader);
  /* Its queries let go of it once done. */
  while (amends_case_list_get_n_running () > 0)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/case-query/changed-once-a-change", test_query_changed_once);
  g_test_add_func ("/case-query/owner", test_query_owner);
  g_test_add ("/case-query/loader/follows-query", AmendsTestDb, NULL,
              amends_test_db_setup, test_loader_follows_query, amends_test_db_teardown);

  return g_test_run ();
}
