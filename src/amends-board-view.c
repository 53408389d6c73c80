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

#include <glib/gi18n.h>

#include "amends-board-view.h"
#include "amends-board-view-private.h"
#include "amends-store-stories.h"
#include "amends-story-card.h"

/* How many frames to wait for a moved card to be built before giving up
 * on putting the focus back on it. */
#define FOCUS_TRIES 10

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

void
amends_board_view_update_column (AmendsBoardView *self,
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
      amends_board_view_show_error (self, error);
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
      amends_board_view_show_error (self, error);
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
      amends_board_view_update_column (self, column);
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
