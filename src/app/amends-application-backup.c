/* amends-application-backup.c: the day's backup, and putting one back
 *
 * The first start of a day takes the day's backup of the database the
 * application opened, in a thread of its own at low priority, once the
 * first frame is shown and the integrity check has found the file sound.
 * Quitting, or restoring a backup, stops it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-application-backup"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <sys/resource.h>
#ifdef __linux__
# include <sys/syscall.h>
# include <unistd.h>
#endif

#include "amends-application-private.h"
#include "amends-backup.h"
#include "amends-window.h"

static void
on_daily_backup_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AmendsApplication *self = AMENDS_APPLICATION (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = g_task_propagate_pointer (G_TASK (result), &error);
  GtkWindow *window;

  g_clear_object (&self->backup_cancellable);

  /* Stopped because Amends quits: the next start takes it. */
  if (error == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Said where the person will see it: a backup that silently stopped
   * being taken is one nobody can count on. */
  g_warning ("Today's backup could not be written: %s", error->message);
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (AMENDS_IS_WINDOW (window))
    {
      /* Translators: %s says why, as in "No space left on device" */
      g_autofree char *title = g_strdup_printf (_("Today’s backup could not be written: %s"), error->message);
      amends_window_show_error (AMENDS_WINDOW (window), title);
    }
}

/* The copy reads the whole file: it yields the processor and the disk to
 * the window, whose person is waiting for it. */
static void
lower_thread_priority (void)
{
#ifdef __linux__
  /* Both are the calling thread's own on Linux (who 0). */
  if (setpriority (PRIO_PROCESS, 0, 10) != 0)
    g_debug ("Could not lower the backup's priority: %s", g_strerror (errno));
# ifdef SYS_ioprio_set
  /* IOPRIO_WHO_PROCESS, IOPRIO_CLASS_IDLE: the disk only when it is idle. */
  if (syscall (SYS_ioprio_set, 1, 0, 3 << 13) != 0)
    g_debug ("Could not lower the backup's disk priority: %s", g_strerror (errno));
# endif
#endif
}

/* A thread of its own, not one of GTask's pool: a lowered priority
 * cannot be raised again, and would stay with the pool's next task. */
static gpointer
daily_backup_thread (gpointer data)
{
  g_autoptr(GTask) task = data;
  const char *path = g_task_get_task_data (task);
  g_autofree char *folder = amends_backup_get_folder ();
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  char *written;

  lower_thread_priority ();

  written = amends_backup_daily (path, folder, today, g_task_get_cancellable (task), &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, written, g_free);

  return NULL;
}

/* The first start of a day takes the day's backup, in the background: a
 * large database takes a while to copy, and the window must not wait. */
static void
start_daily_backup (AmendsApplication *self)
{
  g_autoptr(GTask) task = NULL;
  AmendsStore *store = self->store;

  /* Nothing to copy from a file that cannot be trusted, and no copy of a
   * damaged one should push a good backup out. */
  if (!self->backup_wanted || self->demo || store == NULL ||
      amends_store_get_checking (store) || amends_store_get_read_only (store) ||
      self->backup_cancellable != NULL)
    return;

  self->backup_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->backup_cancellable, on_daily_backup_cb, NULL);
  g_task_set_source_tag (task, start_daily_backup);
  g_task_set_priority (task, G_PRIORITY_LOW);
  g_task_set_task_data (task, g_strdup (amends_store_get_path (store)), g_free);
  g_thread_unref (g_thread_new ("amends-backup", daily_backup_thread, g_steal_pointer (&task)));
}

/* A copy under way is stopped, and its partial file removed: before the
 * process ends, or it would stay beside the backups; before a restore,
 * whose database nothing else may have open.  It stops within a step of
 * a few megabytes. */
