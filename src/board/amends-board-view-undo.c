/* amends-board-view-undo.c: the board's toasts, and undoing its last move
 *
 * Every move says what it did in a toast with an Undo button, as
 * everywhere in GNOME; the undo goes with its toast.  Errors are toasts
 * too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-board-view"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-board-view-private.h"
#include "amends-store-stories.h"

void
amends_board_view_show_toast (AmendsBoardView *self,
            AdwToast        *toast)
{
  guint signal_id = g_signal_lookup ("toast", AMENDS_TYPE_BOARD_VIEW);
  GtkWidget *overlay;

  if (g_signal_has_handler_pending (self, signal_id, 0, FALSE))
    {
      g_signal_emit (self, signal_id, 0, toast);
      return;
    }

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (toast));
  else
    g_message ("%s", adw_toast_get_title (toast));
}

void
amends_board_view_show_error (AmendsBoardView *self,
            const GError    *error)
{
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  toast = adw_toast_new (escaped);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  amends_board_view_show_toast (self, toast);
}

void
amends_board_view_clear_undo (AmendsBoardView *self)
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

void
amends_board_view_undo_move (AmendsBoardView *self)
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
      /* The card put back has the focus, wherever the undo came from: the
       * card that had it has gone, or shows another story.  With the ring
       * if the focus was on the board, as it is for Ctrl+Z. */
      if (amends_store_move_story (self->store, story, self->undo_stage, &error))
        {
          self->focus_story_id = self->undo_story_id;
          self->focus_ring = (gtk_widget_get_state_flags (GTK_WIDGET (self)) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
        }
    }

  amends_board_view_clear_undo (self);

  if (toast != NULL)
    {
      g_signal_handlers_disconnect_matched (toast, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      adw_toast_dismiss (toast);
      g_object_unref (toast);
    }

  if (error != NULL)
    amends_board_view_show_error (self, error);
}

static void
on_toast_button_clicked_cb (AdwToast        *toast,
                            AmendsBoardView *self)
{
  if (toast == self->undo_toast)
    amends_board_view_undo_move (self);
}

static void
on_toast_dismissed_cb (AdwToast        *toast,
                       AmendsBoardView *self)
{
  /* The undo goes with its toast, as everywhere in GNOME. */
  if (toast == self->undo_toast)
    amends_board_view_clear_undo (self);
}

void
amends_board_view_offer_undo (AmendsBoardView  *self,
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
      amends_board_view_clear_undo (self);
      adw_toast_dismiss (old);
    }
  amends_board_view_clear_undo (self);

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

  amends_board_view_show_toast (self, toast);
}
