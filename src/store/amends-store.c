/* amends-store.c: the SQLite database behind every record
 *
 * The store owns one SQLite connection.  Every statement comes from a cache
 * keyed by its SQL text and takes its values as bound parameters.  Every
 * change runs inside a transaction (nested calls become savepoints), writes
 * an audit row for each field it changes, and is announced with
 * ::record-changed once the outermost transaction has committed, followed
 * by one ::changes-committed, so that a list can refresh once for a batch.
 * Those are the signals of AmendsCaseSource, the interface through which
 * the lists of cases read (amends-store-case-ids.c).
 *
 * Here: the type, its properties and signals, errors, statements and the
 * store's clock.  Transactions and the watch for other programs' changes
 * are in amends-store-transaction.c, opening the file in
 * amends-store-open.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amends-store-case-ids.h"
#include "amends-store-private.h"

G_DEFINE_FINAL_TYPE_WITH_CODE (AmendsStore, amends_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (AMENDS_TYPE_CASE_SOURCE,
                                                      amends_store_case_source_iface_init))

enum {
  PROP_0,
  PROP_PATH,
  PROP_ACTOR_ID,
  PROP_RECOVERY_TARGET_HOURS,
  PROP_READ_ONLY,
  PROP_DAMAGED,
  PROP_CHECKING,
  PROP_ONLINE,
  N_PROPS
};

enum {
  RECORD_CHANGED,
  CHANGES_COMMITTED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

G_DEFINE_QUARK (amends-store-error-quark, amends_store_error)

void
amends_audit_entry_free (AmendsAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->table);
  g_free (entry->field);
  g_free (entry->before);
  g_free (entry->after);
  g_free (entry);
}

void
amends_stmt_release (AmendsStmt *stmt)
{
  if (stmt == NULL)
    return;

  if (stmt->sqlite != NULL)
    {
      sqlite3_reset (stmt->sqlite);
      sqlite3_clear_bindings (stmt->sqlite);
    }
  else
    amends_db_stmt_clear_bindings (stmt);
}

static AmendsDbStep
step_on_server (AmendsStmt  *stmt,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  AmendsDbStep result = amends_db_stmt_step (stmt, &local_error);

  if (result == AMENDS_DB_STEP_ERROR)
    {
      if (g_error_matches (local_error, AMENDS_DB_ERROR, AMENDS_DB_ERROR_OFFLINE) &&
          stmt->db->lost_func != NULL)
        stmt->db->lost_func (stmt->db, stmt->db->lost_data);
      amends_store_error_from_db (error, g_steal_pointer (&local_error));
    }
  return result;
}

AmendsDbStep
amends_stmt_step (AmendsStmt  *stmt,
                  GError     **error)
{
  sqlite3 *db;
  int rc;

  if (G_UNLIKELY (stmt->sqlite == NULL))
    return step_on_server (stmt, error);

  rc = sqlite3_step (stmt->sqlite);
  if (rc == SQLITE_ROW)
    return AMENDS_DB_STEP_ROW;
  if (rc == SQLITE_DONE)
    return AMENDS_DB_STEP_DONE;

  db = sqlite3_db_handle (stmt->sqlite);
  amends_store_set_error_from_code (error, rc, sqlite3_db_filename (db, "main"), sqlite3_errmsg (db));
  return AMENDS_DB_STEP_ERROR;
}

/* One step of a statement that changes rows; a row it returns is fine. */
gboolean
amends_stmt_execute (AmendsStmt  *stmt,
                     GError     **error)
{
  return amends_stmt_step (stmt, error) != AMENDS_DB_STEP_ERROR;
}

