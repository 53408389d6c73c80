/* test-ui-offline.c: the case editor while the database server is away (issue 16)
 *
 * "The network goes away": the window says so, keeps every edit, saves
 * what waited once the server is back, and never shows a failed save as
 * saved.  The window runs on a database of its own on the private
 * PostgreSQL server that tests/pg-cluster starts for this program; the
 * test stops that server (pg-cluster pause) in the middle of an edit and
 * starts it again (pg-cluster resume), as a server going away would.
 * Meson runs it with AMENDS_TEST_REQUIRE_PG=1, so that a missing server
 * fails rather than skips.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-ui-test-utils.h"

#include <string.h>

#include <glib/gstdio.h>

#include "amends-application-private.h"
#include "amends-case-editor.h"
#include "amends-case-sidebar.h"
#include "amends-customer-card.h"
#include "amends-stay-group.h"
#include "amends-test-utils.h"
#include "amends-window-private.h"

static AmendsApplication *app;
static guint n_databases;

typedef struct
{
  char         *location;   /* this test's own database on the server */
  AmendsStore  *store;
  AmendsWindow *window;
  gint64        soup_id;
  gint64        booking_id;
  gboolean      paused;
} Fixture;

static const char *
server_location (void)
{
  const char *location = g_getenv ("AMENDS_TEST_PG");

  if (location == NULL || *location == '\0')
    g_error ("AMENDS_TEST_PG is not set: run this test through tests/pg-cluster run");
  return location;
}

/* pg-cluster pause or resume, on this run's own cluster. */
static void
pg_cluster (const char *command)
{
  const char *dir = g_getenv ("AMENDS_TEST_PG_DIR");

  g_assert_nonnull (dir);
  amends_test_run_pg_cluster (command, dir);
}

static void
pause_server (Fixture *f)
{
  pg_cluster ("pause");
  f->paused = TRUE;
}

static void
resume_server (Fixture *f)
{
  pg_cluster ("resume");
  f->paused = FALSE;
}

static AmendsDb *
open_db (const char *location)
{
  g_autoptr(GError) error = NULL;
  AmendsDb *db = amends_db_open (location, &error);

  g_assert_no_error (error);
  return db;
}

/* A new database on the server for each test, as a new file would be. */
static char *
new_database (void)
{
  g_autoptr(AmendsDb) admin = open_db (server_location ());
  g_autofree char *name = g_strdup_printf ("amends_offline_%d_%u", (int) getpid (), ++n_databases);
  g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s", name);

  amends_test_db_exec (admin, sql);
  return g_strdup_printf ("%s dbname=%s", server_location (), name);
}

