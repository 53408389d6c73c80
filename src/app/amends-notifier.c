/* amends-notifier.c: desktop notifications of cases that need someone
 *
 * Reads the few cases around now (amends-store-reminders.c) in a worker
 * thread, asks amends-reminders.c which reminders are due, sends them as
 * GNotifications (the portal, org.gtk.Notifications or
 * org.freedesktop.Notifications, whichever GIO finds) and arms one timer
 * for the next moment anything can happen.  It reads again when the store
 * reports a change (ours, or another program's, which the store watches
 * for), when a setting changes, and when the timer fires.
 *
 * What was sent is kept in memory and in a small key file under the
 * user's state folder, one per database, so that the background service
 * does not say it again after a restart.  A key file rather than
 * GSettings: it changes with every notification, is per database, and is
 * nobody's preference.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-notifier"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "amends-notifier.h"
#include "amends-reminders.h"
#include "amends-store-reminders.h"
#include "amends-when.h"

/* More at once than this would be a flood nobody reads: the rest come in
 * one notification that says how many. */
#define MAX_SHOWN 5

/* Changes come in bursts (typing autosaves): one read after them. */
#define SETTLE_MS 500

/* The timer runs on the monotonic clock, which stands still while the
 * computer sleeps: looking at least once an hour catches up after it. */
#define MAX_SLEEP_SECONDS (60 * 60)

struct _AmendsNotifier
{
  GObject        parent_instance;

  GApplication  *application;   /* weak: it owns us */
  AmendsStore   *store;
  GSettings     *settings;

  GHashTable    *sent;          /* amends_reminder_key () → gint64 *, when sent */
  GHashTable    *shown;         /* amends_reminder_key () → AmendsReminder *, sent by us and not withdrawn */
  char          *state_path;

  GCancellable  *cancellable;
  guint          settle_id;
  guint          timer_id;
  gint64         next_wake;
  guint          n_sent;
  guint          n_withdrawn;
  gboolean       can_notify;
};

G_DEFINE_FINAL_TYPE (AmendsNotifier, amends_notifier, G_TYPE_OBJECT)

/**
 * amends_notifier_dup_state_path:
 *
 * Returns: (transfer full): the key file that remembers which reminders
 *   of @store's database were sent
 */
char *
amends_notifier_dup_state_path (AmendsStore *store)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                         amends_store_get_path (store), -1);
  g_autofree char *name = g_strdup_printf ("reminders-%.16s.ini", hash);

  return g_build_filename (g_get_user_state_dir (), "amends", name, NULL);
}

static void
load_state (AmendsNotifier *self,
            gint64          now)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_auto(GStrv) keys = NULL;

  if (!g_key_file_load_from_file (file, self->state_path, G_KEY_FILE_NONE, NULL))
    return;

  keys = g_key_file_get_keys (file, "sent", NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      gint64 at = g_key_file_get_int64 (file, "sent", keys[i], NULL);

      /* Older than two look-backs: no reminder can come again for it. */
      if (at > now - 2 * AMENDS_REMINDER_LOOK_BACK)
        g_hash_table_insert (self->sent, g_strdup (keys[i]), g_memdup2 (&at, sizeof at));
    }
}

static void
save_state (AmendsNotifier *self,
            gint64          now)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (self->state_path);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->sent);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (*(gint64 *) value <= now - 2 * AMENDS_REMINDER_LOOK_BACK)
        g_hash_table_iter_remove (&iter);
      else
        g_key_file_set_int64 (file, "sent", key, *(gint64 *) value);
    }

  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !g_key_file_save_to_file (file, self->state_path, &error))
    g_debug ("Could not remember the reminders sent in %s: %s", self->state_path,
             error ? error->message : g_strerror (errno));
}

static void
get_rules (AmendsNotifier      *self,
           AmendsReminderRules *rules)
{
  static const struct {
    const char         *key;
    AmendsReminderKind  kind;
  } switches[] = {
    { "notify-due-soon", AMENDS_REMINDER_DUE_SOON },
    { "notify-overdue", AMENDS_REMINDER_OVERDUE },
    { "notify-follow-up", AMENDS_REMINDER_FOLLOW_UP },
    { "notify-unowned", AMENDS_REMINDER_UNOWNED },
    { "notify-escalated", AMENDS_REMINDER_ESCALATED },
  };
  gint64 desk = g_settings_get_int64 (self->settings, "current-staff");

  memset (rules, 0, sizeof *rules);
  for (guint i = 0; i < G_N_ELEMENTS (switches); i++)
    if (g_settings_get_boolean (self->settings, switches[i].key))
      rules->kinds |= switches[i].kind;
  rules->lead_seconds = (gint64) g_settings_get_int (self->settings, "notify-due-soon-minutes") * 60;
  rules->escalation_seconds = (gint64) g_settings_get_int (self->settings, "escalation-hours") * 3600;
  rules->unowned_seconds = AMENDS_REMINDER_UNOWNED_AFTER;
  rules->look_back_seconds = AMENDS_REMINDER_LOOK_BACK;

  /* One row: who is at the desk, and whether they lead a team.  Someone
   * who left (inactive, or of another database) is nobody. */
  if (desk > 0)
    {
      g_autoptr(AmendsStaff) staff = amends_store_load (self->store, AMENDS_TYPE_STAFF, desk, NULL);

      if (staff != NULL && amends_staff_get_active (staff))
        {
          rules->desk_staff_id = desk;
          rules->desk_is_lead = amends_staff_get_lead (staff);
        }
    }
}

