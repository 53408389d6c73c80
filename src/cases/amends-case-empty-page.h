/* amends-case-empty-page.h: what the sidebar shows instead of an empty list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amends-case-query.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_CASE_EMPTY_PAGE (amends_case_empty_page_get_type ())

G_DECLARE_FINAL_TYPE (AmendsCaseEmptyPage, amends_case_empty_page, AMENDS, CASE_EMPTY_PAGE, GtkWidget)

AmendsCaseQuery *amends_case_empty_page_get_query (AmendsCaseEmptyPage *self);
void             amends_case_empty_page_set_query (AmendsCaseEmptyPage *self,
                                                   AmendsCaseQuery     *query);

G_END_DECLS
