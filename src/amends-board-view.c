/* amends-board-view.c: the storytelling board: candidates, drafted, told
 *
 * Three columns, each a GtkListView over the stories at one stage, so that
 * only the cards on screen are built.  Every move, whether it comes from a
 * card's menu, its keyboard shortcut or a drop, ends in
 * amends_board_view_move_story(), which saves at once and offers to undo.
 * The lists are read again whenever the store commits a change to a story
 * or a case; a case that changed may also have become a candidate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "amends-board-view.h"
#include "amends-store-stories.h"
#include "amends-story-card.h"

#define N_COLUMNS 3
/* How many frames to wait for a moved card to be built before giving up
 * on putting the focus back on it. */
#define FOCUS_TRIES 10

typedef struct
{
  AmendsStoryStage          stage;
  GtkWidget                *column;
  GtkLabel                 *count;
  GtkStack                 *stack;
  GtkListView              *list;
  GtkSignalListItemFactory *factory;
  GListModel               *stories;
} Column;

struct _AmendsBoardView
{
  GtkWidget        parent_instance;

  AmendsStore     *store;
  Column           columns[N_COLUMNS];

  gboolean         cases_changed;
  gboolean         stories_changed;
  guint            reload_source;

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
  guint n = column->stories ? g_list_model_get_n_items (column->stories) : 0;
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
      guint n = column->stories ? g_list_model_get_n_items (column->stories) : 0;

      for (guint pos = 0; pos < n; pos++)
        {
          g_autoptr(AmendsStory) story = g_list_model_get_item (column->stories, pos);

          if (amends_record_get_id (AMENDS_RECORD (story)) != self->focus_story_id)
            continue;

          /* Makes sure the card is built, however long the column. */
          gtk_widget_activate_action (GTK_WIDGET (column->list), "list.scroll-to-item", "u", pos);
          self->focus_tries = 0;
          if (self->focus_tick == 0)
            self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_moved_card_cb, NULL, NULL);
          return;
        }
    }

  /* Dismissed: it left the board. */
  self->focus_story_id = 0;
}

static void
load_lists (AmendsBoardView *self)
{
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->cases_changed = FALSE;
  self->stories_changed = FALSE;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      Column *column = &self->columns[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) stories = NULL;
      g_autoptr(GtkNoSelection) selection = NULL;

      if (self->store != NULL)
        {
          stories = amends_store_list_stories (self->store, column->stage, &error);
          if (error != NULL)
            show_error (self, error);
        }
      if (stories == NULL)
        stories = G_LIST_MODEL (g_list_store_new (AMENDS_TYPE_STORY));

      g_set_object (&column->stories, stories);
      /* A new model rather than items-changed on the old one: the view
       * then builds only the cards it shows (TECH-NOTES.md). */
      selection = gtk_no_selection_new (g_object_ref (stories));
      gtk_list_view_set_model (column->list, GTK_SELECTION_MODEL (selection));
      update_column (self, column);
    }

  if (self->focus_story_id != 0)
    focus_moved_card (self);
}

static gboolean
reload_cb (gpointer user_data)
{
  AmendsBoardView *self = user_data;

  self->reload_source = 0;

  if (self->cases_changed && self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->cases_changed = FALSE;
      if (!amends_store_refresh_candidates (self->store, NULL, &error))
        show_error (self, error);
    }

  load_lists (self);

  return G_SOURCE_REMOVE;
}

static void
queue_reload (AmendsBoardView *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_cb, self, NULL);
}

static void
on_record_changed_cb (AmendsBoardView *self,
                      GType            type,
                      gint64           id,
                      AmendsStore     *store)
{
  if (type == AMENDS_TYPE_CASE)
    self->cases_changed = TRUE;
  else if (type == AMENDS_TYPE_STORY)
    self->stories_changed = TRUE;
}

static void
on_changes_committed_cb (AmendsBoardView *self,
                         AmendsStore     *store)
{
  /* Not at once: the commit may come from inside a card's own action,
   * and reloading replaces the cards.  Nor while the board is out of
   * sight: the case editor saves as a person types; map catches up. */
  if ((self->cases_changed || self->stories_changed) &&
      gtk_widget_get_mapped (GTK_WIDGET (self)))
    queue_reload (self);
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
  else
    queue_reload (self);
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

static void
on_unbind_card_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   AmendsBoardView          *self)
{
  amends_story_card_set_story (AMENDS_STORY_CARD (gtk_list_item_get_child (item)), NULL);
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

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AmendsBoardView *self = AMENDS_BOARD_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->store != NULL &&
      !amends_store_refresh_candidates (self->store, NULL, &error))
    show_error (self, error);

  load_lists (self);
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

  if (self->cases_changed || self->stories_changed)
    queue_reload (self);
}

static void
amends_board_view_dispose (GObject *object)
{
  AmendsBoardView *self = (AmendsBoardView *)object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
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

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.undo-move", FALSE);
  load_lists (self);
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
  g_autoptr(GError) error = NULL;

  g_return_if_fail (AMENDS_IS_BOARD_VIEW (self));
  g_return_if_fail (store == NULL || AMENDS_IS_STORE (store));

  if (self->store == store)
    return;
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "record-changed", G_CALLBACK (on_record_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changes-committed", G_CALLBACK (on_changes_committed_cb), self, G_CONNECT_SWAPPED);

  /* Making the candidates reads every recovered case: not at start-up
   * while the board is out of sight, but when it is first shown. */
  self->cases_changed = TRUE;
  self->stories_changed = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      if (!amends_store_refresh_candidates (store, NULL, &error))
        show_error (self, error);
      load_lists (self);
    }
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
  queue_reload (self);

  return TRUE;
}

/**
 * amends_board_view_reload:
 *
 * Reads the three columns again now, rather than when the main loop is
 * next idle.
 */
void
amends_board_view_reload (AmendsBoardView *self)
{
  g_return_if_fail (AMENDS_IS_BOARD_VIEW (self));

  load_lists (self);
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

  return g_list_model_get_n_items (column->stories);
}
