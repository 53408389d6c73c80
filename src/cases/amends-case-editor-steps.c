/* amends-case-editor-steps.c: the steps of a recovery, from the case editor
 *
 * Only the steps that make sense for the case are offered: their actions
 * are enabled, and their buttons shown, from the case's status.  A step
 * that needs a word first (the fix, the customer's reaction, why the
 * clock stops) asks for it in a dialog; the answer is for the case that
 * was shown when it was asked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-case-editor-steps"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-case-editor-private.h"
#include "amends-clock.h"
#include "amends-store-stories.h"
#include "amends-enum-types.h"

static guint
set_step (AmendsCaseEditor *self,
          const char       *action,
          GtkWidget        *button,
          gboolean          enabled,
          gboolean          visible)
{
  GtkWidget *flow_child = gtk_widget_get_parent (button);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), action, enabled);
  /* Hide the flow box's child, or its spacing would stay. */
  gtk_widget_set_visible (flow_child, visible);
  /* GtkFlowBox gives Tab to its first sensitive child and keeps it even
   * when nothing in that child takes the focus: a step shown greyed out
   * first stopped Tab there, and the fields below could not be reached
   * by keyboard (issue 13).  An insensitive child is passed over. */
  gtk_widget_set_sensitive (flow_child, enabled);

  return visible ? 1 : 0;
}

static gboolean
fix_is_empty (AmendsCase *kase)
{
  g_autofree char *fix = NULL;

  g_object_get (kase, "fix", &fix, NULL);
  return fix == NULL || *g_strstrip (fix) == '\0';
}

/* A step's button hides once the step is taken, and the focus went with
 * it, nowhere: it moves on to what comes next, so that the keyboard
 * carries on from here.  A recovery without a fix written down goes on
 * with writing it; otherwise the step that now stands out is next. */
static void
focus_next_step (AmendsCaseEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *target = NULL;

  if (root == NULL || self->kase == NULL)
    return;

  /* Someone typing elsewhere keeps their place. */
  if (focus != NULL && gtk_widget_get_mapped (focus) &&
      !gtk_widget_is_ancestor (focus, self->actions_box))
    return;

  if (amends_case_get_status (self->kase) == AMENDS_CASE_STATUS_IN_RECOVERY &&
      fix_is_empty (self->kase) && gtk_widget_is_sensitive (self->fix_view))
    target = self->fix_view;
  else if (self->next_step != NULL && gtk_widget_get_visible (self->next_step))
    target = self->next_step;

  if (target != NULL && gtk_widget_grab_focus (target))
    return;

  /* Else the first step offered. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->actions_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD))
      return;
}

/* After a step on our own copy every field follows, even the one with the
 * cursor: the step just changed it. */
static void
after_step (AmendsCaseEditor *self,
            gboolean          ok,
            const GError     *error)
{
  if (!ok)
    _amends_case_editor_report_error (self, error->message);

  if (self->kase != NULL)
    {
      amends_autosave_show (self->autosave, TRUE);
      _amends_case_editor_update_header (self);
      if (ok)
        focus_next_step (self);
    }
}

static AdwMessageDialog *
create_dialog (AmendsCaseEditor *self,
               const char       *heading,
               const char       *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  /* The answer is for this case, even if another is shown by then. */
  g_object_set_data_full (G_OBJECT (dialog), "case-id",
                          g_memdup2 (&self->case_id, sizeof self->case_id), g_free);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  return ADW_MESSAGE_DIALOG (dialog);
}

static void
on_dialog_entry_changed_cb (GtkEditable      *entry,
                            AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  const char *response = g_object_get_data (G_OBJECT (entry), "required-for");

  adw_message_dialog_set_response_enabled (dialog, response, *text != '\0');
}

static void
add_dialog_entry (AdwMessageDialog *dialog,
                  const char       *label,
                  const char       *placeholder,
                  const char       *required_for)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  adw_message_dialog_set_extra_child (dialog, entry);

  if (required_for != NULL)
    {
      g_object_set_data (G_OBJECT (entry), "required-for", (gpointer) required_for);
      adw_message_dialog_set_response_enabled (dialog, required_for, FALSE);
      g_signal_connect (entry, "changed", G_CALLBACK (on_dialog_entry_changed_cb), dialog);
    }
}

