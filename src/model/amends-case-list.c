/* amends-case-list.c: the cases, filtered and sorted, read lazily from a source
 *
 * The list's source (an AmendsCaseSource: the store, whose query is in
 * store/amends-store-case-ids.c) gives the ids of the cases in order;
 * that array is all the list holds of a million rows (8 bytes a case).
 * A list is made with its ids (amends-case-list-new.c).  A case is read
 * only when a view asks for its position, a page of neighbours at a
 * time, and kept in a bounded cache of the most recently used
 * (amends-case-cache.c).
 *
 * When the source commits a change, cached cases are refreshed in place
 * at once (so rows on screen follow; one row is one quick read), and the
 * ids are queried again off the main thread: 0.1 s at a million cases,
 * too long to hold the window.  One such refresh runs at a time; commits
 * while it runs make it run once more after, however many they are.  When it lands, ::items-changed names only the span
 * between the first and the last position that differ, and
 * #AmendsCaseList:refreshing goes back to %FALSE.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-case-list"

#include "config.h"

#include "amends-case-list.h"

#include "amends-case-list-private.h"

#include "amends-action.h"
#include "amends-case-cache.h"
#include "amends-customer.h"
#include "amends-staff.h"

/* 16 pages: a few screens' worth either side of the rows shown. */
#define CACHE_SIZE 1024

struct _AmendsCaseList
{
  GObject           parent_instance;

  AmendsCaseSource *source;
  AmendsCaseFilter  filter;
  GArray           *ids;
  /* What the source last gave, ids and counts; and for a search that
   * follows, what it may reuse */
  AmendsCaseIds    *current;
  guint             n_open;
  guint             n_overdue;
  AmendsCaseCache  *cache;

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
  PROP_SOURCE,
  PROP_N_ITEMS,
  PROP_N_OPEN,
  PROP_N_OVERDUE,
  PROP_REFRESHING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

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

  if (position >= self->ids->len)
    return NULL;

  return amends_case_cache_get (self->cache, self->source, self->ids, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = amends_case_list_get_item_type;
  iface->get_n_items = amends_case_list_get_n_items;
  iface->get_item = amends_case_list_get_item;
}
/* Takes @ids, and says what changed: the span between the first and the
 * last position that differ, and the counts. */
static void
take_ids (AmendsCaseList *self,
          AmendsCaseIds  *ids)
{
  g_autoptr(GArray) old_ids = g_steal_pointer (&self->ids);
  GArray *new_ids;
  guint prefix = 0;
  guint suffix = 0;
  guint old_n, new_n;

  self->ids = new_ids = g_array_ref (ids->ids);
  g_clear_pointer (&self->current, amends_case_ids_free);
  self->current = ids;

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

static void refresh (AmendsCaseList *self);

static void
on_refreshed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AmendsCaseListQuery) query = user_data;
  g_autoptr(AmendsCaseList) self = g_weak_ref_get (&query->list);
  AmendsCaseIds *ids;
  g_autoptr(GError) error = NULL;

  /* Disposed while the query ran (the result goes with the task). */
  if (self == NULL)
    return;

  ids = amends_case_source_query_ids_finish (self->source, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
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
  gboolean was_refreshing = self->refresh_cancellable != NULL;
  AmendsCaseListQuery *query;

  self->dirty = FALSE;
  if (was_refreshing)
    {
      self->again = TRUE;
      return;
    }
  self->again = FALSE;
  self->n_refreshes++;

  query = amends_case_list_query_new (self->source, &self->filter);
  g_weak_ref_set (&query->list, self);
  self->refresh_cancellable = g_cancellable_new ();

  amends_case_source_query_ids_async (self->source, &self->filter, NULL,
                                      self->refresh_cancellable, on_refreshed_cb, query);

  if (!was_refreshing)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REFRESHING]);
}

