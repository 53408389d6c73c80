/* test-case-list.c: the lazy, filtered, sorted list of cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "amends-case-list.h"
#include "amends-case-list-private.h"
#include "amends-test-utils.h"

/* The clock stands at 2026-11-18 10:00 UTC (see amends-test-utils.c). */
typedef struct
{
  AmendsTestDb  db;
  AmendsStaff  *ada;
  AmendsCase   *overdue;     /* A: due 08:00 today, 2 h late */
  AmendsCase   *soon;        /* C: due 02:00 tomorrow */
  AmendsCase   *later;       /* B: due 09:00 tomorrow */
  AmendsCase   *paused;      /* D: past due, but the clock is paused */
  AmendsCase   *recovered;   /* E: recovered at 09:00 today */
  AmendsCase   *old;         /* F: recovered yesterday */
  GPtrArray    *extra;       /* G, H, …: added by a test */
} Fixture;

static AmendsCase *
add_case (Fixture    *f,
          const char *summary,
          const char *occurred,
          const char *first_property,
          ...)
{
  g_autoptr(GDateTime) occurred_at = amends_test_time (occurred);
  g_autoptr(GError) error = NULL;
  AmendsCase *kase = amends_case_new ();
  va_list args;

  g_object_set (kase, "summary", summary, "occurred-at", occurred_at, NULL);
  va_start (args, first_property);
  if (first_property != NULL)
    g_object_set_valist (G_OBJECT (kase), first_property, args);
  va_end (args);

  amends_store_insert (f->db.store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  return kase;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GDateTime) paused_at = amends_test_time ("2026-11-18T05:00:00Z");
  g_autoptr(GDateTime) recovered_today = amends_test_time ("2026-11-18T09:00:00Z");
  g_autoptr(GDateTime) recovered_yesterday = amends_test_time ("2026-11-17T12:00:00Z");
  gint64 ada_id;

  amends_test_db_setup (&f->db, data);
  f->extra = g_ptr_array_new_with_free_func (g_object_unref);
  f->ada = amends_test_add_staff (f->db.store, "Ada");
  ada_id = amends_record_get_id (AMENDS_RECORD (f->ada));

  f->overdue = add_case (f, "Room not ready", "2026-11-17T08:00:00Z",
                         "category", "Room", "owner-id", ada_id, NULL);
  f->later = add_case (f, "Cold breakfast", "2026-11-18T09:00:00Z",
                       "category", "Food", "status", AMENDS_CASE_STATUS_IN_RECOVERY, NULL);
  f->soon = add_case (f, "Only one lapel pin", "2026-11-18T02:00:00Z",
                      "category", "Registration", "owner-id", ada_id, NULL);
  f->paused = add_case (f, "Waiting for the guest", "2026-11-17T06:00:00Z",
                        "paused-at", paused_at, "pause-reason", "Out until tonight", NULL);
  f->recovered = add_case (f, "Wrong bill", "2026-11-17T20:00:00Z",
                           "status", AMENDS_CASE_STATUS_RECOVERED,
                           "recovered-at", recovered_today, "category", "Billing", NULL);
  f->old = add_case (f, "Noisy room", "2026-11-16T12:00:00Z",
                     "status", AMENDS_CASE_STATUS_CLOSED,
                     "recovered-at", recovered_yesterday, "category", "Room", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->ada);
  g_clear_object (&f->overdue);
  g_clear_object (&f->later);
  g_clear_object (&f->soon);
  g_clear_object (&f->paused);
  g_clear_object (&f->recovered);
  g_clear_object (&f->old);
  g_clear_pointer (&f->extra, g_ptr_array_unref);
  amends_test_db_teardown (&f->db, data);
}

/* The list reads its ids again in a thread after a commit; this lets the
 * main loop run until that has landed. */
static void
wait_for_refresh (AmendsCaseList *list)
{
  while (amends_case_list_get_refreshing (list))
    g_main_context_iteration (NULL, TRUE);
}

static AmendsCaseList *
make_list (Fixture                *f,
           const AmendsCaseFilter *filter)
{
  g_autoptr(GError) error = NULL;
  AmendsCaseList *list = amends_case_list_new (AMENDS_CASE_SOURCE (f->db.store), filter, &error);

  g_assert_no_error (error);
  return list;
}

/* The list's order as the cases' summaries' first letters in the fixture's
 * naming (A..F), e.g. "ACBDEF". */
static char *
order_of (Fixture        *f,
          AmendsCaseList *list)
{
  GString *str = g_string_new (NULL);
  AmendsCase *named[] = { f->overdue, f->later, f->soon, f->paused, f->recovered, f->old };
  const char letters[] = "ABCDEF";

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(AmendsCase) kase = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 id = amends_record_get_id (AMENDS_RECORD (kase));
      char letter = '?';

      for (guint j = 0; j < G_N_ELEMENTS (named); j++)
        if (amends_record_get_id (AMENDS_RECORD (named[j])) == id)
          letter = letters[j];
      for (guint j = 0; j < f->extra->len; j++)
        if (amends_record_get_id (g_ptr_array_index (f->extra, j)) == id)
          letter = 'G' + j;
      g_string_append_c (str, letter);
    }

  return g_string_free (str, FALSE);
}

static void
assert_order (Fixture                *f,
              const AmendsCaseFilter *filter,
              const char             *expected)
{
  g_autoptr(AmendsCaseList) list = make_list (f, filter);
  g_autofree char *order = order_of (f, list);

  g_assert_cmpstr (order, ==, expected);
}

