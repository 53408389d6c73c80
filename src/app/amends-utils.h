/* amends-utils.h: small things several widgets do alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkAccessible *amends_entry_row_get_text    (AdwEntryRow *row);
void           amends_widget_add_toast      (GtkWidget   *widget,
                                             AdwToast    *toast);
void           amends_entry_row_set_invalid (AdwEntryRow *row,
                                             GtkLabel    *hint,
                                             gboolean     invalid);
void           amends_entry_row_set_text_quietly (AdwEntryRow *row,
                                                  const char  *text);
void           amends_combo_row_show_full_labels (AdwComboRow *row);
void           amends_entry_row_set_max_length   (AdwEntryRow *row,
                                                  int          max_length);

/* A summary says in a few words what went wrong; the description says the
 * rest.  A longer one made the editor's title two screens tall. */
#define AMENDS_SUMMARY_MAX_LENGTH 200

G_END_DECLS
