/* amends-application.c: the application: command line, actions, windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-application"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>
#include <sys/resource.h>
#ifdef __linux__
# include <sys/syscall.h>
# include <unistd.h>
#endif

#include "amends-application-private.h"
#include "amends-backup.h"
#include "amends-db.h"
#include "amends-cli.h"
#include "amends-database-login.h"
#include "amends-demo.h"
#include "amends-notifier.h"
#include "amends-store-targets.h"
#include "amends-preferences-window.h"
#include "amends-window.h"

G_DEFINE_FINAL_TYPE (AmendsApplication, amends_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const GOptionEntry option_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database in the file PATH, or on the PostgreSQL server it names (postgresql://USER@HOST/DBNAME), instead of the usual one"),
    N_("PATH") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open a separate database filled with example cases, to try Amends"), NULL },
  { "weekly-summary", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the weekly summary of WEEK (such as 2026-W47) as a PDF and quit"), N_("WEEK") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The PDF file that --weekly-summary or --summary writes"), N_("FILE") },
  { "import-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the cases in FILE (CSV with Amends, osTicket or CFPB columns) and quit"), N_("FILE") },
  { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write every case to FILE as CSV, and their timelines beside it, and quit"), N_("FILE") },
  { "create", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import-csv or --export-csv: make the database if there is none yet"), NULL },
  { "yes", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import-csv: import a file of more than 100,000 rows without asking"), NULL },
  { "update", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import-csv: cases already here take the file’s values (they are skipped otherwise)"), NULL },
  { "date-order", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import-csv: how dates such as 01/02/2026 are written, day-first or month-first"), N_("ORDER") },
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a backup of the database to FILE and quit"), N_("FILE") },
  { "copy-to", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Copy every case and all of the history to TARGET, an empty server database (postgresql://…) or, from a server, a new file, and quit"),
    N_("TARGET") },
  { "restore", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check the backup in FILE and put it in the database’s place, keeping the database as it was, and quit"),
    N_("FILE") },
  { "summary", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the summary of PERIOD (2026-10-01..2026-12-31, 2026-11 or 2026-Q4) with --output FILE.pdf and/or --csv FILE.csv, and quit"),
    N_("PERIOD") },
  { "csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --summary: write the period’s measures to FILE as CSV"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version of Amends and quit"), NULL },
  { "training-pack", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Write the training pack (the stories marked for training) to the PDF given with --output and quit"), NULL },
  { "staff-record", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the recovery record of the member of staff NAME to the PDF given with --output and quit"), N_("NAME") },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --staff-record: the first day, such as 2026-05-01"), N_("DAY") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --staff-record: the last day, such as 2026-05-31"), N_("DAY") },
  { NULL }
};

/* The person saved as being at the desk only becomes the store's actor if
 * this database knows them as active staff: the setting is shared by every
 * database the user opens, and a stale id must not sign anyone's changes. */
static gboolean
map_current_staff_to_actor (GValue   *value,
                            GVariant *variant,
                            gpointer  user_data)
{
  AmendsStore *store = user_data;
  gint64 staff_id = g_variant_get_int64 (variant);

  if (staff_id > 0)
    {
      g_autoptr(AmendsStaff) staff = NULL;
      g_autoptr(GError) error = NULL;

      staff = amends_store_load (store, AMENDS_TYPE_STAFF, staff_id, &error);
      if (staff == NULL || !amends_staff_get_active (staff))
        {
          g_debug ("Staff member %" G_GINT64_FORMAT " is not at the desk of %s: %s",
                   staff_id, amends_store_get_display_name (store),
                   error ? error->message : "not active");
          staff_id = 0;
        }
    }

  g_value_set_int64 (value, MAX (staff_id, 0));

  return TRUE;
}