static void
test_order_urgency (Fixture       *f,
                    gconstpointer  data)
{
  /* Overdue first, then least time left; paused after running clocks;
   * finished cases last, the most recently recovered first. */
  assert_order (f, NULL, "ACBDEF");
}

/* Within the same clock state the worst severity comes first (issue 13:
 * a major case sorted below a minor one); the clock state still comes
 * before severity: a minor overdue case above a major one due soon. */
static void
test_order_severity (Fixture       *f,
                     gconstpointer  data)
{
  /* G: major, due 08:00 tomorrow, 22 h left: running. */
  g_ptr_array_add (f->extra, add_case (f, "Lift out, only stairs", "2026-11-18T08:00:00Z",
                                       "severity", AMENDS_SEVERITY_MAJOR, NULL));
  /* H: minor, due 07:00 today, 3 h overdue, more than A (moderate). */
  g_ptr_array_add (f->extra, add_case (f, "Towel missing", "2026-11-17T07:00:00Z",
                                       "severity", AMENDS_SEVERITY_MINOR, NULL));
  /* I: colossal, due 12:00 today, 2 h left: due soon. */
  g_ptr_array_add (f->extra, add_case (f, "Flooded room", "2026-11-17T12:00:00Z",
                                       "severity", AMENDS_SEVERITY_COLOSSAL, NULL));
  /* J: major, paused: after the running clocks, before D (moderate). */
  g_ptr_array_add (f->extra, add_case (f, "Guest away", "2026-11-18T09:30:00Z",
                                       "severity", AMENDS_SEVERITY_MAJOR,
                                       "paused-at", f->db.now, NULL));

  /* Overdue: A before H (moderate before minor, though H is later);
   * due soon: I; running: G (major) before C and B (moderate, by due
   * time); paused: J (major) before D; finished by recency. */
  assert_order (f, NULL, "AHIGCBJDEF");
}

/* A recovered case whose follow-up is still to make is work to do: it
 * sorts with the open cases by its follow-up's due time; the "Follow-up
 * due" filter shows those due by now, not a closed case's. */
static void
test_follow_up_due (Fixture       *f,
                    gconstpointer  data)
{
  AmendsCaseFilter filter = AMENDS_CASE_FILTER_INIT;
  g_autoptr(GDateTime) half_past_nine = amends_test_time ("2026-11-18T09:30:00Z");
  g_autoptr(GDateTime) tomorrow_noon = amends_test_time ("2026-11-19T12:00:00Z");
  g_autoptr(GError) error = NULL;

  /* E: recovered, follow-up due 09:30 today, half an hour ago. */
  g_object_set (f->recovered, "follow-up-due-at", half_past_nine, NULL);
  amends_store_update (f->db.store, AMENDS_RECORD (f->recovered), &error);
  g_assert_no_error (error);
  /* F: closed, with a follow-up date: it stays with the finished cases. */
  g_object_set (f->old, "follow-up-due-at", half_past_nine, NULL);
  amends_store_update (f->db.store, AMENDS_RECORD (f->old), &error);
  g_assert_no_error (error);
  /* G: recovered today at 08:00, follow-up due tomorrow at noon: after
   * B (moderate too, due 09:00 tomorrow), not yet due. */
  g_ptr_array_add (f->extra, add_case (f, "Late taxi", "2026-11-17T23:00:00Z",
                                       "status", AMENDS_CASE_STATUS_RECOVERED,
                                       "recovered-at", f->db.now,
                                       "follow-up-due-at", tomorrow_noon, NULL));

  /* E overdue after A (both moderate; A due at 08:00, E at 09:30). */
  assert_order (f, NULL, "AECBGDF");

  filter.follow_up_due = TRUE;
  assert_order (f, &filter, "E");
  filter.status = AMENDS_CASE_STATUS_OPEN;
  assert_order (f, &filter, "");
}

/* "Needs a Lead": open, the clock running, overdue by more than the
 * escalation time (issue 14).  The clock stands at 10:00 today; a case is
 * due 24 h after it happened. */
static void
test_needs_lead (Fixture       *f,
                 gconstpointer  data)
{
  AmendsCaseFilter filter = AMENDS_CASE_FILTER_INIT;
  g_autoptr(GDateTime) recovered_at = amends_test_time ("2026-11-18T09:50:00Z");

  /* G: due 05:00 today, 5 h overdue. */
  g_ptr_array_add (f->extra, add_case (f, "No hot water", "2026-11-17T05:00:00Z", NULL));
  /* H: due 06:00 today, overdue by exactly 4 h: not more than 4 h. */
  g_ptr_array_add (f->extra, add_case (f, "Broken safe", "2026-11-17T06:00:00Z", NULL));
  /* I: due 04:00 today, but recovered: no lead needed. */
  g_ptr_array_add (f->extra, add_case (f, "Lost luggage", "2026-11-17T04:00:00Z",
                                       "status", AMENDS_CASE_STATUS_RECOVERED,
                                       "recovered-at", recovered_at, "fix", "Found it", NULL));

  filter.needs_lead_after = 4 * 3600;
  assert_order (f, &filter, "G");

  /* An hour: A (2 h overdue) too; never D, whose clock is paused past
   * its due time.  Most overdue first. */
  filter.needs_lead_after = 3600;
  assert_order (f, &filter, "GHA");
}

static void
on_list_ready_quit (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AmendsCaseList **list = user_data;
  g_autoptr(GError) error = NULL;

  *list = amends_case_list_new_finish (result, &error);
  g_assert_no_error (error);
}

/* The order by urgency holds until the first case changes clock state;
 * a search made later does not reuse a base read before then. */
