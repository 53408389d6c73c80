/* amends-db-pg.c: AmendsDb on a PostgreSQL server, through libpq
 *
 * Statements are prepared on the server under a name of their own, with
 * our "?" turned into $1, $2…; values travel as text and the server reads
 * them by the type each parameter has where it stands.  A statement's rows
 * come back whole when it runs, and stepping walks through them.
 *
 * Notifications: the connection's socket is watched by a GSource on the
 * main context, so a NOTIFY from another desk wakes the main loop by
 * itself.  libpq also takes in notifications while it waits for the
 * answer to a query; those are handed over from an idle callback, so a
 * listener never runs in the middle of another call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-db"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <libpq-fe.h>
#include <errno.h>
#include <string.h>

#include "amends-db-private.h"

/* How long a connection may take before the server counts as unreachable,
 * unless the location says otherwise. */
#define CONNECT_TIMEOUT_S "10"

/* Over TCP, a server that went away without a word (a cable pulled, a
 * laptop asleep) is noticed within about half a minute rather than the
 * system's two hours: keepalives while idle, and a limit on how long
 * sent data may wait for its acknowledgement. */
#define KEEPALIVES_IDLE_S "10"
#define KEEPALIVES_INTERVAL_S "5"
#define KEEPALIVES_COUNT "3"
#define TCP_USER_TIMEOUT_MS "20000"

typedef struct
{
  AmendsDb parent;
  PGconn *conn;
  guint next_stmt;
  /* Counts reconnections: a statement prepared in an earlier session is
   * not on the server any more, and is prepared again when it next runs. */
  guint session;
  GPtrArray *channels;          /* LISTENed to, again after a reconnection */

  /* Statements freed inside a failed transaction, to DEALLOCATE when it
   * has ended. */
  GPtrArray *stale_names;

  GMainContext *context;
  GSource *socket_source;
  GSource *idle_source;
  GQueue pending;               /* of PGnotify */
} AmendsDbPg;

typedef struct
{
  AmendsDbStmt parent;
  char *name;
  char *sql;                    /* with $1, $2… */
  guint session;
  char **values;
  PGresult *result;
  int row;
  gint64 changes;
} AmendsDbPgStmt;

static const AmendsDbClass pg_class;

/* libpq's messages end in a newline and go on over tabbed lines; in a
 * dialog they read better as one, with a full stop where a line ended
 * without one. */
static char *
one_line (const char *message)
{
  g_autofree char *copy = g_strdup (message != NULL ? message : "");
  g_auto(GStrv) lines = g_strsplit (g_strstrip (copy), "\n", -1);
  GString *out = g_string_new (NULL);

  for (char **l = lines; *l != NULL; l++)
    {
      g_strstrip (*l);
      if (**l == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, strchr (".?!:", out->str[out->len - 1]) ? " " : ". ");
      g_string_append (out, *l);
    }
  return g_string_free (out, FALSE);
}

