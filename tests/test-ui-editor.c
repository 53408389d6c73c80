/* test-ui-editor.c: the case editor, its timeline and customer card, driven as a person would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-ui-test-utils.h"

#include "amends-store-stories.h"

#include <string.h>

#include "amends-case-editor.h"
#include "amends-customer-card.h"
#include "amends-demo.h"
#include "amends-test-utils.h"
#include "amends-timeline.h"

typedef struct
{
  AmendsTestDb      db;
  gint64            ada_id;
  gint64            bilal_id;
  gint64            customer_id;
  gint64            earlier_id;
  gint64            case_id;
  GtkWindow        *window;
  AmendsCaseEditor *editor;
} Fixture;

static gint64
insert_case (AmendsStore *store,
             const char  *summary,
             const char  *occurred_at,
             gint64       customer_id)
{
  g_autoptr(GDateTime) when = amends_test_time (occurred_at);
  g_autoptr(AmendsCase) kase = amends_test_add_case (store, summary, when);
  g_autoptr(GError) error = NULL;

  g_object_set (kase, "customer-id", customer_id, NULL);
  amends_store_update (store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  return amends_record_get_id (AMENDS_RECORD (kase));
}

static AmendsCase *
load_case (Fixture *f,
           gint64   case_id)
{
  g_autoptr(GError) error = NULL;
  AmendsCase *kase = amends_store_load (f->db.store, AMENDS_TYPE_CASE, case_id, &error);

  g_assert_no_error (error);
  return kase;
}

static void
open_editor (Fixture *f,
             gint64   case_id,
             int      width,
             int      height)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_set_default_size (f->window, width, height);

  f->editor = AMENDS_CASE_EDITOR (amends_case_editor_new (f->db.store));
  g_object_add_weak_pointer (G_OBJECT (f->editor), (gpointer *) &f->editor);
  gtk_window_set_child (f->window, GTK_WIDGET (f->editor));
  amends_case_editor_set_case_id (f->editor, case_id);

  gtk_window_present (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();
}

static void
close_editor (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* The editor's window and any dialog a test left open. */
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  amends_ui_test_drain ();
  g_assert_null (f->editor);
  g_assert_null (f->window);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AmendsStaff) ada = NULL;
  g_autoptr(AmendsStaff) bilal = NULL;
  g_autoptr(AmendsCustomer) customer = NULL;

  amends_test_db_setup (&f->db, data);

  ada = amends_test_add_staff (f->db.store, "Ada Moreau");
  bilal = amends_test_add_staff (f->db.store, "Bilal Okafor");
  f->ada_id = amends_record_get_id (AMENDS_RECORD (ada));
  f->bilal_id = amends_record_get_id (AMENDS_RECORD (bilal));

  customer = amends_test_add_customer (f->db.store, "Edward Kaufmann",
                                      "Two children at home; loves cowboy boots");
  f->customer_id = amends_record_get_id (AMENDS_RECORD (customer));

  f->earlier_id = insert_case (f->db.store, "Only one lapel pin for two children",
                               "2026-10-02T14:00:00Z", f->customer_id);
  f->case_id = insert_case (f->db.store, "Room not ready at check-in",
                            "2026-11-18T07:00:00Z", f->customer_id);

  open_editor (f, f->case_id, 800, 900);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_editor (f);
  amends_test_db_teardown (&f->db, data);
}

/* Widgets are found by their id in our .ui files and their type: the
 * templates of libadwaita's own widgets use ids too. */
static GtkWidget *
find_in (GtkWidget  *widget,
         const char *id,
         GType       type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (id == NULL ||
       g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_in (child, id, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
child (Fixture    *f,
       const char *id,
       GType       type)
{
  GtkWidget *found = find_in (GTK_WIDGET (f->editor), id, type);

  g_assert_nonnull (found);
  return found;
}

static void
type_into (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
}

static void
type_field (Fixture    *f,
            const char *id,
            const char *text)
{
  GtkWidget *widget = find_in (GTK_WIDGET (f->editor), id, GTK_TYPE_WIDGET);

  g_assert_nonnull (widget);
  type_into (widget, text);
}

static const char *
label_text (Fixture    *f,
            const char *id)
{
  return gtk_label_get_label (GTK_LABEL (child (f, id, GTK_TYPE_LABEL)));
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* Answers the dialog a step opened, as a person would: types in its
 * entry, if it has one, and picks @response. */
static void
answer_dialog (const char *response,
               const char *text)
{
  AdwMessageDialog *dialog = find_dialog ();

  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) != NULL);

  if (text != NULL)
    {
      GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

      g_assert_true (GTK_IS_EDITABLE (entry));
      gtk_editable_set_text (GTK_EDITABLE (entry), text);
    }

  g_assert_true (adw_message_dialog_has_response (dialog, response));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);

  if (find_dialog () == dialog)
    gtk_window_destroy (GTK_WINDOW (dialog));
  amends_ui_test_drain ();
  g_assert_null (find_dialog ());
}

static gboolean
activate (Fixture    *f,
          const char *action)
{
  gboolean found = gtk_widget_activate_action (GTK_WIDGET (f->editor), action, NULL);

  amends_ui_test_drain ();
  return found;
}

/* A step's button is on screen and can be pressed. */
static gboolean
step_offered (Fixture    *f,
              const char *button_id)
{
  GtkWidget *button = child (f, button_id, GTK_TYPE_BUTTON);

  return gtk_widget_is_visible (button) && gtk_widget_is_sensitive (button);
}

static gboolean
has_error (Fixture    *f,
           const char *id)
{
  return gtk_widget_has_css_class (child (f, id, GTK_TYPE_WIDGET), "error");
}

static gboolean
timeline_has (GListModel       *actions,
              AmendsActionKind  kind,
              const char       *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(AmendsAction) action = g_list_model_get_item (actions, i);

      if (amends_action_get_kind (action) == kind &&
          (text == NULL || g_strcmp0 (amends_action_get_text (action), text) == 0))
        return TRUE;
    }

  return FALSE;
}

static void
test_typed_fields_survive_reopening (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = NULL;
  g_autofree char *description = NULL;
  g_autofree char *team = NULL;
  g_autofree char *bent_rule = NULL;
  AmendsSeverity severity;
  gboolean rule_bent;
  guint failed, shown;
  gint64 cost;

  type_field (f, "summary_row", "Room not ready after a night flight");
  type_field (f, "description_view", "She landed at six and the room was still being cleaned.");
  type_field (f, "team_row", "Front desk");
  type_field (f, "surprise_view", "Breakfast on us, and a late check-out");
  type_field (f, "cost_row", "12.50");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "severity_row", ADW_TYPE_COMBO_ROW)),
                              AMENDS_SEVERITY_MAJOR);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (child (f, "rule_row", ADW_TYPE_EXPANDER_ROW)), TRUE);
  type_field (f, "bent_rule_row", "Check-out at eleven");

  /* Nothing is written while the person is still typing... */
  kase = load_case (f, f->case_id);
  g_assert_cmpstr (amends_case_get_summary (kase), ==, "Room not ready at check-in");
  g_clear_object (&kase);

  /* ...and everything once the editor is flushed and closed. */
  amends_case_editor_flush (f->editor, NULL);
  g_assert_cmpstr (label_text (f, "summary_label"), ==, "Room not ready after a night flight");
  close_editor (f);
  amends_test_db_reopen (&f->db);

  kase = load_case (f, f->case_id);
  g_object_get (kase,
                "description", &description,
                "team", &team,
                "severity", &severity,
                "surprise-cost-cents", &cost,
                "rule-bent", &rule_bent,
                "bent-rule", &bent_rule,
                "rater-failed", &failed,
                "rater-shown", &shown,
                NULL);
  g_assert_cmpstr (amends_case_get_summary (kase), ==, "Room not ready after a night flight");
  g_assert_cmpstr (description, ==, "She landed at six and the room was still being cleaned.");
  g_assert_cmpstr (team, ==, "Front desk");
  g_assert_cmpint (severity, ==, AMENDS_SEVERITY_MAJOR);
  g_assert_cmpint (cost, ==, 1250);
  g_assert_true (rule_bent);
  g_assert_cmpstr (bent_rule, ==, "Check-out at eleven");
  g_assert_cmpuint (failed, ==, 0);
  g_assert_cmpuint (shown, ==, 0);

  open_editor (f, f->case_id, 800, 900);
}

static void
test_saves_after_a_pause_in_typing (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkCheckButton *check;

  check = GTK_CHECK_BUTTON (find_in (GTK_WIDGET (f->editor), NULL, GTK_TYPE_CHECK_BUTTON));
  g_assert_nonnull (check);
  gtk_check_button_set_active (check, TRUE);
  type_field (f, "lesson_view", "Hold one room back for early arrivals");

  /* The save comes by itself a moment after the last change. */
  while (TRUE)
    {
      g_autofree char *lesson = NULL;
      guint failed = 0;

      g_clear_object (&kase);
      kase = load_case (f, f->case_id);
      g_object_get (kase, "lesson", &lesson, "rater-failed", &failed, NULL);
      if (lesson != NULL)
        {
          g_assert_cmpstr (lesson, ==, "Hold one room back for early arrivals");
          g_assert_cmpuint (failed, ==, AMENDS_RATER_RELIABILITY);
          break;
        }

      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
test_invalid_follow_up_is_refused_other_edits_saved (Fixture       *f,
                                                     gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = NULL;
  g_autoptr(GDateTime) expected = g_date_time_new_local (2026, 11, 20, 9, 0, 0);
  g_autofree char *lesson = NULL;
  GtkWidget *error_label = child (f, "follow_up_error_label", GTK_TYPE_LABEL);

  type_field (f, "follow_up_row", "some day next week");
  type_field (f, "lesson_view", "Ask the airport shuttle for arrival times");
  amends_case_editor_flush (f->editor, NULL);

  g_assert_true (has_error (f, "follow_up_row"));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error_label)), !=, "");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (child (f, "follow_up_row", GTK_TYPE_WIDGET)), ==,
                   gtk_label_get_label (GTK_LABEL (error_label)));

  kase = load_case (f, f->case_id);
  g_object_get (kase, "lesson", &lesson, NULL);
  g_assert_null (amends_case_get_follow_up_due_at (kase));
  g_assert_cmpstr (lesson, ==, "Ask the airport shuttle for arrival times");
  g_clear_object (&kase);

  /* Typed again as a date, the follow-up is saved and the error goes. */
  type_field (f, "follow_up_row", "2026-11-20 09:00");
  amends_case_editor_flush (f->editor, NULL);
  g_assert_false (has_error (f, "follow_up_row"));
  g_assert_false (gtk_widget_get_visible (error_label));

  kase = load_case (f, f->case_id);
  g_assert_nonnull (amends_case_get_follow_up_due_at (kase));
  g_assert_cmpint (g_date_time_to_unix (amends_case_get_follow_up_due_at (kase)), ==,
                   g_date_time_to_unix (expected));
}

