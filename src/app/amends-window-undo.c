/* amends-window-undo.c: Ctrl+Z on the Cases view: the last change to cases
 *
 * One change can be taken back: the last batch (assign, set status or
 * category, trash, restore from the trash) or the last step of a
 * recovery taken in the editor (a status move, the clock paused or
 * running again, ownership taken).  It is kept with its toast, as on the
 * board: the toast's Undo and Ctrl+Z do the same, and once the toast is
 * gone, so is the undo.  An undo never writes over what someone changed
 * since (amends_batch_undo()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-window-undo"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-window-private.h"

/* The name amends-store-transaction.c gives the timeout that looks for
 * other programs' changes (test-ui-cases checks that they still agree). */
#define STORE_WATCH_SOURCE_NAME "[amends] other programs' changes"

static void
forget_undo (AmendsWindow *self)
{
  self->undo_toast = NULL;
  g_clear_pointer (&self->last_batch, amends_batch_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-shortcut", FALSE);
}

static void
on_undo_toast_dismissed_cb (AmendsWindow *self,
                            AdwToast     *toast)
{
  if (self->undo_toast == toast)
    forget_undo (self);
}

/**
 * amends_window_offer_undo:
 * @batch: (transfer full): the change just made
 * @title: what it did, as the toast says it
 *
 * Keeps @batch for undo and says what happened, with an Undo button.
 */
void
amends_window_offer_undo (AmendsWindow *self,
                          AmendsBatch  *batch,
                          const char   *title)
{
  AdwToast *toast;

  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  forget_undo (self);

  self->last_batch = batch;
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "dismissed",
                           G_CALLBACK (on_undo_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  self->undo_toast = toast;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-shortcut", TRUE);
  amends_window_add_toast (self, toast);
}

static void
undo (AmendsWindow *self)
{
  g_autoptr(AmendsBatch) batch = g_steal_pointer (&self->last_batch);
  AdwToast *toast = self->undo_toast;
  g_autoptr(GError) error = NULL;

  if (batch == NULL)
    return;

  forget_undo (self);
  if (toast != NULL)
    adw_toast_dismiss (toast);

  /* The undo is a change too: it is not itself offered for undo. */
  self->undoing = TRUE;
  if (!amends_batch_undo (batch, &error))
    amends_window_show_error (self, error->message);
  self->undoing = FALSE;
}

/* The toast's Undo. */
static void
amends_window_undo_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  undo (AMENDS_WINDOW (widget));
}

/* Text being typed has an undo of its own (GtkText's, the text view's):
 * Ctrl+Z there is never taken for the cases. */
static gboolean
focus_is_in_text (AmendsWindow *self)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  return focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus));
}

/* Ctrl+Z: on the Cases view, when no text has the focus.  The board has
 * its own Ctrl+Z, for its own moves. */
static void
amends_window_undo_shortcut_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  AmendsWindow *self = AMENDS_WINDOW (widget);

  if (focus_is_in_text (self) ||
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "cases") != 0)
    return;

  undo (self);
}

/* What the editor's steps change.  The other fields change as the person
 * types, and have the text's own undo. */
static char *
describe_step (AmendsCase *before,
               AmendsCase *after)
{
  const char *reference = amends_case_get_reference (after);

  if (amends_case_get_status (before) != amends_case_get_status (after))
    /* Translators: a case's reference, then a status, as in
     * "C-2026-00012 is now In recovery" */
    return g_strdup_printf (_("%s is now %s"), reference,
                            amends_case_status_to_label (amends_case_get_status (after)));

  if ((amends_case_get_paused_at (before) == NULL) != (amends_case_get_paused_at (after) == NULL))
    return amends_case_get_paused_at (after) != NULL
           /* Translators: %s is a case's reference */
           ? g_strdup_printf (_("%s: recovery clock paused"), reference)
           /* Translators: %s is a case's reference */
           : g_strdup_printf (_("%s: recovery clock running again"), reference);

  if (amends_case_get_owner_id (before) != amends_case_get_owner_id (after))
    /* Translators: %s is a case's reference */
    return g_strdup_printf (_("%s has a new owner"), reference);

  return NULL;
}

/* Another program's changes reach the store from its watch, a timeout
 * of its own; ours from the store call that made them. */
static gboolean
change_is_from_elsewhere (void)
{
  GSource *source = g_main_current_source ();

  return source != NULL &&
         g_strcmp0 (g_source_get_name (source), STORE_WATCH_SOURCE_NAME) == 0;
}

static void
on_record_changed_cb (AmendsWindow *self,
                      GType         type,
                      gint64        id,
                      AmendsStore  *store)
{
  g_autoptr(AmendsCase) now = NULL;
  g_autofree char *step = NULL;

  if (type != AMENDS_TYPE_CASE || self->shown_case == NULL ||
      amends_record_get_id (AMENDS_RECORD (self->shown_case)) != id)
    return;

  now = amends_store_load (self->store, AMENDS_TYPE_CASE, id, NULL);
  if (now != NULL && !self->undoing && !change_is_from_elsewhere () &&
      (step = describe_step (self->shown_case, now)) != NULL)
    amends_window_offer_undo (self, amends_batch_new_for_change (self->store, self->shown_case, now), step);

  g_set_object (&self->shown_case, now);
}

/**
 * amends_window_follow_shown_case:
 * @case_id: the case the editor shows now, or 0
 *
 * Keeps the case the editor shows as it is stored, so that a step taken
 * on it can be undone.
 */
void
amends_window_follow_shown_case (AmendsWindow *self,
                                 gint64        case_id)
{
  if (self->shown_case != NULL &&
      amends_record_get_id (AMENDS_RECORD (self->shown_case)) == case_id)
    return;

  g_clear_object (&self->shown_case);
  if (case_id != 0)
    self->shown_case = amends_store_load (self->store, AMENDS_TYPE_CASE, case_id, NULL);
}

void
amends_window_undo_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, amends_window_undo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-shortcut", NULL, amends_window_undo_shortcut_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo-shortcut", NULL);
}

void
amends_window_undo_constructed (AmendsWindow *self)
{
  forget_undo (self);
  g_signal_connect_object (self->store, "record-changed",
                           G_CALLBACK (on_record_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
amends_window_undo_dispose (AmendsWindow *self)
{
  self->undo_toast = NULL;
  g_clear_pointer (&self->last_batch, amends_batch_free);
  g_clear_object (&self->shown_case);
}
