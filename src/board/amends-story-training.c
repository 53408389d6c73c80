/* amends-story-training.c: the story editor's Training group: a training
 * example or not, and who has read it
 *
 * Whether the story is a training example is a field of the story,
 * saved with it when the editor saves.  Having read it is a fact about
 * the person at the desk, recorded at once with Mark as Read by Me:
 * reading a story does not wait for anyone to edit it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-story-training"

#include "config.h"

#include "amends-story-training.h"

#include <glib/gi18n.h>

#include "amends-store-training.h"

struct _AmendsStoryTraining
{
  AdwPreferencesGroup  parent_instance;

  AmendsStore         *store;
  AmendsStory         *story;

  GtkSwitch           *training_switch;
  AdwActionRow        *read_row;
  GtkWidget           *read_button;
};

G_DEFINE_FINAL_TYPE (AmendsStoryTraining, amends_story_training, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
on_switch_cb (AmendsStoryTraining *self)
{
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
update_readers (AmendsStoryTraining *self)
{
  g_autoptr(GPtrArray) readers = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 actor = self->store ? amends_store_get_actor_id (self->store) : 0;
  gint64 story_id = self->story ? amends_record_get_id (AMENDS_RECORD (self->story)) : 0;
  gboolean read_by_actor = FALSE;

  if (self->store != NULL && story_id > 0)
    readers = amends_store_list_story_readers (self->store, story_id, &error);

  for (guint i = 0; readers != NULL && i < readers->len; i++)
    {
      AmendsStoryReader *reader = readers->pdata[i];
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (reader->read_at);
      /* Translators: the day someone read a story, a g_date_time_format() format: "25 Nov 2026" */
      g_autofree char *day = g_date_time_format (when, _("%-d %b %Y"));

      if (i > 0)
        g_string_append (names, _(", "));
      /* Translators: a reader of a story and the day they read it: "Ana (3 May 2026)" */
      g_string_append_printf (names, _("%s (%s)"), reader->name, day);
      read_by_actor |= reader->staff_id == actor;
    }

  if (error != NULL)
    adw_action_row_set_subtitle (self->read_row, error->message);
  else
    adw_action_row_set_subtitle (self->read_row, names->len > 0 ? names->str : _("Nobody yet"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "story-training.mark-read",
                                 story_id > 0 && actor > 0 && !read_by_actor);
  if (actor <= 0)
    gtk_widget_set_tooltip_text (self->read_button, _("Pick who is at the desk first"));
  else if (read_by_actor)
    gtk_widget_set_tooltip_text (self->read_button, _("You have read it"));
  else
    gtk_widget_set_tooltip_text (self->read_button,
                                 _("Record that you, the person at the desk, have read this story"));
}

static void
mark_read_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AmendsStoryTraining *self = AMENDS_STORY_TRAINING (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->story == NULL)
    return;

  if (!amends_store_mark_story_read (self->store, amends_record_get_id (AMENDS_RECORD (self->story)),
                                     amends_store_get_actor_id (self->store), &error))
    {
      adw_action_row_set_subtitle (self->read_row, error->message);
      return;
    }

  update_readers (self);
}

static void
amends_story_training_dispose (GObject *object)
{
  AmendsStoryTraining *self = (AmendsStoryTraining *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->story);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_STORY_TRAINING);

  G_OBJECT_CLASS (amends_story_training_parent_class)->dispose (object);
}

static void
amends_story_training_class_init (AmendsStoryTrainingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_story_training_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/amends-story-training.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsStoryTraining, training_switch);
  gtk_widget_class_bind_template_child (widget_class, AmendsStoryTraining, read_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsStoryTraining, read_button);

  gtk_widget_class_install_action (widget_class, "story-training.mark-read", NULL, mark_read_action);

  /**
   * AmendsStoryTraining::changed:
   *
   * The Training Example switch was turned: the story has a change to save.
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
amends_story_training_init (AmendsStoryTraining *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "story-training.mark-read", FALSE);
  g_signal_connect_swapped (self->training_switch, "notify::active", G_CALLBACK (on_switch_cb), self);
}

/**
 * amends_story_training_load:
 * @story: the editor's copy of the story
 *
 * Shows whether @story is a training example and who has read it.
 */
void
amends_story_training_load (AmendsStoryTraining *self,
                            AmendsStore         *store,
                            AmendsStory         *story)
{
  g_return_if_fail (AMENDS_IS_STORY_TRAINING (self));

  if (self->store != store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      /* Who is at the desk decides whether "Mark as Read by Me" can be. */
      if (store != NULL)
        g_signal_connect_object (store, "notify::actor-id", G_CALLBACK (update_readers),
                                 self, G_CONNECT_SWAPPED);
    }
  g_set_object (&self->story, story);

  gtk_switch_set_active (self->training_switch, story != NULL && amends_story_get_training (story));
  update_readers (self);
}

/* Whether the story is to be saved as a training example. */
gboolean
amends_story_training_get_active (AmendsStoryTraining *self)
{
  g_return_val_if_fail (AMENDS_IS_STORY_TRAINING (self), FALSE);

  return gtk_switch_get_active (self->training_switch);
}