static void
test_negative_or_wordy_cost_is_refused (Fixture       *f,
                                        gconstpointer  data)
{
  static const char *refused[] = { "-5", "-0.50", "twelve", "12.5.0", "€12" };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(AmendsCase) kase = NULL;
      gint64 cost = -1;

      type_field (f, "cost_row", refused[i]);
      amends_case_editor_flush (f->editor, NULL);
      g_assert_true (has_error (f, "cost_row"));
      g_assert_true (gtk_widget_get_visible (child (f, "cost_error_label", GTK_TYPE_LABEL)));

      kase = load_case (f, f->case_id);
      g_object_get (kase, "surprise-cost-cents", &cost, NULL);
      g_assert_cmpint (cost, ==, 0);
    }

  type_field (f, "cost_row", "12,5");
  amends_case_editor_flush (f->editor, NULL);
  g_assert_false (has_error (f, "cost_row"));

  {
    g_autoptr(AmendsCase) kase = load_case (f, f->case_id);
    gint64 cost = 0;

    g_object_get (kase, "surprise-cost-cents", &cost, NULL);
    g_assert_cmpint (cost, ==, 1250);
  }
}

static void
test_empty_summary_is_refused (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = NULL;
  g_autofree char *description = NULL;

  type_field (f, "summary_row", "   ");
  type_field (f, "description_view", "Cleaner was off sick");
  amends_case_editor_flush (f->editor, NULL);

  g_assert_true (has_error (f, "summary_row"));
  g_assert_true (gtk_widget_get_visible (child (f, "summary_error_label", GTK_TYPE_LABEL)));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (child (f, "summary_row", GTK_TYPE_WIDGET)),
                                    GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);

  kase = load_case (f, f->case_id);
  g_object_get (kase, "description", &description, NULL);
  g_assert_cmpstr (amends_case_get_summary (kase), ==, "Room not ready at check-in");
  g_assert_cmpstr (description, ==, "Cleaner was off sick");
  /* The typed text stays for the person to put right. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "summary_row", GTK_TYPE_WIDGET))), ==, "   ");
}

static void
test_take_ownership_needs_someone_at_the_desk (Fixture       *f,
                                               gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = NULL;
  g_autoptr(GListModel) actions = NULL;
  GtkWidget *button = child (f, "take_ownership_button", GTK_TYPE_BUTTON);
  GtkStringObject *owner;

  /* With nobody at the desk it asks who (below); with someone, it is
   * theirs to take. */
  amends_store_set_actor_id (f->db.store, f->ada_id);
  amends_ui_test_drain ();
  g_assert_true (step_offered (f, "take_ownership_button"));
  /* Nobody owns the case: taking it is the step that stands out, not
   * starting a recovery nobody answers for. */
  g_assert_true (gtk_widget_has_css_class (button, "suggested-action"));
  g_assert_false (gtk_widget_has_css_class (child (f, "start_recovery_button", GTK_TYPE_BUTTON),
                                            "suggested-action"));

  g_signal_emit_by_name (button, "clicked");
  amends_ui_test_drain ();

  kase = load_case (f, f->case_id);
  g_assert_cmpint (amends_case_get_owner_id (kase), ==, f->ada_id);
  g_assert_false (gtk_widget_is_visible (button));
  owner = adw_combo_row_get_selected_item (ADW_COMBO_ROW (child (f, "owner_row", ADW_TYPE_COMBO_ROW)));
  g_assert_cmpstr (gtk_string_object_get_string (owner), ==, "Ada Moreau");
  g_assert_true (gtk_widget_has_css_class (child (f, "start_recovery_button", GTK_TYPE_BUTTON),
                                           "suggested-action"));

  actions = amends_store_list_actions (f->db.store, f->case_id, NULL);
  /* Its own kind, not a status report (issue 13). */
  g_assert_true (timeline_has (actions, AMENDS_ACTION_KIND_OWNERSHIP, NULL));
  g_assert_false (timeline_has (actions, AMENDS_ACTION_KIND_STATUS_REPORT, NULL));
}

static void press_step (Fixture *f, const char *button_id);
static void assert_focus_on (Fixture *f, const char *expected);
static GtkWidget *find_actionable (GtkWidget *widget, const char *action_name);

static GtkWidget *
find_label_with_text (GtkWidget  *widget,
                      const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label_with_text (c, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkPopover *
who_popover (Fixture *f)
{
  GtkWidget *button = child (f, "take_ownership_button", GTK_TYPE_BUTTON);

  for (GtkWidget *c = gtk_widget_get_first_child (button); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_POPOVER (c))
      return GTK_POPOVER (c);

  return NULL;
}

/* Issue 13: with nobody at the desk, Take Ownership asks who is taking
 * the case, and the person chosen is at the desk and owns it. */
static void
test_take_ownership_asks_who (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(AmendsCase) kase = NULL;
  GtkWidget *button = child (f, "take_ownership_button", GTK_TYPE_BUTTON);
  GtkPopover *popover;
  GtkWidget *focus, *row;

  g_settings_set_int64 (settings, "current-staff", 0);
  g_assert_cmpint (amends_store_get_actor_id (f->db.store), ==, 0);
  g_assert_true (step_offered (f, "take_ownership_button"));

  press_step (f, "take_ownership_button");
  popover = who_popover (f);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (popover), "Who Are You?"));
  if (g_getenv ("AMENDS_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("AMENDS_SCREENSHOT_DIR"), "editor-who-are-you.png", NULL);
      amends_ui_test_save_png (GTK_WIDGET (popover), path);
    }

  /* The focus is on the first person offered; Bilal is the next. */
  focus = gtk_window_get_focus (f->window);
  g_assert_nonnull (focus);
  row = GTK_IS_LIST_BOX_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (row);
  g_assert_nonnull (find_label_with_text (row, "Ada Moreau"));
  row = gtk_widget_get_next_sibling (row);
  g_assert_nonnull (find_label_with_text (row, "Bilal Okafor"));
  g_assert_true (gtk_widget_grab_focus (row));
  g_signal_emit_by_name (row, "activate");
  amends_ui_test_drain ();

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpint (g_settings_get_int64 (settings, "current-staff"), ==, f->bilal_id);
  g_assert_cmpint (amends_store_get_actor_id (f->db.store), ==, f->bilal_id);
  kase = load_case (f, f->case_id);
  g_assert_cmpint (amends_case_get_owner_id (kase), ==, f->bilal_id);
  g_assert_false (gtk_widget_is_visible (button));
  /* And the keyboard carries on from the next step. */
  assert_focus_on (f, "start_recovery_button");
}

static void
on_preferences_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  (*(guint *) user_data)++;
}

/* With nobody on the staff list, it offers to add people. */
static void
test_take_ownership_with_no_staff_offers_to_add (Fixture       *f,
                                                 gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) app = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) preferences = g_simple_action_new ("preferences", NULL);
  GtkWidget *add, *focus;
  guint opened = 0;
  const gint64 ids[] = { f->ada_id, f->bilal_id };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(AmendsStaff) member = amends_store_load (f->db.store, AMENDS_TYPE_STAFF, ids[i], NULL);
      g_autoptr(GError) error = NULL;

      g_object_set (member, "active", FALSE, NULL);
      g_assert_true (amends_store_update (f->db.store, AMENDS_RECORD (member), &error));
      g_assert_no_error (error);
    }
  g_signal_connect (preferences, "activate", G_CALLBACK (on_preferences_cb), &opened);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (preferences));
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "app", G_ACTION_GROUP (app));
  amends_ui_test_drain ();

  press_step (f, "take_ownership_button");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (who_popover (f))));
  add = find_actionable (GTK_WIDGET (who_popover (f)), "app.preferences");
  g_assert_nonnull (add);
  g_assert_true (gtk_widget_is_visible (add));
  focus = gtk_window_get_focus (f->window);
  g_assert_true (focus == add || (focus != NULL && gtk_widget_is_ancestor (focus, add)));

  g_signal_emit_by_name (add, "clicked");
  amends_ui_test_drain ();
  g_assert_cmpuint (opened, ==, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (who_popover (f))));
}

static void
test_owner_picked_from_the_list (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = NULL;
  AdwComboRow *owner = ADW_COMBO_ROW (child (f, "owner_row", ADW_TYPE_COMBO_ROW));
  GListModel *names = adw_combo_row_get_model (owner);

  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "Unowned");
  g_assert_cmpuint (adw_combo_row_get_selected (owner), ==, 0);

  adw_combo_row_set_selected (owner, 2);
  amends_case_editor_flush (f->editor, NULL);

  kase = load_case (f, f->case_id);
  g_assert_cmpint (amends_case_get_owner_id (kase), ==, f->bilal_id);
}

