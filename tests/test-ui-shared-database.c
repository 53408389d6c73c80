/* test-ui-shared-database.c: the window and Preferences on a shared database (issue 16)
 *
 * The subtitle that names the database, the offline bar, Preferences →
 * Shared Database testing a connection and connecting, the error window
 * of a server that cannot be reached, and the password kept out of
 * everything shown.
 *
 * The server tests run on the private PostgreSQL server that
 * tests/pg-cluster starts for this program (AMENDS_TEST_PG); meson runs
 * them with AMENDS_TEST_REQUIRE_PG=1, so that a missing server fails
 * rather than skips.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-ui-test-utils.h"

#include <string.h>

#include <glib/gstdio.h>

#include "amends-application-private.h"
#include "amends-database-login.h"
#include "amends-preferences-window.h"
#include "amends-shared-database-page.h"
#include "amends-test-utils.h"
#include "amends-window-private.h"

static AmendsApplication *app;

typedef struct
{
  char         *dir;
  AmendsStore  *store;
  GSettings    *settings;
  AmendsWindow *window;
} Fixture;

static void
destroy_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  amends_ui_test_drain ();
}

static AmendsWindow *
find_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (AMENDS_IS_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return AMENDS_WINDOW (window);
    }

  return NULL;
}

static GtkWindow *
find_other_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (!AMENDS_IS_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("amends-ui-shared-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "amends.db", NULL);
  f->store = amends_store_open (path, &error);
  g_assert_no_error (error);

  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "database-location");
  g_settings_reset (f->settings, "window-width");
  g_settings_reset (f->settings, "window-height");

  amends_application_set_store (app, f->store);
  f->window = amends_window_new (GTK_APPLICATION (app), f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  destroy_windows ();
  amends_application_set_store (app, NULL);
  g_clear_object (&f->store);
  g_settings_reset (f->settings, "database-location");
  g_clear_object (&f->settings);
  amends_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* Every label's text below @widget, one a line. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

/* As narrow as the window goes (360 px asked; its least width may be a
 * few pixels more under Xvfb), with the title in the header bar. */
static gboolean
window_is_narrow (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_width (GTK_WIDGET (f->window)) <= 370 &&
         adw_view_switcher_title_get_title_visible (f->window->switcher_title);
}

/* The header bar names the file in use: as the title's subtitle, and to
 * screen readers; wide and narrow. */
static void
test_subtitle_names_the_file (Fixture       *f,
                              gconstpointer  data)
{
  AdwViewSwitcherTitle *title = f->window->switcher_title;
  g_autofree char *wide = g_build_filename (amends_ui_test_screenshot_dir (), "shared-database-subtitle-wide.png", NULL);
  g_autofree char *narrow = g_build_filename (amends_ui_test_screenshot_dir (), "shared-database-subtitle-narrow.png", NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, "amends.db");

  /* A case in the list: the empty database's page is wider than 360 px. */
  g_object_unref (amends_test_add_case (f->store, "Cold soup", NULL));
  amends_ui_test_wait_for_cases (GTK_WIDGET (f->window));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 720);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();
  amends_ui_test_save_png (GTK_WIDGET (f->window), wide);
  /* Wide, the view switcher has the title's place: the name is beside
   * the main menu. */
  g_assert_false (adw_view_switcher_title_get_title_visible (title));
  g_assert_true (gtk_widget_get_mapped (f->window->database_name_box));
  g_assert_cmpstr (gtk_label_get_text (f->window->database_name_label), ==, "amends.db");

  /* On a narrow window the title shows, and its subtitle under it. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  amends_ui_test_wait_until (window_is_narrow, f);
  amends_ui_test_save_png (GTK_WIDGET (f->window), narrow);
  g_assert_true (adw_view_switcher_title_get_title_visible (title));
  collect_text (GTK_WIDGET (title), text);
  g_assert_nonnull (strstr (text->str, "Amends\namends.db\n"));
  g_assert_false (gtk_widget_get_visible (f->window->database_name_squeezer));
}

/* The store's "online" property as a server's would go: lost, then back.
 * On a store of a real server (once the store opens one), the server
 * ends the store's session from another connection, and the store finds
 * it back by itself; on a file, the property is set by hand, which is
 * all that can be tested of the window before then. */
