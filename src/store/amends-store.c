/* amends-store.c: the SQLite database behind every record
 *
 * The store owns one SQLite connection.  Every statement comes from a cache
 * keyed by its SQL text and takes its values as bound parameters.  Every
 * change runs inside a transaction (nested calls become savepoints), writes
 * an audit row for each field it changes, and is announced with
 * ::record-changed once the outermost transaction has committed, followed
 * by one ::changes-committed, so that a list can refresh once for a batch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "amends-schema.h"
#include "amends-store-private.h"

G_DEFINE_FINAL_TYPE (AmendsStore, amends_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_ACTOR_ID,
  PROP_RECOVERY_TARGET_HOURS,
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
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Errors, in words a person at the desk can act on. */
static void
set_error_from_code (GError     **error,
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

    case SQLITE_CONSTRAINT:
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID,
                   _("The change does not fit the rest of the data: %s"), detail);
      break;

    default:
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_FAILED,
                   _("The database reported a problem: %s"), detail);
      break;
    }
}

gboolean
amends_store_set_error (AmendsStore  *self,
                        int           rc,
                        GError      **error)
{
  set_error_from_code (error, rc, self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

sqlite3 *
amends_store_get_db (AmendsStore *self)
{
  return self->db;
}

AmendsStmt *
amends_store_prepare (AmendsStore  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      amends_store_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
amends_store_step_done (AmendsStore  *self,
                        AmendsStmt   *stmt,
                        GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  return amends_store_set_error (self, rc, error);
}

static gboolean
exec_plain (AmendsStore  *self,
            const char   *sql,
            GError      **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

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

  return g_date_time_new_from_unix_local (amends_store_now (self));
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
  return sqlite3_busy_timeout (self->db, milliseconds) == SQLITE_OK;
}

/* Transactions */

gboolean
amends_store_begin (AmendsStore  *self,
                    GError      **error)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);

  /* IMMEDIATE: take the write lock now, not on the first write, so a
   * transaction never fails half-way because another process wrote. */
  if (!exec_plain (self, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT amends_nested", error))
    return FALSE;

  g_array_append_val (self->marks, self->pending->len);
  self->depth++;

  return TRUE;
}

static void
emit_pending (AmendsStore *self)
{
  g_autoptr(GArray) pending = g_steal_pointer (&self->pending);

  self->pending = g_array_new (FALSE, FALSE, sizeof (AmendsStoreChange));

  if (pending->len == 0)
    return;

  for (guint i = 0; i < pending->len; i++)
    {
      const AmendsStoreChange *change = &g_array_index (pending, AmendsStoreChange, i);
      g_signal_emit (self, signals [RECORD_CHANGED], 0, change->type, change->id);
    }

  g_signal_emit (self, signals [CHANGES_COMMITTED], 0);
}

gboolean
amends_store_commit (AmendsStore  *self,
                     GError      **error)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!exec_plain (self, self->depth == 1 ? "COMMIT" : "RELEASE amends_nested", error))
    {
      amends_store_rollback (self);
      return FALSE;
    }

  self->depth--;
  g_array_set_size (self->marks, self->depth);

  if (self->depth == 0)
    emit_pending (self);

  return TRUE;
}

void
amends_store_rollback (AmendsStore *self)
{
  guint mark;

  g_return_if_fail (AMENDS_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  else
    sqlite3_exec (self->db, "ROLLBACK TO amends_nested; RELEASE amends_nested", NULL, NULL, NULL);

  self->depth--;
  mark = g_array_index (self->marks, guint, self->depth);
  g_array_set_size (self->marks, self->depth);
  g_array_set_size (self->pending, mark);
}

void
amends_store_queue_change (AmendsStore *self,
                           GType        type,
                           gint64       id)
{
  AmendsStoreChange change = { type, id };

  for (guint i = 0; i < self->pending->len; i++)
    {
      const AmendsStoreChange *other = &g_array_index (self->pending, AmendsStoreChange, i);
      if (other->type == type && other->id == id)
        return;
    }

  g_array_append_val (self->pending, change);
}

/* Opening */

static gboolean
ensure_folder (const char  *path,
               GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *probe = NULL;
  g_autofree char *name = g_filename_display_name (folder);
  int fd;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    goto cannot_write;

  /* access() says yes to root on a read-only mount; a real file does not
   * lie.  SQLite needs the folder for its -wal and -shm files too. */
  probe = g_build_filename (folder, ".amends-write-test-XXXXXX", NULL);
  fd = g_mkstemp_full (probe, O_RDWR, 0600);
  if (fd < 0)
    goto cannot_write;
  close (fd);
  g_unlink (probe);

  return TRUE;

cannot_write:
  g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_READ_ONLY,
               _("Amends cannot save in the folder “%s”: %s. Choose a folder you may write to."),
               name, g_strerror (errno));
  return FALSE;
}

static gboolean
query_int (AmendsStore  *self,
           const char   *sql,
           int          *value,
           GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    return amends_store_set_error (self, rc, error);

  return TRUE;
}

/* Reads the header only: nothing here writes to the file, so a file we
 * refuse is left exactly as it was. */
static gboolean
check_file (AmendsStore  *self,
            int          *version,
            GError      **error)
{
  g_autofree char *name = g_filename_display_basename (self->path);
  int application_id = 0;
  int n_objects = 0;

  if (!query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error) ||
      !query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "PRAGMA user_version", version, error))
    return FALSE;

  if ((application_id != 0 && application_id != AMENDS_SCHEMA_APPLICATION_ID) ||
      (application_id == 0 && n_objects > 0))
    {
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_A_DATABASE,
                   _("The file “%s” is a database of another program, not of Amends."), name);
      return FALSE;
    }

  if (*version > amends_schema_get_latest_version ())
    {
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was saved by a newer version of Amends. Update Amends to open it."),
                   name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
configure_connection (AmendsStore  *self,
                      GError      **error)
{
  int mode = 0;

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);

  /* synchronous stays FULL (Debian's default): a saved edit survives a
   * power cut. */
  return exec_plain (self, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL;", error) &&
         query_int (self, "PRAGMA foreign_keys", &mode, error);
}

static gboolean
backup_before_migration (AmendsStore  *self,
                         int           version,
                         GError      **error)
{
  g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", self->path, version);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_unlink (backup);
  rc = sqlite3_prepare_v2 (self->db, "VACUUM INTO ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, backup, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    return amends_store_set_error (self, rc, error);

  g_chmod (backup, 0600);
  return TRUE;
}

static gboolean
amends_store_open_file (AmendsStore  *self,
                        GError      **error)
{
  gboolean existed = g_file_test (self->path, G_FILE_TEST_EXISTS);
  int version = 0;
  int rc;

  if (!ensure_folder (self->path, error))
    return FALSE;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_code (error, rc, self->path,
                           self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }

  if (!check_file (self, &version, error))
    return FALSE;

  if (!existed)
    g_chmod (self->path, 0600);

  if (!configure_connection (self, error))
    return FALSE;

  if (version < amends_schema_get_latest_version ())
    {
      if (version > 0 && !backup_before_migration (self, version, error))
        return FALSE;
      if (!amends_schema_migrate (self->db, version, amends_schema_get_latest_version (), error))
        return FALSE;
    }

  return TRUE;
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
amends_store_finalize (GObject *object)
{
  AmendsStore *self = (AmendsStore *)object;

  /* Statements first: sqlite3_close refuses while any is alive. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->select_sql, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);

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

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmendsStore::record-changed:
   * @type: the record's type
   * @id: the record's id
   *
   * A record was added, changed, trashed, restored or removed; emitted
   * after the change is committed.
   */
  signals [RECORD_CHANGED] =
    g_signal_new ("record-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_GTYPE, G_TYPE_INT64);

  /**
   * AmendsStore::changes-committed:
   *
   * Follows the ::record-changed signals of one transaction.
   */
  signals [CHANGES_COMMITTED] =
    g_signal_new ("changes-committed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
amends_store_init (AmendsStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
  self->select_sql = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->pending = g_array_new (FALSE, FALSE, sizeof (AmendsStoreChange));
  self->marks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->recovery_target_hours = 24;
}

/**
 * amends_store_get_default_path:
 *
 * Returns: (transfer full): where the database lives unless told otherwise
 */
char *
amends_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "amends", "amends.db", NULL);
}

/**
 * amends_store_open:
 * @path: the database file; created (with its folder) when missing
 *
 * Opens the database, bringing an older one up to date after taking a
 * copy of it beside the file.  A file that is not an Amends database, one
 * from a newer Amends, or a folder that cannot be written is refused
 * with an #AmendsStoreError, and the file is not touched.
 */
AmendsStore *
amends_store_open (const char  *path,
                   GError     **error)
{
  g_autoptr(AmendsStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (AMENDS_TYPE_STORE, "path", path, NULL);
  if (!amends_store_open_file (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
amends_store_get_path (AmendsStore *self)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  return self->path;
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