static void
test_recovery_from_start_to_close (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GDateTime) later = g_date_time_add_hours (f->db.now, 2);
  g_autoptr(AmendsCase) kase = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *fix = NULL;
  AmendsReaction reaction;

  amends_store_set_actor_id (f->db.store, f->ada_id);
  amends_ui_test_drain ();

  g_assert_nonnull (strstr (label_text (f, "clock_label"), "left of 24 h"));
  g_assert_true (step_offered (f, "start_recovery_button"));
  g_assert_false (step_offered (f, "close_button"));
  g_assert_false (step_offered (f, "reopen_button"));
  g_assert_false (step_offered (f, "resume_button"));

  g_assert_true (activate (f, "case.start-recovery"));
  kase = load_case (f, f->case_id);
  g_assert_cmpint (amends_case_get_status (kase), ==, AMENDS_CASE_STATUS_IN_RECOVERY);
  g_assert_cmpstr (label_text (f, "status_label"), ==, "In recovery");
  g_assert_false (step_offered (f, "start_recovery_button"));
  g_clear_object (&kase);

  /* Pausing asks why. */
  g_assert_true (activate (f, "case.pause-clock"));
  answer_dialog ("pause", "Out until tonight");
  kase = load_case (f, f->case_id);
  g_object_get (kase, "pause-reason", &reason, NULL);
  g_assert_nonnull (amends_case_get_paused_at (kase));
  g_assert_cmpint (g_date_time_to_unix (amends_case_get_paused_at (kase)), ==, g_date_time_to_unix (f->db.now));
  g_assert_cmpstr (reason, ==, "Out until tonight");
  g_assert_nonnull (strstr (label_text (f, "clock_label"), "Out until tonight"));
  g_assert_true (step_offered (f, "resume_button"));
  g_assert_false (step_offered (f, "pause_button"));
  actions = amends_store_list_actions (f->db.store, f->case_id, NULL);
  g_assert_true (timeline_has (actions, AMENDS_ACTION_KIND_PAUSE, "Out until tonight"));
  g_clear_object (&actions);
  g_clear_object (&kase);

  /* Two hours later the customer is back: the pause does not count. */
  amends_store_set_fixed_now (f->db.store, later);
  g_assert_true (activate (f, "case.resume-clock"));
  kase = load_case (f, f->case_id);
  g_assert_null (amends_case_get_paused_at (kase));
  g_assert_cmpint (amends_case_get_paused_seconds (kase), ==, 2 * 60 * 60);
  actions = amends_store_list_actions (f->db.store, f->case_id, NULL);
  g_assert_true (timeline_has (actions, AMENDS_ACTION_KIND_RESUME, NULL));
  g_clear_object (&actions);
  g_clear_object (&kase);

  /* No fix written yet: marking it recovered asks for it. */
  g_assert_true (activate (f, "case.mark-recovered"));
  g_assert_false (adw_message_dialog_get_response_enabled (find_dialog (), "recover"));
  answer_dialog ("recover", "Moved her to a finished room on the fourth floor");
  kase = load_case (f, f->case_id);
  g_object_get (kase, "fix", &fix, NULL);
  g_assert_cmpint (amends_case_get_status (kase), ==, AMENDS_CASE_STATUS_RECOVERED);
  g_assert_cmpstr (fix, ==, "Moved her to a finished room on the fourth floor");
  g_assert_cmpint (g_date_time_to_unix (amends_case_get_recovered_at (kase)), ==, g_date_time_to_unix (later));
  g_assert_nonnull (strstr (label_text (f, "clock_label"), "Recovered in"));
  g_clear_object (&kase);

  /* Closing asks how the customer took it. */
  g_assert_true (step_offered (f, "close_button"));
  g_assert_true (activate (f, "case.close"));
  answer_dialog ("blown-away", NULL);
  kase = load_case (f, f->case_id);
  g_object_get (kase, "reaction", &reaction, NULL);
  g_assert_cmpint (amends_case_get_status (kase), ==, AMENDS_CASE_STATUS_CLOSED);
  g_assert_cmpint (reaction, ==, AMENDS_REACTION_BLOWN_AWAY);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (f, "reaction_row", ADW_TYPE_COMBO_ROW))), ==,
                    AMENDS_REACTION_BLOWN_AWAY);
  g_assert_true (step_offered (f, "reopen_button"));
  g_assert_false (step_offered (f, "mark_recovered_button"));
  g_clear_object (&kase);

  g_assert_true (activate (f, "case.reopen"));
  kase = load_case (f, f->case_id);
  g_assert_cmpint (amends_case_get_status (kase), ==, AMENDS_CASE_STATUS_IN_RECOVERY);
  g_assert_null (amends_case_get_recovered_at (kase));
  g_assert_true (step_offered (f, "mark_recovered_button"));
}

/* Presses a step's button from the keyboard: focused, then clicked, as
 * Space or Enter does once its short press is shown. */
static void
press_step (Fixture    *f,
            const char *button_id)
{
  GtkWidget *button = child (f, button_id, GTK_TYPE_BUTTON);

  g_assert_true (step_offered (f, button_id));
  g_assert_true (gtk_widget_grab_focus (button));
  g_signal_emit_by_name (button, "clicked");
  amends_ui_test_drain ();
}

/* The focus is on @expected, a widget on screen. */
static void
assert_focus_on (Fixture    *f,
                 const char *expected)
{
  GtkWidget *widget = child (f, expected, GTK_TYPE_WIDGET);
  GtkWidget *focus = gtk_window_get_focus (f->window);

  g_assert_nonnull (focus);
  g_assert_true (focus == widget || gtk_widget_is_ancestor (focus, widget));
  g_assert_true (gtk_widget_get_mapped (focus));
  g_assert_true (gtk_widget_is_visible (focus));
}

/* Issue 13: a step's button hides once taken, and the focus was lost
 * with it.  It moves on to what comes next. */
static void
test_focus_moves_on_after_a_step (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = NULL;

  amends_store_set_actor_id (f->db.store, f->ada_id);
  amends_ui_test_drain ();

  press_step (f, "take_ownership_button");
  g_assert_false (gtk_widget_is_visible (child (f, "take_ownership_button", GTK_TYPE_BUTTON)));
  assert_focus_on (f, "start_recovery_button");

  /* In recovery with no fix written: writing it is next. */
  press_step (f, "start_recovery_button");
  assert_focus_on (f, "fix_view");

  /* Marked recovered through the dialog that asks for the fix: closing
   * is next. */
  press_step (f, "mark_recovered_button");
  answer_dialog ("recover", "Moved her to a finished room on the fourth floor");
  assert_focus_on (f, "close_button");

  kase = load_case (f, f->case_id);
  g_assert_cmpint (amends_case_get_owner_id (kase), ==, f->ada_id);
  g_assert_cmpint (amends_case_get_status (kase), ==, AMENDS_CASE_STATUS_RECOVERED);
}

/* With the fix written, starting a recovery leads to marking it recovered,
 * which asks nothing and leads to closing. */
static void
test_focus_moves_on_with_a_fix_written (Fixture       *f,
                                        gconstpointer  data)
{
  amends_store_set_actor_id (f->db.store, f->bilal_id);
  amends_ui_test_drain ();
  press_step (f, "take_ownership_button");
  type_field (f, "fix_view", "Gave her the keys to 412 at once");

  press_step (f, "start_recovery_button");
  assert_focus_on (f, "mark_recovered_button");

  press_step (f, "mark_recovered_button");
  g_assert_null (find_dialog ());
  assert_focus_on (f, "close_button");
}

static void
test_recovered_with_fix_asks_nothing (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = NULL;

  type_field (f, "fix_view", "Gave her the keys to 412 at once");
  g_assert_true (activate (f, "case.mark-recovered"));
  g_assert_null (find_dialog ());

  kase = load_case (f, f->case_id);
  g_assert_cmpint (amends_case_get_status (kase), ==, AMENDS_CASE_STATUS_RECOVERED);
}

static void
on_notice_cb (AmendsCaseEditor *editor,
              const char       *message,
              char            **noticed)
{
  g_free (*noticed);
  *noticed = g_strdup (message);
}

static void
test_recovered_case_proposed_as_story (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(AmendsStory) story = NULL;
  g_autofree char *noticed = NULL;

  g_signal_connect (f->editor, "notice", G_CALLBACK (on_notice_cb), &noticed);

  /* Not while the case is still being recovered. */
  g_assert_false (step_offered (f, "propose_button"));

  type_field (f, "fix_view", "Two more pins, handed over at his seat");
  g_assert_true (activate (f, "case.mark-recovered"));
  g_assert_true (step_offered (f, "propose_button"));

  g_assert_true (activate (f, "case.propose-story"));
  story = amends_store_find_story (f->db.store, f->case_id, NULL);
  g_assert_nonnull (story);
  g_assert_cmpint (amends_story_get_stage (story), ==, AMENDS_STORY_STAGE_CANDIDATE);
  /* Said, since the story goes where the person is not looking. */
  g_assert_nonnull (noticed);
  g_assert_nonnull (strstr (noticed, "board"));

  /* Once on the board, it is not offered again. */
  g_assert_false (step_offered (f, "propose_button"));
  g_signal_handlers_disconnect_by_func (f->editor, on_notice_cb, &noticed);
}

/* Pause Clock is offered while there is time left, and not once the case
 * is past due: a pause then would hide that the time was missed. */
static void
test_no_pause_once_past_due (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GDateTime) later = amends_test_time ("2026-11-19T08:00:00Z");
  g_autoptr(AmendsCase) kase = NULL;

  /* Happened at 07:00, now 10:00: 21 h left. */
  g_assert_true (step_offered (f, "pause_button"));

  /* The next day at 08:00, an hour past due. */
  amends_store_set_fixed_now (f->db.store, later);
  amends_case_editor_set_case_id (f->editor, 0);
  amends_case_editor_set_case_id (f->editor, f->case_id);
  amends_ui_test_drain ();
  g_assert_false (gtk_widget_is_visible (child (f, "pause_button", GTK_TYPE_BUTTON)));
  g_assert_false (gtk_widget_is_sensitive (child (f, "pause_button", GTK_TYPE_BUTTON)));
  activate (f, "case.pause-clock");
  g_assert_null (find_dialog ());

  kase = load_case (f, f->case_id);
  g_assert_null (amends_case_get_paused_at (kase));
}

