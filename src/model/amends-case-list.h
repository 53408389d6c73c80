/* amends-case-list.h: the cases, filtered and sorted, read lazily from a source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amends-case-filter.h"
#include "amends-case-source.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_CASE_LIST (amends_case_list_get_type ())

G_DECLARE_FINAL_TYPE (AmendsCaseList, amends_case_list, AMENDS, CASE_LIST, GObject)

AmendsCaseList   *amends_case_list_new             (AmendsCaseSource       *source,
                                                    const AmendsCaseFilter *filter,
                                                    GError                **error);
void              amends_case_list_new_async       (AmendsCaseSource       *source,
                                                    const AmendsCaseFilter *filter,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
void              amends_case_list_new_from_async  (AmendsCaseList         *previous,
                                                    const AmendsCaseFilter *filter,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
AmendsCaseList   *amends_case_list_new_finish      (GAsyncResult           *result,
                                                    GError                **error);
AmendsCaseSource *amends_case_list_get_source      (AmendsCaseList         *self);
guint             amends_case_list_find            (AmendsCaseList         *self,
                                                    gint64                  case_id);
void              amends_case_list_refresh         (AmendsCaseList         *self);
gboolean          amends_case_list_get_refreshing  (AmendsCaseList         *self);
guint             amends_case_list_get_n_refreshes (AmendsCaseList         *self);
guint64           amends_case_list_get_rows_loaded (AmendsCaseList         *self);
guint             amends_case_list_get_n_pages_read (AmendsCaseList        *self);
guint             amends_case_list_get_n_cached    (AmendsCaseList         *self);
guint             amends_case_list_get_n_open      (AmendsCaseList         *self);
guint             amends_case_list_get_n_overdue   (AmendsCaseList         *self);
gint64            amends_case_list_get_id          (AmendsCaseList         *self,
                                                    guint                   position);
guint             amends_case_list_get_n_running   (void);

G_END_DECLS
