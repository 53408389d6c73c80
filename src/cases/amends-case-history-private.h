/* amends-case-history-private.h: what the History window's own files share
 *
 * The window is one widget in two files: amends-case-history.c reads the
 * history, lists and filters it; amends-case-history-print.c prints what
 * is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-case-history.h"

G_BEGIN_DECLS

struct _AmendsCaseHistory
{
  AdwWindow           parent_instance;

  AmendsStore        *store;
  gint64              case_id;
  char               *title;          /* "History of C-2026-00042", for print */
  char               *summary;

  GCancellable       *cancellable;    /* the read in flight */
  GListStore         *entries;        /* as read, the newest first */
  GtkCustomFilter    *filter;
  GtkFilterListModel *shown;
  GArray             *person_ids;     /* gint64, parallel to person_list */
  gboolean            busy;
  gboolean            stale;          /* a change of this case was announced */
  gboolean            filling;        /* the person list is being rebuilt */

  AdwWindowTitle     *window_title;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *person_dropdown;
  GtkStringList      *person_list;
  GtkStack           *stack;
  GtkListBox         *list_box;
  AdwStatusPage      *empty_page;
  AdwStatusPage      *error_page;
};

void _amends_case_history_print_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter);

G_END_DECLS