static gint64
add_case (AmendsStore *store,
          const char  *summary)
{
  g_autoptr(AmendsCase) kase = amends_test_add_case (store, summary, NULL);

  return amends_record_get_id (AMENDS_RECORD (kase));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->location = new_database ();
  f->store = amends_store_open (f->location, &error);
  g_assert_no_error (error);
  g_assert_true (amends_store_get_shared (f->store));

  f->soup_id = add_case (f->store, "Cold soup at dinner");
  f->booking_id = add_case (f->store, "Lost reservation");

  amends_application_set_store (app, f->store);
  f->window = amends_window_new (GTK_APPLICATION (app), f->store);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();
  amends_ui_test_wait_for_cases (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* A test that failed half-way leaves the server stopped. */
  if (f->paused)
    resume_server (f);

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  amends_ui_test_drain ();

  amends_application_set_store (app, NULL);
  g_clear_object (&f->store);
  g_free (f->location);
}

static AmendsCaseSidebar *
sidebar_of (Fixture *f)
{
  GtkWidget *sidebar = amends_ui_test_find_child (GTK_WIDGET (f->window), "sidebar", AMENDS_TYPE_CASE_SIDEBAR);

  g_assert_nonnull (sidebar);
  return AMENDS_CASE_SIDEBAR (sidebar);
}

static AmendsCaseEditor *
editor_of (Fixture *f)
{
  GtkWidget *editor = amends_ui_test_find_child (GTK_WIDGET (f->window), NULL, AMENDS_TYPE_CASE_EDITOR);

  g_assert_nonnull (editor);
  return AMENDS_CASE_EDITOR (editor);
}

static GtkWidget *
editor_child (Fixture    *f,
              const char *id,
              GType       type)
{
  GtkWidget *child = amends_ui_test_find_child (GTK_WIDGET (editor_of (f)), id, type);

  g_assert_nonnull (child);
  return child;
}

/* A click on the list's row of case @id, as GTK 4.8 handles it: the
 * item's "listitem.select". */
static void
click_case (Fixture *f,
            gint64   id)
{
  GtkWidget *view = amends_ui_test_find_child (GTK_WIDGET (sidebar_of (f)), "list_view", GTK_TYPE_LIST_VIEW);

  g_assert_nonnull (view);
  for (GtkWidget *child = gtk_widget_get_first_child (view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      g_autoptr(AmendsCase) kase = NULL;

      if (row == NULL || g_object_class_find_property (G_OBJECT_GET_CLASS (row), "case") == NULL)
        continue;

      g_object_get (row, "case", &kase, NULL);
      if (kase != NULL && amends_record_get_id (AMENDS_RECORD (kase)) == id)
        {
          g_assert_true (gtk_widget_activate_action (child, "listitem.select", "(bb)", FALSE, FALSE));
          amends_ui_test_drain ();
          g_assert_cmpint (amends_case_editor_get_case_id (editor_of (f)), ==, id);
          return;
        }
    }

  g_assert_not_reached ();
}

static void
type_text (GtkWidget  *widget,
           const char *text)
{
  gtk_widget_grab_focus (widget);
  if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
}

static char *
dup_text (GtkWidget *widget)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
assert_shows (Fixture    *f,
              const char *id,
              const char *expected)
{
  g_autofree char *text = dup_text (editor_child (f, id, GTK_TYPE_WIDGET));

  g_assert_cmpstr (text, ==, expected);
}

/* The line under the editor's header where a failed save is told. */
static const char *
save_line (Fixture *f)
{
  GtkWidget *label = editor_child (f, "save_error_label", GTK_TYPE_LABEL);

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static gboolean
save_line_says_not_saved (gpointer data)
{
  const char *line = save_line (data);

  return line != NULL && g_str_has_prefix (line, "Not saved yet");
}

/* The save after the pause in typing was tried, and failed. */
static gboolean
save_line_shown (gpointer data)
{
  return save_line (data) != NULL;
}

static gboolean
offline_bar_shown (gpointer data)
{
  Fixture *f = data;

  return gtk_revealer_get_reveal_child (f->window->offline_banner);
}

static gboolean
online_and_saved (gpointer data)
{
  Fixture *f = data;

  return amends_store_get_online (f->store) &&
         !gtk_revealer_get_reveal_child (f->window->offline_banner) &&
         save_line (f) == NULL;
}

/* The visible message dialog with @heading, if any. */
static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          (heading == NULL ||
           g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog (data) != NULL;
}

/* What the server holds, read on a connection of the test's own. */
static char *
stored_text (Fixture    *f,
             const char *column,
             gint64      id)
{
  g_autoptr(AmendsDb) db = open_db (f->location);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM cases WHERE id = %" G_GINT64_FORMAT, column, id);

  return amends_test_db_query_text (db, sql);
}

static gint64
stored_int (Fixture    *f,
            const char *sql)
{
  g_autoptr(AmendsDb) db = open_db (f->location);

  return amends_test_db_query_int64 (db, sql);
}

static gint64
audit_rows (Fixture    *f,
            gint64      id,
            const char *field)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE table_name = 'cases' "
                                          "AND record_id = %" G_GINT64_FORMAT " AND field = '%s'",
                                          id, field);

  return stored_int (f, sql);
}

#define SOUP_FIX "Sent up a fresh bowl with the chef’s apology"
#define BOOKING_SUMMARY "Lost reservation for the anniversary dinner"

/* The server stops mid-edit: what was typed into one case, then into
 * another picked meanwhile, is kept (the first shows again as it was left
 * when picked again), said to be not saved, and saved by itself once the
 * server is back: both edits land, once each, and nothing says an error. */
static void
test_edits_wait_for_the_server (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *png = g_build_filename (amends_ui_test_screenshot_dir (), "offline-editor.png", NULL);
  g_autofree char *fix = NULL;
  g_autofree char *summary = NULL;

  click_case (f, f->soup_id);
  g_assert_null (save_line (f));

  pause_server (f);
  type_text (editor_child (f, "fix_view", GTK_TYPE_TEXT_VIEW), SOUP_FIX);
  /* The autosave tries after its pause, finds the server gone, and says so. */
  amends_ui_test_wait_until (save_line_shown, f);
  amends_ui_test_wait_until (offline_bar_shown, f);
  g_assert_false (amends_store_get_online (f->store));

  /* Another guest at the desk: their case opens, from the list. */
  click_case (f, f->booking_id);
  assert_shows (f, "summary_row", "Lost reservation");
  g_assert_cmpstr (save_line (f), ==, "Changes to 1 other case are waiting to be saved.");
  type_text (editor_child (f, "summary_row", ADW_TYPE_ENTRY_ROW), BOOKING_SUMMARY);
  amends_ui_test_wait_until (save_line_says_not_saved, f);
  amends_ui_test_save_png (GTK_WIDGET (f->window), png);

  /* Back to the soup: what was typed is there, still not saved. */
  click_case (f, f->soup_id);
  assert_shows (f, "fix_view", SOUP_FIX);
  assert_shows (f, "summary_row", "Cold soup at dinner");
  g_assert_true (save_line_says_not_saved (f));
  g_assert_nonnull (strstr (save_line (f), "Changes to 1 other case are waiting to be saved."));

  /* The server comes back: the store finds it by itself, and the editor
   * saves everything that waited. */
  resume_server (f);
  amends_ui_test_wait_until (online_and_saved, f);

  fix = stored_text (f, "fix", f->soup_id);
  summary = stored_text (f, "summary", f->booking_id);
  g_assert_cmpstr (fix, ==, SOUP_FIX);
  g_assert_cmpstr (summary, ==, BOOKING_SUMMARY);
  /* Once each, and no case more. */
  g_assert_cmpint (audit_rows (f, f->soup_id, "fix"), ==, 1);
  g_assert_cmpint (audit_rows (f, f->booking_id, "summary"), ==, 1);
  g_assert_cmpint (stored_int (f, "SELECT count(*) FROM cases"), ==, 2);

  /* The editor shows the case as saved, and no dialog asks anything. */
  assert_shows (f, "fix_view", SOUP_FIX);
  g_assert_null (save_line (f));
  g_assert_null (find_dialog (NULL));
  click_case (f, f->booking_id);
  assert_shows (f, "summary_row", BOOKING_SUMMARY);
  g_assert_null (save_line (f));
}

/* Closing the window while a case picked away from still waits for the
 * server: its save failed, and the window does not close as if it were
 * saved; it asks, and Copy Text gives what was typed. */
static void
test_closing_asks_about_a_case_left_unsaved (Fixture       *f,
                                             gconstpointer  data)
{
  AdwMessageDialog *dialog;
  g_autofree char *copied = NULL;

  click_case (f, f->soup_id);
  pause_server (f);
  type_text (editor_child (f, "fix_view", GTK_TYPE_TEXT_VIEW), SOUP_FIX);
  amends_ui_test_wait_until (save_line_shown, f);

  /* Nothing typed into the case shown now. */
  click_case (f, f->booking_id);

  /* The window asks rather than closing, and does not go. */
  gtk_window_close (GTK_WINDOW (f->window));
  amends_ui_test_drain ();
  g_assert_nonnull (f->window);
  g_assert_nonnull (find_dialog ("Your Last Change Was Not Saved"));
  g_assert_cmpstr (save_line (f), ==, "Changes to 1 other case are waiting to be saved.");
  dialog = find_dialog ("Your Last Change Was Not Saved");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "cannot be reached"));

  adw_message_dialog_response (dialog, "copy");
  amends_ui_test_drain ();
  copied = amends_case_editor_dup_unsaved_text (editor_of (f));
  g_assert_nonnull (copied);
  g_assert_nonnull (strstr (copied, SOUP_FIX));

  /* The server back, the change is saved by itself. */
  resume_server (f);
  amends_ui_test_wait_until (online_and_saved, f);
  {
    g_autofree char *fix = stored_text (f, "fix", f->soup_id);
    g_assert_cmpstr (fix, ==, SOUP_FIX);
  }
}

