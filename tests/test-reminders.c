/* test-reminders.c: which desktop reminders fire at a given now, and when
 * the notifier looks again
 *
 * Every expectation is worked out by hand from the rules in
 * amends-reminders.c: "due soon" from the lead time before the due time
 * until the due time; overdue a second after it; escalated a second
 * after the escalation time past it; each news for a day at most.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-reminders.h"
#include "amends-store-reminders.h"
#include "amends-test-utils.h"

#define NOW ((gint64) 1800000000)
#define DESK 7
#define OTHER 8

static const AmendsReminderRules default_rules = {
  AMENDS_REMINDER_ALL, 2 * 3600, 15 * 60, 4 * 3600, 24 * 3600, DESK, FALSE,
};

/* id, reference, summary, owner, logged at, open, due at, follow-up at */
static const AmendsReminderCase desk_cases[] = {
  { 1, NULL, NULL, DESK,  NOW - 5000,  TRUE,  NOW + 3600,  0 },  /* due in an hour */
  { 2, NULL, NULL, DESK,  NOW - 5000,  TRUE,  NOW + 7200,  0 },  /* due in exactly 2 h */
  { 3, NULL, NULL, DESK,  NOW - 5000,  TRUE,  NOW + 7300,  0 },  /* 100 s before "due soon" */
  { 4, NULL, NULL, OTHER, NOW - 5000,  TRUE,  NOW - 10,    0 },  /* someone else's, overdue */
  { 5, NULL, NULL, 0,     NOW - 1000,  TRUE,  NOW - 100,   0 },  /* nobody's, overdue */
  { 6, NULL, NULL, DESK,  NOW - 90000, FALSE, 0,           NOW - 5 },  /* follow-up due */
  { 7, NULL, NULL, DESK,  NOW - 99000, TRUE,  NOW - 90000, 0 },  /* overdue for 25 h */
  { 8, NULL, NULL, DESK,  NOW - 5000,  TRUE,  NOW,         0 },  /* due this second */
};

typedef struct
{
  gint64             case_id;
  AmendsReminderKind kind;
} Expected;

static void
assert_fired (GArray         *fired,
              const Expected *expected,
              guint           n_expected)
{
  for (guint i = 0; i < MIN (fired->len, n_expected); i++)
    {
      const AmendsReminder *r = &g_array_index (fired, AmendsReminder, i);

      g_test_message ("fired %u: case %" G_GINT64_FORMAT ", kind %d", i, r->case_id, r->kind);
      g_assert_cmpint (r->case_id, ==, expected[i].case_id);
      g_assert_cmpint (r->kind, ==, expected[i].kind);
    }
  g_assert_cmpuint (fired->len, ==, n_expected);
}

static void
test_plan_desk (void)
{
  const Expected expected[] = {
    { 1, AMENDS_REMINDER_DUE_SOON },
    { 2, AMENDS_REMINDER_DUE_SOON },
    { 5, AMENDS_REMINDER_OVERDUE },
    { 5, AMENDS_REMINDER_UNOWNED },
    { 6, AMENDS_REMINDER_FOLLOW_UP },
    { 8, AMENDS_REMINDER_DUE_SOON },
  };
  g_autoptr(GArray) fired = NULL;
  gint64 next = 0;

  fired = amends_reminders_plan (desk_cases, G_N_ELEMENTS (desk_cases), &default_rules, NOW, NULL, &next);
  assert_fired (fired, expected, G_N_ELEMENTS (expected));
  /* Case 8 goes overdue a second from now: exactly at the due time is
   * not overdue yet. */
  g_assert_cmpint (next, ==, NOW + 1);

  /* The moments of the cases the desk hears of, 8 set aside: case 3's
   * "due soon" in 100 s comes first. */
  fired = (g_array_unref (fired), amends_reminders_plan (desk_cases, 7, &default_rules, NOW, NULL, &next));
  g_assert_cmpint (next, ==, NOW + 100);
}