/* A case that was no breakdown is closed as such, from the menu, and says
 * so in its header and clock. */
static void
test_close_without_recovery (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = NULL;

  g_assert_true (activate (f, "case.close-unrecovered"));
  answer_dialog ("not-a-breakdown", NULL);

  kase = load_case (f, f->case_id);
  g_assert_cmpint (amends_case_get_status (kase), ==, AMENDS_CASE_STATUS_CLOSED);
  g_assert_cmpint (amends_case_get_close_reason (kase), ==, AMENDS_CLOSE_REASON_NOT_A_BREAKDOWN);
  g_assert_null (amends_case_get_recovered_at (kase));
  g_assert_cmpstr (label_text (f, "status_label"), ==, "Not a service breakdown");
  g_assert_cmpstr (label_text (f, "clock_label"), ==, "Closed: not a breakdown");
  if (g_getenv ("AMENDS_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("AMENDS_SCREENSHOT_DIR"), "editor-not-a-breakdown.png", NULL);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
      amends_ui_test_save_png (GTK_WIDGET (f->window), path);
    }

  /* Closed, it cannot be closed again; reopening is the way back. */
  activate (f, "case.close-unrecovered");
  g_assert_null (find_dialog ());
  g_assert_true (step_offered (f, "reopen_button"));
  /* And it is no story. */
  g_assert_false (step_offered (f, "propose_button"));
}

static void
test_cancelled_dialog_changes_nothing (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = NULL;

  g_assert_true (activate (f, "case.pause-clock"));
  answer_dialog ("cancel", "Never mind");

  kase = load_case (f, f->case_id);
  g_assert_null (amends_case_get_paused_at (kase));
}

static void
test_timeline_entry_added_with_enter (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(AmendsAction) last = NULL;
  GtkWidget *timeline = child (f, NULL, AMENDS_TYPE_TIMELINE);
  GtkWidget *entry = find_in (timeline, "text_entry", GTK_TYPE_ENTRY);
  GtkWidget *kinds = find_in (timeline, "kind_dropdown", GTK_TYPE_DROP_DOWN);
  GtkWidget *list = find_in (timeline, "list", GTK_TYPE_LIST_BOX);
  guint before;

  amends_store_set_actor_id (f->db.store, f->bilal_id);
  actions = amends_store_list_actions (f->db.store, f->case_id, NULL);
  before = g_list_model_get_n_items (actions);
  g_clear_object (&actions);

  /* "Add to timeline" puts the cursor in the entry. */
  g_assert_true (activate (f, "case.add-action"));
  g_assert_true (gtk_widget_is_focus (find_in (entry, NULL, GTK_TYPE_TEXT)));

  /* An empty entry adds nothing. */
  g_signal_emit_by_name (entry, "activate");
  amends_ui_test_drain ();
  actions = amends_store_list_actions (f->db.store, f->case_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, before);
  g_clear_object (&actions);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (kinds), 1);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Apologised in person at the desk");
  g_signal_emit_by_name (entry, "activate");
  amends_ui_test_drain ();

  actions = amends_store_list_actions (f->db.store, f->case_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, before + 1);
  last = g_list_model_get_item (actions, before);
  g_assert_cmpint (amends_action_get_kind (last), ==, AMENDS_ACTION_KIND_APOLOGY);
  g_assert_cmpstr (amends_action_get_text (last), ==, "Apologised in person at the desk");
  g_assert_cmpint (amends_action_get_staff_id (last), ==, f->bilal_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  /* The next entry starts as a contact again: the kind does not stick. */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (kinds)), ==, 0);

  /* The row shows what, who and when. */
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), before);

    g_assert_nonnull (row);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                     "Apologised in person at the desk");
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Bilal Okafor"));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Today"));
  }
}

/* Presses Tab, as a person would, until the focus is inside @target or
 * @max_presses went by; returns whether it got there. */
static gboolean
tab_until_inside (Fixture   *f,
                  GtkWidget *target,
                  guint      max_presses)
{
  for (guint i = 0; i < max_presses; i++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD);
      focus = gtk_window_get_focus (f->window);
      if (focus != NULL && (focus == target || gtk_widget_is_ancestor (focus, target)))
        return TRUE;
    }

  return FALSE;
}

static gboolean
activate_in_timeline (Fixture    *f,
                      const char *action)
{
  gboolean found = gtk_widget_activate_action (child (f, NULL, AMENDS_TYPE_TIMELINE), action, NULL);

  amends_ui_test_drain ();
  return found;
}

/* The timeline's row that says @text, shown (not being corrected). */
static GtkWidget *
timeline_row (Fixture    *f,
              const char *text)
{
  GtkWidget *list = find_in (child (f, NULL, AMENDS_TYPE_TIMELINE), "list", GTK_TYPE_LIST_BOX);

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), text) == 0)
      return row;

  return NULL;
}

static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action_name)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_actionable (c, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Reaches the Edit button of the entry that says @text with Tab from its
 * row, as a person would, and presses it; returns the entry the
 * correction is typed in, which has the focus. */
static GtkWidget *
start_correcting (Fixture    *f,
                  const char *text)
{
  GtkWidget *row = timeline_row (f, text);
  GtkWidget *edit;
  g_autofree char *label = g_strdup_printf ("Correct the entry “%s”", text);
  GtkWidget *entry;

  g_assert_nonnull (row);
  edit = find_actionable (row, "timeline.edit");
  g_assert_nonnull (edit);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, label);

  g_assert_true (gtk_widget_grab_focus (row));
  g_assert_true (tab_until_inside (f, edit, 3));
  g_signal_emit_by_name (edit, "clicked");
  amends_ui_test_drain ();

  entry = gtk_widget_get_ancestor (gtk_window_get_focus (f->window), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, text);
  g_assert_null (timeline_row (f, text));

  return entry;
}

static AmendsAction *
stored_entry (Fixture *f,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  AmendsAction *action = amends_store_load (f->db.store, AMENDS_TYPE_ACTION, id, &error);

  g_assert_no_error (error);
  return action;
}

static void
screenshot_timeline (Fixture    *f,
                     const char *name)
{
  g_autofree char *path = NULL;

  if (g_getenv ("AMENDS_SCREENSHOT_DIR") == NULL)
    return;

  path = g_build_filename (g_getenv ("AMENDS_SCREENSHOT_DIR"), name, NULL);
  amends_ui_test_save_png (child (f, NULL, AMENDS_TYPE_TIMELINE), path);
}

/* Issue 13: an entry is corrected in place, by keyboard; it keeps its
 * time and author, and says who corrected it. */
static void
test_timeline_entry_corrected (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(AmendsAction) added = NULL;
  g_autoptr(AmendsAction) stored = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *entry, *row, *kinds, *focus;
  gint64 written_at = g_date_time_to_unix (f->db.now);

  amends_store_set_actor_id (f->db.store, f->ada_id);
  added = amends_store_add_action (f->db.store, f->case_id, AMENDS_ACTION_KIND_NOTE, "Said sory", &error);
  g_assert_no_error (error);
  amends_ui_test_drain ();

  /* Bilal corrects it, twenty minutes on. */
  {
    g_autoptr(GDateTime) later = g_date_time_add_minutes (f->db.now, 20);
    amends_store_set_fixed_now (f->db.store, later);
  }
  amends_store_set_actor_id (f->db.store, f->bilal_id);
  entry = start_correcting (f, "Said sory");
  kinds = find_in (gtk_widget_get_ancestor (entry, GTK_TYPE_LIST_BOX_ROW), NULL, GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (kinds);
  /* A note, among the kinds offered: contact, apology, fix, surprise,
   * follow-up, status report, resolution, note. */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (kinds)), ==, 7);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kinds), 1);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Said sorry at the desk");
  screenshot_timeline (f, "timeline-correcting.png");
  g_signal_emit_by_name (entry, "activate");
  amends_ui_test_drain ();

  stored = stored_entry (f, amends_record_get_id (AMENDS_RECORD (added)));
  g_assert_cmpstr (amends_action_get_text (stored), ==, "Said sorry at the desk");
  g_assert_cmpint (amends_action_get_kind (stored), ==, AMENDS_ACTION_KIND_APOLOGY);
  g_assert_cmpint (amends_action_get_staff_id (stored), ==, f->ada_id);
  g_assert_cmpint (g_date_time_to_unix (amends_action_get_done_at (stored)), ==, written_at);
  audit = amends_store_list_audit (f->db.store, "actions", amends_record_get_id (AMENDS_RECORD (added)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((AmendsAuditEntry *) audit->pdata[audit->len - 1])->before, ==, "Said sory");
  g_assert_cmpint (((AmendsAuditEntry *) audit->pdata[audit->len - 1])->staff_id, ==, f->bilal_id);

  /* The row says who wrote it and who corrected it; the focus is back on
   * its Edit button. */
  row = timeline_row (f, "Said sorry at the desk");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Ada Moreau"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "corrected by Bilal Okafor"));
  screenshot_timeline (f, "timeline-corrected.png");
  focus = gtk_window_get_focus (f->window);
  g_assert_true (focus == find_actionable (row, "timeline.edit"));
  g_assert_true (gtk_widget_get_mapped (focus));
}

static GtkWidget *
find_error_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error"))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_error_label (c);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Cancelled, a correction changes nothing; one that meets someone else's
 * correction of the same entry says so, and is saved only when asked
 * again. */