/* Another desk changed the same field while this one waited for the
 * server: the save once it is back asks which to keep, with both
 * values, as for any stale save; nothing is written over silently. */
static void
test_conflict_after_reconnecting_is_asked (Fixture       *f,
                                           gconstpointer  data)
{
  AdwMessageDialog *dialog;
  const char *body;

  click_case (f, f->soup_id);
  pause_server (f);
  type_text (editor_child (f, "fix_view", GTK_TYPE_TEXT_VIEW), SOUP_FIX);
  amends_ui_test_wait_until (save_line_shown, f);
  click_case (f, f->booking_id);

  /* The server back, and another desk quicker than this one: the main
   * loop does not run here, so the window cannot have reconnected yet. */
  resume_server (f);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AmendsStore) other = amends_store_open (f->location, &error);
    g_autoptr(AmendsCase) kase = NULL;

    g_assert_no_error (error);
    kase = amends_store_load (other, AMENDS_TYPE_CASE, f->soup_id, &error);
    g_assert_no_error (error);
    g_object_set (kase, "fix", "Offered a table by the fire", NULL);
    g_assert_true (amends_store_update (other, AMENDS_RECORD (kase), &error));
    g_assert_no_error (error);
  }

  amends_ui_test_wait_until (dialog_shown, "Someone Else Changed This Case");
  dialog = find_dialog ("Someone Else Changed This Case");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "Offered a table by the fire"));
  g_assert_nonnull (strstr (body, SOUP_FIX));
  {
    g_autofree char *fix = stored_text (f, "fix", f->soup_id);
    g_assert_cmpstr (fix, ==, "Offered a table by the fire");
  }
  /* Still waiting, until answered. */
  g_assert_cmpstr (save_line (f), ==, "Changes to 1 other case are waiting to be saved.");

  adw_message_dialog_response (dialog, "mine");
  amends_ui_test_wait_until (online_and_saved, f);
  {
    g_autofree char *fix = stored_text (f, "fix", f->soup_id);
    g_assert_cmpstr (fix, ==, SOUP_FIX);
  }
}

