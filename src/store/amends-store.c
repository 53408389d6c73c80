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
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "amends-schema.h"
#include "amends-store-case-ids.h"
#include "amends-store-private.h"

#define WATCH_INTERVAL_MS 1000

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
  return sqlite3_busy_timeout (self->db, milliseconds) == SQLITE_OK;
}

/* Transactions */

static gboolean
query_int64 (AmendsStore  *self,
             const char   *sql,
             gint64       *value,
             GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

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

static gboolean
query_int (AmendsStore  *self,
           const char   *sql,
           int          *value,
           GError      **error)
{
  gint64 v = 0;

  if (!query_int64 (self, sql, &v, error))
    return FALSE;

  *value = (int) v;
  return TRUE;
}

static gboolean
set_read_only_error (AmendsStore  *self,
                     GError      **error)
{
  g_autofree char *name = g_filename_display_basename (self->path);

  if (self->damaged)
    g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_READ_ONLY,
                 _("The database “%s” is damaged, so Amends opened it read-only to protect it: nothing can be changed. Restore it from a backup, or export what can still be read."),
                 name);
  else
    g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_READ_ONLY,
                 _("The database “%s” is open read-only, because Amends may not change the file or its folder: nothing can be saved. Ask whoever looks after this computer to let you write to it."),
                 name);

  return FALSE;
}


static GType
type_of_table (const char *table)
{
  static const struct {
    const char *table;
    GType     (*get_type) (void);
  } tables[] = {
    { "cases",     amends_case_get_type },
    { "customers", amends_customer_get_type },
    { "staff",     amends_staff_get_type },
    { "actions",   amends_action_get_type },
    { "stories",   amends_story_get_type },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (tables[i].table, table) == 0)
      return tables[i].get_type ();

  return G_TYPE_INVALID;
}

/* What other programs committed after the newest audit row we know of:
 * every change writes audit rows in its own transaction, naming the
 * records it changed, so they say what to read again.  Queued to be
 * announced like our own changes; @last is the newest row read. */
static gboolean
queue_others_changes (AmendsStore  *self,
                      gint64       *last,
                      GError      **error)
{
  static const char sql[] =
    "SELECT id, table_name, record_id FROM audit_log WHERE id > ?1 ORDER BY id";
  g_autoptr(AmendsStmt) stmt = amends_store_prepare (self, sql, error);
  int rc;

  *last = self->last_audit_id;
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->last_audit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GType type = type_of_table ((const char *) sqlite3_column_text (stmt, 1));

      if (type != G_TYPE_INVALID)
        amends_store_queue_change (self, type, sqlite3_column_int64 (stmt, 2));
      *last = sqlite3_column_int64 (stmt, 0);
    }

  if (rc != SQLITE_DONE)
    return amends_store_set_error (self, rc, error);

  return TRUE;
}

gboolean
amends_store_begin (AmendsStore  *self,
                    GError      **error)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);

  /* Nothing is written into a file before PRAGMA quick_check has said it
   * is whole: a write in the first second waits for the verdict. */
  if (self->check != NULL)
    amends_store_await_verdict (self);

  /* At once, before anything is typed into a dialog or read from a file. */
  if (self->read_only)
    return set_read_only_error (self, error);

  /* IMMEDIATE: take the write lock now, not on the first write, so a
   * transaction never fails half-way because another process wrote. */
  if (!exec_plain (self, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT amends_nested", error))
    return FALSE;

  /* Holding the lock, the audit rows past ours are others', committed
   * before: they are announced with this transaction's changes.  Our own
   * rows come after, and are not announced twice. */
  if (self->depth == 0)
    {
      gint64 last;

      if (!queue_others_changes (self, &last, NULL))
        self->audit_unseen = TRUE;
    }

  g_array_append_val (self->marks, self->pending->len);
  self->depth++;

  return TRUE;
}

static void
emit_pending (AmendsStore *self)
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

gboolean
amends_store_commit (AmendsStore  *self,
                     GError      **error)
{
  gint64 last_audit_id = self->last_audit_id;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1 &&
      !query_int64 (self, "SELECT coalesce (max (id), 0) FROM audit_log", &last_audit_id, error))
    {
      amends_store_rollback (self);
      return FALSE;
    }

  if (!exec_plain (self, self->depth == 1 ? "COMMIT" : "RELEASE amends_nested", error))
    {
      amends_store_rollback (self);
      return FALSE;
    }

  self->depth--;
  g_array_set_size (self->marks, self->depth);

  if (self->depth == 0)
    {
      self->last_audit_id = last_audit_id;
      emit_pending (self);
    }

  return TRUE;
}