static void
lose_connection (AmendsStore *store)
{
  if (amends_store_get_shared (store))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AmendsDb) db = amends_db_open (amends_test_server_location (), &error);

      g_assert_no_error (error);
      amends_test_db_exec (db, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                               "WHERE application_name = 'Amends' AND pid <> pg_backend_pid()");
      return;
    }

  store->offline = TRUE;
  g_object_notify (G_OBJECT (store), "online");
}

static void
come_back (AmendsStore *store)
{
  if (amends_store_get_shared (store))
    return;

  store->offline = FALSE;
  g_object_notify (G_OBJECT (store), "online");
}

static gboolean
banner_shown (gpointer data)
{
  Fixture *f = data;

  return gtk_revealer_get_child_revealed (f->window->offline_banner);
}

static gboolean
banner_hidden (gpointer data)
{
  Fixture *f = data;

  return !gtk_revealer_get_reveal_child (f->window->offline_banner) &&
         !gtk_revealer_get_child_revealed (f->window->offline_banner);
}

static void
check_offline_bar (Fixture *f)
{
  g_autofree char *png = g_build_filename (amends_ui_test_screenshot_dir (), "shared-database-offline.png", NULL);

  g_assert_true (amends_store_get_online (f->store));
  g_assert_false (gtk_revealer_get_reveal_child (f->window->offline_banner));

  lose_connection (f->store);
  amends_ui_test_wait_until (banner_shown, f);
  g_assert_cmpstr (gtk_label_get_text (f->window->offline_banner_label), ==, "Offline — reconnecting…");
  amends_ui_test_save_png (GTK_WIDGET (f->window), png);

  come_back (f->store);
  amends_ui_test_wait_until (banner_hidden, f);
  g_assert_true (amends_store_get_online (f->store));
}

static void
test_offline_bar_follows_online (Fixture       *f,
                                 gconstpointer  data)
{
  check_offline_bar (f);
}

/* Preferences → Shared Database, as a person reaches it. */
static AmendsSharedDatabasePage *
open_page (Fixture *f)
{
  AmendsPreferencesWindow *preferences;
  GtkWidget *page;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "app.preferences", NULL);
  amends_ui_test_drain ();
  preferences = AMENDS_PREFERENCES_WINDOW (find_other_window ());
  g_assert_nonnull (preferences);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "shared-database");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (preferences));
  amends_ui_test_drain ();

  page = amends_ui_test_find_child (GTK_WIDGET (preferences), NULL, AMENDS_TYPE_SHARED_DATABASE_PAGE);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));

  return AMENDS_SHARED_DATABASE_PAGE (page);
}

static const char *
page_result (AmendsSharedDatabasePage *page)
{
  GtkWidget *row = amends_ui_test_find_child (GTK_WIDGET (page), "result_row", ADW_TYPE_ACTION_ROW);

  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static gboolean
page_tested (gpointer data)
{
  const char *result = page_result (data);

  return g_strcmp0 (result, "Connecting…") != 0 && g_strcmp0 (result, "Not tested yet") != 0;
}

static void
type_location (AmendsSharedDatabasePage *page,
               const char               *location)
{
  GtkWidget *row = amends_ui_test_find_child (GTK_WIDGET (page), "location_row", ADW_TYPE_ENTRY_ROW);

  gtk_editable_set_text (GTK_EDITABLE (row), location);
}

static void
test_page_tests_a_server (Fixture       *f,
                          gconstpointer  data)
{
  const char *location = amends_test_server_location ();
  g_autofree char *png = g_build_filename (amends_ui_test_screenshot_dir (), "shared-database-page.png", NULL);
  AmendsSharedDatabasePage *page;

  if (location == NULL)
    {
      amends_test_skip_no_server ();
      return;
    }

  page = open_page (f);
  type_location (page, location);
  gtk_widget_activate_action (GTK_WIDGET (page), "shared-database.test", NULL);
  amends_ui_test_wait_until (page_tested, page);

  /* pg-cluster's database is "amends", on a socket of this computer;
   * Debian 12's PostgreSQL is 15. */
  g_assert_cmpstr (page_result (page), ==, "Connected to amends on this computer (PostgreSQL 15)");

  /* The result, where the person looks: beside the buttons. */
  {
    GtkWidget *scroller = amends_ui_test_find_child (GTK_WIDGET (page), NULL, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))));
  amends_ui_test_drain ();
  amends_ui_test_save_png (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), png);

  /* A test changes nothing: the same database, no setting. */
  g_assert_true (amends_application_get_store (app) == f->store);
  g_assert_cmpstr (g_settings_get_string (f->settings, "database-location"), ==, "");
}

