/* test-history.c: a case's history in plain words, and what it holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-test-utils.h"

#include "amends-history-format.h"
#include "amends-store-history.h"

/* The staff of the sentences: ids to names, as the reader finds them. */
static GHashTable *
make_staff (void)
{
  GHashTable *staff = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  static const struct { gint64 id; const char *name; } people[] = {
    { 3, "Bilal Haddad" },
    { 4, "Ada Moreau" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    g_hash_table_insert (staff, g_memdup2 (&people[i].id, sizeof (gint64)), g_strdup (people[i].name));

  return staff;
}

static char *
describe (const char *table,
          const char *field,
          const char *before,
          const char *after,
          const char *actor,
          guint       max_chars)
{
  g_autoptr(GHashTable) staff = make_staff ();
  g_autoptr(GDateTime) now = amends_test_time ("2026-11-18T10:00:00Z");
  AmendsAuditEntry row = { 1, 0, 4, (char *) table, 7, (char *) field, (char *) before, (char *) after };
  AmendsHistoryFacts facts = { actor, staff, NULL, "contact", "Called the guest", "EUR", now };

  return amends_history_describe (&row, &facts, max_chars);
}

#define assert_sentence(expected, table, field, before, after) G_STMT_START { \
    g_autofree char *sentence_ = describe (table, field, before, after, "Ada Moreau", 0); \
    g_assert_cmpstr (sentence_, ==, expected); \
  } G_STMT_END

static void
test_sentences_case (void)
{
  assert_sentence ("Ada Moreau changed the status from Open to In recovery",
                   "cases", "status", "open", "in-recovery");
  assert_sentence ("Ada Moreau set the fix to “New key card”",
                   "cases", "fix", NULL, "New key card");
  assert_sentence ("Ada Moreau changed the fix from “New key card” to “New key card and a room upgrade”",
                   "cases", "fix", "New key card", "New key card and a room upgrade");
  assert_sentence ("Ada Moreau cleared the lesson (it was “Check the cards at check-in”)",
                   "cases", "lesson", "Check the cards at check-in", NULL);
  assert_sentence ("Ada Moreau moved the case to the trash",
                   "cases", "trashed", NULL, "C-2026-00007");
  assert_sentence ("Ada Moreau restored the case from the trash",
                   "cases", "restored", NULL, "C-2026-00007");
  assert_sentence ("Ada Moreau logged the case C-2026-00007",
                   "cases", "created", NULL, "C-2026-00007");
  assert_sentence ("Ada Moreau changed the severity from Minor to Major",
                   "cases", "severity", "minor", "major");
  assert_sentence ("Ada Moreau changed the reason for closing from Not closed to Closed without a recovery",
                   "cases", "close_reason", "none", "not-recovered");
  assert_sentence ("Ada Moreau changed the owner from Bilal Haddad to Ada Moreau",
                   "cases", "owner_id", "3", "4");
  assert_sentence ("Ada Moreau set the owner to Bilal Haddad",
                   "cases", "owner_id", NULL, "3");
  assert_sentence ("Ada Moreau changed the owner from someone to Ada Moreau",
                   "cases", "owner_id", "99", "4");
  assert_sentence ("Ada Moreau set the cost of the surprise to EUR 12.50",
                   "cases", "surprise_cost_cents", "0", "1250");
  assert_sentence ("Ada Moreau set the recovery time to today 09:40",
                   "cases", "recovered_at", NULL, "2026-11-18T09:40:00Z");
  assert_sentence ("Ada Moreau changed the recovery due time from yesterday 14:30 to 2026-11-16 08:00",
                   "cases", "recovery_due_at", "2026-11-17T14:30:00Z", "2026-11-16T08:00:00Z");
  assert_sentence ("Ada Moreau cleared the follow-up (it was today 17:00)",
                   "cases", "follow_up_due_at", "2026-11-18T17:00:00Z", NULL);
  assert_sentence ("Ada Moreau paused the clock",
                   "cases", "paused_at", NULL, "2026-11-18T09:00:00Z");
  assert_sentence ("Ada Moreau resumed the clock",
                   "cases", "paused_at", "2026-11-18T09:00:00Z", NULL);
  assert_sentence ("Ada Moreau changed the time paused from 25 minutes to 1 h 05 min",
                   "cases", "paused_seconds", "1500", "3900");
  assert_sentence ("Ada Moreau set the recovery target to 4 hours",
                   "cases", "target_seconds", NULL, "14400");
  assert_sentence ("Ada Moreau noted that a rule was bent",
                   "cases", "rule_bent", "false", "true");
  assert_sentence ("Ada Moreau set the dimensions that failed to Reliability, Empathy",
                   "cases", "rater_failed", "AMENDS_RATER_NONE",
                   "AMENDS_RATER_RELIABILITY | AMENDS_RATER_EMPATHY");
  assert_sentence ("Ada Moreau changed whether the customer came back from Not known yet to Came back",
                   "cases", "came_back", "unknown", "yes");
  /* A column a later version adds, by its name. */
  assert_sentence ("Ada Moreau set the parking spot to “B12”",
                   "cases", "parking_spot", NULL, "B12");
}

static void
test_sentences_timeline_and_story (void)
{
  assert_sentence ("Ada Moreau added a timeline entry (Contact): “Called the guest”",
                   "actions", "created", NULL, NULL);
  assert_sentence ("Ada Moreau corrected a timeline entry from “Called the guest” to “Called the guest back”",
                   "actions", "text", "Called the guest", "Called the guest back");
  assert_sentence ("Ada Moreau changed the kind of a timeline entry from Note to Fix",
                   "actions", "kind", "note", "fix");
  assert_sentence ("Ada Moreau started the story “The key card”",
                   "stories", "created", NULL, "The key card");
  assert_sentence ("Ada Moreau moved the story from Candidate to Drafted",
                   "stories", "stage", "candidate", "drafted");
  assert_sentence ("Ada Moreau changed the story’s heroes from Bilal Haddad to Bilal Haddad, Ada Moreau",
                   "stories", "heroes", "3", "3,4");
  assert_sentence ("Ada Moreau marked the story as a training example",
                   "stories", "training", "false", "true");
}

static void
test_sentences_nobody_and_shortened (void)
{
  g_autofree char *nobody = describe ("cases", "status", "in-recovery", "recovered", NULL, 0);
  g_autofree char *shortened = NULL;
  g_autofree char *whole = NULL;
  const char *long_fix = "Gave the guest a new key card at once,\nthen moved them to a quieter room on the fifth floor";

  g_assert_cmpstr (nobody, ==, "Someone changed the status from In recovery to Recovered");

  /* The first 20 characters, which end a word, then an ellipsis. */
  shortened = describe ("cases", "fix", NULL, long_fix, "Ada Moreau", 20);
  g_assert_cmpstr (shortened, ==, "Ada Moreau set the fix to “Gave the guest a new…”");
  g_free (shortened);
  /* 18 end inside "new": back to the word before. */
  shortened = describe ("cases", "fix", NULL, long_fix, "Ada Moreau", 18);
  g_assert_cmpstr (shortened, ==, "Ada Moreau set the fix to “Gave the guest a…”");
  g_free (shortened);
  /* On one line. */
  shortened = describe ("cases", "fix", NULL, "Gave a card,\nthen a room", "Ada Moreau", 17);
  g_assert_cmpstr (shortened, ==, "Ada Moreau set the fix to “Gave a card, then…”");
  whole = describe ("cases", "fix", NULL, long_fix, "Ada Moreau", 0);
  g_assert_cmpstr (whole, ==,
                   "Ada Moreau set the fix to “Gave the guest a new key card at once,\n"
                   "then moved them to a quieter room on the fifth floor”");
}

static void
test_kinds (void)
{
  static const struct { const char *table, *field; AmendsHistoryKind kind; } rows[] = {
    { "cases", "status", AMENDS_HISTORY_KIND_STEPS },
    { "cases", "owner_id", AMENDS_HISTORY_KIND_STEPS },
    { "cases", "trashed", AMENDS_HISTORY_KIND_STEPS },
    { "cases", "fix", AMENDS_HISTORY_KIND_TEXTS },
    { "cases", "description", AMENDS_HISTORY_KIND_TEXTS },
    { "cases", "lesson", AMENDS_HISTORY_KIND_TEXTS },
    { "actions", "created", AMENDS_HISTORY_KIND_TIMELINE },
    { "actions", "text", AMENDS_HISTORY_KIND_TIMELINE },
    { "stories", "stage", AMENDS_HISTORY_KIND_STORY },
    { "stories", "created", AMENDS_HISTORY_KIND_STORY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      AmendsAuditEntry row = { 1, 0, 0, (char *) rows[i].table, 7, (char *) rows[i].field, NULL, NULL };

      g_assert_cmpint (amends_history_kind_of (&row), ==, rows[i].kind);
    }
}

/* A case worked on by Ada: logged, a fix, an entry written and corrected,
 * a story, and to the trash; another case beside it. */
typedef struct
{
  gint64 case_id;
  char  *reference;
} Worked;

static void
work_on_cases (AmendsTestDb *db,
               Worked       *worked)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsStaff) ada = amends_test_add_staff (db->store, "Ada Moreau");
  g_autoptr(AmendsCase) kase = NULL;
  g_autoptr(AmendsCase) other = NULL;
  g_autoptr(AmendsAction) entry = NULL;
  g_autoptr(AmendsAction) other_entry = NULL;
  g_autoptr(AmendsStory) story = amends_story_new ();

  amends_store_set_actor_id (db->store, amends_record_get_id (AMENDS_RECORD (ada)));

  kase = amends_test_add_case (db->store, "Key card did not work", db->now);
  other = amends_test_add_case (db->store, "Cold breakfast", db->now);

  g_object_set (kase, "fix", "New key card", NULL);
  amends_store_update (db->store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  g_object_set (other, "fix", "A hot breakfast", NULL);
  amends_store_update (db->store, AMENDS_RECORD (other), &error);
  g_assert_no_error (error);
  other_entry = amends_store_add_action (db->store, amends_record_get_id (AMENDS_RECORD (other)),
                                         AMENDS_ACTION_KIND_APOLOGY, "Said sorry", &error);
  g_assert_no_error (error);

  entry = amends_store_add_action (db->store, amends_record_get_id (AMENDS_RECORD (kase)),
                                   AMENDS_ACTION_KIND_CONTACT, "Called the guest", &error);
  g_assert_no_error (error);
  amends_store_correct_action (db->store, entry, AMENDS_ACTION_KIND_CONTACT, "Called the guest back", &error);
  g_assert_no_error (error);

  g_object_set (story, "case-id", amends_record_get_id (AMENDS_RECORD (kase)),
                "title", "The key card", "stage", AMENDS_STORY_STAGE_CANDIDATE, NULL);
  amends_store_insert (db->store, AMENDS_RECORD (story), &error);
  g_assert_no_error (error);

  amends_store_trash_case (db->store, amends_record_get_id (AMENDS_RECORD (kase)), &error);
  g_assert_no_error (error);

  worked->case_id = amends_record_get_id (AMENDS_RECORD (kase));
  worked->reference = g_strdup (amends_case_get_reference (kase));
}

static void
check_history (GListModel *history,
               const char *reference)
{
  g_autofree char *logged = g_strdup_printf ("Ada Moreau logged the case %s", reference);
  const struct { const char *sentence; AmendsHistoryKind kind; } expected[] = {
    { "Ada Moreau moved the case to the trash", AMENDS_HISTORY_KIND_STEPS },
    { "Ada Moreau started the story “The key card”", AMENDS_HISTORY_KIND_STORY },
    { "Ada Moreau corrected a timeline entry from “Called the guest” to “Called the guest back”",
      AMENDS_HISTORY_KIND_TIMELINE },
    /* What it said when it was written, not what it says now. */
    { "Ada Moreau added a timeline entry (Contact): “Called the guest”", AMENDS_HISTORY_KIND_TIMELINE },
    { "Ada Moreau set the fix to “New key card”", AMENDS_HISTORY_KIND_TEXTS },
    { logged, AMENDS_HISTORY_KIND_STEPS },
  };

  g_assert_cmpuint (g_list_model_get_n_items (history), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(AmendsHistoryEntry) entry = g_list_model_get_item (history, i);

      g_assert_cmpstr (amends_history_entry_get_sentence (entry), ==, expected[i].sentence);
      g_assert_cmpint (amends_history_entry_get_kind (entry), ==, expected[i].kind);
      g_assert_cmpstr (amends_history_entry_get_actor_name (entry), ==, "Ada Moreau");
    }
}

static void
test_reader (AmendsTestDb  *db,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) history = NULL;
  Worked worked = { 0 };

  work_on_cases (db, &worked);

  history = amends_store_read_history (db->store, worked.case_id, db->now, NULL, NULL, &error);
  g_assert_no_error (error);
  check_history (history, worked.reference);

  g_free (worked.reference);
}

