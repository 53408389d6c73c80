/* test-store-cases.c: the work on a case, and its timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "amends-case-list.h"
#include "amends-test-utils.h"

static AmendsActionKind
last_kind (AmendsStore *store,
           AmendsCase  *kase,
           char       **text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) timeline = amends_store_list_actions (store, amends_record_get_id (AMENDS_RECORD (kase)), &error);
  g_autoptr(AmendsAction) last = NULL;
  guint n;

  g_assert_no_error (error);
  n = g_list_model_get_n_items (timeline);
  g_assert_cmpuint (n, >, 0);
  last = g_list_model_get_item (timeline, n - 1);
  if (text != NULL)
    *text = g_strdup (amends_action_get_text (last));

  return amends_action_get_kind (last);
}

static void
advance (AmendsTestDb *db,
         int           minutes)
{
  GDateTime *later = g_date_time_add_minutes (db->now, minutes);

  g_date_time_unref (db->now);
  db->now = later;
  amends_store_set_fixed_now (db->store, db->now);
}

static void
test_add_action_stamps_desk (AmendsTestDb  *db,
                             gconstpointer  data)
{
  g_autoptr(AmendsStaff) ada = amends_test_add_staff (db->store, "Ada");
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Lost key card", NULL);
  g_autoptr(AmendsAction) action = NULL;
  g_autoptr(GError) error = NULL;

  amends_store_set_actor_id (db->store, amends_record_get_id (AMENDS_RECORD (ada)));
  action = amends_store_add_action (db->store, amends_record_get_id (AMENDS_RECORD (kase)),
                                    AMENDS_ACTION_KIND_APOLOGY, "Said sorry at the desk", &error);
  g_assert_no_error (error);
  g_assert_cmpint (amends_action_get_staff_id (action), ==, amends_record_get_id (AMENDS_RECORD (ada)));
  g_assert_cmpstr (amends_action_get_staff_name (action), ==, "Ada");
  g_assert_cmpint (g_date_time_to_unix (amends_action_get_done_at (action)), ==, g_date_time_to_unix (db->now));

  /* A timeline entry needs a case that exists. */
  g_assert_null (amends_store_add_action (db->store, 999, AMENDS_ACTION_KIND_NOTE, "x", &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID);
}

