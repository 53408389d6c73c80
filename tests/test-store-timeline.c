/* test-store-timeline.c: timeline entries corrected, and follow-ups done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-test-utils.h"

static gint64
id_of (gpointer record)
{
  return amends_record_get_id (AMENDS_RECORD (record));
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

/* The entry as the timeline reads it: the case's entries, the one with @id. */
static AmendsAction *
read_entry (AmendsStore *store,
            gint64       case_id,
            gint64       id)
{
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;

  actions = amends_store_list_actions (store, case_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(AmendsAction) action = g_list_model_get_item (actions, i);

      if (id_of (action) == id)
        return g_steal_pointer (&action);
    }

  g_assert_not_reached ();
}

/* The last audit row of @field. */
static AmendsAuditEntry *
find_audit (GPtrArray  *audit,
            const char *field)
{
  for (guint i = audit->len; i > 0; i--)
    {
      AmendsAuditEntry *entry = audit->pdata[i - 1];

      if (g_str_equal (entry->field, field))
        return entry;
    }

  g_assert_not_reached ();
}

static void
test_correction_keeps_time_and_author (AmendsTestDb  *db,
                                       gconstpointer  data)
{
  g_autoptr(AmendsStaff) ada = amends_test_add_staff (db->store, "Ada");
  g_autoptr(AmendsStaff) bilal = amends_test_add_staff (db->store, "Bilal");
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Lost key card", NULL);
  g_autoptr(AmendsAction) added = NULL;
  g_autoptr(AmendsAction) shown = NULL;
  g_autoptr(AmendsAction) stored = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GDateTime) written_at = g_date_time_ref (db->now);
  g_autoptr(GError) error = NULL;
  AmendsAuditEntry *row;

  amends_store_set_actor_id (db->store, id_of (ada));
  added = amends_store_add_action (db->store, id_of (kase), AMENDS_ACTION_KIND_NOTE,
                                   "Said sory at the dsk", &error);
  g_assert_no_error (error);
  g_assert_null (amends_action_get_corrected_at (added));

  /* Half an hour later Bilal puts it right. */
  advance (db, 30);
  amends_store_set_actor_id (db->store, id_of (bilal));
  shown = read_entry (db->store, id_of (kase), id_of (added));
  g_assert_true (amends_store_correct_action (db->store, shown, AMENDS_ACTION_KIND_APOLOGY,
                                              "  Said sorry at the desk ", &error));
  g_assert_no_error (error);

  stored = read_entry (db->store, id_of (kase), id_of (added));
  g_assert_cmpstr (amends_action_get_text (stored), ==, "Said sorry at the desk");
  g_assert_cmpint (amends_action_get_kind (stored), ==, AMENDS_ACTION_KIND_APOLOGY);
  /* Still Ada's, done when she wrote it. */
  g_assert_cmpint (amends_action_get_staff_id (stored), ==, id_of (ada));
  g_assert_cmpstr (amends_action_get_staff_name (stored), ==, "Ada");
  g_assert_cmpint (g_date_time_to_unix (amends_action_get_done_at (stored)), ==,
                   g_date_time_to_unix (written_at));
  /* Corrected by Bilal, now. */
  g_assert_nonnull (amends_action_get_corrected_at (stored));
  g_assert_cmpint (g_date_time_to_unix (amends_action_get_corrected_at (stored)), ==,
                   g_date_time_to_unix (written_at) + 30 * 60);
  g_assert_cmpstr (amends_action_get_corrected_by_name (stored), ==, "Bilal");
  /* The copy corrected is read back as saved. */
  g_assert_cmpstr (amends_action_get_corrected_by_name (shown), ==, "Bilal");

  audit = amends_store_list_audit (db->store, "actions", id_of (added), &error);
  g_assert_no_error (error);
  row = find_audit (audit, "text");
  g_assert_cmpstr (row->before, ==, "Said sory at the dsk");
  g_assert_cmpstr (row->after, ==, "Said sorry at the desk");
  g_assert_cmpint (row->staff_id, ==, id_of (bilal));
  g_assert_cmpint (row->at, ==, g_date_time_to_unix (written_at) + 30 * 60);
  row = find_audit (audit, "kind");
  g_assert_cmpstr (row->before, ==, "note");
  g_assert_cmpstr (row->after, ==, "apology");
}

/* Another program corrected the entry since it was read here: the old
 * copy does not write over it without a word. */
