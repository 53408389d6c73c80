/* amends-store-check.c: the integrity check of a database, at open or after it
 *
 * The window does not wait for PRAGMA quick_check: it runs on a read-only
 * connection of its own in a thread, and every write waits for its
 * verdict, so that nothing is written into a file it finds damaged.  The
 * verdict is applied on the store's own thread, where its connection
 * lives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store"

#include "config.h"

#include <sqlite3.h>
#include <glib/gi18n.h>
#ifdef __linux__
# include <sys/resource.h>
# include <sys/syscall.h>
# include <unistd.h>
#endif

#include "amends-store-private.h"

struct _AmendsStoreCheck
{
  gatomicrefcount  ref_count;
  GMutex           lock;
  GCond            cond;

  /* Set before the worker starts, then only read */
  char            *uri;
  char            *path;
  gboolean         wal_existed;  /* when the store opened the file */
  GMainContext    *context;      /* the store's */
  GWeakRef         store;

  /* Under the lock */
  GThread         *thread;
  sqlite3         *db;           /* the worker's, to interrupt it */
  gboolean         held;         /* amends_store_hold_integrity_check() */
  gboolean         cancelled;
  gboolean         done;
  gboolean         damaged;
  char            *failure;      /* why the check could not say */
};

/* PRAGMA quick_check finds a damaged page of any table or index (0.13 s
 * on 30,000 cases, a second on a million with the file in memory and six
 * from disk); it cannot see a changed byte inside a text.  Returns the
 * SQLite result code, SQLITE_OK when it could say. */
int
amends_store_quick_check (sqlite3    *db,
                          const char *path,
                          gboolean   *damaged)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check (1)", -1, &stmt, NULL);

  *damaged = FALSE;

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *result = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (result, "ok") != 0)
        {
          g_debug ("%s is damaged: %s", path, result);
          *damaged = TRUE;
        }
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if ((rc & 0xff) == SQLITE_CORRUPT)
    {
      *damaged = TRUE;
      return SQLITE_OK;
    }

  return rc;
}

static AmendsStoreCheck *
check_ref (AmendsStoreCheck *check)
{
  g_atomic_ref_count_inc (&check->ref_count);
  return check;
}

static void
check_unref (gpointer data)
{
  AmendsStoreCheck *check = data;

  if (!g_atomic_ref_count_dec (&check->ref_count))
    return;

  g_assert (check->thread == NULL);
  g_free (check->uri);
  g_free (check->path);
  g_free (check->failure);
  g_main_context_unref (check->context);
  g_weak_ref_clear (&check->store);
  g_mutex_clear (&check->lock);
  g_cond_clear (&check->cond);
  g_free (check);
}

AmendsStoreCheck *
amends_store_check_new (AmendsStore *self,
                        gboolean     wal_existed)
{
  AmendsStoreCheck *check = g_new0 (AmendsStoreCheck, 1);

  g_atomic_ref_count_init (&check->ref_count);
  g_mutex_init (&check->lock);
  g_cond_init (&check->cond);
  check->uri = amends_store_dup_reader_uri (self);
  check->path = g_strdup (self->path);
  check->wal_existed = wal_existed;
  check->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&check->store, self);

  return check;
}

/* Applies the verdict, once it is in: a damaged file turns read-only, as
 * if it had been found damaged when it was opened. */
static void
apply_verdict (AmendsStore *self)
{
  AmendsStoreCheck *check = g_steal_pointer (&self->check);
  gboolean was_read_only = self->read_only;
  g_autoptr(GError) error = NULL;
  GThread *thread;

  g_mutex_lock (&check->lock);
  g_assert (check->done);
  thread = g_steal_pointer (&check->thread);
  g_mutex_unlock (&check->lock);

  if (thread != NULL)
    g_thread_join (thread);

  /* A file that cannot be read through is not trusted to be written. */
  if (check->failure != NULL)
    g_warning ("%s could not be checked, so it is taken as damaged: %s", self->path, check->failure);

  if (check->damaged && !amends_store_turn_damaged (self, check->wal_existed, &error))
    {
      g_warning ("%s could not be opened again read-only: %s", self->path, error->message);
      self->read_only = TRUE;
    }

  check_unref (check);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->damaged)
    g_object_notify (G_OBJECT (self), "damaged");
  if (self->read_only != was_read_only)
    g_object_notify (G_OBJECT (self), "read-only");
  g_object_notify (G_OBJECT (self), "checking");
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
apply_verdict_cb (gpointer data)
{
  AmendsStoreCheck *check = data;
  g_autoptr(AmendsStore) self = g_weak_ref_get (&check->store);

  /* Not already applied by a write that waited for it. */
  if (self != NULL && self->check == check)
    apply_verdict (self);

  return G_SOURCE_REMOVE;
}