static AmendsDbError
error_code_for_state (const char *state)
{
  static const struct { const char *prefix; AmendsDbError code; } table[] = {
    { "23505", AMENDS_DB_ERROR_CONFLICT },
    { "23", AMENDS_DB_ERROR_CONSTRAINT },
    { "22", AMENDS_DB_ERROR_CONSTRAINT },    /* a value out of range */
    { "40", AMENDS_DB_ERROR_BUSY },          /* serialization failure, deadlock */
    { "55P03", AMENDS_DB_ERROR_BUSY },       /* lock not available */
    { "08", AMENDS_DB_ERROR_OFFLINE },
    { "57P", AMENDS_DB_ERROR_OFFLINE },      /* shut down, starting up */
    { "28", AMENDS_DB_ERROR_DENIED },
    { "42501", AMENDS_DB_ERROR_DENIED },     /* insufficient privilege */
    { "25006", AMENDS_DB_ERROR_DENIED },     /* read-only transaction */
    { "42", AMENDS_DB_ERROR_SQL },
    { "XX001", AMENDS_DB_ERROR_CORRUPT },
    { "XX002", AMENDS_DB_ERROR_CORRUPT },
    { "53100", AMENDS_DB_ERROR_DISK_FULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_str_has_prefix (state, table[i].prefix))
      return table[i].code;
  return AMENDS_DB_ERROR_FAILED;
}

static void
set_offline_error (GError      **error,
                   AmendsDbPg   *self)
{
  g_autofree char *detail = one_line (PQerrorMessage (self->conn));

  g_set_error (error, AMENDS_DB_ERROR, AMENDS_DB_ERROR_OFFLINE,
               _("The connection to the database server for “%s” was lost (%s)."),
               self->parent.display_name, detail);
}

/* Sets @error from a failed @result (which may be NULL: out of memory, or
 * the connection gone). */
static void
set_error_from_result (GError         **error,
                       AmendsDbPg      *self,
                       const PGresult  *result)
{
  const char *state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = result ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  const char *detail = result ? PQresultErrorField (result, PG_DIAG_MESSAGE_DETAIL) : NULL;
  const char *name = self->parent.display_name;
  g_autofree char *words = NULL;
  AmendsDbError code;

  /* Without a state, libpq itself failed: the server went away. */
  if (state == NULL || PQstatus (self->conn) == CONNECTION_BAD)
    {
      set_offline_error (error, self);
      return;
    }

  code = error_code_for_state (state);
  words = detail != NULL ? g_strdup_printf ("%s: %s", primary, detail) : g_strdup (primary);
  /* "… already exists." inside brackets that end a sentence. */
  if (g_str_has_suffix (words, "."))
    words[strlen (words) - 1] = '\0';

  switch (code)
    {
    case AMENDS_DB_ERROR_CONFLICT:
      g_set_error (error, AMENDS_DB_ERROR, code,
                   _("The database holds such a record already (%s)."), words);
      break;
    case AMENDS_DB_ERROR_CONSTRAINT:
      g_set_error (error, AMENDS_DB_ERROR, code,
                   _("The database refused the change (%s)."), words);
      break;
    case AMENDS_DB_ERROR_BUSY:
      g_set_error (error, AMENDS_DB_ERROR, code,
                   _("Another desk is changing the same records in “%s”. Try again in a moment."), name);
      break;
    case AMENDS_DB_ERROR_OFFLINE:
      g_set_error (error, AMENDS_DB_ERROR, code,
                   _("The database server for “%s” is not available (%s)."), name, words);
      break;
    case AMENDS_DB_ERROR_DENIED:
      g_set_error (error, AMENDS_DB_ERROR, code,
                   _("The database server for “%s” does not allow this (%s)."), name, words);
      break;
    case AMENDS_DB_ERROR_CORRUPT:
      g_set_error (error, AMENDS_DB_ERROR, code,
                   _("The database “%s” is damaged (%s)."), name, words);
      break;
    case AMENDS_DB_ERROR_DISK_FULL:
      g_set_error (error, AMENDS_DB_ERROR, code,
                   _("The database server for “%s” has no space left to save the change."), name);
      break;
    case AMENDS_DB_ERROR_SQL:
      g_set_error (error, AMENDS_DB_ERROR, code,
                   _("The database did not understand a request from Amends (%s)."), words);
      break;
    case AMENDS_DB_ERROR_FAILED:
    default:
      g_set_error (error, AMENDS_DB_ERROR, code,
                   _("Amends cannot use the database “%s” (%s)."), name, words);
      break;
    }
}

/* Notifications */

static void
deliver_pending (AmendsDbPg *self)
{
  PGnotify *notify;
  int own_pid = PQbackendPID (self->conn);

  while (self->parent.notify_func != NULL &&
         (notify = g_queue_pop_head (&self->pending)) != NULL)
    {
      amends_db_emit_notify (&self->parent, notify->relname, notify->extra,
                             notify->be_pid == own_pid);
      PQfreemem (notify);
    }
}

/* Moves what libpq has read into our queue. */
static gboolean
take_notifies (AmendsDbPg *self)
{
  PGnotify *notify;
  gboolean any = FALSE;

  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      g_queue_push_tail (&self->pending, notify);
      any = TRUE;
    }
  return any;
}

