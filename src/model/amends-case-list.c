/* amends-case-list.c: the cases, filtered and sorted, read lazily from the store
 *
 * One query, which does the filtering and sorting in SQLite, gives the ids
 * of the cases in order (amends-case-query.c; a search intersects the
 * full-text hits with them); that array is all the list holds of a
 * million rows (8 bytes a case).  A case is read only when a view asks
 * for its position, a page of neighbours at a time, and kept in a small
 * cache of the most recently used.
 *
 * When the store commits a change, cached cases are refreshed in place at
 * once (so rows on screen follow; one row is one quick read), and the ids
 * are queried again in a thread, on the list's own read connection: 0.1 s
 * at a million cases, too long to hold the window.  One such refresh runs
 * at a time; commits while it runs make it run once more after, however
 * many they are.  When it lands, ::items-changed names only the span
 * between the first and the last position that differ, and
 * #AmendsCaseList:refreshing goes back to %FALSE.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-case-list.h"
#include "amends-case-query.h"
#include "amends-store-private.h"

#define PAGE_SIZE  64
#define CACHE_SIZE 1024

struct _AmendsCaseList
{
  GObject           parent_instance;

  AmendsStore      *store;
  AmendsCaseFilter  filter;
  GArray           *ids;
  /* For a search that follows: the same filter's ids without the search,
   * and their open cases (see amends-case-query.c) */
  GArray           *base;
  GArray           *open;
  gint64            base_now;
  guint             n_open;
  guint             n_overdue;
  GHashTable       *cache;       /* id → GList link in lru */
  GQueue            lru;         /* AmendsCase, most recent first */
  guint64           rows_loaded;

  AmendsCaseReader *reader;
  GCancellable     *refresh_cancellable;   /* while a refresh runs */
  guint             n_refreshes;
  gboolean          dirty;       /* a change the ids may not have yet */
  gboolean          again;       /* committed while a refresh ran */
  gulong            record_changed_id;
  gulong            committed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AmendsCaseList, amends_case_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_N_ITEMS,
  PROP_N_OPEN,
  PROP_N_OVERDUE,
  PROP_REFRESHING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* A list that is being made reads the ids in a thread, and follows the
 * store only when it lands: what the store committed in between is
 * counted here, so that the new list then reads its ids once more. */
#define GENERATION_KEY "amends-case-list-generation"

static void
on_generation_record_changed_cb (AmendsStore *store,
                                 GType        type,
                                 gint64       id,
                                 guint64     *generation)
{
  (*generation)++;
}

static guint64
store_generation (AmendsStore *store)
{
  guint64 *generation = g_object_get_data (G_OBJECT (store), GENERATION_KEY);

  if (generation == NULL)
    {
      generation = g_new0 (guint64, 1);
      g_object_set_data_full (G_OBJECT (store), GENERATION_KEY, generation, g_free);
      g_signal_connect (store, "record-changed",
                        G_CALLBACK (on_generation_record_changed_cb), generation);
    }

  return *generation;
}

static void
cache_remove (AmendsCaseList *self,
              gint64          id)
{
  GList *link = g_hash_table_lookup (self->cache, &id);

  if (link == NULL)
    return;

  g_hash_table_remove (self->cache, &id);
  g_object_unref (link->data);
  g_queue_delete_link (&self->lru, link);
}

static void
cache_clear (AmendsCaseList *self)
{
  g_hash_table_remove_all (self->cache);
  g_queue_clear_full (&self->lru, g_object_unref);
}

static AmendsCase *
cache_lookup (AmendsCaseList *self,
              gint64          id)
{
  GList *link = g_hash_table_lookup (self->cache, &id);

  if (link == NULL)
    return NULL;

  g_queue_unlink (&self->lru, link);
  g_queue_push_head_link (&self->lru, link);

  return link->data;
}