static void
test_timeline_correction_cancel_and_conflict (Fixture       *f,
                                              gconstpointer  data)
{
  g_autoptr(AmendsAction) added = NULL;
  g_autoptr(AmendsAction) theirs = NULL;
  g_autoptr(AmendsAction) stored = NULL;
  g_autoptr(AmendsStore) other = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *entry, *message;
  gint64 id;

  added = amends_store_add_action (f->db.store, f->case_id, AMENDS_ACTION_KIND_CONTACT, "Called her room", &error);
  g_assert_no_error (error);
  id = amends_record_get_id (AMENDS_RECORD (added));
  amends_ui_test_drain ();

  entry = start_correcting (f, "Called her room");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Called the wrong room");
  g_assert_true (activate_in_timeline (f, "timeline.cancel-edit"));
  g_assert_nonnull (timeline_row (f, "Called her room"));
  g_assert_true (gtk_window_get_focus (f->window) ==
                 find_actionable (timeline_row (f, "Called her room"), "timeline.edit"));
  stored = stored_entry (f, id);
  g_assert_cmpstr (amends_action_get_text (stored), ==, "Called her room");
  g_clear_object (&stored);

  /* Another program corrects it while it is being corrected here. */
  entry = start_correcting (f, "Called her room");
  other = amends_store_open (f->db.path, &error);
  g_assert_no_error (error);
  theirs = amends_store_load (other, AMENDS_TYPE_ACTION, id, &error);
  g_assert_true (amends_store_correct_action (other, theirs, AMENDS_ACTION_KIND_CONTACT,
                                              "Called her room twice", &error));
  g_assert_no_error (error);
  amends_store_check_for_changes (f->db.store);
  amends_ui_test_drain ();

  /* What is typed here stays in place. */
  g_assert_true (gtk_widget_get_mapped (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Called her room at noon");
  g_signal_emit_by_name (entry, "activate");
  amends_ui_test_drain ();

  stored = stored_entry (f, id);
  g_assert_cmpstr (amends_action_get_text (stored), ==, "Called her room twice");
  g_clear_object (&stored);
  g_assert_true (gtk_widget_get_mapped (entry));
  message = find_error_label (gtk_widget_get_ancestor (entry, GTK_TYPE_LIST_BOX_ROW));
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "Called her room twice"));
  screenshot_timeline (f, "timeline-correction-conflict.png");

  /* Saved again: theirs was seen, this one is kept. */
  g_assert_true (activate_in_timeline (f, "timeline.save-edit"));
  stored = stored_entry (f, id);
  g_assert_cmpstr (amends_action_get_text (stored), ==, "Called her room at noon");
  g_assert_nonnull (timeline_row (f, "Called her room at noon"));
}

static void
test_timeline_time_format (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 18, 16, 0, 0);
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 11, 18, 14, 30, 0);
  g_autoptr(GDateTime) yesterday = g_date_time_new_local (2026, 11, 17, 9, 15, 0);
  g_autoptr(GDateTime) monday = g_date_time_new_local (2026, 11, 16, 9, 15, 0);
  g_autoptr(GDateTime) last_year = g_date_time_new_local (2025, 11, 17, 9, 15, 0);
  g_autofree char *a = amends_timeline_format_time (today, now);
  g_autofree char *b = amends_timeline_format_time (yesterday, now);
  g_autofree char *c = amends_timeline_format_time (monday, now);
  g_autofree char *d = amends_timeline_format_time (last_year, now);

  g_assert_cmpstr (a, ==, "Today 14:30");
  g_assert_cmpstr (b, ==, "Yesterday 09:15");
  g_assert_cmpstr (c, ==, "Mon 16 Nov 09:15");
  g_assert_cmpstr (d, ==, "Mon 17 Nov 2025 09:15");
}

static void
on_open_case_cb (AmendsCaseEditor *editor,
                 gint64            case_id,
                 gint64           *opened)
{
  *opened = case_id;
}

static void
test_customer_card_opens_earlier_case (Fixture       *f,
                                       gconstpointer  data)
{
  GtkWidget *card = child (f, NULL, AMENDS_TYPE_CUSTOMER_CARD);
  GtkWidget *list = find_in (card, "cases_list", GTK_TYPE_LIST_BOX);
  GtkListBoxRow *row;
  gint64 opened = 0;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_in (card, "name_row", ADW_TYPE_ENTRY_ROW))), ==,
                   "Edward Kaufmann");

  /* The earlier case, and not the one on screen. */
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Only one lapel pin for two children");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "2 Oct 2026"));

  g_signal_connect (f->editor, "open-case", G_CALLBACK (on_open_case_cb), &opened);
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_cmpint (opened, ==, f->earlier_id);
}

/* Saving the case on screen, which happens as the person types, leaves
 * the card's list of earlier cases as it is (it was rebuilt, shaping every
 * row's text again, 100 ms and more for a regular); a change to an earlier
 * case still shows. */
static void
test_customer_card_keeps_rows_while_typing (Fixture       *f,
                                            gconstpointer  data)
{
  GtkWidget *card = child (f, NULL, AMENDS_TYPE_CUSTOMER_CARD);
  GtkWidget *list = find_in (card, "cases_list", GTK_TYPE_LIST_BOX);
  GtkWidget *timeline = child (f, NULL, AMENDS_TYPE_TIMELINE);
  GtkWidget *entries = find_in (timeline, "list", GTK_TYPE_LIST_BOX);
  g_autoptr(AmendsAction) action = amends_action_new ();
  g_autoptr(AmendsCase) earlier = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;
  GtkListBoxRow *entry;

  g_object_set (action, "case-id", f->case_id, "kind", AMENDS_ACTION_KIND_CONTACT,
                "text", "Called the guest back", NULL);
  g_assert_true (amends_store_insert (f->db.store, AMENDS_RECORD (action), &error));
  g_assert_no_error (error);
  amends_ui_test_drain ();
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  entry = gtk_list_box_get_row_at_index (GTK_LIST_BOX (entries), 0);
  g_assert_nonnull (row);
  g_assert_nonnull (entry);

  type_into (child (f, "summary_row", ADW_TYPE_ENTRY_ROW), "Room not ready at check-in, twice");
  g_assert_true (amends_case_editor_flush (f->editor, NULL));
  amends_ui_test_drain ();
  g_assert_true (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0) == row);
  g_assert_true (gtk_list_box_get_row_at_index (GTK_LIST_BOX (entries), 0) == entry);

  earlier = amends_store_load (f->db.store, AMENDS_TYPE_CASE, f->earlier_id, &error);
  g_assert_no_error (error);
  amends_case_set_summary (earlier, "Only one lapel pin, and then two");
  g_assert_true (amends_store_update (f->db.store, AMENDS_RECORD (earlier), &error));
  amends_ui_test_drain ();
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Only one lapel pin, and then two");
}

/* A summary is a few words: 200 characters at most, however it is typed or
 * pasted (issue 13: 2,000 made the editor's title two screens tall). */
static void
test_summary_is_capped (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *summary = child (f, "summary_row", ADW_TYPE_ENTRY_ROW);
  g_autofree char *pasted = g_strnfill (250, 'x');
  g_autofree char *stored = NULL;

  type_into (summary, pasted);
  g_assert_cmpint (g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (summary)), -1), ==, 200);
  g_assert_true (amends_case_editor_flush (f->editor, NULL));
  {
    g_autoptr(AmendsCase) kase = amends_store_load (f->db.store, AMENDS_TYPE_CASE, f->case_id, NULL);

    g_assert_nonnull (kase);
    stored = g_strdup (amends_case_get_summary (kase));
  }
  g_assert_cmpint (g_utf8_strlen (stored, -1), ==, 200);
}

static void
test_customer_card_saves_notes (Fixture       *f,
                                gconstpointer  data)
{
  GtkWidget *card = child (f, NULL, AMENDS_TYPE_CUSTOMER_CARD);
  g_autoptr(AmendsCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  type_into (find_in (card, "name_row", ADW_TYPE_ENTRY_ROW), "");
  type_into (find_in (card, "phone_row", ADW_TYPE_ENTRY_ROW), "+49 89 555 0199");
  type_into (find_in (card, "notes_view", GTK_TYPE_TEXT_VIEW), "Two boys, 8 and 6; EU shoe sizes 33 and 30");
  amends_case_editor_flush (f->editor, NULL);

  g_assert_true (gtk_widget_has_css_class (find_in (card, "name_row", ADW_TYPE_ENTRY_ROW), "error"));

  customer = amends_store_load (f->db.store, AMENDS_TYPE_CUSTOMER, f->customer_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amends_customer_get_name (customer), ==, "Edward Kaufmann");
  g_assert_cmpstr (amends_customer_get_phone (customer), ==, "+49 89 555 0199");
  g_assert_cmpstr (amends_customer_get_notes (customer), ==, "Two boys, 8 and 6; EU shoe sizes 33 and 30");
}

static void
test_case_without_customer_says_so (Fixture       *f,
                                    gconstpointer  data)
{
  gint64 lone = insert_case (f->db.store, "Lift out of order", "2026-11-18T08:00:00Z", 0);
  GtkWidget *card = child (f, NULL, AMENDS_TYPE_CUSTOMER_CARD);

  amends_case_editor_set_case_id (f->editor, lone);
  amends_ui_test_drain ();

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_in (card, "stack", GTK_TYPE_STACK))), ==, "none");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (find_in (card, "no_customer_row", ADW_TYPE_ACTION_ROW))),
                   ==, "No customer recorded");
}

/* Another program on the same file (or another desk): a store of its own. */
static AmendsStore *
open_other_program (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  AmendsStore *other = amends_store_open (f->db.path, &error);

  g_assert_no_error (error);
  amends_store_set_fixed_now (other, f->db.now);
  return other;
}

static char *
shown_text (GtkWidget *widget)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
shows (Fixture    *f,
       const char *id,
       const char *text)
{
  g_autofree char *shown = shown_text (child (f, id, GTK_TYPE_WIDGET));

  return g_strcmp0 (shown, text) == 0;
}

static gboolean
give_up_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

typedef gboolean (*Condition) (Fixture *f, gconstpointer data);

/* Runs the main loop until @done, giving up after a long time: the limit
 * only keeps a broken build from hanging, it measures nothing. */