static const AmendsReminderCase *
find_case (GArray *cases,
           gint64  case_id)
{
  for (guint i = 0; i < cases->len; i++)
    if (g_array_index (cases, AmendsReminderCase, i).id == case_id)
      return &g_array_index (cases, AmendsReminderCase, i);

  return NULL;
}

static GNotification *
make_notification (const AmendsReminderCase  *kase,
                   const AmendsReminder      *reminder,
                   const AmendsReminderRules *rules,
                   GDateTime                 *now)
{
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GDateTime) due = g_date_time_new_from_unix_local (kase->due_at);
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (reminder->at);
  g_autofree char *due_text = amends_when_format (due, now);
  g_autofree char *at_text = amends_when_format (at, now);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GNotificationPriority priority = G_NOTIFICATION_PRIORITY_NORMAL;

  switch (reminder->kind)
    {
    case AMENDS_REMINDER_DUE_SOON:
      /* Translators: a desktop notification; %s is a case's reference, as in C-2026-0042 */
      title = g_strdup_printf (_("Due soon: %s"), kase->reference);
      /* Translators: the case's summary, then when it is due, as in "today 14:30" */
      body = g_strdup_printf (_("%s\nDue %s."), kase->summary, due_text);
      break;
    case AMENDS_REMINDER_OVERDUE:
      title = g_strdup_printf (_("Overdue: %s"), kase->reference);
      body = g_strdup_printf (_("%s\nIt was due %s."), kase->summary, due_text);
      priority = G_NOTIFICATION_PRIORITY_HIGH;
      break;
    case AMENDS_REMINDER_FOLLOW_UP:
      title = g_strdup_printf (_("Follow-up due: %s"), kase->reference);
      body = g_strdup_printf (_("%s\nThe follow-up with the customer is due %s."), kase->summary, at_text);
      break;
    case AMENDS_REMINDER_UNOWNED:
      title = g_strdup_printf (_("Nobody owns %s"), kase->reference);
      body = g_strdup_printf (_("%s\nLogged over 15 minutes ago: take it, or give it to someone."), kase->summary);
      break;
    case AMENDS_REMINDER_ESCALATED:
      /* Translators: sent to a team lead; %s is a case's reference */
      title = g_strdup_printf (_("Needs a lead: %s"), kase->reference);
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s\nOverdue by more than %d hour: it was due %s.",
                                           "%s\nOverdue by more than %d hours: it was due %s.",
                                           rules->escalation_seconds / 3600),
                              kase->summary, (int) (rules->escalation_seconds / 3600), due_text);
      priority = G_NOTIFICATION_PRIORITY_URGENT;
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, priority);
  g_notification_set_default_action_and_target (notification, "app.show-case", "x", kase->id);

  return g_steal_pointer (&notification);
}

static void
send_summary (AmendsNotifier *self,
              guint           n_more)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u more case needs someone",
                                        "%u more cases need someone", n_more),
                           n_more);
  notification = g_notification_new (title);
  g_notification_set_body (notification, _("Open Amends to see them in the list of cases."));
  /* No default action: a click activates the application, its window. */
  g_application_send_notification (self->application, "more", notification);
}

static void
send_reminders (AmendsNotifier            *self,
                GArray                    *cases,
                GArray                    *due,
                const AmendsReminderRules *rules,
                gint64                     now)
{
  g_autoptr(GDateTime) local_now = g_date_time_new_from_unix_local (now);
  guint n_more = 0;

  for (guint i = 0; i < due->len; i++)
    {
      const AmendsReminder *reminder = &g_array_index (due, AmendsReminder, i);
      const AmendsReminderCase *kase = find_case (cases, reminder->case_id);
      char *key = amends_reminder_key (reminder->case_id, reminder->kind);

      g_hash_table_insert (self->sent, key, g_memdup2 (&now, sizeof now));

      if (i >= MAX_SHOWN)
        n_more++;
      else if (kase != NULL && self->application != NULL)
        {
          g_autoptr(GNotification) notification = make_notification (kase, reminder, rules, local_now);

          /* The key as id: the same reminder replaces itself. */
          g_application_send_notification (self->application, key, notification);
          g_hash_table_insert (self->shown, g_strdup (key), g_memdup2 (reminder, sizeof *reminder));
          self->n_sent++;
        }
    }

  if (n_more > 0 && self->application != NULL)
    send_summary (self, n_more);
}

