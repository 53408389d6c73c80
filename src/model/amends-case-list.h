/* amends-case-list.h: the cases, filtered and sorted, read lazily from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amends-store.h"

G_BEGIN_DECLS

/* What the list shows.  A list's filter is fixed for its life: a view that
 * filters differently makes a new list (see TECH-NOTES: swapping a model is
 * far cheaper than telling a view that a million rows changed). */
typedef struct
{
  char           *query;         /* words to search for, or NULL */
  int             status;        /* an AmendsCaseStatus, or -1 for any */
  gint64          owner_id;      /* -1: anyone; 0: unowned; else that person */
  gboolean        overdue_only;
  char           *category;      /* NULL: any */
  gboolean        trash;         /* the trash instead of the live cases */
  AmendsCaseSort  sort;
} AmendsCaseFilter;

#define AMENDS_CASE_FILTER_INIT { NULL, -1, -1, FALSE, NULL, FALSE, AMENDS_CASE_SORT_URGENCY }

#define AMENDS_TYPE_CASE_LIST (amends_case_list_get_type ())

G_DECLARE_FINAL_TYPE (AmendsCaseList, amends_case_list, AMENDS, CASE_LIST, GObject)

AmendsCaseList *amends_case_list_new               (AmendsStore            *store,
                                                    const AmendsCaseFilter *filter,
                                                    GError                **error);
void            amends_case_list_new_async         (AmendsStore            *store,
                                                    const AmendsCaseFilter *filter,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
void            amends_case_list_new_from_async    (AmendsCaseList         *previous,
                                                    const AmendsCaseFilter *filter,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
AmendsCaseList *amends_case_list_new_finish        (GAsyncResult           *result,
                                                    GError                **error);
guint           amends_case_list_get_n_open        (AmendsCaseList *self);
guint           amends_case_list_get_n_overdue     (AmendsCaseList *self);
AmendsStore    *amends_case_list_get_store         (AmendsCaseList *self);
gint64          amends_case_list_get_id            (AmendsCaseList *self,
                                                    guint           position);
guint           amends_case_list_find              (AmendsCaseList *self,
                                                    gint64          case_id);
void            amends_case_list_refresh           (AmendsCaseList *self);
gboolean        amends_case_list_get_refreshing    (AmendsCaseList *self);
guint           amends_case_list_get_n_refreshes   (AmendsCaseList *self);
guint64         amends_case_list_get_rows_loaded   (AmendsCaseList *self);
guint           amends_case_list_get_n_running     (void);

G_END_DECLS