static void
test_status_moves (AmendsTestDb  *db,
                   gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Double booked", NULL);
  g_autoptr(GDateTime) recovered_at = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (amends_store_set_case_status (db->store, kase, AMENDS_CASE_STATUS_IN_RECOVERY, &error));
  g_assert_no_error (error);
  g_assert_cmpint (last_kind (db->store, kase, &text), ==, AMENDS_ACTION_KIND_STATUS_REPORT);
  g_assert_cmpstr (text, ==, "Status: In recovery");

  advance (db, 90);
  /* Not without a fix. */
  g_assert_false (amends_store_set_case_status (db->store, kase, AMENDS_CASE_STATUS_RECOVERED, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_cmpint (amends_case_get_status (kase), ==, AMENDS_CASE_STATUS_IN_RECOVERY);
  g_object_set (kase, "fix", "Moved them to a suite", NULL);
  g_assert_true (amends_store_set_case_status (db->store, kase, AMENDS_CASE_STATUS_RECOVERED, &error));
  recovered_at = g_date_time_ref (amends_case_get_recovered_at (kase));
  g_assert_cmpint (g_date_time_to_unix (recovered_at), ==, g_date_time_to_unix (db->now));

  advance (db, 60);
  g_assert_true (amends_store_set_case_status (db->store, kase, AMENDS_CASE_STATUS_CLOSED, &error));
  g_assert_cmpint (g_date_time_to_unix (amends_case_get_recovered_at (kase)), ==, g_date_time_to_unix (recovered_at));
  g_assert_nonnull (amends_store_load (db->store, AMENDS_TYPE_CASE, amends_record_get_id (AMENDS_RECORD (kase)), NULL));

  /* Reopening starts the clock again. */
  g_assert_true (amends_store_set_case_status (db->store, kase, AMENDS_CASE_STATUS_IN_RECOVERY, &error));
  g_assert_null (amends_case_get_recovered_at (kase));
  g_clear_pointer (&text, g_free);
  last_kind (db->store, kase, &text);
  g_assert_cmpstr (text, ==, "Reopened: In recovery");

  amends_test_db_reopen (db);
  {
    g_autoptr(AmendsCase) stored = amends_store_load (db->store, AMENDS_TYPE_CASE,
                                                      amends_record_get_id (AMENDS_RECORD (kase)), &error);
    g_assert_cmpint (amends_case_get_status (stored), ==, AMENDS_CASE_STATUS_IN_RECOVERY);
    g_assert_null (amends_case_get_recovered_at (stored));
  }
}

static void
test_take_ownership (AmendsTestDb  *db,
                     gconstpointer  data)
{
  g_autoptr(AmendsStaff) bob = amends_test_add_staff (db->store, "Bob");
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "No towels", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (amends_store_take_ownership (db->store, kase, amends_record_get_id (AMENDS_RECORD (bob)), &error));
  g_assert_cmpstr (amends_case_get_owner_name (kase), ==, "Bob");
  last_kind (db->store, kase, &text);
  g_assert_cmpstr (text, ==, "Bob took ownership");

  /* An unknown person cannot own a case, and the case stays as it was. */
  g_assert_false (amends_store_take_ownership (db->store, kase, 4242, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (amends_case_get_owner_id (kase), ==, amends_record_get_id (AMENDS_RECORD (bob)));
}

static void
test_pause_and_resume (AmendsTestDb  *db,
                       gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Wants a call back", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (amends_store_pause_clock (db->store, kase, "Out until tonight", &error));
  g_assert_no_error (error);
  g_assert_nonnull (amends_case_get_paused_at (kase));
  g_assert_cmpint (last_kind (db->store, kase, &text), ==, AMENDS_ACTION_KIND_PAUSE);
  g_assert_cmpstr (text, ==, "Out until tonight");

  g_assert_false (amends_store_pause_clock (db->store, kase, "again", &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  advance (db, 150);
  g_assert_true (amends_store_resume_clock (db->store, kase, &error));
  g_assert_no_error (error);
  g_assert_null (amends_case_get_paused_at (kase));
  g_assert_cmpint (amends_case_get_paused_seconds (kase), ==, 150 * 60);
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (last_kind (db->store, kase, &text), ==, AMENDS_ACTION_KIND_RESUME);
  g_assert_cmpstr (text, ==, "Clock resumed after 2 h 30 min");

  g_assert_false (amends_store_resume_clock (db->store, kase, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A second pause adds up; recovering while paused ends the pause. */
  amends_store_pause_clock (db->store, kase, NULL, &error);
  advance (db, 30);
  g_object_set (kase, "fix", "Called them back with the booking", NULL);
  g_assert_true (amends_store_set_case_status (db->store, kase, AMENDS_CASE_STATUS_RECOVERED, &error));
  g_assert_null (amends_case_get_paused_at (kase));
  g_assert_cmpint (amends_case_get_paused_seconds (kase), ==, 180 * 60);

  /* A finished case's clock cannot be paused. */
  g_assert_false (amends_store_pause_clock (db->store, kase, "x", &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID);
}

/* Pausing is for waiting while there is time left: a case past due cannot
 * be paused, so that a pause never turns a missed case into a kept one. */
static void
test_no_pause_past_due (AmendsTestDb  *db,
                        gconstpointer  data)
{
  g_autoptr(GDateTime) happened = g_date_time_add_hours (db->now, -25);
  g_autoptr(AmendsCase) late = amends_test_add_case (db->store, "Broken shower", happened);
  g_autoptr(AmendsCase) fresh = amends_test_add_case (db->store, "Cold coffee", NULL);
  g_autoptr(AmendsCase) stored = NULL;
  g_autoptr(GError) error = NULL;

  /* 25 h after it happened, against a 24 h target. */
  g_assert_false (amends_store_pause_clock (db->store, late, "Guest is out", &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "past its due time"));
  g_clear_error (&error);
  stored = amends_store_load (db->store, AMENDS_TYPE_CASE, amends_record_get_id (AMENDS_RECORD (late)), NULL);
  g_assert_null (amends_case_get_paused_at (stored));

  /* One with 24 h left can, and a paused clock keeps it from going past
   * due: 30 h later it can be resumed and paused again. */
  g_assert_true (amends_store_pause_clock (db->store, fresh, NULL, &error));
  g_assert_no_error (error);
  advance (db, 30 * 60);
  g_assert_true (amends_store_resume_clock (db->store, fresh, &error));
  g_assert_true (amends_store_pause_clock (db->store, fresh, NULL, &error));
  g_assert_no_error (error);
}

/* Correcting when it happened moves the due time, keeping the target. */
static void
test_due_follows_occurred (AmendsTestDb  *db,
                           gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Wrong room", NULL);
  g_autoptr(GDateTime) earlier = g_date_time_add_hours (db->now, -30);
  g_autoptr(GError) error = NULL;
  gint64 happened = g_date_time_to_unix (db->now);

  g_assert_cmpint (g_date_time_to_unix (amends_case_get_recovery_due_at (kase)), ==, happened + 24 * 3600);

  /* It happened 30 h before it was logged: due 6 h ago, not in 24 h. */
  amends_case_set_occurred_at (kase, earlier);
  g_assert_true (amends_store_update (db->store, AMENDS_RECORD (kase), &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_to_unix (amends_case_get_recovery_due_at (kase)), ==, happened - 6 * 3600);

  /* And the store reads it so too, from the file. */
  {
    g_autoptr(AmendsCase) stored = amends_store_load (db->store, AMENDS_TYPE_CASE,
                                                      amends_record_get_id (AMENDS_RECORD (kase)), NULL);
    g_assert_cmpint (g_date_time_to_unix (amends_case_get_recovery_due_at (stored)), ==, happened - 6 * 3600);
  }
}

/* Closing without a fix is recorded as such, and a reason given. */
static void
test_close_without_recovery (AmendsTestDb  *db,
                             gconstpointer  data)
{
  g_autoptr(AmendsCase) gave_up = amends_test_add_case (db->store, "Lost luggage", NULL);
  g_autoptr(AmendsCase) duplicate = amends_test_add_case (db->store, "Lost luggage again", NULL);
  g_autoptr(AmendsCase) recovered = amends_test_add_case (db->store, "Cold soup", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* Set Status → Closed on an open case: closed, but not recovered. */
  g_assert_true (amends_store_set_case_status (db->store, gave_up, AMENDS_CASE_STATUS_CLOSED, &error));
  g_assert_no_error (error);
  g_assert_cmpint (amends_case_get_close_reason (gave_up), ==, AMENDS_CLOSE_REASON_NOT_RECOVERED);
  g_assert_null (amends_case_get_recovered_at (gave_up));
  last_kind (db->store, gave_up, &text);
  g_assert_cmpstr (text, ==, "Closed: Closed without a recovery");
  g_clear_pointer (&text, g_free);

  g_assert_true (amends_store_close_case (db->store, duplicate, AMENDS_CLOSE_REASON_DUPLICATE, &error));
  g_assert_cmpint (amends_case_get_close_reason (duplicate), ==, AMENDS_CLOSE_REASON_DUPLICATE);
  g_assert_cmpint (amends_case_get_status (duplicate), ==, AMENDS_CASE_STATUS_CLOSED);

  g_object_set (recovered, "fix", "A fresh bowl", NULL);
  g_assert_true (amends_store_set_case_status (db->store, recovered, AMENDS_CASE_STATUS_RECOVERED, &error));
  g_assert_true (amends_store_set_case_status (db->store, recovered, AMENDS_CASE_STATUS_CLOSED, &error));
  g_assert_cmpint (amends_case_get_close_reason (recovered), ==, AMENDS_CLOSE_REASON_RECOVERED);

  /* Reopened, a case is not closed for any reason. */
  g_assert_true (amends_store_set_case_status (db->store, duplicate, AMENDS_CASE_STATUS_IN_RECOVERY, &error));
  g_assert_cmpint (amends_case_get_close_reason (duplicate), ==, AMENDS_CLOSE_REASON_NONE);
}

static void
test_paused_is_not_overdue (AmendsTestDb  *db,
                            gconstpointer  data)
{
  g_autoptr(GDateTime) two_hours_ago = g_date_time_add_hours (db->now, -2);
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Waiting", two_hours_ago);
  g_autoptr(AmendsCaseList) list = NULL;
  g_autoptr(GError) error = NULL;

  amends_store_pause_clock (db->store, kase, "Abroad", &error);
  g_assert_no_error (error);

  /* Two days later it is still waiting on the customer, not overdue. */
  advance (db, 48 * 60);
  list = amends_case_list_new (AMENDS_CASE_SOURCE (db->store), NULL, &error);
  g_assert_cmpuint (amends_case_list_get_n_open (list), ==, 1);
  g_assert_cmpuint (amends_case_list_get_n_overdue (list), ==, 0);
}

static void
test_find_customer (AmendsTestDb  *db,
                    gconstpointer  data)
{
  g_autoptr(AmendsCustomer) edward = amends_test_add_customer (db->store, "Edward Caulfield", NULL);
  g_autoptr(AmendsCustomer) found = NULL;
  g_autoptr(AmendsCustomer) missing = NULL;
  g_autoptr(GError) error = NULL;

  found = amends_store_find_customer (db->store, "  edward CAULFIELD ", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (amends_record_get_id (AMENDS_RECORD (found)), ==, amends_record_get_id (AMENDS_RECORD (edward)));

  missing = amends_store_find_customer (db->store, "Edward", &error);
  g_assert_no_error (error);
  g_assert_null (missing);
  g_assert_null (amends_store_find_customer (db->store, "", &error));
  g_assert_no_error (error);
}

typedef struct
{
  GMainLoop      *loop;
  AmendsCaseList *list;
  GError         *error;
} AsyncResult;

static void
on_list_ready (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncResult *async = user_data;

  async->list = amends_case_list_new_finish (result, &async->error);
  g_main_loop_quit (async->loop);
}

static void
test_list_async (AmendsTestDb  *db,
                 gconstpointer  data)
{
  AmendsCaseFilter filter = AMENDS_CASE_FILTER_INIT;
  AsyncResult async = { g_main_loop_new (NULL, FALSE), NULL, NULL };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AmendsCase) soup = amends_test_add_case (db->store, "Cold soup", NULL);
  g_autoptr(AmendsCase) pin = amends_test_add_case (db->store, "One lapel pin", NULL);
  g_autoptr(AmendsCase) later = NULL;
  g_autoptr(AmendsCase) first = NULL;

  filter.query = (char *) "lapel";
  amends_case_list_new_async (AMENDS_CASE_SOURCE (db->store), &filter, NULL, on_list_ready, &async);
  g_main_loop_run (async.loop);
  g_assert_no_error (async.error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (async.list)), ==, 1);
  first = g_list_model_get_item (G_LIST_MODEL (async.list), 0);
  g_assert_cmpstr (amends_case_get_summary (first), ==, "One lapel pin");

  /* It follows the store like a list made at once. */
  later = amends_test_add_case (db->store, "Second lapel pin refused", NULL);
  while (amends_case_list_get_refreshing (async.list))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (async.list)), ==, 2);
  g_clear_object (&async.list);

  /* A cancelled query gives no list. */
  g_cancellable_cancel (cancellable);
  amends_case_list_new_async (AMENDS_CASE_SOURCE (db->store), &filter, cancellable, on_list_ready, &async);
  g_main_loop_run (async.loop);
  g_assert_null (async.list);
  g_assert_error (async.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&async.error);

  g_main_loop_unref (async.loop);
}

#define ADD_DB_TEST(path, func) \
  g_test_add (path, AmendsTestDb, NULL, amends_test_db_setup, func, amends_test_db_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_DB_TEST ("/store/work/add-action-stamps-desk-and-time", test_add_action_stamps_desk);
  ADD_DB_TEST ("/store/work/status-moves-record-times", test_status_moves);
  ADD_DB_TEST ("/store/work/take-ownership", test_take_ownership);
  ADD_DB_TEST ("/store/work/pause-and-resume-clock", test_pause_and_resume);
  ADD_DB_TEST ("/store/work/paused-case-is-not-overdue", test_paused_is_not_overdue);
  ADD_DB_TEST ("/store/work/no-pause-past-due", test_no_pause_past_due);
  ADD_DB_TEST ("/store/work/due-time-follows-occurred", test_due_follows_occurred);
  ADD_DB_TEST ("/store/work/close-without-recovery", test_close_without_recovery);
  ADD_DB_TEST ("/store/work/find-customer-by-name", test_find_customer);
  ADD_DB_TEST ("/case-list/async/query-in-thread", test_list_async);

  return g_test_run ();
}