static gboolean
wait_until (Fixture       *f,
            Condition      done,
            gconstpointer  data)
{
  gboolean given_up = FALSE;
  guint source = g_timeout_add_seconds (20, give_up_cb, &given_up);

  while (!done (f, data) && !given_up)
    g_main_context_iteration (NULL, TRUE);

  if (!given_up)
    g_source_remove (source);

  return done (f, data);
}

static gboolean
fix_and_lesson_shown (Fixture       *f,
                      gconstpointer  data)
{
  return shows (f, "fix_view", "Moved them to room 412") &&
         shows (f, "lesson_view", "Check the rooms at noon");
}

static gboolean
dialog_shown (Fixture       *f,
              gconstpointer  data)
{
  return find_dialog () != NULL;
}

static void
write_elsewhere (AmendsStore *other,
                 gint64       case_id,
                 const char  *first_property,
                 ...)
{
  g_autoptr(AmendsCase) kase = amends_store_load (other, AMENDS_TYPE_CASE, case_id, NULL);
  g_autoptr(GError) error = NULL;
  va_list args;

  g_assert_nonnull (kase);
  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (kase), first_property, args);
  va_end (args);
  g_assert_true (amends_store_update (other, AMENDS_RECORD (kase), &error));
  g_assert_no_error (error);
}

static char *
stored_string (AmendsStore *store,
               gint64       case_id,
               const char  *property)
{
  g_autoptr(AmendsCase) kase = amends_store_load (store, AMENDS_TYPE_CASE, case_id, NULL);
  char *value = NULL;

  g_assert_nonnull (kase);
  g_object_get (kase, property, &value, NULL);
  return value;
}

static void
test_stale_editor_keeps_others_fields (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(AmendsStore) other = open_other_program (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *fix = NULL;
  g_autofree char *lesson = NULL;

  /* Another program writes the fix and the lesson of the case on screen... */
  write_elsewhere (other, f->case_id,
                   "fix", "Moved them to room 412",
                   "lesson", "Check the rooms at noon",
                   NULL);

  /* ...and, before this one has noticed, someone types a description. */
  type_field (f, "description_view", "Waited an hour in the lobby");
  g_assert_true (amends_case_editor_flush (f->editor, &error));
  g_assert_no_error (error);

  description = stored_string (other, f->case_id, "description");
  fix = stored_string (other, f->case_id, "fix");
  lesson = stored_string (other, f->case_id, "lesson");
  g_assert_cmpstr (description, ==, "Waited an hour in the lobby");
  g_assert_cmpstr (fix, ==, "Moved them to room 412");
  g_assert_cmpstr (lesson, ==, "Check the rooms at noon");

  /* The editor shows the other program's fields as soon as it notices. */
  g_assert_true (wait_until (f, fix_and_lesson_shown, NULL));
  g_assert_true (shows (f, "description_view", "Waited an hour in the lobby"));
}

static gboolean
summary_shown (Fixture       *f,
               gconstpointer  data)
{
  return shows (f, "summary_row", data) && g_strcmp0 (label_text (f, "summary_label"), data) == 0;
}

static void
test_shows_other_programs_change (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(AmendsStore) other = open_other_program (f);

  write_elsewhere (other, f->case_id,
                   "summary", "Room not ready, and no towels",
                   "fix", "Moved them to room 412",
                   "lesson", "Check the rooms at noon",
                   NULL);

  /* With nothing done here (no save that would read the row again): the
   * store notices by itself, within a second or so. */
  g_assert_true (wait_until (f, summary_shown, "Room not ready, and no towels"));
  g_assert_true (fix_and_lesson_shown (f, NULL));
}

/* Someone else saves a description while one is typed here: the editor
 * asks, showing both, and does what the person picks. */
static AdwMessageDialog *
run_into_conflict (Fixture     *f,
                   AmendsStore *other)
{
  AdwMessageDialog *dialog;
  const char *body;

  write_elsewhere (other, f->case_id, "description", "Written at the other desk", NULL);
  type_field (f, "description_view", "Typed at this desk");

  /* The usual save after a pause in typing finds the conflict. */
  g_assert_true (wait_until (f, dialog_shown, NULL));
  dialog = find_dialog ();
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "Description"));
  g_assert_nonnull (strstr (body, "Written at the other desk"));
  g_assert_nonnull (strstr (body, "Typed at this desk"));
  g_assert_true (adw_message_dialog_has_response (dialog, "mine"));
  g_assert_true (adw_message_dialog_has_response (dialog, "theirs"));

  return dialog;
}

static void
test_conflict_keep_mine (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AmendsStore) other = open_other_program (f);
  g_autofree char *description = NULL;

  run_into_conflict (f, other);

  /* Not written over until the person says so. */
  description = stored_string (other, f->case_id, "description");
  g_assert_cmpstr (description, ==, "Written at the other desk");

  answer_dialog ("mine", NULL);
  g_clear_pointer (&description, g_free);
  description = stored_string (other, f->case_id, "description");
  g_assert_cmpstr (description, ==, "Typed at this desk");
  g_assert_true (shows (f, "description_view", "Typed at this desk"));
  g_assert_true (amends_case_editor_flush (f->editor, NULL));
}

static void
test_conflict_take_theirs (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(AmendsStore) other = open_other_program (f);
  g_autofree char *description = NULL;

  run_into_conflict (f, other);
  answer_dialog ("theirs", NULL);

  description = stored_string (other, f->case_id, "description");
  g_assert_cmpstr (description, ==, "Written at the other desk");
  g_assert_true (shows (f, "description_view", "Written at the other desk"));
  g_assert_true (amends_case_editor_flush (f->editor, NULL));
}

static void
test_conflict_closed_keeps_typed_text (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(AmendsStore) other = open_other_program (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  /* Closed with Escape or its close button: no choice made. */
  gtk_window_close (GTK_WINDOW (run_into_conflict (f, other)));
  amends_ui_test_drain ();

  /* Neither is lost: theirs stored, mine on screen, and a flush says so. */
  description = stored_string (other, f->case_id, "description");
  g_assert_cmpstr (description, ==, "Written at the other desk");
  g_assert_true (shows (f, "description_view", "Typed at this desk"));
  g_assert_false (amends_case_editor_flush (f->editor, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CONFLICT);
  g_assert_null (find_dialog ());
}

static void
test_customer_conflict_keep_mine (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(AmendsStore) other = open_other_program (f);
  g_autoptr(AmendsCustomer) theirs = amends_store_load (other, AMENDS_TYPE_CUSTOMER, f->customer_id, NULL);
  g_autoptr(AmendsCustomer) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *card = child (f, NULL, AMENDS_TYPE_CUSTOMER_CARD);
  AdwMessageDialog *dialog;

  g_object_set (theirs, "notes", "Allergic to feathers", "phone", "+49 89 555 0100", NULL);
  g_assert_true (amends_store_update (other, AMENDS_RECORD (theirs), &error));

  type_into (find_in (card, "notes_view", GTK_TYPE_TEXT_VIEW), "Two boys, 8 and 6");
  g_assert_true (wait_until (f, dialog_shown, NULL));
  dialog = find_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Allergic to feathers"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Two boys, 8 and 6"));
  answer_dialog ("mine", NULL);

  stored = amends_store_load (other, AMENDS_TYPE_CUSTOMER, f->customer_id, &error);
  g_assert_cmpstr (amends_customer_get_notes (stored), ==, "Two boys, 8 and 6");
  g_assert_cmpstr (amends_customer_get_phone (stored), ==, "+49 89 555 0100");
}

/* Flushing saves the entry being written on the timeline too, as the
 * case's draft (it is added to the timeline by Enter only); what cannot
 * be saved stays typed, and the caller is told. */