static void
test_order_follows_time (Fixture       *f,
                         gconstpointer  data)
{
  AmendsCaseFilter filter = AMENDS_CASE_FILTER_INIT;
  g_autoptr(AmendsCaseList) list = NULL;
  g_autoptr(AmendsCaseList) searched = NULL;
  g_autofree char *order = NULL;
  g_autoptr(GDateTime) ten_pm = amends_test_time ("2026-11-18T22:00:00Z");
  const AmendsCaseIds *ids;

  /* G: major, due 08:00 tomorrow. */
  g_ptr_array_add (f->extra, add_case (f, "Lift out, only stairs", "2026-11-18T08:00:00Z",
                                       "severity", AMENDS_SEVERITY_MAJOR, NULL));
  assert_order (f, NULL, "AGCBDEF");
  list = make_list (f, NULL);

  /* C is due at 02:00 tomorrow: 4 h before, at 22:00, it is due soon;
   * nothing changes state before that (A is overdue already, G and B are
   * due later than C). */
  ids = amends_case_list_get_reusable_ids (list);
  g_assert_nonnull (ids);
  g_assert_cmpint (ids->order_until, ==, g_date_time_to_unix (ten_pm));

  amends_store_set_fixed_now (f->db.store, ten_pm);
  filter.query = (char *) "only";
  amends_case_list_new_from_async (list, &filter, NULL, on_list_ready_quit, &searched);
  while (searched == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* C due soon now, G still running: C first. */
  order = order_of (f, searched);
  g_assert_cmpstr (order, ==, "CG");
}

static void
test_order_newest_oldest (Fixture       *f,
                          gconstpointer  data)
{
  AmendsCaseFilter filter = AMENDS_CASE_FILTER_INIT;

  filter.sort = AMENDS_CASE_SORT_NEWEST;
  assert_order (f, &filter, "BCEADF");
  filter.sort = AMENDS_CASE_SORT_OLDEST;
  assert_order (f, &filter, "FDAECB");
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  AmendsCaseFilter filter = AMENDS_CASE_FILTER_INIT;

  filter.status = AMENDS_CASE_STATUS_IN_RECOVERY;
  assert_order (f, &filter, "B");

  filter = (AmendsCaseFilter) AMENDS_CASE_FILTER_INIT;
  filter.owner_id = amends_record_get_id (AMENDS_RECORD (f->ada));
  assert_order (f, &filter, "AC");

  filter.owner_id = 0;
  assert_order (f, &filter, "BDEF");

  filter = (AmendsCaseFilter) AMENDS_CASE_FILTER_INIT;
  filter.overdue_only = TRUE;
  assert_order (f, &filter, "A");

  filter = (AmendsCaseFilter) AMENDS_CASE_FILTER_INIT;
  filter.category = (char *) "Room";
  assert_order (f, &filter, "AF");

  filter = (AmendsCaseFilter) AMENDS_CASE_FILTER_INIT;
  filter.query = (char *) "lapel";
  assert_order (f, &filter, "C");

  /* Prefixes match, every word must, and FTS syntax is taken literally. */
  filter.query = (char *) "  ROO  not ";
  assert_order (f, &filter, "A");
  filter.query = (char *) "room NEAR\"";
  assert_order (f, &filter, "");
  filter.query = (char *) "\" OR *";
  assert_order (f, &filter, "");

  /* Filters combine. */
  filter = (AmendsCaseFilter) AMENDS_CASE_FILTER_INIT;
  filter.category = (char *) "Room";
  filter.status = AMENDS_CASE_STATUS_CLOSED;
  assert_order (f, &filter, "F");
}

static void
test_trash (Fixture       *f,
            gconstpointer  data)
{
  AmendsCaseFilter filter = AMENDS_CASE_FILTER_INIT;
  g_autoptr(GError) error = NULL;

  amends_store_trash_case (f->db.store, amends_record_get_id (AMENDS_RECORD (f->soon)), &error);
  g_assert_no_error (error);

  assert_order (f, NULL, "ABDEF");
  filter.trash = TRUE;
  assert_order (f, &filter, "C");
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *log)
{
  log->position = position;
  log->removed = removed;
  log->added = added;
  log->count++;
}

static void
test_items_changed (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AmendsCaseList) list = make_list (f, NULL);
  g_autoptr(AmendsCase) fresh = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged log = { 0 };

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &log);

  /* Insert: due in 24 h, so after B (23 h) and before the paused D. */
  fresh = amends_test_add_case (f->db.store, "Heating off", f->db.now);
  wait_for_refresh (list);
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_cmpuint (log.position, ==, 3);
  g_assert_cmpuint (log.removed, ==, 0);
  g_assert_cmpuint (log.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 7);
  g_assert_cmpuint (amends_case_list_find (list, amends_record_get_id (AMENDS_RECORD (fresh))), ==, 3);

  /* Update that moves: C is recovered now, the most recent recovery.
   * A C B G D E F  →  A B G D C E F: positions 1..4 differ. */
  g_object_set (f->soon, "status", AMENDS_CASE_STATUS_RECOVERED, "recovered-at", f->db.now, NULL);
  amends_store_update (f->db.store, AMENDS_RECORD (f->soon), &error);
  g_assert_no_error (error);
  wait_for_refresh (list);
  g_assert_cmpuint (log.count, ==, 2);
  g_assert_cmpuint (log.position, ==, 1);
  g_assert_cmpuint (log.removed, ==, 4);
  g_assert_cmpuint (log.added, ==, 4);

  /* Delete (to the trash): B leaves position 1. */
  amends_store_trash_case (f->db.store, amends_record_get_id (AMENDS_RECORD (f->later)), &error);
  g_assert_no_error (error);
  wait_for_refresh (list);
  g_assert_cmpuint (log.count, ==, 3);
  g_assert_cmpuint (log.position, ==, 1);
  g_assert_cmpuint (log.removed, ==, 1);
  g_assert_cmpuint (log.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 6);

  /* Restore brings it back where it was. */
  amends_store_restore_case (f->db.store, amends_record_get_id (AMENDS_RECORD (f->later)), &error);
  wait_for_refresh (list);
  g_assert_cmpuint (log.count, ==, 4);
  g_assert_cmpuint (log.position, ==, 1);
  g_assert_cmpuint (log.removed, ==, 0);
  g_assert_cmpuint (log.added, ==, 1);
}