static void
test_page_tests_no_server (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *location = g_strdup_printf ("host=%s dbname=amends user=amends", f->dir);
  AmendsSharedDatabasePage *page = open_page (f);

  type_location (page, location);
  gtk_widget_activate_action (GTK_WIDGET (page), "shared-database.test", NULL);
  amends_ui_test_wait_until (page_tested, page);

  g_assert_true (g_str_has_prefix (page_result (page),
                                   "The database server for “amends on this computer” cannot be reached ("));
  g_assert_true (amends_application_get_store (app) == f->store);
}

/* A file's name is no server: the page says so and makes no file. */
static void
test_page_refuses_a_file (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "other.db", NULL);
  AmendsSharedDatabasePage *page = open_page (f);

  type_location (page, path);
  gtk_widget_activate_action (GTK_WIDGET (page), "shared-database.test", NULL);
  amends_ui_test_drain ();

  g_assert_true (g_str_has_prefix (page_result (page), "This is not the address of a PostgreSQL database"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static gboolean
window_on_shared_store (gpointer data)
{
  AmendsWindow *window = find_window ();

  return window != NULL && amends_store_get_shared (amends_window_get_store (window));
}

static gboolean
window_on_file (gpointer data)
{
  AmendsWindow *window = find_window ();

  return window != NULL && !amends_store_get_shared (amends_window_get_store (window));
}

/* Connect opens a new window on the server and remembers it; the
 * subtitle names it; losing the server shows the bar; Disconnect goes
 * back to this computer's file. */
static void
test_page_connects_and_disconnects (Fixture       *f,
                                    gconstpointer  data)
{
  const char *location = amends_test_server_location ();
  AmendsSharedDatabasePage *page;
  AmendsWindow *window;
  g_autofree char *default_path = amends_store_get_default_path ();
  g_autoptr(AmendsStore) probe = NULL;
  g_autofree char *cwd = g_get_current_dir ();

  if (location == NULL)
    {
      amends_test_skip_no_server ();
      return;
    }

  /* Until the store opens a server itself, it would take the location
   * for a file's name (made in the working folder, a temporary one). */
  probe = amends_store_open (location, NULL);
  if (probe == NULL || !amends_store_get_shared (probe))
    {
      g_test_incomplete ("the store does not open a database on a server yet");
      return;
    }
  g_clear_object (&probe);

  page = open_page (f);
  type_location (page, location);
  gtk_widget_activate_action (GTK_WIDGET (page), "shared-database.connect", NULL);
  amends_ui_test_wait_until (window_on_shared_store, NULL);

  window = find_window ();
  g_assert_true (window != f->window);
  g_assert_cmpstr (g_settings_get_string (f->settings, "database-location"), ==, location);
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (window->switcher_title), ==,
                   "amends on this computer");
  g_assert_true (amends_application_get_store (app) == amends_window_get_store (window));

  f->window = window;
  g_clear_object (&f->store);
  f->store = g_object_ref (amends_window_get_store (window));
  check_offline_bar (f);

  page = open_page (f);
  gtk_widget_activate_action (GTK_WIDGET (page), "shared-database.disconnect", NULL);
  amends_ui_test_wait_until (window_on_file, NULL);
  g_assert_cmpstr (g_settings_get_string (f->settings, "database-location"), ==, "");
  g_assert_cmpstr (amends_store_get_path (amends_window_get_store (find_window ())), ==, default_path);
  g_assert_cmpstr (g_get_current_dir (), ==, cwd);
}

/* The visible message dialog whose body has @text in it. */
static AdwMessageDialog *
find_dialog (const char *text)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window)), text) != NULL)
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog (data) != NULL;
}

