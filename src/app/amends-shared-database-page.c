/* amends-shared-database-page.c: Preferences → Shared Database: which database this desk uses
 *
 * Several desks share one case history on a PostgreSQL server (issue 16).
 * The page says which database is in use, takes the server's details
 * (or a libpq connection string), tests them in a thread (connecting may
 * take seconds to time out; the window must not freeze meanwhile), and
 * connects: the location is kept in the "database-location" setting, for
 * every start without --database, and the application opens it in a new
 * window (amends_application_open_database()).  Disconnect goes back to
 * this computer's file.
 *
 * When the server asks for a password that libpq did not find in
 * ~/.pgpass or PGPASSWORD, the keyring is asked, then the person; a
 * password typed is kept in the keyring once the connection is made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-shared-database-page"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-accessible.h"
#include "amends-application-private.h"
#include "amends-database-login.h"
#include "amends-db.h"
#include "amends-shared-database-page.h"
#include "amends-window.h"

struct _AmendsSharedDatabasePage
{
  AdwPreferencesPage  parent_instance;

  AmendsStore        *store;
  GSettings          *settings;
  GCancellable       *cancellable;

  AdwActionRow       *in_use_row;
  GtkWidget          *disconnect_button;
  AdwEntryRow        *host_row;
  AdwEntryRow        *port_row;
  AdwEntryRow        *dbname_row;
  AdwEntryRow        *user_row;
  AdwEntryRow        *location_row;
  AdwActionRow       *result_row;
  GtkSpinner         *spinner;

  /* The attempt under way or last made: where (never with a password),
   * the password found or typed for it, and what comes after. */
  char               *location;
  char               *password;
  gboolean            password_typed;
  gboolean            keyring_asked;
  gboolean            connect_after;
  gboolean            busy;
};

