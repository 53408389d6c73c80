/* test-demo.c: the demo data set, on a real SQLite file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "amends-demo.h"
#include "amends-test-utils.h"

/* The cases of a freshly filled store: their ids run from 1. */
static GPtrArray *
load_cases (AmendsStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 n = amends_store_count_cases (store, &error);

  g_assert_no_error (error);
  for (gint64 id = 1; id <= n; id++)
    {
      AmendsCase *kase = amends_store_load (store, AMENDS_TYPE_CASE, id, &error);

      g_assert_no_error (error);
      g_ptr_array_add (cases, kase);
    }

  return cases;
}

static GListModel *
list_actions (AmendsStore *store,
              AmendsCase  *kase)
{
  g_autoptr(GError) error = NULL;
  GListModel *actions;

  actions = amends_store_list_actions (store, amends_record_get_id (AMENDS_RECORD (kase)), &error);
  g_assert_no_error (error);
  return actions;
}

static guint
count_stories (AmendsStore      *store,
               AmendsStoryStage  stage)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) stories = amends_store_list_stories (store, stage, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (stories);
}

static gboolean
has_action_kind (GListModel       *actions,
                 AmendsActionKind  kind)
{
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(AmendsAction) action = g_list_model_get_item (actions, i);

      if (amends_action_get_kind (action) == kind)
        return TRUE;
    }

  return FALSE;
}

static void
populate (AmendsStore *store,
          GDateTime   *now)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (amends_demo_populate (store, now, &error));
  g_assert_no_error (error);
}

static void
test_default_path (void)
{
  g_autofree char *path = amends_demo_get_default_path ();
  g_autofree char *real = amends_store_get_default_path ();
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "amends", NULL);
  g_autofree char *real_dir = g_path_get_dirname (real);

  g_assert_true (g_str_has_prefix (path, dir));
  g_assert_true (g_str_has_suffix (path, "demo.db"));
  g_assert_cmpstr (path, !=, real);
  g_assert_cmpstr (dir, ==, real_dir);
}

