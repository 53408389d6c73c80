/* amends-board-lane.h: one column of the storytelling board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amends-board-column.h"
#include "amends-store.h"
#include "amends-story.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_BOARD_LANE (amends_board_lane_get_type ())

G_DECLARE_FINAL_TYPE (AmendsBoardLane, amends_board_lane, AMENDS, BOARD_LANE, GtkBox)

AmendsStoryStage   amends_board_lane_get_stage    (AmendsBoardLane  *self);
void               amends_board_lane_set_stage    (AmendsBoardLane  *self,
                                                   AmendsStoryStage  stage);
AmendsBoardColumn *amends_board_lane_get_stories  (AmendsBoardLane  *self);
void               amends_board_lane_set_store    (AmendsBoardLane  *self,
                                                   AmendsStore      *store);
void               amends_board_lane_update       (AmendsBoardLane  *self);
void               amends_board_lane_show_list    (AmendsBoardLane  *self);
void               amends_board_lane_scroll_to    (AmendsBoardLane  *self,
                                                   guint             position);
gboolean           amends_board_lane_focus_card   (AmendsBoardLane  *self,
                                                   gint64            story_id);
void               amends_board_lane_update_card  (AmendsBoardLane  *self,
                                                   AmendsStory      *story);

G_END_DECLS
