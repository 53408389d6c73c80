/* amends-board-view.c: the storytelling board: candidates, drafted, told
 *
 * Three columns, each a GtkListView over the stories at one stage, so that
 * only the cards on screen are built.  Every move, whether it comes from a
 * card's menu, its keyboard shortcut or a drop, ends in
 * amends_board_view_move_story(), which saves at once and offers to undo.
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

#include "config.h"

#include <glib/gi18n.h>

#include "amends-board-view.h"
#include "amends-board-column.h"
#include "amends-store-stories.h"
#include "amends-story-card.h"

#define N_COLUMNS 3
/* How many frames to wait for a moved card to be built before giving up
 * on putting the focus back on it. */
#define FOCUS_TRIES 10
/* More changes than this at once (an import, another program's batch) are
 * read whole again by the worker rather than one by one. */
#define MAX_CHANGES 1000
/* Missing candidates made at a time, between frames. */
#define CANDIDATES_AT_A_TIME 64

typedef struct
{
  AmendsStoryStage          stage;
  GtkWidget                *column;
  GtkLabel                 *count;
  GtkStack                 *stack;
  GtkListView              *list;
  GtkSignalListItemFactory *factory;
  AmendsBoardColumn        *stories;
} Column;

struct _AmendsBoardView
{
  GtkWidget        parent_instance;

  AmendsStore     *store;
  Column           columns[N_COLUMNS];

  /* What changed since the board last looked: ids, as sets. */
  GHashTable      *changed_cases;
  GHashTable      *changed_stories;
  gboolean         stale;               /* to be read whole */
  guint            flush_source;
  GCancellable    *reading;             /* the worker's, while it reads */
  GArray          *missing;             /* cases to make candidates of */
  guint            missing_done;
  guint            missing_source;

  /* The last move, for undo */
  gint64           undo_story_id;
  AmendsStoryStage undo_stage;
  GDateTime       *undo_told_at;
  AdwToast        *undo_toast;          /* weak */

  /* A card moved from the keyboard keeps the focus in its new column. */
  gint64           focus_story_id;
  guint            focus_tick;
  guint            focus_tries;
};

G_DEFINE_FINAL_TYPE (AmendsBoardView, amends_board_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  EDIT_STORY,
  TOAST,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static Column *
column_for_stage (AmendsBoardView  *self,
                  AmendsStoryStage  stage)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    if (self->columns[i].stage == stage)
      return &self->columns[i];

  return NULL;
}

static void
show_toast (AmendsBoardView *self,
            AdwToast        *toast)
{
  GtkWidget *overlay;

  if (g_signal_has_handler_pending (self, signals [TOAST], 0, FALSE))
    {
      g_signal_emit (self, signals [TOAST], 0, toast);
      return;
    }

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (toast));
  else
    g_message ("%s", adw_toast_get_title (toast));
}

static void
show_error (AmendsBoardView *self,
            const GError    *error)
{
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  toast = adw_toast_new (escaped);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  show_toast (self, toast);
}

