/* amends-case-sidebar.h: the searchable, filterable list of cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_CASE_SIDEBAR (amends_case_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (AmendsCaseSidebar, amends_case_sidebar, AMENDS, CASE_SIDEBAR, GtkWidget)

AmendsStore *amends_case_sidebar_get_store         (AmendsCaseSidebar *self);
void         amends_case_sidebar_set_store         (AmendsCaseSidebar *self,
                                                    AmendsStore       *store);
GDateTime   *amends_case_sidebar_get_now           (AmendsCaseSidebar *self);
void         amends_case_sidebar_set_now           (AmendsCaseSidebar *self,
                                                    GDateTime         *now);
AmendsCase  *amends_case_sidebar_get_selected_case (AmendsCaseSidebar *self);
guint        amends_case_sidebar_get_n_selected    (AmendsCaseSidebar *self);
GArray      *amends_case_sidebar_get_selected_ids  (AmendsCaseSidebar *self);
gboolean     amends_case_sidebar_select_case       (AmendsCaseSidebar *self,
                                                    gint64             case_id);
void         amends_case_sidebar_focus_search      (AmendsCaseSidebar *self);
gboolean     amends_case_sidebar_get_showing_trash (AmendsCaseSidebar *self);
AmendsCase  *amends_case_sidebar_dup_listed_case   (GtkWidget         *widget,
                                                    gint64             case_id);

G_END_DECLS