static void
cache_insert (AmendsCaseList *self,
              AmendsCase     *kase)
{
  gint64 *key = g_new (gint64, 1);

  *key = amends_record_get_id (AMENDS_RECORD (kase));
  g_queue_push_head (&self->lru, kase);
  g_hash_table_insert (self->cache, key, self->lru.head);

  while (self->lru.length > CACHE_SIZE)
    cache_remove (self, amends_record_get_id (AMENDS_RECORD (self->lru.tail->data)));
}

/* Reads the page around @position, skipping the cases already cached. */
static void
load_page (AmendsCaseList *self,
           guint           position)
{
  guint first = position - position % PAGE_SIZE;
  guint last = MIN (first + PAGE_SIZE, self->ids->len);

  for (guint i = first; i < last; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);
      g_autoptr(GError) error = NULL;
      AmendsCase *kase;

      if (cache_lookup (self, id) != NULL)
        continue;

      kase = amends_store_load (self->store, AMENDS_TYPE_CASE, id, &error);
      if (kase == NULL)
        {
          /* Another program removed it since the ids were read; show an
           * empty row until the next refresh rather than fail the view. */
          g_debug ("Case %" G_GINT64_FORMAT " could not be read: %s", id, error->message);
          kase = amends_case_new ();
          amends_record_set_id (AMENDS_RECORD (kase), id);
        }

      self->rows_loaded++;
      cache_insert (self, kase);
    }
}

static GType
amends_case_list_get_item_type (GListModel *model)
{
  return AMENDS_TYPE_CASE;
}

static guint
amends_case_list_get_n_items (GListModel *model)
{
  return AMENDS_CASE_LIST (model)->ids->len;
}

static gpointer
amends_case_list_get_item (GListModel *model,
                           guint       position)
{
  AmendsCaseList *self = AMENDS_CASE_LIST (model);
  AmendsCase *kase;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  kase = cache_lookup (self, id);
  if (kase == NULL)
    {
      load_page (self, position);
      kase = cache_lookup (self, id);
    }

  return g_object_ref (kase);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = amends_case_list_get_item_type;
  iface->get_n_items = amends_case_list_get_n_items;
  iface->get_item = amends_case_list_get_item;
}
/* Takes the ids and counts of @ids, and says what changed: the span
 * between the first and the last position that differ, and the counts. */
static void
take_ids (AmendsCaseList *self,
          AmendsCaseIds  *ids)
{
  g_autoptr(GArray) old_ids = g_steal_pointer (&self->ids);
  GArray *new_ids;
  guint prefix = 0;
  guint suffix = 0;
  guint old_n, new_n;

  self->ids = new_ids = g_steal_pointer (&ids->ids);
  g_clear_pointer (&self->base, g_array_unref);
  g_clear_pointer (&self->open, g_array_unref);
  self->base = g_steal_pointer (&ids->base);
  self->open = g_steal_pointer (&ids->open);
  self->base_now = ids->base_now;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->n_open != ids->n_open)
    {
      self->n_open = ids->n_open;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_OPEN]);
    }
  if (self->n_overdue != ids->n_overdue)
    {
      self->n_overdue = ids->n_overdue;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_OVERDUE]);
    }

  old_n = old_ids != NULL ? old_ids->len : 0;
  new_n = new_ids->len;

  while (prefix < old_n && prefix < new_n &&
         g_array_index (old_ids, gint64, prefix) == g_array_index (new_ids, gint64, prefix))
    prefix++;

  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         g_array_index (old_ids, gint64, old_n - 1 - suffix) ==
         g_array_index (new_ids, gint64, new_n - 1 - suffix))
    suffix++;

  if (prefix < old_n || prefix < new_n)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                  old_n - prefix - suffix,
                                  new_n - prefix - suffix);
      if (old_n != new_n)
        g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* What a thread needs to read a list's ids.  The task holds no object:
 * its last reference may be dropped in the worker thread, and neither the
 * store nor a list may be finalized there. */
