/* test-ui-intake.c: logging a case from the keyboard, on a real database
 *
 * The tests drive the dialog as a person at the desk would: focus starts
 * in the summary, text is typed into whatever has the focus, Tab moves on,
 * Enter logs and Escape cancels.  GTK 4 cannot make key events, so a key
 * goes where GTK would send it: first to the focused row's own key
 * controller (which moves through suggestions), then to what the key is
 * bound to (Tab moves the focus, Enter activates the text, Escape runs the
 * dialog's shortcut).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-ui-test-utils.h"

#include <string.h>

#include "amends-intake-dialog.h"
#include "amends-test-utils.h"
#include "amends-when.h"

typedef struct
{
  AmendsTestDb        db;
  GtkWindow          *parent;
  AmendsIntakeDialog *dialog;
  gint64              ada_id;
  gint64              bilal_id;
  gint64              edward_id;
  guint               n_logged;
  gint64              logged_id;
} Fixture;

static void
on_case_logged_cb (AmendsIntakeDialog *dialog,
                   gint64              case_id,
                   Fixture            *fixture)
{
  fixture->n_logged++;
  fixture->logged_id = case_id;
}

static void
fixture_open_dialog (Fixture *fixture)
{
  fixture->dialog = amends_intake_dialog_new (fixture->parent, fixture->db.store);
  g_object_add_weak_pointer (G_OBJECT (fixture->dialog), (gpointer *) &fixture->dialog);
  g_signal_connect (fixture->dialog, "case-logged", G_CALLBACK (on_case_logged_cb), fixture);

  gtk_window_present (GTK_WINDOW (fixture->dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->dialog));
  amends_ui_test_drain ();
}

/* A database with two people on staff, Ada at the desk, and a customer
 * who has been here before; no cases. */
static void
fixture_set_up_store (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AmendsStaff) ada = NULL;
  g_autoptr(AmendsStaff) bilal = NULL;
  g_autoptr(AmendsCustomer) edward = NULL;

  amends_test_db_setup (&fixture->db, data);

  ada = amends_test_add_staff (fixture->db.store, "Ada Moreau");
  bilal = amends_test_add_staff (fixture->db.store, "Bilal Okafor");
  edward = amends_test_add_customer (fixture->db.store, "Edward Caulfield", "Likes a quiet room");
  fixture->ada_id = amends_record_get_id (AMENDS_RECORD (ada));
  fixture->bilal_id = amends_record_get_id (AMENDS_RECORD (bilal));
  fixture->edward_id = amends_record_get_id (AMENDS_RECORD (edward));
  amends_store_set_actor_id (fixture->db.store, fixture->ada_id);

  fixture->parent = GTK_WINDOW (adw_window_new ());
  g_object_add_weak_pointer (G_OBJECT (fixture->parent), (gpointer *) &fixture->parent);
  gtk_window_present (fixture->parent);
  amends_ui_test_drain ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture_set_up_store (fixture, data);
  fixture_open_dialog (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  amends_ui_test_drain ();
  g_assert_null (fixture->dialog);
  g_assert_null (fixture->parent);

  /* Finalizing the store also proves the dialog let go of it. */
  amends_test_db_teardown (&fixture->db, data);
}

/* Widgets */

static GtkWidget *
dialog_child (Fixture    *fixture,
              const char *id,
              GType       type)
{
  GtkWidget *child = amends_ui_test_find_child (GTK_WIDGET (fixture->dialog), id, type);

  g_assert_nonnull (child);

  return child;
}

static gboolean
tree_has_label (GtkWidget  *widget,
                const char *text)
{
  if (GTK_IS_LABEL (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (tree_has_label (child, text))
        return TRUE;
    }

  return FALSE;
}

static const char *
row_text (Fixture    *fixture,
          const char *id)
{
  return gtk_editable_get_text (GTK_EDITABLE (dialog_child (fixture, id, ADW_TYPE_ENTRY_ROW)));
}

/* The row that holds the focus (an entry row's text, a combo row, or a
 * button in a row), or NULL. */
static GtkWidget *
focused_row (Fixture *fixture)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (fixture->dialog));

  if (focus == NULL)
    return NULL;
  if (ADW_IS_PREFERENCES_ROW (focus))
    return focus;

  return gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_ROW);
}

static void
assert_focus_in (Fixture    *fixture,
                 const char *id)
{
  GtkWidget *row = focused_row (fixture);

  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_buildable_get_buildable_id (GTK_BUILDABLE (row)), ==, id);
}

static GtkWidget *
suggestion_popover (Fixture    *fixture,
                    const char *row_id)
{
  GtkWidget *row = dialog_child (fixture, row_id, ADW_TYPE_ENTRY_ROW);

  for (GtkWidget *child = gtk_widget_get_first_child (row);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child))
        return child;
    }

  g_assert_not_reached ();
}

/* The keyboard */

/* Types @text where the focus is, one character at a time, replacing what
 * is selected, as a person's typing does. */