static void
truncate_pending (AmendsStore *self,
                  guint        length)
{
  for (guint i = length; i < self->pending->len; i++)
    g_hash_table_remove (self->pending_set, &g_array_index (self->pending, AmendsStoreChange, i));
  g_array_set_size (self->pending, length);
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

  if (self->depth > 0)
    truncate_pending (self, mark);
  else
    {
      /* Others' changes queued when it began are found again by the next
       * look (amends_store_check_for_changes()). */
      truncate_pending (self, 0);
      self->audit_unseen = TRUE;
    }
}

static guint
change_hash (gconstpointer key)
{
  const AmendsStoreChange *change = key;

  return g_int64_hash (&change->id) ^ g_direct_hash (GSIZE_TO_POINTER (change->type));
}

static gboolean
change_equal (gconstpointer a,
              gconstpointer b)
{
  const AmendsStoreChange *x = a;
  const AmendsStoreChange *y = b;

  return x->type == y->type && x->id == y->id;
}

void
amends_store_queue_change (AmendsStore *self,
                           GType        type,
                           gint64       id)
{
  AmendsStoreChange change = { type, id };

  /* A set, not a scan: an import queues a hundred thousand. */
  if (g_hash_table_contains (self->pending_set, &change))
    return;

  g_hash_table_add (self->pending_set, g_memdup2 (&change, sizeof change));
  g_array_append_val (self->pending, change);
}

/* Following other programs */

/**
 * amends_store_check_for_changes:
 *
 * Looks whether another program (or another connection) committed a
 * change since the last look, and announces the records it changed with
 * ::record-changed and ::changes-committed, as if the change were ours.
 * The store looks by itself every second while the main loop runs; it is
 * one PRAGMA when nothing changed.
 */
void
amends_store_check_for_changes (AmendsStore *self)
{
  gint64 data_version = 0;
  gint64 last = 0;

  g_return_if_fail (AMENDS_IS_STORE (self));

  /* A transaction collects others' changes when it begins. */
  if (self->depth > 0 || self->db == NULL)
    return;

  if (!query_int64 (self, "PRAGMA data_version", &data_version, NULL))
    return;

  if (data_version == self->data_version && !self->audit_unseen)
    return;

  self->data_version = data_version;
  self->audit_unseen = FALSE;

  if (!queue_others_changes (self, &last, NULL))
    {
      /* Busy, say: the next look tries again. */
      truncate_pending (self, 0);
      self->audit_unseen = TRUE;
      return;
    }

  self->last_audit_id = last;
  emit_pending (self);
}

static gboolean
watch_cb (gpointer user_data)
{
  amends_store_check_for_changes (user_data);

  return G_SOURCE_CONTINUE;
}

static void
start_watching (AmendsStore *self)
{
  if (!query_int64 (self, "PRAGMA data_version", &self->data_version, NULL) ||
      !query_int64 (self, "SELECT coalesce (max (id), 0) FROM audit_log", &self->last_audit_id, NULL))
    return;

  /* Polling, not a file monitor: inotify does not see writes made over
   * the network, and PRAGMA data_version is one cheap read. */
  self->watch_source = g_timeout_source_new (WATCH_INTERVAL_MS);
  g_source_set_callback (self->watch_source, watch_cb, self, NULL);
  g_source_set_static_name (self->watch_source, "[amends] other programs' changes");
  g_source_attach (self->watch_source, g_main_context_get_thread_default ());
}

/* Opening */

/* Whether we may make a file in @folder; sets errno when not.  access()
 * says yes to root on a read-only mount; a real file does not lie.
 * SQLite needs the folder for its -wal and -shm files too. */
