/* amends-utils.c: small things several widgets do alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-utils"

#include "config.h"

#include "amends-utils.h"
#include "amends-window.h"

/**
 * amends_entry_row_get_text:
 *
 * Returns: (transfer none): the text inside an entry row: what has the
 *   focus, and what a screen reader announces
 */
GtkAccessible *
amends_entry_row_get_text (AdwEntryRow *row)
{
  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), NULL);

  return GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row)));
}

/**
 * amends_entry_row_set_invalid:
 * @hint: (nullable): the label under the row that says what was read, or why
 *   it could not be
 *
 * Marks @row, and @hint, as holding what cannot be read, in red and for
 * screen readers; or as holding something that can.
 */
void
amends_entry_row_set_invalid (AdwEntryRow *row,
                              GtkLabel    *hint,
                              gboolean     invalid)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");

  if (hint != NULL && invalid)
    {
      gtk_widget_add_css_class (GTK_WIDGET (hint), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (hint), "dim-label");
    }
  else if (hint != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (hint), "error");
      gtk_widget_add_css_class (GTK_WIDGET (hint), "dim-label");
    }

  gtk_accessible_update_state (amends_entry_row_get_text (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/**
 * amends_entry_row_set_text_quietly:
 *
 * Shows @text in a row with an apply button, as a value that is saved.
 * AdwEntryRow reveals its apply button whenever its text changes while it
 * has the focus, also when the program sets it; turning the button off
 * and on again hides it.
 */
void
amends_entry_row_set_text_quietly (AdwEntryRow *row,
                                   const char  *text)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  if (text == NULL)
    text = "";

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) == 0)
    return;

  adw_entry_row_set_show_apply_button (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_show_apply_button (row, TRUE);
}

static void
on_choice_selected_cb (AdwComboRow *row,
                       GParamSpec  *pspec,
                       GtkListItem *list_item)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (list_item));

  gtk_widget_set_opacity (check,
                          adw_combo_row_get_selected (row) == gtk_list_item_get_position (list_item));
}

static void
on_choice_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    AdwComboRow              *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (list_item, box);
}

static void
on_choice_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   AdwComboRow              *row)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *check = gtk_widget_get_last_child (box);

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)),
                       gtk_string_object_get_string (gtk_list_item_get_item (list_item)));

  /* The mark of the chosen one is for the list, not for the row. */
  if (gtk_widget_get_ancestor (box, GTK_TYPE_POPOVER) != NULL)
    {
      gtk_widget_set_visible (check, TRUE);
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_choice_selected_cb), list_item);
      on_choice_selected_cb (row, NULL, list_item);
    }
  else
    gtk_widget_set_visible (check, FALSE);
}

static void
on_choice_unbind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     AdwComboRow              *row)
{
  g_signal_handlers_disconnect_by_func (row, on_choice_selected_cb, list_item);
}

/**
 * amends_combo_row_show_full_labels:
 *
 * Shows the choices of @row whole, in the row and in its list, with a mark
 * beside the chosen one in the list.  The row's own factory cuts a label
 * such as "What went wrong (summary)" short at 20 characters.
 */
void
amends_combo_row_show_full_labels (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_choice_setup_cb), row);
  g_signal_connect (factory, "bind", G_CALLBACK (on_choice_bind_cb), row);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_choice_unbind_cb), row);
  adw_combo_row_set_factory (row, factory);
}

/**
 * amends_entry_row_set_max_length:
 *
 * Lets no more than @max_length characters be typed or pasted into @row
 * (libadwaita 1.2 has no property for it: the text inside the row has).
 */
void
amends_entry_row_set_max_length (AdwEntryRow *row,
                                 int          max_length)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  gtk_text_set_max_length (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (row))), max_length);
}

/**
 * amends_widget_add_toast:
 * @widget: the widget the news is about
 * @toast: (transfer full): the news
 *
 * Shows @toast by its window's rule (amends_window_add_toast(): the
 * newest replaces the one shown, once that one has settled), or in the
 * nearest toast overlay when @widget is not in an Amends window (a
 * widget tested alone).
 */
void
amends_widget_add_toast (GtkWidget *widget,
                         AdwToast  *toast)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *overlay;

  if (AMENDS_IS_WINDOW (root))
    {
      amends_window_add_toast (AMENDS_WINDOW (root), toast);
      return;
    }

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}