static gboolean
dialog_is_current (AmendsCaseEditor *self,
                   AdwMessageDialog *dialog)
{
  gint64 *case_id = g_object_get_data (G_OBJECT (dialog), "case-id");

  return self->kase != NULL && case_id != NULL && *case_id == self->case_id;
}

static char *
dup_dialog_text (AdwMessageDialog *dialog)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

/* What was typed is saved before a step.  A conflict with someone else's
 * change is settled first (the dialog asks); other failures are shown
 * and the step goes on, with the typed text kept to be saved again. */
static gboolean
save_typed (AmendsCaseEditor *self)
{
  g_autoptr(GError) error = NULL;

  return amends_autosave_save (self->autosave, &error) ||
         !g_error_matches (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CONFLICT);
}

static void
set_status (AmendsCaseEditor *self,
            AmendsCaseStatus  status)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!save_typed (self))
    return;
  ok = amends_store_set_case_status (self->store, self->kase, status, &error);
  after_step (self, ok, error);
}

static void
on_fix_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    AmendsCaseEditor *self)
{
  g_autofree char *fix = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (!g_str_equal (response, "recover") || !dialog_is_current (self, dialog))
    return;

  fix = dup_dialog_text (dialog);
  if (*fix == '\0')
    return;

  if (!save_typed (self))
    return;
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, fix);
  _amends_case_editor_set_from_dialog (self, "fix", &value);
  set_status (self, AMENDS_CASE_STATUS_RECOVERED);
}

static void
on_close_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      AmendsCaseEditor *self)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (AMENDS_TYPE_REACTION);
  GEnumValue *reaction = g_enum_get_value_by_nick (klass, response);
  g_auto(GValue) value = G_VALUE_INIT;

  if (reaction == NULL || !dialog_is_current (self, dialog))
    return;

  if (!save_typed (self))
    return;
  g_value_init (&value, G_TYPE_FROM_CLASS (klass));
  g_value_set_enum (&value, reaction->value);
  _amends_case_editor_set_from_dialog (self, "reaction", &value);
  set_status (self, AMENDS_CASE_STATUS_CLOSED);
}

static void
on_close_unrecovered_response_cb (AdwMessageDialog *dialog,
                                  const char       *response,
                                  AmendsCaseEditor *self)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (AMENDS_TYPE_CLOSE_REASON);
  GEnumValue *reason = g_enum_get_value_by_nick (klass, response);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (reason == NULL || !dialog_is_current (self, dialog))
    return;

  if (!save_typed (self))
    return;
  ok = amends_store_close_case (self->store, self->kase, reason->value, &error);
  after_step (self, ok, error);
}

static void
on_pause_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      AmendsCaseEditor *self)
{
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!g_str_equal (response, "pause") || !dialog_is_current (self, dialog))
    return;

  reason = dup_dialog_text (dialog);
  if (!save_typed (self))
    return;
  ok = amends_store_pause_clock (self->store, self->kase, *reason ? reason : NULL, &error);
  after_step (self, ok, error);
}

static void
on_purge_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      AmendsCaseEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete") || !dialog_is_current (self, dialog))
    return;

  if (!amends_store_purge_case (self->store, self->case_id, &error))
    _amends_case_editor_report_error (self, error->message);
}

void
_amends_case_editor_take_ownership (AmendsCaseEditor *self,
                                    gint64            staff_id)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->kase == NULL || staff_id <= 0)
    return;

  if (!save_typed (self))
    return;
  ok = amends_store_take_ownership (self->store, self->kase, staff_id, &error);
  after_step (self, ok, error);
}