/* Low priority: the check must not slow the window it runs behind. */
static void
lower_thread_priority (void)
{
#ifdef __linux__
  /* On Linux a nice value is a thread's own (0: the calling thread). */
  if (setpriority (PRIO_PROCESS, 0, 10) != 0)
    g_debug ("Could not lower the integrity check's priority: %s", g_strerror (errno));
#endif
}

static gpointer
check_thread (gpointer data)
{
  AmendsStoreCheck *check = data;
  sqlite3 *db = NULL;
  gboolean damaged = FALSE;
  gboolean cancelled;
  g_autofree char *failure = NULL;
  int rc;

  lower_thread_priority ();

  g_mutex_lock (&check->lock);
  while (check->held && !check->cancelled)
    g_cond_wait (&check->cond, &check->lock);
  g_mutex_unlock (&check->lock);

  rc = sqlite3_open_v2 (check->uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  if (db != NULL)
    {
      sqlite3_extended_result_codes (db, TRUE);
      sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
    }

  g_mutex_lock (&check->lock);
  check->db = db;
  cancelled = check->cancelled;
  g_mutex_unlock (&check->lock);

  if (rc == SQLITE_OK && !cancelled)
    rc = amends_store_quick_check (db, check->path, &damaged);
  if (rc != SQLITE_OK)
    failure = g_strdup (db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));

  g_mutex_lock (&check->lock);
  check->db = NULL;
  g_mutex_unlock (&check->lock);
  sqlite3_close (db);

  g_mutex_lock (&check->lock);
  cancelled = check->cancelled;
  check->damaged = damaged || failure != NULL;
  check->failure = g_steal_pointer (&failure);
  check->done = TRUE;
  g_cond_broadcast (&check->cond);
  g_mutex_unlock (&check->lock);

  /* A source, not g_main_context_invoke(): that would run it here when
   * nobody holds the store's context, and the verdict is the store's. */
  if (!cancelled)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_callback (source, apply_verdict_cb, check_ref (check), check_unref);
      g_source_set_static_name (source, "[amends] integrity verdict");
      g_source_attach (source, check->context);
    }

  check_unref (check);
  return NULL;
}

static void
start_check (AmendsStoreCheck *check)
{
  g_mutex_lock (&check->lock);
  if (check->thread == NULL && !check->done)
    check->thread = g_thread_new ("amends-quick-check", check_thread, check_ref (check));
  g_mutex_unlock (&check->lock);
}

void
amends_store_await_verdict (AmendsStore *self)
{
  AmendsStoreCheck *check = self->check;

  start_check (check);

  g_mutex_lock (&check->lock);
  while (!check->done)
    g_cond_wait (&check->cond, &check->lock);
  g_mutex_unlock (&check->lock);

  apply_verdict (self);
}

/* When the store closes first: the worker lets go of the file at once. */
void
amends_store_cancel_check (AmendsStore *self)
{
  AmendsStoreCheck *check = g_steal_pointer (&self->check);
  GThread *thread;

  if (check == NULL)
    return;

  g_mutex_lock (&check->lock);
  check->cancelled = TRUE;
  if (check->db != NULL)
    sqlite3_interrupt (check->db);
  thread = g_steal_pointer (&check->thread);
  g_cond_broadcast (&check->cond);
  g_mutex_unlock (&check->lock);

  if (thread != NULL)
    g_thread_join (thread);

  check_unref (check);
}

/**
 * amends_store_check_integrity:
 *
 * Starts the integrity check that opening with
 * %AMENDS_STORE_OPEN_CHECK_LATER left for later, in a thread of low
 * priority on a connection of its own; its verdict is applied in the
 * store's thread (see #AmendsStore:checking).  Does nothing when there is
 * no check waiting.
 */
void
amends_store_check_integrity (AmendsStore *self)
{
  g_return_if_fail (AMENDS_IS_STORE (self));

  if (self->check != NULL)
    start_check (self->check);
}

/**
 * amends_store_get_checking:
 *
 * Returns: %TRUE while the integrity check left for later has not given
 *   its verdict: writes wait for it
 */
gboolean
amends_store_get_checking (AmendsStore *self)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);

  return self->check != NULL;
}

/**
 * amends_store_hold_integrity_check:
 * @hold: whether the check waits
 *
 * For tests: while held, the check left for later waits before it reads
 * anything, so that what happens meanwhile can be seen.  May be called
 * from any thread while the store is alive.
 */
void
amends_store_hold_integrity_check (AmendsStore *self,
                                   gboolean     hold)
{
  AmendsStoreCheck *check;

  g_return_if_fail (AMENDS_IS_STORE (self));

  if ((check = self->check) == NULL)
    return;

  g_mutex_lock (&check->lock);
  check->held = hold;
  g_cond_broadcast (&check->cond);
  g_mutex_unlock (&check->lock);
}
