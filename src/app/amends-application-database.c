/* amends-application-database.c: which database the application opens, and changing it
 *
 * The database is --database's (a file, or a PostgreSQL server as libpq
 * spells it), else the shared one chosen in Preferences (the
 * "database-location" setting), else this computer's usual file.
 *
 * Connecting to another database (Preferences → Shared Database) opens
 * it first, and only then closes the windows, as a restore does, and
 * opens a new window on it: every view holds the store it was made with,
 * and a window built afresh cannot show one database's case beside
 * another's.  A database that cannot be opened changes nothing.
 *
 * A server that asks for a password it was not given: the keyring is
 * asked, then the person (amends_application_ask_password()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-application-database"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-application-private.h"
#include "amends-database-login.h"
#include "amends-db.h"
#include "amends-window.h"

/**
 * amends_application_dup_configured_location:
 *
 * Reads the "database-location" setting without needing the schema to
 * be installed (the command line runs before GTK, and `amends --version`
 * must work anywhere).
 *
 * Returns: (transfer full) (nullable): the shared database chosen in
 *   Preferences, or %NULL for this computer's file
 */
char *
amends_application_dup_configured_location (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *location = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "database-location"))
    return NULL;

  settings = g_settings_new_full (schema, NULL, NULL);
  location = g_settings_get_string (settings, "database-location");
  if (location[0] == '\0')
    return NULL;

  return g_steal_pointer (&location);
}

static gpointer
ref_window (gconstpointer window,
            gpointer      user_data)
{
  return g_object_ref ((gpointer) window);
}

/* The main windows close as the person would close them, saving what was
 * typed; one whose save failed stays open and asks what to do, and then
 * nothing is switched. */
static gboolean
close_windows (AmendsApplication *self)
{
  GList *windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self)),
                                     ref_window, NULL);
  gboolean closed = TRUE;

  for (const GList *l = windows; l != NULL; l = l->next)
    if (AMENDS_IS_WINDOW (l->data))
      {
        gtk_window_close (l->data);
        if (gtk_widget_get_visible (l->data))
          closed = FALSE;
      }

  if (closed)
    for (const GList *l = windows; l != NULL; l = l->next)
      gtk_window_destroy (l->data);

  g_list_free_full (windows, g_object_unref);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  return closed;
}

/**
 * amends_application_open_database:
 * @location: a file, or a PostgreSQL URI or keyword string
 * @password: (nullable): the password to log in with, when the server
 *   asks for one that libpq cannot find by itself
 *
 * Opens @location and, once it is open, puts it in place of the database
 * in use: the windows close (saving what was typed) and a new one opens
 * on it.  When it cannot be opened, or a window could not save and stays
 * to ask, nothing changes.
 *
 * Returns: (transfer none) (nullable): the new window, or %NULL with
 *   @error set
 */
GtkWindow *
amends_application_open_database (AmendsApplication  *self,
                                  const char         *location,
                                  const char         *password,
                                  GError            **error)
{
  g_autoptr(AmendsStore) store = NULL;
  GtkWindow *window;

  g_return_val_if_fail (AMENDS_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (location != NULL, NULL);

  /* The password goes to the connection, never into the location that
   * is shown, kept or hashed into a file name. */
  if (password != NULL)
    amends_db_set_password (location, password);
  store = amends_application_open_store (self, location, error);
  if (store == NULL)
    return NULL;

  /* Hold on while no window is open, or the application would quit. */
  g_application_hold (G_APPLICATION (self));
  if (!close_windows (self))
    {
      g_application_release (G_APPLICATION (self));
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("The last change in the window was not saved, so the database was not changed."));
      return NULL;
    }

  amends_application_stop_daily_backup (self);
  amends_application_set_store (self, store);
  self->backup_wanted = !amends_store_get_shared (store);
  g_clear_pointer (&self->failed_location, g_free);

  window = GTK_WINDOW (amends_window_new (GTK_APPLICATION (self), self->store));
  gtk_window_present (window);
  amends_application_run_after_first_frame (self, window);
  g_application_release (G_APPLICATION (self));

  return window;
}

/* The password dialog */

typedef struct
{
  AmendsApplicationPasswordFunc  callback;
  gpointer                       user_data;
  GtkEditable                   *entry;
  gboolean                       answered;
} AskData;

/* Once: closing the dialog after the answer may emit its close response
 * too. */