/* Types @password into the password dialog, and logs in. */
static void
answer_password (AdwMessageDialog *dialog,
                 const char       *password)
{
  GtkWidget *entry = amends_ui_test_find_child (GTK_WIDGET (dialog), NULL, GTK_TYPE_PASSWORD_ENTRY);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), password);
  adw_message_dialog_response (dialog, "log-in");
  amends_ui_test_drain ();
}

/* A role whose login needs a password on the test server: pg-cluster's
 * own login is by trust, so its access rules are written anew, with
 * "desk" first.  Returns its location, without the password. */
static char *
make_password_role (void)
{
  static gboolean made;
  g_autoptr(AmendsDatabaseLogin) login = amends_database_login_new_for_location (amends_test_server_location ());
  g_autofree char *location = g_strdup_printf ("host=%s port=%s dbname=amends user=desk",
                                               login->host, login->port);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsDb) db = amends_db_open (amends_test_server_location (), &error);
  g_autofree char *hba = NULL;
  g_autofree char *copy = NULL;

  g_assert_no_error (error);
  if (made)
    return g_steal_pointer (&location);
  made = TRUE;
  amends_test_db_exec (db, "CREATE ROLE desk LOGIN PASSWORD 'hunter2'");
  /* A second login for the same desk's people: what "amends" made (the
   * schema, when another test connected first), "desk" may use. */
  amends_test_db_exec (db, "GRANT amends TO desk");
  amends_test_db_exec (db, "GRANT ALL ON SCHEMA public TO desk");
  hba = amends_test_db_query_text (db, "SHOW hba_file");
  copy = g_strdup_printf ("COPY (SELECT 'local all desk scram-sha-256' AS line UNION ALL "
                          "SELECT 'local all all trust' ORDER BY line DESC) TO '%s'", hba);
  amends_test_db_exec (db, copy);
  amends_test_db_exec (db, "SELECT pg_reload_conf()");

  /* The server reads them again in a moment. */
  for (;;)
    {
      g_autoptr(GError) login_error = NULL;
      g_autoptr(AmendsDb) attempt = amends_db_open (location, &login_error);

      if (attempt == NULL)
        {
          g_assert_true (amends_database_error_wants_password (login_error));
          break;
        }
      g_usleep (20 * 1000);
    }

  return g_steal_pointer (&location);
}

/* The server wants a password libpq has not found: the page asks for it,
 * asks again when it is wrong, and connects with the right one, which
 * shows nowhere. */