/* The customer card and the guest's stay beside the case save on their
 * own; what was typed into them waits for the server too, is said to
 * wait, and lands once it is back. */
static void
test_customer_and_stay_wait_too (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(AmendsCustomer) guest = amends_test_add_customer (f->store, "Edward Kaufmann", NULL);
  gint64 guest_id = amends_record_get_id (AMENDS_RECORD (guest));
  GtkWidget *card = editor_child (f, NULL, AMENDS_TYPE_CUSTOMER_CARD);
  GtkWidget *stay = editor_child (f, NULL, AMENDS_TYPE_STAY_GROUP);
  g_autofree char *sql = NULL;

  {
    g_autoptr(AmendsCase) kase = amends_store_load (f->store, AMENDS_TYPE_CASE, f->soup_id, NULL);

    g_object_set (kase, "customer-id", guest_id, NULL);
    g_assert_true (amends_store_update (f->store, AMENDS_RECORD (kase), NULL));
  }
  amends_ui_test_wait_for_cases (GTK_WIDGET (f->window));

  click_case (f, f->soup_id);
  pause_server (f);
  type_text (amends_ui_test_find_child (card, "notes_view", GTK_TYPE_TEXT_VIEW), "Loves cowboy boots");
  type_text (amends_ui_test_find_child (stay, "room_row", ADW_TYPE_ENTRY_ROW), "214");
  amends_ui_test_wait_until (save_line_shown, f);
  g_assert_true (save_line_says_not_saved (f));

  click_case (f, f->booking_id);
  g_assert_cmpstr (save_line (f), ==, "Changes to 1 other case are waiting to be saved. "
                                      "Changes to 1 customer are waiting to be saved.");

  resume_server (f);
  amends_ui_test_wait_until (online_and_saved, f);
  {
    g_autofree char *room = stored_text (f, "room", f->soup_id);
    g_assert_cmpstr (room, ==, "214");
  }
  {
    g_autoptr(AmendsDb) db = open_db (f->location);
    g_autofree char *notes = NULL;

    sql = g_strdup_printf ("SELECT notes FROM customers WHERE id = %" G_GINT64_FORMAT, guest_id);
    notes = amends_test_db_query_text (db, sql);
    g_assert_cmpstr (notes, ==, "Loves cowboy boots");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  data_home = g_dir_make_tmp ("amends-ui-offline-data-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  server_location ();

  app = amends_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/ui/offline/edits-wait-for-the-server", test_edits_wait_for_the_server);
  ADD_TEST ("/ui/offline/closing-asks-about-a-case-left-unsaved", test_closing_asks_about_a_case_left_unsaved);
  ADD_TEST ("/ui/offline/conflict-after-reconnecting-is-asked", test_conflict_after_reconnecting_is_asked);
  ADD_TEST ("/ui/offline/customer-and-stay-wait-too", test_customer_and_stay_wait_too);

  return g_test_run ();
}