static void
on_notify_summary (GObject    *object,
                   GParamSpec *pspec,
                   guint      *count)
{
  (*count)++;
}

static void
test_update_in_place (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AmendsCaseList) list = make_list (f, NULL);
  g_autoptr(AmendsCase) shown = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_autoptr(AmendsCase) shown_again = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged log = { 0 };
  guint notified = 0;

  g_assert_cmpint (amends_record_get_id (AMENDS_RECORD (shown)), ==,
                   amends_record_get_id (AMENDS_RECORD (f->overdue)));
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &log);
  g_signal_connect (shown, "notify::summary", G_CALLBACK (on_notify_summary), &notified);

  /* An edit that keeps the order changes the row's object, not the list. */
  amends_case_set_summary (f->overdue, "Room not ready at 3 pm");
  amends_store_update (f->db.store, AMENDS_RECORD (f->overdue), &error);
  g_assert_no_error (error);
  wait_for_refresh (list);

  g_assert_cmpuint (log.count, ==, 0);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (amends_case_get_summary (shown), ==, "Room not ready at 3 pm");
  shown_again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (shown == shown_again);

  /* A new owner's name shows on the row too. */
  g_object_set (f->ada, "name", "Ada Lovelace", NULL);
  amends_store_update (f->db.store, AMENDS_RECORD (f->ada), &error);
  g_assert_cmpstr (amends_case_get_owner_name (shown), ==, "Ada Lovelace");
}