static void
update_column (AmendsBoardView *self,
               Column          *column)
{
  guint n = column->stories ? g_list_model_get_n_items (G_LIST_MODEL (column->stories)) : 0;
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *label = NULL;
  const char *heading = gtk_label_get_text (GTK_LABEL (gtk_widget_get_prev_sibling (GTK_WIDGET (column->count))));

  gtk_label_set_text (column->count, count);
  gtk_stack_set_visible_child_name (column->stack, n > 0 ? "list" : "empty");

  /* Translators: a column of the storytelling board and how many stories
   * it holds, such as "Drafted, 3 stories" */
  label = g_strdup_printf (ngettext ("%s, %u story", "%s, %u stories", n), heading, n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (column->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (column->count),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static gboolean
focus_moved_card_cb (GtkWidget     *widget,
                     GdkFrameClock *frame_clock,
                     gpointer       user_data)
{
  AmendsBoardView *self = AMENDS_BOARD_VIEW (widget);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkWidget *list = GTK_WIDGET (self->columns[i].list);

      for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
        {
          GtkWidget *card = gtk_widget_get_first_child (row);
          AmendsStory *story;

          if (!AMENDS_IS_STORY_CARD (card) ||
              !(story = amends_story_card_get_story (AMENDS_STORY_CARD (card))) ||
              amends_record_get_id (AMENDS_RECORD (story)) != self->focus_story_id)
            continue;

          gtk_widget_grab_focus (card);
          self->focus_story_id = 0;
          self->focus_tick = 0;
          return G_SOURCE_REMOVE;
        }
    }

  if (++self->focus_tries < FOCUS_TRIES)
    return G_SOURCE_CONTINUE;

  self->focus_story_id = 0;
  self->focus_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
focus_moved_card (AmendsBoardView *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      Column *column = &self->columns[i];
      int pos;

      if (column->stories == NULL ||
          (pos = amends_board_column_find_story (column->stories, self->focus_story_id)) < 0)
        continue;

      /* Makes sure the card is built, however long the column. */
      gtk_widget_activate_action (GTK_WIDGET (column->list), "list.scroll-to-item", "u", (guint) pos);
      self->focus_tries = 0;
      if (self->focus_tick == 0)
        self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_moved_card_cb, NULL, NULL);
      return;
    }

  /* Dismissed: it left the board. */
  self->focus_story_id = 0;
}

static void start_reading (AmendsBoardView *self);
static void schedule_flush (AmendsBoardView *self);

static gboolean
is_shown (AmendsBoardView *self)
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

  if (self->missing == NULL || !is_shown (self))
    {
      self->missing_source = 0;
      return G_SOURCE_REMOVE;
    }

  n = MIN (CANDIDATES_AT_A_TIME, self->missing->len - self->missing_done);
  if (!amends_store_refresh_candidates_of (self->store,
                                           &g_array_index (self->missing, gint64, self->missing_done),
                                           n, NULL, &error))
    {
      show_error (self, error);
      n = self->missing->len - self->missing_done;
    }

  self->missing_done += n;
  if (self->missing_done < self->missing->len)
    return G_SOURCE_CONTINUE;

  g_clear_pointer (&self->missing, g_array_unref);
  self->missing_source = 0;
  return G_SOURCE_REMOVE;
}

static void
resume_making_candidates (AmendsBoardView *self)
{
  if (self->missing != NULL && self->missing_source == 0 && is_shown (self))
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
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      /* The list on show before its rows come: a hidden list view that
       * is given rows builds a card for every one of them (GTK 4.8). */
      if (read->columns[i]->len > 0)
        gtk_stack_set_visible_child_name (self->columns[i].stack, "list");
      amends_board_column_set_entries (self->columns[i].stories, read->columns[i]);
      update_column (self, &self->columns[i]);
    }

  g_clear_pointer (&self->missing, g_array_unref);
  g_clear_handle_id (&self->missing_source, g_source_remove);
  if (read->missing->len > 0)
    {
      self->missing = g_steal_pointer (&read->missing);
      self->missing_done = 0;
      resume_making_candidates (self);
    }
  board_read_free (read);

  /* What changed while the worker read. */
  if (g_hash_table_size (self->changed_cases) > 0 || g_hash_table_size (self->changed_stories) > 0)
    schedule_flush (self);
  if (self->focus_story_id != 0)
    focus_moved_card (self);
}

/* Reads the whole board again, in a worker; a read still running is
 * superseded. */
