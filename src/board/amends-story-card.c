/* amends-story-card.c: one recovery story on the storytelling board
 *
 * The card shows a story and its case; it never changes them.  Moving and
 * editing are requests (::move-requested, ::edit-requested) that the board
 * carries out, whether they come from the menu, the keyboard or a drag.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-story-card"

#include "config.h"

#include "amends-story-card.h"

#include <glib/gi18n.h>

#include "amends-board-view-private.h"
#include "amends-clock.h"
#include "amends-enum-types.h"
#include "amends-store-training.h"

struct _AmendsStoryCard
{
  GtkWidget      parent_instance;

  AmendsStore   *store;
  AmendsStory   *story;

  GtkLabel      *title_label;
  GtkLabel      *heroes_label;
  GtkLabel      *wrong_label;
  GtkLabel      *fix_label;
  GtkLabel      *surprise_label;
  GtkLabel      *recovery_label;
  GtkLabel      *reaction_label;
  GtkLabel      *date_label;
  GtkLabel      *training_label;
  GtkMenuButton *menu_button;
};

G_DEFINE_FINAL_TYPE (AmendsStoryCard, amends_story_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STORY,
  PROP_TRAINING,
  N_PROPS
};

enum {
  MOVE_REQUESTED,
  EDIT_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* The columns of the board, left to right. */
static const AmendsStoryStage column_order[] = {
  AMENDS_STORY_STAGE_CANDIDATE,
  AMENDS_STORY_STAGE_DRAFTED,
  AMENDS_STORY_STAGE_TOLD,
};

static void
set_text (GtkLabel   *label,
          const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* "<b>Fix:</b> text", or hidden when there is no text. */
static void
set_labelled_text (GtkLabel   *label,
                   const char *heading,
                   const char *text)
{
  g_autofree char *escaped = NULL;
  g_autofree char *markup = NULL;

  if (text == NULL || *text == '\0')
    {
      gtk_label_set_text (label, "");
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      return;
    }

  escaped = g_markup_escape_text (text, -1);
  markup = g_strdup_printf ("<b>%s</b> %s", heading, escaped);
  gtk_label_set_markup (label, markup);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

static const char *
get_string_property (gpointer    object,
                     const char *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);

  g_return_val_if_fail (pspec != NULL, NULL);
  return amends_record_get_string (AMENDS_RECORD (object), pspec);
}

static int
get_enum_property (gpointer    object,
                   const char *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);

  g_return_val_if_fail (pspec != NULL, 0);
  return amends_record_get_enum (AMENDS_RECORD (object), pspec);
}

static char *
dup_heroes_text (AmendsStoryCard *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  ids = amends_store_get_story_heroes (self->store,
                                       amends_record_get_id (AMENDS_RECORD (self->story)),
                                       NULL);
  if (ids == NULL || ids->len == 0)
    return g_strdup (_("No hero named yet"));

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(AmendsStaff) staff =
        amends_store_load (self->store, AMENDS_TYPE_STAFF, g_array_index (ids, gint64, i), NULL);

      if (staff != NULL)
        g_ptr_array_add (names, g_strdup (amends_staff_get_name (staff)));
    }

  if (names->len == 0)
    return g_strdup (_("No hero named yet"));

  g_ptr_array_add (names, NULL);
  /* Translators: the separator between the names of a story's heroes */
  joined = g_strjoinv (_(", "), (char **) names->pdata);

  /* Translators: %s is one name, or several separated by commas */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Hero: %s", "Heroes: %s",
                                       names->len - 1),
                          joined);
}