static void
test_counts (AmendsTestDb  *db,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GListModel) everyone = NULL;
  g_autoptr(GListModel) active = NULL;
  g_autoptr(GListModel) customers = NULL;
  g_autoptr(GError) error = NULL;
  guint statuses[AMENDS_CASE_STATUS_CLOSED + 1] = { 0 };
  guint reactions[AMENDS_REACTION_STILL_UNHAPPY + 1] = { 0 };
  guint channels[AMENDS_CHANNEL_SURVEY + 1] = { 0 };
  guint severities[AMENDS_SEVERITY_COLOSSAL + 1] = { 0 };
  guint overdue = 0, unowned = 0, paused = 0, proactive = 0, pin_rule = 0;

  populate (db->store, db->now);
  cases = load_cases (db->store);

  g_assert_cmpuint (cases->len, >=, 50);
  g_assert_cmpuint (cases->len, <=, 70);

  everyone = amends_store_list_staff (db->store, TRUE, &error);
  g_assert_no_error (error);
  active = amends_store_list_staff (db->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (everyone), >=, 6);
  g_assert_cmpuint (g_list_model_get_n_items (everyone), <=, 12);
  g_assert_cmpuint (g_list_model_get_n_items (active), ==, g_list_model_get_n_items (everyone) - 1);

  customers = amends_store_list_customers (db->store, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (customers), >=, 25);
  g_assert_cmpuint (g_list_model_get_n_items (customers), <=, 40);

  for (guint i = 0; i < cases->len; i++)
    {
      AmendsCase *kase = cases->pdata[i];
      g_autofree char *pause_reason = NULL;
      g_autofree char *bent_rule = NULL;
      gboolean rule_bent = FALSE;
      AmendsReaction reaction;
      AmendsChannel channel;

      g_object_get (kase,
                    "reaction", &reaction,
                    "channel", &channel,
                    "pause-reason", &pause_reason,
                    "rule-bent", &rule_bent,
                    "bent-rule", &bent_rule,
                    NULL);

      statuses[amends_case_get_status (kase)]++;
      reactions[reaction]++;
      channels[channel]++;
      severities[amends_case_get_severity (kase)]++;

      if (amends_case_is_active (kase) &&
          amends_case_get_paused_at (kase) == NULL &&
          g_date_time_compare (amends_case_get_recovery_due_at (kase), db->now) < 0)
        overdue++;
      if (amends_case_get_owner_id (kase) == 0)
        unowned++;
      if (amends_case_get_noticed_by (kase) == AMENDS_NOTICED_BY_STAFF)
        proactive++;
      if (rule_bent && bent_rule != NULL && strstr (bent_rule, "pin") != NULL)
        pin_rule++;

      if (amends_case_get_paused_at (kase) != NULL)
        {
          g_autoptr(GListModel) actions = list_actions (db->store, kase);

          g_assert_true (amends_case_is_active (kase));
          g_assert_nonnull (pause_reason);
          g_assert_cmpstr (pause_reason, !=, "");
          g_assert_true (has_action_kind (actions, AMENDS_ACTION_KIND_PAUSE));
          paused++;
        }
    }

  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    g_assert_cmpuint (statuses[s], >, 0);
  for (guint r = AMENDS_REACTION_BLOWN_AWAY; r < G_N_ELEMENTS (reactions); r++)
    g_assert_cmpuint (reactions[r], >, 0);
  /* "Blown away" is the measure the demo has to show off. */
  g_assert_cmpuint (reactions[AMENDS_REACTION_BLOWN_AWAY], >, reactions[AMENDS_REACTION_SATISFIED]);
  for (guint c = 0; c < G_N_ELEMENTS (channels); c++)
    g_assert_cmpuint (channels[c], >, 0);
  for (guint s = 0; s < G_N_ELEMENTS (severities); s++)
    g_assert_cmpuint (severities[s], >, 0);

  g_assert_cmpuint (overdue, >=, 1);
  g_assert_cmpuint (unowned, >=, 1);
  g_assert_cmpuint (paused, >=, 1);
  g_assert_cmpuint (pin_rule, ==, 1);
  /* About a third noticed by staff first. */
  g_assert_cmpuint (proactive * 4, >=, cases->len);
  g_assert_cmpuint (proactive * 5, <=, cases->len * 2);

  g_assert_cmpuint (count_stories (db->store, AMENDS_STORY_STAGE_CANDIDATE), >, 0);
  g_assert_cmpuint (count_stories (db->store, AMENDS_STORY_STAGE_DRAFTED), >, 0);
  g_assert_cmpuint (count_stories (db->store, AMENDS_STORY_STAGE_TOLD), >, 0);
}

/* What a recovery is made of, all done by the time the case is recovered;
 * follow-ups and notes may come later. */
static gboolean
leads_to_recovery (AmendsActionKind kind)
{
  return kind != AMENDS_ACTION_KIND_FOLLOW_UP && kind != AMENDS_ACTION_KIND_NOTE;
}

/* Times that make sense: nothing after now, each step after the one it
 * follows, every case with a timeline in order. */
