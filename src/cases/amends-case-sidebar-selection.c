/* amends-case-sidebar-selection.c: which cases of the sidebar are selected
 *
 * The sidebar's selection model (AmendsCaseSelection) keeps positions
 * only; this file follows the case a person chose by its id across new
 * lists and refreshes, selects a case asked for by id (clearing the
 * search and the filters when they hide it, or waiting for the list to
 * catch up with a commit), moves the selection with the keyboard's
 * next and previous actions, and reads the selected ids without reading
 * the cases.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-case-sidebar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "amends-case-sidebar.h"
#include "amends-case-sidebar-private.h"

#include "amends-case-list-loader.h"
#include "amends-case-row.h"
#include "amends-utils.h"

static void select_after_reset (AmendsCaseSidebar *self,
                                gint64             case_id);

void
amends_case_sidebar_update_move_actions (AmendsCaseSidebar *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  guint n_items = 0;
  gboolean has_next = FALSE;
  gboolean has_previous = FALSE;

  if (self->selection != NULL)
    {
      n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
      selected = gtk_selection_model_get_selection (self->selection);
    }

  if (n_items > 0 && gtk_bitset_is_empty (selected))
    has_next = has_previous = TRUE;
  else if (n_items > 0)
    {
      has_next = gtk_bitset_get_maximum (selected) + 1 < n_items;
      has_previous = gtk_bitset_get_minimum (selected) > 0;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sidebar.next-case", has_next);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sidebar.previous-case", has_previous);
}

static AmendsCaseRow *
row_of_item_widget (GtkWidget *item_widget)
{
  GtkWidget *child = gtk_widget_get_first_child (item_widget);

  return AMENDS_IS_CASE_ROW (child) ? AMENDS_CASE_ROW (child) : NULL;
}

/* Brings the row at @position into view; and when the focus is in the
 * list, onto that row, so that the arrow keys go on from there. */
void
amends_case_sidebar_scroll_to (AmendsCaseSidebar *self,
                               guint              position)
{
  g_autoptr(AmendsCase) kase = NULL;

  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  if (gtk_widget_get_focus_child (GTK_WIDGET (self->list_view)) == NULL)
    return;

  kase = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AmendsCaseRow *row = row_of_item_widget (child);

      if (row != NULL && amends_case_row_get_case (row) == kase)
        {
          gtk_widget_grab_focus (child);
          break;
        }
    }
}

static guint
find_case (AmendsCaseSidebar *self,
           gint64             case_id)
{
  if (self->list == NULL || case_id <= 0)
    return GTK_INVALID_LIST_POSITION;

  return amends_case_list_find (self->list, case_id);
}

/* After a refresh or a new list: the case chosen last stays selected when
 * the list still has it. */
gboolean
amends_case_sidebar_restore_selection (AmendsCaseSidebar *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  guint position;

  if (self->remembered_id <= 0 || self->selection == NULL)
    return FALSE;

  selected = gtk_selection_model_get_selection (self->selection);
  if (!gtk_bitset_is_empty (selected))
    return FALSE;

  position = find_case (self, self->remembered_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_selection_model_select_item (self->selection, position, TRUE);
  return TRUE;
}

/* The list has caught up with the commits before: the case asked for
 * meanwhile is in it now, or hidden by the search or the filters. */
void
amends_case_sidebar_on_list_refreshing_cb (AmendsCaseSidebar *self,
                                           GParamSpec        *pspec,
                                           AmendsCaseList    *list)
{
  gint64 pending_id = self->pending_id;

  if (amends_case_list_get_refreshing (list) || pending_id == 0)
    return;

  self->pending_id = 0;
  if (find_case (self, pending_id) != GTK_INVALID_LIST_POSITION)
    amends_case_sidebar_select_case (self, pending_id);
  else
    select_after_reset (self, pending_id);
}

/* A case asked for while the last list caught up: selected when the
 * list that landed has caught up too, and has it. */
void
amends_case_sidebar_select_pending (AmendsCaseSidebar *self)
{
  gint64 pending_id = self->pending_id;

  if (pending_id == 0 || (self->list != NULL && amends_case_list_get_refreshing (self->list)))
    return;

  self->pending_id = 0;
  if (find_case (self, pending_id) != GTK_INVALID_LIST_POSITION)
    amends_case_sidebar_select_case (self, pending_id);
}

static void
move_selection (AmendsCaseSidebar *self,
                gboolean           forward)
{
  g_autoptr(GtkBitset) selected = NULL;
  guint n_items;
  guint position;

  if (self->selection == NULL)
    return;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  if (n_items == 0)
    return;

  selected = gtk_selection_model_get_selection (self->selection);
  if (gtk_bitset_is_empty (selected))
    position = 0;
  else if (forward)
    {
      position = gtk_bitset_get_maximum (selected) + 1;
      if (position >= n_items)
        return;
    }
  else
    {
      position = gtk_bitset_get_minimum (selected);
      if (position == 0)
        return;
      position--;
    }

  gtk_selection_model_select_item (self->selection, position, TRUE);
  amends_case_sidebar_scroll_to (self, position);
}

void
amends_case_sidebar_next_case_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  move_selection (AMENDS_CASE_SIDEBAR (widget), TRUE);
}

