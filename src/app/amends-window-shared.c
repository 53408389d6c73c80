/* amends-window-shared.c: the window's side of a shared database: its name, and being offline
 *
 * The header bar's subtitle names the database in use ("amends on
 * db.example", or the file's name), so that a desk can tell which case
 * history it is looking at.  While the server of a shared database
 * cannot be reached, a bar at the top of the content says so; the store
 * reconnects by itself, and the bar goes when it is back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-window-shared"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-window-private.h"

/* The view switcher takes the title's place on a wide window: the name
 * shows beside the main menu there, and is said to screen readers as the
 * title's description either way. */
static void
show_database_name (AmendsWindow *self)
{
  const char *name = amends_store_get_display_name (self->store);
  gboolean shared = amends_store_get_shared (self->store);
  g_autofree char *description = NULL;

  adw_view_switcher_title_set_subtitle (self->switcher_title, name);
  gtk_label_set_label (self->database_name_label, name);
  gtk_image_set_from_icon_name (self->database_name_icon,
                                shared ? "network-server-symbolic" : "drive-harddisk-symbolic");
  gtk_widget_set_tooltip_text (self->database_name_box,
                               shared ? _("The database shared with the other desks")
                                      : _("The database on this computer"));

  /* Translators: %s is a database, such as "amends on db.example" or "amends.db" */
  description = g_strdup_printf (_("Database: %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->switcher_title),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

void
amends_window_shared_constructed (AmendsWindow *self)
{
  show_database_name (self);
  g_object_bind_property (self->switcher_title, "title-visible",
                          self->database_name_squeezer, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);

  /* Bound to the store, not copied: it notifies from the main context
   * whenever the connection is lost or back. */
  g_object_bind_property (self->store, "online",
                          self->offline_banner, "reveal-child",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
}

void
amends_window_shared_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, AmendsWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AmendsWindow, database_name_squeezer);
  gtk_widget_class_bind_template_child (widget_class, AmendsWindow, database_name_box);
  gtk_widget_class_bind_template_child (widget_class, AmendsWindow, database_name_icon);
  gtk_widget_class_bind_template_child (widget_class, AmendsWindow, database_name_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsWindow, offline_banner);
  gtk_widget_class_bind_template_child (widget_class, AmendsWindow, offline_banner_label);
}
