/* amends-case-list-loader.h: the list of cases a query asks for, kept current
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amends-case-list.h"
#include "amends-case-query.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_CASE_LIST_LOADER (amends_case_list_loader_get_type ())

G_DECLARE_FINAL_TYPE (AmendsCaseListLoader, amends_case_list_loader, AMENDS, CASE_LIST_LOADER, GObject)

AmendsCaseListLoader *amends_case_list_loader_new         (AmendsCaseQuery      *query);
void                  amends_case_list_loader_set_source  (AmendsCaseListLoader *self,
                                                           AmendsCaseSource     *source);
AmendsCaseList       *amends_case_list_loader_get_list    (AmendsCaseListLoader *self);
gboolean              amends_case_list_loader_get_loading (AmendsCaseListLoader *self);
gboolean              amends_case_list_loader_get_busy    (AmendsCaseListLoader *self);
const char           *amends_case_list_loader_get_error   (AmendsCaseListLoader *self);
char                 *amends_case_list_loader_dup_counts  (AmendsCaseListLoader *self);
void                  amends_case_list_loader_reload      (AmendsCaseListLoader *self);

G_END_DECLS