static gboolean
on_idle_deliver (gpointer user_data)
{
  AmendsDbPg *self = user_data;

  g_clear_pointer (&self->idle_source, g_source_unref);
  deliver_pending (self);
  return G_SOURCE_REMOVE;
}

/* After each query: what came in meanwhile is delivered from the main
 * loop, not from inside this call. */
static void
after_query (AmendsDbPg *self)
{
  if (!take_notifies (self) || self->context == NULL || self->idle_source != NULL)
    return;

  self->idle_source = g_idle_source_new ();
  g_source_set_callback (self->idle_source, on_idle_deliver, self, NULL);
  g_source_set_name (self->idle_source, "[amends] PostgreSQL notifications");
  g_source_attach (self->idle_source, self->context);
}

static gboolean
on_socket_ready (int          fd,
                 GIOCondition condition,
                 gpointer     user_data)
{
  AmendsDbPg *self = user_data;

  if (!PQconsumeInput (self->conn))
    {
      /* The server is gone; the next call says so with OFFLINE. */
      g_autofree char *reason = one_line (PQerrorMessage (self->conn));

      g_debug ("PostgreSQL connection lost: %s", reason);
      g_clear_pointer (&self->socket_source, g_source_unref);
      if (self->parent.lost_func != NULL)
        self->parent.lost_func (&self->parent, self->parent.lost_data);
      return G_SOURCE_REMOVE;
    }

  take_notifies (self);
  deliver_pending (self);
  return G_SOURCE_CONTINUE;
}

static void
unwatch (AmendsDbPg *self)
{
  if (self->socket_source != NULL)
    g_source_destroy (self->socket_source);
  g_clear_pointer (&self->socket_source, g_source_unref);
  if (self->idle_source != NULL)
    g_source_destroy (self->idle_source);
  g_clear_pointer (&self->idle_source, g_source_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
}

static void
pg_watch (AmendsDb *db)
{
  AmendsDbPg *self = (AmendsDbPg *) db;
  int fd = PQsocket (self->conn);

  unwatch (self);
  if (db->notify_func == NULL || fd < 0)
    return;

  self->context = g_main_context_ref_thread_default ();
  self->socket_source = g_unix_fd_source_new (fd, G_IO_IN | G_IO_HUP | G_IO_ERR);
  g_source_set_callback (self->socket_source, G_SOURCE_FUNC (on_socket_ready), self, NULL);
  g_source_set_name (self->socket_source, "[amends] PostgreSQL socket");
  g_source_attach (self->socket_source, self->context);

  /* Whatever came before the watch. */
  if (!g_queue_is_empty (&self->pending) || take_notifies (self))
    {
      self->idle_source = g_idle_source_new ();
      g_source_set_callback (self->idle_source, on_idle_deliver, self, NULL);
      g_source_attach (self->idle_source, self->context);
    }
}

static gboolean
check_result (AmendsDbPg      *self,
              PGresult        *result,
              GError         **error)
{
  ExecStatusType status = PQresultStatus (result);

  after_query (self);
  if (result != NULL && (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK))
    return TRUE;

  set_error_from_result (error, self, result);
  return FALSE;
}

static gboolean
run_simple (AmendsDbPg  *self,
            const char  *sql,
            GError     **error)
{
  PGresult *result = PQexec (self->conn, sql);
  gboolean ok = check_result (self, result, error);

  PQclear (result);
  return ok;
}

/* Frees on the server what freed statements left there, a few dozen at
 * a time in one round trip, between transactions.  Those still waiting
 * when the connection closes go with the session, at no cost: closing a
 * store frees every statement of its cache, and a DEALLOCATE each would
 * be as many round trips (or, on a link gone quiet, as many timeouts). */
#define STALE_BATCH 32

static void
deallocate_stale (AmendsDbPg *self)
{
  g_autoptr(GString) sql = NULL;

  if (self->stale_names->len < STALE_BATCH || PQtransactionStatus (self->conn) != PQTRANS_IDLE)
    return;

  sql = g_string_new (NULL);
  for (guint i = 0; i < self->stale_names->len; i++)
    g_string_append_printf (sql, "DEALLOCATE %s;", (char *) g_ptr_array_index (self->stale_names, i));
  PQclear (PQexec (self->conn, sql->str));
  g_ptr_array_set_size (self->stale_names, 0);
  after_query (self);
}

static gboolean
pg_exec (AmendsDb    *db,
         const char  *sql,
         GError     **error)
{
  AmendsDbPg *self = (AmendsDbPg *) db;

  if (!run_simple (self, sql, error))
    return FALSE;

  deallocate_stale (self);
  return TRUE;
}

/* Placeholders */

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || (guchar) c >= 0x80;
}