/* With nobody at the desk, it asks who is taking the case. */
static void
take_ownership_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AmendsCaseEditor *self = AMENDS_CASE_EDITOR (widget);
  gint64 actor = amends_store_get_actor_id (self->store);

  if (self->kase == NULL)
    return;

  if (actor == 0)
    _amends_case_editor_ask_who (self);
  else
    _amends_case_editor_take_ownership (self, actor);
}

static void
start_recovery_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  set_status (AMENDS_CASE_EDITOR (widget), AMENDS_CASE_STATUS_IN_RECOVERY);
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  set_status (AMENDS_CASE_EDITOR (widget), AMENDS_CASE_STATUS_IN_RECOVERY);
}

static void
propose_story_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AmendsCaseEditor *self = AMENDS_CASE_EDITOR (widget);
  g_autoptr(AmendsStory) story = NULL;
  g_autoptr(GError) error = NULL;

  if (!save_typed (self))
    return;
  story = amends_store_propose_story (self->store, amends_record_get_id (AMENDS_RECORD (self->kase)), &error);
  if (story == NULL)
    g_signal_emit_by_name (self, "error", error->message);
  else
    g_signal_emit_by_name (self, "notice", _("Proposed as a story: it is on the board with the candidates"));

  _amends_case_editor_update_actions (self);
}

/* A finished case can go on the board, once. */
static gboolean
can_propose (AmendsCaseEditor *self)
{
  g_autoptr(AmendsStory) story = NULL;

  story = amends_store_find_story (self->store, amends_record_get_id (AMENDS_RECORD (self->kase)), NULL);

  return story == NULL || amends_story_get_stage (story) == AMENDS_STORY_STAGE_DISMISSED;
}

static void
mark_recovered_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AmendsCaseEditor *self = AMENDS_CASE_EDITOR (widget);
  AdwMessageDialog *dialog;
  g_autofree char *fix = NULL;

  if (!save_typed (self))
    return;
  g_object_get (self->kase, "fix", &fix, NULL);
  if (fix != NULL && *g_strstrip (fix) != '\0')
    {
      set_status (self, AMENDS_CASE_STATUS_RECOVERED);
      return;
    }

  dialog = create_dialog (self, _("What Was the Fix?"),
                          _("A recovery starts with fixing what went wrong. Write down what was done before marking the case recovered."));
  adw_message_dialog_add_response (dialog, "recover", _("_Mark Recovered"));
  adw_message_dialog_set_response_appearance (dialog, "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "recover");
  add_dialog_entry (dialog, _("The fix"), _("Moved them to a quiet room on the top floor"), "recover");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_fix_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AmendsCaseEditor *self = AMENDS_CASE_EDITOR (widget);
  AdwMessageDialog *dialog;

  dialog = create_dialog (self, _("How Did the Customer Take It?"),
                          _("Closing the case records the customer’s reaction. Blown-away customers are what the recovery measures count."));
  adw_message_dialog_add_responses (dialog,
                                    "blown-away", _("_Blown Away"),
                                    "satisfied", _("_Satisfied"),
                                    "neutral", _("_Neutral"),
                                    "still-unhappy", _("Still _Unhappy"),
                                    "unknown", _("_Don’t Know"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "blown-away", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The way out for a case that will not be recovered, or that was no
 * breakdown at all; the measures count each reason as it deserves. */
static void
close_unrecovered_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AmendsCaseEditor *self = AMENDS_CASE_EDITOR (widget);
  AdwMessageDialog *dialog;

  dialog = create_dialog (self, _("Close Without a Recovery?"),
                          _("A case closed without a fix counts as missed once its time is up. One that was not a service breakdown, or that repeats another case, is left out of the measures."));
  adw_message_dialog_add_responses (dialog,
                                    "not-recovered", _("_Not Recovered"),
                                    "not-a-breakdown", _("Not a _Breakdown"),
                                    "duplicate", _("D_uplicate"),
                                    NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_unrecovered_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
pause_clock_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AmendsCaseEditor *self = AMENDS_CASE_EDITOR (widget);
  AdwMessageDialog *dialog;

  dialog = create_dialog (self, _("Pause the Recovery Clock?"),
                          _("While the case waits on the customer, the time does not count against the target. What are you waiting for?"));
  adw_message_dialog_add_response (dialog, "pause", _("_Pause Clock"));
  adw_message_dialog_set_response_appearance (dialog, "pause", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "pause");
  add_dialog_entry (dialog, _("Why the clock is paused"), _("Out until tonight"), NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_pause_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
resume_clock_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AmendsCaseEditor *self = AMENDS_CASE_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!save_typed (self))
    return;
  ok = amends_store_resume_clock (self->store, self->kase, &error);
  after_step (self, ok, error);
}

static void
add_action_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  amends_timeline_focus_entry (AMENDS_CASE_EDITOR (widget)->timeline);
}

static void
trash_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AmendsCaseEditor *self = AMENDS_CASE_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!save_typed (self))
    return;

  /* The window trashes the cases selected in its list and offers to undo;
   * on its own, the editor trashes its case. */
  if (gtk_widget_activate_action (widget, "win.trash-cases", NULL))
    return;

  if (!amends_store_trash_case (self->store, self->case_id, &error))
    _amends_case_editor_report_error (self, error->message);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AmendsCaseEditor *self = AMENDS_CASE_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!amends_store_restore_case (self->store, self->case_id, &error))
    _amends_case_editor_report_error (self, error->message);
}

