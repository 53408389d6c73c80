/* amends-story-card.h: one recovery story on the storytelling board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_STORY_CARD (amends_story_card_get_type ())

G_DECLARE_FINAL_TYPE (AmendsStoryCard, amends_story_card, AMENDS, STORY_CARD, GtkWidget)

GtkWidget   *amends_story_card_new        (AmendsStore     *store);
AmendsStore *amends_story_card_get_store  (AmendsStoryCard *self);
AmendsStory *amends_story_card_get_story  (AmendsStoryCard *self);
void         amends_story_card_set_story  (AmendsStoryCard *self,
                                           AmendsStory     *story);

void         amends_story_card_update     (AmendsStoryCard *self);

G_END_DECLS
