/* test-ui-window.c: the main window on a real database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-ui-test-utils.h"

#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>

#include "amends-application.h"
#include "amends-backup.h"
#include "amends-case-sidebar.h"
#include "amends-intake-dialog.h"
#include "amends-preferences-window.h"
#include "amends-targets-page.h"
#include "amends-window.h"
#include "amends-window-private.h"

/* One application for the whole run, as in the program; each test gets a
 * fresh database in a temporary folder and a window of its own. */
static AmendsApplication *app;

typedef struct
{
  char         *dir;
  AmendsStore  *store;
  GSettings    *settings;
  AmendsWindow *window;
  gint64        ada_id;
  gint64        bilal_id;
} Fixture;

static gint64
insert_staff (AmendsStore *store,
              const char  *name,
              const char  *team)
{
  g_autoptr(AmendsStaff) staff = amends_staff_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (staff, "name", name, "team", team, NULL);
  amends_store_insert (store, AMENDS_RECORD (staff), &error);
  g_assert_no_error (error);

  return amends_record_get_id (AMENDS_RECORD (staff));
}

static void
insert_case (AmendsStore *store,
             const char  *summary)
{
  g_autoptr(AmendsCase) kase = amends_case_new ();
  g_autoptr(GError) error = NULL;

  amends_case_set_summary (kase, summary);
  amends_store_insert (store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);
}

static void
fixture_set_up_store (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("amends-ui-window-XXXXXX", &error);
  g_assert_no_error (error);

  path = g_build_filename (fixture->dir, "amends.db", NULL);
  fixture->store = amends_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);

  fixture->ada_id = insert_staff (fixture->store, "Ada Moreau", "Front desk");
  fixture->bilal_id = insert_staff (fixture->store, "Bilal Okafor", "Night shift");

  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "current-staff");
  g_settings_reset (fixture->settings, "window-width");
  g_settings_reset (fixture->settings, "window-height");
  g_settings_reset (fixture->settings, "window-maximized");

  amends_application_set_store (app, fixture->store);
}

static void
fixture_open_window (Fixture *fixture)
{
  fixture->window = amends_window_new (GTK_APPLICATION (app), fixture->store);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);

  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  amends_ui_test_drain ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture_set_up_store (fixture, data);
  fixture_open_window (fixture);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Every window a test opened, the main one included. */
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  amends_ui_test_drain ();
  g_assert_null (fixture->window);

  amends_application_set_store (app, NULL);
  g_assert_finalize_object (fixture->store);
  g_clear_object (&fixture->settings);

  remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

/* libadwaita's own templates use ids too ("stack" is in a view switcher),
 * so a widget is found by its id in our .ui file and its type; with no
 * id, the first widget of that type. */
static GtkWidget *
window_child (Fixture    *fixture,
              const char *id,
              GType       type)
{
  GtkWidget *child = amends_ui_test_find_child (GTK_WIDGET (fixture->window), id, type);

  g_assert_nonnull (child);

  return child;
}

static gboolean
tree_has_label (GtkWidget  *widget,
                const char *text)
{
  if (GTK_IS_LABEL (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
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

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static guint
find_staff_position (GtkDropDown *dropdown,
                     gint64       staff_id)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AmendsRecord) record = g_list_model_get_item (model, i);

      if (amends_record_get_id (record) == staff_id)
        return i;
    }

  g_assert_not_reached ();
}

static gint64
selected_staff_id (GtkDropDown *dropdown)
{
  gpointer item = gtk_drop_down_get_selected_item (dropdown);

  g_assert_true (AMENDS_IS_STAFF (item));

  return amends_record_get_id (item);
}

static void
test_window_has_three_views (Fixture       *fixture,
                             gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *title;
  } views[] = {
    { "cases", "Cases" },
    { "board", "Board" },
    { "measures", "Measures" },
  };
  AdwViewStack *stack = ADW_VIEW_STACK (window_child (fixture, "stack", ADW_TYPE_VIEW_STACK));
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Amends");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, G_N_ELEMENTS (views));

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, views[i].name);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, views[i].title);
      g_assert_nonnull (adw_view_stack_page_get_icon_name (page));
      g_assert_true (adw_view_stack_get_child_by_name (stack, views[i].name) ==
                     adw_view_stack_page_get_child (page));
    }

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "cases");
}

