/* amends-story.h: a recovery told as a story, to celebrate its heroes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-enums.h"
#include "amends-record.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_STORY (amends_story_get_type ())

G_DECLARE_FINAL_TYPE (AmendsStory, amends_story, AMENDS, STORY, AmendsRecord)

AmendsStory *amends_story_new (void);
gint64 amends_story_get_case_id (AmendsStory *self);
const char *amends_story_get_title (AmendsStory *self);
const char *amends_story_get_text (AmendsStory *self);
AmendsStoryStage amends_story_get_stage (AmendsStory *self);
GDateTime *amends_story_get_told_at (AmendsStory *self);
gboolean amends_story_get_training (AmendsStory *self);

G_END_DECLS