/* Errors, in words a person at the desk can act on. */
void
amends_store_set_error_from_code (GError     **error,
                                  int          rc,
                                  const char  *path,
                                  const char  *detail)
{
  g_autofree char *name = path ? g_filename_display_basename (path) : g_strdup ("");

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_A_DATABASE,
                   _("The file “%s” is not an Amends database."), name);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged. Restore it from a backup."), name);
      break;

    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_READ_ONLY,
                   _("Amends cannot write to “%s”. Check that the disk is not read-only and that you may change the file."),
                   name);
      break;

    case SQLITE_FULL:
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_DISK_FULL,
                           _("The disk is full, so the change was not saved. Free some space and try again."));
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_BUSY,
                           _("Another program is using the database. Try again in a moment."));
      break;

    /* SQLite's own words are for the log, not for the person at the
     * desk, who could not act on "CHECK constraint failed: …". */
    case SQLITE_CONSTRAINT:
      g_debug ("%s: constraint: %s", path, detail);
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID,
                           _("The change does not fit the rest of the data, so it was not saved."));
      break;

    default:
      g_debug ("%s: SQLite error %d: %s", path, rc, detail);
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_FAILED,
                   _("The database could not do what was asked (error %d). Try again; if it happens again, restart Amends."),
                   rc & 0xff);
      break;
    }
}

/**
 * amends_store_error_from_db:
 * @error: where the store's error goes
 * @db_error: (transfer full): AmendsDb's error, from a database on a server
 *
 * The same #AmendsStoreError codes a file's failures get, so that the
 * window answers both engines alike.  AmendsDb's sentences already name
 * the server in words a desk can read; where the file's sentence is the
 * better one (a change that does not fit), it is used.
 */
void
amends_store_error_from_db (GError **error,
                            GError  *db_error)
{
  g_autoptr(GError) owned = db_error;
  AmendsStoreError code = AMENDS_STORE_ERROR_FAILED;

  if (owned->domain != AMENDS_DB_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&owned));
      return;
    }

  switch ((AmendsDbError) owned->code)
    {
    case AMENDS_DB_ERROR_OFFLINE:
      code = AMENDS_STORE_ERROR_OFFLINE;
      break;
    case AMENDS_DB_ERROR_CONFLICT:
    case AMENDS_DB_ERROR_CONSTRAINT:
      g_debug ("constraint: %s", owned->message);
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID,
                           _("The change does not fit the rest of the data, so it was not saved."));
      return;
    case AMENDS_DB_ERROR_BUSY:
      code = AMENDS_STORE_ERROR_BUSY;
      break;
    case AMENDS_DB_ERROR_DENIED:
      code = AMENDS_STORE_ERROR_READ_ONLY;
      break;
    case AMENDS_DB_ERROR_PASSWORD:
      code = AMENDS_STORE_ERROR_PASSWORD;
      break;
    case AMENDS_DB_ERROR_CORRUPT:
      code = AMENDS_STORE_ERROR_CORRUPT;
      break;
    case AMENDS_DB_ERROR_DISK_FULL:
      code = AMENDS_STORE_ERROR_DISK_FULL;
      break;
    case AMENDS_DB_ERROR_SQL:
    case AMENDS_DB_ERROR_FAILED:
    default:
      g_warning ("The database server refused a request: %s", owned->message);
      code = AMENDS_STORE_ERROR_FAILED;
      break;
    }

  g_set_error_literal (error, AMENDS_STORE_ERROR, code, owned->message);
}

/* A bytea read as text with encode (data, 'hex'): AmendsDb reads text
 * only, and the attachments are the one binary column. */
GBytes *
amends_store_bytes_from_hex (const char *hex)
{
  gsize n = hex != NULL ? strlen (hex) / 2 : 0;
  guint8 *data = g_malloc (MAX (n, 1));

  for (gsize i = 0; i < n; i++)
    data[i] = (g_ascii_xdigit_value (hex[2 * i]) << 4) | g_ascii_xdigit_value (hex[2 * i + 1]);

  return g_bytes_new_take (data, n);
}

/**
 * amends_store_open_worker:
 * @location: amends_store_dup_reader_uri()'s answer
 * @how: to read or to write, and how a failure on a file is told
 *
 * A connection of a worker thread's own, to the store's database: a
 * file's read-only URI, opened as the store opens its own, or the same
 * server.  Errors are the store's.
 */
