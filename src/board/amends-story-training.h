/* amends-story-training.h: the story editor's Training group: a training
 * example or not, and who has read it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_STORY_TRAINING (amends_story_training_get_type ())

G_DECLARE_FINAL_TYPE (AmendsStoryTraining, amends_story_training, AMENDS, STORY_TRAINING, AdwPreferencesGroup)

void     amends_story_training_load       (AmendsStoryTraining *self,
                                           AmendsStore         *store,
                                           AmendsStory         *story);
gboolean amends_story_training_get_active (AmendsStoryTraining *self);

G_END_DECLS