static void
start_reading (AmendsBoardView *self)
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
  g_task_set_source_tag (task, start_reading);
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
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (column->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *card = gtk_widget_get_first_child (row);

      if (AMENDS_IS_STORY_CARD (card) &&
          amends_story_card_get_story (AMENDS_STORY_CARD (card)) == story &&
          gtk_widget_get_mapped (card))
        amends_story_card_update (AMENDS_STORY_CARD (card));
    }
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
      show_error (self, error);
      return;
    }

  target = entry.story_id != 0 && entry.shown ? column_for_stage (self, entry.stage) : NULL;

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
      update_column (self, column);
    }

  if (target != NULL)
    {
      amends_board_column_insert (target->stories, &entry);
      update_column (self, target);
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
  if (!is_shown (self) || self->reading != NULL)
    return G_SOURCE_REMOVE;

  if (self->stale ||
      g_hash_table_size (self->changed_cases) + g_hash_table_size (self->changed_stories) > MAX_CHANGES)
    {
      start_reading (self);
      return G_SOURCE_REMOVE;
    }

  /* A case that changed may have become a candidate: its story is made
   * now, and announced into changed_stories as it is committed. */
  cases = steal_ids (self->changed_cases);
  if (!amends_store_refresh_candidates_of (self->store, (const gint64 *) (gpointer) cases->data,
                                           cases->len, NULL, &error))
    show_error (self, error);

  for (guint i = 0; i < cases->len; i++)
    place_story (self, 0, g_array_index (cases, gint64, i));

  stories = steal_ids (self->changed_stories);
  for (guint i = 0; i < stories->len; i++)
    place_story (self, g_array_index (stories, gint64, i), 0);

  if (self->focus_story_id != 0)
    focus_moved_card (self);

  return G_SOURCE_REMOVE;
}

/* Not at once: the commit may come from inside a card's own action, and
 * moving a story takes its card away.  Once for all the changes that
 * arrive before the main loop is next idle. */
static void
schedule_flush (AmendsBoardView *self)
{
  if (self->flush_source == 0 && is_shown (self))
    self->flush_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, flush_cb, self, NULL);
}

static void
add_id (GHashTable *set,
        gint64      id)
{
  g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

static void
on_record_changed_cb (AmendsBoardView *self,
                      GType            type,
                      gint64           id,
                      AmendsStore     *store)
{
  if (type == AMENDS_TYPE_CASE)
    add_id (self->changed_cases, id);
  else if (type == AMENDS_TYPE_STORY)
    add_id (self->changed_stories, id);
}

static void
on_changes_committed_cb (AmendsBoardView *self,
                         AmendsStore     *store)
{
  /* Nor while the board is out of sight: the case editor saves as a
   * person types; map catches up. */
  if (g_hash_table_size (self->changed_cases) > 0 || g_hash_table_size (self->changed_stories) > 0)
    schedule_flush (self);
}

static void
clear_undo (AmendsBoardView *self)
{
  self->undo_story_id = 0;
  g_clear_pointer (&self->undo_told_at, g_date_time_unref);
  if (self->undo_toast != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->undo_toast), (gpointer *) &self->undo_toast);
      self->undo_toast = NULL;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.undo-move", FALSE);
}

static char *
dup_story_title (AmendsStory *story)
{
  const char *title = amends_story_get_title (story);

  if (title == NULL || *title == '\0')
    return g_strdup (_("The story"));

  /* Translators: a story's title quoted in a message */
  return g_strdup_printf (_("“%s”"), title);
}

static char *
dup_moved_message (AmendsStory      *story,
                   AmendsStoryStage  stage)
{
  g_autofree char *title = dup_story_title (story);
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  switch (stage)
    {
    /* Translators: %s is a story's title, already in quotes */
    case AMENDS_STORY_STAGE_CANDIDATE: return g_strdup_printf (_("%s moved to Candidates"), escaped);
    /* Translators: %s is a story's title, already in quotes */
    case AMENDS_STORY_STAGE_DRAFTED:   return g_strdup_printf (_("%s moved to Drafted"), escaped);
    /* Translators: %s is a story's title, already in quotes */
    case AMENDS_STORY_STAGE_TOLD:      return g_strdup_printf (_("%s marked as told"), escaped);
    /* Translators: %s is a story's title, already in quotes */
    case AMENDS_STORY_STAGE_DISMISSED: return g_strdup_printf (_("%s dismissed"), escaped);
    default:                           g_return_val_if_reached (NULL);
    }
}

