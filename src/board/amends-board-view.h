/* amends-board-view.h: the storytelling board: candidates, drafted, told
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_BOARD_VIEW (amends_board_view_get_type ())

G_DECLARE_FINAL_TYPE (AmendsBoardView, amends_board_view, AMENDS, BOARD_VIEW, GtkWidget)

GtkWidget   *amends_board_view_new            (void);
AmendsStore *amends_board_view_get_store      (AmendsBoardView  *self);
void         amends_board_view_set_store      (AmendsBoardView  *self,
                                               AmendsStore      *store);
gboolean     amends_board_view_move_story     (AmendsBoardView  *self,
                                               gint64            story_id,
                                               AmendsStoryStage  stage,
                                               GError          **error);
void         amends_board_view_reload         (AmendsBoardView  *self);
gboolean     amends_board_view_is_busy        (AmendsBoardView  *self);
guint        amends_board_view_get_n_stories  (AmendsBoardView  *self,
                                               AmendsStoryStage  stage);

G_END_DECLS