typedef struct
{
  GWeakRef          store;
  GWeakRef          list;        /* a refresh: the list it is for */
  AmendsCaseReader *reader;
  AmendsCaseFilter  filter;
  gint64            now;
  AmendsCaseIds    *reuse;
  guint64           generation;
} QueryTask;

/* Queries under way in threads, for tests: a list disposed meanwhile must
 * let its query finish and go without touching it. */
static gint n_running;

static void
query_task_free (QueryTask *query)
{
  g_atomic_int_dec_and_test (&n_running);
  g_weak_ref_clear (&query->store);
  g_weak_ref_clear (&query->list);
  g_clear_pointer (&query->reader, amends_case_reader_unref);
  amends_case_filter_clear (&query->filter);
  g_clear_pointer (&query->reuse, amends_case_ids_free);
  g_free (query);
}

static QueryTask *
query_task_new (AmendsStore            *store,
                AmendsCaseReader       *reader,
                const AmendsCaseFilter *filter)
{
  QueryTask *query = g_new0 (QueryTask, 1);

  g_atomic_int_inc (&n_running);
  g_weak_ref_init (&query->store, store);
  g_weak_ref_init (&query->list, NULL);
  query->reader = amends_case_reader_ref (reader);
  amends_case_filter_copy (&query->filter, filter);
  query->now = amends_store_now (store);
  query->generation = store_generation (store);

  return query;
}

/* Runs in a worker thread, on the reader's connection: SQLite connections
 * are not shared between threads, and WAL lets it read while the main
 * connection writes. */
static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  QueryTask *query = task_data;
  GError *error = NULL;
  AmendsCaseIds *ids;

  ids = amends_case_reader_run (query->reader, &query->filter, query->now,
                                query->reuse, cancellable, &error);
  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) amends_case_ids_free);
}

static void refresh (AmendsCaseList *self);

static void
on_refreshed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  QueryTask *query = g_task_get_task_data (G_TASK (result));
  g_autoptr(AmendsCaseList) self = g_weak_ref_get (&query->list);
  g_autoptr(AmendsCaseIds) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = g_task_propagate_pointer (G_TASK (result), &error);

  /* Disposed while the query ran. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->refresh_cancellable);

  if (ids == NULL)
    g_warning ("Could not refresh the list of cases: %s", error->message);
  else
    take_ids (self, ids);

  if (self->again)
    refresh (self);
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REFRESHING]);
}

/* Reads the ids again in a thread, unless a refresh runs: then once more
 * when it lands, for however many commits came meanwhile. */
static void
refresh (AmendsCaseList *self)
{
  g_autoptr(GTask) task = NULL;
  gboolean was_refreshing = self->refresh_cancellable != NULL;
  QueryTask *query;

  self->dirty = FALSE;
  if (was_refreshing)
    {
      self->again = TRUE;
      return;
    }
  self->again = FALSE;
  self->n_refreshes++;

  query = query_task_new (self->store, self->reader, &self->filter);
  g_weak_ref_set (&query->list, self);
  self->refresh_cancellable = g_cancellable_new ();

  task = g_task_new (NULL, self->refresh_cancellable, on_refreshed_cb, NULL);
  g_task_set_source_tag (task, refresh);
  g_task_set_task_data (task, query, (GDestroyNotify) query_task_free);
  g_task_run_in_thread (task, query_thread);

  if (!was_refreshing)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REFRESHING]);
}

static void
refresh_cached (AmendsCaseList *self,
                gint64          id)
{
  AmendsCase *kase = cache_lookup (self, id);
  g_autoptr(GError) error = NULL;

  if (kase != NULL && !amends_store_reload (self->store, AMENDS_RECORD (kase), &error))
    cache_remove (self, id);
}

