/* amends-board-view-private.h: the board's parts, shared by its files
 *
 * amends-board-view.c is the widget, its columns and its cards;
 * amends-board-view-sync.c reads the board in a worker and takes in
 * changes one by one; amends-board-view-undo.c says what moved and undoes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-board-view.h"
#include "amends-board-column.h"
#include "amends-board-lane.h"

G_BEGIN_DECLS

#define N_COLUMNS 3

typedef struct
{
  AmendsStoryStage   stage;
  AmendsBoardLane   *lane;
  AmendsBoardColumn *stories;   /* the lane's */
} Column;

struct _AmendsBoardView
{
  GtkWidget        parent_instance;

  AmendsStore     *store;
  Column           columns[N_COLUMNS];
  GtkWidget       *empty_hint;

  /* What changed since the board last looked: ids, as sets. */
  GHashTable      *changed_cases;
  GHashTable      *changed_stories;
  gboolean         stale;               /* to be read whole */
  guint            flush_source;
  GCancellable    *reading;             /* the worker's, while it reads */
  GArray          *missing;             /* cases to make candidates of */
  guint            missing_done;
  guint            missing_source;

  /* The last move, for undo */
  gint64           undo_story_id;
  AmendsStoryStage undo_stage;
  GDateTime       *undo_told_at;
  AdwToast        *undo_toast;          /* weak */

  /* A card moved from the keyboard, or put back by undo, has the focus
   * in its new column, with the focus ring if the keyboard moved it. */
  gint64           focus_story_id;
  guint            focus_column;
  gboolean         focus_ring;
  guint            focus_tick;
  guint            focus_tries;
};

Column   *amends_board_view_column_for_stage         (AmendsBoardView  *self,
                                                      AmendsStoryStage  stage);
void      amends_board_view_focus_moved_card         (AmendsBoardView  *self);
void      amends_board_view_update_hint              (AmendsBoardView  *self);

/* amends-board-view-sync.c */
gboolean  amends_board_view_is_shown                 (AmendsBoardView  *self);
void      amends_board_view_start_reading            (AmendsBoardView  *self);
void      amends_board_view_schedule_flush           (AmendsBoardView  *self);
void      amends_board_view_resume_making_candidates (AmendsBoardView  *self);
void      amends_board_view_record_changed_cb        (AmendsBoardView  *self,
                                                      GType             type,
                                                      gint64            id,
                                                      AmendsStore      *store);
void      amends_board_view_changes_committed_cb     (AmendsBoardView  *self,
                                                      AmendsStore      *store);

/* amends-board-view-undo.c */
void      amends_board_view_show_toast               (AmendsBoardView  *self,
                                                      AdwToast         *toast);
void      amends_board_view_show_error               (AmendsBoardView  *self,
                                                      const GError     *error);
void      amends_board_view_clear_undo               (AmendsBoardView  *self);
void      amends_board_view_undo_move                (AmendsBoardView  *self);
void      amends_board_view_offer_undo               (AmendsBoardView  *self,
                                                      AmendsStory      *story,
                                                      AmendsStoryStage  from,
                                                      GDateTime        *told_at);

G_END_DECLS
