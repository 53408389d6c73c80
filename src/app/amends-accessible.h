/* amends-accessible.h: names that a screen reader reads, where GTK 4.8
 * and libadwaita 1.2 leave one missing or doubled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void amends_accessible_name_drop_down      (GtkDropDown         *drop_down,
                                            const char          *name);
void amends_accessible_name_group_list     (GtkWidget           *group,
                                            const char          *name);
void amends_accessible_unmnemonic_buttons  (GtkWidget           *root);

G_END_DECLS
