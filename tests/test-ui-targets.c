/* test-ui-targets.c: the Targets page of the preferences, driven as a
 * person would, and a case logged afterwards
 *
 * A real store on a temporary file, its clock stopped on Wednesday 18
 * November 2026, 10:00 UTC; the table of targets holds only what the
 * application brings in from the desk's setting: 24 h for any case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-ui-test-utils.h"

#include <adwaita.h>
#include <string.h>

#include "amends-case-editor.h"
#include "amends-intake-dialog.h"
#include "amends-store-targets.h"
#include "amends-targets-page.h"
#include "amends-test-utils.h"

typedef struct
{
  AmendsTestDb       db;
  GtkWindow         *window;
  AmendsTargetsPage *page;
  gint64             logged_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AmendsStaff) ada = NULL;
  g_autoptr(GError) error = NULL;

  amends_test_db_setup (&f->db, data);
  ada = amends_test_add_staff (f->db.store, "Ada Moreau");
  amends_store_set_actor_id (f->db.store, amends_record_get_id (AMENDS_RECORD (ada)));
  g_assert_true (amends_store_seed_default_target (f->db.store, 24, &error));

  /* As the application's preferences window, without a search. */
  f->page = amends_targets_page_new (f->db.store);
  g_object_add_weak_pointer (G_OBJECT (f->page), (gpointer *) &f->page);
  f->window = GTK_WINDOW (adw_preferences_window_new ());
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (f->window), FALSE);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (f->window), ADW_PREFERENCES_PAGE (f->page));
  gtk_window_set_default_size (f->window, 720, 1500);
  gtk_window_present (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  amends_ui_test_drain ();
  g_assert_null (f->page);

  amends_test_db_teardown (&f->db, data);
}

/* Widgets */

static GtkWidget *
template_child (GtkWidget  *widget,
                const char *id,
                GType       type)
{
  GtkWidget *child = amends_ui_test_find_child (widget, id, type);

  g_assert_nonnull (child);
  return child;
}

static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
row_control (Fixture    *f,
             const char *title,
             GType       type)
{
  GtkWidget *row = find_row (GTK_WIDGET (f->page), title);
  GtkWidget *control;

  g_assert_nonnull (row);
  control = amends_ui_test_find_child (row, NULL, type);
  g_assert_nonnull (control);
  return control;
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* The @n-th widget of @type in the row titled @title, top to bottom and
 * left to right. */
static GtkWidget *
nth_control (Fixture    *f,
             const char *title,
             GType       type,
             guint       n)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GtkWidget *row = find_row (GTK_WIDGET (f->page), title);

  g_assert_nonnull (row);
  collect (row, type, found);
  g_assert_cmpuint (found->len, >, n);
  return found->pdata[n];
}

/* The flat button with the tooltip "Remove" in the row titled @title. */
static GtkWidget *
remove_button (Fixture    *f,
               const char *title)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (find_row (GTK_WIDGET (f->page), title), GTK_TYPE_BUTTON, found);
  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (found->pdata[i]), "Remove") == 0)
      return found->pdata[i];

  g_assert_not_reached ();
}

/* Typing a number into a spin button and pressing Enter. */
static void
type_into_spin (GtkWidget  *spin,
                const char *text)
{
  gtk_widget_grab_focus (spin);
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  g_signal_emit_by_name (amends_ui_test_find_child (spin, NULL, GTK_TYPE_TEXT), "activate");
  amends_ui_test_drain ();
}

static void
type_into_row (GtkWidget  *entry_row,
               const char *text)
{
  gtk_widget_grab_focus (entry_row);
  amends_ui_test_drain ();
  gtk_editable_set_text (GTK_EDITABLE (entry_row), text);
  amends_ui_test_drain ();
}

/* Enter in an entry row: its GtkText is activated. */
static void
press_enter (GtkWidget *entry_row)
{
  g_signal_emit_by_name (amends_ui_test_find_child (entry_row, NULL, GTK_TYPE_TEXT), "activate");
  amends_ui_test_drain ();
}

static void
assert_target (Fixture        *f,
               const char     *category,
               AmendsSeverity  severity,
               gint64          hours,
               gboolean        office_hours_only)
{
  g_autoptr(GError) error = NULL;
  AmendsTargetInForce target;

  g_assert_true (amends_store_lookup_target (f->db.store, category, severity, &target, &error));
  g_assert_no_error (error);
  g_assert_cmpint (target.seconds, ==, hours * 3600);
  g_assert_cmpint (target.office_hours_only, ==, office_hours_only);
}

