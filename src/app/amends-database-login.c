/* amends-database-login.c: who logs in to a shared database, and with which password
 *
 * libpq finds a password by itself in ~/.pgpass or PGPASSWORD.  When it
 * finds none and the server asks for one, Amends asks the person once and
 * keeps it in the GNOME keyring (libsecret), under the server, port,
 * database and user it is for; it goes to libpq as the "password" keyword
 * of the location handed to the store, and nowhere else: not GSettings,
 * not a log, not the subtitle.
 *
 * The locations are read here without libpq, which only src/store/ may
 * name: a URI (postgresql://USER@HOST:PORT/DBNAME?key=value) or a keyword
 * string (host=… dbname=…), as libpq's documentation spells them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-database-login"

#include "config.h"

#include "amends-database-login.h"

#include "amends-db.h"
#include "amends-store.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <string.h>

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.amends.Amends.Database", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static gboolean
is_uri (const char *location)
{
  return g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://");
}

static void
set_field (AmendsDatabaseLogin *login,
           const char          *key,
           const char          *value)
{
  char **field = NULL;

  if (g_str_equal (key, "host"))
    field = &login->host;
  else if (g_str_equal (key, "port"))
    field = &login->port;
  else if (g_str_equal (key, "dbname"))
    field = &login->dbname;
  else if (g_str_equal (key, "user"))
    field = &login->user;

  if (field != NULL && value != NULL && *value != '\0')
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

/* key = value pairs, a value either a word or in single quotes with
 * backslash escapes. */
static void
parse_keywords (AmendsDatabaseLogin *login,
                const char          *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      g_autofree char *key = NULL;
      g_autoptr(GString) value = g_string_new (NULL);
      const char *start;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && *p != '=' && !g_ascii_isspace (*p))
        p++;
      key = g_strndup (start, p - start);
      while (g_ascii_isspace (*p))
        p++;
      if (*p != '=')
        return;
      p++;
      while (g_ascii_isspace (*p))
        p++;

      if (*p == '\'')
        {
          for (p++; *p != '\0' && *p != '\''; p++)
            {
              if (*p == '\\' && p[1] != '\0')
                p++;
              g_string_append_c (value, *p);
            }
          if (*p == '\'')
            p++;
        }
      else
        {
          for (; *p != '\0' && !g_ascii_isspace (*p); p++)
            {
              if (*p == '\\' && p[1] != '\0')
                p++;
              g_string_append_c (value, *p);
            }
        }

      set_field (login, key, value->str);
    }
}

static void
parse_uri (AmendsDatabaseLogin *login,
           const char          *uri)
{
  const char *rest = strstr (uri, "://") + 3;
  g_autofree char *authority = NULL;
  const char *end = rest + strcspn (rest, "/?");
  const char *at;

  authority = g_strndup (rest, end - rest);
  at = strrchr (authority, '@');
  if (at != NULL)
    {
      g_autofree char *userinfo = g_strndup (authority, at - authority);
      char *colon = strchr (userinfo, ':');
      g_autofree char *user = NULL;

      if (colon != NULL)
        *colon = '\0';
      user = g_uri_unescape_string (userinfo, NULL);
      set_field (login, "user", user);
    }

  {
    const char *hostport = at != NULL ? at + 1 : authority;
    /* A port after the last colon, unless inside an IPv6 address's []. */
    const char *colon = strrchr (hostport, ':');
    const char *bracket = strrchr (hostport, ']');
    g_autofree char *host = NULL;

    if (colon != NULL && (bracket == NULL || colon > bracket) && strchr (hostport, ',') == NULL)
      {
        g_autofree char *port = g_strdup (colon + 1);

        host = g_strndup (hostport, colon - hostport);
        set_field (login, "port", port);
      }
    else
      host = g_strdup (hostport);
    if (host[0] == '[' && bracket != NULL)
      {
        g_autofree char *inner = g_strndup (host + 1, strlen (host) - 2);
        g_free (host);
        host = g_steal_pointer (&inner);
      }
    {
      g_autofree char *unescaped = g_uri_unescape_string (host, NULL);
      set_field (login, "host", unescaped);
    }
  }

  if (*end == '/')
    {
      const char *db_end = end + 1 + strcspn (end + 1, "?");
      g_autofree char *dbname = g_strndup (end + 1, db_end - end - 1);
      g_autofree char *unescaped = g_uri_unescape_string (dbname, NULL);

      set_field (login, "dbname", unescaped);
      end = db_end;
    }

  if (*end == '?')
    {
      g_auto(GStrv) params = g_strsplit (end + 1, "&", -1);

      for (guint i = 0; params[i] != NULL; i++)
        {
          char *eq = strchr (params[i], '=');
          g_autofree char *key = NULL;
          g_autofree char *value = NULL;

          if (eq == NULL)
            continue;
          *eq = '\0';
          key = g_uri_unescape_string (params[i], NULL);
          value = g_uri_unescape_string (eq + 1, NULL);
          if (key != NULL)
            set_field (login, key, value);
        }
    }
}

static void
set_default (char       **field,
             const char  *variable,
             const char  *fallback)
{
  const char *value;

  if (*field != NULL)
    return;
  value = g_getenv (variable);
  *field = g_strdup (value != NULL && *value != '\0' ? value : fallback);
}

