/* amends-case-handover.c: Hand Over…, passing a case to another team
 *
 * Recovery often needs another team: housekeeping, the kitchen, the
 * clinic's records office.  Hand Over… asks which team takes the case on
 * (the teams in use are offered, any other can be typed) and for a note
 * of what they need to know, then sets the case's team and writes a
 * hand-over entry on its timeline, in one transaction.
 *
 * The owner: by default the case is left without one, for someone of the
 * new team to take ownership of; it then shows among the unowned cases,
 * where the new team looks.  The owner until then becomes a helper, so
 * that their part in the recovery is still credited (a story of the case
 * names them as a hero).  Unticking "Leave the owner to the new team"
 * keeps the owner, for a hand-over of a part of the work only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-case-handover"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-case-editor-private.h"
#include "amends-store-helpers.h"

typedef struct
{
  gint64       case_id;
  GtkComboBoxText *team;
  GtkEntry    *note;
  GtkCheckButton *clear_owner;
} HandOver;

static void
hand_over_free (HandOver *h)
{
  g_free (h);
}

static GtkEntry *
team_entry (GtkComboBoxText *combo)
{
  return GTK_ENTRY (gtk_combo_box_get_child (GTK_COMBO_BOX (combo)));
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                AmendsCaseEditor *self)
{
  HandOver *h = g_object_get_data (G_OBJECT (dialog), "hand-over");
  g_autoptr(GError) error = NULL;
  const char *team;
  gboolean ok;

  if (!g_str_equal (response, "hand-over") || self->kase == NULL || h->case_id != self->case_id)
    return;

  team = gtk_editable_get_text (GTK_EDITABLE (team_entry (h->team)));

  /* What was typed is saved first, as before any step; a conflict is
   * settled by its own dialog, and the hand-over waits for another go. */
  if (!amends_autosave_save (self->autosave, &error) &&
      g_error_matches (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CONFLICT))
    return;
  g_clear_error (&error);

  ok = amends_store_hand_over (self->store, self->kase, team,
                               gtk_editable_get_text (GTK_EDITABLE (h->note)),
                               gtk_check_button_get_active (h->clear_owner), &error);
  if (!ok)
    _amends_case_editor_report_error (self, error->message);

  amends_autosave_show (self->autosave, TRUE);
  _amends_case_editor_update_header (self);
}

static void
on_team_changed_cb (GtkEditable      *entry,
                    AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "hand-over", *text != '\0');
}

static GtkWidget *
labelled (const char *text,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);

  return box;
}

static void
hand_over_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AmendsCaseEditor *self = AMENDS_CASE_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_auto(GStrv) teams = NULL;
  g_autofree char *current = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *box;
  HandOver *h;

  if (self->kase == NULL)
    return;

  g_object_get (self->kase, "team", &current, NULL);
  teams = amends_store_list_teams (self->store, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Hand Over to Another Team?"),
                                                       _("The case goes to the team you name, with a note of what they need to know. The hand-over shows on its timeline.")));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_add_response (dialog, "hand-over", _("_Hand Over"));
  adw_message_dialog_set_response_appearance (dialog, "hand-over", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "hand-over");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "hand-over", FALSE);

  /* The answer is for this case, even if another is shown by then. */
  h = g_new0 (HandOver, 1);
  h->case_id = self->case_id;
  g_object_set_data_full (G_OBJECT (dialog), "hand-over", h, (GDestroyNotify) hand_over_free);

  h->team = GTK_COMBO_BOX_TEXT (gtk_combo_box_text_new_with_entry ());
  for (guint i = 0; teams != NULL && teams[i] != NULL; i++)
    if (g_strcmp0 (teams[i], current) != 0)
      gtk_combo_box_text_append_text (h->team, teams[i]);
  gtk_entry_set_activates_default (team_entry (h->team), TRUE);
  gtk_entry_set_placeholder_text (team_entry (h->team), _("Housekeeping"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (team_entry (h->team)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Team that takes the case on"), -1);
  g_signal_connect (team_entry (h->team), "changed", G_CALLBACK (on_team_changed_cb), dialog);

  h->note = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_activates_default (h->note, TRUE);
  gtk_entry_set_placeholder_text (h->note, _("Two extra towels promised by 9 pm"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (h->note),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note for the new team"), -1);

  h->clear_owner = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Leave the owner to the new team")));
  gtk_check_button_set_active (h->clear_owner, TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (h->clear_owner),
                               _("The case waits, unowned, for someone of the new team to take ownership; the owner until now stays credited as a helper"));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), labelled (_("_Team"), GTK_WIDGET (h->team)));
  gtk_box_append (GTK_BOX (box), labelled (_("_Note"), GTK_WIDGET (h->note)));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (h->clear_owner));
  adw_message_dialog_set_extra_child (dialog, box);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (team_entry (h->team)));
}

void
_amends_case_editor_class_init_handover (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "case.hand-over", NULL, hand_over_action);
}
