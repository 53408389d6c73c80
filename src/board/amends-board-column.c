/* amends-board-column.c: the stories of one column of the board, by id
 *
 * A column can hold tens of thousands of stories at a large desk.  The
 * model holds only their ids and order keys, read by a worker thread
 * (amends_board_reader_read()); a story is read by its id when the list
 * view asks for it, one row, and kept while it is wanted.  A change to one
 * story moves one entry: nothing is read again but that story's row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-board-column"

#include "config.h"

#include "amends-board-column.h"

/* Stories kept once read: the cards on screen and some around them. */
#define MAX_CACHED 512

struct _AmendsBoardColumn
{
  GObject      parent_instance;

  AmendsStore *store;
  GArray      *entries;     /* AmendsBoardEntry, the greatest key first */
  GHashTable  *cache;       /* story id → AmendsStory */
};

static void amends_board_column_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AmendsBoardColumn, amends_board_column, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      amends_board_column_list_model_init))

static GType
amends_board_column_get_item_type (GListModel *model)
{
  return AMENDS_TYPE_STORY;
}

static guint
amends_board_column_get_n_items (GListModel *model)
{
  return AMENDS_BOARD_COLUMN (model)->entries->len;
}

static gpointer
amends_board_column_get_item (GListModel *model,
                              guint       position)
{
  AmendsBoardColumn *self = AMENDS_BOARD_COLUMN (model);
  const AmendsBoardEntry *entry;
  AmendsStory *story;
  g_autoptr(GError) error = NULL;

  if (position >= self->entries->len)
    return NULL;

  entry = &g_array_index (self->entries, AmendsBoardEntry, position);
  story = g_hash_table_lookup (self->cache, &entry->story_id);
  if (story != NULL)
    return g_object_ref (story);

  story = amends_store_load (self->store, AMENDS_TYPE_STORY, entry->story_id, &error);
  if (story == NULL)
    {
      /* Gone since the list was read: an empty story stands in until the
       * change reaches the board and takes it out. */
      g_debug ("Story %" G_GINT64_FORMAT " could not be read: %s", entry->story_id, error->message);
      return amends_story_new ();
    }

  if (g_hash_table_size (self->cache) >= MAX_CACHED)
    g_hash_table_remove_all (self->cache);
  g_hash_table_insert (self->cache, g_memdup2 (&entry->story_id, sizeof (gint64)), g_object_ref (story));

  return story;
}

static void
amends_board_column_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = amends_board_column_get_item_type;
  iface->get_n_items = amends_board_column_get_n_items;
  iface->get_item = amends_board_column_get_item;
}

static void
amends_board_column_finalize (GObject *object)
{
  AmendsBoardColumn *self = (AmendsBoardColumn *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);

  G_OBJECT_CLASS (amends_board_column_parent_class)->finalize (object);
}

static void
amends_board_column_class_init (AmendsBoardColumnClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = amends_board_column_finalize;
}

static void
amends_board_column_init (AmendsBoardColumn *self)
{
  self->entries = g_array_new (FALSE, FALSE, sizeof (AmendsBoardEntry));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

AmendsBoardColumn *
amends_board_column_new (AmendsStore *store)
{
  AmendsBoardColumn *self;

  g_return_val_if_fail (store == NULL || AMENDS_IS_STORE (store), NULL);

  self = g_object_new (AMENDS_TYPE_BOARD_COLUMN, NULL);
  self->store = store ? g_object_ref (store) : NULL;

  return self;
}

/**
 * amends_board_column_set_entries:
 * @entries: (transfer none): #AmendsBoardEntry in the board's order
 *
 * Takes a whole new list: announced as all removed, then all added, so
 * that the view builds only the cards it shows (TECH-NOTES.md).
 */
void
amends_board_column_set_entries (AmendsBoardColumn *self,
                                 GArray            *entries)
{
  guint removed;

  g_return_if_fail (AMENDS_IS_BOARD_COLUMN (self));

  removed = self->entries->len;
  g_array_set_size (self->entries, 0);
  g_hash_table_remove_all (self->cache);
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);

  if (entries != NULL && entries->len > 0)
    {
      g_array_append_vals (self->entries, entries->data, entries->len);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, entries->len);
    }
}

int
amends_board_column_find_story (AmendsBoardColumn *self,
                                gint64             story_id)
{
  g_return_val_if_fail (AMENDS_IS_BOARD_COLUMN (self), -1);

  for (guint i = 0; i < self->entries->len; i++)
    if (g_array_index (self->entries, AmendsBoardEntry, i).story_id == story_id)
      return (int) i;

  return -1;
}

int
amends_board_column_find_case (AmendsBoardColumn *self,
                               gint64             case_id)
{
  g_return_val_if_fail (AMENDS_IS_BOARD_COLUMN (self), -1);

  for (guint i = 0; i < self->entries->len; i++)
    if (g_array_index (self->entries, AmendsBoardEntry, i).case_id == case_id)
      return (int) i;

  return -1;
}

const AmendsBoardEntry *
amends_board_column_get_entry (AmendsBoardColumn *self,
                               guint              position)
{
  g_return_val_if_fail (AMENDS_IS_BOARD_COLUMN (self), NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);

  return &g_array_index (self->entries, AmendsBoardEntry, position);
}

void
amends_board_column_remove (AmendsBoardColumn *self,
                            guint              position)
{
  gint64 story_id;

  g_return_if_fail (AMENDS_IS_BOARD_COLUMN (self));
  g_return_if_fail (position < self->entries->len);

  story_id = g_array_index (self->entries, AmendsBoardEntry, position).story_id;
  g_hash_table_remove (self->cache, &story_id);
  g_array_remove_index (self->entries, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

static gboolean
comes_before (const AmendsBoardEntry *a,
              const AmendsBoardEntry *b)
{
  return a->key > b->key || (a->key == b->key && a->story_id > b->story_id);
}

/* Where an entry goes in the order: a binary search. */
void
amends_board_column_insert (AmendsBoardColumn      *self,
                            const AmendsBoardEntry *entry)
{
  guint low = 0, high;

  g_return_if_fail (AMENDS_IS_BOARD_COLUMN (self));
  g_return_if_fail (entry != NULL);

  high = self->entries->len;
  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (comes_before (&g_array_index (self->entries, AmendsBoardEntry, mid), entry))
        low = mid + 1;
      else
        high = mid;
    }

  g_hash_table_remove (self->cache, &entry->story_id);
  g_array_insert_val (self->entries, low, *entry);
  g_list_model_items_changed (G_LIST_MODEL (self), low, 0, 1);
}

/**
 * amends_board_column_peek_story:
 *
 * Returns: (transfer none) (nullable): the story of @story_id if it has
 *   been read since it last moved (its card may show it), else %NULL
 */
AmendsStory *
amends_board_column_peek_story (AmendsBoardColumn *self,
                                gint64             story_id)
{
  g_return_val_if_fail (AMENDS_IS_BOARD_COLUMN (self), NULL);

  return g_hash_table_lookup (self->cache, &story_id);
}