/* The name of the action @accelerator triggers in the window, or NULL. */
static char *
dup_action_of_key (GtkWidget  *window,
                   const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          GVariant *arguments = gtk_shortcut_get_arguments (shortcut);

          if (g_str_equal (trigger, accelerator) && GTK_IS_NAMED_ACTION (action))
            return g_strdup_printf ("%s(%s)", gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                                    arguments ? g_variant_get_string (arguments, NULL) : "");
        }
    }

  return NULL;
}

/* Alt+1, 2 and 3 show each view, with the focus in it (issue 13: Alt+Left
 * in the Measures did nothing right after switching). */
static void
test_window_views_by_keyboard (Fixture       *fixture,
                               gconstpointer  data)
{
  static const char *names[] = { "cases", "board", "measures" };
  AdwViewStack *stack = ADW_VIEW_STACK (window_child (fixture, "stack", ADW_TYPE_VIEW_STACK));

  for (int i = G_N_ELEMENTS (names) - 1; i >= 0; i--)
    {
      g_autofree char *key = g_strdup_printf ("<Alt>%d", i + 1);
      g_autofree char *expected = g_strdup_printf ("win.show-view(%s)", names[i]);
      g_autofree char *action = dup_action_of_key (GTK_WIDGET (fixture->window), key);
      GtkWidget *focus;

      g_assert_cmpstr (action, ==, expected);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", names[i]));
      amends_ui_test_drain ();
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, names[i]);
      focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));
      g_assert_nonnull (focus);
      g_assert_true (gtk_widget_is_ancestor (focus, adw_view_stack_get_child_by_name (stack, names[i])));
    }
}

static void
test_window_staff_picker_lists_staff (Fixture       *fixture,
                                      gconstpointer  data)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (window_child (fixture, "staff_dropdown", GTK_TYPE_DROP_DOWN));
  GListModel *model = gtk_drop_down_get_model (dropdown);
  g_autoptr(AmendsRecord) nobody = NULL;
  g_autoptr(AmendsStaff) first = NULL;
  g_autoptr(AmendsStaff) second = NULL;

  GtkWidget *toggle = amends_ui_test_find_child (GTK_WIDGET (dropdown), NULL, GTK_TYPE_TOGGLE_BUTTON);

  g_assert_true (gtk_widget_get_ancestor (GTK_WIDGET (dropdown), ADW_TYPE_HEADER_BAR) != NULL);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dropdown),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Person at the desk");
  /* Issue 13: the button inside, which has the focus, was read out as
   * "toggle button". */
  g_assert_nonnull (toggle);
  g_assert_true (gtk_widget_get_focusable (toggle));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (toggle),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Person at the desk");

  /* "Who is at the desk?" first, then the active staff by name, then the
   * way to add more. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  nobody = g_list_model_get_item (model, 0);
  g_assert_cmpint (amends_record_get_id (nobody), ==, 0);
  first = g_list_model_get_item (model, 1);
  g_assert_cmpstr (amends_staff_get_name (first), ==, "Ada Moreau");
  second = g_list_model_get_item (model, 2);
  g_assert_cmpstr (amends_staff_get_name (second), ==, "Bilal Okafor");
  {
    g_autoptr(AmendsRecord) add = g_list_model_get_item (model, 3);
    g_assert_cmpint (amends_record_get_id (add), ==, 0);
  }

  /* Nobody is chosen yet, and the button asks. */
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  g_assert_true (tree_has_label (GTK_WIDGET (dropdown), "Who is at the desk?"));
}

/* Issue 13: on a new database the picker offered only "Nobody".  Its last
 * row, "Add People…", opens the staff page; whoever was at the desk stays. */
