/* amends-accessible.c: names that a screen reader reads, where GTK 4.8
 * and libadwaita 1.2 leave one missing or doubled
 *
 * Three gaps, each found by tests/test-ui-a11y.c, which reads the names
 * from the accessibility bus as Orca does:
 *
 *  - a GtkDropDown's label stays on the drop-down, but the focus goes to
 *    the toggle button inside it, which is read as "GtkToggleButton";
 *  - a preferences group or expander row without a title leaves its inner
 *    GtkListBox unnamed, read as "GtkListBox" on the way into its rows;
 *  - a button whose label has a mnemonic ("_Save") gets that raw label as
 *    its accessible label, and the visible label is read after it:
 *    "_Save Save".  Without the accessible label, the visible one names it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-accessible.h"

/**
 * amends_accessible_name_drop_down:
 *
 * Gives the button inside @drop_down, which is what takes the focus, the
 * name @name.
 */
void
amends_accessible_name_drop_down (GtkDropDown *drop_down,
                                  const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TOGGLE_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                        -1);
    }
}

static void
name_list_boxes (GtkWidget  *widget,
                 const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                        -1);
      name_list_boxes (child, name);
    }
}

/**
 * amends_accessible_name_group_list:
 *
 * Names the lists inside @group (an AdwPreferencesGroup, or an
 * AdwExpanderRow, which has one for its header and one for its rows)
 * @name.
 */
void
amends_accessible_name_group_list (GtkWidget  *group,
                                   const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (group));

  name_list_boxes (group, name);
}

/**
 * amends_accessible_unmnemonic_buttons:
 *
 * Drops the raw mnemonic label from @root, if it is a button with a
 * mnemonic, and from every such button inside it, so that each is named
 * once by its visible label.  Call it again after changing a label.
 */
void
amends_accessible_unmnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)) &&
      gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    amends_accessible_unmnemonic_buttons (child);
}