/* A changed name of a customer or owner shows on every row that has it. */
static void
refresh_cached_referring (AmendsCaseList *self,
                          GType           type,
                          gint64          id)
{
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (GList *l = self->lru.head; l; l = l->next)
    {
      AmendsCase *kase = l->data;
      gint64 ref = type == AMENDS_TYPE_CUSTOMER ? amends_case_get_customer_id (kase)
                                                : amends_case_get_owner_id (kase);
      if (ref == id)
        {
          gint64 case_id = amends_record_get_id (AMENDS_RECORD (kase));
          g_array_append_val (stale, case_id);
        }
    }

  for (guint i = 0; i < stale->len; i++)
    refresh_cached (self, g_array_index (stale, gint64, i));
}
static void
on_record_changed_cb (AmendsCaseList *self,
                      GType           type,
                      gint64          id,
                      AmendsStore    *store)
{
  if (type == AMENDS_TYPE_CASE)
    {
      refresh_cached (self, id);
      self->dirty = TRUE;
    }
  else if (type == AMENDS_TYPE_CUSTOMER || type == AMENDS_TYPE_STAFF)
    {
      refresh_cached_referring (self, type, id);
      /* A new customer name can make a case match the search. */
      if (self->filter.query != NULL)
        self->dirty = TRUE;
    }
  else if (type == AMENDS_TYPE_ACTION && self->filter.query != NULL)
    self->dirty = TRUE;
}

static void
on_changes_committed_cb (AmendsCaseList *self,
                         AmendsStore    *store)
{
  if (self->dirty)
    refresh (self);
}

static void
amends_case_list_dispose (GObject *object)
{
  AmendsCaseList *self = (AmendsCaseList *)object;

  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->record_changed_id, self->store);
      g_clear_signal_handler (&self->committed_id, self->store);
    }
  g_clear_object (&self->store);
  cache_clear (self);

  G_OBJECT_CLASS (amends_case_list_parent_class)->dispose (object);
}

static void
amends_case_list_finalize (GObject *object)
{
  AmendsCaseList *self = (AmendsCaseList *)object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->base, g_array_unref);
  g_clear_pointer (&self->open, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->reader, amends_case_reader_unref);
  amends_case_filter_clear (&self->filter);

  G_OBJECT_CLASS (amends_case_list_parent_class)->finalize (object);
}

