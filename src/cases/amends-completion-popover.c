/* amends-completion-popover.c: what an entry row could be completed to
 *
 * A list of names under an entry row, in a popover that never takes the
 * focus: typing goes on in the row.  Down and Up move through the list,
 * Enter or Tab takes the chosen name, Escape closes it; Enter with no name
 * chosen is left to the row (the intake dialog logs the case).  What to
 * suggest is the owner's to say, as the person types
 * (amends_completion_popover_show_names()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-completion-popover"

#include "config.h"

#include "amends-completion-popover.h"

struct _AmendsCompletionPopover
{
  GtkPopover   parent_instance;

  AdwEntryRow *row;
  GtkListBox  *list;
  /* Set while a name is put into the row, which is no reason to suggest
   * anything again. */
  gboolean     filling;
};

G_DEFINE_FINAL_TYPE (AmendsCompletionPopover, amends_completion_popover, GTK_TYPE_POPOVER)

/* The text inside the row: what has the focus, and what a screen reader
 * announces. */
static GtkAccessible *
row_text (AmendsCompletionPopover *self)
{
  return GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (self->row)));
}

/* Only what the person is typing right now is worth suggesting for. */
static gboolean
row_has_focus (AmendsCompletionPopover *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->row));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->row));
}

static gboolean
is_shown (AmendsCompletionPopover *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self));
}

static void
accept (AmendsCompletionPopover *self,
        GtkListBoxRow           *row)
{
  GtkWidget *label = gtk_list_box_row_get_child (row);

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->row), gtk_label_get_text (GTK_LABEL (label)));
  gtk_editable_set_position (GTK_EDITABLE (self->row), -1);
  self->filling = FALSE;

  amends_completion_popover_hide (self);
}

static void
move (AmendsCompletionPopover *self,
      int                      step)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->list);
  int index = selected ? gtk_list_box_row_get_index (selected) + step : (step > 0 ? 0 : -1);
  GtkListBoxRow *row = index >= 0 ? gtk_list_box_get_row_at_index (self->list, index) : NULL;

  /* Up from the first name goes back to what was typed. */
  if (row != NULL)
    gtk_list_box_select_row (self->list, row);
  else if (index < 0)
    gtk_list_box_unselect_all (self->list);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey   *controller,
                   guint                    keyval,
                   guint                    keycode,
                   GdkModifierType          state,
                   AmendsCompletionPopover *self)
{
  GtkListBoxRow *selected;

  if (!is_shown (self))
    return GDK_EVENT_PROPAGATE;

  selected = gtk_list_box_get_selected_row (self->list);

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move (self, 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move (self, -1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Escape:
      amends_completion_popover_hide (self);
      return GDK_EVENT_STOP;

    /* Enter on a chosen name takes it; on none, it is the row's. */
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (selected == NULL)
        {
          amends_completion_popover_hide (self);
          return GDK_EVENT_PROPAGATE;
        }
      accept (self, selected);
      return GDK_EVENT_STOP;

    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
    case GDK_KEY_KP_Tab:
      if (selected != NULL)
        accept (self, selected);
      else
        amends_completion_popover_hide (self);
      return GDK_EVENT_PROPAGATE;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
on_focus_leave_cb (AmendsCompletionPopover *self)
{
  amends_completion_popover_hide (self);
}

static void
on_row_activated_cb (AmendsCompletionPopover *self,
                     GtkListBoxRow           *row)
{
  accept (self, row);
}

static void
amends_completion_popover_class_init (AmendsCompletionPopoverClass *klass)
{
}

static void
amends_completion_popover_init (AmendsCompletionPopover *self)
{
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  g_signal_connect_swapped (self->list, "row-activated",
                            G_CALLBACK (on_row_activated_cb), self);

  /* Never takes the focus from the row, nor the keyboard: the row's own
   * key controller moves through the list. */
  gtk_popover_set_autohide (GTK_POPOVER (self), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (self), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self), GTK_POS_BOTTOM);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
  gtk_popover_set_child (GTK_POPOVER (self), GTK_WIDGET (self->list));
}

/**
 * amends_completion_popover_new:
 * @row: the row it completes; it is the popover's parent, and the popover
 *   goes with it
 * @list_label: what a screen reader calls the list
 */
AmendsCompletionPopover *
amends_completion_popover_new (AdwEntryRow *row,
                               const char  *list_label)
{
  AmendsCompletionPopover *self;
  GtkEventController *controller;

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), NULL);

  self = g_object_new (AMENDS_TYPE_COMPLETION_POPOVER, NULL);
  self->row = row;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, list_label,
                                  -1);
  gtk_widget_set_parent (GTK_WIDGET (self), GTK_WIDGET (row));

  /* Capture: before the row's text, and before the list it is in moves
   * the focus on Up and Down. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "amends-suggestion-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (row), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (on_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (row), controller);

  gtk_accessible_update_property (row_text (self),
                                  GTK_ACCESSIBLE_PROPERTY_AUTOCOMPLETE, GTK_ACCESSIBLE_AUTOCOMPLETE_LIST,
                                  -1);

  return self;
}

/**
 * amends_completion_popover_show_names:
 * @names: (array length=n_names): what the row could be completed to
 *
 * Shows @names under the row, or nothing when there is nothing to add to
 * what was typed, or the person is not typing in the row.
 */
void
amends_completion_popover_show_names (AmendsCompletionPopover *self,
                                      const char * const      *names,
                                      guint                    n_names)
{
  g_autofree char *typed = NULL;
  GtkWidget *child;

  g_return_if_fail (AMENDS_IS_COMPLETION_POPOVER (self));

  typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->row))));
  if (n_names == 0 ||
      (n_names == 1 && amends_completion_popover_same_name (names[0], typed)) ||
      !row_has_focus (self))
    {
      amends_completion_popover_hide (self);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < n_names; i++)
    {
      GtkWidget *label = gtk_label_new (names[i]);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_list_box_append (self->list, label);
    }

  /* As wide as the row, so that it reads as the row's own list. */
  gtk_widget_set_size_request (GTK_WIDGET (self->list),
                               MAX (gtk_widget_get_width (GTK_WIDGET (self->row)) - 24, 200),
                               -1);

  if (!is_shown (self))
    gtk_popover_popup (GTK_POPOVER (self));
  gtk_accessible_update_state (row_text (self),
                               GTK_ACCESSIBLE_STATE_EXPANDED, TRUE,
                               -1);
}

void
amends_completion_popover_hide (AmendsCompletionPopover *self)
{
  g_return_if_fail (AMENDS_IS_COMPLETION_POPOVER (self));

  if (is_shown (self))
    gtk_popover_popdown (GTK_POPOVER (self));
  gtk_accessible_update_state (row_text (self),
                               GTK_ACCESSIBLE_STATE_EXPANDED, FALSE,
                               -1);
}

/**
 * amends_completion_popover_is_filling:
 *
 * Returns: whether the row is changing because a name was taken, which is
 *   no reason to suggest anything again
 */
gboolean
amends_completion_popover_is_filling (AmendsCompletionPopover *self)
{
  g_return_val_if_fail (AMENDS_IS_COMPLETION_POPOVER (self), FALSE);

  return self->filling;
}

/**
 * amends_completion_popover_same_name:
 *
 * Returns: whether @a and @b are the same name to a person: case does not
 *   count
 */
gboolean
amends_completion_popover_same_name (const char *a,
                                     const char *b)
{
  g_autofree char *folded_a = g_utf8_casefold (a, -1);
  g_autofree char *folded_b = g_utf8_casefold (b, -1);

  return g_strcmp0 (folded_a, folded_b) == 0;
}