static void
amends_application_bind_store (AmendsApplication *self)
{
  if (self->settings == NULL || self->store == NULL)
    return;

  /* Notifications go through the application's D-Bus connection: only
   * once it is registered (startup), which is when settings exist. */
  self->notifier = amends_notifier_new (G_APPLICATION (self), self->store, self->settings);

  g_settings_bind_with_mapping (self->settings, "current-staff",
                                self->store, "actor-id",
                                G_SETTINGS_BIND_GET,
                                map_current_staff_to_actor, NULL,
                                self->store, NULL);
  g_settings_bind (self->settings, "recovery-target-hours",
                   self->store, "recovery-target-hours",
                   G_SETTINGS_BIND_GET);

  /* The targets are the database's now (Preferences → Targets): the
   * desk's old setting comes in once, as the target for any case, into
   * a file that has none yet. */
  {
    g_autoptr(GError) error = NULL;

    if (!amends_store_seed_default_target (self->store,
                                           amends_store_get_recovery_target_hours (self->store),
                                           &error))
      g_debug ("The recovery target could not be brought into the database: %s", error->message);
  }
}

static void
amends_application_unbind_store (AmendsApplication *self)
{
  /* Disposed, not only unreferenced: its D-Bus calls still hold it until
   * the bus answers, and it must let go of the store now. */
  if (self->notifier != NULL)
    g_object_run_dispose (G_OBJECT (self->notifier));
  g_clear_object (&self->notifier);

  if (self->settings == NULL || self->store == NULL)
    return;

  g_settings_unbind (self->store, "actor-id");
  g_settings_unbind (self->store, "recovery-target-hours");
}

/* --database (or --demo) first, then the shared database chosen in
 * Preferences, then this computer's usual file. */
char *
amends_application_get_database_path (AmendsApplication *self)
{
  g_autofree char *configured = NULL;

  if (self->database_path != NULL)
    return g_strdup (self->database_path);

  configured = amends_application_dup_configured_location ();
  if (configured != NULL)
    return g_steal_pointer (&configured);

  return amends_store_get_default_path ();
}

AmendsStore *
amends_application_open_store (AmendsApplication  *self,
                               const char         *path,
                               GError            **error)
{
  g_autoptr(AmendsStore) store = NULL;

  /* The window does not wait for the integrity check, which reads the
   * whole file: it runs after the first frame (run_after_first_frame()),
   * and writes wait for its verdict. */
  store = amends_store_open_full (path, AMENDS_STORE_OPEN_CHECK_LATER, error);
  if (store == NULL)
    return NULL;

  if (self->demo)
    {
      g_autoptr(GError) local_error = NULL;
      gboolean has_cases = amends_store_has_cases (store, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      if (!has_cases)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();

          if (!amends_demo_populate (store, now, error))
            return NULL;
        }
    }

  return g_steal_pointer (&store);
}

static GtkWidget *
add_pill (GtkWidget  *box,
          const char *label,
          const char *action,
          gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_add_css_class (button, "pill");
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_box_append (GTK_BOX (box), button);

  return button;
}

/* Shown instead of the main window when the database cannot be opened.
 * A window of its own rather than an AdwMessageDialog, which wants a
 * parent window that does not exist here. */