static void
type_text (Fixture    *fixture,
           const char *text)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (fixture->dialog));
  GtkEditable *editable;

  g_assert_true (GTK_IS_EDITABLE (focus));
  editable = GTK_EDITABLE (focus);

  gtk_editable_delete_selection (editable);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = gtk_editable_get_position (editable);

      gtk_editable_insert_text (editable, p, g_utf8_next_char (p) - p, &position);
      gtk_editable_set_position (editable, position);
      amends_ui_test_drain ();
    }
}

/* Select all, then type. */
static void
retype_text (Fixture    *fixture,
             const char *text)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (fixture->dialog));

  g_assert_true (GTK_IS_EDITABLE (focus));
  gtk_editable_select_region (GTK_EDITABLE (focus), 0, -1);
  type_text (fixture, text);
}

static gboolean
run_shortcut (GtkWidget  *widget,
              const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_strcmp0 (trigger, accelerator) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                 widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

static gboolean
offer_to_row_keys (GtkWidget *focus,
                   guint      keyval)
{
  GtkWidget *row = gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW);
  g_autoptr(GListModel) controllers = NULL;

  if (row == NULL)
    return FALSE;

  controllers = gtk_widget_observe_controllers (row);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          g_strcmp0 (gtk_event_controller_get_name (controller), "amends-suggestion-keys") == 0)
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
          if (handled)
            return TRUE;
        }
    }

  return FALSE;
}

static void
press_key (Fixture *fixture,
           guint    keyval)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (fixture->dialog));

  g_assert_nonnull (focus);

  if (offer_to_row_keys (focus, keyval))
    {
      amends_ui_test_drain ();
      return;
    }

  switch (keyval)
    {
    case GDK_KEY_Tab:
      g_signal_emit_by_name (fixture->dialog, "move-focus", GTK_DIR_TAB_FORWARD);
      break;

    case GDK_KEY_Return:
      /* GtkText binds Enter to its "activate" signal. */
      g_assert_true (GTK_IS_TEXT (focus));
      g_signal_emit_by_name (focus, "activate");
      break;

    case GDK_KEY_Escape:
      g_assert_true (run_shortcut (GTK_WIDGET (fixture->dialog), "Escape"));
      break;

    case GDK_KEY_Down:
    case GDK_KEY_Up:
      break;

    default:
      g_assert_not_reached ();
    }

  amends_ui_test_drain ();
}

static gboolean
on_wait_too_long_cb (gpointer user_data)
{
  gboolean *too_long = user_data;

  *too_long = TRUE;

  return G_SOURCE_REMOVE;
}

/* A button that is activated from the keyboard shows itself pressed for a
 * moment before it clicks: this waits for what the click does. */
static void
wait_until (gboolean (*done) (Fixture *fixture),
            Fixture   *fixture)
{
  gboolean too_long = FALSE;
  guint source = g_timeout_add_seconds (10, on_wait_too_long_cb, &too_long);

  while (!done (fixture) && !too_long)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (too_long);
  g_source_remove (source);
  amends_ui_test_drain ();
}

static gboolean
case_was_logged (Fixture *fixture)
{
  return fixture->n_logged > 0;
}

/* Enter activates the default button, Log Case. */
static void
wait_until_logged (Fixture *fixture)
{
  wait_until (case_was_logged, fixture);
}

static gboolean
staff_noticed_is_chosen (Fixture *fixture)
{
  GtkWidget *button = amends_ui_test_find_child (GTK_WIDGET (fixture->dialog), "noticed_staff_button", GTK_TYPE_TOGGLE_BUTTON);

  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button));
}

/* The store */

static gint64
count_cases (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  gint64 n = amends_store_count_cases (fixture->db.store, &error);

  g_assert_no_error (error);

  return n;
}

static guint
count_customers (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) customers = amends_store_list_customers (fixture->db.store, NULL, 0, &error);

  g_assert_no_error (error);

  return g_list_model_get_n_items (customers);
}

static AmendsCase *
load_logged_case (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  AmendsCase *kase;

  g_assert_cmpuint (fixture->n_logged, ==, 1);
  g_assert_cmpint (fixture->logged_id, >, 0);

  kase = amends_store_load (fixture->db.store, AMENDS_TYPE_CASE, fixture->logged_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kase);

  return kase;
}

static GDateTime *
dup_now (Fixture *fixture)
{
  return amends_store_dup_now (fixture->db.store);
}

static void
assert_same_time (GDateTime *a,
                  GDateTime *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpint (g_date_time_to_unix (a), ==, g_date_time_to_unix (b));
}

/* Tests */

