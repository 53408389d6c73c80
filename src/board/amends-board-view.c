/* amends-board-view.c: the storytelling board: candidates, drafted, told
 *
 * Three columns, each a GtkListView over the stories at one stage, so that
 * only the cards on screen are built.  Every move, whether it comes from a
 * card's menu, its keyboard shortcut or a drop, ends in
 * amends_board_view_move_story(), which saves at once and offers to undo
 * (amends-board-view-undo.c).  The columns are read by a worker and then
 * kept up to date one change at a time (amends-board-view-sync.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-board-view"

#include "config.h"

#include "amends-board-view.h"

#include <glib/gi18n.h>

#include "amends-board-view-private.h"
#include "amends-store-stories.h"

/* How many frames to wait for a moved card to be built before giving up
 * on putting the focus back on it. */
#define FOCUS_TRIES 10

/* The width the board asks for, short of which its page folds the heroes
 * away: three columns of 220 px, their spacing and margins.  A card's
 * text would ask for a line each, the width of a wall. */
#define NATURAL_WIDTH (3 * 220 + 2 * 12 + 2 * 12)

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

Column *
amends_board_view_column_for_stage (AmendsBoardView  *self,
                  AmendsStoryStage  stage)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    if (self->columns[i].stage == stage)
      return &self->columns[i];

  return NULL;
}

static gboolean
focus_moved_card_cb (GtkWidget     *widget,
                     GdkFrameClock *frame_clock,
                     gpointer       user_data)
{
  AmendsBoardView *self = AMENDS_BOARD_VIEW (widget);

  /* Only in the column it is in now: the list it left may keep its old
   * card a while, bound to it still. */
  if (amends_board_lane_focus_card (self->columns[self->focus_column].lane, self->focus_story_id))
    {
      GtkRoot *root = gtk_widget_get_root (widget);

      /* GTK hides the ring when a key is let go while the focus is not
       * where the key press left it, as happens while the card moves. */
      if (self->focus_ring && GTK_IS_WINDOW (root))
        gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
      self->focus_story_id = 0;
      self->focus_tick = 0;
      return G_SOURCE_REMOVE;
    }

  if (++self->focus_tries < FOCUS_TRIES)
    return G_SOURCE_CONTINUE;

  self->focus_story_id = 0;
  self->focus_tick = 0;
  return G_SOURCE_REMOVE;
}

void
amends_board_view_focus_moved_card (AmendsBoardView *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      Column *column = &self->columns[i];
      int pos;

      if (column->stories == NULL ||
          (pos = amends_board_column_find_story (column->stories, self->focus_story_id)) < 0)
        continue;

      amends_board_lane_scroll_to (column->lane, (guint) pos);
      self->focus_column = i;
      self->focus_tries = 0;
      if (self->focus_tick == 0)
        self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_moved_card_cb, NULL, NULL);
      return;
    }

  /* Dismissed: it left the board. */
  self->focus_story_id = 0;
}

/* The line on how stories come, while the board has none at all; not
 * while it is being read, when it does not know yet. */
void
amends_board_view_update_hint (AmendsBoardView *self)
{
  gboolean empty = self->store != NULL && self->reading == NULL && !self->stale;

  for (guint i = 0; i < N_COLUMNS && empty; i++)
    empty = self->columns[i].stories == NULL ||
            g_list_model_get_n_items (G_LIST_MODEL (self->columns[i].stories)) == 0;

  gtk_widget_set_visible (self->empty_hint, empty);
}

/* A move asked for on a card or by a drop on a column. */
static gboolean
on_lane_move_story_cb (AmendsBoardLane *lane,
                       gint64           story_id,
                       int              stage,
                       gboolean         keep_focus,
                       AmendsBoardView *self)
{
  g_autoptr(GError) error = NULL;

  if (!amends_board_view_move_story (self, story_id, stage, &error))
    {
      amends_board_view_show_error (self, error);
      return FALSE;
    }

  if (keep_focus && stage != AMENDS_STORY_STAGE_DISMISSED)
    {
      self->focus_story_id = story_id;
      self->focus_ring = TRUE;
    }

  return TRUE;
}

