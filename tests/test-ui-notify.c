/* test-ui-notify.c: desktop notifications reach the session bus, and a
 * click on one opens its case
 *
 * The test owns org.freedesktop.Notifications on its private session bus
 * (tests/run-headless) with a small GDBus object that records each
 * Notify call: the application's GNotification goes there over D-Bus as
 * it would to a desktop's notification server, not through a stand-in of
 * our code.  The click is the server's ActionInvoked signal.
 *
 * The store's clock stands at 2026-11-18 10:00 UTC (amends-test-utils.c);
 * a case is due 24 h after it happened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-ui-test-utils.h"

#include <adwaita.h>

#include "amends-application.h"
#include "amends-case-sidebar.h"
#include "amends-notifier.h"
#include "amends-reminders-page.h"
#include "amends-test-utils.h"
#include "amends-window.h"

static const char server_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "  </interface>"
  "</node>";

typedef struct
{
  guint32  id;
  char    *summary;
  char    *body;
  GStrv    actions;
} Shown;

static void
shown_free (Shown *shown)
{
  g_free (shown->summary);
  g_free (shown->body);
  g_strfreev (shown->actions);
  g_free (shown);
}

static AmendsApplication *app;
static GDBusConnection *bus;
static GPtrArray *shown;      /* Shown, in the order they came */
static GArray *closed;        /* guint32: the ids CloseNotification was asked for */
static gboolean name_owned;

