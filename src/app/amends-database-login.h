/* amends-database-login.h: who logs in to a shared database, and with which password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a libpq location says about the login: the keys under which its
 * password is kept in the keyring.  Each is set, with libpq's defaults
 * where the location says nothing ("localhost", "5432", the user's
 * login name). */
typedef struct
{
  char *host;
  char *port;
  char *dbname;
  char *user;
} AmendsDatabaseLogin;

AmendsDatabaseLogin *amends_database_login_new_for_location (const char           *location);
void                 amends_database_login_free             (AmendsDatabaseLogin  *login);
char                *amends_database_login_to_location      (const AmendsDatabaseLogin *login);
char                *amends_database_login_describe         (const AmendsDatabaseLogin *login);

gboolean             amends_database_error_wants_password   (const GError         *error);

void                 amends_database_password_lookup        (const AmendsDatabaseLogin *login,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
char                *amends_database_password_lookup_finish (GAsyncResult         *result,
                                                             GError              **error);
void                 amends_database_password_store         (const AmendsDatabaseLogin *login,
                                                             const char           *password,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean             amends_database_password_store_finish  (GAsyncResult         *result,
                                                             GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsDatabaseLogin, amends_database_login_free)

G_END_DECLS
