/* amends-store-transaction.c: transactions, and others' changes
 *
 * A change runs inside a transaction; nested calls become savepoints.
 * The records it changed are queued and announced once the outermost
 * transaction commits, and forgotten if it rolls back.  Other programs'
 * commits are found from the audit rows they wrote, looked for when a
 * transaction begins and every second (PRAGMA data_version).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-schema-pg.h"
#include "amends-store-private.h"

#define WATCH_INTERVAL_MS 1000

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


static gboolean
set_offline_error (AmendsStore  *self,
                   GError      **error)
{
  g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_OFFLINE,
               _("The database server of “%s” cannot be reached, so nothing was saved. Amends keeps trying to connect."),
               amends_store_get_display_name (self));
  return FALSE;
}

/* BEGIN, then the writers' lock, in two steps: when the lock is not
 * had (another desk held it past lock_timeout, a statement timeout, a
 * cancel), the transaction is rolled back here, or the connection would
 * stay in an aborted transaction that fails everything after it. */
static gboolean
begin_on_server (AmendsStore  *self,
                 GError      **error)
{
  if (!amends_store_exec_plain (self, "BEGIN", error))
    return FALSE;

  if (!amends_store_exec_plain (self, "SELECT pg_advisory_xact_lock (" AMENDS_SCHEMA_PG_WRITE_LOCK ")", error))
    {
      amends_db_exec (self->conn, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
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
  AmendsDbStep step;

  *last = self->last_audit_id;
  if (stmt == NULL)
    return FALSE;

  amends_stmt_bind_int64 (stmt, 1, self->last_audit_id);
  while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      GType type = type_of_table (amends_stmt_column_text (stmt, 1));

      if (type != G_TYPE_INVALID)
        amends_store_queue_change (self, type, amends_stmt_column_int64 (stmt, 2));
      *last = amends_stmt_column_int64 (stmt, 0);
    }

  return step == AMENDS_DB_STEP_DONE;
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

  if (self->offline)
    return set_offline_error (self, error);

  /* IMMEDIATE: take the write lock now, not on the first write, so a
   * transaction never fails half-way because another process wrote.  On
   * a server, the advisory lock every writer takes: audit ids then
   * follow commit order, which reading others' changes counts on. */
  if (self->depth > 0)
    {
      if (!amends_store_exec_plain (self, "SAVEPOINT amends_nested", error))
        return FALSE;
    }
  else if (self->db == NULL)
    {
      if (!begin_on_server (self, error))
        return FALSE;
    }
  else if (!amends_store_exec_plain (self, "BEGIN IMMEDIATE", error))
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

gboolean
amends_store_commit (AmendsStore  *self,
                     GError      **error)
{
  gint64 last_audit_id = self->last_audit_id;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  /* The server's transaction went with the connection: nothing of it
   * is there to commit, whatever a new session would answer. */
  if (self->offline)
    {
      amends_store_rollback (self);
      return set_offline_error (self, error);
    }

  if (self->depth == 1 &&
      !amends_store_query_int64 (self, "SELECT coalesce (max (id), 0) FROM audit_log", &last_audit_id, error))
    {
      amends_store_rollback (self);
      return FALSE;
    }

  if (!amends_store_exec_plain (self, self->depth == 1 ? "COMMIT" : "RELEASE amends_nested", error))
    {
      amends_store_rollback (self);
      return FALSE;
    }

  self->depth--;
  g_array_set_size (self->marks, self->depth);

  if (self->depth == 0)
    {
      self->last_audit_id = last_audit_id;
      amends_store_emit_pending (self);
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

/* SQLite rolls a transaction back by itself on some errors (a full
 * disk, say), and ROLLBACK then finds none: that is no failure.  One left
 * open would keep the write lock, and its changes might yet be committed
 * with the enclosing transaction's: worth a warning in the log. */
static void
roll_back (AmendsStore *self,
           const char  *sql)
{
  int rc;

  /* On a server, a failed statement spoils the whole transaction, and a
   * lost connection has ended it already: nothing to warn about. */
  if (self->db == NULL)
    {
      amends_db_exec (self->conn, sql, NULL);
      return;
    }

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK && !sqlite3_get_autocommit (self->db))
    g_warning ("“%s” failed, the transaction is still open: %s", sql, sqlite3_errmsg (self->db));
}

void
amends_store_rollback (AmendsStore *self)
{
  guint mark;

  g_return_if_fail (AMENDS_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    roll_back (self, "ROLLBACK");
  else
    roll_back (self, "ROLLBACK TO amends_nested; RELEASE amends_nested");

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

guint
amends_store_change_hash (gconstpointer key)
{
  const AmendsStoreChange *change = key;

  return g_int64_hash (&change->id) ^ g_direct_hash (GSIZE_TO_POINTER (change->type));
}

gboolean
amends_store_change_equal (gconstpointer a,
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
  if (self->depth > 0 || self->conn == NULL || self->offline)
    return;

  /* On a server a notification says when to look: no version to poll. */
  if (self->db != NULL)
    {
      if (!amends_store_query_int64 (self, "PRAGMA data_version", &data_version, NULL))
        return;

      if (data_version == self->data_version && !self->audit_unseen)
        return;
    }

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
  amends_store_emit_pending (self);
}

static gboolean
watch_cb (gpointer user_data)
{
  amends_store_check_for_changes (user_data);

  return G_SOURCE_CONTINUE;
}

/* Another desk committed (amends-schema-pg.c's audit trigger); our own
 * commits are announced by amends_store_commit(). */
static void
on_notify_cb (AmendsDb   *db,
              const char *channel,
              const char *payload,
              gboolean    from_self,
              gpointer    user_data)
{
  AmendsStore *self = user_data;

  if (from_self)
    return;

  self->audit_unseen = TRUE;
  amends_store_check_for_changes (self);
}

/* Tries again, less often the longer the server stays away (0.25 s at
 * first, then up to every 5 s), from the main loop. */
#define RECONNECT_FIRST_MS 250
#define RECONNECT_MAX_MS 5000

static gboolean reconnect_cb (gpointer user_data);

static void
schedule_reconnect (AmendsStore *self)
{
  self->reconnect_delay_ms = MIN (self->reconnect_delay_ms * 2, RECONNECT_MAX_MS);
  self->reconnect_id = g_timeout_add (self->reconnect_delay_ms, reconnect_cb, self);
}

/* A connection of its own, in a worker thread: a server that does not
 * answer (a cable pulled) takes libpq's whole connect_timeout to give
 * up, which the window must not spend frozen. */
typedef struct
{
  GWeakRef  store;
  char     *location;
} Probe;

static void
probe_free (Probe *probe)
{
  g_weak_ref_clear (&probe->store);
  g_free (probe->location);
  g_free (probe);
}

static void
probe_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Probe *probe = task_data;
  GError *error = NULL;
  AmendsDb *db = amends_db_open (probe->location, &error);

  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  amends_db_close (db);
  g_task_return_boolean (task, TRUE);
}

static void
on_probed_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Probe *probe = g_task_get_task_data (G_TASK (result));
  g_autoptr(AmendsStore) self = g_weak_ref_get (&probe->store);
  g_autoptr(GError) error = NULL;

  /* A store let go of meanwhile is not kept alive by its probe. */
  if (self == NULL)
    return;

  self->probing = FALSE;
  if (self->conn == NULL || !self->offline)
    return;

  /* A transaction was open when the server went away: it is gone with
   * the old session, and a new session must not make its COMMIT look
   * like a success.  Whoever began it rolls back first. */
  if (self->depth > 0)
    {
      schedule_reconnect (self);
      return;
    }

  /* The server answers: the store's own connection starts a new session
   * at once, its statements prepared again as they are used. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) ||
      !amends_db_reconnect (self->conn, &error))
    {
      g_debug ("Still offline: %s", error->message);
      schedule_reconnect (self);
      return;
    }

  g_debug ("Connected again to %s", amends_store_get_display_name (self));
  amends_store_set_offline (self, FALSE);

  /* What others committed meanwhile, whose notifications went with the
   * old session. */
  self->audit_unseen = TRUE;
  amends_store_check_for_changes (self);
}

static gboolean
reconnect_cb (gpointer user_data)
{
  AmendsStore *self = user_data;
  g_autoptr(GTask) task = NULL;

  Probe *probe = g_new0 (Probe, 1);

  self->reconnect_id = 0;
  self->probing = TRUE;

  g_weak_ref_init (&probe->store, self);
  probe->location = g_strdup (self->path);
  task = g_task_new (NULL, NULL, on_probed_cb, NULL);
  g_task_set_source_tag (task, reconnect_cb);
  g_task_set_task_data (task, probe, (GDestroyNotify) probe_free);
  g_task_run_in_thread (task, probe_thread);
  return G_SOURCE_REMOVE;
}

void
amends_store_lost_connection (AmendsStore *self)
{
  if (self->offline || self->conn == NULL || self->db != NULL)
    return;

  g_debug ("Lost the connection to %s", amends_store_get_display_name (self));
  self->reconnect_delay_ms = RECONNECT_FIRST_MS / 2;
  g_clear_handle_id (&self->reconnect_id, g_source_remove);
  if (!self->probing)
    schedule_reconnect (self);
  amends_store_set_offline (self, TRUE);
}

static void
on_lost_cb (AmendsDb *db,
            gpointer  user_data)
{
  amends_store_lost_connection (user_data);
}

static void
start_listening (AmendsStore *self)
{
  g_autoptr(GError) error = NULL;

  self->conn->lost_func = on_lost_cb;
  self->conn->lost_data = self;
  amends_db_set_notify_func (self->conn, on_notify_cb, self, NULL);
  if (!amends_db_listen (self->conn, AMENDS_SCHEMA_PG_CHANNEL, &error))
    g_warning ("Other desks' changes will not show until a restart: %s", error->message);
}

void
amends_store_start_watching (AmendsStore *self)
{
  if (self->db == NULL)
    {
      if (amends_store_query_int64 (self, "SELECT coalesce (max (id), 0) FROM audit_log", &self->last_audit_id, NULL))
        start_listening (self);
      return;
    }

  if (!amends_store_query_int64 (self, "PRAGMA data_version", &self->data_version, NULL) ||
      !amends_store_query_int64 (self, "SELECT coalesce (max (id), 0) FROM audit_log", &self->last_audit_id, NULL))
    return;

  /* Polling, not a file monitor: inotify does not see writes made over
   * the network, and PRAGMA data_version is one cheap read. */
  self->watch_source = g_timeout_source_new (WATCH_INTERVAL_MS);
  g_source_set_callback (self->watch_source, watch_cb, self, NULL);
  g_source_set_static_name (self->watch_source, "[amends] other programs' changes");
  g_source_attach (self->watch_source, g_main_context_get_thread_default ());
}