static void
test_intake_opens_ready_to_type (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkWidget *log_button = dialog_child (fixture, "log_button", GTK_TYPE_BUTTON);
  AdwComboRow *severity = ADW_COMBO_ROW (dialog_child (fixture, "severity_row", ADW_TYPE_COMBO_ROW));
  AdwComboRow *owner = ADW_COMBO_ROW (dialog_child (fixture, "owner_row", ADW_TYPE_COMBO_ROW));
  GtkWidget *customer_button = dialog_child (fixture, "noticed_customer_button", GTK_TYPE_TOGGLE_BUTTON);
  GtkWidget *staff_button = dialog_child (fixture, "noticed_staff_button", GTK_TYPE_TOGGLE_BUTTON);
  GtkWindow *window = GTK_WINDOW (fixture->dialog);
  GtkStringObject *severity_item;

  g_assert_cmpstr (gtk_window_get_title (window), ==, "Log a Case");
  g_assert_true (gtk_window_get_modal (window));
  g_assert_true (gtk_window_get_transient_for (window) == fixture->parent);
  g_assert_true (gtk_window_get_destroy_with_parent (window));
  g_assert_true (amends_intake_dialog_get_store (fixture->dialog) == fixture->db.store);

  assert_focus_in (fixture, "summary_row");
  g_assert_true (GTK_IS_TEXT (gtk_window_get_focus (window)));

  /* Enter means Log Case, which waits for a summary. */
  g_assert_true (gtk_window_get_default_widget (window) == log_button);
  g_assert_true (gtk_widget_has_css_class (log_button, "suggested-action"));
  g_assert_false (gtk_widget_get_sensitive (log_button));

  severity_item = adw_combo_row_get_selected_item (severity);
  g_assert_cmpstr (gtk_string_object_get_string (severity_item), ==, "Moderate");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (severity)), ==, 4);

  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (customer_button)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (staff_button)));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (customer_button)), ==, "Customer complained");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (staff_button)), ==, "Staff noticed first");

  g_assert_cmpstr (row_text (fixture, "when_row"), ==, "now");
  g_assert_false (gtk_widget_has_css_class (dialog_child (fixture, "when_row", ADW_TYPE_ENTRY_ROW), "error"));

  /* Unowned, then the active staff; the person at the desk is chosen. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (owner)), ==, 3);
  g_assert_cmpint (amends_record_get_id (adw_combo_row_get_selected_item (owner)), ==, fixture->ada_id);
}

static void
test_intake_tab_walks_down_the_form (Fixture       *fixture,
                                     gconstpointer  data)
{
  static const char *order[] = {
    "summary_row",
    "customer_row",
    "category_row",
    "room_row",
    "severity_row",
    "noticed_row",  /* "Customer complained" */
    "noticed_row",  /* "Staff noticed first" */
    "when_row",
    "owner_row",
  };

  assert_focus_in (fixture, order[0]);

  for (guint i = 1; i < G_N_ELEMENTS (order); i++)
    {
      GtkWidget *focus;

      press_key (fixture, GDK_KEY_Tab);
      assert_focus_in (fixture, order[i]);

      /* Tabbing into the time selects it, so typing replaces "now". */
      focus = gtk_window_get_focus (GTK_WINDOW (fixture->dialog));
      if (g_str_equal (order[i], "when_row"))
        g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (focus), NULL, NULL));
    }
}

static void
test_intake_logs_case_with_new_customer (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = NULL;
  g_autoptr(AmendsCustomer) customer = NULL;
  g_autoptr(GDateTime) now = dup_now (fixture);
  g_autoptr(GDateTime) two_hours_ago = g_date_time_add_hours (now, -2);
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GError) error = NULL;
  gint64 customer_id;

  type_text (fixture, "Room 12 was not cleaned before check-in");
  press_key (fixture, GDK_KEY_Tab);
  type_text (fixture, "Nora Blake");
  press_key (fixture, GDK_KEY_Tab);
  type_text (fixture, "Housekeeping");
  press_key (fixture, GDK_KEY_Tab);
  type_text (fixture, "12");
  press_key (fixture, GDK_KEY_Tab);   /* severity */
  press_key (fixture, GDK_KEY_Tab);   /* customer complained */
  press_key (fixture, GDK_KEY_Tab);   /* staff noticed first */
  press_key (fixture, GDK_KEY_Tab);   /* when */
  type_text (fixture, "2 h ago");
  g_assert_cmpstr (row_text (fixture, "when_row"), ==, "2 h ago");
  /* The store's clock stands at 10:00 UTC. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dialog_child (fixture, "when_hint", GTK_TYPE_LABEL))), ==,
                   "Happened today at 08:00 · recovery due tomorrow at 08:00");
  g_assert_cmpint (count_cases (fixture), ==, 0);

  press_key (fixture, GDK_KEY_Return);
  wait_until_logged (fixture);

  g_assert_null (fixture->dialog);
  g_assert_cmpint (count_cases (fixture), ==, 1);

  kase = load_logged_case (fixture);
  g_assert_cmpstr (amends_case_get_summary (kase), ==, "Room 12 was not cleaned before check-in");
  g_assert_cmpstr (amends_case_get_category (kase), ==, "Housekeeping");
  g_assert_cmpstr (amends_case_get_room (kase), ==, "12");
  g_assert_cmpint (amends_case_get_severity (kase), ==, AMENDS_SEVERITY_MODERATE);
  g_assert_cmpint (amends_case_get_noticed_by (kase), ==, AMENDS_NOTICED_BY_CUSTOMER);
  g_assert_cmpint (amends_case_get_status (kase), ==, AMENDS_CASE_STATUS_OPEN);
  g_assert_cmpint (amends_case_get_owner_id (kase), ==, fixture->ada_id);
  assert_same_time (amends_case_get_occurred_at (kase), two_hours_ago);
  assert_same_time (amends_case_get_logged_at (kase), now);
  due = g_date_time_add_hours (amends_case_get_occurred_at (kase), 24);
  assert_same_time (amends_case_get_recovery_due_at (kase), due);
  g_assert_true (g_str_has_prefix (amends_case_get_reference (kase), "C-2026-"));

  /* The new customer, beside the one who was there. */
  g_assert_cmpuint (count_customers (fixture), ==, 2);
  customer_id = amends_case_get_customer_id (kase);
  g_assert_cmpint (customer_id, !=, fixture->edward_id);
  customer = amends_store_load (fixture->db.store, AMENDS_TYPE_CUSTOMER, customer_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amends_customer_get_name (customer), ==, "Nora Blake");
}