static void
test_stale_correction_is_a_conflict (AmendsTestDb  *db,
                                     gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Cold soup", NULL);
  g_autoptr(AmendsAction) added = NULL;
  g_autoptr(AmendsAction) here = NULL;
  g_autoptr(AmendsAction) there = NULL;
  g_autoptr(AmendsAction) stored = NULL;
  g_autoptr(AmendsStore) other = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts;

  added = amends_store_add_action (db->store, id_of (kase), AMENDS_ACTION_KIND_CONTACT,
                                   "Called her room", &error);
  g_assert_no_error (error);
  here = read_entry (db->store, id_of (kase), id_of (added));

  other = amends_store_open (db->path, &error);
  g_assert_no_error (error);
  there = read_entry (other, id_of (kase), id_of (added));
  g_assert_true (amends_store_correct_action (other, there, AMENDS_ACTION_KIND_CONTACT,
                                              "Called her room twice", &error));
  g_assert_no_error (error);

  g_assert_false (amends_store_correct_action (db->store, here, AMENDS_ACTION_KIND_CONTACT,
                                               "Called her room at noon", &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  conflicts = amends_record_get_conflicts (AMENDS_RECORD (here));
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (((GParamSpec *) conflicts->pdata[0])->name, ==, "text");

  stored = read_entry (db->store, id_of (kase), id_of (added));
  g_assert_cmpstr (amends_action_get_text (stored), ==, "Called her room twice");
  g_clear_object (&stored);

  /* Told, the person keeps theirs: it is saved over the other. */
  amends_record_resolve_conflict (AMENDS_RECORD (here), conflicts->pdata[0], TRUE);
  g_assert_true (amends_store_correct_action (db->store, here, AMENDS_ACTION_KIND_CONTACT,
                                              "Called her room at noon", &error));
  g_assert_no_error (error);
  stored = read_entry (db->store, id_of (kase), id_of (added));
  g_assert_cmpstr (amends_action_get_text (stored), ==, "Called her room at noon");
  g_clear_object (&stored);

  /* A copy that changes the kind only takes the other's text as it is. */
  g_clear_object (&there);
  there = read_entry (other, id_of (kase), id_of (added));
  g_clear_object (&here);
  here = read_entry (db->store, id_of (kase), id_of (added));
  g_assert_true (amends_store_correct_action (other, there, AMENDS_ACTION_KIND_CONTACT,
                                              "Called her room at noon, no answer", &error));
  g_assert_no_error (error);
  g_assert_true (amends_store_correct_action (db->store, here, AMENDS_ACTION_KIND_NOTE,
                                              "Called her room at noon", &error));
  g_assert_no_error (error);
  stored = read_entry (db->store, id_of (kase), id_of (added));
  g_assert_cmpstr (amends_action_get_text (stored), ==, "Called her room at noon, no answer");
  g_assert_cmpint (amends_action_get_kind (stored), ==, AMENDS_ACTION_KIND_NOTE);
}

static void
test_correction_refusals (AmendsTestDb  *db,
                          gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Noisy room", NULL);
  g_autoptr(AmendsAction) note = NULL;
  g_autoptr(AmendsAction) pause = NULL;
  g_autoptr(AmendsAction) stored = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;

  note = amends_store_add_action (db->store, id_of (kase), AMENDS_ACTION_KIND_NOTE, "Asked for earplugs", &error);
  g_assert_no_error (error);

  /* An entry says something. */
  g_assert_false (amends_store_correct_action (db->store, note, AMENDS_ACTION_KIND_NOTE, "  ", &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* No entry becomes one a step writes. */
  g_assert_false (amends_store_correct_action (db->store, note, AMENDS_ACTION_KIND_OWNERSHIP, "Asked for earplugs", &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_REFUSED);
  g_clear_error (&error);
  stored = read_entry (db->store, id_of (kase), id_of (note));
  g_assert_cmpint (amends_action_get_kind (stored), ==, AMENDS_ACTION_KIND_NOTE);
  g_assert_null (amends_action_get_corrected_at (stored));
  g_clear_object (&stored);

  /* The pause's reason can be put right, but it stays a pause. */
  g_assert_true (amends_store_pause_clock (db->store, kase, "Out until tonigth", &error));
  g_assert_no_error (error);
  actions = amends_store_list_actions (db->store, id_of (kase), &error);
  pause = g_list_model_get_item (actions, g_list_model_get_n_items (actions) - 1);
  g_assert_cmpint (amends_action_get_kind (pause), ==, AMENDS_ACTION_KIND_PAUSE);
  g_assert_false (amends_store_correct_action (db->store, pause, AMENDS_ACTION_KIND_NOTE, "Out until tonight", &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_true (amends_store_correct_action (db->store, pause, AMENDS_ACTION_KIND_PAUSE, "Out until tonight", &error));
  g_assert_no_error (error);
  stored = read_entry (db->store, id_of (kase), id_of (pause));
  g_assert_cmpstr (amends_action_get_text (stored), ==, "Out until tonight");
}

static void
set_follow_up (AmendsTestDb *db,
               AmendsCase   *kase,
               int           minutes_from_now)
{
  g_autoptr(GDateTime) due = g_date_time_add_minutes (db->now, minutes_from_now);
  g_autoptr(GError) error = NULL;

  g_object_set (kase, "follow-up-due-at", due, NULL);
  g_assert_true (amends_store_update (db->store, AMENDS_RECORD (kase), &error));
  g_assert_no_error (error);
}

static GDateTime *
stored_follow_up (AmendsTestDb *db,
                  AmendsCase   *kase)
{
  g_autoptr(AmendsCase) stored = amends_store_load (db->store, AMENDS_TYPE_CASE, id_of (kase), NULL);
  GDateTime *due = amends_case_get_follow_up_due_at (stored);

  return due ? g_date_time_ref (due) : NULL;
}

static void
test_follow_up_entry_clears_due (AmendsTestDb  *db,
                                 gconstpointer  data)
{
  g_autoptr(AmendsStaff) ada = amends_test_add_staff (db->store, "Ada");
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Missed wake-up call", NULL);
  g_autoptr(AmendsAction) action = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  AmendsAuditEntry *row;

  amends_store_set_actor_id (db->store, id_of (ada));

  /* Due an hour ago; a contact is not the follow-up. */
  set_follow_up (db, kase, -60);
  action = amends_store_add_action (db->store, id_of (kase), AMENDS_ACTION_KIND_CONTACT, "Left a message", &error);
  g_assert_no_error (error);
  g_clear_object (&action);
  due = stored_follow_up (db, kase);
  g_assert_nonnull (due);
  g_clear_pointer (&due, g_date_time_unref);

  /* The follow-up written down: none is due any more. */
  action = amends_store_add_action (db->store, id_of (kase), AMENDS_ACTION_KIND_FOLLOW_UP,
                                    "Called back: she slept well last night", &error);
  g_assert_no_error (error);
  g_assert_nonnull (action);
  g_clear_object (&action);
  g_assert_null (stored_follow_up (db, kase));

  /* It is in the case's audit log, signed by the desk. */
  audit = amends_store_list_audit (db->store, "cases", id_of (kase), &error);
  g_assert_no_error (error);
  row = find_audit (audit, "follow_up_due_at");
  g_assert_nonnull (row->before);
  g_assert_null (row->after);
  g_assert_cmpint (row->staff_id, ==, id_of (ada));
}

static void
test_follow_up_planned_for_later_stays (AmendsTestDb  *db,
                                        gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Missed wake-up call", NULL);
  g_autoptr(AmendsCase) other = amends_test_add_case (db->store, "Cold shower", NULL);
  g_autoptr(AmendsAction) action = NULL;
  g_autoptr(AmendsAction) shown = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GError) error = NULL;

  /* The next one, set for tomorrow before writing this one down. */
  set_follow_up (db, kase, 24 * 60);
  action = amends_store_add_action (db->store, id_of (kase), AMENDS_ACTION_KIND_FOLLOW_UP,
                                    "Called back; again tomorrow", &error);
  g_assert_no_error (error);
  due = stored_follow_up (db, kase);
  g_assert_nonnull (due);
  g_assert_cmpint (g_date_time_to_unix (due), ==, g_date_time_to_unix (db->now) + 24 * 60 * 60);
  g_clear_object (&action);

  /* An entry corrected to a follow-up is one too; due exactly now counts. */
  set_follow_up (db, other, 0);
  action = amends_store_add_action (db->store, id_of (other), AMENDS_ACTION_KIND_NOTE,
                                    "Called back", &error);
  g_assert_no_error (error);
  g_clear_pointer (&due, g_date_time_unref);
  due = stored_follow_up (db, other);
  g_assert_nonnull (due);
  shown = read_entry (db->store, id_of (other), id_of (action));
  g_assert_true (amends_store_correct_action (db->store, shown, AMENDS_ACTION_KIND_FOLLOW_UP,
                                              "Called back", &error));
  g_assert_no_error (error);
  g_assert_null (stored_follow_up (db, other));
}

#define ADD_DB_TEST(path, func) \
  g_test_add (path, AmendsTestDb, NULL, amends_test_db_setup, func, amends_test_db_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_DB_TEST ("/store/timeline/correction-keeps-time-and-author", test_correction_keeps_time_and_author);
  ADD_DB_TEST ("/store/timeline/stale-correction-is-a-conflict", test_stale_correction_is_a_conflict);
  ADD_DB_TEST ("/store/timeline/correction-refusals", test_correction_refusals);
  ADD_DB_TEST ("/store/timeline/follow-up-entry-clears-due", test_follow_up_entry_clears_due);
  ADD_DB_TEST ("/store/timeline/follow-up-planned-for-later-stays", test_follow_up_planned_for_later_stays);

  return g_test_run ();
}
