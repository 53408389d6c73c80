/* test-batch.c: changing several cases at once, and undoing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-batch.h"
#include "amends-test-utils.h"

typedef struct
{
  AmendsTestDb  db;
  AmendsStaff  *ada;
  gint64        ids[3];
  guint         n_committed;
} Fixture;

static void
on_committed (AmendsStore *store,
              Fixture     *f)
{
  f->n_committed++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const char *summaries[] = { "Cold soup", "Wrong bill", "No towels" };

  amends_test_db_setup (&f->db, data);
  f->ada = amends_test_add_staff (f->db.store, "Ada");

  for (guint i = 0; i < G_N_ELEMENTS (summaries); i++)
    {
      g_autoptr(AmendsCase) kase = amends_test_add_case (f->db.store, summaries[i], NULL);
      g_object_set (kase, "category", "Food", NULL);
      amends_store_update (f->db.store, AMENDS_RECORD (kase), NULL);
      f->ids[i] = amends_record_get_id (AMENDS_RECORD (kase));
    }

  g_signal_connect (f->db.store, "changes-committed", G_CALLBACK (on_committed), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (f->db.store, f);
  g_clear_object (&f->ada);
  amends_test_db_teardown (&f->db, data);
}

static AmendsCase *
load (Fixture *f,
      guint    i)
{
  g_autoptr(GError) error = NULL;
  AmendsCase *kase = amends_store_load (f->db.store, AMENDS_TYPE_CASE, f->ids[i], &error);

  g_assert_no_error (error);
  return kase;
}

static void
test_assign_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AmendsBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ada_id = amends_record_get_id (AMENDS_RECORD (f->ada));

  batch = amends_batch_assign_owner (f->db.store, f->ids, 2, ada_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amends_batch_get_n_cases (batch), ==, 2);
  /* One transaction, announced once. */
  g_assert_cmpuint (f->n_committed, ==, 1);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AmendsCase) kase = load (f, i);
      g_assert_cmpint (amends_case_get_owner_id (kase), ==, i < 2 ? ada_id : 0);
    }

  g_assert_true (amends_batch_undo (batch, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_committed, ==, 2);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AmendsCase) kase = load (f, i);
      g_assert_cmpint (amends_case_get_owner_id (kase), ==, 0);
    }
}

static void
test_status_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AmendsBatch) batch = NULL;
  g_autoptr(GError) error = NULL;

  g_autofree char *refused_reference = NULL;

  /* Two of the three have their fix written down; the third has none. */
  for (guint i = 0; i < 3; i += 2)
    {
      g_autoptr(AmendsCase) kase = load (f, i);
      g_object_set (kase, "fix", "Brought a fresh one", NULL);
      g_assert_true (amends_store_update (f->db.store, AMENDS_RECORD (kase), NULL));
    }
  {
    g_autoptr(AmendsCase) kase = load (f, 1);
    refused_reference = g_strdup (amends_case_get_reference (kase));
  }

  batch = amends_batch_set_status (f->db.store, f->ids, 3, AMENDS_CASE_STATUS_RECOVERED, &error);
  g_assert_no_error (error);
  {
    g_autoptr(AmendsCase) kase = load (f, 2);
    g_assert_cmpint (amends_case_get_status (kase), ==, AMENDS_CASE_STATUS_RECOVERED);
    g_assert_nonnull (amends_case_get_recovered_at (kase));
  }

  /* The one without a fix follows the editor's rule: left open, named. */
  g_assert_cmpuint (amends_batch_get_n_cases (batch), ==, 2);
  g_assert_cmpuint (amends_batch_get_refused (batch)->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (amends_batch_get_refused (batch), 0), ==, refused_reference);
  {
    g_autoptr(AmendsCase) kase = load (f, 1);
    g_assert_cmpint (amends_case_get_status (kase), ==, AMENDS_CASE_STATUS_OPEN);
    g_assert_null (amends_case_get_recovered_at (kase));
  }

  g_assert_true (amends_batch_undo (batch, &error));
  {
    g_autoptr(AmendsCase) kase = load (f, 2);
    g_assert_cmpint (amends_case_get_status (kase), ==, AMENDS_CASE_STATUS_OPEN);
    g_assert_null (amends_case_get_recovered_at (kase));
  }
}

static void
test_category_and_trash (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AmendsBatch) category = NULL;
  g_autoptr(AmendsBatch) trash = NULL;
  g_autoptr(GError) error = NULL;

  category = amends_batch_set_category (f->db.store, f->ids, 3, "Billing", &error);
  g_assert_no_error (error);
  {
    g_autoptr(AmendsCase) kase = load (f, 1);
    g_assert_cmpstr (amends_case_get_category (kase), ==, "Billing");
  }

  trash = amends_batch_trash (f->db.store, f->ids, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (amends_store_count_cases (f->db.store, NULL), ==, 0);
  g_assert_true (amends_batch_undo (trash, &error));
  g_assert_cmpint (amends_store_count_cases (f->db.store, NULL), ==, 3);

  g_assert_true (amends_batch_undo (category, &error));
  {
    g_autoptr(AmendsCase) kase = load (f, 1);
    g_assert_cmpstr (amends_case_get_category (kase), ==, "Food");
  }
}