void
amends_case_sidebar_previous_case_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  move_selection (AMENDS_CASE_SIDEBAR (widget), FALSE);
}

/**
 * amends_case_sidebar_get_selected_case:
 *
 * Returns: (transfer none) (nullable): the selected case, or %NULL when
 *   none or several are selected
 */
AmendsCase *
amends_case_sidebar_get_selected_case (AmendsCaseSidebar *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_SIDEBAR (self), NULL);

  return self->selected_case;
}

static AmendsCaseSidebar *
find_sidebar (GtkWidget *widget)
{
  if (AMENDS_IS_CASE_SIDEBAR (widget))
    return AMENDS_CASE_SIDEBAR (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AmendsCaseSidebar *found = find_sidebar (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * amends_case_sidebar_dup_listed_case:
 * @widget: a widget of the window the sidebar is in
 * @case_id: the case wanted
 *
 * The case as the sidebar of @widget's window lists it, when it is the
 * one selected: the editor shows it from there while the database
 * server cannot be reached (the list read it before it went away).
 *
 * Returns: (transfer full) (nullable): the list's case, or %NULL
 */
AmendsCase *
amends_case_sidebar_dup_listed_case (GtkWidget *widget,
                                     gint64     case_id)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AmendsCaseSidebar *sidebar = root ? find_sidebar (GTK_WIDGET (root)) : NULL;
  AmendsCase *kase = sidebar ? sidebar->selected_case : NULL;

  if (kase == NULL || amends_record_get_id (AMENDS_RECORD (kase)) != case_id)
    return NULL;

  return g_object_ref (kase);
}

/**
 * amends_case_sidebar_get_n_selected:
 *
 * Returns: how many cases are selected, without reading them
 */
guint
amends_case_sidebar_get_n_selected (AmendsCaseSidebar *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_SIDEBAR (self), 0);

  return self->n_selected;
}

/**
 * amends_case_sidebar_get_selected_ids:
 *
 * Reads only ids, not cases, so it stays quick with a million selected.
 *
 * Returns: (transfer full) (element-type gint64): the ids of all the
 *   selected cases, in list order
 */
GArray *
amends_case_sidebar_get_selected_ids (AmendsCaseSidebar *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (AMENDS_IS_CASE_SIDEBAR (self), NULL);

  if (self->selection == NULL || self->list == NULL)
    return g_steal_pointer (&ids);

  selected = gtk_selection_model_get_selection (self->selection);
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = amends_case_list_get_id (self->list, position);

      g_array_append_val (ids, id);
    }

  return g_steal_pointer (&ids);
}

/**
 * amends_case_sidebar_select_case:
 *
 * Selects the case alone and scrolls to it.  When the search or the
 * filters hide it, they are cleared first, back to the default list, and
 * the case is selected when that list has been read (off the main
 * thread; #AmendsCaseSidebar:selected-case says when).
 *
 * Returns: %TRUE when the case is or will be selected; %FALSE when no
 *   list shows it (it is in the trash, or not there at all)
 */