static void
test_flush_saves_everything_typed_or_says_so (Fixture       *f,
                                              gconstpointer  data)
{
  GtkWidget *timeline = child (f, NULL, AMENDS_TYPE_TIMELINE);
  GtkWidget *entry = find_in (timeline, "text_entry", GTK_TYPE_ENTRY);
  GtkWidget *card = child (f, NULL, AMENDS_TYPE_CUSTOMER_CARD);
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lesson = NULL;
  g_autofree char *draft = NULL;
  sqlite3 *other = NULL;
  guint before;

  actions = amends_store_list_actions (f->db.store, f->case_id, NULL);
  before = g_list_model_get_n_items (actions);
  g_clear_object (&actions);

  /* Another program holds the write lock. */
  g_assert_cmpint (sqlite3_open (f->db.path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  amends_store_set_busy_timeout (f->db.store, 20);

  type_field (f, "lesson_view", "Check the rooms at noon");
  type_into (find_in (card, "phone_row", ADW_TYPE_ENTRY_ROW), "+49 89 555 0199");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Called the guest back");

  g_assert_false (amends_case_editor_flush (f->editor, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_true (shows (f, "lesson_view", "Check the rooms at noon"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_in (card, "phone_row", ADW_TYPE_ENTRY_ROW))), ==,
                   "+49 89 555 0199");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Called the guest back");

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  g_assert_true (amends_case_editor_flush (f->editor, &error));
  g_assert_no_error (error);
  lesson = stored_string (f->db.store, f->case_id, "lesson");
  g_assert_cmpstr (lesson, ==, "Check the rooms at noon");
  draft = stored_string (f->db.store, f->case_id, "timeline-draft");
  g_assert_cmpstr (draft, ==, "Called the guest back");
  actions = amends_store_list_actions (f->db.store, f->case_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, before);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Called the guest back");
}

/* An entry typed on the timeline and not added is kept like any field:
 * shown again when the case is, and gone from the draft once added. */
static void
test_timeline_draft_kept (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *timeline = child (f, NULL, AMENDS_TYPE_TIMELINE);
  GtkWidget *entry = find_in (timeline, "text_entry", GTK_TYPE_ENTRY);
  g_autoptr(GListModel) actions = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *cleared = NULL;
  g_autoptr(GPtrArray) audit = NULL;

  gtk_editable_set_text (GTK_EDITABLE (entry), "Rang the guest, no answer");
  amends_case_editor_set_case_id (f->editor, f->earlier_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  draft = stored_string (f->db.store, f->case_id, "timeline-draft");
  g_assert_cmpstr (draft, ==, "Rang the guest, no answer");

  amends_case_editor_set_case_id (f->editor, f->case_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Rang the guest, no answer");

  g_signal_emit_by_name (entry, "activate");
  g_assert_true (amends_case_editor_flush (f->editor, NULL));
  actions = amends_store_list_actions (f->db.store, f->case_id, NULL);
  g_assert_true (timeline_has (actions, AMENDS_ACTION_KIND_CONTACT, "Rang the guest, no answer"));
  cleared = stored_string (f->db.store, f->case_id, "timeline-draft");
  g_assert_null (cleared);

  /* What someone is still writing is no change to log; the entry is. */
  audit = amends_store_list_audit (f->db.store, "cases", f->case_id, NULL);
  g_assert_nonnull (audit);
  for (guint i = 0; i < audit->len; i++)
    g_assert_cmpstr (((AmendsAuditEntry *) audit->pdata[i])->field, !=, "timeline_draft");
}

static void
test_switching_case_saves_what_was_typed (Fixture       *f,
                                          gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = NULL;

  type_field (f, "summary_row", "Room not ready, and nobody said sorry");
  amends_case_editor_set_case_id (f->editor, f->earlier_id);
  amends_ui_test_drain ();

  g_assert_cmpstr (label_text (f, "summary_label"), ==, "Only one lapel pin for two children");
  kase = load_case (f, f->case_id);
  g_assert_cmpstr (amends_case_get_summary (kase), ==, "Room not ready, and nobody said sorry");
}

static void
test_follows_changes_made_elsewhere (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(AmendsCase) other = load_case (f, f->case_id);
  g_autoptr(GError) error = NULL;

  /* Someone is typing a description, not saved yet. */
  type_field (f, "description_view", "Half written");

  g_object_set (other,
                "summary", "Room not ready (changed by a batch)",
                "severity", AMENDS_SEVERITY_COLOSSAL,
                "description", "Written elsewhere",
                NULL);
  amends_store_update (f->db.store, AMENDS_RECORD (other), &error);
  g_assert_no_error (error);
  amends_ui_test_drain ();

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "summary_row", GTK_TYPE_WIDGET))), ==,
                   "Room not ready (changed by a batch)");
  g_assert_cmpstr (label_text (f, "summary_label"), ==, "Room not ready (changed by a batch)");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (f, "severity_row", ADW_TYPE_COMBO_ROW))), ==,
                    AMENDS_SEVERITY_COLOSSAL);

  /* What was being typed stays; saving it over what was written
   * elsewhere in the same field is a conflict, for the person to settle
   * (see /ui/editor/conflict/...), not a silent overwrite. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (f, "description_view", GTK_TYPE_TEXT_VIEW)));
    GtkTextIter start, end;
    g_autofree char *text = NULL;
    g_autofree char *stored = NULL;
    g_autoptr(AmendsCase) kase = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "Half written");

    g_assert_false (amends_case_editor_flush (f->editor, &error));
    g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CONFLICT);
    g_assert_nonnull (strstr (error->message, "Written elsewhere"));
    g_assert_nonnull (strstr (error->message, "Half written"));

    kase = load_case (f, f->case_id);
    g_object_get (kase, "description", &stored, NULL);
    g_assert_cmpstr (stored, ==, "Written elsewhere");
    g_assert_cmpint (amends_case_get_severity (kase), ==, AMENDS_SEVERITY_COLOSSAL);

    g_clear_pointer (&text, g_free);
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "Half written");
  }
}

static void
on_error_cb (AmendsCaseEditor *editor,
             const char       *message,
             char            **out)
{
  g_free (*out);
  *out = g_strdup (message);
}

static void
test_busy_database_keeps_typed_text (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = NULL;
  g_autofree char *message = NULL;
  sqlite3 *other = NULL;

  g_signal_connect (f->editor, "error", G_CALLBACK (on_error_cb), &message);

  /* Another program holds the write lock. */
  g_assert_cmpint (sqlite3_open (f->db.path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  amends_store_set_busy_timeout (f->db.store, 20);

  type_field (f, "summary_row", "Room not ready, guest waited an hour");
  amends_case_editor_flush (f->editor, NULL);

  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_visible (child (f, "save_error_label", GTK_TYPE_LABEL)));
  g_assert_cmpstr (label_text (f, "save_error_label"), ==, message);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "summary_row", GTK_TYPE_WIDGET))), ==,
                   "Room not ready, guest waited an hour");

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  /* Once it lets go, the next save writes what was typed. */
  amends_case_editor_flush (f->editor, NULL);
  g_assert_false (gtk_widget_get_visible (child (f, "save_error_label", GTK_TYPE_LABEL)));
  kase = load_case (f, f->case_id);
  g_assert_cmpstr (amends_case_get_summary (kase), ==, "Room not ready, guest waited an hour");
}

static void
test_trashed_case_restored (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  GtkRevealer *banner = GTK_REVEALER (child (f, "trash_revealer", GTK_TYPE_REVEALER));

  g_assert_false (gtk_revealer_get_reveal_child (banner));

  /* Without a window around it, the editor trashes the case itself. */
  g_assert_true (activate (f, "case.trash"));
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_false (gtk_widget_is_sensitive (child (f, "summary_row", GTK_TYPE_WIDGET)));
  g_assert_false (step_offered (f, "start_recovery_button"));

  g_signal_emit_by_name (child (f, "restore_button", GTK_TYPE_BUTTON), "clicked");
  amends_ui_test_drain ();
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  g_assert_true (gtk_widget_is_sensitive (child (f, "summary_row", GTK_TYPE_WIDGET)));

  kase = load_case (f, f->case_id);
  g_assert_null (amends_case_get_deleted_at (kase));
  g_clear_object (&kase);

  /* Deleting for good asks first, then the editor has nothing to show. */
  amends_store_trash_case (f->db.store, f->case_id, &error);
  g_assert_no_error (error);
  amends_ui_test_drain ();
  g_assert_true (activate (f, "case.delete-for-good"));
  answer_dialog ("delete", NULL);

  g_assert_null (amends_store_load (f->db.store, AMENDS_TYPE_CASE, f->case_id, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (amends_case_editor_get_case_id (f->editor), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (f, "stack", GTK_TYPE_STACK))), ==, "empty");
}

static void
test_steps_reached_with_the_keyboard (Fixture       *f,
                                      gconstpointer  data)
{
  static const char *steps[] = { "start_recovery_button", "mark_recovered_button", "pause_button" };

  amends_store_set_actor_id (f->db.store, f->ada_id);
  amends_ui_test_drain ();

  gtk_widget_grab_focus (child (f, "take_ownership_button", GTK_TYPE_BUTTON));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD);
      g_assert_true (gtk_widget_is_focus (child (f, steps[i], GTK_TYPE_BUTTON)));
    }
}

/* Issue 13: with nobody at the desk, Tab from the header stopped at the
 * steps, and nothing below them could be reached by keyboard. */
static void
test_tab_passes_the_steps_with_nobody_at_the_desk (Fixture       *f,
                                                    gconstpointer  data)
{
  GtkWidget *more;

  g_assert_cmpint (amends_store_get_actor_id (f->db.store), ==, 0);

  more = child (f, "more_button", GTK_TYPE_MENU_BUTTON);
  g_assert_true (gtk_widget_grab_focus (more));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (f->window), more));

  /* The steps of an open case (at most four), then the summary. */
  g_assert_true (tab_until_inside (f, child (f, "summary_row", GTK_TYPE_WIDGET), 6));
  g_assert_true (tab_until_inside (f, child (f, "description_view", GTK_TYPE_WIDGET), 12));
}

static void
test_controls_have_accessible_names (Fixture       *f,
                                     gconstpointer  data)
{
  GtkWidget *check = find_in (child (f, "rater_group", ADW_TYPE_PREFERENCES_GROUP), NULL, GTK_TYPE_CHECK_BUTTON);

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Reliability failed in the breakdown");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (child (f, "follow_up_button", GTK_TYPE_MENU_BUTTON)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Pick the day of the follow-up");
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (child (f, "description_view", GTK_TYPE_TEXT_VIEW)),
                                                   GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (child (f, "lesson_view", GTK_TYPE_TEXT_VIEW)),
                                                   GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find_in (child (f, "summary_row", GTK_TYPE_WIDGET), NULL, GTK_TYPE_TEXT)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Summary");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find_in (child (f, "rule_row", GTK_TYPE_WIDGET), NULL, GTK_TYPE_SWITCH)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "A Rule Was Bent");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find_in (GTK_WIDGET (f->editor), "kind_dropdown", GTK_TYPE_DROP_DOWN)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Kind of entry");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find_in (find_in (GTK_WIDGET (f->editor), "phone_row", ADW_TYPE_ENTRY_ROW), NULL, GTK_TYPE_TEXT)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Phone");
}

/* Screenshots */

static void
save_screenshot (GtkWidget  *widget,
                 const char *dir,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderNode *node;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s (%dx%d)", path, width, height);
}

static gint64
find_demo_case (AmendsStore *store,
                const char  *summary_start)
{
  gint64 n = amends_store_count_cases (store, NULL);

  for (gint64 id = 1; id <= n + 50; id++)
    {
      g_autoptr(AmendsCase) kase = amends_store_load (store, AMENDS_TYPE_CASE, id, NULL);

      if (kase != NULL && g_str_has_prefix (amends_case_get_summary (kase), summary_start))
        return id;
    }

  g_assert_not_reached ();
}

