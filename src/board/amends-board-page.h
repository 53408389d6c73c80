/* amends-board-page.h: the Board view of the window: the board, the
 * heroes beside it, the way to the staff-room screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_BOARD_PAGE (amends_board_page_get_type ())

G_DECLARE_FINAL_TYPE (AmendsBoardPage, amends_board_page, AMENDS, BOARD_PAGE, GtkWidget)

GtkWidget   *amends_board_page_new             (void);
AmendsStore *amends_board_page_get_store       (AmendsBoardPage *self);
void         amends_board_page_set_store       (AmendsBoardPage *self,
                                                AmendsStore     *store);
GtkWidget   *amends_board_page_get_board_view  (AmendsBoardPage *self);
gboolean     amends_board_page_get_heroes_folded (AmendsBoardPage *self);

G_END_DECLS
