/* amends-training-pack.h: the board's Training Pack…, saved as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store.h"

G_BEGIN_DECLS

void     amends_training_pack_install_action (GtkWidgetClass  *widget_class);
gboolean amends_training_pack_save_to        (GtkWidget       *board_page,
                                              const char      *path);

G_END_DECLS