static void
on_lane_edit_story_cb (AmendsBoardLane *lane,
                       AmendsStory     *story,
                       AmendsBoardView *self)
{
  g_signal_emit (self, signals [EDIT_STORY], 0, story);
}

/* F5: the whole board read again, and every candidate due made. */
static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AmendsBoardView *self = AMENDS_BOARD_VIEW (widget);

  if (self->store != NULL)
    amends_board_view_start_reading (self);
}

static void
undo_move_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  amends_board_view_undo_move (AMENDS_BOARD_VIEW (widget));
}

static void
amends_board_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, NATURAL_WIDTH);
}

static void
amends_board_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);
}

static void
amends_board_view_map (GtkWidget *widget)
{
  AmendsBoardView *self = AMENDS_BOARD_VIEW (widget);

  GTK_WIDGET_CLASS (amends_board_view_parent_class)->map (widget);

  if (self->store == NULL)
    return;

  if (self->stale)
    amends_board_view_start_reading (self);
  else if (g_hash_table_size (self->changed_cases) > 0 || g_hash_table_size (self->changed_stories) > 0)
    amends_board_view_schedule_flush (self);
  amends_board_view_resume_making_candidates (self);
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
      amends_board_view_clear_undo (self);
    }
  g_clear_pointer (&self->undo_told_at, g_date_time_unref);

  if (self->store != NULL)
    g_signal_handlers_disconnect_matched (self->store, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_BOARD_VIEW);
  /* The top box of the template carries no id, so it is not disposed with it. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  for (guint i = 0; i < N_COLUMNS; i++)
    self->columns[i].stories = NULL;
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
  widget_class->measure = amends_board_view_measure;
  widget_class->size_allocate = amends_board_view_size_allocate;

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

  g_type_ensure (AMENDS_TYPE_BOARD_LANE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/amends-board-view.ui");

#define BIND_LANE(i, nick) \
  gtk_widget_class_bind_template_child_full (widget_class, #nick "_lane", FALSE, \
                                             G_STRUCT_OFFSET (AmendsBoardView, columns[i].lane))
  BIND_LANE (0, candidate);
  BIND_LANE (1, drafted);
  BIND_LANE (2, told);
#undef BIND_LANE
  gtk_widget_class_bind_template_child (widget_class, AmendsBoardView, empty_hint);

  gtk_widget_class_install_action (widget_class, "board.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "board.undo-move", NULL, undo_move_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "board.undo-move", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "board.refresh", NULL);

  gtk_widget_class_set_css_name (widget_class, "boardview");
}

static void
set_columns (AmendsBoardView *self,
             AmendsStore     *store)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      amends_board_lane_set_store (self->columns[i].lane, store);
      self->columns[i].stories = amends_board_lane_get_stories (self->columns[i].lane);
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

      column->stage = stages[i];
      amends_board_lane_set_stage (column->lane, stages[i]);
      g_signal_connect (column->lane, "move-story", G_CALLBACK (on_lane_move_story_cb), self);
      g_signal_connect (column->lane, "edit-story", G_CALLBACK (on_lane_edit_story_cb), self);
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
  g_signal_connect_object (store, "record-changed", G_CALLBACK (amends_board_view_record_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changes-committed", G_CALLBACK (amends_board_view_changes_committed_cb), self, G_CONNECT_SWAPPED);
  set_columns (self, store);

  /* Reading the board and making the candidates due reads every story
   * and recovered case: not at start-up while the board is out of sight,
   * but when it is first shown, and then in a worker. */
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    amends_board_view_start_reading (self);
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

  amends_board_view_offer_undo (self, story, from, told_at);

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
    amends_board_view_start_reading (self);
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
         (amends_board_view_is_shown (self) && (self->stale ||
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

  column = amends_board_view_column_for_stage (self, stage);
  if (column == NULL || column->stories == NULL)
    return 0;

  return g_list_model_get_n_items (G_LIST_MODEL (column->stories));
}