static void
test_intake_reuses_existing_customer (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = NULL;

  type_text (fixture, "Wake-up call never came");
  press_key (fixture, GDK_KEY_Tab);
  type_text (fixture, "edward caulfield");

  /* Typed in full, there is nothing left to suggest. */
  g_assert_false (gtk_widget_get_visible (suggestion_popover (fixture, "customer_row")));

  press_key (fixture, GDK_KEY_Return);
  wait_until_logged (fixture);

  kase = load_logged_case (fixture);
  g_assert_cmpint (amends_case_get_customer_id (kase), ==, fixture->edward_id);
  g_assert_cmpstr (amends_case_get_customer_name (kase), ==, "Edward Caulfield");
  g_assert_cmpuint (count_customers (fixture), ==, 1);
}

static void
test_intake_suggests_customers (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *popover;
  g_autoptr(AmendsCase) kase = NULL;

  type_text (fixture, "Minibar was charged twice");
  press_key (fixture, GDK_KEY_Tab);
  type_text (fixture, "edw");

  popover = suggestion_popover (fixture, "customer_row");
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (tree_has_label (popover, "Edward Caulfield"));

  /* Nothing is chosen until Down says so: Enter would log what was typed. */
  press_key (fixture, GDK_KEY_Down);
  press_key (fixture, GDK_KEY_Return);
  g_assert_cmpstr (row_text (fixture, "customer_row"), ==, "Edward Caulfield");
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpuint (fixture->n_logged, ==, 0);
  assert_focus_in (fixture, "customer_row");

  /* Escape closes the suggestions, not the dialog. */
  retype_text (fixture, "Ed");
  g_assert_true (gtk_widget_get_visible (popover));
  press_key (fixture, GDK_KEY_Escape);
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_nonnull (fixture->dialog);

  /* Tab takes the chosen suggestion and moves on. */
  type_text (fixture, "w");
  g_assert_true (gtk_widget_get_visible (popover));
  press_key (fixture, GDK_KEY_Down);
  press_key (fixture, GDK_KEY_Tab);
  g_assert_cmpstr (row_text (fixture, "customer_row"), ==, "Edward Caulfield");
  g_assert_false (gtk_widget_get_visible (popover));
  assert_focus_in (fixture, "category_row");

  press_key (fixture, GDK_KEY_Return);
  wait_until_logged (fixture);

  kase = load_logged_case (fixture);
  g_assert_cmpint (amends_case_get_customer_id (kase), ==, fixture->edward_id);
  g_assert_cmpuint (count_customers (fixture), ==, 1);
}