static void
update_actions (AmendsStoryCard *self)
{
  AmendsStoryStage stage = AMENDS_STORY_STAGE_DISMISSED;
  gboolean has_story = self->story != NULL;

  if (has_story)
    stage = amends_story_get_stage (self->story);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.move", has_story);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.edit", has_story);
  /* Only a story told is taught from. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.training",
                                 has_story && amends_story_get_stage (self->story) == AMENDS_STORY_STAGE_TOLD);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.move-to-candidate",
                                 has_story && stage != AMENDS_STORY_STAGE_CANDIDATE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.move-to-drafted",
                                 has_story && stage != AMENDS_STORY_STAGE_DRAFTED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.move-to-told",
                                 has_story && stage != AMENDS_STORY_STAGE_TOLD);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.dismiss",
                                 has_story && stage == AMENDS_STORY_STAGE_CANDIDATE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.move-left",
                                 has_story && (stage == AMENDS_STORY_STAGE_DRAFTED ||
                                               stage == AMENDS_STORY_STAGE_TOLD));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.move-right",
                                 has_story && (stage == AMENDS_STORY_STAGE_CANDIDATE ||
                                               stage == AMENDS_STORY_STAGE_DRAFTED));
}

static void
update_card (AmendsStoryCard *self)
{
  g_autoptr(AmendsCase) kase = NULL;
  g_autofree char *heroes = NULL;
  g_autofree char *recovery = NULL;
  g_autofree char *reaction = NULL;
  g_autofree char *date = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *menu_label = NULL;
  const char *title = NULL;
  const char *summary = NULL;
  GDateTime *when;

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TRAINING]);
  gtk_widget_set_visible (GTK_WIDGET (self->training_label),
                          self->story != NULL && amends_story_get_training (self->story));

  if (self->story == NULL || self->store == NULL)
    {
      set_text (self->title_label, NULL);
      set_text (self->heroes_label, NULL);
      set_text (self->wrong_label, NULL);
      set_text (self->fix_label, NULL);
      set_text (self->surprise_label, NULL);
      set_text (self->recovery_label, NULL);
      set_text (self->reaction_label, NULL);
      set_text (self->date_label, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Story Menu"),
                                      -1);
      return;
    }

  kase = amends_store_load (self->store, AMENDS_TYPE_CASE,
                            amends_story_get_case_id (self->story), NULL);
  if (kase != NULL)
    summary = amends_case_get_summary (kase);

  title = amends_story_get_title (self->story);
  if (title == NULL || *title == '\0')
    title = summary;
  if (title == NULL || *title == '\0')
    title = _("Untitled story");

  heroes = dup_heroes_text (self);

  set_text (self->title_label, title);
  set_text (self->heroes_label, heroes);
  /* The summary is the title of a story not written yet: say it once. */
  set_text (self->wrong_label, g_strcmp0 (summary, title) != 0 ? summary : NULL);

  if (kase != NULL)
    {
      GTimeSpan took = amends_clock_get_time_to_recovery (kase);
      AmendsReaction how = get_enum_property (kase, "reaction");

      /* Translators: a heading before what was done to put things right */
      set_labelled_text (self->fix_label, _("Fix:"), get_string_property (kase, "fix"));
      /* Translators: a heading before how the customer was surprised */
      set_labelled_text (self->surprise_label, _("Surprise:"), get_string_property (kase, "surprise"));

      if (took >= 0 && amends_case_get_recovered_at (kase) != NULL)
        {
          g_autofree char *span = amends_clock_format_span (took);
          /* Translators: %s is how long the recovery took, such as "1 h 40 min" */
          recovery = g_strdup_printf (_("recovered in %s"), span);
        }

      if (how != AMENDS_REACTION_UNKNOWN)
        reaction = g_strdup (amends_reaction_to_label (how));

      when = amends_story_get_told_at (self->story);
      if (when == NULL)
        when = amends_case_get_recovered_at (kase);
    }
  else
    {
      set_text (self->fix_label, NULL);
      set_text (self->surprise_label, NULL);
      when = amends_story_get_told_at (self->story);
    }

  set_text (self->recovery_label, recovery);
  set_text (self->reaction_label, reaction);

  if (when != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (when);
      /* Translators: a story's date on its card, a g_date_time_format() format: "25 Nov 2026" */
      date = g_date_time_format (local, _("%-d %b %Y"));
    }
  set_text (self->date_label, date);

  /* Translators: what a screen reader says for a card: the story's title,
   * then its stage, such as "Story: Two pins for two children, Drafted" */
  accessible = g_strdup_printf (_("Story: %s, %s"), title,
                                amends_story_stage_to_label (amends_story_get_stage (self->story)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, heroes,
                                  -1);

  /* A screen reader lists the menus of a column one after the other:
   * each says whose it is. */
  /* Translators: what a screen reader says for the menu button on a story
   * card; %s is the story's title */
  menu_label = g_strdup_printf (_("Menu for story %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label,
                                  -1);
}

/* Marks the story as a training example, or no longer: at once, as a
 * fact about the story rather than an edit of it.  A failure shows on
 * the board, and the check goes back to what is stored. */
static void
set_training (AmendsStoryCard *self,
              gboolean         training)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *view;

  if (self->story == NULL || self->store == NULL ||
      amends_story_get_training (self->story) == training)
    return;

  if (amends_store_set_story_training (self->store, self->story, training, &error))
    return;

  view = gtk_widget_get_ancestor (GTK_WIDGET (self), AMENDS_TYPE_BOARD_VIEW);
  if (view != NULL)
    amends_board_view_show_error (AMENDS_BOARD_VIEW (view), error);
  else
    g_warning ("Could not mark the story for training: %s", error->message);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TRAINING]);
}

