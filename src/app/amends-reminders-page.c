/* amends-reminders-page.c: Preferences → Reminders: which desktop notifications come, and when
 *
 * Each kind of notification has its switch, the lead time of "due soon"
 * and the escalation time their spin buttons, all bound to GSettings (the
 * notifier follows them at once).  "Remind me while Amends is closed"
 * writes or removes the autostart entry that starts the background
 * service with the session: off by default, since not every computer at
 * a desk is the desk's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-reminders-page"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>

#include "amends-reminders-page.h"

struct _AmendsRemindersPage
{
  AdwPreferencesPage  parent_instance;

  GSettings          *settings;

  GtkSwitch          *due_soon_switch;
  GtkSpinButton      *due_soon_spin;
  GtkSwitch          *overdue_switch;
  GtkSwitch          *follow_up_switch;
  GtkSwitch          *unowned_switch;
  GtkSwitch          *escalated_switch;
  GtkSpinButton      *escalation_spin;
  GtkSwitch          *closed_switch;
  GtkLabel           *closed_error_label;
};

G_DEFINE_FINAL_TYPE (AmendsRemindersPage, amends_reminders_page, ADW_TYPE_PREFERENCES_PAGE)

/**
 * amends_reminders_dup_autostart_path:
 *
 * Returns: (transfer full): the autostart entry of the background service
 */
char *
amends_reminders_dup_autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

/**
 * amends_reminders_set_autostart:
 *
 * Writes the autostart entry that starts `amends --gapplication-service`
 * with the session, or removes it.
 */
gboolean
amends_reminders_set_autostart (gboolean   enabled,
                                GError   **error)
{
  g_autofree char *path = amends_reminders_dup_autostart_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GKeyFile) entry = NULL;

  if (!enabled)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "%s", g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  entry = g_key_file_new ();
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE, "Application");
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME, _("Amends Reminders"));
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         _("Desktop notifications of cases that need someone, while Amends is closed"));
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, "amends --gapplication-service");
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, APP_ID);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s", g_strerror (saved_errno));
      return FALSE;
    }

  return g_key_file_save_to_file (entry, path, error);
}

static void
on_closed_changed_cb (AmendsRemindersPage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean enabled = g_settings_get_boolean (self->settings, "remind-while-closed");

  if (amends_reminders_set_autostart (enabled, &error))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->closed_error_label), FALSE);
      return;
    }

  {
    /* Translators: %s says why, as in "Permission denied" */
    g_autofree char *message = g_strdup_printf (_("The service could not be set to start with the session: %s"),
                                                error->message);

    gtk_label_set_text (self->closed_error_label, message);
    gtk_widget_set_visible (GTK_WIDGET (self->closed_error_label), TRUE);
  }
}

static void
amends_reminders_page_dispose (GObject *object)
{
  AmendsRemindersPage *self = (AmendsRemindersPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_REMINDERS_PAGE);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (amends_reminders_page_parent_class)->dispose (object);
}

static void
amends_reminders_page_class_init (AmendsRemindersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_reminders_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/amends-reminders-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsRemindersPage, due_soon_switch);
  gtk_widget_class_bind_template_child (widget_class, AmendsRemindersPage, due_soon_spin);
  gtk_widget_class_bind_template_child (widget_class, AmendsRemindersPage, overdue_switch);
  gtk_widget_class_bind_template_child (widget_class, AmendsRemindersPage, follow_up_switch);
  gtk_widget_class_bind_template_child (widget_class, AmendsRemindersPage, unowned_switch);
  gtk_widget_class_bind_template_child (widget_class, AmendsRemindersPage, escalated_switch);
  gtk_widget_class_bind_template_child (widget_class, AmendsRemindersPage, escalation_spin);
  gtk_widget_class_bind_template_child (widget_class, AmendsRemindersPage, closed_switch);
  gtk_widget_class_bind_template_child (widget_class, AmendsRemindersPage, closed_error_label);
}

static void
amends_reminders_page_init (AmendsRemindersPage *self)
{
  static const struct {
    const char *key;
    gsize       offset;
    const char *property;
  } bindings[] = {
    { "notify-due-soon", G_STRUCT_OFFSET (AmendsRemindersPage, due_soon_switch), "active" },
    { "notify-due-soon-minutes", G_STRUCT_OFFSET (AmendsRemindersPage, due_soon_spin), "value" },
    { "notify-overdue", G_STRUCT_OFFSET (AmendsRemindersPage, overdue_switch), "active" },
    { "notify-follow-up", G_STRUCT_OFFSET (AmendsRemindersPage, follow_up_switch), "active" },
    { "notify-unowned", G_STRUCT_OFFSET (AmendsRemindersPage, unowned_switch), "active" },
    { "notify-escalated", G_STRUCT_OFFSET (AmendsRemindersPage, escalated_switch), "active" },
    { "escalation-hours", G_STRUCT_OFFSET (AmendsRemindersPage, escalation_spin), "value" },
    { "remind-while-closed", G_STRUCT_OFFSET (AmendsRemindersPage, closed_switch), "active" },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    g_settings_bind (self->settings, bindings[i].key,
                     G_STRUCT_MEMBER (GObject *, self, bindings[i].offset), bindings[i].property,
                     G_SETTINGS_BIND_DEFAULT);

  /* The lead time has no meaning while "due soon" is off. */
  g_object_bind_property (self->due_soon_switch, "active", self->due_soon_spin, "sensitive",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->settings, "changed::remind-while-closed",
                           G_CALLBACK (on_closed_changed_cb), self, G_CONNECT_SWAPPED);
}

AmendsRemindersPage *
amends_reminders_page_new (void)
{
  return g_object_new (AMENDS_TYPE_REMINDERS_PAGE, NULL);
}