static void
test_intake_category_keeps_known_spelling (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autoptr(AmendsCase) earlier = amends_test_add_case (fixture->db.store, "Towels missing", fixture->db.now);
  g_autoptr(AmendsCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *popover;

  g_object_set (earlier, "category", "Housekeeping", NULL);
  amends_store_update (fixture->db.store, AMENDS_RECORD (earlier), &error);
  g_assert_no_error (error);
  fixture_open_dialog (fixture);

  type_text (fixture, "Bathroom not cleaned");
  press_key (fixture, GDK_KEY_Tab);
  press_key (fixture, GDK_KEY_Tab);
  type_text (fixture, "hou");

  popover = suggestion_popover (fixture, "category_row");
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (tree_has_label (popover, "Housekeeping"));

  type_text (fixture, "sekeeping");
  press_key (fixture, GDK_KEY_Return);
  wait_until_logged (fixture);

  kase = load_logged_case (fixture);
  g_assert_cmpstr (amends_case_get_category (kase), ==, "Housekeeping");
  g_assert_null (amends_case_get_customer_name (kase));
  g_assert_cmpint (amends_case_get_customer_id (kase), ==, 0);
}

static void
test_intake_unreadable_time_is_shown_at_once (Fixture       *fixture,
                                              gconstpointer  data)
{
  GtkWidget *log_button = dialog_child (fixture, "log_button", GTK_TYPE_BUTTON);
  GtkWidget *when_row = dialog_child (fixture, "when_row", ADW_TYPE_ENTRY_ROW);
  GtkLabel *hint = GTK_LABEL (dialog_child (fixture, "when_hint", GTK_TYPE_LABEL));
  g_autoptr(GDateTime) now = dup_now (fixture);
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) yesterday = NULL;
  g_autoptr(GDateTime) expected = NULL;
  g_autoptr(AmendsCase) kase = NULL;
  g_autoptr(GError) error = NULL;

  type_text (fixture, "Dinner booking was lost");
  for (guint i = 0; i < 7; i++)
    press_key (fixture, GDK_KEY_Tab);
  assert_focus_in (fixture, "when_row");
  g_assert_true (gtk_widget_get_sensitive (log_button));

  type_text (fixture, "next tuesday");

  /* The parser's own words, under the row, while typing. */
  parsed = amends_when_parse ("next tuesday", now, &error);
  g_assert_null (parsed);
  g_assert_nonnull (error);
  g_assert_true (gtk_widget_has_css_class (when_row, "error"));
  g_assert_cmpstr (gtk_label_get_text (hint), ==, error->message);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (hint)));
  g_assert_false (gtk_widget_get_sensitive (log_button));

  /* Neither the action nor Enter saves it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "intake.log", NULL);
  press_key (fixture, GDK_KEY_Return);
  g_assert_nonnull (fixture->dialog);
  g_assert_cmpuint (fixture->n_logged, ==, 0);
  g_assert_cmpint (count_cases (fixture), ==, 0);

  retype_text (fixture, "yesterday 14:30");
  g_assert_false (gtk_widget_has_css_class (when_row, "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (hint), "error"));
  g_assert_cmpstr (gtk_label_get_text (hint), !=, error->message);
  g_assert_true (gtk_widget_get_sensitive (log_button));

  press_key (fixture, GDK_KEY_Return);
  wait_until_logged (fixture);

  yesterday = g_date_time_add_days (now, -1);
  expected = g_date_time_new_local (g_date_time_get_year (yesterday),
                                    g_date_time_get_month (yesterday),
                                    g_date_time_get_day_of_month (yesterday),
                                    14, 30, 0);
  kase = load_logged_case (fixture);
  assert_same_time (amends_case_get_occurred_at (kase), expected);
}

static void
test_intake_empty_summary_cannot_be_logged (Fixture       *fixture,
                                            gconstpointer  data)
{
  GtkWidget *log_button = dialog_child (fixture, "log_button", GTK_TYPE_BUTTON);

  g_assert_false (gtk_widget_get_sensitive (log_button));
  press_key (fixture, GDK_KEY_Return);
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "intake.log", NULL);
  g_assert_cmpint (count_cases (fixture), ==, 0);

  /* Spaces are not a summary either. */
  type_text (fixture, "   ");
  g_assert_false (gtk_widget_get_sensitive (log_button));
  press_key (fixture, GDK_KEY_Tab);
  type_text (fixture, "Edward Caulfield");
  press_key (fixture, GDK_KEY_Return);
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "intake.log", NULL);
  amends_ui_test_drain ();

  g_assert_nonnull (fixture->dialog);
  g_assert_cmpuint (fixture->n_logged, ==, 0);
  g_assert_cmpint (count_cases (fixture), ==, 0);

  /* A summary is all it takes. */
  gtk_widget_grab_focus (dialog_child (fixture, "summary_row", ADW_TYPE_ENTRY_ROW));
  retype_text (fixture, "Lift out of order");
  g_assert_true (gtk_widget_get_sensitive (log_button));
}

/* The question Escape asks about a filled form, or NULL. */
static AdwMessageDialog *
find_discard_question (void)
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

/* Escape on an empty form: nothing to lose, so it goes at once. */
static void
test_intake_escape_on_empty_form_closes (Fixture       *fixture,
                                         gconstpointer  data)
{
  press_key (fixture, GDK_KEY_Escape);

  g_assert_null (find_discard_question ());
  g_assert_null (fixture->dialog);
  g_assert_cmpuint (fixture->n_logged, ==, 0);
  g_assert_cmpint (count_cases (fixture), ==, 0);
  g_assert_nonnull (fixture->parent);
}

/* Escape on a filled form asks; Escape again (or Keep Editing) keeps
 * everything as it was, and Discard closes without saving. */
static void
test_intake_escape_on_filled_form_asks (Fixture       *fixture,
                                        gconstpointer  data)
{
  AdwMessageDialog *question;

  type_text (fixture, "Coffee machine broken");
  press_key (fixture, GDK_KEY_Escape);

  question = find_discard_question ();
  g_assert_nonnull (question);
  g_assert_nonnull (fixture->dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (question)) == GTK_WINDOW (fixture->dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Discard this case?");
  g_assert_cmpstr (adw_message_dialog_get_response_label (question, "discard"), ==, "_Discard");
  g_assert_cmpstr (adw_message_dialog_get_response_label (question, "keep"), ==, "_Keep Editing");
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "keep");

  /* Escape in the question is its close response: keep editing. */
  g_assert_true (run_shortcut (GTK_WIDGET (question), "Escape"));
  amends_ui_test_drain ();
  g_assert_null (find_discard_question ());
  g_assert_nonnull (fixture->dialog);
  g_assert_cmpstr (row_text (fixture, "summary_row"), ==, "Coffee machine broken");

  /* Asked again, and this time thrown away. */
  press_key (fixture, GDK_KEY_Escape);
  question = find_discard_question ();
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "discard");
  amends_ui_test_drain ();

  g_assert_null (find_discard_question ());
  g_assert_null (fixture->dialog);
  g_assert_cmpuint (fixture->n_logged, ==, 0);
  g_assert_cmpint (count_cases (fixture), ==, 0);
  g_assert_nonnull (fixture->parent);
}