/* A notification whose case was put right (recovered, closed, trashed,
 * taken, its follow-up cleared) would send someone to work already done:
 * it is withdrawn.  It stays in "sent", so that it does not come again
 * for the same moment.  What this process did not send (before a
 * restart) it cannot withdraw: GIO knows only its own. */
static void
withdraw_settled (AmendsNotifier *self,
                  GArray         *cases)
{
  GHashTableIter iter;
  gpointer key, value;
  /* A read cut at its limit may have left out a case still there. */
  gboolean complete = cases->len < AMENDS_REMINDER_MAX_CASES;

  g_hash_table_iter_init (&iter, self->shown);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const AmendsReminder *reminder = value;
      const AmendsReminderCase *kase = find_case (cases, reminder->case_id);

      if (kase == NULL && !complete)
        continue;

      if (amends_reminder_is_settled (kase, reminder->kind))
        {
          g_debug ("Withdrawing %s: its case was put right", (const char *) key);
          if (self->application != NULL)
            g_application_withdraw_notification (self->application, key);
          self->n_withdrawn++;
          g_hash_table_iter_remove (&iter);
        }
    }
}

static gboolean
on_timer_cb (gpointer user_data)
{
  AmendsNotifier *self = user_data;

  self->timer_id = 0;
  amends_notifier_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
arm_timer (AmendsNotifier *self,
           gint64          wake,
           gint64          now)
{
  gint64 delay;

  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->next_wake = wake;

  delay = wake == G_MAXINT64 ? MAX_SLEEP_SECONDS : CLAMP (wake - now, 1, MAX_SLEEP_SECONDS);
  self->timer_id = g_timeout_add_seconds_full (G_PRIORITY_LOW, (guint) delay, on_timer_cb, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->timer_id),
                            "[amends] next reminder");
}

static void
on_read_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AmendsNotifier) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) cases = NULL;
  g_autoptr(GArray) due = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  AmendsReminderRules rules;
  gint64 later = G_MAXINT64;
  gint64 next = G_MAXINT64;
  gint64 now;

  cases = amends_store_read_reminder_cases_finish (result, &later, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->store == NULL)
    return;

  g_clear_object (&self->cancellable);
  local_now = amends_store_dup_now (self->store);
  now = g_date_time_to_unix (local_now);

  if (cases == NULL)
    {
      /* Busy or being replaced: the next look tries again. */
      g_debug ("Could not read the cases to remind of: %s", error->message);
      arm_timer (self, now + 60, now);
      return;
    }

  withdraw_settled (self, cases);

  get_rules (self, &rules);
  due = amends_reminders_plan ((AmendsReminderCase *) (gpointer) cases->data, cases->len,
                               &rules, now, self->sent, &next);
  if (due->len > 0)
    {
      send_reminders (self, cases, due, &rules, now);
      save_state (self, now);
    }

  /* A case due after the window is "due soon" a lead time before. */
  if (later != G_MAXINT64)
    next = MIN (next, later - rules.lead_seconds);

  arm_timer (self, next, now);
}

/**
 * amends_notifier_refresh:
 *
 * Reads the cases around now again, sends what is due, and arms the
 * timer for the next moment.
 */