static void
assert_times_make_sense (AmendsStore *store,
                         GDateTime   *now)
{
  g_autoptr(GPtrArray) cases = load_cases (store);

  g_assert_cmpuint (cases->len, >, 0);

  for (guint i = 0; i < cases->len; i++)
    {
      AmendsCase *kase = cases->pdata[i];
      g_autoptr(GListModel) actions = list_actions (store, kase);
      g_autoptr(GDateTime) closed = NULL;
      GDateTime *occurred = amends_case_get_occurred_at (kase);
      GDateTime *logged = amends_case_get_logged_at (kase);
      GDateTime *recovered = amends_case_get_recovered_at (kase);
      GDateTime *follow_up = amends_case_get_follow_up_due_at (kase);
      GDateTime *previous = NULL;
      AmendsCaseStatus status = amends_case_get_status (kase);

      g_object_get (kase, "closed-at", &closed, NULL);

      g_assert_cmpint (g_date_time_compare (occurred, logged), <=, 0);
      g_assert_cmpint (g_date_time_compare (logged, now), <=, 0);
      g_assert_cmpint (g_date_time_difference (amends_case_get_recovery_due_at (kase), occurred),
                       ==, 24 * G_TIME_SPAN_HOUR);

      if (status == AMENDS_CASE_STATUS_RECOVERED || status == AMENDS_CASE_STATUS_CLOSED)
        {
          g_assert_nonnull (recovered);
          g_assert_cmpint (g_date_time_compare (logged, recovered), <=, 0);
          g_assert_cmpint (g_date_time_compare (recovered, now), <=, 0);
          g_assert_true (has_action_kind (actions, AMENDS_ACTION_KIND_RESOLUTION));
        }
      else
        g_assert_null (recovered);

      if (status == AMENDS_CASE_STATUS_CLOSED)
        {
          g_assert_nonnull (closed);
          g_assert_cmpint (g_date_time_compare (recovered, closed), <=, 0);
          g_assert_cmpint (g_date_time_compare (closed, now), <=, 0);
          g_assert_null (follow_up);
        }
      else
        g_assert_null (closed);

      if (follow_up != NULL)
        g_assert_cmpint (g_date_time_compare (logged, follow_up), <=, 0);

      g_assert_cmpuint (g_list_model_get_n_items (actions), >=, 1);
      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(AmendsAction) action = g_list_model_get_item (actions, j);
          GDateTime *done = amends_action_get_done_at (action);

          g_assert_cmpint (g_date_time_compare (occurred, done), <=, 0);
          g_assert_cmpint (g_date_time_compare (done, now), <=, 0);
          if (previous != NULL)
            g_assert_cmpint (g_date_time_compare (previous, done), <=, 0);
          g_assert_cmpint (amends_action_get_staff_id (action), >, 0);
          g_assert_nonnull (amends_action_get_text (action));
          if (recovered != NULL && leads_to_recovery (amends_action_get_kind (action)))
            g_assert_cmpint (g_date_time_compare (done, recovered), <=, 0);
          previous = done;
        }
    }
}

static void
test_times (AmendsTestDb  *db,
            gconstpointer  data)
{
  g_autoptr(GDateTime) now = amends_test_time (data);

  populate (db->store, now);
  assert_times_make_sense (db->store, now);
}

static void
test_stories (AmendsTestDb  *db,
              gconstpointer  data)
{
  const AmendsStoryStage stages[] = {
    AMENDS_STORY_STAGE_CANDIDATE, AMENDS_STORY_STAGE_DRAFTED, AMENDS_STORY_STAGE_TOLD,
  };
  guint total = 0;

  populate (db->store, db->now);

  for (guint s = 0; s < G_N_ELEMENTS (stages); s++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) stories = amends_store_list_stories (db->store, stages[s], &error);

      g_assert_no_error (error);
      for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
        {
          g_autoptr(AmendsStory) story = g_list_model_get_item (stories, i);
          g_autoptr(GArray) heroes = NULL;
          g_autoptr(AmendsCase) kase = NULL;

          heroes = amends_store_get_story_heroes (db->store,
                                                  amends_record_get_id (AMENDS_RECORD (story)),
                                                  &error);
          g_assert_no_error (error);
          g_assert_cmpuint (heroes->len, >=, 1);
          g_assert_nonnull (amends_story_get_title (story));

          kase = amends_store_load (db->store, AMENDS_TYPE_CASE,
                                    amends_story_get_case_id (story), &error);
          g_assert_no_error (error);
          g_assert_nonnull (amends_case_get_recovered_at (kase));

          if (stages[s] == AMENDS_STORY_STAGE_TOLD)
            {
              g_assert_nonnull (amends_story_get_told_at (story));
              g_assert_cmpint (g_date_time_compare (amends_story_get_told_at (story), db->now), <=, 0);
            }
          else
            g_assert_null (amends_story_get_told_at (story));
          if (stages[s] != AMENDS_STORY_STAGE_CANDIDATE)
            g_assert_nonnull (amends_story_get_text (story));
          total++;
        }
    }

  g_assert_cmpuint (total, >=, 8);
  g_assert_cmpuint (total, <=, 14);
}

