/* amends-case-filter-bar.h: the menus that choose what the list of cases shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amends-case-query.h"
#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_CASE_FILTER_BAR (amends_case_filter_bar_get_type ())

G_DECLARE_FINAL_TYPE (AmendsCaseFilterBar, amends_case_filter_bar, AMENDS, CASE_FILTER_BAR, GtkWidget)

AmendsCaseQuery *amends_case_filter_bar_get_query (AmendsCaseFilterBar *self);
void             amends_case_filter_bar_set_query (AmendsCaseFilterBar *self,
                                                   AmendsCaseQuery     *query);
AmendsStore     *amends_case_filter_bar_get_store (AmendsCaseFilterBar *self);
void             amends_case_filter_bar_set_store (AmendsCaseFilterBar *self,
                                                   AmendsStore         *store);

G_END_DECLS