static void
save_screenshot (Fixture    *f,
                 const char *name)
{
  g_autofree char *path = g_build_filename (amends_ui_test_screenshot_dir (), name, NULL);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();
  amends_ui_test_save_png (GTK_WIDGET (f->window), path);
  g_test_message ("Saved %s", path);
}

/* Logging through the intake dialog, as at the desk */

static void
on_case_logged_cb (AmendsIntakeDialog *dialog,
                   gint64              case_id,
                   Fixture            *f)
{
  f->logged_id = case_id;
}

static gboolean
case_was_logged (gpointer data)
{
  Fixture *f = data;

  return f->logged_id != 0;
}

static gint64
log_case (Fixture    *f,
          const char *summary,
          const char *category,
          const char *due_hint)
{
  const char *hint;
  AmendsIntakeDialog *dialog = amends_intake_dialog_new (NULL, f->db.store);

  f->logged_id = 0;
  g_signal_connect (dialog, "case-logged", G_CALLBACK (on_case_logged_cb), f);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

  type_into_row (template_child (GTK_WIDGET (dialog), "summary_row", ADW_TYPE_ENTRY_ROW), summary);
  type_into_row (template_child (GTK_WIDGET (dialog), "category_row", ADW_TYPE_ENTRY_ROW), category);
  /* The dialog says when the case will be due, by its category's target. */
  hint = gtk_label_get_text (GTK_LABEL (template_child (GTK_WIDGET (dialog), "when_hint", GTK_TYPE_LABEL)));
  g_test_message ("%s", hint);
  g_assert_nonnull (strstr (hint, due_hint));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "intake.log", NULL);
  amends_ui_test_wait_until (case_was_logged, f);

  return f->logged_id;
}

static char *
clock_of (Fixture *f,
          gint64   case_id)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *editor = amends_case_editor_new (f->db.store);
  char *text;

  gtk_window_set_default_size (window, 900, 700);
  gtk_window_set_child (window, editor);
  amends_case_editor_set_case_id (AMENDS_CASE_EDITOR (editor), case_id);
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  amends_ui_test_drain ();

  text = g_strdup (gtk_label_get_label (GTK_LABEL (template_child (editor, "clock_label", GTK_TYPE_LABEL))));
  gtk_window_destroy (window);
  amends_ui_test_drain ();

  return text;
}

/* The tests */

/* A category override set on the page is the target of the next case of
 * that category: its clock reads "2 h left of 2 h"; another category's
 * case keeps the 24 h for any case. */
static void
test_override_sets_the_clock (Fixture       *f,
                              gconstpointer  data)
{
  GtkWidget *add_row = template_child (GTK_WIDGET (f->page), "add_row", ADW_TYPE_ENTRY_ROW);
  g_autofree char *noise_clock = NULL;
  g_autofree char *rooms_clock = NULL;
  g_autoptr(AmendsCase) kase = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_get_visible (template_child (GTK_WIDGET (f->page), "no_override_row", ADW_TYPE_ACTION_ROW)));

  type_into_row (add_row, "Noise");
  press_enter (add_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "");
  g_assert_false (gtk_widget_get_visible (template_child (GTK_WIDGET (f->page), "no_override_row", ADW_TYPE_ACTION_ROW)));
  /* It starts at the target such a case has now. */
  assert_target (f, "Noise", AMENDS_SEVERITY_MODERATE, 24, FALSE);

  type_into_spin (row_control (f, "Noise", GTK_TYPE_SPIN_BUTTON), "2");
  assert_target (f, "Noise", AMENDS_SEVERITY_MODERATE, 2, FALSE);
  assert_target (f, "Rooms", AMENDS_SEVERITY_MODERATE, 24, FALSE);
  gtk_window_destroy (f->window);
  amends_ui_test_drain ();

  f->logged_id = log_case (f, "Music from room 12 all night", "Noise", "recovery due today at 12:00");
  kase = amends_store_load (f->db.store, AMENDS_TYPE_CASE, f->logged_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (amends_case_get_target_seconds (kase), ==, 2 * 3600);
  noise_clock = clock_of (f, f->logged_id);
  g_assert_cmpstr (noise_clock, ==, "2 h left of 2 h");

  rooms_clock = clock_of (f, log_case (f, "Room not ready", "Rooms", "recovery due tomorrow at 10:00"));
  g_assert_cmpstr (rooms_clock, ==, "1 d left of 24 h");
}

/* The severities, "Use Suggested", an override in office hours only, and
 * the office hours, each saved as it is set; then a picture of the page. */