static void
test_window_staff_picker_adds_people (Fixture       *fixture,
                                      gconstpointer  data)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (window_child (fixture, "staff_dropdown", GTK_TYPE_DROP_DOWN));
  GListModel *model = gtk_drop_down_get_model (dropdown);
  guint last = g_list_model_get_n_items (model) - 1;
  GtkWindow *preferences;

  gtk_drop_down_set_selected (dropdown, find_staff_position (dropdown, fixture->bilal_id));
  amends_ui_test_drain ();
  g_assert_null (find_toplevel (AMENDS_TYPE_PREFERENCES_WINDOW));

  gtk_drop_down_set_selected (dropdown, last);
  amends_ui_test_drain ();

  preferences = find_toplevel (AMENDS_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (fixture->window));
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (preferences)), ==, "staff");

  g_assert_cmpint (selected_staff_id (dropdown), ==, fixture->bilal_id);
  g_assert_cmpint (amends_store_get_actor_id (fixture->store), ==, fixture->bilal_id);
  g_assert_true (tree_has_label (GTK_WIDGET (dropdown), "Bilal Okafor"));
}

static void
test_window_choosing_staff_sets_actor (Fixture       *fixture,
                                       gconstpointer  data)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (window_child (fixture, "staff_dropdown", GTK_TYPE_DROP_DOWN));

  g_assert_cmpint (amends_store_get_actor_id (fixture->store), ==, 0);

  gtk_drop_down_set_selected (dropdown, find_staff_position (dropdown, fixture->bilal_id));
  amends_ui_test_drain ();
  g_assert_cmpint (amends_store_get_actor_id (fixture->store), ==, fixture->bilal_id);
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, "current-staff"), ==, fixture->bilal_id);
  g_assert_true (tree_has_label (GTK_WIDGET (dropdown), "Bilal Okafor"));

  gtk_drop_down_set_selected (dropdown, find_staff_position (dropdown, fixture->ada_id));
  amends_ui_test_drain ();
  g_assert_cmpint (amends_store_get_actor_id (fixture->store), ==, fixture->ada_id);

  /* Leaving the desk: changes are saved without a name again. */
  gtk_drop_down_set_selected (dropdown, 0);
  amends_ui_test_drain ();
  g_assert_cmpint (amends_store_get_actor_id (fixture->store), ==, 0);
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, "current-staff"), ==, 0);
}

static void
test_window_staff_picker_starts_on_saved_person (Fixture       *fixture,
                                                 gconstpointer  data)
{
  GtkDropDown *dropdown;

  g_settings_set_int64 (fixture->settings, "current-staff", fixture->bilal_id);
  fixture_open_window (fixture);

  dropdown = GTK_DROP_DOWN (window_child (fixture, "staff_dropdown", GTK_TYPE_DROP_DOWN));
  g_assert_cmpint (selected_staff_id (dropdown), ==, fixture->bilal_id);
  g_assert_cmpint (amends_store_get_actor_id (fixture->store), ==, fixture->bilal_id);

  /* A change made elsewhere (another window, dconf) is followed. */
  g_settings_set_int64 (fixture->settings, "current-staff", fixture->ada_id);
  amends_ui_test_drain ();
  g_assert_cmpint (selected_staff_id (dropdown), ==, fixture->ada_id);
  g_assert_cmpint (amends_store_get_actor_id (fixture->store), ==, fixture->ada_id);
}

static void
test_window_unknown_saved_person_is_nobody (Fixture       *fixture,
                                            gconstpointer  data)
{
  GtkDropDown *dropdown;

  /* Saved while another database was open: not a person of this one. */
  g_settings_set_int64 (fixture->settings, "current-staff", 4242);
  fixture_open_window (fixture);

  dropdown = GTK_DROP_DOWN (window_child (fixture, "staff_dropdown", GTK_TYPE_DROP_DOWN));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  g_assert_cmpint (amends_store_get_actor_id (fixture->store), ==, 0);
  /* ... and the setting is left alone for that other database. */
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, "current-staff"), ==, 4242);
}

