/* test-training.c: training stories and their readers, the training
 * pack, case helpers, the hand-over, and a person's recovery record, on
 * data worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "amends-report-staff-record.h"
#include "amends-report-training.h"
#include "amends-store-helpers.h"
#include "amends-store-measures.h"
#include "amends-store-staff-record.h"
#include "amends-store-stories.h"
#include "amends-store-training.h"
#include "amends-test-utils.h"

/* The clock stands at Wednesday 2026-11-18 10:00 UTC; the target is 24 h. */
typedef struct
{
  AmendsTestDb  db;
  gint64        ada;
  gint64        bob;
  gint64        cy;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(AmendsStaff) ada = NULL;
  g_autoptr(AmendsStaff) bob = NULL;
  g_autoptr(AmendsStaff) cy = NULL;

  amends_test_db_setup (&f->db, data);
  ada = amends_test_add_staff (f->db.store, "Ada");
  bob = amends_test_add_staff (f->db.store, "Bob");
  cy = amends_test_add_staff (f->db.store, "Cy");
  f->ada = amends_record_get_id (AMENDS_RECORD (ada));
  f->bob = amends_record_get_id (AMENDS_RECORD (bob));
  f->cy = amends_record_get_id (AMENDS_RECORD (cy));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  amends_test_db_teardown (&f->db, data);
}

typedef struct
{
  const char       *summary;
  const char       *occurred;
  const char       *recovered;   /* NULL: not recovered */
  AmendsReaction    reaction;
  gint64            owner;
  const char       *bent_rule;   /* NULL: no rule bent */
  AmendsCloseReason close_reason;
} CaseSpec;

static AmendsCase *
add_case (Fixture        *f,
          const CaseSpec *spec)
{
  g_autoptr(GDateTime) occurred_at = amends_test_time (spec->occurred);
  g_autoptr(GDateTime) recovered_at = spec->recovered ? amends_test_time (spec->recovered) : NULL;
  g_autoptr(AmendsCase) kase = amends_case_new ();
  g_autoptr(GError) error = NULL;
  AmendsCaseStatus status = spec->close_reason != AMENDS_CLOSE_REASON_NONE ? AMENDS_CASE_STATUS_CLOSED
                          : spec->recovered ? AMENDS_CASE_STATUS_RECOVERED : AMENDS_CASE_STATUS_OPEN;

  g_object_set (kase, "summary", spec->summary, "occurred-at", occurred_at,
                "recovered-at", recovered_at, "status", status,
                "reaction", spec->reaction, "owner-id", spec->owner,
                "fix", spec->recovered ? "Two more pins handed over" : NULL,
                "surprise", spec->recovered ? "A tap on the shoulder in the first session" : NULL,
                "lesson", spec->recovered ? "Rules that are never broken never change" : NULL,
                "rule-bent", spec->bent_rule != NULL,
                "bent-rule", spec->bent_rule,
                "bent-rule-why", spec->bent_rule ? "The pins cost fifty cents; the guest paid a thousand dollars" : NULL,
                "close-reason", spec->close_reason,
                "team", "Registration",
                NULL);
  if (spec->close_reason != AMENDS_CLOSE_REASON_NONE)
    g_object_set (kase, "closed-at", occurred_at, NULL);
  amends_store_insert (f->db.store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  return g_steal_pointer (&kase);
}

/* A told story of @kase, told at @told. */
static AmendsStory *
tell_story (Fixture    *f,
            AmendsCase *kase,
            const char *told)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) told_at = amends_test_time (told);
  AmendsStory *story = amends_store_propose_story (f->db.store, amends_record_get_id (AMENDS_RECORD (kase)), &error);

  g_assert_no_error (error);
  g_object_set (story, "told-at", told_at, "stage", AMENDS_STORY_STAGE_TOLD,
                "text", "Within minutes someone tapped him on the shoulder with two pins.", NULL);
  amends_store_update (f->db.store, AMENDS_RECORD (story), &error);
  g_assert_no_error (error);

  return story;
}

