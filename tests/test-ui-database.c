/* test-ui-database.c: the window when the database fails it: restoring a backup, a damaged file, a save that fails at closing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-ui-test-utils.h"

#include <string.h>

#include "amends-application.h"
#include "amends-backup.h"
#include "amends-test-utils.h"
#include "amends-window-private.h"

#include <sqlite3.h>

static AmendsApplication *app;

static AmendsWindow *
find_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (AMENDS_IS_WINDOW (window))
        return AMENDS_WINDOW (window);
    }

  return NULL;
}

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

/* The window lets go of the database, the backup takes its place, and a
 * new window shows the cases of the backup and names the file kept. */
static void
test_restore_from_window (AmendsTestDb  *db,
                          gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (db->dir, "backups", "monday.db", NULL);
  AmendsWindow *window;
  AmendsWindow *restored;

  g_object_unref (amends_test_add_case (db->store, "Cold soup", NULL));
  g_assert_true (amends_backup_write (db->path, backup, NULL));
  g_object_unref (amends_test_add_case (db->store, "Wrong bill", NULL));
  g_object_unref (amends_test_add_case (db->store, "Noisy room", NULL));

  amends_application_set_store (app, db->store);
  window = amends_window_new (GTK_APPLICATION (app), db->store);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  amends_ui_test_drain ();

  /* The window and the application hold the only references now. */
  g_clear_object (&db->store);
  amends_window_restore_backup (window, backup);
  amends_ui_test_drain ();

  restored = find_window ();
  g_assert_nonnull (restored);
  db->store = g_object_ref (amends_application_get_store (app));
  g_assert_cmpint (amends_store_count_cases (db->store, NULL), ==, 1);

  /* The file kept aside has all three. */
  {
    g_autoptr(GDir) dir = g_dir_open (db->dir, 0, NULL);
    g_autofree char *kept = NULL;
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      if (strstr (name, ".replaced-") != NULL && !g_str_has_suffix (name, "-wal"))
        kept = g_build_filename (db->dir, name, NULL);
    g_assert_nonnull (kept);
    {
      g_autoptr(AmendsStore) old = amends_store_open (kept, NULL);
      g_assert_cmpint (amends_store_count_cases (old, NULL), ==, 3);
    }
  }

  destroy_windows ();
  amends_application_set_store (app, NULL);
}

/* A file that is no backup changes nothing, and says why. */
static void
test_restore_refuses_junk (AmendsTestDb  *db,
                           gconstpointer  data)
{
  g_autofree char *junk = g_build_filename (db->dir, "junk.db", NULL);
  AmendsWindow *window;

  g_object_unref (amends_test_add_case (db->store, "Cold soup", NULL));
  g_assert_true (g_file_set_contents (junk, "not a database", -1, NULL));
  amends_application_set_store (app, db->store);
  window = amends_window_new (GTK_APPLICATION (app), db->store);
  gtk_window_present (GTK_WINDOW (window));
  amends_ui_test_drain ();

  amends_window_restore_backup (window, junk);
  amends_ui_test_drain ();

  /* The same window, the same database. */
  g_assert_true (find_window () == window);
  g_assert_true (amends_application_get_store (app) == db->store);
  g_assert_cmpint (amends_store_count_cases (db->store, NULL), ==, 1);

  destroy_windows ();
  amends_application_set_store (app, NULL);
}

/* Logging a case is not offered: it could not be saved. */
static void
assert_no_intake_dialog_opens (AmendsWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-case", NULL);
  amends_ui_test_drain ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);
      g_assert_cmpstr (G_OBJECT_TYPE_NAME (toplevel), !=, "AmendsIntakeDialog");
    }
}

/* A damaged database opens read-only with a banner that stays and offers
 * the ways out; nothing that would write is offered. */