static void
undo_move (AmendsBoardView *self)
{
  g_autoptr(AmendsStory) story = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast = self->undo_toast;

  if (self->undo_story_id == 0 || self->store == NULL)
    return;

  if (toast != NULL)
    {
      /* Dismissing it clears the undo through ::dismissed: hold on to it. */
      g_object_ref (toast);
      g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *) &self->undo_toast);
      self->undo_toast = NULL;
    }

  story = amends_store_load (self->store, AMENDS_TYPE_STORY, self->undo_story_id, &error);
  if (story != NULL)
    {
      /* Back to told keeps the time it was first told. */
      if (self->undo_stage == AMENDS_STORY_STAGE_TOLD)
        g_object_set (story, "told-at", self->undo_told_at, NULL);
      amends_store_move_story (self->store, story, self->undo_stage, &error);
    }

  clear_undo (self);

  if (toast != NULL)
    {
      g_signal_handlers_disconnect_matched (toast, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      adw_toast_dismiss (toast);
      g_object_unref (toast);
    }

  if (error != NULL)
    show_error (self, error);
}

static void
on_toast_button_clicked_cb (AdwToast        *toast,
                            AmendsBoardView *self)
{
  if (toast == self->undo_toast)
    undo_move (self);
}

static void
on_toast_dismissed_cb (AdwToast        *toast,
                       AmendsBoardView *self)
{
  /* The undo goes with its toast, as everywhere in GNOME. */
  if (toast == self->undo_toast)
    clear_undo (self);
}

static void
offer_undo (AmendsBoardView  *self,
            AmendsStory      *story,
            AmendsStoryStage  from,
            GDateTime        *told_at)
{
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *message = dup_moved_message (story, amends_story_get_stage (story));

  if (self->undo_toast != NULL)
    {
      AdwToast *old = self->undo_toast;

      g_signal_handlers_disconnect_matched (old, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      clear_undo (self);
      adw_toast_dismiss (old);
    }
  clear_undo (self);

  self->undo_story_id = amends_record_get_id (AMENDS_RECORD (story));
  self->undo_stage = from;
  self->undo_told_at = told_at ? g_date_time_ref (told_at) : NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.undo-move", TRUE);

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* Not an action name: the toast lives in the overlay, outside the
   * board, where board.undo-move cannot be found. */
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_toast_button_clicked_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), self, 0);
  self->undo_toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->undo_toast);

  show_toast (self, toast);
}

static void
on_card_move_requested_cb (AmendsStoryCard *card,
                           AmendsStory     *story,
                           int              stage,
                           AmendsBoardView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 story_id = amends_record_get_id (AMENDS_RECORD (story));
  gboolean had_focus = gtk_widget_get_state_flags (GTK_WIDGET (card)) & GTK_STATE_FLAG_FOCUS_WITHIN;

  if (!amends_board_view_move_story (self, story_id, stage, &error))
    {
      show_error (self, error);
      return;
    }

  if (had_focus && stage != AMENDS_STORY_STAGE_DISMISSED)
    self->focus_story_id = story_id;
}

static void
on_card_edit_requested_cb (AmendsStoryCard *card,
                           AmendsStory     *story,
                           AmendsBoardView *self)
{
  g_signal_emit (self, signals [EDIT_STORY], 0, story);
}

static void
on_list_activate_cb (GtkListView     *list,
                     guint            position,
                     AmendsBoardView *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_autoptr(AmendsStory) story = g_list_model_get_item (model, position);

  if (story != NULL)
    g_signal_emit (self, signals [EDIT_STORY], 0, story);
}

