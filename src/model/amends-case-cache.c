/* amends-case-cache.c: the cases a list has read, the most recent kept
 *
 * A list of cases holds only ids (amends-case-list.c).  When a view asks
 * for the case at a position, the cache reads the page around it: the
 * neighbours are what the view asks for next, as it scrolls.  The page
 * is read from the source in one go (the store: one SELECT of its ids),
 * not a read a case, which at a million cases cost a few milliseconds of
 * the main thread a page.
 *
 * The cases are kept in the order they were last asked for, and the
 * least recent go once there are more than the capacity: a list that is
 * scrolled from end to end keeps a bounded number of cases, not the
 * million it showed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-case-cache"

#include "config.h"

#include "amends-case-cache.h"

#include "amends-customer.h"

struct _AmendsCaseCache
{
  guint       capacity;
  GHashTable *links;        /* id → GList link in lru */
  GQueue      lru;          /* AmendsCase, most recent first */
  guint64     rows_loaded;
  guint       n_pages_read;
};

/**
 * amends_case_cache_new:
 * @capacity: how many cases it keeps at most
 */
AmendsCaseCache *
amends_case_cache_new (guint capacity)
{
  AmendsCaseCache *self = g_new0 (AmendsCaseCache, 1);

  g_return_val_if_fail (capacity >= AMENDS_CASE_CACHE_PAGE_SIZE, NULL);

  self->capacity = capacity;
  self->links = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_queue_init (&self->lru);

  return self;
}

void
amends_case_cache_free (AmendsCaseCache *self)
{
  if (self == NULL)
    return;

  amends_case_cache_clear (self);
  g_hash_table_unref (self->links);
  g_free (self);
}

static void
cache_remove (AmendsCaseCache *self,
              gint64           id)
{
  GList *link = g_hash_table_lookup (self->links, &id);

  if (link == NULL)
    return;

  g_hash_table_remove (self->links, &id);
  g_object_unref (link->data);
  g_queue_delete_link (&self->lru, link);
}

static AmendsCase *
cache_lookup (AmendsCaseCache *self,
              gint64           id)
{
  GList *link = g_hash_table_lookup (self->links, &id);

  if (link == NULL)
    return NULL;

  g_queue_unlink (&self->lru, link);
  g_queue_push_head_link (&self->lru, link);

  return link->data;
}

/* Takes @kase. */
static void
cache_insert (AmendsCaseCache *self,
              AmendsCase      *kase)
{
  gint64 *key = g_new (gint64, 1);

  *key = amends_record_get_id (AMENDS_RECORD (kase));
  g_queue_push_head (&self->lru, kase);
  g_hash_table_insert (self->links, key, self->lru.head);

  while (self->lru.length > self->capacity)
    cache_remove (self, amends_record_get_id (AMENDS_RECORD (self->lru.tail->data)));
}

/* Another program removed it since the ids were read: an empty row until
 * the list's next refresh, rather than a view that fails. */
static AmendsCase *
missing_case (gint64 id)
{
  AmendsCase *kase = amends_case_new ();

  amends_record_set_id (AMENDS_RECORD (kase), id);
  return kase;
}

/* Reads the page of @ids around @position, but for the cases cached. */
static void
load_page (AmendsCaseCache  *self,
           AmendsCaseSource *source,
           GArray           *ids,
           guint             position)
{
  guint first = position - position % AMENDS_CASE_CACHE_PAGE_SIZE;
  guint last = MIN (first + AMENDS_CASE_CACHE_PAGE_SIZE, ids->len);
  g_autoptr(GArray) wanted = g_array_sized_new (FALSE, FALSE, sizeof (gint64), last - first);
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = first; i < last; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (cache_lookup (self, id) == NULL)
        g_array_append_val (wanted, id);
    }
  if (wanted->len == 0)
    return;

  self->n_pages_read++;
  cases = amends_case_source_load_cases (source, (const gint64 *) (gpointer) wanted->data,
                                         wanted->len, &error);
  if (cases == NULL)
    g_debug ("A page of cases could not be read: %s", error->message);
  for (guint i = 0; cases != NULL && i < cases->len; i++)
    {
      AmendsCase *kase = g_ptr_array_index (cases, i);
      gint64 id = amends_record_get_id (AMENDS_RECORD (kase));

      g_hash_table_insert (found, g_memdup2 (&id, sizeof id), g_object_ref (kase));
    }

  /* In page order, so that the page's own cases never push each other
   * out, and what was asked for is the most recent. */
  for (guint i = 0; i < wanted->len; i++)
    {
      gint64 id = g_array_index (wanted, gint64, i);
      AmendsCase *kase = g_hash_table_lookup (found, &id);

      cache_insert (self, kase != NULL ? g_object_ref (kase) : missing_case (id));
      self->rows_loaded++;
    }
}

/**
 * amends_case_cache_get:
 * @ids: the list's ids, in order
 *
 * Returns: (transfer full): the case at @position of @ids, read with
 *   its page when it is not cached
 */
AmendsCase *
amends_case_cache_get (AmendsCaseCache  *self,
                       AmendsCaseSource *source,
                       GArray           *ids,
                       guint             position)
{
  AmendsCase *kase;
  gint64 id;

  g_return_val_if_fail (position < ids->len, NULL);

  id = g_array_index (ids, gint64, position);
  kase = cache_lookup (self, id);
  if (kase == NULL)
    {
      load_page (self, source, ids, position);
      kase = cache_lookup (self, id);
    }

  return g_object_ref (kase);
}

/**
 * amends_case_cache_reload:
 *
 * Reads the case again into the object cached, so that rows showing it
 * follow; a case that is gone leaves the cache.
 */
void
amends_case_cache_reload (AmendsCaseCache  *self,
                          AmendsCaseSource *source,
                          gint64            id)
{
  AmendsCase *kase = cache_lookup (self, id);
  g_autoptr(GError) error = NULL;

  if (kase != NULL && !amends_case_source_reload_case (source, kase, &error))
    cache_remove (self, id);
}

/**
 * amends_case_cache_reload_referring:
 * @type: %AMENDS_TYPE_CUSTOMER or %AMENDS_TYPE_STAFF
 *
 * Reads again the cached cases of the customer or the owner @id: a
 * changed name shows on every row that has it.
 */
void
amends_case_cache_reload_referring (AmendsCaseCache  *self,
                                    AmendsCaseSource *source,
                                    GType             type,
                                    gint64            id)
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
    amends_case_cache_reload (self, source, g_array_index (stale, gint64, i));
}

void
amends_case_cache_clear (AmendsCaseCache *self)
{
  g_hash_table_remove_all (self->links);
  g_queue_clear_full (&self->lru, g_object_unref);
}

/**
 * amends_case_cache_get_size:
 *
 * Returns: how many cases are cached; never more than the capacity
 */
guint
amends_case_cache_get_size (AmendsCaseCache *self)
{
  return self->lru.length;
}

/**
 * amends_case_cache_get_rows_loaded:
 *
 * Returns: how many cases were read from the source so far
 */
guint64
amends_case_cache_get_rows_loaded (AmendsCaseCache *self)
{
  return self->rows_loaded;
}

/**
 * amends_case_cache_get_n_pages_read:
 *
 * Returns: how many times the cache asked its source for a page
 */
guint
amends_case_cache_get_n_pages_read (AmendsCaseCache *self)
{
  return self->n_pages_read;
}