GtkWindow *
amends_application_create_error_window (AmendsApplication *self,
                                        const char        *path,
                                        const GError      *error)
{
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *header_bar;
  GtkWidget *status_page;
  GtkWidget *buttons;
  GtkWidget *button;
  GtkWidget *default_button = NULL;
  g_autofree char *message = NULL;
  g_autofree char *location = NULL;
  g_autofree char *description = NULL;

  window = adw_application_window_new (GTK_APPLICATION (self));
  gtk_window_set_title (GTK_WINDOW (window), _("Amends"));
  gtk_window_set_default_size (GTK_WINDOW (window), 520, -1);
  gtk_window_set_resizable (GTK_WINDOW (window), FALSE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  header_bar = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header_bar),
                                   adw_window_title_new (_("Amends"), NULL));
  gtk_widget_add_css_class (header_bar, "flat");
  gtk_box_append (GTK_BOX (box), header_bar);

  /* The status page's description is markup; a path may hold a '&'. The
   * message names the file; the full path says which one it is.  A
   * server's location is not shown: it may hold a password, and the
   * message names the database and the server already. */
  message = g_markup_escape_text (error->message, -1);
  if (amends_db_location_is_server (path))
    description = g_strdup (message);
  else
    {
      location = g_markup_escape_text (path, -1);
      description = g_strdup_printf ("%s\n\n<small>%s</small>", message, location);
    }

  status_page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status_page), "dialog-warning-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status_page), _("Could Not Open the Database"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status_page), description);
  gtk_widget_set_vexpand (status_page, TRUE);
  gtk_box_append (GTK_BOX (box), status_page);

  buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  adw_status_page_set_child (ADW_STATUS_PAGE (status_page), buttons);

  /* A server may be back in a moment, or want a password: the person
   * can try again from here rather than start Amends again. */
  if (amends_db_location_is_server (path))
    {
      if (amends_database_error_wants_password (error))
        default_button = add_pill (buttons, _("_Enter Password…"), "app.enter-database-password", TRUE);
      default_button = add_pill (buttons, _("_Try Again"), "app.open-database-again",
                                 default_button == NULL);
    }

  button = add_pill (buttons, _("_Quit"), "app.quit", FALSE);
  if (default_button == NULL)
    default_button = button;

  gtk_window_set_default_widget (GTK_WINDOW (window), default_button);
  gtk_widget_grab_focus (default_button);

  return GTK_WINDOW (window);
}

static gpointer
ref_window (gconstpointer window,
            gpointer      user_data)
{
  return g_object_ref ((gpointer) window);
}

static void
amends_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  AmendsApplication *self = user_data;
  GList *windows;

  /* Close the main windows the way the user would, so that they save
   * what was typed and their state on close-request; then stop, whatever
   * else is open.  A window whose last save failed stays open to ask
   * what to do: quitting then waits for its answer. */
  windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self)),
                              ref_window, NULL);
  for (const GList *l = windows; l != NULL; l = l->next)
    {
      if (AMENDS_IS_WINDOW (l->data))
        gtk_window_close (l->data);
    }
  g_list_free_full (windows, g_object_unref);

  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (AMENDS_IS_WINDOW (l->data) && gtk_widget_get_visible (l->data))
        return;
    }

  /* The reminders go on while the window is closed, unless the session
   * ends (SIGTERM): quitting is closing the windows then. */
  if (self->held && !self->terminating)
    return;

  g_application_quit (G_APPLICATION (self));
}

/* A desktop notification's click: the window, with the case selected. */
static void
amends_application_show_case_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  AmendsApplication *self = user_data;

  g_application_activate (G_APPLICATION (self));

  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (AMENDS_IS_WINDOW (l->data))
        {
          gtk_widget_activate_action (l->data, "win.show-case", "x", g_variant_get_int64 (parameter));
          return;
        }
    }
}

/* Stays when the last window closes while the reminders are wanted: the
 * background service does, and "Remind me while Amends is closed" makes
 * the window's own process one at once (the autostart entry starts it at
 * the next login). */
static void
update_hold (AmendsApplication *self)
{
  gboolean wanted = (g_application_get_flags (G_APPLICATION (self)) & G_APPLICATION_IS_SERVICE) ||
                    g_settings_get_boolean (self->settings, "remind-while-closed");

  if (wanted == self->held)
    return;

  self->held = wanted;
  if (wanted)
    g_application_hold (G_APPLICATION (self));
  else
    g_application_release (G_APPLICATION (self));
}

static void
amends_application_about_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  AmendsApplication *self = user_data;
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        "application-name", _("Amends"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Amends developers"),
                        "copyright", _("© The Amends developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/amends/amends",
                        "issue-url", "https://github.com/amends/amends/issues",
                        /* Translators: your names, one a line, as you want them credited */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (about);
}

/* The user guide, in Yelp (help/C/ installed by gnome.yelp ()). */
static void
amends_application_help_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  AmendsApplication *self = user_data;

  gtk_show_uri (gtk_application_get_active_window (GTK_APPLICATION (self)),
                "help:amends", GDK_CURRENT_TIME);
}

