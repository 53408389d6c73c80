/* amends-story-editor.h: write a recovery up as a story, and name its heroes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_STORY_EDITOR (amends_story_editor_get_type ())

G_DECLARE_FINAL_TYPE (AmendsStoryEditor, amends_story_editor, AMENDS, STORY_EDITOR, AdwWindow)

AmendsStoryEditor *amends_story_editor_new       (GtkWindow         *parent,
                                                  AmendsStore       *store,
                                                  AmendsStory       *story);
AmendsStore       *amends_story_editor_get_store (AmendsStoryEditor *self);
AmendsStory       *amends_story_editor_get_story (AmendsStoryEditor *self);
gboolean           amends_story_editor_get_modified (AmendsStoryEditor *self);

G_END_DECLS