static void
on_password_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  AskData *data = user_data;

  if (data->answered)
    return;
  data->answered = TRUE;

  /* GTK 4.8's password entry listens to its text's focus without letting
   * go when it is disposed; the dialog's window, unsetting its focus as
   * it goes, then called into freed memory.  The focus goes now. */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);

  if (g_str_equal (response, "log-in"))
    data->callback (gtk_editable_get_text (data->entry), data->user_data);
  else
    data->callback (NULL, data->user_data);
}

static void
on_password_activate_cb (GtkWidget        *entry,
                         AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "log-in");
}

/**
 * amends_application_ask_password:
 * @parent: the window it belongs to
 * @display_name: what the database is called ("amends on db.example")
 * @login: who logs in
 * @retry: whether a password was given and refused
 * @callback: called once, with the password or %NULL when cancelled
 *
 * Asks for the password of a database on a server.
 */
void
amends_application_ask_password (GtkWindow                     *parent,
                                 const char                    *display_name,
                                 const char                    *user,
                                 gboolean                       retry,
                                 AmendsApplicationPasswordFunc  callback,
                                 gpointer                       user_data)
{
  GtkWidget *dialog;
  GtkWidget *entry;
  g_autofree char *body = NULL;
  AskData *data;

  if (retry)
    /* Translators: the first %s is a user name, the second a database such as "amends on db.example" */
    body = g_strdup_printf (_("The server did not accept that password for “%s” on “%s”. Type it again."),
                            user, display_name);
  else
    /* Translators: the first %s is a user name, the second a database such as "amends on db.example" */
    body = g_strdup_printf (_("The server asks for the password of “%s” to open “%s”."),
                            user, display_name);

  dialog = adw_message_dialog_new (parent, _("Password for the Shared Database"), body);
  entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Password"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "log-in", _("_Log In"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "log-in",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "log-in");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  data = g_new0 (AskData, 1);
  data->callback = callback;
  data->user_data = user_data;
  data->entry = GTK_EDITABLE (entry);
  g_signal_connect (entry, "activate", G_CALLBACK (on_password_activate_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_password_response_cb), data,
                         (GClosureNotify) (void (*) (void)) g_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* The error window's buttons, for a database on a server */

typedef struct
{
  AmendsApplication *self;
  char              *password;
} GivenPassword;

/* Not from inside the dialog's response: opening the database destroys
 * every window, the dialog too, which then had freed memory to return
 * to. */
static gboolean
open_with_given_password_cb (gpointer user_data)
{
  GivenPassword *given = user_data;
  AmendsApplication *self = given->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *location = g_strdup (self->failed_location);

  if (location != NULL)
    {
      if (amends_application_open_database (self, location, given->password, &error) != NULL)
        amends_application_keep_password (self, location, given->password);
      else
        amends_application_show_open_error (self, location, error);
    }

  g_application_release (G_APPLICATION (self));
  g_object_unref (self);
  g_free (given->password);
  g_free (given);

  return G_SOURCE_REMOVE;
}

static void
on_password_given_cb (const char *password,
                      gpointer    user_data)
{
  AmendsApplication *self = user_data;
  GivenPassword *given;

  if (password == NULL)
    {
      g_object_unref (self);
      return;
    }

  given = g_new0 (GivenPassword, 1);
  given->self = self;
  given->password = g_strdup (password);
  g_application_hold (G_APPLICATION (self));
  g_idle_add (open_with_given_password_cb, given);
}

static void
amends_application_enter_password_action (GSimpleAction *action,
                                          GVariant      *parameter,
                                          gpointer       user_data)
{
  AmendsApplication *self = user_data;
  g_autoptr(AmendsDatabaseLogin) login = NULL;
  g_autofree char *name = NULL;

  if (self->failed_location == NULL)
    return;

  login = amends_database_login_new_for_location (self->failed_location);
  name = amends_database_login_describe (login);
  amends_application_ask_password (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                   name, login->user, FALSE,
                                   on_password_given_cb, g_object_ref (self));
}

static void
amends_application_open_again_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  AmendsApplication *self = user_data;
  g_autofree char *location = g_strdup (self->failed_location);
  g_autoptr(GError) error = NULL;

  if (location == NULL)
    return;

  if (amends_application_open_database (self, location, NULL, &error) == NULL)
    amends_application_show_open_error (self, location, error);
}

static const GActionEntry database_actions[] = {
  { "open-database-again", amends_application_open_again_action },
  { "enter-database-password", amends_application_enter_password_action },
};

void
amends_application_add_database_actions (AmendsApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   database_actions, G_N_ELEMENTS (database_actions),
                                   self);
}