static void
request_move (AmendsStoryCard  *self,
              AmendsStoryStage  stage)
{
  g_autoptr(AmendsStory) story = NULL;

  if (self->story == NULL || amends_story_get_stage (self->story) == stage)
    return;

  /* The board may rebind this card to another story while it moves this one. */
  story = g_object_ref (self->story);
  g_signal_emit (self, signals [MOVE_REQUESTED], 0, story, (int) stage);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AmendsStoryCard *self = AMENDS_STORY_CARD (widget);
  g_autoptr(GEnumClass) klass = g_type_class_ref (AMENDS_TYPE_STORY_STAGE);
  const char *nick = g_variant_get_string (parameter, NULL);
  GEnumValue *value = g_enum_get_value_by_nick (klass, nick);

  if (value == NULL)
    {
      g_critical ("Unknown story stage “%s”", nick);
      return;
    }

  request_move (self, value->value);
}

static void
move_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AmendsStoryCard *self = AMENDS_STORY_CARD (widget);

  if (g_str_equal (action_name, "card.move-to-candidate"))
    request_move (self, AMENDS_STORY_STAGE_CANDIDATE);
  else if (g_str_equal (action_name, "card.move-to-drafted"))
    request_move (self, AMENDS_STORY_STAGE_DRAFTED);
  else if (g_str_equal (action_name, "card.move-to-told"))
    request_move (self, AMENDS_STORY_STAGE_TOLD);
  else if (g_str_equal (action_name, "card.dismiss"))
    request_move (self, AMENDS_STORY_STAGE_DISMISSED);
}

static void
move_sideways_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AmendsStoryCard *self = AMENDS_STORY_CARD (widget);
  int step = g_str_equal (action_name, "card.move-left") ? -1 : 1;
  AmendsStoryStage stage;
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *value;

  if (self->story == NULL)
    return;

  stage = amends_story_get_stage (self->story);
  for (int i = 0; i < (int) G_N_ELEMENTS (column_order); i++)
    {
      int to = i + step;

      if (column_order[i] != stage)
        continue;
      if (to < 0 || to >= (int) G_N_ELEMENTS (column_order))
        return;

      /* Through card.move, so that every move takes the same path. */
      klass = g_type_class_ref (AMENDS_TYPE_STORY_STAGE);
      value = g_enum_get_value (klass, column_order[to]);
      gtk_widget_activate_action (widget, "card.move", "s", value->value_nick);
      return;
    }
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AmendsStoryCard *self = AMENDS_STORY_CARD (widget);
  g_autoptr(AmendsStory) story = NULL;

  if (self->story == NULL)
    return;

  story = g_object_ref (self->story);
  g_signal_emit (self, signals [EDIT_REQUESTED], 0, story);
}

static void
show_menu_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_menu_button_popup (AMENDS_STORY_CARD (widget)->menu_button);
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource   *source,
                    double           x,
                    double           y,
                    AmendsStoryCard *self)
{
  if (self->story == NULL)
    return NULL;

  return gdk_content_provider_new_typed (G_TYPE_INT64,
                                         amends_record_get_id (AMENDS_RECORD (self->story)));
}

static void
on_drag_begin_cb (GtkDragSource   *source,
                  GdkDrag         *drag,
                  AmendsStoryCard *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 24, 24);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragged");
}

static void
on_drag_end_cb (GtkDragSource   *source,
                GdkDrag         *drag,
                gboolean         delete_data,
                AmendsStoryCard *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragged");
}

static void
on_story_notify_cb (AmendsStoryCard *self)
{
  update_card (self);
}

