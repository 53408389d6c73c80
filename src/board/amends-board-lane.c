/* amends-board-lane.c: one column of the storytelling board
 *
 * A heading with a count, and a GtkListView over the stories at one stage
 * (or a word on what belongs there while it has none), which builds only
 * the cards on screen.  A move asked for on a card, by its menu, its
 * keyboard shortcut or a drop on the column, goes up to the board through
 * ::move-story; the board saves it and offers to undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-board-view"

#include "config.h"

#include "amends-board-lane.h"

#include <glib/gi18n.h>

#include "amends-story-card.h"

struct _AmendsBoardLane
{
  GtkBox                    parent_instance;

  AmendsStoryStage          stage;
  AmendsStore              *store;
  AmendsBoardColumn        *stories;
  char                     *title;
  char                     *icon_name;
  char                     *empty_text;

  GtkLabel                 *count;
  GtkStack                 *stack;
  GtkListView              *list;
  GtkSignalListItemFactory *factory;
};

G_DEFINE_FINAL_TYPE (AmendsBoardLane, amends_board_lane, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_EMPTY_TEXT,
  N_PROPS
};

enum {
  MOVE_STORY,
  EDIT_STORY,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static gboolean
request_move (AmendsBoardLane *self,
              gint64           story_id,
              int              stage,
              gboolean         keep_focus)
{
  gboolean moved = FALSE;

  g_signal_emit (self, signals [MOVE_STORY], 0, story_id, stage, keep_focus, &moved);

  return moved;
}

static void
on_card_move_requested_cb (AmendsStoryCard *card,
                           AmendsStory     *story,
                           int              stage,
                           AmendsBoardLane *self)
{
  gboolean had_focus = gtk_widget_get_state_flags (GTK_WIDGET (card)) & GTK_STATE_FLAG_FOCUS_WITHIN;

  request_move (self, amends_record_get_id (AMENDS_RECORD (story)), stage, had_focus);
}

static void
on_card_edit_requested_cb (AmendsStoryCard *card,
                           AmendsStory     *story,
                           AmendsBoardLane *self)
{
  g_signal_emit (self, signals [EDIT_STORY], 0, story);
}

static void
on_list_activate_cb (GtkListView     *list,
                     guint            position,
                     AmendsBoardLane *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_autoptr(AmendsStory) story = g_list_model_get_item (model, position);

  if (story != NULL)
    g_signal_emit (self, signals [EDIT_STORY], 0, story);
}

static void
on_setup_card_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  AmendsBoardLane          *self)
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
                 AmendsBoardLane          *self)
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
                   AmendsBoardLane          *self)
{
}

static gboolean
on_drop_cb (GtkDropTarget   *target,
            const GValue    *value,
            double           x,
            double           y,
            AmendsBoardLane *self)
{
  if (!G_VALUE_HOLDS_INT64 (value))
    return FALSE;

  return request_move (self, g_value_get_int64 (value), self->stage, FALSE);
}

static void
amends_board_lane_dispose (GObject *object)
{
  AmendsBoardLane *self = (AmendsBoardLane *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_BOARD_LANE);
  g_clear_object (&self->stories);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amends_board_lane_parent_class)->dispose (object);
}

static void
amends_board_lane_finalize (GObject *object)
{
  AmendsBoardLane *self = (AmendsBoardLane *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->icon_name, g_free);
  g_clear_pointer (&self->empty_text, g_free);

  G_OBJECT_CLASS (amends_board_lane_parent_class)->finalize (object);
}

static char **
string_of (AmendsBoardLane *self,
           guint            prop_id)
{
  switch (prop_id)
    {
    case PROP_TITLE:      return &self->title;
    case PROP_ICON_NAME:  return &self->icon_name;
    case PROP_EMPTY_TEXT: return &self->empty_text;
    default:              return NULL;
    }
}

static void
amends_board_lane_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  char **field = string_of (AMENDS_BOARD_LANE (object), prop_id);

  if (field != NULL)
    g_value_set_string (value, *field);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
amends_board_lane_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AmendsBoardLane *self = AMENDS_BOARD_LANE (object);
  char **field = string_of (self, prop_id);

  if (field == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (g_strcmp0 (*field, g_value_get_string (value)) == 0)
    return;

  g_free (*field);
  *field = g_value_dup_string (value);
  g_object_notify_by_pspec (object, pspec);
  if (prop_id == PROP_TITLE)
    amends_board_lane_update (self);
}

static void
amends_board_lane_class_init (AmendsBoardLaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_board_lane_dispose;
  object_class->finalize = amends_board_lane_finalize;
  object_class->get_property = amends_board_lane_get_property;
  object_class->set_property = amends_board_lane_set_property;

  /* The heading, and the start of what a screen reader says of the list. */
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* What the column shows while it has no story. */
  properties [PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_EMPTY_TEXT] =
    g_param_spec_string ("empty-text", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmendsBoardLane::move-story:
   * @story_id: the story to move
   * @stage: where to
   * @keep_focus: whether the card had the focus, to keep it in its new column
   *
   * Returns: whether it moved
   */
  signals [MOVE_STORY] =
    g_signal_new ("move-story",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_first_wins, NULL, NULL,
                  G_TYPE_BOOLEAN, 3, G_TYPE_INT64, G_TYPE_INT, G_TYPE_BOOLEAN);

  /**
   * AmendsBoardLane::edit-story:
   * @story: the story to open in the story editor
   */
  signals [EDIT_STORY] =
    g_signal_new ("edit-story",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, AMENDS_TYPE_STORY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/amends-board-lane.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsBoardLane, count);
  gtk_widget_class_bind_template_child (widget_class, AmendsBoardLane, stack);
  gtk_widget_class_bind_template_child (widget_class, AmendsBoardLane, list);
  gtk_widget_class_bind_template_child (widget_class, AmendsBoardLane, factory);
}

