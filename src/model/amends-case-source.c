/* amends-case-source.c: where a list of cases reads its ids and its cases
 *
 * A list of cases (amends-case-list.c) is the ids of its cases in order,
 * and a case read when a view shows it.  It asks an AmendsCaseSource for
 * both, and hears from it what changed; the source is the store, which
 * answers with SQL on connections of its own.  The list knows neither:
 * the model does not depend on the store, and the store may be backed by
 * another engine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-case-source"

#include "config.h"

#include "amends-case-source.h"

G_DEFINE_INTERFACE (AmendsCaseSource, amends_case_source, G_TYPE_OBJECT)

static void
amends_case_source_default_init (AmendsCaseSourceInterface *iface)
{
  /**
   * AmendsCaseSource::record-changed:
   * @type: the record's type
   * @id: the record's id
   *
   * A record was added, changed, trashed, restored or removed; emitted
   * after the change is committed, by us or by another program (which
   * the store notices within a second or so while the main loop runs).
   */
  g_signal_new ("record-changed",
                G_TYPE_FROM_INTERFACE (iface),
                G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL,
                G_TYPE_NONE, 2, G_TYPE_GTYPE, G_TYPE_INT64);

  /**
   * AmendsCaseSource::changes-committed:
   *
   * Follows the ::record-changed signals of one transaction.
   */
  g_signal_new ("changes-committed",
                G_TYPE_FROM_INTERFACE (iface),
                G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL,
                G_TYPE_NONE, 0);
}

void
amends_case_ids_free (AmendsCaseIds *ids)
{
  if (ids == NULL)
    return;

  amends_case_filter_clear (&ids->filter);
  g_clear_pointer (&ids->ids, g_array_unref);
  g_clear_pointer (&ids->base, g_array_unref);
  g_clear_pointer (&ids->open, g_array_unref);
  g_free (ids);
}

/**
 * amends_case_source_query_ids:
 *
 * Reads the ids of the cases @filter shows, in the caller's thread; for
 * the command line and exports.
 *
 * Returns: (transfer full): the ids and counts, or %NULL with @error set
 */
AmendsCaseIds *
amends_case_source_query_ids (AmendsCaseSource        *self,
                              const AmendsCaseFilter  *filter,
                              GError                 **error)
{
  g_return_val_if_fail (AMENDS_IS_CASE_SOURCE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  return AMENDS_CASE_SOURCE_GET_IFACE (self)->query_ids (self, filter, error);
}

/**
 * amends_case_source_query_ids_async:
 * @previous: (nullable): what a query of this source gave, for a filter
 *   whose cases have not changed since; a search that follows it then
 *   reads only its hits
 *
 * Reads the ids of the cases @filter shows, off the caller's thread, so
 * that searching a large database as someone types never blocks the
 * window.  @callback runs in the caller's main context.
 */
void
amends_case_source_query_ids_async (AmendsCaseSource       *self,
                                    const AmendsCaseFilter *filter,
                                    const AmendsCaseIds    *previous,
                                    GCancellable           *cancellable,
                                    GAsyncReadyCallback     callback,
                                    gpointer                user_data)
{
  g_return_if_fail (AMENDS_IS_CASE_SOURCE (self));
  g_return_if_fail (filter != NULL);

  AMENDS_CASE_SOURCE_GET_IFACE (self)->query_ids_async (self, filter, previous, cancellable,
                                                        callback, user_data);
}

/**
 * amends_case_source_query_ids_finish:
 *
 * Returns: (transfer full): the ids and counts, or %NULL with @error set
 *   (also when the query was cancelled)
 */
AmendsCaseIds *
amends_case_source_query_ids_finish (AmendsCaseSource  *self,
                                     GAsyncResult      *result,
                                     GError           **error)
{
  g_return_val_if_fail (AMENDS_IS_CASE_SOURCE (self), NULL);

  return AMENDS_CASE_SOURCE_GET_IFACE (self)->query_ids_finish (self, result, error);
}

/**
 * amends_case_source_load_case:
 *
 * Returns: (transfer full): the case, or %NULL with @error set
 */
AmendsCase *
amends_case_source_load_case (AmendsCaseSource  *self,
                              gint64             id,
                              GError           **error)
{
  g_return_val_if_fail (AMENDS_IS_CASE_SOURCE (self), NULL);

  return AMENDS_CASE_SOURCE_GET_IFACE (self)->load_case (self, id, error);
}

/**
 * amends_case_source_reload_case:
 *
 * Reads @kase again, into the same object, so that whatever shows it
 * hears of each property that changed.
 *
 * Returns: %TRUE, or %FALSE with @error set (the case is gone)
 */
gboolean
amends_case_source_reload_case (AmendsCaseSource  *self,
                                AmendsCase        *kase,
                                GError           **error)
{
  g_return_val_if_fail (AMENDS_IS_CASE_SOURCE (self), FALSE);
  g_return_val_if_fail (AMENDS_IS_CASE (kase), FALSE);

  return AMENDS_CASE_SOURCE_GET_IFACE (self)->reload_case (self, kase, error);
}

/* Without a load_cases() of the source's own: one read a case.  A case
 * that is not there is left out, like one the source's query would not
 * find. */
static GPtrArray *
load_each (AmendsCaseSource  *self,
           const gint64      *ids,
           guint              n_ids,
           GError           **error)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(GError) local_error = NULL;
      AmendsCase *kase = amends_case_source_load_case (self, ids[i], &local_error);

      if (kase != NULL)
        g_ptr_array_add (cases, kase);
      else
        g_debug ("Case %" G_GINT64_FORMAT " could not be read: %s", ids[i], local_error->message);
    }

  return g_steal_pointer (&cases);
}

/**
 * amends_case_source_load_cases:
 * @ids: (array length=n_ids): the cases to read
 *
 * Reads the cases of @ids at once, for a page of a list: a source that
 * can (the store) reads them with one query.  A case that is no longer
 * there (another program removed it since the ids were read) is left
 * out; so is every case when the source fails, which sets @error.
 *
 * Returns: (transfer full) (element-type AmendsCase): the cases found,
 *   in any order, or %NULL with @error set
 */
GPtrArray *
amends_case_source_load_cases (AmendsCaseSource  *self,
                               const gint64      *ids,
                               guint              n_ids,
                               GError           **error)
{
  AmendsCaseSourceInterface *iface;

  g_return_val_if_fail (AMENDS_IS_CASE_SOURCE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  iface = AMENDS_CASE_SOURCE_GET_IFACE (self);
  if (iface->load_cases == NULL)
    return load_each (self, ids, n_ids, error);

  return iface->load_cases (self, ids, n_ids, error);
}