AmendsDb *
amends_store_open_worker (const char        *location,
                          AmendsWorkerOpen   how,
                          GError           **error)
{
  gboolean writing = how == AMENDS_WORKER_WRITE;
  int flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
  sqlite3 *handle = NULL;
  int rc;

  if (amends_db_location_is_server (location))
    {
      g_autoptr(GError) local_error = NULL;
      AmendsDb *db = amends_db_open (location, &local_error);

      if (db == NULL)
        amends_store_error_from_db (error, g_steal_pointer (&local_error));
      return db;
    }

  flags |= writing ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
  rc = sqlite3_open_v2 (location, &handle, flags, NULL);
  if (handle != NULL)
    {
      sqlite3_extended_result_codes (handle, TRUE);
      sqlite3_busy_timeout (handle, BUSY_TIMEOUT_MS);
    }
  if (rc == SQLITE_OK && writing)
    rc = sqlite3_exec (handle, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);

  if (rc != SQLITE_OK && how == AMENDS_WORKER_READ)
    {
      g_debug ("Could not open a reading connection: %s", handle ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_UNREADABLE,
                           _("The database could not be opened to read it."));
    }
  else if (rc != SQLITE_OK)
    amends_store_set_error_from_code (error, rc, handle ? sqlite3_db_filename (handle, "main") : NULL,
                                      handle ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));
  if (rc != SQLITE_OK)
    {
      sqlite3_close (handle);
      return NULL;
    }

  return amends_db_sqlite_adopt (handle, "");
}

/**
 * amends_store_worker_refresh:
 * @db: (inout): a worker's connection kept between jobs, or %NULL
 *
 * Lets go of a connection to a server that went away since the last job
 * (one round trip finds out), so that the job opens a new one rather
 * than failing on the old.
 */
void
amends_store_worker_refresh (AmendsDb **db)
{
  if (*db == NULL || amends_db_get_sqlite (*db) != NULL)
    return;

  if (amends_db_is_lost (*db) || !amends_db_exec (*db, "SELECT 1", NULL))
    g_clear_pointer (db, amends_db_close);
}

/**
 * amends_store_db_prepare:
 * @db: a worker's connection (amends_store_open_worker())
 *
 * Returns: (transfer full): a statement to free with amends_stmt_free()
 */
AmendsStmt *
amends_store_db_prepare (AmendsDb     *db,
                         const char   *sql,
                         GError      **error)
{
  sqlite3 *handle = amends_db_get_sqlite (db);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (handle == NULL)
    {
      g_autoptr(GError) local_error = NULL;
      AmendsStmt *result = amends_db_prepare (db, sql, &local_error);

      if (result == NULL)
        amends_store_error_from_db (error, g_steal_pointer (&local_error));
      return result;
    }

  rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      amends_store_set_error_from_code (error, rc, sqlite3_db_filename (handle, "main"), sqlite3_errmsg (handle));
      return NULL;
    }

  return amends_db_sqlite_adopt_stmt (db, stmt);
}

/* A statement without parameters or rows on a worker's connection:
 * BEGIN, COMMIT. */
