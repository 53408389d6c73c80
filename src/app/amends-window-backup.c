/* amends-window-backup.c: restoring a backup from the window
 *
 * Restore from Backup… in the main menu picks a backup (the daily ones
 * are offered first), says what will happen, and hands over to the
 * application, which closes the database, restores, and opens it again in
 * a new window.  The database as it was is kept aside and named.
 *
 * A banner that stays says when the database is damaged or read-only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-window-backup"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-application.h"
#include "amends-backup.h"
#include "amends-window-private.h"

static void
on_restore_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        AmendsWindow     *self)
{
  const char *backup = g_object_get_data (G_OBJECT (dialog), "backup");

  if (g_str_equal (response, "restore"))
    amends_window_restore_backup (self, backup);
}

/* Says what a restore will do before anything is replaced. */
static void
confirm_restore (AmendsWindow *self,
                 const char   *backup)
{
  g_autofree char *name = g_filename_display_basename (backup);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (_("The cases will be as they were in “%s”. Changes made since then are not lost: the database as it is now is kept aside, and its name is shown once the backup is restored."),
                          name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup", g_strdup (backup), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_backup_chosen_cb (GtkNativeDialog *chooser,
                     int              response,
                     AmendsWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        confirm_restore (self, path);
    }

  g_object_unref (chooser);
}

static void
amends_window_restore_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  AmendsWindow *self = AMENDS_WINDOW (widget);
  g_autofree char *folder_path = amends_backup_get_folder ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Restore from Backup"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Amends backups"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.bak");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (g_file_test (folder_path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (on_backup_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * amends_window_restore_backup:
 * @backup: the backup to restore, already confirmed
 *
 * Restores @backup through the application.  This window is closed on
 * the way; what happened is said in the window that replaces it.
 */
void
amends_window_restore_backup (AmendsWindow *self,
                              const char   *backup)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *replaced = NULL;
  g_autofree char *path = g_strdup (backup);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GtkWindow *window;

  g_return_if_fail (AMENDS_IS_APPLICATION (application));

  window = amends_application_restore_backup (AMENDS_APPLICATION (application), path, &replaced, &error);
  if (!AMENDS_IS_WINDOW (window))
    return;

  if (error != NULL)
    {
      amends_window_show_error (AMENDS_WINDOW (window), error->message);
      return;
    }

  if (replaced != NULL)
    {
      g_autofree char *kept = g_filename_display_basename (replaced);
      /* Translators: %s is a file name, beside the database */
      title = g_strdup_printf (_("Backup restored. The database as it was is kept as “%s”."), kept);
    }
  else
    title = g_strdup (_("Backup restored."));

  amends_window_add_toast (AMENDS_WINDOW (window), adw_toast_new (title));
}

/* The window's actions that would change the database: off while it
 * cannot be written, so that nothing looks possible that will fail. */
static const char * const writing_actions[] = {
  "win.new-case", "win.import-csv", "win.trash-cases", "win.assign-owner",
  "win.set-status", "win.set-category", "win.undo", "win.mark-recovered", "win.add-action",
};

/**
 * amends_window_show_database_state:
 *
 * Says, in a banner that stays, when the database is damaged (opened
 * read-only to protect it; restore a backup or export what can be read)
 * or cannot be written, and turns off what would write to it.
 */
void
amends_window_show_database_state (AmendsWindow *self)
{
  gboolean damaged = amends_store_get_damaged (self->store);
  gboolean read_only = amends_store_get_read_only (self->store);
  GtkWidget *box = gtk_revealer_get_child (self->database_banner);
  /* The display name: a server's location may hold a password. */
  const char *name = amends_store_get_display_name (self->store);
  g_autofree char *text = NULL;

  if (damaged)
    /* Translators: %s is the database's file name */
    text = g_strdup_printf (_("The database “%s” is damaged. It was opened read-only so that nothing more is lost: restore a backup, or export the cases that can still be read."),
                            name);
  else if (read_only)
    /* Translators: %s is the database's file name */
    text = g_strdup_printf (_("The database “%s” cannot be written to, so it was opened read-only: changes cannot be saved. Ask whoever looks after this computer to make it writable."),
                            name);

  gtk_label_set_label (self->database_banner_label, text ? text : "");
  gtk_widget_set_visible (self->database_banner_export, damaged);
  gtk_widget_set_visible (self->database_banner_restore, damaged);
  if (damaged)
    gtk_widget_add_css_class (box, "damaged");
  else
    gtk_widget_remove_css_class (box, "damaged");
  gtk_revealer_set_reveal_child (self->database_banner, read_only);

  for (guint i = 0; i < G_N_ELEMENTS (writing_actions); i++)
    if (read_only)
      gtk_widget_action_set_enabled (GTK_WIDGET (self), writing_actions[i], FALSE);
}

void
amends_window_backup_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, AmendsWindow, database_banner);
  gtk_widget_class_bind_template_child (widget_class, AmendsWindow, database_banner_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsWindow, database_banner_export);
  gtk_widget_class_bind_template_child (widget_class, AmendsWindow, database_banner_restore);

  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL, amends_window_restore_action);
}