void
amends_notifier_refresh (AmendsNotifier *self)
{
  AmendsReminderRules rules;
  AmendsReminderWindow window;
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (AMENDS_IS_NOTIFIER (self));

  g_clear_handle_id (&self->settle_id, g_source_remove);
  if (!self->can_notify || self->store == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  now = amends_store_dup_now (self->store);
  get_rules (self, &rules);
  amends_reminder_window_init (&window, &rules, g_date_time_to_unix (now));
  amends_store_read_reminder_cases_async (self->store, &window, self->cancellable,
                                          on_read_cb, g_object_ref (self));
}

static gboolean
on_settled_cb (gpointer user_data)
{
  AmendsNotifier *self = user_data;

  self->settle_id = 0;
  amends_notifier_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
refresh_soon (AmendsNotifier *self)
{
  if (self->settle_id == 0)
    self->settle_id = g_timeout_add (SETTLE_MS, on_settled_cb, self);
}

static void
on_settings_changed_cb (AmendsNotifier *self,
                        const char     *key,
                        GSettings      *settings)
{
  if (g_str_has_prefix (key, "notify-") || g_str_equal (key, "escalation-hours") ||
      g_str_equal (key, "current-staff"))
    refresh_soon (self);
}

/* GIO sends through the portal only inside a sandbox (or when told to);
 * outside one, a portal that can be started is no one to show them. */
static gboolean
uses_portal (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS) ||
         g_strcmp0 (g_getenv ("GTK_USE_PORTAL"), "1") == 0;
}

/* Sending needs someone to show them: the portal in a sandbox, or a
 * notification server on the session bus, running or activatable.
 * Without one, GIO would warn on every notification. */
static void
on_names_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AmendsNotifier) self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autofree const char **names = NULL;
  const char *wanted[] = { "org.freedesktop.Notifications", "org.gtk.Notifications",
                           "org.freedesktop.portal.Desktop" };

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);
  if (reply == NULL || self->can_notify)
    return;

  g_variant_get (reply, "(^a&s)", &names);
  for (guint i = 0; names[i] != NULL && !self->can_notify; i++)
    for (guint j = 0; j < G_N_ELEMENTS (wanted); j++)
      if (g_str_equal (names[i], wanted[j]) && (j < 2 || uses_portal ()))
        self->can_notify = TRUE;

  if (self->can_notify)
    amends_notifier_refresh (self);
}

static void
look_for_server (AmendsNotifier *self)
{
  GDBusConnection *bus = g_application_get_dbus_connection (self->application);

  if (bus == NULL)
    return;

  g_dbus_connection_call (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                          "org.freedesktop.DBus", "ListNames", NULL, G_VARIANT_TYPE ("(as)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, on_names_cb, g_object_ref (self));
  g_dbus_connection_call (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                          "org.freedesktop.DBus", "ListActivatableNames", NULL, G_VARIANT_TYPE ("(as)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, on_names_cb, g_object_ref (self));
}

static void
amends_notifier_dispose (GObject *object)
{
  AmendsNotifier *self = (AmendsNotifier *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (amends_notifier_parent_class)->dispose (object);
}

static void
amends_notifier_finalize (GObject *object)
{
  AmendsNotifier *self = (AmendsNotifier *)object;

  g_clear_pointer (&self->sent, g_hash_table_unref);
  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_clear_pointer (&self->state_path, g_free);

  G_OBJECT_CLASS (amends_notifier_parent_class)->finalize (object);
}

static void
amends_notifier_class_init (AmendsNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = amends_notifier_dispose;
  object_class->finalize = amends_notifier_finalize;
}

static void
amends_notifier_init (AmendsNotifier *self)
{
  self->sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->next_wake = G_MAXINT64;
}

/**
 * amends_notifier_new:
 *
 * Starts reminding of @store's cases, through @application (which must be
 * registered), as @settings say.
 */
AmendsNotifier *
amends_notifier_new (GApplication *application,
                     AmendsStore  *store,
                     GSettings    *settings)
{
  AmendsNotifier *self;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (AMENDS_TYPE_NOTIFIER, NULL);
  g_set_weak_pointer (&self->application, application);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  self->state_path = amends_notifier_dup_state_path (store);

  now = amends_store_dup_now (store);
  load_state (self, g_date_time_to_unix (now));

  g_signal_connect_object (store, "changes-committed", G_CALLBACK (refresh_soon), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed", G_CALLBACK (on_settings_changed_cb), self, G_CONNECT_SWAPPED);

  look_for_server (self);

  return self;
}

/**
 * amends_notifier_get_next_wake:
 *
 * Returns: the moment the timer is armed for, in Unix seconds, or
 *   %G_MAXINT64 when nothing is to come
 */
gint64
amends_notifier_get_next_wake (AmendsNotifier *self)
{
  g_return_val_if_fail (AMENDS_IS_NOTIFIER (self), G_MAXINT64);

  return self->next_wake;
}

/**
 * amends_notifier_get_n_sent:
 *
 * Returns: how many notifications of a case were sent
 */
guint
amends_notifier_get_n_sent (AmendsNotifier *self)
{
  g_return_val_if_fail (AMENDS_IS_NOTIFIER (self), 0);

  return self->n_sent;
}

/**
 * amends_notifier_get_n_withdrawn:
 *
 * Returns: how many notifications were withdrawn because their case was
 *   put right
 */
guint
amends_notifier_get_n_withdrawn (AmendsNotifier *self)
{
  g_return_val_if_fail (AMENDS_IS_NOTIFIER (self), 0);

  return self->n_withdrawn;
}