static void
on_record_changed_cb (AmendsCaseList   *self,
                      GType             type,
                      gint64            id,
                      AmendsCaseSource *source)
{
  if (type == AMENDS_TYPE_CASE)
    {
      amends_case_cache_reload (self->cache, self->source, id);
      self->dirty = TRUE;
    }
  else if (type == AMENDS_TYPE_CUSTOMER || type == AMENDS_TYPE_STAFF)
    {
      amends_case_cache_reload_referring (self->cache, self->source, type, id);
      /* A new customer name can make a case match the search. */
      if (self->filter.query != NULL)
        self->dirty = TRUE;
    }
  else if (type == AMENDS_TYPE_ACTION && self->filter.query != NULL)
    self->dirty = TRUE;
}

static void
on_changes_committed_cb (AmendsCaseList   *self,
                         AmendsCaseSource *source)
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
  if (self->source != NULL)
    {
      g_clear_signal_handler (&self->record_changed_id, self->source);
      g_clear_signal_handler (&self->committed_id, self->source);
    }
  g_clear_object (&self->source);
  amends_case_cache_clear (self->cache);

  G_OBJECT_CLASS (amends_case_list_parent_class)->dispose (object);
}

static void
amends_case_list_finalize (GObject *object)
{
  AmendsCaseList *self = (AmendsCaseList *)object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->current, amends_case_ids_free);
  g_clear_pointer (&self->cache, amends_case_cache_free);
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
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
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

  properties [PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL,
                         AMENDS_TYPE_CASE_SOURCE,
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
  self->cache = amends_case_cache_new (CACHE_SIZE);
}

/* A list that does not follow its source yet, with no ids. */
AmendsCaseList *
amends_case_list_create (AmendsCaseSource       *source,
                         const AmendsCaseFilter *filter)
{
  AmendsCaseList *self;

  self = g_object_new (AMENDS_TYPE_CASE_LIST, NULL);
  self->source = g_object_ref (source);
  amends_case_filter_copy (&self->filter, filter);

  return self;
}

/* Takes @ids and starts following the source. */
void
amends_case_list_start_following (AmendsCaseList *self,
                                  AmendsCaseIds  *ids)
{
  g_clear_pointer (&self->ids, g_array_unref);
  take_ids (self, ids);

  self->record_changed_id =
    g_signal_connect_object (self->source, "record-changed",
                             G_CALLBACK (on_record_changed_cb), self,
                             G_CONNECT_SWAPPED);
  self->committed_id =
    g_signal_connect_object (self->source, "changes-committed",
                             G_CALLBACK (on_changes_committed_cb), self,
                             G_CONNECT_SWAPPED);
}

/* What a search that follows may reuse of the list: its ids, unless a
 * change may have moved them. */
const AmendsCaseIds *
amends_case_list_get_reusable_ids (AmendsCaseList *self)
{
  gboolean up_to_date = !self->dirty && self->refresh_cancellable == NULL;

  return up_to_date ? self->current : NULL;
}

/**
 * amends_case_list_get_source:
 *
 * Returns: (transfer none): where the list reads its cases
 */
AmendsCaseSource *
amends_case_list_get_source (AmendsCaseList *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_LIST (self), NULL);

  return self->source;
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

  if (self->source != NULL)
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

  return amends_case_cache_get_rows_loaded (self->cache);
}

/**
 * amends_case_list_get_n_pages_read:
 *
 * Returns: how many times this list asked its source for a page of
 *   cases; with amends_case_list_get_rows_loaded(), lets tests check
 *   that a page is read in one go
 */
guint
amends_case_list_get_n_pages_read (AmendsCaseList *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_LIST (self), 0);

  return amends_case_cache_get_n_pages_read (self->cache);
}

/**
 * amends_case_list_get_n_cached:
 *
 * Returns: how many cases the list keeps read; for tests of its bound
 */
guint
amends_case_list_get_n_cached (AmendsCaseList *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_LIST (self), 0);

  return amends_case_cache_get_size (self->cache);
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