gboolean
amends_store_db_exec (AmendsDb     *db,
                      const char   *sql,
                      GError      **error)
{
  sqlite3 *handle = amends_db_get_sqlite (db);
  int rc;

  if (handle == NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (amends_db_exec (db, sql, &local_error))
        return TRUE;
      amends_store_error_from_db (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  rc = sqlite3_exec (handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      amends_store_set_error_from_code (error, rc, sqlite3_db_filename (handle, "main"), sqlite3_errmsg (handle));
      return FALSE;
    }
  return TRUE;
}

gboolean
amends_store_set_error (AmendsStore  *self,
                        int           rc,
                        GError      **error)
{
  amends_store_set_error_from_code (error, rc, self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

/* The SQLite connection, NULL on a server: for what only SQLite has
 * (PRAGMAs, the backup and blob APIs, its limits). */
sqlite3 *
amends_store_get_db (AmendsStore *self)
{
  return self->db;
}

AmendsDb *
amends_store_get_conn (AmendsStore *self)
{
  return self->conn;
}

AmendsDbEngine
amends_store_get_engine (AmendsStore *self)
{
  return self->conn != NULL ? amends_db_get_engine (self->conn) : AMENDS_DB_ENGINE_SQLITE;
}

/* A statement that is not kept: a fresh one from the store's connection,
 * to free with amends_stmt_free(). */
AmendsStmt *
amends_store_prepare_once (AmendsStore  *self,
                           const char   *sql,
                           GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* A file whose read-only reopening failed after damage was found. */
  if (self->conn == NULL)
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_UNREADABLE,
                           _("The database could not be opened to read it."));
      return NULL;
    }

  if (self->db == NULL)
    {
      g_autoptr(GError) local_error = NULL;
      AmendsStmt *prepared = amends_store_db_prepare (self->conn, sql, &local_error);

      if (prepared == NULL &&
          g_error_matches (local_error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_OFFLINE))
        amends_store_lost_connection (self);
      if (prepared == NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return prepared;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      amends_store_set_error (self, rc, error);
      return NULL;
    }

  return amends_db_sqlite_adopt_stmt (self->conn, stmt);
}

AmendsStmt *
amends_store_prepare (AmendsStore  *self,
                      const char   *sql,
                      GError      **error)
{
  AmendsStmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    return stmt;

  if (!(stmt = amends_store_prepare_once (self, sql, error)))
    return NULL;

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
amends_store_step_done (AmendsStore  *self,
                        AmendsStmt   *stmt,
                        GError      **error)
{
  return amends_stmt_step (stmt, error) != AMENDS_DB_STEP_ERROR;
}

gboolean
amends_store_exec_plain (AmendsStore  *self,
                         const char   *sql,
                         GError      **error)
{
  int rc;

  if (self->conn == NULL)
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_UNREADABLE,
                           _("The database could not be opened to read it."));
      return FALSE;
    }

  if (self->db == NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (amends_store_db_exec (self->conn, sql, &local_error))
        return TRUE;
      if (g_error_matches (local_error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_OFFLINE))
        amends_store_lost_connection (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return amends_store_set_error (self, rc, error);

  return TRUE;
}

gint64
amends_store_now (AmendsStore *self)
{
  if (self->fixed_now != NULL)
    return g_date_time_to_unix (self->fixed_now);

  return g_get_real_time () / G_USEC_PER_SEC;
}

/**
 * amends_store_dup_now:
 *
 * Returns: (transfer full): the store's idea of now, in local time; widgets
 *   use it so that a test can stop the clock
 */
GDateTime *
amends_store_dup_now (AmendsStore *self)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  return amends_store_local_time (amends_store_now (self));
}

/* The local zone, read once: GLib 2.74's g_date_time_new_from_unix_local()
 * reads /etc/localtime again on every call, and a case has fourteen times
 * to read.  Read again when TZ changes (the tests set it). */
static GTimeZone *
local_zone (void)
{
  static GMutex lock;
  static GTimeZone *zone;
  static char *zone_tz;
  const char *tz = g_getenv ("TZ");
  GTimeZone *result;

  g_mutex_lock (&lock);
  if (zone == NULL || g_strcmp0 (tz, zone_tz) != 0)
    {
      g_clear_pointer (&zone, g_time_zone_unref);
      g_free (zone_tz);
      zone = g_time_zone_new_local ();
      zone_tz = g_strdup (tz);
    }
  result = g_time_zone_ref (zone);
  g_mutex_unlock (&lock);

  return result;
}

/**
 * amends_store_local_time:
 * @t: Unix seconds
 *
 * Returns: (transfer full): @t in the user's zone
 */
GDateTime *
amends_store_local_time (gint64 t)
{
  g_autoptr(GTimeZone) zone = local_zone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);

  return utc != NULL ? g_date_time_to_timezone (utc, zone) : NULL;
}

/* For tests and the demo: the store's clock stands still at @now. */
void
amends_store_set_fixed_now (AmendsStore *self,
                            GDateTime   *now)
{
  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  if (now != NULL)
    self->fixed_now = g_date_time_ref (now);
}

guint64
amends_store_get_rows_read (AmendsStore *self)
{
  return self->rows_read;
}

gboolean
amends_store_set_busy_timeout (AmendsStore *self,
                               int          milliseconds)
{
  if (self->db == NULL)
    return TRUE;
  return sqlite3_busy_timeout (self->db, milliseconds) == SQLITE_OK;
}

gboolean
amends_store_query_int64 (AmendsStore  *self,
                          const char   *sql,
                          gint64       *value,
                          GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (self->db == NULL)
    {
      g_autoptr(AmendsDbStmt) server_stmt = amends_store_prepare_once (self, sql, error);

      if (server_stmt == NULL)
        return FALSE;
      switch (amends_stmt_step (server_stmt, error))
        {
        case AMENDS_DB_STEP_ROW:
          *value = amends_stmt_column_int64 (server_stmt, 0);
          return TRUE;
        case AMENDS_DB_STEP_DONE:
          g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_FAILED, "no row");
          return FALSE;
        default:
          return FALSE;
        }
    }

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    return amends_store_set_error (self, rc, error);

  return TRUE;
}

gboolean
amends_store_query_int (AmendsStore  *self,
                        const char   *sql,
                        int          *value,
                        GError      **error)
{
  gint64 v = 0;

  if (!amends_store_query_int64 (self, sql, &v, error))
    return FALSE;

  *value = (int) v;
  return TRUE;
}

void
amends_store_emit_pending (AmendsStore *self)
{
  g_autoptr(GArray) pending = g_steal_pointer (&self->pending);

  self->pending = g_array_new (FALSE, FALSE, sizeof (AmendsStoreChange));
  g_hash_table_remove_all (self->pending_set);

  if (pending->len == 0)
    return;

  for (guint i = 0; i < pending->len; i++)
    {
      const AmendsStoreChange *change = &g_array_index (pending, AmendsStoreChange, i);
      g_signal_emit (self, signals [RECORD_CHANGED], 0, change->type, change->id);
    }

  g_signal_emit (self, signals [CHANGES_COMMITTED], 0);
}

static void
finalize_stmt (gpointer stmt)
{
  amends_stmt_free (stmt);
}

static void
amends_store_finalize (GObject *object)
{
  AmendsStore *self = (AmendsStore *)object;

  amends_store_cancel_check (self);

  if (self->watch_source != NULL)
    g_source_destroy (self->watch_source);
  g_clear_pointer (&self->watch_source, g_source_unref);

  /* Statements first: a connection refuses to close while any is alive. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->update_cache, amends_update_cache_free);
  g_clear_pointer (&self->select_sql, g_hash_table_unref);
  self->db = NULL;
  g_clear_pointer (&self->conn, amends_db_close);
  g_clear_handle_id (&self->reconnect_id, g_source_remove);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->pending_set, g_hash_table_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->case_reader, amends_case_reader_unref);

  G_OBJECT_CLASS (amends_store_parent_class)->finalize (object);
}

static void
amends_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AmendsStore *self = AMENDS_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_ACTOR_ID:
      g_value_set_int64 (value, self->actor_id);
      break;

    case PROP_RECOVERY_TARGET_HOURS:
      g_value_set_int (value, self->recovery_target_hours);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    case PROP_DAMAGED:
      g_value_set_boolean (value, self->damaged);
      break;

    case PROP_CHECKING:
      g_value_set_boolean (value, self->check != NULL);
      break;

    case PROP_ONLINE:
      g_value_set_boolean (value, amends_store_get_online (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_store_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AmendsStore *self = AMENDS_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    case PROP_ACTOR_ID:
      amends_store_set_actor_id (self, g_value_get_int64 (value));
      break;

    case PROP_RECOVERY_TARGET_HOURS:
      amends_store_set_recovery_target_hours (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_store_class_init (AmendsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  gpointer source_iface;

  object_class->finalize = amends_store_finalize;
  object_class->get_property = amends_store_get_property;
  object_class->set_property = amends_store_set_property;

  properties [PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /* The member of staff at the desk: every change is recorded as theirs. */
  properties [PROP_ACTOR_ID] =
    g_param_spec_int64 ("actor-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties [PROP_RECOVERY_TARGET_HOURS] =
    g_param_spec_int ("recovery-target-hours", NULL, NULL,
                      1, 24 * 14, 24,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  /**
   * AmendsStore:read-only:
   *
   * The database was opened read-only, because it is damaged or because
   * the file or its folder cannot be written; every change fails at once
   * with %AMENDS_STORE_ERROR_READ_ONLY.
   */
  properties [PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_STATIC_STRINGS));

  /**
   * AmendsStore:damaged:
   *
   * PRAGMA quick_check found damage, when the database was opened or,
   * opened with %AMENDS_STORE_OPEN_CHECK_LATER, once the check has run;
   * it is then read-only too.
   */
  properties [PROP_DAMAGED] =
    g_param_spec_boolean ("damaged", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_STATIC_STRINGS));

  /**
   * AmendsStore:checking:
   *
   * Opened with %AMENDS_STORE_OPEN_CHECK_LATER, the integrity check has
   * not given its verdict yet: reads are answered, writes wait for it.
   * Notified when the verdict is in, after #AmendsStore:damaged and
   * #AmendsStore:read-only.
   */
  properties [PROP_CHECKING] =
    g_param_spec_boolean ("checking", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_STATIC_STRINGS));

  /**
   * AmendsStore:online:
   *
   * Whether the database can be reached.  Always %TRUE for a file; for a
   * database on a server it turns %FALSE when the connection is lost
   * (every change then fails with %AMENDS_STORE_ERROR_OFFLINE, nothing
   * saved) and %TRUE again once the store has reconnected by itself.
   */
  properties [PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* ::record-changed and ::changes-committed are the interface's (see
   * amends-case-source.c), which the store emits.  The interface makes
   * them when it is first used, which a class's own init may precede. */
  source_iface = g_type_default_interface_ref (AMENDS_TYPE_CASE_SOURCE);
  signals [RECORD_CHANGED] = g_signal_lookup ("record-changed", AMENDS_TYPE_CASE_SOURCE);
  signals [CHANGES_COMMITTED] = g_signal_lookup ("changes-committed", AMENDS_TYPE_CASE_SOURCE);
  g_type_default_interface_unref (source_iface);
}

