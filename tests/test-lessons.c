/* test-lessons.c: causes, rules bent, RATER and came back, on cases worked out by hand;
 * playbooks and the list of causes in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-iso-week.h"
#include "amends-store-lessons.h"
#include "amends-store-playbooks.h"
#include "amends-store-stories.h"
#include "amends-test-utils.h"

/* The week 2026-W43 in UTC, Monday 19 to Monday 26 October; "now" is
 * Monday 26 October 10:00, so the week is over and its 90 days run from
 * Tuesday 28 July 00:00 to Monday 26 October 00:00.  From the
 * definitions in the README and amends-store-lessons.c, never from the
 * code:
 *
 *      happened      cause (process changed)  rule bent            RATER failed / shown  recovered, reaction, came back
 *  A   Tue 20 09:00  Staffing (yes)           No late checkout     R E / E Rs            Tue 12:00, blown away, yes
 *  B   Wed 21 09:00  "staffing " (no)         "no late checkout"   R / A                 Wed 12:00, satisfied, no
 *  C   Thu 22 09:00  Broken equipment (no)    bent, rule not named T / -                 Thu 12:00, not recorded, not recorded
 *  D   Fri 23 09:00  Staffing (yes)           Breakfast ends at 10 R T / -               open
 *  J   Tue 20 10:00  -                        switch off, text left                      open
 *  E   Tue 15 Sep    Broken equipment         -                    -                     Sep 15, -
 *  F   Mon  1 Jun    Staffing                 -                                          older than 90 days
 *  G   Sat 24 09:00  Noise                    -                                          in the trash
 *  H   Sun 18 09:00  Noise                    -                                          Mon 19 09:00, blown away, yes
 *  I   Wed 21 11:00  Staffing                 X                    R                     closed: not a breakdown
 *
 * Happened in the week (counted): A B C D J, 5.
 * Causes: Staffing 3 in the week (A B D), 2 of them changed the process,
 * 3 in the 90 days (F is older); Broken equipment 1 (C), 0 changed, 2 in
 * the 90 days (C E); Noise 0 in the week (G is in the trash), 1 in the 90
 * days (H).
 * Rules: "no late checkout" twice (A, and B's spelling, the newer), then
 * "Breakfast ends at 10" once; one bent without a name (C): 4 in all.
 * RATER failed: Reliability 3 (A B D), Assurance 0, Tangibles 2 (C D),
 * Empathy 1 (A), Responsiveness 0; shown: Assurance 1 (B), Empathy 1 (A),
 * Responsiveness 1 (A), the others 0.
 * Recovered in the week: A B C H, 4.  Came back: A H of the three
 * recorded (A B H), 2 of 3; not recorded 1 of 4.  Blown away: A H of the
 * three with a reaction (A B H), 2 of 3; not recorded 1 of 4.
 */

typedef struct
{
  AmendsTestDb db;
} Fixture;

static void
at (Fixture    *f,
    const char *when)
{
  g_autoptr(GDateTime) t = amends_test_time (when);

  amends_store_set_fixed_now (f->db.store, t);
}

static AmendsCase *
log_case (Fixture    *f,
          const char *summary,
          const char *occurred)
{
  g_autoptr(GDateTime) when = amends_test_time (occurred);

  at (f, occurred);
  return amends_test_add_case (f->db.store, summary, when);
}

static void
update (Fixture    *f,
        AmendsCase *kase)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (amends_store_update (f->db.store, AMENDS_RECORD (kase), &error));
  g_assert_no_error (error);
}

static void
recover (Fixture        *f,
         AmendsCase     *kase,
         const char     *when,
         AmendsReaction  reaction,
         AmendsCameBack  came_back)
{
  g_autoptr(GError) error = NULL;

  at (f, when);
  g_object_set (kase, "fix", "Put right", "reaction", reaction, "came-back", came_back, NULL);
  g_assert_true (amends_store_set_case_status (f->db.store, kase, AMENDS_CASE_STATUS_RECOVERED, &error));
  g_assert_no_error (error);
}