static void
on_setup_card_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  AmendsBoardView          *self)
{
  GtkWidget *card = amends_story_card_new (self->store);

  g_signal_connect_object (card, "move-requested", G_CALLBACK (on_card_move_requested_cb), self, 0);
  g_signal_connect_object (card, "edit-requested", G_CALLBACK (on_card_edit_requested_cb), self, 0);
  gtk_widget_set_margin_top (card, 6);
  gtk_widget_set_margin_bottom (card, 6);
  gtk_widget_set_margin_start (card, 12);
  gtk_widget_set_margin_end (card, 12);
  gtk_list_item_set_child (item, card);
}

static void
on_bind_card_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 AmendsBoardView          *self)
{
  amends_story_card_set_story (AMENDS_STORY_CARD (gtk_list_item_get_child (item)),
                               gtk_list_item_get_item (item));
}

/* The card keeps its story while unbound: GTK 4.8 unbinds and binds
 * again every row whose position moved, as every row below a story that
 * came or went does, and a card bound again to the story it has does
 * nothing (amends_story_card_set_story()).  Measured at 64,000 candidates:
 * 205 cards made again, 300 ms, for each story that came. */
static void
on_unbind_card_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   AmendsBoardView          *self)
{
}

static gboolean
on_drop_cb (GtkDropTarget   *target,
            const GValue    *value,
            double           x,
            double           y,
            AmendsBoardView *self)
{
  AmendsStoryStage stage = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (target), "stage"));
  g_autoptr(GError) error = NULL;

  if (!G_VALUE_HOLDS_INT64 (value))
    return FALSE;

  if (!amends_board_view_move_story (self, g_value_get_int64 (value), stage, &error))
    {
      show_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* F5: the whole board read again, and every candidate due made. */
static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AmendsBoardView *self = AMENDS_BOARD_VIEW (widget);

  if (self->store != NULL)
    start_reading (self);
}

static void
undo_move_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  undo_move (AMENDS_BOARD_VIEW (widget));
}

static void
amends_board_view_map (GtkWidget *widget)
{
  AmendsBoardView *self = AMENDS_BOARD_VIEW (widget);

  GTK_WIDGET_CLASS (amends_board_view_parent_class)->map (widget);

  if (self->store == NULL)
    return;

  if (self->stale)
    start_reading (self);
  else if (g_hash_table_size (self->changed_cases) > 0 || g_hash_table_size (self->changed_stories) > 0)
    schedule_flush (self);
  resume_making_candidates (self);
}