static void
amends_store_init (AmendsStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
  self->select_sql = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->pending = g_array_new (FALSE, FALSE, sizeof (AmendsStoreChange));
  self->pending_set = g_hash_table_new_full (amends_store_change_hash, amends_store_change_equal, g_free, NULL);
  self->marks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->recovery_target_hours = 24;
}

/* Whether @sql, a SELECT EXISTS (…), finds a row. */
static gboolean
has_any (AmendsStore  *self,
         const char   *sql,
         GError      **error)
{
  g_autoptr(AmendsStmt) stmt = NULL;

  if (!(stmt = amends_store_prepare (self, sql, error)))
    return FALSE;

  if (amends_stmt_step (stmt, error) != AMENDS_DB_STEP_ROW)
    return FALSE;

  return amends_stmt_column_int (stmt, 0) != 0;
}

/**
 * amends_store_has_cases:
 *
 * Whether any case is out of the trash: what the window asks when it
 * opens, answered from the first row found rather than by counting a
 * million (amends_store_count_cases()).
 *
 * Returns: %TRUE if there is one, %FALSE if none or on error (with
 *   @error set)
 */
gboolean
amends_store_has_cases (AmendsStore  *self,
                        GError      **error)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);

  return has_any (self, "SELECT EXISTS (SELECT 1 FROM cases WHERE deleted_at IS NULL)", error);
}