static void
amends_application_preferences_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  AmendsApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AmendsPreferencesWindow *preferences;

  preferences = amends_preferences_window_new (parent, self->store);
  gtk_window_present (GTK_WINDOW (preferences));
}

/* Logging out sends SIGTERM: Amends quits as if asked, saving what was
 * typed and stopping a backup under way, rather than dying mid-write. */
static gboolean
on_terminate_cb (gpointer user_data)
{
  AMENDS_APPLICATION (user_data)->terminating = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);

  return G_SOURCE_CONTINUE;
}

static const GActionEntry app_actions[] = {
  { "quit", amends_application_quit_action },
  { "about", amends_application_about_action },
  { "help", amends_application_help_action },
  { "preferences", amends_application_preferences_action },
  { "show-case", amends_application_show_case_action, "x" },
};

static int
amends_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  AmendsApplication *self = AMENDS_APPLICATION (application);
  g_autofree char *database = NULL;
  g_autofree char *location = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("amends %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "database", "^ay", &database);
  self->demo = g_variant_dict_contains (options, "demo");

  /* Before anything else: an empty path would otherwise be a temporary
   * database that vanishes with whatever was imported into it. */
  if (database != NULL && database[0] == '\0')
    {
      g_printerr ("amends: %s\n", _("--database needs the path of a database file."));
      return 1;
    }

  if (database != NULL && self->demo)
    {
      g_printerr ("amends: %s\n", _("Use either --database or --demo, not both."));
      return 1;
    }

  /* What the command-line work below reads: --demo's file, --database
   * (a file or a server, as given), or the shared database chosen in
   * Preferences; NULL is this computer's usual file. */
  if (self->demo)
    location = amends_demo_get_default_path ();
  else if (database != NULL)
    location = g_strdup (database);
  else
    location = amends_application_dup_configured_location ();

  /* A server's backups are PostgreSQL's own job: say which tool does it,
   * rather than pretend with a copy of a file that is not there. */
  if (location != NULL && amends_db_location_is_server (location) &&
      (g_variant_dict_contains (options, "backup") || g_variant_dict_contains (options, "restore")))
    {
      g_printerr ("amends: %s\n", _("A database on a PostgreSQL server is backed up with PostgreSQL’s own tools: pg_dump writes a backup, pg_restore puts one back."));
      return 1;
    }

  if (g_variant_dict_contains (options, "backup") || g_variant_dict_contains (options, "restore"))
    {
      g_autofree char *file = NULL;

      if (g_variant_dict_lookup (options, "backup", "^ay", &file))
        return amends_cli_backup (file, location);
      g_variant_dict_lookup (options, "restore", "^ay", &file);
      return amends_cli_restore (file, location);
    }

  if (g_variant_dict_contains (options, "copy-to"))
    {
      g_autofree char *target = NULL;

      g_variant_dict_lookup (options, "copy-to", "^ay", &target);
      return amends_cli_copy_to (target, location);
    }

  if (g_variant_dict_contains (options, "training-pack") ||
      g_variant_dict_contains (options, "staff-record"))
    return amends_cli_run_training_options (options, location);

  /* No window and no display: the PDF is written here, before GTK starts. */
  if (g_variant_dict_contains (options, "weekly-summary"))
    {
      g_autofree char *week = NULL;
      g_autofree char *output = NULL;

      g_variant_dict_lookup (options, "weekly-summary", "s", &week);
      g_variant_dict_lookup (options, "output", "^ay", &output);
      return amends_cli_weekly_summary (week, output, location);
    }

  if (g_variant_dict_contains (options, "summary"))
    {
      g_autofree char *period = NULL;
      g_autofree char *output = NULL;
      g_autofree char *csv = NULL;

      g_variant_dict_lookup (options, "summary", "s", &period);
      g_variant_dict_lookup (options, "output", "^ay", &output);
      g_variant_dict_lookup (options, "csv", "^ay", &csv);
      return amends_cli_summary (period, output, csv, location);
    }

  if (g_variant_dict_contains (options, "csv"))
    {
      g_printerr ("amends: %s\n", _("--csv goes with --summary."));
      return 1;
    }

  if (g_variant_dict_contains (options, "import-csv") ||
      g_variant_dict_contains (options, "export-csv"))
    {
      g_autofree char *csv = NULL;
      gboolean create = g_variant_dict_contains (options, "create");

      if (g_variant_dict_lookup (options, "import-csv", "^ay", &csv))
        {
          AmendsCliImport import = { create, FALSE, FALSE, AMENDS_CSV_DATE_ORDER_UNKNOWN };
          g_autofree char *order = NULL;

          import.yes = g_variant_dict_contains (options, "yes");
          import.update = g_variant_dict_contains (options, "update");
          if (g_variant_dict_lookup (options, "date-order", "s", &order))
            {
              if (g_str_equal (order, "day-first"))
                import.date_order = AMENDS_CSV_DATE_ORDER_DAY_FIRST;
              else if (g_str_equal (order, "month-first"))
                import.date_order = AMENDS_CSV_DATE_ORDER_MONTH_FIRST;
              else
                {
                  g_printerr ("amends: %s\n", _("--date-order is day-first or month-first."));
                  return 1;
                }
            }
          return amends_cli_import_csv (csv, location, &import);
        }
      g_variant_dict_lookup (options, "export-csv", "^ay", &csv);
      return amends_cli_export_csv (csv, location, create);
    }

  if (g_variant_dict_contains (options, "yes") || g_variant_dict_contains (options, "update") ||
      g_variant_dict_contains (options, "date-order"))
    {
      g_printerr ("amends: %s\n", _("--yes, --update and --date-order go with --import-csv."));
      return 1;
    }

  if (g_variant_dict_contains (options, "create"))
    {
      g_printerr ("amends: %s\n", _("--create goes with --import-csv or --export-csv."));
      return 1;
    }

  if (g_variant_dict_contains (options, "output"))
    {
      g_printerr ("%s\n", _("--output goes with --weekly-summary or --summary."));
      return 1;
    }


  /* A server's location goes to libpq as it was given: it is no file
   * name to make absolute. */
  if (database != NULL && amends_db_location_is_server (database))
    self->database_path = g_strdup (database);
  else if (database != NULL)
    self->database_path = g_canonicalize_filename (database, NULL);
  else if (self->demo)
    self->database_path = amends_demo_get_default_path ();

  /* Each instance opens its own database: one on another file or server
   * must not hand its window over to the instance that has the usual one
   * open, nor two servers share a window.  The usual instance (no
   * --database) stays the one unique one, whichever database Preferences
   * chose for it. */
  if (self->database_path != NULL)
    g_application_set_flags (application,
                             g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
amends_application_startup (GApplication *application)
{
  AmendsApplication *self = AMENDS_APPLICATION (application);
  static const char *quit_accels[] = { "<Primary>q", NULL };
  static const char *preferences_accels[] = { "<Primary>comma", NULL };
  static const char *help_accels[] = { "F1", NULL };

  G_APPLICATION_CLASS (amends_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  amends_application_add_database_actions (self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);

  /* Not in init: `amends --version` must work without the schema. */
  self->settings = g_settings_new (APP_ID);

  /* The background service (--gapplication-service, D-Bus activation, the
   * autostart entry) opens the database as the window would, and is the
   * very process whose window opens later: it is the one writer of this
   * desktop session, never a second.  It only reads to remind. */
  if (g_application_get_flags (application) & G_APPLICATION_IS_SERVICE && self->store == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = amends_application_get_database_path (self);
      g_autoptr(AmendsStore) store = amends_application_open_store (self, path, &error);

      if (store == NULL)
        g_warning ("The reminders cannot read %s: %s", path, error->message);
      else
        {
          self->store = g_steal_pointer (&store);
          self->backup_wanted = !amends_store_get_shared (self->store);
        }
    }

  amends_application_bind_store (self);

  g_signal_connect_object (self->settings, "changed::remind-while-closed",
                           G_CALLBACK (update_hold), self, G_CONNECT_SWAPPED);
  update_hold (self);

  self->terminate_source = g_unix_signal_add (SIGTERM, on_terminate_cb, self);
}

static void
amends_application_activate (GApplication *application)
{
  AmendsApplication *self = AMENDS_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL && self->store == NULL)
    {
      g_autofree char *path = amends_application_get_database_path (self);

      amends_application_open_first (self, path);
      return;
    }

  if (window == NULL)
    {
      window = GTK_WINDOW (amends_window_new (GTK_APPLICATION (self), self->store));
      gtk_window_present (window);
      amends_application_run_after_first_frame (self, window);
      return;
    }

  gtk_window_present (window);
}

static void
amends_application_shutdown (GApplication *application)
{
  AmendsApplication *self = AMENDS_APPLICATION (application);

  g_clear_handle_id (&self->terminate_source, g_source_remove);
  amends_application_stop_daily_backup (self);
  g_clear_object (&self->notifier);

  G_APPLICATION_CLASS (amends_application_parent_class)->shutdown (application);
}

static void
amends_application_dispose (GObject *object)
{
  AmendsApplication *self = (AmendsApplication *)object;

  amends_application_unbind_store (self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->backup_cancellable);

  G_OBJECT_CLASS (amends_application_parent_class)->dispose (object);
}

static void
amends_application_finalize (GObject *object)
{
  AmendsApplication *self = (AmendsApplication *)object;

  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->failed_location, g_free);

  G_OBJECT_CLASS (amends_application_parent_class)->finalize (object);
}

static void
amends_application_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AmendsApplication *self = AMENDS_APPLICATION (object);

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
amends_application_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AmendsApplication *self = AMENDS_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      amends_application_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_application_class_init (AmendsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = amends_application_dispose;
  object_class->finalize = amends_application_finalize;
  object_class->get_property = amends_application_get_property;
  object_class->set_property = amends_application_set_property;

  application_class->handle_local_options = amends_application_handle_local_options;
  application_class->startup = amends_application_startup;
  application_class->activate = amends_application_activate;
  application_class->shutdown = amends_application_shutdown;

  /**
   * AmendsApplication:store:
   *
   * The database the windows show. Opened on the first activation unless
   * set before (as the tests do).
   */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AMENDS_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
amends_application_init (AmendsApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Amends is the service recovery desk: log what went wrong "
                                              "for a customer, own it and put it right within 24 hours."));
}

AmendsApplication *
amends_application_new (void)
{
  return g_object_new (AMENDS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

/**
 * amends_application_get_store:
 *
 * Returns: (transfer none) (nullable): the open database, or %NULL before
 *   the first activation
 */
AmendsStore *
amends_application_get_store (AmendsApplication *self)
{
  g_return_val_if_fail (AMENDS_IS_APPLICATION (self), NULL);

  return self->store;
}

/**
 * amends_application_set_store:
 * @store: (nullable): the database to show
 *
 * Uses @store instead of opening one on activation, and keeps its actor
 * and recovery target in step with the settings.
 */
void
amends_application_set_store (AmendsApplication *self,
                              AmendsStore       *store)
{
  g_return_if_fail (AMENDS_IS_APPLICATION (self));
  g_return_if_fail (!store || AMENDS_IS_STORE (store));

  if (self->store == store)
    return;

  amends_application_unbind_store (self);
  g_set_object (&self->store, store);
  amends_application_bind_store (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}