static void
test_page_asks_for_the_password (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *location = NULL;
  g_autofree char *png = g_build_filename (amends_ui_test_screenshot_dir (), "shared-database-password.png", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  AmendsSharedDatabasePage *page;
  AdwMessageDialog *dialog;
  const char *body;

  if (amends_test_server_location () == NULL)
    {
      amends_test_skip_no_server ();
      return;
    }

  location = make_password_role ();
  page = open_page (f);
  type_location (page, location);
  gtk_widget_activate_action (GTK_WIDGET (page), "shared-database.test", NULL);

  /* No keyring under the tests' own session bus: the person is asked. */
  g_test_message ("Waiting for the password dialog");
  amends_ui_test_wait_until (dialog_shown, "asks for the password");
  dialog = find_dialog ("asks for the password");
  body = adw_message_dialog_get_body (dialog);
  g_assert_cmpstr (body, ==, "The server asks for the password of “desk” to open “amends on this computer”.");
  amends_ui_test_save_png (GTK_WIDGET (dialog), png);

  answer_password (dialog, "wrong");
  g_test_message ("Waiting for the dialog to ask again");
  amends_ui_test_wait_until (dialog_shown, "did not accept that password");
  dialog = find_dialog ("did not accept that password");

  answer_password (dialog, "hunter2");
  amends_ui_test_wait_until (page_tested, page);
  g_assert_cmpstr (page_result (page), ==, "Connected to amends on this computer (PostgreSQL 15)");

  collect_text (gtk_widget_get_ancestor (GTK_WIDGET (page), GTK_TYPE_WINDOW), text);
  g_assert_null (strstr (text->str, "hunter2"));
  g_assert_cmpstr (g_settings_get_string (f->settings, "database-location"), ==, "");
}

/* A server that cannot be reached: the window that says so, with Try
 * Again, and without the location, whose password it would show. */
static void
test_error_window_hides_the_password (Fixture       *f,
                                      gconstpointer  data)
{
  g_autofree char *location = g_strdup_printf ("host=%s dbname=amends user=amends password=hunter2", f->dir);
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWindow *window;
  GtkWidget *again;

  destroy_windows ();
  amends_application_set_store (app, NULL);
  window = amends_application_open_first (app, location);
  g_assert_false (AMENDS_IS_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  amends_ui_test_drain ();

  collect_text (GTK_WIDGET (window), text);
  g_assert_nonnull (strstr (text->str, "Could Not Open the Database"));
  g_assert_nonnull (strstr (text->str, "cannot be reached"));
  g_assert_null (strstr (text->str, "hunter2"));
  g_assert_null (strstr (text->str, "dbname="));

  /* The status page's first button; the header bar has its own. */
  again = amends_ui_test_find_child (amends_ui_test_find_child (GTK_WIDGET (window), NULL, ADW_TYPE_STATUS_PAGE),
                                     NULL, GTK_TYPE_BUTTON);
  g_assert_nonnull (again);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (again)), ==, "app.open-database-again");
}

static gboolean
error_window_shown (gpointer data)
{
  GtkWindow *window = find_other_window ();

  return window != NULL && !ADW_IS_MESSAGE_DIALOG (window) &&
         amends_ui_test_find_child (GTK_WIDGET (window), NULL, ADW_TYPE_STATUS_PAGE) != NULL;
}

/* At start-up, a server that wants a password libpq and the keyring do
 * not have: the window that says so offers to type it, and opens the
 * database with it. */
static void
test_error_window_asks_for_the_password (Fixture       *f,
                                         gconstpointer  data)
{
  g_autofree char *location = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget *button;
  AmendsWindow *window;

  if (amends_test_server_location () == NULL)
    {
      amends_test_skip_no_server ();
      return;
    }

  location = make_password_role ();
  /* A password typed by an earlier test is kept for the process (as it
   * is for the window's own connections): forgotten, so that this
   * start-up is asked for it. */
  amends_db_set_password (location, NULL);
  destroy_windows ();
  amends_application_set_store (app, NULL);
  amends_application_open_first (app, location);
  g_test_message ("Waiting for the window that says the database cannot be opened");
  amends_ui_test_wait_until (error_window_shown, NULL);

  button = amends_ui_test_find_child (amends_ui_test_find_child (GTK_WIDGET (find_other_window ()), NULL,
                                                                 ADW_TYPE_STATUS_PAGE),
                                      NULL, GTK_TYPE_BUTTON);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "app.enter-database-password");
  gtk_widget_activate (button);
  g_test_message ("Waiting for the password dialog");
  amends_ui_test_wait_until (dialog_shown, "asks for the password");
  dialog = find_dialog ("asks for the password");
  answer_password (dialog, "hunter2");

  g_test_message ("Waiting for the window on the server");
  amends_ui_test_wait_until (window_on_shared_store, NULL);
  window = find_window ();
  f->window = window;
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (window->switcher_title), ==, "amends on this computer");
  collect_text (GTK_WIDGET (window), text);
  g_assert_null (strstr (text->str, "hunter2"));
}