static void
week_setup (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(AmendsCase) a = NULL, b = NULL, c = NULL, d = NULL, j = NULL;
  g_autoptr(AmendsCase) e = NULL, ff = NULL, g = NULL, h = NULL, i = NULL;
  g_autoptr(GError) error = NULL;

  amends_test_db_setup (&f->db, NULL);

  a = log_case (f, "A", "2026-10-20T09:00:00Z");
  g_object_set (a, "lesson-cause", "Staffing", "process-changed", TRUE,
                "rule-bent", TRUE, "bent-rule", "No late checkout",
                "rater-failed", AMENDS_RATER_RELIABILITY | AMENDS_RATER_EMPATHY,
                "rater-shown", AMENDS_RATER_EMPATHY | AMENDS_RATER_RESPONSIVENESS, NULL);
  update (f, a);
  recover (f, a, "2026-10-20T12:00:00Z", AMENDS_REACTION_BLOWN_AWAY, AMENDS_CAME_BACK_YES);

  b = log_case (f, "B", "2026-10-21T09:00:00Z");
  g_object_set (b, "lesson-cause", "staffing ", "rule-bent", TRUE, "bent-rule", "no late checkout",
                "rater-failed", AMENDS_RATER_RELIABILITY, "rater-shown", AMENDS_RATER_ASSURANCE, NULL);
  update (f, b);
  recover (f, b, "2026-10-21T12:00:00Z", AMENDS_REACTION_SATISFIED, AMENDS_CAME_BACK_NO);

  c = log_case (f, "C", "2026-10-22T09:00:00Z");
  g_object_set (c, "lesson-cause", "Broken equipment", "rule-bent", TRUE,
                "rater-failed", AMENDS_RATER_TANGIBLES, NULL);
  update (f, c);
  recover (f, c, "2026-10-22T12:00:00Z", AMENDS_REACTION_UNKNOWN, AMENDS_CAME_BACK_UNKNOWN);

  d = log_case (f, "D", "2026-10-23T09:00:00Z");
  g_object_set (d, "lesson-cause", "Staffing", "process-changed", TRUE,
                "rule-bent", TRUE, "bent-rule", "Breakfast ends at 10",
                "rater-failed", AMENDS_RATER_RELIABILITY | AMENDS_RATER_TANGIBLES, NULL);
  update (f, d);

  j = log_case (f, "J", "2026-10-20T10:00:00Z");
  g_object_set (j, "rule-bent", FALSE, "bent-rule", "Leftover", NULL);
  update (f, j);

  e = log_case (f, "E", "2026-09-15T09:00:00Z");
  g_object_set (e, "lesson-cause", "Broken equipment", NULL);
  update (f, e);
  recover (f, e, "2026-09-15T12:00:00Z", AMENDS_REACTION_BLOWN_AWAY, AMENDS_CAME_BACK_YES);

  ff = log_case (f, "F", "2026-06-01T09:00:00Z");
  g_object_set (ff, "lesson-cause", "Staffing", NULL);
  update (f, ff);

  g = log_case (f, "G", "2026-10-24T09:00:00Z");
  g_object_set (g, "lesson-cause", "Noise", NULL);
  update (f, g);
  g_assert_true (amends_store_trash_case (f->db.store, amends_record_get_id (AMENDS_RECORD (g)), &error));
  g_assert_no_error (error);

  h = log_case (f, "H", "2026-10-18T09:00:00Z");
  g_object_set (h, "lesson-cause", "Noise", NULL);
  update (f, h);
  recover (f, h, "2026-10-19T09:00:00Z", AMENDS_REACTION_BLOWN_AWAY, AMENDS_CAME_BACK_YES);

  i = log_case (f, "I", "2026-10-21T11:00:00Z");
  g_object_set (i, "lesson-cause", "Staffing", "rule-bent", TRUE, "bent-rule", "X",
                "rater-failed", AMENDS_RATER_RELIABILITY, NULL);
  update (f, i);
  at (f, "2026-10-21T12:00:00Z");
  g_assert_true (amends_store_close_case (f->db.store, i, AMENDS_CLOSE_REASON_NOT_A_BREAKDOWN, &error));
  g_assert_no_error (error);

  at (f, "2026-10-26T10:00:00Z");
}