static gboolean
audit_has (Fixture    *f,
           const char *table,
           gint64      id,
           const char *field,
           const char *before,
           const char *after)
{
  g_autoptr(GPtrArray) rows = amends_store_list_audit (f->db.store, table, id, NULL);
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      AmendsAuditEntry *e = rows->pdata[i];

      if (g_str_equal (e->field, field) && g_strcmp0 (e->before, before) == 0 &&
          g_strcmp0 (e->after, after) == 0)
        n++;
    }

  return n == 1;
}

static void
test_training_flag (Fixture       *f,
                    gconstpointer  data)
{
  static const CaseSpec spec = { "Only one lapel pin", "2026-11-02T10:00:00Z", "2026-11-02T11:00:00Z",
                                 AMENDS_REACTION_BLOWN_AWAY, 0, NULL, AMENDS_CLOSE_REASON_NONE };
  g_autoptr(AmendsCase) kase = add_case (f, &spec);
  g_autoptr(AmendsStory) story = tell_story (f, kase, "2026-11-03T09:00:00Z");
  g_autoptr(AmendsStory) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = amends_record_get_id (AMENDS_RECORD (story));

  g_assert_false (amends_story_get_training (story));
  amends_store_set_story_training (f->db.store, story, TRUE, &error);
  g_assert_no_error (error);

  amends_test_db_reopen (&f->db);
  again = amends_store_load (f->db.store, AMENDS_TYPE_STORY, id, &error);
  g_assert_no_error (error);
  g_assert_true (amends_story_get_training (again));
  g_assert_true (audit_has (f, "stories", id, "training", "false", "true"));

  amends_store_set_story_training (f->db.store, again, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (audit_has (f, "stories", id, "training", "true", "false"));
}

static void
test_readers (Fixture       *f,
              gconstpointer  data)
{
  static const CaseSpec spec = { "Only one lapel pin", "2026-11-02T10:00:00Z", "2026-11-02T11:00:00Z",
                                 AMENDS_REACTION_BLOWN_AWAY, 0, NULL, AMENDS_CLOSE_REASON_NONE };
  g_autoptr(AmendsCase) kase = add_case (f, &spec);
  g_autoptr(AmendsStory) story = tell_story (f, kase, "2026-11-03T09:00:00Z");
  g_autoptr(GPtrArray) readers = NULL;
  g_autoptr(GDateTime) later = amends_test_time ("2026-11-19T08:00:00Z");
  g_autoptr(GError) error = NULL;
  gint64 id = amends_record_get_id (AMENDS_RECORD (story));
  AmendsStoryReader *r;

  amends_store_mark_story_read (f->db.store, id, f->bob, &error);
  g_assert_no_error (error);
  /* Ada reads it a day later, then again: the first time stands. */
  amends_store_set_fixed_now (f->db.store, later);
  amends_store_mark_story_read (f->db.store, id, f->ada, &error);
  g_assert_no_error (error);
  amends_store_mark_story_read (f->db.store, id, f->ada, &error);
  g_assert_no_error (error);

  readers = amends_store_list_story_readers (f->db.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (readers->len, ==, 2);
  r = readers->pdata[0];
  g_assert_cmpstr (r->name, ==, "Bob");
  g_assert_cmpint (r->read_at, ==, 1794996000);   /* 2026-11-18 10:00 UTC */
  r = readers->pdata[1];
  g_assert_cmpstr (r->name, ==, "Ada");
  g_assert_cmpint (r->read_at, ==, 1795075200);   /* 2026-11-19 08:00 UTC */
  g_assert_true (audit_has (f, "stories", id, "read-by", NULL, "Ada"));

  /* Nobody at the desk cannot read it. */
  g_assert_false (amends_store_mark_story_read (f->db.store, id, 0, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID);
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  const char *keep = g_getenv ("AMENDS_TEST_KEEP_PDF");

  if (keep != NULL)
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *copy = g_build_filename (keep, base, NULL);
      const char *cp[] = { "cp", path, copy, NULL };
      g_free (run (cp));
    }

  return run (argv);
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run (argv);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

/* The text of page @n (from 1): pdftotext ends each page with a form feed. */
static char *
page_of (const char *text,
         guint       n)
{
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);

  g_assert_cmpuint (g_strv_length (pages), >=, n);
  return g_strdup (pages[n - 1]);
}

static void
test_training_pack (Fixture       *f,
                    gconstpointer  data)
{
  static const CaseSpec pins = { "Only one lapel pin", "2026-11-02T10:00:00Z", "2026-11-02T11:00:00Z",
                                 AMENDS_REACTION_BLOWN_AWAY, 0, "One pin per participant",
                                 AMENDS_CLOSE_REASON_NONE };
  static const CaseSpec wait = { "A long wait at the clinic", "2026-11-04T10:00:00Z", "2026-11-04T12:00:00Z",
                                 AMENDS_REACTION_BLOWN_AWAY, 0, NULL, AMENDS_CLOSE_REASON_NONE };
  static const CaseSpec untold = { "Cold room", "2026-11-05T10:00:00Z", "2026-11-05T12:00:00Z",
                                   AMENDS_REACTION_BLOWN_AWAY, 0, NULL, AMENDS_CLOSE_REASON_NONE };
  CaseSpec p = pins;
  g_autoptr(AmendsCase) c1 = NULL;
  g_autoptr(AmendsCase) c2 = NULL;
  g_autoptr(AmendsCase) c3 = NULL;
  g_autoptr(AmendsStory) s1 = NULL;
  g_autoptr(AmendsStory) s2 = NULL;
  g_autoptr(AmendsStory) s3 = NULL;
  g_autoptr(GPtrArray) stories = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->db.dir, "training-pack.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *title_page = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  guint n = 0;

  p.owner = f->ada;
  c1 = add_case (f, &p);
  c2 = add_case (f, &wait);
  c3 = add_case (f, &untold);
  /* Told second, but marked: the pack keeps the order they were told. */
  s1 = tell_story (f, c1, "2026-11-06T09:00:00Z");
  s2 = tell_story (f, c2, "2026-11-05T09:00:00Z");
  s3 = tell_story (f, c3, "2026-11-07T09:00:00Z");
  amends_store_set_story_training (f->db.store, s1, TRUE, &error);
  g_assert_no_error (error);
  amends_store_set_story_training (f->db.store, s2, TRUE, &error);
  g_assert_no_error (error);
  amends_store_mark_story_read (f->db.store, amends_record_get_id (AMENDS_RECORD (s1)), f->bob, &error);
  g_assert_no_error (error);

  stories = amends_store_list_training_stories (f->db.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stories->len, ==, 2);
  g_assert_cmpstr (((AmendsTrainingStory *) stories->pdata[0])->title, ==, "A long wait at the clinic");
  g_assert_cmpstr (((AmendsTrainingStory *) stories->pdata[1])->title, ==, "Only one lapel pin");

  amends_training_pack_write_pdf (f->db.store, "Hotel Kansas", NULL, path, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  /* A title page, then one page a story. */
  g_assert_cmpuint (pdf_pages (path), ==, 3);
  text = pdf_text (path);
  title_page = page_of (text, 1);
  first = page_of (text, 2);
  second = page_of (text, 3);

  g_assert_nonnull (strstr (title_page, "Hotel Kansas"));
  g_assert_nonnull (strstr (title_page, "Training Pack"));
  g_assert_nonnull (strstr (title_page, "Made on 18 November 2026"));
  g_assert_nonnull (strstr (title_page, "2 stories"));
  g_assert_null (strstr (text, "Cold room"));

  g_assert_nonnull (strstr (first, "A long wait at the clinic"));
  g_assert_nonnull (strstr (first, "No rule was bent."));
  g_assert_nonnull (strstr (first, "Read by: nobody yet"));

  g_assert_nonnull (strstr (second, "Only one lapel pin"));
  g_assert_nonnull (strstr (second, "What Went Wrong"));
  g_assert_nonnull (strstr (second, "Two more pins handed over"));
  g_assert_nonnull (strstr (second, "A tap on the shoulder in the first session"));
  g_assert_nonnull (strstr (second, "One pin per participant"));
  g_assert_nonnull (strstr (second, "Why: The pins cost fifty cents"));
  g_assert_nonnull (strstr (second, "Rules that are never broken never change"));
  g_assert_nonnull (strstr (second, "Heroes: Ada"));
  g_assert_nonnull (strstr (second, "Read by: Bob (18 November 2026)"));
}

static void
test_helpers (Fixture       *f,
              gconstpointer  data)
{
  static const CaseSpec spec = { "Only one lapel pin", "2026-11-02T10:00:00Z", NULL,
                                 AMENDS_REACTION_UNKNOWN, 0, NULL, AMENDS_CLOSE_REASON_NONE };
  g_autoptr(AmendsCase) kase = add_case (f, &spec);
  g_autoptr(GArray) helpers = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = amends_record_get_id (AMENDS_RECORD (kase));

  amends_store_add_case_helper (f->db.store, id, f->cy, &error);
  g_assert_no_error (error);
  amends_store_add_case_helper (f->db.store, id, f->bob, &error);
  g_assert_no_error (error);
  /* Twice is once. */
  amends_store_add_case_helper (f->db.store, id, f->bob, &error);
  g_assert_no_error (error);

  amends_test_db_reopen (&f->db);
  helpers = amends_store_list_case_helpers (f->db.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (helpers->len, ==, 2);
  g_assert_cmpint (g_array_index (helpers, gint64, 0), ==, f->bob);
  g_assert_cmpint (g_array_index (helpers, gint64, 1), ==, f->cy);
  g_assert_true (audit_has (f, "cases", id, "helpers", NULL, "Cy"));
  g_assert_true (audit_has (f, "cases", id, "helpers", "Cy", "Bob, Cy"));

  amends_store_remove_case_helper (f->db.store, id, f->cy, &error);
  g_assert_no_error (error);
  g_assert_true (audit_has (f, "cases", id, "helpers", "Bob, Cy", "Bob"));
  g_clear_pointer (&helpers, g_array_unref);
  helpers = amends_store_list_case_helpers (f->db.store, id, &error);
  g_assert_cmpuint (helpers->len, ==, 1);
}

/* The helpers of a case are heroes of its story, beside the owner. */
static void
test_helpers_are_heroes (Fixture       *f,
                         gconstpointer  data)
{
  CaseSpec spec = { "Only one lapel pin", "2026-11-02T10:00:00Z", "2026-11-02T11:00:00Z",
                    AMENDS_REACTION_SATISFIED, 0, NULL, AMENDS_CLOSE_REASON_NONE };
  g_autoptr(AmendsCase) kase = NULL;
  g_autoptr(AmendsStory) story = NULL;
  g_autoptr(GArray) heroes = NULL;
  g_autoptr(GError) error = NULL;

  spec.owner = f->bob;
  kase = add_case (f, &spec);
  amends_store_add_case_helper (f->db.store, amends_record_get_id (AMENDS_RECORD (kase)), f->cy, &error);
  g_assert_no_error (error);

  story = amends_store_propose_story (f->db.store, amends_record_get_id (AMENDS_RECORD (kase)), &error);
  g_assert_no_error (error);
  heroes = amends_store_get_story_heroes (f->db.store, amends_record_get_id (AMENDS_RECORD (story)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (heroes->len, ==, 2);
  g_assert_true ((g_array_index (heroes, gint64, 0) == f->bob && g_array_index (heroes, gint64, 1) == f->cy) ||
                 (g_array_index (heroes, gint64, 0) == f->cy && g_array_index (heroes, gint64, 1) == f->bob));
}

static void
test_hand_over (Fixture       *f,
                gconstpointer  data)
{
  CaseSpec spec = { "Towels missing", "2026-11-18T08:00:00Z", NULL,
                    AMENDS_REACTION_UNKNOWN, 0, NULL, AMENDS_CLOSE_REASON_NONE };
  g_autoptr(AmendsCase) kase = NULL;
  g_autoptr(AmendsCase) stored = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(AmendsAction) last = NULL;
  g_autoptr(GArray) helpers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *team = NULL;
  g_auto(GStrv) teams = NULL;
  gint64 id;

  spec.owner = f->ada;
  kase = add_case (f, &spec);
  id = amends_record_get_id (AMENDS_RECORD (kase));

  /* No team: refused, nothing written. */
  g_assert_false (amends_store_hand_over (f->db.store, kase, "  ", "note", TRUE, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  amends_store_hand_over (f->db.store, kase, "Housekeeping", "Two extra towels promised by 9", TRUE, &error);
  g_assert_no_error (error);

  amends_test_db_reopen (&f->db);
  stored = amends_store_load (f->db.store, AMENDS_TYPE_CASE, id, &error);
  g_assert_no_error (error);
  g_object_get (stored, "team", &team, NULL);
  g_assert_cmpstr (team, ==, "Housekeeping");
  g_assert_cmpint (amends_case_get_owner_id (stored), ==, 0);
  helpers = amends_store_list_case_helpers (f->db.store, id, &error);
  g_assert_cmpuint (helpers->len, ==, 1);
  g_assert_cmpint (g_array_index (helpers, gint64, 0), ==, f->ada);

  actions = amends_store_list_actions (f->db.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 1);
  last = g_list_model_get_item (actions, 0);
  g_assert_cmpint (amends_action_get_kind (last), ==, AMENDS_ACTION_KIND_HANDOVER);
  g_assert_cmpstr (amends_action_get_text (last), ==,
                   "Handed over from Registration to Housekeeping: Two extra towels promised by 9");
  g_assert_true (amends_action_kind_is_automatic (AMENDS_ACTION_KIND_HANDOVER));
  g_assert_cmpstr (amends_action_kind_to_label (AMENDS_ACTION_KIND_HANDOVER), ==, "Hand-over");

  teams = amends_store_list_teams (f->db.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (teams), ==, 1);
  g_assert_cmpstr (teams[0], ==, "Housekeeping");
}

/* Ada's record for 1–15 November 2026, worked out by hand:
 *   C1 happened 2 Nov, recovered in 1 h, blown away, a rule bent: owned, in time
 *   C2 happened 3 Nov, recovered after 48 h, satisfied: owned, late
 *   C3 happened 10 Nov, still open and past due: owned, missed
 *   C4 happened 25 Oct, recovered 1 Nov, blown away: recovered in the period only
 *   C5 happened 12 Nov, closed as not a breakdown, a rule bent: not counted
 *   C6 Bob's, happened 4 Nov, Ada helped: a helped case
 *   C7 happened 20 Nov... no: 16 Nov, after the period: not hers in it
 * Cases owned 3; in time 1 of 3; blown away 2 of 3 recovered (C1, C2,
 * C4), reaction recorded on all three; rules bent 1 (C1); helped 1.
 * Stories told in the period naming her: C1's (owner) and C6's (helper);
 * C4's told on 16 Nov is outside: 2. */
static void
test_staff_record (Fixture       *f,
                   gconstpointer  data)
{
  CaseSpec specs[] = {
    { "C1 One lapel pin", "2026-11-02T10:00:00Z", "2026-11-02T11:00:00Z", AMENDS_REACTION_BLOWN_AWAY, 0,
      "One pin per participant", AMENDS_CLOSE_REASON_NONE },
    { "C2 Late breakfast", "2026-11-03T10:00:00Z", "2026-11-05T10:00:00Z", AMENDS_REACTION_SATISFIED, 0,
      NULL, AMENDS_CLOSE_REASON_NONE },
    { "C3 Broken blind", "2026-11-10T10:00:00Z", NULL, AMENDS_REACTION_UNKNOWN, 0,
      NULL, AMENDS_CLOSE_REASON_NONE },
    { "C4 Lost key", "2026-10-25T10:00:00Z", "2026-11-01T12:00:00Z", AMENDS_REACTION_BLOWN_AWAY, 0,
      NULL, AMENDS_CLOSE_REASON_NONE },
    { "C5 Not ours", "2026-11-12T10:00:00Z", NULL, AMENDS_REACTION_UNKNOWN, 0,
      "Free parking", AMENDS_CLOSE_REASON_NOT_A_BREAKDOWN },
    { "C6 Bob's noisy room", "2026-11-04T10:00:00Z", "2026-11-04T12:00:00Z", AMENDS_REACTION_BLOWN_AWAY, 0,
      NULL, AMENDS_CLOSE_REASON_NONE },
    { "C7 After the period", "2026-11-16T10:00:00Z", "2026-11-16T11:00:00Z", AMENDS_REACTION_BLOWN_AWAY, 0,
      "Late checkout", AMENDS_CLOSE_REASON_NONE },
  };
  AmendsCase *cases[G_N_ELEMENTS (specs)];
  g_autoptr(GDateTime) from = amends_test_time ("2026-11-01T00:00:00Z");
  g_autoptr(GDateTime) until = amends_test_time ("2026-11-16T00:00:00Z");
  g_autoptr(AmendsStaffRecord) record = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->db.dir, "staff-record.pdf", NULL);
  g_autofree char *text = NULL;
  AmendsRuleBend *bend;
  gboolean compared = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      specs[i].owner = i == 5 ? f->bob : f->ada;
      cases[i] = add_case (f, &specs[i]);
    }
  amends_store_add_case_helper (f->db.store, amends_record_get_id (AMENDS_RECORD (cases[5])), f->ada, &error);
  g_assert_no_error (error);
  g_object_unref (tell_story (f, cases[0], "2026-11-03T09:00:00Z"));
  g_object_unref (tell_story (f, cases[5], "2026-11-05T09:00:00Z"));
  g_object_unref (tell_story (f, cases[3], "2026-11-16T09:00:00Z"));

  record = amends_store_read_staff_record (f->db.store, f->ada, from, until, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record->name, ==, "Ada");
  g_assert_cmpuint (record->measures.n_happened, ==, 3);
  g_assert_cmpuint (record->measures.recovered_within.n_counted, ==, 1);
  g_assert_cmpuint (record->measures.recovered_within.n_of, ==, 3);
  g_assert_cmpuint (record->measures.blown_away.n_counted, ==, 2);
  g_assert_cmpuint (record->measures.blown_away.n_of, ==, 3);
  g_assert_cmpuint (record->measures.n_recovered, ==, 3);
  g_assert_cmpuint (record->measures.n_rule_bends, ==, 1);
  g_assert_cmpuint (record->n_hero_stories, ==, 2);
  g_assert_cmpuint (record->n_helped, ==, 1);
  g_assert_cmpuint (record->bends->len, ==, 1);
  bend = record->bends->pdata[0];
  g_assert_cmpstr (bend->summary, ==, "C1 One lapel pin");
  g_assert_cmpstr (bend->rule, ==, "One pin per participant");
  g_assert_cmpstr (bend->why, ==, "The pins cost fifty cents; the guest paid a thousand dollars");

  /* The same as Ada's line of the Measures view's per-owner table. */
  rows = amends_store_measure_by (f->db.store, AMENDS_MEASURE_BY_OWNER, from, until, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      AmendsMeasureRow *row = rows->pdata[i];

      if (row->staff_id != f->ada)
        continue;
      g_assert_cmpuint (row->measures.n_happened, ==, record->measures.n_happened);
      g_assert_cmpuint (row->measures.recovered_within.n_counted, ==, record->measures.recovered_within.n_counted);
      g_assert_cmpuint (row->measures.blown_away.n_counted, ==, record->measures.blown_away.n_counted);
      compared = TRUE;
    }
  g_assert_true (compared);

  /* The same on a worker's own connection. */
  {
    g_autoptr(AmendsStaffRecordReader) reader = amends_staff_record_reader_new (f->db.store);
    g_autoptr(AmendsStaffRecord) again = amends_staff_record_reader_read (reader, f->ada, from, until, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (again->measures.n_happened, ==, 3);
    g_assert_cmpuint (again->n_hero_stories, ==, 2);
    g_assert_cmpuint (again->bends->len, ==, 1);
  }

  amends_staff_record_write_pdf (record, "Hotel Kansas", f->db.now, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (path), ==, 1);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Hotel Kansas"));
  g_assert_nonnull (strstr (text, "Ada"));
  g_assert_nonnull (strstr (text, "1 November 2026 – 15 November 2026"));
  g_assert_nonnull (strstr (text, "33 % (1 of 3)"));
  g_assert_nonnull (strstr (text, "67 % (2 of 3)"));
  g_assert_nonnull (strstr (text, "One pin per participant"));
  g_assert_null (strstr (text, "Free parking"));
  g_assert_null (strstr (text, "Late checkout"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_object_unref (cases[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/training/flag", test_training_flag);
  ADD ("/training/readers", test_readers);
  ADD ("/training/pack", test_training_pack);
  ADD ("/helpers/saved-and-audited", test_helpers);
  ADD ("/helpers/are-heroes", test_helpers_are_heroes);
  ADD ("/helpers/hand-over", test_hand_over);
  ADD ("/staff-record/figures", test_staff_record);
#undef ADD

  return g_test_run ();
}
