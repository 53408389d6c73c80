/* amends-board-view-sync.c: the board read in a worker, then kept up to date
 *
 * The columns are read whole once, when the board is first shown, by a
 * worker thread on a connection of its own (a large desk has tens of
 * thousands of stories); they hold ids, and a story is read when its card
 * is shown.  After that a change touches only what it changed: the cases
 * and stories the store names are looked at one row each, a case that
 * became a candidate gets its story, and each story moves to where it now
 * belongs.  Changes made while the board is out of sight wait for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-board-view"

#include "config.h"

#include "amends-board-view-private.h"
#include "amends-store-stories.h"

/* More changes than this at once (an import, another program's batch) are
 * read whole again by the worker rather than one by one. */
#define MAX_CHANGES 1000
/* Missing candidates made at a time, between frames. */
#define CANDIDATES_AT_A_TIME 64

gboolean
amends_board_view_is_shown (AmendsBoardView *self)
{
  return self->store != NULL && gtk_widget_get_mapped (GTK_WIDGET (self));
}

/* Making the candidates the worker found missing, a few at a time between
 * frames; each is one case read by its id and one story written, which
 * the store then announces like any other change. */
static gboolean
make_candidates_cb (gpointer user_data)
{
  AmendsBoardView *self = user_data;
  g_autoptr(GError) error = NULL;
  guint n;

  if (self->missing == NULL || !amends_board_view_is_shown (self))
    {
      self->missing_source = 0;
      return G_SOURCE_REMOVE;
    }

  n = MIN (CANDIDATES_AT_A_TIME, self->missing->len - self->missing_done);
  if (!amends_store_refresh_candidates_of (self->store,
                                           &g_array_index (self->missing, gint64, self->missing_done),
                                           n, NULL, &error))
    {
      amends_board_view_show_error (self, error);
      n = self->missing->len - self->missing_done;
    }

  self->missing_done += n;
  if (self->missing_done < self->missing->len)
    return G_SOURCE_CONTINUE;

  g_clear_pointer (&self->missing, g_array_unref);
  self->missing_source = 0;
  return G_SOURCE_REMOVE;
}

void
amends_board_view_resume_making_candidates (AmendsBoardView *self)
{
  if (self->missing != NULL && self->missing_source == 0 && amends_board_view_is_shown (self))
    self->missing_source = g_idle_add_full (G_PRIORITY_LOW, make_candidates_cb, self, NULL);
}

typedef struct
{
  GArray *columns[N_COLUMNS];
  GArray *missing;
} BoardRead;

static void
board_read_free (BoardRead *read)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_pointer (&read->columns[i], g_array_unref);
  g_clear_pointer (&read->missing, g_array_unref);
  g_free (read);
}

static void
read_board_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  AmendsBoardReader *reader = task_data;
  BoardRead *read = g_new0 (BoardRead, 1);
  GError *error = NULL;

  G_STATIC_ASSERT (N_COLUMNS == 3);
  if (!amends_board_reader_read (reader, read->columns, &read->missing, cancellable, &error))
    {
      board_read_free (read);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, read, (GDestroyNotify) board_read_free);
}

static void
on_board_read_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AmendsBoardView *self = AMENDS_BOARD_VIEW (source);
  g_autoptr(GError) error = NULL;
  BoardRead *read = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->reading);

  if (read == NULL)
    {
      amends_board_view_show_error (self, error);
      return;
    }

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      if (read->columns[i]->len > 0)
        amends_board_lane_show_list (self->columns[i].lane);
      amends_board_column_set_entries (self->columns[i].stories, read->columns[i]);
      amends_board_lane_update (self->columns[i].lane);
    }
  amends_board_view_update_hint (self);

  g_clear_pointer (&self->missing, g_array_unref);
  g_clear_handle_id (&self->missing_source, g_source_remove);
  if (read->missing->len > 0)
    {
      self->missing = g_steal_pointer (&read->missing);
      self->missing_done = 0;
      amends_board_view_resume_making_candidates (self);
    }
  board_read_free (read);

  /* What changed while the worker read. */
  if (g_hash_table_size (self->changed_cases) > 0 || g_hash_table_size (self->changed_stories) > 0)
    amends_board_view_schedule_flush (self);
  if (self->focus_story_id != 0)
    amends_board_view_focus_moved_card (self);
}

/* Reads the whole board again, in a worker; a read still running is
 * superseded. */
void
amends_board_view_start_reading (AmendsBoardView *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_clear_handle_id (&self->flush_source, g_source_remove);

  /* Whatever changed until now, the worker's snapshot has. */
  self->stale = FALSE;
  g_hash_table_remove_all (self->changed_cases);
  g_hash_table_remove_all (self->changed_stories);

  self->reading = g_cancellable_new ();
  task = g_task_new (self, self->reading, on_board_read_cb, NULL);
  g_task_set_source_tag (task, amends_board_view_start_reading);
  g_task_set_task_data (task, amends_board_reader_new (self->store), (GDestroyNotify) amends_board_reader_free);
  g_task_run_in_thread (task, read_board_thread);
}