static void
week_teardown (Fixture       *f,
               gconstpointer  data)
{
  amends_test_db_teardown (&f->db, NULL);
}

static void
w43 (GDateTime **from,
     GDateTime **until)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GError) error = NULL;

  g_assert_true (amends_iso_week_parse ("2026-W43", utc, from, until, &error));
  g_assert_no_error (error);
}

static void
check_cause (const AmendsLessonMeasures *m,
             guint                       index,
             const char                 *name,
             guint                       n_period,
             guint                       n_changed,
             guint                       n_recent)
{
  const AmendsCauseCount *cause;

  g_assert_cmpuint (index, <, m->causes->len);
  cause = m->causes->pdata[index];
  g_assert_cmpstr (cause->name, ==, name);
  g_assert_cmpuint (cause->n_period, ==, n_period);
  g_assert_cmpuint (cause->n_changed, ==, n_changed);
  g_assert_cmpuint (cause->n_recent, ==, n_recent);
}

static void
check_by_hand (const AmendsLessonMeasures *m)
{
  const guint failed[AMENDS_LESSONS_N_RATER] = { 3, 0, 2, 1, 0 };
  const guint shown[AMENDS_LESSONS_N_RATER] = { 0, 1, 0, 1, 1 };
  const AmendsBentRuleCount *rule;

  g_assert_cmpuint (m->n_happened, ==, 5);

  g_assert_cmpuint (m->causes->len, ==, 3);
  check_cause (m, 0, "Staffing", 3, 2, 3);
  check_cause (m, 1, "Broken equipment", 1, 0, 2);
  check_cause (m, 2, "Noise", 0, 0, 1);

  g_assert_cmpuint (m->bent_rules->len, ==, 2);
  rule = m->bent_rules->pdata[0];
  g_assert_cmpstr (rule->rule, ==, "no late checkout");
  g_assert_cmpuint (rule->n, ==, 2);
  rule = m->bent_rules->pdata[1];
  g_assert_cmpstr (rule->rule, ==, "Breakfast ends at 10");
  g_assert_cmpuint (rule->n, ==, 1);
  g_assert_cmpuint (m->n_rules_unnamed, ==, 1);

  /* R A T E R, in the order of amends_lessons_rater. */
  g_assert_cmpint (amends_lessons_rater[0], ==, AMENDS_RATER_RELIABILITY);
  g_assert_cmpint (amends_lessons_rater[4], ==, AMENDS_RATER_RESPONSIVENESS);
  for (guint i = 0; i < AMENDS_LESSONS_N_RATER; i++)
    {
      g_assert_cmpuint (m->rater_failed[i], ==, failed[i]);
      g_assert_cmpuint (m->rater_shown[i], ==, shown[i]);
    }

  g_assert_cmpuint (m->n_recovered, ==, 4);
  g_assert_cmpuint (m->came_back.n_counted, ==, 2);
  g_assert_cmpuint (m->came_back.n_of, ==, 3);
  g_assert_cmpfloat_with_epsilon (m->came_back.share, 2.0 / 3.0, 1e-9);
  g_assert_cmpuint (m->n_came_back_unknown, ==, 1);
  g_assert_cmpuint (m->blown_away.n_counted, ==, 2);
  g_assert_cmpuint (m->blown_away.n_of, ==, 3);
  g_assert_cmpuint (m->n_reaction_unknown, ==, 1);
}

static void
test_lessons_by_hand (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(AmendsLessonMeasures) m = NULL;
  g_autoptr(GError) error = NULL;

  w43 (&from, &until);
  m = amends_store_measure_lessons (f->db.store, from, until, &error);
  g_assert_no_error (error);
  check_by_hand (m);
}

/* The rules bent add up to the measures' count, and blown away is the
 * measures' own. */