static void
on_read_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GListModel **history = user_data;
  g_autoptr(GError) error = NULL;

  *history = amends_store_read_history_finish (NULL, result, &error);
  g_assert_no_error (error);
}

static void
test_reader_async (AmendsTestDb  *db,
                   gconstpointer  data)
{
  g_autoptr(GListModel) history = NULL;
  Worked worked = { 0 };

  work_on_cases (db, &worked);

  amends_store_read_history_async (db->store, worked.case_id, db->now, NULL, NULL, on_read_cb, &history);
  while (history == NULL)
    g_main_context_iteration (NULL, TRUE);
  check_history (history, worked.reference);

  g_free (worked.reference);
}

static void
test_reader_empty (AmendsTestDb  *db,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) history = NULL;

  history = amends_store_read_history (db->store, 12345, db->now, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 0);
}

static void
test_entry_matches (void)
{
  g_autoptr(GDateTime) at = amends_test_time ("2026-11-18T10:00:00Z");
  g_autoptr(AmendsHistoryEntry) entry = NULL;

  entry = amends_history_entry_new (1, at, 4, "Ada Moreau", AMENDS_HISTORY_KIND_TEXTS,
                                    "Ada Moreau set the fix to “New…”",
                                    "Ada Moreau set the fix to “New key card”");
  g_assert_true (amends_history_entry_is_shortened (entry));
  g_assert_true (amends_history_entry_matches (entry, ""));
  g_assert_true (amends_history_entry_matches (entry, "KEY CARD"));
  g_assert_true (amends_history_entry_matches (entry, "ada"));
  g_assert_false (amends_history_entry_matches (entry, "breakfast"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/sentences/case", test_sentences_case);
  g_test_add_func ("/history/sentences/timeline-and-story", test_sentences_timeline_and_story);
  g_test_add_func ("/history/sentences/nobody-and-shortened", test_sentences_nobody_and_shortened);
  g_test_add_func ("/history/kinds", test_kinds);
  g_test_add_func ("/history/entry/matches", test_entry_matches);
  g_test_add ("/history/reader/case-timeline-story-not-another", AmendsTestDb, NULL,
              amends_test_db_setup, test_reader, amends_test_db_teardown);
  g_test_add ("/history/reader/async", AmendsTestDb, NULL,
              amends_test_db_setup, test_reader_async, amends_test_db_teardown);
  g_test_add ("/history/reader/no-such-case", AmendsTestDb, NULL,
              amends_test_db_setup, test_reader_empty, amends_test_db_teardown);

  return g_test_run ();
}