/**
 * amends_store_has_trashed_cases:
 *
 * Whether any case is in the trash, from its index: a file whose every
 * case was moved to the trash still opens on the list, where the trash is.
 *
 * Returns: %TRUE if there is one, %FALSE if none or on error (with
 *   @error set)
 */
gboolean
amends_store_has_trashed_cases (AmendsStore  *self,
                                GError      **error)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);

  return has_any (self, "SELECT EXISTS (SELECT 1 FROM cases WHERE deleted_at IS NOT NULL)", error);
}

const char *
amends_store_get_path (AmendsStore *self)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  return self->path;
}

/**
 * amends_store_get_display_name:
 *
 * What to call the database in the window's subtitle or a message: the
 * file's name, or "DBNAME on HOST" for a database on a server; never a
 * password.
 */
const char *
amends_store_get_display_name (AmendsStore *self)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  if (self->display_name == NULL && self->conn != NULL)
    self->display_name = g_strdup (amends_db_get_display_name (self->conn));
  if (self->display_name == NULL)
    self->display_name = g_filename_display_basename (self->path);

  return self->display_name;
}

/**
 * amends_store_get_shared:
 *
 * Returns: %TRUE if the database is on a server that other desks share
 */
gboolean
amends_store_get_shared (AmendsStore *self)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);

  return amends_db_location_is_server (self->path);
}