static void
test_lessons_agree_with_measures (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(AmendsLessonMeasures) m = NULL;
  g_autoptr(GError) error = NULL;
  AmendsMeasures week;
  guint n_bent = 0;

  w43 (&from, &until);
  m = amends_store_measure_lessons (f->db.store, from, until, &error);
  g_assert_no_error (error);
  g_assert_true (amends_store_measure (f->db.store, from, until, &week, &error));

  for (guint i = 0; i < m->bent_rules->len; i++)
    n_bent += ((AmendsBentRuleCount *) m->bent_rules->pdata[i])->n;
  g_assert_cmpuint (n_bent + m->n_rules_unnamed, ==, week.n_rule_bends);
  g_assert_cmpuint (m->blown_away.n_counted, ==, week.blown_away.n_counted);
  g_assert_cmpuint (m->blown_away.n_of, ==, week.blown_away.n_of);
  g_assert_cmpuint (m->n_recovered, ==, week.n_recovered);
  g_assert_cmpuint (m->n_happened, ==, week.n_happened);
}

static void
on_measured_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  AmendsLessonMeasures **m = data;
  g_autoptr(GError) error = NULL;

  *m = amends_lesson_measures_measure_finish (result, &error);
  g_assert_no_error (error);
}

/* The Measures view's worker thread counts the same. */
static void
test_lessons_async (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(AmendsLessonMeasures) m = NULL;

  w43 (&from, &until);
  amends_lesson_measures_measure_async (f->db.store, from, until, NULL, on_measured_cb, &m);
  while (m == NULL)
    g_main_context_iteration (NULL, TRUE);
  check_by_hand (m);
}

/* A week that runs: its 90 days end now, and a lesson of this very
 * second counts. */
static void
test_lessons_running_week (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GDateTime) from = amends_test_time ("2026-10-26T00:00:00Z");
  g_autoptr(GDateTime) until = amends_test_time ("2026-11-02T00:00:00Z");
  g_autoptr(AmendsLessonMeasures) m = NULL;
  g_autoptr(AmendsCase) k = NULL;
  g_autoptr(GError) error = NULL;

  k = log_case (f, "K", "2026-10-26T10:00:00Z");
  g_object_set (k, "lesson-cause", "Noise", NULL);
  update (f, k);

  m = amends_store_measure_lessons (f->db.store, from, until, &error);
  g_assert_no_error (error);
  /* Noise: K this week; H and K in the 90 days up to now.  Staffing:
   * A B D in the 90 days (from 28 Jul 10:00: F is older); Broken
   * equipment: C and E. */
  g_assert_cmpuint (m->causes->len, ==, 3);
  check_cause (m, 0, "Noise", 1, 0, 2);
  check_cause (m, 1, "Staffing", 0, 0, 3);
  check_cause (m, 2, "Broken equipment", 0, 0, 2);
}

/* Playbooks and causes in the store */

static void
db_setup (Fixture       *f,
          gconstpointer  data)
{
  amends_test_db_setup (&f->db, NULL);
}

static void
test_playbook_save_load (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AmendsPlaybook) none = NULL;
  g_autoptr(AmendsPlaybook) loaded = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  guint n_texts = 0;

  none = amends_store_load_playbook (f->db.store, "Housekeeping", &error);
  g_assert_no_error (error);
  g_assert_true (amends_playbook_is_empty (none));
  g_assert_cmpint (none->updated_at, ==, 0);

  at (f, "2026-11-20T09:00:00Z");
  g_assert_true (amends_store_save_playbook (f->db.store, "Housekeeping",
                                             "  The room cleaned again within the hour  ",
                                             "Up to 30.00 without asking", &error));
  g_assert_no_error (error);
  /* Blanks are unset. */
  at (f, "2026-11-20T10:00:00Z");
  g_assert_true (amends_store_save_playbook (f->db.store, "Billing", "  ", NULL, &error));

  loaded = amends_store_load_playbook (f->db.store, "Housekeeping", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->put_right, ==, "The room cleaned again within the hour");
  g_assert_cmpstr (loaded->spending_guide, ==, "Up to 30.00 without asking");
  g_assert_cmpint (loaded->updated_at, ==, g_date_time_to_unix (amends_test_time ("2026-11-20T09:00:00Z")));
  g_clear_pointer (&loaded, amends_playbook_free);
  loaded = amends_store_load_playbook (f->db.store, "Billing", &error);
  g_assert_true (amends_playbook_is_empty (loaded));

  /* Each text changed has its audit row, with before and after. */
  g_assert_true (amends_store_save_playbook (f->db.store, "Housekeeping",
                                             "The room cleaned again within the hour",
                                             "Up to 40.00 without asking", &error));
  audit = amends_store_list_audit (f->db.store, "playbooks", 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      AmendsAuditEntry *entry = audit->pdata[i];

      if (g_strcmp0 (entry->field, "spending-guide") == 0 && g_strcmp0 (entry->before, "Up to 30.00 without asking") == 0)
        g_assert_cmpstr (entry->after, ==, "Up to 40.00 without asking");
      n_texts++;
    }
  /* put-right and spending-guide once, spending-guide again. */
  g_assert_cmpuint (n_texts, ==, 3);

  g_assert_false (amends_store_save_playbook (f->db.store, "  ", "x", NULL, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID);
}

