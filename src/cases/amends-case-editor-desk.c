/* amends-case-editor-desk.c: "Who are you?", asked by Take Ownership
 *
 * Taking ownership is for the person at the desk.  With nobody picked at
 * the desk, the step does not wait greyed out for someone to find the
 * picker at the top of the window: it asks who is taking the case, in a
 * popover under the button, with the active staff to choose from (or, if
 * there are none yet, the way to add them).  The person chosen is then
 * at the desk (the window's picker follows the same setting) and owns
 * the case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-case-editor-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-case-editor-private.h"

/* The person chosen is at the desk: the setting the window's picker and
 * the application's store follow.  Without an application bound to it
 * (the editor on its own), the store is told directly. */
static void
set_desk (AmendsCaseEditor *self,
          gint64            staff_id)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_int64 (settings, "current-staff", staff_id);
  if (amends_store_get_actor_id (self->store) != staff_id)
    amends_store_set_actor_id (self->store, staff_id);
}

static void
on_who_row_activated_cb (GtkListBox       *list,
                         GtkListBoxRow    *row,
                         AmendsCaseEditor *self)
{
  gint64 *staff_id = g_object_get_data (G_OBJECT (row), "staff-id");

  if (staff_id == NULL)
    return;

  gtk_popover_popdown (self->who_popover);
  set_desk (self, *staff_id);
  _amends_case_editor_take_ownership (self, *staff_id);
}

static GtkWidget *
create_who_row (AmendsStaff *member)
{
  gint64 id = amends_record_get_id (AMENDS_RECORD (member));
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (amends_staff_get_name (member));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_margin_start (label, 8);
  gtk_widget_set_margin_end (label, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data_full (G_OBJECT (row), "staff-id", g_memdup2 (&id, sizeof id), g_free);

  return row;
}

/* Fills the popover with today's staff; returns the widget to focus. */
static GtkWidget *
fill_who_popover (AmendsCaseEditor *self)
{
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *first = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->who_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->who_list), child);

  if (!(staff = amends_store_list_staff (self->store, FALSE, &error)))
    _amends_case_editor_report_error (self, error->message);

  for (guint i = 0; staff != NULL && i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(AmendsStaff) member = g_list_model_get_item (staff, i);
      GtkWidget *row = create_who_row (member);

      gtk_list_box_append (GTK_LIST_BOX (self->who_list), row);
      if (first == NULL)
        first = row;
    }

  gtk_widget_set_visible (self->who_scroller, first != NULL);
  gtk_widget_set_visible (self->who_empty_box, first == NULL);

  return first != NULL ? first : self->who_add_button;
}

/* Opens "Who are you?" under Take Ownership, with the focus on the first
 * person offered, or on Add People when there is nobody to offer. */
void
_amends_case_editor_ask_who (AmendsCaseEditor *self)
{
  GtkWidget *focus = fill_who_popover (self);

  gtk_popover_popup (self->who_popover);
  gtk_widget_grab_focus (focus);
}

static GtkWidget *
build_who_popover (AmendsCaseEditor *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Who Are You?"));
  GtkWidget *body = gtk_label_new (_("Taking ownership is for the person at the desk. Pick your name: you will be at the desk, and own this case."));
  GtkWidget *empty = gtk_label_new (_("There is nobody on the staff list yet. Add the people who work the desk first."));

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (body), 36);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_widget_add_css_class (body, "dim-label");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), body);

  self->who_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->who_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->who_list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->who_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Who are you?"),
                                  -1);
  g_signal_connect (self->who_list, "row-activated", G_CALLBACK (on_who_row_activated_cb), self);

  self->who_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->who_scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->who_scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->who_scroller), 320);
  gtk_widget_set_margin_top (self->who_scroller, 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->who_scroller), self->who_list);
  gtk_box_append (GTK_BOX (box), self->who_scroller);

  self->who_empty_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (empty), 36);
  gtk_label_set_xalign (GTK_LABEL (empty), 0);
  gtk_box_append (GTK_BOX (self->who_empty_box), empty);
  /* The staff page, in the preferences. */
  self->who_add_button = gtk_button_new_with_mnemonic (_("_Add People…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->who_add_button), "app.preferences");
  gtk_widget_set_tooltip_text (self->who_add_button, _("Open the staff list, to add the people who work the desk"));
  gtk_widget_add_css_class (self->who_add_button, "suggested-action");
  gtk_widget_set_halign (self->who_add_button, GTK_ALIGN_END);
  g_signal_connect_swapped (self->who_add_button, "clicked", G_CALLBACK (gtk_popover_popdown), popover);
  gtk_box_append (GTK_BOX (self->who_empty_box), self->who_add_button);
  gtk_box_append (GTK_BOX (box), self->who_empty_box);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (popover),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Who are you?"),
                                  -1);

  return popover;
}

void
_amends_case_editor_init_desk (AmendsCaseEditor *self)
{
  self->who_popover = GTK_POPOVER (build_who_popover (self));
  gtk_widget_set_parent (GTK_WIDGET (self->who_popover), self->take_ownership_button);
}

void
_amends_case_editor_dispose_desk (AmendsCaseEditor *self)
{
  if (self->who_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->who_popover));
  self->who_popover = NULL;
}