void
amends_application_stop_daily_backup (AmendsApplication *self)
{
  if (self->backup_cancellable == NULL)
    return;

  g_cancellable_cancel (self->backup_cancellable);
  while (self->backup_cancellable != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
on_store_checked_cb (AmendsStore       *store,
                     GParamSpec        *pspec,
                     AmendsApplication *self)
{
  if (amends_store_get_checking (store))
    return;

  g_signal_handlers_disconnect_by_func (store, on_store_checked_cb, self);
  start_daily_backup (self);
}

/* What the first frame does not need, once it is shown: the integrity
 * check, and after its verdict the day's backup. */
static gboolean
run_after_first_frame_cb (gpointer user_data)
{
  AmendsApplication *self = user_data;
  AmendsStore *store = self->store;

  if (store == NULL)
    return G_SOURCE_REMOVE;

  if (amends_store_get_checking (store))
    {
      g_signal_connect_object (store, "notify::checking",
                               G_CALLBACK (on_store_checked_cb), self, 0);
      amends_store_check_integrity (store);
    }
  else
    start_daily_backup (self);

  return G_SOURCE_REMOVE;
}

static void
on_first_frame_cb (GdkFrameClock     *clock,
                   AmendsApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_cb, self);
  g_idle_add_full (G_PRIORITY_LOW, run_after_first_frame_cb,
                   g_object_ref (self), g_object_unref);
}

void
amends_application_run_after_first_frame (AmendsApplication *self,
                       GtkWindow         *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  /* No frame clock: nothing will be drawn (no display); now, then. */
  if (clock == NULL)
    {
      g_idle_add_full (G_PRIORITY_LOW, run_after_first_frame_cb,
                       g_object_ref (self), g_object_unref);
      return;
    }

  g_signal_connect_object (clock, "after-paint",
                           G_CALLBACK (on_first_frame_cb), self, 0);
}

static gpointer
copy_window (gconstpointer window,
             gpointer      user_data)
{
  return g_object_ref ((gpointer) window);
}

/**
 * amends_application_restore_backup:
 * @backup: the backup to put in the database's place
 * @replaced: (out) (optional) (nullable): where the database as it was
 *   is kept
 *
 * Closes the windows and the database, restores @backup (see
 * amends_backup_restore()), then opens the database again in a new
 * window, whether the restore worked or not.  The backup is checked
 * before anything is closed.
 *
 * Returns: (transfer none) (nullable): the new window, or %NULL when the
 *   database could not be opened again
 */
GtkWindow *
amends_application_restore_backup (AmendsApplication  *self,
                                   const char         *backup,
                                   char              **replaced,
                                   GError            **error)
{
  g_autofree char *path = NULL;
  g_autoptr(AmendsStore) store = NULL;
  g_autoptr(GError) open_error = NULL;
  GList *windows;
  gboolean restored;
  GtkWindow *window;

  g_return_val_if_fail (AMENDS_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (backup != NULL, NULL);

  if (replaced != NULL)
    *replaced = NULL;

  if (!amends_backup_check (backup, error))
    return gtk_application_get_active_window (GTK_APPLICATION (self));

  /* Hold on while no window is open, or the application would quit. */
  g_application_hold (G_APPLICATION (self));
  amends_application_stop_daily_backup (self);

  /* Every window lets go of the database; what was typed is saved. */
  windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self)),
                               copy_window, NULL);
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free_full (windows, g_object_unref);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  path = self->store != NULL ? g_strdup (amends_store_get_path (self->store))
                             : amends_application_get_database_path (self);
  amends_application_set_store (self, NULL);

  restored = amends_backup_restore (backup, path, replaced, error);

  store = amends_application_open_store (self, path, &open_error);
  if (store == NULL)
    window = amends_application_create_error_window (self, path, open_error);
  else
    {
      amends_application_set_store (self, store);
      window = GTK_WINDOW (amends_window_new (GTK_APPLICATION (self), self->store));
    }
  gtk_window_present (window);
  if (store != NULL)
    amends_application_run_after_first_frame (self, window);
  g_application_release (G_APPLICATION (self));

  /* The error, if any, is the restore's: the database was opened again. */
  if (!restored)
    g_assert (error == NULL || *error != NULL);

  return window;
}