static void
tell_story (Fixture        *f,
            const char     *summary,
            const char     *category,
            const char     *surprise,
            AmendsReaction  reaction,
            const char     *told)
{
  g_autoptr(AmendsCase) kase = log_case (f, summary, "2026-11-02T09:00:00Z");
  g_autoptr(AmendsStory) story = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (kase, "category", category, "surprise", surprise, NULL);
  update (f, kase);
  recover (f, kase, "2026-11-02T12:00:00Z", reaction, AMENDS_CAME_BACK_UNKNOWN);
  story = amends_store_propose_story (f->db.store, amends_record_get_id (AMENDS_RECORD (kase)), &error);
  g_assert_no_error (error);
  at (f, told);
  g_assert_true (amends_store_move_story (f->db.store, story, AMENDS_STORY_STAGE_TOLD, &error));
  g_assert_no_error (error);
}

/* Ideas: the surprises of told stories of the category whose customer
 * was blown away, told last first. */
static void
test_playbook_ideas (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(GStrv) ideas = NULL;
  g_autoptr(GError) error = NULL;

  tell_story (f, "Towels", "Housekeeping", "A hand-written note and fresh flowers",
              AMENDS_REACTION_BLOWN_AWAY, "2026-11-03T09:00:00Z");
  tell_story (f, "Sheets", "Housekeeping", "Breakfast in bed the next morning",
              AMENDS_REACTION_BLOWN_AWAY, "2026-11-05T09:00:00Z");
  tell_story (f, "Dust", "Housekeeping", "A voucher",
              AMENDS_REACTION_SATISFIED, "2026-11-06T09:00:00Z");
  tell_story (f, "Bill", "Billing", "Dinner on the house",
              AMENDS_REACTION_BLOWN_AWAY, "2026-11-07T09:00:00Z");

  ideas = amends_store_list_playbook_ideas (f->db.store, "Housekeeping", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (ideas), ==, 2);
  g_assert_cmpstr (ideas[0], ==, "Breakfast in bed the next morning");
  g_assert_cmpstr (ideas[1], ==, "A hand-written note and fresh flowers");
  g_clear_pointer (&ideas, g_strfreev);

  ideas = amends_store_list_playbook_ideas (f->db.store, "Housekeeping", 1, &error);
  g_assert_cmpuint (g_strv_length (ideas), ==, 1);
}

