/* test-stories.c: story candidates and hero counts, on data worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-board-reader.h"
#include "amends-store-stories.h"
#include "amends-test-utils.h"

/* The clock stands at Wednesday 2026-11-18 10:00 UTC. */
typedef struct
{
  AmendsTestDb  db;
  gint64        ada;
  gint64        bob;
} Fixture;

static gint64
add_case (Fixture         *f,
          const char      *summary,
          const char      *occurred,
          const char      *recovered,
          gint64           paused_seconds,
          AmendsCaseStatus status,
          AmendsReaction   reaction,
          gint64           owner)
{
  g_autoptr(GDateTime) occurred_at = amends_test_time (occurred);
  g_autoptr(GDateTime) recovered_at = recovered ? amends_test_time (recovered) : NULL;
  g_autoptr(AmendsCase) kase = amends_case_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (kase, "summary", summary, "occurred-at", occurred_at,
                "recovered-at", recovered_at, "paused-seconds", paused_seconds,
                "status", status, "reaction", reaction, "owner-id", owner,
                /* Recovered means fixed. */
                "fix", recovered ? "Put right" : NULL, NULL);
  amends_store_insert (f->db.store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  return amends_record_get_id (AMENDS_RECORD (kase));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(AmendsStaff) ada = NULL;
  g_autoptr(AmendsStaff) bob = NULL;

  amends_test_db_setup (&f->db, data);
  ada = amends_test_add_staff (f->db.store, "Ada");
  bob = amends_test_add_staff (f->db.store, "Bob");
  f->ada = amends_record_get_id (AMENDS_RECORD (ada));
  f->bob = amends_record_get_id (AMENDS_RECORD (bob));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  amends_test_db_teardown (&f->db, data);
}

static guint
n_stories (Fixture          *f,
           AmendsStoryStage  stage)
{
  g_autoptr(GListModel) stories = amends_store_list_stories (f->db.store, stage, NULL);

  return g_list_model_get_n_items (stories);
}

static void
test_candidates (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsStory) story = NULL;
  g_autoptr(GArray) heroes = NULL;
  guint n_added = 0;
  gint64 in_time, exactly, paused, late, satisfied;

  /* Target 24 h.  Recovered after 20 h, blown away: a candidate. */
  in_time = add_case (f, "In time", "2026-11-16T08:00:00Z", "2026-11-17T04:00:00Z", 0,
                      AMENDS_CASE_STATUS_RECOVERED, AMENDS_REACTION_BLOWN_AWAY, f->ada);
  /* Exactly at the target counts as in time. */
  exactly = add_case (f, "Exactly", "2026-11-16T08:00:00Z", "2026-11-17T08:00:00Z", 0,
                      AMENDS_CASE_STATUS_CLOSED, AMENDS_REACTION_BLOWN_AWAY, f->bob);
  /* 30 h on the clock, 8 h of it paused: 22 h counted, in time. */
  paused = add_case (f, "Paused", "2026-11-16T08:00:00Z", "2026-11-17T14:00:00Z", 8 * 3600,
                     AMENDS_CASE_STATUS_RECOVERED, AMENDS_REACTION_BLOWN_AWAY, 0);
  /* 25 h: late, whatever the customer felt. */
  late = add_case (f, "Late", "2026-11-16T08:00:00Z", "2026-11-17T09:00:00Z", 0,
                   AMENDS_CASE_STATUS_RECOVERED, AMENDS_REACTION_BLOWN_AWAY, f->ada);
  /* In time but only satisfied. */
  satisfied = add_case (f, "Satisfied", "2026-11-16T08:00:00Z", "2026-11-16T12:00:00Z", 0,
                        AMENDS_CASE_STATUS_CLOSED, AMENDS_REACTION_SATISFIED, f->ada);
  /* Still open. */
  add_case (f, "Open", "2026-11-18T08:00:00Z", NULL, 0,
            AMENDS_CASE_STATUS_OPEN, AMENDS_REACTION_BLOWN_AWAY, f->ada);

  g_assert_true (amends_store_refresh_candidates (f->db.store, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 3);
  g_assert_cmpuint (n_stories (f, AMENDS_STORY_STAGE_CANDIDATE), ==, 3);
  g_assert_nonnull ((story = amends_store_find_story (f->db.store, in_time, NULL)));
  g_assert_cmpstr (amends_story_get_title (story), ==, "In time");
  heroes = amends_store_get_story_heroes (f->db.store, amends_record_get_id (AMENDS_RECORD (story)), NULL);
  g_assert_cmpuint (heroes->len, ==, 1);
  g_assert_cmpint (g_array_index (heroes, gint64, 0), ==, f->ada);
  g_clear_object (&story);
  g_assert_nonnull ((story = amends_store_find_story (f->db.store, exactly, NULL)));
  g_clear_object (&story);
  g_assert_nonnull ((story = amends_store_find_story (f->db.store, paused, NULL)));
  g_clear_object (&story);
  g_assert_null (amends_store_find_story (f->db.store, late, NULL));
  g_assert_null (amends_store_find_story (f->db.store, satisfied, NULL));

  /* Running it again adds nothing. */
  g_assert_true (amends_store_refresh_candidates (f->db.store, &n_added, &error));
  g_assert_cmpuint (n_added, ==, 0);

  /* Any recovered case can be proposed; an open one cannot. */
  story = amends_store_propose_story (f->db.store, late, &error);
  g_assert_no_error (error);
  g_assert_cmpint (amends_story_get_stage (story), ==, AMENDS_STORY_STAGE_CANDIDATE);
  g_assert_cmpuint (n_stories (f, AMENDS_STORY_STAGE_CANDIDATE), ==, 4);
}

static void
test_propose_open_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 open = add_case (f, "Open", "2026-11-18T08:00:00Z", NULL, 0,
                          AMENDS_CASE_STATUS_OPEN, AMENDS_REACTION_UNKNOWN, 0);

  g_assert_null (amends_store_propose_story (f->db.store, open, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID);
}

static void
test_moves_and_dismiss (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsStory) story = NULL;
  g_autoptr(AmendsStory) again = NULL;
  gint64 id = add_case (f, "Pins", "2026-11-17T08:00:00Z", "2026-11-17T09:00:00Z", 0,
                        AMENDS_CASE_STATUS_RECOVERED, AMENDS_REACTION_SATISFIED, f->ada);

  story = amends_store_propose_story (f->db.store, id, &error);
  g_assert_true (amends_store_move_story (f->db.store, story, AMENDS_STORY_STAGE_DRAFTED, &error));
  g_assert_null (amends_story_get_told_at (story));
  g_assert_true (amends_store_move_story (f->db.store, story, AMENDS_STORY_STAGE_TOLD, &error));
  g_assert_cmpint (g_date_time_to_unix (amends_story_get_told_at (story)), ==, g_date_time_to_unix (f->db.now));
  g_assert_cmpuint (n_stories (f, AMENDS_STORY_STAGE_TOLD), ==, 1);
  g_assert_true (amends_store_move_story (f->db.store, story, AMENDS_STORY_STAGE_DRAFTED, &error));
  g_assert_null (amends_story_get_told_at (story));

  /* Dismissed leaves the board; proposing again brings it back. */
  g_assert_true (amends_store_move_story (f->db.store, story, AMENDS_STORY_STAGE_DISMISSED, &error));
  g_assert_cmpuint (n_stories (f, AMENDS_STORY_STAGE_DRAFTED), ==, 0);
  again = amends_store_propose_story (f->db.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (amends_record_get_id (AMENDS_RECORD (again)), ==, amends_record_get_id (AMENDS_RECORD (story)));
  g_assert_cmpint (amends_story_get_stage (again), ==, AMENDS_STORY_STAGE_CANDIDATE);
}

static guint
n_heroes (Fixture *f,
          gint64   story_id)
{
  g_autoptr(GArray) heroes = amends_store_get_story_heroes (f->db.store, story_id, NULL);

  return heroes->len;
}

static void
test_save_story_whole (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsStory) story = NULL;
  g_autoptr(AmendsStory) stored = NULL;
  g_autoptr(GArray) heroes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) saved = NULL;
  gint64 nobody = 999999;
  gint64 id = add_case (f, "Pins", "2026-11-17T08:00:00Z", "2026-11-17T09:00:00Z", 0,
                        AMENDS_CASE_STATUS_RECOVERED, AMENDS_REACTION_SATISFIED, f->ada);
  gint64 story_id;

  story = amends_store_propose_story (f->db.store, id, &error);
  g_assert_no_error (error);
  story_id = amends_record_get_id (AMENDS_RECORD (story));

  /* The story and its heroes land together. */
  g_object_set (story, "title", "Two pins", "stage", AMENDS_STORY_STAGE_DRAFTED, NULL);
  g_array_append_val (heroes, f->bob);
  g_assert_true (amends_store_save_story (f->db.store, story, heroes, &error));
  g_assert_no_error (error);
  stored = amends_store_load (f->db.store, AMENDS_TYPE_STORY, story_id, &error);
  g_assert_cmpstr (amends_story_get_title (stored), ==, "Two pins");
  g_assert_cmpint (amends_story_get_stage (stored), ==, AMENDS_STORY_STAGE_DRAFTED);
  saved = amends_store_get_story_heroes (f->db.store, story_id, NULL);
  g_assert_cmpuint (saved->len, ==, 1);
  g_assert_cmpint (g_array_index (saved, gint64, 0), ==, f->bob);
  g_clear_object (&stored);

  /* A hero who is not on the staff fails the heroes after the story was
   * written: neither is kept, and the story is read again. */
  g_object_set (story, "title", "Lost", NULL);
  g_array_append_val (heroes, f->ada);
  g_array_append_val (heroes, nobody);
  g_assert_false (amends_store_save_story (f->db.store, story, heroes, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (amends_story_get_title (story), ==, "Two pins");
  stored = amends_store_load (f->db.store, AMENDS_TYPE_STORY, story_id, NULL);
  g_assert_cmpstr (amends_story_get_title (stored), ==, "Two pins");
  g_assert_cmpuint (n_heroes (f, story_id), ==, 1);
}

static AmendsStory *
told_story (Fixture    *f,
            gint64      case_id,
            const char *told,
            gint64     *heroes,
            guint       n_heroes)
{
  g_autoptr(GDateTime) told_at = amends_test_time (told);
  g_autoptr(GError) error = NULL;
  AmendsStory *story = amends_store_propose_story (f->db.store, case_id, &error);

  g_assert_no_error (error);
  g_object_set (story, "told-at", told_at, NULL);
  amends_store_move_story (f->db.store, story, AMENDS_STORY_STAGE_TOLD, &error);
  amends_store_set_story_heroes (f->db.store, amends_record_get_id (AMENDS_RECORD (story)),
                                 heroes, n_heroes, &error);
  g_assert_no_error (error);

  return story;
}

static void
test_hero_counts (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) week = amends_test_time ("2026-11-16T00:00:00Z");     /* Monday */
  g_autoptr(GDateTime) month = amends_test_time ("2026-11-01T00:00:00Z");
  g_autoptr(GDateTime) until = amends_test_time ("2026-11-23T00:00:00Z");
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 both[] = { f->ada, f->bob };
  gint64 bob_only[] = { f->bob };
  AmendsHeroCount *first, *second;
  gint64 c1, c2, c3;

  /* Owned by Ada, recovered this week (Tuesday), the customer only satisfied. */
  c1 = add_case (f, "A", "2026-11-17T08:00:00Z", "2026-11-17T09:00:00Z", 0,
                 AMENDS_CASE_STATUS_RECOVERED, AMENDS_REACTION_SATISFIED, f->ada);
  /* Owned by Ada, blown away, recovered earlier this month. */
  c2 = add_case (f, "B", "2026-11-03T08:00:00Z", "2026-11-03T09:00:00Z", 0,
                 AMENDS_CASE_STATUS_CLOSED, AMENDS_REACTION_BLOWN_AWAY, f->ada);
  /* Owned by Bob, blown away, this week. */
  c3 = add_case (f, "C", "2026-11-16T08:00:00Z", "2026-11-16T10:00:00Z", 0,
                 AMENDS_CASE_STATUS_CLOSED, AMENDS_REACTION_BLOWN_AWAY, f->bob);

  /* Told this week with both as heroes; told this month with Bob; c3's
   * story told last month (October), which no period here includes. */
  g_object_unref (told_story (f, c1, "2026-11-17T12:00:00Z", both, 2));
  g_object_unref (told_story (f, c2, "2026-11-05T12:00:00Z", bob_only, 1));
  g_object_unref (told_story (f, c3, "2026-10-20T12:00:00Z", bob_only, 1));

  /* This week: Ada told 1, blown 0 (c1 was only satisfied);
   *            Bob told 1, blown 1 (c3).  Bob first. */
  counts = amends_store_count_heroes (f->db.store, week, until, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts->len, ==, 2);
  first = counts->pdata[0];
  second = counts->pdata[1];
  g_assert_cmpstr (first->name, ==, "Bob");
  g_assert_cmpuint (first->n_told, ==, 1);
  g_assert_cmpuint (first->n_blown_away, ==, 1);
  g_assert_cmpstr (second->name, ==, "Ada");
  g_assert_cmpuint (second->n_told, ==, 1);
  g_assert_cmpuint (second->n_blown_away, ==, 0);

  /* This month: Bob told 2 (c1, c2), blown 1; Ada told 1, blown 1 (c2). */
  g_clear_pointer (&counts, g_ptr_array_unref);
  counts = amends_store_count_heroes (f->db.store, month, until, &error);
  g_assert_cmpuint (counts->len, ==, 2);
  first = counts->pdata[0];
  second = counts->pdata[1];
  g_assert_cmpstr (first->name, ==, "Bob");
  g_assert_cmpuint (first->n_told, ==, 2);
  g_assert_cmpuint (first->n_blown_away, ==, 1);
  g_assert_cmpstr (second->name, ==, "Ada");
  g_assert_cmpuint (second->n_told, ==, 1);
  g_assert_cmpuint (second->n_blown_away, ==, 1);
}