static void
delete_for_good_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AmendsCaseEditor *self = AMENDS_CASE_EDITOR (widget);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* Translators: %s is a case's reference, such as C-2026-00042 */
  body = g_strdup_printf (_("%s and its timeline will be removed for ever. This cannot be undone."),
                          amends_case_get_reference (self->kase));
  dialog = create_dialog (self, _("Delete This Case for Good?"), body);
  adw_message_dialog_add_response (dialog, "delete", _("_Delete for Good"));
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_purge_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_category_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AmendsCaseEditor *self = AMENDS_CASE_EDITOR (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->category_row), g_variant_get_string (parameter, NULL));
}

void
_amends_case_editor_class_init_steps (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "case.take-ownership", NULL, take_ownership_action);
  gtk_widget_class_install_action (widget_class, "case.start-recovery", NULL, start_recovery_action);
  gtk_widget_class_install_action (widget_class, "case.mark-recovered", NULL, mark_recovered_action);
  gtk_widget_class_install_action (widget_class, "case.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "case.close-unrecovered", NULL, close_unrecovered_action);
  gtk_widget_class_install_action (widget_class, "case.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "case.propose-story", NULL, propose_story_action);
  gtk_widget_class_install_action (widget_class, "case.pause-clock", NULL, pause_clock_action);
  gtk_widget_class_install_action (widget_class, "case.resume-clock", NULL, resume_clock_action);
  gtk_widget_class_install_action (widget_class, "case.add-action", NULL, add_action_action);
  gtk_widget_class_install_action (widget_class, "case.trash", NULL, trash_action);
  gtk_widget_class_install_action (widget_class, "case.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "case.delete-for-good", NULL, delete_for_good_action);
  gtk_widget_class_install_action (widget_class, "case.set-category", "s", set_category_action);
}

void
_amends_case_editor_init_steps (AmendsCaseEditor *self)
{
  _amends_case_editor_init_desk (self);

  /* Buttons in the flow box are reached with Tab like any others, not its
   * children. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->actions_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}

void
_amends_case_editor_update_actions (AmendsCaseEditor *self)
{
  AmendsCase *kase = self->kase;
  gboolean writable = !amends_store_get_read_only (self->store);
  gboolean trashed = writable && kase != NULL && amends_case_get_deleted_at (kase) != NULL;
  gboolean live = writable && kase != NULL && amends_case_get_deleted_at (kase) == NULL;
  AmendsCaseStatus status = kase ? amends_case_get_status (kase) : AMENDS_CASE_STATUS_OPEN;
  gboolean active = live && amends_case_is_active (kase);
  gboolean paused = live && amends_case_get_paused_at (kase) != NULL;
  gboolean past_due = FALSE;
  gint64 actor = amends_store_get_actor_id (self->store);
  /* With nobody at the desk the step asks who is taking the case. */
  gboolean can_own = live && status != AMENDS_CASE_STATUS_CLOSED &&
                     (actor == 0 || amends_case_get_owner_id (kase) != actor);
  GtkWidget *next = NULL;
  guint shown = 0;

  if (active && !paused)
    {
      g_autoptr(GDateTime) now = amends_store_dup_now (self->store);
      past_due = amends_clock_get_state (kase, now) == AMENDS_CLOCK_STATE_OVERDUE;
    }

  shown += set_step (self, "case.take-ownership", self->take_ownership_button, can_own, can_own);
  gtk_widget_set_tooltip_text (self->take_ownership_button,
                               actor > 0 ?
                               _("Make the person at the desk the owner of this case") :
                               _("Say who you are, and own this case"));

  shown += set_step (self, "case.start-recovery", self->start_recovery_button,
            live && status == AMENDS_CASE_STATUS_OPEN, live && status == AMENDS_CASE_STATUS_OPEN);
  shown += set_step (self, "case.mark-recovered", self->mark_recovered_button, active, active);
  shown += set_step (self, "case.close", self->close_button,
            live && status == AMENDS_CASE_STATUS_RECOVERED, live && status == AMENDS_CASE_STATUS_RECOVERED);
  shown += set_step (self, "case.reopen", self->reopen_button,
            live && !amends_case_is_active (kase), live && !amends_case_is_active (kase));
  {
    AmendsCloseReason reason = kase ? amends_case_get_close_reason (kase) : AMENDS_CLOSE_REASON_NONE;
    /* No story in a case that was no breakdown, or a duplicate. */
    gboolean finished = live && !amends_case_is_active (kase) &&
                        reason != AMENDS_CLOSE_REASON_NOT_A_BREAKDOWN &&
                        reason != AMENDS_CLOSE_REASON_DUPLICATE;
    gboolean proposable = finished && can_propose (self);

    shown += set_step (self, "case.propose-story", self->propose_button, proposable, proposable);
  }
  /* Only while there is time left: a pause past due would hide that the
   * time was missed (the store refuses it, and says so). */
  shown += set_step (self, "case.pause-clock", self->pause_button,
                     active && !paused && !past_due, active && !paused && !past_due);
  shown += set_step (self, "case.resume-clock", self->resume_button, paused, paused);

  /* A homogeneous flow box is as wide as its longest line: one line of
   * the steps shown, wrapping only when the editor is narrower. */
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->actions_box), MAX (shown, 1));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.add-action", live);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.trash", live);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.close-unrecovered",
                                 live && status != AMENDS_CASE_STATUS_CLOSED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.set-category", live);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.restore", trashed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.delete-for-good", trashed);

  /* The one step that moves the case on stands out: for a case nobody
   * owns, taking ownership comes first. */
  if (live && amends_case_is_active (kase) && amends_case_get_owner_id (kase) <= 0 && can_own)
    next = self->take_ownership_button;
  else if (live && status == AMENDS_CASE_STATUS_OPEN)
    next = self->start_recovery_button;
  else if (live && status == AMENDS_CASE_STATUS_IN_RECOVERY)
    next = self->mark_recovered_button;
  else if (live && status == AMENDS_CASE_STATUS_RECOVERED)
    next = self->close_button;

  gtk_widget_remove_css_class (self->take_ownership_button, "suggested-action");
  gtk_widget_remove_css_class (self->start_recovery_button, "suggested-action");
  gtk_widget_remove_css_class (self->mark_recovered_button, "suggested-action");
  gtk_widget_remove_css_class (self->close_button, "suggested-action");
  if (next != NULL)
    gtk_widget_add_css_class (next, "suggested-action");
  self->next_step = next;
}