/**
 * amends_application_show_open_error:
 * @location: what could not be opened
 * @error: why
 *
 * Replaces the windows with the one that says the database cannot be
 * opened (amends_application_create_error_window()), with a way to try
 * again when it is on a server.
 */
void
amends_application_show_open_error (AmendsApplication *self,
                                    const char        *location,
                                    const GError      *error)
{
  GtkWindow *window;
  GList *windows;

  if (self->failed_location != location)
    {
      g_free (self->failed_location);
      self->failed_location = g_strdup (location);
    }

  g_application_hold (G_APPLICATION (self));
  windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self)),
                              ref_window, NULL);
  window = amends_application_create_error_window (self, location, error);
  gtk_window_present (window);
  for (const GList *l = windows; l != NULL; l = l->next)
    if (!AMENDS_IS_WINDOW (l->data))
      gtk_window_destroy (l->data);
  g_list_free_full (windows, g_object_unref);
  g_application_release (G_APPLICATION (self));
}

/* Keeping the password in the keyring */

static void
on_password_kept_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AmendsApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (amends_database_password_store_finish (result, &error))
    return;

  /* Once a session: every start will ask again, and the person should
   * know why. */
  g_debug ("The password could not be kept in the keyring: %s", error->message);
  if (self->keyring_missing_said)
    return;
  self->keyring_missing_said = TRUE;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (AMENDS_IS_WINDOW (window))
    amends_window_add_toast (AMENDS_WINDOW (window),
                             adw_toast_new (_("There is no keyring to keep the password in: Amends will ask for it each time it starts.")));
}

/**
 * amends_application_keep_password:
 *
 * Keeps @password for the login of @location in the keyring; without a
 * keyring, says once that it will be asked for again.
 */
void
amends_application_keep_password (AmendsApplication *self,
                                  const char        *location,
                                  const char        *password)
{
  g_autoptr(AmendsDatabaseLogin) login = amends_database_login_new_for_location (location);

  amends_database_password_store (login, password, NULL, on_password_kept_cb, g_object_ref (self));
}

/* Opening at start-up: the keyring's password, when the server asks */

typedef struct
{
  AmendsApplication *self;
  char              *location;
  GError            *error;
} LookupData;

static void
lookup_data_free (LookupData *data)
{
  g_object_unref (data->self);
  g_free (data->location);
  g_clear_error (&data->error);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LookupData, lookup_data_free)

static void
on_startup_password_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(LookupData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = amends_database_password_lookup_finish (result, &error);

  if (password != NULL)
    {
      g_autoptr(GError) open_error = NULL;

      if (amends_application_open_database (data->self, data->location, password, &open_error) != NULL)
        return;
      amends_application_show_open_error (data->self, data->location, open_error);
      return;
    }

  /* The window says so already, and offers to type the password. */
  if (error != NULL)
    g_debug ("No keyring to ask for the password: %s", error->message);
}

/**
 * amends_application_open_first:
 * @location: the database to open at start-up
 *
 * Opens @location for the first window.  When the server wants a
 * password that libpq has not found, the keyring is asked while the
 * window says so; the person is asked from there when it has none.
 *
 * Returns: (transfer none): the window shown
 */
GtkWindow *
amends_application_open_first (AmendsApplication *self,
                               const char        *location)
{
  g_autoptr(AmendsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  store = amends_application_open_store (self, location, &error);
  if (store == NULL)
    {
      g_free (self->failed_location);
      self->failed_location = g_strdup (location);
      window = amends_application_create_error_window (self, location, error);
      gtk_window_present (window);

      if (amends_db_location_is_server (location) && amends_database_error_wants_password (error))
        {
          g_autoptr(AmendsDatabaseLogin) login = amends_database_login_new_for_location (location);
          LookupData *data = g_new0 (LookupData, 1);

          data->self = g_object_ref (self);
          data->location = g_strdup (location);
          data->error = g_error_copy (error);
          amends_database_password_lookup (login, NULL, on_startup_password_cb, data);
        }
      return window;
    }

  amends_application_set_store (self, store);
  self->backup_wanted = !amends_store_get_shared (store);

  window = GTK_WINDOW (amends_window_new (GTK_APPLICATION (self), self->store));
  gtk_window_present (window);
  amends_application_run_after_first_frame (self, window);

  return window;
}