static void
amends_story_card_dispose (GObject *object)
{
  AmendsStoryCard *self = (AmendsStoryCard *)object;

  amends_story_card_set_story (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_STORY_CARD);
  /* The top box of the template carries no id, so it is not disposed with it. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amends_story_card_parent_class)->dispose (object);
}

static void
amends_story_card_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AmendsStoryCard *self = AMENDS_STORY_CARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_STORY:
      g_value_set_object (value, self->story);
      break;

    case PROP_TRAINING:
      g_value_set_boolean (value, self->story != NULL && amends_story_get_training (self->story));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_story_card_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AmendsStoryCard *self = AMENDS_STORY_CARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;

    case PROP_STORY:
      amends_story_card_set_story (self, g_value_get_object (value));
      break;

    case PROP_TRAINING:
      set_training (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_story_card_class_init (AmendsStoryCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_story_card_dispose;
  object_class->get_property = amends_story_card_get_property;
  object_class->set_property = amends_story_card_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AMENDS_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_STORY] =
    g_param_spec_object ("story", NULL, NULL,
                         AMENDS_TYPE_STORY,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The menu's Training Example check (card.training). */
  properties [PROP_TRAINING] =
    g_param_spec_boolean ("training", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmendsStoryCard::move-requested:
   * @story: the story to move
   * @stage: the #AmendsStoryStage to move it to
   */
  signals [MOVE_REQUESTED] =
    g_signal_new ("move-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, AMENDS_TYPE_STORY, G_TYPE_INT);

  /**
   * AmendsStoryCard::edit-requested:
   * @story: the story to edit
   */
  signals [EDIT_REQUESTED] =
    g_signal_new ("edit-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, AMENDS_TYPE_STORY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/amends-story-card.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsStoryCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsStoryCard, heroes_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsStoryCard, wrong_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsStoryCard, fix_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsStoryCard, surprise_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsStoryCard, recovery_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsStoryCard, reaction_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsStoryCard, date_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsStoryCard, menu_button);
  gtk_widget_class_bind_template_child (widget_class, AmendsStoryCard, training_label);

  gtk_widget_class_install_action (widget_class, "card.move", "s", move_action);
  gtk_widget_class_install_action (widget_class, "card.move-to-candidate", NULL, move_to_action);
  gtk_widget_class_install_action (widget_class, "card.move-to-drafted", NULL, move_to_action);
  gtk_widget_class_install_action (widget_class, "card.move-to-told", NULL, move_to_action);
  gtk_widget_class_install_action (widget_class, "card.dismiss", NULL, move_to_action);
  gtk_widget_class_install_action (widget_class, "card.move-left", NULL, move_sideways_action);
  gtk_widget_class_install_action (widget_class, "card.move-right", NULL, move_sideways_action);
  gtk_widget_class_install_action (widget_class, "card.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "card.show-menu", NULL, show_menu_action);
  gtk_widget_class_install_property_action (widget_class, "card.training", "training");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK, "card.move-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_CONTROL_MASK, "card.move-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK, "card.move-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, GDK_CONTROL_MASK, "card.move-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "card.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "card.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "card.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "card.show-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "card.show-menu", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "storycard");
}

static void
amends_story_card_init (AmendsStoryCard *self)
{
  GtkDragSource *drag_source;

  gtk_widget_init_template (GTK_WIDGET (self));

  drag_source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag_source, GDK_ACTION_MOVE);
  g_signal_connect (drag_source, "prepare", G_CALLBACK (on_drag_prepare_cb), self);
  g_signal_connect (drag_source, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag_source, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag_source));

  update_actions (self);
}

GtkWidget *
amends_story_card_new (AmendsStore *store)
{
  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);

  return g_object_new (AMENDS_TYPE_STORY_CARD, "store", store, NULL);
}

AmendsStore *
amends_story_card_get_store (AmendsStoryCard *self)
{
  g_return_val_if_fail (AMENDS_IS_STORY_CARD (self), NULL);

  return self->store;
}

AmendsStory *
amends_story_card_get_story (AmendsStoryCard *self)
{
  g_return_val_if_fail (AMENDS_IS_STORY_CARD (self), NULL);

  return self->story;
}

void
amends_story_card_set_story (AmendsStoryCard *self,
                             AmendsStory     *story)
{
  g_return_if_fail (AMENDS_IS_STORY_CARD (self));
  g_return_if_fail (story == NULL || AMENDS_IS_STORY (story));

  if (self->story == story)
    return;

  if (self->story != NULL)
    g_signal_handlers_disconnect_by_func (self->story, on_story_notify_cb, self);

  g_set_object (&self->story, story);

  if (self->story != NULL)
    g_signal_connect_swapped (self->story, "notify", G_CALLBACK (on_story_notify_cb), self);

  update_card (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORY]);
}

/**
 * amends_story_card_update:
 *
 * Shows the story and its case as they are now: for a change to the case,
 * or to the heroes, which the story itself does not announce.
 */
void
amends_story_card_update (AmendsStoryCard *self)
{
  g_return_if_fail (AMENDS_IS_STORY_CARD (self));

  update_card (self);
}