static void
on_server_call_cb (GDBusConnection       *connection,
                   const char            *sender,
                   const char            *path,
                   const char            *interface,
                   const char            *method,
                   GVariant              *parameters,
                   GDBusMethodInvocation *invocation,
                   gpointer               user_data)
{
  if (g_str_equal (method, "Notify"))
    {
      Shown *s = g_new0 (Shown, 1);

      g_variant_get (parameters, "(&su&sss^asa{sv}i)", NULL, NULL, NULL,
                     &s->summary, &s->body, &s->actions, NULL, NULL);
      s->id = shown->len + 1;
      g_ptr_array_add (shown, s);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", s->id));
    }
  else if (g_str_equal (method, "CloseNotification"))
    {
      guint32 id;

      g_variant_get (parameters, "(u)", &id);
      g_array_append_val (closed, id);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else if (g_str_equal (method, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "test", "amends", "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
on_name_acquired_cb (GDBusConnection *connection,
                     const char      *name,
                     gpointer         user_data)
{
  name_owned = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
start_server (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (server_xml, &error);
  const GDBusInterfaceVTable vtable = { on_server_call_cb, NULL, NULL, { 0 } };

  g_assert_no_error (error);
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications", info->interfaces[0],
                                     &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  g_bus_own_name_on_connection (bus, "org.freedesktop.Notifications", G_BUS_NAME_OWNER_FLAGS_NONE,
                                on_name_acquired_cb, NULL, NULL, NULL);
  amends_ui_test_wait_until (is_true, &name_owned);
}

/* A round trip to the server: every Notify sent before it has arrived. */
static void
on_flushed_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);

  *(gboolean *) user_data = TRUE;
}

static void
flush_server (void)
{
  gboolean done = FALSE;

  g_dbus_connection_call (bus, "org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                          "org.freedesktop.Notifications", "GetCapabilities", NULL, NULL,
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, on_flushed_cb, &done);
  amends_ui_test_wait_until (is_true, &done);
}

typedef struct
{
  AmendsTestDb   db;
  GSettings     *settings;
  AmendsWindow  *window;
  gint64         ada_id;
  gint64         bilal_id;
  AmendsCase    *soon;      /* Ada's, due in an hour */
  AmendsCase    *others;    /* Bilal's, an hour overdue */
  AmendsCase    *later;     /* Ada's, due in 23 h */
  AmendsCase    *escalated; /* Bilal's, 5 h overdue */
} Fixture;

static AmendsCase *
add_case (Fixture    *f,
          const char *summary,
          gint        hours_ago,
          gint64      owner_id)
{
  g_autoptr(GDateTime) occurred = g_date_time_add_hours (f->db.now, -hours_ago);
  g_autoptr(GError) error = NULL;
  AmendsCase *kase = amends_case_new ();

  g_object_set (kase, "summary", summary, "occurred-at", occurred, "owner-id", owner_id, NULL);
  amends_store_insert (f->db.store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  return kase;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AmendsStaff) ada = NULL;
  g_autoptr(AmendsStaff) bilal = NULL;

  amends_test_db_setup (&f->db, data);
  ada = amends_test_add_staff (f->db.store, "Ada Moreau");
  bilal = amends_test_add_staff (f->db.store, "Bilal Okafor");
  f->ada_id = amends_record_get_id (AMENDS_RECORD (ada));
  f->bilal_id = amends_record_get_id (AMENDS_RECORD (bilal));

  f->soon = add_case (f, "Room not ready", 23, f->ada_id);
  f->others = add_case (f, "Cold breakfast", 25, f->bilal_id);
  f->later = add_case (f, "Broken kettle", 1, f->ada_id);
  f->escalated = add_case (f, "No hot water", 29, f->bilal_id);

  f->settings = g_settings_new (APP_ID);
  g_settings_set_int64 (f->settings, "current-staff", f->ada_id);

  g_ptr_array_set_size (shown, 0);
  g_array_set_size (closed, 0);
  amends_application_set_store (app, f->db.store);

  f->window = amends_window_new (GTK_APPLICATION (app), f->db.store);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_wait_for_cases (GTK_WIDGET (f->window));
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
  g_assert_null (f->window);

  amends_application_set_store (app, NULL);
  g_clear_object (&f->soon);
  g_clear_object (&f->others);
  g_clear_object (&f->later);
  g_clear_object (&f->escalated);
  g_settings_reset (f->settings, "current-staff");
  g_clear_object (&f->settings);
  amends_test_db_teardown (&f->db, data);
}

static gboolean
has_shown (gpointer data)
{
  return shown->len >= GPOINTER_TO_UINT (data);
}

static gint64
selected_id (Fixture *f)
{
  GtkWidget *sidebar = amends_ui_test_find_child (GTK_WIDGET (f->window), NULL, AMENDS_TYPE_CASE_SIDEBAR);
  AmendsCase *kase = amends_case_sidebar_get_selected_case (AMENDS_CASE_SIDEBAR (sidebar));

  return kase != NULL ? amends_record_get_id (AMENDS_RECORD (kase)) : 0;
}

typedef struct
{
  Fixture *f;
  gint64   id;
} Selection;

static gboolean
is_selected (gpointer data)
{
  Selection *selection = data;

  return selection->f->window != NULL && selected_id (selection->f) == selection->id;
}

/* Ada is at the desk: her case due in an hour is "due soon"; Bilal's
 * overdue cases are his, told on his desk, and she is no lead. */
static void
test_notify_sends_and_click_opens (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *title = g_strdup_printf ("Due soon: %s", amends_case_get_reference (f->soon));
  const Shown *s;
  Selection selection = { f, 0 };

  amends_ui_test_wait_until (has_shown, GUINT_TO_POINTER (1));
  flush_server ();

  g_assert_cmpuint (shown->len, ==, 1);
  s = g_ptr_array_index (shown, 0);
  g_test_message ("Notification: %s — %s", s->summary, s->body);
  g_assert_cmpstr (s->summary, ==, title);
  g_assert_nonnull (strstr (s->body, "Room not ready"));
  g_assert_nonnull (strstr (s->body, "Due today 11:00"));
  /* Clickable: the server is offered the default action. */
  g_assert_true (g_strv_contains ((const char * const *) s->actions, "default"));

  /* The person is looking at another case when they click. */
  selection.id = amends_record_get_id (AMENDS_RECORD (f->later));
  g_assert_true (amends_case_sidebar_select_case (AMENDS_CASE_SIDEBAR (
    amends_ui_test_find_child (GTK_WIDGET (f->window), NULL, AMENDS_TYPE_CASE_SIDEBAR)), selection.id));
  amends_ui_test_wait_until (is_selected, &selection);

  g_dbus_connection_emit_signal (bus, NULL, "/org/freedesktop/Notifications",
                                 "org.freedesktop.Notifications", "ActionInvoked",
                                 g_variant_new ("(us)", s->id, "default"), NULL);
  selection.id = amends_record_get_id (AMENDS_RECORD (f->soon));
  amends_ui_test_wait_until (is_selected, &selection);
}

/* A lead at the desk hears of Bilal's case, 5 h overdue: more than 4 h. */
static void
test_notify_escalates_to_lead (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(AmendsStaff) ada = amends_store_load (f->db.store, AMENDS_TYPE_STAFF, f->ada_id, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("Needs a lead: %s", amends_case_get_reference (f->escalated));
  gboolean found = FALSE;

  amends_ui_test_wait_until (has_shown, GUINT_TO_POINTER (1));

  /* Made a lead in Preferences → Staff: the store reports the change,
   * and the notifier reads again. */
  g_object_set (ada, "lead", TRUE, NULL);
  amends_store_update (f->db.store, AMENDS_RECORD (ada), &error);
  g_assert_no_error (error);

  amends_ui_test_wait_until (has_shown, GUINT_TO_POINTER (2));
  flush_server ();
  g_assert_cmpuint (shown->len, ==, 2);
  for (guint i = 0; i < shown->len; i++)
    {
      const Shown *s = g_ptr_array_index (shown, i);

      g_test_message ("Notification: %s — %s", s->summary, s->body);
      found |= g_str_equal (s->summary, title);
    }
  g_assert_true (found);
}

static gboolean
has_closed (gpointer data)
{
  return closed->len >= GPOINTER_TO_UINT (data);
}

/* Ada recovers the case she was told is due soon: the notification
 * goes away from the desktop (GIO's freedesktop backend asks the server
 * to close it), and is not sent again. */
static void
test_notify_withdrawn_when_recovered (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const Shown *s;

  amends_ui_test_wait_until (has_shown, GUINT_TO_POINTER (1));
  flush_server ();
  g_assert_cmpuint (shown->len, ==, 1);
  s = g_ptr_array_index (shown, 0);
  g_assert_cmpuint (closed->len, ==, 0);

  g_object_set (f->soon, "status", AMENDS_CASE_STATUS_RECOVERED, "recovered-at", f->db.now,
                "fix", "Room made up, upgrade offered", NULL);
  amends_store_update (f->db.store, AMENDS_RECORD (f->soon), &error);
  g_assert_no_error (error);

  amends_ui_test_wait_until (has_closed, GUINT_TO_POINTER (1));
  flush_server ();
  g_assert_cmpuint (closed->len, ==, 1);
  g_assert_cmpuint (g_array_index (closed, guint32, 0), ==, s->id);
  g_assert_cmpuint (shown->len, ==, 1);
}

/* A notifier started again (the service after a restart) reads what was
 * sent from its state file, and sends nothing twice. */
static void
test_notify_once_across_restarts (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(AmendsNotifier) again = NULL;

  amends_ui_test_wait_until (has_shown, GUINT_TO_POINTER (1));
  flush_server ();

  again = amends_notifier_new (G_APPLICATION (app), f->db.store, f->settings);
  /* Its first look is done when its timer is armed: for the "due soon"
   * case going overdue at 11:00:01. */
  while (amends_notifier_get_next_wake (again) == G_MAXINT64)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (amends_notifier_get_next_wake (again), ==,
                   g_date_time_to_unix (f->db.now) + 3600 + 1);
  flush_server ();

  g_assert_cmpuint (amends_notifier_get_n_sent (again), ==, 0);
  g_assert_cmpuint (shown->len, ==, 1);
}

/* Preferences → Reminders, and "Needs a Lead" in the case list, as a
 * person sees them. */
static void
test_notify_screenshots (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *prefs_png = g_build_filename (amends_ui_test_screenshot_dir (), "reminders-preferences.png", NULL);
  g_autofree char *lead_png = g_build_filename (amends_ui_test_screenshot_dir (), "needs-a-lead.png", NULL);
  GtkWidget *sidebar = amends_ui_test_find_child (GTK_WIDGET (f->window), NULL, AMENDS_TYPE_CASE_SIDEBAR);
  GtkWindow *preferences = NULL;
  GtkWidget *page;
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkListView *list;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  amends_ui_test_drain ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_PREFERENCES_WINDOW (window))
        preferences = window;
    }
  g_assert_nonnull (preferences);
  page = amends_ui_test_find_child (GTK_WIDGET (preferences), NULL, AMENDS_TYPE_REMINDERS_PAGE);
  g_assert_nonnull (page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences), ADW_PREFERENCES_PAGE (page));
  gtk_window_set_default_size (preferences, 600, 900);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (preferences));
  amends_ui_test_drain ();
  amends_ui_test_save_png (GTK_WIDGET (preferences), prefs_png);
  gtk_window_destroy (preferences);

  /* "Needs a Lead": Bilal's case 5 h overdue; not the one 1 h overdue. */
  gtk_widget_activate_action (sidebar, "sidebar.needs-lead", NULL);
  amends_ui_test_wait_for_cases (sidebar);
  list = GTK_LIST_VIEW (amends_ui_test_find_child (sidebar, NULL, GTK_TYPE_LIST_VIEW));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, 1);
  {
    g_autoptr(AmendsCase) first = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list)), 0);

    g_assert_cmpint (amends_record_get_id (AMENDS_RECORD (first)), ==,
                     amends_record_get_id (AMENDS_RECORD (f->escalated)));
  }
  amends_ui_test_save_png (GTK_WIDGET (f->window), lead_png);
}