/* The length of a dollar-quote tag ($$ or $name$) at @p, or 0. */
static gsize
dollar_tag_length (const char *sql,
                   const char *p)
{
  const char *q = p + 1;

  if (p > sql && is_word_char (p[-1]))
    return 0;
  if (g_ascii_isdigit (*q))
    return 0;
  while (is_word_char (*q))
    q++;
  return *q == '$' ? (gsize) (q - p + 1) : 0;
}

/* Where a piece of SQL that starts at @p and is no place for a parameter
 * ends: a quoted text or name, a comment or a dollar-quoted text.  @p
 * itself when none starts there. */
static const char *
skip_quoted (const char *sql,
             const char *p)
{
  gsize tag;

  if (*p == '\'' || *p == '"')
    {
      /* A doubled quote inside is two quoted pieces side by side.  E'…'
       * texts may escape a quote with a backslash. */
      char quote = *p;
      gboolean backslashes = quote == '\'' && p > sql && (p[-1] == 'E' || p[-1] == 'e') &&
                             (p - 1 == sql || !is_word_char (p[-2]));
      const char *end = p + 1;

      while (*end != '\0' && *end != quote)
        end += (backslashes && *end == '\\' && end[1] != '\0') ? 2 : 1;
      return *end != '\0' ? end + 1 : end;
    }

  if (p[0] == '-' && p[1] == '-')
    {
      const char *end = strchr (p, '\n');
      return end != NULL ? end : p + strlen (p);
    }

  if (p[0] == '/' && p[1] == '*')
    {
      /* PostgreSQL's block comments nest. */
      const char *end = p + 2;
      int depth = 1;

      while (*end != '\0' && depth > 0)
        {
          if (end[0] == '/' && end[1] == '*')
            depth++, end++;
          else if (end[0] == '*' && end[1] == '/')
            depth--, end++;
          end++;
        }
      return end;
    }

  if (*p == '$' && (tag = dollar_tag_length (sql, p)) > 0)
    {
      g_autofree char *delimiter = g_strndup (p, tag);
      const char *close = strstr (p + tag, delimiter);
      return close != NULL ? close + tag : p + strlen (p);
    }

  return p;
}

/**
 * translate_placeholders:
 * @sql: SQL with "?" or "?NNN" for its parameters
 * @n_params: (out): how many there are
 *
 * Turns each "?" outside quotes, quoted names, dollar quotes and comments
 * into $1, $2…, and each "?NNN" into $NNN.  The numbers follow SQLite's
 * rule, so that one text means the same on both engines: a bare "?" is
 * one more than the largest number given so far, and there are as many
 * parameters as the largest number.  Every number up to the largest must
 * appear: the server cannot tell the type of a parameter it never sees.
 */
static char *
translate_placeholders (const char *sql,
                        int        *n_params)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  const char *p = sql;
  int n = 0;

  while (*p != '\0')
    {
      const char *end = skip_quoted (sql, p);

      if (end != p)
        {
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (*p == '?')
        {
          char *digits_end = NULL;
          gint64 number = g_ascii_strtoll (p + 1, &digits_end, 10);

          if (g_ascii_isdigit (p[1]) && number > 0 && number <= G_MAXINT16)
            {
              n = MAX (n, (int) number);
              p = digits_end;
            }
          else
            {
              number = ++n;
              p++;
            }
          g_string_append_printf (out, "$%d", (int) number);
        }
      else
        {
          g_string_append_c (out, *p);
          p++;
        }
    }

  *n_params = n;
  return g_string_free (out, FALSE);
}