static void
amends_board_view_dispose (GObject *object)
{
  AmendsBoardView *self = (AmendsBoardView *)object;

  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_clear_handle_id (&self->flush_source, g_source_remove);
  g_clear_handle_id (&self->missing_source, g_source_remove);
  g_clear_pointer (&self->missing, g_array_unref);
  if (self->focus_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick);
      self->focus_tick = 0;
    }
  if (self->undo_toast != NULL)
    {
      g_signal_handlers_disconnect_matched (self->undo_toast, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      clear_undo (self);
    }
  g_clear_pointer (&self->undo_told_at, g_date_time_unref);

  if (self->store != NULL)
    g_signal_handlers_disconnect_matched (self->store, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_BOARD_VIEW);
  /* The top box of the template carries no id, so it is not disposed with it. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&self->columns[i].stories);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amends_board_view_parent_class)->dispose (object);
}

static void
amends_board_view_finalize (GObject *object)
{
  AmendsBoardView *self = (AmendsBoardView *)object;

  g_clear_pointer (&self->changed_cases, g_hash_table_unref);
  g_clear_pointer (&self->changed_stories, g_hash_table_unref);

  G_OBJECT_CLASS (amends_board_view_parent_class)->finalize (object);
}

static void
amends_board_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AmendsBoardView *self = AMENDS_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_board_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AmendsBoardView *self = AMENDS_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      amends_board_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_board_view_class_init (AmendsBoardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_board_view_dispose;
  object_class->finalize = amends_board_view_finalize;
  object_class->get_property = amends_board_view_get_property;
  object_class->set_property = amends_board_view_set_property;

  widget_class->map = amends_board_view_map;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AMENDS_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmendsBoardView::edit-story:
   * @story: the story to open in the story editor
   */
  signals [EDIT_STORY] =
    g_signal_new ("edit-story",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, AMENDS_TYPE_STORY);

  /**
   * AmendsBoardView::toast:
   * @toast: a toast to show
   *
   * Without a handler, the board adds its toasts to the nearest
   * #AdwToastOverlay around it.
   */
  signals [TOAST] =
    g_signal_new ("toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/amends-board-view.ui");

#define BIND_COLUMN(i, nick) \
  gtk_widget_class_bind_template_child_full (widget_class, #nick "_column", FALSE, \
                                             G_STRUCT_OFFSET (AmendsBoardView, columns[i].column)); \
  gtk_widget_class_bind_template_child_full (widget_class, #nick "_count", FALSE, \
                                             G_STRUCT_OFFSET (AmendsBoardView, columns[i].count)); \
  gtk_widget_class_bind_template_child_full (widget_class, #nick "_stack", FALSE, \
                                             G_STRUCT_OFFSET (AmendsBoardView, columns[i].stack)); \
  gtk_widget_class_bind_template_child_full (widget_class, #nick "_list", FALSE, \
                                             G_STRUCT_OFFSET (AmendsBoardView, columns[i].list)); \
  gtk_widget_class_bind_template_child_full (widget_class, #nick "_factory", FALSE, \
                                             G_STRUCT_OFFSET (AmendsBoardView, columns[i].factory))
  BIND_COLUMN (0, candidate);
  BIND_COLUMN (1, drafted);
  BIND_COLUMN (2, told);
#undef BIND_COLUMN

  gtk_widget_class_install_action (widget_class, "board.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "board.undo-move", NULL, undo_move_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "board.undo-move", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "board.refresh", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "boardview");
}

/* One model a column for the board's life with a store: changes are
 * announced on it, never by a new model. */
static void
set_columns (AmendsBoardView *self,
             AmendsStore     *store)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      Column *column = &self->columns[i];
      g_autoptr(GtkNoSelection) selection = NULL;

      g_set_object (&column->stories, NULL);
      column->stories = amends_board_column_new (store);
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (column->stories)));
      gtk_list_view_set_model (column->list, GTK_SELECTION_MODEL (selection));
      update_column (self, column);
    }
}

static void
amends_board_view_init (AmendsBoardView *self)
{
  static const AmendsStoryStage stages[N_COLUMNS] = {
    AMENDS_STORY_STAGE_CANDIDATE,
    AMENDS_STORY_STAGE_DRAFTED,
    AMENDS_STORY_STAGE_TOLD,
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      Column *column = &self->columns[i];
      GtkDropTarget *target;

      column->stage = stages[i];

      g_signal_connect (column->factory, "setup", G_CALLBACK (on_setup_card_cb), self);
      g_signal_connect (column->factory, "bind", G_CALLBACK (on_bind_card_cb), self);
      g_signal_connect (column->factory, "unbind", G_CALLBACK (on_unbind_card_cb), self);
      g_signal_connect (column->list, "activate", G_CALLBACK (on_list_activate_cb), self);

      /* On the whole column, so that an empty one takes drops too. */
      target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
      g_object_set_data (G_OBJECT (target), "stage", GINT_TO_POINTER (column->stage));
      g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
      gtk_widget_add_controller (column->column, GTK_EVENT_CONTROLLER (target));
    }

  self->changed_cases = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->changed_stories = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.undo-move", FALSE);
  set_columns (self, NULL);
}

