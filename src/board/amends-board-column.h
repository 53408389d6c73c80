/* amends-board-column.h: the stories of one column of the board, by id
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amends-store-stories.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_BOARD_COLUMN (amends_board_column_get_type ())

G_DECLARE_FINAL_TYPE (AmendsBoardColumn, amends_board_column, AMENDS, BOARD_COLUMN, GObject)

AmendsBoardColumn *amends_board_column_new          (AmendsStore       *store);
void               amends_board_column_set_entries  (AmendsBoardColumn *self,
                                                     GArray            *entries);
int                amends_board_column_find_story   (AmendsBoardColumn *self,
                                                     gint64             story_id);
int                amends_board_column_find_case    (AmendsBoardColumn *self,
                                                     gint64             case_id);
const AmendsBoardEntry *amends_board_column_get_entry (AmendsBoardColumn *self,
                                                       guint              position);
void               amends_board_column_remove       (AmendsBoardColumn *self,
                                                     guint              position);
void               amends_board_column_insert       (AmendsBoardColumn *self,
                                                     const AmendsBoardEntry *entry);
AmendsStory       *amends_board_column_peek_story   (AmendsBoardColumn *self,
                                                     gint64             story_id);

G_END_DECLS