/* Statements */

static gboolean
prepare_on_server (AmendsDbPg  *self,
                   const char  *name,
                   const char  *sql,
                   GError     **error)
{
  PGresult *result = PQprepare (self->conn, name, sql, 0, NULL);
  gboolean ok = check_result (self, result, error);

  PQclear (result);
  return ok;
}

static AmendsDbStmt *
pg_prepare (AmendsDb    *db,
            const char  *sql,
            GError     **error)
{
  AmendsDbPg *self = (AmendsDbPg *) db;
  g_autofree char *translated = NULL;
  g_autofree char *name = NULL;
  AmendsDbPgStmt *stmt;
  int n_params;

  translated = translate_placeholders (sql, &n_params);
  name = g_strdup_printf ("amends_%u", ++self->next_stmt);
  if (!prepare_on_server (self, name, translated, error))
    {
      /* For whoever reads the log: which statement it was. */
      g_debug ("Could not prepare: %s", translated);
      return NULL;
    }

  stmt = g_new0 (AmendsDbPgStmt, 1);
  stmt->parent.n_params = n_params;
  stmt->name = g_steal_pointer (&name);
  stmt->sql = g_steal_pointer (&translated);
  stmt->session = self->session;
  stmt->values = g_new0 (char *, n_params + 1);
  return &stmt->parent;
}

static void
pg_reset (AmendsDbStmt *stmt)
{
  AmendsDbPgStmt *self = (AmendsDbPgStmt *) stmt;

  g_clear_pointer (&self->result, PQclear);
  self->row = -1;
}

/* A statement left on the server is a little memory there for as long as
 * the session lasts: its name waits to be deallocated with others
 * (deallocate_stale()), or goes with the session.  Takes @name. */
static void
forget_on_server (AmendsDbPg *self,
                  char       *name)
{
  switch (PQtransactionStatus (self->conn))
    {
    case PQTRANS_IDLE:
    case PQTRANS_INTRANS:
    case PQTRANS_INERROR:
      g_ptr_array_add (self->stale_names, name);
      break;
    case PQTRANS_ACTIVE:
    case PQTRANS_UNKNOWN:
    default:
      g_free (name);            /* the session is gone, and the name with it */
      break;
    }
}

static void
pg_stmt_free (AmendsDbStmt *stmt)
{
  AmendsDbPgStmt *self = (AmendsDbPgStmt *) stmt;
  AmendsDbPg *db = (AmendsDbPg *) stmt->db;

  pg_reset (stmt);

  /* One prepared before a reconnection went with the old session. */
  if (self->session == db->session)
    forget_on_server (db, g_steal_pointer (&self->name));
  g_free (self->name);

  for (int i = 0; i < stmt->n_params; i++)
    g_free (self->values[i]);
  g_free (self->values);
  g_free (self->sql);
  g_free (self);
}

static void
pg_bind_text (AmendsDbStmt *stmt,
              int           index,
              const char   *value)
{
  AmendsDbPgStmt *self = (AmendsDbPgStmt *) stmt;

  g_free (self->values[index - 1]);
  self->values[index - 1] = g_strdup (value);
}

static void
pg_bind_int64 (AmendsDbStmt *stmt,
               int           index,
               gint64        value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  pg_bind_text (stmt, index, text);
}

static void
pg_bind_null (AmendsDbStmt *stmt,
              int           index)
{
  pg_bind_text (stmt, index, NULL);
}

static gint64
parse_int64 (const char *text)
{
  if (text == NULL)
    return 0;
  if (strcmp (text, "t") == 0)
    return 1;
  if (strcmp (text, "f") == 0)
    return 0;
  return g_ascii_strtoll (text, NULL, 10);
}