static void
test_search_follows_timeline (Fixture       *f,
                              gconstpointer  data)
{
  AmendsCaseFilter filter = AMENDS_CASE_FILTER_INIT;
  g_autoptr(AmendsCaseList) list = NULL;
  g_autoptr(AmendsAction) action = amends_action_new ();
  g_autoptr(GError) error = NULL;

  filter.query = (char *) "boots";
  list = make_list (f, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  g_object_set (action, "case-id", amends_record_get_id (AMENDS_RECORD (f->soon)),
                "text", "Brought cowboy boots for the children", NULL);
  amends_store_insert (f->db.store, AMENDS_RECORD (action), &error);
  g_assert_no_error (error);
  wait_for_refresh (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

/* Cases whose numbers are 57 or near it, beside the fixture's C-2026-00001
 * (A) to C-2026-00006 (F).  The references are given, as an import gives
 * them.  Running clocks in urgency order, with the fixture's (due 24 h
 * after they happen):
 *
 *   C-2026-00100    due 18 Nov 06:00  mentions room 57
 *   A               due 18 Nov 08:00
 *   C-2024-0000057  due 18 Nov 08:30  number 57, padded otherwise; Food
 *   C               due 19 Nov 02:00
 *   C-2025-00057    due 19 Nov 04:00  in recovery; mentions room 57 too
 *   C-2026-00057    due 19 Nov 06:00  Ada's; Room
 *   C-2026-00570    due 19 Nov 07:00
 *   C-2026-00157    due 19 Nov 07:30
 *   B               due 19 Nov 09:00
 *
 * Returns: the cases, C-2026-00057 first */
static GPtrArray *
add_numbered_cases (Fixture *f)
{
  GPtrArray *cases = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 ada_id = amends_record_get_id (AMENDS_RECORD (f->ada));

  g_ptr_array_add (cases, add_case (f, "Towels missing", "2026-11-18T06:00:00Z",
                                    "reference", "C-2026-00057", "owner-id", ada_id,
                                    "category", "Room", NULL));
  g_ptr_array_add (cases, add_case (f, "Minibar in room 57 not refilled", "2026-11-18T04:00:00Z",
                                    "reference", "C-2025-00057",
                                    "status", AMENDS_CASE_STATUS_IN_RECOVERY, NULL));
  g_ptr_array_add (cases, add_case (f, "Soup too salty", "2026-11-17T08:30:00Z",
                                    "reference", "C-2024-0000057", "category", "Food", NULL));
  g_ptr_array_add (cases, add_case (f, "Spilled wine", "2026-11-18T07:00:00Z",
                                    "reference", "C-2026-00570", NULL));
  g_ptr_array_add (cases, add_case (f, "Broken kettle", "2026-11-18T07:30:00Z",
                                    "reference", "C-2026-00157", NULL));
  g_ptr_array_add (cases, add_case (f, "Heater in room 57 broken", "2026-11-17T06:00:00Z",
                                    "reference", "C-2026-00100", NULL));

  return cases;
}

/* The list as its cases' references, e.g. "C-2026-00057 C-2025-00057". */
static char *
references_of (AmendsCaseList *list)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(AmendsCase) kase = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_string_append_printf (str, "%s%s", i ? " " : "", amends_case_get_reference (kase));
    }

  return g_string_free (str, FALSE);
}

static void
assert_search (Fixture                *f,
               const AmendsCaseFilter *filter,
               const char             *query,
               const char             *expected)
{
  AmendsCaseFilter with_query = *filter;
  g_autoptr(AmendsCaseList) list = NULL;
  g_autofree char *references = NULL;

  with_query.query = (char *) query;
  list = make_list (f, &with_query);
  references = references_of (list);
  g_assert_cmpstr (references, ==, expected);
}

static void
test_search_reference_whole (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = add_numbered_cases (f);
  AmendsCaseFilter filter = AMENDS_CASE_FILTER_INIT;

  assert_search (f, &filter, "C-2026-00057", "C-2026-00057");
  assert_search (f, &filter, "c-2026-00057", "C-2026-00057");
  assert_search (f, &filter, "  C-2026-00057 ", "C-2026-00057");
  assert_search (f, &filter, "c-2026-57", "C-2026-00057");
  assert_search (f, &filter, "2026-00057", "C-2026-00057");
  assert_search (f, &filter, "C-2025-00057", "C-2025-00057");
  assert_search (f, &filter, "C-2024-57", "C-2024-0000057");
  assert_search (f, &filter, "C-2026-00001", "C-2026-00001");

  /* No such case: no year 2023, no number 58. */
  assert_search (f, &filter, "C-2023-00057", "");
  assert_search (f, &filter, "C-2026-00058", "");
}

static void
test_search_reference_number (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = add_numbered_cases (f);
  AmendsCaseFilter filter = AMENDS_CASE_FILTER_INIT;

  /* Number 57 of every year, whatever its padding, first, and each once;
   * then the case that mentions 57, although its clock is the most urgent. */
  assert_search (f, &filter, "57", "C-2024-0000057 C-2025-00057 C-2026-00057 C-2026-00100");
  assert_search (f, &filter, "#57", "C-2024-0000057 C-2025-00057 C-2026-00057 C-2026-00100");
  assert_search (f, &filter, "00057", "C-2024-0000057 C-2025-00057 C-2026-00057");

  /* Equal numbers only: neither 570 nor 157 is 57, nor 57 570. */
  assert_search (f, &filter, "570", "C-2026-00570");
  assert_search (f, &filter, "157", "C-2026-00157");
  /* E is C-2026-00005; "5" also starts the 57 in two cases' words. */
  assert_search (f, &filter, "5", "C-2026-00005 C-2026-00100 C-2025-00057");

  /* A number that is no case's finds only what mentions it. */
  assert_search (f, &filter, "4242", "");
  assert_search (f, &filter, "99", "");

  /* Newest first: each part in that order. */
  filter.sort = AMENDS_CASE_SORT_NEWEST;
  assert_search (f, &filter, "57", "C-2026-00057 C-2025-00057 C-2024-0000057 C-2026-00100");
}

static void
test_search_reference_filtered (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = add_numbered_cases (f);
  AmendsCaseFilter filter = AMENDS_CASE_FILTER_INIT;

  filter.status = AMENDS_CASE_STATUS_IN_RECOVERY;
  assert_search (f, &filter, "57", "C-2025-00057");
  assert_search (f, &filter, "C-2026-00057", "");

  filter = (AmendsCaseFilter) AMENDS_CASE_FILTER_INIT;
  filter.owner_id = amends_record_get_id (AMENDS_RECORD (f->ada));
  assert_search (f, &filter, "57", "C-2026-00057");
  filter.owner_id = 0;
  assert_search (f, &filter, "57", "C-2024-0000057 C-2025-00057 C-2026-00100");

  filter = (AmendsCaseFilter) AMENDS_CASE_FILTER_INIT;
  filter.category = (char *) "Food";
  assert_search (f, &filter, "57", "C-2024-0000057");

  filter = (AmendsCaseFilter) AMENDS_CASE_FILTER_INIT;
  filter.overdue_only = TRUE;
  assert_search (f, &filter, "57", "C-2024-0000057 C-2026-00100");
  assert_search (f, &filter, "C-2026-00057", "");
}

static void
test_search_reference_trash (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = add_numbered_cases (f);
  AmendsCaseFilter filter = AMENDS_CASE_FILTER_INIT;
  AmendsCaseFilter trash = AMENDS_CASE_FILTER_INIT;
  g_autoptr(GError) error = NULL;

  trash.trash = TRUE;
  amends_store_trash_case (f->db.store, amends_record_get_id (cases->pdata[0]), &error);
  g_assert_no_error (error);

  assert_search (f, &filter, "C-2026-00057", "");
  assert_search (f, &filter, "57", "C-2024-0000057 C-2025-00057 C-2026-00100");
  assert_search (f, &trash, "C-2026-00057", "C-2026-00057");
  assert_search (f, &trash, "57", "C-2026-00057");
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

/* The window searches in a thread, on a connection of its own. */
static void
test_search_reference_async (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = add_numbered_cases (f);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncResult async = { loop, NULL, NULL };
  AmendsCaseFilter filter = AMENDS_CASE_FILTER_INIT;
  g_autofree char *references = NULL;

  filter.query = (char *) "57";
  amends_case_list_new_async (AMENDS_CASE_SOURCE (f->db.store), &filter, NULL, on_list_ready, &async);
  g_main_loop_run (loop);
  g_assert_no_error (async.error);
  references = references_of (async.list);
  g_assert_cmpstr (references, ==, "C-2024-0000057 C-2025-00057 C-2026-00057 C-2026-00100");
  g_assert_finalize_object (async.list);
}

/* A commit moves the list only when its ids have been read again, in a
 * thread: not during the commit, but once the main loop has run. */
static void
test_refresh_in_thread (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(AmendsCaseList) list = make_list (f, NULL);
  g_autoptr(AmendsCase) fresh = NULL;
  ItemsChanged log = { 0 };

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &log);
  g_assert_false (amends_case_list_get_refreshing (list));

  fresh = amends_test_add_case (f->db.store, "Heating off", f->db.now);

  /* The commit has returned; the ids are being read elsewhere. */
  g_assert_true (amends_case_list_get_refreshing (list));
  g_assert_cmpuint (amends_case_list_get_n_refreshes (list), ==, 1);
  g_assert_cmpuint (log.count, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 6);

  wait_for_refresh (list);
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 7);
  g_assert_cmpuint (amends_case_list_find (list, amends_record_get_id (AMENDS_RECORD (fresh))), ==, 3);
  g_assert_cmpuint (amends_case_list_get_n_refreshes (list), ==, 1);
}

