/* amends-case-sidebar-search.c: what a person asks the sidebar for
 *
 * The search entry sets the query's search text once typing pauses, or
 * at once on Enter; Escape empties it.  Clearing the filters puts the
 * query and the entry back to the default list.  The filter bar's menus
 * set the rest of the query through the sidebar's stateful actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-case-sidebar"

#include "config.h"

#include "amends-case-sidebar.h"
#include "amends-case-sidebar-private.h"

/* How long typing pauses before the search runs. */
#define SEARCH_DELAY_MS 150

void
amends_case_sidebar_update_clear_filters (AmendsCaseSidebar *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sidebar.clear-filters",
                                 !amends_case_query_is_default (self->query));
}

/* Puts the filters and the search back to the default list; the loader
 * reads it if that changed the query. */
void
amends_case_sidebar_reset_filters (AmendsCaseSidebar *self)
{
  self->resetting = TRUE;
  amends_case_query_reset (self->query);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_handle_id (&self->search_timeout_id, g_source_remove);
  self->resetting = FALSE;
}

static gboolean
on_search_timeout_cb (gpointer user_data)
{
  AmendsCaseSidebar *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  self->search_timeout_id = 0;
  amends_case_query_set_search_text (self->query, text);

  return G_SOURCE_REMOVE;
}

/* Our own delay rather than GtkSearchEntry's: its ::search-changed comes
 * at once for an empty text, and replacing the text empties it first. */
static void
on_search_text_changed_cb (AmendsCaseSidebar *self,
                           GtkSearchEntry    *entry)
{
  if (self->resetting)
    return;

  g_clear_handle_id (&self->search_timeout_id, g_source_remove);
  self->search_timeout_id = g_timeout_add (SEARCH_DELAY_MS, on_search_timeout_cb, self);
}

static void
on_search_activate_cb (AmendsCaseSidebar *self,
                       GtkSearchEntry    *entry)
{
  if (self->search_timeout_id != 0)
    {
      g_clear_handle_id (&self->search_timeout_id, g_source_remove);
      on_search_timeout_cb (self);
    }
}

static void
on_search_stopped_cb (AmendsCaseSidebar *self,
                      GtkSearchEntry    *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

void
amends_case_sidebar_connect_search (AmendsCaseSidebar *self)
{
  /* Connected here rather than in the .ui file, which
   * gtk4-builder-tool validates without our callbacks. */
  g_signal_connect_swapped (self->search_entry, "changed",
                            G_CALLBACK (on_search_text_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate",
                            G_CALLBACK (on_search_activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "stop-search",
                            G_CALLBACK (on_search_stopped_cb), self);
}

void
amends_case_sidebar_focus_search_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  amends_case_sidebar_focus_search (AMENDS_CASE_SIDEBAR (widget));
}

void
amends_case_sidebar_clear_filters_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  AmendsCaseSidebar *self = AMENDS_CASE_SIDEBAR (widget);

  amends_case_sidebar_reset_filters (self);
}

/**
 * amends_case_sidebar_focus_search:
 *
 * Moves the keyboard focus to the search entry.
 */
void
amends_case_sidebar_focus_search (AmendsCaseSidebar *self)
{
  g_return_if_fail (AMENDS_IS_CASE_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