GtkWidget *
amends_board_view_new (void)
{
  return g_object_new (AMENDS_TYPE_BOARD_VIEW, NULL);
}

AmendsStore *
amends_board_view_get_store (AmendsBoardView *self)
{
  g_return_val_if_fail (AMENDS_IS_BOARD_VIEW (self), NULL);

  return self->store;
}

/**
 * amends_board_view_set_store:
 *
 * Gives the board its store, once: it makes the candidates that are due,
 * then shows the three columns, at once if the board is shown, or else
 * when it next is.
 */
void
amends_board_view_set_store (AmendsBoardView *self,
                             AmendsStore     *store)
{
  g_return_if_fail (AMENDS_IS_BOARD_VIEW (self));
  g_return_if_fail (store == NULL || AMENDS_IS_STORE (store));

  if (self->store == store)
    return;
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "record-changed", G_CALLBACK (on_record_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changes-committed", G_CALLBACK (on_changes_committed_cb), self, G_CONNECT_SWAPPED);
  set_columns (self, store);

  /* Reading the board and making the candidates due reads every story
   * and recovered case: not at start-up while the board is out of sight,
   * but when it is first shown, and then in a worker. */
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_reading (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

/**
 * amends_board_view_move_story:
 *
 * Moves a story to another column (or dismisses it), saves it, and offers
 * to undo that.  The drop, the card's menu and the keyboard all end here.
 * Moving a story to the stage it is at does nothing.
 */
gboolean
amends_board_view_move_story (AmendsBoardView   *self,
                              gint64             story_id,
                              AmendsStoryStage   stage,
                              GError           **error)
{
  g_autoptr(AmendsStory) story = NULL;
  g_autoptr(GDateTime) told_at = NULL;
  AmendsStoryStage from;

  g_return_val_if_fail (AMENDS_IS_BOARD_VIEW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);
  g_return_val_if_fail (stage <= AMENDS_STORY_STAGE_DISMISSED, FALSE);

  if (!(story = amends_store_load (self->store, AMENDS_TYPE_STORY, story_id, error)))
    return FALSE;

  from = amends_story_get_stage (story);
  if (from == stage)
    return TRUE;

  if (amends_story_get_told_at (story) != NULL)
    told_at = g_date_time_ref (amends_story_get_told_at (story));

  if (!amends_store_move_story (self->store, story, stage, error))
    return FALSE;

  offer_undo (self, story, from, told_at);

  return TRUE;
}

/**
 * amends_board_view_reload:
 *
 * Reads the whole board again, in a worker, rather than only what changed.
 */
void
amends_board_view_reload (AmendsBoardView *self)
{
  g_return_if_fail (AMENDS_IS_BOARD_VIEW (self));

  if (self->store != NULL)
    start_reading (self);
}

/**
 * amends_board_view_is_busy:
 *
 * Returns: whether the board is still reading, or has changes or
 *   candidates still to take in; for tests, which wait for it
 */
gboolean
amends_board_view_is_busy (AmendsBoardView *self)
{
  g_return_val_if_fail (AMENDS_IS_BOARD_VIEW (self), FALSE);

  return self->reading != NULL || self->flush_source != 0 || self->missing != NULL ||
         (is_shown (self) && (self->stale ||
                              g_hash_table_size (self->changed_cases) > 0 ||
                              g_hash_table_size (self->changed_stories) > 0));
}

/**
 * amends_board_view_get_n_stories:
 *
 * Returns: how many stories the column of @stage shows (0 for dismissed)
 */
guint
amends_board_view_get_n_stories (AmendsBoardView  *self,
                                 AmendsStoryStage  stage)
{
  Column *column;

  g_return_val_if_fail (AMENDS_IS_BOARD_VIEW (self), 0);

  column = column_for_stage (self, stage);
  if (column == NULL || column->stories == NULL)
    return 0;

  return g_list_model_get_n_items (G_LIST_MODEL (column->stories));
}