/* Twenty commits in a row read the ids twice at most: once for the first,
 * once more for all that came while that ran. */
static void
test_refresh_coalesced (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(AmendsCaseList) list = make_list (f, NULL);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *summary = g_strdup_printf ("Burst %u", i);

      g_ptr_array_add (added, amends_test_add_case (f->db.store, summary, f->db.now));
    }

  wait_for_refresh (list);
  g_assert_cmpuint (amends_case_list_get_n_refreshes (list), >=, 1);
  g_assert_cmpuint (amends_case_list_get_n_refreshes (list), <=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 26);
  for (guint i = 0; i < added->len; i++)
    g_assert_cmpuint (amends_case_list_find (list, amends_record_get_id (added->pdata[i])), !=, G_MAXUINT);
}

/* A list let go of while its ids are read again: the query finishes (or
 * stops) and goes, and nothing touches the list after. */
static void
test_refresh_disposed (Fixture       *f,
                       gconstpointer  data)
{
  AmendsCaseList *list = make_list (f, NULL);
  g_autoptr(AmendsCase) fresh = NULL;

  fresh = amends_test_add_case (f->db.store, "Heating off", f->db.now);
  g_assert_true (amends_case_list_get_refreshing (list));
  g_assert_cmpuint (amends_case_list_get_n_running (), ==, 1);

  /* The query in flight holds no reference to the list. */
  g_assert_finalize_object (list);

  while (amends_case_list_get_n_running () > 0)
    g_main_context_iteration (NULL, TRUE);

  /* Another commit reaches no list. */
  g_clear_object (&fresh);
  fresh = amends_test_add_case (f->db.store, "Heating off again", f->db.now);
  g_assert_cmpuint (amends_case_list_get_n_running (), ==, 0);
}

static void
on_base_ready (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AmendsCaseList **list = user_data;
  g_autoptr(GError) error = NULL;

  *list = amends_case_list_new_finish (result, &error);
  g_assert_no_error (error);
}

static AmendsCaseList *
finish_async (AmendsCaseList **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

/* A search gives what SQLite's own ordering gave, made at once on the
 * store's connection, and in a thread from the list without the search
 * (whose ids it reuses).  The orders are written out by hand. */
static void
assert_search_order (Fixture                *f,
                     const AmendsCaseFilter *filter,
                     const char             *query,
                     const char             *expected,
                     guint                   n_open,
                     guint                   n_overdue)
{
  AmendsCaseFilter with_query = *filter;
  g_autoptr(AmendsCaseList) base = NULL;
  g_autoptr(AmendsCaseList) found = NULL;
  g_autoptr(AmendsCaseList) at_once = NULL;
  AmendsCaseList *slot = NULL;
  g_autofree char *order = NULL;
  g_autofree char *order_at_once = NULL;

  with_query.query = (char *) query;

  at_once = make_list (f, &with_query);
  order_at_once = order_of (f, at_once);
  g_assert_cmpstr (order_at_once, ==, expected);
  g_assert_cmpuint (amends_case_list_get_n_open (at_once), ==, n_open);
  g_assert_cmpuint (amends_case_list_get_n_overdue (at_once), ==, n_overdue);

  amends_case_list_new_async (AMENDS_CASE_SOURCE (f->db.store), filter, NULL, on_base_ready, &slot);
  base = finish_async (&slot);
  slot = NULL;
  amends_case_list_new_from_async (base, &with_query, NULL, on_base_ready, &slot);
  found = finish_async (&slot);
  order = order_of (f, found);
  g_assert_cmpstr (order, ==, expected);
  g_assert_cmpuint (amends_case_list_get_n_open (found), ==, n_open);
  g_assert_cmpuint (amends_case_list_get_n_overdue (found), ==, n_overdue);
}

static void
test_search_order (Fixture       *f,
                   gconstpointer  data)
{
  AmendsCaseFilter filter = AMENDS_CASE_FILTER_INIT;

  /* "r": Room not ready (A), Noisy room (F); "w": Waiting for the guest
   * (D, paused), Wrong bill (E, recovered). */
  assert_search_order (f, &filter, "r", "AF", 1, 1);
  assert_search_order (f, &filter, "w", "DE", 1, 0);
  assert_search_order (f, &filter, "nothing", "", 0, 0);

  filter.sort = AMENDS_CASE_SORT_NEWEST;
  assert_search_order (f, &filter, "r", "AF", 1, 1);
  assert_search_order (f, &filter, "w", "ED", 1, 0);
  filter.sort = AMENDS_CASE_SORT_OLDEST;
  assert_search_order (f, &filter, "r", "FA", 1, 1);
  assert_search_order (f, &filter, "w", "DE", 1, 0);

  filter = (AmendsCaseFilter) AMENDS_CASE_FILTER_INIT;
  filter.owner_id = 0;
  assert_search_order (f, &filter, "w", "DE", 1, 0);
  filter.status = AMENDS_CASE_STATUS_RECOVERED;
  assert_search_order (f, &filter, "w", "E", 0, 0);

  filter = (AmendsCaseFilter) AMENDS_CASE_FILTER_INIT;
  filter.category = (char *) "Room";
  filter.sort = AMENDS_CASE_SORT_OLDEST;
  assert_search_order (f, &filter, "r", "FA", 1, 1);
  assert_search_order (f, &filter, "ready", "A", 1, 1);

  filter = (AmendsCaseFilter) AMENDS_CASE_FILTER_INIT;
  filter.overdue_only = TRUE;
  assert_search_order (f, &filter, "r", "A", 1, 1);
  assert_search_order (f, &filter, "w", "", 0, 0);

  /* Every word must match, in any of the cases' texts. */
  filter = (AmendsCaseFilter) AMENDS_CASE_FILTER_INIT;
  assert_search_order (f, &filter, "room not", "A", 1, 1);
  assert_search_order (f, &filter, "room no", "AF", 1, 1);
}

/* A search list follows commits as any list: the base it reused is read
 * again with the hits. */
static void
test_search_follows_commit (Fixture       *f,
                            gconstpointer  data)
{
  AmendsCaseFilter filter = AMENDS_CASE_FILTER_INIT;
  g_autoptr(AmendsCaseList) base = NULL;
  g_autoptr(AmendsCaseList) found = NULL;
  g_autoptr(AmendsCase) fresh = NULL;
  AmendsCaseList *slot = NULL;
  g_autofree char *order = NULL;

  amends_case_list_new_async (AMENDS_CASE_SOURCE (f->db.store), &filter, NULL, on_base_ready, &slot);
  base = finish_async (&slot);
  slot = NULL;
  filter.query = (char *) "r";
  amends_case_list_new_from_async (base, &filter, NULL, on_base_ready, &slot);
  found = finish_async (&slot);

  fresh = amends_test_add_case (f->db.store, "Radiator cold", f->db.now);
  wait_for_refresh (found);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 3);
  g_assert_cmpuint (amends_case_list_find (found, amends_record_get_id (AMENDS_RECORD (fresh))), ==, 1);
  g_assert_cmpuint (amends_case_list_get_n_open (found), ==, 2);
}