/* The autostart entry is written and removed with the switch. */
/* The application lets go of a database as soon as it is told to, though
 * the notifier's questions to the bus (who shows notifications?) are
 * still unanswered: the file is closed there and then.  A fast UI test
 * whose teardown checked that once failed when the bus answered late. */
static void
test_store_let_go_at_once (void)
{
  AmendsTestDb db = { 0 };

  amends_test_db_setup (&db, NULL);
  amends_application_set_store (app, db.store);

  /* No main-loop iteration in between: no answer can have come. */
  amends_application_set_store (app, NULL);
  amends_test_db_teardown (&db, NULL);

  /* The answers come to a notifier that has nothing left to do. */
  amends_ui_test_drain ();
}

static void
test_autostart_switch (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = amends_reminders_dup_autostart_path ();
  g_autofree char *contents = NULL;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_settings_set_boolean (f->settings, "remind-while-closed", TRUE);
  {
    /* Only a page on screen writes it, as Preferences does. */
    g_autoptr(AmendsRemindersPage) page = g_object_ref_sink (amends_reminders_page_new ());

    g_settings_set_boolean (f->settings, "remind-while-closed", FALSE);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_settings_set_boolean (f->settings, "remind-while-closed", TRUE);
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "Exec=amends --gapplication-service"));
    g_settings_set_boolean (f->settings, "remind-while-closed", FALSE);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  g_autofree char *config = NULL;
  int status;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  /* The state file of what was sent, and the autostart entry: never the
   * user's own. */
  state = g_dir_make_tmp ("amends-ui-notify-state-XXXXXX", &error);
  g_assert_no_error (error);
  config = g_dir_make_tmp ("amends-ui-notify-config-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  gtk_test_init (&argc, &argv, NULL);

  shown = g_ptr_array_new_with_free_func ((GDestroyNotify) shown_free);
  closed = g_array_new (FALSE, FALSE, sizeof (guint32));
  start_server ();

  app = amends_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/ui/notify/store-let-go-at-once", test_store_let_go_at_once);

  ADD_TEST ("/ui/notify/due-soon-sent-and-click-opens-case", test_notify_sends_and_click_opens);
  ADD_TEST ("/ui/notify/escalated-to-lead-at-desk", test_notify_escalates_to_lead);
  ADD_TEST ("/ui/notify/once-across-restarts", test_notify_once_across_restarts);
  ADD_TEST ("/ui/notify/withdrawn-when-recovered", test_notify_withdrawn_when_recovered);
  ADD_TEST ("/ui/notify/screenshots", test_notify_screenshots);
  ADD_TEST ("/ui/notify/autostart-switch", test_autostart_switch);

#undef ADD_TEST

  status = g_test_run ();

  g_object_unref (app);
  g_clear_object (&bus);
  g_clear_pointer (&shown, g_ptr_array_unref);
  g_clear_pointer (&closed, g_array_unref);

  return status;
}