static void
test_window_empty_cases_state (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkStack *cases_stack = GTK_STACK (window_child (fixture, "cases_stack", GTK_TYPE_STACK));
  GtkWidget *empty_page = window_child (fixture, "cases_empty_page", ADW_TYPE_STATUS_PAGE);
  GtkWidget *button = window_child (fixture, "new_case_button", GTK_TYPE_BUTTON);
  GtkWindow *intake;

  g_assert_true (gtk_stack_get_visible_child (cases_stack) == empty_page);
  g_assert_true (gtk_widget_is_drawable (empty_page));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty_page)), ==, "No Cases Yet");

  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.new-case");
  g_assert_true (gtk_widget_is_drawable (button));
  g_assert_true (gtk_widget_is_sensitive (button));

  /* The button opens the quick intake, over the window. */
  g_assert_null (find_toplevel (AMENDS_TYPE_INTAKE_DIALOG));
  g_signal_emit_by_name (button, "clicked");
  amends_ui_test_drain ();
  intake = find_toplevel (AMENDS_TYPE_INTAKE_DIALOG);
  g_assert_nonnull (intake);
  g_assert_true (gtk_window_get_transient_for (intake) == GTK_WINDOW (fixture->window));
  gtk_window_destroy (intake);
  amends_ui_test_drain ();
}

static void
test_window_counts_cases (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkStack *cases_stack;

  insert_case (fixture->store, "Room 12 was not cleaned before check-in");
  insert_case (fixture->store, "Breakfast order was forgotten");
  fixture_open_window (fixture);

  /* With cases, the window opens on the list beside the editor. */
  cases_stack = GTK_STACK (window_child (fixture, "cases_stack", GTK_TYPE_STACK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (cases_stack), ==, "browse");
  g_assert_true (gtk_widget_is_drawable (window_child (fixture, "sidebar", AMENDS_TYPE_CASE_SIDEBAR)));
}

/* Every case in the trash: the window still opens on the list, from
 * which the trash is reached, not on "No Cases Yet". */
static void
test_window_all_in_trash_opens_list (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = amends_case_new ();
  g_autoptr(GError) error = NULL;
  GtkStack *cases_stack;

  amends_case_set_summary (kase, "Room 12 was not cleaned before check-in");
  g_assert_true (amends_store_insert (fixture->store, AMENDS_RECORD (kase), &error));
  g_assert_true (amends_store_trash_case (fixture->store, amends_record_get_id (AMENDS_RECORD (kase)), &error));
  g_assert_no_error (error);
  fixture_open_window (fixture);

  cases_stack = GTK_STACK (window_child (fixture, "cases_stack", GTK_TYPE_STACK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (cases_stack), ==, "browse");
}

static void
test_window_remembers_size (Fixture       *fixture,
                            gconstpointer  data)
{
  int width, height;

  g_settings_set_int (fixture->settings, "window-width", 900);
  g_settings_set_int (fixture->settings, "window-height", 640);
  fixture_open_window (fixture);

  gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 600);
  amends_ui_test_drain ();
  gtk_window_close (GTK_WINDOW (fixture->window));
  amends_ui_test_drain ();

  g_assert_null (fixture->window);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "window-width"), ==, 800);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "window-height"), ==, 600);
  g_assert_false (g_settings_get_boolean (fixture->settings, "window-maximized"));
}

static void
test_app_quit_closes_window (Fixture       *fixture,
                             gconstpointer  data)
{
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 820, 610);
  amends_ui_test_drain ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  amends_ui_test_drain ();

  /* Closed as by the user, so the size it had is kept for next time. */
  g_assert_null (fixture->window);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "window-width"), ==, 820);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "window-height"), ==, 610);
}

static void
test_app_activate_opens_window (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  amends_ui_test_drain ();

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (AMENDS_IS_WINDOW (window));
  g_assert_true (amends_window_get_store (AMENDS_WINDOW (window)) == fixture->store);
  g_assert_true (amends_application_get_store (app) == fixture->store);

  /* A second launch presents the same window. */
  g_application_activate (G_APPLICATION (app));
  amends_ui_test_drain ();
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
}

