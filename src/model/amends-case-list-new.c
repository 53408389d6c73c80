/* amends-case-list-new.c: making a list of cases, its ids read first
 *
 * A list is made with its ids: read in the caller's thread for the
 * command line and exports (amends_case_list_new), or in a worker
 * thread for the window (amends_case_list_new_async), so that searching
 * a million cases as someone types never holds the window.  A list made
 * from the one shown (amends_case_list_new_from_async) lets the source
 * reuse that list's ids, and read only a search's hits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-case-list"

#include "config.h"

#include "amends-case-list.h"
#include "amends-case-list-private.h"

/* A list that is being made reads the ids in a thread, and follows the
 * source only when it lands: what the source committed in between is
 * counted here, so that the new list then reads its ids once more. */
#define GENERATION_KEY "amends-case-list-generation"

static void
on_generation_record_changed_cb (AmendsCaseSource *source,
                                 GType             type,
                                 gint64            id,
                                 guint64          *generation)
{
  (*generation)++;
}

static guint64
source_generation (AmendsCaseSource *source)
{
  guint64 *generation = g_object_get_data (G_OBJECT (source), GENERATION_KEY);

  if (generation == NULL)
    {
      generation = g_new0 (guint64, 1);
      g_object_set_data_full (G_OBJECT (source), GENERATION_KEY, generation, g_free);
      g_signal_connect (source, "record-changed",
                        G_CALLBACK (on_generation_record_changed_cb), generation);
    }

  return *generation;
}

/* Queries under way, for tests: a list disposed meanwhile must let its
 * query finish and go without touching it. */
static gint n_running;

void
amends_case_list_query_free (AmendsCaseListQuery *query)
{
  g_atomic_int_dec_and_test (&n_running);
  g_weak_ref_clear (&query->source);
  g_weak_ref_clear (&query->list);
  amends_case_filter_clear (&query->filter);
  g_free (query);
}

AmendsCaseListQuery *
amends_case_list_query_new (AmendsCaseSource       *source,
                            const AmendsCaseFilter *filter)
{
  AmendsCaseListQuery *query = g_new0 (AmendsCaseListQuery, 1);

  g_atomic_int_inc (&n_running);
  g_weak_ref_init (&query->source, source);
  g_weak_ref_init (&query->list, NULL);
  amends_case_filter_copy (&query->filter, filter);
  query->generation = source_generation (source);

  return query;
}

/**
 * amends_case_list_new:
 * @filter: (nullable): what to show; %NULL for every live case, most
 *   urgent first
 *
 * Reads the ids in the caller's thread (on the store's own connection);
 * for the command line and exports.  The window uses
 * amends_case_list_new_async().
 *
 * Returns: (transfer full): a list that follows the source's changes
 */
AmendsCaseList *
amends_case_list_new (AmendsCaseSource        *source,
                      const AmendsCaseFilter  *filter,
                      GError                 **error)
{
  static const AmendsCaseFilter all = AMENDS_CASE_FILTER_INIT;
  g_autoptr(AmendsCaseList) self = NULL;
  AmendsCaseIds *ids;

  g_return_val_if_fail (AMENDS_IS_CASE_SOURCE (source), NULL);

  if (filter == NULL)
    filter = &all;

  self = amends_case_list_create (source, filter);
  ids = amends_case_source_query_ids (source, filter, error);
  if (ids == NULL)
    return NULL;

  amends_case_list_start_following (self, ids);

  return g_steal_pointer (&self);
}

static void
on_new_ids_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AmendsCaseListQuery *query = g_task_get_task_data (task);
  g_autoptr(AmendsCaseSource) source = g_weak_ref_get (&query->source);
  AmendsCaseIds *ids;
  GError *error = NULL;

  if (source == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CLOSED,
                               "The database was closed while the cases were being read.");
      return;
    }

  ids = amends_case_source_query_ids_finish (source, result, &error);
  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) amends_case_ids_free);
}

static void
start_new_list (AmendsCaseSource       *source,
                const AmendsCaseFilter *filter,
                const AmendsCaseIds    *previous,
                GCancellable           *cancellable,
                GAsyncReadyCallback     callback,
                gpointer                user_data)
{
  static const AmendsCaseFilter all = AMENDS_CASE_FILTER_INIT;
  g_autoptr(GTask) task = NULL;
  AmendsCaseListQuery *query;

  query = amends_case_list_query_new (source, filter != NULL ? filter : &all);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, start_new_list);
  g_task_set_task_data (task, query, (GDestroyNotify) amends_case_list_query_free);

  amends_case_source_query_ids_async (source, &query->filter, previous, cancellable,
                                      on_new_ids_cb, g_steal_pointer (&task));
}

/**
 * amends_case_list_new_async:
 *
 * Like amends_case_list_new(), with the query run off the main thread,
 * so that searching a large database as someone types never blocks the
 * window.
 */
void
amends_case_list_new_async (AmendsCaseSource       *source,
                            const AmendsCaseFilter *filter,
                            GCancellable           *cancellable,
                            GAsyncReadyCallback     callback,
                            gpointer                user_data)
{
  g_return_if_fail (AMENDS_IS_CASE_SOURCE (source));

  start_new_list (source, filter, NULL, cancellable, callback, user_data);
}

/**
 * amends_case_list_new_from_async:
 * @previous: the list shown until the new one lands
 *
 * Like amends_case_list_new_async(), for the list that takes over from
 * @previous: when only the search differs and @previous is up to date,
 * the source asks the database for the search's hits alone and takes
 * their order from @previous's ids.
 */
void
amends_case_list_new_from_async (AmendsCaseList         *previous,
                                 const AmendsCaseFilter *filter,
                                 GCancellable           *cancellable,
                                 GAsyncReadyCallback     callback,
                                 gpointer                user_data)
{
  AmendsCaseSource *source;

  g_return_if_fail (AMENDS_IS_CASE_LIST (previous));

  source = amends_case_list_get_source (previous);
  g_return_if_fail (source != NULL);

  start_new_list (source, filter, amends_case_list_get_reusable_ids (previous),
                  cancellable, callback, user_data);
}

/**
 * amends_case_list_new_finish:
 *
 * Returns: (transfer full): the list, or %NULL with @error set (also when
 *   the query was cancelled)
 */
AmendsCaseList *
amends_case_list_new_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_autoptr(AmendsCaseIds) ids = NULL;
  g_autoptr(AmendsCaseSource) source = NULL;
  AmendsCaseListQuery *query;
  AmendsCaseList *self;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == start_new_list, NULL);

  if (!(ids = g_task_propagate_pointer (G_TASK (result), error)))
    return NULL;

  query = g_task_get_task_data (G_TASK (result));
  if (!(source = g_weak_ref_get (&query->source)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                           "The database was closed while the cases were being read.");
      return NULL;
    }

  self = amends_case_list_create (source, &query->filter);
  amends_case_list_start_following (self, g_steal_pointer (&ids));

  /* The source committed while the ids were read: they may be behind. */
  if (source_generation (source) != query->generation)
    amends_case_list_refresh (self);

  return self;
}

/**
 * amends_case_list_get_n_running:
 *
 * Returns: how many lists' queries are under way in threads, or not yet
 *   let go of; for tests
 */
guint
amends_case_list_get_n_running (void)
{
  return g_atomic_int_get (&n_running);
}
