/* amends-case-source.h: where a list of cases reads its ids and its cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amends-case.h"
#include "amends-case-filter.h"

G_BEGIN_DECLS

/* An open case of a source's base: the time after which it is overdue,
 * or G_MAXINT64 while its clock is paused (a paused case is never
 * overdue). */
typedef struct
{
  gint64 id;
  gint64 overdue_after;
} AmendsOpenCase;

/* What one query of a source gives, for @filter: @ids, the cases in the
 * list's order, and of those @n_open open or in recovery and @n_overdue
 * overdue.
 *
 * The rest is the source's own, for a search that follows: @base is the
 * ids of the same filter without the search text, in the list's order
 * (@ids itself when there is no search), read at @base_now, and @open the
 * base's open cases.  The order by urgency depends on the time (an
 * overdue case comes before one due soon whatever their severity): it
 * holds until @order_until (Unix seconds; G_MAXINT64 for ever), when the
 * first case of the base changes clock state.  A search then asks the database only for its hits.
 *
 * The arrays are never changed once made, so lists and threads may share
 * them by reference. */
typedef struct
{
  AmendsCaseFilter  filter;
  GArray           *ids;
  guint             n_open;
  guint             n_overdue;

  GArray           *base;
  GArray           *open;
  gint64            base_now;
  gint64            order_until;
} AmendsCaseIds;

void amends_case_ids_free (AmendsCaseIds *ids);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsCaseIds, amends_case_ids_free)

#define AMENDS_TYPE_CASE_SOURCE (amends_case_source_get_type ())

G_DECLARE_INTERFACE (AmendsCaseSource, amends_case_source, AMENDS, CASE_SOURCE, GObject)

/**
 * AmendsCaseSourceInterface:
 * @query_ids: the ids for a filter, in the caller's thread
 * @query_ids_async: the same off the caller's thread, stopped early when
 *   cancelled; @previous, when not %NULL, is what a query of the source
 *   gave for a filter that is up to date, which the source may reuse
 * @query_ids_finish: the ids, or %NULL with the error
 * @load_case: one case, in the caller's thread
 * @load_cases: (optional) the cases of @ids that are there, in any
 *   order, in the caller's thread, with as few reads as the source can
 *   (the store: one query); without it, load_case() for each id
 * @reload_case: reads a case again into the same object
 *
 * A source also emits ::record-changed for each record a transaction
 * changed, then ::changes-committed.
 */
struct _AmendsCaseSourceInterface
{
  GTypeInterface parent_iface;

  AmendsCaseIds *(*query_ids)        (AmendsCaseSource        *self,
                                      const AmendsCaseFilter  *filter,
                                      GError                 **error);
  void           (*query_ids_async)  (AmendsCaseSource        *self,
                                      const AmendsCaseFilter  *filter,
                                      const AmendsCaseIds     *previous,
                                      GCancellable            *cancellable,
                                      GAsyncReadyCallback      callback,
                                      gpointer                 user_data);
  AmendsCaseIds *(*query_ids_finish) (AmendsCaseSource        *self,
                                      GAsyncResult            *result,
                                      GError                 **error);
  AmendsCase    *(*load_case)        (AmendsCaseSource        *self,
                                      gint64                   id,
                                      GError                 **error);
  gboolean       (*reload_case)      (AmendsCaseSource        *self,
                                      AmendsCase              *kase,
                                      GError                 **error);
  GPtrArray     *(*load_cases)       (AmendsCaseSource        *self,
                                      const gint64            *ids,
                                      guint                    n_ids,
                                      GError                 **error);
};

AmendsCaseIds *amends_case_source_query_ids        (AmendsCaseSource        *self,
                                                    const AmendsCaseFilter  *filter,
                                                    GError                 **error);
void           amends_case_source_query_ids_async  (AmendsCaseSource        *self,
                                                    const AmendsCaseFilter  *filter,
                                                    const AmendsCaseIds     *previous,
                                                    GCancellable            *cancellable,
                                                    GAsyncReadyCallback      callback,
                                                    gpointer                 user_data);
AmendsCaseIds *amends_case_source_query_ids_finish (AmendsCaseSource        *self,
                                                    GAsyncResult            *result,
                                                    GError                 **error);
AmendsCase    *amends_case_source_load_case        (AmendsCaseSource        *self,
                                                    gint64                   id,
                                                    GError                 **error);
gboolean       amends_case_source_reload_case      (AmendsCaseSource        *self,
                                                    AmendsCase              *kase,
                                                    GError                 **error);
GPtrArray     *amends_case_source_load_cases       (AmendsCaseSource        *self,
                                                    const gint64            *ids,
                                                    guint                    n_ids,
                                                    GError                 **error);

G_END_DECLS
