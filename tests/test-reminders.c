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
static const AmendsReminderCase cases[] = {
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

  fired = amends_reminders_plan (cases, G_N_ELEMENTS (cases), &default_rules, NOW, NULL, &next);
  assert_fired (fired, expected, G_N_ELEMENTS (expected));
  /* Case 8 goes overdue a second from now: exactly at the due time is
   * not overdue yet. */
  g_assert_cmpint (next, ==, NOW + 1);

  /* The moments of the cases the desk hears of, 8 set aside: case 3's
   * "due soon" in 100 s comes first. */
  fired = (g_array_unref (fired), amends_reminders_plan (cases, 7, &default_rules, NOW, NULL, &next));
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

  fired = amends_reminders_plan (cases, G_N_ELEMENTS (cases), &default_rules, NOW, sent, &next);
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
  fired = amends_reminders_plan (cases, G_N_ELEMENTS (cases), &rules, NOW, NULL, &next);
  assert_fired (fired, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (next, ==, NOW + 1);

  /* Case 4 is someone else's: only its escalation comes to the lead,
   * 4 h and a second after its due time, 10 s ago. */
  fired = (g_array_unref (fired), amends_reminders_plan (&cases[3], 1, &rules, NOW, NULL, &next));
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
  fired = amends_reminders_plan (&cases[3], 1, &rules, NOW, NULL, &next);
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
  fired = amends_reminders_plan (cases, G_N_ELEMENTS (cases), &rules, NOW, NULL, &next);
  assert_fired (fired, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (next, ==, G_MAXINT64);

  /* Unowned alone: case 5 was logged 1000 s ago, unowned after 900 s. */
  rules.kinds = AMENDS_REMINDER_UNOWNED;
  fired = (g_array_unref (fired), amends_reminders_plan (cases, G_N_ELEMENTS (cases), &rules, NOW, NULL, &next));
  g_assert_cmpuint (fired->len, ==, 1);
  g_assert_cmpint (g_array_index (fired, AmendsReminder, 0).case_id, ==, 5);
  g_assert_cmpint (g_array_index (fired, AmendsReminder, 0).at, ==, NOW - 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reminders/plan/desk", test_plan_desk);
  g_test_add_func ("/reminders/plan/sent-once", test_plan_sent_once);
  g_test_add_func ("/reminders/plan/lead", test_plan_lead);
  g_test_add_func ("/reminders/plan/nobody-at-desk", test_plan_nobody_at_desk);
  g_test_add_func ("/reminders/plan/kinds-off", test_plan_kinds_off);

  return g_test_run ();
}