/* A million cases, written straight into the file: going through the
 * store one by one would take minutes and test nothing more. */
static void
fill_million (AmendsStore *store)
{
  static const char sql[] =
    "BEGIN;"
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)"
    "INSERT INTO cases (id, reference, summary, severity, channel, noticed_by, occurred_at,"
    "                   logged_at, status, recovery_due_at, reaction, came_back)"
    "  SELECT i, printf ('C-2026-%07d', i), 'Case ' || i, 'minor', 'phone', 'customer',"
    "         1700000000 + i * 60, 1700000000 + i * 60, 'open', 1700000000 + i * 60 + 86400,"
    "         'unknown', 'unknown' FROM n;"
    "COMMIT;";
  /* The same rows; the identity goes on after them, as a copy leaves it. */
  static const char sql_pg[] =
    "BEGIN;"
    "INSERT INTO cases (id, reference, summary, severity, channel, noticed_by, occurred_at,"
    "                   logged_at, status, recovery_due_at, reaction, came_back)"
    "  SELECT i, 'C-2026-' || lpad (i::text, 7, '0'), 'Case ' || i, 'minor', 'phone', 'customer',"
    "         1700000000 + i * 60, 1700000000 + i * 60, 'open', 1700000000 + i * 60 + 86400,"
    "         'unknown', 'unknown' FROM generate_series (1, 1000000) AS i;"
    "SELECT setval (pg_get_serial_sequence ('cases', 'id'), 1000000);"
    "COMMIT;"
    "ANALYZE cases;";

  amends_test_store_exec (store, amends_test_on_server () ? sql_pg : sql);
}

static int
count_statement_cb (unsigned  event,
                    void     *user_data,
                    void     *stmt,
                    void     *sql)
{
  (*(guint *) user_data)++;
  return 0;
}