/* A changed time alone is something typed too. */
static void
test_intake_escape_after_changing_time_asks (Fixture       *fixture,
                                             gconstpointer  data)
{
  AdwMessageDialog *question;

  gtk_widget_grab_focus (dialog_child (fixture, "when_row", ADW_TYPE_ENTRY_ROW));
  retype_text (fixture, "2 h ago");
  press_key (fixture, GDK_KEY_Escape);

  question = find_discard_question ();
  g_assert_nonnull (question);
  g_assert_nonnull (fixture->dialog);
  adw_message_dialog_response (question, "keep");
  amends_ui_test_drain ();
  g_assert_nonnull (fixture->dialog);
  g_assert_cmpstr (row_text (fixture, "when_row"), ==, "2 h ago");
}

static void
test_intake_cancel_closes_without_saving (Fixture       *fixture,
                                          gconstpointer  data)
{
  GtkWidget *cancel = dialog_child (fixture, "cancel_button", GTK_TYPE_BUTTON);

  type_text (fixture, "Coffee machine broken");
  g_assert_true (gtk_widget_get_ancestor (cancel, ADW_TYPE_HEADER_BAR) != NULL);
  g_signal_emit_by_name (cancel, "clicked");
  amends_ui_test_drain ();

  g_assert_null (fixture->dialog);
  g_assert_cmpuint (fixture->n_logged, ==, 0);
  g_assert_cmpint (count_cases (fixture), ==, 0);
}

static guint
find_label_position (AdwComboRow *row,
                     const char  *label)
{
  GListModel *model = adw_combo_row_get_model (row);
  GtkExpression *expression = adw_combo_row_get_expression (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_auto(GValue) value = G_VALUE_INIT;
      const char *text;

      if (GTK_IS_STRING_OBJECT (item))
        text = gtk_string_object_get_string (GTK_STRING_OBJECT (item));
      else
        {
          g_assert_true (gtk_expression_evaluate (expression, item, &value));
          text = g_value_get_string (&value);
        }

      if (g_strcmp0 (text, label) == 0)
        return i;
    }

  g_assert_not_reached ();
}

static void
test_intake_stores_staff_noticed_and_major (Fixture       *fixture,
                                            gconstpointer  data)
{
  AdwComboRow *severity = ADW_COMBO_ROW (dialog_child (fixture, "severity_row", ADW_TYPE_COMBO_ROW));
  AdwComboRow *owner = ADW_COMBO_ROW (dialog_child (fixture, "owner_row", ADW_TYPE_COMBO_ROW));
  g_autoptr(AmendsCase) kase = NULL;
  GtkWidget *focus;

  type_text (fixture, "Fire alarm test during breakfast, nobody warned the guests");
  press_key (fixture, GDK_KEY_Tab);
  press_key (fixture, GDK_KEY_Tab);
  press_key (fixture, GDK_KEY_Tab);
  press_key (fixture, GDK_KEY_Tab);
  assert_focus_in (fixture, "severity_row");
  adw_combo_row_set_selected (severity, find_label_position (severity, "Major"));

  press_key (fixture, GDK_KEY_Tab);
  press_key (fixture, GDK_KEY_Tab);
  focus = gtk_window_get_focus (GTK_WINDOW (fixture->dialog));
  g_assert_true (focus == dialog_child (fixture, "noticed_staff_button", GTK_TYPE_TOGGLE_BUTTON));
  /* Space on a toggle button activates it. */
  gtk_widget_activate (focus);
  wait_until (staff_noticed_is_chosen, fixture);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (dialog_child (fixture, "noticed_customer_button",
                                                                                 GTK_TYPE_TOGGLE_BUTTON))));

  press_key (fixture, GDK_KEY_Tab);
  press_key (fixture, GDK_KEY_Tab);
  assert_focus_in (fixture, "owner_row");
  adw_combo_row_set_selected (owner, find_label_position (owner, "Bilal Okafor"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "intake.log", NULL);
  amends_ui_test_drain ();

  kase = load_logged_case (fixture);
  g_assert_cmpint (amends_case_get_noticed_by (kase), ==, AMENDS_NOTICED_BY_STAFF);
  g_assert_cmpint (amends_case_get_severity (kase), ==, AMENDS_SEVERITY_MAJOR);
  g_assert_cmpint (amends_case_get_owner_id (kase), ==, fixture->bilal_id);
  g_assert_cmpstr (amends_case_get_owner_name (kase), ==, "Bilal Okafor");
  g_assert_null (fixture->dialog);
}