static gboolean
can_write_folder (const char *folder)
{
  g_autofree char *probe = g_build_filename (folder, ".amends-write-test-XXXXXX", NULL);
  int fd = g_mkstemp_full (probe, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    return FALSE;

  close (fd);
  g_unlink (probe);
  return TRUE;
}

static gboolean
ensure_folder (const char  *path,
               GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *name = g_filename_display_name (folder);
  int saved_errno;

  if (g_mkdir_with_parents (folder, 0700) == 0 && can_write_folder (folder))
    return TRUE;

  saved_errno = errno;
  g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_READ_ONLY,
               _("Amends cannot save in the folder “%s”: %s. Choose a folder you may write to."),
               name, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
can_write (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  return g_access (path, W_OK) == 0 && can_write_folder (folder);
}

/* Looks at the file before SQLite does: SQLite takes an empty file for a
 * new database of its own, and says only "unable to open" of a folder or
 * of a file it may not read. */
static gboolean
inspect_file (AmendsStore  *self,
              gboolean     *exists,
              GError      **error)
{
  g_autofree char *name = g_filename_display_basename (self->path);
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  GStatBuf st, wal_st;
  int saved_errno;
  int fd;

  *exists = FALSE;

  if (g_stat (self->path, &st) != 0)
    {
      saved_errno = errno;
      if (saved_errno == ENOENT)
        return TRUE;

      g_set_error (error, AMENDS_STORE_ERROR,
                   saved_errno == EACCES ? AMENDS_STORE_ERROR_UNREADABLE : AMENDS_STORE_ERROR_FAILED,
                   _("Amends cannot open “%s”: %s."), name, g_strerror (saved_errno));
      return FALSE;
    }

  *exists = TRUE;

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is a folder, not an Amends database. Choose the database file itself."),
                   name);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a file, so it is not an Amends database."), name);
      return FALSE;
    }

  fd = g_open (self->path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_UNREADABLE,
                   _("Amends may not read “%s” (%s). Ask whoever looks after this computer to let you open the file."),
                   name, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  /* All of a database can still be in its -wal file when the program
   * that made it stopped before writing it into the file itself. */
  if (st.st_size == 0 && (g_stat (wal, &wal_st) != 0 || wal_st.st_size == 0))
    {
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is empty, not an Amends database. Amends makes a new database only where there is no file: choose another name, or remove the empty file."),
                   name);
      return FALSE;
    }

  return TRUE;
}

static char *
make_uri (const char *path,
          const char *query)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);

  if (uri == NULL)
    return NULL;

  return query ? g_strconcat (uri, "?", query, NULL) : g_steal_pointer (&uri);
}

/* Read-only, a connection to a WAL database makes -wal and -shm files
 * beside it, and never removes them.  Where there are none, nobody is
 * writing and nothing waits in a -wal file: then the file is read as it
 * is, with no locks and nothing made beside it. */
static char *
make_read_only_uri (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  return make_uri (path, g_file_test (wal, G_FILE_TEST_EXISTS) ? "mode=ro" : "mode=ro&immutable=1");
}

static gboolean
open_connection (AmendsStore  *self,
                 gboolean      read_only,
                 GError      **error)
{
  int flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
  int rc;

  g_clear_pointer (&self->uri, g_free);
  self->uri = read_only ? make_read_only_uri (self->path) : make_uri (self->path, NULL);
  if (self->uri == NULL)
    {
      g_autofree char *name = g_filename_display_basename (self->path);
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_FAILED,
                   _("Amends cannot open “%s”: the name cannot be used."), name);
      return FALSE;
    }

  flags |= read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  rc = sqlite3_open_v2 (self->uri, &self->db, flags, NULL);

  /* First of all, before anything is read: another program may hold the
   * file for a moment, and a read without a busy timeout fails at once. */
  if (self->db != NULL)
    {
      sqlite3_extended_result_codes (self->db, TRUE);
      sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
    }

  if (rc != SQLITE_OK)
    {
      set_error_from_code (error, rc, self->path,
                           self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }

  self->read_only = read_only;
  return TRUE;
}

/* @keep_wal: leave the -wal file as it was found; closing the last
 * connection would otherwise copy what waits in it into the file. */
static gboolean
reopen_read_only (AmendsStore  *self,
                  gboolean      keep_wal,
                  GError      **error)
{
  if (keep_wal)
    sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

  g_hash_table_remove_all (self->statements);
  g_clear_pointer (&self->db, sqlite3_close);

  return open_connection (self, TRUE, error);
}