static AmendsDbStep
pg_step (AmendsDbStmt  *stmt,
         GError       **error)
{
  AmendsDbPgStmt *self = (AmendsDbPgStmt *) stmt;
  AmendsDbPg *db = (AmendsDbPg *) stmt->db;

  if (self->result == NULL && self->session != db->session)
    {
      if (!prepare_on_server (db, self->name, self->sql, error))
        return AMENDS_DB_STEP_ERROR;
      self->session = db->session;
    }

  if (self->result == NULL)
    {
      PGresult *result = PQexecPrepared (db->conn, self->name, stmt->n_params,
                                         (const char * const *) self->values,
                                         NULL, NULL, 0);
      if (!check_result (db, result, error))
        {
          PQclear (result);
          return AMENDS_DB_STEP_ERROR;
        }
      self->result = result;
      self->row = -1;
      /* PQcmdTuples() counts a SELECT's rows too; those are no changes. */
      self->changes = g_str_has_prefix (PQcmdStatus (result), "SELECT") ? 0 : parse_int64 (PQcmdTuples (result));
    }

  self->row++;
  return self->row < PQntuples (self->result) ? AMENDS_DB_STEP_ROW : AMENDS_DB_STEP_DONE;
}

static gint64
pg_changes (AmendsDbStmt *stmt)
{
  return ((AmendsDbPgStmt *) stmt)->changes;
}

static int
pg_n_columns (AmendsDbStmt *stmt)
{
  AmendsDbPgStmt *self = (AmendsDbPgStmt *) stmt;

  return self->result != NULL ? PQnfields (self->result) : 0;
}

static gboolean
pg_column_is_null (AmendsDbStmt *stmt,
                   int           column)
{
  AmendsDbPgStmt *self = (AmendsDbPgStmt *) stmt;

  return PQgetisnull (self->result, self->row, column);
}

static const char *
pg_column_text (AmendsDbStmt *stmt,
                int           column)
{
  AmendsDbPgStmt *self = (AmendsDbPgStmt *) stmt;

  if (PQgetisnull (self->result, self->row, column))
    return NULL;
  return PQgetvalue (self->result, self->row, column);
}

static gint64
pg_column_int64 (AmendsDbStmt *stmt,
                 int           column)
{
  return parse_int64 (pg_column_text (stmt, column));
}

static gboolean
pg_listen (AmendsDb    *db,
           const char  *channel,
           GError     **error)
{
  AmendsDbPg *self = (AmendsDbPg *) db;
  char *quoted = PQescapeIdentifier (self->conn, channel, strlen (channel));
  g_autofree char *sql = NULL;

  if (quoted == NULL)
    {
      set_offline_error (error, self);
      return FALSE;
    }
  sql = g_strconcat ("LISTEN ", quoted, NULL);
  PQfreemem (quoted);
  if (!pg_exec (db, sql, error))
    return FALSE;

  if (!g_ptr_array_find_with_equal_func (self->channels, channel, g_str_equal, NULL))
    g_ptr_array_add (self->channels, g_strdup (channel));
  return TRUE;
}

static gboolean
pg_notify (AmendsDb    *db,
           const char  *channel,
           const char  *payload,
           GError     **error)
{
  AmendsDbPg *self = (AmendsDbPg *) db;
  const char *values[] = { channel, payload };
  PGresult *result;
  gboolean ok;

  result = PQexecParams (self->conn, "SELECT pg_notify($1, $2)", 2, NULL, values, NULL, NULL, 0);
  ok = check_result (self, result, error);
  PQclear (result);
  return ok;
}