static void
amends_case_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AmendsCaseList *self = AMENDS_CASE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    case PROP_N_OPEN:
      g_value_set_uint (value, self->n_open);
      break;

    case PROP_N_OVERDUE:
      g_value_set_uint (value, self->n_overdue);
      break;

    case PROP_REFRESHING:
      g_value_set_boolean (value, amends_case_list_get_refreshing (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_case_list_class_init (AmendsCaseListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = amends_case_list_dispose;
  object_class->finalize = amends_case_list_finalize;
  object_class->get_property = amends_case_list_get_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AMENDS_TYPE_STORE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Of the cases shown: those still open or in recovery, and of those the
   * ones past their due time with the clock running. */
  properties [PROP_N_OPEN] =
    g_param_spec_uint ("n-open", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_OVERDUE] =
    g_param_spec_uint ("n-overdue", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AmendsCaseList:refreshing:
   *
   * %TRUE while the ids are being read again after a change; when it goes
   * back to %FALSE, the list has caught up with every change committed
   * before (its ::items-changed came first).
   */
  properties [PROP_REFRESHING] =
    g_param_spec_boolean ("refreshing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
amends_case_list_init (AmendsCaseList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_queue_init (&self->lru);
}

/* A list that does not follow the store yet, with no ids. */
static AmendsCaseList *
create_list (AmendsStore            *store,
             const AmendsCaseFilter *filter,
             AmendsCaseReader       *reader)
{
  static const AmendsCaseFilter all = AMENDS_CASE_FILTER_INIT;
  AmendsCaseList *self;

  if (filter == NULL)
    filter = &all;

  self = g_object_new (AMENDS_TYPE_CASE_LIST, NULL);
  self->store = g_object_ref (store);
  amends_case_filter_copy (&self->filter, filter);
  if (reader != NULL)
    self->reader = amends_case_reader_ref (reader);
  else
    {
      g_autofree char *uri = amends_store_dup_reader_uri (store);

      self->reader = amends_case_reader_new (uri);
    }

  return self;
}

/* Takes the ids and counts of @ids and starts following the store. */
static void
start_following (AmendsCaseList *self,
                 AmendsCaseIds  *ids)
{
  g_clear_pointer (&self->ids, g_array_unref);
  take_ids (self, ids);

  self->record_changed_id =
    g_signal_connect_object (self->store, "record-changed",
                             G_CALLBACK (on_record_changed_cb), self,
                             G_CONNECT_SWAPPED);
  self->committed_id =
    g_signal_connect_object (self->store, "changes-committed",
                             G_CALLBACK (on_changes_committed_cb), self,
                             G_CONNECT_SWAPPED);
}

/**
 * amends_case_list_new:
 * @filter: (nullable): what to show; %NULL for every live case, most
 *   urgent first
 *
 * Reads the ids on the store's own connection, in the caller's thread;
 * for the command line and exports.  The window uses
 * amends_case_list_new_async().
 *
 * Returns: (transfer full): a list that follows the store's changes
 */
AmendsCaseList *
amends_case_list_new (AmendsStore             *store,
                      const AmendsCaseFilter  *filter,
                      GError                 **error)
{
  g_autoptr(AmendsCaseList) self = NULL;
  g_autoptr(AmendsCaseIds) ids = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);

  self = create_list (store, filter, NULL);
  ids = amends_case_query_run (amends_store_get_db (store), &self->filter,
                               amends_store_now (store), NULL, error);
  if (ids == NULL)
    return NULL;

  start_following (self, ids);

  return g_steal_pointer (&self);
}

static void
start_new_list (AmendsStore            *store,
                AmendsCaseReader       *reader,
                const AmendsCaseFilter *filter,
                AmendsCaseList         *previous,
                GCancellable           *cancellable,
                GAsyncReadyCallback     callback,
                gpointer                user_data)
{
  static const AmendsCaseFilter all = AMENDS_CASE_FILTER_INIT;
  g_autoptr(GTask) task = NULL;
  QueryTask *query;

  if (filter == NULL)
    filter = &all;

  query = query_task_new (store, reader, filter);
  if (previous != NULL && !previous->dirty && previous->refresh_cancellable == NULL)
    {
      AmendsCaseIds view = { NULL, previous->base, previous->open, previous->base_now, 0, 0 };

      if (amends_case_ids_can_serve (&view, &previous->filter, filter, query->now))
        {
          query->reuse = g_new0 (AmendsCaseIds, 1);
          query->reuse->base = g_array_ref (previous->base);
          query->reuse->open = g_array_ref (previous->open);
          query->reuse->base_now = previous->base_now;
        }
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, start_new_list);
  g_task_set_task_data (task, query, (GDestroyNotify) query_task_free);
  g_task_run_in_thread (task, query_thread);
}

/**
 * amends_case_list_new_async:
 *
 * Like amends_case_list_new(), with the query run in a thread, so that
 * searching a large database as someone types never blocks the window.
 */
void
amends_case_list_new_async (AmendsStore            *store,
                            const AmendsCaseFilter *filter,
                            GCancellable           *cancellable,
                            GAsyncReadyCallback     callback,
                            gpointer                user_data)
{
  g_autoptr(AmendsCaseReader) reader = NULL;
  g_autofree char *uri = NULL;

  g_return_if_fail (AMENDS_IS_STORE (store));

  uri = amends_store_dup_reader_uri (store);
  reader = amends_case_reader_new (uri);
  start_new_list (store, reader, filter, NULL, cancellable, callback, user_data);
}

/**
 * amends_case_list_new_from_async:
 * @previous: the list shown until the new one lands
 *
 * Like amends_case_list_new_async(), for the list that takes over from
 * @previous: it reads on @previous's connection, whose cache is warm, and
 * when only the search differs and @previous is up to date, it asks
 * SQLite for the search's hits alone and takes their order from
 * @previous's ids.
 */
void
amends_case_list_new_from_async (AmendsCaseList         *previous,
                                 const AmendsCaseFilter *filter,
                                 GCancellable           *cancellable,
                                 GAsyncReadyCallback     callback,
                                 gpointer                user_data)
{
  g_return_if_fail (AMENDS_IS_CASE_LIST (previous));
  g_return_if_fail (previous->store != NULL);

  start_new_list (previous->store, previous->reader, filter, previous,
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
  g_autoptr(AmendsStore) store = NULL;
  QueryTask *query;
  AmendsCaseList *self;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  if (!(ids = g_task_propagate_pointer (G_TASK (result), error)))
    return NULL;

  query = g_task_get_task_data (G_TASK (result));
  if (!(store = g_weak_ref_get (&query->store)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                           "The database was closed while the cases were being read.");
      return NULL;
    }

  self = create_list (store, &query->filter, query->reader);
  start_following (self, ids);

  /* The store committed while the ids were read: they may be behind. */
  if (store_generation (store) != query->generation)
    refresh (self);

  return self;
}

AmendsStore *
amends_case_list_get_store (AmendsCaseList *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_LIST (self), NULL);

  return self->store;
}

/**
 * amends_case_list_find:
 *
 * Returns: the position of the case, or %GTK_INVALID_LIST_POSITION
 *   (G_MAXUINT) when the list does not show it
 */
guint
amends_case_list_find (AmendsCaseList *self,
                       gint64          case_id)
{
  const gint64 *ids;

  g_return_val_if_fail (AMENDS_IS_CASE_LIST (self), G_MAXUINT);

  ids = (const gint64 *) (gpointer) self->ids->data;
  for (guint i = 0; i < self->ids->len; i++)
    {
      if (ids[i] == case_id)
        return i;
    }

  return G_MAXUINT;
}

/**
 * amends_case_list_refresh:
 *
 * Reads the ids again, in a thread, for when something besides a change
 * in the store moves cases (time passing makes cases overdue);
 * ::items-changed then names the span that differs, and
 * #AmendsCaseList:refreshing says when that is done.
 */
void
amends_case_list_refresh (AmendsCaseList *self)
{
  g_return_if_fail (AMENDS_IS_CASE_LIST (self));

  if (self->store != NULL)
    refresh (self);
}

/**
 * amends_case_list_get_refreshing:
 *
 * Returns: %TRUE while the ids are being read again after a change
 */
gboolean
amends_case_list_get_refreshing (AmendsCaseList *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_LIST (self), FALSE);

  return self->refresh_cancellable != NULL;
}

/**
 * amends_case_list_get_n_refreshes:
 *
 * Returns: how many times the ids were read again (in a thread) since the
 *   list was made; lets tests check that commits are coalesced
 */
guint
amends_case_list_get_n_refreshes (AmendsCaseList *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_LIST (self), 0);

  return self->n_refreshes;
}

/**
 * amends_case_list_get_rows_loaded:
 *
 * Returns: how many cases this list has read from the store so far; lets
 *   tests and benchmarks check that it reads only what is asked for
 */
guint64
amends_case_list_get_rows_loaded (AmendsCaseList *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_LIST (self), 0);

  return self->rows_loaded;
}

guint
amends_case_list_get_n_open (AmendsCaseList *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_LIST (self), 0);

  return self->n_open;
}

guint
amends_case_list_get_n_overdue (AmendsCaseList *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_LIST (self), 0);

  return self->n_overdue;
}

/**
 * amends_case_list_get_id:
 *
 * Returns: the id of the case at @position, without reading the case; 0
 *   when @position is past the end
 */
gint64
amends_case_list_get_id (AmendsCaseList *self,
                         guint           position)
{
  g_return_val_if_fail (AMENDS_IS_CASE_LIST (self), 0);

  if (position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, position);
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
