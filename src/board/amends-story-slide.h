/* amends-story-slide.h: a told story on the staff-room wall
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-story.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_STORY_SLIDE (amends_story_slide_get_type ())

G_DECLARE_FINAL_TYPE (AmendsStorySlide, amends_story_slide, AMENDS, STORY_SLIDE, AdwBin)

GtkWidget *amends_story_slide_new       (AmendsStory *story,
                                         const char  *heroes);
GtkWidget *amends_story_slide_new_first (void);

G_END_DECLS
