/* amends-application-private.h: what the application's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-application.h"

G_BEGIN_DECLS

struct _AmendsApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  AmendsStore    *store;

  /* From the command line: a database other than the usual one, and
   * whether it is the demo database (filled when empty). */
  char           *database_path;
  gboolean        demo;

  /* The day's backup: taken of a database that the application opened
   * itself (not of one a test hands it), after the first frame. */
  gboolean        backup_wanted;
  GCancellable   *backup_cancellable;

  guint           terminate_source;

  /* Desktop notifications of the open database (amends-notifier.c), and
   * whether the application stays when its last window closes: started
   * as the background service, or "Remind me while Amends is closed". */
  struct _AmendsNotifier *notifier;
  gboolean        held;
  gboolean        terminating;

  /* The database on a server that could not be opened, for the error
   * window's Try Again and Enter Password (it may hold a password: never
   * shown); whether the person was told there is no keyring. */
  char           *failed_location;
  gboolean        keyring_missing_said;
};

typedef void (*AmendsApplicationPasswordFunc) (const char *password,
                                               gpointer    user_data);

/* amends-application.c */
char        *amends_application_get_database_path     (AmendsApplication  *self);
AmendsStore *amends_application_open_store            (AmendsApplication  *self,
                                                       const char         *path,
                                                       GError            **error);
GtkWindow   *amends_application_create_error_window   (AmendsApplication  *self,
                                                       const char         *path,
                                                       const GError       *error);

/* amends-application-database.c */
char        *amends_application_dup_configured_location (void);
GtkWindow   *amends_application_open_first            (AmendsApplication  *self,
                                                       const char         *location);
GtkWindow   *amends_application_open_database         (AmendsApplication  *self,
                                                       const char         *location,
                                                       const char         *password,
                                                       GError            **error);
void         amends_application_show_open_error       (AmendsApplication  *self,
                                                       const char         *location,
                                                       const GError       *error);
void         amends_application_add_database_actions  (AmendsApplication  *self);
void         amends_application_keep_password         (AmendsApplication  *self,
                                                       const char         *location,
                                                       const char         *password);
void         amends_application_ask_password          (GtkWindow          *parent,
                                                       const char         *display_name,
                                                       const char         *user,
                                                       gboolean            retry,
                                                       AmendsApplicationPasswordFunc callback,
                                                       gpointer            user_data);

/* amends-application-backup.c */
void         amends_application_run_after_first_frame (AmendsApplication  *self,
                                                       GtkWindow          *window);
void         amends_application_stop_daily_backup     (AmendsApplication  *self);

G_END_DECLS
