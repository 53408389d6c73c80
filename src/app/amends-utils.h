/* amends-utils.h: small things several widgets do alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkAccessible *amends_entry_row_get_text    (AdwEntryRow *row);
void           amends_entry_row_set_invalid (AdwEntryRow *row,
                                             GtkLabel    *hint,
                                             gboolean     invalid);
void           amends_entry_row_set_text_quietly (AdwEntryRow *row,
                                                  const char  *text);
void           amends_combo_row_show_full_labels (AdwComboRow *row);

G_END_DECLS