static void
set_connect_error (GError   **error,
                   AmendsDb  *db)
{
  AmendsDbPg *self = (AmendsDbPg *) db;
  g_autofree char *detail = one_line (PQerrorMessage (self->conn));

  /* Asked for one and had none, or had one and was turned away: a
   * refused password is by far the likeliest reason then. */
  if (PQconnectionNeedsPassword (self->conn) || PQconnectionUsedPassword (self->conn))
    g_set_error (error, AMENDS_DB_ERROR, AMENDS_DB_ERROR_PASSWORD,
                 _("The database server for “%s” did not accept the login (%s)."),
                 db->display_name, detail);
  else
    g_set_error (error, AMENDS_DB_ERROR, AMENDS_DB_ERROR_OFFLINE,
                 _("The database server for “%s” cannot be reached (%s)."),
                 db->display_name, detail);
}

/* How long a desk waits for another desk's lock before it says BUSY, as
 * SQLite's busy timeout does; and how long a desk that went quiet in
 * the middle of a transaction (a cable pulled) keeps its locks, which
 * would otherwise hold every other desk until TCP gives up, hours later. */
#define SESSION_SETTINGS \
  "SET lock_timeout = '5s'; SET idle_in_transaction_session_timeout = '60s'"

static gboolean
setup_session (AmendsDbPg  *self,
               GError     **error)
{
  PGresult *result = PQexec (self->conn, SESSION_SETTINGS);
  gboolean ok = check_result (self, result, error);

  PQclear (result);
  return ok;
}

/* A new session on the same server: what was prepared is prepared again
 * as it is used, what was listened to is listened to again, and the new
 * socket is watched. */
static gboolean
pg_reconnect (AmendsDb  *db,
              GError   **error)
{
  AmendsDbPg *self = (AmendsDbPg *) db;

  unwatch (self);
  PQreset (self->conn);
  self->session++;
  g_ptr_array_set_size (self->stale_names, 0);

  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      set_connect_error (error, db);
      return FALSE;
    }

  if (!setup_session (self, error))
    return FALSE;

  for (guint i = 0; i < self->channels->len; i++)
    {
      g_autofree char *channel = g_strdup (g_ptr_array_index (self->channels, i));

      if (!pg_listen (db, channel, error))
        return FALSE;
    }

  pg_watch (db);
  return TRUE;
}

static gboolean
pg_is_lost (AmendsDb *db)
{
  return PQstatus (((AmendsDbPg *) db)->conn) == CONNECTION_BAD;
}

static void
pg_close (AmendsDb *db)
{
  AmendsDbPg *self = (AmendsDbPg *) db;

  unwatch (self);
  g_queue_clear_full (&self->pending, (GDestroyNotify) PQfreemem);
  g_ptr_array_unref (self->stale_names);
  g_ptr_array_unref (self->channels);
  PQfinish (self->conn);
  g_free (self);
}

static const AmendsDbClass pg_class = {
  .engine = AMENDS_DB_ENGINE_POSTGRESQL,
  .begin_sql = "BEGIN",
  .close = pg_close,
  .exec = pg_exec,
  .prepare = pg_prepare,
  .stmt_free = pg_stmt_free,
  .bind_int64 = pg_bind_int64,
  .bind_text = pg_bind_text,
  .bind_null = pg_bind_null,
  .step = pg_step,
  .reset = pg_reset,
  .changes = pg_changes,
  .n_columns = pg_n_columns,
  .column_is_null = pg_column_is_null,
  .column_int64 = pg_column_int64,
  .column_text = pg_column_text,
  .watch = pg_watch,
  .listen = pg_listen,
  .notify = pg_notify,
  .reconnect = pg_reconnect,
  .is_lost = pg_is_lost,
};

/* Opening */

/**
 * amends_db_pg_is_conninfo:
 * @location: what the user gave as the database
 *
 * Whether @location is a libpq keyword string ("host=… dbname=…"): it has
 * an "=" and libpq knows every keyword in it.  A file name with an "=" in
 * it is not one, since its first word is no keyword.
 */
gboolean
amends_db_pg_is_conninfo (const char *location)
{
  PQconninfoOption *options;

  if (strchr (location, '=') == NULL)
    return FALSE;

  options = PQconninfoParse (location, NULL);
  if (options == NULL)
    return FALSE;
  PQconninfoFree (options);
  return TRUE;
}

/* The server's notices (NOTICE: drop cascades to…) are for developers,
 * not for the terminal Amends was started from. */