static void
amends_board_lane_init (AmendsBoardLane *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self->factory, "setup", G_CALLBACK (on_setup_card_cb), self);
  g_signal_connect (self->factory, "bind", G_CALLBACK (on_bind_card_cb), self);
  g_signal_connect (self->factory, "unbind", G_CALLBACK (on_unbind_card_cb), self);
  g_signal_connect (self->list, "activate", G_CALLBACK (on_list_activate_cb), self);

  /* On the whole column, so that an empty one takes drops too. */
  target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  amends_board_lane_set_store (self, NULL);
}

AmendsStoryStage
amends_board_lane_get_stage (AmendsBoardLane *self)
{
  g_return_val_if_fail (AMENDS_IS_BOARD_LANE (self), 0);

  return self->stage;
}

void
amends_board_lane_set_stage (AmendsBoardLane  *self,
                             AmendsStoryStage  stage)
{
  g_return_if_fail (AMENDS_IS_BOARD_LANE (self));

  self->stage = stage;
}

/* Borrowed: the lane's for as long as its store. */
AmendsBoardColumn *
amends_board_lane_get_stories (AmendsBoardLane *self)
{
  g_return_val_if_fail (AMENDS_IS_BOARD_LANE (self), NULL);

  return self->stories;
}

/* One model for the lane's life with a store: changes are announced on
 * it, never by a new model. */
void
amends_board_lane_set_store (AmendsBoardLane *self,
                             AmendsStore     *store)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (AMENDS_IS_BOARD_LANE (self));

  g_set_object (&self->store, store);
  g_set_object (&self->stories, NULL);
  self->stories = amends_board_column_new (store);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->stories)));
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  amends_board_lane_update (self);
}

/* The count, and the list or the word on an empty column, after the
 * lane's stories changed. */
void
amends_board_lane_update (AmendsBoardLane *self)
{
  guint n = self->stories ? g_list_model_get_n_items (G_LIST_MODEL (self->stories)) : 0;
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *label = NULL;

  g_return_if_fail (AMENDS_IS_BOARD_LANE (self));

  gtk_label_set_text (self->count, count);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");

  /* Translators: a column of the storytelling board and how many stories
   * it holds, such as "Drafted, 3 stories" */
  label = g_strdup_printf (ngettext ("%s, %u story", "%s, %u stories", n), self->title ? self->title : "", n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->count),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* The list on show before its rows come: a hidden list view that is
 * given rows builds a card for every one of them (GTK 4.8). */
void
amends_board_lane_show_list (AmendsBoardLane *self)
{
  g_return_if_fail (AMENDS_IS_BOARD_LANE (self));

  gtk_stack_set_visible_child_name (self->stack, "list");
}

/* Makes sure the card at @position is built, however long the column. */
void
amends_board_lane_scroll_to (AmendsBoardLane *self,
                             guint            position)
{
  g_return_if_fail (AMENDS_IS_BOARD_LANE (self));

  gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", position);
}

/* Returns: whether the card of @story_id was built, and now has the focus */
gboolean
amends_board_lane_focus_card (AmendsBoardLane *self,
                              gint64           story_id)
{
  g_return_val_if_fail (AMENDS_IS_BOARD_LANE (self), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *card = gtk_widget_get_first_child (row);
      AmendsStory *story;

      if (!AMENDS_IS_STORY_CARD (card) || !gtk_widget_get_mapped (card) ||
          !(story = amends_story_card_get_story (AMENDS_STORY_CARD (card))) ||
          amends_record_get_id (AMENDS_RECORD (story)) != story_id)
        continue;

      gtk_widget_grab_focus (card);
      return TRUE;
    }

  return FALSE;
}

/* The card of @story, if one is on screen, shows it and its case anew. */
void
amends_board_lane_update_card (AmendsBoardLane *self,
                               AmendsStory     *story)
{
  g_return_if_fail (AMENDS_IS_BOARD_LANE (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
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