static void
test_damaged_banner (AmendsTestDb  *db,
                     gconstpointer  data)
{
  g_autofree char *path = amends_test_make_damaged_db (db->dir);
  g_autoptr(AmendsStore) damaged = amends_store_open (path, NULL);
  AmendsWindow *window;


  g_assert_nonnull (damaged);
  g_assert_true (amends_store_get_damaged (damaged));
  amends_application_set_store (app, damaged);
  window = amends_window_new (GTK_APPLICATION (app), damaged);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  amends_ui_test_drain ();

  g_assert_true (gtk_revealer_get_reveal_child (window->database_banner));
  g_assert_nonnull (strstr (gtk_label_get_label (window->database_banner_label), "is damaged"));
  g_assert_true (gtk_widget_get_visible (window->database_banner_restore));
  g_assert_true (gtk_widget_get_visible (window->database_banner_export));
  g_assert_true (gtk_widget_is_sensitive (window->database_banner_restore));

  assert_no_intake_dialog_opens (window);

  if (g_getenv ("AMENDS_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *shot = g_build_filename (g_getenv ("AMENDS_SCREENSHOT_DIR"), "window-damaged.png", NULL);
      amends_ui_test_save_png (GTK_WIDGET (window), shot);
    }

  destroy_windows ();
  amends_application_set_store (app, NULL);
}

/* Opened as the application opens it, the window is shown and the cases
 * read before the integrity check has run; its verdict then brings the
 * banner and turns off what would write. */
static void
test_damaged_found_after_window (AmendsTestDb  *db,
                                 gconstpointer  data)
{
  /* Damaged where only the integrity check looks: the cases still show. */
  g_autofree char *path = amends_test_make_damaged_db_in (db->dir, "audit_by_record");
  g_autoptr(AmendsStore) damaged = NULL;
  g_autoptr(GError) error = NULL;
  AmendsWindow *window;
  GtkWidget *fields;

  damaged = amends_store_open_full (path, AMENDS_STORE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  amends_store_hold_integrity_check (damaged, TRUE);
  amends_store_check_integrity (damaged);

  amends_application_set_store (app, damaged);
  window = amends_window_new (GTK_APPLICATION (app), damaged);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  amends_ui_test_drain ();

  g_assert_true (amends_store_get_checking (damaged));
  g_assert_false (gtk_revealer_get_reveal_child (window->database_banner));

  /* A case open in the editor before the verdict, editable then. */
  amends_ui_test_wait_for_cases (GTK_WIDGET (window));
  g_assert_true (amends_case_sidebar_select_case (window->sidebar, 1));
  amends_ui_test_drain ();
  fields = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window->editor),
                                                      AMENDS_TYPE_CASE_EDITOR, "fields_box"));
  g_assert_true (gtk_widget_get_sensitive (fields));
  g_assert_cmpint (amends_case_editor_get_case_id (window->editor), ==, 1);
  g_assert_true (gtk_widget_get_mapped (fields));

  amends_store_hold_integrity_check (damaged, FALSE);
  while (amends_store_get_checking (damaged))
    g_main_context_iteration (NULL, TRUE);
  amends_ui_test_drain ();

  g_assert_true (amends_store_get_damaged (damaged));
  g_assert_true (gtk_revealer_get_reveal_child (window->database_banner));
  g_assert_nonnull (strstr (gtk_label_get_label (window->database_banner_label), "is damaged"));
  g_assert_true (gtk_widget_get_visible (window->database_banner_restore));
  g_assert_true (gtk_widget_get_visible (window->database_banner_export));
  assert_no_intake_dialog_opens (window);

  /* The case still shown can no longer be typed into, nor moved on. */
  g_assert_false (gtk_widget_get_sensitive (fields));

  destroy_windows ();
  amends_application_set_store (app, NULL);
}

/* A healthy database shows no banner. */
static void
test_no_banner (AmendsTestDb  *db,
                gconstpointer  data)
{
  AmendsWindow *window;

  amends_application_set_store (app, db->store);
  window = amends_window_new (GTK_APPLICATION (app), db->store);
  gtk_window_present (GTK_WINDOW (window));
  amends_ui_test_drain ();
  g_assert_false (gtk_revealer_get_reveal_child (window->database_banner));

  destroy_windows ();
  amends_application_set_store (app, NULL);
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

static void
on_clipboard_text (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

/* Another program holds the database while the window closes: the save
 * fails, the window stays and asks; Copy Text puts what was typed on the
 * clipboard; Retry, once the database is free, saves it and closes. */
static void
test_failed_save_at_close (AmendsTestDb  *db,
                           gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Cold soup", NULL);
  gint64 case_id = amends_record_get_id (AMENDS_RECORD (kase));
  g_autofree char *clipboard = NULL;
  AmendsWindow *window;
  GtkWidget *summary;
  sqlite3 *other = NULL;
  AdwMessageDialog *dialog;

  amends_application_set_store (app, db->store);
  window = amends_window_new (GTK_APPLICATION (app), db->store);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  amends_case_sidebar_select_case (window->sidebar, case_id);
  while (amends_case_editor_get_case_id (window->editor) != case_id)
    g_main_context_iteration (NULL, TRUE);
  amends_ui_test_drain ();

  summary = amends_ui_test_find_child (GTK_WIDGET (window->editor), "summary_row", ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (summary), "Cold soup at the wedding dinner");

  /* Another program takes the write lock and keeps it; no waiting. */
  g_assert_true (amends_store_set_busy_timeout (db->store, 0));
  g_assert_cmpint (sqlite3_open (db->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  /* Ctrl+Q: the window does not go, and asks. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  amends_ui_test_drain ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  adw_message_dialog_response (dialog, "copy");
  amends_ui_test_drain ();
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL,
                                 on_clipboard_text, &clipboard);
  while (clipboard == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (strstr (clipboard, "Cold soup at the wedding dinner"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* The other program lets go; closing again saves and closes. */
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  gtk_window_close (GTK_WINDOW (window));
  amends_ui_test_drain ();
  g_assert_null (find_dialog ());
  {
    g_autoptr(AmendsCase) stored = amends_store_load (db->store, AMENDS_TYPE_CASE, case_id, NULL);
    g_assert_cmpstr (amends_case_get_summary (stored), ==, "Cold soup at the wedding dinner");
  }

  destroy_windows ();
  amends_application_set_store (app, NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  app = amends_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add ("/ui/database/restore-from-the-window", AmendsTestDb, NULL,
              amends_test_db_setup, test_restore_from_window, amends_test_db_teardown);
  g_test_add ("/ui/database/restore-refuses-junk", AmendsTestDb, NULL,
              amends_test_db_setup, test_restore_refuses_junk, amends_test_db_teardown);

  g_test_add ("/ui/database/damaged-database-banner", AmendsTestDb, NULL,
              amends_test_db_setup, test_damaged_banner, amends_test_db_teardown);
  g_test_add ("/ui/database/damaged-found-after-the-window-shows", AmendsTestDb, NULL,
              amends_test_db_setup, test_damaged_found_after_window, amends_test_db_teardown);
  g_test_add ("/ui/database/no-banner-when-healthy", AmendsTestDb, NULL,
              amends_test_db_setup, test_no_banner, amends_test_db_teardown);

  g_test_add ("/ui/database/failed-save-at-close-asks", AmendsTestDb, NULL,
              amends_test_db_setup, test_failed_save_at_close, amends_test_db_teardown);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