gboolean
amends_case_sidebar_select_case (AmendsCaseSidebar *self,
                                 gint64             case_id)
{
  g_autoptr(AmendsCase) kase = NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_val_if_fail (AMENDS_IS_CASE_SIDEBAR (self), FALSE);

  if (self->store == NULL || case_id <= 0)
    return FALSE;

  /* The list on screen, unless a search or a filter is about to replace it */
  if (!amends_case_list_loader_get_loading (self->loader) && self->search_timeout_id == 0)
    position = find_case (self, case_id);

  if (position != GTK_INVALID_LIST_POSITION)
    {
      gtk_selection_model_select_item (self->selection, position, TRUE);
      amends_case_sidebar_scroll_to (self, position);
      return TRUE;
    }

  /* Only the default list is sure to have it: a live case. */
  kase = amends_store_load (self->store, AMENDS_TYPE_CASE, case_id, NULL);
  if (kase == NULL || amends_case_get_deleted_at (kase) != NULL)
    return FALSE;

  /* Committed a moment ago (logged, restored): the list is reading its
   * ids again, and likely has it when it has caught up. */
  if (!amends_case_list_loader_get_loading (self->loader) && self->search_timeout_id == 0 &&
      self->list != NULL && amends_case_list_get_refreshing (self->list))
    {
      self->pending_id = case_id;
      return TRUE;
    }

  select_after_reset (self, case_id);
  return TRUE;
}

/* The case asked for (an earlier case of the customer, one just logged)
 * is hidden by the search or the filters.  Keeping them would leave the
 * editor on a case the list does not show, with nothing selected; so the
 * list goes back to every case, as before, but no longer silently: the
 * search entry empties before the person's eyes and a toast says what was
 * cleared and why, as GNOME applications tell of what they did on their
 * own.  Nothing is said when nothing was cleared. */
static void
tell_why_cleared (AmendsCaseSidebar *self,
                  AmendsCase        *kase)
{
  AmendsCaseQuery *query = self->query;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  const char *reference = amends_case_get_reference (kase);
  const char *category = amends_case_query_get_category (query);
  g_autofree char *title = NULL;
  GtkWidget *overlay;
  gboolean searched = text[0] != '\0';
  gboolean filtered = amends_case_query_get_status (query) >= 0 ||
                      g_strcmp0 (amends_case_query_get_owner (query), "anyone") != 0 ||
                      amends_case_query_get_overdue_only (query) ||
                      amends_case_query_get_follow_up_due (query) ||
                      amends_case_query_get_needs_lead (query) ||
                      (category != NULL && category[0] != '\0') ||
                      amends_case_query_get_trash (query);

  if (!searched && !filtered)
    return;

  if (searched && filtered)
    /* Translators: a toast when the case asked for was hidden by the
     * search and the filters, which were cleared to show it; %s is
     * its reference, e.g. C-2026-00042 */
    title = g_strdup_printf (_("Search and filters cleared to show %s"), reference);
  else if (searched)
    /* Translators: a toast when the case asked for was not among the
     * search's results; the first %s is what was searched for, the
     * second the case's reference */
    title = g_strdup_printf (_("Search “%s” cleared to show %s"), text, reference);
  else
    /* Translators: a toast when the case asked for was hidden by the
     * filters; %s is its reference */
    title = g_strdup_printf (_("Filters cleared to show %s"), reference);

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;

  /* The window's rule replaces an earlier such toast. */
  g_clear_weak_pointer (&self->cleared_toast);
  self->cleared_toast = adw_toast_new (title);
  g_object_add_weak_pointer (G_OBJECT (self->cleared_toast), (gpointer *) &self->cleared_toast);
  amends_widget_add_toast (GTK_WIDGET (self), self->cleared_toast);
}

/* Back to the default list, which has every live case; @case_id is
 * selected when it lands. */
static void
select_after_reset (AmendsCaseSidebar *self,
                    gint64             case_id)
{
  g_autoptr(AmendsCase) kase = amends_store_load (self->store, AMENDS_TYPE_CASE, case_id, NULL);

  if (kase == NULL || amends_case_get_deleted_at (kase) != NULL)
    return;

  tell_why_cleared (self, kase);
  if (self->selection != NULL)
    gtk_selection_model_unselect_all (self->selection);
  self->remembered_id = case_id;
  /* A reset that changes the query reads the list; one that does not
   * reads it all the same, the list may be behind. */
  if (amends_case_query_is_default (self->query))
    amends_case_list_loader_reload (self->loader);
  amends_case_sidebar_reset_filters (self);
}
