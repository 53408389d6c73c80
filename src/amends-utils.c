/* amends-utils.c: small things several widgets do alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-utils"

#include "config.h"

#include "amends-utils.h"

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