static void
test_intake_nobody_at_desk_leaves_case_unowned (Fixture       *fixture,
                                                gconstpointer  data)
{
  AdwComboRow *owner;
  g_autoptr(AmendsCase) kase = NULL;

  amends_store_set_actor_id (fixture->db.store, 0);
  fixture_open_dialog (fixture);

  owner = ADW_COMBO_ROW (dialog_child (fixture, "owner_row", ADW_TYPE_COMBO_ROW));
  g_assert_cmpuint (adw_combo_row_get_selected (owner), ==, find_label_position (owner, "Unowned"));

  type_text (fixture, "Parking barrier would not open");
  press_key (fixture, GDK_KEY_Return);
  wait_until_logged (fixture);

  kase = load_logged_case (fixture);
  g_assert_cmpint (amends_case_get_owner_id (kase), ==, 0);
}

static void
test_intake_store_error_keeps_what_was_typed (Fixture       *fixture,
                                              gconstpointer  data)
{
  GtkWidget *error_box = dialog_child (fixture, "error_box", GTK_TYPE_BOX);
  GtkLabel *error_label = GTK_LABEL (dialog_child (fixture, "error_label", GTK_TYPE_LABEL));
  g_autoptr(GError) busy_error = NULL;
  g_autoptr(AmendsCase) kase = NULL;
  sqlite3 *other = NULL;

  type_text (fixture, "Invoice sent to the wrong address");
  press_key (fixture, GDK_KEY_Tab);
  type_text (fixture, "Nora Blake");
  press_key (fixture, GDK_KEY_Tab);
  type_text (fixture, "Billing");

  /* Another program holds the database, and the store does not wait. */
  g_assert_cmpint (sqlite3_open_v2 (fixture->db.path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (amends_store_set_busy_timeout (fixture->db.store, 0));
  g_assert_false (amends_store_begin (fixture->db.store, &busy_error));
  g_assert_nonnull (busy_error);

  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "intake.log", NULL);
  amends_ui_test_drain ();

  g_assert_nonnull (fixture->dialog);
  g_assert_cmpuint (fixture->n_logged, ==, 0);
  g_assert_true (gtk_widget_get_visible (error_box));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (error_label), "The case was not logged. "));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), busy_error->message));
  g_assert_cmpstr (row_text (fixture, "summary_row"), ==, "Invoice sent to the wrong address");
  g_assert_cmpstr (row_text (fixture, "customer_row"), ==, "Nora Blake");
  g_assert_cmpstr (row_text (fixture, "category_row"), ==, "Billing");
  g_assert_true (gtk_widget_get_sensitive (dialog_child (fixture, "log_button", GTK_TYPE_BUTTON)));

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  /* Nothing half-saved, and the same form saves once the way is clear. */
  g_assert_cmpint (count_cases (fixture), ==, 0);
  g_assert_cmpuint (count_customers (fixture), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "intake.log", NULL);
  amends_ui_test_drain ();

  kase = load_logged_case (fixture);
  g_assert_cmpstr (amends_case_get_customer_name (kase), ==, "Nora Blake");
  g_assert_cmpint (count_cases (fixture), ==, 1);
  g_assert_cmpuint (count_customers (fixture), ==, 2);
}

static void
test_intake_controls_have_accessible_labels (Fixture       *fixture,
                                             gconstpointer  data)
{
  static const struct {
    const char *id;
    const char *label;
  } rows[] = {
    { "summary_row", "What Went Wrong" },
    { "customer_row", "Customer" },
    { "category_row", "Category" },
    { "room_row", "Room or Area" },
    { "when_row", "When It Happened" },
  };
  GtkWidget *when_text;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *row = dialog_child (fixture, rows[i].id, ADW_TYPE_ENTRY_ROW);
      GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row)));

      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, rows[i].label);
    }

  /* A row is named by its title (libadwaita labels it by the title's
   * label): a label of its own as well was read twice, "Severity Severity". */
  {
    const char *titled[] = { "summary_row", "customer_row", "category_row", "room_row", "severity_row", "when_row", "owner_row" };

    for (guint i = 0; i < G_N_ELEMENTS (titled); i++)
      {
        GtkAccessible *row = GTK_ACCESSIBLE (dialog_child (fixture, titled[i], ADW_TYPE_PREFERENCES_ROW));

        if (gtk_test_accessible_has_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL))
          g_test_message ("%s has an accessible label besides its title", titled[i]);
        g_assert_false (gtk_test_accessible_has_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL));
        g_assert_true (gtk_test_accessible_has_relation (row, GTK_ACCESSIBLE_RELATION_LABELLED_BY));
      }
  }

  /* A dialog to a screen reader, not a filler: the class's role and the
   * instance's (GTK 4.8 gives a second instance the default role unless
   * the instance says it too; test-ui-a11y reads the role on the bus). */
  g_assert_cmpint (gtk_widget_class_get_accessible_role (GTK_WIDGET_GET_CLASS (fixture->dialog)),
                   ==, GTK_ACCESSIBLE_ROLE_DIALOG);
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (fixture->dialog), GTK_ACCESSIBLE_ROLE_DIALOG));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dialog_child (fixture, "noticed_box", GTK_TYPE_BOX)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Who noticed first");

  /* The reading of the time, or what is wrong with it, describes the row. */
  when_text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (dialog_child (fixture, "when_row",
                                                                                 ADW_TYPE_ENTRY_ROW))));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (when_text), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_FALSE);
  gtk_widget_grab_focus (when_text);
  retype_text (fixture, "next tuesday");
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (when_text), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
}