static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  gint64 ids[3] = { f->ids[0], 424242, f->ids[2] };
  g_autoptr(AmendsBatch) batch = NULL;
  g_autoptr(GError) error = NULL;

  /* The second case does not exist: the first must not be trashed. */
  batch = amends_batch_trash (f->db.store, ids, 3, &error);
  g_assert_null (batch);
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (amends_store_count_cases (f->db.store, NULL), ==, 3);
  g_assert_cmpuint (f->n_committed, ==, 0);
}

/* Several cases out of the trash at once; undo puts them back in. */
static void
test_restore_and_undo (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(AmendsBatch) trash = NULL;
  g_autoptr(AmendsBatch) restore = NULL;
  g_autoptr(GError) error = NULL;

  trash = amends_batch_trash (f->db.store, f->ids, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (amends_store_count_cases (f->db.store, NULL), ==, 0);

  restore = amends_batch_restore (f->db.store, f->ids, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amends_batch_get_n_cases (restore), ==, 2);
  g_assert_cmpint (amends_store_count_cases (f->db.store, NULL), ==, 2);
  {
    g_autoptr(AmendsCase) kase = load (f, 1);
    g_assert_null (amends_case_get_deleted_at (kase));
    g_assert_cmpstr (amends_case_get_summary (kase), ==, "Wrong bill");
  }

  g_assert_true (amends_batch_undo (restore, &error));
  g_assert_no_error (error);
  g_assert_cmpint (amends_store_count_cases (f->db.store, NULL), ==, 0);
}

/* A step already saved to one case (Start Recovery in the editor) is
 * undone like a batch: only what it changed goes back. */
static void
test_change_undo_keeps_others_fields (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(AmendsCase) before = load (f, 0);
  g_autoptr(AmendsCase) after = load (f, 0);
  g_autoptr(AmendsBatch) batch = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (amends_store_set_case_status (f->db.store, after, AMENDS_CASE_STATUS_IN_RECOVERY, &error));
  batch = amends_batch_new_for_change (f->db.store, before, after);
  g_assert_cmpuint (amends_batch_get_n_cases (batch), ==, 1);

  /* Meanwhile a lesson is written (here or by another desk). */
  {
    g_autoptr(AmendsCase) kase = load (f, 0);
    g_object_set (kase, "lesson", "Check the soup", NULL);
    g_assert_true (amends_store_update (f->db.store, AMENDS_RECORD (kase), NULL));
  }

  g_assert_true (amends_batch_undo (batch, &error));
  g_assert_no_error (error);
  {
    g_autoptr(AmendsCase) kase = load (f, 0);
    g_autofree char *lesson = NULL;

    g_object_get (kase, "lesson", &lesson, NULL);
    g_assert_cmpint (amends_case_get_status (kase), ==, AMENDS_CASE_STATUS_OPEN);
    g_assert_cmpstr (lesson, ==, "Check the soup");
  }
}

/* Another program moved the case on since: undo does not write over
 * that, changes nothing, and says which case. */
static void
test_undo_refuses_after_others_change (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(AmendsStore) other = NULL;
  g_autoptr(AmendsBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  batch = amends_batch_set_status (f->db.store, f->ids, 2, AMENDS_CASE_STATUS_IN_RECOVERY, &error);
  g_assert_no_error (error);

  other = amends_store_open (f->db.path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(AmendsCase) kase = amends_store_load (other, AMENDS_TYPE_CASE, f->ids[1], &error);

    g_assert_no_error (error);
    expected = g_strdup_printf ("Not undone: %s was changed elsewhere since. Nothing was changed.",
                                amends_case_get_reference (kase));
    g_assert_true (amends_store_set_case_status (other, kase, AMENDS_CASE_STATUS_OPEN, &error));
    g_object_set (kase, "fix", "Refunded", NULL);
    g_assert_true (amends_store_update (other, AMENDS_RECORD (kase), &error));
    g_assert_true (amends_store_set_case_status (other, kase, AMENDS_CASE_STATUS_RECOVERED, &error));
  }

  g_assert_false (amends_batch_undo (batch, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, expected);

  /* All or nothing: the first case is still in recovery too. */
  {
    g_autoptr(AmendsCase) first = load (f, 0);
    g_autoptr(AmendsCase) second = load (f, 1);

    g_assert_cmpint (amends_case_get_status (first), ==, AMENDS_CASE_STATUS_IN_RECOVERY);
    g_assert_cmpint (amends_case_get_status (second), ==, AMENDS_CASE_STATUS_RECOVERED);
  }
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/batch/assign-owner-then-undo", test_assign_and_undo);
  ADD_TEST ("/batch/status-then-undo", test_status_and_undo);
  ADD_TEST ("/batch/category-trash-and-undo", test_category_and_trash);
  ADD_TEST ("/batch/all-or-nothing", test_all_or_nothing);
  ADD_TEST ("/batch/restore-then-undo", test_restore_and_undo);
  ADD_TEST ("/batch/change-undo-keeps-others-fields", test_change_undo_keeps_others_fields);
  ADD_TEST ("/batch/undo-refuses-after-others-change", test_undo_refuses_after_others_change);

  return g_test_run ();
}