G_DEFINE_FINAL_TYPE (AmendsSharedDatabasePage, amends_shared_database_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void run_test (AmendsSharedDatabasePage *self);

static void
show_result (AmendsSharedDatabasePage *self,
             const char               *text)
{
  adw_action_row_set_subtitle (self->result_row, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->result_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
set_busy (AmendsSharedDatabasePage *self,
          gboolean                  busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "shared-database.test", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "shared-database.connect", !busy);
}

static void
show_in_use (AmendsSharedDatabasePage *self)
{
  g_autofree char *configured = g_settings_get_string (self->settings, "database-location");
  gboolean shared = self->store != NULL && amends_store_get_shared (self->store);

  if (self->store != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->in_use_row),
                                   amends_store_get_display_name (self->store));
  adw_action_row_set_subtitle (self->in_use_row,
                               shared ? _("On a PostgreSQL server, shared with the other desks")
                                      : _("A file on this computer, for this desk only"));
  gtk_widget_set_visible (self->disconnect_button, shared || configured[0] != '\0');
}

static char *
text_of (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* The connection string when one is given, else the fields; NULL when
 * nothing is filled in. */
static char *
dup_location (AmendsSharedDatabasePage *self)
{
  g_autofree char *location = text_of (self->location_row);
  AmendsDatabaseLogin login = { 0 };
  char *built;

  if (location[0] != '\0')
    return g_steal_pointer (&location);

  login.host = text_of (self->host_row);
  login.port = text_of (self->port_row);
  login.dbname = text_of (self->dbname_row);
  login.user = text_of (self->user_row);
  built = amends_database_login_to_location (&login);
  g_free (login.host);
  g_free (login.port);
  g_free (login.dbname);
  g_free (login.user);

  if (built[0] == '\0')
    g_clear_pointer (&built, g_free);

  return built;
}

/* The test itself, in a thread */

typedef struct
{
  char   *display_name;
  gint64  version;
} TestResult;

static void
test_result_free (TestResult *result)
{
  g_free (result->display_name);
  g_free (result);
}

static void
test_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *location = task_data;
  g_autoptr(AmendsDb) db = NULL;
  g_autoptr(AmendsDbStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  TestResult *result;

  db = amends_db_open (location, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  stmt = amends_db_prepare (db, "SELECT CAST(current_setting('server_version_num') AS BIGINT)", &error);
  if (stmt == NULL || amends_db_stmt_step (stmt, &error) != AMENDS_DB_STEP_ROW)
    {
      if (error == NULL)
        g_set_error_literal (&error, AMENDS_DB_ERROR, AMENDS_DB_ERROR_FAILED,
                             _("The server did not say which PostgreSQL it is."));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (TestResult, 1);
  result->display_name = g_strdup (amends_db_get_display_name (db));
  result->version = amends_db_stmt_column_int64 (stmt, 0);
  g_task_return_pointer (task, result, (GDestroyNotify) test_result_free);
}

/* Connecting, once the test passed */

static void
connect_now (AmendsSharedDatabasePage *self,
             const char               *display_name)
{
  AmendsApplication *application = AMENDS_APPLICATION (g_application_get_default ());
  g_autoptr(GSettings) settings = g_object_ref (self->settings);
  g_autofree char *location = g_strdup (self->location);
  g_autofree char *password = g_strdup (self->password);
  gboolean typed = self->password_typed;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  /* This page goes with the windows it is in. */
  g_object_ref (self);
  window = amends_application_open_database (application, location, password, &error);
  if (window == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
        show_result (self, error->message);
      g_object_unref (self);
      return;
    }
  g_object_unref (self);

  g_settings_set_string (settings, "database-location", location);
  if (password != NULL && typed)
    amends_application_keep_password (application, location, password);

  if (AMENDS_IS_WINDOW (window))
    {
      /* Translators: %s is a database, such as "amends on db.example" */
      g_autofree char *title = g_strdup_printf (_("Connected to %s"), display_name);
      amends_window_add_toast (AMENDS_WINDOW (window), adw_toast_new (title));
    }
}

/* The password, when the server wants one */

static void
on_password_typed_cb (const char *password,
                      gpointer    user_data)
{
  g_autoptr(AmendsSharedDatabasePage) self = user_data;

  /* The page went with its window meanwhile. */
  if (self->result_row == NULL)
    return;

  if (password == NULL)
    {
      show_result (self, _("The server wants a password to connect."));
      return;
    }

  g_free (self->password);
  self->password = g_strdup (password);
  self->password_typed = TRUE;
  run_test (self);
}

static void
ask_password (AmendsSharedDatabasePage *self)
{
  g_autoptr(AmendsDatabaseLogin) login = amends_database_login_new_for_location (self->location);
  g_autofree char *name = NULL;

  name = amends_database_login_describe (login);
  amends_application_ask_password (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   name, login->user, self->password != NULL,
                                   on_password_typed_cb, g_object_ref (self));
}

static void
on_keyring_password_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(AmendsSharedDatabasePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = amends_database_password_lookup_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->result_row == NULL)
    return;
  if (error != NULL)
    g_debug ("No keyring to look the password up in: %s", error->message);

  if (password != NULL)
    {
      g_free (self->password);
      self->password = g_steal_pointer (&password);
      self->password_typed = FALSE;
      run_test (self);
      return;
    }

  ask_password (self);
}

static void
on_test_done_cb (GObject      *source,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  AmendsSharedDatabasePage *self = AMENDS_SHARED_DATABASE_PAGE (source);
  g_autoptr(GError) error = NULL;
  TestResult *result = g_task_propagate_pointer (G_TASK (res), &error);
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (result == NULL)
    {
      if (amends_database_error_wants_password (error))
        {
          if (!self->keyring_asked)
            {
              g_autoptr(AmendsDatabaseLogin) login = amends_database_login_new_for_location (self->location);

              self->keyring_asked = TRUE;
              amends_database_password_lookup (login, self->cancellable,
                                               on_keyring_password_cb, g_object_ref (self));
              return;
            }
          show_result (self, error->message);
          ask_password (self);
          return;
        }
      show_result (self, error->message);
      return;
    }

  /* Translators: the first %s is a database, such as "amends on db.example"; the number is PostgreSQL's major version */
  text = g_strdup_printf (_("Connected to %s (PostgreSQL %d)"), result->display_name,
                          (int) (result->version >= 100000 ? result->version / 10000
                                                           : result->version / 100));
  show_result (self, text);

  if (self->connect_after)
    {
      g_autofree char *name = g_strdup (result->display_name);

      test_result_free (result);
      connect_now (self, name);
      return;
    }

  test_result_free (result);
}

static void
run_test (AmendsSharedDatabasePage *self)
{
  g_autoptr(GTask) task = NULL;
  char *location;

  if (self->password != NULL)
    amends_db_set_password (self->location, self->password);
  location = g_strdup (self->location);

  set_busy (self, TRUE);
  show_result (self, _("Connecting…"));

  task = g_task_new (self, self->cancellable, on_test_done_cb, NULL);
  g_task_set_source_tag (task, run_test);
  g_task_set_task_data (task, location, g_free);
  g_task_run_in_thread (task, test_thread);
}

static void
start (AmendsSharedDatabasePage *self,
       gboolean                  connect_after)
{
  g_autofree char *location = dup_location (self);

  if (self->busy)
    return;

  if (location == NULL)
    {
      show_result (self, _("Fill in the server and the database, or a connection string."));
      return;
    }

  /* Only a server: opening anything else would make a new file of that
   * name. */
  if (!amends_db_location_is_server (location))
    {
      show_result (self, _("This is not the address of a PostgreSQL database: give a URI such as postgresql://amends@db.example/amends, or keywords such as host=db.example dbname=amends."));
      return;
    }

  if (g_strcmp0 (location, self->location) != 0)
    {
      g_free (self->location);
      self->location = g_steal_pointer (&location);
      g_clear_pointer (&self->password, g_free);
      self->password_typed = FALSE;
      self->keyring_asked = FALSE;
    }

  self->connect_after = connect_after;
  run_test (self);
}

static void
amends_shared_database_page_test_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  start (AMENDS_SHARED_DATABASE_PAGE (widget), FALSE);
}

static void
amends_shared_database_page_connect_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter)
{
  start (AMENDS_SHARED_DATABASE_PAGE (widget), TRUE);
}

static void
amends_shared_database_page_disconnect_action (GtkWidget  *widget,
                                               const char *action_name,
                                               GVariant   *parameter)
{
  AmendsSharedDatabasePage *self = AMENDS_SHARED_DATABASE_PAGE (widget);
  AmendsApplication *application = AMENDS_APPLICATION (g_application_get_default ());
  g_autoptr(GSettings) settings = g_object_ref (self->settings);
  g_autofree char *path = amends_store_get_default_path ();
  g_autoptr(GError) error = NULL;

  g_object_ref (self);
  if (amends_application_open_database (application, path, NULL, &error) == NULL)
    {
      if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
        show_result (self, error->message);
      g_object_unref (self);
      return;
    }
  g_object_unref (self);

  g_settings_set_string (settings, "database-location", "");
}

static void
on_entry_activated_cb (AmendsSharedDatabasePage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "shared-database.test", NULL);
}