static void
on_notice (void       *user_data,
           const char *message)
{
  g_autofree char *line = one_line (message);

  g_debug ("PostgreSQL: %s", line);
}

/* "amends on db.example.org", or "amends on this computer" for a local
 * socket; no user and no password. */
static char *
describe (PGconn *conn)
{
  const char *dbname = PQdb (conn);
  const char *host = PQhost (conn);

  if (dbname == NULL || *dbname == '\0')
    dbname = "postgres";
  if (host == NULL || *host == '\0' || *host == '/')
    /* Translators: a PostgreSQL database on the same computer, by name */
    return g_strdup_printf (_("%s on this computer"), dbname);
  /* Translators: a PostgreSQL database (first) on a server (second) */
  return g_strdup_printf (_("%s on %s"), dbname, host);
}

/* Passwords given by the person at the desk, by location, for this
 * process only: so that a location (shown, kept in settings, hashed into
 * a file name) never has to carry one, and a worker's connection or a
 * reconnection finds it as the first connection did. */
static GMutex passwords_lock;
static GHashTable *passwords;

static void
free_password (gpointer password)
{
  explicit_bzero (password, strlen (password));
  g_free (password);
}

/**
 * amends_db_set_password:
 * @location: a server's location, as it will be opened
 * @password: (nullable): its password, or %NULL to forget it
 *
 * The password to give when @location is opened, as libpq's "password"
 * keyword, over whatever ~/.pgpass or PGPASSWORD say.  Kept in memory,
 * for this process.
 */
void
amends_db_set_password (const char *location,
                        const char *password)
{
  g_return_if_fail (location != NULL);

  g_mutex_lock (&passwords_lock);
  if (passwords == NULL)
    passwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_password);
  if (password != NULL)
    g_hash_table_insert (passwords, g_strdup (location), g_strdup (password));
  else
    g_hash_table_remove (passwords, location);
  g_mutex_unlock (&passwords_lock);
}

static char *
dup_password (const char *location)
{
  char *password;

  g_mutex_lock (&passwords_lock);
  password = passwords != NULL ? g_strdup (g_hash_table_lookup (passwords, location)) : NULL;
  g_mutex_unlock (&passwords_lock);
  return password;
}

AmendsDb *
amends_db_pg_open (const char  *conninfo,
                   GError     **error)
{
  g_autofree char *password = dup_password (conninfo);
  /* Keywords before "dbname" are defaults the location may override;
   * those after it are ours whatever it says. */
  const char *keywords[] = { "connect_timeout", "keepalives_idle", "keepalives_interval",
                             "keepalives_count", "tcp_user_timeout",
                             "fallback_application_name",
                             "dbname", "client_encoding", "password", NULL };
  const char *values[] = { CONNECT_TIMEOUT_S, KEEPALIVES_IDLE_S, KEEPALIVES_INTERVAL_S,
                           KEEPALIVES_COUNT, TCP_USER_TIMEOUT_MS,
                           "Amends",
                           conninfo, "UTF8", password, NULL };
  AmendsDbPg *self = g_new0 (AmendsDbPg, 1);
  AmendsDb *db = &self->parent;

  db->klass = &pg_class;
  self->stale_names = g_ptr_array_new_with_free_func (g_free);
  self->channels = g_ptr_array_new_with_free_func (g_free);
  g_queue_init (&self->pending);

  self->conn = PQconnectdbParams (keywords, values, TRUE);
  if (self->conn == NULL)
    {
      g_set_error_literal (error, AMENDS_DB_ERROR, AMENDS_DB_ERROR_FAILED, g_strerror (ENOMEM));
      amends_db_close (db);
      return NULL;
    }
  db->display_name = describe (self->conn);
  PQsetNoticeProcessor (self->conn, on_notice, NULL);

  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      set_connect_error (error, db);
      amends_db_close (db);
      return NULL;
    }

  if (!setup_session (self, error))
    {
      amends_db_close (db);
      return NULL;
    }

  return db;
}