/* The keyring's keys, from the location. */
static void
test_password_in_the_location (void)
{
  g_autoptr(AmendsDatabaseLogin) uri = NULL;
  g_autoptr(AmendsDatabaseLogin) keywords = NULL;

  uri = amends_database_login_new_for_location ("postgresql://desk:old@db.example:5433/hotel?connect_timeout=3");
  g_assert_cmpstr (uri->host, ==, "db.example");
  g_assert_cmpstr (uri->port, ==, "5433");
  g_assert_cmpstr (uri->dbname, ==, "hotel");
  g_assert_cmpstr (uri->user, ==, "desk");

  keywords = amends_database_login_new_for_location ("host = '/tmp/a b' dbname=amends user='o\\'neil' password=x");
  g_assert_cmpstr (keywords->host, ==, "/tmp/a b");
  g_assert_cmpstr (keywords->port, ==, "5432");
  g_assert_cmpstr (keywords->dbname, ==, "amends");
  g_assert_cmpstr (keywords->user, ==, "o'neil");
}

/* A server that wants a password is known by the error's code, in any
 * language libpq or the server speak. */
static void
test_password_wanted_is_recognised (void)
{
  g_autoptr(GError) none = g_error_new_literal (AMENDS_DB_ERROR, AMENDS_DB_ERROR_PASSWORD,
                                                "Der Datenbankserver für „amends auf db“ hat die Anmeldung nicht angenommen (fe_sendauth: kein Passwort angegeben).");
  g_autoptr(GError) wrong = g_error_new_literal (AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_PASSWORD,
                                                 "The database server for “amends on db” did not accept the login.");
  g_autoptr(GError) down = g_error_new_literal (AMENDS_DB_ERROR, AMENDS_DB_ERROR_OFFLINE,
                                                "The database server for “amends on db” cannot be reached (password authentication failed).");

  g_assert_true (amends_database_error_wants_password (none));
  g_assert_true (amends_database_error_wants_password (wrong));
  g_assert_false (amends_database_error_wants_password (down));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *work = NULL;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  data_home = g_dir_make_tmp ("amends-ui-shared-data-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  /* Whatever the store makes of a location it does not understand stays
   * in a folder of its own. */
  work = g_dir_make_tmp ("amends-ui-shared-cwd-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chdir (work), ==, 0);

  gtk_test_init (&argc, &argv, NULL);
  amends_test_server_location ();
  /* GNOME's title bar has a close button only; Xvfb, without a desktop's
   * settings, would add minimize and maximize, and a 360 px window would
   * not fit them. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  app = amends_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/ui/shared-database/subtitle-names-the-file", test_subtitle_names_the_file);
  ADD_TEST ("/ui/shared-database/offline-bar-follows-online", test_offline_bar_follows_online);
  ADD_TEST ("/ui/shared-database/test-connection-to-a-server", test_page_tests_a_server);
  ADD_TEST ("/ui/shared-database/test-connection-to-no-server", test_page_tests_no_server);
  ADD_TEST ("/ui/shared-database/a-file-is-no-server", test_page_refuses_a_file);
  ADD_TEST ("/ui/shared-database/password-asked-for", test_page_asks_for_the_password);
  ADD_TEST ("/ui/shared-database/error-window-hides-the-password", test_error_window_hides_the_password);
  g_test_add_func ("/ui/shared-database/password-in-the-location", test_password_in_the_location);
  g_test_add_func ("/ui/shared-database/password-wanted-is-recognised", test_password_wanted_is_recognised);
  /* The window on a server, last: until every statement the window
   * makes runs on PostgreSQL, a warning from the store ends the run. */
  ADD_TEST ("/ui/shared-database/connect-and-disconnect", test_page_connects_and_disconnects);
  ADD_TEST ("/ui/shared-database/error-window-asks-for-the-password", test_error_window_asks_for_the_password);

  return g_test_run ();
}
