/* amends-conflict-dialog.h: asking which of two saves of the same field to keep
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void       amends_conflict_dialog_append_field (GString    *body,
                                                const char *label,
                                                const char *theirs,
                                                const char *mine);
GtkWidget *amends_conflict_dialog_new          (GtkWindow  *parent,
                                                const char *heading,
                                                const char *body);

G_END_DECLS