/* The board as its worker reads it, on a connection of its own: the
 * same heroes, the stories told in the period, and the columns. */
static void
test_board_reader (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) month = amends_test_time ("2026-11-01T00:00:00Z");
  g_autoptr(GDateTime) until = amends_test_time ("2026-11-23T00:00:00Z");
  g_autoptr(AmendsBoardReader) reader = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GArray) told = NULL;
  g_autoptr(GArray) missing = NULL;
  g_autoptr(AmendsStory) told_c1 = NULL;
  g_autoptr(AmendsStory) told_c2 = NULL;
  g_autoptr(AmendsStory) told_c3 = NULL;
  g_autoptr(GError) error = NULL;
  GArray *columns[3] = { NULL };
  gint64 both[] = { f->ada, f->bob };
  gint64 bob_only[] = { f->bob };
  AmendsHeroCount *first, *second;
  gint64 c1, c2, c3, c4;

  /* As in test_hero_counts (), and c4: blown away, in time, no story. */
  c1 = add_case (f, "A", "2026-11-17T08:00:00Z", "2026-11-17T09:00:00Z", 0,
                 AMENDS_CASE_STATUS_RECOVERED, AMENDS_REACTION_SATISFIED, f->ada);
  c2 = add_case (f, "B", "2026-11-03T08:00:00Z", "2026-11-03T09:00:00Z", 0,
                 AMENDS_CASE_STATUS_CLOSED, AMENDS_REACTION_BLOWN_AWAY, f->ada);
  c3 = add_case (f, "C", "2026-11-16T08:00:00Z", "2026-11-16T10:00:00Z", 0,
                 AMENDS_CASE_STATUS_CLOSED, AMENDS_REACTION_BLOWN_AWAY, f->bob);
  told_c1 = told_story (f, c1, "2026-11-17T12:00:00Z", both, 2);
  told_c2 = told_story (f, c2, "2026-11-05T12:00:00Z", bob_only, 1);
  told_c3 = told_story (f, c3, "2026-10-20T12:00:00Z", bob_only, 1);
  c4 = add_case (f, "D", "2026-11-18T07:00:00Z", "2026-11-18T08:00:00Z", 0,
                 AMENDS_CASE_STATUS_RECOVERED, AMENDS_REACTION_BLOWN_AWAY, f->bob);

  reader = amends_board_reader_new (f->db.store);

  /* This month: Bob told 2, blown 2 (c3, c4); Ada told 1, blown 1. */
  counts = amends_board_reader_count_heroes (reader, month, until, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts->len, ==, 2);
  first = counts->pdata[0];
  second = counts->pdata[1];
  g_assert_cmpstr (first->name, ==, "Bob");
  g_assert_cmpuint (first->n_told, ==, 2);
  g_assert_cmpuint (first->n_blown_away, ==, 2);
  g_assert_cmpstr (second->name, ==, "Ada");
  g_assert_cmpuint (second->n_told, ==, 1);
  g_assert_cmpuint (second->n_blown_away, ==, 1);

  /* Told this month, the latest first: c1's, then c2's; not October's. */
  told = amends_board_reader_list_told (reader, month, until, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (told->len, ==, 2);
  g_assert_cmpint (g_array_index (told, gint64, 0), ==, amends_record_get_id (AMENDS_RECORD (told_c1)));
  g_assert_cmpint (g_array_index (told, gint64, 1), ==, amends_record_get_id (AMENDS_RECORD (told_c2)));

  /* The columns: nothing proposed or drafted, three told, the latest
   * told first; c4 should be a candidate and has no story yet. */
  g_assert_true (amends_board_reader_read (reader, columns, &missing, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (columns[0]->len, ==, 0);
  g_assert_cmpuint (columns[1]->len, ==, 0);
  g_assert_cmpuint (columns[2]->len, ==, 3);
  g_assert_cmpint (g_array_index (columns[2], AmendsBoardEntry, 0).case_id, ==, c1);
  g_assert_cmpint (g_array_index (columns[2], AmendsBoardEntry, 1).case_id, ==, c2);
  g_assert_cmpint (g_array_index (columns[2], AmendsBoardEntry, 2).case_id, ==, c3);
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpint (g_array_index (missing, gint64, 0), ==, c4);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_array_unref (columns[i]);
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/stories/candidates/recovered-in-time-and-blown-away", test_candidates);
  ADD_TEST ("/stories/propose/open-case-refused", test_propose_open_refused);
  ADD_TEST ("/stories/move/stages-told-at-and-dismiss", test_moves_and_dismiss);
  ADD_TEST ("/stories/heroes/counts-per-period", test_hero_counts);
  ADD_TEST ("/stories/save/story-and-heroes-together", test_save_story_whole);
  ADD_TEST ("/stories/board-reader/same-as-the-store", test_board_reader);

  return g_test_run ();
}