/* Screenshots, for people to look at (not compared with anything) */

static void
save_png (GtkWidget  *widget,
          const char *dir,
          const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  gtk_test_widget_wait_for_draw (widget);
  amends_ui_test_drain ();
  amends_ui_test_save_png (widget, path);
}

static void
test_intake_screenshot (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *dir = amends_ui_test_screenshot_dir ();
  sqlite3 *other = NULL;


  /* Rows move their titles as they fill: catch them at rest. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  save_png (GTK_WIDGET (fixture->dialog), dir, "intake-empty.png");

  type_text (fixture, "Breakfast order was forgotten");
  press_key (fixture, GDK_KEY_Tab);
  type_text (fixture, "Ed");
  press_key (fixture, GDK_KEY_Down);
  save_png (suggestion_popover (fixture, "customer_row"), dir, "intake-suggestions.png");
  press_key (fixture, GDK_KEY_Tab);
  type_text (fixture, "Restaurant");
  for (guint i = 0; i < 5; i++)
    press_key (fixture, GDK_KEY_Tab);
  type_text (fixture, "40 min ago");
  save_png (GTK_WIDGET (fixture->dialog), dir, "intake-filled.png");

  retype_text (fixture, "next tuesday");
  save_png (GTK_WIDGET (fixture->dialog), dir, "intake-error.png");

  /* Another program holds the database when Log Case is pressed. */
  retype_text (fixture, "40 min ago");
  g_assert_cmpint (sqlite3_open_v2 (fixture->db.path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (amends_store_set_busy_timeout (fixture->db.store, 0));
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "intake.log", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "intake.log", NULL);
  save_png (GTK_WIDGET (fixture->dialog), dir, "intake-store-error.png");
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
}

/* Ctrl+Enter logs the case from any field (issue 13). */
static void
test_intake_ctrl_enter_logs (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->dialog));
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !found; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          found = g_str_equal (trigger, "<Control>Return") && GTK_IS_NAMED_ACTION (action) &&
                  g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "intake.log");
        }
    }

  g_assert_true (found);
}

int
main (int   argc,
      char *argv[])
{
  /* The times the dialog shows are read here in UTC. */
  g_setenv ("TZ", "UTC", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD_TEST(path, func, setup) \
  g_test_add (path, Fixture, NULL, setup, func, fixture_tear_down)

  ADD_TEST ("/ui/intake/opens-ready-to-type", test_intake_opens_ready_to_type, fixture_set_up);
  ADD_TEST ("/ui/intake/tab-walks-down-the-form", test_intake_tab_walks_down_the_form, fixture_set_up);
  ADD_TEST ("/ui/intake/logs-case-with-new-customer", test_intake_logs_case_with_new_customer, fixture_set_up);
  ADD_TEST ("/ui/intake/ctrl-enter-logs-from-any-field", test_intake_ctrl_enter_logs, fixture_set_up);
  ADD_TEST ("/ui/intake/reuses-existing-customer-in-any-case",
            test_intake_reuses_existing_customer, fixture_set_up);
  ADD_TEST ("/ui/intake/suggests-customers", test_intake_suggests_customers, fixture_set_up);
  ADD_TEST ("/ui/intake/category-keeps-known-spelling",
            test_intake_category_keeps_known_spelling, fixture_set_up_store);
  ADD_TEST ("/ui/intake/unreadable-time-is-shown-at-once",
            test_intake_unreadable_time_is_shown_at_once, fixture_set_up);
  ADD_TEST ("/ui/intake/empty-summary-cannot-be-logged",
            test_intake_empty_summary_cannot_be_logged, fixture_set_up);
  ADD_TEST ("/ui/intake/escape-on-empty-form-closes",
            test_intake_escape_on_empty_form_closes, fixture_set_up);
  ADD_TEST ("/ui/intake/escape-on-filled-form-asks",
            test_intake_escape_on_filled_form_asks, fixture_set_up);
  ADD_TEST ("/ui/intake/escape-after-changing-time-asks",
            test_intake_escape_after_changing_time_asks, fixture_set_up);
  ADD_TEST ("/ui/intake/cancel-closes-without-saving",
            test_intake_cancel_closes_without_saving, fixture_set_up);
  ADD_TEST ("/ui/intake/stores-staff-noticed-and-major",
            test_intake_stores_staff_noticed_and_major, fixture_set_up);
  ADD_TEST ("/ui/intake/nobody-at-desk-leaves-case-unowned",
            test_intake_nobody_at_desk_leaves_case_unowned, fixture_set_up_store);
  ADD_TEST ("/ui/intake/store-error-keeps-what-was-typed",
            test_intake_store_error_keeps_what_was_typed, fixture_set_up);
  ADD_TEST ("/ui/intake/controls-have-accessible-labels",
            test_intake_controls_have_accessible_labels, fixture_set_up);
  ADD_TEST ("/ui/intake/screenshot", test_intake_screenshot, fixture_set_up);

#undef ADD_TEST

  return g_test_run ();
}