/* A new database is made whole under another name and then linked into
 * place: another program opening the same path at the same moment never
 * finds it empty or half made, and if one of them made it first, theirs
 * is the one used. */
static gboolean
create_database (AmendsStore  *self,
                 GError      **error)
{
  g_autofree char *folder = g_path_get_dirname (self->path);
  g_autofree char *base = g_path_get_basename (self->path);
  g_autofree char *dot_base = g_strconcat (".", base, ".new-XXXXXX", NULL);
  g_autofree char *temp = g_build_filename (folder, dot_base, NULL);
  g_autofree char *folder_name = g_filename_display_name (folder);
  sqlite3 *db = NULL;
  gboolean ok = FALSE;
  int fd;
  int rc;

  if (!ensure_folder (self->path, error))
    return FALSE;

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_READ_ONLY,
                   _("Amends cannot save in the folder “%s”: %s. Choose a folder you may write to."),
                   folder_name, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (temp, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, TRUE);
      rc = sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    set_error_from_code (error, rc, self->path, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  else
    ok = amends_schema_migrate (db, 0, amends_schema_get_latest_version (), error);

  /* The last connection writes the -wal file into the database and
   * removes it, so the file is whole on its own. */
  sqlite3_close (db);

  if (ok && link (temp, self->path) != 0 && errno != EEXIST)
    {
      int saved_errno = errno;

      /* A file system without hard links (FAT, some network shares). */
      if (!g_file_test (self->path, G_FILE_TEST_EXISTS) && g_rename (temp, self->path) == 0)
        return TRUE;

      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_READ_ONLY,
                   _("Amends cannot save in the folder “%s”: %s. Choose a folder you may write to."),
                   folder_name, g_strerror (saved_errno));
      ok = FALSE;
    }

  g_unlink (temp);
  return ok;
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
check_damage (AmendsStore  *self,
              gboolean     *damaged,
              GError      **error)
{
  int rc = amends_store_quick_check (self->db, self->path, damaged);

  if (rc != SQLITE_OK)
    return amends_store_set_error (self, rc, error);

  return TRUE;
}

/* Nothing more is written to a damaged file: not a migration, not an
 * edit, not what waits in its -wal file (@wal_existed: there was one
 * when the file was opened). */
gboolean
amends_store_turn_damaged (AmendsStore  *self,
                           gboolean      wal_existed,
                           GError      **error)
{
  self->damaged = TRUE;

  if (self->read_only)
    return TRUE;

  return reopen_read_only (self, wal_existed, error);
}

static gboolean
query_text_is (AmendsStore *self,
               const char  *sql,
               const char  *expected)
{
  sqlite3_stmt *stmt = NULL;
  gboolean is = FALSE;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    is = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), expected) == 0;
  sqlite3_finalize (stmt);

  return is;
}

/* Only a file that opening will not write to: no migration to run, and
 * already in WAL mode (or read-only), so that nothing reaches the file
 * before the verdict. */
static gboolean
can_check_later (AmendsStore *self,
                 int          version)
{
  return version == amends_schema_get_latest_version () &&
         (self->read_only || query_text_is (self, "PRAGMA journal_mode", "wal"));
}

static gboolean
configure_connection (AmendsStore  *self,
                      GError      **error)
{
  int mode = 0;

  /* synchronous stays FULL (Debian's default): a saved edit survives a
   * power cut.  WAL is kept in the file: a read-only one stays as it is. */
  if (!self->read_only && !exec_plain (self, "PRAGMA journal_mode = WAL;", error))
    return FALSE;

  /* Statement journals in memory: every nested step (a savepoint per
   * insert) otherwise writes the pages it touches to a temporary file;
   * a 100,000-row import spent 4.6 of its 12.6 s in those writes. */
  return exec_plain (self, "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;", error) &&
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
migrate (AmendsStore  *self,
         int           version,
         GError      **error)
{
  g_autofree char *name = g_filename_display_basename (self->path);

  if (version >= amends_schema_get_latest_version ())
    return TRUE;

  if (self->damaged)
    {
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged, and it was saved by an older version of Amends, which this one cannot read without changing the file. Restore it from a backup."),
                   name);
      return FALSE;
    }

  if (self->read_only)
    {
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_READ_ONLY,
                   _("The database “%s” was saved by an older version of Amends and must be brought up to date, but Amends may not change the file or its folder."),
                   name);
      return FALSE;
    }

  if (version > 0 && !backup_before_migration (self, version, error))
    return FALSE;

  return amends_schema_migrate (self->db, version, amends_schema_get_latest_version (), error);
}