/**
 * amends_store_get_online:
 *
 * Returns: the value of #AmendsStore:online
 */
gboolean
amends_store_get_online (AmendsStore *self)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), TRUE);

  return !self->offline;
}

void
amends_store_set_offline (AmendsStore *self,
                          gboolean     offline)
{
  if (self->offline == offline)
    return;

  self->offline = offline;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ONLINE]);
}

/**
 * amends_store_get_damaged:
 *
 * Returns: %TRUE if PRAGMA quick_check found damage (when the database
 *   was opened, or later: see amends_store_open_full()); it is then open
 *   read-only
 */
gboolean
amends_store_get_damaged (AmendsStore *self)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);

  return self->damaged;
}

/**
 * amends_store_get_read_only:
 *
 * Returns: %TRUE if the database is open read-only (damaged, or the file
 *   or its folder cannot be written): every change fails at once
 */
gboolean
amends_store_get_read_only (AmendsStore *self)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);

  return self->read_only;
}

/* For a connection of its own that only reads (a list's query in a
 * thread), opened with SQLITE_OPEN_READONLY | SQLITE_OPEN_URI: it makes
 * nothing beside a file that the store opened read-only. */
char *
amends_store_dup_reader_uri (AmendsStore *self)
{
  /* A server's connection string: its workers' connections read in
   * their own snapshots (amends_sql_snapshot_begin). */
  if (self->db == NULL || self->read_only)
    return g_strdup (self->uri);

  return g_strconcat (self->uri, "?mode=ro", NULL);
}

gint64
amends_store_get_actor_id (AmendsStore *self)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), 0);

  return self->actor_id;
}

void
amends_store_set_actor_id (AmendsStore *self,
                           gint64       staff_id)
{
  g_return_if_fail (AMENDS_IS_STORE (self));

  if (self->actor_id != staff_id)
    {
      self->actor_id = staff_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACTOR_ID]);
    }
}

int
amends_store_get_recovery_target_hours (AmendsStore *self)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), 24);

  return self->recovery_target_hours;
}

void
amends_store_set_recovery_target_hours (AmendsStore *self,
                                        int          hours)
{
  g_return_if_fail (AMENDS_IS_STORE (self));
  g_return_if_fail (hours > 0);

  if (self->recovery_target_hours != hours)
    {
      self->recovery_target_hours = hours;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RECOVERY_TARGET_HOURS]);
    }
}