static void
test_lazy_million (AmendsTestDb  *db,
                   gconstpointer  data)
{
  g_autoptr(AmendsCaseList) list = NULL;
  g_autoptr(AmendsCase) middle = NULL;
  g_autoptr(AmendsCase) neighbour = NULL;
  g_autoptr(GError) error = NULL;
  AmendsCaseFilter filter = AMENDS_CASE_FILTER_INIT;
  guint64 rows_before;
  guint n_statements = 0;

  fill_million (db->store);

  filter.sort = AMENDS_CASE_SORT_OLDEST;
  list = amends_case_list_new (AMENDS_CASE_SOURCE (db->store), &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1000000);
  g_assert_cmpuint (amends_case_list_get_rows_loaded (list), ==, 0);

  rows_before = amends_store_get_rows_read (db->store);
  /* The statements run are counted on SQLite only (its trace); on the
   * server the rows read and the pages say the same. */
  if (!amends_test_on_server ())
    sqlite3_trace_v2 (amends_store_get_db (db->store), SQLITE_TRACE_STMT,
                      count_statement_cb, &n_statements);
  middle = g_list_model_get_item (G_LIST_MODEL (list), 500000);
  if (!amends_test_on_server ())
    sqlite3_trace_v2 (amends_store_get_db (db->store), 0, NULL, NULL);
  g_assert_cmpstr (amends_case_get_summary (middle), ==, "Case 500001");

  /* One page around the item was read, none of the rows before it, and
   * with one query rather than one a case. */
  g_assert_cmpuint (amends_case_list_get_rows_loaded (list), ==, 64);
  g_assert_cmpuint (amends_store_get_rows_read (db->store) - rows_before, ==, 64);
  g_assert_cmpuint (amends_case_list_get_n_pages_read (list), ==, 1);
  if (!amends_test_on_server ())
    g_assert_cmpuint (n_statements, ==, 1);
  else
    g_test_message ("SQLite only: the number of statements run (SQLite's trace)");

  /* Its neighbour comes from the same page. */
  neighbour = g_list_model_get_item (G_LIST_MODEL (list), 500001);
  g_assert_cmpstr (amends_case_get_summary (neighbour), ==, "Case 500002");
  g_assert_cmpuint (amends_case_list_get_rows_loaded (list), <=, 64);

  g_assert_cmpuint (amends_case_list_get_n_pages_read (list), ==, 1);

  /* Walking far away keeps the cache bounded (1024 cases), however many
   * were read. */
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(AmendsCase) kase = g_list_model_get_item (G_LIST_MODEL (list), i * 9973);
      g_assert_nonnull (kase);
    }
  g_assert_cmpuint (amends_case_list_get_rows_loaded (list), <=, 101 * 64);
  g_assert_cmpuint (amends_case_list_get_rows_loaded (list), >, 1024);
  g_assert_cmpuint (amends_case_list_get_n_cached (list), ==, 1024);

  /* The case asked for last is still there: the least recent went. */
  g_assert_cmpuint (amends_case_list_get_n_pages_read (list), ==, 101);
  g_clear_object (&neighbour);
  neighbour = g_list_model_get_item (G_LIST_MODEL (list), 99 * 9973);
  g_assert_cmpuint (amends_case_list_get_n_pages_read (list), ==, 101);
}

/* A case another program removed after the ids were read shows as an
 * empty row, and its neighbours as themselves. */
static void
test_lazy_removed_meanwhile (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(AmendsCaseList) list = make_list (f, NULL);
  gint64 gone = amends_record_get_id (AMENDS_RECORD (f->later));
  g_autofree char *sql = g_strdup_printf ("DELETE FROM cases WHERE id = %" G_GINT64_FORMAT, gone);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));

  amends_test_store_exec (f->db.store, sql);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AmendsCase) kase = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpint (amends_record_get_id (AMENDS_RECORD (kase)), ==,
                       amends_case_list_get_id (list, i));
      if (amends_record_get_id (AMENDS_RECORD (kase)) == gone)
        g_assert_null (amends_case_get_summary (kase));
      else
        g_assert_nonnull (amends_case_get_summary (kase));
    }
  g_assert_cmpuint (amends_case_list_get_n_pages_read (list), ==, 1);
  g_assert_cmpuint (amends_case_list_get_rows_loaded (list), ==, n_items);
}

#define ADD_FIXTURE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_FIXTURE_TEST ("/case-list/order/urgency", test_order_urgency);
  ADD_FIXTURE_TEST ("/case-list/order/severity-within-clock-state", test_order_severity);
  ADD_FIXTURE_TEST ("/case-list/order/follows-time", test_order_follows_time);
  ADD_FIXTURE_TEST ("/case-list/order/follow-up-due", test_follow_up_due);
  ADD_FIXTURE_TEST ("/case-list/filter/needs-lead", test_needs_lead);
  ADD_FIXTURE_TEST ("/case-list/order/newest-and-oldest", test_order_newest_oldest);
  ADD_FIXTURE_TEST ("/case-list/filter/each-and-combined", test_filters);
  ADD_FIXTURE_TEST ("/case-list/filter/trash", test_trash);
  ADD_FIXTURE_TEST ("/case-list/items-changed/insert-update-delete", test_items_changed);
  ADD_FIXTURE_TEST ("/case-list/items-changed/edit-in-place", test_update_in_place);
  ADD_FIXTURE_TEST ("/case-list/search/follows-timeline", test_search_follows_timeline);
  ADD_FIXTURE_TEST ("/case-list/search/order-as-sql-gave", test_search_order);
  ADD_FIXTURE_TEST ("/case-list/search/follows-commit", test_search_follows_commit);
  ADD_FIXTURE_TEST ("/case-list/refresh/in-a-thread", test_refresh_in_thread);
  ADD_FIXTURE_TEST ("/case-list/refresh/coalesced", test_refresh_coalesced);
  ADD_FIXTURE_TEST ("/case-list/refresh/disposed-while-running", test_refresh_disposed);
  ADD_FIXTURE_TEST ("/case-list/search/reference/whole", test_search_reference_whole);
  ADD_FIXTURE_TEST ("/case-list/search/reference/number-alone", test_search_reference_number);
  ADD_FIXTURE_TEST ("/case-list/search/reference/other-filters-apply", test_search_reference_filtered);
  ADD_FIXTURE_TEST ("/case-list/search/reference/trash-apart", test_search_reference_trash);
  ADD_FIXTURE_TEST ("/case-list/search/reference/in-a-thread", test_search_reference_async);
  ADD_FIXTURE_TEST ("/case-list/lazy/removed-meanwhile", test_lazy_removed_meanwhile);
  g_test_add ("/case-list/lazy/million-rows-item-500000", AmendsTestDb, NULL,
              amends_test_db_setup, test_lazy_million, amends_test_db_teardown);

  return g_test_run ();
}