static void
scroll_to (Fixture *f,
           double   fraction)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (child (f, "scroller", GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  double range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  gtk_adjustment_set_value (adjustment, range * fraction);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();
}

static void
test_screenshot (void)
{
  static const struct {
    const char *summary;
    const char *prefix;
    gboolean    dark;
    int         width;
    gboolean    trashed;
  } shots[] = {
    { "Lanyards ran out", "editor-in-recovery", FALSE, 760, FALSE },
    { "Hotel laundry shrank", "editor-paused-dark", TRUE, 760, FALSE },
    { "Delegate asked for a second lapel pin", "editor-closed", FALSE, 760, FALSE },
    { "Shower drains slowly", "editor-open-narrow", FALSE, 400, FALSE },
    { "Coffee ran out", "editor-trashed", FALSE, 760, TRUE },
  };
  const char *dir = amends_ui_test_screenshot_dir ();
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  g_autoptr(GError) error = NULL;

  amends_test_db_setup (&f->db, NULL);
  amends_demo_populate (f->db.store, f->db.now, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autofree char *top = g_strconcat (shots[i].prefix, "-top.png", NULL);
      g_autofree char *middle = g_strconcat (shots[i].prefix, "-middle.png", NULL);
      g_autofree char *lower = g_strconcat (shots[i].prefix, "-lower.png", NULL);
      g_autofree char *bottom = g_strconcat (shots[i].prefix, "-bottom.png", NULL);

      gint64 case_id = find_demo_case (f->db.store, shots[i].summary);

      /* Someone at the desk, and a follow-up that has come due. */
      if (i == 0)
        {
          g_autoptr(AmendsCase) kase = load_case (f, case_id);
          g_autoptr(GDateTime) due = g_date_time_add_hours (f->db.now, -1);

          g_object_set (kase, "follow-up-due-at", due, NULL);
          amends_store_update (f->db.store, AMENDS_RECORD (kase), &error);
          g_assert_no_error (error);
          amends_store_set_actor_id (f->db.store, amends_case_get_owner_id (kase));
        }
      if (shots[i].trashed)
        {
          amends_store_trash_case (f->db.store, case_id, &error);
          g_assert_no_error (error);
        }
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          shots[i].dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);

      open_editor (f, case_id, shots[i].width, 1000);
      save_screenshot (GTK_WIDGET (f->window), dir, top);
      scroll_to (f, 0.33);
      save_screenshot (GTK_WIDGET (f->window), dir, middle);
      scroll_to (f, 0.66);
      save_screenshot (GTK_WIDGET (f->window), dir, lower);
      scroll_to (f, 1.0);
      save_screenshot (GTK_WIDGET (f->window), dir, bottom);
      close_editor (f);
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  amends_test_db_teardown (&f->db, NULL);
}

static void
load_application_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GdkDisplay *display = gdk_display_get_default ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display),
                                    RESOURCE_PREFIX "/icons");
}

/* Writes garbage over the first page of @table (as a failing disk
 * would), leaving the rest of the file readable. */
static void
damage_table (const char *path,
              const char *table)
{
  g_autofree char *uri = g_strconcat ("file:", path, "?immutable=1", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize length;
  int page, page_size;

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage, (SELECT page_size FROM pragma_page_size)"
                                       " FROM sqlite_schema WHERE name = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int (stmt, 0);
  page_size = sqlite3_column_int (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >=, (gsize) page * page_size);
  memset (contents + (gsize) (page - 1) * page_size + 8, 0xa5, page_size - 8);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* A damaged database opens read-only: the editor shows the case and
 * offers nothing that could not be saved. */
static void
test_read_only_database_offers_no_edits (void)
{
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  g_autoptr(GError) error = NULL;

  amends_test_db_setup (&f->db, NULL);
  f->case_id = insert_case (f->db.store, "Room not ready at check-in", "2026-11-18T07:00:00Z", 0);
  for (int i = 0; i < 100; i++)
    {
      g_autoptr(AmendsStaff) staff = amends_test_add_staff (f->db.store, "A member of staff with a long name");
    }
  g_assert_finalize_object (f->db.store);
  damage_table (f->db.path, "audit_log");
  f->db.store = amends_store_open (f->db.path, &error);
  g_assert_no_error (error);
  g_assert_true (amends_store_get_read_only (f->db.store));

  open_editor (f, f->case_id, 800, 900);
  g_assert_true (shows (f, "summary_row", "Room not ready at check-in"));
  g_assert_false (gtk_widget_is_sensitive (child (f, "fields_box", GTK_TYPE_WIDGET)));
  g_assert_false (step_offered (f, "start_recovery_button"));
  activate (f, "case.start-recovery");
  {
    g_autoptr(AmendsCase) kase = load_case (f, f->case_id);
    g_assert_cmpint (amends_case_get_status (kase), ==, AMENDS_CASE_STATUS_OPEN);
  }
  g_assert_true (amends_case_editor_flush (f->editor, NULL));

  close_editor (f);
  amends_test_db_teardown (&f->db, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  load_application_style ();

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/ui/editor/typed-fields-survive-reopening", test_typed_fields_survive_reopening);
  ADD_TEST ("/ui/editor/saves-after-a-pause-in-typing", test_saves_after_a_pause_in_typing);
  ADD_TEST ("/ui/editor/invalid-follow-up-refused-other-edits-saved",
            test_invalid_follow_up_is_refused_other_edits_saved);
  ADD_TEST ("/ui/editor/negative-or-wordy-cost-refused", test_negative_or_wordy_cost_is_refused);
  ADD_TEST ("/ui/editor/empty-summary-refused", test_empty_summary_is_refused);
  ADD_TEST ("/ui/editor/take-ownership-needs-someone-at-the-desk",
            test_take_ownership_needs_someone_at_the_desk);
  ADD_TEST ("/ui/editor/take-ownership-asks-who", test_take_ownership_asks_who);
  ADD_TEST ("/ui/editor/take-ownership-with-no-staff-offers-to-add",
            test_take_ownership_with_no_staff_offers_to_add);
  ADD_TEST ("/ui/editor/owner-picked-from-the-list", test_owner_picked_from_the_list);
  ADD_TEST ("/ui/editor/recovery-from-start-to-close", test_recovery_from_start_to_close);
  ADD_TEST ("/ui/editor/focus-moves-on-after-a-step", test_focus_moves_on_after_a_step);
  ADD_TEST ("/ui/editor/focus-moves-on-with-a-fix-written", test_focus_moves_on_with_a_fix_written);
  ADD_TEST ("/ui/editor/recovered-with-fix-asks-nothing", test_recovered_with_fix_asks_nothing);
  ADD_TEST ("/ui/editor/recovered-case-proposed-as-story", test_recovered_case_proposed_as_story);
  ADD_TEST ("/ui/editor/cancelled-dialog-changes-nothing", test_cancelled_dialog_changes_nothing);
  ADD_TEST ("/ui/editor/switching-case-saves-what-was-typed", test_switching_case_saves_what_was_typed);
  ADD_TEST ("/ui/editor/follows-changes-made-elsewhere", test_follows_changes_made_elsewhere);
  ADD_TEST ("/ui/editor/busy-database-keeps-typed-text", test_busy_database_keeps_typed_text);
  ADD_TEST ("/ui/editor/other-program/stale-editor-keeps-their-fields", test_stale_editor_keeps_others_fields);
  ADD_TEST ("/ui/editor/other-program/change-shown-without-a-step", test_shows_other_programs_change);
  ADD_TEST ("/ui/editor/other-program/conflict-keep-mine", test_conflict_keep_mine);
  ADD_TEST ("/ui/editor/other-program/conflict-take-theirs", test_conflict_take_theirs);
  ADD_TEST ("/ui/editor/other-program/conflict-closed-keeps-typed-text", test_conflict_closed_keeps_typed_text);
  ADD_TEST ("/ui/customer-card/other-program/conflict-keep-mine", test_customer_conflict_keep_mine);
  ADD_TEST ("/ui/editor/flush-saves-everything-typed-or-says-so", test_flush_saves_everything_typed_or_says_so);
  ADD_TEST ("/ui/editor/trashed-case-restored", test_trashed_case_restored);
  ADD_TEST ("/ui/editor/steps-reached-with-the-keyboard", test_steps_reached_with_the_keyboard);
  ADD_TEST ("/ui/editor/tab-passes-the-steps-with-nobody-at-the-desk",
            test_tab_passes_the_steps_with_nobody_at_the_desk);
  ADD_TEST ("/ui/editor/controls-have-accessible-names", test_controls_have_accessible_names);
  ADD_TEST ("/ui/editor/no-pause-once-past-due", test_no_pause_once_past_due);
  ADD_TEST ("/ui/editor/close-without-recovery", test_close_without_recovery);
  ADD_TEST ("/ui/timeline/entry-added-with-enter", test_timeline_entry_added_with_enter);
  ADD_TEST ("/ui/timeline/draft-kept-like-a-field", test_timeline_draft_kept);
  ADD_TEST ("/ui/timeline/entry-corrected", test_timeline_entry_corrected);
  ADD_TEST ("/ui/timeline/correction-cancel-and-conflict", test_timeline_correction_cancel_and_conflict);
  ADD_TEST ("/ui/customer-card/opens-earlier-case", test_customer_card_opens_earlier_case);
  ADD_TEST ("/ui/editor/summary-is-capped", test_summary_is_capped);
  ADD_TEST ("/ui/customer-card/keeps-rows-while-typing", test_customer_card_keeps_rows_while_typing);
  ADD_TEST ("/ui/customer-card/saves-notes-refuses-empty-name", test_customer_card_saves_notes);
  ADD_TEST ("/ui/customer-card/no-customer-recorded", test_case_without_customer_says_so);

#undef ADD_TEST

  g_test_add_func ("/ui/timeline/time-format", test_timeline_time_format);
  g_test_add_func ("/ui/editor/screenshot", test_screenshot);
  g_test_add_func ("/ui/editor/read-only-database-offers-no-edits", test_read_only_database_offers_no_edits);

  return g_test_run ();
}