/* The audit log says who logged each case, and when. */
static void
test_audit (AmendsTestDb  *db,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = NULL;

  amends_store_set_actor_id (db->store, 0);
  populate (db->store, db->now);
  cases = load_cases (db->store);

  for (guint i = 0; i < cases->len; i++)
    {
      AmendsCase *kase = cases->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) audit = NULL;
      const AmendsAuditEntry *created;
      gint64 logged_by = 0;

      audit = amends_store_list_audit (db->store, "cases",
                                       amends_record_get_id (AMENDS_RECORD (kase)), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (audit->len, >=, 1);

      created = audit->pdata[0];
      g_object_get (kase, "logged-by-id", &logged_by, NULL);
      g_assert_cmpstr (created->field, ==, "created");
      g_assert_cmpint (logged_by, >, 0);
      g_assert_cmpint (created->staff_id, ==, logged_by);
      g_assert_cmpint (created->at, ==, g_date_time_to_unix (amends_case_get_logged_at (kase)));
    }

  /* The desk and the clock are as they were. */
  g_assert_cmpint (amends_store_get_actor_id (db->store), ==, 0);
  g_assert_cmpint (amends_store_now (db->store), ==, g_date_time_to_unix (db->now));
}

static void
test_deterministic (AmendsTestDb  *db,
                    gconstpointer  data)
{
  g_autofree char *other_path = amends_test_new_location (db->dir, "again.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  AmendsStore *other;

  other = amends_store_open (other_path, &error);
  g_assert_no_error (error);

  populate (db->store, db->now);
  populate (other, db->now);
  first = load_cases (db->store);
  second = load_cases (other);

  g_assert_cmpuint (first->len, ==, second->len);
  for (guint i = 0; i < first->len; i++)
    {
      AmendsCase *a = first->pdata[i];
      AmendsCase *b = second->pdata[i];
      g_autoptr(GListModel) actions_a = list_actions (db->store, a);
      g_autoptr(GListModel) actions_b = list_actions (other, b);

      g_assert_cmpstr (amends_case_get_reference (a), ==, amends_case_get_reference (b));
      g_assert_cmpstr (amends_case_get_summary (a), ==, amends_case_get_summary (b));
      g_assert_cmpint (g_date_time_to_unix (amends_case_get_logged_at (a)), ==,
                       g_date_time_to_unix (amends_case_get_logged_at (b)));
      g_assert_cmpuint (g_list_model_get_n_items (actions_a), ==, g_list_model_get_n_items (actions_b));

      for (guint j = 0; j < g_list_model_get_n_items (actions_a); j++)
        {
          g_autoptr(AmendsAction) x = g_list_model_get_item (actions_a, j);
          g_autoptr(AmendsAction) y = g_list_model_get_item (actions_b, j);

          g_assert_cmpstr (amends_action_get_text (x), ==, amends_action_get_text (y));
          g_assert_cmpint (g_date_time_to_unix (amends_action_get_done_at (x)), ==,
                           g_date_time_to_unix (amends_action_get_done_at (y)));
        }
    }

  g_clear_pointer (&second, g_ptr_array_unref);
  g_assert_finalize_object (other);
}

/* Populating twice must not mix two demos: the second is refused and
 * changes nothing. */
static void
test_refuses_non_empty (AmendsTestDb  *db,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 n_cases;

  populate (db->store, db->now);
  n_cases = amends_store_count_cases (db->store, NULL);

  g_assert_false (amends_demo_populate (db->store, db->now, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID);
  g_assert_cmpint (amends_store_count_cases (db->store, NULL), ==, n_cases);
}

static void
test_refuses_staff_only (AmendsTestDb  *db,
                         gconstpointer  data)
{
  g_autoptr(AmendsStaff) ada = amends_test_add_staff (db->store, "Ada");
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (amends_demo_populate (db->store, db->now, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID);

  staff = amends_store_list_staff (db->store, TRUE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (staff), ==, 1);
}

/* A failure late in the demo, after the cases, leaves nothing behind. */
static void
test_rolls_back_on_failure (AmendsTestDb  *db,
                            gconstpointer  data)
{
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GListModel) customers = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;

  /* Another program's rule that no story may be written: a trigger on
   * SQLite, a CHECK on the server. */
  if (amends_test_on_server ())
    amends_test_store_exec (db->store, "ALTER TABLE stories ADD CONSTRAINT demo_fails CHECK (false)");
  else
    {
      g_assert_cmpint (sqlite3_open (db->path, &other), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (other,
                                     "CREATE TRIGGER demo_fails BEFORE INSERT ON stories "
                                     "BEGIN SELECT RAISE (ABORT, 'the disk is on fire'); END",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
    }

  amends_store_set_actor_id (db->store, 77);
  g_assert_false (amends_demo_populate (db->store, db->now, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_cmpint (amends_store_count_cases (db->store, NULL), ==, 0);
  staff = amends_store_list_staff (db->store, TRUE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (staff), ==, 0);
  customers = amends_store_list_customers (db->store, NULL, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (customers), ==, 0);
  g_assert_cmpint (amends_store_get_actor_id (db->store), ==, 77);
  g_assert_cmpint (amends_store_now (db->store), ==, g_date_time_to_unix (db->now));

  /* Nothing half-done stands in the way of a second try. */
  if (amends_test_on_server ())
    amends_test_store_exec (db->store, "ALTER TABLE stories DROP CONSTRAINT demo_fails");
  else
    {
      g_assert_cmpint (sqlite3_exec (other, "DROP TRIGGER demo_fails", NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (other);
    }
  amends_store_set_actor_id (db->store, 0);
  populate (db->store, db->now);
  g_assert_cmpint (amends_store_count_cases (db->store, NULL), >=, 50);
}

/* Inside a caller's transaction the demo is one step of it. */
static void
test_nested_rollback (AmendsTestDb  *db,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (amends_store_begin (db->store, &error));
  populate (db->store, db->now);
  g_assert_cmpint (amends_store_count_cases (db->store, NULL), >=, 50);
  amends_store_rollback (db->store);

  g_assert_cmpint (amends_store_count_cases (db->store, NULL), ==, 0);
}

#define add_db_test(path, func, data) \
  g_test_add (path, AmendsTestDb, data, amends_test_db_setup, func, amends_test_db_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/default-path", test_default_path);
  add_db_test ("/demo/populate/counts", test_counts, NULL);
  add_db_test ("/demo/populate/times-make-sense", test_times, "2026-11-18T10:00:00Z");
  add_db_test ("/demo/populate/times-make-sense-just-after-midnight", test_times, "2026-11-18T00:05:00Z");
  add_db_test ("/demo/populate/times-make-sense-just-before-midnight", test_times, "2026-11-17T23:55:00Z");
  add_db_test ("/demo/populate/times-make-sense-across-new-year", test_times, "2027-01-03T07:00:00Z");
  add_db_test ("/demo/populate/stories-have-heroes", test_stories, NULL);
  add_db_test ("/demo/populate/audit-names-who-logged", test_audit, NULL);
  add_db_test ("/demo/populate/deterministic", test_deterministic, NULL);
  add_db_test ("/demo/populate/refuses-second-time", test_refuses_non_empty, NULL);
  add_db_test ("/demo/populate/refuses-store-with-staff", test_refuses_staff_only, NULL);
  add_db_test ("/demo/populate/rolls-back-on-failure", test_rolls_back_on_failure, NULL);
  add_db_test ("/demo/populate/nested-in-caller-transaction", test_nested_rollback, NULL);

  return g_test_run ();
}