static void
test_app_preferences_follow_settings (Fixture       *fixture,
                                      gconstpointer  data)
{
  GtkWindow *preferences;
  GtkWidget *row;
  GtkWidget *spin;

  g_settings_set_string (fixture->settings, "organisation-name", "Hotel Sol");
  g_settings_set_int (fixture->settings, "recovery-target-hours", 48);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  amends_ui_test_drain ();

  preferences = find_toplevel (AMENDS_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (fixture->window));

  row = amends_ui_test_find_child (GTK_WIDGET (preferences), "organisation_row", ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Hotel Sol");

  /* The desk's old recovery target is only the store's last fallback
   * now; the targets are the database's, on their own page. */
  g_assert_cmpint (amends_store_get_recovery_target_hours (fixture->store), ==, 48);
  g_assert_null (amends_ui_test_find_child (GTK_WIDGET (preferences), "recovery_target_spin", GTK_TYPE_SPIN_BUTTON));
  spin = amends_ui_test_find_child (GTK_WIDGET (preferences), NULL, AMENDS_TYPE_TARGETS_PAGE);
  g_assert_nonnull (spin);

  g_settings_reset (fixture->settings, "organisation-name");
  g_settings_reset (fixture->settings, "recovery-target-hours");
}

static void
test_app_about_opens (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  amends_ui_test_drain ();

  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
}

/* Whether @model, or a section or submenu of it, has an item for @action. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = NULL;
      g_autoptr(GMenuModel) submenu = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;

      section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);
      if ((section != NULL && menu_has_action (section, action)) ||
          (submenu != NULL && menu_has_action (submenu, action)))
        return TRUE;
    }

  return FALSE;
}

/* The user guide opens from the main menu and with F1.  Yelp itself is
 * not started here: the action, its key and its menu item are what Amends
 * owns; gtk_show_uri () is GTK's. */
static void
test_app_help_in_menu_and_f1 (Fixture       *fixture,
                              gconstpointer  data)
{
  g_auto(GStrv) accels = NULL;
  GtkWidget *button;
  GMenuModel *menu;

  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (app), "help"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "help"));
  g_assert_null (g_action_group_get_action_parameter_type (G_ACTION_GROUP (app), "help"));

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");
  g_assert_cmpuint (g_strv_length (accels), ==, 1);
  g_assert_cmpstr (accels[0], ==, "F1");

  button = amends_ui_test_find_child (GTK_WIDGET (fixture->window), "primary_menu_button",
                                      GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);
  g_assert_true (menu_has_action (menu, "app.help"));
}

static void
on_error_app_activated_cb (GApplication *error_app,
                           gboolean     *shown)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (error_app));
  GtkWidget *status_page;

  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_assert_false (AMENDS_IS_WINDOW (windows->data));
  g_assert_null (amends_application_get_store (AMENDS_APPLICATION (error_app)));

  status_page = amends_ui_test_find_child (windows->data, NULL, ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status_page);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status_page)), ==,
                   "Could Not Open the Database");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status_page)),
                            "is not an Amends database"));
  *shown = TRUE;

  /* The last window gone, g_application_run() returns. */
  gtk_window_destroy (windows->data);
}