/* What was connected to last comes back in the connection string. */
static void
fill_in_configured (AmendsSharedDatabasePage *self)
{
  g_autofree char *configured = g_settings_get_string (self->settings, "database-location");

  gtk_editable_set_text (GTK_EDITABLE (self->location_row), configured);
}

static void
amends_shared_database_page_dispose (GObject *object)
{
  AmendsSharedDatabasePage *self = (AmendsSharedDatabasePage *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_SHARED_DATABASE_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (amends_shared_database_page_parent_class)->dispose (object);
}

static void
amends_shared_database_page_finalize (GObject *object)
{
  AmendsSharedDatabasePage *self = (AmendsSharedDatabasePage *)object;

  g_free (self->location);
  g_free (self->password);

  G_OBJECT_CLASS (amends_shared_database_page_parent_class)->finalize (object);
}

static void
amends_shared_database_page_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  AmendsSharedDatabasePage *self = AMENDS_SHARED_DATABASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_shared_database_page_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  AmendsSharedDatabasePage *self = AMENDS_SHARED_DATABASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_shared_database_page_constructed (GObject *object)
{
  AmendsSharedDatabasePage *self = (AmendsSharedDatabasePage *)object;

  G_OBJECT_CLASS (amends_shared_database_page_parent_class)->constructed (object);

  show_in_use (self);
  fill_in_configured (self);
}

static void
amends_shared_database_page_class_init (AmendsSharedDatabasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = amends_shared_database_page_constructed;
  object_class->dispose = amends_shared_database_page_dispose;
  object_class->finalize = amends_shared_database_page_finalize;
  object_class->get_property = amends_shared_database_page_get_property;
  object_class->set_property = amends_shared_database_page_set_property;

  /**
   * AmendsSharedDatabasePage:store:
   *
   * The database in use, named at the top of the page.
   */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AMENDS_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/amends-shared-database-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsSharedDatabasePage, in_use_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsSharedDatabasePage, disconnect_button);
  gtk_widget_class_bind_template_child (widget_class, AmendsSharedDatabasePage, host_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsSharedDatabasePage, port_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsSharedDatabasePage, dbname_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsSharedDatabasePage, user_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsSharedDatabasePage, location_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsSharedDatabasePage, result_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsSharedDatabasePage, spinner);

  gtk_widget_class_install_action (widget_class, "shared-database.test", NULL,
                                   amends_shared_database_page_test_action);
  gtk_widget_class_install_action (widget_class, "shared-database.connect", NULL,
                                   amends_shared_database_page_connect_action);
  gtk_widget_class_install_action (widget_class, "shared-database.disconnect", NULL,
                                   amends_shared_database_page_disconnect_action);
}

static void
amends_shared_database_page_init (AmendsSharedDatabasePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  amends_accessible_unmnemonic_buttons (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();

  g_signal_connect_object (self->location_row, "entry-activated",
                           G_CALLBACK (on_entry_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->user_row, "entry-activated",
                           G_CALLBACK (on_entry_activated_cb), self, G_CONNECT_SWAPPED);
}

/**
 * amends_shared_database_page_new:
 * @store: (nullable): the database in use
 *
 * Returns: (transfer full): the page
 */
AmendsSharedDatabasePage *
amends_shared_database_page_new (AmendsStore *store)
{
  g_return_val_if_fail (!store || AMENDS_IS_STORE (store), NULL);

  return g_object_new (AMENDS_TYPE_SHARED_DATABASE_PAGE,
                       "store", store,
                       NULL);
}