/**
 * amends_database_login_new_for_location:
 * @location: a libpq URI or keyword string
 *
 * Reads the server, port, database and user that @location logs in
 * with, filling what it leaves out as libpq would (its PG* variables, then
 * its defaults).  A password in @location is not read.
 *
 * Returns: (transfer full): the login
 */
AmendsDatabaseLogin *
amends_database_login_new_for_location (const char *location)
{
  AmendsDatabaseLogin *login = g_new0 (AmendsDatabaseLogin, 1);

  g_return_val_if_fail (location != NULL, login);

  if (is_uri (location))
    parse_uri (login, location);
  else
    parse_keywords (login, location);

  set_default (&login->host, "PGHOST", "localhost");
  set_default (&login->port, "PGPORT", "5432");
  set_default (&login->user, "PGUSER", g_get_user_name ());
  set_default (&login->dbname, "PGDATABASE", login->user);

  return login;
}

void
amends_database_login_free (AmendsDatabaseLogin *login)
{
  if (login == NULL)
    return;

  g_free (login->host);
  g_free (login->port);
  g_free (login->dbname);
  g_free (login->user);
  g_free (login);
}

/**
 * amends_database_login_describe:
 *
 * Returns: (transfer full): what the database is called, as the store
 *   calls it: "amends on db.example", or "amends on this computer" for a
 *   Unix socket
 */
char *
amends_database_login_describe (const AmendsDatabaseLogin *login)
{
  if (login->host == NULL || login->host[0] == '\0' || login->host[0] == '/' ||
      g_str_equal (login->host, "localhost"))
    /* Translators: a PostgreSQL database on the same computer, by name */
    return g_strdup_printf (_("%s on this computer"), login->dbname);

  /* Translators: a PostgreSQL database (first) on a server (second) */
  return g_strdup_printf (_("%s on %s"), login->dbname, login->host);
}

static void
append_keyword (GString    *text,
                const char *key,
                const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  if (text->len > 0)
    g_string_append_c (text, ' ');
  g_string_append_printf (text, "%s='", key);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (text, '\\');
      g_string_append_c (text, *p);
    }
  g_string_append_c (text, '\'');
}

/**
 * amends_database_login_to_location:
 * @login: the fields a person filled in; any may be %NULL or empty
 *
 * Returns: (transfer full): a libpq keyword string with the fields that
 *   are set, quoted
 */
char *
amends_database_login_to_location (const AmendsDatabaseLogin *login)
{
  GString *text = g_string_new (NULL);

  append_keyword (text, "host", login->host);
  append_keyword (text, "port", login->port);
  append_keyword (text, "dbname", login->dbname);
  append_keyword (text, "user", login->user);

  return g_string_free (text, FALSE);
}

/**
 * amends_database_error_wants_password:
 * @error: why a database on a server could not be opened
 *
 * Whether the server asked for a password that libpq did not have, or
 * refused the one it was given: by the error's code, in any language.
 */
gboolean
amends_database_error_wants_password (const GError *error)
{
  return g_error_matches (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_PASSWORD) ||
         g_error_matches (error, AMENDS_DB_ERROR, AMENDS_DB_ERROR_PASSWORD);
}

static void
on_lookup_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, password, (GDestroyNotify) secret_password_free);
}

/**
 * amends_database_password_lookup:
 *
 * Looks the password of @login up in the keyring.  Finishing gives
 * %NULL without an error when none is kept, and an error when there is
 * no keyring to ask (no Secret Service on the session bus).
 */
void
amends_database_password_lookup (const AmendsDatabaseLogin *login,
                                 GCancellable              *cancellable,
                                 GAsyncReadyCallback        callback,
                                 gpointer                   user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, amends_database_password_lookup);
  secret_password_lookup (get_schema (), cancellable, on_lookup_cb, task,
                          "host", login->host,
                          "port", login->port,
                          "database", login->dbname,
                          "user", login->user,
                          NULL);
}

/**
 * amends_database_password_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the password, or %NULL
 */
char *
amends_database_password_lookup_finish (GAsyncResult  *result,
                                        GError       **error)
{
  g_autofree char *password = g_task_propagate_pointer (G_TASK (result), error);

  /* libsecret keeps it in memory that is not swapped out: the copy we
   * hand on is ordinary memory, and short-lived. */
  return g_strdup (password);
}

static void
on_store_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * amends_database_password_store:
 *
 * Keeps @password for @login in the keyring's default collection.
 */
void
amends_database_password_store (const AmendsDatabaseLogin *login,
                                const char                *password,
                                GCancellable              *cancellable,
                                GAsyncReadyCallback        callback,
                                gpointer                   user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  /* The keyring shows this label in Passwords and Keys (Seahorse). */
  /* Translators: the keyring's name for a password: user, server, port, database */
  g_autofree char *label = g_strdup_printf (_("Amends: %s@%s:%s/%s"),
                                            login->user, login->host, login->port, login->dbname);

  g_task_set_source_tag (task, amends_database_password_store);
  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                         cancellable, on_store_cb, task,
                         "host", login->host,
                         "port", login->port,
                         "database", login->dbname,
                         "user", login->user,
                         NULL);
}

gboolean
amends_database_password_store_finish (GAsyncResult  *result,
                                       GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