static void
test_app_unopenable_database_shows_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GApplication) error_app = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  const char *text = "Guest list, not a database\n";
  const char *argv[] = { "amends", "--database", NULL, NULL };
  gboolean shown = FALSE;
  int status;

  dir = g_dir_make_tmp ("amends-ui-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "guests.db", NULL);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  argv[2] = path;

  /* No application id: this one must not meet the other on the bus. */
  error_app = g_object_new (AMENDS_TYPE_APPLICATION, NULL);
  g_signal_connect_after (error_app, "activate",
                          G_CALLBACK (on_error_app_activated_cb), &shown);
  status = g_application_run (error_app, 3, (char **) argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (shown);

  /* Never touched: the same bytes, and no journal beside it. */
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, text);
  g_unlink (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

typedef struct
{
  char     *backups;
  gboolean  activated;
  gboolean  painted;
} StartUp;

static guint
count_backups (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static void
on_start_up_painted_cb (GdkFrameClock *clock,
                        StartUp       *start_up)
{
  start_up->painted = TRUE;
}

/* Right after the window is presented, before its first frame: the store
 * answers, its integrity check has not run, and no backup is taken. */
static void
on_start_up_activated_cb (GApplication *start_app,
                          StartUp      *start_up)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (start_app));
  AmendsStore *store = amends_application_get_store (AMENDS_APPLICATION (start_app));
  GdkFrameClock *clock;

  g_assert_true (AMENDS_IS_WINDOW (window));
  g_assert_cmpint (amends_store_count_cases (store, NULL), ==, 1);
  g_assert_true (amends_store_get_checking (store));
  start_up->activated = TRUE;

  /* Held, so that what follows the first frame can be seen in order. */
  amends_store_hold_integrity_check (store, TRUE);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_start_up_painted_cb), start_up);
  while (!start_up->painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_func (clock, on_start_up_painted_cb, start_up);
  amends_ui_test_drain ();

  /* Painted: the check is under way, the backup waits for its verdict. */
  g_assert_true (amends_store_get_checking (store));
  g_assert_cmpuint (count_backups (start_up->backups), ==, 0);

  amends_store_hold_integrity_check (store, FALSE);
  while (amends_store_get_checking (store))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (amends_store_get_damaged (store));

  /* The day's backup follows, in the background. */
  while (count_backups (start_up->backups) == 0)
    g_main_context_iteration (NULL, TRUE);

  /* As when the session ends: Amends quits as if asked, and
   * g_application_run() returns. */
  raise (SIGTERM);
}