static void
test_plan_sent_once (void)
{
  const Expected expected[] = {
    { 5, AMENDS_REMINDER_UNOWNED },
    { 6, AMENDS_REMINDER_FOLLOW_UP },
  };
  g_autoptr(GHashTable) sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) fired = NULL;
  gint64 next = 0;

  g_hash_table_add (sent, g_strdup ("1-due-soon"));
  g_hash_table_add (sent, g_strdup ("2-due-soon"));
  g_hash_table_add (sent, g_strdup ("5-overdue"));
  g_hash_table_add (sent, g_strdup ("8-due-soon"));

  fired = amends_reminders_plan (desk_cases, G_N_ELEMENTS (desk_cases), &default_rules, NOW, sent, &next);
  assert_fired (fired, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (next, ==, NOW + 1);
}

static void
test_plan_lead (void)
{
  AmendsReminderRules rules = default_rules;
  const Expected expected[] = {
    { 1, AMENDS_REMINDER_DUE_SOON },
    { 2, AMENDS_REMINDER_DUE_SOON },
    { 5, AMENDS_REMINDER_OVERDUE },
    { 5, AMENDS_REMINDER_UNOWNED },
    { 6, AMENDS_REMINDER_FOLLOW_UP },
    /* Overdue by 25 h, more than 4 h: escalated 20 h 59 min 59 s ago,
     * within the day it is news. */
    { 7, AMENDS_REMINDER_ESCALATED },
    { 8, AMENDS_REMINDER_DUE_SOON },
  };
  g_autoptr(GArray) fired = NULL;
  gint64 next = 0;

  rules.desk_is_lead = TRUE;
  fired = amends_reminders_plan (desk_cases, G_N_ELEMENTS (desk_cases), &rules, NOW, NULL, &next);
  assert_fired (fired, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (next, ==, NOW + 1);

  /* Case 4 is someone else's: only its escalation comes to the lead,
   * 4 h and a second after its due time, 10 s ago. */
  fired = (g_array_unref (fired), amends_reminders_plan (&desk_cases[3], 1, &rules, NOW, NULL, &next));
  g_assert_cmpuint (fired->len, ==, 0);
  g_assert_cmpint (next, ==, NOW - 10 + 4 * 3600 + 1);
}

static void
test_plan_nobody_at_desk (void)
{
  AmendsReminderRules rules = default_rules;
  const Expected expected[] = {
    { 4, AMENDS_REMINDER_OVERDUE },
  };
  g_autoptr(GArray) fired = NULL;
  gint64 next = 0;

  rules.desk_staff_id = 0;
  fired = amends_reminders_plan (&desk_cases[3], 1, &rules, NOW, NULL, &next);
  assert_fired (fired, expected, G_N_ELEMENTS (expected));
  /* Not a lead: no escalation to wait for. */
  g_assert_cmpint (next, ==, G_MAXINT64);
}

static void
test_plan_kinds_off (void)
{
  AmendsReminderRules rules = default_rules;
  const Expected expected[] = {
    { 6, AMENDS_REMINDER_FOLLOW_UP },
  };
  g_autoptr(GArray) fired = NULL;
  gint64 next = 0;

  rules.kinds = AMENDS_REMINDER_FOLLOW_UP;
  fired = amends_reminders_plan (desk_cases, G_N_ELEMENTS (desk_cases), &rules, NOW, NULL, &next);
  assert_fired (fired, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (next, ==, G_MAXINT64);

  /* Unowned alone: case 5 was logged 1000 s ago, unowned after 900 s. */
  rules.kinds = AMENDS_REMINDER_UNOWNED;
  fired = (g_array_unref (fired), amends_reminders_plan (desk_cases, G_N_ELEMENTS (desk_cases), &rules, NOW, NULL, &next));
  g_assert_cmpuint (fired->len, ==, 1);
  g_assert_cmpint (g_array_index (fired, AmendsReminder, 0).case_id, ==, 5);
  g_assert_cmpint (g_array_index (fired, AmendsReminder, 0).at, ==, NOW - 100);
}

static gint64
put_case (AmendsTestDb *db,
          const char   *summary,
          const char   *occurred,
          gint64        owner_id,
          const char   *first_property,
          ...)
{
  g_autoptr(GDateTime) occurred_at = amends_test_time (occurred);
  g_autoptr(AmendsCase) kase = amends_case_new ();
  g_autoptr(GError) error = NULL;
  va_list args;

  g_object_set (kase, "summary", summary, "occurred-at", occurred_at, "owner-id", owner_id, NULL);
  va_start (args, first_property);
  if (first_property != NULL)
    g_object_set_valist (G_OBJECT (kase), first_property, args);
  va_end (args);
  amends_store_insert (db->store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  return amends_record_get_id (AMENDS_RECORD (kase));
}

static const AmendsReminderCase *
find_read (GArray *read,
           gint64  id)
{
  for (guint i = 0; i < read->len; i++)
    if (g_array_index (read, AmendsReminderCase, i).id == id)
      return &g_array_index (read, AmendsReminderCase, i);

  return NULL;
}

static const AmendsReminderCase *
get_read (GArray *read,
          gint64  id)
{
  const AmendsReminderCase *found = find_read (read, id);

  if (found == NULL)
    g_error ("Case %" G_GINT64_FORMAT " was not read", id);

  return found;
}

/* The store reads the cases around now, no more: at 2026-11-18 10:00,
 * with a lead time of 2 h, escalation after 4 h and a day's look-back,
 * the due times from 11-17 06:00 (less a second) to 12:00 (and one),
 * and the open cases nobody owns logged since 11-17 09:45. */
static void
test_store_reads_window (AmendsTestDb  *db,
                         gconstpointer  data)
{
  g_autoptr(AmendsStaff) ada = amends_test_add_staff (db->store, "Ada");
  g_autoptr(GDateTime) paused_at = amends_test_time ("2026-11-18T09:00:00Z");
  g_autoptr(GDateTime) recovered_at = amends_test_time ("2026-11-18T08:00:00Z");
  g_autoptr(GDateTime) follow_up_at = amends_test_time ("2026-11-18T09:00:00Z");
  g_autoptr(GArray) read_cases = NULL;
  g_autoptr(GError) error = NULL;
  gint64 owner = amends_record_get_id (AMENDS_RECORD (ada));
  AmendsReminderWindow window;
  gint64 later = 0;
  gint64 due_soon, beyond, too_old, paused, follow_up, unowned, sooner_beyond;
  const AmendsReminderCase *read;

  /* Due 11:00 today: in. */
  due_soon = put_case (db, "Room not ready", "2026-11-17T11:00:00Z", owner, NULL);
  /* Due 09:00 tomorrow: beyond the window. */
  beyond = put_case (db, "Cold breakfast", "2026-11-18T09:00:00Z", owner, NULL);
  /* Due 05:00 yesterday: older than the look-back and the escalation. */
  too_old = put_case (db, "Noisy room", "2026-11-16T05:00:00Z", owner, NULL);
  /* Due 11:00 today, but paused: its clock stands still. */
  paused = put_case (db, "Guest away", "2026-11-17T11:00:00Z", owner,
                     "paused-at", paused_at, "pause-reason", "Out", NULL);
  /* Recovered, follow-up due 09:00 today: in. */
  follow_up = put_case (db, "Wrong bill", "2026-11-17T20:00:00Z", owner,
                        "status", AMENDS_CASE_STATUS_RECOVERED, "recovered-at", recovered_at,
                        "fix", "Refunded", "follow-up-due-at", follow_up_at, NULL);
  /* Nobody's, logged now (the store's clock), due long ago: in. */
  unowned = put_case (db, "Lost key", "2026-11-15T10:00:00Z", 0, NULL);
  /* Due 08:00 tomorrow: beyond, and the first due after the window. */
  sooner_beyond = put_case (db, "Dripping tap", "2026-11-18T08:00:00Z", owner, NULL);

  amends_reminder_window_init (&window, &default_rules, g_date_time_to_unix (db->now));
  g_assert_cmpint (window.from, ==, g_date_time_to_unix (db->now) - 28 * 3600 - 1);
  g_assert_cmpint (window.until, ==, g_date_time_to_unix (db->now) + 2 * 3600 + 1);

  read_cases = amends_store_read_reminder_cases (db->store, &window, &later, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read_cases->len, ==, 3);

  read = get_read (read_cases, due_soon);
  g_assert_true (read->open);
  g_assert_cmpint (read->owner_id, ==, owner);
  g_assert_cmpint (read->due_at, ==, g_date_time_to_unix (db->now) + 3600);
  g_assert_cmpstr (read->summary, ==, "Room not ready");

  read = get_read (read_cases, follow_up);
  g_assert_false (read->open);
  g_assert_cmpint (read->due_at, ==, 0);
  g_assert_cmpint (read->follow_up_at, ==, g_date_time_to_unix (follow_up_at));

  read = get_read (read_cases, unowned);
  g_assert_true (read->open);
  g_assert_cmpint (read->owner_id, ==, 0);
  g_assert_cmpint (read->logged_at, ==, g_date_time_to_unix (db->now));

  g_assert_null (find_read (read_cases, beyond));
  g_assert_null (find_read (read_cases, too_old));
  g_assert_null (find_read (read_cases, paused));
  g_assert_null (find_read (read_cases, sooner_beyond));
  g_assert_cmpint (later, ==, g_date_time_to_unix (db->now) + 22 * 3600);
}

/* Put right, a case's reminders have nothing more to ask: worked out
 * from the cases as the store reads them after the change. */
static void
test_settled (void)
{
  /* id, reference, summary, owner, logged at, open, due at, follow-up at */
  const AmendsReminderCase running = { 1, NULL, NULL, DESK, NOW - 5000, TRUE, NOW + 3600, 0 };
  const AmendsReminderCase recovered = { 1, NULL, NULL, DESK, NOW - 5000, FALSE, 0, NOW + 3600 };
  const AmendsReminderCase recovered_no_follow_up = { 1, NULL, NULL, DESK, NOW - 5000, FALSE, 0, 0 };
  const AmendsReminderCase nobodys = { 2, NULL, NULL, 0, NOW - 5000, TRUE, NOW - 10, 0 };
  const AmendsReminderCase taken = { 2, NULL, NULL, OTHER, NOW - 5000, TRUE, NOW - 10, 0 };

  /* Still running: every clock reminder stands. */
  g_assert_false (amends_reminder_is_settled (&running, AMENDS_REMINDER_DUE_SOON));
  g_assert_false (amends_reminder_is_settled (&running, AMENDS_REMINDER_OVERDUE));
  g_assert_false (amends_reminder_is_settled (&running, AMENDS_REMINDER_ESCALATED));

  /* Recovered: the clock's reminders are done; its follow-up stands
   * until it is cleared. */
  g_assert_true (amends_reminder_is_settled (&recovered, AMENDS_REMINDER_DUE_SOON));
  g_assert_true (amends_reminder_is_settled (&recovered, AMENDS_REMINDER_OVERDUE));
  g_assert_true (amends_reminder_is_settled (&recovered, AMENDS_REMINDER_ESCALATED));
  g_assert_false (amends_reminder_is_settled (&recovered, AMENDS_REMINDER_FOLLOW_UP));
  g_assert_true (amends_reminder_is_settled (&recovered_no_follow_up, AMENDS_REMINDER_FOLLOW_UP));

  /* Unowned until someone takes it; overdue whoever owns it. */
  g_assert_false (amends_reminder_is_settled (&nobodys, AMENDS_REMINDER_UNOWNED));
  g_assert_true (amends_reminder_is_settled (&taken, AMENDS_REMINDER_UNOWNED));
  g_assert_false (amends_reminder_is_settled (&taken, AMENDS_REMINDER_OVERDUE));
  g_assert_true (amends_reminder_is_settled (&recovered, AMENDS_REMINDER_UNOWNED));

  /* Gone from the read (trashed, closed): every kind. */
  for (guint kind = AMENDS_REMINDER_DUE_SOON; kind <= AMENDS_REMINDER_ESCALATED; kind <<= 1)
    g_assert_true (amends_reminder_is_settled (NULL, kind));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reminders/plan/desk", test_plan_desk);
  g_test_add_func ("/reminders/plan/sent-once", test_plan_sent_once);
  g_test_add_func ("/reminders/plan/lead", test_plan_lead);
  g_test_add_func ("/reminders/plan/nobody-at-desk", test_plan_nobody_at_desk);
  g_test_add_func ("/reminders/plan/kinds-off", test_plan_kinds_off);
  g_test_add_func ("/reminders/settled", test_settled);
  g_test_add ("/reminders/store/reads-the-window", AmendsTestDb, NULL,
              amends_test_db_setup, test_store_reads_window, amends_test_db_teardown);

  return g_test_run ();
}
