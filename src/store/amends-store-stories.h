/* amends-store-stories.h: recovery stories and their heroes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-store.h"
#include "amends-board-reader.h"

G_BEGIN_DECLS

/* How one member of staff stands in a period: the told stories they are a
 * hero of, and the recoveries they owned whose customer was blown away. */
typedef struct
{
  gint64  staff_id;
  char   *name;
  guint   n_told;
  guint   n_blown_away;
} AmendsHeroCount;

/* Where a story shows on the storytelling board. */
typedef struct
{
  gint64            story_id;
  gint64            case_id;
  gint64            key;        /* the board's order: the greatest first */
  AmendsStoryStage  stage;
  gboolean          shown;      /* in its stage's column */
} AmendsBoardEntry;

void         amends_hero_count_free           (AmendsHeroCount  *count);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsHeroCount, amends_hero_count_free)

gboolean     amends_store_refresh_candidates  (AmendsStore      *self,
                                               guint            *n_added,
                                               GError          **error);
gboolean     amends_store_refresh_candidates_of (AmendsStore    *self,
                                                 const gint64   *case_ids,
                                                 guint           n_ids,
                                                 guint          *n_added,
                                                 GError        **error);
gboolean     amends_store_read_board_entry    (AmendsStore      *self,
                                               gint64            story_id,
                                               gint64            case_id,
                                               AmendsBoardEntry *entry,
                                               GError          **error);
AmendsStory *amends_store_propose_story       (AmendsStore      *self,
                                               gint64            case_id,
                                               GError          **error);
gboolean     amends_store_move_story          (AmendsStore      *self,
                                               AmendsStory      *story,
                                               AmendsStoryStage  stage,
                                               GError          **error);
gboolean     amends_store_save_story          (AmendsStore      *self,
                                               AmendsStory      *story,
                                               GArray           *heroes,
                                               GError          **error);
AmendsStory *amends_store_find_story          (AmendsStore      *self,
                                               gint64            case_id,
                                               GError          **error);
GListModel  *amends_store_list_stories_told   (AmendsStore      *self,
                                               GDateTime        *from,
                                               GDateTime        *until,
                                               GError          **error);
GPtrArray   *amends_store_count_heroes        (AmendsStore      *self,
                                               GDateTime        *from,
                                               GDateTime        *until,
                                               GError          **error);

G_END_DECLS