static gboolean
amends_store_open_file (AmendsStore           *self,
                        AmendsStoreOpenFlags   flags,
                        GError               **error)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  gboolean exists = FALSE;
  gboolean wal_existed;
  gboolean damaged = FALSE;
  int version = 0;

  if (!inspect_file (self, &exists, error))
    return FALSE;

  /* Another program may have made it first, or put something else there. */
  if (!exists &&
      (!create_database (self, error) || !inspect_file (self, &exists, error)))
    return FALSE;

  wal_existed = g_file_test (wal, G_FILE_TEST_EXISTS);
  if (!open_connection (self, !can_write (self->path), error))
    return FALSE;

  /* On a read-only disk even root's connection is read-only, quietly. */
  if (!self->read_only && sqlite3_db_readonly (self->db, "main") == 1 &&
      !reopen_read_only (self, TRUE, error))
    return FALSE;

  if (!check_file (self, &version, error))
    return FALSE;

  if ((flags & AMENDS_STORE_OPEN_CHECK_LATER) != 0 && can_check_later (self, version))
    self->check = amends_store_check_new (self, wal_existed);
  else if (!check_damage (self, &damaged, error) ||
           (damaged && !amends_store_turn_damaged (self, wal_existed, error)))
    return FALSE;

  if (!configure_connection (self, error) ||
      !migrate (self, version, error))
    return FALSE;

  start_watching (self);

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

  amends_store_cancel_check (self);

  if (self->watch_source != NULL)
    g_source_destroy (self->watch_source);
  g_clear_pointer (&self->watch_source, g_source_unref);

  /* Statements first: sqlite3_close refuses while any is alive. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->select_sql, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
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
  self->pending_set = g_hash_table_new_full (change_hash, change_equal, g_free, NULL);
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
 * copy of it beside the file.  A file that is not an Amends database (an
 * empty file, a folder), one from a newer Amends, one that cannot be
 * read, or a new one in a folder that cannot be written is refused with
 * an #AmendsStoreError, and the file is not touched.
 *
 * A damaged database (PRAGMA quick_check) or one that cannot be written
 * is opened read-only: see amends_store_get_damaged() and
 * amends_store_get_read_only().
 *
 * Like its connection, the store belongs to the thread that opens it; it
 * looks for other programs' changes from that thread's main context.
 */
AmendsStore *
amends_store_open (const char  *path,
                   GError     **error)
{
  return amends_store_open_full (path, AMENDS_STORE_OPEN_DEFAULT, error);
}

/**
 * amends_store_open_full:
 * @flags: %AMENDS_STORE_OPEN_CHECK_LATER to open without waiting for
 *   PRAGMA quick_check
 *
 * Opens the database as amends_store_open() does.  With
 * %AMENDS_STORE_OPEN_CHECK_LATER the integrity check, which reads every
 * page of the file, is left for later: amends_store_check_integrity()
 * runs it in a thread, and the first write waits for its verdict (running
 * it then if nobody has started it).  A damaged file turns read-only
 * when the verdict comes, with notifications of #AmendsStore:damaged,
 * #AmendsStore:read-only and #AmendsStore:checking.  A file that opening
 * would write to (a migration to run) is checked at once all the same.
 */
AmendsStore *
amends_store_open_full (const char            *path,
                        AmendsStoreOpenFlags   flags,
                        GError               **error)
{
  g_autoptr(AmendsStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (AMENDS_TYPE_STORE, "path", path, NULL);
  if (!amends_store_open_file (self, flags, error))
    return NULL;

  return g_steal_pointer (&self);
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
  static const char sql[] = "SELECT EXISTS (SELECT 1 FROM cases WHERE deleted_at IS NULL)";
  g_autoptr(AmendsStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);

  if (!(stmt = amends_store_prepare (self, sql, error)))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return amends_store_set_error (self, rc, error);

  return sqlite3_column_int (stmt, 0) != 0;
}

const char *
amends_store_get_path (AmendsStore *self)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  return self->path;
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
  if (self->read_only)
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