static void
test_causes_list (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(GStrv) causes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (amends_store_add_cause (f->db.store, "Staffing", &error));
  g_assert_true (amends_store_add_cause (f->db.store, " Broken equipment ", &error));
  /* The same cause in another case is the same cause. */
  g_assert_true (amends_store_add_cause (f->db.store, "staffing", &error));
  g_assert_no_error (error);
  causes = amends_store_list_causes (f->db.store, &error);
  g_assert_cmpuint (g_strv_length (causes), ==, 2);
  g_assert_cmpstr (causes[0], ==, "Broken equipment");
  g_assert_cmpstr (causes[1], ==, "Staffing");
  g_clear_pointer (&causes, g_strfreev);

  g_assert_true (amends_store_remove_cause (f->db.store, "STAFFING", &error));
  causes = amends_store_list_causes (f->db.store, &error);
  g_assert_cmpuint (g_strv_length (causes), ==, 1);
  g_assert_cmpstr (causes[0], ==, "Broken equipment");
  g_clear_pointer (&causes, g_strfreev);

  /* Back on the list as it was first written. */
  g_assert_true (amends_store_add_cause (f->db.store, "staffing", &error));
  causes = amends_store_list_causes (f->db.store, &error);
  g_assert_cmpuint (g_strv_length (causes), ==, 2);
  g_assert_cmpstr (causes[1], ==, "Staffing");

  g_assert_false (amends_store_add_cause (f->db.store, "   ", &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&causes, g_strfreev);

  /* Where the engines differ: SQLite's NOCASE folds ASCII letters only,
   * so "Ärger" and "ärger" are two causes there; the server's lower ()
   * folds every letter of a UTF-8 locale (pg-cluster's is C.UTF-8), and
   * they are one. */
  g_assert_true (amends_store_add_cause (f->db.store, "Ärger am Empfang", &error));
  g_assert_true (amends_store_add_cause (f->db.store, "ärger am Empfang", &error));
  g_assert_no_error (error);
  causes = amends_store_list_causes (f->db.store, &error);
  g_assert_cmpuint (g_strv_length (causes), ==, amends_test_on_server () ? 3 : 4);
}

/* A lesson's cause and "did we change the process?" are kept, and their
 * changes audited as every field of a case is. */
static void
test_lesson_cause_audited (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = log_case (f, "Cold shower", "2026-11-02T09:00:00Z");
  g_autoptr(AmendsCase) loaded = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = amends_record_get_id (AMENDS_RECORD (kase));
  gboolean saw_cause = FALSE, saw_process = FALSE;

  g_object_set (kase, "lesson-cause", "Broken equipment", "process-changed", TRUE, NULL);
  update (f, kase);

  loaded = amends_store_load (f->db.store, AMENDS_TYPE_CASE, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amends_case_get_lesson_cause (loaded), ==, "Broken equipment");
  g_assert_true (amends_case_get_process_changed (loaded));

  audit = amends_store_list_audit (f->db.store, "cases", id, &error);
  for (guint i = 0; i < audit->len; i++)
    {
      AmendsAuditEntry *entry = audit->pdata[i];

      if (g_strcmp0 (entry->field, "lesson_cause") == 0)
        {
          g_assert_null (entry->before);
          g_assert_cmpstr (entry->after, ==, "Broken equipment");
          saw_cause = TRUE;
        }
      else if (g_strcmp0 (entry->field, "process_changed") == 0)
        {
          g_assert_cmpstr (entry->before, ==, "false");
          g_assert_cmpstr (entry->after, ==, "true");
          saw_process = TRUE;
        }
    }
  g_assert_true (saw_cause);
  g_assert_true (saw_process);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/lessons/measures/by-hand", Fixture, NULL, week_setup, test_lessons_by_hand, week_teardown);
  g_test_add ("/lessons/measures/agree-with-measures", Fixture, NULL, week_setup,
              test_lessons_agree_with_measures, week_teardown);
  g_test_add ("/lessons/measures/worker-thread", Fixture, NULL, week_setup, test_lessons_async, week_teardown);
  g_test_add ("/lessons/measures/running-week", Fixture, NULL, week_setup, test_lessons_running_week, week_teardown);
  g_test_add ("/lessons/playbook/save-load", Fixture, NULL, db_setup, test_playbook_save_load, week_teardown);
  g_test_add ("/lessons/playbook/ideas", Fixture, NULL, db_setup, test_playbook_ideas, week_teardown);
  g_test_add ("/lessons/causes/list", Fixture, NULL, db_setup, test_causes_list, week_teardown);
  g_test_add ("/lessons/cause/audited", Fixture, NULL, db_setup, test_lesson_cause_audited, week_teardown);

  return g_test_run ();
}
