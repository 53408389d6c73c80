/* amends-case-sidebar-private.h: what the sidebar's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include <gtk/gtk.h>

#include "amends-case-empty-page.h"
#include "amends-case-filter-bar.h"
#include "amends-case-list.h"
#include "amends-case-list-loader.h"
#include "amends-case-query.h"
#include "amends-case-sidebar.h"

G_BEGIN_DECLS

struct _AmendsCaseSidebar
{
  GtkWidget           parent_instance;

  AmendsStore        *store;
  guint               tick_id;

  /* What the list shows: the search and the filters */
  AmendsCaseQuery    *query;
  guint               search_timeout_id;
  gboolean            resetting;
  /* Reads a new list when the query changes */
  AmendsCaseListLoader *loader;

  /* NULL until the first list lands, or while "Mine" has nobody at the desk */
  AmendsCaseList     *list;
  /* The list view's model for the sidebar's life, around the list */
  GtkSelectionModel  *selection;
  gboolean            swapping_list;

  AmendsCase         *selected_case;
  guint               n_selected;
  /* The case a person chose last: selected again when a new list or a
   * refresh has it, so that searching and clearing the search keeps it. */
  gint64              remembered_id;
  /* A case asked for while the list was catching up with a commit (the
   * case just logged, say): selected when the list has caught up. */
  gint64              pending_id;
  /* The toast that said the search or the filters were cleared, while it
   * shows: the next such toast replaces it rather than waiting behind it. */
  AdwToast           *cleared_toast;

  GtkSearchEntry     *search_entry;
  AmendsCaseFilterBar *filter_bar;
  GtkStack           *stack;
  GtkListView        *list_view;
  AmendsCaseEmptyPage *empty_page;
  GtkLabel           *counts_label;
  GtkListItemFactory *factory;
};

void     amends_case_sidebar_update_selected_case  (AmendsCaseSidebar *self);

/* amends-case-sidebar-search.c */
void     amends_case_sidebar_reset_filters         (AmendsCaseSidebar *self);
void     amends_case_sidebar_update_clear_filters  (AmendsCaseSidebar *self);
void     amends_case_sidebar_connect_search        (AmendsCaseSidebar *self);
void     amends_case_sidebar_focus_search_action   (GtkWidget         *widget,
                                                    const char        *action_name,
                                                    GVariant          *parameter);
void     amends_case_sidebar_clear_filters_action  (GtkWidget         *widget,
                                                    const char        *action_name,
                                                    GVariant          *parameter);

/* amends-case-sidebar-selection.c */
void     amends_case_sidebar_update_move_actions   (AmendsCaseSidebar *self);
void     amends_case_sidebar_scroll_to             (AmendsCaseSidebar *self,
                                                    guint              position);
gboolean amends_case_sidebar_restore_selection     (AmendsCaseSidebar *self);
void     amends_case_sidebar_select_pending        (AmendsCaseSidebar *self);
void     amends_case_sidebar_on_list_refreshing_cb (AmendsCaseSidebar *self,
                                                    GParamSpec        *pspec,
                                                    AmendsCaseList    *list);
void     amends_case_sidebar_next_case_action      (GtkWidget         *widget,
                                                    const char        *action_name,
                                                    GVariant          *parameter);
void     amends_case_sidebar_previous_case_action  (GtkWidget         *widget,
                                                    const char        *action_name,
                                                    GVariant          *parameter);

G_END_DECLS
