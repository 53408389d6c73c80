/* amends-preferences-window.c: the settings a manager sets once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-preferences-window"

#include "config.h"

#include "amends-preferences-window.h"

#include <glib/gi18n.h>

#include "amends-reminders-page.h"
#include "amends-shared-database-page.h"
#include "amends-playbooks-page.h"
#include "amends-staff-page.h"
#include "amends-targets-page.h"

struct _AmendsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwEntryRow          *organisation_row;
  GtkSpinButton        *target_recovered_spin;
  GtkSpinButton        *target_blown_away_spin;
  AdwEntryRow          *currency_row;
};

G_DEFINE_FINAL_TYPE (AmendsPreferencesWindow, amends_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
amends_preferences_window_dispose (GObject *object)
{
  AmendsPreferencesWindow *self = (AmendsPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (amends_preferences_window_parent_class)->dispose (object);
}

/* libadwaita 1.2 leaves its search entry and the list of what it finds
 * without a name: a screen reader says "GtkSearchEntry" and "GtkListBox".
 * The list is the one GtkListBox outside the pages' view stack. */
static void
name_search (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SEARCH_ENTRY (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Search preferences"), -1);
      else if (GTK_IS_LIST_BOX (child) && gtk_widget_get_ancestor (child, ADW_TYPE_VIEW_STACK) == NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Preferences found"), -1);
      else
        name_search (child);
    }
}

static void
amends_preferences_window_class_init (AmendsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/amends-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsPreferencesWindow, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsPreferencesWindow, target_recovered_spin);
  gtk_widget_class_bind_template_child (widget_class, AmendsPreferencesWindow, target_blown_away_spin);
  gtk_widget_class_bind_template_child (widget_class, AmendsPreferencesWindow, currency_row);
}

static void
amends_preferences_window_init (AmendsPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  name_search (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  g_settings_bind (self->settings, "organisation-name",
                   self->organisation_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "target-recovered-within",
                   self->target_recovered_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "target-blown-away",
                   self->target_blown_away_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "currency",
                   self->currency_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
}

/**
 * amends_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @store: (nullable): the open database, whose staff the Staff page edits
 *
 * Returns: (transfer none): a new preferences window, transient for @parent
 */
AmendsPreferencesWindow *
amends_preferences_window_new (GtkWindow   *parent,
                               AmendsStore *store)
{
  AmendsPreferencesWindow *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (!store || AMENDS_IS_STORE (store), NULL);

  self = g_object_new (AMENDS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);

  if (store != NULL)
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                ADW_PREFERENCES_PAGE (amends_staff_page_new (store)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (amends_reminders_page_new ()));
  /* The recovery targets are the database's, shared by every desk. */
  if (store != NULL)
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                ADW_PREFERENCES_PAGE (amends_targets_page_new (store)));
  if (store != NULL)
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                ADW_PREFERENCES_PAGE (amends_playbooks_page_new (store)));
  /* This desk's own choice, unlike the pages before: which database. */
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (amends_shared_database_page_new (store)));

  return self;
}