static void
test_severities_and_office_hours (Fixture       *f,
                                  gconstpointer  data)
{
  GtkWidget *add_row = template_child (GTK_WIDGET (f->page), "add_row", ADW_TYPE_ENTRY_ROW);
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *spin;

  /* A severity without its own target shows the one for any case. */
  spin = row_control (f, "Major", GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 24);
  type_into_spin (spin, "6");
  assert_target (f, NULL, AMENDS_SEVERITY_MAJOR, 6, FALSE);
  assert_target (f, NULL, AMENDS_SEVERITY_MINOR, 24, FALSE);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "targets.use-suggested", NULL);
  amends_ui_test_drain ();
  assert_target (f, NULL, AMENDS_SEVERITY_COLOSSAL, 2, FALSE);
  assert_target (f, NULL, AMENDS_SEVERITY_MAJOR, 4, FALSE);
  assert_target (f, NULL, AMENDS_SEVERITY_MODERATE, 24, FALSE);
  assert_target (f, NULL, AMENDS_SEVERITY_MINOR, 48, FALSE);
  /* Moderate showed 24 h already; it has its own row now all the same. */
  type_into_spin (row_control (f, "Any Other Case", GTK_TYPE_SPIN_BUTTON), "12");
  assert_target (f, NULL, AMENDS_SEVERITY_MODERATE, 24, FALSE);
  assert_target (f, "Spa", AMENDS_SEVERITY_MODERATE, 24, FALSE);

  /* Billing, any severity, in office hours only; its time stays the
   * severity's once set to "By severity". */
  type_into_row (add_row, "Billing");
  press_enter (add_row);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (row_control (f, "Billing", GTK_TYPE_CHECK_BUTTON)), TRUE);
  amends_ui_test_drain ();
  type_into_spin (row_control (f, "Billing", GTK_TYPE_SPIN_BUTTON), "By severity");
  assert_target (f, "Billing", AMENDS_SEVERITY_MAJOR, 4, TRUE);
  assert_target (f, "Billing", AMENDS_SEVERITY_MINOR, 48, TRUE);

  /* Monday and Tuesday open, Monday until 18:00. */
  gtk_switch_set_active (GTK_SWITCH (row_control (f, "Monday", GTK_TYPE_SWITCH)), TRUE);
  gtk_switch_set_active (GTK_SWITCH (row_control (f, "Tuesday", GTK_TYPE_SWITCH)), TRUE);
  amends_ui_test_drain ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nth_control (f, "Monday", GTK_TYPE_SPIN_BUTTON, 0))), ==, "09:00");
  type_into_spin (nth_control (f, "Monday", GTK_TYPE_SPIN_BUTTON, 1), "18:00");
  spans = amends_store_get_office_hours (f->db.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, 2);
  g_assert_cmpint (g_array_index (spans, AmendsOfficeSpan, 0).weekday, ==, 1);
  g_assert_cmpint (g_array_index (spans, AmendsOfficeSpan, 0).opens, ==, 9 * 60);
  g_assert_cmpint (g_array_index (spans, AmendsOfficeSpan, 0).closes, ==, 18 * 60);
  g_assert_cmpint (g_array_index (spans, AmendsOfficeSpan, 1).weekday, ==, 2);
  g_assert_cmpint (g_array_index (spans, AmendsOfficeSpan, 1).closes, ==, 17 * 60);

  save_screenshot (f, "targets-page.png");

  /* A billing case logged now, Wednesday 18 at 10:00, moderate: 24 h of
   * office time.  Closed until Monday 23; then 9 h on Monday (9:00–18:00)
   * and 8 h on Tuesday leave 7 h for Monday 30, from 9:00: due at 16:00,
   * 12 d 6 h from now. */
  {
    g_autofree char *clock = NULL;
    gint64 id = log_case (f, "Charged twice for the minibar", "Billing", "30 November at 16:00");

    clock = clock_of (f, id);
    g_assert_cmpstr (clock, ==, "12 d 6 h left · target 24 h in office hours");
  }

  /* Removed again: billing follows the severities, all day. */
  g_signal_emit_by_name (remove_button (f, "Billing"), "clicked");
  amends_ui_test_drain ();
  g_assert_null (find_row (GTK_WIDGET (f->page), "Billing"));
  assert_target (f, "Billing", AMENDS_SEVERITY_MAJOR, 4, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/targets-page/override-sets-the-clock", Fixture, NULL,
              fixture_set_up, test_override_sets_the_clock, fixture_tear_down);
  g_test_add ("/targets-page/severities-and-office-hours", Fixture, NULL,
              fixture_set_up, test_severities_and_office_hours, fixture_tear_down);

  return g_test_run ();
}