/* A story that stays where it is: the one read for its card is read
 * again, and its card, if one is on screen, shows it and its case anew.
 * Nothing else moves: an items-changed here would make GTK 4.8 lay out
 * every card of the column again (100 to 250 ms at 64,000 candidates). */
static void
refresh_story (AmendsBoardView *self,
               Column          *column,
               gint64           story_id)
{
  AmendsStory *story = amends_board_column_peek_story (column->stories, story_id);

  if (story == NULL)
    return;

  amends_store_reload (self->store, AMENDS_RECORD (story), NULL);
  amends_board_lane_update_card (column->lane, story);
}

/* Puts one story where it belongs now, from its one row. */
static void
place_story (AmendsBoardView *self,
             gint64           story_id,
             gint64           case_id)
{
  g_autoptr(GError) error = NULL;
  AmendsBoardEntry entry;
  Column *target;

  if (!amends_store_read_board_entry (self->store, story_id, case_id, &entry, &error))
    {
      amends_board_view_show_error (self, error);
      return;
    }

  target = entry.story_id != 0 && entry.shown ? amends_board_view_column_for_stage (self, entry.stage) : NULL;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      Column *column = &self->columns[i];
      int pos = story_id != 0
                ? amends_board_column_find_story (column->stories, story_id)
                : amends_board_column_find_case (column->stories, case_id);
      const AmendsBoardEntry *old;

      if (pos < 0)
        continue;

      old = amends_board_column_get_entry (column->stories, pos);
      if (column == target && old->story_id == entry.story_id && old->key == entry.key)
        {
          refresh_story (self, column, entry.story_id);
          return;
        }

      amends_board_column_remove (column->stories, pos);
      amends_board_lane_update (column->lane);
    }

  if (target != NULL)
    {
      amends_board_column_insert (target->stories, &entry);
      amends_board_lane_update (target->lane);
    }
}

static GArray *
steal_ids (GHashTable *set)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_hash_table_size (set));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  g_hash_table_remove_all (set);

  return ids;
}

static gboolean
flush_cb (gpointer user_data)
{
  AmendsBoardView *self = user_data;
  g_autoptr(GArray) cases = NULL;
  g_autoptr(GArray) stories = NULL;
  g_autoptr(GError) error = NULL;

  self->flush_source = 0;

  /* Out of sight, or the worker reads: it catches up later. */
  if (!amends_board_view_is_shown (self) || self->reading != NULL)
    return G_SOURCE_REMOVE;

  if (self->stale ||
      g_hash_table_size (self->changed_cases) + g_hash_table_size (self->changed_stories) > MAX_CHANGES)
    {
      amends_board_view_start_reading (self);
      return G_SOURCE_REMOVE;
    }

  /* A case that changed may have become a candidate: its story is made
   * now, and announced into changed_stories as it is committed. */
  cases = steal_ids (self->changed_cases);
  if (!amends_store_refresh_candidates_of (self->store, (const gint64 *) (gpointer) cases->data,
                                           cases->len, NULL, &error))
    amends_board_view_show_error (self, error);

  for (guint i = 0; i < cases->len; i++)
    place_story (self, 0, g_array_index (cases, gint64, i));

  stories = steal_ids (self->changed_stories);
  for (guint i = 0; i < stories->len; i++)
    place_story (self, g_array_index (stories, gint64, i), 0);
  amends_board_view_update_hint (self);

  if (self->focus_story_id != 0)
    amends_board_view_focus_moved_card (self);

  return G_SOURCE_REMOVE;
}

/* Not at once: the commit may come from inside a card's own action, and
 * moving a story takes its card away.  Once for all the changes that
 * arrive before the main loop is next idle. */
void
amends_board_view_schedule_flush (AmendsBoardView *self)
{
  if (self->flush_source == 0 && amends_board_view_is_shown (self))
    self->flush_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, flush_cb, self, NULL);
}

static void
add_id (GHashTable *set,
        gint64      id)
{
  g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

void
amends_board_view_record_changed_cb (AmendsBoardView *self,
                      GType            type,
                      gint64           id,
                      AmendsStore     *store)
{
  if (type == AMENDS_TYPE_CASE)
    add_id (self->changed_cases, id);
  else if (type == AMENDS_TYPE_STORY)
    add_id (self->changed_stories, id);
}

void
amends_board_view_changes_committed_cb (AmendsBoardView *self,
                         AmendsStore     *store)
{
  /* Nor while the board is out of sight: the case editor saves as a
   * person types; map catches up. */
  if (g_hash_table_size (self->changed_cases) > 0 || g_hash_table_size (self->changed_stories) > 0)
    amends_board_view_schedule_flush (self);
}