static void
test_app_start_up_defers_check_and_backup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GApplication) start_app = NULL;
  g_autoptr(AmendsStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *argv[] = { "amends", "--database", NULL, NULL };
  StartUp start_up = { NULL, FALSE, FALSE };
  int status;

  dir = g_dir_make_tmp ("amends-ui-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "start.db", NULL);
  store = amends_store_open (path, &error);
  g_assert_no_error (error);
  insert_case (store, "Cold soup");
  g_clear_object (&store);
  argv[2] = path;

  /* main() points the user's data folder at a temporary one. */
  start_up.backups = amends_backup_get_folder ();
  g_assert_cmpuint (count_backups (start_up.backups), ==, 0);

  start_app = g_object_new (AMENDS_TYPE_APPLICATION, NULL);
  g_signal_connect_after (start_app, "activate",
                          G_CALLBACK (on_start_up_activated_cb), &start_up);
  status = g_application_run (start_app, 3, (char **) argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (start_up.activated);
  g_assert_cmpuint (count_backups (start_up.backups), ==, 1);

  remove_tree (start_up.backups);
  g_free (start_up.backups);
  remove_tree (dir);
}

/* Saves what the window looks like to $AMENDS_SCREENSHOT, for people to
 * look at (not compared with anything). */
static gboolean
on_waited_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The main loop for @ms milliseconds: the toasts' animations run on it. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_waited_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
on_toast_gone_cb (AdwToast *toast,
                  guint    *n_gone)
{
  (*n_gone)++;
}

/* Toasts in quick succession, as Ctrl+Delete then Ctrl+Z make them: in
 * libadwaita 1.2 a toast hidden while its show animation still ran was
 * freed under that animation, whose end then wrote into freed memory
 * (a crash now and then; AddressSanitizer reports it every time).  Each
 * toast still replaces the one before, and the window closes cleanly in
 * the middle of the animations. */
static void
test_window_toasts_in_quick_succession (Fixture       *fixture,
                                        gconstpointer  data)
{
  const char *titles[] = { "First", "Second", "Third", "Fourth" };
  guint n_gone = 0;

  fixture_open_window (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      AdwToast *toast = adw_toast_new (titles[i]);

      adw_toast_set_timeout (toast, 0);
      g_signal_connect (toast, "dismissed", G_CALLBACK (on_toast_gone_cb), &n_gone);
      amends_window_add_toast (fixture->window, toast);
      run_for (i == 2 ? 900 : i == 3 ? 700 : 80);
    }

  /* The first three made way (the second, replaced before it was shown,
   * without being seen); the last one is the one shown. */
  g_assert_cmpuint (n_gone, ==, 3);
  g_assert_nonnull (fixture->window->toast);
  g_assert_cmpstr (adw_toast_get_title (fixture->window->toast), ==, "Fourth");

  /* The last one leaves as the window closes, after @n_gone is gone. */
  g_signal_handlers_disconnect_by_func (fixture->window->toast, on_toast_gone_cb, &n_gone);
}

static void
test_window_screenshot (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *path = g_getenv ("AMENDS_SCREENSHOT");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  GskRenderer *renderer;
  int width, height;

  if (path == NULL || path[0] == '\0')
    {
      g_test_skip ("Set AMENDS_SCREENSHOT to a PNG path to save a screenshot");
      return;
    }

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 720);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  amends_ui_test_drain ();

  width = gtk_widget_get_width (GTK_WIDGET (fixture->window));
  height = gtk_widget_get_height (GTK_WIDGET (fixture->window));
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (GTK_WIDGET (fixture->window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (GTK_NATIVE (fixture->window));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved a screenshot of %dx%d to %s", width, height, path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int status;

  /* Never touch the user's own settings, whatever the environment says,
   * nor their backups: the data folder is a temporary one. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  data_home = g_dir_make_tmp ("amends-ui-window-data-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);

  app = amends_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD_TEST(path, func, setup) \
  g_test_add (path, Fixture, NULL, setup, func, fixture_tear_down)

  ADD_TEST ("/ui/window/has-three-views", test_window_has_three_views, fixture_set_up);
  ADD_TEST ("/ui/window/views-by-keyboard", test_window_views_by_keyboard, fixture_set_up);
  ADD_TEST ("/ui/window/staff-picker-lists-staff", test_window_staff_picker_lists_staff, fixture_set_up);
  ADD_TEST ("/ui/window/choosing-staff-sets-actor", test_window_choosing_staff_sets_actor, fixture_set_up);
  ADD_TEST ("/ui/window/staff-picker-adds-people", test_window_staff_picker_adds_people, fixture_set_up);
  ADD_TEST ("/ui/window/staff-picker-starts-on-saved-person",
            test_window_staff_picker_starts_on_saved_person, fixture_set_up_store);
  ADD_TEST ("/ui/window/unknown-saved-person-is-nobody",
            test_window_unknown_saved_person_is_nobody, fixture_set_up_store);
  ADD_TEST ("/ui/window/empty-cases-state-logs-first-case", test_window_empty_cases_state, fixture_set_up);
  ADD_TEST ("/ui/window/opens-on-the-list-when-there-are-cases", test_window_counts_cases, fixture_set_up_store);
  ADD_TEST ("/ui/window/opens-on-the-list-when-all-are-in-the-trash", test_window_all_in_trash_opens_list, fixture_set_up_store);
  ADD_TEST ("/ui/window/remembers-size", test_window_remembers_size, fixture_set_up_store);
  ADD_TEST ("/ui/app/quit-closes-window", test_app_quit_closes_window, fixture_set_up);
  ADD_TEST ("/ui/app/activate-opens-one-window", test_app_activate_opens_window, fixture_set_up_store);
  ADD_TEST ("/ui/app/preferences-follow-settings", test_app_preferences_follow_settings, fixture_set_up);
  ADD_TEST ("/ui/app/about-shows-version", test_app_about_opens, fixture_set_up);
  ADD_TEST ("/ui/app/help-in-menu-and-f1", test_app_help_in_menu_and_f1, fixture_set_up);
  ADD_TEST ("/ui/window/toasts-in-quick-succession", test_window_toasts_in_quick_succession, fixture_set_up);
  ADD_TEST ("/ui/window/screenshot", test_window_screenshot, fixture_set_up);

#undef ADD_TEST

  g_test_add_func ("/ui/app/unopenable-database-shows-error",
                   test_app_unopenable_database_shows_error);
  g_test_add_func ("/ui/app/start-up-checks-and-backs-up-after-first-frame",
                   test_app_start_up_defers_check_and_backup);

  status = g_test_run ();

  g_object_unref (app);
  {
    g_autofree char *amends_data = g_build_filename (data_home, "amends", NULL);

    remove_tree (amends_data);
    g_rmdir (data_home);
  }

  return status;
}
