/* test-record.c: records keep, compare and announce their values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-case.h"
#include "amends-enum-types.h"
#include "amends-staff.h"

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           GPtrArray  *names)
{
  g_ptr_array_add (names, (gpointer) pspec->name);
}

static void
test_notifies_only_changes (void)
{
  g_autoptr(AmendsCase) kase = amends_case_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) t1 = g_date_time_new (utc, 2026, 11, 18, 10, 0, 0);
  g_autoptr(GDateTime) t1_again = g_date_time_new (utc, 2026, 11, 18, 10, 0, 0);

  g_signal_connect (kase, "notify", G_CALLBACK (on_notify), names);

  amends_case_set_summary (kase, "Cold soup");
  amends_case_set_summary (kase, "Cold soup");
  g_assert_cmpuint (names->len, ==, 1);

  /* Equal instants are equal, whatever the GDateTime. */
  amends_case_set_occurred_at (kase, t1);
  amends_case_set_occurred_at (kase, t1_again);
  g_assert_cmpuint (names->len, ==, 2);
  g_assert_cmpstr (names->pdata[1], ==, "occurred-at");

  amends_case_set_status (kase, AMENDS_CASE_STATUS_OPEN);
  g_assert_cmpuint (names->len, ==, 2);
  amends_case_set_status (kase, AMENDS_CASE_STATUS_RECOVERED);
  g_assert_cmpuint (names->len, ==, 3);
  g_assert_false (amends_case_is_active (kase));

  g_assert_finalize_object (g_steal_pointer (&kase));
}

static void
test_defaults (void)
{
  g_autoptr(AmendsCase) kase = amends_case_new ();
  g_autoptr(AmendsStaff) staff = amends_staff_new ();
  AmendsRater failed = 0;

  g_assert_null (amends_case_get_summary (kase));
  g_assert_null (amends_case_get_occurred_at (kase));
  g_assert_cmpint (amends_case_get_status (kase), ==, AMENDS_CASE_STATUS_OPEN);
  g_assert_cmpint (amends_case_get_severity (kase), ==, AMENDS_SEVERITY_MODERATE);
  g_assert_cmpint (amends_case_get_noticed_by (kase), ==, AMENDS_NOTICED_BY_CUSTOMER);
  g_object_get (kase, "rater-failed", &failed, NULL);
  g_assert_cmpint (failed, ==, AMENDS_RATER_NONE);
  g_assert_true (amends_case_is_active (kase));
  g_assert_true (amends_staff_get_active (staff));
}

static void
test_copy_fields (void)
{
  g_autoptr(AmendsCase) a = amends_case_new ();
  g_autoptr(AmendsCase) b = amends_case_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_object_set (a, "summary", "Lost key", "owner-name", "Ada", "rater-shown", AMENDS_RATER_EMPATHY, NULL);
  amends_record_set_id (AMENDS_RECORD (a), 42);
  g_object_set (b, "summary", "Lost key", NULL);

  g_signal_connect (b, "notify", G_CALLBACK (on_notify), names);
  amends_record_copy_fields (AMENDS_RECORD (b), AMENDS_RECORD (a));

  g_assert_cmpint (amends_record_get_id (AMENDS_RECORD (b)), ==, 42);
  g_assert_cmpstr (amends_case_get_owner_name (b), ==, "Ada");
  /* id, owner-name, rater-shown: the summary was already the same */
  g_assert_cmpuint (names->len, ==, 3);
}

static void
test_labels (void)
{
  g_autoptr(GEnumClass) statuses = g_type_class_ref (AMENDS_TYPE_CASE_STATUS);
  g_autoptr(GEnumClass) kinds = g_type_class_ref (AMENDS_TYPE_ACTION_KIND);
  g_autofree char *rater = amends_rater_to_string (AMENDS_RATER_EMPATHY | AMENDS_RATER_RELIABILITY);

  for (guint i = 0; i < statuses->n_values; i++)
    g_assert_nonnull (amends_case_status_to_label (statuses->values[i].value));
  for (guint i = 0; i < kinds->n_values; i++)
    g_assert_nonnull (amends_action_kind_to_label (kinds->values[i].value));

  g_assert_cmpstr (amends_case_status_to_label (AMENDS_CASE_STATUS_IN_RECOVERY), ==, "In recovery");
  g_assert_cmpstr (amends_noticed_by_to_label (AMENDS_NOTICED_BY_STAFF), ==, "Staff noticed first");
  g_assert_cmpstr (rater, ==, "Reliability, Empathy");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record/notifies-only-real-changes", test_notifies_only_changes);
  g_test_add_func ("/record/defaults", test_defaults);
  g_test_add_func ("/record/copy-fields-notifies-differences", test_copy_fields);
  g_test_add_func ("/record/every-enum-has-a-label", test_labels);

  return g_test_run ();
}
